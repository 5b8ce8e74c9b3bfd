/*
 * project.c - named key projects. A sentence is read list clause by list
 * clause (annot.h: between ，；：| …); a clause names projects when
 *   - it lists names closed by 等 and a project word (A、B等重点项目开工),
 *   - it opens with a building verb (完工A、B; 加快建设C),
 *   - 项目 introduces the names (签约项目包括A、B; 项目为A和B),
 *   - a name ending in a head word is followed by its stage (A项目顺利投产),
 *   - a name carries its own investment (总投资3亿元的A项目),
 *   - it is the site of a ceremony (在A项目现场举行),
 *   - the clause before ends in 项目有： (代表性项目有：A，B), or
 *   - the name's investment follows it (1.A项目，总投资5亿元).
 * Flattened tables (序号|项目名称|总投资(万元)) give a project a row.
 * A later 项目总投资X亿元 goes to the one project the sentence (or the
 * paragraph before) was about; a total after a list or a count
 * (32个，总投资61亿元) belongs to no single project. The words are in
 * data/projects.tsv.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "extract/number.h"
#include "extract/wordset.h"
#include "util/lexicon.h"
#include "util/rx.h"
#include "util/utf8.h"

enum {
	W_HEAD, W_NOTHEAD, W_LEAD, W_BUILD, W_STATUS, W_PRED, W_TAIL, W_NOTLIST,
	W_INTRO, W_JOIN, W_GENERIC, W_VAGUE, W_KIND, W_NOTNAME, W_SELF, W_PLACECOL, W_INTROOPEN, W_N
};

static const char *const classes[W_N] = {
	"head", "nothead", "lead", "build", "status", "pred", "tail", "notlist",
	"intro", "join", "generic", "vague", "kind", "notname", "self", "place-col", "intro-open",
};

/* 总投资约13亿元, 投资总额达30亿元 */
static const char invest_re[] =
	"(?:总投资|投资总额|投资)(?:额)?(?:约|达|超|近|为)?"
	"(?<num>\\d+(?:\\.\\d+)?)(?<unit>亿元|万元)";

enum { RX_INVEST, RX_N };

struct brief_projects {
	brief_rxset s;
	brief_wordset *w[W_N];  /* the classes of projects.tsv */
};

static int load_words(brief_projects *p)
{
	for (int k = 0; k < W_N; k++)
		if (!(p->w[k] = brief_wordset_new("projects.tsv", classes[k])))
			return -1;
	return 0;
}

void brief_projects_free(brief_projects *p)
{
	if (!p)
		return;
	for (int k = 0; k < W_N; k++)
		brief_wordset_free(p->w[k]);
	brief_rxset_free(&p->s);
	free(p);
}

brief_projects *brief_projects_new(void)
{
	static const char *const res[RX_N] = { invest_re };
	brief_projects *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	if (brief_rxset_init(&p->s, res, RX_N, 100000)) {
		free(p);
		return NULL;
	}
	if (load_words(p)) {
		brief_projects_free(p);
		return NULL;
	}
	return p;
}

/* ------------------------------------------------------------------ */
/* Word tests on text[s, e).                                           */

/* w at t[s] within [s, e); false for an s wrapped below 0 (e - 3 at 1). */
static bool at(const char *t, size_t s, size_t e, const char *w)
{
	/* the first two bytes before the length: this runs for every word
	 * at every position of a clause */
	if (s >= e || t[s] != w[0])
		return !w[0] && s <= e;
	if (w[1] && (e - s < 2 || t[s + 1] != w[1]))
		return false;
	size_t k = strlen(w);
	return e - s >= k && !memcmp(t + s, w, k);
}

static size_t next_char(const char *t, size_t i, size_t e)
{
	return brief_wordset_next_char(t, i, e);
}

static const brief_lex_entry *prefix(const brief_wordset *w, const char *t, size_t s, size_t e)
{
	return brief_wordset_prefix(w, t, s, e);
}

static const brief_lex_entry *suffix(const brief_wordset *w, const char *t, size_t s, size_t e)
{
	return brief_wordset_suffix(w, t, s, e);
}

static bool contains(const brief_wordset *w, const char *t, size_t s, size_t e)
{
	return brief_wordset_contains(w, t, s, e);
}

static bool equals(const brief_wordset *w, const char *t, size_t s, size_t e)
{
	return brief_wordset_equals(w, t, s, e);
}

static bool has(const char *t, size_t s, size_t e, const char *w)
{
	return s < e && brief_has_word(t + s, e - s, w);
}

/* ------------------------------------------------------------------ */
/* The context of one article.                                         */

typedef struct pctx {
	brief_projects *p;
	const brief_gazetteer *g;
	const brief_annot *t;
	const brief_article *a;
	brief_facts *out;
	size_t first;           /* this article's first project in out */
	const char *text;
	int sent;               /* the sentence being read */
	long subject;           /* the project the text is about, or -1 */
	int subject_sent;       /* where it was last named */
	size_t subject_end;     /* and where that name ends */
	bool intro_next;        /* 项目有： opened the names of the clauses after */
	const brief_lex_entry *intro_status;    /* the stage it said */
	size_t (*spans)[2];     /* where the article names its projects */
	size_t nspans, cap;
} pctx;

static const brief_wordset *W(const pctx *c, int k)
{
	return c->p->w[k];
}

