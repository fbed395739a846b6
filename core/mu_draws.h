/*
 * mu_draws.h - the scenarios of a two-stage plan (DESIGN.md §3e,
 * `solve --scenarios FILE`): N draws of the day, each a demand row's
 * `required` and a staff row's `absent`, read by io_draws.c from
 * scenarios.csv and filled in with the scenario's own values where a draw
 * says nothing. Turned into the day's demand and staff (mu_draws_day) for
 * the model's second stage (policies/pol_build.c) and for plan_check.
 */
#ifndef MU_DRAWS_H
#define MU_DRAWS_H

#include "core/mu_plan.h"
#include "core/mu_scenario.h"

#include <stddef.h>

struct mu_draws {
	size_t n_scenarios;
	size_t n_demand, n_staff; /* the scenario's, when the draws were made */
	char **ids;               /* per scenario, its `scenario` cell, owned */
	/* per scenario k and demand row d, at k * n_demand + d: the required
	 * staff of the draw (demand.csv's where it lists none) */
	double *required;
	/* per scenario k and staff row f, at k * n_staff + f: own staff absent
	 * (0 where it lists none) */
	long *absent;
	/* the SHA-256 of the file the draws were read from, in hex (the run
	 * store records it); empty for draws made in memory */
	char hash[65];
};

/* No scenarios yet, for sc's demand and staff rows; the caller's, freed
 * with mu_draws_free. */
struct mu_draws *mu_draws_new(const struct mu_scenario *sc);

/* Accepts NULL. */
void mu_draws_free(struct mu_draws *dr);

/* Adds scenario id (copied) with sc's required and no one absent; returns
 * its index. */
size_t mu_draws_add(struct mu_draws *dr, const struct mu_scenario *sc, const char *id,
                    size_t id_len);

/* The day of scenario k as DESIGN.md §3e says it: demand (sc->n_demand
 * rows) with the draw's required and minimum min(demand.csv's minimum,
 * required); staff (sc->n_staff rows) with available less absent (never
 * below 0) and rotatable at most what is left. Both arrays are the
 * caller's, sized by sc. */
void mu_draws_day(const struct mu_draws *dr, const struct mu_scenario *sc, size_t k,
                  struct mu_demand *demand, struct mu_staff *staff);

/* How one plan fares over a set of scenarios (DESIGN.md §3e): from each
 * scenario's day plan (what was decided now, fixed, and the day
 * re-planned), each scenario weighing 1/N. */
struct mu_draws_outcome {
	size_t n_scenarios, n_demand;
	double spend;           /* expected cash: the mean of each day's spend */
	double penalty;         /* expected penalty weights (not money) */
	double red_flag_chance; /* the share of scenarios with a red flag (§3) */
	/* per demand row: the share of scenarios in which it is a red flag,
	 * and its expected hours below required (short and breach) */
	double *row_red_flag_chance;
	double *row_short_hours;
};

/* Fills *o from the n_days day plans days (one per scenario, each with
 * sc's demand rows). Release with mu_draws_outcome_release. */
void mu_draws_outcome_init(struct mu_draws_outcome *o, const struct mu_scenario *sc,
                           const struct mu_plan *const *days, size_t n_days);

/* Accepts a zeroed *o. */
void mu_draws_outcome_release(struct mu_draws_outcome *o);

#endif
