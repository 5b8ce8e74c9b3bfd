#include "util/fsutil.h"

#include "util/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int brief_make_parent(const char *path)
{
	char *dir = strdup(path);
	int rc = 0;

	if (!dir)
		return -1;
	for (char *p = dir + 1; *p && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	free(dir);
	return rc;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int brief_write_atomic(const char *path, const void *data, size_t len,
		       brief_diag *d)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	int fd = -1;

	if (!tmp) {
		brief_error(d, path, "out of memory");
		return -1;
	}
	/* ".name.XXXXXX" would hide it; a visible suffix says what it is. */
	snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
	if (brief_make_parent(path) || (fd = mkstemp(tmp)) < 0)
		goto fail;
	if (fchmod(fd, 0644) || write_all(fd, data, len) || fsync(fd))
		goto fail;
	if (close(fd)) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path))
		goto fail;
	free(tmp);
	return 0;
fail:
	brief_error(d, path, "cannot write: %s", strerror(errno));
	if (fd >= 0) {
		close(fd);
		unlink(tmp);
	} else if (access(tmp, F_OK) == 0) {
		unlink(tmp);
	}
	free(tmp);
	return -1;
}

char *brief_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	brief_buf b = BRIEF_BUF_INIT;
	char chunk[65536];
	size_t n;
	int err;
	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		brief_buf_put(&b, chunk, n);
	err = ferror(f) ? errno : 0;
	fclose(f);
	if (err) {
		brief_buf_free(&b);
		errno = err;
		return NULL;
	}
	return brief_buf_detach(&b, len);
}
