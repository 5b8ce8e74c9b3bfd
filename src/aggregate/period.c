/* period.c - which facts belong to which year's briefing (period.h). */
#include "aggregate/period.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/lexicon.h"
#include "util/rx.h"
#include "util/utf8.h"

/*
 * A fact's place (brief_fact_place) is worked out here from the
 * article's text and sentences, each article read once, not in SQL: as
 * columns of the facts' queries it read the whole text and looked up
 * its sentences three times for every fact, then counted characters
 * from the text's start (a fifth of a render's instructions). The
 * paragraph is looked at 32 sentences back at most, as it was.
 */
const char brief_place_cols[] = "d.published IS NOT NULL, f.doc_id, f.sentence, f.offset";

enum { PLACE_SLOTS = 16, PARA_BACK = 32 };

typedef struct sent_row {
	int64_t idx, start, end, para;
} sent_row;

enum { MARK_EVERY = 64 };

typedef struct place_doc {
	int64_t id;
	bool used;
	char *text;
	size_t len;
	size_t *mark;           /* byte offset of every MARK_EVERY-th char */
	size_t nmark;
	sent_row *s;
	size_t n;
} place_doc;

struct brief_place_cache {
	sqlite3 *db;
	sqlite3_stmt *text, *sents;
	place_doc doc[PLACE_SLOTS];
	size_t next;            /* the slot a new article takes */
	char *para;             /* the last paragraph handed out */
};

brief_place_cache *brief_place_cache_new(brief_db *db)
{
	brief_place_cache *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->db = brief_db_handle(db);
	if (sqlite3_prepare_v2(c->db, "SELECT text FROM documents WHERE id = ?", -1, &c->text,
			       NULL) ||
	    sqlite3_prepare_v2(c->db, "SELECT idx, start, end, para FROM sentences"
			       " WHERE doc_id = ? ORDER BY idx", -1, &c->sents, NULL)) {
		brief_place_cache_free(c);
		return NULL;
	}
	return c;
}

static void doc_clear(place_doc *d)
{
	free(d->text);
	free(d->mark);
	free(d->s);
	*d = (place_doc){ 0 };
}

void brief_place_cache_free(brief_place_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < PLACE_SLOTS; i++)
		doc_clear(&c->doc[i]);
	sqlite3_finalize(c->text);
	sqlite3_finalize(c->sents);
	free(c->para);
	free(c);
}

/* The byte offset of character `chars` of s, counting characters as
 * SQLite's substr() does: a byte of 0xC0 or more and the continuation
 * bytes after it, or any other byte alone. */
static size_t char_byte(const char *s, size_t len, int64_t chars)
{
	const unsigned char *z = (const unsigned char *)s;
	size_t i = 0;
	while (i < len && chars-- > 0)
		if (z[i++] >= 0xC0)
			while (i < len && (z[i] & 0xC0) == 0x80)
				i++;
	return i;
}

/* The byte offset of character `chars` of d's text, from the marks. */
static size_t doc_byte(const place_doc *d, int64_t chars)
{
	size_t m = (size_t)(chars / MARK_EVERY);
	if (m >= d->nmark)
		m = d->nmark - 1;
	return d->mark[m] + char_byte(d->text + d->mark[m], d->len - d->mark[m],
				      chars - (int64_t)(m * MARK_EVERY));
}

static int doc_marks(place_doc *d)
{
	size_t cap = d->len / MARK_EVERY + 1, i = 0;
	if (!(d->mark = malloc(cap * sizeof *d->mark)))
		return -1;
	d->mark[d->nmark++] = 0;
	while (i < d->len) {
		i += char_byte(d->text + i, d->len - i, MARK_EVERY);
		if (d->nmark < cap)
			d->mark[d->nmark++] = i;
	}
	return 0;
}

