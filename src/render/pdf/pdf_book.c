/* pdf_book.c - the combined briefing of a scope as one PDF: cover,
 * contents with links, an overview of every region's headline targets
 * (table and chart), then each region's briefing under its bookmark. */
#define _GNU_SOURCE /* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/format.h"
#include "render/overview.h"
#include "render/pdf/pdf.h"
#include "util/buf.h"

typedef struct entry {
	const char *title;
	int page;
} entry;

static void cover(brief_pdfctx *c, const brief_book *b, const char *title)
{
	brief_layout *L = &c->L;
	brief_tstyle big = { BRIEF_CHAIN_HEADING, c->st.size_title * 1.4f, c->st.accent, false };
	brief_tstyle sub = { BRIEF_CHAIN_BODY, c->st.size_body + 2, c->st.muted, false };
	char line[256];
	brief_lay_newpage(L);
	brief_lay_mark(L, 0, title);
	brief_lay_space(L, (L->y1 - L->y0) * 0.3f);
	brief_lay_para(L, &big, title, 0);
	brief_lay_rule(L, L->x0, L->y - 6, L->x1, L->y - 6, c->st.accent, 1.5f);
	brief_lay_space(L, 18);
	snprintf(line, sizeof line, "%zu 个地区 · 生成日期 %s", b->n, c->date);
	brief_lay_para(L, &sub, line, 0);
}

/* Pages kept for the contents, filled in once page numbers are known. */
static size_t contents_pages(brief_pdfctx *c, size_t nentries)
{
	float lh = brief_lay_line_height(&c->L, c->st.size_body) * 1.2f;
	float room = c->L.y1 - c->L.y0 - c->st.size_heading * 3;
	size_t per = (size_t)(room / lh), pages = (nentries + per - 1) / per;
	for (size_t i = 0; i < (pages ? pages : 1); i++)
		brief_lay_newpage(&c->L);
	return pages ? pages : 1;
}

static void contents_entry(brief_pdfctx *c, const entry *e, float y)
{
	brief_layout *L = &c->L;
	brief_tstyle ts = { BRIEF_CHAIN_BODY, c->st.size_body, c->st.text, false };
	char num[16];
	snprintf(num, sizeof num, "%d", e->page + 1);
	float wn = brief_lay_text_at(L, &ts, num, L->x1, y, L->x1 - L->x0, 'r');
	float wt = brief_lay_text_at(L, &ts, e->title, L->x0, y, L->x1 - L->x0 - wn - 20, 'l');
	brief_lay_rule(L, L->x0 + wt + 6, y + 1, L->x1 - wn - 6, y + 1, c->st.rule, 0.4f);
	brief_lay_goto(L, L->x0, y - 3, L->x1 - L->x0, ts.size + 4, e->page);
}

static void contents(brief_pdfctx *c, size_t first, size_t npages, const entry *e,
		     size_t n)
{
	brief_layout *L = &c->L;
	brief_tstyle head = { BRIEF_CHAIN_HEADING, c->st.size_heading, c->st.accent, false };
	float lh = brief_lay_line_height(L, c->st.size_body) * 1.2f;
	size_t k = 0;
	for (size_t p = first; p < first + npages; p++) {
		L->draw_page = (int)p;
		float y = L->y1 - head.size;
		if (p == first)
			brief_lay_text_at(L, &head, c->st.section[BRIEF_SEC_CONTENTS], L->x0, y,
					  L->x1 - L->x0, 'l');
		y -= head.size * 2;
		for (; k < n && y > L->y0 + 2; k++, y -= lh)
			contents_entry(c, &e[k], y);
	}
	L->draw_page = -1;
}

/* The "[n]" of src not yet in row's 来源 cell, appended to it. */
static void merge_sources(brief_buf *row, const char *src)
{
	for (const char *p = src; (p = strchr(p, '[')); p++) {
		size_t n = strcspn(p, "]") + 1;
		char one[24];
		if (n >= sizeof one)
			continue;
		memcpy(one, p, n);
		one[n] = '\0';
		if (!row->len || !strstr(row->data, one))
			brief_buf_puts(row, one);
	}
}

/* Every region's headline values, and one 来源 column for the row
 * (none when no indicator is shown: there is nothing to cite). */
