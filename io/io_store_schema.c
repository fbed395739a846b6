/*
 * io_store_schema.c - the store's schema: the append-only migrations, with
 * why each was made beside it, and what a database file is to muster (its
 * application_id, schema version, tables): whether it may be used and how
 * it is brought up to date.
 */
#include "io_store_int.h"

#include <stdio.h>

/* PRAGMA application_id of a muster database ("MUST"): what tells it from
 * another program's SQLite file. */
#define MUSTER_APPLICATION_ID 0x4D555354

/* Migrations: migrations[i] takes the schema from version i to i + 1. A
 * new schema version appends one entry; old entries never change. A column
 * added to runs or to a run's rows is one merge copies too: add it to
 * RUN_COPIED or run_rows in io_store_merge.c. */
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
    /* 5 -> 6: the spend of each coalition's plan, the cash game's value
     * (issue 24), so that merged shards settle in cash too; NULL for a
     * value recorded before */
    "ALTER TABLE coalition_values ADD COLUMN spend REAL;",
    /* 6 -> 7: penalty weights are never called a cost (DESIGN.md §3; issue
     * #24: `show` printed short_cost and breach_cost in pounds). A run
     * recorded before now named the short, breach and change rows' weights
     * <kind>_cost: they are <kind>_penalty, and where the run also has the
     * <kind>_penalty row (the same value) the old one goes. A source's cost
     * (own, lend, bank, agency, share: its spend plus its penalties, mixed)
     * is no longer recorded: where the run has the split (`spend`), it
     * goes; a run older than the split keeps it as
     * <source>_spend_and_penalties, which says what it holds. */
    "UPDATE OR IGNORE run_kpis SET name = 'short_penalty' WHERE name = 'short_cost';"
    "UPDATE OR IGNORE run_kpis SET name = 'breach_penalty' WHERE name = 'breach_cost';"
    "UPDATE OR IGNORE run_kpis SET name = 'change_penalty' WHERE name = 'change_cost';"
    "DELETE FROM run_kpis WHERE name IN ('short_cost', 'breach_cost', 'change_cost');"
    "DELETE FROM run_kpis WHERE name IN ('own_cost', 'lend_cost', 'bank_cost',"
    "  'agency_cost', 'share_cost') AND EXISTS (SELECT 1 FROM run_kpis AS k"
    "  WHERE k.run_id = run_kpis.run_id AND k.scope = run_kpis.scope AND k.name = 'spend');"
    "UPDATE run_kpis SET name = substr(name, 1, length(name) - 5) || '_spend_and_penalties'"
    "  WHERE name IN ('own_cost', 'lend_cost', 'bank_cost', 'agency_cost', 'share_cost');",
    /* 7 -> 8: two-stage runs (DESIGN.md §3e, issue 26): the scenarios file
     * a run's plan was made on ("scenarios") and the one it was measured
     * on ("check"), each by name as given, SHA-256 of its bytes and
     * number of scenarios. A run with a "scenarios" row is two-stage: its
     * plan rows are what it decided now, and its expected and measured
     * figures are KPIs (expected_spend, measured_red_flag_fraction, ...) */
    "CREATE TABLE run_draws ("
    "  run_id INTEGER NOT NULL REFERENCES runs(id),"
    "  kind TEXT NOT NULL, file TEXT NOT NULL, hash TEXT NOT NULL,"
    "  n_scenarios INTEGER NOT NULL,"
    "  PRIMARY KEY (run_id, kind));",
};
#define N_MIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))
_Static_assert(N_MIGRATIONS == IO_STORE_SCHEMA_VERSION,
               "a migration appended means IO_STORE_SCHEMA_VERSION + 1");

/* A file SQLite cannot read as a database at all (a text file, say): bad
 * input, as another program's SQLite file is. */
static enum mu_code not_a_database(struct io_store *st, struct mu_err *err)
{
	return mu_err_set(err, MU_E_USAGE,
	                  "%s: not a muster database (not an SQLite file at all), and nothing "
	                  "in it was changed: give a database muster made (or, to start one, "
	                  "a new file's name)",
	                  st->path);
}

/* The one integer a query (a pragma, a count) returns. */
static enum mu_code read_int(struct io_store *st, const char *sql, long *v, struct mu_err *err)
{
	sqlite3_stmt *stmt;
	struct mu_err first;
	enum mu_code rc = MU_OK;
	int r;
	mu_err_clear(&first);
	if (io_store_prepare(st, sql, &stmt, &first) != MU_OK) {
		if (st->db && (sqlite3_extended_errcode(st->db) & 0xFF) == SQLITE_NOTADB)
			return not_a_database(st, err);
		return mu_err_set(err, first.code, "%s", first.msg);
	}
	if ((r = io_store_step(st, stmt)) == SQLITE_ROW)
		*v = (long)sqlite3_column_int64(stmt, 0);
	else if ((r & 0xFF) == SQLITE_NOTADB)
		rc = not_a_database(st, err);
	else
		rc = io_store_db_error(st, err, sql);
	sqlite3_finalize(stmt);
	return rc;
}

