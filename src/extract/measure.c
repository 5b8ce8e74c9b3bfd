/*
 * measure.c - targets and actual results: every quantity of a clause
 * (增长5.5%, 801.57亿元, 100个以上, 全省第一) with its indicator, kind,
 * bound, qualifier, period and year, and whether it is a goal or a result.
 */
#include "extract/measure.h"

#include <stdio.h>
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/number.h"
#include "extract/words.h"
#include "extract/wordset.h"
#include "util/buf.h"
#include "util/lexicon.h"
#include "util/rx.h"
#include "util/utf8.h"

/* A rank: 全省第一, 位居全市第二, 保持全市首位, 拔得头筹. {scope} is
 * data/cues.tsv rank-scope, {verb} rank-verb, {vscope} rank-verb-scope. */
static const char rank_tmpl[] =
	"(?:(?<scope>{scope})(?:第(?<n>[一二三四五六七八九十\\d]+)(?:位|名)?|首位|榜首|之首)"
	"|{verb}(?<scope2>{vscope}|\\p{Han}{1,4}[省市州])?第(?<n2>[一二三四五六七八九十\\d]+)"
	"|拔得头筹|名列前茅(?!\\p{sc=Han}))";

/* The patterns: quantities, ranks, and the tense markers as alternations. */
/* A count of projects: 32个项目, 项目19个, 等12个重点项目, 总投资…的429个项目. */
static const char many_re[] =
	"(?:\\d+|[一二两三四五六七八九十百千]+)(?:个|项|宗|批)[^，。；,;]{0,12}?(?:项目|工程)"
	"|(?:项目|工程)(?:\\d+|[一二两三四五六七八九十百千]+)(?:个|项|宗)";

/* 三次产业结构为3.4:39.0:57.6 (a communiqué's sector shares). */
static const char sectors_re[] =
	"三次产业(?:结构|比例|比重)[^，。；,;:0-9]{0,6}?(?<a>\\d+(?:\\.\\d+)?)[:：]"
	"(?<b>\\d+(?:\\.\\d+)?)[:：](?<c>\\d+(?:\\.\\d+)?)";

enum { RX_RANK, RX_GOAL, RX_RESULT, RX_MANY, RX_SECTORS, RX_PLACE,
       /* cue classes of data/cues.tsv, found by one scan each */
       RX_GOAL_STRONG, RX_RESULT_STRONG, RX_SPEC, RX_MANY_WORDS, RX_COMPARISON, RX_N };

static const char *const cue_rx[] = { "goal-strong", "result-strong", "spec",
				      "many-projects", "comparison" };

struct brief_measures {
	brief_rxset s;
};

/* The cue words of a class (data/cues.tsv). */

/* a then b, malloc'd (NULL on OOM). */
static char *concat(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	char *s = malloc(n + m + 1);
	if (s) {
		memcpy(s, a, n);
		memcpy(s + n, b, m + 1);
	}
	return s;
}

/* The rank pattern with its word classes spliced in; NULL on OOM. */
static char *rank_pattern(const brief_lexicon *cl)
{
	static const char *const slot[][2] = { { "{scope}", "rank-scope" },
						{ "{verb}", "rank-verb" },
						{ "{vscope}", "rank-verb-scope" } };
	brief_buf b = BRIEF_BUF_INIT;
	for (const char *p = rank_tmpl; *p;) {
		size_t k = 0;
		while (k < 3 && strncmp(p, slot[k][0], strlen(slot[k][0])))
			k++;
		if (k == 3) {
			brief_buf_putc(&b, *p++);
			continue;
		}
		char *alt = brief_lex_alternation(cl, slot[k][1], 0);
		if (!alt) {
			brief_buf_free(&b);
			return NULL;
		}
		brief_buf_puts(&b, alt);
		free(alt);
		p += strlen(slot[k][0]);
	}
	return brief_buf_detach(&b, NULL);
}

/* A sentence opening with a place below the county as its subject:
 * X村位于…, X镇现有… (data/cues.tsv place-suffix, place-next). */
static char *place_pattern(const brief_lexicon *cl)
{
	char *suffix = brief_lex_alternation(cl, "place-suffix", 0);
	char *next = brief_lex_alternation(cl, "place-next", 0);
	char *rx = suffix && next ? g_strdup_printf("\\G(\\p{Han}{2,8}?(?:%s))(?=%s)", suffix,
						     next) : NULL;
	char *r = rx ? strdup(rx) : NULL;
	g_free(rx);
	free(suffix);
	free(next);
	return r;
}

brief_measures *brief_measures_new(void)
{
	brief_measures *m = calloc(1, sizeof *m);
	const brief_lexicon *cl = brief_lexicon_get("cues.tsv");
	char *goal = cl ? brief_lex_alternation(cl, "goal", 1) : NULL;
	char *result = cl ? brief_lex_alternation(cl, "result", 1) : NULL;
	char *rank = cl ? rank_pattern(cl) : NULL, *cues[RX_N - RX_GOAL_STRONG] = { NULL };
	char *place = cl ? place_pattern(cl) : NULL;
	const char *res[RX_N] = { rank, goal, result, many_re, sectors_re, place };
	bool ok = m && goal && result && rank && place;
	for (size_t i = 0; i < RX_N - RX_GOAL_STRONG; i++) {
		cues[i] = cl ? brief_lex_alternation(cl, cue_rx[i], 0) : NULL;
		res[RX_GOAL_STRONG + i] = cues[i];
		ok &= cues[i] != NULL;
	}
	/* hostile text (a megabyte of 亿) must end in "no match", fast */
	if (!ok || brief_rxset_init(&m->s, res, RX_N, 100000)) {
		free(m);
		m = NULL;
	}
	for (size_t i = 0; i < RX_N - RX_GOAL_STRONG; i++)
		free(cues[i]);
	free(goal);
	free(result);
	free(rank);
	free(place);
	return m;
}

void brief_measures_free(brief_measures *m)
{
	if (!m)
		return;
	brief_rxset_free(&m->s);
	free(m);
}

/* ---------------------------------------------------------------- */
/* Small text helpers over a clause [s, s+n).                        */

/* ---------------------------------------------------------------- */
/* Goal or result.                                                   */

/* The governing verb written in the clause or, failing that, the
 * sentence before the quantity (确保GDP增长5.6%以上、力争6%). */
static const char *qualifier_in(const char *const *qualifiers, const char *t,
				size_t cs, size_t qs, size_t ss)
{
	const char *best = NULL;
	size_t best_at = 0;
	for (size_t from = cs;; from = ss) {
		for (const char *const *q = qualifiers; *q; q++) {
			const char *p = qs > from ? brief_find_last_word(t + from, qs - from, *q) : NULL;
			size_t i = p ? (size_t)(p - t) + strlen(*q) : 0;
			if (p && (!best || i > best_at)) {
				best = *q;
				best_at = i;
			}
		}
		if (best || from == ss)
			return best;
	}
}

static const char *qualifier(const char *t, size_t cs, size_t qs, size_t ss)
{
	const char *q = qualifier_in(brief_cue("modal"), t, cs, qs, ss);
	return q ? q : qualifier_in(brief_cue("verb"), t, cs, qs, cs);
}

/* ---------------------------------------------------------------- */
/* One quantity.                                                     */

typedef struct qty {
	bool tier;              /* 万亿级: the indicator follows */
	size_t start, end;      /* the number and unit */
	double value;
	const char *unit;       /* normalised */
	const char *kind;
	const char *cls;        /* the unit's class in data/units.tsv */
	const char *bound;
	bool chinese;           /* written in Chinese numerals */
	size_t scope_s, scope_e;/* 全省 of 全省第一, 区本级: in the text, or 0, 0 */
	int year;               /* its own of a list of years (分别在2021年、2022年), or 0 */
} qty;

/* Units as the briefings print them (data/units.tsv), value scaled to
 * match; *amount when the unit measures a level rather than a count, a
 * growth or a share. NULL for a unit the table lacks. */
