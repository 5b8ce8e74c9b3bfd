#include "mail/recipients.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/fsutil.h"
#include "util/utf8.h"

enum { COL_REGION, COL_NAME, COL_EMAIL, COL_CC, NCOLS };
static const char *const col_names[NCOLS] = { "region", "name", "email", "cc" };

typedef struct csv {
	const char *p, *end;
	int line;
	bool nul;               /* the record holds a NUL byte */
} csv;

/* Reads one field; *eol set at the end of a record. Quoted fields may
 * hold commas, doubled quotes and line breaks. A record ends at LF or
 * CRLF: a bare CR is part of its field (and makes the row wrong), so it
 * neither splits a record nor counts as a line. */
static char *csv_field(csv *c, bool *eol)
{
	brief_buf b = BRIEF_BUF_INIT;
	bool quoted = c->p < c->end && *c->p == '"';

	if (quoted)
		c->p++;
	while (c->p < c->end) {
		char ch = *c->p;
		if (quoted && ch == '"') {
			if (c->p + 1 < c->end && c->p[1] == '"') {
				brief_buf_putc(&b, '"');
				c->p += 2;
				continue;
			}
			quoted = false;
			c->p++;
			continue;
		}
		if (!quoted && (ch == ',' || ch == '\n' ||
				(ch == '\r' && c->p + 1 < c->end && c->p[1] == '\n')))
			break;
		if (ch == '\n')
			c->line++;
		/* the field is a C string: a NUL would silently cut it */
		c->nul |= ch == '\0';
		brief_buf_putc(&b, ch);
		c->p++;
	}
	*eol = c->p >= c->end || *c->p != ',';
	if (c->p < c->end && *c->p == ',')
		c->p++;
	else {
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
	}
	return brief_buf_detach(&b, NULL);
}

/* Reads a record into at most `max` fields; returns the field count. */
static size_t csv_record(csv *c, char **f, size_t max)
{
	size_t n = 0;
	bool eol = false;
	c->nul = false;
	while (!eol && c->p < c->end) {
		char *s = csv_field(c, &eol);
		if (n < max)
			f[n++] = s;
		else
			free(s);
	}
	return n;
}

static char *trim(char *s)
{
	if (!s)
		return s;
	char *p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	size_t n = strlen(p);
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	memmove(s, p, n);
	s[n] = '\0';
	return s;
}

/* RFC 1035: a domain label is at most 63 characters. */
static bool labels_ok(const char *domain)
{
	size_t run = 0;
	for (const char *p = domain; *p; p++)
		if ((run = *p == '.' ? 0 : run + 1) > 63)
			return false;
	return true;
}

bool brief_email_valid(const char *a)
{
	const char *at = strrchr(a, '@');
	const char *dot;
	/* RFC 5321: local part 64, domain 255, a path 256 with its <> */
	if (!at || at == a || strlen(at + 1) < 3 || at - a > 64 ||
	    strlen(at + 1) > 255 || strlen(a) > 254 || !labels_ok(at + 1))
		return false;
	for (const char *p = a; p < at; p++)
		if (!(((*p | 32) >= 'a' && (*p | 32) <= 'z') ||
		      (*p >= '0' && *p <= '9') || strchr(".!#$%&'*+/=?^_`{|}~-", *p)) ||
		    (*p == '.' && (p == a || p + 1 == at || p[1] == '.')))
			return false;
	for (const char *p = at + 1; *p; p++)
		if (!(((*p | 32) >= 'a' && (*p | 32) <= 'z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '.') ||
		    (*p == '.' && (p == at + 1 || !p[1] || p[1] == '.')))
			return false;
	dot = strrchr(at + 1, '.');
	return dot && strlen(dot + 1) >= 2;
}

static const char *row_error(const brief_recipient *r)
{
	const char *fields[] = { r->region, r->name, r->email, r->cc };
	for (size_t i = 0; i < NCOLS; i++)
		if (fields[i] && strpbrk(fields[i], "\r\n"))
			return "a line break in a field (header injection)";
	for (size_t i = 0; i < NCOLS; i++)
		if (fields[i] && !brief_utf8_valid(fields[i], strlen(fields[i])))
			return "not valid UTF-8";
	if (!r->region || !*r->region)
		return "no region";
	if (!r->email || !brief_email_valid(r->email))
		return "invalid email address";
	if (r->cc && *r->cc && !brief_email_valid(r->cc))
		return "invalid cc address";
	return NULL;
}

static int header(csv *c, int map[NCOLS], const char *path, brief_diag *d)
{
	char *f[16] = { 0 };
	size_t n = csv_record(c, f, 16);
	for (size_t i = 0; i < NCOLS; i++)
		map[i] = -1;
	for (size_t i = 0; i < n; i++) {
		const char *name = trim(f[i]);
		if (i == 0 && strncmp(name, "\xEF\xBB\xBF", 3) == 0)
			name += 3;  /* BOM written by spreadsheet programs */
		for (size_t k = 0; k < NCOLS; k++)
			if (strcmp(name, col_names[k]) == 0)
				map[k] = (int)i;
	}
	for (size_t i = 0; i < n; i++)
		free(f[i]);
	for (size_t k = 0; k < COL_CC; k++)
		if (map[k] < 0) {
			brief_error(d, path, "header row lacks the column '%s' "
					     "(expected region,name,email[,cc])",
				    col_names[k]);
			return -1;
		}
	return 0;
}

static int add_row(brief_recipients *out, char **f, size_t n,
		   const int map[NCOLS], int line, bool nul)
{
	brief_recipient *v = realloc(out->v, (out->n + 1) * sizeof *v);
	if (!v)
		return -1;
	out->v = v;
	brief_recipient *r = &v[out->n++];
	memset(r, 0, sizeof *r);
	r->line = line;
	char **slot[NCOLS] = { &r->region, &r->name, &r->email, &r->cc };
	for (size_t k = 0; k < NCOLS; k++)
		if (map[k] >= 0 && (size_t)map[k] < n) {
			*slot[k] = trim(f[map[k]]);
			f[map[k]] = NULL;
		}
	if (r->cc && !*r->cc) {
		free(r->cc);
		r->cc = NULL;
	}
	r->error = nul ? "a NUL byte in a field" : row_error(r);
	return 0;
}

int brief_recipients_load(const char *path, brief_recipients *out,
			  brief_diag *d)
{
	size_t len;
	char *text = brief_read_file(path, &len);
	int map[NCOLS], rc = 0;

	memset(out, 0, sizeof *out);
	if (!text) {
		brief_error(d, path, "cannot read: %s", strerror(errno));
		return -1;
	}
	csv c = { text, text + len, 1, false };
	if (header(&c, map, path, d)) {
		free(text);
		return -1;
	}
	while (c.p < c.end && rc == 0) {
		char *f[16] = { 0 };
		int line = c.line;
		size_t n = csv_record(&c, f, 16);
		if (!(n == 1 && !*f[0] && !c.nul))      /* blank line */
			rc = add_row(out, f, n, map, line, c.nul);
		for (size_t i = 0; i < n; i++)
			free(f[i]);
	}
	free(text);
	if (rc)
		brief_error(d, path, "out of memory");
	return rc;
}

void brief_recipients_free(brief_recipients *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].region);
		free(r->v[i].name);
		free(r->v[i].email);
		free(r->v[i].cc);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}
