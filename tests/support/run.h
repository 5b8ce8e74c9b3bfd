/* run.h - running the brief binary ($BRIEF_BIN) and shell commands from
 * tests, with stdout and stderr captured. */
#ifndef BRIEF_TEST_RUN_H
#define BRIEF_TEST_RUN_H

#include <stddef.h>
#include <sys/types.h>

typedef struct brief_run {
	char *out, *err;        /* captured output, NUL-terminated */
} brief_run;

/* Runs "$BRIEF_BIN ARGS" (ARGS formatted, split by the shell); replaces
 * r's previous output. Returns the exit status, or -1 if it did not exit. */
int brief_test_run(brief_run *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void brief_run_free(brief_run *r);
/* sh -c COMMAND; returns the exit status. */
int brief_test_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Starts "$BRIEF_BIN ARGS" in the background (output discarded). */
pid_t brief_test_spawn(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* tests/tools/smtp_sink.py listening on 127.0.0.1:port, storing each
 * message it accepts as maildir/NNNN.eml (and its envelope as .env);
 * returns once it listens. Stop it with SIGTERM. */
pid_t brief_test_smtp_sink(int port, const char *maildir);
/* Occurrences of needle in haystack. */
size_t brief_test_count(const char *haystack, const char *needle);
/* Path of the brief binary under test. */
const char *brief_test_bin(void);

#endif
