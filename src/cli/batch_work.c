/*
 * batch_work.c - a worker process of `brief batch` (batch.h): renders the
 * jobs it takes, writes each file atomically, and answers the parent.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "cli/batch.h"
#include "cli/cli.h"
#include "render/json.h"
#include "render/render.h"
#include "util/fsutil.h"
#include "util/pdfpages.h"
#include "util/sha256.h"

typedef struct worker {
	const batch *b;
	brief_db *db;
	int fd;
	json_t *errors;         /* the current job's messages */
	brief_diag diag;        /* collects into errors */
} worker;

static void collect(void *user, brief_severity sev, const char *msg)
{
	worker *w = user;
	json_t *s;
	if (sev != BRIEF_ERR)
		return;
	/* jansson takes UTF-8 only; a message quoting bad bytes still counts */
	s = json_string(msg);
	json_array_append_new(w->errors, s ? s : json_string("(message not valid UTF-8)"));
}

static void discard(void *user, brief_severity sev, const char *msg)
{
}

static void answer(worker *w, json_t *msg)
{
	char *line = json_dumps(msg, JSON_COMPACT);
	size_t len = line ? strlen(line) : 0;
	json_decref(msg);
	if (!line)
		_exit(3);
	line[len++] = '\n';     /* json_dumps's NUL becomes the record end */
	for (const char *p = line; len;) {
		ssize_t k = write(w->fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			_exit(3);   /* the parent is gone */
		p += k;
		len -= (size_t)k;
	}
	free(line);
}

static void add_counts(json_int_t c[4], const brief_doc *d)
{
	c[0] += (json_int_t)d->targets.n;
	c[1] += (json_int_t)d->actuals.n;
	c[2] += (json_int_t)d->projects.n;
	c[3] += (json_int_t)d->clusters.n;
}

/* Checks, writes and describes one rendered file. A PDF that qpdf cannot
 * read is not written: better no file than a broken one. */
static int emit(worker *w, const brief_buf *out, const char *path,
		const char *fmt, json_t *files)
{
	int pages = 0;
	char sha[65];
	if (!strcmp(fmt, "pdf") && (pages = brief_pdf_pages(out->data, out->len)) < 1) {
		brief_error(&w->diag, path, "the rendered PDF does not parse (qpdf); not written");
		return -1;
	}
	if (brief_write_atomic(path, out->data, out->len, &w->diag))
		return -1;
	brief_sha256_hex(out->data, out->len, sha);
	json_array_append_new(files, json_pack("{s:s, s:s, s:I, s:i, s:s}", "format", fmt,
					       "file", path, "bytes", (json_int_t)out->len,
					       "pages", pages, "sha256", sha));
	return 0;
}

/* One format of a region's briefing (doc) or of the combined one (book). */
static int render_to(worker *w, const brief_doc *doc, const brief_book *book,
		     brief_format f, const char *base, json_t *files)
{
	brief_render_opts o = { .format = f, .epoch = w->b->epoch };
	const char *ext = f == BRIEF_FMT_PDF ? "pdf" : "tex";
	brief_buf out = BRIEF_BUF_INIT;
	char *path = brief_cli_out_path(w->b->out, w->b->year, base, ext);
	int rc = -1;

	if (!path)
		brief_error(&w->diag, base, "out of memory");
	else if (book ? (f == BRIEF_FMT_PDF ? brief_render_pdf_book(book, &o, &out, &w->diag)
					    : brief_render_tex_book(book, &o, &out, &w->diag))
		      : brief_render(doc, &o, &out, &w->diag))
		;       /* reported */
	else if (!brief_buf_ok(&out))
		brief_error(&w->diag, path, "out of memory");
	else
		rc = emit(w, &out, path, ext, files);
	free(path);
	brief_buf_free(&out);
	return rc;
}

static int render_formats(worker *w, const brief_doc *doc, const brief_book *book,
			  const char *base, json_t *files)
{
	int rc = 0;
	if (w->b->pdf && render_to(w, doc, book, BRIEF_FMT_PDF, base, files))
		rc = -1;
	if (w->b->tex && render_to(w, doc, book, BRIEF_FMT_TEX, base, files))
		rc = -1;
	return rc;
}

static bool region_job(worker *w, const batch_item *it, json_t *ans)
{
	brief_doc doc;
	json_int_t c[4] = { 0 };
	json_t *files = json_array();
	bool ok;

	if (brief_aggregate(w->db, it->code, w->b->year, &doc, &w->diag)) {
		json_decref(files);
		return false;
	}
	add_counts(c, &doc);
	ok = render_formats(w, &doc, NULL, it->base, files) == 0;
	json_object_set_new(ans, "counts", json_pack("[I, I, I, I]", c[0], c[1], c[2], c[3]));
	json_object_set_new(ans, "sources", brief_json_sources(&doc));
	json_object_set_new(ans, "files", files);
	brief_doc_free(&doc);
	return ok;
}

/* The combined briefing: every region that aggregates, in code order.
 * A region that does not is left out here and reported by its own job. */
static bool book_job(worker *w, json_t *ans)
{
	const batch *b = w->b;
	brief_doc *docs = calloc(b->n + 1, sizeof *docs);
	brief_diag quiet = { .sink = discard };
	json_int_t c[4] = { 0 };
	json_t *files = json_array();
	size_t n = 0;
	bool ok = false;

	for (size_t i = 0; docs && i < b->n; i++)
		if (brief_aggregate(w->db, b->v[i].code, b->year, &docs[n], &quiet) == 0)
			add_counts(c, &docs[n++]);
	if (!docs)
		brief_error(&w->diag, b->book.base, "out of memory");
	else if (!n)
		brief_error(&w->diag, b->book.base, "no region's briefing to combine");
	else if (brief_book_number_sources(docs, n))
		brief_error(&w->diag, b->book.base, "out of memory");
	else {
		brief_book book = { b->scope_name, b->year, docs, n };
		ok = render_formats(w, NULL, &book, b->book.base, files) == 0;
		ok &= batch_workbook(b, w->db, &book, files, &w->diag) == 0;
	}
	json_object_set_new(ans, "counts", json_pack("[I, I, I, I]", c[0], c[1], c[2], c[3]));
	json_object_set_new(ans, "regions", json_integer((json_int_t)n));
	json_object_set_new(ans, "files", files);
	for (size_t i = 0; i < n; i++)
		brief_doc_free(&docs[i]);
	free(docs);
	return ok;
}

static void run_job(worker *w, size_t job)
{
	json_t *ans = json_object();
	bool ok;
	answer(w, json_pack("{s:I}", "start", (json_int_t)job));
	w->errors = json_array();
	if (!w->db) {
		brief_error(&w->diag, w->b->db_path, "cannot open the database");
		ok = false;
	}
	else if (job == 0)
		ok = book_job(w, ans);
	else
		ok = region_job(w, &w->b->v[job - 1], ans);
	json_object_set_new(ans, "job", json_integer((json_int_t)job));
	json_object_set_new(ans, "ok", json_boolean(ok));
	json_object_set(ans, "errors", w->errors);
	json_decref(w->errors);
	answer(w, ans);
}

void batch_worker(const batch *b, atomic_size_t *next, int fd)
{
	pid_t parent = getppid();
	worker w = { .b = b, .fd = fd };
	size_t job;

	/* A killed batch takes its workers with it, so nothing renders on
	 * after a kill (and nothing is left half-written: brief_write_atomic). */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(1);
	w.diag.sink = collect;
	w.diag.user = &w;
	w.errors = json_array();        /* the open's messages, if any */
	/* its own connection: an SQLite handle must not cross a fork */
	w.db = brief_db_open(b->db_path, &w.diag);
	json_decref(w.errors);
	while ((job = atomic_fetch_add(next, 1)) <= b->n)
		run_job(&w, job);
	brief_db_close(w.db);
	_exit(0);
}