/* A paren group closing [s, e): 龙岩至龙川铁路项目(上杭段) */
static size_t before_paren(const char *t, size_t s, size_t e)
{
	if (e <= s || !(at(t, e - 1, e, ")") || (e >= s + 3 && at(t, e - 3, e, "）"))))
		return e;
	for (size_t i = e; i-- > s;)
		if (t[i] == '(' || at(t, i, e, "（"))
			return i;
	return e;
}

/* A head of two characters or more at t[i]: 建设 before it is part of a
 * name (建设项目, 建设大道), before 城西… it is a verb. */
static bool head_word_at(const pctx *c, size_t i, size_t e)
{
	const brief_lex_entry *h = prefix(W(c, W_HEAD), c->text, i, e);
	return h && strlen(h->word) >= 6;
}

/* True when [s, e) ends with a head word (before a closing paren group). */
static bool ends_head(const pctx *c, size_t s, size_t e)
{
	while (e > s && c->text[e - 1] == ' ')
		e--;
	size_t b = before_paren(c->text, s, e);
	if (b > s)
		e = b;
	return e > s && suffix(W(c, W_HEAD), c->text, s, e) &&
	       !suffix(W(c, W_NOTHEAD), c->text, s, e);
}

/* The end of a date at t[i] (3月, 10月底, 2024年); i when none. Four
 * digits at most: a long run of digits must not be rescanned at each
 * of its positions. */
static size_t date_at(const char *t, size_t i, size_t e)
{
	size_t j = i;
	while (j < e && j < i + 5 && t[j] >= '0' && t[j] <= '9')
		j++;
	if (j == i + 5)
		return i;
	if (j > i && (at(t, j, e, "月") || at(t, j, e, "年") || at(t, j, e, "日")))
		return j + 3;
	return i;
}

/* The end of the name inside [s, e): before the predicate that follows a
 * head (…项目顺利投产, …二期建设进展顺利), unless the word goes on into a
 * head (建设项目). */
static size_t cut_pred(const pctx *c, size_t s, size_t e)
{
	const char *t = c->text;
	for (size_t i = s + 3; i < e; i = next_char(t, i, e)) {
		const brief_lex_entry *w = prefix(W(c, W_PRED), t, i, e);
		if (!w)
			w = prefix(W(c, W_STATUS), t, i, e);
		size_t k = w ? i + strlen(w->word) : date_at(t, i, e);
		if (k == i || !ends_head(c, s, i))
			continue;
		if (head_word_at(c, k, e))
			continue;
		return i;
	}
	return e;
}

