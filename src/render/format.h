/* format.h - how every output writes a value: 增长5.5%, 4000亿元以上, 第1名. */
#ifndef BRIEF_FORMAT_H
#define BRIEF_FORMAT_H

#include <stddef.h>

#include "brief.h"

/* "以上" / "以下" / "左右" / "" for a bound. */
const char *brief_bound_word(const char *bound);
/* The value of a target or result row as a reader says it. */
/* What a cell without a value shows: an em dash, never an ASCII "-"
 * that reads as a minus in a numeric column. */
#define BRIEF_MISSING "\u2014"

void brief_format_value(char *buf, size_t n, const brief_row *r);
/* "[1][2]" for the sources of a row. */
void brief_format_sources(char *buf, size_t n, const brief_row *r);

/* strftime of `epoch` (SOURCE_DATE_EPOCH, in UTC), or of now when
 * epoch < 0: every date a renderer writes comes from here. */
void brief_format_time(char *buf, size_t n, const char *fmt, long long epoch);

#endif
