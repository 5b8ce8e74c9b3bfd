#include "render/pdf/linebreak.h"

#include <linebreak.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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

/* Characters that continue a quantity: 亿元, 万平方米, 个百分点 ... */
static bool unit_char(uint32_t cp)
{
	static const uint32_t set[] = {
		0x4EBF, 0x4E07, 0x5143, 0x5343, 0x767E, 0x4E2A, 0x5BB6, 0x9879,
		0x540D, 0x500D, 0x5E73, 0x65B9, 0x7C73, 0x516C, 0x91CC, 0x5428,
		0x8F86, 0x6237, 0x4EBA, 0x6B21, 0x4EA9, 0x5EA6, 0x4F4D, 0x5EA7,
		0x6761, 0x53F0, 0x5957, 0x6240, 0x7EA7, 0x5E74, 0x6708, 0x65E5,
		0x70B9, 0x5206, 0x7F8E, 0x6210, 0x5146, 0x74E6, 0x5343, 0x7ACB,
		'%', 0x2030, 0x2103, 0xFF05, 0
	};
	return in(cp, set);
}

static bool digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
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
			bool glue = quantity && (digit(cp) || unit_char(cp) || cp == '.');
			if (*b == LINEBREAK_ALLOWBREAK &&
			    (brief_kinsoku_no_start(cp) || brief_kinsoku_no_end(prev) || glue))
				*b = LINEBREAK_NOBREAK;
		}
		quantity = digit(cp) || (quantity && (unit_char(cp) || cp == '.'));
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

/* The line [start, end) without its trailing blanks, measured. */
static brief_line measure(const char *t, size_t start, size_t end, bool last,
			  brief_width_fn w, void *user)
{
	brief_line l = { .start = start, .last = last };
	size_t i = start, content_end = start, n = 0;
	float width = 0, content_w = 0;
	while (i < end) {
		uint32_t cp = brief_utf8_next(t, end, &i);
		width += w(user, cp);
		n++;
		if (!blank(cp)) {
			content_end = i;
			content_w = width;
			l.nchars = n;
		}
	}
	l.end = content_end;
	l.width = content_w;
	return l;
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

int brief_break_lines(const char *t, size_t len, float width,
		      brief_width_fn w, void *user, brief_lines *out)
{
	char *brks = malloc(len ? len : 1);
	if (!brks)
		return -1;
	brief_break_points(t, len, brks);
	size_t start = skip_blanks(t, len, 0), i = start, fit = 0;
	float x = 0;
	int rc = 0;
	while (i < len && rc == 0) {
		size_t at = i;
		uint32_t cp = brief_utf8_next(t, len, &i);
		x += blank(cp) ? (cp == '\n' ? 0 : w(user, cp)) : w(user, cp);
		if (x > width && !blank(cp) && at > start) {
			/* overfull: end at the last opportunity, else cut here */
			size_t end = fit > start ? fit : at;
			/* cut inside a word: still keep a closing mark off the line start */
			if (end == at && brief_kinsoku_no_start(cp)) {
				size_t before = brief_utf8_prev(t, at);
				if (before > start)
					end = before;
			}
			rc = push(out, measure(t, start, end, false, w, user));
			start = i = skip_blanks(t, len, end);
			fit = 0;
			x = 0;
			continue;
		}
		if (brks[i - 1] == 2) {
			rc = push(out, measure(t, start, i, true, w, user));
			start = i = skip_blanks(t, len, i);
			fit = 0;
			x = 0;
		} else if (brks[i - 1] == 1) {
			fit = i;
		}
	}
	if (rc == 0 && start < len)
		rc = push(out, measure(t, start, len, true, w, user));
	free(brks);
	return rc;
}

void brief_lines_free(brief_lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
