#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool grow(brief_buf *b, size_t extra)
{
	if (b->oom)
		return false;
	if (extra > (size_t)-1 / 2 - b->len) {
		b->oom = true;
		return false;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap += cap / 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void brief_buf_put(brief_buf *b, const void *p, size_t n)
{
	if (!grow(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void brief_buf_puts(brief_buf *b, const char *s)
{
	brief_buf_put(b, s, strlen(s));
}

void brief_buf_putc(brief_buf *b, int c)
{
	char ch = (char)c;
	brief_buf_put(b, &ch, 1);
}

void brief_buf_vprintf(brief_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (!grow(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void brief_buf_printf(brief_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	brief_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void brief_buf_put_cp(brief_buf *b, unsigned cp)
{
	char s[4];
	size_t n;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	brief_buf_put(b, s, n);
}

void brief_buf_truncate(brief_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

bool brief_buf_ok(brief_buf *b)
{
	if (!b->data)
		grow(b, 0);
	if (b->data)
		b->data[b->len] = '\0';
	return !b->oom;
}

char *brief_buf_detach(brief_buf *b, size_t *len)
{
	char *p = NULL;
	if (brief_buf_ok(b)) {
		p = b->data;
		if (len)
			*len = b->len;
		b->data = NULL;
	}
	brief_buf_free(b);
	return p;
}

void brief_buf_free(brief_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}
