/* table.c - tables that wrap and split across pages; bar charts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/layout.h"
#include "util/buf.h"

#define PADX 3.0f
#define PADY 2.5f

typedef struct cellset {
	brief_lines *lines;     /* one per column */
	size_t max;             /* lines of the tallest cell */
} cellset;

typedef struct tbl {
	brief_layout *L;
	const brief_table *t;
	brief_tstyle body, head;
	float lh, cw[16];
	cellset headrow;
} tbl;

static int break_row(tbl *T, const brief_tstyle *ts, const char *const *cells,
		     cellset *out)
{
	out->max = 1;
	out->lines = calloc(T->t->ncols, sizeof *out->lines);
	if (!out->lines)
		return -1;
	for (size_t c = 0; c < T->t->ncols; c++) {
		const char *s = cells[c] ? cells[c] : "";
		if (brief_lay_break(T->L, ts, s, T->cw[c] - 2 * PADX, &out->lines[c]))
			return -1;
		if (out->lines[c].n > out->max)
			out->max = out->lines[c].n;
	}
	return 0;
}

static void free_row(tbl *T, cellset *r)
{
	for (size_t c = 0; r->lines && c < T->t->ncols; c++)
		brief_lines_free(&r->lines[c]);
	free(r->lines);
	r->lines = NULL;
}

static float row_height(const tbl *T, size_t nlines)
{
	return (float)nlines * T->lh + 2 * PADY;
}

/* Line k of each cell of a row that has one, " " between cells: what
 * the row's line reads as. */
static void row_text(const tbl *T, const char *const *cells, const cellset *r, size_t k,
		     brief_buf *b)
{
	brief_buf_truncate(b, 0);
	for (size_t c = 0; c < T->t->ncols; c++) {
		const brief_lines *ls = &r->lines[c];
		if (k >= ls->n || !cells[c])
			continue;
		const brief_line *ln = &ls->v[k];
		if (b->len)
			brief_buf_putc(b, ' ');
		brief_buf_put(b, cells[c] + ln->start, ln->end - ln->start);
	}
}

/*
 * Lines [from, to) of every cell of a row, from the cursor down, each
 * line of the row left to right and marked to read as one line: the
 * readers' own grouping takes cells this far apart for blocks of their
 * own and puts them in an order of its choosing (pdftotext sent
 * pure-Chinese cells and the headings between tables to the page's end).
 */
static void draw_row(tbl *T, const brief_tstyle *ts, const char *const *cells,
		     const cellset *r, size_t from, size_t to)
{
	brief_layout *L = T->L;
	brief_buf text = BRIEF_BUF_INIT;
	for (size_t k = from; k < to; k++) {
		row_text(T, cells, r, k, &text);
		if (!text.len)
			continue;
		if (!brief_buf_ok(&text)) {
			L->oom = true;
			break;
		}
		float base = brief_lay_baseline(L->y - PADY - (float)(k - from) * T->lh, T->lh,
						ts->size);
		brief_lay_span(L, text.data);
		float x = L->x0;
		for (size_t c = 0; c < T->t->ncols; c++) {
			const brief_lines *ls = &r->lines[c];
			if (k < ls->n) {
				const brief_line *ln = &ls->v[k];
				float room = T->cw[c] - 2 * PADX, lx = x + PADX;
				char a = T->t->align ? T->t->align[c] : 'l';
				if (a == 'r')
					lx += room - ln->width;
				else if (a == 'c')
					lx += (room - ln->width) / 2;
				brief_lay_text_line(L, ts, cells[c] ? cells[c] : "", ln, lx, base, room);
			}
			x += T->cw[c];
		}
		brief_lay_span_end(L);
	}
	brief_buf_free(&text);
	L->y -= row_height(T, to - from);
}

static void draw_head(tbl *T)
{
	brief_layout *L = T->L;
	float h = row_height(T, T->headrow.max);
	brief_lay_rect(L, L->x0, L->y - h, L->x1 - L->x0, h, L->st->head_bg, true);
	brief_lay_rule(L, L->x0, L->y, L->x1, L->y, L->st->accent, 0.8f);
	draw_row(T, &T->head, T->t->head, &T->headrow, 0, T->headrow.max);
	brief_lay_rule(L, L->x0, L->y, L->x1, L->y, L->st->accent, 0.5f);
}

