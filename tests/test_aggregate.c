/*
 * Aggregation: hand-built fact sets through the pure model builder
 * (merging, conflicts, scorecard, siblings, projects, tiers), the
 * hand-checked gold facts of the seeds loaded into a database, and the
 * seeds end to end through the brief command (show, regions, golden JSON).
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "aggregate/internal.h"
#include "extract/regions.h"
#include "render/render.h"
#include "support/run.h"
#include "util/utf8.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-agg-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(aggregate, .init = setup, .fini = teardown, .timeout = 120);

/* ---- hand-built facts ------------------------------------------------ */

static char *sdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static brief_fact *measure(brief_facts *fs, brief_fact_type type, long long doc,
			   const char *code, const char *ind, const char *kind,
			   double value, const char *unit, const char *bound,
			   int year, const char *period)
{
	brief_fact *f = brief_facts_push(fs);
	cr_assert(f);
	f->type = type;
	f->doc_id = doc;
	f->region_code = sdup(code);
	f->region = sdup(strcmp(code, "330114") == 0 ? "钱塘区"
			 : strcmp(code, "330109") == 0 ? "萧山区"
			 : strcmp(code, "330110") == 0 ? "余杭区" : "上城区");
	f->parent_code = sdup("330100");
	f->indicator = sdup(ind);
	f->kind = sdup(kind);
	f->has_value = true;
	f->value = value;
	f->unit = sdup(unit);
	f->bound = sdup(bound);
	f->year = year;
	f->period = sdup(period);
	f->evidence = sdup(ind);
	f->offset = fs->n * 10;
	return f;
}

static brief_fact *named(brief_facts *fs, brief_fact_type type, long long doc,
			 const char *name, int year)
{
	brief_fact *f = brief_facts_push(fs);
	cr_assert(f);
	f->type = type;
	f->doc_id = doc;
	f->region_code = sdup("330114");
	f->region = sdup("钱塘区");
	f->parent_code = sdup("330100");
	f->name = sdup(name);
	f->year = year;
	f->evidence = sdup(name);
	f->offset = fs->n * 10;
	return f;
}

/* Document 1 is published after document 2, so 2 is source [1]. */
static const brief_source docs[] = {
	{ 0, 1, "later", "A", "2025-02-06", "b.txt", NULL },
	{ 0, 2, "earlier", "B", "2025-02-05", "a.txt", NULL },
	{ 0, 3, "unused", "C", "2020-01-01", "c.txt", NULL },
};

static void build(const brief_facts *fs, int year, brief_doc *d)
{
	brief_agg_in in = {
		.region = "钱塘区", .region_code = "330114", .parent = "杭州市",
		.parent_code = "330100", .year = year, .facts = fs->v,
		.nfacts = fs->n, .docs = docs, .ndocs = 3,
	};
	cr_assert_eq(brief_agg_build(&in, d), 0);
}

Test(aggregate, same_fact_from_two_sources_is_one_row)
{
	brief_facts fs = { 0 };
	brief_doc d;
	measure(&fs, BRIEF_FACT_TARGET, 1, "330114", "GDP", "growth", 6, "%", "min", 2025, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 2, "330114", "GDP", "growth", 6, "%", "min", 2025, "全年");
	build(&fs, 2025, &d);
	cr_assert_eq(d.targets.n, 1);
	cr_assert_not(d.targets.v[0].conflict);
	cr_assert_eq(d.targets.v[0].nev, 2);
	/* numbered by publication date: the earlier document is [1] */
	cr_assert_eq(d.targets.v[0].ev[0].source, 1);
	cr_assert_eq(d.targets.v[0].ev[1].source, 2);
	cr_assert_eq(d.nsources, 2, "the unused document is not a source");
	cr_assert_str_eq(d.sources[0].title, "earlier");
	cr_assert_str_eq(d.date_from, "2025-02-05");
	cr_assert_str_eq(d.date_to, "2025-02-06");
	cr_assert_eq(d.nfacts, 2);
	cr_assert_eq(d.nconflicts, 0);
	brief_doc_free(&d);
	brief_facts_free(&fs);
}

