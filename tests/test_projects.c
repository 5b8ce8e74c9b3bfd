/*
 * Key projects on sentences in the styles of work reports and project
 * news: lists closed by 等, building verbs, names with their stage, their
 * own investment or one a clause later, and what is no project (totals,
 * counts, officials, kinds of projects, events).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/internal.h"
#include "ingest/ingest.h"
#include "support/extractor.h"

static brief_test_extractor x;
static brief_facts fs;

static void setup(void)
{
	brief_test_extractor_open(&x);
	memset(&fs, 0, sizeof fs);
}

static void teardown(void)
{
	brief_facts_free(&fs);
	brief_test_extractor_close(&x);
}

TestSuite(projects, .init = setup, .fini = teardown, .timeout = 60);

static void read_text(const char *text)
{
	brief_article a;
	cr_assert_eq(brief_ingest_bytes(x.ing, "t.txt", text, strlen(text), &a, &x.diag), 0);
	brief_facts_free(&fs);
	memset(&fs, 0, sizeof fs);
	cr_assert_eq(brief_extract(x.ext, &a, &fs), 0);
	brief_article_free(&a);
}

static size_t nprojects(void)
{
	size_t n = 0;
	for (size_t i = 0; i < fs.n; i++)
		n += fs.v[i].type == BRIEF_FACT_PROJECT;
	return n;
}

/* The project of exactly this name, or NULL. */
static const brief_fact *project(const char *name)
{
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i].type == BRIEF_FACT_PROJECT && !strcmp(fs.v[i].name, name))
			return &fs.v[i];
	return NULL;
}

/* No project's name holds `part`. */
static void no_project_with(const char *part)
{
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i].type == BRIEF_FACT_PROJECT)
			cr_assert_null(strstr(fs.v[i].name, part), "%s is no project", fs.v[i].name);
}

static const brief_fact *must(const char *name, const char *region, const char *status)
{
	const brief_fact *f = project(name);
	cr_assert_not_null(f, "missed %s", name);
	cr_assert_str_eq(f->region, region, "%s", name);
	if (status)
		cr_assert_str_eq(f->status, status, "%s", name);
	else
		cr_assert_null(f->status, "%s: %s", name, f->status);
	return f;
}

static void invest(const brief_fact *f, double yi)
{
	if (yi == 0) {
		cr_assert_not(f->has_investment, "%s: %g", f->name, f->investment_yi);
		return;
	}
	cr_assert(f->has_investment, "%s has no investment", f->name);
	cr_assert_float_eq(f->investment_yi, yi, 1e-9, "%s", f->name);
}

Test(projects, list_closed_by_deng_with_a_count_and_a_stage)
{
	read_text("桐乡市今年以来,恒远新材料、锦湖智能装备产业园等18个亿元以上项目竣工投产,"
		  "北港生物医药中心、南湖数据谷一期等9个项目加快推进。");
	invest(must("恒远新材料", "桐乡市", "投产"), 0);
	invest(must("锦湖智能装备产业园", "桐乡市", "投产"), 0);
	must("北港生物医药中心", "桐乡市", "在建");
	must("南湖数据谷一期", "桐乡市", "在建");
	no_project_with("个");
	cr_assert_eq(nprojects(), 4);
}

Test(projects, each_named_with_its_own_investment)
{
	read_text("德清县集中开工的重点项目分别为:总投资12.5亿元的莫干山数字文旅综合体项目、"
		  "总投资4800万元的乾元镇污水管网改造工程、总投资3亿元的新市高端轴承生产项目。");
	invest(must("莫干山数字文旅综合体项目", "德清县", "开工"), 12.5);
	invest(must("乾元镇污水管网改造工程", "德清县", "开工"), 0.48);
	invest(must("新市高端轴承生产项目", "德清县", "开工"), 3);
	no_project_with("重点项目");
}

