/*
 * meta.h - title, published date and source of an article.
 *
 * Read from the decoded text (before boilerplate removal): forms like
 * 发布时间:2024-01-17 15:51:00, 2024-02-20 12:57:59来源:潮新闻,
 * 2025年01月22日 18:29 來源:…; when only 2月5日 appears, the year comes
 * from context (乙巳蛇年, "2025年是…收官之年", "2025年，…" opening a
 * clause). Unknown stays NULL: never guessed from the file date. The
 * title is the headline line, else the first line of the text (without
 * a photo credit or the byline, up to its first full stop).
 */
#ifndef BRIEF_META_H
#define BRIEF_META_H

#include <stddef.h>

typedef struct brief_meta {
	char *title;            /* NULL when unknown */
	char *published;        /* "YYYY-MM-DD" or NULL */
	char *source;           /* publisher: 来源：X, X讯, X记者; NULL when absent */
	char *url;              /* 原文链接, <link rel=canonical>, og:url; or NULL */
	char *page_title;       /* og:title (brief_meta_page), or NULL */
} brief_meta;

/* `text` is UTF-8 (Simplified or Traditional). Returns 0, -1 on OOM. */
int brief_meta_extract(const char *text, size_t len, brief_meta *out);
/* What a web page says of itself (`html`: the decoded page): the URL of
 * <link rel=canonical> or og:url (when out->url is still NULL) and the
 * og:title. Returns 0, -1 on OOM. */
int brief_meta_page(const char *html, size_t len, brief_meta *out);
void brief_meta_free(brief_meta *m);

#endif
