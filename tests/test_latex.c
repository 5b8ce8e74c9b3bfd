/*
 * LaTeX briefings: the escaping filter on its own, the template engine,
 * and real xelatex compiles of the model (hand-built and from the sample
 * articles): no errors, no overfull boxes, every number and name in the
 * PDF's text, injection attempts printed and never executed.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/latex/latex_escape.h"
#include "render/render.h"
#include "render/latex/template.h"
#include "render/latex/texc.h"
#include "support/doc_fixture.h"
#include "support/run.h"

static void silent(void *user, brief_severity sev, const char *msg)
{
	if (user && sev == BRIEF_ERR) {
		brief_buf *b = user;
		brief_buf_puts(b, msg);
		brief_buf_putc(b, '\n');
	}
}

static char *escaped(const char *s)
{
	brief_buf b = BRIEF_BUF_INIT;
	brief_latex_escape(&b, s);
	return brief_buf_detach(&b, NULL);
}

Test(latex_escape, every_special_is_literal)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "50%", "\\mbox{50\\%}" },
		{ "R&D_1 #2 $3", "R\\&D\\_1 \\#2 \\$3" },
		{ "{x}", "\\{x\\}" },
		{ "a\\b", "a\\textbackslash{}b" },
		{ "x^2~y", "x\\textasciicircum{}2\\textasciitilde{}y" },
		{ "<b>|\"", "\\textless{}b\\textgreater{}\\textbar{}\\textquotedbl{}" },
		{ "钱塘区增长5.5%", "钱塘区增长\\CJKecglue \\mbox{5.5\\%}" },
		/* a number keeps its unit; a bare number or year needs no box */
		{ "建成60个，R2、2025-02", "建成\\CJKecglue \\mbox{60个}，R2、2025-02" },
		{ "增长5%以上", "增长\\CJKecglue \\mbox{5\\%}\\CJKecglue 以\\nobreak 上" },
		/* a space between number and unit is no break either */
		{ "建成60 个", "建成\\CJKecglue \\mbox{60 个}" },
		{ "共 3 页", "共 3 页" },
		/* the last two Han characters are tied: no widow of one */
		{ "重点项目", "重点项\\nobreak 目" },
		{ "产业集群。", "产业集\\nobreak 群。" },
		{ "集群 A", "集群 A" },
		{ "行一\n行二\t完", "行一 行二 完" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = escaped(cases[i].in);
		cr_assert_str_eq(s, cases[i].out);
		free(s);
	}
	/* no backslash survives that could start a command */
	char *s = escaped("\\input{/etc/passwd}\\write18{touch /tmp/pwned}\\catcode`\\@=11");
	for (const char *p = s; (p = strchr(p, '\\')); p++)
		cr_assert(!strncmp(p, "\\textbackslash{}", 16) || !strncmp(p, "\\{", 2) ||
			  !strncmp(p, "\\}", 2) || !strncmp(p, "\\textasciigrave", 15), "%s", p);
	free(s);
}

static char *render_tpl(const char *src, brief_tval *root, char *err)
{
	brief_template *t = brief_template_parse(src, strlen(src), "t.tex", err, 256);
	if (!t)
		return NULL;
	brief_buf out = BRIEF_BUF_INIT;
	int rc = brief_template_render(t, root, brief_latex_escape, &out, err, 256);
	brief_template_free(t);
	if (rc) {
		brief_buf_free(&out);
		return NULL;
	}
	return brief_buf_detach(&out, NULL);
}

Test(template, values_loops_conditionals_and_escaping)
{
	brief_tval *root = brief_tv_map(), *rows = brief_tv_list();
	brief_tv_set_str(root, "region", "钱塘区");
	brief_tv_set_str(root, "empty", "");
	for (int i = 0; i < 2; i++) {
		brief_tval *m = brief_tv_map(), *inner = brief_tv_list();
		brief_tv_set_str(m, "name", i ? "R&D 100%" : "GDP");
		brief_tval *x = brief_tv_map();
		brief_tv_set_str(x, "v", i ? "b" : "a");
		brief_tv_push(inner, x);
		brief_tv_set(m, "items", inner);
		brief_tv_push(rows, m);
	}
	brief_tv_set(root, "rows", rows);
	char err[256] = "";
	char *s = render_tpl("$region$: $for(rows)$[$rows.name$$for(rows.items)$/$items.v$$endfor$]$endfor$"
			     "$if(empty)$yes$else$no$endif$$if(rows)$!$endif$ cost $$5",
			     root, err);
	cr_assert_not_null(s, "%s", err);
	cr_assert_str_eq(s, "钱塘\\nobreak 区: [GDP/a][R\\&D \\mbox{100\\%}/b]no! cost $5");
	free(s);
	brief_tv_free(root);
}

