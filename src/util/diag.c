#include "diag.h"

#include <stdio.h>

void brief_vreport(brief_diag *d, brief_severity sev, const char *file,
		   const char *fmt, va_list ap)
{
	char msg[2048];
	int n = 0;

	if (sev == BRIEF_ERR)
		d->nerrors++;
	else
		d->nwarnings++;
	if (file)
		n = snprintf(msg, sizeof msg, "%s: ", file);
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
