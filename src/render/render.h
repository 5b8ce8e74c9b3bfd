/*
 * render.h - brief_doc -> output files. One file per format; dispatch
 * and atomic writing (temporary file, then rename) live in render.c.
 */
#ifndef BRIEF_RENDER_H
#define BRIEF_RENDER_H

#include "brief.h"
#include "util/buf.h"
#include "util/diag.h"

typedef enum {
	BRIEF_FMT_TEXT,         /* terminal text (brief show) */
	BRIEF_FMT_JSON,         /* the model as JSON */
	BRIEF_FMT_PDF,          /* libharu, subset CJK fonts */
	BRIEF_FMT_TEX           /* LaTeX from templates/ */
} brief_format;

#endif
