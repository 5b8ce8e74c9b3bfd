/* fsutil.h - files written whole or not at all. */
#ifndef BRIEF_FSUTIL_H
#define BRIEF_FSUTIL_H

#include <stddef.h>

#include "util/diag.h"

/*
 * Writes `len` bytes to `path` atomically: an unnamed file (O_TMPFILE)
 * in the same directory, fsync, then linked as `path` or, over an old
 * file, linked as PATH.tmp.XXXXXX and renamed over it; where O_TMPFILE
 * is missing the temporary file is named from the start. A reader (or a
 * killed run) sees the old file or the new one, never a partial one, and
 * a temporary file left by a killed writer is removed by the next write
 * of the same path. Creates missing parent directories (and removes them
 * again if the write fails). A symlink is followed and its target
 * replaced; a device, FIFO or directory is refused. Returns 0, or -1
 * after reporting.
 */
int brief_write_atomic(const char *path, const void *data, size_t len,
		       brief_diag *d);

/* The whole file, NUL-terminated (caller frees), its length in *len;
 * NULL with errno set when it cannot be read. */
char *brief_read_file(const char *path, size_t *len);

/* mkdir -p of the directory part of `path`. 0 or -1 (errno set). */
int brief_make_parent(const char *path);

#endif
