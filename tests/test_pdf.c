/*
 * Direct PDF briefings: line breaking (UAX #14 + kinsoku + units), the
 * layout's own checks on the seed briefings, and real PDFs read back by
 * qpdf, pdffonts, poppler and mupdf: every fact's text recoverable,
 * fonts embedded and subset, glyphs inked for each Debian CJK font,
 * tables split with their header repeated, identical bytes twice.
 */
#include <criterion/criterion.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "render/format.h"
#include "render/pdf/pdf.h"
#include "render/pdf/pdfout.h"
#include "render/render.h"
#include "support/doc_fixture.h"
#include "support/run.h"
#include "util/fsutil.h"
#include "util/utf8.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-pdf-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
	FcFini();
}

TestSuite(pdf, .init = setup, .fini = teardown, .timeout = 300);

static void collect(void *user, brief_severity sev, const char *msg)
{
	if (user) {
		brief_buf_puts(user, msg);
		brief_buf_putc(user, '\n');
	}
	(void)sev;
}

/* ---------------------------------------------------------------- */
/* Line breaking.                                                    */

static float fixed_width(void *user, uint32_t cp)
{
	(void)user;
	return cp < 0x80 ? 5 : 10;
}

/* Bare advances, no glue: the breaking rules alone. */
static const brief_measure fixed = { fixed_width, NULL, 0 };

static uint32_t first_cp(const char *s, size_t a, size_t b)
{
	return brief_utf8_next(s, b, &a);
}

static uint32_t last_cp(const char *s, size_t a, size_t b)
{
	size_t i = brief_utf8_prev(s, b);
	(void)a;
	return brief_utf8_next(s, b, &i);
}

/* No quantity of the text may be cut between two lines. */
static void quantities_whole(const char *s, const brief_lines *ls, const char *const *q)
{
	for (; *q; q++) {
		const char *at = strstr(s, *q);
		cr_assert_not_null(at, "%s", *q);
		size_t a = (size_t)(at - s), b = a + strlen(*q);
		for (size_t k = 0; k + 1 < ls->n; k++)
			cr_assert(ls->v[k].end <= a || ls->v[k].end >= b,
				  "'%s' cut at line %zu", *q, k);
	}
}

Test(pdf, lines_obey_kinsoku_and_keep_numbers_with_units)
{
	static const char text[] =
		"全年地区生产总值增长5.5%左右，规上工业总产值突破2200亿元；"
		"新建5G基站1200个，（含“千亿级”集群）完成固定资产投资801.57亿元。"
		"实施“十四五”规划，推动“链长制”落地：引育国家级专精特新“小巨人”企业20家！"
		/* UAX #14 breaks before ～ and —, kinsoku does not */
		"增速区间六～八，今年——明年见效～～见效。";
	static const char *const quantities[] = { "5.5%", "2200亿元", "801.57亿元",
						  "1200个", "20家", NULL };
	size_t len = strlen(text);
	/* from the widest unbreakable piece, "801.57亿元。" */
	for (float w = 60; w <= 400; w += 5) {
		brief_lines ls = { 0 };
		cr_assert_eq(brief_break_lines(text, len, w, &fixed, &ls), 0);
		cr_assert_gt(ls.n, 0);
		for (size_t k = 0; k < ls.n; k++) {
			const brief_line *l = &ls.v[k];
			cr_assert_leq(l->width, w + 0.01f, "line %zu at %g", k, w);
			if (k > 0)
				cr_assert(!brief_kinsoku_no_start(first_cp(text, l->start, l->end)),
					  "line %zu at width %g starts with a closing mark", k, w);
			if (k + 1 < ls.n)
				cr_assert(!brief_kinsoku_no_end(last_cp(text, l->start, l->end)),
					  "line %zu at width %g ends with an opening mark", k, w);
		}
		quantities_whole(text, &ls, quantities);
		/* nothing lost: the lines cover the text but for blanks */
		cr_assert_eq(ls.v[0].start, 0);
		cr_assert_eq(ls.v[ls.n - 1].end, len);
		brief_lines_free(&ls);
	}
}

Test(pdf, newlines_end_paragraphs_and_long_words_are_cut)
{
	static const char text[] = "第一段。\n第二段 https://www.hzqt.gov.cn/art/2025/2/6/art_1229_1.html";
	brief_lines ls = { 0 };
	cr_assert_eq(brief_break_lines(text, strlen(text), 100, &fixed, &ls), 0);
	cr_assert(ls.v[0].last, "a newline ends a paragraph");
	cr_assert_eq(ls.v[0].end - ls.v[0].start, strlen("第一段。"));
	for (size_t k = 0; k < ls.n; k++)
		cr_assert_leq(ls.v[k].width, 100.01f);
	cr_assert(ls.v[ls.n - 1].last);
	brief_lines_free(&ls);
}

