/*
 * test_io_store.c - the SQLite store: a run is stored whole and read back;
 * a scenario is stored once by content hash; a failed write leaves nothing;
 * the schema version is set and a newer one refused; two processes writing
 * one database at once neither fail nor corrupt it; every SQLite call made
 * to fail in turn is reported and leaves whole runs; another program's
 * database is refused untouched; a commit is synced; Ctrl-C before the
 * commit records nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "io/io_store.h"
#include "test_util.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char db_path[256];

static int setup(void **state)
{
	(void)state;
	snprintf(db_path, sizeof(db_path), "/tmp/muster-test-store-%d.db", (int)getpid());
	unlink(db_path);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_remove_db(db_path);
	return 0;
}

static struct io_source *tiny_source(const char *demand)
{
	struct io_source *src = mu_calloc(1, sizeof(*src));
	src->label = mu_strdup("tiny");
	src->n_files = 1;
	src->files = mu_calloc(1, sizeof(*src->files));
	src->files[0].name = mu_strdup("demand.csv");
	src->files[0].data = mu_strdup(demand);
	src->files[0].len = strlen(demand);
	return src;
}

static const struct io_run_setting settings[] = {{"mode", "rota"}, {"time_limit", "60"}};
static const struct io_run_kpi kpis[] = {{"SYSTEM", "fill_rate", 0.97}, {"a", "cost", 12.5}};
/* Just what the plan rows' indices need: partner a, role rn, shift d1,
 * bank worker w1. */
static struct mu_partner partners[] = {{.id = "a", .name = "a"}};
static struct mu_role roles[] = {{.id = "rn", .name = "rn"}};
static struct mu_shift shifts[] = {{.id = "d1", .paid_hours = 7.5}};
static struct mu_bank_worker bank[] = {{.id = "w1", .name = "w1"}};
static const struct mu_scenario scenario = {
    .partners = partners,
    .n_partners = 1,
    .roles = roles,
    .n_roles = 1,
    .shifts = shifts,
    .n_shifts = 1,
    .bank = bank,
    .n_bank = 1,
};
static const struct mu_plan_row plan[] = {
    {.source = MU_SRC_BANK,
     .demand = 0,
     .partner = 0,
     .role = 0,
     .shift = 0,
     .worker_role = 0,
     .home = 0,
     .worker = 0,
     .offer = MU_ALL,
     .staff = 1,
     .hours = 7.5,
     .spend = 114.98,
     .cost = 114.98},
    {.source = MU_SRC_SHORT,
     .demand = 0,
     .partner = 0,
     .role = 0,
     .shift = 0,
     .worker_role = MU_ALL,
     .home = MU_ALL,
     .worker = MU_ALL,
     .offer = MU_ALL,
     .staff = 0.5,
     .hours = 3.75,
     .penalty = 750,
     .cost = 750},
};

/* A two-stage run's scenarios files (DESIGN.md §3e). */
static const struct io_run_draws sample_draws[2] = {
    {"scenarios", "fc/scenarios.csv",
     "5c8cd5f5ce3d95aad33718b7bf21475d640c9f9ccc9e589e2f4bcfd966d1a27a", 50},
    {"check", "fc/check-scenarios.csv",
     "3be8de719da9ad01d6ca6c045fc063c46f1fc64aabb3af24934fac2b7c234a0f", 40},
};

static struct io_run sample_run(void)
{
	struct io_run run;
	memset(&run, 0, sizeof(run));
	run.command = "solve";
	run.mode = "rota";
	run.status = "optimal";
	run.has_objective = true;
	run.objective = 864.98;
	run.has_gap = true;
	run.gap = 0;
	run.time_total = 0.25;
	run.n_rows = 10;
	run.n_cols = 20;
	run.n_nonzeros = 40;
	run.settings = settings;
	run.n_settings = 2;
	run.kpis = kpis;
	run.n_kpis = 2;
	run.sc = &scenario;
	run.plan = plan;
	run.n_plan = 2;
	run.draws = sample_draws;
	run.n_draws = 2;
	return run;
}

