/*
 * brief ingest URL... against a real HTTP server on 127.0.0.1
 * (tests/tools/http_fixture.py, started per test): a GBK page declared
 * in the header, a Big5 page declared only in <meta>, gzip, a redirect
 * chain and a loop, a 404, a server too slow for the timeout, a body
 * over the cap, a PDF, a page that changes, --urls files. Pages made of
 * the seed articles must read back exactly as the seed files do.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support/run.h"

static char dir[64], base[64];
static pid_t server;

static void start_server(void)
{
	char port[256];
	snprintf(port, sizeof port, "%s/port", dir);
	if ((server = fork()) == 0) {
		execl("/usr/bin/python3", "python3", "tests/tools/http_fixture.py", dir, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100 && access(port, F_OK) != 0; i++) {
		struct timespec ts = { 0, 50000000L };
		nanosleep(&ts, NULL);
	}
	FILE *f = fopen(port, "r");
	int p = 0;
	cr_assert(f && fscanf(f, "%d", &p) == 1, "the HTTP fixture did not start");
	fclose(f);
	snprintf(base, sizeof base, "http://127.0.0.1:%d", p);
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-web-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s/files", dir, dir);
	start_server();
}

static void teardown(void)
{
	if (server > 0) {
		kill(server, SIGTERM);
		waitpid(server, NULL, 0);
	}
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(web, .init = setup, .fini = teardown, .timeout = 60);

/* ingest of URL paths on the fixture (no pause between requests). */
static int ingest(brief_run *r, const char *db, const char *opts, const char *paths)
{
	char args[1024] = "";
	for (const char *p = paths; *p;) {
		size_t n = strcspn(p, " ");
		size_t len = strlen(args);
		snprintf(args + len, sizeof args - len, " %s%.*s", base, (int)n, p);
		p += n + (p[n] == ' ');
	}
	return brief_test_run(r, "--db %s/%s ingest --delay 0 %s%s", dir, db, opts, args);
}

/* One value from the database (sqlite3's shell); malloc'd. */
static char *query(const char *db, const char *sql)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "%s/%s", dir, db);
	sqlite3 *h;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open_v2(cmd, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	char *v = strdup(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)
				 ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* The clean text brief keeps of doc in db. */
static char *text_of(const char *db, const char *doc)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/%s text %s", dir, db, doc), 0, "%s", r.err);
	char *t = r.out;
	free(r.err);
	return t;
}

/* The page must read back as the seed file it was made of. */
static void same_text_as_seed(const char *db, const char *doc, const char *seed)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/seed.db ingest -q data/articles/%s", dir, seed),
		     0, "%s", r.err);
	char *want = text_of("seed.db", seed), *got = text_of(db, doc);
	cr_assert(strlen(want) > 1000);
	cr_assert_str_eq(got, want);
	free(want);
	free(got);
	brief_run_free(&r);
}

Test(web, gbk_declared_in_the_header_wins_over_a_wrong_meta)
{
	brief_run r = { 0 };
	cr_assert_eq(ingest(&r, "a.db", "", "/gbk.html"), 0, "%s", r.err);
	cr_assert(strstr(r.out, "new") && strstr(r.out, "GB18030"), "%s", r.out);
	char *enc = query("a.db", "SELECT encoding || ' ' || invalid_bytes || ' ' || name FROM documents");
	cr_assert_str_eq(enc, "GB18030 0 gbk.html");
	same_text_as_seed("a.db", "gbk.html", "002_aad395e038006355.txt");
	free(enc);
	brief_run_free(&r);
}

Test(web, big5_declared_only_in_meta)
{
	brief_run r = { 0 };
	cr_assert_eq(ingest(&r, "a.db", "", "/big5.html"), 0, "%s", r.err);
	char *enc = query("a.db", "SELECT encoding || ' ' || script FROM documents");
	cr_assert_str_eq(enc, "BIG5-HKSCS traditional");
	same_text_as_seed("a.db", "big5.html", "003_b4f9f690818a8c05.txt");
	free(enc);
	brief_run_free(&r);
}

Test(web, gzip_body_is_decoded)
{
	brief_run r = { 0 };
	cr_assert_eq(ingest(&r, "a.db", "", "/gzip.html"), 0, "%s", r.err);
	same_text_as_seed("a.db", "gzip.html", "002_aad395e038006355.txt");
	brief_run_free(&r);
}

