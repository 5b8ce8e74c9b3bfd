/*
 * lexicon.h - the language tables the extractor reads (data/NAME.tsv,
 * embedded): one entry a line, "class<TAB>entry[<TAB>value[<TAB>extra]]", lines
 * starting with '#' are comments saying where the entries come from.
 *
 *   data/units.tsv       units: entry, class (currency, area, people …),
 *                        scale to the unit the briefings print
 *   data/indicators.tsv  canonical indicator names and their aliases
 *   data/cues.tsv        tense, section, bound and qualifier cues
 *   data/projects.tsv    project heads, statuses, generic project words
 *   data/clusters.tsv    cluster heads, tiers, building verbs
 *
 * A table is parsed once per process (brief_lexicon) and never freed.
 */
#ifndef BRIEF_LEXICON_H
#define BRIEF_LEXICON_H

#include <stddef.h>

typedef struct brief_lex_entry {
	const char *cls;        /* first field */
	const char *word;       /* second field */
	const char *value;      /* third field, "" when absent */
	const char *extra;      /* fourth field, "" when absent */
} brief_lex_entry;

typedef struct brief_lexicon brief_lexicon;

/* The embedded table `name` ("cues.tsv"), parsed on first use; NULL when
 * there is no such table or on OOM. Shared, never freed. */
const brief_lexicon *brief_lexicon_get(const char *name);

/* All entries, in file order. */
const brief_lex_entry *brief_lex_entries(const brief_lexicon *l, size_t *n);

/* The words of class `cls`, in file order, as a NULL-terminated array
 * (owned by the lexicon; an empty array when the class has none). NULL
 * only on OOM. */
const char *const *brief_lex_words(const brief_lexicon *l, const char *cls);

/* The words of class `cls` (every word of the table when cls is NULL) as
 * a PCRE2 alternation, longest first, each word literal (\Q…\E) unless
 * `regex` is set. malloc'd; NULL on OOM. */
char *brief_lex_alternation(const brief_lexicon *l, const char *cls, int regex);

/* Shorthand: brief_lex_words(brief_lexicon_get(table), cls), or a
 * static empty list when the table is missing. */
const char *const *brief_words(const char *table, const char *cls);

#endif
