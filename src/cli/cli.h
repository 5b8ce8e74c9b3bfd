/*
 * cli.h - the commands of the brief tool. Each lives in cmd_<name>.c,
 * parses its own options (getopt_long), and returns an exit status
 * (BRIEF_EXIT_OK, BRIEF_EXIT_PARTIAL when some inputs failed,
 * BRIEF_EXIT_USAGE for usage errors). Only main.c exits.
 */
#ifndef BRIEF_CLI_H
#define BRIEF_CLI_H

#include <stdbool.h>

#include "brief.h"
#include "store/db.h"
#include "util/diag.h"

typedef struct brief_cli {
	const char *db_path;    /* --db, $BRIEF_DB, or reports/brief.db */
	brief_diag diag;
	bool tty;               /* stderr is a terminal: show progress */
} brief_cli;

typedef struct brief_command {
	const char *name;
	int (*run)(brief_cli *cli, int argc, char **argv);
	const char *summary;
	const char *program;    /* run is NULL: the program that has it */
} brief_command;

/* Global options, then the command of `commands` that argv names; the
 * exit status. */
int brief_main(int argc, char **argv, const brief_command *commands);

/* Opens the database named by the cli, creating its directory. */
brief_db *brief_cli_open_db(brief_cli *cli);
/* True when argv holds -h or --help before any "--". */
bool brief_cli_wants_help(int argc, char **argv);

/* SOURCE_DATE_EPOCH, or -1 when unset or malformed. */
long long brief_cli_epoch(void);
/* DIR/YEAR/BASE.EXT (no YEAR part when year is 0, no extension when ext
 * is NULL), with separators and control characters in BASE replaced so
 * that a name taken from data cannot leave DIR; malloc'd, NULL on OOM. */
char *brief_cli_out_path(const char *dir, int year, const char *base,
			 const char *ext);

int brief_cmd_ingest(brief_cli *cli, int argc, char **argv);
int brief_cmd_docs(brief_cli *cli, int argc, char **argv);
int brief_cmd_text(brief_cli *cli, int argc, char **argv);
int brief_cmd_extract(brief_cli *cli, int argc, char **argv);
int brief_cmd_export(brief_cli *cli, int argc, char **argv);
int brief_cmd_show(brief_cli *cli, int argc, char **argv);
int brief_cmd_render(brief_cli *cli, int argc, char **argv);
int brief_cmd_regions(brief_cli *cli, int argc, char **argv);
int brief_cmd_batch(brief_cli *cli, int argc, char **argv);
int brief_cmd_mail(brief_cli *cli, int argc, char **argv);

#endif