/* The stage stated in [s, e): the last status word (竣工投产 is 投产). */
static const brief_lex_entry *status_in(const pctx *c, size_t s, size_t e)
{
	const brief_lex_entry *last = NULL;
	for (size_t i = s; i < e;) {
		const brief_lex_entry *w = prefix(W(c, W_STATUS), c->text, i, e);
		if (w) {
			last = w;
			i += strlen(w->word);
		} else {
			i++;
		}
	}
	return last;
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* 3.6亿元 / 3947万元 at t[i..e) after a 投资 word; 0 when none. */
static double amount(const pctx *c, size_t i, size_t e)
{
	PCRE2_SIZE *ov = brief_rxset_match(&c->p->s, RX_INVEST, c->text, i, e);
	double v;
	if (!ov || ov[0] != i || !brief_number_parse(c->text + ov[2], ov[3] - ov[2], &v))
		return 0;
	return at(c->text, ov[4], ov[5], "万元") ? v / 1e4 : v;
}

/* 总投资35亿元的天子湖…项目: the name is what follows the last 的, and the
 * amount in the modifier is the project's investment. */
static size_t modifier(const pctx *c, size_t s, size_t e, double *inv)
{
	size_t cut = 0;
	for (size_t i = s; i + 3 <= e; i++)
		if (at(c->text, i, e, "的"))
			cut = i + 3;
	if (!cut)
		return s;
	for (size_t i = s; i + 6 <= cut; i++)
		if (at(c->text, i, cut, "投资") && !*inv)
			*inv = amount(c, i, cut);
	return cut;
}

/* 中心项目(总投资5亿元): the amount in a closing paren group. */
static size_t paren_amount(const pctx *c, size_t s, size_t e, double *inv)
{
	size_t b = before_paren(c->text, s, e);
	if (b == e || b == s)
		return e;
	for (size_t i = b; i + 6 <= e; i++)
		if (at(c->text, i, e, "投资")) {
			double v = amount(c, i, e);
			if (v > 0) {
				*inv = v;
				return b;
			}
		}
	return e;
}

/* A numeral at t[i]: a digit or 一 … 十; its length, 0 if none. */
static size_t numeral(const char *t, size_t i, size_t e)
{
	static const char *const han[] = { "一", "二", "三", "四", "五", "六", "七", "八",
					   "九", "十", NULL };
	if (is_digit(t[i]))
		return 1;
	for (const char *const *h = han; *h; h++)
		if (at(t, i, e, *h))
			return 3;
	return 0;
}

/* The length of (3), （四） or ① opening t[s..e); 0 if none. */
static size_t numbering(const char *t, size_t s, size_t e)
{
	static const char *const circled[] = { "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧",
					       "⑨", "⑩", NULL };
	for (const char *const *c = circled; *c; c++)
		if (at(t, s, e, *c))
			return strlen(*c);
	size_t i = s + (at(t, s, e, "(") ? 1 : at(t, s, e, "（") ? 3 : 0);
	if (i == s)
		return 0;
	for (int n = 0; n < 3 && i < e; n++) {
		size_t k = numeral(t, i, e);
		if (!k)
			break;
		i += k;
	}
	if (i < e && t[i] == ')')
		return i + 1 - s;
	return at(t, i, e, "）") ? i + 3 - s : 0;
}

/* Leading words that are not part of the name (加快建设, 其中, 1.);
 * *build gets the last building verb among them. */
static size_t trim_lead(const pctx *c, size_t s, size_t e, const brief_lex_entry **build)
{
	const char *t = c->text;
	for (bool again = true; again && s < e;) {
		again = false;
		while (s < e && (t[s] == ' ' || at(t, s, e, "“") || at(t, s, e, "”")))
			s += t[s] == ' ' ? 1 : 3;
		/* 1.A项目, 2．B工程, (3)C园, ①D站: numbering */
		size_t d = s;
		while (d < e && is_digit(t[d]))
			d++;
		if (d > s && (at(t, d, e, ".") || at(t, d, e, "．")))
			s = d + (t[d] == '.' ? 1 : 3);
		s += numbering(t, s, e);
		const brief_lex_entry *b = prefix(W(c, W_BUILD), t, s, e);
		const brief_lex_entry *l = prefix(W(c, W_LEAD), t, s, e);
		size_t k = b ? strlen(b->word) : 0;
		if (l && strlen(l->word) > k) {
			b = NULL;
			k = strlen(l->word);
		}
		/* keep two characters: 建设 alone is no name, 新建X is */
		if (k && s + k + 6 <= e && !head_word_at(c, s + k, e)) {
			if (b && build)
				*build = b;
			else if (l && build) {
				const brief_lex_entry *lb = prefix(W(c, W_BUILD), t, s, s + k);
				if (lb && strlen(lb->word) == k)
					*build = lb;
			}
			s += k;
			again = true;
		}
	}
	return s;
}

/* ------------------------------------------------------------------ */
/* Is it a name?                                                       */

/* 78个项目, 50亿元以上项目, 二期工程, 省重大项目: counts and kinds. */
static bool kind_only(const pctx *c, size_t s, size_t e)
{
	const char *t = c->text;
	const brief_lex_entry *h = suffix(W(c, W_HEAD), t, s, e);
	if (!h || (strcmp(h->word, "项目") && strcmp(h->word, "工程")))
		return false;
	e -= strlen(h->word);
	s = brief_annot_last_name(c->t, s, e);
	while (s < e) {
		/* 推动更多优质项目: leads before the kinds too */
		const brief_lex_entry *k = prefix(W(c, W_KIND), t, s, e);
		if (!k)
			k = prefix(W(c, W_LEAD), t, s, e);
		if (k)
			s += strlen(k->word);
		else if (is_digit(t[s]) || t[s] == '.')
			s++;
		else if (at(t, s, e, "个") || at(t, s, e, "年") || at(t, s, e, "、"))
			s += 3;
		else
			return false;
	}
	return true;
}

static bool money_or_count(const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++) {
		if (!is_digit(t[i]))
			continue;
		size_t j = i;
		while (j < e && (is_digit(t[j]) || t[j] == '.'))
			j++;
		if (at(t, j, e, "亿") || at(t, j, e, "万元") || at(t, j, e, "个") ||
		    at(t, j, e, "项") || at(t, j, e, "批"))
			return true;
		i = j;
	}
	return false;
}

static bool usable(const pctx *c, size_t s, size_t e)
{
	const char *t = c->text;
	size_t chars = brief_utf8_chars(t + s, e - s);
	if (chars < 2 || chars > 40 || has(t, s, e, "的") || has(t, s, e, "了") ||
	    money_or_count(t, s, e))
		return false;
	for (size_t i = s; i + 3 <= e; i++)
		if (at(t, i, e, "等") && !(i >= s + 3 && (at(t, i - 3, e, "高") || at(t, i - 3, e, "中"))))
			return false;
	if (equals(W(c, W_GENERIC), t, s, e) || contains(W(c, W_VAGUE), t, s, e) ||
	    suffix(W(c, W_NOTNAME), t, s, e) || kind_only(c, s, e))
		return false;
	/* 钱塘项目: a region's projects in general (a region named at the
	 * start: the search from the second character misses it) */
	size_t r = brief_annot_last_name(c->t, s, e);
	if (r > s && brief_annot_last_name(c->t, s + 3, r) != r &&
	    (r == e || equals(W(c, W_GENERIC), t, r, e) || kind_only(c, r, e)))
		return false;
	/* 力争项目: a lead word before a kind */
	const brief_lex_entry *l = prefix(W(c, W_LEAD), t, s, e);
	if (l && (equals(W(c, W_GENERIC), t, s + strlen(l->word), e) ||
		  kind_only(c, s + strlen(l->word), e)))
		return false;
	return !brief_in_garble(c->a, s, e);
}

/* ------------------------------------------------------------------ */
/* Facts.                                                              */

