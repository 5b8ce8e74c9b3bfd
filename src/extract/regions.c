/*
 * regions.c - the gazetteer: China's divisions from data/regions.tsv
 * (compiled into sorted arrays at build time, regions_table.h), looked
 * up by code and name, and found in running text.
 *
 * Names are sorted by their first two code points, so a scan costs one
 * binary search per character plus a few comparisons where a name may
 * start. The longest name wins at each position.
 */
#include "extract/regions.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/regions_table.h"
#include "util/utf8.h"

typedef brief_region_name name_entry;

/* Name indices that share a key: a run of one of the sorted arrays. */
typedef struct cands {
	const uint16_t *v;
	size_t n;
} cands;

/* The tables are in the binary (regions_table.h); a gazetteer only
 * points at them, their sizes are brief_region_count and _nnames. */
struct brief_gazetteer {
	const brief_region *regions;
	const name_entry *names;
};

static const brief_gazetteer table = { brief_region_table, brief_region_names };

/* Short forms that are also everyday words: they name the region only
 * next to its full name, its city or a sibling (see accept_short). */
static const char *const common_words[] = {
	"城区", "新城", "和平", "长安", "朝阳", "新华", "南山", "西湖", "江山",
	"永和", "开发", "中山", "东方", "南海", "北海", "白山", "青山", "宝山",
	"金山", "铁山", "平安", "新区", "海城", "河东", "河西", "城中", "城关",
	"郊区", "矿区", "市中", "城东", "城西", "城南", "城北", "东区", "西区",
	"南区", "北区", "大通", "新兴", "东山", "西山", "安定", "太平", "红旗",
	"向阳", "前进", "胜利", "工农", "光明", "永定", "新市", "吉利", "高新",
	NULL,
};

/* The run of by_text names equal to name (len bytes, not terminated). */
static cands text_run(const char *name, size_t len)
{
	const uint16_t *v = brief_region_names_by_text;
	size_t lo = 0, hi = brief_region_nnames;
	while (lo < hi) {       /* the first not below name */
		size_t mid = lo + (hi - lo) / 2;
		const name_entry *e = &brief_region_names[v[mid]];
		int c = memcmp(e->s, name, e->len < len ? e->len : len);
		if (c < 0 || (c == 0 && e->len < len))
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < brief_region_nnames && brief_region_names[v[end]].len == len &&
	       !memcmp(brief_region_names[v[end]].s, name, len))
		end++;
	return (cands){ v + lo, end - lo };
}

static cands pair_run(uint64_t key)
{
	const uint64_t *p = brief_region_pairs;
	size_t lo = 0, hi = brief_region_nnames;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < brief_region_nnames && p[end] == key)
		end++;
	return (cands){ brief_region_names_by_pair + lo, end - lo };
}

brief_gazetteer *brief_gazetteer_new(void)
{
	brief_gazetteer *g = malloc(sizeof *g);
	if (g)
		*g = table;
	return g;
}

const brief_gazetteer *brief_gazetteer_shared(void)
{
	return &table;
}

void brief_gazetteer_free(brief_gazetteer *g)
{
	free(g);
}

const brief_region *brief_region_by_code(const brief_gazetteer *g,
					 const char *code)
{
	size_t lo = 0, hi = brief_region_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const brief_region *r = &g->regions[brief_region_by_code_index[mid]];
		int c = strcmp(r->code, code);
		if (!c)
			return r;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const brief_region *brief_region_parent(const brief_gazetteer *g,
					const brief_region *r)
{
	return r && r->parent_code ? brief_region_by_code(g, r->parent_code) : NULL;
}

size_t brief_region_lookup(const brief_gazetteer *g, const char *name,
			   const brief_region **out, size_t max)
{
	cands a = text_run(name, strlen(name));
	size_t n = 0;
	for (size_t i = 0; i < a.n; i++) {
		const brief_region *r = &g->regions[g->names[a.v[i]].region];
		bool dup = false;
		for (size_t k = 0; k < n && k < max; k++)
			dup |= out[k] == r;
		if (dup)
			continue;
		if (n < max)
			out[n] = r;
		n++;
	}
	return n;
}

size_t brief_region_children(const brief_gazetteer *g, const char *code,
			     const brief_region **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < brief_region_count; i++) {
		const char *p = g->regions[i].parent_code;
		if ((!code && !p) || (code && p && strcmp(p, code) == 0)) {
			if (n < max)
				out[n] = &g->regions[i];
			n++;
		}
	}
	return n;
}

