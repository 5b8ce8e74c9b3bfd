/*
 * region.h - the region a user names (a command's REGION, --region,
 * --scope, a recipients row): one resolver for every command.
 */
#ifndef BRIEF_AGGREGATE_REGION_H
#define BRIEF_AGGREGATE_REGION_H

#include "extract/regions.h"
#include "store/db.h"
#include "util/diag.h"

/*
 * A GB/T 2260 code, or a full, short or former name. A name several
 * regions share means the one the store has facts for when exactly one
 * has (db may be NULL: no such tie-break). NULL after reporting: an
 * unknown name with the nearest names (edit distance over names and
 * short forms), a shared one with each region's code and city.
 */
const brief_region *brief_region_named(brief_db *db, const brief_gazetteer *g,
				       const char *name, brief_diag *d);

/* Code-point edit distance between two UTF-8 strings (at most 64 code
 * points each are compared; longer strings count as far apart). */
size_t brief_edit_distance(const char *a, const char *b);

#endif
