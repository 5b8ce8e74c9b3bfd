/*
 * fetch.c - many URLs with one libcurl multi handle: at most `jobs`
 * transfers at once, one at a time per host with a pause between them
 * (a news site is not to be hammered), redirects followed to a limit,
 * bodies capped while they arrive, results handed on in input order.
 */
#include "fetch/fetch.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/buf.h"

typedef struct host {
	char *name;
	bool busy;
	long long ready_ms;     /* no request before this (monotonic) */
} host;

typedef struct xfer {
	const char *url;
	CURL *h;
	host *host;
	brief_buf body;
	size_t max;
	char status[96];        /* "404 Not Found", of the last response */
	char curl_err[CURL_ERROR_SIZE];
	char *error, *final_url, *ctype, *charset;
	bool started, done, oversize, refused;
} xfer;

typedef struct fetch {
	const brief_fetch_opts *o;
	CURLM *m;
	xfer *x;
	size_t n, next_start, next_out;
	host *hosts;
	size_t nhosts;
	int active;
} fetch;

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* "text/html; charset=GBK" -> media type "text/html" and "GBK". */
static void parse_ctype(xfer *x, const char *ct)
{
	size_t n = strcspn(ct, "; \t");
	free(x->ctype);
	free(x->charset);
	x->charset = NULL;
	if ((x->ctype = strndup(ct, n)))
		for (char *p = x->ctype; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	for (const char *p = ct + n; (p = strchr(p, ';'));) {
		while (*++p == ' ' || *p == '\t')
			;
		if (strncasecmp(p, "charset=", 8))
			continue;
		p += 8;
		p += *p == '"';
		size_t k = strcspn(p, "\"; \t");
		if (k)
			x->charset = strndup(p, k);
		break;
	}
}

/* Pages only: HTML and plain text (and no type at all, left to the
 * decoder's sniffing). A PDF or an image is refused before its body. */
static bool page_type(const char *t)
{
	return !t || !strcmp(t, "text/html") || !strcmp(t, "text/plain") ||
	       !strcmp(t, "application/xhtml+xml");
}

static size_t on_header(char *p, size_t sz, size_t n, void *user)
{
	xfer *x = user;
	size_t len = sz * n;
	if (len > 5 && !strncmp(p, "HTTP/", 5)) {
		const char *code = memchr(p, ' ', len);
		size_t k = code ? len - (size_t)(code + 1 - p) : 0;
		while (k && (code[k] == '\r' || code[k] == '\n' || code[k] == ' '))
			k--;
		snprintf(x->status, sizeof x->status, "%.*s", (int)k,
			 code ? code + 1 : "");
	}
	return len;
}

static size_t on_body(char *p, size_t sz, size_t n, void *user)
{
	xfer *x = user;
	size_t len = sz * n;
	long code = 0;
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
	if (code >= 300)
		return len;     /* an error page: only its status matters */
	if (x->body.len == 0) {
		char *ct = NULL;
		curl_easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ct);
		if (ct)
			parse_ctype(x, ct);
		if (!page_type(x->ctype)) {
			x->refused = true;
			return 0;       /* aborts: CURLE_WRITE_ERROR */
		}
	}
	if (x->body.len + len > x->max) {
		x->oversize = true;
		return 0;
	}
	brief_buf_put(&x->body, p, len);
	return brief_buf_ok(&x->body) ? len : 0;
}

static host *host_of(fetch *f, const char *url)
{
	CURLU *u = curl_url();
	char *name = NULL;
	host *h = NULL;
	if (!u || curl_url_set(u, CURLUPART_URL, url, 0) ||
	    curl_url_get(u, CURLUPART_HOST, &name, 0))
		goto out;
	for (size_t i = 0; i < f->nhosts && !h; i++)
		if (!strcmp(f->hosts[i].name, name))
			h = &f->hosts[i];
	if (!h && (h = &f->hosts[f->nhosts])->name == NULL) {
		if ((h->name = strdup(name)))
			f->nhosts++;
		else
			h = NULL;
	}
out:
	curl_free(name);
	curl_url_cleanup(u);
	return h;
}

static CURL *easy_for(fetch *f, xfer *x)
{
	const brief_fetch_opts *o = f->o;
	CURL *h = curl_easy_init();
	if (!h)
		return NULL;
	curl_easy_setopt(h, CURLOPT_URL, x->url);
	curl_easy_setopt(h, CURLOPT_PRIVATE, x);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, (long)BRIEF_FETCH_MAX_REDIRECTS);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  /* all curl decodes */
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, o->connect_ms);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, o->total_ms);
	/* refused at once when Content-Length says so; on_body counts the rest */
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "brief/" BRIEF_VERSION " (regional-planning "
			 "briefings) libcurl/" LIBCURL_VERSION);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->curl_err);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
	return h;
}

static void fail(xfer *x, const char *fmt, const char *arg)
{
	size_t n = strlen(fmt) + (arg ? strlen(arg) : 0) + 1;
	if ((x->error = malloc(n)))
		snprintf(x->error, n, fmt, arg ? arg : "");
	x->done = true;
}

static void size_text(char *buf, size_t sz, size_t n)
{
	if (n % (1u << 20) == 0)
		snprintf(buf, sz, "%zu MiB", n >> 20);
	else
		snprintf(buf, sz, "%zu bytes", n);
}

