/*
 * io_store.c - the store's connection: io_store_open and io_store_close,
 * what a new, read-only or foreign file allows, WAL and the busy wait.
 * Owns the sqlite3 connection and the path (io_store_int.h lists the
 * store's parts).
 */
#include "io_store_int.h"

#include "core/mu_alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 60000

static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* The busy handler: waits up to BUSY_TIMEOUT_MS for another writer, and
 * stops waiting at once on an interrupt (Ctrl-C must not wait a minute). */
static int on_busy(void *ctx, int n_calls)
{
	static const struct timespec pause = {0, 5 * 1000 * 1000};
	struct io_store *st = ctx;
	if (n_calls == 0)
		st->busy_since = seconds_now();
	if (io_store_is_stopped(st) || (seconds_now() - st->busy_since) * 1000 >= BUSY_TIMEOUT_MS)
		return 0;
	nanosleep(&pause, NULL);
	return 1;
}

/* Switches the database to WAL (a setting kept in the file, so only the
 * first opener of a new database changes it). The switch needs an exclusive
 * lock and SQLite does not wait on the busy handler for it; when two
 * processes open a new database at once, one sees "locked", or an I/O error
 * as the other's WAL file comes and goes. Those are retried until the busy
 * timeout has passed. */
static enum mu_code set_wal(struct io_store *st, struct mu_err *err)
{
	const struct timespec pause = {0, 5 * 1000 * 1000};
	int waited_ms = 0;
	for (;;) {
		sqlite3_stmt *stmt;
		int r, base;
		if (io_store_prepare(st, "PRAGMA journal_mode = WAL", &stmt, err) != MU_OK)
			return MU_E_DB;
		r = io_store_step(st, stmt);
		if (r == SQLITE_ROW) {
			const unsigned char *mode = sqlite3_column_text(stmt, 0);
			bool is_wal = mode && strcmp((const char *)mode, "wal") == 0;
			sqlite3_finalize(stmt);
			if (!is_wal)
				return mu_err_set(err, MU_E_DB,
				                  "%s: cannot switch to WAL journaling", st->path);
			return MU_OK;
		}
		base = r & 0xFF;
		sqlite3_finalize(stmt);
		if ((base != SQLITE_BUSY && base != SQLITE_LOCKED && base != SQLITE_IOERR) ||
		    st->is_fault || io_store_is_stopped(st) || waited_ms >= BUSY_TIMEOUT_MS)
			return io_store_write_error(st, err, "set WAL journaling");
		nanosleep(&pause, NULL);
		waited_ms += 5;
	}
}

/* Opens st->path for writing: creates the file if need be, refuses another
 * program's database, read-only files and unknown schemas, switches to WAL
 * with synchronous = FULL (a commit is on disk before it is reported, so a
 * recorded run survives a power cut) and migrates. On failure the
 * connection is closed again. */
enum mu_code io_store_connect_for_writing(struct io_store *st, struct mu_err *err)
{
	struct io_store_identity id;
	enum mu_code rc;
	if (st->db)
		return MU_OK;
	if (io_store_is_fault(st) ||
	    sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	        SQLITE_OK) {
		rc = io_store_db_error(st, err, "cannot open database");
		goto fail;
	}
	sqlite3_busy_handler(st->db, on_busy, st);
	sqlite3_extended_result_codes(st->db, 1);
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		rc = mu_err_set(err, MU_E_DB, "%s: the database is read-only: cannot record a run",
		                st->path);
		goto fail;
	}
	/* identity first: another program's file is neither switched to WAL
	 * nor given muster's tables */
	if ((rc = io_store_identify(st, &id, err)) != MU_OK ||
	    (rc = io_store_check_identity(st, &id, err)) != MU_OK ||
	    (rc = set_wal(st, err)) != MU_OK ||
	    (rc = io_store_exec(st, "PRAGMA foreign_keys = ON", err)) != MU_OK ||
	    (rc = io_store_exec(st, "PRAGMA synchronous = FULL", err)) != MU_OK ||
	    (rc = io_store_migrate(st, err)) != MU_OK)
		goto fail;
	return MU_OK;
fail:
	sqlite3_close(st->db);
	st->db = NULL;
	return rc;
}

/* The folder path is in ("." for a bare name), as a new string. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	if (!slash)
		return mu_strdup(".");
	if (slash == path)
		return mu_strdup("/");
	dir = mu_malloc((size_t)(slash - path) + 1);
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = '\0';
	return dir;
}

/* For a database that does not exist yet: can it be made? */
static enum mu_code check_creatable(const char *path, struct mu_err *err)
{
	char *dir = folder_of(path);
	struct stat sb;
	enum mu_code rc = MU_OK;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		rc = mu_err_set(err, MU_E_DB, "%s: cannot create the database: no folder '%s'",
		                path, dir);
	else if (access(dir, W_OK | X_OK) != 0)
		rc = mu_err_set(err, MU_E_DB, "%s: cannot create the database in '%s': %s", path,
		                dir, strerror(errno));
	free(dir);
	return rc;
}

/* True when the -wal file beside path is absent or empty: then the main
 * file holds every committed transaction. */
