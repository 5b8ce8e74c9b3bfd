/*
 * extract.c - brief_extract(): region attribution, then targets and
 * actuals, projects and clusters, then duplicates merged (an article
 * repeats its headline numbers: 再超1000亿元 … 保持在1000亿元以上).
 */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

#include "extract/internal.h"
#include "extract/measure.h"

struct brief_extractor {
	const brief_gazetteer *g;
	brief_measures *measures;
	brief_projects *projects;
	brief_clusters *clusters;
};

brief_extractor *brief_extractor_new(const brief_gazetteer *g, brief_diag *d)
{
	brief_extractor *x = calloc(1, sizeof *x);
	if (!x || !(x->measures = brief_measures_new()) ||
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
	brief_measures_free(x->measures);
	brief_projects_free(x->projects);
	brief_clusters_free(x->clusters);
	free(x);
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_fact(const brief_fact *a, const brief_fact *b)
{
	if (a->type != b->type || !same_str(a->region_code, b->region_code))
		return false;
	if (a->type == BRIEF_FACT_PROJECT || a->type == BRIEF_FACT_CLUSTER)
		return same_str(a->name, b->name);
	return a->value == b->value && same_str(a->unit, b->unit) &&
	       same_str(a->indicator, b->indicator) && same_str(a->period, b->period);
}

/* Drops later repetitions of a fact, keeping the first (its evidence). */
static void dedupe(brief_facts *fs, size_t from)
{
	size_t w = from;
	for (size_t i = from; i < fs->n; i++) {
		bool dup = false;
		for (size_t j = from; j < w && !dup; j++)
			dup = same_fact(&fs->v[j], &fs->v[i]);
		if (dup)
			brief_fact_clear(&fs->v[i]);
		else
			fs->v[w++] = fs->v[i];
	}
	fs->n = w;
}

int brief_extract(brief_extractor *x, const brief_article *a, brief_facts *out)
{
	size_t from = out->n;
	brief_attrib *t = brief_attrib_new(x->g, a);
	int rc = -1;
	if (!t)
		return -1;
	if (brief_extract_measures(x->measures, x->g, t, a, out) == 0 &&
	    brief_extract_projects(x->projects, x->g, t, a, out) == 0 &&
	    brief_extract_clusters(x->clusters, x->g, t, a, out) == 0)
		rc = 0;
	dedupe(out, from);
	brief_attrib_free(t);
	return rc;
}
