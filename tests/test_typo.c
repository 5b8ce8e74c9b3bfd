/*
 * Print quality of the direct PDF, measured: the glue between
 * characters (glue.h) on its own, then glyph boxes read back from real
 * PDFs by mupdf (`mutool draw -F stext`): on the seed briefing of
 * 钱塘区 2025, on the combined book and on a fixture holding every hard
 * case, the gap at "”，" is half an em, Han and Latin sit a quarter em
 * apart, and no digit or Latin run is letter-spaced.
 */
#include <criterion/criterion.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/clean.h"
#include "render/pdf/glue.h"
#include "render/pdf/layout.h"
#include "render/pdf/linebreak.h"
#include "render/render.h"
#include "support/doc_fixture.h"
#include "support/run.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/utf8.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-typo-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
	FcFini();
}

TestSuite(typo, .init = setup, .fini = teardown, .timeout = 240);

/* ---------------------------------------------------------------- */
/* The glue, with a font whose CJK is an em and Latin half of one.   */

#define EM 10.0f

static float em_width(void *user, uint32_t cp)
{
	(void)user;
	return cp < 0x80 ? EM / 2 : EM;
}

static const brief_measure em_measure = { em_width, NULL, EM };

/* The one line `s` is set in, given room enough. */
static brief_line one_line(const char *s)
{
	brief_lines ls = { 0 };
	cr_assert_eq(brief_break_lines(s, strlen(s), 1000, &em_measure, &ls), 0);
	cr_assert_eq(ls.n, 1, "%s", s);
	brief_line l = ls.v[0];
	brief_lines_free(&ls);
	return l;
}

Test(typo, adjacent_marks_lose_a_blank_half)
{
	/* 说 ” ， 他 : the closing quote's blank half goes */
	cr_assert_float_eq(one_line("说”，他").width, 3.5f * EM, 0.01f);
	/* ：“ and （“ too, but （） has no blank between its marks */
	cr_assert_float_eq(one_line("说：“他").width, 3.5f * EM, 0.01f);
	cr_assert_float_eq(one_line("说（“他").width, 3.5f * EM, 0.01f);
	cr_assert_float_eq(one_line("说（）他").width, 4.0f * EM, 0.01f);
	/* a line ending with a stop, or starting with an opening quote */
	cr_assert_float_eq(one_line("他说。").width, 2.5f * EM, 0.01f);
	cr_assert_float_eq(one_line("“他说").width, 2.5f * EM, 0.01f);
	/* without an em (bare advances) nothing changes */
	brief_measure bare = { em_width, NULL, 0 };
	brief_lines ls = { 0 };
	cr_assert_eq(brief_break_lines("说”，他", strlen("说”，他"), 1000, &bare, &ls), 0);
	cr_assert_float_eq(ls.v[0].width, 4 * EM, 0.01f);
	brief_lines_free(&ls);
}

Test(typo, han_and_latin_a_quarter_em_apart_space_or_not)
{
	float q = BRIEF_HAN_LATIN_EM * EM;
	cr_assert_float_eq(one_line("增长5.5%").width, 2 * EM + 4 * EM / 2 + q, 0.01f);
	cr_assert_float_eq(one_line("2025年").width, 4 * EM / 2 + EM + q, 0.01f);
	/* a space there is the same quarter em, not a space and a quarter */
	cr_assert_float_eq(one_line("2025 年").width, one_line("2025年").width, 0.01f);
	cr_assert_float_eq(one_line("第 3 页").width, one_line("第3页").width, 0.01f);
	/* brackets and marks are no Latin: [1] and （2024） get none */
	cr_assert_float_eq(one_line("路[1]").width, EM + 3 * EM / 2, 0.01f);
	cr_assert_float_eq(one_line("（2024）").width, 2 * EM + 2 * EM - EM, 0.01f);
}

