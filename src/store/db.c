/* db.c - the SQLite store: open and migrate, write articles atomically. */
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/buf.h"
#include "util/embed.h"
#include "util/sha256.h"
#include "util/utf8.h"

struct brief_db {
	sqlite3 *h;
	char *path;
	brief_diag *diag;
};

static int fail(brief_db *db, const char *what)
{
	brief_error(db->diag, db->path, "%s: %s", what, sqlite3_errmsg(db->h));
	return -1;
}

static int exec(brief_db *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	brief_error(db->diag, db->path, "%s", msg ? msg : "SQL error");
	sqlite3_free(msg);
	return -1;
}

static int user_version(brief_db *db, int *v)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL))
		return fail(db, "reading the schema version");
	*v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

/*
 * schema.sql is a sequence of sections, each opened by a line
 * "-- migration N". Calls fn for each; stops at the first that fails.
 */
static int each_section(const char *schema,
			int (*fn)(brief_db *, int, const char *, size_t, int *),
			brief_db *db, int *arg)
{
	static const char marker[] = "-- migration ";
	for (const char *p = strstr(schema, marker); p;) {
		int n = atoi(p + sizeof marker - 1);
		const char *body = strchr(p, '\n');
		const char *next = body ? strstr(body, marker) : NULL;
		size_t len = body ? (size_t)((next ? next : body + strlen(body)) - body) : 0;
		if (fn(db, n, body, len, arg))
			return -1;
		p = next;
	}
	return 0;
}

static int note_latest(brief_db *db, int n, const char *sql, size_t len, int *latest)
{
	if (n > *latest)
		*latest = n;
	return 0;
}

static int apply_section(brief_db *db, int n, const char *sql, size_t len, int *have)
{
	if (n <= *have)
		return 0;
	char *body = strndup(sql, len);
	int rc = body ? exec(db, body) : -1;
	free(body);
	return rc;
}

/*
 * The sections above the database's user_version run in one IMMEDIATE
 * transaction that also bumps user_version. Two runs may open a new or
 * old database at once: the lock waits out the other (busy timeout), and
 * the version is read again under it, so the second finds the work done.
 */
