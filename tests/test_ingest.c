/*
 * Ingest on real text: the sample articles in every encoding they come
 * in, a news page in GBK, and the parts (decode, clean, meta, sentences,
 * garbles) on the snippets that made them necessary.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/clean.h"
#include "ingest/decode.h"
#include "ingest/ingest.h"
#include "ingest/meta.h"
#include "ingest/sentence.h"
#include "util/utf8.h"

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)sev;
	if (user)
		snprintf(user, 256, "%s", msg);
}

static char why[256];
static brief_diag diag = { .sink = silent, .user = why };
static brief_ingester *ing;

static void setup(void)
{
	ing = brief_ingester_new(&diag);
	cr_assert_not_null(ing);
}

static void teardown(void)
{
	brief_ingester_free(ing);
}

TestSuite(ingest, .init = setup, .fini = teardown);

static void load(const char *path, brief_article *a)
{
	cr_assert_eq(brief_ingest_file(ing, path, a, &diag), 0, "%s: %s", path, why);
}

static bool has(const brief_article *a, const char *s)
{
	return strstr(a->text, s) != NULL;
}

#define SEED(n) "data/articles/" n

Test(ingest, traditional_seed_with_pinyin_and_garbles)
{
	brief_article a;
	load(SEED("000_851db24ed264abd6.txt"), &a);
	cr_assert_eq(a.script, BRIEF_SCRIPT_TRADITIONAL);
	cr_assert_str_eq(a.encoding, "UTF-8");
	cr_assert(has(&a, "上城区则锚定GDP增长5.5%的目标"));
	cr_assert(has(&a, "区、县（市）"), "real parentheses stay, set full-width");
	cr_assert(has(&a, "首台（套）"));
	cr_assert_not(has(&a, "(qū)") || has(&a, "(huì)") || has(&a, "(gè)"));
	cr_assert(strstr(a.clean_orig, "上城區則錨定GDP增長5.5%的目標"),
		  "the original-script copy is cleaned too");
	cr_assert(strstr(a.original, "區(qū)"), "the decoded original is kept");
	cr_assert_str_eq(a.published, "2025-02-05");
	cr_assert_eq(a.ngarbles, 2);
	char g0[64], g1[64];
	snprintf(g0, sizeof g0, "%.*s", (int)(a.garbles[0].end - a.garbles[0].start),
		 a.text + a.garbles[0].start);
	snprintf(g1, sizeof g1, "%.*s", (int)(a.garbles[1].end - a.garbles[1].start),
		 a.text + a.garbles[1].start);
	cr_assert(strstr(g0, "笆奈濉"), "%s", g0);
	cr_assert(strstr(g1, "shù"), "%s", g1);
	cr_assert_not(strstr(g1, "钱塘区"), "the garble swallowed real text: %s", g1);
	brief_article_free(&a);
}

Test(ingest, web_page_boilerplate_goes_story_stays)
{
	brief_article a;
	load(SEED("001_fb79c2cc7258167d.txt"), &a);
	cr_assert_eq(a.script, BRIEF_SCRIPT_SIMPLIFIED);
	cr_assert_str_eq(a.title, "锚定经济新目标 余杭向杭州城市重要新中心“再出发”");
	cr_assert_str_eq(a.published, "2024-01-17");
	cr_assert_str_eq(a.source, "人民资讯");
	/* the whole story, first to last paragraph */
	cr_assert(has(&a, "眼下，正值余杭的“两会时间”"));
	cr_assert(has(&a, "完成财政总收入801.57亿元、增长19.37%"));
	cr_assert(has(&a, "不断营造鼓励创新、宽容失败、尊商安商的浓厚氛围"));
	/* and nothing around it */
	static const char *const gone[] = {
		"我的订阅", "本文转自", "快照生成时间", "信息原文地址", "更多关于国内的资讯",
		"杭州余杭发放新春餐饮", "长春大冬会", "2026-01-31", "如有侵权",
		"为何能一路领跑", "26国海外侨商", NULL,
	};
	for (const char *const *g = gone; *g; g++)
		cr_assert_not(has(&a, *g), "boilerplate left: %s", *g);
	cr_assert_eq(a.ngarbles, 0);
	brief_article_free(&a);
}

