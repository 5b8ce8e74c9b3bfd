/*
 * trend.h - an indicator of one region over the years, and the one
 * indicator-name repair aggregation makes.
 */
#ifndef BRIEF_AGGREGATE_TREND_H
#define BRIEF_AGGREGATE_TREND_H

#include "brief.h"

/*
 * The canonical name (data/indicators.tsv) an indicator phrase starts
 * with when the rest of it carries a year (规上工业总产值分别在2021年 ->
 * 规上工业总产值): the year belongs to the fact, not to its name. Else a
 * copy of the name. malloc'd; NULL on OOM or for NULL.
 */
char *brief_indicator_tidy(const char *name);

/* A counted target or whole-year result and the source number it has in
 * the briefing (0 when the briefing does not cite that article). */
typedef struct brief_trend_fact {
	const brief_fact *f;
	int source;
} brief_trend_fact;

/*
 * The series of the facts `v` (in source order): one per indicator, kind
 * and unit with values in at least two years, one point per year for its
 * target and one for its result (the later fact wins), by year. At most
 * four, the `headline` indicators (NULL-terminated) first, then those of
 * most years. Returns 0, -1 on OOM.
 */
int brief_trends(const brief_trend_fact *v, size_t n, const char *const *headline,
		 brief_trend **out, size_t *nout);

#endif
