/*
 * brief.h - the data structures at the seams of the pipeline.
 *
 *   ingest    bytes on disk        -> brief_article   (src/ingest/)
 *   extract   brief_article        -> brief_facts     (src/extract/)
 *   store     articles and facts   <-> SQLite         (src/store/)
 *   aggregate facts of one region  -> brief_doc       (src/aggregate/)
 *   render    brief_doc            -> PDF / LaTeX / text / JSON (src/render/)
 *
 * Nothing else belongs here: module APIs live in each module's header.
 * Offsets are byte offsets into UTF-8 text unless a name says "char".
 */
#ifndef BRIEF_H
#define BRIEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BRIEF_VERSION "0.1.0"

/* Exit statuses of the command-line tool. */
enum { BRIEF_EXIT_OK = 0, BRIEF_EXIT_PARTIAL = 1, BRIEF_EXIT_USAGE = 2 };

/* ------------------------------------------------------------------ */
/* Ingest -> extract: one cleaned article.                            */

typedef enum {
	BRIEF_SCRIPT_SIMPLIFIED = 0,
	BRIEF_SCRIPT_TRADITIONAL = 1
} brief_script;

typedef struct brief_span {
	size_t start, end;      /* byte offsets into brief_article.text */
} brief_span;

typedef struct brief_sentence {
	size_t start, end;      /* byte offsets into brief_article.text */
	int para;               /* paragraph index, 0-based */
} brief_sentence;

typedef struct brief_garble {
	size_t start, end;      /* byte offsets into brief_article.text */
	const char *why;        /* static string: "replacement character", ... */
} brief_garble;

/*
 * All strings are owned by the article and freed by brief_article_free().
 * `text` is the analysis text: cleaned and Simplified. `clean_orig` is the
 * same cleaned text in the article's own script (equal to `text` for
 * Simplified input). `original` is the decoded text before any cleaning.
 */
typedef struct brief_article {
	char *path;             /* as given on the command line */
	char *name;             /* base name of path */
	char *encoding;         /* "UTF-8", "GB18030", "BIG5-HKSCS", "UTF-16LE", ... */
	bool html;              /* parsed as HTML */
	char *original;         /* decoded original, UTF-8 */
	size_t original_len;
	char *clean_orig;       /* cleaned, original script */
	size_t clean_orig_len;
	char *text;             /* cleaned, Simplified: what extraction reads */
	size_t text_len;
	brief_script script;
	size_t invalid_bytes;   /* input bytes replaced by U+FFFD when decoding */
	char hash[65];          /* sha256 hex of `original` */
	char *title;            /* NULL when unknown */
	char *published;        /* "YYYY-MM-DD", or NULL when unknown */
	char *source;           /* 来源, NULL when absent */
	char *url;              /* canonical address, NULL when unknown */
	brief_sentence *sents;
	size_t nsents;
	brief_garble *garbles;
	size_t ngarbles;
} brief_article;

void brief_article_free(brief_article *a);

/* ------------------------------------------------------------------ */
/* Extract -> store: facts.                                           */

typedef enum {
	BRIEF_FACT_TARGET = 0,
	BRIEF_FACT_ACTUAL,
	BRIEF_FACT_PROJECT,
	BRIEF_FACT_CLUSTER,
	BRIEF_FACT_NTYPES
} brief_fact_type;

/*
 * One fact. Strings are owned by the fact (brief_fact_clear frees them);
 * NULL means "absent" and is exported as JSON null. `value` and
 * `investment_yi` are meaningful only when the matching has_ flag is set.
 */
typedef struct brief_fact {
	brief_fact_type type;
	long long doc_id;       /* set when read back from the store, else 0 */
	char *region;           /* full official name, e.g. "萧山区" */
	char *region_code;      /* GB/T 2260, e.g. "330109" */
	char *parent_code;      /* code of the region's parent, NULL for provinces */
	char *indicator;        /* canonical indicator name (targets/actuals) */
	char *kind;             /* growth | level | count | share | rank */
	bool has_value;
	double value;
	char *unit;             /* %, 亿元, 万元, 个, 名, ... */
	char *bound;            /* min | max | approx | exact */
	char *qualifier;        /* 确保, 力争, ... as written */
	char *period;           /* 全年, 一季度, 2023, 2021年上半年, ... */
	int year;               /* 0 when unknown */
	char *name;             /* project / cluster name */
	bool has_investment;
	double investment_yi;   /* total investment in 亿元 */
	char *status;           /* 签约, 开工, 竣工, 投产, ... */
	char *tier;             /* 国字号, 千亿级, ... */
	char *scope;            /* 全省, 全市, 区本级: what a rank or value is
				 * relative to or limited to; NULL when none */
	char *evidence;         /* the clause it came from, Simplified */
	size_t offset;          /* char (code point) offset of evidence in text */
	int sentence;           /* index into brief_article.sents, -1 if none */
} brief_fact;

typedef struct brief_facts {
	brief_fact *v;
	size_t n, cap;
} brief_facts;

const char *brief_fact_type_name(brief_fact_type t);   /* "target", ... */
int brief_fact_type_parse(const char *s);              /* -1 if unknown */
void brief_fact_clear(brief_fact *f);
void brief_facts_free(brief_facts *fs);
/* Appends a zeroed fact and returns it, or NULL on allocation failure. */
brief_fact *brief_facts_push(brief_facts *fs);

/* ------------------------------------------------------------------ */
/* Aggregate -> render: the briefing model for one region and year.   */

typedef struct brief_source {
	int num;                /* 1-based, as printed: [1], [2], ... */
	long long doc_id;
	char *title, *source, *published, *file, *url;
} brief_source;

