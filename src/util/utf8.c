#define _GNU_SOURCE /* memmem, memrchr */
#include "utf8.h"

#include <string.h>

uint32_t brief_utf8_next_slow(const char *str, size_t len, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t p = *i;
	unsigned c = s[p];
	uint32_t cp, min;
	size_t n;

	if (c < 0x80) {
		*i = p + 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 1; cp = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 2; cp = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 3; cp = c & 0x07; min = 0x10000;
	} else {
		*i = p + 1;
		return 0xFFFD;
	}
	if (p + n >= len) {
		*i = p + 1;
		return 0xFFFD;
	}
	for (size_t k = 1; k <= n; k++) {
		if ((s[p + k] & 0xC0) != 0x80) {
			*i = p + 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[p + k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*i = p + 1;
		return 0xFFFD;
	}
	*i = p + n + 1;
	return cp;
}

size_t brief_utf8_prev(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

size_t brief_utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

size_t brief_utf8_byte_offset(const char *s, size_t len, size_t chars)
{
	size_t i = 0;
	while (i < len && chars > 0) {
		brief_utf8_next(s, len, &i);
		chars--;
	}
	return i;
}

bool brief_utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t at = i;
		uint32_t cp = brief_utf8_next(s, len, &i);
		if (cp == 0xFFFD && i == at + 1 && (unsigned char)s[at] >= 0x80)
			return false;
	}
	return true;
}

bool brief_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

int brief_cp_width(uint32_t cp)
{
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	    (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

size_t brief_utf8_width(const char *s)
{
	size_t len = strlen(s), i = 0, w = 0;
	while (i < len)
		w += (size_t)brief_cp_width(brief_utf8_next(s, len, &i));
	return w;
}

bool brief_has_word(const char *s, size_t n, const char *w)
{
	return brief_find_word(s, n, w) != NULL;
}

const char *brief_find_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	if (!k || k > n)
		return NULL;
	return memmem(s, n, w, k);
}

const char *brief_find_last_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	if (!k || k > n)
		return NULL;
	for (const char *p = s + n - k;; p--) {
		const char *q = memrchr(s, w[0], (size_t)(p - s) + 1);
		if (!q)
			return NULL;
		if (!memcmp(q + 1, w + 1, k - 1))
			return q;
		if (q == s)
			return NULL;
		p = q;
	}
}
