/*
 * latex_book.c - the combined briefing of a scope (brief_book) as LaTeX
 * through the built-in templates/combined.tex: cover, contents, the
 * overview table (render/overview.h, the same columns the PDF prints),
 * a chart of the GDP growth targets, then each region's section with the
 * values of its own briefing (latex_values.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/format.h"
#include "render/latex/latex_values.h"
#include "render/overview.h"
#include "render/render.h"
#include "render/latex/template.h"
#include "util/embed.h"

/* Bars per tikzpicture: a picture cannot break across pages, so a long
 * chart is cut into pictures that each fit on one. */
enum { BARS_PER_CHART = 36 };

static int set_num(brief_tval *m, const char *key, double v)
{
	char b[32];
	snprintf(b, sizeof b, "%g", v);
	return brief_tv_set_str(m, key, b);
}

static brief_tval *columns(const brief_overview *ov)
{
	brief_tval *list = brief_tv_list();
	for (size_t c = 0; list && c < ov->ncols; c++) {
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "label", ov->cols[c].label);
		brief_tv_push(list, m);
	}
	return list;
}

/* A row per region: its values, and the sources of all of them in one
 * 来源 cell, so that a value column holds only values. */
static brief_tval *rows(const brief_book *b, const brief_overview *ov)
{
	brief_tval *list = brief_tv_list();
	for (size_t r = 0; list && r < ov->nrows; r++) {
		brief_tval *m = brief_tv_map(), *cells = brief_tv_list();
		char all[256] = "";
		for (size_t c = 0; c < ov->ncols; c++) {
			const brief_overview_cell *cell = brief_overview_cell_at(ov, r, c);
			brief_tval *x = brief_tv_map();
			brief_tv_set_str(x, "text", cell->text);
			brief_tv_set_str(x, "value", cell->text[0] ? cell->text : BRIEF_MISSING);
			brief_tv_set_str(x, "sources", cell->sources);
			brief_tv_push(cells, x);
			brief_latex_merge_sources(all, sizeof all, cell->sources);
		}
		brief_tv_set_str(m, "sources", all);
		brief_tv_set_str(m, "region", b->docs[r].region);
		brief_tv_set_str(m, "code", b->docs[r].region_code);
		brief_tv_set(m, "cells", cells);
		brief_tv_push(list, m);
	}
	return list;
}

typedef struct bar {
	const brief_doc *doc;
	double value;
} bar;

static int by_value_desc(const void *pa, const void *pb)
{
	const bar *a = pa, *b = pb;
	if (a->value != b->value)
		return a->value > b->value ? -1 : 1;
	return strcmp(a->doc->region_code, b->doc->region_code);
}

/* One picture of bars [from, to): 10 cm for the axis of them all. */
static brief_tval *chart(const bar *v, size_t from, size_t to, double max)
{
	brief_tval *m = brief_tv_map(), *bars = brief_tv_list();
	double scale;
	brief_tv_set(m, "ticks", brief_latex_axis(max, 10, &scale));
	for (size_t i = from; i < to; i++) {
		double y = 0.5 * (double)(i - from) + 0.3;
		brief_tval *x = brief_tv_map();
		brief_tv_set_str(x, "name", v[i].doc->region);
		set_num(x, "value", v[i].value);
		set_num(x, "bar", v[i].value > 0 ? scale * v[i].value : 0);
		set_num(x, "y", y);
		set_num(x, "top", y - 0.17);
		set_num(x, "bottom", y + 0.17);
		brief_tv_push(bars, x);
	}
	set_num(m, "height", 0.5 * (double)(to - from) + 0.1);
	set_num(m, "width", 10);
	brief_tv_set(m, "bars", bars);
	return m;
}