static bool is_wal_empty(const char *path)
{
	char *wal = mu_malloc(strlen(path) + sizeof("-wal"));
	struct stat sb;
	bool is_empty;
	sprintf(wal, "%s-wal", path);
	is_empty = stat(wal, &sb) != 0 ? errno == ENOENT : sb.st_size == 0;
	free(wal);
	return is_empty;
}

/* path as a "file:" URI that opens it immutable: read with no locks and no
 * -wal or -shm file, which is what a file that cannot be written allows. */
static char *immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = mu_malloc(3 * strlen(path) + sizeof("file:?immutable=1"));
	char *w = uri + sprintf(uri, "file:");
	const unsigned char *c;
	for (c = (const unsigned char *)path; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("/._-~", *c)) {
			*w++ = (char)*c;
		} else {
			*w++ = '%';
			*w++ = hex[*c >> 4];
			*w++ = hex[*c & 15];
		}
	}
	strcpy(w, "?immutable=1");
	return uri;
}

/* Opens st->path read-only and reads what it is. A read-only connection
 * still makes -wal and -shm files and fails when it cannot (a read-only
 * folder or file, a full disk); then, when the WAL holds nothing, the file
 * is read as immutable instead. */
static enum mu_code connect_for_reading(struct io_store *st, struct io_store_identity *id,
                                        struct mu_err *err)
{
	char *dir = folder_of(st->path);
	bool is_writable = access(st->path, W_OK) == 0 && access(dir, W_OK | X_OK) == 0;
	int attempt;
	enum mu_code rc = MU_E_DB;
	free(dir);
	for (attempt = is_writable ? 0 : 1; attempt < 2; attempt++) {
		bool is_immutable = attempt == 1;
		char *uri = is_immutable ? immutable_uri(st->path) : NULL;
		struct mu_err first;
		if (is_immutable && !is_wal_empty(st->path)) {
			free(uri);
			break;
		}
		mu_err_clear(&first);
		if (io_store_is_fault(st) ||
		    sqlite3_open_v2(is_immutable ? uri : st->path, &st->db,
		                    SQLITE_OPEN_READONLY | (is_immutable ? SQLITE_OPEN_URI : 0),
		                    NULL) != SQLITE_OK)
			rc = io_store_db_error(st, &first, "cannot open database");
		else {
			sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
			sqlite3_extended_result_codes(st->db, 1);
			rc = io_store_identify(st, id, &first);
		}
		free(uri);
		if (rc == MU_OK)
			return MU_OK;
		if (attempt == 1 || !is_wal_empty(st->path)) {
			mu_err_set(err, first.code, "%s", first.msg);
			return rc;
		}
		sqlite3_close(st->db);
		st->db = NULL;
	}
	return mu_err_set(err, MU_E_DB,
	                  "%s: cannot read the database: it is not writable and its -wal file"
	                  " holds transactions this user cannot read without writing",
	                  st->path);
}

/* Opens for runs and show: never writes a current database. One written by
 * an older muster is migrated when it can be written (what any command did
 * before), else refused with the reason. */
static enum mu_code open_for_reading(struct io_store *st, struct mu_err *err)
{
	struct io_store_identity id;
	enum mu_code rc;
	if ((rc = connect_for_reading(st, &id, err)) != MU_OK ||
	    (rc = io_store_check_identity(st, &id, err)) != MU_OK)
		return rc;
	if (id.kind == IO_STORE_EMPTY)
		return mu_err_set(err, MU_E_USAGE, "%s: no run recorded yet (an empty database)",
		                  st->path);
	if (id.version == IO_STORE_SCHEMA_VERSION)
		return MU_OK;
	sqlite3_close(st->db);
	st->db = NULL;
	if (access(st->path, W_OK) != 0)
		return mu_err_set(
		    err, MU_E_DB,
		    "%s: written by an older muster (schema %ld of %d) and read-only here:"
		    " record one run in it where it can be written to bring it up to date",
		    st->path, id.version, IO_STORE_SCHEMA_VERSION);
	return io_store_connect_for_writing(st, err);
}

enum mu_code io_store_open(const char *path, bool is_write, struct io_store **out,
                           struct mu_err *err)
{
	struct io_store *st;
	struct stat sb;
	enum mu_code rc;
	bool exists = stat(path, &sb) == 0;

	if (exists && S_ISDIR(sb.st_mode))
		return mu_err_set(err, MU_E_USAGE, "%s: is a folder, not a database file", path);
	if (!exists && !is_write)
		return mu_err_set(err, MU_E_USAGE, "%s: no such database (no run recorded yet?)",
		                  path);
	if (!exists) {
		if ((rc = check_creatable(path, err)) != MU_OK)
			return rc;
	}
	st = mu_calloc(1, sizeof(*st));
	st->path = mu_strdup(path);
	if (is_write && exists)
		rc = io_store_connect_for_writing(st, err);
	else if (!is_write)
		rc = open_for_reading(st, err);
	else
		rc = MU_OK; /* created at the first write */
	if (rc != MU_OK) {
		io_store_close(st);
		return rc;
	}
	*out = st;
	return MU_OK;
}

void io_store_close(struct io_store *st)
{
	if (!st)
		return;
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *io_store_path(const struct io_store *st)
{
	return st->path;
}
