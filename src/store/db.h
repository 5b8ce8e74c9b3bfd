/*
 * db.h - the SQLite store: documents, sentences, warnings, facts.
 *
 * WAL mode; schema versioned with PRAGMA user_version and migrated on
 * open. Every write of an article (document, sentences, warnings, facts)
 * is one transaction, so a killed process never leaves half a document.
 * Offsets in the database are character offsets; brief_article and
 * brief_sentence in memory use byte offsets (db.c converts).
 */
#ifndef BRIEF_DB_H
#define BRIEF_DB_H

#include <sqlite3.h>

#include "brief.h"
#include "util/diag.h"

typedef struct brief_db brief_db;

/* Opens (creating and migrating) the database at `path`; NULL after
 * reporting through d. */
brief_db *brief_db_open(const char *path, brief_diag *d);
void brief_db_close(brief_db *db);
/* For read-side modules (aggregate, export) that prepare their own
 * queries; owned by db. */
sqlite3 *brief_db_handle(brief_db *db);
const char *brief_db_path(const brief_db *db);

typedef enum {
	BRIEF_STORED_NEW,
	BRIEF_STORED_UNCHANGED, /* same decoded content already stored */
	BRIEF_STORED_REPLACED,  /* same path, new content: old version gone */
	BRIEF_STORED_REEXTRACTED /* same content, its facts read anew by rules
				  * that read it otherwise than the stored ones */
} brief_stored;

/*
 * Stores the article and its facts in one transaction. `a->path` must be
 * the canonical path. Returns 0 (with *id and *how set) or -1 after
 * reporting through the db's diag.
 */
int brief_db_store(brief_db *db, const brief_article *a,
		   const brief_facts *facts, long long *id, brief_stored *how);

/* Replaces the facts of one document (re-extraction) read from the stored
 * article a, one transaction. */
int brief_db_replace_facts(brief_db *db, long long doc_id, const brief_article *a,
			   const brief_facts *facts);

/* Loads a stored article (text, sentences, garbles, metadata) by id. */
int brief_db_load(brief_db *db, long long id, brief_article *out);

/* Resolves DOC as given by a user: an id, a file name or a path.
 * Returns the id, 0 when there is none, -1 on error. */
long long brief_db_resolve(brief_db *db, const char *doc);

/* Ids of all documents in id order; *ids malloc'd. Returns the count or
 * (size_t)-1 on error. */
size_t brief_db_doc_ids(brief_db *db, long long **ids);

/* The number of facts stored for a document; -1 on error. */
long long brief_db_fact_count(brief_db *db, long long doc_id);

/*
 * THE rule of which briefings exist: region R has a briefing for year Y
 * when the store holds targets of R for Y or results of R for Y-1.
 * `regions`, `show`, `render`, `batch`, `mail` and scripts/run.sh (through
 * `brief regions --briefings`) all go by it.
 *
 * Calls fn for every such region-year, in code then year order, with the
 * region's stored name and the numbers of targets for Y and results for
 * Y-1; code NULL: every region, year 0: every year. Returns 0, -1 on a
 * database error, or fn's nonzero return (which stops the walk).
 */
typedef int (*brief_briefing_fn)(void *user, const char *code, const char *name,
				 int year, int targets, int results);
int brief_db_briefings(brief_db *db, const char *code, int year,
		       brief_briefing_fn fn, void *user);

/* Whether a message with this key was accepted by a mail server before:
 * 1 yes, 0 no, -1 error. */
int brief_db_mail_sent(brief_db *db, const char *key);
/* Records an accepted message. 0 or -1. */
int brief_db_mail_record(brief_db *db, const char *key, const char *msgid,
			 const char *region, int year, const char *email);

#endif
