/*
 * cmd_mail.c - brief mail: one message per recipient row with the
 * region's briefing PDF attached, written as .eml files or sent by SMTP.
 * A row that cannot be served is reported with its file and line and the
 * other rows go on; a message a server accepted is recorded (mail_sent)
 * and never sent twice.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "cli/cli.h"
#include "mail/message.h"
#include "mail/recipients.h"
#include "mail/smtp.h"
#include "render/render.h"
#include "util/fsutil.h"

typedef struct mail_args {
	int year;
	const char *recipients, *out, *smtp, *from, *reports;
	bool dry_run;
} mail_args;

typedef struct mail_run {
	brief_cli *cli;
	const mail_args *a;
	brief_db *db;
	size_t ok, failed, skipped;
} mail_run;

/* How often a message is tried when the server fails transiently. */
enum { SMTP_ATTEMPTS = 3 };

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] mail --year Y --recipients FILE.csv\n"
		   "              (--out DIR | --smtp URL --from ADDR) [--reports DIR]\n"
		   "              [--dry-run]\n\n"
		   "One message per row of FILE.csv (UTF-8, header row, columns\n"
		   "region,name,email[,cc]) with the region's briefing for Y attached:\n"
		   "DIR/Y/REGION.pdf under --reports (default reports), rendered first\n"
		   "when it is missing.\n\n"
		   "  --out DIR    write the messages as DIR/Y/REGION-EMAIL.eml\n"
		   "  --smtp URL   send through smtp://host:port (STARTTLS when the\n"
		   "               server offers it) or smtps://host:port; user and\n"
		   "               password come from $BRIEF_SMTP_USER and\n"
		   "               $BRIEF_SMTP_PASSWORD or ~/.netrc, never from the\n"
		   "               command line. Accepted messages are recorded in the\n"
		   "               database and not sent again.\n"
		   "  --from ADDR  the sender (required with --smtp)\n"
		   "  --dry-run    build every message, write and send nothing\n"
		   "A row that fails (bad address, line break in a field, no briefing\n"
		   "for its region, refused by the server) is reported as FILE:LINE and\n"
		   "the others go on (exit status 1).\n");
}

/* Returns an exit status when done (help, usage error), -1 to go on. */
static int parse(int argc, char **argv, mail_args *a)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "recipients", required_argument, NULL, 'r' },
		{ "out", required_argument, NULL, 'o' },
		{ "smtp", required_argument, NULL, 's' },
		{ "from", required_argument, NULL, 'f' },
		{ "reports", required_argument, NULL, 'R' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;
	a->reports = "reports";
	while ((c = getopt_long(argc, argv, ":y:r:o:s:f:R:nh", opts, NULL)) != -1) {
		switch (c) {
		case 'y':
			if ((rc = brief_cli_year("mail", optarg, &a->year)) >= 0)
				return rc;
			break;
		case 'r': a->recipients = optarg; break;
		case 'o': a->out = optarg; break;
		case 's': a->smtp = optarg; break;
		case 'f': a->from = optarg; break;
		case 'R': a->reports = optarg; break;
		case 'n': a->dry_run = true; break;
		case 'h':
			usage(stdout);
			return BRIEF_EXIT_OK;
		default:
			return brief_cli_bad_option("mail", c, argv);
		}
	}
	if ((rc = brief_cli_operands("mail", argc, argv, 0, "")) >= 0)
		return rc;
	if (a->year <= 0)
		return brief_cli_usage("mail", "missing --year Y");
	if (!a->recipients)
		return brief_cli_usage("mail", "missing --recipients FILE.csv");
	if (!a->out && !a->smtp)
		return brief_cli_usage("mail", "missing --out DIR or --smtp URL");
	if (a->out && a->smtp)
		return brief_cli_usage("mail", "--out and --smtp exclude each other");
	if (a->smtp && !a->from)
		return brief_cli_usage("mail", "--smtp needs --from ADDR");
	if (a->from && !brief_email_valid(a->from)) {
		return brief_cli_usage("mail", "--from: not a plain address (local@domain): %s",
				       a->from);
	}
	return -1;
}