Test(aggregate, different_values_are_kept_and_flagged)
{
	brief_facts fs = { 0 };
	brief_doc d;
	brief_buf text = BRIEF_BUF_INIT;
	measure(&fs, BRIEF_FACT_TARGET, 1, "330114", "GDP", "growth", 6, "%", "min", 2025, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 2, "330114", "GDP", "growth", 6.5, "%", "min", 2025, "全年");
	/* another kind of the same indicator is no conflict */
	measure(&fs, BRIEF_FACT_TARGET, 2, "330114", "GDP", "level", 2000, "亿元", "min", 2025, "全年");
	build(&fs, 2025, &d);
	cr_assert_eq(d.targets.n, 3);
	/* rows in source order: document 2 (published earlier) first */
	cr_assert_eq(d.targets.v[0].value, 6.5);
	cr_assert_str_eq(d.targets.v[1].kind, "level");
	cr_assert_eq(d.targets.v[2].value, 6);
	cr_assert(d.targets.v[0].conflict && d.targets.v[2].conflict);
	cr_assert_not(d.targets.v[1].conflict);
	cr_assert_eq(d.nconflicts, 2);
	cr_assert_eq(brief_render_text(&d, &text), 0);
	cr_assert_eq(brief_test_count(text.data, "来源不一致"), 3, "[%s]", text.data);
	brief_buf_free(&text);
	brief_doc_free(&d);
	brief_facts_free(&fs);
}

Test(aggregate, judge_each_bound)
{
	cr_assert_eq(brief_agg_judge("min", "growth", "%", 6, 6.2), BRIEF_OUTCOME_MET);
	cr_assert_eq(brief_agg_judge("min", "growth", "%", 6, 5.9), BRIEF_OUTCOME_MISSED);
	cr_assert_eq(brief_agg_judge("exact", "level", "亿元", 1000, 1000), BRIEF_OUTCOME_MET);
	cr_assert_eq(brief_agg_judge("exact", "level", "亿元", 1000, 990), BRIEF_OUTCOME_MISSED);
	cr_assert_eq(brief_agg_judge("max", "share", "%", 3, 2.5), BRIEF_OUTCOME_MET);
	cr_assert_eq(brief_agg_judge("max", "share", "%", 3, 3.4), BRIEF_OUTCOME_MISSED);
	/* approx: 0.5 points for percentages, 5 % of the target otherwise */
	cr_assert_eq(brief_agg_judge("approx", "growth", "%", 6, 5.6), BRIEF_OUTCOME_MET);
	cr_assert_eq(brief_agg_judge("approx", "growth", "%", 6, 5.4), BRIEF_OUTCOME_MISSED);
	cr_assert_eq(brief_agg_judge("approx", "level", "亿元", 1000, 960), BRIEF_OUTCOME_MET);
	cr_assert_eq(brief_agg_judge("approx", "level", "亿元", 1000, 940), BRIEF_OUTCOME_MISSED);
	/* ranks: 1 is best */
	cr_assert_eq(brief_agg_judge("exact", "rank", "名", 3, 2), BRIEF_OUTCOME_MET);
	cr_assert_eq(brief_agg_judge("exact", "rank", "名", 3, 5), BRIEF_OUTCOME_MISSED);
}

