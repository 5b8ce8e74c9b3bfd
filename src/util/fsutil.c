/* O_TMPFILE, linkat's AT_SYMLINK_FOLLOW */
#define _GNU_SOURCE
#include "util/fsutil.h"

#include "util/buf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What make_parent created: `n` directories, the deepest of them the
 * first `deep` bytes of the path. */
typedef struct made_dirs {
	size_t n, deep;
} made_dirs;

/* mkdir -p of the directory part of `path`, noting what it created so
 * that a failed write can remove it again. */
static int make_parent(const char *path, made_dirs *made)
{
	char *dir = strdup(path);
	int rc = 0;

	made->n = made->deep = 0;
	if (!dir)
		return -1;
	for (char *p = dir + 1; *p && rc == 0; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) == 0) {
			made->n++;
			made->deep = (size_t)(p - dir);
		} else if (errno != EEXIST) {
			rc = -1;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

int brief_make_parent(const char *path)
{
	made_dirs made;
	return make_parent(path, &made);
}

/* Removes what make_parent created, deepest first. The directories it
 * made follow one another down the path (below the last that existed). */
static void unmake_parent(const char *path, const made_dirs *made)
{
	char *dir = made->n ? strndup(path, made->deep) : NULL;
	int err = errno;
	size_t n = made->n;
	while (dir && n-- && rmdir(dir) == 0) {
		char *p = strrchr(dir, '/');
		if (!p || p == dir)
			break;
		*p = '\0';
	}
	free(dir);
	errno = err;
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

/*
 * The file a write to `path` replaces: a symlink is followed (its target
 * is replaced, the link stays). NULL with errno set if a link leads
 * nowhere sensible (a loop).
 */
static char *write_target(const char *path)
{
	char *cur = strdup(path);
	for (int hops = 0; cur && hops < 40; hops++) {
		char link[PATH_MAX];
		ssize_t n = readlink(cur, link, sizeof link - 1);
		if (n < 0)
			/* not a link, or nothing there yet (a name too long
			 * fails again, and is reported, when written) */
			return errno == EINVAL || errno == ENOENT ||
			       errno == ENAMETOOLONG ? cur : (free(cur), NULL);
		link[n] = '\0';
		const char *slash = strrchr(cur, '/');
		size_t dlen = link[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
		char *next = malloc(dlen + (size_t)n + 1);
		if (next) {
			memcpy(next, cur, dlen);
			memcpy(next + dlen, link, (size_t)n + 1);
		}
		free(cur);
		cur = next;
	}
	if (cur) {
		free(cur);
		errno = ELOOP;
	}
	return NULL;
}

/* Anything but a regular file (a device, a FIFO, a directory) is not
 * replaced: as root, a briefing written to /dev/full replaced the device.
 * 0, 1 for such a file, -1 (errno set) if it cannot be looked at. */
static int check_target(const char *target)
{
	struct stat st;
	if (stat(target, &st))
		return errno == ENOENT ? 0 : -1;
	return !S_ISREG(st.st_mode);
}

/*
 * Temporary files are "TARGET.tmp.XXXXXX", locked (flock) for as long as
 * their writer lives. One that can be locked belongs to a writer that
 * died (a SIGKILL between link and rename, or during a named write): the
 * next write of the same target removes it.
 */
static bool tmp_of(const char *name, const char *base)
{
	size_t n = strlen(base);
	return !strncmp(name, base, n) && !strncmp(name + n, ".tmp.", 5) &&
	       strlen(name + n + 5) == 6;
}

/*
 * The names in one directory that look like temporary files, read once
 * per directory and process: a batch writes thousands of files into one
 * directory, and listing it for each would be quadratic.
 */
static struct {
	char *dir;
	char **names;
	size_t n;
} stale_seen;

static bool looks_tmp(const char *name)
{
	const char *t = strstr(name, ".tmp.");
	while (t && strstr(t + 1, ".tmp."))
		t = strstr(t + 1, ".tmp.");
	return t && t > name && strlen(t + 5) == 6;
}

static void list_candidates(const char *dir)
{
	for (size_t i = 0; i < stale_seen.n; i++)
		free(stale_seen.names[i]);
	free(stale_seen.names);
	free(stale_seen.dir);
	memset(&stale_seen, 0, sizeof stale_seen);
	if (!(stale_seen.dir = strdup(dir)))
		return;
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t cap = 0;
	while (dp && (e = readdir(dp))) {
		if (!looks_tmp(e->d_name))
			continue;
		if (stale_seen.n == cap) {
			cap = cap ? 2 * cap : 8;
			char **v = realloc(stale_seen.names, cap * sizeof *v);
			if (!v)
				break;
			stale_seen.names = v;
		}
		if ((stale_seen.names[stale_seen.n] = strdup(e->d_name)))
			stale_seen.n++;
	}
	if (dp)
		closedir(dp);
}

/* Removes name (in dir) if no live writer holds its lock. */
static void remove_if_dead(const char *dir, const char *name)
{
	char *path = malloc(strlen(dir) + strlen(name) + 1);
	if (!path)
		return;
	strcat(strcpy(path, dir), name);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
		unlink(path);
	if (fd >= 0)
		close(fd);
	free(path);
}

static void remove_stale(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir = slash ? strndup(target, (size_t)(slash - target) + 1) : strdup("./");
	const char *base = slash ? slash + 1 : target;
	int err = errno;

	if (dir && (!stale_seen.dir || strcmp(stale_seen.dir, dir)))
		list_candidates(dir);
	for (size_t i = 0; dir && i < stale_seen.n; i++)
		if (tmp_of(stale_seen.names[i], base)) {
			remove_if_dead(dir, stale_seen.names[i]);
			free(stale_seen.names[i]);
			stale_seen.names[i--] = stale_seen.names[--stale_seen.n];
		}
	free(dir);
	errno = err;
}

/* "TARGET.tmp." and six characters that differ from run to run. */
static void tmp_name(char *tmp, size_t sz, const char *target)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned long long seq;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	unsigned long long x = (unsigned long long)ts.tv_nsec ^
			       ((unsigned long long)getpid() << 20) ^ (++seq * 0x9E3779B97F4A7C15ull);
	char suf[7];
	for (int i = 0; i < 6; i++, x /= 62)
		suf[i] = set[x % 62];
	suf[6] = '\0';
	snprintf(tmp, sz, "%s.tmp.%s", target, suf);
}

/* An unnamed file in target's directory (O_TMPFILE): a kill before it
 * is complete leaves nothing. -1 where the filesystem lacks it. */
static int open_unnamed(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir = slash ? strndup(target, (size_t)(slash - target) + 1) : strdup(".");
	int fd = dir ? open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600) : -1;
	free(dir);
	return fd;
}

static int open_named(const char *target, char *tmp, size_t sz)
{
	for (int tries = 0; tries < 100; tries++) {
		tmp_name(tmp, sz, target);
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

/* Gives the complete unnamed file fd its name: directly if there is no
 * old file, else under a temporary name renamed over the old one (the
 * rename is what keeps readers from ever seeing no file). */
static int link_unnamed(int fd, const char *target, char *tmp, size_t sz)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	for (int tries = 0; errno == EEXIST && tries < 100; tries++) {
		tmp_name(tmp, sz, target);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
			return rename(tmp, target);
	}
	tmp[0] = '\0';
	return -1;
}

static int fill(int fd, const void *data, size_t len)
{
	return flock(fd, LOCK_EX) || fchmod(fd, 0644) || write_all(fd, data, len) ||
	       fsync(fd) ? -1 : 0;
}

/* Writes the file; tmp holds the temporary name that may need removing
 * ("" if none). */
static int write_file(const char *target, const void *data, size_t len,
		      char *tmp, size_t sz)
{
	bool proc = access("/proc/self/fd", X_OK) == 0;
	int fd = proc ? open_unnamed(target) : -1, rc;

	tmp[0] = '\0';
	if (fd >= 0) {
		rc = fill(fd, data, len) || link_unnamed(fd, target, tmp, sz) ? -1 : 0;
	} else {
		if ((fd = open_named(target, tmp, sz)) < 0) {
			tmp[0] = '\0';
			return -1;
		}
		rc = fill(fd, data, len) || rename(tmp, target) ? -1 : 0;
	}
	if (rc == 0)
		tmp[0] = '\0';
	int err = errno;
	/* close last: it releases the lock that marks the temp file live */
	if (close(fd) && rc == 0)
		return -1;
	errno = err;
	return rc;
}

int brief_write_atomic(const char *path, const void *data, size_t len,
		       brief_diag *d)
{
	char *target = write_target(path), *tmp = NULL;
	made_dirs made = { 0, 0 };
	size_t sz = 0;
	int rc = -1, kind = target ? check_target(target) : -1;

	if (kind > 0) {
		brief_error(d, path, "not a regular file: not replaced");
		free(target);
		return -1;
	}
	if (kind < 0)
		goto out;
	sz = strlen(target) + 16;
	if (!(tmp = malloc(sz)))
		goto out;
	tmp[0] = '\0';
	if (make_parent(target, &made) == 0) {
		remove_stale(target);
		rc = write_file(target, data, len, tmp, sz);
	}
	if (rc) {
		int err = errno;
		if (tmp[0])
			unlink(tmp);
		unmake_parent(target, &made);
		errno = err;
	}
out:
	if (rc)
		brief_error(d, path, "cannot write: %s", strerror(errno));
	free(target);
	free(tmp);
	return rc;
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
