/* dispatch.c - argv -> command, for brief and brief-mail. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "render/render.h"

/*
 * A command kept in a program of its own (brief-mail: GMime, libcurl and
 * their thirty libraries would otherwise load with every brief command),
 * found beside this executable, else on PATH; the database goes along
 * in BRIEF_DB.
 */
static int run_program(brief_cli *cli, const brief_command *cmd, int argc, char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char **args = calloc((size_t)argc + 2, sizeof *args);
	if (!args)
		return BRIEF_EXIT_PARTIAL;
	args[0] = (char *)cmd->program;
	memcpy(args + 1, argv, (size_t)argc * sizeof *args);
	setenv("BRIEF_DB", cli->db_path, 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash)
			*slash = '\0';
		snprintf(path, sizeof path, "%s/%s", self, cmd->program);
		execv(path, args);
	}
	execvp(cmd->program, args);
	fprintf(stderr, "brief: %s needs the program %s (make builds it beside brief): %s\n",
		cmd->name, cmd->program, strerror(errno));
	free(args);
	return BRIEF_EXIT_PARTIAL;
}

static void usage(FILE *f, const brief_command *commands)
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

int brief_main(int argc, char **argv, const brief_command *commands)
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
			usage(stdout, commands);
			return BRIEF_EXIT_OK;
		case 'V':
			printf("brief %s\n", BRIEF_VERSION);
			return BRIEF_EXIT_OK;
		default:
			usage(stderr, commands);
			return BRIEF_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr, commands);
		return BRIEF_EXIT_USAGE;
	}
	for (const brief_command *cmd = commands; cmd->name; cmd++) {
		if (strcmp(argv[optind], cmd->name) == 0) {
			int cargc = argc - optind;
			char **cargv = argv + optind;
			optind = 0;     /* reset getopt for the command */
			if (!cmd->run)
				return run_program(&cli, cmd, cargc, cargv);
			int status = cmd->run(&cli, cargc, cargv);
			brief_render_done();
			return status;
		}
	}
	fprintf(stderr, "brief: unknown command '%s' (see brief --help)\n",
		argv[optind]);
	return BRIEF_EXIT_USAGE;
}
