/*
 * cmd_batch.c - brief batch: a briefing for every region with facts for a
 * year (within a scope), rendered by N worker processes, plus a manifest.
 *
 * The parent lists the regions and queues their indices in a pipe; each
 * worker (its own database connection, opened after fork) takes the next
 * index, renders, writes atomically and answers with one tab-separated
 * line on a result pipe. Lines shorter than PIPE_BUF are written atomically, so
 * workers never interleave. The manifest is sorted by region code, so
 * the output does not depend on N.
 */
#include <errno.h>
#include <getopt.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "aggregate/aggregate.h"
#include "cli/cli.h"
#include "extract/regions.h"
#include "render/render.h"
#include "util/fsutil.h"

typedef struct batch_args {
	int year, jobs;
	const char *scope, *out;
	bool pdf, tex;
} batch_args;

typedef struct region_item {
	char *code, *name;
	/* results, filled from the workers' answers */
	bool ok;
	char file[2][512];      /* pdf, tex ("" when not written) */
	long long bytes[2];
	int pages;
	char sha[2][65];
	long long counts[4];    /* targets, actuals, projects, clusters */
	int sources;
} region_item;

typedef struct region_list {
	region_item *v;
	size_t n;
} region_list;

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] batch --year Y [--scope REGION]\n"
		   "              [--format pdf|tex|both] [--out DIR] [-j N]\n\n"
		   "Writes a briefing for every region that has facts for Y (within\n"
		   "REGION, e.g. 杭州市: the city and its districts and counties) to\n"
		   "DIR/Y/REGION.pdf|.tex (DIR defaults to reports), and\n"
		   "DIR/Y/manifest.json and manifest.csv: region, code, file, pages,\n"
		   "bytes, sha256, fact counts and sources of each briefing.\n"
		   "N worker processes (default: the number of cores) render in\n"
		   "parallel; the output does not depend on N. A region that fails\n"
		   "is reported and the others finish (exit status 1).\n");
}

/* Returns an exit status when done (help, usage error), -1 to go on. */
static int parse(int argc, char **argv, batch_args *a)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "scope", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	a->out = "reports";
	a->pdf = true;
	a->jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	while ((c = getopt_long(argc, argv, "y:s:f:o:j:h", opts, NULL)) != -1) {
		if (c == 'y')
			a->year = atoi(optarg);
		else if (c == 's')
			a->scope = optarg;
		else if (c == 'f' && (!strcmp(optarg, "pdf") ||
				      !strcmp(optarg, "tex") || !strcmp(optarg, "both"))) {
			a->pdf = strcmp(optarg, "tex") != 0;
			a->tex = strcmp(optarg, "pdf") != 0;
		}
		else if (c == 'o')
			a->out = optarg;
		else if (c == 'j' && atoi(optarg) > 0)
			a->jobs = atoi(optarg);
		else {
			usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? BRIEF_EXIT_OK : BRIEF_EXIT_USAGE;
		}
	}
	if (optind != argc || a->year <= 0) {
		usage(stderr);
		return BRIEF_EXIT_USAGE;
	}
	if (a->jobs < 1)
		a->jobs = 1;
	return -1;
}

/* ---------------------------------------------------------------- */
/* Which regions.                                                    */

static const brief_region *resolve_scope(const brief_gazetteer *g,
					 const char *s, brief_diag *d)
{
	size_t n;
	const brief_region *r = brief_region_resolve(g, s, &n, NULL);
	if (!r)
		brief_error(d, s, n ? "ambiguous region name (give its code)"
				    : "unknown region");
	return r;
}

static const char regions_sql[] =
	"SELECT DISTINCT region_code, region FROM facts"
	" WHERE region_code IS NOT NULL AND region IS NOT NULL"
	"   AND ((type = 'actual' AND year = ?1 - 1)"
	"        OR (type = 'target' AND year = ?1))"
	" ORDER BY region_code";

