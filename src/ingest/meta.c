/* meta.c - title, published date and source of an article (meta.h). */
#include "ingest/meta.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	/* 来源：清河日报 2025-03-12: the source line with its date after it */
	"(?m)^\\s*(?:来源|来自|稿源)\\s*[:：]\\s*\\S{2,20}\\s+"
	"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})",
	/* ——2024年12月29日在…人民代表大会…上, 工作报告（2024年12月29日）: the day
	 * a report was given */
	"(?m)(?:^\\s*——\\s*|报告\\s*[(（])(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:在|[)）])",
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
static const char byline_re[] = "(?m)^\\s*(\\S{2,16}?)讯[\\s(（]";
/* 杭州日报记者 史俊杰: a reporter's line names the paper. */
static const char reporter_re[] = "(?m)^\\s*(\\S{2,12}?)记者(?:\\s+\\S{2,4})+\\s*$";
static const char link_re[] = "(?:原文链接|原文地址|原文网址)\\s*[:：]?\\s*"
			      "(https?://[^\\s<>\"'，。）)]+)";
/* "2025年,钱塘又将…": the year an article is about, as a clause's topic. */
static const char topic_year_re[] = "(?<![\\d至到—-])(20\\d{2})年[,，]";

/*
 * The patterns are compiled once per process (meta has no context object
 * of its own); each search gets its own match data, so concurrent
 * searches from several threads do not share state.
 */
enum { RX_DATED0, RX_DATED1, RX_DATED2, RX_DATED3, RX_DATED4, RX_MONTH_DAY, RX_YEAR_IS, RX_GANZHI,
       RX_SOURCE, RX_BYLINE, RX_REPORTER, RX_LINK, RX_TOPIC_YEAR, RX_N };

static pcre2_code *codes[RX_N];
static pthread_once_t codes_once = PTHREAD_ONCE_INIT;

