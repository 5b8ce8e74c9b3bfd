/*
 * aggregate.h - facts of one region and year -> brief_doc.
 *
 * The single seam between data and output: renderers read only the
 * brief_doc built here and never touch the database.
 */
#ifndef BRIEF_AGGREGATE_H
#define BRIEF_AGGREGATE_H

#include "brief.h"
#include "store/db.h"
#include "util/diag.h"

/*
 * Builds the briefing of `region` (name, short name or code) for `year`
 * (0: the latest year with targets for it). Returns 0, or -1 after
 * reporting (unknown region, no facts for that year).
 */
int brief_aggregate(brief_db *db, const char *region, int year,
		    brief_doc *out, brief_diag *d);

#endif