const brief_region *brief_region_resolve(const brief_gazetteer *g,
					 const char *name, size_t *n,
					 const brief_region **first)
{
	const brief_region *hits[8];
	const brief_region *r = brief_region_by_code(g, name);
	*n = r ? 1 : brief_region_lookup(g, name, hits, 8);
	if (first)
		*first = r ? r : (*n ? hits[0] : NULL);
	return r ? r : *n == 1 ? hits[0] : NULL;
}

bool brief_region_within(const brief_gazetteer *g, const char *code,
			 const brief_region *scope)
{
	for (const brief_region *r = brief_region_by_code(g, code); r;
	     r = brief_region_parent(g, r))
		if (!strcmp(r->code, scope->code))
			return true;
	return false;
}

/* ---------------------------------------------------------------- */
/* Scanning.                                                         */

typedef struct raw_hit {
	size_t start, end;
	cands cands;            /* name indices with this exact text */
	bool short_form;
} raw_hit;

/* The longest name starting at byte i, or NULL. */
static cands longest_at(const brief_gazetteer *g, const char *t, size_t len,
			size_t i, size_t *end)
{
	uint64_t key = brief_region_pair(t + i, len - i);
	if (!brief_region_pair_maybe(key))
		return (cands){ NULL, 0 };
	cands a = pair_run(key);
	const name_entry *best = NULL;
	for (size_t k = 0; k < a.n; k++) {
		const name_entry *e = &g->names[a.v[k]];
		if (e->len <= len - i && (!best || e->len > best->len) &&
		    memcmp(t + i, e->s, e->len) == 0)
			best = e;
	}
	if (!best)
		return (cands){ NULL, 0 };
	*end = i + best->len;
	return text_run(best->s, best->len);
}

static bool is_common_word(const char *s, size_t n)
{
	for (const char *const *w = common_words; *w; w++)
		if (**w == *s && strlen(*w) == n && memcmp(*w, s, n) == 0)
			return true;
	return false;
}

/* What follows a short form and makes it a place inside the region
 * (萧山机场, 余杭塘路, 西湖景区) rather than the region itself. */
static bool place_follows(const char *t, size_t len, size_t end)
{
	static const char *const places[] = {
		"路", "街", "镇", "乡", "村", "湖", "山", "江", "河", "桥", "站",
		"港", "机场", "大道", "景区", "公园", "中学", "小学", "大学", "医院",
		"塘", "溪", "岛", "湾", "寺", "楼", "门", "水库", "湿地", "古镇", NULL,
	};
	for (const char *const *p = places; *p; p++) {
		size_t k = strlen(*p);
		if (end + k <= len && memcmp(t + end, *p, k) == 0)
			return true;
	}
	return false;
}

static bool is_common_word(const char *s, size_t n);

/* Whether a name at byte i starts a word: the character before it is no
 * Han character, or one that commonly stands before a place name. */
static bool word_start(const char *t, size_t i)
{
	/* 2025年平阳县…, 1月16日龙游县…: a date before a name too */
	static const char before[] = "的和与及在是对到从向由为将等如省市、，,“（(赴至于据年月日";
	if (i == 0)
		return true;
	size_t p = brief_utf8_prev(t, i), j = p;
	uint32_t cp = brief_utf8_next(t, i, &j);
	if (!brief_is_han(cp))
		return true;
	for (size_t k = 0; k + (i - p) <= sizeof before - 1; k++)
		if (memcmp(before + k, t + p, i - p) == 0)
			return true;
	return false;
}

/* The province among a name's candidates: 海南 is the province before
 * the 海南藏族自治州 that shares its short form; NULL when none or two. */
static const brief_region *one_province(const brief_gazetteer *g, const raw_hit *h)
{
	const brief_region *p = NULL;
	for (size_t k = 0; k < h->cands.n; k++) {
		const brief_region *r = &g->regions[g->names[h->cands.v[k]].region];
		if (r->level == BRIEF_LEVEL_PROVINCE) {
			if (p && p != r)
				return NULL;
			p = r;
		}
	}
	return p;
}