static void compile_all(void)
{
	const char *res[RX_N] = { dated_res[0], dated_res[1], dated_res[2], dated_res[3],
				  dated_res[4],
				  month_day_re, year_is_re, ganzhi_re,
				  source_re, byline_re, reporter_re, link_re,
				  topic_year_re };
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

/* The first `max` bytes of s, cut at a character boundary: PCRE2 in UTF
 * mode matches nothing in text that ends inside a character. */
static size_t head_of(const char *s, size_t n, size_t max)
{
	size_t h = n < max ? n : max;
	while (h > 0 && h < n && ((unsigned char)s[h] & 0xC0) == 0x80)
		h--;
	return h;
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
	static const int said[] = { RX_YEAR_IS, RX_TOPIC_YEAR };
	for (size_t k = 0; !year && k < sizeof said / sizeof *said; k++) {
		if (rx_open(&r, said[k]))
			continue;
		if ((ov = rx_find(&r, s, n, 0)))
			year = num(s, ov, 1);
		rx_close(&r);
	}
	return year;
}

/* The latest year the sentence of a date without one names (2月6日上午，
 * X区2025年一季度重点项目集中开工): the news is of that year. Not a
 * horizon (到2030年) and not a year the sentence reviews (2024年以来). */
static int dateline_year(const char *s, size_t n)
{
	const char *end = brief_find_word(s, n, "。");
	size_t len = end ? (size_t)(end - s) : n, i = 0;
	int best = 0;
	while (i + 7 <= len) {
		const char *y = brief_find_word(s + i, len - i, "年");
		if (!y || y - s < 4)
			break;
		size_t at = (size_t)(y - s) - 4;
		i = (size_t)(y - s) + 3;
		bool digits = true;
		for (size_t k = at; k < at + 4; k++)
			digits &= s[k] >= '0' && s[k] <= '9';
		bool horizon = at >= 3 && (!memcmp(s + at - 3, "到", 3) || !memcmp(s + at - 3, "至", 3));
		bool since = i + 6 <= len && !memcmp(s + i, "以来", 6);
		int v = digits && s[at] == '2' && s[at + 1] == '0' ? atoi(s + at) : 0;
		if (v && !horizon && !since && !(at > 0 && s[at - 1] >= '0' && s[at - 1] <= '9') &&
		    v > best)
			best = v;
	}
	return best;
}

static char *published(const char *s, size_t n)
{
	size_t head = head_of(s, n, 4096);      /* dates above the story */
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
		int y = dateline_year(s + ov[1], n - ov[1]);
		if (!y)
			y = context_year(s, n);
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

/* ---------------------------------------------------------------- */
/* Publisher, title and address.                                     */

/* 杭州日报(bào)讯: the pinyin the seed texts carry after characters. */
static const char pinyin_re[] = "\\((?:[a-zü]|\\p{Mn}|[\\x{00E0}-\\x{01DC}])+\\)";

static char *strip_pinyin(char *s)
{
	pcre2_code *c = s ? brief_rx_compile(pinyin_re) : NULL;
	if (!c)
		return s;
	PCRE2_UCHAR out[1024];
	PCRE2_SIZE n = sizeof out / sizeof *out;
	int rc = pcre2_substitute(c, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0,
				  PCRE2_SUBSTITUTE_GLOBAL, NULL, NULL, (PCRE2_SPTR)"", 0,
				  out, &n);
	pcre2_code_free(c);
	if (rc >= 0) {
		char *t = strndup((const char *)out, n);
		if (t) {
			free(s);
			return t;
		}
	}
	return s;
}

/* 本报, 本台: a byline that names no one. */
static bool names_publisher(const char *s)
{
	static const char *const self[] = { "本报", "本台", "本刊", "本网", "本站", NULL };
	for (const char *const *p = self; *p; p++)
		if (!strcmp(s, *p))
			return false;
	return true;
}

/* 来源：X, then X讯 (杭州日报讯 -> 杭州日报), then a "X记者 Name" line. */
static char *publisher(const char *s, size_t n)
{
	static const int order[] = { RX_SOURCE, RX_BYLINE, RX_REPORTER };
	size_t head = head_of(s, n, 4096);
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		rx r;
		PCRE2_SIZE *ov;
		char *v = NULL;
		if (rx_open(&r, order[i]))
			continue;
		for (size_t at = 0; !v && (ov = rx_find(&r, s, head, at)); at = ov[1]) {
			v = strip_pinyin(strndup(s + ov[2], ov[3] - ov[2]));
			if (v && !names_publisher(v)) {
				free(v);
				v = NULL;
			}
		}
		rx_close(&r);
		if (v)
			return v;
	}
	return NULL;
}

/* A photo credit (记者 张三 摄) heads many pages; it is no title. */
static bool is_caption(const char *l, size_t n)
{
	return (n >= 3 && !memcmp(l + n - 3, "摄", 3)) || (n >= 4 && !memcmp(l + n - 4, "摄)", 4));
}

/* Bytes up to the first full stop (。！？!?) of t, or all of it. */
static size_t sentence_end(const char *t)
{
	static const char *const stops[] = { "。", "！", "？", "!", "?", NULL };
	size_t cut = strlen(t);
	for (const char *const *p = stops; *p; p++) {
		const char *e = strstr(t, *p);
		if (e && (size_t)(e - t) < cut)
			cut = (size_t)(e - t);
	}
	return cut;
}

/* A plain text with no headline line: its first line, without the
 * byline, up to the end of its first sentence. */
static char *first_line(const char *s, size_t n)
{
	rx r;
	PCRE2_SIZE *ov;
	for (const char *p = s; p < s + n;) {
		const char *e = memchr(p, '\n', (size_t)(s + n - p));
		size_t len = e ? (size_t)(e - p) : (size_t)(s + n - p);
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\r'))
			len--;
		if (len && !is_caption(p, len)) {
			char *l = strip_pinyin(strndup(p, len));
			size_t from = 0;
			if (l && rx_open(&r, RX_BYLINE) == 0) {
				if ((ov = rx_find(&r, l, strlen(l), 0)) && ov[0] == 0)
					from = ov[3] + strlen("讯");
				rx_close(&r);
			}
			if (!l)
				return NULL;
			const char *t = l + from + strspn(l + from, " \t");
			/* 本报讯(记者 张三)今年…: the reporters are no title */
			const char *close = NULL;
			if (*t == '(' && (close = strchr(t, ')')))
				t = close + 1;
			else if (!strncmp(t, "（", 3) && (close = strstr(t, "）")))
				t = close + 3;
			size_t cut = sentence_end(t);
			size_t end = brief_utf8_byte_offset(t, cut, 40);
			char *title = end ? strndup(t, end) : NULL;
			free(l);
			return title;
		}
		if (!e)
			break;
		p = e + 1;
	}
	return NULL;
}

/* 原文链接：https://…: where the story was first published. */
static char *link_line(const char *s, size_t n)
{
	return capture(RX_LINK, s, n);
}

/* ---------------------------------------------------------------- */
/* What a page says of itself in its <head>.                         */

static const char tag_re[] = "(?i)<(meta|link)\\b([^>]*)>";
static const char attr_re[] = "(?i)\\b(rel|href|property|name|content)\\s*=\\s*"
			      "(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))";

/* &amp; &quot; &#39; &lt; &gt; in an attribute value, decoded. */
static char *unescape(const char *s, size_t n)
{
	static const char *const ent[][2] = {
		{ "&amp;", "&" }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&apos;", "'" },
		{ "&lt;", "<" }, { "&gt;", ">" },
	};
	char *out = malloc(n + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		size_t k = 0;
		for (; k < sizeof ent / sizeof *ent; k++)
			if (!strncmp(s + i, ent[k][0], strlen(ent[k][0])) &&
			    i + strlen(ent[k][0]) <= n)
				break;
		if (k < sizeof ent / sizeof *ent) {
			*o++ = ent[k][1][0];
			i += strlen(ent[k][0]);
		} else {
			*o++ = s[i++];
		}
	}
	*o = '\0';
	return out;
}

typedef struct tag_attrs {
	char *rel, *href, *property, *content;
} tag_attrs;

static void attrs_free(tag_attrs *t)
{
	free(t->rel);
	free(t->href);
	free(t->property);
	free(t->content);
}

static void read_attrs(pcre2_code *ac, const char *s, size_t n, tag_attrs *t)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ac, NULL);
	for (size_t at = 0; md && pcre2_match(ac, (PCRE2_SPTR)s, n, at, 0, md, NULL) >= 0;) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		int g = ov[4] != PCRE2_UNSET ? 2 : ov[6] != PCRE2_UNSET ? 3 : 4;
		char *v = unescape(s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
		char **slot = NULL;
		switch (s[ov[2]] | 0x20) {
		case 'r': slot = &t->rel; break;
		case 'h': slot = &t->href; break;
		case 'c': slot = &t->content; break;
		default: slot = &t->property; break;     /* property or name */
		}
		free(*slot);
		*slot = v;
		at = ov[1];
	}
	pcre2_match_data_free(md);
}

