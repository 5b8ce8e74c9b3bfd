/*
 * bench.c - in-process throughput of the pipeline's stages, printed as
 * figures (make bench). Not a test: nothing here passes or fails.
 *
 *   bench ingest ARTICLE...   decode+clean+t2s+sentences over a corpus made
 *                             from the articles until it reaches 20 MB,
 *                             each copy made distinct
 *   bench extract ARTICLE...  extraction alone over the same corpus
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/extract.h"
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

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench ingest|extract ARTICLE...\n");
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
