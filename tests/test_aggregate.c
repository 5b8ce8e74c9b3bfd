/*
 * Aggregation: merging, conflicts, the scorecard and sibling ranks on
 * small hand-built fact sets, then the sample articles end to end and
 * the golden JSON models.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "aggregate/merge.h"
#include "render/render.h"
#include "support/run.h"

static brief_fact measure(brief_fact_type t, const char *ind, double v,
			  const char *bound, const char *ev)
{
	brief_fact f = { 0 };
	f.type = t;
	f.indicator = (char *)ind;
	f.kind = (char *)"growth";
	f.has_value = true;
	f.value = v;
	f.unit = (char *)"%";
	f.bound = (char *)bound;
	f.period = (char *)"全年";
	f.evidence = (char *)ev;
	return f;
}

Test(aggregate, same_fact_from_two_sources_is_one_row)
{
	brief_fact a = measure(BRIEF_FACT_TARGET, "GDP", 6, "min", "确保GDP增长6%以上");
	brief_fact b = measure(BRIEF_FACT_TARGET, "GDP", 6, "min", "GDP增长6%以上");
	brief_fact c = measure(BRIEF_FACT_TARGET, "固定资产投资", 5, "exact", "固投增长5%");
	brief_sourced v[] = { { &a, 1 }, { &b, 2 }, { &c, 2 } };
	brief_rows rs;
	cr_assert_eq(brief_merge_measures(v, 3, &rs), 0);
	cr_assert_eq(rs.n, 2);
	cr_assert_eq(rs.v[0].nev, 2);
	cr_assert_eq(rs.v[0].ev[0].source, 1);
	cr_assert_eq(rs.v[0].ev[1].source, 2);
	cr_assert_not(rs.v[0].conflict);
	brief_doc d = { .targets = rs };
	brief_doc_free(&d);
}

Test(aggregate, different_values_are_kept_and_flagged)
{
	brief_fact a = measure(BRIEF_FACT_TARGET, "GDP", 6, "min", "确保GDP增长6%以上");
	brief_fact b = measure(BRIEF_FACT_TARGET, "GDP", 6.5, "approx", "GDP增长6.5%左右");
	brief_fact c = measure(BRIEF_FACT_TARGET, "GDP", 6, "min", "GDP增长6%以上");
	brief_sourced v[] = { { &a, 1 }, { &b, 2 }, { &c, 3 } };
	brief_rows rs;
	cr_assert_eq(brief_merge_measures(v, 3, &rs), 0);
	cr_assert_eq(rs.n, 2, "never silently chosen");
	cr_assert(rs.v[0].conflict && rs.v[1].conflict);
	cr_assert_eq(rs.v[0].nev, 2);
	brief_doc d = { .targets = rs };
	brief_doc_free(&d);
}

Test(aggregate, target_met_for_each_bound)
{
	cr_assert(brief_target_met(6, "min", 6.2));
	cr_assert(brief_target_met(6, "exact", 6));
	cr_assert_not(brief_target_met(6, "min", 5.9));
	cr_assert(brief_target_met(3, "max", 2.5));
	cr_assert_not(brief_target_met(3, "max", 3.5));
	cr_assert(brief_target_met(5.5, "approx", 5.1));
	cr_assert_not(brief_target_met(5.5, "approx", 4.5));
}

Test(aggregate, scorecard_exceeded_missed_unknown)
{
	brief_fact t1 = measure(BRIEF_FACT_TARGET, "GDP", 6, "min", "");
	brief_fact t2 = measure(BRIEF_FACT_TARGET, "规上工业增加值", 8, "exact", "");
	brief_fact t3 = measure(BRIEF_FACT_TARGET, "固定资产投资", 5, "exact", "");
	brief_fact a1 = measure(BRIEF_FACT_ACTUAL, "GDP", 6.8, "exact", "");
	brief_fact a2 = measure(BRIEF_FACT_ACTUAL, "规上工业增加值", 7.2, "exact", "");
	brief_sourced tv[] = { { &t1, 1 }, { &t2, 1 }, { &t3, 1 } };
	brief_sourced av[] = { { &a1, 2 }, { &a2, 2 } };
	brief_rows ts, as;
	brief_outcome *o = NULL;
	size_t n = 0;
	cr_assert_eq(brief_merge_measures(tv, 3, &ts), 0);
	cr_assert_eq(brief_merge_measures(av, 2, &as), 0);
	cr_assert_eq(brief_scorecard(&ts, &as, 2024, true, &o, &n), 0);
	cr_assert_eq(n, 3);
	cr_assert_eq(o[0].outcome, BRIEF_OUTCOME_EXCEEDED, "6.8%% against 6%%以上");
	cr_assert_eq(o[0].year, 2024);
	cr_assert_eq(o[1].outcome, BRIEF_OUTCOME_MISSED);
	cr_assert_float_eq(o[1].gap, -0.8, 1e-9);
	cr_assert_eq(o[2].outcome, BRIEF_OUTCOME_UNKNOWN);
	brief_doc d = { .targets = ts, .actuals = as, .scorecard = o, .nscorecard = n };
	brief_doc_free(&d);
}

Test(aggregate, projects_merge_by_name_and_order_by_investment)
{
	brief_fact p[4] = { { 0 } };
	const char *names[] = { "“中国医药港”", "中国医药港项目", "临江科创园", "河庄人才房项目" };
	double inv[] = { 0, 20, 13, 13 };
	brief_sourced v[4];
	for (int i = 0; i < 4; i++) {
		p[i].type = BRIEF_FACT_PROJECT;
		p[i].name = (char *)names[i];
		p[i].has_investment = inv[i] > 0;
		p[i].investment_yi = inv[i];
		p[i].evidence = (char *)"";
		v[i] = (brief_sourced){ &p[i], i + 1 };
	}
	brief_rows rs;
	cr_assert_eq(brief_merge_projects(v, 4, &rs), 0);
	cr_assert_eq(rs.n, 3);
	cr_assert_str_eq(rs.v[0].name, "“中国医药港”");
	cr_assert_float_eq(rs.v[0].investment_yi, 20, 1e-9);
	cr_assert_eq(rs.v[0].nev, 2);
	/* equal investment: by name */
	cr_assert(strcmp(rs.v[1].name, rs.v[2].name) < 0);
	brief_doc d = { .projects = rs };
	brief_doc_free(&d);
}

