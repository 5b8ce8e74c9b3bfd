/* clean.c - decoded article text -> clean text (see clean.h). */
#include "ingest/clean.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/buf.h"
#include "util/rx.h"
#include "util/utf8.h"

/*
 * Whole lines of web chrome around a story, in Simplified script (the
 * decisions are taken on the Simplified copy). Anchored at both ends:
 * a sentence of the story that merely mentions 来源 or 分享 stays.
 */
static const char boiler_re[] =
	"^(?:"
	"[•·●▪◆■□►▶>\\-]\\s*\\S{1,12}"                           /* nav bullets */
	"|(?:首页|返回|返回顶部|上一篇|下一篇|打印|打印本页|关闭|关闭窗口|收藏|"
	"我的订阅|登录|注册|搜索|无障碍|简体|繁体|繁體|English)"
	"|(?:分享到|分享至|分享让更多人看到|一键分享|扫一扫|扫码|手机扫码|微信扫一扫).{0,30}"
	"|(?:微信|微博|QQ空间|朋友圈|新浪微博|腾讯微博|QQ好友)(?:\\s+\\S{1,6}){0,6}"
	"|字号[:：].{0,20}|【?\\s*大\\s*中\\s*小\\s*】?"
	"|(?:本文)?转自[:：].{0,60}|本文来源[:：].{0,60}|转载[:：].{0,60}"
	"|(?:原标题|来源|作者|编辑|责任编辑|责编|编审|记者|通讯员|摄影|摄像|图片来源|"
	"图片|校对|审核|审校|终审|值班编辑|类别|发布时间|发布日期|浏览次数|点击数|"
	"阅读数|访问量|文章来源)\\s*[:：].{0,80}"
	"|\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?\\s*\\d{1,2}:\\d{2}(?::\\d{2})?\\s*"
	"(?:来源|作者|编辑)\\s*[:：].{0,60}"                      /* dateline */
	"|快照生成时间.*|信息原文地址.*|网页快照.*|本页面是.{0,40}快照.*"
	"|更多关于.{0,20}的?资讯.*"
	"|(?:阅读推荐|新闻爆料|图片精选|相关阅读|相关新闻|相关推荐|相关文章|延伸阅读|"
	"推荐阅读|热点推荐|热门推荐|热门文章|猜你喜欢|精彩推荐|往期回顾|我要纠错|"
	"网友评论|发表评论|查看评论|评论|热点新闻|今日推荐|专题|视频推荐|新闻推荐|"
	"为你推荐|编辑推荐|最新文章|排行榜|热门排行)\\s*[:：]?\\s*(?:>+|»)?"
	"|(?:特别)?声明\\s*[:：]?|免责声明.*"
	"|.*(?:仅代表作者(?:个人)?观点|不代表本(?:站|网|平台)|本站不作任何保证|"
	"转载请注明|未经(?:授权|许可).{0,10}(?:转载|使用)|如有侵权|"
	"版权归原作者|请联系(?:管理员|本站|我们)(?:删除)?|版权所有).*"
	"|(?:Copyright|COPYRIGHT|©).*|.*ICP备\\d+号.*|.*公网安备.*"
	"|(?:https?://|www\\.)\\S+"
	"|\\S{2,8}\\[\\d{4}\\]\\d+号"                              /* licence numbers */
	"|.{0,40}(?:记者|通讯员|摄影师?)\\s*\\S{2,4}(?:\\s+\\S{2,4})?\\s*摄"   /* photo credits */
	"|[(（]?(?:记者|本报记者|通讯员)\\s*\\S{2,4}(?:\\s+\\S{2,4}){0,4}[)）]?"
	"|[(（][^()（）]{0,20}参与采写[)）]"
	")$";

/* A line that is only a date and time: items of related-article lists. */
static const char stamp_re[] =
	"^\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?$";

/* (上接第1版) and the like open a continued story: the marker goes. */
static const char jump_re[] = "^[(（](?:上接|紧接|接|下转|转)第?\\s*\\d+\\s*版[)）]\\s*";

