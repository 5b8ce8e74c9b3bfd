/*
 * Hostile input and hostile places (issue 13): FIFOs and devices where
 * files should be, symlink loops, names with newlines, paths too long,
 * and what a killed run leaves behind. Every fixture is made here, in a
 * directory of the test's own.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support/run.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-hostile-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(hostile, .init = setup, .fini = teardown, .timeout = 120);

#define ART "data/articles/001_fb79c2cc7258167d.txt"

/* The binary by absolute path, for commands run in the test directory. */
static const char *bin(void)
{
	static char path[4096];
	if (!realpath(brief_test_bin(), path))
		snprintf(path, sizeof path, "%s", brief_test_bin());
	return path;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = calloc(1, 1 << 16);
	if (f) {
		size_t n = fread(s, 1, (1 << 16) - 1, f);
		s[n] = '\0';
		fclose(f);
	}
	return s;
}

/* issue 13.5: a FIFO (no writer) named before a real file */
Test(hostile, fifo_is_reported_and_the_files_after_it_read)
{
	brief_test_sh("mkfifo %s/pipe.txt && cp " ART " %s/a.txt", dir, dir);
	int rc = brief_test_sh("cd %s && timeout -s KILL 20 %s --db x.db ingest pipe.txt a.txt "
			       ">out 2>err", dir, bin());
	char path[128];
	snprintf(path, sizeof path, "%s/out", dir);
	char *out = slurp(path);
	snprintf(path, sizeof path, "%s/err", dir);
	char *err = slurp(path);
	cr_assert_eq(rc, 1, "%d: %s", rc, err);
	cr_assert(strstr(err, "pipe.txt: not a regular file"), "%s", err);
	cr_assert(strstr(out, "1 new, 0 unchanged, 0 replaced, 1 failed"), "%s", out);
	free(out);
	free(err);
}

/* issue 13.10: -o onto a FIFO or a device is refused, a symlink followed */
Test(hostile, output_onto_a_fifo_device_or_symlink)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db ingest " ART, dir), 0, "%s", r.err);
	brief_test_sh("mkfifo %s/pipe.txt && touch %s/real.txt && ln -s real.txt %s/link.txt",
		      dir, dir, dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db render 余杭区 --format text -o %s/pipe.txt",
				    dir, dir), 1);
	cr_assert(strstr(r.err, "pipe.txt: not a regular file"), "%s", r.err);
	cr_assert_eq(brief_test_sh("test -p %s/pipe.txt", dir), 0, "the FIFO stays");
	/* a device of our own (never one in /dev: the old code replaced it) */
	if (brief_test_sh("mknod %s/null c 1 3 2>/dev/null", dir) == 0) {
		cr_assert_eq(brief_test_run(&r, "--db %s/x.db render 余杭区 --format text "
					    "-o %s/null", dir, dir), 1);
		cr_assert_eq(brief_test_sh("test -c %s/null", dir), 0, "the device stays");
	}
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db render 余杭区 --format text -o %s/link.txt",
				    dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("test -L %s/link.txt && grep -q 余杭区 %s/real.txt", dir, dir),
		     0, "the link stays, its target is replaced");
	brief_run_free(&r);
}

/* issue 13.11: a directory symlink loop is walked once; a loop named on
 * the command line is a failure, counted */
Test(hostile, symlink_loops)
{
	brief_test_sh("mkdir -p %s/in/sub && cp " ART " %s/in/sub/a.txt && "
		      "ln -s .. %s/in/sub/up && ln -s self %s/self && ln -s loop.txt %s/in/loop.txt",
		      dir, dir, dir, dir, dir);
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db ingest %s/in %s/self", dir, dir, dir), 1);
	cr_assert_eq(brief_test_count(r.out, "a.txt"), 1, "%s", r.out);
	cr_assert(strstr(r.err, "self: Too many levels of symbolic links"), "%s", r.err);
	cr_assert(strstr(r.err, "loop.txt: Too many levels of symbolic links"), "%s", r.err);
	cr_assert(strstr(r.out, "3 files: 1 new, 0 unchanged, 0 replaced, 2 failed"), "%s", r.out);
	brief_run_free(&r);
}

