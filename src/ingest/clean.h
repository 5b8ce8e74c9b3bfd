/*
 * clean.h - decoded article text -> clean text for analysis.
 *
 * Works line by line. Decisions (which lines are web boilerplate, which
 * broken lines to rejoin) are taken on the Simplified copy of the text
 * and applied to the original-script copy too, so both clean texts keep
 * the same paragraphs. Per line: pinyin annotations after Han characters
 * go (區(qū) -> 區) while real parentheses stay (縣(市), 钱塘(新)区);
 * full-width digits, Latin letters and ％ fold to ASCII (utf8proc);
 * Chinese punctuation stays. Removed: navigation bullets, 本文转自,
 * snapshot and reposting notices, disclaimers, share widgets, bylines,
 * related-headline lists with timestamps, 更多关于…的资讯, 阅读推荐 …
 * Paragraphs are separated by one '\n'.
 */
#ifndef BRIEF_CLEAN_H
#define BRIEF_CLEAN_H

#include "brief.h"

typedef struct brief_cleaner brief_cleaner;   /* compiled patterns */

/* NULL when a pattern does not compile or on OOM. */
brief_cleaner *brief_cleaner_new(void);
void brief_cleaner_free(brief_cleaner *c);

typedef struct brief_cleaned {
	char *orig;             /* clean text in the original script */
	size_t orig_len;
	char *simp;             /* clean Simplified text */
	size_t simp_len;
} brief_cleaned;

/*
 * Cleans `orig`; `simp` is the same text converted to Simplified, or
 * NULL when the original is Simplified (out->simp is then a copy of
 * out->orig). Returns 0, -1 on OOM. The caller frees with
 * brief_cleaned_free.
 */
int brief_clean(brief_cleaner *c, const char *orig, size_t orig_len,
		const char *simp, size_t simp_len, brief_cleaned *out);
void brief_cleaned_free(brief_cleaned *c);

/* s with the ASCII marks between Han characters set full-width as
 * brief_clean sets them (a title read from the raw text: 新年新气象,击鼓
 * 又催征). malloc'd; NULL on OOM or when s is NULL. */
char *brief_clean_marks(const char *s);

/*
 * Finds garbled spans in clean text: U+FFFD, and clusters of what GBK
 * text read one byte out of step leaves behind (rare characters, stray
 * ASCII marks between Han characters, accented letters outside pinyin
 * annotations) such as 笆奈濉遍_ or ?shù)腻X. Returns the number found;
 * *out is malloc'd (caller frees), byte offsets.
 */
size_t brief_find_garbles(const char *text, size_t len, brief_garble **out);

#endif