Test(aggregate, scorecard_met_missed_unknown)
{
	brief_facts fs = { 0 };
	brief_doc d;
	measure(&fs, BRIEF_FACT_TARGET, 2, "330114", "GDP", "growth", 6, "%", "min", 2024, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 2, "330114", "固定资产投资", "growth", 8, "%", "approx", 2024, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 2, "330114", "财政总收入", "level", 800, "亿元", "min", 2024, "全年");
	measure(&fs, BRIEF_FACT_ACTUAL, 1, "330114", "GDP", "growth", 6.8, "%", "exact", 2024, "2024");
	/* a half-year figure is shown but does not judge a whole-year target */
	measure(&fs, BRIEF_FACT_ACTUAL, 1, "330114", "固定资产投资", "growth", 9, "%", "exact", 2024, "2024年上半年");
	measure(&fs, BRIEF_FACT_ACTUAL, 1, "330114", "固定资产投资", "growth", 7.1, "%", "exact", 2024, "2024");
	build(&fs, 2025, &d);
	cr_assert_eq(d.actuals.n, 3);
	cr_assert_not(d.actuals.v[1].conflict, "different periods do not conflict");
	cr_assert_eq(d.nscorecard, 3);
	cr_assert_eq(d.scorecard[0].outcome, BRIEF_OUTCOME_MET);
	cr_assert_float_eq(d.scorecard[0].gap, 0.8, 1e-9);
	cr_assert_eq(d.scorecard[1].outcome, BRIEF_OUTCOME_MISSED);
	cr_assert_float_eq(d.scorecard[1].actual, 7.1, 1e-9);
	cr_assert_float_eq(d.scorecard[1].gap, -0.9, 1e-9);
	cr_assert_eq(d.scorecard[2].outcome, BRIEF_OUTCOME_UNKNOWN);
	cr_assert_not(d.scorecard[2].has_actual);
	cr_assert_eq(d.scorecard[2].target_row, &d.prev_targets.v[2]);
	cr_assert_eq(d.targets.n, 0);
	brief_doc_free(&d);
	brief_facts_free(&fs);
}

Test(aggregate, siblings_ranked_with_ties)
{
	brief_facts fs = { 0 };
	brief_doc d;
	measure(&fs, BRIEF_FACT_TARGET, 1, "330114", "GDP", "growth", 6, "%", "min", 2025, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 1, "330109", "GDP", "growth", 6.5, "%", "min", 2025, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 1, "330110", "GDP", "growth", 6, "%", "min", 2025, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 1, "330102", "GDP", "growth", 5.5, "%", "approx", 2025, "全年");
	/* another year and another indicator stated by one region only */
	measure(&fs, BRIEF_FACT_TARGET, 1, "330109", "GDP", "growth", 9, "%", "min", 2024, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 1, "330109", "社会消费品零售总额", "growth", 5, "%", "min", 2025, "全年");
	build(&fs, 2025, &d);
	cr_assert_eq(d.ncompare, 1);
	brief_compare *c = &d.compare[0];
	cr_assert_str_eq(c->indicator, "GDP");
	cr_assert_eq(c->n, 4);
	cr_assert_str_eq(c->v[0].region, "萧山区");
	cr_assert_eq(c->v[0].rank, 1);
	/* 钱塘区 and 余杭区 tie for second; order by code */
	cr_assert_str_eq(c->v[1].region_code, "330110");
	cr_assert_eq(c->v[1].rank, 2);
	cr_assert_str_eq(c->v[2].region_code, "330114");
	cr_assert_eq(c->v[2].rank, 2);
	cr_assert(c->v[2].self);
	cr_assert_eq(c->v[3].rank, 4);
	cr_assert_eq(c->self_rank, 2);
	brief_doc_free(&d);
	brief_facts_free(&fs);
}

