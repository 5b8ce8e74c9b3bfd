/*
 * The language tables and the article analysis the extractor reads: units
 * (currencies kept apart, area, mass), the indicator canon, the tense of
 * a report's sections, the plan year, flattened tables, the document's
 * subject (a city named in a county's report, a digest of districts, a
 * short form inside a word). Every text here is written for the test in
 * the style of government work reports and planning news.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support/extractor.h"
#include "util/lexicon.h"

static brief_test_extractor x;

static void setup(void)
{
	brief_test_extractor_open(&x);
}

static void teardown(void)
{
	brief_test_extractor_close(&x);
}

TestSuite(language, .init = setup, .fini = teardown, .timeout = 60);

static void facts_of_text(const char *text, brief_facts *fs)
{
	brief_test_facts_of_text(&x, text, fs);
}

/* The target or actual with this value and unit, or NULL. */
static const brief_fact *measure(const brief_facts *fs, double value, const char *unit)
{
	for (size_t i = 0; i < fs->n; i++) {
		const brief_fact *f = &fs->v[i];
		if ((f->type == BRIEF_FACT_TARGET || f->type == BRIEF_FACT_ACTUAL) &&
		    f->has_value && fabs(f->value - value) < 1e-6 && f->unit &&
		    !strcmp(f->unit, unit))
			return f;
	}
	return NULL;
}

static size_t measures(const brief_facts *fs)
{
	size_t n = 0;
	for (size_t i = 0; i < fs->n; i++)
		n += fs->v[i].type == BRIEF_FACT_TARGET || fs->v[i].type == BRIEF_FACT_ACTUAL;
	return n;
}

/* A figure the text gives, with the indicator it must be named by. */
typedef struct named {
	double v;
	const char *unit, *name;
} named;

/* Each figure of want[] is read and named as it says. */
static void names_are(const brief_facts *fs, const named *want, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const brief_fact *f = measure(fs, want[i].v, want[i].unit);
		cr_assert(f && f->indicator, "%g%s read", want[i].v, want[i].unit);
		cr_assert_str_eq(f->indicator, want[i].name);
	}
}

Test(language, tables_load_with_their_classes)
{
	const char *const *pct = brief_words("units.tsv", "pct");
	cr_assert(pct && pct[0], "units.tsv has per cent");
	const char *const *usd = brief_words("units.tsv", "currency-usd");
	bool yi = false;
	for (size_t i = 0; usd[i]; i++)
		yi |= !strcmp(usd[i], "亿美元");
	cr_assert(yi, "亿美元 is a currency of its own");
	cr_assert(brief_words("cues.tsv", "section-result")[0]);
	cr_assert_null(brief_words("cues.tsv", "no-such-class")[0]);
	cr_assert_null(brief_lexicon_get("no-such-table.tsv"));
}

Test(language, currencies_areas_and_masses_keep_their_units)
{
	brief_facts fs;
	facts_of_text("发布时间：2025-01-20\n\n2024年，桐庐县实际使用外资2.6亿美元，增长8%；"
		      "新建高标准农田3.4万亩；粮食总产量达到21.5万吨。\n", &fs);
	const brief_fact *f = measure(&fs, 2.6, "亿美元");
	cr_assert(f, "2.6亿美元 is not 亿元");
	cr_assert_str_eq(f->indicator, "实际利用外资", "实际使用外资 is one indicator");
	cr_assert_null(measure(&fs, 2.6, "亿元"));
	cr_assert(measure(&fs, 3.4, "万亩"));
	f = measure(&fs, 21.5, "万吨");
	cr_assert(f);
	cr_assert_str_eq(f->indicator, "粮食总产量");
	cr_assert_eq(f->type, BRIEF_FACT_ACTUAL, "2024年, written in 2025: a result");
	brief_facts_free(&fs);
}

Test(language, spaced_digits_and_percentage_points)
{
	brief_facts fs;
	facts_of_text("2024年，长丰县一般公共预算收入完成 3 2.5 亿元，按可比口径增长 1 2 %；"
		      "常住人口城镇化率提高1.2个百分点。\n", &fs);
	cr_assert(measure(&fs, 32.5, "亿元"), "3 2.5 亿元 is one number");
	cr_assert(measure(&fs, 12, "%"), "1 2 %% is one number");
	const brief_fact *f = measure(&fs, 1.2, "个百分点");
	cr_assert(f);
	cr_assert_str_eq(f->kind, "growth");
	brief_facts_free(&fs);
}

Test(language, canon_names_an_indicator_one_way)
{
	brief_facts fs;
	facts_of_text("今年，桐庐县地区生产总值增长6.5%左右，社零增长7%，固投增长9%。\n", &fs);
	cr_assert_str_eq(measure(&fs, 6.5, "%")->indicator, "GDP");
	cr_assert_str_eq(measure(&fs, 7, "%")->indicator, "社会消费品零售总额");
	cr_assert_str_eq(measure(&fs, 9, "%")->indicator, "固定资产投资");
	brief_facts_free(&fs);
}

Test(language, a_margin_over_the_city_is_no_fact)
{
	brief_facts fs;
	facts_of_text("2024年，德清县地区生产总值增长6.8%，高于全市平均水平1.1个百分点。\n", &fs);
	cr_assert(measure(&fs, 6.8, "%"));
	cr_assert_null(measure(&fs, 1.1, "个百分点"), "a margin over another region's figure");
	brief_facts_free(&fs);
}

/* A work report: the review of the year before, then the year's goals,
 * with words (计划, 同比) that would mislead out of their section. */
