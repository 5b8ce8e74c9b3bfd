/*
 * The command line a careful user expects (issue 15): every failure says
 * what is wrong in one line with the "brief: " prefix, nothing is created
 * or overwritten silently, and the commands agree with each other (the
 * region resolver, the years that have a briefing) and with brief.1.
 * Each test runs the built binary ($BRIEF_BIN) as a user would.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "support/run.h"

static char dir[64], bin[PATH_MAX];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-user-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
	if (!realpath(brief_test_bin(), bin))
		snprintf(bin, sizeof bin, "%s", brief_test_bin());
	setenv("SOURCE_DATE_EPOCH", "1738713600", 1);
}

static void teardown(void)
{
	brief_test_sh("chmod -R u+w %s 2>/dev/null; rm -rf %s", dir, dir);
}

TestSuite(user, .init = setup, .fini = teardown, .timeout = 180);

static void ingest(void)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest -q data/articles", dir), 0,
		     "%s", r.err);
	brief_run_free(&r);
}

static int exists(const char *fmt, const char *a, const char *b)
{
	char p[512];
	snprintf(p, sizeof p, fmt, a, b);
	return access(p, F_OK) == 0;
}

static size_t lines(const char *s)
{
	return brief_test_count(s, "\n");
}

/* A usage error: exit 2, nothing on stdout, exactly the line `first`
 * and then the pointer to --help. */
static void usage_error(const char *args, const char *first)
{
	brief_run r = { 0 };
	char want[512];
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db %s", dir, args), 2, "%s: %s", args, r.err);
	snprintf(want, sizeof want, "%s\n", first);
	cr_assert_eq(strncmp(r.err, want, strlen(want)), 0, "%s: got %s", args, r.err);
	cr_assert_eq(lines(r.err), 2, "%s: %s", args, r.err);
	cr_assert(strstr(r.err, "Try 'brief ") && strstr(r.err, "--help'"), "%s", r.err);
	cr_assert_str_eq(r.out, "", "%s", args);
	brief_run_free(&r);
}

/* 1: the two PDFs of a region have two names. */
Test(user, compile_and_format_pdf_write_different_files)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_sh("cd %s && %s --db a.db render 上城区 --format pdf >/dev/null"
				   " && cp reports/2025/上城区.pdf own.pdf", dir, bin), 0);
	cr_assert_eq(brief_test_sh("cd %s && %s --db a.db render 上城区 --compile > out.txt",
				   dir, bin), 0);
	cr_assert_eq(brief_test_sh("cd %s && cmp -s own.pdf reports/2025/上城区.pdf", dir), 0,
		     "--compile replaced the PDF of --format pdf");
	cr_assert(exists("%s/reports/2025/上城区-xelatex.pdf%s", dir, ""));
	cr_assert_eq(brief_test_sh("grep -qx 'reports/2025/上城区-xelatex.pdf' %s/out.txt", dir), 0);
	/* -o x.tex --compile leaves an x.pdf alone */
	brief_test_sh("echo mine > %s/x.pdf", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db render 上城区 -o %s/x.tex --compile", dir,
				    dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("grep -qx mine %s/x.pdf", dir), 0, "x.pdf was overwritten");
	cr_assert(exists("%s/x-xelatex.pdf%s", dir, ""));
	cr_assert_eq(brief_test_run(&r, "render --help"), 0);
	cr_assert(strstr(r.out, "-xelatex.pdf"), "the name is not documented: %s", r.out);
	brief_run_free(&r);
}

/* 2: a file named on the command line that is missing is an error. */
Test(user, missing_template_and_style_are_errors)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db render 上城区 --template %s/nope.tex -o %s/x.tex",
				    dir, dir, dir), 1);
	cr_assert(strstr(r.err, "brief: ") && strstr(r.err, "nope.tex: cannot read the template"),
		  "%s", r.err);
	cr_assert_not(exists("%s/x.tex%s", dir, ""), "written with the built-in template");
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db render 上城区 --format pdf --style %s/nope.conf"
				    " -o %s/x.pdf", dir, dir, dir), 1);
	cr_assert(strstr(r.err, "nope.conf: cannot read the style file"), "%s", r.err);
	cr_assert_not(exists("%s/x.pdf%s", dir, ""));
	brief_run_free(&r);
}