/* The length of a pinyin gloss at t[i]: (lè ), (huì ); 0 if none. */
static size_t gloss(const char *t, size_t i, size_t e)
{
	if (t[i] != '(')
		return 0;
	bool letter = false;
	for (size_t j = i + 1; j < e && j < i + 12; j++) {
		unsigned char u = (unsigned char)t[j];
		if (u == ')')
			return letter ? j + 1 - i : 0;
		if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
			letter = true;
		else if (u != ' ' && (u < 0xC3 || u > 0xC7) && (u < 0x80 || u > 0xBF))
			return 0;   /* a Han character or a digit: part of the name */
	}
	return 0;
}

/* The name as printed: quotes, spaces and pinyin glosses dropped
 * (“乡村有未来”富民项目, 乐(lè )园). */
static char *name_copy(const char *t, size_t s, size_t e)
{
	char *n = malloc(e - s + 1), *w = n;
	if (!n)
		return NULL;
	for (size_t i = s; i < e;) {
		size_t g = gloss(t, i, e);
		if (at(t, i, e, "“") || at(t, i, e, "”") || g) {
			i += g ? g : 3;
			continue;
		}
		if (t[i] != ' ' && t[i] != '"')
			*w++ = t[i];
		i++;
	}
	*w = '\0';
	return n;
}

/* An earlier project of the article with this name or one holding it. */
static long known(const pctx *c, const char *name, const brief_region *r)
{
	for (size_t i = c->first; i < c->out->n; i++) {
		const brief_fact *f = &c->out->v[i];
		if (f->type != BRIEF_FACT_PROJECT || !f->name)
			continue;
		if (!strcmp(f->name, name))
			return (long)i;
		/* 临江邻里中心 again as 临江邻里中心项目; not 半导体 in 奥芯半导体 */
		const char *a = f->name, *b = name;
		if (strlen(a) > strlen(b))
			a = name, b = f->name;
		if (r && f->region && !strcmp(f->region, r->name) && strlen(a) >= 12 && strstr(b, a))
			return (long)i;
	}
	return -1;
}

/* How far back (bytes) the region before a name is looked for. */
enum { LOOKBACK = 3000 };

/* Remembers where a name is, so that the region inside it (富民抽水蓄能
 *电站, 宁德时代…项目) is not taken for the subject of the text after it. */
static int remember(pctx *c, size_t s, size_t e)
{
	if (c->nspans == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 16;
		size_t (*v)[2] = realloc(c->spans, cap * sizeof *v);
		if (!v)
			return -1;
		c->spans = v;
		c->cap = cap;
	}
	c->spans[c->nspans][0] = s;
	c->spans[c->nspans][1] = e;
	c->nspans++;
	return 0;
}

/* The start of the name holding byte `at`, or -1. Names are found in
 * text order: the search goes back over the recent ones only. */
static size_t span_holding(const pctx *c, size_t at)
{
	for (size_t i = c->nspans; i-- > 0 && c->spans[i][1] + LOOKBACK >= at;)
		if (c->spans[i][0] < at && at <= c->spans[i][1])
			return c->spans[i][0];
	return (size_t)-1;
}

/* 30个苏州重点和100个市级重点项目 in a 太仓 article: the parent's name
 * before a kind of project is the projects' level, not their region. */
static const brief_region *level_word(const pctx *c, const brief_region *main,
				      const brief_region *r, size_t e, size_t to)
{
	const brief_lex_entry *k = prefix(W(c, W_KIND), c->text, e, to);
	if (r && main && main->parent_code && !strcmp(main->parent_code, r->code) &&
	    k && strlen(k->word) >= 6)
		return main;
	return r;
}

/* The region a name at `at` belongs to: the one named last before it in
 * its paragraph, outside project names, else the article's. */
static const brief_region *region_for(const pctx *c, size_t at)
{
	const brief_article *a = c->a;
	/* a subject named far back in a long paragraph is no longer its
	 * subject, and hostile text must not be rescanned clause by clause */
	size_t ps = (size_t)c->sent;
	while (ps > 0 && a->sents[ps - 1].para == a->sents[c->sent].para &&
	       a->sents[ps - 1].start + LOOKBACK > at)
		ps--;
	size_t from = a->sents[ps].start;
	if (at > from + LOOKBACK)
		from = at - LOOKBACK;
	const brief_region *main = brief_annot_main(c->t);
	for (size_t to = at, n = 0; to > from && n < 16; n++) {
		size_t e = brief_annot_last_name(c->t, from, to);
		if (e == from)
			break;
		/* 我县 after it: the article's own region */
		if (contains(W(c, W_SELF), c->text, e, at))
			return main;
		size_t in = span_holding(c, e);
		/* 密云水库: a region's name in a facility's */
		if (in == (size_t)-1 && prefix(W(c, W_HEAD), c->text, e, at))
			in = e - 1;
		if (in == (size_t)-1)
			return level_word(c, main, brief_annot_region(c->t, e), e, at);
		to = in;
	}
	return main;
}

typedef struct cand {
	size_t s, e;            /* the name in the text */
	double inv;             /* its own investment, 0 when none */
	const brief_lex_entry *status;
	size_t at;              /* where its list starts: the region before it */
} cand;

/* The first amount found for a project stays. */
static void set_investment(brief_fact *f, double yi)
{
	if (!f->has_investment) {
		f->has_investment = true;
		f->investment_yi = yi;
	}
}