/* Pinyin after a Han character: with tone marks always; without only in
 * texts that carry toned annotations too (then "(de)" is one of them).
 * Reposts pad some with a space: 乐(lè ). */
static const char pinyin_re[] =
	"(?<=\\p{sc=Han})[(（] ?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]* ?[)）]";
static const char pinyin_plain_re[] =
	"(?<=\\p{sc=Han})[(（] ?(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?[aeiouü][a-z]{0,4} ?[)）]";

enum { RX_BOILER, RX_STAMP, RX_JUMP, RX_PINYIN, RX_PLAIN, RX_N };

struct brief_cleaner {
	brief_rxset s;
};

brief_cleaner *brief_cleaner_new(void)
{
	static const char *const res[RX_N] = {
		boiler_re, stamp_re, jump_re, pinyin_re, pinyin_plain_re,
	};
	brief_cleaner *c = calloc(1, sizeof *c);
	/* lines are short, but a hostile file may hold a 64 MiB one */
	if (!c || brief_rxset_init(&c->s, res, RX_N, 1000000)) {
		free(c);
		return NULL;
	}
	return c;
}

void brief_cleaner_free(brief_cleaner *c)
{
	if (!c)
		return;
	brief_rxset_free(&c->s);
	free(c);
}

static bool matches(brief_cleaner *c, int rx, const char *s, size_t n)
{
	return brief_rxset_match(&c->s, (size_t)rx, s, 0, n) != NULL;
}

/* ---------------------------------------------------------------- */
/* Lines.                                                            */

typedef enum { L_BLANK, L_DROP, L_STAMP, L_KEEP } line_kind;

typedef struct line {
	const char *s;          /* original-script line (trimmed) */
	size_t n;
	const char *t;          /* Simplified line (trimmed) */
	size_t tn;
	line_kind kind;
	char *out;              /* transformed original-script line */
	size_t out_n;
	char *tout;             /* transformed Simplified line */
	size_t tout_n;
	bool join_next;         /* glued to the next kept line */
} line;

typedef struct lines {
	line *v;
	size_t n;
} lines;

static bool is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\f' || cp == 0x3000 ||
	       cp == 0xA0 || cp == 0xFEFF || cp == 0x200B;
}

/* Trims ASCII and ideographic white space at both ends. */
static void trim(const char **s, size_t *n)
{
	size_t i = 0, start = 0, end = *n;
	while (i < *n) {
		size_t at = i;
		if (!is_space_cp(brief_utf8_next(*s, *n, &i))) {
			start = at;
			break;
		}
		start = i;
	}
	while (end > start) {
		size_t at = brief_utf8_prev(*s, end), j = at;
		if (!is_space_cp(brief_utf8_next(*s, *n, &j)))
			break;
		end = at;
	}
	*s += start;
	*n = end - start;
}

static size_t count_lines(const char *s, size_t n)
{
	size_t c = 1;
	for (size_t i = 0; i < n; i++)
		c += s[i] == '\n';
	return c;
}

/* Splits both copies into lines; NULL simp: the original is Simplified. */
static int split(const char *s, size_t n, const char *t, size_t tn, lines *out)
{
	size_t cnt = count_lines(s, n);
	if (t && count_lines(t, tn) != cnt)
		t = NULL;       /* conversion changed the lines: judge on s */
	if (!t) {
		t = s;
		tn = n;
	}
	out->v = calloc(cnt, sizeof *out->v);
	if (!out->v)
		return -1;
	for (size_t k = 0; k < cnt; k++) {
		const char *e = memchr(s, '\n', (size_t)(n - 0));
		const char *te = memchr(t, '\n', tn);
		line *l = &out->v[out->n++];
		l->s = s;
		l->n = e ? (size_t)(e - s) : n;
		l->t = t;
		l->tn = te ? (size_t)(te - t) : tn;
		trim(&l->s, &l->n);
		trim(&l->t, &l->tn);
		n -= e ? (size_t)(e - s) + 1 : n;
		s = e ? e + 1 : s + n;
		tn -= te ? (size_t)(te - t) + 1 : tn;
		t = te ? te + 1 : t + tn;
	}
	return 0;
}

