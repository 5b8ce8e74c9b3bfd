/*
 * Fonts for direct PDF output: each Debian CJK TrueType font is found
 * through fontconfig and cut down to the characters used; the subset
 * loads in libharu and comes out embedded and subset.
 */
#include <criterion/criterion.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/pdf/font.h"
#include "support/run.h"
#include "util/utf8.h"

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

/* fontconfig keeps its configuration for the process; hand it back so
 * that LeakSanitizer sees only what brief holds. */
static void fc_fini(void)
{
	FcFini();
}

TestSuite(font, .fini = fc_fini);

static const char *const families[] = {
	"AR PL UMing CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
	"Droid Sans Fallback",
};

/* Characters libharu 2.3.0 loses from the whole composite fonts. */
static const char text[] = "的订阅国钱塘区规上工业总产值突破亿元";

/* The distinct characters of `s`, ascending. */
static size_t chars_of(const char *s, uint32_t *out)
{
	hb_set_t *set = hb_set_create();
	size_t len = strlen(s), i = 0, n = 0;
	while (i < len)
		hb_set_add(set, brief_utf8_next(s, len, &i));
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	while (hb_set_next(set, &cp))
		out[n++] = cp;
	hb_set_destroy(set);
	return n;
}

static hb_font_t *font_of(const char *data, size_t n, const char *path, int index)
{
	hb_blob_t *blob = data ? hb_blob_create(data, (unsigned)n, HB_MEMORY_MODE_READONLY, NULL, NULL)
			       : hb_blob_create_from_file(path);
	hb_face_t *face = hb_face_create(blob, (unsigned)index);
	hb_font_t *font = hb_font_create(face);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return font;
}

/* Code first + k draws the very glyph of cps[k]: same outline box and
 * advance as in the whole font; nothing else is mapped. */
Test(font, coded_subsets_map_each_code_to_its_glyph)
{
	brief_diag d = { .sink = silent };
	uint32_t cps[64];
	size_t n = chars_of(text, cps);
	for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
		brief_font *f = brief_font_find(families[i], &d);
		cr_assert_not_null(f, "%s is not installed (make deps)", families[i]);
		char *sub;
		size_t len;
		cr_assert_eq(brief_font_subset_coded(f, cps, n, 0xE000, &sub, &len, &d), 0);
		cr_assert_lt(len, 64 * 1024, "%s: a subset of %zu bytes", families[i], len);
		cr_assert_eq(len % 4, 0);
		hb_font_t *whole = font_of(NULL, 0, brief_font_path(f), brief_font_index(f));
		hb_font_t *part = font_of(sub, len, NULL, 0);
		hb_set_t *u = hb_set_create();
		hb_face_collect_unicodes(hb_font_get_face(part), u);
		cr_assert_eq(hb_set_get_population(u), n, "%s maps other codes", families[i]);
		for (size_t k = 0; k < n; k++) {
			hb_codepoint_t g0, g1;
			hb_glyph_extents_t e0, e1;
			cr_assert(hb_font_get_nominal_glyph(whole, cps[k], &g0));
			cr_assert(hb_font_get_nominal_glyph(part, 0xE000 + (uint32_t)k, &g1),
				  "%s: code %zu unmapped", families[i], k);
			hb_font_get_glyph_extents(whole, g0, &e0);
			hb_font_get_glyph_extents(part, g1, &e1);
			cr_assert(!memcmp(&e0, &e1, sizeof e0), "%s: U+%04X drawn with another glyph",
				  families[i], cps[k]);
			cr_assert_eq(hb_font_get_glyph_h_advance(whole, g0),
				     hb_font_get_glyph_h_advance(part, g1));
			cr_assert_eq(brief_font_advance(f, cps[k]),
				     hb_font_get_glyph_h_advance(whole, g0) * 1000 /
				     (int)hb_face_get_upem(hb_font_get_face(whole)));
		}
		/* libharu 2.3.0 cannot always write a font whose last table
		 * (prep) is empty: every subset carries one */
		hb_blob_t *prep = hb_face_reference_table(hb_font_get_face(part),
							  HB_TAG('p', 'r', 'e', 'p'));
		cr_assert_gt(hb_blob_get_length(prep), 0, "%s: no prep table", families[i]);
		hb_blob_destroy(prep);
		hb_set_destroy(u);
		hb_font_destroy(whole);
		hb_font_destroy(part);
		free(sub);
		brief_font_free(f);
	}
}

