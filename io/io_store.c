/*
 * io_store.c - the SQLite run history. Prepared statements only; every
 * sqlite3_step result is checked; each write is one BEGIN IMMEDIATE
 * transaction, so concurrent writers queue on the busy timeout instead of
 * failing on a lock upgrade. A store opened for writing creates its file at
 * the first write, so that a command that fails records nothing and leaves
 * no database behind; one opened for reading never writes.
 */
#include "io_store.h"

#include "core/mu_alloc.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 60000

/* PRAGMA application_id of a muster database ("MUST"): what tells it from
 * another program's SQLite file. */
#define MUSTER_APPLICATION_ID 0x4D555354

struct io_store {
	sqlite3 *db; /* NULL: a store for writing whose connection is not open yet */
	char *path;
	const volatile sig_atomic_t *stop; /* see io_store_set_stop; may be NULL */
	long fault_at, n_calls;            /* see io_store_fail_call */
	bool is_fault;                     /* the last failed call was injected */
	double busy_since;                 /* when the busy handler began to wait */
};

/* Migrations: migrations[i] takes the schema from version i to i + 1. A
 * new schema version appends one entry; old entries never change. */
static const char *const migrations[] = {
    /* 0 -> 1 */
    "CREATE TABLE scenarios ("
    "  id INTEGER PRIMARY KEY,"
    "  hash TEXT NOT NULL UNIQUE,"
    "  label TEXT NOT NULL,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE TABLE scenario_files ("
    "  scenario_id INTEGER NOT NULL REFERENCES scenarios(id),"
    "  name TEXT NOT NULL,"
    "  content BLOB NOT NULL,"
    "  PRIMARY KEY (scenario_id, name));"
    "CREATE TABLE runs ("
    "  id INTEGER PRIMARY KEY,"
    "  scenario_id INTEGER NOT NULL REFERENCES scenarios(id),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  command TEXT NOT NULL, mode TEXT NOT NULL, is_silo INTEGER NOT NULL,"
    "  status TEXT NOT NULL, objective REAL, best_bound REAL, gap REAL,"
    "  time_read REAL NOT NULL, time_build REAL NOT NULL, time_solve REAL NOT NULL,"
    "  time_total REAL NOT NULL,"
    "  n_rows INTEGER NOT NULL, n_cols INTEGER NOT NULL, n_nonzeros INTEGER NOT NULL,"
    "  version TEXT NOT NULL);"
    "CREATE TABLE run_settings ("
    "  run_id INTEGER NOT NULL REFERENCES runs(id),"
    "  key TEXT NOT NULL, value TEXT NOT NULL,"
    "  PRIMARY KEY (run_id, key));"
    "CREATE TABLE run_kpis ("
    "  run_id INTEGER NOT NULL REFERENCES runs(id),"
    "  scope TEXT NOT NULL, name TEXT NOT NULL, value REAL,"
    "  PRIMARY KEY (run_id, scope, name));"
    "CREATE TABLE plan_rows ("
    "  run_id INTEGER NOT NULL REFERENCES runs(id),"
    "  seq INTEGER NOT NULL,"
    "  source TEXT NOT NULL, partner TEXT NOT NULL, role TEXT NOT NULL,"
    "  worker_role TEXT NOT NULL, shift TEXT NOT NULL, home TEXT NOT NULL,"
    "  worker TEXT NOT NULL, offer TEXT NOT NULL,"
    "  staff REAL NOT NULL, hours REAL NOT NULL, cost REAL NOT NULL, recharge REAL NOT NULL,"
    "  PRIMARY KEY (run_id, seq));",
    /* 1 -> 2: sweeps, and the values a sweep's run was solved at */
    "CREATE TABLE sweeps ("
    "  id INTEGER PRIMARY KEY,"
    "  scenario_id INTEGER NOT NULL REFERENCES scenarios(id),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  mode TEXT NOT NULL, is_silo INTEGER NOT NULL, vary TEXT NOT NULL);"
    "ALTER TABLE runs ADD COLUMN sweep_id INTEGER REFERENCES sweeps(id);"
    "CREATE TABLE run_vary ("
    "  run_id INTEGER NOT NULL REFERENCES runs(id),"
    "  name TEXT NOT NULL, value REAL NOT NULL,"
    "  PRIMARY KEY (run_id, name));",
    /* 2 -> 3: the folder each run was made from; a scenario is stored once by
     * content, and its label is the folder of the first run of it */
    "ALTER TABLE runs ADD COLUMN folder TEXT;",
    /* 3 -> 4: sweeps spread over processes (`--shard I/N`) and merged. A run
     * keeps its point's index in the whole sweep, so that merge can put the
     * shards' points back in order; a sweep says how many points the whole
     * sweep has, which part of it it is ("I/N", NULL: all of it) and the
     * key that tells the shards of one sweep (see io_store_merge) */
    "ALTER TABLE runs ADD COLUMN point INTEGER;"
    "ALTER TABLE sweeps ADD COLUMN n_points INTEGER;"
    "ALTER TABLE sweeps ADD COLUMN shard TEXT;"
    "ALTER TABLE sweeps ADD COLUMN shard_key TEXT;",
    /* 4 -> 5: the value of each coalition of a scenario's game (DESIGN.md
     * §3a: its plan-mode cost), recorded by `shares --shard I/N`, so that
     * the shards' values, merged, give the shares without a solve. The
     * coalition is its bitmask (bit i: partner i in partners.csv order),
     * as a signed 64-bit integer */
    "CREATE TABLE coalition_values ("
    "  scenario_id INTEGER NOT NULL REFERENCES scenarios(id),"
    "  coalition INTEGER NOT NULL,"
    "  cost REAL NOT NULL,"
    "  PRIMARY KEY (scenario_id, coalition));",
};
#define N_MIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))

/* True when this SQLite call is the one io_store_fail_call asked to fail. */
static bool is_fault(struct io_store *st)
{
	if (st->fault_at <= 0 || ++st->n_calls != st->fault_at)
		return false;
	st->is_fault = true;
	return true;
}

static bool is_stopped(const struct io_store *st)
{
	return st->stop && *st->stop;
}

static enum mu_code db_error(struct io_store *st, struct mu_err *err, const char *what)
{
	const char *why = st->is_fault ? "injected fault" : st->db ? sqlite3_errmsg(st->db) : "";
	st->is_fault = false;
	return mu_err_set(err, MU_E_DB, "%s: %s: %s", st->path, what, why[0] ? why : "failed");
}

/* The failure of a write: an interrupt (a busy wait given up on Ctrl-C) says
 * so rather than "database is locked". */
static enum mu_code write_error(struct io_store *st, struct mu_err *err, const char *what)
{
	if (is_stopped(st)) {
		st->is_fault = false;
		return mu_err_set(err, MU_E_DB, "%s: interrupted; nothing was recorded", st->path);
	}
	return db_error(st, err, what);
}

/* Runs SQL without results (pragmas, BEGIN, COMMIT, DDL). */
static enum mu_code exec(struct io_store *st, const char *sql, struct mu_err *err)
{
	char *msg = NULL;
	if (is_fault(st))
		return write_error(st, err, sql);
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		if (is_stopped(st))
			mu_err_set(err, MU_E_DB, "%s: interrupted; nothing was recorded", st->path);
		else
			mu_err_set(err, MU_E_DB, "%s: %s", st->path,
			           msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return MU_E_DB;
	}
	return MU_OK;
}