/* Reads what the database is, without writing anything. */
static enum mu_code identify_now(struct io_store *st, struct io_store_identity *id,
                                 struct mu_err *err);

/* identify_now inside a savepoint: its reads see one snapshot, so that
 * another process's first commit cannot fall between them (a database
 * half made then reads as nobody's). */
enum mu_code io_store_identify(struct io_store *st, struct io_store_identity *id,
                               struct mu_err *err)
{
	enum mu_code rc = io_store_exec(st, "SAVEPOINT identify", err);
	if (rc != MU_OK)
		return rc;
	rc = identify_now(st, id, err);
	if (rc == MU_OK)
		return io_store_exec(st, "RELEASE identify", err);
	sqlite3_exec(st->db, "ROLLBACK TO identify; RELEASE identify", NULL, NULL, NULL);
	return rc;
}

static enum mu_code identify_now(struct io_store *st, struct io_store_identity *id,
                                 struct mu_err *err)
{
	long app_id = 0, n_objects = 0, n_tables = 0;
	enum mu_code rc;
	if ((rc = read_int(st, "PRAGMA application_id", &app_id, err)) != MU_OK ||
	    (rc = read_int(st, "PRAGMA user_version", &id->version, err)) != MU_OK ||
	    (rc = read_int(st, "SELECT count(*) FROM sqlite_master", &n_objects, err)) != MU_OK)
		return rc;
	id->is_marked = app_id == MUSTER_APPLICATION_ID;
	if (id->is_marked)
		id->kind = IO_STORE_MUSTER;
	else if (app_id != 0)
		id->kind = IO_STORE_FOREIGN;
	else if (n_objects == 0 && id->version == 0)
		id->kind = IO_STORE_EMPTY;
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
		               ? IO_STORE_MUSTER
		               : IO_STORE_FOREIGN;
	}
	return MU_OK;
}

enum mu_code io_store_check_identity(struct io_store *st, const struct io_store_identity *id,
                                     struct mu_err *err)
{
	if (id->kind == IO_STORE_FOREIGN)
		return mu_err_set(err, MU_E_USAGE,
		                  "%s: not a muster database (another program's SQLite file);"
		                  " nothing in it was changed",
		                  st->path);
	if (id->kind == IO_STORE_MUSTER && id->version < 0)
		return mu_err_set(err, MU_E_DB, "%s: unknown database schema version %ld", st->path,
		                  id->version);
	if (id->kind == IO_STORE_MUSTER && (size_t)id->version > N_MIGRATIONS)
		return mu_err_set(
		    err, MU_E_DB,
		    "%s: database schema version %ld is newer than this muster's (%d)", st->path,
		    id->version, IO_STORE_SCHEMA_VERSION);
	return MU_OK;
}

/* True when the database is at this muster's schema and marked. */
static bool is_current(const struct io_store_identity *id)
{
	return id->kind == IO_STORE_MUSTER && id->is_marked &&
	       id->version == IO_STORE_SCHEMA_VERSION;
}

/* The identity is read again inside the transaction: another muster may
 * have migrated the database meanwhile. */
enum mu_code io_store_migrate(struct io_store *st, struct mu_err *err)
{
	struct io_store_identity id;
	enum mu_code rc;
	long v;
	char sql[64];

	if ((rc = io_store_identify(st, &id, err)) != MU_OK ||
	    (rc = io_store_check_identity(st, &id, err)) != MU_OK)
		return rc;
	if (is_current(&id))
		return MU_OK;
	if ((rc = io_store_exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = io_store_identify(st, &id, err)) != MU_OK ||
	    (rc = io_store_check_identity(st, &id, err)) != MU_OK)
		goto rollback;
	for (v = id.version; (size_t)v < N_MIGRATIONS; v++)
		if ((rc = io_store_exec(st, migrations[v], err)) != MU_OK)
			goto rollback;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %ld", v);
	if ((rc = io_store_exec(st, sql, err)) != MU_OK)
		goto rollback;
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", MUSTER_APPLICATION_ID);
	if ((rc = io_store_exec(st, sql, err)) != MU_OK ||
	    (rc = io_store_exec(st, "COMMIT", err)) != MU_OK)
		goto rollback;
	return MU_OK;
rollback:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
