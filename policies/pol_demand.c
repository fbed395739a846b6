/*
 * pol_demand.c - each demand row's two constraints and the slack that
 * prices uncovered demand: covered + short + breach >= required and
 * covered + breach >= minimum, breach <= minimum, at the shortfall and
 * floor penalties times priority and hours.
 */
#include "pol_build.h"

#include <stdio.h>

void pol_demand_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t i;
	char name[64];
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		double hours = sc->shifts[d->shift].paid_hours;
		double weight = d->priority * hours;
		struct pol_col what = {
		    .source = MU_SRC_SHORT,
		    .demand = i,
		    .partner = d->partner,
		    .hi = SOL_INF,
		    .hours = hours,
		    .penalty = {[MU_PEN_SHORT] = sc->settings.shortfall_penalty * weight},
		};
		size_t col;
		snprintf(name, sizeof(name), "cover_d%zu", i);
		b->cover_row[i] = pol_build_add_row(b, name, d->required, SOL_INF,
		                                    &(struct pol_row){MU_ROW_DEMAND, i, MU_ALL});
		snprintf(name, sizeof(name), "floor_d%zu", i);
		b->floor_row[i] = pol_build_add_row(b, name, d->minimum, SOL_INF,
		                                    &(struct pol_row){MU_ROW_MINIMUM, i, MU_ALL});

		snprintf(name, sizeof(name), "short_d%zu", i);
		col = pol_build_add_col(b, name, &what);
		sol_model_add_entry(b->m, b->cover_row[i], col, 1);

		what = (struct pol_col){
		    .source = MU_SRC_BREACH,
		    .demand = i,
		    .partner = d->partner,
		    .hi = d->minimum,
		    .hours = hours,
		    .penalty = {[MU_PEN_BREACH] = sc->settings.floor_penalty * weight},
		};
		snprintf(name, sizeof(name), "breach_d%zu", i);
		col = pol_build_add_col(b, name, &what);
		sol_model_add_entry(b->m, b->cover_row[i], col, 1);
		sol_model_add_entry(b->m, b->floor_row[i], col, 1);
	}
}
