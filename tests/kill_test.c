/*
 * kill_test.c - `muster solve` and `muster sweep` on the example (plan mode
 * and rota) killed with SIGKILL at random moments, again and again, for at
 * least KILL_TEST_SECONDS (75 by default), and on a loaded machine on
 * until there are 10 kills, one inside a write: the verdict counts kills,
 * not seconds, and every run searches to proof, never to a time limit, so
 * that what a run records does not depend on the load either. Half the kills
 * fall anywhere in a run; half just after the write-ahead log starts to
 * grow with the run's rows, inside the database write or the checkpoint
 * after it (a sweep of 21 quick plan-mode points writes some 27,000 plan
 * rows, about 3 MB, in one transaction). Which kills landed inside a write
 * transaction is read from the log the killed process leaves: frames with
 * valid salts and checksums after its last commit frame were written by a
 * transaction that never committed.
 *
 * After every kill the store must pass PRAGMA integrity_check, hold no row
 * of a run that is not there (settings, KPIs, plan rows, sweep values), and
 * every run must be whole: plan rows numbered 0..n-1 whose costs add up to
 * the run's objective (DESIGN.md §3b), as many settings and KPIs as an
 * unkilled run records, its SYSTEM total_cost equal to the objective, and a
 * sweep holding all its points. A run the killed process said it recorded
 * must be there. `muster show` must print what the store holds and `muster
 * runs` must list every run. Every so often the database starts afresh, so
 * that kills also land in its creation. The solves and sweeps write --out:
 * a complete --out folder whose runs are not all in the store fails (the
 * outputs are moved into place only after the runs are committed).
 * KILL_TEST_SEED replays the choices. `muster demo --out` is killed apart, a
 * few times in its first write: its outputs wait for both its runs; and a
 * short `muster sweep --lp --out`, a dozen times: its folder waits for
 * every point's run. A two-stage `solve --lp --scenarios` (DESIGN.md §3e)
 * is one of the jobs killed at random: its plan rows add up to what it
 * recorded as decided now, its objective to its expected spend and
 * penalties, and its --out (plan.csv, day.csv, risk.csv, report.html)
 * waits for its run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_util.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define JOBS_PER_DB 12 /* completed or killed jobs before a fresh database */
#define MAX_ARGS 16
#define WAL_OPEN_BYTES (32 + 24 + 4096) /* a log's header and one frame */

struct job {
	const char *name;
	const char *args[MAX_ARGS]; /* after "muster"; SCENARIO and DB are filled in */
	const char *vary_name;      /* a sweep's --vary name, else NULL */
	long n_points;              /* a sweep's points */
	double write_window;        /* seconds its database write takes, about */
	double seconds;             /* how long it takes unkilled (measured) */
	bool is_twostage;           /* solve --scenarios: its own outputs and KPIs */
};

static struct job jobs[] = {
    {.name = "solve --lp",
     .args = {"solve", "@EX", "--lp", "--db", "@DB", "--out", "@OUT", NULL},
     .write_window = 0.003},
    {.name = "solve (rota)", /* to proof: about 4 s on an idle machine */
     .args = {"solve", "@EX", "--db", "@DB", "--out", "@OUT", NULL},
     .write_window = 0.003},
    {.name = "sweep --lp (21 points)",
     .args = {"sweep", "@EX", "--lp", "--vary", "shortfall_penalty=100:300:10", "--db", "@DB",
              "--out", "@OUT", NULL},
     .vary_name = "shortfall_penalty",
     .n_points = 21,
     .write_window = 0.08},
    {.name = "sweep (rota, 2 points)", /* each proven */
     .args = {"sweep", "@EX", "--vary", "tier_penalty=0:10:10", "--db", "@DB", "--out", "@OUT",
              NULL},
     .vary_name = "tier_penalty",
     .n_points = 2,
     .write_window = 0.01},
    /* test_kill_sweep_out's alone (pick_job never picks it): a short
     * sweep, its folder written and moved into place after the record */
    {.name = "sweep --lp --out (3 points)",
     .args = {"sweep", "@EX", "--lp", "--vary", "break_glass_penalty=1000:1200:100", "--db", "@DB",
              "--out", "@OUT", NULL},
     .vary_name = "break_glass_penalty",
     .n_points = 3,
     .write_window = 0.02},
    /* a two-stage plan (DESIGN.md §3e) on two scenarios of the example's
     * demand raised (draws_path): plan rows what is decided now, its
     * scenarios file in run_draws */
    {.name = "solve --lp --scenarios",
     .args = {"solve", "@EX", "--lp", "--scenarios", "@DRAWS", "--db", "@DB", "--out", "@OUT",
              NULL},
     .write_window = 0.003,
     .is_twostage = true},
};
#define SHORT_SWEEP 4 /* jobs[SHORT_SWEEP] */
#define TWOSTAGE 5    /* jobs[TWOSTAGE] */
#define N_JOBS (sizeof(jobs) / sizeof(jobs[0]))

