/*
 * io_source.c - reads a scenario folder into memory, provides the built-in
 * example, writes a source back out, and hashes it.
 */
#include "io_source.h"

#include "core/mu_alloc.h"
#include "core/mu_sha256.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Defined in the files CMake generates from io/example/ *.csv and
 * io/example-summer/ *.csv (io/embed_example.cmake). */
struct io_embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct io_embedded_file io_example_files[];
extern const size_t io_example_n_files;
extern const struct io_embedded_file io_example_summer_files[];
extern const size_t io_example_summer_n_files;
extern const struct io_embedded_file io_example_flow_files[];
extern const size_t io_example_flow_n_files;

static int cmp_files(const void *a, const void *b)
{
	return strcmp(((const struct io_file *)a)->name, ((const struct io_file *)b)->name);
}

static bool ends_with_csv(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

/* A spreadsheet's own file (what a user edits a scenario in) rather than
 * CSV; the lock files Excel and LibreOffice keep beside an open one are not. */
static bool is_spreadsheet(const char *name)
{
	static const char *const ext[] = {".xlsx", ".xlsm", ".xls", ".ods", ".numbers"};
	size_t n = strlen(name), i;
	if (name[0] == '~' || strncmp(name, ".~lock", 6) == 0)
		return false;
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		size_t e = strlen(ext[i]);
		if (n > e && strcasecmp(name + n - e, ext[i]) == 0)
			return true;
	}
	return false;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_not_regular(const void *a, const void *b)
{
	return strcmp(((const struct io_not_regular *)a)->name,
	              ((const struct io_not_regular *)b)->name);
}

const char *io_source_not_regular_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return NULL;
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a file";
}

/* Reads the file at path into f. When it is not a regular file, *what says
 * what it is and f is untouched. The stat before the open keeps a device or
 * a FIFO from being opened at all; should one be put in the file's place
 * between the two, O_NONBLOCK keeps the open from blocking and the fstat
 * keeps it from being read. */
static enum mu_code read_file(const char *path, const char *name, struct io_file *f,
                              const char **what, struct mu_err *err)
{
	FILE *fp = NULL;
	struct stat st;
	size_t got;
	int fd = -1;
	enum mu_code rc = MU_OK;
	*what = NULL;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT)
			return mu_err_set_at(err, MU_E_IO, name, 0, 0, NULL, "cannot open: %s",
			                     strerror(errno));
		*what = "a link to nothing"; /* readdir listed it: a dangling link */
		return MU_OK;
	}
	if ((*what = io_source_not_regular_kind(st.st_mode)) != NULL)
		return MU_OK;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return mu_err_set_at(err, MU_E_IO, name, 0, 0, NULL, "cannot open: %s",
		                     strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = mu_err_set_at(err, MU_E_IO, name, 0, 0, NULL, "cannot stat: %s",
		                   strerror(errno));
		goto done;
	}
	if ((*what = io_source_not_regular_kind(st.st_mode)) != NULL)
		goto done;
	if ((unsigned long long)st.st_size > IO_SOURCE_FILE_MAX) {
		rc = mu_err_set_at(err, MU_E_INPUT, name, 0, 0, NULL,
		                   "file too large (%lld bytes, at most %lu)",
		                   (long long)st.st_size, IO_SOURCE_FILE_MAX);
		goto done;
	}
	if (!(fp = fdopen(fd, "rb"))) {
		rc = mu_err_set_at(err, MU_E_IO, name, 0, 0, NULL, "cannot read: %s",
		                   strerror(errno));
		goto done;
	}
	fd = -1; /* fp owns it now */
	f->data = mu_malloc((size_t)st.st_size + 1);
	got = fread(f->data, 1, (size_t)st.st_size, fp);
	if (ferror(fp)) {
		free(f->data);
		f->data = NULL;
		rc = mu_err_set_at(err, MU_E_IO, name, 0, 0, NULL, "read error");
		goto done;
	}
	f->data[got] = '\0';
	f->len = got;
	f->name = mu_strdup(name);
done:
	if (fp)
		fclose(fp);
	if (fd >= 0)
		close(fd);
	return rc;
}

enum mu_code io_source_read_dir(const char *dir, struct io_source **out, struct mu_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct io_source *src;
	size_t cap = 0, sheet_cap = 0, odd_cap = 0;
	enum mu_code rc = MU_OK;

	if (!d)
		return mu_err_set(err, errno == ENOENT || errno == ENOTDIR ? MU_E_INPUT : MU_E_IO,
		                  "%s: cannot open scenario folder: %s", dir, strerror(errno));
	src = mu_calloc(1, sizeof(*src));
	src->label = mu_strdup(dir);
	while ((de = readdir(d)) != NULL) {
		char *path;
		const char *what;
		if (is_spreadsheet(de->d_name)) {
			MU_GROW(src->spreadsheets, sheet_cap, src->n_spreadsheets + 1);
			src->spreadsheets[src->n_spreadsheets++] = mu_strdup(de->d_name);
			continue;
		}
		if (!ends_with_csv(de->d_name))
			continue;
		/* never read: not the scenario's, and it may be large (§3e) */
		if (strcmp(de->d_name, IO_SOURCE_HISTORY) == 0) {
			src->has_history = true;
			continue;
		}
		path = mu_malloc(strlen(dir) + strlen(de->d_name) + 2);
		sprintf(path, "%s/%s", dir, de->d_name);
		MU_GROW(src->files, cap, src->n_files + 1);
		rc = read_file(path, de->d_name, &src->files[src->n_files], &what, err);
		free(path);
		if (rc != MU_OK)
			break;
		if (what) {
			MU_GROW(src->not_regular, odd_cap, src->n_not_regular + 1);
			src->not_regular[src->n_not_regular].name = mu_strdup(de->d_name);
			src->not_regular[src->n_not_regular++].what = what;
			continue;
		}
		src->n_files++;
	}
	closedir(d);
	if (rc != MU_OK) {
		io_source_free(src);
		return rc;
	}
	qsort(src->files, src->n_files, sizeof(*src->files), cmp_files);
	if (src->n_spreadsheets > 0)
		qsort(src->spreadsheets, src->n_spreadsheets, sizeof(char *), cmp_names);
	if (src->n_not_regular > 0)
		qsort(src->not_regular, src->n_not_regular, sizeof(*src->not_regular),
		      cmp_not_regular);
	*out = src;
	return MU_OK;
}

