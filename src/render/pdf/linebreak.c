#include "render/pdf/linebreak.h"

#include <linebreak.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/glue.h"
#include "render/quantity.h"
#include "util/utf8.h"

static bool in(uint32_t cp, const uint32_t *set)
{
	for (; *set; set++)
		if (*set == cp)
			return true;
	return false;
}

bool brief_kinsoku_no_start(uint32_t cp)
{
	if (brief_glue_cite(cp))
		return true;
	static const uint32_t set[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09,
		0x3011, 0x300D, 0x300F, 0x201D, 0x2019, 0x300B, 0x3009, 0x3015,
		0x3017, 0xFF3D, 0xFF5D, 0xFF05, 0x2026, 0x00B7, 0x30FB, 0x2014,
		0xFF5E, 0x3005, 0xFF0E, 0x2030, 0x2103,
		',', '.', ';', ':', '?', '!', ')', ']', '}', '%', 0
	};
	return in(cp, set);
}

bool brief_kinsoku_no_end(uint32_t cp)
{
	static const uint32_t set[] = {
		0xFF08, 0x3010, 0x300C, 0x300E, 0x201C, 0x2018, 0x300A, 0x3008,
		0x3014, 0x3016, 0xFF3B, 0xFF5B, '(', '[', '{', 0
	};
	return in(cp, set);
}

static void init_once(void)
{
	init_linebreak();
}

void brief_break_points(const char *text, size_t len, char *brks)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, init_once);
	set_linebreaks_utf8((const utf8_t *)text, len, "zh", brks);
	uint32_t prev = 0;
	bool quantity = false;  /* inside a number and its unit */
	size_t prev_end = 0;
	for (size_t i = 0; i < len;) {
		size_t at = i;
		uint32_t cp = brief_utf8_next(text, len, &i);
		for (size_t k = at; k + 1 < i; k++)
			brks[k] = 0;
		if (at > 0) {
			char *b = &brks[prev_end];
			bool glue = quantity && (brief_quantity_digit(cp) || brief_quantity_unit(cp) || cp == '.');
			if (*b == LINEBREAK_ALLOWBREAK &&
			    (brief_kinsoku_no_start(cp) || brief_kinsoku_no_end(prev) || glue))
				*b = LINEBREAK_NOBREAK;
		}
		quantity = brief_quantity_digit(cp) ||
			   (quantity && (brief_quantity_unit(cp) || cp == '.'));
		prev = cp;
		prev_end = i - 1;
	}
	/* our values: 1 may, 2 must, 0 not */
	for (size_t k = 0; k < len; k++)
		brks[k] = brks[k] == LINEBREAK_ALLOWBREAK ? 1
			: brks[k] == LINEBREAK_MUSTBREAK ? 2 : 0;
	/* the end of the text is no line ending of its own */
	if (len && brks[len - 1] == 2 && text[len - 1] != '\n')
		brks[len - 1] = 1;
}

static bool blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '\n' || cp == '\r';
}

static int push(brief_lines *out, brief_line l)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		brief_line *v = realloc(out->v, cap * sizeof *v);
		if (!v)
			return -1;
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n++] = l;
	return 0;
}

/* A character's advance where it stands: a blank between Han and Latin
 * is the Han–Latin space, a newline nothing. */
static float advance(const brief_measure *m, uint32_t prev, uint32_t cp,
		     float raw, uint32_t next)
{
	if (cp == '\n' || cp == '\r')
		return 0;
	return blank(cp) ? brief_glue_blank(prev, cp, next, raw, m->em) : raw;
}

static float raw_width(const brief_measure *m, uint32_t cp)
{
	return cp ? m->width(m->user, cp) : 0;
}

typedef struct placed {
	float width;
	size_t nchars, nstretch;
} placed;

/* Walks [start, end) setting each character after the one before:
 * the positions (when pos is given), the width, the counts. */
