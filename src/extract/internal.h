/*
 * internal.h - what the parts of the extractor share (not used outside
 * src/extract/).
 *
 *   annot.c     the article analysed once: sentences (section tense,
 *               subject), clauses (with the region each is about), pieces,
 *               region mentions, years, quantities; what the finders read
 *   number.c    numbers: decimals, Chinese numerals, magnitudes, units
 *   measure.c   targets and actuals (kind, value, bound, goal or result ...)
 *   indicator.c the indicator a quantity measures, named by the canon
 *   project.c   key projects (name, investment, status)
 *   cluster.c   industry clusters (name, tier)
 *   section.c   the plan year and the tense of each section
 *   clause.c    the clause marks annot.c cuts at
 *   table.c     rows of flattened tables
 *   extract.c   the orchestration behind brief_extract()
 */
#ifndef BRIEF_EXTRACT_INTERNAL_H
#define BRIEF_EXTRACT_INTERNAL_H

#include <stdint.h>

#include "brief.h"
#include "extract/annot.h"
#include "extract/regions.h"

/* section.c: the plan year of an article (published: the year of its
 * date, or 0; fallback when nothing says), and the section tense of each
 * of its sentences into tense[a->nsents]. */
int brief_plan_year(const brief_article *a, int published, int fallback);
void brief_sections(const brief_article *a, int plan, signed char *tense);

/* clause.c: the start of the clause holding byte `at` of t (after the
 * last ，；：。 etc., not before `from`), and its end (before the next
 * mark, not after `to`). */
size_t brief_clause_start(const char *t, size_t from, size_t at);
size_t brief_clause_end(const char *t, size_t at, size_t to);
/* Whether cp is a clause mark: 2 one that ends a clause, 1 a colon
 * (which ends one only read backward), 0 none. */
int brief_clause_mark(uint32_t cp);
/* Whether sentence s is a paragraph of its own of at most max_chars
 * characters: a heading, a caption, a line of a list. */
bool brief_sentence_alone(const brief_article *a, size_t s, size_t max_chars);

/* True when [start,end) of a->text overlaps a garbled span. */
bool brief_in_garble(const brief_article *a, size_t start, size_t end);

typedef struct brief_projects brief_projects;   /* compiled patterns */
brief_projects *brief_projects_new(void);
void brief_projects_free(brief_projects *p);
int brief_extract_projects(brief_projects *p, const brief_gazetteer *g,
			   const brief_annot *t, const brief_article *a,
			   brief_facts *out);

typedef struct brief_clusters brief_clusters;
brief_clusters *brief_clusters_new(void);
void brief_clusters_free(brief_clusters *c);
int brief_extract_clusters(brief_clusters *c, const brief_gazetteer *g,
			   const brief_annot *t, const brief_article *a,
			   brief_facts *out);

#endif