Test(typo, justification_never_spaces_latin_or_digits)
{
	static const char s[] = "截至2025-02-06共计ABC和https://x.cn 两项";
	brief_line l = one_line(s);
	float *pos = calloc(2 * l.nchars, sizeof *pos), *adv = pos + l.nchars;
	cr_assert_not_null(pos);
	float stretched = brief_line_place(s, &l, &em_measure, 1.0f, pos, adv);
	cr_assert_float_eq(stretched, l.width + (float)l.nstretch, 0.01f);
	size_t i = l.start, k = 0, latin_pairs = 0;
	uint32_t prev = 0;
	while (i < l.end) {
		uint32_t cp = brief_utf8_next(s, l.end, &i);
		if (k > 0 && brief_glue_latin(prev) && brief_glue_latin(cp)) {
			cr_assert_float_eq(pos[k] - pos[k - 1], adv[k - 1], 0.001f,
					   "U+%04X U+%04X spaced", prev, cp);
			latin_pairs++;
		}
		prev = cp;
		k++;
	}
	cr_assert_geq(latin_pairs, 12);
	/* the stretch went somewhere: between CJK, at the space */
	cr_assert_geq(l.nstretch, 8);
	free(pos);
}

/* ---------------------------------------------------------------- */
/* Glyph boxes of real PDFs.                                         */

typedef struct glyph {
	uint32_t cp;
	float x0, x1, y, size;
	int line;               /* mupdf's line, numbered through the file */
	int page;               /* from 1 */
} glyph;

typedef struct glyphs {
	glyph *v;
	size_t n, cap;
} glyphs;

static uint32_t attr_char(const char *c)
{
	if (!strncmp(c, "&#x", 3))
		return (uint32_t)strtoul(c + 3, NULL, 16);
	if (!strncmp(c, "&amp;", 5))
		return '&';
	if (!strncmp(c, "&lt;", 4))
		return '<';
	if (!strncmp(c, "&gt;", 4))
		return '>';
	if (!strncmp(c, "&quot;", 6))
		return '"';
	if (!strncmp(c, "&apos;", 6))
		return '\'';
	size_t i = 0;
	return brief_utf8_next(c, strlen(c), &i);
}

/* Every character mupdf finds in pdf, in its reading order. */
static void read_glyphs(const char *pdf, glyphs *g)
{
	char xml[200];
	snprintf(xml, sizeof xml, "%s.stext", pdf);
	cr_assert_eq(brief_test_sh("mutool draw -q -F stext -o %s %s 2>/dev/null", xml, pdf), 0);
	FILE *f = fopen(xml, "r");
	cr_assert_not_null(f);
	char buf[4096];
	float size = 0;
	int line = 0, page = 0;
	while (fgets(buf, sizeof buf, f)) {
		const char *p;
		if (strstr(buf, "<page "))
			page++;
		if (strstr(buf, "<line "))
			line++;
		if ((p = strstr(buf, "<font ")) && (p = strstr(p, "size=\"")))
			size = strtof(p + 6, NULL);
		if (!strstr(buf, "<char "))
			continue;
		glyph x = { .size = size, .line = line, .page = page };
		const char *q = strstr(buf, "quad=\""), *c = strstr(buf, " c=\"");
		const char *y = strstr(buf, " y=\"");
		cr_assert(q && c && y, "%s", buf);
		float qy0, qx1;
		cr_assert_eq(sscanf(q + 6, "%f %f %f", &x.x0, &qy0, &qx1), 3);
		x.x1 = qx1;
		x.y = strtof(y + 4, NULL);
		x.cp = attr_char(c + 4);
		if (g->n == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 1024;
			g->v = realloc(g->v, g->cap * sizeof *g->v);
			cr_assert_not_null(g->v);
		}
		g->v[g->n++] = x;
	}
	fclose(f);
}

static bool alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

typedef struct findings {
	size_t marks, han_latin, latin;     /* pairs measured */
} findings;

/* Each pair of neighbours on one line, measured against clreq/ctex.
 * mupdf puts a space of its own where it sees a gap: the pair is the
 * characters either side of it. */
