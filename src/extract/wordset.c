/* wordset.c - a class of a language table indexed for the finders. */
#include "extract/wordset.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/words.h"

/* The words sharing one key (three bytes), longest first. */
typedef struct bucket {
	uint32_t key;           /* 0: empty slot (a word's bytes are never 0) */
	uint32_t lo, n;         /* their range in the keyindex's ix */
} bucket;

typedef struct keyindex {
	bucket *slot;
	uint32_t mask;
	uint32_t *ix;           /* word numbers, by key, then longest first */
} keyindex;

/* A bit for each first character (its code point's low bits) of the
 * words that start with a three-byte character: at such a character a
 * clear bit means no word starts there, the answer at most positions
 * of a text, found without a hash probe. */
enum { LEAD_BITS = 4096 };

struct brief_wordset {
	const brief_lex_entry **e;      /* longest first, then in file order */
	size_t *len;
	size_t n;
	const brief_lex_entry *first;   /* the first in file order */
	uint64_t lead[LEAD_BITS / 64];
	keyindex head, tail;               /* by first / last three bytes */
	uint32_t *shorts;               /* words under three bytes, longest first */
	size_t nshort;
};

static uint32_t key3(const char *s)
{
	return (uint32_t)(unsigned char)s[0] << 16 | (uint32_t)(unsigned char)s[1] << 8 |
	       (unsigned char)s[2];
}

/* The code point of the three-byte character at s, folded to a lead bit. */
static uint32_t lead_bit(const char *s)
{
	uint32_t cp = ((uint32_t)(unsigned char)s[0] & 0x0F) << 12 |
		      ((uint32_t)(unsigned char)s[1] & 0x3F) << 6 |
		      ((uint32_t)(unsigned char)s[2] & 0x3F);
	return cp % LEAD_BITS;
}

static bool three_byte_lead(const char *s)
{
	return ((unsigned char)s[0] & 0xF0) == 0xE0;
}

/* Whether no word can start at t[s], a three-byte character. */
static bool no_lead(const brief_wordset *w, const char *t, size_t s)
{
	uint32_t b = lead_bit(t + s);
	return !(w->lead[b / 64] >> (b % 64) & 1);
}

static uint32_t slot_of(const keyindex *x, uint32_t key)
{
	return (key * 2654435761u >> 7) & x->mask;
}

static const bucket *find(const keyindex *x, uint32_t key)
{
	if (!x->slot)
		return NULL;
	for (uint32_t i = slot_of(x, key);; i = (i + 1) & x->mask) {
		if (x->slot[i].key == key)
			return &x->slot[i];
		if (!x->slot[i].key)
			return NULL;
	}
}

static uint32_t word_key(const brief_wordset *w, uint32_t i, int tail)
{
	return key3(w->e[i]->word + (tail ? w->len[i] - 3 : 0));
}

typedef struct keyed {
	uint32_t key, i;
} keyed;

static int by_key(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);   /* the order of e: longest first */
}

static int build_index(brief_wordset *w, keyindex *x, int tail)
{
	size_t n = 0;
	keyed *k = malloc((w->n + 1) * sizeof *k);
	if (!k || !(x->ix = malloc((w->n + 1) * sizeof *x->ix))) {
		free(k);
		return -1;
	}
	for (uint32_t i = 0; i < w->n; i++)
		if (w->len[i] >= 3)
			k[n++] = (keyed){ word_key(w, i, tail), i };
	qsort(k, n, sizeof *k, by_key);
	uint32_t size = 16;
	while (size < 2 * n)
		size <<= 1;
	if (!(x->slot = calloc(size, sizeof *x->slot))) {
		free(k);
		return -1;
	}
	x->mask = size - 1;
	for (size_t lo = 0, hi; lo < n; lo = hi) {
		for (hi = lo; hi < n && k[hi].key == k[lo].key; hi++)
			x->ix[hi] = k[hi].i;
		uint32_t i = slot_of(x, k[lo].key);
		while (x->slot[i].key)
			i = (i + 1) & x->mask;
		x->slot[i] = (bucket){ k[lo].key, (uint32_t)lo, (uint32_t)(hi - lo) };
	}
	free(k);
	return 0;
}

static int longest_first(const void *a, const void *b)
{
	const brief_lex_entry *x = *(const brief_lex_entry *const *)a;
	const brief_lex_entry *y = *(const brief_lex_entry *const *)b;
	size_t lx = strlen(x->word), ly = strlen(y->word);
	if (lx != ly)
		return lx > ly ? -1 : 1;
	return (x > y) - (x < y);       /* file order: entries are one array */
}