Test(template, sep_comes_between_items_only)
{
	brief_tval *root = brief_tv_map(), *rows = brief_tv_list(), *one = brief_tv_list();
	for (int i = 0; i < 3; i++) {
		brief_tval *m = brief_tv_map();
		char v[8];
		snprintf(v, sizeof v, "r%d", i);
		brief_tv_set_str(m, "v", v);
		brief_tv_push(rows, m);
	}
	brief_tval *m = brief_tv_map();
	brief_tv_set_str(m, "v", "only");
	brief_tv_push(one, m);
	brief_tv_set(root, "rows", rows);
	brief_tv_set(root, "one", one);
	char err[256] = "";
	char *s = render_tpl("$for(rows)$$rows.v$\\\n$sep$\\rule\n$endfor$end|"
			     "$for(one)$$one.v$$sep$,$endfor$|$for(none)$x$sep$y$endfor$|", root, err);
	cr_assert_not_null(s, "%s", err);
	cr_assert_str_eq(s, "r0\\\n\\rule\nr1\\\n\\rule\nr2\\\nend|only||");
	free(s);
	/* $sep$ belongs to a loop: in an if or alone it is an error */
	cr_assert_null(render_tpl("$if(one)$a$sep$b$endif$", root, err));
	cr_assert(strstr(err, "t.tex:1: unexpected $sep$"), "%s", err);
	cr_assert_null(render_tpl("a\n$sep$", root, err));
	cr_assert(strstr(err, "t.tex:2: $sep$ without its opening $for"), "%s", err);
	brief_tv_free(root);
}

Test(template, malformed_templates_name_their_line)
{
	static const struct { const char *src, *want; } cases[] = {
		{ "a\nb\n$for(rows)$x\n", "t.tex:3: $for(rows)$ is never closed" },
		{ "a\n$endfor$", "t.tex:2: $endfor$ without its opening" },
		{ "a\nb\ncost $5 only\n", "t.tex:3: unterminated '$'" },
		{ "$if(x)$a$endfor$", "t.tex:1: unexpected $endfor$" },
		{ "\n\n\n$for(a b)$", "t.tex:4: unexpected $for(a b)$" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char err[256] = "";
		brief_template *t = brief_template_parse(cases[i].src, strlen(cases[i].src),
							 "t.tex", err, sizeof err);
		cr_assert_null(t, "%s", cases[i].src);
		cr_assert(!strncmp(err, cases[i].want, strlen(cases[i].want)),
			  "got '%s', want '%s'", err, cases[i].want);
	}
	brief_tval *root = brief_tv_map();
	char err[256] = "";
	cr_assert_null(render_tpl("ok\n$nosuch$", root, err));
	cr_assert_str_eq(err, "t.tex:2: unknown value 'nosuch'");
	brief_tv_free(root);
}

/* ---------------------------------------------------------------- */
/* Compiling.                                                        */

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-latex-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(latex, .init = setup, .fini = teardown, .timeout = 300);

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *s = calloc(1, 1 << 22);
	size_t n = fread(s, 1, (1 << 22) - 1, f);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* Text of a PDF with all white space removed (table cells wrap). */
static char *pdf_text(const char *pdf)
{
	char txt[160];
	snprintf(txt, sizeof txt, "%s.txt", pdf);
	cr_assert_eq(brief_test_sh("pdftotext -enc UTF-8 %s %s 2>/dev/null", pdf, txt), 0);
	char *s = slurp(txt), *w = s;
	for (char *r = s; *r; r++)
		if (*r != ' ' && *r != '\n' && *r != '\f' && *r != '\r')
			*w++ = *r;
	*w = '\0';
	return s;
}

static bool contains_squeezed(const char *hay, const char *needle)
{
	char buf[512];
	size_t k = 0;
	for (const char *p = needle; *p && k + 1 < sizeof buf; p++)
		if (*p != ' ')
			buf[k++] = *p;
	buf[k] = '\0';
	return strstr(hay, buf) != NULL;
}

/* Compiles with xelatex in `dir` to look at the log too. */
static void compile_here(const char *tex, size_t len, const char *name)
{
	char path[160];
	snprintf(path, sizeof path, "%s/%s.tex", dir, name);
	FILE *f = fopen(path, "wb");
	fwrite(tex, 1, len, f);
	fclose(f);
	cr_assert_eq(brief_test_sh("cd %s && xelatex -no-shell-escape -interaction=nonstopmode "
				   "-halt-on-error %s.tex >/dev/null 2>&1", dir, name), 0,
		     "xelatex failed on %s", name);
	snprintf(path, sizeof path, "%s/%s.log", dir, name);
	char *log = slurp(path);
	cr_assert_not_null(log);
	/* Overfull \hbox (12.3pt too wide): nothing over 1pt */
	for (const char *p = log; (p = strstr(p, "Overfull \\hbox (")); p++)
		cr_assert_leq(atof(p + 16), 1.0, "%.80s", p);
	free(log);
}

static void rows_in_pdf(const char *text, const brief_rows *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		const brief_row *r = &rs->v[i];
		char v[64];
		if (r->indicator)
			cr_assert(contains_squeezed(text, r->indicator), "missing %s", r->indicator);
		if (r->name)
			cr_assert(contains_squeezed(text, r->name), "missing %s", r->name);
		if (r->has_value) {
			snprintf(v, sizeof v, "%g", r->value < 0 ? -r->value : r->value);
			cr_assert(contains_squeezed(text, v), "missing %s", v);
		}
	}
}