/* Adds the project; returns its index (or an earlier one's of the same
 * name), -1 when it is no name, -2 on OOM. */
static long add(pctx *c, const cand *k, size_t ev_s, size_t ev_e)
{
	if (!usable(c, k->s, k->e))
		return -1;
	const brief_region *r = region_for(c, k->at);
	char *name = name_copy(c->text, k->s, k->e);
	if (!name || remember(c, k->s, k->e)) {
		free(name);
		return -2;
	}
	long old = known(c, name, r);
	if (old >= 0 || !r) {
		free(name);
		if (old >= 0 && k->inv > 0)
			set_investment(&c->out->v[old], k->inv);
		return old;
	}
	brief_fact *f = brief_facts_push(c->out);
	if (!f) {
		free(name);
		return -2;
	}
	f->type = BRIEF_FACT_PROJECT;
	f->name = name;
	if (k->inv > 0)
		set_investment(f, k->inv);
	f->year = brief_annot_year(c->t);
	if (k->status && *k->status->value && !(f->status = strdup(k->status->value)))
		return -2;
	if (brief_fact_locate(f, c->t, r, ev_s, ev_e))
		return -2;
	return (long)(f - c->out->v);
}

/* ------------------------------------------------------------------ */
/* Clauses.                                                            */

typedef struct clause {
	size_t cs, ce;          /* the clause */
	size_t ls, le;          /* its list of names */
	const brief_lex_entry *build;   /* the building verb opening it */
	const brief_lex_entry *status;  /* the stage said after the list */
	bool deng;              /* closed by 等 and a project word */
	bool intro;             /* opened by 项目包括 … */
	double next_inv;        /* the next clause's 总投资 */
} clause;

/* 5个省重大: a count and only kind words. */
static bool count_of_kind(const pctx *c, size_t s, size_t e)
{
	const char *t = c->text;
	size_t d = s;
	while (d < e && is_digit(t[d]))
		d++;
	if (d == s || !at(t, d, e, "个"))
		return false;
	for (s = d + 3; s < e;) {
		const brief_lex_entry *k = prefix(W(c, W_KIND), t, s, e);
		if (!k)
			return false;
		s += strlen(k->word);
	}
	return s > d + 3;
}

/* 等 closing a list of projects: 等12个重点项目, 等“大片区”建设, 等建成. */
static size_t find_deng(const pctx *c, size_t s, size_t e)
{
	const char *t = c->text;
	for (size_t i = s + 6; i + 3 <= e; i = next_char(t, i, e)) {
		if (!at(t, i, e, "等") || at(t, i - 3, e, "高") || at(t, i - 3, e, "中"))
			continue;
		/* the words closing the list, up to the next 、 */
		size_t k = i + 3, stop = k;
		for (int n = 0; stop < e && n < 18 && !at(t, stop, e, "、"); n++)
			brief_utf8_next(t, e, &stop);
		if (prefix(W(c, W_STATUS), t, k, e))
			return i;
		if (contains(W(c, W_TAIL), t, k, stop) && !contains(W(c, W_NOTLIST), t, k, stop))
			return i;
		/* 等5个省重大、30个市级重点项目: the count's 项目 comes later */
		if (count_of_kind(c, k, stop) && has(t, stop, e, "项目"))
			return i;
	}
	return 0;
}

/* 签约项目包括A、B / 项目为A和B: the names start after the intro word. */
static size_t find_intro(const pctx *c, size_t s, size_t e)
{
	const char *t = c->text;
	for (size_t i = s + 6; i < e; i = next_char(t, i, e)) {
		const brief_lex_entry *w = prefix(W(c, W_INTRO), t, i, e);
		/* 项目有序推进 says the stage, it lists nothing */
		if (!w || prefix(W(c, W_STATUS), t, i, e) || prefix(W(c, W_PRED), t, i, e))
			continue;
		const brief_lex_entry *h = suffix(W(c, W_HEAD), t, s, i);
		if (h && (!strcmp(h->word, "项目") || !strcmp(h->word, "工程")))
			return i + strlen(w->word);
		/* 同时开工的还有：A、B — a stage, 的, then the names */
		size_t j = i;
		if (j >= s + 3 && at(t, j - 3, e, "还"))
			j -= 3;
		if (j >= s + 3 && at(t, j - 3, e, "的") && suffix(W(c, W_STATUS), t, s, j - 3))
			return i + strlen(w->word);
	}
	return 0;
}

/* 签约项目5个，总投资71亿元，包括A项目、B项目: a clause opening with an
 * intro word (data/projects.tsv intro-open) after a sentence that spoke of
 * projects lists them; where the names start, or 0. */
static size_t intro_opening(const pctx *c, size_t cs, size_t ce)
{
	const brief_lex_entry *w = prefix(W(c, W_INTROOPEN), c->text, cs, ce);
	size_t ss = c->a->sents[c->sent].start;
	if (!w || cs <= ss || !has(c->text, ss, cs, "项目"))
		return 0;
	return cs + strlen(w->word);
}

/* A项目计划总投资12亿元: the total right after a name (not 总投资30亿元的B
 *项目, the next project's own). */