/* The GDP growth targets, highest first, in pictures of BARS_PER_CHART. */
static brief_tval *charts(const brief_book *b, const brief_overview *ov)
{
	brief_tval *list = brief_tv_list();
	bar *v = calloc(b->n + 1, sizeof *v);
	size_t n = 0;
	double max = 0;
	if (!list || !v || ov->gdp_col < 0) {
		free(v);
		return list;
	}
	for (size_t r = 0; r < ov->nrows; r++) {
		const brief_overview_cell *c = brief_overview_cell_at(ov, r, (size_t)ov->gdp_col);
		if (c->row)
			v[n++] = (bar){ &b->docs[r], c->row->value };
	}
	if (n > 1)
		qsort(v, n, sizeof *v, by_value_desc);
	for (size_t i = 0; i < n; i++)
		if (v[i].value > max)
			max = v[i].value;
	for (size_t i = 0; i < n; i += BARS_PER_CHART)
		brief_tv_push(list, chart(v, i, i + BARS_PER_CHART < n ? i + BARS_PER_CHART : n, max));
	free(v);
	return list;
}

static brief_tval *sections(const brief_book *b, long long epoch)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < b->n; i++)
		brief_tv_push(list, brief_latex_values(&b->docs[i], epoch));
	return list;
}

static int by_id(const void *pa, const void *pb)
{
	long long a = *(const long long *)pa, b = *(const long long *)pb;
	return (a > b) - (a < b);
}

/* Distinct documents: one article speaks of many regions. */
static size_t distinct_sources(const brief_book *b)
{
	size_t n = 0, k = 0;
	for (size_t i = 0; i < b->n; i++)
		n += b->docs[i].nsources;
	long long *ids = calloc(n + 1, sizeof *ids);
	if (!ids)
		return n;
	for (size_t i = 0; i < b->n; i++)
		for (size_t j = 0; j < b->docs[i].nsources; j++)
			ids[k++] = b->docs[i].sources[j].doc_id;
	if (n > 1)
		qsort(ids, n, sizeof *ids, by_id);
	for (size_t i = k = 0; i < n; i++)
		k += i == 0 || ids[i] != ids[i - 1];
	free(ids);
	return k;
}

static void totals(const brief_book *b, brief_tval *root)
{
	size_t facts = 0, sources = distinct_sources(b);
	for (size_t i = 0; i < b->n; i++)
		facts += b->docs[i].nfacts;
	set_num(root, "nregions", (double)b->n);
	set_num(root, "nfacts", (double)facts);
	set_num(root, "nsources", (double)sources);
}

static brief_tval *values(const brief_book *b, const brief_overview *ov,
			  long long epoch)
{
	brief_tval *root = brief_tv_map();
	const char *scope = b->scope ? b->scope : "全部地区";
	char title[256], day[16], year[16];
	/* shares of the line: 地区 and 来源 0.14 each, the values the rest;
	 * without values the regions alone are listed, as the direct PDF
	 * does (its 地区 is 0.16 and it has no 来源 column) */
	double w = ov->ncols ? 0.72 / (double)ov->ncols : 0;
	snprintf(title, sizeof title, "%s %d 年度简报合订本", scope, b->year);
	snprintf(year, sizeof year, "%d", b->year);
	brief_format_time(day, sizeof day, "%Y-%m-%d", epoch);
	brief_tv_set_str(root, "title", title);
	brief_tv_set_str(root, "scope", scope);
	brief_tv_set_str(root, "year", year);
	brief_tv_set_str(root, "generated", day);
	totals(b, root);
	set_num(root, "ncols", (double)ov->ncols);
	set_num(root, "colwidth", w);
	set_num(root, "regionwidth", ov->ncols ? 0.14 : 1);
	brief_tv_set(root, "columns", columns(ov));
	brief_tv_set(root, "rows", rows(b, ov));
	brief_tv_set(root, "charts", charts(b, ov));
	brief_tv_set(root, "sections", sections(b, epoch));
	return root;
}

int brief_render_tex_book(const brief_book *b, const brief_render_opts *o,
			  brief_buf *out, brief_diag *diag)
{
	static const char name[] = "templates/combined.tex";
	brief_overview ov;
	size_t len = 0;
	const char *src = brief_embed("combined.tex", &len);

	if (!src) {
		brief_error(diag, name, "no built-in template");
		return -1;
	}
	if (brief_overview_build(b, &ov)) {
		brief_error(diag, b->scope, "out of memory");
		return -1;
	}
	int rc = brief_latex_fill(name, src, len, values(b, &ov, o->epoch), out, diag);
	brief_overview_free(&ov);
	return rc;
}
