/*
 * flow_twostage.c - the two-stage plan of DESIGN.md §3e and what planning
 * for the spread is worth: four solves. The two-stage plan on the
 * scenarios; the plan of §3 on demand.csv (the plan for the mean: first in
 * rota mode, whose two-stage search starts from its rota); then
 * each of the two on the check scenarios with what it decided now fixed
 * (pol_solve_request's fix_now: only the days are solved, a linear
 * programme whatever the mode, as the day adapts continuously). The
 * difference of the last two is the value of planning for the spread.
 */
#include "flow_twostage.h"

#include <math.h>
#include <string.h>

/* The plan of §3 on demand.csv (the plan for the mean) into out->mean:
 * mean is the two-stage request without its scenarios or MPS, and with
 * its bank workers named (no pools), so that the check's model finds each
 * of its columns by key. */
static enum mu_code solve_mean(const struct mu_scenario *sc,
                               const struct flow_twostage_request *req,
                               struct pol_solve_request mean, struct flow_twostage *out,
                               struct mu_err *err)
{
	enum mu_code rc;
	mean.mps = NULL;
	mean.draws = NULL;
	mean.pool = POL_POOL_NEVER;
	rc = pol_solve(sc, &mean, &out->mean, err);
	if (req->hooks.search_done)
		req->hooks.search_done(req->hooks.ctx);
	return rc;
}

/* The outcome of plan's decisions (what it decided now) on draws, in *o. */
static enum mu_code measure(const struct mu_scenario *sc, const struct flow_twostage_request *req,
                            const struct mu_plan *plan, const struct mu_draws *draws,
                            struct mu_draws_outcome *o, struct mu_err *err)
{
	struct pol_solved s;
	enum mu_code rc = pol_solve(sc,
	                            &(struct pol_solve_request){.is_lp = true,
	                                                        .is_silo = req->is_silo,
	                                                        .draws = draws,
	                                                        .fix_now = plan,
	                                                        .stop = req->hooks.stop},
	                            &s, err);
	if (rc == MU_OK)
		mu_draws_outcome_init(o, sc, (const struct mu_plan *const *)s.days, s.n_days);
	pol_solved_release(&s);
	return rc;
}

enum mu_code flow_twostage_solve(const struct mu_scenario *sc,
                                 const struct flow_twostage_request *req, struct flow_twostage *out,
                                 struct mu_err *err)
{
	struct pol_solve_request two = {
	    .is_lp = req->is_lp,
	    .is_silo = req->is_silo,
	    .time_limit = req->time_limit,
	    .work_limit = req->work_limit,
	    .mps = req->mps,
	    .draws = req->draws,
	    .progress = req->hooks.progress,
	    .progress_ctx = req->hooks.ctx,
	    .stop = req->hooks.stop,
	    /* a rota stopped before its relaxation: the bound of the
	     * scenarios' mean days (pol_jensen.c) */
	    .bound_groups = POL_JENSEN_GROUPS,
	};
	const struct mu_draws *on = req->check ? req->check : req->draws;
	struct mu_draws_outcome own;
	enum mu_code rc;

	memset(out, 0, sizeof(*out));
	if (!req->is_lp && !req->is_plan_only) {
		/* a rota: the plan for the mean first, what it decides now the
		 * rota the two-stage search starts from (a search stopped before
		 * its relaxation ends with that, not with no one booked) */
		if ((rc = solve_mean(sc, req, two, out, err)) != MU_OK)
			return rc;
		two.start = out->mean.plan;
	}
	rc = pol_solve(sc, &two, &out->solved, err);
	if (req->hooks.search_done)
		req->hooks.search_done(req->hooks.ctx);
	if (rc != MU_OK)
		return rc;
	mu_draws_outcome_init(&own, sc, (const struct mu_plan *const *)out->solved.days,
	                      out->solved.n_days);
	out->spend = own.spend;
	out->penalty = own.penalty;
	mu_draws_outcome_release(&own);
	if (req->is_plan_only)
		return MU_OK;