static void classify(brief_cleaner *c, lines *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		line *l = &ls->v[i];
		if (l->tn == 0)
			l->kind = L_BLANK;
		else if (matches(c, RX_STAMP, l->t, l->tn))
			l->kind = L_STAMP;
		else if (matches(c, RX_BOILER, l->t, l->tn))
			l->kind = L_DROP;
		else
			l->kind = L_KEEP;
	}
}

/* Ends with 。！？… — or with a closing quote right after one of them:
 * a headline may end with a quoted phrase (拉来“洋年货”), a sentence
 * ends with 。” */
static bool ends_sentence(const char *s, size_t n)
{
	static const char *const ends[] = { "。", "！", "？", "!", "?", "…", "；",
					    NULL };
	static const char *const quotes[] = { "”", "」", "』", "’", NULL };
	for (const char *const *q = quotes; *q; q++) {
		size_t k = strlen(*q);
		if (n >= k && memcmp(s + n - k, *q, k) == 0) {
			n -= k;
			break;
		}
	}
	for (const char *const *e = ends; *e; e++) {
		size_t k = strlen(*e);
		if (n >= k && memcmp(s + n - k, *e, k) == 0)
			return true;
	}
	return false;
}

/*
 * Related-article lists: a headline and/or a snippet above each of
 * several date-time lines. Two stamps close together make a list. The
 * line right above a stamp is part of its item; the one above that too,
 * unless it is a paragraph of the story (long, and ending a sentence).
 */
static void drop_item_above(lines *ls, size_t stamp)
{
	size_t taken = 0;
	for (size_t j = stamp; j-- > 0 && taken < 2;) {
		line *l = &ls->v[j];
		if (l->kind == L_BLANK || l->kind == L_DROP)
			continue;
		if (l->kind != L_KEEP)
			break;          /* the previous item's stamp */
		if (taken == 1 && brief_utf8_chars(l->t, l->tn) > 40 &&
		    ends_sentence(l->t, l->tn))
			break;
		l->kind = L_DROP;
		taken++;
	}
}

static void drop_lists(lines *ls)
{
	size_t prev = (size_t)-1;
	for (size_t i = 0; i < ls->n; i++) {
		if (ls->v[i].kind != L_STAMP)
			continue;
		bool list = prev != (size_t)-1 && i - prev <= 8;
		for (size_t j = i + 1; !list && j < ls->n && j <= i + 8; j++)
			list = ls->v[j].kind == L_STAMP;
		if (list)
			drop_item_above(ls, i);
		prev = i;
	}
	for (size_t i = 0; i < ls->n; i++)
		if (ls->v[i].kind == L_STAMP)
			ls->v[i].kind = L_DROP;
}

/* A headline repeated at the foot of the page (print views do it). */
static void drop_repeated_title(lines *ls)
{
	const line *title = NULL;
	for (size_t i = 0; i < ls->n && !title; i++)
		if (ls->v[i].kind == L_KEEP)
			title = &ls->v[i];
	if (!title || ends_sentence(title->t, title->tn) || title->tn > 120)
		return;
	for (size_t i = (size_t)(title - ls->v) + 1; i < ls->n; i++) {
		line *l = &ls->v[i];
		if (l->kind == L_KEEP && l->tn == title->tn &&
		    memcmp(l->t, title->t, l->tn) == 0)
			l->kind = L_DROP;
	}
}

/* ---------------------------------------------------------------- */
/* Transforming a kept line.                                         */

/* Full-width ASCII variants to ASCII, through utf8proc's compatibility
 * decomposition; Chinese punctuation (，。：（）) is left alone. */
