/*
 * annot.c - an article analysed once (annot.h): sentences, clauses,
 * region mentions, years and quantities, and which region each clause
 * is about.
 *
 * A clause is about the region named last before it in its sentence;
 * failing that, the subject carries over from the sentences before it in
 * the paragraph (该区, 今年全区…), then from the article's main region.
 * Provinces are context, not subjects: a briefing is per city or county.
 */
#define _GNU_SOURCE /* memmem */
#include "extract/annot.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "extract/measure.h"
#include "extract/wordset.h"
#include "util/buf.h"
#include "util/lexicon.h"
#include "util/rx.h"
#include "util/utf8.h"

/* A quantity: a number and a unit (data/units.tsv), Arabic or Chinese
 * numerals. Digits may be spaced as typeset pages leave them (1 6 %,
 * 8. 5%, 140 亿元). */
static const char qty_head[] =
	"(?<num>\\d+(?: ?\\d+)*(?:,\\d{3})*(?: ?\\. ?\\d+)?(?:/\\d+)?|[零一二两三四五六七八九十百千万]+)"
	"(?<more>余|多)? ?(?<unit>";
static const char qty_tail[] = ")(?<after>级|大关)?";

enum { RX_QTY, RX_N };

/* An alias of data/indicators.tsv the pattern may match. */
typedef struct alias {
	const char *name;       /* its canonical name */
	bool whole;             /* brief_noun_phrase of the alias alone is name */
} alias;

struct brief_annotator {
	brief_rxset s;
	brief_wordset *names;   /* the indicators' names and aliases */
	GHashTable *alias;      /* alias word -> struct alias, the first entry's */
	alias *aliases;
};

/* An explicit 20xx年 at byte `at`. */
typedef struct year_mention {
	size_t at;
	int year;
	bool after_digit;       /* 12024年: not a year unless a range opens there */
} year_mention;

/* 该区, 全县 … at byte `at`: word k of data/cues.tsv region-pronoun. */
typedef struct pronoun {
	size_t at;
	size_t k;
} pronoun;

struct brief_annot {
	const brief_article *a;
	const brief_gazetteer *g;
	brief_region_hit *hits;
	size_t nhits;
	/* per hit i: 1 + the index of the last subject hit before i that is
	 * not above the main region (0: none); the first subject hit at or
	 * after i (nhits: none). Both make a clause's region a lookup. */
	size_t *lastq, *nexts;
	brief_annot_sentence *sents;
	brief_annot_clause *clauses;
	size_t nclauses, cap_clauses;
	brief_piece *pieces;
	size_t npieces, cap_pieces;
	brief_span *lists;
	size_t nlists, cap_lists;
	brief_quantity *qty;
	size_t nqty, cap_qty;
	brief_indicator_span *ind;
	size_t nind, cap_ind;
	year_mention *years;
	size_t nyears;
	size_t *good_year;      /* per mention: 1 + the last one not after a digit */
	pronoun *pron;
	size_t npron;
	const char *const *pron_words;
	const brief_region *main;       /* the region the article is most about */
	const brief_region *above[4];   /* the regions the main one lies in */
	int year;                       /* the year "今年" means */
	int plan;                       /* the year its goals are for */
	size_t counted_byte, counted_chars;     /* where char_offset has got to */
};

enum { LOOKBACK = 2048 };       /* bytes searched for a clause's subject */

/* ---------------------------------------------------------------- */
/* The patterns.                                                     */

/* A quantity's pattern: the number, then any unit of data/units.tsv (the
 * longest first, so that 万平方米 is not 万). */
static char *qty_pattern(void)
{
	const brief_lexicon *l = brief_lexicon_get("units.tsv");
	char *units = l ? brief_lex_alternation(l, NULL, 0) : NULL;
	brief_buf b = BRIEF_BUF_INIT;
	if (!units)
		return NULL;
	brief_buf_puts(&b, qty_head);
	brief_buf_puts(&b, units);
	brief_buf_puts(&b, qty_tail);
	free(units);
	return brief_buf_detach(&b, NULL);
}

/* The indicator names: every canonical name and alias of
 * data/indicators.tsv but the "head" nouns, each alias's reading in
 * x->alias (the first entry's). -1 on OOM. */