static placed place(const char *t, size_t start, size_t end, const brief_measure *m,
		    float stretch, float *pos, float *adv)
{
	placed r = { 0 };
	size_t i = start;
	uint32_t prev = 0, cp = i < end ? brief_utf8_next(t, end, &i) : 0;
	float raw = raw_width(m, cp), x = 0;
	while (cp) {
		size_t j = i;
		uint32_t nx = j < end ? brief_utf8_next(t, end, &j) : 0;
		float nraw = raw_width(m, nx), w = advance(m, prev, cp, raw, nx);
		if (r.nchars == 0)
			x = -brief_glue_lead(cp, w, m->em);
		if (pos) {
			pos[r.nchars] = x;
			adv[r.nchars] = blank(cp) ? -1 : w;
		}
		r.nchars++;
		if (!nx) {
			x += w - brief_glue_trail(cp, w, m->em);
			break;
		}
		x += w + brief_glue_pair(cp, w, nx, nraw, m->em);
		if (brief_glue_stretch(cp, nx)) {
			x += stretch;
			r.nstretch++;
		}
		prev = cp;
		cp = nx;
		raw = nraw;
		i = j;
	}
	r.width = x;
	return r;
}

/* The line [start, end) without its trailing blanks, measured. */
static brief_line measure(const char *t, size_t start, size_t end, bool last,
			  const brief_measure *m)
{
	brief_line l = { .start = start, .last = last };
	size_t i = start, content_end = start;
	while (i < end) {
		uint32_t cp = brief_utf8_next(t, end, &i);
		if (!blank(cp))
			content_end = i;
	}
	placed p = place(t, start, content_end, m, 0, NULL, NULL);
	l.end = content_end;
	l.width = p.width;
	l.nchars = p.nchars;
	l.nstretch = p.nstretch;
	return l;
}

float brief_line_place(const char *text, const brief_line *ln,
		       const brief_measure *m, float stretch, float *pos, float *adv)
{
	return place(text, ln->start, ln->end, m, stretch, pos, adv).width;
}

static size_t skip_blanks(const char *t, size_t len, size_t i)
{
	while (i < len) {
		size_t j = i;
		uint32_t cp = brief_utf8_next(t, len, &j);
		if (!blank(cp) || cp == '\n')
			break;
		i = j;
	}
	return i;
}

/* Where the line from `start` must end when the character at `at`
 * (cp) does not fit: the last opportunity, else a cut before cp. */
static size_t overfull_end(const char *t, size_t start, size_t at, size_t fit,
			   uint32_t cp)
{
	size_t end = fit > start ? fit : at;
	/* cut inside a word: still keep a closing mark off the line start */
	if (end == at && brief_kinsoku_no_start(cp)) {
		size_t before = brief_utf8_prev(t, at);
		if (before > start)
			end = before;
	}
	return end;
}

int brief_break_lines(const char *t, size_t len, float width,
		      const brief_measure *m, brief_lines *out)
{
	char *brks = malloc(len ? len : 1);
	if (!brks)
		return -1;
	brief_break_points(t, len, brks);
	size_t start = skip_blanks(t, len, 0), i = start, fit = 0;
	float x = 0;            /* the pen before the character at i */
	uint32_t prev = 0;
	int rc = 0;
	while (i < len && rc == 0) {
		size_t at = i, j;
		uint32_t cp = brief_utf8_next(t, len, &i);
		j = i;
		uint32_t nx = j < len ? brief_utf8_next(t, len, &j) : 0;
		float w = advance(m, prev, cp, raw_width(m, cp), nx);
		if (at == start)
			x = -brief_glue_lead(cp, w, m->em);
		if (x + w - brief_glue_trail(cp, w, m->em) > width && !blank(cp) &&
		    at > start) {
			size_t end = overfull_end(t, start, at, fit, cp);
			rc = push(out, measure(t, start, end, false, m));
			start = i = skip_blanks(t, len, end);
			fit = 0;
			prev = 0;
			continue;
		}
		x += w;
		if (nx && !blank(cp))
			x += brief_glue_pair(cp, w, nx, raw_width(m, nx), m->em);
		prev = cp;
		if (brks[i - 1] == 2) {
			rc = push(out, measure(t, start, i, true, m));
			start = i = skip_blanks(t, len, i);
			fit = 0;
			prev = 0;
		} else if (brks[i - 1] == 1) {
			fit = i;
		}
	}
	if (rc == 0 && start < len)
		rc = push(out, measure(t, start, len, true, m));
	free(brks);
	return rc;
}

void brief_lines_free(brief_lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
