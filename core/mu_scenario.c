/*
 * mu_scenario.c - lifecycle of the in-memory scenario and its defaults.
 */
#include "mu_scenario.h"

#include "mu_alloc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

const char *const mu_partner_kind_names[MU_KIND_COUNT] = {
    [MU_KIND_ACUTE] = "acute",
    [MU_KIND_COMMUNITY] = "community",
    [MU_KIND_MENTAL_HEALTH] = "mental_health",
    [MU_KIND_AMBULANCE] = "ambulance",
    [MU_KIND_PRIMARY_CARE] = "primary_care",
    [MU_KIND_SOCIAL_CARE] = "social_care",
    [MU_KIND_HOMECARE] = "homecare",
    [MU_KIND_HOSPICE] = "hospice",
    [MU_KIND_VCSE] = "vcse",
    [MU_KIND_OTHER] = "other",
};

const char *const mu_preference_names[MU_PREF_COUNT] = {
    [MU_PREF_NEUTRAL] = "neutral",
    [MU_PREF_PREFER] = "prefer",
    [MU_PREF_AVOID] = "avoid",
};

const char *const mu_role_group_names[MU_GROUP_COUNT] = {
    [MU_GROUP_REGISTERED_NURSING] = "registered_nursing",
    [MU_GROUP_NURSING_SUPPORT] = "nursing_support",
    [MU_GROUP_MEDICAL] = "medical",
    [MU_GROUP_AHP] = "ahp",
    [MU_GROUP_SOCIAL_CARE] = "social_care",
    [MU_GROUP_OTHER] = "other",
};

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
	free(sc->cap_of_role);
	free(sc->substitutions);
	free(sc->supply);
	free(sc->recruits);
	free(sc->flows);
	free(sc);
}

const struct mu_cap *mu_scenario_cap(const struct mu_scenario *sc, size_t role)
{
	if (role >= sc->n_cap_of_role || sc->cap_of_role[role] == MU_ALL)
		return NULL;
	return &sc->caps[sc->cap_of_role[role]];
}

long mu_scenario_horizon_days(const struct mu_scenario *sc)
{
	long lo = 0, hi = -1;
	size_t i;
	for (i = 0; i < sc->n_shifts; i++) {
		if (i == 0 || sc->shifts[i].day < lo)
			lo = sc->shifts[i].day;
		if (i == 0 || sc->shifts[i].day > hi)
			hi = sc->shifts[i].day;
	}
	return hi - lo + 1;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

size_t mu_scenario_days(const struct mu_scenario *sc, long **out)
{
	long *days = mu_malloc((sc->n_shifts + 1) * sizeof(long));
	size_t i, n = 0;
	for (i = 0; i < sc->n_shifts; i++)
		days[i] = sc->shifts[i].day;
	if (sc->n_shifts > 1)
		qsort(days, sc->n_shifts, sizeof(long), cmp_long);
	for (i = 0; i < sc->n_shifts; i++)
		if (n == 0 || days[n - 1] != days[i])
			days[n++] = days[i];
	*out = days;
	return n;
}

size_t mu_scenario_day_index(const long *days, size_t n, long day)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && days[lo] == day ? lo : n;
}

const struct mu_supply *mu_scenario_supply(const struct mu_scenario *sc, size_t role)
{
	size_t i;
	for (i = 0; i < sc->n_supply; i++)
		if (sc->supply[i].role == role)
			return &sc->supply[i];
	return NULL;
}

bool mu_scenario_is_elastic(const struct mu_scenario *sc, size_t role)
{
	const struct mu_supply *s = mu_scenario_supply(sc, role);
	return s && s->elasticity > 0;
}

bool mu_scenario_is_break_glass(const struct mu_scenario *sc, const struct mu_agency_offer *a)
{
	const struct mu_cap *cap = mu_scenario_cap(sc, a->role);
	if (!a->is_framework)
		return true;
	return cap && cap->has_agency_cap && a->rate > cap->agency_cap;
}

bool mu_scenario_is_cleared(const struct mu_bank_worker *w, size_t partner)
{
	size_t i;
	if (w->home == partner || w->is_all_partners)
		return true;
	for (i = 0; i < w->n_partners; i++)
		if (w->partners[i] == partner)
			return true;
	return false;
}

size_t mu_scenario_agreement_for(const struct mu_scenario *sc, size_t from, size_t to, size_t role)
{
	size_t g, star = MU_ALL;
	for (g = 0; g < sc->n_agreements; g++) {
		const struct mu_agreement *a = &sc->agreements[g];
		if (a->from != from || a->to != to)
			continue;
		if (a->role == role)
			return g;
		if (a->role == MU_ALL)
			star = g;
	}
	return star;
}

struct mu_cap *mu_scenario_cap_add(struct mu_scenario *sc, size_t role)
{
	struct mu_cap *c;
	assert(role < sc->n_roles);
	if (role >= sc->n_cap_of_role) {
		size_t r;
		sc->cap_of_role = mu_reallocarray(sc->cap_of_role, sc->n_roles, sizeof(size_t));
		for (r = sc->n_cap_of_role; r < sc->n_roles; r++)
			sc->cap_of_role[r] = MU_ALL;
		sc->n_cap_of_role = sc->n_roles;
	}
	if (sc->cap_of_role[role] != MU_ALL)
		return &sc->caps[sc->cap_of_role[role]];
	sc->caps = mu_grow_one(sc->caps, sc->n_caps, sizeof(*sc->caps));
	c = &sc->caps[sc->n_caps];
	memset(c, 0, sizeof(*c));
	c->role = role;
	sc->cap_of_role[role] = sc->n_caps++;
	return c;
}