	if (req->is_lp && (rc = solve_mean(sc, req, two, out, err)) != MU_OK)
		return rc;

	out->is_measured = req->check != NULL;
	if ((rc = measure(sc, req, out->solved.plan, on, &out->plan, err)) != MU_OK)
		return rc;
	return measure(sc, req, out->mean.plan, on, &out->mean_plan, err);
}

/* The KPIs of t (FLOW_TWOSTAGE_KPI_MAX at most) into kpis; returns how
 * many. */
static size_t twostage_kpis(const struct flow_twostage *t, struct io_run_kpi *kpis)
{
	size_t n = 0, k, n_flagged = 0;
	for (k = 0; k < t->solved.n_days; k++)
		n_flagged += t->solved.days[k]->system.n_red_flags > 0;
	kpis[n++] = (struct io_run_kpi){"SYSTEM", "expected_spend", t->spend};
	kpis[n++] = (struct io_run_kpi){"SYSTEM", "expected_penalties", t->penalty};
	kpis[n++] = (struct io_run_kpi){"SYSTEM", "now_spend", t->solved.plan->system.spend_total};
	kpis[n++] =
	    (struct io_run_kpi){"SYSTEM", "now_penalties", t->solved.plan->system.penalty_total};
	kpis[n++] = (struct io_run_kpi){
	    "SYSTEM", "scenarios_red_flag_fraction",
	    t->solved.n_days ? (double)n_flagged / (double)t->solved.n_days : 0};
	if (!t->is_measured)
		return n;
	kpis[n++] = (struct io_run_kpi){"SYSTEM", "measured_spend", t->plan.spend};
	kpis[n++] = (struct io_run_kpi){"SYSTEM", "measured_penalties", t->plan.penalty};
	kpis[n++] =
	    (struct io_run_kpi){"SYSTEM", "measured_red_flag_fraction", t->plan.red_flag_chance};
	kpis[n++] = (struct io_run_kpi){"SYSTEM", "mean_plan_spend", t->mean_plan.spend};
	kpis[n++] = (struct io_run_kpi){"SYSTEM", "mean_plan_penalties", t->mean_plan.penalty};
	kpis[n++] = (struct io_run_kpi){"SYSTEM", "mean_plan_red_flag_fraction",
	                                t->mean_plan.red_flag_chance};
	return n;
}

void flow_twostage_describe(const struct mu_scenario *sc, const struct flow_twostage_request *req,
                            const struct flow_twostage *t, struct flow_twostage_stored *out)
{
	struct flow_run_request rreq = {.command = req->command,
	                                .is_lp = req->is_lp,
	                                .is_silo = req->is_silo,
	                                .started = req->started,
	                                .time_read = req->time_read};
	struct flow_run run;
	memset(&run, 0, sizeof(run));
	run.solved = t->solved; /* borrowed: describe reads it */
	flow_run_describe(sc, &rreq, &run, &out->base);
	/* a two-stage run's KPIs are its expected and measured figures, not
	 * the summary of what is decided now alone */
	flow_run_stored_release(&out->base);
	out->base.r.kpis = out->kpis;
	out->base.r.n_kpis = twostage_kpis(t, out->kpis);
	out->draws[0] = (struct io_run_draws){"scenarios", req->draws_file, req->draws->hash,
	                                      (long)req->draws->n_scenarios};
	if (req->check)
		out->draws[1] = (struct io_run_draws){"check", req->check_file, req->check->hash,
		                                      (long)req->check->n_scenarios};
	out->base.r.draws = out->draws;
	out->base.r.n_draws = req->check ? 2 : 1;
}

