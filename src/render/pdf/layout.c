#include "render/pdf/layout.h"
#include "render/pdf/glue.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

/* A tolerance for rounding in the area checks. */
#define EPS 0.01f

void brief_layout_init(brief_layout *L, const brief_style *st, brief_fontset *fs)
{
	memset(L, 0, sizeof *L);
	L->st = st;
	L->fonts = fs;
	L->x0 = st->left;
	L->x1 = st->page_w - st->right;
	L->y0 = st->bottom;
	L->y1 = st->page_h - st->top;
	L->draw_page = -1;
}

void brief_layout_free(brief_layout *L)
{
	for (size_t p = 0; p < L->npages; p++) {
		for (size_t i = 0; i < L->pages[p].n; i++)
			free(L->pages[p].v[i].text);
		free(L->pages[p].v);
	}
	for (size_t i = 0; i < L->nmarks; i++)
		free(L->marks[i].title);
	free(L->pages);
	free(L->marks);
	memset(L, 0, sizeof *L);
}

void brief_lay_newpage(brief_layout *L)
{
	if (L->npages == L->cap) {
		size_t cap = L->cap ? L->cap * 2 : 8;
		brief_page *v = realloc(L->pages, cap * sizeof *v);
		if (!v) {
			L->oom = true;
			return;
		}
		L->pages = v;
		L->cap = cap;
	}
	L->pages[L->npages++] = (brief_page){ .label = L->label };
	L->y = L->y1;
}

void brief_lay_need(brief_layout *L, float need)
{
	if (!L->npages || (L->y - need < L->y0 && L->y < L->y1))
		brief_lay_newpage(L);
}

void brief_lay_space(brief_layout *L, float pts)
{
	L->y -= pts;
	if (L->y < L->y0)
		L->y = L->y0;
}

float brief_lay_line_height(const brief_layout *L, float size)
{
	return size * L->st->leading;
}

static brief_box *add(brief_layout *L, brief_box b)
{
	if (!L->npages)
		brief_lay_newpage(L);
	if (L->oom)
		return NULL;
	brief_page *pg = &L->pages[L->draw_page >= 0 ? (size_t)L->draw_page : L->npages - 1];
	if (pg->n == pg->cap) {
		size_t cap = pg->cap ? pg->cap * 2 : 64;
		brief_box *v = realloc(pg->v, cap * sizeof *v);
		if (!v) {
			L->oom = true;
			free(b.text);
			return NULL;
		}
		pg->v = v;
		pg->cap = cap;
	}
	pg->v[pg->n] = b;
	return &pg->v[pg->n++];
}

/* Ink outside the area is a layout bug; count it so tests catch it. */
static void check(brief_layout *L, float x, float y, float w, float h)
{
	if (x < L->x0 - EPS || y < L->y0 - EPS || x + w > L->x1 + EPS ||
	    y + h > L->y1 + EPS)
		L->overflow++;
}

void brief_lay_rect(brief_layout *L, float x, float y, float w, float h,
		    brief_rgb c, bool fill)
{
	check(L, x, y, w, h);
	add(L, (brief_box){ .kind = BRIEF_BOX_RECT, .x = x, .y = y, .w = w, .h = h,
			    .color = c, .fill = fill, .stroke = 0.5f });
}

void brief_lay_rule(brief_layout *L, float x0, float y0, float x1, float y1,
		    brief_rgb c, float width)
{
	check(L, x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1, x1 > x0 ? x1 - x0 : x0 - x1,
	      y1 > y0 ? y1 - y0 : y0 - y1);
	add(L, (brief_box){ .kind = BRIEF_BOX_LINE, .x = x0, .y = y0, .w = x1 - x0,
			    .h = y1 - y0, .color = c, .stroke = width });
}

void brief_lay_uri(brief_layout *L, float x, float y, float w, float h,
		   const char *uri)
{
	char *s = strdup(uri);
	if (!s) {
		L->oom = true;
		return;
	}
	add(L, (brief_box){ .kind = BRIEF_BOX_URI, .x = x, .y = y, .w = w, .h = h,
			    .text = s });
}

void brief_lay_goto(brief_layout *L, float x, float y, float w, float h, int page)
{
	add(L, (brief_box){ .kind = BRIEF_BOX_GOTO, .x = x, .y = y, .w = w, .h = h,
			    .target = page });
}

