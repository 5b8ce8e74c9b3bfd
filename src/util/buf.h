/*
 * buf.h - growable byte buffer and non-owning slice.
 *
 * Appends never fail visibly: on allocation failure the buffer sets a
 * sticky `oom` flag and ignores further appends, so a long run of appends
 * is checked once (as SQLite's StrAccum does). `data` is always
 * NUL-terminated once anything has been appended.
 */
#ifndef BRIEF_BUF_H
#define BRIEF_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct brief_buf {
	char *data;
	size_t len, cap;
	bool oom;
} brief_buf;

#define BRIEF_BUF_INIT { NULL, 0, 0, false }
#define BRIEF_BUF_PUTSL(b, lit) brief_buf_put((b), (lit), sizeof(lit) - 1)

typedef struct brief_slice {
	const char *p;
	size_t len;
} brief_slice;

void brief_buf_put(brief_buf *b, const void *p, size_t n);
void brief_buf_puts(brief_buf *b, const char *s);
void brief_buf_putc(brief_buf *b, int c);
void brief_buf_printf(brief_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void brief_buf_vprintf(brief_buf *b, const char *fmt, va_list ap);
/* Appends code point `cp` encoded as UTF-8. */
void brief_buf_put_cp(brief_buf *b, unsigned cp);
void brief_buf_truncate(brief_buf *b, size_t len);
/* Makes sure `data` is non-NULL and NUL-terminated; false after OOM. */
bool brief_buf_ok(brief_buf *b);
/* Hands the data to the caller (who frees it) and resets the buffer;
 * NULL after OOM. Never returns NULL otherwise (empty string). */
char *brief_buf_detach(brief_buf *b, size_t *len);
void brief_buf_free(brief_buf *b);

#endif
