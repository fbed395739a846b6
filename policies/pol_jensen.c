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
#include "solver/sol_round.h"

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

/* Lowers x_now's integer columns decided now until no row of b's model
 * (every day's) is above its upper limit by them alone: bookings that fit
 * the mean days need not fit each day (a break-glass row's minimum is the
 * day's). Each row over its limit, in order, gives up a unit of its
 * column of the largest coefficient that is above its lower bound, until
 * it fits or none is left (the days' LP then finds no solution, and the
 * rota is not used). m compacted. */
static void fit_days(const struct pol_build *b, double *x_now)
{
	const struct sol_model *m = b->m;
	size_t *first, *at, *row_first = sol_model_by_row(m);
	double *activity = mu_calloc(m->n_rows + 1, sizeof(double));
	size_t i, k;
	sol_model_by_col(m, &first, &at);
	for (k = 0; k < m->n_entries; k++) {
		const struct sol_entry *e = &m->entries[k];
		if (m->col_is_int[e->col] && b->cols[e->col].scenario == MU_ALL)
			activity[e->row] += e->value * x_now[e->col];
	}
	for (i = 0; i < m->n_rows; i++)
		while (activity[i] > m->row_hi[i] + 1e-9) {
			size_t best = m->n_cols;
			double top = 0;
			for (k = row_first[i]; k < row_first[i + 1]; k++) {
				const struct sol_entry *e = &m->entries[k];
				if (m->col_is_int[e->col] && b->cols[e->col].scenario == MU_ALL &&
				    e->value > top && x_now[e->col] >= m->col_lo[e->col] + 1) {
					top = e->value;
					best = e->col;
				}
			}
			if (best == m->n_cols)
				break;
			x_now[best] -= 1;
			for (k = first[best]; k < first[best + 1]; k++)
				activity[m->entries[at[k]].row] -= m->entries[at[k]].value;
		}
	free(activity);
	free(first);
	free(at);
	free(row_first);
}

/* What jm's LP solution x decides now, rounded (pol_jensen_bound), into
 * x_now at b's columns (col_of). */
static void round_now(const struct sol_model *jm, const double *x, const size_t *col_of,
                      const struct pol_build *b, double *x_now)
{
	double *binary = mu_malloc((jm->n_cols + 1) * sizeof(double));
	double *whole = mu_malloc((jm->n_cols + 1) * sizeof(double));
	size_t j;
	sol_round_lp(jm, x, true, binary);
	sol_round_lp(jm, binary, false, whole);
	for (j = 0; j < jm->n_cols; j++)
		if (jm->col_is_int[j] && b->cols[col_of[j]].scenario == MU_ALL)
			x_now[col_of[j]] = whole[j];
	free(binary);
	free(whole);
	fit_days(b, x_now);
}

enum mu_code pol_jensen_bound(struct pol_build *b, size_t n_groups, double time_limit,
                              bool *has_bound, double *bound, double *x_now, struct mu_err *err)
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
		if (x_now)
			round_now(jm, res.x, col_of, b, x_now);
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
