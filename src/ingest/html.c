/* html.c - the story text of a web page (see html.h). */
#include "ingest/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
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

/*
 * The walks below go by parent pointers, not recursion: with libxml2's
 * depth limit lifted a page nests as deep as its bytes allow, and a
 * recursive walk would run out of stack.
 */

static bool is_block(xmlNode *n, bool all)
{
	return in_list(blocks, (const char *)n->name) ||
	       (all && n->children && !n->children->next &&
		n->children->type == XML_TEXT_NODE);
}

/* Text of the list n and its siblings' subtrees; `all` keeps page
 * chrome (for metadata). */
static void walk_text(xmlNode *n, brief_buf *b, bool all)
{
	xmlNode *top = n ? n->parent : NULL;
	while (n) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				put_text(b, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE &&
			   !(all ? is_code(n) : is_chrome(n))) {
			if (is_block(n, all))
				end_line(b);
			if (n->children) {
				n = n->children;
				continue;
			}
			if (is_block(n, all))
				end_line(b);
		}
		/* the subtree is done: on to the next sibling, closing the
		 * blocks left on the way up */
		while (n && !n->next) {
			n = n->parent;
			if (!n || n == top)
				return;
			if (is_block(n, all))
				end_line(b);
		}
		n = n ? n->next : NULL;
	}
}

static void walk(xmlNode *n, brief_buf *b)
{
	walk_text(n, b, false);
}

static size_t text_han(const xmlNode *n)
{
	const char *s = (const char *)n->content;
	size_t len = s ? strlen(s) : 0, i = 0, c = 0;
	while (i < len)
		c += brief_is_han(brief_utf8_next(s, len, &i));
	return c;
}

/* Han characters in an element's text outside chrome, counted once for
 * every element (in _private, which libxml2 leaves to the application):
 * finding the story asks for them level after level. */
static size_t han_of(const xmlNode *n)
{
	return (size_t)(uintptr_t)n->_private;
}

static void sum_children(xmlNode *n)
{
	size_t c = 0;
	for (xmlNode *k = n->children; k; k = k->next)
		if (k->type == XML_TEXT_NODE)
			c += text_han(k);
		else if (k->type == XML_ELEMENT_NODE && !is_chrome(k))
			c += han_of(k);
	n->_private = (void *)(uintptr_t)c;
}

/* Post-order over the subtree of `root`: children before their parent. */
static void count_han(xmlNode *root)
{
	xmlNode *n = root;
	for (;;) {
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (n->type == XML_ELEMENT_NODE)
				sum_children(n);
			if (n == root)
				return;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

/*
 * The story: an <article> if the page has one, else the element whose
 * own paragraphs carry most of the Chinese text (the deepest element
 * holding at least 60% of its parent's text), else <body>.
 */
static xmlNode *find_story(xmlNode *body)
{
	xmlNode *best = body;
	count_han(body);
	size_t total = han_of(body);
	for (;;) {
		xmlNode *next = NULL;
		size_t most = 0;
		for (xmlNode *c = best->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE || is_chrome(c))
				continue;
			if (strcasecmp((const char *)c->name, "article") == 0)
				return c;
			size_t h = han_of(c);
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

/* The first element called `name` in the list n and its subtrees. */
static xmlNode *find(xmlNode *n, const char *name)
{
	xmlNode *top = n ? n->parent : NULL;
	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			if (strcasecmp((const char *)n->name, name) == 0)
				return n;
			if (n->children) {
				n = n->children;
				continue;
			}
		}
		while (n && !n->next) {
			n = n->parent;
			if (n == top)
				return NULL;
		}
		n = n ? n->next : NULL;
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

/*
 * libxml2 stops at a text node over 10 MB or nesting over 256 levels,
 * dropping the rest of the page; HUGE lifts both (ingest caps a file at
 * 64 MiB). Anything that still halts it - memory above all - shows as
 * SAX disabled: `cut` says the page was read only in part.
 */
static htmlDocPtr parse(const char *utf8, size_t len, bool *cut)
{
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	htmlDocPtr doc;
	if (!ctxt)
		return NULL;
	doc = htmlCtxtReadMemory(ctxt, utf8, (int)len, NULL, "UTF-8",
				 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					 HTML_PARSE_COMPACT | XML_PARSE_HUGE);
	*cut = ctxt->disableSAX != 0;
	htmlFreeParserCtxt(ctxt);
	return doc;
}

int brief_html_extract(const char *utf8, size_t len, brief_html *out)
{
	brief_buf b = BRIEF_BUF_INIT;
	htmlDocPtr doc;
	xmlNode *root, *body, *story;

	memset(out, 0, sizeof *out);
	if (!(doc = parse(utf8, len, &out->cut)))
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