static int migrate(brief_db *db)
{
	const char *schema = brief_embed("schema.sql", NULL);
	int have, latest = 0;
	char bump[64];

	if (!schema || user_version(db, &have))
		return -1;
	each_section(schema, note_latest, db, &latest);
	if (have == latest)
		return 0;
	if (exec(db, "BEGIN IMMEDIATE"))
		return -1;
	if (user_version(db, &have) == 0 && have > latest)
		brief_error(db->diag, db->path,
			    "schema version %d is newer than this brief (%d)",
			    have, latest);
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d;", latest);
	if (have <= latest && each_section(schema, apply_section, db, &have) == 0 &&
	    exec(db, bump) == 0 && exec(db, "COMMIT") == 0)
		return 0;
	sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/*
 * Switching a new database to WAL takes an exclusive lock, and SQLite
 * answers a second process doing the same at the same moment with
 * SQLITE_BUSY at once, without its busy handler: wait and try again, as
 * the busy timeout would, for up to ten seconds.
 */
static int wal(brief_db *db)
{
	for (int tries = 0;; tries++) {
		int rc = sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries == 1000)
			return exec(db, "PRAGMA journal_mode = WAL");
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
}

brief_db *brief_db_open(const char *path, brief_diag *d)
{
	brief_db *db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		brief_error(d, path, "out of memory");
		return NULL;
	}
	db->diag = d;
	if (sqlite3_open_v2(path, &db->h,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
		brief_error(d, path, "cannot open database: %s",
			    db->h ? sqlite3_errmsg(db->h) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(db->h, 10000);
	/* WAL: readers never block the writer; a killed writer leaves the
	 * last committed state. NORMAL sync is durable against crashes of
	 * the process, which is what a SIGKILL is. */
	if (wal(db) || exec(db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;") ||
	    migrate(db))
		goto fail;
	return db;
fail:
	brief_db_close(db);
	return NULL;
}

void brief_db_close(brief_db *db)
{
	if (!db)
		return;
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

sqlite3 *brief_db_handle(brief_db *db)
{
	return db->h;
}

const char *brief_db_path(const brief_db *db)
{
	return db->path;
}

/* ---------------------------------------------------------------- */
/* Writing.                                                          */

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_textn(sqlite3_stmt *st, int i, const char *s, size_t n)
{
	sqlite3_bind_text64(st, i, s ? s : "", s ? n : 0, SQLITE_STATIC,
			    SQLITE_UTF8);
}

static int step_done(brief_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return fail(db, what);
	return 0;
}

/* Returns the id of the row the one-column query finds, 0 if none. */
static long long find_id(brief_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st = NULL;
	long long id = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		bind_text(st, 1, arg);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		else if (rc == SQLITE_DONE)
			id = 0;
	}
	if (id < 0)
		fail(db, "looking up a document");
	sqlite3_finalize(st);
	return id;
}

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int insert_document(brief_db *db, const brief_article *a,
			   long long *id)
{
	static const char sql[] =
		"INSERT INTO documents (path, name, hash, encoding, html, "
		"script, title, published, source, original, clean_orig, text, "
		"chars, invalid_bytes, ingested_at, url) "
		"VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st = NULL;
	char when[32];
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL))
		return fail(db, "storing a document");
	now_iso(when);
	bind_text(st, 1, a->path);
	bind_text(st, 2, a->name);
	bind_text(st, 3, a->hash);
	bind_text(st, 4, a->encoding ? a->encoding : "UTF-8");
	sqlite3_bind_int(st, 5, a->html);
	bind_text(st, 6, a->script == BRIEF_SCRIPT_TRADITIONAL ? "traditional"
							       : "simplified");
	bind_text(st, 7, a->title);
	bind_text(st, 8, a->published);
	bind_text(st, 9, a->source);
	bind_textn(st, 10, a->original, a->original_len);
	bind_textn(st, 11, a->clean_orig, a->clean_orig_len);
	bind_textn(st, 12, a->text, a->text_len);
	sqlite3_bind_int64(st, 13,
			   (sqlite3_int64)brief_utf8_chars(a->text, a->text_len));
	sqlite3_bind_int64(st, 14, (sqlite3_int64)a->invalid_bytes);
	bind_text(st, 15, when);
	bind_text(st, 16, a->url);
	rc = step_done(db, st, "storing a document");
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(db->h);
	return rc;
}

/*
 * Byte offsets -> character offsets for a sequence of offsets that only
 * grows, without rescanning from the start each time.
 */
typedef struct char_cursor {
	const char *s;
	size_t byte, chars;
} char_cursor;

static size_t to_chars(char_cursor *c, size_t byte)
{
	if (byte < c->byte) {
		c->byte = 0;
		c->chars = 0;
	}
	c->chars += brief_utf8_chars(c->s + c->byte, byte - c->byte);
	c->byte = byte;
	return c->chars;
}

static int insert_sentences(brief_db *db, const brief_article *a,
			    long long id)
{
	sqlite3_stmt *st = NULL;
	char_cursor cur = { a->text, 0, 0 };
	int rc = 0;

	if (sqlite3_prepare_v2(db->h, "INSERT INTO sentences (doc_id, idx, "
				      "start, end, para) VALUES (?,?,?,?,?)",
			       -1, &st, NULL))
		return fail(db, "storing sentences");
	for (size_t i = 0; i < a->nsents && rc == 0; i++) {
		const brief_sentence *s = &a->sents[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)to_chars(&cur, s->start));
		sqlite3_bind_int64(st, 4, (sqlite3_int64)to_chars(&cur, s->end));
		sqlite3_bind_int(st, 5, s->para);
		rc = step_done(db, st, "storing sentences");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int insert_warnings(brief_db *db, const brief_article *a,
			   long long id)
{
	sqlite3_stmt *st = NULL;
	char_cursor cur = { a->text, 0, 0 };
	int rc = 0;

	if (sqlite3_prepare_v2(db->h, "INSERT INTO warnings (doc_id, kind, "
				      "start, end, detail) VALUES (?,?,?,?,?)",
			       -1, &st, NULL))
		return fail(db, "storing warnings");
	for (size_t i = 0; i < a->ngarbles && rc == 0; i++) {
		const brief_garble *g = &a->garbles[i];
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, "garbled");
		sqlite3_bind_int64(st, 3, (sqlite3_int64)to_chars(&cur, g->start));
		sqlite3_bind_int64(st, 4, (sqlite3_int64)to_chars(&cur, g->end));
		bind_text(st, 5, g->why);
		rc = step_done(db, st, "storing warnings");
		sqlite3_reset(st);
	}
	if (rc == 0 && a->invalid_bytes) {
		char detail[64];
		snprintf(detail, sizeof detail, "%zu bytes not valid in %s",
			 a->invalid_bytes, a->encoding ? a->encoding : "?");
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, "invalid-bytes");
		sqlite3_bind_null(st, 3);
		sqlite3_bind_null(st, 4);
		bind_text(st, 5, detail);
		rc = step_done(db, st, "storing warnings");
	}
	sqlite3_finalize(st);
	return rc;
}

static void bind_fact(sqlite3_stmt *st, long long doc, const brief_fact *f)
{
	sqlite3_bind_int64(st, 1, doc);
	bind_text(st, 2, brief_fact_type_name(f->type));
	bind_text(st, 3, f->region);
	bind_text(st, 4, f->region_code);
	bind_text(st, 5, f->parent_code);
	bind_text(st, 6, f->indicator);
	bind_text(st, 7, f->kind);
	if (f->has_value)
		sqlite3_bind_double(st, 8, f->value);
	else
		sqlite3_bind_null(st, 8);
	bind_text(st, 9, f->unit);
	bind_text(st, 10, f->bound);
	bind_text(st, 11, f->qualifier);
	bind_text(st, 12, f->period);
	if (f->year)
		sqlite3_bind_int(st, 13, f->year);
	else
		sqlite3_bind_null(st, 13);
	bind_text(st, 14, f->name);
	if (f->has_investment)
		sqlite3_bind_double(st, 15, f->investment_yi);
	else
		sqlite3_bind_null(st, 15);
	bind_text(st, 16, f->status);
	bind_text(st, 17, f->tier);
	bind_text(st, 18, f->evidence);
	sqlite3_bind_int64(st, 19, (sqlite3_int64)f->offset);
	if (f->sentence >= 0)
		sqlite3_bind_int(st, 20, f->sentence);
	else
		sqlite3_bind_null(st, 20);
	bind_text(st, 21, f->scope);
}

static int set_digest(brief_db *db, long long id, const char *digest)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, "UPDATE documents SET facts_digest = ?1 WHERE id = ?2",
			       -1, &st, NULL))
		return fail(db, "storing a document");
	bind_text(st, 1, digest);
	sqlite3_bind_int64(st, 2, id);
	int rc = step_done(db, st, "storing a document");
	sqlite3_finalize(st);
	return rc;
}

