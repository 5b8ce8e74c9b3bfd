/* meta.c - title, published date and source of an article (meta.h). */
#include "ingest/meta.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/rx.h"
#include "util/utf8.h"

/* Dates that say they are the publication date, most explicit first. */
static const char *const dated_res[] = {
	/* 发布时间:2024-01-17 15:51:00, 发布日期：2024年1月17日 */
	"(?:发布|发表|更新|时间|日期)\\s*(?:时间|日期)?\\s*[:：]\\s*"
	"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})",
	/* 2024-02-20 12:57:59来源:潮新闻 / 2025年01月22日 18:29 来源: */
	"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})日?"
	"\\s*(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*(?:来源|来自|作者|编辑)",
	/* a line that is only a date (and time), near the top */
	"(?m)^\\s*(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?"
	"(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*$",
};

/* 2月5日 in the story: the day of the event reported. */
static const char month_day_re[] = "(?<![\\d年])(\\d{1,2})月(\\d{1,2})日";
/* "2025年是“十四五”规划收官之年" names the current year. */
static const char year_is_re[] = "(20\\d{2})年(?:是|为|既是|也是|作为)";
/* 乙巳蛇年: a year of the sexagenary cycle. */
static const char ganzhi_re[] =
	"([甲乙丙丁戊己庚辛壬癸])([子丑寅卯辰巳午未申酉戌亥])[鼠牛虎兔龙蛇马羊猴鸡狗猪]?年";
static const char source_re[] = "(?:来源|来自|稿源)\\s*[:：]\\s*([^\\s:：|｜,，。]{2,20})";
static const char byline_re[] = "(?m)^\\s*(\\S{2,10}?)讯[\\s(（]";

/*
 * The patterns are compiled once per process (meta has no context object
 * of its own); each search gets its own match data, so concurrent
 * searches from several threads do not share state.
 */
enum { RX_DATED0, RX_DATED1, RX_DATED2, RX_MONTH_DAY, RX_YEAR_IS, RX_GANZHI,
       RX_SOURCE, RX_BYLINE, RX_N };

static pcre2_code *codes[RX_N];
static pthread_once_t codes_once = PTHREAD_ONCE_INIT;

static void compile_all(void)
{
	const char *res[RX_N] = { dated_res[0], dated_res[1], dated_res[2],
				  month_day_re, year_is_re, ganzhi_re,
				  source_re, byline_re };
	for (int i = 0; i < RX_N; i++)
		codes[i] = brief_rx_compile(res[i]);
}

typedef struct rx {
	pcre2_code *code;
	pcre2_match_data *md;
} rx;

static int rx_open(rx *r, int which)
{
	pthread_once(&codes_once, compile_all);
	r->code = codes[which];
	r->md = r->code ? pcre2_match_data_create_from_pattern(r->code, NULL)
			: NULL;
	return r->md ? 0 : -1;
}

static void rx_close(rx *r)
{
	pcre2_match_data_free(r->md);
	r->md = NULL;
}

/* Returns the ovector of the first match at or after `from`, or NULL. */
static PCRE2_SIZE *rx_find(rx *r, const char *s, size_t n, size_t from)
{
	if (pcre2_match(r->code, (PCRE2_SPTR)s, n, from, 0, r->md, NULL) < 0)
		return NULL;
	return pcre2_get_ovector_pointer(r->md);
}

static int num(const char *s, const PCRE2_SIZE *ov, int g)
{
	return atoi(s + ov[2 * g]);
}

static char *ymd(int y, int m, int d)
{
	char buf[16];
	if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		return NULL;
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	return strdup(buf);
}

/* The sexagenary year nearest the present whose stem and branch these are. */
static int ganzhi_year(const char *stem, const char *branch)
{
	static const char stems[] = "甲乙丙丁戊己庚辛壬癸";
	static const char branches[] = "子丑寅卯辰巳午未申酉戌亥";
	const char *s = strstr(stems, stem), *b = strstr(branches, branch);
	if (!s || !b)
		return 0;
	int si = (int)(s - stems) / 3, bi = (int)(b - branches) / 3;
	for (int y = 1984; y < 2044; y++)       /* 1984 is 甲子 */
		if ((y - 1984) % 10 == si && (y - 1984) % 12 == bi)
			return y;
	return 0;
}

