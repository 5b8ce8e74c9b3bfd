/*
 * xlsx.c - the workbook (xlsx.h): the fact sheets straight from the
 * facts table, as `export` reads it, one table-driven writer for all of
 * them; the 来源 sheet from the documents those facts cite; 对比 from the
 * briefings (xlsx_compare.c).
 */
#include "export/xlsx.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "export/xlsx_internal.h"
#include "util/buf.h"

/* Columns of the fact query. */
enum { Q_TYPE, Q_REGION, Q_CODE, Q_YEAR, Q_INDICATOR, Q_KIND, Q_VALUE, Q_UNIT,
       Q_BOUND, Q_QUALIFIER, Q_PERIOD, Q_SCOPE, Q_NAME, Q_INVEST, Q_STATUS, Q_TIER,
       Q_EVIDENCE, Q_DOC, Q_TITLE, Q_URL, Q_FILE };

/* A year's facts are those of its briefings (aggregate.c's rule):
 * targets, projects and clusters of the year, results of the year before. */
static const char facts_sql[] =
	"SELECT f.type, f.region, f.region_code, f.year, f.indicator, f.kind,"
	" f.value, f.unit, f.bound, f.qualifier, f.period, f.scope, f.name,"
	" f.investment_yi, f.status, f.tier, f.evidence, d.id,"
	" coalesce(d.title, d.name), d.url, d.name"
	" FROM facts f JOIN documents d ON d.id = f.doc_id"
	" WHERE (?1 IS NULL OR f.region_code IS NOT NULL)"
	"   AND (?2 IS NULL OR (f.type = 'actual' AND f.year = ?2 - 1)"
	"        OR (f.type <> 'actual' AND f.year = ?2))"
	" ORDER BY f.region_code, f.year, d.name, f.offset, f.id";

typedef enum { C_TEXT, C_NUM, C_SOURCE } cell_kind;

typedef struct column {
	const char *header;
	double width;
	int q;                  /* column of facts_sql */
	cell_kind kind;
} column;

#define REGION_COLS { "地区", 12, Q_REGION, C_TEXT }, { "地区代码", 9, Q_CODE, C_TEXT }, \
		    { "年份", 6, Q_YEAR, C_NUM }
#define SOURCE_COLS { "依据", 60, Q_EVIDENCE, C_TEXT }, { "来源", 30, Q_TITLE, C_SOURCE }, \
		    { "文件", 24, Q_FILE, C_TEXT }

static const column measure_cols[] = {
	REGION_COLS, { "指标", 18, Q_INDICATOR, C_TEXT }, { "类型", 8, Q_KIND, C_TEXT },
	{ "数值", 10, Q_VALUE, C_NUM }, { "单位", 8, Q_UNIT, C_TEXT },
	{ "界限", 6, Q_BOUND, C_TEXT }, { "限定", 8, Q_QUALIFIER, C_TEXT },
	{ "期间", 8, Q_PERIOD, C_TEXT }, { "范围", 10, Q_SCOPE, C_TEXT }, SOURCE_COLS,
};
static const column project_cols[] = {
	REGION_COLS, { "项目", 30, Q_NAME, C_TEXT }, { "投资（亿元）", 12, Q_INVEST, C_NUM },
	{ "状态", 8, Q_STATUS, C_TEXT }, SOURCE_COLS,
};
static const column cluster_cols[] = {
	REGION_COLS, { "集群", 24, Q_NAME, C_TEXT }, { "层级", 10, Q_TIER, C_TEXT },
	{ "数值", 10, Q_VALUE, C_NUM }, { "单位", 8, Q_UNIT, C_TEXT }, SOURCE_COLS,
};

/* One sheet per fact type, in brief_fact_type order. */
typedef struct sheet {
	const char *name;
	const column *cols;
	size_t ncols;
	lxw_worksheet *ws;
	lxw_row_t rows;         /* written, the header included */
} sheet;

#define SHEET(n, c) { n, c, sizeof c / sizeof c[0], NULL, 0 }

void xlsx_header(xlsx_out *x, lxw_worksheet *ws, const char *const *names,
		 const double *widths, size_t n)
{
	for (size_t c = 0; c < n; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, names[c], x->header);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
}

