#include "render/format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *brief_bound_word(const char *bound)
{
	if (!bound)
		return "";
	if (!strcmp(bound, "min"))
		return "以上";
	if (!strcmp(bound, "max"))
		return "以下";
	if (!strcmp(bound, "approx"))
		return "左右";
	return "";
}

void brief_format_value(char *buf, size_t n, const brief_row *r)
{
	const char *kind = r->kind ? r->kind : "";
	const char *unit = r->unit ? r->unit : "";
	if (!r->has_value)
		snprintf(buf, n, BRIEF_MISSING);
	else if (!strcmp(kind, "growth"))
		snprintf(buf, n, "%s%g%s%s", r->value < 0 ? "下降" : "增长",
			 r->value < 0 ? -r->value : r->value, unit,
			 brief_bound_word(r->bound));
	else if (!strcmp(kind, "rank"))
		snprintf(buf, n, "第%g名", r->value);
	else
		snprintf(buf, n, "%g%s%s", r->value, unit, brief_bound_word(r->bound));
}

void brief_format_sources(char *buf, size_t n, const brief_row *r)
{
	size_t at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < r->nev && at + 16 < n; i++)
		at += (size_t)snprintf(buf + at, n - at, "[%d]", r->ev[i].source);
}

/* n's digits as superscripts at buf + at; the new end. */
static size_t put_superscript(char *buf, size_t n, size_t at, int num)
{
	static const char *const sup[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
	char digits[16];
	snprintf(digits, sizeof digits, "%d", num < 0 ? -num : num);
	for (const char *d = digits; *d && at + 4 < n; d++)
		at += (size_t)snprintf(buf + at, n - at, "%s", sup[*d - '0']);
	return at;
}

void brief_format_cites(char *buf, size_t n, const int *nums, size_t k)
{
	size_t at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < k && at + 8 < n; i++) {
		if (i)
			at += (size_t)snprintf(buf + at, n - at, "\u202F");
		at = put_superscript(buf, n, at, nums[i]);
	}
}

void brief_format_row_cites(char *buf, size_t n, const brief_row *r)
{
	int nums[16];
	size_t k = 0;
	for (size_t i = 0; i < r->nev && k < sizeof nums / sizeof *nums; i++)
		nums[k++] = r->ev[i].source;
	brief_format_cites(buf, n, nums, k);
}

void brief_format_time(char *buf, size_t n, const char *fmt, long long epoch)
{
	time_t t = epoch >= 0 ? (time_t)epoch : time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, n, fmt, &tm);
}

const char *brief_outcome_word(brief_outcome_kind k)
{
	static const char *const words[] = { "未知", "达成", "未达成", "超额" };
	return (unsigned)k < sizeof words / sizeof *words ? words[k] : "未知";
}

void brief_format_outcome(char *buf, size_t n, const brief_outcome *o)
{
	const char *unit = o->unit ? o->unit : "";
	if (o->outcome == BRIEF_OUTCOME_MISSED)
		snprintf(buf, n, "未达成 (差%g%s)", -o->gap, unit);
	else if (o->outcome == BRIEF_OUTCOME_EXCEEDED && strcmp(o->bound ? o->bound : "", "max"))
		snprintf(buf, n, "超额 (+%g%s)", o->gap, unit);
	else
		snprintf(buf, n, "%s", brief_outcome_word(o->outcome));
}

void brief_format_total(char *buf, size_t n, const brief_total *t)
{
	size_t at = 0;
	buf[0] = '\0';
	if (t->has_count)
		at = (size_t)snprintf(buf, n, "%s%g%s", t->label ? t->label : "项目", t->count,
				      t->count_unit ? t->count_unit : "");
	if (t->has_investment && at < n)
		snprintf(buf + at, n - at, "%s总投资%g亿元", at ? "，" : "", t->investment_yi);
}

