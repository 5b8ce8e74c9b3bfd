/*
 * brief export --format xlsx, read back by openpyxl
 * (tests/tools/check_xlsx.py): sheet names and header rows, every fact
 * with its numeric value, links to the documents' URLs, and the 对比
 * sheet against the JSON models (brief show --json) of the same regions;
 * repeatable bytes; bad arguments and unwritable files.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support/run.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-xlsx-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s/models", dir, dir);
	setenv("SOURCE_DATE_EPOCH", "1738713600", 1);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(xlsx, .init = setup, .fini = teardown, .timeout = 120);

/* The seeds, one of them with the URL it would have come from. */
static void prepare(void)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest -q data/articles", dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("sqlite3 %s/a.db \"UPDATE documents SET url = "
				   "'https://example.org/news?id=1&p=2' WHERE name LIKE '001_%%'\"",
				   dir), 0);
	brief_run_free(&r);
}

/* The JSON model of every region with a briefing for `year` in scope. */
static void models(int year, const char *scope)
{
	cr_assert_eq(brief_test_sh("%s --db %s/a.db regions --briefings %s%s | awk -F'\\t' "
				   "'$2 == %d { print $1 }' | while read code; do %s --db %s/a.db "
				   "show $code --year %d --json > %s/models/$code.json || exit 1; done",
				   brief_test_bin(), dir, scope ? "--scope " : "", scope ? scope : "",
				   year, brief_test_bin(), dir, year, dir), 0);
	cr_assert_eq(brief_test_sh("ls %s/models/*.json >/dev/null", dir), 0, "no models");
}

static int check_out(const char *xlsx, const char *jsonl, int year, const char *out)
{
	char y[16] = "";
	if (year)
		snprintf(y, sizeof y, "%d", year);
	return brief_test_sh("/usr/bin/python3 tests/tools/check_xlsx.py %s/%s %s/%s %s/models %s%s",
			     dir, xlsx, dir, jsonl, dir, y, out);
}

static int check(const char *xlsx, const char *jsonl, int year)
{
	return check_out(xlsx, jsonl, year, "");
}

Test(xlsx, every_fact_and_the_comparison_read_back)
{
	brief_run r = { 0 };
	prepare();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/all.xlsx", dir, dir), 0, "%s",
		     r.err);
	cr_assert_str_eq(r.out, "");
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/all.jsonl", dir, dir), 0);
	models(2025, NULL);     /* 对比 without --year: the latest with targets */
	cr_assert_eq(check("all.xlsx", "all.jsonl", 0), 0);
	/* the checker is no rubber stamp: a year's facts are not all facts */
	cr_assert_neq(check_out("all.xlsx", "all.jsonl", 2025, " >/dev/null"), 0);
	brief_run_free(&r);
}

Test(xlsx, region_year_and_scope)
{
	brief_run r = { 0 };
	prepare();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export --format xlsx -o %s/h.xlsx --region 杭州"
				     " --year 2025 --scope 杭州市", dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export --region 杭州市 -o %s/h.jsonl", dir,
				    dir), 0, "%s", r.err);
	models(2025, "杭州市");
	cr_assert_eq(check("h.xlsx", "h.jsonl", 2025), 0);
	/* a scope of one district: one row in 对比 */
	brief_test_sh("rm %s/models/*.json", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/q.xlsx --year 2025 --scope 钱塘区",
				    dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/q.jsonl", dir, dir), 0);
	models(2025, "钱塘区");
	cr_assert_eq(check("q.xlsx", "q.jsonl", 2025), 0);
	brief_run_free(&r);
}

static int same_files(const char *a, const char *b)
{
	return brief_test_sh("cmp -s %s/%s %s/%s", dir, a, dir, b);
}

Test(xlsx, same_input_same_bytes)
{
	brief_run r = { 0 };
	prepare();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/1.xlsx", dir, dir), 0);
	/* zip entries carry times to 2 s: a later second must not show */
	struct timespec ts = { 2, 100000000L };
	nanosleep(&ts, NULL);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/2.xlsx", dir, dir), 0);
	cr_assert_eq(same_files("1.xlsx", "2.xlsx"), 0);
	cr_assert_eq(brief_test_sh("/usr/bin/python3 -c \"import zipfile,sys; "
				   "sys.exit('2025-02-05T00:00:00Z' not in zipfile.ZipFile('%s/1.xlsx')"
				   ".read('docProps/core.xml').decode())\"", dir), 0);
	setenv("SOURCE_DATE_EPOCH", "1738800000", 1);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/3.xlsx", dir, dir), 0);
	cr_assert_neq(same_files("1.xlsx", "3.xlsx"), 0);
	brief_run_free(&r);
}

