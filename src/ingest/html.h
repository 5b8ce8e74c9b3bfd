/*
 * html.h - the story text of a web page, with paragraph breaks.
 *
 * Parsed with libxml2's HTML parser. script/style/nav/header/footer/aside,
 * forms and elements whose class/id marks them as navigation, share
 * widgets or related-article lists are dropped. Block elements end a line.
 * libxml2's limits on text-node size and nesting depth are lifted: the
 * file size cap of ingest is the only one.
 */
#ifndef BRIEF_HTML_H
#define BRIEF_HTML_H

#include <stdbool.h>
#include <stddef.h>

typedef struct brief_html {
	char *text;             /* UTF-8 plain text, paragraphs on their own lines */
	size_t len;
	char *title;            /* <title> or the first <h1>, NULL if none */
	char *page;             /* all text of the page (chrome included, no
				   scripts): where datelines and sources sit */
	size_t page_len;
	bool cut;               /* the parser gave up before the end (out of
				   memory): text after that point is lost */
} brief_html;

/* `utf8` is the whole page already decoded to UTF-8. Returns 0 or -1. */
int brief_html_extract(const char *utf8, size_t len, brief_html *out);
void brief_html_free(brief_html *h);

#endif
