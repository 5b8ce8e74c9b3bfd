/* cmd_render.c - brief render REGION: one briefing written to a file. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/aggregate.h"
#include "cli/cli.h"
#include "render/render.h"
#include "render/texc.h"
#include "util/fsutil.h"

typedef struct render_args {
	const char *region, *out, *ext;
	int year;
	brief_render_opts o;
} render_args;

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] render REGION [--year Y] [--format pdf|tex|text|json]\n"
		   "              [-o FILE] [--template FILE] [--style FILE] [--compile]\n\n"
		   "Writes the briefing of REGION (a name such as 钱塘区, or a code) for\n"
		   "year Y (default: the latest year with targets) to FILE, by default\n"
		   "reports/Y/REGION.tex (or .pdf, .txt, .json). The file is replaced whole or\n"
		   "not at all.\n\n"
		   "  --format tex     LaTeX source for xelatex (the default)\n"
		   "  --format pdf     PDF typeset by brief itself (libharu)\n"
		   "  --style FILE     with pdf: page, fonts, colours and wording (default:\n"
		   "                   the built-in templates/style.conf)\n"
		   "  --template FILE  the LaTeX template (default: the built-in\n"
		   "                   templates/briefing.tex)\n"
		   "  --compile        with tex: also run xelatex (no shell escape) and\n"
		   "                   write the PDF beside the .tex\n"
		   "SOURCE_DATE_EPOCH fixes the dates written, for identical output.\n");
}

/* Returns an exit status when done (help, usage error), -1 to go on. */
static int parse(int argc, char **argv, render_args *a)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "template", required_argument, NULL, 't' },
		{ "style", required_argument, NULL, 's' },
		{ "compile", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct { const char *name, *ext; brief_format f; } formats[] = {
		{ "tex", "tex", BRIEF_FMT_TEX }, { "text", "txt", BRIEF_FMT_TEXT },
		{ "json", "json", BRIEF_FMT_JSON }, { "pdf", "pdf", BRIEF_FMT_PDF },
	};
	int c;
	a->o.format = BRIEF_FMT_TEX;
	a->ext = "tex";
	while ((c = getopt_long(argc, argv, "y:f:o:t:s:ch", opts, NULL)) != -1) {
		bool known = false;
		if (c == 'f')
			for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
				if (!strcmp(optarg, formats[i].name)) {
					a->o.format = formats[i].f;
					a->ext = formats[i].ext;
					known = true;
				}
		if (c == 'y' && atoi(optarg) > 0)
			a->year = atoi(optarg);
		else if (c == 'o')
			a->out = optarg;
		else if (c == 't')
			a->o.template_path = optarg;
		else if (c == 's')
			a->o.style_path = optarg;
		else if (c == 'c')
			a->o.compile = true;
		else if (!known) {
			usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? BRIEF_EXIT_OK : BRIEF_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc || (a->o.compile && a->o.format != BRIEF_FMT_TEX)) {
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	a->region = argv[optind];
	a->o.epoch = brief_cli_epoch();
	return -1;
}

/* FILE.tex -> FILE.pdf */
static char *pdf_path(const char *tex)
{
	size_t n = strlen(tex);
	char *p = malloc(n + 5);
	if (!p)
		return NULL;
	memcpy(p, tex, n + 1);
	if (n > 4 && !strcmp(p + n - 4, ".tex"))
		p[n - 4] = '\0';
	strcat(p, ".pdf");
	return p;
}

static int write_outputs(const brief_doc *doc, const render_args *a,
			 const char *path, brief_diag *d)
{
	brief_buf out = BRIEF_BUF_INIT;
	int rc = brief_render(doc, &a->o, &out, d);
	if (rc == 0)
		rc = brief_write_atomic(path, out.data, out.len, d);
	if (rc == 0)
		printf("%s\n", path);
	if (rc == 0 && a->o.compile) {
		char *pdf = pdf_path(path);
		rc = pdf ? brief_tex_compile(out.data, out.len, pdf, a->o.epoch, d) : -1;
		if (rc == 0)
			printf("%s\n", pdf);
		free(pdf);
	}
	brief_buf_free(&out);
	return rc;
}

int brief_cmd_render(brief_cli *cli, int argc, char **argv)
{
	render_args a = { 0 };
	brief_doc doc = { 0 };
	char *path = NULL;
	brief_db *db = NULL;
	int status = parse(argc, argv, &a);

	if (status >= 0)
		return status;
	status = BRIEF_EXIT_PARTIAL;
	if (!(db = brief_cli_open_db(cli)) ||
	    brief_aggregate(db, a.region, a.year, &doc, &cli->diag))
		goto out;
	path = a.out ? strdup(a.out)
		     : brief_cli_out_path("reports", doc.year, doc.region, a.ext);
	if (path && write_outputs(&doc, &a, path, &cli->diag) == 0)
		status = BRIEF_EXIT_OK;
out:
	free(path);
	brief_doc_free(&doc);
	brief_db_close(db);
	return status;
}