static int indicator_names(brief_annotator *x)
{
	size_t n, k = 0;
	const brief_lex_entry *e = brief_lex_entries(brief_lexicon_get("indicators.tsv"), &n);
	if (!(x->aliases = calloc(n + 1, sizeof *x->aliases)) ||
	    !(x->names = brief_wordset_new_but("indicators.tsv", "head")))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(e[i].cls, "head") || !*e[i].word ||
		    g_hash_table_contains(x->alias, e[i].word))
			continue;
		char *read = brief_noun_phrase(e[i].word, strlen(e[i].word));
		x->aliases[k] = (alias){ e[i].cls, read && !strcmp(read, e[i].cls) };
		free(read);
		g_hash_table_insert(x->alias, (gpointer)e[i].word, &x->aliases[k++]);
	}
	return 0;
}

brief_annotator *brief_annotator_new(void)
{
	brief_annotator *x = calloc(1, sizeof *x);
	if (!x || !(x->alias = g_hash_table_new(g_str_hash, g_str_equal))) {
		free(x);
		return NULL;
	}
	char *qty = qty_pattern();
	const char *res[RX_N] = { qty };
	/* hostile text (a megabyte of 亿) must end in "no match", fast */
	if (!qty || indicator_names(x) || brief_rxset_init(&x->s, res, RX_N, 100000)) {
		brief_wordset_free(x->names);
		g_hash_table_destroy(x->alias);
		free(x->aliases);
		free(x);
		x = NULL;
	}
	free(qty);
	return x;
}

void brief_annotator_free(brief_annotator *x)
{
	if (!x)
		return;
	brief_rxset_free(&x->s);
	brief_wordset_free(x->names);
	g_hash_table_destroy(x->alias);
	free(x->aliases);
	free(x);
}

/* ---------------------------------------------------------------- */
/* Regions.                                                          */

static bool is_subject(const brief_region *r)
{
	return r && r->level != BRIEF_LEVEL_PROVINCE;
}

/* The region named most often, a mention in the headline (the first
 * sentence) counting thrice; on a tie the larger region (绵阳市 over
 * the 涪城区 its report names once). Linear in the mentions: a hostile
 * article names thousands. */
static bool lies_in(const brief_gazetteer *g, const brief_region *r, const brief_region *a)
{
	for (const brief_region *p = brief_region_parent(g, r); p; p = brief_region_parent(g, p))
		if (p == a)
			return true;
	return false;
}

/*
 * An article about a district names its city as the setting (湖州市吴兴区…,
 * 在湖州…) about as often as the district itself; one about the city names
 * many districts, each a few times. So the region most named gives way to
 * the one region inside it named at least half as often as it and more
 * than twice as often as any other inside it.
 */
static const brief_region *inner_subject(const brief_gazetteer *g, GHashTable *count,
					 const brief_region *best, size_t best_n)
{
	const brief_region *in = NULL;
	size_t in_n = 0, second = 0;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, count);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		size_t c = GPOINTER_TO_SIZE(v);
		if (k == best || !lies_in(g, k, best))
			continue;
		if (c > in_n || (c == in_n && in && strcmp(((const brief_region *)k)->code, in->code) < 0)) {
			second = in_n;
			in = k;
			in_n = c;
		} else if (c > second) {
			second = c;
		}
	}
	return in && 2 * in_n >= best_n && in_n > 2 * second ? in : best;
}

static const brief_region *main_region(const brief_gazetteer *g, const brief_region_hit *h,
				       size_t n, size_t head_end)
{
	GHashTable *count = g_hash_table_new(g_direct_hash, g_direct_equal);
	const brief_region *best = NULL;
	size_t best_n = 0;
	for (size_t i = 0; i < n; i++) {
		if (!is_subject(h[i].region))
			continue;
		size_t c = GPOINTER_TO_SIZE(g_hash_table_lookup(count, h[i].region));
		c += h[i].start < head_end ? 3 : 1;
		g_hash_table_insert(count, (gpointer)h[i].region, GSIZE_TO_POINTER(c));
	}
	for (size_t i = 0; i < n; i++) {
		if (!is_subject(h[i].region))
			continue;
		size_t c = GPOINTER_TO_SIZE(g_hash_table_lookup(count, h[i].region));
		if (c > best_n || (c == best_n && best && h[i].region->level < best->level)) {
			best = h[i].region;
			best_n = c;
		}
	}
	if (best)
		best = inner_subject(g, count, best, best_n);
	g_hash_table_destroy(count);
	return best;
}

/* Whether r is a city or province the main region lies in: such a name
 * in a county's article mostly qualifies (30个苏州重点项目, 市委) and is
 * the subject only of its own clause. */