static struct io_source *source_embedded(const char *label, const struct io_embedded_file *files,
                                         size_t n_files)
{
	struct io_source *src = mu_calloc(1, sizeof(*src));
	size_t i;
	src->label = mu_strdup(label);
	src->files = mu_calloc(n_files, sizeof(*src->files));
	for (i = 0; i < n_files; i++) {
		struct io_file *f = &src->files[src->n_files];
		/* kept apart, as a folder's is: not the scenario's (§3e) */
		if (strcmp(files[i].name, IO_SOURCE_HISTORY) == 0) {
			src->has_history = true;
			src->history = files[i].data;
			src->history_len = files[i].len;
			continue;
		}
		f->name = mu_strdup(files[i].name);
		f->len = files[i].len;
		f->data = mu_malloc(f->len + 1);
		memcpy(f->data, files[i].data, f->len);
		f->data[f->len] = '\0';
		src->n_files++;
	}
	qsort(src->files, src->n_files, sizeof(*src->files), cmp_files);
	return src;
}

struct io_source *io_source_example(void)
{
	return source_embedded("(built-in example)", io_example_files, io_example_n_files);
}

struct io_source *io_source_example_summer(void)
{
	return source_embedded("(built-in example, summer week)", io_example_summer_files,
	                       io_example_summer_n_files);
}

void io_source_add_example_flow(struct io_source *src)
{
	size_t i;
	src->files =
	    mu_realloc(src->files, (src->n_files + io_example_flow_n_files) * sizeof(*src->files));
	for (i = 0; i < io_example_flow_n_files; i++) {
		struct io_file *f = &src->files[src->n_files++];
		memset(f, 0, sizeof(*f));
		f->name = mu_strdup(io_example_flow_files[i].name);
		f->len = io_example_flow_files[i].len;
		f->data = mu_malloc(f->len + 1);
		memcpy(f->data, io_example_flow_files[i].data, f->len);
		f->data[f->len] = '\0';
	}
	qsort(src->files, src->n_files, sizeof(*src->files), cmp_files);
}

/* Writes len bytes of data to dir/name, never over an existing file. */
static enum mu_code write_new(const char *dir, const char *name, const void *data, size_t len,
                              struct mu_err *err)
{
	char *path = mu_malloc(strlen(dir) + strlen(name) + 2);
	enum mu_code rc = MU_OK;
	FILE *fp;
	sprintf(path, "%s/%s", dir, name);
	/* "x": never overwrite a scenario someone has edited. */
	fp = fopen(path, "wbx");
	if (!fp) {
		rc = errno == EEXIST ? MU_E_USAGE : MU_E_IO;
		mu_err_set(err, rc, "%s: cannot create: %s", path, strerror(errno));
	} else {
		bool is_written = fwrite(data, 1, len, fp) == len;
		if (fclose(fp) != 0 || !is_written)
			rc = mu_err_set(err, MU_E_IO, "%s: write failed", path);
	}
	free(path);
	return rc;
}

enum mu_code io_source_write_dir(const struct io_source *src, const char *dir, struct mu_err *err)
{
	enum mu_code rc;
	size_t i;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return mu_err_set(err, MU_E_IO, "%s: cannot create folder: %s", dir,
		                  strerror(errno));
	for (i = 0; i < src->n_files; i++)
		if ((rc = write_new(dir, src->files[i].name, src->files[i].data, src->files[i].len,
		                    err)) != MU_OK)
			return rc;
	if (src->history)
		return write_new(dir, IO_SOURCE_HISTORY, src->history, src->history_len, err);
	return MU_OK;
}

void io_source_hash(const struct io_source *src, char hex[65])
{
	struct mu_sha256 ctx;
	size_t i;
	mu_sha256_init(&ctx);
	for (i = 0; i < src->n_files; i++) {
		char len_text[32];
		const struct io_file *f = &src->files[i];
		/* name NUL length NUL bytes: no two different sources collide by
		 * shifting bytes between files. */
		mu_sha256_update(&ctx, f->name, strlen(f->name) + 1);
		snprintf(len_text, sizeof(len_text), "%zu", f->len);
		mu_sha256_update(&ctx, len_text, strlen(len_text) + 1);
		mu_sha256_update(&ctx, f->data, f->len);
	}
	mu_sha256_final_hex(&ctx, hex);
}

const struct io_file *io_source_find(const struct io_source *src, const char *name)
{
	size_t i;
	for (i = 0; i < src->n_files; i++)
		if (strcmp(src->files[i].name, name) == 0)
			return &src->files[i];
	return NULL;
}

void io_source_free(struct io_source *src)
{
	size_t i;
	if (!src)
		return;
	for (i = 0; i < src->n_files; i++) {
		free(src->files[i].name);
		free(src->files[i].data);
	}
	free(src->files);
	for (i = 0; i < src->n_spreadsheets; i++)
		free(src->spreadsheets[i]);
	free(src->spreadsheets);
	for (i = 0; i < src->n_not_regular; i++)
		free(src->not_regular[i].name);
	free(src->not_regular);
	free(src->label);
	free(src);
}
