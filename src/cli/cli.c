/* cli.c - what the commands share: the database, usage errors, columns. */
#include "cli/cli.h"
#include "util/fsutil.h"
#include "util/utf8.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

brief_db *brief_cli_open_db(brief_cli *cli)
{
	struct stat st;
	if (stat(cli->db_path, &st) != 0) {
		brief_error(&cli->diag, cli->db_path, errno == ENOENT
			    ? "no such database (brief ingest creates one)"
			    : "cannot open the database: %s", strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		brief_error(&cli->diag, cli->db_path, "is a directory, not a database");
		return NULL;
	}
	return brief_db_open(cli->db_path, &cli->diag);
}

brief_db *brief_cli_create_db(brief_cli *cli)
{
	if (brief_make_parent(cli->db_path)) {
		brief_error(&cli->diag, cli->db_path,
			    "cannot create its directory: %s", strerror(errno));
		return NULL;
	}
	return brief_db_open(cli->db_path, &cli->diag);
}

static void vusage(const char *cmd, const char *fmt, va_list ap)
{
	fprintf(stderr, "brief: %s%s", cmd ? cmd : "", cmd ? ": " : "");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry 'brief %s%s--help' for more information.\n",
		cmd ? cmd : "", cmd ? " " : "");
}

int brief_cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vusage(cmd, fmt, ap);
	va_end(ap);
	return BRIEF_EXIT_USAGE;
}

int brief_cli_bad_option(const char *cmd, int c, char **argv)
{
	/* getopt leaves the word it stopped at just before optind */
	const char *word = optind > 0 ? argv[optind - 1] : "?";
	bool is_long = strncmp(word, "--", 2) == 0;
	if (c == ':')
		return brief_cli_usage(cmd, "%s: needs an argument", word);
	if (optopt && is_long)  /* --json=x: an argument it does not take */
		return brief_cli_usage(cmd, "%s: takes no argument", word);
	if (optopt)
		return brief_cli_usage(cmd, "unknown option: -%c", optopt);
	return brief_cli_usage(cmd, "unknown option: %s", word);
}

int brief_cli_operands(const char *cmd, int argc, char **argv, int want,
		       const char *names)
{
	int have = argc - optind;
	if (have == want)
		return -1;
	if (have < want)
		return brief_cli_usage(cmd, "missing %s", names);
	return brief_cli_usage(cmd, "unexpected argument: %s", argv[optind + want]);
}

int brief_cli_year(const char *cmd, const char *arg, int *year)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 1 || v > 9999)
		return brief_cli_usage(cmd, "--year: not a year: %s", arg);
	*year = (int)v;
	return -1;
}

int brief_cli_count(const char *cmd, const char *opt, const char *arg, int *n)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 1 || v > 4096)
		return brief_cli_usage(cmd, "%s: not a count from 1 to 4096: %s", opt, arg);
	*n = (int)v;
	return -1;
}

static size_t cp_cells(uint32_t cp)
{
	int w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w < 0 ? 0 : (size_t)w;
}

void brief_cli_put_cells(FILE *f, const char *s, size_t cells)
{
	size_t len = strlen(s), i = 0, w = 0, total = 0;
	for (size_t j = 0; j < len;)
		total += cp_cells(brief_utf8_next(s, len, &j));
	/* too wide: keep what fits in cells - 1 and end with "…" */
	size_t room = total > cells && cells > 0 ? cells - 1 : cells;
	while (i < len) {
		size_t at = i, cw = cp_cells(brief_utf8_next(s, len, &i));
		if (w + cw > room) {
			i = at;
			break;
		}
		w += cw;
	}
	fwrite(s, 1, i, f);
	if (total > cells && cells > 0) {
		fputs("…", f);
		w++;
	}
	for (; w < cells; w++)
		putc(' ', f);
}

void brief_cli_pad(FILE *f, const char *s, size_t cells)
{
	size_t len = strlen(s), w = 0;
	for (size_t j = 0; j < len;)
		w += cp_cells(brief_utf8_next(s, len, &j));
	fputs(s, f);
	for (; w < cells; w++)
		putc(' ', f);
}

const char *brief_cli_ext(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	return dot && dot[1] ? dot + 1 : "";
}

long long brief_cli_epoch(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;
	if (!s || !*s)
		return -1;
	v = strtoll(s, &end, 10);
	return *end || v < 0 ? -1 : v;
}

char *brief_cli_out_path(const char *dir, int year, const char *base,
			 const char *ext)
{
	size_t n = strlen(dir) + strlen(base) + (ext ? strlen(ext) : 0) + 32;
	char *p = malloc(n);
	char *name;
	if (!p)
		return NULL;
	name = p + snprintf(p, n, "%s/", dir);
	if (year > 0)
		name += snprintf(name, n - (size_t)(name - p), "%d/", year);
	snprintf(name, n - (size_t)(name - p), "%s%s%s", base, ext ? "." : "",
		 ext ? ext : "");
	/* The name comes from data (region names, addresses): it must not
	 * leave DIR nor hide itself. */
	if (*name == '.')
		*name = '_';
	for (char *q = name; *q; q++)
		if (*q == '/' || *q == '\\' || (unsigned char)*q < 0x20)
			*q = '_';
	return p;
}