static bool above_main(const brief_annot *t, const brief_region *r)
{
	for (size_t i = 0; i < sizeof t->above / sizeof t->above[0] && t->above[i]; i++)
		if (t->above[i] == r)
			return true;
	return false;
}

/* A mention that can carry over to the clauses after it. */
static bool carries(const brief_annot *t, const brief_region *r)
{
	return is_subject(r) && !above_main(t, r);
}

/* The first hit starting at or after byte `at`: hits are in text order. */
static size_t first_hit(const brief_annot *t, size_t at)
{
	size_t lo = 0, hi = t->nhits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->hits[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool brief_annot_names_region(const brief_annot *t, size_t s, size_t e)
{
	size_t i = first_hit(t, s);
	return i < t->nhits && t->hits[i].start < e;
}

/* The last subject named in [start, end) that is not above the main
 * region. */
static const brief_region *last_in(const brief_annot *t, size_t start, size_t end)
{
	size_t j = t->lastq[first_hit(t, end)];
	return j && t->hits[j - 1].start >= start ? t->hits[j - 1].region : NULL;
}

/* The subject a clause [clause, end) names itself: its first region,
 * even a city above the main one (建德市实施杭州市重点项目: a city after
 * the clause's own subject qualifies what follows), then any later one
 * that is not above it. */
static const brief_region *in_clause(const brief_annot *t, size_t clause, size_t end)
{
	size_t f = t->nexts[first_hit(t, clause)];
	if (f >= t->nhits || t->hits[f].start >= end)
		return NULL;
	size_t q = t->lastq[first_hit(t, end)];
	return q && q - 1 >= f ? t->hits[q - 1].region : t->hits[f].region;
}

/* The last subject region named in [start, end); a region above the
 * main one counts only from `clause` on. */
static const brief_region *last_from(const brief_annot *t, size_t start,
				     size_t clause, size_t end)
{
	const brief_region *r = in_clause(t, clause, end);
	return r ? r : last_in(t, start, clause < end ? clause : end);
}

/* The per-hit lookups of last_in and in_clause. */
static int index_hits(brief_annot *t)
{
	if (!(t->lastq = malloc((t->nhits + 1) * sizeof *t->lastq)) ||
	    !(t->nexts = malloc((t->nhits + 1) * sizeof *t->nexts)))
		return -1;
	t->lastq[0] = 0;
	for (size_t i = 0; i < t->nhits; i++)
		t->lastq[i + 1] = carries(t, t->hits[i].region) ? i + 1 : t->lastq[i];
	t->nexts[t->nhits] = t->nhits;
	for (size_t i = t->nhits; i-- > 0;)
		t->nexts[i] = is_subject(t->hits[i].region) ? i : t->nexts[i + 1];
	return 0;
}

/* A digest of several regions heads each part with the region's name
 * on a line of its own (渝中 / 沙坪坝：…): that region, or NULL. */
static const brief_region *region_heading(const brief_annot *t, size_t s)
{
	const brief_article *a = t->a;
	const brief_sentence *se = &a->sents[s];
	if (!brief_sentence_alone(a, s, 12))
		return NULL;
	size_t i = first_hit(t, se->start);
	if (i < t->nhits && t->hits[i].start == se->start && is_subject(t->hits[i].region))
		return t->hits[i].region;
	return NULL;
}

static size_t sentence_at(const brief_article *a, size_t offset)
{
	size_t lo = 0, hi = a->nsents;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (a->sents[mid].end <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* brief_annot_region() from the hits alone, for any offset. */
static const brief_region *region_at(const brief_annot *t, size_t offset)
{
	const brief_article *a = t->a;
	size_t s = sentence_at(a, offset);
	if (s >= a->nsents)
		return t->main;
	/* the subject is named near its clause: a sentence of megabytes
	 * (hostile text) is not searched from its start for every clause */
	size_t from = a->sents[s].start;
	if (offset - from > LOOKBACK) {
		from = offset - LOOKBACK;
		while (from < offset && (a->text[from] & 0xC0) == 0x80)
			from++;
	}
	const brief_region *r = last_from(t, from, brief_annot_clause_start(t, from, offset),
					  offset);
	if (r)
		return r;
	/* no region before it in its sentence: the one its paragraph has
	 * been about so far */
	if (s > 0 && t->sents[s - 1].subject && a->sents[s - 1].para == a->sents[s].para)
		return t->sents[s - 1].subject;
	size_t to = a->sents[s].end - offset > LOOKBACK ? offset + LOOKBACK : a->sents[s].end;
	r = last_in(t, from, to);
	return r ? r : t->sents[s].part;
}

/* Each sentence's subject and part; the main region first. */
static void subjects(brief_annot *t)
{
	const brief_article *a = t->a;
	const brief_region *carry = NULL, *part = t->main;
	int para = -1;
	for (size_t s = 0; s < a->nsents; s++) {
		const brief_sentence *se = &a->sents[s];
		const brief_region *h = region_heading(t, s);
		if (h)
			part = h;
		t->sents[s].part = part;
		if (se->para != para) {
			/* a paragraph naming no region is about the article's
			 * main one, not the region the last one ended with */
			para = se->para;
			carry = NULL;
		}
		const brief_region *r = last_in(t, se->start, se->end);
		if (r)
			carry = r;
		t->sents[s].subject = carry;
	}
}

/* ---------------------------------------------------------------- */
/* Clauses and pieces.                                               */

static bool grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? 2 * *cap : 64;
	void *p = realloc(*v, c * size);
	if (!p)
		return false;
	*v = p;
	*cap = c;
	return true;
}

/* The clause mark at text[*i] (brief_clause_mark), *i moved past its
 * character. Han characters and letters, most of the text, are none. */
static int mark_at(const char *text, size_t e, size_t *i)
{
	unsigned char b = (unsigned char)text[*i];
	if (b < 0x80 && b != ',' && b != ';' && b != ':') {
		(*i)++;
		return 0;
	}
	if (b >= 0xE4 && b <= 0xE9 && e - *i >= 3 && (text[*i + 1] & 0xC0) == 0x80 &&
	    (text[*i + 2] & 0xC0) == 0x80) {
		*i += 3;
		return 0;
	}
	return brief_clause_mark(brief_utf8_next(text, e, i));
}

static int push_clause(brief_annot *t, brief_annot_clause c)
{
	if (!grow((void **)&t->clauses, &t->cap_clauses, t->nclauses, sizeof *t->clauses))
		return -1;
	t->clauses[t->nclauses++] = c;
	return 0;
}

/* The clauses of sentence s, each with where the next mark other than a
 * colon ends it. */
static int cut_clauses(brief_annot *t, size_t s)
{
	const char *text = t->a->text;
	size_t ss = t->a->sents[s].start, se = t->a->sents[s].end, first = t->nclauses;
	size_t start = ss;
	for (size_t i = ss, j = ss; i < se; i = j) {
		int m = mark_at(text, se, &j);
		/* a colon's clause is read on to the next mark (below) */
		if (m && push_clause(t, (brief_annot_clause){ .start = start, .mark = i, .stop = j,
				.end = m == 1 ? SIZE_MAX : i, .sent = s }))
			return -1;
		if (m)
			start = j;
	}
	if (start < se && push_clause(t, (brief_annot_clause){ .start = start, .end = se,
				.mark = se, .stop = se, .sent = s }))
		return -1;
	for (size_t k = t->nclauses, next = se; k-- > first;) {
		if (t->clauses[k].end == SIZE_MAX)
			t->clauses[k].end = next;
		else
			next = t->clauses[k].end;
	}
	t->sents[s].clause = first;
	t->sents[s].nclauses = t->nclauses - first;
	return 0;
}

/* The length of the list stop at text[i] within [i, e), 0 when none. */
static size_t list_stop(const char *text, size_t i, size_t e, const char *const *stops)
{
	/* a line break ends a list clause too (a line of the table cannot hold one) */
	if (text[i] == '\n')
		return 1;
	for (const char *const *w = stops; *w; w++) {
		size_t k = strlen(*w);
		if (k && e - i >= k && text[i] == **w && !memcmp(text + i, *w, k))
			return k;
	}
	return 0;
}

/* The list clauses of sentence s: text between two list stops. */
static int cut_lists(brief_annot *t, size_t s, const bool *first, const char *const *stops)
{
	const char *text = t->a->text;
	size_t ss = t->a->sents[s].start, se = t->a->sents[s].end;
	t->sents[s].list = t->nlists;
	for (size_t i = ss; i < se;) {
		size_t ce = i, k = 0;
		for (; ce < se; ce++)
			if (first[(unsigned char)text[ce]] && (k = list_stop(text, ce, se, stops)))
				break;
		if (!grow((void **)&t->lists, &t->cap_lists, t->nlists, sizeof *t->lists))
			return -1;
		t->lists[t->nlists++] = (brief_span){ i, ce };
		i = ce + k;
	}
	t->sents[s].nlists = t->nlists - t->sents[s].list;
	return 0;
}

/* The list clauses of every sentence. */
static int cut_all_lists(brief_annot *t)
{
	const char *const *stops = brief_words("cues.tsv", "list-stop");
	bool first[256] = { false };
	first['\n'] = true;
	for (const char *const *w = stops; *w; w++)
		first[(unsigned char)**w] = true;
	for (size_t s = 0; s < t->a->nsents; s++)
		if (cut_lists(t, s, first, stops))
			return -1;
	return 0;
}

/* The quantities of the piece [ps, pe), as the pattern finds them from
 * its start: a piece is the text a finder reads at once. */
static int scan_quantities(brief_annot *t, brief_annotator *x, size_t ps, size_t pe)
{
	const char *text = t->a->text;
	PCRE2_SIZE *ov;
	for (size_t at = ps; at < pe && (ov = brief_rxset_match(&x->s, RX_QTY, text, at, pe));) {
		if (!grow((void **)&t->qty, &t->cap_qty, t->nqty, sizeof *t->qty))
			return -1;
		brief_quantity *q = &t->qty[t->nqty++];
		q->start = ov[0];
		q->end = ov[1];
		q->num_s = ov[2];
		q->num_e = ov[3];
		q->more = ov[4] != PCRE2_UNSET;
		q->unit_s = ov[6];
		q->unit_e = ov[7];
		q->after_s = ov[8] != PCRE2_UNSET ? ov[8] : ov[7];
		q->after_e = ov[8] != PCRE2_UNSET ? ov[9] : ov[7];
		at = ov[1] > at ? ov[1] : at + 1;
	}
	return 0;
}

/* The indicator names of the piece [ps, pe): one scan, shared by the
 * finders that look a name up. */
static int scan_indicators(brief_annot *t, brief_annotator *x, size_t ps, size_t pe)
{
	const char *text = t->a->text;
	for (size_t at = ps; at < pe;) {
		/* the longest name at the first place one starts */
		const brief_lex_entry *w = brief_wordset_prefix(x->names, text, at, pe);
		if (!w) {
			at = brief_wordset_next_char(text, at, pe);
			continue;
		}
		const alias *al = g_hash_table_lookup(x->alias, w->word);
		if (!al || !grow((void **)&t->ind, &t->cap_ind, t->nind, sizeof *t->ind))
			return -1;
		size_t end = at + strlen(w->word);
		t->ind[t->nind++] = (brief_indicator_span){ at, end, al->name, al->whole };
		at = end;
	}
	return 0;
}

/* Sentence s in pieces of at most BRIEF_MAXPIECE bytes, cut at a clause
 * mark in their second half where there is one. */
static int cut_pieces(brief_annot *t, brief_annotator *x, size_t s)
{
	const char *text = t->a->text;
	size_t ss = t->a->sents[s].start, se = t->a->sents[s].end;
	t->sents[s].piece = t->npieces;
	while (ss < se) {
		size_t pe = se;
		if (se - ss > BRIEF_MAXPIECE) {
			pe = ss + BRIEF_MAXPIECE;
			while (pe > ss && (text[pe] & 0xC0) == 0x80)
				pe--;
			size_t mark = brief_annot_clause_start(t, ss + BRIEF_MAXPIECE / 2, pe);
			if (mark > ss + BRIEF_MAXPIECE / 2)
				pe = mark;
		}
		if (!grow((void **)&t->pieces, &t->cap_pieces, t->npieces, sizeof *t->pieces))
			return -1;
		size_t q = t->nqty;
		/* names are read before numbers: a piece without one needs none */
		if (scan_quantities(t, x, ss, pe) ||
		    (t->nqty > q && scan_indicators(t, x, ss, t->qty[t->nqty - 1].start)))
			return -1;
		t->pieces[t->npieces++] = (brief_piece){ ss, pe, q, t->nqty - q };
		ss = pe;
	}
	t->sents[s].npieces = t->npieces - t->sents[s].piece;
	return 0;
}

/* ---------------------------------------------------------------- */
/* Years.                                                            */

static int year_of(const char *date)
{
	return date && strlen(date) >= 4 ? atoi(date) : 0;
}

static bool before_is(const char *s, size_t i, const char *w)
{
	size_t k = strlen(w);
	return i >= k && !memcmp(s + i - k, w, k);
}

/*
 * "今年" when the article has no date: the year it mentions most, not
 * counting what speaks of other years than the present one: a review of
 * a past year (2024年度), a horizon (到2035年), a full date (2026年9月
 * 10日竣工).
 */
static int mode_year(const char *s, size_t n)
{
	int count[200] = { 0 }, best = 0;
	for (size_t i = 0; i + 7 <= n; i++) {
		if (s[i] != '2' || s[i + 1] != '0' || memcmp(s + i + 4, "年", 3) != 0)
			continue;
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		size_t after = i + 7;
		if ((after + 3 <= n && !memcmp(s + after, "度", 3)) ||
		    before_is(s, i, "到") || before_is(s, i, "至") ||
		    (after < n && s[after] >= '0' && s[after] <= '9'))
			continue;
		int y = atoi(s + i);
		if (y >= 2000 && y < 2200 && ++count[y - 2000] > count[best])
			best = y - 2000;
	}
	return count[best] ? 2000 + best : 0;
}

/* Every 20xx年 of the text, once. */
static int find_years(brief_annot *t)
{
	const char *s = t->a->text;
	size_t n = t->a->text_len, cap = 0;
	for (size_t i = 0; i + 7 <= n; i++) {
		const char *p = memchr(s + i, '2', n - 6 - i);
		if (!p)
			break;
		i = (size_t)(p - s);
		if (s[i + 1] != '0' || memcmp(s + i + 4, "年", 3) != 0)
			continue;
		if (!grow((void **)&t->years, &cap, t->nyears, sizeof *t->years))
			return -1;
		bool digit = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
		t->years[t->nyears++] = (year_mention){ i, atoi(s + i), digit };
	}
	if (!(t->good_year = malloc((t->nyears + 1) * sizeof *t->good_year)))
		return -1;
	for (size_t i = 0, last = 0; i < t->nyears; i++) {
		if (!t->years[i].after_digit)
			last = i + 1;
		t->good_year[i] = last;
	}
	return 0;
}

/* The first year mention at or after byte `at`. */
static size_t first_year(const brief_annot *t, size_t at)
{
	size_t lo = 0, hi = t->nyears;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->years[mid].at < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int brief_annot_year_in(const brief_annot *t, size_t from, size_t to)
{
	if (to < from + 7)
		return 0;
	size_t end = first_year(t, to - 6);     /* the first whose 年 ends after `to` */
	size_t g = end ? t->good_year[end - 1] : 0;
	if (g && t->years[g - 1].at >= from)
		return t->years[g - 1].year;
	/* 12024年 at the very start of the range counts */
	size_t k = first_year(t, from);
	return k < end && t->years[k].at == from ? t->years[k].year : 0;
}

/* ---------------------------------------------------------------- */
/* 该区, 全县 …                                                       */

static int cmp_pronoun(const void *x, const void *y)
{
	const pronoun *a = x, *b = y;
	return a->at < b->at ? -1 : a->at > b->at;
}

static int find_pronouns(brief_annot *t)
{
	const char *s = t->a->text;
	size_t n = t->a->text_len, cap = 0;
	t->pron_words = brief_words("cues.tsv", "region-pronoun");
	for (size_t k = 0; t->pron_words[k]; k++) {
		size_t len = strlen(t->pron_words[k]);
		for (const char *p = s; len && (p = memmem(p, n - (size_t)(p - s),
							   t->pron_words[k], len)); p++) {
			if (!grow((void **)&t->pron, &cap, t->npron, sizeof *t->pron))
				return -1;
			t->pron[t->npron++] = (pronoun){ (size_t)(p - s), k };
		}
	}
	if (t->npron)
		qsort(t->pron, t->npron, sizeof *t->pron, cmp_pronoun);
	return 0;
}

static size_t first_pronoun(const brief_annot *t, size_t at)
{
	size_t lo = 0, hi = t->npron;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->pron[mid].at < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t brief_annot_last_name(const brief_annot *t, size_t from, size_t to)
{
	size_t end = from;
	for (size_t i = first_hit(t, from); i < t->nhits && t->hits[i].start < to; i++)
		if (t->hits[i].end <= to)
			end = t->hits[i].end;
	/* 该区, 全区 … stand for a region too: each word, in the table's
	 * order, from where the names so far end */
	for (size_t k = 0; t->pron_words[k]; k++) {
		size_t len = strlen(t->pron_words[k]);
		for (size_t i = first_pronoun(t, end); i < t->npron && t->pron[i].at < to; i++)
			if (t->pron[i].k == k && t->pron[i].at + len <= to)
				end = t->pron[i].at + len;
	}
	return end;
}

/* ---------------------------------------------------------------- */
/* The analysis.                                                     */

/* The regions of the article: mentions, the main one and what it lies
 * in, each sentence's subject. */
static int regions(brief_annot *t)
{
	const brief_article *a = t->a;
	t->nhits = brief_gazetteer_scan(t->g, a->text, a->text_len, &t->hits);
	if (t->nhits == (size_t)-1) {
		t->nhits = 0;
		return -1;
	}
	t->main = main_region(t->g, t->hits, t->nhits, a->nsents ? a->sents[0].end : 0);
	size_t k = 0;
	for (const brief_region *p = t->main ? brief_region_parent(t->g, t->main) : NULL;
	     p && k < sizeof t->above / sizeof t->above[0]; p = brief_region_parent(t->g, p))
		t->above[k++] = p;
	if (index_hits(t))
		return -1;
	subjects(t);
	return 0;
}

/* Each clause's region at its start and the year it names. */
static void clause_facts(brief_annot *t)
{
	for (size_t i = 0; i < t->nclauses; i++) {
		brief_annot_clause *c = &t->clauses[i];
		c->region = region_at(t, c->start);
		c->year = brief_annot_year_in(t, c->start, c->stop);
	}
}

brief_annot *brief_annot_new(brief_annotator *x, const brief_gazetteer *g,
			     const brief_article *a)
{
	brief_annot *t = calloc(1, sizeof *t);
	signed char *tense = calloc(a->nsents + 1, 1);
	if (!t || !tense || !(t->sents = calloc(a->nsents + 1, sizeof *t->sents)))
		goto fail;
	t->a = a;
	t->g = g;
	if (find_years(t) || find_pronouns(t))
		goto fail;
	for (size_t s = 0; s < a->nsents; s++)
		if (cut_clauses(t, s))
			goto fail;
	for (size_t s = 0; s < a->nsents; s++)
		if (cut_pieces(t, x, s))
			goto fail;
	if (cut_all_lists(t) || regions(t))
		goto fail;
	clause_facts(t);
	t->year = year_of(a->published);
	if (!t->year)
		t->year = mode_year(a->text, a->text_len);
	t->plan = brief_plan_year(a, year_of(a->published), t->year);
	brief_sections(a, t->plan, tense);
	for (size_t s = 0; s < a->nsents; s++) {
		t->sents[s].tense = tense[s];
		t->sents[s].heading = brief_sentence_heading(a, s);
	}
	brief_periods(t, t->sents);
	free(tense);
	return t;
fail:
	free(tense);
	brief_annot_free(t);
	return NULL;
}

void brief_annot_free(brief_annot *t)
{
	if (!t)
		return;
	free(t->hits);
	free(t->lastq);
	free(t->nexts);
	free(t->sents);
	free(t->clauses);
	free(t->pieces);
	free(t->lists);
	free(t->qty);
	free(t->ind);
	free(t->years);
	free(t->good_year);
	free(t->pron);
	free(t);
}

/* ---------------------------------------------------------------- */
/* Reading it.                                                       */

const brief_article *brief_annot_article(const brief_annot *t)
{
	return t->a;
}

const brief_annot_sentence *brief_annot_sentences(const brief_annot *t, size_t *n)
{
	*n = t->a->nsents;
	return t->sents;
}

const brief_annot_clause *brief_annot_clauses(const brief_annot *t, size_t *n)
{
	*n = t->nclauses;
	return t->clauses;
}

const brief_piece *brief_annot_pieces(const brief_annot *t, size_t *n)
{
	*n = t->npieces;
	return t->pieces;
}

const brief_span *brief_annot_lists(const brief_annot *t, size_t *n)
{
	*n = t->nlists;
	return t->lists;
}

const brief_quantity *brief_annot_quantities(const brief_annot *t, size_t *n)
{
	*n = t->nqty;
	return t->qty;
}

const brief_indicator_span *brief_annot_indicators(const brief_annot *t, size_t *n)
{
	*n = t->nind;
	return t->ind;
}

const brief_indicator_span *brief_annot_indicator_at(const brief_annot *t, size_t start,
						    size_t end)
{
	size_t lo = 0, hi = t->nind;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->ind[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->nind && t->ind[lo].start == start && t->ind[lo].end == end ? &t->ind[lo]
										    : NULL;
}

const brief_region_hit *brief_annot_hits(const brief_annot *t, size_t *n)
{
	*n = t->nhits;
	return t->hits;
}

const brief_region *brief_annot_main(const brief_annot *t)
{
	return t->main;
}

const brief_annot_clause *brief_annot_clause_at(const brief_annot *t, size_t at)
{
	size_t s = sentence_at(t->a, at);
	if (s >= t->a->nsents || t->a->sents[s].start > at || !t->sents[s].nclauses)
		return NULL;
	size_t lo = t->sents[s].clause, hi = lo + t->sents[s].nclauses;
	while (hi - lo > 1) {   /* the last clause starting at or before `at` */
		size_t mid = lo + (hi - lo) / 2;
		if (t->clauses[mid].start <= at)
			lo = mid;
		else
			hi = mid;
	}
	return &t->clauses[lo];
}

size_t brief_annot_clause_start(const brief_annot *t, size_t from, size_t at)
{
	const brief_annot_clause *c = brief_annot_clause_at(t, at);
	/* outside the sentences, or reaching back before one: the text says */
	if (!c || at > c->mark ||
	    (from < c->start && c->start == t->a->sents[c->sent].start))
		return brief_clause_start(t->a->text, from, at);
	return c->start > from ? c->start : from;
}

size_t brief_annot_clause_end(const brief_annot *t, size_t at, size_t to)
{
	if (at >= to)
		return to;
	const brief_annot_clause *c = brief_annot_clause_at(t, at);
	size_t se = c ? t->a->sents[c->sent].end : 0;
	if (!c || at > c->mark || (c->end == se && to > se))
		return brief_clause_end(t->a->text, at, to);
	return c->end < to ? c->end : to;
}

const brief_region *brief_annot_region(const brief_annot *t, size_t offset)
{
	const brief_annot_clause *c = brief_annot_clause_at(t, offset);
	const brief_sentence *s = c ? &t->a->sents[c->sent] : NULL;
	/* a sentence within the look-back: what the clause names before
	 * `offset`, else what it was about from its start */
	if (c && s->end - s->start <= LOOKBACK && offset <= c->mark) {
		const brief_region *r = in_clause(t, c->start, offset);
		return r ? r : c->region;
	}
	return region_at(t, offset);
}

int brief_annot_section(const brief_annot *t, size_t offset)
{
	size_t s = sentence_at(t->a, offset);
	return s < t->a->nsents ? t->sents[s].tense : 0;
}

int brief_annot_plan_year(const brief_annot *t)
{
	return t->plan;
}

int brief_annot_year(const brief_annot *t)
{
	return t->year;
}

/*
 * The character offset of byte `at`, counted on from the last one asked
 * for in the same text: the finders locate their facts in text order, so
 * an article costs a few passes, not one per fact (a hostile article has
 * thousands).
 */
static size_t char_offset(const brief_annot *ct, size_t at)
{
	brief_annot *t = (brief_annot *)ct;     /* a cache of the analysis */
	if (at < t->counted_byte)
		t->counted_byte = t->counted_chars = 0;
	t->counted_chars += brief_utf8_chars(t->a->text + t->counted_byte, at - t->counted_byte);
	t->counted_byte = at;
	return t->counted_chars;
}

int brief_fact_locate(brief_fact *f, const brief_annot *t,
		      const brief_region *r, size_t start, size_t end)
{
	const brief_gazetteer *g = t->g;
	const brief_article *a = t->a;
	const brief_region *p = r ? brief_region_parent(g, r) : NULL;
	if (r) {
		f->region = strdup(r->name);
		f->region_code = strdup(r->code);
		if (p)
			f->parent_code = strdup(p->code);
	}
	f->evidence = strndup(a->text + start, end - start);
	f->offset = char_offset(t, start);
	size_t s = sentence_at(a, start);
	f->sentence = s < a->nsents ? (int)s : -1;
	return f->evidence && (!r || (f->region && f->region_code)) ? 0 : -1;
}

bool brief_in_garble(const brief_article *a, size_t start, size_t end)
{
	for (size_t i = 0; i < a->ngarbles; i++)
		if (a->garbles[i].start < end && start < a->garbles[i].end)
			return true;
	return false;
}
