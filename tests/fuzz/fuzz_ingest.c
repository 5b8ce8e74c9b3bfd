/*
 * fuzz_ingest.c - libFuzzer: arbitrary bytes through ingest (decode,
 * html, clean, t2s, sentences) and extraction. Run with `make fuzz`.
 * The first byte picks the name, so the HTML path is fuzzed too.
 */
#include <stddef.h>
#include <stdint.h>

#include "extract/extract.h"
#include "ingest/ingest.h"

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static brief_diag d = { .sink = silent };
	static brief_ingester *ing;
	static brief_gazetteer *g;
	static brief_extractor *x;
	brief_article a;
	brief_facts facts = { 0 };

	if (!ing) {
		ing = brief_ingester_new(&d);
		g = brief_gazetteer_new();
		x = brief_extractor_new(g, &d);
	}
	if (size == 0 || !ing || !x)
		return 0;
	const char *name = data[0] & 1 ? "fuzz.html" : "fuzz.txt";
	if (brief_ingest_bytes(ing, name, (const char *)data + 1, size - 1, &a,
			       &d) == 0) {
		brief_extract(x, &a, &facts);
		brief_facts_free(&facts);
		brief_article_free(&a);
	}
	return 0;
}
