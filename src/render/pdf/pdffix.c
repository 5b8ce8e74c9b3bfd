/* pdffix.c - the qpdf pass over libharu's output (see pdfout.h). */
#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "brief.h"
#include "render/format.h"
#include "render/pdf/pdfout.h"

/* code -> character for every font (their code ranges are apart);
 * runs where both go up by one are a bfrange, kept within one high
 * byte of the code; at most 100 entries a block. */
static void tounicode(const brief_fontset *fs, brief_buf *cm)
{
	BRIEF_BUF_PUTSL(cm, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		       "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	brief_buf block = BRIEF_BUF_INIT;
	size_t entries = 0;
	for (size_t i = 0; i < brief_fontset_count(fs); i++) {
		size_t n;
		uint32_t first;
		const uint32_t *cp = brief_fontset_chars(fs, (int)i, &n, &first);
		for (size_t k = 0; k < n;) {
			size_t e = k;
			while (e + 1 < n && cp[e + 1] == cp[e] + 1 && (cp[e + 1] >> 8) == (cp[k] >> 8) &&
			       ((first + e + 1) >> 8) == ((first + k) >> 8))
				e++;
			brief_buf_printf(&block, "<%04X> <%04X> <", first + (uint32_t)k,
					 first + (uint32_t)e);
			/* UTF-16BE: a character beyond the BMP is a surrogate pair */
			if (cp[k] > 0xFFFF)
				brief_buf_printf(&block, "%04X%04X", 0xD800 + ((cp[k] - 0x10000) >> 10),
						 0xDC00 + ((cp[k] - 0x10000) & 0x3FF));
			else
				brief_buf_printf(&block, "%04X", cp[k]);
			BRIEF_BUF_PUTSL(&block, ">\n");
			k = e + 1;
			if (++entries == 100) {
				brief_buf_printf(cm, "100 beginbfrange\n%sendbfrange\n", block.data);
				brief_buf_truncate(&block, 0);
				entries = 0;
			}
		}
	}
	if (entries)
		brief_buf_printf(cm, "%zu beginbfrange\n%sendbfrange\n", entries, block.data);
	BRIEF_BUF_PUTSL(cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	brief_buf_free(&block);
}

/* libharu writes a CIDToGIDMap for all 65,536 codes; brief's codes end
 * far below, and a map may stop at the last code used. */
static void shorten_map(qpdf_data q, qpdf_oh font, uint32_t end)
{
	qpdf_oh desc = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, font, "/DescendantFonts"), 0);
	qpdf_oh map = qpdf_oh_get_key(q, desc, "/CIDToGIDMap");
	unsigned char *data = NULL;
	size_t len = 0;
	if (!qpdf_oh_is_stream(q, map) ||
	    (qpdf_oh_get_stream_data(q, map, qpdf_dl_generalized, NULL, &data, &len) & QPDF_ERRORS) ||
	    len <= 2 * (size_t)end) {
		free(data);
		return;
	}
	qpdf_oh_replace_stream_data(q, map, data, 2 * (size_t)end, qpdf_oh_new_null(q),
				    qpdf_oh_new_null(q));
	free(data);
}

/* The fonts' code ranges are apart, so one map serves them all: the
 * first font's ToUnicode stream gets it and the others point there
 * (their own streams are then unreferenced and not written). */
