/*
 * io_store_sql.c - what every SQL call of the store goes through: each is
 * counted for fault injection (io_store_fail_call), a write gives up on an
 * interrupt (io_store_set_stop), and a failure is worded with the
 * database's path. The lowest part of the store: it calls no other.
 */
#include "io_store_int.h"

#include <stdio.h>

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

bool io_store_is_fault(struct io_store *st)
{
	if (st->fault_at <= 0 || ++st->n_calls != st->fault_at)
		return false;
	st->is_fault = true;
	return true;
}

bool io_store_is_stopped(const struct io_store *st)
{
	return st->stop && *st->stop;
}

enum mu_code io_store_db_error(struct io_store *st, struct mu_err *err, const char *what)
{
	const char *why = st->is_fault ? "injected fault" : st->db ? sqlite3_errmsg(st->db) : "";
	st->is_fault = false;
	return mu_err_set(err, MU_E_DB, "%s: %s: %s", st->path, what, why[0] ? why : "failed");
}

enum mu_code io_store_write_error(struct io_store *st, struct mu_err *err, const char *what)
{
	if (io_store_is_stopped(st)) {
		st->is_fault = false;
		return mu_err_set(err, MU_E_DB, "%s: interrupted; nothing was recorded", st->path);
	}
	return io_store_db_error(st, err, what);
}

enum mu_code io_store_exec(struct io_store *st, const char *sql, struct mu_err *err)
{
	char *msg = NULL;
	if (io_store_is_fault(st))
		return io_store_write_error(st, err, sql);
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		if (io_store_is_stopped(st))
			mu_err_set(err, MU_E_DB, "%s: interrupted; nothing was recorded", st->path);
		else
			mu_err_set(err, MU_E_DB, "%s: %s", st->path,
			           msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return MU_E_DB;
	}
	return MU_OK;
}

enum mu_code io_store_prepare(struct io_store *st, const char *sql, sqlite3_stmt **stmt,
                              struct mu_err *err)
{
	*stmt = NULL;
	if (!st->db) /* a store for writing that has not written yet */
		return mu_err_set(err, MU_E_USAGE, "%s: no run recorded yet", st->path);
	if (io_store_is_fault(st) || sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return io_store_db_error(st, err, "prepare");
	return MU_OK;
}

int io_store_step(struct io_store *st, sqlite3_stmt *stmt)
{
	return io_store_is_fault(st) ? SQLITE_IOERR : sqlite3_step(stmt);
}

enum mu_code io_store_commit(struct io_store *st, struct mu_err *err)
{
	if (io_store_is_stopped(st))
		return mu_err_set(err, MU_E_DB, "%s: interrupted; nothing was recorded", st->path);
	return io_store_exec(st, "COMMIT", err);
}

void io_store_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	sqlite3_bind_text(stmt, i, s ? s : "", -1, SQLITE_STATIC);
}

void io_store_copy_col(char *dst, size_t size, sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);
	snprintf(dst, size, "%s", s ? (const char *)s : "");
}

enum mu_code io_store_step_done(struct io_store *st, sqlite3_stmt *stmt, const char *what,
                                struct mu_err *err)
{
	int r = io_store_step(st, stmt);
	if (r != SQLITE_DONE) {
		enum mu_code rc = io_store_db_error(st, err, what);
		sqlite3_reset(stmt);
		return rc;
	}
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return MU_OK;
}
