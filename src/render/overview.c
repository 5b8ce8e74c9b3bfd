/* overview.c - the headline targets of a combined briefing (overview.h). */
#include "render/overview.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/format.h"

static const char *const headline[] = {
	"GDP", "规上工业增加值", "固定资产投资", "社会消费品零售总额",
	"一般公共预算收入",
};
enum { NHEADLINE = sizeof headline / sizeof headline[0] };

typedef struct cand {
	const char *indicator, *kind, *unit;    /* borrowed from a row */
	size_t nregions;
} cand;

typedef struct cands {
	cand *v;
	size_t n;
} cands;

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static int cmp_opt(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int headline_rank(const char *indicator)
{
	for (int i = 0; i < NHEADLINE; i++)
		if (indicator && strcmp(indicator, headline[i]) == 0)
			return i;
	return NHEADLINE;
}

static bool row_fits(const brief_row *r, const char *ind, const char *kind,
		     const char *unit)
{
	return r->has_value && r->indicator && same(r->indicator, ind) &&
	       same(r->kind, kind) && same(r->unit, unit);
}

/* Whether an earlier row of the same doc already counted this triple, so
 * a region counts once however many rows it has. */
static bool seen_before(const brief_rows *rs, size_t i)
{
	const brief_row *r = &rs->v[i];
	for (size_t j = 0; j < i; j++)
		if (row_fits(&rs->v[j], r->indicator, r->kind, r->unit))
			return true;
	return false;
}

static int count_row(cands *c, const brief_row *r)
{
	for (size_t i = 0; i < c->n; i++)
		if (row_fits(r, c->v[i].indicator, c->v[i].kind, c->v[i].unit)) {
			c->v[i].nregions++;
			return 0;
		}
	cand *v = realloc(c->v, (c->n + 1) * sizeof *v);
	if (!v)
		return -1;
	c->v = v;
	v[c->n++] = (cand){ r->indicator, r->kind, r->unit, 1 };
	return 0;
}

static int collect(const brief_book *b, cands *c)
{
	for (size_t d = 0; d < b->n; d++) {
		const brief_rows *rs = &b->docs[d].targets;
		for (size_t i = 0; i < rs->n; i++)
			if (rs->v[i].has_value && rs->v[i].indicator &&
			    !seen_before(rs, i) && count_row(c, &rs->v[i]))
				return -1;
	}
	return 0;
}

static int by_rank(const void *pa, const void *pb)
{
	const cand *a = pa, *b = pb;
	int ha = headline_rank(a->indicator), hb = headline_rank(b->indicator);
	int k;
	if (a->nregions != b->nregions)
		return a->nregions > b->nregions ? -1 : 1;
	if (ha != hb)
		return ha < hb ? -1 : 1;
	if ((k = strcmp(a->indicator, b->indicator)))
		return k;
	if ((k = cmp_opt(a->kind, b->kind)))
		return k;
	return cmp_opt(a->unit, b->unit);
}

/* "GDP增长（%）", "固定资产投资（亿元）", "投资额排名" */
static char *label_of(const cand *c)
{
	const char *kind = c->kind ? c->kind : "";
	char buf[256];
	if (!strcmp(kind, "rank"))
		snprintf(buf, sizeof buf, "%s排名", c->indicator);
	else if (!strcmp(kind, "growth"))
		snprintf(buf, sizeof buf, "%s增长（%s）", c->indicator,
			 c->unit ? c->unit : "%");
	else if (c->unit)
		snprintf(buf, sizeof buf, "%s（%s）", c->indicator, c->unit);
	else
		snprintf(buf, sizeof buf, "%s", c->indicator);
	return strdup(buf);
}

/* A column that one or two of nine regions fill compares nothing. */
static bool keep(const cand *c, size_t regions)
{
	return c->nregions * 2 >= regions;
}

static char *dup_opt(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int choose_columns(cands *c, size_t nregions, brief_overview *ov)
{
	if (c->n > 1)
		qsort(c->v, c->n, sizeof *c->v, by_rank);
	ov->cols = calloc(BRIEF_OVERVIEW_MAX_COLS, sizeof *ov->cols);
	if (!ov->cols)
		return -1;
	for (size_t i = 0; i < c->n && ov->ncols < BRIEF_OVERVIEW_MAX_COLS; i++) {
		if (!keep(&c->v[i], nregions))
			continue;
		brief_overview_col *col = &ov->cols[ov->ncols++];
		col->indicator = strdup(c->v[i].indicator);
		col->kind = dup_opt(c->v[i].kind);
		col->unit = dup_opt(c->v[i].unit);
		col->label = label_of(&c->v[i]);
		col->nregions = c->v[i].nregions;
		if (!col->indicator || !col->label || (c->v[i].kind && !col->kind) ||
		    (c->v[i].unit && !col->unit))
			return -1;
		if (!strcmp(col->indicator, "GDP") && same(col->kind, "growth") &&
		    same(col->unit, "%"))
			ov->gdp_col = (int)ov->ncols - 1;
	}
	return 0;
}

static bool whole_year(const brief_row *r)
{
	return !r->period || !strcmp(r->period, "全年");
}

/* The doc's row for a column: whole-year first, else any period. */
static const brief_row *pick(const brief_doc *d, const brief_overview_col *c)
{
	const brief_row *any = NULL;
	for (size_t i = 0; i < d->targets.n; i++) {
		const brief_row *r = &d->targets.v[i];
		if (!row_fits(r, c->indicator, c->kind, c->unit))
			continue;
		if (whole_year(r))
			return r;
		if (!any)
			any = r;
	}
	return any;
}

static void fill_cells(const brief_book *b, brief_overview *ov)
{
	for (size_t d = 0; d < ov->nrows; d++)
		for (size_t c = 0; c < ov->ncols; c++) {
			brief_overview_cell *cell = &ov->cells[d * ov->ncols + c];
			cell->row = pick(&b->docs[d], &ov->cols[c]);
			if (!cell->row)
				continue;
			brief_format_value(cell->text, sizeof cell->text, cell->row);
			brief_format_sources(cell->sources, sizeof cell->sources,
					     cell->row);
		}
}

int brief_overview_build(const brief_book *b, brief_overview *ov)
{
	cands c = { 0 };
	int rc = -1;

	memset(ov, 0, sizeof *ov);
	ov->gdp_col = -1;
	ov->nrows = b->n;
	if (collect(b, &c) || choose_columns(&c, b->n, ov))
		goto out;
	/* +1: calloc(0) may return NULL, which is no OOM here */
	if (!(ov->cells = calloc(ov->nrows * ov->ncols + 1, sizeof *ov->cells)))
		goto out;
	fill_cells(b, ov);
	rc = 0;
out:
	free(c.v);
	if (rc)
		brief_overview_free(ov);
	return rc;
}

const brief_overview_cell *brief_overview_cell_at(const brief_overview *ov,
						  size_t row, size_t col)
{
	return &ov->cells[row * ov->ncols + col];
}

void brief_overview_free(brief_overview *ov)
{
	for (size_t i = 0; ov->cols && i < ov->ncols; i++) {
		free(ov->cols[i].indicator);
		free(ov->cols[i].kind);
		free(ov->cols[i].unit);
		free(ov->cols[i].label);
	}
	free(ov->cols);
	free(ov->cells);
	memset(ov, 0, sizeof *ov);
	ov->gdp_col = -1;
}