Test(xlsx, bad_arguments_and_unwritable_files)
{
	brief_run r = { 0 };
	prepare();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export --format xlsx", dir), 2);
	cr_assert(strstr(r.err, "xlsx needs -o FILE.xlsx"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export --format csv -o %s/x.xlsx", dir, dir), 2);
	cr_assert(strstr(r.err, "--format csv does not fit"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export --scope 杭州市 -o %s/x.csv", dir, dir), 2);
	cr_assert(strstr(r.err, "--scope is for --format xlsx"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/x.xlsx --scope 不存在区", dir, dir), 1);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/none/x.xlsx", dir, dir), 1);
	cr_assert(strstr(r.err, "none/x.xlsx"), "%s", r.err);
	/* nothing half-written, no temporary file */
	cr_assert_eq(brief_test_sh("ls %s | grep -q xlsx", dir), 1);
	brief_run_free(&r);
}

Test(xlsx, batch_writes_the_years_workbook_and_lists_it)
{
	brief_run r = { 0 };
	prepare();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --out %s/rep -j 2", dir, dir),
		     0, "%s", r.err);
	cr_assert(strstr(r.out, "全部.xlsx"), "%s", r.out);
	cr_assert_eq(brief_test_sh("/usr/bin/python3 tests/tools/check_manifest.py %s/rep/2025",
				   dir), 0);
	cr_assert_eq(brief_test_sh("grep -q '^combined,全部,,xlsx,全部.xlsx,,' %s/rep/2025/manifest.csv",
				   dir), 0);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/all.jsonl", dir, dir), 0);
	cr_assert_eq(brief_test_sh("cp %s/rep/2025/全部.xlsx %s/b.xlsx", dir, dir), 0);
	models(2025, NULL);
	cr_assert_eq(check("b.xlsx", "all.jsonl", 2025), 0);
	/* the same workbook as export writes for the year */
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/e.xlsx --year 2025", dir, dir), 0);
	cr_assert_eq(same_files("b.xlsx", "e.xlsx"), 0);
	/* with a scope, named after it */
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --scope 杭州市 --out %s/rep",
				    dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("test -s %s/rep/2025/杭州市.xlsx", dir), 0);
	brief_run_free(&r);
}

Test(xlsx, a_killed_writers_temporary_file_is_cleared)
{
	brief_run r = { 0 };
	prepare();
	/* one of a process that is gone, one of a live one (this test) */
	pid_t gone = fork();
	if (gone == 0)
		_exit(0);
	waitpid(gone, NULL, 0);
	brief_test_sh("echo x > %s/w.xlsx.%ld.tmp && echo y > %s/w.xlsx.%ld.tmp && echo z > %s/w.xlsx.notes.tmp",
		      dir, (long)gone, dir, (long)getpid(), dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db export -o %s/w.xlsx", dir, dir), 0, "%s", r.err);
	cr_assert_neq(brief_test_sh("test -e %s/w.xlsx.%ld.tmp", dir, (long)gone), 0,
		      "a dead writer's file is left");
	cr_assert_eq(brief_test_sh("test -e %s/w.xlsx.%ld.tmp", dir, (long)getpid()), 0,
		     "a live writer's file was removed");
	cr_assert_eq(brief_test_sh("test -e %s/w.xlsx.notes.tmp", dir), 0, "not brief's pattern");
	cr_assert_eq(brief_test_sh("ls %s | grep -c '^w.xlsx' | grep -qx 3", dir), 0);
	brief_run_free(&r);
}

/* libxlsxwriter (with libminizip and libcrypto) stays out of brief's own
 * start-up: only brief-batch, behind batch and export, links it. */
Test(xlsx, only_brief_batch_links_libxlsxwriter)
{
	char batch[512];
	snprintf(batch, sizeof batch, "%s", brief_test_bin());
	char *slash = strrchr(batch, '/');
	cr_assert_not_null(slash);
	snprintf(slash + 1, sizeof batch - (size_t)(slash + 1 - batch), "brief-batch");
	cr_assert_neq(brief_test_sh("ldd %s | grep -q libxlsxwriter", brief_test_bin()), 0);
	cr_assert_eq(brief_test_sh("ldd %s | grep -q libxlsxwriter", batch), 0);
}
