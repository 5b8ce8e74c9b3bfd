/* render.c - one entry point over the formats of render.h. */
#include "render/render.h"

#include <fontconfig/fontconfig.h>

#include "render/pdf/font.h"

void brief_render_done(void)
{
	brief_font_cache_clear();
	FcFini();
}

int brief_render(const brief_doc *doc, const brief_render_opts *o,
		 brief_buf *out, brief_diag *d)
{
	switch (o->format) {
	case BRIEF_FMT_TEX:
		return brief_render_tex(doc, o, out, d);
	case BRIEF_FMT_PDF:
		return brief_render_pdf(doc, o, out, d);
	case BRIEF_FMT_JSON:
		return brief_render_json(doc, out);
	case BRIEF_FMT_TEXT:
		break;
	}
	return brief_render_text(doc, out);
}
