/* latex_escape.h - article text made literal for LaTeX. */
#ifndef BRIEF_LATEX_ESCAPE_H
#define BRIEF_LATEX_ESCAPE_H

#include "util/buf.h"

/*
 * Appends `text` so that LaTeX prints it as written: the specials
 * \ { } $ & # ^ _ % ~ and < > | " become their text commands, control
 * characters go, CJK and everything else passes through. Nothing in the
 * result can start a command (\input, \write18, \catcode stay text).
 * A run of more than 64 characters with no space or CJK in it gets a
 * break point (\hspace{0pt}) every 64, except in a URL. A number and
 * its unit ("60个", "5.5%") go in one \mbox, so no line splits them.
 */
void brief_latex_escape(brief_buf *out, const char *text);

#endif