static const char report[] =
	"长丰县2025年政府工作报告\n\n"
	"一、2024年工作回顾\n\n"
	"全县地区生产总值完成420亿元，增长6.1%；完成年度计划的102%。"
	"规模以上工业增加值增长9%。\n\n"
	"二、2025年主要预期目标\n\n"
	"地区生产总值增长6%左右；一般公共预算收入同比增长5%；"
	"固定资产投资增长8%以上。\n";

Test(language, sections_say_results_or_goals)
{
	brief_facts fs;
	facts_of_text(report, &fs);
	const brief_fact *f = measure(&fs, 420, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "the review reports");
	cr_assert_eq(f->year, 2024);
	f = measure(&fs, 9, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	f = measure(&fs, 5, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "同比 in a section of goals");
	cr_assert_eq(f->year, 2025);
	f = measure(&fs, 8, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	cr_assert_str_eq(f->bound, "min");
	brief_facts_free(&fs);
}

Test(language, a_sentence_opening_with_the_year_before_reports_it)
{
	brief_facts fs;
	facts_of_text("清河区召开经济工作会议。\n\n"
		      "2025年，全区规上工业总产值达到812亿元。2026年，全区将力争规上工业总产值"
		      "突破900亿元。\n", &fs);
	const brief_fact *f = measure(&fs, 812, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	f = measure(&fs, 900, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	brief_facts_free(&fs);
}

Test(language, a_table_of_main_indicators)
{
	brief_facts fs;
	facts_of_text("关于嘉兴市2025年上半年国民经济和社会发展计划执行情况的报告\n\n"
		      "序号 | 指标名称 | 单位 | 年度目标 | 上半年实绩 | 增速(%)\n"
		      "1 | 地区生产总值(GDP) | 亿元 | 增长6%以上 | 1520.4 | 5.8\n"
		      "2 | 固定资产投资 | 亿元 | 增长5% | — | 3.1\n"
		      "3 | 常住人口城镇化率 | % | 71.5 | 年度指标 |\n", &fs);
	const brief_fact *f = measure(&fs, 6, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	cr_assert_str_eq(f->indicator, "GDP");
	cr_assert_str_eq(f->bound, "min");
	cr_assert_eq(f->year, 2025, "a half-year report reports on its own plan year");
	f = measure(&fs, 1520.4, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	f = measure(&fs, 5.8, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL && !strcmp(f->kind, "growth"));
	f = measure(&fs, 3.1, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "a dash holds the level's place");
	cr_assert_null(measure(&fs, 3.1, "亿元"));
	f = measure(&fs, 71.5, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	cr_assert_eq(measures(&fs), 6);
	brief_facts_free(&fs);
}

/* The region of the fact with this value and unit. */
static const char *region_of(const brief_facts *fs, double value, const char *unit)
{
	const brief_fact *f = measure(fs, value, unit);
	cr_assert(f, "no fact %g %s", value, unit);
	return f->region;
}

Test(language, a_city_named_in_a_county_report_qualifies)
{
	brief_facts fs;
	facts_of_text("建德市召开高质量发展大会。\n\n"
		      "2024年，建德市实施杭州市重点项目12个，全市地区生产总值增长5.9%。"
		      "一般公共预算收入增长3.2%。\n", &fs);
	cr_assert_str_eq(region_of(&fs, 5.9, "%"), "建德市");
	cr_assert_str_eq(region_of(&fs, 3.2, "%"), "建德市",
			 "the city named as a modifier is no subject for the next sentence");
	brief_facts_free(&fs);
}

Test(language, a_digest_of_districts)
{
	brief_facts fs;
	facts_of_text("重庆市各区县两会看新年目标\n\n"
		      "江北\n\n"
		      "2025年目标：地区生产总值增长6%左右。\n\n"
		      "渝北\n\n"
		      "2025年目标：地区生产总值增长6.5%，固定资产投资增长7%。\n", &fs);
	cr_assert_str_eq(region_of(&fs, 6, "%"), "江北区");
	cr_assert_str_eq(region_of(&fs, 6.5, "%"), "渝北区");
	cr_assert_str_eq(region_of(&fs, 7, "%"), "渝北区");
	brief_facts_free(&fs);
}

Test(language, a_short_form_inside_a_word_is_no_region)
{
	brief_facts fs;
	/* 投资兴业 holds the short form of a county of Hunan */
	facts_of_text("湖南省宁乡市召开大会。\n\n2024年，宁乡市吸引30家企业投资兴业，"
		      "规上工业增加值增长8.2%。\n", &fs);
	for (size_t i = 0; i < fs.n; i++)
		cr_assert(!fs.v[i].region || strcmp(fs.v[i].region, "资兴市"), "%s", fs.v[i].region);
	cr_assert_str_eq(region_of(&fs, 8.2, "%"), "宁乡市");
	brief_facts_free(&fs);
}

Test(language, a_batch_of_projects_has_a_total)
{
	brief_facts fs;
	facts_of_text("3月2日，安平县一季度重点项目集中开工，共有项目26个，总投资88.6亿元。\n", &fs);
	const brief_fact *f = measure(&fs, 88.6, "亿元");
	cr_assert(f, "the batch's total investment is a fact of the county");
	cr_assert(f->indicator && strstr(f->indicator, "总投资"));
	cr_assert_eq(f->type, BRIEF_FACT_ACTUAL);
	cr_assert(measure(&fs, 26, "个"));
	brief_facts_free(&fs);
}

Test(language, a_rank_of_the_growth_just_given)
{
	brief_facts fs;
	facts_of_text("发布时间：2025-01-20\n\n2024年，德清县地区生产总值同比增长6.4%、增速全市第一；"
		      "工业总产值达1260亿元、居全市之首。\n", &fs);
	const brief_fact *f = NULL;
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i].kind && !strcmp(fs.v[i].kind, "rank") && fs.v[i].indicator &&
		    !strcmp(fs.v[i].indicator, "GDP增速"))
			f = &fs.v[i];
	cr_assert(f, "增速全市第一 ranks the GDP growth before it");
	cr_assert_eq(f->value, 1);
	cr_assert_str_eq(f->unit, "名");
	cr_assert_str_eq(f->scope, "全市", "全市第一 is not 全省第一");
	brief_facts_free(&fs);
}

Test(language, a_value_keeps_its_scope)
{
	brief_facts fs;
	facts_of_text("发布时间：2025-01-20\n\n2024年，德清县区本级一般公共预算收入完成58.2亿元，"
		      "工业增加值占全市比重为11.5%。\n", &fs);
	const brief_fact *f = measure(&fs, 58.2, "亿元");
	cr_assert(f && f->scope);
	cr_assert_str_eq(f->scope, "区本级");
	f = measure(&fs, 11.5, "%");
	cr_assert(f && f->scope);
	cr_assert_str_eq(f->scope, "全市");
	brief_facts_free(&fs);
}

Test(language, horizons_estimates_and_falls)
{
	brief_facts fs;
	facts_of_text("发布时间：2025-01-20\n\n预计2024年德清县地区生产总值增长6.1%，"
		      "单位地区生产总值能耗下降3.2%。到2027年，德清县地区生产总值突破"
		      "1000亿元。\n", &fs);
	const brief_fact *f = measure(&fs, 6.1, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "预计 of a year just ended is a result");
	f = measure(&fs, -3.2, "%");
	cr_assert(f, "下降 is a negative growth");
	cr_assert_str_eq(f->indicator, "单位GDP能耗");
	f = measure(&fs, 1000, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	cr_assert_str_eq(f->period, "到2027年", "a horizon is kept as the period");
	cr_assert_eq(f->year, 2027);
	brief_facts_free(&fs);
}

Test(language, work_items_after_a_lead_in_are_goals)
{
	brief_facts fs;
	/* the items say no tense; the sentence leading their paragraph does,
	 * and a paragraph led by a plain statement does not */
	facts_of_text("清河区召开经济工作会议，明确2026年主要预期目标。\n\n"
		      "全区将重点抓好五个方面工作。一是做强先进制造。推进装备产业集约发展，"
		      "实现装备产值120亿元以上。全年新增规上工业企业30家。\n\n"
		      "制造业是经济的重要支撑。全区现有规上工业企业410家。\n", &fs);
	const brief_fact *f = measure(&fs, 120, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "an item's output is a goal");
	f = measure(&fs, 30, "家");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "so is the next item's count");
	f = measure(&fs, 410, "家");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "重要 is no 要 of a goal");
	brief_facts_free(&fs);
}

Test(language, figures_a_region_puts_forward_are_goals)
{
	brief_facts fs;
	facts_of_text("清河区召开经济工作会议。\n\n"
		      "记者获悉，2026年清河区提出，地区生产总值增长6%左右，"
		      "一般公共预算收入增长4%。\n\n"
		      "会上，代表们提出意见建议86件。\n", &fs);
	const brief_fact *f = measure(&fs, 6, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	f = measure(&fs, 4, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	f = measure(&fs, 86, "件");
	cr_assert(!f || f->type == BRIEF_FACT_ACTUAL, "提出 with its object says no goal");
	brief_facts_free(&fs);
}

Test(language, about_a_figure_is_a_goal_when_nothing_else_says)
{
	brief_facts fs;
	facts_of_text("清河区经济运行情况。\n\n"
		      "全区社会消费品零售总额增长7%左右。全区规上工业增加值增长8.1%。\n", &fs);
	const brief_fact *f = measure(&fs, 7, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	f = measure(&fs, 8.1, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	brief_facts_free(&fs);
}

Test(language, what_is_done_so_far_is_a_result_within_a_plan)
{
	brief_facts fs;
	facts_of_text("清河区召开重点项目推进会。\n\n"
		      "2026年，清河区计划推进重点项目40个，年度计划投资80亿元，"
		      "1至5月实际完成投资45亿元。目前为止，全区已有18个项目实现开工。\n", &fs);
	const brief_fact *f = measure(&fs, 40, "个");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	f = measure(&fs, 45, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "实际完成 says a result in a plan's sentence");
	f = measure(&fs, 18, "个");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "已有 too, after a paragraph of plans");
	brief_facts_free(&fs);
}

/* The target or actual with this value and unit: its indicator. */
static const char *indicator_of(const brief_facts *fs, double value, const char *unit)
{
	const brief_fact *f = measure(fs, value, unit);
	return f && f->indicator ? f->indicator : "";
}

Test(language, a_change_and_ranks_name_what_was_just_counted)
{
	brief_facts fs;
	facts_of_text("清河县国民经济和社会发展统计公报。\n\n"
		      "全县地区生产总值达到236亿元，净增21.5亿元，同比增长7.2%，"
		      "总量全市第三，增速全市第一。一般公共预算收入完成18亿元，"
		      "总量全市第二、全省第九。\n", &fs);
	cr_assert_str_eq(indicator_of(&fs, 21.5, "亿元"), "GDP净增");
	cr_assert_str_eq(indicator_of(&fs, 7.2, "%"), "GDP", "净增 is no indicator of the growth");
	size_t ranks = 0;
	for (size_t i = 0; i < fs.n; i++) {
		const brief_fact *f = &fs.v[i];
		if (!f->kind || strcmp(f->kind, "rank"))
			continue;
		ranks++;
		cr_assert(f->indicator && strncmp(f->indicator, "第", 3),
			  "a rank named by the rank before it: %s", f->indicator);
		if (f->value == 1)
			cr_assert_str_eq(f->indicator, "GDP增速");
		if (f->value == 9)
			cr_assert_str_eq(f->indicator, "一般公共预算收入总量");
	}
	cr_assert_eq(ranks, 4);
	brief_facts_free(&fs);
}

Test(language, how_a_growth_is_computed_and_a_second_list_of_the_same)
{
	brief_facts fs;
	facts_of_text("清河区召开会议。\n\n"
		      "清河2026年主要预期目标是:地区生产总值(GDP)按不变价计算增长6%。\n\n"
		      "2025年，全区一般公共预算收入和支出分别达8.6亿元、31.2亿元，"
		      "分别增长5.4%、2.1%。\n", &fs);
	cr_assert_str_eq(indicator_of(&fs, 6, "%"), "GDP");
	const char *in = indicator_of(&fs, 5.4, "%"), *out = indicator_of(&fs, 2.1, "%");
	cr_assert_str_eq(in, indicator_of(&fs, 8.6, "亿元"), "收入's growth: %s", in);
	cr_assert_str_eq(out, indicator_of(&fs, 31.2, "亿元"), "支出's growth: %s", out);
	cr_assert_str_neq(in, out);
	brief_facts_free(&fs);
}

Test(language, a_level_after_a_growth_measures_the_same)
{
	brief_facts fs;
	facts_of_text("清河县政府工作报告。\n\n"
		      "过去一年，全县地区生产总值增长5.8%，首次突破两百亿元大关，达到203.6亿元。"
		      "今后五年，力争GDP年均增长7%，到2030年达到300亿元。"
		      "全县安排资金8000万元。\n", &fs);
	cr_assert_str_eq(indicator_of(&fs, 203.6, "亿元"), "GDP");
	cr_assert_str_eq(indicator_of(&fs, 300, "亿元"), "GDP");
	cr_assert_str_neq(indicator_of(&fs, 0.8, "亿元"), "GDP", "a sentence of its own");
	brief_facts_free(&fs);
}

Test(language, a_plan_figure_closing_a_sentence_frames_nothing_after)
{
	brief_facts fs;
	facts_of_text("清河区举行第三批重大项目集中开工活动。\n\n"
		      "本批集中开工项目41个，总投资86亿元。\n\n"
		      "其中，亿元以上项目11个，总投资62亿元，年度计划投资20亿元。"
		      "分行业看，制造业项目18个，总投资40亿元。\n", &fs);
	const brief_fact *f = measure(&fs, 20, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "the year's plan is a goal");
	f = measure(&fs, 18, "个");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "the projects of the batch are no goal");
	f = measure(&fs, 40, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	brief_facts_free(&fs);
}

Test(language, bounds_and_arrangements_only_goals_make)
{
	brief_facts fs;
	facts_of_text("清河区召开项目推进会。\n\n"
		      "全区新引进企业不少于800家。全区新引进企业623家。\n\n"
		      "清河区共安排区级重点项目120个，总投资560亿元。\n", &fs);
	const brief_fact *f = measure(&fs, 800, "家");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "不少于 is a goal's bound");
	f = measure(&fs, 623, "家");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	f = measure(&fs, 120, "个");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "projects arranged are planned");
	brief_facts_free(&fs);
}

Test(language, counts_named_after_them_and_their_predicate)
{
	brief_facts fs;
	facts_of_text("清河区政府工作报告。\n\n"
		      "过去一年，全区320个区重点项目、1450个“攻坚行动”项目投资分别完成"
		      "年度计划的112%和106%。全区新增规上工业企业36家、高新技术企业58家。\n", &fs);
	cr_assert_str_eq(indicator_of(&fs, 320, "个"), "区重点项目");
	const char *q = indicator_of(&fs, 1450, "个");
	cr_assert(strstr(q, "攻坚行动") && !strstr(q, "完成"), "%s", q);
	brief_facts_free(&fs);
}

Test(language, bounds_read_from_the_words_around_a_number)
{
	brief_facts fs;
	facts_of_text("清河区政府工作报告。\n\n"
		      "今年，全区力争地区生产总值增长6%以上，单位GDP能耗下降不超过3%，"
		      "社会消费品零售总额增长5%左右。\n", &fs);
	const brief_fact *f = measure(&fs, 6, "%");
	cr_assert(f && f->bound && !strcmp(f->bound, "min"));
	f = measure(&fs, 3, "%");
	cr_assert(f && f->bound && !strcmp(f->bound, "max"), "不超过 is no 超过");
	f = measure(&fs, 5, "%");
	cr_assert(f && f->bound && !strcmp(f->bound, "approx"));
	brief_facts_free(&fs);
}

Test(language, the_year_before_as_a_basis_is_no_result)
{
	brief_facts fs;
	facts_of_text("清河区政府工作报告。\n\n"
		      "2026年全区经济发展的主要预期目标是：地区生产总值增长6%左右，"
		      "固定资产投资与上年度持平﹔粮食总产量保持在12.5万吨以上。\n", &fs);
	const brief_fact *f = measure(&fs, 12.5, "万吨");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "与上年度持平 compares, it reports nothing");
	brief_facts_free(&fs);
}

Test(language, a_years_investment_of_projects_started_is_planned)
{
	brief_facts fs;
	facts_of_text("清河区举行重大项目集中开工活动。\n\n"
		      "1月8日，清河区2026年一季度重大项目集中开工活动举行，集中开工重点项目18个，"
		      "总投资约96亿元，年度投资约27亿元。\n\n"
		      "2025年，全区重点项目完成年度投资64亿元。\n", &fs);
	const brief_fact *f = measure(&fs, 27, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "the year's investment is planned");
	f = measure(&fs, 96, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	f = measure(&fs, 64, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "完成年度投资 reports it");
	brief_facts_free(&fs);
}

Test(language, a_frame_set_after_the_first_figure_carries_on)
{
	brief_facts fs;
	facts_of_text("清河区政府工作报告。\n\n"
		      "一是做大做强经济实力。加快实施320个亿元以上重大项目，确保地区生产总值增长6%左右。"
		      "滚动推进45个片区更新改造。\n", &fs);
	const brief_fact *f = measure(&fs, 45, "个");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "the paragraph sets goals");
	brief_facts_free(&fs);
}

Test(language, a_rank_in_a_named_city)
{
	brief_facts fs;
	facts_of_text("清河区国民经济和社会发展统计公报。\n\n"
		      "全区规上工业增加值增长9.1%，增速位居滨海市第二。\n", &fs);
	const brief_fact *f = NULL;
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i].kind && !strcmp(fs.v[i].kind, "rank"))
			f = &fs.v[i];
	cr_assert(f && f->value == 2, "a rank among a named city's districts");
	cr_assert_str_eq(f->indicator, "规上工业增加值增速");
	brief_facts_free(&fs);
}

Test(language, a_name_never_ends_in_a_figure_of_its_own)
{
	brief_facts fs;
	facts_of_text("清河县2024年国民经济和社会发展统计公报。\n\n"
		      "2024年，全县新增设施蔬菜面积3万亩，茶产业年产值超45亿元，"
		      "引进8个20亿元以上项目。\n", &fs);
	const brief_fact *f = measure(&fs, 45, "亿元");
	cr_assert(f, "45亿元 is read");
	cr_assert_str_eq(f->indicator, "茶产业年产值", "年产值 is an indicator, 年产 a capacity");
	f = measure(&fs, 8, "个");
	cr_assert(f && f->indicator, "8个 is read and named");
	cr_assert(strstr(f->indicator, "20亿元以上项目"), "a threshold inside a name: %s", f->indicator);
	for (size_t i = 0; i < fs.n; i++)
		cr_assert(!fs.v[i].indicator || !strstr(fs.v[i].indicator, "3万亩"),
			  "a figure ends no name: %s", fs.v[i].indicator);
	brief_facts_free(&fs);
}

Test(language, figures_go_with_a_list_of_years_one_by_one)
{
	brief_facts fs;
	facts_of_text("清河区召开新春第一会。\n\n"
		      "清河区社会消费品零售总额分别在2022年、2023年突破600亿元和700亿元，"
		      "今年力争突破800亿元。\n", &fs);
	const brief_fact *a = measure(&fs, 600, "亿元"), *b = measure(&fs, 700, "亿元");
	cr_assert(a && b);
	cr_assert_eq(a->year, 2022);
	cr_assert_eq(b->year, 2023);
	cr_assert_str_eq(a->indicator, "社会消费品零售总额");
	cr_assert_str_eq(b->indicator, "社会消费品零售总额");
	cr_assert_str_eq(b->bound, "min", "突破 bounds both figures of the list");
	brief_facts_free(&fs);
}

Test(language, a_part_of_the_year_opening_a_paragraph_frames_what_follows)
{
	brief_facts fs;
	facts_of_text("发布时间：2025-02-06\n\n清河区新春文旅消费火热。\n\n"
		      "春节期间，清河区累计接待游客12.5万人次。其中，乡村旅游接待游客3.2万人次。\n\n"
		      "据悉，区文旅局联动各街道，推出了40余场活动。\n\n"
		      "一季度签约项目8个、二季度签约项目11个。去年，全区GDP增长6.1%。\n", &fs);
	const brief_fact *f = measure(&fs, 3.2, "万人次");
	cr_assert(f && f->year == 2025 && f->period && strstr(f->period, "春节"),
		  "the paragraph's frame: %s", f ? f->period : "none");
	f = measure(&fs, 40, "场");
	cr_assert(f && f->year == 2025 && f->period && strstr(f->period, "春节"),
		  "and the paragraphs after it: %s", f ? f->period : "none");
	f = measure(&fs, 6.1, "%");
	cr_assert(f && f->year == 2024, "去年 names a time of its own");
	f = measure(&fs, 11, "个");
	cr_assert(f && f->period && !strstr(f->period, "春节"), "a new paragraph, a new time");
	brief_facts_free(&fs);
}

Test(language, money_put_to_a_use_is_named_after_it_and_thresholds_are_no_figures)
{
	brief_facts fs;
	facts_of_text("清河区召开新春第一会。\n\n"
		      "今年，全区将安排120.5亿元财政资金，梯次培育一批产值超5亿元、20亿元的"
		      "产业链，力争GDP增长6%。\n", &fs);
	const brief_fact *f = measure(&fs, 120.5, "亿元");
	cr_assert(f && f->indicator && f->type == BRIEF_FACT_TARGET);
	cr_assert_str_eq(f->indicator, "财政资金安排");
	cr_assert_null(measure(&fs, 5, "亿元"), "a threshold of a class is no target");
	cr_assert_null(measure(&fs, 20, "亿元"));
	cr_assert(measure(&fs, 6, "%"));
	brief_facts_free(&fs);
}

Test(language, a_village_the_paragraph_is_about_keeps_its_figures)
{
	brief_facts fs;
	facts_of_text("清河区召开全体会议。\n\n2020年，清河区GDP增长6%。\n\n"
		      "东湖村位于城南街道，此前年收入不足一百万元。2020年村集体总收入达1200.5万元。\n\n"
		      "全区规上工业增加值增长8%。\n", &fs);
	const brief_fact *f = measure(&fs, 1200.5, "万元");
	cr_assert(f && f->region, "the village's income is read");
	cr_assert_str_eq(f->region, "东湖村");
	cr_assert_null(f->region_code, "a village makes no briefing of its own");
	f = measure(&fs, 8, "%");
	cr_assert(f && f->region_code && !strcmp(f->region, "清河区"), "the next paragraph is the district's");
	f = measure(&fs, 6, "%");
	cr_assert(f && !strcmp(f->region, "清河区"));
	brief_facts_free(&fs);
}

Test(language, framing_and_page_leftovers_are_no_part_of_a_name)
{
	brief_facts fs;
	facts_of_text("清河区2024年国民经济和社会发展统计公报。\n\n"
		      "2024年，全区一般公共预算收入12.5亿元，按可比 口径计算增长7%。"
		      "（供稿）总投资61.3亿元的18个项目集中签约，二季度签约40个。\n", &fs);
	const brief_fact *f = measure(&fs, 7, "%");
	cr_assert(f && f->indicator);
	cr_assert_str_eq(f->indicator, "一般公共预算收入", "a method of counting names nothing");
	for (size_t i = 0; i < fs.n; i++)
		cr_assert(!fs.v[i].indicator || !strstr(fs.v[i].indicator, "供稿"), "%s",
			  fs.v[i].indicator);
	f = measure(&fs, 40, "个");
	cr_assert(f && f->indicator);
	cr_assert_str_eq(f->indicator, "签约项目", "签约 keeps its 约 and counts projects");
	brief_facts_free(&fs);
}

Test(language, a_name_of_two_things_is_split_over_its_two_figures)
{
	brief_facts fs;
	facts_of_text("清河区2024年国民经济和社会发展统计公报。\n\n"
		      "2024年，全区城乡居民人均可支配收入分别达到6.3万元和3.1万元；"
		      "城镇和农村常住居民人均消费支出分别增长4.2%和6.6%。\n", &fs);
	static const named want[] = {
		{ 6.3, "万元", "城镇居民人均可支配收入" },
		{ 3.1, "万元", "农村居民人均可支配收入" },
		{ 4.2, "%", "城镇常住居民人均消费支出" },
		{ 6.6, "%", "农村常住居民人均消费支出" },
	};
	names_are(&fs, want, sizeof want / sizeof *want);
	brief_facts_free(&fs);
}

Test(language, a_communique_names_what_was_counted_not_who_or_how)
{
	brief_facts fs;
	facts_of_text("清河县2024年国民经济和社会发展统计公报。\n\n"
		      "初步核算，全年全县地区生产总值（GDP）305.2亿元。规模以上工业企业实现营业收入"
		      "512.6亿元。年末全县规模以上工业企业214家，比上年末增加15家。工业投资增长9.6%，"
		      "占固定资产投资的比重为38.5%。\n", &fs);
	static const named want[] = {
		{ 305.2, "亿元", "GDP" },
		{ 512.6, "亿元", "营业收入" },
		{ 15, "家", "规模以上工业企业增加" },
		{ 38.5, "%", "工业投资占固定资产投资的比重" },
	};
	names_are(&fs, want, sizeof want / sizeof *want);
	brief_facts_free(&fs);
}

Test(language, news_of_an_event_reports_the_present_year)
{
	brief_facts fs;
	facts_of_text("清河区一季度重大项目集中开工\n来源：清河日报 2025-03-12\n\n"
		      "3月11日上午，清河区一季度重大项目集中开工仪式举行。此次集中开工项目共15个，"
		      "总投资86.5亿元。\n\n其中，投资10亿元以上项目3个。\n\n"
		      "1-2月，全区固定资产投资同比增长12.3%。1-11月份，全区工业投资增长6%。\n", &fs);
	const brief_fact *f = measure(&fs, 15, "个");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL && f->year == 2025, "此次: the event's year");
	f = measure(&fs, 3, "个");
	cr_assert(f && f->year == 2025, "其中: the time of the sentence before");
	f = measure(&fs, 12.3, "%");
	cr_assert(f && f->year == 2025 && f->period && !strcmp(f->period, "2025年1-2月"), "%s",
		  f ? f->period : "none");
	f = measure(&fs, 6, "%");
	cr_assert(f && f->year == 2024 && f->period && !strcmp(f->period, "2024年1-11月"),
		  "months not yet come round in March are last year's: %s", f ? f->period : "none");
	brief_facts_free(&fs);
}

Test(language, a_modal_between_name_and_verb_and_a_level_reached)
{
	brief_facts fs;
	facts_of_text("清河区召开新春第一会。\n发布时间：2025-02-06\n\n"
		      "会议明确，2025年全区地区生产总值力争增长6.5%以上，R&D经费投入强度达到3.2%。"
		      "会上，清河区集中签约项目18个。\n", &fs);
	const brief_fact *f = measure(&fs, 6.5, "%");
	cr_assert(f && f->indicator);
	cr_assert_str_eq(f->indicator, "GDP", "力争 is no part of the name");
	f = measure(&fs, 3.2, "%");
	cr_assert(f && f->kind);
	cr_assert_str_eq(f->kind, "share", "an intensity reached, not a growth");
	f = measure(&fs, 18, "个");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL && f->year == 2025, "会上: at the meeting");
	brief_facts_free(&fs);
}

