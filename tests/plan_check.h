/*
 * plan_check.h - an independent checker of muster's answer: re-reads
 * plan.csv and verifies, from its rows and the scenario alone, every
 * constraint of DESIGN.md §3 and the objective. It shares no code with
 * policies/ - it is the contract written a second time.
 */
#ifndef PLAN_CHECK_H
#define PLAN_CHECK_H

#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stddef.h>

struct plan_check {
	bool is_silo;
	/* DESIGN.md §3a: per partner, in the coalition (lending and bank
	 * work away from home only between its members); NULL: every partner */
	const bool *coalition;
	bool is_rota;        /* own, lend and agency staff integer; bank 0 or 1 */
	double objective;    /* what muster reported */
	const char *summary; /* the summary.csv beside it, or NULL: its spend,
	                      * penalties and red flags are checked too */
	/* DESIGN.md §3b: the kept plan (a plan.csv) it re-plans, or NULL.
	 * Each change row's cost is then re-derived from plan.csv's rows and
	 * the kept plan alone (change_penalty x (1 - x) per kept bank
	 * assignment still possible, x max(0, kept - x) per agency booking),
	 * and with has_now every staff row of a shift that started before
	 * now (minutes since 1970-01-01, as abs_start) must be as kept. */
	const char *kept;
	bool has_now;
	long now;
	/* DESIGN.md §3e: the file is one scenario's day of a two-stage plan,
	 * plan.csv's rows (decided now) and day.csv's of that scenario, and
	 * sc is the day's scenario (its demand and staff as the draw says): a
	 * late_agency row is agency at rate x (1 + late_agency_premium),
	 * counted with the bookings in capacity, budgets and break-glass */
	bool is_day;
};

/* True when the plan.csv at path is a feasible plan of sc whose costs sum
 * to the objective (and, with how->summary, whose summary.csv says its cash
 * spend, penalties by kind and red flags as §3 defines them); else false
 * with the first problem found in why. */
bool plan_check_file(const struct mu_scenario *sc, const char *path, const struct plan_check *how,
                     char *why, size_t why_len);

/* True when every total of the summary.csv at summary_path (hours and cost
 * by source, total cost, lent-out hours and recharges, per partner and for
 * SYSTEM) is the sum of the plan.csv rows at plan_path; else false, why. */
bool plan_check_summary(const char *plan_path, const char *summary_path, char *why, size_t why_len);

/* True when the rota.csv at rota_path says every bank row of plan.csv and
 * nothing else, with the scenario's names, dates and clock times and the
 * rate paid (plan.csv's rate row of the worker's role where they work on
 * the shift, else the role's bank_rate: DESIGN.md §3d), ordered by worker
 * (as bank.csv lists them), then start. */
bool plan_check_rota(const struct mu_scenario *sc, const char *plan_path, const char *rota_path,
                     char *why, size_t why_len);

/* True when dir/partners/ID/plan.csv holds exactly the rows of dir/plan.csv
 * worked at ID or by its staff, and report.html is beside it, for every
 * partner. */
bool plan_check_partner_slices(const struct mu_scenario *sc, const char *dir, char *why,
                               size_t why_len);

#endif
