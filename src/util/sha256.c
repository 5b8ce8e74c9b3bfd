#include "util/sha256.h"

#include <glib.h>
#include <stdio.h>

void brief_sha256_hex(const void *p, size_t n, char out[65])
{
	gchar *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
						 (const guchar *)p, n);
	snprintf(out, 65, "%s", hex ? hex : "");
	g_free(hex);
}