Test(projects, total_after_a_list_belongs_to_no_project)
{
	read_text("海宁市举行一季度重大项目集中开工活动,共集中开工长安镇物流园、"
		  "许村纺织科技园等项目26个,总投资88亿元。");
	invest(must("长安镇物流园", "海宁市", "开工"), 0);
	invest(must("许村纺织科技园", "海宁市", "开工"), 0);
	cr_assert_eq(nprojects(), 2);
}

Test(projects, totals_counts_and_officials_are_no_projects)
{
	read_text("余杭区今年计划实施政府投资项目215个、总投资760亿元,力争引进亿元以上产业项目40个。"
		  "区委书记张强、区长王明等出席开工仪式。全区重点项目建设加快推进。");
	cr_assert_eq(nprojects(), 0);
}

Test(projects, lists_opened_by_a_building_verb)
{
	read_text("余杭区今年将完工仁和大桥、良渚二号路;加快建设未来科技城医院二期、瓶窑水厂扩建工程;"
		  "新开工建设闲林综合交通枢纽。");
	must("仁和大桥", "余杭区", "竣工");
	must("良渚二号路", "余杭区", "竣工");
	must("未来科技城医院二期", "余杭区", "在建");
	must("瓶窑水厂扩建工程", "余杭区", "在建");
	must("闲林综合交通枢纽", "余杭区", "开工");
	cr_assert_eq(nprojects(), 5);
}

Test(projects, building_verb_before_no_facility_names_nothing)
{
	read_text("余杭区今年将加快建设分布式、多功能的社区养老服务设施,完成保交楼年度任务,"
		  "实施品质提升行动。");
	cr_assert_eq(nprojects(), 0);
}

Test(projects, name_with_its_stage_and_the_investment_a_sentence_later)
{
	read_text("萧山区湘湖未来学校项目日前顺利开工。项目总投资约6.8亿元,建成后可提供学位2000个。");
	invest(must("萧山区湘湖未来学校项目", "萧山区", "开工"), 6.8);
}

Test(projects, investment_in_the_next_clause_of_a_numbered_item)
{
	read_text("余杭区2025年重点项目清单\n1.良渚高铁综合枢纽项目,总投资28亿元,计划年内开工。\n"
		  "2.径山茶文化园项目,总投资5.5亿元。");
	invest(must("良渚高铁综合枢纽项目", "余杭区", NULL), 28);
	invest(must("径山茶文化园项目", "余杭区", NULL), 5.5);
}

Test(projects, investment_in_a_paren_after_the_name)
{
	read_text("余杭区加快建设临平智能制造产业园(总投资16亿元)。");
	invest(must("临平智能制造产业园", "余杭区", "在建"), 16);
}

Test(projects, names_introduced_after_xiangmu_and_a_joint_sum)
{
	read_text("余杭区在省重大招商项目集中签约活动上成功签约两个项目。"
		  "其中我区签约项目为智能传感器研发项目和冷链物流中心项目,投资总额达20亿元。");
	invest(must("智能传感器研发项目", "余杭区", NULL), 0);
	invest(must("冷链物流中心项目", "余杭区", NULL), 0);
	no_project_with("两个");
}

Test(projects, one_sum_for_two_joined_names)
{
	read_text("余杭区投资45亿元的江南大道快速路和沿江隧道工程进展顺利。");
	invest(must("江南大道快速路", "余杭区", "在建"), 0);
	invest(must("沿江隧道工程", "余杭区", "在建"), 0);
}

Test(projects, ceremony_at_a_project_site)
{
	read_text("海宁市集中开工活动主会场设在尖山新能源装备产业园项目现场。");
	must("尖山新能源装备产业园项目", "海宁市", NULL);
}

Test(projects, quotes_and_pinyin_glosses_leave_the_name)
{
	read_text("余杭区今年以来,“星空”音乐(lè )公园、运河湾体育中心等项目加快建设。");
	must("星空音乐公园", "余杭区", "在建");
	must("运河湾体育中心", "余杭区", "在建");
}

