/*
 * aggregate.c - brief_aggregate(): the facts of one region and year read
 * from the store, merged (merge.c) into the brief_doc every renderer
 * draws from, with last year's scorecard, the sibling comparison and the
 * numbered sources.
 */
#include "aggregate/aggregate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/merge.h"
#include "aggregate/period.h"
#include "aggregate/region.h"
#include "aggregate/trend.h"
#include "extract/regions.h"
#include "util/buf.h"

static const char *const headline[] = {
	"GDP", "规上工业增加值", "固定资产投资", "社会消费品零售总额", NULL,
};

typedef struct loaded {
	brief_facts facts;      /* doc_id set on each */
	bool *counts;           /* per fact: brief_fact_counts */
	brief_source *src;      /* one per document, numbered in order */
	size_t nsrc;
} loaded;

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? strdup((const char *)s) : NULL;
}

static const char fact_cols[] =
	"f.type, f.region, f.region_code, f.parent_code, f.indicator, f.kind,"
	" f.value, f.unit, f.bound, f.qualifier, f.period, f.year, f.name,"
	" f.investment_yi, f.status, f.tier, f.evidence, f.offset, f.doc_id";
enum { PLACE_COL = 19 };        /* brief_place_cols follow fact_cols */

static int read_fact(sqlite3_stmt *st, brief_fact *f)
{
	f->type = (brief_fact_type)brief_fact_type_parse((const char *)sqlite3_column_text(st, 0));
	f->region = col(st, 1);
	f->region_code = col(st, 2);
	f->parent_code = col(st, 3);
	f->indicator = col(st, 4);
	f->kind = col(st, 5);
	f->has_value = sqlite3_column_type(st, 6) != SQLITE_NULL;
	f->value = sqlite3_column_double(st, 6);
	f->unit = col(st, 7);
	f->bound = col(st, 8);
	f->qualifier = col(st, 9);
	f->period = col(st, 10);
	f->year = sqlite3_column_int(st, 11);
	f->name = col(st, 12);
	f->has_investment = sqlite3_column_type(st, 13) != SQLITE_NULL;
	f->investment_yi = sqlite3_column_double(st, 13);
	f->status = col(st, 14);
	f->tier = col(st, 15);
	f->evidence = col(st, 16);
	f->offset = (size_t)sqlite3_column_int64(st, 17);
	f->doc_id = sqlite3_column_int64(st, 18);
	return 0;
}

/* Whether the fact just read counts for its year (period.h). */
static int counts(brief_place_cache *pc, sqlite3_stmt *st, const brief_fact *f, bool *yes)
{
	brief_fact_place p;
	if (brief_place_read(pc, st, PLACE_COL, &p))
		return -1;
	*yes = brief_fact_counts(f, &p);
	return 0;
}

/* 规上工业总产值分别在2021年 is 规上工业总产值 (trend.h). */
static int tidy(brief_fact *f)
{
	if (!f->indicator)
		return 0;
	char *t = brief_indicator_tidy(f->indicator);
	if (!t)
		return -1;
	free(f->indicator);
	f->indicator = t;
	return 0;
}

/* The facts a briefing of `code` for `year` may use: the targets, results,
 * projects and clusters of the year and of the year before. */
static int load_facts(brief_db *db, const char *code, int year, loaded *l)
{
	char sql[2048];
	sqlite3_stmt *st = NULL;
	int rc;
	snprintf(sql, sizeof sql,
		 "SELECT %s, %s FROM facts f JOIN documents d ON d.id = f.doc_id"
		 " WHERE f.region_code = ?1 AND f.year IN (?2, ?2 - 1)"
		 " ORDER BY coalesce(d.published, '9999'), d.id, f.offset, f.id",
		 fact_cols, brief_place_cols);
	brief_place_cache *pc = brief_place_cache_new(db);
	if (!pc || sqlite3_prepare_v2(brief_db_handle(db), sql, -1, &st, NULL)) {
		brief_place_cache_free(pc);
		return -1;
	}
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		brief_fact *f = brief_facts_push(&l->facts);
		bool *c = f ? realloc(l->counts, l->facts.n * sizeof *c) : NULL;
		if (!c || read_fact(st, f))
			break;
		l->counts = c;
		if (counts(pc, st, f, &c[l->facts.n - 1]) || tidy(f))
			break;
	}
	sqlite3_finalize(st);
	brief_place_cache_free(pc);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Where a fact goes in the briefing of `year` (-1: nowhere). */
