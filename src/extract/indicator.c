/*
 * indicator.c - the name of what a quantity measures: the noun phrase
 * before its verb (or after a tier word: 千亿级产业), without the region,
 * year, scope and framing words around it (data/cues.tsv "lead", "tail",
 * "scope"), named by the canon of data/indicators.tsv; NULL for what is
 * no indicator (a fragment, a pronoun, a verb phrase).
 */
#include <stdlib.h>
#include <string.h>

#include "extract/measure.h"
#include "extract/words.h"
#include "extract/wordset.h"
#include "util/buf.h"
#include "util/lexicon.h"
#include "util/utf8.h"



/* The length of a month or a range of months opening s (5月, 1至5月,
 * 1-10月份): when, not what; 0 when s opens otherwise. */
static size_t months_lead(const char *s, size_t n)
{
	size_t i = 0;
	for (int part = 0; part < 2; part++) {
		size_t d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d || i - d > 2)
			return 0;
		if (starts_with(s + i, n - i, "月"))
			break;
		if (part == 0 && (starts_with(s + i, n - i, "至") || starts_with(s + i, n - i, "—")))
			i += 3;
		else if (part == 0 && s[i] == '-')
			i++;
		else
			return 0;
	}
	if (!starts_with(s + i, n - i, "月"))
		return 0;
	i += 3;
	return starts_with(s + i, n - i, "份") ? i + 3 : i;
}

/* Whether s[0..n) is one unit of data/units.tsv, whole. */
static bool is_unit(const char *s, size_t n)
{
	size_t ne;
	const brief_lex_entry *e = brief_lex_entries(brief_lexicon_get("units.tsv"), &ne);
	for (size_t i = 0; i < ne; i++)
		if (strlen(e[i].word) == n && !memcmp(s, e[i].word, n))
			return true;
	return false;
}

/*
 * Whether a phrase ends in a figure (种植面积2万亩, 投资30亿元, 保持7%) or
 * holds a date (2026年6月竣工): then it is a clause of its own, the words
 * before another number, and names nothing. A threshold in a name goes on
 * past its unit (3亿元以上项目, 500强企业, PM2.5浓度).
 */
static bool holds_figure(const char *s, size_t n)
{
	size_t last = n;
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9') {
			last = i;
			if (i + 3 < n && !memcmp(s + i + 1, "月", 3))
				return true;
		}
	if (last == n)
		return false;
	size_t u = last + 1;
	while (u < n && s[u] == '.')
		u++;
	return u < n && is_unit(s + u, n - u);
}

/*
 * The canonical name of an indicator phrase (data/indicators.tsv): the
 * phrase without its scope word (全县, 全年), mapped when it is an alias.
 * malloc'd; NULL when the phrase is no indicator at all (a fragment, a
 * pronoun phrase, a meeting's attendance: data/cues.tsv "not-indicator").
 */
char *brief_indicator_canon(const char *s, size_t n)
{
	static const char *const *scope;
	if (!scope)
		scope = brief_cue("scope");
	for (bool again = true; again;) {
		again = false;
		for (const char *const *w = scope; *w; w++) {
			size_t k = strlen(*w);
			if (n > k && !memcmp(s, *w, k)) {
				s += k;
				n -= k;
				again = true;
			}
		}
	}
	for (const char *const *w = scope; *w; w++)
		if (strlen(*w) == n && !memcmp(s, *w, n))
			return NULL;    /* 一季度 alone: when, not what */
	while (n && (*s == ' ' || *s == '#' || *s == '|'))
		s++, n--;
	size_t when = months_lead(s, n);
	s += when;
	n -= when;
	/* （供稿）总投资: a bracket the page left before the name */
	if (starts_with(s, n, "（") || starts_with(s, n, "(")) {
		const char *close = starts_with(s, n, "（") ? "）" : ")";
		const char *e = brief_find_word(s, n, close);
		if (e && e + strlen(close) < s + n) {
			n -= (size_t)(e + strlen(close) - s);
			s = e + strlen(close);
		}
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '|'))
		n--;
	if (n == 0 || brief_utf8_chars(s, n) < 2)
		return NULL;
	for (const char *const *w = brief_cue("not-indicator"); *w; w++)
		if (contains(s, n, *w))
			return NULL;
	for (const char *const *w = brief_cue("not-indicator-start"); *w; w++)
		if (starts_with(s, n, *w))
			return NULL;
	for (const char *const *w = brief_cue("not-indicator-end"); *w; w++)
		if (ends_with(s, n, *w))
			return NULL;

	if (holds_figure(s, n))
		return NULL;
	/* 37个乡、12个镇: a list of counts, not the name of one */
	for (size_t i = 0; i + 4 <= n; i++)
		if (s[i] >= '0' && s[i] <= '9' && (!memcmp(s + i + 1, "个", 3) ||
						   !memcmp(s + i + 1, "家", 3)))
			return NULL;
	size_t ne, bare = n;
	const brief_lex_entry *e = brief_lex_entries(brief_lexicon_get("indicators.tsv"), &ne);
	/* 地区生产总值(GDP): the name without its gloss */
	for (size_t i = 0; i < n; i++)
		if ((s[i] == '(' && s[n - 1] == ')') ||
		    (starts_with(s + i, n - i, "（") && ends_with(s, n, "）"))) {
			bare = i;
			break;
		}
	for (size_t i = 0; i < ne; i++)
		if ((strlen(e[i].word) == n && !memcmp(s, e[i].word, n)) ||
		    (strlen(e[i].word) == bare && !memcmp(s, e[i].word, bare)))
			return strdup(e[i].cls);
	return strndup(s, n);
}