/* The last message a library call reported, so a row's error says it
 * once, with the row's place in the file. */
static void keep_last(void *user, brief_severity sev, const char *msg)
{
	if (sev == BRIEF_ERR)
		snprintf(user, 512, "%s", msg);
}

/* The missing briefing, rendered (and written, unless a dry run). */
static char *render_pdf(const mail_run *r, const brief_doc *doc, const char *path,
			size_t *len, brief_diag *d)
{
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = brief_cli_epoch() };
	brief_buf out = BRIEF_BUF_INIT;
	char *pdf = NULL;
	if (brief_render_pdf(doc, &o, &out, d))
		;       /* reported */
	else if (!brief_buf_ok(&out))
		brief_error(d, path, "out of memory");
	else if (r->a->dry_run || brief_write_atomic(path, out.data, out.len, d) == 0)
		pdf = brief_buf_detach(&out, len);
	if (pdf && !r->a->dry_run)
		printf("%-9s %s\n", "rendered", path);
	brief_buf_free(&out);
	return pdf;
}

/* REGION.pdf, or REGION-CODE.pdf (batch's name when regions share a
 * name); the first that exists, else the first. malloc'd. */
static char *pdf_path(const mail_args *a, const brief_doc *doc)
{
	char alt[256];
	char *p = brief_cli_out_path(a->reports, doc->year, doc->region, "pdf");
	snprintf(alt, sizeof alt, "%s-%s", doc->region, doc->region_code);
	char *q = p ? brief_cli_out_path(a->reports, doc->year, alt, "pdf") : NULL;
	if (q && access(p, F_OK) != 0 && access(q, F_OK) == 0) {
		free(p);
		return q;
	}
	free(q);
	return p;
}

/* The region's PDF bytes, rendered first when missing; NULL with the
 * reason in why. */
static char *briefing_pdf(mail_run *r, const brief_doc *doc, size_t *len,
			  char why[512])
{
	brief_diag d = { .sink = keep_last, .user = why };
	char *path = pdf_path(r->a, doc), *pdf = NULL;
	if (!path)
		snprintf(why, 512, "out of memory");
	else if (access(path, F_OK) != 0)
		pdf = render_pdf(r, doc, path, len, &d);
	else if (!(pdf = brief_read_file(path, len)))
		snprintf(why, 512, "%s: cannot read the briefing: %s", path, strerror(errno));
	free(path);
	return pdf;
}

static int write_eml(mail_run *r, const brief_recipient *row, const brief_doc *doc,
		     const brief_buf *eml)
{
	char name[512];
	snprintf(name, sizeof name, "%s-%s", doc->region, row->email);
	char *path = brief_cli_out_path(r->a->out, doc->year, name, "eml");
	int rc = -1;
	if (!path)
		brief_error(&r->cli->diag, name, "out of memory");
	else if ((rc = r->a->dry_run ? 0 : brief_write_atomic(path, eml->data, eml->len,
								 &r->cli->diag)) == 0)
		printf("%-9s %s  %s  %s\n", r->a->dry_run ? "would" : "written", doc->region,
		       row->email, path);
	free(path);
	return rc;
}

