#include "render/latex_escape.h"

void brief_latex_escape(brief_buf *out, const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		switch (*p) {
		case '\\': BRIEF_BUF_PUTSL(out, "\\textbackslash{}"); break;
		case '{': BRIEF_BUF_PUTSL(out, "\\{"); break;
		case '}': BRIEF_BUF_PUTSL(out, "\\}"); break;
		case '$': BRIEF_BUF_PUTSL(out, "\\$"); break;
		case '&': BRIEF_BUF_PUTSL(out, "\\&"); break;
		case '#': BRIEF_BUF_PUTSL(out, "\\#"); break;
		case '^': BRIEF_BUF_PUTSL(out, "\\textasciicircum{}"); break;
		case '_': BRIEF_BUF_PUTSL(out, "\\_"); break;
		case '%': BRIEF_BUF_PUTSL(out, "\\%"); break;
		case '~': BRIEF_BUF_PUTSL(out, "\\textasciitilde{}"); break;
		case '<': BRIEF_BUF_PUTSL(out, "\\textless{}"); break;
		case '>': BRIEF_BUF_PUTSL(out, "\\textgreater{}"); break;
		case '|': BRIEF_BUF_PUTSL(out, "\\textbar{}"); break;
		case '"': BRIEF_BUF_PUTSL(out, "\\textquotedbl{}"); break;
		case '\n': case '\t': case '\r': brief_buf_putc(out, ' '); break;
		default:
			/* other control characters have no place in print */
			if (*p >= 0x20 && *p != 0x7F)
				brief_buf_putc(out, (char)*p);
		}
	}
}
