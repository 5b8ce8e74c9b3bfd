/* sha256.h - the one content hash of the project (documents, manifests). */
#ifndef BRIEF_SHA256_H
#define BRIEF_SHA256_H

#include <stddef.h>

/* Lower-case hex sha256 of n bytes at p, NUL-terminated in out. */
void brief_sha256_hex(const void *p, size_t n, char out[65]);

#endif
