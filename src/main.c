/* main.c - argv -> command; the only place that exits. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "render/render.h"

/* One line per command; keep the order of the pipeline. */
static const brief_command commands[] = {
	{ "ingest", brief_cmd_ingest, "read articles into the database" },
	{ "docs", brief_cmd_docs, "list the stored documents" },
	{ "text", brief_cmd_text, "print a document's clean text" },
	{ "extract", brief_cmd_extract, "extract the stored documents' facts again" },
	{ "export", brief_cmd_export, "write the facts as JSON lines or CSV" },
	{ "regions", brief_cmd_regions, "list the regions that have facts" },
	{ "show", brief_cmd_show, "print a region's briefing" },
	{ "render", brief_cmd_render, "write a region's briefing (LaTeX, text, JSON)" },
	{ "batch", brief_cmd_batch, "write every region's briefing, the combined one, a manifest" },
	{ "mail", brief_cmd_mail, "e-mail the briefings to a list of recipients" },
	{ NULL, NULL, NULL }
};

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] COMMAND [ARGS]\n"
		   "       brief COMMAND --help\n\n"
		   "Turns Chinese regional-planning news into briefings.\n\n"
		   "options:\n"
		   "  --db FILE    database (default $BRIEF_DB or reports/brief.db)\n"
		   "  -h, --help   this help\n"
		   "  --version    print the version\n\ncommands:\n");
	for (const brief_command *c = commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	brief_cli cli = { 0 };
	int c;

	cli.db_path = getenv("BRIEF_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "reports/brief.db";
	cli.tty = isatty(STDERR_FILENO);
	/* "+": stop at the command name; its options are its own. */
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			cli.db_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return BRIEF_EXIT_OK;
		case 'V':
			printf("brief %s\n", BRIEF_VERSION);
			return BRIEF_EXIT_OK;
		default:
			usage(stderr);
			return BRIEF_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	for (const brief_command *cmd = commands; cmd->name; cmd++) {
		if (strcmp(argv[optind], cmd->name) == 0) {
			int cargc = argc - optind;
			char **cargv = argv + optind;
			optind = 0;     /* reset getopt for the command */
			int status = cmd->run(&cli, cargc, cargv);
			brief_render_done();
			return status;
		}
	}
	fprintf(stderr, "brief: unknown command '%s' (see brief --help)\n",
		argv[optind]);
	return BRIEF_EXIT_USAGE;
}
