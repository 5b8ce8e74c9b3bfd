/*
 * rx.h - compiling PCRE2 patterns the one way brief uses them: UTF-8,
 * Unicode properties, JIT-compiled (unless $BRIEF_NO_JIT is set, for
 * valgrind, which cannot see into JIT code).
 */
#ifndef BRIEF_RX_H
#define BRIEF_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* NULL when the pattern does not compile (a bug: patterns are ours). */
pcre2_code *brief_rx_compile(const char *pattern);

/*
 * A module's patterns with one match data and a match context whose limit
 * bounds the work on hostile text (a megabyte of 亿 ends in "no match").
 * Not shared between threads.
 */
typedef struct brief_rxset {
	pcre2_code **rx;
	size_t n;
	pcre2_match_data *md;
	pcre2_match_context *mc;
} brief_rxset;

/* 0, or -1 (and nothing to free) when a pattern fails or on OOM. */
int brief_rxset_init(brief_rxset *s, const char *const *patterns, size_t n,
		     uint32_t match_limit);
void brief_rxset_free(brief_rxset *s);
/* Matches pattern i on t[0..end) from `start`; the ovector or NULL. */
PCRE2_SIZE *brief_rxset_match(brief_rxset *s, size_t i, const char *t,
			      size_t start, size_t end);

#endif
