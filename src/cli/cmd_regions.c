/* cmd_regions.c - brief regions: which regions have facts, and which. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "extract/regions.h"
#include "util/utf8.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] regions [--year Y] [--scope REGION]\n\n"
		   "Lists the regions that have facts, with the number of targets,\n"
		   "results, projects and clusters and the years covered. --scope\n"
		   "keeps a region and what lies in it (杭州市: the city, its\n"
		   "districts and counties).\n");
}

static const char regions_sql[] =
	"SELECT region_code, region, sum(type = 'target'), sum(type = 'actual'),"
	" sum(type = 'project'), sum(type = 'cluster'),"
	" (SELECT group_concat(y, ',') FROM (SELECT DISTINCT year AS y FROM facts g"
	"   WHERE g.region_code = f.region_code AND g.year IS NOT NULL ORDER BY y))"
	" FROM facts f WHERE region_code IS NOT NULL AND (?1 IS NULL OR year = ?1)"
	" GROUP BY region_code ORDER BY region_code";

static void pad(const char *s, size_t cells)
{
	size_t w = brief_utf8_width(s);
	fputs(s, stdout);
	for (; w < cells; w++)
		putchar(' ');
}

static int list(brief_db *db, int year, const brief_gazetteer *g,
		const brief_region *scope)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (sqlite3_prepare_v2(brief_db_handle(db), regions_sql, -1, &st, NULL))
		return -1;
	if (year)
		sqlite3_bind_int(st, 1, year);
	printf("%-8s %-14s %7s %7s %8s %8s  %s\n", "code", "region", "targets",
	       "actuals", "projects", "clusters", "years");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		if (scope && !brief_region_within(g, code, scope))
			continue;
		printf("%-8s ", code);
		pad((const char *)sqlite3_column_text(st, 1), 14);
		printf(" %7d %7d %8d %8d  %s\n", sqlite3_column_int(st, 2),
		       sqlite3_column_int(st, 3), sqlite3_column_int(st, 4),
		       sqlite3_column_int(st, 5),
		       sqlite3_column_text(st, 6) ? (const char *)sqlite3_column_text(st, 6) : "-");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int brief_cmd_regions(brief_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "scope", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *scope_name = NULL;
	const brief_region *scope = NULL;
	int year = 0, c, status = BRIEF_EXIT_PARTIAL;
	brief_gazetteer *g = NULL;
	brief_db *db = NULL;
	size_t n;

	while ((c = getopt_long(argc, argv, "y:s:h", opts, NULL)) != -1) {
		if (c == 'y' && atoi(optarg) > 0)
			year = atoi(optarg);
		else if (c == 's')
			scope_name = optarg;
		else {
			usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? BRIEF_EXIT_OK : BRIEF_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	if (!(g = brief_gazetteer_new()) || !(db = brief_cli_open_db(cli)))
		goto out;
	if (scope_name && !(scope = brief_region_resolve(g, scope_name, &n, NULL))) {
		brief_error(&cli->diag, scope_name, n ? "ambiguous region name (give its code)"
						      : "unknown region");
		goto out;
	}
	if (list(db, year, g, scope) == 0)
		status = BRIEF_EXIT_OK;
out:
	brief_db_close(db);
	brief_gazetteer_free(g);
	return status;
}
