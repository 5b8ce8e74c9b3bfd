/*
 * diag.h - diagnostics: "brief: FILE: what is wrong" on stderr.
 *
 * Library code never prints or exits on its own; it reports through a
 * brief_diag, which counts errors and warnings so the command can choose
 * its exit status. Tests install a sink to capture messages.
 */
#ifndef BRIEF_DIAG_H
#define BRIEF_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum { BRIEF_WARN, BRIEF_ERR } brief_severity;

typedef void (*brief_diag_sink)(void *user, brief_severity sev,
				const char *msg);

typedef struct brief_diag {
	size_t nerrors, nwarnings;
	brief_diag_sink sink;   /* NULL: print to stderr */
	void *user;
	int quiet_warnings;     /* count warnings but do not print them */
} brief_diag;

/* `file` may be NULL for messages about no particular file. */
void brief_error(brief_diag *d, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void brief_warn(brief_diag *d, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * A file name as printed: as is, unless it holds a control character (a
 * newline would split the line; then it is quoted "..." with C escapes)
 * or is too long for a message (then its middle becomes "..."). Returns
 * `name` itself or `buf`.
 */
const char *brief_name(const char *name, char *buf, size_t sz);
void brief_vreport(brief_diag *d, brief_severity sev, const char *file,
		   const char *fmt, va_list ap);

#endif