Test(language, a_years_target_said_in_its_review)
{
	brief_facts fs;
	facts_of_text("关于清河区2024年计划执行情况的报告\n发布时间：2025-01-08\n\n"
		      "一、2024年计划执行情况\n预计全年地区生产总值增长6.0%，完成年度目标（6.5%）的92.3%。\n", &fs);
	const brief_fact *f = measure(&fs, 6.5, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET && f->year == 2024, "the target of the year reviewed");
	cr_assert_str_eq(f->indicator, "GDP");
	f = measure(&fs, 92.3, "%");
	cr_assert(f && f->indicator && f->kind);
	cr_assert_str_eq(f->kind, "share");
	cr_assert(strstr(f->indicator, "GDP") && strstr(f->indicator, "目标"), "%s", f->indicator);
	f = measure(&fs, 6.0, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL && f->year == 2024);
	brief_facts_free(&fs);
}

Test(language, the_whole_province_in_a_countys_news_is_the_province)
{
	brief_facts fs;
	facts_of_text("德清县入选省级特色产业集群\n发布时间：2024-11-20\n\n"
		      "德清县地理信息产业集群入选。全省共有28个集群入选，德清县地理信息产业营收"
		      "增长12%，占全省的15%。\n", &fs);
	const brief_fact *f = measure(&fs, 28, "个");
	cr_assert(f && f->region);
	cr_assert_str_eq(f->region, "浙江省", "全省 is the province");
	f = measure(&fs, 15, "%");
	cr_assert(f && f->region);
	cr_assert_str_eq(f->region, "德清县", "占全省: the basis of a share, not its subject");
	brief_facts_free(&fs);
}

