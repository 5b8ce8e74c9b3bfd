/*
 * bench.c - in-process throughput of the pipeline's stages, printed as
 * figures (make bench). Not a test: nothing here passes or fails.
 *
 *   bench ingest ARTICLE...   decode+clean+t2s+sentences over a corpus made
 *                             from the articles until it reaches 20 MB,
 *                             each copy made distinct
 *   bench extract ARTICLE...  extraction alone over the same corpus
 *   bench pdf DB              every briefing rendered as PDF in-process
 *   bench levels DB REGION YEAR  one PDF at each deflate level: time, size
 *   bench exec N PROGRAM ARG...  median wall time of N whole runs
 *   bench book DB YEAR        the combined briefing of every region: time, size
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "extract/extract.h"
#include "render/pdf/pdfout.h"
#include "render/render.h"
#include "store/db.h"
#include "ingest/ingest.h"
#include "util/buf.h"

#define CORPUS_BYTES (20u << 20)

typedef struct blob {
	char *p;
	size_t n;
} blob;

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

static brief_diag diag = { .sink = silent };

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* This process's CPU time: less at the mercy of a loaded machine's
 * scheduling than wall time, for comparing variants in one run. */
static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static blob slurp(const char *path)
{
	blob b = { 0 };
	FILE *f = fopen(path, "rb");
	if (!f)
		return b;
	fseek(f, 0, SEEK_END);
	b.n = (size_t)ftell(f);
	rewind(f);
	b.p = malloc(b.n + 1);
	if (b.p && fread(b.p, 1, b.n, f) != b.n)
		b.n = 0;
	fclose(f);
	return b;
}

/* Copy i of an article, made distinct by a numbered first line. */
static blob variant(const blob *src, size_t i)
{
	brief_buf b = BRIEF_BUF_INIT;
	brief_buf_printf(&b, "第%zu期\n", i + 1);
	brief_buf_put(&b, src->p, src->n);
	blob out = { 0 };
	out.p = brief_buf_detach(&b, &out.n);
	return out;
}

static int run_ingest(blob *src, int nsrc, bool extract)
{
	brief_ingester *ing = brief_ingester_new(&diag);
	brief_gazetteer *g = brief_gazetteer_new();
	brief_extractor *x = g ? brief_extractor_new(g, &diag) : NULL;
	size_t in = 0, clean = 0, articles = 0;
	double t_ingest = 0, t_extract = 0;

	if (!ing || !x) {
		fprintf(stderr, "bench: cannot set up the pipeline\n");
		return 1;
	}
	for (size_t i = 0; in < CORPUS_BYTES; i++) {
		blob v = variant(&src[i % (size_t)nsrc], i);
		brief_article a;
		brief_facts facts = { 0 };
		double t0 = now();
		if (brief_ingest_bytes(ing, "bench.txt", v.p, v.n, &a, &diag) == 0) {
			double t1 = now();
			t_ingest += t1 - t0;
			if (extract) {
				brief_extract(x, &a, &facts);
				t_extract += now() - t1;
			}
			clean += a.text_len;
			articles++;
			brief_facts_free(&facts);
			brief_article_free(&a);
		}
		in += v.n;
		free(v.p);
	}
	printf("  ingest   %6.1f MB/s of input, %6.0f articles/s (%zu articles, %.1f MB)\n",
	       in / 1e6 / t_ingest, articles / t_ingest, articles, in / 1e6);
	if (extract)
		printf("  extract  %6.1f MB/s of clean text (%.1f MB)\n",
		       clean / 1e6 / t_extract, clean / 1e6);
	brief_extractor_free(x);
	brief_gazetteer_free(g);
	brief_ingester_free(ing);
	return 0;
}

/* Every region and year with targets, rendered as PDF in this process:
 * the per-briefing cost once fonts and the program are warm. */
static int run_pdf(const char *dbpath)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	sqlite3_stmt *st;
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 0 };
	if (!db || sqlite3_prepare_v2(brief_db_handle(db),
				      "SELECT DISTINCT region_code, year FROM facts WHERE type = 'target'"
				      " AND year IS NOT NULL ORDER BY 1, 2", -1, &st, NULL))
		return 1;
	size_t n = 0, bytes = 0;
	double t = 0;
	for (int round = 0; round < 5; round++) {
		sqlite3_reset(st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			brief_doc doc;
			brief_buf out = BRIEF_BUF_INIT;
			double t0 = now();
			if (brief_aggregate(db, (const char *)sqlite3_column_text(st, 0),
					    sqlite3_column_int(st, 1), &doc, &diag))
				continue;
			if (brief_render_pdf(&doc, &o, &out, &diag) == 0) {
				t += now() - t0;
				n++;
				bytes += out.len;
			}
			brief_doc_free(&doc);
			brief_buf_free(&out);
		}
	}
	sqlite3_finalize(st);
	brief_db_close(db);
	printf("  in one process: %.1f ms per briefing (%zu briefings), %.0f KB average\n",
	       t * 1e3 / (double)n, n, (double)bytes / (double)n / 1024);
	return 0;
}

