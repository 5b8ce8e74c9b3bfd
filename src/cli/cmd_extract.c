/* cmd_extract.c - brief extract [--doc DOC]: re-run extraction on stored
 * documents (after a rules change) without re-ingesting them. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "extract/extract.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] extract [--doc DOC]\n\n"
		   "Extracts the facts of every stored document again (or of DOC,\n"
		   "an id or file name) and replaces the stored ones.\n");
}

static int extract_one(brief_db *db, brief_extractor *x, long long id,
		       brief_diag *d)
{
	brief_article a;
	brief_facts facts = { 0 };
	int rc = -1;

	if (brief_db_load(db, id, &a))
		return -1;
	if (brief_extract(x, &a, &facts) == 0 &&
	    brief_db_replace_facts(db, id, &a, &facts) == 0) {
		printf("%4lld  %s  %zu facts\n", id, a.name, facts.n);
		rc = 0;
	} else {
		brief_error(d, a.name, "extraction failed");
	}
	brief_facts_free(&facts);
	brief_article_free(&a);
	return rc;
}

/* Returns an exit status when the command is done, -1 to go on. */
static int parse(int argc, char **argv, const char **doc)
{
	static const struct option opts[] = {
		{ "doc", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, ":d:h", opts, NULL)) != -1) {
		if (c == 'd')
			*doc = optarg;
		else if (c == 'h') {
			usage(stdout);
			return BRIEF_EXIT_OK;
		} else
			return brief_cli_bad_option("extract", c, argv);
	}
	return brief_cli_operands("extract", argc, argv, 0, "");
}

int brief_cmd_extract(brief_cli *cli, int argc, char **argv)
{
	const char *doc = NULL;
	int status = parse(argc, argv, &doc);
	brief_gazetteer *g = NULL;
	brief_extractor *x = NULL;
	long long *ids = NULL, one;
	size_t n = 0;
	brief_db *db;

	if (status >= 0)
		return status;
	status = BRIEF_EXIT_PARTIAL;
	if (!(db = brief_cli_open_db(cli)))
		return status;
	if (!(g = brief_gazetteer_new()) || !(x = brief_extractor_new(g, &cli->diag)))
		goto out;
	if (doc) {
		if ((one = brief_db_resolve(db, doc)) <= 0) {
			if (one == 0)
				brief_error(&cli->diag, doc, "no such document");
			goto out;
		}
		ids = &one;
		n = 1;
	} else if ((n = brief_db_doc_ids(db, &ids)) == (size_t)-1) {
		goto out;
	}
	status = BRIEF_EXIT_OK;
	for (size_t i = 0; i < n; i++)
		if (extract_one(db, x, ids[i], &cli->diag))
			status = BRIEF_EXIT_PARTIAL;
out:
	if (ids != &one)
		free(ids);
	brief_extractor_free(x);
	brief_gazetteer_free(g);
	brief_db_close(db);
	return status;
}