Test(language, a_rank_after_a_figure_ranks_its_indicator)
{
	brief_facts fs;
	facts_of_text("清河区2024年经济运行情况。\n\n"
		      "2024年，清河区农业总产值达86.5亿元、居全市之首，增长6.6%；工业项目入库40个、全市第二。\n",
		      &fs);
	const brief_fact *first = NULL, *second = NULL;
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i].kind && !strcmp(fs.v[i].kind, "rank"))
			*(fs.v[i].value == 1 ? &first : &second) = &fs.v[i];
	cr_assert(first && first->indicator && second && second->indicator);
	cr_assert_str_eq(first->indicator, "农业总产值");
	cr_assert_str_eq(second->indicator, "工业项目入库");
	brief_facts_free(&fs);
}

Test(language, an_events_part_of_the_year_frames_the_paragraphs_after_it)
{
	brief_facts fs;
	facts_of_text("清河市一季度重大项目集中签约\n发布时间：2025-03-28\n\n"
		      "3月27日，清河市2025年一季度重大项目集中签约活动举行，22个项目集中签约。\n\n"
		      "清河区签约项目3个，总投资46亿元。\n\n去年，全市GDP增长6%。\n", &fs);
	const brief_fact *f = measure(&fs, 46, "亿元");
	cr_assert(f && f->year == 2025 && f->period && strstr(f->period, "一季度"), "%s",
		  f ? f->period : "none");
	f = measure(&fs, 6, "%");
	cr_assert(f && f->year == 2024);
	brief_facts_free(&fs);
}

