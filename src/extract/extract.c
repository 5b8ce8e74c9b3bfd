/*
 * extract.c - brief_extract(): the article analysed once (annot.c), then
 * targets and actuals, projects and clusters read from that analysis, then duplicates merged (an article
 * repeats its headline numbers: 再超1000亿元 … 保持在1000亿元以上).
 */
#include "extract/extract.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "extract/measure.h"

struct brief_extractor {
	const brief_gazetteer *g;
	brief_annotator *annotator;
	brief_measures *measures;
	brief_projects *projects;
	brief_clusters *clusters;
};

brief_extractor *brief_extractor_new(const brief_gazetteer *g, brief_diag *d)
{
	brief_extractor *x = calloc(1, sizeof *x);
	if (!x || !(x->annotator = brief_annotator_new()) ||
	    !(x->measures = brief_measures_new()) ||
	    !(x->projects = brief_projects_new()) ||
	    !(x->clusters = brief_clusters_new())) {
		brief_error(d, NULL, "cannot compile the extraction patterns");
		brief_extractor_free(x);
		return NULL;
	}
	x->g = g;
	return x;
}

void brief_extractor_free(brief_extractor *x)
{
	if (!x)
		return;
	brief_annotator_free(x->annotator);
	brief_measures_free(x->measures);
	brief_projects_free(x->projects);
	brief_clusters_free(x->clusters);
	free(x);
}

/* The identity of a fact for dedupe: type, region and what it says. */
static char *fact_key(const brief_fact *f)
{
	const char *rc = f->region_code ? f->region_code : "";
	if (f->type == BRIEF_FACT_PROJECT || f->type == BRIEF_FACT_CLUSTER)
		return g_strdup_printf("%d\x1f%s\x1f%s", f->type, rc, f->name ? f->name : "");
	return g_strdup_printf("%d\x1f%s\x1f%.17g\x1f%s\x1f%s\x1f%s", f->type, rc, f->value,
			       f->unit ? f->unit : "", f->indicator ? f->indicator : "",
			       f->period ? f->period : "");
}

/* Drops later repetitions of a fact, keeping the first (its evidence).
 * Hashed: a hostile article repeats one figure a million times. */
static void dedupe(brief_facts *fs, size_t from)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	size_t w = from;
	for (size_t i = from; i < fs->n; i++) {
		char *k = fact_key(&fs->v[i]);
		if (g_hash_table_contains(seen, k)) {
			g_free(k);
			brief_fact_clear(&fs->v[i]);
		} else {
			g_hash_table_add(seen, k);
			fs->v[w++] = fs->v[i];
		}
	}
	fs->n = w;
	g_hash_table_destroy(seen);
}

/* Whether g gives the figure the milestone f was passed on the way to. */
static bool reached(const brief_fact *f, const brief_fact *g)
{
	return g != f && g->type == f->type && g->has_value && g->bound &&
	       !strcmp(g->bound, "exact") && g->indicator && !strcmp(g->indicator, f->indicator) &&
	       g->unit && !strcmp(g->unit, f->unit) && g->year == f->year &&
	       g->value >= f->value && g->value <= f->value * 1.2;
}

/* Whether v[i] is a milestone its sentence then gives the figure of:
 * 首次突破2000亿元、达2010.9亿元 (the 2000 says no more than the 2010.9).
 * A sentence's facts stand together, so only its own run is looked at:
 * a hostile article has tens of thousands of facts. */
static bool passed_milestone(const brief_facts *fs, size_t from, size_t i)
{
	const brief_fact *f = &fs->v[i];
	if (f->type != BRIEF_FACT_ACTUAL || !f->has_value || !f->bound || strcmp(f->bound, "min") ||
	    !f->indicator || !f->unit || !f->kind || strcmp(f->kind, "level"))
		return false;
	for (size_t j = i; j > from && fs->v[j - 1].sentence == f->sentence; j--)
		if (reached(f, &fs->v[j - 1]))
			return true;
	for (size_t j = i + 1; j < fs->n && fs->v[j].sentence == f->sentence; j++)
		if (reached(f, &fs->v[j]))
			return true;
	return false;
}

/* Drops the milestones; the kept facts' flags first, so that a dropped
 * fact is not compared against. */
static void drop_milestones(brief_facts *fs, size_t from)
{
	size_t n = fs->n - from;
	bool *drop = n ? calloc(n, sizeof *drop) : NULL;
	if (!drop)
		return;         /* OOM: keep them all */
	for (size_t i = from; i < fs->n; i++)
		drop[i - from] = passed_milestone(fs, from, i);
	size_t w = from;
	for (size_t i = from; i < fs->n; i++) {
		if (drop[i - from])
			brief_fact_clear(&fs->v[i]);
		else
			fs->v[w++] = fs->v[i];
	}
	fs->n = w;
	free(drop);
}

int brief_extract(brief_extractor *x, const brief_article *a, brief_facts *out)
{
	size_t from = out->n;
	brief_annot *t = brief_annot_new(x->annotator, x->g, a);
	int rc = -1;
	if (!t)
		return -1;
	if (brief_extract_measures(x->measures, x->g, t, a, out) == 0 &&
	    brief_extract_projects(x->projects, x->g, t, a, out) == 0 &&
	    brief_extract_clusters(x->clusters, x->g, t, a, out) == 0)
		rc = 0;
	dedupe(out, from);
	drop_milestones(out, from);
	brief_annot_free(t);
	return rc;
}