static int count_plan(const struct io_stored_plan_row *row, void *ctx)
{
	if (*(int *)ctx == 0) {
		assert_string_equal(row->text.source, "bank");
		assert_string_equal(row->text.worker, "w1");
		assert_string_equal(row->text.shift, "d1");
	} else {
		assert_string_equal(row->text.worker, "");
		assert_string_equal(row->text.home, "");
	}
	(*(int *)ctx)++;
	return 0;
}

static int count_kpi(const struct io_run_kpi *kpi, void *ctx)
{
	if (*(int *)ctx == 0)
		assert_string_equal(kpi->scope, "SYSTEM");
	(*(int *)ctx)++;
	return 0;
}

static int check_draws(const struct io_run_draws *d, void *ctx)
{
	const struct io_run_draws *want = &sample_draws[(*(int *)ctx)++];
	assert_string_equal(d->kind, want->kind);
	assert_string_equal(d->file, want->file);
	assert_string_equal(d->hash, want->hash);
	assert_int_equal(d->n_scenarios, want->n_scenarios);
	return 0;
}

static long query_long(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	long v = -1;
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

static void test_io_store_round_trips_a_run(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = tiny_source("partner\na\n"), *back = NULL;
	struct io_run run = sample_run();
	struct io_run_info info;
	struct mu_err err;
	int64_t id = 0, id2 = 0;
	int n = 0;
	(void)state;
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_run(st, src, &run, &id, &err), MU_OK);
	/* the same content run from another folder: stored once, named by the
	 * folder each run was made from */
	free(src->label);
	src->label = mu_strdup("copy");
	assert_int_equal(io_store_add_run(st, src, &run, &id2, &err), MU_OK);
	assert_true(id2 == id + 1);
	assert_int_equal(io_store_get_run(st, id2, &info, &err), MU_OK);
	assert_string_equal(info.scenario_label, "copy");
	assert_int_equal(io_store_get_run(st, id, &info, &err), MU_OK);
	assert_string_equal(info.scenario_label, "tiny");
	assert_string_equal(info.command, "solve");
	assert_string_equal(info.status, "optimal");
	assert_true(info.has_objective && info.objective == 864.98);
	assert_false(info.has_bound);
	assert_int_equal(info.n_plan_rows, 2);
	assert_int_equal(strlen(info.scenario_hash), 64);
	assert_int_equal(io_store_list_plan(st, id, count_plan, &n, &err), MU_OK);
	assert_int_equal(n, 2);
	n = 0;
	assert_int_equal(io_store_list_kpis(st, id, count_kpi, &n, &err), MU_OK);
	assert_int_equal(n, 2);
	/* a two-stage run: its scenarios files, "scenarios" first */
	assert_int_equal(info.n_scenarios, 50);
	n = 0;
	assert_int_equal(io_store_list_draws(st, id, check_draws, &n, &err), MU_OK);
	assert_int_equal(n, 2);
	assert_int_equal(io_store_get_scenario(st, id, &back, &err), MU_OK);
	assert_int_equal(back->n_files, 1);
	assert_string_equal(back->files[0].data, "partner\na\n");
	io_source_free(back);
	/* a scenario with the same content is stored once */
	assert_int_equal(query_long("SELECT count(*) FROM scenarios"), 1);
	assert_int_equal(query_long("PRAGMA user_version"), IO_STORE_SCHEMA_VERSION);
	assert_int_equal(io_store_get_run(st, 99, &info, &err), MU_E_USAGE);
	io_store_close(st);
	io_source_free(src);
}

static void test_io_store_failed_run_leaves_nothing(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = tiny_source("new content\n");
	struct io_run run = sample_run();
	struct io_run_setting dup[2] = {{"k", "1"}, {"k", "2"}}; /* violates the primary key */
	struct mu_err err;
	(void)state;
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	run.settings = dup;
	run.n_settings = 2;
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_E_DB);
	assert_non_null(strstr(err.msg, "insert run setting"));
	io_store_close(st);
	assert_int_equal(query_long("SELECT count(*) FROM runs"), 0);
	assert_int_equal(query_long("SELECT count(*) FROM scenarios"), 0);
	assert_int_equal(query_long("SELECT count(*) FROM plan_rows"), 0);
	io_source_free(src);
}

