/* cli.c - what the commands share: opening the database, help flags. */
#include "cli/cli.h"
#include "util/fsutil.h"

#include <errno.h>
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
