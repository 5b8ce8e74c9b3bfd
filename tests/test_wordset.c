/*
 * The word sets the project finder tests at every position of a clause
 * (extract/wordset.h), on the classes of the embedded projects.tsv:
 * longest word first, at a character's start only, shorter-than-a-Han
 * words (the vague class holds "%") found too.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "extract/wordset.h"

static const char *word_at(const brief_wordset *w, const char *t, size_t s, size_t e,
			   int tail)
{
	const brief_lex_entry *x = tail ? brief_wordset_suffix(w, t, s, e)
					: brief_wordset_prefix(w, t, s, e);
	return x ? x->word : NULL;
}

Test(wordset, the_longest_head_at_either_end)
{
	brief_wordset *w = brief_wordset_new("projects.tsv", "head");
	cr_assert_not_null(w);
	const char *t = "滨江科技产业园区";
	size_t n = strlen(t);
	/* 产业园 before 园; 园区 ends the name, not 区 (no such head) */
	cr_assert_str_eq(word_at(w, t, 12, n, 0), "产业园");
	cr_assert_str_eq(word_at(w, t, 0, n, 1), "园区");
	cr_assert_str_eq(word_at(w, t, 0, n - 3, 1), "产业园");
	/* a word must fit in the range it is looked for in */
	cr_assert_null(word_at(w, t, 12, 18, 0));
	cr_assert_null(word_at(w, t, 13, n, 0), "no word starts inside a character");
	cr_assert(brief_wordset_contains(w, t, 0, n));
	cr_assert_not(brief_wordset_contains(w, t, 0, 12));
	cr_assert(brief_wordset_equals(w, t, 12, 21));
	cr_assert_not(brief_wordset_equals(w, t, 12, 18));
	brief_wordset_free(w);
}

Test(wordset, words_shorter_than_a_han_character)
{
	brief_wordset *w = brief_wordset_new("projects.tsv", "vague");
	cr_assert_not_null(w);
	const char *t = "占比超过50%的项目";
	size_t n = strlen(t);
	size_t pct = (size_t)(strchr(t, '%') - t);
	cr_assert_str_eq(word_at(w, t, pct, n, 0), "%");
	cr_assert_str_eq(word_at(w, t, 0, pct + 1, 1), "%");
	cr_assert(brief_wordset_contains(w, t, 0, n));
	cr_assert(brief_wordset_equals(w, t, pct, pct + 1));
	brief_wordset_free(w);
}

Test(wordset, an_unknown_class_is_empty_and_a_missing_table_fails)
{
	brief_wordset *w = brief_wordset_new("projects.tsv", "no-such-class");
	cr_assert_not_null(w);
	cr_assert_null(brief_wordset_prefix(w, "项目", 0, 6));
	cr_assert_not(brief_wordset_contains(w, "项目", 0, 6));
	brief_wordset_free(w);
	cr_assert_null(brief_wordset_new("no-such-table.tsv", "head"));
}
