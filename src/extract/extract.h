/*
 * extract.h - brief_article -> facts (targets, actuals, projects,
 * clusters), each with its region, evidence clause and offset.
 *
 * PCRE2 patterns are compiled once (JIT, with match and depth limits) in
 * brief_extractor_new. No SQL here: the caller stores the facts.
 */
#ifndef BRIEF_EXTRACT_H
#define BRIEF_EXTRACT_H

#include "brief.h"
#include "extract/regions.h"
#include "util/diag.h"

typedef struct brief_extractor brief_extractor;

/* NULL after reporting through d (a pattern that does not compile). The
 * gazetteer is borrowed and must outlive the extractor. */
brief_extractor *brief_extractor_new(const brief_gazetteer *g,
				     brief_diag *d);
void brief_extractor_free(brief_extractor *x);

/* Appends the facts of `a` to `out`. Returns 0, -1 on OOM. */
int brief_extract(brief_extractor *x, const brief_article *a,
		  brief_facts *out);

#endif
