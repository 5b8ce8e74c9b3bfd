#include "mail/smtp.h"

#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct upload {
	const char *p;
	size_t left;
} upload;

static size_t read_cb(char *buf, size_t size, size_t n, void *user)
{
	upload *u = user;
	size_t want = size * n;
	if (want > u->left)
		want = u->left;
	memcpy(buf, u->p, want);
	u->p += want;
	u->left -= want;
	return want;
}

static struct curl_slist *recipients(const char *to, const char *cc)
{
	char addr[512];
	struct curl_slist *l = NULL, *t;
	snprintf(addr, sizeof addr, "<%s>", to);
	if (!(l = curl_slist_append(NULL, addr)))
		return NULL;
	if (cc) {
		snprintf(addr, sizeof addr, "<%s>", cc);
		if (!(t = curl_slist_append(l, addr))) {
			curl_slist_free_all(l);
			return NULL;
		}
		l = t;
	}
	return l;
}

static void set_credentials(CURL *c)
{
	const char *user = getenv("BRIEF_SMTP_USER");
	const char *pass = getenv("BRIEF_SMTP_PASSWORD");
	if (user && *user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, pass ? pass : "");
	} else {
		curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
	}
}

/* One attempt. *transient says whether trying again may help. */
static CURLcode send_once(const brief_smtp *s, struct curl_slist *rcpt,
			  const char *msg, size_t len, char *err,
			  bool *transient, long *code)
{
	char from[512];
	upload u = { msg, len };
	CURL *c = curl_easy_init();
	CURLcode rc;

	if (!c)
		return CURLE_OUT_OF_MEMORY;
	snprintf(from, sizeof from, "<%s>", s->from);
	curl_easy_setopt(c, CURLOPT_URL, s->url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	/* STARTTLS when the server offers it; smtps:// is TLS anyway. */
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	set_credentials(c);
	rc = curl_easy_perform(c);
	*code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, code);
	*transient = rc == CURLE_COULDNT_CONNECT || rc == CURLE_OPERATION_TIMEDOUT ||
		     rc == CURLE_SEND_ERROR || rc == CURLE_RECV_ERROR ||
		     rc == CURLE_GOT_NOTHING ||
		     (*code >= 400 && *code < 500);
	curl_easy_cleanup(c);
	return rc;
}

int brief_smtp_send(const brief_smtp *s, const char *to, const char *cc,
		    const char *msg, size_t len, brief_diag *d)
{
	static bool inited;
	struct curl_slist *rcpt;
	int tries = s->attempts > 0 ? s->attempts : 3;

	if (!inited) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		inited = true;
	}
	if (!(rcpt = recipients(to, cc))) {
		brief_error(d, to, "out of memory");
		return -1;
	}
	for (int i = 1; i <= tries; i++) {
		char err[CURL_ERROR_SIZE] = "";
		bool transient = false;
		long code = 0;
		CURLcode rc = send_once(s, rcpt, msg, len, err, &transient, &code);
		if (rc == CURLE_OK) {
			curl_slist_free_all(rcpt);
			return 0;
		}
		if (!transient || i == tries) {
			brief_error(d, to, "not sent (%s%s%s, server code %ld, try %d of %d)",
				    curl_easy_strerror(rc), *err ? ": " : "", err,
				    code, i, tries);
			break;
		}
		struct timespec pause = { i, 0 };   /* 1 s, 2 s, ... */
		nanosleep(&pause, NULL);
	}
	curl_slist_free_all(rcpt);
	return -1;
}