static int insert_facts(brief_db *db, long long id, const brief_facts *fs)
{
	static const char sql[] =
		"INSERT INTO facts (doc_id, type, region, region_code, "
		"parent_code, indicator, kind, value, unit, bound, qualifier, "
		"period, year, name, investment_yi, status, tier, evidence, "
		"offset, sentence, scope) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st = NULL;
	int rc = 0;

	if (!fs || fs->n == 0)
		return 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL))
		return fail(db, "storing facts");
	for (size_t i = 0; i < fs->n && rc == 0; i++) {
		bind_fact(st, id, &fs->v[i]);
		rc = step_done(db, st, "storing facts");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The digest of what brief reads from a document — its title, date and
 * source and its facts: what would differ in the database. */
static void facts_digest(const brief_article *a, const brief_facts *fs, char out[65])
{
	brief_buf b = BRIEF_BUF_INIT;
	if (a)
		brief_buf_printf(&b, "%s\x1f%s\x1f%s\n", a->title ? a->title : "\x1e",
				 a->published ? a->published : "\x1e", a->source ? a->source : "\x1e");
	for (size_t i = 0; fs && i < fs->n; i++) {
		const brief_fact *f = &fs->v[i];
		const char *str[] = { f->region_code, f->parent_code, f->region, f->indicator,
				      f->kind, f->unit, f->bound, f->qualifier, f->period, f->name,
				      f->status, f->tier, f->evidence, f->scope };
		brief_buf_printf(&b, "%d|%d|%.17g|%d|%.17g|%zu|%d", (int)f->type, f->has_value,
				 f->value, f->year, f->has_investment ? f->investment_yi : -1.0,
				 f->offset, f->sentence);
		for (size_t k = 0; k < sizeof str / sizeof *str; k++)
			brief_buf_printf(&b, "\x1f%s", str[k] ? str[k] : "\x1e");
		brief_buf_putc(&b, '\n');
	}
	brief_sha256_hex(b.data ? b.data : "", b.len, out);
	brief_buf_free(&b);
}

/* Content already stored: its facts replaced when this run's differ. */
static int refresh_meta(brief_db *db, long long id, const brief_article *a)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, "UPDATE documents SET title = ?1, published = ?2, source = ?3"
			       " WHERE id = ?4", -1, &st, NULL))
		return fail(db, "storing a document");
	bind_text(st, 1, a->title);
	bind_text(st, 2, a->published);
	bind_text(st, 3, a->source);
	sqlite3_bind_int64(st, 4, id);
	int rc = step_done(db, st, "storing a document");
	sqlite3_finalize(st);
	return rc;
}