Test(aggregate, projects_merged_by_name_and_ordered)
{
	brief_facts fs = { 0 };
	brief_doc d;
	named(&fs, BRIEF_FACT_PROJECT, 1, "“临江科创园”项目", 2025)->status = sdup("开工");
	brief_fact *f = named(&fs, BRIEF_FACT_PROJECT, 2, "临江科创园", 2025);
	f->has_investment = true;
	f->investment_yi = 13;
	f = named(&fs, BRIEF_FACT_PROJECT, 2, "下沙公租房一期", 2025);
	f->has_investment = true;
	f->investment_yi = 20;
	named(&fs, BRIEF_FACT_PROJECT, 2, "钱塘枢纽", 2025);
	named(&fs, BRIEF_FACT_PROJECT, 2, "中国医药港", 2025);
	named(&fs, BRIEF_FACT_PROJECT, 2, "旧项目", 2024);
	build(&fs, 2025, &d);
	cr_assert_eq(d.projects.n, 4);
	cr_assert_str_eq(d.projects.v[0].name, "下沙公租房一期");
	cr_assert_str_eq(d.projects.v[1].name, "临江科创园", "first seen in the earlier source");
	cr_assert_eq(d.projects.v[1].investment_yi, 13);
	cr_assert_str_eq(d.projects.v[1].status, "开工");
	cr_assert_eq(d.projects.v[1].nev, 2);
	/* without investment: by name */
	cr_assert_str_eq(d.projects.v[2].name, "中国医药港");
	cr_assert_str_eq(d.projects.v[3].name, "钱塘枢纽");
	char *k = brief_agg_project_key("【河庄片区】 人才租赁住房（一期）项目");
	cr_assert_str_eq(k, "河庄片区人才租赁住房一期");
	free(k);
	brief_doc_free(&d);
	brief_facts_free(&fs);
}

Test(aggregate, clusters_grouped_by_tier)
{
	brief_facts fs = { 0 };
	brief_doc d;
	named(&fs, BRIEF_FACT_CLUSTER, 2, "数字经济", 2025);
	named(&fs, BRIEF_FACT_CLUSTER, 2, "集成电路", 2025)->tier = sdup("国字号");
	named(&fs, BRIEF_FACT_CLUSTER, 2, "生物医药", 2025)->tier = sdup("省级特色");
	named(&fs, BRIEF_FACT_CLUSTER, 2, "大飞机", 2025)->tier = sdup("国字号");
	named(&fs, BRIEF_FACT_CLUSTER, 1, "集成电路", 2025);
	build(&fs, 2025, &d);
	cr_assert_eq(d.clusters.n, 4);
	cr_assert_eq(d.ntiers, 3);
	cr_assert_str_eq(d.tiers[0].tier, "国字号");
	cr_assert_eq(d.tiers[0].n, 2);
	cr_assert_str_eq(d.tiers[0].rows[1]->name, "大飞机");
	cr_assert_eq(d.tiers[0].rows[0]->nev, 2);
	cr_assert_str_eq(d.tiers[1].tier, "省级特色");
	cr_assert_null(d.tiers[2].tier, "untiered last");
	brief_doc_free(&d);
	brief_facts_free(&fs);
}

Test(aggregate, text_columns_align_by_display_width)
{
	brief_facts fs = { 0 };
	brief_doc d;
	brief_buf out = BRIEF_BUF_INIT;
	measure(&fs, BRIEF_FACT_TARGET, 2, "330114", "GDP", "growth", 6, "%", "min", 2025, "全年");
	measure(&fs, BRIEF_FACT_TARGET, 2, "330114", "规上工业增加值", "growth", 5.5, "%", "exact", 2025, "全年");
	build(&fs, 2025, &d);
	cr_assert_eq(brief_render_text(&d, &out), 0);
	const char *a = strstr(out.data, "  GDP "), *b = strstr(out.data, "  规上工业增加值 ");
	cr_assert(a && b, "%s", out.data);
	const char *va = strstr(a, "增长6%"), *vb = strstr(b, "增长5.5%");
	cr_assert(va && vb);
	char *pa = strndup(a, (size_t)(va - a)), *pb = strndup(b, (size_t)(vb - b));
	cr_assert_eq(brief_utf8_width(pa), brief_utf8_width(pb), "%s", out.data);
	cr_assert(strstr(out.data, "增长6%以上"));
	cr_assert(strstr(out.data, "核心目标") && strstr(out.data, "来源"));
	free(pa);
	free(pb);
	brief_buf_free(&out);
	brief_doc_free(&d);
	brief_facts_free(&fs);
}

/* ---- the gold facts of the seeds in a database ----------------------- */

