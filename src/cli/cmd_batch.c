/*
 * cmd_batch.c - brief batch: the briefing of every region with facts for
 * a year (within a scope), the combined briefing of the scope, and a
 * manifest, rendered by N worker processes (batch.h, batch_work.c).
 *
 * The parent lists the regions, forks the workers and reads their
 * answers; it never renders. Every file is written atomically by the
 * worker that renders it, and the workers die with the parent, so a
 * killed batch leaves whole files or none under the final names.
 */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "aggregate/period.h"
#include "aggregate/region.h"
#include "extract/regions.h"
#include "util/buf.h"
#include "util/fsutil.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] batch --year Y [--scope REGION]\n"
		   "              [--format pdf|tex|both] [--out DIR] [-j N]\n\n"
		   "Writes the briefing of every region that has one for Y (within\n"
		   "REGION: 杭州市 is the city, its districts and counties) to\n"
		   "DIR/Y/REGION.pdf (or .tex, or both; DIR defaults to reports), the\n"
		   "combined briefing DIR/Y/REGION-合订本.pdf (全部-合订本 without a\n"
		   "scope), and DIR/Y/manifest.json and manifest.csv (region, code,\n"
		   "file, pages, bytes, sha256, fact counts, sources of every file).\n\n"
		   "A region has a briefing for Y when it has targets for Y or results\n"
		   "for Y-1 (brief regions --year Y lists them). A fact counts for the year it speaks of: a result only when it is of\n"
		   "the whole year (not 上半年, 春节期间, 截至2月4日 ...), and in an article\n"
		   "with no date only when its paragraph writes the year out.\n"
		   "Every file written is\n"
		   "named on standard output.\n\n"
		   "  -j, --jobs N   worker processes (default: the number of cores);\n"
		   "                 the output does not depend on N\n"
		   "A region that fails is reported and the others finish (exit status\n"
		   "1). SOURCE_DATE_EPOCH fixes the dates written, for identical output.\n");
}

/* Returns an exit status when done (help, usage error), -1 to go on. */
static int parse(int argc, char **argv, batch *b)
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
	int c, rc;
	b->out = "reports";
	b->pdf = true;
	b->jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	while ((c = getopt_long(argc, argv, ":y:s:f:o:j:h", opts, NULL)) != -1) {
		if (c == 'y' && (rc = brief_cli_year("batch", optarg, &b->year)) >= 0)
			return rc;
		else if (c == 'j' && (rc = brief_cli_count("batch", "-j", optarg, &b->jobs)) >= 0)
			return rc;
		else if (c == 's')
			b->scope_arg = optarg;
		else if (c == 'f' && strcmp(optarg, "pdf") && strcmp(optarg, "tex") &&
			 strcmp(optarg, "both"))
			return brief_cli_usage("batch", "--format: not pdf, tex or both: %s", optarg);
		else if (c == 'f') {
			b->pdf = strcmp(optarg, "tex") != 0;
			b->tex = strcmp(optarg, "pdf") != 0;
		} else if (c == 'o' && !*optarg)
			return brief_cli_usage("batch", "--out: an empty directory name");
		else if (c == 'o')
			b->out = optarg;
		else if (c == 'h') {
			usage(stdout);
			return BRIEF_EXIT_OK;
		} else if (c != 'y' && c != 'j')
			return brief_cli_bad_option("batch", c, argv);
	}
	if ((rc = brief_cli_operands("batch", argc, argv, 0, "")) >= 0)
		return rc;
	if (b->year <= 0)
		return brief_cli_usage("batch", "missing --year Y");
	if (b->jobs < 1)
		b->jobs = 1;
	b->epoch = brief_cli_epoch();
	return -1;
}

/* ---------------------------------------------------------------- */
/* The regions.                                                      */

static int push_item(batch *b, const char *code, const char *name)
{
	batch_item *v = realloc(b->v, (b->n + 1) * sizeof *v);
	if (!v)
		return -1;
	b->v = v;
	memset(&v[b->n], 0, sizeof *v);
	v[b->n].code = strdup(code);
	v[b->n].name = strdup(name);
	return v[b->n++].name && v[b->n - 1].code ? 0 : -1;
}

typedef struct lister {
	batch *b;
	const brief_gazetteer *g;
	const brief_region *scope;
} lister;

static int add_region(void *user, const char *code, const char *name, int year,
		      int targets, int results)
{
	lister *l = user;
	const brief_region *r = brief_region_by_code(l->g, code);
	if (l->scope && !brief_region_within(l->g, code, l->scope))
		return 0;
	/* the gazetteer's name is the one the briefing prints */
	return push_item(l->b, code, r ? r->name : name);
}

