/*
 * period.h - which facts belong to which briefing: THE rule that
 * `regions`, `show`, `render`, `batch` and `mail` all go by.
 *
 * A briefing of region R for year Y shows R's targets for Y, R's results
 * for Y-1 and, where the year is over, R's results for Y. A fact counts
 * for its year only when it speaks of that year:
 *   - a result must be of the whole year (period NULL, 全年 or the year
 *     itself) and no partial period (data/periods.tsv: 春节, 上半年,
 *     截至2月4日 …) may open its paragraph (up to 32 sentences back)
 *     before it;
 *   - a target with no period of its own (全年) must not follow a
 *     partial period in its sentence (今年1至5月, 合计产值 …);
 *   - in an article with no date, the year must be written ("2020年")
 *     in the fact's paragraph: otherwise it was guessed.
 * R has a briefing for Y when it has a counted target for Y or a counted
 * result for Y-1.
 */
#ifndef BRIEF_AGGREGATE_PERIOD_H
#define BRIEF_AGGREGATE_PERIOD_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "brief.h"
#include "store/db.h"

/* Where a fact stands in its article, as the rule needs it. */
typedef struct brief_fact_place {
	bool dated;             /* the article has a published date */
	const char *para;       /* its paragraph up to the end of its sentence */
	size_t before;          /* chars of `para` before the fact's clause */
	size_t sent_before;     /* chars of its sentence before the clause */
} brief_fact_place;

/* Whether target or result `f` counts for f->year (see above). Projects
 * and clusters always count. */
bool brief_fact_counts(const brief_fact *f, const brief_fact_place *p);

/* The SQL expressions (over facts f JOIN documents d) from which
 * brief_place_read works out a brief_fact_place: four columns. */
extern const char brief_place_cols[];

/* The articles' texts and sentences, each read once (a few at a time). */
typedef struct brief_place_cache brief_place_cache;
brief_place_cache *brief_place_cache_new(brief_db *db);
void brief_place_cache_free(brief_place_cache *c);

/* p from brief_place_cols at columns col..col+3 of st's row; p->para
 * holds until the next call. -1: out of memory or a database error. */
int brief_place_read(brief_place_cache *c, sqlite3_stmt *st, int col, brief_fact_place *p);

/* Like brief_db_briefings (same callback and order), by the rule above. */
int brief_briefings(brief_db *db, const char *code, int year,
		    brief_briefing_fn fn, void *user);

#endif