static void silent(void *user, brief_severity sev, const char *msg)
{
	(void)user, (void)sev;
	if (user)
		snprintf(user, 256, "%s", msg);
}

static const char *jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_num(sqlite3_stmt *st, int i, json_t *v)
{
	if (json_is_number(v))
		sqlite3_bind_double(st, i, json_number_value(v));
	else
		sqlite3_bind_null(st, i);
}

/* Facts of one gold file as the extractor would store them: year of a
 * target, project or cluster = the plan year, of an actual = the year
 * its period starts with. */
static void load_gold(sqlite3 *h, const brief_gazetteer *g, const char *path,
		      long long id)
{
	static const char *const types[] = { "targets", "actuals", "projects", "clusters" };
	static const char *const names[] = { "target", "actual", "project", "cluster" };
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	sqlite3_stmt *st = NULL;
	char sql[512];
	cr_assert(root, "%s: %s", path, err.text);
	snprintf(sql, sizeof sql, "INSERT INTO documents (id, path, name, hash, "
		 "encoding, script, title, published, original, clean_orig, text, "
		 "chars, ingested_at) VALUES (%lld, ?1, ?2, 'h', 'UTF-8', "
		 "'simplified', ?3, ?4, '', '', '', 0, '')", id);
	cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	bind_str(st, 1, path);
	bind_str(st, 2, jstr(root, "doc"));
	bind_str(st, 3, jstr(root, "doc"));
	bind_str(st, 4, jstr(root, "published"));
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s", sqlite3_errmsg(h));
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_prepare_v2(h,
		"INSERT INTO facts (doc_id, type, region, region_code, parent_code,"
		" indicator, kind, value, unit, bound, qualifier, period, year, name,"
		" investment_yi, tier, evidence, offset) VALUES (?1, ?2, ?3, ?4, ?5,"
		" ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
		-1, &st, NULL), SQLITE_OK);
	int plan = (int)json_integer_value(json_object_get(root, "plan_year"));
	for (int t = 0; t < 4; t++) {
		size_t i;
		json_t *f;
		json_array_foreach(json_object_get(root, types[t]), i, f) {
			const brief_region *r[4];
			const char *period = jstr(f, "period");
			int year = t == 1 && period ? atoi(period) : plan;
			/* villages and the like have no code: the extractor
			 * cannot store them either */
			if (!brief_region_lookup(g, jstr(f, "region"), r, 4))
				continue;
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, id);
			bind_str(st, 2, names[t]);
			bind_str(st, 3, r[0]->name);
			bind_str(st, 4, r[0]->code);
			bind_str(st, 5, r[0]->parent_code);
			bind_str(st, 6, jstr(f, "indicator"));
			bind_str(st, 7, jstr(f, "kind"));
			bind_num(st, 8, json_object_get(f, "value"));
			bind_str(st, 9, jstr(f, "unit"));
			bind_str(st, 10, jstr(f, "bound"));
			bind_str(st, 11, jstr(f, "qualifier"));
			bind_str(st, 12, period);
			sqlite3_bind_int(st, 13, year);
			bind_str(st, 14, jstr(f, "name"));
			bind_num(st, 15, json_object_get(f, "investment_yi"));
			bind_str(st, 16, jstr(f, "tier"));
			bind_str(st, 17, jstr(f, "evidence"));
			sqlite3_bind_int64(st, 18, (sqlite3_int64)i);
			cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s", sqlite3_errmsg(h));
		}
	}
	sqlite3_finalize(st);
	json_decref(root);
}

static brief_db *gold_db(void)
{
	static const char *const files[] = {
		"tests/gold/000_851db24ed264abd6.json", "tests/gold/001_fb79c2cc7258167d.json",
		"tests/gold/002_aad395e038006355.json", "tests/gold/003_b4f9f690818a8c05.json",
		"tests/gold/004_74212d2662a3d8db.json",
	};
	static brief_diag d = { .sink = silent };
	char path[96];
	brief_gazetteer *g = brief_gazetteer_new();
	snprintf(path, sizeof path, "%s/gold.db", dir);
	brief_db *db = brief_db_open(path, &d);
	cr_assert(db && g);
	for (int i = 0; i < 5; i++)
		load_gold(brief_db_handle(db), g, files[i], i + 1);
	brief_gazetteer_free(g);
	return db;
}

