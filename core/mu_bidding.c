/*
 * mu_bidding.c - the bidding plan of DESIGN.md §3d: the silo plan's bank
 * staff-shifts re-priced at the highest rate any partner reached on their
 * role and shift. Owns its totals; reads the silo plan's rows.
 *
 * The rise is counted from each partner's own rate rather than by
 * replacing its pay: a partner's pay on (r, s) in the silo plan is E(Q) u
 * hours (pol_supply.c), between the rungs when Q is, so "every staff-shift
 * paid w_max" would charge the partner that reached w_max more than it
 * paid alone. Counted from w_p, the partner that set the rate pays as
 * alone, every other pays w_max - w_p more per hour, and at rung points of
 * the uniform card the two readings are the same.
 */
#include "core/mu_bidding.h"

#include "core/mu_alloc.h"

#include <stdlib.h>

bool mu_bidding_is_wanted(const struct mu_scenario *sc)
{
	size_t r;
	for (r = 0; r < sc->n_roles; r++)
		if (mu_scenario_is_elastic(sc, r))
			return true;
	return false;
}

static void add_rise(struct mu_totals *t, double rise)
{
	t->spend[MU_SRC_RATE] += rise;
	t->cost[MU_SRC_RATE] += rise;
	t->spend_total += rise;
	t->cost_total += rise;
}

struct mu_bidding *mu_bidding_new(const struct mu_scenario *sc, const struct mu_plan *silo)
{
	struct mu_bidding *bid = mu_calloc(1, sizeof(*bid));
	size_t n_rs = sc->n_roles * sc->n_shifts, n_p = silo->n_partners, i, p;
	/* per (role, shift): the highest rate; per (partner, role, shift): the
	 * partner's own (0: none above bank_rate) */
	double *top = mu_calloc(n_rs + 1, sizeof(double));
	double *own = mu_calloc(n_p * n_rs + 1, sizeof(double));

	bid->n_partners = n_p;
	bid->partners = mu_malloc((n_p + 1) * sizeof(*bid->partners));
	bid->rise = mu_calloc(n_p + 1, sizeof(double));
	for (p = 0; p < n_p; p++)
		bid->partners[p] = silo->partners[p];
	bid->system = silo->system;
	bid->horizon_days = mu_scenario_horizon_days(sc);
	for (i = 0; i < silo->n_rows; i++) {
		const struct mu_plan_row *r = &silo->rows[i];
		size_t rs = r->worker_role * sc->n_shifts + r->shift;
		if (r->source != MU_SRC_RATE)
			continue;
		if (r->rate > top[rs])
			top[rs] = r->rate;
		if (r->rate > own[r->partner * n_rs + rs])
			own[r->partner * n_rs + rs] = r->rate;
	}
	for (i = 0; i < silo->n_rows; i++) {
		const struct mu_plan_row *r = &silo->rows[i];
		const struct mu_cap *cap;
		size_t rs;
		double w;
		if (r->source != MU_SRC_BANK && r->source != MU_SRC_BANK_EXTRA)
			continue;
		rs = r->worker_role * sc->n_shifts + r->shift;
		if (!(top[rs] > 0))
			continue;
		cap = mu_scenario_cap(sc, r->worker_role);
		w = own[r->partner * n_rs + rs] > 0 ? own[r->partner * n_rs + rs]
		    : cap                           ? cap->bank_rate
		                                    : 0;
		if (top[rs] > w)
			bid->rise[r->partner] +=
			    r->hours * (1 + sc->shifts[r->shift].enhancement) * (top[rs] - w);
	}
	for (p = 0; p < n_p; p++) {
		add_rise(&bid->partners[p], bid->rise[p]);
		add_rise(&bid->system, bid->rise[p]);
		bid->rise_total += bid->rise[p];
	}
	free(top);
	free(own);
	return bid;
}

void mu_bidding_free(struct mu_bidding *bid)
{
	if (!bid)
		return;
	free(bid->partners);
	free(bid->rise);
	free(bid);
}
