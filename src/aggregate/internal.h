/*
 * internal.h - the pure parts of aggregation: facts in memory -> brief_doc.
 * aggregate.c loads the input from the store; merge.c and compare.c never
 * touch the database, so tests build their input by hand.
 */
#ifndef BRIEF_AGGREGATE_INTERNAL_H
#define BRIEF_AGGREGATE_INTERNAL_H

#include "brief.h"

typedef struct brief_agg_in {
	const char *region, *region_code, *parent, *parent_code;
	int year;
	/* The region's facts of any year, plus the targets of its siblings
	 * (same parent_code) for the comparison. Borrowed. */
	const brief_fact *facts;
	size_t nfacts;
	/* Metadata of every doc_id in facts (num is ignored). Borrowed. */
	const brief_source *docs;
	size_t ndocs;
} brief_agg_in;

/* Builds *out (zeroed first; brief_doc_free releases it). 0, or -1 on
 * allocation failure with *out freed. */
int brief_agg_build(const brief_agg_in *in, brief_doc *out);

/* Fills out->compare from in's sibling targets; 0 or -1 on OOM. */
int brief_agg_compare(const brief_agg_in *in, brief_doc *out);

/*
 * Judges a result against a target. `bound`: min (at least), max (at
 * most), approx (at least target minus the tolerance: 0.5 percentage
 * points for %, else 5 % of the target), exact (reached when the actual is
 * at least the target, as plan figures are floors). For kind "rank"
 * lower is better, so the comparisons turn around.
 */
brief_outcome_kind brief_agg_judge(const char *bound, const char *kind,
				   const char *unit, double target,
				   double actual);

/* Project key: name without quotes, brackets, spaces and a trailing
 * 项目; malloc'd, NULL on OOM. */
char *brief_agg_project_key(const char *name);

#endif
