/*
 * sol_lp.c - one linear program kept loaded in GLPK between solves that
 * differ only in bounds (a game's coalitions open or close columns; a
 * recruitment fixes posts and their total). Each solve starts from the
 * last optimal basis: bounds closed keep it dual feasible (dual simplex
 * goes on from it), bounds opened keep it primal feasible (primal simplex
 * does). A solve that does both does them in turn: first the bounds
 * closed as far as both the old and the new bounds allow (their
 * intersection), by dual simplex, then the rest opened, by primal —
 * unless some intersection is empty (a value fixed elsewhere), when the
 * dual simplex takes it all at once. A solve that would undo most of what
 * the last one did can start from a marked basis instead (the silo's, for
 * a game), as the caller says.
 */
#include "solver/sol_int.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The bounds of the rows or of the columns: as GLPK has them now (lo, hi),
 * as the next solve wants them, and which differ. */
struct bounds {
	size_t n;
	double *lo, *hi, *want_lo, *want_hi;
	double *mark_lo, *mark_hi; /* at the mark, or NULL */
	size_t *moved;             /* indices whose want differs, n_moved of them */
	bool *is_moved;
	size_t n_moved;
};

struct sol_lp {
	glp_prob *lp;
	struct sol_model *m;
	const bool *col_is_core; /* the cold solve sifts from these, or NULL */
	struct bounds rows, cols;
	bool is_solved;             /* lp holds an optimal basis */
	bool has_start;             /* lp holds a start basis (sol_lp_set_start) */
	int *mark_rows, *mark_cols; /* a basis marked to go back to, or NULL */
	long iterations;
	double time_limit; /* seconds a solve may take; 0: none */
	double deadline;   /* of the solve under way (mu_time_now()); 0: none */
};

static void bounds_init(struct bounds *b, size_t n, const double *lo, const double *hi)
{
	memset(b, 0, sizeof(*b));
	b->n = n;
	b->lo = mu_malloc((n + 1) * sizeof(double));
	b->hi = mu_malloc((n + 1) * sizeof(double));
	b->want_lo = mu_malloc((n + 1) * sizeof(double));
	b->want_hi = mu_malloc((n + 1) * sizeof(double));
	memcpy(b->lo, lo, n * sizeof(double));
	memcpy(b->hi, hi, n * sizeof(double));
	memcpy(b->want_lo, lo, n * sizeof(double));
	memcpy(b->want_hi, hi, n * sizeof(double));
	b->moved = mu_malloc((n + 1) * sizeof(size_t));
	b->is_moved = mu_calloc(n + 1, sizeof(bool));
}

static void bounds_release(struct bounds *b)
{
	free(b->lo);
	free(b->hi);
	free(b->want_lo);
	free(b->want_hi);
	free(b->mark_lo);
	free(b->mark_hi);
	free(b->moved);
	free(b->is_moved);
}

static void bounds_want(struct bounds *b, size_t k, double lo, double hi)
{
	b->want_lo[k] = lo;
	b->want_hi[k] = hi;
	if (!b->is_moved[k] && (lo != b->lo[k] || hi != b->hi[k])) {
		b->is_moved[k] = true;
		b->moved[b->n_moved++] = k;
	}
}

/* Sets bounds [lo, hi] of row (is_row) or column k in GLPK, which moves a
 * non-basic variable's status to fit them. */
static void set_in_glpk(glp_prob *lp, bool is_row, size_t k, double lo, double hi)
{
	int type = sol_glpk_bound_type(lo, hi);
	double l = lo > -SOL_INF ? lo : 0, h = hi < SOL_INF ? hi : 0;
	if (is_row)
		glp_set_row_bnds(lp, (int)k + 1, type, l, h);
	else
		glp_set_col_bnds(lp, (int)k + 1, type, l, h);
}

/* What the moves of b do: *is_closing when some bound tightens, *is_opening
 * when some loosens, *can_split when every old and new range meet. */
