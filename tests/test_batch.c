/*
 * brief batch as a user runs it: a briefing per district plus the
 * combined one, a manifest that tells the truth about the files, the
 * same bytes whatever the number of workers, a batch killed mid-way that
 * leaves no truncated PDF, failures reported while the others finish,
 * and region names that cannot leave the output directory.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "support/run.h"

static char dir[64];

static const char *const districts[] = {
	"上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区",
};
enum { NDISTRICTS = sizeof districts / sizeof districts[0] };

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-batch-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
	setenv("SOURCE_DATE_EPOCH", "1738713600", 1);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(batch, .init = setup, .fini = teardown, .timeout = 240);

static void ingest(void)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest -q data/articles", dir), 0,
		     "%s", r.err);
	brief_run_free(&r);
}

static bool exists(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static bool exists(const char *fmt, ...)
{
	char path[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof path, fmt, ap);
	va_end(ap);
	return access(path, F_OK) == 0;
}

Test(batch, every_district_the_combined_briefing_and_a_true_manifest)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --scope 杭州市"
				     " --format both --out %s/out -j 2", dir, dir), 0, "%s", r.err);
	cr_assert(strstr(r.out, "batch: 8 regions for 2025, 19 files written, 0 failed"),
		  "%s", r.out);
	for (size_t i = 0; i < NDISTRICTS; i++) {
		cr_assert(exists("%s/out/2025/%s.pdf", dir, districts[i]), "%s", districts[i]);
		cr_assert(exists("%s/out/2025/%s.tex", dir, districts[i]), "%s", districts[i]);
	}
	cr_assert(exists("%s/out/2025/杭州市-合订本.pdf", dir));
	cr_assert(exists("%s/out/2025/杭州市-合订本.tex", dir));
	cr_assert(exists("%s/out/2025/杭州市.xlsx", dir));    /* the scope's workbook */
	/* outside the scope */
	cr_assert_not(exists("%s/out/2025/台州市.pdf", dir));
	cr_assert_eq(brief_test_sh("/usr/bin/python3 tests/tools/check_manifest.py %s/out/2025",
				   dir), 0, "the manifest does not match the files");
	/* the combined PDF has a page per region at least */
	cr_assert_eq(brief_test_sh("test $(qpdf --show-npages '%s/out/2025/杭州市-合订本.pdf') -ge 8",
				   dir), 0);
	cr_assert_eq(brief_test_sh("grep -q '\"code\": \"330114\"' %s/out/2025/manifest.json &&"
				   " grep -q '^briefing,钱塘区,330114,pdf,钱塘区.pdf,' %s/out/2025/manifest.csv",
				   dir, dir), 0);
	/* no scope: every region, and 全部 */
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --out %s/all", dir, dir),
		     0, "%s", r.err);
	cr_assert(exists("%s/all/2025/全部-合订本.pdf", dir));
	cr_assert(exists("%s/all/2025/钱塘区.pdf", dir));
	/* 台州市's only results of 2024 are of 一季度: no briefing for 2025 */
	cr_assert_not(exists("%s/all/2025/台州市.pdf", dir));
	cr_assert_not(exists("%s/all/2025/钱塘区.tex", dir), "tex without --format");
	brief_run_free(&r);
}

Test(batch, output_does_not_depend_on_the_number_of_workers)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --format both"
				     " --out %s/j1 -j 1", dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --format both"
				     " --out %s/j2 -j 2", dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --format both"
				     " --out %s/j5 --jobs 5", dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("diff -r %s/j1 %s/j2 >&2 && diff -r %s/j1 %s/j5 >&2",
				   dir, dir, dir, dir), 0, "outputs differ");
	/* and a second run gives the same bytes */
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --format both"
				     " --out %s/j2 -j 2", dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("diff -r %s/j1 %s/j2 >&2", dir, dir), 0);
	brief_run_free(&r);
}

/* Every PDF under its final name is whole: %PDF at the start, %%EOF at
 * the end. Returns how many there are. */
static size_t check_pdfs(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	size_t n = 0;
	if (!d)
		return 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 4 || strcmp(e->d_name + len - 4, ".pdf"))
			continue;
		char file[1024];
		snprintf(file, sizeof file, "%s/%s", path, e->d_name);
		cr_assert_eq(brief_test_sh("head -c 5 '%s' | grep -q '^%%PDF-' &&"
					   " tail -c 7 '%s' | grep -q '%%%%EOF'", file, file), 0,
			     "%s is truncated", file);
		n++;
	}
	closedir(d);
	return n;
}

