/*
 * Extraction on real text: numbers, the seeds' hard cases (attribution,
 * lists, bounds, qualifiers, goal or result), articles in other styles
 * with their expected facts, and hostile input.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/number.h"
#include "ingest/ingest.h"

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

static brief_diag diag = { .sink = silent };
static brief_ingester *ing;
static brief_gazetteer *gaz;
static brief_extractor *ext;

static void setup(void)
{
	ing = brief_ingester_new(&diag);
	gaz = brief_gazetteer_new();
	ext = brief_extractor_new(gaz, &diag);
	cr_assert(ing && gaz && ext);
}

static void teardown(void)
{
	brief_extractor_free(ext);
	brief_gazetteer_free(gaz);
	brief_ingester_free(ing);
}

TestSuite(extract, .init = setup, .fini = teardown, .timeout = 60);
TestSuite(limits, .init = setup, .fini = teardown, .timeout = 120);

static void facts_of(const char *path, brief_facts *fs)
{
	brief_article a;
	cr_assert_eq(brief_ingest_file(ing, path, &a, &diag), 0, "%s", path);
	memset(fs, 0, sizeof *fs);
	cr_assert_eq(brief_extract(ext, &a, fs), 0);
	brief_article_free(&a);
}

/* The fact of `type` in `region` with this value and unit, or NULL. */
static const brief_fact *find(const brief_facts *fs, brief_fact_type type,
			      const char *region, double value, const char *unit)
{
	for (size_t i = 0; i < fs->n; i++) {
		const brief_fact *f = &fs->v[i];
		if (f->type == type && f->region && !strcmp(f->region, region) &&
		    f->has_value && fabs(f->value - value) < 1e-6 && f->unit &&
		    !strcmp(f->unit, unit))
			return f;
	}
	return NULL;
}

static const brief_fact *find_named(const brief_facts *fs, brief_fact_type type,
				    const char *region, const char *name)
{
	for (size_t i = 0; i < fs->n; i++) {
		const brief_fact *f = &fs->v[i];
		if (f->type == type && f->region && !strcmp(f->region, region) &&
		    f->name && strstr(f->name, name))
			return f;
	}
	return NULL;
}

