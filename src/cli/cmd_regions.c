/*
 * cmd_regions.c - brief regions [--year Y] [--scope REGION]: the regions
 * that have facts, with counts per type and the years covered.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "extract/regions.h"
#include "util/utf8.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] regions [--year Y] [--scope REGION]\n\n"
		   "Lists the regions that have facts: code, name, counts of\n"
		   "targets, actuals, projects and clusters, and the years covered.\n\n"
		   "  --year Y         only facts of year Y\n"
		   "  --scope REGION   only REGION and the regions under it\n"
		   "                   (--scope 杭州市: the city, its districts and counties)\n");
}

static const char regions_sql[] =
	"SELECT region_code, max(region),"
	" sum(type = 'target'), sum(type = 'actual'),"
	" sum(type = 'project'), sum(type = 'cluster'),"
	" (SELECT group_concat(y, ',') FROM (SELECT DISTINCT year AS y FROM facts g"
	"   WHERE g.region_code = f.region_code AND g.year IS NOT NULL"
	"   AND (?1 IS NULL OR g.year = ?1) ORDER BY y))"
	" FROM facts f WHERE region_code IS NOT NULL"
	" AND (?1 IS NULL OR year = ?1)"
	" AND (?2 IS NULL OR region_code = ?2 OR parent_code = ?2"
	"      OR substr(parent_code, 1, 2) || '0000' = ?2 AND ?2 LIKE '__0000')"
	" GROUP BY region_code ORDER BY region_code";

/* The scope as a code: gazetteer names first, then the facts' names. */
static char *scope_code(sqlite3 *h, const char *arg)
{
	brief_gazetteer *g = brief_gazetteer_new();
	const brief_region *r[4];
	char *code = NULL;

	if (g && brief_region_by_code(g, arg))
		code = strdup(arg);
	else if (g && brief_region_lookup(g, arg, r, 4) >= 1)
		code = strdup(r[0]->code);
	brief_gazetteer_free(g);
	if (!code) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(h, "SELECT region_code FROM facts WHERE region = ?1"
				       " OR region_code = ?1 LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				code = strdup((const char *)sqlite3_column_text(st, 0));
		}
		sqlite3_finalize(st);
	}
	return code;
}

static void pad(const char *s, size_t width)
{
	fputs(s, stdout);
	for (size_t w = brief_utf8_width(s); w < width; w++)
		putchar(' ');
}

int brief_cmd_regions(brief_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "scope", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *scope = NULL;
	char *code = NULL;
	sqlite3_stmt *st = NULL;
	brief_db *db = NULL;
	int year = 0, c, rc = 1, step;
	size_t n = 0;

	if (brief_cli_wants_help(argc, argv)) {
		usage(stdout);
		return BRIEF_EXIT_OK;
	}
	while ((c = getopt_long(argc, argv, "y:s:", opts, NULL)) != -1) {
		char *end = NULL;
		if (c == 'y' && (year = (int)strtol(optarg, &end, 10)) >= 1900 &&
		    year <= 2200 && !*end)
			continue;
		if (c == 's') {
			scope = optarg;
			continue;
		}
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	if (optind != argc) {
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	if (!(db = brief_cli_open_db(cli)))
		return 1;
	sqlite3 *h = brief_db_handle(db);
	if (scope && !(code = scope_code(h, scope))) {
		brief_error(&cli->diag, NULL, "unknown region '%s'", scope);
		goto done;
	}
	if (sqlite3_prepare_v2(h, regions_sql, -1, &st, NULL) != SQLITE_OK)
		goto sqlfail;
	if (year)
		sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	printf("%-8s", "code");
	pad("region", 14);
	printf("%7s %7s %7s %7s  years\n", "target", "actual", "project", "cluster");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *years = (const char *)sqlite3_column_text(st, 6);
		printf("%-8s", (const char *)sqlite3_column_text(st, 0));
		pad(sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "?", 14);
		printf("%7d %7d %7d %7d  %s\n", sqlite3_column_int(st, 2),
		       sqlite3_column_int(st, 3), sqlite3_column_int(st, 4),
		       sqlite3_column_int(st, 5), years ? years : "-");
		n++;
	}
	if (step != SQLITE_DONE)
		goto sqlfail;
	if (!n)
		fprintf(stderr, "brief: regions: no facts%s%s\n", scope ? " in " : "",
			scope ? scope : "");
	rc = BRIEF_EXIT_OK;
	goto done;
sqlfail:
	brief_error(&cli->diag, brief_db_path(db), "%s", sqlite3_errmsg(h));
done:
	sqlite3_finalize(st);
	free(code);
	brief_db_close(db);
	return rc;
}
