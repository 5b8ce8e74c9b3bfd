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
/* Source numbers as citation markers in running text: superscript
 * digits ("¹²" is 12), markers a narrow no-break space apart ("¹ ²"),
 * so that they read back from a PDF as what they are. */
void brief_format_cites(char *buf, size_t n, const int *nums, size_t k);
/* The same for the sources of a row. */
void brief_format_row_cites(char *buf, size_t n, const brief_row *r);

/* 未知 / 达成 / 未达成 / 超额. */
const char *brief_outcome_word(brief_outcome_kind k);
/* The outcome as a cell: "未达成 (差0.8%)", "超额 (+0.3%)", "达成". */
void brief_format_outcome(char *buf, size_t n, const brief_outcome *o);
/* "实施区级政府投资项目383个，总投资1480亿元". */
void brief_format_total(char *buf, size_t n, const brief_total *t);
/* "杭州市 13 个区县中 2 个公布，不足半数，不排位次", or with
 * "，上城区排第 2 位" when at least half reported. */
void brief_format_reported(char *buf, size_t n, const brief_doc *d, const brief_compare *c);

/* An appendix entry's fact: "目标 2025 · 规上工业增加值 增长5.5%". */
void brief_format_fact(char *buf, size_t n, const brief_row *r);
/* A trend point's value as a reader says it. */
void brief_format_point(char *buf, size_t n, const brief_trend *t, const brief_point *p);

/*
 * 要点: the opening paragraph every renderer prints, as phrases each
 * followed by its sources: the year's first targets (growth and amounts
 * first), last year's targets against their results (and how many have
 * none), the projects (how many, how many with an amount and their sum)
 * and the project totals. A number in a phrase is always cited.
 */
typedef struct brief_phrase {
	char *text;
	int *sources;
	size_t nsources;
} brief_phrase;

typedef struct brief_phrases {
	brief_phrase *v;
	size_t n;
} brief_phrases;

int brief_summary(const brief_doc *d, brief_phrases *out);  /* 0, -1 on OOM */
void brief_phrases_free(brief_phrases *ps);

/* strftime of `epoch` (SOURCE_DATE_EPOCH, in UTC), or of now when
 * epoch < 0: every date a renderer writes comes from here. */
void brief_format_time(char *buf, size_t n, const char *fmt, long long epoch);

#endif
