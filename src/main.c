/* main.c - the brief program: its commands, dispatched by brief_main().
 * Reading articles (brief-ingest), batch and export (brief-batch: the
 * workbook) and mail (brief-mail) are programs of their own: this one
 * renders, and loads only what rendering needs. */
#include "cli/cli.h"

/* One line per command; keep the order of the pipeline. */
static const brief_command commands[] = {
	{ "ingest", NULL, "read articles into the database", "brief-ingest" },
	{ "docs", brief_cmd_docs, "list the stored documents", NULL },
	{ "text", brief_cmd_text, "print a document's clean text", NULL },
	{ "extract", NULL, "extract the stored documents' facts again", "brief-ingest" },
	{ "export", NULL, "write the facts as JSON lines or CSV", "brief-batch" },
	{ "regions", brief_cmd_regions, "list the regions that have facts", NULL },
	{ "show", brief_cmd_show, "print a region's briefing", NULL },
	{ "render", brief_cmd_render, "write a region's briefing (PDF, LaTeX, text, JSON)", NULL },
	{ "batch", NULL, "write every region's briefing, the combined one, a manifest",
	  "brief-batch" },
	{ "mail", NULL, "e-mail the briefings to a list of recipients", "brief-mail" },
	{ NULL, NULL, NULL, NULL }
};

int main(int argc, char **argv)
{
	return brief_main(argc, argv, commands);
}