/* issue 13.14: a newline in a name would split the output line */
Test(hostile, newline_in_a_name_is_quoted)
{
	brief_test_sh("cp " ART " '%s/a\nb.txt' && printf 'x\\0y' > '%s/c\nd.txt'", dir, dir);
	brief_run r = { 0 };
	brief_test_run(&r, "--db %s/x.db ingest %s", dir, dir);
	cr_assert(strstr(r.out, "new          1  \"/tmp/"), "%s", r.out);
	cr_assert(strstr(r.out, "/a\\nb.txt\"  (UTF-8"), "%s", r.out);
	cr_assert(strstr(r.err, "/c\\nd.txt\": binary file"), "%s", r.err);
	brief_run_free(&r);
}

/* issue 13.12: a 5,000-character -o path: the error names it (its middle
 * elided) and the directories made for it go again */
Test(hostile, output_path_too_long)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db ingest " ART, dir), 0, "%s", r.err);
	brief_run_free(&r);
	cr_assert_eq(brief_test_sh(
		"cd %s && P=o/$(python3 -c \"print('/'.join(['d' * 200] * 25))\")/x.txt && "
		"%s --db x.db render 余杭区 --format text -o $P 2>err; test $? = 1 && "
		"grep -q '^brief: o/dddd.*\\.\\.\\..*dddd/x.txt: cannot write: File name too long' err && "
		"test ! -e o", dir, bin()), 0);
}

/* An article whose one sentence holds `n` digits with no break. */
static void long_run_db(size_t n)
{
	char path[128];
	snprintf(path, sizeof path, "%s/long.txt", dir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("德清县召开会议\n\n2025年，德清县力争地区生产总值增长6%以上", f);
	for (size_t i = 0; i < n; i++)
		fputc('1', f);
	fputs("，固定资产投资增长5%左右。\n去年，全县实现地区生产总值723.6亿元，同比增长6.8%。\n", f);
	fclose(f);
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db ingest %s", dir, path), 0, "%s", r.err);
	brief_run_free(&r);
}

/* xelatex's temporary directories under the test's own TMPDIR */
static void own_tmpdir(void)
{
	char tmp[96];
	snprintf(tmp, sizeof tmp, "%s/tmp", dir);
	brief_test_sh("mkdir -p %s", tmp);
	setenv("TMPDIR", tmp, 1);
}

static size_t tex_dirs(void)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "ls -d %s/tmp/brief-tex-* 2>/dev/null | wc -l", dir);
	FILE *p = popen(cmd, "r");
	unsigned long n = 99;
	if (p) {
		if (fscanf(p, "%lu", &n) != 1)
			n = 99;
		pclose(p);
	}
	return n;
}

/* issue 13.6: 3,000 characters without a break made xelatex fail
 * ("Missing number" on a box too wide; longer ones hung it) */
Test(hostile, long_unbreakable_run_compiles)
{
	own_tmpdir();
	long_run_db(3000);
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db render 德清县 -o %s/l.tex --compile",
				    dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("test -s %s/l-xelatex.pdf && grep -q '1\\\\hspace{0pt}1' %s/l.tex",
				   dir, dir), 0);
	cr_assert_eq(tex_dirs(), 0);
	brief_run_free(&r);
}

/* A template that never lets xelatex finish. */
static void hang_template(void)
{
	brief_test_sh("sed 's/^\\\\begin{document}/&\\\\loop\\\\iftrue\\\\repeat/' "
		      "templates/briefing.tex > %s/hang.tex && grep -q iftrue %s/hang.tex",
		      dir, dir);
}

/* issue 13.6: a time limit; the log kept as X.log; the directory gone */
Test(hostile, xelatex_time_limit_keeps_the_log)
{
	own_tmpdir();
	long_run_db(10);
	hang_template();
	setenv("BRIEF_TEX_TIMEOUT", "2", 1);
	brief_run r = { 0 };
	time_t t0 = time(NULL);
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db render 德清县 -o %s/h.tex --template "
				    "%s/hang.tex --compile", dir, dir, dir), 1);
	cr_assert_lt(time(NULL) - t0, 20);
	cr_assert(strstr(r.err, "xelatex: stopped after 2 s"), "%s", r.err);
	cr_assert(strstr(r.err, "the log is "), "%s", r.err);
	cr_assert_eq(brief_test_sh("grep -q 'This is XeTeX' %s/h-xelatex.log", dir), 0);
	cr_assert_eq(brief_test_sh("test ! -e %s/h-xelatex.pdf", dir), 0);
	cr_assert_eq(tex_dirs(), 0);
	brief_run_free(&r);
}