/* 3: only ingest creates a database. */
Test(user, reading_commands_never_create_a_database)
{
	static const char *const cmds[] = {
		"docs", "text 1", "export", "regions", "show 钱塘区", "extract",
		"render 钱塘区 -o %s/x.tex", "batch --year 2025 --out %s/o",
		"mail --year 2025 --recipients data/recipients.csv --out %s/m",
	};
	brief_run r = { 0 };
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		char cmd[256], where[128];
		snprintf(cmd, sizeof cmd, cmds[i], dir);
		for (int k = 0; k < 2; k++) {
			/* a missing directory, and a missing file in one that exists */
			snprintf(where, sizeof where, k ? "%s/none.db" : "%s/none/x.db", dir);
			cr_assert_eq(brief_test_run(&r, "--db %s %s", where, cmd), 1, "%s: %s", cmd,
				     r.err);
			cr_assert(strstr(r.err, "no such database"), "%s: %s", cmd, r.err);
			cr_assert_eq(lines(r.err), 1, "%s: %s", cmd, r.err);
			cr_assert_neq(access(where, F_OK), 0, "%s created %s", cmd, where);
		}
		cr_assert_not(exists("%s/none%s", dir, ""), "%s created a directory", cmd);
	}
	cr_assert_eq(brief_test_run(&r, "--db %s/new/x.db ingest -q data/articles", dir), 0);
	cr_assert(exists("%s/new/x.db%s", dir, ""));
	brief_run_free(&r);
}

static size_t export_rows(const char *region)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export --region %s", dir, region), 0,
		     "%s: %s", region, r.err);
	size_t n = lines(r.out);
	brief_run_free(&r);
	return n;
}