static const char *norm_unit(const char *u, size_t n, double *v, bool *amount,
			     const char **cls)
{
	size_t ne;
	const brief_lex_entry *e = brief_lex_entries(brief_lexicon_get("units.tsv"), &ne);
	if (n && u[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < ne; i++) {
		if (strlen(e[i].word) != n || memcmp(u, e[i].word, n))
			continue;
		static const char *const not_level[] = { "pct", "pp", "permille", "times",
							 "classifier", NULL };
		*amount = true;
		for (const char *const *c = not_level; *c; c++)
			if (!strcmp(e[i].cls, *c))
				*amount = false;
		*cls = e[i].cls;
		const char *out = *e[i].value ? e[i].value : e[i].word;
		if (*e[i].extra)
			*v *= strtod(e[i].extra, NULL);
		if (!strcmp(e[i].cls, "pct"))
			return "%";
		if (!strcmp(out, "元") && *v >= 1e8) {
			*v /= 1e8;
			return "亿元";
		}
		if (!strcmp(out, "元") && *v >= 1e4) {
			*v /= 1e4;
			return "万元";
		}
		return out;
	}
	return NULL;
}

/* The bound the words around a number give it (data/cues.tsv bound-*):
 * 以上/超过 min, 左右/约 approx, 以下/不超过 max; 不超过 is read before 超过. */
/* The bound the words just before a number set, or NULL. */
static const char *bound_before(const char *t, size_t cs, size_t qs)
{
	if (ends_any(t + cs, qs - cs, brief_cue("bound-max-before")))
		return "max";
	if (ends_any(t + cs, qs - cs, brief_cue("bound-min-before")))
		return "min";
	if (ends_any(t + cs, qs - cs, brief_cue("bound-approx-before")))
		return "approx";
	return NULL;
}

static const char *bound_of(const char *t, size_t cs, size_t qs, size_t qe,
			    size_t ce)
{
	const char *after = t + qe, *before = t + cs;
	size_t an = ce - qe, bn = qs - cs;
	if (ends_any(before, bn, brief_cue("bound-max-before")))
		return "max";
	if (starts_any(after, an, brief_cue("bound-min-after")) ||
	    ends_any(before, bn, brief_cue("bound-min-before")))
		return "min";
	if (starts_any(after, an, brief_cue("bound-approx-after")) ||
	    ends_any(before, bn, brief_cue("bound-approx-before")))
		return "approx";
	if (starts_any(after, an, brief_cue("bound-max-after")))
		return "max";
	if (contains(after, an < 12 ? an : 12, "大关"))
		return "min";
	return "exact";
}

static const char *kind_of(const char *t, size_t cs, size_t qs,
			   const char *unit, bool amount)
{
	if (!strcmp(unit, "%")) {
		/* 提高到3%, 控制在5%以内: a level moved to, whatever was said before */
		if (ends_any(t + cs, qs - cs, brief_cue("kind-level-to")))
			return "share";
		const char *const *share = brief_cue("kind-share"), *const *growth = brief_cue("kind-growth");
		const char *g = NULL, *s = NULL;
		/* the nearer of the two words before the number decides */
		size_t gi = 0, si = 0;
		for (const char *const *w = growth; *w; w++) {
			const char *p = qs > cs ? brief_find_last_word(t + cs, qs - cs, *w) : NULL;
			size_t i = p ? (size_t)(p - t) + strlen(*w) : 0;
			if (i > gi) { gi = i; g = *w; }
		}
		for (const char *const *w = share; *w; w++) {
			const char *p = qs > cs ? brief_find_last_word(t + cs, qs - cs, *w) : NULL;
			size_t i = p ? (size_t)(p - t) + strlen(*w) : 0;
			if (i > si) { si = i; s = *w; }
		}
		/* 强度达到3.5%, 提高到60%: a level reached, no growth said */
		if (!g && !s && ends_any(t + cs, qs - cs, brief_cue("kind-share-verb")))
			return "share";
		return s && (!g || si > gi) ? "share" : "growth";
	}
	return amount ? "level" : "count";
}

/* Words after a count that make it something else: 3个小时, 6个月. */
static bool not_a_count(const char *t, size_t qe, size_t end)
{
	for (const char *const *a = brief_cue("not-count"); *a; a++)
		if (starts_with(t + qe, end - qe, *a))
			return true;
	return false;
}

/*
 * An amount that qualifies the words after it rather than being a fact:
 * 3亿元以上项目, 总投资120亿元的项目, 百亿元以上1个, 18万平方米, 百亿项目.
 */
static bool qualifies_next(const char *t, size_t qe, size_t ce, bool chinese)
{
	const char *a = t + qe;
	size_t n = ce - qe;
	if (starts_with(a, n, "以上") || starts_with(a, n, "以下")) {
		a += 6;
		n -= 6;
		if (n == 0 || starts_with(a, n, "、") || starts_with(a, n, "和"))
			return false;
		return true;    /* 以上项目, 以上1个 */
	}
	/* 超1亿元、10亿元的全产业链: the amount of a list of thresholds */
	if (starts_with(a, n, "、") || starts_with(a, n, "和") || starts_with(a, n, "至")) {
		size_t i = 3;
		while (i < n && ((a[i] >= '0' && a[i] <= '9') || a[i] == '.'))
			i++;
		while (i > 3 && i + 3 <= n && (starts_with(a + i, n - i, "万") ||
					       starts_with(a + i, n - i, "亿") ||
					       starts_with(a + i, n - i, "元")))
			i += 3;
		if (i > 3 && starts_with(a + i, n - i, "的"))
			return true;
	}
	if (starts_with(a, n, "的") || starts_with(a, n, "平方") || starts_with(a, n, "亩") ||
	    starts_with(a, n, "千瓦") || starts_with(a, n, "吨") || starts_with(a, n, "辆") ||
	    starts_with(a, n, "台") || starts_with(a, n, "方") || starts_with(a, n, "级"))
		return true;
	if (chinese && n >= 3 && !starts_with(a, n, "大关")) {
		size_t i = 0;
		uint32_t cp = brief_utf8_next(a, n, &i);
		return brief_is_han(cp);        /* 百亿项目 */
	}
	return false;
}

static bool negative(const char *t, size_t cs, size_t qs)
{
	return ends_with(t + cs, qs - cs, "下降") || ends_with(t + cs, qs - cs, "减少") ||
	       ends_with(t + cs, qs - cs, "回落");
}

static bool in_quotes(const char *t, size_t cs, size_t at);

/* Reads the quantity the annotation found; false when it is none. */
static bool read_qty(const brief_quantity *a, const char *t, size_t cs, size_t ce,
		     qty *q)
{
	size_t ns = a->num_s, ne = a->num_e, us = a->unit_s, ue = a->unit_e;
	bool after = a->after_e > a->after_s;
	bool amount, tier = after && !memcmp(t + a->after_s, "级", 3);
	bool more = a->more;
	double v;

	q->start = ns;
	q->scope_s = q->scope_e = 0;
	q->year = 0;
	q->end = after && !tier ? a->after_e : ue;
	q->chinese = !(t[ns] >= '0' && t[ns] <= '9');
	q->tier = tier;
	if (ns > cs && (ends_with(t + cs, ns - cs, "第") || ends_with(t + cs, ns - cs, "“")))
		return false;   /* an ordinal; a slogan (“十链百亿”, “两个确保”) */
	if (!brief_number_parse(t + ns, ne - ns, &v))
		return false;
	if (q->chinese && in_quotes(t, cs, ns))
		return false;
	/* 百亿项目, 千亿级产业: a tier word, unless a verb reaches for it */
	if (tier && !(ends_with(t + cs, ns - cs, "冲刺") || ends_with(t + cs, ns - cs, "迈向") ||
		      ends_with(t + cs, ns - cs, "突破") || ends_with(t + cs, ns - cs, "迈入") ||
		      ends_with(t + cs, ns - cs, "、")))
		return false;
	if (!(q->unit = norm_unit(t + us, ue - us, &v, &amount, &q->cls)))
		return false;
	if (!amount && strcmp(q->unit, "%") != 0 &&
	    (q->chinese || not_a_count(t, ue, ce)))
		return false;   /* 八项规定, 两个维护: Chinese-numeral counts are phrases */
	if (amount && !tier && qualifies_next(t, q->end, ce, q->chinese))
		return false;
	q->kind = !strcmp(q->cls, "pp") || !strcmp(q->cls, "times") ? "growth"
		  : !strcmp(q->cls, "permille") ? "share"
		  : kind_of(t, cs, ns, q->unit, amount);
	q->bound = more ? "min" : bound_of(t, cs, ns, q->end, ce);
	if (!strcmp(q->kind, "growth") && negative(t, cs, ns))
		v = -v;
	q->value = v;
	return true;
}

/* Inside an open “ in [cs, at): a slogan such as “千项万亿”. */
static bool in_quotes(const char *t, size_t cs, size_t at)
{
	int depth = 0;
	for (size_t i = cs; i + 3 <= at; i++) {
		if (!memcmp(t + i, "“", 3))
			depth++;
		else if (!memcmp(t + i, "”", 3) && depth > 0)
			depth--;
	}
	return depth > 0;
}

/* ---------------------------------------------------------------- */

typedef struct ctx {
	brief_measures *m;
	const brief_gazetteer *g;
	const brief_annot *at;
	const brief_article *a;
	brief_facts *out;
	int year;
	int tense;              /* +1 goals, -1 results: carried in a paragraph */
	int para;
	size_t sent_first;      /* the current sentence's first fact in out */
	char *label;            /* a caption line just before, no number in it */
	brief_table table;      /* the table whose rows are being read */
	bool framed;            /* the sentence has set the paragraph's tense */
	const brief_annot_sentence *sent;       /* the sentence being read: its
						 * frame and horizon */
	size_t place_s, place_e;/* the place below the county the paragraph
				 * is about (X村位于…), or 0, 0 */
} ctx;

static bool has_match(ctx *c, size_t rx, size_t s, size_t e)
{
	return brief_rxset_match(&c->m->s, rx, c->a->text, s, e) != NULL;
}

/* +1 when [s, e) speaks of goals, -1 of results, 0 when it does not say. */
static int tense_of(ctx *c, size_t s, size_t e, int year)
{
	/* the words that decide even against a section decide first */
	bool gs = has_match(c, RX_GOAL_STRONG, s, e), rs = has_match(c, RX_RESULT_STRONG, s, e);
	if (gs != rs)
		return gs ? 1 : -1;
	const char *tm = has_match(c, RX_GOAL, s, e) ? "goal" : NULL;
	const char *am = has_match(c, RX_RESULT, s, e) ? "result" : NULL;
	int y = brief_annot_year_in(c->at, s, e);
	if (y && year && y < year)
		am = "past year";
	if (tm && !am)
		return 1;
	if (am && !tm)
		return -1;
	return 0;
}

/*
 * Goal or result: the clause says, else the sentence up to the quantity,
 * else the whole sentence, else what the paragraph was saying before.
 */
static int strong_tense(ctx *c, size_t s, size_t e)
{
	bool g = has_match(c, RX_GOAL_STRONG, s, e), r = has_match(c, RX_RESULT_STRONG, s, e);
	return g == r ? 0 : g ? 1 : -1;
}

/* Whether the number [qs, qe) of the clause [cs, ce) has a bound only
 * goals set (data/cues.tsv goal-after, goal-before). */
static bool goal_bound(const char *t, size_t cs, size_t qs, size_t qe, size_t ce)
{
	return starts_any(t + qe, ce - qe, brief_cue("goal-after")) ||
	       ends_any(t + cs, qs - cs, brief_cue("goal-before"));
}

/* `around`: the number has a bound only goals set (增长5%左右, 不少于2500家);
 * a result gives its figure (增长5.2%). It decides only what nothing else
 * in the text does. */
/* A word of a result in [s, e), not one naming the basis of a comparison
 * (与上年度持平, 比上年: data/cues.tsv basis) that goals make too. */
static bool result_said(ctx *c, size_t s, size_t e)
{
	const char *t = c->a->text;
	for (PCRE2_SIZE *ov; s < e && (ov = brief_rxset_match(&c->m->s, RX_RESULT_STRONG, t, s, e));
	     s = ov[1]) {
		bool basis = false;
		for (const char *const *w = brief_cue("basis"); *w && !basis; w++)
			basis = ends_with(t + s, ov[0] - s, *w);
		if (!basis)
			return true;
	}
	return false;
}

static bool is_target(ctx *c, size_t cs, size_t qs, size_t ss, size_t se, bool around)
{
	int sect = brief_annot_section(c->at, qs), k;
	if (sect) {
		/* the section decides, unless the clause says otherwise in words
		 * that do not occur in the other kind of section */
		bool g = has_match(c, RX_GOAL_STRONG, cs, qs);
		bool r = result_said(c, ss, qs);
		k = sect < 0 ? (g && !r ? 1 : -1) : (r && !g ? -1 : 1);
		c->tense = k;
		return k > 0;
	}
	k = tense_of(c, cs, qs, c->year);
	if (!k)
		k = tense_of(c, ss, qs, c->year);
	/* what a clause says carries to the clauses after it in the
	 * paragraph; what it only inherits does not */
	if (k) {
		/* a sentence's frame is its first decided clause: 年度计划投资
		 * at its end does not make the next sentence a goal */
		/* …项目11个，总投资263.9亿元，年度计划投资16.4亿元: only a
		 * sentence's first figure frames what follows */
		if (!c->framed && c->out->n == c->sent_first)
			c->tense = k;
		c->framed = true;
		return k > 0;
	}
	/* the rest of the sentence, in words that decide alone: a clause
	 * after this one (…，年度计划投资16.4亿元) says nothing of it */
	k = strong_tense(c, qs, se);
	/* 加快实施N个项目，确保今年GDP增长5.5%: a sentence that opens with
	 * its figure and sets its frame after it frames what follows too */
	if (k && !c->framed && c->out->n == c->sent_first) {
		c->tense = k;
		c->framed = true;
	}
	if (!k)
		k = c->tense;
	if (!k && around)
		k = 1;
	return k > 0;
}

static const char *period_of(const char *t, size_t ss, size_t qs, bool target,
			     int year, const char *frame, char *buf, size_t bufsz)
{
	const char *p = brief_cue_in("period-part", t, ss, qs);
	if (!p && !target && frame)
		p = frame;
	if (target && brief_horizon(t, ss, qs, buf, bufsz))
		return buf;
	if (target)
		return p ? p : "全年";
	if (p && year)
		snprintf(buf, bufsz, "%d年%s", year, p);
	else if (year)
		snprintf(buf, bufsz, "%d", year);
	else
		return p;
	return buf;
}

/* What a value is limited to or relative to: 区本级 (the district's own
 * budget), 占全省 (a share of the province's): the words in [cs, qs), or
 * an empty span. */
static void value_scope(const char *t, size_t cs, size_t qs, size_t *s, size_t *e)
{
	*s = *e = 0;
	for (const char *const *w = brief_cue("value-scope"); *w; w++) {
		size_t k = strlen(*w);
		const char *p = qs > cs ? brief_find_word(t + cs, qs - cs, *w) : NULL;
		if (p) {
			size_t i = (size_t)(p - t), from = i;
			/* 占全省: the scope is what follows 占 */
			if (k > 3 && !memcmp(*w, "占", 3))
				from += 3;
			*s = from;
			*e = i + k;
			return;
		}
	}
}

/* The fact read last, in the sentence just before the one at ss (其中
 * may open a new paragraph), or NULL. */
static const brief_fact *last_fact(const ctx *c, size_t ss)
{
	if (!c->out->n)
		return NULL;
	const brief_fact *f = &c->out->v[c->out->n - 1];
	size_t s = (size_t)f->sentence;
	return f->sentence >= 0 && s + 1 < c->a->nsents && c->a->sents[s + 1].start == ss ? f
											     : NULL;
}

/* 签约40个: a verb of project work alone counts projects (签约项目);
 * alone before anything but a count it names nothing. Takes ind. */
static char *project_count_name(char *ind, const qty *q)
{
	if (!ind || !is_word(ind, brief_cue("project-verb")))
		return ind;
	char *named = !strcmp(q->unit, "个") || !strcmp(q->unit, "项") ? concat(ind, "项目") : NULL;
	free(ind);
	return named;
}

/* The year of an article dated in its last quarter (a year-end review
 * meeting), or 0. */
static int year_end_article(const ctx *c)
{
	const char *pub = c->a->published;
	return pub && strlen(pub) >= 7 && atoi(pub + 5) >= 10 ? atoi(pub) : 0;
}

/* 全省共有28个集群 in a county's news: the province's figure (data/cues.tsv
 * province-self), unless the clause names a region of its own. */
static const brief_region *scope_region(const ctx *c, size_t cs, size_t qs,
					const brief_region *r)
{
	/* the clause's subject, at its head (今年全省…), not the basis of a
	 * share (占全省的25%) */
	const char *t = c->a->text;
	size_t head = qs - cs < 12 ? qs - cs : 12;
	const char *w = r && r->level != BRIEF_LEVEL_PROVINCE
			? brief_cue_in("province-self", t, cs, cs + head) : NULL;
	const char *at = w ? brief_find_word(t + cs, head, w) : NULL;
	if (!at || (at >= t + cs + 3 && starts_any(at - 3, 3, brief_cue("province-basis"))) ||
	    brief_annot_names_region(c->at, cs, qs))
		return r;
	const brief_region *p = r;
	while (p && p->level != BRIEF_LEVEL_PROVINCE)
		p = brief_region_parent(c->g, p);
	return p ? p : r;
}

static int emit(ctx *c, const qty *q, char *ind, const char *qual,
		bool target, size_t ss, size_t se, size_t cs, size_t ce)
{
	const char *t = c->a->text;
	ind = project_count_name(ind, q);
	/* 其中，…: a part of what the sentence before counted, of its time */
	const brief_fact *before = !q->year && !brief_annot_year_in(c->at, ss, q->start) &&
				   starts_with(t + ss, se - ss, "其中") ? last_fact(c, ss) : NULL;
	if (before && before->type != (target ? BRIEF_FACT_TARGET : BRIEF_FACT_ACTUAL))
		before = NULL;
	int before_year = before ? before->year : 0;
	char before_period[32] = "";
	if (before && before->period)
		snprintf(before_period, sizeof before_period, "%s", before->period);
	const brief_region *r = scope_region(c, cs, q->start, brief_annot_region(c->at, q->start));
	char pbuf[32];
	int y = q->year ? q->year : brief_annot_year_in(c->at, ss, q->start);
	int year = target ? (y ? y : c->year) : (y ? y : (c->year ? c->year - 1 : 0));
	/* 明年…增长6%: a year-end article sets next year's goals; 今年以来…:
	 * it reports this year */
	if (target && !y && c->year && contains(t + ss, se - ss, "明年"))
		year = c->year + 1;
	bool last_year = contains(t + ss, q->start - ss, "去年") ||
			 contains(t + ss, q->start - ss, "上年");
	/* 今年…, 此次集中开工…: what happens as the article is written */
	if (!target && !y && c->year && !last_year &&
	    (contains(t + ss, se - ss, "今年") || brief_cue_in("now", t, ss, q->start)))
		year = c->year;
	/* 预计全年… in a December article: the year now ending, not the one before */
	int pub = year_end_article(c);
	if (!target && !y && pub && !last_year && brief_cue_in("year-estimate", t, ss, q->start))
		year = pub;
	/* 春节期间…, 上半年…: a part of the present year reported as it ends,
	 * said in the sentence or by the paragraphs before */
	const char *part = brief_cue_in("year-part", t, ss, q->start);
	char mbuf[24];
	int month = 0;
	if (!part && !y && !target &&
	    (month = brief_month_span(t, ss, q->start, mbuf, sizeof mbuf)))
		part = mbuf;
	if (!part && !y && !target && c->sent->frame[0]) {
		part = c->sent->frame;
		month = c->sent->frame_month;
	}
	if (!target && !y && c->year && (part || brief_to_date_now(c->a, ss, q->start)) &&
	    !last_year)
		year = month && !brief_months_now(c->a, month) ? c->year - 1 : c->year;
	/* no indicator: nothing a briefing could print against the number;
	 * a single project's 总投资 belongs to the project (project.c) */
	bool project_money = ind && strstr(ind, "总投资") &&
			     !has_match(c, RX_MANY, ss, se) &&
			     !has_match(c, RX_MANY_WORDS, ss, se);
	bool margin = !strcmp(q->cls, "pp") && has_match(c, RX_COMPARISON, cs, q->start);
	bool spec = margin || (strcmp(q->cls, "pct") && strncmp(q->cls, "currency", 8) &&
			       has_match(c, RX_SPEC, ss, se));
	/* X村…村集体总收入达…: the village's, not the district's, unless the
	 * clause names a region (全区 too) */
	bool place = c->place_e > c->place_s && brief_annot_last_name(c->at, cs, q->start) == cs;
	if (!r || !ind || project_money || spec || brief_in_garble(c->a, cs, ce)) {
		free(ind);
		return 0;
	}
	brief_fact *f = brief_facts_push(c->out);
	if (!f) {
		free(ind);
		return -1;
	}
	f->type = target ? BRIEF_FACT_TARGET : BRIEF_FACT_ACTUAL;
	f->indicator = ind;
	f->kind = strdup(q->kind);
	f->has_value = true;
	f->value = q->value;
	/* 城区人口突破千万: a bare 万 counts people when people are meant */
	const char *unit = q->unit;
	if (!strcmp(unit, "万"))
		unit = ind && (strstr(ind, "人口") || strstr(ind, "人才")) ? "万人" : "万元";
	f->unit = strdup(unit);
	f->bound = strdup(q->bound);
	size_t sc_s = q->scope_s, sc_e = q->scope_e;
	if (sc_s == sc_e)
		value_scope(t, cs, q->start, &sc_s, &sc_e);
	f->scope = sc_s < sc_e ? strndup(t + sc_s, sc_e - sc_s) : NULL;
	f->qualifier = qual ? strdup(qual) : NULL;
	const char *p = period_of(t, ss, q->start, target, year, part, pbuf, sizeof pbuf);
	if (before) {
		year = before_year;
		p = *before_period ? before_period : NULL;
	}
	/* 到2030年，地区生产总值突破…；规上工业总产值达到…: the horizon holds
	 * for the paragraph's goals until a year is named */
	if (target && p != pbuf && !y && c->sent->horizon[0] &&
	    !brief_cue_in("frame-end", t, ss, se))
		p = c->sent->horizon;
	f->period = p ? strdup(p) : NULL;
	f->year = year;
	(void)se;
	if (place) {
		/* no code: a place below the county makes no briefing */
		f->region = strndup(t + c->place_s, c->place_e - c->place_s);
		return f->region ? brief_fact_locate(f, c->at, NULL, cs, ce) : -1;
	}
	return brief_fact_locate(f, c->at, r, cs, ce);
}

/* 21个制造业项目: a count whose noun comes after it. */
static bool noun_follows(const char *t, const qty *q, size_t ce)
{
	size_t i = q->end;
	if (strcmp(q->kind, "count") || i >= ce)
		return false;
	uint32_t cp = brief_utf8_next(t, ce, &i);
	if (starts_with(t + q->end, ce - q->end, "以上") ||
	    starts_with(t + q->end, ce - q->end, "以下") ||
	    starts_with(t + q->end, ce - q->end, "左右") ||
	    starts_with(t + q->end, ce - q->end, "的"))
		return false;
	return brief_is_han(cp) || (cp >= '0' && cp <= '9') || cp == 0x201C;    /* 1852个“…”项目 */
}

/*
 * The topic of the clause before: 今年规上工业总产值要再跨一个千亿元台阶，
 * 力争突破4000亿元 -> 规上工业总产值 (the words before its first verb).
 */
static char *topic_before(ctx *c, size_t ss, size_t cs)
{
	const char *const *verbs = brief_cue("topic-verb");
	const char *t = c->a->text;
	size_t pe = cs, ps = brief_annot_clause_start(c->at, ss, brief_utf8_prev(t, cs));
	size_t from = brief_annot_last_name(c->at, ps, pe), end = pe;
	for (const char *const *v = verbs; *v; v++) {
		const char *p = end > from ? brief_find_word(t + from, end - from, *v) : NULL;
		if (p)
			end = (size_t)(p - t);
	}
	/* the clause's own delimiter is no part of its topic */
	if (end > from && (t[end - 1] == ',' || t[end - 1] == ';'))
		end--;
	else if (end >= from + 3 && (!memcmp(t + end - 3, "，", 3) ||
				     !memcmp(t + end - 3, "；", 3)))
		end -= 3;
	const char *s = t + from;
	size_t n = end - from;
	while (n && brief_strip_word(&s, &n, brief_cue("lead"), false))
		;
	/* 截至2月4日, 目前: when, not what */
	if (!n || contains(s, n, "截至") || contains(s, n, "目前") || contains(s, n, "日") ||
	    contains(s, n, ","))
		return NULL;
	return brief_noun_phrase(s, n);
}


/*
 * 安排231.5亿元财政资金: an amount after a bare verb names what it is
 * after it; the name is the noun and the verb (财政资金安排). Takes
 * `before` (the name found before the amount) and returns the name.
 */
static char *money_named_after(const char *t, const qty *q, size_t ce, char *before)
{
	if (strncmp(q->cls, "currency", 8) || q->end >= ce ||
	    (before && !is_word(before, brief_cue("money-verb"))))
		return before;
	char *noun = brief_indicator_after(t, q->end, ce);
	if (!noun) {
		if (before && is_word(before, brief_cue("money-verb"))) {
			free(before);
			return NULL;    /* 安排 alone names nothing */
		}
		return before;
	}
	char *both = before ? concat(noun, before) : noun;
	if (before) {
		free(noun);
		free(before);
	}
	return both;
}

/* How many quantities from q on form a list: 15%、10% / 3.0%、4.6%和6.4%. */
static size_t group_size(const char *t, const qty *q, size_t n)
{
	size_t k = 1;
	while (k < n && !strcmp(q[k].unit, q[0].unit) && !q[k].tier) {
		size_t gap = q[k].start - q[k - 1].end;
		const char *g = t + q[k - 1].end;
		if (!((gap == 3 && (!memcmp(g, "、", 3) || !memcmp(g, "和", 3) ||
				    !memcmp(g, "及", 3) || !memcmp(g, "与", 3)))))
			break;
		k++;
	}
	return k;
}

/*
 * 城镇和农村居民人均可支配收入: a first item as short as the second's
 * opening words shares the rest of the second, from where the words the
 * two have in common begin (data/cues.tsv shared-from: 常住居民, 居民),
 * else after as many characters as the first has. malloc'd, or NULL.
 */
static char *shared_tail(const char *a, const char *b)
{
	size_t na = brief_utf8_chars(a, strlen(a)), nb = brief_utf8_chars(b, strlen(b));
	/* the earliest of the shared words in b, when a has none of its own:
	 * 高新技术产业、战略性新兴产业产值占…比重 */
	const char *rest = NULL;
	bool own = false;
	for (const char *const *w = brief_cue("shared-from"); *w; w++) {
		const char *p = strstr(b, *w);
		if (p && p > b && (!rest || p < rest))
			rest = p;
		own |= strstr(a, *w) != NULL;
	}
	if (own)
		return NULL;
	if (!rest && (na > 2 || nb < na + 3))
		return NULL;
	if (!rest) {
		rest = b;
		for (size_t i = 0; i < na; i++) {
			size_t j = 0;
			brief_utf8_next(rest, strlen(rest), &j);
			rest += j;
		}
	}
	char *both = concat(a, rest);
	char *c = both ? brief_indicator_canon(both, strlen(both)) : NULL;
	free(both);
	return c;
}

static void share_tail(char **out)
{
	char *c = out[0] && out[1] ? shared_tail(out[0], out[1]) : NULL;
	if (c) {
		free(out[0]);
		out[0] = c;
	}
}

/* One name for two figures that names two things: 城镇和农村X -> 城镇X,
 * 农村X. */
static void split_joined(char **out)
{
	const char *j = out[0] ? strstr(out[0], "和") : NULL;
	if (!j || j == out[0] || (size_t)(j - out[0]) > 6 || !j[3])
		return;
	char *a = strndup(out[0], (size_t)(j - out[0]));
	char *b = strdup(j + 3);
	char *first = a && b ? shared_tail(a, b) : NULL;
	char *second = first ? brief_indicator_canon(b, strlen(b)) : NULL;
	free(a);
	free(b);
	if (!second) {
		free(first);
		return;
	}
	free(out[0]);
	free(out[1]);
	out[0] = first;
	out[1] = second;
}

/*
 * 城乡居民人均可支配收入 over two figures: the first is the towns', the
 * second the villages' (data/cues.tsv pair: a word that joins two and
 * the two it joins).
 */
static void split_pair(char **out)
{
	if (out[0] && strstr(out[0], "和")) {
		split_joined(out);
		return;
	}
	size_t ne;
	const brief_lex_entry *e = brief_lex_entries(brief_lexicon_get("cues.tsv"), &ne);
	for (size_t i = 0; out[0] && out[1] && i < ne; i++) {
		size_t k = strlen(e[i].word);
		if (strcmp(e[i].cls, "pair") || strncmp(out[0], e[i].word, k) || !*e[i].value ||
		    !*e[i].extra || !out[0][k])
			continue;
		char *a = concat(e[i].value, out[0] + k), *b = concat(e[i].extra, out[0] + k);
		char *ca = a ? brief_indicator_canon(a, strlen(a)) : NULL;
		char *cb = b ? brief_indicator_canon(b, strlen(b)) : NULL;
		free(a);
		free(b);
		if (!ca || !cb) {
			free(ca);
			free(cb);
			return;
		}
		free(out[0]);
		free(out[1]);
		out[0] = ca;
		out[1] = cb;
		return;
	}
}

/* 20xx年 at t[i], i < e: its value, or 0. */
static int year_at(const char *t, size_t i, size_t e)
{
	if (i + 7 > e || t[i] != '2' || t[i + 1] != '0' || memcmp(t + i + 4, "年", 3))
		return 0;
	for (size_t j = i + 2; j < i + 4; j++)
		if (t[j] < '0' || t[j] > '9')
			return 0;
	return atoi(t + i);
}

/*
 * A list of k years in [s, e) that k quantities go with one by one:
 * 分别在2021年、2022年突破3000亿元和3500亿元. Fills years[k] and returns
 * where the list starts, or e when there is none.
 */
static size_t year_list(const char *t, size_t s, size_t e, size_t k, int *years)
{
	for (size_t i = s; i + 7 <= e; i++) {
		if (!(years[0] = year_at(t, i, e)) || (i > s && t[i - 1] >= '0' && t[i - 1] <= '9'))
			continue;
		size_t j = i + 7, n = 1;
		while (n < k && j + 10 <= e &&
		       (!memcmp(t + j, "、", 3) || !memcmp(t + j, "和", 3) || !memcmp(t + j, "及", 3)) &&
		       (years[n] = year_at(t, j + 3, e)))
			n++, j += 10;
		if (n == k && k > 1)
			return i;
	}
	return e;
}

/*
 * Indicators for a list of k quantities: 制造业投资、高新技术产业投资增长15%、
 * 10% pairs item by item; a single quantity gets the usual indicator.
 */
static void group_indicators(ctx *c, qty *q, size_t k, size_t cs, size_t se,
			     char **out)
{
	const char *t = c->a->text;
	if (k == 1) {
		size_t ce = brief_annot_clause_end(c->at, q->end, se);
		out[0] = q->tier ? brief_indicator_after(t, q->end + 3, ce)
			 : noun_follows(t, q, ce) ? brief_indicator_after(t, q->end, ce)
			 : brief_indicator_before(c->at, t, cs, q->start);
		out[0] = money_named_after(t, q, ce, out[0]);
		return;
	}
	/* 596个省大中型项目、1852个“八大行动”项目: each count names its own */
	bool counts = true;
	for (size_t j = 0; j < k && counts; j++)
		counts = noun_follows(t, &q[j], j + 1 < k ? q[j + 1].start : se);
	if (counts) {
		for (size_t j = 0; j < k; j++)
			out[j] = brief_indicator_after(t, q[j].end, j + 1 < k ? q[j + 1].start
							: brief_annot_clause_end(c->at, q[j].end, se));
		return;
	}
	size_t from = brief_annot_last_name(c->at, cs, q->start);
	int years[16];
	size_t yl = year_list(t, from, q->start, k < 16 ? k : 16, years);
	if (yl < q->start && k <= 16) {
		/* one indicator over the years: what stands before the list */
		for (const char *w; (w = ends_which(t + from, yl - from, brief_cue("years-lead")));)
			yl -= strlen(w);
		for (size_t j = 0; j < k; j++) {
			out[j] = brief_indicator_before(c->at, t, from, yl);
			q[j].year = years[j];
		}
		return;
	}
	const char *s = t + from;
	size_t n = q->start - from;
	while (n && (brief_strip_word(&s, &n, brief_cue("tail"), true) ||
		     brief_strip_word(&s, &n, brief_cue("lead"), false)))
		;
	size_t items = 1, dun = 1;
	for (size_t i = 0; i + 3 <= n; i++) {
		items += !memcmp(s + i, "、", 3) || !memcmp(s + i, "和", 3);
		dun += !memcmp(s + i, "、", 3);
	}
	/* 现代家居、有色金属和新材料、电子信息…分别达: 和 inside an item */
	bool and_joins = items == k;
	if (!and_joins && dun == k && k > 1)
		items = dun;
	if (items != k) {
		/* 城乡居民人均可支配收入分别增长5.3%和6.4%: one name for all,
		 * or one for each half of a pair (城镇…, 农村…) */
		for (size_t j = 0; j < k; j++)
			out[j] = items == 1 ? brief_noun_phrase(s, n) : NULL;
		if (items == 1 && k == 2)
			split_pair(out);
		return;
	}
	for (size_t i = 0, j = 0; i < n && j < k; j++) {
		size_t e = i;
		while (e + 3 <= n && memcmp(s + e, "、", 3) &&
		       (!and_joins || memcmp(s + e, "和", 3)))
			e++;
		if (e + 3 > n)
			e = n;
		out[j] = brief_noun_phrase(s + i, e - i);
		i = e < n ? e + 3 : n;
	}
	if (k == 2)
		share_tail(out);
}

/* 2022年 standing for an indicator: 2022年，3500亿元 (the one before). */
static bool bare_year(const char *s)
{
	size_t n = strlen(s);
	return (n == 7 || (n == 10 && !strcmp(s + 7, "度"))) && s[0] == '2' &&
	       !memcmp(s + 4, "年", 3);
}

/* 这一数据: the indicator of the fact before, in this paragraph. */
static char *last_indicator(ctx *c)
{
	if (!c->out->n)
		return NULL;
	const brief_fact *f = &c->out->v[c->out->n - 1];
	if (!f->indicator || f->sentence < 0 || c->a->sents[f->sentence].para != c->para)
		return NULL;
	return strdup(f->indicator);
}

/* Whether [s, e) says no more than a verb, after a year it may open with
 * (达到, 首次突破, 到2025年达到): a level of what was just measured. */
static bool verb_only(const char *t, size_t s, size_t e)
{
	if (e >= s + 3 && (!memcmp(t + s, "到", 3) || !memcmp(t + s, "至", 3)))
		s += 3;
	if (e >= s + 7 && t[s] == '2' && t[s + 1] == '0' && !memcmp(t + s + 4, "年", 3))
		s += 7;
	return brief_utf8_chars(t + s, e - s) <= 4;
}

/* …完成年度目标（6.5%）的92.3%: the share of the goal done; the words
 * before the bracket, or 0 when the figure is no such share. */
static size_t done_share(const char *t, size_t cs, size_t qs)
{
	if (!(ends_with(t + cs, qs - cs, "）的") || ends_with(t + cs, qs - cs, ")的")))
		return 0;
	for (const char *const *w = brief_cue("goal-paren"); *w; w++) {
		const char *p = brief_find_last_word(t + cs, qs - cs, *w);
		if (p)
			return (size_t)(p - t) + strlen(*w) - (ends_with(*w, strlen(*w), "（") ? 3 : 1);
	}
	return 0;
}

/* The names of the group before in this sentence, for a group that has
 * none of its own: 收入和支出分别达4.78亿元、20.2亿元，分别增长6.9%、0.8%. */
typedef struct group_names {
	char *v[16];
	size_t n;
} group_names;

static void group_names_clear(group_names *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i]);
	g->n = 0;
}

