/*
 * A briefing a reader can trust (issue 12): one test per defect the
 * analysts found, on a database ingested from tests/fixtures/briefing
 * (articles written for these tests in the styles of the seeds: a plan
 * article with a 发布时间/来源 line, a 杭州日报讯 review with holiday and
 * year-to-date figures, a web page with og:title and a canonical link,
 * an undated county story).
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/run.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/brief-briefing-%d", getpid());
	brief_test_sh("rm -rf %s && mkdir -p %s", dir, dir);
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/f.db ingest tests/fixtures/briefing", dir), 0,
		     "%s", r.err);
	brief_run_free(&r);
}

static void teardown(void)
{
	brief_test_sh("rm -rf %s", dir);
}

TestSuite(briefing, .init = setup, .fini = teardown, .timeout = 120);

/* The model of a briefing, as `show --json` prints it. */
static json_t *model(const char *region, int year)
{
	brief_run r = { 0 };
	json_error_t err;
	cr_assert_eq(brief_test_run(&r, "--db %s/f.db show %s --year %d --json", dir, region, year),
		     0, "%s", r.err);
	json_t *m = json_loads(r.out, 0, &err);
	cr_assert(m, "%s", err.text);
	brief_run_free(&r);
	return m;
}

static char *shown(const char *region, int year)
{
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/f.db show %s --year %d", dir, region, year), 0,
		     "%s", r.err);
	char *s = r.out;
	r.out = NULL;
	brief_run_free(&r);
	return s;
}

static const char *jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static json_t *row_named(json_t *rows, const char *indicator, size_t *count)
{
	json_t *hit = NULL, *r;
	size_t i;
	*count = 0;
	json_array_foreach(rows, i, r)
		if (jstr(r, "indicator") && !strcmp(jstr(r, "indicator"), indicator)) {
			hit = hit ? hit : r;
			++*count;
		}
	return hit;
}

/* 余杭区's 1480亿元 was printed as one project's investment. */
Test(briefing, a_total_of_projects_is_no_project)
{
	json_t *m = model("富阳区", 2024), *p;
	size_t i, n;
	json_array_foreach(json_object_get(m, "projects"), i, p)
		cr_assert(json_is_null(json_object_get(p, "investment_yi")),
			  "%s got the batch's total", jstr(p, "name"));
	cr_assert_eq(json_array_size(json_object_get(m, "projects")), 5);
	cr_assert_null(row_named(json_object_get(m, "targets"), "总投资", &n));
	json_t *t = json_array_get(json_object_get(m, "project_totals"), 0);
	cr_assert(t);
	cr_assert_str_eq(jstr(t, "label"), "实施区级重点项目");
	cr_assert_float_eq(json_number_value(json_object_get(t, "count")), 120, 1e-9);
	cr_assert_float_eq(json_number_value(json_object_get(t, "investment_yi")), 980, 1e-9);
	json_decref(m);
}

/* 总产值 and 规上工业总产值 of one value were two rows with "0 处来源不一致";
 * two values for one indicator are a conflict naming both sources. */
Test(briefing, one_row_per_indicator_and_conflicts_named)
{
	json_t *m = model("富阳区", 2025), *ts = json_object_get(m, "targets");
	size_t n;
	json_t *r = row_named(ts, "规上工业总产值", &n);
	cr_assert(r && n == 1);
	cr_assert_eq(json_array_size(json_object_get(r, "sources")), 2);
	cr_assert_null(row_named(ts, "总产值", &n));
	json_t *gdp = row_named(ts, "GDP", &n);
	cr_assert_eq(n, 2);
	json_t *other = json_array_get(ts, 1);
	cr_assert(json_is_true(json_object_get(gdp, "conflict")));
	cr_assert(json_is_true(json_object_get(other, "conflict")), "conflicting rows side by side");
	cr_assert_neq(json_integer_value(json_array_get(json_object_get(gdp, "sources"), 0)),
		      json_integer_value(json_array_get(json_object_get(other, "sources"), 0)));
	cr_assert_eq(json_integer_value(json_object_get(m, "conflicts")), 1);
	json_decref(m);
}

