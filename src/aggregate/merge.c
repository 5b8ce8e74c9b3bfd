/*
 * merge.c - facts of one region -> the rows of its briefing.
 *
 * Facts are visited in source order (published date, file, offset), so
 * rows come out in the order a reader meets them. The same fact from
 * several documents is one row with all its evidence; different values
 * for the same indicator are kept side by side and flagged, never chosen.
 */
#include "aggregate/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

typedef struct ctx {
	const brief_agg_in *in;
	size_t *doc_pos;        /* index into in->docs -> position in source order */
	const brief_fact **self;/* this region's facts, in source order */
	size_t nself;
	bool oom;
} ctx;

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static char *dup(ctx *c, const char *s)
{
	char *r;
	if (!s)
		return NULL;
	if (!(r = strdup(s)))
		c->oom = true;
	return r;
}

static bool same_value(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/* Null-last string order, for dates and names. */
static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return a ? -1 : b ? 1 : 0;
	return strcmp(a, b);
}

/* qsort has no user pointer: items carry their own sort keys. */
typedef struct keyed {
	const brief_source *doc;        /* documents: the key itself */
	size_t pos, offset, idx;        /* facts: document position, offset */
} keyed;

static int cmp_doc(const void *pa, const void *pb)
{
	const keyed *ka = pa, *kb = pb;
	const brief_source *a = ka->doc, *b = kb->doc;
	int r = cmp_str(a->published, b->published);
	if (!r)
		r = cmp_str(a->file, b->file);
	if (!r)
		r = (a->doc_id > b->doc_id) - (a->doc_id < b->doc_id);
	return r;
}