/* The regions with a briefing for the year, by the one rule. */
static int list_regions(brief_db *db, const brief_gazetteer *g, batch *b,
			const brief_region *scope)
{
	lister l = { b, g, scope };
	return brief_briefings(db, NULL, b->year, add_region, &l);
}

/* DIR/Y can be written: one error up front rather than one per region. */
static int check_out(brief_cli *cli, const batch *b)
{
	char *probe = brief_cli_out_path(b->out, b->year, "brief-probe-XXXXXX", NULL);
	int fd = -1;
	if (!probe)
		return -1;
	if (brief_make_parent(probe) == 0)
		fd = mkstemp(probe);
	if (fd < 0)
		brief_error(&cli->diag, b->out, "cannot write the briefings there: %s",
			    strerror(errno));
	else {
		close(fd);
		unlink(probe);
	}
	free(probe);
	return fd < 0 ? -1 : 0;
}

static int by_name(const void *pa, const void *pb)
{
	const batch_item *a = *(const batch_item *const *)pa;
	const batch_item *b = *(const batch_item *const *)pb;
	return strcmp(a->name, b->name);
}

/* File names: the region's name, or name-code where names repeat
 * (鼓楼区 is in five provinces), so no briefing overwrites another. */
static int assign_bases(batch *b)
{
	batch_item **s = calloc(b->n + 1, sizeof *s);
	if (!s)
		return -1;
	for (size_t i = 0; i < b->n; i++)
		s[i] = &b->v[i];
	if (b->n > 1)
		qsort(s, b->n, sizeof *s, by_name);
	for (size_t i = 0; i < b->n; i++) {
		bool dup = (i > 0 && !strcmp(s[i]->name, s[i - 1]->name)) ||
			   (i + 1 < b->n && !strcmp(s[i]->name, s[i + 1]->name));
		brief_buf name = BRIEF_BUF_INIT;
		brief_buf_printf(&name, dup ? "%s-%s" : "%s", s[i]->name, s[i]->code);
		s[i]->base = brief_buf_detach(&name, NULL);
	}
	free(s);
	for (size_t i = 0; i < b->n; i++)
		if (!b->v[i].base)
			return -1;
	return 0;
}

static int set_book(batch *b, const brief_region *scope)
{
	brief_buf base = BRIEF_BUF_INIT;
	b->scope_name = scope ? strdup(scope->name) : NULL;
	b->scope_code = scope ? strdup(scope->code) : NULL;
	b->book.name = strdup(scope ? scope->name : "全部");
	b->book.code = strdup(scope ? scope->code : "");
	brief_buf_printf(&base, "%s-合订本", scope ? scope->name : "全部");
	b->book.base = brief_buf_detach(&base, NULL);
	return b->book.name && b->book.code && b->book.base &&
	       (!scope || (b->scope_name && b->scope_code)) ? 0 : -1;
}

/* Lists the jobs; 0, or -1 after reporting. */
static int plan(brief_cli *cli, batch *b)
{
	brief_gazetteer *g = brief_gazetteer_new();
	brief_db *db = NULL;
	const brief_region *scope = NULL;
	int rc = -1;

	if (!g)
		brief_error(&cli->diag, NULL, "cannot load the region table");
	else if (!(db = brief_cli_open_db(cli)))
		;       /* reported */
	else if (b->scope_arg && !(scope = brief_region_named(db, g, b->scope_arg, &cli->diag)))
		;       /* reported */
	else if (list_regions(db, g, b, scope) || assign_bases(b) || set_book(b, scope))
		brief_error(&cli->diag, cli->db_path, "cannot list the regions: %s",
			    sqlite3_errmsg(brief_db_handle(db)));
	else if (b->n == 0)
		brief_error(&cli->diag, b->scope_arg, "no region has a briefing for %d"
			    " (no targets for %d, no results for %d)", b->year, b->year,
			    b->year - 1);
	else if (check_out(cli, b) == 0)
		rc = 0;
	brief_db_close(db);     /* the workers open their own */
	brief_gazetteer_free(g);
	return rc;
}

batch_item *batch_job(batch *b, size_t job)
{
	return job == 0 ? &b->book : job <= b->n ? &b->v[job - 1] : NULL;
}

/* ---------------------------------------------------------------- */
/* The parent: workers, answers, progress.                           */

typedef struct conn {
	int fd;
	pid_t pid;
	brief_buf in;           /* bytes of an unfinished line */
	size_t job;             /* the job it started last */
	bool busy;              /* started a job it has not answered */
} conn;

typedef struct run {
	brief_cli *cli;
	batch *b;
	conn *w;
	int nw;
	size_t done, failed;
	struct timespec t0, drawn;
	bool bar;               /* a progress line is on the screen */
} run;

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void clear_bar(run *r)
{
	if (r->bar)
		fputs("\r\033[K", stderr);
	r->bar = false;
}

