/*
 * latex.c - brief_doc -> LaTeX source through a template (templates/
 * briefing.tex built in, or the user's copy): the model becomes template
 * values, every substitution escaped by brief_latex_escape.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/format.h"
#include "util/buf.h"
#include "render/latex/latex_escape.h"
#include "render/latex/latex_values.h"
#include "render/render.h"
#include "render/latex/template.h"
#include "util/embed.h"
#include "util/fsutil.h"

static char *num(double v)
{
	char b[32];
	snprintf(b, sizeof b, "%g", v);
	return strdup(b);
}

static int set_num(brief_tval *m, const char *key, double v)
{
	char *s = num(v);
	int rc = s ? brief_tv_set_str(m, key, s) : -1;
	free(s);
	return rc;
}

/* The 指标 of a target, its period when it is not the whole year: the
 * direct PDF's first column, so both print one table. */
static void target_label(char *buf, size_t n, const brief_row *r)
{
	const char *p = r->period, *ind = r->indicator ? r->indicator : BRIEF_MISSING;
	bool year = !p || !strcmp(p, "全年") || atoi(p) == r->year;
	snprintf(buf, n, "%s%s%s%s", ind, year ? "" : "（", year ? "" : p, year ? "" : "）");
}

static brief_tval *measure_rows(const brief_rows *rs)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < rs->n; i++) {
		const brief_row *r = &rs->v[i];
		char v[96], src[128], label[320], named[320], wording[96];
		const char *conflict = r->conflict ? "（来源不一致）" : "";
		brief_format_value(v, sizeof v, r);
		brief_format_sources(src, sizeof src, r);
		target_label(label, sizeof label, r);
		snprintf(named, sizeof named, "%s%s", r->indicator ? r->indicator : BRIEF_MISSING,
			 conflict);
		snprintf(wording, sizeof wording, "%s%s", r->qualifier ? r->qualifier : "", conflict);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "indicator", r->indicator);
		brief_tv_set_str(m, "value", v);
		brief_tv_set_str(m, "qualifier", r->qualifier);
		brief_tv_set_str(m, "period", r->period);
		brief_tv_set_str(m, "sources", src);
		brief_tv_set_str(m, "conflict", r->conflict ? "true" : "");
		brief_tv_set_str(m, "target_label", label);
		brief_tv_set_str(m, "result_label", named);
		brief_tv_set_str(m, "wording", wording);
		brief_tv_set_str(m, "when", r->period ? r->period : "全年");
		brief_tv_push(list, m);
	}
	return list;
}

void brief_latex_merge_sources(char *into, size_t n, const char *more)
{
	for (const char *p = more; (p = strchr(p, '['));) {
		const char *end = strchr(p, ']');
		if (!end)
			break;
		char tok[24];
		int len = (int)(end - p) + 1;
		snprintf(tok, sizeof tok, "%.*s", len, p);
		if (!strstr(into, tok) && strlen(into) + strlen(tok) < n)
			strcat(into, tok);
		p = end;
	}
}

static brief_tval *scorecard(const brief_doc *d)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < d->nscorecard; i++) {
		const brief_outcome *o = &d->scorecard[i];
		brief_row t = { .kind = o->kind, .unit = o->unit, .bound = o->bound,
				.has_value = true, .value = o->target };
		char tv[96], av[96], outcome[96], year[16], ts[128] = "", as[128] = "";
		brief_format_value(tv, sizeof tv, &t);
		if (o->has_actual)
			snprintf(av, sizeof av, "%g%s", o->actual, o->unit ? o->unit : "");
		else
			snprintf(av, sizeof av, "%s", BRIEF_MISSING);
		if (o->target_row)
			brief_format_sources(ts, sizeof ts, o->target_row);
		if (o->actual_row)
			brief_format_sources(as, sizeof as, o->actual_row);
		brief_format_outcome(outcome, sizeof outcome, o);
		snprintf(year, sizeof year, "%d", o->year);
		char all[128] = "";
		brief_latex_merge_sources(all, sizeof all, ts);
		brief_latex_merge_sources(all, sizeof all, as);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "indicator", o->indicator);
		brief_tv_set_str(m, "year", year);
		brief_tv_set_str(m, "target", tv);
		brief_tv_set_str(m, "target_sources", ts);
		brief_tv_set_str(m, "actual", av);
		brief_tv_set_str(m, "actual_sources", as);
		brief_tv_set_str(m, "outcome", outcome);
		brief_tv_set_str(m, "sources", all);
		brief_tv_push(list, m);
	}
	return list;
}

