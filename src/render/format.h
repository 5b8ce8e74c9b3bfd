/* format.h - how every output writes a value: 增长5.5%, 4000亿元以上, 第1名. */
#ifndef BRIEF_FORMAT_H
#define BRIEF_FORMAT_H

#include <stddef.h>

#include "brief.h"

/* "以上" / "以下" / "左右" / "" for a bound. */
const char *brief_bound_word(const char *bound);
/* The value of a target or result row as a reader says it. */
void brief_format_value(char *buf, size_t n, const brief_row *r);
/* "[1][2]" for the sources of a row. */
void brief_format_sources(char *buf, size_t n, const brief_row *r);

/* 未知 / 达成 / 未达成 / 超额. */
const char *brief_outcome_word(brief_outcome_kind k);
/* The outcome as a cell: "未达成 (差0.8%)", "超额 (+0.3%)", "达成". */
void brief_format_outcome(char *buf, size_t n, const brief_outcome *o);
/* "实施区级政府投资项目383个，总投资1480亿元". */
void brief_format_total(char *buf, size_t n, const brief_total *t);
/* "杭州市 13 个区县中 2 个公布，不足半数，不排位次", or with
 * "，上城区排第 2 位" when at least half reported. */
void brief_format_reported(char *buf, size_t n, const brief_doc *d, const brief_compare *c);

/* strftime of `epoch` (SOURCE_DATE_EPOCH, in UTC), or of now when
 * epoch < 0: every date a renderer writes comes from here. */
void brief_format_time(char *buf, size_t n, const char *fmt, long long epoch);

#endif
