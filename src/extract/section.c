/*
 * section.c - what each part of an article speaks of: the plan year of the
 * document (the year its goals are for) and, per sentence, whether the
 * section it stands in reviews results or sets goals.
 *
 * A work report opens with a review (一、2023年工作回顾) and goes on to the
 * goals (二、2024年主要预期目标); a plan report reviews the execution of
 * last year's plan, then sets this year's; a communiqué reports a year; a
 * news story frames a paragraph (这一年, 2024年，全区…). Headings and
 * paragraph openings say which, with the cue words of data/cues.tsv.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "extract/wordset.h"
#include "extract/words.h"
#include "util/lexicon.h"
#include "util/utf8.h"

static bool has_any(const char *s, size_t n, const char *cls)
{
	return brief_cue_in(cls, s, 0, n) != NULL;
}

/* The first 20xx年 in s[0..n), or 0. */
static int first_year(const char *s, size_t n, size_t *at)
{
	for (size_t i = 0; i + 7 <= n; i++)
		if (s[i] == '2' && s[i + 1] == '0' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
		    s[i + 3] >= '0' && s[i + 3] <= '9' && !memcmp(s + i + 4, "年", 3) &&
		    (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')) {
			if (at)
				*at = i;
			return atoi(s + i);
		}
	return 0;
}


/* 20xx年 directly before a phrase (20xx年国民经济…计划) in s[0..n). */
static int year_before(const char *s, size_t n, const char *phrase)
{
	size_t k = strlen(phrase);
	int y = 0;
	for (size_t i = 0; i + k <= n; i++) {
		if (memcmp(s + i, phrase, k))
			continue;
		size_t from = i > 120 ? i - 120 : 0;
		for (size_t j = from; j + 7 <= i; j++)
			if (s[j] == '2' && s[j + 1] == '0' && !memcmp(s + j + 4, "年", 3))
				y = atoi(s + j);
		if (y)
			return y;
	}
	return 0;
}

/* 20xx年M月D日在: the date a report or speech was given. */
static int speech_year(const char *s, size_t n)
{
	for (size_t i = 0, at; i < n; i += at + 7) {
		int y = first_year(s + i, n - i, &at);
		if (!y)
			return 0;
		const char *p = s + i + at + 7, *e = s + n;
		while (p < e && *p >= '0' && *p <= '9')
			p++;
		if (e - p < 3 || memcmp(p, "月", 3))
			continue;
		p += 3;
		while (p < e && *p >= '0' && *p <= '9')
			p++;
		if (e - p >= 6 && !memcmp(p, "日在", 6))
			return y;
	}
	return 0;
}

/* The latest year a sentence opens with while it sets goals (2026年，全区
 * 将力争…): what an undated news story plans for. 0 when none does. */
static int goal_year(const brief_article *a)
{
	int best = 0;
	for (size_t i = 0; i < a->nsents; i++) {
		const char *s = a->text + a->sents[i].start;
		size_t n = a->sents[i].end - a->sents[i].start, at;
		int y = first_year(s, n < 12 ? n : 12, &at);
		/* 2024年，…超额完成年度投资计划 reports: 计划 there is a noun */
		if (y > best && at == 0 && has_any(s, n, "goal-frame") &&
		    !has_any(s, n, "result-strong"))
			best = y;
	}
	return best;
}

/*
 * The year the document sets goals for: a plan (2024年国民经济和社会发展计划;
 * with 执行情况, the last such year named), a work report (2024年政府工作报告,
 * 政府工作报告——2024年1月6日), a communiqué (the year after the one it
 * reports); else the year it was published; else `fallback`.
 */
/* The plan year of a plan's execution report: the last year it names
 * (…2025年计划执行情况和2026年计划), or the year after the one executed;
 * a half-year's execution reports on the plan year itself. */
static int execution_year(const char *h, size_t hn)
{
	int last = 0, y;
	for (size_t i = 0, at; i < hn && (y = first_year(h + i, hn - i, &at)); i += at + 7)
		last = y;
	bool part = brief_has_word(h, hn, "上半年") || brief_has_word(h, hn, "一季度") || brief_has_word(h, hn, "前三季度");
	if (last && brief_has_word(h, hn, "计划") && !part && last == year_before(h, hn, "执行情况"))
		return last + 1;
	return last;
}

/* The plan year a title (or the opening of the text) states, or 0. */
static int plan_year_in(const char *h, size_t hn, bool title)
{
	int y;
	if (brief_has_word(h, hn, "统计公报") && (y = year_before(h, hn, "统计公报")))
		return y + 1;
	if (brief_has_word(h, hn, "执行情况") && (y = execution_year(h, hn)))
		return y;
	/* 2022年工作回顾: the review of a year is written the year after */
	if (title && has_any(h, hn, "section-result") && !has_any(h, hn, "section-goal") &&
	    (y = first_year(h, hn, NULL)))
		return y + 1;
	if ((y = year_before(h, hn, "国民经济和社会发展计划")) ||
	    (y = year_before(h, hn, "政府工作报告")))
		return y;
	if (brief_has_word(h, hn, "工作报告") && (y = first_year(h, hn, NULL)))
		return y;
	/* ——2024年1月18日在…人民代表大会…上: the day a report was given */
	return speech_year(h, hn);
}

/* 一、2020年工作回顾: the last whole year a heading of results names (not
 * 2025年上半年工作回顾, a part of the present year), or 0. */
static int review_heading_year(const char *s, size_t n)
{
	size_t at = 0, last = 0, cue = n;
	int y = 0;
	for (const char *const *w = brief_words("cues.tsv", "section-result"); *w; w++) {
		const char *p = brief_find_word(s, n, *w);
		if (p && (size_t)(p - s) < cue)
			cue = (size_t)(p - s);
	}
	/* 2016—2020年工作回顾: the last year of the span before the word of
	 * review (…2025年计划执行情况和2026年计划: 2025) */
	for (int k; (k = first_year(s + last, cue - last, &at)); last += at + 7)
		y = k;
	if (!y || has_any(s, n, "section-goal"))
		return 0;
	return has_any(s + last, n - last, "period-part") ? 0 : y;
}

/*
 * The year a review section names as its own in its opening sentence
 * (一、…过去一年… / 2019年，是…的一年): the report reviewing it is of the
 * year after, whatever its title says; 0 when none does.
 */
static int reviewed_year(const brief_article *a)
{
	for (size_t i = 0; i + 1 < a->nsents && i < 40; i++) {
		const brief_sentence *h = &a->sents[i], *next = &a->sents[i + 1];
		const char *hs = a->text + h->start, *ns = a->text + next->start;
		size_t hn = h->end - h->start, nn = next->end - next->start, at;
		if (!brief_sentence_alone(a, i, 40) || !has_any(hs, hn, "section-result"))
			continue;
		int y = review_heading_year(hs, hn);
		if (y)
			return y;
		y = first_year(ns, nn < 16 ? nn : 16, &at);
		if (y && at == 0 && (brief_has_word(ns, nn < 16 ? nn : 16, "年，是") ||
				     brief_has_word(ns, nn < 16 ? nn : 16, "年是")))
			return y;
	}
	return 0;
}

/* 十四 of “十四五”: the number of a five-year plan (十一五 … 十九五), or 0. */
static int plan_number(const char *s, size_t n)
{
	static const char *const units[] = { "一", "二", "三", "四", "五", "六", "七", "八",
					     "九", NULL };
	for (const char *p = brief_find_word(s, n, "十"); p && p + 9 <= s + n;
	     p = brief_find_word(p + 3, (size_t)(s + n - p - 3), "十"))
		for (size_t u = 0; units[u]; u++)
			if (!memcmp(p + 3, units[u], 3) && !memcmp(p + 6, "五", 3))
				return 11 + (int)u;
	return 0;
}

/*
 * 今年是“十五五”开局之年 / 今年是“十四五”规划收官之年: the present year a
 * text places in a five-year plan (the 11th began in 2006), by the first
 * plan named after the words and the word for its first or last year
 * (data/cues.tsv present-is, plan-first, plan-last); 0 when none does.
 */
static int five_year_plan_year(const brief_article *a)
{
	for (const char *const *w = brief_words("cues.tsv", "present-is"); *w; w++)
		for (const char *p = brief_find_word(a->text, a->text_len, *w); p;
		     p = brief_find_word(p + 1, (size_t)(a->text + a->text_len - p - 1), *w)) {
			size_t at = (size_t)(p - a->text) + strlen(*w);
			const char *s = a->text + at;
			size_t n = brief_clause_end(a->text, at, a->text_len) - at;
			int plan = plan_number(s, n < 12 ? n : 12);
			int first = 2006 + 5 * (plan - 11);
			if (plan && has_any(s, n, "plan-first"))
				return first;
			if (plan && has_any(s, n, "plan-last"))
				return first + 4;
		}
	return 0;
}

/*
 * An undated text that names year y only as a year gone by (2020年度…评价
 * 结果出炉, 2020年，全区新增…) and speaks of the present (今年…): it is of
 * a later year, y + 1. Not when it names a later year, nor when most of
 * its sentences naming y set goals for it.
 */
static int present_after(const brief_article *a, int y)
{
	char yy[16];
	int goals = 0, named = 0;
	if (!y || !has_any(a->text, a->text_len, "para-now"))
		return y;
	snprintf(yy, sizeof yy, "%d年", y);
	for (size_t i = 0; i < a->nsents; i++) {
		const char *s = a->text + a->sents[i].start;
		size_t n = a->sents[i].end - a->sents[i].start, at, from = 0;
		for (int k; (k = first_year(s + from, n - from, &at)); from += at + 7)
			if (k > y)
				return y;
		if (!brief_has_word(s, n, yy))
			continue;
		named++;
		goals += has_any(s, n, "goal-frame");
	}
	return named && 2 * goals < named ? y + 1 : y;
}

int brief_plan_year(const brief_article *a, int published, int fallback)
{
	int reviewed = reviewed_year(a);
	if (reviewed)
		return reviewed + 1;
	size_t n = a->text_len;
	if (n > 600) {
		n = 600;
		while (n && (a->text[n] & 0xC0) == 0x80)
			n--;
	}
	int y;
	if ((a->title && (y = plan_year_in(a->title, strlen(a->title), true))) ||
	    (y = plan_year_in(a->text, n, false)))
		return y;
	if ((y = five_year_plan_year(a)))
		return y;
	if (published)
		return published;
	return (y = goal_year(a)) ? y : present_after(a, fallback);
}

/* 一、 (二) 3. 第一部分: a numbered heading. */
static bool is_enumerated(const char *s, size_t n)
{
	static const char *const nums[] = { "一", "二", "三", "四", "五", "六", "七", "八",
					    "九", "十", NULL };
	size_t k = 0;
	if (n >= 3 && (!memcmp(s, "（", 3) || !memcmp(s, "(", 1)))
		k = s[0] == '(' ? 1 : 3;
	if (n > k + 3 && !memcmp(s + k, "第", 3))
		k += 3;
	for (const char *const *d = nums; *d; d++)
		if (n > k + 3 && !memcmp(s + k, *d, 3))
			return true;
	/* 1. 2、 12． but not 2023年 */
	size_t d = 0;
	while (d < n && d < 2 && s[d] >= '0' && s[d] <= '9')
		d++;
	return d && d < n && (s[d] == '.' || (n - d >= 3 && (!memcmp(s + d, "、", 3) ||
							    !memcmp(s + d, "．", 3))));
}

static bool is_heading(const brief_article *a, size_t i)
{
	const brief_sentence *se = &a->sents[i];
	const char *s = a->text + se->start;
	size_t n = se->end - se->start;
	if (!brief_sentence_alone(a, i, 40))
		return false;
	size_t p = brief_utf8_prev(s, n), j = p;
	uint32_t last = brief_utf8_next(s, n, &j);
	if (last == 0x3002 || last == 0xFF1B || last == ';' || last == 0xFF0C || last == ',')
		return false;
	/* a line broken out of a paragraph is no heading: the text before
	 * it ended a sentence */
	if (i == 0)
		return true;
	const char *pt = a->text + a->sents[i - 1].start;
	size_t pn = a->sents[i - 1].end - a->sents[i - 1].start;
	while (pn && (pt[pn - 1] == ' ' || pt[pn - 1] == '\n'))
		pn--;
	if (!pn)
		return true;
	p = brief_utf8_prev(pt, pn), j = p;
	last = brief_utf8_next(pt, pn, &j);
	return !brief_is_han(last) || is_enumerated(s, n);
}

/* -1 a heading of results, +1 of goals, 0 it does not say. */
static int heading_tense(const char *s, size_t n, int plan, bool numbered)
{
	bool res = has_any(s, n, "section-result"), goal = has_any(s, n, "section-goal");
	int y = first_year(s, n, NULL);
	if (res && !goal)
		return -1;
	if (goal && !res)
		return y && plan && y < plan ? -1 : 1;
	if (y && plan && numbered)
		return y < plan ? -1 : 1;
	return 0;
}

/* 今年1至5月，… 今年上半年，…: an opening on a part of the present year
 * that has gone by reports it, though 今年 alone opens goals. */
static bool elapsed_part(const char *s, size_t head)
{
	char months[24];
	for (const char *const *w = brief_words("cues.tsv", "para-now"); *w; w++) {
		size_t k = strlen(*w), e = head < k + 16 ? head : k + 16;
		if (strncmp(s, *w, k) || e <= k)
			continue;
		if (starts_any(s + k, e - k, brief_words("cues.tsv", "year-part")) ||
		    brief_month_span(s, k, e, months, sizeof months))
			return true;
	}
	return false;
}

/* A sentence opening 这一年, 2023年，… (a year before the plan year: -1),
 * 今年, 2024年，… (the plan year: +1) frames the rest of its paragraph. */
static int opening_tense(const char *s, size_t n, int plan)
{
	size_t head = n;
	for (size_t i = 0; i + 3 <= n && i < 40; i++)
		if (!memcmp(s + i, "，", 3) || s[i] == ',') {
			head = i;
			break;
		}
	if (head > 40) {
		head = 40;
		while (head && (s[head] & 0xC0) == 0x80)
			head--;
	}
	for (const char *const *w = brief_words("cues.tsv", "para-result"); *w; w++)
		if (!strncmp(s, *w, strlen(*w)))
			return -1;
	size_t at;
	int y = first_year(s, head, &at);
	/* 到2027年，…: a horizon ahead sets goals */
	if (y && at == 3 && (!memcmp(s, "到", 3) || !memcmp(s, "至", 3)) && plan && y >= plan)
		return 1;
	for (const char *const *w = brief_words("cues.tsv", "horizon"); *w; w++)
		if (!strncmp(s, *w, strlen(*w)))
			return 1;
	/* the plan year opening a sentence frames goals only when the
	 * sentence sets some: news report this year's events too */
	if (y && at == 0 && plan && !brief_has_word(s, head, "到") && !brief_has_word(s, head, "至"))
		return y < plan ? -1 : has_any(s, n, "goal-frame") ? 1 : 0;
	for (const char *const *w = brief_words("cues.tsv", "result-strong"); *w; w++)
		if (!strncmp(s, *w, strlen(*w)))
			return -1;
	if (elapsed_part(s, head))
		return -1;
	for (const char *const *w = brief_words("cues.tsv", "para-goal"); *w; w++)
		if (!strncmp(s, *w, strlen(*w)))
			return 1;
	return 0;
}

/* A paragraph led by a short sentence with no figure that sets work ahead
 * (该县将重点抓好以下工作。, 要着力做好五方面工作：) is a paragraph of goals:
 * the figures of its items say no tense of their own. */
static int lead_in_tense(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 0;
	if (brief_utf8_chars(s, n) > 40 || has_any(s, n, "result-strong") ||
	    has_any(s, n, "para-result") || !has_any(s, n, "goal-frame"))
		return 0;
	/* what closes it, before its full stop or colon */
	while (n && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	while (n >= 3 && (!memcmp(s + n - 3, "。", 3) || !memcmp(s + n - 3, "：", 3)))
		n -= 3;
	for (const char *const *w = brief_words("cues.tsv", "lead-in"); *w; w++) {
		size_t k = strlen(*w);
		if (n >= k && !memcmp(s + n - k, *w, k))
			return 1;
	}
	return 0;
}

void brief_sections(const brief_article *a, int plan, signed char *tense)
{
	int base = 0, para = -1, para_tense = 0;
	/* a communiqué reports, all through */
	if ((a->title && brief_has_word(a->title, strlen(a->title), "统计公报")) ||
	    (a->nsents && brief_has_word(a->text + a->sents[0].start,
			      a->sents[0].end - a->sents[0].start, "统计公报")))
		base = -1;
	int cur = base;
	for (size_t i = 0; i < a->nsents; i++) {
		const brief_sentence *se = &a->sents[i];
		const char *s = a->text + se->start;
		size_t n = se->end - se->start;
		if (se->para != para) {
			para = se->para;
			para_tense = 0;
			if (is_heading(a, i)) {
				/* a heading sets the tense of its section; a story's
				 * title only when it names a period or a report
				 * (2023 成就…), not a slogan (锚定经济新目标) */
				bool numbered = is_enumerated(s, n);
				int h = heading_tense(s, n, plan, numbered);
				if (h && (i > 0 || first_year(s, n, NULL) ||
					  has_any(s, n, "report-title")))
					cur = h;
				tense[i] = (signed char)cur;
				continue;
			}
		}
		int o = opening_tense(s, n, plan);
		if (!o && (i == 0 || a->sents[i - 1].para != se->para))
			o = lead_in_tense(s, n);
		if (o)
			para_tense = o;
		tense[i] = (signed char)(para_tense ? para_tense : cur);
	}
}
