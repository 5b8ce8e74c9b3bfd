/* batch_main.c - brief-batch, the program behind `brief batch` and
 * `brief export`: the workbook they write (export/xlsx.h) needs
 * libxlsxwriter, libminizip and libcrypto, linked here so that brief
 * itself, which renders, starts without loading them. */
#include "cli/cli.h"

static const brief_command commands[] = {
	{ "export", brief_cmd_export, "write the facts as JSON lines or CSV", NULL },
	{ "batch", brief_cmd_batch, "write every region's briefing, the combined one, a manifest",
	  NULL },
	{ NULL, NULL, NULL, NULL }
};

int main(int argc, char **argv)
{
	return brief_main(argc, argv, commands);
}
