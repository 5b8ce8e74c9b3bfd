/*
 * aggregate.c - brief_aggregate: resolves the region, loads its facts and
 * its siblings' targets from the store, and hands them to the pure parts
 * (merge.c, compare.c).
 */
#include "aggregate/aggregate.h"

#include <stdlib.h>
#include <string.h>

#include "aggregate/internal.h"
#include "extract/regions.h"

typedef struct loaded {
	brief_facts facts;
	brief_source *docs;
	size_t ndocs;
} loaded;

static void loaded_free(loaded *l)
{
	brief_facts_free(&l->facts);
	for (size_t i = 0; i < l->ndocs; i++) {
		free(l->docs[i].title);
		free(l->docs[i].source);
		free(l->docs[i].published);
		free(l->docs[i].file);
		free(l->docs[i].url);
	}
	free(l->docs);
}

static char *col_dup(sqlite3_stmt *st, int col, bool *oom)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	char *r = s ? strdup(s) : NULL;
	if (s && !r)
		*oom = true;
	return r;
}

/* The region as the store knows it: code, full name and parent code. */
typedef struct target {
	char *code, *name, *parent_code, *parent;
} target;

static void target_free(target *t)
{
	free(t->code);
	free(t->name);
	free(t->parent_code);
	free(t->parent);
}

static const char find_sql[] =
	"SELECT region_code, region, parent_code FROM facts"
	" WHERE region_code IS NOT NULL AND (region_code = ?1 OR region = ?1)"
	" GROUP BY region_code ORDER BY count(*) DESC, region_code LIMIT 1";

