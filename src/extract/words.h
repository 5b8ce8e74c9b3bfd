/*
 * words.h - the small word tests on a byte range [s, s+n) of UTF-8 text
 * that the finders share.
 */
#ifndef BRIEF_EXTRACT_WORDS_H
#define BRIEF_EXTRACT_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "util/utf8.h"

static inline bool ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && memcmp(s + n - k, w, k) == 0;
}

static inline bool starts_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0;
}

static inline bool contains(const char *s, size_t n, const char *w)
{
	return brief_has_word(s, n, w);
}

/* Whether s[0..n) starts / ends with one of the NULL-terminated words. */
static inline bool starts_any(const char *s, size_t n, const char *const *ws)
{
	for (; ws && *ws; ws++)
		if (starts_with(s, n, *ws))
			return true;
	return false;
}

static inline bool ends_any(const char *s, size_t n, const char *const *ws)
{
	for (; ws && *ws; ws++)
		if (ends_with(s, n, *ws))
			return true;
	return false;
}

/* The word s[0..n) ends with, or NULL. */
static inline const char *ends_which(const char *s, size_t n, const char *const *ws)
{
	for (; ws && *ws; ws++)
		if (ends_with(s, n, *ws))
			return *ws;
	return NULL;
}

/* Whether the NUL-terminated s is one of the words, whole. */
static inline bool is_word(const char *s, const char *const *ws)
{
	for (; ws && *ws; ws++)
		if (!strcmp(s, *ws))
			return true;
	return false;
}

static inline const char *any_of(const char *s, size_t n, const char *const *ws)
{
	for (; *ws; ws++)
		if (contains(s, n, *ws))
			return *ws;
	return NULL;
}

#endif
