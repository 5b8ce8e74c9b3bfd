/*
 * font.h - CJK fonts for direct PDF output: found through fontconfig and
 * cut down with HarfBuzz's subsetter to exactly the characters a
 * document uses (glyph ids renumbered, hinting dropped). A small subset
 * keeps PDFs small and quick to write, and its renumbered glyphs avoid
 * libharu 2.3.0's loss of composite glyphs with ids of 32768 and more.
 */
#ifndef BRIEF_FONT_H
#define BRIEF_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/diag.h"

typedef struct brief_font brief_font;

/* The face fontconfig picks for `family` (e.g. "AR PL UMing CN");
 * NULL after reporting when no such font is installed. Faces are
 * shared: one per family for the life of the process (until
 * brief_font_cache_clear); brief_font_free releases the caller's hold. */
brief_font *brief_font_find(const char *family, brief_diag *d);
void brief_font_free(brief_font *f);
void brief_font_cache_clear(void);
const char *brief_font_path(const brief_font *f);
int brief_font_index(const brief_font *f);      /* face in a .ttc */

/* A TrueType (glyf) face that has code point cp, whatever its family:
 * the last resort for a character no configured font covers. NULL
 * when no installed font has it. */
brief_font *brief_font_find_for(uint32_t cp);
const char *brief_font_family(const brief_font *f);

/* Advance width of cp in thousandths of an em, rounded as libharu
 * rounds the widths it writes, so measured and drawn lines agree; 0
 * when the face lacks cp. */
int brief_font_advance(const brief_font *f, uint32_t cp);

/* Whether the face has a glyph for code point cp. */
bool brief_font_has(const brief_font *f, uint32_t cp);

/*
 * The subset for a PDF font whose character codes brief chooses: the
 * glyphs of cps[0..n) (code points the face has), with a cmap that maps
 * code first + k to the glyph of cps[k] and nothing else. Codes from
 * one contiguous range keep libharu's per-code cmap searches to one
 * segment; the real characters go into the PDF's ToUnicode map.
 * Returns 0, or -1 after reporting.
 */
int brief_font_subset_coded(const brief_font *f, const uint32_t *cps, size_t n,
			    uint32_t first, char **out, size_t *out_len,
			    brief_diag *d);

#endif
