/*
 * cmd_export.c - brief export: facts as JSON lines or CSV, one per fact,
 * with exactly the fields of the exchange format (null where absent), or
 * the dataset as an xlsx workbook (export/xlsx.h).
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate/region.h"
#include "cli/cli.h"
#include "export/xlsx.h"

/* Column order of the exchange format; SQL column i+1 is field i. */
static const char *const fields[] = {
	"type", "doc", "region", "region_code", "indicator", "kind", "value",
	"unit", "bound", "qualifier", "period", "year", "name",
	"investment_yi", "status", "tier", "evidence", "offset", "scope",
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static const char export_sql[] =
	"SELECT f.type, d.name, f.region, f.region_code, f.indicator, f.kind,"
	" f.value, f.unit, f.bound, f.qualifier, f.period, f.year, f.name,"
	" f.investment_yi, f.status, f.tier, f.evidence, f.offset, f.scope"
	" FROM facts f JOIN documents d ON d.id = f.doc_id"
	" WHERE (?1 IS NULL OR f.region_code IS NOT NULL)"
	"   AND (?2 IS NULL OR f.year = ?2)"
	" ORDER BY d.name, f.offset, f.id";

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] export [--format jsonl|csv] "
		   "[--region R] [--year Y] [-o FILE]\n"
		   "       brief [--db FILE] export --format xlsx -o FILE.xlsx [--region R]\n"
		   "                                [--year Y] [--scope REGION]\n\n"
		   "Writes every stored fact, one per line (jsonl, the default) or\n"
		   "row (csv) with the fields\n  ");
	for (size_t i = 0; i < NFIELDS; i++)
		fprintf(f, "%s%s", fields[i], i + 1 < NFIELDS ? ", " : "\n");
	fprintf(f, "\n  --region R   the facts of R and of what lies in it (杭州市: the\n"
		   "               city, its districts and counties); R is a name, a\n"
		   "               short name or a code, as for show\n"
		   "  -o FILE      write to FILE (- is standard output, the default);\n"
		   "               FILE.csv, FILE.jsonl or FILE.xlsx sets the format\n\n"
		   "xlsx: a workbook with the sheets 目标, 实绩, 项目, 集群 (one row per\n"
		   "fact, values as numbers, units in their own column, evidence and\n"
		   "source links), 来源 (the documents) and 对比 (the headline targets\n"
		   "of the year, one row per region: the combined briefing's overview).\n"
		   "  --year Y       the facts of Y's briefings (targets of Y, results\n"
		   "                 of Y-1); 对比 compares Y (default: the latest year\n"
		   "                 with targets)\n"
		   "  --scope REGION 对比's regions: those within REGION (default: the\n"
		   "                 --region, else all)\n");
}

static json_t *cell_json(sqlite3_stmt *st, int col)
{
	switch (sqlite3_column_type(st, col)) {
	case SQLITE_NULL:
		return json_null();
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(st, col));
	case SQLITE_FLOAT:
		return json_real(sqlite3_column_double(st, col));
	default:
		return json_string((const char *)sqlite3_column_text(st, col));
	}
}

static int put_jsonl(FILE *out, sqlite3_stmt *st)
{
	json_t *o = json_object();
	char *line;
	int rc;

	for (size_t i = 0; i < NFIELDS; i++)
		json_object_set_new(o, fields[i], cell_json(st, (int)i));
	/* 15 significant digits: 801.57 stays 801.57, not 801.57000000000005 */
	line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
				     JSON_REAL_PRECISION(15));
	rc = line && fprintf(out, "%s\n", line) > 0 ? 0 : -1;
	free(line);
	json_decref(o);
	return rc;
}

