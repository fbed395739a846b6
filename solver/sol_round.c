/*
 * sol_round.c - rounding an LP solution to integers without breaking a
 * row's upper limit. Rounding down alone never raises a row with
 * non-negative coefficients (every row of muster's model but a pooled
 * bank's, pol_bank.c); the round-up pass gives back the cover that
 * rounding down took, where limits allow. A pool row (staff at work -
 * workers working <= 0) holds 0/1 workers, rounded and fixed first, so
 * the re-solve brings the staff down to them before those are rounded.
 */
#include "sol_round.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdlib.h>

struct fraction {
	size_t col;
	double part;
};

static int by_part_desc(const void *a, const void *b)
{
	const struct fraction *x = a, *y = b;
	if (x->part != y->part)
		return x->part > y->part ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

bool sol_round_is_binary(const struct sol_model *m, size_t j)
{
	return m->col_is_int[j] && m->col_lo[j] == 0 && m->col_hi[j] == 1;
}

void sol_round_lp(const struct sol_model *m, const double *x_lp, bool is_binary, double *x)
{
	size_t *first, *at;
	double *activity = mu_calloc(m->n_rows + 1, sizeof(double));
	struct fraction *frac = mu_malloc((m->n_cols + 1) * sizeof(*frac));
	size_t i, j, n_frac = 0;

	for (j = 0; j < m->n_cols; j++) {
		x[j] = x_lp[j];
		if (m->col_is_int[j] && sol_round_is_binary(m, j) == is_binary) {
			double down = floor(x_lp[j] + 1e-9);
			if (x_lp[j] - down > 1e-6 && down + 1 <= m->col_hi[j])
				frac[n_frac++] = (struct fraction){j, x_lp[j] - down};
			x[j] = down;
		}
	}
	sol_model_by_col(m, &first, &at);
	for (i = 0; i < m->n_entries; i++)
		activity[m->entries[i].row] += m->entries[i].value * x[m->entries[i].col];

	qsort(frac, n_frac, sizeof(*frac), by_part_desc);
	for (i = 0; i < n_frac; i++) {
		size_t col = frac[i].col, k;
		bool fits = true;
		for (k = first[col]; k < first[col + 1] && fits; k++) {
			const struct sol_entry *e = &m->entries[at[k]];
			fits = activity[e->row] + e->value <= m->row_hi[e->row] + 1e-9;
		}
		if (!fits)
			continue;
		x[col] += 1;
		for (k = first[col]; k < first[col + 1]; k++)
			activity[m->entries[at[k]].row] += m->entries[at[k]].value;
	}
	free(first);
	free(at);
	free(activity);
	free(frac);
}
