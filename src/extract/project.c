/*
 * project.c - named key projects: lists closed by 等…项目/工程
 * (积海、宝鼎等重大项目投产), names with a project word and a status
 * (河庄片区人才专项租赁住房项目开始复工), quoted landmarks; the total
 * investment often follows in a later sentence of the paragraph
 * (项目总投资约13亿元) and goes to the project named last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "util/rx.h"
#include "extract/number.h"
#include "util/utf8.h"

/* Items of a list closed by 等 and a project word or a status verb. */
static const char list_re[] =
	"(?<list>(?:[^、，。；：:,“”\\s]{2,30}、)+[^、，。；：:,“”\\s]{2,30})"
	"(?:等(?:\\d+个)?(?:[\\d.]+亿元以上)?(?:重大|重点|周边高速|周边|配套|产业)?"
	"(?:项目|工程|路网|地标|建设)"
	"|(?=量产|投产|开工|复工|竣工))";

/* One name ending in a project word, followed by a status or listed. */
static const char name_re[] =
	"(?<![\\p{sc=Han}A-Za-z0-9()（）])"
	"(?<name>[\\p{sc=Han}A-Za-z0-9()（）]{2,40}?(?:项目|工程|产业园|科创园|邻里中心|"
	"文化园|大走廊|核心区(?:\\(中轴线\\))?|快速路|高铁站))"
	"(?<status>(?:将于|于)?(?:\\d{1,2}月(?:份|底|初)?)?"
	"(?:开始复工|有序复工|复工|开工|竣工|投产|开园|开通|顺利开通|签约|落地)|"
	"等重点工程|等片区|建设|坐落|、)";

/* “中国医药港”等产业地标 */
static const char quoted_re[] = "“(?<name>[^”]{2,20})”等(?:产业地标|地标|项目|重大项目)";

static const char invest_re[] =
	"总投资(?:额)?(?:约|达|超)?(?<num>\\d+(?:\\.\\d+)?)(?<unit>亿元|万元)";

static const char status_re[] = "签约|开工|复工|竣工|投产|开园|开通|量产|落地|交付";

/* Kinds of project, not projects: the whole name is one of these ... */
static const char *const generic[] = {
	"重大项目", "重点项目", "政府投资项目", "产业项目", "民生项目", "项目建设",
	"重点工程", "重大工程", "项目", "工程", "配套建设", "建设", NULL,
};
/* ... or holds one of these. */
static const char *const vague[] = {
	"一批", "各类", "安置房", "绿道", "TOD", "城市设计", "产业平台", "基础设施",
	NULL,
};

enum { RX_LIST, RX_NAME, RX_QUOTED, RX_INVEST, RX_STATUS, RX_N };

struct brief_projects {
	brief_rxset s;
};

brief_projects *brief_projects_new(void)
{
	static const char *const res[RX_N] = { list_re, name_re, quoted_re,
					       invest_re, status_re };
	brief_projects *p = calloc(1, sizeof *p);
	if (!p || brief_rxset_init(&p->s, res, RX_N, 100000)) {
		free(p);
		return NULL;
	}
	return p;
}

void brief_projects_free(brief_projects *p)
{
	if (!p)
		return;
	brief_rxset_free(&p->s);
	free(p);
}

typedef struct pctx {
	brief_projects *p;
	const brief_gazetteer *g;
	const brief_attrib *t;
	const brief_article *a;
	brief_facts *out;
	size_t first;           /* this article's first project in out */
} pctx;

static bool has_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == w[0] && !memcmp(s + i, w, k))
			return true;
	return false;
}

/* Strips leading verbs (推进, 加快建设 …) from a name. */
static void trim_lead(const char **s, size_t *n)
{
	static const char *const lead[] = {
		"以及", "一是", "二是", "三是", "四是", "五是", "六是", "首先", "其次", "同时",
		"加快建设", "全面启动", "全力推进", "加快推进", "加快落地", "推进", "加快",
		"建设", "启动", "实施", "开展", "聚焦", "打响", "以及", "还有", "其中",
		"包括", "如", "和", "及", "的", NULL,
	};
	for (bool again = true; again;) {
		again = false;
		for (const char *const *l = lead; *l; l++) {
			size_t k = strlen(*l);
			if (*n > k + 3 && !memcmp(*s, *l, k)) {
				*s += k;
				*n -= k;
				again = true;
			}
		}
	}
}

