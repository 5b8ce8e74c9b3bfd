/*
 * json.c - the briefing model as JSON (brief show --json): every field
 * of brief_doc, keys in a fixed order, numbers as numbers, so the output
 * is stable enough for golden files and tools.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/json.h"
#include "render/format.h"
#include "render/render.h"

static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* Sets "sources" and "evidence" of a row's object. */
static void evidence(json_t *o, const brief_row *r)
{
	json_t *a = json_array(), *src = json_array();
	for (size_t i = 0; i < r->nev; i++) {
		json_t *e = json_object();
		json_object_set_new(e, "source", json_integer(r->ev[i].source));
		json_object_set_new(e, "text", str(r->ev[i].text));
		json_object_set_new(e, "offset", json_integer((json_int_t)r->ev[i].offset));
		json_array_append_new(a, e);
		json_array_append_new(src, json_integer(r->ev[i].source));
	}
	json_object_set_new(o, "sources", src);
	json_object_set_new(o, "evidence", a);
}

static json_t *row(const brief_row *r)
{
	json_t *o = json_object();
	if (r->type == BRIEF_FACT_TARGET || r->type == BRIEF_FACT_ACTUAL) {
		json_object_set_new(o, "indicator", str(r->indicator));
		json_object_set_new(o, "kind", str(r->kind));
		json_object_set_new(o, "value", r->has_value ? json_real(r->value) : json_null());
		json_object_set_new(o, "unit", str(r->unit));
		json_object_set_new(o, "bound", str(r->bound));
		json_object_set_new(o, "qualifier", str(r->qualifier));
		json_object_set_new(o, "period", str(r->period));
		json_object_set_new(o, "year", json_integer(r->year));
		json_object_set_new(o, "conflict", json_boolean(r->conflict));
	} else {
		json_object_set_new(o, "name", str(r->name));
		if (r->type == BRIEF_FACT_PROJECT) {
			json_object_set_new(o, "investment_yi",
					    r->has_investment ? json_real(r->investment_yi) : json_null());
			json_object_set_new(o, "status", str(r->status));
		} else {
			json_object_set_new(o, "tier", str(r->tier));
		}
	}
	evidence(o, r);
	return o;
}

static json_t *rows(const brief_rows *rs)
{
	json_t *a = json_array();
	for (size_t i = 0; i < rs->n; i++)
		json_array_append_new(a, row(&rs->v[i]));
	return a;
}

/* The source numbers of a row the scorecard borrows ([] for none). */
static json_t *source_nums(const brief_row *r)
{
	json_t *a = json_array();
	for (size_t i = 0; r && i < r->nev; i++)
		json_array_append_new(a, json_integer(r->ev[i].source));
	return a;
}

