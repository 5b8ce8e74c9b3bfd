/*
 * region.c - brief_region_named(): the resolver every command uses, so
 * that 钱塘, 钱塘区 and 330114 mean the same region everywhere and a
 * name that means none says which it might have meant.
 */
#include "aggregate/region.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

enum { MAX_CP = 64, MAX_SUGGEST = 5, MAX_SHARED = 32 };

static size_t decode(const char *s, uint32_t *out)
{
	size_t len = strlen(s), i = 0, n = 0;
	while (i < len && n < MAX_CP)
		out[n++] = brief_utf8_next(s, len, &i);
	return i < len ? MAX_CP + 1 : n;
}

size_t brief_edit_distance(const char *a, const char *b)
{
	uint32_t x[MAX_CP], y[MAX_CP];
	size_t row[MAX_CP + 1], m = decode(a, x), n = decode(b, y);
	if (m > MAX_CP || n > MAX_CP)
		return SIZE_MAX;
	for (size_t j = 0; j <= n; j++)
		row[j] = j;
	for (size_t i = 1; i <= m; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= n; j++) {
			size_t up = row[j], best = diag + (x[i - 1] != y[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[n];
}

static bool has_facts(brief_db *db, const char *code)
{
	sqlite3_stmt *st = NULL;
	bool yes = false;
	if (db && sqlite3_prepare_v2(brief_db_handle(db), "SELECT 1 FROM facts WHERE"
				     " region_code = ? LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		yes = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return yes;
}

/* "钱塘区 (330114, 杭州市)": enough to tell regions of one name apart. */
static void label(brief_buf *b, const brief_gazetteer *g, const brief_region *r)
{
	const brief_region *p = brief_region_parent(g, r);
	if (p)
		brief_buf_printf(b, "%s (%s, %s)", r->name, r->code, p->name);
	else
		brief_buf_printf(b, "%s (%s)", r->name, r->code);
}

typedef struct near {
	const brief_region *r;
	size_t dist;
	bool facts;
} near;

typedef struct nearest {
	near v[MAX_SUGGEST + 1];
	size_t n, limit;
	const char *name;
	brief_db *db;
} nearest;

static bool before(const near *a, const near *b)
{
	if (a->dist != b->dist)
		return a->dist < b->dist;
	if (a->facts != b->facts)
		return a->facts;
	return strcmp(a->r->code, b->r->code) < 0;
}

static void consider(nearest *s, const brief_region *r)
{
	size_t d = brief_edit_distance(s->name, r->name);
	if (r->short_name) {
		size_t ds = brief_edit_distance(s->name, r->short_name);
		d = ds < d ? ds : d;
	}
	if (d > s->limit)
		return;
	near c = { r, d, has_facts(s->db, r->code) };
	size_t i = s->n < MAX_SUGGEST ? s->n++ : MAX_SUGGEST;
	for (; i > 0 && before(&c, &s->v[i - 1]); i--)
		s->v[i] = s->v[i - 1];
	if (i < MAX_SUGGEST)
		s->v[i] = c;
}

/* Provinces, their prefectures, and the counties of those: the whole
 * gazetteer, three levels deep. */
static void walk(nearest *s, const brief_gazetteer *g, const char *code, int depth)
{
	const brief_region *v[1024];
	size_t n = brief_region_children(g, code, v, 1024);
	for (size_t i = 0; i < n && i < 1024; i++) {
		consider(s, v[i]);
		if (depth < 2)
			walk(s, g, v[i]->code, depth + 1);
	}
}

static void unknown(brief_db *db, const brief_gazetteer *g, const char *name,
		    brief_diag *d)
{
	nearest s = { .name = name, .db = db };
	brief_buf msg = BRIEF_BUF_INIT;
	size_t cps = brief_utf8_chars(name, strlen(name));
	if (strspn(name, "0123456789") == strlen(name) && *name) {
		brief_error(d, name, "unknown region code");
		return;
	}
	s.limit = cps <= 3 ? 1 : 2;
	walk(&s, g, NULL, 0);
	for (size_t i = 0; i < s.n; i++) {
		brief_buf_puts(&msg, i == 0 ? "; did you mean " : i + 1 == s.n ? " or " : ", ");
		label(&msg, g, s.v[i].r);
	}
	brief_error(d, name, "unknown region%s%s", brief_buf_ok(&msg) && msg.len ? msg.data : "",
		    s.n ? "?" : "");
	brief_buf_free(&msg);
}

static void shared(const brief_gazetteer *g, const char *name, brief_diag *d)
{
	const brief_region *v[MAX_SHARED];
	size_t n = brief_region_lookup(g, name, v, MAX_SHARED);
	brief_buf msg = BRIEF_BUF_INIT;
	for (size_t i = 0; i < n && i < MAX_SHARED; i++) {
		if (i)
			brief_buf_puts(&msg, ", ");
		label(&msg, g, v[i]);
	}
	brief_error(d, name, "%zu regions have this name: %s; give the code", n,
		    brief_buf_ok(&msg) && msg.len ? msg.data : "");
	brief_buf_free(&msg);
}

/* A name several regions share (西湖区: 杭州 and 南昌) means the one the
 * store has facts for, when there is exactly one. */
static const brief_region *stored_one(brief_db *db, const brief_gazetteer *g,
				      const char *name)
{
	const brief_region *v[MAX_SHARED], *pick = NULL;
	size_t n = brief_region_lookup(g, name, v, MAX_SHARED);
	for (size_t i = 0; i < n && i < MAX_SHARED; i++)
		if (has_facts(db, v[i]->code)) {
			if (pick)
				return NULL;
			pick = v[i];
		}
	return pick;
}

const brief_region *brief_region_named(brief_db *db, const brief_gazetteer *g,
				       const char *name, brief_diag *d)
{
	size_t n;
	const brief_region *r = brief_region_resolve(g, name, &n, NULL);
	if (!r && n > 1 && db)
		r = stored_one(db, g, name);
	if (!r && n == 0)
		unknown(db, g, name, d);
	else if (!r)
		shared(g, name, d);
	return r;
}
