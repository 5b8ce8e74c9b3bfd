/*
 * cluster.c - the industry clusters and priority industries a region
 * backs: lists after a verb of building (打造, 建强, 壮大, 抓好 …) closed
 * by a count and a cluster word (两大“国字号”产业集群, 三大产业,
 * 等细分领域), and single names with a tier (人形机器人未来产业先导区,
 * 智能物联产业生态圈).
 */
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "util/rx.h"
#include "util/utf8.h"

static const char list_re[] =
	"(?<list>(?:[^、，。；：“”\\s]{2,12}、)+[^、，。；：“”\\s]{2,12}?)"
	"(?<sep>等?(?:两大|三大|四大|五大|六大|七大|八大|两个|三个|\\d+个|\\d+大)|等)?"
	"(?<tier>“?国字号”?|省级特色|千亿级|百亿级|万亿级|未来|新兴|战略性新兴|主导|支柱|"
	"优势|特色)?"
	"(?<kind>产业集群|产业(?=[，。；,、;]|$|发展|建设|为|产值|新赛道|体系|布局|集群)|"
	"细分领域|新赛道|集群)";

static const char single_re[] =
	"(?<name>[\\p{sc=Han}A-Za-z0-9]{2,10}?)(?<tier>未来产业|产业生态圈)(?:先导区|体系|建设)?";

static const char quoted_re[] = "“(?<name>[^”]{2,12})”(?<tier>未来产业)体系";

enum { RX_LIST, RX_SINGLE, RX_QUOTED, RX_N };

struct brief_clusters {
	brief_rxset s;
};

brief_clusters *brief_clusters_new(void)
{
	static const char *const res[RX_N] = { list_re, single_re, quoted_re };
	brief_clusters *c = calloc(1, sizeof *c);
	if (!c || brief_rxset_init(&c->s, res, RX_N, 5000000)) {
		free(c);
		return NULL;
	}
	return c;
}

void brief_clusters_free(brief_clusters *c)
{
	if (!c)
		return;
	brief_rxset_free(&c->s);
	free(c);
}

typedef struct cctx {
	brief_clusters *c;
	const brief_gazetteer *g;
	const brief_attrib *t;
	const brief_article *a;
	brief_facts *out;
	size_t first;
} cctx;

/* The tier as the briefings name it: 国字号, 省级特色, 千亿级, 未来产业 … */
static char *tier_of(const char *t, size_t s, size_t e, const char *kind,
		     size_t kn)
{
	if (s == e) {
		if (kn == strlen("细分领域") && !memcmp(kind, "细分领域", kn))
			return strdup("细分领域");
		return NULL;
	}
	const char *p = t + s;
	size_t n = e - s;
	if (n >= 3 && !memcmp(p, "“", 3)) {
		p += 3;
		n -= 3;
	}
	if (n >= 3 && !memcmp(p + n - 3, "”", 3))
		n -= 3;
	if (n == 6 || (n == 15 && !memcmp(p, "战略性新兴", 15))) {
		/* 未来, 新兴, 主导, 支柱 … name a tier with 产业 */
		char *r = malloc(n + 7);
		if (r) {
			memcpy(r, p, n);
			memcpy(r + n, "产业", 7);
		}
		return r;
	}
	return strndup(p, n);
}

static bool has(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == w[0] && !memcmp(s + i, w, k))
			return true;
	return false;
}

static bool usable(const char *s, size_t n)
{
	static const char *const vague[] = { "产业", "重点", "一批", "其他", "相关",
					     "传统", "优势", "特色", "新", NULL };
	/* clause words, counts, money: not an industry's name */
	static const char *const bad[] = { "将", "今年", "引进", "融入", "的", "一批",
					   "亿", "元", "等", "两大", "三大", "四大",
					   "五大", "六大", "八大", "十大", "个", NULL };
	size_t chars = brief_utf8_chars(s, n);
	if (chars < 2 || chars > 10)
		return false;
	for (const char *const *b = bad; *b; b++)
		for (size_t i = 0; i + strlen(*b) <= n; i++)
			if (!memcmp(s + i, *b, strlen(*b)))
				return false;
	for (const char *const *v = vague; *v; v++)
		if (strlen(*v) == n && !memcmp(s, *v, n))
			return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9' && i + 3 <= n && !memcmp(s + i + 1, "个", 3))
			return false;
	return true;
}

static int add(cctx *c, const char *s, size_t n, const char *tier,
	       size_t ev_start, size_t ev_end)
{
	const char *t = c->a->text;
	if (!usable(s, n) || brief_in_garble(c->a, ev_start, ev_end))
		return 0;
	const brief_region *r = brief_attrib_at(c->t, (size_t)(s - t));
	if (!r)
		return 0;
	for (size_t i = c->first; i < c->out->n; i++) {
		const brief_fact *f = &c->out->v[i];
		if (f->type == BRIEF_FACT_CLUSTER && f->name && strlen(f->name) == n &&
		    !memcmp(f->name, s, n) && f->region_code && !strcmp(f->region_code, r->code))
			return 0;
	}
	brief_fact *f = brief_facts_push(c->out);
	if (!f)
		return -1;
	f->type = BRIEF_FACT_CLUSTER;
	f->name = strndup(s, n);
	f->tier = tier ? strdup(tier) : NULL;
	f->year = brief_attrib_year(c->t, 0);
	return brief_fact_locate(f, c->g, r, c->a, ev_start, ev_end);
}

