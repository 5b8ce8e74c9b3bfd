/*
 * pdf_probe.h - what a PDF draws, read back for tests: the paths mupdf
 * traces (`mutool draw -F trace`: rules, shaded cells, bars) and the
 * words poppler places (`pdftotext -bbox-layout`), in page coordinates
 * (points, y down from the top of the page).
 */
#ifndef BRIEF_TEST_PDF_PROBE_H
#define BRIEF_TEST_PDF_PROBE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct brief_path {
	int page;               /* from 1 */
	bool fill;              /* filled, else stroked */
	float x0, y0, x1, y1;   /* bounding box */
	float width;            /* a stroke's line width */
	float rgb[3];
} brief_path;

typedef struct brief_paths {
	brief_path *v;
	size_t n;
} brief_paths;

typedef struct brief_word {
	int page;
	float x0, y0, x1, y1;
	char text[96];
} brief_word;

typedef struct brief_words {
	brief_word *v;
	size_t n;
	int pages;
} brief_words;

/* Every path of pdf; 0, or -1 when mutool failed. */
int brief_probe_paths(const char *pdf, brief_paths *out);
void brief_paths_free(brief_paths *p);
/* A horizontal stroke (a rule) of colour #rrggbb, within 0.01. */
bool brief_path_is_rule(const brief_path *p, unsigned rgb);
bool brief_path_has_color(const brief_path *p, unsigned rgb);

/* Every word of pdf; 0, or -1 when pdftotext failed. */
int brief_probe_words(const char *pdf, brief_words *out);
void brief_words_free(brief_words *w);

#endif
