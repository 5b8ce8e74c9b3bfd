/*
 * The LaTeX briefing as printed, measured from the PDF xelatex makes:
 * the rules mupdf traces (one width for every table, a light rule
 * between rows, the heading row again on every page a table runs over),
 * the words poppler places (value columns flush right, the footer's
 * "第 N 页 / 共 M 页", citation markers smaller than the text), and the
 * combined book's cover, contents and sibling chart.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/latex/texc.h"
#include "render/render.h"
#include "support/doc_fixture.h"
#include "support/pdf_probe.h"
#include "support/run.h"
#include "util/buf.h"
#include "util/fsutil.h"

/* templates/style.conf's colours, which the templates take over */
enum { ACCENT = 0x1F4E79, RULE = 0x9FB3C8, HEAD = 0xE6EDF4, BAR = 0x9DB7D1, SELF = 0xC0392B };

/* A4 with 2.2 cm margins: the text block, in points */
#define TEXT_X0 62.36f
#define TEXT_X1 (595.28f - 62.36f)

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-lprint-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(latexprint, .init = setup, .fini = teardown, .timeout = 300);

static void collect(void *user, brief_severity sev, const char *msg)
{
	brief_buf_puts(user, msg);
	brief_buf_putc(user, '\n');
	(void)sev;
}

/* The fixture with 60 more projects, a table over two pages, compiled
 * as brief compiles (two passes); the log must be clean. */
static void long_pdf(brief_doc *d, char *pdf, size_t n)
{
	brief_buf tex = BRIEF_BUF_INIT, msgs = BRIEF_BUF_INIT;
	brief_diag diag = { .sink = collect, .user = &msgs };
	brief_render_opts o = { .format = BRIEF_FMT_TEX, .epoch = 1738713600 };
	brief_test_doc_long(d, 60);
	snprintf(pdf, n, "%s/long.pdf", dir);
	cr_assert_eq(brief_render_tex(d, &o, &tex, &diag), 0, "%s", msgs.data);
	cr_assert_eq(brief_tex_compile(tex.data, tex.len, pdf, 1738713600, &diag), 0, "%s",
		     msgs.data);
	cr_assert_eq(msgs.len, 0, "%s", msgs.data);
	brief_buf_free(&tex);
	brief_buf_free(&msgs);
}

/* Every rule of the accent or rule colour (table rules, heading rules,
 * the running head's) spans the text block: one width for all. */
static size_t rules_span_the_text(const char *what, const brief_paths *ps)
{
	size_t n = 0;
	for (size_t i = 0; i < ps->n; i++) {
		const brief_path *p = &ps->v[i];
		if (!brief_path_is_rule(p, ACCENT) && !brief_path_is_rule(p, RULE))
			continue;
		cr_assert(fabsf(p->x0 - TEXT_X0) < 0.5f && fabsf(p->x1 - TEXT_X1) < 0.5f,
			  "%s: a rule on page %d at y %.1f runs %.1f..%.1f, not %.1f..%.1f", what,
			  p->page, p->y0, p->x0, p->x1, TEXT_X0, TEXT_X1);
		n++;
	}
	return n;
}

/* The light rules between rows: 0.3 pt (0.299 bp) of the rule colour. */
static bool row_rule(const brief_path *p)
{
	return brief_path_is_rule(p, RULE) && fabsf(p->width - 0.299f) < 0.02f;
}

static size_t between(size_t rows)
{
	return rows ? rows - 1 : 0;
}