static int fill(brief_wordset *w, const char *table, const char *cls, bool but)
{
	const brief_lexicon *l = brief_lexicon_get(table);
	size_t n;
	const brief_lex_entry *e = l ? brief_lex_entries(l, &n) : NULL;
	if (!e || !(w->e = calloc(n + 1, sizeof *w->e)))
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((strcmp(e[i].cls, cls) != 0) == but && e[i].word[0])
			w->e[w->n++] = &e[i];
	qsort(w->e, w->n, sizeof *w->e, longest_first);
	if (!(w->len = calloc(w->n + 1, sizeof *w->len)) ||
	    !(w->shorts = calloc(w->n + 1, sizeof *w->shorts)))
		return -1;
	for (size_t i = 0; i < w->n; i++) {
		w->len[i] = strlen(w->e[i]->word);
		if (w->len[i] < 3)
			w->shorts[w->nshort++] = (uint32_t)i;
		else if (three_byte_lead(w->e[i]->word)) {
			uint32_t b = lead_bit(w->e[i]->word);
			w->lead[b / 64] |= (uint64_t)1 << (b % 64);
		}
		if (!w->first || w->e[i] < w->first)
			w->first = w->e[i];
	}
	return build_index(w, &w->head, 0) || build_index(w, &w->tail, 1) ? -1 : 0;
}

static brief_wordset *wordset_new(const char *table, const char *cls, bool but)
{
	brief_wordset *w = calloc(1, sizeof *w);
	if (w && fill(w, table, cls, but)) {
		brief_wordset_free(w);
		return NULL;
	}
	return w;
}

brief_wordset *brief_wordset_new(const char *table, const char *cls)
{
	return wordset_new(table, cls, false);
}

brief_wordset *brief_wordset_new_but(const char *table, const char *cls)
{
	return wordset_new(table, cls, true);
}

void brief_wordset_free(brief_wordset *w)
{
	if (!w)
		return;
	free(w->head.slot);
	free(w->head.ix);
	free(w->tail.slot);
	free(w->tail.ix);
	free(w->shorts);
	free(w->len);
	free(w->e);
	free(w);
}

/* The first of the words in ix[lo, lo+n) (longest first) that fits in
 * room and whose bytes after (prefix) or before (suffix) the key match. */
static const brief_lex_entry *scan(const brief_wordset *w, const uint32_t *ix, uint32_t n,
				   const char *t, size_t s, size_t e, int tail)
{
	size_t room = e - s;
	for (uint32_t j = 0; j < n; j++) {
		uint32_t i = ix[j];
		size_t k = w->len[i];
		if (k > room)
			continue;
		if (tail ? !memcmp(t + e - k, w->e[i]->word, k - 3)
			 : !memcmp(t + s + 3, w->e[i]->word + 3, k - 3))
			return w->e[i];
	}
	return NULL;
}

static const brief_lex_entry *short_word(const brief_wordset *w, const char *t,
					 size_t s, size_t e, int tail)
{
	for (size_t j = 0; j < w->nshort; j++) {
		uint32_t i = w->shorts[j];
		size_t k = w->len[i];
		if (k <= e - s && !memcmp(t + (tail ? e - k : s), w->e[i]->word, k))
			return w->e[i];
	}
	return NULL;
}

static const brief_lex_entry *head_word(const brief_wordset *w, const char *t, size_t s,
					size_t e)
{
	const bucket *b = find(&w->head, key3(t + s));
	return b ? scan(w, w->head.ix + b->lo, b->n, t, s, e, 0) : NULL;
}

const brief_lex_entry *brief_wordset_prefix(const brief_wordset *w, const char *t,
					    size_t s, size_t e)
{
	/* no word starts inside a character: the finders try every byte */
	if (s >= e || ((unsigned char)t[s] & 0xC0) == 0x80)
		return NULL;
	/* no shorter word starts with a three-byte character */
	if (three_byte_lead(t + s))
		return e - s >= 3 && !no_lead(w, t, s) ? head_word(w, t, s, e) : NULL;
	if (e - s >= 3) {
		const bucket *b = find(&w->head, key3(t + s));
		const brief_lex_entry *hit =
			b ? scan(w, w->head.ix + b->lo, b->n, t, s, e, 0) : NULL;
		if (hit)
			return hit;
	}
	return w->nshort ? short_word(w, t, s, e, 0) : NULL;
}

