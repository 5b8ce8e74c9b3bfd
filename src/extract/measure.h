/* measure.h - targets and actual results of one article (measure.c). */
#ifndef BRIEF_MEASURE_H
#define BRIEF_MEASURE_H

#include "extract/internal.h"

typedef struct brief_measures brief_measures;   /* compiled patterns */

brief_measures *brief_measures_new(void);
void brief_measures_free(brief_measures *m);
/* Appends the targets and actuals of `a`. 0, or -1 on OOM. */
int brief_extract_measures(brief_measures *m, const brief_gazetteer *g,
			   const brief_annot *t, const brief_article *a,
			   brief_facts *out);

/* indicator.c: the indicator a quantity measures. */
/* The canonical name of an indicator phrase (malloc'd), NULL for none. */
char *brief_indicator_canon(const char *s, size_t n);
/* The phrase cleaned (quotes and spacing dropped) and named, or NULL. */
char *brief_noun_phrase(const char *s, size_t n);
/* The words before a quantity in [from, to), after the region and the
 * year that open its clause; NULL when they name no indicator. */
char *brief_indicator_before(const brief_annot *at, const char *t, size_t from,
			     size_t to);
/* 冲刺万亿级地区生产总值, 72个重点项目: the indicator after `at`. */
char *brief_indicator_after(const char *t, size_t at, size_t end);
/* Strips one word of ws from the front (or, with tail, the back) of
 * (s, n), spaces first; whether it did. */
bool brief_strip_word(const char **s, size_t *n, const char *const *ws, bool tail);

/* table.c: rows of a flattened table (cells joined by '|'). */
typedef struct brief_table {
	bool seen;              /* a header row has been read */
	bool goal_col, result_col, goal_first;
} brief_table;

typedef struct brief_table_value {
	size_t start, end;      /* the cell */
	double value;
	bool pct;               /* written with % */
	bool growth;            /* 增长6%, or a result's growth column */
	bool target;
	const char *bound;
} brief_table_value;

enum { BRIEF_TABLE_VALUES = 8 };

typedef struct brief_table_row {
	size_t ind_s, ind_e;    /* the indicator's cell */
	char unit[32];          /* the row's unit cell, "" when none */
	brief_table_value v[BRIEF_TABLE_VALUES];
	size_t n;
} brief_table_row;

bool brief_table_is_row(const char *s, size_t n);
/* Reads a header row into tb; false when s is none. */
bool brief_table_header(brief_table *tb, const char *s, size_t n);
/* Reads the row [ss, se) of t; section: the tense of its section, used
 * when no header said which columns are goals. False when it holds no
 * indicator with values. */
bool brief_table_read(const brief_table *tb, const char *t, size_t ss, size_t se,
		      int section, brief_table_row *row);

#endif
