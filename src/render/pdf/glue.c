#include "render/pdf/glue.h"

#include <stddef.h>

static bool in(uint32_t cp, const uint32_t *set)
{
	for (; *set; set++)
		if (*set == cp)
			return true;
	return false;
}

/* clreq's opening brackets and quotes: the blank half is on the left. */
static bool opening(uint32_t cp)
{
	static const uint32_t set[] = {
		0xFF08, 0x3010, 0x300C, 0x300E, 0x201C, 0x2018, 0x300A, 0x3008,
		0x3014, 0x3016, 0xFF3B, 0xFF5B, 0
	};
	return in(cp, set);
}

/* Closing brackets and quotes, and the pause and stop marks, which GB
 * fonts set in the left half: the blank half is on the right. */
static bool closing(uint32_t cp)
{
	static const uint32_t set[] = {
		0xFF09, 0x3011, 0x300D, 0x300F, 0x201D, 0x2019, 0x300B, 0x3009,
		0x3015, 0x3017, 0xFF3D, 0xFF5D, 0xFF0C, 0x3002, 0x3001, 0xFF1B,
		0xFF1A, 0xFF1F, 0xFF01, 0xFF0E, 0
	};
	return in(cp, set);
}

/* Only a mark its font sets an em wide has a blank half to lose. */
static bool full(float w, float em)
{
	return em > 0 && w >= 0.9f * em;
}

bool brief_glue_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	       cp == 0x3007;
}

bool brief_glue_cjk(uint32_t cp)
{
	return brief_glue_han(cp) || (cp >= 0x3000 && cp <= 0x30FF) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || opening(cp) || closing(cp);
}

bool brief_glue_latin(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 'a' && cp <= 'z') || cp == '%' ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

bool brief_glue_cite(uint32_t cp)
{
	return cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || cp == 0x2070 ||
	       (cp >= 0x2074 && cp <= 0x2079) || cp == 0x202F;
}

static bool han_latin(uint32_t a, uint32_t b)
{
	return (brief_glue_han(a) && brief_glue_latin(b)) ||
	       (brief_glue_latin(a) && brief_glue_han(b));
}

float brief_glue_pair(uint32_t a, float wa, uint32_t b, float wb, float em)
{
	if (em <= 0 || b == 0)
		return 0;
	if (han_latin(a, b))
		return BRIEF_HAN_LATIN_EM * em;
	bool pa = opening(a) || closing(a), pb = opening(b) || closing(b);
	/* a blank half between two marks: "”，" "，“" "（“" — not "（）" */
	if (pa && pb && full(wa, em) && full(wb, em) && (closing(a) || opening(b)))
		return -0.5f * em;
	return 0;
}

static bool blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

float brief_glue_blank(uint32_t prev, uint32_t sp, uint32_t next, float w, float em)
{
	if (em > 0 && blank(sp) && han_latin(prev, next))
		return BRIEF_HAN_LATIN_EM * em;
	return w;
}

float brief_glue_lead(uint32_t cp, float w, float em)
{
	return opening(cp) && full(w, em) ? 0.5f * em : 0;
}

float brief_glue_trail(uint32_t cp, float w, float em)
{
	return closing(cp) && full(w, em) ? 0.5f * em : 0;
}

bool brief_glue_stretch(uint32_t a, uint32_t b)
{
	if (blank(a))
		return true;
	if (blank(b))
		return false;   /* the space itself stretches, after it */
	if (brief_glue_cite(b))
		return false;
	return brief_glue_cjk(a) || brief_glue_cjk(b);
}