/* ---------------------------------------------------------------- */
/* The layout of every seed briefing.                                */

static const char *const seed_regions[][2] = {
	{ "330114", "2025" }, { "330110", "2024" }, { "330110", "2025" },
	{ "330102", "2025" }, { "330105", "2025" }, { "330109", "2025" },
	{ "330106", "2025" }, { "330108", "2025" }, { "330113", "2025" },
	{ "330300", "2024" }, { "330500", "2024" }, { "330100", "2024" },
};
#define NSEEDS (sizeof seed_regions / sizeof seed_regions[0])

static brief_db *seed_db(const char *name)
{
	brief_run r = { 0 };
	char db[128];
	snprintf(db, sizeof db, "%s/%s.db", dir, name);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0, "%s", r.err);
	brief_run_free(&r);
	brief_diag d = { 0 };
	brief_db *h = brief_db_open(db, &d);
	cr_assert_not_null(h);
	return h;
}

/* Text boxes of one page, in order: a line is the boxes from one
 * line_start to the next. */
static void page_kinsoku(const brief_page *pg)
{
	const brief_box *prev = NULL;
	for (size_t i = 0; i < pg->n; i++) {
		const brief_box *b = &pg->v[i];
		if (b->kind != BRIEF_BOX_TEXT)
			continue;
		size_t len = strlen(b->text), k = 0;
		/* a cell holding only the missing-value dash is no broken line */
		if (b->line_start && strcmp(b->text, BRIEF_MISSING) != 0) {
			uint32_t cp = brief_utf8_next(b->text, len, &k);
			cr_assert(!brief_kinsoku_no_start(cp), "a line starts with '%s'", b->text);
			if (prev) {
				size_t e = brief_utf8_prev(prev->text, strlen(prev->text));
				uint32_t last = brief_utf8_next(prev->text, strlen(prev->text), &e);
				cr_assert(!brief_kinsoku_no_end(last), "a line ends with '%s'", prev->text);
			}
		}
		prev = b;
	}
}

Test(pdf, seed_briefings_stay_inside_their_boxes)
{
	brief_db *db = seed_db("layout");
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 1738713600 };
	for (size_t i = 0; i < NSEEDS; i++) {
		brief_diag d = { 0 };
		brief_doc doc;
		cr_assert_eq(brief_aggregate(db, seed_regions[i][0], atoi(seed_regions[i][1]),
					     &doc, &d), 0);
		brief_pdfctx c;
		cr_assert_eq(brief_pdfctx_open(&c, &o, &d), 0);
		c.L.label = doc.region;
		brief_pdf_briefing(&c, &doc, false);
		brief_lay_finish(&c.L, 0, c.date);
		cr_assert_eq(c.L.overflow, 0, "%s %s: %zu boxes outside the page body",
			     seed_regions[i][0], seed_regions[i][1], c.L.overflow);
		cr_assert_geq(c.L.nmarks, 6, "bookmarks for the sections");
		for (size_t p = 0; p < c.L.npages; p++)
			page_kinsoku(&c.L.pages[p]);
		brief_pdfctx_close(&c);
		brief_doc_free(&doc);
	}
	brief_db_close(db);
}

/* ---------------------------------------------------------------- */
/* Real PDFs.                                                        */

static char *slurp(const char *path)
{
	size_t n;
	char *s = brief_read_file(path, &n);
	cr_assert_not_null(s, "%s", path);
	return s;
}

/* The text a reader extracts, with all white space removed. */
static char *reader_text(const char *pdf, const char *tool)
{
	char txt[160];
	snprintf(txt, sizeof txt, "%s.%s.txt", pdf, tool);
	if (!strcmp(tool, "mutool"))
		/* Debian's mupdf is built without ICC: that notice is no finding */
		cr_assert_eq(brief_test_sh("mutool draw -q -F txt -o %s %s 2>&1 | "
					   "grep -v 'ICC support is not available' >%s.err; true",
					   txt, pdf, txt), 0);
	else
		cr_assert_eq(brief_test_sh("pdftotext -enc UTF-8 %s %s 2>%s.err", pdf, txt, txt), 0);
	char errf[200];
	snprintf(errf, sizeof errf, "%s.err", txt);
	char *err = slurp(errf);
	cr_assert_str_empty(err, "%s warns: %s", tool, err);
	free(err);
	char *s = slurp(txt), *w = s;
	for (char *r = s; *r; r++)
		if (*r != ' ' && *r != '\n' && *r != '\f' && *r != '\r')
			*w++ = *r;
	*w = '\0';
	return s;
}

static void has(const char *text, const char *what, const char *tool)
{
	char buf[512];
	size_t k = 0;
	for (const char *p = what; *p && k + 1 < sizeof buf; p++)
		if (*p != ' ')
			buf[k++] = *p;
	buf[k] = '\0';
	cr_assert_not_null(strstr(text, buf), "%s: '%s' is not in the text", tool, what);
}

