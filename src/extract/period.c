/*
 * period.c - the time a sentence speaks of, for the annotation (annot.h):
 * the part of the present year a paragraph's opening sets (春节期间，…,
 * 1-2月，…) and the goals' horizon a paragraph names (到2030年，…), and
 * the small readings of months and horizons the finders make before a
 * figure. The words are data/cues.tsv year-part, frame-end and horizon.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "extract/measure.h"
#include "extract/words.h"
#include "extract/wordset.h"
#include "util/lexicon.h"

static const char *const *cue(const char *cls)
{
	return brief_words("cues.tsv", cls);
}

/* A multi-year goal is no goal of one year: 到2027年 (not 到2027年9月…
 * read as a digit run), else the first horizon cue named. */
bool brief_horizon(const char *t, size_t ss, size_t qs, char *buf, size_t bufsz)
{
	for (size_t i = ss; i + 10 <= qs; i++)
		if ((!memcmp(t + i, "到", 3) || !memcmp(t + i, "至", 3)) && t[i + 3] == '2' &&
		    t[i + 4] == '0' && !memcmp(t + i + 7, "年", 3) &&
		    !(i + 10 < qs && t[i + 10] >= '0' && t[i + 10] <= '9')) {
			snprintf(buf, bufsz, "到%.4s年", t + i + 3);
			return true;
		}
	const char *h = brief_cue_in("horizon", t, ss, qs);
	if (h)
		snprintf(buf, bufsz, "%s", h);
	return h != NULL;
}

/* A range's bounds must read as months: 1至10月 yes, 3月11日 no. */
static bool month_range(int a, int b)
{
	return a >= 1 && a <= 12 && b <= 12 && (b == 0 || b > a);
}

int brief_month_span(const char *t, size_t s, size_t e, char *buf, size_t bufsz)
{
	for (size_t i = s; i < e; i++) {
		if (!(t[i] >= '1' && t[i] <= '9') || (i > s && t[i - 1] >= '0' && t[i - 1] <= '9'))
			continue;
		/* 2024年1-10月: the year says it; 今年1至5月 is the present's */
		if (i >= s + 4 && !memcmp(t + i - 3, "年", 3) && t[i - 4] >= '0' && t[i - 4] <= '9')
			continue;
		size_t j = i;
		int a = 0, b = 0;
		while (j < e && t[j] >= '0' && t[j] <= '9' && j - i < 2)
			a = a * 10 + (t[j++] - '0');
		if (j + 3 <= e && (!memcmp(t + j, "至", 3) || !memcmp(t + j, "—", 3) ||
				   !memcmp(t + j, "到", 3)))
			j += 3;
		else if (j < e && (t[j] == '-' || t[j] == '~'))
			j++;
		size_t d = j;
		while (j < e && t[j] >= '0' && t[j] <= '9' && j - d < 2)
			b = b * 10 + (t[j++] - '0');
		bool range = b > 0;
		if (j + 3 > e || memcmp(t + j, "月", 3) || !month_range(a, b))
			continue;
		/* 3月份 alone; 3月 alone is a date (3月11日), not a period */
		if (!range && !(j + 6 <= e && !memcmp(t + j + 3, "份", 3)))
			continue;
		if (range)
			snprintf(buf, bufsz, "%d-%d月", a, b);
		else
			snprintf(buf, bufsz, "%d月", a);
		return range ? b : a;
	}
	return 0;
}

bool brief_months_now(const brief_article *a, int month)
{
	const char *pub = a->published;
	return !pub || strlen(pub) < 7 || month <= atoi(pub + 5);
}

bool brief_to_date_now(const brief_article *a, size_t ss, size_t qs)
{
	const char *t = a->text, *p = qs > ss ? brief_find_word(t + ss, qs - ss, "截至") : NULL;
	const char *pub = a->published;
	if (!p || !pub || strlen(pub) < 7)
		return false;
	p += 3;
	int month = 0;
	while (p < t + qs && *p >= '0' && *p <= '9')
		month = month * 10 + (*p++ - '0');
	return month > 0 && p + 3 <= t + qs && !memcmp(p, "月", 3) && month <= atoi(pub + 5);
}

/* ---------------------------------------------------------------- */
/* The frame and horizon of each sentence.                           */

/* What is carried from sentence to sentence. */
typedef struct carry {
	char frame[sizeof ((brief_annot_sentence *)0)->frame];
	int month;
	bool opens;     /* set by a paragraph's opening: goes on to the next */
	char horizon[sizeof ((brief_annot_sentence *)0)->horizon];
} carry;

static bool opens_para(const brief_article *a, size_t s)
{
	return s == 0 || a->sents[s - 1].para != a->sents[s].para;
}

