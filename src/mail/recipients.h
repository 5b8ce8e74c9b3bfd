/*
 * recipients.h - the recipients file of `brief mail`: CSV (RFC 4180,
 * UTF-8, header row) with the columns region,name,email[,cc]. A region
 * may have several rows. Rows that are wrong carry their reason and are
 * skipped by the caller; the other rows go on.
 */
#ifndef BRIEF_RECIPIENTS_H
#define BRIEF_RECIPIENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/diag.h"

typedef struct brief_recipient {
	int line;               /* line number in the file, for messages */
	char *region, *name, *email, *cc;   /* cc may be NULL */
	const char *error;      /* static reason when the row is unusable */
} brief_recipient;

typedef struct brief_recipients {
	brief_recipient *v;
	size_t n;
} brief_recipients;

/* Reads the file. Returns 0, or -1 after reporting when the file as a
 * whole is unusable (unreadable, no header, missing columns). */
int brief_recipients_load(const char *path, brief_recipients *out,
			  brief_diag *d);
void brief_recipients_free(brief_recipients *r);

/* A plain addr-spec (local@domain.tld), no display name, no spaces. */
bool brief_email_valid(const char *addr);

#endif
