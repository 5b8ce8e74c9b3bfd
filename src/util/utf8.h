/*
 * utf8.h - decoding UTF-8 one code point at a time, and character offsets.
 */
#ifndef BRIEF_UTF8_H
#define BRIEF_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes the code point at s[*i] (i < len) and advances *i past it.
 * Malformed sequences yield 0xFFFD and advance by one byte. Inline: every
 * stage walks text with it.
 */
uint32_t brief_utf8_next_slow(const char *s, size_t len, size_t *i);

static inline uint32_t brief_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	if (u[0] < 0x80) {
		*i += 1;
		return u[0];
	}
	/* the common case in Chinese text: a valid three-byte sequence */
	if (u[0] >= 0xE1 && u[0] <= 0xEC && *i + 2 < len &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		*i += 3;
		return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
		       (u[2] & 0x3F);
	}
	return brief_utf8_next_slow(s, len, i);
}
/* Start of the code point before byte offset i (0 if none). */
size_t brief_utf8_prev(const char *s, size_t i);
/* Number of code points in s[0..n). */
size_t brief_utf8_chars(const char *s, size_t n);
/* Byte offset of the `chars`-th code point (len if beyond the end). */
size_t brief_utf8_byte_offset(const char *s, size_t len, size_t chars);
bool brief_utf8_valid(const char *s, size_t len);
/* CJK Unified Ideographs (incl. extension A and compatibility). */
bool brief_is_han(uint32_t cp);
/* Whether the NUL-terminated word w occurs in s[0..n). */
bool brief_has_word(const char *s, size_t n, const char *w);
/* The first / the last occurrence of w in s[0..n), or NULL. The finders
 * look a word up at every quantity over its whole clause; a byte-wise
 * memcmp there made a clause without punctuation cost its length times
 * the number of cue words. */
const char *brief_find_word(const char *s, size_t n, const char *w);
const char *brief_find_last_word(const char *s, size_t n, const char *w);
/* Terminal cell width: 2 for East Asian wide/fullwidth, else 1. */
int brief_cp_width(uint32_t cp);
/* Display width of a UTF-8 string in terminal cells. */
size_t brief_utf8_width(const char *s);

#endif
