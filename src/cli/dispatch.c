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
int brief_cli_exec(brief_cli *cli, const char *program, const char *cmd, int argc,
		   char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char **args = calloc((size_t)argc + 2, sizeof *args);
	if (!args)
		return BRIEF_EXIT_PARTIAL;
	args[0] = (char *)program;
	memcpy(args + 1, argv, (size_t)argc * sizeof *args);
	setenv("BRIEF_DB", cli->db_path, 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash)
			*slash = '\0';
		snprintf(path, sizeof path, "%s/%s", self, program);
		execv(path, args);
	}
	execvp(program, args);
	fprintf(stderr, "brief: %s needs the program %s (make builds it beside brief): %s\n",
		cmd, program, strerror(errno));
	free(args);
	return BRIEF_EXIT_PARTIAL;
}

static int run_program(brief_cli *cli, const brief_command *cmd, int argc, char **argv)
{
	return brief_cli_exec(cli, cmd->program, cmd->name, argc, argv);
}

static void usage(FILE *f, const brief_command *commands)
{
	fprintf(f, "usage: brief [--db FILE] COMMAND [ARGS]\n"
		   "       brief COMMAND --help\n"
		   "       brief help [COMMAND]\n\n"
		   "Turns Chinese regional-planning news into briefings.\n\n"
		   "options (before or after the command):\n"
		   "  --db FILE    database (default $BRIEF_DB or reports/brief.db);\n"
		   "               only ingest creates it\n"
		   "  -h, --help   this help\n"
		   "  --version    print the version\n\ncommands:\n");
	for (const brief_command *c = commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fprintf(f, "  %-10s %s\n", "help", "this help, or a command's");
}

static const brief_command *find(const brief_command *commands, const char *name)
{
	for (const brief_command *cmd = commands; cmd->name; cmd++)
		if (strcmp(name, cmd->name) == 0)
			return cmd;
	return NULL;
}

/* --db FILE (or --db=FILE) after the command name is the global option,
 * taken out of the command's words; 0, or a usage error. */
static int take_db(brief_cli *cli, const char *cmd, int *argc, char **argv)
{
	int out = 1, i = 1;
	for (; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--db=", 5) == 0) {
			cli->db_path = argv[i] + 5;
		} else if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= *argc)
				return brief_cli_usage(cmd, "--db: needs an argument");
			cli->db_path = argv[++i];
		} else {
			argv[out++] = argv[i];
		}
	}
	for (; i < *argc; i++)
		argv[out++] = argv[i];
	argv[out] = NULL;
	*argc = out;
	return 0;
}

static int run(brief_cli *cli, const brief_command *cmd, int argc, char **argv)
{
	if (take_db(cli, cmd->name, &argc, argv))
		return BRIEF_EXIT_USAGE;
	if (!*cli->db_path)
		return brief_cli_usage(cmd->name, "--db: an empty file name");
	optind = 0;     /* reset getopt for the command */
	if (!cmd->run)
		return run_program(cli, cmd, argc, argv);
	int status = cmd->run(cli, argc, argv);
	brief_render_done();
	return status;
}

/* brief help [COMMAND]: the program's help, or the command's. */
static int help(brief_cli *cli, const brief_command *commands, int argc, char **argv)
{
	static char flag[] = "--help";
	const brief_command *cmd;
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout, commands);
		return BRIEF_EXIT_OK;
	}
	if (argc > 2)
		return brief_cli_usage("help", "unexpected argument: %s", argv[2]);
	if (!(cmd = find(commands, argv[1])))
		return brief_cli_usage("help", "unknown command: %s", argv[1]);
	char *args[] = { argv[1], flag, NULL };
	return run(cli, cmd, 2, args);
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
	const brief_command *cmd;
	int c;

	cli.db_path = getenv("BRIEF_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "reports/brief.db";
	cli.tty = isatty(STDERR_FILENO);
	opterr = 0;     /* errors are reported by brief_cli_bad_option */
	/* "+": stop at the command name; its options are its own. */
	while ((c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
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
			return brief_cli_bad_option(NULL, c, argv);
		}
	}
	if (optind >= argc)
		return brief_cli_usage(NULL, "no command given");
	if (strcmp(argv[optind], "help") == 0)
		return help(&cli, commands, argc - optind, argv + optind);
	if (!(cmd = find(commands, argv[optind])))
		return brief_cli_usage(NULL, "unknown command: %s", argv[optind]);
	return run(&cli, cmd, argc - optind, argv + optind);
}
