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

/* The shadow price of one constraint (prices.csv, plan mode): how much the
 * objective moves per unit the limit rises, valid while the limit stays in
 * [range_from, range_to] (infinite ends are HUGE_VAL, unknown ones NAN). */
struct mu_price_row {
	const char *constraint; /* the model row's name, as in the MPS file */
	const char *kind, *partner, *role, *shift, *subject, *unit;
	double limit, activity, price, range_from, range_to;
};

/* Totals of one partner, or of the system. */
struct mu_totals {
	double required_hours;
	double hours[MU_SRC_COUNT];
	double cost[MU_SRC_COUNT];
	double agency_spend; /* rate x factor x hours, penalties excluded */
	size_t n_red_flags;  /* demand rows below their minimum */
	double break_glass_shifts;
	double lent_out_hours; /* its own staff's hours at other partners (mutual aid given) */
	double recharge_in;    /* owed to this partner for staff it lent */
	double recharge_out;   /* owed by this partner for staff it hosted */
};

/* The fill rate of t: (required - short - breach hours) / required hours;
 * negative when nothing is required (summary.csv leaves it empty). */
double mu_totals_fill_rate(const struct mu_totals *t);

/* A named figure of a plan, as the run store keeps it. */
struct mu_kpi {
	const char *name; /* static */
	double value;
};

#define MU_KPI_MAX 32

/* The KPIs of t in summary.csv's names and order: required_hours, the hours
 * and cost of each source, fill_rate (left out when nothing is required),
 * red_flags, total_cost, agency_spend, break_glass_staff_shifts,
 * lent_out_hours, recharge_in, recharge_out. Writes at most MU_KPI_MAX to
 * out; returns how many. */
size_t mu_totals_kpis(const struct mu_totals *t, struct mu_kpi *out);

#endif