typedef struct brief_evidence {
	int source;             /* brief_source.num */
	char *text;             /* evidence sentence, Simplified */
	size_t offset;          /* char offset in that document */
} brief_evidence;

/* One merged fact: the same fact from several documents is one row. */
typedef struct brief_row {
	brief_fact_type type;
	char *indicator, *kind, *unit, *bound, *qualifier, *period;
	bool has_value;
	double value;
	int year;
	char *name, *status, *tier;
	bool has_investment;
	double investment_yi;
	bool conflict;          /* sources disagree on the value (来源不一致) */
	brief_evidence *ev;
	size_t nev;
} brief_row;

typedef struct brief_rows {
	brief_row *v;
	size_t n;
} brief_rows;

/* Frees a row's strings and evidence. */
void brief_row_clear(brief_row *r);

typedef enum {
	BRIEF_OUTCOME_UNKNOWN = 0,  /* 未知: no article reports the result */
	BRIEF_OUTCOME_MET,          /* 达成 */
	BRIEF_OUTCOME_MISSED,       /* 未达成 */
	BRIEF_OUTCOME_EXCEEDED      /* 超额 */
} brief_outcome_kind;

/* A target set against the result of the same indicator and year, from
 * whichever article reports it. */
typedef struct brief_outcome {
	char *indicator, *kind, *unit, *bound;
	int year;               /* the year the target was set for */
	double target;
	bool has_actual;
	double actual;
	double gap;             /* actual - target, in the unit */
	brief_outcome_kind outcome;
	const brief_row *target_row, *actual_row;   /* borrowed */
} brief_outcome;

typedef struct brief_sibling {
	char *region, *region_code;
	double value;
	bool self;
	int rank;               /* 1 = highest */
} brief_sibling;

/* One headline indicator compared across the regions of one parent. */
typedef struct brief_compare {
	char *indicator, *kind, *unit;
	brief_sibling *v;
	size_t n;               /* the siblings that reported a value */
	size_t nsiblings;       /* all regions of the parent */
	bool ranked;            /* at least half reported: ranks mean something */
	int self_rank;          /* 0 when this region has no value or !ranked */
} brief_compare;

/* A batch of projects counted and totalled in one clause (383个项目、总
 * 投资1480亿元): a fact of the region, never one project's investment. */
typedef struct brief_total {
	char *label;            /* the count's indicator: 实施区级政府投资项目 */
	bool has_count;
	double count;
	char *count_unit;       /* 个 */
	bool has_investment;
	double investment_yi;
	int year;
	bool actual;            /* a result (of year - 1), not a plan */
	brief_evidence *ev;     /* the clauses it was read from (owned) */
	size_t nev;
} brief_total;

/* One evidence clause of the appendix and the facts drawn from it. */
typedef struct brief_clause {
	int source;
	const char *text;       /* borrowed from the first row citing it */
	size_t offset;
	const brief_row **rows; /* borrowed: the rows read from it */
	size_t nrows;
	const brief_total **totals;     /* borrowed */
	size_t ntotals;
} brief_clause;

/* One point of a series: a target or a result of one year. */
typedef struct brief_point {
	int year;
	bool actual;            /* false: the target set for the year */
	double value;
	int source;             /* brief_source.num */
} brief_point;

/* A headline indicator of the region over the years it has. */
typedef struct brief_trend {
	char *indicator, *kind, *unit;
	brief_point *v;         /* by year, a year's target before its result */
	size_t n;
} brief_trend;

/* A group of clusters sharing a tier (tier NULL = 未分级). */
typedef struct brief_tier {
	char *tier;
	const brief_row **rows; /* borrowed from brief_doc.clusters */
	size_t n;
} brief_tier;

typedef struct brief_doc {
	char *region, *region_code, *parent, *parent_code;
	int year;
	brief_rows targets;     /* targets for `year` */
	brief_rows actuals;     /* results of year - 1 */
	brief_rows prev_targets;/* targets of year - 1: the scorecard's rows */
	brief_rows year_actuals;/* results of year itself, where reported */
	brief_rows projects;    /* by investment desc, then name */
	brief_rows clusters;
	brief_tier *tiers;
	size_t ntiers;
	brief_outcome *scorecard;   /* targets of year - 1 (and of year, when
				     * its results exist) vs results */
	size_t nscorecard;
	brief_total *totals;        /* project batches of year and year - 1 */
	size_t ntotals;
	brief_clause *clauses;      /* the appendix: one per evidence clause */
	size_t nclauses;
	brief_trend *trends;        /* headline indicators over >= 2 years */
	size_t ntrends;
	brief_compare *compare;
	size_t ncompare;
	brief_source *sources;
	size_t nsources;
	/* what a reader needs to trust it */
	size_t nfacts, nconflicts;
	char *date_from, *date_to;  /* published range of sources, may be NULL */
} brief_doc;

void brief_doc_free(brief_doc *d);

/* The briefings of every region of a scope for one year (brief batch's
 * combined briefing). Borrows the docs. */
typedef struct brief_book {
	const char *scope;      /* "杭州市", or NULL for all regions */
	int year;
	const brief_doc *docs;  /* in the order they are printed */
	size_t n;
} brief_book;
void brief_compare_clear(brief_compare *c);

/* Numbers the sources of a combined briefing's docs once for the whole
 * book (an article cited by two regions is one number), rewriting every
 * citation in them. 0, -1 on OOM (the docs keep their own numbers). */
int brief_book_number_sources(brief_doc *docs, size_t n);

#endif
