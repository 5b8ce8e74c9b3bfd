/*
 * Industry clusters on sentences written in the shapes planning prose
 * uses: counted and tiered lists, lists a count opens, size tiers, cluster
 * list lines, official lists, one-line headings, and the industry words
 * in prose that are not a region's clusters.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "extract/extract.h"
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

TestSuite(clusters, .init = setup, .fini = teardown, .timeout = 60);

/* The facts of a small article: a title line, then `body`. */
static void extract(const char *body)
{
	char text[4096];
	snprintf(text, sizeof text, "政府工作报告\n%s\n", body);
	brief_article a;
	cr_assert_eq(brief_ingest_bytes(x.ing, "t.txt", text, strlen(text), &a, &x.diag), 0);
	brief_facts_free(&fs);
	memset(&fs, 0, sizeof fs);
	cr_assert_eq(brief_extract(x.ext, &a, &fs), 0);
	brief_article_free(&a);
}

static const brief_fact *cluster(const char *region, const char *name)
{
	for (size_t i = 0; i < fs.n; i++) {
		const brief_fact *f = &fs.v[i];
		if (f->type == BRIEF_FACT_CLUSTER && f->region && !strcmp(f->region, region) &&
		    f->name && !strcmp(f->name, name))
			return f;
	}
	return NULL;
}

static size_t clusters(void)
{
	size_t n = 0;
	for (size_t i = 0; i < fs.n; i++)
		n += fs.v[i].type == BRIEF_FACT_CLUSTER;
	return n;
}

/* Every name of `names` in `region`, each with `tier` (NULL: none). */
static void expect(const char *region, const char *const *names, const char *tier)
{
	for (const char *const *n = names; *n; n++) {
		const brief_fact *f = cluster(region, *n);
		cr_assert_not_null(f, "missed %s %s", region, *n);
		if (tier)
			cr_assert_str_eq(f->tier, tier, "%s", *n);
		else
			cr_assert_null(f->tier, "%s: tier %s", *n, f->tier);
	}
}

Test(clusters, counted_list_with_a_size_tier)
{
	extract("今年,安吉县将着力打造绿色家居、高端装备、生命健康三大千亿级产业集群。");
	static const char *const names[] = { "绿色家居", "高端装备", "生命健康", NULL };
	expect("安吉县", names, "千亿级");
	cr_assert_eq(clusters(), 3, "the verb and the region are not a name");
}

Test(clusters, traditional_script_with_pinyin_glosses)
{
	extract("今年,安吉縣將著力打造綠色家居、高端裝備兩大千億級產(chǎn)業(yè)集群。");
	static const char *const names[] = { "绿色家居", "高端装备", NULL };
	expect("安吉县", names, "千亿级");
}

Test(clusters, list_closed_by_etc_and_a_label)
{
	extract("绵阳市将前瞻布局新型显示、航空航天、核技术应用等未来产业。");
	static const char *const names[] = { "新型显示", "航空航天", "核技术应用", NULL };
	expect("绵阳市", names, "未来产业");
}

Test(clusters, count_opening_the_whole_list)
{
	extract("德清县四大主导产业包括地理信息、生物医药、通用航空、高端装备。");
	static const char *const names[] = { "地理信息", "生物医药", "通用航空", "高端装备", NULL };
	expect("德清县", names, "主导产业");
	extract("安吉县主导产业为绿色家居、高端装备、生命健康。");
	static const char *const tiered[] = { "绿色家居", "高端装备", "生命健康", NULL };
	expect("安吉县", tiered, "主导产业");
	extract("长兴县三大产业为主导。");
	cr_assert_eq(clusters(), 0, "no list, no names");
	extract("柯桥区三大主导产业:现代纺织、绿色化工、时尚创意。");
	static const char *const colon[] = { "现代纺织", "绿色化工", "时尚创意", NULL };
	expect("柯桥区", colon, "主导产业");
}

Test(clusters, one_name_with_a_size_tier)
{
	extract("长兴县已形成一个500亿级的新能源电池产业、一个百亿级的绿色建材产业等两大产业。");
	cr_assert_str_eq(cluster("长兴县", "新能源电池")->tier, "500亿级");
	cr_assert_str_eq(cluster("长兴县", "绿色建材")->tier, "百亿级");
}

Test(clusters, list_then_a_comma_and_the_tier)
{
	extract("义乌市围绕小商品制造、饰品,培育百亿级产业。");
	static const char *const names[] = { "小商品制造", "饰品", NULL };
	expect("义乌市", names, "百亿级");
}

