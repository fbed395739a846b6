/*
 * io_store_merge.c - `muster merge`: copies the runs, sweeps and coalition
 * values of several stores into one, in one transaction, putting the
 * shards of a sweep (`--shard I/N`) back together as one sweep in point
 * order.
 */
#include "io_store_int.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs are copied column by column; these are the columns copied as they
 * are: of runs, all but id, scenario_id and sweep_id (which the target
 * gives anew), and of a run's rows all but run_id. A migration
 * (io_store_schema.c) that adds a column adds it here. */
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
    {"run_draws", "kind, file, hash, n_scenarios", 4},
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
	if ((rc = io_store_read_source(m->from[f],
	                               "SELECT s.label, f.name, f.content FROM scenarios s"
	                               " JOIN scenario_files f ON f.scenario_id = s.id"
	                               " WHERE s.id = ? ORDER BY f.name",
	                               "scenario", id, &src, err)) != MU_OK ||
	    (rc = io_store_put_scenario(m->to, src, to_id, err)) != MU_OK) {
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
		if ((rc = io_store_prepare(from, sql, &sel, err)) == MU_OK) {
			snprintf(sql, sizeof(sql), "INSERT INTO %s (run_id, %s) VALUES (?, %s)",
			         run_rows[t].table, run_rows[t].columns,
			         params(qs, sizeof(qs), run_rows[t].n_columns));
			rc = io_store_prepare(m->to, sql, &ins, err);
		}
		if (rc == MU_OK) {
			sqlite3_bind_int64(sel, 1, id);
			while (rc == MU_OK && (r = io_store_step(from, sel)) == SQLITE_ROW) {
				sqlite3_bind_int64(ins, 1, to_id);
				for (i = 0; i < run_rows[t].n_columns; i++)
					sqlite3_bind_value(ins, i + 2,
					                   sqlite3_column_value(sel, i));
				rc = io_store_step_done(m->to, ins, "copy a run's rows", err);
			}
			if (rc == MU_OK && r != SQLITE_DONE)
				rc = io_store_db_error(from, err, "read a run's rows");
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
	if ((rc = io_store_prepare(from, sql, &sel, err)) != MU_OK)
		goto done;
	sqlite3_bind_int64(sel, 1, id);
	if (io_store_step(from, sel) != SQLITE_ROW) {
		rc = io_store_db_error(from, err, "read run");
		goto done;
	}
	if ((rc = merge_scenario(m, f, sqlite3_column_int64(sel, 0), &scenario, err)) != MU_OK)
		goto done;
	snprintf(sql, sizeof(sql), "INSERT INTO runs (scenario_id, sweep_id, %s) VALUES (?, ?, %s)",
	         RUN_COPIED, params(qs, sizeof(qs), N_RUN_COPIED));
	if ((rc = io_store_prepare(m->to, sql, &ins, err)) != MU_OK)
		goto done;
	sqlite3_bind_int64(ins, 1, scenario);
	if (to_sweep)
		sqlite3_bind_int64(ins, 2, to_sweep);
	else
		sqlite3_bind_null(ins, 2);
	for (i = 0; i < N_RUN_COPIED; i++)
		sqlite3_bind_value(ins, i + 3, sqlite3_column_value(sel, i + 1));
	if ((rc = io_store_step_done(m->to, ins, "copy run", err)) != MU_OK)
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
	if ((rc = io_store_prepare(
	         from,
	         "SELECT scenario_id, created_at, mode, is_silo, vary, n_points, shard,"
	         " shard_key FROM sweeps WHERE id = ?",
	         &sel, err)) != MU_OK)
		goto done;
	sqlite3_bind_int64(sel, 1, id);
	if (io_store_step(from, sel) != SQLITE_ROW) {
		rc = io_store_db_error(from, err, "read sweep");
		goto done;
	}
	if ((rc = merge_scenario(m, f, sqlite3_column_int64(sel, 0), &scenario, err)) != MU_OK ||
	    (rc = io_store_prepare(
	         m->to,
	         "INSERT INTO sweeps (scenario_id, created_at, mode, is_silo, vary,"
	         " n_points, shard, shard_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	         &ins, err)) != MU_OK)
		goto done;
	sqlite3_bind_int64(ins, 1, scenario);
	for (i = 1; i < 8; i++)
		sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
	if (is_whole) {
		io_store_bind_text(ins, 2, created_at);
		sqlite3_bind_null(ins, 7);
	}
	if ((rc = io_store_step_done(m->to, ins, "copy sweep", err)) != MU_OK)
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

/* A shard key's options (flows/flow_sweep.c writes it): scenario, mode,
 * the --vary spec (which may hold ", " itself), points, shards, time
 * limit, --keep, --now. false for a key of another form (an older muster's). */
#define N_KEY_FIELDS 8
struct key_fields {
	const char *at[N_KEY_FIELDS];
	int len[N_KEY_FIELDS];
};

static bool key_fields_of(const char *key, struct key_fields *k)
{
	const char *cut[64];
	size_t n = 0, i;
	const char *c = key;
	cut[n++] = key;
	while ((c = strstr(c, ", ")) && n < 64) {
		c += 2;
		cut[n++] = c;
	}
	if (n < N_KEY_FIELDS || n == 64)
		return false;
	for (i = 0; i < N_KEY_FIELDS; i++) {
		/* the first two from the front, the last five from the back, the
		 * spec all between */
		size_t first = i < 2 ? i : i == 2 ? 2 : n - (N_KEY_FIELDS - i);
		size_t last = i == 2 ? n - 6 : first;
		const char *end = last + 1 < n ? cut[last + 1] - 2 : key + strlen(key);
		k->at[i] = cut[first];
		k->len[i] = (int)(end - cut[first]);
	}
	return true;
}

static bool is_same_field(const struct key_fields *a, const struct key_fields *b, size_t i)
{
	return a->len[i] == b->len[i] && memcmp(a->at[i], b->at[i], (size_t)a->len[i]) == 0;
}

/* When the shards with key (one of them in from[f_key]) lack a point and
 * a store holds shards of the same scenario and --vary under another key,
 * they are one sweep run with different options: MU_E_USAGE naming the
 * option and the two values. MU_OK when there are none such. */
static enum mu_code check_shard_options(struct merge *m, const char *key, size_t f_key,
                                        const char *vary, struct mu_err *err)
{
	struct key_fields mine, theirs;
	enum mu_code rc = MU_OK;
	size_t f;
	if (!key_fields_of(key, &mine))
		return MU_OK;
	for (f = 0; f < m->n_from && rc == MU_OK; f++) {
		sqlite3_stmt *sel = NULL;
		int r;
		if ((rc = io_store_prepare(m->from[f],
		                           "SELECT DISTINCT shard_key FROM sweeps"
		                           " WHERE shard IS NOT NULL AND shard_key <> ?",
		                           &sel, err)) != MU_OK)
			break;
		io_store_bind_text(sel, 1, key);
		while (rc == MU_OK && (r = io_store_step(m->from[f], sel)) == SQLITE_ROW) {
			const char *other = (const char *)sqlite3_column_text(sel, 0);
			size_t i;
			if (!other || !key_fields_of(other, &theirs) ||
			    !is_same_field(&mine, &theirs, 0) || !is_same_field(&mine, &theirs, 2))
				continue;
			for (i = 1; i < N_KEY_FIELDS && is_same_field(&mine, &theirs, i); i++)
				;
			if (i < N_KEY_FIELDS)
				rc = mu_err_set(
				    err, MU_E_USAGE,
				    "the shards of the sweep '%s' were run with different options: "
				    "%.*s in %s, but %.*s in %s; run every shard of a sweep with "
				    "the "
				    "same options: nothing merged",
				    vary, mine.len[i], mine.at[i], io_store_path(m->from[f_key]),
				    theirs.len[i], theirs.at[i], io_store_path(m->from[f]));
		}
		if (rc == MU_OK && r != SQLITE_DONE)
			rc = io_store_db_error(m->from[f], err, "read the shard keys");
		sqlite3_finalize(sel);
	}
	return rc;
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
		if ((rc = io_store_prepare(
		         m->from[f],
		         "SELECT r.id, r.point, s.id, s.created_at, s.n_points, s.shard, s.vary"
		         " FROM runs r JOIN sweeps s ON s.id = r.sweep_id"
		         " WHERE s.shard_key = ? AND s.shard IS NOT NULL"
		         " ORDER BY s.id, r.point",
		         &sel, err)) != MU_OK)
			break;
		io_store_bind_text(sel, 1, key);
		while ((r = io_store_step(m->from[f], sel)) == SQLITE_ROW) {
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
					io_store_copy_col(vary, sizeof(vary), sel, 6);
				}
				snprintf(created_at, sizeof(created_at), "%s", at ? at : "");
			}
		}
		if (r != SQLITE_DONE)
			rc = io_store_db_error(m->from[f], err, "read a sharded sweep");
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
			if ((rc = check_shard_options(m, key, first_from, vary, err)) != MU_OK)
				goto done;
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
	if ((rc =
	         io_store_prepare(from,
	                          "SELECT scenario_id, coalition, cost, spend FROM coalition_values"
	                          " ORDER BY scenario_id, coalition",
	                          &sel, err)) != MU_OK ||
	    (rc = io_store_prepare(
	         m->to,
	         "INSERT OR IGNORE INTO coalition_values (scenario_id, coalition, cost, spend)"
	         " VALUES (?, ?, ?, ?)",
	         &ins, err)) != MU_OK)
		goto done;
	while (rc == MU_OK && (r = io_store_step(from, sel)) == SQLITE_ROW) {
		if ((rc = merge_scenario(m, f, sqlite3_column_int64(sel, 0), &scenario, err)) !=
		    MU_OK)
			break;
		sqlite3_bind_int64(ins, 1, scenario);
		sqlite3_bind_value(ins, 2, sqlite3_column_value(sel, 1));
		sqlite3_bind_value(ins, 3, sqlite3_column_value(sel, 2));
		sqlite3_bind_value(ins, 4, sqlite3_column_value(sel, 3));
		if ((rc = io_store_step_done(m->to, ins, "copy a coalition's value", err)) == MU_OK)
			m->done->n_values += (size_t)sqlite3_changes(m->to->db);
	}
	if (rc == MU_OK && r != SQLITE_DONE)
		rc = io_store_db_error(from, err, "read coalition values");
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
	if ((rc = io_store_prepare(from,
	                           "SELECT r.id, r.sweep_id, s.shard, s.shard_key FROM runs r"
	                           " LEFT JOIN sweeps s ON s.id = r.sweep_id ORDER BY r.id",
	                           &sel, err)) != MU_OK)
		return rc;
	while (rc == MU_OK && (r = io_store_step(from, sel)) == SQLITE_ROW) {
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
		rc = io_store_db_error(from, err, "list runs");
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
	if ((rc = io_store_connect_for_writing(st, err)) != MU_OK ||
	    (rc = io_store_exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	for (f = 0; f < n_from && rc == MU_OK; f++)
		rc = merge_store(&m, f, err);
	if (rc == MU_OK)
		rc = io_store_commit(st, err);
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
