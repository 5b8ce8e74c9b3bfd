/*
 * The annotated article (src/extract/annot.h) on sentences written here
 * in the style of work reports: clause boundaries, the region each clause
 * is about, section tense, years, quantities and their units, region
 * mentions, list clauses and pieces.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "support/extractor.h"

static brief_test_extractor x;
static brief_annotator *ann;
static brief_article art;
static brief_annot *an;

static void setup(void)
{
	brief_test_extractor_open(&x);
	ann = brief_annotator_new();
	cr_assert_not_null(ann);
}

static void teardown(void)
{
	brief_annot_free(an);
	brief_article_free(&art);
	brief_annotator_free(ann);
	brief_test_extractor_close(&x);
}

TestSuite(annot, .init = setup, .fini = teardown, .timeout = 60);

/* Annotates `text` as an article of its own. */
static void annotate(const char *text)
{
	cr_assert_eq(brief_ingest_bytes(x.ing, "annot.txt", text, strlen(text), &art, &x.diag), 0);
	an = brief_annot_new(ann, x.gaz, &art);
	cr_assert_not_null(an);
}

/* The byte offset of the first `word` in the article's text. */
static size_t at(const char *word)
{
	const char *p = strstr(art.text, word);
	cr_assert_not_null(p, "%s is in the text", word);
	return (size_t)(p - art.text);
}

/* Whether [s, e) of the text is `word`. */
static bool is(size_t s, size_t e, const char *word)
{
	return e - s == strlen(word) && !memcmp(art.text + s, word, e - s);
}

static const char *region_at(const char *word)
{
	const brief_region *r = brief_annot_region(an, at(word));
	return r ? r->name : "(none)";
}

Test(annot, clauses_end_at_marks_and_a_colon_opens_one)
{
	annotate("今年，全区地区生产总值增长6%；主要目标是：财政收入增长5%、税收增长4%。\n");
	const brief_annot_clause *c = brief_annot_clause_at(an, at("地区生产总值"));
	cr_assert_not_null(c);
	cr_assert(is(c->start, c->end, "全区地区生产总值增长6%"));
	/* read back from a figure after the colon, the clause opens there;
	 * read forward from before it, it runs on to the next mark */
	size_t inc = at("财政收入");
	cr_assert(is(brief_annot_clause_start(an, 0, inc), inc, ""));
	c = brief_annot_clause_at(an, at("主要目标"));
	cr_assert(is(c->start, c->end, "主要目标是：财政收入增长5%、税收增长4%"));
	cr_assert_eq(brief_annot_clause_end(an, at("主要目标"), art.text_len), at("。"));
	/* a clause never starts before the bound asked for */
	cr_assert_eq(brief_annot_clause_start(an, at("区地区"), at("增长6%")), at("区地区"));
	size_t n;
	brief_annot_clauses(an, &n);
	cr_assert_eq(n, 4, "今年 / 全区… / 主要目标是： / 财政收入…: %zu", n);
}

Test(annot, a_clause_region_carries_from_the_sentence_before_in_its_paragraph)
{
	annotate("临安区召开全区经济工作会议。临安区将加快建设。\n"
		 "余杭区今年将力争实现突破。会议提出，地区生产总值增长6%。\n"
		 "会议要求，固定资产投资增长8%。\n");
	cr_assert_str_eq(brief_annot_main(an)->name, "临安区");
	cr_assert_str_eq(region_at("地区生产总值"), "余杭区",
			 "named in the sentence before, in the same paragraph");
	cr_assert_str_eq(region_at("固定资产投资"), "临安区",
			 "a paragraph naming no region is about the main one");
}

Test(annot, a_city_in_a_county_article_qualifies_only_its_own_clause)
{
	annotate("建德市召开经济工作会议。\n"
		 "建德市今年将实施杭州市重点项目20个，全市固定资产投资增长8%。\n"
		 "杭州市地区生产总值增长5%，全市规上工业增加值增长7%。\n");
	cr_assert_str_eq(brief_annot_main(an)->name, "建德市");
	cr_assert_str_eq(region_at("重点项目"), "建德市",
			 "a city after the clause's own subject qualifies");
	cr_assert_str_eq(region_at("固定资产投资"), "建德市");
	cr_assert_str_eq(region_at("地区生产总值"), "杭州市", "the city opens its clause");
	cr_assert_str_eq(region_at("规上工业"), "建德市",
			 "the city does not carry to the clause after it");
}

Test(annot, a_review_heading_and_a_goal_heading_set_section_tense)
{
	annotate("2025年政府工作报告\n"
		 "一、2024年工作回顾\n"
		 "全区地区生产总值增长6.1%。\n"
		 "二、2025年主要预期目标\n"
		 "全区地区生产总值增长6%左右。\n");
	cr_assert_eq(brief_annot_plan_year(an), 2025);
	cr_assert_eq(brief_annot_section(an, at("6.1%")), -1, "工作回顾: results");
	cr_assert_eq(brief_annot_section(an, at("6%左右")), 1, "预期目标: goals");
	size_t n;
	const brief_annot_sentence *s = brief_annot_sentences(an, &n);
	cr_assert_eq(n, 5);
	cr_assert_eq(s[2].tense, -1);
	cr_assert_eq(s[4].tense, 1);
}