/* ---------------------------------------------------------------- */
/* Through the store: siblings, the samples, golden models.          */

static char dir[64];
static brief_diag quiet;

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev, (void)msg;
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-agg-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
	quiet.sink = silent;
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(model, .init = setup, .fini = teardown, .timeout = 60);

static brief_db *samples(void)
{
	brief_run r = { 0 };
	char db[96];
	snprintf(db, sizeof db, "%s/m.db", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0, "%s", r.err);
	brief_run_free(&r);
	brief_db *h = brief_db_open(db, &quiet);
	cr_assert_not_null(h);
	return h;
}

Test(model, qiantang_2025)
{
	brief_db *db = samples();
	brief_doc d;
	cr_assert_eq(brief_aggregate(db, "钱塘区", 2025, &d, &quiet), 0);
	cr_assert_str_eq(d.region_code, "330114");
	cr_assert_str_eq(d.parent, "杭州市");
	bool target = false;
	for (size_t i = 0; i < d.targets.n; i++)
		target |= d.targets.v[i].value == 4000 && !strcmp(d.targets.v[i].unit, "亿元");
	cr_assert(target, "the 4000 亿元 规上工业总产值 target");
	bool ic = false, plane = false;
	for (size_t i = 0; i < d.ntiers; i++)
		if (d.tiers[i].tier && !strcmp(d.tiers[i].tier, "国字号"))
			for (size_t j = 0; j < d.tiers[i].n; j++) {
				ic |= !strcmp(d.tiers[i].rows[j]->name, "集成电路");
				plane |= !strcmp(d.tiers[i].rows[j]->name, "大飞机");
			}
	cr_assert(ic && plane, "国字号 clusters 集成电路 and 大飞机");
	bool s000 = false, s004 = false;
	for (size_t i = 0; i < d.nsources; i++) {
		s000 |= !strcmp(d.sources[i].file, "000_851db24ed264abd6.txt");
		s004 |= !strcmp(d.sources[i].file, "004_74212d2662a3d8db.txt");
	}
	cr_assert(s000 && s004, "sources from both 2025 articles");
	/* every row cites a numbered source that exists */
	for (size_t i = 0; i < d.targets.n; i++)
		for (size_t j = 0; j < d.targets.v[i].nev; j++)
			cr_assert(d.targets.v[i].ev[j].source >= 1 &&
				  (size_t)d.targets.v[i].ev[j].source <= d.nsources);
	/* the siblings of 钱塘区 with GDP targets: 上城区 and 萧山区 */
	bool gdp = false;
	for (size_t i = 0; i < d.ncompare; i++)
		gdp |= !strcmp(d.compare[i].indicator, "GDP");
	cr_assert_not(gdp, "钱塘区 states no GDP growth target, so it is not ranked");
	brief_doc_free(&d);
	cr_assert_eq(brief_aggregate(db, "上城区", 2025, &d, &quiet), 0);
	cr_assert_eq(d.ncompare, 1);
	cr_assert_str_eq(d.compare[0].indicator, "GDP");
	cr_assert_eq(d.compare[0].n, 2);
	cr_assert_str_eq(d.compare[0].v[0].region, "萧山区");     /* 5.6 before 5.5 */
	/* 2 of 杭州's 13 districts: said, but no rank */
	cr_assert_eq(d.compare[0].nsiblings, 13);
	cr_assert_not(d.compare[0].ranked);
	cr_assert_eq(d.compare[0].self_rank, 0);
	brief_doc_free(&d);
	brief_db_close(db);
}

