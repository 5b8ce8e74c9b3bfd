/*
 * cmd_mail.c - brief mail: one message per recipient row, with the
 * region's briefing PDF attached; written as .eml files or sent by SMTP.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] mail --year Y --recipients FILE.csv\n"
		   "              (--out DIR | --smtp URL --from ADDR) [--dry-run]\n"
		   "              [--reports DIR]\n\n"
		   "One message per row of FILE.csv (columns region,name,email[,cc],\n"
		   "UTF-8, header row) with the region's briefing for Y attached\n"
		   "(DIR/Y/REGION.pdf under --reports, default reports/; rendered\n"
		   "first when missing).\n\n"
		   "  --out DIR    write the messages as .eml files into DIR\n"
		   "  --smtp URL   send through smtp://host:port (STARTTLS when offered)\n"
		   "               or smtps://host:port; user and password come from\n"
		   "               $BRIEF_SMTP_USER and $BRIEF_SMTP_PASSWORD or ~/.netrc.\n"
		   "               Accepted messages are recorded and not sent again.\n"
		   "  --from ADDR  the sender's address (with --smtp, required)\n"
		   "  --dry-run    build every message but write and send nothing\n");
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
	int c;
	a->reports = "reports";
	while ((c = getopt_long(argc, argv, "y:r:o:s:f:R:nh", opts, NULL)) != -1) {
		switch (c) {
		case 'y': a->year = atoi(optarg); break;
		case 'r': a->recipients = optarg; break;
		case 'o': a->out = optarg; break;
		case 's': a->smtp = optarg; break;
		case 'f': a->from = optarg; break;
		case 'R': a->reports = optarg; break;
		case 'n': a->dry_run = true; break;
		default:
			usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? BRIEF_EXIT_OK : BRIEF_EXIT_USAGE;
		}
	}
	if (optind != argc || a->year <= 0 || !a->recipients ||
	    !a->out == !a->smtp || (a->smtp && !a->from) ||
	    (a->from && !brief_email_valid(a->from))) {
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	return -1;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	brief_buf b = BRIEF_BUF_INIT;
	char chunk[65536];
	size_t n;
	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		brief_buf_put(&b, chunk, n);
	fclose(f);
	return brief_buf_detach(&b, len);
}

/* The region's PDF, rendered first when it is not there yet. */
static char *briefing_pdf(mail_run *r, const brief_doc *doc, size_t *len)
{
	char *path = brief_cli_out_path(r->a->reports, doc->year, doc->region,
					"pdf");
	char *pdf = NULL;
	struct stat st;
	if (!path)
		return NULL;
	if (stat(path, &st) != 0) {
		brief_render_opts o = { .format = BRIEF_FMT_PDF,
					.epoch = brief_cli_epoch() };
		if (brief_render_file(doc, &o, path, &r->cli->diag) == 0)
			fprintf(stderr, "brief: rendered %s\n", path);
	}
	pdf = slurp(path, len);
	if (!pdf)
		brief_error(&r->cli->diag, path, "cannot read the briefing");
	free(path);
	return pdf;
}

static int deliver(mail_run *r, const brief_recipient *row, const brief_mail *m,
		   const brief_buf *eml, const char *msgid)
{
	brief_diag *d = &r->cli->diag;
	char key[65], name[512];

	if (r->a->out) {
		snprintf(name, sizeof name, "%s-%s", m->doc->region, row->email);
		char *path = brief_cli_out_path(r->a->out, m->doc->year, name, "eml");
		if (!path)
			return -1;
		int rc = r->a->dry_run ? 0 : brief_write_atomic(path, eml->data, eml->len, d);
		if (rc == 0)
			printf("%-9s %s  %s  %s\n", r->a->dry_run ? "would" : "written",
			       m->doc->region, row->email, path);
		free(path);
		return rc;
	}
	brief_mail_key(m, key);
	if (brief_db_mail_sent(r->db, key) == 1) {
		printf("%-9s %s  %s  (already accepted before)\n", "skipped",
		       m->doc->region, row->email);
		r->skipped++;
		return 1;
	}
	if (r->a->dry_run) {
		printf("%-9s %s  %s\n", "would", m->doc->region, row->email);
		return 0;
	}
	brief_smtp s = { r->a->smtp, r->a->from, 3 };
	if (brief_smtp_send(&s, row->email, row->cc, eml->data, eml->len, d))
		return -1;
	printf("%-9s %s  %s  <%s>\n", "sent", m->doc->region, row->email, msgid);
	return brief_db_mail_record(r->db, key, msgid, m->doc->region,
				    m->doc->year, row->email);
}

static void one_row(mail_run *r, const brief_recipient *row)
{
	brief_diag *d = &r->cli->diag;
	char where[600], attach[300];
	brief_doc doc = { 0 };
	brief_buf eml = BRIEF_BUF_INIT;
	char *pdf = NULL, *msgid = NULL;
	size_t len = 0;
	int rc = -1;

	snprintf(where, sizeof where, "%s:%d", r->a->recipients, row->line);
	if (row->error) {
		brief_error(d, where, "%s", row->error);
		r->failed++;
		return;
	}
	if (brief_aggregate(r->db, row->region, r->a->year, &doc, d)) {
		brief_error(d, where, "%s has no briefing for %d", row->region,
			    r->a->year);
		goto out;
	}
	if (!(pdf = briefing_pdf(r, &doc, &len)))
		goto out;
	snprintf(attach, sizeof attach, "%s-%d.pdf", doc.region, doc.year);
	brief_mail m = { r->a->from ? r->a->from : "brief@localhost",
			 row->name, row->email, row->cc, &doc, pdf, len, attach,
			 brief_cli_epoch() };
	if (brief_mail_build(&m, &eml, &msgid, d) == 0)
		rc = deliver(r, row, &m, &eml, msgid);
out:
	if (rc == 0)
		r->ok++;
	else if (rc < 0)
		r->failed++;
	free(msgid);
	free(pdf);
	brief_buf_free(&eml);
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
	if (brief_recipients_load(a.recipients, &rows, &cli->diag) ||
	    !(r.db = brief_cli_open_db(cli))) {
		brief_recipients_free(&rows);
		return BRIEF_EXIT_PARTIAL;
	}
	for (size_t i = 0; i < rows.n; i++)
		one_row(&r, &rows.v[i]);
	printf("mail: %zu message%s %s, %zu skipped, %zu failed\n", r.ok,
	       r.ok == 1 ? "" : "s",
	       a.dry_run ? "built" : a.out ? "written" : "sent", r.skipped,
	       r.failed);
	brief_recipients_free(&rows);
	brief_db_close(r.db);
	return r.failed ? BRIEF_EXIT_PARTIAL : BRIEF_EXIT_OK;
}