static findings measure_pairs(const char *what, const glyphs *g)
{
	findings f = { 0 };
	const glyph *a = NULL;
	bool spaced = false;
	for (size_t i = 0; i < g->n; i++) {
		const glyph *b = &g->v[i];
		if (b->cp == ' ') {
			spaced = true;
			continue;
		}
		if (!a || a->line != b->line || fabsf(a->y - b->y) > 0.5f || a->size != b->size) {
			a = b;
			spaced = false;
			continue;
		}
		float em = a->size, gap = b->x0 - a->x1;
		bool full = a->x1 - a->x0 > 0.9f * em;
		if (a->cp == 0x201D && (b->cp == 0xFF0C || b->cp == 0x3002) && full) {
			/* "”，": half an em from the quote to the comma, not one */
			cr_assert_leq(b->x0 - a->x0, 0.6f * em, "%s: ”%s set %.2f em apart", what,
				      b->cp == 0xFF0C ? "，" : "。", (b->x0 - a->x0) / em);
			f.marks++;
		}
		if ((brief_glue_han(a->cp) && alnum(b->cp)) ||
		    (alnum(a->cp) && brief_glue_han(b->cp))) {
			/* a quarter em, plus at most what justification adds */
			cr_assert(gap > 0.2f * em && gap < 0.55f * em,
				  "%s: U+%04X U+%04X %.2f em apart", what, a->cp, b->cp, gap / em);
			f.han_latin++;
		}
		if (alnum(a->cp) && alnum(b->cp) && !spaced) {
			cr_assert_lt(fabsf(gap), 0.02f * em, "%s: '%c%c' letter-spaced by %.2f em",
				     what, (char)a->cp, (char)b->cp, gap / em);
			f.latin++;
		}
		a = b;
		spaced = false;
	}
	return f;
}

static findings measure_pdf(const char *pdf)
{
	glyphs g = { 0 };
	read_glyphs(pdf, &g);
	cr_assert_gt(g.n, 100, "%s: %zu characters", pdf, g.n);
	findings f = measure_pairs(pdf, &g);
	free(g.v);
	return f;
}

static void collect(void *user, brief_severity sev, const char *msg)
{
	brief_buf_puts(user, msg);
	brief_buf_putc(user, '\n');
	(void)sev;
}

static void write_pdf(const brief_doc *doc, const char *path)
{
	brief_buf out = BRIEF_BUF_INIT, msgs = BRIEF_BUF_INIT;
	brief_diag d = { .sink = collect, .user = &msgs };
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 1738713600 };
	cr_assert_eq(brief_render_pdf(doc, &o, &out, &d), 0, "%s", msgs.data);
	cr_assert_eq(brief_write_atomic(path, out.data, out.len, &d), 0);
	brief_buf_free(&out);
	brief_buf_free(&msgs);
}

/* The hard cases, in words of our own, as evidence sentences (set
 * justified) and as a project's name (a table cell). */
static void hard_cases(brief_doc *d)
{
	static const char *const ev[] = {
		"会上提出“三个一”，即“一张图、一本账、一清单”：到2025年底实现全覆盖，"
		"累计完成投资801.57亿元，增长15%以上，并在2025-02-06公布进度。",
		"详见网站https://www.example.org/plan/2025/index.html，编号ABC2025XYZ，"
		"共有12个片区参与“强链补链”，另有3家企业（含“专精特新”企业2家）。",
		"今年新开工项目30个、竣工项目18个，总投资超过1200亿元；其中“十五五”"
		"首批项目9个，单体投资均在10亿元以上，确保二季度全部开工。",
	};
	brief_row *r = &d->targets.v[0];
	for (size_t i = 0; i < sizeof ev / sizeof *ev; i++) {
		r->ev = realloc(r->ev, (r->nev + 1) * sizeof *r->ev);
		cr_assert_not_null(r->ev);
		r->ev[r->nev++] = (brief_evidence){ 1, strdup(ev[i]), 0 };
	}
	free(d->projects.v[0].name);
	d->projects.v[0].name = strdup("“滨海”，新区2号地块A区");
	/* the appendix lists clauses borrowed from the rows' evidence */
	brief_test_doc_appendix(d);
	cr_assert(d->nclauses >= 3, "the hard cases are in the appendix");
}