bool brief_strip_word(const char **s, size_t *n, const char *const *ws,
		      bool tail)
{
	bool spaced = false;
	while (*n && (tail ? (*s)[*n - 1] == ' ' : **s == ' ')) {
		if (!tail)
			(*s)++;
		(*n)--;
		spaced = true;
	}
	/* 签约, 下达: words of their own ending in a tail word (约, 达) */
	if (tail && ends_any(*s, *n, brief_cue("tail-keep")))
		return spaced;
	for (const char *const *w = ws; *w; w++) {
		size_t k = strlen(*w);
		if (*n >= k &&
		    (tail ? ends_with(*s, *n, *w) : starts_with(*s, *n, *w))) {
			if (!tail)
				*s += k;
			*n -= k;
			return true;
		}
	}
	return spaced;
}

/* A cleaned indicator: quotes dropped, synonyms mapped; NULL when the
 * words are no noun phrase (a whole clause, a slogan). */
char *brief_noun_phrase(const char *s, size_t n)
{
	brief_buf b = BRIEF_BUF_INIT;
	for (size_t i = 0; i < n;) {
		if (i + 3 <= n && (!memcmp(s + i, "“", 3) || !memcmp(s + i, "”", 3))) {
			i += 3;
			continue;
		}
		if (s[i] == ' ') {      /* 增 长, 地区生产 总值: spacing of the page */
			i++;
			continue;
		}
		brief_buf_putc(&b, s[i++]);
	}
	if (!brief_buf_ok(&b) || b.len == 0 || brief_utf8_chars(b.data, b.len) > 16 ||
	    contains(b.data, b.len, "将") || contains(b.data, b.len, "要") ||
	    contains(b.data, b.len, "已")) {
		brief_buf_free(&b);
		return NULL;
	}
	/* 按可比 口径计算: framing the page's spacing hid from the first trim */
	const char *p = b.data;
	size_t pn = b.len;
	while (pn && (brief_strip_word(&p, &pn, brief_cue("tail"), true) ||
		      brief_strip_word(&p, &pn, brief_cue("lead"), false)))
		;
	char *r = pn ? brief_indicator_canon(p, pn) : NULL;
	brief_buf_free(&b);
	return r;
}

/*
 * 建成投用市政道路、风貌街区等项目10个: a count after a list closed by 等
 * and a project word counts what the verb before the list did
 * (建成投用项目), not the list's last item; NULL when [from, to) is no
 * such list or names no verb (data/cues.tsv list-verb, count-head).
 */
