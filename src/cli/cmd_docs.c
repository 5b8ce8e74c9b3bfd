/* cmd_docs.c - brief docs; brief text DOC [--original]. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void docs_usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] docs\n\n"
		   "Lists the stored documents: id, file, title, published date,\n"
		   "encoding, script, characters, warnings and facts. Columns are\n"
		   "aligned by display width; a file name or title too long for its\n"
		   "column ends in \"…\".\n");
}

static const char docs_sql[] =
	"SELECT d.id, d.name, coalesce(d.title, '-'), coalesce(d.published, '-'),"
	" d.encoding, d.script, d.chars,"
	" (SELECT count(*) FROM warnings w WHERE w.doc_id = d.id),"
	" (SELECT count(*) FROM facts f WHERE f.doc_id = d.id)"
	" FROM documents d ORDER BY d.id";

/* Only --help: returns an exit status when done, -1 to go on. */
static int docs_parse(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c != 'h')
			return brief_cli_bad_option("docs", c, argv);
		docs_usage(stdout);
		return BRIEF_EXIT_OK;
	}
	return brief_cli_operands("docs", argc, argv, 0, "");
}

int brief_cmd_docs(brief_cli *cli, int argc, char **argv)
{
	sqlite3_stmt *st = NULL;
	brief_db *db;
	int rc;

	if ((rc = docs_parse(argc, argv)) >= 0)
		return rc;
	if (!(db = brief_cli_open_db(cli)))
		return BRIEF_EXIT_PARTIAL;
	if (sqlite3_prepare_v2(brief_db_handle(db), docs_sql, -1, &st, NULL)) {
		brief_error(&cli->diag, cli->db_path, "%s",
			    sqlite3_errmsg(brief_db_handle(db)));
		brief_db_close(db);
		return BRIEF_EXIT_PARTIAL;
	}
	printf("%4s  %-26s %-30s %-10s %-10s %-11s %6s %4s %5s\n", "id",
	       "file", "title", "published", "encoding", "script", "chars",
	       "warn", "facts");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		printf("%4lld  ", sqlite3_column_int64(st, 0));
		brief_cli_put_cells(stdout, (const char *)sqlite3_column_text(st, 1), 26);
		putchar(' ');
		brief_cli_put_cells(stdout, (const char *)sqlite3_column_text(st, 2), 30);
		printf(" %-10s %-10s %-11s %6lld %4lld %5lld\n",
		       sqlite3_column_text(st, 3), sqlite3_column_text(st, 4),
		       sqlite3_column_text(st, 5), sqlite3_column_int64(st, 6),
		       sqlite3_column_int64(st, 7), sqlite3_column_int64(st, 8));
	}
	sqlite3_finalize(st);
	brief_db_close(db);
	return rc == SQLITE_DONE ? BRIEF_EXIT_OK : BRIEF_EXIT_PARTIAL;
}

static void text_usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] text [--original] DOC\n\n"
		   "Prints a document's clean Simplified text; --original prints the\n"
		   "decoded original instead. DOC is an id or a file name.\n");
}

int brief_cmd_text(brief_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "original", no_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool original = false;
	brief_article a;
	brief_db *db;
	long long id;
	int c;

	while ((c = getopt_long(argc, argv, ":oh", opts, NULL)) != -1) {
		if (c == 'o')
			original = true;
		else if (c == 'h') {
			text_usage(stdout);
			return BRIEF_EXIT_OK;
		} else
			return brief_cli_bad_option("text", c, argv);
	}
	if ((c = brief_cli_operands("text", argc, argv, 1, "DOC")) >= 0)
		return c;
	if (!(db = brief_cli_open_db(cli)))
		return BRIEF_EXIT_PARTIAL;
	id = brief_db_resolve(db, argv[optind]);
	if (id <= 0 || brief_db_load(db, id, &a)) {
		if (id == 0)
			brief_error(&cli->diag, argv[optind], "no such document");
		brief_db_close(db);
		return BRIEF_EXIT_PARTIAL;
	}
	const char *s = original ? a.original : a.text;
	size_t n = original ? a.original_len : a.text_len;
	fwrite(s, 1, n, stdout);
	if (n && s[n - 1] != '\n')
		putchar('\n');
	brief_article_free(&a);
	brief_db_close(db);
	return BRIEF_EXIT_OK;
}