Test(typo, fixture_pdf_has_half_width_marks_and_quarter_em_gaps)
{
	brief_doc d;
	char pdf[128];
	brief_test_doc(&d);
	hard_cases(&d);
	snprintf(pdf, sizeof pdf, "%s/hard.pdf", dir);
	write_pdf(&d, pdf);
	findings f = measure_pdf(pdf);
	cr_assert_geq(f.marks, 3, "only %zu “”，” pairs measured", f.marks);
	cr_assert_geq(f.han_latin, 20, "only %zu Han–Latin pairs measured", f.han_latin);
	cr_assert_geq(f.latin, 60, "only %zu Latin pairs measured", f.latin);
	brief_doc_free(&d);
}

static void seed_db(const char *db)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0, "%s", r.err);
	brief_run_free(&r);
}

Test(typo, seed_briefing_and_combined_book_measure_alike)
{
	char db[128];
	snprintf(db, sizeof db, "%s/seed.db", dir);
	seed_db(db);
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s render 钱塘区 --year 2025 --format pdf -o %s/qt.pdf",
				    db, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s batch --year 2025 --format pdf -j 2 --out %s/b",
				    db, dir), 0, "%s", r.err);
	brief_run_free(&r);
	char pdf[160];
	snprintf(pdf, sizeof pdf, "%s/qt.pdf", dir);
	findings f = measure_pdf(pdf);
	cr_assert_geq(f.han_latin, 40, "钱塘区: %zu Han–Latin pairs", f.han_latin);
	cr_assert_geq(f.latin, 100, "钱塘区: %zu Latin pairs", f.latin);
	snprintf(pdf, sizeof pdf, "%s/b/2025/全部-合订本.pdf", dir);
	f = measure_pdf(pdf);
	cr_assert_geq(f.han_latin, 100, "book: %zu Han–Latin pairs", f.han_latin);
}

/* ---------------------------------------------------------------- */
/* LaTeX: xelatex's log and the page breaks of its PDFs.             */

#include "render/latex/texc.h"

/* Renders and compiles d (brief's own two-pass compile); the warnings
 * it gave in *msgs. */
static void compile_doc(const brief_doc *d, const char *pdf, brief_buf *msgs)
{
	brief_buf tex = BRIEF_BUF_INIT;
	brief_diag diag = { .sink = collect, .user = msgs };
	brief_render_opts o = { .format = BRIEF_FMT_TEX, .epoch = 1738713600 };
	cr_assert_eq(brief_render_tex(d, &o, &tex, &diag), 0, "%s", msgs->data);
	cr_assert_eq(brief_tex_compile(tex.data, tex.len, pdf, 1738713600, &diag), 0, "%s",
		     msgs->data);
	brief_buf_free(&tex);
}

/* Characters Fandol lacks, long Latin labels, file names, numbers with
 * units at every place a line may end. */
static void latex_hard_cases(brief_doc *d)
{
	hard_cases(d);
	brief_row *r = &d->targets.v[0];
	free(r->indicator);
	r->indicator = strdup("龘形①号地块Ⅻ区新增绿地120㎡以上的标准化厂房建设面积（含配套）");
	free(d->projects.v[1].name);
	d->projects.v[1].name = strdup("ZJ-QT-2025-INDUSTRIAL-PARK-PHASE-II-EXTENSION 产业园二期项目");
	free(d->sources[0].file);
	d->sources[0].file = strdup("000_851db24ed264abd6_qiantang_district_2025_annual_plan.txt");
}

