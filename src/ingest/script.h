/*
 * script.h - Traditional vs Simplified, and conversion with OpenCC.
 */
#ifndef BRIEF_SCRIPT_H
#define BRIEF_SCRIPT_H

#include "brief.h"

typedef struct brief_t2s brief_t2s;             /* OpenCC handle */

/* NULL (with a message in why) when OpenCC's t2s.json cannot be opened. */
brief_t2s *brief_t2s_new(char *why, size_t whysz);
void brief_t2s_free(brief_t2s *t);

/* Guesses the script from characters that differ between the two. */
brief_script brief_script_detect(const char *text, size_t len);

/* Converts to Simplified; caller frees; NULL on failure. */
char *brief_t2s_convert(brief_t2s *t, const char *text, size_t len,
			size_t *out_len);

#endif
