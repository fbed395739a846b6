/*
 * pol_plan.h - reads a solution of the built model back as plan rows and
 * per-partner totals (DESIGN.md §4).
 */
#ifndef POL_PLAN_H
#define POL_PLAN_H

#include "core/mu_plan.h"
#include "policies/pol_build.h"

struct pol_plan {
	struct mu_plan_row *rows;
	size_t n_rows;
	struct mu_totals *partners; /* one per partner */
	struct mu_totals system;
	double objective; /* the sum of the rows' costs */
};

/* The plan of solution x (one value per model column). Values within 1e-6
 * of zero are no assignment. The caller frees it with pol_plan_free. */
struct pol_plan *pol_plan_new(const struct pol_build *b, const double *x);

/* Accepts NULL. */
void pol_plan_free(struct pol_plan *plan);

#endif
