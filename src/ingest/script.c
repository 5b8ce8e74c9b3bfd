/* script.c - Traditional vs Simplified; conversion with OpenCC. */
#include "ingest/script.h"

#include <opencc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

struct brief_t2s {
	opencc_t cc;
};

/*
 * Frequent characters that differ between the scripts, as pairs
 * (Simplified, Traditional). Only unambiguous pairs: 后/後, 里/裡, 干/幹,
 * 于/於 exist in both scripts and are left out.
 */
static const char pairs[] =
	"们們这這个個来來时時会會说說对對经經发發与與区區县縣产產业業设設进進将將"
	"为為国國过過还還关關实實际際当當务務总總统統点點开開现現应應从從两兩亿億"
	"万萬项項资資济濟长長乡鄉镇鎮级級单單团團体體条條计計划劃华華东東门門问問"
	"题題传傳导導义義书書环環变變党黨队隊专專规規视視论論职職质質数數据據构構"
	"层層势勢创創权權历歷术術报報网網电電话話号號费費动動机機对對场場销銷额額";

/* One bit per CJK Unified Ideograph for each script's set. */
#define SET_FIRST 0x4E00u
#define SET_LAST 0x9FFFu
static unsigned char simp_set[(SET_LAST - SET_FIRST + 8) / 8];
static unsigned char trad_set[(SET_LAST - SET_FIRST + 8) / 8];
static size_t nset;
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static void set_bit(unsigned char *set, uint32_t cp)
{
	if (cp >= SET_FIRST && cp <= SET_LAST)
		set[(cp - SET_FIRST) / 8] |= (unsigned char)(1u << ((cp - SET_FIRST) % 8));
}

static void build_sets(void)
{
	size_t len = sizeof pairs - 1, i = 0;
	while (i < len) {
		set_bit(simp_set, brief_utf8_next(pairs, len, &i));
		set_bit(trad_set, brief_utf8_next(pairs, len, &i));
		nset++;
	}
}

static bool in(const unsigned char *set, uint32_t cp)
{
	return cp >= SET_FIRST && cp <= SET_LAST &&
	       (set[(cp - SET_FIRST) / 8] & (1u << ((cp - SET_FIRST) % 8)));
}

brief_script brief_script_detect(const char *text, size_t len)
{
	size_t simp = 0, trad = 0, i = 0;
	pthread_once(&sets_once, build_sets);
	while (i < len) {
		uint32_t cp = brief_utf8_next(text, len, &i);
		if (cp < 0x4E00)
			continue;
		simp += in(simp_set, cp);
		trad += in(trad_set, cp);
	}
	/* Traditional articles quote Simplified names now and then, and the
	 * other way round: the clear majority decides. */
	return trad >= 3 && trad > 2 * simp ? BRIEF_SCRIPT_TRADITIONAL
					    : BRIEF_SCRIPT_SIMPLIFIED;
}

brief_t2s *brief_t2s_new(char *why, size_t whysz)
{
	brief_t2s *t = calloc(1, sizeof *t);
	if (!t) {
		snprintf(why, whysz, "out of memory");
		return NULL;
	}
	t->cc = opencc_open("t2s.json");
	if (t->cc == (opencc_t)-1) {
		snprintf(why, whysz, "cannot open OpenCC's t2s.json (%s); is "
				     "libopencc-data installed?",
			 opencc_error());
		free(t);
		return NULL;
	}
	return t;
}

void brief_t2s_free(brief_t2s *t)
{
	if (!t)
		return;
	opencc_close(t->cc);
	free(t);
}

char *brief_t2s_convert(brief_t2s *t, const char *text, size_t len,
			size_t *out_len)
{
	char *r = opencc_convert_utf8(t->cc, text, len);
	char *copy;
	size_t n;
	if (!r || r == (char *)-1)
		return NULL;
	/* OpenCC's buffer must go back through its own free function. */
	n = strlen(r);
	copy = malloc(n + 1);
	if (copy)
		memcpy(copy, r, n + 1);
	opencc_convert_utf8_free(r);
	if (out_len)
		*out_len = n;
	return copy;
}