void flow_twostage_expected_totals(const struct flow_twostage *t, struct mu_totals *out)
{
	const size_t n = t->solved.n_days;
	double flags = 0, unfilled = 0;
	size_t k, i;
	memset(out, 0, sizeof(*out));
	for (k = 0; k < n; k++) {
		const struct mu_totals *d = &t->solved.days[k]->system;
		out->required_hours += d->required_hours / (double)n;
		out->filled_hours += d->filled_hours / (double)n;
		out->unfilled_hours += d->unfilled_hours / (double)n;
		out->unfilled_penalty += d->unfilled_penalty / (double)n;
		for (i = 0; i < MU_SRC_COUNT; i++) {
			out->hours[i] += d->hours[i] / (double)n;
			out->spend[i] += d->spend[i] / (double)n;
			out->cost[i] += d->cost[i] / (double)n;
		}
		for (i = 0; i < MU_PEN_COUNT; i++)
			out->penalty[i] += d->penalty[i] / (double)n;
		out->spend_total += d->spend_total / (double)n;
		out->penalty_total += d->penalty_total / (double)n;
		out->cost_total += d->cost_total / (double)n;
		out->break_glass_shifts += d->break_glass_shifts / (double)n;
		out->lent_out_hours += d->lent_out_hours / (double)n;
		out->recharge_in += d->recharge_in / (double)n;
		out->recharge_out += d->recharge_out / (double)n;
		flags += (double)d->n_red_flags / (double)n;
		unfilled += (double)d->n_unfilled_rows / (double)n;
		out->has_supply = out->has_supply || d->has_supply;
	}
	out->n_red_flags = (size_t)ceil(flags - 1e-9);
	out->n_unfilled_rows = (size_t)ceil(unfilled - 1e-9);
}

enum mu_code flow_twostage_record(struct io_store *st, const struct io_source *src,
                                  const struct mu_scenario *sc,
                                  const struct flow_twostage_request *req,
                                  const struct flow_twostage *t, int64_t *id, struct mu_err *err)
{
	struct flow_twostage_stored stored;
	enum mu_code rc;

	if (flow_is_aborted(&req->hooks))
		return mu_err_set(err, MU_E_SOLVER, "interrupted; the run was not recorded");
	flow_twostage_describe(sc, req, t, &stored);
	rc = io_store_add_run(st, src, &stored.base.r, id, err);
	if (rc == MU_OK && flow_is_aborted(&req->hooks))
		return mu_err_set(err, MU_E_SOLVER, "interrupted after run %lld was recorded in %s",
		                  (long long)*id, io_store_path(st));
	return rc;
}

void flow_twostage_view(const struct flow_twostage *t, const struct flow_twostage_request *req,
                        int64_t run_id, struct io_twostage *out)
{
	*out = (struct io_twostage){
	    .draws = req->draws,
	    .check = req->check,
	    .now = t->solved.plan,
	    .days = (const struct mu_plan *const *)t->solved.days,
	    .n_days = t->solved.n_days,
	    .objective = t->solved.objective,
	    .spend = t->spend,
	    .penalty = t->penalty,
	    .is_measured = t->is_measured,
	    .n_measured = req->check ? req->check->n_scenarios : req->draws->n_scenarios,
	    .plan = &t->plan,
	    .mean_plan = &t->mean_plan,
	    .run_id = (long long)run_id,
	    .draws_file = req->draws_file,
	    .check_file = req->check_file,
	    .status = t->solved.status,
	    .has_bound = t->solved.has_bound,
	    .is_bound_jensen = t->solved.is_bound_jensen,
	    .bound = t->solved.bound,
	    .gap = t->solved.gap,
	    .stopped_by = t->solved.stopped_by,
	    .work = t->solved.work,
	    .work_limit = req->work_limit,
	};
}

void flow_twostage_release(struct flow_twostage *t)
{
	pol_solved_release(&t->solved);
	pol_solved_release(&t->mean);
	mu_draws_outcome_release(&t->plan);
	mu_draws_outcome_release(&t->mean_plan);
	memset(t, 0, sizeof(*t));
}
