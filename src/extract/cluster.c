/*
 * cluster.c - the industry clusters and priority industries a region
 * builds or has. The text names them in a handful of shapes:
 *
 *   lists closed by a count, a tier and a head   A、B两大“国字号”产业集群
 *   a count and a head opening a list            十大产业有A、B、C
 *   one name with a size tier                    一个300亿级的A产业
 *   one name before a strong head                以A产业集群为特色
 *   one name given a tier                        把A作为首位产业
 *   a name on an official list                   A入选国家级…特色产业集群
 *   a cluster list line                          某区(A)特色产业集群
 *   a report's one-line heading                  优化发展A产业。
 *   a chain a verb builds                        延伸A产业链
 *
 * The words (heads, tiers, verbs, vague words) live in data/clusters.tsv;
 * the shapes are here.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "extract/number.h"
#include "extract/wordset.h"
#include "util/buf.h"
#include "util/lexicon.h"
#include "util/rx.h"
#include "util/utf8.h"

#define LEX "clusters.tsv"

/* A character of a name, and of a list item (which stops at 等 and 的,
 * so that 以A、B等为主的 is not read as the items A and B等为主的). */
#define NC "[\\p{sc=Han}A-Za-z0-9]"
#define NP "[\\p{sc=Han}A-Za-z0-9()（）]"
#define IC "[^、,，。;；:：“”\"\\s等的]"
#define NOT_AFTER_NAME "(?<!" NP ")"

enum {
	RX_LIST, RX_PAIR, RX_COUNTED, RX_SIZED, RX_LED, RX_FOCUS, RX_ENLIST,
	RX_PAREN, RX_AS, RX_SINGLE, RX_QUOTED, RX_SHORT, RX_UPGRADE, RX_CHAIN, RX_BUILT, RX_N,
	/* not shapes: RX_LIST tried at one place, and one item of its list */
	RX_LIST_AT = RX_N, RX_ITEM, RX_ALL
};

/* A list of items closed by a head; a match's first item is an item's
 * whole text (IC takes no 、), at most 14 characters: RX_ITEM. */
#define LIST "(?<list>(?:" IC "{2,14}、)+" IC "{2,12}?)[”\"]?" \
	     "(?<etc>等?(?:在内的)?(?:更多)?)" \
	     "(?<verb>[,，](?:{build}))?(?:{as})?" \
	     "(?<count>{count_rx})?" \
	     "(?<tier>[“\"]?(?:{tier}|{amount_rx})[”\"]?)?(?:{sector})?" \
	     "(?<head>{head_strong}|{head}(?=(?:{head_next})|(?:{and})|[、,，。;；\\s]|$))"

