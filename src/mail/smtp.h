/*
 * smtp.h - sending one message with libcurl: smtp:// with STARTTLS when
 * the server offers it, smtps:// with TLS from the start. Credentials
 * come from $BRIEF_SMTP_USER / $BRIEF_SMTP_PASSWORD or ~/.netrc, never
 * from the command line.
 */
#ifndef BRIEF_SMTP_H
#define BRIEF_SMTP_H

#include <stddef.h>

#include "util/diag.h"

typedef struct brief_smtp {
	const char *url;        /* smtp://host:port or smtps://host:port */
	const char *from;       /* envelope sender */
	int attempts;           /* tries per message (transient failures) */
} brief_smtp;

/*
 * Sends `msg` (CRLF text) to `to` and `cc` (may be NULL). Transient
 * failures (connection, 4xx) are retried with a growing pause, up to
 * s->attempts tries. Returns 0 when the server accepted the message, or
 * -1 after reporting the server's answer.
 */
int brief_smtp_send(const brief_smtp *s, const char *to, const char *cc,
		    const char *msg, size_t len, brief_diag *d);

#endif
