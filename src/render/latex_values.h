/*
 * latex_values.h - the briefing model as template values, shared by the
 * single LaTeX briefing (latex.c) and the combined one (latex_book.c), so
 * a region's section in the combined briefing says what its own briefing
 * says.
 */
#ifndef BRIEF_LATEX_VALUES_H
#define BRIEF_LATEX_VALUES_H

#include "brief.h"
#include "render/template.h"

/* The values templates/briefing.tex reads (title, region, targets,
 * actuals, scorecard, projects, tiers, compare, sources, evidence, ...);
 * NULL on OOM. */
brief_tval *brief_latex_values(const brief_doc *d, long long epoch);

#endif
