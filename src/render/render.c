/* render.c - dispatch to the format renderers; files written atomically. */
#include "render/render.h"

#include <stdlib.h>
#include <string.h>

#include "util/fsutil.h"

int brief_render(const brief_doc *doc, const brief_render_opts *o,
		 brief_buf *out, brief_diag *d)
{
	int rc;
	switch (o->format) {
	case BRIEF_FMT_TEXT:
		rc = brief_render_text(doc, out);
		break;
	case BRIEF_FMT_JSON:
		rc = brief_render_json(doc, out);
		break;
	case BRIEF_FMT_PDF:
		rc = brief_render_pdf(doc, o, out, d);
		break;
	case BRIEF_FMT_TEX:
		rc = brief_render_tex(doc, o, out, d);
		break;
	default:
		rc = -1;
	}
	if (rc == 0 && !brief_buf_ok(out)) {
		brief_error(d, doc->region, "out of memory while rendering");
		rc = -1;
	}
	return rc;
}

int brief_render_file(const brief_doc *doc, const brief_render_opts *o,
		      const char *path, brief_diag *d)
{
	brief_buf out = BRIEF_BUF_INIT;
	int rc = brief_render(doc, o, &out, d);
	if (rc == 0)
		rc = brief_write_atomic(path, out.data, out.len, d);
	brief_buf_free(&out);
	return rc;
}

const char *brief_format_ext(brief_format f)
{
	static const char *const ext[] = { "txt", "json", "pdf", "tex" };
	return (unsigned)f < sizeof ext / sizeof ext[0] ? ext[f] : "out";
}

int brief_format_parse(const char *s)
{
	static const char *const names[] = { "text", "json", "pdf", "tex" };
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}
