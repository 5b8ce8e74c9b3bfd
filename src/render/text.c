/*
 * text.c - the briefing as terminal text (brief show): section headings,
 * columns aligned in terminal cells (CJK characters are two wide), the
 * source numbers after every value.
 */
#include <stdio.h>
#include <string.h>

#include "render/format.h"
#include "render/render.h"
#include "util/utf8.h"

#define CELLS_INDICATOR 28
#define CELLS_VALUE 16

/* Appends s padded with spaces to `cells` terminal cells. */
static void cell(brief_buf *b, const char *s, size_t cells)
{
	size_t w = brief_utf8_width(s ? s : "");
	brief_buf_puts(b, s ? s : "");
	for (; w < cells; w++)
		brief_buf_putc(b, ' ');
	brief_buf_putc(b, ' ');
}

static void sources_of(brief_buf *b, const brief_row *r)
{
	for (size_t i = 0; i < r->nev; i++)
		brief_buf_printf(b, "[%d]", r->ev[i].source);
}

static void heading(brief_buf *b, const char *title)
{
	brief_buf_printf(b, "\n%s\n", title);
	size_t w = brief_utf8_width(title);
	for (size_t i = 0; i < w; i++)
		brief_buf_putc(b, '-');
	brief_buf_putc(b, '\n');
}

static void measures(brief_buf *b, const char *title, const brief_rows *rs)
{
	char v[64];
	heading(b, title);
	if (!rs->n) {
		BRIEF_BUF_PUTSL(b, "(无)\n");
		return;
	}
	for (size_t i = 0; i < rs->n; i++) {
		const brief_row *r = &rs->v[i];
		brief_format_value(v, sizeof v, r);
		cell(b, r->indicator, CELLS_INDICATOR);
		cell(b, v, CELLS_VALUE);
		cell(b, r->qualifier ? r->qualifier : "", 6);
		cell(b, r->period ? r->period : "", 12);
		sources_of(b, r);
		if (r->conflict)
			BRIEF_BUF_PUTSL(b, "  来源不一致");
		brief_buf_putc(b, '\n');
	}
}

static void scorecard(brief_buf *b, const brief_doc *d)
{
	char t[64], a[64], w[64];
	if (!d->nscorecard)
		return;
	heading(b, "目标完成情况");
	for (size_t i = 0; i < d->nscorecard; i++) {
		const brief_outcome *o = &d->scorecard[i];
		brief_row tr = { .kind = o->kind, .unit = o->unit, .bound = o->bound,
				 .has_value = true, .value = o->target };
		brief_buf tb = BRIEF_BUF_INIT, ab = BRIEF_BUF_INIT;
		brief_format_value(t, sizeof t, &tr);
		brief_buf_puts(&tb, t);
		if (o->target_row)
			sources_of(&tb, o->target_row);
		if (o->has_actual) {
			snprintf(a, sizeof a, "%g%s", o->actual, o->unit ? o->unit : "");
			brief_buf_puts(&ab, a);
			sources_of(&ab, o->actual_row);
		} else {
			snprintf(a, sizeof a, BRIEF_MISSING);
			brief_buf_putc(&ab, '-');
		}
		snprintf(w, sizeof w, "%d", o->year);
		cell(b, o->indicator, CELLS_INDICATOR);
		cell(b, w, 4);
		cell(b, brief_buf_ok(&tb) ? tb.data : t, CELLS_VALUE);
		cell(b, brief_buf_ok(&ab) ? ab.data : a, 14);
		brief_buf_free(&tb);
		brief_buf_free(&ab);
		brief_format_outcome(w, sizeof w, o);
		brief_buf_printf(b, "%s\n", w);
	}
}

static void totals(brief_buf *b, const brief_doc *d)
{
	char t[256];
	for (size_t i = 0; i < d->ntotals; i++) {
		const brief_total *x = &d->totals[i];
		brief_format_total(t, sizeof t, x);
		brief_buf_printf(b, "%s %d: %s", x->actual ? "完成" : "计划", x->year, t);
		for (size_t j = 0; j < x->nev; j++)
			brief_buf_printf(b, "[%d]", x->ev[j].source);
		brief_buf_putc(b, '\n');
	}
}

static void projects(brief_buf *b, const brief_doc *d)
{
	char inv[32];
	heading(b, "重点项目");
	totals(b, d);
	if (!d->projects.n && !d->ntotals)
		BRIEF_BUF_PUTSL(b, "(无)\n");
	for (size_t i = 0; i < d->projects.n; i++) {
		const brief_row *r = &d->projects.v[i];
		if (r->has_investment)
			snprintf(inv, sizeof inv, "%g亿元", r->investment_yi);
		else
			snprintf(inv, sizeof inv, BRIEF_MISSING);
		cell(b, r->name, 40);
		cell(b, inv, 12);
		cell(b, r->status ? r->status : "", 6);
		sources_of(b, r);
		brief_buf_putc(b, '\n');
	}
}

static void clusters(brief_buf *b, const brief_doc *d)
{
	heading(b, "产业集群");
	if (!d->ntiers)
		BRIEF_BUF_PUTSL(b, "(无)\n");
	for (size_t i = 0; i < d->ntiers; i++) {
		const brief_tier *t = &d->tiers[i];
		brief_buf_printf(b, "%s: ", t->tier ? t->tier : "其他");
		for (size_t j = 0; j < t->n; j++) {
			brief_buf_printf(b, "%s%s", j ? "、" : "", t->rows[j]->name);
			sources_of(b, t->rows[j]);
		}
		brief_buf_putc(b, '\n');
	}
}