/* The combined briefing of every region with targets for `year`, as
 * batch's worker renders it: CPU time of the render alone and size. */
static int run_book(const char *dbpath, int year)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	sqlite3_stmt *st;
	if (!db || sqlite3_prepare_v2(brief_db_handle(db),
				      "SELECT DISTINCT region_code FROM facts WHERE type = 'target'"
				      " AND year = ? ORDER BY 1", -1, &st, NULL))
		return 1;
	sqlite3_bind_int(st, 1, year);
	size_t n = 0, cap = 0;
	brief_doc *docs = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap && !(docs = realloc(docs, (cap = cap ? 2 * cap : 256) * sizeof *docs)))
			return 1;
		if (brief_aggregate(db, (const char *)sqlite3_column_text(st, 0), year, &docs[n],
				    &diag) == 0)
			n++;
	}
	sqlite3_finalize(st);
	brief_book b = { NULL, year, docs, n };
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 0 };
	brief_buf out = BRIEF_BUF_INIT;
	double t0 = cpu_now(), w0 = now();
	int rc = brief_render_pdf_book(&b, &o, &out, &diag);
	printf("  combined briefing of %zu regions: %.2f s CPU, %.2f s wall, %.1f MB\n", n,
	       cpu_now() - t0, now() - w0, (double)out.len / 1048576);
	brief_buf_free(&out);
	for (size_t i = 0; i < n; i++)
		brief_doc_free(&docs[i]);
	free(docs);
	brief_db_close(db);
	return rc ? 1 : 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* One region's PDF at every deflate level of the qpdf pass: median
 * CPU time of a whole render in this process, and the size, to choose
 * BRIEF_PDF_DEFLATE_LEVEL by. */
static int run_levels(const char *dbpath, const char *region, int year)
{
	brief_db *db = brief_db_open(dbpath, &diag);
	brief_doc doc;
	brief_render_opts o = { .format = BRIEF_FMT_PDF, .epoch = 0 };
	if (!db || brief_aggregate(db, region, year, &doc, &diag))
		return 1;
	brief_buf warm = BRIEF_BUF_INIT;       /* fonts opened, caches filled */
	if (brief_render_pdf(&doc, &o, &warm, &diag))
		return 1;
	brief_buf_free(&warm);
	for (int level = 1; level <= 9; level++) {
		double t[21];
		size_t size = 0;
		brief_pdf_deflate_level = level;
		for (int i = 0; i < 21; i++) {
			brief_buf out = BRIEF_BUF_INIT;
			double t0 = cpu_now();
			if (brief_render_pdf(&doc, &o, &out, &diag))
				return 1;
			t[i] = cpu_now() - t0;
			size = out.len;
			brief_buf_free(&out);
		}
		qsort(t, 21, sizeof *t, cmp_double);
		printf("  level %d%s  %6.2f ms CPU  %6.1f KB\n", level,
		       level == BRIEF_PDF_DEFLATE_LEVEL ? " (used)" : "       ", t[10] * 1e3,
		       (double)size / 1024);
	}
	brief_pdf_deflate_level = BRIEF_PDF_DEFLATE_LEVEL;
	brief_doc_free(&doc);
	brief_db_close(db);
	return 0;
}

/* The median wall time of `runs` runs of argv as a whole process, timed
 * here around fork and wait so that no shell or date(1) is counted. */
static int run_exec(int runs, char **argv)
{
	double t[101];
	if (runs < 1 || runs > 101)
		return 2;
	for (int i = 0; i < runs; i++) {
		double t0 = now();
		pid_t pid = fork();
		if (pid == 0) {
			if (!freopen("/dev/null", "w", stdout))
				_exit(127);
			execv(argv[0], argv);
			_exit(127);
		}
		int status;
		if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status)) {
			fprintf(stderr, "bench: %s failed\n", argv[0]);
			return 1;
		}
		t[i] = now() - t0;
	}
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	printf("%.1f\n", t[runs / 2] * 1e3);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 3 && !strcmp(argv[1], "exec"))
		return run_exec(atoi(argv[2]), argv + 3);
	if (argc == 3 && !strcmp(argv[1], "pdf"))
		return run_pdf(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "book"))
		return run_book(argv[2], atoi(argv[3]));
	if (argc == 5 && !strcmp(argv[1], "levels"))
		return run_levels(argv[2], argv[3], atoi(argv[4]));
	if (argc < 3) {
		fprintf(stderr, "usage: bench ingest|extract ARTICLE...\n       bench pdf DB\n"
				"       bench levels DB REGION YEAR\n       bench book DB YEAR\n");
		return 2;
	}
	int n = argc - 2, rc;
	blob *src = calloc((size_t)n, sizeof *src);
	for (int i = 0; i < n; i++)
		if (!(src[i] = slurp(argv[i + 2])).n) {
			fprintf(stderr, "bench: %s: cannot read\n", argv[i + 2]);
			return 1;
		}
	rc = run_ingest(src, n, strcmp(argv[1], "extract") == 0);
	for (int i = 0; i < n; i++)
		free(src[i].p);
	free(src);
	return rc;
}
