/*
 * sentence.h - sentence splitting with offsets.
 *
 * Splits at 。！？；! ? and line ends, never inside “…”, 「…」, (…), （…）,
 * 《…》 or 【…】. Each paragraph (a line of clean text) gets an index.
 */
#ifndef BRIEF_SENTENCE_H
#define BRIEF_SENTENCE_H

#include "brief.h"

/* Returns the number of sentences; *out malloc'd (caller frees). Byte
 * offsets; sentences exclude the trailing newline. (size_t)-1 on OOM. */
size_t brief_split_sentences(const char *text, size_t len,
			     brief_sentence **out);

#endif
