/* cli.c - what the commands share: opening the database, help flags. */
#include "cli/cli.h"
#include "util/fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

brief_db *brief_cli_open_db(brief_cli *cli)
{
	if (brief_make_parent(cli->db_path)) {
		brief_error(&cli->diag, cli->db_path,
			    "cannot create its directory: %s", strerror(errno));
		return NULL;
	}
	return brief_db_open(cli->db_path, &cli->diag);
}

bool brief_cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
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