Test(clusters, cluster_list_lines_name_place_and_industry)
{
	extract("2023年度浙江省特色产业集群名单\n"
		"1.浙江湖州长兴县(新能源电池)特色产业集群\n"
		"2.浙江嘉兴海宁市(经编)特色产业集群\n");
	cr_assert_not_null(cluster("长兴县", "新能源电池"));
	cr_assert_not_null(cluster("海宁市", "经编"));
	cr_assert_eq(clusters(), 2, "the list's title names no industry");
}

Test(clusters, a_list_of_places_and_their_clusters)
{
	extract("2023年度特色产业集群名单公布\n"
		"浙江省入选的集群包括:宁波市北仑区汽车零部件产业集群、"
		"湖州市长兴县新能源电池产业集群、嘉兴市海宁市经编产业集群。");
	cr_assert_not_null(cluster("北仑区", "汽车零部件"));
	cr_assert_not_null(cluster("长兴县", "新能源电池"), "each item's own place");
	cr_assert_not_null(cluster("海宁市", "经编"));
	cr_assert_eq(clusters(), 3);
}

Test(clusters, a_name_on_an_official_list_takes_its_level)
{
	extract("海宁市经编产业集群入选国家级中小企业特色产业集群,"
		"桐乡市毛衫上榜全省首批先进制造业集群。");
	cr_assert_str_eq(cluster("海宁市", "经编")->tier, "国家级");
	cr_assert_str_eq(cluster("桐乡市", "毛衫")->tier, "省级");
}

Test(clusters, one_name_before_a_strong_head)
{
	extract("南浔区:智能电梯产业集群 南浔区以智能电梯(整机)产业集群为特色。");
	cr_assert_not_null(cluster("南浔区", "智能电梯"));
	cr_assert_eq(clusters(), 1, "智能电梯(整机) is the same industry");
	extract("莲都区积极探索香菇产业集群发展模式。");
	cr_assert_not_null(cluster("莲都区", "香菇"));
}

Test(clusters, labels_before_and_around_the_names)
{
	extract("安吉县今年重点抓好三件事。\n千亿级绿色家居产业集群。");
	cr_assert_str_eq(cluster("安吉县", "绿色家居")->tier, "千亿级");
	extract("安吉县加快发展以数字安防、智能网联为代表的新兴产业。");
	static const char *const led[] = { "数字安防", "智能网联", NULL };
	expect("安吉县", led, "新兴产业");
	cr_assert_eq(clusters(), 2);
	extract("安吉县做强白茶、竹木等优势特色产业。");
	static const char *const local[] = { "白茶", "竹木", NULL };
	expect("安吉县", local, "优势特色产业");
}

Test(clusters, a_report_heading_one_industry_a_line)
{
	extract("余杭区主导产业提质增效。 优化发展数字贸易产业。 优化发展现代物流服务业。"
		" 大力发展现代农业。 加快发展现代服务业。");
	static const char *const names[] = { "数字贸易", "现代物流服务业", NULL };
	expect("余杭区", names, NULL);
	cr_assert_eq(clusters(), 2, "现代农业, 现代服务业 are sectors");
}

Test(clusters, industries_led_chained_or_upgraded)
{
	extract("博罗县将加快培育以华星、天宇等为龙头的新型储能产业。");
	cr_assert_not_null(cluster("博罗县", "新型储能"));
	cr_assert_eq(clusters(), 1, "the firms that lead it are not industries");
	extract("德清县民宿蓬勃发展,竹笋全产业链产值突破30亿元。");
	cr_assert_not_null(cluster("德清县", "竹笋"));
	extract("越城区将推动黄酒产业高端化、品牌化、国际化发展。");
	cr_assert_not_null(cluster("越城区", "黄酒"));
	extract("临安区已形成以电线电缆、照明器材等为重点的制造业产业链。");
	static const char *const names[] = { "电线电缆", "照明器材", NULL };
	expect("临安区", names, NULL);
}

Test(clusters, counted_list_joined_by_and)
{
	extract("安吉县重点发展电子信息、装备制造和新材料三大产业。");
	static const char *const names[] = { "电子信息", "装备制造", "新材料", NULL };
	expect("安吉县", names, NULL);
	extract("德清县着力培育地理信息和通用航空两大千亿级产业集群。");
	static const char *const pair[] = { "地理信息", "通用航空", NULL };
	expect("德清县", pair, "千亿级");
	extract("德清县聚焦地理信息、生物医药以及通用航空等产业。");
	static const char *const also[] = { "地理信息", "生物医药", "通用航空", NULL };
	expect("德清县", also, NULL);
	extract("海宁市有色金属和新材料、电子信息产业集群营收增长。");
	cr_assert_not_null(cluster("海宁市", "有色金属和新材料"), "no count: one industry");
}