/* 4: names, short names and codes mean one region in every command. */
Test(user, one_region_resolver_for_every_command)
{
	brief_run r = { 0 };
	ingest();
	size_t qt = export_rows("330114");
	cr_assert_gt(qt, 0);
	cr_assert_eq(export_rows("钱塘区"), qt);
	cr_assert_eq(export_rows("钱塘"), qt, "the short name show accepts");
	size_t hz = export_rows("330100");
	cr_assert_gt(hz, qt, "a city holds its districts");
	cr_assert_eq(export_rows("杭州市"), hz, "the name and the code differ");
	cr_assert_eq(export_rows("杭州"), hz);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export --region 钱唐区", dir), 1);
	cr_assert(strstr(r.err, "brief: 钱唐区: unknown region"), "%s", r.err);
	cr_assert_str_eq(r.out, "");
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db regions --scope 钱塘", dir), 0, "%s", r.err);
	cr_assert(strstr(r.out, "330114"));
	cr_assert_eq(lines(r.out), 2, "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --scope 钱唐区 --out %s/o",
				    dir, dir), 1);
	cr_assert(strstr(r.err, "钱唐区: unknown region"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db show 330114 --year 2025", dir), 0);
	brief_run_free(&r);
}

/* 5: a typo gets the nearest names, a shared name every region's code. */
Test(user, typos_get_suggestions_and_shared_names_list_codes)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db show 钱唐区", dir), 1);
	cr_assert(strstr(r.err, "did you mean 钱塘区 (330114, 杭州市)"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db render 余航区 -o %s/x.tex", dir, dir), 1);
	cr_assert(strstr(r.err, "余杭区 (330110, 杭州市)"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db show 鼓楼区", dir), 1);
	cr_assert(strstr(r.err, "320106, 南京市") && strstr(r.err, "350102, 福州市"), "%s", r.err);
	cr_assert(strstr(r.err, "give the code"), "%s", r.err);
	cr_assert_eq(lines(r.err), 1, "%s", r.err);
	brief_run_free(&r);
}

/* 6: usage errors in one line, one prefix, options on either side. */
Test(user, usage_errors_say_what_is_wrong)
{
	brief_run r = { 0 };
	ingest();
	usage_error("show 钱塘区 --year abc", "brief: show: --year: not a year: abc");
	usage_error("batch --year 2025 --format docx", "brief: batch: --format: not pdf, tex or both: docx");
	usage_error("render 钱塘区 --format docx", "brief: render: --format: not pdf, tex, text or json: docx");
	usage_error("batch --year 2025 -j 0", "brief: batch: -j: not a count from 1 to 4096: 0");
	usage_error("render 钱塘区 --compile --format pdf", "brief: render: --compile goes with --format tex only");
	usage_error("mail --year 2025 --recipients x.csv", "brief: mail: missing --out DIR or --smtp URL");
	usage_error("show 钱塘区 extra", "brief: show: unexpected argument: extra");
	usage_error("show", "brief: show: missing REGION");
	usage_error("docs --bogus", "brief: docs: unknown option: --bogus");
	usage_error("export --year", "brief: export: --year: needs an argument");
	usage_error("frobnicate", "brief: unknown command: frobnicate");
	usage_error("", "brief: no command given");
	/* the global option after the command */
	cr_assert_eq(brief_test_run(&r, "show 钱塘区 --year 2025 --db %s/a.db", dir), 0, "%s", r.err);
	cr_assert(strstr(r.out, "钱塘区 2025"));
	cr_assert_eq(brief_test_run(&r, "regions --db=%s/a.db", dir), 0, "%s", r.err);
	/* brief help [COMMAND] */
	cr_assert_eq(brief_test_run(&r, "help"), 0);
	cr_assert(strstr(r.out, "commands:") && strstr(r.out, "render"));
	cr_assert_eq(brief_test_run(&r, "help show"), 0);
	cr_assert(strstr(r.out, "usage: brief [--db FILE] show REGION"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "help mail"), 0, "%s", r.err);
	cr_assert(strstr(r.out, "usage: brief [--db FILE] mail"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "help nosuch"), 2);
	/* one prefix for every message, brief-mail's too */
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db mail --year 2025 --recipients %s/no.csv"
				    " --out %s/m", dir, dir, dir), 1);
	cr_assert_eq(strncmp(r.err, "brief: ", 7), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db show 钱塘区 --bogus", dir), 2);
	cr_assert_eq(strncmp(r.err, "brief: show: ", 13), 0, "getopt's own message: %s", r.err);
	brief_run_free(&r);
}

/* 7: -o - is standard output, whatever the format. */
Test(user, dash_o_is_standard_output)
{
	static const char *const fmt[][2] = {
		{ "tex", "% briefing.tex" }, { "pdf", "%PDF-" }, { "text", "上城区 2025 年度简报" },
		{ "json", "{" },
	};
	brief_run r = { 0 };
	ingest();
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(brief_test_sh("cd %s && %s --db a.db render 上城区 --format %s -o - > out",
					   dir, bin, fmt[i][0]), 0);
		cr_assert_eq(brief_test_sh("head -c %zu %s/out | grep -qF -- '%s'", strlen(fmt[i][1]),
					   dir, fmt[i][1]), 0, "%s", fmt[i][0]);
		cr_assert_not(exists("%s/-%s", dir, ""), "a file named - (%s)", fmt[i][0]);
	}
	cr_assert_eq(brief_test_sh("cd %s && %s --db a.db export -o - | head -1 | grep -q '^{'",
				   dir, bin), 0);
	cr_assert_not(exists("%s/-%s", dir, ""));
	usage_error("render 上城区 -o - --compile", "brief: render: --compile writes files: give -o FILE.tex");
	/* but not PDF bytes onto a terminal */
	cr_assert_eq(brief_test_sh("script -qfec '%s --db %s/a.db render 上城区 --format pdf -o -'"
				   " %s/tty.log > /dev/null", bin, dir, dir), 2);
	cr_assert_eq(brief_test_sh("grep -q 'not writing a PDF to a terminal' %s/tty.log", dir), 0);
	brief_run_free(&r);
}

/* 8: an option of another format is refused; -o's extension is a format. */
Test(user, options_that_do_not_apply_are_rejected)
{
	brief_run r = { 0 };
	char u[256];
	ingest();
	snprintf(u, sizeof u, "render 上城区 --style x.conf -o %s/x.tex", dir);
	usage_error(u, "brief: render: --style goes with --format pdf only");
	snprintf(u, sizeof u, "render 上城区 --format pdf --template x.tex -o %s/x.pdf", dir);
	usage_error(u, "brief: render: --template goes with --format tex only");
	snprintf(u, sizeof u, "render 上城区 -o %s/x.tex --format pdf", dir);
	char want[256];
	snprintf(want, sizeof want, "brief: render: --format pdf does not fit -o %s/x.tex", dir);
	usage_error(u, want);
	snprintf(u, sizeof u, "export --format csv -o %s/f.jsonl", dir);
	snprintf(want, sizeof want, "brief: export: --format csv does not fit -o %s/f.jsonl", dir);
	usage_error(u, want);
	cr_assert_eq(brief_test_sh("ls %s | grep -v a.db | wc -l | grep -qx 0", dir), 0,
		     "a refused command wrote a file");
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db render 上城区 -o %s/y.pdf", dir, dir), 0);
	cr_assert_eq(brief_test_sh("head -c 5 %s/y.pdf | grep -q %%PDF", dir), 0, "not a PDF");
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db render 上城区 -o %s/y.json", dir, dir), 0);
	cr_assert_eq(brief_test_sh("head -c 1 %s/y.json | grep -q '{'", dir), 0);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/f.csv", dir, dir), 0);
	cr_assert_eq(brief_test_sh("head -1 %s/f.csv | grep -q '^type,doc,'", dir), 0);
	brief_run_free(&r);
}

/* 9: batch says what it wrote, and refuses an unwritable --out once. */
Test(user, batch_names_its_files_and_checks_out_first)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --scope 杭州市 --out %s/o"
				    " --format both -j 2", dir, dir), 0, "%s", r.err);
	char want[256];
	static const char *const files[] = { "钱塘区.pdf", "钱塘区.tex", "上城区.pdf",
					     "杭州市-合订本.pdf", "杭州市-合订本.tex",
					     "manifest.json" };
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(want, sizeof want, "%s/o/2025/%s\n", dir, files[i]);
		cr_assert(strstr(r.out, want), "%s not named: %s", files[i], r.out);
	}
	brief_test_sh("echo x > %s/file", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --out %s/file/sub -j 2",
				    dir, dir), 1);
	cr_assert_eq(lines(r.err), 1, "one error up front: %s", r.err);
	cr_assert(strstr(r.err, "file/sub: cannot write the briefings there"), "%s", r.err);
	/* on a terminal: no rate and no ETA before the first briefing is done */
	cr_assert_eq(brief_test_sh("script -qfec '%s --db %s/a.db batch --year 2025 --out %s/t -j 1'"
				   " %s/tty.log > /dev/null", bin, dir, dir, dir), 0);
	cr_assert_eq(brief_test_sh("grep -q 'briefings' %s/tty.log", dir), 0, "no progress bar");
	/* 0.0/s alone, not the end of 10.0/s */
	cr_assert_neq(brief_test_sh("grep -Eq '(^|[^0-9.])0\\.0/s' %s/tty.log", dir), 0, "a rate of 0.0/s");
	cr_assert_eq(brief_test_sh("tr '\\r' '\\n' < %s/tty.log | grep -m1 briefings"
				   " | grep -q '0/[0-9]* briefings$'", dir), 0,
		     "the first bar shows a rate or an ETA");
	brief_run_free(&r);
}