static brief_tval *totals(const brief_doc *d)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < d->ntotals; i++) {
		const brief_total *x = &d->totals[i];
		char t[256], head[64], src[128] = "";
		size_t at = 0;
		brief_format_total(t, sizeof t, x);
		snprintf(head, sizeof head, "%d 年%s", x->year, x->actual ? "完成" : "计划");
		for (size_t j = 0; j < x->nev && at + 16 < sizeof src; j++)
			at += (size_t)snprintf(src + at, sizeof src - at, "[%d]", x->ev[j].source);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "when", head);
		brief_tv_set_str(m, "text", t);
		brief_tv_set_str(m, "sources", src);
		brief_tv_push(list, m);
	}
	return list;
}

/* 要点 as one paragraph, each phrase followed by its sources (the
 * string, for templates written before the phrases). */
static char *summary(const brief_phrases *ps)
{
	brief_buf b = BRIEF_BUF_INIT;
	for (size_t i = 0; i < ps->n; i++) {
		brief_buf_puts(&b, ps->v[i].text);
		for (size_t j = 0; j < ps->v[i].nsources; j++)
			brief_buf_printf(&b, "[%d]", ps->v[i].sources[j]);
	}
	return brief_buf_ok(&b) && b.len ? brief_buf_detach(&b, NULL) : (brief_buf_free(&b), NULL);
}

/* 要点 as phrases and their sources apart, so that a template can set
 * the sources as small markers. */
static brief_tval *summary_phrases(const brief_phrases *ps)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < ps->n; i++) {
		brief_buf src = BRIEF_BUF_INIT;
		for (size_t j = 0; j < ps->v[i].nsources; j++)
			brief_buf_printf(&src, "[%d]", ps->v[i].sources[j]);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "text", ps->v[i].text);
		brief_tv_set_str(m, "sources", brief_buf_ok(&src) ? src.data : NULL);
		brief_buf_free(&src);
		brief_tv_push(list, m);
	}
	return list;
}

static void set_summary(brief_tval *root, const brief_doc *d)
{
	brief_phrases ps;
	if (brief_summary(d, &ps))
		return;
	char *sum = summary(&ps);
	brief_tv_set_str(root, "summary", sum);
	brief_tv_set(root, "key_points", summary_phrases(&ps));
	free(sum);
	brief_phrases_free(&ps);
}

/* 1, 2 or 5 times a power of ten, giving about five ticks up to max:
 * the direct PDF's axis. */
static double nice_step(double max)
{
	double raw = max / 5, p = pow(10, floor(log10(raw))), m = raw / p;
	return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

brief_tval *brief_latex_axis(double max, double width, double *scale)
{
	brief_tval *list = brief_tv_list();
	double step = nice_step(max > 0 ? max : 1), hi = ceil((max > 0 ? max : 1) / step) * step;
	*scale = width / hi;
	for (double v = 0; list && v <= hi + step / 2; v += step) {
		char label[32];
		snprintf(label, sizeof label, "%g", v);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "label", label);
		set_num(m, "x", v * *scale);
		brief_tv_push(list, m);
	}
	return list;
}

/* Bars of a trend: 10 cm for the axis, 0.6 cm apart. */
static brief_tval *trends(const brief_doc *d)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < d->ntrends; i++) {
		const brief_trend *t = &d->trends[i];
		double max = 0;
		for (size_t j = 0; j < t->n; j++)
			if (t->v[j].value > max)
				max = t->v[j].value;
		brief_tval *m = brief_tv_map(), *ps = brief_tv_list();
		double scale;
		brief_tv_set(m, "ticks", brief_latex_axis(max, 10, &scale));
		for (size_t j = 0; j < t->n; j++) {
			const brief_point *p = &t->v[j];
			char label[48], v[96];
			double y = 0.6 * (double)j + 0.3;
			char src[16];
			brief_format_point(v, sizeof v, t, p);
			snprintf(label, sizeof label, "%d %s", p->year, p->actual ? "实绩" : "目标");
			snprintf(src, sizeof src, "[%d]", p->source);
			brief_tval *r = brief_tv_map();
			brief_tv_set_str(r, "label", label);
			brief_tv_set_str(r, "value", v);
			brief_tv_set_str(r, "sources", src);
			set_num(r, "bar", p->value > 0 ? scale * p->value : 0);
			set_num(r, "y", y);
			set_num(r, "top", y - 0.2);
			set_num(r, "bottom", y + 0.2);
			brief_tv_set_str(r, "target", p->actual ? "" : "true");
			brief_tv_push(ps, r);
		}
		brief_tv_set_str(m, "indicator", t->indicator);
		brief_tv_set_str(m, "unit", t->unit ? t->unit : "");
		set_num(m, "height", 0.6 * (double)t->n + 0.1);
		set_num(m, "width", 10);
		brief_tv_set(m, "points", ps);
		brief_tv_push(list, m);
	}
	return list;
}