/* {class} is replaced by that class of clusters.tsv as an alternation. */
static const char *const templates[RX_ALL] = {
	[RX_LIST] = LIST,
	[RX_LIST_AT] = "\\G(?:" LIST ")",
	[RX_ITEM] = IC "{2,14}、",
	[RX_PAIR] = "(?<list>" IC "{2,14}(?:{and})" IC "{2,12}?)[”\"]?"
		    "(?<count>{count_rx})(?<tier>[“\"]?(?:{tier}|{amount_rx})[”\"]?)?"
		    "(?:{sector})?(?<head>{head_strong}|{head}(?=(?:{head_next})|(?:{and})|[、,，。;；\\s]|$))",
	[RX_COUNTED] = "(?<count>{count_rx})?(?<tier>{tier})?(?:{sector})?"
		       "(?:{head_strong}|{head})(?:体系)?[,，]?(?:{intro})"
		       "(?<list>(?:" IC "{2,12}、)+" IC "{2,12}?)"
		       "(?=等|[。,，;；\\s”\"]|$|{count_rx})",
	[RX_SIZED] = "(?<tier>{amount_rx})的(?<name>" NC "{2,12}?)"
		     "(?:{head_strong}|产业)(?=[、,，。;；\\s等]|$)",
	[RX_LED] = "(?:{led})(?<name>" NC "{2,12}?)(?:{head_strong}|产业)"
		   "(?=(?:{head_next})|[、,，。;；\\s]|$)",
	[RX_FOCUS] = "以(?<list>(?:" IC "{2,12}、)*" IC "{2,12}?)等?为(?:{focus})的"
		     "(?<tier>{tier})?(?:{sector})?(?:{head_strong}|产业)",
	[RX_ENLIST] = NOT_AFTER_NAME "(?<name>" NP "{2,16}?)(?:{head_strong}|产业)?"
		      "(?:{enlist_adv})?(?:{enlist})(?<tier>[^,，。;；、\\s]{0,24}?)(?:产业)?集群",
	[RX_PAREN] = "[(（](?<name>[^()（）,，。;；、\\s]{2,16})[)）](?<tier>{tier})?"
		     "(?:产业集群|集群|产业)",
	[RX_AS] = "(?:{as_open})(?<name>" NC "{2,10}?)(?:产业)?(?:{as})(?:{pron})?的?"
		  "(?<tier>{tier})产业(?!{place})",
	[RX_SINGLE] = NOT_AFTER_NAME "(?<name>" NP "{2,16}?)(?<tier>{tier})?"
		      "(?<head>{single})(?:{single_tail})?",
	[RX_QUOTED] = "“(?<name>[^”]{2,12})”(?<tier>{tier})?(?<head>{single})(?:{single_tail})",
	[RX_SHORT] = "\\G\\s*(?:[(（]?[一二三四五六七八九十\\d]{1,2}[)）.、]\\s*)?"
		     "(?:{adv}){0,2}(?:{head_verb})"
		     "(?<name>" NC "{2,8}?(?:{service})|" NC "{2,8}?(?=产业))"
		     "(?:{head_strong}|产业)?[。.]?\\s*$",
	[RX_UPGRADE] = NOT_AFTER_NAME "(?<name>" NC "{2,12}?)产业(?!{toward})"
		       "(?:\\p{sc=Han}{1,3}化[、和]){1,4}\\p{sc=Han}{1,3}化",
	[RX_CHAIN] = NOT_AFTER_NAME "(?<name>" NC "{2,12}?)(?:{whole_chain})",
	[RX_BUILT] = NOT_AFTER_NAME "(?<name>" NC "{2,16}?)(?<tier>{tier})?产业链",
};

/*
 * What a match of a shape cannot do without, so that a sentence lacking
 * it is not searched and the search starts no earlier than it could
 * match: a literal word or a word of a class, and `reach`, the most
 * characters a match can start before the first such word after its
 * start (0: no bound). Read off the templates above: RX_LIST opens with
 * at most 14 item characters (none of them 、) before a 、.
 */
static const struct need {
	const char *word, *cls;
	int reach;
} needs[RX_N] = {
	[RX_LIST] = { "、", NULL, 14 },
	[RX_PAIR] = { NULL, "and", 14 },
	[RX_COUNTED] = { "、", NULL, 0 },
	[RX_LED] = { NULL, "led", 0 },
	[RX_ENLIST] = { "集群", NULL, 0 },
	[RX_AS] = { NULL, "as_open", 0 },
	[RX_SINGLE] = { NULL, "single", 0 },
	[RX_QUOTED] = { "“", NULL, 0 },
	[RX_UPGRADE] = { "产业", NULL, 12 },
	[RX_CHAIN] = { NULL, "whole_chain", 0 },
	[RX_BUILT] = { "产业链", NULL, 0 },
};

struct brief_clusters {
	brief_rxset s;
	brief_wordset *need[RX_N];      /* the sets of needs[].cls */
};