static int refresh_facts(brief_db *db, long long id, const brief_article *a,
			 const brief_facts *facts, const char *digest, brief_stored *how)
{
	sqlite3_stmt *st = NULL;
	int same = -1;
	if (sqlite3_prepare_v2(db->h, "SELECT facts_digest = ?1 FROM documents WHERE id = ?2",
			       -1, &st, NULL))
		return fail(db, "reading a document");
	bind_text(st, 1, digest);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	*how = same == 1 ? BRIEF_STORED_UNCHANGED : BRIEF_STORED_REEXTRACTED;
	if (same == 1)
		return 0;
	char sql[64];
	snprintf(sql, sizeof sql, "DELETE FROM facts WHERE doc_id = %lld", id);
	if (exec(db, sql) || insert_facts(db, id, facts) || refresh_meta(db, id, a))
		return -1;
	return set_digest(db, id, digest);
}

static int store_tx(brief_db *db, const brief_article *a,
		    const brief_facts *facts, long long *id, brief_stored *how)
{
	long long old;

	char digest[65];
	facts_digest(a, facts, digest);
	*id = find_id(db, "SELECT id FROM documents WHERE hash = ?", a->hash);
	if (*id != 0)
		return *id < 0 ? -1 : refresh_facts(db, *id, a, facts, digest, how);
	old = find_id(db, "SELECT id FROM documents WHERE path = ?", a->path);
	if (old < 0)
		return -1;
	*how = old ? BRIEF_STORED_REPLACED : BRIEF_STORED_NEW;
	if (old) {
		char sql[64];
		snprintf(sql, sizeof sql, "DELETE FROM documents WHERE id = %lld",
			 old);
		if (exec(db, sql))
			return -1;
	}
	if (insert_document(db, a, id) || insert_sentences(db, a, *id) ||
	    insert_warnings(db, a, *id) || insert_facts(db, *id, facts))
		return -1;
	return set_digest(db, *id, digest);
}

