/*
 * cli.h - the commands of the brief tool. Each lives in cmd_<name>.c,
 * parses its own options (getopt_long), and returns an exit status
 * (BRIEF_EXIT_OK, BRIEF_EXIT_PARTIAL when some inputs failed,
 * BRIEF_EXIT_USAGE for usage errors). Only main.c exits.
 */
#ifndef BRIEF_CLI_H
#define BRIEF_CLI_H

#include <stdbool.h>
#include <stdio.h>

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

/* Opens the database named by the cli, which must exist: a command that
 * reads never creates one (a mistyped --db would look like an empty
 * store). NULL after reporting. */
brief_db *brief_cli_open_db(brief_cli *cli);
/* Opens the database, creating it and its directory (ingest). */
brief_db *brief_cli_create_db(brief_cli *cli);

/*
 * Usage errors: "brief: CMD: what is wrong" and a pointer to the help,
 * on stderr; returns BRIEF_EXIT_USAGE. cmd NULL: the program's own.
 */
int brief_cli_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The error getopt_long found (c is '?' or ':', opterr 0, optstring
 * starting with ':'), reported as brief_cli_usage does. */
int brief_cli_bad_option(const char *cmd, int c, char **argv);
/* The words after the options: exactly `want` of them (names them in
 * the error), else a usage error; -1 when right. */
int brief_cli_operands(const char *cmd, int argc, char **argv, int want,
		       const char *names);
/* "--year Y": a year 1..9999, else a usage error of cmd; -1 when good. */
int brief_cli_year(const char *cmd, const char *arg, int *year);
/* A positive count ("-j N"), else a usage error; -1 when good. */
int brief_cli_count(const char *cmd, const char *opt, const char *arg, int *n);

/* s padded, or cut with "…", to `cells` terminal cells (utf8proc's
 * display widths), written to f. */
void brief_cli_put_cells(FILE *f, const char *s, size_t cells);
/* s padded to `cells` cells, never cut (a name that must stay whole). */
void brief_cli_pad(FILE *f, const char *s, size_t cells);
/* The extension of a path ("pdf"), "" when none. */
const char *brief_cli_ext(const char *path);

/* SOURCE_DATE_EPOCH, or -1 when unset or malformed. */
long long brief_cli_epoch(void);
/* DIR/YEAR/BASE.EXT (no YEAR part when year is 0, no extension when ext
 * is NULL), with separators and control characters in BASE replaced so
 * that a name taken from data cannot leave DIR; malloc'd, NULL on OOM. */
char *brief_cli_out_path(const char *dir, int year, const char *base,
			 const char *ext);

/* Replaces the process by `program` (beside this executable, else on
 * PATH) with argv[0..argc) of command cmd, the database in BRIEF_DB;
 * returns only when that failed, after reporting. */
int brief_cli_exec(brief_cli *cli, const char *program, const char *cmd, int argc,
		   char **argv);

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