static void overview(brief_pdfctx *c, const brief_book *b, const brief_overview *ov)
{
	size_t nsrc = ov->ncols > 0, ncols = ov->ncols + 1 + nsrc;
	const char **head = calloc(ncols, sizeof *head);
	char **cells = calloc(ncols * ov->nrows + 1, sizeof *cells);
	float *w = calloc(ncols, sizeof *w);
	char *align = calloc(ncols + 1, 1);
	if (!head || !cells || !w || !align)
		goto out;
	head[0] = "地区";
	w[0] = nsrc ? 0.16f : 1;
	align[0] = 'l';
	for (size_t j = 0; j < ov->ncols; j++) {
		head[j + 1] = ov->cols[j].label;
		w[j + 1] = 0.72f / (float)ov->ncols;
		align[j + 1] = 'r';
	}
	if (nsrc) {
		head[ncols - 1] = "来源";
		w[ncols - 1] = 0.12f;
		align[ncols - 1] = 'c';
	}
	for (size_t i = 0; i < ov->nrows; i++) {
		brief_buf src = BRIEF_BUF_INIT;
		cells[i * ncols] = strdup(b->docs[i].region);
		for (size_t j = 0; j < ov->ncols; j++) {
			const brief_overview_cell *x = brief_overview_cell_at(ov, i, j);
			cells[i * ncols + j + 1] = strdup(x->text[0] ? x->text : BRIEF_MISSING);
			merge_sources(&src, x->sources);
		}
		if (nsrc)
			cells[i * ncols + ncols - 1] = strdup(brief_buf_ok(&src) && src.len ? src.data : "");
		brief_buf_free(&src);
	}
	brief_table t = { ncols, ov->nrows, w, align, head, (const char *const *)cells };
	brief_lay_table(&c->L, &t);
out:
	for (size_t i = 0; cells && i < ncols * ov->nrows; i++)
		free(cells[i]);
	free(cells);
	free(head);
	free(w);
	free(align);
}

static int by_value(const void *a, const void *b)
{
	const brief_bar *x = a, *y = b;
	return (x->value < y->value) - (x->value > y->value);
}

/* GDP growth targets of every region that has one, highest first. */
static void overview_chart(brief_pdfctx *c, const brief_book *b, const brief_overview *ov)
{
	if (ov->gdp_col < 0)
		return;
	brief_bar *bars = calloc(ov->nrows, sizeof *bars);
	char (*vals)[32] = calloc(ov->nrows, sizeof *vals);
	size_t n = 0;
	for (size_t i = 0; bars && vals && i < ov->nrows; i++) {
		const brief_overview_cell *x = brief_overview_cell_at(ov, i, (size_t)ov->gdp_col);
		if (!x->row || !x->row->has_value)
			continue;
		snprintf(vals[n], sizeof vals[n], "%g%%", x->row->value);
		bars[n] = (brief_bar){ b->docs[i].region, vals[n], x->row->value, false };
		n++;
	}
	/* stable for equal values: the docs' order decides */
	qsort(bars, n, sizeof *bars, by_value);
	if (n)
		brief_lay_bars(&c->L, bars, n, "地区生产总值增长目标（%）");
	free(bars);
	free(vals);
}

static int lay_book(brief_pdfctx *c, const brief_book *b, const char *title,
		    char **labels, entry *toc)
{
	brief_overview ov;
	if (brief_overview_build(b, &ov))
		return -1;
	cover(c, b, title);
	c->L.label = title;
	size_t first = c->L.npages, npages = contents_pages(c, b->n + 1);
	/* the contents' bookmark, at their first page's top */
	brief_lay_mark(&c->L, 0, c->st.section[BRIEF_SEC_CONTENTS]);
	if (c->L.nmarks) {
		c->L.marks[c->L.nmarks - 1].page = (int)first;
		c->L.marks[c->L.nmarks - 1].y = c->L.y1;
	}
	brief_lay_newpage(&c->L);
	toc[0] = (entry){ c->st.section[BRIEF_SEC_OVERVIEW], (int)c->L.npages - 1 };
	brief_lay_heading(&c->L, 0, 0, c->st.section[BRIEF_SEC_OVERVIEW]);
	overview(c, b, &ov);
	overview_chart(c, b, &ov);
	for (size_t i = 0; i < b->n; i++) {
		const brief_doc *d = &b->docs[i];
		if (asprintf(&labels[i], "%s %d %s", d->region, d->year, c->st.title) < 0)
			labels[i] = NULL;
		c->L.label = labels[i] ? labels[i] : title;
		brief_lay_newpage(&c->L);
		toc[i + 1] = (entry){ d->region, (int)c->L.npages - 1 };
		brief_pdf_briefing(c, d, true);
	}
	contents(c, first, npages, toc, b->n + 1);
	brief_lay_finish(&c->L, 1, c->date);
	brief_overview_free(&ov);
	return 0;
}

int brief_render_pdf_book(const brief_book *b, const brief_render_opts *o,
			  brief_buf *out, brief_diag *d)
{
	brief_pdfctx c;
	char title[256], subject[256];
	if (brief_pdfctx_open(&c, o, d))
		return -1;
	snprintf(title, sizeof title, "%s %d %s", b->scope ? b->scope : "全部地区", b->year,
		 c.st.book_title);
	snprintf(subject, sizeof subject, "%zu 个地区的 %d 年目标、实绩、重点项目与产业集群",
		 b->n, b->year);
	char **labels = calloc(b->n + 1, sizeof *labels);
	entry *toc = calloc(b->n + 1, sizeof *toc);
	int rc = -1;
	if (labels && toc && lay_book(&c, b, title, labels, toc) == 0)
		rc = brief_pdfctx_write(&c, title, subject, b->scope, o->epoch, out, d);
	for (size_t i = 0; labels && i < b->n; i++)
		free(labels[i]);
	free(labels);
	free(toc);
	brief_pdfctx_close(&c);
	return rc;
}
