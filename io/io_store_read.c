/*
 * io_store_read.c - reading the store back: runs as listed, a run's
 * settings, values, KPIs and plan rows, its scenario's files, a game's
 * coalition values. Never writes.
 */
#include "io_store_int.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char RUN_COLUMNS[] =
    "SELECT r.id, r.created_at, COALESCE(r.folder, s.label), s.hash, r.command, r.mode, r.is_silo, "
    "r.status,"
    " r.objective, r.best_bound, r.gap, r.time_read, r.time_build, r.time_solve,"
    " r.time_total, r.n_rows, r.n_cols, r.n_nonzeros, r.version,"
    " (SELECT count(*) FROM plan_rows p WHERE p.run_id = r.id), r.sweep_id,"
    " (SELECT d.n_scenarios FROM run_draws d WHERE d.run_id = r.id AND d.kind = 'scenarios')"
    " FROM runs r JOIN scenarios s ON s.id = r.scenario_id";

static void read_opt(sqlite3_stmt *stmt, int i, bool *is_set, double *v)
{
	*is_set = sqlite3_column_type(stmt, i) != SQLITE_NULL;
	*v = *is_set ? sqlite3_column_double(stmt, i) : 0;
}

static void read_info(sqlite3_stmt *stmt, struct io_run_info *info)
{
	memset(info, 0, sizeof(*info));
	info->id = sqlite3_column_int64(stmt, 0);
	io_store_copy_col(info->created_at, sizeof(info->created_at), stmt, 1);
	io_store_copy_col(info->scenario_label, sizeof(info->scenario_label), stmt, 2);
	io_store_copy_col(info->scenario_hash, sizeof(info->scenario_hash), stmt, 3);
	io_store_copy_col(info->command, sizeof(info->command), stmt, 4);
	io_store_copy_col(info->mode, sizeof(info->mode), stmt, 5);
	info->is_silo = sqlite3_column_int(stmt, 6) != 0;
	io_store_copy_col(info->status, sizeof(info->status), stmt, 7);
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
	io_store_copy_col(info->version, sizeof(info->version), stmt, 18);
	info->n_plan_rows = (long)sqlite3_column_int64(stmt, 19);
	info->sweep_id = sqlite3_column_int64(stmt, 20);          /* NULL reads as 0 */
	info->n_scenarios = (long)sqlite3_column_int64(stmt, 21); /* NULL: not two-stage */
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
	if (io_store_prepare(st, sql, &stmt, err) != MU_OK)
		return MU_E_DB;
	while ((r = io_store_step(st, stmt)) == SQLITE_ROW) {
		struct io_run_info info;
		read_info(stmt, &info);
		if (fn(&info, ctx))
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = io_store_db_error(st, err, "list runs");
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
	if (io_store_prepare(st, sql, &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	r = io_store_step(st, stmt);
	if (r == SQLITE_ROW)
		read_info(stmt, out);
	else if (r == SQLITE_DONE)
		rc = mu_err_set(err, MU_E_USAGE, "%s: no run %lld", st->path, (long long)id);
	else
		rc = io_store_db_error(st, err, "read run");
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
	if (io_store_prepare(st,
	                     "SELECT key, value FROM run_settings WHERE run_id = ? ORDER BY key",
	                     &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = io_store_step(st, stmt)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(stmt, 0),
		       (const char *)sqlite3_column_text(stmt, 1), ctx))
			break;
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = io_store_db_error(st, err, "list run settings");
	sqlite3_finalize(stmt);
	return rc;
}

enum mu_code io_store_list_draws(struct io_store *st, int64_t id,
                                 int (*fn)(const struct io_run_draws *d, void *ctx), void *ctx,
                                 struct mu_err *err)
{
	sqlite3_stmt *stmt;
	enum mu_code rc = MU_OK;
	int r;
	if (io_store_prepare(st,
	                     "SELECT kind, file, hash, n_scenarios FROM run_draws WHERE run_id = ?"
	                     " ORDER BY kind = 'check', kind",
	                     &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = io_store_step(st, stmt)) == SQLITE_ROW) {
		struct io_run_draws d = {(const char *)sqlite3_column_text(stmt, 0),
		                         (const char *)sqlite3_column_text(stmt, 1),
		                         (const char *)sqlite3_column_text(stmt, 2),
		                         (long)sqlite3_column_int64(stmt, 3)};
		if (fn(&d, ctx))
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = io_store_db_error(st, err, "list run scenarios files");
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
	if (io_store_prepare(st, "SELECT name, value FROM run_vary WHERE run_id = ? ORDER BY rowid",
	                     &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = io_store_step(st, stmt)) == SQLITE_ROW) {
		struct io_run_vary v = {(const char *)sqlite3_column_text(stmt, 0),
		                        sqlite3_column_double(stmt, 1)};
		if (fn(&v, ctx))
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = io_store_db_error(st, err, "list run values");
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
	if (io_store_prepare(st,
	                     "SELECT scope, name, value FROM run_kpis WHERE run_id = ?"
	                     " ORDER BY scope <> 'SYSTEM', scope, name",
	                     &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = io_store_step(st, stmt)) == SQLITE_ROW) {
		struct io_run_kpi kpi;
		kpi.scope = (const char *)sqlite3_column_text(stmt, 0);
		kpi.name = (const char *)sqlite3_column_text(stmt, 1);
		kpi.value = sqlite3_column_double(stmt, 2);
		if (fn(&kpi, ctx))
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = io_store_db_error(st, err, "list run KPIs");
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
	if (io_store_prepare(
	        st,
	        "SELECT source, partner, role, worker_role, shift, home, worker, offer, staff,"
	        " hours, cost, recharge FROM plan_rows WHERE run_id = ? ORDER BY seq",
	        &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((r = io_store_step(st, stmt)) == SQLITE_ROW) {
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
		rc = io_store_db_error(st, err, "list plan rows");
	sqlite3_finalize(stmt);
	return rc;
}

enum mu_code io_store_read_source(struct io_store *st, const char *sql, const char *what,
                                  int64_t id, struct io_source **out, struct mu_err *err)
{
	sqlite3_stmt *stmt;
	struct io_source *src;
	enum mu_code rc = MU_OK;
	size_t cap = 0;
	int r;
	if (io_store_prepare(st, sql, &stmt, err) != MU_OK)
		return MU_E_DB;
	sqlite3_bind_int64(stmt, 1, id);
	src = mu_calloc(1, sizeof(*src));
	while ((r = io_store_step(st, stmt)) == SQLITE_ROW) {
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
		rc = io_store_db_error(st, err, "read scenario files");
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
	return io_store_read_source(st,
	                            "SELECT s.label, f.name, f.content FROM runs r"
	                            " JOIN scenarios s ON s.id = r.scenario_id"
	                            " JOIN scenario_files f ON f.scenario_id = s.id"
	                            " WHERE r.id = ? ORDER BY f.name",
	                            "run", id, out, err);
}

enum mu_code io_store_list_values(struct io_store *st, const struct io_source *src,
                                  int (*fn)(uint64_t coalition, double cost, double spend,
                                            void *ctx),
                                  void *ctx, struct mu_err *err)
{
	sqlite3_stmt *stmt;
	char hash[65];
	enum mu_code rc = MU_OK;
	int r;
	io_source_hash(src, hash);
	if (io_store_prepare(
	        st,
	        "SELECT v.coalition, v.cost, v.spend FROM coalition_values v"
	        " JOIN scenarios s ON s.id = v.scenario_id WHERE s.hash = ? ORDER BY v.coalition",
	        &stmt, err) != MU_OK)
		return MU_E_DB;
	io_store_bind_text(stmt, 1, hash);
	while ((r = io_store_step(st, stmt)) == SQLITE_ROW)
		if (fn((uint64_t)sqlite3_column_int64(stmt, 0), sqlite3_column_double(stmt, 1),
		       sqlite3_column_type(stmt, 2) == SQLITE_NULL ? NAN
		                                                   : sqlite3_column_double(stmt, 2),
		       ctx))
			break;
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = io_store_db_error(st, err, "list coalition values");
	sqlite3_finalize(stmt);
	return rc;
}