/* A new page that continues the table under a repeated header. */
static void continue_page(tbl *T)
{
	brief_lay_rule(T->L, T->L->x0, T->L->y, T->L->x1, T->L->y, T->L->st->accent, 0.8f);
	brief_lay_newpage(T->L);
	draw_head(T);
}

static void place_row(tbl *T, const char *const *cells, const cellset *r)
{
	brief_layout *L = T->L;
	size_t done = 0;
	while (done < r->max) {
		size_t fit = (size_t)((L->y - L->y0 - 2 * PADY) / T->lh);
		size_t left = r->max - done;
		float fresh = L->y1 - L->y0 - row_height(T, T->headrow.max);
		bool at_top = L->y >= L->y0 + fresh - 0.5f;
		/* a row that fits a page whole moves there rather than split */
		if (fit < left && !at_top &&
		    (fit == 0 || (done == 0 && row_height(T, left) <= fresh))) {
			continue_page(T);
			continue;
		}
		size_t n = fit < left ? fit : left;
		if (n == 0)
			n = 1;          /* a line taller than the page: overflow, counted */
		draw_row(T, &T->body, cells, r, done, done + n);
		done += n;
		if (done < r->max)
			continue_page(T);
	}
	brief_lay_rule(L, L->x0, L->y, L->x1, L->y, L->st->rule, 0.3f);
}

int brief_lay_table(brief_layout *L, const brief_table *t)
{
	const brief_style *st = L->st;
	tbl T = { .L = L, .t = t,
		  .body = { BRIEF_CHAIN_BODY, st->size_table, st->text, false },
		  .head = { BRIEF_CHAIN_HEADING, st->size_table, st->accent, false } };
	if (t->ncols == 0 || t->ncols > sizeof T.cw / sizeof *T.cw)
		return -1;
	T.lh = brief_lay_line_height(L, st->size_table) * 0.92f;
	for (size_t c = 0; c < t->ncols; c++)
		T.cw[c] = (L->x1 - L->x0) * t->widths[c];
	int rc = break_row(&T, &T.head, t->head, &T.headrow);
	cellset first = { 0 };
	if (rc == 0 && t->nrows)
		rc = break_row(&T, &T.body, t->cells, &first);
	if (rc == 0) {
		float need = row_height(&T, T.headrow.max) +
			     row_height(&T, first.max < 3 ? first.max : 3);
		brief_lay_need(L, need);
		draw_head(&T);
	}
	for (size_t i = 0; rc == 0 && i < t->nrows; i++) {
		cellset r = { 0 };
		const char *const *cells = t->cells + i * t->ncols;
		rc = i == 0 ? 0 : break_row(&T, &T.body, cells, &r);
		place_row(&T, cells, i == 0 ? &first : &r);
		free_row(&T, &r);
	}
	if (rc == 0)
		brief_lay_rule(L, L->x0, L->y, L->x1, L->y, st->accent, 0.8f);
	free_row(&T, &first);
	free_row(&T, &T.headrow);
	brief_lay_space(L, 6);
	if (rc)
		L->oom = true;
	return rc;
}

/* ---- bar chart ---- */

