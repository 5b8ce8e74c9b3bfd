/*
 * pdfout.h - a laid-out document (render/pdf/layout.h) drawn with libharu.
 *
 * libharu 2.3.0 draws and links well but gets three things wrong for
 * CJK, which brief works around (see README, "Fonts in PDF"):
 *  - it loses composite glyphs with ids >= 32768 and embeds fonts 3-5x
 *    too large: it is handed a HarfBuzz subset of each font holding just
 *    the characters used, glyphs renumbered;
 *  - its ToUnicode maps every code to 0, and its UTF-8 encoder reaches
 *    the BMP only: brief gives each character a code of its own (below
 *    U+D800, whatever the character) and a qpdf pass writes the map
 *    from those codes to the characters, a surrogate pair for one
 *    beyond the BMP;
 *  - it cannot write Unicode outline titles or document info: the same
 *    pass writes them as UTF-16 strings, with dates from
 *    SOURCE_DATE_EPOCH and a deterministic /ID.
 */
#ifndef BRIEF_PDFOUT_H
#define BRIEF_PDFOUT_H

#include "render/pdf/layout.h"
#include "util/buf.h"
#include "util/diag.h"

typedef struct brief_pdf_info {
	const char *title, *subject, *keywords;
	long long epoch;        /* CreationDate; -1 = now */
} brief_pdf_info;

/* Appends the PDF to out. 0, or -1 after reporting. */
int brief_pdf_write(brief_layout *L, const brief_pdf_info *info,
		    brief_buf *out, brief_diag *d);

/* The qpdf pass (render/pdf/pdffix.c): libharu's PDF, in memory (pdf,
 * len) or, for a combined briefing, in the file `path` (qpdf then reads
 * a stream's data only when it needs it: uncompressed, a combined
 * briefing of every county is hundreds of MB), with the maps, titles
 * and info put right, appended to out. */
int brief_pdf_fixup(const char *path, const char *pdf, size_t len, brief_fontset *fs,
		    const brief_layout *L, const brief_pdf_info *info,
		    brief_buf *out, brief_diag *d);

/* A scratch file in $TMPDIR, already unlinked (it can never be left
 * behind), reachable by name as /proc/self/fd/N, written into path.
 * Returns its descriptor (the caller closes it), or -1 after reporting. */
int brief_pdf_scratch(char *path, size_t size, brief_diag *d);

/* The qpdf pass's deflate level (zlib's 1-9), by `bench levels` on
 * 钱塘区 2025 (median CPU ms of a whole render, KB): 1 13.4 85.1,
 * 3 14.3 81.8, 5 15.0 77.9, 6 16.4 77.2, 9 19.9 76.7. Level 3 made the
 * combined briefing of 2,982 regions 12 % larger than qpdf's 6 did;
 * 5 saves most of 6's time for 1 % of size. */
#define BRIEF_PDF_DEFLATE_LEVEL 5
extern int brief_pdf_deflate_level;

#endif
