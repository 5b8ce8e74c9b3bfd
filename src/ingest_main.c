/* ingest_main.c - brief-ingest, the program behind `brief ingest` and
 * `brief extract`: the libraries that only reading articles needs
 * (PCRE2, libxml2 with ICU, uchardet, OpenCC) are linked here, so that
 * brief itself, which renders, starts without loading them. */
#include "cli/cli.h"

static const brief_command commands[] = {
	{ "ingest", brief_cmd_ingest, "read articles into the database", NULL },
	{ "extract", brief_cmd_extract, "extract the stored documents' facts again", NULL },
	{ NULL, NULL, NULL, NULL }
};

int main(int argc, char **argv)
{
	return brief_main(argc, argv, commands);
}