/* 1, 2 or 5 times a power of ten, giving about five ticks over span. */
static double nice_step(double span)
{
	double raw = span / 5, p = pow(10, floor(log10(raw))), m = raw / p;
	return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

typedef struct chart {
	float label_w, value_w, x_zero, scale, bar_h, gap;
	double lo, hi, step;
	brief_tstyle ts;
} chart;

static void chart_scale(brief_layout *L, const brief_bar *v, size_t n, chart *C)
{
	C->lo = 0;
	C->hi = 0;
	C->label_w = C->value_w = 0;
	for (size_t i = 0; i < n; i++) {
		C->lo = fmin(C->lo, v[i].value);
		C->hi = fmax(C->hi, v[i].value);
		C->label_w = fmaxf(C->label_w, brief_lay_width(L, &C->ts, v[i].label));
		C->value_w = fmaxf(C->value_w, brief_lay_width(L, &C->ts, v[i].value_label));
	}
	if (C->hi - C->lo <= 0)
		C->hi = C->lo + 1;
	C->step = nice_step(C->hi - C->lo);
	C->lo = floor(C->lo / C->step) * C->step;
	C->hi = ceil(C->hi / C->step) * C->step;
	float width = L->x1 - L->x0;
	C->label_w = fminf(C->label_w + 8, width * 0.3f);
	C->value_w += 6;
	float plot = width - C->label_w - C->value_w;
	C->scale = plot / (float)(C->hi - C->lo);
	C->x_zero = L->x0 + C->label_w + (float)(-C->lo) * C->scale;
}

static void draw_bar(brief_layout *L, const chart *C, const brief_bar *b)
{
	float top = L->y, base = brief_lay_baseline(top, C->bar_h, C->ts.size);
	float x = b->value < 0 ? C->x_zero + (float)b->value * C->scale : C->x_zero;
	float w = fabsf((float)b->value * C->scale);
	brief_tstyle ts = C->ts;
	if (b->self)
		ts.color = L->st->highlight;
	/* a label too long for its room is cut, never drawn over the bars */
	brief_lay_text_at(L, &ts, b->label, L->x0 + C->label_w - 4, base, C->label_w - 4, 'r');
	brief_lay_rect(L, x, top - C->bar_h, w > 0.5f ? w : 0.5f, C->bar_h,
		       b->self ? L->st->highlight : L->st->bar, true);
	float vx = b->value < 0 ? C->x_zero + 3 : x + w + 3;
	brief_lay_text_at(L, &ts, b->value_label, vx, base, C->value_w - 3, 'l');
	L->y -= C->bar_h + C->gap;
}

static void draw_axis(brief_layout *L, const chart *C, float top)
{
	const brief_style *st = L->st;
	float y = L->y;
	brief_lay_rule(L, C->x_zero, top, C->x_zero, y, st->muted, 0.6f);
	brief_lay_rule(L, C->x_zero + (float)C->lo * C->scale, y,
		       C->x_zero + (float)C->hi * C->scale, y, st->muted, 0.6f);
	brief_tstyle ts = C->ts;
	ts.size = st->size_small;
	ts.color = st->muted;
	for (double v = C->lo; v <= C->hi + C->step / 2; v += C->step) {
		float x = C->x_zero + (float)v * C->scale;
		char s[32];
		snprintf(s, sizeof s, "%g", fabs(v) < 1e-9 ? 0 : v);
		brief_lay_rule(L, x, y, x, y - 3, st->muted, 0.6f);
		brief_lay_text_at(L, &ts, s, x, y - 3 - ts.size, L->x1 - L->x0, 'c');
	}
	L->y -= 3 + ts.size * 1.6f;
}

float brief_lay_bars_height(const brief_layout *L, size_t n)
{
	float size = L->st->size_table;
	return (float)n * size * (1.25f + 0.55f) + 3 + size * 3 + L->st->size_small * L->st->leading;
}

int brief_lay_bars(brief_layout *L, const brief_bar *v, size_t n, const char *caption)
{
	chart C = { .ts = { BRIEF_CHAIN_BODY, L->st->size_table, L->st->text, false } };
	if (!n)
		return 0;
	chart_scale(L, v, n, &C);
	C.bar_h = C.ts.size * 1.25f;
	C.gap = C.ts.size * 0.55f;
	float height = (float)n * (C.bar_h + C.gap) + 3 + C.ts.size * 3;
	brief_tstyle cap = { BRIEF_CHAIN_BODY, L->st->size_small, L->st->muted, false };
	brief_lay_need(L, fminf(height, L->y1 - L->y0));
	if (caption)
		brief_lay_para(L, &cap, caption, 0);
	brief_lay_space(L, 4);
	float top = L->y;
	for (size_t i = 0; i < n; i++) {
		if (L->y - C.bar_h - C.gap - C.ts.size * 2 < L->y0) {
			draw_axis(L, &C, top);
			brief_lay_newpage(L);
			top = L->y;
		}
		draw_bar(L, &C, &v[i]);
	}
	draw_axis(L, &C, top);
	brief_lay_space(L, 6);
	return L->oom ? -1 : 0;
}