Test(typo, latex_draws_what_fandol_lacks_and_nothing_overruns)
{
	brief_doc d;
	char pdf[128];
	brief_test_doc(&d);
	latex_hard_cases(&d);
	snprintf(pdf, sizeof pdf, "%s/hard-tex.pdf", dir);
	brief_buf msgs = BRIEF_BUF_INIT;
	compile_doc(&d, pdf, &msgs);
	/* no missing character, no line over 1 pt too wide: no warning */
	cr_assert_eq(msgs.len, 0, "%s", msgs.data);
	cr_assert_eq(brief_test_sh("pdftotext %s - | tr -d ' \\n' | grep -q '龘形①号地块Ⅻ区'", pdf), 0,
		     "the characters Fandol lacks are not in the PDF");
	brief_buf_free(&msgs);
	brief_doc_free(&d);
}

Test(typo, latex_reports_a_character_no_font_has)
{
	brief_doc d;
	char pdf[128];
	brief_test_doc(&d);
	free(d.projects.v[0].name);
	d.projects.v[0].name = strdup("\xF0\xAA\x9A\xB2湾产业园");   /* U+2A6B2 */
	snprintf(pdf, sizeof pdf, "%s/astral-tex.pdf", dir);
	brief_buf msgs = BRIEF_BUF_INIT;
	compile_doc(&d, pdf, &msgs);
	cr_assert(msgs.data && strstr(msgs.data, "(U+2A6B2)"), "not reported: %s", msgs.data);
	/* named once, however often it occurs */
	cr_assert_eq(brief_test_count(msgs.data, "U+2A6B2"), 1, "%s", msgs.data);
	brief_buf_free(&msgs);
	brief_doc_free(&d);
}

/* Section headings of a ctex PDF (sans, FandolHei, larger than the body) and
 * the body lines below each on its page, from mupdf's glyph boxes. */
static void headings_not_stranded(const char *pdf, size_t *headings)
{
	char xml[200];
	snprintf(xml, sizeof xml, "%s.stext", pdf);
	cr_assert_eq(brief_test_sh("mutool draw -q -F stext -o %s %s 2>/dev/null", xml, pdf), 0);
	FILE *f = fopen(xml, "r");
	cr_assert_not_null(f);
	char buf[4096];
	int page = 0, head_page = -1, below = 0;
	float line_y = 0, head_y = 0;
	/* the text area ends 2.2 cm above the foot of an A4 page */
	const float body_end = 841.89f - 62.36f;
	while (fgets(buf, sizeof buf, f)) {
		const char *p;
		if (strstr(buf, "<page ")) {
			cr_assert(head_page < 0 || below >= 2, "%s: a heading ends page %d", pdf,
				  head_page);
			page++;
			head_page = -1;
		}
		if ((p = strstr(buf, "<line bbox=\""))) {
			float x0, y0, x1, y1;
			sscanf(p + 12, "%f %f %f %f", &x0, &y0, &x1, &y1);
			line_y = y1;
			if (head_page == page && y0 > head_y + 1 && y1 < body_end)
				below++;
		}
		if ((p = strstr(buf, "<font name=\"")) && strstr(p, "Hei") &&
		    (p = strstr(p, "size=\"")) && strtof(p + 6, NULL) > 13) {
			if (head_page == page && below < 2)
				continue;       /* the number and title of one heading */
			cr_assert(head_page < 0 || below >= 2, "%s: a heading on page %d has %d lines",
				  pdf, head_page, below);
			head_page = page;
			head_y = line_y;
			below = 0;
			(*headings)++;
		}
	}
	fclose(f);
}

