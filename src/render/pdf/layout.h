/*
 * layout.h - pages of positioned boxes: the typesetting of a PDF
 * briefing, kept apart from libharu so that it can be checked (every
 * box inside its area, no line starting with a closing mark) and drawn
 * by a plain loop (render/pdf/pdfout.c).
 *
 * Coordinates are PDF points with the origin at the bottom left of the
 * page. The cursor `y` is the top of the free space on the last page;
 * each call flows downwards and starts a new page when needed.
 */
#ifndef BRIEF_LAYOUT_H
#define BRIEF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "render/pdf/fontset.h"
#include "render/pdf/linebreak.h"
#include "render/pdf/style.h"

typedef enum {
	BRIEF_BOX_TEXT,         /* one run of one font */
	BRIEF_BOX_RECT,
	BRIEF_BOX_LINE,
	BRIEF_BOX_URI,          /* a link annotation to `text` */
	BRIEF_BOX_GOTO,         /* a link to page `target` */
	BRIEF_BOX_SPAN,         /* the text runs up to SPAN_END read as `text` */
	BRIEF_BOX_SPAN_END
} brief_box_kind;

typedef struct brief_box {
	brief_box_kind kind;
	float x, y, w, h;       /* text: baseline origin, advance, font size */
	brief_rgb color;
	int font;               /* text */
	float charspace;        /* text: added after each character */
	bool fill;              /* rect: filled, else stroked */
	bool line_start;        /* text: the first run of a line */
	float stroke;           /* line and stroked rect: width */
	int target;             /* goto: page index */
	char *text;             /* text: the run, UTF-8; uri: the address */
} brief_box;

typedef struct brief_page {
	brief_box *v;
	size_t n, cap;
	const char *label;      /* header text, borrowed from L->label */
} brief_page;

/* An outline entry (PDF bookmark). */
typedef struct brief_mark {
	int level;              /* 0 = top */
	char *title;
	int page;
	float y;
} brief_mark;

/* How a piece of text is set. */
typedef struct brief_tstyle {
	brief_chain chain;
	float size;
	brief_rgb color;
	bool justify;
} brief_tstyle;

typedef struct brief_layout {
	const brief_style *st;
	brief_fontset *fonts;
	brief_page *pages;
	size_t npages, cap;
	brief_mark *marks;
	size_t nmarks, capmarks;
	float y;
	float x0, y0, x1, y1;   /* the area boxes must stay in */
	size_t overflow;        /* boxes placed outside it (a bug if > 0) */
	int draw_page;          /* where boxes go: -1 = the last page */
	const char *label;      /* header text of the pages begun from now on */
	bool oom;
} brief_layout;

void brief_layout_init(brief_layout *L, const brief_style *st, brief_fontset *fs);
void brief_layout_free(brief_layout *L);

void brief_lay_newpage(brief_layout *L);
/* Starts a new page unless `need` points still fit on this one. */
void brief_lay_need(brief_layout *L, float need);
void brief_lay_space(brief_layout *L, float pts);
float brief_lay_line_height(const brief_layout *L, float size);

/* Where a CJK font's glyphs sit about the baseline, in ems. */
#define BRIEF_ASCENT 0.88f
#define BRIEF_DESCENT 0.12f

/* The baseline of `size`-point text centred in a line box `height`
 * tall whose top is at `top`. */
static inline float brief_lay_baseline(float top, float height, float size)
{
	return top - (height - size) / 2 - BRIEF_ASCENT * size;
}

/* Width of text set in ts. */
float brief_lay_width(brief_layout *L, const brief_tstyle *ts, const char *s);
/* The lines of s set `width` wide (caller frees). */
int brief_lay_break(brief_layout *L, const brief_tstyle *ts, const char *s,
		    float width, brief_lines *out);
/* Draws one line of s with its baseline at y, starting at x; justified
 * to `width` when ts->justify and the line does not end a paragraph. */
void brief_lay_text_line(brief_layout *L, const brief_tstyle *ts, const char *s,
			 const brief_line *ln, float x, float y, float width);
/* A label on one line with its baseline at y: from x ('l'), ending at x
 * ('r') or centred on x ('c'); cut to `room` points at the last break
 * that fits, never drawn beyond. Returns the width drawn. */
float brief_lay_text_at(brief_layout *L, const brief_tstyle *ts, const char *s,
			float x, float y, float room, char align);
/* A paragraph flowed down the page from the cursor, `indent` points in
 * from the left margin. */
void brief_lay_para(brief_layout *L, const brief_tstyle *ts, const char *s,
		   float indent);
/* A numbered entry ("[2] 钱塘区召开…") with a hanging indent: its
 * wrapped lines start under the text, not under the marker. Text
 * without a marker is a plain paragraph. */
void brief_lay_entry(brief_layout *L, const brief_tstyle *ts, const char *s);
/* A section heading kept with what follows, set as a heading of
 * `level` (0 = a briefing's own, 1 = nested in a combined one), and its
 * bookmark at outline level `mark`. */
void brief_lay_heading(brief_layout *L, int level, int mark, const char *title);
void brief_lay_mark(brief_layout *L, int level, const char *title);

void brief_lay_rect(brief_layout *L, float x, float y, float w, float h,
		    brief_rgb c, bool fill);
void brief_lay_rule(brief_layout *L, float x0, float y0, float x1, float y1,
		    brief_rgb c, float width);
/* Link areas: not ink, so not checked against the area. */
void brief_lay_uri(brief_layout *L, float x, float y, float w, float h,
		   const char *uri);
void brief_lay_goto(brief_layout *L, float x, float y, float w, float h,
		    int page);

/* The text drawn between these two reads as `text` (a PDF ActualText
 * span): a table row's cells, which lie further apart than readers
 * join into one line, read as one line, cell after cell. */
void brief_lay_span(brief_layout *L, const char *text);
void brief_lay_span_end(brief_layout *L);

/* Header (the page's label left, `right` right) and footer
 * (第 N 页 / 共 M 页) on every page from `from` on, once all pages are
 * known. */
void brief_lay_finish(brief_layout *L, size_t from, const char *right);

/* ---- tables and charts (render/pdf/table.c) ---- */

typedef struct brief_table {
	size_t ncols, nrows;
	const float *widths;    /* fractions of the text width, summing to 1 */
	const char *align;      /* per column: 'l', 'r' or 'c' */
	const char *const *head;
	const char *const *cells;   /* nrows * ncols, row by row */
} brief_table;

/* A table whose cells wrap; one longer than the page continues on the
 * next with its header row repeated. */
int brief_lay_table(brief_layout *L, const brief_table *t);

typedef struct brief_bar {
	const char *label, *value_label;
	double value;
	bool self;              /* drawn in the highlight colour */
} brief_bar;

/* The height of a chart of n bars with its caption, for keeping a
 * heading with it. */
float brief_lay_bars_height(const brief_layout *L, size_t n);
/* Horizontal bars from a common zero, with axis, ticks and labels. */
int brief_lay_bars(brief_layout *L, const brief_bar *v, size_t n,
		   const char *caption);

#endif
