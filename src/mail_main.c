/* mail_main.c - brief-mail, the program behind `brief mail` (GMime and
 * libcurl are linked here only). */
#include "cli/cli.h"

static const brief_command commands[] = {
	{ "mail", brief_cmd_mail, "e-mail the briefings to a list of recipients", NULL },
	{ NULL, NULL, NULL, NULL }
};

int main(int argc, char **argv)
{
	return brief_main(argc, argv, commands);
}