/* The template with each {class} spliced in; NULL on OOM. */
static char *expand(const char *tmpl)
{
	const brief_lexicon *l = brief_lexicon_get(LEX);
	brief_buf b = BRIEF_BUF_INIT;
	for (const char *p = tmpl; *p;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		/* {2,14} is a repeat and \p{Han} a property, not classes */
		if (!close || p[1] < 'a' || p[1] > 'z' ||
		    (p > tmpl && (p[-1] == 'p' || p[-1] == 'P'))) {
			brief_buf_putc(&b, *p++);
			continue;
		}
		char cls[32];
		size_t n = (size_t)(close - p - 1);
		if (n >= sizeof cls)
			n = sizeof cls - 1;
		memcpy(cls, p + 1, n);
		cls[n] = '\0';
		bool rx = n > 3 && !strcmp(cls + n - 3, "_rx");
		char *alt = l ? brief_lex_alternation(l, cls, rx) : NULL;
		brief_buf_puts(&b, alt ? alt : "(?!)");
		free(alt);
		p = close + 1;
	}
	return brief_buf_detach(&b, NULL);
}

brief_clusters *brief_clusters_new(void)
{
	char *res[RX_ALL] = { 0 };
	brief_clusters *c = calloc(1, sizeof *c);
	bool ok = c != NULL;
	for (size_t i = 0; ok && i < RX_ALL; i++)
		ok = (res[i] = expand(templates[i])) != NULL;
	if (ok)
		ok = brief_rxset_init(&c->s, (const char *const *)res, RX_ALL, 5000000) == 0;
	for (size_t i = 0; i < RX_ALL; i++)
		free(res[i]);
	for (size_t i = 0; ok && i < RX_N; i++)
		if (needs[i].cls)
			ok = (c->need[i] = brief_wordset_new(LEX, needs[i].cls)) != NULL;
	if (!ok) {
		brief_clusters_free(c);
		return NULL;
	}
	return c;
}

void brief_clusters_free(brief_clusters *c)
{
	if (!c)
		return;
	brief_rxset_free(&c->s);
	for (size_t i = 0; i < RX_N; i++)
		brief_wordset_free(c->need[i]);
	free(c);
}

typedef struct cctx {
	brief_clusters *c;
	const brief_gazetteer *g;
	const brief_annot *t;
	const brief_article *a;
	brief_facts *out;
	size_t first;
	int rx;                 /* the rule of the current match */
	PCRE2_SIZE *ov;
} cctx;

typedef struct span {
	size_t s, e;
} span;

/* Group `name` of the current match; false when it took no part. */
static bool group(const cctx *c, const char *name, span *sp)
{
	int k = pcre2_substring_number_from_name(c->c->s.rx[c->rx], (PCRE2_SPTR)name);
	if (k < 0 || c->ov[2 * k] == PCRE2_UNSET)
		return false;
	sp->s = c->ov[2 * k];
	sp->e = c->ov[2 * k + 1];
	return true;
}

static bool starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return k <= n && !memcmp(s, w, k);
}

static bool ends(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return k <= n && !memcmp(s + n - k, w, k);
}

static bool is_word(const char *cls, const char *s, size_t n)
{
	for (const char *const *w = brief_words(LEX, cls); w && *w; w++)
		if (strlen(*w) == n && !memcmp(*w, s, n))
			return true;
	return false;
}

/* The value column of `word` in `cls` ("" when none or absent). */
static const char *value_of(const char *cls, const char *s, size_t n)
{
	size_t ne;
	const brief_lex_entry *e = brief_lex_entries(brief_lexicon_get(LEX), &ne);
	for (size_t i = 0; i < ne; i++)
		if (!strcmp(e[i].cls, cls) && strlen(e[i].word) == n && !memcmp(e[i].word, s, n))
			return e[i].value;
	return "";
}

/* ---------------------------------------------------------------- */
/* Names: cut the clause around them down to the industry.            */

static bool ends_in(const char *s, size_t n, const char *cls)
{
	for (const char *const *w = brief_words(LEX, cls); w && *w; w++)
		if (ends(s, n, *w))
			return true;
	return false;
}