static void put_csv_cell(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

static int put_csv(FILE *out, sqlite3_stmt *st)
{
	for (size_t i = 0; i < NFIELDS; i++) {
		int col = (int)i;
		if (i)
			putc(',', out);
		if (sqlite3_column_type(st, col) == SQLITE_FLOAT)
			fprintf(out, "%.15g", sqlite3_column_double(st, col));
		else if (sqlite3_column_type(st, col) != SQLITE_NULL)
			put_csv_cell(out, (const char *)sqlite3_column_text(st, col));
	}
	return fputs("\r\n", out) < 0 ? -1 : 0;
}

typedef struct export_opts {
	bool csv, xlsx;
	const char *region, *scope, *out;
	int year;
} export_opts;

/* The format asked for, else the one -o's extension names (jsonl when
 * neither); a usage error when the two disagree. */
static int pick_format(export_opts *o, const char *format)
{
	const char *ext = o->out ? brief_cli_ext(o->out) : "";
	bool known = !strcmp(ext, "csv") || !strcmp(ext, "jsonl") || !strcmp(ext, "xlsx");
	if (format && known && strcmp(format, ext))
		return brief_cli_usage("export", "--format %s does not fit -o %s", format, o->out);
	const char *f = format ? format : known ? ext : "jsonl";
	o->csv = !strcmp(f, "csv");
	o->xlsx = !strcmp(f, "xlsx");
	if (o->xlsx && !o->out)
		return brief_cli_usage("export", "xlsx needs -o FILE.xlsx (a workbook is "
				       "not written to standard output)");
	if (o->scope && !o->xlsx)
		return brief_cli_usage("export", "--scope is for --format xlsx (its 对比 sheet)");
	return -1;
}

/* Returns an exit status when the command is done (help, usage error),
 * -1 when it should go on. */
static int parse(int argc, char **argv, export_opts *o)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "region", required_argument, NULL, 'r' },
		{ "scope", required_argument, NULL, 's' },
		{ "year", required_argument, NULL, 'y' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL;
	int c, rc;
	while ((c = getopt_long(argc, argv, ":f:r:y:o:h", opts, NULL)) != -1) {
		if (c == 'f' && strcmp(optarg, "csv") && strcmp(optarg, "jsonl") &&
		    strcmp(optarg, "xlsx"))
			return brief_cli_usage("export", "--format: not jsonl, csv or xlsx: %s",
					       optarg);
		else if (c == 'f')
			format = optarg;
		else if (c == 'r')
			o->region = optarg;
		else if (c == 's')
			o->scope = optarg;
		else if (c == 'y' && (rc = brief_cli_year("export", optarg, &o->year)) >= 0)
			return rc;
		else if (c == 'o')
			o->out = strcmp(optarg, "-") ? optarg : NULL;
		else if (c == 'h') {
			usage(stdout);
			return BRIEF_EXIT_OK;
		} else if (c != 'y')
			return brief_cli_bad_option("export", c, argv);
	}
	if ((rc = brief_cli_operands("export", argc, argv, 0, "")) >= 0)
		return rc;
	return pick_format(o, format);
}

/* Whether the row's region is the scope or lies in it (the rule of
 * regions --scope and batch --scope). */
static bool in_scope(sqlite3_stmt *st, const brief_region *scope)
{
	const char *code = (const char *)sqlite3_column_text(st, 3);
	return !scope || (code && brief_region_within(brief_gazetteer_shared(), code, scope));
}

static int write_all(FILE *out, sqlite3_stmt *st, const export_opts *o,
		     const brief_region *scope)
{
	int rc;
	if (o->csv)
		for (size_t i = 0; i < NFIELDS; i++)
			fprintf(out, "%s%s", fields[i], i + 1 < NFIELDS ? "," : "\r\n");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (in_scope(st, scope) && (o->csv ? put_csv : put_jsonl)(out, st))
			return -1;
	return rc == SQLITE_DONE ? 0 : -1;
}

static int export_xlsx(brief_cli *cli, brief_db *db, const export_opts *o,
		       const brief_region *region)
{
	const brief_gazetteer *g = brief_gazetteer_shared();
	brief_xlsx_opts x = { region, o->year, region, brief_cli_epoch() };
	if (o->scope && !(x.scope = brief_region_named(db, g, o->scope, &cli->diag)))
		return BRIEF_EXIT_PARTIAL;
	return brief_xlsx_write(db, &x, NULL, o->out, &cli->diag) ? BRIEF_EXIT_PARTIAL
								   : BRIEF_EXIT_OK;
}

int brief_cmd_export(brief_cli *cli, int argc, char **argv)
{
	export_opts o = { 0 };
	const brief_region *scope = NULL;
	const brief_gazetteer *g = brief_gazetteer_shared();
	sqlite3_stmt *st = NULL;
	brief_db *db;
	FILE *out = stdout;
	int status = parse(argc, argv, &o);

	if (status >= 0)
		return status;
	status = BRIEF_EXIT_PARTIAL;
	if (!(db = brief_cli_open_db(cli)))
		return status;
	if (!g) {
		brief_error(&cli->diag, NULL, "cannot load the region table");
		goto out;
	}
	if (o.region && !(scope = brief_region_named(db, g, o.region, &cli->diag)))
		goto out;
	if (o.xlsx) {
		status = export_xlsx(cli, db, &o, scope);
		goto out;
	}
	if (sqlite3_prepare_v2(brief_db_handle(db), export_sql, -1, &st, NULL))
		goto out;
	if (scope)
		sqlite3_bind_int(st, 1, 1);
	if (o.year)
		sqlite3_bind_int(st, 2, o.year);
	if (o.out && !(out = fopen(o.out, "w"))) {
		brief_error(&cli->diag, o.out, "cannot write: %s", strerror(errno));
		goto out;
	}
	if (write_all(out, st, &o, scope) == 0 && fflush(out) == 0)
		status = BRIEF_EXIT_OK;
	else
		brief_error(&cli->diag, o.out ? o.out : "stdout",
			    "export failed: %s", sqlite3_errmsg(brief_db_handle(db)));
out:
	if (out != stdout)
		fclose(out);
	sqlite3_finalize(st);
	brief_db_close(db);
	return status;
}