int brief_db_store(brief_db *db, const brief_article *a,
		   const brief_facts *facts, long long *id, brief_stored *how)
{
	if (exec(db, "BEGIN IMMEDIATE"))
		return -1;
	if (store_tx(db, a, facts, id, how) || exec(db, "COMMIT")) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

int brief_db_replace_facts(brief_db *db, long long doc_id, const brief_article *a,
			   const brief_facts *facts)
{
	char sql[64];
	snprintf(sql, sizeof sql, "DELETE FROM facts WHERE doc_id = %lld",
		 doc_id);
	if (exec(db, "BEGIN IMMEDIATE"))
		return -1;
	char digest[65];
	facts_digest(a, facts, digest);
	if (exec(db, sql) || insert_facts(db, doc_id, facts) ||
	    set_digest(db, doc_id, digest) || exec(db, "COMMIT")) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* Reading.                                                          */

static char *col_dup(sqlite3_stmt *st, int i, size_t *len)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	if (len)
		*len = n;
	if (!s)
		return NULL;
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static int load_document(brief_db *db, long long id, brief_article *a)
{
	static const char sql[] =
		"SELECT path, name, hash, encoding, html, script, title, "
		"published, source, original, clean_orig, text, invalid_bytes "
		"FROM documents WHERE id = ?";
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL))
		return fail(db, "loading a document");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		brief_error(db->diag, db->path, "no document %lld", id);
		goto out;
	}
	a->path = col_dup(st, 0, NULL);
	a->name = col_dup(st, 1, NULL);
	snprintf(a->hash, sizeof a->hash, "%s",
		 (const char *)sqlite3_column_text(st, 2));
	a->encoding = col_dup(st, 3, NULL);
	a->html = sqlite3_column_int(st, 4) != 0;
	a->script = strcmp((const char *)sqlite3_column_text(st, 5),
			   "traditional") == 0 ? BRIEF_SCRIPT_TRADITIONAL
					       : BRIEF_SCRIPT_SIMPLIFIED;
	a->title = col_dup(st, 6, NULL);
	a->published = col_dup(st, 7, NULL);
	a->source = col_dup(st, 8, NULL);
	a->original = col_dup(st, 9, &a->original_len);
	a->clean_orig = col_dup(st, 10, &a->clean_orig_len);
	a->text = col_dup(st, 11, &a->text_len);
	a->invalid_bytes = (size_t)sqlite3_column_int64(st, 12);
	rc = a->path && a->name && a->original && a->clean_orig && a->text ? 0 : -1;
	if (rc)
		brief_error(db->diag, db->path, "out of memory");
out:
	sqlite3_finalize(st);
	return rc;
}

/* Character offsets -> byte offsets, for offsets that mostly grow. */
static size_t to_bytes(char_cursor *c, size_t len, size_t chars)
{
	if (chars < c->chars) {
		c->byte = 0;
		c->chars = 0;
	}
	c->byte += brief_utf8_byte_offset(c->s + c->byte, len - c->byte,
					  chars - c->chars);
	c->chars = chars;
	return c->byte;
}

static int load_sentences(brief_db *db, long long id, brief_article *a)
{
	sqlite3_stmt *st = NULL;
	char_cursor cur = { a->text, 0, 0 };
	size_t cap = 0;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT start, end, para FROM sentences "
				      "WHERE doc_id = ? ORDER BY idx",
			       -1, &st, NULL))
		return fail(db, "loading sentences");
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (a->nsents == cap) {
			cap = cap ? cap * 2 : 64;
			brief_sentence *v = realloc(a->sents, cap * sizeof *v);
			if (!v)
				break;
			a->sents = v;
		}
		brief_sentence *s = &a->sents[a->nsents++];
		s->start = to_bytes(&cur, a->text_len,
				    (size_t)sqlite3_column_int64(st, 0));
		s->end = to_bytes(&cur, a->text_len,
				  (size_t)sqlite3_column_int64(st, 1));
		s->para = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, "loading sentences");
}

static int load_garbles(brief_db *db, long long id, brief_article *a)
{
	sqlite3_stmt *st = NULL;
	char_cursor cur = { a->text, 0, 0 };
	size_t cap = 0;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT start, end FROM warnings WHERE "
				      "doc_id = ? AND kind = 'garbled' "
				      "ORDER BY start",
			       -1, &st, NULL))
		return fail(db, "loading warnings");
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (a->ngarbles == cap) {
			cap = cap ? cap * 2 : 8;
			brief_garble *v = realloc(a->garbles, cap * sizeof *v);
			if (!v)
				break;
			a->garbles = v;
		}
		brief_garble *g = &a->garbles[a->ngarbles++];
		g->start = to_bytes(&cur, a->text_len,
				    (size_t)sqlite3_column_int64(st, 0));
		g->end = to_bytes(&cur, a->text_len,
				  (size_t)sqlite3_column_int64(st, 1));
		g->why = "garbled";
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, "loading warnings");
}

int brief_db_load(brief_db *db, long long id, brief_article *out)
{
	memset(out, 0, sizeof *out);
	if (load_document(db, id, out) || load_sentences(db, id, out) ||
	    load_garbles(db, id, out)) {
		brief_article_free(out);
		return -1;
	}
	return 0;
}