static int doc_load(brief_place_cache *c, int64_t id, place_doc *d)
{
	int rc;
	d->id = id;
	d->used = true;
	sqlite3_reset(c->text);
	sqlite3_bind_int64(c->text, 1, id);
	if ((rc = sqlite3_step(c->text)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(c->text, 0);
		d->len = (size_t)sqlite3_column_bytes(c->text, 0);
		if (t && !(d->text = malloc(d->len + 1)))
			return -1;
		if (t) {
			memcpy(d->text, t, d->len);
			d->text[d->len] = 0;
			if (doc_marks(d))
				return -1;
		}
	} else if (rc != SQLITE_DONE) {
		return -1;
	}
	sqlite3_reset(c->text);
	sqlite3_reset(c->sents);
	sqlite3_bind_int64(c->sents, 1, id);
	size_t cap = 0;
	while ((rc = sqlite3_step(c->sents)) == SQLITE_ROW) {
		if (d->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			sent_row *v = realloc(d->s, ncap * sizeof *v);
			if (!v)
				break;
			d->s = v;
			cap = ncap;
		}
		d->s[d->n++] = (sent_row){ sqlite3_column_int64(c->sents, 0),
					   sqlite3_column_int64(c->sents, 1),
					   sqlite3_column_int64(c->sents, 2),
					   sqlite3_column_int64(c->sents, 3) };
	}
	sqlite3_reset(c->sents);
	return rc == SQLITE_DONE ? 0 : -1;
}

static place_doc *doc_get(brief_place_cache *c, int64_t id)
{
	for (size_t i = 0; i < PLACE_SLOTS; i++)
		if (c->doc[i].used && c->doc[i].id == id)
			return &c->doc[i];
	place_doc *d = &c->doc[c->next];
	c->next = (c->next + 1) % PLACE_SLOTS;
	doc_clear(d);
	if (doc_load(c, id, d)) {
		doc_clear(d);
		return NULL;
	}
	return d;
}

/* The first sentence whose idx >= idx. */
static size_t sent_lower(const place_doc *d, int64_t idx)
{
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->s[mid].idx < idx)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int brief_place_read(brief_place_cache *c, sqlite3_stmt *st, int col, brief_fact_place *p)
{
	*p = (brief_fact_place){ .dated = sqlite3_column_int(st, col) != 0 };
	bool has_sent = sqlite3_column_type(st, col + 2) != SQLITE_NULL;
	bool has_off = sqlite3_column_type(st, col + 3) != SQLITE_NULL;
	int64_t sent = sqlite3_column_int64(st, col + 2), off = sqlite3_column_int64(st, col + 3);
	if (!has_sent)
		return 0;
	place_doc *d = doc_get(c, sqlite3_column_int64(st, col + 1));
	if (!d)
		return -1;
	size_t k = sent_lower(d, sent);
	if (k == d->n || d->s[k].idx != sent)
		return 0;       /* no such sentence: as the SQL's NULLs gave */
	const sent_row *s = &d->s[k];
	int64_t ps = s->start;
	for (size_t j = sent_lower(d, sent - PARA_BACK); j < k; j++)
		if (d->s[j].para == s->para && d->s[j].start < ps)
			ps = d->s[j].start;
	if (has_off) {
		p->before = (size_t)(off - ps);
		p->sent_before = (size_t)(off - s->start);
	}
	if (!d->text)
		return 0;
	size_t from = doc_byte(d, ps < 0 ? 0 : ps);
	int64_t n = s->end - ps;
	size_t to = from + char_byte(d->text + from, d->len - from, n < 0 ? 0 : n);
	char *para = malloc(to - from + 1);
	if (!para)
		return -1;
	memcpy(para, d->text + from, to - from);
	para[to - from] = 0;
	free(c->para);
	c->para = para;
	p->para = para;
	return 0;
}

static pcre2_code *partial_rx;
static pthread_once_t partial_once = PTHREAD_ONCE_INIT;

static void compile_partial(void)
{
	char *alt = brief_lex_alternation(brief_lexicon_get("periods.tsv"), "partial", 1);
	if (alt && *alt)
		partial_rx = brief_rx_compile(alt);
	free(alt);
}

/* Whether a partial period (data/periods.tsv) occurs in s[0..n). */
static bool partial_in(const char *s, size_t n)
{
	pthread_once(&partial_once, compile_partial);
	if (!partial_rx || !s || !n)
		return false;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(partial_rx, NULL);
	bool hit = md && pcre2_match(partial_rx, (PCRE2_SPTR)s, n, 0, 0, md, NULL) >= 0;
	pcre2_match_data_free(md);
	return hit;
}

/* 全年, 2024, 2024年, 2024年全年, 2024年度 or none: the whole year. */
static bool whole_year(const brief_fact *f)
{
	char y[32];
	if (!f->period || !strcmp(f->period, "全年"))
		return true;
	for (int i = 0; i < 4; i++) {
		static const char *const forms[] = { "%d", "%d年", "%d年全年", "%d年度" };
		snprintf(y, sizeof y, forms[i], f->year);
		if (!strcmp(f->period, y))
			return true;
	}
	return false;
}

static bool year_written(const char *ctx, int year)
{
	char y[16];
	snprintf(y, sizeof y, "%d年", year);
	return ctx && strstr(ctx, y);
}

bool brief_fact_counts(const brief_fact *f, const brief_fact_place *p)
{
	if (f->type != BRIEF_FACT_TARGET && f->type != BRIEF_FACT_ACTUAL)
		return true;
	if (!f->year)
		return false;
	const char *ctx = p && p->para ? p->para : f->evidence;
	size_t len = ctx ? strlen(ctx) : 0;
	size_t at = p && p->para ? brief_utf8_byte_offset(ctx, len, p->before) : 0;
	if (p && !p->dated && !year_written(ctx, f->year))
		return false;
	if (f->type == BRIEF_FACT_ACTUAL)
		return whole_year(f) && !partial_in(ctx, at);
	if (!whole_year(f) || !p || !p->para || p->sent_before > p->before)
		return true;    /* a target of its own period (一季度) stays */
	size_t from = brief_utf8_byte_offset(ctx, len, p->before - p->sent_before);
	return !partial_in(ctx + from, at - from);
}

/* ---------------------------------------------------------------- */
/* The briefings that exist.                                         */

typedef struct tally {
	char *code, *name;
	int year, targets, results;
} tally;

typedef struct tallies {
	tally *v;
	size_t n;
} tallies;

static int count(tallies *t, const char *code, const char *name, int year, bool result)
{
	for (size_t i = t->n; i-- > 0;)
		if (t->v[i].year == year && !strcmp(t->v[i].code, code)) {
			t->v[i].targets += !result;
			t->v[i].results += result;
			if (name && (!t->v[i].name || strcmp(name, t->v[i].name) < 0)) {
				free(t->v[i].name);
				t->v[i].name = strdup(name);
			}
			return 0;
		}
	tally *v = realloc(t->v, (t->n + 1) * sizeof *v);
	if (!v)
		return -1;
	t->v = v;
	v[t->n++] = (tally){ strdup(code), name ? strdup(name) : NULL, year, !result, result };
	return 0;
}

static int by_code_year(const void *a, const void *b)
{
	const tally *x = a, *y = b;
	int c = strcmp(x->code, y->code);
	return c ? c : x->year - y->year;
}

static int walk(brief_db *db, const char *code, int year, tallies *t)
{
	char sql[2048];
	sqlite3_stmt *st = NULL;
	int rc;
	snprintf(sql, sizeof sql,
		 "SELECT f.type, f.region_code, f.region, f.year, f.period, f.evidence, %s"
		 " FROM facts f JOIN documents d ON d.id = f.doc_id"
		 " WHERE f.type IN ('target', 'actual') AND f.year IS NOT NULL AND %s AND %s",
		 brief_place_cols, code ? "f.region_code = ?1" : "f.region_code IS NOT NULL",
		 year ? "f.year IN (?2, ?2 - 1)" : "1");
	brief_place_cache *pc = brief_place_cache_new(db);
	if (!pc || sqlite3_prepare_v2(brief_db_handle(db), sql, -1, &st, NULL)) {
		brief_place_cache_free(pc);
		return -1;
	}
	if (code)
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (year)
		sqlite3_bind_int(st, 2, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		brief_fact f = { 0 };
		const char *type = (const char *)sqlite3_column_text(st, 0);
		f.type = (brief_fact_type)brief_fact_type_parse(type);
		f.year = sqlite3_column_int(st, 3);
		f.period = (char *)sqlite3_column_text(st, 4);
		f.evidence = (char *)sqlite3_column_text(st, 5);
		brief_fact_place p;
		if (brief_place_read(pc, st, 6, &p)) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (!brief_fact_counts(&f, &p))
			continue;
		bool result = f.type == BRIEF_FACT_ACTUAL;
		int y = result ? f.year + 1 : f.year;
		if (year && y != year)
			continue;
		if (count(t, (const char *)sqlite3_column_text(st, 1),
			  (const char *)sqlite3_column_text(st, 2), y, result)) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	brief_place_cache_free(pc);
	return rc == SQLITE_DONE ? 0 : -1;
}

int brief_briefings(brief_db *db, const char *code, int year,
		    brief_briefing_fn fn, void *user)
{
	tallies t = { 0 };
	int rc = walk(db, code, year, &t);
	if (!rc && t.n > 1)
		qsort(t.v, t.n, sizeof *t.v, by_code_year);
	for (size_t i = 0; !rc && i < t.n; i++)
		rc = fn(user, t.v[i].code, t.v[i].name, t.v[i].year, t.v[i].targets,
			t.v[i].results);
	for (size_t i = 0; i < t.n; i++) {
		free(t.v[i].code);
		free(t.v[i].name);
	}
	free(t.v);
	return rc;
}
