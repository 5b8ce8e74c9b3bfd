/* period.c - which facts belong to which year's briefing (period.h). */
#include "aggregate/period.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/lexicon.h"
#include "util/rx.h"
#include "util/utf8.h"

/* The paragraph of a fact up to the end of its sentence, and where the
 * fact's clause starts in it and in its sentence (chars). A paragraph is
 * looked at 32 sentences back at most: a bounded range of the primary
 * key, however long the article. */
#define PARA_START "(SELECT min(p.start) FROM sentences p WHERE p.doc_id = f.doc_id" \
	" AND p.idx BETWEEN f.sentence - 32 AND f.sentence" \
	" AND p.para = (SELECT s.para FROM sentences s WHERE s.doc_id = f.doc_id" \
	" AND s.idx = f.sentence))"
#define SENT(col) "(SELECT s." col " FROM sentences s WHERE s.doc_id = f.doc_id" \
	" AND s.idx = f.sentence)"

const char brief_place_cols[] =
	"d.published IS NOT NULL,"
	" substr(d.text, " PARA_START " + 1, " SENT("end") " - " PARA_START "),"
	" f.offset - " PARA_START ","
	" f.offset - " SENT("start");

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
	if (sqlite3_prepare_v2(brief_db_handle(db), sql, -1, &st, NULL))
		return -1;
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
		brief_fact_place p = { sqlite3_column_int(st, 6),
				       (const char *)sqlite3_column_text(st, 7),
				       (size_t)sqlite3_column_int64(st, 8),
				       (size_t)sqlite3_column_int64(st, 9) };
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
