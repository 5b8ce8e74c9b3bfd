/* cmd_show.c - brief show REGION: the briefing model on the terminal. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "aggregate/aggregate.h"
#include "cli/cli.h"
#include "render/render.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] show REGION [--year Y] [--json]\n\n"
		   "Prints the briefing of REGION (a name such as 钱塘区 or 钱塘, or a\n"
		   "code) for year Y (default: the latest year with targets): its\n"
		   "targets, last year's results and how last year's targets went,\n"
		   "key projects, clusters by tier, the sibling districts compared,\n"
		   "and the numbered sources. --json prints the model as JSON.\n\n"
		   "A region has a briefing for year Y when it has targets for Y or\n"
		   "results for Y-1 (brief regions lists the years); another year is\n"
		   "an error. A fact counts for the year it speaks of: a result only when it is of\n"
		   "the whole year (not 上半年, 春节期间, 截至2月4日 ...), and in an article\n"
		   "with no date only when its paragraph writes the year out.\n");
}

/* Returns an exit status when done (help, usage error), -1 to go on. */
static int parse(int argc, char **argv, int *year, bool *json)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;
	while ((c = getopt_long(argc, argv, ":y:jh", opts, NULL)) != -1) {
		if (c == 'y' && (rc = brief_cli_year("show", optarg, year)) >= 0)
			return rc;
		else if (c == 'j')
			*json = true;
		else if (c == 'h') {
			usage(stdout);
			return BRIEF_EXIT_OK;
		} else if (c != 'y')
			return brief_cli_bad_option("show", c, argv);
	}
	return brief_cli_operands("show", argc, argv, 1, "REGION");
}

int brief_cmd_show(brief_cli *cli, int argc, char **argv)
{
	brief_doc doc;
	brief_buf out = BRIEF_BUF_INIT;
	bool json = false;
	int year = 0, status = parse(argc, argv, &year, &json);
	brief_db *db;

	if (status >= 0)
		return status;
	status = BRIEF_EXIT_PARTIAL;
	if (!(db = brief_cli_open_db(cli)))
		return status;
	if (brief_aggregate(db, argv[optind], year, &doc, &cli->diag) == 0) {
		if ((json ? brief_render_json(&doc, &out) : brief_render_text(&doc, &out)) == 0) {
			fwrite(out.data, 1, out.len, stdout);
			status = BRIEF_EXIT_OK;
		}
		brief_doc_free(&doc);
	}
	brief_buf_free(&out);
	brief_db_close(db);
	return status;
}
