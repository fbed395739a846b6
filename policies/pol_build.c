/*
 * pol_build.c - the build context and the table of policies. Adding a
 * policy is one file and one line in pol_policies.
 *
 * A two-stage plan (DESIGN.md §3e, opt.draws) is the same table run in two
 * ways: the rules of the day (is_per_day) once per scenario, b->sc that
 * day's scenario (the draw's demand and staff) and every row and column
 * they add named with the suffix _scK and marked with its scenario, its
 * cost weighed 1/N and continuous (pol_build_add_col); the others once,
 * for what is decided now (bank, agency booked now), whose staff count in
 * every day's cover rows (pol_build_add_cover_col). Without scenarios
 * every rule runs once as it always did, and the model is §3's byte for
 * byte.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdlib.h>
#include <string.h>

const struct pol_policy pol_policies[] = {
    {"substitution", pol_substitution_apply, false}, /* who may cover whom, first */
    {"demand", pol_demand_apply, true},              /* cover and floor rows, short and breach */
    {"mutual_aid", pol_mutual_aid_apply, true},      /* own staff and lending */
    {"bank", pol_bank_apply, false},                 /* working time: overlap, rest, max hours */
    {"preference", pol_preference_apply, false},     /* after bank: it prices bank columns */
    {"bank_share", pol_bank_share_apply, false},     /* after bank: it sums bank columns' hours */
    {"supply", pol_supply_apply, false},             /* after bank: the rate its staff are paid */
    {"agency", pol_agency_apply, false},             /* caps, framework, tiers, break-glass */
    /* §3e: after agency, whose offers it books late on each day */
    {"late_agency", pol_late_agency_apply, true},
    {"budgets", pol_budgets_apply, true},      /* after agency: it sums agency columns */
    {"guarantee", pol_guarantee_apply, false}, /* after demand: it sums short and breach */
    {"flow", pol_flow_apply, false},           /* §3f: after demand, whose rows it moves */
    {"recruit", pol_recruit_apply, false},     /* posts (§3c): only with opt.is_recruit */
    {"keep", pol_keep_apply, false},           /* last: it finds the staff columns kept */
    {NULL, NULL, false},
};

struct pol_build *pol_build_new(const struct mu_scenario *sc, const struct pol_build_options *opt)
{
	struct pol_build *b = mu_calloc(1, sizeof(*b));
	size_t i, k, n_cells = sc->n_partners * sc->n_roles * sc->n_shifts, n_blocks;

	b->sc = sc;
	b->base = sc;
	b->opt = opt ? *opt : (struct pol_build_options){0};
	b->m = sol_model_new();
	if (b->opt.coalition) {
		b->in_coalition = mu_malloc((sc->n_partners + 1) * sizeof(bool));
		memcpy(b->in_coalition, b->opt.coalition, sc->n_partners * sizeof(bool));
	}
	b->demand_at = mu_malloc((n_cells + 1) * sizeof(size_t));
	for (i = 0; i < n_cells; i++)
		b->demand_at[i] = MU_ALL;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		b->demand_at[(d->partner * sc->n_roles + d->role) * sc->n_shifts + d->shift] = i;
	}
	b->efficiency = mu_calloc(sc->n_roles * sc->n_roles + 1, sizeof(double));
	if (b->opt.keep) {
		b->is_kept_worker = mu_calloc(sc->n_bank + 1, sizeof(bool));
		for (i = 0; i < b->opt.keep->n_rows; i++)
			if (b->opt.keep->rows[i].source == MU_SRC_BANK)
				b->is_kept_worker[b->opt.keep->rows[i].worker] = true;
	}
	b->day = MU_ALL;
	if (b->opt.draws) {
		b->n_days = b->opt.draws->n_scenarios;
		b->days = mu_calloc(b->n_days + 1, sizeof(*b->days));
		for (k = 0; k < b->n_days; k++) {
			b->days[k] = *sc; /* its arrays borrowed but demand and staff */
			b->days[k].demand =
			    mu_malloc((sc->n_demand + 1) * sizeof(struct mu_demand));
			b->days[k].staff = mu_malloc((sc->n_staff + 1) * sizeof(struct mu_staff));
			mu_draws_day(b->opt.draws, sc, k, b->days[k].demand, b->days[k].staff);
		}
	}
	n_blocks = b->n_days > 0 ? b->n_days : 1;
	b->cover_rows = mu_calloc(n_blocks * sc->n_demand + 1, sizeof(size_t));
	b->floor_rows = mu_calloc(n_blocks * sc->n_demand + 1, sizeof(size_t));
	b->cover_row = b->cover_rows;
	b->floor_row = b->floor_rows;
	for (i = 0; pol_policies[i].apply; i++) {
		if (!pol_policies[i].is_per_day || b->n_days == 0) {
			pol_policies[i].apply(b);
			continue;
		}
		for (k = 0; k < b->n_days; k++) {
			b->day = k;
			b->sc = &b->days[k];
			b->cover_row = b->cover_rows + k * sc->n_demand;
			b->floor_row = b->floor_rows + k * sc->n_demand;
			pol_policies[i].apply(b);
		}
		b->day = MU_ALL;
		b->sc = sc;
		b->cover_row = b->cover_rows;
		b->floor_row = b->floor_rows;
	}
	b->opt.guarantee_cap = NULL; /* the caller's, read while building only */
	b->opt.coalition = NULL;     /* the caller's; b->in_coalition is b's copy */
	b->opt.keep = NULL;          /* the caller's; b->keep_gone is what the build kept */
	b->opt.draws = NULL;         /* the caller's; b->days are the build's */
	return b;
}
