/*
 * garble.c - finding mojibake in clean text (brief_find_garbles).
 *
 * Text decoded one byte out of step (GBK read from the middle of a
 * character) or double-converted leaves clusters of oddities: U+FFFD,
 * ASCII marks wedged between Han characters (遍_局, 腻X塘), accented
 * letters (shù) and rare characters. An oddity alone is ordinary (A股,
 * 濉溪县, 衢州市衢江区); a cluster of them, or any U+FFFD, is garbled.
 */
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/clean.h"
#include "util/utf8.h"

#define HAN_FIRST 0x4E00
#define HAN_LAST 0x9FFF

/* One bit per CJK Unified Ideograph: set when it is among GB2312's
 * 3,755 level-1 characters, the common characters of modern Chinese. */
static unsigned char common[(HAN_LAST - HAN_FIRST + 1 + 7) / 8];
static pthread_once_t common_once = PTHREAD_ONCE_INIT;

static void build_common(void)
{
	iconv_t cd = iconv_open("GB2312", "UTF-32LE");
	if (cd == (iconv_t)-1)
		return;
	for (uint32_t cp = HAN_FIRST; cp <= HAN_LAST; cp++) {
		unsigned char in[4] = { (unsigned char)cp, (unsigned char)(cp >> 8), 0, 0 };
		unsigned char outb[4];
		char *ip = (char *)in, *op = (char *)outb;
		size_t il = 4, ol = sizeof outb;
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && op - (char *)outb == 2 &&
		    outb[0] >= 0xB0 && outb[0] <= 0xD7)
			common[(cp - HAN_FIRST) / 8] |= (unsigned char)(1u << ((cp - HAN_FIRST) % 8));
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
}

static bool is_common_han(uint32_t cp)
{
	if (cp < HAN_FIRST || cp > HAN_LAST)
		return false;
	return common[(cp - HAN_FIRST) / 8] & (1u << ((cp - HAN_FIRST) % 8));
}

typedef struct ch {
	uint32_t cp;
	size_t start, end;
} ch;

static bool is_ascii_letter(uint32_t cp)
{
	return (cp | 32) >= 'a' && (cp | 32) <= 'z';
}

/* ASCII marks that ordinary Chinese text does not put between Han
 * characters; brackets, slashes, dots and dashes it does. */
static bool is_odd_mark(uint32_t cp)
{
	return cp > 0 && cp < 0x80 && strchr("!?_#@$^`~|\\{}<>", (int)cp) != NULL;
}

/*
 * How odd the character at k is, given its neighbours: 0 ordinary,
 * 1 a little (a rare character, a lone Latin letter between Han
 * characters as in A股), 2 quite (a stray mark, an accented letter),
 * 4 certainly garbage (U+FFFD). A cluster scoring 4 is garbled.
 */
static int oddity(const ch *c, size_t n, size_t k, bool table)
{
	uint32_t cp = c[k].cp;
	if (table && cp == '|')
		return 0;
	bool han_l = k > 0 && (brief_is_han(c[k - 1].cp) || c[k - 1].cp == 0xFFFD);
	bool han_r = k + 1 < n && (brief_is_han(c[k + 1].cp) || c[k + 1].cp > 0x7F);
	if (cp == 0xFFFD)
		return 4;
	if (brief_is_han(cp))
		return cp >= HAN_FIRST && cp <= HAN_LAST && !is_common_han(cp);
	if (cp >= 0xC0 && cp <= 0x24F)          /* accented Latin letters */
		return 2;
	if (is_odd_mark(cp) && han_l)
		return 2;
	if (is_ascii_letter(cp) && han_l && han_r)
		return 1;
	return 0;
}

static int push(brief_garble **v, size_t *n, size_t start, size_t end,
		const char *why)
{
	brief_garble *p = realloc(*v, (*n + 1) * sizeof *p);
	if (!p)
		return -1;
	*v = p;
	p[(*n)++] = (brief_garble){ start, end, why };
	return 0;
}

/* Scans one paragraph's characters for clusters of oddities. */
static int scan(const ch *c, size_t n, brief_garble **v, size_t *nv)
{
	/* 1|纺织工业城|45.6: a flattened table's line divides cells with bars */
	size_t bars = 0;
	for (size_t k = 0; k < n; k++)
		bars += c[k].cp == '|';
	bool table = bars >= 2;
	size_t i = 0;
	while (i < n) {
		int o = oddity(c, n, i, table);
		if (!o) {
			i++;
			continue;
		}
		size_t first = i, last = i;
		int score = o;
		for (size_t j = i + 1; j < n && j <= last + 4; j++) {
			int oj = oddity(c, n, j, table);
			if (oj) {
				score += oj;
				last = j;
			}
		}
		if (score >= 4) {
			if (push(v, nv, c[first].start, c[last].end,
				 "garbled text"))
				return -1;
		}
		i = last + 1;
	}
	return 0;
}

size_t brief_find_garbles(const char *text, size_t len, brief_garble **out)
{
	ch *c = NULL;
	size_t cap = 0, n = 0, nv = 0, i = 0;
	brief_garble *v = NULL;

	pthread_once(&common_once, build_common);
	*out = NULL;
	while (i <= len) {
		size_t at = i;
		uint32_t cp = i < len ? brief_utf8_next(text, len, &i) : '\n';
		if (i == at)
			i++;
		if (cp != '\n') {
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				ch *p = realloc(c, cap * sizeof *p);
				if (!p)
					break;
				c = p;
			}
			c[n++] = (ch){ cp, at, i };
			continue;
		}
		if (scan(c, n, &v, &nv))
			break;
		n = 0;
	}
	free(c);
	*out = v;
	return nv;
}
