/*
 * batch.h - the parts of `brief batch` (cmd_batch.c): the job list, the
 * worker processes (batch_work.c) and the manifest (batch_manifest.c).
 *
 * Job 0 is the combined briefing, jobs 1..n the regions (item i-1), so
 * the longest job starts first. Workers take the next job number from a
 * shared counter and answer on their own pipe, one JSON object a line:
 *   {"start": J}                      before job J
 *   {"job": J, "ok": true|false, "errors": [...], "counts": [t, a, p, c],
 *    "sources": [...], "files": [{"format", "file", "bytes", "pages",
 *    "sha256"}]}                      after it
 * so the parent knows which job a worker that died was doing.
 */
#ifndef BRIEF_CLI_BATCH_H
#define BRIEF_CLI_BATCH_H

#include <jansson.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "brief.h"
#include "store/db.h"
#include "util/diag.h"

typedef struct batch_item {
	char *code, *name;
	char *base;             /* file name without extension: the region's
				 * name, or name-code when two regions share it */
	bool started;
	json_t *answer;         /* the worker's answer, NULL until done */
} batch_item;

typedef struct batch {
	/* arguments */
	int year, jobs;
	const char *scope_arg, *out, *db_path;
	bool pdf, tex;
	long long epoch;
	/* the scope resolved: NULL name = every region */
	char *scope_name, *scope_code;
	/* jobs */
	batch_item book;        /* job 0 */
	batch_item *v;          /* job i + 1 */
	size_t n;
} batch;

/* Job number -> item. */
batch_item *batch_job(batch *b, size_t job);

/* The body of one worker process: open the database, take jobs from
 * *next until there are none, answer on fd. Never returns. */
void batch_worker(const batch *b, atomic_size_t *next, int fd)
	__attribute__((noreturn));

/* DIR/Y/NAME.xlsx, the workbook of the combined briefing's docs (book),
 * described in files as the rendered files are. 0, or -1 after reporting. */
int batch_workbook(const batch *b, brief_db *db, const brief_book *book, json_t *files,
		   brief_diag *d);

/* DIR/Y/manifest.json and manifest.csv from the answers, rows sorted by
 * region code (the combined briefing last). 0, or -1 after reporting. */
int batch_write_manifest(const batch *b, brief_diag *d);

#endif
