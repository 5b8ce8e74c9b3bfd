#include "doc_fixture.h"

#include "aggregate/merge.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void add_ev(brief_row *r, int src, const char *text, size_t off)
{
	r->ev = realloc(r->ev, (r->nev + 1) * sizeof *r->ev);
	r->ev[r->nev++] = (brief_evidence){ src, dup(text), off };
}

static brief_row *push(brief_rows *rs)
{
	rs->v = realloc(rs->v, (rs->n + 1) * sizeof *rs->v);
	brief_row *r = &rs->v[rs->n++];
	memset(r, 0, sizeof *r);
	return r;
}

static brief_row *measure(brief_rows *rs, brief_fact_type t,
			  const char *ind, const char *kind, double v,
			  const char *unit, const char *bound, const char *q,
			  const char *period, int year)
{
	brief_row *r = push(rs);
	r->type = t;
	r->indicator = dup(ind);
	r->kind = dup(kind);
	r->has_value = true;
	r->value = v;
	r->unit = dup(unit);
	r->bound = dup(bound);
	r->qualifier = dup(q);
	r->period = dup(period);
	r->year = year;
	return r;
}

static brief_row *named(brief_rows *rs, brief_fact_type t, const char *name,
			double inv, const char *status, const char *tier)
{
	brief_row *r = push(rs);
	r->type = t;
	r->name = dup(name);
	r->has_investment = inv > 0;
	r->investment_yi = inv;
	r->status = dup(status);
	r->tier = dup(tier);
	return r;
}

static void sources(brief_doc *d)
{
	static const char *const s[][5] = {
		{ "奋进2025 杭州各区县(市)立下全年目标", "杭州日报",
		  "2025-02-05", "000_851db24ed264abd6.txt", NULL },
		{ "钱塘区召开新春第一会", "钱塘发布", "2025-02-06",
		  "004_74212d2662a3d8db.txt",
		  "https://www.hzqt.gov.cn/art/2025/2/6/art_1229_1.html" },
		{ "钱塘区一届二次全会", NULL, NULL,
		  "003_b4f9f690818a8c05.txt", NULL },
	};
	d->nsources = 3;
	d->sources = calloc(3, sizeof *d->sources);
	for (int i = 0; i < 3; i++) {
		brief_source *x = &d->sources[i];
		x->num = i + 1;
		x->doc_id = i + 1;
		x->title = dup(s[i][0]);
		x->source = dup(s[i][1]);
		x->published = dup(s[i][2]);
		x->file = dup(s[i][3]);
		x->url = dup(s[i][4]);
	}
}

static void targets(brief_doc *d)
{
	brief_row *r;
	r = measure(&d->targets, BRIEF_FACT_TARGET, "规上工业增加值", "growth",
		    5.5, "%", "exact", "力争", "全年", 2025);
	add_ev(r, 1, "力争全年规上工业增加值增长5.5%", 1620);
	add_ev(r, 2, "今年力争规上工业增加值增长5.5%", 210);
	r = measure(&d->targets, BRIEF_FACT_TARGET, "规上工业总产值", "level",
		    4000, "亿元", "min", "力争", "全年", 2025);
	add_ev(r, 1, "总产值突破4000亿元", 1642);
	add_ev(r, 2, "今年规上工业总产值要再跨一个千亿元台阶，力争突破4000亿元", 120);
	r = measure(&d->targets, BRIEF_FACT_TARGET, "GDP", "growth", 6, "%",
		    "min", "确保", "全年", 2025);
	r->conflict = true;
	add_ev(r, 1, "确保GDP增长6%以上", 1600);
	r = measure(&d->targets, BRIEF_FACT_TARGET, "GDP", "growth", 6.5, "%",
		    "approx", "力争", "全年", 2025);
	r->conflict = true;
	add_ev(r, 2, "力争地区生产总值增长6.5%左右", 90);
	r = measure(&d->targets, BRIEF_FACT_TARGET, "固定资产投资", "growth", 5,
		    "%", "exact", NULL, "一季度", 2025);
	add_ev(r, 2, "一季度固定资产投资增长5%", 300);
}

