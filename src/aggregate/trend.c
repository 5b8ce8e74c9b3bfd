/*
 * trend.c - a region's indicators over the years (trend.h): the targets
 * and whole-year results of every year up to the briefing's, by the same
 * counting rule as the briefing itself (period.h).
 */
#include "aggregate/trend.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/period.h"
#include "util/lexicon.h"
#include "util/rx.h"

enum { MAX_TRENDS = 4 };

static pcre2_code *year_rx;
static pthread_once_t year_once = PTHREAD_ONCE_INIT;

static void compile_year(void)
{
	year_rx = brief_rx_compile("(?:19|20)\\d{2}年");
}

char *brief_indicator_tidy(const char *name)
{
	if (!name)
		return NULL;
	size_t n, len = strlen(name), best = 0;
	const brief_lex_entry *e = brief_lex_entries(brief_lexicon_get("indicators.tsv"), &n);
	for (size_t i = 0; e && i < n; i++) {
		size_t l = strlen(e[i].cls);
		if (strcmp(e[i].cls, "head") && l > best && l < len && !strncmp(name, e[i].cls, l))
			best = l;
	}
	pthread_once(&year_once, compile_year);
	if (best && year_rx) {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(year_rx, NULL);
		bool dated = md && pcre2_match(year_rx, (PCRE2_SPTR)name + best, len - best, 0, 0,
					       md, NULL) >= 0;
		pcre2_match_data_free(md);
		if (dated)
			return strndup(name, best);
	}
	return strdup(name);
}

/* ---------------------------------------------------------------- */

typedef struct series {
	brief_trend t;
	size_t years;           /* distinct years */
	int rank;               /* headline order, or 100 */
} series;

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static series *series_for(series **v, size_t *n, const brief_fact *f)
{
	for (size_t i = 0; i < *n; i++)
		if (same((*v)[i].t.indicator, f->indicator) && same((*v)[i].t.kind, f->kind) &&
		    same((*v)[i].t.unit, f->unit))
			return &(*v)[i];
	series *nv = realloc(*v, (*n + 1) * sizeof *nv);
	if (!nv)
		return NULL;
	*v = nv;
	series *s = &nv[(*n)++];
	memset(s, 0, sizeof *s);
	s->t.indicator = f->indicator ? strdup(f->indicator) : NULL;
	s->t.kind = f->kind ? strdup(f->kind) : NULL;
	s->t.unit = f->unit ? strdup(f->unit) : NULL;
	return s;
}

/* One point per year and kind (target or result): a later fact replaces
 * an earlier one (facts come in source order, then place). */
static int add_point(series *s, const brief_fact *f, int source)
{
	bool actual = f->type == BRIEF_FACT_ACTUAL;
	for (size_t i = 0; i < s->t.n; i++)
		if (s->t.v[i].year == f->year && s->t.v[i].actual == actual) {
			s->t.v[i].value = f->value;
			s->t.v[i].source = source;
			return 0;
		}
	brief_point *v = realloc(s->t.v, (s->t.n + 1) * sizeof *v);
	if (!v)
		return -1;
	s->t.v = v;
	bool new_year = true;
	for (size_t i = 0; i < s->t.n; i++)
		new_year &= v[i].year != f->year;
	s->years += new_year;
	v[s->t.n++] = (brief_point){ f->year, actual, f->value, source };
	return 0;
}

static int by_point(const void *a, const void *b)
{
	const brief_point *x = a, *y = b;
	if (x->year != y->year)
		return x->year - y->year;
	return (int)x->actual - (int)y->actual;
}

static int by_standing(const void *a, const void *b)
{
	const series *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	if (x->years != y->years)
		return x->years > y->years ? -1 : 1;
	return strcmp(x->t.indicator ? x->t.indicator : "", y->t.indicator ? y->t.indicator : "");
}

static void series_free(series *s)
{
	free(s->t.indicator);
	free(s->t.kind);
	free(s->t.unit);
	free(s->t.v);
}

static int headline_rank(const char *ind, const char *const *headline)
{
	for (int i = 0; ind && headline[i]; i++)
		if (!strcmp(ind, headline[i]))
			return i;
	return 100;
}

int brief_trends(const brief_trend_fact *v, size_t n, const char *const *headline,
		 brief_trend **out, size_t *nout)
{
	series *s = NULL;
	size_t ns = 0;
	int rc = -1;
	*out = NULL;
	*nout = 0;
	for (size_t i = 0; i < n; i++) {
		const brief_fact *f = v[i].f;
		if (!f->has_value || !f->indicator)
			continue;
		series *x = series_for(&s, &ns, f);
		if (!x || add_point(x, f, v[i].source))
			goto out;
	}
	for (size_t i = 0; i < ns; i++)
		s[i].rank = headline_rank(s[i].t.indicator, headline);
	if (ns > 1)
		qsort(s, ns, sizeof *s, by_standing);
	for (size_t i = 0; i < ns && *nout < MAX_TRENDS; i++) {
		if (s[i].years < 2)
			continue;
		brief_trend *nv = realloc(*out, (*nout + 1) * sizeof *nv);
		if (!nv)
			goto out;
		*out = nv;
		qsort(s[i].t.v, s[i].t.n, sizeof *s[i].t.v, by_point);
		nv[(*nout)++] = s[i].t;
		memset(&s[i].t, 0, sizeof s[i].t);
	}
	rc = 0;
out:
	for (size_t i = 0; i < ns; i++)
		series_free(&s[i]);
	free(s);
	return rc;
}