void brief_lay_span(brief_layout *L, const char *text)
{
	char *s = strdup(text);
	if (!s) {
		L->oom = true;
		return;
	}
	add(L, (brief_box){ .kind = BRIEF_BOX_SPAN, .text = s });
}

void brief_lay_span_end(brief_layout *L)
{
	add(L, (brief_box){ .kind = BRIEF_BOX_SPAN_END });
}

typedef struct measure_ctx {
	brief_layout *L;
	const brief_tstyle *ts;
} measure_ctx;

/* What stands for a character no font can draw: visible, never a
 * silent gap (the font set reports the character). */
#define STAND_IN 0x3013         /* 〓 */
static const char stand_in_utf8[] = "\u3013";

/* The font that draws cp, or the stand-in's when none can (then *cp
 * becomes the stand-in); -1 only for control characters. */
static int pick(brief_layout *L, brief_chain chain, uint32_t *cp)
{
	int f = brief_fontset_pick(L->fonts, chain, *cp);
	if (f < 0 && *cp >= 0x20) {
		f = brief_fontset_pick(L->fonts, chain, STAND_IN);
		if (f >= 0)
			*cp = STAND_IN;
	}
	return f;
}

static float char_width(void *user, uint32_t cp)
{
	measure_ctx *m = user;
	int f = pick(m->L, m->ts->chain, &cp);
	return f < 0 ? 0 : brief_fontset_width(m->L->fonts, f, cp, m->ts->size);
}

/* As set on one line: with the glue between Han and Latin and the
 * squeezed marks (glue.h), as brief_lay_break measures, so that a box
 * sized by this width holds the text drawn in it. */
float brief_lay_width(brief_layout *L, const brief_tstyle *ts, const char *s)
{
	brief_lines lines = { 0 };
	float w = 0;
	if (brief_lay_break(L, ts, s, 1e9f, &lines))
		L->oom = true;
	for (size_t i = 0; i < lines.n; i++)
		w = fmaxf(w, lines.v[i].width);
	brief_lines_free(&lines);
	return w;
}

int brief_lay_break(brief_layout *L, const brief_tstyle *ts, const char *s,
		    float width, brief_lines *out)
{
	measure_ctx mc = { L, ts };
	brief_measure m = { char_width, &mc, ts->size };
	return brief_break_lines(s, strlen(s), width, &m, out);
}

/* One box for characters [a, b) of s, drawn by one font from x with
 * `cs` points after each but the last; its ink begins `blank` points
 * in (an opening mark moved into the margin by its blank half) and, when
 * `ink` > 0, ends that far from x (a closing mark at the line's end set
 * at half width has its blank half beyond the margin). */
static void emit_run(brief_layout *L, const brief_tstyle *ts, const char *s,
		     size_t a, size_t b, int font, float x, float y, float cs,
		     bool first, float blank, float ink)
{
	char *run = strndup(s + a, b - a);
	if (!run) {
		L->oom = true;
		return;
	}
	size_t i = 0, n = b - a, chars = 0;
	float w = 0;
	while (i < n) {
		uint32_t cp = brief_utf8_next(run, n, &i);
		w += brief_fontset_width(L->fonts, font, cp, ts->size);
		brief_fontset_use(L->fonts, font, cp);
		chars++;
	}
	w += cs * (float)(chars - 1);
	check(L, x + blank, y - BRIEF_DESCENT * ts->size, (ink > 0 && ink < w ? ink : w) - blank,
	      ts->size);
	add(L, (brief_box){ .kind = BRIEF_BOX_TEXT, .x = x, .y = y, .w = w,
			    .h = ts->size, .color = ts->color, .font = font,
			    .charspace = cs, .line_start = first, .text = run });
}

/* Extra space at each place a line may stretch (glue.h) that makes it
 * fill `width`; bounded so that a line broken before a long word is
 * not torn apart. */
static float spread(const brief_tstyle *ts, const brief_line *ln, float width)
{
	if (!ts->justify || ln->last || ln->nstretch == 0 || ln->width >= width)
		return 0;
	float cs = (width - ln->width) / (float)ln->nstretch;
	return cs > ts->size * 0.25f ? 0 : cs;
}

/* A run goes on while the font stays and each character sits where the
 * one before and the run's spacing put it. */
#define SAME_GAP 0.005f

typedef struct run_state {
	size_t from;            /* first byte, or SIZE_MAX: no run open */
	int font;
	float x, gap;           /* where it starts; space after each character */
	float blank;            /* its first character's blank half in the margin */
	size_t chars;
	float end;              /* where its last character ends */
	float ink;              /* and where its advance ends */
} run_state;

