/* fetch_main.c - brief-fetch, the program behind `brief ingest URL...`:
 * the same ingest command, with libcurl linked in (here only; see
 * src/fetch/fetch.h for why a program of its own). */
#include "cli/cli.h"
#include "fetch/fetch.h"

static const brief_command commands[] = {
	{ "ingest", brief_cmd_ingest, "read articles and pages (URLs) into the database", NULL },
	{ NULL, NULL, NULL, NULL }
};

int main(int argc, char **argv)
{
	brief_ingest_fetcher = brief_fetch_all;
	return brief_main(argc, argv, commands);
}
