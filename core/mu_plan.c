/*
 * mu_plan.c - the names of plan sources, as plan.csv and the store spell
 * them, and the figures (KPIs) drawn from a plan's totals.
 */
#include "mu_plan.h"

#include <assert.h>

const char *const mu_source_names[MU_SRC_COUNT] = {"own",    "lend",  "bank",
                                                   "agency", "short", "breach"};

double mu_totals_fill_rate(const struct mu_totals *t)
{
	if (t->required_hours <= 0)
		return -1;
	return (t->required_hours - t->hours[MU_SRC_SHORT] - t->hours[MU_SRC_BREACH]) /
	       t->required_hours;
}

size_t mu_totals_kpis(const struct mu_totals *t, struct mu_kpi *out)
{
	static const char *const hours[MU_SRC_COUNT] = {
	    "own_hours", "lend_hours", "bank_hours", "agency_hours", "short_hours", "breach_hours"};
	static const char *const cost[MU_SRC_COUNT] = {"own_cost",    "lend_cost",  "bank_cost",
	                                               "agency_cost", "short_cost", "breach_cost"};
	double total = 0, fill = mu_totals_fill_rate(t);
	size_t n = 0;
	int s;
	out[n++] = (struct mu_kpi){"required_hours", t->required_hours};
	for (s = 0; s < MU_SRC_COUNT; s++)
		out[n++] = (struct mu_kpi){hours[s], t->hours[s]};
	if (fill >= 0)
		out[n++] = (struct mu_kpi){"fill_rate", fill};
	out[n++] = (struct mu_kpi){"red_flags", (double)t->n_red_flags};
	for (s = 0; s < MU_SRC_COUNT; s++) {
		out[n++] = (struct mu_kpi){cost[s], t->cost[s]};
		total += t->cost[s];
	}
	out[n++] = (struct mu_kpi){"total_cost", total};
	out[n++] = (struct mu_kpi){"agency_spend", t->agency_spend};
	out[n++] = (struct mu_kpi){"break_glass_staff_shifts", t->break_glass_shifts};
	out[n++] = (struct mu_kpi){"lent_out_hours", t->lent_out_hours};
	out[n++] = (struct mu_kpi){"recharge_in", t->recharge_in};
	out[n++] = (struct mu_kpi){"recharge_out", t->recharge_out};
	assert(n <= MU_KPI_MAX);
	return n;
}