static void rows_readable(const char *text, const brief_rows *rs, const char *tool)
{
	for (size_t i = 0; i < rs->n; i++) {
		const brief_row *r = &rs->v[i];
		char v[64];
		if (r->indicator)
			has(text, r->indicator, tool);
		if (r->name)
			has(text, r->name, tool);
		if (r->has_value) {
			brief_format_value(v, sizeof v, r);
			has(text, v, tool);
		}
		if (r->has_investment) {
			snprintf(v, sizeof v, "%g", r->investment_yi);
			has(text, v, tool);
		}
	}
}

static void model_readable(const char *pdf, const brief_doc *d)
{
	static const char *const tools[] = { "pdftotext", "mutool" };
	for (size_t t = 0; t < 2; t++) {
		char *text = reader_text(pdf, tools[t]);
		has(text, d->region, tools[t]);
		rows_readable(text, &d->targets, tools[t]);
		rows_readable(text, &d->actuals, tools[t]);
		rows_readable(text, &d->projects, tools[t]);
		rows_readable(text, &d->clusters, tools[t]);
		for (size_t i = 0; i < d->ncompare; i++)
			for (size_t j = 0; j < d->compare[i].n; j++)
				has(text, d->compare[i].v[j].region, tools[t]);
		has(text, "页/共", tools[t]);
		free(text);
	}
}

static void write_pdf(const brief_doc *doc, const char *path)
{
	brief_buf out = BRIEF_BUF_INIT;
	brief_buf msgs = BRIEF_BUF_INIT;
	brief_diag d = { .sink = collect, .user = &msgs };
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 1738713600 };
	cr_assert_eq(brief_render_pdf(doc, &o, &out, &d), 0, "%s", msgs.data);
	cr_assert_eq(d.nwarnings, 0, "%s", msgs.data);
	cr_assert_eq(brief_write_atomic(path, out.data, out.len, &d), 0);
	brief_buf_free(&out);
	brief_buf_free(&msgs);
}

/* qpdf --check clean, every font embedded and subset with a ToUnicode map. */
static void structure_ok(const char *pdf)
{
	cr_assert_eq(brief_test_sh("qpdf --check %s >%s.qpdf 2>&1", pdf, pdf), 0);
	cr_assert_eq(brief_test_sh("grep -q 'No syntax or stream encoding errors' %s.qpdf", pdf), 0);
	cr_assert_eq(brief_test_sh("! grep -qi 'warning' %s.qpdf", pdf), 0);
	cr_assert_eq(brief_test_sh("pdffonts %s > %s.fonts 2>&1", pdf, pdf), 0);
	/* name type encoding emb sub uni id: all three "yes" on every font */
	cr_assert_eq(brief_test_sh("test $(tail -n +3 %s.fonts | wc -l) -ge 1 && "
				   "! tail -n +3 %s.fonts | grep -v 'CID TrueType *Identity-H *yes yes yes'",
				   pdf, pdf), 0, "a font not embedded, subset and mapped");
}

Test(pdf, model_is_valid_and_every_fact_reads_back)
{
	brief_doc d;
	char pdf[128];
	brief_test_doc(&d);
	snprintf(pdf, sizeof pdf, "%s/model.pdf", dir);
	write_pdf(&d, pdf);
	structure_ok(pdf);
	model_readable(pdf, &d);
	char *text = reader_text(pdf, "pdftotext");
	has(text, "来源不一致", "pdftotext");
	has(text, "与同级区县对比", "pdftotext");
	has(text, "数据依据", "pdftotext");
	free(text);
	/* the source's URL is a link; outline and info are Unicode */
	cr_assert_eq(brief_test_sh("qpdf --qdf --object-streams=disable %s %s.qdf && "
				   "grep -a -q '/URI (https://www.hzqt.gov.cn/art/2025/2/6/art_1229_1.html)' %s.qdf",
				   pdf, pdf, pdf), 0, "no link annotation for the source URL");
	cr_assert_eq(brief_test_sh("pdfinfo %s | grep -q '^Title: *钱塘区 2025 年度简报'", pdf), 0);
	cr_assert_eq(brief_test_sh("pdfinfo %s | grep -q '^CreationDate: *Wed Feb  5 00:00:00 2025 UTC'",
				   pdf), 0);
	cr_assert_eq(brief_test_sh("mutool show %s outline | grep -q '核心目标'", pdf), 0,
		     "no bookmark for 核心目标");
	brief_doc_free(&d);
}