Test(model, yuhang_2024_shows_last_years_results)
{
	brief_db *db = samples();
	brief_doc d;
	cr_assert_eq(brief_aggregate(db, "余杭", 0, &d, &quiet), 0, "short name, latest year");
	cr_assert_eq(d.year, 2025);
	brief_doc_free(&d);
	cr_assert_eq(brief_aggregate(db, "330110", 2024, &d, &quiet), 0);
	bool revenue = false;
	for (size_t i = 0; i < d.actuals.n; i++)
		revenue |= d.actuals.v[i].value == 801.57 &&
			   !strcmp(d.actuals.v[i].indicator, "财政总收入");
	cr_assert(revenue, "2023's 财政总收入 801.57 亿元");
	brief_doc_free(&d);
	cr_assert_eq(brief_aggregate(db, "鼓楼区", 2025, &d, &quiet), -1, "ambiguous");
	cr_assert_eq(brief_aggregate(db, "钱塘区", 2019, &d, &quiet), -1, "no facts that year");
	brief_db_close(db);
}

static void golden(const char *region, int year, const char *file)
{
	brief_run r = { 0 };
	char db[96], path[128];
	snprintf(db, sizeof db, "%s/g.db", dir);
	snprintf(path, sizeof path, "tests/golden/%s", file);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	cr_assert_eq(brief_test_run(&r, "--db %s show %s --year %d --json", db, region, year), 0,
		     "%s", r.err);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s (make golden)", path);
	char *want = calloc(1, 1 << 20);
	size_t n = fread(want, 1, (1 << 20) - 1, f);
	fclose(f);
	want[n] = '\0';
	cr_assert_str_eq(r.out, want, "%s changed: run make golden and review the diff", path);
	free(want);
	brief_run_free(&r);
}

Test(model, golden_qiantang_2025)
{
	golden("钱塘区", 2025, "钱塘区-2025.json");
}

Test(model, golden_yuhang_2024)
{
	golden("余杭区", 2024, "余杭区-2024.json");
}