lxw_format *xlsx_num_format(xlsx_out *x, const char *spec)
{
	for (size_t i = 0; i < x->nnums; i++)
		if (!strcmp(x->nums[i].spec, spec))
			return x->nums[i].fmt;
	if (x->nnums == x->capnums) {
		size_t cap = x->capnums ? x->capnums * 2 : 16;
		void *v = realloc(x->nums, cap * sizeof *x->nums);
		if (!v)
			return NULL;
		x->nums = v;
		x->capnums = cap;
	}
	lxw_format *f = workbook_add_format(x->wb);
	char *s = strdup(spec);
	if (!f || !s) {
		free(s);
		return NULL;
	}
	format_set_num_format(f, s);
	x->nums[x->nnums].spec = s;
	x->nums[x->nnums++].fmt = f;
	return f;
}

void xlsx_link(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *url,
	       const char *text)
{
	if (!url || worksheet_write_url_opt(ws, r, c, url, NULL, text, NULL) != LXW_NO_ERROR)
		worksheet_write_string(ws, r, c, text, NULL);
}

static void put_row(sheet *s, sqlite3_stmt *st)
{
	lxw_row_t r = s->rows++;
	for (size_t i = 0; i < s->ncols; i++) {
		const column *c = &s->cols[i];
		lxw_col_t col = (lxw_col_t)i;
		if (sqlite3_column_type(st, c->q) == SQLITE_NULL)
			continue;
		const char *text = (const char *)sqlite3_column_text(st, c->q);
		if (c->kind == C_NUM)
			worksheet_write_number(s->ws, r, col, sqlite3_column_double(st, c->q), NULL);
		else if (c->kind == C_SOURCE)
			xlsx_link(s->ws, r, col, (const char *)sqlite3_column_text(st, Q_URL), text);
		else
			worksheet_write_string(s->ws, r, col, text, NULL);
	}
}

static int add_sheets(xlsx_out *x, sheet *sh, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *names[16];
		double widths[16];
		if (!(sh[i].ws = workbook_add_worksheet(x->wb, sh[i].name)))
			return -1;
		for (size_t c = 0; c < sh[i].ncols; c++) {
			names[c] = sh[i].cols[c].header;
			widths[c] = sh[i].cols[c].width;
		}
		xlsx_header(x, sh[i].ws, names, widths, sh[i].ncols);
		sh[i].rows = 1;
	}
	return 0;
}

/* Documents cited, by id: how many facts of the workbook each gives. */
typedef struct cited {
	long long *ids;
	size_t *counts, n, cap;
} cited;

static int cite(cited *c, long long id)
{
	if (c->n && c->ids[c->n - 1] == id)
		return (c->counts[c->n - 1]++, 0);
	for (size_t i = 0; i < c->n; i++)
		if (c->ids[i] == id)
			return (c->counts[i]++, 0);
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		long long *ids = realloc(c->ids, cap * sizeof *ids);
		if (ids)
			c->ids = ids;
		size_t *counts = ids ? realloc(c->counts, cap * sizeof *counts) : NULL;
		if (!counts)
			return -1;
		c->counts = counts;
		c->cap = cap;
	}
	c->ids[c->n] = id;
	c->counts[c->n++] = 1;
	return 0;
}

static int type_of(const char *name)
{
	for (int t = 0; name && t < BRIEF_FACT_NTYPES; t++)
		if (!strcmp(name, brief_fact_type_name((brief_fact_type)t)))
			return t;
	return -1;
}

static int fact_sheets(xlsx_out *x, brief_db *db, const brief_xlsx_opts *o, cited *docs)
{
	sheet sh[BRIEF_FACT_NTYPES] = {
		SHEET("目标", measure_cols), SHEET("实绩", measure_cols),
		SHEET("项目", project_cols), SHEET("集群", cluster_cols),
	};
	const brief_gazetteer *g = brief_gazetteer_shared();
	sqlite3_stmt *st = NULL;
	int rc;
	if (!g || add_sheets(x, sh, BRIEF_FACT_NTYPES) ||
	    sqlite3_prepare_v2(brief_db_handle(db), facts_sql, -1, &st, NULL))
		return -1;
	if (o->region)
		sqlite3_bind_int(st, 1, 1);
	if (o->year)
		sqlite3_bind_int(st, 2, o->year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, Q_CODE);
		int t = type_of((const char *)sqlite3_column_text(st, Q_TYPE));
		if (t < 0 || (o->region && !brief_region_within(g, code, o->region)))
			continue;
		put_row(&sh[t], st);
		if (cite(docs, sqlite3_column_int64(st, Q_DOC)))
			break;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < BRIEF_FACT_NTYPES; i++)
		worksheet_autofilter(sh[i].ws, 0, 0, sh[i].rows - 1,
				     (lxw_col_t)(sh[i].ncols - 1));
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char sources_sql[] =
	"SELECT id, coalesce(title, name), source, published, name, url FROM documents"
	" ORDER BY id";

