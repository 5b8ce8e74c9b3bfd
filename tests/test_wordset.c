/*
 * The word sets the project finder tests at every position of a clause
 * (extract/wordset.h), on the classes of the embedded projects.tsv:
 * longest word first, at a character's start only, shorter-than-a-Han
 * words (the vague class holds "%") found too.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "extract/wordset.h"
#include "util/lexicon.h"
#include "util/utf8.h"

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

/* The word of a class listed first among those inside a range, found in
 * one pass, must be what the walk of the list searching the range for
 * each word finds: every range of sentences written in these styles,
 * for classes whose words share characters and prefixes. */
static const char *walked(const char *cls, const char *t, size_t s, size_t e)
{
	for (const char *const *w = brief_words("cues.tsv", cls); *w; w++)
		if (brief_find_word(t + s, e - s, *w))
			return *w;
	return NULL;
}

Test(wordset, the_first_listed_word_of_a_range_is_the_walks)
{
	static const char *const texts[] = {
		"今年以来，全区上半年完成固定资产投资120亿元，同比增长8.5%，预计全年增长9%。",
		"2024年1-11月，截至目前，去年同期规上工业增加值增长6%，未来三年力争突破500亿元。",
		"春节期间，全县接待游客30万人次；此次一季度签约项目12个，GDP增长5.5%左右。",
	};
	static const char *const classes[] = { "year-part", "frame-end", "now", "horizon",
					       "year-estimate", "period-part", "goal-frame" };
	for (size_t k = 0; k < sizeof classes / sizeof *classes; k++) {
		size_t found = 0;
		for (size_t x = 0; x < sizeof texts / sizeof *texts; x++) {
			const char *t = texts[x];
			size_t n = strlen(t);
			for (size_t s = 0; s < n; s++)
				for (size_t e = s; e <= n; e++) {
					const char *a = brief_class_in("cues.tsv", classes[k], t, s, e);
					cr_assert_eq(a, walked(classes[k], t, s, e),
						     "%s in [%zu,%zu) of text %zu", classes[k], s, e, x);
					found += a != NULL;
				}
		}
		cr_assert_gt(found, 0, "the texts hold a word of %s", classes[k]);
	}
}
