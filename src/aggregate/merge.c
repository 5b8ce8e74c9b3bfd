/* merge.c - facts -> merged rows (see merge.h). */
#include "aggregate/merge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool same_value(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1, fabs(b));
}

static int add_evidence(brief_row *r, const brief_sourced *s)
{
	for (size_t i = 0; i < r->nev; i++)
		if (r->ev[i].source == s->source)
			return 0;       /* one entry per source */
	brief_evidence *v = realloc(r->ev, (r->nev + 1) * sizeof *v);
	if (!v)
		return -1;
	r->ev = v;
	v[r->nev++] = (brief_evidence){ s->source, dup(s->f->evidence), s->f->offset };
	return 0;
}

static brief_row *new_row(brief_rows *rs, const brief_fact *f)
{
	brief_row *v = realloc(rs->v, (rs->n + 1) * sizeof *v);
	if (!v)
		return NULL;
	rs->v = v;
	brief_row *r = &v[rs->n++];
	memset(r, 0, sizeof *r);
	r->type = f->type;
	r->indicator = dup(f->indicator);
	r->kind = dup(f->kind);
	r->unit = dup(f->unit);
	r->bound = dup(f->bound);
	r->qualifier = dup(f->qualifier);
	r->period = dup(f->period);
	r->has_value = f->has_value;
	r->value = f->value;
	r->year = f->year;
	r->name = dup(f->name);
	r->status = dup(f->status);
	r->tier = dup(f->tier);
	r->has_investment = f->has_investment;
	r->investment_yi = f->investment_yi;
	return r;
}

/* 总产值 and 规上工业总产值 are one indicator when one article says it
 * short: a name that ends another (at a character boundary: UTF-8 lead
 * bytes never match continuation bytes). */
static bool same_indicator(const char *a, const char *b)
{
	if (same(a, b))
		return true;
	if (!a || !b)
		return false;
	size_t la = strlen(a), lb = strlen(b);
	const char *longer = la > lb ? a : b, *shorter = la > lb ? b : a;
	size_t ls = la > lb ? lb : la, ll = la > lb ? la : lb;
	/* three characters at least: 产值 or 收入 alone names nothing */
	return ls >= 9 && !strcmp(longer + ll - ls, shorter);
}

static bool same_measure(const brief_row *r, const brief_fact *f)
{
	return same(r->indicator, f->indicator) && same(r->kind, f->kind) &&
	       same(r->period, f->period);
}

static bool same_amount(const brief_row *r, const brief_fact *f)
{
	return same_value(r->value, f->value) && same(r->unit, f->unit);
}

/* The same figure of the same period under a shorter or longer name. */
static bool alias_of(const brief_row *r, const brief_fact *f)
{
	return same_indicator(r->indicator, f->indicator) && same(r->kind, f->kind) &&
	       same(r->period, f->period) && same_amount(r, f);
}

static bool cites(const brief_row *r, int source)
{
	for (size_t i = 0; i < r->nev; i++)
		if (r->ev[i].source == source)
			return true;
	return false;
}

/* The row `s` joins: its indicator's row with the same amount, else a
 * row of another name for the same figure; *conflict when another
 * source gives the indicator another amount. */
static brief_row *find_measure(brief_rows *out, const brief_sourced *s, bool *conflict)
{
	brief_row *hit = NULL, *alias = NULL;
	*conflict = false;
	for (size_t j = 0; j < out->n; j++) {
		brief_row *r = &out->v[j];
		if (same_measure(r, s->f)) {
			if (same_amount(r, s->f))
				hit = r;
			/* one source giving two values sets a floor and an aim
			 * (确保5.6%以上、力争6%): only other sources disagree */
			else if (!cites(r, s->source))
				*conflict = true;
		} else if (!alias && alias_of(r, s->f)) {
			alias = r;
		}
	}
	return hit ? hit : alias;
}

static bool same_conflict(const brief_row *a, const brief_row *b)
{
	return b->conflict && same(a->indicator, b->indicator) && same(a->kind, b->kind) &&
	       same(a->period, b->period);
}

/* Conflicting rows side by side, so that a reader sees both sources. */
static void group_conflicts(brief_rows *out)
{
	for (size_t i = 0; i < out->n; i++) {
		if (!out->v[i].conflict)
			continue;
		size_t at = i + 1;
		for (size_t j = i + 1; j < out->n; j++) {
			if (!same_conflict(&out->v[i], &out->v[j]))
				continue;
			brief_row t = out->v[j];
			memmove(&out->v[at + 1], &out->v[at], (j - at) * sizeof t);
			out->v[at++] = t;
		}
		i = at - 1;
	}
}