static json_t *scorecard(const brief_doc *d)
{
	static const char *const words[] = { "unknown", "met", "missed", "exceeded" };
	json_t *a = json_array();
	for (size_t i = 0; i < d->nscorecard; i++) {
		const brief_outcome *s = &d->scorecard[i];
		json_t *o = json_object();
		json_object_set_new(o, "indicator", str(s->indicator));
		json_object_set_new(o, "year", json_integer(s->year));
		json_object_set_new(o, "kind", str(s->kind));
		json_object_set_new(o, "unit", str(s->unit));
		json_object_set_new(o, "bound", str(s->bound));
		json_object_set_new(o, "target", json_real(s->target));
		json_object_set_new(o, "actual", s->has_actual ? json_real(s->actual) : json_null());
		json_object_set_new(o, "gap", s->has_actual ? json_real(s->gap) : json_null());
		json_object_set_new(o, "outcome", json_string(words[s->outcome]));
		json_object_set_new(o, "outcome_zh", json_string(brief_outcome_word(s->outcome)));
		json_object_set_new(o, "target_sources", source_nums(s->target_row));
		json_object_set_new(o, "actual_sources", source_nums(s->actual_row));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *tiers(const brief_doc *d)
{
	json_t *a = json_array();
	for (size_t i = 0; i < d->ntiers; i++) {
		json_t *o = json_object(), *names = json_array();
		for (size_t j = 0; j < d->tiers[i].n; j++)
			json_array_append_new(names, str(d->tiers[i].rows[j]->name));
		json_object_set_new(o, "tier", str(d->tiers[i].tier));
		json_object_set_new(o, "clusters", names);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *compare(const brief_doc *d)
{
	json_t *a = json_array();
	for (size_t i = 0; i < d->ncompare; i++) {
		const brief_compare *c = &d->compare[i];
		json_t *o = json_object(), *v = json_array();
		json_object_set_new(o, "indicator", str(c->indicator));
		json_object_set_new(o, "kind", str(c->kind));
		json_object_set_new(o, "unit", str(c->unit));
		json_object_set_new(o, "rank", c->self_rank ? json_integer(c->self_rank) : json_null());
		json_object_set_new(o, "siblings", json_integer((json_int_t)c->nsiblings));
		json_object_set_new(o, "reported", json_integer((json_int_t)c->n));
		json_object_set_new(o, "ranked", json_boolean(c->ranked));
		for (size_t j = 0; j < c->n; j++) {
			json_t *s = json_object();
			json_object_set_new(s, "region", str(c->v[j].region));
			json_object_set_new(s, "code", str(c->v[j].region_code));
			json_object_set_new(s, "value", json_real(c->v[j].value));
			json_object_set_new(s, "rank", c->ranked ? json_integer(c->v[j].rank)
							       : json_null());
			json_object_set_new(s, "self", json_boolean(c->v[j].self));
			json_array_append_new(v, s);
		}
		json_object_set_new(o, "regions", v);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *evidence_sources(const brief_evidence *ev, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_integer(ev[i].source));
	return a;
}

static json_t *totals(const brief_doc *d)
{
	json_t *a = json_array();
	for (size_t i = 0; i < d->ntotals; i++) {
		const brief_total *t = &d->totals[i];
		json_t *o = json_object();
		json_object_set_new(o, "label", str(t->label));
		json_object_set_new(o, "count", t->has_count ? json_real(t->count) : json_null());
		json_object_set_new(o, "count_unit", str(t->count_unit));
		json_object_set_new(o, "investment_yi",
				    t->has_investment ? json_real(t->investment_yi) : json_null());
		json_object_set_new(o, "year", json_integer(t->year));
		json_object_set_new(o, "actual", json_boolean(t->actual));
		json_object_set_new(o, "sources", evidence_sources(t->ev, t->nev));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *ints(const int *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_integer(v[i]));
	return a;
}

/* 要点 as the other renderers print it: phrases and their sources. */
static json_t *summary(const brief_doc *d)
{
	brief_phrases ps;
	json_t *a = json_array();
	if (brief_summary(d, &ps))
		return a;
	for (size_t i = 0; i < ps.n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "text", str(ps.v[i].text));
		json_object_set_new(o, "sources", ints(ps.v[i].sources, ps.v[i].nsources));
		json_array_append_new(a, o);
	}
	brief_phrases_free(&ps);
	return a;
}

static json_t *trends(const brief_doc *d)
{
	json_t *a = json_array();
	for (size_t i = 0; i < d->ntrends; i++) {
		const brief_trend *t = &d->trends[i];
		json_t *o = json_object(), *pts = json_array();
		json_object_set_new(o, "indicator", str(t->indicator));
		json_object_set_new(o, "kind", str(t->kind));
		json_object_set_new(o, "unit", str(t->unit));
		for (size_t j = 0; j < t->n; j++) {
			json_t *p = json_object();
			json_object_set_new(p, "year", json_integer(t->v[j].year));
			json_object_set_new(p, "type", json_string(t->v[j].actual ? "actual" : "target"));
			json_object_set_new(p, "value", json_real(t->v[j].value));
			json_object_set_new(p, "source", json_integer(t->v[j].source));
			json_array_append_new(pts, p);
		}
		json_object_set_new(o, "points", pts);
		json_array_append_new(a, o);
	}
	return a;
}

/* The appendix: each clause once, with the facts read from it. */
static json_t *clauses(const brief_doc *d)
{
	json_t *a = json_array();
	char f[320];
	for (size_t i = 0; i < d->nclauses; i++) {
		const brief_clause *c = &d->clauses[i];
		json_t *o = json_object(), *fs = json_array();
		json_object_set_new(o, "source", json_integer(c->source));
		json_object_set_new(o, "text", str(c->text));
		json_object_set_new(o, "offset", json_integer((json_int_t)c->offset));
		for (size_t j = 0; j < c->nrows; j++) {
			brief_format_fact(f, sizeof f, c->rows[j]);
			json_array_append_new(fs, json_string(f));
		}
		for (size_t j = 0; j < c->ntotals; j++) {
			char t[300];
			brief_format_total(t, sizeof t, c->totals[j]);
			snprintf(f, sizeof f, "项目总量 · %s", t);
			json_array_append_new(fs, json_string(f));
		}
		json_object_set_new(o, "facts", fs);
		json_array_append_new(a, o);
	}
	return a;
}

json_t *brief_json_sources(const brief_doc *d)
{
	json_t *a = json_array();
	for (size_t i = 0; i < d->nsources; i++) {
		const brief_source *s = &d->sources[i];
		json_t *o = json_object();
		json_object_set_new(o, "num", json_integer(s->num));
		json_object_set_new(o, "title", str(s->title));
		json_object_set_new(o, "source", str(s->source));
		json_object_set_new(o, "published", str(s->published));
		json_object_set_new(o, "file", str(s->file));
		json_object_set_new(o, "url", str(s->url));
		json_array_append_new(a, o);
	}
	return a;
}

int brief_render_json(const brief_doc *d, brief_buf *out)
{
	json_t *o = json_object();
	json_object_set_new(o, "region", str(d->region));
	json_object_set_new(o, "code", str(d->region_code));
	json_object_set_new(o, "parent", str(d->parent));
	json_object_set_new(o, "parent_code", str(d->parent_code));
	json_object_set_new(o, "year", json_integer(d->year));
	json_object_set_new(o, "facts", json_integer((json_int_t)d->nfacts));
	json_object_set_new(o, "conflicts", json_integer((json_int_t)d->nconflicts));
	json_object_set_new(o, "date_from", str(d->date_from));
	json_object_set_new(o, "date_to", str(d->date_to));
	json_object_set_new(o, "summary", summary(d));
	json_object_set_new(o, "targets", rows(&d->targets));
	json_object_set_new(o, "actuals", rows(&d->actuals));
	json_object_set_new(o, "year_actuals", rows(&d->year_actuals));
	json_object_set_new(o, "scorecard", scorecard(d));
	json_object_set_new(o, "project_totals", totals(d));
	json_object_set_new(o, "projects", rows(&d->projects));
	json_object_set_new(o, "clusters", rows(&d->clusters));
	json_object_set_new(o, "tiers", tiers(d));
	json_object_set_new(o, "compare", compare(d));
	json_object_set_new(o, "trends", trends(d));
	json_object_set_new(o, "sources", brief_json_sources(d));
	json_object_set_new(o, "appendix", clauses(d));
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
				       JSON_REAL_PRECISION(15));
	json_decref(o);
	if (!s)
		return -1;
	brief_buf_puts(out, s);
	brief_buf_putc(out, '\n');
	free(s);
	return brief_buf_ok(out) ? 0 : -1;
}