Test(font, coverage_and_unknown_fonts_reported)
{
	brief_diag d = { .sink = silent };
	brief_font *f = brief_font_find("Droid Sans Fallback", &d);
	/* Droid Sans Fallback has no ASCII digits: a fallback face must draw them */
	cr_assert_not(brief_font_has(f, '5'));
	cr_assert(brief_font_has(f, 0x589E));
	brief_font *any = brief_font_find_for('5');
	cr_assert_not_null(any, "no installed font has a digit");
	cr_assert(brief_font_has(any, '5'));
	brief_font_free(any);
	brief_font_free(f);
	cr_assert_null(brief_font_find("No Such Font Family", &d));
	cr_assert_eq(d.nerrors, 1);
}

static void hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	(void)detail;
	*(HPDF_STATUS *)user = e;
}

/* libharu embeds coded subsets (from a file: 2.3.0 loads no fonts from
 * memory) and draws their codes, for an odd and an even number of
 * characters (the cmap's glyph array is then padded or not). */
Test(font, coded_subset_embeds_in_libharu)
{
	brief_diag d = { .sink = silent };
	char ttf[64], pdf[64];
	snprintf(ttf, sizeof ttf, "/tmp/brief-font-%d.ttf", getpid());
	snprintf(pdf, sizeof pdf, "/tmp/brief-font-%d.pdf", getpid());
	brief_font *f = brief_font_find("WenQuanYi Micro Hei", &d);
	uint32_t cps[64];
	size_t all = chars_of(text, cps);
	for (size_t n = all - 1; n <= all; n++) {
		char *sub, codes[64 * 3 + 1] = "";
		size_t len, at = 0;
		cr_assert_eq(brief_font_subset_coded(f, cps, n, 0xE000, &sub, &len, &d), 0);
		FILE *out = fopen(ttf, "wb");
		fwrite(sub, 1, len, out);
		fclose(out);
		free(sub);
		for (size_t k = 0; k < n; k++) {       /* U+E000 + k in UTF-8 */
			uint32_t c = 0xE000 + (uint32_t)k;
			codes[at++] = (char)(0xE0 | c >> 12);
			codes[at++] = (char)(0x80 | (c >> 6 & 0x3F));
			codes[at++] = (char)(0x80 | (c & 0x3F));
		}
		codes[at] = '\0';
		HPDF_STATUS err = 0;
		HPDF_Doc doc = HPDF_New(hpdf_error, &err);
		HPDF_UseUTFEncodings(doc);
		const char *name = HPDF_LoadTTFontFromFile(doc, ttf, HPDF_TRUE);
		cr_assert_not_null(name, "libharu error %04X", (unsigned)err);
		HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
		HPDF_Page page = HPDF_AddPage(doc);
		HPDF_Page_BeginText(page);
		HPDF_Page_SetFontAndSize(page, font, 18);
		HPDF_Page_TextOut(page, 50, 700, codes);
		HPDF_Page_EndText(page);
		cr_assert_eq(HPDF_SaveToFile(doc, pdf), HPDF_OK, "%zu characters", n);
		HPDF_Free(doc);
		cr_assert_eq(err, 0, "libharu error %04X with %zu characters", (unsigned)err, n);
		cr_assert_eq(brief_test_sh("pdffonts %s 2>/dev/null | grep -q 'CID TrueType.*yes yes'",
					   pdf), 0);
	}
	unlink(ttf);
	unlink(pdf);
	brief_font_free(f);
}