static brief_tval *projects(const brief_doc *d)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < d->projects.n; i++) {
		const brief_row *r = &d->projects.v[i];
		char src[128], inv[32];
		brief_format_sources(src, sizeof src, r);
		snprintf(inv, sizeof inv, r->has_investment ? "%g" : "—", r->investment_yi);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "name", r->name ? r->name : BRIEF_MISSING);
		brief_tv_set_str(m, "investment", inv);
		brief_tv_set_str(m, "status", r->status ? r->status : BRIEF_MISSING);
		brief_tv_set_str(m, "sources", src);
		brief_tv_push(list, m);
	}
	return list;
}

static brief_tval *tiers(const brief_doc *d)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < d->ntiers; i++) {
		const brief_tier *t = &d->tiers[i];
		brief_tval *m = brief_tv_map(), *cl = brief_tv_list();
		for (size_t j = 0; j < t->n; j++) {
			char src[128];
			brief_format_sources(src, sizeof src, t->rows[j]);
			brief_tval *c = brief_tv_map();
			brief_tv_set_str(c, "name", t->rows[j]->name);
			brief_tv_set_str(c, "sources", src);
			brief_tv_set_str(c, "sep", j + 1 < t->n ? "、" : "");
			brief_tv_push(cl, c);
		}
		brief_tv_set_str(m, "tier", t->tier ? t->tier : "其他");
		brief_tv_set(m, "clusters", cl);
		brief_tv_push(list, m);
	}
	return list;
}

/* Bars of the sibling chart: 10 cm for the axis, 0.6 cm apart. */
static brief_tval *compare(const brief_doc *d)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < d->ncompare; i++) {
		const brief_compare *c = &d->compare[i];
		double max = 0;
		for (size_t j = 0; j < c->n; j++)
			if (c->v[j].value > max)
				max = c->v[j].value;
		brief_tval *m = brief_tv_map(), *rs = brief_tv_list();
		double scale;
		brief_tv_set(m, "ticks", brief_latex_axis(max, 10, &scale));
		for (size_t j = 0; j < c->n; j++) {
			double y = 0.6 * (double)j + 0.3;
			brief_tval *r = brief_tv_map();
			char shown[48];
			snprintf(shown, sizeof shown, "%g%s", c->v[j].value, c->unit ? c->unit : "");
			brief_tv_set_str(r, "name", c->v[j].region);
			set_num(r, "value", c->v[j].value);
			brief_tv_set_str(r, "shown", shown);
			set_num(r, "bar", c->v[j].value > 0 ? scale * c->v[j].value : 0);
			set_num(r, "y", y);
			set_num(r, "top", y - 0.2);
			set_num(r, "bottom", y + 0.2);
			brief_tv_set_str(r, "self", c->v[j].self ? "true" : "");
			brief_tv_push(rs, r);
		}
		char note[256], caption[160];
		brief_format_reported(note, sizeof note, d, c);
		/* the direct PDF's caption: GDP增长目标（%） */
		snprintf(caption, sizeof caption, "%s%s目标（%s）", c->indicator,
			 c->kind && !strcmp(c->kind, "growth") ? "增长" : "", c->unit ? c->unit : "");
		brief_tv_set_str(m, "caption", caption);
		brief_tv_set_str(m, "indicator", c->indicator);
		brief_tv_set_str(m, "note", note);
		set_num(m, "height", 0.6 * (double)c->n + 0.1);
		set_num(m, "width", 10);
		brief_tv_set(m, "regions", rs);
		brief_tv_push(list, m);
	}
	return list;
}

/* A URL cut after each '/', so the template can let lines break there. */
static brief_tval *url_parts(const char *url)
{
	brief_tval *list = brief_tv_list();
	for (const char *p = url; list && p && *p;) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) + 1 : strlen(p);
		char *part = strndup(p, n);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "part", part);
		brief_tv_push(list, m);
		free(part);
		p += n;
	}
	return list;
}

static brief_tval *sources(const brief_doc *d)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < d->nsources; i++) {
		const brief_source *s = &d->sources[i];
		char n[16];
		snprintf(n, sizeof n, "%d", s->num);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "num", n);
		brief_tv_set_str(m, "title", s->title ? s->title : s->file);
		brief_tv_set_str(m, "source", s->source);
		brief_tv_set_str(m, "published", s->published ? s->published : "日期不详");
		brief_tv_set_str(m, "file", s->file);
		brief_tv_set_str(m, "url", s->url);
		brief_tv_set(m, "url_parts", url_parts(s->url));
		brief_tv_push(list, m);
	}
	return list;
}