/* Display width of a UTF-8 string, as a terminal draws it. */
static size_t width(const char *s, size_t n)
{
	size_t w = 0;
	utf8proc_int32_t cp;
	for (utf8proc_ssize_t k; n > 0 && (k = utf8proc_iterate((const utf8proc_uint8_t *)s,
							       (utf8proc_ssize_t)n, &cp)) > 0;
	     s += k, n -= (size_t)k)
		w += (size_t)utf8proc_charwidth(cp);
	return w;
}

/* 10: the fact counts of unchanged files; docs' columns. */
Test(user, ingest_counts_and_docs_columns)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest data/articles/000_851db24ed264abd6.txt",
				    dir), 0);
	const char *p = strstr(r.out, "sentences, ");
	cr_assert(p);
	long facts = strtol(p + strlen("sentences, "), NULL, 10);
	cr_assert_gt(facts, 0);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest data/articles", dir), 0);
	char want[128];
	snprintf(want, sizeof want, "sentences, %ld facts)", facts);
	cr_assert(strstr(r.out, "unchanged") && strstr(r.out, want), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db docs", dir), 0);
	cr_assert(strstr(r.out, "…"), "a cut title without …: %s", r.out);
	/* the column after the title starts at one display column in every row */
	size_t col = 0;
	for (char *line = r.out, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		const char *enc = strstr(line, "UTF-8");
		if (!enc || enc > nl)
			continue;
		size_t w = width(line, (size_t)(enc - line));
		cr_assert(col == 0 || w == col, "misaligned row: %.*s", (int)(nl - line), line);
		col = w;
	}
	cr_assert_gt(col, 0);
	brief_run_free(&r);
}

