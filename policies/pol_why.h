/*
 * pol_why.h - why each uncovered demand row of a solved plan is uncovered:
 * per source that could cover it, the limit that is used up, the rule that
 * forbids it, or that it costs more than the shortfall; or that no source
 * can reach it (why.csv, DESIGN.md §4).
 */
#ifndef POL_WHY_H
#define POL_WHY_H

#include "core/mu_plan.h"
#include "policies/pol_solve.h"

/* The reasons for s's plan, rows in demand-row order. The caller frees the
 * result with pol_why_free. */
struct mu_why *pol_why_new(const struct pol_solved *s);

/* Accepts NULL. */
void pol_why_free(struct mu_why *why);

#endif