struct tally {
	long n_killed, n_finished, n_in_write, n_fresh_dbs, n_runs_checked;
};

/* Runs after which too few kills fail the test: kills that never land
 * would be a fault of the test, not of the machine's speed. */
#define MAX_RUNS 400

static const char *muster_bin, *example_dir;
static char db_path[4096], out_path[4096], dir_out[4096], draws_path[4096];
/* what an unkilled run records; a two-stage run's KPIs apart */
static long ref_settings = -1, ref_kpis = -1, ref_twostage_kpis = -1;

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_seconds(double s)
{
	struct timespec ts;
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
}

/* The job's argv with the scenario and database filled in. */
static void job_argv(const struct job *j, const char **argv)
{
	size_t i, n = 0;
	argv[n++] = muster_bin;
	for (i = 0; j->args[i]; i++)
		argv[n++] = strcmp(j->args[i], "@EX") == 0      ? example_dir
		            : strcmp(j->args[i], "@DB") == 0    ? db_path
		            : strcmp(j->args[i], "@OUT") == 0   ? dir_out
		            : strcmp(j->args[i], "@DRAWS") == 0 ? draws_path
		                                                : j->args[i];
	argv[n] = NULL;
}

static pid_t spawn(const char **argv, const char *out)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			_exit(127);
		dup2(fd, 1);
		dup2(fd, 2);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

/* Runs argv to the end; returns its exit status (-1 if signalled). */
static int run_to_end(const char **argv, const char *out)
{
	int status;
	pid_t pid = spawn(argv, out);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static off_t wal_size(void)
{
	char path[4200];
	struct stat sb;
	snprintf(path, sizeof(path), "%s-wal", db_path);
	return stat(path, &sb) == 0 ? sb.st_size : 0;
}

/* When to kill: after delay seconds, or (is_on_write) delay seconds after
 * the write-ahead log has grown past its header and one frame (what
 * opening the store may write), i.e. inside the run's database write. */
struct kill_moment {
	bool is_on_write;
	double delay;
};

/* Runs argv and sends SIGKILL at the moment m unless it ended first.
 * Returns true when it was killed; *status is its exit status otherwise. */
static bool run_and_kill(const char **argv, const char *out, struct kill_moment m, int *status)
{
	off_t wal_at_start = wal_size();
	pid_t pid = spawn(argv, out);
	double until = m.is_on_write ? -1 : now_seconds() + m.delay;
	int st;
	for (;;) {
		pid_t got = waitpid(pid, &st, WNOHANG);
		assert_true(got >= 0);
		if (got == pid) {
			*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
			return false;
		}
		if (until < 0 && wal_size() > wal_at_start + WAL_OPEN_BYTES)
			until = now_seconds() + m.delay;
		if (until >= 0 && now_seconds() >= until)
			break;
		sleep_seconds(until < 0 ? 0.0002 : 0.001);
	}
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)
		return true;
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1; /* ended just before the kill */
	return false;
}

/* --- the write-ahead log a killed process left (sqlite.org/fileformat.html) */

static uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t get_word(const unsigned char *p, bool is_big_endian)
{
	return is_big_endian
	           ? get_be32(p)
	           : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static void wal_checksum(const unsigned char *p, size_t len, bool is_big_endian, uint32_t s[2])
{
	size_t i;
	for (i = 0; i + 8 <= len; i += 8) {
		s[0] += get_word(p + i, is_big_endian) + s[1];
		s[1] += get_word(p + i + 4, is_big_endian) + s[0];
	}
}

/* The frames of the log that are valid (salts and running checksum) after
 * its last commit frame: written by a transaction that did not commit.
 * 0 when there is no log or none. */
static long wal_uncommitted_frames(const char *db)
{
	char path[4200];
	FILE *fp;
	unsigned char hdr[32], fh[24], *page;
	uint32_t magic, page_size, s[2] = {0, 0};
	bool is_big_endian;
	long n_after_commit = 0;
	snprintf(path, sizeof(path), "%s-wal", db);
	fp = fopen(path, "rb");
	if (!fp)
		return 0;
	if (fread(hdr, 1, 32, fp) != 32) {
		fclose(fp);
		return 0;
	}
	magic = get_be32(hdr);
	page_size = get_be32(hdr + 8);
	is_big_endian = magic == 0x377f0683;
	if ((magic & 0xfffffffe) != 0x377f0682 || page_size < 512 || page_size > 65536) {
		fclose(fp);
		return 0;
	}
	wal_checksum(hdr, 24, is_big_endian, s);
	if (s[0] != get_be32(hdr + 24) || s[1] != get_be32(hdr + 28)) {
		fclose(fp);
		return 0;
	}
	page = malloc(page_size);
	assert_non_null(page);
	while (fread(fh, 1, 24, fp) == 24 && fread(page, 1, page_size, fp) == page_size) {
		if (memcmp(fh + 8, hdr + 16, 8) != 0)
			break; /* salts of an older log: not this one's frames */
		wal_checksum(fh, 8, is_big_endian, s);
		wal_checksum(page, page_size, is_big_endian, s);
		if (s[0] != get_be32(fh + 16) || s[1] != get_be32(fh + 20))
			break;
		n_after_commit = get_be32(fh + 4) != 0 ? 0 : n_after_commit + 1;
	}
	free(page);
	fclose(fp);
	return n_after_commit;
}

/* --- the store, read with SQLite directly (no code shared with io_store.c) */

static long query_long(sqlite3 *db, const char *sql, int64_t arg)
{
	sqlite3_stmt *st;
	long v = -1;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static bool has_table(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	bool found;
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT 1 FROM sqlite_master WHERE type = 'table' "
	                                    "AND name = ?1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static void check_integrity(sqlite3 *db)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
		fail_msg("integrity_check: %s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* No row belongs to a run, sweep or scenario that is not there. */
static void check_no_orphans(sqlite3 *db)
{
	static const char *const sql[] = {
	    "SELECT count(*) FROM plan_rows WHERE run_id NOT IN (SELECT id FROM runs)",
	    "SELECT count(*) FROM run_kpis WHERE run_id NOT IN (SELECT id FROM runs)",
	    "SELECT count(*) FROM run_settings WHERE run_id NOT IN (SELECT id FROM runs)",
	    "SELECT count(*) FROM run_vary WHERE run_id NOT IN (SELECT id FROM runs)",
	    "SELECT count(*) FROM runs WHERE scenario_id NOT IN (SELECT id FROM scenarios)",
	    "SELECT count(*) FROM runs WHERE sweep_id IS NOT NULL "
	    "AND sweep_id NOT IN (SELECT id FROM sweeps)",
	    "SELECT count(*) FROM scenarios WHERE id NOT IN "
	    "(SELECT scenario_id FROM scenario_files)",
	    "SELECT count(*) FROM sweeps WHERE id NOT IN "
	    "(SELECT sweep_id FROM runs WHERE sweep_id IS NOT NULL)",
	};
	size_t i;
	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++)
		if (query_long(db, sql[i], 0) != 0)
			fail_msg("rows left by a partial write: %s", sql[i]);
}

/* What `muster show RUN` prints: the plan-row count, and the lines under
 * "settings:" and "KPIs:". */
static void show_counts(int64_t id, long *n_plan, long *n_settings, long *n_kpis)
{
	char id_text[32], line[1024], show_out[4200];
	const char *argv[] = {muster_bin, "show", id_text, "--db", db_path, NULL};
	FILE *fp;
	long *section = NULL;
	snprintf(id_text, sizeof(id_text), "%lld", (long long)id);
	snprintf(show_out, sizeof(show_out), "%s.show", out_path);
	assert_int_equal(run_to_end(argv, show_out), 0);
	*n_plan = *n_settings = *n_kpis = -1;
	fp = fopen(show_out, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp)) {
		if (sscanf(line, "  plan rows %ld", n_plan) == 1)
			continue;
		if (strcmp(line, "settings:\n") == 0)
			section = n_settings;
		else if (strcmp(line, "KPIs:\n") == 0)
			section = n_kpis;
		else if (line[0] != ' ')
			section = NULL;
		if (section && line[0] != ' ')
			*section = 0;
		else if (section)
			(*section)++;
	}
	fclose(fp);
}

/* One run, whole: plan rows, settings, KPIs, sweep values, and what
 * `muster show` prints of it when is_shown. */
static void check_run(sqlite3 *db, int64_t id, bool is_shown)
{
	sqlite3_stmt *st;
	double objective, sum_cost, total_cost;
	double now_cost, expected_cost;
	long n_plan, min_seq, max_seq, n_settings, n_kpis, n_vary, sweep_id, n_draws;
	assert_int_equal(
	    sqlite3_prepare_v2(db,
	                       "SELECT r.objective, coalesce(r.sweep_id, 0),"
	                       " (SELECT count(*) FROM plan_rows WHERE run_id = r.id),"
	                       " (SELECT min(seq) FROM plan_rows WHERE run_id = r.id),"
	                       " (SELECT max(seq) FROM plan_rows WHERE run_id = r.id),"
	                       " (SELECT sum(cost) FROM plan_rows WHERE run_id = r.id),"
	                       " (SELECT count(*) FROM run_settings WHERE run_id = r.id),"
	                       " (SELECT count(*) FROM run_kpis WHERE run_id = r.id),"
	                       " (SELECT value FROM run_kpis WHERE run_id = r.id"
	                       "  AND scope = 'SYSTEM' AND name = 'total_cost'),"
	                       " (SELECT count(*) FROM run_vary WHERE run_id = r.id),"
	                       " (SELECT count(*) FROM run_draws WHERE run_id = r.id),"
	                       " (SELECT sum(value) FROM run_kpis WHERE run_id = r.id"
	                       "  AND scope = 'SYSTEM' AND name IN ('now_spend', 'now_penalties')),"
	                       " (SELECT sum(value) FROM run_kpis WHERE run_id = r.id"
	                       "  AND scope = 'SYSTEM'"
	                       "  AND name IN ('expected_spend', 'expected_penalties'))"
	                       " FROM runs r WHERE r.id = ?1",
	                       -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	objective = sqlite3_column_double(st, 0);
	sweep_id = (long)sqlite3_column_int64(st, 1);
	n_plan = (long)sqlite3_column_int64(st, 2);
	min_seq = (long)sqlite3_column_int64(st, 3);
	max_seq = (long)sqlite3_column_int64(st, 4);
	sum_cost = sqlite3_column_double(st, 5);
	n_settings = (long)sqlite3_column_int64(st, 6);
	n_kpis = (long)sqlite3_column_int64(st, 7);
	total_cost = sqlite3_column_double(st, 8);
	n_vary = (long)sqlite3_column_int64(st, 9);
	n_draws = (long)sqlite3_column_int64(st, 10);
	now_cost = sqlite3_column_double(st, 11);
	expected_cost = sqlite3_column_double(st, 12);
	sqlite3_finalize(st);
	if (n_draws > 1)
		fail_msg("run %lld: %ld scenarios files, the job gives one", (long long)id,
		         n_draws);
	/* a two-stage run (DESIGN.md §3e): its plan rows are what is decided
	 * now (their costs add up to now_spend + now_penalties) and its
	 * objective is the expected cost (expected_spend +
	 * expected_penalties) */
	if (n_draws == 1) {
		sum_cost -= now_cost;
		total_cost = expected_cost;
	}

	if (n_plan < 1 || min_seq != 0 || max_seq != n_plan - 1)
		fail_msg("run %lld: plan rows %ld, seq %ld..%ld", (long long)id, n_plan, min_seq,
		         max_seq);
	if (n_draws == 0 && fabs(sum_cost - objective) > 1e-6 * fmax(1, fabs(objective)))
		fail_msg("run %lld: plan costs add up to %.6f, the objective is %.6f",
		         (long long)id, sum_cost, objective);
	if (n_draws == 1 && fabs(sum_cost) > 1e-6 * fmax(1, fabs(now_cost)))
		fail_msg("run %lld: plan costs add up to %.6f more than now_spend + now_penalties "
		         "%.6f",
		         (long long)id, sum_cost, now_cost);
	if (fabs(total_cost - objective) > 1e-6 * fmax(1, fabs(objective)))
		fail_msg("run %lld: SYSTEM total_cost %.6f, objective %.6f", (long long)id,
		         total_cost, objective);
	if (ref_settings >= 0 &&
	    (n_settings != ref_settings || n_kpis != (n_draws ? ref_twostage_kpis : ref_kpis)))
		fail_msg("run %lld: %ld settings and %ld KPIs, an unkilled run has %ld and %ld",
		         (long long)id, n_settings, n_kpis, ref_settings,
		         n_draws ? ref_twostage_kpis : ref_kpis);
	if (n_vary != (sweep_id ? 1 : 0))
		fail_msg("run %lld: %ld sweep values", (long long)id, n_vary);
	if (is_shown) {
		long shown_plan, shown_settings, shown_kpis;
		show_counts(id, &shown_plan, &shown_settings, &shown_kpis);
		if (shown_plan != n_plan || shown_settings != n_settings || shown_kpis != n_kpis)
			fail_msg("run %lld: muster show prints %ld plan rows, %ld settings, %ld "
			         "KPIs; the store holds %ld, %ld, %ld",
			         (long long)id, shown_plan, shown_settings, shown_kpis, n_plan,
			         n_settings, n_kpis);
	}
}

/* Every sweep holds all its points. */
static void check_sweeps(sqlite3 *db)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT s.id, s.vary, (SELECT count(*) FROM runs "
	                                    "WHERE sweep_id = s.id) FROM sweeps s",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *vary = (const char *)sqlite3_column_text(st, 1);
		long n = (long)sqlite3_column_int64(st, 2), want = -1;
		size_t k;
		for (k = 0; k < N_JOBS; k++)
			if (jobs[k].vary_name && strstr(vary, jobs[k].vary_name))
				want = jobs[k].n_points;
		if (n != want)
			fail_msg("sweep %lld (%s): %ld runs of %ld",
			         (long long)sqlite3_column_int64(st, 0), vary, n, want);
	}
	sqlite3_finalize(st);
}

/* `muster runs` works and lists as many runs as the store holds. */
static void check_runs_command(long n_runs)
{
	char line[1024], runs_out[4200];
	const char *argv[] = {muster_bin, "runs", "--db", db_path, NULL};
	FILE *fp;
	long n_listed = 0, id;
	snprintf(runs_out, sizeof(runs_out), "%s.runs", out_path);
	assert_int_equal(run_to_end(argv, runs_out), 0);
	fp = fopen(runs_out, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, " %ld ", &id) == 1)
			n_listed++;
	fclose(fp);
	if (n_listed != n_runs)
		fail_msg("muster runs lists %ld runs, the store holds %ld", n_listed, n_runs);
}

/* Checks the store; the runs after *checked_id one by one (the first and
 * last of them through `muster show` too). With is_full, every run again
 * and `muster runs`. Returns the number of runs. */
static long check_store(int64_t *checked_id, bool is_full, struct tally *t)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t first = 0, last = 0;
	long n_runs;
	struct stat sb;
	if (stat(db_path, &sb) != 0)
		return 0; /* killed before it created the file */
	assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	check_integrity(db);
	if (query_long(db, "PRAGMA user_version", 0) < 3 || !has_table(db, "run_vary")) {
		/* killed before the schema was made: the next muster makes it */
		sqlite3_close(db);
		return 0;
	}
	check_no_orphans(db);
	check_sweeps(db);
	assert_int_equal(
	    sqlite3_prepare_v2(db, "SELECT id FROM runs WHERE id > ?1 ORDER BY id", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, is_full ? 0 : *checked_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		check_run(db, id, false);
		t->n_runs_checked++;
		if (!first)
			first = id;
		last = id;
	}
	sqlite3_finalize(st);
	if (first) {
		check_run(db, first, true);
		if (last != first)
			check_run(db, last, true);
		*checked_id = last;
	}
	n_runs = query_long(db, "SELECT count(*) FROM runs", 0);
	sqlite3_close(db);
	if (is_full)
		check_runs_command(n_runs);
	return n_runs;
}

/* The runs the process said it recorded ("run 7 recorded in ...", "sweep 2
 * recorded in ... (runs 3 to 23)") must be in the store. */
static void check_reported_runs(void)
{
	char line[1024];
	FILE *fp = fopen(out_path, "r");
	sqlite3 *db;
	long id, from, to, k;
	assert_non_null(fp);
	assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	while (fgets(line, sizeof(line), fp)) {
		const char *runs = strstr(line, "(runs ");
		from = to = -1;
		if (sscanf(line, " run %ld recorded", &id) == 1)
			from = to = id;
		else if (strstr(line, "recorded") && runs &&
		         sscanf(runs, "(runs %ld to %ld", &from, &to) == 2)
			;
		else if (strstr(line, "recorded") && runs && sscanf(runs, "(runs %ld", &from) == 1)
			to = from;
		for (k = from; k >= 1 && k <= to; k++)
			if (query_long(db, "SELECT count(*) FROM runs WHERE id = ?1", k) != 1)
				fail_msg(
				    "run %ld was reported recorded and is not in the store: %s", k,
				    line);
	}
	sqlite3_close(db);
	fclose(fp);
}

/* The runs in the store (0 before it has any). */
static long count_runs(void)
{
	sqlite3 *db;
	long n = 0;
	if (access(db_path, F_OK) != 0)
		return 0;
	assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	if (has_table(db, "runs"))
		n = query_long(db, "SELECT count(*) FROM runs", 0);
	sqlite3_close(db);
	return n;
}

/* A fresh --out for the next job: the folder, and any folder a killed
 * muster staged beside it (io_outputs_begin), removed. */
static void fresh_out(void)
{
	char cmd[8300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s/'.kill-out.muster-*", dir_out, tu_dir());
	assert_int_equal(system(cmd), 0);
}

/* Whether --out holds a run's outputs, or (is_sweep) a sweep's, whole: a
 * reader would take it for theirs. */
static bool is_complete_out(const struct job *j)
{
	static const char *const run_names[] = {"plan.csv", "summary.csv", "why.csv", "report.html",
	                                        NULL};
	static const char *const sweep_names[] = {"sweep.csv", "sweep.svg", "report.html", NULL};
	static const char *const twostage_names[] = {"plan.csv", "day.csv", "risk.csv",
	                                             "report.html", NULL};
	const char *const *names = j->n_points > 0  ? sweep_names
	                           : j->is_twostage ? twostage_names
	                                            : run_names;
	char path[4200];
	size_t k;
	for (k = 0; names[k]; k++) {
		snprintf(path, sizeof(path), "%s/%s", dir_out, names[k]);
		if (access(path, F_OK) != 0)
			return false;
	}
	return true;
}

static void fresh_database(void)
{
	tu_remove_db(db_path);
}

static double uniform(void)
{
	return (double)rand() / ((double)RAND_MAX + 1.0);
}

/* Each job once, unkilled, into a fresh database: how long it takes, and
 * how many settings and KPIs a whole run has. */
static void calibrate(void)
{
	const char *argv[MAX_ARGS + 2];
	sqlite3 *db;
	size_t k;
	fresh_database();
	for (k = 0; k < N_JOBS; k++) {
		double t0 = now_seconds();
		int status;
		job_argv(&jobs[k], argv);
		status = run_to_end(argv, out_path);
		jobs[k].seconds = now_seconds() - t0;
		if (status != 0 && status != 3)
			fail_msg("%s: exit %d unkilled (output in %s)", jobs[k].name, status,
			         out_path);
		printf("kill_test: %-24s takes %.2f s unkilled\n", jobs[k].name, jobs[k].seconds);
	}
	assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ref_settings = query_long(db, "SELECT count(*) FROM run_settings WHERE run_id = 1", 0);
	ref_kpis = query_long(db, "SELECT count(*) FROM run_kpis WHERE run_id = 1", 0);
	ref_twostage_kpis = query_long(db,
	                               "SELECT count(*) FROM run_kpis WHERE run_id ="
	                               " (SELECT min(run_id) FROM run_draws)",
	                               0);
	sqlite3_close(db);
	assert_true(ref_settings > 0 && ref_kpis > 0 && ref_twostage_kpis > 0);
}

/* The big plan-mode sweep most often: its long write is where kills land
 * inside a transaction. */
static struct job *pick_job(void)
{
	double u = uniform();
	return u < 0.45   ? &jobs[2]
	       : u < 0.68 ? &jobs[0]
	       : u < 0.80 ? &jobs[1]
	       : u < 0.90 ? &jobs[3]
	                  : &jobs[TWOSTAGE];
}

/* Half the kills inside the run's database write or just after it (the
 * checkpoint); the others anywhere up to 1.3 times the run's length as last
 * measured (the machine's load changes it), so that some runs finish and
 * the store fills. */
static struct kill_moment pick_moment(const struct job *j)
{
	struct kill_moment m;
	m.is_on_write = uniform() < 0.5;
	m.delay = (m.is_on_write ? 1.2 * j->write_window : 1.3 * j->seconds) * uniform();
	return m;
}

static void test_kill_solve_and_sweep_at_random_moments(void **state)
{
	const char *budget_env = getenv("KILL_TEST_SECONDS"), *seed_env = getenv("KILL_TEST_SEED");
	double budget = budget_env ? atof(budget_env) : 75, deadline;
	unsigned seed = seed_env ? (unsigned)strtoul(seed_env, NULL, 10) : (unsigned)time(NULL);
	struct tally t = {0, 0, 0, 0, 0};
	int64_t checked_id = 0;
	long n_jobs_in_db = 0, n_runs;
	(void)state;

	printf("kill_test: seed %u (KILL_TEST_SEED replays it), %.0f s\n", seed, budget);
	srand(seed);
	deadline = now_seconds() + budget;
	calibrate();
	check_store(&checked_id, true, &t);
	n_jobs_in_db = (long)N_JOBS;
	/* On a slow machine (a sanitizer build, a busy CI) run on past the
	 * budget until there are enough kills to mean something. */
	while (now_seconds() < deadline ||
	       ((t.n_killed < 10 || t.n_in_write < 1) && t.n_killed + t.n_finished < MAX_RUNS)) {
		const char *argv[MAX_ARGS + 2];
		struct job *j = pick_job();
		int status = 0;
		long n_before;
		double t0 = now_seconds();
		if (n_jobs_in_db >= JOBS_PER_DB) {
			check_store(&checked_id, true, &t);
			fresh_database();
			t.n_fresh_dbs++;
			n_jobs_in_db = 0;
			checked_id = 0;
		}
		job_argv(j, argv);
		n_jobs_in_db++;
		fresh_out();
		n_before = count_runs();
		if (run_and_kill(argv, out_path, pick_moment(j), &status)) {
			t.n_killed++;
			if (wal_uncommitted_frames(db_path) > 0)
				t.n_in_write++;
		} else {
			t.n_finished++;
			j->seconds = 0.7 * j->seconds + 0.3 * (now_seconds() - t0);
			if (status != 0 && status != 3)
				fail_msg("%s: exit %d after a kill (output in %s)", j->name, status,
				         out_path);
		}
		if (access(db_path, F_OK) == 0)
			check_reported_runs();
		/* outputs go into --out only once their run (a sweep: every
		 * point's) is recorded */
		if (is_complete_out(j) &&
		    count_runs() < n_before + (j->n_points > 0 ? j->n_points : 1))
			fail_msg(
			    "%s: --out %s holds its outputs, whole, but %ld of its %ld runs are "
			    "in the store",
			    j->name, dir_out, count_runs() - n_before,
			    j->n_points > 0 ? j->n_points : 1);
		check_store(&checked_id, false, &t);
	}
	n_runs = check_store(&checked_id, true, &t);
	printf("kill_test: %ld kills (%ld inside a write transaction, uncommitted frames in "
	       "the log), %ld runs ended before their kill, %ld fresh databases, %ld run "
	       "checks, %ld runs in the last store\n",
	       t.n_killed, t.n_in_write, t.n_finished, t.n_fresh_dbs, t.n_runs_checked, n_runs);
	if (t.n_killed < 10 || t.n_in_write < 1)
		fail_msg("%ld kills, %ld inside a write transaction: too few to show anything "
		         "in %d runs",
		         t.n_killed, t.n_in_write, MAX_RUNS);
}

/* Whether path is a folder with anything in it. */
static bool has_entries(const char *path)
{
	char cmd[4300];
	snprintf(cmd, sizeof(cmd), "test -n \"$(ls -A '%s' 2>/dev/null)\"", path);
	return system(cmd) == 0;
}

/* `muster demo --out` (issue 24): its two runs are recorded one after the
 * other, the system run's outputs ready long before the silo run is; they
 * go into --out only once both runs are recorded, so that a kill never
 * leaves a folder of outputs whose runs are not in the store. Killed just
 * after the system run's write begins (the write-ahead log grows), a few
 * times; then once to the end, when the page names both runs as recorded.
 * The demo's searches stop by proof or by a fixed amount of work, so this
 * takes some 10 s per run that is not killed early. */
static void test_kill_demo_leaves_no_outputs_without_their_runs(void **state)
{
	const char *argv[] = {muster_bin, "demo", "--db", db_path, "--out", dir_out, NULL};
	char path[4200], runs[96];
	unsigned seed = getenv("KILL_TEST_SEED") ? (unsigned)atoi(getenv("KILL_TEST_SEED")) : 7;
	int64_t checked_id = 0;
	struct tally t = {0, 0, 0, 0, 0};
	char *page;
	long n_before;
	int k, status = 0;
	(void)state;
	srand(seed);
	fresh_database();
	for (k = 0; k < 4; k++) {
		struct kill_moment m = {true, 0.006 * uniform()};
		fresh_out();
		n_before = count_runs();
		if (!run_and_kill(argv, out_path, m, &status) && status != 0)
			fail_msg("demo: exit %d (output in %s)", status, out_path);
		/* something in --out: both runs are in the store */
		if (has_entries(dir_out) && count_runs() < n_before + 2)
			fail_msg("demo killed %.4f s into its first write: --out %s holds outputs, "
			         "but %ld of its 2 runs are in the store",
			         m.delay, dir_out, count_runs() - n_before);
		if (access(db_path, F_OK) == 0)
			check_store(&checked_id, false, &t);
	}
	fresh_out();
	n_before = count_runs();
	assert_int_equal(run_to_end(argv, out_path), 0);
	check_reported_runs();
	assert_int_equal(count_runs(), n_before + 2);
	snprintf(path, sizeof(path), "%s/report.html", dir_out);
	page = tu_slurp(path);
	assert_non_null(page);
	snprintf(runs, sizeof(runs), "Runs %ld (system) and %ld (silo) &middot;", n_before + 1,
	         n_before + 2);
	if (!strstr(page, runs))
		fail_msg("the demo's report.html does not say '%s'", runs);
	free(page);
	snprintf(path, sizeof(path), "%s/system/plan.csv", dir_out);
	assert_int_equal(access(path, F_OK), 0);
	check_store(&checked_id, true, &t);
}

/* The run ids in the run column of dir_out/sweep.csv (the first column
 * after the varied one): each must be in the store. Returns how many. */
static long check_sweep_csv_runs(void)
{
	char path[4200], line[4096];
	FILE *fp;
	sqlite3 *db;
	long n = 0, id;
	snprintf(path, sizeof(path), "%s/sweep.csv", dir_out);
	fp = fopen(path, "r");
	assert_non_null(fp);
	assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	assert_non_null(fgets(line, sizeof(line), fp)); /* the header */
	assert_non_null(strstr(line, ",run,"));
	while (fgets(line, sizeof(line), fp)) {
		const char *comma = strchr(line, ',');
		assert_non_null(comma);
		id = strtol(comma + 1, NULL, 10);
		if (query_long(db, "SELECT count(*) FROM runs WHERE id = ?1", id) != 1)
			fail_msg("sweep.csv in --out names run %ld, which is not in the store", id);
		n++;
	}
	sqlite3_close(db);
	fclose(fp);
	return n;
}

/* `muster sweep --out` (issue 24): a sweep's points are recorded in one
 * transaction, and its folder (sweep.csv naming their runs, sweep.svg,
 * report.html) is written then and moved into --out: killed anywhere,
 * --out holds nothing or the whole folder, and then every point's run is in
 * the store. A 3-point plan-mode sweep (some 0.2 s), killed a dozen times,
 * half of them just after its database write begins; then once to the end. */
static void test_kill_sweep_out_leaves_no_folder_without_its_runs(void **state)
{
	struct job *j = &jobs[SHORT_SWEEP];
	const char *argv[MAX_ARGS + 2];
	unsigned seed = getenv("KILL_TEST_SEED") ? (unsigned)atoi(getenv("KILL_TEST_SEED")) : 11;
	struct tally t = {0, 0, 0, 0, 0};
	int64_t checked_id = 0;
	long n_before;
	double t0;
	int k, status = 0;
	(void)state;
	srand(seed);
	fresh_database();
	job_argv(j, argv);
	/* how long it takes, unkilled, with the database made */
	fresh_out();
	t0 = now_seconds();
	status = run_to_end(argv, out_path);
	j->seconds = now_seconds() - t0;
	if (status != 0 && status != 3)
		fail_msg("%s: exit %d unkilled (output in %s)", j->name, status, out_path);
	for (k = 0; k < 12; k++) {
		struct kill_moment m = {k % 2 == 0, 0};
		m.delay = (m.is_on_write ? 1.5 * j->write_window : 1.3 * j->seconds) * uniform();
		fresh_out();
		n_before = count_runs();
		if (run_and_kill(argv, out_path, m, &status))
			t.n_killed++;
		else if (status != 0 && status != 3)
			fail_msg("%s: exit %d (output in %s)", j->name, status, out_path);
		if (has_entries(dir_out) &&
		    (!is_complete_out(&jobs[SHORT_SWEEP]) || count_runs() < n_before + j->n_points))
			fail_msg(
			    "%s killed %.4f s %s: --out %s holds %s outputs, and %ld of its %ld "
			    "runs are in the store",
			    j->name, m.delay, m.is_on_write ? "into its write" : "after its start",
			    dir_out, is_complete_out(&jobs[SHORT_SWEEP]) ? "its" : "part of its",
			    count_runs() - n_before, j->n_points);
		if (has_entries(dir_out))
			assert_int_equal(check_sweep_csv_runs(), j->n_points);
		if (access(db_path, F_OK) == 0) {
			check_reported_runs();
			check_store(&checked_id, false, &t);
		}
	}
	fresh_out();
	n_before = count_runs();
	status = run_to_end(argv, out_path);
	assert_true(status == 0 || status == 3);
	check_reported_runs();
	assert_int_equal(count_runs(), n_before + j->n_points);
	assert_true(is_complete_out(&jobs[SHORT_SWEEP]));
	assert_int_equal(check_sweep_csv_runs(), j->n_points);
	check_store(&checked_id, true, &t);
	printf("kill_test: sweep --out killed %ld times of 12\n", t.n_killed);
}

/* draws_path: two scenarios of the example's demand, its required raised
 * 5% and 10% (raised only: a scenario's minimum stays demand.csv's). */
static void write_draws(void)
{
	char cmd[9000];
	snprintf(cmd, sizeof(cmd),
	         "awk -F, 'NR == 1 { print \"scenario,partner,role,shift,required\"; next }"
	         " { for (k = 1; k <= 2; k++) printf \"s%%d,%%s,%%s,%%s,%%.1f\\n\", k, $1, $2,"
	         " $3, $4 * (1 + 0.05 * k) }' '%s/demand.csv' > '%s'",
	         example_dir, draws_path);
	assert_int_equal(system(cmd), 0);
}

/* The binary, the example (tu_run_tests sets both when unset), and the
 * database and output in the program's folder (kept, with the database a
 * failure left, by tu_run_tests). */
static int setup(void **state)
{
	(void)state;
	muster_bin = getenv("MUSTER_BIN");
	example_dir = getenv("MUSTER_EXAMPLE_DIR");
	snprintf(db_path, sizeof(db_path), "%s/muster.db", tu_dir());
	snprintf(out_path, sizeof(out_path), "%s/out.txt", tu_dir());
	snprintf(dir_out, sizeof(dir_out), "%s/kill-out", tu_dir());
	snprintf(draws_path, sizeof(draws_path), "%s/draws.csv", tu_dir());
	write_draws();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kill_solve_and_sweep_at_random_moments),
	    cmocka_unit_test(test_kill_demo_leaves_no_outputs_without_their_runs),
	    cmocka_unit_test(test_kill_sweep_out_leaves_no_folder_without_its_runs),
	};
	return tu_run_tests(tests, setup, NULL);
}