/* The quantity whose number starts at `num`, or NULL. */
static const brief_quantity *quantity(const char *num)
{
	size_t n, from = at(num);
	const brief_quantity *q = brief_annot_quantities(an, &n);
	for (size_t i = 0; i < n; i++)
		if (q[i].num_s == from)
			return &q[i];
	return NULL;
}

Test(annot, quantities_carry_their_units)
{
	annotate("全区地区生产总值达到1200亿元，增长6.5%，增速高于全省1.2个百分点，"
		 "新增就业3000余人。\n");
	const brief_quantity *q = quantity("1200");
	cr_assert_not_null(q);
	cr_assert(is(q->num_s, q->num_e, "1200") && is(q->unit_s, q->unit_e, "亿元"));
	q = quantity("6.5");
	cr_assert(q && is(q->unit_s, q->unit_e, "%"));
	q = quantity("1.2");
	cr_assert(q && is(q->unit_s, q->unit_e, "个百分点"), "the longest unit, not 个");
	q = quantity("3000");
	cr_assert(q && q->more, "3000余人: a bound between number and unit");
	cr_assert(is(q->num_s, q->num_e, "3000") && is(q->unit_s, q->unit_e, "人"));
	size_t n, np;
	brief_annot_quantities(an, &n);
	cr_assert_eq(n, 4);
	const brief_piece *p = brief_annot_pieces(an, &np);
	cr_assert_eq(np, 1);
	cr_assert_eq(p[0].nqty, 4, "one sentence, one piece, its four quantities");
}

Test(annot, a_region_name_inside_other_words_is_no_mention)
{
	annotate("市委和县委召开全县经济工作会议。龙泉市农业增加值增长4%。\n");
	size_t n;
	const brief_region_hit *h = brief_annot_hits(an, &n);
	cr_assert_eq(n, 1, "和县 of 市委和县委 is no mention: %zu hits", n);
	cr_assert_str_eq(h[0].region->name, "龙泉市");
	cr_assert_eq(h[0].start, at("龙泉市"));
}

Test(annot, years_and_names_in_a_range)
{
	annotate("2023年，该区规上工业增加值增长8%，到2027年力争突破千亿元。\n");
	cr_assert_eq(brief_annot_year_in(an, 0, at("规上")), 2023);
	cr_assert_eq(brief_annot_year_in(an, 0, art.text_len), 2027, "the last one");
	cr_assert_eq(brief_annot_year_in(an, at("该区"), at("力争")), 2027);
	cr_assert_eq(brief_annot_year_in(an, at("该区"), at("到2027")), 0);
	cr_assert_eq(brief_annot_clause_at(an, at("2023"))->year, 2023);
	cr_assert_eq(brief_annot_clause_at(an, at("规上"))->year, 0);
	/* 该区 stands for a region: the indicator starts after it */
	size_t cs = brief_annot_clause_start(an, 0, at("增长8%"));
	cr_assert_eq(brief_annot_last_name(an, cs, at("增长8%")), at("规上"));
}

Test(annot, list_clauses_end_at_a_colon_and_a_bar_not_a_lone_dash)
{
	annotate("签约项目包括：城东—城西快速路项目|滨江公园二期。\n");
	size_t n;
	const brief_span *l = brief_annot_lists(an, &n);
	cr_assert_eq(n, 3);
	cr_assert(is(l[0].start, l[0].end, "签约项目包括"));
	cr_assert(is(l[1].start, l[1].end, "城东—城西快速路项目"));
	cr_assert(is(l[2].start, l[2].end, "滨江公园二期"));
	/* a clause of a measure does end at the dash */
	cr_assert_eq(brief_annot_clause_at(an, at("城西"))->start, at("城西"));
}

Test(annot, a_long_sentence_is_read_in_pieces_cut_at_a_mark)
{
	char *s = malloc(8192);
	strcpy(s, "全区");
	while (strlen(s) < 6000)
		strcat(s, "工业增加值增长5%，");
	strcat(s, "完成。\n");
	annotate(s);
	free(s);
	size_t n, np;
	const brief_annot_sentence *se = brief_annot_sentences(an, &n);
	const brief_piece *p = brief_annot_pieces(an, &np);
	cr_assert_eq(n, 1);
	cr_assert_geq(se[0].npieces, 3);
	size_t nq = 0;
	for (size_t i = 0; i < np; i++) {
		cr_assert_leq(p[i].end - p[i].start, BRIEF_MAXPIECE);
		cr_assert_eq(p[i].start, i ? p[i - 1].end : art.sents[0].start);
		/* cut after a mark: each piece opens a clause */
		cr_assert_eq(brief_annot_clause_at(an, p[i].start)->start, p[i].start);
		nq += p[i].nqty;
	}
	cr_assert_eq(p[np - 1].end, art.sents[0].end);
	size_t total;
	brief_annot_quantities(an, &total);
	cr_assert_eq(nq, total, "every quantity in one piece");
	cr_assert_gt(total, 200);
}