static int count_vary(const struct io_run_vary *v, void *ctx)
{
	assert_string_equal(v->name, (*(int *)ctx == 0) ? "agency_cap.rn" : "demand");
	(*(int *)ctx)++;
	return 0;
}

static void test_io_store_sweep_is_stored_whole_or_not_at_all(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = tiny_source("sweep\n");
	struct io_run runs[3] = {sample_run(), sample_run(), sample_run()};
	struct io_run_vary at[3][2] = {{{"agency_cap.rn", 25}, {"demand", 1}},
	                               {{"agency_cap.rn", 30}, {"demand", 1}},
	                               {{"agency_cap.rn", 35}, {"demand", 1}}};
	struct io_run_vary twice[2] = {{"demand", 1}, {"demand", 2}}; /* the primary key */
	struct io_sweep sweep = {
	    .mode = "plan", .vary = "--vary agency_cap.rn=25:35:5", .runs = runs, .n_runs = 3};
	struct io_run_info info;
	struct mu_err err;
	int64_t sweep_id = 0, ids[3];
	int k, n = 0;
	(void)state;
	mu_err_clear(&err);
	for (k = 0; k < 3; k++) {
		runs[k].command = "sweep";
		runs[k].vary = at[k];
		runs[k].n_vary = 2;
	}
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_sweep(st, src, &sweep, &sweep_id, ids, &err), MU_OK);
	assert_true(sweep_id > 0 && ids[1] == ids[0] + 1 && ids[2] == ids[1] + 1);
	assert_int_equal(io_store_get_run(st, ids[2], &info, &err), MU_OK);
	assert_true(info.sweep_id == sweep_id);
	assert_string_equal(info.command, "sweep");
	assert_int_equal(io_store_list_vary(st, ids[2], count_vary, &n, &err), MU_OK);
	assert_int_equal(n, 2);
	assert_int_equal(query_long("SELECT value FROM run_vary WHERE name = 'agency_cap.rn' "
	                            "AND run_id = (SELECT max(id) FROM runs)"),
	                 35);
	/* a run outside a sweep has none */
	assert_int_equal(io_store_add_run(st, src, &runs[0], &ids[0], &err), MU_OK);
	assert_int_equal(io_store_get_run(st, ids[0], &info, &err), MU_OK);
	assert_true(info.sweep_id == 0);
	/* the last run of a second sweep fails: none of it stays */
	runs[2].vary = twice;
	assert_int_equal(io_store_add_sweep(st, src, &sweep, NULL, NULL, &err), MU_E_DB);
	io_store_close(st);
	assert_int_equal(query_long("SELECT count(*) FROM sweeps"), 1);
	assert_int_equal(query_long("SELECT count(*) FROM runs"), 4);
	assert_int_equal(query_long("SELECT count(*) FROM runs WHERE sweep_id = 1"), 3);
	io_source_free(src);
}

/* A linked set of runs of several scenarios (recruit's weeks): one sweep,
 * each run of its own scenario, each scenario stored once; and nothing of
 * it when its last run fails. */
