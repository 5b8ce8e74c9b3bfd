#include "support/pdf_probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/run.h"

static float attr(const char *line, const char *name, float dflt)
{
	char key[40];
	snprintf(key, sizeof key, " %s=\"", name);
	const char *p = strstr(line, key);
	return p ? strtof(p + strlen(key), NULL) : dflt;
}

static void push_path(brief_paths *ps, const brief_path *p, size_t *cap)
{
	if (ps->n == *cap) {
		*cap = *cap ? 2 * *cap : 256;
		ps->v = realloc(ps->v, *cap * sizeof *ps->v);
	}
	if (ps->v)
		ps->v[ps->n++] = *p;
}

/* The path element opening on `line`: its colour, width and transform. */
static void open_path(const char *line, int page, brief_path *p, float m[6])
{
	const char *c = strstr(line, " color=\""), *t = strstr(line, " transform=\"");
	memset(p, 0, sizeof *p);
	p->page = page;
	p->fill = strstr(line, "<fill_path") != NULL;
	p->width = attr(line, "linewidth", 0);
	p->x0 = p->y0 = 1e9f;
	p->x1 = p->y1 = -1e9f;
	if (c)
		sscanf(c + 8, "%f %f %f", &p->rgb[0], &p->rgb[1], &p->rgb[2]);
	m[0] = 1, m[1] = 0, m[2] = 0, m[3] = 1, m[4] = 0, m[5] = 0;
	if (t)
		sscanf(t + 12, "%f %f %f %f %f %f", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]);
}

/* A point of the path, through its transform (mupdf's device space, y
 * down), into the box. */
static void add_point(brief_path *p, const float m[6], float x, float y)
{
	float px = m[0] * x + m[2] * y + m[4], py = m[1] * x + m[3] * y + m[5];
	if (px < p->x0)
		p->x0 = px;
	if (px > p->x1)
		p->x1 = px;
	if (py < p->y0)
		p->y0 = py;
	if (py > p->y1)
		p->y1 = py;
}

int brief_probe_paths(const char *pdf, brief_paths *out)
{
	char trace[512], line[1024];
	snprintf(trace, sizeof trace, "%s.trace", pdf);
	memset(out, 0, sizeof *out);
	if (brief_test_sh("mutool draw -q -F trace -o '%s' '%s' 2>/dev/null", trace, pdf))
		return -1;
	FILE *f = fopen(trace, "r");
	if (!f)
		return -1;
	brief_path p;
	float m[6];
	size_t cap = 0;
	int page = 0;
	bool in = false;
	while (fgets(line, sizeof line, f)) {
		if (strstr(line, "<page ")) {
			page++;
		} else if (strstr(line, "<fill_path") || strstr(line, "<stroke_path")) {
			open_path(line, page, &p, m);
			in = true;
		} else if (in && (strstr(line, "<moveto") || strstr(line, "<lineto"))) {
			add_point(&p, m, attr(line, "x", 0), attr(line, "y", 0));
		} else if (in && (strstr(line, "</fill_path") || strstr(line, "</stroke_path"))) {
			push_path(out, &p, &cap);
			in = false;
		}
	}
	fclose(f);
	unlink(trace);
	return 0;
}

void brief_paths_free(brief_paths *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}

bool brief_path_has_color(const brief_path *p, unsigned rgb)
{
	for (int i = 0; i < 3; i++) {
		float want = (float)((rgb >> (16 - 8 * i)) & 0xFF) / 255.0f;
		if (p->rgb[i] - want > 0.01f || want - p->rgb[i] > 0.01f)
			return false;
	}
	return true;
}

bool brief_path_is_rule(const brief_path *p, unsigned rgb)
{
	return !p->fill && p->y1 - p->y0 < 0.01f && p->x1 - p->x0 > 1 &&
	       brief_path_has_color(p, rgb);
}

/* The text of <word ...>TEXT</word>, entities as the characters. */
static void word_text(const char *s, char *out, size_t n)
{
	static const char *const ent[][2] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
	};
	size_t k = 0;
	while (*s && *s != '<' && k + 1 < n) {
		size_t e = 0;
		while (e < sizeof ent / sizeof *ent && strncmp(s, ent[e][0], strlen(ent[e][0])))
			e++;
		if (e < sizeof ent / sizeof *ent) {
			out[k++] = ent[e][1][0];
			s += strlen(ent[e][0]);
		} else {
			out[k++] = *s++;
		}
	}
	out[k] = '\0';
}

int brief_probe_words(const char *pdf, brief_words *out)
{
	char html[512], line[2048];
	size_t cap = 0;
	snprintf(html, sizeof html, "%s.bbox.html", pdf);
	memset(out, 0, sizeof *out);
	if (brief_test_sh("pdftotext -bbox-layout '%s' '%s' 2>/dev/null", pdf, html))
		return -1;
	FILE *f = fopen(html, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		const char *w = strstr(line, "<word ");
		if (strstr(line, "<page "))
			out->pages++;
		if (!w)
			continue;
		brief_word x = { .page = out->pages, .x0 = attr(w, "xMin", 0), .y0 = attr(w, "yMin", 0),
				 .x1 = attr(w, "xMax", 0), .y1 = attr(w, "yMax", 0) };
		const char *t = strchr(w, '>');
		word_text(t ? t + 1 : "", x.text, sizeof x.text);
		if (out->n == cap) {
			cap = cap ? 2 * cap : 1024;
			out->v = realloc(out->v, cap * sizeof *out->v);
			if (!out->v)
				break;
		}
		out->v[out->n++] = x;
	}
	fclose(f);
	unlink(html);
	return out->v ? 0 : -1;
}

void brief_words_free(brief_words *w)
{
	free(w->v);
	memset(w, 0, sizeof *w);
}
