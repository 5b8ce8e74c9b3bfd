/* pdfpages.h - what a manifest says about a finished PDF. */
#ifndef BRIEF_PDFPAGES_H
#define BRIEF_PDFPAGES_H

#include <stddef.h>

/* The number of pages of the PDF in memory, read with qpdf (a real
 * parse, so a truncated or malformed file is caught here rather than by
 * the reader of the manifest); -1 when qpdf cannot read it. */
int brief_pdf_pages(const void *pdf, size_t len);

#endif
