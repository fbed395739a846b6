/*
 * flow_run.c - build, solve, read back, write and record one run. Holds no
 * state of its own: the stop flag and the progress line are the caller's
 * (flow_hooks).
 */
#include "flows/flow_run.h"

#include "core/mu_alloc.h"
#include "core/mu_keep.h"
#include "core/mu_time.h"
#include "io/io_outputs.h"

#include <stdlib.h>
#include <string.h>

const char *flow_run_mode_name(const struct flow_run_request *req)
{
	if (req->is_lp)
		return req->is_silo ? "plan (silo)" : "plan";
	return req->is_silo ? "rota (silo)" : "rota";
}

double *flow_run_guarantee_caps(const struct mu_scenario *sc, const struct mu_plan *silo)
{
	double *cap = mu_malloc((sc->n_partners + 1) * sizeof(double));
	size_t p;
	for (p = 0; p < sc->n_partners; p++)
		cap[p] = silo->partners[p].unfilled_penalty;
	return cap;
}

bool flow_run_is_guaranteed(const struct mu_scenario *sc, const struct flow_run_request *req)
{
	return !req->is_silo && !req->is_without_guarantee &&
	       sc->settings.guarantee == MU_GUARANTEE_UNFILLED;
}

/* The guarantee's caps for a system run that was given none: the silo
 * plan solved first, in the same mode and within the same limits. */
static enum mu_code solve_guarantee_caps(const struct mu_scenario *sc,
                                         const struct pol_solve_request *system, double **cap,
                                         struct pol_solved *silo, struct mu_err *err)
{
	struct pol_solve_request how = *system;
	enum mu_code rc;
	how.is_silo = true;
	how.guarantee_cap = NULL;
	how.keep = NULL; /* the kept plan is a system plan: the silo's caps are a fresh silo's */
	how.mps = how.mps_natural = NULL;
	how.want_ranges = false;
	how.warm = NULL; /* the warm basis is the system model's */
	how.progress = NULL;
	if ((rc = pol_solve(sc, &how, silo, err)) != MU_OK)
		return rc;
	*cap = flow_run_guarantee_caps(sc, silo->plan);
	return MU_OK;
}

enum mu_code flow_run_solve(const struct mu_scenario *sc, const struct flow_run_request *req,
                            struct flow_run *run, struct mu_err *err)
{
	struct pol_solve_request how = {
	    .is_lp = req->is_lp,
	    .is_silo = req->is_silo,
	    .time_limit = req->time_limit,
	    .work_limit = req->work_limit,
	    .mps = req->mps,
	    .mps_natural = req->mps_natural,
	    .want_ranges = req->is_lp && req->out,
	    .warm = req->warm,
	    .progress = req->hooks.progress,
	    .progress_ctx = req->hooks.ctx,
	    .stop = req->hooks.stop,
	    .keep = req->keep,
	};
	double *own_cap = NULL;
	struct pol_solved own_silo;
	struct io_html_plan view;
	enum mu_code rc;

	memset(run, 0, sizeof(*run));
	memset(&own_silo, 0, sizeof(own_silo));
	if (flow_run_is_guaranteed(sc, req)) {
		/* the silo and the system search share the time limit: half
		 * each, what the silo leaves passing on */
		double begun = mu_time_now();
		how.time_limit =
		    flow_time_share(begun, req->time_limit, req->guarantee_cap ? 1 : 2);
		if (!req->guarantee_cap &&
		    (rc = solve_guarantee_caps(sc, &how, &own_cap, &own_silo, err)) != MU_OK) {
			pol_solved_release(&own_silo);
			return rc;
		}
		how.time_limit = flow_time_share(begun, req->time_limit, 1);
		how.guarantee_cap = req->guarantee_cap ? req->guarantee_cap : own_cap;
		how.start = req->guarantee_cap ? req->guarantee_silo : own_silo.plan;
	}
	rc = pol_solve(sc, &how, &run->solved, err);
	free(own_cap); /* read while building only */
	pol_solved_release(&own_silo);
	if (req->hooks.progress && req->hooks.search_done && !req->is_lp)
		req->hooks.search_done(req->hooks.ctx);
	if (rc != MU_OK)
		return rc;
	if (flow_is_aborted(&req->hooks))
		return mu_err_set(err, MU_E_SOLVER, "interrupted; the run was not recorded");
	run->why = pol_why_new(&run->solved);
	run->keep = req->keep;
	if (req->keep)
		run->changes = mu_keep_changes(req->keep, sc, run->solved.plan,
		                               run->solved.keep_gone, sc->settings.change_penalty);
	if (!req->out)
		return MU_OK;
	flow_run_html_plan(req, run, req->is_silo ? "Silo plan" : "System plan", &view);
	return io_outputs_write_run(req->out, sc, &view, !req->is_lp, err);
}

