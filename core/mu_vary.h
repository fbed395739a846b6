/*
 * mu_vary.h - one thing a sweep varies (`--vary NAME=FROM:TO:STEP`) and how
 * each of its values is put into a scenario. What can vary:
 *   a setting of DESIGN.md §2      shortfall_penalty, floor_penalty,
 *                                  min_rest_hours, allow_break_glass (0/1),
 *                                  break_glass_penalty, tier_penalty,
 *                                  agency_budget
 *   a partner's agency budget      agency_budget.PARTNER
 *   a role's caps.csv cells        agency_cap.ROLE, bank_rate.ROLE
 *   demand, scaled (1 = as given)  demand (system-wide), demand.PARTNER
 *   recruitment                    staff.PARTNER.ROLE: that many more
 *                                  substantive staff on every shift
 *   an agreement's max_per_shift   max_per_shift.FROM.TO.ROLE (ROLE may be *)
 * Identifiers may hold dots, so a name is split where its parts are ids of
 * the scenario; a name that splits two ways is an error.
 */
#ifndef MU_VARY_H
#define MU_VARY_H

#include "core/mu_err.h"
#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stddef.h>

enum mu_vary_kind {
	MU_VARY_SHORTFALL_PENALTY,
	MU_VARY_FLOOR_PENALTY,
	MU_VARY_MIN_REST_HOURS,
	MU_VARY_ALLOW_BREAK_GLASS,
	MU_VARY_BREAK_GLASS_PENALTY,
	MU_VARY_TIER_PENALTY,
	MU_VARY_AGENCY_BUDGET, /* partner: MU_ALL = the system setting */
	MU_VARY_AGENCY_CAP,
	MU_VARY_BANK_RATE,
	MU_VARY_DEMAND, /* partner: MU_ALL = system-wide */
	MU_VARY_STAFF,
	MU_VARY_MAX_PER_SHIFT
};

struct mu_vary {
	char *name; /* as the user wrote it, e.g. "agency_cap.band5" */
	enum mu_vary_kind kind;
	size_t partner, role, agreement; /* MU_ALL where they do not apply */
	double from, to, step;
	size_t n_values;
	/* What the scenario held before the first value, so that every value
	 * is set from the same start (demand rows; staff rows by shift). */
	double *base;
	size_t n_base;
};

/* Parses text "NAME=FROM:TO:STEP" against sc. Staff varied at a partner
 * gets a staff row on every shift (available 0 where there was none), so
 * sc may change, without changing what it means. MU_OK, or MU_E_USAGE with
 * a message naming the fault. Release with mu_vary_release. */
enum mu_code mu_vary_parse(struct mu_scenario *sc, const char *text, struct mu_vary *out,
                           struct mu_err *err);

void mu_vary_release(struct mu_vary *v);

/* True when a and b set the same thing (or, for demand, the same rows:
 * system-wide and one partner), so that one would undo the other. */
bool mu_vary_overlaps(const struct mu_vary *a, const struct mu_vary *b);

/* The i-th value: from + i x step. */
double mu_vary_value(const struct mu_vary *v, size_t i);

/* Puts value into sc (a value of v, checked by mu_vary_parse). */
void mu_vary_apply(const struct mu_vary *v, struct mu_scenario *sc, double value);

/* A few words for the axis of a chart: "agency cap of band5 (£/h)";
 * returns buf. */
const char *mu_vary_label(const struct mu_vary *v, const struct mu_scenario *sc, char *buf,
                          size_t size);

#endif