/* Whether a process still runs in a directory under the test's own. */
static bool anything_runs_in(const char *sub)
{
	return brief_test_sh("for p in /proc/[0-9]*; do readlink $p/cwd; done 2>/dev/null "
			     "| grep -q '^%s/%s'", dir, sub) == 0;
}

/* issue 13.8: SIGKILL of render --compile: xelatex dies with it, and the
 * next compile removes the directory left behind */
Test(hostile, sigkill_of_compile_leaves_no_xelatex)
{
	own_tmpdir();
	long_run_db(10);
	hang_template();
	setenv("BRIEF_TEX_TIMEOUT", "60", 1);
	for (int round = 0; round < 3; round++) {
		pid_t pid = brief_test_spawn("--db %s/x.db render 德清县 -o %s/k.tex --template "
					     "%s/hang.tex --compile", dir, dir, dir);
		for (int i = 0; i < 200 && !anything_runs_in("tmp/brief-tex-"); i++)
			usleep(50000);
		cr_assert(anything_runs_in("tmp/brief-tex-"), "xelatex started");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		for (int i = 0; i < 60 && anything_runs_in("tmp/"); i++)
			usleep(50000);
		cr_assert(!anything_runs_in("tmp/"), "round %d: xelatex outlived brief", round);
	}
	cr_assert_geq(tex_dirs(), 1, "a kill leaves the directory");
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db render 德清县 -o %s/ok.tex --compile",
				    dir, dir), 0, "%s", r.err);
	cr_assert_eq(tex_dirs(), 0, "the next compile removes what the kills left");
	brief_run_free(&r);
}

static size_t temp_files(const char *sub)
{
	char cmd[192];
	snprintf(cmd, sizeof cmd, "find %s/%s -name '*.tmp.*' | wc -l", dir, sub);
	FILE *p = popen(cmd, "r");
	unsigned long n = 99;
	if (p) {
		if (fscanf(p, "%lu", &n) != 1)
			n = 99;
		pclose(p);
	}
	return n;
}

static void random_kill(const char *args, int max_ms)
{
	pid_t pid = brief_test_spawn("%s", args);
	usleep((useconds_t)(rand() % max_ms) * 1000);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* issue 13.7: killed PDF renders and batches left FILE.pdf.tmp.XXXXXX
 * that no later run removed. Now no name exists before the file is
 * complete (O_TMPFILE), and the next write of a file removes the dead
 * writers' temporary files - not a live writer's (it holds a lock). */
Test(hostile, killed_writes_leave_no_temp_files)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db ingest -q data/articles", dir), 0, "%s", r.err);
	brief_test_sh("mkdir -p %s/o && touch %s/o/y.pdf.tmp.AbC123 %s/o/y.pdf.tmp.LiVe12",
		      dir, dir, dir);
	char live[128];
	snprintf(live, sizeof live, "%s/o/y.pdf.tmp.LiVe12", dir);
	int fd = open(live, O_RDONLY);
	cr_assert(fd >= 0 && flock(fd, LOCK_EX) == 0);
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db render 余杭区 --format pdf -o %s/o/y.pdf",
				    dir, dir), 0, "%s", r.err);
	cr_assert_eq(brief_test_sh("test ! -e %s/o/y.pdf.tmp.AbC123 && test -e %s",
				   dir, live), 0, "the dead writer's goes, the live one's stays");
	close(fd);
	unlink(live);

	char render[256], batch[256];
	snprintf(render, sizeof render, "--db %s/x.db render 余杭区 --format pdf -o %s/o/y.pdf",
		 dir, dir);
	snprintf(batch, sizeof batch, "--db %s/x.db batch --year 2025 --out %s/b -j 2", dir, dir);
	srand((unsigned)time(NULL));
	for (int i = 0; i < 40; i++)
		random_kill(render, 250);
	for (int i = 0; i < 10; i++)
		random_kill(batch, 1000);
	/* a kill between link and rename (microseconds) may leave one; the
	 * next run of the same writes removes it */
	cr_assert_eq(brief_test_run(&r, "%s", render), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "%s", batch), 0, "%s", r.err);
	cr_assert_eq(temp_files("o"), 0);
	cr_assert_eq(temp_files("b"), 0);
	brief_run_free(&r);
}