Test(ingest, dateline_and_byline_lines_go)
{
	brief_article a;
	load(SEED("002_aad395e038006355.txt"), &a);
	cr_assert_str_eq(a.published, "2024-02-20");
	cr_assert_str_eq(a.source, "潮新闻");
	cr_assert_not(has(&a, "www.hzsc.com.cn"));
	cr_assert_not(has(&a, "浙新办[2006]23号"));
	cr_assert_not(has(&a, "来源:潮新闻"));
	cr_assert_not(has(&a, "编辑:陈周滢"));
	cr_assert(has(&a, "人勤春来早，万事日相催。"));
	cr_assert_eq(a.ngarbles, 0);
	brief_article_free(&a);
}

Test(ingest, words_broken_across_lines_are_rejoined)
{
	brief_article a;
	load(SEED("004_74212d2662a3d8db.txt"), &a);
	cr_assert(has(&a, "建设都市田园和美乡村；做深做透"));
	cr_assert(has(&a, "当大家沉浸在团圆的喜悦气氛中"));
	/* headings stay on their own lines */
	cr_assert(has(&a, "\n关键词一：“满塘彩”\n"));
	cr_assert(has(&a, "\n2024年度民主生活会\n"));
	cr_assert_not(has(&a, "(上接第1版)"));
	cr_assert_eq(a.ngarbles, 0);
	brief_article_free(&a);
}

Test(ingest, headings_are_not_glued_to_paragraphs)
{
	brief_article a;
	load(SEED("003_b4f9f690818a8c05.txt"), &a);
	cr_assert_eq(a.script, BRIEF_SCRIPT_TRADITIONAL);
	cr_assert(has(&a, "早日变为具体实景\n目标已定"));
	cr_assert_null(a.published, "the article states no date");
	cr_assert_not(has(&a, "分享让更多人看到"));
	brief_article_free(&a);
}

static void same_as(const char *copy, const char *orig, const char *enc)
{
	brief_article a, b;
	load(copy, &a);
	load(orig, &b);
	cr_assert_str_eq(a.encoding, enc, "%s", copy);
	cr_assert_eq(a.invalid_bytes, 0, "%s", copy);
	cr_assert_eq(a.text_len, b.text_len, "%s", copy);
	cr_assert_str_eq(a.text, b.text, "%s", copy);
	cr_assert_str_eq(a.hash, b.hash, "the same decoded text: %s", copy);
	brief_article_free(&a);
	brief_article_free(&b);
}

#define ENC(n, e) "tests/fixtures/encodings/" n "." e ".txt"

Test(ingest, every_encoding_gives_the_same_text)
{
	static const char *const seeds[] = {
		"000_851db24ed264abd6", "001_fb79c2cc7258167d",
		"002_aad395e038006355", "003_b4f9f690818a8c05",
		"004_74212d2662a3d8db",
	};
	char copy[128], orig[128];
	for (size_t i = 0; i < 5; i++) {
		snprintf(copy, sizeof copy, "tests/fixtures/encodings/%s.gb18030.txt", seeds[i]);
		snprintf(orig, sizeof orig, "data/articles/%s.txt", seeds[i]);
		same_as(copy, orig, "GB18030");
	}
	same_as(ENC("001_fb79c2cc7258167d", "utf16le"), SEED("001_fb79c2cc7258167d.txt"), "UTF-16LE");
	same_as(ENC("001_fb79c2cc7258167d", "utf16be"), SEED("001_fb79c2cc7258167d.txt"), "UTF-16BE");
	same_as(ENC("000_851db24ed264abd6", "utf16le"), SEED("000_851db24ed264abd6.txt"), "UTF-16LE");
	same_as(ENC("000_851db24ed264abd6", "big5"), ENC("000_851db24ed264abd6", "big5src"), "BIG5-HKSCS");
	same_as(ENC("003_b4f9f690818a8c05", "big5"), SEED("003_b4f9f690818a8c05.txt"), "BIG5-HKSCS");
}

