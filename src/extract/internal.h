/*
 * internal.h - what the parts of the extractor share (not used outside
 * src/extract/).
 *
 *   annot.c     the article analysed once: sentences (section tense,
 *               subject), clauses (with the region each is about), pieces,
 *               region mentions, years, quantities, indicator names of
 *               the canon, each sentence's period; what the finders read
 *   number.c    numbers: decimals, Chinese numerals, magnitudes, units
 *   measure.c   targets and actuals (kind, value, bound, goal or result ...)
 *   indicator.c the indicator a quantity measures, named by the canon
 *   project.c   key projects (name, investment, status)
 *   cluster.c   industry clusters (name, tier)
 *   section.c   the plan year and the tense of each section
 *   period.c    the frame (上半年，…) and goals' horizon (到2030年) of
 *               each sentence; months and horizons before a figure
 *   clause.c    the clause marks annot.c cuts at; headings restating a story
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
/* Whether sentence s is a heading that restates the story after it (a
 * short line of its own, no end mark, its numbers written again below):
 * the story's sentence, not it, is the fact. */
bool brief_sentence_heading(const brief_article *a, size_t s);

/* period.c: each sentence's frame and horizon (brief_annot_sentence),
 * from the analysis so far (clauses, years, plan year, headings). */
void brief_periods(const brief_annot *t, brief_annot_sentence *sents);
/* The goals' horizon named in [ss, qs) of t (到2030年, 未来五年: data/cues.tsv
 * horizon) written into buf; false when none. */
bool brief_horizon(const char *t, size_t ss, size_t qs, char *buf, size_t bufsz);
/* The months a figure covers, written in [s, e) with no year (1-2月,
 * 1至10月, 3月份), normalised into buf ("1-2月"); the last month, or 0. */
int brief_month_span(const char *t, size_t s, size_t e, char *buf, size_t bufsz);
/* Whether the months up to `month` are of the present year at a's date
 * (1-2月 in March), not of the year before (1-11月 in January); of the
 * present year when a has no date. */
bool brief_months_now(const brief_article *a, int month);
/* 截至2月4日 with no year in [ss, qs): a figure to date of the present
 * year when the month has not yet come round again at a's date (截至12月底
 * in a February article is last year's). */
bool brief_to_date_now(const brief_article *a, size_t ss, size_t qs);

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