/* Fills a nameless group of as many quantities from the one before, then
 * remembers this group's names. */
static void carry_group(group_names *g, char **inds, size_t k)
{
	bool none = k > 1;
	for (size_t j = 0; j < k && none; j++)
		none = !inds[j];
	if (none && g->n == k)
		for (size_t j = 0; j < k; j++)
			inds[j] = g->v[j] ? strdup(g->v[j]) : NULL;
	group_names_clear(g);
	for (size_t j = 0; j < k && j < 16; j++)
		g->v[g->n++] = inds[j] ? strdup(inds[j]) : NULL;
}

/* 民间项目投资均增长12%以上: 均 before the verb says the figure holds for
 * every item named before (data/cues.tsv all-of). */
static bool said_of_all(const char *t, size_t cs, size_t qs)
{
	for (const char *const *w = brief_cue("all-of"); *w; w++) {
		const char *p = brief_find_last_word(t + cs, qs - cs, *w);
		/* 年均, 人均, 平均 say no such thing */
		if (p && brief_utf8_chars(p, (size_t)(t + qs - p)) <= 6 &&
		    !(p >= t + cs + 3 && starts_any(p - 3, 3, brief_cue("all-of-not"))))
			return true;
	}
	return false;
}

/*
 * 其中交通投资，生态环保投资，高新技术产业投资，民间项目投资均增长12%: the
 * clauses before the one with the figure, back to the sentence's start or
 * 其中, each a name with no number of its own, get the figure too.
 */
