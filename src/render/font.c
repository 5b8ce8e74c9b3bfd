#include "render/font.h"

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

struct brief_font {
	char *path, *family;
	int index;
	hb_face_t *face;
	hb_font_t *font;        /* at upem scale: advances in font units */
	unsigned upem;
	hb_set_t *unicodes;     /* what the face covers */
};

/* libharu embeds only TrueType outlines; CFF-based OpenType will not do. */
static bool has_glyf(hb_face_t *face)
{
	hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
	bool ok = hb_blob_get_length(glyf) > 0;
	hb_blob_destroy(glyf);
	return ok;
}

static brief_font *font_open(const char *file, int index, const char *family)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
	brief_font *f = blob ? calloc(1, sizeof *f) : NULL;
	if (!f) {
		hb_blob_destroy(blob);
		return NULL;
	}
	f->path = strdup(file);
	f->family = strdup(family);
	f->index = index;
	f->face = hb_face_create(blob, (unsigned)index);
	hb_blob_destroy(blob);
	f->upem = hb_face_get_upem(f->face);
	f->font = hb_font_create(f->face);
	f->unicodes = hb_set_create();
	hb_face_collect_unicodes(f->face, f->unicodes);
	if (!f->path || !f->family || !has_glyf(f->face)) {
		brief_font_free(f);
		return NULL;
	}
	return f;
}

brief_font *brief_font_find(const char *family, brief_diag *d)
{
	FcPattern *pat = FcNameParse((const FcChar8 *)family), *match = NULL;
	FcResult res;
	FcChar8 *file = NULL;
	brief_font *f = NULL;
	int index = 0;

	if (!pat || !FcConfigSubstitute(NULL, pat, FcMatchPattern))
		goto out;
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	if (!match || FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch)
		goto out;
	FcPatternGetInteger(match, FC_INDEX, 0, &index);
	/* fontconfig falls back to any font; only the family asked for counts */
	bool same = false;
	FcChar8 *got = NULL;
	for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &got) == FcResultMatch; i++)
		same |= strcasecmp((const char *)got, family) == 0;
	if (!same)
		goto out;
	f = font_open((const char *)file, index, family);
out:
	if (!f)
		brief_error(d, family, "no such font installed (fontconfig)");
	if (match)
		FcPatternDestroy(match);
	if (pat)
		FcPatternDestroy(pat);
	return f;
}

void brief_font_free(brief_font *f)
{
	if (!f)
		return;
	hb_set_destroy(f->unicodes);
	hb_font_destroy(f->font);
	hb_face_destroy(f->face);
	free(f->family);
	free(f->path);
	free(f);
}

const char *brief_font_path(const brief_font *f)
{
	return f->path;
}

int brief_font_index(const brief_font *f)
{
	return f->index;
}

brief_font *brief_font_find_for(uint32_t cp)
{
	FcPattern *pat = FcPatternCreate();
	FcCharSet *cs = FcCharSetCreate();
	FcFontSet *set = NULL;
	brief_font *f = NULL;
	FcResult res;

	if (!pat || !cs || !FcCharSetAddChar(cs, cp))
		goto out;
	FcPatternAddCharSet(pat, FC_CHARSET, cs);
	FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	set = FcFontSort(NULL, pat, FcFalse, NULL, &res);
	for (int i = 0; set && i < set->nfont && !f; i++) {
		FcChar8 *file, *family;
		FcCharSet *has;
		int index = 0;
		FcPattern *p = set->fonts[i];
		if (FcPatternGetCharSet(p, FC_CHARSET, 0, &has) != FcResultMatch ||
		    !FcCharSetHasChar(has, cp) ||
		    FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch ||
		    FcPatternGetString(p, FC_FAMILY, 0, &family) != FcResultMatch)
			continue;
		FcPatternGetInteger(p, FC_INDEX, 0, &index);
		f = font_open((const char *)file, index, (const char *)family);
		if (f && !brief_font_has(f, cp)) {
			brief_font_free(f);
			f = NULL;
		}
	}
out:
	if (set)
		FcFontSetDestroy(set);
	if (cs)
		FcCharSetDestroy(cs);
	if (pat)
		FcPatternDestroy(pat);
	return f;
}

const char *brief_font_family(const brief_font *f)
{
	return f->family;
}

int brief_font_advance(const brief_font *f, uint32_t cp)
{
	hb_codepoint_t gid;
	if (!hb_font_get_nominal_glyph(f->font, cp, &gid))
		return 0;
	unsigned adv = (unsigned)hb_font_get_glyph_h_advance(f->font, gid);
	return (int)(adv * 1000 / f->upem);
}

bool brief_font_has(const brief_font *f, uint32_t cp)
{
	return hb_set_has(f->unicodes, cp);
}

int brief_font_subset(const brief_font *f, const char *utf8, size_t len,
		      char **out, size_t *out_len, size_t *missing,
		      brief_diag *d)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub = NULL;
	hb_blob_t *blob = NULL;
	hb_set_t *lacking = hb_set_create();
	int rc = -1;

	*out = NULL;
	if (!in)
		goto out;
	hb_set_t *want = hb_subset_input_unicode_set(in);
	for (size_t i = 0; i < len;) {
		uint32_t cp = brief_utf8_next(utf8, len, &i);
		if (cp < 0x20)
			continue;
		if (hb_set_has(f->unicodes, cp))
			hb_set_add(want, cp);
		else
			hb_set_add(lacking, cp);
	}
	/* hinting is for screens at small sizes; print and PDF do without */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	if (!(sub = hb_subset_or_fail(f->face, in)))
		goto out;
	blob = hb_face_reference_blob(sub);
	unsigned n;
	const char *data = hb_blob_get_data(blob, &n);
	if (n && (*out = malloc(n))) {
		memcpy(*out, data, n);
		*out_len = n;
		rc = 0;
	}
out:
	if (rc)
		brief_error(d, f->path, "cannot subset the font");
	if (missing)
		*missing = hb_set_get_population(lacking);
	hb_set_destroy(lacking);
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	return rc;
}