/* The appendix: each evidence clause once, with the facts read from it. */
static brief_tval *evidence(const brief_doc *d)
{
	brief_tval *list = brief_tv_list();
	for (size_t i = 0; list && i < d->nclauses; i++) {
		const brief_clause *c = &d->clauses[i];
		brief_buf f = BRIEF_BUF_INIT;
		char n[16], x[320];
		for (size_t j = 0; j < c->nrows; j++) {
			brief_format_fact(x, sizeof x, c->rows[j]);
			brief_buf_printf(&f, "%s%s", j ? "；" : "", x);
		}
		for (size_t j = 0; j < c->ntotals; j++) {
			brief_format_total(x, sizeof x, c->totals[j]);
			brief_buf_printf(&f, "%s项目总量 · %s", c->nrows || j ? "；" : "", x);
		}
		snprintf(n, sizeof n, "%d", c->source);
		brief_tval *m = brief_tv_map();
		brief_tv_set_str(m, "source", n);
		brief_tv_set_str(m, "text", c->text);
		brief_tv_set_str(m, "facts", brief_buf_ok(&f) && f.len ? f.data : NULL);
		brief_buf_free(&f);
		brief_tv_push(list, m);
	}
	return list;
}

brief_tval *brief_latex_values(const brief_doc *d, long long epoch)
{
	brief_tval *root = brief_tv_map();
	char title[160], day[16], year[16], prev[16];
	snprintf(title, sizeof title, "%s %d 年度简报", d->region, d->year);
	snprintf(year, sizeof year, "%d", d->year);
	snprintf(prev, sizeof prev, "%d", d->year - 1);
	brief_format_time(day, sizeof day, "%Y-%m-%d", epoch);
	brief_tv_set_str(root, "title", title);
	brief_tv_set_str(root, "region", d->region);
	brief_tv_set_str(root, "code", d->region_code);
	brief_tv_set_str(root, "parent", d->parent);
	brief_tv_set_str(root, "year", year);
	brief_tv_set_str(root, "prev_year", prev);
	brief_tv_set_str(root, "generated", day);
	set_num(root, "facts", (double)d->nfacts);
	set_num(root, "conflicts", (double)d->nconflicts);
	set_num(root, "nsources", (double)d->nsources);
	brief_tv_set_str(root, "date_from", d->date_from);
	brief_tv_set_str(root, "date_to", d->date_to);
	brief_tv_set(root, "targets", measure_rows(&d->targets));
	brief_tv_set(root, "actuals", measure_rows(&d->actuals));
	brief_tv_set(root, "year_actuals", measure_rows(&d->year_actuals));
	set_summary(root, d);
	brief_tv_set(root, "totals", totals(d));
	brief_tv_set(root, "trends", trends(d));
	brief_tv_set(root, "scorecard", scorecard(d));
	brief_tv_set(root, "projects", projects(d));
	brief_tv_set(root, "tiers", tiers(d));
	brief_tv_set(root, "compare", compare(d));
	brief_tv_set(root, "sources", sources(d));
	brief_tv_set(root, "evidence", evidence(d));
	return root;
}

int brief_latex_fill(const char *name, const char *src, size_t len, brief_tval *v,
		     brief_buf *out, brief_diag *diag)
{
	char err[512] = "";
	brief_template *t = brief_template_parse(src, len, name, err, sizeof err);
	int rc = -1;
	if (!t)
		brief_error(diag, NULL, "%s", err);
	else if (!v)
		brief_error(diag, name, "out of memory");
	else if (brief_template_render(t, v, brief_latex_escape, out, err, sizeof err))
		brief_error(diag, NULL, "%s", err);
	else
		rc = 0;
	brief_tv_free(v);
	brief_template_free(t);
	return rc;
}

int brief_render_tex(const brief_doc *d, const brief_render_opts *o,
		     brief_buf *out, brief_diag *diag)
{
	const char *name = o->template_path ? o->template_path : "templates/briefing.tex";
	size_t len = 0;
	char *own = o->template_path ? brief_read_file(o->template_path, &len) : NULL;
	/* a template asked for and missing is an error, never the built-in */
	const char *src = o->template_path ? own : brief_embed("briefing.tex", &len);
	int rc = -1;

	if (!src) {
		if (o->template_path)
			brief_error(diag, name, "cannot read the template: %s", strerror(errno));
		else
			brief_error(diag, name, "no built-in template");
		return -1;
	}
	rc = brief_latex_fill(name, src, len, brief_latex_values(d, o->epoch), out, diag);
	free(own);
	return rc;
}