void brief_format_reported(char *buf, size_t n, const brief_doc *d, const brief_compare *c)
{
	/* a province's children are prefectures, a prefecture's counties */
	const char *pc = d->parent_code ? d->parent_code : "";
	size_t pl = strlen(pc);
	const char *kind = pl >= 4 && !strcmp(pc + pl - 4, "0000") ? "地市" : "区县";
	size_t at = (size_t)snprintf(buf, n, "%s %zu 个%s中 %zu 个公布", d->parent ? d->parent : "",
				     c->nsiblings, kind, c->n);
	if (at >= n)
		return;
	if (c->ranked && c->self_rank)
		snprintf(buf + at, n - at, "，%s排第 %d 位", d->region, c->self_rank);
	else if (!c->ranked)
		snprintf(buf + at, n - at, "，不足半数，不排位次");
}

void brief_format_fact(char *buf, size_t n, const brief_row *r)
{
	char v[64];
	switch (r->type) {
	case BRIEF_FACT_TARGET:
	case BRIEF_FACT_ACTUAL:
		brief_format_value(v, sizeof v, r);
		snprintf(buf, n, "%s %d · %s %s", r->type == BRIEF_FACT_TARGET ? "目标" : "实绩",
			 r->year, r->indicator ? r->indicator : BRIEF_MISSING, v);
		break;
	case BRIEF_FACT_PROJECT:
		snprintf(buf, n, "项目 · %s", r->name ? r->name : BRIEF_MISSING);
		break;
	default:
		snprintf(buf, n, "集群 · %s", r->name ? r->name : BRIEF_MISSING);
		break;
	}
}

void brief_format_point(char *buf, size_t n, const brief_trend *t, const brief_point *p)
{
	brief_row r = { .kind = t->kind, .unit = t->unit, .has_value = true, .value = p->value };
	brief_format_value(buf, n, &r);
}

/* ---------------------------------------------------------------- */
/* 要点.                                                              */

static int phrase(brief_phrases *ps, const char *text, const brief_evidence *ev, size_t nev,
		  const int *more, size_t nmore)
{
	brief_phrase *v = realloc(ps->v, (ps->n + 1) * sizeof *v);
	if (!v)
		return -1;
	ps->v = v;
	brief_phrase *p = &v[ps->n++];
	p->text = strdup(text);
	p->sources = calloc(nev + nmore + 1, sizeof *p->sources);
	p->nsources = 0;
	if (!p->text || !p->sources)
		return -1;
	for (size_t i = 0; i < nev + nmore; i++) {
		int s = i < nev ? ev[i].source : more[i - nev];
		bool dup = false;
		for (size_t j = 0; j < p->nsources; j++)
			dup |= p->sources[j] == s;
		if (!dup && s > 0)
			p->sources[p->nsources++] = s;
	}
	/* in numeric order, like the list of sources */
	for (size_t i = 1; i < p->nsources; i++)
		for (size_t j = i; j > 0 && p->sources[j - 1] > p->sources[j]; j--) {
			int x = p->sources[j];
			p->sources[j] = p->sources[j - 1];
			p->sources[j - 1] = x;
		}
	/* the markers go before the full stop: …合计24.2亿元[1]。 */
	size_t n = strlen(p->text);
	if (p->nsources && n > 3 && !strcmp(p->text + n - 3, "。")) {
		p->text[n - 3] = '\0';
		return phrase(ps, "。", NULL, 0, NULL, 0);
	}
	return 0;
}

static bool is_growth_or_level(const brief_row *r)
{
	return r->has_value && r->kind && (!strcmp(r->kind, "growth") || !strcmp(r->kind, "level") ||
					   !strcmp(r->kind, "share"));
}

/* The first targets of the year, growth and amounts before counts. */
static int summary_targets(const brief_doc *d, brief_phrases *ps)
{
	char v[64], t[256];
	size_t said = 0;
	for (int pass = 0; pass < 2 && said < 4; pass++)
		for (size_t i = 0; i < d->targets.n && said < 4; i++) {
			const brief_row *r = &d->targets.v[i];
			if (!r->has_value || is_growth_or_level(r) != (pass == 0) ||
			    (r->period && strcmp(r->period, "全年")))
				continue;
			brief_format_value(v, sizeof v, r);
			if (said)
				snprintf(t, sizeof t, "，%s%s", r->indicator ? r->indicator : "", v);
			else
				snprintf(t, sizeof t, "%d 年目标：%s%s", d->year,
					 r->indicator ? r->indicator : "", v);
			if (phrase(ps, t, r->ev, r->nev, NULL, 0))
				return -1;
			said++;
		}
	return said && phrase(ps, "。", NULL, 0, NULL, 0) ? -1 : 0;
}