Test(ingest, news_page_in_gbk_gives_the_story_only)
{
	brief_article a;
	load("tests/fixtures/html/news_gbk.html", &a);
	cr_assert(a.html);
	cr_assert_str_eq(a.encoding, "GB18030");
	cr_assert_str_eq(a.title, "德清县召开2025年“新春第一会” 力争地区生产总值增长6%");
	cr_assert_str_eq(a.published, "2025-02-06");
	cr_assert_str_eq(a.source, "德清新闻网");
	cr_assert_str_eq(a.text,
		"2月5日，德清县召开2025年“新春第一会”，全面部署新一年经济社会发展工作。\n"
		"会议提出，2025年，德清县力争地区生产总值增长6%以上，规上工业增加值增长8%，固定资产投资增长5%左右。\n"
		"今年，德清将聚焦地理信息、生物医药、高端装备三大主导产业，加快推进总投资120亿元的德清通航智造产业园项目建设。\n"
		"去年，全县实现地区生产总值723.6亿元，同比增长6.8%。\n");
	brief_article_free(&a);
}

/* A page: `script` bytes of <script>, the story `depth`
 * <div>s deep. */
static char *hostile_page(size_t script, size_t depth, size_t *n)
{
	static const char story[] =
		"<p>2025年，德清县力争地区生产总值增长6%以上，固定资产投资增长5%左右。</p>";
	size_t cap = script + 12 * depth + sizeof story + 256, o = 0;
	char *s = malloc(cap);
	o += (size_t)sprintf(s, "<html><head><title>德清</title><script>");
	memset(s + o, 'x', script);
	o += script;
	o += (size_t)sprintf(s + o, "</script></head><body>");
	for (size_t i = 0; i < depth; i++)
		o += (size_t)sprintf(s + o, "<div>");
	o += (size_t)sprintf(s + o, "%s", story);
	for (size_t i = 0; i < depth; i++)
		o += (size_t)sprintf(s + o, "</div>");
	o += (size_t)sprintf(s + o, "</body></html>");
	*n = o;
	return s;
}

/* issue 13.2: libxml2 drops the body after a text node over 10 MB and
 * text nested deeper than 256 elements; brief lifts both limits (and
 * walks a deep tree without recursing) */
Test(ingest, huge_script_and_deep_nesting_keep_the_story)
{
	static const size_t cases[][2] = { { 11u << 20, 0 }, { 0, 300 }, { 0, 200000 } };
	for (size_t k = 0; k < 3; k++) {
		size_t n;
		char *page = hostile_page(cases[k][0], cases[k][1], &n);
		brief_article a;
		why[0] = '\0';
		cr_assert_eq(brief_ingest_bytes(ing, "p.html", page, n, &a, &diag), 0,
			     "case %zu: %s", k, why);
		cr_assert(has(&a, "德清县力争地区生产总值增长6%以上"), "case %zu: %s", k, a.text);
		cr_assert_str_eq(why, "", "case %zu: nothing is dropped", k);
		brief_article_free(&a);
		free(page);
	}
}

/* The title read from the raw first line has its marks set as the text's. */
Test(ingest, a_title_has_the_texts_full_width_marks)
{
	static const char text[] = "新年新气象,击鼓又催征\n\n清河区召开大会,部署全年工作。\n";
	brief_article a;
	cr_assert_eq(brief_ingest_bytes(ing, "t.txt", text, sizeof text - 1, &a, &diag), 0);
	cr_assert(a.title);
	cr_assert_str_eq(a.title, "新年新气象，击鼓又催征");
	brief_article_free(&a);
}

