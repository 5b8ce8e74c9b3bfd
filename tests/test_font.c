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

#include "render/font.h"
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

Test(font, subsets_hold_exactly_what_is_used)
{
	brief_diag d = { .sink = silent };
	for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
		brief_font *f = brief_font_find(families[i], &d);
		cr_assert_not_null(f, "%s is not installed (make deps)", families[i]);
		char *sub;
		size_t n, missing;
		cr_assert_eq(brief_font_subset(f, text, strlen(text), &sub, &n, &missing, &d), 0);
		cr_assert_eq(missing, 0, "%s lacks %zu characters", families[i], missing);
		cr_assert_lt(n, 64 * 1024, "%s: a subset of %zu bytes", families[i], n);
		/* the subset covers every character asked for, and little else */
		hb_blob_t *blob = hb_blob_create(sub, (unsigned)n, HB_MEMORY_MODE_READONLY, NULL, NULL);
		hb_face_t *face = hb_face_create(blob, 0);
		hb_set_t *u = hb_set_create();
		hb_face_collect_unicodes(face, u);
		size_t len = strlen(text), k = 0, chars = 0;
		while (k < len) {
			uint32_t cp = brief_utf8_next(text, len, &k);
			cr_assert(hb_set_has(u, cp), "%s: U+%04X lost", families[i], cp);
			chars++;
		}
		cr_assert_leq(hb_set_get_population(u), chars + 4);
		hb_set_destroy(u);
		hb_face_destroy(face);
		hb_blob_destroy(blob);
		free(sub);
		brief_font_free(f);
	}
}

Test(font, missing_characters_are_counted_and_unknown_fonts_reported)
{
	brief_diag d = { .sink = silent };
	brief_font *f = brief_font_find("Droid Sans Fallback", &d);
	char *sub;
	size_t n, missing;
	/* Droid Sans Fallback has no ASCII digits: a fallback face must draw them */
	cr_assert_eq(brief_font_subset(f, "增长5.5%", strlen("增长5.5%"), &sub, &n, &missing, &d), 0);
	cr_assert_eq(missing, 3, "5 . %% are not in Droid");
	cr_assert_not(brief_font_has(f, '5'));
	cr_assert(brief_font_has(f, 0x589E));
	free(sub);
	brief_font_free(f);
	cr_assert_null(brief_font_find("No Such Font Family", &d));
	cr_assert_eq(d.nerrors, 1);
}

static void hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	(void)detail;
	*(HPDF_STATUS *)user = e;
}

/* libharu embeds the subset (a file: 2.3.0 loads no fonts from memory). */
Test(font, subset_embeds_in_libharu)
{
	brief_diag d = { .sink = silent };
	char ttf[64], pdf[64];
	snprintf(ttf, sizeof ttf, "/tmp/brief-font-%d.ttf", getpid());
	snprintf(pdf, sizeof pdf, "/tmp/brief-font-%d.pdf", getpid());
	brief_font *f = brief_font_find("WenQuanYi Micro Hei", &d);
	char *sub;
	size_t n, missing;
	cr_assert_eq(brief_font_subset(f, text, strlen(text), &sub, &n, &missing, &d), 0);
	FILE *out = fopen(ttf, "wb");
	fwrite(sub, 1, n, out);
	fclose(out);
	HPDF_STATUS err = 0;
	HPDF_Doc doc = HPDF_New(hpdf_error, &err);
	HPDF_UseUTFEncodings(doc);
	const char *name = HPDF_LoadTTFontFromFile(doc, ttf, HPDF_TRUE);
	cr_assert_not_null(name, "libharu error %04X", (unsigned)err);
	HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
	HPDF_Page page = HPDF_AddPage(doc);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 18);
	HPDF_Page_TextOut(page, 50, 700, text);
	HPDF_Page_EndText(page);
	cr_assert_eq(HPDF_SaveToFile(doc, pdf), HPDF_OK);
	HPDF_Free(doc);
	cr_assert_eq(err, 0, "libharu error %04X", (unsigned)err);
	/* (libharu's own ToUnicode map makes poppler warn: issue 5 replaces it) */
	cr_assert_eq(brief_test_sh("pdffonts %s 2>/dev/null | grep -q 'CID TrueType.*yes yes'", pdf), 0);
	cr_assert_eq(brief_test_sh("pdftotext -enc UTF-8 %s - 2>/dev/null | grep -q '%s'", pdf,
				   text), 0);
	unlink(ttf);
	unlink(pdf);
	free(sub);
	brief_font_free(f);
}
