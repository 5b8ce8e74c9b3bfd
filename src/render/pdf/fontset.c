#include "render/pdf/fontset.h"

#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/glue.h"
#include "util/buf.h"

#define MAXFONTS 16
#define MAXCHAIN 8
#define UNRESOLVED (-2)
#define NOT_INSTALLED (-1)

struct brief_fontset {
	brief_font *font[MAXFONTS];
	hb_set_t *used[MAXFONTS];
	uint32_t *chars[MAXFONTS];      /* used[i] as a sorted array */
	size_t nchars[MAXFONTS];
	uint32_t first[MAXFONTS];       /* code of chars[i][0] */
	size_t n;
	/* body, heading, then their Latin chains: families in order, each
	 * looked up when a character first needs it (a font index once
	 * found, NOT_INSTALLED, or UNRESOLVED) */
	char *family[4][MAXCHAIN];
	int chain[4][MAXCHAIN];
	size_t nchain[4];
	hb_set_t *stand_in[MAXFONTS];   /* characters font i draws for no configured font */
	hb_set_t *lost;             /* characters no installed font has */
	brief_diag *d;
};

static int add_font(brief_fontset *fs, brief_font *f)
{
	for (size_t i = 0; i < fs->n; i++)
		if (!strcmp(brief_font_path(fs->font[i]), brief_font_path(f)) &&
		    brief_font_index(fs->font[i]) == brief_font_index(f)) {
			brief_font_free(f);
			return (int)i;
		}
	if (fs->n == MAXFONTS) {
		brief_font_free(f);
		return -1;
	}
	fs->font[fs->n] = f;
	fs->used[fs->n] = hb_set_create();
	return (int)fs->n++;
}

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

/* The font of entry k of chain c, looked up on first use. */
static int resolve(brief_fontset *fs, int c, size_t k)
{
	if (fs->chain[c][k] == UNRESOLVED) {
		brief_diag quiet = { .sink = silent };
		brief_font *f = brief_font_find(fs->family[c][k], &quiet);
		fs->chain[c][k] = f ? add_font(fs, f) : NOT_INSTALLED;
	}
	return fs->chain[c][k];
}

/* "A, B , C" -> the families of chain c. The first installed one is
 * looked up now: a chain without one is an error (or, for Latin
 * chains, empty), and a preferred family missing changes the look. */
static int open_chain(brief_fontset *fs, int c, const char *list)
{
	for (const char *p = list; *p && fs->nchain[c] < MAXCHAIN;) {
		size_t n = strcspn(p, ","), a = 0;
		while (a < n && p[a] == ' ')
			a++;
		while (n > a && p[n - 1] == ' ')
			n--;
		if (n > a && !(fs->family[c][fs->nchain[c]] = strndup(p + a, n - a)))
			return -1;
		if (n > a)
			fs->chain[c][fs->nchain[c]++] = UNRESOLVED;
		p += strcspn(p, ",");
		p += *p == ',';
	}
	for (size_t k = 0; k < fs->nchain[c]; k++) {
		if (resolve(fs, c, k) >= 0)
			return 0;
		if (k == 0)
			brief_warn(fs->d, NULL, "font '%s' is not installed; using the next",
				   fs->family[c][0]);
	}
	if (c < 2)
		brief_error(fs->d, NULL, "none of the fonts '%s' is installed (make deps)", list);
	return c < 2 ? -1 : 0;
}

brief_fontset *brief_fontset_open(const brief_style *st, brief_diag *d)
{
	brief_fontset *fs = calloc(1, sizeof *fs);
	if (!fs)
		return NULL;
	fs->d = d;
	fs->lost = hb_set_create();
	if (open_chain(fs, BRIEF_CHAIN_BODY, st->font_body) ||
	    open_chain(fs, BRIEF_CHAIN_HEADING, st->font_heading) ||
	    (st->latin_body && open_chain(fs, 2 + BRIEF_CHAIN_BODY, st->latin_body)) ||
	    (st->latin_heading && open_chain(fs, 2 + BRIEF_CHAIN_HEADING, st->latin_heading))) {
		brief_fontset_free(fs);
		return NULL;
	}
	return fs;
}

void brief_fontset_free(brief_fontset *fs)
{
	if (!fs)
		return;
	for (size_t i = 0; i < fs->n; i++) {
		brief_font_free(fs->font[i]);
		hb_set_destroy(fs->used[i]);
		hb_set_destroy(fs->stand_in[i]);
		free(fs->chars[i]);
	}
	hb_set_destroy(fs->lost);
	for (int c = 0; c < 4; c++)
		for (size_t k = 0; k < fs->nchain[c]; k++)
			free(fs->family[c][k]);
	free(fs);
}