static int emit_items_before(ctx *c, const qty *q, const char *qual, bool target,
			     size_t ss, size_t se, size_t qcs)
{
	const char *t = c->a->text;
	for (size_t ce = qcs, n = 0; ce > ss + 3 && n < 8; n++) {
		size_t end = ce;
		while (end > ss && (t[end - 1] == ',' || t[end - 1] == ' '))
			end--;
		if (end >= ss + 3 && !memcmp(t + end - 3, "，", 3))
			end -= 3;
		size_t cs = brief_annot_clause_start(c->at, ss, end);
		if (cs >= end)
			break;
		const char *s = t + cs;
		size_t len = end - cs;
		bool digits = false;
		for (size_t i = 0; i < len; i++)
			digits |= s[i] >= '0' && s[i] <= '9';
		bool first = starts_with(s, len, "其中");
		while (len && brief_strip_word(&s, &len, brief_cue("lead"), false))
			;
		char *name = digits || brief_utf8_chars(s, len) > 16 ? NULL : brief_noun_phrase(s, len);
		if (!name)
			break;
		if (emit(c, q, name, qual, target, ss, se, cs, end))
			return -1;
		if (first)
			break;
		ce = cs;
	}
	return 0;
}

/* The start of the last item of a list in [cs, qs): after its last 、. */
static size_t item_start(const char *t, size_t cs, size_t qs)
{
	const char *p = qs > cs ? brief_find_last_word(t + cs, qs - cs, "、") : NULL;
	return p ? (size_t)(p - t) + 3 : cs;
}