static int list_regions(brief_db *db, const batch_args *a,
			const brief_gazetteer *g, region_list *out,
			brief_diag *d)
{
	const brief_region *scope = NULL;
	sqlite3_stmt *st = NULL;
	int rc;

	if (a->scope && !(scope = resolve_scope(g, a->scope, d)))
		return -1;
	if (sqlite3_prepare_v2(brief_db_handle(db), regions_sql, -1, &st, NULL))
		return -1;
	sqlite3_bind_int(st, 1, a->year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		if (scope && !brief_region_within(g, code, scope))
			continue;
		region_item *v = realloc(out->v, (out->n + 1) * sizeof *v);
		if (!v)
			break;
		out->v = v;
		memset(&v[out->n], 0, sizeof *v);
		v[out->n].code = strdup(code);
		v[out->n].name = strdup((const char *)sqlite3_column_text(st, 1));
		out->n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---------------------------------------------------------------- */
/* Workers.                                                          */

/* Page objects in a finished PDF ("/Type /Page", not "/Pages"). */
static int count_pages(const char *pdf, size_t len)
{
	static const char key[] = "/Type /Page";
	const size_t k = sizeof key - 1;
	int n = 0;
	for (size_t i = 0; i + k < len; i++)
		if (pdf[i] == '/' && memcmp(pdf + i, key, k) == 0 &&
		    pdf[i + k] != 's')
			n++;
	return n;
}

static void sha256_hex(const void *p, size_t n, char out[65])
{
	gchar *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, p, n);
	snprintf(out, 65, "%s", hex);
	g_free(hex);
}

/* Renders one format; appends "|file|bytes|sha|pages" to the answer. */
static int render_one(const brief_doc *doc, brief_format f,
		      const batch_args *a, brief_buf *answer, brief_diag *d)
{
	brief_render_opts o = { .format = f, .epoch = brief_cli_epoch() };
	brief_buf out = BRIEF_BUF_INIT;
	char *path = brief_cli_out_path(a->out, a->year, doc->region,
					brief_format_ext(f));
	char sha[65];
	int rc = -1;

	if (path && brief_render(doc, &o, &out, d) == 0 &&
	    brief_write_atomic(path, out.data, out.len, d) == 0) {
		sha256_hex(out.data, out.len, sha);
		brief_buf_printf(answer, "\t%s\t%zu\t%s\t%d", path, out.len, sha,
				 f == BRIEF_FMT_PDF ? count_pages(out.data, out.len) : 0);
		rc = 0;
	}
	free(path);
	brief_buf_free(&out);
	return rc;
}

static void work_one(brief_db *db, const batch_args *a, size_t i,
		     const region_item *it, int res_fd, brief_diag *d)
{
	brief_doc doc = { 0 };
	brief_buf ans = BRIEF_BUF_INIT;
	int rc = brief_aggregate(db, it->code, a->year, &doc, d);

	brief_buf_printf(&ans, "%zu\t%d", i, rc == 0);
	if (rc == 0) {
		brief_buf_printf(&ans, "\t%zu\t%zu\t%zu\t%zu\t%zu", doc.targets.n,
				 doc.actuals.n, doc.projects.n, doc.clusters.n,
				 doc.nsources);
		if (a->pdf && render_one(&doc, BRIEF_FMT_PDF, a, &ans, d))
			rc = -1;
		if (a->tex && render_one(&doc, BRIEF_FMT_TEX, a, &ans, d))
			rc = -1;
		if (rc) {
			brief_buf_truncate(&ans, 0);
			brief_buf_printf(&ans, "%zu\t0", i);
		}
	}
	brief_buf_putc(&ans, '\n');
	if (brief_buf_ok(&ans) && write(res_fd, ans.data, ans.len) < 0)
		_exit(3);
	brief_buf_free(&ans);
	brief_doc_free(&doc);
}

static void worker(brief_cli *cli, const batch_args *a, const region_list *l,
		   int job_fd, int res_fd)
{
	brief_db *db = brief_db_open(cli->db_path, &cli->diag);
	uint32_t i;
	if (!db)
		_exit(2);
	while (read(job_fd, &i, sizeof i) == (ssize_t)sizeof i)
		work_one(db, a, i, &l->v[i], res_fd, &cli->diag);
	brief_db_close(db);
	_exit(0);
}

/* ---------------------------------------------------------------- */
/* The parent: queue, progress, answers.                             */

static void progress(size_t done, size_t total, double secs)
{
	char bar[31];
	size_t fill = total ? done * 30 / total : 30;
	double rate = secs > 0 ? done / secs : 0;
	memset(bar, '=', fill);
	memset(bar + fill, ' ', 30 - fill);
	bar[30] = '\0';
	fprintf(stderr, "\r\033[K[%s] %zu/%zu regions  %.1f/s  ETA %.0fs", bar,
		done, total, rate, rate > 0 ? (total - done) / rate : 0.0);
}

static void take_answer(region_list *l, char *line)
{
	char *f[16];
	size_t n = 0;
	for (char *s = strtok(line, "\t"); s && n < 16; s = strtok(NULL, "\t"))
		f[n++] = s;
	size_t i = n ? strtoul(f[0], NULL, 10) : l->n;
	if (i >= l->n || n < 2 || strcmp(f[1], "1") != 0 || n < 7)
		return;
	region_item *it = &l->v[i];
	it->ok = true;
	for (int k = 0; k < 4; k++)
		it->counts[k] = atoll(f[2 + k]);
	it->sources = atoi(f[6]);
	for (size_t k = 7; k + 3 < n; k += 4) {
		bool tex = strlen(f[k]) > 4 && !strcmp(f[k] + strlen(f[k]) - 4, ".tex");
		snprintf(it->file[tex], sizeof it->file[tex], "%s", f[k]);
		it->bytes[tex] = atoll(f[k + 1]);
		snprintf(it->sha[tex], sizeof it->sha[tex], "%s", f[k + 2]);
		if (!tex)
			it->pages = atoi(f[k + 3]);
	}
}

static int run_workers(brief_cli *cli, const batch_args *a, region_list *l)
{
	int job[2], res[2];
	pid_t *pids = calloc((size_t)a->jobs, sizeof *pids);
	struct timespec t0, t;
	size_t done = 0;

	if (!pids || pipe(job) || pipe(res))
		return -1;
	/* The whole queue fits in the pipe (4 bytes a region). */
	for (uint32_t i = 0; i < l->n; i++)
		if (write(job[1], &i, sizeof i) != sizeof i)
			return -1;
	close(job[1]);
	fflush(NULL);
	for (int k = 0; k < a->jobs; k++)
		if ((pids[k] = fork()) == 0) {
			close(res[0]);
			worker(cli, a, l, job[0], res[1]);
		}
	close(job[0]);
	close(res[1]);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	FILE *in = fdopen(res[0], "r");
	char line[4096];
	while (in && fgets(line, sizeof line, in)) {
		line[strcspn(line, "\n")] = '\0';
		take_answer(l, line);
		done++;
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (cli->tty)
			progress(done, l->n, (double)(t.tv_sec - t0.tv_sec) +
						    (t.tv_nsec - t0.tv_nsec) / 1e9);
	}
	if (cli->tty)
		fputc('\n', stderr);
	if (in)
		fclose(in);
	for (int k = 0; k < a->jobs; k++)
		waitpid(pids[k], NULL, 0);
	free(pids);
	return 0;
}

/* ---------------------------------------------------------------- */
/* Manifest.                                                         */

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

static void json_str(brief_buf *b, const char *s)
{
	brief_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			brief_buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			brief_buf_printf(b, "\\u%04x", *s);
		else
			brief_buf_putc(b, *s);
	}
	brief_buf_putc(b, '"');
}