enum { B_TARGET, B_ACTUAL, B_PROJECT, B_CLUSTER, B_PRIOR, B_NOW, B_N };

static int bucket(const brief_fact *f, int year)
{
	switch (f->type) {
	case BRIEF_FACT_TARGET:
		return f->year == year ? B_TARGET : f->year == year - 1 ? B_PRIOR : -1;
	case BRIEF_FACT_ACTUAL:
		return f->year == year - 1 ? B_ACTUAL : f->year == year ? B_NOW : -1;
	case BRIEF_FACT_PROJECT:
		return f->year == year ? B_PROJECT : -1;
	case BRIEF_FACT_CLUSTER:
		return f->year == year ? B_CLUSTER : -1;
	default:
		return -1;
	}
}

static int add_source(brief_db *db, loaded *l, long long doc)
{
	for (size_t i = 0; i < l->nsrc; i++)
		if (l->src[i].doc_id == doc)
			return l->src[i].num;
	sqlite3_stmt *st = NULL;
	int num = -1;
	if (sqlite3_prepare_v2(brief_db_handle(db),
			       "SELECT title, source, published, name, url FROM documents"
			       " WHERE id = ?", -1, &st, NULL))
		return -1;
	sqlite3_bind_int64(st, 1, doc);
	brief_source *v = realloc(l->src, (l->nsrc + 1) * sizeof *v);
	if (v && sqlite3_step(st) == SQLITE_ROW) {
		l->src = v;
		brief_source *s = &v[l->nsrc++];
		s->num = (int)l->nsrc;
		s->doc_id = doc;
		s->title = col(st, 0);
		s->source = col(st, 1);
		s->published = col(st, 2);
		s->file = col(st, 3);
		s->url = col(st, 4);
		num = s->num;
	} else if (v) {
		l->src = v;
	}
	sqlite3_finalize(st);
	return num;
}

/* Splits the counted facts into the briefing's buckets, numbering their
 * sources in the order the briefing first cites them. */
