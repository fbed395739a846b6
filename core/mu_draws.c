/*
 * mu_draws.c - the scenarios of a two-stage plan (DESIGN.md §3e): a
 * draw's demand and absence over the scenario's rows, and the day it
 * makes (mu_draws_day), the one place that says what a draw means.
 */
#include "mu_draws.h"

#include "core/mu_alloc.h"

#include <stdlib.h>
#include <string.h>

struct mu_draws *mu_draws_new(const struct mu_scenario *sc)
{
	struct mu_draws *dr = mu_calloc(1, sizeof(*dr));
	dr->n_demand = sc->n_demand;
	dr->n_staff = sc->n_staff;
	return dr;
}

void mu_draws_free(struct mu_draws *dr)
{
	size_t k;
	if (!dr)
		return;
	for (k = 0; k < dr->n_scenarios; k++)
		free(dr->ids[k]);
	free(dr->ids);
	free(dr->required);
	free(dr->absent);
	free(dr);
}

size_t mu_draws_add(struct mu_draws *dr, const struct mu_scenario *sc, const char *id,
                    size_t id_len)
{
	size_t k = dr->n_scenarios, i;
	dr->ids = mu_grow_one(dr->ids, k, sizeof(*dr->ids));
	dr->ids[k] = mu_strndup(id, id_len);
	dr->required = mu_realloc(dr->required, ((k + 1) * dr->n_demand + 1) * sizeof(double));
	dr->absent = mu_realloc(dr->absent, ((k + 1) * dr->n_staff + 1) * sizeof(long));
	for (i = 0; i < dr->n_demand; i++)
		dr->required[k * dr->n_demand + i] = sc->demand[i].required;
	for (i = 0; i < dr->n_staff; i++)
		dr->absent[k * dr->n_staff + i] = 0;
	dr->n_scenarios = k + 1;
	return k;
}

void mu_draws_day(const struct mu_draws *dr, const struct mu_scenario *sc, size_t k,
                  struct mu_demand *demand, struct mu_staff *staff)
{
	size_t i;
	for (i = 0; i < sc->n_demand; i++) {
		demand[i] = sc->demand[i];
		demand[i].required = dr->required[k * dr->n_demand + i];
		if (demand[i].minimum > demand[i].required)
			demand[i].minimum = demand[i].required;
	}
	for (i = 0; i < sc->n_staff; i++) {
		long absent = dr->absent[k * dr->n_staff + i];
		staff[i] = sc->staff[i];
		staff[i].available = absent >= staff[i].available ? 0 : staff[i].available - absent;
		if (staff[i].rotatable > staff[i].available)
			staff[i].rotatable = staff[i].available;
	}
}

void mu_draws_outcome_init(struct mu_draws_outcome *o, const struct mu_scenario *sc,
                           const struct mu_plan *const *days, size_t n_days)
{
	size_t k, d;
	double w = n_days > 0 ? 1.0 / (double)n_days : 0;
	memset(o, 0, sizeof(*o));
	o->n_scenarios = n_days;
	o->n_demand = sc->n_demand;
	o->row_red_flag_chance = mu_calloc(sc->n_demand + 1, sizeof(double));
	o->row_short_hours = mu_calloc(sc->n_demand + 1, sizeof(double));
	for (k = 0; k < n_days; k++) {
		const struct mu_plan *p = days[k];
		o->spend += w * p->system.spend_total;
		o->penalty += w * p->system.penalty_total;
		if (p->system.n_red_flags > 0)
			o->red_flag_chance += w;
		for (d = 0; d < sc->n_demand && d < p->n_demand; d++) {
			const struct mu_demand_result *r = &p->demand[d];
			if (r->is_red_flag)
				o->row_red_flag_chance[d] += w;
			o->row_short_hours[d] += w * (r->short_staff + r->breach_staff) *
			                         sc->shifts[sc->demand[d].shift].paid_hours;
		}
	}
}

void mu_draws_outcome_release(struct mu_draws_outcome *o)
{
	free(o->row_red_flag_chance);
	free(o->row_short_hours);
	memset(o, 0, sizeof(*o));
}
