/*
 * fontset.h - the fonts of one PDF: the body and heading chains of the
 * style, each a list of families tried in order for every character,
 * plus last-resort faces found for characters no configured font has
 * (each reported once). Records which characters each font draws, so
 * that each is embedded as a subset of exactly those.
 */
#ifndef BRIEF_FONTSET_H
#define BRIEF_FONTSET_H

#include <stdint.h>

#include "render/pdf/font.h"
#include "render/pdf/style.h"
#include "util/diag.h"

typedef enum { BRIEF_CHAIN_BODY, BRIEF_CHAIN_HEADING } brief_chain;

typedef struct brief_fontset brief_fontset;

/* Finds the style's families; a family that is not installed is a
 * warning, a CJK chain with none installed an error (NULL). Latin
 * chains may be empty. */
brief_fontset *brief_fontset_open(const brief_style *st, brief_diag *d);
void brief_fontset_free(brief_fontset *fs);

/* The font that draws cp in `chain` (an index for the functions below),
 * or -1 when no installed font has it. */
int brief_fontset_pick(brief_fontset *fs, brief_chain chain, uint32_t cp);
/* Width of cp in font i at `size` points. */
float brief_fontset_width(const brief_fontset *fs, int i, uint32_t cp, float size);
/* Records that font i draws cp. */
void brief_fontset_use(brief_fontset *fs, int i, uint32_t cp);

/* Warns about the characters no configured font has: which font drew
 * them instead, or that none could. */
void brief_fontset_report(brief_fontset *fs);

/*
 * Once everything is laid out: gives each character each font draws a
 * PDF character code, one contiguous range per font, the ranges of all
 * fonts apart (so one ToUnicode map serves every font), from
 * BRIEF_FIRST_CODE up. 0, or -1 when there are more than 55,000
 * (font, character) pairs or on OOM.
 */
#define BRIEF_FIRST_CODE 0x100
int brief_fontset_assign_codes(brief_fontset *fs);
/* The characters font i draws, ascending, and the code of the first;
 * the code of chars[k] is first + k. */
/* One more than the highest code given. */
uint32_t brief_fontset_code_end(const brief_fontset *fs);
const uint32_t *brief_fontset_chars(const brief_fontset *fs, int i, size_t *n,
				    uint32_t *first);
/* The code of cp in font i (cp must be one it draws). */
uint32_t brief_fontset_code(const brief_fontset *fs, int i, uint32_t cp);

size_t brief_fontset_count(const brief_fontset *fs);
const brief_font *brief_fontset_font(const brief_fontset *fs, int i);

#endif
