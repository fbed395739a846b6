/*
 * pol_build.c - the build context and the table of policies. Adding a
 * policy is one file and one line in pol_policies.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdlib.h>
#include <string.h>

const struct pol_policy pol_policies[] = {
    {"substitution", pol_substitution_apply}, /* who may cover whom, first */
    {"demand", pol_demand_apply},             /* cover and floor rows, short and breach */
    {"mutual_aid", pol_mutual_aid_apply},     /* own staff and lending */
    {"bank", pol_bank_apply},                 /* working time: overlap, rest, max hours */
    {"preference", pol_preference_apply},     /* after bank: it prices bank columns */
    {"bank_share", pol_bank_share_apply},     /* after bank: it sums bank columns' hours */
    {"supply", pol_supply_apply},             /* after bank: the rate its staff are paid */
    {"agency", pol_agency_apply},             /* caps, framework, tiers, break-glass */
    {"budgets", pol_budgets_apply},           /* after agency: it sums agency columns */
    {"guarantee", pol_guarantee_apply},       /* after demand: it sums short and breach */
    {"recruit", pol_recruit_apply},           /* posts (§3c): only with opt.is_recruit */
    {"keep", pol_keep_apply},                 /* last: it finds the staff columns kept */
    {NULL, NULL},
};

struct pol_build *pol_build_new(const struct mu_scenario *sc, const struct pol_build_options *opt)
{
	struct pol_build *b = mu_calloc(1, sizeof(*b));
	size_t i, n_cells = sc->n_partners * sc->n_roles * sc->n_shifts;

	b->sc = sc;
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
	b->cover_row = mu_calloc(sc->n_demand + 1, sizeof(size_t));
	b->floor_row = mu_calloc(sc->n_demand + 1, sizeof(size_t));
	for (i = 0; pol_policies[i].apply; i++)
		pol_policies[i].apply(b);
	b->opt.guarantee_cap = NULL; /* the caller's, read while building only */
	b->opt.coalition = NULL;     /* the caller's; b->in_coalition is b's copy */
	b->opt.keep = NULL;          /* the caller's; b->keep_gone is what the build kept */
	return b;
}