static void fix_font(qpdf_data q, qpdf_oh font, const brief_buf *cm, uint32_t end,
		     qpdf_oh *shared)
{
	shorten_map(q, font, end);
	qpdf_oh tu = qpdf_oh_get_key(q, font, "/ToUnicode");
	if (!qpdf_oh_is_stream(q, tu))
		return;
	if (*shared) {
		qpdf_oh_replace_key(q, font, "/ToUnicode", *shared);
		return;
	}
	qpdf_oh_replace_stream_data(q, tu, (const unsigned char *)cm->data, cm->len,
				    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	*shared = tu;
}

/* Each font once: pages share their fonts, and the walk stops when every
 * font brief drew with has been seen (a combined briefing has thousands
 * of pages). */
static void fix_fonts(qpdf_data q, brief_fontset *fs)
{
	enum { MAX = 32 };
	brief_buf cm = BRIEF_BUF_INIT;
	int seen[MAX];
	size_t nseen = 0, want = 0;
	qpdf_oh shared = 0;
	uint32_t end = brief_fontset_code_end(fs);
	tounicode(fs, &cm);
	for (size_t i = 0; i < brief_fontset_count(fs); i++) {
		size_t n;
		uint32_t first;
		brief_fontset_chars(fs, (int)i, &n, &first);
		want += n > 0;
	}
	int pages = qpdf_get_num_pages(q);
	for (int p = 0; p < pages && nseen < want && brief_buf_ok(&cm); p++) {
		qpdf_oh fonts = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_page_n(q, (size_t)p),
								 "/Resources"), "/Font");
		if (!qpdf_oh_is_dictionary(q, fonts))
			continue;
		/* collect first: key iteration does not nest */
		qpdf_oh list[MAX];
		size_t n = 0;
		qpdf_oh_begin_dict_key_iter(q, fonts);
		while (qpdf_oh_dict_more_keys(q) && n < MAX)
			list[n++] = qpdf_oh_get_key(q, fonts, qpdf_oh_dict_next_key(q));
		for (size_t i = 0; i < n && nseen < MAX; i++) {
			int id = qpdf_oh_get_object_id(q, list[i]);
			bool dup = false;
			for (size_t k = 0; k < nseen; k++)
				dup |= seen[k] == id;
			if (dup)
				continue;
			seen[nseen++] = id;
			fix_font(q, list[i], &cm, end, &shared);
		}
	}
	brief_buf_free(&cm);
}

int brief_pdf_deflate_level = BRIEF_PDF_DEFLATE_LEVEL;

/*
 * Every stream deflated here, once, at brief_pdf_deflate_level: qpdf's
 * C API has no say in its own level (6), slower than needed for what it
 * saves (pdfout.h; make bench prints each level).
 * libharu wrote the streams uncompressed and qpdf then copies them.
 */
static int deflate_streams(qpdf_data q)
{
	int size = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Size"));
	for (int id = 1; id < size; id++) {
		qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
		unsigned char *data = NULL;
		size_t len = 0;
		if (!qpdf_oh_is_stream(q, o) || qpdf_oh_has_key(q, qpdf_oh_get_dict(q, o), "/Filter"))
			continue;
		/* a warning (libharu's /Length, say) still returns the data */
		if (qpdf_oh_get_stream_data(q, o, qpdf_dl_none, NULL, &data, &len) & QPDF_ERRORS) {
			free(data);
			continue;
		}
		uLongf n = compressBound(len);
		unsigned char *z = malloc(n);
		int rc = z ? compress2(z, &n, data, len, brief_pdf_deflate_level) : Z_MEM_ERROR;
		free(data);
		if (rc == Z_OK)
			qpdf_oh_replace_stream_data(q, o, z, n, qpdf_oh_new_name(q, "/FlateDecode"),
						    qpdf_oh_new_null(q));
		free(z);
		if (rc != Z_OK)
			return -1;
	}
	return 0;
}

/* Outline items in creation order are a preorder walk of the tree. */
static void fix_titles(qpdf_data q, qpdf_oh item, const brief_layout *L, size_t *k)
{
	for (int guard = 0; qpdf_oh_is_dictionary(q, item) && guard < 100000; guard++) {
		if (*k < L->nmarks)
			qpdf_oh_replace_key(q, item, "/Title",
					    qpdf_oh_new_unicode_string(q, L->marks[(*k)++].title));
		fix_titles(q, qpdf_oh_get_key(q, item, "/First"), L, k);
		item = qpdf_oh_get_key(q, item, "/Next");
	}
}

static void set_str(qpdf_data q, qpdf_oh dict, const char *key, const char *s)
{
	if (s && *s)
		qpdf_oh_replace_key(q, dict, key, qpdf_oh_new_unicode_string(q, s));
}