/* 11, 13: regions, show, batch and run.sh agree on the years that have
 * a briefing: targets for Y or results for Y-1. */
Test(user, every_command_agrees_on_the_briefing_years)
{
	brief_run r = { 0 }, s = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db regions --briefings", dir), 0, "%s", r.err);
	/* 台州市's only results of 2024 are of 一季度: no year's results */
	cr_assert_null(strstr(r.out, "331000\t2025"), "%s", r.out);
	cr_assert(strstr(r.out, "330114\t2021\t0\t"), "钱塘区's results of 2020: %s", r.out);
	size_t n = 0;
	for (char *line = r.out, *nl; (nl = strchr(line, '\n')); line = nl + 1, n++) {
		char code[16];
		int year;
		cr_assert_eq(sscanf(line, "%15s %d", code, &year), 2);
		cr_assert_eq(brief_test_run(&s, "--db %s/a.db show %s --year %d", dir, code, year), 0,
			     "regions lists %s %d, show refuses it: %s", code, year, s.err);
	}
	cr_assert_gt(n, 10);
	/* a year with results of its own only: no briefing, and show says why */
	cr_assert_eq(brief_test_run(&s, "--db %s/a.db show 钱塘区 --year 2019", dir), 1);
	cr_assert(strstr(s.err, "no briefing for 2019") && strstr(s.err, "2021, 2022, 2023, 2025"), "%s",
		  s.err);
	cr_assert_eq(brief_test_run(&s, "--db %s/a.db regions", dir), 0);
	/* 2020 only from a guessed year of an undated article, 2026 only
	 * from Spring-festival figures of 2025: neither is a briefing */
	/* 2022: the results of 2021 (分别在2021年、2022年突破…) */
	cr_assert(strstr(s.out, "2021,2022,2023,2025"), "%s", s.out);
	cr_assert_null(strstr(s.out, "2020,2021"), "%s", s.out);
	cr_assert_eq(brief_test_run(&s, "--db %s/a.db batch --year 2021 --out %s/o -j 1", dir, dir),
		     0, "%s", s.err);
	cr_assert(strstr(s.out, "batch: 1 region for 2021"), "%s", s.out);
	cr_assert_eq(brief_test_run(&s, "regions --help"), 0);
	cr_assert(strstr(s.out, "targets for Y or\nresults for Y-1"), "%s", s.out);
	/* make run: text, JSON and PDF for the same region-years */
	cr_assert_eq(brief_test_sh("cd %s && ln -s $OLDPWD/data data && BRIEF_DB=%s/r.db"
				   " $OLDPWD/scripts/run.sh %s > run.log 2>&1", dir, dir, bin), 0);
	cr_assert_eq(brief_test_sh("cd %s/reports && ls */*.txt | sed 's/.txt$//' | sort > t &&"
				   " ls */*.pdf | grep -v 合订本 | sed 's/.pdf$//' | sort > p &&"
				   " cmp -s t p && test -s t && grep -qx 2025/钱塘区 t", dir), 0,
		     "make run wrote text and PDFs for different region-years");
	brief_run_free(&r);
	brief_run_free(&s);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	char *p = calloc(1, 1 << 20);
	size_t n = fread(p, 1, (1 << 20) - 1, f);
	fclose(f);
	p[n] = '\0';
	return p;
}