static void actuals(brief_doc *d)
{
	brief_row *r;
	r = measure(&d->actuals, BRIEF_FACT_ACTUAL, "千亿级产业集群", "count", 1,
		    "个", "exact", NULL, "2024", 2024);
	add_ev(r, 1, "钱塘拥有1个千亿级和3个500亿级产业集群", 1500);
	r = measure(&d->actuals, BRIEF_FACT_ACTUAL,
		    "车药芯化航五大产业占工业总规模比重", "share", 87, "%",
		    "exact", NULL, "2024", 2024);
	add_ev(r, 1, "“车药芯化航”五大产业占工业总规模的87%", 1560);
	r = measure(&d->actuals, BRIEF_FACT_ACTUAL, "规上工业增加值", "growth",
		    7.2, "%", "exact", NULL, "2024", 2024);
	add_ev(r, 2, "去年规上工业增加值增长7.2%", 400);
}

static void scorecard(brief_doc *d)
{
	d->nscorecard = 2;
	d->scorecard = calloc(2, sizeof *d->scorecard);
	brief_outcome *o = &d->scorecard[0];
	o->indicator = dup("规上工业增加值");
	o->kind = dup("growth");
	o->unit = dup("%");
	o->bound = dup("min");
	o->target = 6;
	o->has_actual = true;
	o->actual = 7.2;
	o->gap = 1.2;
	o->outcome = BRIEF_OUTCOME_MET;
	o = &d->scorecard[1];
	o->indicator = dup("GDP");
	o->kind = dup("growth");
	o->unit = dup("%");
	o->bound = dup("exact");
	o->target = 6.5;
	o->outcome = BRIEF_OUTCOME_UNKNOWN;
}

static void projects(brief_doc *d)
{
	brief_row *r;
	r = named(&d->projects, BRIEF_FACT_PROJECT, "长鑫集成电路制造基地", 120,
		  "开工", NULL);
	add_ev(r, 2, "总投资120亿元的长鑫集成电路制造基地项目开工", 800);
	r = named(&d->projects, BRIEF_FACT_PROJECT, "中策橡胶智能工厂", 13,
		  "竣工", NULL);
	add_ev(r, 2, "项目总投资约13亿元", 900);
	r = named(&d->projects, BRIEF_FACT_PROJECT, "C919中机身", 0, NULL, NULL);
	add_ev(r, 1, "推进零跑汽车、C919中机身量产", 1700);
	r = named(&d->projects, BRIEF_FACT_PROJECT, "积海", 0, "投产", NULL);
	add_ev(r, 1, "积海、宝鼎等重大项目投产", 1720);
}

/* Tiers point into d->clusters.v: rebuilt after every change of it. */
static void rebuild_tiers(brief_doc *d)
{
	for (size_t i = 0; i < d->ntiers; i++) {
		free(d->tiers[i].tier);
		free(d->tiers[i].rows);
	}
	free(d->tiers);
	d->tiers = NULL;
	d->ntiers = 0;
	for (size_t i = 0; i < d->clusters.n; i++) {
		const char *t = d->clusters.v[i].tier;
		brief_tier *hit = NULL;
		for (size_t k = 0; k < d->ntiers && !hit; k++)
			if ((!t && !d->tiers[k].tier) ||
			    (t && d->tiers[k].tier && !strcmp(t, d->tiers[k].tier)))
				hit = &d->tiers[k];
		if (!hit) {
			d->tiers = realloc(d->tiers, (d->ntiers + 1) * sizeof *d->tiers);
			hit = &d->tiers[d->ntiers++];
			memset(hit, 0, sizeof *hit);
			hit->tier = dup(t);
		}
		hit->rows = realloc(hit->rows, (hit->n + 1) * sizeof *hit->rows);
		hit->rows[hit->n++] = &d->clusters.v[i];
	}
}