/* The part of the present year named with the year in [s, e) (2025年一季度
 * when the article is of 2025), or NULL. */
static const char *present_part(const brief_annot *t, size_t s, size_t e)
{
	const char *text = brief_annot_article(t)->text;
	int year = brief_annot_plan_year(t);
	char y[16];
	if (!year)
		return NULL;
	snprintf(y, sizeof y, "%d年", year);
	for (const char *p = brief_find_word(text + s, e - s, y); p;
	     p = brief_find_word(p + 1, (size_t)(text + e - p - 1), y)) {
		const char *after = p + strlen(y);
		for (const char *const *w = cue("year-part"); *w; w++)
			if (starts_with(after, (size_t)(text + e - after), *w))
				return *w;
		if (after >= text + e)
			break;
	}
	return NULL;
}

/*
 * The part of the present year sentence s puts the text in: the cue that
 * opens it (春节期间，上半年，), kept; none once it names another time (a
 * year, 去年, 全年), as it was otherwise.
 */
static void frame_sentence(const brief_annot *t, size_t s, carry *k)
{
	const brief_article *a = brief_annot_article(t);
	const char *text = a->text;
	size_t ss = a->sents[s].start, se = a->sents[s].end;
	/* the opening adverbial only (上半年，): 一季度签约28个 says when for
	 * its own figure */
	size_t head = brief_annot_clause_end(t, ss, se) - ss;
	bool adverbial = head < se - ss && head <= 30;
	const char *part = adverbial ? brief_cue_in("year-part", text, ss, ss + head) : NULL;
	char months[sizeof k->frame];
	int month = !part && adverbial ? brief_month_span(text, ss, ss + head, months,
							   sizeof months) : 0;
	if (month)
		part = months;
	/* 3月27日，…2025年一季度重大项目集中签约活动举行: a paragraph opening on
	 * an event of a part of the present year */
	if (!part && opens_para(a, s))
		part = present_part(t, ss, se);
	if (part) {
		snprintf(k->frame, sizeof k->frame, "%s", part);
		k->month = month;
		k->opens = opens_para(a, s);
		return;
	}
	if (brief_cue_in("frame-end", text, ss, se) || brief_annot_year_in(t, ss, se))
		k->frame[0] = '\0';
}

/* The start of the last quantity of sentence s, or its start when it
 * has none. */
static size_t last_quantity(const brief_annot *t, const brief_annot_sentence *as, size_t ss)
{
	size_t np, nq;
	const brief_piece *p = brief_annot_pieces(t, &np);
	const brief_quantity *q = brief_annot_quantities(t, &nq);
	for (size_t i = as->piece + as->npieces; i-- > as->piece;)
		if (p[i].nqty)
			return q[p[i].qty + p[i].nqty - 1].start;
	return ss;
}

/* Whether a horizon is beyond the plan year: 恢复至2019年同期 in a
 * review names a year of comparison, no horizon. */
static bool ahead(const brief_annot *t, const char *h)
{
	int plan = brief_annot_plan_year(t);
	return !starts_with(h, strlen(h), "到") || !plan || atoi(h + 3) >= plan;
}

/* 到2030年，地区生产总值突破…；规上工业总产值达到…: a horizon named before
 * a figure of goals holds for the paragraph's sentences after it. */
static void horizon_sentence(const brief_annot *t, const brief_annot_sentence *as,
			     size_t s, carry *k)
{
	const brief_article *a = brief_annot_article(t);
	size_t ss = a->sents[s].start;
	char h[sizeof k->horizon];
	if (as->tense >= 0 && brief_horizon(a->text, ss, last_quantity(t, as, ss), h, sizeof h) &&
	    ahead(t, h))
		memcpy(k->horizon, h, sizeof h);
}

void brief_periods(const brief_annot *t, brief_annot_sentence *sents)
{
	const brief_article *a = brief_annot_article(t);
	carry k = { .frame = "" };
	for (size_t s = 0; s < a->nsents; s++) {
		const brief_sentence *se = &a->sents[s];
		if (opens_para(a, s)) {
			if (!k.opens)
				k.frame[0] = '\0';
			k.horizon[0] = '\0';
		}
		memcpy(sents[s].horizon, k.horizon, sizeof k.horizon);
		if (sents[s].heading)
			k.frame[0] = '\0';
		else if (!brief_table_is_row(a->text + se->start, se->end - se->start))
			frame_sentence(t, s, &k);
		memcpy(sents[s].frame, k.frame, sizeof k.frame);
		sents[s].frame_month = k.frame[0] ? k.month : 0;
		if (!sents[s].heading)
			horizon_sentence(t, &sents[s], s, &k);
	}
}