Test(projects, a_county_named_inside_a_name_is_not_its_region)
{
	read_text("湖州市今年将加快建设德清通航产业园、长兴储能电站等重点项目。");
	must("德清通航产业园", "湖州市", "在建");
	must("长兴储能电站", "湖州市", "在建");
}

Test(projects, an_event_or_a_kind_is_no_project)
{
	read_text("余杭区2025年第一批重大项目集中开工仪式举行。以此次项目集中开工为契机,"
		  "全区二期项目和制造业项目加快推进。");
	cr_assert_eq(nprojects(), 0);
}

Test(projects, list_of_sectors_is_no_list_of_projects)
{
	read_text("余杭区聚焦生物医药、集成电路等重点领域建设,推进新能源、新材料等产业项目落地。");
	cr_assert_eq(nprojects(), 0);
}

Test(projects, flattened_table_rows_with_the_investment_column)
{
	read_text("余杭区2025年市重点建设项目表\n"
		  "序号|项目名称|建设内容|总投资(万元)|进度\n"
		  "1|仁和先进制造产业园项目|厂房20万平方米|56000|开工\n"
		  "2|运河新城中学扩建工程|教学楼两幢|9800|在建\n"
		  "合计|||65800|\n");
	invest(must("仁和先进制造产业园项目", "余杭区", "开工"), 5.6);
	invest(must("运河新城中学扩建工程", "余杭区", "在建"), 0.98);
	cr_assert_eq(nprojects(), 2);
}

Test(projects, a_table_of_measures_names_no_project)
{
	read_text("余杭区主要指标完成情况\n"
		  "指标名称|单位|绝对值|增长\n"
		  "固定资产投资|亿元|420|5.1%\n"
		  "一般公共预算收入|亿元|198|3.2%\n");
	cr_assert_eq(nprojects(), 0);
}

Test(projects, total_right_after_a_name_in_one_clause)
{
	read_text("余杭区今年将重点推进以下项目:良渚数字文创园项目计划总投资18亿元,"
		  "瓶窑物流中心项目总投资约7亿元。");
	invest(must("良渚数字文创园项目", "余杭区", NULL), 18);
	invest(must("瓶窑物流中心项目", "余杭区", NULL), 7);
	cr_assert_eq(nprojects(), 2);
}

Test(projects, numbered_items_with_their_totals)
{
	read_text("余杭区今年重点项目:(1)闲林数字文创园项目,总投资18亿元;(二)塘栖冷链物流中心项目,"
		  "总投资约7亿元;③仁和大桥项目,总投资2亿元。");
	invest(must("闲林数字文创园项目", "余杭区", NULL), 18);
	invest(must("塘栖冷链物流中心项目", "余杭区", NULL), 7);
	invest(must("仁和大桥项目", "余杭区", NULL), 2);
}

Test(projects, a_slogan_is_no_project)
{
	read_text("余杭区将加快建设全省先进制造业高地,打造区域性科创中心,建设现代化国际大都市。");
	cr_assert_eq(nprojects(), 0);
}

Test(projects, count_whose_project_word_comes_later)
{
	read_text("嘉善县今年以来,祥符荡科创中心、恒泰精密轴承等3个省重大、12个市级重点项目全部开工。");
	must("祥符荡科创中心", "嘉善县", "开工");
	must("恒泰精密轴承", "嘉善县", "开工");
	cr_assert_eq(nprojects(), 2);
}

Test(projects, building_verb_before_a_name_opening_with_a_head_character)
{
	read_text("余杭区今年,加快建设城西科创大走廊。");
	must("城西科创大走廊", "余杭区", "在建");
}

Test(projects, projects_in_general_are_no_project)
{
	read_text("余杭区推动更多优质项目落地见效,确保重大项目早开工、早投产。"
		  "新开工项目42个,竣工项目18个。");
	cr_assert_eq(nprojects(), 0);
}

