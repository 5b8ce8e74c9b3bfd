/*
 * batch_xlsx.c - the year's workbook of `brief batch`: DIR/Y/NAME.xlsx
 * beside the combined briefing (NAME: the scope, 全部 without one), made
 * by the combined briefing's job from the same briefings, so its 对比
 * sheet is that briefing's overview, and listed in the manifest.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "export/xlsx.h"
#include "util/fsutil.h"
#include "util/sha256.h"

/* The bytes of a file just written, for the manifest's size and hash. */
static int describe(const char *path, json_t *files, brief_diag *d)
{
	size_t n = 0;
	char *data = brief_read_file(path, &n), sha[65];
	if (!data) {
		brief_error(d, path, "cannot read back the workbook");
		return -1;
	}
	brief_sha256_hex(data, n, sha);
	json_array_append_new(files, json_pack("{s:s, s:s, s:I, s:i, s:s}", "format", "xlsx",
					       "file", path, "bytes", (json_int_t)n,
					       "pages", 0, "sha256", sha));
	free(data);
	return 0;
}

int batch_workbook(const batch *b, brief_db *db, const brief_book *book, json_t *files,
		   brief_diag *d)
{
	const brief_gazetteer *g = brief_gazetteer_shared();
	const brief_region *scope = b->scope_code && g ? brief_region_by_code(g, b->scope_code)
							: NULL;
	brief_xlsx_opts o = { scope, b->year, scope, b->epoch };
	char *path = brief_cli_out_path(b->out, b->year, b->book.name, "xlsx");
	int rc = -1;
	if (!path)
		brief_error(d, b->book.name, "out of memory");
	else if (b->scope_code && !scope)
		brief_error(d, b->scope_code, "not in the region table");
	else if (brief_xlsx_write(db, &o, book, path, d) == 0)
		rc = describe(path, files, d);
	free(path);
	return rc;
}