Test(web, redirect_chain_of_five_is_followed_the_url_kept)
{
	brief_run r = { 0 };
	char want[128], *path, *url;
	cr_assert_eq(ingest(&r, "a.db", "", "/hop/4#top"), 0, "%s", r.err);
	path = query("a.db", "SELECT path FROM documents");
	url = query("a.db", "SELECT url FROM documents");
	snprintf(want, sizeof want, "%s/hop/4", base);
	cr_assert_str_eq(path, want);   /* asked for, without the fragment */
	snprintf(want, sizeof want, "%s/gbk.html", base);
	cr_assert_str_eq(url, want);    /* where the page was */
	/* the URL is the source link of the briefings */
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db show 杭州市 --year 2024 --json", dir), 0,
		     "%s", r.err);
	cr_assert(strstr(r.out, want), "%s", r.out);
	free(path);
	free(url);
	brief_run_free(&r);
}

Test(web, errors_are_reported_per_url_and_the_others_go_on)
{
	brief_run r = { 0 };
	char line[256];
	cr_assert_eq(ingest(&r, "a.db", "", "/nothing /loop /hop/5 /report.pdf /gbk.html"), 1);
	snprintf(line, sizeof line, "brief: %s/nothing: 404 Not Found\n", base);
	cr_assert(strstr(r.err, line), "%s", r.err);
	snprintf(line, sizeof line, "brief: %s/loop: more than 5 redirects", base);
	cr_assert(strstr(r.err, line), "%s", r.err);
	snprintf(line, sizeof line, "brief: %s/hop/5: more than 5 redirects", base);
	cr_assert(strstr(r.err, line), "%s", r.err);
	snprintf(line, sizeof line, "brief: %s/report.pdf: not a page (Content-Type application/pdf)",
		 base);
	cr_assert(strstr(r.err, line), "%s", r.err);
	cr_assert(strstr(r.out, "ingest: 5 URLs: 1 new, 0 unchanged, 0 replaced, 4 failed"),
		  "%s", r.out);
	char *n = query("a.db", "SELECT count(*) || ' ' || max(name) FROM documents");
	cr_assert_str_eq(n, "1 gbk.html");
	free(n);
	brief_run_free(&r);
}

Test(web, a_slow_server_trips_the_timeout)
{
	brief_run r = { 0 };
	char line[256];
	cr_assert_eq(ingest(&r, "a.db", "--timeout 0.5", "/slow /gbk.html"), 1);
	snprintf(line, sizeof line, "brief: %s/slow: timed out", base);
	cr_assert(strstr(r.err, line), "%s", r.err);
	cr_assert(strstr(r.out, "1 new"), "%s", r.out);
	brief_run_free(&r);
}

Test(web, the_cap_holds_while_downloading)
{
	brief_run r = { 0 };
	char line[256];
	/* /big sends no Content-Length: only counting the bytes stops it */
	cr_assert_eq(ingest(&r, "a.db", "--max-size 1k", "/big"), 1);
	snprintf(line, sizeof line, "brief: %s/big: larger than the limit of 1024 bytes\n", base);
	cr_assert(strstr(r.err, line), "%s", r.err);
	char *n = query("a.db", "SELECT count(*) FROM documents");
	cr_assert_str_eq(n, "0");
	free(n);
	cr_assert_eq(ingest(&r, "a.db", "--max-size 4k", "/big"), 0, "%s", r.err);
	cr_assert_eq(ingest(&r, "b.db", "--max-size 64M", "/big"), 0, "%s", r.err);
	cr_assert_eq(ingest(&r, "b.db", "--max-size 65M", "/big"), 2);
	cr_assert(strstr(r.err, "--max-size"), "%s", r.err);
	brief_run_free(&r);
}

