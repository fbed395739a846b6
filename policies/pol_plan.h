/*
 * pol_plan.h - reads a solution of the built model back as a typed plan
 * (core/mu_plan.h): one row per non-zero column, in the scenario's indices,
 * with spend and penalties apart as each column's pol_col says.
 */
#ifndef POL_PLAN_H
#define POL_PLAN_H

#include "core/mu_plan.h"
#include "policies/pol_build.h"
#include "solver/sol_glpk.h"

/* The plan of solution x (one value per model column). Values within 1e-6
 * of zero are no assignment. The caller frees it with mu_plan_free. With
 * scenarios (DESIGN.md §3e) it is what is decided now alone: the bank
 * rota and the agency booked now, against the scenario as given (its
 * demand results say only what those staff cover). */
struct mu_plan *pol_plan_new(const struct pol_build *b, const double *x);

/* With scenarios: the plan of scenario day's day, what is decided now and
 * that day's own staff, mutual aid, late agency (rows is_late), short and
 * breach, against the day's scenario (b->days[day]): a whole plan of §3
 * whose rows' costs are the day's, unweighted. Freed with mu_plan_free. */
struct mu_plan *pol_plan_day(const struct pol_build *b, const double *x, size_t day);

/* Plan mode: fills the price of each of plan's rates (mu_rate_row, from
 * pol_plan_new of the same b and x) from the duals of the supply rows
 * (one value per model row). */
void pol_plan_price_rates(const struct pol_build *b, const double *x, const double *row_dual,
                          struct mu_plan *plan);

/* The plan's status word (DESIGN.md §5) of a solver's status. */
enum mu_status pol_status_of(enum sol_status s);

/* The solver's stop cause as the plan's (enum mu_stop). */
enum mu_stop pol_stop_of(enum sol_stop s);

#endif
