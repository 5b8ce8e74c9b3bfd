/* extractor.c - the shared extraction fixture (extractor.h). */
#include "support/extractor.h"

#include <criterion/criterion.h>
#include <string.h>

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

void brief_test_extractor_open(brief_test_extractor *x)
{
	memset(x, 0, sizeof *x);
	x->diag.sink = silent;
	x->ing = brief_ingester_new(&x->diag);
	x->gaz = brief_gazetteer_new();
	x->ext = brief_extractor_new(x->gaz, &x->diag);
	cr_assert(x->ing && x->gaz && x->ext);
}

void brief_test_extractor_close(brief_test_extractor *x)
{
	brief_extractor_free(x->ext);
	brief_gazetteer_free(x->gaz);
	brief_ingester_free(x->ing);
}

void brief_test_facts_of_text(brief_test_extractor *x, const char *text,
			      brief_facts *fs)
{
	brief_article a;
	cr_assert_eq(brief_ingest_bytes(x->ing, "test.txt", text, strlen(text), &a, &x->diag), 0);
	memset(fs, 0, sizeof *fs);
	cr_assert_eq(brief_extract(x->ext, &a, fs), 0);
	brief_article_free(&a);
}