static int source_sheet(xlsx_out *x, brief_db *db, const cited *docs)
{
	static const char *const names[] = { "编号", "标题", "来源", "发布日期", "文件",
					     "网址", "事实" };
	static const double widths[] = { 6, 40, 16, 11, 24, 40, 6 };
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "来源");
	sqlite3_stmt *st = NULL;
	lxw_row_t r = 1;
	int rc;
	if (!ws || sqlite3_prepare_v2(brief_db_handle(db), sources_sql, -1, &st, NULL))
		return -1;
	xlsx_header(x, ws, names, widths, 7);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		size_t k = 0;
		while (k < docs->n && docs->ids[k] != id)
			k++;
		if (k == docs->n)
			continue;       /* no fact of this workbook comes from it */
		const char *url = (const char *)sqlite3_column_text(st, 5);
		worksheet_write_number(ws, r, 0, (double)id, NULL);
		xlsx_link(ws, r, 1, url, (const char *)sqlite3_column_text(st, 1));
		for (int c = 2; c <= 4; c++)
			if (sqlite3_column_type(st, c) != SQLITE_NULL)
				worksheet_write_string(ws, r, (lxw_col_t)(c), (const char *)
						       sqlite3_column_text(st, c), NULL);
		if (url)
			xlsx_link(ws, r, 5, url, url);
		worksheet_write_number(ws, r++, 6, (double)docs->counts[k], NULL);
	}
	sqlite3_finalize(st);
	worksheet_autofilter(ws, 0, 0, r - 1, 6);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---------------------------------------------------------------- */
/* 对比 without a batch: the briefings of the scope, aggregated here.  */

typedef struct region_years {
	const brief_region *scope;
	int want, latest;
	char **codes;
	size_t n, cap;
	bool oom;
} region_years;

static int note_region(void *user, const char *code, const char *name, int year,
		       int targets, int results)
{
	region_years *y = user;
	const brief_gazetteer *g = brief_gazetteer_shared();
	if (y->scope && !brief_region_within(g, code, y->scope))
		return 0;
	if (!y->want) {
		if (targets && year > y->latest)
			y->latest = year;
		return 0;
	}
	if (y->n == y->cap) {
		size_t cap = y->cap ? y->cap * 2 : 32;
		char **v = realloc(y->codes, cap * sizeof *v);
		if (!v)
			return (y->oom = true), 1;
		y->codes = v;
		y->cap = cap;
	}
	return (y->codes[y->n] = strdup(code)) ? (y->n++, 0) : ((y->oom = true), 1);
}

static void discard(void *user, brief_severity sev, const char *msg)
{
}

/* The briefings 对比 shows: of the year, or the latest with targets. */
static int build_book(brief_db *db, const brief_xlsx_opts *o, brief_book *b, brief_doc **docs)
{
	region_years y = { .scope = o->scope, .want = o->year };
	brief_diag quiet = { .sink = discard };
	if (!y.want && brief_db_briefings(db, NULL, 0, note_region, &y))
		return -1;
	y.want = o->year ? o->year : y.latest;
	if (y.want && brief_db_briefings(db, NULL, y.want, note_region, &y))
		y.oom = true;
	*docs = calloc(y.n + 1, sizeof **docs);
	*b = (brief_book){ o->scope ? o->scope->name : NULL, y.want, *docs, 0 };
	for (size_t i = 0; *docs && i < y.n; i++)
		if (brief_aggregate(db, y.codes[i], y.want, &(*docs)[b->n], &quiet) == 0)
			b->n++;
	for (size_t i = 0; i < y.n; i++)
		free(y.codes[i]);
	free(y.codes);
	return *docs && !y.oom ? 0 : -1;
}

