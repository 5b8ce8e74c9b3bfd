/*
 * texc.h - LaTeX source -> PDF with xelatex, run in a private temporary
 * directory ($TMPDIR or /tmp, brief-tex-XXXXXX) with shell escape off;
 * the PDF is moved into place atomically, so a failed or killed compile
 * leaves no PDF behind. Each xelatex run has $BRIEF_TEX_TIMEOUT seconds
 * (default 120) and dies with brief; the directory is removed on every
 * path, and one left by a killed brief is removed by the next compile.
 */
#ifndef BRIEF_TEXC_H
#define BRIEF_TEXC_H

#include <stddef.h>

#include "util/diag.h"

/*
 * Compiles `tex` (twice, for references and page numbers) and writes the
 * PDF to `pdf_path`. With epoch >= 0 the PDF's dates come from it
 * (SOURCE_DATE_EPOCH). Returns 0, or -1 after reporting the errors from
 * the LaTeX log ("! ..." lines with their line numbers); the whole log is
 * then kept as X.log beside X.pdf (and removed by a later success).
 */
int brief_tex_compile(const char *tex, size_t len, const char *pdf_path,
		      long long epoch, brief_diag *d);

#endif