Test(latexprint, tables_are_one_width_with_rules_between_rows)
{
	brief_doc d;
	char pdf[128];
	brief_paths ps;
	long_pdf(&d, pdf, sizeof pdf);
	cr_assert_eq(brief_probe_paths(pdf, &ps), 0);
	size_t rules = rules_span_the_text("long", &ps), rows = 0, pages_with_rows = 0;
	int last = 0;
	for (size_t i = 0; i < ps.n; i++) {
		if (!row_rule(&ps.v[i]))
			continue;
		rows++;
		if (ps.v[i].page == last)
			continue;
		/* a page a table runs on has its heading row, shaded */
		last = ps.v[i].page;
		pages_with_rows++;
		bool head = false;
		for (size_t j = 0; j < ps.n && !head; j++)
			head = ps.v[j].page == last && ps.v[j].fill &&
			       brief_path_has_color(&ps.v[j], HEAD) && ps.v[j].y1 <= ps.v[i].y0 + 0.5f;
		cr_assert(head, "page %d has rows but no heading row above them", last);
	}
	size_t want = between(d.targets.n) + between(d.actuals.n) + between(d.year_actuals.n) +
		      between(d.nscorecard) + between(d.projects.n);
	cr_assert_eq(rows, want, "%zu rules between rows, %zu rows less one per table", rows, want);
	cr_assert_geq(pages_with_rows, 2, "the projects table does not run over pages");
	cr_assert_gt(rules, rows + 10, "only %zu rules", rules);
	brief_paths_free(&ps);
	brief_doc_free(&d);
}

/* The right edge of the cell left of each status cell "开工": the
 * investment (总投资) column. */
Test(latexprint, value_columns_are_flush_right)
{
	brief_doc d;
	char pdf[128];
	brief_words ws;
	long_pdf(&d, pdf, sizeof pdf);
	cr_assert_eq(brief_probe_words(pdf, &ws), 0);
	float lo = 1e9f, hi = -1e9f, status_x = 0;
	size_t n = 0;
	for (size_t i = 0; i < ws.n; i++) {
		const brief_word *s = &ws.v[i];
		if (strcmp(s->text, "开工"))
			continue;
		float right = -1;
		for (size_t j = 0; j < ws.n; j++) {
			const brief_word *w = &ws.v[j];
			if (w->page == s->page && fabsf(w->y1 - s->y1) < 1.5f && w->x1 < s->x0 &&
			    w->x1 > right)
				right = w->x1;
		}
		cr_assert_gt(right, 0, "no value left of 开工 on page %d", s->page);
		lo = fminf(lo, right);
		hi = fmaxf(hi, right);
		status_x = s->x0;
		n++;
	}
	cr_assert_geq(n, 60, "only %zu project rows found", n);
	cr_assert_leq(hi - lo, 1.0f, "value right edges spread %.2f pt (%.1f..%.1f)", hi - lo, lo, hi);
	/* flush right of its column, not against the next one's text */
	cr_assert_lt(hi, status_x - 10, "the value column runs into the status");
	brief_words_free(&ws);
	brief_doc_free(&d);
}

static bool page_says(const brief_words *ws, int page, const char *squeezed)
{
	brief_buf b = BRIEF_BUF_INIT;
	for (size_t i = 0; i < ws->n; i++)
		if (ws->v[i].page == page)
			brief_buf_puts(&b, ws->v[i].text);
	bool yes = b.data && strstr(b.data, squeezed);
	brief_buf_free(&b);
	return yes;
}

static void footers_count_pages(const char *pdf, int first)
{
	brief_words ws;
	cr_assert_eq(brief_probe_words(pdf, &ws), 0);
	cr_assert_geq(ws.pages, 2);
	for (int p = first; p <= ws.pages; p++) {
		char want[64];
		snprintf(want, sizeof want, "第%d页/共%d页", p, ws.pages);
		cr_assert(page_says(&ws, p, want), "%s: page %d lacks %s", pdf, p, want);
	}
	brief_words_free(&ws);
}

Test(latexprint, footer_gives_page_and_pages)
{
	brief_doc d;
	char pdf[128];
	long_pdf(&d, pdf, sizeof pdf);
	footers_count_pages(pdf, 1);
	brief_doc_free(&d);
}

/* mupdf's font size of each character "[" on the page of "要点", and
 * of the text around it. */
