/*
 * Mail: the recipients file, the message as a real mail parser (Python's
 * email package) reads it, and delivery to a real SMTP server on
 * 127.0.0.1 (python3-aiosmtpd).
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mail/message.h"
#include "mail/recipients.h"
#include "mail/smtp.h"
#include "support/doc_fixture.h"
#include "support/run.h"

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-mail-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(mail, .init = setup, .fini = teardown, .timeout = 60);

static void write_file(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

Test(mail, recipients_rows_and_their_errors)
{
	brief_diag d = { .sink = silent };
	brief_recipients r;
	char path[128];
	write_file("r.csv",
		   "\xEF\xBB\xBFregion,name,email,cc\r\n"
		   "钱塘区,\"王, 主任\",wang@example.cn,\r\n"
		   "钱塘区,李四,li@example.cn,boss@example.cn\r\n"
		   "余杭区,\"多行\n姓名\",x@example.cn,\r\n"
		   "余杭区,张三,not-an-address,\r\n"
		   "\r\n"
		   "萧山区,赵六,zhao@example.cn\r\n");
	snprintf(path, sizeof path, "%s/r.csv", dir);
	cr_assert_eq(brief_recipients_load(path, &r, &d), 0);
	cr_assert_eq(r.n, 5);
	cr_assert_str_eq(r.v[0].name, "王, 主任");
	cr_assert_null(r.v[0].cc);
	cr_assert_null(r.v[0].error);
	cr_assert_str_eq(r.v[1].cc, "boss@example.cn");
	cr_assert_str_eq(r.v[2].error, "a line break in a field (header injection)");
	cr_assert_str_eq(r.v[3].error, "invalid email address");
	cr_assert_eq(r.v[3].line, 6, "line %d", r.v[3].line);
	cr_assert_null(r.v[4].error);
	cr_assert_str_eq(r.v[4].region, "萧山区");
	brief_recipients_free(&r);

	write_file("bad.csv", "name,email\n张三,a@b.cn\n");
	snprintf(path, sizeof path, "%s/bad.csv", dir);
	cr_assert_eq(brief_recipients_load(path, &r, &d), -1);
	cr_assert_eq(d.nerrors, 1);
}

/* issue 13.13: a bare CR split a record and shifted the later line
 * numbers; a NUL in a quoted field cut it silently */
Test(mail, recipients_bare_cr_and_nul)
{
	static const char text[] =
		"region,name,email\n"
		"钱塘区,王\r五,wang@example.cn\n"
		"钱塘区,\"李\0四\",li@example.cn\n"
		"余杭区,张三,zhang@example.cn\n";
	char path[128];
	snprintf(path, sizeof path, "%s/cr.csv", dir);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fwrite(text, 1, sizeof text - 1, f);
	fclose(f);
	brief_diag d = { .sink = silent };
	brief_recipients r;
	cr_assert_eq(brief_recipients_load(path, &r, &d), 0);
	cr_assert_eq(r.n, 3);
	cr_assert_str_eq(r.v[0].error, "a line break in a field (header injection)");
	cr_assert_eq(r.v[0].line, 2);
	cr_assert_str_eq(r.v[1].error, "a NUL byte in a field");
	cr_assert_eq(r.v[1].line, 3);
	cr_assert_null(r.v[2].error);
	cr_assert_eq(r.v[2].line, 4, "line %d", r.v[2].line);
	brief_recipients_free(&r);
}

/* issue 13.13: RFC 5321 limits (64 local, 255 domain, 254 in all) */
Test(mail, address_length_limits)
{
	char a[400];
	memset(a, 'a', 64);
	strcpy(a + 64, "@example.cn");
	cr_assert(brief_email_valid(a));
	memset(a, 'a', 65);
	strcpy(a + 65, "@example.cn");
	cr_assert_not(brief_email_valid(a), "65-character local part");
	/* 312 characters: a@ and five 60-character labels and .cn */
	strcpy(a, "a@");
	for (int i = 0; i < 5; i++) {
		size_t n = strlen(a);
		memset(a + n, 'b', 60);
		a[n + 60] = '.';
		a[n + 61] = '\0';
	}
	strcat(a, "cn");
	cr_assert_gt(strlen(a), 254);
	cr_assert_not(brief_email_valid(a), "%zu characters", strlen(a));
	strcpy(a, "a@");
	memset(a + 2, 'b', 64);
	strcpy(a + 66, ".cn");
	cr_assert_not(brief_email_valid(a), "a 64-character label");
}

Test(mail, address_validation)
{
	cr_assert(brief_email_valid("a.b+tag@sub.example.cn"));
	cr_assert_not(brief_email_valid("a@b"));
	cr_assert_not(brief_email_valid("a..b@example.cn"));
	cr_assert_not(brief_email_valid("a b@example.cn"));
	cr_assert_not(brief_email_valid("<a@example.cn>"));
	cr_assert_not(brief_email_valid("a@example.cn\r\nBcc: x@y.cn"));
	cr_assert_not(brief_email_valid("张三@example.cn"));
}

