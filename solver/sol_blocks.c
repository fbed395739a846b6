/*
 * sol_blocks.c - an LP that falls apart into independent blocks, solved
 * block by block. GLPK's simplex works on dense vectors as long as the
 * rows and columns, so one iteration costs about the same whether the LP
 * is one block or 800: sifting's first working LP (own staff, short and
 * breach) is one small block per partner and shift, and GLPK took 2.5 s
 * for it whole on bench_gen's large against well under a tenth of that
 * block by block. A block-diagonal basis made of each block's optimal basis
 * is optimal for the whole.
 */
#include "sol_int.h"

#include "core/mu_alloc.h"

#include <stdlib.h>
#include <string.h>

/* Union-find over the rows, 1-based like GLPK's. */
static int root_of(int *parent, int i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

struct lp_copy {
	int n_rows, n_cols;
	int *col_start; /* column j's entries: [col_start[j], col_start[j+1]) */
	int *row_of;
	double *value;
};

static void lp_copy_init(struct lp_copy *c, glp_prob *lp)
{
	int j, n = 0, nnz = glp_get_num_nz(lp);
	c->n_rows = glp_get_num_rows(lp);
	c->n_cols = glp_get_num_cols(lp);
	c->col_start = mu_malloc(((size_t)c->n_cols + 2) * sizeof(int));
	/* GLPK writes from index 1: one spare slot at each end */
	c->row_of = mu_malloc(((size_t)nnz + 2) * sizeof(int));
	c->value = mu_malloc(((size_t)nnz + 2) * sizeof(double));
	for (j = 1; j <= c->n_cols; j++) {
		c->col_start[j] = n;
		n += glp_get_mat_col(lp, j, c->row_of + n, c->value + n);
	}
	c->col_start[c->n_cols + 1] = n;
}

static void lp_copy_release(struct lp_copy *c)
{
	free(c->col_start);
	free(c->row_of);
	free(c->value);
}

/* Column j's entries, 1-based as glp_set_mat_col wants them. */
#define COL_IND(c, j) ((c)->row_of + (c)->col_start[j])
#define COL_VAL(c, j) ((c)->value + (c)->col_start[j])
#define COL_LEN(c, j) ((c)->col_start[(j) + 1] - (c)->col_start[j])

/* Solves the block of rows rows[0..n_rows) and columns cols[0..n_cols)
 * alone and copies its optimal basis into lp. local is scratch of lp's row
 * count + 1. False when the block has no optimum. */
static bool solve_block(glp_prob *lp, const struct lp_copy *c, const int *rows, int n_rows,
                        const int *cols, int n_cols, int *local, const double *fixed,
                        const glp_smcp *parm)
{
	glp_prob *b = glp_create_prob();
	int i, j, k, *ind = mu_malloc(((size_t)n_rows + 1) * sizeof(int));
	bool is_solved;
	glp_set_obj_dir(b, glp_get_obj_dir(lp));
	glp_add_rows(b, n_rows);
	for (i = 0; i < n_rows; i++) {
		double shift = fixed ? fixed[rows[i]] : 0;
		local[rows[i]] = i + 1;
		glp_set_row_bnds(b, i + 1, glp_get_row_type(lp, rows[i]),
		                 glp_get_row_lb(lp, rows[i]) - shift,
		                 glp_get_row_ub(lp, rows[i]) - shift);
	}
	glp_add_cols(b, n_cols);
	for (k = 0; k < n_cols; k++) {
		j = cols[k];
		glp_set_col_bnds(b, k + 1, glp_get_col_type(lp, j), glp_get_col_lb(lp, j),
		                 glp_get_col_ub(lp, j));
		glp_set_obj_coef(b, k + 1, glp_get_obj_coef(lp, j));
		for (i = 0; i < COL_LEN(c, j); i++)
			ind[i + 1] = local[COL_IND(c, j)[i + 1]];
		glp_set_mat_col(b, k + 1, COL_LEN(c, j), ind, COL_VAL(c, j));
	}
	is_solved = glp_simplex(b, parm) == 0 && glp_get_status(b) == GLP_OPT;
	if (is_solved) {
		for (i = 0; i < n_rows; i++)
			glp_set_row_stat(lp, rows[i], glp_get_row_stat(b, i + 1));
		for (k = 0; k < n_cols; k++)
			glp_set_col_stat(lp, cols[k], glp_get_col_stat(b, k + 1));
	}
	free(ind);
	glp_delete_prob(b);
	return is_solved;
}

/* Whether column j of lp joins a block: every column, or with
 * is_fixed_apart every column but the fixed ones. */
static bool is_in_block(glp_prob *lp, int j, bool is_fixed_apart)
{
	return !is_fixed_apart || glp_get_col_type(lp, j) != GLP_FX;
}

static bool solve_blocks(glp_prob *lp, const glp_smcp *parm, size_t *n_blocks, bool is_fixed_apart)
{
	struct lp_copy c;
	int i, j, k, n_rows, n_cols;
	int *parent, *block_of_row, *row_order, *col_order, *row_start, *col_start, *fill, *local;
	int n_found = 0;
	bool is_solved = true;
	double *fixed = NULL;
	glp_smcp p = *parm;

	*n_blocks = 0;
	lp_copy_init(&c, lp);
	n_rows = c.n_rows, n_cols = c.n_cols;
	parent = mu_malloc(((size_t)n_rows + 1) * sizeof(int));
	for (i = 0; i <= n_rows; i++)
		parent[i] = i;
	if (is_fixed_apart) /* the fixed columns' activity in each row */
		fixed = mu_calloc((size_t)n_rows + 1, sizeof(double));
	for (j = 1; j <= n_cols; j++) {
		if (!is_in_block(lp, j, is_fixed_apart)) {
			double v = glp_get_col_lb(lp, j);
			for (k = 1; k <= COL_LEN(&c, j); k++)
				fixed[COL_IND(&c, j)[k]] += COL_VAL(&c, j)[k] * v;
			continue;
		}
		if (COL_LEN(&c, j) == 0) {
			/* a column in no row is no block's: leave it to the whole */
			free(fixed);
			free(parent);
			lp_copy_release(&c);
			return false;
		}
		for (k = 2; k <= COL_LEN(&c, j); k++) {
			int a = root_of(parent, COL_IND(&c, j)[1]);
			int b = root_of(parent, COL_IND(&c, j)[k]);
			if (a != b)
				parent[a] = b;
		}
	}
	/* number the blocks; a row in no column stays basic, its own block */
	block_of_row = mu_calloc((size_t)n_rows + 1, sizeof(int));
	for (i = 1; i <= n_rows; i++)
		if (root_of(parent, i) == i)
			block_of_row[i] = ++n_found;
	for (i = 1; i <= n_rows; i++)
		block_of_row[i] = block_of_row[root_of(parent, i)];
	/* rows and columns grouped by block (a counting sort): block k's are
	 * row_order[row_start[k]..row_start[k + 1]), likewise the columns */
	row_start = mu_calloc((size_t)n_found + 2, sizeof(int));
	col_start = mu_calloc((size_t)n_found + 2, sizeof(int));
	for (i = 1; i <= n_rows; i++)
		row_start[block_of_row[i] + 1]++;
	for (j = 1; j <= n_cols; j++)
		if (is_in_block(lp, j, is_fixed_apart))
			col_start[block_of_row[COL_IND(&c, j)[1]] + 1]++;
	for (k = 1; k <= n_found; k++) {
		row_start[k + 1] += row_start[k];
		col_start[k + 1] += col_start[k];
	}
	row_order = mu_malloc(((size_t)n_rows + 1) * sizeof(int));
	col_order = mu_malloc(((size_t)n_cols + 1) * sizeof(int));
	fill = mu_malloc(((size_t)n_found + 2) * sizeof(int));
	memcpy(fill, row_start, ((size_t)n_found + 2) * sizeof(int));
	for (i = 1; i <= n_rows; i++)
		row_order[fill[block_of_row[i]]++] = i;
	memcpy(fill, col_start, ((size_t)n_found + 2) * sizeof(int));
	for (j = 1; j <= n_cols; j++)
		if (is_in_block(lp, j, is_fixed_apart))
			col_order[fill[block_of_row[COL_IND(&c, j)[1]]]++] = j;
		else
			glp_set_col_stat(lp, j, GLP_NS);

	local = mu_malloc(((size_t)n_rows + 1) * sizeof(int));
	p.presolve = GLP_OFF;
	p.msg_lev = GLP_MSG_OFF;
	if (n_found < 2)
		is_solved = false; /* one block: nothing to gain */
	for (k = 1; is_solved && k <= n_found; k++) {
		int r0 = row_start[k], r1 = row_start[k + 1];
		int c0 = col_start[k], c1 = col_start[k + 1];
		if (c1 == c0) {
			for (i = r0; i < r1; i++)
				glp_set_row_stat(lp, row_order[i], GLP_BS);
			continue;
		}
		is_solved = solve_block(lp, &c, row_order + r0, r1 - r0, col_order + c0, c1 - c0,
		                        local, fixed, &p);
	}
	if (is_solved)
		*n_blocks = (size_t)n_found;
	free(local);
	free(row_order);
	free(col_order);
	free(row_start);
	free(col_start);
	free(fill);
	free(block_of_row);
	free(parent);
	free(fixed);
	lp_copy_release(&c);
	return is_solved;
}

bool sol_blocks_solve(glp_prob *lp, const glp_smcp *parm, size_t *n_blocks)
{
	return solve_blocks(lp, parm, n_blocks, false);
}

bool sol_blocks_solve_fixed_apart(glp_prob *lp, const glp_smcp *parm, size_t *n_blocks)
{
	return solve_blocks(lp, parm, n_blocks, true);
}
