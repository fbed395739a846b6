/*
 * pol_mutual_aid.c - substantive staff: working at their own partner (cost
 * 0) or lent to another under an agreement. Per (partner, role, shift): own
 * use plus lending <= available, lending <= rotatable. A role row of an
 * agreement overrides the `*` row for that role wholly; each row caps the
 * staff it carries per shift at max_per_shift.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>

/* The agreement that carries staff of role from p to q: the role's own row,
 * else the `*` row, else MU_ALL. by_key is indexed (p, q, role or n_roles). */
static size_t agreement_for(const size_t *by_key, const struct mu_scenario *sc, size_t p, size_t q,
                            size_t role)
{
	size_t base = (p * sc->n_partners + q) * (sc->n_roles + 1);
	return by_key[base + role] != MU_ALL ? by_key[base + role] : by_key[base + sc->n_roles];
}

void pol_mutual_aid_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t n_keys = sc->n_partners * sc->n_partners * (sc->n_roles + 1);
	size_t *by_key = mu_malloc((n_keys + 1) * sizeof(size_t));
	size_t *agreement_row = mu_malloc((sc->n_agreements * sc->n_shifts + 1) * sizeof(size_t));
	size_t i, f, c, q;
	char name[96];

	for (i = 0; i < n_keys; i++)
		by_key[i] = MU_ALL;
	for (i = 0; i < sc->n_agreements; i++) {
		const struct mu_agreement *g = &sc->agreements[i];
		size_t role = g->role == MU_ALL ? sc->n_roles : g->role;
		by_key[(g->from * sc->n_partners + g->to) * (sc->n_roles + 1) + role] = i;
	}
	for (i = 0; i < sc->n_agreements * sc->n_shifts; i++)
		agreement_row[i] = MU_ALL;

	for (f = 0; f < sc->n_staff; f++) {
		const struct mu_staff *st = &sc->staff[f];
		const struct mu_shift *shift = &sc->shifts[st->shift];
		/* shaped by the scenario as given, bounded by the day's: a day
		 * whose staff of the row are all absent has its rows and
		 * columns, at 0, so that every day is one LP but for bounds
		 * (pol_jensen.c); without scenarios st is given */
		const struct mu_staff *given = &b->base->staff[f];
		size_t staff_row, rot_row = MU_ALL;
		if (given->available == 0)
			continue;
		snprintf(name, sizeof(name), "staff_f%zu", f);
		staff_row = pol_build_add_row(b, name, -SOL_INF, (double)st->available,
		                              &(struct pol_row){MU_ROW_STAFF, f, MU_ALL});
		for (c = 0; c < sc->n_roles; c++) {
			size_t d = pol_demand_at(b, st->partner, c, st->shift), col;
			struct pol_col what = {
			    .source = MU_SRC_OWN,
			    .demand = d,
			    .worker_role = st->role,
			    .home = st->partner,
			    .hi = (double)st->available,
			    .is_int = true,
			    .hours = shift->paid_hours,
			};
			if (d == MU_ALL || b->efficiency[st->role * sc->n_roles + c] <= 0)
				continue;
			snprintf(name, sizeof(name), "own_f%zu_d%zu", f, d);
			col = pol_build_add_cover_col(b, name, &what);
			sol_model_add_entry(b->m, staff_row, col, 1);
		}
		if (given->rotatable == 0)
			continue;
		for (q = 0; q < sc->n_partners; q++) {
			size_t g = q == st->partner || !pol_build_is_together(b, st->partner, q)
			               ? MU_ALL
			               : agreement_for(by_key, sc, st->partner, q, st->role);
			const struct mu_agreement *ag;
			if (g == MU_ALL)
				continue;
			ag = &sc->agreements[g];
			if (ag->max_per_shift == 0)
				continue;
			for (c = 0; c < sc->n_roles; c++) {
				size_t d = pol_demand_at(b, q, c, st->shift), col, *row;
				struct pol_col what = {
				    .source = MU_SRC_LEND,
				    .demand = d,
				    .worker_role = st->role,
				    .home = st->partner,
				    .offer = g,
				    .hi = (double)st->rotatable,
				    .is_int = true,
				    .hours = shift->paid_hours,
				    .spend = ag->travel_cost,
				    .recharge = ag->recharge_rate * shift->paid_hours,
				};
				if (d == MU_ALL || b->efficiency[st->role * sc->n_roles + c] <= 0)
					continue;
				snprintf(name, sizeof(name), "lend_f%zu_g%zu_d%zu", f, g, d);
				col = pol_build_add_cover_col(b, name, &what);
				sol_model_add_entry(b->m, staff_row, col, 1);
				if (rot_row == MU_ALL) {
					snprintf(name, sizeof(name), "rotatable_f%zu", f);
					rot_row = pol_build_add_row(
					    b, name, -SOL_INF, (double)st->rotatable,
					    &(struct pol_row){MU_ROW_ROTATABLE, f, MU_ALL});
				}
				sol_model_add_entry(b->m, rot_row, col, 1);
				if (ag->max_per_shift == MU_UNLIMITED)
					continue;
				row = &agreement_row[g * sc->n_shifts + st->shift];
				if (*row == MU_ALL) {
					snprintf(name, sizeof(name), "agreement_g%zu_s%zu", g,
					         st->shift);
					*row = pol_build_add_row(
					    b, name, -SOL_INF, (double)ag->max_per_shift,
					    &(struct pol_row){MU_ROW_AGREEMENT, g, st->shift});
				}
				sol_model_add_entry(b->m, *row, col, 1);
			}
		}
	}
	free(by_key);
	free(agreement_row);
}
