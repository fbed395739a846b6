/*
 * flow_vary.h - one thing a sweep varies (`--vary NAME=FROM:TO:STEP`) and how
 * each of its values is put into a scenario. Only the sweep (flow_sweep.c)
 * varies a scenario, so this lives with the workflows, not in core/: it is
 * an edit of the scenario that a workflow makes, not something every layer
 * shares.
 * What can vary:
 *   a setting                      every setting that mu_settings_table marks
 *                                  is_sweepable, in its range (a yes/no as 0
 *                                  or 1): shortfall_penalty, agency_budget ...
 *   a partner's agency budget      agency_budget.PARTNER
 *   a role's caps.csv cells        agency_cap.ROLE, bank_rate.ROLE,
 *                                  bank_cap.ROLE
 *   a role's supply.csv cells      elasticity.ROLE, reference_rate.ROLE,
 *   (DESIGN.md §3d)                step.ROLE (a role without a row gets
 *                                  one of fixed supply, elasticity 0)
 *   a choice setting (rate_card)   by index (0:1:1) or by name
 *                                  (uniform:incentive:1)
 *   demand, scaled (1 = as given)  demand (system-wide), demand.PARTNER
 *   recruitment                    staff.PARTNER.ROLE: that many more
 *                                  substantive staff on every shift
 *   an agreement's max_per_shift   max_per_shift.FROM.TO.ROLE (ROLE may be *)
 *   a discharge pathway (§3f)      waiting.FROM.TO (patients, whole),
 *                                  bed_day_cost.FROM.TO (a penalty weight):
 *                                  the one flow.csv row from FROM to TO
 * Identifiers may hold dots, so a name is split where its parts are ids of
 * the scenario; a name that splits two ways is an error.
 */
#ifndef FLOW_VARY_H
#define FLOW_VARY_H

#include "core/mu_err.h"
#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stddef.h>

enum flow_vary_kind {
	FLOW_VARY_SETTING,       /* setting: an enum mu_setting_id */
	FLOW_VARY_AGENCY_BUDGET, /* of partner */
	FLOW_VARY_AGENCY_CAP,
	FLOW_VARY_BANK_RATE,
	FLOW_VARY_BANK_CAP, /* §3d: these four of role */
	FLOW_VARY_ELASTICITY,
	FLOW_VARY_REFERENCE_RATE,
	FLOW_VARY_STEP,
	FLOW_VARY_DEMAND, /* partner: MU_ALL = system-wide */
	FLOW_VARY_STAFF,
	FLOW_VARY_MAX_PER_SHIFT,
	FLOW_VARY_WAITING, /* §3f: these two of pathway flow */
	FLOW_VARY_BED_DAY_COST
};

struct flow_vary {
	char *name; /* as the user wrote it, e.g. "agency_cap.band5" */
	enum flow_vary_kind kind;
	size_t setting;                  /* FLOW_VARY_SETTING; else MU_SETTING_COUNT */
	size_t partner, role, agreement; /* MU_ALL where they do not apply */
	size_t flow;                     /* a flow.csv row (§3f), else MU_ALL */
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
 * a message naming the fault. Release with flow_vary_release. */
enum mu_code flow_vary_parse(struct mu_scenario *sc, const char *text, struct flow_vary *out,
                             struct mu_err *err);

void flow_vary_release(struct flow_vary *v);

/* True when a and b set the same thing (or, for demand, the same rows:
 * system-wide and one partner), so that one would undo the other. */
bool flow_vary_overlaps(const struct flow_vary *a, const struct flow_vary *b);

/* Refuses, before anything is solved, what the sweep of vary[0 ..
 * n_vary) (parsed against sc, at most FLOW_SWEEP_MAX_POINTS points in
 * all) could not show, or a point the scenario's reader would refuse:
 * - bank_cap, reference_rate or step of a role whose supply is fixed at
 *   every point (no supply.csv row or elasticity 0, and no
 *   elasticity.ROLE varied above 0): §3d says the cap does nothing then;
 *   rate_card when every role's supply is fixed so; any of these, and
 *   elasticity.ROLE, for a role none of whose bank workers offered a
 *   shift (there is no supply to answer the rate); step.ROLE, and
 *   rate_card when no elastic role has one, without a bank_cap above the
 *   bank_rate at any point (a ladder of one rung); elasticity.ROLE without
 *   such a cap whose offers were made at its bank_rate (S(w_0) is the
 *   offers at every elasticity);
 * - a point where a role's bank_cap is below its bank_rate (either one
 *   varied), named by the values of the point that set them.
 * MU_OK, or MU_E_USAGE with a message that names the --vary and says
 * what to do. */
enum mu_code flow_vary_check(const struct mu_scenario *sc, const struct flow_vary *vary,
                             size_t n_vary, struct mu_err *err);

/* True when v is one of §3d's keys (bank_cap, elasticity,
 * reference_rate, step of a role, or rate_card): a sweep of one shows the
 * rate paid and the extra staff. */
bool flow_vary_is_supply(const struct flow_vary *v);

/* The i-th value: from + i x step. */
double flow_vary_value(const struct flow_vary *v, size_t i);

/* Puts value into sc (a value of v, checked by flow_vary_parse). */
void flow_vary_apply(const struct flow_vary *v, struct mu_scenario *sc, double value);

/* A few words for the axis of a chart: "agency cap of band5 (£/h)";
 * returns buf. */
const char *flow_vary_label(const struct flow_vary *v, const struct mu_scenario *sc, char *buf,
                            size_t size);

#endif
