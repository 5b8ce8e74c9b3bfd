/*
 * decode.h - raw bytes of unknown encoding -> UTF-8.
 *
 * Order: BOM (UTF-8, UTF-16LE/BE), or UTF-16 told by which byte of each
 * pair holds the NULs; for HTML a <meta> charset; otherwise uchardet,
 * restricted to UTF-8, GB18030 (covers GBK/GB2312) and Big5 (incl.
 * HKSCS). Conversion with iconv; bytes that do not convert become U+FFFD
 * and are counted. Valid UTF-8 whose last character is cut off stays
 * UTF-8, the cut character one U+FFFD counted as one invalid byte.
 */
#ifndef BRIEF_DECODE_H
#define BRIEF_DECODE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct brief_decoded {
	char *text;             /* UTF-8, NUL-terminated, caller frees */
	size_t len;
	char encoding[32];      /* "UTF-8", "GB18030", "BIG5-HKSCS", "UTF-16LE", ... */
	size_t invalid_bytes;   /* input bytes replaced by U+FFFD */
	bool html;              /* looks like HTML (sniffed from the bytes) */
} brief_decoded;

/*
 * Decodes `n` bytes. `html_hint` says the file name ends in .htm/.html.
 * Returns 0, or -1 with a reason in `why` (e.g. "binary file (NUL bytes)",
 * "not text in any supported encoding"); `out` is then empty.
 */
int brief_decode(const char *bytes, size_t n, bool html_hint,
		 brief_decoded *out, char *why, size_t whysz);
void brief_decoded_free(brief_decoded *d);

#endif