static void test_io_store_linked_runs_keep_their_scenarios(void **state)
{
	struct io_store *st = NULL;
	struct io_source *winter = tiny_source("winter\n"), *summer = tiny_source("summer\n");
	const struct io_source *srcs[3];
	struct io_run runs[3] = {sample_run(), sample_run(), sample_run()};
	struct io_run_vary twice[2] = {{"week", 1}, {"week", 2}}; /* the primary key */
	struct io_sweep set = {
	    .mode = "plan", .vary = "recruit weeks=3", .runs = runs, .n_runs = 3};
	struct io_run_info info;
	struct mu_err err;
	int64_t set_id = 0, ids[3];
	(void)state;
	mu_err_clear(&err);
	free(summer->label);
	summer->label = mu_strdup("summer");
	srcs[0] = winter, srcs[1] = summer, srcs[2] = winter;
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_linked(st, srcs, &set, &set_id, ids, &err), MU_OK);
	assert_int_equal(io_store_get_run(st, ids[1], &info, &err), MU_OK);
	assert_true(info.sweep_id == set_id);
	assert_string_equal(info.scenario_label, "summer");
	assert_int_equal(io_store_get_run(st, ids[2], &info, &err), MU_OK);
	assert_string_equal(info.scenario_label, "tiny");
	assert_int_equal(query_long("SELECT count(*) FROM scenarios"), 2);
	assert_int_equal(query_long("SELECT count(DISTINCT scenario_id) FROM runs"), 2);
	runs[2].vary = twice;
	runs[2].n_vary = 2;
	assert_int_equal(io_store_add_linked(st, srcs, &set, NULL, NULL, &err), MU_E_DB);
	io_store_close(st);
	assert_int_equal(query_long("SELECT count(*) FROM sweeps"), 1);
	assert_int_equal(query_long("SELECT count(*) FROM runs"), 3);
	io_source_free(winter);
	io_source_free(summer);
}

static void test_io_store_refuses_newer_schema_and_missing_db(void **state)
{
	struct io_store *st = NULL;
	struct mu_err err;
	sqlite3 *db;
	(void)state;
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, false, &st, &err), MU_E_USAGE);
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	/* a muster database (its mark) from a newer muster: a database problem */
	assert_int_equal(
	    sqlite3_exec(db, "PRAGMA application_id = 1297437524; PRAGMA user_version = 99", NULL,
	                 NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_E_DB);
	assert_non_null(strstr(err.msg, "newer"));
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, false, &st, &err), MU_E_DB);
	assert_non_null(strstr(err.msg, "newer"));
}

#define N_WRITERS 2
#define N_RUNS_EACH 40

static void test_io_store_two_processes_write_at_once(void **state)
{
	pid_t pids[N_WRITERS];
	int i, status;
	(void)state;
	for (i = 0; i < N_WRITERS; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			/* each child opens on its own, as a second muster would */
			struct io_store *st = NULL;
			struct mu_err err;
			char content[64];
			int k, rc = 0;
			mu_err_clear(&err);
			if (io_store_open(db_path, true, &st, &err) != MU_OK) {
				fprintf(stderr, "child %d: %s\n", i, err.msg);
				_exit(10);
			}
			for (k = 0; k < N_RUNS_EACH && rc == 0; k++) {
				struct io_source *src;
				struct io_run run = sample_run();
				snprintf(content, sizeof(content), "writer %d run %d\n", i, k % 5);
				src = tiny_source(content);
				if (io_store_add_run(st, src, &run, NULL, &err) != MU_OK) {
					fprintf(stderr, "child %d: %s\n", i, err.msg);
					rc = 11;
				}
				io_source_free(src);
			}
			io_store_close(st);
			_exit(rc);
		}
	}
	for (i = 0; i < N_WRITERS; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(query_long("SELECT count(*) FROM runs"), N_WRITERS * N_RUNS_EACH);
	assert_int_equal(query_long("SELECT count(*) FROM plan_rows"), N_WRITERS * N_RUNS_EACH * 2);
	assert_int_equal(query_long("SELECT count(*) FROM scenarios"), N_WRITERS * 5);
	assert_int_equal(query_long("SELECT count(*) FROM pragma_integrity_check WHERE "
	                            "integrity_check <> 'ok'"),
	                 0);
}

static bool exists(const char *suffix)
{
	char path[300];
	snprintf(path, sizeof(path), "%s%s", db_path, suffix);
	return access(path, F_OK) == 0;
}

/* Every run in the database is whole: its plan rows, KPIs and settings
 * are all there (sample_run has 2 of each), and the file is sound. */