Test(language, a_horizon_holds_for_the_paragraphs_goals_and_levels_moved_to_are_shares)
{
	brief_facts fs;
	facts_of_text("2026年清河区人民政府工作报告\n发布日期：2026年01月20日\n\n"
		      "今后五年的主要目标是：到2030年，地区生产总值突破900亿元；规上工业总产值达到700亿元；"
		      "研发经费投入强度提高到3.1%。\n\n"
		      "2026年主要预期目标：地区生产总值增长5.5%以上。\n", &fs);
	const brief_fact *f = measure(&fs, 700, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_TARGET && f->period);
	cr_assert_str_eq(f->period, "到2030年");
	f = measure(&fs, 3.1, "%");
	cr_assert(f && f->period && f->kind);
	cr_assert_str_eq(f->period, "到2030年");
	cr_assert_str_eq(f->kind, "share", "提高到: a level moved to");
	f = measure(&fs, 5.5, "%");
	cr_assert(f && f->period);
	cr_assert_str_eq(f->period, "全年", "the next paragraph's goals are the year's");
	brief_facts_free(&fs);
}

Test(language, classes_listed_before_one_noun_rank_it_once)
{
	brief_facts fs;
	facts_of_text("清河区召开全会。\n\n2020年，清河区甲类、乙类省重点产业项目数量跃居全市第一，"
		      "GDP、服务业增加值总量保持全市第二。\n", &fs);
	size_t ranks = 0;
	bool one = false;
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i].kind && !strcmp(fs.v[i].kind, "rank")) {
			ranks++;
			one |= fs.v[i].value == 1 && strstr(fs.v[i].indicator, "甲类、乙类");
		}
	cr_assert(one, "甲类、乙类… is one name");
	cr_assert_eq(ranks, 3, "one rank for the classes, one each for GDP and 服务业增加值");
	brief_facts_free(&fs);
}

