/*
 * linebreak.h - where a line of Chinese (or mixed) text may end, and the
 * lines of a paragraph set to a width.
 *
 * Break opportunities are UAX #14's (libunibreak), tightened by the
 * Chinese kinsoku rules and by one of our own: a number keeps its unit
 * ("5.5%", "2200亿元", "3.2万平方米" never split).
 */
#ifndef BRIEF_LINEBREAK_H
#define BRIEF_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* No line may start with one of these ... */
bool brief_kinsoku_no_start(uint32_t cp);
/* ... and none may end with one of these. */
bool brief_kinsoku_no_end(uint32_t cp);

/*
 * brks[i] for each byte i of text (len bytes, UTF-8): at the last byte
 * of a character, 1 when a line may end after it, 2 when it must (a
 * newline), 0 when not; 0 at the other bytes.
 */
void brief_break_points(const char *text, size_t len, char *brks);

typedef struct brief_line {
	size_t start, end;      /* bytes; end excludes trailing blanks */
	float width;            /* natural width of [start, end) */
	size_t nchars;          /* characters in [start, end) */
	bool last;              /* ends a paragraph: set ragged, not justified */
} brief_line;

typedef struct brief_lines {
	brief_line *v;
	size_t n, cap;
} brief_lines;

/* Width of one character at the size being set. */
typedef float (*brief_width_fn)(void *user, uint32_t cp);

/*
 * Sets `text` in lines no wider than `width` (a word longer than a line
 * is cut at a character boundary, the only case where a line may break
 * elsewhere). Appends to *out; 0, or -1 on OOM.
 */
int brief_break_lines(const char *text, size_t len, float width,
		      brief_width_fn w, void *user, brief_lines *out);
void brief_lines_free(brief_lines *l);

#endif