static void trim_lead(const char **s, size_t *n);

/* The first list item may carry the clause before it: 今年该区将建强集成电路
 * -> 集成电路; cut after the last verb of building in it. */
static void trim_verb(const char **s, size_t *n)
{
	static const char *const cut[] = {
		"打造", "建强", "壮大", "抓好", "培育", "发展", "聚焦", "激活", "深耕",
		"做强", "做大", "布局", "围绕", "推动", "瞄准", "突出", "构建", "抢抓",
		"着力", "拥有", "和", "以", NULL,
	};
	size_t best = 0;
	for (const char *const *v = cut; *v; v++) {
		size_t k = strlen(*v);
		for (size_t i = 0; i + k < *n; i++)
			if (!memcmp(*s + i, *v, k) && i + k > best)
				best = i + k;
	}
	*s += best;
	*n -= best;
	trim_lead(s, n);
}

static void trim_lead(const char **s, size_t *n)
{
	static const char *const verbs[] = {
		"打造", "建强", "壮大", "抓好", "培育", "发展", "聚焦", "激活", "深耕",
		"做强", "做大", "布局", "围绕", "推动", "瞄准", "突出", "形成", "构建",
		"提升", "拥有", "抢抓", "着力", "坚定不移", "加快", "重点", "以", "和",
		"及", "在", NULL,
	};
	for (bool again = true; again;) {
		again = false;
		for (const char *const *v = verbs; *v; v++) {
			size_t k = strlen(*v);
			if (*n > k + 3 && !memcmp(*s, *v, k)) {
				*s += k;
				*n -= k;
				again = true;
			}
		}
	}
}

static int lists(cctx *c, size_t ss, size_t se)
{
	const char *t = c->a->text;
	PCRE2_SIZE *ov;
	for (size_t at = ss; at < se &&
	     (ov = brief_rxset_match(&c->c->s, RX_LIST, t, at, se));) {
		size_t ls = ov[2], le = ov[3], ms = ov[0], me = ov[1];
		at = me > at ? me : at + 1;
		/* a bare "X、Y产业" is prose; a count, 等 or a tier makes a list */
		if (ov[4] == PCRE2_UNSET && ov[6] == PCRE2_UNSET)
			continue;
		char *tier = tier_of(t, ov[6] == PCRE2_UNSET ? 0 : ov[6],
				     ov[6] == PCRE2_UNSET ? 0 : ov[7], t + ov[8], ov[9] - ov[8]);
		int rc = 0;
		for (size_t i = ls; i < le && rc == 0;) {
			size_t end = i;
			while (end + 3 <= le && memcmp(t + end, "、", 3))
				end++;
			if (end + 3 > le)
				end = le;
			const char *item = t + i;
			size_t in = end - i;
			if (i == ls)
				trim_verb(&item, &in);
			rc = add(c, item, in, tier, ms, me);
			i = end < le ? end + 3 : le;
		}
		free(tier);
		if (rc)
			return -1;
	}
	return 0;
}

static int singles(cctx *c, int rx, size_t ss, size_t se)
{
	const char *t = c->a->text;
	PCRE2_SIZE *ov;
	for (size_t at = ss; at < se &&
	     (ov = brief_rxset_match(&c->c->s, rx, t, at, se));) {
		at = ov[1] > at ? ov[1] : at + 1;
		size_t ns = ov[2], ne = ov[3];
		/* 省级人形机器人: the level word is not part of the name */
		static const char *const lead[] = { "争创省级", "争创国家级", "省级", "国家级",
						    "市级", "打造", "建设", "争创", "以", NULL };
		for (const char *const *l = lead; *l; l++)
			if (ne - ns > strlen(*l) + 3 && !memcmp(t + ns, *l, strlen(*l))) {
				ns += strlen(*l);
				break;
			}
		char *tier = strndup(t + ov[4], ov[5] - ov[4]);
		int rc = tier ? add(c, t + ns, ne - ns, tier, ov[0], ov[1]) : -1;
		free(tier);
		if (rc)
			return -1;
	}
	return 0;
}

int brief_extract_clusters(brief_clusters *cl, const brief_gazetteer *g,
			   const brief_attrib *t, const brief_article *a,
			   brief_facts *out)
{
	cctx c = { cl, g, t, a, out, out->n };
	for (size_t s = 0; s < a->nsents; s++) {
		size_t ss = a->sents[s].start, se = a->sents[s].end;
		/* most sentences name no industry: skip them cheaply */
		if (!has(a->text + ss, se - ss, "产业") && !has(a->text + ss, se - ss, "集群") &&
		    !has(a->text + ss, se - ss, "领域") && !has(a->text + ss, se - ss, "赛道"))
			continue;
		if ((has(a->text + ss, se - ss, "、") && lists(&c, ss, se)) ||
		    singles(&c, RX_QUOTED, ss, se) || singles(&c, RX_SINGLE, ss, se))
			return -1;
	}
	return 0;
}
