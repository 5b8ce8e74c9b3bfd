/*
 * merge.h - the pure part of aggregation: facts (with the number of the
 * source each came from) -> merged rows, conflicts, scorecard, tiers.
 * No SQL here, so every rule is testable on hand-built facts.
 */
#ifndef BRIEF_MERGE_H
#define BRIEF_MERGE_H

#include "brief.h"

/* A fact and the number of the source (brief_source.num) it came from. */
typedef struct brief_sourced {
	const brief_fact *f;
	int source;
} brief_sourced;

/*
 * Merges targets or actuals: the same indicator, kind, period and value
 * from several sources is one row carrying every source; the same
 * indicator, kind and period with different values become rows side by
 * side, each flagged conflict. Rows keep the order of first appearance.
 * Returns 0, -1 on OOM.
 */
int brief_merge_measures(const brief_sourced *v, size_t n, brief_rows *out);

/* Projects merged by normalised name (quotes, brackets, spaces and a
 * trailing 项目 ignored), ordered by investment (largest first), then
 * name. */
int brief_merge_projects(const brief_sourced *v, size_t n, brief_rows *out);

/* Clusters merged by name, then grouped into tiers (known tiers in a
 * fixed order of standing, others by name, untiered last). */
int brief_merge_clusters(const brief_sourced *v, size_t n, brief_rows *out,
			 brief_tier **tiers, size_t *ntiers);

/* Last year's targets against its results: met, missed (with the gap)
 * or unknown. */
int brief_scorecard(const brief_rows *targets, const brief_rows *actuals,
		    brief_outcome **out, size_t *n);

/* Whether `actual` meets a target of `value` with `bound`. */
bool brief_target_met(double value, const char *bound, double actual);

#endif