/* A projects table three pages long: split, its header on every page. */
Test(pdf, long_table_splits_and_repeats_its_header)
{
	brief_doc d;
	char pdf[128];
	brief_test_doc_long(&d, 150);
	snprintf(pdf, sizeof pdf, "%s/long.pdf", dir);
	write_pdf(&d, pdf);
	structure_ok(pdf);
	int with_rows = 0;
	for (int p = 1; p <= 12; p++) {
		char txt[160];
		snprintf(txt, sizeof txt, "%s.p%d", pdf, p);
		if (brief_test_sh("pdftotext -layout -f %d -l %d %s %s 2>/dev/null", p, p, pdf, txt))
			break;
		/* a page holding project rows holds the header too */
		if (brief_test_sh("grep -Eq '产业园 ?[0-9]+ ?期项目 +[0-9]+ +开工' %s", txt) == 0) {
			with_rows++;
			cr_assert_eq(brief_test_sh("grep -q '总投资(亿元)' %s", txt), 0,
				     "page %d has project rows but no header", p);
		}
	}
	cr_assert_geq(with_rows, 3, "the table spans %d pages", with_rows);
	model_readable(pdf, &d);
	brief_doc_free(&d);
}

Test(pdf, same_input_same_bytes)
{
	brief_run r = { 0 };
	char db[128];
	snprintf(db, sizeof db, "%s/det.db", dir);
	setenv("SOURCE_DATE_EPOCH", "1738713600", 1);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	for (int i = 0; i < 2; i++)
		cr_assert_eq(brief_test_run(&r, "--db %s render 钱塘区 --year 2025 --format pdf "
					    "-o %s/det%d.pdf", db, dir, i), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("cmp -s %s/det0.pdf %s/det1.pdf", dir, dir), 0);
	/* and the default path */
	cr_assert_eq(brief_test_sh("cd %s && %s/%s --db det.db render 余杭区 --year 2024 "
				   "--format pdf >/dev/null && test -s reports/2024/余杭区.pdf",
				   dir, getcwd((char[4096]){ 0 }, 4096), brief_test_bin()), 0);
	unsetenv("SOURCE_DATE_EPOCH");
	brief_run_free(&r);
}

Test(pdf, every_seed_briefing_is_valid_and_readable)
{
	brief_db *db = seed_db("all");
	for (size_t i = 0; i < NSEEDS; i++) {
		brief_diag d = { 0 };
		brief_doc doc;
		char pdf[160];
		cr_assert_eq(brief_aggregate(db, seed_regions[i][0], atoi(seed_regions[i][1]),
					     &doc, &d), 0);
		snprintf(pdf, sizeof pdf, "%s/seed-%s-%s.pdf", dir, seed_regions[i][0],
			 seed_regions[i][1]);
		write_pdf(&doc, pdf);
		structure_ok(pdf);
		model_readable(pdf, &doc);
		brief_doc_free(&doc);
	}
	brief_db_close(db);
}

Test(pdf, style_file_errors_name_file_and_line)
{
	brief_run r = { 0 };
	char db[128], st[128];
	snprintf(db, sizeof db, "%s/st.db", dir);
	snprintf(st, sizeof st, "%s/my.conf", dir);
	brief_test_sh("printf '%%s\\n' '# mine' 'page = A5' 'colour.text = #000000' > %s", st);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	cr_assert_eq(brief_test_run(&r, "--db %s render 萧山区 --format pdf --style %s -o %s/s.pdf",
				    db, st, dir), 1);
	cr_assert(strstr(r.err, "my.conf: line 3: unknown key 'colour.text'"), "%s", r.err);
	char out[160];
	snprintf(out, sizeof out, "%s/s.pdf", dir);
	cr_assert_neq(access(out, F_OK), 0, "a failed render left %s", out);
	/* a good one changes the page (this title once gave a UMing subset
	 * the size libharu 2.3.0 could not write: see rebuild() in font.c) */
	brief_test_sh("printf '%%s\\n' 'page = A5' 'title = 发展简报' > %s", st);
	cr_assert_eq(brief_test_run(&r, "--db %s render 萧山区 --format pdf --style %s -o %s/s.pdf",
				    db, st, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("pdfinfo %s/s.pdf | grep -q 'Page size: *419.* x 595.*'", dir), 0);
	cr_assert_eq(brief_test_sh("pdftotext %s/s.pdf - | grep -q '萧山区 2025 发展简报'", dir), 0);
	brief_run_free(&r);
}

/* The combined briefing of the seed districts of 2025. */
Test(pdf, combined_briefing_has_every_region_with_bookmarks_and_contents)
{
	static const char *const codes[] = { "330102", "330105", "330106", "330108", "330109",
					     "330110", "330113", "330114" };
	enum { N = sizeof codes / sizeof codes[0] };
	brief_db *db = seed_db("book");
	brief_doc docs[N];
	brief_diag d = { 0 };
	for (size_t i = 0; i < N; i++)
		cr_assert_eq(brief_aggregate(db, codes[i], 2025, &docs[i], &d), 0, "%s", codes[i]);
	brief_book b = { "杭州市", 2025, docs, N };
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 1738713600 };
	brief_buf out = BRIEF_BUF_INIT;
	cr_assert_eq(brief_render_pdf_book(&b, &o, &out, &d), 0);
	char pdf[160];
	snprintf(pdf, sizeof pdf, "%s/book.pdf", dir);
	cr_assert_eq(brief_write_atomic(pdf, out.data, out.len, &d), 0);
	structure_ok(pdf);
	for (size_t i = 0; i < N; i++)
		model_readable(pdf, &docs[i]);
	char *text = reader_text(pdf, "pdftotext");
	has(text, "杭州市2025年度简报合订本", "pdftotext");
	has(text, "目录", "pdftotext");
	has(text, "总览", "pdftotext");
	free(text);
	/* one top-level bookmark per region, and links from the contents */
	for (size_t i = 0; i < N; i++)
		cr_assert_eq(brief_test_sh("mutool show %s outline | grep -q '^[+|-]*\\s*\"%s\"'",
					   pdf, docs[i].region), 0, "no bookmark for %s", docs[i].region);
	cr_assert_eq(brief_test_sh("qpdf --qdf --object-streams=disable %s %s.qdf && "
				   "test $(grep -a -c '/S /GoTo\\|/Dest ' %s.qdf) -ge %d",
				   pdf, pdf, pdf, N), 0, "contents without links");
	brief_buf_free(&out);
	for (size_t i = 0; i < N; i++)
		brief_doc_free(&docs[i]);
	brief_db_close(db);
}

