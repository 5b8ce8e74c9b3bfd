/*
 * clause.c - clause boundaries, one rule for every finder: a clause ends
 * at ，；。！？— and, when it opens, after a colon (目标是：…). annot.c
 * cuts each article into its clauses once with this rule; the functions
 * on raw text serve it where a question reaches outside the sentences.
 */
#include <string.h>

#include "extract/internal.h"
#include "util/utf8.h"

static bool clause_mark(uint32_t cp, bool colon)
{
	/* ﹐ ﹔: the small forms some sites print for ， ； */
	return cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0xFE50 ||
	       cp == 0xFE54 ||
	       cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x2014 ||
	       (colon && (cp == 0xFF1A || cp == ':'));
}

int brief_clause_mark(uint32_t cp)
{
	return clause_mark(cp, false) ? 2 : clause_mark(cp, true) ? 1 : 0;
}

/* Start of the clause holding byte `at`: after the last ，；：。 etc. */
size_t brief_clause_start(const char *t, size_t from, size_t at)
{
	while (at > from) {
		size_t p = brief_utf8_prev(t, at), j = p;
		if (clause_mark(brief_utf8_next(t, at, &j), true))
			return at;
		at = p;
	}
	return from;
}

size_t brief_clause_end(const char *t, size_t at, size_t to)
{
	while (at < to) {
		size_t j = at;
		if (clause_mark(brief_utf8_next(t, to, &j), false))
			return at;
		at = j;
	}
	return to;
}

bool brief_sentence_alone(const brief_article *a, size_t s, size_t max_chars)
{
	const brief_sentence *se = &a->sents[s];
	bool alone = (s == 0 || a->sents[s - 1].para != se->para) &&
		     (s + 1 == a->nsents || a->sents[s + 1].para != se->para);
	return alone && brief_utf8_chars(a->text + se->start, se->end - se->start) <= max_chars;
}

/*
 * A heading (a paragraph of one short sentence with no end mark:
 * 数字经济核心产业增加值突破2000亿元) restates what its story says with
 * the details; the story's sentence is the fact.
 */
/* Whether every number of [s, e) is written again in the story after it
 * (the next few thousand bytes): a heading restating its story, not a
 * line of an infographic or a list (一般公共预算收入增长4.4%) that holds
 * the only copy. */
static bool numbers_restated(const brief_article *a, size_t s, size_t e)
{
	const char *t = a->text;
	size_t to = a->text_len - e > 4096 ? e + 4096 : a->text_len;
	for (size_t i = s; i < e;) {
		if (!(t[i] >= '0' && t[i] <= '9')) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < e && ((t[j] >= '0' && t[j] <= '9') || t[j] == '.'))
			j++;
		bool found = false;
		for (size_t k = e; !found && k + (j - i) <= to; k++)
			found = t[k] == t[i] && !memcmp(t + k, t + i, j - i) &&
				!(t[k + (j - i)] >= '0' && t[k + (j - i)] <= '9');
		if (!found)
			return false;
		i = j;
	}
	return true;
}

bool brief_sentence_heading(const brief_article *a, size_t s)
{
	const brief_sentence *se = &a->sents[s];
	if (!brief_sentence_alone(a, s, 40))
		return false;
	size_t p = brief_utf8_prev(a->text, se->end), i = p;
	uint32_t last = brief_utf8_next(a->text, se->end, &i);
	if (last == 0x3002 || last == 0xFF01 || last == 0xFF1F || last == '!' ||
	    last == '?' || last == 0xFF1B || last == ';' || last == 0x201D)
		return false;
	return numbers_restated(a, se->start, se->end);
}
