/* cmd_ingest.c - brief ingest PATH|URL...: files, directories and web
 * pages -> database. URLs are fetched by brief-fetch (src/fetch/fetch.h):
 * brief itself hands the whole command over to it when there are any. */
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
#include "fetch/fetch.h"
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
	size_t done, failed, counts[4];
	unsigned long long bytes;
	struct timespec t0;
	bool quiet;
	size_t total;           /* files and URLs, for the progress line */
} ingest_run;

static void usage(FILE *f)
{
	fprintf(f, "usage: brief [--db FILE] ingest [OPTIONS] PATH|URL...\n"
		   "       brief [--db FILE] ingest [OPTIONS] --urls FILE [PATH|URL...]\n\n"
		   "Reads articles (.txt, .html, .htm; directories recursively) and\n"
		   "web pages (http:// and https:// URLs), decodes, cleans and\n"
		   "normalises them, extracts their facts and stores everything in\n"
		   "the database. Content already stored is reported unchanged (or\n"
		   "re-read, its facts replaced, when this version of brief reads\n"
		   "it otherwise); a file or URL whose content changed replaces its\n"
		   "old version.\n\n"
		   "options:\n"
		   "  -q, --quiet            no line per file on stdout\n"
		   "  --urls FILE            URLs to fetch, one a line (# comments)\n"
		   "  -j, --jobs N           pages fetched at the same time (default 4;\n"
		   "                         one at a time from each host)\n"
		   "  --delay S              seconds between two requests to one host\n"
		   "                         (default 1)\n"
		   "  --timeout S            seconds a page may take in all (default 60)\n"
		   "  --connect-timeout S    seconds to connect (default 15)\n"
		   "  --max-size N[k|M]      largest page body (default and most: 64M)\n"
		   "  -h, --help             this help\n");
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

/* re-read: content stored before, its facts read anew by this brief */
static const char *const how_names[] = { "new", "unchanged", "replaced", "re-read" };

/* Stores an article read from `label` (a path or a URL) and prints its
 * line; the document's id, or 0 when it was not stored. */
static long long store_one(ingest_run *r, const char *label, brief_article *a,
			   brief_stored *how)
{
	brief_facts facts = { 0 };
	brief_diag *d = &r->cli->diag;
	long long id = 0;

	r->bytes += a->original_len;
	if (brief_extract(r->ext, a, &facts) ||
	    brief_db_store(r->db, a, &facts, &id, how)) {
		brief_error(d, label, "not stored");
		r->failed++;
		brief_facts_free(&facts);
		return 0;
	}
	r->counts[*how]++;
	/* unchanged: what the store holds, not what this run extracted */
	long long nfacts = *how == BRIEF_STORED_UNCHANGED ? brief_db_fact_count(r->db, id)
							  : (long long)facts.n;
	bool stored = *how == BRIEF_STORED_NEW || *how == BRIEF_STORED_REPLACED;
	if (stored && a->ngarbles)
		brief_warn(d, label, "%zu garbled span%s (no facts taken from them)",
			   a->ngarbles, a->ngarbles == 1 ? "" : "s");
	if (stored && a->invalid_bytes)
		brief_warn(d, label, "%zu byte%s not valid %s, replaced by U+FFFD",
			   a->invalid_bytes, a->invalid_bytes == 1 ? "" : "s",
			   a->encoding);
	char name[1024];
	if (!r->quiet)
		printf("%-9s %4lld  %s  (%s, %s, %zu sentences, %lld facts)\n",
		       how_names[*how], id, brief_name(label, name, sizeof name), a->encoding,
		       a->script == BRIEF_SCRIPT_TRADITIONAL ? "traditional"
							     : "simplified",
		       a->nsents, nfacts);
	brief_facts_free(&facts);
	return id;
}

static void ingest_one(ingest_run *r, const char *path)
{
	brief_article a;
	brief_stored how;

	if (brief_ingest_file(r->ing, path, &a, &r->cli->diag)) {
		r->failed++;
		return;
	}
	store_one(r, path, &a, &how);
	brief_article_free(&a);
}

/* brief-fetch's callback: one URL fetched (or not), in input order. */
static void url_done(void *user, const brief_fetched *f)
{
	ingest_run *r = user;
	brief_diag *d = &r->cli->diag;
	brief_article a;
	brief_stored how;
	long long id;

	r->done++;
	if (f->error) {
		brief_error(d, f->url, "%s", f->error);
		r->failed++;
	} else if (brief_web_article(r->ing, f, &a, d) == 0) {
		if ((id = store_one(r, f->url, &a, &how)) &&
		    brief_web_set_url(r->db, id, how, f->url, f->final_url))
			brief_error(d, f->url, "cannot record the URL: %s",
				    sqlite3_errmsg(brief_db_handle(r->db)));
		brief_article_free(&a);
	} else {
		r->failed++;
	}
	progress(r, r->total, r->done == r->total);
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

/* "--timeout S": seconds (fractions allowed), as milliseconds; -1 when
 * good, else a usage error. */
static int seconds_opt(const char *opt, const char *arg, long *ms)
{
	char *end;
	double v = strtod(arg, &end);
	if (end == arg || *end || !(v >= 0 && v <= 86400))
		return brief_cli_usage("ingest", "%s: not a number of seconds: %s", opt, arg);
	*ms = (long)(v * 1000 + 0.5);
	return -1;
}

/* "--max-size N[k|M]": bytes, at most the 64 MiB every input is held to. */
static int size_opt(const char *arg, size_t *n)
{
	char *end;
	unsigned long long v = strtoull(arg, &end, 10);
	if (end != arg && (*end == 'k' || *end == 'K'))
		v <<= 10, end++;
	else if (end != arg && *end == 'M')
		v <<= 20, end++;
	if (end == arg || *end || arg[0] == '-' || v == 0 || v > BRIEF_MAX_FILE)
		return brief_cli_usage("ingest", "--max-size: not a size from 1 to 64M: %s", arg);
	*n = (size_t)v;
	return -1;
}

/* The URLs of --urls FILE: one a line, blank lines and # comments
 * skipped; a line that is no http(s) URL is reported by line and counts
 * as a failed input. 0, or -1 when the file cannot be read. */
static int read_urls(file_list *urls, const char *path, size_t *bad, brief_diag *d)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = 0;
	if (!f) {
		brief_error(d, path, "cannot read: %s", strerror(errno));
		return -1;
	}
	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		char *s = line, *e = line + n;
		lineno++;
		while (*s == ' ' || *s == '\t')
			s++;
		while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			e--;
		*e = '\0';
		if (!*s || *s == '#')
			continue;
		if (brief_is_url(s) && !strpbrk(s, " \t")) {
			rc = list_add(urls, s);
			continue;
		}
		char where[64];
		snprintf(where, sizeof where, "line %zu", lineno);
		brief_error(d, path, "%s: not an http:// or https:// URL", where);
		(*bad)++;
	}
	if (ferror(f)) {
		brief_error(d, path, "cannot read: %s", strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

typedef struct ingest_opts {
	bool quiet;
	const char *urls_file;
	brief_fetch_opts fetch;
} ingest_opts;

/* An exit status when done (help, usage error), else -1. */
static int parse(int argc, char **argv, ingest_opts *o)
{
	enum { O_URLS = 256, O_DELAY, O_TIMEOUT, O_CONNECT, O_MAX };
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "urls", required_argument, NULL, O_URLS },
		{ "jobs", required_argument, NULL, 'j' },
		{ "delay", required_argument, NULL, O_DELAY },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "connect-timeout", required_argument, NULL, O_CONNECT },
		{ "max-size", required_argument, NULL, O_MAX },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc = -1;
	while (rc < 0 && (c = getopt_long(argc, argv, ":qj:h", opts, NULL)) != -1) {
		switch (c) {
		case 'q': o->quiet = true; break;
		case O_URLS: o->urls_file = optarg; break;
		case 'j': rc = brief_cli_count("ingest", "--jobs", optarg, &o->fetch.jobs); break;
		case O_DELAY: rc = seconds_opt("--delay", optarg, &o->fetch.delay_ms); break;
		case O_TIMEOUT: rc = seconds_opt("--timeout", optarg, &o->fetch.total_ms); break;
		case O_CONNECT: rc = seconds_opt("--connect-timeout", optarg, &o->fetch.connect_ms); break;
		case O_MAX: rc = size_opt(optarg, &o->fetch.max_bytes); break;
		case 'h': usage(stdout); return BRIEF_EXIT_OK;
		default: return brief_cli_bad_option("ingest", c, argv);
		}
	}
	if (rc >= 0)
		return rc;
	if (optind >= argc && !o->urls_file)
		return brief_cli_usage("ingest", "missing PATH (files or directories to read)");
	if (o->fetch.total_ms == 0 || o->fetch.connect_ms == 0)
		return brief_cli_usage("ingest", "a timeout of 0 seconds");
	return -1;
}

/* The operands that are URLs move to `urls`; the others stay, in order. */
static int split_urls(int *argc, char **argv, file_list *urls)
{
	int out = 0;
	for (int i = 0; i < *argc; i++) {
		if (!brief_is_url(argv[i]))
			argv[out++] = argv[i];
		else if (list_add(urls, argv[i]))
			return -1;
	}
	*argc = out;
	return 0;
}

static void summary(const ingest_run *r, size_t nfiles, size_t nurls)
{
	if (r->quiet)
		return;
	if (!nurls)
		printf("ingest: %zu file%s: ", nfiles, nfiles == 1 ? "" : "s");
	else if (!nfiles)
		printf("ingest: %zu URL%s: ", nurls, nurls == 1 ? "" : "s");
	else
		printf("ingest: %zu file%s, %zu URL%s: ", nfiles, nfiles == 1 ? "" : "s",
		       nurls, nurls == 1 ? "" : "s");
	/* re-read documents are unchanged content: said only when there are */
	printf("%zu new, %zu unchanged, %zu replaced, %zu failed",
	       r->counts[BRIEF_STORED_NEW],
	       r->counts[BRIEF_STORED_UNCHANGED] + r->counts[BRIEF_STORED_REEXTRACTED],
	       r->counts[BRIEF_STORED_REPLACED], r->failed);
	if (r->counts[BRIEF_STORED_REEXTRACTED])
		printf(" (%zu unchanged re-read by this version's rules)",
		       r->counts[BRIEF_STORED_REEXTRACTED]);
	putchar('\n');
}

static void list_free(file_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

int brief_cmd_ingest(brief_cli *cli, int argc, char **argv)
{
	ingest_opts o = { .fetch = BRIEF_FETCH_DEFAULTS };
	ingest_run r = { .cli = cli };
	file_list files = { 0 }, urls = { 0 };
	int status = parse(argc, argv, &o);
	int nops = argc - optind;
	char **ops = argv + optind;
	size_t unread = 0, bad_urls = 0;

	if (status >= 0)
		return status;
	status = BRIEF_EXIT_OK;
	r.quiet = o.quiet;
	size_t errors0 = cli->diag.nerrors;
	bool web = o.urls_file != NULL;
	for (int i = 0; i < nops; i++)
		web |= brief_is_url(ops[i]);
	/* brief hands URLs to brief-fetch, which runs this same command */
	if (web && !brief_ingest_fetcher)
		return brief_cli_exec(cli, "brief-fetch", "ingest", argc, argv);
	if (split_urls(&nops, ops, &urls) ||
	    (o.urls_file && read_urls(&urls, o.urls_file, &bad_urls, &cli->diag)) ||
	    collect(&files, nops, ops, &unread, &cli->diag) ||
	    setup(&r)) {
		status = BRIEF_EXIT_PARTIAL;
		goto out;
	}
	/* the inputs that could not even be listed count as failed ones */
	r.failed = unread + bad_urls;
	r.total = files.n + urls.n;
	clock_gettime(CLOCK_MONOTONIC, &r.t0);
	for (size_t i = 0; i < files.n; i++) {
		ingest_one(&r, files.v[i]);
		r.done++;
		progress(&r, r.total, r.done == r.total);
	}
	if (urls.n && brief_ingest_fetcher(urls.v, urls.n, &o.fetch, url_done, &r, &cli->diag))
		status = BRIEF_EXIT_PARTIAL;
	summary(&r, files.n + unread, urls.n + bad_urls);
out:
	if (cli->diag.nerrors > errors0)
		status = BRIEF_EXIT_PARTIAL;
	teardown(&r);
	list_free(&files);
	list_free(&urls);
	return status;
}
