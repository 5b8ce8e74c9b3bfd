#include "render/latex/texc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/fsutil.h"

static int write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(s, 1, n, f);
	return fclose(f) == 0 && w == n ? 0 : -1;
}

/* Seconds one xelatex run may take: $BRIEF_TEX_TIMEOUT, default 120.
 * Some inputs make xelatex loop for good. */
static unsigned time_limit(void)
{
	const char *e = getenv("BRIEF_TEX_TIMEOUT");
	char *end;
	unsigned long v = e ? strtoul(e, &end, 10) : 0;
	return e && *end == '\0' && v > 0 && v < 86400 ? (unsigned)v : 120;
}

static void child(const char *dir, long long epoch, pid_t parent)
{
	/* its own process group, so a timeout stops xdvipdfmx too; and it
	 * dies with brief, even when brief is killed with SIGKILL */
	setpgid(0, 0);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(127);
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
	}
	if (chdir(dir))
		_exit(127);
	if (epoch >= 0) {
		char e[32];
		snprintf(e, sizeof e, "%lld", epoch);
		setenv("SOURCE_DATE_EPOCH", e, 1);
		setenv("FORCE_SOURCE_DATE", "1", 1);
	}
	/* never run shell commands from a document */
	execlp("xelatex", "xelatex", "-no-shell-escape",
	       "-interaction=nonstopmode", "-halt-on-error", "brief.tex",
	       (char *)NULL);
	_exit(127);
}

/* Waits for pid for up to `limit` seconds, then kills its group. */
static int wait_limited(pid_t pid, unsigned limit, bool *late)
{
	struct timespec t0, now, nap = { 0, 10 * 1000 * 1000 };
	int st;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		pid_t r = waitpid(pid, &st, WNOHANG);
		if (r == pid)
			return st;
		if (r < 0 && errno != EINTR)
			return -1;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000 >=
		    (long long)limit * 1000)
			break;
		nanosleep(&nap, NULL);
	}
	*late = true;
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return -1;
}

/* One xelatex run in `dir`; its exit status (-1 if it did not run or
 * was stopped, *late then saying it ran out of time). */
static int xelatex(const char *dir, long long epoch, unsigned limit, bool *late)
{
	pid_t parent = getpid(), pid = fork();
	if (pid == 0)
		child(dir, epoch, parent);
	if (pid < 0)
		return -1;
	setpgid(pid, pid);
	int st = wait_limited(pid, limit, late);
	return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The lines of the log that say what went wrong: "! ..." and "l.NN". */
static void report_log(const char *dir, const char *keep, bool late,
		       unsigned limit, brief_diag *d)
{
	char path[4096];
	size_t n;
	snprintf(path, sizeof path, "%s/brief.log", dir);
	char *log = brief_read_file(path, &n);
	int shown = 0;
	if (late)
		brief_error(d, "xelatex", "stopped after %u s (BRIEF_TEX_TIMEOUT)", limit);
	if (!log) {
		if (!late)
			brief_error(d, "xelatex", "failed and left no log (is texlive-xetex installed?)");
		return;
	}
	/* kept next to the output: the temporary directory goes */
	bool kept = brief_write_atomic(keep, log, n, d) == 0;
	for (char *line = strtok(log, "\n"); line && shown < 8; line = strtok(NULL, "\n"))
		if (line[0] == '!' || !strncmp(line, "l.", 2)) {
			brief_error(d, "xelatex", "%s", line);
			shown++;
		}
	if (kept)
		brief_error(d, "xelatex", shown ? "the log is %s" : "failed; the log is %s",
			    keep);
	else if (!shown)
		brief_error(d, "xelatex", "failed");
	free(log);
}

/* Overfull lines are reported from this many points too wide: below
 * it no reader sees the overrun. */
#define OVERFULL_PT 1.0

/*
 * What a successful compile still got wrong, from its log: characters
 * no font had (xelatex leaves them out: "Missing character: There is no
 * 𠀀 (U+20000) in font ...!"), each named once, and lines more than
 * OVERFULL_PT too wide. Warnings, not errors: the PDF is complete.
 */
static void report_flaws(const char *dir, const char *pdf_path, brief_diag *d)
{
	char path[4096];
	size_t n;
	snprintf(path, sizeof path, "%s/brief.log", dir);
	char *log = brief_read_file(path, &n);
	if (!log)
		return;
	brief_buf seen = BRIEF_BUF_INIT;
	static const char missing[] = "Missing character: There is no ";
	for (char *line = strtok(log, "\n"); line; line = strtok(NULL, "\n")) {
		const char *m = strstr(line, missing), *over = strstr(line, "Overfull \\hbox (");
		if (m) {
			m += sizeof missing - 1;
			const char *end = strstr(m, " in font ");
			int len = end ? (int)(end - m) : (int)strlen(m);
			char key[96];
			snprintf(key, sizeof key, "|%.*s|", len, m);
			if (seen.data && strstr(seen.data, key))
				continue;
			brief_buf_puts(&seen, key);
			brief_warn(d, pdf_path, "no font has %.*s: xelatex left it out", len, m);
		} else if (over && atof(over + 16) > OVERFULL_PT) {
			/* "... too wide) in paragraph at lines 78--78" */
			const char *at = strstr(over, " at lines ");
			brief_warn(d, pdf_path, "xelatex: a line %.1f pt too wide%s%s", atof(over + 16),
				   at ? " in the LaTeX source," : "", at ? at : "");
		}
	}
	brief_buf_free(&seen);
	free(log);
}

/* The directory and what xelatex left in it (no subdirectories, but a
 * document could make some: two levels are removed). */
static void remove_tree(const char *dir, int depth)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char path[4096];
	while (dp && (e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (unlink(path) && (errno == EISDIR || errno == EPERM) && depth > 0)
			remove_tree(path, depth - 1);
	}
	if (dp)
		closedir(dp);
	rmdir(dir);
}

/*
 * Each compile holds a lock on DIR/brief.lock (made under another name
 * and renamed, so it is never seen unlocked) while it lives. A directory
 * whose lock can be taken was left by a killed run and goes; one without
 * a lock file is an older brief's, removed after a day.
 */
static int lock_dir(const char *dir)
{
	char tmp[300], lock[300];
	snprintf(tmp, sizeof tmp, "%s/lock.new", dir);
	snprintf(lock, sizeof lock, "%s/brief.lock", dir);
	int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX) || rename(tmp, lock)) {
		close(fd);
		return -1;
	}
	return fd;
}