static void assert_runs_whole(long n_runs)
{
	assert_int_equal(query_long("SELECT count(*) FROM runs"), n_runs);
	assert_int_equal(query_long("SELECT count(*) FROM plan_rows"), 2 * n_runs);
	assert_int_equal(query_long("SELECT count(*) FROM run_kpis"), 2 * n_runs);
	assert_int_equal(query_long("SELECT count(*) FROM run_settings"), 2 * n_runs);
	assert_int_equal(query_long("SELECT count(*) FROM run_draws"), 2 * n_runs);
	assert_int_equal(query_long("SELECT count(*) FROM pragma_integrity_check WHERE "
	                            "integrity_check <> 'ok'"),
	                 0);
}

/* Fault injection: each SQLite call of a write is made to fail in turn,
 * from opening a new file to COMMIT. Every failure is reported (an error
 * code and a message), and the database holds the whole run or none of it. */
static void test_io_store_every_failed_call_is_reported(void **state)
{
	struct io_source *src = tiny_source("faults\n");
	struct io_run run = sample_run();
	long n, n_failed = 0;
	(void)state;
	for (n = 1;; n++) {
		struct io_store *st = NULL;
		struct mu_err err;
		enum mu_code rc;
		teardown(NULL);
		mu_err_clear(&err);
		assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
		io_store_fail_call(st, n);
		rc = io_store_add_run(st, src, &run, NULL, &err);
		io_store_close(st);
		if (rc == MU_OK) {
			assert_runs_whole(1);
			break;
		}
		n_failed++;
		assert_int_equal(err.code, rc);
		assert_true(err.msg[0] != '\0');
		assert_non_null(strstr(err.msg, db_path));
		if (exists("") && query_long("SELECT count(*) FROM sqlite_master") > 0)
			assert_runs_whole(0);
	}
	assert_true(n_failed > 15); /* open, identify, WAL, schema, inserts, COMMIT */
	/* into a database that holds a run already: a sweep of three */
	for (n = 1;; n++) {
		struct io_run runs[3] = {sample_run(), sample_run(), sample_run()};
		struct io_sweep sweep = {
		    .mode = "plan", .vary = "--vary demand=1:3:1", .runs = runs, .n_runs = 3};
		struct io_store *st = NULL;
		struct mu_err err;
		enum mu_code rc;
		long before = query_long("SELECT count(*) FROM runs");
		mu_err_clear(&err);
		assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
		io_store_fail_call(st, n);
		rc = io_store_add_sweep(st, src, &sweep, NULL, NULL, &err);
		io_store_close(st);
		if (rc == MU_OK) {
			assert_runs_whole(before + 3);
			break;
		}
		assert_true(err.msg[0] != '\0' && err.code == rc);
		assert_runs_whole(before);
	}
	assert_true(n > 10);
	/* the readers: each failure reported, none taken for "no more rows" */
	for (n = 1; n <= 4; n++) {
		struct io_store *st = NULL;
		struct io_run_info info;
		struct mu_err err;
		int k = 0;
		mu_err_clear(&err);
		assert_int_equal(io_store_open(db_path, false, &st, &err), MU_OK);
		io_store_fail_call(st, n);
		if (io_store_get_run(st, 1, &info, &err) == MU_OK &&
		    io_store_list_plan(st, 1, count_plan, &k, &err) == MU_OK)
			fail_msg("call %ld was made to fail, yet both reads succeeded", n);
		assert_true(err.msg[0] != '\0');
		io_store_close(st);
	}
	io_source_free(src);
}

/* The case: a negative user_version failed with no message. */
static void test_io_store_refuses_an_unknown_schema_version(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = tiny_source("x\n");
	struct io_run run = sample_run();
	struct mu_err err;
	sqlite3 *db;
	(void)state;
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_OK);
	io_store_close(st);
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = -1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_E_DB);
	assert_non_null(strstr(err.msg, "unknown database schema version -1"));
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, false, &st, &err), MU_E_DB);
	assert_non_null(strstr(err.msg, "schema version -1"));
	io_source_free(src);
}

/* Issue #24: a run recorded by an older muster named penalty weights
 * <kind>_cost and kept each source's cost (spend and penalties mixed).
 * Opened now, the weights are <kind>_penalty (one row where the run had
 * both), a source's cost goes where the run has its spend apart, and is
 * <source>_spend_and_penalties where it has not. */
