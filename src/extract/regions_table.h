/*
 * regions_table.h - the gazetteer's tables, built from data/regions.tsv
 * at build time by scripts/regions-gen.c into build/gen/regions_table.c.
 *
 * Every command used to parse the whole table, hash it and sort its
 * ~7,000 names before its first lookup (5 ms of a 50 ms render); the
 * sorted arrays are now in the binary and lookups search them.
 */
#ifndef BRIEF_REGIONS_TABLE_H
#define BRIEF_REGIONS_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "extract/regions.h"
#include "util/utf8.h"

typedef enum { NAME_FULL, NAME_SHORT, NAME_FORMER } brief_name_kind;

typedef struct brief_region_name {
	const char *s;
	uint16_t len;           /* bytes */
	uint16_t region;        /* index into brief_region_table */
	uint8_t kind;           /* brief_name_kind */
} brief_region_name;

/* The regions in the table's order; a prefecture-level city listed
 * again as its own county (东莞市) is kept once. */
extern const brief_region brief_region_table[];
extern const size_t brief_region_count;
/* Region indices sorted by code (codes are unique). */
extern const uint16_t brief_region_by_code_index[];

/* Full, short, former and derived county (横县) names of two or more
 * characters, in the order the table gives them. */
extern const brief_region_name brief_region_names[];
extern const size_t brief_region_nnames;
/* Name indices sorted by text (strcmp), equal texts in table order. */
extern const uint16_t brief_region_names_by_text[];
/* Name indices sorted by their first two code points (see
 * brief_region_pair), equal pairs in table order, and those pairs. */
extern const uint16_t brief_region_names_by_pair[];
extern const uint64_t brief_region_pairs[];
/* A bit for each name's pair hashed (brief_region_pair_bit): a text
 * position whose bit is clear starts no name. Most characters of an
 * article start none, and the binary search over the pairs at every
 * character was a tenth of extraction. */
extern const uint64_t brief_region_pair_filter[];

/* A name's (or a text position's) first two code points: the key that
 * finds the names that may start there. */
static inline uint64_t brief_region_pair(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t a = brief_utf8_next(s, len, &i);
	uint64_t b = i < len ? brief_utf8_next(s, len, &i) : 0;
	return a << 21 | b;
}

enum { BRIEF_REGION_FILTER_BITS = 16 };

static inline uint32_t brief_region_pair_bit(uint64_t pair)
{
	return (uint32_t)((pair * 0x9E3779B97F4A7C15u) >> (64 - BRIEF_REGION_FILTER_BITS));
}

static inline bool brief_region_pair_maybe(uint64_t pair)
{
	uint32_t bit = brief_region_pair_bit(pair);
	return brief_region_pair_filter[bit >> 6] >> (bit & 63) & 1;
}

#endif
