#include "diag.h"

#include <stdio.h>
#include <string.h>

/* Bytes kept at each end of a name too long to print whole. */
enum { KEEP = 400 };

static size_t put_esc(char *o, size_t at, size_t sz, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char e[5] = { '\\', (char)c, 0 };
	if (c == '\n' || c == '\t' || c == '\r')
		e[1] = c == '\n' ? 'n' : c == '\t' ? 't' : 'r';
	else if (c < 0x20 || c == 0x7F)
		e[1] = 'x', e[2] = hex[c >> 4], e[3] = hex[c & 15];
	else if (c != '"' && c != '\\')
		e[0] = (char)c, e[1] = 0;
	for (size_t k = 0; e[k] && at + 1 < sz; k++)
		o[at++] = e[k];
	return at;
}

static bool plain(const char *s, size_t n)
{
	if (n > 2 * KEEP)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			return false;
	return true;
}

/* Start of the UTF-8 character at or after i. */
static size_t char_start(const char *s, size_t n, size_t i)
{
	while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

const char *brief_name(const char *name, char *buf, size_t sz)
{
	size_t n = strlen(name), at = 0;
	bool quote = false;
	if (plain(name, n) || sz < 16)
		return name;
	for (size_t i = 0; i < n; i++)
		quote |= (unsigned char)name[i] < 0x20 || name[i] == 0x7F;
	if (quote)
		buf[at++] = '"';
	for (size_t i = 0; i < n && at + 8 < sz; i++) {
		if (n > 2 * KEEP && i == KEEP) {
			at += (size_t)snprintf(buf + at, sz - at, "...");
			i = char_start(name, n, n - KEEP);
		}
		at = put_esc(buf, at, sz, (unsigned char)name[i]);
	}
	if (quote && at + 1 < sz)
		buf[at++] = '"';
	buf[at] = '\0';
	return buf;
}

void brief_vreport(brief_diag *d, brief_severity sev, const char *file,
		   const char *fmt, va_list ap)
{
	char msg[4096], name[4 * KEEP + 64];
	int n = 0;

	if (sev == BRIEF_ERR)
		d->nerrors++;
	else
		d->nwarnings++;
	if (file)
		n = snprintf(msg, sizeof msg, "%s: ", brief_name(file, name, sizeof name));
	if (n < 0 || (size_t)n >= sizeof msg)
		n = 0;
	vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	if (d->sink) {
		d->sink(d->user, sev, msg);
		return;
	}
	if (sev == BRIEF_WARN && d->quiet_warnings)
		return;
	fprintf(stderr, "brief: %s%s\n", sev == BRIEF_WARN ? "warning: " : "",
		msg);
}

void brief_error(brief_diag *d, const char *file, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	brief_vreport(d, BRIEF_ERR, file, fmt, ap);
	va_end(ap);
}

void brief_warn(brief_diag *d, const char *file, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	brief_vreport(d, BRIEF_WARN, file, fmt, ap);
	va_end(ap);
}
