/*
 * flow_twostage.c - the two-stage plan of DESIGN.md §3e and what planning
 * for the spread is worth: four solves. The two-stage plan on the
 * scenarios; the plan of §3 on demand.csv (the plan for the mean); then
 * each of the two on the check scenarios with what it decided now fixed
 * (pol_solve_request's fix_now: only the days are solved, a linear
 * programme whatever the mode, as the day adapts continuously). The
 * difference of the last two is the value of planning for the spread.
 */
#include "flow_twostage.h"

#include <string.h>

/* The outcome of plan's decisions (what it decided now) on draws, in *o. */
static enum mu_code measure(const struct mu_scenario *sc, const struct flow_twostage_request *req,
                            const struct mu_plan *plan, const struct mu_draws *draws,
                            struct mu_draws_outcome *o, struct mu_err *err)
{
	struct pol_solved s;
	enum mu_code rc =
	    pol_solve(sc,
	              &(struct pol_solve_request){
	                  .is_lp = true, .draws = draws, .fix_now = plan, .stop = req->hooks.stop},
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
	    .time_limit = req->time_limit,
	    .work_limit = req->work_limit,
	    .mps = req->mps,
	    .draws = req->draws,
	    .progress = req->hooks.progress,
	    .progress_ctx = req->hooks.ctx,
	    .stop = req->hooks.stop,
	};
	struct pol_solve_request mean = two;
	const struct mu_draws *on = req->check ? req->check : req->draws;
	struct mu_draws_outcome own;
	enum mu_code rc;

	memset(out, 0, sizeof(*out));
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

	mean.mps = NULL;
	mean.draws = NULL;
	/* the plan for the mean names its bank workers (no pools), so that
	 * the check's model finds each of its columns by key */
	mean.pool = POL_POOL_NEVER;
	rc = pol_solve(sc, &mean, &out->mean, err);
	if (req->hooks.search_done)
		req->hooks.search_done(req->hooks.ctx);
	if (rc != MU_OK)
		return rc;

	out->is_measured = req->check != NULL;
	if ((rc = measure(sc, req, out->solved.plan, on, &out->plan, err)) != MU_OK)
		return rc;
	return measure(sc, req, out->mean.plan, on, &out->mean_plan, err);
}

void flow_twostage_release(struct flow_twostage *t)
{
	pol_solved_release(&t->solved);
	pol_solved_release(&t->mean);
	mu_draws_outcome_release(&t->plan);
	mu_draws_outcome_release(&t->mean_plan);
	memset(t, 0, sizeof(*t));
}
