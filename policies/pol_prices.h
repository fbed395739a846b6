/*
 * pol_prices.h - the shadow prices of a plan-mode solution (prices.csv,
 * DESIGN.md §4): one row per model constraint but the model's own (pool
 * rows: mu_row_kind_info.is_internal), said in the scenario's terms -
 * which partner, role, shift, worker, offer or budget it limits.
 */
#ifndef POL_PRICES_H
#define POL_PRICES_H

#include "core/mu_plan.h"
#include "policies/pol_build.h"

struct pol_prices {
	struct mu_price_row *rows;
	size_t n_rows;
};

/* The prices of b's model from an LP solution: its duals (row_dual),
 * activities, and limit ranges (rhs_from/rhs_to, may be NULL: ranges then
 * NAN). Strings are borrowed from the scenario and the model. The caller
 * frees the result with pol_prices_free. */
struct pol_prices *pol_prices_new(const struct pol_build *b, const double *row_dual,
                                  const double *row_activity, const double *rhs_from,
                                  const double *rhs_to);

/* Accepts NULL. */
void pol_prices_free(struct pol_prices *p);

#endif