Test(typo, latex_headings_keep_two_lines_of_what_follows, .timeout = 600)
{
	size_t headings = 0;
	/* projects tables of growing length move every later heading
	 * through every place on its page */
	for (size_t extra = 14; extra < 30; extra += 2) {
		brief_doc d;
		char pdf[128];
		brief_test_doc_long(&d, extra);
		snprintf(pdf, sizeof pdf, "%s/long%zu.pdf", dir, extra);
		brief_buf msgs = BRIEF_BUF_INIT;
		compile_doc(&d, pdf, &msgs);
		cr_assert_eq(msgs.len, 0, "%s", msgs.data);
		headings_not_stranded(pdf, &headings);
		brief_buf_free(&msgs);
		brief_doc_free(&d);
	}
	cr_assert_geq(headings, 40, "only %zu headings seen", headings);
}

Test(typo, latex_book_log_is_clean, .timeout = 300)
{
	char db[128];
	snprintf(db, sizeof db, "%s/seed.db", dir);
	seed_db(db);
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s batch --year 2025 --format tex --out %s/t", db, dir),
		     0, "%s", r.err);
	char tex[160], pdf[160];
	snprintf(tex, sizeof tex, "%s/t/2025/全部-合订本.tex", dir);
	snprintf(pdf, sizeof pdf, "%s/book.pdf", dir);
	size_t n;
	char *src = brief_read_file(tex, &n);
	cr_assert_not_null(src);
	brief_buf msgs = BRIEF_BUF_INIT;
	brief_diag diag = { .sink = collect, .user = &msgs };
	cr_assert_eq(brief_tex_compile(src, n, pdf, 1738713600, &diag), 0, "%s", msgs.data);
	cr_assert_eq(msgs.len, 0, "%s", msgs.data);
	/* the footer counts the pages, as the direct PDF's does */
	cr_assert_eq(brief_test_sh("pdftotext -f 3 -l 3 %s - | grep -q '第 *[0-9]* *页 */ *共 *[0-9][0-9]* *页'",
				   pdf), 0);
	free(src);
	brief_buf_free(&msgs);
	brief_run_free(&r);
}

/* ---------------------------------------------------------------- */
/* ASCII marks in Chinese text become full-width in the clean text.  */

static char *cleaned(brief_cleaner *c, const char *s)
{
	brief_cleaned out;
	cr_assert_eq(brief_clean(c, s, strlen(s), NULL, 0, &out), 0);
	char *r = strdup(out.orig);
	brief_cleaned_free(&out);
	return r;
}

Test(typo, ascii_marks_between_han_become_full_width)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "加快产业升级,着力扩大内需", "加快产业升级，着力扩大内需\n" },
		{ "加快产业升级, 着力扩大内需;稳住外贸", "加快产业升级，着力扩大内需；稳住外贸\n" },
		{ "提出“三个一”:一张图", "提出“三个一”：一张图\n" },
		{ "推动县(市)协同,你说呢?好!", "推动县（市）协同，你说呢？好！\n" },
		/* figures, Latin and Latin in brackets keep theirs */
		{ "增长5.5%,6%以上", "增长5.5%,6%以上\n" },
		{ "据悉(GDP)增速:5.5%", "据悉(GDP)增速:5.5%\n" },
		{ "Hello, world (2025)", "Hello, world (2025)\n" },
		/* a parenthesis without its pair stays */
		{ "全区(含开发区", "全区(含开发区\n" },
	};
	brief_cleaner *c = brief_cleaner_new();
	cr_assert_not_null(c);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *r = cleaned(c, cases[i].in);
		cr_assert_str_eq(r, cases[i].out, "%s", cases[i].in);
		free(r);
	}
	brief_cleaner_free(c);
}

/* ---------------------------------------------------------------- */
/* Numbered entries hang.                                            */

static void quiet(void *user, brief_severity sev, const char *msg)
{
	(void)user;
	(void)sev;
	(void)msg;
}

