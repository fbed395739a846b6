/*
 * io_store_write.c - recording in the store: a run, a sweep (or a linked
 * set of runs, as recruit's weeks), a game's coalition values; each with
 * its scenario, stored once by content hash, and each in one transaction,
 * all of it or nothing.
 */
#include "io_store_int.h"

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

enum mu_code io_store_put_scenario(struct io_store *st, const struct io_source *src, int64_t *id,
                                   struct mu_err *err)
{
	sqlite3_stmt *find = NULL, *ins = NULL, *ins_file = NULL;
	char hash[65];
	enum mu_code rc;
	size_t i;
	int r;

	io_source_hash(src, hash);
	if ((rc = io_store_prepare(st, "SELECT id FROM scenarios WHERE hash = ?", &find, err)) !=
	    MU_OK)
		goto done;
	io_store_bind_text(find, 1, hash);
	r = io_store_step(st, find);
	if (r == SQLITE_ROW) {
		*id = sqlite3_column_int64(find, 0);
		goto done;
	}
	if (r != SQLITE_DONE) {
		rc = io_store_db_error(st, err, "find scenario");
		goto done;
	}
	if ((rc = io_store_prepare(st, "INSERT INTO scenarios (hash, label) VALUES (?, ?)", &ins,
	                           err)) != MU_OK)
		goto done;
	io_store_bind_text(ins, 1, hash);
	io_store_bind_text(ins, 2, src->label);
	if ((rc = io_store_step_done(st, ins, "insert scenario", err)) != MU_OK)
		goto done;
	*id = sqlite3_last_insert_rowid(st->db);
	if ((rc = io_store_prepare(
	         st, "INSERT INTO scenario_files (scenario_id, name, content) VALUES (?, ?, ?)",
	         &ins_file, err)) != MU_OK)
		goto done;
	for (i = 0; i < src->n_files; i++) {
		sqlite3_bind_int64(ins_file, 1, *id);
		io_store_bind_text(ins_file, 2, src->files[i].name);
		sqlite3_bind_blob64(ins_file, 3, src->files[i].data, src->files[i].len,
		                    SQLITE_STATIC);
		if ((rc = io_store_step_done(st, ins_file, "insert scenario file", err)) != MU_OK)
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

	if ((rc = io_store_prepare(st,
	                           "INSERT INTO run_settings (run_id, key, value) VALUES (?, ?, ?)",
	                           &set, err)) != MU_OK ||
	    (rc = io_store_prepare(
	         st, "INSERT INTO run_kpis (run_id, scope, name, value) VALUES (?, ?, ?, ?)", &kpi,
	         err)) != MU_OK ||
	    (rc = io_store_prepare(
	         st,
	         "INSERT INTO plan_rows (run_id, seq, source, partner, role, worker_role,"
	         " shift, home, worker, offer, staff, hours, cost, recharge)"
	         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	         &plan, err)) != MU_OK)
		goto done;
	for (i = 0; i < run->n_settings; i++) {
		sqlite3_bind_int64(set, 1, id);
		io_store_bind_text(set, 2, run->settings[i].key);
		io_store_bind_text(set, 3, run->settings[i].value);
		if ((rc = io_store_step_done(st, set, "insert run setting", err)) != MU_OK)
			goto done;
	}
	for (i = 0; i < run->n_kpis; i++) {
		sqlite3_bind_int64(kpi, 1, id);
		io_store_bind_text(kpi, 2, run->kpis[i].scope);
		io_store_bind_text(kpi, 3, run->kpis[i].name);
		sqlite3_bind_double(kpi, 4, run->kpis[i].value);
		if ((rc = io_store_step_done(st, kpi, "insert run KPI", err)) != MU_OK)
			goto done;
	}
	for (i = 0; i < run->n_plan; i++) {
		const struct mu_plan_row *p = &run->plan[i];
		struct mu_plan_text t;
		mu_plan_row_text(run->sc, p, &t);
		sqlite3_bind_int64(plan, 1, id);
		sqlite3_bind_int64(plan, 2, (sqlite3_int64)i);
		io_store_bind_text(plan, 3, t.source);
		io_store_bind_text(plan, 4, t.partner);
		io_store_bind_text(plan, 5, t.role);
		io_store_bind_text(plan, 6, t.worker_role);
		io_store_bind_text(plan, 7, t.shift);
		io_store_bind_text(plan, 8, t.home);
		io_store_bind_text(plan, 9, t.worker);
		io_store_bind_text(plan, 10, t.offer);
		sqlite3_bind_double(plan, 11, p->staff);
		sqlite3_bind_double(plan, 12, p->hours);
		sqlite3_bind_double(plan, 13, p->cost);
		sqlite3_bind_double(plan, 14, p->recharge);
		if ((rc = io_store_step_done(st, plan, "insert plan row", err)) != MU_OK)
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
	if ((rc =
	         io_store_prepare(st, "INSERT INTO run_vary (run_id, name, value) VALUES (?, ?, ?)",
	                          &ins, err)) != MU_OK)
		return rc;
	for (i = 0; i < run->n_vary && rc == MU_OK; i++) {
		sqlite3_bind_int64(ins, 1, id);
		io_store_bind_text(ins, 2, run->vary[i].name);
		sqlite3_bind_double(ins, 3, run->vary[i].value);
		rc = io_store_step_done(st, ins, "insert run value", err);
	}
	sqlite3_finalize(ins);
	return rc;
}

static enum mu_code put_draws(struct io_store *st, const struct io_run *run, int64_t id,
                              struct mu_err *err)
{
	sqlite3_stmt *ins = NULL;
	enum mu_code rc = MU_OK;
	size_t i;
	if (run->n_draws == 0)
		return MU_OK;
	if ((rc = io_store_prepare(st,
	                           "INSERT INTO run_draws (run_id, kind, file, hash, n_scenarios)"
	                           " VALUES (?, ?, ?, ?, ?)",
	                           &ins, err)) != MU_OK)
		return rc;
	for (i = 0; i < run->n_draws && rc == MU_OK; i++) {
		sqlite3_bind_int64(ins, 1, id);
		io_store_bind_text(ins, 2, run->draws[i].kind);
		io_store_bind_text(ins, 3, run->draws[i].file);
		io_store_bind_text(ins, 4, run->draws[i].hash);
		sqlite3_bind_int64(ins, 5, run->draws[i].n_scenarios);
		rc = io_store_step_done(st, ins, "insert run scenarios file", err);
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
	if ((rc = io_store_prepare(
	         st,
	         "INSERT INTO runs (scenario_id, command, mode, is_silo, status, objective,"
	         " best_bound, gap, time_read, time_build, time_solve, time_total, n_rows,"
	         " n_cols, n_nonzeros, version, sweep_id, folder, point)"
	         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	         &ins, err)) != MU_OK)
		return rc;
	sqlite3_bind_int64(ins, 1, scenario_id);
	io_store_bind_text(ins, 2, run->command);
	io_store_bind_text(ins, 3, run->mode);
	sqlite3_bind_int(ins, 4, run->is_silo);
	io_store_bind_text(ins, 5, run->status);
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
	io_store_bind_text(ins, 16, MUSTER_VERSION);
	if (sweep_id)
		sqlite3_bind_int64(ins, 17, sweep_id);
	else
		sqlite3_bind_null(ins, 17);
	io_store_bind_text(ins, 18, folder);
	if (point >= 0)
		sqlite3_bind_int64(ins, 19, point);
	else
		sqlite3_bind_null(ins, 19);
	rc = io_store_step_done(st, ins, "insert run", err);
	sqlite3_finalize(ins);
	if (rc != MU_OK)
		return rc;
	*id = sqlite3_last_insert_rowid(st->db);
	if ((rc = put_run_rows(st, run, *id, err)) != MU_OK ||
	    (rc = put_vary(st, run, *id, err)) != MU_OK)
		return rc;
	return put_draws(st, run, *id, err);
}

enum mu_code io_store_add_run(struct io_store *st, const struct io_source *src,
                              const struct io_run *run, int64_t *run_id, struct mu_err *err)
{
	int64_t scenario_id = 0, id = 0;
	enum mu_code rc;

	if ((rc = io_store_connect_for_writing(st, err)) != MU_OK ||
	    (rc = io_store_exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = io_store_put_scenario(st, src, &scenario_id, err)) != MU_OK ||
	    (rc = put_run(st, scenario_id, 0, -1, src->label, run, &id, err)) != MU_OK ||
	    (rc = io_store_commit(st, err)) != MU_OK) {
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

	if ((rc = io_store_connect_for_writing(st, err)) != MU_OK ||
	    (rc = io_store_exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = io_store_put_scenario(st, src, &scenario_id, err)) != MU_OK ||
	    (rc = io_store_prepare(
	         st,
	         "INSERT INTO sweeps (scenario_id, mode, is_silo, vary, n_points, shard, shard_key)"
	         " VALUES (?, ?, ?, ?, ?, ?, ?)",
	         &ins, err)) != MU_OK)
		goto rollback;
	sqlite3_bind_int64(ins, 1, scenario_id);
	io_store_bind_text(ins, 2, sweep->mode);
	sqlite3_bind_int(ins, 3, sweep->is_silo);
	io_store_bind_text(ins, 4, sweep->vary);
	sqlite3_bind_int64(ins, 5,
	                   (sqlite3_int64)(sweep->n_points ? sweep->n_points : sweep->n_runs));
	bind_text_or_null(ins, 6, sweep->shard);
	bind_text_or_null(ins, 7, sweep->shard_key);
	if ((rc = io_store_step_done(st, ins, "insert sweep", err)) != MU_OK)
		goto rollback;
	id = sqlite3_last_insert_rowid(st->db);
	for (i = 0; i < sweep->n_runs; i++) {
		long point = (long)(sweep->points ? sweep->points[i] : i);
		const struct io_source *run_src = is_per_run ? srcs[i] : src;
		int64_t run_scenario = scenario_id;
		if (run_src != src &&
		    (rc = io_store_put_scenario(st, run_src, &run_scenario, err)) != MU_OK)
			goto rollback;
		if ((rc = put_run(st, run_scenario, id, point, run_src->label, &sweep->runs[i],
		                  &run_id, err)) != MU_OK)
			goto rollback;
		if (run_ids)
			run_ids[i] = run_id;
	}
	if ((rc = io_store_commit(st, err)) != MU_OK)
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

enum mu_code io_store_add_values(struct io_store *st, const struct io_source *src,
                                 const uint64_t *coalitions, const double *costs,
                                 const double *spends, size_t n, struct mu_err *err)
{
	sqlite3_stmt *ins = NULL;
	int64_t scenario = 0;
	enum mu_code rc;
	size_t i;
	if ((rc = io_store_connect_for_writing(st, err)) != MU_OK ||
	    (rc = io_store_exec(st, "BEGIN IMMEDIATE", err)) != MU_OK)
		return rc;
	if ((rc = io_store_put_scenario(st, src, &scenario, err)) != MU_OK ||
	    (rc = io_store_prepare(
	         st,
	         "INSERT OR REPLACE INTO coalition_values (scenario_id, coalition, cost, spend)"
	         " VALUES (?, ?, ?, ?)",
	         &ins, err)) != MU_OK)
		goto rollback;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(ins, 1, scenario);
		sqlite3_bind_int64(ins, 2, (sqlite3_int64)coalitions[i]);
		sqlite3_bind_double(ins, 3, costs[i]);
		if (spends)
			sqlite3_bind_double(ins, 4, spends[i]);
		else
			sqlite3_bind_null(ins, 4);
		if ((rc = io_store_step_done(st, ins, "insert a coalition's value", err)) != MU_OK)
			goto rollback;
	}
	if ((rc = io_store_commit(st, err)) != MU_OK)
		goto rollback;
	sqlite3_finalize(ins);
	return MU_OK;
rollback:
	sqlite3_finalize(ins);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