static void manifest_row(brief_buf *js, brief_buf *csv, const region_item *it,
			 bool first)
{
	static const char *const fmt_name[2] = { "pdf", "tex" };
	for (int f = 0; f < 2; f++) {
		if (!it->file[f][0])
			continue;
		brief_buf_puts(js, first ? "\n  {" : ",\n  {");
		first = false;
		BRIEF_BUF_PUTSL(js, "\"region\": ");
		json_str(js, it->name);
		brief_buf_printf(js, ", \"code\": \"%s\", \"format\": \"%s\", \"file\": ",
				 it->code, fmt_name[f]);
		json_str(js, it->file[f]);
		brief_buf_printf(js, ", \"pages\": %d, \"bytes\": %lld, \"sha256\": \"%s\","
				     " \"targets\": %lld, \"actuals\": %lld, \"projects\": %lld,"
				     " \"clusters\": %lld, \"sources\": %d}",
				 f == 0 ? it->pages : 0, it->bytes[f], it->sha[f],
				 it->counts[0], it->counts[1], it->counts[2],
				 it->counts[3], it->sources);
		csv_cell(csv, it->name);
		brief_buf_printf(csv, ",%s,%s,", it->code, fmt_name[f]);
		csv_cell(csv, it->file[f]);
		brief_buf_printf(csv, ",%d,%lld,%s,%lld,%lld,%lld,%lld,%d\r\n",
				 f == 0 ? it->pages : 0, it->bytes[f], it->sha[f],
				 it->counts[0], it->counts[1], it->counts[2],
				 it->counts[3], it->sources);
	}
}

