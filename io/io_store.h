/*
 * io_store.h - the run history in an SQLite database (DESIGN.md §4): each
 * scenario once by content hash with its files, each run whole or not at
 * all. The only user of sqlite3. WAL and a busy timeout let several muster
 * processes write one database at once; runs and show open it read-only.
 */
#ifndef IO_STORE_H
#define IO_STORE_H

#include "core/mu_err.h"
#include "core/mu_plan.h"
#include "io/io_source.h"

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The schema version this build writes; older databases are migrated. */
#define IO_STORE_SCHEMA_VERSION 8

struct io_store;

struct io_run_setting {
	const char *key;
	const char *value;
};

struct io_run_kpi {
	const char *scope; /* a partner id, or "SYSTEM" */
	const char *name;
	double value;
};

/* A value a sweep's run was solved at. */
struct io_run_vary {
	const char *name; /* as --vary named it */
	double value;
};

/* A scenarios file a two-stage run (DESIGN.md §3e) was made or measured
 * on: kind "scenarios" (`--scenarios`, the plan is made on it) or "check"
 * (`--check-scenarios`, what planning for the spread is worth is measured
 * on it), the file as given, the SHA-256 of its bytes and its number of
 * scenarios. */
struct io_run_draws {
	const char *kind;
	const char *file;
	const char *hash;
	long n_scenarios;
};

/* What a run records. Strings are borrowed for the call. */
struct io_run {
	const char *command; /* "solve", "demo", ... */
	const char *mode;    /* "rota" or "plan" */
	bool is_silo;
	const char *status; /* "optimal", "feasible", "infeasible", ... */
	bool has_objective;
	double objective;
	bool has_bound;
	double best_bound;
	bool has_gap;
	double gap;
	double time_read, time_build, time_solve, time_total; /* seconds */
	long n_rows, n_cols, n_nonzeros;
	const struct io_run_setting *settings;
	size_t n_settings;
	const struct io_run_kpi *kpis;
	size_t n_kpis;
	const struct mu_scenario *sc; /* what the plan rows' indices refer to */
	const struct mu_plan_row *plan;
	size_t n_plan;
	const struct io_run_vary *vary; /* a sweep's run: its point */
	size_t n_vary;
	/* a two-stage run: its scenarios files (at most 2); none otherwise */
	const struct io_run_draws *draws;
	size_t n_draws;
};

/* A sweep: its runs, linked to it. A shard (`--shard I/N`) records only
 * its part of the points: each run's index in the whole sweep, the whole
 * sweep's size, "I/N" and the key that io_store_merge groups shards by. */
struct io_sweep {
	const char *mode; /* "rota" or "plan" */
	bool is_silo;
	const char *vary; /* the --vary options, as given */
	const struct io_run *runs;
	size_t n_runs;
	const size_t *points;  /* runs[i] is point points[i]; NULL: point i */
	size_t n_points;       /* the whole sweep's; 0: n_runs */
	const char *shard;     /* "I/N"; NULL: the whole sweep */
	const char *shard_key; /* NULL unless shard */
};

/* One stored run as listed. */
struct io_run_info {
	int64_t id;
	char created_at[32];
	char scenario_label[256];
	char scenario_hash[65];
	char command[32];
	char mode[16];
	bool is_silo;
	char status[32];
	bool has_objective;
	double objective;
	bool has_bound;
	double best_bound;
	bool has_gap;
	double gap;
	double time_read, time_build, time_solve, time_total;
	long n_rows, n_cols, n_nonzeros;
	long n_plan_rows;
	int64_t sweep_id; /* 0: not part of a sweep */
	char version[32];
	long n_scenarios; /* a two-stage run: N, the scenarios it was made on; else 0 */
};