static void fix_info(qpdf_data q, const brief_pdf_info *info)
{
	qpdf_oh trailer = qpdf_get_trailer(q);
	qpdf_oh dict = qpdf_oh_get_key(q, trailer, "/Info");
	if (!qpdf_oh_is_dictionary(q, dict)) {
		dict = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, trailer, "/Info", dict);
	}
	char date[32];
	brief_format_time(date, sizeof date, "D:%Y%m%d%H%M%SZ", info->epoch);
	set_str(q, dict, "/Title", info->title);
	set_str(q, dict, "/Subject", info->subject);
	set_str(q, dict, "/Keywords", info->keywords);
	set_str(q, dict, "/Creator", "brief " BRIEF_VERSION);
	set_str(q, dict, "/Producer", "brief " BRIEF_VERSION " (libharu, HarfBuzz, qpdf)");
	qpdf_oh_replace_key(q, dict, "/CreationDate", qpdf_oh_new_string(q, date));
	qpdf_oh_replace_key(q, dict, "/ModDate", qpdf_oh_new_string(q, date));
}

int brief_pdf_scratch(char *path, size_t size, brief_diag *d)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, size, "%s/brief-pdf-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0 || unlink(path)) {
		brief_error(d, path, "cannot make a scratch file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	snprintf(path, size, "/proc/self/fd/%d", fd);
	return fd;
}

/* The whole of fd's file appended to out. */
static int slurp(int fd, brief_buf *out, brief_diag *d)
{
	char chunk[1 << 16];
	if (lseek(fd, 0, SEEK_SET)) {
		brief_error(d, NULL, "cannot read the PDF back: %s", strerror(errno));
		return -1;
	}
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			brief_error(d, NULL, "cannot read the PDF back: %s", strerror(errno));
			return -1;
		}
		if (r == 0)
			return brief_buf_ok(out) ? 0 : -1;
		brief_buf_put(out, chunk, (size_t)r);
	}
}

/* From and to memory (pdf, len), or from and to files (path, to). */
static int fixup(qpdf_data q, const char *path, const char *pdf, size_t len,
		 brief_fontset *fs, const brief_layout *L, const brief_pdf_info *info,
		 const char *to)
{
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if ((path ? qpdf_read(q, path, NULL)
		  : qpdf_read_memory(q, "briefing.pdf", pdf, (unsigned long long)len, NULL)) &
	    QPDF_ERRORS)
		return -1;
	fix_fonts(q, fs);
	size_t k = 0;
	fix_titles(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/Outlines"),
				      "/First"), L, &k);
	fix_info(q, info);
	if (deflate_streams(q) ||
	    ((to ? qpdf_init_write(q, to) : qpdf_init_write_memory(q)) & QPDF_ERRORS))
		return -1;
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	/* streams as deflate_streams left them, neither decoded nor again */
	qpdf_set_compress_streams(q, QPDF_FALSE);
	qpdf_set_decode_level(q, qpdf_dl_none);
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	return qpdf_write(q) & QPDF_ERRORS ? -1 : 0;
}

/* From a file, qpdf writes to a file too: the result is then in memory
 * once (out), not also in qpdf's buffer. */
int brief_pdf_fixup(const char *path, const char *pdf, size_t len, brief_fontset *fs,
		    const brief_layout *L, const brief_pdf_info *info,
		    brief_buf *out, brief_diag *d)
{
	char to[64];
	int fd = -1, rc = -1;
	if (path && (fd = brief_pdf_scratch(to, sizeof to, d)) < 0)
		return -1;
	qpdf_data q = qpdf_init();
	if (fixup(q, path, pdf, len, fs, L, info, path ? to : NULL) && !qpdf_has_error(q))
		brief_error(d, NULL, "qpdf: out of memory");
	else if (!qpdf_has_error(q))
		rc = 0;
	if (qpdf_has_error(q))
		brief_error(d, NULL, "qpdf: %s", qpdf_get_error_full_text(q, qpdf_get_error(q)));
	if (rc == 0 && !path) {
		brief_buf_put(out, qpdf_get_buffer(q), qpdf_get_buffer_length(q));
		rc = brief_buf_ok(out) ? 0 : -1;
	}
	qpdf_cleanup(&q);
	if (rc == 0 && path)
		rc = slurp(fd, out, d);
	if (fd >= 0)
		close(fd);
	return rc;
}
