/*
 * pdf.h - what a PDF briefing says, section by section, on top of the
 * layout engine (layout.h); shared by the single briefing (pdf.c) and
 * the combined one (pdf_book.c).
 */
#ifndef BRIEF_PDF_H
#define BRIEF_PDF_H

#include <stdbool.h>

#include "brief.h"
#include "render/pdf/layout.h"
#include "render/render.h"

/* Everything a briefing needs while it is being laid out. */
typedef struct brief_pdfctx {
	brief_style st;
	brief_fontset *fonts;
	brief_layout L;
	char date[16];          /* generation date, YYYY-MM-DD */
} brief_pdfctx;

int brief_pdfctx_open(brief_pdfctx *c, const brief_render_opts *o, brief_diag *d);
void brief_pdfctx_close(brief_pdfctx *c);

/* The title block and sections of one region's briefing. Its bookmark
 * is at the top level and its sections' under it; `nested` (a combined
 * briefing) sets the sections' headings a size smaller. */
void brief_pdf_briefing(brief_pdfctx *c, const brief_doc *doc, bool nested);

/* Writes the laid-out document; 0, or -1 after reporting. */
int brief_pdfctx_write(brief_pdfctx *c, const char *title, const char *subject,
		       const char *keywords, long long epoch, brief_buf *out,
		       brief_diag *d);

#endif