/* The longest word of the head classes that s[0..n) ends with; 0 if none. */
static size_t head_at_end(const char *s, size_t n)
{
	static const char *const heads[] = { "head_strong", "head", NULL };
	size_t best = 0;
	for (const char *const *cls = heads; *cls; cls++)
		for (const char *const *w = brief_words(LEX, *cls); w && *w; w++)
			if (strlen(*w) > best && ends(s, n, *w))
				best = strlen(*w);
	return best;
}

/* The end of the last word of `cls` inside s[0..n) (not at its very
 * end); with `joined`, only where a list closed by its head ends before
 * it: …产业集群和A、B两个… opens a new list, 有色金属和新材料 is one name. */
static size_t last_cut(const char *s, size_t n, const char *cls, bool joined)
{
	size_t best = 0;
	for (const char *const *v = brief_words(LEX, cls); v && *v; v++) {
		size_t k = strlen(*v);
		for (size_t i = 0; i + k < n; i++)
			if (i + k > best && !memcmp(s + i, *v, k) && (!joined || head_at_end(s, i)))
				best = i + k;
	}
	return best;
}

/* The first item of a list (or a single name) may carry the clause before
 * it: 今年该区将建强集成电路 -> 集成电路; cut after the last verb of
 * building (or of being listed: 我县入选国家级A) in it. */
static void trim_verb(const char **s, size_t *n)
{
	size_t best = last_cut(*s, *n, "build", false), k;
	if ((k = last_cut(*s, *n, "enlist", false)) > best)
		best = k;
	if ((k = last_cut(*s, *n, "join", true)) > best)
		best = k;
	*s += best;
	*n -= best;
}

static void trim_lead(const char **s, size_t *n)
{
	for (bool again = true; again;) {
		again = false;
		for (const char *const *v = brief_words(LEX, "lead"); v && *v; v++) {
			size_t k = strlen(*v);
			if (*n > k + 3 && starts(*s, *n, *v)) {
				*s += k;
				*n -= k;
				again = true;
			}
		}
	}
}

/* 智能装备产业 -> 智能装备: a list item may repeat the head; a chain's
 * name may end in where on it (A上下游产业链). */
static void trim_head(const char **s, size_t *n)
{
	for (const char *const *w = brief_words(LEX, "tail"); w && *w; w++)
		if (*n > strlen(*w) + 3 && ends(*s, *n, *w))
			*n -= strlen(*w);
	size_t k = head_at_end(*s, *n);
	if (k && *n > k + 3)
		*n -= k;
}

/* (能源互联网) -> 能源互联网 */
static void trim_parens(const char **s, size_t *n)
{
	static const char *const open[] = { "(", "（" }, *const close[] = { ")", "）" };
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			if (starts(*s, *n, open[i]) && ends(*s, *n, close[j]) &&
			    *n > strlen(open[i]) + strlen(close[j])) {
				*s += strlen(open[i]);
				*n -= strlen(open[i]) + strlen(close[j]);
				return;
			}
}

/* 某高新区(A) -> A: the place a list line names before the industry,
 * when the gazetteer did not take it all. */
static void trim_zone(const char **s, size_t *n)
{
	const char *open = NULL;
	size_t k = 0;
	for (size_t i = 0; i < *n && !open; i++)
		if ((*s)[i] == '(' || starts(*s + i, *n - i, "（")) {
			open = *s + i;
			k = i;
		}
	if (!open || (!ends(*s, *n, ")") && !ends(*s, *n, "）")))
		return;
	for (const char *const *z = brief_words(LEX, "zone"); z && *z; z++)
		if (ends(*s, k, *z)) {
			*n -= k;
			*s = open;
			return;
		}
}

/* The clause before a name: a region named in it (博兴商用智能厨房设备,
 * 山东某市某区(…)), a verb of building, a level word. A name that is all
 * region (山东省特色产业集群) or ends in a verb (高起点培育产业集群) names
 * no industry. */
static void trim_region(const cctx *c, const char **s, size_t *n)
{
	const char *t = c->a->text;
	size_t from = (size_t)(*s - t), cut = brief_annot_last_name(c->t, from, from + *n);
	if (cut > from) {
		*n -= cut - from;
		*s = t + cut;
	}
}

