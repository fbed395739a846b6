/*
 * mu_bidding.h - compare's third plan under §3d, bidding (DESIGN.md §3d):
 * partners alone as in the silo plan, then every bank staff-shift of a
 * role r on a shift s paid the highest rate any partner alone reached on
 * (r, s): staff go where pay is highest, so one partner's rate becomes
 * everyone's. Arithmetic on the silo plan, no solve: the same staff, the
 * same filled hours, a higher spend.
 */
#ifndef MU_BIDDING_H
#define MU_BIDDING_H

#include "core/mu_plan.h"
#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stddef.h>

/* The bidding plan: the silo plan's totals with the rise of pay in them
 * (spend of source rate, spend_total, cost of source rate, cost_total),
 * every other figure the silo plan's (filled hours, penalties, red flags,
 * recharge: none alone). Net cash by mu_totals_net_cash. */
struct mu_bidding {
	struct mu_totals *partners; /* one per partner */
	size_t n_partners;
	struct mu_totals system;
	/* the rise of each partner's spend over the silo plan's (>= 0),
	 * and the system's: bidding spend - silo spend */
	double *rise;
	double rise_total;
	/* the days from the first shift's date to the last's, both counted:
	 * the horizon the money is for */
	long horizon_days;
};

/* True when compare adds the bidding plan: some role of sc has an
 * elasticity above 0 (mu_scenario_is_elastic). */
bool mu_bidding_is_wanted(const struct mu_scenario *sc);

/* The bidding plan of silo (sc's silo plan, in either mode). For each role
 * r and shift s on which some partner's plan has a rate row (it paid above
 * bank_rate), w_max = the highest rate of those rows; a partner p whose own
 * rate on (r, s) is w_p (its rate row's, else r's bank_rate) pays each of
 * its role-r bank staff-shifts on s (named and extra, worker_role r) w_max -
 * w_p more per hour, times the shift's unsocial factor: hours x (1 +
 * enhancement) x (w_max - w_p). A partner that reached w_max pays as alone,
 * so the rise is 0 when no partner's rate is above another's. The caller
 * frees the result with mu_bidding_free. */
struct mu_bidding *mu_bidding_new(const struct mu_scenario *sc, const struct mu_plan *silo);

/* Accepts NULL. */
void mu_bidding_free(struct mu_bidding *bid);

#endif