static void test_io_store_migrates_old_kpi_names(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = tiny_source("x\n");
	struct io_run run = sample_run();
	struct mu_err err;
	sqlite3 *db;
	(void)state;
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_OK);
	io_store_close(st);
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db,
	                 "DELETE FROM run_kpis;"
	                 "INSERT INTO run_kpis VALUES (1, 'SYSTEM', 'short_cost', 10),"
	                 " (1, 'SYSTEM', 'short_penalty', 10), (1, 'SYSTEM', 'breach_cost', 5),"
	                 " (1, 'SYSTEM', 'agency_cost', 30), (1, 'SYSTEM', 'spend', 25),"
	                 " (1, 'SYSTEM', 'total_cost', 45), (1, 'a', 'bank_cost', 7),"
	                 " (1, 'a', 'change_cost', 2);"
	                 /* before the names' migration, 6 -> 7, and so before
	                  * run_draws, 7 -> 8 */
	                 "DROP TABLE run_draws; PRAGMA user_version = 6",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(io_store_open(db_path, false, &st, &err), MU_OK);
	io_store_close(st);
	assert_int_equal(query_long("PRAGMA user_version"), IO_STORE_SCHEMA_VERSION);
	assert_int_equal(query_long("SELECT count(*) FROM run_kpis"
	                            " WHERE name GLOB '*_cost' AND name <> 'total_cost'"),
	                 0);
	assert_int_equal(query_long("SELECT value FROM run_kpis WHERE name = 'short_penalty'"), 10);
	assert_int_equal(query_long("SELECT count(*) FROM run_kpis WHERE name = 'short_penalty'"),
	                 1);
	assert_int_equal(query_long("SELECT value FROM run_kpis WHERE name = 'breach_penalty'"), 5);
	assert_int_equal(query_long("SELECT value FROM run_kpis WHERE scope = 'a'"
	                            " AND name = 'change_penalty'"),
	                 2);
	assert_int_equal(query_long("SELECT value FROM run_kpis WHERE scope = 'a'"
	                            " AND name = 'bank_spend_and_penalties'"),
	                 7);
	assert_int_equal(query_long("SELECT count(*) FROM run_kpis WHERE name GLOB 'agency*'"), 0);
	assert_int_equal(query_long("SELECT value FROM run_kpis WHERE name = 'total_cost'"), 45);
	assert_int_equal(query_long("SELECT count(*) FROM run_draws"), 0); /* made, empty */
	io_source_free(src);
}

/* Another program's SQLite file, with a table of its own or one named
 * runs: refused for writing and for reading, not a byte changed, not
 * switched to WAL. */
static void test_io_store_refuses_another_programs_database(void **state)
{
	static const char *const schemas[] = {
	    "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');",
	    "CREATE TABLE runs (id INTEGER PRIMARY KEY, who TEXT); INSERT INTO runs VALUES (1, "
	    "'x');",
	    "PRAGMA application_id = 42;",
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(schemas) / sizeof(schemas[0]); i++) {
		struct io_store *st = NULL;
		struct io_source *src = tiny_source("x\n");
		struct io_run run = sample_run();
		struct mu_err err;
		sqlite3 *db;
		size_t n_before, n_after;
		char *before, *after;
		teardown(NULL);
		assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, schemas[i], NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
		before = tu_read(db_path, &n_before);
		assert_non_null(before);
		mu_err_clear(&err);
		assert_int_equal(io_store_open(db_path, true, &st, &err), MU_E_USAGE);
		assert_non_null(strstr(err.msg, "not a muster database"));
		mu_err_clear(&err);
		assert_int_equal(io_store_open(db_path, false, &st, &err), MU_E_USAGE);
		assert_non_null(strstr(err.msg, "not a muster database"));
		after = tu_read(db_path, &n_after);
		assert_non_null(after);
		assert_true(n_before > 0 && n_before == n_after &&
		            memcmp(before, after, n_after) == 0);
		assert_true(before[18] == 1 && before[19] == 1); /* still a rollback journal */
		assert_false(exists("-wal"));
		free(before);
		free(after);
		io_source_free(src);
		(void)run;
	}
}

