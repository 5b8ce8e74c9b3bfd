/*
 * wordset.h - one class of a language table (util/lexicon.h) as a set
 * the finders test at every position of a clause: the longest word
 * starting at, ending at, equal to or inside a byte range of UTF-8 text.
 *
 * The words are indexed by their first and by their last three bytes
 * (one Han character), so a test looks only at the few words that share
 * the character under it; a list scanned word by word at every position
 * made the project finder the slowest stage of extraction.
 */
#ifndef BRIEF_EXTRACT_WORDSET_H
#define BRIEF_EXTRACT_WORDSET_H

#include <stdbool.h>
#include <stddef.h>

#include "util/lexicon.h"

typedef struct brief_wordset brief_wordset;

/* The entries of class `cls` in the embedded table `table`; NULL when
 * the table is missing or on OOM. An empty class gives an empty set. */
brief_wordset *brief_wordset_new(const char *table, const char *cls);
/* The entries of every class of `table` but `cls`. */
brief_wordset *brief_wordset_new_but(const char *table, const char *cls);
void brief_wordset_free(brief_wordset *w);

/* The position after the character at t[i] (at most e): the loops that
 * try a word at every position skip the bytes inside a character, where
 * no word starts. */
static inline size_t brief_wordset_next_char(const char *t, size_t i, size_t e)
{
	for (i++; i < e && ((unsigned char)t[i] & 0xC0) == 0x80; i++)
		;
	return i;
}

/* The longest word at t[s] ending at or before e; NULL when none (or
 * s > e). */
const brief_lex_entry *brief_wordset_prefix(const brief_wordset *w, const char *t,
					    size_t s, size_t e);
/* The longest word ending at t[e] and starting at or after s. */
const brief_lex_entry *brief_wordset_suffix(const brief_wordset *w, const char *t,
					    size_t s, size_t e);
/* Whether t[s, e) is one of the words. */
bool brief_wordset_equals(const brief_wordset *w, const char *t, size_t s, size_t e);
/* Whether some word lies wholly inside t[s, e). */
bool brief_wordset_contains(const brief_wordset *w, const char *t, size_t s, size_t e);

/* Of the words occurring wholly inside t[s, e), the one listed first in
 * the table (what a walk of the class in file order, searching the range
 * for each word, finds), NULL when none: one pass over the range. */
const brief_lex_entry *brief_wordset_first_listed(const brief_wordset *w, const char *t,
						  size_t s, size_t e);

/* The words of class `cls` of data/cues.tsv, for the finders that ask for
 * a class for every number they read: remembered by the address of `cls`,
 * which must be a string literal. */
const char *const *brief_cue(const char *cls);
/* The word of class `cls` of `table` listed first among those inside
 * t[s, e) (brief_wordset_first_listed), NULL when none; the set is kept
 * by the addresses of table and cls, which must be string literals. */
const char *brief_class_in(const char *table, const char *cls, const char *t, size_t s,
			   size_t e);
/* The same for data/cues.tsv. */
static inline const char *brief_cue_in(const char *cls, const char *t, size_t s, size_t e)
{
	return brief_class_in("cues.tsv", cls, t, s, e);
}

#endif