/* Opens the database at path.
 *
 * is_write false (runs, show): the database must exist; it is opened
 * read-only and never written (a read-only file or folder, or a full disk,
 * is read as it is), except that one from an older muster is migrated when
 * it can be written. is_write true (the commands that record): everything
 * that can be checked before a long solve is checked now - an existing
 * file is opened, identified and migrated; for a new one, that its folder
 * can take it - and the file is created at the first write, so a command
 * that fails before recording leaves no database behind.
 *
 * Only muster's own databases are used: they carry muster's
 * application_id (or, written before that mark, muster's tables), and any
 * other non-empty SQLite file is refused with nothing in it changed.
 * Writes are WAL with synchronous = FULL: a run reported as recorded is on
 * disk and survives a power cut.
 *
 * Returns MU_OK; MU_E_USAGE (no such database and !is_write; an empty one
 * and !is_write; path is a folder; another program's database); MU_E_DB
 * (the folder cannot take a new file; a read-only database to write; a
 * schema version this muster does not know or newer than its own; any
 * SQLite failure). *out is the caller's, closed with io_store_close. */
enum mu_code io_store_open(const char *path, bool is_write, struct io_store **out,
                           struct mu_err *err);

/* Accepts NULL. */
void io_store_close(struct io_store *st);

/* The path the store was opened at (borrowed). */
const char *io_store_path(const struct io_store *st);

/* Makes the store's writes interruptible: while *stop is set, a write waits
 * no longer for another writer's lock, and a transaction not yet committed
 * is rolled back ("interrupted; no run was recorded", MU_E_DB). A flag set
 * during the COMMIT itself does not stop it: the caller that sees the flag
 * set after MU_OK knows the run was recorded. stop may be NULL (off). */
void io_store_set_stop(struct io_store *st, const volatile sig_atomic_t *stop);

/* For tests (fault injection): the n-th SQLite call the store makes from
 * now on - an open, prepare, step or exec - fails as an I/O error would.
 * 0 turns it off. */
void io_store_fail_call(struct io_store *st, long n);

/* Records src (once per content hash) and run, in one transaction: either
 * all of it is stored or nothing. *run_id (may be NULL) gets the new id.
 * Returns MU_OK or, with nothing recorded, MU_E_DB or MU_E_USAGE (as
 * io_store_open, when the file is made or opened now). */
enum mu_code io_store_add_run(struct io_store *st, const struct io_source *src,
                              const struct io_run *run, int64_t *run_id, struct mu_err *err);

/* Records src (once) and the sweep with all its runs in one transaction.
 * *sweep_id and run_ids[i] (either may be NULL) get the new ids. MU_OK or
 * MU_E_DB. */
enum mu_code io_store_add_sweep(struct io_store *st, const struct io_source *src,
                                const struct io_sweep *sweep, int64_t *sweep_id, int64_t *run_ids,
                                struct mu_err *err);

/* io_store_add_sweep for runs of several scenarios solved as one (the
 * weeks of `recruit`): run i is of srcs[i] (n_runs of them, each stored
 * once by content), the sweep's own scenario srcs[0]'s. One transaction.
 * MU_OK or MU_E_DB. */
enum mu_code io_store_add_linked(struct io_store *st, const struct io_source *const *srcs,
                                 const struct io_sweep *sweep, int64_t *sweep_id, int64_t *run_ids,
                                 struct mu_err *err);

/* What io_store_merge copied. */
struct io_merged {
	size_t n_runs;         /* runs, each with its rows */
	size_t n_sweeps;       /* sweeps made in the target */
	size_t n_shard_sweeps; /* of those, the ones put together from shards */
	size_t n_shards;       /* the shards' sweeps they were made of */
	size_t n_values;       /* coalition values (see io_store_add_values) */
};

/* Copies every run of the n_from stores in from (opened for reading;
 * borrowed) into st, with its settings, KPIs, plan rows, values and
 * scenario (stored once by content hash, as always), in one transaction:
 * all of it or nothing. Runs get new ids, in store order and, in a store,
 * oldest first. A whole sweep is copied as one sweep. The shards of one
 * sweep - the sweeps recorded by `sweep --shard I/N` with the same
 * shard_key: the same scenario content, mode, --vary options, number of
 * points and shards, and time limit - become one sweep of st, no longer a
 * shard, made when its first shard was, at its first run's place, its
 * runs in point order (so that runs, show and the sweep's tables read as
 * one process's sweep). Sweeps and runs already in st are not looked at.
 * *out (may be NULL) gets the counts.
 *
 * The coalition values of every scenario are copied too (one the target
 * has already is kept).
 *
 * Returns MU_OK; MU_E_USAGE when a sharded sweep lacks a point (a shard's
 * database not given) or holds one twice (the same shard given twice, or
 * the same sharded sweep run twice): the message names the database and
 * shard; MU_E_DB as io_store_add_run. */