static uint32_t fold(uint32_t cp, uint32_t prev, uint32_t next)
{
	bool digit_around = (prev >= '0' && prev <= '9') || (next >= 0xFF10 && next <= 0xFF19) ||
			    (next >= '0' && next <= '9');
	if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0xFF05 ||
	    (cp == 0xFF0E && digit_around)) {
		utf8proc_int32_t d[4];
		int last;
		utf8proc_ssize_t n = utf8proc_decompose_char(
			(utf8proc_int32_t)cp, d, 4,
			(utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &last);
		if (n == 1)
			return (uint32_t)d[0];
	}
	if (cp == 0x3000 || cp == 0xA0)
		return ' ';
	return cp;
}

/* Whether a code point starting with this byte may need folding:
 * U+00A0 (C2), U+3000 (E3 80 80) and the full-width forms (EF BC/BD). */
static bool may_fold(const unsigned char *u, size_t left)
{
	return (u[0] == 0xC2 && left > 1 && u[1] == 0xA0) ||
	       (u[0] == 0xE3 && left > 2 && u[1] == 0x80 && u[2] == 0x80) ||
	       (u[0] == 0xEF && left > 1 && (u[1] == 0xBC || u[1] == 0xBD));
}

static void fold_into(brief_buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0;
	uint32_t prev = 0;
	/* most text needs nothing: copy it in runs */
	while (run < n && !may_fold((const unsigned char *)s + run, n - run))
		run++;
	brief_buf_put(b, s, run);
	if (run == n)
		return;
	i = run;
	if (run > 0) {
		size_t p = brief_utf8_prev(s, run);
		prev = brief_utf8_next(s, n, &p);
	}
	while (i < n) {
		uint32_t cp = brief_utf8_next(s, n, &i);
		size_t j = i;
		uint32_t next = j < n ? brief_utf8_next(s, n, &j) : 0;
		uint32_t f = fold(cp, prev, next);
		brief_buf_put_cp(b, f);
		prev = f;
	}
}

/*
 * ASCII marks inside Chinese text become the full-width marks Chinese
 * print uses, so that every output shows the same text: ,;:?! between
 * Han characters (a space after the mark goes too; ?! may also end the
 * line), and a pair of
 * parentheses holding Han text next to Han (县(市) -> 县（市）).
 * Figures and Latin keep theirs: 5.5%,6% and (GDP) stay.
 */
static uint32_t wide(uint32_t cp)
{
	switch (cp) {
	case ',': return 0xFF0C;
	case ';': return 0xFF1B;
	case ':': return 0xFF1A;
	case '?': return 0xFF1F;
	case '!': return 0xFF01;
	case '(': return 0xFF08;
	case ')': return 0xFF09;
	default: return 0;
	}
}

/* Han, or a CJK quote or bracket on the side that faces the mark. */
static bool han_side(uint32_t cp, bool before)
{
	static const uint32_t closers[] = { 0x201D, 0x2019, 0xFF09, 0x300B, 0x300D,
					    0x300F, 0x3011, 0 };
	static const uint32_t openers[] = { 0x201C, 0x2018, 0xFF08, 0x300A, 0x300C,
					    0x300E, 0x3010, 0 };
	if (brief_is_han(cp))
		return true;
	for (const uint32_t *p = before ? closers : openers; *p; p++)
		if (*p == cp)
			return true;
	return false;
}

/* The end of the ")" closing the "(" that ends at `i`, when the pair
 * holds Han text on one line within 64 bytes; else 0. */
