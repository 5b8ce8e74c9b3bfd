#include "render/format.h"

#include <stdio.h>
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
		snprintf(buf, n, "-");
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