static bool usable(const char *s, size_t n)
{
	size_t chars = brief_utf8_chars(s, n);
	if (chars < 2 || chars > 40 || has_word(s, n, "的") || has_word(s, n, "可见") ||
	    has_word(s, n, "等") || has_word(s, n, "了"))
		return false;
	/* 交通项目, 民生工程: a kind of project */
	if (chars <= 4 && (has_word(s, n, "项目") || has_word(s, n, "工程")))
		return false;
	for (const char *const *g = generic; *g; g++)
		if (strlen(*g) == n && !memcmp(s, *g, n))
			return false;
	for (const char *const *v = vague; *v; v++)
		if (has_word(s, n, *v))
			return false;
	/* counts and amounts belong to the measures: 78个项目, 50亿元以上项目 */
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9' &&
		    (has_word(s + i, n - i, "个") || has_word(s + i, n - i, "亿")))
			return false;
	return true;
}

/* A cheap test before the name pattern: one of its closing words. */
static bool project_word(const char *s, size_t n)
{
	static const char *const words[] = { "项目", "工程", "园", "中心", "走廊",
					     "核心区", "快速路", "高铁站", NULL };
	for (const char *const *w = words; *w; w++)
		if (has_word(s, n, *w))
			return true;
	return false;
}

static const char *status_near(pctx *c, size_t from, size_t to)
{
	static const char *const words[] = { "签约", "开工", "复工", "竣工", "投产",
					     "开园", "开通", "量产", "落地", "交付", NULL };
	for (const char *const *w = words; *w; w++)
		if (has_word(c->a->text + from, to - from, *w))
			return *w;
	return NULL;
}

static size_t sentence_end(const brief_article *a, size_t at)
{
	for (size_t s = 0; s < a->nsents; s++)
		if (a->sents[s].start <= at && at < a->sents[s].end)
			return a->sents[s].end;
	return a->text_len;
}

/* 总投资35亿元的天子湖现代产业园二期项目: the name is what follows 的,
 * and the amount before it is the project's investment. */
static double split_modifier(const char **s, size_t *n)
{
	size_t cut = 0;
	double inv = 0;
	for (size_t i = 0; i + 3 <= *n; i++)
		if (!memcmp(*s + i, "的", 3))
			cut = i + 3;
	if (!cut)
		return 0;
	for (size_t i = 0; i + 9 <= cut; i++)
		if (!memcmp(*s + i, "总投资", 9)) {
			size_t j = i + 9;
			while (j < cut && !((*s)[j] >= '0' && (*s)[j] <= '9'))
				j++;
			size_t e = j;
			while (e < cut && (((*s)[e] >= '0' && (*s)[e] <= '9') || (*s)[e] == '.'))
				e++;
			if (e > j && e + 6 <= cut && !memcmp(*s + e, "亿元", 6))
				brief_number_parse(*s + j, e - j, &inv);
		}
	*s += cut;
	*n -= cut;
	return inv;
}

/* C919中机身量产以及积海: the name starts after the last joining word
 * or status verb inside the item. */
static void after_joins(const char **s, size_t *n)
{
	static const char *const joins[] = { "以及", "量产", "投产", "开工", "和", "及",
					     NULL };
	size_t cut = 0;
	for (const char *const *j = joins; *j; j++) {
		size_t k = strlen(*j);
		for (size_t i = 3; i + k < *n; i++)
			if (!memcmp(*s + i, *j, k) && i + k > cut)
				cut = i + k;
	}
	*s += cut;
	*n -= cut;
}

static int add(pctx *c, const char *s, size_t n, size_t ev_start, size_t ev_end)
{
	const char *t = c->a->text;
	double inv = split_modifier(&s, &n);
	after_joins(&s, &n);
	trim_lead(&s, &n);
	/* 钱塘项目: a region's projects in general */
	size_t cut = brief_attrib_last_name(c->t, (size_t)(s - t), (size_t)(s - t) + n);
	const char *rest = t + cut;
	size_t rn = (size_t)(s - t) + n - cut;
	for (const char *const *g = generic; *g; g++)
		if (strlen(*g) == rn && !memcmp(rest, *g, rn))
			return 0;
	if (!usable(s, n) || brief_in_garble(c->a, (size_t)(s - t), (size_t)(s - t) + n))
		return 0;
	for (size_t i = c->first; i < c->out->n; i++) {
		const brief_fact *f = &c->out->v[i];
		if (f->type == BRIEF_FACT_PROJECT && f->name && strlen(f->name) == n &&
		    !memcmp(f->name, s, n))
			return 0;
	}
	const brief_region *r = brief_attrib_at(c->t, (size_t)(s - t));
	if (!r)
		return 0;
	brief_fact *f = brief_facts_push(c->out);
	if (!f)
		return -1;
	f->type = BRIEF_FACT_PROJECT;
	f->name = strndup(s, n);
	if (inv > 0) {
		f->has_investment = true;
		f->investment_yi = inv;
	}
	f->year = brief_attrib_year(c->t, 0);
	const char *st = status_near(c, (size_t)(s - t) + n, sentence_end(c->a, (size_t)(s - t)));
	f->status = st ? strdup(st) : NULL;
	return brief_fact_locate(f, c->g, r, c->a, ev_start, ev_end);
}