/* Spring-festival and year-to-date figures were last year's results; an
 * undated article's guessed year made a briefing of its own. */
Test(briefing, a_fact_belongs_to_its_period)
{
	json_t *m = model("富阳区", 2025), *as = json_object_get(m, "actuals");
	size_t n;
	cr_assert(row_named(as, "GDP", &n));
	cr_assert_null(row_named(as, "乡村景区接待游客", &n), "春节期间 is no year");
	cr_assert_null(row_named(as, "商圈销售额", &n), "截至1月31日 is no year");
	cr_assert_null(row_named(json_object_get(m, "year_actuals"), "接待游客", &n));
	json_decref(m);

	/* a result the extractor dated by guess, in an article with no date */
	sqlite3 *h;
	char path[96];
	snprintf(path, sizeof path, "%s/f.db", dir);
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h,
		"INSERT INTO facts (doc_id, type, region, region_code, parent_code, indicator,"
		" kind, value, unit, bound, period, year, evidence, offset, sentence)"
		" SELECT id, 'actual', '建德市', '330182', '330100', '村集体收入', 'level', 50,"
		" '万元', 'exact', '2022', 2022, '年收入不足五十万元', 60, 4 FROM documents"
		" WHERE name = 'ja_undated.txt'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	brief_run r = { 0 };
	cr_assert_eq(brief_test_run(&r, "--db %s/f.db regions --briefings", dir), 0);
	cr_assert_null(strstr(r.out, "建德市"), "%s", r.out);
	cr_assert_neq(brief_test_run(&r, "--db %s/f.db show 建德市 --year 2023", dir), 0);
	cr_assert(strstr(r.err, "no briefing for 2023"), "%s", r.err);
	cr_assert_eq(brief_test_run(&r, "--db %s/f.db regions --briefings --year 2025", dir), 0);
	cr_assert(strstr(r.out, "330111\t2025"), "%s", r.out);
	cr_assert_eq(brief_test_run(&r, "--db %s/f.db regions --help", dir), 0);
	cr_assert(strstr(r.out, "whole year"), "the rule is said: %s", r.out);
	brief_run_free(&r);
}

/* Every 目标完成情况 row was 未知 although a later article had the result. */
Test(briefing, the_scorecard_resolves_from_any_article)
{
	json_t *m = model("富阳区", 2025), *o;
	size_t i;
	const char *want[][2] = { { "GDP", "exceeded" }, { "规上工业增加值", "missed" },
				  { "固定资产投资", "exceeded" } };
	cr_assert_eq(json_array_size(json_object_get(m, "scorecard")), 3);
	json_array_foreach(json_object_get(m, "scorecard"), i, o) {
		cr_assert_str_eq(jstr(o, "indicator"), want[i][0]);
		cr_assert_str_eq(jstr(o, "outcome"), want[i][1]);
		cr_assert_eq(json_integer_value(json_object_get(o, "year")), 2024);
		cr_assert_eq(json_integer_value(json_array_get(json_object_get(o, "target_sources"), 0)), 1);
		cr_assert_eq(json_integer_value(json_array_get(json_object_get(o, "actual_sources"), 0)), 2);
	}
	cr_assert_float_eq(json_number_value(json_object_get(json_array_get(
		json_object_get(m, "scorecard"), 1), "gap")), -0.8, 1e-9);
	json_decref(m);
	char *t = shown("富阳区", 2025);
	cr_assert(strstr(t, "超额") && strstr(t, "未达成 (差0.8%)"), "%s", t);
	cr_assert_null(strstr(t, "未知"));
	free(t);
}

