#include "render/texc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

/* One xelatex run in `dir`; its exit status (-1 if it did not run). */
static int xelatex(const char *dir, long long epoch)
{
	pid_t pid = fork();
	if (pid == 0) {
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
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The lines of the log that say what went wrong: "! ..." and "l.NN". */
static void report_log(const char *dir, brief_diag *d)
{
	char path[4096];
	size_t n;
	snprintf(path, sizeof path, "%s/brief.log", dir);
	char *log = brief_read_file(path, &n);
	int shown = 0;
	if (!log) {
		brief_error(d, "xelatex", "failed and left no log (is texlive-xetex installed?)");
		return;
	}
	for (char *line = strtok(log, "\n"); line && shown < 8; line = strtok(NULL, "\n"))
		if (line[0] == '!' || !strncmp(line, "l.", 2)) {
			brief_error(d, "xelatex", "%s", line);
			shown++;
		}
	if (!shown)
		brief_error(d, "xelatex", "failed; see the log");
	free(log);
}

static void remove_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char path[4096];
	while (dp && (e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (dp)
		closedir(dp);
	rmdir(dir);
}

int brief_tex_compile(const char *tex, size_t len, const char *pdf_path,
		      long long epoch, brief_diag *d)
{
	char dir[] = "/tmp/brief-tex-XXXXXX", path[4096];
	size_t n;
	int rc = -1;

	if (!mkdtemp(dir)) {
		brief_error(d, pdf_path, "cannot make a temporary directory: %s",
			    strerror(errno));
		return -1;
	}
	snprintf(path, sizeof path, "%s/brief.tex", dir);
	if (write_file(path, tex, len)) {
		brief_error(d, path, "cannot write: %s", strerror(errno));
		goto out;
	}
	for (int pass = 0; pass < 2; pass++)
		if (xelatex(dir, epoch) != 0) {
			report_log(dir, d);
			goto out;
		}
	snprintf(path, sizeof path, "%s/brief.pdf", dir);
	char *pdf = brief_read_file(path, &n);
	if (!pdf) {
		brief_error(d, pdf_path, "xelatex wrote no PDF");
		goto out;
	}
	rc = brief_write_atomic(pdf_path, pdf, n, d);
	free(pdf);
out:
	remove_dir(dir);
	return rc;
}
