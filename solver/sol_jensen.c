/*
 * sol_jensen.c - a two-stage programme's lower bound by Jensen's
 * inequality (Birge and Louveaux, "Introduction to Stochastic
 * Programming", ch. 9; Madansky 1959).
 *
 * Fix the first stage x. A block's cost Q(x, u) - the optimum of its
 * linear programme, whose rows and columns have bounds u (and x's part of
 * its rows) - is jointly convex in (x, u): the feasible (x, u, y) form a
 * polyhedron and the cost is linear in y. So where the blocks of a group G
 * are one LP but for their bounds, the mean of their costs is at least the
 * cost of the block of the mean bounds: (1/|G|) sum_{s in G} Q(x, u_s) >=
 * Q(x, mean u_s). Weighed |G|/N and summed over a partition of the N
 * blocks, for every x, so also at the x that is best for the left-hand
 * side, whether x is whole or not: the model with one mean block per
 * group costs at most the two-stage optimum (of the LP, and of the
 * programme with whole x). One group is the mean day; one group per block
 * is the programme itself. The mean is of the bounds as each row and
 * column has them (a demand row's max(0, available - absent), ...), not
 * of what they were made from: that is what is linear.
 *
 * It holds only where a group's blocks are one LP but for bounds; this
 * file checks it, row by row and column by column (coefficients, costs,
 * which sides are infinite, integers), and gives no model otherwise. A
 * row of first-stage columns alone is a limit on x: kept as it is, every
 * copy of it.
 */
#include "sol_jensen.h"

#include "core/mu_alloc.h"

#include <stdbool.h>
#include <stdlib.h>

struct layout {
	size_t *row_block, *col_block; /* 0: first stage */
	size_t *local_row, *local_col; /* index within its block (or the first stage) */
	size_t *n_rows_of, *n_cols_of; /* per block, 0 the first stage */
	size_t **rows_of, **cols_of;   /* per block, in index order */
	size_t *row_first;             /* entries by row (m compacted) */
};

static void layout_release(struct layout *l, size_t n_blocks)
{
	size_t k;
	for (k = 0; k <= n_blocks && l->rows_of; k++) {
		free(l->rows_of[k]);
		free(l->cols_of[k]);
	}
	free(l->rows_of);
	free(l->cols_of);
	free(l->row_block);
	free(l->col_block);
	free(l->local_row);
	free(l->local_col);
	free(l->n_rows_of);
	free(l->n_cols_of);
	free(l->row_first);
}

/* Each row's block from its columns'; false when a row holds columns of
 * two blocks, or a column names no block. */
static bool lay_out(const struct sol_model *m, const size_t *col_block, size_t n_blocks,
                    struct layout *l)
{
	size_t i, j, k;
	l->row_block = mu_calloc(m->n_rows + 1, sizeof(size_t));
	l->col_block = mu_malloc((m->n_cols + 1) * sizeof(size_t));
	l->local_row = mu_malloc((m->n_rows + 1) * sizeof(size_t));
	l->local_col = mu_malloc((m->n_cols + 1) * sizeof(size_t));
	l->n_rows_of = mu_calloc(n_blocks + 2, sizeof(size_t));
	l->n_cols_of = mu_calloc(n_blocks + 2, sizeof(size_t));
	l->rows_of = mu_calloc(n_blocks + 2, sizeof(size_t *));
	l->cols_of = mu_calloc(n_blocks + 2, sizeof(size_t *));
	l->row_first = sol_model_by_row(m);
	for (j = 0; j < m->n_cols; j++) {
		if (col_block[j] > n_blocks)
			return false;
		l->col_block[j] = col_block[j];
	}
	for (k = 0; k < m->n_entries; k++) {
		const struct sol_entry *e = &m->entries[k];
		size_t b = col_block[e->col];
		if (b == 0)
			continue;
		if (l->row_block[e->row] != 0 && l->row_block[e->row] != b)
			return false;
		l->row_block[e->row] = b;
	}
	for (i = 0; i < m->n_rows; i++)
		l->local_row[i] = l->n_rows_of[l->row_block[i]]++;
	for (j = 0; j < m->n_cols; j++)
		l->local_col[j] = l->n_cols_of[l->col_block[j]]++;
	for (k = 0; k <= n_blocks; k++) {
		l->rows_of[k] = mu_malloc((l->n_rows_of[k] + 1) * sizeof(size_t));
		l->cols_of[k] = mu_malloc((l->n_cols_of[k] + 1) * sizeof(size_t));
	}
	for (i = 0; i < m->n_rows; i++)
		l->rows_of[l->row_block[i]][l->local_row[i]] = i;
	for (j = 0; j < m->n_cols; j++)
		l->cols_of[l->col_block[j]][l->local_col[j]] = j;
	return true;
}