/* Quantities in one piece of a sentence: the first sixteen it holds. */
static int sentence(ctx *c, const brief_piece *p)
{
	const char *t = c->a->text;
	size_t ss = p->start, se = p->end, nq;
	const brief_quantity *all = brief_annot_quantities(c->at, &nq);
	qty list[16];
	size_t nlist = 0;

	for (size_t i = p->qty; i < p->qty + p->nqty && nlist < 16; i++) {
		size_t cs = brief_annot_clause_start(c->at, ss, all[i].start);
		size_t ce = brief_annot_clause_end(c->at, all[i].end, se);
		if (read_qty(&all[i], t, cs, ce, &list[nlist]))
			nlist++;
	}
	char *prev = NULL;      /* the indicator before: 612.3亿元,同比增长6.2% */
	bool prev_pct = false;  /* set by a per cent */
	const char *prev_unit = NULL;
	group_names names = { { NULL }, 0 };
	int rc = 0;
	for (size_t i = 0; i < nlist;) {
		size_t k = group_size(t, list + i, nlist - i);
		size_t cs = brief_annot_clause_start(c->at, ss, list[i].start);
		char **inds = calloc(k, sizeof *inds);
		if (!inds) {
			rc = -1;
			break;
		}
		group_indicators(c, list + i, k, cs, se, inds);
		/* 突破3000亿元和3500亿元: the word before a list bounds each item */
		const char *lb = bound_before(t, cs, list[i].start);
		for (size_t j = 1; lb && j < k; j++)
			if (!strcmp(list[i + j].bound, "exact"))
				list[i + j].bound = lb;
		carry_group(&names, inds, k);
		for (size_t j = 0; j < k; j++) {
			const qty *q = &list[i + j];
			size_t qcs = brief_annot_clause_start(c->at, ss, q->start), ce = brief_annot_clause_end(c->at, q->end, se);
			bool around = goal_bound(t, qcs, q->start, q->end, ce);
			bool target = is_target(c, qcs, q->start, ss, se, around);
			const char *qual = target ? qualifier(t, qcs, q->start, ss) : NULL;
			if (inds[j] && (any_of(inds[j], strlen(inds[j]), brief_cue("pronoun")) ||
					bare_year(inds[j]))) {
				free(inds[j]);
				inds[j] = last_indicator(c);
			}
			/* 净增110.8亿元 after GDP's level: GDP净增, and a growth
			 * after it is still GDP's */
			/* 占固定资产投资的比重: the share of what was just named */
			bool change = inds[j] && prev && (is_word(inds[j], brief_cue("change")) ||
							  !strncmp(inds[j], "占", 3));
			if (change) {
				char *both = concat(prev, inds[j]);
				free(inds[j]);
				inds[j] = both;
			}
			/* 612.3亿元，同比增长6.2%; GDP增长6%，达到100.6亿元: a clause
			 * naming nothing measures what the one before did (a level
			 * only when the clause is a verb and follows a growth) */
			bool inherited = !inds[j] && prev &&
				(!strcmp(q->unit, "%") || (prev_pct && verb_only(t, qcs, q->start)) ||
				 /* 突破800亿元、达812.4亿元: the same measure, reached */
				 (prev_unit && !strcmp(prev_unit, q->unit) &&
				  verb_only(t, item_start(t, qcs, q->start), q->start) &&
				  qcs < q->start && ends_any(t + qcs, q->start - qcs, brief_cue("reach"))));
			if (inherited)
				inds[j] = strdup(prev);
			/* 分县（市、区）看，柯城区增长7.1%: each county's figure of what
			 * the sentence before measured */
			if (!inds[j] && starts_any(t + ss, se - ss, brief_cue("breakdown")))
				inds[j] = last_indicator(c);
			if (!inds[j] && qcs > ss)
				inds[j] = topic_before(c, ss, qcs);
			/* an infographic's caption line, then its number: 全年GDP / 增长5.3% */
			if (!inds[j] && qcs == ss && c->label) {
				inds[j] = strdup(c->label);
				/* 城镇和农村居民… / 分别增长4.5%、8.5% */
				if (k == 2 && j == 0 && !inds[1] && (inds[1] = strdup(c->label)))
					split_pair(inds);
			}
			size_t dn;
			/* 完成年度目标（6.5%）: the target of the year reviewed, of
			 * what was just measured; …的92.3%: how much of it was done */
			if (prev && !target && ends_any(t + qcs, q->start - qcs, brief_cue("goal-paren"))) {
				free(inds[j]);
				inds[j] = strdup(prev);
				int ry = brief_annot_year_in(c->at, ss, q->start);
				list[i + j].year = ry ? ry : c->year ? c->year - 1 : 0;
				target = true;
				change = inherited = true;      /* prev stays */
			} else if (prev && (dn = done_share(t, qcs, q->start)) > qcs) {
				/* GDP完成年度目标, the share done */
				char *words = strndup(t + qcs, dn - qcs);
				free(inds[j]);
				inds[j] = words ? concat(prev, words) : NULL;
				free(words);
				list[i + j].kind = "share";
				change = inherited = true;
			}
			if (inds[j] && !change && !inherited) {
				free(prev);
				prev = strdup(inds[j]);
				prev_pct = !strcmp(q->unit, "%");
				prev_unit = q->unit;
			}
			bool of_all = k == 1 && inds[j] && said_of_all(t, qcs, q->start);
			if ((rc = emit(c, q, inds[j], qual, target, ss, se, j ? cs : qcs, ce)) ||
			    (of_all && (rc = emit_items_before(c, q, qual, target, ss, se, qcs)))) {
				while (++j < k)         /* emit took inds[j] */
					free(inds[j]);
				break;
			}
		}
		free(inds);
		if (rc)
			break;
		i += k;
	}
	group_names_clear(&names);
	free(prev);
	return rc;
}

