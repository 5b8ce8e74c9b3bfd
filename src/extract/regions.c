/*
 * regions.c - the gazetteer: China's divisions from data/regions.tsv
 * (embedded), looked up by code and name, and found in running text.
 *
 * Names are indexed by their first two code points, so a scan costs one
 * hash lookup per character plus a few comparisons where a name may
 * start. The longest name wins at each position.
 */
#include "extract/regions.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/embed.h"
#include "util/utf8.h"

typedef enum { NAME_FULL, NAME_SHORT, NAME_FORMER } name_kind;

typedef struct name_entry {
	const char *s;
	size_t len;
	size_t region;          /* index into regions */
	name_kind kind;
} name_entry;

/* Name indices that share a key: a run of one of the sorted arrays. */
typedef struct cands {
	const size_t *v;
	size_t n;
} cands;

/*
 * Names are indexed by sorting, not by growing a list per key: the
 * table is built in every process, and ~7,000 names made ~20,000
 * small allocations.
 */
struct brief_gazetteer {
	char *data;             /* the table, split in place */
	char *derived;          /* names made from the table's (county_name) */
	size_t nderived, derived_cap;
	brief_region *regions;
	size_t nregions;
	name_entry *names;
	size_t nnames;
	uint64_t *pair;         /* per name: its first two code points */
	size_t *by_name_sorted; /* name indices by text, then index */
	size_t *by_pair_sorted; /* name indices by pair, then index */
	cands *runs;            /* runs of equal keys in the sorted arrays */
	GHashTable *by_code;    /* code -> region index + 1 */
	GHashTable *by_pair;    /* &pair[i] -> run index + 1 */
	GHashTable *by_name;    /* name -> run index + 1 */
};

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

static uint64_t pair_key(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t a = brief_utf8_next(s, len, &i);
	uint64_t b = i < len ? brief_utf8_next(s, len, &i) : 0;
	return a << 21 | b;
}

static void add_name(brief_gazetteer *g, const char *s, size_t region,
		     name_kind kind)
{
	size_t len = strlen(s);
	if (brief_utf8_chars(s, len) < 2)
		return;
	g->pair[g->nnames] = pair_key(s, len);
	g->names[g->nnames++] = (name_entry){ s, len, region, kind };
}

/* Splits one TSV line in place into up to `max` fields. */
static size_t fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

/*
 * Most county-level cities (县级市) were counties until the 1980s-2020s
 * (横县 -> 横州市 in 2021, 庄河县 -> 庄河市 in 1992), and articles and
 * older reports still use the county's name: 横县 for 横州市. The former
 * name is the city's short form (or its name without 市) and 县.
 */
static void add_county_name(brief_gazetteer *g, const brief_region *r, size_t idx)
{
	size_t n = strlen(r->name);
	if (r->level != BRIEF_LEVEL_COUNTY || n < 6 || strcmp(r->name + n - 3, "市"))
		return;
	const char *stem = r->short_name ? r->short_name : r->name;
	size_t k = r->short_name ? strlen(stem) : n - 3;
	if (brief_utf8_chars(stem, k) < 1 || g->nderived + k + 4 > g->derived_cap)
		return;
	char *d = g->derived + g->nderived;
	memcpy(d, stem, k);
	memcpy(d + k, "县", 4);
	g->nderived += k + 4;
	add_name(g, d, idx, NAME_FORMER);
}

static void add_region(brief_gazetteer *g, char **f)
{
	/* A prefecture-level city without counties (东莞市, 中山市, 儋州市) is
	 * listed again as its own county, parent itself: one division, kept
	 * once, or its parent chain would never reach the province. */
	if (*f[2] && !strcmp(f[0], f[2]))
		return;
	brief_region *r = &g->regions[g->nregions];
	size_t idx = g->nregions++;
	r->code = f[0];
	r->name = f[1];
	r->parent_code = *f[2] ? f[2] : NULL;
	r->level = (brief_level)atoi(f[3]);
	r->short_name = *f[4] ? f[4] : NULL;
	g_hash_table_insert(g->by_code, (gpointer)r->code, GSIZE_TO_POINTER(idx + 1));
	add_name(g, r->name, idx, NAME_FULL);
	if (r->short_name)
		add_name(g, r->short_name, idx, NAME_SHORT);
	add_county_name(g, r, idx);
	for (char *p = f[5], *end; p && *p; p = end) {
		end = strchr(p, ',');
		if (end)
			*end++ = '\0';
		add_name(g, p, idx, NAME_FORMER);
	}
}