const brief_lex_entry *brief_wordset_suffix(const brief_wordset *w, const char *t,
					    size_t s, size_t e)
{
	if (s >= e)
		return NULL;
	if (e - s >= 3) {
		const bucket *b = find(&w->tail, key3(t + e - 3));
		const brief_lex_entry *hit =
			b ? scan(w, w->tail.ix + b->lo, b->n, t, s, e, 1) : NULL;
		if (hit)
			return hit;
	}
	return w->nshort ? short_word(w, t, s, e, 1) : NULL;
}

bool brief_wordset_equals(const brief_wordset *w, const char *t, size_t s, size_t e)
{
	if (s >= e)
		return false;
	if (e - s < 3) {
		for (size_t j = 0; j < w->nshort; j++) {
			uint32_t i = w->shorts[j];
			if (w->len[i] == e - s && !memcmp(t + s, w->e[i]->word, e - s))
				return true;
		}
		return false;
	}
	const bucket *b = find(&w->head, key3(t + s));
	for (uint32_t j = 0; b && j < b->n; j++) {
		uint32_t i = w->head.ix[b->lo + j];
		if (w->len[i] == e - s && !memcmp(t + s, w->e[i]->word, e - s))
			return true;
	}
	return false;
}

bool brief_wordset_contains(const brief_wordset *w, const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i = brief_wordset_next_char(t, i, e))
		if (brief_wordset_prefix(w, t, i, e))
			return true;
	return false;
}

/* The word starting at t[i] (within e) listed before `best`, or best. */
static const brief_lex_entry *earlier_at(const brief_wordset *w, const char *t, size_t i,
					 size_t e, const brief_lex_entry *best)
{
	if (e - i >= 3) {
		const bucket *b = find(&w->head, key3(t + i));
		for (uint32_t j = 0; b && j < b->n; j++) {
			uint32_t k = w->head.ix[b->lo + j];
			if (w->len[k] <= e - i && (!best || w->e[k] < best) &&
			    !memcmp(t + i, w->e[k]->word, w->len[k]))
				best = w->e[k];
		}
	}
	for (size_t j = 0; !three_byte_lead(t + i) && j < w->nshort; j++) {
		uint32_t k = w->shorts[j];
		if (w->len[k] <= e - i && (!best || w->e[k] < best) &&
		    !memcmp(t + i, w->e[k]->word, w->len[k]))
			best = w->e[k];
	}
	return best;
}

const brief_lex_entry *brief_wordset_first_listed(const brief_wordset *w, const char *t,
						  size_t s, size_t e)
{
	const brief_lex_entry *best = NULL;
	for (size_t i = s; i < e && best != w->first; i++) {
		if (((unsigned char)t[i] & 0xC0) == 0x80 ||
		    (three_byte_lead(t + i) && (e - i < 3 || no_lead(w, t, i))))
			continue;
		best = earlier_at(w, t, i, e, best);
	}
	return best;
}

/* What the finders ask of a class of a table for every number they read,
 * remembered by the addresses of `table` and `cls` (string literals).
 * Extraction runs in one thread (the programs fork for parallel work). */
typedef struct cue_slot {
	const char *table, *cls;
	const char *const *words;
	brief_wordset *set;
} cue_slot;

static cue_slot *cue_slot_of(const char *table, const char *cls)
{
	static cue_slot seen[256];
	size_t h = (((uintptr_t)cls >> 2) ^ ((uintptr_t)table >> 4)) % 256;
	for (size_t i = 0; i < 256; i++, h = (h + 1) % 256) {
		if (seen[h].cls == cls && seen[h].table == table)
			return &seen[h];
		if (!seen[h].cls) {
			seen[h].words = brief_words(table, cls);
			seen[h].table = table;
			seen[h].cls = cls;
			return &seen[h];
		}
	}
	return NULL;
}

const char *const *brief_cue(const char *cls)
{
	cue_slot *c = cue_slot_of("cues.tsv", cls);
	return c ? c->words : brief_words("cues.tsv", cls);
}

const char *brief_class_in(const char *table, const char *cls, const char *t, size_t s,
			   size_t e)
{
	cue_slot *c = cue_slot_of(table, cls);
	if (c && !c->set)
		c->set = brief_wordset_new(table, cls);
	if (!c || !c->set)      /* a full cache or OOM: the same answer, slower */
		return any_of(t + s, e - s, brief_words(table, cls));
	const brief_lex_entry *x = s < e ? brief_wordset_first_listed(c->set, t, s, e) : NULL;
	return x ? x->word : NULL;
}
