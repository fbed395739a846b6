/*
 * sol_sift.c - sifting for the linear relaxation. Each iteration of GLPK's
 * simplex walks every non-basic column (its ratio test and pricing are
 * dense), so on a model with twice as many columns as rows most of the time
 * goes on columns that stay at zero. Sifting solves a working LP of a few
 * columns, prices all the others with its duals, brings in the most
 * negative, and repeats until none is negative; the whole model then starts
 * from that basis, which a last simplex call confirms optimal. The working
 * LP holds only the rows its columns touch, and its first round is solved
 * block by block (sol_blocks). After a round that lowered the objective,
 * the columns at zero whose reduced cost is clearly positive leave it
 * again (purge_priced_out), so that it stays small. Columns marked late
 * (a supply curve's, §3d) wait until the model without them is nearly
 * solved, then come in together (bring_in_late).
 */
#include "sol_int.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"

#include <math.h>
#include <stdlib.h>

/* The model's entries by column (sol_model_by_col), for pricing. */
struct col_matrix {
	size_t *first, *at;
};

struct candidate {
	double reduced_cost;
	size_t col;
};

static void col_matrix_free(struct col_matrix *a)
{
	free(a->first);
	free(a->at);
}

/* The working LP: the columns brought in so far and the rows they touch.
 * A row left out stands slack at zero activity: one that cannot is always
 * in. GLPK's simplex costs time for every row, empty or not, and before
 * the last rounds a third of the rows (bank workers' not yet priced in)
 * have no column. */
struct working {
	glp_prob *lp;
	glp_prob *whole;
	int *work_col;     /* model column -> working column, 0 when left out */
	int *work_row;     /* model row -> working row, 0 when left out */
	size_t *model_col; /* working column -> model column, 1-based */
	size_t cap_model_col;
	int *ind; /* room for one column, 1-based as GLPK wants it */
	double *val;
};

static bool zero_meets_row(glp_prob *lp, int i)
{
	int type = glp_get_row_type(lp, i);
	bool has_lo = type == GLP_LO || type == GLP_DB || type == GLP_FX;
	bool has_up = type == GLP_UP || type == GLP_DB || type == GLP_FX;
	return !(has_lo && glp_get_row_lb(lp, i) > 0) && !(has_up && glp_get_row_ub(lp, i) < 0);
}

/* The working row of a model row, added (slack, basic) when first needed. */
static int working_row(struct working *w, int model_row)
{
	int r = w->work_row[model_row];
	if (r)
		return r;
	r = glp_add_rows(w->lp, 1);
	glp_set_row_bnds(w->lp, r, glp_get_row_type(w->whole, model_row),
	                 glp_get_row_lb(w->whole, model_row), glp_get_row_ub(w->whole, model_row));
	w->work_row[model_row] = r;
	return r;
}

static void working_add_col(struct working *w, const struct sol_model *m,
                            const struct col_matrix *a, size_t j)
{
	int c = glp_add_cols(w->lp, 1), model = (int)j + 1, len = 0;
	size_t k;
	glp_set_col_bnds(w->lp, c, glp_get_col_type(w->whole, model),
	                 glp_get_col_lb(w->whole, model), glp_get_col_ub(w->whole, model));
	glp_set_obj_coef(w->lp, c, m->col_cost[j]);
	for (k = a->first[j]; k < a->first[j + 1]; k++) {
		len++;
		w->ind[len] = working_row(w, (int)m->entries[a->at[k]].row + 1);
		w->val[len] = m->entries[a->at[k]].value;
	}
	glp_set_mat_col(w->lp, c, len, w->ind, w->val);
	w->work_col[j] = c;
	MU_GROW(w->model_col, w->cap_model_col, (size_t)c + 1);
	w->model_col[c] = j;
}

static void working_init(struct working *w, glp_prob *whole, const struct sol_model *m,
                         const struct col_matrix *a, const bool *col_is_core)
{
	int i, n_rows = glp_get_num_rows(whole);
	size_t j;
	w->lp = glp_create_prob();
	w->whole = whole;
	w->work_col = mu_calloc(m->n_cols + 1, sizeof(int));
	w->work_row = mu_calloc((size_t)n_rows + 1, sizeof(int));
	w->ind = mu_malloc(((size_t)n_rows + 1) * sizeof(int));
	w->val = mu_malloc(((size_t)n_rows + 1) * sizeof(double));
	w->model_col = NULL;
	w->cap_model_col = 0;
	glp_set_obj_dir(w->lp, GLP_MIN);
	for (i = 1; i <= n_rows; i++)
		if (!zero_meets_row(whole, i))
			working_row(w, i);
	/* a column left out stands at zero: one that cannot is always in */
	for (j = 0; j < m->n_cols; j++)
		if (col_is_core[j] || m->col_lo[j] != 0)
			working_add_col(w, m, a, j);
}

