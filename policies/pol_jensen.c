/*
 * pol_jensen.c - a two-stage rota's lower bound (DESIGN.md §3e) when its
 * search ends before its relaxation is solved: the model of a few mean
 * days by Jensen's inequality (solver/sol_jensen.c says why it is a bound).
 *
 * The example's 50 scenarios make a two-stage model of 139,745 rows and
 * 246,744 columns whose relaxation GLPK does not solve in 60 s, so the
 * rota had no bound and no gap. Its scenarios sorted by the staff-hours
 * they require and cut into POL_JENSEN_GROUPS groups of consecutive ones,
 * each group's days one mean day (the mean of each row's and column's
 * bounds as that day has them, weighed by the group's share), the model
 * has 5 days instead of 50 and its relaxation solves in seconds; its
 * optimum is below the two-stage plan's (the LP's, so the rota's too).
 * docs/two-stage.md has the measured bounds.
 *
 * The bound needs every day of a group to be one LP but for bounds; the
 * rules of the day shape their rows and columns by the scenario as given
 * (pol_mutual_aid.c) so that they are. A discharge pathway (§3f) is not:
 * its demand moved enters a day's rows in proportion to that day's
 * required, a coefficient, and sol_jensen_model then gives no model, so
 * no bound is claimed.
 */
#include "pol_build.h"
#include "pol_solve.h"

#include "core/mu_alloc.h"
#include "solver/sol_glpk.h"
#include "solver/sol_jensen.h"

#include <stdlib.h>
#include <string.h>

/* The staff-hours day k requires, and its index: the sort key. */
struct day_key {
	double hours;
	size_t k;
};

static int cmp_day(const void *a, const void *b)
{
	const struct day_key *x = a, *y = b;
	if (x->hours != y->hours)
		return x->hours < y->hours ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

void pol_jensen_groups(const struct pol_build *b, size_t n_groups, size_t *group_of)
{
	struct day_key *keys = mu_malloc((b->n_days + 1) * sizeof(*keys));
	size_t k, i;
	for (k = 0; k < b->n_days; k++) {
		const struct mu_scenario *day = &b->days[k];
		keys[k] = (struct day_key){0, k};
		for (i = 0; i < day->n_demand; i++)
			keys[k].hours +=
			    day->demand[i].required * day->shifts[day->demand[i].shift].paid_hours;
	}
	qsort(keys, b->n_days, sizeof(*keys), cmp_day);
	for (i = 0; i < b->n_days; i++)
		group_of[keys[i].k] = i * n_groups / b->n_days;
	free(keys);
}

enum mu_code pol_jensen_bound(struct pol_build *b, size_t n_groups, double time_limit,
                              bool *has_bound, double *bound, struct mu_err *err)
{
	size_t *col_block = mu_malloc((b->m->n_cols + 1) * sizeof(size_t));
	size_t *group_of = mu_malloc((b->n_days + 1) * sizeof(size_t));
	size_t *col_of = NULL, j;
	bool *is_core = NULL, *is_core_of_b = NULL;
	struct sol_model *jm = NULL;
	struct sol_result res;
	enum mu_code rc = MU_OK;

	*has_bound = false;
	memset(&res, 0, sizeof(res));
	if (n_groups > b->n_days)
		n_groups = b->n_days;
	if (n_groups == 0)
		goto done;
	for (j = 0; j < b->m->n_cols; j++)
		col_block[j] = b->cols[j].scenario == MU_ALL ? 0 : b->cols[j].scenario + 1;
	pol_jensen_groups(b, n_groups, group_of);
	jm = sol_jensen_model(b->m, col_block, b->n_days, group_of, n_groups, &col_of);
	if (!jm)
		goto done; /* the days are not one LP but for bounds: no bound */
	if (jm->n_cols >= SOL_SIFT_MIN_COLS) {
		/* sifted from own staff, short and breach, as a relaxation is */
		is_core_of_b = pol_build_core_cols(b);
		is_core = mu_malloc((jm->n_cols + 1) * sizeof(bool));
		for (j = 0; j < jm->n_cols; j++)
			is_core[j] = is_core_of_b[col_of[j]];
	}
	rc = sol_glpk_solve(jm,
	                    &(struct sol_options){
	                        .is_mip = false, .time_limit = time_limit, .col_is_core = is_core},
	                    &res, err);
	if (rc == MU_OK && res.status == SOL_OPTIMAL) {
		*has_bound = true;
		*bound = res.objective;
	}
done:
	sol_result_release(&res);
	sol_model_free(jm);
	free(col_block);
	free(group_of);
	free(col_of);
	free(is_core);
	free(is_core_of_b);
	return rc;
}
