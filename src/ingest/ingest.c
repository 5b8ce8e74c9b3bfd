/*
 * ingest.c - one file -> one brief_article:
 * read -> decode -> (html) -> script (t2s) -> clean, meta -> sentences, garbles.
 */
#include "ingest/ingest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/clean.h"
#include "ingest/decode.h"
#include "ingest/html.h"
#include "ingest/meta.h"
#include "ingest/script.h"
#include "ingest/sentence.h"
#include "util/sha256.h"

struct brief_ingester {
	brief_cleaner *cleaner;
	brief_t2s *t2s;
};

brief_ingester *brief_ingester_new(brief_diag *d)
{
	char why[256] = "";
	brief_ingester *ing = calloc(1, sizeof *ing);

	if (!ing || !(ing->cleaner = brief_cleaner_new())) {
		brief_error(d, NULL, "cannot set up the text cleaner");
		goto fail;
	}
	if (!(ing->t2s = brief_t2s_new(why, sizeof why))) {
		brief_error(d, NULL, "%s", why);
		goto fail;
	}
	return ing;
fail:
	brief_ingester_free(ing);
	return NULL;
}

void brief_ingester_free(brief_ingester *ing)
{
	if (!ing)
		return;
	brief_cleaner_free(ing->cleaner);
	brief_t2s_free(ing->t2s);
	free(ing);
}

static bool html_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (strcasecmp(dot, ".html") == 0 ||
		       strcasecmp(dot, ".htm") == 0);
}

/*
 * Script first: a Traditional text is converted as a whole, once, and the
 * cleaner takes its line decisions on the Simplified copy. Metadata are
 * read from the Simplified text before cleaning (dates and sources sit in
 * the lines cleaning removes).
 */
static int analyse(brief_ingester *ing, const char *body, size_t len,
		   const brief_html *page, const char *raw, size_t raw_len, brief_article *a)
{
	char *simp = NULL;
	size_t simp_len = 0;
	brief_cleaned cl;
	brief_meta m;
	int rc = -1;

	a->script = brief_script_detect(body, len);
	if (a->script == BRIEF_SCRIPT_TRADITIONAL &&
	    !(simp = brief_t2s_convert(ing->t2s, body, len, &simp_len)))
		return -1;
	if (brief_clean(ing->cleaner, body, len, simp, simp_len, &cl))
		goto out;
	a->clean_orig = cl.orig;
	a->clean_orig_len = cl.orig_len;
	a->text = cl.simp;
	a->text_len = cl.simp_len;
	if (page && page->page) {
		/* a page's dateline sits outside its story */
		char *p = a->script == BRIEF_SCRIPT_TRADITIONAL
				  ? brief_t2s_convert(ing->t2s, page->page, page->page_len, NULL)
				  : NULL;
		rc = brief_meta_extract(p ? p : page->page,
					p ? strlen(p) : page->page_len, &m);
		free(p);
	} else {
		rc = brief_meta_extract(simp ? simp : body, simp ? simp_len : len, &m);
	}
	if (!rc && page)        /* <link rel=canonical>, og:url, og:title */
		rc = brief_meta_page(raw, raw_len, &m);
	if (rc) {
		brief_meta_free(&m);
		goto out;
	}
	rc = -1;
	a->published = m.published;
	a->source = m.source;
	a->title = m.title;
	a->url = m.url;
	const char *head = m.page_title ? m.page_title : page ? page->title : NULL;
	if (head) {     /* the page's own headline: og:title, <title>, <h1> */
		free(a->title);
		a->title = a->script == BRIEF_SCRIPT_TRADITIONAL
				   ? brief_t2s_convert(ing->t2s, head, strlen(head), NULL)
				   : strdup(head);
	}
	free(m.page_title);
	if (a->title) {         /* read from the raw text: its marks as the text's */
		char *t = brief_clean_marks(a->title);
		if (!t)
			goto out;
		free(a->title);
		a->title = t;
	}
	a->nsents = brief_split_sentences(a->text, a->text_len, &a->sents);
	if (a->nsents == (size_t)-1) {
		a->nsents = 0;
		goto out;
	}
	a->ngarbles = brief_find_garbles(a->text, a->text_len, &a->garbles);
	rc = 0;
out:
	free(simp);
	return rc;
}