/* Sources were file names, 日期不详 and never a URL. */
Test(briefing, sources_by_title_publisher_date_and_url)
{
	json_t *m = model("富阳区", 2025), *s;
	size_t i;
	const char *want[][4] = {
		{ "富阳区锚定2024年发展目标", "富春江晚报", "2024-01-16", NULL },
		{ "1月20日，富阳区召开新春第一会", "杭州日报", "2025-01-20", NULL },
		{ "富阳：新春第一会再吹冲锋号", "富阳发布", "2025-01-21",
		  "https://news.example.cn/fuyang/2025/0121/a1.html" },
	};
	cr_assert_eq(json_array_size(json_object_get(m, "sources")), 3);
	json_array_foreach(json_object_get(m, "sources"), i, s) {
		cr_assert_str_eq(jstr(s, "title"), want[i][0]);
		cr_assert_str_eq(jstr(s, "source"), want[i][1]);
		cr_assert_str_eq(jstr(s, "published"), want[i][2]);
		if (want[i][3])
			cr_assert_str_eq(jstr(s, "url"), want[i][3]);
		else
			cr_assert(json_is_null(json_object_get(s, "url")));
	}
	json_decref(m);
	/* a plain text: publisher from a reporter's line, URL from 原文链接 */
	sqlite3 *h;
	sqlite3_stmt *st;
	char path[96];
	snprintf(path, sizeof path, "%s/f.db", dir);
	cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT title, source, url, published FROM documents"
					" WHERE name = 'ja_undated.txt'", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "建德打造山水城市新样板");
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 1), "建德日报");
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 2),
			 "https://news.example.cn/jiande/2023/0716/b2.html");
	cr_assert_eq(sqlite3_column_type(st, 3), SQLITE_NULL, "no date in it: none guessed");
	sqlite3_finalize(st);
	sqlite3_close(h);
	/* links: a PDF link annotation, a LaTeX \href */
	cr_assert_eq(brief_test_sh("%s --db %s/f.db render 富阳区 --year 2025 --format pdf -o %s/f.pdf"
				   " >/dev/null && qpdf --qdf --object-streams=disable %s/f.pdf %s/q.pdf"
				   " && grep -aq '/URI (https://news.example.cn/fuyang/2025/0121/a1.html)'"
				   " %s/q.pdf", brief_test_bin(), dir, dir, dir, dir, dir), 0);
	cr_assert_eq(brief_test_sh("%s --db %s/f.db render 富阳区 --year 2025 -o %s/f.tex >/dev/null"
				   " && grep -q 'href{https://news.example.cn/fuyang/2025/0121/a1.html}'"
				   " %s/f.tex", brief_test_bin(), dir, dir, dir), 0);
}

/* "上城区排第 2 位，共 2 个" among 13 districts. */
Test(briefing, siblings_say_how_many_reported_and_rank_only_at_half)
{
	json_t *m = model("富阳区", 2025);
	json_t *c = json_array_get(json_object_get(m, "compare"), 0);
	cr_assert(c);
	cr_assert_eq(json_integer_value(json_object_get(c, "siblings")), 13);
	cr_assert_eq(json_integer_value(json_object_get(c, "reported")), 2);
	cr_assert(json_is_false(json_object_get(c, "ranked")));
	cr_assert(json_is_null(json_object_get(c, "rank")));
	json_decref(m);
	char *t = shown("富阳区", 2025);
	cr_assert(strstr(t, "13 个区县中 2 个公布"), "%s", t);
	cr_assert_null(strstr(t, "排第"));
	free(t);
}

/* One clause listing five projects was printed five times. */
Test(briefing, the_appendix_prints_a_clause_once)
{
	json_t *m = model("富阳区", 2024), *c;
	size_t i, hits = 0;
	json_array_foreach(json_object_get(m, "appendix"), i, c)
		if (strstr(jstr(c, "text"), "银湖科创走廊")) {
			hits++;
			cr_assert_eq(json_array_size(json_object_get(c, "facts")), 5);
		}
	cr_assert_eq(hits, 1);
	json_decref(m);
	char *t = shown("富阳区", 2024);
	cr_assert_eq(brief_test_count(t, "银湖科创走廊、东洲新材料产业园"), 1, "%s", t);
	free(t);
}

