/*
 * pol_preference.c - bank preferences of DESIGN.md §3b: a worker's `prefer`
 * for a shift they offered makes each assignment on it cost
 * preference_weight less, an `avoid` that much more; a penalty weight
 * (MU_PEN_PREFERENCE), never spend. It prices the bank columns pol_bank.c
 * made: x by its availability row; a pool's z by its pool, whose workers
 * all have one preference for the shift (pol_bank.c), so that each unit of
 * z is one assignment of that preference. Never on y: a y may be 1 with
 * nothing to do, and would earn a prefer's credit idle. A prefer's credit
 * is at most the assignment's pay, so that no bank column costs less than
 * nothing: demand rows take cover above required, and a credit above the
 * pay would roster a worker on a shift no one needs, for the credit.
 */
#include "pol_build.h"

/* The penalty per assignment of availability row i. */
static double weight_of(const struct mu_scenario *sc, size_t i)
{
	switch (sc->availability[i].preference) {
	case MU_PREF_PREFER:
		return -sc->settings.preference_weight;
	case MU_PREF_AVOID:
		return sc->settings.preference_weight;
	default:
		return 0;
	}
}

void pol_preference_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t j;
	if (!(sc->settings.preference_weight > 0))
		return;
	for (j = 0; j < b->m->n_cols; j++) {
		struct pol_col *c = &b->cols[j];
		double w;
		if (c->source == MU_SRC_BANK)
			w = weight_of(sc, c->offer);
		else if (c->source == MU_SRC_POOL)
			w = weight_of(sc, b->pools[c->pool].offer);
		else
			continue;
		if (w < -c->spend)
			w = -c->spend;
		if (w == 0)
			continue;
		c->penalty[MU_PEN_PREFERENCE] = w;
		b->m->col_cost[j] = pol_col_cost(c);
	}
}
