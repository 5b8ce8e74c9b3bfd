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

static bool same_measure(const brief_row *r, const brief_fact *f)
{
	return same(r->indicator, f->indicator) && same(r->kind, f->kind) &&
	       same(r->period, f->period);
}

static bool cites(const brief_row *r, int source)
{
	for (size_t i = 0; i < r->nev; i++)
		if (r->ev[i].source == source)
			return true;
	return false;
}

int brief_merge_measures(const brief_sourced *v, size_t n, brief_rows *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const brief_fact *f = v[i].f;
		brief_row *hit = NULL;
		bool conflict = false;
		for (size_t j = 0; j < out->n; j++) {
			if (!same_measure(&out->v[j], f))
				continue;
			if (same_value(out->v[j].value, f->value) && same(out->v[j].unit, f->unit))
				hit = &out->v[j];
			/* one source giving two values sets a floor and an aim
			 * (确保5.6%以上、力争6%): only other sources disagree */
			else if (!cites(&out->v[j], v[i].source))
				conflict = true;
		}
		if (!hit && !(hit = new_row(out, f)))
			return -1;
		if (add_evidence(hit, &v[i]))
			return -1;
		/* a stricter wording from another source is kept (以上 over none) */
		if (!hit->qualifier && f->qualifier)
			hit->qualifier = dup(f->qualifier);
		if (conflict)
			for (size_t j = 0; j < out->n; j++)
				if (same_measure(&out->v[j], f) &&
				    !(same_value(out->v[j].value, f->value) && same(out->v[j].unit, f->unit)))
					out->v[j].conflict = hit->conflict = true;
	}
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

bool brief_target_met(double value, const char *bound, double actual)
{
	if (bound && !strcmp(bound, "max"))
		return actual <= value + 1e-9;
	if (bound && !strcmp(bound, "approx"))
		/* 左右 allows a tenth either way (5.5%左右 is met by 5.0%) */
		return actual >= value - fmax(0.1 * fabs(value), 0.5) - 1e-9;
	return actual >= value - 1e-9;   /* exact and min: reach it */
}

int brief_scorecard(const brief_rows *targets, const brief_rows *actuals,
		    brief_outcome **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < targets->n; i++) {
		const brief_row *t = &targets->v[i];
		if (!t->has_value || (t->period && strcmp(t->period, "全年")))
			continue;
		const brief_row *a = NULL;
		for (size_t j = 0; j < actuals->n && !a; j++)
			if (same(actuals->v[j].indicator, t->indicator) &&
			    same(actuals->v[j].kind, t->kind) && same(actuals->v[j].unit, t->unit) &&
			    actuals->v[j].has_value)
				a = &actuals->v[j];
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
		o->target = t->value;
		o->target_row = t;
		if (a) {
			o->has_actual = true;
			o->actual = a->value;
			o->gap = a->value - t->value;
			o->actual_row = a;
			o->outcome = brief_target_met(t->value, t->bound, a->value)
					     ? BRIEF_OUTCOME_MET : BRIEF_OUTCOME_MISSED;
		}
	}
	return 0;
}