/* An empty file (touch muster.db) is made muster's; a muster database
 * from before the mark is marked and used. */
static void test_io_store_adopts_an_empty_file_and_an_unmarked_database(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = tiny_source("x\n");
	struct io_run run = sample_run();
	struct mu_err err;
	FILE *fp = fopen(db_path, "w");
	sqlite3 *db;
	(void)state;
	assert_non_null(fp);
	fclose(fp);
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, false, &st, &err),
	                 MU_E_USAGE); /* nothing to list */
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_OK);
	io_store_close(st);
	assert_int_equal(query_long("PRAGMA application_id"), 0x4D555354);
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA application_id = 0", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_OK);
	io_store_close(st);
	assert_int_equal(query_long("PRAGMA application_id"), 0x4D555354);
	assert_runs_whole(2);
	io_source_free(src);
}

/* A store opened for writing makes no file until it writes; one for a
 * folder that cannot take it is refused at once. */
static void test_io_store_checks_before_it_creates(void **state)
{
	struct io_store *st = NULL;
	struct mu_err err;
	(void)state;
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	io_store_close(st);
	assert_false(exists(""));
	assert_int_equal(io_store_open("/no/such/folder/m.db", true, &st, &err), MU_E_DB);
	assert_non_null(strstr(err.msg, "no folder '/no/such/folder'"));
	mu_err_clear(&err);
	assert_int_equal(io_store_open("/tmp", true, &st, &err), MU_E_USAGE);
	assert_non_null(strstr(err.msg, "is a folder"));
}

/* Ctrl-C before COMMIT: rolled back, said, nothing recorded. */
static void test_io_store_stops_before_commit(void **state)
{
	static volatile sig_atomic_t stop;
	struct io_store *st = NULL;
	struct io_source *src = tiny_source("x\n");
	struct io_run run = sample_run();
	struct mu_err err;
	(void)state;
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_OK);
	io_store_set_stop(st, &stop);
	stop = 1;
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_E_DB);
	assert_non_null(strstr(err.msg, "interrupted; nothing was recorded"));
	io_store_close(st);
	assert_runs_whole(1);
	io_source_free(src);
}

/* Durability: a VFS over the default one counts syncs of the -wal file.
 * With synchronous = NORMAL a WAL commit is not synced (a power cut may
 * lose it); with FULL every commit is. */
static sqlite3_vfs *base_vfs;
static sqlite3_vfs counting_vfs;
static int n_wal_syncs;

struct counting_file {
	sqlite3_file base;
	const struct sqlite3_io_methods *real_methods;
	bool is_wal;
	/* the real file follows */
};

static struct sqlite3_io_methods counting_methods;

static sqlite3_file *real_file(sqlite3_file *f)
{
	return (sqlite3_file *)((char *)f + sizeof(struct counting_file));
}

static int count_sync(sqlite3_file *f, int flags)
{
	struct counting_file *cf = (struct counting_file *)f;
	n_wal_syncs += cf->is_wal;
	return cf->real_methods->xSync(real_file(f), flags);
}

/* Each method passes through to the real file. */
#define PASS(name, params, args)                                                                   \
	static int pass_##name params                                                              \
	{                                                                                          \
		return ((struct counting_file *)f)->real_methods->name args;                       \
	}