/* Regions named in the text without doubt: full or former names that
 * belong to one region and stand as words of their own, and the short
 * names of provinces (浙江). */
static void anchors(const brief_gazetteer *g, const raw_hit *h, size_t n,
		    const char *t, GHashTable *set)
{
	for (size_t i = 0; i < n; i++) {
		const brief_region *only = NULL;
		bool many = false;
		for (size_t k = 0; k < h[i].cands.n; k++) {
			const brief_region *r = &g->regions[g->names[h[i].cands.v[k]].region];
			if (only && only != r)
				many = true;
			only = r;
		}
		if (many)
			only = one_province(g, &h[i]);
		if (!only)
			continue;
		if (is_common_word(t + h[i].start, h[i].end - h[i].start) ||
		    (h[i].short_form && only->level != BRIEF_LEVEL_PROVINCE) ||
		    (!h[i].short_form && only->level != BRIEF_LEVEL_PROVINCE &&
		     !word_start(t, h[i].start)))
			continue;
		g_hash_table_add(set, (gpointer)only->code);
	}
}

/* The regions named without doubt (anchors) and, by parent code, how
 * many of them each region is the parent of: what support() asks of
 * every candidate of every hit, in two lookups instead of a walk over
 * the anchors each time. */
typedef struct anchor_set {
	GHashTable *codes;      /* code → code */
	GHashTable *kids;       /* parent code → count, as a pointer */
} anchor_set;

static bool in_set(GHashTable *set, const char *code)
{
	return code && g_hash_table_contains(set, code);
}

static size_t kids_of(const anchor_set *a, const char *code)
{
	return code ? GPOINTER_TO_SIZE(g_hash_table_lookup(a->kids, code)) : 0;
}

static void count_kids(const brief_gazetteer *g, anchor_set *a)
{
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init(&it, a->codes);
	while (g_hash_table_iter_next(&it, &key, NULL)) {
		const brief_region *o = brief_region_by_code(g, key);
		if (o && o->parent_code)
			g_hash_table_insert(a->kids, (gpointer)o->parent_code,
					    GSIZE_TO_POINTER(kids_of(a, o->parent_code) + 1));
	}
}

/* How strongly the context supports region r: its own full name, its
 * parent or grandparent, or a sibling named in the text. */
static int support(const brief_gazetteer *g, const brief_region *r, const anchor_set *a)
{
	const brief_region *p = brief_region_parent(g, r);
	bool self = in_set(a->codes, r->code);
	int s = 0;
	if (self)
		s += 4;
	if (p && in_set(a->codes, p->code))
		s += 3;
	if (p && in_set(a->codes, p->parent_code))
		s += 1;
	if (kids_of(a, r->code))
		s += 3;         /* a county of this city is named */
	if (p && kids_of(a, p->code) > (self ? 1u : 0u))
		s += 2;         /* a sibling */
	return s;
}

/*
 * Whether the article speaks of itself as a region of r's kind (我县,
 * 全县, 县委 for a 县): a county's own report names it by its short form
 * alone (柳林 for 柳林县) and no city or province in sight.
 */
static bool self_named(const brief_region *r, const char *t, size_t len)
{
	static const char *const kinds[] = { "县", "区", "市", "旗", NULL };
	static const char *const refs[] = { "我%s", "全%s", "该%s", "%s委", "%s政府", NULL };
	size_t n = strlen(r->name);
	for (const char *const *k = kinds; *k; k++) {
		if (n < 3 || strcmp(r->name + n - 3, *k))
			continue;
		for (const char *const *f = refs; *f; f++) {
			char w[16];
			snprintf(w, sizeof w, *f, *k);
			size_t wn = strlen(w);
			for (size_t i = 0; i + wn <= len; i++)
				if (t[i] == w[0] && !memcmp(t + i, w, wn))
					return true;
		}
	}
	return false;
}

