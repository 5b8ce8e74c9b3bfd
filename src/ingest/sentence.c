/* sentence.c - sentence splitting with offsets (sentence.h). */
#include "ingest/sentence.h"

#include <stdlib.h>

#include "util/utf8.h"

static bool is_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
	       cp == '!' || cp == '?' || cp == ';';
}

/* Closing marks that belong to the sentence they follow: 。” or ！） */
static bool is_closer(uint32_t cp)
{
	return cp == 0x201D || cp == 0x300D || cp == 0x300F || cp == 0xFF09 ||
	       cp == ')' || cp == 0x300B || cp == 0x3011 || cp == 0x2019;
}

/* +1 for an opening bracket or quote, -1 for a closing one. */
static int nesting(uint32_t cp)
{
	switch (cp) {
	case 0x201C: case 0x300C: case 0x300E: case 0xFF08: case '(':
	case 0x300A: case 0x3010: case 0x2018:
		return 1;
	case 0x201D: case 0x300D: case 0x300F: case 0xFF09: case ')':
	case 0x300B: case 0x3011: case 0x2019:
		return -1;
	default:
		return 0;
	}
}

static bool is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000;
}

typedef struct splitter {
	brief_sentence *v;
	size_t n, cap;
	bool oom;
} splitter;

static void add(splitter *sp, const char *t, size_t start, size_t end, int para)
{
	size_t i = start;
	while (i < end) {               /* leading blanks */
		size_t at = i;
		if (!is_blank(brief_utf8_next(t, end, &i))) {
			i = at;
			break;
		}
	}
	start = i;
	while (end > start) {           /* trailing blanks */
		size_t at = brief_utf8_prev(t, end), j = at;
		if (!is_blank(brief_utf8_next(t, end, &j)))
			break;
		end = at;
	}
	if (end <= start || sp->oom)
		return;
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 64;
		brief_sentence *v = realloc(sp->v, cap * sizeof *v);
		if (!v) {
			sp->oom = true;
			return;
		}
		sp->v = v;
		sp->cap = cap;
	}
	sp->v[sp->n++] = (brief_sentence){ start, end, para };
}

size_t brief_split_sentences(const char *text, size_t len,
			     brief_sentence **out)
{
	splitter sp = { 0 };
	size_t start = 0, i = 0;
	int depth = 0, para = 0;
	uint32_t prev = 0;

	while (i < len) {
		uint32_t before = prev;
		uint32_t cp = prev = brief_utf8_next(text, len, &i);
		if (cp == '\n') {
			add(&sp, text, start, i - 1, para++);
			start = i;
			depth = 0;
			continue;
		}
		depth += nesting(cp);
		if (depth < 0)
			depth = 0;      /* a stray closer: not inside anything */
		/* “……。” ends with the quote: split after it */
		bool quote_end = nesting(cp) < 0 && depth == 0 && is_end(before);
		if (depth > 0 || !(is_end(cp) || quote_end))
			continue;
		/* take the closing quotes and further marks with the sentence */
		for (size_t j = i; j < len;) {
			uint32_t next = brief_utf8_next(text, len, &j);
			if (!is_closer(next) && !is_end(next))
				break;
			i = j;
		}
		add(&sp, text, start, i, para);
		start = i;
	}
	add(&sp, text, start, len, para);
	if (sp.oom) {
		free(sp.v);
		*out = NULL;
		return (size_t)-1;
	}
	*out = sp.v;
	return sp.n;
}
