/*
 * render.h - brief_doc -> output. Each format is one file with one entry
 * point that renders into memory; files are written with
 * brief_write_atomic (util/fsutil.h), so a killed run never leaves a
 * partial document under its final name. Renderers read only the
 * brief_doc: never the database.
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

/* Each renders `doc` into `out`; 0, or -1 on OOM. */
int brief_render_text(const brief_doc *doc, brief_buf *out);
int brief_render_json(const brief_doc *doc, brief_buf *out);
/* LaTeX from the template (o->template_path, else the built-in
 * templates/briefing.tex); 0, or -1 after reporting (a malformed
 * template names its line). */
int brief_render_tex(const brief_doc *doc, const brief_render_opts *o,
		     brief_buf *out, brief_diag *d);
/* PDF with libharu (render/pdf/pdf.c), styled by o->style_path, else the
 * built-in templates/style.conf; 0, or -1 after reporting. */
int brief_render_pdf(const brief_doc *doc, const brief_render_opts *o,
		     brief_buf *out, brief_diag *d);
/* The combined briefing of a scope: cover, contents, an overview table
 * and chart of every region's headline targets, then each region's
 * briefing; one bookmark per region. */
int brief_render_pdf_book(const brief_book *b, const brief_render_opts *o,
			  brief_buf *out, brief_diag *d);
int brief_render_tex_book(const brief_book *b, const brief_render_opts *o,
			  brief_buf *out, brief_diag *d);

/* Releases what the renderers keep for the life of the process
 * (fontconfig's configuration), so that leak checkers see only leaks. */
void brief_render_done(void);

/* Any one format (o->format); 0, or -1 after reporting. */
int brief_render(const brief_doc *doc, const brief_render_opts *o,
		 brief_buf *out, brief_diag *d);

#endif
