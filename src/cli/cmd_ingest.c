/* cmd_ingest.c - brief ingest PATH...: files and directories -> database. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

typedef struct file_list {
	char **v;
	size_t n, cap;
} file_list;

typedef struct ingest_run {
	brief_cli *cli;
	brief_db *db;
	brief_ingester *ing;
	brief_gazetteer *gaz;
	brief_extractor *ext;
	size_t done, failed, counts[3];
	unsigned long long bytes;
	struct timespec t0;
} ingest_run;

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] ingest PATH...\n\n"
		   "Reads articles (.txt, .html, .htm; directories recursively),\n"
		   "decodes, cleans and normalises them, extracts their facts and\n"
		   "stores everything in the database. Content already stored is\n"
		   "reported unchanged; a file whose content changed replaces its\n"
		   "old version.\n\n"
		   "options:\n"
		   "  -q, --quiet  no line per file on stdout\n"
		   "  -h, --help   this help\n");
}

static bool wanted(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (strcasecmp(dot, ".txt") == 0 ||
		       strcasecmp(dot, ".html") == 0 ||
		       strcasecmp(dot, ".htm") == 0);
}

static int list_add(file_list *l, const char *path)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	return (l->v[l->n] = strdup(path)) ? (l->n++, 0) : -1;
}

/* The directories a walk has entered, by device and inode: a symlink
 * back to an ancestor (or to a directory already read) is not followed
 * again. */
typedef struct dir_seen {
	struct { dev_t dev; ino_t ino; } *v;
	size_t n, cap;
	size_t failed;          /* inputs that could not be read at all */
} dir_seen;

static int seen_add(dir_seen *s, const struct stat *st)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].dev == st->st_dev && s->v[i].ino == st->st_ino)
			return 1;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		void *v = realloc(s->v, cap * sizeof *s->v);
		if (!v)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n].dev = st->st_dev;
	s->v[s->n++].ino = st->st_ino;
	return 0;
}

static void input_failed(dir_seen *s, brief_diag *d, const char *path,
			 const char *why)
{
	brief_error(d, path, "%s", why);
	s->failed++;
}