static int lists(pctx *c, size_t ss, size_t se)
{
	const char *t = c->a->text;
	PCRE2_SIZE *ov;
	for (size_t at = ss; at < se &&
	     (ov = brief_rxset_match(&c->p->s, RX_LIST, t, at, se));) {
		size_t ls = ov[2], le = ov[3], ms = ov[0], me = ov[1];
		at = me > at ? me : at + 1;
		for (size_t i = ls; i < le;) {
			const char *sep = NULL;
			for (size_t j = i; j + 3 <= le && !sep; j++)
				if (!memcmp(t + j, "、", 3))
					sep = t + j;
			size_t end = sep ? (size_t)(sep - t) : le;
			if (add(c, t + i, end - i, ms, me))
				return -1;
			i = sep ? end + 3 : le;
		}
	}
	return 0;
}

static int singles(pctx *c, int rx, size_t ss, size_t se)
{
	const char *t = c->a->text;
	PCRE2_SIZE *ov;
	for (size_t at = ss; at < se &&
	     (ov = brief_rxset_match(&c->p->s, rx, t, at, se));) {
		size_t ns = ov[2], ne = ov[3], ms = ov[0], me = ov[1];
		at = ne > at ? ne : at + 1;
		if (add(c, t + ns, ne - ns, ms, me))
			return -1;
	}
	return 0;
}

/* 总投资约13亿元 goes to the project named last before it in the same
 * paragraph (named in this sentence or an earlier one). */
static void investments(pctx *c, size_t ss, size_t se, int para)
{
	const char *t = c->a->text;
	/* "项目总投资约13亿元" opening a paragraph speaks of the project
	 * the paragraph before ended with */
	size_t n = se - ss;
	int from_para = (n >= strlen("项目总投资") && !memcmp(t + ss, "项目总投资", strlen("项目总投资"))) ||
			(n >= strlen("总投资") && !memcmp(t + ss, "总投资", strlen("总投资")))
				? para - 1 : para;
	PCRE2_SIZE *ov;
	for (size_t at = ss; at < se &&
	     (ov = brief_rxset_match(&c->p->s, RX_INVEST, t, at, se));) {
		double v;
		at = ov[1];
		if (!brief_number_parse(t + ov[2], ov[3] - ov[2], &v))
			continue;
		if (!memcmp(t + ov[4], "万元", 6))
			v /= 1e4;
		brief_fact *best = NULL;
		for (size_t i = c->first; i < c->out->n; i++) {
			brief_fact *f = &c->out->v[i];
			if (f->type != BRIEF_FACT_PROJECT || f->has_investment || f->sentence < 0 ||
			    c->a->sents[f->sentence].para < from_para ||
			    c->a->sents[f->sentence].start > ov[0])
				continue;
			best = f;
		}
		if (best) {
			best->has_investment = true;
			best->investment_yi = v;
		}
	}
}

int brief_extract_projects(brief_projects *p, const brief_gazetteer *g,
			   const brief_attrib *t, const brief_article *a,
			   brief_facts *out)
{
	pctx c = { p, g, t, a, out, out->n };
	for (size_t s = 0; s < a->nsents; s++) {
		size_t ss = a->sents[s].start, se = a->sents[s].end;
		const char *st = a->text + ss;
		size_t sn = se - ss;
		if ((has_word(st, sn, "、") && lists(&c, ss, se)) ||
		    (has_word(st, sn, "“") && singles(&c, RX_QUOTED, ss, se)) ||
		    (project_word(st, sn) && singles(&c, RX_NAME, ss, se)))
			return -1;
		investments(&c, ss, se, a->sents[s].para);
	}
	return 0;
}
