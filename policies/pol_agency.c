/*
 * pol_agency.c - agency offers: staff of the offer's role at the partners it
 * serves, up to capacity per shift over those partners, at rate x unsocial
 * factor x hours plus tier_penalty per tier above 1. An offer above its
 * role's agency_cap, or off framework, is break-glass: unusable unless
 * allow_break_glass, and then it costs break_glass_penalty more per
 * staff-shift, and its heads at one demand row stay within that row's
 * minimum.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>

bool pol_agency_is_break_glass(const struct mu_scenario *sc, const struct mu_agency_offer *a)
{
	return mu_scenario_is_break_glass(sc, a); /* io/'s warnings use the same rule */
}

void pol_agency_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	const struct mu_settings *set = &sc->settings;
	size_t *glass_row = mu_malloc((sc->n_demand + 1) * sizeof(size_t));
	size_t i, a, s, q, c;
	char name[64];

	for (i = 0; i < sc->n_demand; i++)
		glass_row[i] = MU_ALL;
	for (a = 0; a < sc->n_agency; a++) {
		const struct mu_agency_offer *off = &sc->agency[a];
		bool is_glass = pol_agency_is_break_glass(sc, off);
		if (is_glass && !set->allow_break_glass)
			continue;
		for (s = 0; s < sc->n_shifts; s++) {
			const struct mu_shift *shift = &sc->shifts[s];
			double spend = off->rate * pol_shift_factor(shift) * shift->paid_hours;
			double ub = off->capacity == MU_UNLIMITED ? SOL_INF : (double)off->capacity;
			size_t cap_row = MU_ALL;
			if (off->capacity == 0)
				continue;
			for (q = 0; q < sc->n_partners; q++) {
				if (off->partner != MU_ALL && off->partner != q)
					continue;
				for (c = 0; c < sc->n_roles; c++) {
					size_t d = pol_demand_at(b, q, c, s), col;
					struct pol_col what = {
					    .source = MU_SRC_AGENCY,
					    .demand = d,
					    .worker_role = off->role,
					    .offer = a,
					    .hi = ub,
					    .is_int = true,
					    .hours = shift->paid_hours,
					    .spend = spend,
					    .penalty = {[MU_PEN_TIER] = set->tier_penalty *
					                                (double)(off->tier - 1),
					                [MU_PEN_BREAK_GLASS] =
					                    is_glass ? set->break_glass_penalty
					                             : 0},
					    .is_break_glass = is_glass,
					};
					if (d == MU_ALL ||
					    b->efficiency[off->role * sc->n_roles + c] <= 0)
						continue;
					snprintf(name, sizeof(name), "agency_a%zu_d%zu", a, d);
					col = pol_build_add_cover_col(b, name, &what);
					/* §3e: with scenarios, each day's capacity and
					 * break-glass rows hold the booking with that
					 * day's late agency (pol_late_agency.c) */
					if (b->n_days > 0)
						continue;
					if (off->capacity != MU_UNLIMITED) {
						if (cap_row == MU_ALL) {
							snprintf(name, sizeof(name),
							         "capacity_a%zu_s%zu", a, s);
							cap_row = pol_build_add_row(
							    b, name, -SOL_INF, ub,
							    &(struct pol_row){MU_ROW_CAPACITY, a,
							                      s});
						}
						sol_model_add_entry(b->m, cap_row, col, 1);
					}
					if (!is_glass)
						continue;
					if (glass_row[d] == MU_ALL) {
						snprintf(name, sizeof(name), "break_glass_d%zu", d);
						glass_row[d] = pol_build_add_row(
						    b, name, -SOL_INF, sc->demand[d].minimum,
						    &(struct pol_row){MU_ROW_BREAK_GLASS, d,
						                      MU_ALL});
					}
					sol_model_add_entry(b->m, glass_row[d], col, 1);
				}
			}
		}
	}
	free(glass_row);
}