/* A face outside the style for cp: noted, for brief_fontset_report. */
static int last_resort(brief_fontset *fs, uint32_t cp)
{
	int i = -1;
	for (size_t k = 0; k < fs->n && i < 0; k++)
		if (brief_font_has(fs->font[k], cp))
			i = (int)k;
	if (i < 0 && !hb_set_has(fs->lost, cp)) {
		brief_font *f = brief_font_find_for(cp);
		i = f ? add_font(fs, f) : -1;
	}
	if (i < 0) {
		hb_set_add(fs->lost, cp);
		return -1;
	}
	if (!fs->stand_in[i])
		fs->stand_in[i] = hb_set_create();
	hb_set_add(fs->stand_in[i], cp);
	return i;
}

static void report_set(brief_fontset *fs, hb_set_t *set, const char *how, const char *fam)
{
	brief_buf b = BRIEF_BUF_INIT;
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	unsigned n = 0, total = hb_set_get_population(set);
	while (hb_set_next(set, &cp) && n++ < 40) {
		brief_buf_printf(&b, n > 1 ? " " : "");
		brief_buf_put_cp(&b, cp);
		brief_buf_printf(&b, "(U+%04X)", cp);
	}
	if (total > 40)
		brief_buf_printf(&b, " and %u more", total - 40);
	if (brief_buf_ok(&b))
		brief_warn(fs->d, NULL, "the style's fonts for this text lack %s; %s%s", b.data, how, fam);
	brief_buf_free(&b);
}

void brief_fontset_report(brief_fontset *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->stand_in[i] && !hb_set_is_empty(fs->stand_in[i]))
			report_set(fs, fs->stand_in[i], "drawn with ",
				   brief_font_family(fs->font[i]));
	if (!hb_set_is_empty(fs->lost))
		report_set(fs, fs->lost, "no installed font has them: drawn as 〓", "");
}

int brief_fontset_pick(brief_fontset *fs, brief_chain chain, uint32_t cp)
{
	/* A character beyond the BMP (CJK Extension B in place names) is
	 * found like any other: libharu's UTF-8 fonts address the BMP only,
	 * but a font is handed brief's own codes (all below U+D800) and
	 * ToUnicode gives the character back as a surrogate pair. */
	if (cp < 0x20)
		return -1;
	int latin = 2 + (int)chain;
	/* citation markers too: all their digits from one font */
	bool lat = cp < 0x2B0 || brief_glue_cite(cp);
	for (size_t k = 0; lat && k < fs->nchain[latin]; k++) {
		int i = resolve(fs, latin, k);
		if (i >= 0 && brief_font_has(fs->font[i], cp))
			return i;
	}
	for (size_t k = 0; k < fs->nchain[chain]; k++) {
		int i = resolve(fs, (int)chain, k);
		if (i >= 0 && brief_font_has(fs->font[i], cp))
			return i;
	}
	return last_resort(fs, cp);
}

float brief_fontset_width(const brief_fontset *fs, int i, uint32_t cp, float size)
{
	return (float)brief_font_advance(fs->font[i], cp) * size / 1000;
}

void brief_fontset_use(brief_fontset *fs, int i, uint32_t cp)
{
	hb_set_add(fs->used[i], cp);
}

size_t brief_fontset_count(const brief_fontset *fs)
{
	return fs->n;
}

const brief_font *brief_fontset_font(const brief_fontset *fs, int i)
{
	return fs->font[i];
}

int brief_fontset_assign_codes(brief_fontset *fs)
{
	size_t total = 0;
	for (size_t i = 0; i < fs->n; i++)
		total += hb_set_get_population(fs->used[i]);
	/* Low codes keep each font's CIDToGIDMap (two bytes a code, from
	 * 0 to the highest) short; ToUnicode gives them their meaning. */
	uint32_t code = BRIEF_FIRST_CODE;
	if (code + total > 0xD800)     /* below the surrogates */
		return -1;
	for (size_t i = 0; i < fs->n; i++) {
		size_t n = hb_set_get_population(fs->used[i]), k = 0;
		free(fs->chars[i]);
		if (!(fs->chars[i] = malloc((n ? n : 1) * sizeof *fs->chars[i])))
			return -1;
		hb_codepoint_t cp = HB_SET_VALUE_INVALID;
		while (hb_set_next(fs->used[i], &cp))
			fs->chars[i][k++] = cp;
		fs->nchars[i] = n;
		fs->first[i] = code;
		code += (uint32_t)n;
	}
	return 0;
}

uint32_t brief_fontset_code_end(const brief_fontset *fs)
{
	uint32_t end = BRIEF_FIRST_CODE;
	for (size_t i = 0; i < fs->n; i++)
		if (fs->nchars[i] && fs->first[i] + fs->nchars[i] > end)
			end = fs->first[i] + (uint32_t)fs->nchars[i];
	return end;
}

const uint32_t *brief_fontset_chars(const brief_fontset *fs, int i, size_t *n,
				    uint32_t *first)
{
	*n = fs->nchars[i];
	*first = fs->first[i];
	return fs->chars[i];
}

uint32_t brief_fontset_code(const brief_fontset *fs, int i, uint32_t cp)
{
	size_t lo = 0, hi = fs->nchars[i];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fs->chars[i][mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return fs->first[i] + (uint32_t)lo;
}