static bool stale(const char *dir)
{
	char lock[300];
	struct stat st;
	snprintf(lock, sizeof lock, "%s/brief.lock", dir);
	int fd = open(lock, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		bool dead = flock(fd, LOCK_EX | LOCK_NB) == 0;
		close(fd);
		return dead;
	}
	return errno == ENOENT && lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
	       st.st_uid == geteuid() && time(NULL) - st.st_mtime > 86400;
}

/* $TMPDIR if it is set and short enough, else /tmp. */
static const char *tmp_base(void)
{
	const char *t = getenv("TMPDIR");
	return t && *t == '/' && strlen(t) < 200 ? t : "/tmp";
}

static void remove_stale_dirs(void)
{
	DIR *dp = opendir(tmp_base());
	struct dirent *e;
	char path[256];
	while (dp && (e = readdir(dp))) {
		if (strncmp(e->d_name, "brief-tex-", 10) || strlen(e->d_name) != 16)
			continue;
		snprintf(path, sizeof path, "%s/%s", tmp_base(), e->d_name);
		if (stale(path))
			remove_tree(path, 2);
	}
	if (dp)
		closedir(dp);
}

/* X.pdf -> X.log, where a failed compile's log is kept. */
static void log_path(const char *pdf_path, char *out, size_t sz)
{
	size_t n = strlen(pdf_path);
	if (n > 4 && !strcmp(pdf_path + n - 4, ".pdf"))
		n -= 4;
	snprintf(out, sz, "%.*s.log", (int)n, pdf_path);
}

static int run_passes(const char *dir, const char *pdf_path, long long epoch,
		      brief_diag *d)
{
	unsigned limit = time_limit();
	char keep[4096];
	for (int pass = 0; pass < 2; pass++) {
		bool late = false;
		if (xelatex(dir, epoch, limit, &late) != 0) {
			log_path(pdf_path, keep, sizeof keep);
			report_log(dir, keep, late, limit, d);
			return -1;
		}
	}
	return 0;
}

int brief_tex_compile(const char *tex, size_t len, const char *pdf_path,
		      long long epoch, brief_diag *d)
{
	char dir[256], path[4096];
	size_t n;
	int rc = -1, lock;

	snprintf(dir, sizeof dir, "%s/brief-tex-XXXXXX", tmp_base());
	remove_stale_dirs();
	if (!mkdtemp(dir)) {
		brief_error(d, pdf_path, "cannot make a temporary directory: %s",
			    strerror(errno));
		return -1;
	}
	if ((lock = lock_dir(dir)) < 0) {
		brief_error(d, dir, "cannot lock: %s", strerror(errno));
		remove_tree(dir, 0);
		return -1;
	}
	snprintf(path, sizeof path, "%s/brief.tex", dir);
	if (write_file(path, tex, len)) {
		brief_error(d, path, "cannot write: %s", strerror(errno));
		goto out;
	}
	if (run_passes(dir, pdf_path, epoch, d))
		goto out;
	report_flaws(dir, pdf_path, d);
	snprintf(path, sizeof path, "%s/brief.pdf", dir);
	char *pdf = brief_read_file(path, &n);
	if (!pdf) {
		brief_error(d, pdf_path, "xelatex wrote no PDF");
		goto out;
	}
	rc = brief_write_atomic(pdf_path, pdf, n, d);
	free(pdf);
	if (rc == 0) {
		/* a log kept from an earlier failure would now mislead */
		log_path(pdf_path, path, sizeof path);
		unlink(path);
	}
out:
	remove_tree(dir, 2);
	close(lock);
	return rc;
}
