/*
 * pol_substitution.c - who may cover whom: a role covers itself at
 * efficiency 1, and another role where substitutions.csv allows it (not
 * transitively). Fills the efficiency table the other policies read.
 */
#include "pol_build.h"

void pol_substitution_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t i;
	for (i = 0; i < sc->n_roles; i++)
		b->efficiency[i * sc->n_roles + i] = 1.0;
	for (i = 0; i < sc->n_substitutions; i++) {
		const struct mu_substitution *u = &sc->substitutions[i];
		b->efficiency[u->role * sc->n_roles + u->covers] = u->efficiency;
	}
}