static void build(brief_buf *out, const char *pdf, size_t len)
{
	brief_doc doc;
	brief_diag d = { .sink = silent };
	char *msgid = NULL;
	brief_test_doc(&doc);
	brief_mail m = { "brief@example.cn", "王主任", "wang@example.cn", NULL,
			 &doc, pdf, len, "钱塘区-2025.pdf", 1738713600 };
	cr_assert_eq(brief_mail_build(&m, out, &msgid, &d), 0);
	cr_assert(strstr(msgid, "@example.cn"));
	free(msgid);
	brief_doc_free(&doc);
}

/* A real mail parser reads back the subject, the body and the very
 * bytes of the attachment. */
Test(mail, message_parses_back)
{
	char pdf[3000];
	for (size_t i = 0; i < sizeof pdf; i++)
		pdf[i] = (char)(i * 7 + 3);
	brief_buf a = BRIEF_BUF_INIT, b = BRIEF_BUF_INIT;
	build(&a, pdf, sizeof pdf);
	build(&b, pdf, sizeof pdf);
	cr_assert_eq(a.len, b.len);
	cr_assert(memcmp(a.data, b.data, a.len) == 0, "not deterministic");
	cr_assert_null(strstr(a.data, "钱塘区"), "raw UTF-8 in the headers or body");
	write_file("m.eml", a.data);
	FILE *f = fopen("/tmp/brief-mail-pdf.bin", "wb");
	fwrite(pdf, 1, sizeof pdf, f);
	fclose(f);
	int st = brief_test_sh(
		"/usr/bin/python3 - %s/m.eml /tmp/brief-mail-pdf.bin <<'EOF'\n"
		"import sys, email, email.policy\n"
		"m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n"
		"assert m['Subject'] == '钱塘区 2025 年度简报', m['Subject']\n"
		"assert m['To'].addresses[0].display_name == '王主任'\n"
		"assert m.get_content_type() == 'multipart/mixed'\n"
		"body = m.get_body(('plain',)).get_content()\n"
		"assert '规上工业增加值' in body and '重点项目 4 个' in body, body\n"
		"html = m.get_body(('html',)).get_content()\n"
		"assert '<table>' in html\n"
		"att = [p for p in m.iter_attachments()]\n"
		"assert len(att) == 1 and att[0].get_filename() == '钱塘区-2025.pdf', att[0].get_filename()\n"
		"assert att[0].get_content() == open(sys.argv[2], 'rb').read()\n"
		"assert m['Date'].datetime.year == 2025\n"
		"EOF", dir);
	unlink("/tmp/brief-mail-pdf.bin");
	cr_assert_eq(st, 0, "python's email package disagrees");
	brief_buf_free(&a);
	brief_buf_free(&b);
}

/* Delivery to a real SMTP server; an unreachable one is retried and
 * reported, never hangs. */
Test(mail, smtp_delivers_intact)
{
	char maildir[96];
	int port = 20000 + getpid() % 20000;
	snprintf(maildir, sizeof maildir, "%s/mbox", dir);
	pid_t srv = brief_test_smtp_sink(port, maildir);
	brief_buf m = BRIEF_BUF_INIT;
	char pdf[5000], url[64];
	for (size_t i = 0; i < sizeof pdf; i++)
		pdf[i] = (char)(i * 13 + 1);
	build(&m, pdf, sizeof pdf);
	snprintf(url, sizeof url, "smtp://127.0.0.1:%d", port);
	brief_diag d = { .sink = silent };
	brief_smtp s = { url, "brief@example.cn", 2 };
	cr_assert_eq(brief_smtp_send(&s, "wang@example.cn", "cc@example.cn",
				     m.data, m.len, &d), 0);
	kill(srv, SIGTERM);
	waitpid(srv, NULL, 0);
	int st = brief_test_sh(
		"/usr/bin/python3 - %s <<'EOF'\n"
		"import sys, os, email, email.policy\n"
		"msgs = sorted(f for f in os.listdir(sys.argv[1]) if f.endswith('.eml'))\n"
		"assert msgs == ['0001.eml'], msgs\n"
		"with open(os.path.join(sys.argv[1], msgs[0]), 'rb') as f:\n"
		"    m = email.message_from_binary_file(f, policy=email.policy.default)\n"
		"assert m['Subject'] == '钱塘区 2025 年度简报'\n"
		"att = list(m.iter_attachments())[0].get_content()\n"
		"assert att == bytes((i * 13 + 1) & 255 for i in range(5000))\n"
		"EOF", maildir);
	cr_assert_eq(st, 0, "the message did not arrive intact");
	/* nobody listens now: retried, then a clear failure */
	cr_assert_eq(brief_smtp_send(&s, "wang@example.cn", NULL, m.data, m.len, &d), -1);
	cr_assert_eq(d.nerrors, 1);
	brief_buf_free(&m);
}