static void clusters(brief_doc *d)
{
	static const char *const c[][2] = {
		{ "集成电路", "国字号" }, { "大飞机", "国字号" },
		{ "生物医药", "千亿级" }, { "人工智能", NULL },
	};
	for (size_t i = 0; i < 4; i++) {
		brief_row *r = named(&d->clusters, BRIEF_FACT_CLUSTER, c[i][0], 0,
				     NULL, c[i][1]);
		add_ev(r, 1, "打造集成电路、大飞机两大国字号产业集群", 1750);
	}
	rebuild_tiers(d);
}

static void compare(brief_doc *d)
{
	static const struct { const char *n, *c; double v; } gdp[] = {
		{ "余杭区", "330110", 6.5 }, { "钱塘区", "330114", 6.0 },
		{ "萧山区", "330109", 6.0 }, { "上城区", "330102", 5.5 },
		{ "西湖区", "330106", 5.0 },
	};
	d->ncompare = 1;
	d->compare = calloc(1, sizeof *d->compare);
	brief_compare *c = &d->compare[0];
	c->indicator = dup("GDP");
	c->kind = dup("growth");
	c->unit = dup("%");
	c->n = 5;
	c->v = calloc(5, sizeof *c->v);
	int rank[] = { 1, 2, 2, 4, 5 };
	for (size_t i = 0; i < 5; i++) {
		c->v[i].region = dup(gdp[i].n);
		c->v[i].region_code = dup(gdp[i].c);
		c->v[i].value = gdp[i].v;
		c->v[i].self = strcmp(gdp[i].c, "330114") == 0;
		c->v[i].rank = rank[i];
	}
	c->self_rank = 2;
}

/* The appendix borrows the rows: collected again after every change. */
void brief_test_doc_appendix(brief_doc *d)
{
	for (size_t i = 0; i < d->nclauses; i++) {
		free(d->clauses[i].rows);
		free(d->clauses[i].totals);
	}
	free(d->clauses);
	d->clauses = NULL;
	d->nclauses = 0;
	brief_collect_clauses(d);
}

void brief_test_doc(brief_doc *d)
{
	memset(d, 0, sizeof *d);
	d->region = dup("钱塘区");
	d->region_code = dup("330114");
	d->parent = dup("杭州市");
	d->parent_code = dup("330100");
	d->year = 2025;
	sources(d);
	targets(d);
	actuals(d);
	scorecard(d);
	projects(d);
	clusters(d);
	compare(d);
	d->nfacts = d->targets.n + d->actuals.n + d->projects.n + d->clusters.n;
	d->nconflicts = 1;
	d->date_from = dup("2025-02-05");
	d->date_to = dup("2025-02-06");
	brief_test_doc_appendix(d);
}

void brief_test_doc_long(brief_doc *d, size_t extra)
{
	brief_test_doc(d);
	for (size_t i = 0; i < extra; i++) {
		char name[64], ev[160];
		snprintf(name, sizeof name, "下沙智造产业园%zu期项目", i + 1);
		snprintf(ev, sizeof ev, "%s总投资%zu亿元，今年开工建设", name, 5 + i % 40);
		brief_row *r = named(&d->projects, BRIEF_FACT_PROJECT, name,
				     (double)(5 + i % 40), "开工", NULL);
		add_ev(r, 2, ev, 1000 + i);
	}
	d->nfacts += extra;
	brief_test_doc_appendix(d);
}

void brief_test_doc_hostile(brief_doc *d)
{
	brief_test_doc(d);
	brief_row *r = named(&d->projects, BRIEF_FACT_PROJECT,
			     "\\input{/etc/passwd}项目", 1, NULL, NULL);
	add_ev(r, 1, "\\write18{touch /tmp/pwned}与\\catcode`\\@=11 及 $x^2_1$ & #1 % ~ {}", 5);
	r = named(&d->clusters, BRIEF_FACT_CLUSTER, "R&D_100% #1 ~x^y {z}",
		  0, NULL, NULL);
	add_ev(r, 3, "<b>粗体</b> &amp; \"引号\" \\\\ 反斜杠", 7);
	rebuild_tiers(d);
	free(d->sources[0].title);
	d->sources[0].title = dup("\\input{/etc/passwd} 50% $ & # _ ^ ~ { }");
	d->nfacts += 2;
	brief_test_doc_appendix(d);
}