int brief_merge_measures(const brief_sourced *v, size_t n, brief_rows *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const brief_fact *f = v[i].f;
		bool conflict;
		brief_row *hit = find_measure(out, &v[i], &conflict);
		if (!hit && !(hit = new_row(out, f)))
			return -1;
		if (add_evidence(hit, &v[i]))
			return -1;
		/* the longer name says more (规上工业总产值 over 总产值) */
		if (f->indicator && (!hit->indicator || strlen(f->indicator) > strlen(hit->indicator))) {
			free(hit->indicator);
			hit->indicator = dup(f->indicator);
		}
		/* a stricter wording from another source is kept (以上 over none) */
		if (!hit->qualifier && f->qualifier)
			hit->qualifier = dup(f->qualifier);
		if (conflict)
			for (size_t j = 0; j < out->n; j++)
				if (same_measure(&out->v[j], f) && !same_amount(&out->v[j], f))
					out->v[j].conflict = hit->conflict = true;
	}
	group_conflicts(out);
	return 0;
}

/* "“中国医药港”项目" and "中国医药港" are one project. */
static char *norm_name(const char *s)
{
	brief_buf b = BRIEF_BUF_INIT;
	static const char *const drop[] = { "“", "”", "(", ")", "（", "）", "《", "》",
					    " ", "　", NULL };
	for (const char *p = s; *p;) {
		bool skipped = false;
		for (const char *const *d = drop; *d; d++)
			if (!strncmp(p, *d, strlen(*d))) {
				p += strlen(*d);
				skipped = true;
				break;
			}
		if (!skipped)
			brief_buf_putc(&b, *p++);
	}
	if (b.len > 6 && !memcmp(b.data + b.len - 6, "项目", 6))
		brief_buf_truncate(&b, b.len - 6);
	return brief_buf_detach(&b, NULL);
}

static int merge_named(const brief_sourced *v, size_t n, brief_rows *out)
{
	char **keys = calloc(n + 1, sizeof *keys);
	int rc = -1;
	memset(out, 0, sizeof *out);
	if (!keys)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const brief_fact *f = v[i].f;
		char *key = norm_name(f->name ? f->name : "");
		brief_row *hit = NULL;
		if (!key)
			goto out;
		for (size_t j = 0; j < out->n && !hit; j++)
			if (!strcmp(keys[j], key))
				hit = &out->v[j];
		if (hit) {
			free(key);
		} else {
			if (!(hit = new_row(out, f))) {
				free(key);
				goto out;
			}
			keys[out->n - 1] = key;
		}
		if (f->has_investment && (!hit->has_investment || f->investment_yi > hit->investment_yi)) {
			hit->has_investment = true;
			hit->investment_yi = f->investment_yi;
		}
		if (!hit->status && f->status)
			hit->status = dup(f->status);
		if (!hit->tier && f->tier)
			hit->tier = dup(f->tier);
		if (add_evidence(hit, &v[i]))
			goto out;
	}
	rc = 0;
out:
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	return rc;
}

static int by_investment(const void *a, const void *b)
{
	const brief_row *x = a, *y = b;
	double vx = x->has_investment ? x->investment_yi : -1;
	double vy = y->has_investment ? y->investment_yi : -1;
	if (vx != vy)
		return vx > vy ? -1 : 1;
	return strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

int brief_merge_projects(const brief_sourced *v, size_t n, brief_rows *out)
{
	if (merge_named(v, n, out))
		return -1;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, by_investment);
	return 0;
}

/* Tiers in order of standing; unknown tiers after them by name. */
static int tier_rank(const char *t)
{
	static const char *const order[] = {
		"国字号", "万亿级", "千亿级", "省级特色", "百亿级", "主导产业",
		"支柱产业", "新兴产业", "战略性新兴产业", "未来产业", "产业生态圈",
		"细分领域", NULL,
	};
	if (!t)
		return 1000;
	for (int i = 0; order[i]; i++)
		if (!strcmp(order[i], t))
			return i;
	return 100;
}

static int by_tier(const void *a, const void *b)
{
	const brief_row *x = a, *y = b;
	int rx = tier_rank(x->tier), ry = tier_rank(y->tier);
	if (rx != ry)
		return rx - ry;
	return strcmp(x->tier ? x->tier : "", y->tier ? y->tier : "");
}

