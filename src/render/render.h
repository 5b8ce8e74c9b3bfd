/*
 * render.h - brief_doc -> output. Each format is one file with one entry
 * point that renders into memory; render.c dispatches and writes files
 * atomically (temporary file in the same directory, fsync, rename), so a
 * killed run never leaves a partial document under its final name.
 * Renderers read only the brief_doc: never the database.
 */
#ifndef BRIEF_RENDER_H
#define BRIEF_RENDER_H

#include <stdbool.h>

#include "brief.h"
#include "util/buf.h"
#include "util/diag.h"

typedef enum {
	BRIEF_FMT_TEXT,         /* terminal text (brief show) */
	BRIEF_FMT_JSON,         /* the model as JSON */
	BRIEF_FMT_PDF,          /* libharu, subset CJK fonts */
	BRIEF_FMT_TEX           /* LaTeX from templates/ */
} brief_format;

typedef struct brief_render_opts {
	brief_format format;
	const char *template_path;  /* tex: user template, NULL = built-in */
	const char *style_path;     /* pdf: style file, NULL = built-in */
	bool compile;               /* tex: also run xelatex to a PDF */
	long long epoch;            /* SOURCE_DATE_EPOCH, or -1 for now */
} brief_render_opts;

/* Renders in the format o->format; 0, or -1 after reporting through d. */
int brief_render(const brief_doc *doc, const brief_render_opts *o,
		 brief_buf *out, brief_diag *d);
/* The same, written atomically to `path` (parent directories created). */
int brief_render_file(const brief_doc *doc, const brief_render_opts *o,
		      const char *path, brief_diag *d);
/* "pdf", "tex", ... for a format; brief_format_parse: -1 if unknown. */
const char *brief_format_ext(brief_format f);
int brief_format_parse(const char *s);

/* Each renders `doc` into `out`; 0, or -1 after reporting through d. */
int brief_render_text(const brief_doc *doc, brief_buf *out);
int brief_render_json(const brief_doc *doc, brief_buf *out);
int brief_render_pdf(const brief_doc *doc, const brief_render_opts *o,
		     brief_buf *out, brief_diag *d);
int brief_render_tex(const brief_doc *doc, const brief_render_opts *o,
		     brief_buf *out, brief_diag *d);

#endif