static void compare(brief_buf *b, const brief_doc *d)
{
	char v[32], note[256];
	if (!d->ncompare)
		return;
	heading(b, "与同级区县对比");
	for (size_t i = 0; i < d->ncompare; i++) {
		const brief_compare *c = &d->compare[i];
		brief_format_reported(note, sizeof note, d, c);
		brief_buf_printf(b, "%s增长目标（%s）:\n", c->indicator, note);
		for (size_t j = 0; j < c->n; j++) {
			snprintf(v, sizeof v, "%g%s", c->v[j].value, c->unit);
			if (c->ranked)
				brief_buf_printf(b, "  %2d. ", c->v[j].rank);
			else
				BRIEF_BUF_PUTSL(b, "   -  ");
			cell(b, c->v[j].region, 12);
			cell(b, v, 8);
			brief_buf_puts(b, c->v[j].self ? "◀\n" : "\n");
		}
	}
}

static void summary(brief_buf *b, const brief_doc *d)
{
	brief_phrases ps;
	if (brief_summary(d, &ps)) {
		b->oom = true;
		return;
	}
	if (ps.n) {
		heading(b, "要点");
		for (size_t i = 0; i < ps.n; i++) {
			brief_buf_puts(b, ps.v[i].text);
			for (size_t j = 0; j < ps.v[i].nsources; j++)
				brief_buf_printf(b, "[%d]", ps.v[i].sources[j]);
		}
		brief_buf_putc(b, '\n');
	}
	brief_phrases_free(&ps);
}

static void trends(brief_buf *b, const brief_doc *d)
{
	char v[64], y[32];
	if (!d->ntrends)
		return;
	heading(b, "历年走势");
	for (size_t i = 0; i < d->ntrends; i++) {
		const brief_trend *t = &d->trends[i];
		brief_buf_printf(b, "%s:\n", t->indicator);
		for (size_t j = 0; j < t->n; j++) {
			const brief_point *p = &t->v[j];
			brief_format_point(v, sizeof v, t, p);
			snprintf(y, sizeof y, "%d %s", p->year, p->actual ? "实绩" : "目标");
			BRIEF_BUF_PUTSL(b, "  ");
			cell(b, y, 10);
			cell(b, v, CELLS_VALUE);
			brief_buf_printf(b, "[%d]\n", p->source);
		}
	}
}

/* 数据依据: each clause once, with the facts read from it. */
static void appendix(brief_buf *b, const brief_doc *d)
{
	char f[320];
	if (!d->nclauses)
		return;
	heading(b, "数据依据");
	for (size_t i = 0; i < d->nclauses; i++) {
		const brief_clause *c = &d->clauses[i];
		brief_buf_printf(b, "[%d] %s\n    ", c->source, c->text ? c->text : "");
		for (size_t j = 0; j < c->nrows; j++) {
			brief_format_fact(f, sizeof f, c->rows[j]);
			brief_buf_printf(b, "%s%s", j ? "；" : "", f);
		}
		for (size_t j = 0; j < c->ntotals; j++) {
			brief_format_total(f, sizeof f, c->totals[j]);
			brief_buf_printf(b, "%s项目总量 · %s", c->nrows || j ? "；" : "", f);
		}
		brief_buf_putc(b, '\n');
	}
}

static void sources(brief_buf *b, const brief_doc *d)
{
	heading(b, "来源");
	for (size_t i = 0; i < d->nsources; i++) {
		const brief_source *s = &d->sources[i];
		brief_buf_printf(b, "[%d] %s", s->num, s->title ? s->title : s->file);
		if (s->source)
			brief_buf_printf(b, " · %s", s->source);
		brief_buf_printf(b, " · %s · %s\n", s->published ? s->published : "日期不详",
				 s->url ? s->url : s->file);
	}
}

int brief_render_text(const brief_doc *d, brief_buf *b)
{
	brief_buf_printf(b, "%s %d 年度简报", d->region, d->year);
	if (d->parent)
		brief_buf_printf(b, "  (%s, %s)", d->parent, d->region_code);
	brief_buf_printf(b, "\n%zu 条事实 · %zu 处来源不一致 · %zu 篇来源",
			 d->nfacts, d->nconflicts, d->nsources);
	if (d->date_from)
		brief_buf_printf(b, " · %s 至 %s", d->date_from, d->date_to);
	brief_buf_putc(b, '\n');
	summary(b, d);
	measures(b, "核心目标", &d->targets);
	char title[64];
	snprintf(title, sizeof title, "上年实绩 (%d)", d->year - 1);
	measures(b, title, &d->actuals);
	if (d->year_actuals.n) {
		snprintf(title, sizeof title, "本年实绩 (%d)", d->year);
		measures(b, title, &d->year_actuals);
	}
	scorecard(b, d);
	projects(b, d);
	clusters(b, d);
	compare(b, d);
	trends(b, d);
	sources(b, d);
	appendix(b, d);
	return brief_buf_ok(b) ? 0 : -1;
}