static int cmp_fact(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

static size_t doc_index(const brief_agg_in *in, long long id)
{
	for (size_t i = 0; i < in->ndocs; i++)
		if (in->docs[i].doc_id == id)
			return i;
	return in->ndocs;
}

/* Position of a document in source order; ndocs when it is unknown. */
static size_t pos_of(const ctx *c, long long id)
{
	size_t i = doc_index(c->in, id);
	return i < c->in->ndocs ? c->doc_pos[i] : c->in->ndocs;
}

static int order_inputs(ctx *c)
{
	const brief_agg_in *in = c->in;
	size_t n = in->ndocs > in->nfacts ? in->ndocs : in->nfacts;
	keyed *k = calloc(n + 1, sizeof *k);

	c->doc_pos = calloc(in->ndocs + 1, sizeof *c->doc_pos);
	c->self = calloc(in->nfacts + 1, sizeof *c->self);
	if (!k || !c->doc_pos || !c->self) {
		free(k);
		return -1;
	}
	for (size_t i = 0; i < in->ndocs; i++)
		k[i] = (keyed){ .doc = &in->docs[i], .idx = i };
	qsort(k, in->ndocs, sizeof *k, cmp_doc);
	for (size_t i = 0; i < in->ndocs; i++)
		c->doc_pos[k[i].idx] = i;
	for (size_t i = 0; i < in->nfacts; i++) {
		const brief_fact *f = &in->facts[i];
		if (str_eq(f->region_code, in->region_code))
			k[c->nself++] = (keyed){ .pos = pos_of(c, f->doc_id),
						 .offset = f->offset, .idx = i };
	}
	qsort(k, c->nself, sizeof *k, cmp_fact);
	for (size_t i = 0; i < c->nself; i++)
		c->self[i] = &in->facts[k[i].idx];
	free(k);
	return 0;
}

static brief_row *push_row(ctx *c, brief_rows *rs)
{
	brief_row *v = realloc(rs->v, (rs->n + 1) * sizeof *v);
	if (!v) {
		c->oom = true;
		return NULL;
	}
	rs->v = v;
	memset(&v[rs->n], 0, sizeof *v);
	return &v[rs->n++];
}

/* Adds f's evidence to r unless that very clause is already there.
 * ev.source holds the document's position until numbering. */
static void add_evidence(ctx *c, brief_row *r, const brief_fact *f)
{
	int pos = (int)pos_of(c, f->doc_id);
	for (size_t i = 0; i < r->nev; i++)
		if (r->ev[i].source == pos && r->ev[i].offset == f->offset)
			return;
	brief_evidence *v = realloc(r->ev, (r->nev + 1) * sizeof *v);
	if (!v) {
		c->oom = true;
		return;
	}
	r->ev = v;
	v[r->nev].source = pos;
	v[r->nev].offset = f->offset;
	v[r->nev].text = dup(c, f->evidence);
	r->nev++;
}

static void row_from_fact(ctx *c, brief_row *r, const brief_fact *f)
{
	r->type = f->type;
	r->indicator = dup(c, f->indicator);
	r->kind = dup(c, f->kind);
	r->unit = dup(c, f->unit);
	r->bound = dup(c, f->bound);
	r->qualifier = dup(c, f->qualifier);
	r->period = dup(c, f->period);
	r->has_value = f->has_value;
	r->value = f->value;
	r->year = f->year;
	r->name = dup(c, f->name);
	r->status = dup(c, f->status);
	r->tier = dup(c, f->tier);
	r->has_investment = f->has_investment;
	r->investment_yi = f->investment_yi;
	add_evidence(c, r, f);
}

/* Same indicator, kind and period: the rows speak of the same figure. */
static bool same_measure(const brief_row *r, const brief_fact *f)
{
	return str_eq(r->indicator, f->indicator) && str_eq(r->kind, f->kind) &&
	       str_eq(r->period, f->period);
}

static bool same_row_measure(const brief_row *a, const brief_row *b)
{
	return str_eq(a->indicator, b->indicator) && str_eq(a->kind, b->kind) &&
	       str_eq(a->period, b->period);
}

static void merge_measures(ctx *c, brief_fact_type type, int year,
			   brief_rows *out)
{
	for (size_t i = 0; i < c->nself && !c->oom; i++) {
		const brief_fact *f = c->self[i];
		brief_row *r = NULL;
		if (f->type != type || f->year != year)
			continue;
		for (size_t j = 0; j < out->n && !r; j++)
			if (same_measure(&out->v[j], f) &&
			    str_eq(out->v[j].unit, f->unit) &&
			    out->v[j].has_value == f->has_value &&
			    (!f->has_value || same_value(out->v[j].value, f->value)))
				r = &out->v[j];
		if (r)
			add_evidence(c, r, f);
		else if ((r = push_row(c, out)))
			row_from_fact(c, r, f);
	}
	for (size_t i = 0; i < out->n; i++)
		for (size_t j = i + 1; j < out->n; j++)
			if (same_row_measure(&out->v[i], &out->v[j]))
				out->v[i].conflict = out->v[j].conflict = true;
}

char *brief_agg_project_key(const char *name)
{
	static const char *const drop[] = {
		"\"", "'", " ", "\t", "\u3000", "\u201c", "\u201d", "\u2018",
		"\u2019", "\u300a", "\u300b", "\u300c", "\u300d", "\u3010",
		"\u3011", "(", ")", "\uff08", "\uff09", "[", "]",
	};
	brief_buf b = BRIEF_BUF_INIT;
	const char *p = name ? name : "";
	while (*p) {
		size_t skip = 0;
		for (size_t i = 0; i < sizeof drop / sizeof drop[0] && !skip; i++)
			if (strncmp(p, drop[i], strlen(drop[i])) == 0)
				skip = strlen(drop[i]);
		if (!skip)
			brief_buf_putc(&b, *p);
		p += skip ? skip : 1;
	}
	if (!brief_buf_ok(&b))
		return NULL;
	static const char suffix[] = "项目";
	if (b.len > sizeof suffix - 1 &&
	    strcmp(b.data + b.len - (sizeof suffix - 1), suffix) == 0)
		brief_buf_truncate(&b, b.len - (sizeof suffix - 1));
	return brief_buf_detach(&b, NULL);
}

/* Projects and clusters: one row per normalised name. */
static void merge_named(ctx *c, brief_fact_type type, int year,
			brief_rows *out)
{
	char **keys = NULL;
	for (size_t i = 0; i < c->nself && !c->oom; i++) {
		const brief_fact *f = c->self[i];
		char *key;
		size_t j;
		if (f->type != type || f->year != year || !f->name)
			continue;
		if (!(key = brief_agg_project_key(f->name))) {
			c->oom = true;
			break;
		}
		for (j = 0; j < out->n && strcmp(keys[j], key) != 0; j++)
			;
		if (j < out->n) {
			brief_row *r = &out->v[j];
			free(key);
			add_evidence(c, r, f);
			if (f->has_investment && r->has_investment &&
			    !same_value(f->investment_yi, r->investment_yi))
				r->conflict = true;
			else if (f->has_investment && !r->has_investment) {
				r->has_investment = true;
				r->investment_yi = f->investment_yi;
			}
			if (!r->status)
				r->status = dup(c, f->status);
			if (!r->tier)
				r->tier = dup(c, f->tier);
			continue;
		}
		char **k = realloc(keys, (out->n + 1) * sizeof *k);
		brief_row *r;
		if (!k || !(r = push_row(c, out))) {
			c->oom = true;
			free(k ? k : keys);
			keys = NULL;
			free(key);
			break;
		}
		keys = k;
		keys[out->n - 1] = key;
		row_from_fact(c, r, f);
	}
	if (keys)
		for (size_t j = 0; j < out->n; j++)
			free(keys[j]);
	free(keys);
}

static int cmp_project(const void *pa, const void *pb)
{
	const brief_row *a = pa, *b = pb;
	if (a->has_investment != b->has_investment)
		return a->has_investment ? -1 : 1;
	if (a->has_investment && a->investment_yi != b->investment_yi)
		return a->investment_yi > b->investment_yi ? -1 : 1;
	return cmp_str(a->name, b->name);
}

static void group_tiers(ctx *c, brief_doc *d)
{
	/* tiers in order of first appearance; untiered clusters last */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < d->clusters.n && !c->oom; i++) {
			const brief_row *r = &d->clusters.v[i];
			size_t t;
			if ((pass == 0) != (r->tier != NULL))
				continue;
			for (t = 0; t < d->ntiers && !str_eq(d->tiers[t].tier, r->tier); t++)
				;
			if (t == d->ntiers) {
				brief_tier *v = realloc(d->tiers, (t + 1) * sizeof *v);
				if (!v) {
					c->oom = true;
					return;
				}
				d->tiers = v;
				memset(&v[t], 0, sizeof *v);
				v[t].tier = dup(c, r->tier);
				d->ntiers++;
			}
			brief_tier *tr = &d->tiers[t];
			const brief_row **rows = realloc(tr->rows, (tr->n + 1) * sizeof *rows);
			if (!rows) {
				c->oom = true;
				return;
			}
			tr->rows = rows;
			rows[tr->n++] = r;
		}
}

