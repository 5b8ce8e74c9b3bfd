/*
 * cmd_show.c - brief show REGION [--year Y] [--json]: the briefing model
 * of one region and year, as terminal text or as JSON.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/aggregate.h"
#include "cli/cli.h"
#include "render/render.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] show REGION [--year Y] [--json]\n\n"
		   "Prints the briefing of REGION (full name such as 钱塘区, short\n"
		   "name such as 钱塘, or code such as 330114) for year Y: its\n"
		   "targets for Y, results of Y-1 and last year's scorecard, key\n"
		   "projects, industry clusters, a comparison with the other\n"
		   "districts and counties of the same city, and the numbered\n"
		   "sources. Y defaults to the latest year with targets.\n\n"
		   "  --year Y   the plan year\n"
		   "  --json     the model as JSON instead of text\n");
}

/* A year as given by a user: four digits, nothing else. */
static int parse_year(const char *s)
{
	char *end;
	long y = strtol(s, &end, 10);
	return *s && !*end && y >= 1900 && y <= 2200 ? (int)y : 0;
}

int brief_cmd_show(brief_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	brief_buf out = BRIEF_BUF_INIT;
	brief_doc doc = { 0 };
	brief_db *db = NULL;
	bool json = false;
	int year = 0, c, rc = 1;

	if (brief_cli_wants_help(argc, argv)) {
		usage(stdout);
		return BRIEF_EXIT_OK;
	}
	while ((c = getopt_long(argc, argv, "y:j", opts, NULL)) != -1) {
		if (c == 'y' && (year = parse_year(optarg)))
			continue;
		if (c == 'j') {
			json = true;
			continue;
		}
		if (c == 'y')
			fprintf(stderr, "brief: show: --year wants a year such as 2025, not '%s'\n",
				optarg);
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	if (optind + 1 != argc) {
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	if (!(db = brief_cli_open_db(cli)))
		return 1;
	if (brief_aggregate(db, argv[optind], year, &doc, &cli->diag))
		goto done;
	if ((json ? brief_render_json : brief_render_text)(&doc, &out)) {
		brief_error(&cli->diag, NULL, "out of memory while rendering");
		goto done;
	}
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout)) {
		brief_error(&cli->diag, "stdout", "write failed");
		goto done;
	}
	rc = BRIEF_EXIT_OK;
done:
	brief_buf_free(&out);
	brief_doc_free(&doc);
	brief_db_close(db);
	return rc;
}