Test(projects, an_investment_goes_to_its_own_name_only)
{
	read_text("余杭区去年,总投资20亿元的瓶窑新材料实验室二期项目主体结顶,"
		  "仓前高铁新城综合体项目开工。");
	invest(must("瓶窑新材料实验室二期项目", "余杭区", NULL), 20);
	invest(must("仓前高铁新城综合体项目", "余杭区", "开工"), 0);
}

Test(projects, names_listed_after_an_intro_clause)
{
	read_text("余杭区今年集中开工的重点项目主要包括:闲林数字文创园项目、塘栖冷链物流中心,"
		  "仁和中学扩建工程。仓前体育中心项目有序推进。");
	must("闲林数字文创园项目", "余杭区", "开工");
	must("塘栖冷链物流中心", "余杭区", "开工");
	must("仁和中学扩建工程", "余杭区", "开工");
	must("仓前体育中心项目", "余杭区", "在建");
	cr_assert_eq(nprojects(), 4);
}

/* Half a megabyte of list separators, project words and modifiers ends
 * fast in the project finder (run alone: the measures have their own
 * limits test). */
Test(projects, hostile_lists_finish)
{
	static const char *const units[] = { "项目、", "等项目开工", "总投资1亿元的", "中心顺利",
					     "中心顺利开工，", "1" };
	brief_projects *p = brief_projects_new();
	cr_assert_not_null(p);
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
		size_t k = strlen(units[u]), n = (1u << 19) / k * k;
		char *s = malloc(n + 64);
		strcpy(s, "余杭区今年将");
		size_t at = strlen(s);
		while (at + k < n) {
			memcpy(s + at, units[u], k);
			at += k;
		}
		s[at] = '\0';
		brief_article a;
		cr_assert_eq(brief_ingest_bytes(x.ing, "h.txt", s, at, &a, &x.diag), 0);
		brief_annotator *an = brief_annotator_new();
		brief_annot *t = an ? brief_annot_new(an, x.gaz, &a) : NULL;
		cr_assert_not_null(t);
		cr_assert_eq(brief_extract_projects(p, x.gaz, t, &a, &fs), 0);
		cr_assert_lt(nprojects(), 100000);
		brief_annot_free(t);
		brief_annotator_free(an);
		brief_article_free(&a);
		free(s);
	}
	brief_projects_free(p);
}

Test(projects, a_list_after_a_stage_and_a_colon)
{
	read_text("清河区重大项目集中开工。\n\n同时开工的还有：清河港综合码头工程、"
		  "城南片区棚户区改造项目、古镇文旅综合体项目。\n");
	cr_assert(project("清河港综合码头工程"));
	cr_assert(project("城南片区棚户区改造项目"));
	cr_assert(project("古镇文旅综合体项目"));
}

Test(projects, a_table_with_a_place_column_gives_each_its_county)
{
	read_text("清河市2025年重点项目清单公布\n\n"
		  "序号|项目名称|建设地点|总投资（亿元）|建设性质\n"
		  "1|滨江纺织产业园二期|西湖区|45.6|新建\n"
		  "2|抽水蓄能电站|建德市|92|续建\n");
	const brief_fact *f = project("滨江纺织产业园二期");
	cr_assert(f && f->region);
	cr_assert_str_eq(f->region, "西湖区");
	f = project("抽水蓄能电站");
	cr_assert(f && f->region && f->status);
	cr_assert_str_eq(f->region, "建德市");
	cr_assert_str_eq(f->status, "在建", "续建 is a project under way");
	cr_assert(f->has_investment && f->investment_yi == 92);
}

Test(projects, a_clause_opening_with_an_intro_lists_the_projects_counted)
{
	read_text("清河市重大项目集中签约。\n\n清河区签约项目5个，总投资71亿元，"
		  "包括新能源电池结构件项目、高端特种纸项目。\n");
	cr_assert(project("新能源电池结构件项目"));
	cr_assert(project("高端特种纸项目"));
}