brief_outcome_kind brief_agg_judge(const char *bound, const char *kind,
				   const char *unit, double target,
				   double actual)
{
	/* for ranks 1 is best: turn the scale round */
	double sign = str_eq(kind, "rank") ? -1.0 : 1.0;
	double t = sign * target, a = sign * actual;
	double tol = str_eq(unit, "%") ? 0.5 : 0.05 * fabs(target);
	bool met;

	if (str_eq(bound, "max"))
		met = a <= t + 1e-9;
	else if (str_eq(bound, "approx"))
		met = a >= t - tol - 1e-9;
	else
		met = a >= t - 1e-9;
	return met ? BRIEF_OUTCOME_MET : BRIEF_OUTCOME_MISSED;
}

/* A period covering the whole year: none, 全年, "2024" or "2024年". */
static bool whole_year(const char *period, int year)
{
	char y[16], yn[24];
	if (!period || strcmp(period, "全年") == 0)
		return true;
	snprintf(y, sizeof y, "%d", year);
	snprintf(yn, sizeof yn, "%d年", year);
	return strcmp(period, y) == 0 || strcmp(period, yn) == 0 ||
	       strcmp(period, "全年") == 0;
}

static void build_scorecard(ctx *c, brief_doc *d)
{
	size_t n = d->prev_targets.n;
	if (!n)
		return;
	if (!(d->scorecard = calloc(n, sizeof *d->scorecard))) {
		c->oom = true;
		return;
	}
	d->nscorecard = n;
	for (size_t i = 0; i < n; i++) {
		const brief_row *t = &d->prev_targets.v[i];
		brief_outcome *o = &d->scorecard[i];
		o->indicator = dup(c, t->indicator);
		o->kind = dup(c, t->kind);
		o->unit = dup(c, t->unit);
		o->bound = dup(c, t->bound);
		o->target = t->value;
		o->target_row = t;
		for (size_t j = 0; j < d->actuals.n && !o->actual_row; j++) {
			const brief_row *a = &d->actuals.v[j];
			if (a->has_value && str_eq(a->indicator, t->indicator) &&
			    str_eq(a->kind, t->kind) && str_eq(a->unit, t->unit) &&
			    whole_year(a->period, a->year))
				o->actual_row = a;
		}
		if (!o->actual_row || !t->has_value)
			continue;
		o->has_actual = true;
		o->actual = o->actual_row->value;
		o->gap = o->actual - o->target;
		o->outcome = brief_agg_judge(t->bound, t->kind, t->unit,
					     o->target, o->actual);
	}
}

