/*
 * pol_plan.c - solution to plan rows: each column's meaning (pol_col) times
 * its value. Totals and per-demand results are summed by core/mu_plan.c
 * from unrounded values, once.
 */
#include "pol_plan.h"

#include <math.h>

#define EPS 1e-6

/* The plan row of column c at value x. */
static struct mu_plan_row row_of(const struct mu_scenario *sc, const struct pol_col *c, double x)
{
	const struct mu_source_info *info = &mu_source_info[c->source];
	struct mu_plan_row r = {
	    .source = c->source,
	    .demand = MU_ALL,
	    .partner = c->partner,
	    .role = MU_ALL,
	    .shift = MU_ALL,
	    .worker_role = info->is_staff ? c->worker_role : MU_ALL,
	    .home = info->has_home ? c->home : MU_ALL,
	    .worker = c->source == MU_SRC_BANK ? c->worker : MU_ALL,
	    .offer = c->source == MU_SRC_AGENCY || c->source == MU_SRC_LEND ? c->offer : MU_ALL,
	    .staff = x,
	    .hours = x * c->hours,
	    .spend = x * c->spend,
	    .recharge = x * c->recharge,
	};
	if (info->covers_demand) {
		const struct mu_demand *d = &sc->demand[c->demand];
		r.demand = c->demand;
		r.role = d->role;
		r.shift = d->shift;
	}
	return r;
}

struct mu_plan *pol_plan_new(const struct pol_build *b, const double *x)
{
	const struct mu_scenario *sc = b->sc;
	struct mu_plan *plan = mu_plan_new(sc);
	size_t col;
	for (col = 0; col < b->m->n_cols; col++) {
		const struct pol_col *c = &b->cols[col];
		struct mu_plan_row r;
		double penalty[MU_PEN_COUNT];
		int k;
		if (fabs(x[col]) < EPS)
			continue;
		r = row_of(sc, c, x[col]);
		for (k = 0; k < MU_PEN_COUNT; k++)
			penalty[k] = x[col] * c->penalty[k];
		mu_plan_add_row(plan, &r, pol_col_efficiency(b, c), penalty, c->is_break_glass);
	}
	mu_plan_finish(plan, sc);
	return plan;
}
