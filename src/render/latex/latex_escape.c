#include "render/latex/latex_escape.h"

#include <string.h>

#include "render/quantity.h"
#include "util/utf8.h"

/*
 * Characters of one unbreakable run (no space, no CJK) after which a
 * break is allowed. A run of a thousand Latin letters or digits crashed
 * xelatex and longer ones hung it; nothing real in a briefing comes near
 * 64 characters but a URL, which the template breaks at its slashes.
 */
enum { RUN_MAX = 64 };

/* A URL as a whole value (an \href target): a break inside would change
 * the link. */
static bool is_url(const char *text)
{
	const char *colon = strstr(text, "://");
	return colon && colon - text <= 10 && !strpbrk(text, " \t\n");
}

static void put_special(brief_buf *out, unsigned char c)
{
	switch (c) {
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
		if (c >= 0x20 && c != 0x7F)
			brief_buf_putc(out, (char)c);
	}
}

static uint32_t peek(const char *text, size_t len, size_t i)
{
	return i < len ? brief_utf8_next(text, len, &i) : 0;
}

/* The end of a number and its unit starting at `at` ("60个", "5.5%", "60 个"),
 * or `at` when no unit follows the digits. */
static size_t quantity_end(const char *text, size_t len, size_t at)
{
	size_t i = at, end = at;
	bool digits = true;
	while (i < len) {
		size_t j = i;
		uint32_t cp = brief_utf8_next(text, len, &j);
		if (digits && (brief_quantity_digit(cp) || cp == '.')) {
			i = j;
			continue;
		}
		/* "60 个": a space between the two is no place to break */
		if (digits && cp == ' ' && i > at && brief_quantity_unit(peek(text, len, j)))
			cp = brief_utf8_next(text, len, &j);
		if (!brief_quantity_unit(cp))
			break;
		digits = false;
		i = end = j;
	}
	return end;
}

static void put_cp(brief_buf *out, const char *text, size_t at, size_t i, uint32_t cp)
{
	if (cp < 0x80)
		put_special(out, (unsigned char)cp);
	else
		brief_buf_put(out, text + at, i - at);
}

/* xeCJK spaces CJK from Latin only between characters it sees side by
 * side; next to a box the space must be given. */
static bool cjk(uint32_t cp)
{
	return brief_cp_width(cp) == 2;
}

/* A Han ideograph (BMP, compatibility, beyond the BMP). */
static bool han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Marks that may not start a line: they stay with the character before. */
static bool closing(uint32_t cp)
{
	static const uint32_t marks[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x201D, 0x2019,
		0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x2026, 0
	};
	for (const uint32_t *m = marks; *m; m++)
		if (*m == cp)
			return true;
	return false;
}

/*
 * Where a value's last Han character starts, when the one before it is
 * Han too and only closing marks follow: a break there would leave one
 * character alone on the last line of a cell or paragraph, so the two
 * are tied. len when there is no such place.
 */
static size_t widow_at(const char *text, size_t len)
{
	size_t i = 0, last = len;
	bool tied = false, tail = false;
	uint32_t prev = 0;
	while (i < len) {
		size_t at = i;
		uint32_t cp = brief_utf8_next(text, len, &i);
		if (han(cp)) {
			last = at;
			tied = han(prev);
			tail = true;
		} else if (!closing(cp)) {
			tail = false;
		}
		prev = cp;
	}
	return tied && tail ? last : len;
}

void brief_latex_escape(brief_buf *out, const char *text)
{
	size_t len = strlen(text), i = 0, run = 0, hold = 0;
	bool url = is_url(text), in_number = false;
	size_t tie = url ? len : widow_at(text, len);
	uint32_t prev = 0;
	while (i < len) {
		size_t at = i;
		uint32_t cp = brief_utf8_next(text, len, &i);
		bool breaks = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cjk(cp);
		run = breaks ? 0 : run + 1;
		if (run > RUN_MAX && !url) {
			/* \hspace, unlike \allowbreak, vanishes in PDF strings */
			BRIEF_BUF_PUTSL(out, "\\hspace{0pt}");
			run = 1;
		}
		if (at == tie && !hold)
			BRIEF_BUF_PUTSL(out, "\\nobreak ");
		/* a number keeps its unit: the pair in one box, never split */
		if (!hold && !in_number && !url && brief_quantity_digit(cp)) {
			size_t end = quantity_end(text, len, at);
			if (end > i) {
				if (cjk(prev) && !cjk(cp))
					BRIEF_BUF_PUTSL(out, "\\CJKecglue ");
				BRIEF_BUF_PUTSL(out, "\\mbox{");
				hold = end;
			}
		}
		in_number = brief_quantity_digit(cp) || (in_number && cp == '.');
		put_cp(out, text, at, i, cp);
		if (hold && i >= hold) {
			brief_buf_putc(out, '}');
			hold = 0;
			if (!cjk(cp) && cjk(peek(text, len, i)))
				BRIEF_BUF_PUTSL(out, "\\CJKecglue ");
		}
		prev = cp;
	}
}