typedef struct sort_item {
	const char *s;          /* by text, or NULL to sort by pair */
	uint64_t pair;
	size_t idx;
} sort_item;

static int by_key(const void *a, const void *b)
{
	const sort_item *x = a, *y = b;
	int c = x->s ? strcmp(x->s, y->s) : (x->pair > y->pair) - (x->pair < y->pair);
	/* equal keys keep the table's order */
	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Sorts the names by text (or by pair) into out and gives each run of
 * equal keys one entry in the hash table, valued run index + 1. */
static int index_names(brief_gazetteer *g, bool by_text, size_t *out, GHashTable *h,
		       size_t *nruns)
{
	sort_item *it = malloc((g->nnames ? g->nnames : 1) * sizeof *it);
	if (!it)
		return -1;
	for (size_t i = 0; i < g->nnames; i++)
		it[i] = (sort_item){ by_text ? g->names[i].s : NULL, g->pair[i], i };
	qsort(it, g->nnames, sizeof *it, by_key);
	for (size_t i = 0; i < g->nnames; i++) {
		out[i] = it[i].idx;
		bool same = i > 0 && (by_text ? !strcmp(it[i].s, it[i - 1].s)
					      : it[i].pair == it[i - 1].pair);
		if (same) {
			g->runs[*nruns - 1].n++;
			continue;
		}
		g->runs[(*nruns)++] = (cands){ &out[i], 1 };
		gpointer key = by_text ? (gpointer)it[i].s : (gpointer)&g->pair[it[i].idx];
		g_hash_table_insert(h, key, GSIZE_TO_POINTER(*nruns));
	}
	free(it);
	return 0;
}

static cands lookup_run(const brief_gazetteer *g, GHashTable *h, gconstpointer key)
{
	size_t r = GPOINTER_TO_SIZE(g_hash_table_lookup(h, key));
	return r ? g->runs[r - 1] : (cands){ NULL, 0 };
}

brief_gazetteer *brief_gazetteer_new(void)
{
	size_t len, lines = 0;
	const char *tsv = brief_embed("regions.tsv", &len);
	brief_gazetteer *g;

	if (!tsv || !(g = calloc(1, sizeof *g)))
		return NULL;
	for (size_t i = 0; i < len; i++)
		lines += tsv[i] == '\n';
	g->data = strndup(tsv, len);
	g->regions = calloc(lines + 1, sizeof *g->regions);
	g->names = calloc(5 * (lines + 1), sizeof *g->names);
	g->pair = calloc(5 * (lines + 1), sizeof *g->pair);
	g->derived_cap = 16 * (lines + 1);
	g->derived = malloc(g->derived_cap);
	g->by_code = g_hash_table_new(g_str_hash, g_str_equal);
	g->by_pair = g_hash_table_new(g_int64_hash, g_int64_equal);
	g->by_name = g_hash_table_new(g_str_hash, g_str_equal);
	if (!g->data || !g->regions || !g->names || !g->pair || !g->derived) {
		brief_gazetteer_free(g);
		return NULL;
	}
	for (char *line = g->data, *next; line && *line; line = next) {
		char *f[6] = { 0 };
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line != '#' && fields(line, f, 6) == 6)
			add_region(g, f);
	}
	size_t nruns = 0, n = g->nnames ? g->nnames : 1;
	g->by_name_sorted = malloc(n * sizeof *g->by_name_sorted);
	g->by_pair_sorted = malloc(n * sizeof *g->by_pair_sorted);
	g->runs = malloc(2 * n * sizeof *g->runs);
	if (!g->by_name_sorted || !g->by_pair_sorted || !g->runs ||
	    index_names(g, true, g->by_name_sorted, g->by_name, &nruns) ||
	    index_names(g, false, g->by_pair_sorted, g->by_pair, &nruns)) {
		brief_gazetteer_free(g);
		return NULL;
	}
	return g;
}

const brief_gazetteer *brief_gazetteer_shared(void)
{
	static brief_gazetteer *g;
	if (!g)
		g = brief_gazetteer_new();
	return g;
}

void brief_gazetteer_free(brief_gazetteer *g)
{
	if (!g)
		return;
	if (g->by_code)
		g_hash_table_destroy(g->by_code);
	if (g->by_pair)
		g_hash_table_destroy(g->by_pair);
	if (g->by_name)
		g_hash_table_destroy(g->by_name);
	free(g->regions);
	free(g->derived);
	free(g->names);
	free(g->pair);
	free(g->by_name_sorted);
	free(g->by_pair_sorted);
	free(g->runs);
	free(g->data);
	free(g);
}