int brief_merge_clusters(const brief_sourced *v, size_t n, brief_rows *out,
			 brief_tier **tiers, size_t *ntiers)
{
	*tiers = NULL;
	*ntiers = 0;
	if (merge_named(v, n, out))
		return -1;
	/* stable by first appearance within a tier: merge order is kept */
	for (size_t i = 1; i < out->n; i++)
		for (size_t j = i; j > 0 && by_tier(&out->v[j - 1], &out->v[j]) > 0; j--) {
			brief_row t = out->v[j];
			out->v[j] = out->v[j - 1];
			out->v[j - 1] = t;
		}
	for (size_t i = 0; i < out->n;) {
		size_t j = i;
		while (j < out->n && same(out->v[j].tier, out->v[i].tier))
			j++;
		brief_tier *tv = realloc(*tiers, (*ntiers + 1) * sizeof *tv);
		if (!tv)
			return -1;
		*tiers = tv;
		brief_tier *t = &tv[(*ntiers)++];
		t->tier = dup(out->v[i].tier);
		t->n = j - i;
		t->rows = calloc(t->n, sizeof *t->rows);
		if (!t->rows)
			return -1;
		for (size_t k = 0; k < t->n; k++)
			t->rows[k] = &out->v[i + k];
		i = j;
	}
	return 0;
}

/* Within a millionth of the unit: 5.50% meets 5.5%, it does not exceed it. */
static bool near_value(double a, double b)
{
	return fabs(a - b) <= 1e-6 + 1e-9 * fabs(b);
}

brief_outcome_kind brief_target_outcome(double value, const char *bound, double actual)
{
	if (bound && !strcmp(bound, "max"))
		return actual <= value + 1e-9 ? BRIEF_OUTCOME_MET : BRIEF_OUTCOME_MISSED;
	double low = value, high = value;
	if (bound && !strcmp(bound, "approx")) {
		/* 左右 allows a tenth either way (5.5%左右 is met by 5.0%) */
		double slack = fmax(0.1 * fabs(value), 0.5);
		low -= slack;
		high += slack;
	}
	if (actual < low - 1e-9)
		return BRIEF_OUTCOME_MISSED;
	if (actual > high && !near_value(actual, high))
		return BRIEF_OUTCOME_EXCEEDED;
	return BRIEF_OUTCOME_MET;
}

bool brief_target_met(double value, const char *bound, double actual)
{
	return brief_target_outcome(value, bound, actual) != BRIEF_OUTCOME_MISSED;
}

/* The result reported for target t: the same indicator (or a longer or
 * shorter name of it), kind and unit. */
static const brief_row *result_for(const brief_row *t, const brief_rows *actuals)
{
	const brief_row *alias = NULL;
	for (size_t j = 0; j < actuals->n; j++) {
		const brief_row *a = &actuals->v[j];
		if (!a->has_value || !same(a->kind, t->kind) || !same(a->unit, t->unit))
			continue;
		if (same(a->indicator, t->indicator))
			return a;
		if (!alias && same_indicator(a->indicator, t->indicator))
			alias = a;
	}
	return alias;
}

