/*
 * mu_scenario.c - lifecycle of the in-memory scenario and its defaults.
 */
#include "mu_scenario.h"

#include "mu_alloc.h"

#include <stdlib.h>

const char *const mu_partner_kind_names[MU_KIND_COUNT] = {
    "acute",       "community", "mental_health", "ambulance", "primary_care",
    "social_care", "homecare",  "hospice",       "vcse",      "other"};

const char *const mu_role_group_names[MU_GROUP_COUNT] = {
    "registered_nursing", "nursing_support", "medical", "ahp", "social_care", "other"};

struct mu_scenario *mu_scenario_new(void)
{
	struct mu_scenario *sc = mu_calloc(1, sizeof(*sc));
	mu_settings_init_defaults(&sc->settings);
	return sc;
}

void mu_scenario_free(struct mu_scenario *sc)
{
	size_t i;
	if (!sc)
		return;
	for (i = 0; i < sc->n_partners; i++) {
		free(sc->partners[i].id);
		free(sc->partners[i].name);
	}
	for (i = 0; i < sc->n_roles; i++) {
		free(sc->roles[i].id);
		free(sc->roles[i].name);
		free(sc->roles[i].band);
	}
	for (i = 0; i < sc->n_shifts; i++)
		free(sc->shifts[i].id);
	for (i = 0; i < sc->n_bank; i++) {
		free(sc->bank[i].id);
		free(sc->bank[i].name);
		free(sc->bank[i].partners);
	}
	for (i = 0; i < sc->n_agency; i++)
		free(sc->agency[i].supplier);
	free(sc->partners);
	free(sc->roles);
	free(sc->shifts);
	free(sc->demand);
	free(sc->staff);
	free(sc->bank);
	free(sc->availability);
	free(sc->agency);
	free(sc->agreements);
	free(sc->caps);
	free(sc->substitutions);
	free(sc);
}
