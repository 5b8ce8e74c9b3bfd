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

void brief_format_time(char *buf, size_t n, const char *fmt, long long epoch)
{
	time_t t = epoch >= 0 ? (time_t)epoch : time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, n, fmt, &tm);
}