/* Droid Sans Fallback has no digits: they come from another installed
 * font, are reported, and still read back; nothing draws blank. */
Test(pdf, characters_no_configured_font_has_are_drawn_and_reported)
{
	brief_run r = { 0 };
	char db[128], st[128];
	snprintf(db, sizeof db, "%s/fb.db", dir);
	snprintf(st, sizeof st, "%s/droid.conf", dir);
	brief_test_sh("printf '%%s\\n' 'font.body = Droid Sans Fallback' "
		      "'font.heading = Droid Sans Fallback' 'font.latin.body = NoSuchFont' "
		      "'font.latin.heading = NoSuchFont' > %s", st);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	cr_assert_eq(brief_test_run(&r, "--db %s render 萧山区 --year 2025 --format pdf "
				    "--style %s -o %s/fb.pdf", db, st, dir), 0, "%s", r.err);
	cr_assert(strstr(r.err, "fonts for this text lack "), "%s", r.err);
	cr_assert(strstr(r.err, "5(U+0035)"), "%s", r.err);
	cr_assert(strstr(r.err, "%(U+0025)"), "%s", r.err);
	cr_assert(strstr(r.err, "; drawn with "), "%s", r.err);
	cr_assert(strstr(r.err, "font 'NoSuchFont' is not installed"), "%s", r.err);
	char pdf[160];
	snprintf(pdf, sizeof pdf, "%s/fb.pdf", dir);
	structure_ok(pdf);
	char *text = reader_text(pdf, "pdftotext");
	has(text, "增长5.6%以上", "pdftotext");
	free(text);
	brief_run_free(&r);
}

/* The dark pixels of page `page` of pdf in the box (x, y, w, h), in
 * points from the top left, rendered at 72 dpi. */
static long ink(const char *pdf, int page, float x, float y, float w, float h)
{
	char pgm[200];
	snprintf(pgm, sizeof pgm, "%s.ink", pdf);
	cr_assert_eq(brief_test_sh("pdftoppm -r 72 -gray -singlefile -f %d -l %d -x %d -y %d "
				   "-W %d -H %d %s %s", page, page, (int)x, (int)y,
				   (int)(w + 0.5f), (int)(h + 0.5f), pdf, pgm), 0);
	char file[220];
	snprintf(file, sizeof file, "%s.pgm", pgm);
	size_t n;
	char *img = brief_read_file(file, &n);
	cr_assert_not_null(img, "%s", file);
	int pw, ph, max, off = 0;
	cr_assert_eq(sscanf(img, "P5 %d %d %d%n", &pw, &ph, &max, &off), 3);
	long dark = 0;
	for (size_t i = (size_t)off + 1; i < n; i++)
		dark += (unsigned char)img[i] < 128;
	free(img);
	return dark;
}

/* The box pdftotext gives the first word that starts with `word`, in
 * points from the top left of its page (*page); false when none does. */
static bool word_box_on(const char *pdf, int page, const char *word, float box[4])
{
	char xml[200];
	snprintf(xml, sizeof xml, "%s.bbox", pdf);
	cr_assert_eq(brief_test_sh("pdftotext -bbox -f %d -l %d %s %s 2>/dev/null", page, page,
				   pdf, xml), 0);
	char *s = slurp(xml);
	char key[128];
	snprintf(key, sizeof key, ">%s", word);
	char *at = strstr(s, key);
	bool found = false;
	if (at) {
		while (at > s && strncmp(at, "<word ", 6))
			at--;
		found = sscanf(at, "<word xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\"", &box[0],
			       &box[1], &box[2], &box[3]) == 4;
	}
	free(s);
	return found;
}

