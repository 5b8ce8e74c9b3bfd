#include "util/pdfpages.h"

#include <qpdf/qpdf-c.h>

int brief_pdf_pages(const void *pdf, size_t len)
{
	qpdf_data q = qpdf_init();
	int n = -1;
	if (!q)
		return -1;
	/* Errors come back as codes; qpdf must not print on our stderr. */
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (!(qpdf_read_memory(q, "briefing.pdf", pdf, (unsigned long long)len,
			       NULL) & QPDF_ERRORS))
		n = qpdf_get_num_pages(q);
	qpdf_cleanup(&q);
	return n;
}