static bool same_sides(double lo, double hi, double lo0, double hi0)
{
	return (lo == -SOL_INF) == (lo0 == -SOL_INF) && (hi == SOL_INF) == (hi0 == SOL_INF);
}

/* The next entry at or after *k, below end, whose column is of the first
 * stage (is_first) or not; end when none. */
static size_t next_of(const struct sol_model *m, const struct layout *l, size_t k, size_t end,
                      bool is_first)
{
	while (k < end && (l->col_block[m->entries[k].col] == 0) != is_first)
		k++;
	return k;
}

/* Whether row r holds what row r0 (of another block) holds: the same
 * first-stage columns, and the same columns of its block by their place
 * in it, with the same coefficients. Entries are sorted by column within
 * a row, and a block's columns are in the order of their places. */
static bool same_entries(const struct sol_model *m, const struct layout *l, size_t r, size_t r0)
{
	size_t end = l->row_first[r + 1], end0 = l->row_first[r0 + 1];
	int pass;
	if (end - l->row_first[r] != end0 - l->row_first[r0])
		return false;
	for (pass = 0; pass < 2; pass++) {
		bool is_first = pass == 0;
		size_t k = next_of(m, l, l->row_first[r], end, is_first);
		size_t k0 = next_of(m, l, l->row_first[r0], end0, is_first);
		while (k < end && k0 < end0) {
			size_t c = m->entries[k].col, c0 = m->entries[k0].col;
			if (m->entries[k].value != m->entries[k0].value)
				return false;
			if (is_first ? c != c0 : l->local_col[c] != l->local_col[c0])
				return false;
			k = next_of(m, l, k + 1, end, is_first);
			k0 = next_of(m, l, k0 + 1, end0, is_first);
		}
		if (k < end || k0 < end0)
			return false;
	}
	return true;
}

/* Whether block b is block b0's LP but for its bounds. */
static bool same_block(const struct sol_model *m, const struct layout *l, size_t b, size_t b0)
{
	size_t i;
	if (l->n_rows_of[b] != l->n_rows_of[b0] || l->n_cols_of[b] != l->n_cols_of[b0])
		return false;
	for (i = 0; i < l->n_cols_of[b]; i++) {
		size_t j = l->cols_of[b][i], j0 = l->cols_of[b0][i];
		if (m->col_cost[j] != m->col_cost[j0] || m->col_is_int[j] != m->col_is_int[j0] ||
		    !same_sides(m->col_lo[j], m->col_hi[j], m->col_lo[j0], m->col_hi[j0]))
			return false;
	}
	for (i = 0; i < l->n_rows_of[b]; i++) {
		size_t r = l->rows_of[b][i], r0 = l->rows_of[b0][i];
		if (!same_sides(m->row_lo[r], m->row_hi[r], m->row_lo[r0], m->row_hi[r0]) ||
		    !same_entries(m, l, r, r0))
			return false;
	}
	return true;
}

/* The mean over the blocks of group g of the bound at place i (rows or
 * columns as of_block says) in bound[]: infinite stays infinite. */
static double mean_of(const double *bound, size_t *const *of_block, const size_t *group_of,
                      size_t n_blocks, size_t g, size_t i)
{
	double sum = 0;
	size_t k, n = 0;
	for (k = 1; k <= n_blocks; k++) {
		double v;
		if (group_of[k - 1] != g)
			continue;
		v = bound[of_block[k][i]];
		if (v == SOL_INF || v == -SOL_INF)
			return v;
		sum += v;
		n++;
	}
	return sum / (double)n;
}