Test(clusters, a_plan_formula_and_its_list)
{
	extract("德清县构建“4+X”现代产业体系,即地理信息、生物医药、通用航空、高端装备"
		"四大主导产业和X个新兴产业。");
	static const char *const names[] = { "地理信息", "生物医药", "通用航空", "高端装备", NULL };
	expect("德清县", names, "主导产业");
	cr_assert_eq(clusters(), 4);
}

Test(clusters, a_name_given_a_tier)
{
	extract("安吉县把绿色家居作为首位产业,确立白茶为全县主导产业。");
	cr_assert_str_eq(cluster("安吉县", "绿色家居")->tier, "首位产业");
	cr_assert_str_eq(cluster("安吉县", "白茶")->tier, "主导产业");
	extract("安吉县入选国家级绿色家居产业集群。");
	cr_assert_str_eq(cluster("安吉县", "绿色家居")->tier, "国家级");
	cr_assert_eq(clusters(), 1, "我县, 安吉县 are not industries");
}

Test(clusters, chains_a_verb_builds)
{
	extract("安吉县将延伸白茶产业链,补强竹木加工产业链,推动产业链上下游协同,"
		"打造完整产业链,引进优质产业链项目30个。");
	cr_assert_not_null(cluster("安吉县", "白茶"));
	cr_assert_not_null(cluster("安吉县", "竹木加工"));
	cr_assert_eq(clusters(), 2);
	extract("安吉县今年重点抓好三件事。\n(二)做强绿色家居产业集群。");
	cr_assert_eq(clusters(), 1, "a numbered heading");
}

Test(clusters, project_fields_and_counts_are_not_clusters)
{
	static const char *const prose[] = {
		"吴兴区建成国家级产业集群2个。",
		"全县共有产业集群5个。",
		"吴兴区培育了一批特色产业集群,加快推进产业集群化发展。",
		"本次签约项目涵盖电子信息、装备制造等产业。",
		"吴兴区实施产业链链长制,做强县域特色产业链。",
		"1.培育壮大新兴产业。",
		"吴兴区培育省级特色产业集群5个,新增国家级产业集群1个,市级产业集群3个。",
		"吴兴区打造千亿级产业集群,建设百亿级产业链,各产业集群协同发展。",
		"吴兴区制定产业链图谱,绘制产业集群发展路线图,壮大优势产业集群。",
		"吴兴区全面落实产业链“链长制”,加快推进园区产业集群建设。",
		"吴兴区围绕主导产业延链补链强链,聚焦“2+N”产业集群开展精准招商。",
		"吴兴区推动传统产业焕新、新兴产业壮大、未来产业培育。",
	};
	for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++) {
		extract(prose[i]);
		cr_assert_eq(clusters(), 0, "%s", prose[i]);
	}
}

/* Industry words in prose that are not the region's clusters. */
Test(clusters, prose_industry_words_are_not_clusters)
{
	static const char *const prose[] = {
		"吴兴区高新技术产业、战略性新兴产业产值占规上工业比重分别达到60%和40%。",
		"吴兴区项目涵盖纺织、建材、能源等多个行业。",
		"吴兴区支持社会力量发展养老、托育产业。",
		"吴兴区梯次培育一批产值超10亿元的全产业链。",
		"吴兴区形成了各具特色的产业集群,高起点培育产业集群。",
		"吴兴区形成了以食品加工、调味品等为主的优势产业。",
		"吴兴区推动产业链、创新链、人才链深度融合,加快建设现代化产业体系。",
		"吴兴区签约项目涉及新能源、新材料等多个领域。",
		"吴兴区产业向智能化、绿色化、高端化转型。",
		"吴兴区这些产业集群发展迅速,全区46个特色产业集群实现营收300亿元。",
		"吴兴区紧盯实体经济、12条重点产业链关键环节招商。",
		"吴兴区引进产业项目60个,建设智能制造产业园。",
	};
	for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++) {
		extract(prose[i]);
		for (size_t j = 0; j < fs.n; j++)
			cr_assert_neq(fs.v[j].type, BRIEF_FACT_CLUSTER, "%s: %s", prose[i],
				      fs.v[j].name);
	}
}

Test(clusters, the_announcement_of_a_list_is_no_cluster)
{
	extract("我省公布第三批省级特色产业集群名单\n\n"
		"其中，德清县地理信息产业集群、安吉县绿色家居产业集群等入选。\n");
	cr_assert(cluster("德清县", "地理信息"));
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i].type == BRIEF_FACT_CLUSTER)
			cr_assert(!strstr(fs.v[i].name, "公布") && !strstr(fs.v[i].name, "第三批"), "%s",
				  fs.v[i].name);
}
