#include "render/pdf/style.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/embed.h"
#include "util/fsutil.h"

#define MM (72.0f / 25.4f)

typedef enum { K_PAGE, K_MM, K_PT, K_NUM, K_RGB, K_STR } key_kind;

static const struct key {
	const char *name;
	key_kind kind;
	size_t off;
} keys[] = {
#define F(name, kind, field) { name, kind, offsetof(brief_style, field) }
	F("page", K_PAGE, page_w),
	F("margin.top", K_MM, top), F("margin.bottom", K_MM, bottom),
	F("margin.left", K_MM, left), F("margin.right", K_MM, right),
	F("font.body", K_STR, font_body), F("font.heading", K_STR, font_heading),
	F("font.latin.body", K_STR, latin_body),
	F("font.latin.heading", K_STR, latin_heading),
	F("size.title", K_PT, size_title), F("size.heading", K_PT, size_heading),
	F("size.body", K_PT, size_body), F("size.table", K_PT, size_table),
	F("size.small", K_PT, size_small), F("leading", K_NUM, leading),
	F("color.text", K_RGB, text), F("color.muted", K_RGB, muted),
	F("color.accent", K_RGB, accent), F("color.rule", K_RGB, rule),
	F("color.table.head", K_RGB, head_bg), F("color.bar", K_RGB, bar),
	F("color.highlight", K_RGB, highlight), F("color.link", K_RGB, link),
	F("title", K_STR, title), F("book.title", K_STR, book_title),
	F("section.targets", K_STR, section[BRIEF_SEC_TARGETS]),
	F("section.actuals", K_STR, section[BRIEF_SEC_ACTUALS]),
	F("section.scorecard", K_STR, section[BRIEF_SEC_SCORECARD]),
	F("section.projects", K_STR, section[BRIEF_SEC_PROJECTS]),
	F("section.clusters", K_STR, section[BRIEF_SEC_CLUSTERS]),
	F("section.compare", K_STR, section[BRIEF_SEC_COMPARE]),
	F("section.sources", K_STR, section[BRIEF_SEC_SOURCES]),
	F("section.evidence", K_STR, section[BRIEF_SEC_EVIDENCE]),
	F("section.overview", K_STR, section[BRIEF_SEC_OVERVIEW]),
	F("section.contents", K_STR, section[BRIEF_SEC_CONTENTS]),
#undef F
};

static const struct { const char *name; float w, h; } pages[] = {
	{ "A4", 210, 297 }, { "A3", 297, 420 }, { "A5", 148, 210 },
	{ "Letter", 215.9f, 279.4f },
};

static bool parse_page(const char *v, brief_style *st)
{
	float w, h;
	char end;
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++)
		if (!strcasecmp(v, pages[i].name)) {
			st->page_w = pages[i].w * MM;
			st->page_h = pages[i].h * MM;
			return true;
		}
	if (sscanf(v, "%fx%f%c", &w, &h, &end) != 2 || w < 50 || h < 50 ||
	    w > 2000 || h > 2000)
		return false;
	st->page_w = w * MM;
	st->page_h = h * MM;
	return true;
}

static bool parse_num(const char *v, float lo, float hi, float *out)
{
	char *end;
	float x = strtof(v, &end);
	if (end == v || *end || !(x >= lo && x <= hi))
		return false;
	*out = x;
	return true;
}

static bool parse_rgb(const char *v, brief_rgb *c)
{
	unsigned x;
	char end;
	if (strlen(v) != 7 || sscanf(v, "#%6x%c", &x, &end) != 1)
		return false;
	c->r = (float)(x >> 16) / 255;
	c->g = (float)(x >> 8 & 0xff) / 255;
	c->b = (float)(x & 0xff) / 255;
	return true;
}

static bool set_key(brief_style *st, const struct key *k, const char *v)
{
	char *field = (char *)st + k->off;
	char *s;
	switch (k->kind) {
	case K_PAGE:
		return parse_page(v, st);
	case K_MM:
		if (!parse_num(v, 0, 200, (float *)field))
			return false;
		*(float *)field *= MM;
		return true;
	case K_PT:
		return parse_num(v, 4, 72, (float *)field);
	case K_NUM:
		return parse_num(v, 1, 3, (float *)field);
	case K_RGB:
		return parse_rgb(v, (brief_rgb *)field);
	case K_STR:
		if (!*v || !(s = strdup(v)))
			return false;
		free(*(char **)field);
		*(char **)field = s;
		return true;
	}
	return false;
}

/* Strips a comment and blanks, in place. A comment is '#' followed by a
 * blank or the end of the line, so that "#1f4e79" stays a colour. */
static char *trim(char *s)
{
	for (char *h = s; (h = strchr(h, '#')); h++)
		if ((h == s || isspace((unsigned char)h[-1])) &&
		    (!h[1] || isspace((unsigned char)h[1]))) {
			*h = '\0';
			break;
		}
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int parse_line(brief_style *st, char *line, const char *name, int lineno,
		      brief_diag *d)
{
	char *s = trim(line), *eq = strchr(s, '=');
	if (!*s)
		return 0;
	if (!eq) {
		brief_error(d, name, "line %d: expected key = value", lineno);
		return -1;
	}
	*eq = '\0';
	char *key = trim(s), *val = trim(eq + 1);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		if (strcmp(keys[i].name, key))
			continue;
		if (set_key(st, &keys[i], val))
			return 0;
		brief_error(d, name, "line %d: bad value '%s' for %s", lineno, val, key);
		return -1;
	}
	brief_error(d, name, "line %d: unknown key '%s'", lineno, key);
	return -1;
}

static int parse(brief_style *st, const char *src, size_t len, const char *name,
		 brief_diag *d)
{
	int rc = 0, lineno = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(src + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - src) - i : len - i;
		char *line = strndup(src + i, n);
		if (!line)
			return -1;
		if (parse_line(st, line, name, ++lineno, d))
			rc = -1;
		free(line);
		i += n + 1;
	}
	return rc;
}

int brief_style_load(const char *path, brief_style *st, brief_diag *d)
{
	size_t len;
	const char *builtin = brief_embed("style.conf", &len);
	memset(st, 0, sizeof *st);
	if (!builtin || parse(st, builtin, len, "style.conf", d))
		return -1;
	if (!path)
		return 0;
	char *own = brief_read_file(path, &len);
	if (!own) {
		brief_error(d, path, "cannot read the style file: %s", strerror(errno));
		return -1;
	}
	int rc = parse(st, own, len, path, d);
	free(own);
	if (rc == 0 && st->top + st->bottom > st->page_h / 2) {
		brief_error(d, path, "margins leave less than half the page");
		rc = -1;
	}
	return rc;
}

void brief_style_free(brief_style *st)
{
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (keys[i].kind == K_STR)
			free(*(char **)((char *)st + keys[i].off));
	memset(st, 0, sizeof *st);
}
