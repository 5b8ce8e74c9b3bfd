/*
 * batch_manifest.c - DIR/Y/manifest.json and manifest.csv of `brief
 * batch`: one row per file written, for mail merges and audits. Rows in
 * region-code order (the job list's), the combined briefing last; file
 * names relative to the manifest's directory. Nothing in them depends on
 * the number of workers or the order they finished in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "util/buf.h"
#include "util/fsutil.h"

static const char csv_header[] =
	"kind,region,code,format,file,pages,bytes,sha256,targets,actuals,"
	"projects,clusters,sources,source_files\r\n";

static void csv_cell(brief_buf *b, const char *s)
{
	bool q = strpbrk(s, ",\"\r\n") != NULL;
	if (q)
		brief_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			brief_buf_putc(b, '"');
		brief_buf_putc(b, *s);
	}
	if (q)
		brief_buf_putc(b, '"');
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* "a.txt; b.txt": the source files of a row, for the CSV. */
static void source_files(brief_buf *b, json_t *sources)
{
	brief_buf list = BRIEF_BUF_INIT;
	size_t i;
	json_t *s;
	json_array_foreach(sources, i, s) {
		const char *f = json_string_value(json_object_get(s, "file"));
		if (i)
			BRIEF_BUF_PUTSL(&list, "; ");
		brief_buf_puts(&list, f ? f : "");
	}
	csv_cell(b, brief_buf_ok(&list) ? list.data : "");
	brief_buf_free(&list);
}

static void csv_row(brief_buf *b, json_t *r)
{
	json_t *src = json_object_get(r, "sources");
	bool pdf = !strcmp(json_string_value(json_object_get(r, "format")), "pdf");
	csv_cell(b, json_string_value(json_object_get(r, "kind")));
	brief_buf_putc(b, ',');
	csv_cell(b, json_string_value(json_object_get(r, "region")));
	brief_buf_putc(b, ',');
	csv_cell(b, json_string_value(json_object_get(r, "code")));
	brief_buf_printf(b, ",%s,", json_string_value(json_object_get(r, "format")));
	csv_cell(b, json_string_value(json_object_get(r, "file")));
	brief_buf_putc(b, ',');
	if (pdf)        /* pages: empty for LaTeX sources */
		brief_buf_printf(b, "%lld", (long long)json_integer_value(json_object_get(r, "pages")));
	brief_buf_printf(b, ",%lld,%s", (long long)json_integer_value(json_object_get(r, "bytes")),
			 json_string_value(json_object_get(r, "sha256")));
	static const char *const counts[] = { "targets", "actuals", "projects", "clusters" };
	for (size_t k = 0; k < 4; k++)
		brief_buf_printf(b, ",%lld", (long long)json_integer_value(json_object_get(r, counts[k])));
	brief_buf_printf(b, ",%zu,", json_array_size(src));
	source_files(b, src);
	BRIEF_BUF_PUTSL(b, "\r\n");
}

/* One manifest row per file of an item's answer. */
static void add_rows(json_t *rows, const batch_item *it, const char *kind)
{
	json_t *ans = it->answer, *files = json_object_get(ans, "files");
	json_t *counts = json_object_get(ans, "counts"), *f;
	json_t *sources = json_object_get(ans, "sources");
	size_t i;
	json_array_foreach(files, i, f) {
		json_t *r = json_object();
		json_object_set_new(r, "kind", json_string(kind));
		json_object_set_new(r, "region", json_string(it->name));
		json_object_set_new(r, "code", json_string(it->code));
		json_object_set(r, "format", json_object_get(f, "format"));
		json_object_set_new(r, "file", json_string(base_name(
			json_string_value(json_object_get(f, "file")))));
		json_object_set(r, "pages", json_object_get(f, "pages"));
		json_object_set(r, "bytes", json_object_get(f, "bytes"));
		json_object_set(r, "sha256", json_object_get(f, "sha256"));
		json_object_set(r, "targets", json_array_get(counts, 0));
		json_object_set(r, "actuals", json_array_get(counts, 1));
		json_object_set(r, "projects", json_array_get(counts, 2));
		json_object_set(r, "clusters", json_array_get(counts, 3));
		if (json_object_get(ans, "regions"))
			json_object_set(r, "regions", json_object_get(ans, "regions"));
		json_object_set_new(r, "sources", sources ? json_deep_copy(sources)
							  : json_array());
		json_array_append_new(rows, r);
	}
}

static json_t *failed(const batch *b)
{
	json_t *a = json_array();
	for (size_t i = 0; i <= b->n; i++) {
		const batch_item *it = i == 0 ? &b->book : &b->v[i - 1];
		json_t *ans = it->answer;
		if (ans && json_is_true(json_object_get(ans, "ok")))
			continue;
		json_t *errs = ans ? json_object_get(ans, "errors") : NULL;
		errs = errs ? json_incref(errs) : json_pack("[s]", "not rendered");
		json_array_append_new(a, json_pack("{s:s, s:s, s:o}", "region", it->name,
						   "code", it->code, "errors", errs));
	}
	return a;
}

static json_t *manifest(const batch *b)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].answer)
			add_rows(rows, &b->v[i], "briefing");
	if (b->book.answer)
		add_rows(rows, &b->book, "combined");
	return json_pack("{s:i, s:o, s:s, s:o, s:o}", "year", b->year,
			 "scope", b->scope_name ? json_string(b->scope_name) : json_null(),
			 "generator", "brief " BRIEF_VERSION, "files", rows,
			 "failed", failed(b));
}

static int write_csv(json_t *m, const char *path, brief_diag *d)
{
	brief_buf csv = BRIEF_BUF_INIT;
	json_t *r;
	size_t i;
	int rc = -1;
	BRIEF_BUF_PUTSL(&csv, csv_header);
	json_array_foreach(json_object_get(m, "files"), i, r)
		csv_row(&csv, r);
	if (!brief_buf_ok(&csv))
		brief_error(d, path, "out of memory");
	else
		rc = brief_write_atomic(path, csv.data, csv.len, d);
	brief_buf_free(&csv);
	return rc;
}

int batch_write_manifest(const batch *b, brief_diag *d)
{
	char *pj = brief_cli_out_path(b->out, b->year, "manifest", "json");
	char *pc = brief_cli_out_path(b->out, b->year, "manifest", "csv");
	json_t *m = manifest(b);
	char *js = m ? json_dumps(m, JSON_INDENT(2)) : NULL;
	int rc = -1;

	if (!pj || !pc || !js) {
		brief_error(d, b->out, "out of memory");
	} else {
		/* each on its own: the CSV may fit where the JSON did not */
		int j = brief_write_atomic(pj, js, strlen(js), d);
		int c = write_csv(m, pc, d);
		if (j == 0)
			printf("%s\n", pj);
		if (c == 0)
			printf("%s\n", pc);
		rc = j || c ? -1 : 0;
	}
	free(js);
	json_decref(m);
	free(pj);
	free(pc);
	return rc;
}