static void trim_name(const cctx *c, const char **s, size_t *n)
{
	trim_region(c, s, n);
	if (ends_in(*s, *n, "build")) {
		*n = 0;
		return;
	}
	trim_zone(s, n);
	trim_verb(s, n);
	trim_lead(s, n);
	trim_parens(s, n);
}

/* A bare number or a count: 2024, 13条重点 (126X is a name). */
static bool is_count(const char *s, size_t n)
{
	size_t digits = 0;
	while (digits < n && s[digits] >= '0' && s[digits] <= '9')
		digits++;
	if (digits == n)
		return true;
	for (const char *const *m = brief_words(LEX, "measure"); digits && m && *m; m++)
		if (starts(s + digits, n - digits, *m))
			return true;
	return false;
}

static bool usable(const char *s, size_t n)
{
	size_t chars = brief_utf8_chars(s, n);
	if (chars < 2 || chars > 12 || is_word("vague", s, n) || is_count(s, n))
		return false;
	for (const char *const *b = brief_words(LEX, "bad"); b && *b; b++)
		if (brief_has_word(s, n, *b))
			return false;
	return true;
}

/* ---------------------------------------------------------------- */
/* Tiers.                                                           */

/* The tier as the briefings print it: 国字号, 省级特色, 300亿级, 未来产业 … */
static char *tier_text(const char *p, size_t n)
{
	if (starts(p, n, "“") || starts(p, n, "\"")) {
		size_t q = starts(p, n, "“") ? 3 : 1;
		p += q;
		n -= q;
	}
	if (ends(p, n, "”"))
		n -= 3;
	else if (ends(p, n, "\""))
		n -= 1;
	if (!n)
		return NULL;
	const char *v = value_of("tier", p, n);
	if (*v)
		return strdup(v);
	/* 百亿 -> 百亿级 */
	for (const char *const *w = brief_words(LEX, "amount_unit"); w && *w; w++)
		if (ends(p, n, *w)) {
			const char *more = value_of("amount_unit", *w, strlen(*w));
			char *r = malloc(n + strlen(more) + 1);
			if (r) {
				memcpy(r, p, n);
				strcpy(r + n, more);
			}
			return r;
		}
	return strndup(p, n);
}

/* The level an official list gives (2024年度河北省中小企业特色 -> 省级). */
static char *level_of(const char *p, size_t n)
{
	for (const char *const *w = brief_words(LEX, "level"); w && *w; w++)
		if (brief_has_word(p, n, *w))
			return strdup(value_of("level", *w, strlen(*w)));
	return NULL;
}

/* A tier the trimmed clause put before the name (建设国家级A产业集群). */
static char *tier_before(const char *s, size_t n)
{
	for (const char *const *w = brief_words(LEX, "tier"); w && *w; w++)
		if (ends(s, n, *w))
			return tier_text(*w, strlen(*w));
	return NULL;
}

/* The tier of the current match: its tier group, else what its head
 * implies (细分领域), else what the single head is (未来产业). */
static char *tier_of(const cctx *c)
{
	const char *t = c->a->text;
	span sp;
	if (c->rx == RX_ENLIST)
		return group(c, "tier", &sp) ? level_of(t + sp.s, sp.e - sp.s) : NULL;
	if (group(c, "tier", &sp) && sp.e > sp.s)
		return tier_text(t + sp.s, sp.e - sp.s);
	if (!group(c, "head", &sp))
		return NULL;
	bool single = c->rx == RX_SINGLE || c->rx == RX_QUOTED;
	const char *v = value_of(single ? "single" : "head", t + sp.s, sp.e - sp.s);
	return *v ? strdup(v) : NULL;
}

/* ---------------------------------------------------------------- */
/* Facts.                                                           */

/* Two names of one industry: equal once the parts in brackets are
 * dropped (智能装备 and 智能装备(农机)). */