Test(typo, numbered_entries_hang_under_their_text)
{
	brief_diag d = { .sink = quiet };
	brief_style st;
	cr_assert_eq(brief_style_load(NULL, &st, &d), 0);
	brief_fontset *fs = brief_fontset_open(&st, &d);
	cr_assert_not_null(fs);
	brief_layout L;
	brief_layout_init(&L, &st, fs);
	brief_tstyle ts = { BRIEF_CHAIN_BODY, 9, { 0, 0, 0 }, true };
	brief_lay_entry(&L, &ts, "[12] 重点项目·临江科创园：杭州钱塘枢纽站房工程、钱塘高铁新城道路工程、"
			"临江科创园、下沙公租房一期项目、义蓬片区人才专项租赁住房项目等重点工程也将有序复工，"
			"全年计划完成投资超过1200亿元，其中产业项目投资占比不低于60%。");
	cr_assert_eq(L.overflow, 0);
	const brief_page *pg = &L.pages[0];
	float text_x = -1;
	size_t lines = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const brief_box *b = &pg->v[i];
		if (b->kind != BRIEF_BOX_TEXT || !b->line_start)
			continue;
		if (!strncmp(b->text, "[12]", 4)) {
			cr_assert_float_eq(b->x, L.x0, 0.01f, "the marker starts at the margin");
			continue;
		}
		if (text_x < 0)
			text_x = b->x;  /* the first line's text, after the marker */
		cr_assert_float_eq(b->x, text_x, 0.01f, "line %zu starts at %.1f, not under the text",
				   lines, b->x);
		lines++;
	}
	cr_assert_geq(lines, 3, "%zu lines", lines);
	cr_assert_gt(text_x, L.x0 + ts.size, "no hanging indent");
	brief_layout_free(&L);
	brief_fontset_free(fs);
	brief_style_free(&st);
}

/* ---------------------------------------------------------------- */
/* Citations: superscript markers in running text, one 来源 column.  */

/* The rows of page `page` of pdf, in points from the top, that have
 * ink between x0 and x1 and between y0 and y1 (rendered at 288 dpi):
 * *top and *bottom, false when there is none. */
static bool ink_rows(const char *pdf, int page, float x0, float y0, float x1, float y1,
		     float *top, float *bottom)
{
	const float k = 4;      /* pixels a point */
	char pgm[200];
	snprintf(pgm, sizeof pgm, "%s.ink", pdf);
	cr_assert_eq(brief_test_sh("pdftoppm -r 288 -gray -singlefile -f %d -l %d -x %d -y %d "
				   "-W %d -H %d %s %s", page, page, (int)(x0 * k), (int)(y0 * k),
				   (int)((x1 - x0) * k), (int)((y1 - y0) * k), pdf, pgm), 0);
	char file[220];
	snprintf(file, sizeof file, "%s.pgm", pgm);
	size_t n;
	char *img = brief_read_file(file, &n);
	cr_assert_not_null(img, "%s", file);
	int w, h, max, off = 0;
	cr_assert_eq(sscanf(img, "P5 %d %d %d%n", &w, &h, &max, &off), 3);
	const unsigned char *px = (const unsigned char *)img + off + 1;
	int first = -1, last = -1;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w && (size_t)(off + 1 + y * w + x) < n; x++)
			if (px[y * w + x] < 128) {
				if (first < 0)
					first = y;
				last = y;
				break;
			}
	free(img);
	*top = y0 + (float)first / k;
	*bottom = y0 + (float)(last + 1) / k;
	return first >= 0;
}

/* ¹ after "5.5%" in 要点: inked smaller than the digit before it and
 * raised off the baseline, as ctex's \textsuperscript sets it. */