static int write_manifest(const batch_args *a, const region_list *l,
			  brief_diag *d)
{
	brief_buf js = BRIEF_BUF_INIT, csv = BRIEF_BUF_INIT;
	char *pj = brief_cli_out_path(a->out, a->year, "manifest", "json");
	char *pc = brief_cli_out_path(a->out, a->year, "manifest", "csv");
	int rc = -1;

	brief_buf_printf(&js, "{\n\"year\": %d,\n\"briefings\": [", a->year);
	BRIEF_BUF_PUTSL(&csv, "region,code,format,file,pages,bytes,sha256,"
			      "targets,actuals,projects,clusters,sources\r\n");
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].ok)
			manifest_row(&js, &csv, &l->v[i], js.data[js.len - 1] == '[');
	BRIEF_BUF_PUTSL(&js, "\n]\n}\n");
	if (pj && pc && brief_buf_ok(&js) && brief_buf_ok(&csv) &&
	    brief_write_atomic(pj, js.data, js.len, d) == 0 &&
	    brief_write_atomic(pc, csv.data, csv.len, d) == 0)
		rc = 0;
	if (rc == 0)
		printf("%s\n%s\n", pj, pc);
	free(pj);
	free(pc);
	brief_buf_free(&js);
	brief_buf_free(&csv);
	return rc;
}

static void list_free(region_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].name);
	}
	free(l->v);
}

int brief_cmd_batch(brief_cli *cli, int argc, char **argv)
{
	batch_args a = { 0 };
	region_list l = { 0 };
	brief_gazetteer *g = NULL;
	brief_db *db = NULL;
	size_t failed = 0;
	int status = parse(argc, argv, &a);

	if (status >= 0)
		return status;
	status = BRIEF_EXIT_PARTIAL;
	if (!(db = brief_cli_open_db(cli)) || !(g = brief_gazetteer_new()) ||
	    list_regions(db, &a, g, &l, &cli->diag))
		goto out;
	brief_db_close(db);     /* workers open their own */
	db = NULL;
	if (l.n == 0) {
		brief_error(&cli->diag, a.scope, "no region has facts for %d", a.year);
		goto out;
	}
	if (run_workers(cli, &a, &l) || write_manifest(&a, &l, &cli->diag))
		goto out;
	for (size_t i = 0; i < l.n; i++)
		if (!l.v[i].ok) {
			brief_error(&cli->diag, l.v[i].name, "no briefing written");
			failed++;
		}
	printf("batch: %zu briefing%s for %d, %zu failed\n", l.n - failed,
	       l.n - failed == 1 ? "" : "s", a.year, failed);
	status = failed ? BRIEF_EXIT_PARTIAL : BRIEF_EXIT_OK;
out:
	list_free(&l);
	brief_gazetteer_free(g);
	brief_db_close(db);
	return status;
}