Test(model, show_aligns_cjk_columns)
{
	brief_run r = { 0 };
	char db[96];
	snprintf(db, sizeof db, "%s/s.db", dir);
	cr_assert_eq(brief_test_run(&r, "--db %s ingest -q data/articles", db), 0);
	cr_assert_eq(brief_test_run(&r, "--db %s show 上城区 --year 2025", db), 0, "%s", r.err);
	cr_assert(strstr(r.out, "核心目标"));
	cr_assert(strstr(r.out, "与同级区县对比"));
	cr_assert(strstr(r.out, "GDP                          增长5.5%"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s show 西城区", db), 1);
	cr_assert(strstr(r.err, "西城区: no targets stored"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s regions --scope 杭州市", db), 0);
	cr_assert(strstr(r.out, "330114"));
	cr_assert_null(strstr(r.out, "330300"), "温州市 is not in 杭州市");
	brief_run_free(&r);
}

/* Stores one stub article per call, with one GDP growth target. */
static void store_target(brief_db *db, const char *path, const char *region,
			 const char *code, double v, const char *date)
{
	brief_article a = { 0 };
	brief_facts fs = { 0 };
	long long id;
	brief_stored how;
	char text[128];
	snprintf(text, sizeof text, "%s今年力争GDP增长%g%%。", region, v);
	a.path = strdup(path);
	a.name = strdup(strrchr(path, '/') + 1);
	a.encoding = strdup("UTF-8");
	a.original = strdup(text);
	a.original_len = strlen(text);
	a.clean_orig = strdup(text);
	a.clean_orig_len = strlen(text);
	a.text = strdup(text);
	a.text_len = strlen(text);
	a.published = strdup(date);
	snprintf(a.hash, sizeof a.hash, "%s", path);
	brief_fact *f = brief_facts_push(&fs);
	f->type = BRIEF_FACT_TARGET;
	f->region = strdup(region);
	f->region_code = strdup(code);
	f->parent_code = strdup("330100");
	f->indicator = strdup("GDP");
	f->kind = strdup("growth");
	f->has_value = true;
	f->value = v;
	f->unit = strdup("%");
	f->bound = strdup("exact");
	f->period = strdup("全年");
	f->year = 2025;
	f->evidence = strdup(text);
	cr_assert_eq(brief_db_store(db, &a, &fs, &id, &how), 0);
	brief_facts_free(&fs);
	brief_article_free(&a);
}

Test(model, siblings_share_ranks_and_sources_disagree)
{
	char path[96];
	snprintf(path, sizeof path, "%s/t.db", dir);
	brief_db *db = brief_db_open(path, &quiet);
	store_target(db, "/x/a.txt", "上城区", "330102", 6, "2025-02-05");
	store_target(db, "/x/b.txt", "拱墅区", "330105", 6, "2025-02-05");
	store_target(db, "/x/c.txt", "西湖区", "330106", 5.5, "2025-02-05");
	store_target(db, "/x/d.txt", "滨江区", "330108", 6.5, "2025-02-06");
	store_target(db, "/x/e.txt", "滨江区", "330108", 7, "2025-02-07");
	/* seven of 杭州's thirteen: enough to rank */
	store_target(db, "/x/f.txt", "萧山区", "330109", 5, "2025-02-05");
	store_target(db, "/x/g.txt", "余杭区", "330110", 4.5, "2025-02-05");
	store_target(db, "/x/h.txt", "临平区", "330113", 4, "2025-02-05");
	brief_doc d;
	cr_assert_eq(brief_aggregate(db, "西湖区", 2025, &d, &quiet), 0,
		     "西湖区 is in 杭州 and 南昌: the stored one is meant");
	cr_assert_eq(d.ncompare, 1);
	const brief_compare *c = &d.compare[0];
	cr_assert_eq(c->n, 7);
	cr_assert(c->ranked && c->nsiblings == 13);
	/* 滨江区 by its latest source (7), then 6 and 6 share rank 2 */
	cr_assert_str_eq(c->v[0].region_code, "330108");
	cr_assert_float_eq(c->v[0].value, 7, 1e-9);
	cr_assert_eq(c->v[1].rank, 2);
	cr_assert_eq(c->v[2].rank, 2);
	cr_assert_eq(c->v[3].rank, 4);
	cr_assert_eq(c->self_rank, 4);
	brief_doc_free(&d);
	cr_assert_eq(brief_aggregate(db, "滨江区", 2025, &d, &quiet), 0);
	cr_assert_eq(d.targets.n, 2, "both values kept");
	cr_assert(d.targets.v[0].conflict && d.targets.v[1].conflict);
	cr_assert_eq(d.nconflicts, 1, "one indicator, two sources: one conflict");
	cr_assert_eq(d.nsources, 2);
	cr_assert_str_eq(d.date_from, "2025-02-06");
	cr_assert_str_eq(d.date_to, "2025-02-07");
	brief_doc_free(&d);
	brief_db_close(db);
}