static size_t superscripts_measured(const char *pdf)
{
	glyphs g = { 0 };
	read_glyphs(pdf, &g);
	size_t n = 0;
	for (size_t i = 2; i < g.n; i++) {
		const glyph *d = &g.v[i - 2], *pct = &g.v[i - 1], *sup = &g.v[i];
		if (sup->cp != 0xB9 || pct->cp != '%' || d->cp < '0' || d->cp > '9' ||
		    d->line != sup->line)
			continue;
		float dt, db, st, sb;
		float top = d->y - d->size, bot = d->y + 0.3f * d->size;
		cr_assert(ink_rows(pdf, d->page, d->x0, top, d->x1, bot, &dt, &db));
		cr_assert(ink_rows(pdf, sup->page, sup->x0, top, sup->x1, bot, &st, &sb));
		float digit = db - dt;
		cr_assert_lt(sb - st, 0.75f * digit, "%s: the marker's ink is %.1f pt tall, "
			     "the digit's %.1f", pdf, sb - st, digit);
		cr_assert_lt(sb, db - 0.3f * digit, "%s: the marker sits on the baseline", pdf);
		cr_assert_leq(fabsf(st - dt), 0.2f * digit, "%s: the marker's top is not the "
			      "digit's", pdf);
		n++;
	}
	free(g.v);
	return n;
}

/* A line of pdftotext's text holding "[n]" is a numbered entry (it
 * starts with one) or a table row whose last cell, 来源, holds them all. */
static void sources_last(const char *pdf, size_t *rows)
{
	char txt[200];
	snprintf(txt, sizeof txt, "%s.txt", pdf);
	cr_assert_eq(brief_test_sh("pdftotext -enc UTF-8 %s %s", pdf, txt), 0);
	size_t n;
	char *s = brief_read_file(txt, &n);
	cr_assert_not_null(s);
	cr_assert_null(strstr(s, "约束"), "%s: a header still says 约束", pdf);
	for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
		char *b = strchr(line, '[');
		if (!b || (line[0] == '[' && line[1] >= '0' && line[1] <= '9'))
			continue;
		char *cell = strrchr(line, ' ');
		cr_assert_not_null(cell, "%s: a citation inside text: %s", pdf, line);
		cr_assert_geq(b, cell, "%s: \"[\" before the last cell: %s", pdf, line);
		for (char *p = cell + 1; *p; p++)
			cr_assert(strchr("[]0123456789", *p), "%s: the last cell is not sources: %s",
				  pdf, line);
		(*rows)++;
	}
	free(s);
}

Test(typo, citations_are_raised_markers_and_every_table_has_one_source_column)
{
	char db[128], pdf[200];
	snprintf(db, sizeof db, "%s/cite.db", dir);
	seed_db(db);
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s render 钱塘区 --year 2025 --format pdf -o %s/c1.pdf",
				    db, dir), 0, "%s", r.err);
	/* 余杭区 2025 has 目标完成情况 */
	cr_assert_eq(brief_test_run(&r, "--db %s render 余杭区 --year 2025 --format pdf -o %s/c2.pdf",
				    db, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s batch --year 2025 --format pdf -j 2 --out %s/cb",
				    db, dir), 0, "%s", r.err);
	brief_run_free(&r);
	snprintf(pdf, sizeof pdf, "%s/c1.pdf", dir);
	cr_assert_geq(superscripts_measured(pdf), 1, "no ¹ after a figure in 钱塘区");
	cr_assert_eq(brief_test_sh("pdftotext %s - | grep -q '集成电路¹ ²、大飞机¹ ²'", pdf), 0,
		     "the clusters' markers");
	size_t rows = 0;
	sources_last(pdf, &rows);
	snprintf(pdf, sizeof pdf, "%s/c2.pdf", dir);
	cr_assert_eq(brief_test_sh("pdftotext %s - | grep -q '^指标 年份 目标 实绩 结果 来源$'", pdf),
		     0, "目标完成情况 without its 来源 column");
	cr_assert_eq(brief_test_sh("pdftotext %s - | grep -q '^指标 目标 表述 来源$'", pdf), 0);
	sources_last(pdf, &rows);
	snprintf(pdf, sizeof pdf, "%s/cb/2025/全部-合订本.pdf", dir);
	cr_assert_geq(superscripts_measured(pdf), 3, "the book's markers");
	sources_last(pdf, &rows);
	cr_assert_geq(rows, 60, "only %zu rows with sources", rows);
}