static int set_names(brief_article *a, const char *name)
{
	const char *base = strrchr(name, '/');
	a->path = strdup(name);
	a->name = strdup(base ? base + 1 : name);
	return a->path && a->name ? 0 : -1;
}

int brief_ingest_bytes(brief_ingester *ing, const char *name,
		       const char *bytes, size_t n, brief_article *out,
		       brief_diag *d)
{
	brief_decoded dec = { 0 };
	brief_html page = { 0 };
	char why[256] = "";
	const char *body;
	size_t body_len;

	memset(out, 0, sizeof *out);
	if (n == 0) {
		brief_error(d, name, "empty file");
		return -1;
	}
	if (brief_decode(bytes, n, html_name(name), &dec, why, sizeof why)) {
		brief_error(d, name, "%s", why);
		return -1;
	}
	out->html = dec.html;
	if (dec.html && brief_html_extract(dec.text, dec.len, &page)) {
		brief_error(d, name, "cannot parse the HTML");
		goto fail;
	}
	if (page.cut)
		brief_warn(d, name, "the HTML parser stopped before the end of "
			   "the page: the text after that point is lost");
	body = dec.html ? page.text : dec.text;
	body_len = dec.html ? page.len : dec.len;
	if (set_names(out, name) || !(out->encoding = strdup(dec.encoding)))
		goto oom;
	out->invalid_bytes = dec.invalid_bytes;
	brief_sha256_hex(dec.text, dec.len, out->hash);
	if (analyse(ing, body, body_len, dec.html ? &page : NULL, dec.text, dec.len, out))
		goto oom;
	if (out->text_len == 0) {
		brief_error(d, name, "no article text in it (%s)", dec.encoding);
		goto fail;
	}
	out->original = dec.text;
	out->original_len = dec.len;
	brief_html_free(&page);
	return 0;
oom:
	brief_error(d, name, "out of memory");
fail:
	brief_decoded_free(&dec);
	brief_html_free(&page);
	brief_article_free(out);
	return -1;
}

/*
 * Opens `path` for reading if it is a regular file. O_NONBLOCK keeps the
 * open itself from waiting on a FIFO with no writer (or a device); fstat
 * then refuses anything but a regular file.
 */
static FILE *open_regular(const char *path, struct stat *st, brief_diag *d)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	FILE *f;
	if (fd < 0 || fstat(fd, st)) {
		brief_error(d, path, "cannot read: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st->st_mode)) {
		brief_error(d, path, "not a regular file");
		close(fd);
		return NULL;
	}
	if (!(f = fdopen(fd, "rb"))) {
		brief_error(d, path, "cannot read: %s", strerror(errno));
		close(fd);
	}
	return f;
}

static char *read_file(const char *path, size_t *n, brief_diag *d)
{
	struct stat st;
	FILE *f = open_regular(path, &st, d);
	char *buf = NULL;

	if (!f)
		return NULL;
	if ((unsigned long long)st.st_size > BRIEF_MAX_FILE) {
		brief_error(d, path, "file too large (%lld MiB; the limit is %u MiB)",
			    (long long)st.st_size >> 20, BRIEF_MAX_FILE >> 20);
		goto out;
	}
	if (!(buf = malloc((size_t)st.st_size + 1))) {
		brief_error(d, path, "out of memory");
		goto out;
	}
	*n = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		brief_error(d, path, "cannot read: %s", strerror(errno));
		free(buf);
		buf = NULL;
	}
out:
	if (f)
		fclose(f);
	return buf;
}

int brief_ingest_file(brief_ingester *ing, const char *path,
		      brief_article *out, brief_diag *d)
{
	size_t n = 0;
	char *bytes = read_file(path, &n, d);
	char *real;
	int rc;

	memset(out, 0, sizeof *out);
	if (!bytes)
		return -1;
	rc = brief_ingest_bytes(ing, path, bytes, n, out, d);
	free(bytes);
	/* The stored path is canonical so that the same file reached from
	 * another directory is recognised. */
	if (rc == 0 && (real = realpath(path, NULL))) {
		free(out->path);
		out->path = real;
	}
	return rc;
}