/*
 * 完成财政总收入801.57亿元、增长19.37%，总量保持全市第一 and …1734家，
 * 数量均列全省第一: a rank with no name of its own ranks what the
 * sentence has just counted or summed, each once.
 */
static int ranks_of_sentence(ctx *c, const qty *q, const char *qual,
			     bool target, size_t ss, size_t se, size_t cs,
			     size_t ce)
{
	size_t end = c->out->n;
	for (size_t i = c->sent_first; i < end; i++) {
		const brief_fact *f = &c->out->v[i];
		bool seen = !f->indicator || !f->kind || !strcmp(f->kind, "growth") ||
			    !strcmp(f->kind, "rank");
		for (size_t j = c->sent_first; j < i && !seen; j++)
			seen = c->out->v[j].indicator &&
			       !strcmp(c->out->v[j].indicator, f->indicator);
		if (seen)
			continue;
		char *ind = strdup(c->out->v[i].indicator);
		if (emit(c, q, ind, qual, target, ss, se, cs, ce))
			return -1;
	}
	return 0;
}

/* 增长4.2%、增速全市第一 / 总量全市第二: a rank of the growth or the
 * level of what the sentence has just measured; NULL when the words
 * before the rank are not such an aspect alone. */
static char *aspect_of(ctx *c, const char *s, size_t n)
{
	for (size_t i = n; i >= 3; i--)         /* the last item before the rank */
		if (!memcmp(s + i - 3, "、", 3)) {
			s += i;
			n -= i;
			break;
		}
	while (n && brief_strip_word(&s, &n, brief_cue("rank-glue"), false))
		;
	const char *aspect = NULL;
	for (;;) {
		for (const char *const *w = brief_cue("rank-aspect"); *w && !aspect; w++)
			if (ends_with(s, n, *w) && n <= strlen(*w) + 6)
				aspect = *w;
		if (aspect || !n || !brief_strip_word(&s, &n, brief_cue("tail"), true))
			break;
	}
	if (!aspect)
		return NULL;
	/* 总量全市第二，增速全市第一: both rank what was counted, not each other */
	const brief_fact *f = NULL;
	for (size_t i = c->out->n; i > c->sent_first && !f; i--)
		if (!c->out->v[i - 1].kind || strcmp(c->out->v[i - 1].kind, "rank"))
			f = &c->out->v[i - 1];
	if (!f || !f->indicator)
		return NULL;
	size_t k = strlen(f->indicator), m = strlen(aspect);
	char *ind = malloc(k + m + 1);
	if (ind) {
		memcpy(ind, f->indicator, k);
		memcpy(ind + k, aspect, m + 1);
	}
	return ind;
}