enum mu_code io_store_merge(struct io_store *st, struct io_store *const *from, size_t n_from,
                            struct io_merged *out, struct mu_err *err);

/* Records src (once) and the cost of each of the n coalitions (bit i:
 * partner i) of its game (DESIGN.md §3a), as `shares --shard` values
 * them, with the spend of its plan (the cash game's value, issue 24;
 * spends may be NULL: none recorded), in one transaction; a value recorded
 * before for the same scenario content and coalition is replaced. MU_OK,
 * or MU_E_DB / MU_E_USAGE as io_store_add_run, with nothing recorded. */
enum mu_code io_store_add_values(struct io_store *st, const struct io_source *src,
                                 const uint64_t *coalitions, const double *costs,
                                 const double *spends, size_t n, struct mu_err *err);

/* Calls fn for each coalition value recorded for src's content (by hash),
 * by coalition, with its spend (NAN when none was recorded: a value from
 * before schema 6); fn returns non-zero to stop. */
enum mu_code io_store_list_values(struct io_store *st, const struct io_source *src,
                                  int (*fn)(uint64_t coalition, double cost, double spend,
                                            void *ctx),
                                  void *ctx, struct mu_err *err);

/* Calls fn for every run, oldest first; fn returns non-zero to stop. */
enum mu_code io_store_list_runs(struct io_store *st,
                                int (*fn)(const struct io_run_info *info, void *ctx), void *ctx,
                                struct mu_err *err);

/* Reads one run. MU_E_USAGE when there is no run id. */
enum mu_code io_store_get_run(struct io_store *st, int64_t id, struct io_run_info *out,
                              struct mu_err *err);

/* Calls fn for each setting of run id, by key. */
enum mu_code io_store_list_settings(struct io_store *st, int64_t id,
                                    int (*fn)(const char *key, const char *value, void *ctx),
                                    void *ctx, struct mu_err *err);

/* Calls fn for each value a sweep's run id was solved at, in --vary order
 * (none for a run outside a sweep). */
enum mu_code io_store_list_vary(struct io_store *st, int64_t id,
                                int (*fn)(const struct io_run_vary *v, void *ctx), void *ctx,
                                struct mu_err *err);

/* Calls fn for each scenarios file of two-stage run id ("scenarios"
 * first, then "check"); none for another run. Strings are borrowed for
 * the call. */
enum mu_code io_store_list_draws(struct io_store *st, int64_t id,
                                 int (*fn)(const struct io_run_draws *d, void *ctx), void *ctx,
                                 struct mu_err *err);

/* Calls fn for each KPI of run id, SYSTEM first, then by scope and name. */
enum mu_code io_store_list_kpis(struct io_store *st, int64_t id,
                                int (*fn)(const struct io_run_kpi *kpi, void *ctx), void *ctx,
                                struct mu_err *err);

/* A plan row as stored: its cells as plan.csv spells them. */
struct io_stored_plan_row {
	struct mu_plan_text text;
	double staff, hours, cost, recharge;
};

/* Calls fn for each plan row of run id, in the order stored. */
enum mu_code io_store_list_plan(struct io_store *st, int64_t id,
                                int (*fn)(const struct io_stored_plan_row *row, void *ctx),
                                void *ctx, struct mu_err *err);

/* The files of the scenario of run id, as a source (label: the stored
 * label). MU_E_USAGE when there is no run id. */
enum mu_code io_store_get_scenario(struct io_store *st, int64_t id, struct io_source **out,
                                   struct mu_err *err);

#endif
