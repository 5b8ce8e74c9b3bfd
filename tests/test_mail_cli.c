/*
 * brief mail as a user runs it: .eml files that Python's email package
 * reads back (subject, addresses, the very bytes of the PDF), delivery to
 * a real SMTP server on 127.0.0.1 (tests/tools/smtp_sink.py, aiosmtpd)
 * that is not repeated on a re-run, and rows that fail alone, named by
 * file and line.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/run.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-mailcli-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
	setenv("SOURCE_DATE_EPOCH", "1738713600", 1);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(mail_cli, .init = setup, .fini = teardown, .timeout = 180);

/* The database and the PDFs of 2025 under DIR/reports. */
static void prepare(void)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db ingest -q data/articles", dir), 0,
		     "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db batch --year 2025 --scope 杭州市"
				     " --out %s/reports -j 2", dir, dir), 0, "%s", r.err);
	brief_run_free(&r);
}

static void write_csv(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static const char good_rows[] =
	"region,name,email,cc\r\n"
	"钱塘区,王主任,wang@example.org,office@example.org\r\n"
	"西湖区,\"赵, 主任\",zhao@example.org,\r\n";

static int check_eml(const char *eml, const char *region, const char *to,
		     const char *cc)
{
	return brief_test_sh("/usr/bin/python3 tests/tools/check_eml.py '%s' '%s/reports/2025/%s.pdf'"
			     " '%s 2025 年度简报' %s %s", eml, dir, region, region, to, cc ? cc : "");
}

Test(mail_cli, eml_files_parse_back_with_the_pdf_attached)
{
	brief_run r = { 0 };
	char eml[256];
	prepare();
	write_csv("r.csv", good_rows);
	/* a missing PDF is rendered first */
	brief_test_sh("rm %s/reports/2025/西湖区.pdf", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db mail --year 2025 --recipients %s/r.csv"
				     " --out %s/mail --reports %s/reports", dir, dir, dir, dir),
		     0, "%s", r.err);
	cr_assert(strstr(r.out, "rendered") && strstr(r.out, "西湖区.pdf"), "%s", r.out);
	cr_assert(strstr(r.out, "mail: 2 messages written, 0 skipped, 0 failed"), "%s", r.out);
	snprintf(eml, sizeof eml, "%s/mail/2025/钱塘区-wang@example.org.eml", dir);
	cr_assert_eq(check_eml(eml, "钱塘区", "wang@example.org", "office@example.org"), 0);
	snprintf(eml, sizeof eml, "%s/mail/2025/西湖区-zhao@example.org.eml", dir);
	cr_assert_eq(check_eml(eml, "西湖区", "zhao@example.org", NULL), 0);
	/* --dry-run writes nothing */
	cr_assert_eq(brief_test_run(&r, "--db %s/a.db mail --year 2025 --recipients %s/r.csv"
				     " --out %s/dry --reports %s/reports --dry-run", dir, dir, dir, dir),
		     0, "%s", r.err);
	cr_assert_neq(brief_test_sh("test -e %s/dry", dir), 0);
	brief_run_free(&r);
}

