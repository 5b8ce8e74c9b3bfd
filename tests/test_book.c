/*
 * The combined briefing without the database: which headline indicators
 * the overview compares and which value each region gets
 * (render/overview.h), and the LaTeX combined briefing built on it,
 * compiled by xelatex with one bookmark per region and hostile text kept
 * as text.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/overview.h"
#include "render/render.h"
#include "render/latex/texc.h"
#include "support/doc_fixture.h"
#include "support/run.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-book-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(book, .init = setup, .fini = teardown, .timeout = 120);

/* Three regions: all five targets of the fixture (钱塘区), the first three
 * (as 上城区), none (as 临平区). Rows cut off are kept to free them. */
typedef struct three {
	brief_doc d[3];
	size_t n[3];
} three;

static void rename_doc(brief_doc *d, const char *name, const char *code)
{
	free(d->region);
	free(d->region_code);
	d->region = strdup(name);
	d->region_code = strdup(code);
}

static void three_docs(three *t)
{
	for (int i = 0; i < 3; i++) {
		brief_test_doc(&t->d[i]);
		t->n[i] = t->d[i].targets.n;
	}
	rename_doc(&t->d[1], "上城区", "330102");
	t->d[1].targets.n = 3;
	rename_doc(&t->d[2], "临平区", "330113");
	t->d[2].targets.n = 0;
}

static void three_free(three *t)
{
	for (int i = 0; i < 3; i++) {
		t->d[i].targets.n = t->n[i];
		brief_doc_free(&t->d[i]);
	}
}

static void assert_columns(const brief_overview *ov)
{
	static const char *const want[] = {
		"GDP增长（%）", "规上工业增加值增长（%）", "规上工业总产值（亿元）",
	};
	/* 固定资产投资 is one region's of three: less than half, no column */
	cr_assert_eq(ov->ncols, 3);
	for (size_t i = 0; i < 3; i++) {
		cr_assert_str_eq(ov->cols[i].label, want[i]);
		cr_assert_eq(ov->cols[i].nregions, 2);
	}
	cr_assert_eq(ov->gdp_col, 0);
}

Test(book, overview_picks_the_indicators_most_regions_have)
{
	three t;
	three_docs(&t);
	brief_book b = { "杭州市", 2025, t.d, 3 };
	brief_overview ov;
	cr_assert_eq(brief_overview_build(&b, &ov), 0);
	/* shared by two regions (at least half), headline ones first */
	assert_columns(&ov);
	cr_assert_eq(ov.nrows, 3);
	/* the first whole-year row: 确保 6% 以上, not 力争 6.5% 左右 */
	const brief_overview_cell *c = brief_overview_cell_at(&ov, 0, 0);
	cr_assert_str_eq(c->text, "增长6%以上");
	cr_assert_str_eq(c->sources, "[1]");
	cr_assert_eq(c->row, &t.d[0].targets.v[2]);
	for (size_t col = 0; col < ov.ncols; col++) {
		cr_assert_null(brief_overview_cell_at(&ov, 2, col)->row);
		cr_assert_str_eq(brief_overview_cell_at(&ov, 2, col)->text, "");
	}
	brief_overview_free(&ov);
	three_free(&t);
}

Test(book, overview_columns_do_not_depend_on_the_order_of_regions)
{
	three t;
	three_docs(&t);
	brief_doc rev[3] = { t.d[2], t.d[1], t.d[0] };
	brief_book b = { NULL, 2025, rev, 3 };
	brief_overview ov;
	cr_assert_eq(brief_overview_build(&b, &ov), 0);
	assert_columns(&ov);
	cr_assert_str_eq(brief_overview_cell_at(&ov, 2, 0)->text, "增长6%以上");
	brief_overview_free(&ov);
	/* no targets anywhere: no columns, still a row per region */
	brief_book none = { NULL, 2025, &t.d[2], 1 };
	cr_assert_eq(brief_overview_build(&none, &ov), 0);
	cr_assert_eq(ov.ncols, 0);
	cr_assert_eq(ov.nrows, 1);
	cr_assert_eq(ov.gdp_col, -1);
	brief_overview_free(&ov);
	three_free(&t);
}

static char *slurp_cmd(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	brief_buf b = BRIEF_BUF_INIT;
	char chunk[4096];
	size_t n;
	cr_assert_not_null(p);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		brief_buf_put(&b, chunk, n);
	pclose(p);
	brief_buf_putc(&b, '\0');
	return brief_buf_detach(&b, NULL);
}

Test(book, latex_combined_briefing_compiles_with_a_bookmark_per_region)
{
	three t;
	three_docs(&t);
	brief_doc hostile;
	brief_test_doc_hostile(&hostile);
	brief_doc docs[4] = { t.d[0], t.d[1], t.d[2], hostile };
	brief_book b = { "杭州市", 2025, docs, 4 };
	brief_render_opts o = { .format = BRIEF_FMT_TEX, .epoch = 1738713600 };
	brief_buf tex = BRIEF_BUF_INIT;
	brief_diag d = { 0 };
	char pdf[128], cmd[256];

	cr_assert_eq(brief_render_tex_book(&b, &o, &tex, &d), 0);
	cr_assert(strstr(tex.data, "\\tableofcontents"));
	cr_assert(strstr(tex.data, "杭州市 \\mbox{2025 年度}简报合订\\nobreak 本"), "a year and its unit in one box, the last two characters tied");
	cr_assert(strstr(tex.data, "\\addcontentsline{toc}{section}{上城\\nobreak 区}\\label{region:330102}"));
	cr_assert(strstr(tex.data, "GDP增长（\\%）"));
	cr_assert(strstr(tex.data, "\\begin{tikzpicture}"));
	cr_assert(strstr(tex.data, "生成日期 2025-02-05"));
	cr_assert_null(strstr(tex.data, "\\input{/etc/passwd}"), "hostile text became a command");
	snprintf(pdf, sizeof pdf, "%s/book.pdf", dir);
	cr_assert_eq(brief_tex_compile(tex.data, tex.len, pdf, 0, &d), 0);
	/* xelatex's log: no missing character, no line over 1 pt too wide */
	cr_assert_eq(d.nwarnings, 0, "%zu warnings from the log", (size_t)d.nwarnings);
	snprintf(cmd, sizeof cmd, "mutool show %s outline", pdf);
	char *outline = slurp_cmd(cmd);
	cr_assert(strstr(outline, "总览"), "%s", outline);
	/* unnumbered, as the direct PDF's bookmarks */
	cr_assert(strstr(outline, "\"钱塘区\"") && strstr(outline, "\"上城区\"") &&
		  strstr(outline, "\"临平区\""), "%s", outline);
	cr_assert_null(strstr(outline, "1 钱塘区"), "%s", outline);
	free(outline);
	snprintf(cmd, sizeof cmd, "pdftotext -layout %s - | tr -d ' '", pdf);
	char *text = slurp_cmd(cmd);
	cr_assert(strstr(text, "增长6%以上"), "the overview lacks 钱塘区's GDP target");
	cr_assert(strstr(text, "\\input{/etc/passwd}"), "hostile text not printed as text");
	free(text);
	brief_buf_free(&tex);
	brief_doc_free(&hostile);
	three_free(&t);
}
