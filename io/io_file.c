/*
 * io_file.c - output files written whole or not at all: a temporary file
 * beside the final name (created with O_EXCL and O_NOFOLLOW, so never
 * through a link an attacker planted), synced, then renamed over the final
 * name. rename() replaces a symbolic link itself, not what it points to.
 * A crash in between leaves the previous file and a hidden .NAME.*.tmp.
 */
#include "io_file.h"

#include "core/mu_alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary names tried before giving up (each taken one is another
 * process's, or a crashed run's leftover). */
#define TMP_TRIES 100

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir of one folder; an existing folder is fine. */
static enum mu_code make_one_dir(const char *part, struct mu_err *err)
{
	if (mkdir(part, 0777) == 0)
		return MU_OK;
	if (errno == EEXIST) {
		if (is_dir(part))
			return MU_OK;
		errno = ENOTDIR;
	}
	return mu_err_set(err, MU_E_IO, "cannot create the folder %s: %s", part, strerror(errno));
}

enum mu_code io_file_make_dir(const char *dir, struct mu_err *err)
{
	char *part;
	size_t i, n = strlen(dir);
	enum mu_code rc = MU_OK;
	if (n == 0)
		return mu_err_set(err, MU_E_IO, "cannot create a folder with an empty name");
	if (is_dir(dir))
		return MU_OK;
	part = mu_strndup(dir, n);
	/* every prefix that ends before a '/', then the whole */
	for (i = 1; i <= n && rc == MU_OK; i++) {
		if (i < n && (dir[i] != '/' || dir[i - 1] == '/'))
			continue;
		part[i] = '\0';
		rc = make_one_dir(part, err);
		if (i < n)
			part[i] = '/';
	}
	free(part);
	return rc;
}

enum mu_code io_file_check_dir(const char *dir, struct mu_err *err)
{
	struct io_file_out probe;
	struct mu_err why;
	enum mu_code rc = io_file_make_dir(dir, err);
	if (rc != MU_OK)
		return rc;
	mu_err_clear(&why);
	if (io_file_open(&probe, dir, ".muster-write-test", &why) != MU_OK)
		return mu_err_set(err, MU_E_IO, "cannot write in the folder %s: %s", dir,
		                  strerror(errno));
	io_file_discard(&probe);
	return MU_OK;
}

enum mu_code io_file_open(struct io_file_out *f, const char *dir, const char *name,
                          struct mu_err *err)
{
	size_t size = strlen(dir) + strlen(name) + 64;
	int fd = -1, k;
	enum mu_code rc;
	memset(f, 0, sizeof(*f));
	if ((rc = io_file_make_dir(dir, err)) != MU_OK)
		return rc;
	f->path = mu_malloc(size);
	f->tmp = mu_malloc(size);
	snprintf(f->path, size, "%s/%s", dir, name);
	for (k = 0; k < TMP_TRIES && fd < 0; k++) {
		snprintf(f->tmp, size, "%s/.%s.%ld.%d.tmp", dir, name, (long)getpid(), k);
		fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0 || !(f->fp = fdopen(fd, "w"))) {
		int why = errno; /* kept for io_file_check_dir */
		rc = mu_err_set(err, MU_E_IO, "%s: cannot write: %s", f->path, strerror(why));
		if (fd >= 0) {
			close(fd);
			unlink(f->tmp);
		}
		free(f->path);
		free(f->tmp);
		memset(f, 0, sizeof(*f));
		errno = why;
		return rc;
	}
	return MU_OK;
}

enum mu_code io_file_close(struct io_file_out *f, struct mu_err *err)
{
	enum mu_code rc = MU_OK;
	bool is_written;
	if (!f->fp)
		return MU_OK;
	/* a failed fprintf leaves the stream's error flag; fflush reports the
	 * rest, fsync what the disk said */
	is_written = fflush(f->fp) == 0 && !ferror(f->fp) && fsync(fileno(f->fp)) == 0;
	if (!is_written)
		rc = mu_err_set(err, MU_E_IO, "%s: cannot write: %s", f->path,
		                errno ? strerror(errno) : "write failed");
	if (fclose(f->fp) != 0 && rc == MU_OK)
		rc = mu_err_set(err, MU_E_IO, "%s: cannot write: %s", f->path, strerror(errno));
	f->fp = NULL;
	if (rc == MU_OK && rename(f->tmp, f->path) != 0)
		rc = mu_err_set(err, MU_E_IO, "%s: cannot write: %s", f->path, strerror(errno));
	if (rc != MU_OK)
		unlink(f->tmp);
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
	return rc;
}

void io_file_discard(struct io_file_out *f)
{
	if (!f->fp)
		return;
	fclose(f->fp);
	unlink(f->tmp);
	free(f->path);
	free(f->tmp);
	memset(f, 0, sizeof(*f));
}

enum mu_code io_file_write(const char *dir, const char *name, const char *data, size_t len,
                           struct mu_err *err)
{
	struct io_file_out f;
	enum mu_code rc = io_file_open(&f, dir, name, err);
	if (rc != MU_OK)
		return rc;
	fwrite(data, 1, len, f.fp);
	return io_file_close(&f, err);
}
