/*
 * overview.h - the overview of a combined briefing (brief_book): every
 * region's headline targets side by side, one row per region, one column
 * per indicator. Shared by the LaTeX and the PDF combined briefings so
 * that both print the same columns and the same values.
 *
 * Which columns. A column is one (indicator, kind, unit) of the targets,
 * e.g. (GDP, growth, %) or (固定资产投资, growth, %). Candidates are
 * ranked by
 *   1. the number of regions that have a target with a value for it,
 *   2. then the headline indicators before the others, in the order
 *      GDP, 规上工业增加值, 固定资产投资, 社会消费品零售总额,
 *      一般公共预算收入 (the ones regional work reports lead with),
 *   3. then indicator, kind and unit (byte order), so the choice never
 *      depends on the order of the docs.
 * The first BRIEF_OVERVIEW_MAX_COLS are kept that at least half the
 * regions of the book have: a column one or two of nine regions fill
 * compares nothing (a book may so have no columns).
 *
 * Which value. For each region and column: the first of the region's
 * target rows (brief_doc.targets, in the aggregate's order) with that
 * indicator, kind and unit and a value, preferring a whole-year row
 * (period NULL or 全年) over a partial period.
 *
 * Lifetime: the overview borrows rows from the book's docs; free it
 * before them.
 */
#ifndef BRIEF_OVERVIEW_H
#define BRIEF_OVERVIEW_H

#include <stddef.h>

#include "brief.h"

enum { BRIEF_OVERVIEW_MAX_COLS = 6 };

typedef struct brief_overview_col {
	char *indicator;        /* "GDP" */
	char *kind;             /* "growth", "level", ... */
	char *unit;             /* "%", "亿元", ...; may be NULL */
	char *label;            /* column header: "GDP增长（%）", "固定资产投资（亿元）" */
	size_t nregions;        /* regions with a value in this column */
} brief_overview_col;

typedef struct brief_overview_cell {
	const brief_row *row;   /* borrowed from the doc; NULL: no such target */
	char text[96];          /* brief_format_value(): "增长5.5%以上"; "" when none */
	char sources[64];       /* "[1][2]": the book's source numbers
				 * (brief_book_number_sources) */
} brief_overview_cell;

typedef struct brief_overview {
	brief_overview_col *cols;
	size_t ncols;
	size_t nrows;           /* = book->n; row i is book->docs[i] */
	brief_overview_cell *cells;  /* nrows * ncols, row-major */
	int gdp_col;            /* the (GDP, growth, %) column for the chart of
				 * GDP growth targets, -1 when no region has one */
} brief_overview;

/*
 * Builds the overview of book `b` into *ov (zeroed first). A book whose
 * regions have no targets gets no columns (ncols 0), still one row per
 * region. Returns 0, or -1 on OOM (ov is then empty).
 */
int brief_overview_build(const brief_book *b, brief_overview *ov);

/* The cell of row `row` (region) and column `col`. */
const brief_overview_cell *brief_overview_cell_at(const brief_overview *ov,
						  size_t row, size_t col);

void brief_overview_free(brief_overview *ov);

#endif
