/*
 * web.c - a fetched page -> brief_article (no libcurl here: brief links
 * it too, for the tests and for brief_is_url).
 */
#include "fetch/fetch.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"

brief_fetcher brief_ingest_fetcher;

bool brief_is_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

/* A declared charset -> the name brief decodes it with: the GB family
 * by its superset (as decode.c does for <meta>), Big5 with HKSCS; any
 * other name as iconv knows it; NULL when iconv does not. */
static const char *decoder_name(const char *cs)
{
	if (!strncasecmp(cs, "gb", 2))
		return "GB18030";
	if (!strncasecmp(cs, "big5", 4))
		return "BIG5-HKSCS";
	if (!strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8"))
		return "UTF-8";
	iconv_t cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	return cs;
}

/*
 * in (in charset `from`) -> UTF-8 behind a UTF-8 BOM, which makes
 * brief_decode take the bytes as UTF-8 and not look at <meta> (the
 * header wins over the page). Bytes that do not convert become U+FFFD,
 * counted in *invalid.
 */
static int convert(const char *in, size_t n, const char *from, brief_buf *out,
		   size_t *invalid)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char chunk[16384];
	if (cd == (iconv_t)-1)
		return -1;
	brief_buf_put(out, "\xEF\xBB\xBF", 3);
	char *ip = (char *)in;
	size_t il = n;
	while (il > 0) {
		char *op = chunk;
		size_t ol = sizeof chunk;
		size_t rc = iconv(cd, &ip, &il, &op, &ol);
		int e = errno;
		brief_buf_put(out, chunk, (size_t)(op - chunk));
		if (rc != (size_t)-1 || e == E2BIG)
			continue;
		brief_buf_put_cp(out, 0xFFFD);      /* EILSEQ, or EINVAL at the end */
		(*invalid)++;
		ip++;
		il--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return brief_buf_ok(out) ? 0 : -1;
}

/* The URL without its fragment, which names a place in the same page. */
static char *doc_path(const char *url)
{
	size_t n = strcspn(url, "#");
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, url, n);
		p[n] = '\0';
	}
	return p;
}

/* The last non-empty segment of the URL's path, else its host. */
static char *doc_name(const char *url)
{
	const char *s = strstr(url, "://");
	s = s ? s + 3 : url;
	size_t host = strcspn(s, "/?#");
	const char *path = s + host, *end = path + strcspn(path, "?#");
	while (end > path && end[-1] == '/')
		end--;
	const char *seg = end;
	while (seg > path && seg[-1] != '/')
		seg--;
	if (seg == end) {       /* no path: the host */
		seg = s;
		end = s + host;
	}
	return strndup(seg, (size_t)(end - seg));
}

static int set_identity(brief_article *a, const char *url, const char *enc)
{
	char *path = doc_path(url), *name = doc_name(url);
	char *e = enc ? strdup(enc) : NULL;
	if (!path || !name || (enc && !e)) {
		free(path);
		free(name);
		free(e);
		return -1;
	}
	free(a->path);
	free(a->name);
	a->path = path;
	a->name = name;
	if (e) {
		free(a->encoding);
		a->encoding = e;
	}
	return 0;
}

int brief_web_article(brief_ingester *ing, const brief_fetched *f,
		      brief_article *out, brief_diag *d)
{
	const char *enc = f->charset ? decoder_name(f->charset) : NULL;
	brief_buf conv = BRIEF_BUF_INIT;
	size_t invalid = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (f->charset && !enc)
		brief_warn(d, f->url, "unknown charset %s in Content-Type: detecting it",
			   f->charset);
	if (enc && convert(f->body, f->len, enc, &conv, &invalid)) {
		brief_error(d, f->url, "cannot decode (%s)", enc);
		brief_buf_free(&conv);
		return -1;
	}
	if (enc)
		rc = brief_ingest_bytes(ing, f->url, conv.data, conv.len, out, d);
	else
		rc = brief_ingest_bytes(ing, f->url, f->body, f->len, out, d);
	brief_buf_free(&conv);
	if (rc)
		return -1;
	if (enc)
		out->invalid_bytes = invalid;
	if (set_identity(out, f->url, enc)) {
		brief_error(d, f->url, "out of memory");
		brief_article_free(out);
		return -1;
	}
	return 0;
}

int brief_web_set_url(brief_db *db, long long id, brief_stored how, const char *asked,
		      const char *url)
{
	static const char sql[] =
		"UPDATE documents SET url = ?1 WHERE id = ?2"
		" AND (?3 OR url IS NULL OR path = ?4)";
	sqlite3_stmt *st = NULL;
	char *path = doc_path(asked);
	int rc = -1;
	if (path && sqlite3_prepare_v2(brief_db_handle(db), sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int(st, 3, how == BRIEF_STORED_NEW || how == BRIEF_STORED_REPLACED);
		sqlite3_bind_text(st, 4, path, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	free(path);
	return rc;
}
