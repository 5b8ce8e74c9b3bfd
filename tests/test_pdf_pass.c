/*
 * The qpdf pass over libharu's output (render/pdf/pdffix.c): one
 * ToUnicode stream shared by every font, every stream deflated once at
 * brief_pdf_deflate_level, and the text still read back by poppler.
 */
#include <criterion/criterion.h>
#include <fontconfig/fontconfig.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "render/pdf/pdfout.h"
#include "render/render.h"
#include "support/doc_fixture.h"
#include "support/run.h"

static void teardown(void)
{
	FcFini();
}

TestSuite(pdf_pass, .fini = teardown, .timeout = 120);

static void quiet(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

static void render(brief_buf *out)
{
	brief_doc doc;
	brief_diag d = { .sink = quiet };
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 1738713600 };
	brief_test_doc(&doc);
	cr_assert_eq(brief_render_pdf(&doc, &o, out, &d), 0);
	brief_doc_free(&doc);
}

static const char *name_of(qpdf_data q, qpdf_oh dict, const char *key)
{
	qpdf_oh v = qpdf_oh_get_key(q, dict, key);
	return qpdf_oh_is_name(q, v) ? qpdf_oh_get_name(q, v) : "";
}

Test(pdf_pass, fonts_share_one_tounicode_and_streams_are_deflated)
{
	brief_buf pdf = BRIEF_BUF_INIT;
	render(&pdf);
	qpdf_data q = qpdf_init();
	cr_assert_eq(qpdf_read_memory(q, "t", pdf.data, pdf.len, NULL) & QPDF_ERRORS, 0);
	qpdf_oh fonts = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_page_n(q, 0), "/Resources"),
					"/Font");
	int tu = 0, nfonts = 0;
	qpdf_oh list[16];
	qpdf_oh_begin_dict_key_iter(q, fonts);
	while (qpdf_oh_dict_more_keys(q) && nfonts < 16)
		list[nfonts++] = qpdf_oh_get_key(q, fonts, qpdf_oh_dict_next_key(q));
	cr_assert_geq(nfonts, 2, "the fixture draws with CJK and Latin faces");
	for (int i = 0; i < nfonts; i++) {
		qpdf_oh map = qpdf_oh_get_key(q, list[i], "/ToUnicode");
		cr_assert(qpdf_oh_is_stream(q, map));
		int id = qpdf_oh_get_object_id(q, map);
		cr_assert(tu == 0 || id == tu, "font %d has its own ToUnicode %d, not %d", i, id, tu);
		tu = id;
		qpdf_oh desc = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, list[i], "/DescendantFonts"), 0);
		qpdf_oh file = qpdf_oh_get_key(q, qpdf_oh_get_key(q, desc, "/FontDescriptor"), "/FontFile2");
		cr_assert_str_eq(name_of(q, qpdf_oh_get_dict(q, file), "/Filter"), "/FlateDecode");
		cr_assert_str_eq(name_of(q, qpdf_oh_get_dict(q, map), "/Filter"), "/FlateDecode");
	}
	qpdf_oh content = qpdf_oh_get_key(q, qpdf_get_page_n(q, 0), "/Contents");
	cr_assert_str_eq(name_of(q, qpdf_oh_get_dict(q, content), "/Filter"), "/FlateDecode");
	qpdf_cleanup(&q);
	brief_buf_free(&pdf);
}

Test(pdf_pass, the_deflate_level_is_the_one_set)
{
	brief_buf fast = BRIEF_BUF_INIT, small = BRIEF_BUF_INIT;
	brief_pdf_deflate_level = 1;
	render(&fast);
	brief_pdf_deflate_level = 9;
	render(&small);
	brief_pdf_deflate_level = BRIEF_PDF_DEFLATE_LEVEL;
	cr_assert_lt(small.len + 2048, fast.len, "level 9: %zu bytes, level 1: %zu", small.len,
		     fast.len);
	char path[64];
	snprintf(path, sizeof path, "/tmp/brief-pass-%d.pdf", getpid());
	FILE *f = fopen(path, "wb");
	cr_assert(f && fwrite(small.data, 1, small.len, f) == small.len);
	fclose(f);
	cr_assert_eq(brief_test_sh("qpdf --check %s >/dev/null && pdftotext %s - | grep -q 钱塘区",
				   path, path), 0, "level 9's PDF does not read back");
	unlink(path);
	brief_buf_free(&fast);
	brief_buf_free(&small);
}