static const brief_row *find_row(const brief_rows *rs, const char *ind,
				 const char *name)
{
	for (size_t i = 0; i < rs->n; i++)
		if ((ind && rs->v[i].indicator && strcmp(rs->v[i].indicator, ind) == 0) ||
		    (name && rs->v[i].name && strcmp(rs->v[i].name, name) == 0))
			return &rs->v[i];
	return NULL;
}

Test(aggregate, gold_qiantang_2025)
{
	brief_db *db = gold_db();
	char msg[256] = "";
	brief_diag d = { .sink = silent, .user = msg };
	brief_doc doc;
	/* the short name resolves through the gazetteer */
	cr_assert_eq(brief_aggregate(db, "钱塘", 2025, &doc, &d), 0, "%s", msg);
	cr_assert_str_eq(doc.region, "钱塘区");
	cr_assert_str_eq(doc.parent, "杭州市");
	const brief_row *r = find_row(&doc.targets, "规上工业总产值", NULL);
	cr_assert(r);
	cr_assert_eq(r->value, 4000);
	cr_assert_str_eq(r->unit, "亿元");
	/* stated by both 2025 articles: one row, two sources */
	cr_assert_eq(r->nev, 2);
	cr_assert_neq(r->ev[0].source, r->ev[1].source);
	cr_assert_eq(doc.nsources, 2);
	cr_assert_str_eq(doc.sources[0].published, "2025-02-05");
	cr_assert_str_eq(doc.sources[1].published, "2025-02-06");
	cr_assert_str_eq(doc.tiers[0].tier, "国字号");
	cr_assert(find_row(&doc.clusters, NULL, "集成电路"));
	cr_assert(find_row(&doc.clusters, NULL, "大飞机"));
	/* projects with investment first */
	cr_assert(doc.projects.n > 2);
	cr_assert(doc.projects.v[0].has_investment);
	for (size_t i = 1; i < doc.projects.n; i++)
		if (doc.projects.v[i].has_investment)
			cr_assert_geq(doc.projects.v[i - 1].investment_yi,
				      doc.projects.v[i].investment_yi);
	/* the district GDP targets of Hangzhou */
	cr_assert(doc.ncompare >= 1);
	brief_doc_free(&doc);
	/* an unknown region and a year without facts are errors */
	cr_assert_eq(brief_aggregate(db, "不存在区", 2025, &doc, &d), -1);
	cr_assert(strstr(msg, "不存在区"), "%s", msg);
	cr_assert_eq(brief_aggregate(db, "钱塘区", 1999, &doc, &d), -1);
	cr_assert(strstr(msg, "1999"), "%s", msg);
	brief_db_close(db);
}

Test(aggregate, gold_yuhang_2024)
{
	brief_db *db = gold_db();
	char msg[256] = "";
	brief_diag d = { .sink = silent, .user = msg };
	brief_doc doc;
	cr_assert_eq(brief_aggregate(db, "330110", 2024, &doc, &d), 0, "%s", msg);
	cr_assert_str_eq(doc.region, "余杭区");
	const brief_row *r = NULL;
	for (size_t i = 0; i < doc.actuals.n; i++)
		if (strcmp(doc.actuals.v[i].indicator, "财政总收入") == 0 &&
		    strcmp(doc.actuals.v[i].kind, "level") == 0)
			r = &doc.actuals.v[i];
	cr_assert(r);
	cr_assert_float_eq(r->value, 801.57, 1e-9);
	cr_assert_eq(r->year, 2023);
	brief_doc_free(&doc);
	/* default year: the latest with targets */
	cr_assert_eq(brief_aggregate(db, "余杭区", 0, &doc, &d), 0, "%s", msg);
	cr_assert_eq(doc.year, 2025);
	brief_doc_free(&doc);
	/* only results: the briefing of the year after them, partial
	 * periods kept with their label */
	cr_assert_eq(brief_aggregate(db, "台州", 0, &doc, &d), 0, "%s", msg);
	cr_assert_eq(doc.year, 2025);
	cr_assert_eq(doc.targets.n, 0);
	cr_assert_gt(doc.actuals.n, 0);
	cr_assert_str_eq(doc.actuals.v[0].period, "2024年第一季度");
	cr_assert_str_eq(doc.parent, "浙江省");
	brief_doc_free(&doc);
	brief_db_close(db);
}

