/*
 * json.h - pieces of the JSON rendering that other JSON outputs share,
 * so that a source is written the same way everywhere (brief show
 * --json, the batch manifest).
 */
#ifndef BRIEF_RENDER_JSON_H
#define BRIEF_RENDER_JSON_H

#include <jansson.h>

#include "brief.h"

/* The numbered sources of a briefing: num, title, source, published,
 * file, url (null when unknown). A new reference. */
json_t *brief_json_sources(const brief_doc *d);

#endif
