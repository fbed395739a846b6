/*
 * mu_plan.h - a solved plan as DESIGN.md §4 describes it: one row per
 * distinct non-zero assignment, and per-partner totals. Strings are borrowed
 * from the scenario (or, read back from the store, from the statement).
 */
#ifndef MU_PLAN_H
#define MU_PLAN_H

#include <stddef.h>

/* Where staff come from, or how demand stays uncovered (plan.csv `source`). */
enum mu_source {
	MU_SRC_OWN,
	MU_SRC_LEND,
	MU_SRC_BANK,
	MU_SRC_AGENCY,
	MU_SRC_SHORT,
	MU_SRC_BREACH,
	MU_SRC_COUNT
};

/* The plan.csv names of the sources: "own", "lend", ... */
extern const char *const mu_source_names[MU_SRC_COUNT];

struct mu_plan_row {
	const char *source, *partner, *role, *worker_role, *shift, *home, *worker, *offer;
	double staff, hours, cost, recharge;
};

/* Totals of one partner, or of the system. */
struct mu_totals {
	double required_hours;
	double hours[MU_SRC_COUNT];
	double cost[MU_SRC_COUNT];
	double agency_spend; /* rate x factor x hours, penalties excluded */
	size_t n_red_flags;  /* demand rows below their minimum */
	double break_glass_shifts;
	double recharge_in;  /* owed to this partner for staff it lent */
	double recharge_out; /* owed by this partner for staff it hosted */
};

#endif
