/*
 * io_store_int.h - what the parts of the SQLite store share (as SQLite's
 * btreeInt.h is for btree.c): the store's struct, the SQL helpers, the
 * schema's checks, the connection for writing, and the writer and reader
 * of a scenario that merge uses too. Private to io/: nothing outside
 * includes it.
 *
 * The store's parts, over the API of io_store.h, each calling only those
 * below it (scripts/check_layers.sh fails on any two that call each other):
 *   io_store_merge.c   copying stores into one (`muster merge`)
 *   io_store_write.c   recording runs, sweeps and coalition values
 *   io_store_read.c    listing and reading them back
 *   io_store.c         the connection: open, close, WAL, the busy wait
 *   io_store_schema.c  the append-only migrations; what a database is to
 *                      muster and whether it may be used
 *   io_store_sql.c     every SQL call: fault injection, interrupts, errors
 * Prepared statements only; every sqlite3_step result is checked; each
 * write is one BEGIN IMMEDIATE transaction, so concurrent writers queue on
 * the busy timeout instead of failing on a lock upgrade. A store opened for
 * writing creates its file at the first write, so that a command that
 * fails records nothing and leaves no database behind; one opened for
 * reading never writes.
 */
#ifndef IO_STORE_INT_H
#define IO_STORE_INT_H

#include "core/mu_err.h"
#include "io/io_source.h"
#include "io/io_store.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct io_store {
	sqlite3 *db; /* NULL: a store for writing whose connection is not open yet */
	char *path;
	const volatile sig_atomic_t *stop; /* see io_store_set_stop; may be NULL */
	long fault_at, n_calls;            /* see io_store_fail_call */
	bool is_fault;                     /* the last failed call was injected */
	double busy_since;                 /* when the busy handler began to wait */
};

/* io_store_sql.c: what every SQL call goes through (each counts as one
 * call for io_store_fail_call). */

/* True when this SQLite call is the one io_store_fail_call asked to fail
 * (and then marks the store's next error as injected). */
bool io_store_is_fault(struct io_store *st);

/* True when io_store_set_stop's flag is set: a write gives up. */
bool io_store_is_stopped(const struct io_store *st);

/* MU_E_DB, "path: what: SQLite's message" (or "injected fault"). */
enum mu_code io_store_db_error(struct io_store *st, struct mu_err *err, const char *what);

/* The failure of a write: MU_E_DB as io_store_db_error, except that an
 * interrupt (a busy wait given up on Ctrl-C) says so rather than
 * "database is locked". */
enum mu_code io_store_write_error(struct io_store *st, struct mu_err *err, const char *what);

/* Runs SQL without results (pragmas, BEGIN, COMMIT, DDL). MU_E_DB, saying
 * so when an interrupt stopped it. */
enum mu_code io_store_exec(struct io_store *st, const char *sql, struct mu_err *err);

/* Prepares sql into *stmt (NULL on failure; the caller finalizes it).
 * MU_E_USAGE for a store for writing that has not written yet; MU_E_DB. */
enum mu_code io_store_prepare(struct io_store *st, const char *sql, sqlite3_stmt **stmt,
                              struct mu_err *err);

/* sqlite3_step, or an injected I/O error. */
int io_store_step(struct io_store *st, sqlite3_stmt *stmt);

/* Steps a statement that returns no row, then resets it for reuse. MU_E_DB
 * ("what" in the message) when it does not finish. */
enum mu_code io_store_step_done(struct io_store *st, sqlite3_stmt *stmt, const char *what,
                                struct mu_err *err);

/* Binds s (NULL: "") as text; s must outlive the statement's step. */
void io_store_bind_text(sqlite3_stmt *stmt, int i, const char *s);

/* Column i of the current row as text ("" for NULL), cut to size. */
void io_store_copy_col(char *dst, size_t size, sqlite3_stmt *stmt, int i);

/* COMMIT, unless an interrupt came first: then MU_E_DB, the caller rolls
 * back and nothing is recorded. An interrupt after this check does not
 * stop the commit; the caller can tell by the flag that the run is
 * recorded. */
enum mu_code io_store_commit(struct io_store *st, struct mu_err *err);

/* io_store_schema.c: what a database file is to muster, and the schema. */

enum io_store_kind {
	IO_STORE_EMPTY,  /* nothing in it yet: muster may make it its own */
	IO_STORE_MUSTER, /* marked by its application_id, or muster's tables from before the mark */
	IO_STORE_FOREIGN, /* another program's: never touched */
};

struct io_store_identity {
	enum io_store_kind kind;
	long version;   /* PRAGMA user_version */
	bool is_marked; /* application_id is muster's */
};

/* Reads what the database is, without writing anything, in one snapshot.
 * MU_E_DB. */
enum mu_code io_store_identify(struct io_store *st, struct io_store_identity *id,
                               struct mu_err *err);

/* Refuses a database muster must not use: another program's (MU_E_USAGE,
 * exit 2: --db names the wrong file), or a schema version this muster does
 * not know (MU_E_DB, exit 1: a database problem). */
enum mu_code io_store_check_identity(struct io_store *st, const struct io_store_identity *id,
                                     struct mu_err *err);

/* Brings the schema to IO_STORE_SCHEMA_VERSION and marks the database as
 * muster's, in one transaction; writes nothing when it is current. MU_E_DB
 * or as io_store_check_identity. */
enum mu_code io_store_migrate(struct io_store *st, struct mu_err *err);

/* io_store.c: the connection. */

/* Opens the connection of a store for writing if it is not open yet
 * (creating the file, refusing what io_store_open refuses, WAL,
 * synchronous = FULL, migrated). On failure it stays closed. */
enum mu_code io_store_connect_for_writing(struct io_store *st, struct mu_err *err);

/* io_store_write.c */

/* The id of the scenario with src's hash, inserting it and its files if
 * new, inside the caller's transaction. MU_E_DB. */
enum mu_code io_store_put_scenario(struct io_store *st, const struct io_source *src, int64_t *id,
                                   struct mu_err *err);

/* io_store_read.c */

/* The scenario files that sql (label, name, content by one id) selects,
 * as a new source (the caller's, io_source_free). MU_E_USAGE ("no what
 * id") when there are none; MU_E_DB. */
enum mu_code io_store_read_source(struct io_store *st, const char *sql, const char *what,
                                  int64_t id, struct io_source **out, struct mu_err *err);

#endif