static brief_rows *sections(brief_doc *d, size_t i)
{
	brief_rows *s[] = { &d->targets, &d->actuals, &d->prev_targets,
			    &d->projects, &d->clusters };
	return i < sizeof s / sizeof s[0] ? s[i] : NULL;
}

/* Numbers the documents the rows cite, in source order, and rewrites
 * each evidence's position into that number. */
static void number_sources(ctx *c, brief_doc *d)
{
	const brief_agg_in *in = c->in;
	int *num = calloc(in->ndocs + 1, sizeof *num);
	brief_rows *rs;
	if (!num) {
		c->oom = true;
		return;
	}
	for (size_t s = 0; (rs = sections(d, s)); s++)
		for (size_t i = 0; i < rs->n; i++)
			for (size_t e = 0; e < rs->v[i].nev; e++)
				num[rs->v[i].ev[e].source] = 1;
	if (!(d->sources = calloc(in->ndocs + 1, sizeof *d->sources)))
		c->oom = true;
	for (size_t p = 0; p < in->ndocs && d->sources; p++) {
		size_t k;
		if (!num[p])
			continue;
		for (k = 0; c->doc_pos[k] != p; k++)
			;
		const brief_source *src = &in->docs[k];
		brief_source *o = &d->sources[d->nsources];
		num[p] = (int)++d->nsources;
		o->num = num[p];
		o->doc_id = src->doc_id;
		o->title = dup(c, src->title);
		o->source = dup(c, src->source);
		o->published = dup(c, src->published);
		o->file = dup(c, src->file);
		o->url = dup(c, src->url);
		if (src->published && (!d->date_from || strcmp(src->published, d->date_from) < 0)) {
			free(d->date_from);
			d->date_from = dup(c, src->published);
		}
		if (src->published && (!d->date_to || strcmp(src->published, d->date_to) > 0)) {
			free(d->date_to);
			d->date_to = dup(c, src->published);
		}
	}
	/* evidence whose document has no metadata keeps number 0 */
	num[in->ndocs] = 0;
	for (size_t s = 0; (rs = sections(d, s)); s++)
		for (size_t i = 0; i < rs->n; i++) {
			brief_row *r = &rs->v[i];
			for (size_t e = 0; e < r->nev; e++)
				r->ev[e].source = num[r->ev[e].source];
			d->nfacts += r->nev;
			d->nconflicts += r->conflict && s != 2;
		}
	free(num);
}

int brief_agg_build(const brief_agg_in *in, brief_doc *out)
{
	ctx c = { .in = in };

	memset(out, 0, sizeof *out);
	if (order_inputs(&c))
		goto fail;
	out->region = dup(&c, in->region);
	out->region_code = dup(&c, in->region_code);
	out->parent = dup(&c, in->parent);
	out->parent_code = dup(&c, in->parent_code);
	out->year = in->year;
	merge_measures(&c, BRIEF_FACT_TARGET, in->year, &out->targets);
	merge_measures(&c, BRIEF_FACT_ACTUAL, in->year - 1, &out->actuals);
	merge_measures(&c, BRIEF_FACT_TARGET, in->year - 1, &out->prev_targets);
	merge_named(&c, BRIEF_FACT_PROJECT, in->year, &out->projects);
	merge_named(&c, BRIEF_FACT_CLUSTER, in->year, &out->clusters);
	if (c.oom)
		goto fail;
	if (out->projects.n)
		qsort(out->projects.v, out->projects.n, sizeof *out->projects.v,
		      cmp_project);
	group_tiers(&c, out);
	build_scorecard(&c, out);
	number_sources(&c, out);
	if (c.oom || brief_agg_compare(in, out))
		goto fail;
	free(c.doc_pos);
	free(c.self);
	return 0;
fail:
	free(c.doc_pos);
	free(c.self);
	brief_doc_free(out);
	return -1;
}