Test(number, every_way_of_writing_one)
{
	static const struct { const char *s; double v; } cases[] = {
		{ "801.57", 801.57 }, { "1,480", 1480 }, { "1/3", 1.0 / 3 },
		{ "一百", 100 }, { "两千", 2000 }, { "千", 1000 }, { "三百", 300 },
		{ "十五", 15 }, { "一百二十三", 123 }, { "万", 10000 },
		{ "3.5万", 35000 }, { "两", 2 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double v;
		cr_assert(brief_number_parse(cases[i].s, strlen(cases[i].s), &v), "%s", cases[i].s);
		cr_assert_float_eq(v, cases[i].v, 1e-9, "%s", cases[i].s);
	}
	double v;
	cr_assert_not(brief_number_parse("增长", strlen("增长"), &v));
	cr_assert_not(brief_number_parse("", 0, &v));
}

Test(extract, seed_attribution_bounds_and_qualifiers)
{
	brief_facts fs;
	facts_of("data/articles/000_851db24ed264abd6.txt", &fs);
	const brief_fact *f = find(&fs, BRIEF_FACT_TARGET, "上城区", 5.5, "%");
	cr_assert_not_null(f, "上城区则锚定GDP增长5.5%%");
	cr_assert_str_eq(f->indicator, "GDP");
	cr_assert_str_eq(f->qualifier, "锚定");
	cr_assert_str_eq(f->region_code, "330102");
	cr_assert_str_eq(f->parent_code, "330100");
	/* 萧山 is named by its short form; 该区 carries it on */
	f = find(&fs, BRIEF_FACT_TARGET, "萧山区", 5.6, "%");
	cr_assert_not_null(f);
	cr_assert_str_eq(f->bound, "min");
	cr_assert_str_eq(f->qualifier, "确保");
	f = find(&fs, BRIEF_FACT_TARGET, "萧山区", 6, "%");
	cr_assert_not_null(f);
	cr_assert_str_eq(f->qualifier, "力争");
	/* 制造业投资、高新技术产业投资增长15%、10%: one fact each */
	f = find(&fs, BRIEF_FACT_TARGET, "拱墅区", 15, "%");
	cr_assert_not_null(f);
	cr_assert_str_eq(f->indicator, "制造业投资");
	f = find(&fs, BRIEF_FACT_TARGET, "拱墅区", 10, "%");
	cr_assert_not_null(f);
	cr_assert_str_eq(f->indicator, "高新技术产业投资");
	/* 突破4000亿元 */
	f = find(&fs, BRIEF_FACT_TARGET, "钱塘区", 4000, "亿元");
	cr_assert_not_null(f);
	cr_assert_str_eq(f->bound, "min");
	/* 一季度完成1/3 */
	f = find(&fs, BRIEF_FACT_TARGET, "萧山区", 33.33, "%");
	cr_assert_not_null(f);
	cr_assert_str_eq(f->period, "一季度");
	/* three indicators share one rank */
	size_t ranks = 0;
	for (size_t i = 0; i < fs.n; i++)
		ranks += fs.v[i].type == BRIEF_FACT_TARGET && fs.v[i].region &&
			 !strcmp(fs.v[i].region, "余杭区") && fs.v[i].kind &&
			 !strcmp(fs.v[i].kind, "rank");
	cr_assert_geq(ranks, 3);
	/* clusters with their tiers, projects from lists */
	f = find_named(&fs, BRIEF_FACT_CLUSTER, "钱塘区", "集成电路");
	cr_assert_not_null(f);
	cr_assert_str_eq(f->tier, "国字号");
	f = find_named(&fs, BRIEF_FACT_CLUSTER, "西湖区", "大模型");
	cr_assert_not_null(f);
	cr_assert_str_eq(f->tier, "细分领域");
	cr_assert_not_null(find_named(&fs, BRIEF_FACT_PROJECT, "拱墅区", "英特石塘医药产业园"));
	/* nothing from inside the garbled spans */
	for (size_t i = 0; i < fs.n; i++)
		cr_assert_null(strstr(fs.v[i].evidence, "笆奈濉"), "%s", fs.v[i].evidence);
	brief_facts_free(&fs);
}

Test(extract, results_of_last_year_and_project_investment)
{
	brief_facts fs;
	facts_of("data/articles/001_fb79c2cc7258167d.txt", &fs);
	const brief_fact *f = find(&fs, BRIEF_FACT_ACTUAL, "余杭区", 801.57, "亿元");
	cr_assert_not_null(f, "完成财政总收入801.57亿元");
	cr_assert_eq(f->year, 2023);
	cr_assert_str_eq(f->period, "2023");
	f = find(&fs, BRIEF_FACT_TARGET, "余杭区", 1000, "亿元");
	cr_assert_not_null(f);
	cr_assert_eq(f->year, 2024);
	brief_facts_free(&fs);
	facts_of("data/articles/004_74212d2662a3d8db.txt", &fs);
	f = find_named(&fs, BRIEF_FACT_PROJECT, "钱塘区", "河庄片区人才专项租赁住房项目");
	cr_assert_not_null(f);
	cr_assert(f->has_investment);
	cr_assert_float_eq(f->investment_yi, 13, 1e-9, "项目总投资约13亿元, a sentence later");
	cr_assert_str_eq(f->status, "复工");
	brief_facts_free(&fs);
}

/* Each line of NAME.expected: type TAB region TAB value TAB unit (or
 * type TAB region TAB name for clusters and projects). The targets and
 * actuals must be exactly these; the named ones must be present. */
static void check_fixture(const char *name)
{
	char path[256], line[512];
	brief_facts fs;
	snprintf(path, sizeof path, "tests/fixtures/extract/%s.txt", name);
	facts_of(path, &fs);
	snprintf(path, sizeof path, "tests/fixtures/extract/%s.expected", name);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s", path);
	size_t measures = 0;
	while (fgets(line, sizeof line, f)) {
		char *type = strtok(line, "\t\n"), *region = strtok(NULL, "\t\n");
		char *a = strtok(NULL, "\t\n"), *b = strtok(NULL, "\t\n");
		int t = brief_fact_type_parse(type);
		cr_assert_geq(t, 0, "%s: %s", path, type);
		if (t == BRIEF_FACT_TARGET || t == BRIEF_FACT_ACTUAL) {
			cr_assert_not_null(find(&fs, (brief_fact_type)t, region, atof(a), b),
					   "%s: missed %s %s %s %s", name, type, region, a, b);
			measures++;
		} else {
			cr_assert_not_null(find_named(&fs, (brief_fact_type)t, region, a),
					   "%s: missed %s %s %s", name, type, region, a);
		}
	}
	fclose(f);
	size_t got = 0;
	for (size_t i = 0; i < fs.n; i++)
		got += fs.v[i].type == BRIEF_FACT_TARGET || fs.v[i].type == BRIEF_FACT_ACTUAL;
	cr_assert_eq(got, measures, "%s: %zu targets and actuals, expected %zu", name,
		     got, measures);
	brief_facts_free(&fs);
}

Test(extract, county_work_report)
{
	check_fixture("county_report");
}

Test(extract, city_half_year_review)
{
	check_fixture("halfyear");
}

Test(extract, traditional_script_with_pinyin)
{
	check_fixture("traditional_pinyin");
}

/* A megabyte of hostile text ends with no fact, or sane ones, quickly:
 * the patterns run with match and depth limits. */
Test(limits, hostile_text_finishes)
{
	/* issue 13.4 and the finders' own: a megabyte of region names, of
	 * clauses naming a region (1 MiB of 余杭区，took 11 s), of amounts
	 * with no punctuation (512 KiB of 总投资1亿元的 took 71 s): linear */
	static const char *const units[] = { "亿", "((((", "1", "增长", "、亿元",
					     "萧山区余杭区宁波市鼓楼区", "余杭区，",
					     "总投资1亿元的", "钱塘区地区生产总值增长5%" };
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
		size_t k = strlen(units[u]), n = (1u << 20) / k * k;
		char *s = malloc(n + 64);
		strcpy(s, "杭州市余杭区今年将力争");
		size_t at = strlen(s);
		while (at + k < n) {
			memcpy(s + at, units[u], k);
			at += k;
		}
		s[at] = '\0';
		brief_article a;
		brief_facts fs = { 0 };
		cr_assert_eq(brief_ingest_bytes(ing, "hostile.txt", s, at, &a, &diag), 0);
		cr_assert_eq(brief_extract(ext, &a, &fs), 0);
		cr_assert_lt(fs.n, 100000);
		brief_facts_free(&fs);
		brief_article_free(&a);
		free(s);
	}
}

