/*
 * The brief command as a user runs it: ingest of the sample articles,
 * idempotence, replacement, bad input, exit statuses, and a run killed
 * at random moments. The binary comes from $BRIEF_BIN (set by make).
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support/run.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-cli-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(cli, .init = setup, .fini = teardown, .timeout = 120);

Test(cli, help_and_usage_errors)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--help"), 0);
	cr_assert(strstr(r.out, "ingest"));
	cr_assert_eq(brief_test_run(&r, "ingest --help"), 0);
	cr_assert(strstr(r.out, "usage: brief"));
	cr_assert_eq(brief_test_run(&r, "frobnicate"), 2);
	cr_assert(strstr(r.err, "unknown command"));
	cr_assert_eq(brief_test_run(&r, "ingest"), 2);
	cr_assert_eq(brief_test_run(&r, "ingest --bogus x"), 2);
	brief_run_free(&r);
}

Test(cli, ingests_the_samples_once)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest data/articles", dir), 0,
		     "%s", r.err);
	cr_assert(strstr(r.out, "5 new, 0 unchanged, 0 replaced, 0 failed"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest data/articles", dir), 0);
	cr_assert(strstr(r.out, "0 new, 5 unchanged"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db docs", dir), 0);
	cr_assert(strstr(r.out, "001_fb79c2cc7258167d.txt"));
	cr_assert(strstr(r.out, "2024-01-17"));
	cr_assert(strstr(r.out, "traditional"));
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db text 000_851db24ed264abd6.txt", dir), 0);
	cr_assert(strstr(r.out, "上城区则锚定GDP增长5.5%的目标"));
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db text --original 1", dir), 0);
	cr_assert(strstr(r.out, "區(qū)"));
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db text nosuch.txt", dir), 1);
	cr_assert(strstr(r.err, "nosuch.txt: no such document"));
	brief_run_free(&r);
}

Test(cli, changed_file_replaces_its_old_version)
{
	brief_run r = { 0 };
	brief_test_sh("cp data/articles/001_fb79c2cc7258167d.txt %s/x.txt", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest %s/x.txt", dir, dir), 0);
	brief_test_sh("echo 今年余杭区力争地区生产总值增长6%%。 >> %s/x.txt", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest %s/x.txt", dir, dir), 0);
	cr_assert(strstr(r.out, "1 replaced"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db docs", dir), 0);
	cr_assert_eq(brief_test_count(r.out, "x.txt"), 1);
	brief_run_free(&r);
}

Test(cli, bad_inputs_are_named_and_skipped)
{
	brief_run r = { 0 };
	brief_test_sh("cd %s && : > empty.txt && printf '\\211PNG\\r\\n\\032\\n\\0\\0\\0\\rIHDR' > bin.txt"
		      " && cp $OLDPWD/data/articles/002_aad395e038006355.txt good.txt"
		      " && truncate -s 65M big.txt && echo x > locked.txt && chmod 000 locked.txt",
		      dir);
	int status = brief_test_run(&r, "--db %s/a.db ingest %s %s/missing.txt", dir, dir, dir);
	cr_assert_eq(status, 1, "%s", r.err);
	cr_assert(strstr(r.err, "empty.txt: empty file"), "%s", r.err);
	cr_assert(strstr(r.err, "bin.txt: binary"), "%s", r.err);
	cr_assert(strstr(r.err, "big.txt: file too large"), "%s", r.err);
	cr_assert(strstr(r.err, "missing.txt: no such file"), "%s", r.err);
	if (geteuid() != 0)     /* root reads anything */
		cr_assert(strstr(r.err, "locked.txt: cannot read"), "%s", r.err);
	cr_assert(strstr(r.out, "good.txt"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db text good.txt", dir), 0);
	brief_run_free(&r);
}

static long long query(const char *db, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long v = -1;
	cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_type(st, 0) == SQLITE_TEXT
				    ? strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0
				    : sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return v;
}

/*
 * Many files ingested by a process killed at random moments: afterwards
 * the database is intact and every stored document has exactly the
 * sentences and facts an uninterrupted run gives it.
 */
Test(cli, sigkill_never_leaves_half_a_document)
{
	brief_run r = { 0 };
	brief_test_sh("mkdir -p %s/in && for i in $(seq 1 60); do for f in data/articles/*.txt; do"
		      " { echo \"第${i}期\"; cat $f; } > %s/in/$i-$(basename $f); done; done", dir, dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/ref.db ingest -q %s/in", dir, dir), 0, "%s", r.err);
	char db[96];
	snprintf(db, sizeof db, "%s/k.db", dir);
	srand((unsigned)time(NULL));
	for (int round = 0; round < 6; round++) {
		pid_t pid = brief_test_spawn("--db %s ingest -q %s/in", db, dir);
		struct timespec ts = { 0, (50 + rand() % 400) * 1000000L };
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	cr_assert_eq(query(db, "PRAGMA integrity_check"), 1);
	char sql[512];
	snprintf(sql, sizeof sql,
		 "ATTACH '%s/ref.db' AS ref; SELECT 0", dir);
	sqlite3 *h;
	sqlite3_open(db, &h);
	cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(h,
		"SELECT count(*) FROM documents d JOIN ref.documents e ON e.hash = d.hash"
		" WHERE (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)"
		"    != (SELECT count(*) FROM ref.sentences s WHERE s.doc_id = e.id)"
		"    OR (SELECT count(*) FROM facts f WHERE f.doc_id = d.id)"
		"    != (SELECT count(*) FROM ref.facts f WHERE f.doc_id = e.id)",
		-1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 0, "documents stored incompletely");
	sqlite3_finalize(st);
	sqlite3_close(h);
	/* and the interrupted work can simply be resumed */
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q %s/in", db, dir), 0, "%s", r.err);
	cr_assert_eq(query(db, "SELECT count(*) FROM documents"), 300);
	brief_run_free(&r);
}