PASS(xClose, (sqlite3_file * f), (real_file(f)))
PASS(xRead, (sqlite3_file * f, void *b, int n, sqlite3_int64 o), (real_file(f), b, n, o))
PASS(xWrite, (sqlite3_file * f, const void *b, int n, sqlite3_int64 o), (real_file(f), b, n, o))
PASS(xTruncate, (sqlite3_file * f, sqlite3_int64 n), (real_file(f), n))
PASS(xFileSize, (sqlite3_file * f, sqlite3_int64 *n), (real_file(f), n))
PASS(xLock, (sqlite3_file * f, int l), (real_file(f), l))
PASS(xUnlock, (sqlite3_file * f, int l), (real_file(f), l))
PASS(xCheckReservedLock, (sqlite3_file * f, int *r), (real_file(f), r))
PASS(xFileControl, (sqlite3_file * f, int op, void *a), (real_file(f), op, a))
PASS(xSectorSize, (sqlite3_file * f), (real_file(f)))
PASS(xDeviceCharacteristics, (sqlite3_file * f), (real_file(f)))
PASS(xShmMap, (sqlite3_file * f, int i, int n, int e, void volatile **p),
     (real_file(f), i, n, e, p))
PASS(xShmLock, (sqlite3_file * f, int o, int n, int fl), (real_file(f), o, n, fl))
PASS(xShmUnmap, (sqlite3_file * f, int d), (real_file(f), d))
static void pass_xShmBarrier(sqlite3_file *f)
{
	((struct counting_file *)f)->real_methods->xShmBarrier(real_file(f));
}

static int counting_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
                         int *out_flags)
{
	struct counting_file *cf = (struct counting_file *)f;
	int rc;
	(void)vfs;
	memset(cf, 0, sizeof(*cf));
	rc = base_vfs->xOpen(base_vfs, name, real_file(f), flags, out_flags);
	if (rc != SQLITE_OK)
		return rc;
	cf->real_methods = real_file(f)->pMethods;
	cf->is_wal = (flags & SQLITE_OPEN_WAL) != 0;
	counting_methods = (struct sqlite3_io_methods){
	    .iVersion = 2,
	    .xClose = pass_xClose,
	    .xRead = pass_xRead,
	    .xWrite = pass_xWrite,
	    .xTruncate = pass_xTruncate,
	    .xSync = count_sync,
	    .xFileSize = pass_xFileSize,
	    .xLock = pass_xLock,
	    .xUnlock = pass_xUnlock,
	    .xCheckReservedLock = pass_xCheckReservedLock,
	    .xFileControl = pass_xFileControl,
	    .xSectorSize = pass_xSectorSize,
	    .xDeviceCharacteristics = pass_xDeviceCharacteristics,
	    .xShmMap = pass_xShmMap,
	    .xShmLock = pass_xShmLock,
	    .xShmBarrier = pass_xShmBarrier,
	    .xShmUnmap = pass_xShmUnmap,
	};
	f->pMethods = &counting_methods;
	return SQLITE_OK;
}

static void test_io_store_a_recorded_run_is_synced(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = tiny_source("x\n");
	struct io_run run = sample_run();
	struct mu_err err;
	(void)state;
	base_vfs = sqlite3_vfs_find(NULL);
	counting_vfs = *base_vfs;
	counting_vfs.zName = "counting";
	counting_vfs.szOsFile = (int)sizeof(struct counting_file) + base_vfs->szOsFile;
	counting_vfs.xOpen = counting_open;
	assert_int_equal(sqlite3_vfs_register(&counting_vfs, 1), SQLITE_OK);
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db_path, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_OK);
	n_wal_syncs = 0;
	assert_int_equal(io_store_add_run(st, src, &run, NULL, &err), MU_OK);
	/* the commit is on disk before add_run returns */
	assert_true(n_wal_syncs >= 1);
	io_store_close(st);
	sqlite3_vfs_unregister(&counting_vfs);
	io_source_free(src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_io_store_round_trips_a_run, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_failed_run_leaves_nothing, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_sweep_is_stored_whole_or_not_at_all,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_linked_runs_keep_their_scenarios, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_refuses_newer_schema_and_missing_db,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_two_processes_write_at_once, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_every_failed_call_is_reported, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_migrates_old_kpi_names, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_refuses_an_unknown_schema_version, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_refuses_another_programs_database, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        test_io_store_adopts_an_empty_file_and_an_unmarked_database, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_checks_before_it_creates, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_stops_before_commit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_io_store_a_recorded_run_is_synced, setup,
	                                    teardown),
	};
	return tu_run_tests(tests, NULL, NULL);
}