static void bounds_classify(const struct bounds *b, bool *is_closing, bool *is_opening,
                            bool *can_split)
{
	size_t i;
	for (i = 0; i < b->n_moved; i++) {
		size_t k = b->moved[i];
		double lo = fmax(b->lo[k], b->want_lo[k]), hi = fmin(b->hi[k], b->want_hi[k]);
		*is_closing = *is_closing || lo > b->lo[k] || hi < b->hi[k];
		*is_opening = *is_opening || b->want_lo[k] < lo || b->want_hi[k] > hi;
		*can_split = *can_split && lo <= hi;
	}
}

/* Moves b's bounds in GLPK: to the intersection of old and wanted
 * (is_closing_only), or to the wanted ones (then nothing is left moved). */
static void bounds_apply(struct bounds *b, glp_prob *lp, bool is_row, bool is_closing_only)
{
	size_t i;
	for (i = 0; i < b->n_moved; i++) {
		size_t k = b->moved[i];
		double lo = b->want_lo[k], hi = b->want_hi[k];
		if (is_closing_only) {
			lo = fmax(b->lo[k], lo);
			hi = fmin(b->hi[k], hi);
		}
		if (lo != b->lo[k] || hi != b->hi[k]) {
			set_in_glpk(lp, is_row, k, lo, hi);
			b->lo[k] = lo;
			b->hi[k] = hi;
		}
		if (!is_closing_only)
			b->is_moved[k] = false;
	}
	if (!is_closing_only)
		b->n_moved = 0;
}

enum mu_code sol_lp_new(struct sol_model *m, const bool *col_is_core, struct sol_lp **out,
                        struct mu_err *err)
{
	struct sol_lp *s;
	enum mu_code rc;
	*out = NULL;
	if ((rc = sol_glpk_check(m, err)) != MU_OK)
		return rc;
	s = mu_calloc(1, sizeof(*s));
	glp_term_hook(sol_glpk_swallow, NULL);
	s->lp = sol_glpk_load(m, false);
	glp_term_hook(NULL, NULL);
	s->m = m;
	s->col_is_core = col_is_core;
	bounds_init(&s->cols, m->n_cols, m->col_lo, m->col_hi);
	bounds_init(&s->rows, m->n_rows, m->row_lo, m->row_hi);
	*out = s;
	return MU_OK;
}

void sol_lp_free(struct sol_lp *s)
{
	if (!s)
		return;
	glp_delete_prob(s->lp);
	bounds_release(&s->cols);
	bounds_release(&s->rows);
	free(s->mark_rows);
	free(s->mark_cols);
	free(s);
}

void sol_lp_set_col_bounds(struct sol_lp *s, size_t j, double lo, double hi)
{
	bounds_want(&s->cols, j, lo, hi);
}

void sol_lp_set_col_hi(struct sol_lp *s, size_t j, double hi)
{
	bounds_want(&s->cols, j, s->cols.want_lo[j], hi);
}

void sol_lp_set_row_bounds(struct sol_lp *s, size_t i, double lo, double hi)
{
	bounds_want(&s->rows, i, lo, hi);
}

/* Keeps b's bounds as they are now as its mark's. */
static void bounds_mark(struct bounds *b)
{
	if (!b->mark_lo) {
		b->mark_lo = mu_malloc((b->n + 1) * sizeof(double));
		b->mark_hi = mu_malloc((b->n + 1) * sizeof(double));
	}
	memcpy(b->mark_lo, b->lo, b->n * sizeof(double));
	memcpy(b->mark_hi, b->hi, b->n * sizeof(double));
}