/* Whether the text names some city or county in full. */
static bool local_anchor(const brief_gazetteer *g, GHashTable *set)
{
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init(&it, set);
	while (g_hash_table_iter_next(&it, &key, NULL)) {
		const brief_region *r = brief_region_by_code(g, key);
		if (r && r->level != BRIEF_LEVEL_PROVINCE)
			return true;
	}
	return false;
}

/* The region a hit means, or NULL when the context does not settle it. */
static const brief_region *resolve(const brief_gazetteer *g, const raw_hit *h,
				   const anchor_set *set, const char *t, size_t len)
{
	const brief_region *best = NULL;
	int best_s = -1, ties = 0;
	for (size_t k = 0; k < h->cands.n; k++) {
		const name_entry *e = &g->names[h->cands.v[k]];
		const brief_region *r = &g->regions[e->region];
		/* a higher level first: 吉林 is the province before the city */
		int s = support(g, r, set) * 4 + (4 - (int)r->level);
		if (s > best_s) {
			best = r;
			best_s = s;
			ties = 0;
		} else if (s == best_s && r != best) {
			ties++;
		}
	}
	if (!best || ties)
		return NULL;
	int sup = support(g, best, set);
	if (h->cands.n > 1 && sup == 0 &&
	    !(best->level == BRIEF_LEVEL_PROVINCE && best == one_province(g, h)))
		return NULL;    /* 鼓楼区 with no city in sight */
	bool common = is_common_word(t + h->start, h->end - h->start);
	if (h->short_form && place_follows(t, len, h->end))
		return NULL;
	/* 投资兴业 holds 资兴, 要素资源 资源: a short form inside a word is
	 * the region only when the text names it, its city or a sibling, not
	 * merely its province */
	if (h->short_form && !word_start(t, h->start) && sup < 2)
		return NULL;
	if (sup > 0 || (best->level == BRIEF_LEVEL_PROVINCE && !common))
		return best;
	if (h->short_form && h->cands.n == 1 && !common && word_start(t, h->start) &&
	    best->level == BRIEF_LEVEL_COUNTY && !local_anchor(g, set->codes) &&
	    self_named(best, t, len))
		return best;
	/* Unsupported by the rest of the text: only a full name standing as
	 * a word of its own (亚运城市 holds no 运城市). */
	if (h->short_form || common || !word_start(t, h->start))
		return NULL;
	return best;
}

static size_t collect(const brief_gazetteer *g, const char *t, size_t len,
		      raw_hit **out)
{
	raw_hit *v = NULL;
	size_t n = 0, cap = 0, i = 0;
	while (i < len) {
		size_t end;
		cands c = ((unsigned char)t[i] >= 0xE0)
				  ? longest_at(g, t, len, i, &end) : (cands){ NULL, 0 };
		if (!c.n) {
			brief_utf8_next(t, len, &i);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			raw_hit *p = realloc(v, cap * sizeof *p);
			if (!p)
				break;
			v = p;
		}
		bool shortf = true;
		for (size_t k = 0; k < c.n; k++)
			shortf &= g->names[c.v[k]].kind == NAME_SHORT;
		v[n++] = (raw_hit){ i, end, c, shortf };
		i = end;
	}
	*out = v;
	return n;
}

size_t brief_gazetteer_scan(const brief_gazetteer *g, const char *text,
			    size_t len, brief_region_hit **hits)
{
	raw_hit *raw = NULL;
	size_t n = collect(g, text, len, &raw), m = 0;
	anchor_set set = { g_hash_table_new(g_str_hash, g_str_equal),
			   g_hash_table_new(g_str_hash, g_str_equal) };
	brief_region_hit *out = n ? calloc(n, sizeof *out) : NULL;

	*hits = NULL;
	if (n && !out) {
		free(raw);
		g_hash_table_destroy(set.codes);
		g_hash_table_destroy(set.kids);
		return (size_t)-1;
	}
	anchors(g, raw, n, text, set.codes);
	count_kids(g, &set);
	for (size_t i = 0; i < n; i++) {
		const brief_region *r = resolve(g, &raw[i], &set, text, len);
		if (r)
			out[m++] = (brief_region_hit){ raw[i].start, raw[i].end, r,
						       raw[i].short_form };
	}
	free(raw);
	g_hash_table_destroy(set.codes);
	g_hash_table_destroy(set.kids);
	*hits = out;
	return m;
}