static size_t bare(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	int depth = 0;
	for (size_t i = 0; i < n && k < cap;) {
		if (starts(s + i, n - i, "(") || starts(s + i, n - i, ")")) {
			depth += s[i] == '(' ? 1 : -1;
			i++;
			continue;
		}
		if (starts(s + i, n - i, "（") || starts(s + i, n - i, "）")) {
			depth += starts(s + i, n - i, "（") ? 1 : -1;
			i += 3;
			continue;
		}
		if (depth <= 0)
			out[k++] = s[i];
		i++;
	}
	return k;
}

static bool known(const cctx *c, const char *s, size_t n, const char *code)
{
	char a[256], b[256];
	size_t an = bare(s, n, a, sizeof a);
	for (size_t i = c->first; i < c->out->n; i++) {
		const brief_fact *f = &c->out->v[i];
		if (f->type != BRIEF_FACT_CLUSTER || !f->name || !f->region_code ||
		    strcmp(f->region_code, code))
			continue;
		size_t bn = bare(f->name, strlen(f->name), b, sizeof b);
		if (an == bn && !memcmp(a, b, an))
			return true;
	}
	return false;
}

static int add(cctx *c, const char *s, size_t n, const char *tier)
{
	size_t ev_start = c->ov[0], ev_end = c->ov[1];
	if (!usable(s, n) || brief_in_garble(c->a, ev_start, ev_end))
		return 0;
	const brief_region *r = brief_annot_region(c->t, (size_t)(s - c->a->text));
	if (!r || known(c, s, n, r->code))
		return 0;
	brief_fact *f = brief_facts_push(c->out);
	if (!f)
		return -1;
	f->type = BRIEF_FACT_CLUSTER;
	f->name = strndup(s, n);
	f->tier = tier ? strdup(tier) : NULL;
	f->year = brief_annot_year(c->t);
	return brief_fact_locate(f, c->t, r, ev_start, ev_end);
}

typedef struct items {
	span v[32];
	size_t n;
} items;

/* The list's items, split at 、. */
static void split(const char *t, span list, items *it)
{
	it->n = 0;
	for (size_t i = list.s; i < list.e && it->n < sizeof it->v / sizeof it->v[0];) {
		size_t end = i;
		while (end + 3 <= list.e && memcmp(t + end, "、", 3))
			end++;
		if (end + 3 > list.e)
			end = list.e;
		it->v[it->n++] = (span){ i, end };
		i = end < list.e ? end + 3 : list.e;
	}
}

/* How many the count says (三大 -> 3, 12个 -> 12); 0 when none. */
static size_t count_of(const cctx *c)
{
	span sp;
	double v;
	if (!group(c, "count", &sp))
		return 0;
	size_t last = brief_utf8_prev(c->a->text + sp.s, sp.e - sp.s);
	if (!brief_number_parse(c->a->text + sp.s, last, &v) || v < 1 || v > 99)
		return 0;
	return (size_t)v;
}

/* A、B和C三大产业: one item more than the 、 give, the last two joined
 * by 和 (or 与, 及). Without a count 有色金属和新材料 is one industry, but
 * A、B以及C are three. */
static void split_joined(const char *t, items *it, size_t count)
{
	if (!it->n || it->n >= sizeof it->v / sizeof it->v[0])
		return;
	const char *cls = count == it->n + 1 ? "and" : "and_always";
	span *last = &it->v[it->n - 1];
	size_t at = 0, k = 0;
	for (const char *const *w = brief_words(LEX, cls); w && *w; w++) {
		/* the last join whose word ends before the last item does */
		size_t from = last->s + 3;
		const char *p = last->e > from + 1 ?
			brief_find_last_word(t + from, last->e - 1 - from, *w) : NULL;
		if (p && (size_t)(p - t) > at) {
			at = (size_t)(p - t);
			k = strlen(*w);
		}
	}
	if (!at)
		return;
	it->v[it->n] = (span){ at + k, last->e };
	last->e = at;
	it->n++;
}

