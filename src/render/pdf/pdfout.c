#define _GNU_SOURCE     /* memfd_create */
#include "render/pdf/pdfout.h"

#include <errno.h>
#include <sys/mman.h>

#include <hpdf.h>
#include <hpdf_pages.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "brief.h"
#include "util/utf8.h"

#define MAXFONTS 16
#define BOOK_PAGES 12

typedef struct out {
	HPDF_Doc pdf;
	HPDF_Font font[MAXFONTS];
	int fd[MAXFONTS];       /* subset font files, already unlinked */
	HPDF_Page *pages;
	HPDF_STATUS err, detail;
	brief_diag *d;
	const brief_fontset *fonts;
	brief_buf codes;        /* scratch for recode() */
} out;

static void on_error(HPDF_STATUS err, HPDF_STATUS detail, void *user)
{
	out *o = user;
	if (!o->err) {
		o->err = err;
		o->detail = detail;
	}
}

/*
 * libharu reads a TrueType font from a path, at load time and again
 * when saving; an unlinked temporary file reached through /proc/self/fd
 * serves both and can never be left behind.
 */
static int load_font(out *o, brief_fontset *fs, int i)
{
	size_t n, len;
	uint32_t first;
	const uint32_t *chars = brief_fontset_chars(fs, i, &n, &first);
	char *sub;
	if (!n)
		return 0;       /* in the chain but never needed */
	if (brief_font_subset_coded(brief_fontset_font(fs, i), chars, n, first, &sub, &len, o->d))
		return -1;
	const char *dir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/brief-font-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	bool ok = fd >= 0 && unlink(path) == 0 && write(fd, sub, len) == (ssize_t)len;
	free(sub);
	if (!ok) {
		brief_error(o->d, path, "cannot write a font subset");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	o->fd[i] = fd;
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	const char *name = HPDF_LoadTTFontFromFile(o->pdf, path, HPDF_TRUE);
	o->font[i] = name ? HPDF_GetFont(o->pdf, name, "UTF-8") : NULL;
	return o->font[i] ? 0 : -1;
}

/* A run's characters as the codes its font was given, UTF-8 encoded
 * as libharu's UTF-8 encoder expects. */
static void recode(const brief_fontset *fs, const brief_box *b, brief_buf *codes)
{
	size_t len = strlen(b->text), i = 0;
	brief_buf_truncate(codes, 0);
	while (i < len)
		brief_buf_put_cp(codes, brief_fontset_code(fs, b->font,
							   brief_utf8_next(b->text, len, &i)));
}

static void draw_text(HPDF_Page pg, out *o, const brief_box *b)
{
	recode(o->fonts, b, &o->codes);
	if (!brief_buf_ok(&o->codes))
		return;
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetFontAndSize(pg, o->font[b->font], b->h);
	HPDF_Page_SetRGBFill(pg, b->color.r, b->color.g, b->color.b);
	HPDF_Page_SetCharSpace(pg, b->charspace);
	HPDF_Page_TextOut(pg, b->x, b->y, o->codes.data);
	HPDF_Page_EndText(pg);
}

/*
 * A marked-content span whose ActualText is b's text, as UTF-16BE.
 * libharu 2.3.0 has no call for marked content ("BDC --not implemented
 * yet" in hpdf.h): the operators go straight into the page's content
 * stream, between text objects, where the page is in its description
 * mode as libharu expects.
 */
static void draw_span(HPDF_Page pg, const brief_box *b, brief_buf *hex)
{
	HPDF_Stream st = ((HPDF_PageAttr)pg->attr)->stream;
	if (b->kind == BRIEF_BOX_SPAN_END) {
		HPDF_Stream_WriteStr(st, "EMC\n");
		return;
	}
	size_t len = strlen(b->text), i = 0;
	brief_buf_truncate(hex, 0);
	BRIEF_BUF_PUTSL(hex, "/Span <</ActualText <FEFF");
	while (i < len) {
		uint32_t cp = brief_utf8_next(b->text, len, &i);
		if (cp > 0xFFFF)
			brief_buf_printf(hex, "%04X%04X", 0xD800 + ((cp - 0x10000) >> 10),
					 0xDC00 + ((cp - 0x10000) & 0x3FF));
		else
			brief_buf_printf(hex, "%04X", cp);
	}
	BRIEF_BUF_PUTSL(hex, ">>> BDC\n");
	if (brief_buf_ok(hex))
		HPDF_Stream_WriteStr(st, hex->data);
}

static void no_border(HPDF_Annotation a)
{
	if (a)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

static void draw_box(out *o, HPDF_Page pg, const brief_box *b)
{
	HPDF_Rect r = { b->x, b->y, b->x + b->w, b->y + b->h };
	switch (b->kind) {
	case BRIEF_BOX_TEXT:
		draw_text(pg, o, b);
		break;
	case BRIEF_BOX_RECT:
		if (b->fill) {
			HPDF_Page_SetRGBFill(pg, b->color.r, b->color.g, b->color.b);
			HPDF_Page_Rectangle(pg, b->x, b->y, b->w, b->h);
			HPDF_Page_Fill(pg);
			break;
		}
		HPDF_Page_SetRGBStroke(pg, b->color.r, b->color.g, b->color.b);
		HPDF_Page_SetLineWidth(pg, b->stroke);
		HPDF_Page_Rectangle(pg, b->x, b->y, b->w, b->h);
		HPDF_Page_Stroke(pg);
		break;
	case BRIEF_BOX_LINE:
		HPDF_Page_SetRGBStroke(pg, b->color.r, b->color.g, b->color.b);
		HPDF_Page_SetLineWidth(pg, b->stroke);
		HPDF_Page_MoveTo(pg, b->x, b->y);
		HPDF_Page_LineTo(pg, b->x + b->w, b->y + b->h);
		HPDF_Page_Stroke(pg);
		break;
	case BRIEF_BOX_URI:
		no_border(HPDF_Page_CreateURILinkAnnot(pg, r, b->text));
		break;
	case BRIEF_BOX_SPAN:
	case BRIEF_BOX_SPAN_END:
		draw_span(pg, b, &o->codes);
		break;
	case BRIEF_BOX_GOTO: {
		HPDF_Destination dst = HPDF_Page_CreateDestination(o->pages[b->target]);
		no_border(dst ? HPDF_Page_CreateLinkAnnot(pg, r, dst) : NULL);
		break;
	}
	}
}

/* Bookmarks with placeholder titles "m<N>": the qpdf pass puts in the
 * real (Unicode) ones, in the same order. */
static void outline(out *o, const brief_layout *L)
{
	HPDF_Outline parent[8] = { 0 };
	for (size_t i = 0; i < L->nmarks; i++) {
		const brief_mark *m = &L->marks[i];
		int lv = m->level < 0 ? 0 : m->level > 6 ? 6 : m->level;
		char name[32];
		snprintf(name, sizeof name, "m%zu", i);
		HPDF_Outline ol = HPDF_CreateOutline(o->pdf, lv ? parent[lv - 1] : NULL, name, NULL);
		HPDF_Destination dst = HPDF_Page_CreateDestination(o->pages[m->page]);
		if (!ol || !dst)
			return;
		HPDF_Destination_SetFitH(dst, m->y + 4);
		HPDF_Outline_SetDestination(ol, dst);
		HPDF_Outline_SetOpened(ol, lv == 0);
		parent[lv] = ol;
		for (int k = lv + 1; k < 8; k++)
			parent[k] = NULL;
	}
}

static int draw(out *o, brief_layout *L)
{
	if (brief_fontset_assign_codes(L->fonts)) {
		brief_error(o->d, NULL, "too many distinct characters for one PDF");
		return -1;
	}
	for (size_t i = 0; i < brief_fontset_count(L->fonts); i++)
		if (load_font(o, L->fonts, (int)i))
			return -1;
	o->pages = calloc(L->npages ? L->npages : 1, sizeof *o->pages);
	if (!o->pages)
		return -1;
	for (size_t p = 0; p < L->npages; p++) {
		o->pages[p] = HPDF_AddPage(o->pdf);
		HPDF_Page_SetWidth(o->pages[p], L->st->page_w);
		HPDF_Page_SetHeight(o->pages[p], L->st->page_h);
	}
	for (size_t p = 0; p < L->npages && !o->err; p++)
		for (size_t i = 0; i < L->pages[p].n; i++)
			draw_box(o, o->pages[p], &L->pages[p].v[i]);
	outline(o, L);
	if (L->nmarks)
		HPDF_SetPageMode(o->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	return o->err ? -1 : 0;
}

/* The whole of the file behind fd, from its start, appended to dst. */
static int slurp_fd(int fd, brief_buf *dst)
{
	char chunk[1 << 16];
	off_t at = 0;
	for (;;) {
		ssize_t r = pread(fd, chunk, sizeof chunk, at);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			return brief_buf_ok(dst) ? 0 : -1;
		brief_buf_put(dst, chunk, (size_t)r);
		at += r;
	}
}

/*
 * A briefing goes to memory: the qpdf pass reads it fastest from there
 * (from a file, qpdf seeks for every object). libharu writes it to an
 * anonymous memory file (memfd), read back in one piece: its own memory
 * stream copies byte by byte, in 4 KB blocks, on the way in and out
 * again (14 M instructions of a 3-page briefing; fwrite: a few syscalls).
 * A combined briefing of more than BOOK_PAGES pages goes to a scratch
 * file, and libharu lets go of its document before the pass reads the
 * file: in memory it would be there three times (575 MB for every
 * county; 271 MB this way).
 */
static int save(out *o, const char *path, brief_buf *pdf)
{
	if (path) {
		HPDF_STATUS st = HPDF_SaveToFile(o->pdf, path);
		HPDF_Free(o->pdf);
		o->pdf = NULL;
		return st == HPDF_OK ? 0 : -1;
	}
	char mpath[64];
	int fd = memfd_create("brief-pdf", MFD_CLOEXEC);
	if (fd < 0)
		fd = brief_pdf_scratch(mpath, sizeof mpath, o->d);
	if (fd < 0)
		return -1;
	snprintf(mpath, sizeof mpath, "/proc/self/fd/%d", fd);
	HPDF_STATUS st = HPDF_SaveToFile(o->pdf, mpath);
	HPDF_Free(o->pdf);
	o->pdf = NULL;
	int rc = st == HPDF_OK ? slurp_fd(fd, pdf) : -1;
	close(fd);
	return rc;
}

int brief_pdf_write(brief_layout *L, const brief_pdf_info *info,
		    brief_buf *dst, brief_diag *d)
{
	out o = { .d = d, .fonts = L->fonts };
	brief_buf raw = BRIEF_BUF_INIT;
	char path[64];
	bool big = L->npages > BOOK_PAGES;
	int rc = -1, fd = big ? brief_pdf_scratch(path, sizeof path, d) : -1;
	for (int i = 0; i < MAXFONTS; i++)
		o.fd[i] = -1;
	if ((big && fd < 0) || !(o.pdf = HPDF_New(on_error, &o)))
		goto out;
	/* streams go out uncompressed: the qpdf pass compresses each once */
	HPDF_SetCompressionMode(o.pdf, HPDF_COMP_NONE);
	HPDF_UseUTFEncodings(o.pdf);
	if (draw(&o, L) == 0 && save(&o, big ? path : NULL, &raw) == 0)
		rc = brief_pdf_fixup(big ? path : NULL, raw.data, raw.len, L->fonts, L, info, dst, d);
out:
	if (o.err)
		brief_error(d, NULL, "libharu error 0x%04X (detail %u)", (unsigned)o.err,
			    (unsigned)o.detail);
	else if (rc && !d->nerrors)
		brief_error(d, NULL, "cannot write the PDF (out of memory)");
	if (o.pdf)
		HPDF_Free(o.pdf);
	for (int i = 0; i < MAXFONTS; i++)
		if (o.fd[i] >= 0)
			close(o.fd[i]);
	if (fd >= 0)
		close(fd);
	free(o.pages);
	brief_buf_free(&o.codes);
	brief_buf_free(&raw);
	return rc;
}