static void run_close(brief_layout *L, const brief_tstyle *ts, const char *s,
		      run_state *r, size_t to, float y, bool *first)
{
	if (r->from == SIZE_MAX)
		return;
	emit_run(L, ts, s, r->from, to, r->font, r->x, y, r->chars > 1 ? r->gap : 0, *first,
		 r->blank, r->ink - r->x);
	*first = false;
	r->from = SIZE_MAX;
}

void brief_lay_text_line(brief_layout *L, const brief_tstyle *ts, const char *s,
			 const brief_line *ln, float x, float y, float width)
{
	if (ln->nchars == 0)
		return;
	measure_ctx mc = { L, ts };
	brief_measure m = { char_width, &mc, ts->size };
	float *pos = malloc(2 * ln->nchars * sizeof *pos);
	if (!pos) {
		L->oom = true;
		return;
	}
	float *adv = pos + ln->nchars;
	brief_line_place(s, ln, &m, spread(ts, ln, width), pos, adv);
	run_state r = { .from = SIZE_MAX };
	bool first = true;
	size_t i = ln->start;
	for (size_t k = 0; i < ln->end; k++) {
		size_t at = i;
		uint32_t cp = brief_utf8_next(s, ln->end, &i), drawn = cp;
		int f = pick(L, ts->chain, &drawn);
		float px = x + pos[k];
		/* a blank is room, not ink */
		if (adv[k] < 0 || f < 0) {
			run_close(L, ts, s, &r, at, y, &first);
			continue;
		}
		if (drawn != cp) {
			run_close(L, ts, s, &r, at, y, &first);
			emit_run(L, ts, stand_in_utf8, 0, sizeof stand_in_utf8 - 1, f, px, y, 0,
				 first, 0, 0);
			first = false;
			continue;
		}
		if (r.from != SIZE_MAX && f == r.font &&
		    (r.chars == 1 || fabsf(px - r.end - r.gap) < SAME_GAP)) {
			if (r.chars == 1)
				r.gap = px - r.end;
		} else {
			run_close(L, ts, s, &r, at, y, &first);
			r = (run_state){ .from = at, .font = f, .x = px,
					 .blank = k == 0 && pos[0] < 0 ? -pos[0] : 0 };
		}
		r.chars++;
		float gw = brief_fontset_width(L->fonts, f, cp, ts->size);
		r.end = px + gw;
		/* the line's last mark has its blank half past the margin */
		r.ink = r.end - (i >= ln->end ? brief_glue_trail(cp, gw, ts->size) : 0);
	}
	run_close(L, ts, s, &r, ln->end, y, &first);
	free(pos);
}

float brief_lay_text_at(brief_layout *L, const brief_tstyle *ts, const char *s,
			float x, float y, float room, char align)
{
	brief_lines lines = { 0 };
	float w = 0;
	if (brief_lay_break(L, ts, s, room, &lines)) {
		L->oom = true;
	} else if (lines.n) {
		w = lines.v[0].width;
		x -= align == 'r' ? w : align == 'c' ? w / 2 : 0;
		brief_lay_text_line(L, ts, s, &lines.v[0], x, y, w);
	}
	brief_lines_free(&lines);
	return w;
}

void brief_lay_para(brief_layout *L, const brief_tstyle *ts, const char *s,
		    float indent)
{
	brief_lines lines = { 0 };
	float width = L->x1 - L->x0 - indent;
	float lh = brief_lay_line_height(L, ts->size);
	if (brief_lay_break(L, ts, s, width, &lines)) {
		L->oom = true;
		return;
	}
	for (size_t k = 0; k < lines.n; k++) {
		brief_lay_need(L, lh);
		float base = brief_lay_baseline(L->y, lh, ts->size);
		brief_lay_text_line(L, ts, s, &lines.v[k], L->x0 + indent, base, width);
		L->y -= lh;
	}
	brief_lines_free(&lines);
}

/* The bytes of a leading "[n] " marker of s, or 0. */
static size_t marker_len(const char *s)
{
	if (s[0] != '[')
		return 0;
	size_t i = 1;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 1 || s[i] != ']')
		return 0;
	i++;
	while (s[i] == ' ')
		i++;
	return i;
}

