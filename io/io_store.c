/*
 * io_store.c - the SQLite run history. Prepared statements only; every
 * sqlite3_step result is checked; each write is one BEGIN IMMEDIATE
 * transaction, so concurrent writers queue on the busy timeout instead of
 * failing on a lock upgrade.
 */
#include "io_store.h"

#include "core/mu_alloc.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 60000

struct io_store {
	sqlite3 *db;
	char *path;
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
};
#define N_MIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))

static enum mu_code db_error(struct io_store *st, struct mu_err *err, const char *what)
{
	return mu_err_set(err, MU_E_DB, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

/* Runs SQL without results (pragmas, BEGIN, COMMIT, DDL). */
static enum mu_code exec(struct io_store *st, const char *sql, struct mu_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		mu_err_set(err, MU_E_DB, "%s: %s", st->path, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return MU_E_DB;
	}
	return MU_OK;
}

static enum mu_code prepare(struct io_store *st, const char *sql, sqlite3_stmt **stmt,
                            struct mu_err *err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return db_error(st, err, "prepare");
	return MU_OK;
}

static int user_version(struct io_store *st, struct mu_err *err)
{
	sqlite3_stmt *stmt;
	int v = -1;
	if (prepare(st, "PRAGMA user_version", &stmt, err) != MU_OK)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int(stmt, 0);
	else
		db_error(st, err, "read schema version");
	sqlite3_finalize(stmt);
	return v;
}

static enum mu_code migrate(struct io_store *st, struct mu_err *err)
{
	enum mu_code rc;
	int v;
	char sql[64];

	if ((rc = exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	v = user_version(st, err);
	if (v < 0) {
		rc = MU_E_DB;
		goto rollback;
	}
	if ((size_t)v > N_MIGRATIONS) {
		rc = mu_err_set(err, MU_E_USAGE,
		                "%s: database schema version %d is newer than this muster's (%d)",
		                st->path, v, IO_STORE_SCHEMA_VERSION);
		goto rollback;
	}
	for (; (size_t)v < N_MIGRATIONS; v++)
		if ((rc = exec(st, migrations[v], err)) != MU_OK)
			goto rollback;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
	if ((rc = exec(st, sql, err)) != MU_OK)
		goto rollback;
	return exec(st, "COMMIT", err);
rollback:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
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
		r = sqlite3_step(stmt);
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
		    waited_ms >= BUSY_TIMEOUT_MS)
			return db_error(st, err, "set WAL journaling");
		nanosleep(&pause, NULL);
		waited_ms += 5;
	}
}

enum mu_code io_store_open(const char *path, bool is_create, struct io_store **out,
                           struct mu_err *err)
{
	struct io_store *st;
	int flags = SQLITE_OPEN_READWRITE | (is_create ? SQLITE_OPEN_CREATE : 0);
	enum mu_code rc;

	if (!is_create && access(path, F_OK) != 0)
		return mu_err_set(err, MU_E_USAGE, "%s: no such database (no run recorded yet?)",
		                  path);
	st = mu_calloc(1, sizeof(*st));
	st->path = mu_strdup(path);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		rc = db_error(st, err, "cannot open database");
		io_store_close(st);
		return rc;
	}
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(st->db, 1);
	if ((rc = set_wal(st, err)) != MU_OK ||
	    (rc = exec(st, "PRAGMA foreign_keys = ON", err)) != MU_OK ||
	    (rc = exec(st, "PRAGMA synchronous = NORMAL", err)) != MU_OK ||
	    (rc = migrate(st, err)) != MU_OK) {
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

static void bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	sqlite3_bind_text(stmt, i, s ? s : "", -1, SQLITE_STATIC);
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
	int r = sqlite3_step(stmt);
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
	r = sqlite3_step(find);
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

/* Inserts run (of scenario_id, in sweep_id unless 0) inside the caller's
 * transaction. */
static enum mu_code put_run(struct io_store *st, int64_t scenario_id, int64_t sweep_id,
                            const char *folder, const struct io_run *run, int64_t *id,
                            struct mu_err *err)
{
	sqlite3_stmt *ins = NULL;
	enum mu_code rc;
	if ((rc =
	         prepare(st,
	                 "INSERT INTO runs (scenario_id, command, mode, is_silo, status, objective,"
	                 " best_bound, gap, time_read, time_build, time_solve, time_total, n_rows,"
	                 " n_cols, n_nonzeros, version, sweep_id, folder)"
	                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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

	if ((rc = exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = put_scenario(st, src, &scenario_id, err)) != MU_OK ||
	    (rc = put_run(st, scenario_id, 0, src->label, run, &id, err)) != MU_OK ||
	    (rc = exec(st, "COMMIT", err)) != MU_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	if (run_id)
		*run_id = id;
	return MU_OK;
}

enum mu_code io_store_add_sweep(struct io_store *st, const struct io_source *src,
                                const struct io_sweep *sweep, int64_t *sweep_id, int64_t *run_ids,
                                struct mu_err *err)
{
	sqlite3_stmt *ins = NULL;
	int64_t scenario_id = 0, id = 0, run_id;
	enum mu_code rc;
	size_t i;

	if ((rc = exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = put_scenario(st, src, &scenario_id, err)) != MU_OK ||
	    (rc = prepare(
	         st, "INSERT INTO sweeps (scenario_id, mode, is_silo, vary) VALUES (?, ?, ?, ?)",
	         &ins, err)) != MU_OK)
		goto rollback;
	sqlite3_bind_int64(ins, 1, scenario_id);
	bind_text(ins, 2, sweep->mode);
	sqlite3_bind_int(ins, 3, sweep->is_silo);
	bind_text(ins, 4, sweep->vary);
	if ((rc = step_done(st, ins, "insert sweep", err)) != MU_OK)
		goto rollback;
	id = sqlite3_last_insert_rowid(st->db);
	for (i = 0; i < sweep->n_runs; i++) {
		if ((rc = put_run(st, scenario_id, id, src->label, &sweep->runs[i], &run_id,
		                  err)) != MU_OK)
			goto rollback;
		if (run_ids)
			run_ids[i] = run_id;
	}
	if ((rc = exec(st, "COMMIT", err)) != MU_OK)
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
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
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
	r = sqlite3_step(stmt);
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
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW)
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
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
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
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
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
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
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

enum mu_code io_store_get_scenario(struct io_store *st, int64_t id, struct io_source **out,
                                   struct mu_err *err)
{
	sqlite3_stmt *stmt;
	struct io_source *src;
	enum mu_code rc = MU_OK;
	size_t cap = 0;
	int r;
	if (prepare(st,
	            "SELECT s.label, f.name, f.content FROM runs r"
	            " JOIN scenarios s ON s.id = r.scenario_id"
	            " JOIN scenario_files f ON f.scenario_id = s.id"
	            " WHERE r.id = ? ORDER BY f.name",
	            &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	src = mu_calloc(1, sizeof(*src));
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW) {
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
		rc = mu_err_set(err, MU_E_USAGE, "%s: no run %lld", st->path, (long long)id);
	sqlite3_finalize(stmt);
	if (rc != MU_OK) {
		io_source_free(src);
		return rc;
	}
	*out = src;
	return MU_OK;
}
