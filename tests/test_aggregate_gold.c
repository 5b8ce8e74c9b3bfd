/*
 * Aggregation on the hand-checked gold facts of the seeds, loaded into a
 * database as the extractor would store them: checks the model's rules
 * independently of how well extraction does on the seeds.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "extract/regions.h"
#include "support/run.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-agg-gold-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(aggregate_gold, .init = setup, .fini = teardown, .timeout = 60);

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
			size_t k = brief_region_lookup(g, jstr(f, "region"), r, 4);
			if (!k)
				continue;
			/* the seeds are all about Zhejiang (西湖区 is also in Nanchang) */
			for (size_t c = 1; c < k && c < 4; c++)
				if (strncmp(r[0]->code, "33", 2) != 0)
					r[0] = r[c];
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

Test(aggregate_gold, gold_qiantang_2025)
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
	/* a comparison needs this region's own value */
	for (size_t i = 0; i < doc.ncompare; i++)
		cr_assert_neq(doc.compare[i].self_rank, 0);
	brief_doc_free(&doc);
	/* a name shared with Nanchang means the one with facts */
	cr_assert_eq(brief_aggregate(db, "西湖区", 2025, &doc, &d), 0, "%s", msg);
	cr_assert_str_eq(doc.region_code, "330106");
	cr_assert_str_eq(doc.parent, "杭州市");
	brief_doc_free(&doc);
	/* an unknown region and a year without facts are errors */
	cr_assert_eq(brief_aggregate(db, "不存在区", 2025, &doc, &d), -1);
	cr_assert(strstr(msg, "不存在区"), "%s", msg);
	cr_assert_eq(brief_aggregate(db, "钱塘区", 1999, &doc, &d), -1);
	cr_assert(strstr(msg, "1999"), "%s", msg);
	brief_db_close(db);
}

Test(aggregate_gold, gold_yuhang_2024)
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
	/* only results: no plan year to default to */
	cr_assert_eq(brief_aggregate(db, "台州市", 0, &doc, &d), -1);
	cr_assert(strstr(msg, "no targets"), "%s", msg);
	brief_db_close(db);
}


/* Last year's targets keep their rows, so the scorecard cites sources. */
Test(aggregate_gold, scorecard_rows_carry_sources)
{
	brief_db *db = gold_db();
	char msg[256] = "";
	brief_diag d = { .sink = silent, .user = msg };
	brief_doc doc;
	/* a result for 2024 of the 固定资产投资 target of 001 (2024: 1000
	 * 亿元 or more), as a later article would report it */
	cr_assert_eq(sqlite3_exec(brief_db_handle(db),
		"INSERT INTO facts (doc_id, type, region, region_code, parent_code,"
		" indicator, kind, value, unit, bound, period, year, evidence, offset)"
		" VALUES (1, 'actual', '余杭区', '330110', '330100', '固定资产投资',"
		" 'level', 1050, '亿元', 'exact', '2024', 2024, '固定资产投资1050亿元', 999)",
		NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(brief_aggregate(db, "余杭区", 2025, &doc, &d), 0, "%s", msg);
	const brief_outcome *o = NULL;
	for (size_t i = 0; i < doc.nscorecard; i++)
		if (strcmp(doc.scorecard[i].indicator, "固定资产投资") == 0)
			o = &doc.scorecard[i];
	cr_assert(o);
	cr_assert_eq(o->outcome, BRIEF_OUTCOME_EXCEEDED, "1050 against 1000以上");
	cr_assert_float_eq(o->gap, 50, 1e-9);
	cr_assert(o->target_row && o->target_row->nev >= 1);
	cr_assert(o->actual_row && o->actual_row->nev >= 1);
	int ts = o->target_row->ev[0].source, as = o->actual_row->ev[0].source;
	cr_assert(ts >= 1 && (size_t)ts <= doc.nsources);
	cr_assert_str_eq(doc.sources[ts - 1].file, "001_fb79c2cc7258167d.txt");
	cr_assert_str_eq(doc.sources[as - 1].file, "000_851db24ed264abd6.txt");
	brief_doc_free(&doc);
	brief_db_close(db);
}