Test(latexprint, citations_in_running_text_are_small_markers)
{
	brief_doc d;
	char pdf[128], xml[160];
	long_pdf(&d, pdf, sizeof pdf);
	snprintf(xml, sizeof xml, "%s.stext", pdf);
	cr_assert_eq(brief_test_sh("mutool draw -q -F stext -o %s %s 1 2>/dev/null", xml,
				   pdf), 0);
	char *s = brief_read_file(xml, NULL);
	cr_assert_not_null(s);
	/* the 要点 paragraph: after the heading (要), before 核心目标 (核);
	 * mupdf writes what is not ASCII as &#xNNNN; */
	char *from = strstr(s, "c=\"&#x8981;\""), *to = from ? strstr(from, "c=\"&#x6838;\"") : NULL;
	cr_assert(from && to, "no 要点 section");
	float size = 0, text = 0, marker = 0;
	size_t markers = 0;
	for (char *p = from; p < to; p++) {
		if (!strncmp(p, "<font ", 6) && strstr(p, "size=\""))
			size = strtof(strstr(p, "size=\"") + 6, NULL);
		else if (!strncmp(p, "c=\"[\"", 5))
			marker = fmaxf(marker, size), markers++;
		else if (!strncmp(p, "c=\"&#x", 6) && strtoul(p + 6, NULL, 16) >= 0x4E00)
			text = fmaxf(text, size);
	}
	cr_assert_geq(markers, 2, "no citation in 要点");
	cr_assert_lt(marker, 0.8f * text, "markers %.1f pt in text of %.1f pt", marker, text);
	free(s);
	brief_doc_free(&d);
}

/* ---------------------------------------------------------------- */
/* The combined book of the seed articles.                           */

static void seed_book(char *pdf, size_t n)
{
	char db[128], tex[160];
	brief_run r = { 0 };
	snprintf(db, sizeof db, "%s/seed.db", dir);
	setenv("SOURCE_DATE_EPOCH", "1738713600", 1);     /* the dates printed */
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s batch --year 2025 --format tex --out %s/t", db, dir),
		     0, "%s", r.err);
	brief_run_free(&r);
	snprintf(tex, sizeof tex, "%s/t/2025/全部-合订本.tex", dir);
	snprintf(pdf, n, "%s/book.pdf", dir);
	size_t len;
	char *src = brief_read_file(tex, &len);
	cr_assert_not_null(src);
	brief_buf msgs = BRIEF_BUF_INIT;
	brief_diag diag = { .sink = collect, .user = &msgs };
	cr_assert_eq(brief_tex_compile(src, len, pdf, 1738713600, &diag), 0, "%s", msgs.data);
	cr_assert_eq(msgs.len, 0, "%s", msgs.data);
	free(src);
	brief_buf_free(&msgs);
}

Test(latexprint, book_has_cover_contents_sibling_chart_and_one_table_width)
{
	char pdf[160];
	brief_words ws;
	brief_paths ps;
	seed_book(pdf, sizeof pdf);
	cr_assert_eq(brief_probe_words(pdf, &ws), 0);
	/* the cover: title, count and date, no running head or footer */
	cr_assert(page_says(&ws, 1, "年度简报合订本") && page_says(&ws, 1, "个地区·生成日期2025-02-05"));
	cr_assert(!page_says(&ws, 1, "第1页"), "the cover has a footer");
	/* 目录 on page 2, an entry per region with its page */
	cr_assert(page_says(&ws, 2, "目录") && page_says(&ws, 2, "总览"));
	cr_assert(page_says(&ws, 2, "钱塘区") && page_says(&ws, 2, "余杭区"));
	footers_count_pages(pdf, 2);
	cr_assert_eq(brief_probe_paths(pdf, &ps), 0);
	rules_span_the_text("book", &ps);
	/* a region's sibling chart: its own bar in the highlight colour, the
	 * others' in the bar colour, on the page of 与同级区县对比 */
	size_t charts = 0;
	for (int p = 1; p <= ws.pages; p++) {
		if (!page_says(&ws, p, "与同级区县对比"))
			continue;
		size_t self = 0, bars = 0;
		for (size_t i = 0; i < ps.n; i++)
			if (ps.v[i].page == p && ps.v[i].fill) {
				self += brief_path_has_color(&ps.v[i], SELF);
				bars += brief_path_has_color(&ps.v[i], BAR);
			}
		cr_assert_geq(self, 1, "page %d: no bar of the region itself", p);
		cr_assert_geq(bars, 1, "page %d: no sibling's bar", p);
		charts++;
	}
	cr_assert_geq(charts, 1, "no sibling chart in the book");
	brief_paths_free(&ps);
	brief_words_free(&ws);
}

