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
 * from several sources is one row carrying every source (also when one
 * source names the indicator short: 总产值 joins 规上工业总产值, whose
 * name the row keeps); the same indicator, kind and period with
 * different values from different sources become rows, each flagged
 * conflict. Rows keep the order of first appearance, a conflict's rows
 * next to each other.
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

/*
 * Appends to *out (*n entries) the targets of `year` against the results
 * of that year: 达成, 未达成 (with the gap), 超额 or, when unknown_too,
 * 未知 for a target no result answers. A result answers a target of the
 * same kind and unit under the same indicator or a longer or shorter name
 * of it (总产值 / 规上工业总产值). Only whole-year targets with a value.
 * Returns 0, -1 on OOM.
 */
int brief_scorecard(const brief_rows *targets, const brief_rows *actuals, int year,
		    bool unknown_too, brief_outcome **out, size_t *n);

/* How `actual` compares with a target of `value` with `bound`. */
brief_outcome_kind brief_target_outcome(double value, const char *bound, double actual);
/* Whether `actual` meets (or exceeds) such a target. */
bool brief_target_met(double value, const char *bound, double actual);

/*
 * Moves the project totals out of merged targets or results `rs`: a
 * 总投资 amount is the total of a batch of projects (383个项目、总投资
 * 1480亿元), never one project's investment, so it leaves the table with
 * the count its clause gives and becomes a brief_total (out NULL: it is
 * only dropped, as last year's plan is from the scorecard). Returns 0,
 * -1 on OOM.
 */
int brief_take_totals(brief_rows *rs, int year, bool actual, brief_total **out, size_t *n);

/* The appendix of a built doc: one brief_clause per evidence clause (by
 * source, then place in the article), with every row and total read
 * from it, so that a list of five projects prints its clause once.
 * Call after the rows are final (it borrows them). 0, -1 on OOM. */
int brief_collect_clauses(brief_doc *d);

#endif