static int sort_facts(brief_db *db, loaded *l, int year, brief_sourced **by, size_t *n)
{
	for (size_t i = 0; i < l->facts.n; i++) {
		const brief_fact *f = &l->facts.v[i];
		int b = l->counts[i] ? bucket(f, year) : -1;
		if (b < 0)
			continue;
		int num = add_source(db, l, f->doc_id);
		if (num < 0)
			return -1;
		by[b][n[b]++] = (brief_sourced){ f, num };
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* Siblings.                                                         */

static int by_value_desc(const void *a, const void *b)
{
	const brief_sibling *x = a, *y = b;
	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	return strcmp(x->region_code, y->region_code);
}

/* The regions of the parent: what "M of N reported" counts against. */
static size_t sibling_count(const char *parent)
{
	const brief_gazetteer *g = brief_gazetteer_shared();
	const brief_region *v[1];
	return g ? brief_region_children(g, parent, v, 0) : 0;
}

/* One headline growth target compared across the regions of a parent. */
static int compare_one(brief_db *db, const brief_doc *d, const char *ind,
		       brief_compare *c)
{
	static const char sql[] =
		"SELECT f.region, f.region_code, f.value FROM facts f"
		" JOIN documents d ON d.id = f.doc_id"
		" WHERE f.parent_code = ?1 AND f.type = 'target' AND f.year = ?2"
		"   AND f.indicator = ?3 AND f.kind = 'growth' AND f.unit = '%'"
		"   AND coalesce(f.period, '全年') = '全年'"
		" ORDER BY f.region_code, coalesce(d.published, '9999') DESC, f.id";
	sqlite3_stmt *st = NULL;
	memset(c, 0, sizeof *c);
	if (sqlite3_prepare_v2(brief_db_handle(db), sql, -1, &st, NULL))
		return -1;
	sqlite3_bind_text(st, 1, d->parent_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, d->year);
	sqlite3_bind_text(st, 3, ind, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		if (c->n && !strcmp(c->v[c->n - 1].region_code, code))
			continue;       /* the latest source's value per region */
		brief_sibling *v = realloc(c->v, (c->n + 1) * sizeof *v);
		if (!v)
			break;
		c->v = v;
		v[c->n++] = (brief_sibling){ col(st, 0), col(st, 1),
					     sqlite3_column_double(st, 2),
					     !strcmp(code, d->region_code), 0 };
	}
	sqlite3_finalize(st);
	if (c->n > 1)
		qsort(c->v, c->n, sizeof *c->v, by_value_desc);
	/* a rank among 2 of 13 says nothing: only when half reported */
	c->nsiblings = sibling_count(d->parent_code);
	c->ranked = c->n * 2 >= c->nsiblings;
	for (size_t i = 0; i < c->n; i++) {
		/* ties share a rank: 6.5, 6.0, 6.0, 5.5 -> 1, 2, 2, 4 */
		c->v[i].rank = i > 0 && c->v[i].value == c->v[i - 1].value
				       ? c->v[i - 1].rank : (int)i + 1;
		if (c->v[i].self && c->ranked)
			c->self_rank = c->v[i].rank;
	}
	c->indicator = strdup(ind);
	c->kind = strdup("growth");
	c->unit = strdup("%");
	return 0;
}

static int siblings(brief_db *db, brief_doc *d)
{
	if (!d->parent_code)
		return 0;
	for (const char *const *h = headline; *h; h++) {
		brief_compare c;
		if (compare_one(db, d, *h, &c))
			return -1;
		/* a comparison needs this region and at least one other */
		bool self = false;
		for (size_t i = 0; i < c.n; i++)
			self |= c.v[i].self;
		if (c.n < 2 || !self) {
			brief_compare_clear(&c);
			continue;
		}
		brief_compare *v = realloc(d->compare, (d->ncompare + 1) * sizeof *v);
		if (!v) {
			brief_compare_clear(&c);
			return -1;
		}
		d->compare = v;
		v[d->ncompare++] = c;
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* Trends.                                                           */

/* Every counted whole-year target and result of the region up to the
 * briefing's year. */
static int load_series(brief_db *db, const char *code, int year, loaded *t)
{
	char sql[2048];
	sqlite3_stmt *st = NULL;
	int rc;
	snprintf(sql, sizeof sql,
		 "SELECT %s, %s FROM facts f JOIN documents d ON d.id = f.doc_id"
		 " WHERE f.region_code = ?1 AND f.year <= ?2 AND f.type IN ('target', 'actual')"
		 "   AND f.value IS NOT NULL AND coalesce(f.period, '全年') NOT LIKE '%%季度'"
		 " ORDER BY coalesce(d.published, '9999'), d.id, f.offset, f.id",
		 fact_cols, brief_place_cols);
	brief_place_cache *pc = brief_place_cache_new(db);
	if (!pc || sqlite3_prepare_v2(brief_db_handle(db), sql, -1, &st, NULL)) {
		brief_place_cache_free(pc);
		return -1;
	}
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		brief_fact f = { 0 };
		bool yes = false;
		read_fact(st, &f);
		bool whole = f.type == BRIEF_FACT_ACTUAL || !f.period || !strcmp(f.period, "全年");
		if (whole && counts(pc, st, &f, &yes)) {
			brief_fact_clear(&f);
			break;
		}
		brief_fact *g = whole && yes ? brief_facts_push(&t->facts) : NULL;
		if (g) {
			*g = f;
			if (tidy(g))
				break;
		} else {
			brief_fact_clear(&f);
		}
	}
	sqlite3_finalize(st);
	brief_place_cache_free(pc);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int trends(brief_db *db, brief_doc *d, loaded *l)
{
	loaded t = { 0 };
	brief_trend_fact *v = NULL;
	int rc = -1;
	if (load_series(db, d->region_code, d->year, &t))
		goto out;
	if (!(v = calloc(t.facts.n + 1, sizeof *v)))
		goto out;
	for (size_t i = 0; i < t.facts.n; i++)
		v[i] = (brief_trend_fact){ &t.facts.v[i], (int)i };
	if (brief_trends(v, t.facts.n, headline, &d->trends, &d->ntrends))
		goto out;
	/* each point cites its article, numbered with the briefing's */
	for (size_t i = 0; i < d->ntrends; i++)
		for (size_t j = 0; j < d->trends[i].n; j++) {
			brief_point *p = &d->trends[i].v[j];
			if ((p->source = add_source(db, l, t.facts.v[p->source].doc_id)) < 0)
				goto out;
		}
	rc = 0;
out:
	free(v);
	brief_facts_free(&t.facts);
	return rc;
}

/* ---------------------------------------------------------------- */
/* Region and year.                                                  */

typedef struct years {
	int want, latest;       /* latest: the last year with targets */
	bool found;
	brief_buf list;         /* "2024, 2025" */
} years;

static int note_year(void *user, const char *code, const char *name, int year,
		     int targets, int results)
{
	years *y = user;
	(void)code;
	(void)name;
	(void)results;
	y->found |= year == y->want;
	if (targets && year > y->latest)
		y->latest = year;
	brief_buf_printf(&y->list, "%s%d", y->list.len ? ", " : "", year);
	return 0;
}

/* Whether the region has a briefing for *year by the one rule
 * (period.h; *year 0: the latest year with targets, which it sets); when
 * not, says so with the years it has. */
static bool has_briefing(brief_db *db, const brief_region *r, int *year, brief_diag *d)
{
	years y = { *year, 0, false, BRIEF_BUF_INIT };
	bool ok = false;
	if (brief_briefings(db, r->code, 0, note_year, &y))
		brief_error(d, r->name, "cannot read its facts: %s",
			    sqlite3_errmsg(brief_db_handle(db)));
	else if (y.found || (!*year && y.latest))
		ok = true;
	else if (*year == 0 && !y.list.len)
		brief_error(d, r->name, "no targets stored for this region");
	else if (*year == 0)
		brief_error(d, r->name, "no targets stored for this region; it has briefings "
			    "for %s (give --year)", y.list.data);
	else
		brief_error(d, r->name, "no briefing for %d (no targets for %d, no results "
			    "for %d)%s%s", *year, *year, *year - 1,
			    y.list.len ? "; it has briefings for " : "",
			    y.list.len ? y.list.data : "");
	if (ok && !*year)
		*year = y.latest;
	brief_buf_free(&y.list);
	return ok;
}

static void date_range(brief_doc *d)
{
	for (size_t i = 0; i < d->nsources; i++) {
		const char *p = d->sources[i].published;
		if (!p)
			continue;
		if (!d->date_from || strcmp(p, d->date_from) < 0) {
			free(d->date_from);
			d->date_from = strdup(p);
		}
		if (!d->date_to || strcmp(p, d->date_to) > 0) {
			free(d->date_to);
			d->date_to = strdup(p);
		}
	}
}

static size_t count_conflicts(const brief_rows *rs)
{
	/* a conflict's rows stand together (brief_merge_measures): one each */
	size_t n = 0;
	for (size_t i = 0; i < rs->n; i++) {
		const brief_row *r = &rs->v[i], *p = i ? &rs->v[i - 1] : NULL;
		n += r->conflict && !(p && p->conflict && p->indicator && r->indicator &&
				      !strcmp(p->indicator, r->indicator));
	}
	return n;
}

static int build(brief_db *db, brief_doc *out, loaded *l)
{
	size_t n[B_N] = { 0 };
	brief_sourced *by[B_N] = { 0 };
	int rc = -1, y = out->year;

	for (int t = 0; t < B_N; t++)
		if (!(by[t] = calloc(l->facts.n + 1, sizeof *by[t])))
			goto out;
	if (sort_facts(db, l, y, by, n) ||
	    brief_merge_measures(by[B_TARGET], n[B_TARGET], &out->targets) ||
	    brief_merge_measures(by[B_ACTUAL], n[B_ACTUAL], &out->actuals) ||
	    brief_merge_measures(by[B_NOW], n[B_NOW], &out->year_actuals) ||
	    brief_merge_measures(by[B_PRIOR], n[B_PRIOR], &out->prev_targets) ||
	    brief_merge_projects(by[B_PROJECT], n[B_PROJECT], &out->projects) ||
	    brief_merge_clusters(by[B_CLUSTER], n[B_CLUSTER], &out->clusters,
				 &out->tiers, &out->ntiers) ||
	    /* totals leave the tables before the scorecard borrows rows */
	    brief_take_totals(&out->targets, y, false, &out->totals, &out->ntotals) ||
	    brief_take_totals(&out->actuals, y - 1, true, &out->totals, &out->ntotals) ||
	    brief_take_totals(&out->prev_targets, y - 1, false, NULL, NULL) ||
	    brief_scorecard(&out->prev_targets, &out->actuals, y - 1, true,
			    &out->scorecard, &out->nscorecard) ||
	    brief_scorecard(&out->targets, &out->year_actuals, y, false,
			    &out->scorecard, &out->nscorecard) ||
	    brief_collect_clauses(out))
		goto out;
	out->nfacts = n[B_TARGET] + n[B_ACTUAL] + n[B_NOW] + n[B_PROJECT] + n[B_CLUSTER];
	out->nconflicts = count_conflicts(&out->targets) + count_conflicts(&out->actuals) +
			  count_conflicts(&out->year_actuals);
	rc = 0;
out:
	for (int t = 0; t < B_N; t++)
		free(by[t]);
	return rc;
}

int brief_aggregate(brief_db *db, const char *region, int year,
		    brief_doc *out, brief_diag *d)
{
	const brief_gazetteer *g = brief_gazetteer_shared();
	loaded l = { 0 };
	const brief_region *r, *p;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (!g) {
		brief_error(d, NULL, "cannot load the region table");
		return -1;
	}
	if (!(r = brief_region_named(db, g, region, d)))
		goto out;
	out->year = year;
	if (!has_briefing(db, r, &out->year, d))
		goto out;
	p = brief_region_parent(g, r);
	out->region = strdup(r->name);
	out->region_code = strdup(r->code);
	out->parent = p ? strdup(p->name) : NULL;
	out->parent_code = p ? strdup(p->code) : NULL;
	if (load_facts(db, r->code, out->year, &l) || build(db, out, &l) ||
	    trends(db, out, &l) || siblings(db, out)) {
		brief_error(d, r->name, "cannot read its facts: %s",
			    sqlite3_errmsg(brief_db_handle(db)));
		goto out;
	}
	if (out->nfacts == 0) {
		brief_error(d, r->name, "no facts for %d", out->year);
		goto out;
	}
	out->sources = l.src;
	out->nsources = l.nsrc;
	l.src = NULL;
	date_range(out);
	rc = 0;
out:
	brief_facts_free(&l.facts);
	free(l.counts);
	for (size_t i = 0; l.src && i < l.nsrc; i++) {
		brief_source *s = &l.src[i];
		free(s->title);
		free(s->source);
		free(s->published);
		free(s->file);
		free(s->url);
	}
	free(l.src);
	if (rc)
		brief_doc_free(out);
	return rc;
}