static int context_year(const char *s, size_t n)
{
	rx r;
	PCRE2_SIZE *ov;
	int year = 0;
	if (rx_open(&r, RX_GANZHI) == 0) {
		if ((ov = rx_find(&r, s, n, 0))) {
			char stem[4] = "", branch[4] = "";
			memcpy(stem, s + ov[2], 3);
			memcpy(branch, s + ov[4], 3);
			year = ganzhi_year(stem, branch);
		}
		rx_close(&r);
	}
	if (!year && rx_open(&r, RX_YEAR_IS) == 0) {
		if ((ov = rx_find(&r, s, n, 0)))
			year = num(s, ov, 1);
		rx_close(&r);
	}
	return year;
}

static char *published(const char *s, size_t n)
{
	size_t head = n < 4096 ? n : 4096;      /* dates above the story */
	char *date = NULL;
	rx r;
	PCRE2_SIZE *ov;

	for (size_t i = 0; i < sizeof dated_res / sizeof *dated_res && !date; i++) {
		if (rx_open(&r, RX_DATED0 + (int)i))
			continue;
		if ((ov = rx_find(&r, s, head, 0)))
			date = ymd(num(s, ov, 1), num(s, ov, 2), num(s, ov, 3));
		rx_close(&r);
	}
	if (date || rx_open(&r, RX_MONTH_DAY))
		return date;
	if ((ov = rx_find(&r, s, n, 0))) {
		int m = num(s, ov, 1), d = num(s, ov, 2);
		int y = context_year(s, n);
		if (y)
			date = ymd(y, m, d);
	}
	rx_close(&r);
	return date;
}

static char *capture(int re, const char *s, size_t n)
{
	rx r;
	PCRE2_SIZE *ov;
	char *v = NULL;
	if (rx_open(&r, re))
		return NULL;
	if ((ov = rx_find(&r, s, n, 0)))
		v = strndup(s + ov[2], ov[3] - ov[2]);
	rx_close(&r);
	return v;
}

static bool line_is_title(const char *l, size_t n)
{
	size_t chars = brief_utf8_chars(l, n), han = 0, i = 0;
	if (chars < 6 || chars > 60)
		return false;
	while (i < n)
		han += brief_is_han(brief_utf8_next(l, n, &i));
	if (han * 2 < chars)
		return false;
	static const char *const bad[] = { "。", "：", ":", "来源", "发布", "记者",
					   "转自", "订阅", "摄", "讯 ", NULL };
	for (const char *const *b = bad; *b; b++)
		for (size_t k = 0; k + strlen(*b) <= n; k++)
			if (!memcmp(l + k, *b, strlen(*b)))
				return false;
	return true;
}

/* The headline: a short line near the top without sentence punctuation. */
static char *title(const char *s, size_t n)
{
	size_t lines = 0;
	for (const char *p = s; p < s + n && lines < 12;) {
		const char *e = memchr(p, '\n', (size_t)(s + n - p));
		size_t len = e ? (size_t)(e - p) : (size_t)(s + n - p);
		const char *t = p;
		while (len && (*t == ' ' || *t == '\t'))
			t++, len--;
		while (len && (t[len - 1] == ' ' || t[len - 1] == '\r'))
			len--;
		if (len) {
			lines++;
			if (line_is_title(t, len))
				return strndup(t, len);
		}
		if (!e)
			break;
		p = e + 1;
	}
	return NULL;
}

int brief_meta_extract(const char *text, size_t len, brief_meta *out)
{
	memset(out, 0, sizeof *out);
	out->published = published(text, len);
	out->source = capture(RX_SOURCE, text, len < 4096 ? len : 4096);
	if (!out->source)
		out->source = capture(RX_BYLINE, text, len < 4096 ? len : 4096);
	out->title = title(text, len);
	return 0;
}

void brief_meta_free(brief_meta *m)
{
	if (!m)
		return;
	free(m->title);
	free(m->published);
	free(m->source);
	memset(m, 0, sizeof *m);
}