/* "[=====>     ] 120/3001 briefings  45.2/s  ETA 1:03", at most 10 times
 * a second and only on a terminal. */
static void progress(run *r, bool force)
{
	struct timespec now;
	size_t total = r->b->n + 1;
	char bar[31];
	if (!r->cli->tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!force && since(&r->drawn, &now) < 0.1)
		return;
	r->drawn = now;
	double secs = since(&r->t0, &now), rate = secs > 0 ? (double)r->done / secs : 0;
	size_t fill = r->done * 30 / total;
	long eta = rate > 0 ? (long)((double)(total - r->done) / rate + 0.5) : 0;
	memset(bar, '=', fill);
	memset(bar + fill, ' ', 30 - fill);
	if (fill < 30)
		bar[fill] = '>';
	bar[30] = '\0';
	/* no rate and no time left until there is something to base them on */
	fprintf(stderr, "\r\033[K[%s] %zu/%zu briefings", bar, r->done, total);
	if (rate >= 0.1)
		fprintf(stderr, "  %.1f/s  ETA %ld:%02ld", rate, eta / 60, eta % 60);
	else if (rate > 0)      /* a loaded machine: what "0.0/s" would hide */
		fprintf(stderr, "  %.1f/min  ETA %ld:%02ld", rate * 60, eta / 60, eta % 60);
	r->bar = true;
}

static void report_failure(run *r, const batch_item *it, json_t *errors)
{
	json_t *e;
	size_t i;
	char where[256];
	snprintf(where, sizeof where, *it->code ? "%s (%s)" : "%s", it->name, it->code);
	clear_bar(r);
	if (!json_array_size(errors))
		brief_error(&r->cli->diag, where, "not rendered");
	json_array_foreach(errors, i, e)
		brief_error(&r->cli->diag, where, "%s", json_string_value(e));
	r->failed++;
}

static void take_line(run *r, conn *c, const char *line)
{
	json_t *m = json_loads(line, 0, NULL), *v;
	batch_item *it;
	if (!m)
		return;
	if ((v = json_object_get(m, "start")) &&
	    (it = batch_job(r->b, (size_t)json_integer_value(v)))) {
		it->started = true;
		c->job = (size_t)json_integer_value(v);
		c->busy = true;
	} else if ((v = json_object_get(m, "job")) &&
		   (it = batch_job(r->b, (size_t)json_integer_value(v))) && !it->answer) {
		it->answer = json_incref(m);
		c->busy = false;
		r->done++;
		if (!json_is_true(json_object_get(m, "ok")))
			report_failure(r, it, json_object_get(m, "errors"));
		progress(r, false);
	}
	json_decref(m);
}

/* Reads what a worker wrote; false at its end. */
static bool drain(run *r, conn *c)
{
	char chunk[16384];
	ssize_t k = read(c->fd, chunk, sizeof chunk);
	if (k < 0 && errno == EINTR)
		return true;
	if (k <= 0)
		return false;
	brief_buf_put(&c->in, chunk, (size_t)k);
	if (!brief_buf_ok(&c->in))
		return false;
	char *start = c->in.data, *nl;
	while ((nl = memchr(start, '\n', c->in.len - (size_t)(start - c->in.data)))) {
		*nl = '\0';
		take_line(r, c, start);
		start = nl + 1;
	}
	size_t rest = c->in.len - (size_t)(start - c->in.data);
	memmove(c->in.data, start, rest);
	brief_buf_truncate(&c->in, rest);
	return true;
}

