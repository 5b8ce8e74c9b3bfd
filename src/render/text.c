/*
 * text.c - the briefing model as terminal text (brief show): section
 * headings, columns aligned by display width (CJK characters take two
 * cells), source numbers after every value, conflicts marked 来源不一致.
 */
#include "render/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

#define MAXCOLS 6

/* A table is built row by row, then printed with padded columns. */
typedef struct table {
	char **cells;           /* n rows of ncols cells, malloc'd or NULL */
	size_t n, ncols;
	bool oom;
} table;

static void table_row(table *t, const char *const *cols)
{
	char **v = realloc(t->cells, (t->n + 1) * t->ncols * sizeof *v);
	if (!v) {
		t->oom = true;
		return;
	}
	t->cells = v;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = cols[c] ? cols[c] : "";
		if (!(v[t->n * t->ncols + c] = strdup(s)))
			t->oom = true;
	}
	t->n++;
}

static void table_print(table *t, brief_buf *out)
{
	size_t w[MAXCOLS] = { 0 };
	for (size_t r = 0; r < t->n; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t cw = s ? brief_utf8_width(s) : 0;
			if (cw > w[c])
				w[c] = cw;
		}
	for (size_t r = 0; r < t->n; r++) {
		size_t last = t->ncols;
		/* no trailing blanks: stop after the last non-empty cell */
		while (last > 0 && !(t->cells[r * t->ncols + last - 1] &&
				     *t->cells[r * t->ncols + last - 1]))
			last--;
		BRIEF_BUF_PUTSL(out, "  ");
		for (size_t c = 0; c < last; c++) {
			const char *s = t->cells[r * t->ncols + c];
			brief_buf_puts(out, s ? s : "");
			if (c + 1 < last)
				for (size_t k = brief_utf8_width(s ? s : ""); k < w[c] + 2; k++)
					brief_buf_putc(out, ' ');
		}
		brief_buf_putc(out, '\n');
	}
	for (size_t i = 0; i < t->n * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	if (t->oom)
		out->oom = true;
	memset(t, 0, sizeof *t);
}

static void fmt_num(char *dst, size_t n, double v)
{
	snprintf(dst, n, "%.10g", v);
}

/* "增长5.5%", "4000亿元以上", "下降4.6%", "第3名". */
static void fmt_value(char *dst, size_t n, const brief_row *r)
{
	char v[64];
	const char *b = r->bound, *suffix = "";
	if (!r->has_value) {
		snprintf(dst, n, "-");
		return;
	}
	if (b && strcmp(b, "min") == 0)
		suffix = "以上";
	else if (b && strcmp(b, "approx") == 0)
		suffix = "左右";
	else if (b && strcmp(b, "max") == 0)
		suffix = "以内";
	bool growth = r->kind && strcmp(r->kind, "growth") == 0;
	if (r->kind && strcmp(r->kind, "rank") == 0) {
		fmt_num(v, sizeof v, r->value);
		snprintf(dst, n, "第%s%s", v, r->unit ? r->unit : "名");
		return;
	}
	fmt_num(v, sizeof v, growth && r->value < 0 ? -r->value : r->value);
	snprintf(dst, n, "%s%s%s%s", growth ? (r->value < 0 ? "下降" : "增长") : "",
		 v, r->unit ? r->unit : "", suffix);
}

static void fmt_sources(brief_buf *b, const brief_row *r)
{
	int last = -1;
	for (size_t i = 0; i < r->nev; i++)
		if (r->ev[i].source != last)
			brief_buf_printf(b, "[%d]", last = r->ev[i].source);
	if (r->conflict)
		brief_buf_puts(b, " 来源不一致");
}

static char *sources_of(const brief_row *r)
{
	brief_buf b = BRIEF_BUF_INIT;
	fmt_sources(&b, r);
	return brief_buf_detach(&b, NULL);
}

static void heading(brief_buf *out, const char *title, int year)
{
	if (year)
		brief_buf_printf(out, "\n%s（%d）\n", title, year);
	else
		brief_buf_printf(out, "\n%s\n", title);
}

static void measures(brief_buf *out, const brief_rows *rs, const char *what)
{
	table t = { .ncols = 5 };
	if (!rs->n) {
		brief_buf_printf(out, "  （无%s）\n", what);
		return;
	}
	table_row(&t, (const char *const[]){ "指标", "数值", "表述", "期间", "来源" });
	for (size_t i = 0; i < rs->n; i++) {
		const brief_row *r = &rs->v[i];
		char v[128];
		char *src = sources_of(r);
		fmt_value(v, sizeof v, r);
		table_row(&t, (const char *const[]){ r->indicator ? r->indicator : "?",
			v, r->qualifier, r->period, src });
		free(src);
	}
	table_print(&t, out);
}

static const char *const outcome_text[] = { "未知", "完成", "未完成" };

static void scorecard(brief_buf *out, const brief_doc *d)
{
	table t = { .ncols = 5 };
	if (!d->nscorecard) {
		BRIEF_BUF_PUTSL(out, "  （无上年目标）\n");
		return;
	}
	table_row(&t, (const char *const[]){ "指标", "目标", "实绩", "差距", "结果" });
	for (size_t i = 0; i < d->nscorecard; i++) {
		const brief_outcome *o = &d->scorecard[i];
		char tv[160], gap[64] = "-";
		char *ts = o->target_row ? sources_of(o->target_row) : NULL;
		brief_buf av = BRIEF_BUF_INIT;
		fmt_value(tv, sizeof tv - 40, o->target_row);
		strncat(tv, ts ? ts : "", sizeof tv - strlen(tv) - 1);
		if (o->has_actual) {
			char n[48];
			fmt_num(n, sizeof n, o->actual);
			brief_buf_printf(&av, "%s%s", n, o->unit ? o->unit : "");
			fmt_sources(&av, o->actual_row);
			fmt_num(n, sizeof n - 2, o->gap);
			snprintf(gap, sizeof gap, "%s%s", o->gap > 0 ? "+" : "", n);
		} else
			brief_buf_putc(&av, '-');
		if (!brief_buf_ok(&av))
			out->oom = true;
		table_row(&t, (const char *const[]){ o->indicator, tv, av.data, gap,
						     outcome_text[o->outcome] });
		free(ts);
		brief_buf_free(&av);
	}
	table_print(&t, out);
}

static void projects(brief_buf *out, const brief_doc *d)
{
	table t = { .ncols = 4 };
	if (!d->projects.n) {
		BRIEF_BUF_PUTSL(out, "  （无重点项目）\n");
		return;
	}
	table_row(&t, (const char *const[]){ "项目", "总投资", "状态", "来源" });
	for (size_t i = 0; i < d->projects.n; i++) {
		const brief_row *r = &d->projects.v[i];
		char inv[64] = "-";
		char *src = sources_of(r);
		if (r->has_investment) {
			fmt_num(inv, sizeof inv - 8, r->investment_yi);
			strcat(inv, "亿元");
		}
		table_row(&t, (const char *const[]){ r->name, inv, r->status, src });
		free(src);
	}
	table_print(&t, out);
}

static void clusters(brief_buf *out, const brief_doc *d)
{
	if (!d->ntiers) {
		BRIEF_BUF_PUTSL(out, "  （无产业集群）\n");
		return;
	}
	for (size_t i = 0; i < d->ntiers; i++) {
		const brief_tier *t = &d->tiers[i];
		brief_buf_printf(out, "  %s：", t->tier ? t->tier : "未分级");
		for (size_t j = 0; j < t->n; j++) {
			brief_buf_printf(out, "%s%s", j ? "、" : "", t->rows[j]->name);
			fmt_sources(out, t->rows[j]);
		}
		brief_buf_putc(out, '\n');
	}
}

static void compare(brief_buf *out, const brief_doc *d)
{
	if (!d->ncompare) {
		BRIEF_BUF_PUTSL(out, "  （同级区县无可比目标）\n");
		return;
	}
	for (size_t i = 0; i < d->ncompare; i++) {
		const brief_compare *c = &d->compare[i];
		table t = { .ncols = 3 };
		brief_buf_printf(out, "  %s%s目标", c->indicator,
				 strcmp(c->kind, "growth") == 0 ? "增长" : "");
		if (c->self_rank)
			brief_buf_printf(out, "：%s居第%d位（共%zu个）\n", d->region,
					 c->self_rank, c->n);
		else
			brief_buf_printf(out, "：%s未提出（%zu个区县）\n", d->region, c->n);
		for (size_t j = 0; j < c->n; j++) {
			char rank[16], v[64];
			snprintf(rank, sizeof rank, "%d", c->v[j].rank);
			fmt_num(v, sizeof v - 8, c->v[j].value);
			strcat(v, c->unit ? c->unit : "");
			table_row(&t, (const char *const[]){ rank, c->v[j].region, v });
			if (c->v[j].self) {
				char *cell = t.cells[(t.n - 1) * t.ncols + 1];
				char *mark = malloc(strlen(cell) + 3);
				if (mark) {
					sprintf(mark, "%s *", cell);
					free(cell);
					t.cells[(t.n - 1) * t.ncols + 1] = mark;
				}
			}
		}
		table_print(&t, out);
	}
}

static void sources(brief_buf *out, const brief_doc *d)
{
	for (size_t i = 0; i < d->nsources; i++) {
		const brief_source *s = &d->sources[i];
		brief_buf_printf(out, "  [%d] %s", s->num, s->title ? s->title : "（无标题）");
		if (s->source)
			brief_buf_printf(out, "，%s", s->source);
		if (s->published)
			brief_buf_printf(out, "，%s", s->published);
		if (s->file)
			brief_buf_printf(out, "（%s）", s->file);
		if (s->url)
			brief_buf_printf(out, " %s", s->url);
		brief_buf_putc(out, '\n');
	}
}

int brief_render_text(const brief_doc *d, brief_buf *out)
{
	brief_buf_printf(out, "%s %d 年简报", d->region, d->year);
	if (d->parent || d->region_code)
		brief_buf_printf(out, "（%s%s%s）", d->parent ? d->parent : "",
				 d->parent && d->region_code ? " · " : "",
				 d->region_code ? d->region_code : "");
	brief_buf_printf(out, "\n依据 %zu 篇文件", d->nsources);
	if (d->date_from)
		brief_buf_printf(out, "（%s 至 %s）", d->date_from, d->date_to);
	brief_buf_printf(out, "，%zu 条事实，%zu 处来源不一致\n", d->nfacts,
			 d->nconflicts);
	heading(out, "核心目标", d->year);
	measures(out, &d->targets, "目标");
	heading(out, "上年实绩", d->year - 1);
	measures(out, &d->actuals, "实绩");
	heading(out, "目标完成情况", d->year - 1);
	scorecard(out, d);
	heading(out, "重点项目", d->year);
	projects(out, d);
	heading(out, "产业集群", d->year);
	clusters(out, d);
	heading(out, "与同级区县对比", d->year);
	compare(out, d);
	heading(out, "来源", 0);
	sources(out, d);
	return brief_buf_ok(out) ? 0 : -1;
}