static int compare(xlsx_out *x, brief_db *db, const brief_xlsx_opts *o, const brief_book *book)
{
	brief_book own;
	brief_doc *docs = NULL;
	if (book)
		return xlsx_compare_sheet(x, book);
	int rc = build_book(db, o, &own, &docs) || xlsx_compare_sheet(x, &own) ? -1 : 0;
	for (size_t i = 0; docs && i < own.n; i++)
		brief_doc_free(&docs[i]);
	free(docs);
	return rc;
}

/* ---------------------------------------------------------------- */

/* PATH.PID.tmp files a killed writer of PATH left behind (libxlsxwriter
 * writes to a named file, so no O_TMPFILE): removed when that process is
 * gone, so a kill leaves nothing the next run does not clear. */
static void sweep_stale(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path)) : strdup(".");
	const char *base = slash ? slash + 1 : path;
	size_t bn = strlen(base);
	DIR *dp = dir ? opendir(dir) : NULL;
	for (struct dirent *e; dp && (e = readdir(dp));) {
		const char *n = e->d_name, *dot;
		char *end;
		if (strncmp(n, base, bn) || n[bn] != '.' || !(dot = strrchr(n + bn + 1, '.')) ||
		    strcmp(dot, ".tmp"))
			continue;
		long pid = strtol(n + bn + 1, &end, 10);
		if (end != dot || pid <= 0 || (kill((pid_t)pid, 0) == 0 || errno == EPERM))
			continue;
		brief_buf f = BRIEF_BUF_INIT;
		brief_buf_printf(&f, "%s/%s", dir, n);
		if (brief_buf_ok(&f))
			unlink(f.data);
		brief_buf_free(&f);
	}
	if (dp)
		closedir(dp);
	free(dir);
}

static char *temp_beside(const char *path)
{
	sweep_stale(path);
	brief_buf b = BRIEF_BUF_INIT;
	brief_buf_printf(&b, "%s.%ld.tmp", path, (long)getpid());
	return brief_buf_detach(&b, NULL);
}

static lxw_workbook *open_workbook(const char *tmp, long long epoch)
{
	lxw_workbook_options wo = { 0 };
	lxw_workbook *wb = workbook_new_opt(tmp, &wo);
	/* created: the only time in the package (its zip entries carry a
	 * fixed date), so SOURCE_DATE_EPOCH makes the bytes repeat */
	lxw_doc_properties p = {
		.title = "brief", .comments = "brief " BRIEF_VERSION,
		.created = epoch >= 0 ? (time_t)epoch : time(NULL),
	};
	if (wb)
		workbook_set_properties(wb, &p);
	return wb;
}

static void out_free(xlsx_out *x)
{
	for (size_t i = 0; i < x->nnums; i++)
		free(x->nums[i].spec);
	free(x->nums);
}

int brief_xlsx_write(brief_db *db, const brief_xlsx_opts *o, const brief_book *book,
		     const char *path, brief_diag *d)
{
	char *tmp = temp_beside(path);
	xlsx_out x = { 0 };
	cited docs = { 0 };
	int rc = -1;

	if (!tmp || !(x.wb = open_workbook(tmp, o->epoch))) {
		brief_error(d, path, "cannot start the workbook");
		free(tmp);
		return -1;
	}
	if ((x.header = workbook_add_format(x.wb))) {
		format_set_bold(x.header);
		format_set_bottom(x.header, LXW_BORDER_THIN);
	}
	if (fact_sheets(&x, db, o, &docs) || source_sheet(&x, db, &docs) ||
	    compare(&x, db, o, book))
		brief_error(d, path, "cannot build the workbook: %s",
			    sqlite3_errmsg(brief_db_handle(db)));
	else
		rc = 0;
	lxw_error e = workbook_close(x.wb);
	if (rc == 0 && e != LXW_NO_ERROR) {
		brief_error(d, path, "cannot write the workbook: %s", lxw_strerror(e));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path)) {
		brief_error(d, path, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	if (rc)
		unlink(tmp);
	free(tmp);
	free(docs.ids);
	free(docs.counts);
	out_free(&x);
	return rc;
}