/* The message of a transfer that ended: NULL when it brought a page. */
static void finish(fetch *f, xfer *x, CURLcode res)
{
	long code = 0;
	char lim[48], *eff = NULL;
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &eff);
	size_text(lim, sizeof lim, f->o->max_bytes);
	x->done = true;
	if (x->oversize || res == CURLE_FILESIZE_EXCEEDED)
		fail(x, "larger than the limit of %s", lim);
	else if (x->refused)
		fail(x, "not a page (Content-Type %s)", x->ctype);
	else if (res == CURLE_OPERATION_TIMEDOUT)
		fail(x, "timed out (%s)", x->curl_err);
	else if (res == CURLE_TOO_MANY_REDIRECTS)
		fail(x, "more than 5 redirects (a loop?)", NULL);
	else if (res != CURLE_OK)
		fail(x, "%s", *x->curl_err ? x->curl_err : curl_easy_strerror(res));
	else if (code < 200 || code >= 300)
		fail(x, "%s", *x->status ? x->status : "no HTTP status");
	else if (!(x->final_url = strdup(eff ? eff : x->url)))
		fail(x, "out of memory", NULL);
	if (x->error)
		brief_buf_free(&x->body);
}

static void start(fetch *f, xfer *x)
{
	x->started = true;
	x->max = f->o->max_bytes;
	if (!x->host) {
		fail(x, "not a URL brief can fetch", NULL);
		return;
	}
	if (!(x->h = easy_for(f, x)) || curl_multi_add_handle(f->m, x->h)) {
		fail(x, "cannot start the transfer", NULL);
		return;
	}
	x->host->busy = true;
	f->active++;
}

/* Starts what the limits allow, in input order; the wait (ms) until a
 * host's pause ends, when that is what holds a URL back. */
static long start_ready(fetch *f)
{
	long long now = now_ms(), wait = 1000;
	for (size_t i = f->next_start; i < f->n && f->active < f->o->jobs; i++) {
		xfer *x = &f->x[i];
		if (x->started)
			continue;
		if (!x->host)   /* parsed once: this loop runs every 100 ms */
			x->host = host_of(f, x->url);
		host *h = x->host;
		if (h && h->busy)
			continue;
		if (h && h->ready_ms > now) {
			if (h->ready_ms - now < wait)
				wait = h->ready_ms - now;
			continue;
		}
		start(f, x);
	}
	while (f->next_start < f->n && f->x[f->next_start].started)
		f->next_start++;
	return (long)wait;
}

/* The transfers that ended: their messages set, their hosts free. The
 * number of them. */
static int reap(fetch *f)
{
	CURLMsg *msg;
	int left, ended = 0;
	while ((msg = curl_multi_info_read(f->m, &left))) {
		xfer *x = NULL;
		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&x);
		finish(f, x, msg->data.result);
		curl_multi_remove_handle(f->m, x->h);
		x->host->busy = false;
		x->host->ready_ms = now_ms() + f->o->delay_ms;
		f->active--;
		ended++;
	}
	return ended;
}

static void release(xfer *x)
{
	if (x->h)
		curl_easy_cleanup(x->h);
	x->h = NULL;
	brief_buf_free(&x->body);
	free(x->error);
	free(x->final_url);
	free(x->ctype);
	free(x->charset);
	x->error = x->final_url = x->ctype = x->charset = NULL;
}

static void deliver(fetch *f, brief_fetch_fn fn, void *user)
{
	for (; f->next_out < f->n && f->x[f->next_out].done; f->next_out++) {
		xfer *x = &f->x[f->next_out];
		brief_fetched r = {
			.url = x->url, .final_url = x->final_url,
			.body = x->body.data ? x->body.data : "", .len = x->body.len,
			.content_type = x->ctype, .charset = x->charset,
			.error = x->error ? x->error : x->final_url ? NULL : "out of memory",
		};
		fn(user, &r);
		release(x);
	}
}

int brief_fetch_all(char *const *urls, size_t n, const brief_fetch_opts *o,
		    brief_fetch_fn fn, void *user, brief_diag *d)
{
	fetch f = { .o = o, .n = n };
	int rc = -1;
	if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
		brief_error(d, NULL, "cannot set up libcurl");
		return -1;
	}
	f.x = calloc(n + 1, sizeof *f.x);
	f.hosts = calloc(n + 1, sizeof *f.hosts);
	if (!f.x || !f.hosts || !(f.m = curl_multi_init())) {
		brief_error(d, NULL, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		f.x[i] = (xfer){ .url = urls[i], .body = BRIEF_BUF_INIT };
	while (f.next_out < n) {
		int running;
		long wait = start_ready(&f);
		curl_multi_perform(f.m, &running);
		int ended = reap(&f);
		deliver(&f, fn, user);
		/* a host just freed may take its next URL now, not after a wait */
		if (f.next_out < n && !ended)
			curl_multi_poll(f.m, NULL, 0, (int)(wait < 100 ? wait : 100), NULL);
	}
	rc = 0;
out:
	for (size_t i = 0; f.x && i < n; i++)
		release(&f.x[i]);
	for (size_t i = 0; f.hosts && i < f.nhosts; i++)
		free(f.hosts[i].name);
	free(f.hosts);
	free(f.x);
	if (f.m)
		curl_multi_cleanup(f.m);
	curl_global_cleanup();
	return rc;
}