/* …亿元、居全市之首, …50个、全市第一: a rank with no words of its own
 * after a figure of the sentence ranks that figure's indicator; NULL
 * otherwise. */
static char *ranks_figure_before(ctx *c, const char *s, size_t n)
{
	size_t i = n;
	while (i >= 3 && memcmp(s + i - 3, "、", 3))
		i--;
	if (i < 3)
		return NULL;    /* no list: the words before the rank name it */
	const char *item = s + i;
	size_t m = n - i;
	while (m && (brief_strip_word(&item, &m, brief_cue("rank-glue"), false) ||
		     brief_strip_word(&item, &m, brief_cue("rank-verb"), false)))
		;
	/* the figure closing the item before: the last number in it */
	size_t d = i - 3;
	while (d > 0 && !(s[d - 1] >= '0' && s[d - 1] <= '9'))
		d--;
	size_t b = d;
	while (b > 0 && ((s[b - 1] >= '0' && s[b - 1] <= '9') || s[b - 1] == '.'))
		b--;
	double v;
	if (m || b == d || !brief_number_parse(s + b, d - b, &v))
		return NULL;
	for (size_t k = c->out->n; k > c->sent_first; k--) {
		const brief_fact *f = &c->out->v[k - 1];
		if (f->indicator && f->kind && strcmp(f->kind, "rank") && strcmp(f->kind, "growth") &&
		    f->has_value && fabs(f->value - v) < 1e-9)
			return strdup(f->indicator);
	}
	return NULL;
}

/* Whether a list's items before its last are classes of at most three
 * characters (data/cues.tsv class-end: 甲类、乙类重点项目) and the last much
 * longer: qualifiers of one head. */
static bool short_items(const char *s, size_t n)
{
	size_t last = n, items = 0;
	for (size_t i = n; i >= 3; i--)
		if (!memcmp(s + i - 3, "、", 3)) {
			last = i;
			break;
		}
	if (last == n)
		return false;
	for (size_t i = 0, b = 0; i <= last - 3; i++)
		if (i == last - 3 || !memcmp(s + i, "、", 3)) {
			if (brief_utf8_chars(s + b, i - b) > 3 ||
			    !ends_any(s + b, i - b, brief_cue("class-end")))
				return false;
			items++;
			b = i + 3;
		}
	return items && brief_utf8_chars(s + last, n - last) >= 6;
}

/* GDP、服务业增加值…的总量继续保持全省第一: one rank per indicator. */
static int rank_facts(ctx *c, const qty *q, const char *qual, bool target,
		      size_t ss, size_t se, size_t cs, size_t ce)
{
	const char *t = c->a->text;
	size_t from = brief_annot_last_name(c->at, cs, q->start), to = q->start;
	const char *s = t + from;
	size_t n = to - from;
	char *aspect_ind = aspect_of(c, s, n);
	if (aspect_ind)
		return emit(c, q, aspect_ind, qual, target, ss, se, cs, ce);
	/* 农业总产值达126.32亿元、居全市之首: the rank of the figure just read */
	char *just = ranks_figure_before(c, s, n);
	if (just)
		return emit(c, q, just, qual, target, ss, se, cs, ce);
	while (n && (brief_strip_word(&s, &n, brief_cue("tail"), true) ||
		     brief_strip_word(&s, &n, brief_cue("lead"), false)))
		;
	brief_strip_word(&s, &n, brief_cue("rank-tail"), true);
	if (n == 0)
		return ranks_of_sentence(c, q, qual, target, ss, se, cs, ce);
	/* 实施类、预备类省重大项目数量: short items qualify one head, one name */
	if (short_items(s, n)) {
		char *one = brief_noun_phrase(s, n);
		return one ? emit(c, q, one, qual, target, ss, se, cs, ce) : 0;
	}
	for (size_t i = 0; i < n;) {
		size_t e = i;
		while (e + 3 <= n && memcmp(s + e, "、", 3) && memcmp(s + e, "和", 3))
			e++;
		if (e + 3 > n)
			e = n;
		/* 技术交易额增长10%、新产品产值率保持全市首位: the item with a
		 * number of its own is another measure */
		bool other = false;
		for (size_t k = i; k < e; k++)
			other |= s[k] >= '0' && s[k] <= '9';
		char *ind = other ? NULL : brief_noun_phrase(s + i, e - i);
		if (ind && emit(c, q, ind, qual, target, ss, se, cs, ce))
			return -1;
		i = e < n ? e + 3 : n;
	}
	return 0;
}