/* 要点: the opening paragraph, every phrase with a number cited. */
Test(briefing, the_summary_cites_every_number)
{
	json_t *m = model("富阳区", 2025), *p;
	size_t i;
	cr_assert_gt(json_array_size(json_object_get(m, "summary")), 2);
	json_array_foreach(json_object_get(m, "summary"), i, p)
		if (strpbrk(jstr(p, "text"), "0123456789"))
			cr_assert_gt(json_array_size(json_object_get(p, "sources")), 0, "%s",
				     jstr(p, "text"));
	cr_assert(strstr(jstr(json_array_get(json_object_get(m, "summary"), 0), "text"),
			 "2025 年目标"));
	json_decref(m);
	char *t = shown("富阳区", 2025);
	cr_assert(strstr(t, "2024 年GDP目标增长6%以上，实绩6.5%，超额[1][2]"), "%s", t);
	free(t);
}

/* A trend per headline indicator: 2024 target and result, 2025 target. */
Test(briefing, a_trend_per_headline_indicator)
{
	json_t *m = model("富阳区", 2025);
	json_t *t = json_array_get(json_object_get(m, "trends"), 0);
	cr_assert(t);
	cr_assert_str_eq(jstr(t, "indicator"), "GDP");
	json_t *pts = json_object_get(t, "points");
	cr_assert_eq(json_array_size(pts), 3);
	const int years[] = { 2024, 2024, 2025 };
	const char *types[] = { "target", "actual", "target" };
	for (size_t i = 0; i < 3; i++) {
		json_t *p = json_array_get(pts, i);
		cr_assert_eq(json_integer_value(json_object_get(p, "year")), years[i]);
		cr_assert_str_eq(jstr(p, "type"), types[i]);
	}
	json_decref(m);
}

/* Text, JSON, PDF and LaTeX say the same things. */
Test(briefing, every_renderer_has_the_same_content)
{
	static const char *const said[] = { "要点", "超额", "13 个区县中 2 个公布", "历年走势",
					    "2024 实绩", "富春江晚报", "数据依据" };
	cr_assert_eq(brief_test_sh("%s --db %s/f.db render 富阳区 --year 2025 --format pdf -o %s/a.pdf"
				   " >/dev/null && pdftotext %s/a.pdf %s/a.txt", brief_test_bin(), dir,
				   dir, dir, dir), 0);
	cr_assert_eq(brief_test_sh("%s --db %s/f.db render 富阳区 --year 2025 -o %s/a.tex >/dev/null",
				   brief_test_bin(), dir, dir), 0);
	/* the LaTeX source as it reads: without the boxes and ties that keep
	 * numbers with units and last characters together */
	cr_assert_eq(brief_test_sh("sed 's/\\\\mbox{\\([^}]*\\)}/\\1/g; s/\\\\nobreak //g' "
				   "%s/a.tex > %s/a.read", dir, dir), 0);
	char *t = shown("富阳区", 2025);
	for (size_t i = 0; i < sizeof said / sizeof *said; i++) {
		cr_assert(strstr(t, said[i]), "text lacks %s", said[i]);
		cr_assert_eq(brief_test_sh("grep -q '%s' %s/a.txt", said[i], dir), 0, "PDF lacks %s",
			     said[i]);
		cr_assert_eq(brief_test_sh("grep -q '%s' %s/a.read", said[i], dir), 0,
			     "LaTeX lacks %s", said[i]);
	}
	/* the trend is a chart in both typeset outputs */
	cr_assert_eq(brief_test_sh("grep -q 'rectangle' %s/a.read && grep -q '2025 目标' %s/a.read",
				   dir, dir), 0);
	free(t);
}