Test(latex, model_compiles_and_every_fact_is_in_the_pdf)
{
	brief_doc d;
	brief_buf tex = BRIEF_BUF_INIT;
	brief_render_opts o = { .format = BRIEF_FMT_TEX, .epoch = 1738713600 };
	brief_diag diag = { .sink = silent };
	brief_test_doc_long(&d, 60);    /* a projects table over pages */
	cr_assert_eq(brief_render_tex(&d, &o, &tex, &diag), 0);
	compile_here(tex.data, tex.len, "model");
	char pdf[128];
	snprintf(pdf, sizeof pdf, "%s/model.pdf", dir);
	char *text = pdf_text(pdf);
	rows_in_pdf(text, &d.targets);
	rows_in_pdf(text, &d.actuals);
	rows_in_pdf(text, &d.projects);
	rows_in_pdf(text, &d.clusters);
	cr_assert(contains_squeezed(text, "来源不一致"));
	cr_assert(contains_squeezed(text, "与同级区县对比"));
	cr_assert(contains_squeezed(text, "数据依据"));
	cr_assert(contains_squeezed(text, "https://www.hzqt.gov.cn/art/2025/2/6/art_1229_1.html"));
	free(text);
	brief_buf_free(&tex);
	brief_doc_free(&d);
}

Test(latex, injections_print_and_do_nothing)
{
	brief_doc d;
	brief_buf tex = BRIEF_BUF_INIT;
	brief_render_opts o = { .format = BRIEF_FMT_TEX, .epoch = 0 };
	brief_diag diag = { .sink = silent };
	unlink("/tmp/pwned");
	brief_test_doc_hostile(&d);
	cr_assert_eq(brief_render_tex(&d, &o, &tex, &diag), 0);
	char pdf[128];
	snprintf(pdf, sizeof pdf, "%s/hostile.pdf", dir);
	cr_assert_eq(brief_tex_compile(tex.data, tex.len, pdf, 0, &diag), 0);
	cr_assert_neq(access("/tmp/pwned", F_OK), 0, "\\write18 ran");
	char *text = pdf_text(pdf);
	cr_assert(contains_squeezed(text, "\\input{/etc/passwd}"), "%s", text);
	cr_assert(contains_squeezed(text, "\\write18{touch/tmp/pwned}"));
	cr_assert(contains_squeezed(text, "R&D_100%#1"));
	cr_assert_null(strstr(text, "root:x:0:0"), "/etc/passwd was read");
	free(text);
	brief_buf_free(&tex);
	brief_doc_free(&d);
}

