/* measure.h - targets and actual results of one article (measure.c). */
#ifndef BRIEF_MEASURE_H
#define BRIEF_MEASURE_H

#include "extract/internal.h"

typedef struct brief_measures brief_measures;   /* compiled patterns */

brief_measures *brief_measures_new(void);
void brief_measures_free(brief_measures *m);
/* Appends the targets and actuals of `a`. 0, or -1 on OOM. */
int brief_extract_measures(brief_measures *m, const brief_gazetteer *g,
			   const brief_attrib *t, const brief_article *a,
			   brief_facts *out);

#endif