static bool word_box(const char *pdf, const char *word, int *page, float box[4])
{
	for (*page = 1; *page <= 4; ++*page)
		if (word_box_on(pdf, *page, word, box))
			return true;
	return false;
}

static void render_name(const char *name, const char *pdf, brief_buf *msgs, brief_diag *diag)
{
	brief_doc d;
	brief_test_doc(&d);
	free(d.projects.v[0].name);
	d.projects.v[0].name = strdup(name);
	brief_buf out = BRIEF_BUF_INIT;
	diag->sink = collect;
	diag->user = msgs;
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 1738713600 };
	cr_assert_eq(brief_render_pdf(&d, &o, &out, diag), 0, "%s", msgs->data);
	cr_assert_eq(brief_write_atomic(pdf, out.data, out.len, diag), 0);
	brief_buf_free(&out);
	brief_doc_free(&d);
}

/* A character beyond the BMP (CJK Extension B, U+20000) that no font of
 * the style has is drawn from an installed font that has it (Debian's
 * fonts-hanazono), reported, inked, and read back by both readers as
 * itself, a surrogate pair in ToUnicode. */
Test(pdf, characters_beyond_the_bmp_are_drawn_and_read_back)
{
	char pdf[128];
	brief_buf msgs = BRIEF_BUF_INIT;
	brief_diag diag = { 0 };
	snprintf(pdf, sizeof pdf, "%s/astral.pdf", dir);
	render_name("\xF0\xA0\x80\x80湾产业园", pdf, &msgs, &diag);
	cr_assert_eq(diag.nwarnings, 1, "%s", msgs.data);
	cr_assert(strstr(msgs.data, "(U+20000); drawn with Hana"), "%s", msgs.data);
	structure_ok(pdf);
	for (int t = 0; t < 2; t++) {
		const char *tool = t ? "mutool" : "pdftotext";
		char *text = reader_text(pdf, tool);
		has(text, "\xF0\xA0\x80\x80湾产业园", tool);
		cr_assert_null(strstr(text, "〓"), "%s reads a stand-in", tool);
		free(text);
	}
	/* its em box (the word's first) has ink, as the next character's has */
	float b[4];
	int pg;
	cr_assert(word_box(pdf, "\xF0\xA0\x80\x80", &pg, b), "no word starts with U+20000");
	float em = b[3] - b[1];
	long self = ink(pdf, pg, b[0], b[1], em, em), next = ink(pdf, pg, b[0] + em, b[1], em, em);
	cr_assert_gt(self, next / 4, "U+20000 has %ld dark pixels, 湾 %ld", self, next);
	brief_buf_free(&msgs);
}

/* A character no installed font has (Extension G, U+30000) is drawn as
 * a visible 〓 and reported, the rest of its line as it is. */
Test(pdf, characters_no_installed_font_has_are_a_visible_stand_in)
{
	char pdf[128];
	brief_buf msgs = BRIEF_BUF_INIT;
	brief_diag diag = { 0 };
	snprintf(pdf, sizeof pdf, "%s/lost.pdf", dir);
	render_name("\xF0\xB0\x80\x80湾产业园", pdf, &msgs, &diag);
	cr_assert_eq(diag.nwarnings, 1, "%s", msgs.data);
	cr_assert(strstr(msgs.data, "(U+30000)"), "%s", msgs.data);
	cr_assert(strstr(msgs.data, "drawn as 〓"), "%s", msgs.data);
	char *text = reader_text(pdf, "pdftotext");
	has(text, "〓湾产业园", "pdftotext");
	free(text);
	float b[4];
	int pg;
	cr_assert(word_box(pdf, "〓", &pg, b), "no word starts with 〓");
	float em = b[3] - b[1];
	cr_assert_gt(ink(pdf, pg, b[0], b[1], em, em), 5, "the stand-in has no ink");
	brief_buf_free(&msgs);
}

/* The depth (tabs after mutool's +/-/| mark) of the bookmark `title`
 * in pdf's outline, or -1; `after` first: the one after that one. */
static int mark_depth(const char *pdf, const char *title, const char *after)
{
	char out[200];
	snprintf(out, sizeof out, "%s.outline", pdf);
	cr_assert_eq(brief_test_sh("mutool show %s outline > %s", pdf, out), 0);
	char *s = slurp(out), key[160];
	const char *from = s;
	if (after) {
		snprintf(key, sizeof key, "\"%s\"", after);
		from = strstr(s, key);
		cr_assert_not_null(from, "no bookmark %s", after);
	}
	snprintf(key, sizeof key, "\t\"%s\"", title);
	const char *at = strstr(from, key);
	int depth = -1;
	if (at) {
		const char *p = at + 1;
		while (p > s && p[-1] == '\t')
			p--;
		depth = (int)(at + 1 - p);
	}
	free(s);
	return depth;
}