/* 项目涵盖A、B等产业: the fields projects fall in, not the region's
 * industries. Looks at the clause before the list, up to ten characters. */
static bool domains(const cctx *c, span list, size_t ss)
{
	const char *t = c->a->text;
	size_t from = list.s;
	for (int k = 0; k < 10 && from > ss; k++)
		from = ss + brief_utf8_prev(t + ss, from - ss);
	for (const char *const *w = brief_words(LEX, "domain"); w && *w; w++)
		if (brief_has_word(t + from, list.e - from, *w))
			return true;
	return false;
}

/* A list's items; only the first carries the clause before, any may
 * open with the place it is in. */
static int add_items(cctx *c, span list, const char *tier)
{
	const char *t = c->a->text;
	items it;
	split(t, list, &it);
	split_joined(t, &it, count_of(c));
	int rc = 0;
	for (size_t i = 0; i < it.n && rc == 0; i++) {
		const char *item = t + it.v[i].s;
		size_t in = it.v[i].e - it.v[i].s;
		if (i == 0)
			trim_name(c, &item, &in);
		else
			trim_region(c, &item, &in);   /* 某市A产业集群、某县B产业集群 */
		trim_head(&item, &in);
		rc = add(c, item, in, tier);
	}
	return rc;
}

/* A bare "X、Y产业" is prose: 等, a count or a tier makes it a list of
 * the region's industries, and so does a strong head (产业集群). After
 * a comma (A、B,培育百亿级产业) only a count or a tier does. */
static bool is_list(const cctx *c)
{
	span etc, verb, count, tier, head;
	bool has_etc = group(c, "etc", &etc) && etc.e > etc.s;
	bool has_count = group(c, "count", &count);
	bool has_tier = group(c, "tier", &tier) && tier.e > tier.s;
	if (group(c, "verb", &verb))
		return has_count || has_tier;
	if (has_etc || has_count || has_tier)
		return true;
	return group(c, "head", &head) && is_word("head_strong", c->a->text + head.s, head.e - head.s);
}

/* A chain is the region's when a verb of building opens it (延伸A产业链);
 * 产业链上下游, 优质产业链项目 name none. */
static bool after_verb(const char *s, size_t n)
{
	return n && ends_in(s, n, "build");
}

/* The short line of a report's list (优化发展A产业。) stands alone. */
static bool short_line(const cctx *c, size_t ss, size_t se)
{
	return brief_utf8_chars(c->a->text + ss, se - ss) <= 20;
}

/* The region names the cluster line it heads: 某区(A)特色产业集群. */
static bool after_region(const cctx *c, size_t ss)
{
	size_t open = c->ov[0];
	return open > ss && brief_annot_last_name(c->t, ss, open) == open;
}

/* What a shape needs beyond its pattern. */
static bool admissible(const cctx *c, size_t ss, size_t se)
{
	span sp;
	switch (c->rx) {
	case RX_SHORT:
		return short_line(c, ss, se);
	case RX_PAREN:
		return after_region(c, ss);
	case RX_LIST:
		return is_list(c);
	case RX_PAIR:
		return count_of(c) == 2;
	case RX_COUNTED:
		return group(c, "count", &sp) || group(c, "tier", &sp);
	default:
		return true;
	}
}

/* One name: trimmed to the industry; a level the clause put before it is
 * its tier when the match gave none. */
static int add_name(cctx *c, span sp, char **tier)
{
	const char *t = c->a->text, *name = t + sp.s;
	size_t n = sp.e - sp.s;
	trim_name(c, &name, &n);
	trim_head(&name, &n);
	size_t before = (size_t)(name - t) - sp.s;
	if (c->rx == RX_BUILT && !after_verb(t + sp.s, before))
		return 0;
	if (!*tier)
		*tier = tier_before(t + sp.s, before);
	return add(c, name, n, *tier);
}