/* A flattened table divides its cells with bars: no mojibake. A stray
 * mark in running text still is. */
Test(ingest, a_table_line_is_not_garbled)
{
	static const char text[] = "序号|项目名称|建设地点|总投资\n1|纺织工业城|西湖区|45.6\n"
				   "2|抽水蓄能电站|建德市|92\n\n全区遍_局|腻X塘推进。\n";
	brief_article a;
	cr_assert_eq(brief_ingest_bytes(ing, "t.txt", text, sizeof text - 1, &a, &diag), 0);
	cr_assert_eq(a.ngarbles, 1, "%zu garbled spans", a.ngarbles);
	const char *stray = strstr(a.text, "全区");
	cr_assert(stray && a.text + a.garbles[0].start >= stray, "the stray marks are the garble");
	brief_article_free(&a);
}

/* issue 13.5: opening a FIFO with no writer blocked for good; the
 * library refuses anything but a regular file, and does not wait */
Test(ingest, fifo_is_refused_without_waiting, .timeout = 10)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/brief-fifo-%d.txt", getpid());
	unlink(path);
	cr_assert_eq(mkfifo(path, 0600), 0);
	brief_article a;
	why[0] = '\0';
	int rc = brief_ingest_file(ing, path, &a, &diag);
	unlink(path);
	cr_assert_eq(rc, -1);
	cr_assert(strstr(why, "not a regular file"), "%s", why);
}

/* ---------------------------------------------------------------- */

Test(decode, rejects_what_is_not_text)
{
	brief_decoded d;
	char w[128];
	cr_assert_eq(brief_decode("", 0, false, &d, w, sizeof w), -1);
	cr_assert_str_eq(w, "empty file");
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
	cr_assert_eq(brief_decode(png, sizeof png - 1, false, &d, w, sizeof w), -1);
	cr_assert_str_eq(w, "binary file (NUL bytes)");
	char noise[4096];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof noise; i++) {
		x = x * 1103515245u + 12345u;
		noise[i] = (char)(1 + (x >> 16) % 255);
	}
	cr_assert_eq(brief_decode(noise, sizeof noise, false, &d, w, sizeof w), -1);
	cr_assert_str_eq(w, "not text in any supported encoding");
}

Test(decode, bad_bytes_become_replacement_characters)
{
	/* GBK "钱塘区增长" with one byte broken in the middle */
	static const char gbk[] = "\xc7\xae\xcc\xc1\xc7\xf8\xff\xd4\xf6\xb3\xa4"
				  "\xa3\xac\xb9\xcc\xb6\xa8\xd7\xca\xb2\xfa\xcd\xb6\xd7\xca";
	brief_decoded d;
	char w[128];
	cr_assert_eq(brief_decode(gbk, sizeof gbk - 1, false, &d, w, sizeof w), 0, "%s", w);
	cr_assert_str_eq(d.encoding, "GB18030");
	cr_assert_eq(d.invalid_bytes, 1);
	cr_assert(strstr(d.text, "钱塘区\xEF\xBF\xBD增长"), "%s", d.text);
	cr_assert(strstr(d.text, "固定资产投资"));
	brief_decoded_free(&d);
}

Test(decode, crlf_and_bom)
{
	brief_decoded d;
	char w[128];
	static const char s[] = "\xEF\xBB\xBF第一行\r\n第二行\r第三行";
	cr_assert_eq(brief_decode(s, sizeof s - 1, false, &d, w, sizeof w), 0);
	cr_assert_str_eq(d.text, "第一行\n第二行\n第三行");
	brief_decoded_free(&d);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	char *s = malloc(1 << 20);
	*n = fread(s, 1, 1 << 20, f);
	fclose(f);
	return s;
}

/* issue 13.1: the last character cut off is one bad character, not a
 * reason to read the whole article as GB18030 */