/* Last year's targets against their results. */
static int summary_scorecard(const brief_doc *d, brief_phrases *ps)
{
	char t[256], a[64], g[64];
	size_t known = 0, unknown = 0;
	for (size_t i = 0; i < d->nscorecard; i++) {
		const brief_outcome *o = &d->scorecard[i];
		if (!o->has_actual) {
			unknown += o->year == d->year - 1;
			continue;
		}
		brief_row tr = { .kind = o->kind, .unit = o->unit, .bound = o->bound,
				 .has_value = true, .value = o->target };
		brief_format_value(g, sizeof g, &tr);
		snprintf(a, sizeof a, "%g%s", o->actual, o->unit ? o->unit : "");
		snprintf(t, sizeof t, "%s%d 年%s目标%s，实绩%s，%s", known ? "；" : "", o->year,
			 o->indicator, g, a, brief_outcome_word(o->outcome));
		const brief_row *tr_row = o->target_row, *ar = o->actual_row;
		int both[2] = { ar && ar->nev ? ar->ev[0].source : 0,
				ar && ar->nev > 1 ? ar->ev[1].source : 0 };
		if (phrase(ps, t, tr_row ? tr_row->ev : NULL, tr_row ? tr_row->nev : 0, both, 2))
			return -1;
		known++;
	}
	if (known && phrase(ps, "。", NULL, 0, NULL, 0))
		return -1;
	if (unknown) {
		snprintf(t, sizeof t, "%d 年的 %zu 项目标尚无文章报道实绩。", d->year - 1, unknown);
		int *src = calloc(d->nscorecard + 1, sizeof *src);
		size_t k = 0;
		for (size_t i = 0; src && i < d->nscorecard; i++)
			if (!d->scorecard[i].has_actual && d->scorecard[i].target_row &&
			    d->scorecard[i].target_row->nev)
				src[k++] = d->scorecard[i].target_row->ev[0].source;
		int rc = src ? phrase(ps, t, NULL, 0, src, k) : -1;
		free(src);
		if (rc)
			return -1;
	}
	return 0;
}

/* The projects: how many, how many with an amount, the sum; the totals. */
static int summary_projects(const brief_doc *d, brief_phrases *ps)
{
	char t[320], x[256];
	size_t with = 0;
	double sum = 0;
	int *src = calloc(d->projects.n + 1, sizeof *src);
	if (!src)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < d->projects.n; i++) {
		const brief_row *r = &d->projects.v[i];
		if (r->has_investment) {
			with++;
			sum += r->investment_yi;
		}
		if (r->nev)
			src[k++] = r->ev[0].source;
	}
	int rc = 0;
	if (d->projects.n) {
		if (with)
			snprintf(t, sizeof t, "重点项目 %zu 个，其中 %zu 个公布总投资，合计%g亿元。",
				 d->projects.n, with, sum);
		else
			snprintf(t, sizeof t, "重点项目 %zu 个，均未公布总投资。", d->projects.n);
		rc = phrase(ps, t, NULL, 0, src, k);
	}
	free(src);
	for (size_t i = 0; !rc && i < d->ntotals; i++) {
		brief_format_total(x, sizeof x, &d->totals[i]);
		snprintf(t, sizeof t, "%d 年%s%s。", d->totals[i].year,
			 d->totals[i].actual ? "完成" : "计划", x);
		rc = phrase(ps, t, d->totals[i].ev, d->totals[i].nev, NULL, 0);
	}
	return rc;
}

int brief_summary(const brief_doc *d, brief_phrases *out)
{
	memset(out, 0, sizeof *out);
	if (summary_targets(d, out) || summary_scorecard(d, out) || summary_projects(d, out)) {
		brief_phrases_free(out);
		return -1;
	}
	return 0;
}

void brief_phrases_free(brief_phrases *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free(ps->v[i].text);
		free(ps->v[i].sources);
	}
	free(ps->v);
	memset(ps, 0, sizeof *ps);
}
