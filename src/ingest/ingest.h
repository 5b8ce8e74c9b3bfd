/*
 * ingest.h - one file on disk -> one brief_article.
 *
 * decode -> (html) -> script (t2s) -> clean, meta -> sentences, garbles.
 */
#ifndef BRIEF_INGEST_H
#define BRIEF_INGEST_H

#include "brief.h"
#include "util/diag.h"

#define BRIEF_MAX_FILE (64u << 20)

typedef struct brief_ingester brief_ingester;

/* NULL with an error reported through d when a resource is missing. */
brief_ingester *brief_ingester_new(brief_diag *d);
void brief_ingester_free(brief_ingester *ing);

/*
 * Reads and cleans `path`. Returns 0, or -1 after reporting
 * "PATH: why" through d (empty, binary, unreadable, too large ...).
 */
int brief_ingest_file(brief_ingester *ing, const char *path,
		      brief_article *out, brief_diag *d);

/* The same from bytes already in memory (tests, fuzzing). `name` is used
 * for the html hint and messages. */
int brief_ingest_bytes(brief_ingester *ing, const char *name,
		       const char *bytes, size_t n, brief_article *out,
		       brief_diag *d);

#endif