static void working_free(struct working *w)
{
	glp_delete_prob(w->lp);
	free(w->work_col);
	free(w->work_row);
	free(w->model_col);
	free(w->ind);
	free(w->val);
}

/* Takes out of the working LP every column non-basic at zero whose
 * reduced cost is above PURGE_TOLERANCE (relative to its cost): it stands
 * at zero as a column left out does, and is priced again every round. A
 * column whose lower bound is not zero stays. Non-basic columns leave the
 * basis as it is. On bench_gen large, without it, the working LP grew to
 * 34,000 of the 47,000 columns, three fifths of them at zero; with it
 * to 26,000, and the relaxation took 15% less simplex work (iterations
 * times rows and columns); with supply curves (large-supply) 20% less. */
#define PURGE_TOLERANCE 0.01

static void purge_priced_out(struct working *w, const struct sol_model *m)
{
	int n = glp_get_num_cols(w->lp), c, n_out = 0, kept = 0, next = 1;
	int *out = mu_malloc(((size_t)n + 1) * sizeof(int));
	for (c = 1; c <= n; c++) {
		size_t j = w->model_col[c];
		if (m->col_lo[j] == 0 && glp_get_col_stat(w->lp, c) == GLP_NL &&
		    glp_get_col_dual(w->lp, c) > PURGE_TOLERANCE * (1 + fabs(m->col_cost[j])))
			out[++n_out] = c;
	}
	if (n_out > 0) {
		glp_del_cols(w->lp, n_out, out);
		/* GLPK keeps the order of the columns left: renumber them */
		for (c = 1; c <= n; c++) {
			size_t j = w->model_col[c];
			if (next <= n_out && out[next] == c) {
				w->work_col[j] = 0;
				next++;
				continue;
			}
			w->model_col[++kept] = j;
			w->work_col[j] = kept;
		}
	}
	free(out);
}

static int by_reduced_cost(const void *a, const void *b)
{
	double x = ((const struct candidate *)a)->reduced_cost;
	double y = ((const struct candidate *)b)->reduced_cost;
	return x < y ? -1 : x > y;
}

/* Prices the columns left out with the working LP's duals, but for those
 * late marks (may be NULL); brings in the most negative, at most limit.
 * Returns how many were negative. */
static size_t bring_in_priced(struct working *w, const struct sol_model *m,
                              const struct col_matrix *a, const unsigned char *late,
                              struct candidate *cand, size_t limit)
{
	int i, n_rows = glp_get_num_rows(w->whole);
	double *dual = mu_malloc(((size_t)n_rows + 1) * sizeof(double));
	size_t j, k, n = 0;
	for (i = 1; i <= n_rows; i++)
		dual[i] = w->work_row[i] ? glp_get_row_dual(w->lp, w->work_row[i]) : 0;
	for (j = 0; j < m->n_cols; j++) {
		double d = m->col_cost[j];
		if (w->work_col[j] || (late && late[j] != SOL_SIFT_PRICED))
			continue;
		for (k = a->first[j]; k < a->first[j + 1]; k++) {
			const struct sol_entry *e = &m->entries[a->at[k]];
			d -= e->value * dual[e->row + 1];
		}
		if (d < -1e-7 * (1 + fabs(m->col_cost[j])))
			cand[n].reduced_cost = d, cand[n++].col = j;
	}
	free(dual);
	qsort(cand, n, sizeof(*cand), by_reduced_cost);
	for (k = 0; k < n && k < limit; k++)
		working_add_col(w, m, a, cand[k].col);
	return n;
}

/* Once the model without the late columns is nearly solved: brings in
 * every late column that prices negative, and every SOL_SIFT_LATE_AT_UP one
 * at its upper bound (where it has one) whatever its price. Returns how
 * many came in. Set at a bound, a column moves the basic values, so the
 * basis may no longer be primal feasible: the primal simplex of the next
 * round mends it (for the rate steps it is: they only loosen their rows). */
static size_t bring_in_late(struct working *w, const struct sol_model *m,
                            const struct col_matrix *a, const unsigned char *late,
                            struct candidate *cand)
{
	/* the others pricing negative are in already (under a round's worth) */
	size_t j, n = bring_in_priced(w, m, a, NULL, cand, m->n_cols);
	for (j = 0; j < m->n_cols; j++) {
		int c;
		if (late[j] != SOL_SIFT_LATE_AT_UP || w->work_col[j])
			continue;
		working_add_col(w, m, a, j);
		n++;
		c = w->work_col[j];
		if (glp_get_col_type(w->lp, c) == GLP_DB)
			glp_set_col_stat(w->lp, c, GLP_NU);
	}
	return n;
}