static enum mu_code prepare(struct io_store *st, const char *sql, sqlite3_stmt **stmt,
                            struct mu_err *err)
{
	*stmt = NULL;
	if (!st->db) /* a store for writing that has not written yet */
		return mu_err_set(err, MU_E_USAGE, "%s: no run recorded yet", st->path);
	if (is_fault(st) || sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return db_error(st, err, "prepare");
	return MU_OK;
}

/* sqlite3_step, or an injected I/O error. */
static int step(struct io_store *st, sqlite3_stmt *stmt)
{
	return is_fault(st) ? SQLITE_IOERR : sqlite3_step(stmt);
}

/* The one integer a query (a pragma, a count) returns. */
static enum mu_code read_int(struct io_store *st, const char *sql, long *v, struct mu_err *err)
{
	sqlite3_stmt *stmt;
	enum mu_code rc = MU_OK;
	if (prepare(st, sql, &stmt, err) != MU_OK)
		return MU_E_DB;
	if (step(st, stmt) == SQLITE_ROW)
		*v = (long)sqlite3_column_int64(stmt, 0);
	else
		rc = db_error(st, err, sql);
	sqlite3_finalize(stmt);
	return rc;
}

/* What a database file is to muster. */
enum db_kind {
	DB_EMPTY,   /* nothing in it yet: muster may make it its own */
	DB_MUSTER,  /* marked by its application_id, or muster's tables from before the mark */
	DB_FOREIGN, /* another program's: never touched */
};

struct db_identity {
	enum db_kind kind;
	long version;   /* PRAGMA user_version */
	bool is_marked; /* application_id is muster's */
};

/* Reads what the database is, without writing anything. */
static enum mu_code db_identify_now(struct io_store *st, struct db_identity *id,
                                    struct mu_err *err);

/* db_identify_now inside a savepoint: its reads see one snapshot, so that
 * another process's first commit cannot fall between them (a database
 * half made then reads as nobody's). */
static enum mu_code db_identify(struct io_store *st, struct db_identity *id, struct mu_err *err)
{
	enum mu_code rc = exec(st, "SAVEPOINT identify", err);
	if (rc != MU_OK)
		return rc;
	rc = db_identify_now(st, id, err);
	if (rc == MU_OK)
		return exec(st, "RELEASE identify", err);
	sqlite3_exec(st->db, "ROLLBACK TO identify; RELEASE identify", NULL, NULL, NULL);
	return rc;
}

static enum mu_code db_identify_now(struct io_store *st, struct db_identity *id, struct mu_err *err)
{
	long app_id = 0, n_objects = 0, n_tables = 0;
	enum mu_code rc;
	if ((rc = read_int(st, "PRAGMA application_id", &app_id, err)) != MU_OK ||
	    (rc = read_int(st, "PRAGMA user_version", &id->version, err)) != MU_OK ||
	    (rc = read_int(st, "SELECT count(*) FROM sqlite_master", &n_objects, err)) != MU_OK)
		return rc;
	id->is_marked = app_id == MUSTER_APPLICATION_ID;
	if (id->is_marked)
		id->kind = DB_MUSTER;
	else if (app_id != 0)
		id->kind = DB_FOREIGN;
	else if (n_objects == 0 && id->version == 0)
		id->kind = DB_EMPTY;
	else {
		/* written by a muster before databases were marked: schema 1's
		 * tables under a schema version muster knows */
		if ((rc = read_int(
		         st,
		         "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
		         " ('scenarios', 'scenario_files', 'runs', 'run_settings',"
		         " 'run_kpis', 'plan_rows')",
		         &n_tables, err)) != MU_OK)
			return rc;
		id->kind = id->version >= 1 && (size_t)id->version <= N_MIGRATIONS && n_tables == 6
		               ? DB_MUSTER
		               : DB_FOREIGN;
	}
	return MU_OK;
}

/* Refuses a database muster must not use: another program's (exit 2: --db
 * names the wrong file), or a schema version this muster does not know
 * (exit 1: a database problem). */
static enum mu_code db_check(struct io_store *st, const struct db_identity *id, struct mu_err *err)
{
	if (id->kind == DB_FOREIGN)
		return mu_err_set(err, MU_E_USAGE,
		                  "%s: not a muster database (another program's SQLite file);"
		                  " nothing in it was changed",
		                  st->path);
	if (id->kind == DB_MUSTER && id->version < 0)
		return mu_err_set(err, MU_E_DB, "%s: unknown database schema version %ld", st->path,
		                  id->version);
	if (id->kind == DB_MUSTER && (size_t)id->version > N_MIGRATIONS)
		return mu_err_set(
		    err, MU_E_DB,
		    "%s: database schema version %ld is newer than this muster's (%d)", st->path,
		    id->version, IO_STORE_SCHEMA_VERSION);
	return MU_OK;
}

/* True when the database is at this muster's schema and marked. */
static bool is_current(const struct db_identity *id)
{
	return id->kind == DB_MUSTER && id->is_marked && id->version == IO_STORE_SCHEMA_VERSION;
}

/* Brings the schema to IO_STORE_SCHEMA_VERSION and marks the database as
 * muster's, in one transaction; writes nothing when it is current. The
 * identity is read again inside the transaction: another muster may have
 * migrated it meanwhile. */
static enum mu_code migrate(struct io_store *st, struct mu_err *err)
{
	struct db_identity id;
	enum mu_code rc;
	long v;
	char sql[64];

	if ((rc = db_identify(st, &id, err)) != MU_OK || (rc = db_check(st, &id, err)) != MU_OK)
		return rc;
	if (is_current(&id))
		return MU_OK;
	if ((rc = exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = db_identify(st, &id, err)) != MU_OK || (rc = db_check(st, &id, err)) != MU_OK)
		goto rollback;
	for (v = id.version; (size_t)v < N_MIGRATIONS; v++)
		if ((rc = exec(st, migrations[v], err)) != MU_OK)
			goto rollback;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %ld", v);
	if ((rc = exec(st, sql, err)) != MU_OK)
		goto rollback;
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", MUSTER_APPLICATION_ID);
	if ((rc = exec(st, sql, err)) != MU_OK || (rc = exec(st, "COMMIT", err)) != MU_OK)
		goto rollback;
	return MU_OK;
rollback:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

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
	if (is_stopped(st) || (seconds_now() - st->busy_since) * 1000 >= BUSY_TIMEOUT_MS)
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
		if (prepare(st, "PRAGMA journal_mode = WAL", &stmt, err) != MU_OK)
			return MU_E_DB;
		r = step(st, stmt);
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
		    st->is_fault || is_stopped(st) || waited_ms >= BUSY_TIMEOUT_MS)
			return write_error(st, err, "set WAL journaling");
		nanosleep(&pause, NULL);
		waited_ms += 5;
	}
}

/* Opens st->path for writing: creates the file if need be, refuses another
 * program's database, read-only files and unknown schemas, switches to WAL
 * with synchronous = FULL (a commit is on disk before it is reported, so a
 * recorded run survives a power cut) and migrates. On failure the
 * connection is closed again. */