Test(decode, utf8_cut_in_its_last_character_stays_utf8)
{
	size_t n;
	char *s = slurp(SEED("002_aad395e038006355.txt"), &n);
	memcpy(s + n, "\xe6\x96", 2);
	brief_decoded d, whole;
	char w[128];
	cr_assert_eq(brief_decode(s, n, false, &whole, w, sizeof w), 0, "%s", w);
	for (size_t cut = 1; cut <= 2; cut++) {
		cr_assert_eq(brief_decode(s, n + cut, false, &d, w, sizeof w), 0, "%s", w);
		cr_assert_str_eq(d.encoding, "UTF-8");
		cr_assert_eq(d.invalid_bytes, 1);
		cr_assert_eq(d.len, whole.len + 3);
		cr_assert_eq(memcmp(d.text, whole.text, whole.len), 0);
		cr_assert_str_eq(d.text + whole.len, "\xEF\xBF\xBD");
		brief_decoded_free(&d);
	}
	brief_decoded_free(&whole);
	free(s);
}

/* UTF-8 -> UTF-16 (LE or BE) without a BOM */
static size_t to_utf16(const char *s, size_t n, bool be, char *out)
{
	size_t i = 0, o = 0;
	while (i < n) {
		uint32_t cp = brief_utf8_next(s, n, &i);
		uint16_t u[2] = { (uint16_t)cp, 0 };
		int k = 1;
		if (cp > 0xFFFF) {
			u[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
			u[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
			k = 2;
		}
		for (int j = 0; j < k; j++) {
			out[o++] = (char)(be ? u[j] >> 8 : u[j] & 0xFF);
			out[o++] = (char)(be ? u[j] & 0xFF : u[j] >> 8);
		}
	}
	return o;
}

/* issue 13.3: Chinese-heavy UTF-16 has 4-7 % NULs, all but the U+xx00
 * characters' on one side of each pair */
Test(decode, utf16_without_bom_by_where_its_nuls_sit)
{
	static const char *const seeds[] = {
		SEED("002_aad395e038006355.txt"), SEED("000_851db24ed264abd6.txt"),
		SEED("004_74212d2662a3d8db.txt"),
	};
	for (size_t k = 0; k < 3; k++) {
		size_t n;
		char *s = slurp(seeds[k], &n), *wide = malloc(4 * n + 4);
		brief_decoded u8, d;
		char w[128];
		cr_assert_eq(brief_decode(s, n, false, &u8, w, sizeof w), 0, "%s", w);
		for (int be = 0; be < 2; be++) {
			size_t m = to_utf16(s, n, be, wide);
			cr_assert_eq(brief_decode(wide, m, false, &d, w, sizeof w), 0,
				     "%s %s: %s", seeds[k], be ? "BE" : "LE", w);
			cr_assert_str_eq(d.encoding, be ? "UTF-16BE" : "UTF-16LE");
			cr_assert_str_eq(d.text, u8.text);
			brief_decoded_free(&d);
		}
		brief_decoded_free(&u8);
		free(s);
		free(wide);
	}
	/* NULs on one side of binary bytes still make binary */
	char bin[4096];
	unsigned x = 777;
	for (size_t i = 0; i < sizeof bin; i++) {
		x = x * 1103515245u + 12345u;
		bin[i] = i % 2 ? '\0' : (char)(1 + (x >> 16) % 255);
	}
	brief_decoded d;
	char w[128];
	cr_assert_eq(brief_decode(bin, sizeof bin, false, &d, w, sizeof w), -1);
	cr_assert_str_eq(w, "binary file (NUL bytes)");
}

Test(clean, folds_full_width_and_keeps_chinese_punctuation)
{
	brief_cleaner *c = brief_cleaner_new();
	brief_cleaned out;
	static const char s[] = "２０２５年，ＧＤＰ增长５．５％，区、县（市）：确保。";
	cr_assert_eq(brief_clean(c, s, sizeof s - 1, NULL, 0, &out), 0);
	cr_assert_str_eq(out.simp, "2025年，GDP增长5.5%，区、县（市）：确保。\n");
	brief_cleaned_free(&out);
	brief_cleaner_free(c);
}

Test(clean, pinyin_goes_real_parentheses_stay)
{
	brief_cleaner *c = brief_cleaner_new();
	brief_cleaned out;
	static const char s[] = "杭州日報(bào)訊 全市各區(qū)、縣(市)立下GDP(國內生產總值)目標,"
				"錢塘(新)區(qū)的中軸線(zhōng)項(xiàng)目(一期)。";
	cr_assert_eq(brief_clean(c, s, sizeof s - 1, NULL, 0, &out), 0);
	cr_assert_str_eq(out.orig, "杭州日報訊 全市各區、縣（市）立下GDP（國內生產總值）目標，"
				   "錢塘（新）區的中軸線項目（一期）。\n");
	brief_cleaned_free(&out);
	/* a gloss padded with a space */
	static const char p[] = "音樂(lè )公園、運動樂( lè)園開(kāi)工。";
	cr_assert_eq(brief_clean(c, p, sizeof p - 1, NULL, 0, &out), 0);
	cr_assert_str_eq(out.orig, "音樂公園、運動樂園開工。\n");
	brief_cleaned_free(&out);
	brief_cleaner_free(c);
}

Test(meta, dates_in_their_usual_forms)
{
	static const struct { const char *text, *date; } cases[] = {
		{ "标题\n发布时间:2024-01-17 15:51:00 来源:人民资讯\n正文。", "2024-01-17" },
		{ "标题\n2024-02-20 12:57:59来源:潮新闻\n正文。", "2024-02-20" },
		{ "标题\n2025年01月22日 18:29 来源:新华网\n正文。", "2025-01-22" },
		{ "标题\n来源：清河日报 2025-03-12\n正文。", "2025-03-12" },
		{ "政府工作报告（2024年12月29日）\n——2024年12月29日在清河县第十三届人民代表大会"
		  "第四次会议上\n各位代表：", "2024-12-29" },
		{ "2月5日,乙巳蛇年首个工作日,杭州召开大会。", "2025-02-05" },
		{ "3月1日,全区召开会议。2023年是全面贯彻党的二十大精神的开局之年。", "2023-03-01" },
		{ "7月14日,全会召开。", NULL },
		/* the dateline's own year, not a later sentence's review */
		{ "2月6日上午,清河区2026年一季度重点项目集中开工仪式举行。"
		  "2025年,清河区超额完成年度投资计划。", "2026-02-06" },
		{ "3月2日,清河区召开大会,部署到2030年的规划。2026年,全区将力争实现新突破。",
		  "2026-03-02" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		brief_meta m;
		cr_assert_eq(brief_meta_extract(cases[i].text, strlen(cases[i].text), &m), 0);
		if (cases[i].date)
			cr_assert_str_eq(m.published, cases[i].date, "%s", cases[i].text);
		else
			cr_assert_null(m.published, "guessed %s", m.published);
		brief_meta_free(&m);
	}
}

Test(sentence, not_inside_quotes_or_brackets)
{
	static const char t[] = "他说:“今年增长6%。明年更好!”随后散会。三项(一是投资;二是消费)已定。\n新段落";
	brief_sentence *s;
	size_t n = brief_split_sentences(t, strlen(t), &s);
	cr_assert_eq(n, 4);
	char buf[128];
	snprintf(buf, sizeof buf, "%.*s", (int)(s[0].end - s[0].start), t + s[0].start);
	cr_assert_str_eq(buf, "他说:“今年增长6%。明年更好!”");
	snprintf(buf, sizeof buf, "%.*s", (int)(s[2].end - s[2].start), t + s[2].start);
	cr_assert_str_eq(buf, "三项(一是投资;二是消费)已定。");
	cr_assert_eq(s[3].para, 1);
	free(s);
}