/* Gives whole the working LP's basis; the columns left out are at their
 * lower bound, zero. */
static void copy_basis(const struct working *w, glp_prob *whole, const struct sol_model *m)
{
	int i, n_rows = glp_get_num_rows(whole);
	size_t j;
	for (i = 1; i <= n_rows; i++)
		glp_set_row_stat(whole, i,
		                 w->work_row[i] ? glp_get_row_stat(w->lp, w->work_row[i]) : GLP_BS);
	for (j = 0; j < m->n_cols; j++) {
		int c = (int)j + 1;
		if (w->work_col[j])
			glp_set_col_stat(whole, c, glp_get_col_stat(w->lp, w->work_col[j]));
		else
			glp_set_col_stat(whole, c,
			                 glp_get_col_type(whole, c) == GLP_FX ? GLP_NS : GLP_NL);
	}
}

enum sol_sift_outcome sol_sift_solve(glp_prob *lp, const struct sol_model *m,
                                     const bool *col_is_core, const unsigned char *col_late,
                                     bool is_purging, const glp_smcp *parm, double deadline,
                                     struct sol_relax_watch *watch, size_t *n_rounds)
{
	/* the late columns not yet priced; NULL once they are */
	const unsigned char *late = col_late;
	struct col_matrix a;
	struct working w;
	struct candidate *cand = mu_malloc((m->n_cols + 1) * sizeof(*cand));
	/* A quarter of the rows a round: measured on bench_gen large, a tenth
	 * to all of them come within 10% of each other. */
	size_t limit = m->n_rows / 4 + 1;
	enum sol_sift_outcome outcome = SOL_SIFT_FAILED;
	glp_smcp p = *parm;
	double last = 0;
	bool has_last = false;
	size_t n_blocks, n_negative;
	int rc;

	*n_rounds = 0;
	sol_model_by_col(m, &a.first, &a.at);
	working_init(&w, lp, m, &a, col_is_core);
	p.presolve = GLP_OFF; /* the rounds after the first start from its basis */
	p.meth = GLP_DUALP;
	/* the first working LP (own staff, short, breach) is one block per
	 * partner and shift: 2.5 s whole on bench_gen large, 0.02 s by block */
	sol_blocks_solve(w.lp, &p, &n_blocks);
	for (;;) {
		if (!mu_time_ms_until(deadline, &p.tm_lim)) {
			outcome = SOL_SIFT_TIME_UP;
			goto done;
		}
		rc = sol_relax_simplex(w.lp, &p, watch);
		++*n_rounds;
		if (rc == GLP_ETMLIM)
			outcome = SOL_SIFT_TIME_UP;
		if (rc == GLP_ESTOP)
			outcome = SOL_SIFT_STOPPED;
		if (rc != 0 || glp_get_status(w.lp) != GLP_OPT)
			goto done;
		/* only after a round that lowered the objective: the rounds
		 * cannot then come back to a working LP they had before */
		if (is_purging &&
		    (!has_last || glp_get_obj_val(w.lp) < last - 1e-9 * (1 + fabs(last)))) {
			last = glp_get_obj_val(w.lp);
			has_last = true;
			purge_priced_out(&w, m);
		}
		n_negative = bring_in_priced(&w, m, &a, late, cand, limit);
		/* the model without the late columns nearly solved: the last of
		 * the others come in with them, so that the rounds of its tail
		 * are the late columns' too (on bench_gen large-supply 731M of
		 * simplex work against 743M at the optimum without them, and
		 * 752M at under a round's worth: one round too early) */
		if (late && n_negative * 2 < limit) {
			n_negative += bring_in_late(&w, m, &a, late, cand);
			late = NULL;
		}
		if (n_negative == 0)
			break;
		/* columns brought in at zero keep the basis primal feasible */
		p.meth = GLP_PRIMAL;
	}
	copy_basis(&w, lp, m);
	if (!mu_time_ms_until(deadline, &p.tm_lim)) {
		outcome = SOL_SIFT_TIME_UP;
		goto done;
	}
	/* the whole model from the working basis: optimal as it stands, or a
	 * few iterations away where a reduced cost sat on the tolerance */
	p.meth = GLP_DUALP;
	rc = sol_relax_simplex(lp, &p, watch);
	if (rc == GLP_ETMLIM)
		outcome = SOL_SIFT_TIME_UP;
	else if (rc == GLP_ESTOP)
		outcome = SOL_SIFT_STOPPED;
	else if (rc == 0 && glp_get_status(lp) == GLP_OPT)
		outcome = SOL_SIFT_OPTIMAL;
done:
	working_free(&w);
	col_matrix_free(&a);
	free(cand);
	return outcome;
}