int brief_scorecard(const brief_rows *targets, const brief_rows *actuals, int year,
		    bool unknown_too, brief_outcome **out, size_t *n)
{
	for (size_t i = 0; i < targets->n; i++) {
		const brief_row *t = &targets->v[i];
		if (!t->has_value || (t->period && strcmp(t->period, "全年")))
			continue;
		const brief_row *a = result_for(t, actuals);
		if (!a && !unknown_too)
			continue;
		brief_outcome *v = realloc(*out, (*n + 1) * sizeof *v);
		if (!v)
			return -1;
		*out = v;
		brief_outcome *o = &v[(*n)++];
		memset(o, 0, sizeof *o);
		o->indicator = dup(t->indicator);
		o->kind = dup(t->kind);
		o->unit = dup(t->unit);
		o->bound = dup(t->bound);
		o->year = year;
		o->target = t->value;
		o->target_row = t;
		if (a) {
			o->has_actual = true;
			o->actual = a->value;
			o->gap = a->value - t->value;
			o->actual_row = a;
			o->outcome = brief_target_outcome(t->value, t->bound, a->value);
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* Project totals.                                                   */

static bool same_clause(const brief_row *a, const brief_row *b)
{
	return a->nev && b->nev && a->ev[0].source == b->ev[0].source &&
	       same(a->ev[0].text, b->ev[0].text);
}

/* 383个 of 实施区级政府投资项目: a count of projects. */
static bool counts_projects(const brief_row *r)
{
	return r->has_value && same(r->kind, "count") && r->indicator &&
	       strstr(r->indicator, "项目");
}

static int add_total(brief_total **out, size_t *n, const brief_row *inv,
		     const brief_row *cnt, int year, bool actual)
{
	if (!out)
		return 0;       /* dropped */
	brief_total *v = realloc(*out, (*n + 1) * sizeof *v);
	if (!v)
		return -1;
	*out = v;
	brief_total *t = &v[(*n)++];
	memset(t, 0, sizeof *t);
	t->label = dup(cnt ? cnt->indicator : NULL);
	t->has_count = cnt != NULL;
	t->count = cnt ? cnt->value : 0;
	t->count_unit = dup(cnt ? cnt->unit : NULL);
	t->has_investment = inv->has_value;
	t->investment_yi = inv->value;
	t->year = year;
	t->actual = actual;
	if (!(t->ev = calloc(inv->nev ? inv->nev : 1, sizeof *t->ev)))
		return -1;
	for (size_t i = 0; i < inv->nev; i++)
		t->ev[t->nev++] = (brief_evidence){ inv->ev[i].source, dup(inv->ev[i].text),
						    inv->ev[i].offset };
	return 0;
}

static void drop_row(brief_rows *rs, size_t i)
{
	brief_row_clear(&rs->v[i]);
	memmove(&rs->v[i], &rs->v[i + 1], (rs->n - i - 1) * sizeof *rs->v);
	rs->n--;
}

int brief_take_totals(brief_rows *rs, int year, bool actual, brief_total **out, size_t *n)
{
	for (size_t i = 0; i < rs->n;) {
		brief_row *r = &rs->v[i];
		if (!same(r->indicator, "总投资") || !same(r->unit, "亿元") || !r->has_value) {
			i++;
			continue;
		}
		size_t c = rs->n;
		for (size_t j = 0; j < rs->n && c == rs->n; j++)
			if (j != i && counts_projects(&rs->v[j]) && same_clause(&rs->v[j], r))
				c = j;
		if (add_total(out, n, r, c < rs->n ? &rs->v[c] : NULL, year, actual))
			return -1;
		if (c < rs->n && c > i) {
			drop_row(rs, c);
			drop_row(rs, i);
		} else if (c < rs->n) {
			drop_row(rs, i);
			drop_row(rs, c);
			i--;
		} else {
			drop_row(rs, i);
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* The appendix.                                                     */

static brief_clause *clause_for(brief_doc *d, const brief_evidence *e)
{
	for (size_t i = 0; i < d->nclauses; i++)
		if (d->clauses[i].source == e->source && same(d->clauses[i].text, e->text))
			return &d->clauses[i];
	brief_clause *v = realloc(d->clauses, (d->nclauses + 1) * sizeof *v);
	if (!v)
		return NULL;
	d->clauses = v;
	brief_clause *c = &v[d->nclauses++];
	memset(c, 0, sizeof *c);
	c->source = e->source;
	c->text = e->text;
	c->offset = e->offset;
	return c;
}

static int clause_rows(brief_doc *d, const brief_rows *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		for (size_t j = 0; j < rs->v[i].nev; j++) {
			brief_clause *c = clause_for(d, &rs->v[i].ev[j]);
			const brief_row **v = c ? realloc(c->rows, (c->nrows + 1) * sizeof *v) : NULL;
			if (!v)
				return -1;
			c->rows = v;
			v[c->nrows++] = &rs->v[i];
		}
	return 0;
}

static int by_source_offset(const void *a, const void *b)
{
	const brief_clause *x = a, *y = b;
	if (x->source != y->source)
		return x->source - y->source;
	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

int brief_collect_clauses(brief_doc *d)
{
	const brief_rows *lists[] = { &d->targets, &d->actuals, &d->year_actuals,
				      &d->prev_targets, &d->projects, &d->clusters };
	for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
		if (clause_rows(d, lists[k]))
			return -1;
	for (size_t i = 0; i < d->ntotals; i++)
		for (size_t j = 0; j < d->totals[i].nev; j++) {
			brief_clause *c = clause_for(d, &d->totals[i].ev[j]);
			const brief_total **v = c ? realloc(c->totals, (c->ntotals + 1) * sizeof *v)
						  : NULL;
			if (!v)
				return -1;
			c->totals = v;
			v[c->ntotals++] = &d->totals[i];
		}
	if (d->nclauses > 1)
		qsort(d->clauses, d->nclauses, sizeof *d->clauses, by_source_offset);
	return 0;
}
