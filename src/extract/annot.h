/*
 * annot.h - one article analysed once, for every finder: its sentences
 * with their section tense and subject, its clauses with the region each
 * is about, the region mentions (resolved against the article's main
 * region), the explicit years, the quantities (a number and a unit
 * of data/units.tsv), the names of indicators of data/indicators.tsv, and
 * the period each sentence is in (period.c). The finders (measure.c, project.c, cluster.c,
 * table.c) read this structure rather than cutting clauses, scanning for
 * regions or reading tense on their own, as cmark's inline pass reads
 * what its block pass built.
 *
 * Offsets are bytes into brief_article.text. The structure holds
 * pointers into the article and the gazetteer: both outlive it.
 */
#ifndef BRIEF_EXTRACT_ANNOT_H
#define BRIEF_EXTRACT_ANNOT_H

#include <stdbool.h>
#include <stddef.h>

#include "brief.h"
#include "extract/regions.h"

/* The patterns the annotation runs (compiled once per extractor; not
 * shared between threads). */
typedef struct brief_annotator brief_annotator;

brief_annotator *brief_annotator_new(void);
void brief_annotator_free(brief_annotator *x);

typedef struct brief_annot brief_annot;

/* One sentence of the article. */
typedef struct brief_annot_sentence {
	const brief_region *subject;    /* what it and its paragraph so far are
					 * about, NULL when they name none */
	const brief_region *part;       /* the region heading its part of a
					 * digest, else the main one */
	signed char tense;              /* -1 a review of results, +1 goals,
					 * 0 the article does not say */
	size_t clause, nclauses;        /* its clauses in the clause array */
	size_t piece, npieces;          /* its pieces (see below) */
	size_t list, nlists;            /* its list clauses (see below) */
	bool heading;                   /* a heading restating its story */
	/* The part of the present year the text is in (春节期间, 1-2月, 一季度):
	 * set by a sentence's opening adverbial or a paragraph opening on an
	 * event of 2025年一季度, carried to the sentences after it (across
	 * paragraphs when a paragraph's opening set it) until a time is
	 * named; "" when none. frame_month: its last month when it is months. */
	char frame[24];
	int frame_month;
	/* The goals' horizon (到2030年, 未来五年) the sentences before it in
	 * its paragraph named, the last one; "" when none. */
	char horizon[32];
} brief_annot_sentence;


/*
 * A clause: the text between two marks of clause.c (，；。！？— and, as
 * it opens, a colon). `end` is where the clause ends for a finder
 * reading forward: the next mark other than a colon (目标是：A、B is
 * one clause read forward, two read back).
 */
typedef struct brief_annot_clause {
	size_t start, end;
	size_t mark;            /* where its own mark is (the sentence's end
				 * when none closes it) */
	size_t stop;            /* where the next clause starts, after the mark */
	size_t sent;            /* the sentence holding it */
	const brief_region *region;     /* the region it is about at its start */
	int year;               /* the last 20xx年 it names, 0 when none */
} brief_annot_clause;

/*
 * A piece of a sentence: at most BRIEF_MAXPIECE bytes, cut at a clause
 * mark where there is one. Every finder looks back from a number over
 * its clause and sentence; a page with no punctuation (hostile text, a
 * table flattened without marks) would make that look quadratic.
 * Real sentences are one piece.
 */
enum { BRIEF_MAXPIECE = 2048 };

typedef struct brief_piece {
	size_t start, end;
	size_t qty, nqty;       /* the quantities found in it */
} brief_piece;

/* A number with a unit of data/units.tsv, as the pattern found it: the
 * finders decide whether it is a fact. */
typedef struct brief_quantity {
	size_t start, end;      /* the whole match */
	size_t num_s, num_e;    /* the number */
	size_t unit_s, unit_e;  /* the unit */
	size_t after_s, after_e;/* 级 or 大关 after it; after_s == after_e if none */
	bool more;              /* 余 or 多 between number and unit */
} brief_quantity;

/* A name of data/indicators.tsv (a canonical name or an alias, not a
 * "head" noun) as written in the text, the longest at each place. */
typedef struct brief_indicator_span {
	size_t start, end;
	const char *name;       /* its canonical name */
	bool whole;             /* the alias read alone (brief_noun_phrase)
				 * gives that name: a finder may take it for
				 * a phrase that is the span, unread */
} brief_indicator_span;

/* The analysis of `a`; NULL on OOM. */
brief_annot *brief_annot_new(brief_annotator *x, const brief_gazetteer *g,
			     const brief_article *a);
void brief_annot_free(brief_annot *t);

const brief_article *brief_annot_article(const brief_annot *t);
const brief_annot_sentence *brief_annot_sentences(const brief_annot *t, size_t *n);
const brief_annot_clause *brief_annot_clauses(const brief_annot *t, size_t *n);
const brief_piece *brief_annot_pieces(const brief_annot *t, size_t *n);
const brief_span *brief_annot_lists(const brief_annot *t, size_t *n);
const brief_quantity *brief_annot_quantities(const brief_annot *t, size_t *n);
/* The indicator names, in text order. */
const brief_indicator_span *brief_annot_indicators(const brief_annot *t, size_t *n);
/* The indicator name spanning exactly [start, end), NULL when none. */
const brief_indicator_span *brief_annot_indicator_at(const brief_annot *t, size_t start,
						    size_t end);
/* The region mentions, in text order. */
const brief_region_hit *brief_annot_hits(const brief_annot *t, size_t *n);
/* The region the article is most about. */
const brief_region *brief_annot_main(const brief_annot *t);

/* The clause holding byte `at`, NULL when no sentence does. */
const brief_annot_clause *brief_annot_clause_at(const brief_annot *t, size_t at);
/* The start of the clause holding byte `at` (not before `from`), and
 * its end read forward from `at` (not after `to`). */
size_t brief_annot_clause_start(const brief_annot *t, size_t from, size_t at);
size_t brief_annot_clause_end(const brief_annot *t, size_t at, size_t to);

/* The region that is the subject of the clause holding byte `offset`
 * (carried over from earlier clauses, sentences or the paragraph's
 * opening when the clause names none); NULL when unknown. */
const brief_region *brief_annot_region(const brief_annot *t, size_t offset);
/* Byte end of the last region name (or 该区, 全县 …: data/cues.tsv
 * region-pronoun) inside [from, to), or `from` if none. */
size_t brief_annot_last_name(const brief_annot *t, size_t from, size_t to);
/* Whether a region is named in [s, e). */
bool brief_annot_names_region(const brief_annot *t, size_t s, size_t e);
/* The last explicit 20xx年 in [from, to), 0 when none. */
int brief_annot_year_in(const brief_annot *t, size_t from, size_t to);
/* The year 今年 means (the article's date, else the year it names
 * most); 0 when unknown. */
int brief_annot_year(const brief_annot *t);
/* The section tense of the sentence holding `offset`. */
int brief_annot_section(const brief_annot *t, size_t offset);
/* The year the article sets goals for (section.c). */
int brief_annot_plan_year(const brief_annot *t);

/* Fills region, region_code, parent_code, evidence (the clause
 * [start,end) of the text), offset (in chars) and sentence of f.
 * Returns 0, -1 on OOM. */
int brief_fact_locate(brief_fact *f, const brief_annot *t,
		      const brief_region *r, size_t start, size_t end);

#endif
