/*
 * style.h - the look of a PDF briefing, read from a small key = value
 * file (templates/style.conf is the built-in one) so that users change
 * page size, margins, fonts, colours and wording without recompiling.
 */
#ifndef BRIEF_STYLE_H
#define BRIEF_STYLE_H

#include "util/diag.h"

typedef struct brief_rgb {
	float r, g, b;
} brief_rgb;

typedef enum {
	BRIEF_SEC_TARGETS, BRIEF_SEC_ACTUALS, BRIEF_SEC_SCORECARD,
	BRIEF_SEC_PROJECTS, BRIEF_SEC_CLUSTERS, BRIEF_SEC_COMPARE,
	BRIEF_SEC_SOURCES, BRIEF_SEC_EVIDENCE, BRIEF_SEC_OVERVIEW,
	BRIEF_SEC_CONTENTS, BRIEF_SEC_N
} brief_section;

typedef struct brief_style {
	float page_w, page_h;                   /* points */
	float top, bottom, left, right;         /* margins, points */
	char *font_body, *font_heading;         /* comma-separated families */
	char *latin_body, *latin_heading;       /* the same, for Latin text */
	float size_title, size_heading, size_body, size_table, size_small;
	float leading;
	brief_rgb text, muted, accent, rule, head_bg, bar, highlight, link;
	char *title, *book_title;
	char *section[BRIEF_SEC_N];
} brief_style;

/* Reads `path`, or the built-in style when NULL: every key must be
 * known and every value well-formed ("FILE:LINE: ..." otherwise). Keys
 * a file leaves out keep their built-in values. 0, or -1 after
 * reporting. */
int brief_style_load(const char *path, brief_style *st, brief_diag *d);
void brief_style_free(brief_style *st);

#endif