/* ---------------------------------------------------------------- */
/* No cell ends with one character alone on its last line.           */

/* Project names of 16 to 39 Han characters: one of them is a character
 * longer than the name column holds on a line. */
static void names_of_every_length(brief_doc *d)
{
	static const char han[] = "临港智造数字园区配套道路改造提升工程东西南北";
	size_t nhan = strlen(han) / 3;
	brief_test_doc_long(d, 24);
	for (size_t k = 0; k < 24; k++) {
		brief_row *r = &d->projects.v[d->projects.n - 24 + k];
		size_t n = 16 + k;
		free(r->name);
		r->name = calloc(3 * n + 1, 1);
		cr_assert_not_null(r->name);
		for (size_t i = 0; i < n; i++)
			memcpy(r->name + 3 * i, han + 3 * ((i * 7 + k) % nhan), 3);
	}
}

Test(latexprint, no_cell_ends_with_a_single_character_line)
{
	brief_doc d;
	char pdf[128];
	brief_buf tex = BRIEF_BUF_INIT, msgs = BRIEF_BUF_INIT;
	brief_diag diag = { .sink = collect, .user = &msgs };
	brief_render_opts o = { .format = BRIEF_FMT_TEX, .epoch = 1738713600 };
	names_of_every_length(&d);
	snprintf(pdf, sizeof pdf, "%s/names.pdf", dir);
	cr_assert_eq(brief_render_tex(&d, &o, &tex, &diag), 0, "%s", msgs.data);
	cr_assert_eq(brief_tex_compile(tex.data, tex.len, pdf, 1738713600, &diag), 0, "%s",
		     msgs.data);
	cr_assert_eq(msgs.len, 0, "%s", msgs.data);
	brief_words ws;
	cr_assert_eq(brief_probe_words(pdf, &ws), 0);
	/* the name column starts where its heading 项目 (beside 状态) does */
	float col = -1;
	for (size_t i = 0; i < ws.n && col < 0; i++)
		for (size_t j = 0; j < ws.n && col < 0 && !strcmp(ws.v[i].text, "项目"); j++)
			if (!strcmp(ws.v[j].text, "状态") && ws.v[j].page == ws.v[i].page &&
			    fabsf(ws.v[j].y0 - ws.v[i].y0) < 1)
				col = ws.v[i].x0;
	cr_assert_gt(col, 0, "no projects table");
	/* every line of the column starts there: a row's, or a wrapped one */
	size_t lines = 0;
	for (size_t i = 0; i < ws.n; i++) {
		const brief_word *w = &ws.v[i];
		if (fabsf(w->x0 - col) > 1 || !strcmp(w->text, "项目"))
			continue;
		lines++;
		cr_assert(!(strlen(w->text) == 3 && (unsigned char)w->text[0] >= 0xE3),
			  "page %d: a line of the one character %s", w->page, w->text);
	}
	cr_assert_geq(lines, d.projects.n + 8, "%zu lines for %zu names: too few wrapped", lines,
		      d.projects.n);
	brief_words_free(&ws);
	brief_buf_free(&tex);
	brief_buf_free(&msgs);
	brief_doc_free(&d);
}