/* Finds `code_or_name` among the facts; 1 found, 0 not, -1 error. */
static int find_in_facts(sqlite3 *h, const char *code_or_name, target *t)
{
	sqlite3_stmt *st = NULL;
	bool oom = false;
	int rc;
	if (sqlite3_prepare_v2(h, find_sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, code_or_name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t->code = col_dup(st, 0, &oom);
		t->name = col_dup(st, 1, &oom);
		t->parent_code = col_dup(st, 2, &oom);
	}
	sqlite3_finalize(st);
	if (oom)
		return -1;
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Resolves a full name, short name or code: the gazetteer's candidates
 * first (the one the store has facts for), then the facts' own names. */
static int resolve(sqlite3 *h, const brief_gazetteer *g, const char *arg,
		   target *t)
{
	const brief_region *cand[16];
	size_t n = 0;
	int rc;

	if (g) {
		const brief_region *r = brief_region_by_code(g, arg);
		if (r) {
			cand[0] = r;
			n = 1;
		} else {
			n = brief_region_lookup(g, arg, cand, 16);
			if (n > 16)
				n = 16;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if ((rc = find_in_facts(h, cand[i]->code, t)) != 0)
			return rc;
	}
	return find_in_facts(h, arg, t);
}

/* The latest plan year: of targets, else the year after the latest
 * results (whose briefing shows them), else of projects and clusters. */
static const char year_sql[] =
	"SELECT coalesce((SELECT max(year) FROM facts WHERE region_code = ?1"
	"  AND type = 'target'), (SELECT max(CASE type WHEN 'actual'"
	"  THEN year + 1 ELSE year END) FROM facts WHERE region_code = ?1))";

static int default_year(sqlite3 *h, const char *code)
{
	sqlite3_stmt *st = NULL;
	int y = 0;
	if (sqlite3_prepare_v2(h, year_sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		y = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return y;
}

static const char facts_sql[] =
	"SELECT type, doc_id, region, region_code, parent_code, indicator,"
	" kind, value, unit, bound, qualifier, period, year, name,"
	" investment_yi, status, tier, evidence, offset, sentence FROM facts"
	" WHERE region_code = ?1 OR (?2 IS NOT NULL AND parent_code = ?2"
	"  AND type = 'target' AND year = ?3)"
	" ORDER BY doc_id, offset, id";

static int read_fact(sqlite3_stmt *st, brief_fact *f)
{
	bool oom = false;
	int t = brief_fact_type_parse((const char *)sqlite3_column_text(st, 0));
	f->type = t < 0 ? BRIEF_FACT_TARGET : (brief_fact_type)t;
	f->doc_id = sqlite3_column_int64(st, 1);
	f->region = col_dup(st, 2, &oom);
	f->region_code = col_dup(st, 3, &oom);
	f->parent_code = col_dup(st, 4, &oom);
	f->indicator = col_dup(st, 5, &oom);
	f->kind = col_dup(st, 6, &oom);
	f->has_value = sqlite3_column_type(st, 7) != SQLITE_NULL;
	f->value = sqlite3_column_double(st, 7);
	f->unit = col_dup(st, 8, &oom);
	f->bound = col_dup(st, 9, &oom);
	f->qualifier = col_dup(st, 10, &oom);
	f->period = col_dup(st, 11, &oom);
	f->year = sqlite3_column_int(st, 12);
	f->name = col_dup(st, 13, &oom);
	f->has_investment = sqlite3_column_type(st, 14) != SQLITE_NULL;
	f->investment_yi = sqlite3_column_double(st, 14);
	f->status = col_dup(st, 15, &oom);
	f->tier = col_dup(st, 16, &oom);
	f->evidence = col_dup(st, 17, &oom);
	f->offset = (size_t)sqlite3_column_int64(st, 18);
	f->sentence = sqlite3_column_type(st, 19) == SQLITE_NULL
			      ? -1 : sqlite3_column_int(st, 19);
	return oom ? -1 : 0;
}

static const char docs_sql[] =
	"SELECT id, title, source, published, name, url FROM documents"
	" WHERE id IN (SELECT doc_id FROM facts WHERE region_code = ?1"
	"  OR (?2 IS NOT NULL AND parent_code = ?2 AND type = 'target'"
	"  AND year = ?3)) ORDER BY id";

static int load(sqlite3 *h, const target *t, int year, loaded *l)
{
	sqlite3_stmt *st = NULL;
	int rc = SQLITE_ERROR;

	if (sqlite3_prepare_v2(h, facts_sql, -1, &st, NULL) != SQLITE_OK)
		goto done;
	sqlite3_bind_text(st, 1, t->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t->parent_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		brief_fact *f = brief_facts_push(&l->facts);
		if (!f || read_fact(st, f)) {
			rc = SQLITE_NOMEM;
			goto done;
		}
	}
	if (rc != SQLITE_DONE)
		goto done;
	sqlite3_finalize(st);
	st = NULL;
	rc = SQLITE_ERROR;
	if (sqlite3_prepare_v2(h, docs_sql, -1, &st, NULL) != SQLITE_OK)
		goto done;
	sqlite3_bind_text(st, 1, t->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t->parent_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool oom = false;
		brief_source *v = realloc(l->docs, (l->ndocs + 1) * sizeof *v);
		if (!v) {
			rc = SQLITE_NOMEM;
			goto done;
		}
		l->docs = v;
		brief_source *s = &v[l->ndocs++];
		memset(s, 0, sizeof *s);
		s->doc_id = sqlite3_column_int64(st, 0);
		s->title = col_dup(st, 1, &oom);
		s->source = col_dup(st, 2, &oom);
		s->published = col_dup(st, 3, &oom);
		s->file = col_dup(st, 4, &oom);
		s->url = col_dup(st, 5, &oom);
		if (oom) {
			rc = SQLITE_NOMEM;
			goto done;
		}
	}
done:
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int brief_aggregate(brief_db *db, const char *region, int year,
		    brief_doc *out, brief_diag *d)
{
	sqlite3 *h = brief_db_handle(db);
	brief_gazetteer *g = brief_gazetteer_new();
	target t = { 0 };
	loaded l = { 0 };
	int rc = -1, found;

	memset(out, 0, sizeof *out);
	if ((found = resolve(h, g, region, &t)) < 0) {
		brief_error(d, brief_db_path(db), "cannot look up region %s: %s",
			    region, sqlite3_errmsg(h));
		goto done;
	}
	if (!found) {
		brief_error(d, NULL, "no facts for region '%s' (see brief regions)",
			    region);
		goto done;
	}
	if (g && t.parent_code) {
		const brief_region *p = brief_region_by_code(g, t.parent_code);
		if (p && !(t.parent = strdup(p->name)))
			goto oom;
	}
	if (!year)
		year = default_year(h, t.code);
	if (load(h, &t, year, &l)) {
		brief_error(d, brief_db_path(db), "cannot read the facts of %s: %s",
			    t.name ? t.name : t.code, sqlite3_errmsg(h));
		goto done;
	}
	brief_agg_in in = {
		.region = t.name ? t.name : t.code, .region_code = t.code,
		.parent = t.parent, .parent_code = t.parent_code, .year = year,
		.facts = l.facts.v, .nfacts = l.facts.n,
		.docs = l.docs, .ndocs = l.ndocs,
	};
	if (brief_agg_build(&in, out))
		goto oom;
	if (out->nfacts == 0) {
		brief_error(d, NULL, "no facts for %s in %d (targets, projects and "
			    "clusters of %d, results of %d)", in.region, year, year,
			    year - 1);
		brief_doc_free(out);
		goto done;
	}
	rc = 0;
	goto done;
oom:
	brief_error(d, NULL, "out of memory while building the briefing of %s",
		    region);
done:
	loaded_free(&l);
	target_free(&t);
	brief_gazetteer_free(g);
	return rc;
}