/* Adds the article files under `dir`, in name order so runs repeat. */
static int walk(file_list *l, const char *dir, const struct stat *dst,
		dir_seen *seen, brief_diag *d)
{
	struct dirent **ents;
	int n, rc = seen_add(seen, dst);

	if (rc)
		return rc < 0 ? -1 : 0;
	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0) {
		input_failed(seen, d, dir, "cannot read the directory");
		return 0;
	}
	for (int i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char path[4096];
		struct stat st;
		if (name[0] == '.' ||
		    snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
			continue;
		if (stat(path, &st)) {
			/* an article's name on a dangling or looping symlink */
			if (wanted(name))
				input_failed(seen, d, path, strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode))
			rc |= walk(l, path, &st, seen, d);
		else if (S_ISREG(st.st_mode) && wanted(name))
			rc |= list_add(l, path);
	}
	for (int i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	return rc;
}

/* One path named on the command line: a directory is walked, a regular
 * file listed, anything else (a FIFO would block the read) reported. */
static int collect_one(file_list *l, const char *path, dir_seen *seen,
		       brief_diag *d)
{
	struct stat st;
	if (stat(path, &st)) {
		input_failed(seen, d, path, errno == ENOENT ? "no such file or directory"
							    : strerror(errno));
		return 0;
	}
	if (S_ISDIR(st.st_mode))
		return walk(l, path, &st, seen, d);
	if (!S_ISREG(st.st_mode)) {
		input_failed(seen, d, path, "not a regular file");
		return 0;
	}
	return list_add(l, path);
}

static int collect(file_list *l, int argc, char **argv, size_t *failed,
		   brief_diag *d)
{
	dir_seen seen = { 0 };
	int rc = 0;
	for (int i = 0; i < argc && rc == 0; i++)
		rc = collect_one(l, argv[i], &seen, d);
	*failed = seen.failed;
	free(seen.v);
	if (rc)
		return -1;
	/* Files named on the command line keep their order; duplicates go. */
	for (size_t i = 0; i + 1 < l->n; i++)
		for (size_t j = i + 1; j < l->n; j++)
			if (strcmp(l->v[i], l->v[j]) == 0) {
				free(l->v[j]);
				l->v[j--] = l->v[--l->n];
			}
	return 0;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void progress(ingest_run *r, size_t total, bool last)
{
	if (!r->cli->tty)
		return;
	double s = seconds_since(&r->t0);
	fprintf(stderr, "\r\033[Kingest: %zu/%zu files, %.1f MB/s", r->done, total,
		s > 0 ? (double)r->bytes / 1e6 / s : 0.0);
	if (last)
		fputc('\n', stderr);
}

static const char *const how_names[] = { "new", "unchanged", "replaced" };

static void ingest_one(ingest_run *r, const char *path, bool quiet)
{
	brief_article a;
	brief_facts facts = { 0 };
	brief_diag *d = &r->cli->diag;
	long long id = 0;
	brief_stored how;

	if (brief_ingest_file(r->ing, path, &a, d)) {
		r->failed++;
		return;
	}
	r->bytes += a.original_len;
	if (brief_extract(r->ext, &a, &facts) ||
	    brief_db_store(r->db, &a, &facts, &id, &how)) {
		brief_error(d, path, "not stored");
		r->failed++;
		goto out;
	}
	r->counts[how]++;
	/* unchanged: what the store holds, not what this run extracted */
	long long nfacts = how == BRIEF_STORED_UNCHANGED ? brief_db_fact_count(r->db, id)
							 : (long long)facts.n;
	if (how != BRIEF_STORED_UNCHANGED && a.ngarbles)
		brief_warn(d, path, "%zu garbled span%s (no facts taken from them)",
			   a.ngarbles, a.ngarbles == 1 ? "" : "s");
	if (how != BRIEF_STORED_UNCHANGED && a.invalid_bytes)
		brief_warn(d, path, "%zu byte%s not valid %s, replaced by U+FFFD",
			   a.invalid_bytes, a.invalid_bytes == 1 ? "" : "s",
			   a.encoding);
	char name[1024];
	if (!quiet)
		printf("%-9s %4lld  %s  (%s, %s, %zu sentences, %lld facts)\n",
		       how_names[how], id, brief_name(path, name, sizeof name), a.encoding,
		       a.script == BRIEF_SCRIPT_TRADITIONAL ? "traditional"
							    : "simplified",
		       a.nsents, nfacts);
out:
	brief_facts_free(&facts);
	brief_article_free(&a);
}

static int setup(ingest_run *r)
{
	brief_diag *d = &r->cli->diag;
	if (!(r->db = brief_cli_create_db(r->cli)) ||
	    !(r->ing = brief_ingester_new(d)))
		return -1;
	if (!(r->gaz = brief_gazetteer_new())) {
		brief_error(d, NULL, "cannot load the region table");
		return -1;
	}
	return (r->ext = brief_extractor_new(r->gaz, d)) ? 0 : -1;
}

static void teardown(ingest_run *r)
{
	brief_extractor_free(r->ext);
	brief_gazetteer_free(r->gaz);
	brief_ingester_free(r->ing);
	brief_db_close(r->db);
}

int brief_cmd_ingest(brief_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	ingest_run r = { .cli = cli };
	file_list files = { 0 };
	bool quiet = false;
	int c, status = BRIEF_EXIT_OK;

	while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
		if (c == 'q')
			quiet = true;
		else if (c == 'h') {
			usage(stdout);
			return BRIEF_EXIT_OK;
		} else
			return brief_cli_bad_option("ingest", c, argv);
	}
	if (optind >= argc)
		return brief_cli_usage("ingest", "missing PATH (files or directories to read)");
	size_t errors0 = cli->diag.nerrors;
	/* the inputs that could not even be listed count as failed files */
	size_t unread = 0;
	int listed = collect(&files, argc - optind, argv + optind, &unread, &cli->diag);
	r.failed = unread;
	if (listed ||
	    setup(&r)) {
		status = BRIEF_EXIT_PARTIAL;
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &r.t0);
	for (size_t i = 0; i < files.n; i++) {
		ingest_one(&r, files.v[i], quiet);
		r.done++;
		progress(&r, files.n, i + 1 == files.n);
	}
	if (!quiet)
		printf("ingest: %zu file%s: %zu new, %zu unchanged, "
		       "%zu replaced, %zu failed\n",
		files.n + unread, files.n + unread == 1 ? "" : "s", r.counts[BRIEF_STORED_NEW],
		r.counts[BRIEF_STORED_UNCHANGED], r.counts[BRIEF_STORED_REPLACED],
		r.failed);
	if (cli->diag.nerrors > errors0)
		status = BRIEF_EXIT_PARTIAL;
out:
	teardown(&r);
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	free(files.v);
	return status;
}