Test(latex, errors_are_reported_and_leave_no_pdf)
{
	brief_buf errs = BRIEF_BUF_INIT;
	brief_diag diag = { .sink = silent, .user = &errs };
	static const char bad[] = "\\documentclass{article}\\begin{document}\\undefinedthing\\end{document}";
	char pdf[128];
	snprintf(pdf, sizeof pdf, "%s/bad.pdf", dir);
	cr_assert_eq(brief_tex_compile(bad, strlen(bad), pdf, -1, &diag), -1);
	cr_assert(strstr(errs.data, "! Undefined control sequence"), "%s", errs.data);
	cr_assert(strstr(errs.data, "l.1"), "%s", errs.data);
	cr_assert_neq(access(pdf, F_OK), 0, "a PDF was left behind");
	brief_buf_free(&errs);
}

Test(latex, user_template_error_names_the_line)
{
	brief_run r = { 0 };
	char db[96], tpl[96];
	snprintf(db, sizeof db, "%s/t.db", dir);
	snprintf(tpl, sizeof tpl, "%s/mine.tex", dir);
	brief_test_sh("printf '%%s\\n' '\\documentclass{ctexart}' '\\begin{document}' "
		      "'$for(targets)$ $targets.indicator$' '\\end{document}' > %s", tpl);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	cr_assert_eq(brief_test_run(&r, "--db %s render 上城区 --template %s -o %s/x.tex", db,
				    tpl, dir), 1);
	cr_assert(strstr(r.err, "mine.tex:3: $for(targets)$ is never closed"), "%s", r.err);
	brief_run_free(&r);
}

/* Every briefing the sample articles give compiles cleanly. */
Test(latex, every_sample_briefing_compiles)
{
	brief_run r = { 0 };
	char db[96];
	snprintf(db, sizeof db, "%s/s.db", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	static const char *const regions[][2] = {
		{ "330114", "2025" }, { "330110", "2024" }, { "330110", "2025" },
		{ "330102", "2025" }, { "330105", "2025" }, { "330109", "2025" },
		{ "330106", "2025" }, { "330108", "2025" }, { "330113", "2025" },
		{ "330300", "2024" }, { "330500", "2024" }, { "330100", "2024" },
	};
	for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++) {
		char name[32];
		snprintf(name, sizeof name, "r%s-%s", regions[i][0], regions[i][1]);
		cr_assert_eq(brief_test_run(&r, "--db %s render %s --year %s -o %s/%s.tex", db,
					    regions[i][0], regions[i][1], dir, name), 0, "%s", r.err);
		char path[160];
		snprintf(path, sizeof path, "%s/%s.tex", dir, name);
		char *tex = slurp(path);
		compile_here(tex, strlen(tex), name);
		free(tex);
	}
	brief_run_free(&r);
}

Test(latex, golden_sources_for_two_regions)
{
	brief_run r = { 0 };
	setenv("SOURCE_DATE_EPOCH", "1738713600", 1);     /* as scripts/golden.sh */
	char db[96];
	snprintf(db, sizeof db, "%s/g.db", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	static const char *const g[][3] = {
		{ "钱塘区", "2025", "tests/golden/钱塘区-2025.tex" },
		{ "余杭区", "2024", "tests/golden/余杭区-2024.tex" },
	};
	for (size_t i = 0; i < 2; i++) {
		cr_assert_eq(brief_test_run(&r, "--db %s render %s --year %s -o %s/g%zu.tex", db,
					    g[i][0], g[i][1], dir, i), 0, "%s", r.err);
		char path[160];
		snprintf(path, sizeof path, "%s/g%zu.tex", dir, i);
		char *got = slurp(path), *want = slurp(g[i][2]);
		cr_assert_not_null(want, "%s (make golden)", g[i][2]);
		cr_assert_str_eq(got, want, "%s changed: make golden and review the diff", g[i][2]);
		free(got);
		free(want);
	}
	brief_run_free(&r);
}