/* The sentence holding the first `word`. */
static const brief_annot_sentence *sentence_of(const char *word)
{
	size_t off = at(word), n;
	const brief_annot_sentence *s = brief_annot_sentences(an, &n);
	for (size_t i = 0; i < n; i++)
		if (art.sents[i].start <= off && off < art.sents[i].end)
			return &s[i];
	cr_assert_fail("%s is in no sentence", word);
	return NULL;
}

Test(annot, a_paragraph_opening_frame_holds_until_a_time_is_named)
{
	annotate("上半年，全县完成固定资产投资12亿元。工业投资增长8%。\n\n"
		 "消费市场持续回暖。\n\n去年，全县社会消费品零售总额增长5%。\n");
	cr_assert_str_eq(sentence_of("固定资产投资")->frame, "上半年");
	cr_assert_str_eq(sentence_of("工业投资")->frame, "上半年");
	/* set by a paragraph's opening: it goes on to the next paragraph */
	cr_assert_str_eq(sentence_of("消费市场")->frame, "上半年");
	cr_assert_eq(sentence_of("消费市场")->frame_month, 0);
	/* 去年 names another time */
	cr_assert_str_eq(sentence_of("社会消费品")->frame, "");
}

Test(annot, a_frame_of_months_keeps_its_last_month_and_ends_with_its_paragraph)
{
	annotate("全区经济运行平稳。1至5月份，全区规上工业增加值增长7%。\n\n"
		 "全区招商引资成效明显。\n");
	const brief_annot_sentence *s = sentence_of("规上工业");
	cr_assert_str_eq(s->frame, "1-5月");
	cr_assert_eq(s->frame_month, 5);
	cr_assert_str_eq(sentence_of("经济运行")->frame, "");
	/* set inside its paragraph, not by its opening: it ends there */
	cr_assert_str_eq(sentence_of("招商引资")->frame, "");
}

Test(annot, a_paragraph_opening_on_an_event_of_the_present_year_frames_it)
{
	annotate("4月8日，2025年一季度重点项目集中开工活动在城东片区举行。\n\n"
		 "全区完成项目投资30亿元。\n");
	cr_assert_str_eq(sentence_of("集中开工")->frame, "一季度");
	cr_assert_str_eq(sentence_of("项目投资")->frame, "一季度");
}

Test(annot, a_goals_horizon_holds_for_the_sentences_after_it_in_its_paragraph)
{
	annotate("到2030年，全区地区生产总值突破1000亿元。规上工业总产值达到1500亿元。\n\n"
		 "今年，全区财政收入增长5%。\n");
	/* the sentence naming it holds it itself: its field is what came before */
	cr_assert_str_eq(sentence_of("地区生产总值")->horizon, "");
	cr_assert_str_eq(sentence_of("规上工业")->horizon, "到2030年");
	cr_assert_str_eq(sentence_of("财政收入")->horizon, "");
}

Test(annot, a_year_of_comparison_or_a_horizon_after_the_figures_is_no_horizon)
{
	annotate("2024年，全区旅游收入恢复至2019年的95%。游客人数增长12%。\n\n"
		 "全区研发投入增长9%，力争未来五年翻一番。高新技术企业达到200家。\n");
	cr_assert_str_eq(sentence_of("游客人数")->horizon, "");
	cr_assert_str_eq(sentence_of("高新技术")->horizon, "");
}

Test(annot, indicator_names_of_the_canon_are_found_once_the_longest_at_each_place)
{
	annotate("今年全区地区生产总值增长6%，规模以上工业增加值增长8%，固投增长5%，"
		 "新增城镇就业1.2万人。\n");
	size_t n;
	const brief_indicator_span *v = brief_annot_indicators(an, &n);
	cr_assert_eq(n, 4);
	cr_assert(is(v[0].start, v[0].end, "地区生产总值"));
	cr_assert_str_eq(v[0].name, "GDP");
	cr_assert(v[0].whole);
	/* not 工业增加值 inside it */
	cr_assert(is(v[1].start, v[1].end, "规模以上工业增加值"));
	cr_assert_str_eq(v[1].name, "规上工业增加值");
	cr_assert_str_eq(v[2].name, "固定资产投资");
	/* an alias the finders' reading trims (新增 leads a phrase) is found,
	 * but its name is not taken for the phrase unread */
	cr_assert(is(v[3].start, v[3].end, "新增城镇就业"));
	cr_assert_str_eq(v[3].name, "城镇新增就业");
	cr_assert_not(v[3].whole);
	size_t s = at("固投");
	cr_assert_eq(brief_annot_indicator_at(an, s, s + strlen("固投")), &v[2]);
	cr_assert_null(brief_annot_indicator_at(an, s, s + strlen("固投增长")));
	cr_assert_null(brief_annot_indicator_at(an, at("工业增加值"), at("增长8%")));
}

Test(annot, an_indicator_name_spaced_by_the_page_is_no_span)
{
	annotate("全区社会消费品零售 总额增长4%。\n");
	size_t n;
	brief_annot_indicators(an, &n);
	cr_assert_eq(n, 0);
}