static double invest_after(const pctx *c, size_t i, size_t se)
{
	const char *t = c->text;
	if (at(t, i, se, "项目"))
		i += 6;
	if (at(t, i, se, "计划"))
		i += 6;
	if (!at(t, i, se, "总投资"))
		return 0;
	/* 总投资30亿元的B项目 is the next project's own */
	PCRE2_SIZE *ov = brief_rxset_match(&c->p->s, RX_INVEST, t, i, se);
	if (!ov || ov[0] != i || at(t, ov[1], se, "的"))
		return 0;
	return amount(c, i, se);
}

/* 1.A项目，总投资12亿元: the amount opening the next clause. */
static double next_investment(const pctx *c, size_t ce, size_t se)
{
	const char *t = c->text;
	size_t i = ce;
	if (at(t, i, se, "，") || at(t, i, se, "："))
		i += 3;
	else if (at(t, i, se, ",") || at(t, i, se, ":"))
		i++;
	else
		return 0;
	return invest_after(c, i, se);
}

static int emit(pctx *c, const clause *cl, cand *k, int *added, long *last)
{
	long i = add(c, k, cl->cs, cl->ce);
	if (i == -2)
		return -1;
	if (i >= 0) {
		(*added)++;
		*last = i;
	}
	return 0;
}

/* Splits a piece at 和/以及 when what comes before is a name of its own
 * (A项目和B项目, not 冷链物流及深加工项目). */
static size_t join_at(const pctx *c, size_t s, size_t e, size_t *next)
{
	for (size_t i = s + 6; i < e; i = next_char(c->text, i, e)) {
		const brief_lex_entry *j = prefix(W(c, W_JOIN), c->text, i, e);
		if (!j)
			continue;
		if (!strcmp(j->word, "以及") || ends_head(c, s, i)) {
			*next = i + strlen(j->word);
			return i;
		}
	}
	*next = e;
	return e;
}

/* Cleans one piece of a list into a candidate name. */
static cand clean(const pctx *c, size_t s, size_t e)
{
	const char *t = c->text;
	cand k = { s, e, 0, NULL, s };
	k.s = modifier(c, s, e, &k.inv);
	/* 一批…的重大基础设施项目: a class */
	if (contains(W(c, W_VAGUE), t, s, k.s)) {
		k.e = k.s;
		return k;
	}
	k.s = trim_lead(c, k.s, e, NULL);
	k.e = cut_pred(c, k.s, e);
	for (const brief_lex_entry *st; (st = suffix(W(c, W_STATUS), t, k.s, k.e)) &&
	     k.e - strlen(st->word) >= k.s + 6;)
		k.e -= strlen(st->word);
	while (k.e > k.s && (t[k.e - 1] == ' ' || at(t, k.e - 3, k.e, "等")))
		k.e -= t[k.e - 1] == ' ' ? 1 : 3;
	k.e = paren_amount(c, k.s, k.e, &k.inv);
	return k;
}

/* 余杭区今年将推进A、B: the names start after the last building verb of
 * the first piece (not after a bare 建设, often part of a name:
 * 交通建设集团). */
static size_t after_verbs(const pctx *c, size_t s, size_t e, const brief_lex_entry **build)
{
	const char *t = c->text;
	size_t end = s, cut = s;
	while (end < e && !at(t, end, e, "、"))
		end++;
	for (size_t i = s + 3; i < end; i = next_char(t, i, end)) {
		const brief_lex_entry *w = prefix(W(c, W_BUILD), t, i, end);
		if (!w)
			continue;
		size_t k = i + strlen(w->word);
		/* after a name the verb is its predicate (…储备库即将建成) */
		if (!strcmp(w->word, "建设") || k + 6 > end || head_word_at(c, k, end) ||
		    contains(W(c, W_HEAD), t, s, i))
			continue;
		cut = k;
		*build = w;
	}
	return cut;
}

/* Accepts the pieces of the list [ls, le) the clause's form allows. */
typedef struct list {
	cand v[64];
	size_t n;
	bool head;              /* a usable name with a head among them */
	bool joint;             /* one piece was split at 和 */
} list;

/* The pieces of the clause's list: split at 、 and at joins, cleaned. */
static void split_list(const pctx *c, const clause *cl, list *l)
{
	const char *t = c->text;
	l->n = 0;
	l->head = l->joint = false;
	for (size_t i = cl->ls; i < cl->le && l->n < 64;) {
		size_t sep = i;
		while (sep < cl->le && !at(t, sep, cl->le, "、"))
			sep++;
		for (size_t ps = i, next; ps < sep && l->n < 64; ps = next) {
			size_t pe = join_at(c, ps, sep, &next);
			cand *k = &l->v[l->n++];
			l->joint |= pe < sep;
			*k = clean(c, ps, pe);
			l->head |= (ends_head(c, k->s, k->e) || k->inv > 0) && usable(c, k->s, k->e);
		}
		i = sep + 3;
	}
}

/* Whether the clause's form makes all its pieces project names; *st
 * gets the stage it says. */
static bool all_named(const pctx *c, const clause *cl, const list *l,
		      const brief_lex_entry **st)
{
	const cand *last = &l->v[l->n - 1];
	*st = cl->status;
	bool said = last->e < cl->le && ends_head(c, last->s, last->e) &&
		    (*st = status_in(c, last->e, cl->ce)) != NULL;
	if (!*st)
		*st = cl->build;
	/* 项目开工仪式, 项目建设年活动: an event, not the project */
	bool event = contains(W(c, W_VAGUE), c->text, last->e, cl->ce);
	/* 新疆区、地、县三级重大项目开工: the stage is said of a name */
	said = said && usable(c, last->s, last->e);
	return cl->deng || ((((cl->build || cl->intro) && l->head) || said) && !event);
}

