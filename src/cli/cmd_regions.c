/* cmd_regions.c - brief regions: which regions have facts, and which
 * years have a briefing (by the rule of brief_briefings, aggregate/period.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/period.h"
#include "aggregate/region.h"
#include "cli/cli.h"
#include "util/buf.h"

typedef struct regions_args {
	int year;
	const char *scope;
	bool briefings;
} regions_args;

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] regions [--year Y] [--scope REGION] [--briefings]\n\n"
		   "Lists the regions that have facts, with the number of targets,\n"
		   "results, projects and clusters and the years that have a briefing.\n"
		   "A region has a briefing for year Y when it has targets for Y or\n"
		   "results for Y-1 (show, render, batch and mail go by the same rule).\n"
		   "A fact counts for the year it speaks of: a result only when it is of\n"
		   "the whole year (not 上半年, 春节期间, 截至2月4日 ...), and in an article\n"
		   "with no date only when its paragraph writes the year out.\n\n"
		   "  --year Y         only the regions with a briefing for Y, with the\n"
		   "                   facts it draws on (targets, projects and clusters\n"
		   "                   of Y, results of Y-1)\n"
		   "  --scope REGION   only REGION and what lies in it (杭州市: the city,\n"
		   "                   its districts and counties)\n"
		   "  --briefings      one line per region and year with a briefing,\n"
		   "                   tab-separated: code, year, targets of Y, results\n"
		   "                   of Y-1, region (for scripts)\n");
}

static const char regions_sql[] =
	"SELECT region_code, min(region),"
	" sum(type = 'target' AND (?1 IS NULL OR year = ?1)),"
	" sum(type = 'actual' AND (?1 IS NULL OR year = ?1 - 1)),"
	" sum(type = 'project' AND (?1 IS NULL OR year = ?1)),"
	" sum(type = 'cluster' AND (?1 IS NULL OR year = ?1))"
	" FROM facts WHERE region_code IS NOT NULL"
	" GROUP BY region_code ORDER BY region_code";

typedef struct lister {
	const brief_gazetteer *g;
	const brief_region *scope;
	int year;
	bool found;
	brief_buf years;
} lister;

static int add_year(void *user, const char *code, const char *name, int year,
		    int targets, int results)
{
	lister *l = user;
	l->found |= year == l->year;
	brief_buf_printf(&l->years, "%s%d", l->years.len ? "," : "", year);
	return 0;
}

static void row(lister *l, sqlite3_stmt *st, const char *code)
{
	const brief_region *r = brief_region_by_code(l->g, code);
	printf("%-8s ", code);
	brief_cli_pad(stdout, r ? r->name : (const char *)sqlite3_column_text(st, 1), 14);
	printf(" %7d %7d %8d %8d  %s\n", sqlite3_column_int(st, 2),
	       sqlite3_column_int(st, 3), sqlite3_column_int(st, 4),
	       sqlite3_column_int(st, 5), l->years.len ? l->years.data : "-");
}

static int list(brief_db *db, lister *l)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(brief_db_handle(db), regions_sql, -1, &st, NULL))
		return -1;
	if (l->year)
		sqlite3_bind_int(st, 1, l->year);
	printf("%-8s %-14s %7s %7s %8s %8s  %s\n", "code", "region", "targets",
	       "actuals", "projects", "clusters", "briefings");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		if (l->scope && !brief_region_within(l->g, code, l->scope))
			continue;
		l->found = false;
		brief_buf_truncate(&l->years, 0);
		if (brief_briefings(db, code, 0, add_year, l))
			break;
		if (!brief_buf_ok(&l->years))
			break;
		if (!l->year || l->found)
			row(l, st, code);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int briefing_line(void *user, const char *code, const char *name, int year,
			 int targets, int results)
{
	lister *l = user;
	const brief_region *r = brief_region_by_code(l->g, code);
	if (!l->scope || brief_region_within(l->g, code, l->scope))
		printf("%s\t%d\t%d\t%d\t%s\n", code, year, targets, results, r ? r->name : name);
	return 0;
}

/* Returns an exit status when done (help, usage error), -1 to go on. */
static int parse(int argc, char **argv, regions_args *a)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "scope", required_argument, NULL, 's' },
		{ "briefings", no_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;
	while ((c = getopt_long(argc, argv, ":y:s:bh", opts, NULL)) != -1) {
		if (c == 'y' && (rc = brief_cli_year("regions", optarg, &a->year)) >= 0)
			return rc;
		else if (c == 's')
			a->scope = optarg;
		else if (c == 'b')
			a->briefings = true;
		else if (c == 'h') {
			usage(stdout);
			return BRIEF_EXIT_OK;
		} else if (c != 'y')
			return brief_cli_bad_option("regions", c, argv);
	}
	return brief_cli_operands("regions", argc, argv, 0, "");
}

int brief_cmd_regions(brief_cli *cli, int argc, char **argv)
{
	regions_args a = { 0 };
	lister l = { .years = BRIEF_BUF_INIT };
	int status = parse(argc, argv, &a);
	brief_db *db = NULL;

	if (status >= 0)
		return status;
	status = BRIEF_EXIT_PARTIAL;
	l.year = a.year;
	if (!(l.g = brief_gazetteer_shared()))
		brief_error(&cli->diag, NULL, "cannot load the region table");
	else if (!(db = brief_cli_open_db(cli)))
		;       /* reported */
	else if (a.scope && !(l.scope = brief_region_named(db, l.g, a.scope, &cli->diag)))
		;       /* reported */
	else if ((a.briefings ? brief_briefings(db, NULL, a.year, briefing_line, &l)
			      : list(db, &l)) == 0)
		status = BRIEF_EXIT_OK;
	else
		brief_error(&cli->diag, cli->db_path, "cannot list the regions: %s",
			    sqlite3_errmsg(brief_db_handle(db)));
	brief_buf_free(&l.years);
	brief_db_close(db);
	return status;
}