static size_t han_parens(const char *s, size_t n, size_t i)
{
	bool han = false;
	for (size_t j = i; j < n && j < i + 64;) {
		uint32_t cp = brief_utf8_next(s, n, &j);
		if (cp == ')')
			return han ? j : 0;
		if (cp == '(' || cp == '\n')
			return 0;
		han = han || brief_is_han(cp);
	}
	return 0;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static void widen_into(brief_buf *b, const char *s, size_t n)
{
	size_t i = 0, close = 0;   /* close: the end of a ")" to widen */
	uint32_t prev = 0;
	if (!memchr(s, ',', n) && !memchr(s, ';', n) && !memchr(s, ':', n) &&
	    !memchr(s, '?', n) && !memchr(s, '!', n) && !memchr(s, '(', n)) {
		brief_buf_put(b, s, n);
		return;
	}
	while (i < n) {
		size_t at = i;
		uint32_t cp = brief_utf8_next(s, n, &i);
		uint32_t w = wide(cp);
		size_t after = skip_spaces(s, n, i), k = after;
		uint32_t next = after < n ? brief_utf8_next(s, n, &k) : 0;
		if (cp == '(' && w) {
			size_t end = han_parens(s, n, i);
			uint32_t beyond = 0;
			if (end && end < n) {
				size_t e = end;
				beyond = brief_utf8_next(s, n, &e);
			}
			if (end && (han_side(prev, true) || han_side(beyond, false)))
				close = end;
			else
				w = 0;
		} else if (cp == ')') {
			if (at + 1 != close)
				w = 0;
		} else if (w && han_side(prev, true) &&
			   (han_side(next, false) || ((cp == '?' || cp == '!') && !next))) {
			i = after;      /* "产业, 着力": the space goes with the comma */
		} else {
			w = 0;
		}
		brief_buf_put_cp(b, w ? w : cp);
		prev = w ? w : cp;
	}
}

char *brief_clean_marks(const char *s)
{
	brief_buf b = BRIEF_BUF_INIT;
	if (!s)
		return NULL;
	widen_into(&b, s, strlen(s));
	return brief_buf_detach(&b, NULL);
}

/* Removes every match of `rx` from s[0..n) into b. */
static void strip_matches(brief_cleaner *c, int rx, const char *s, size_t n,
			  brief_buf *b)
{
	size_t at = 0;
	PCRE2_SIZE *ov;
	while (at < n && (ov = brief_rxset_match(&c->s, (size_t)rx, s, at, n))) {
		brief_buf_put(b, s + at, ov[0] - at);
		at = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		if (ov[1] == ov[0])
			brief_buf_put(b, s + ov[0], at - ov[0]);
	}
	if (at < n)
		brief_buf_put(b, s + at, n - at);
}

static char *transform(brief_cleaner *c, const char *s, size_t n,
		       bool plain_pinyin, size_t *out_n)
{
	brief_buf a = BRIEF_BUF_INIT, b = BRIEF_BUF_INIT;
	PCRE2_SIZE *jump = brief_rxset_match(&c->s, RX_JUMP, s, 0, n);
	if (jump) {
		size_t skip = jump[1];
		s += skip;
		n -= skip;
	}
	strip_matches(c, RX_PINYIN, s, n, &a);
	if (plain_pinyin && brief_buf_ok(&a)) {
		strip_matches(c, RX_PLAIN, a.data, a.len, &b);
		brief_buf_free(&a);
		a = b;
		b = (brief_buf)BRIEF_BUF_INIT;
	}
	if (brief_buf_ok(&a))
		fold_into(&b, a.data, a.len);
	brief_buf_free(&a);
	if (brief_buf_ok(&b)) {
		widen_into(&a, b.data, b.len);
		brief_buf_free(&b);
		b = a;
	}
	if (!brief_buf_ok(&b)) {
		brief_buf_free(&b);
		return NULL;
	}
	const char *p = b.data;
	size_t len = b.len;
	trim(&p, &len);
	memmove(b.data, p, len);
	brief_buf_truncate(&b, len);
	return brief_buf_detach(&b, out_n);
}

static size_t count_toned(brief_cleaner *c, const char *s, size_t n)
{
	size_t k = 0, at = 0;
	PCRE2_SIZE *ov;
	while (k < 3 && (ov = brief_rxset_match(&c->s, RX_PINYIN, s, at, n))) {
		at = ov[1];
		k++;
	}
	return k;
}

/* ---------------------------------------------------------------- */
/* Rejoining words broken across lines.                              */

static bool has_clause_mark(const char *s, size_t n)
{
	static const char *const marks[] = { "，", "、", "；", ",", NULL };
	for (const char *const *m = marks; *m; m++)
		for (size_t i = 0; i + strlen(*m) <= n; i++)
			if (memcmp(s + i, *m, strlen(*m)) == 0)
				return true;
	return false;
}

/* Body text, not a heading: long with clause marks, or holding the end
 * of a sentence before its last words. */
static bool body_line(const char *s, size_t n)
{
	size_t chars = brief_utf8_chars(s, n);
	if (chars >= 40 && has_clause_mark(s, n))
		return true;
	if (chars < 16)
		return false;
	for (size_t i = 0; i + 3 <= n; i++)
		if (!memcmp(s + i, "。", 3) || !memcmp(s + i, "！", 3) ||
		    !memcmp(s + i, "？", 3))
			return true;
	return false;
}

/*
 * A body line that stops without ending its sentence, followed by a
 * line that is not a heading and starts with a character that can
 * continue a word: a word broken by the page layout.
 */
static bool continues(const line *a, const line *b)
{
	size_t i = 0;
	if (!a->tout || !b->tout || ends_sentence(a->tout, a->tout_n) ||
	    !body_line(a->tout, a->tout_n) ||
	    brief_utf8_chars(b->tout, b->tout_n) < 12)
		return false;
	uint32_t first = brief_utf8_next(b->tout, b->tout_n, &i);
	return brief_is_han(first) || first == 0x3001 || first == 0xFF0C ||
	       first == 0xFF1B || first == 0x3002;
}

static void mark_joins(lines *ls)
{
	line *prev = NULL;
	for (size_t i = 0; i < ls->n; i++) {
		line *l = &ls->v[i];
		if (l->kind != L_KEEP)
			continue;
		if (prev && continues(prev, l))
			prev->join_next = true;
		prev = l;
	}
}

static char *emit(const lines *ls, bool simp, size_t *len)
{
	brief_buf b = BRIEF_BUF_INIT;
	bool joined = false;
	for (size_t i = 0; i < ls->n; i++) {
		const line *l = &ls->v[i];
		const char *s = simp ? l->tout : l->out;
		size_t n = simp ? l->tout_n : l->out_n;
		if (l->kind != L_KEEP || !s || n == 0)
			continue;
		if (b.len && !joined)
			brief_buf_putc(&b, '\n');
		brief_buf_put(&b, s, n);
		joined = l->join_next;
	}
	if (b.len)
		brief_buf_putc(&b, '\n');
	return brief_buf_detach(&b, len);
}

static void lines_free(lines *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		free(ls->v[i].out);
		free(ls->v[i].tout);
	}
	free(ls->v);
}

