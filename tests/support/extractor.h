/*
 * extractor.h - the ingester, gazetteer and extractor the extraction
 * suites share, and a quiet diagnostics sink (the tests look at facts,
 * not at warnings).
 */
#ifndef BRIEF_TEST_EXTRACTOR_H
#define BRIEF_TEST_EXTRACTOR_H

#include "extract/extract.h"
#include "ingest/ingest.h"

typedef struct brief_test_extractor {
	brief_diag diag;
	brief_ingester *ing;
	brief_gazetteer *gaz;
	brief_extractor *ext;
} brief_test_extractor;

/* Makes the three (asserting they were made) / frees them. */
void brief_test_extractor_open(brief_test_extractor *x);
void brief_test_extractor_close(brief_test_extractor *x);

/* The facts of an article made of `text` (asserting ingest and
 * extraction succeed); fs is overwritten. */
void brief_test_facts_of_text(brief_test_extractor *x, const char *text,
			      brief_facts *fs);

#endif