/* Puts the mark's bounds back in GLPK, the wanted ones kept wanted. */
static void bounds_back(struct bounds *b, glp_prob *lp, bool is_row)
{
	size_t k;
	for (k = 0; k < b->n; k++) {
		if (b->lo[k] != b->mark_lo[k] || b->hi[k] != b->mark_hi[k]) {
			set_in_glpk(lp, is_row, k, b->mark_lo[k], b->mark_hi[k]);
			b->lo[k] = b->mark_lo[k];
			b->hi[k] = b->mark_hi[k];
		}
		if (!b->is_moved[k] && (b->want_lo[k] != b->lo[k] || b->want_hi[k] != b->hi[k])) {
			b->is_moved[k] = true;
			b->moved[b->n_moved++] = k;
		}
	}
}

void sol_lp_mark(struct sol_lp *s)
{
	int m = glp_get_num_rows(s->lp), n = glp_get_num_cols(s->lp), i;
	if (!s->mark_rows) {
		s->mark_rows = mu_malloc(((size_t)m + 1) * sizeof(int));
		s->mark_cols = mu_malloc(((size_t)n + 1) * sizeof(int));
	}
	for (i = 1; i <= m; i++)
		s->mark_rows[i] = glp_get_row_stat(s->lp, i);
	for (i = 1; i <= n; i++)
		s->mark_cols[i] = glp_get_col_stat(s->lp, i);
	bounds_mark(&s->rows);
	bounds_mark(&s->cols);
}

void sol_lp_back_to_mark(struct sol_lp *s)
{
	int m = glp_get_num_rows(s->lp), n = glp_get_num_cols(s->lp), i;
	if (!s->mark_rows)
		return;
	/* the marked basis with the bounds it was optimal for; what is wanted
	 * since is moved from there by the next solve */
	bounds_back(&s->rows, s->lp, true);
	bounds_back(&s->cols, s->lp, false);
	for (i = 1; i <= m; i++)
		glp_set_row_stat(s->lp, i, s->mark_rows[i]);
	for (i = 1; i <= n; i++)
		glp_set_col_stat(s->lp, i, s->mark_cols[i]);
}

void sol_lp_basis(const struct sol_lp *s, unsigned char *rows, unsigned char *cols)
{
	sol_glpk_get_basis(s->lp, rows, cols);
}

void sol_lp_set_start(struct sol_lp *s, const unsigned char *rows, const unsigned char *cols)
{
	/* the bounds wanted first, so that a non-basic status fits them */
	bounds_apply(&s->rows, s->lp, true, false);
	bounds_apply(&s->cols, s->lp, false, false);
	sol_glpk_set_basis(s->lp, rows, cols);
	s->has_start = true;
}

void sol_lp_x(const struct sol_lp *s, double *x)
{
	size_t j;
	for (j = 0; j < s->m->n_cols; j++)
		x[j] = glp_get_col_prim(s->lp, (int)j + 1);
}

long sol_lp_iterations(const struct sol_lp *s)
{
	return s->iterations;
}

void sol_lp_set_time_limit(struct sol_lp *s, double seconds)
{
	s->time_limit = seconds;
}

/* glp_simplex from lp's basis by method meth, presolve off, within the
 * solve's deadline: its code (GLP_ETMLIM past it), or -1 when GLPK could
 * not use the basis (a cold start is needed). */
static int warm_simplex(const struct sol_lp *s, int meth)
{
	glp_smcp parm;
	int rc;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.meth = meth;
	parm.presolve = GLP_OFF;
	if (!mu_time_ms_until(s->deadline, &parm.tm_lim))
		return GLP_ETMLIM;
	rc = glp_simplex(s->lp, &parm);
	return rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND ? -1 : rc;
}