Test(language, the_year_a_review_names_makes_the_report_the_year_after)
{
	brief_facts fs;
	facts_of_text("2019年清河县政府工作报告\n\n一、过去一年政府工作成效显著\n"
		      "2019年，是我县发展极具挑战的一年。全县地区生产总值增长6.1%。\n", &fs);
	const brief_fact *f = measure(&fs, 6.1, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	cr_assert_eq(f->year, 2019, "the review's own year, not the title's year before: %d", f->year);
	brief_facts_free(&fs);
}

Test(language, a_count_after_a_list_counts_what_its_verb_did)
{
	brief_facts fs;
	facts_of_text("清河区一季度项目建设。\n\n一季度，清河区建成投用市政道路、教育医疗、文化街区等项目12个，"
		      "集中开工锦江花苑、农业光伏电站等项目30个。\n", &fs);
	/* not the list's last item */
	static const named want[] = { { 12, "个", "建成投用项目" }, { 30, "个", "集中开工项目" } };
	names_are(&fs, want, 2);
	brief_facts_free(&fs);
}

Test(language, a_figure_said_of_all_holds_for_each_item_before)
{
	brief_facts fs;
	facts_of_text("清河区政府工作报告。\n\n今年的主要预期目标是：固定资产投资增长9%以上，其中交通投资，"
		      "城市更新投资，民间投资均增长11%以上；全区地区生产总值年均增长6%。\n", &fs);
	const char *want[] = { "交通投资", "城市更新投资", "民间投资" };
	for (size_t w = 0; w < 3; w++) {
		bool found = false;
		for (size_t i = 0; i < fs.n; i++)
			found |= fs.v[i].indicator && !strcmp(fs.v[i].indicator, want[w]) &&
				 fs.v[i].value == 11 && fs.v[i].type == BRIEF_FACT_TARGET;
		cr_assert(found, "%s gets the 11%%", want[w]);
	}
	size_t sixes = 0;
	for (size_t i = 0; i < fs.n; i++)
		sixes += fs.v[i].value == 6;
	cr_assert_eq(sixes, 1, "年均 says no 均");
	brief_facts_free(&fs);
}

Test(language, a_bare_industry_shares_the_measure_of_the_one_after_it)
{
	brief_facts fs;
	facts_of_text("清河区统计公报。\n\n2024年，全区数字经济、文化产业产值分别达到500亿元和210亿元。\n", &fs);
	static const named want[] = { { 500, "亿元", "数字经济产值" }, { 210, "亿元", "文化产业产值" } };
	names_are(&fs, want, 2);
	brief_facts_free(&fs);
}

Test(language, a_breakdown_by_county_measures_what_was_just_measured)
{
	brief_facts fs;
	facts_of_text("衢州市2024年国民经济和社会发展统计公报\n\n2024年，全市地区生产总值2100亿元，增长6.3%。"
		      "分县（市、区）看，柯城区增长7.2%，龙游县增长6.1%。\n", &fs);
	const brief_fact *f = measure(&fs, 7.2, "%");
	cr_assert(f && f->indicator && f->region);
	cr_assert_str_eq(f->indicator, "GDP");
	cr_assert_str_eq(f->region, "柯城区");
	f = measure(&fs, 6.1, "%");
	cr_assert(f && f->indicator && f->region);
	cr_assert_str_eq(f->indicator, "GDP");
	cr_assert_str_eq(f->region, "龙游县");
	brief_facts_free(&fs);
}

Test(language, a_year_end_estimate_is_the_year_ending_and_next_years_goals_the_next)
{
	brief_facts fs;
	facts_of_text("清河区召开经济工作会议\n发布时间：2024-12-20\n\n"
		      "会议指出，预计全年地区生产总值增长5.8%左右。明年，全区将力争地区生产总值增长6.2%。\n", &fs);
	const brief_fact *f = measure(&fs, 5.8, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL && f->year == 2024, "the year now ending");
	f = measure(&fs, 6.2, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET && f->year == 2025, "明年: the next year's goal");
	brief_facts_free(&fs);
}

Test(language, a_milestone_passed_gives_way_to_the_figure)
{
	brief_facts fs;
	facts_of_text("清河区统计公报。\n\n2024年，全区地区生产总值首次突破800亿元、达812.4亿元，增长6.1%。\n", &fs);
	cr_assert(measure(&fs, 812.4, "亿元"));
	cr_assert_null(measure(&fs, 800, "亿元"), "突破800亿元 says no more than the 812.4");
	brief_facts_free(&fs);
}

Test(language, the_months_of_this_year_gone_by_report_and_this_year_alone_sets_goals)
{
	brief_facts fs;
	facts_of_text("长丰县召开县委全会\n\n全会要求，抓牢工业。今年1至5月，全县规上工业总产值完成120.5亿元，"
		      "占全市比重18.6%。\n今年，全县地区生产总值增长6%左右。\n", &fs);
	const brief_fact *f = measure(&fs, 120.5, "亿元");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL, "今年1至5月: months gone by");
	cr_assert(f->period && !strcmp(f->period, "1-5月"));
	f = measure(&fs, 18.6, "%");
	cr_assert(f && f->type == BRIEF_FACT_ACTUAL);
	f = measure(&fs, 6, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET, "今年 alone opens goals");
	brief_facts_free(&fs);
}

/* An undated report: the year its review heading closes, or the last
 * year of the five-year plan it says this year ends, is the year before
 * the one it sets goals for. */
Test(language, an_undated_reports_plan_year_follows_its_review)
{
	brief_facts fs;
	facts_of_text("清河区政府工作报告\n\n一、2018年工作回顾\n\n过去一年，全区地区生产总值增长6.8%。\n\n"
		      "二、今年工作安排\n\n今年全区地区生产总值增长6.5%左右。\n", &fs);
	const brief_fact *f = measure(&fs, 6.5, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	cr_assert_eq(f->year, 2019, "the review of 2018 sets goals for 2019, not %d", f->year);
	brief_facts_free(&fs);
	facts_of_text("清河区政府工作报告\n\n今年是“十三五”收官之年。今年全区地区生产总值增长6%左右。\n", &fs);
	f = measure(&fs, 6, "%");
	cr_assert(f && f->type == BRIEF_FACT_TARGET);
	cr_assert_eq(f->year, 2020, "the last year of the 十三五 is 2020, not %d", f->year);
	brief_facts_free(&fs);
}