/* A briefing's title is one level above its sections; a combined
 * briefing has its cover, contents and overview at the top, each
 * region beside them and that region's sections under it. */
Test(pdf, bookmarks_nest_sections_under_their_briefing)
{
	brief_run r = { 0 };
	char db[128], pdf[200];
	snprintf(db, sizeof db, "%s/marks.db", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s render 钱塘区 --year 2025 --format pdf -o %s/m.pdf",
				    db, dir), 0, "%s", r.err);
	snprintf(pdf, sizeof pdf, "%s/m.pdf", dir);
	cr_assert_eq(mark_depth(pdf, "钱塘区 2025 年度简报", NULL), 1);
	cr_assert_eq(mark_depth(pdf, "要点", NULL), 2);
	cr_assert_eq(mark_depth(pdf, "核心目标", NULL), 2);
	cr_assert_eq(mark_depth(pdf, "数据依据", NULL), 2);
	cr_assert_eq(brief_test_run(&r, "--db %s batch --year 2025 --format pdf -j 2 --out %s/mb",
				    db, dir), 0, "%s", r.err);
	snprintf(pdf, sizeof pdf, "%s/mb/2025/全部-合订本.pdf", dir);
	cr_assert_eq(mark_depth(pdf, "全部地区 2025 年度简报合订本", NULL), 1, "no cover bookmark");
	cr_assert_eq(mark_depth(pdf, "目录", NULL), 1);
	cr_assert_eq(mark_depth(pdf, "总览", NULL), 1);
	cr_assert_eq(mark_depth(pdf, "钱塘区", NULL), 1);
	cr_assert_eq(mark_depth(pdf, "核心目标", "钱塘区"), 2);
	cr_assert_eq(mark_depth(pdf, "数据依据", "钱塘区"), 2);
	/* the cover and the contents are pages of their own, with a link
	 * to each region from the contents */
	cr_assert_eq(brief_test_sh("pdftotext -f 2 -l 2 %s - | grep -q '^目录'", pdf), 0);
	cr_assert_eq(brief_test_sh("pdftotext -f 2 -l 2 %s - | grep -q '钱塘区'", pdf), 0);
	brief_run_free(&r);
}

/* ---------------------------------------------------------------- */
/* Reading order: pdftotext in its default mode, line by line.       */

typedef struct text_lines {
	char *buf;
	char **v;
	size_t n;
} text_lines;

static void read_lines(const char *pdf, const char *range, text_lines *t)
{
	char txt[200];
	snprintf(txt, sizeof txt, "%s.order.txt", pdf);
	cr_assert_eq(brief_test_sh("pdftotext -enc UTF-8 %s %s %s", range, pdf, txt), 0);
	t->buf = slurp(txt);
	t->n = brief_test_count(t->buf, "\n") + 1;
	t->v = calloc(t->n, sizeof *t->v);
	cr_assert_not_null(t->v);
	size_t k = 0;
	for (char *p = t->buf, *nl; p && k < t->n; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		t->v[k++] = p;
	}
	t->n = k;
}

/* The first three characters of s (all of a shorter one): what of a
 * cell its first line always holds. */
static void probe(char *dst, size_t n, const char *s)
{
	size_t len = strlen(s), i = 0;
	for (int k = 0; k < 3 && i < len; k++)
		brief_utf8_next(s, len, &i);
	snprintf(dst, n, "%.*s", (int)i, s);
}

/* The first line from *at on holding each probe after the one before,
 * spaces aside; *at moves past it. False when no line does. */
static bool row_line(const text_lines *t, size_t *at, char probes[][64], size_t n)
{
	for (size_t k = *at; k < t->n; k++) {
		const char *p = t->v[k];
		size_t j = 0;
		for (; j < n && p; j++)
			if (probes[j][0] && (p = strstr(p, probes[j])))
				p += strlen(probes[j]);
		if (j == n && p) {
			*at = k + 1;
			return true;
		}
	}
	return false;
}

static bool heading_line(const text_lines *t, size_t *at, const char *title)
{
	for (size_t k = *at; k < t->n; k++)
		if (!strcmp(t->v[k], title)) {
			*at = k + 1;
			return true;
		}
	return false;
}

enum { TARGETS, ACTUALS, PROJECTS };