/* ---- the seeds through the command ----------------------------------- */

static void ingest(void)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db ingest data/articles", dir), 0,
		     "%s", r.err);
	brief_run_free(&r);
}

Test(aggregate, show_seeds_end_to_end)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db show 钱塘区 --year 2025", dir), 0,
		     "%s", r.err);
	cr_assert(strstr(r.out, "核心目标"));
	cr_assert(strstr(r.out, "4000亿元以上"), "%s", r.out);
	cr_assert(strstr(r.out, "国字号：集成电路[1]、大飞机[1]"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db show 余杭 --year 2024", dir), 0,
		     "%s", r.err);
	cr_assert(strstr(r.out, "上年实绩（2023）"));
	cr_assert(strstr(r.out, "财政总收入"));
	cr_assert(strstr(r.out, "801.57亿元"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db show 余杭区 --year 2024 --json", dir), 0);
	json_error_t err;
	json_t *j = json_loads(r.out, 0, &err);
	cr_assert(j, "%s", err.text);
	cr_assert_str_eq(json_string_value(json_object_get(j, "region_code")), "330110");
	json_decref(j);
	brief_run_free(&r);
}

Test(aggregate, show_and_regions_usage_and_errors)
{
	brief_run r = { 0 };
	ingest();
	cr_assert_eq(brief_test_run(&r, "show --help"), 0);
	cr_assert(strstr(r.out, "usage: brief"));
	cr_assert_eq(brief_test_run(&r, "regions --help"), 0);
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db show", dir), 2);
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db show 钱塘区 --year abc", dir), 2);
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db regions --bogus", dir), 2);
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db show 不存在区", dir), 1);
	cr_assert(strstr(r.err, "no facts for region '不存在区'"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db show 钱塘区 --year 1999", dir), 1);
	cr_assert(strstr(r.err, "1999"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db regions --scope 杭州市", dir), 0);
	cr_assert(strstr(r.out, "330114") && strstr(r.out, "330100"), "%s", r.out);
	cr_assert_null(strstr(r.out, "330300"), "温州市 is outside 杭州市");
	cr_assert_eq(brief_test_run(&r, "--db %s/s.db regions --year 2025", dir), 0);
	cr_assert(strstr(r.out, "钱塘区"));
	cr_assert_null(strstr(r.out, "温州市"), "%s", r.out);
	brief_run_free(&r);
}

Test(aggregate, golden_json)
{
	static const char *const golden[][2] = {
		{ "钱塘区", "2025" }, { "余杭区", "2024" },
	};
	ingest();
	for (size_t i = 0; i < 2; i++) {
		char path[128];
		snprintf(path, sizeof path, "%s/out.json", dir);
		cr_assert_eq(brief_test_sh("%s --db %s/s.db show %s --year %s --json >%s",
					   brief_test_bin(), dir, golden[i][0],
					   golden[i][1], path), 0);
		cr_assert_eq(brief_test_sh("cmp -s %s tests/golden/%s-%s.json", path,
					   golden[i][0], golden[i][1]), 0,
			     "show %s --year %s --json differs from tests/golden "
			     "(make golden, then review the diff)", golden[i][0],
			     golden[i][1]);
	}
}