/* The man page's entry of a command: from its .TP to the next. */
static char *man_entry(const char *man, const char *cmd)
{
	const char *sec = strstr(man, "\n.SH COMMANDS\n"), *end;
	cr_assert_not_null(sec);
	end = strstr(sec + 1, "\n.SH ");
	for (const char *tp = strstr(sec, "\n.TP\n"); tp && tp < end;
	     tp = strstr(tp + 1, "\n.TP\n")) {
		const char *head = tp + 5, *next = strstr(head, "\n.TP\n");
		size_t skip = strncmp(head, ".BI \"", 5) == 0 ? 5 : strncmp(head, ".B ", 3) == 0 ? 3
			    : strncmp(head, "\\fB", 3) == 0 ? 3 : 0;
		size_t len = strlen(cmd);
		if (strncmp(head + skip, cmd, len) == 0 && strchr(" \\\n", head[skip + len])) {
			next = next && next < end ? next : end;
			return strndup(head, (size_t)(next - head));
		}
	}
	return NULL;
}

/* 12: brief.1 and --help list the same commands and options. */
Test(user, man_page_agrees_with_help)
{
	brief_run r = { 0 }, c = { 0 };
	char *man = slurp("brief.1");
	cr_assert(strstr(man, "\n.SH OPTIONS\n") && strstr(man, "\n.SH SEE ALSO\n"));
	cr_assert_eq(brief_test_run(&r, "--help"), 0);
	const char *cmds = strstr(r.out, "commands:\n");
	cr_assert_not_null(cmds);
	size_t n = 0;
	for (const char *line = strchr(cmds, '\n') + 1; *line == ' '; line = strchr(line, '\n') + 1) {
		char name[32], want[64];
		cr_assert_eq(sscanf(line, " %31s", name), 1);
		char *entry = man_entry(man, name);
		cr_assert_not_null(entry, "brief.1 has no entry for %s", name);
		if (!strcmp(name, "help")) {    /* brief help --help: the global options */
			const char *o = strstr(man, "\n.SH OPTIONS\n");
			free(entry);
			entry = strndup(o, (size_t)(strstr(o + 1, "\n.SH ") - o));
		}
		cr_assert_eq(brief_test_run(&c, "%s --help", name), 0, "%s", name);
		for (const char *o = strstr(c.out, "--"); o; o = strstr(o + 2, "--")) {
			size_t k = 2;
			while (o[k] == '-' || (o[k] >= 'a' && o[k] <= 'z'))
				k++;
			if (k == 2 || (strcmp(name, "help") && (!strncmp(o, "--help", k) ||
								       !strncmp(o, "--db", k))))
				continue;
			size_t w = 0;   /* every hyphen of the name escaped, as troff wants */
			for (size_t i = 0; i < k && w + 3 < sizeof want; i++) {
				if (o[i] == '-')
					want[w++] = '\\';
				want[w++] = o[i];
			}
			want[w] = '\0';
			cr_assert(strstr(entry, want), "%s --help has %.*s, brief.1 does not",
				  name, (int)k, o);
		}
		free(entry);
		n++;
	}
	cr_assert_geq(n, 11, "%s", r.out);
	/* and the other way: every command of the man page is in --help */
	const char *sec = strstr(man, "\n.SH COMMANDS\n"), *end = strstr(sec + 1, "\n.SH ");
	for (const char *tp = strstr(sec, "\n.TP\n"); tp && tp < end; tp = strstr(tp + 1, "\n.TP\n"))
		n--;
	cr_assert_eq(n, 0, "brief.1 and --help list different numbers of commands");
	/* docs is described alike */
	cr_assert_eq(brief_test_run(&c, "docs --help"), 0);
	cr_assert(strstr(c.out, "characters, warnings and facts"), "%s", c.out);
	cr_assert(strstr(man, "script, characters, warnings and facts"));
	/* the examples read the same in the C locale */
	cr_assert_eq(brief_test_sh("LANG=C LC_ALL=C MANWIDTH=100 man -l -P cat brief.1 2>/dev/null"
				   " | grep -q 'brief show 330114 --year 2025'"), 0);
	cr_assert_eq(brief_test_sh("LANG=C.UTF-8 LC_ALL=C.UTF-8 MANWIDTH=100 man -l -P cat brief.1"
				   " 2>/dev/null | grep -Eq '钱塘区 +.Qiantang'"), 0);
	free(man);
	brief_run_free(&r);
	brief_run_free(&c);
}

/* 12: the README's sample output is what a real run prints. */
Test(user, readme_sample_output_is_current)
{
	cr_assert_eq(brief_test_sh("scripts/readme-sample.sh %s --check >&2", bin), 0,
		     "run scripts/readme-sample.sh build/brief and review the diff");
}
