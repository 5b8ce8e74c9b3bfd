/*
 * xlsx_compare.c - the 对比 sheet: the combined briefing's overview
 * (render/overview.h) as cells, so the workbook and the printed book
 * compare the same indicators with the same values.
 */
#include <stdio.h>
#include <string.h>

#include "export/xlsx_internal.h"
#include "render/format.h"
#include "render/overview.h"
#include "util/buf.h"

/* Text inside an Excel number format's quotes: no quote or backslash. */
static bool quotable(const char *s)
{
	return !strpbrk(s, "\"\\");
}

/*
 * The number format that shows a row's value the way the briefing says
 * it (brief_format_value): 增长5.5%以上, 下降2%, 第3名, 801.57亿元左右;
 * the cell keeps the plain number, so it sorts and sums.
 */
static lxw_format *value_format(xlsx_out *x, const brief_row *r)
{
	const char *unit = r->unit ? r->unit : "";
	const char *bound = brief_bound_word(r->bound);
	char spec[256];
	if (!quotable(unit) || !quotable(bound))
		return NULL;
	if (r->kind && !strcmp(r->kind, "growth"))
		snprintf(spec, sizeof spec, "\"增长\"General\"%s%s\";\"下降\"General\"%s%s\"",
			 unit, bound, unit, bound);
	else if (r->kind && !strcmp(r->kind, "rank"))
		snprintf(spec, sizeof spec, "\"第\"General\"名\"");
	else
		snprintf(spec, sizeof spec, "General\"%s%s\"", unit, bound);
	return xlsx_num_format(x, spec);
}

static const brief_source *source_num(const brief_doc *d, int num)
{
	for (size_t i = 0; i < d->nsources; i++)
		if (d->sources[i].num == num)
			return &d->sources[i];
	return NULL;
}

/* "来源：[1] 标题 (URL)；[2] …" for the comment of a cell. */
static void source_note(brief_buf *b, const brief_doc *d, const brief_row *r)
{
	BRIEF_BUF_PUTSL(b, "来源：");
	for (size_t i = 0; i < r->nev; i++) {
		const brief_source *s = source_num(d, r->ev[i].source);
		if (i && r->ev[i].source == r->ev[i - 1].source)
			continue;
		if (i)
			BRIEF_BUF_PUTSL(b, "；");
		brief_buf_printf(b, "[%d] ", r->ev[i].source);
		if (!s)
			continue;
		const char *where = s->url ? s->url : s->file;
		brief_buf_puts(b, s->title ? s->title : where ? where : "");
		if (s->title && where)
			brief_buf_printf(b, " (%s)", where);
	}
}

static int put_cell(xlsx_out *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		    const brief_doc *d, const brief_overview_cell *cell)
{
	brief_buf note = BRIEF_BUF_INIT;
	if (!cell->row || !cell->row->has_value)
		return 0;
	worksheet_write_number(ws, r, c, cell->row->value, value_format(x, cell->row));
	source_note(&note, d, cell->row);
	if (!brief_buf_ok(&note))
		return -1;
	worksheet_write_comment(ws, r, c, note.data);
	brief_buf_free(&note);
	return 0;
}

/* What a column compares, in the stored terms (a header comment): the
 * key to match it with the facts and the JSON models. */
static int column_note(lxw_worksheet *ws, lxw_col_t c, const brief_overview_col *col)
{
	brief_buf b = BRIEF_BUF_INIT;
	brief_buf_printf(&b, "指标 %s；类型 %s；单位 %s", col->indicator, col->kind,
			 col->unit ? col->unit : "-");
	if (!brief_buf_ok(&b))
		return -1;
	worksheet_write_comment(ws, 0, c, b.data);
	brief_buf_free(&b);
	return 0;
}

int xlsx_compare_sheet(xlsx_out *x, const brief_book *b)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "对比");
	brief_overview ov;
	const char *names[3 + BRIEF_OVERVIEW_MAX_COLS] = { "地区", "地区代码", "年份" };
	double widths[3 + BRIEF_OVERVIEW_MAX_COLS] = { 14, 10, 6 };
	int rc = 0;

	if (!ws || brief_overview_build(b, &ov))
		return -1;
	for (size_t c = 0; c < ov.ncols; c++) {
		names[3 + c] = ov.cols[c].label;
		widths[3 + c] = 22;
	}
	xlsx_header(x, ws, names, widths, 3 + ov.ncols);
	for (size_t c = 0; c < ov.ncols && rc == 0; c++)
		rc = column_note(ws, (lxw_col_t)(3 + c), &ov.cols[c]);
	for (size_t i = 0; i < ov.nrows && rc == 0; i++) {
		const brief_doc *d = &b->docs[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		worksheet_write_string(ws, r, 0, d->region, NULL);
		worksheet_write_string(ws, r, 1, d->region_code, NULL);
		worksheet_write_number(ws, r, 2, d->year, NULL);
		for (size_t c = 0; c < ov.ncols && rc == 0; c++)
			rc = put_cell(x, ws, r, (lxw_col_t)(3 + c), d,
				      brief_overview_cell_at(&ov, i, c));
	}
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)ov.nrows, (lxw_col_t)(2 + ov.ncols));
	brief_overview_free(&ov);
	return rc;
}
