/* cmd_render.c - brief render REGION: one briefing written to a file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "cli/cli.h"
#include "render/render.h"
#include "render/latex/texc.h"
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
		   "Writes the briefing of REGION (a name such as 钱塘区 or 钱塘, or a\n"
		   "code) for year Y (default: the latest year with targets) to FILE, by\n"
		   "default reports/Y/REGION.tex (or .pdf, .txt, .json). The file is\n"
		   "replaced whole or not at all. A region has a briefing for Y when it\n"
		   "has targets for Y or results for Y-1. A fact counts for the year it speaks of: a result only when it is of\n"
		   "the whole year (not 上半年, 春节期间, 截至2月4日 ...), and in an article\n"
		   "with no date only when its paragraph writes the year out.\n\n"
		   "  --format tex     LaTeX source for xelatex (the default)\n"
		   "  --format pdf     PDF typeset by brief itself (libharu)\n"
		   "  --format text    the briefing as show prints it; json: its model\n"
		   "  -o FILE          where to write; - is standard output (a pipe, for\n"
		   "                   a PDF). Without --format, FILE's extension (.tex,\n"
		   "                   .pdf, .txt, .json) sets the format\n"
		   "  --style FILE     with pdf: page, fonts, colours and wording (default:\n"
		   "                   the built-in templates/style.conf)\n"
		   "  --template FILE  with tex: the LaTeX template (default: the built-in\n"
		   "                   templates/briefing.tex)\n"
		   "  --compile        with tex: also run xelatex (no shell escape) and\n"
		   "                   write its PDF beside the source as NAME-xelatex.pdf\n"
		   "                   (NAME.tex -> NAME-xelatex.pdf), so that it never\n"
		   "                   replaces the NAME.pdf of --format pdf\n"
		   "SOURCE_DATE_EPOCH fixes the dates written, for identical output.\n");
}

static const struct { const char *name, *ext; brief_format f; } formats[] = {
	{ "tex", "tex", BRIEF_FMT_TEX }, { "text", "txt", BRIEF_FMT_TEXT },
	{ "json", "json", BRIEF_FMT_JSON }, { "pdf", "pdf", BRIEF_FMT_PDF },
};
#define NFORMATS (sizeof formats / sizeof formats[0])

/* The format named (by --format, or by an extension); -1 when none. */
static int format_of(const char *s, bool by_ext)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (!strcmp(s, by_ext ? formats[i].ext : formats[i].name))
			return (int)i;
	return -1;
}

/* --format, else -o's extension, else tex; then the options that go
 * with one format only. An exit status, or -1 when they fit. */
static int check(render_args *a, const char *format)
{
	int f = format ? format_of(format, false) : -1;
	int e = a->out && strcmp(a->out, "-") ? format_of(brief_cli_ext(a->out), true) : -1;
	if (format && f < 0)
		return brief_cli_usage("render", "--format: not pdf, tex, text or json: %s", format);
	if (f >= 0 && e >= 0 && f != e)
		return brief_cli_usage("render", "--format %s does not fit -o %s", format, a->out);
	f = f >= 0 ? f : e >= 0 ? e : 0;
	a->o.format = formats[f].f;
	a->ext = formats[f].ext;
	if (a->o.style_path && a->o.format != BRIEF_FMT_PDF)
		return brief_cli_usage("render", "--style goes with --format pdf only");
	if (a->o.template_path && a->o.format != BRIEF_FMT_TEX)
		return brief_cli_usage("render", "--template goes with --format tex only");
	if (a->o.compile && a->o.format != BRIEF_FMT_TEX)
		return brief_cli_usage("render", "--compile goes with --format tex only");
	if (a->o.compile && a->out && !strcmp(a->out, "-"))
		return brief_cli_usage("render", "--compile writes files: give -o FILE.tex");
	/* PDF bytes on a terminal garble it; a pipe or a file is what was meant */
	if (a->o.format == BRIEF_FMT_PDF && a->out && !strcmp(a->out, "-") &&
	    isatty(STDOUT_FILENO))
		return brief_cli_usage("render", "-o -: not writing a PDF to a terminal");
	return -1;
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
	const char *format = NULL;
	int c, rc;
	while ((c = getopt_long(argc, argv, ":y:f:o:t:s:ch", opts, NULL)) != -1) {
		if (c == 'y' && (rc = brief_cli_year("render", optarg, &a->year)) >= 0)
			return rc;
		else if (c == 'f')
			format = optarg;
		else if (c == 'o')
			a->out = optarg;
		else if (c == 't')
			a->o.template_path = optarg;
		else if (c == 's')
			a->o.style_path = optarg;
		else if (c == 'c')
			a->o.compile = true;
		else if (c == 'h') {
			usage(stdout);
			return BRIEF_EXIT_OK;
		} else if (c != 'y')
			return brief_cli_bad_option("render", c, argv);
	}
	if ((rc = brief_cli_operands("render", argc, argv, 1, "REGION")) >= 0 ||
	    (rc = check(a, format)) >= 0)
		return rc;
	a->region = argv[optind];
	a->o.epoch = brief_cli_epoch();
	return -1;
}

/* FILE.tex -> FILE-xelatex.pdf: not FILE.pdf, which --format pdf writes */
static char *pdf_path(const char *tex)
{
	size_t n = strlen(tex);
	char *p = malloc(n + 16);
	if (!p)
		return NULL;
	memcpy(p, tex, n + 1);
	if (n > 4 && !strcmp(p + n - 4, ".tex"))
		p[n - 4] = '\0';
	strcat(p, "-xelatex.pdf");
	return p;
}

static int to_stdout(const brief_buf *out, brief_diag *d)
{
	if (fwrite(out->data, 1, out->len, stdout) == out->len && fflush(stdout) == 0)
		return 0;
	brief_error(d, "standard output", "cannot write: %s", strerror(errno));
	return -1;
}

static int write_outputs(const brief_doc *doc, const render_args *a,
			 const char *path, brief_diag *d)
{
	brief_buf out = BRIEF_BUF_INIT;
	int rc = brief_render(doc, &a->o, &out, d);
	if (rc == 0 && !strcmp(path, "-")) {
		rc = to_stdout(&out, d);
		brief_buf_free(&out);
		return rc;
	}
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