int brief_clean(brief_cleaner *c, const char *orig, size_t orig_len,
		const char *simp, size_t simp_len, brief_cleaned *out)
{
	lines ls = { 0 };
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (split(orig, orig_len, simp, simp_len, &ls))
		return -1;
	classify(c, &ls);
	drop_lists(&ls);
	drop_repeated_title(&ls);
	bool plain = count_toned(c, orig, orig_len) >= 3;
	for (size_t i = 0; i < ls.n; i++) {
		line *l = &ls.v[i];
		if (l->kind != L_KEEP)
			continue;
		l->out = transform(c, l->s, l->n, plain, &l->out_n);
		l->tout = l->t == l->s ? NULL : transform(c, l->t, l->tn, plain, &l->tout_n);
		if (!l->out || (l->t != l->s && !l->tout))
			goto out;
		if (!l->tout) {
			l->tout = l->out;       /* borrowed: same script */
			l->tout_n = l->out_n;
		}
	}
	mark_joins(&ls);
	out->orig = emit(&ls, false, &out->orig_len);
	out->simp = emit(&ls, true, &out->simp_len);
	rc = out->orig && out->simp ? 0 : -1;
out:
	for (size_t i = 0; i < ls.n; i++)
		if (ls.v[i].tout == ls.v[i].out)
			ls.v[i].tout = NULL;
	lines_free(&ls);
	if (rc)
		brief_cleaned_free(out);
	return rc;
}

void brief_cleaned_free(brief_cleaned *c)
{
	if (!c)
		return;
	free(c->orig);
	free(c->simp);
	memset(c, 0, sizeof *c);
}