const brief_region *brief_region_by_code(const brief_gazetteer *g,
					 const char *code)
{
	size_t i = GPOINTER_TO_SIZE(g_hash_table_lookup(g->by_code, code));
	return i ? &g->regions[i - 1] : NULL;
}

const brief_region *brief_region_parent(const brief_gazetteer *g,
					const brief_region *r)
{
	return r && r->parent_code ? brief_region_by_code(g, r->parent_code) : NULL;
}

size_t brief_region_lookup(const brief_gazetteer *g, const char *name,
			   const brief_region **out, size_t max)
{
	cands a = lookup_run(g, g->by_name, name);
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
	for (size_t i = 0; i < g->nregions; i++) {
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
	uint64_t key = pair_key(t + i, len - i);
	cands a = lookup_run(g, g->by_pair, &key);
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
	return lookup_run(g, g->by_name, best->s);
}

static bool is_common_word(const char *s, size_t n)
{
	for (const char *const *w = common_words; *w; w++)
		if (strlen(*w) == n && memcmp(*w, s, n) == 0)
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
		"塘", "溪", "岛", "湾", "寺", "楼", "门", NULL,
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
	static const char before[] = "的和与及在是对到从向由为将等如省市、，,“（(赴至于据";
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

static bool in_set(GHashTable *set, const char *code)
{
	return code && g_hash_table_contains(set, code);
}

/* How strongly the context supports region r: its own full name, its
 * parent or grandparent, or a sibling named in the text. */
static int support(const brief_gazetteer *g, const brief_region *r,
		   GHashTable *set)
{
	const brief_region *p = brief_region_parent(g, r);
	int s = 0;
	if (in_set(set, r->code))
		s += 4;
	if (p && in_set(set, p->code))
		s += 3;
	if (p && in_set(set, p->parent_code))
		s += 1;
	GHashTableIter ci;
	gpointer ckey;
	g_hash_table_iter_init(&ci, set);
	while (g_hash_table_iter_next(&ci, &ckey, NULL)) {
		const brief_region *o = brief_region_by_code(g, ckey);
		if (o && o->parent_code && strcmp(o->parent_code, r->code) == 0) {
			s += 3;         /* a county of this city is named */
			break;
		}
	}
	if (p) {
		GHashTableIter it;
		gpointer key;
		g_hash_table_iter_init(&it, set);
		while (g_hash_table_iter_next(&it, &key, NULL)) {
			const brief_region *o = brief_region_by_code(g, key);
			if (o && o != r && o->parent_code &&
			    strcmp(o->parent_code, p->code) == 0) {
				s += 2;
				break;
			}
		}
	}
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
				   GHashTable *set, const char *t, size_t len)
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
	if (h->cands.n > 1 && support(g, best, set) == 0 &&
	    !(best->level == BRIEF_LEVEL_PROVINCE && best == one_province(g, h)))
		return NULL;    /* 鼓楼区 with no city in sight */
	bool common = is_common_word(t + h->start, h->end - h->start);
	if (h->short_form && place_follows(t, len, h->end))
		return NULL;
	/* 投资兴业 holds 资兴, 要素资源 资源: a short form inside a word is
	 * the region only when the text names it, its city or a sibling, not
	 * merely its province */
	if (h->short_form && !word_start(t, h->start) && support(g, best, set) < 2)
		return NULL;
	if (support(g, best, set) > 0 || (best->level == BRIEF_LEVEL_PROVINCE && !common))
		return best;
	if (h->short_form && h->cands.n == 1 && !common && word_start(t, h->start) &&
	    best->level == BRIEF_LEVEL_COUNTY && !local_anchor(g, set) &&
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
	GHashTable *set = g_hash_table_new(g_str_hash, g_str_equal);
	brief_region_hit *out = n ? calloc(n, sizeof *out) : NULL;

	*hits = NULL;
	if (n && !out) {
		free(raw);
		g_hash_table_destroy(set);
		return (size_t)-1;
	}
	anchors(g, raw, n, text, set);
	for (size_t i = 0; i < n; i++) {
		const brief_region *r = resolve(g, &raw[i], set, text, len);
		if (r)
			out[m++] = (brief_region_hit){ raw[i].start, raw[i].end, r,
						       raw[i].short_form };
	}
	free(raw);
	g_hash_table_destroy(set);
	*hits = out;
	return m;
}
