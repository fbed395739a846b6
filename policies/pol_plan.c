/*
 * pol_plan.c - solution to plan rows and totals. Row strings point into the
 * scenario; totals are summed from unrounded values.
 */
#include "pol_plan.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdlib.h>

#define EPS 1e-6

/* Adds the work of plan row r (column c) to the totals of the place it is
 * done at: a partner's, and the system's. */
static void add_work(struct mu_totals *t, const struct pol_col *c, const struct mu_plan_row *r)
{
	t->hours[c->source] += r->hours;
	t->cost[c->source] += r->cost;
	t->agency_spend += r->staff * c->agency_spend; /* 0 unless agency */
	if (c->is_break_glass)
		t->break_glass_shifts += r->staff;
	t->recharge_out += r->recharge; /* 0 unless lent */
}

struct pol_plan *pol_plan_new(const struct pol_build *b, const double *x)
{
	const struct mu_scenario *sc = b->sc;
	struct pol_plan *plan = mu_calloc(1, sizeof(*plan));
	size_t col, i, cap = 0;
	double *breach = mu_calloc(sc->n_demand + 1, sizeof(double));

	plan->partners = mu_calloc(sc->n_partners + 1, sizeof(*plan->partners));
	for (i = 0; i < sc->n_demand; i++) {
		double h = sc->demand[i].required * sc->shifts[sc->demand[i].shift].paid_hours;
		plan->partners[sc->demand[i].partner].required_hours += h;
		plan->system.required_hours += h;
	}
	for (col = 0; col < b->m->n_cols; col++) {
		const struct pol_col *c = &b->cols[col];
		const struct mu_demand *d = &sc->demand[c->demand];
		struct mu_plan_row *r;
		if (fabs(x[col]) < EPS)
			continue;
		MU_GROW(plan->rows, cap, plan->n_rows + 1);
		r = &plan->rows[plan->n_rows++];
		r->source = mu_source_names[c->source];
		r->partner = sc->partners[d->partner].id;
		r->role = sc->roles[d->role].id;
		r->worker_role = c->worker_role == MU_ALL ? "" : sc->roles[c->worker_role].id;
		r->shift = sc->shifts[d->shift].id;
		r->home = "";
		r->worker = "";
		r->offer = "";
		if (c->source == MU_SRC_OWN || c->source == MU_SRC_LEND || c->source == MU_SRC_BANK)
			r->home = sc->partners[c->home].id;
		if (c->source == MU_SRC_BANK)
			r->worker = sc->bank[c->worker].id;
		if (c->source == MU_SRC_AGENCY) {
			const struct mu_agency_offer *a = &sc->agency[c->offer];
			r->home = a->supplier;
			r->offer = a->partner == MU_ALL ? "*" : sc->partners[a->partner].id;
		}
		if (c->source == MU_SRC_LEND) {
			const struct mu_agreement *g = &sc->agreements[c->offer];
			r->offer = g->role == MU_ALL ? "*" : sc->roles[g->role].id;
		}
		r->staff = x[col];
		r->hours = x[col] * c->hours;
		r->cost = x[col] * c->cost;
		r->recharge = x[col] * c->recharge;
		plan->objective += r->cost;
		add_work(&plan->partners[d->partner], c, r);
		add_work(&plan->system, c, r);
		if (c->source == MU_SRC_LEND) {
			plan->partners[c->home].recharge_in += r->recharge;
			plan->partners[c->home].lent_out_hours += r->hours;
			plan->system.recharge_in += r->recharge;
			plan->system.lent_out_hours += r->hours;
		}
		if (c->source == MU_SRC_BREACH)
			breach[c->demand] += x[col];
	}
	for (i = 0; i < sc->n_demand; i++)
		if (breach[i] > EPS) {
			plan->partners[sc->demand[i].partner].n_red_flags++;
			plan->system.n_red_flags++;
		}
	free(breach);
	return plan;
}

void pol_plan_free(struct pol_plan *plan)
{
	if (!plan)
		return;
	free(plan->rows);
	free(plan->partners);
	free(plan);
}
