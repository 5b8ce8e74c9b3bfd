/*
 * clean.h - decoded article text -> clean text for analysis.
 *
 * Strips pinyin annotations after Han characters (區(qū) -> 區) while real
 * parentheses stay (縣(市), 钱塘(新)区); removes web boilerplate
 * (navigation bullets, 本文转自, reposting/snapshot notices, disclaimers,
 * share widgets, related-headline lists, 更多关于…的资讯, 阅读推荐 …);
 * rejoins words broken across lines; folds full-width digits, Latin
 * letters and ％ to ASCII (utf8proc) while Chinese punctuation stays;
 * paragraphs are separated by one '\n'.
 *
 * Works on either script: it runs before Traditional->Simplified.
 */
#ifndef BRIEF_CLEAN_H
#define BRIEF_CLEAN_H

#include "brief.h"

typedef struct brief_cleaner brief_cleaner;   /* compiled patterns */

brief_cleaner *brief_cleaner_new(void);
void brief_cleaner_free(brief_cleaner *c);

/* Returns the cleaned text (caller frees) and its length, NULL on OOM. */
char *brief_clean(brief_cleaner *c, const char *text, size_t len,
		  size_t *out_len);

/*
 * Finds garbled spans in clean text: U+FFFD, and runs of improbable
 * characters typical of GBK read one byte out of step (笆奈濉遍, 腻X).
 * Returns the number found; *out is malloc'd (caller frees), byte offsets.
 */
size_t brief_find_garbles(const char *text, size_t len, brief_garble **out);

#endif
