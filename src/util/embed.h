/* embed.h - data files compiled into the binary (see scripts/embed.sh). */
#ifndef BRIEF_EMBED_H
#define BRIEF_EMBED_H

#include <stddef.h>

/* Returns the NUL-terminated contents of embedded file `name` (e.g.
 * "schema.sql"), or NULL when there is none. Static storage. */
const char *brief_embed(const char *name, size_t *len);

#endif