/* Adds the pieces of the clause's list its form allows, and those that
 * carry their own investment. */
static int pieces(pctx *c, const clause *cl, int *added, long *last)
{
	list l;
	const brief_lex_entry *st;
	split_list(c, cl, &l);
	if (!l.n)
		return 0;
	/* 投资96亿元的A和B: one sum for two */
	if (l.joint && l.n == 2 && l.v[0].inv > 0 && l.v[1].inv == 0)
		l.v[0].inv = 0;
	bool all = all_named(c, cl, &l, &st);
	cand *one = &l.v[0];
	if (l.n == 1 && one->inv == 0 && ends_head(c, one->s, one->e)) {
		double inv = invest_after(c, one->e, cl->ce);
		one->inv = inv > 0 ? inv : cl->next_inv;
		all |= one->inv > 0;
	}
	for (size_t i = 0; i < l.n; i++) {
		if (!all && l.v[i].inv == 0)
			continue;
		l.v[i].status = st;
		l.v[i].at = cl->ls;
		if (emit(c, cl, &l.v[i], added, last))
			return -1;
	}
	return 0;
}

/* 在A项目现场举行 */
static int venue(pctx *c, const clause *cl, int *added, long *last)
{
	const char *t = c->text;
	for (size_t i = cl->cs; i + 6 <= cl->ce; i = next_char(t, i, cl->ce)) {
		if (!at(t, i, cl->ce, "现场"))
			continue;
		size_t e = i, s = e;
		if (e >= cl->cs + 6 && at(t, e - 6, e, "建设"))
			e -= 6;
		while (s > cl->cs && !at(t, s, cl->ce, "在"))
			s = brief_utf8_prev(t, s);
		if (!at(t, s, cl->ce, "在") || !ends_head(c, s + 3, e))
			return 0;
		cand k = { s + 3, e, 0, NULL, s };
		return emit(c, cl, &k, added, last);
	}
	return 0;
}

/* Whether the clause can name a project at all: its list closes with 等,
 * or a name in it ends with a head word or carries an investment. Most
 * clauses of an article do neither, and reading their lists piece by
 * piece was most of the finder's time. */
static bool could_name(const pctx *c, const clause *cl)
{
	const char *t = c->text;
	return cl->deng || contains(W(c, W_HEAD), t, cl->cs, cl->ce) ||
	       has(t, cl->cs, cl->ce, "投资");
}

static int read_clause(pctx *c, size_t cs, size_t ce, size_t se)
{
	const char *t = c->text;
	while (cs < ce && t[cs] == ' ')
		cs++;
	if (ce < cs + 6)
		return 0;
	clause cl = { .cs = cs, .ce = ce, .ls = cs, .le = ce };
	size_t d = find_deng(c, cs, ce);
	if (d) {
		cl.deng = true;
		cl.le = d;
		cl.status = status_in(c, d, ce);
	}
	if (c->intro_next) {
		cl.intro = true;
		if (!cl.status)
			cl.status = c->intro_status;
	}
	size_t in = find_intro(c, cl.ls, cl.le);
	if (!in)
		in = intro_opening(c, cs, ce);
	if (in && in < cl.le) {
		cl.intro = true;
		cl.ls = in;
	} else if (in && !c->intro_next) {
		/* 开工的代表性项目有：A，B: the names follow, to the sentence's end */
		c->intro_next = true;
		c->intro_status = status_in(c, cs, ce);
		return 0;
	}
	if (!could_name(c, &cl))
		return 0;
	cl.ls = trim_lead(c, cl.ls, cl.le, &cl.build);
	cl.ls = after_verbs(c, cl.ls, cl.le, &cl.build);
	cl.ls = trim_lead(c, cl.ls, cl.le, &cl.build);
	cl.next_inv = next_investment(c, ce, se);
	int added = 0;
	long last = -1;
	if (venue(c, &cl, &added, &last) || pieces(c, &cl, &added, &last))
		return -1;
	/* one project named alone with its stage is what the sentence is about */
	if (added == 1 && !cl.deng && !cl.intro && cl.ls == cs) {
		c->subject = last;
		c->subject_sent = c->sent;
		c->subject_end = ce;
	} else if (added) {
		c->subject = -1;
	}
	return 0;
}

/* 总投资约13亿元 goes to the project the text is about: named alone in
 * this sentence, or, when the sentence opens with 项目总投资, the one
 * the sentence or paragraph before ended with. */
static void investments(pctx *c, size_t ss, size_t se, int para)
{
	const char *t = c->text;
	if (c->subject < 0)
		return;
	brief_fact *f = &c->out->v[c->subject];
	bool opens = at(t, ss, se, "项目总投资") || at(t, ss, se, "总投资") ||
		     at(t, ss, se, "该项目总投资");
	int sp = c->a->sents[c->subject_sent].para;
	if (f->has_investment || !(c->subject_sent == c->sent ||
				   (opens && sp >= para - 1 && c->subject_sent >= c->sent - 8)))
		return;
	size_t from = c->subject_sent == c->sent ? c->subject_end : ss;
	PCRE2_SIZE *ov = brief_rxset_match(&c->p->s, RX_INVEST, t, from, se);
	/* 总投资20亿元的B项目: B's own */
	if (!ov || !at(t, ov[0], se, "总投资") || at(t, ov[1], se, "的"))
		return;
	/* 项目32个，总投资61.3亿元: the total of a count */
	size_t back = ov[0] > ss + 15 ? ov[0] - 15 : ss;
	if (has(t, back, ov[0], "个"))
		return;
	double v = amount(c, ov[0], se);
	if (v > 0)
		set_investment(f, v);
}