long long brief_db_resolve(brief_db *db, const char *doc)
{
	char *end;
	long long id = strtoll(doc, &end, 10);
	if (*doc && *end == '\0')
		return find_id(db, "SELECT id FROM documents WHERE id = ?", doc) ? id : 0;
	id = find_id(db, "SELECT id FROM documents WHERE name = ? ORDER BY id",
		     doc);
	if (id == 0) {
		char *real = realpath(doc, NULL);
		if (real)
			id = find_id(db, "SELECT id FROM documents WHERE path = ?",
				     real);
		free(real);
	}
	return id;
}

size_t brief_db_doc_ids(brief_db *db, long long **ids)
{
	sqlite3_stmt *st = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*ids = NULL;
	if (sqlite3_prepare_v2(db->h, "SELECT id FROM documents ORDER BY id",
			       -1, &st, NULL)) {
		fail(db, "listing documents");
		return (size_t)-1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			long long *v = realloc(*ids, cap * sizeof *v);
			if (!v)
				break;
			*ids = v;
		}
		(*ids)[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		fail(db, "listing documents");
		return (size_t)-1;
	}
	return n;
}

int brief_db_mail_sent(brief_db *db, const char *key)
{
	long long n = find_id(db, "SELECT count(*) FROM mail_sent WHERE key = ?",
			      key);
	return n < 0 ? -1 : n > 0;
}

int brief_db_mail_record(brief_db *db, const char *key, const char *msgid,
			 const char *region, int year, const char *email)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO mail_sent (key, message_id, region, year,"
		" email, sent_at) VALUES (?,?,?,?,?,?)";
	sqlite3_stmt *st = NULL;
	char when[32];
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL))
		return fail(db, "recording a sent message");
	now_iso(when);
	bind_text(st, 1, key);
	bind_text(st, 2, msgid);
	bind_text(st, 3, region);
	sqlite3_bind_int(st, 4, year);
	bind_text(st, 5, email);
	bind_text(st, 6, when);
	rc = step_done(db, st, "recording a sent message");
	sqlite3_finalize(st);
	return rc;
}

long long brief_db_fact_count(brief_db *db, long long doc_id)
{
	sqlite3_stmt *st = NULL;
	long long n = -1;
	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM facts WHERE doc_id = ?",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, doc_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (n < 0)
		fail(db, "counting facts");
	return n;
}

/* The rule of db.h in one query: a target of Y or a result of Y-1 makes
 * a briefing of Y. The filters go inside both branches, in the form the
 * index facts(region_code, year) serves: a batch asks once per region. */
static const char briefings_sql[] =
	"SELECT region_code, min(region), y, sum(t), sum(r) FROM ("
	"  SELECT region_code, region, year AS y, 1 AS t, 0 AS r FROM facts"
	"   WHERE type = 'target' AND %s AND %s"
	"  UNION ALL"
	"  SELECT region_code, region, year + 1, 0, 1 FROM facts"
	"   WHERE type = 'actual' AND %s AND %s)"
	" GROUP BY region_code, y ORDER BY region_code, y";

int brief_db_briefings(brief_db *db, const char *code, int year,
		       brief_briefing_fn fn, void *user)
{
	const char *in = code ? "region_code = ?1" : "region_code IS NOT NULL";
	char sql[sizeof briefings_sql + 128];
	sqlite3_stmt *st = NULL;
	int rc = SQLITE_DONE, stop = 0;
	snprintf(sql, sizeof sql, briefings_sql, in, year ? "year = ?2" : "year IS NOT NULL",
		 in, year ? "year = ?2 - 1" : "year IS NOT NULL");
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL))
		return fail(db, "listing the briefings");
	bind_text(st, 1, code);
	if (year)
		sqlite3_bind_int(st, 2, year);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(user, (const char *)sqlite3_column_text(st, 0),
			  (const char *)sqlite3_column_text(st, 1),
			  sqlite3_column_int(st, 2), sqlite3_column_int(st, 3),
			  sqlite3_column_int(st, 4));
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? 0 : fail(db, "listing the briefings");
}
