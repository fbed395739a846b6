/*
 * pol_late_agency.c - late agency of a two-stage plan (DESIGN.md §3e), a
 * rule of the day: on each scenario's day, any agency offer's capacity
 * left over by the bookings made now, at its rate x (1 +
 * late_agency_premium) x unsocial factor x hours, with the offer's tier
 * and break-glass penalties. Per day and (offer, shift): booked now +
 * late <= capacity; per day and demand row: break-glass heads (booked and
 * late) <= the day's minimum. Without scenarios it adds nothing: §3's
 * agency (pol_agency.c) has those rows itself.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>

void pol_late_agency_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	double premium = 1.0 + sc->settings.late_agency_premium;
	size_t n_now = b->m->n_cols, j, i;
	size_t *cap_row, *glass_row;
	char name[96];

	if (b->day == MU_ALL)
		return;
	cap_row = mu_malloc((sc->n_agency * sc->n_shifts + 1) * sizeof(size_t));
	glass_row = mu_malloc((sc->n_demand + 1) * sizeof(size_t));
	for (i = 0; i < sc->n_agency * sc->n_shifts; i++)
		cap_row[i] = MU_ALL;
	for (i = 0; i < sc->n_demand; i++)
		glass_row[i] = MU_ALL;
	for (j = 0; j < n_now; j++) {
		struct pol_col late = b->cols[j];
		const struct mu_agency_offer *off;
		size_t d = late.demand, s, col, *row;
		if (late.source != MU_SRC_AGENCY || late.scenario != MU_ALL)
			continue;
		off = &sc->agency[late.offer];
		s = sc->demand[d].shift;
		late.spend *= premium;
		late.is_late = true;
		snprintf(name, sizeof(name), "late_agency_a%zu_d%zu", late.offer, d);
		col = pol_build_add_cover_col(b, name, &late);
		if (off->capacity != MU_UNLIMITED) {
			row = &cap_row[late.offer * sc->n_shifts + s];
			if (*row == MU_ALL) {
				snprintf(name, sizeof(name), "capacity_a%zu_s%zu", late.offer, s);
				*row = pol_build_add_row(
				    b, name, -SOL_INF, (double)off->capacity,
				    &(struct pol_row){MU_ROW_CAPACITY, late.offer, s});
			}
			sol_model_add_entry(b->m, *row, j, 1);
			sol_model_add_entry(b->m, *row, col, 1);
		}
		if (!late.is_break_glass)
			continue;
		row = &glass_row[d];
		if (*row == MU_ALL) {
			snprintf(name, sizeof(name), "break_glass_d%zu", d);
			*row = pol_build_add_row(b, name, -SOL_INF, sc->demand[d].minimum,
			                         &(struct pol_row){MU_ROW_BREAK_GLASS, d, MU_ALL});
		}
		sol_model_add_entry(b->m, *row, j, 1);
		sol_model_add_entry(b->m, *row, col, 1);
	}
	free(cap_row);
	free(glass_row);
}
