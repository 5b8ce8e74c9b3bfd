/*
 * rx.h - compiling PCRE2 patterns the one way brief uses them: UTF-8,
 * Unicode properties, JIT-compiled (unless $BRIEF_NO_JIT is set, for
 * valgrind, which cannot see into JIT code).
 */
#ifndef BRIEF_RX_H
#define BRIEF_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* NULL when the pattern does not compile (a bug: patterns are ours). */
pcre2_code *brief_rx_compile(const char *pattern);

#endif
