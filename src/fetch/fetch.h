/*
 * fetch.h - pages from their URLs (brief ingest URL...).
 *
 * The transfer itself (fetch.c) is libcurl's and is linked into the
 * brief-fetch program only (src/fetch_main.c): `brief ingest` with URLs
 * re-runs itself as brief-fetch, the way `brief mail` runs brief-mail,
 * so that no other command loads libcurl and its libraries at start-up.
 * A helper program rather than dlopen: the lookup beside the executable
 * is already there (brief_cli_exec), and the linker, not hand-written
 * symbol tables, checks the calls. web.c (no libcurl) turns a fetched
 * body into an article.
 */
#ifndef BRIEF_FETCH_H
#define BRIEF_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "brief.h"
#include "ingest/ingest.h"
#include "store/db.h"
#include "util/diag.h"

typedef struct brief_fetch_opts {
	int jobs;               /* transfers at the same time (other hosts) */
	long connect_ms;        /* connect timeout */
	long total_ms;          /* whole transfer, redirects included */
	long delay_ms;          /* per host: from one response to the next request */
	size_t max_bytes;       /* body cap, decoded, enforced while downloading */
} brief_fetch_opts;

#define BRIEF_FETCH_DEFAULTS { 4, 15000, 60000, 1000, BRIEF_MAX_FILE }
#define BRIEF_FETCH_MAX_REDIRECTS 5

/* One URL's outcome. error NULL: body holds the page. */
typedef struct brief_fetched {
	const char *url;        /* as asked for */
	const char *final_url;  /* after redirects; NULL on error */
	const char *body;
	size_t len;
	const char *content_type;       /* the header's media type, lower case; may be NULL */
	const char *charset;    /* the header's charset parameter; may be NULL */
	const char *error;      /* "404 Not Found", "timed out ...", ... */
} brief_fetched;

typedef void (*brief_fetch_fn)(void *user, const brief_fetched *f);

/* Fetches urls[0..n), calling fn once per URL in the order given (a
 * later one that finishes first waits), so a run stores documents in
 * the same order whatever the timing. 0, or -1 when libcurl could not
 * be set up (reported through d). */
typedef int (*brief_fetcher)(char *const *urls, size_t n, const brief_fetch_opts *o,
			     brief_fetch_fn fn, void *user, brief_diag *d);
int brief_fetch_all(char *const *urls, size_t n, const brief_fetch_opts *o,
		    brief_fetch_fn fn, void *user, brief_diag *d);

/* Set by brief-fetch's main to brief_fetch_all; NULL in brief, whose
 * ingest then hands URLs to brief-fetch. */
extern brief_fetcher brief_ingest_fetcher;

/* Whether an operand of ingest is a URL (http:// or https://). */
bool brief_is_url(const char *s);

/*
 * A fetched page -> article: the charset of the Content-Type header
 * first (the body converted by it; <meta> is then not consulted), else
 * brief's own decoding (<meta>, then detection). The article's path is
 * the URL without its #fragment (unique, and the same on the next run,
 * so a changed page replaces its old version); its name the last part
 * of the URL's path, else the host. 0, or -1 after reporting.
 */
int brief_web_article(brief_ingester *ing, const brief_fetched *f,
		      brief_article *out, brief_diag *d);

/*
 * Records where document `id` (stored from URL `asked`) came from: `url`,
 * the address after redirects. The fetched URL is kept over a canonical
 * link the page may name: it is what the user asked for and what brief
 * read. A page found unchanged under another path (the same text
 * ingested from a file) gets the URL only when it has none. 0 or -1.
 */
int brief_web_set_url(brief_db *db, long long id, brief_stored how, const char *asked,
		      const char *url);

#endif