/* 0 sent, 1 skipped (accepted before), -1 failed (reason in why). */
static int send_smtp(mail_run *r, const brief_recipient *row, const brief_mail *m,
		     const brief_buf *eml, const char *msgid, char why[512])
{
	brief_diag d = { .sink = keep_last, .user = why };
	brief_smtp s = { r->a->smtp, r->a->from, SMTP_ATTEMPTS };
	char key[65];
	brief_mail_key(m, key);
	int seen = brief_db_mail_sent(r->db, key);
	if (seen == 1) {
		printf("%-9s %s  %s  (accepted before)\n", "skipped", m->doc->region, row->email);
		return 1;
	}
	if (r->a->dry_run) {
		printf("%-9s %s  %s\n", "would", m->doc->region, row->email);
		return 0;
	}
	if (seen < 0 || brief_smtp_send(&s, row->email, row->cc, eml->data, eml->len, &d))
		return -1;
	printf("%-9s %s  %s  <%s>\n", "accepted", m->doc->region, row->email, msgid);
	fflush(stdout);         /* a report that survives a later crash */
	if (brief_db_mail_record(r->db, key, msgid, m->doc->region, m->doc->year,
				 row->email)) {
		snprintf(why, 512, "accepted, but not recorded: a re-run would send it again");
		return -1;
	}
	return 0;
}

/* 0 done, 1 skipped, -1 failed (reason in why). */
static int serve(mail_run *r, const brief_recipient *row, brief_doc *doc,
		 char why[512])
{
	brief_diag d = { .sink = keep_last, .user = why };
	brief_buf eml = BRIEF_BUF_INIT;
	char attach[300], *msgid = NULL, *pdf;
	size_t len = 0;
	int rc = -1;

	if (!(pdf = briefing_pdf(r, doc, &len, why)))
		return -1;
	snprintf(attach, sizeof attach, "%s-%d.pdf", doc->region, doc->year);
	brief_mail m = { r->a->from ? r->a->from : "brief@localhost", row->name,
			 row->email, row->cc, doc, pdf, len, attach, brief_cli_epoch() };
	if (brief_mail_build(&m, &eml, &msgid, &d) == 0)
		rc = r->a->out ? write_eml(r, row, doc, &eml)
			       : send_smtp(r, row, &m, &eml, msgid, why);
	free(msgid);
	free(pdf);
	brief_buf_free(&eml);
	return rc;
}

static void one_row(mail_run *r, const brief_recipient *row)
{
	char where[600], why[512] = "";
	brief_diag quiet = { .sink = keep_last, .user = why };
	brief_doc doc = { 0 };
	int rc = -1;

	snprintf(where, sizeof where, "%s:%d", r->a->recipients, row->line);
	if (row->error)
		snprintf(why, sizeof why, "%s", row->error);
	else if (brief_aggregate(r->db, row->region, r->a->year, &doc, &quiet))
		;       /* why says: unknown region, no briefing for the year */
	else
		rc = serve(r, row, &doc, why);
	/* the row's fields are not echoed: a bad one may hold line breaks */
	if (rc < 0)
		brief_error(&r->cli->diag, where, "%s", why[0] ? why : "failed");
	r->ok += rc == 0;
	r->skipped += rc == 1;
	r->failed += rc < 0;
	brief_doc_free(&doc);
}

int brief_cmd_mail(brief_cli *cli, int argc, char **argv)
{
	mail_args a = { 0 };
	brief_recipients rows = { 0 };
	mail_run r = { cli, &a, NULL, 0, 0, 0 };
	int status = parse(argc, argv, &a);

	if (status >= 0)
		return status;
	if (!(r.db = brief_cli_open_db(cli)) ||
	    brief_recipients_load(a.recipients, &rows, &cli->diag)) {
		brief_db_close(r.db);
		brief_recipients_free(&rows);
		return BRIEF_EXIT_PARTIAL;
	}
	for (size_t i = 0; i < rows.n; i++)
		one_row(&r, &rows.v[i]);
	printf("mail: %zu message%s %s, %zu skipped, %zu failed\n", r.ok,
	       r.ok == 1 ? "" : "s",
	       a.dry_run ? "built" : a.out ? "written" : "accepted", r.skipped, r.failed);
	brief_recipients_free(&rows);
	brief_db_close(r.db);
	return r.failed ? BRIEF_EXIT_PARTIAL : BRIEF_EXIT_OK;
}
