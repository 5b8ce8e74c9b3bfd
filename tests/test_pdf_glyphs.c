/*
 * Glyph coverage: every distinct character of the seed briefings is
 * drawn in its own grid cell with each of the four Debian CJK TrueType
 * fonts, the PDF is rasterised (pdftoppm), and every cell must have
 * ink. This is what catches libharu 2.3.0's silent loss of composite
 * glyphs (Droid Sans Fallback, WenQuanYi Micro Hei) and characters a
 * font lacks that would otherwise draw blank.
 */
#include <criterion/criterion.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "render/pdf/pdfout.h"
#include "render/render.h"
#include "support/run.h"
#include "util/fsutil.h"
#include "util/utf8.h"

#define SIZE 16.0f
#define PITCH 24.0f
#define DPI 144         /* two pixels a point: thin strokes (-, ·) stay dark */
#define PX (DPI / 72.0f)

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-glyphs-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
	FcFini();
}

TestSuite(glyphs, .init = setup, .fini = teardown, .timeout = 300);

static void quiet(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

static void add_text(hb_set_t *set, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp = brief_utf8_next(s, len, &i);
		if (cp > 0x20 && cp != 0x3000 && cp != 0xFFFD)
			hb_set_add(set, cp);
	}
}

/* The characters of every seed briefing, as text, and the style's words. */
static hb_set_t *seed_chars(void)
{
	static const char *const seeds[] = { "330114", "330110", "330102", "330105", "330109",
					     "330106", "330108", "330113", "330300", "330500",
					     "330100" };
	brief_run r = { 0 };
	char db[128];
	snprintf(db, sizeof db, "%s/g.db", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	brief_run_free(&r);
	brief_diag d = { .sink = quiet };
	brief_db *h = brief_db_open(db, &d);
	hb_set_t *set = hb_set_create();
	for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
		brief_doc doc;
		brief_buf b = BRIEF_BUF_INIT;
		cr_assert_eq(brief_aggregate(h, seeds[i], 0, &doc, &d), 0);
		cr_assert_eq(brief_render_text(&doc, &b), 0);
		add_text(set, b.data, b.len);
		brief_buf_free(&b);
		brief_doc_free(&doc);
	}
	size_t n;
	const char *style = brief_read_file("templates/style.conf", &n);
	add_text(set, style, n);
	free((void *)style);
	brief_db_close(h);
	return set;
}

typedef struct cell {
	int page;
	float x, y;
	uint32_t cp;
} cell;

/* One character per cell, PITCH apart; returns how many cells. */
static size_t lay_grid(brief_layout *L, hb_set_t *chars, cell *cells)
{
	brief_tstyle ts = { BRIEF_CHAIN_BODY, SIZE, { 0, 0, 0 }, false };
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	size_t n = 0;
	float x = L->x0, y = L->y1 - PITCH;
	brief_lay_newpage(L);
	while (hb_set_next(chars, &cp)) {
		char s[8] = { 0 };
		brief_buf b = BRIEF_BUF_INIT;
		brief_buf_put_cp(&b, cp);
		memcpy(s, b.data, b.len);
		brief_line ln = { .start = 0, .end = b.len, .width = SIZE, .nchars = 1, .last = true };
		brief_buf_free(&b);
		if (x + PITCH > L->x1) {
			x = L->x0;
			y -= PITCH;
		}
		if (y < L->y0) {
			brief_lay_newpage(L);
			y = L->y1 - PITCH;
		}
		brief_lay_text_line(L, &ts, s, &ln, x, y, SIZE);
		cells[n++] = (cell){ (int)L->npages, x, y, cp };
		x += PITCH;
	}
	return n;
}

typedef struct pgm {
	int w, h;
	char *buf;
	unsigned char *px;
} pgm;

static pgm read_pgm(const char *path)
{
	size_t len;
	char *s = brief_read_file(path, &len);
	pgm p = { .buf = s };
	int off = 0;
	cr_assert_not_null(s, "%s", path);
	cr_assert_eq(sscanf(s, "P5 %d %d 255%n", &p.w, &p.h, &off), 2, "%s", path);
	p.px = (unsigned char *)s + off + 1;
	cr_assert_geq(len, (size_t)(off + 1) + (size_t)p.w * (size_t)p.h);
	return p;
}

static bool inked(const pgm *p, const cell *c, float page_h)
{
	int x0 = (int)(c->x * PX) - 1, x1 = (int)((c->x + SIZE) * PX) + 2;
	int y0 = (int)((page_h - c->y - SIZE) * PX), y1 = (int)((page_h - c->y + SIZE * 0.3f) * PX);
	for (int y = y0 < 0 ? 0 : y0; y < y1 && y < p->h; y++)
		for (int x = x0 < 0 ? 0 : x0; x < x1 && x < p->w; x++)
			if (p->px[y * p->w + x] < 160)
				return true;
	return false;
}

static void coverage(const char *family)
{
	brief_diag d = { .sink = quiet };
	brief_style st;
	cr_assert_eq(brief_style_load(NULL, &st, &d), 0);
	free(st.font_body);
	free(st.font_heading);
	free(st.latin_body);
	free(st.latin_heading);
	st.font_body = strdup(family);
	st.font_heading = strdup(family);
	st.latin_body = st.latin_heading = NULL;
	brief_fontset *fs = brief_fontset_open(&st, &d);
	cr_assert_not_null(fs, "%s is not installed (make deps)", family);
	hb_set_t *chars = seed_chars();
	cell *cells = calloc(hb_set_get_population(chars), sizeof *cells);
	brief_layout L;
	brief_layout_init(&L, &st, fs);
	size_t n = lay_grid(&L, chars, cells);
	cr_assert_gt(n, 300, "only %zu distinct characters", n);
	cr_assert_eq(L.overflow, 0);
	brief_buf out = BRIEF_BUF_INIT;
	brief_pdf_info info = { family, NULL, NULL, 0 };
	cr_assert_eq(brief_pdf_write(&L, &info, &out, &d), 0);
	char pdf[160];
	snprintf(pdf, sizeof pdf, "%s/grid.pdf", dir);
	cr_assert_eq(brief_write_atomic(pdf, out.data, out.len, &d), 0);
	cr_assert_eq(brief_test_sh("rm -f %s/grid-*.pgm && pdftoppm -r %d -gray %s %s/grid", dir,
				   DPI, pdf, dir), 0);
	pgm p = { 0 };
	for (size_t i = 0, page = 0; i < n; i++) {
		if ((size_t)cells[i].page != page) {
			char path[160];
			page = (size_t)cells[i].page;
			free(p.buf);
			snprintf(path, sizeof path, "%s/grid-%zu.pgm", dir, page);
			p = read_pgm(path);
		}
		cr_assert(inked(&p, &cells[i], st.page_h), "%s: U+%04X draws blank", family,
			  cells[i].cp);
	}
	free(p.buf);
	free(cells);
	brief_buf_free(&out);
	hb_set_destroy(chars);
	brief_layout_free(&L);
	brief_fontset_free(fs);
	brief_style_free(&st);
}

Test(glyphs, ar_pl_uming) { coverage("AR PL UMing CN"); }
Test(glyphs, wenquanyi_zen_hei) { coverage("WenQuanYi Zen Hei"); }
Test(glyphs, wenquanyi_micro_hei) { coverage("WenQuanYi Micro Hei"); }
Test(glyphs, droid_sans_fallback) { coverage("Droid Sans Fallback"); }
