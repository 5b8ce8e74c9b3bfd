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
	float width;            /* natural width of [start, end), glue included */
	size_t nchars;          /* characters in [start, end) */
	size_t nstretch;        /* places justification may widen (glue.h) */
	bool last;              /* ends a paragraph: set ragged, not justified */
} brief_line;

typedef struct brief_lines {
	brief_line *v;
	size_t n, cap;
} brief_lines;

/* Width of one character at the size being set. */
typedef float (*brief_width_fn)(void *user, uint32_t cp);

/* How text is measured: each character's advance, and the em of the
 * size being set, which scales the glue between characters (glue.h);
 * em 0 sets every character at its bare advance. */
typedef struct brief_measure {
	brief_width_fn width;
	void *user;
	float em;
} brief_measure;

/*
 * Sets `text` in lines no wider than `width` (a word longer than a line
 * is cut at a character boundary, the only case where a line may break
 * elsewhere). Appends to *out; 0, or -1 on OOM.
 */
int brief_break_lines(const char *text, size_t len, float width,
		      const brief_measure *m, brief_lines *out);

/*
 * Where each of the ln->nchars characters of a line starts, from 0,
 * with the glue and `stretch` points more at each place justification
 * may widen: pos[k] for character k, and its advance in adv[k] (-1 for
 * a blank, which is room, not ink). pos[0] is negative when an opening
 * mark's blank half sits in the margin. Returns the width of the line.
 */
float brief_line_place(const char *text, const brief_line *ln,
		       const brief_measure *m, float stretch, float *pos, float *adv);
void brief_lines_free(brief_lines *l);

#endif