static char *listed_count_name(const char *t, size_t from, size_t to)
{
	const char *deng = brief_find_last_word(t + from, to - from, "等");
	if (!deng)
		return NULL;
	size_t w = (size_t)(deng - t) + 3;
	const char *first = brief_find_word(t + from, (size_t)(deng - t) - from, "、");
	if (!first || !ends_any(t + w, to - w, brief_cue("count-head")) ||
	    brief_utf8_chars(t + w, to - w) > 6)
		return NULL;
	const char *verb = NULL;
	size_t vlen = 0, head = (size_t)(first - t) - from;
	for (const char *const *v = brief_cue("list-verb"); *v; v++) {
		/* the verb ending last, the longest of those (建成投用, not 投用) */
		const char *p = brief_find_last_word(t + from, head, *v);
		size_t k = strlen(*v);
		if (p && (!verb || p + k > verb + vlen || (p + k == verb + vlen && k > vlen))) {
			verb = p;
			vlen = k;
		}
	}
	if (!verb)
		return NULL;
	brief_buf b = BRIEF_BUF_INIT;
	brief_buf_put(&b, verb, vlen);
	brief_buf_put(&b, t + w, to - w);
	char *name = brief_buf_ok(&b) ? brief_indicator_canon(b.data, b.len) : NULL;
	brief_buf_free(&b);
	return name;
}

/* The indicator a quantity measures: the words before its verb, after
 * the region and the year that open the clause. */
char *brief_indicator_before(const brief_annot *at, const char *t, size_t from,
		       size_t to)
{
	size_t cut = brief_annot_last_name(at, from, to);
	if (cut > from)
		from = cut;
	for (size_t i = from; i + 7 <= to; i++)    /* 2024年余杭固定资产投资 */
		if (t[i] == '2' && t[i + 1] == '0' && !memcmp(t + i + 4, "年", 3))
			from = i + 7;
	char *listed = listed_count_name(t, from, to);
	if (listed)
		return listed;
	/* 项目207个、总投资1670.7亿元: the last item of the list is its own */
	for (size_t i = to; i >= from + 3; i--)
		if (!memcmp(t + i - 3, "、", 3)) {
			from = i;
			break;
		}
	const char *s = t + from;
	size_t n = to - from;
	while (n && (brief_strip_word(&s, &n, brief_cue("tail"), true) ||
		     brief_strip_word(&s, &n, brief_cue("lead"), false)))
		;
	/* 规模以上工业企业实现营业收入: what, not who */
	for (const char *const *w = brief_cue("mid-verb"); *w; w++) {
		const char *v = n ? brief_find_last_word(s, n, *w) : NULL;
		size_t k = strlen(*w);
		if (v && v > s && brief_utf8_chars(v + k, (size_t)(s + n - v) - k) >= 2) {
			n -= (size_t)(v + k - s);
			s = v + k;
		}
	}
	/* quotes and punctuation at the ends */
	while (n >= 3 && (starts_with(s, n, "“") || starts_with(s, n, "、"))) {
		s += 3;
		n -= 3;
	}
	while (n >= 3 && (ends_with(s, n, "”") || ends_with(s, n, "、")))
		n -= 3;
	/* a name of the canon, as the annotation found it: its reading is
	 * known (brief_indicator_span.whole) */
	size_t k = (size_t)(s - t);
	const brief_indicator_span *sp = t == brief_annot_article(at)->text
					 ? brief_annot_indicator_at(at, k, k + n) : NULL;
	if (sp && sp->whole)
		return strdup(sp->name);
	return brief_noun_phrase(s, n);
}

/* 冲刺万亿级地区生产总值, 72个重点项目: the indicator follows. */
char *brief_indicator_after(const char *t, size_t at, size_t end)
{
	size_t e = at;
	const char *const *stop = brief_cue("name-end");
	/* a name is at most 16 characters: look no further than 17 */
	if (end - at > 17 * 4)
		end = at + 17 * 4;
	while (e < end) {
		size_t i = e;
		uint32_t cp = brief_utf8_next(t, end, &i);
		/* 72个省、市重点项目: a one-character item continues the name */
		if (cp == 0x3001 && brief_utf8_chars(t + at, e - at) <= 2) {
			e = i;
			continue;
		}
		/* a quoted name goes on: 1852个“八大行动”项目 */
		if (!brief_is_han(cp) && !(cp >= '0' && cp <= '9') && cp != '%' &&
		    cp != 0x201C && cp != 0x201D)
			break;
		/* …项目投资分别完成…: the predicate after the name */
		/* 10个50亿元以上项目: a threshold inside the name goes on */
		if (e > at && starts_any(t + e, end - e, stop) &&
		    !(starts_with(t + e, end - e, "以上") && holds_figure(t + at, e - at)))
			break;
		e = i;
	}
	if (e == at || brief_utf8_chars(t + at, e - at) > 16)
		return NULL;
	return brief_indicator_canon(t + at, e - at);
}