static bool is(const char *v, const char *want)
{
	return v && !strcasecmp(v, want);
}

static void take(char **slot, char **v)
{
	if (!*slot && *v && **v) {
		*slot = *v;
		*v = NULL;
	}
}

int brief_meta_page(const char *html, size_t len, brief_meta *out)
{
	pcre2_code *tc = brief_rx_compile(tag_re), *ac = brief_rx_compile(attr_re);
	pcre2_match_data *md = tc ? pcre2_match_data_create_from_pattern(tc, NULL) : NULL;
	char *canon = NULL, *ogurl = NULL, *ogtitle = NULL;
	size_t head = head_of(html, len, 65536);        /* the <head> */
	int rc = tc && ac && md ? 0 : -1;
	for (size_t at = 0; !rc && pcre2_match(tc, (PCRE2_SPTR)html, head, at, 0, md, NULL) >= 0;) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		tag_attrs t = { 0 };
		read_attrs(ac, html + ov[4], ov[5] - ov[4], &t);
		if (is(t.rel, "canonical"))
			take(&canon, &t.href);
		else if (is(t.property, "og:url"))
			take(&ogurl, &t.content);
		else if (is(t.property, "og:title"))
			take(&ogtitle, &t.content);
		attrs_free(&t);
		at = ov[1];
	}
	if (!rc) {
		take(&out->url, &canon);
		take(&out->url, &ogurl);
		if (ogtitle && *ogtitle) {
			free(out->page_title);
			out->page_title = ogtitle;
			ogtitle = NULL;
		}
	}
	free(canon);
	free(ogurl);
	free(ogtitle);
	pcre2_match_data_free(md);
	pcre2_code_free(tc);
	pcre2_code_free(ac);
	return rc;
}

int brief_meta_extract(const char *text, size_t len, brief_meta *out)
{
	memset(out, 0, sizeof *out);
	out->published = published(text, len);
	out->source = publisher(text, len);
	out->title = title(text, len);
	if (!out->title)
		out->title = first_line(text, len);
	out->url = link_line(text, len);
	return 0;
}

void brief_meta_free(brief_meta *m)
{
	if (!m)
		return;
	free(m->title);
	free(m->published);
	free(m->source);
	free(m->url);
	free(m->page_title);
	memset(m, 0, sizeof *m);
}
