#include "support/run.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *brief_test_bin(void)
{
	const char *b = getenv("BRIEF_BIN");
	return b && *b ? b : "build/brief";
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t n = 0, cap = 0;
	if (!f)
		return strdup("");
	for (int c; (c = getc(f)) != EOF;) {
		if (n + 2 > cap) {
			cap = cap ? cap * 2 : 4096;
			p = realloc(p, cap);
		}
		p[n++] = (char)c;
	}
	fclose(f);
	if (!p)
		return strdup("");
	p[n] = '\0';
	return p;
}

static int status_of(int st)
{
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void brief_run_free(brief_run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

int brief_test_run(brief_run *r, const char *fmt, ...)
{
	char args[2048], cmd[4096], out[64], err[64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
	snprintf(out, sizeof out, "/tmp/brief-run-%d.out", getpid());
	snprintf(err, sizeof err, "/tmp/brief-run-%d.err", getpid());
	snprintf(cmd, sizeof cmd, "%s %s >%s 2>%s </dev/null", brief_test_bin(),
		 args, out, err);
	int st = system(cmd);
	brief_run_free(r);
	r->out = slurp(out);
	r->err = slurp(err);
	unlink(out);
	unlink(err);
	return status_of(st);
}

int brief_test_sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	return status_of(system(cmd));
}

pid_t brief_test_spawn(const char *fmt, ...)
{
	char args[2048], cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
	/* exec, so that the pid is brief's own and a kill reaches it */
	snprintf(cmd, sizeof cmd, "exec %s %s >/dev/null 2>&1 </dev/null",
		 brief_test_bin(), args);
	pid_t pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	return pid;
}

size_t brief_test_count(const char *h, const char *n)
{
	size_t c = 0, len = strlen(n);
	for (const char *p = h; (p = strstr(p, n)); p += len)
		c++;
	return c;
}

pid_t brief_test_smtp_sink(int port, const char *maildir)
{
	pid_t pid = fork();
	if (pid == 0) {
		char p[16];
		snprintf(p, sizeof p, "%d", port);
		execl("/usr/bin/python3", "python3", "tests/tools/smtp_sink.py", p, maildir,
		      (char *)NULL);
		_exit(127);
	}
	char ready[512];
	snprintf(ready, sizeof ready, "%s/ready", maildir);
	for (int i = 0; i < 100 && access(ready, F_OK) != 0; i++) {
		struct timespec ts = { 0, 100000000L };
		nanosleep(&ts, NULL);
	}
	return pid;
}
