/*
 * message.h - one briefing e-mail, built with GMime: RFC 2047 subject
 * ("钱塘区 2025 年度简报"), multipart/mixed of a multipart/alternative
 * (text/plain and text/html: greeting, headline targets, counts of
 * projects and clusters) and the briefing PDF (base64, file name per
 * RFC 2231). Deterministic: boundaries and Message-ID derive from the
 * content, the Date from `epoch` when set.
 */
#ifndef BRIEF_MESSAGE_H
#define BRIEF_MESSAGE_H

#include "brief.h"
#include "util/buf.h"
#include "util/diag.h"

typedef struct brief_mail {
	const char *from;           /* addr-spec of the sender */
	const char *to_name, *to;   /* recipient display name and address */
	const char *cc;             /* NULL when none */
	const brief_doc *doc;       /* the briefing being sent */
	const char *pdf;            /* attachment bytes */
	size_t pdf_len;
	const char *pdf_name;       /* attachment file name, e.g. 钱塘区-2025.pdf */
	long long epoch;            /* Date header; -1 = now */
} brief_mail;

/*
 * Appends the whole message (CRLF line ends) to `out` and sets *msgid
 * (malloc'd, without angle brackets). Returns 0, or -1 after reporting.
 */
int brief_mail_build(const brief_mail *m, brief_buf *out, char **msgid,
		     brief_diag *d);

/* The same message identity as Message-ID uses: hex sha256 over year,
 * region, recipient and PDF bytes (65 bytes with the NUL). */
void brief_mail_key(const brief_mail *m, char key[65]);

#endif