static void write_page(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/files/%s", dir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

Test(web, a_page_is_unchanged_then_replaced_under_its_url)
{
	brief_run r = { 0 };
	write_page("p.txt", "钱塘区2025年地区生产总值目标增长6%左右。\n");
	cr_assert_eq(ingest(&r, "a.db", "", "/files/p.txt"), 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 new"), "%s", r.out);
	cr_assert_eq(ingest(&r, "a.db", "", "/files/p.txt"), 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 unchanged"), "%s", r.out);
	write_page("p.txt", "钱塘区2025年地区生产总值目标增长7%左右。\n");
	cr_assert_eq(ingest(&r, "a.db", "", "/files/p.txt"), 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 replaced"), "%s", r.out);
	char *n = query("a.db", "SELECT count(*) || ' ' || max(name) FROM documents");
	cr_assert_str_eq(n, "1 p.txt");
	char *v = query("a.db", "SELECT value FROM facts WHERE indicator = 'GDP'");
	cr_assert_str_eq(v, "7.0");
	free(n);
	free(v);
	brief_run_free(&r);
}

Test(web, urls_file_with_comments_and_a_bad_line)
{
	brief_run r = { 0 };
	char path[128], line[256];
	snprintf(path, sizeof path, "%s/urls.txt", dir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fprintf(f, "# the pages of this test\n\n  %s/gbk.html  \nftp://example.org/x\n"
		   "%s/big5.html # not a comment: a space in a URL\n%s/big5.html\n", base, base, base);
	fclose(f);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest --delay 0.01 -j 2 --urls %s", dir, path),
		     1);
	snprintf(line, sizeof line, "brief: %s: line 4: not an http:// or https:// URL\n", path);
	cr_assert(strstr(r.err, line), "%s", r.err);
	snprintf(line, sizeof line, "brief: %s: line 5: not an http:// or https:// URL\n", path);
	cr_assert(strstr(r.err, line), "%s", r.err);
	cr_assert(strstr(r.out, "ingest: 4 URLs: 2 new, 0 unchanged, 0 replaced, 2 failed"),
		  "%s", r.out);
	/* in the order listed, whatever finished first */
	char *names = query("a.db", "SELECT group_concat(name, ',') FROM "
				    "(SELECT name FROM documents ORDER BY id)");
	cr_assert_str_eq(names, "gbk.html,big5.html");
	free(names);
	brief_run_free(&r);
}

Test(web, user_agent_names_brief_and_its_version)
{
	brief_run r = { 0 };
	cr_assert_eq(ingest(&r, "a.db", "", "/gbk.html"), 0, "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--version"), 0);
	char want[64];
	snprintf(want, sizeof want, "brief/%s ", r.out + strlen("brief "));
	want[strcspn(want, "\n")] = '\0';
	cr_assert_eq(brief_test_sh("grep -q '^%s' %s/agents", want, dir), 0, "%s", want);
	brief_run_free(&r);
}

Test(web, usage_errors_of_the_fetch_options)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest --timeout soon %s/x", dir, base), 2);
	cr_assert(strstr(r.err, "--timeout: not a number of seconds: soon"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest -j 0 %s/x", dir, base), 2);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest --urls %s/none.txt", dir, dir), 1);
	cr_assert(strstr(r.err, "none.txt: cannot read"), "%s", r.err);
	brief_run_free(&r);
}

/* libcurl stays out of brief's own start-up: only brief-fetch links it. */
Test(web, only_brief_fetch_links_libcurl)
{
	char fetch[512];
	snprintf(fetch, sizeof fetch, "%s", brief_test_bin());
	char *slash = strrchr(fetch, '/');
	cr_assert_not_null(slash);
	snprintf(slash + 1, sizeof fetch - (size_t)(slash + 1 - fetch), "brief-fetch");
	cr_assert_neq(brief_test_sh("ldd %s | grep -q libcurl", brief_test_bin()), 0);
	cr_assert_eq(brief_test_sh("ldd %s | grep -q libcurl", fetch), 0);
}

/* --jobs: a page from another host is fetched meanwhile, and still
 * stored after the slower one listed before it. */
Test(web, parallel_hosts_stored_in_the_order_listed)
{
	brief_run r = { 0 };
	char other[96];
	int port = atoi(strrchr(base, ':') + 1);
	snprintf(other, sizeof other, "http://localhost:%d/gbk.html", port);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest --delay 0 -j 2 %s/late.txt %s", dir,
				    base, other), 0, "%s", r.err);
	char *names = query("a.db", "SELECT group_concat(name, ',') FROM "
				    "(SELECT name FROM documents ORDER BY id)");
	cr_assert_str_eq(names, "late.txt,gbk.html");
	/* localhost's request went out while 127.0.0.1's answer was held */
	char *t = text_of("a.db", "late.txt");
	cr_assert(!strncmp(t, "meanwhile\n", 10), "%s", t);
	free(t);
	free(names);
	brief_run_free(&r);
}

/* --delay: a host's next request waits that long after its last answer. */
Test(web, the_pause_between_requests_to_one_host)
{
	brief_run r = { 0 };
	cr_assert_eq(ingest(&r, "a.db", "--delay 0.4 -j 4", "/gbk.html /big5.html /big"), 0,
		     "%s", r.err);
	cr_assert_eq(brief_test_sh("awk 'NR > 1 && $1 - t < 0.4 { bad = 1 } { t = $1 }"
				   " END { exit bad || NR != 3 }' %s/times", dir), 0);
	brief_run_free(&r);
}