static int take(cctx *c, size_t ss, size_t se)
{
	if (!admissible(c, ss, se))
		return 0;
	char *tier = tier_of(c);
	span sp;
	int rc = 0;
	if (group(c, "list", &sp)) {
		if (!domains(c, sp, ss))
			rc = add_items(c, sp, tier);
	} else if (group(c, "name", &sp)) {
		rc = add_name(c, sp, &tier);
	}
	free(tier);
	return rc;
}

/* Where the first word shape rx needs lies in [at, se); se when nowhere. */
static size_t need_at(const cctx *c, int rx, size_t at, size_t se)
{
	const char *t = c->a->text;
	if (needs[rx].word) {
		const char *p = brief_find_word(t + at, se - at, needs[rx].word);
		return p ? (size_t)(p - t) : se;
	}
	for (; at < se; at = brief_wordset_next_char(t, at, se))
		if (brief_wordset_prefix(c->c->need[rx], t, at, se))
			return at;
	return se;
}

/* The first place in [at, se) a match of shape rx can start; se when
 * the sentence lacks what the shape needs. */
static size_t start_at(const cctx *c, int rx, size_t at, size_t se)
{
	if (!needs[rx].word && !needs[rx].cls)
		return at;
	size_t q = need_at(c, rx, at, se);
	if (q == se)
		return se;
	for (int k = needs[rx].reach; k > 0 && q > at; k--)
		q = brief_utf8_prev(c->a->text, q);
	return needs[rx].reach && q > at ? q : at;
}

/*
 * RX_LIST's first match in [at, se). Its first item is the whole text
 * between a 、 and the characters before it (IC takes no 、), so every
 * start that reaches the same 、 gives the same match but for where it
 * starts: trying the first of them for each 、 in turn (RX_ITEM finds
 * it) finds what a search from every character would, without reading
 * the rest of the list again from each of them.
 */
static PCRE2_SIZE *list_match(cctx *c, size_t at, size_t se)
{
	const char *t = c->a->text;
	for (size_t from = at, q; (q = need_at(c, RX_LIST, from, se)) < se; from = q + 3) {
		size_t p = q;
		for (int k = needs[RX_LIST].reach; k > 0 && p > from; k--)
			p = brief_utf8_prev(t, p);
		PCRE2_SIZE *ov = brief_rxset_match(&c->c->s, RX_ITEM, t, p, q + 3);
		if (ov && (ov = brief_rxset_match(&c->c->s, RX_LIST_AT, t, ov[0], se)))
			return ov;
	}
	return NULL;
}

static PCRE2_SIZE *match(cctx *c, int rx, size_t at, size_t se)
{
	if (rx == RX_LIST)
		return list_match(c, at, se);
	at = start_at(c, rx, at, se);
	return at < se ? brief_rxset_match(&c->c->s, (size_t)rx, c->a->text, at, se) : NULL;
}

static int rule(cctx *c, int rx, size_t ss, size_t se)
{
	c->rx = rx;
	for (size_t at = ss; at < se && (c->ov = match(c, rx, at, se));) {
		at = c->ov[1] > at ? c->ov[1] : at + 1;
		if (take(c, ss, se))
			return -1;
		if (rx == RX_SHORT)
			break;
	}
	return 0;
}

/* Most sentences name no industry: skip them cheaply. */
static bool worth(const char *s, size_t n)
{
	return brief_class_in(LEX, "cue", s, 0, n) != NULL;
}

int brief_extract_clusters(brief_clusters *cl, const brief_gazetteer *g,
			   const brief_annot *t, const brief_article *a,
			   brief_facts *out)
{
	cctx c = { cl, g, t, a, out, out->n, 0, NULL };
	for (size_t s = 0; s < a->nsents; s++) {
		size_t ss = a->sents[s].start, se = a->sents[s].end;
		if (!worth(a->text + ss, se - ss))
			continue;
		/* the most telling shapes first: the first reading of a name wins */
		for (int rx = 0; rx < RX_N; rx++)
			if (rule(&c, rx, ss, se))
				return -1;
	}
	return 0;
}
