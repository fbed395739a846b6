/*
 * pol_guarantee.c - the guarantee of DESIGN.md §3a: each partner's
 * unfilled penalty (the short and breach penalties of its demand rows) in
 * the system plan is at most its silo plan's. One row per partner over
 * its short and breach columns. The silo plan is a system plan, so the
 * rows never make the model infeasible; each cap gets a relative 1e-9 of
 * room so that a silo value read back from its plan rows is never missed
 * by rounding.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>

void pol_guarantee_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	const double *cap = b->opt.guarantee_cap;
	size_t *row, p, col;
	char name[64];

	if (!cap)
		return;
	row = mu_malloc((sc->n_partners + 1) * sizeof(size_t));
	for (p = 0; p < sc->n_partners; p++) {
		snprintf(name, sizeof(name), "guarantee_p%zu", p);
		row[p] = pol_build_add_row(b, name, -SOL_INF, cap[p] + 1e-9 * (1 + cap[p]),
		                           &(struct pol_row){MU_ROW_GUARANTEE, p, MU_ALL});
	}
	for (col = 0; col < b->m->n_cols; col++) {
		const struct pol_col *c = &b->cols[col];
		if (c->source == MU_SRC_SHORT || c->source == MU_SRC_BREACH)
			sol_model_add_entry(b->m, row[c->partner], col,
			                    c->penalty[MU_PEN_SHORT] + c->penalty[MU_PEN_BREACH]);
	}
	free(row);
}
