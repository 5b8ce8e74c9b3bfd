/* model.c - constructors and destructors of the seam types in brief.h. */
#include "brief.h"

#include <stdlib.h>
#include <string.h>

static const char *const type_names[BRIEF_FACT_NTYPES] = {
	"target", "actual", "project", "cluster"
};

const char *brief_fact_type_name(brief_fact_type t)
{
	return (unsigned)t < BRIEF_FACT_NTYPES ? type_names[t] : "?";
}

int brief_fact_type_parse(const char *s)
{
	for (int i = 0; i < BRIEF_FACT_NTYPES; i++)
		if (s && strcmp(s, type_names[i]) == 0)
			return i;
	return -1;
}

void brief_article_free(brief_article *a)
{
	if (!a)
		return;
	free(a->path);
	free(a->name);
	free(a->encoding);
	free(a->original);
	free(a->clean_orig);
	free(a->text);
	free(a->title);
	free(a->published);
	free(a->source);
	free(a->url);
	free(a->sents);
	free(a->garbles);
	memset(a, 0, sizeof *a);
}

void brief_fact_clear(brief_fact *f)
{
	if (!f)
		return;
	free(f->region);
	free(f->region_code);
	free(f->parent_code);
	free(f->indicator);
	free(f->kind);
	free(f->unit);
	free(f->bound);
	free(f->qualifier);
	free(f->period);
	free(f->name);
	free(f->status);
	free(f->tier);
	free(f->scope);
	free(f->evidence);
	memset(f, 0, sizeof *f);
	f->sentence = -1;
}

void brief_facts_free(brief_facts *fs)
{
	if (!fs)
		return;
	for (size_t i = 0; i < fs->n; i++)
		brief_fact_clear(&fs->v[i]);
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

brief_fact *brief_facts_push(brief_facts *fs)
{
	if (fs->n == fs->cap) {
		size_t cap = fs->cap ? fs->cap * 2 : 16;
		brief_fact *v = realloc(fs->v, cap * sizeof *v);
		if (!v)
			return NULL;
		fs->v = v;
		fs->cap = cap;
	}
	brief_fact *f = &fs->v[fs->n++];
	memset(f, 0, sizeof *f);
	f->sentence = -1;
	return f;
}

static void evidence_free(brief_evidence *ev, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ev[i].text);
	free(ev);
}

void brief_row_clear(brief_row *r)
{
	free(r->indicator);
	free(r->kind);
	free(r->unit);
	free(r->bound);
	free(r->qualifier);
	free(r->period);
	free(r->name);
	free(r->status);
	free(r->tier);
	evidence_free(r->ev, r->nev);
}

static void rows_free(brief_rows *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		brief_row_clear(&rs->v[i]);
	free(rs->v);
}

void brief_compare_clear(brief_compare *c)
{
	for (size_t j = 0; j < c->n; j++) {
		free(c->v[j].region);
		free(c->v[j].region_code);
	}
	free(c->v);
	free(c->indicator);
	free(c->kind);
	free(c->unit);
	memset(c, 0, sizeof *c);
}

void brief_doc_free(brief_doc *d)
{
	if (!d)
		return;
	free(d->region);
	free(d->region_code);
	free(d->parent);
	free(d->parent_code);
	rows_free(&d->targets);
	rows_free(&d->actuals);
	rows_free(&d->prev_targets);
	rows_free(&d->year_actuals);
	rows_free(&d->projects);
	rows_free(&d->clusters);
	for (size_t i = 0; i < d->ntiers; i++) {
		free(d->tiers[i].tier);
		free(d->tiers[i].rows);
	}
	free(d->tiers);
	for (size_t i = 0; i < d->nscorecard; i++) {
		brief_outcome *o = &d->scorecard[i];
		free(o->indicator);
		free(o->kind);
		free(o->unit);
		free(o->bound);
	}
	free(d->scorecard);
	for (size_t i = 0; i < d->ntotals; i++) {
		brief_total *t = &d->totals[i];
		free(t->label);
		free(t->count_unit);
		evidence_free(t->ev, t->nev);
	}
	free(d->totals);
	for (size_t i = 0; i < d->nclauses; i++) {
		free(d->clauses[i].rows);
		free(d->clauses[i].totals);
	}
	free(d->clauses);
	for (size_t i = 0; i < d->ntrends; i++) {
		free(d->trends[i].indicator);
		free(d->trends[i].kind);
		free(d->trends[i].unit);
		free(d->trends[i].v);
	}
	free(d->trends);

	for (size_t i = 0; i < d->ncompare; i++)
		brief_compare_clear(&d->compare[i]);
	free(d->compare);
	for (size_t i = 0; i < d->nsources; i++) {
		brief_source *s = &d->sources[i];
		free(s->title);
		free(s->source);
		free(s->published);
		free(s->file);
		free(s->url);
	}
	free(d->sources);
	free(d->date_from);
	free(d->date_to);
	memset(d, 0, sizeof *d);
}

/* ---------------------------------------------------------------- */
/* One numbering of sources for a combined briefing.                 */

static void renumber_ev(brief_evidence *ev, size_t n, const int *map, size_t nmap)
{
	for (size_t i = 0; i < n; i++)
		if (ev[i].source > 0 && (size_t)ev[i].source <= nmap)
			ev[i].source = map[ev[i].source - 1];
}

static void renumber_rows(brief_rows *rs, const int *map, size_t nmap)
{
	for (size_t i = 0; i < rs->n; i++)
		renumber_ev(rs->v[i].ev, rs->v[i].nev, map, nmap);
}

static void renumber_doc(brief_doc *d, const int *map)
{
	size_t n = d->nsources;
	brief_rows *lists[] = { &d->targets, &d->actuals, &d->year_actuals, &d->prev_targets,
				&d->projects, &d->clusters };
	for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
		renumber_rows(lists[k], map, n);
	for (size_t i = 0; i < d->ntotals; i++)
		renumber_ev(d->totals[i].ev, d->totals[i].nev, map, n);
	for (size_t i = 0; i < d->nclauses; i++)
		if (d->clauses[i].source > 0 && (size_t)d->clauses[i].source <= n)
			d->clauses[i].source = map[d->clauses[i].source - 1];
	for (size_t i = 0; i < d->ntrends; i++)
		for (size_t j = 0; j < d->trends[i].n; j++) {
			brief_point *p = &d->trends[i].v[j];
			if (p->source > 0 && (size_t)p->source <= n)
				p->source = map[p->source - 1];
		}
	for (size_t i = 0; i < n; i++)
		d->sources[i].num = map[i];
}

int brief_book_number_sources(brief_doc *docs, size_t n)
{
	long long *ids = NULL;
	size_t nids = 0;
	int rc = 0;
	for (size_t k = 0; k < n && !rc; k++) {
		brief_doc *d = &docs[k];
		int *map = calloc(d->nsources + 1, sizeof *map);
		long long *v = realloc(ids, (nids + d->nsources + 1) * sizeof *v);
		if (!map || !v) {
			free(map);
			rc = -1;
			break;
		}
		ids = v;
		for (size_t i = 0; i < d->nsources; i++) {
			size_t j = 0;
			while (j < nids && ids[j] != d->sources[i].doc_id)
				j++;
			if (j == nids)
				ids[nids++] = d->sources[i].doc_id;
			map[i] = (int)j + 1;
		}
		renumber_doc(d, map);
		free(map);
	}
	free(ids);
	return rc;
}
