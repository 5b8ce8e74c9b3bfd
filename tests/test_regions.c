/* The gazetteer: the table, lookups, and mentions in running text. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "extract/regions.h"
#include "support/extractor.h"

static brief_gazetteer *g;

static void setup(void)
{
	g = brief_gazetteer_new();
	cr_assert_not_null(g);
}

static void teardown(void)
{
	brief_gazetteer_free(g);
}

TestSuite(regions, .init = setup, .fini = teardown);

Test(regions, table_covers_china)
{
	const brief_region *v[64];
	cr_assert_eq(brief_region_children(g, NULL, v, 64), 31);
	const brief_region *qt = brief_region_by_code(g, "330114");
	cr_assert_str_eq(qt->name, "钱塘区");
	cr_assert_str_eq(qt->short_name, "钱塘");
	const brief_region *hz = brief_region_parent(g, qt);
	cr_assert_str_eq(hz->name, "杭州市");
	cr_assert_str_eq(brief_region_parent(g, hz)->name, "浙江省");
	/* districts of a municipality hang from the municipality itself */
	cr_assert_str_eq(brief_region_by_code(g, "110105")->parent_code, "110000");
	cr_assert_eq(brief_region_children(g, "330100", v, 64), 13);
	/* short forms drop suffixes and ethnic words */
	cr_assert_str_eq(brief_region_by_code(g, "422800")->short_name, "恩施");
}

Test(regions, lookup_by_every_name)
{
	const brief_region *v[8];
	cr_assert_eq(brief_region_lookup(g, "鼓楼区", v, 8), 4);
	cr_assert_eq(brief_region_lookup(g, "钱塘新区", v, 8), 1);
	cr_assert_str_eq(v[0]->code, "330114");
	cr_assert_eq(brief_region_lookup(g, "萧山", v, 8), 1);
	cr_assert_str_eq(v[0]->code, "330109");
	cr_assert_eq(brief_region_lookup(g, "襄樊市", v, 8), 1);
	cr_assert_str_eq(v[0]->code, "420600");
}

/* The codes found in `text`, space-separated, short forms marked '*'. */
static char *scan(const char *text)
{
	brief_region_hit *h;
	size_t n = brief_gazetteer_scan(g, text, strlen(text), &h);
	char *out = calloc(1, 16 * n + 1);
	for (size_t i = 0; i < n; i++) {
		strcat(out, h[i].region->code);
		strcat(out, h[i].short_form ? "* " : " ");
	}
	free(h);
	return out;
}

#define SCAN_EQ(text, want) do { char *s_ = scan(text); \
	cr_assert_str_eq(s_, want, "%s", text); free(s_); } while (0)

Test(regions, shared_names_resolve_from_context)
{
	SCAN_EQ("南京市鼓楼区今年力争GDP增长6%。", "320100 320106 ");
	SCAN_EQ("福州市鼓楼区召开大会。", "350100 350102 ");
	SCAN_EQ("鼓楼区召开大会。", "");
	SCAN_EQ("深圳市龙华区", "440300 440309 ");
	SCAN_EQ("海口市龙华区", "460100 460106 ");
}

Test(regions, short_forms_need_context_and_a_word_of_their_own)
{
	SCAN_EQ("杭州市萧山区提出,萧山今年将力争增长6%。", "330100 330109 330109* ");
	SCAN_EQ("萧山今年将力争增长6%。", "");
	SCAN_EQ("杭州萧山机场航班增加。", "");
	SCAN_EQ("江山如画,一时多少豪杰。", "");
	SCAN_EQ("衢州市江山市今年将", "330800 330881 ");
	SCAN_EQ("钱塘(新)区以“三会合一”的形式召开会议,钱塘新区报", "330114 330114 ");
	SCAN_EQ("浙江省和江苏省", "330000 320000 ");
	SCAN_EQ("加速实施亚运城市行动", "");
	SCAN_EQ("促进优质医疗资源向江东区块延伸", "");
	SCAN_EQ("阿里巴巴总部在余杭区", "330110 ");
}

/* 东莞市, 中山市 and 儋州市 have no counties; the table lists each again as
 * a county whose parent is itself. They are one division each, and every
 * parent chain ends at a province (brief batch --scope looped here). */
Test(regions, cities_without_counties_are_listed_once)
{
	static const char *const codes[] = { "441900", "442000", "460400" };
	const brief_region *gd = brief_region_by_code(g, "440000");
	size_t n;
	for (size_t i = 0; i < 3; i++) {
		const brief_region *r = brief_region_by_code(g, codes[i]);
		cr_assert_eq(r->level, BRIEF_LEVEL_PREFECTURE, "%s", codes[i]);
		cr_assert_neq(strcmp(r->parent_code, r->code), 0);
		cr_assert(brief_region_within(g, codes[i], brief_region_parent(g, r)));
	}
	cr_assert(brief_region_within(g, "441900", gd));
	cr_assert_not(brief_region_within(g, "460400", gd));
	cr_assert_eq(brief_region_resolve(g, "东莞市", &n, NULL),
		     brief_region_by_code(g, "441900"));
	cr_assert_eq(n, 1);
}

/* A report's title opens with its year: 2025年平阳县政府工作报告. */
Test(regions, a_name_after_a_date_is_the_region)
{
	brief_facts fs;
	brief_test_extractor x;
	brief_test_extractor_open(&x);
	brief_test_facts_of_text(&x, "2025年平阳县政府工作报告\n\n过去一年，全县地区生产总值增长6.3%。\n", &fs);
	cr_assert_eq(fs.n, 1);
	cr_assert_str_eq(fs.v[0].region, "平阳县");
	brief_facts_free(&fs);
	brief_test_extractor_close(&x);
}

/* 密云水库 is a reservoir, not 密云区: a clause after it stays the article's. */
Test(regions, a_short_form_before_a_reservoir_is_a_place)
{
	brief_facts fs;
	brief_test_extractor x;
	brief_test_extractor_open(&x);
	brief_test_facts_of_text(&x, "【延庆区】\n\n延庆今年的目标：配合做好密云水库周边治理；"
				 "森林覆盖率提高到62%。\n", &fs);
	cr_assert_eq(fs.n, 1);
	cr_assert_str_eq(fs.v[0].region, "延庆区");
	brief_facts_free(&fs);
	brief_test_extractor_close(&x);
}
