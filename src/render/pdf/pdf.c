#define _GNU_SOURCE /* asprintf */
/* pdf.c - a region's briefing as PDF: the sections of the model set as
 * tables, lists, a bar chart and an appendix of evidence. */
#include "render/pdf/pdf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/format.h"
#include "render/pdf/pdfout.h"

/* The strings of one table, freed together. */
typedef struct cells {
	char **v;
	size_t n, cap;
} cells;

static void put(cells *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(cells *c, const char *fmt, ...)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		char **v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return;
		c->v = v;
		c->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&c->v[c->n], fmt, ap) >= 0)
		c->n++;
	va_end(ap);
}

static void cells_free(cells *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* A section's bookmark sits under its briefing's title, in a single
 * briefing as in a combined one (where the title is the region's). */
#define SECTION_MARK 1

static brief_tstyle body(const brief_pdfctx *c)
{
	return (brief_tstyle){ BRIEF_CHAIN_BODY, c->st.size_body, c->st.text, true };
}

static brief_tstyle muted(const brief_pdfctx *c, float size)
{
	return (brief_tstyle){ BRIEF_CHAIN_BODY, size, c->st.muted, true };
}

static void table(brief_pdfctx *c, const char *const *head, const float *w,
		  const char *align, size_t ncols, cells *cs)
{
	brief_table t = { .ncols = ncols, .nrows = cs->n / ncols, .widths = w,
			  .align = align, .head = head, .cells = (const char *const *)cs->v };
	if (cs->n % ncols == 0)
		brief_lay_table(&c->L, &t);
	else
		c->L.oom = true;
	cells_free(cs);
}

static void none(brief_pdfctx *c)
{
	brief_tstyle ts = muted(c, c->st.size_body);
	brief_lay_para(&c->L, &ts, "（无）", 0);
	brief_lay_space(&c->L, 4);
}

static void heading(brief_pdfctx *c, int level, brief_section s, const char *extra)
{
	char t[256];
	snprintf(t, sizeof t, "%s%s", c->st.section[s], extra ? extra : "");
	brief_lay_heading(&c->L, level, SECTION_MARK, t);
}

/* 指标 cell: the indicator, its period when it is not the whole year. */
static void indicator(cells *cs, const brief_row *r)
{
	const char *p = r->period;
	bool year = !p || !strcmp(p, "全年") || atoi(p) == r->year;
	put(cs, "%s%s%s%s", r->indicator ? r->indicator : BRIEF_MISSING, year ? "" : "（",
	    year ? "" : p, year ? "" : "）");
}

static void targets(brief_pdfctx *c, const brief_doc *d, int level)
{
	/* 表述: the wording the target is set in (力争, 确保), which is not
	 * what a development-and-reform reader means by 约束(性) */
	static const char *const head[] = { "指标", "目标", "表述", "来源" };
	static const float w[] = { 0.40f, 0.28f, 0.16f, 0.16f };
	cells cs = { 0 };
	heading(c, level, BRIEF_SEC_TARGETS, NULL);
	if (!d->targets.n)
		return none(c);
	for (size_t i = 0; i < d->targets.n; i++) {
		const brief_row *r = &d->targets.v[i];
		char v[64], src[96];
		brief_format_value(v, sizeof v, r);
		brief_format_sources(src, sizeof src, r);
		indicator(&cs, r);
		put(&cs, "%s", v);
		put(&cs, "%s%s", r->qualifier ? r->qualifier : "",
		    r->conflict ? "（来源不一致）" : "");
		put(&cs, "%s", src);
	}
	table(c, head, w, "lrcc", 4, &cs);
}

/* A table of results: indicator, value, period, sources. */
static void result_table(brief_pdfctx *c, const brief_rows *rows)
{
	static const char *const head[] = { "指标", "实绩", "期间", "来源" };
	static const float w[] = { 0.40f, 0.28f, 0.16f, 0.16f };
	cells cs = { 0 };
	for (size_t i = 0; i < rows->n; i++) {
		const brief_row *r = &rows->v[i];
		char v[64], src[96];
		brief_format_value(v, sizeof v, r);
		brief_format_sources(src, sizeof src, r);
		put(&cs, "%s%s", r->indicator ? r->indicator : BRIEF_MISSING,
		    r->conflict ? "（来源不一致）" : "");
		put(&cs, "%s", v);
		put(&cs, "%s", r->period ? r->period : "全年");
		put(&cs, "%s", src);
	}
	table(c, head, w, "lrcc", 4, &cs);
}

static void actuals(brief_pdfctx *c, const brief_doc *d, int level)
{
	char extra[32];
	snprintf(extra, sizeof extra, "（%d 年）", d->year - 1);
	heading(c, level, BRIEF_SEC_ACTUALS, extra);
	if (!d->actuals.n)
		return none(c);
	result_table(c, &d->actuals);
}

/* The sources of a target and of its result, each number once. */
static void outcome_sources(char *buf, size_t n, const brief_outcome *o)
{
	const brief_row *rows[] = { o->target_row, o->actual_row };
	int seen[32];
	size_t k = 0, at = 0;
	buf[0] = '\0';
	for (size_t j = 0; j < 2; j++)
		for (size_t i = 0; rows[j] && i < rows[j]->nev; i++) {
			int s = rows[j]->ev[i].source;
			bool dup = false;
			for (size_t m = 0; m < k; m++)
				dup |= seen[m] == s;
			if (dup || k == sizeof seen / sizeof *seen || at + 16 >= n)
				continue;
			seen[k++] = s;
			at += (size_t)snprintf(buf + at, n - at, "[%d]", s);
		}
}

static void scorecard(brief_pdfctx *c, const brief_doc *d, int level)
{
	static const char *const head[] = { "指标", "年份", "目标", "实绩", "结果", "来源" };
	static const float w[] = { 0.28f, 0.09f, 0.19f, 0.17f, 0.16f, 0.11f };
	cells cs = { 0 };
	if (!d->nscorecard)
		return;
	heading(c, level, BRIEF_SEC_SCORECARD, NULL);
	for (size_t i = 0; i < d->nscorecard; i++) {
		const brief_outcome *o = &d->scorecard[i];
		brief_row tr = { .kind = o->kind, .unit = o->unit, .bound = o->bound,
				 .has_value = true, .value = o->target };
		char t[64], src[96], res[96];
		brief_format_value(t, sizeof t, &tr);
		brief_format_outcome(res, sizeof res, o);
		outcome_sources(src, sizeof src, o);
		put(&cs, "%s", o->indicator);
		put(&cs, "%d", o->year);
		put(&cs, "%s", t);
		if (o->has_actual)
			put(&cs, "%g%s", o->actual, o->unit ? o->unit : "");
		else
			put(&cs, BRIEF_MISSING);
		put(&cs, "%s", res);
		put(&cs, "%s", src);
	}
	table(c, head, w, "lcrrcc", 6, &cs);
}

/* 要点: the opening paragraph, every number followed by its sources as
 * superscript markers. */
static void summary(brief_pdfctx *c, const brief_doc *d, int level)
{
	brief_phrases ps;
	brief_buf b = BRIEF_BUF_INIT;
	if (brief_summary(d, &ps)) {
		c->L.oom = true;
		return;
	}
	for (size_t i = 0; i < ps.n; i++) {
		char cites[96];
		brief_format_cites(cites, sizeof cites, ps.v[i].sources, ps.v[i].nsources);
		/* the marker before a sentence's full stop, not after it */
		const char *t = ps.v[i].text;
		size_t n = strlen(t), stop = sizeof "。" - 1;
		bool ends = n >= stop && !strcmp(t + n - stop, "。");
		brief_buf_put(&b, t, ends ? n - stop : n);
		brief_buf_puts(&b, cites);
		if (ends)
			brief_buf_puts(&b, "。");
	}
	if (ps.n) {
		brief_tstyle ts = body(c);
		brief_lay_heading(&c->L, level, SECTION_MARK, "要点");
		if (brief_buf_ok(&b))
			brief_lay_para(&c->L, &ts, b.data, 0);
		else
			c->L.oom = true;
		brief_lay_space(&c->L, 6);
	}
	brief_buf_free(&b);
	brief_phrases_free(&ps);
}

/* The year's own results, where an article already reports them. */
static void year_actuals(brief_pdfctx *c, const brief_doc *d, int level)
{
	char t[64];
	if (!d->year_actuals.n)
		return;
	snprintf(t, sizeof t, "本年实绩（%d 年）", d->year);
	brief_lay_heading(&c->L, level, SECTION_MARK, t);
	result_table(c, &d->year_actuals);
}

/* Room for a heading and a chart of n bars, else a new page. */
static void keep_with_chart(brief_pdfctx *c, size_t n)
{
	float page = c->L.y1 - c->L.y0;
	float need = brief_lay_line_height(&c->L, c->st.size_heading) + 12 +
		     brief_lay_bars_height(&c->L, n);
	brief_lay_need(&c->L, need < page ? need : page);
}

/* 历年走势: each series as bars, the targets in the highlight colour. */
static void trends(brief_pdfctx *c, const brief_doc *d, int level)
{
	if (!d->ntrends)
		return;
	/* the heading goes with its first chart: never alone at a page's foot */
	keep_with_chart(c, d->trends[0].n);
	brief_lay_heading(&c->L, level, SECTION_MARK, "历年走势");
	for (size_t i = 0; i < d->ntrends; i++) {
		const brief_trend *t = &d->trends[i];
		brief_bar *bars = calloc(t->n, sizeof *bars);
		char (*labels)[48] = calloc(t->n, sizeof *labels);
		char (*vals)[112] = calloc(t->n, sizeof *vals);
		char caption[256];
		if (!bars || !labels || !vals) {
			c->L.oom = true;
		} else {
			for (size_t j = 0; j < t->n; j++) {
				const brief_point *p = &t->v[j];
				char v[64];
				brief_format_point(v, sizeof v, t, p);
				snprintf(labels[j], sizeof labels[j], "%d %s", p->year,
					 p->actual ? "实绩" : "目标");
				char cite[32];
				brief_format_cites(cite, sizeof cite, &p->source, 1);
				snprintf(vals[j], sizeof vals[j], "%s%s", v, cite);
				bars[j] = (brief_bar){ labels[j], vals[j], p->value, !p->actual };
			}
			snprintf(caption, sizeof caption, "%s（%s；目标为强调色）", t->indicator,
				 t->unit ? t->unit : "");
			brief_lay_bars(&c->L, bars, t->n, caption);
		}
		free(bars);
		free(labels);
		free(vals);
	}
}

static void projects(brief_pdfctx *c, const brief_doc *d, int level)
{
	static const char *const head[] = { "项目", "总投资(亿元)", "状态", "来源" };
	static const float w[] = { 0.52f, 0.18f, 0.14f, 0.16f };
	cells cs = { 0 };
	heading(c, level, BRIEF_SEC_PROJECTS, NULL);
	brief_tstyle ts = body(c);
	for (size_t i = 0; i < d->ntotals; i++) {
		const brief_total *x = &d->totals[i];
		char t[256], *p = NULL;
		brief_format_total(t, sizeof t, x);
		brief_buf src = BRIEF_BUF_INIT;
		int nums[16];
		size_t k = 0;
		char cites[96];
		for (size_t j = 0; j < x->nev && k < sizeof nums / sizeof *nums; j++)
			nums[k++] = x->ev[j].source;
		brief_format_cites(cites, sizeof cites, nums, k);
		brief_buf_puts(&src, cites);
		if (asprintf(&p, "项目总量（%d 年%s）：%s%s", x->year, x->actual ? "完成" : "计划", t,
			     brief_buf_ok(&src) && src.len ? src.data : "") >= 0) {
			brief_lay_para(&c->L, &ts, p, 0);
			free(p);
		} else {
			c->L.oom = true;
		}
		brief_buf_free(&src);
		brief_lay_space(&c->L, 3);
	}
	if (!d->projects.n)
		return d->ntotals ? (void)0 : none(c);
	for (size_t i = 0; i < d->projects.n; i++) {
		const brief_row *r = &d->projects.v[i];
		char src[96];
		brief_format_sources(src, sizeof src, r);
		put(&cs, "%s", r->name ? r->name : BRIEF_MISSING);
		if (r->has_investment)
			put(&cs, "%g", r->investment_yi);
		else
			put(&cs, BRIEF_MISSING);
		put(&cs, "%s", r->status ? r->status : BRIEF_MISSING);
		put(&cs, "%s", src);
	}
	table(c, head, w, "lrcc", 4, &cs);
}

static void clusters(brief_pdfctx *c, const brief_doc *d, int level)
{
	heading(c, level, BRIEF_SEC_CLUSTERS, NULL);
	if (!d->ntiers)
		return none(c);
	brief_tstyle ts = body(c);
	for (size_t i = 0; i < d->ntiers; i++) {
		const brief_tier *t = &d->tiers[i];
		brief_buf b = BRIEF_BUF_INIT;
		brief_buf_printf(&b, "%s：", t->tier ? t->tier : "其他");
		for (size_t j = 0; j < t->n; j++) {
			char src[96];
			brief_format_row_cites(src, sizeof src, t->rows[j]);
			brief_buf_printf(&b, "%s%s%s", j ? "、" : "", t->rows[j]->name, src);
		}
		if (brief_buf_ok(&b))
			brief_lay_para(&c->L, &ts, b.data, 0);
		brief_buf_free(&b);
		brief_lay_space(&c->L, 3);
	}
	brief_lay_space(&c->L, 4);
}

static void compare(brief_pdfctx *c, const brief_doc *d, int level)
{
	if (!d->ncompare)
		return;
	keep_with_chart(c, d->compare[0].n);
	heading(c, level, BRIEF_SEC_COMPARE, NULL);
	for (size_t i = 0; i < d->ncompare; i++) {
		const brief_compare *cmp = &d->compare[i];
		brief_bar *bars = calloc(cmp->n, sizeof *bars);
		char (*vals)[32] = calloc(cmp->n, sizeof *vals);
		char caption[640];
		if (!bars || !vals) {
			free(bars);
			free(vals);
			c->L.oom = true;
			return;
		}
		for (size_t j = 0; j < cmp->n; j++) {
			snprintf(vals[j], sizeof vals[j], "%g%s", cmp->v[j].value, cmp->unit);
			bars[j] = (brief_bar){ cmp->v[j].region, vals[j], cmp->v[j].value,
					       cmp->v[j].self };
		}
		char note[256];
		brief_format_reported(note, sizeof note, d, cmp);
		snprintf(caption, sizeof caption, "%s%s目标（%s）：%s", cmp->indicator,
			 !strcmp(cmp->kind, "growth") ? "增长" : "", cmp->unit, note);
		brief_lay_bars(&c->L, bars, cmp->n, caption);
		free(bars);
		free(vals);
	}
}

static void sources(brief_pdfctx *c, const brief_doc *d, int level)
{
	brief_tstyle ts = body(c);
	ts.size = c->st.size_table;
	heading(c, level, BRIEF_SEC_SOURCES, NULL);
	for (size_t i = 0; i < d->nsources; i++) {
		const brief_source *s = &d->sources[i];
		char *p = NULL;
		if (asprintf(&p, "[%d] %s%s%s，%s，%s", s->num, s->title ? s->title : s->file,
			     s->source ? "，" : "", s->source ? s->source : "",
			     s->published ? s->published : "日期不详",
			     s->url ? s->url : s->file) < 0) {
			c->L.oom = true;
			return;
		}
		/* kept on one page, so that its link is one rectangle */
		brief_lay_need(&c->L, 3 * brief_lay_line_height(&c->L, ts.size));
		float top = c->L.y;
		if (s->url)
			ts.color = c->st.link;
		brief_lay_entry(&c->L, &ts, p);
		ts.color = c->st.text;
		if (s->url)
			brief_lay_uri(&c->L, c->L.x0, c->L.y, c->L.x1 - c->L.x0, top - c->L.y, s->url);
		brief_lay_space(&c->L, 2);
		free(p);
	}
}

/* 数据依据: each clause once, then the facts read from it. */
static void evidence(brief_pdfctx *c, const brief_doc *d, int level)
{
	brief_tstyle ts = { BRIEF_CHAIN_BODY, c->st.size_small + 0.5f, c->st.text, true };
	brief_tstyle fs = muted(c, c->st.size_small);
	heading(c, level, BRIEF_SEC_EVIDENCE, NULL);
	for (size_t i = 0; i < d->nclauses; i++) {
		const brief_clause *cl = &d->clauses[i];
		brief_buf b = BRIEF_BUF_INIT, f = BRIEF_BUF_INIT;
		char x[320];
		brief_buf_printf(&b, "[%d] %s", cl->source, cl->text ? cl->text : "");
		for (size_t j = 0; j < cl->nrows; j++) {
			brief_format_fact(x, sizeof x, cl->rows[j]);
			brief_buf_printf(&f, "%s%s", j ? "；" : "", x);
		}
		for (size_t j = 0; j < cl->ntotals; j++) {
			brief_format_total(x, sizeof x, cl->totals[j]);
			brief_buf_printf(&f, "%s项目总量 · %s", cl->nrows || j ? "；" : "", x);
		}
		if (brief_buf_ok(&b) && brief_buf_ok(&f)) {
			brief_lay_entry(&c->L, &ts, b.data);
			if (f.len)
				brief_lay_para(&c->L, &fs, f.data, 0);
		} else {
			c->L.oom = true;
		}
		brief_buf_free(&b);
		brief_buf_free(&f);
		brief_lay_space(&c->L, 1.5f);
	}
}

static void title_block(brief_pdfctx *c, const brief_doc *d, bool nested)
{
	char t[256];
	brief_buf sub = BRIEF_BUF_INIT;
	brief_tstyle ts = { BRIEF_CHAIN_HEADING, c->st.size_title, c->st.accent, false };
	brief_tstyle ms = muted(c, c->st.size_body);
	ms.justify = false;
	snprintf(t, sizeof t, "%s %d %s", d->region, d->year, c->st.title);
	brief_lay_need(&c->L, c->st.size_title * 4);
	brief_lay_mark(&c->L, 0, nested ? d->region : t);
	brief_lay_para(&c->L, &ts, t, 0);
	brief_lay_space(&c->L, 2);
	if (d->parent)
		brief_buf_printf(&sub, "%s · ", d->parent);
	brief_buf_printf(&sub, "%s · 生成日期 %s\n%zu 条事实 · %zu 处来源不一致 · %zu 篇来源",
			 d->region_code ? d->region_code : "", c->date, d->nfacts,
			 d->nconflicts, d->nsources);
	if (d->date_from)
		brief_buf_printf(&sub, " · %s 至 %s", d->date_from, d->date_to ? d->date_to : "");
	if (brief_buf_ok(&sub))
		brief_lay_para(&c->L, &ms, sub.data, 0);
	else
		c->L.oom = true;
	brief_buf_free(&sub);
	brief_lay_rule(&c->L, c->L.x0, c->L.y - 3, c->L.x1, c->L.y - 3, c->st.accent, 1.2f);
	brief_lay_space(&c->L, 10);
}

void brief_pdf_briefing(brief_pdfctx *c, const brief_doc *d, bool nested)
{
	int sub = nested;
	title_block(c, d, nested);
	summary(c, d, sub);
	targets(c, d, sub);
	actuals(c, d, sub);
	year_actuals(c, d, sub);
	scorecard(c, d, sub);
	projects(c, d, sub);
	clusters(c, d, sub);
	compare(c, d, sub);
	trends(c, d, sub);
	sources(c, d, sub);
	evidence(c, d, sub);
}

int brief_pdfctx_open(brief_pdfctx *c, const brief_render_opts *o, brief_diag *d)
{
	memset(c, 0, sizeof *c);
	if (brief_style_load(o->style_path, &c->st, d))
		return -1;
	if (!(c->fonts = brief_fontset_open(&c->st, d))) {
		brief_style_free(&c->st);
		return -1;
	}
	brief_layout_init(&c->L, &c->st, c->fonts);
	brief_format_time(c->date, sizeof c->date, "%Y-%m-%d", o->epoch);
	return 0;
}

void brief_pdfctx_close(brief_pdfctx *c)
{
	brief_layout_free(&c->L);
	brief_fontset_free(c->fonts);
	brief_style_free(&c->st);
}

int brief_pdfctx_write(brief_pdfctx *c, const char *title, const char *subject,
		       const char *keywords, long long epoch, brief_buf *out,
		       brief_diag *d)
{
	brief_pdf_info info = { title, subject, keywords, epoch };
	brief_fontset_report(c->fonts);
	if (c->L.oom) {
		brief_error(d, NULL, "out of memory laying out the PDF");
		return -1;
	}
	return brief_pdf_write(&c->L, &info, out, d);
}

int brief_render_pdf(const brief_doc *doc, const brief_render_opts *o,
		     brief_buf *out, brief_diag *d)
{
	brief_pdfctx c;
	char title[256], subject[512], year[16];
	if (brief_pdfctx_open(&c, o, d))
		return -1;
	snprintf(title, sizeof title, "%s %d %s", doc->region, doc->year, c.st.title);
	snprintf(year, sizeof year, "%d", doc->year);
	snprintf(subject, sizeof subject, "%s%s%s %d 年目标、上年实绩、重点项目与产业集群",
		 doc->parent ? doc->parent : "", doc->parent ? " " : "", doc->region, doc->year);
	char keywords[512];
	snprintf(keywords, sizeof keywords, "%s, %s, %s, 年度目标, 重点项目, 产业集群",
		 doc->region, doc->region_code ? doc->region_code : "", year);
	c.L.label = title;
	brief_pdf_briefing(&c, doc, false);
	brief_lay_finish(&c.L, 0, c.date);
	int rc = brief_pdfctx_write(&c, title, subject, keywords, o->epoch, out, d);
	brief_pdfctx_close(&c);
	return rc;
}