static enum mu_code connect_for_writing(struct io_store *st, struct mu_err *err)
{
	struct db_identity id;
	enum mu_code rc;
	if (st->db)
		return MU_OK;
	if (is_fault(st) ||
	    sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	        SQLITE_OK) {
		rc = db_error(st, err, "cannot open database");
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
	if ((rc = db_identify(st, &id, err)) != MU_OK || (rc = db_check(st, &id, err)) != MU_OK ||
	    (rc = set_wal(st, err)) != MU_OK ||
	    (rc = exec(st, "PRAGMA foreign_keys = ON", err)) != MU_OK ||
	    (rc = exec(st, "PRAGMA synchronous = FULL", err)) != MU_OK ||
	    (rc = migrate(st, err)) != MU_OK)
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
static enum mu_code connect_for_reading(struct io_store *st, struct db_identity *id,
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
		if (is_fault(st) ||
		    sqlite3_open_v2(is_immutable ? uri : st->path, &st->db,
		                    SQLITE_OPEN_READONLY | (is_immutable ? SQLITE_OPEN_URI : 0),
		                    NULL) != SQLITE_OK)
			rc = db_error(st, &first, "cannot open database");
		else {
			sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
			sqlite3_extended_result_codes(st->db, 1);
			rc = db_identify(st, id, &first);
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
	struct db_identity id;
	enum mu_code rc;
	if ((rc = connect_for_reading(st, &id, err)) != MU_OK ||
	    (rc = db_check(st, &id, err)) != MU_OK)
		return rc;
	if (id.kind == DB_EMPTY)
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
	return connect_for_writing(st, err);
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
		rc = connect_for_writing(st, err);
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

void io_store_set_stop(struct io_store *st, const volatile sig_atomic_t *stop)
{
	st->stop = stop;
}

void io_store_fail_call(struct io_store *st, long n)
{
	st->fault_at = n;
	st->n_calls = 0;
	st->is_fault = false;
}

/* COMMIT, unless an interrupt came first: then the caller rolls back and
 * nothing is recorded. An interrupt after this check does not stop the
 * commit; the caller can tell by the flag that the run is recorded. */
static enum mu_code commit(struct io_store *st, struct mu_err *err)
{
	if (is_stopped(st))
		return mu_err_set(err, MU_E_DB, "%s: interrupted; nothing was recorded", st->path);
	return exec(st, "COMMIT", err);
}

static void bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	sqlite3_bind_text(stmt, i, s ? s : "", -1, SQLITE_STATIC);
}

static void bind_text_or_null(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(stmt, i);
}

static void bind_opt(sqlite3_stmt *stmt, int i, bool is_set, double v)
{
	if (is_set)
		sqlite3_bind_double(stmt, i, v);
	else
		sqlite3_bind_null(stmt, i);
}

/* Steps a statement that returns no row, then resets it for reuse. */
static enum mu_code step_done(struct io_store *st, sqlite3_stmt *stmt, const char *what,
                              struct mu_err *err)
{
	int r = step(st, stmt);
	if (r != SQLITE_DONE) {
		enum mu_code rc = db_error(st, err, what);
		sqlite3_reset(stmt);
		return rc;
	}
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return MU_OK;
}

/* The id of the scenario with src's hash, inserting it and its files if new. */
static enum mu_code put_scenario(struct io_store *st, const struct io_source *src, int64_t *id,
                                 struct mu_err *err)
{
	sqlite3_stmt *find = NULL, *ins = NULL, *ins_file = NULL;
	char hash[65];
	enum mu_code rc;
	size_t i;
	int r;

	io_source_hash(src, hash);
	if ((rc = prepare(st, "SELECT id FROM scenarios WHERE hash = ?", &find, err)) != MU_OK)
		goto done;
	bind_text(find, 1, hash);
	r = step(st, find);
	if (r == SQLITE_ROW) {
		*id = sqlite3_column_int64(find, 0);
		goto done;
	}
	if (r != SQLITE_DONE) {
		rc = db_error(st, err, "find scenario");
		goto done;
	}
	if ((rc = prepare(st, "INSERT INTO scenarios (hash, label) VALUES (?, ?)", &ins, err)) !=
	    MU_OK)
		goto done;
	bind_text(ins, 1, hash);
	bind_text(ins, 2, src->label);
	if ((rc = step_done(st, ins, "insert scenario", err)) != MU_OK)
		goto done;
	*id = sqlite3_last_insert_rowid(st->db);
	if ((rc = prepare(
	         st, "INSERT INTO scenario_files (scenario_id, name, content) VALUES (?, ?, ?)",
	         &ins_file, err)) != MU_OK)
		goto done;
	for (i = 0; i < src->n_files; i++) {
		sqlite3_bind_int64(ins_file, 1, *id);
		bind_text(ins_file, 2, src->files[i].name);
		sqlite3_bind_blob64(ins_file, 3, src->files[i].data, src->files[i].len,
		                    SQLITE_STATIC);
		if ((rc = step_done(st, ins_file, "insert scenario file", err)) != MU_OK)
			goto done;
	}
done:
	sqlite3_finalize(find);
	sqlite3_finalize(ins);
	sqlite3_finalize(ins_file);
	return rc;
}

static enum mu_code put_run_rows(struct io_store *st, const struct io_run *run, int64_t id,
                                 struct mu_err *err)
{
	sqlite3_stmt *set = NULL, *kpi = NULL, *plan = NULL;
	enum mu_code rc;
	size_t i;

	if ((rc = prepare(st, "INSERT INTO run_settings (run_id, key, value) VALUES (?, ?, ?)",
	                  &set, err)) != MU_OK ||
	    (rc = prepare(st,
	                  "INSERT INTO run_kpis (run_id, scope, name, value) VALUES (?, ?, ?, ?)",
	                  &kpi, err)) != MU_OK ||
	    (rc = prepare(st,
	                  "INSERT INTO plan_rows (run_id, seq, source, partner, role, worker_role,"
	                  " shift, home, worker, offer, staff, hours, cost, recharge)"
	                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	                  &plan, err)) != MU_OK)
		goto done;
	for (i = 0; i < run->n_settings; i++) {
		sqlite3_bind_int64(set, 1, id);
		bind_text(set, 2, run->settings[i].key);
		bind_text(set, 3, run->settings[i].value);
		if ((rc = step_done(st, set, "insert run setting", err)) != MU_OK)
			goto done;
	}
	for (i = 0; i < run->n_kpis; i++) {
		sqlite3_bind_int64(kpi, 1, id);
		bind_text(kpi, 2, run->kpis[i].scope);
		bind_text(kpi, 3, run->kpis[i].name);
		sqlite3_bind_double(kpi, 4, run->kpis[i].value);
		if ((rc = step_done(st, kpi, "insert run KPI", err)) != MU_OK)
			goto done;
	}
	for (i = 0; i < run->n_plan; i++) {
		const struct mu_plan_row *p = &run->plan[i];
		struct mu_plan_text t;
		mu_plan_row_text(run->sc, p, &t);
		sqlite3_bind_int64(plan, 1, id);
		sqlite3_bind_int64(plan, 2, (sqlite3_int64)i);
		bind_text(plan, 3, t.source);
		bind_text(plan, 4, t.partner);
		bind_text(plan, 5, t.role);
		bind_text(plan, 6, t.worker_role);
		bind_text(plan, 7, t.shift);
		bind_text(plan, 8, t.home);
		bind_text(plan, 9, t.worker);
		bind_text(plan, 10, t.offer);
		sqlite3_bind_double(plan, 11, p->staff);
		sqlite3_bind_double(plan, 12, p->hours);
		sqlite3_bind_double(plan, 13, p->cost);
		sqlite3_bind_double(plan, 14, p->recharge);
		if ((rc = step_done(st, plan, "insert plan row", err)) != MU_OK)
			goto done;
	}
done:
	sqlite3_finalize(set);
	sqlite3_finalize(kpi);
	sqlite3_finalize(plan);
	return rc;
}

static enum mu_code put_vary(struct io_store *st, const struct io_run *run, int64_t id,
                             struct mu_err *err)
{
	sqlite3_stmt *ins = NULL;
	enum mu_code rc = MU_OK;
	size_t i;
	if (run->n_vary == 0)
		return MU_OK;
	if ((rc = prepare(st, "INSERT INTO run_vary (run_id, name, value) VALUES (?, ?, ?)", &ins,
	                  err)) != MU_OK)
		return rc;
	for (i = 0; i < run->n_vary && rc == MU_OK; i++) {
		sqlite3_bind_int64(ins, 1, id);
		bind_text(ins, 2, run->vary[i].name);
		sqlite3_bind_double(ins, 3, run->vary[i].value);
		rc = step_done(st, ins, "insert run value", err);
	}
	sqlite3_finalize(ins);
	return rc;
}

/* Inserts run (of scenario_id, in sweep_id unless 0, as its point unless
 * point < 0) inside the caller's transaction. */
static enum mu_code put_run(struct io_store *st, int64_t scenario_id, int64_t sweep_id, long point,
                            const char *folder, const struct io_run *run, int64_t *id,
                            struct mu_err *err)
{
	sqlite3_stmt *ins = NULL;
	enum mu_code rc;
	if ((rc =
	         prepare(st,
	                 "INSERT INTO runs (scenario_id, command, mode, is_silo, status, objective,"
	                 " best_bound, gap, time_read, time_build, time_solve, time_total, n_rows,"
	                 " n_cols, n_nonzeros, version, sweep_id, folder, point)"
	                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	                 &ins, err)) != MU_OK)
		return rc;
	sqlite3_bind_int64(ins, 1, scenario_id);
	bind_text(ins, 2, run->command);
	bind_text(ins, 3, run->mode);
	sqlite3_bind_int(ins, 4, run->is_silo);
	bind_text(ins, 5, run->status);
	bind_opt(ins, 6, run->has_objective, run->objective);
	bind_opt(ins, 7, run->has_bound, run->best_bound);
	bind_opt(ins, 8, run->has_gap, run->gap);
	sqlite3_bind_double(ins, 9, run->time_read);
	sqlite3_bind_double(ins, 10, run->time_build);
	sqlite3_bind_double(ins, 11, run->time_solve);
	sqlite3_bind_double(ins, 12, run->time_total);
	sqlite3_bind_int64(ins, 13, run->n_rows);
	sqlite3_bind_int64(ins, 14, run->n_cols);
	sqlite3_bind_int64(ins, 15, run->n_nonzeros);
	bind_text(ins, 16, MUSTER_VERSION);
	if (sweep_id)
		sqlite3_bind_int64(ins, 17, sweep_id);
	else
		sqlite3_bind_null(ins, 17);
	bind_text(ins, 18, folder);
	if (point >= 0)
		sqlite3_bind_int64(ins, 19, point);
	else
		sqlite3_bind_null(ins, 19);
	rc = step_done(st, ins, "insert run", err);
	sqlite3_finalize(ins);
	if (rc != MU_OK)
		return rc;
	*id = sqlite3_last_insert_rowid(st->db);
	if ((rc = put_run_rows(st, run, *id, err)) != MU_OK)
		return rc;
	return put_vary(st, run, *id, err);
}

enum mu_code io_store_add_run(struct io_store *st, const struct io_source *src,
                              const struct io_run *run, int64_t *run_id, struct mu_err *err)
{
	int64_t scenario_id = 0, id = 0;
	enum mu_code rc;

	if ((rc = connect_for_writing(st, err)) != MU_OK ||
	    (rc = exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = put_scenario(st, src, &scenario_id, err)) != MU_OK ||
	    (rc = put_run(st, scenario_id, 0, -1, src->label, run, &id, err)) != MU_OK ||
	    (rc = commit(st, err)) != MU_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	if (run_id)
		*run_id = id;
	return MU_OK;
}

/* A sweep whose run i is of scenario srcs[is_per_run ? i : 0] (the
 * sweep's own scenario is srcs[0]'s), in one transaction. */
static enum mu_code add_sweep(struct io_store *st, const struct io_source *const *srcs,
                              bool is_per_run, const struct io_sweep *sweep, int64_t *sweep_id,
                              int64_t *run_ids, struct mu_err *err)
{
	const struct io_source *src = srcs[0];
	sqlite3_stmt *ins = NULL;
	int64_t scenario_id = 0, id = 0, run_id;
	enum mu_code rc;
	size_t i;

	if ((rc = connect_for_writing(st, err)) != MU_OK ||
	    (rc = exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = put_scenario(st, src, &scenario_id, err)) != MU_OK ||
	    (rc = prepare(
	         st,
	         "INSERT INTO sweeps (scenario_id, mode, is_silo, vary, n_points, shard, shard_key)"
	         " VALUES (?, ?, ?, ?, ?, ?, ?)",
	         &ins, err)) != MU_OK)
		goto rollback;
	sqlite3_bind_int64(ins, 1, scenario_id);
	bind_text(ins, 2, sweep->mode);
	sqlite3_bind_int(ins, 3, sweep->is_silo);
	bind_text(ins, 4, sweep->vary);
	sqlite3_bind_int64(ins, 5,
	                   (sqlite3_int64)(sweep->n_points ? sweep->n_points : sweep->n_runs));
	bind_text_or_null(ins, 6, sweep->shard);
	bind_text_or_null(ins, 7, sweep->shard_key);
	if ((rc = step_done(st, ins, "insert sweep", err)) != MU_OK)
		goto rollback;
	id = sqlite3_last_insert_rowid(st->db);
	for (i = 0; i < sweep->n_runs; i++) {
		long point = (long)(sweep->points ? sweep->points[i] : i);
		const struct io_source *run_src = is_per_run ? srcs[i] : src;
		int64_t run_scenario = scenario_id;
		if (run_src != src && (rc = put_scenario(st, run_src, &run_scenario, err)) != MU_OK)
			goto rollback;
		if ((rc = put_run(st, run_scenario, id, point, run_src->label, &sweep->runs[i],
		                  &run_id, err)) != MU_OK)
			goto rollback;
		if (run_ids)
			run_ids[i] = run_id;
	}
	if ((rc = commit(st, err)) != MU_OK)
		goto rollback;
	sqlite3_finalize(ins);
	if (sweep_id)
		*sweep_id = id;
	return MU_OK;
rollback:
	sqlite3_finalize(ins);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

enum mu_code io_store_add_sweep(struct io_store *st, const struct io_source *src,
                                const struct io_sweep *sweep, int64_t *sweep_id, int64_t *run_ids,
                                struct mu_err *err)
{
	return add_sweep(st, &src, false, sweep, sweep_id, run_ids, err);
}

enum mu_code io_store_add_linked(struct io_store *st, const struct io_source *const *srcs,
                                 const struct io_sweep *sweep, int64_t *sweep_id, int64_t *run_ids,
                                 struct mu_err *err)
{
	return add_sweep(st, srcs, true, sweep, sweep_id, run_ids, err);
}

static const char RUN_COLUMNS[] =
    "SELECT r.id, r.created_at, COALESCE(r.folder, s.label), s.hash, r.command, r.mode, r.is_silo, "
    "r.status,"
    " r.objective, r.best_bound, r.gap, r.time_read, r.time_build, r.time_solve,"
    " r.time_total, r.n_rows, r.n_cols, r.n_nonzeros, r.version,"
    " (SELECT count(*) FROM plan_rows p WHERE p.run_id = r.id), r.sweep_id"
    " FROM runs r JOIN scenarios s ON s.id = r.scenario_id";

static void copy_col(char *dst, size_t size, sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);
	snprintf(dst, size, "%s", s ? (const char *)s : "");
}

static void read_opt(sqlite3_stmt *stmt, int i, bool *is_set, double *v)
{
	*is_set = sqlite3_column_type(stmt, i) != SQLITE_NULL;
	*v = *is_set ? sqlite3_column_double(stmt, i) : 0;
}

static void read_info(sqlite3_stmt *stmt, struct io_run_info *info)
{
	memset(info, 0, sizeof(*info));
	info->id = sqlite3_column_int64(stmt, 0);
	copy_col(info->created_at, sizeof(info->created_at), stmt, 1);
	copy_col(info->scenario_label, sizeof(info->scenario_label), stmt, 2);
	copy_col(info->scenario_hash, sizeof(info->scenario_hash), stmt, 3);
	copy_col(info->command, sizeof(info->command), stmt, 4);
	copy_col(info->mode, sizeof(info->mode), stmt, 5);
	info->is_silo = sqlite3_column_int(stmt, 6) != 0;
	copy_col(info->status, sizeof(info->status), stmt, 7);
	read_opt(stmt, 8, &info->has_objective, &info->objective);
	read_opt(stmt, 9, &info->has_bound, &info->best_bound);
	read_opt(stmt, 10, &info->has_gap, &info->gap);
	info->time_read = sqlite3_column_double(stmt, 11);
	info->time_build = sqlite3_column_double(stmt, 12);
	info->time_solve = sqlite3_column_double(stmt, 13);
	info->time_total = sqlite3_column_double(stmt, 14);
	info->n_rows = (long)sqlite3_column_int64(stmt, 15);
	info->n_cols = (long)sqlite3_column_int64(stmt, 16);
	info->n_nonzeros = (long)sqlite3_column_int64(stmt, 17);
	copy_col(info->version, sizeof(info->version), stmt, 18);
	info->n_plan_rows = (long)sqlite3_column_int64(stmt, 19);
	info->sweep_id = sqlite3_column_int64(stmt, 20); /* NULL reads as 0 */
}

enum mu_code io_store_list_runs(struct io_store *st,
                                int (*fn)(const struct io_run_info *info, void *ctx), void *ctx,
                                struct mu_err *err)
{
	char sql[1024];
	sqlite3_stmt *stmt;
	enum mu_code rc = MU_OK;
	int r;
	snprintf(sql, sizeof(sql), "%s ORDER BY r.id", RUN_COLUMNS);
	if (prepare(st, sql, &stmt, err) != MU_OK)
		return MU_E_DB;
	while ((r = step(st, stmt)) == SQLITE_ROW) {
		struct io_run_info info;
		read_info(stmt, &info);
		if (fn(&info, ctx))
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = db_error(st, err, "list runs");
	sqlite3_finalize(stmt);
	return rc;
}

enum mu_code io_store_get_run(struct io_store *st, int64_t id, struct io_run_info *out,
                              struct mu_err *err)
{
	char sql[1024];
	sqlite3_stmt *stmt;
	enum mu_code rc = MU_OK;
	int r;
	snprintf(sql, sizeof(sql), "%s WHERE r.id = ?", RUN_COLUMNS);
	if (prepare(st, sql, &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	r = step(st, stmt);
	if (r == SQLITE_ROW)
		read_info(stmt, out);
	else if (r == SQLITE_DONE)
		rc = mu_err_set(err, MU_E_USAGE, "%s: no run %lld", st->path, (long long)id);
	else
		rc = db_error(st, err, "read run");
	sqlite3_finalize(stmt);
	return rc;
}

enum mu_code io_store_list_settings(struct io_store *st, int64_t id,
                                    int (*fn)(const char *key, const char *value, void *ctx),
                                    void *ctx, struct mu_err *err)
{
	sqlite3_stmt *stmt;
	enum mu_code rc = MU_OK;
	int r;
	if (prepare(st, "SELECT key, value FROM run_settings WHERE run_id = ? ORDER BY key", &stmt,
	            err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = step(st, stmt)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(stmt, 0),
		       (const char *)sqlite3_column_text(stmt, 1), ctx))
			break;
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = db_error(st, err, "list run settings");
	sqlite3_finalize(stmt);
	return rc;
}

enum mu_code io_store_list_vary(struct io_store *st, int64_t id,
                                int (*fn)(const struct io_run_vary *v, void *ctx), void *ctx,
                                struct mu_err *err)
{
	sqlite3_stmt *stmt;
	enum mu_code rc = MU_OK;
	int r;
	if (prepare(st, "SELECT name, value FROM run_vary WHERE run_id = ? ORDER BY rowid", &stmt,
	            err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = step(st, stmt)) == SQLITE_ROW) {
		struct io_run_vary v = {(const char *)sqlite3_column_text(stmt, 0),
		                        sqlite3_column_double(stmt, 1)};
		if (fn(&v, ctx))
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = db_error(st, err, "list run values");
	sqlite3_finalize(stmt);
	return rc;
}

enum mu_code io_store_list_kpis(struct io_store *st, int64_t id,
                                int (*fn)(const struct io_run_kpi *kpi, void *ctx), void *ctx,
                                struct mu_err *err)
{
	sqlite3_stmt *stmt;
	enum mu_code rc = MU_OK;
	int r;
	if (prepare(st,
	            "SELECT scope, name, value FROM run_kpis WHERE run_id = ?"
	            " ORDER BY scope <> 'SYSTEM', scope, name",
	            &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = step(st, stmt)) == SQLITE_ROW) {
		struct io_run_kpi kpi;
		kpi.scope = (const char *)sqlite3_column_text(stmt, 0);
		kpi.name = (const char *)sqlite3_column_text(stmt, 1);
		kpi.value = sqlite3_column_double(stmt, 2);
		if (fn(&kpi, ctx))
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = db_error(st, err, "list run KPIs");
	sqlite3_finalize(stmt);
	return rc;
}

enum mu_code io_store_list_plan(struct io_store *st, int64_t id,
                                int (*fn)(const struct io_stored_plan_row *row, void *ctx),
                                void *ctx, struct mu_err *err)
{
	sqlite3_stmt *stmt;
	enum mu_code rc = MU_OK;
	int r;
	if (prepare(st,
	            "SELECT source, partner, role, worker_role, shift, home, worker, offer, staff,"
	            " hours, cost, recharge FROM plan_rows WHERE run_id = ? ORDER BY seq",
	            &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = step(st, stmt)) == SQLITE_ROW) {
		struct io_stored_plan_row row;
		row.text.source = (const char *)sqlite3_column_text(stmt, 0);
		row.text.partner = (const char *)sqlite3_column_text(stmt, 1);
		row.text.role = (const char *)sqlite3_column_text(stmt, 2);
		row.text.worker_role = (const char *)sqlite3_column_text(stmt, 3);
		row.text.shift = (const char *)sqlite3_column_text(stmt, 4);
		row.text.home = (const char *)sqlite3_column_text(stmt, 5);
		row.text.worker = (const char *)sqlite3_column_text(stmt, 6);
		row.text.offer = (const char *)sqlite3_column_text(stmt, 7);
		row.staff = sqlite3_column_double(stmt, 8);
		row.hours = sqlite3_column_double(stmt, 9);
		row.cost = sqlite3_column_double(stmt, 10);
		row.recharge = sqlite3_column_double(stmt, 11);
		if (fn(&row, ctx))
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = db_error(st, err, "list plan rows");
	sqlite3_finalize(stmt);
	return rc;
}

/* The scenario files that sql (label, name, content by one id) selects,
 * as a source. MU_E_USAGE (what names the id) when there are none. */
static enum mu_code read_source(struct io_store *st, const char *sql, const char *what, int64_t id,
                                struct io_source **out, struct mu_err *err)
{
	sqlite3_stmt *stmt;
	struct io_source *src;
	enum mu_code rc = MU_OK;
	size_t cap = 0;
	int r;
	if (prepare(st, sql, &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	src = mu_calloc(1, sizeof(*src));
	while ((r = step(st, stmt)) == SQLITE_ROW) {
		struct io_file *f;
		const void *blob = sqlite3_column_blob(stmt, 2);
		size_t len = (size_t)sqlite3_column_bytes(stmt, 2);
		if (!src->label)
			src->label = mu_strdup((const char *)sqlite3_column_text(stmt, 0));
		MU_GROW(src->files, cap, src->n_files + 1);
		f = &src->files[src->n_files++];
		f->name = mu_strdup((const char *)sqlite3_column_text(stmt, 1));
		f->data = mu_malloc(len + 1);
		if (len)
			memcpy(f->data, blob, len);
		f->data[len] = '\0';
		f->len = len;
	}
	if (r != SQLITE_DONE)
		rc = db_error(st, err, "read scenario files");
	else if (!src->label)
		rc = mu_err_set(err, MU_E_USAGE, "%s: no %s %lld", st->path, what, (long long)id);
	sqlite3_finalize(stmt);
	if (rc != MU_OK) {
		io_source_free(src);
		return rc;
	}
	*out = src;
	return MU_OK;
}

enum mu_code io_store_get_scenario(struct io_store *st, int64_t id, struct io_source **out,
                                   struct mu_err *err)
{
	return read_source(st,
	                   "SELECT s.label, f.name, f.content FROM runs r"
	                   " JOIN scenarios s ON s.id = r.scenario_id"
	                   " JOIN scenario_files f ON f.scenario_id = s.id"
	                   " WHERE r.id = ? ORDER BY f.name",
	                   "run", id, out, err);
}

/* Merging stores (`muster merge`). Runs are copied column by column; these
 * are the columns copied as they are: of runs, all but id, scenario_id and
 * sweep_id (which the target gives anew), and of a run's rows all but
 * run_id. A migration that adds a column adds it here. */
static const char RUN_COPIED[] = "created_at, command, mode, is_silo, status, objective,"
                                 " best_bound, gap, time_read, time_build, time_solve,"
                                 " time_total, n_rows, n_cols, n_nonzeros, version, folder,"
                                 " point";
#define N_RUN_COPIED 18

static const struct {
	const char *table, *columns;
	int n_columns;
} run_rows[] = {
    {"run_settings", "key, value", 2},
    {"run_kpis", "scope, name, value", 3},
    {"plan_rows",
     "seq, source, partner, role, worker_role, shift, home, worker, offer, staff, hours, cost,"
     " recharge",
     13},
    {"run_vary", "name, value", 2},
};

/* An id in from[from] and the id the target gave the same thing. */
struct merged_id {
	size_t from;
	int64_t id, to_id;
};

struct merge {
	struct io_store *to;
	struct io_store *const *from;
	size_t n_from;
	struct merged_id *scenarios, *sweeps;
	size_t n_scenarios, cap_scenarios, n_sweeps, cap_sweeps;
	char **keys; /* the shard keys merged already */
	size_t n_keys, cap_keys;
	struct io_merged *done;
};

/* One run of a sharded sweep, found in from[from]. */
struct shard_run {
	size_t from;
	int64_t run;
	long point;
};

static bool find_merged(const struct merged_id *ids, size_t n, size_t from, int64_t id,
                        int64_t *to_id)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (ids[i].from == from && ids[i].id == id) {
			*to_id = ids[i].to_id;
			return true;
		}
	return false;
}

/* The "?, ?, ..." of n parameters, into buf. */
static const char *params(char *buf, size_t size, int n)
{
	size_t len = 0;
	int i;
	buf[0] = '\0';
	for (i = 0; i < n && len + 3 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s?", i ? ", " : "");
	return buf;
}

/* The target's id of scenario id of from[f], copying it (once by hash, as
 * every write does) the first time. */
static enum mu_code merge_scenario(struct merge *m, size_t f, int64_t id, int64_t *to_id,
                                   struct mu_err *err)
{
	struct io_source *src = NULL;
	enum mu_code rc;
	if (find_merged(m->scenarios, m->n_scenarios, f, id, to_id))
		return MU_OK;
	if ((rc = read_source(m->from[f],
	                      "SELECT s.label, f.name, f.content FROM scenarios s"
	                      " JOIN scenario_files f ON f.scenario_id = s.id"
	                      " WHERE s.id = ? ORDER BY f.name",
	                      "scenario", id, &src, err)) != MU_OK ||
	    (rc = put_scenario(m->to, src, to_id, err)) != MU_OK) {
		io_source_free(src);
		return rc;
	}
	io_source_free(src);
	MU_GROW(m->scenarios, m->cap_scenarios, m->n_scenarios + 1);
	m->scenarios[m->n_scenarios++] = (struct merged_id){f, id, *to_id};
	return MU_OK;
}

/* Copies the rows of each table of run_rows from run id of from[f] to
 * to_id. */
static enum mu_code merge_run_rows(struct merge *m, size_t f, int64_t id, int64_t to_id,
                                   struct mu_err *err)
{
	struct io_store *from = m->from[f];
	enum mu_code rc = MU_OK;
	size_t t;
	for (t = 0; t < sizeof(run_rows) / sizeof(run_rows[0]) && rc == MU_OK; t++) {
		sqlite3_stmt *sel = NULL, *ins = NULL;
		char sql[512], qs[128];
		int r, i;
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE run_id = ? ORDER BY rowid",
		         run_rows[t].columns, run_rows[t].table);
		if ((rc = prepare(from, sql, &sel, err)) == MU_OK) {
			snprintf(sql, sizeof(sql), "INSERT INTO %s (run_id, %s) VALUES (?, %s)",
			         run_rows[t].table, run_rows[t].columns,
			         params(qs, sizeof(qs), run_rows[t].n_columns));
			rc = prepare(m->to, sql, &ins, err);
		}
		if (rc == MU_OK) {
			sqlite3_bind_int64(sel, 1, id);
			while (rc == MU_OK && (r = step(from, sel)) == SQLITE_ROW) {
				sqlite3_bind_int64(ins, 1, to_id);
				for (i = 0; i < run_rows[t].n_columns; i++)
					sqlite3_bind_value(ins, i + 2,
					                   sqlite3_column_value(sel, i));
				rc = step_done(m->to, ins, "copy a run's rows", err);
			}
			if (rc == MU_OK && r != SQLITE_DONE)
				rc = db_error(from, err, "read a run's rows");
		}
		sqlite3_finalize(sel);
		sqlite3_finalize(ins);
	}
	return rc;
}

/* Copies run id of from[f], and its rows, into the target's sweep to_sweep
 * (0: none). */
static enum mu_code merge_run(struct merge *m, size_t f, int64_t id, int64_t to_sweep,
                              struct mu_err *err)
{
	struct io_store *from = m->from[f];
	sqlite3_stmt *sel = NULL, *ins = NULL;
	int64_t scenario = 0, to_id = 0;
	char sql[768], qs[128];
	enum mu_code rc;
	int i;
	snprintf(sql, sizeof(sql), "SELECT scenario_id, %s FROM runs WHERE id = ?", RUN_COPIED);
	if ((rc = prepare(from, sql, &sel, err)) != MU_OK)
		goto done;
	sqlite3_bind_int64(sel, 1, id);
	if (step(from, sel) != SQLITE_ROW) {
		rc = db_error(from, err, "read run");
		goto done;
	}
	if ((rc = merge_scenario(m, f, sqlite3_column_int64(sel, 0), &scenario, err)) != MU_OK)
		goto done;
	snprintf(sql, sizeof(sql), "INSERT INTO runs (scenario_id, sweep_id, %s) VALUES (?, ?, %s)",
	         RUN_COPIED, params(qs, sizeof(qs), N_RUN_COPIED));
	if ((rc = prepare(m->to, sql, &ins, err)) != MU_OK)
		goto done;
	sqlite3_bind_int64(ins, 1, scenario);
	if (to_sweep)
		sqlite3_bind_int64(ins, 2, to_sweep);
	else
		sqlite3_bind_null(ins, 2);
	for (i = 0; i < N_RUN_COPIED; i++)
		sqlite3_bind_value(ins, i + 3, sqlite3_column_value(sel, i + 1));
	if ((rc = step_done(m->to, ins, "copy run", err)) != MU_OK)
		goto done;
	to_id = sqlite3_last_insert_rowid(m->to->db);
	if ((rc = merge_run_rows(m, f, id, to_id, err)) == MU_OK)
		m->done->n_runs++;
done:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return rc;
}

/* Copies sweep id of from[f] into the target as *to_id. is_whole: a sweep
 * put together from shards, made at created_at (its first shard's time);
 * it is then no shard. */
static enum mu_code merge_sweep_row(struct merge *m, size_t f, int64_t id, bool is_whole,
                                    const char *created_at, int64_t *to_id, struct mu_err *err)
{
	struct io_store *from = m->from[f];
	sqlite3_stmt *sel = NULL, *ins = NULL;
	int64_t scenario = 0;
	enum mu_code rc;
	int i;
	if ((rc = prepare(from,
	                  "SELECT scenario_id, created_at, mode, is_silo, vary, n_points, shard,"
	                  " shard_key FROM sweeps WHERE id = ?",
	                  &sel, err)) != MU_OK)
		goto done;
	sqlite3_bind_int64(sel, 1, id);
	if (step(from, sel) != SQLITE_ROW) {
		rc = db_error(from, err, "read sweep");
		goto done;
	}
	if ((rc = merge_scenario(m, f, sqlite3_column_int64(sel, 0), &scenario, err)) != MU_OK ||
	    (rc = prepare(m->to,
	                  "INSERT INTO sweeps (scenario_id, created_at, mode, is_silo, vary,"
	                  " n_points, shard, shard_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	                  &ins, err)) != MU_OK)
		goto done;
	sqlite3_bind_int64(ins, 1, scenario);
	for (i = 1; i < 8; i++)
		sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
	if (is_whole) {
		bind_text(ins, 2, created_at);
		sqlite3_bind_null(ins, 7);
	}
	if ((rc = step_done(m->to, ins, "copy sweep", err)) != MU_OK)
		goto done;
	*to_id = sqlite3_last_insert_rowid(m->to->db);
	m->done->n_sweeps++;
done:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return rc;
}

/* N of a shard's "I/N" (1 when unreadable). */
static long shards_of(const char *shard)
{
	const char *slash = shard ? strchr(shard, '/') : NULL;
	long n = slash ? atol(slash + 1) : 0;
	return n > 0 ? n : 1;
}

static int by_point(const void *a, const void *b)
{
	const struct shard_run *x = a, *y = b;
	return (x->point > y->point) - (x->point < y->point);
}

/* Puts the shards with key, in every store, together as one sweep of the
 * target, its runs in point order; MU_E_USAGE, with nothing copied, when a
 * point is in none of the stores or in two. */
static enum mu_code merge_shards(struct merge *m, const char *key, struct mu_err *err)
{
	struct shard_run *runs = NULL;
	size_t n_runs = 0, cap = 0, i, first_from = 0, n_sweeps = 0;
	int64_t first_sweep = 0, to_sweep = 0;
	long n_points = 0, n_shards = 1;
	char created_at[32] = "", vary[256] = "";
	enum mu_code rc = MU_OK;
	size_t f;
	for (f = 0; f < m->n_from && rc == MU_OK; f++) {
		sqlite3_stmt *sel = NULL;
		int64_t last_sweep = 0;
		int r;
		if ((rc = prepare(
		         m->from[f],
		         "SELECT r.id, r.point, s.id, s.created_at, s.n_points, s.shard, s.vary"
		         " FROM runs r JOIN sweeps s ON s.id = r.sweep_id"
		         " WHERE s.shard_key = ? AND s.shard IS NOT NULL"
		         " ORDER BY s.id, r.point",
		         &sel, err)) != MU_OK)
			break;
		bind_text(sel, 1, key);
		while ((r = step(m->from[f], sel)) == SQLITE_ROW) {
			const char *at = (const char *)sqlite3_column_text(sel, 3);
			int64_t sweep = sqlite3_column_int64(sel, 2);
			MU_GROW(runs, cap, n_runs + 1);
			runs[n_runs++] = (struct shard_run){f, sqlite3_column_int64(sel, 0),
			                                    (long)sqlite3_column_int64(sel, 1)};
			if (sweep != last_sweep) {
				last_sweep = sweep;
				n_sweeps++;
			}
			if (!first_sweep || (at && strcmp(at, created_at) < 0)) {
				if (!first_sweep) {
					first_from = f;
					first_sweep = sweep;
					n_points = (long)sqlite3_column_int64(sel, 4);
					n_shards =
					    shards_of((const char *)sqlite3_column_text(sel, 5));
					copy_col(vary, sizeof(vary), sel, 6);
				}
				snprintf(created_at, sizeof(created_at), "%s", at ? at : "");
			}
		}
		if (r != SQLITE_DONE)
			rc = db_error(m->from[f], err, "read a sharded sweep");
		sqlite3_finalize(sel);
	}
	if (rc != MU_OK)
		goto done;
	qsort(runs, n_runs, sizeof(*runs), by_point);
	for (i = 0; i < n_runs || (long)i < n_points; i++) {
		if (i > 0 && i < n_runs && runs[i].point == runs[i - 1].point) {
			rc = mu_err_set(
			    err, MU_E_USAGE,
			    "%s and %s both hold point %ld of the sweep '%s' (one shard "
			    "given twice, or the sweep run twice?): nothing merged",
			    io_store_path(m->from[runs[i - 1].from]),
			    io_store_path(m->from[runs[i].from]), runs[i].point + 1, vary);
			goto done;
		}
		if (i >= n_runs || runs[i].point != (long)i) {
			long k = (long)i;
			rc = mu_err_set(
			    err, MU_E_USAGE,
			    "the sweep '%s' of %s lacks point %ld of %ld: give the database "
			    "of its shard %ld/%ld too: nothing merged",
			    vary, io_store_path(m->from[first_from]), k + 1, n_points,
			    k % n_shards + 1, n_shards);
			goto done;
		}
	}
	if ((rc = merge_sweep_row(m, first_from, first_sweep, true, created_at, &to_sweep, err)) !=
	    MU_OK)
		goto done;
	for (i = 0; i < n_runs && rc == MU_OK; i++)
		rc = merge_run(m, runs[i].from, runs[i].run, to_sweep, err);
	if (rc == MU_OK) {
		m->done->n_shard_sweeps++;
		m->done->n_shards += n_sweeps;
	}
done:
	free(runs);
	return rc;
}

/* Copies the coalition values of from[f], scenario by scenario (a value
 * the target has already is kept). */
static enum mu_code merge_values(struct merge *m, size_t f, struct mu_err *err)
{
	struct io_store *from = m->from[f];
	sqlite3_stmt *sel = NULL, *ins = NULL;
	int64_t scenario = 0;
	enum mu_code rc;
	int r;
	if ((rc = prepare(from,
	                  "SELECT scenario_id, coalition, cost FROM coalition_values"
	                  " ORDER BY scenario_id, coalition",
	                  &sel, err)) != MU_OK ||
	    (rc = prepare(m->to,
	                  "INSERT OR IGNORE INTO coalition_values (scenario_id, coalition, cost)"
	                  " VALUES (?, ?, ?)",
	                  &ins, err)) != MU_OK)
		goto done;
	while (rc == MU_OK && (r = step(from, sel)) == SQLITE_ROW) {
		if ((rc = merge_scenario(m, f, sqlite3_column_int64(sel, 0), &scenario, err)) !=
		    MU_OK)
			break;
		sqlite3_bind_int64(ins, 1, scenario);
		sqlite3_bind_value(ins, 2, sqlite3_column_value(sel, 1));
		sqlite3_bind_value(ins, 3, sqlite3_column_value(sel, 2));
		if ((rc = step_done(m->to, ins, "copy a coalition's value", err)) == MU_OK)
			m->done->n_values += (size_t)sqlite3_changes(m->to->db);
	}
	if (rc == MU_OK && r != SQLITE_DONE)
		rc = db_error(from, err, "read coalition values");
done:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return rc;
}

/* Copies every run of from[f], oldest first: a run of no sweep alone, a
 * whole sweep's runs into its copy, a shard's sweep at its first run (all
 * its shards, see merge_shards). */
static enum mu_code merge_store(struct merge *m, size_t f, struct mu_err *err)
{
	struct io_store *from = m->from[f];
	sqlite3_stmt *sel = NULL;
	enum mu_code rc;
	int r;
	if ((rc = prepare(from,
	                  "SELECT r.id, r.sweep_id, s.shard, s.shard_key FROM runs r"
	                  " LEFT JOIN sweeps s ON s.id = r.sweep_id ORDER BY r.id",
	                  &sel, err)) != MU_OK)
		return rc;
	while (rc == MU_OK && (r = step(from, sel)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(sel, 0), sweep = sqlite3_column_int64(sel, 1);
		int64_t to_sweep = 0;
		const char *key = (const char *)sqlite3_column_text(sel, 3);
		size_t k;
		if (sweep && sqlite3_column_type(sel, 2) != SQLITE_NULL && key) {
			for (k = 0; k < m->n_keys && strcmp(m->keys[k], key) != 0; k++)
				;
			if (k < m->n_keys)
				continue; /* its sweep is merged already */
			MU_GROW(m->keys, m->cap_keys, m->n_keys + 1);
			m->keys[m->n_keys++] = mu_strdup(key);
			rc = merge_shards(m, key, err);
			continue;
		}
		if (sweep && !find_merged(m->sweeps, m->n_sweeps, f, sweep, &to_sweep)) {
			if ((rc = merge_sweep_row(m, f, sweep, false, NULL, &to_sweep, err)) !=
			    MU_OK)
				break;
			MU_GROW(m->sweeps, m->cap_sweeps, m->n_sweeps + 1);
			m->sweeps[m->n_sweeps++] = (struct merged_id){f, sweep, to_sweep};
		}
		rc = merge_run(m, f, id, to_sweep, err);
	}
	if (rc == MU_OK && r != SQLITE_DONE)
		rc = db_error(from, err, "list runs");
	sqlite3_finalize(sel);
	return rc == MU_OK ? merge_values(m, f, err) : rc;
}

enum mu_code io_store_merge(struct io_store *st, struct io_store *const *from, size_t n_from,
                            struct io_merged *out, struct mu_err *err)
{
	struct io_merged done;
	struct merge m;
	enum mu_code rc;
	size_t f, k;
	memset(&done, 0, sizeof(done));
	memset(&m, 0, sizeof(m));
	m.to = st;
	m.from = from;
	m.n_from = n_from;
	m.done = &done;
	if ((rc = connect_for_writing(st, err)) != MU_OK ||
	    (rc = exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	for (f = 0; f < n_from && rc == MU_OK; f++)
		rc = merge_store(&m, f, err);
	if (rc == MU_OK)
		rc = commit(st, err);
	if (rc != MU_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	for (k = 0; k < m.n_keys; k++)
		free(m.keys[k]);
	free(m.keys);
	free(m.scenarios);
	free(m.sweeps);
	if (rc == MU_OK && out)
		*out = done;
	return rc;
}

enum mu_code io_store_add_values(struct io_store *st, const struct io_source *src,
                                 const uint64_t *coalitions, const double *costs, size_t n,
                                 struct mu_err *err)
{
	sqlite3_stmt *ins = NULL;
	int64_t scenario = 0;
	enum mu_code rc;
	size_t i;
	if ((rc = connect_for_writing(st, err)) != MU_OK ||
	    (rc = exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = put_scenario(st, src, &scenario, err)) != MU_OK ||
	    (rc = prepare(st,
	                  "INSERT OR REPLACE INTO coalition_values (scenario_id, coalition, cost)"
	                  " VALUES (?, ?, ?)",
	                  &ins, err)) != MU_OK)
		goto rollback;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(ins, 1, scenario);
		sqlite3_bind_int64(ins, 2, (sqlite3_int64)coalitions[i]);
		sqlite3_bind_double(ins, 3, costs[i]);
		if ((rc = step_done(st, ins, "insert a coalition's value", err)) != MU_OK)
			goto rollback;
	}
	if ((rc = commit(st, err)) != MU_OK)
		goto rollback;
	sqlite3_finalize(ins);
	return MU_OK;
rollback:
	sqlite3_finalize(ins);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

enum mu_code io_store_list_values(struct io_store *st, const struct io_source *src,
                                  int (*fn)(uint64_t coalition, double cost, void *ctx), void *ctx,
                                  struct mu_err *err)
{
	sqlite3_stmt *stmt;
	char hash[65];
	enum mu_code rc = MU_OK;
	int r;
	io_source_hash(src, hash);
	if (prepare(
	        st,
	        "SELECT v.coalition, v.cost FROM coalition_values v"
	        " JOIN scenarios s ON s.id = v.scenario_id WHERE s.hash = ? ORDER BY v.coalition",
	        &stmt, err) != MU_OK)
		return MU_E_DB;
	bind_text(stmt, 1, hash);
	while ((r = step(st, stmt)) == SQLITE_ROW)
		if (fn((uint64_t)sqlite3_column_int64(stmt, 0), sqlite3_column_double(stmt, 1),
		       ctx))
			break;
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = db_error(st, err, "list coalition values");
	sqlite3_finalize(stmt);
	return rc;
}