enum mu_code flow_run_write_report(const struct mu_scenario *sc, const struct flow_run_request *req,
                                   const struct flow_run *run, int64_t run_id, struct mu_err *err)
{
	struct io_html_plan view;
	if (!req->out || !req->is_report)
		return MU_OK;
	flow_run_html_plan(req, run, req->is_silo ? "Silo plan" : "System plan", &view);
	view.run_id = run_id;
	return io_outputs_write_pages(req->out, sc, &view, req->label, err);
}

void flow_run_html_plan(const struct flow_run_request *req, const struct flow_run *run,
                        const char *heading, struct io_html_plan *out)
{
	memset(out, 0, sizeof(*out));
	out->heading = heading;
	out->mode = flow_run_mode_name(req);
	out->is_plan = req->is_lp;
	out->status = run->solved.status;
	out->objective = run->solved.objective;
	out->has_gap = !req->is_lp && run->solved.has_bound;
	out->gap = run->solved.gap;
	out->stopped_by = run->solved.stopped_by;
	out->plan = run->solved.plan;
	out->prices = run->solved.prices;
	out->n_prices = run->solved.n_prices;
	out->why = run->why;
	out->changes = run->changes;
	out->keep = req->keep;
}

/* The settings in force, defaults included, as key/value text (an absent
 * optional setting, say agency_budget, is left out). */
static size_t settings_text(const struct mu_settings *s, struct io_run_setting *out,
                            char text[][MU_SETTING_TEXT_MAX])
{
	size_t i, n = 0;
	for (i = 0; i < MU_SETTING_COUNT; i++)
		if (mu_settings_text(s, i, text[n], MU_SETTING_TEXT_MAX)) {
			out[n].key = mu_settings_table[i].key;
			out[n].value = text[n];
			n++;
		}
	return n;
}

/* The KPIs of every partner and of the system. *n_out gets the count. */
static struct io_run_kpi *plan_kpis(const struct mu_scenario *sc, const struct mu_plan *plan,
                                    size_t *n_out)
{
	struct io_run_kpi *kpis = mu_malloc((sc->n_partners + 1) * MU_KPI_MAX * sizeof(*kpis));
	struct mu_kpi one[MU_KPI_MAX];
	size_t p, k, n = 0, m;
	for (p = 0; p <= sc->n_partners; p++) {
		bool is_system = p == sc->n_partners;
		m = mu_totals_kpis(is_system ? &plan->system : &plan->partners[p], one);
		for (k = 0; k < m; k++)
			kpis[n++] = (struct io_run_kpi){is_system ? "SYSTEM" : sc->partners[p].id,
			                                one[k].name, one[k].value};
	}
	*n_out = n;
	return kpis;
}

void flow_run_describe(const struct mu_scenario *sc, const struct flow_run_request *req,
                       const struct flow_run *run, struct flow_run_stored *out)
{
	const struct pol_solved *res = &run->solved;
	struct io_run *r = &out->r;
	memset(out, 0, sizeof(*out));
	r->command = req->command;
	r->mode = req->is_lp ? "plan" : "rota";
	r->is_silo = req->is_silo;
	r->status = mu_status_name(res->status);
	r->has_objective = true;
	r->objective = res->objective;
	r->has_bound = res->has_bound;
	r->best_bound = res->bound;
	r->has_gap = !req->is_lp && res->has_bound;
	r->gap = res->gap;
	r->time_read = req->time_read;
	r->time_build = res->time_build;
	r->time_solve = res->time_solve;
	r->time_total = mu_time_now() - req->started;
	r->n_rows = (long)res->n_rows;
	r->n_cols = (long)res->n_cols;
	r->n_nonzeros = (long)res->n_nonzeros;
	r->settings = out->settings;
	r->n_settings = settings_text(&sc->settings, out->settings, out->text);
	r->kpis = plan_kpis(sc, res->plan, &r->n_kpis);
	r->sc = sc;
	r->plan = res->plan->rows;
	r->n_plan = res->plan->n_rows;
}

void flow_run_stored_release(struct flow_run_stored *s)
{
	free((void *)s->r.kpis);
	s->r.kpis = NULL;
}

enum mu_code flow_run_record(struct io_store *st, const struct io_source *src,
                             const struct mu_scenario *sc, const struct flow_run_request *req,
                             const struct flow_run *run, int64_t *id, struct mu_err *err)
{
	struct flow_run_stored stored;
	enum mu_code rc;

	if (flow_is_aborted(&req->hooks))
		return mu_err_set(err, MU_E_SOLVER, "interrupted; the run was not recorded");
	flow_run_describe(sc, req, run, &stored);
	rc = io_store_add_run(st, src, &stored.r, id, err);
	flow_run_stored_release(&stored);
	/* the store checks the flag just before COMMIT: set now, it came
	 * during the commit, which it could not stop */
	if (rc == MU_OK && flow_is_aborted(&req->hooks))
		return mu_err_set(err, MU_E_SOLVER, "interrupted after run %lld was recorded in %s",
		                  (long long)*id, io_store_path(st));
	return rc;
}

void flow_run_release(struct flow_run *run)
{
	pol_solved_release(&run->solved);
	pol_why_free(run->why);
	run->why = NULL;
	mu_changes_free(run->changes);
	run->changes = NULL;
}