static void read_answers(run *r)
{
	struct pollfd *p;
	int open = r->nw;
	if (open <= 0 || !(p = calloc((size_t)open, sizeof *p)))
		return;
	for (int i = 0; i < r->nw; i++)
		p[i] = (struct pollfd){ .fd = r->w[i].fd, .events = POLLIN };
	while (open > 0) {
		if (poll(p, (nfds_t)r->nw, 1000) < 0 && errno != EINTR)
			break;
		for (int i = 0; i < r->nw; i++)
			if (p[i].fd >= 0 && (p[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
			    !drain(r, &r->w[i])) {
				close(p[i].fd);
				p[i].fd = -1;
				open--;
			}
		progress(r, false);
	}
	free(p);
}

/* A worker that died took its job with it: say which and how. */
static void reap(run *r)
{
	for (int i = 0; i < r->nw; i++) {
		conn *c = &r->w[i];
		int st = 0;
		while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR)
			;
		batch_item *it = c->busy ? batch_job(r->b, c->job) : NULL;
		if (!it || it->answer)
			continue;
		char why[96];
		if (WIFSIGNALED(st))
			snprintf(why, sizeof why, "its worker died while rendering it (%s)",
				 strsignal(WTERMSIG(st)));
		else
			snprintf(why, sizeof why, "its worker stopped while rendering it");
		it->answer = json_pack("{s:b, s:[s]}", "ok", 0, "errors", why);
		report_failure(r, it, json_object_get(it->answer, "errors"));
	}
	for (size_t j = 0; j <= r->b->n; j++) {
		batch_item *it = batch_job(r->b, j);
		if (!it->answer) {
			it->answer = json_pack("{s:b, s:[s]}", "ok", 0, "errors",
					       "not rendered: no worker was left to take it");
			report_failure(r, it, json_object_get(it->answer, "errors"));
		}
	}
}

static int spawn(run *r, atomic_size_t *next)
{
	for (int i = 0; i < r->nw; i++) {
		int fds[2];
		if (pipe(fds))
			return -1;
		fflush(NULL);   /* nothing buffered is written twice */
		pid_t pid = fork();
		if (pid < 0) {
			close(fds[0]);
			close(fds[1]);
			return -1;
		}
		if (pid == 0) {
			close(fds[0]);
			for (int k = 0; k < i; k++)
				close(r->w[k].fd);
			batch_worker(r->b, next, fds[1]);
		}
		close(fds[1]);
		r->w[i] = (conn){ .fd = fds[0], .pid = pid, .in = BRIEF_BUF_INIT };
	}
	return 0;
}

static int run_all(brief_cli *cli, batch *b, size_t *failed)
{
	run r = { .cli = cli, .b = b };
	atomic_size_t *next = mmap(NULL, sizeof *next, PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	size_t jobs = b->n + 1;
	int rc = 0;

	if (next == MAP_FAILED)
		return -1;
	atomic_init(next, 0);
	r.nw = b->jobs < 1 ? 1 : (size_t)b->jobs < jobs ? b->jobs : (int)jobs;
	if (!(r.w = calloc((size_t)r.nw, sizeof *r.w))) {
		munmap(next, sizeof *next);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &r.t0);
	if (spawn(&r, next)) {
		brief_error(&cli->diag, NULL, "cannot start the workers: %s", strerror(errno));
		rc = -1;
		/* the ones started finish the queue alone */
		while (r.nw > 0 && r.w[r.nw - 1].pid == 0)
			r.nw--;
	}
	read_answers(&r);
	reap(&r);
	progress(&r, true);
	clear_bar(&r);
	for (int i = 0; i < r.nw; i++)
		brief_buf_free(&r.w[i].in);
	free(r.w);
	munmap(next, sizeof *next);
	*failed = r.failed;
	return rc;
}

/* Counts, and with print names, the files written: the regions' in code
 * order, then the combined briefing's. */
static size_t files_written(const batch *b, bool print)
{
	size_t n = 0, i;
	for (size_t j = 0; j <= b->n; j++) {
		const batch_item *it = j < b->n ? &b->v[j] : &b->book;
		json_t *files = json_object_get(it->answer, "files"), *f;
		json_array_foreach(files, i, f)
			if (print)
				printf("%s\n", json_string_value(json_object_get(f, "file")));
		n += json_array_size(files);
	}
	return n;
}

static void item_free(batch_item *it)
{
	free(it->code);
	free(it->name);
	free(it->base);
	json_decref(it->answer);
}

static void batch_free(batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		item_free(&b->v[i]);
	item_free(&b->book);
	free(b->v);
	free(b->scope_name);
	free(b->scope_code);
}

int brief_cmd_batch(brief_cli *cli, int argc, char **argv)
{
	batch b = { 0 };
	size_t failed = 0;
	int status = parse(argc, argv, &b);

	if (status >= 0)
		return status;
	status = BRIEF_EXIT_PARTIAL;
	b.db_path = cli->db_path;
	if (plan(cli, &b))
		goto out;
	/* Whatever failed (a full disk fails everything), the manifest of
	 * what was written and the summary still come. */
	int ran = run_all(cli, &b, &failed);
	size_t nfiles = files_written(&b, true);
	int man = batch_write_manifest(&b, &cli->diag);
	printf("batch: %zu region%s for %d, %zu file%s written, %zu failed%s\n", b.n,
	       b.n == 1 ? "" : "s", b.year, nfiles, nfiles == 1 ? "" : "s", failed,
	       man ? "; no complete manifest" : "");
	if (!ran && !man)
		status = failed ? BRIEF_EXIT_PARTIAL : BRIEF_EXIT_OK;
out:
	batch_free(&b);
	return status;
}