/* Inputs the fuzzer once crashed on (tests/fuzz/corpus/regress-*): the
 * first byte picks .html or .txt, as in fuzz_ingest.c. */
Test(limits, fuzz_regressions)
{
	static const char *const files[] = {
		"tests/fuzz/corpus/regress-investment-overread",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		FILE *f = fopen(files[i], "rb");
		cr_assert_not_null(f, "%s", files[i]);
		char buf[65536];
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		brief_article a;
		brief_facts fs = { 0 };
		const char *name = buf[0] & 1 ? "fuzz.html" : "fuzz.txt";
		if (brief_ingest_bytes(ing, name, buf + 1, n - 1, &a, &diag) == 0) {
			cr_assert_eq(brief_extract(ext, &a, &fs), 0);
			brief_facts_free(&fs);
			brief_article_free(&a);
		}
	}
}

Test(extract, guangdong_county_work_report)
{
	check_fixture("work_report_gd");
	brief_facts fs;
	facts_of("tests/fixtures/extract/work_report_gd.txt", &fs);
	const brief_fact *p = find_named(&fs, BRIEF_FACT_PROJECT, "博罗县", "比亚迪");
	cr_assert(p && p->has_investment && p->investment_yi == 50,
		  "总投资50亿元的…项目: the investment goes with the name");
	cr_assert_str_eq(p->status, "开工");
	const brief_fact *f = find(&fs, BRIEF_FACT_ACTUAL, "博罗县", 6.1, "%");
	cr_assert_str_eq(f->indicator, "GDP", "比上年增长6.1%%: the indicator before");
	cr_assert_eq(f->year, 2023);
	f = find(&fs, BRIEF_FACT_TARGET, "博罗县", 6, "%");
	cr_assert_str_eq(f->bound, "approx");
	cr_assert_eq(f->year, 2024);
	brief_facts_free(&fs);
}

/* A year-end review: 今年以来 reports this year, 明年 sets next year's
 * goals, and a paragraph naming no region is about the city, not the
 * county the paragraph before ended with. */
Test(extract, city_year_end_review)
{
	check_fixture("year_end_review");
	brief_facts fs;
	facts_of("tests/fixtures/extract/year_end_review.txt", &fs);
	const brief_fact *f = find(&fs, BRIEF_FACT_ACTUAL, "绵阳市", 4300, "亿元");
	cr_assert_eq(f->year, 2024);
	f = find(&fs, BRIEF_FACT_TARGET, "绵阳市", 6, "%");
	cr_assert_eq(f->year, 2025);
	brief_facts_free(&fs);
}