/* From the last optimal basis to the wanted bounds (see the header). */
static int warm_solve(struct sol_lp *s)
{
	bool is_closing = false, is_opening = false, can_split = true;
	bounds_classify(&s->rows, &is_closing, &is_opening, &can_split);
	bounds_classify(&s->cols, &is_closing, &is_opening, &can_split);
	if (is_closing && is_opening && can_split) {
		int rc;
		bounds_apply(&s->rows, s->lp, true, true);
		bounds_apply(&s->cols, s->lp, false, true);
		/* the intersection can be infeasible where the old and new
		 * bounds are not: then the dual simplex's last basis, still dual
		 * feasible, starts the whole move below */
		rc = warm_simplex(s, GLP_DUALP);
		bounds_apply(&s->rows, s->lp, true, false);
		bounds_apply(&s->cols, s->lp, false, false);
		if (rc < 0 || rc == GLP_ETMLIM)
			return rc;
		return warm_simplex(s, rc == 0 && glp_get_status(s->lp) == GLP_OPT ? GLP_PRIMAL
		                                                                   : GLP_DUALP);
	}
	bounds_apply(&s->rows, s->lp, true, false);
	bounds_apply(&s->cols, s->lp, false, false);
	return warm_simplex(s, is_closing ? GLP_DUALP : GLP_PRIMAL);
}

enum mu_code sol_lp_solve(struct sol_lp *s, enum sol_status *status, double *objective,
                          struct mu_err *err)
{
	glp_smcp parm;
	int rc = -1, st, before = glp_get_it_cnt(s->lp);
	s->deadline = s->time_limit > 0 ? mu_time_now() + s->time_limit : 0;
	glp_term_hook(sol_glpk_swallow, NULL);
	if (s->is_solved) {
		rc = warm_solve(s);
	} else if (s->has_start) {
		/* a start basis of the caller's: primal feasible as it says, or
		 * the dual simplex from it (GLPK's own phase one) */
		bounds_apply(&s->rows, s->lp, true, false);
		bounds_apply(&s->cols, s->lp, false, false);
		rc = warm_simplex(s, GLP_PRIMAL);
		s->has_start = false;
	} else {
		bounds_apply(&s->rows, s->lp, true, false);
		bounds_apply(&s->cols, s->lp, false, false);
	}
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.meth = GLP_DUALP;
	if (rc < 0 && !s->is_solved && s->col_is_core) {
		size_t rounds;
		/* without purging: the first optimum, one of a game's or a
		 * recruitment's many, is what every later solve goes on from,
		 * and their figures (shares' cash per partner) stay as they were */
		switch (sol_sift_solve(s->lp, s->m, s->col_is_core, NULL, false, &parm, s->deadline,
		                       NULL, &rounds)) {
		case SOL_SIFT_OPTIMAL:
			rc = 0;
			break;
		case SOL_SIFT_TIME_UP:
			rc = GLP_ETMLIM;
			break;
		default: /* solved whole below */
			break;
		}
	}
	if (rc < 0) { /* cold, or a warm start GLPK could not use */
		glp_std_basis(s->lp);
		parm.presolve = GLP_ON;
		/* leaves the whole model's basis */
		rc = mu_time_ms_until(s->deadline, &parm.tm_lim) ? glp_simplex(s->lp, &parm)
		                                                 : GLP_ETMLIM;
	}
	s->iterations += glp_get_it_cnt(s->lp) - before;
	glp_term_hook(NULL, NULL);
	st = glp_get_status(s->lp);
	s->is_solved = rc == 0 && st == GLP_OPT;
	if (rc == GLP_ENOPFS || (rc == 0 && (st == GLP_NOFEAS || st == GLP_INFEAS)))
		*status = SOL_INFEASIBLE;
	else if (rc == GLP_ENODFS || (rc == 0 && st == GLP_UNBND))
		*status = SOL_UNBOUNDED;
	else if (rc == GLP_ETMLIM)
		*status = SOL_NO_SOLUTION;
	else if (rc != 0)
		return mu_err_set(err, MU_E_SOLVER, "GLPK simplex failed (code %d)", rc);
	else
		*status = st == GLP_OPT ? SOL_OPTIMAL : SOL_FEASIBLE;
	*objective = glp_get_obj_val(s->lp);
	return MU_OK;
}