/* A table's rows, each on one line after its heading and in order. */
static void rows_in_order(const char *what, const text_lines *t, size_t *at,
			  const brief_rows *rs, int kind)
{
	for (size_t i = 0; i < rs->n; i++) {
		const brief_row *r = &rs->v[i];
		char probes[4][64] = { { 0 } }, v[64], src[96];
		brief_format_value(v, sizeof v, r);
		brief_format_sources(src, sizeof src, r);
		if (kind == PROJECTS) {
			probe(probes[0], 64, r->name ? r->name : BRIEF_MISSING);
			if (r->has_investment)
				snprintf(v, sizeof v, "%g", r->investment_yi);
			probe(probes[1], 64, r->has_investment ? v : BRIEF_MISSING);
			probe(probes[2], 64, r->status ? r->status : BRIEF_MISSING);
		} else {
			probe(probes[0], 64, r->indicator ? r->indicator : BRIEF_MISSING);
			probe(probes[1], 64, v);
			if (kind == TARGETS)
				probe(probes[2], 64, r->qualifier ? r->qualifier : "");
			else
				probe(probes[2], 64, r->period ? r->period : "全年");
		}
		probe(probes[3], 64, src);
		size_t from = *at;
		cr_assert(row_line(t, at, probes, 4), "%s: row %zu (%s %s %s %s) is not one line "
			  "after line %zu", what, i, probes[0], probes[1], probes[2], probes[3], from);
	}
}

/* The tables of d in pdftotext's text from *at on: each heading on a
 * line of its own, its header row, each row's cells on one line in
 * order, and the sections in the order the briefing has them. */
static void doc_in_order(const char *what, const text_lines *t, size_t *at, const brief_doc *d)
{
	char title[64], probes[4][64] = { "指标", "目标", "表述", "来源" };
	if (d->targets.n) {
		cr_assert(heading_line(t, at, "核心目标"), "%s: 核心目标 out of place", what);
		cr_assert(row_line(t, at, probes, 4), "%s: the header of 核心目标", what);
		rows_in_order(what, t, at, &d->targets, TARGETS);
	}
	if (d->actuals.n) {
		snprintf(title, sizeof title, "上年实绩（%d 年）", d->year - 1);
		cr_assert(heading_line(t, at, title), "%s: %s out of place (after line %zu)", what,
			  title, *at);
		rows_in_order(what, t, at, &d->actuals, ACTUALS);
	}
	if (d->projects.n) {
		cr_assert(heading_line(t, at, "重点项目"), "%s: 重点项目 out of place (after line %zu)",
			  what, *at);
		rows_in_order(what, t, at, &d->projects, PROJECTS);
	}
}

Test(pdf, pdftotext_reads_every_table_row_as_one_line_in_its_place)
{
	brief_db *db = seed_db("order");
	size_t rows = 0;
	for (size_t i = 0; i < NSEEDS; i++) {
		brief_diag d = { 0 };
		brief_doc doc;
		char pdf[160];
		cr_assert_eq(brief_aggregate(db, seed_regions[i][0], atoi(seed_regions[i][1]),
					     &doc, &d), 0);
		snprintf(pdf, sizeof pdf, "%s/order-%s-%s.pdf", dir, seed_regions[i][0],
			 seed_regions[i][1]);
		write_pdf(&doc, pdf);
		text_lines t;
		size_t at = 0;
		read_lines(pdf, "", &t);
		doc_in_order(pdf, &t, &at, &doc);
		rows += doc.targets.n + doc.actuals.n + doc.projects.n;
		free(t.buf);
		free(t.v);
		brief_doc_free(&doc);
	}
	cr_assert_geq(rows, 60, "only %zu rows measured", rows);
	/* and the combined briefing, region after region */
	static const char *const codes[] = { "330102", "330105", "330106", "330108", "330109",
					     "330110", "330113", "330114" };
	enum { N = sizeof codes / sizeof codes[0] };
	brief_doc docs[N];
	brief_diag d = { 0 };
	for (size_t i = 0; i < N; i++)
		cr_assert_eq(brief_aggregate(db, codes[i], 2025, &docs[i], &d), 0, "%s", codes[i]);
	brief_book b = { "杭州市", 2025, docs, N };
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 1738713600 };
	brief_buf out = BRIEF_BUF_INIT;
	cr_assert_eq(brief_render_pdf_book(&b, &o, &out, &d), 0);
	char pdf[160];
	snprintf(pdf, sizeof pdf, "%s/order-book.pdf", dir);
	cr_assert_eq(brief_write_atomic(pdf, out.data, out.len, &d), 0);
	text_lines t;
	size_t at = 0;
	read_lines(pdf, "", &t);
	for (size_t i = 0; i < N; i++) {
		char title[96];
		snprintf(title, sizeof title, "%s 2025 年度简报", docs[i].region);
		cr_assert(heading_line(&t, &at, title), "book: %s out of place", title);
		doc_in_order(docs[i].region, &t, &at, &docs[i]);
		brief_doc_free(&docs[i]);
	}
	free(t.buf);
	free(t.v);
	brief_buf_free(&out);
	brief_db_close(db);
}
