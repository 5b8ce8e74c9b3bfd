/*
 * internal.h - what the parts of the extractor share (not used outside
 * src/extract/).
 *
 *   attrib.c    which region each clause is about (subject carry-over)
 *   number.c    numbers: decimals, Chinese numerals, magnitudes, units
 *   measure.c   targets and actuals (kind, value, bound, goal or result ...)
 *   indicator.c the indicator a quantity measures, named by the canon
 *   project.c   key projects (name, investment, status)
 *   cluster.c   industry clusters (name, tier)
 *   section.c   the plan year and the tense of each section
 *   clause.c    clause boundaries
 *   table.c     rows of flattened tables
 *   extract.c   the orchestration behind brief_extract()
 */
#ifndef BRIEF_EXTRACT_INTERNAL_H
#define BRIEF_EXTRACT_INTERNAL_H

#include "brief.h"
#include "extract/regions.h"

/* Region attribution for one article. */
typedef struct brief_attrib brief_attrib;

brief_attrib *brief_attrib_new(const brief_gazetteer *g,
			       const brief_article *a);
void brief_attrib_free(brief_attrib *t);
/* The region that is the subject of the clause holding byte `offset`
 * (carried over from earlier clauses, sentences or the paragraph's
 * opening when the clause names none); NULL when unknown. */
const brief_region *brief_attrib_at(const brief_attrib *t, size_t offset);
/* Byte end of the last region name inside [from, to), or `from` if none. */
size_t brief_attrib_last_name(const brief_attrib *t, size_t from, size_t to);
/* The year a clause at `offset` speaks about, from explicit years,
 * 今年/去年/明年 against the article's date; 0 when unknown. */
int brief_attrib_year(const brief_attrib *t, size_t offset);

/* The section tense of sentence i: -1 when it stands in a review of
 * results, +1 in a section of goals, 0 when the article does not say. */
int brief_attrib_section(const brief_attrib *t, size_t offset);
/* The year the article sets goals for (section.c). */
int brief_attrib_plan_year(const brief_attrib *t);

/* section.c: the plan year of an article (published: the year of its
 * date, or 0; fallback when nothing says), and the section tense of each
 * of its sentences into tense[a->nsents]. */
int brief_plan_year(const brief_article *a, int published, int fallback);
void brief_sections(const brief_article *a, int plan, signed char *tense);

/* Fills region, region_code, parent_code, evidence (the clause
 * [start,end) of a->text), offset (in chars) and sentence of f.
 * Returns 0, -1 on OOM. */
int brief_fact_locate(brief_fact *f, const brief_attrib *t,
		      const brief_region *r, size_t start, size_t end);

/* clause.c: the start of the clause holding byte `at` of t (after the
 * last ，；：。 etc., not before `from`), and its end (before the next
 * mark, not after `to`). */
size_t brief_clause_start(const char *t, size_t from, size_t at);
size_t brief_clause_end(const char *t, size_t at, size_t to);
/* Whether sentence s is a paragraph of its own of at most max_chars
 * characters: a heading, a caption, a line of a list. */
bool brief_sentence_alone(const brief_article *a, size_t s, size_t max_chars);

/* True when [start,end) of a->text overlaps a garbled span. */
bool brief_in_garble(const brief_article *a, size_t start, size_t end);

typedef struct brief_projects brief_projects;   /* compiled patterns */
brief_projects *brief_projects_new(void);
void brief_projects_free(brief_projects *p);
int brief_extract_projects(brief_projects *p, const brief_gazetteer *g,
			   const brief_attrib *t, const brief_article *a,
			   brief_facts *out);

typedef struct brief_clusters brief_clusters;
brief_clusters *brief_clusters_new(void);
void brief_clusters_free(brief_clusters *c);
int brief_extract_clusters(brief_clusters *c, const brief_gazetteer *g,
			   const brief_attrib *t, const brief_article *a,
			   brief_facts *out);

#endif