/* Runs two commands at once; how many of the pair failed. */
static int pair_fails(const char *a, const char *b)
{
	return brief_test_sh("cd %s && (%s %s >/dev/null 2>e1 & p=$!; %s %s >/dev/null 2>e2; "
			     "s2=$?; wait $p; s1=$?; exit $(( (s1 != 0) + (s2 != 0) )))",
			     dir, bin(), a, bin(), b);
}

/* issue 13.9: two runs opening a new (or old) database at once: one
 * failed with "table documents already exists", "database is locked"
 * or "index facts_parent already exists" */
Test(hostile, concurrent_runs_create_and_migrate_the_schema_once)
{
	brief_test_sh("cd %s && mkdir a b && for f in $OLDPWD/data/articles/*.txt; do "
		      "for i in 1 2; do { echo \"第${i}期\"; cat $f; } > a/$i-${f##*/}; "
		      "{ echo \"第${i}期乙\"; cat $f; } > b/$i-${f##*/}; done; done", dir);
	for (int round = 0; round < 10; round++) {
		brief_test_sh("rm -f %s/n.db*", dir);
		cr_assert_eq(pair_fails("--db n.db ingest -q a", "--db n.db ingest -q b"), 0,
			     "round %d", round);
		cr_assert_eq(brief_test_sh("test $(sqlite3 %s/n.db 'SELECT count(*) FROM documents')"
					   " = 20", dir), 0, "round %d: an ingest lost", round);
	}
	for (int round = 0; round < 10; round++) {
		/* a database of schema 2, as an older brief left it */
		brief_test_sh("cd %s && rm -f o.db* && sed '/^-- migration 3/,$d' "
			      "$OLDPWD/src/store/schema.sql | sqlite3 o.db && "
			      "sqlite3 o.db 'PRAGMA user_version = 2'", dir);
		cr_assert_eq(pair_fails("--db o.db docs", "--db o.db docs"), 0, "round %d", round);
		cr_assert_eq(brief_test_sh("sqlite3 %s/o.db 'PRAGMA user_version' | grep -qx 5", dir),
			     0);
	}
}

/* issue 13.15: on a full disk batch wrote no manifest.csv when the JSON
 * did not fit, and no summary line. A 64 KiB tmpfs, all but one page
 * filled, in a mount namespace of its own (root only). */
Test(hostile, batch_on_a_full_disk_still_summarises)
{
	if (brief_test_sh("unshare -m true 2>/dev/null") != 0)
		cr_skip_test("no mount namespaces here");
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db ingest -q data/articles", dir), 0, "%s", r.err);
	brief_run_free(&r);
	int rc = brief_test_sh(
		"cd %s && mkdir -p full && unshare -m sh -c '"
		"mount -t tmpfs -o size=64k tmpfs full && mkdir full/2025 && "
		"head -c 61440 /dev/zero > full/fill; "
		"%s --db x.db batch --year 2025 --out full -j 2 >out 2>err; s=$?; "
		"ls full/2025 > files; exit $s'", dir, bin());
	cr_assert_eq(rc, 1);
	/* 杭州's 8 districts (台州市 has only first-quarter results of 2024) */
	cr_assert_eq(brief_test_sh("grep -q '^batch: 8 regions for 2025, 0 files written, "
				   "9 failed; no complete manifest$' %s/out", dir), 0);
	cr_assert_eq(brief_test_sh("grep -q 'No space left on device' %s/err", dir), 0);
	cr_assert_eq(brief_test_sh("grep -q manifest %s/files", dir), 0,
		     "what fits of the manifest is written");
}

/* issue 13.12: the directories made for a write that then fails go
 * again. A tmpfs with four inodes: the root, keep, a and b; c fails. */
Test(hostile, failed_write_removes_the_directories_it_made)
{
	if (brief_test_sh("unshare -m true 2>/dev/null") != 0)
		cr_skip_test("no mount namespaces here");
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/x.db ingest " ART, dir), 0, "%s", r.err);
	brief_run_free(&r);
	cr_assert_eq(brief_test_sh(
		"cd %s && mkdir -p small && unshare -m sh -c '"
		"mount -t tmpfs -o size=1m,nr_inodes=4 tmpfs small && mkdir small/keep && "
		"%s --db x.db render 余杭区 --format text -o small/keep/a/b/c/x.txt 2>err; "
		"test $? = 1 && test -d small/keep && test ! -e small/keep/a'", dir, bin()), 0);
	cr_assert_eq(brief_test_sh("grep -q 'x.txt: cannot write: No space left' %s/err", dir), 0);
}