static int ranks(ctx *c, size_t ss, size_t se)
{
	const char *t = c->a->text;
	size_t at = ss, last_me = 0, last_fact = 0;
	PCRE2_SIZE *ov;
	while (at < se && (ov = brief_rxset_match(&c->m->s, RX_RANK, t, at, se))) {
		size_t ms = ov[0], me = ov[1];
		double v = 1;
		for (int g = 2; g <= 3; g++) {
			size_t gs = ov[2 * (g == 2 ? 2 : 4)], ge = ov[2 * (g == 2 ? 2 : 4) + 1];
			if (gs != PCRE2_UNSET)
				brief_number_parse(t + gs, ge - gs, &v);
		}
		at = me;
		/* 第一批, 第二次: ordinals of something else */
		bool skip = false;
		for (const char *const *w = brief_cue("not-rank"); *w; w++)
			skip |= starts_with(t + me, se - me, *w);
		if (skip)
			continue;
		size_t cs = brief_annot_clause_start(c->at, ss, ms), ce = brief_annot_clause_end(c->at, me, se);
		qty q = { false, ms, me, v, "名", "rank", "classifier", "exact", false, 0, 0, 0 };
		for (int g = 1; g <= 3; g += 2)         /* (?<scope>) and (?<scope2>) */
			if (ov[2 * g] != PCRE2_UNSET) {
				q.scope_s = ov[2 * g];
				q.scope_e = ov[2 * g + 1];
			}
		bool target = is_target(c, cs, ms, ss, se, false);
		const char *qual = target ? qualifier(t, cs, ms, ss) : NULL;
		size_t before = c->out->n;
		int rc;
		/* 全市第一、全省第二: the second ranks what the first did */
		if (last_me && ms == last_me + 3 && !memcmp(t + last_me, "、", 3) &&
		    last_fact < c->out->n && c->out->v[last_fact].indicator) {
			char *ind = strdup(c->out->v[last_fact].indicator);
			rc = ind ? emit(c, &q, ind, qual, target, ss, se, cs, ce) : -1;
		} else {
			rc = rank_facts(c, &q, qual, target, ss, se, cs, ce);
		}
		if (rc)
			return -1;
		if (c->out->n > before) {
			last_me = me;
			last_fact = c->out->n - 1;
		}
	}
	return 0;
}

/* 三次产业结构为3.4:39.0:57.6: the share of each sector in GDP. */
static int sectors(ctx *c, size_t ss, size_t se)
{
	const char *t = c->a->text;
	PCRE2_SIZE *ov = brief_rxset_match(&c->m->s, RX_SECTORS, t, ss, se);
	const char *const *names = brief_cue("industry-share");
	if (!ov)
		return 0;
	size_t cs = brief_annot_clause_start(c->at, ss, ov[0]), ce = brief_annot_clause_end(c->at, ov[1], se);
	for (int k = 0; k < 3 && names[k]; k++) {
		double v;
		size_t a = ov[2 * (k + 1)], b = ov[2 * (k + 1) + 1];
		if (!brief_number_parse(t + a, b - a, &v))
			continue;
		qty q = { false, a, b, v, "%", "share", "pct", "exact", false, 0, 0, 0 };
		bool target = is_target(c, cs, a, ss, se, false);
		if (emit(c, &q, strdup(names[k]), NULL, target, ss, se, cs, ce))
			return -1;
	}
	return 0;
}

/* 一季度完成1/3: a share written as a fraction, in per cent. */
static int fractions(ctx *c, size_t ss, size_t se)
{
	const char *t = c->a->text;
	for (size_t i = ss + 1; i + 1 < se; i++) {
		if (t[i] != '/' || t[i - 1] < '0' || t[i - 1] > '9' ||
		    t[i + 1] < '0' || t[i + 1] > '9')
			continue;
		size_t b = i, e = i + 1;
		while (b > ss && t[b - 1] >= '0' && t[b - 1] <= '9')
			b--;
		while (e < se && t[e] >= '0' && t[e] <= '9')
			e++;
		if (e < se && (t[e] == '%' || t[e] == '/' || t[e] == '.'))
			continue;
		double v;
		if (!brief_number_parse(t + b, e - b, &v) || v <= 0 || v >= 1)
			continue;
		size_t cs = brief_annot_clause_start(c->at, ss, b), ce = brief_annot_clause_end(c->at, e, se);
		qty q = { false, b, e, (double)(long)(v * 10000 + 0.5) / 100, "%", "share",
			  "pct", "exact", false, 0, 0, 0 };
		bool target = is_target(c, cs, b, ss, se, false);
		const char *qual = target ? qualifier(t, cs, b, ss) : NULL;
		char *ind = brief_indicator_before(c->at, t, cs, b);
		/* 力争全年落地…项目100个，一季度完成1/3: a share of the last one */
		const brief_fact *last = c->out->n ? &c->out->v[c->out->n - 1] : NULL;
		if (!ind && last && last->indicator && last->sentence >= 0 &&
		    c->a->sents[last->sentence].start == ss)
			ind = strdup(last->indicator);
		if (emit(c, &q, ind, qual, target, ss, se, cs, ce))
			return -1;
		i = e;
	}
	return 0;
}

/* The facts of one row of a flattened table. */
static int table_row(ctx *c, size_t ss, size_t se)
{
	const char *t = c->a->text;
	brief_table_row row;
	if (!brief_table_read(&c->table, t, ss, se, brief_annot_section(c->at, ss), &row))
		return 0;
	for (size_t i = 0; i < row.n; i++) {
		const brief_table_value *v = &row.v[i];
		double value = v->value;
		bool amount = false;
		const char *cls = "pct", *unit = "%";
		if (!v->pct && !v->growth && !(unit = norm_unit(row.unit, strlen(row.unit),
								&value, &amount, &cls)))
			continue;
		const char *kind = v->growth ? "growth" : !strcmp(unit, "%") ? "share"
				   : amount ? "level" : "count";
		qty q = { false, v->start, v->end, value, unit, kind, cls, v->bound, false, 0, 0, 0 };
		char *ind = brief_noun_phrase(t + row.ind_s, row.ind_e - row.ind_s);
		if (emit(c, &q, ind, NULL, v->target, ss, se, ss, se))
			return -1;
	}
	return 0;
}

/* The finders of one sentence, on the pieces the annotation cut it in. */
static int pieces(ctx *c, size_t s)
{
	size_t ns, np;
	const brief_annot_sentence *as = &brief_annot_sentences(c->at, &ns)[s];
	const brief_piece *p = brief_annot_pieces(c->at, &np);
	for (size_t i = as->piece; i < as->piece + as->npieces; i++) {
		size_t ss = p[i].start, se = p[i].end;
		if (sentence(c, &p[i]) || ranks(c, ss, se) || fractions(c, ss, se) ||
		    sectors(c, ss, se))
			return -1;
	}
	return 0;
}

/* A caption line names an indicator when it is a short noun phrase with
 * no number of its own. */
static char *caption(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return NULL;
	if (brief_utf8_chars(s, n) > 16)
		return NULL;
	return brief_noun_phrase(s, n);
}

int brief_extract_measures(brief_measures *m, const brief_gazetteer *g,
			   const brief_annot *t, const brief_article *a,
			   brief_facts *out)
{
	ctx c = { .m = m, .g = g, .at = t, .a = a, .out = out, .year = brief_annot_plan_year(t),
		  .para = -1 };
	int rc = 0;
	size_t ns;
	const brief_annot_sentence *sents = brief_annot_sentences(t, &ns);
	for (size_t s = 0; s < a->nsents; s++) {
		if (a->sents[s].para != c.para) {
			c.para = a->sents[s].para;
			c.tense = 0;
			c.place_s = c.place_e = 0;
		}
		c.sent_first = out->n;
		c.framed = false;
		c.sent = &sents[s];
		size_t ss = a->sents[s].start, se = a->sents[s].end;
		if (brief_table_is_row(a->text + ss, se - ss)) {
			if (!brief_table_header(&c.table, a->text + ss, se - ss) &&
			    table_row(&c, ss, se)) {
				rc = -1;
				break;
			}
			continue;
		}
		if (sents[s].heading) {
			free(c.label);
			c.label = caption(a->text + ss, se - ss);
			continue;
		}
		PCRE2_SIZE *pv = brief_rxset_match(&m->s, RX_PLACE, a->text, ss, se);
		if (pv) {
			c.place_s = pv[2];
			c.place_e = pv[3];
		}
		if (pieces(&c, s)) {
			rc = -1;
			break;
		}
		free(c.label);
		c.label = NULL;
	}
	free(c.label);
	return rc;
}