struct sol_model *sol_jensen_model(struct sol_model *m, const size_t *col_block, size_t n_blocks,
                                   const size_t *group_of, size_t n_groups, size_t **col_of)
{
	struct layout l = {0};
	struct sol_model *out = NULL;
	size_t *first = mu_malloc((n_groups + 1) * sizeof(size_t)); /* a group's first block */
	size_t *row_at = NULL, *col_at = NULL, *of = NULL;
	size_t i, j, k, g;

	sol_model_compact(m);
	for (g = 0; g < n_groups; g++)
		first[g] = 0;
	for (k = 1; k <= n_blocks; k++) {
		g = group_of[k - 1];
		if (g >= n_groups)
			goto done;
		if (first[g] == 0)
			first[g] = k;
	}
	for (g = 0; g < n_groups; g++)
		if (first[g] == 0)
			goto done;
	if (!lay_out(m, col_block, n_blocks, &l))
		goto done;
	for (k = 1; k <= n_blocks; k++)
		if (k != first[group_of[k - 1]] && !same_block(m, &l, k, first[group_of[k - 1]]))
			goto done;

	out = sol_model_new();
	/* where each row and column of the first stage and of a group's first
	 * block goes in out; n_rows or n_cols for the others (not copied) */
	row_at = mu_malloc((m->n_rows + 1) * sizeof(size_t));
	col_at = mu_malloc((m->n_cols + 1) * sizeof(size_t));
	of = mu_malloc((m->n_cols + 1) * sizeof(size_t));
	for (i = 0; i < m->n_rows; i++)
		row_at[i] = m->n_rows;
	for (j = 0; j < m->n_cols; j++)
		col_at[j] = m->n_cols;
	for (i = 0; i < l.n_rows_of[0]; i++) {
		size_t r = l.rows_of[0][i];
		row_at[r] = sol_model_add_row(out, m->row_names[r], m->row_lo[r], m->row_hi[r]);
	}
	for (i = 0; i < l.n_cols_of[0]; i++) {
		size_t c = l.cols_of[0][i];
		of[out->n_cols] = c;
		col_at[c] = sol_model_add_col(out, m->col_names[c], m->col_lo[c], m->col_hi[c],
		                              m->col_cost[c], m->col_is_int[c]);
	}
	for (g = 0; g < n_groups; g++) {
		size_t b0 = first[g];
		for (i = 0; i < l.n_rows_of[b0]; i++) {
			size_t r = l.rows_of[b0][i];
			row_at[r] = sol_model_add_row(
			    out, m->row_names[r],
			    mean_of(m->row_lo, l.rows_of, group_of, n_blocks, g, i),
			    mean_of(m->row_hi, l.rows_of, group_of, n_blocks, g, i));
		}
		for (i = 0; i < l.n_cols_of[b0]; i++) {
			size_t c = l.cols_of[b0][i];
			double cost = 0;
			for (k = 1; k <= n_blocks; k++)
				if (group_of[k - 1] == g)
					cost += m->col_cost[l.cols_of[k][i]];
			of[out->n_cols] = c;
			col_at[c] = sol_model_add_col(
			    out, m->col_names[c],
			    mean_of(m->col_lo, l.cols_of, group_of, n_blocks, g, i),
			    mean_of(m->col_hi, l.cols_of, group_of, n_blocks, g, i), cost,
			    m->col_is_int[c]);
		}
	}
	for (k = 0; k < m->n_entries; k++) {
		const struct sol_entry *e = &m->entries[k];
		if (row_at[e->row] == m->n_rows)
			continue; /* a row of a block that is not its group's first */
		sol_model_add_entry(out, row_at[e->row], col_at[e->col], e->value);
	}
	*col_of = of;
	of = NULL;
done:
	layout_release(&l, n_blocks);
	free(first);
	free(row_at);
	free(col_at);
	free(of);
	return out;
}