/* ------------------------------------------------------------------ */
/* Flattened tables: 序号|项目名称|总投资(万元)|… then a row a line.      */

typedef struct table {
	int name, inv;          /* columns, -1 when absent */
	double scale;           /* to 亿元 */
	int place;              /* the column of where it is built, or -1 */
} table;

/* The cell `col` of the line [s, e) split at '|', trimmed. */
static bool cell(const char *t, size_t s, size_t e, int col, size_t *cs, size_t *ce)
{
	for (int k = 0; s <= e; k++) {
		size_t x = s;
		while (x < e && t[x] != '|')
			x++;
		if (k == col) {
			while (s < x && (t[s] == ' ' || t[s] == '\t'))
				s++;
			while (x > s && (t[x - 1] == ' ' || t[x - 1] == '\t' || t[x - 1] == '\r'))
				x--;
			*cs = s;
			*ce = x;
			return true;
		}
		s = x + 1;
	}
	return false;
}

/* A header names the project column (项目名称) and the total investment's
 * (总投资, in 亿元 or 万元). */
static bool header(const pctx *c, size_t s, size_t e, table *tb)
{
	const char *t = c->text;
	size_t cs, ce;
	*tb = (table){ -1, -1, 1, -1 };
	for (int k = 0; k < 32 && cell(t, s, e, k, &cs, &ce); k++) {
		/* 项目名称, 项目: not 指标名称, a table of measures */
		if (tb->name < 0 && has(t, cs, ce, "项目") && ce - cs <= 18)
			tb->name = k;
		else if (tb->place < 0 && contains(W(c, W_PLACECOL), t, cs, ce) && ce - cs <= 18)
			tb->place = k;
		else if (tb->inv < 0 && has(t, cs, ce, "投资") && !has(t, cs, ce, "年度") &&
			 !has(t, cs, ce, "计划投资") && ce - cs <= 30) {
			tb->inv = k;
			tb->scale = has(t, cs, ce, "万元") ? 1e-4 : 1;
		}
	}
	return tb->name >= 0;
}

static int row(pctx *c, const table *tb, size_t s, size_t e)
{
	const char *t = c->text;
	size_t cs, ce, is, ie;
	double v;
	if (!cell(t, s, e, tb->name, &cs, &ce) || ce - cs < 6)
		return 0;
	cand k = { cs, ce, 0, status_in(c, s, e), cs };
	if (tb->inv >= 0 && cell(t, s, e, tb->inv, &is, &ie) && ie > is &&
	    brief_number_parse(t + is, ie - is, &v) && v > 0)
		k.inv = v * tb->scale;
	/* 建设地点 温宿县: the region named in the row's place cell */
	if (tb->place >= 0 && cell(t, s, e, tb->place, &is, &ie) && ie > is)
		k.at = ie;
	clause cl = { .cs = s, .ce = e, .ls = cs, .le = ce };
	int added = 0;
	long last = -1;
	return emit(c, &cl, &k, &added, &last);
}

static int tables(pctx *c)
{
	const char *t = c->text;
	size_t len = c->a->text_len;
	table tb = { -1, -1, 1, -1 };
	for (size_t s = 0, e; s < len; s = e + 1) {
		for (e = s; e < len && t[e] != '\n';)
			e++;
		size_t bars = 0;
		for (size_t i = s; i < e; i++)
			bars += t[i] == '|';
		if (bars < 2) {
			tb.name = -1;
			continue;
		}
		while (c->sent + 1 < (int)c->a->nsents && c->a->sents[c->sent].end <= s)
			c->sent++;
		if (tb.name < 0)
			header(c, s, e, &tb);
		else if (row(c, &tb, s, e))
			return -1;
	}
	return 0;
}

int brief_extract_projects(brief_projects *p, const brief_gazetteer *g,
			   const brief_annot *t, const brief_article *a,
			   brief_facts *out)
{
	pctx c = { p, g, t, a, out, out->n, a->text, 0, -1, 0, 0, false, NULL, NULL, 0, 0 };
	size_t ns, nl;
	const brief_annot_sentence *as = brief_annot_sentences(t, &ns);
	const brief_span *lists = brief_annot_lists(t, &nl);
	int rc = 0;
	for (size_t s = 0; s < a->nsents; s++) {
		size_t ss = a->sents[s].start, se = a->sents[s].end;
		c.sent = (int)s;
		c.intro_next = false;
		for (size_t i = 0; i < as[s].nlists; i++)
			if ((rc = read_clause(&c, lists[as[s].list + i].start,
					      lists[as[s].list + i].end, se)))
				goto done;
		investments(&c, ss, se, a->sents[s].para);
	}
	c.sent = 0;
	if (a->nsents)
		rc = tables(&c);
done:
	free(c.spans);
	return rc;
}
