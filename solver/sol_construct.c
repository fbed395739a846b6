/*
 * sol_construct.c - a rota made before any relaxation is solved, so that a
 * search stopped at any moment (the clock, its work, a Ctrl-C) still has
 * one: every column at its lower bound (0 where 0 is within its bounds: no
 * staff; a kept past's fixed value), then the slack columns the caller
 * marks (short, breach and their like) raised until every row is met. It
 * takes one pass over the matrix: the example's in a millisecond.
 *
 * Rows met by the slacks: each row a slack enters with a positive
 * coefficient and that is short of its lower limit. Rows with one slack
 * (a demand row's minimum: breach alone) are met first, so that breach
 * counts towards the demand row too and short takes only the rest. A row
 * over its upper limit with every staff column at its lower bound, or a
 * lower limit that no slack reaches, leaves no rota to construct: a
 * guarantee's cap (the silo plan's unfilled penalty, which leaving
 * everything short exceeds), and a kept past that breaks a limit as the
 * scenario now reads. The search then goes on without one.
 *
 * A start (sol_options' col_start) puts the staff columns where a rota
 * has them instead of at nobody: the guarantee's silo rota, which meets
 * the caps it gives, so that the guaranteed system rota has one too (the
 * slacks are then raised as above, to exactly what that rota leaves
 * unfilled); recruit's posts given out to a fixed total, with each week
 * at nobody (pol_recruit_solve.c); each partner's own staff on its own
 * demand (pol_solve.c's start_of_own) for a solve given no other start.
 * sol_glpk builds from nobody when a start breaks a row.
 */
#include "sol_int.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdlib.h>

/* How far a row may miss its limit and still count as met: GLPK's own
 * primal tolerance, scaled. */
static bool is_within(double activity, double lo, double hi)
{
	return activity >= lo - 1e-7 * (1 + fabs(lo)) && activity <= hi + 1e-7 * (1 + fabs(hi));
}

/* Raises the cheapest slack (cost per unit of the row) of row i until the
 * row is met, then the next; pass 0 takes only rows with one slack. */
static void meet_row(const struct sol_model *m, const bool *is_slack, const size_t *row_first,
                     const size_t *col_first, const size_t *col_at, size_t i, double *x,
                     double *activity)
{
	while (activity[i] < m->row_lo[i] - 1e-9 * (1 + fabs(m->row_lo[i]))) {
		size_t k, best = (size_t)-1;
		double best_price = INFINITY, need, step;
		for (k = row_first[i]; k < row_first[i + 1]; k++) {
			size_t j = m->entries[k].col;
			double a = m->entries[k].value;
			if (is_slack[j] && a > 0 && x[j] < m->col_hi[j] &&
			    m->col_cost[j] / a < best_price) {
				best_price = m->col_cost[j] / a;
				best = k;
			}
		}
		if (best == (size_t)-1)
			return;
		need = (m->row_lo[i] - activity[i]) / m->entries[best].value;
		{
			size_t j = m->entries[best].col;
			step = m->col_is_int[j] ? ceil(need - 1e-9) : need;
			if (x[j] + step > m->col_hi[j])
				step = m->col_hi[j] - x[j];
			x[j] += step;
			for (k = col_first[j]; k < col_first[j + 1]; k++)
				activity[m->entries[col_at[k]].row] +=
				    m->entries[col_at[k]].value * step;
		}
	}
}

bool sol_construct(const struct sol_model *m, const bool *is_slack, const double *start, double *x,
                   double *objective)
{
	size_t *row_first = sol_model_by_row(m), *col_first, *col_at;
	double *activity = mu_calloc(m->n_rows + 1, sizeof(double));
	size_t *n_slacks = mu_calloc(m->n_rows + 1, sizeof(size_t));
	bool is_found = true;
	size_t i, j, k;
	int pass;

	sol_model_by_col(m, &col_first, &col_at);
	for (j = 0; j < m->n_cols; j++) {
		double lo = m->col_lo[j], hi = m->col_hi[j];
		x[j] = lo > 0 ? lo : hi < 0 ? hi : 0;
		if (lo <= -SOL_INF && hi >= SOL_INF)
			x[j] = 0;
		if (start && !is_slack[j]) {
			x[j] = m->col_is_int[j] ? floor(start[j] + 0.5) : start[j];
			x[j] = x[j] < lo ? lo : x[j] > hi ? hi : x[j];
		}
	}
	for (k = 0; k < m->n_entries; k++) {
		const struct sol_entry *e = &m->entries[k];
		activity[e->row] += e->value * x[e->col];
		if (is_slack[e->col] && e->value > 0)
			n_slacks[e->row]++;
	}
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < m->n_rows; i++)
			if ((pass == 0) == (n_slacks[i] == 1))
				meet_row(m, is_slack, row_first, col_first, col_at, i, x, activity);
	for (i = 0; i < m->n_rows && is_found; i++)
		is_found = is_within(activity[i], m->row_lo[i], m->row_hi[i]);
	*objective = 0;
	for (j = 0; j < m->n_cols; j++)
		*objective += m->col_cost[j] * x[j];
	free(row_first);
	free(col_first);
	free(col_at);
	free(activity);
	free(n_slacks);
	return is_found;
}