static size_t count_files(const char *path)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "ls %s 2>/dev/null | wc -l", path);
	FILE *p = popen(cmd, "r");
	size_t n = 0;
	if (p && fscanf(p, "%zu", &n) != 1)
		n = 0;
	if (p)
		pclose(p);
	return n;
}

Test(batch, sigkill_never_leaves_a_truncated_pdf)
{
	brief_run r = { 0 };
	char out[128];
	ingest();
	cr_assert_eq(brief_test_sh("scripts/synth-db.sh %s/a.db %s/big.db 1500 >/dev/null",
				   dir, dir), 0);
	snprintf(out, sizeof out, "%s/k/2025", dir);
	srand((unsigned)time(NULL));
	for (int round = 0; round < 4; round++) {
		pid_t pid = brief_test_spawn("--db %s/big.db batch --year 2025 --out %s/k -j 2",
					     dir, dir);
		struct timespec ts = { 0, (100 + rand() % 500) * 1000000L };
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		/* the workers die with it: nothing is written afterwards */
		size_t before = count_files(out);
		struct timespec settle = { 0, 300000000L };
		nanosleep(&settle, NULL);
		cr_assert_eq(count_files(out), before, "workers outlived the batch");
		check_pdfs(out);
	}
	/* a whole run afterwards completes everything */
	cr_assert_eq(brief_test_run(&r, "--db %s/big.db batch --year 2025 --out %s/k -j 2",
				    dir, dir), 0, "%s", r.err);
	cr_assert_geq(check_pdfs(out), 1500);
	brief_run_free(&r);
}

Test(batch, a_failing_region_is_reported_and_the_others_finish)
{
	brief_run r = { 0 };
	ingest();
	/* a region the gazetteer does not know, with a name that tries to
	 * leave the output directory */
	cr_assert_eq(brief_test_sh("sqlite3 %s/a.db \"INSERT INTO facts (doc_id, type, region,"
				   " region_code, indicator, kind, value, unit, year) VALUES"
				   " (1, 'target', '../../逃逸', '999999', 'GDP', 'growth', 5, '%%',"
				   " 2025)\"", dir), 0);
	int st = brief_test_run(&r, "--db %s/a.db batch --year 2025 --out %s/out/x -j 2",
				dir, dir);
	cr_assert_eq(st, 1, "%s", r.err);
	cr_assert(strstr(r.err, "999999"), "%s", r.err);
	cr_assert(strstr(r.err, "unknown region"), "%s", r.err);
	cr_assert(strstr(r.out, "1 failed"), "%s", r.out);
	for (size_t i = 0; i < NDISTRICTS; i++)
		cr_assert(exists("%s/out/x/2025/%s.pdf", dir, districts[i]));
	cr_assert_eq(brief_test_sh("test -z \"$(find %s -name '*逃逸*')\"", dir), 0);
	cr_assert_eq(brief_test_sh("grep -q '\"999999\"' %s/out/x/2025/manifest.json", dir), 0,
		     "the manifest does not list the failure");
	brief_run_free(&r);
}

/* Region names become file names: whatever the name, the file is
 * DIR/YEAR/<one visible name>. */
Test(batch, hostile_names_cannot_leave_the_directory)
{
	static const char *const names[] = {
		"../../etc/passwd", "/etc/passwd", "..", ".", ".hidden", "a/../../b",
		"x\\..\\y", "tab\there", "new\nline", "钱塘区/../../../root",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = brief_cli_out_path("/tmp/out", 2025, names[i], "pdf");
		const char *base = p + strlen("/tmp/out/2025/");
		cr_assert_eq(strncmp(p, "/tmp/out/2025/", strlen("/tmp/out/2025/")), 0, "%s", p);
		cr_assert_null(strchr(base, '/'), "%s", p);
		cr_assert_null(strchr(base, '\\'), "%s", p);
		cr_assert_neq(base[0], '.', "%s hides itself", p);
		for (const char *c = base; *c; c++)
			cr_assert_geq((unsigned char)*c, 0x20, "control character in %s", p);
		free(p);
	}
}

Test(batch, usage_and_scope_errors)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "batch --help"), 0);
	cr_assert(strstr(r.out, "usage: brief"));
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch", dir), 2);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --format docx", dir), 2);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 -j 0", dir), 2);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --scope 火星市"
				     " --out %s/o", dir, dir), 1);
	cr_assert(strstr(r.err, "火星市: unknown region"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 1999 --out %s/o", dir, dir), 1);
	cr_assert(strstr(r.err, "no region has a briefing for 1999"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --scope 330100"
				     " --out %s/o", dir, dir), 0, "%s", r.err);
	cr_assert(exists("%s/o/2025/杭州市-合订本.pdf", dir));
	brief_run_free(&r);
}
