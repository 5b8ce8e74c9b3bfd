/* html.c - the story text of a web page (see html.h). */
#include "ingest/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/utf8.h"

/* Elements that never hold story text. */
static const char *const dropped[] = {
	"script", "style", "noscript", "template", "nav", "header", "footer",
	"aside", "form", "button", "select", "iframe", "svg", "object",
	"embed", "canvas", "video", "audio", "input", "textarea", "label",
	"menu", "dialog", NULL,
};

/* Elements that end a line of text. */
static const char *const blocks[] = {
	"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
	"h6", "tr", "table", "section", "article", "blockquote", "pre",
	"dd", "dt", "dl", "figcaption", "figure", "main", "hr", "address",
	"center", "td", "th", NULL,
};

/* class/id words of page chrome; matched as whole '-'/'_'/' ' separated
 * words so that "article-title" is not "header"-like chrome. */
static const char *const chrome[] = {
	"nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "share",
	"social", "related", "recommend", "comment", "comments", "sidebar",
	"toolbar", "footer", "header", "ad", "ads", "advert", "banner",
	"copyright", "login", "topbar", "crumb", "pager", "pagination",
	"hot", "rank", "tags", NULL,
};

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcasecmp(*list, s) == 0)
			return true;
	return false;
}

static bool chrome_attr(const xmlChar *v)
{
	char word[64];
	size_t n = 0;
	if (!v)
		return false;
	for (const char *p = (const char *)v;; p++) {
		if (*p && *p != ' ' && *p != '-' && *p != '_' && n + 1 < sizeof word) {
			word[n++] = *p;
			continue;
		}
		word[n] = '\0';
		if (n && in_list(chrome, word))
			return true;
		n = 0;
		if (!*p)
			return false;
	}
}

static bool is_chrome(xmlNode *n)
{
	if (in_list(dropped, (const char *)n->name))
		return true;
	xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
	xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
	bool c = chrome_attr(cls) || chrome_attr(id);
	xmlFree(cls);
	xmlFree(id);
	return c;
}

/* Appends text with runs of white space folded to one space. */
static void put_text(brief_buf *b, const char *s)
{
	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\n' || *s == '\r' || *s == '\t';
		if (!space) {
			brief_buf_putc(b, *s);
			continue;
		}
		if (b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n')
			brief_buf_putc(b, ' ');
	}
}

static void end_line(brief_buf *b)
{
	while (b->len && b->data[b->len - 1] == ' ')
		brief_buf_truncate(b, b->len - 1);
	if (b->len && b->data[b->len - 1] != '\n')
		brief_buf_putc(b, '\n');
}

static bool is_code(xmlNode *n)
{
	static const char *const code[] = { "script", "style", "noscript",
					    "template", NULL };
	return in_list(code, (const char *)n->name);
}

/* Text of a subtree; `all` keeps page chrome (for metadata). */
static void walk_text(xmlNode *n, brief_buf *b, bool all)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				put_text(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || (all ? is_code(n) : is_chrome(n)))
			continue;
		bool block = in_list(blocks, (const char *)n->name) ||
			     (all && n->children && !n->children->next &&
			      n->children->type == XML_TEXT_NODE);
		if (block)
			end_line(b);
		walk_text(n->children, b, all);
		if (block)
			end_line(b);
	}
}

static void walk(xmlNode *n, brief_buf *b)
{
	walk_text(n, b, false);
}

/* Han characters in a subtree's text outside chrome, to find the story. */
static size_t han_count(xmlNode *n)
{
	size_t c = 0;
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content) {
			const char *s = (const char *)n->content;
			size_t len = strlen(s), i = 0;
			while (i < len)
				c += brief_is_han(brief_utf8_next(s, len, &i));
		} else if (n->type == XML_ELEMENT_NODE && !is_chrome(n)) {
			c += han_count(n->children);
		}
	}
	return c;
}

/*
 * The story: an <article> if the page has one, else the element whose
 * own paragraphs carry most of the Chinese text (the deepest element
 * holding at least 60% of its parent's text), else <body>.
 */
static xmlNode *find_story(xmlNode *body)
{
	xmlNode *best = body;
	size_t total = han_count(body->children);
	for (;;) {
		xmlNode *next = NULL;
		size_t most = 0;
		for (xmlNode *c = best->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE || is_chrome(c))
				continue;
			if (strcasecmp((const char *)c->name, "article") == 0)
				return c;
			size_t h = han_count(c->children);
			if (h > most) {
				most = h;
				next = c;
			}
		}
		if (!next || most * 10 < total * 6 ||
		    strcasecmp((const char *)next->name, "p") == 0)
			return best;
		best = next;
	}
}

static xmlNode *find(xmlNode *n, const char *name)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)n->name, name) == 0)
			return n;
		xmlNode *r = find(n->children, name);
		if (r)
			return r;
	}
	return NULL;
}

static char *node_text(xmlNode *n)
{
	brief_buf b = BRIEF_BUF_INIT;
	walk(n->children, &b);
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
		brief_buf_truncate(&b, b.len - 1);
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] == '\n')
			b.data[i] = ' ';
	if (b.len == 0) {
		brief_buf_free(&b);
		return NULL;
	}
	return brief_buf_detach(&b, NULL);
}

/* "Headline_Site" / "Headline - Site": the site's name goes. */
static void strip_site(char *t)
{
	static const char *const seps[] = { "_", " - ", " | ", "——", "－", NULL };
	for (const char *const *s = seps; *s; s++) {
		char *p = strstr(t, *s);
		if (p && p > t + 6)
			*p = '\0';
	}
}

static char *page_title(xmlNode *root, xmlNode *story)
{
	xmlNode *h = find(story->children, "h1");
	if (!h)
		h = find(root, "h1");
	char *t = h ? node_text(h) : NULL;
	if (t)
		return t;
	h = find(root, "title");
	if ((t = h ? node_text(h) : NULL))
		strip_site(t);
	return t;
}

int brief_html_extract(const char *utf8, size_t len, brief_html *out)
{
	brief_buf b = BRIEF_BUF_INIT;
	htmlDocPtr doc;
	xmlNode *root, *body, *story;

	memset(out, 0, sizeof *out);
	doc = htmlReadMemory(utf8, (int)len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
				     HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
				     HTML_PARSE_COMPACT);
	if (!doc)
		return -1;
	root = xmlDocGetRootElement(doc);
	body = root ? find(root, "body") : NULL;
	story = body ? find_story(body) : root;
	brief_buf page = BRIEF_BUF_INIT;
	if (story) {
		out->title = page_title(root, story);
		walk(story->children, &b);
		walk_text(body ? body->children : root->children, &page, true);
	}
	end_line(&b);
	end_line(&page);
	xmlFreeDoc(doc);
	out->text = brief_buf_detach(&b, &out->len);
	out->page = brief_buf_detach(&page, &out->page_len);
	return out->text && out->page ? 0 : -1;
}

void brief_html_free(brief_html *h)
{
	if (!h)
		return;
	free(h->text);
	free(h->title);
	free(h->page);
	h->text = h->title = h->page = NULL;
}