void brief_lay_entry(brief_layout *L, const brief_tstyle *ts, const char *s)
{
	size_t m = marker_len(s);
	if (!m) {
		brief_lay_para(L, ts, s, 0);
		return;
	}
	char *mark = strndup(s, m);
	if (!mark) {
		L->oom = true;
		return;
	}
	/* the marker is "[n]" and a space's worth of room, whatever follows */
	brief_tstyle plain = *ts;
	plain.justify = false;
	float hang = brief_lay_width(L, &plain, mark);
	if (mark[m - 1] != ' ')
		hang += ts->size * 0.3f;
	const char *body = s + m;
	brief_lines lines = { 0 };
	float width = L->x1 - L->x0 - hang;
	float lh = brief_lay_line_height(L, ts->size);
	if (brief_lay_break(L, ts, body, width, &lines)) {
		L->oom = true;
		free(mark);
		return;
	}
	for (size_t k = 0; k < lines.n; k++) {
		brief_lay_need(L, lh);
		float base = brief_lay_baseline(L->y, lh, ts->size);
		if (k == 0)
			brief_lay_text_at(L, &plain, mark, L->x0, base, hang, 'l');
		brief_lay_text_line(L, ts, body, &lines.v[k], L->x0 + hang, base, width);
		L->y -= lh;
	}
	brief_lines_free(&lines);
	free(mark);
}

void brief_lay_mark(brief_layout *L, int level, const char *title)
{
	if (L->nmarks == L->capmarks) {
		size_t cap = L->capmarks ? L->capmarks * 2 : 16;
		brief_mark *v = realloc(L->marks, cap * sizeof *v);
		if (!v) {
			L->oom = true;
			return;
		}
		L->marks = v;
		L->capmarks = cap;
	}
	char *t = strdup(title);
	if (!t) {
		L->oom = true;
		return;
	}
	L->marks[L->nmarks++] = (brief_mark){ level, t, (int)L->npages - 1, L->y };
}

void brief_lay_heading(brief_layout *L, int level, int mark, const char *title)
{
	const brief_style *st = L->st;
	brief_tstyle ts = { BRIEF_CHAIN_HEADING, level ? st->size_body + 1 : st->size_heading,
			    st->accent, false };
	float lh = brief_lay_line_height(L, ts.size);
	/* a heading never ends a page: keep room for it and three lines */
	brief_lay_need(L, lh + 6 + 3 * brief_lay_line_height(L, st->size_body));
	if (L->y < L->y1)
		brief_lay_space(L, level ? 4 : 8);
	brief_lay_mark(L, mark, title);
	brief_lay_para(L, &ts, title, 0);
	if (!level)
		brief_lay_rule(L, L->x0, L->y + 1, L->x1, L->y + 1, st->rule, 0.6f);
	brief_lay_space(L, 4);
}

/* A one-line text outside the body (header, footer) on page p. */
static void margin_text(brief_layout *L, size_t p, const brief_tstyle *ts,
			const char *s, float x, float y, char align)
{
	L->draw_page = (int)p;
	brief_lay_text_at(L, ts, s, x, y, L->x1 - L->x0, align);
	L->draw_page = -1;
}

void brief_lay_finish(brief_layout *L, size_t from, const char *right)
{
	const brief_style *st = L->st;
	brief_tstyle ts = { BRIEF_CHAIN_BODY, st->size_small, st->muted, false };
	float edge = 5 * 72 / 25.4f;
	float keep[4] = { L->x0, L->y0, L->x1, L->y1 };
	L->x0 = edge;
	L->y0 = edge;
	L->x1 = st->page_w - edge;
	L->y1 = st->page_h - edge;
	float head = st->page_h - st->top + st->size_small * 1.2f;
	float foot = st->bottom - st->size_small * 2.2f;
	for (size_t p = from; p < L->npages; p++) {
		char num[64];
		snprintf(num, sizeof num, "第 %zu 页 / 共 %zu 页", p + 1, L->npages);
		if (L->pages[p].label)
			margin_text(L, p, &ts, L->pages[p].label, keep[0], head, 'l');
		margin_text(L, p, &ts, right, keep[2], head, 'r');
		margin_text(L, p, &ts, num, (keep[0] + keep[2]) / 2, foot, 'c');
		L->draw_page = (int)p;
		brief_lay_rule(L, keep[0], head - st->size_small * 0.5f, keep[2],
			       head - st->size_small * 0.5f, st->rule, 0.4f);
		L->draw_page = -1;
	}
	L->x0 = keep[0];
	L->y0 = keep[1];
	L->x1 = keep[2];
	L->y1 = keep[3];
}
