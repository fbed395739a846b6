/*
 * pol_budgets.c - agency spend (rate x unsocial factor x hours, break-glass
 * included, penalties not) at each partner within its agency_budget, and
 * over the whole system within the agency_budget setting.
 */
#include "pol_build.h"

#include <stdio.h>

void pol_budgets_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t p, col, row;
	char name[64];

	for (p = 0; p < sc->n_partners; p++) {
		if (!sc->partners[p].has_agency_budget)
			continue;
		snprintf(name, sizeof(name), "budget_p%zu", p);
		row = pol_build_add_row(b, name, -SOL_INF, sc->partners[p].agency_budget,
		                        &(struct pol_row){POL_ROW_BUDGET, p, MU_ALL});
		for (col = 0; col < b->m->n_cols; col++)
			if (b->cols[col].source == MU_SRC_AGENCY &&
			    sc->demand[b->cols[col].demand].partner == p)
				sol_model_add_entry(b->m, row, col, b->cols[col].agency_spend);
	}
	if (!sc->settings.has_agency_budget)
		return;
	row = pol_build_add_row(b, "budget_system", -SOL_INF, sc->settings.agency_budget,
	                        &(struct pol_row){POL_ROW_BUDGET, MU_ALL, MU_ALL});
	for (col = 0; col < b->m->n_cols; col++)
		if (b->cols[col].source == MU_SRC_AGENCY)
			sol_model_add_entry(b->m, row, col, b->cols[col].agency_spend);
}
