/*
 * attrib.c - which region each clause is about, and which year.
 *
 * A clause is about the region named last before it in its sentence;
 * failing that, the subject carries over from the sentences before it in
 * the paragraph (该区, 今年全区…), then from the article's main region.
 * Provinces are context, not subjects: a briefing is per city or county.
 */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "util/utf8.h"

struct brief_attrib {
	const brief_article *a;
	const brief_gazetteer *g;
	brief_region_hit *hits;
	size_t nhits;
	const brief_region **subject;   /* per sentence: its subject, or NULL */
	const brief_region **part;      /* per sentence: the region its part of
					 * a digest is headed by, or main */
	const brief_region *main;       /* the region the article is most about */
	int year;                       /* the year "今年" means */
	int plan;                       /* the year its goals are for */
	signed char *section;           /* per sentence: -1 review, +1 goals */
	size_t counted_byte, counted_chars;     /* where char_offset has got to */
};

enum { LOOKBACK = 2048 };       /* bytes searched for a clause's subject */


static bool is_subject(const brief_region *r)
{
	return r && r->level != BRIEF_LEVEL_PROVINCE;
}

/* The region named most often, a mention in the headline (the first
 * sentence) counting thrice; on a tie the larger region (绵阳市 over
 * the 涪城区 its report names once). Linear in the mentions: a hostile
 * article names thousands. */
static const brief_region *main_region(const brief_region_hit *h, size_t n,
				       size_t head_end)
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
	g_hash_table_destroy(count);
	return best;
}

/* Whether r is a city or province the main region lies in: such a name
 * in a county's article mostly qualifies (30个苏州重点项目, 市委) and is
 * the subject only of its own clause. */
static bool above_main(const brief_attrib *t, const brief_region *r)
{
	for (const brief_region *p = t->main ? brief_region_parent(t->g, t->main) : NULL; p;
	     p = brief_region_parent(t->g, p))
		if (p == r)
			return true;
	return false;
}

/* The last subject region named in [start, end); a region above the
 * main one counts only from `clause` on. */
/* The first hit starting at or after byte `at`: hits are in text order. */
static size_t first_hit(const brief_attrib *t, size_t at)
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

static const brief_region *last_from(const brief_attrib *t, size_t start,
				     size_t clause, size_t end)
{
	const brief_region *r = NULL;
	bool own = false;       /* r is named in the clause itself */
	for (size_t i = first_hit(t, start); i < t->nhits && t->hits[i].start < end; i++) {
		const brief_region *h = t->hits[i].region;
		if (!is_subject(h))
			continue;
		/* 建德市实施杭州市重点项目: a city after the clause's own
		 * subject qualifies what follows */
		if (above_main(t, h) && (t->hits[i].start < clause || own))
			continue;
		r = h;
		own = t->hits[i].start >= clause;
	}
	return r;
}

static const brief_region *last_in(const brief_attrib *t, size_t start,
				   size_t end)
{
	return last_from(t, start, end, end);
}


/* A digest of several regions heads each part with the region's name
 * on a line of its own (渝中 / 沙坪坝：…): that region, or NULL. */
static const brief_region *region_heading(const brief_attrib *t, size_t s)
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

brief_attrib *brief_attrib_new(const brief_gazetteer *g, const brief_article *a)
{
	brief_attrib *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->a = a;
	t->g = g;
	t->nhits = brief_gazetteer_scan(g, a->text, a->text_len, &t->hits);
	t->subject = calloc(a->nsents + 1, sizeof *t->subject);
	t->part = calloc(a->nsents + 1, sizeof *t->part);
	if (t->nhits == (size_t)-1 || !t->subject || !t->part) {
		t->nhits = 0;
		brief_attrib_free(t);
		return NULL;
	}
	t->main = main_region(t->hits, t->nhits, a->nsents ? a->sents[0].end : 0);
	const brief_region *carry = NULL, *part = t->main;
	int para = -1;
	for (size_t s = 0; s < a->nsents; s++) {
		const brief_sentence *se = &a->sents[s];
		const brief_region *h = region_heading(t, s);
		if (h)
			part = h;
		t->part[s] = part;
		if (se->para != para) {
			/* a paragraph naming no region is about the article's
			 * main one, not the region the last one ended with */
			para = se->para;
			carry = NULL;
		}
		const brief_region *r = last_in(t, se->start, se->end);
		if (r && !above_main(t, r))
			carry = r;
		t->subject[s] = carry;
	}
	t->year = year_of(a->published);
	if (!t->year)
		t->year = mode_year(a->text, a->text_len);
	t->plan = brief_plan_year(a, year_of(a->published), t->year);
	if (!(t->section = calloc(a->nsents + 1, 1))) {
		brief_attrib_free(t);
		return NULL;
	}
	brief_sections(a, t->plan, t->section);
	return t;
}

void brief_attrib_free(brief_attrib *t)
{
	if (!t)
		return;
	free(t->hits);
	free(t->subject);
	free(t->part);
	free(t->section);
	free(t);
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

const brief_region *brief_attrib_at(const brief_attrib *t, size_t offset)
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
	const brief_region *r = last_from(t, from, brief_clause_start(a->text, from, offset),
					  offset);
	if (r)
		return r;
	/* no region before it in its sentence: the one its paragraph has
	 * been about so far */
	if (s > 0 && t->subject[s - 1] && a->sents[s - 1].para == a->sents[s].para)
		return t->subject[s - 1];
	size_t to = a->sents[s].end - offset > LOOKBACK ? offset + LOOKBACK : a->sents[s].end;
	r = last_in(t, from, to);
	return r ? r : t->part[s];
}

size_t brief_attrib_last_name(const brief_attrib *t, size_t from, size_t to)
{
	size_t end = from;
	for (size_t i = first_hit(t, from); i < t->nhits && t->hits[i].start < to; i++)
		if (t->hits[i].start >= from && t->hits[i].end <= to)
			end = t->hits[i].end;
	/* 该区, 全区 … stand for a region too */
	static const char *const pro[] = { "该区", "该市", "该县", "全区", "全市", "全县",
					   "全省", NULL };
	for (const char *const *p = pro; *p; p++)
		for (size_t i = end; i + 6 <= to; i++)
			if (!memcmp(t->a->text + i, *p, 6))
				end = i + 6;
	return end;
}

int brief_attrib_section(const brief_attrib *t, size_t offset)
{
	size_t s = sentence_at(t->a, offset);
	return s < t->a->nsents ? t->section[s] : 0;
}

int brief_attrib_plan_year(const brief_attrib *t)
{
	return t->plan;
}

int brief_attrib_year(const brief_attrib *t, size_t offset)
{
	(void)offset;
	return t->year;
}

/*
 * The character offset of byte `at`, counted on from the last one asked
 * for in the same text: the finders locate their facts in text order, so
 * an article costs a few passes, not one per fact (a hostile article has
 * thousands).
 */
static size_t char_offset(const brief_attrib *ct, size_t at)
{
	brief_attrib *t = (brief_attrib *)ct;   /* a cache of the analysis */
	if (at < t->counted_byte)
		t->counted_byte = t->counted_chars = 0;
	t->counted_chars += brief_utf8_chars(t->a->text + t->counted_byte, at - t->counted_byte);
	t->counted_byte = at;
	return t->counted_chars;
}
int brief_fact_locate(brief_fact *f, const brief_attrib *t,
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