Test(mail_cli, a_bad_row_fails_alone_named_by_file_and_line)
{
	brief_run r = { 0 };
	prepare();
	write_csv("bad.csv",
		  "region,name,email\n"
		  "钱塘区,王主任,wang@example.org\n"
		  "萧山区,张主任,zhang@@example\n"
		  "上城区,\"李\r\nBcc: victim@example.org\",li@example.org\n"
		  "杭州市,周主任,zhou@example.org\n"
		  "火星区,某主任,mars@example.org\n"
		  "滨江区,钱主任,qian@example.org\n");
	int st = brief_test_run(&r, "--db %s/a.db mail --year 2025 --recipients %s/bad.csv"
				" --out %s/mail --reports %s/reports", dir, dir, dir, dir);
	cr_assert_eq(st, 1, "%s", r.err);
	cr_assert(strstr(r.err, "bad.csv:3: invalid email address"), "%s", r.err);
	cr_assert(strstr(r.err, "bad.csv:4: a line break in a field"), "%s", r.err);
	cr_assert(strstr(r.err, "bad.csv:6: 杭州市: no briefing for 2025"), "%s", r.err);
	cr_assert(strstr(r.err, "bad.csv:7: 火星区: unknown region"), "%s", r.err);
	cr_assert_null(strstr(r.err, "victim"), "a bad field was echoed: %s", r.err);
	cr_assert(strstr(r.out, "mail: 2 messages written, 0 skipped, 4 failed"), "%s", r.out);
	cr_assert_eq(brief_test_sh("ls %s/mail/2025 | wc -l | grep -qx 2", dir), 0);
	/* usage errors */
	cr_assert_eq(brief_test_run(&r, "mail --year 2025 --recipients x.csv"), 2);
	cr_assert_eq(brief_test_run(&r, "mail --year 2025 --recipients x.csv --out a"
				     " --smtp smtp://h"), 2);
	cr_assert_eq(brief_test_run(&r, "mail --year 2025 --recipients x.csv --smtp smtp://h"), 2);
	cr_assert_eq(brief_test_run(&r, "mail --year 2025 --recipients x.csv --smtp smtp://h"
				     " --from 'a b@c.org'"), 2);
	brief_run_free(&r);
}

Test(mail_cli, smtp_delivers_every_message_intact_and_only_once)
{
	brief_run r = { 0 };
	char maildir[96], url[64], eml[160];
	int port = 20000 + (getpid() * 7) % 20000;
	prepare();
	write_csv("r.csv", good_rows);
	snprintf(maildir, sizeof maildir, "%s/sink", dir);
	snprintf(url, sizeof url, "smtp://127.0.0.1:%d", port);
	pid_t srv = brief_test_smtp_sink(port, maildir);
	int st = brief_test_run(&r, "--db %s/a.db mail --year 2025 --recipients %s/r.csv"
				" --smtp %s --from brief@example.org --reports %s/reports",
				dir, dir, url, dir);
	cr_assert_eq(st, 0, "%s", r.err);
	cr_assert(strstr(r.out, "accepted  钱塘区  wang@example.org"), "%s", r.out);
	cr_assert(strstr(r.out, "mail: 2 messages accepted, 0 skipped, 0 failed"), "%s", r.out);
	/* in the order of the rows; the Cc is an envelope recipient too */
	cr_assert_eq(brief_test_sh("printf 'brief@example.org\\nwang@example.org\\noffice@example.org\\n'"
				   " | cmp -s - %s/0001.env", maildir), 0);
	snprintf(eml, sizeof eml, "%s/0001.eml", maildir);
	cr_assert_eq(check_eml(eml, "钱塘区", "wang@example.org", "office@example.org"), 0);
	snprintf(eml, sizeof eml, "%s/0002.eml", maildir);
	cr_assert_eq(check_eml(eml, "西湖区", "zhao@example.org", NULL), 0);
	/* a re-run sends nothing again */
	st = brief_test_run(&r, "--db %s/a.db mail --year 2025 --recipients %s/r.csv"
			    " --smtp %s --from brief@example.org --reports %s/reports",
			    dir, dir, url, dir);
	cr_assert_eq(st, 0, "%s", r.err);
	cr_assert(strstr(r.out, "mail: 0 messages accepted, 2 skipped, 0 failed"), "%s", r.out);
	kill(srv, SIGTERM);
	waitpid(srv, NULL, 0);
	cr_assert_eq(brief_test_sh("ls %s/*.eml | wc -l | grep -qx 2", maildir), 0,
		     "a message was sent twice");
	cr_assert_eq(brief_test_sh("sqlite3 %s/a.db 'SELECT count(*) FROM mail_sent' | grep -qx 2",
				   dir), 0);
	brief_run_free(&r);
}
