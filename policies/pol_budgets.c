/*
 * pol_budgets.c - agency spend (rate x unsocial factor x hours, break-glass
 * included, penalties not) at each partner within its agency_budget, and
 * over the whole system within the agency_budget setting.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>

void pol_budgets_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t *partner_row = mu_malloc((sc->n_partners + 1) * sizeof(size_t));
	size_t p, col, system_row = MU_ALL;
	char name[64];

	for (p = 0; p < sc->n_partners; p++) {
		partner_row[p] = MU_ALL;
		if (!sc->partners[p].has_agency_budget)
			continue;
		snprintf(name, sizeof(name), "budget_p%zu", p);
		partner_row[p] = pol_build_add_row(b, name, -SOL_INF, sc->partners[p].agency_budget,
		                                   &(struct pol_row){MU_ROW_BUDGET, p, MU_ALL});
	}
	if (sc->settings.has_agency_budget)
		system_row =
		    pol_build_add_row(b, "budget_system", -SOL_INF, sc->settings.agency_budget,
		                      &(struct pol_row){MU_ROW_BUDGET, MU_ALL, MU_ALL});
	/* one pass over the columns: agency spend counts where the staff work */
	for (col = 0; col < b->m->n_cols; col++) {
		const struct pol_col *c = &b->cols[col];
		/* §3e: a day's budget holds what is booked now and that day's late agency */
		if (c->source != MU_SRC_AGENCY || (c->scenario != MU_ALL && c->scenario != b->day))
			continue;
		p = c->partner;
		if (partner_row[p] != MU_ALL)
			sol_model_add_entry(b->m, partner_row[p], col, c->spend);
		if (system_row != MU_ALL)
			sol_model_add_entry(b->m, system_row, col, c->spend);
	}
	free(partner_row);
}
