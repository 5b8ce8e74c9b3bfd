/*
 * glue.h - the space between two adjacent characters of a line, after
 * the W3C Requirements for Chinese Text Layout (clreq) and ctex's
 * defaults:
 *
 * - punctuation compression: where two full-width marks meet with a
 *   blank half between them ("”，", "：“", "（“"), one half goes; a
 *   closing mark ending a line and an opening mark starting one lose
 *   their blank half too, so that the ink meets the margin;
 * - a quarter em between Han and Latin letters or digits, whether the
 *   text has a space there or not ("2025年" and "2025 年" look alike);
 * - justification stretches only where a CJK character meets another
 *   character, and at spaces: never inside a Latin word or digit run.
 *
 * Widths are the fonts' own: a mark only counts as full-width when its
 * font draws it an em wide (WenQuanYi Zen Hei's curly quotes are
 * narrow, and get no compression).
 */
#ifndef BRIEF_GLUE_H
#define BRIEF_GLUE_H

#include <stdbool.h>
#include <stdint.h>

/* Han–Latin space, in ems. */
#define BRIEF_HAN_LATIN_EM 0.25f

/* A Han ideograph (BMP blocks and the supplementary planes). */
bool brief_glue_han(uint32_t cp);
/* A CJK character that justification may space: Han, kana, CJK
 * punctuation and full-width forms. */
bool brief_glue_cjk(uint32_t cp);
/* A Latin letter or digit, or the % of a figure: what gets the
 * Han–Latin space (ASCII brackets and marks do not, as in xeCJK). */
bool brief_glue_latin(uint32_t cp);
/* A character of a citation marker (brief_format_cites): a superscript
 * digit or the narrow no-break space between two markers. A marker
 * never starts a line and justification never opens a gap before it:
 * it belongs to what it follows. */
bool brief_glue_cite(uint32_t cp);

/*
 * Space added after a (whose advance is wa) when b follows (advance
 * wb), both at `em` points: negative for compression, the Han–Latin
 * space, else 0. b == 0: nothing follows.
 */
float brief_glue_pair(uint32_t a, float wa, uint32_t b, float wb, float em);
/* The advance of a blank `sp` between prev and next: the Han–Latin
 * space when it stands between Han and Latin, else `w`. */
float brief_glue_blank(uint32_t prev, uint32_t sp, uint32_t next, float w, float em);
/* What a line starting with cp is moved left by (its blank half). */
float brief_glue_lead(uint32_t cp, float w, float em);
/* What a line ending with cp is shorter by (its blank half). */
float brief_glue_trail(uint32_t cp, float w, float em);
/* Whether justification may add space between a and b. */
bool brief_glue_stretch(uint32_t a, uint32_t b);

#endif
