/*
 * compare.c - this region's growth targets set against those of the other
 * regions with the same parent (the other districts of its city).
 *
 * The headline indicators always come first when any two regions state
 * them; other growth targets of this region follow when a sibling states
 * the same one. A region stating several values for one indicator is
 * represented by its earliest statement (lowest document id, then
 * offset); the briefing's own target rows show the disagreement.
 */
#include "aggregate/internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const headline[] = {
	"GDP", "规上工业增加值", "固定资产投资", "社会消费品零售总额",
};
#define NHEADLINE (sizeof headline / sizeof headline[0])

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Targets of YEAR of this region or a sibling. */
static bool in_scope(const brief_agg_in *in, const brief_fact *f)
{
	if (f->type != BRIEF_FACT_TARGET || f->year != in->year ||
	    !f->has_value || !f->region_code || !f->indicator)
		return false;
	if (str_eq(f->region_code, in->region_code))
		return true;
	return in->parent_code && str_eq(f->parent_code, in->parent_code);
}

static bool earlier(const brief_fact *a, const brief_fact *b)
{
	return a->doc_id != b->doc_id ? a->doc_id < b->doc_id
				      : a->offset < b->offset;
}

static int cmp_sibling(const void *pa, const void *pb)
{
	const brief_sibling *a = pa, *b = pb;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strcmp(a->region_code, b->region_code);
}

/* Collects one value per region for indicator/kind/unit; ranks them
 * (ties share a rank: 1, 1, 3). Returns the count, -1 on OOM. */
static long collect(const brief_agg_in *in, const char *ind, const char *kind,
		    const char *unit, brief_compare *c)
{
	const brief_fact **best = calloc(in->nfacts + 1, sizeof *best);
	size_t n = 0;
	if (!best)
		return -1;
	for (size_t i = 0; i < in->nfacts; i++) {
		const brief_fact *f = &in->facts[i];
		size_t j;
		if (!in_scope(in, f) || !str_eq(f->indicator, ind) ||
		    !str_eq(f->kind, kind) || !str_eq(f->unit, unit))
			continue;
		for (j = 0; j < n && !str_eq(best[j]->region_code, f->region_code); j++)
			;
		if (j == n)
			best[n++] = f;
		else if (earlier(f, best[j]))
			best[j] = f;
	}
	if (n < 2) {
		free(best);
		return (long)n;
	}
	if (!(c->v = calloc(n, sizeof *c->v)))
		goto oom;
	c->n = n;
	for (size_t j = 0; j < n; j++) {
		brief_sibling *s = &c->v[j];
		s->region = strdup(best[j]->region ? best[j]->region : best[j]->region_code);
		s->region_code = strdup(best[j]->region_code);
		if (!s->region || !s->region_code)
			goto oom;
		s->value = best[j]->value;
		s->self = str_eq(s->region_code, in->region_code);
	}
	for (size_t j = 0; j < n; j++) {
		c->v[j].rank = 1;
		for (size_t k = 0; k < n; k++)
			c->v[j].rank += c->v[k].value > c->v[j].value;
	}
	qsort(c->v, n, sizeof *c->v, cmp_sibling);
	for (size_t j = 0; j < n; j++)
		if (c->v[j].self)
			c->self_rank = c->v[j].rank;
	free(best);
	return (long)n;
oom:
	free(best);
	return -1;
}

static int add(const brief_agg_in *in, brief_doc *d, const char *ind,
	       const char *kind, const char *unit)
{
	brief_compare c = { 0 };
	long n = collect(in, ind, kind, unit, &c);
	brief_compare *v;

	if (n < 2) {
		free(c.v);
		return n < 0 ? -1 : 0;
	}
	c.indicator = strdup(ind);
	c.kind = strdup(kind);
	c.unit = unit ? strdup(unit) : NULL;
	v = realloc(d->compare, (d->ncompare + 1) * sizeof *v);
	if (!v || !c.indicator || !c.kind || (unit && !c.unit)) {
		for (size_t j = 0; j < c.n; j++) {
			free(c.v[j].region);
			free(c.v[j].region_code);
		}
		free(c.v);
		free(c.indicator);
		free(c.kind);
		free(c.unit);
		if (v)
			d->compare = v;
		return -1;
	}
	d->compare = v;
	v[d->ncompare++] = c;
	return 0;
}

static bool compared(const brief_doc *d, const char *ind)
{
	for (size_t i = 0; i < d->ncompare; i++)
		if (str_eq(d->compare[i].indicator, ind))
			return true;
	return false;
}

int brief_agg_compare(const brief_agg_in *in, brief_doc *d)
{
	for (size_t i = 0; i < NHEADLINE; i++)
		if (add(in, d, headline[i], "growth", "%"))
			return -1;
	for (size_t i = 0; i < d->targets.n; i++) {
		const brief_row *r = &d->targets.v[i];
		if (!r->has_value || !str_eq(r->kind, "growth") ||
		    !r->indicator || compared(d, r->indicator))
			continue;
		bool head = false;
		for (size_t h = 0; h < NHEADLINE; h++)
			head |= str_eq(r->indicator, headline[h]);
		if (!head && add(in, d, r->indicator, r->kind, r->unit))
			return -1;
	}
	return 0;
}
