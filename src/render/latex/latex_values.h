/*
 * latex_values.h - the briefing model as template values, shared by the
 * single LaTeX briefing (latex.c) and the combined one (latex_book.c), so
 * a region's section in the combined briefing says what its own briefing
 * says.
 */
#ifndef BRIEF_LATEX_VALUES_H
#define BRIEF_LATEX_VALUES_H

#include "brief.h"
#include "render/latex/template.h"
#include "util/buf.h"
#include "util/diag.h"

/* The values templates/briefing.tex reads (title, region, targets,
 * actuals, scorecard, projects, tiers, compare, sources, evidence, ...);
 * NULL on OOM. */
brief_tval *brief_latex_values(const brief_doc *d, long long epoch);

/* Appends to `into` (of size n) the markers "[N]" of `more` it lacks:
 * "[1][3]" and "[3][4]" give "[1][3][4]", a row's one 来源 cell. */
void brief_latex_merge_sources(char *into, size_t n, const char *more);

/* The ticks of a chart's axis {x, label}, x in cm along `width`: 1, 2
 * or 5 times a power of ten up to the first at or above max, as the
 * direct PDF's; *scale is cm per unit. */
brief_tval *brief_latex_axis(double max, double width, double *scale);

/* Parses the template src (`name` in messages) and renders it with the
 * values v (taken; NULL means out of memory), every value escaped for
 * LaTeX, into out. 0, or -1 after reporting (a malformed template names
 * its line). */
int brief_latex_fill(const char *name, const char *src, size_t len, brief_tval *v,
		     brief_buf *out, brief_diag *d);

#endif
