/*
 * sol_lp.c - one linear program kept loaded in GLPK between solves that
 * differ only in column bounds (a game's coalitions: each one opens or
 * closes some columns). Each solve starts from the last optimal basis:
 * bounds opened keep it primal feasible (primal simplex goes on from it),
 * bounds closed keep it dual feasible (dual simplex does). A solve that
 * would undo most of what the last one did starts from a marked basis
 * instead (the silo's, for a game), as the caller says.
 */
#include "solver/sol_int.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"

#include <stdlib.h>
#include <string.h>

struct sol_lp {
	glp_prob *lp;
	struct sol_model *m;
	const bool *col_is_core;     /* the cold solve sifts from these, or NULL */
	double *hi;                  /* each column's upper bound as set now */
	bool is_solved;              /* lp holds an optimal basis */
	bool has_opened, has_closed; /* bounds moved since the last solve */
	int *mark_rows, *mark_cols;  /* a basis marked to go back to, or NULL */
	long iterations;
};

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
	s->hi = mu_malloc((m->n_cols + 1) * sizeof(double));
	memcpy(s->hi, m->col_hi, m->n_cols * sizeof(double));
	*out = s;
	return MU_OK;
}

void sol_lp_free(struct sol_lp *s)
{
	if (!s)
		return;
	glp_delete_prob(s->lp);
	free(s->hi);
	free(s->mark_rows);
	free(s->mark_cols);
	free(s);
}

void sol_lp_set_col_hi(struct sol_lp *s, size_t j, double hi)
{
	double lo = s->m->col_lo[j];
	if (hi == s->hi[j])
		return;
	if (hi > s->hi[j])
		s->has_opened = true;
	else
		s->has_closed = true;
	s->hi[j] = hi;
	/* GLPK moves a non-basic column's status to fit its new bounds */
	glp_set_col_bnds(s->lp, (int)j + 1,
	                 lo == hi       ? GLP_FX
	                 : hi < SOL_INF ? GLP_DB
	                                : GLP_LO,
	                 lo, hi < SOL_INF ? hi : 0);
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
}

void sol_lp_back_to_mark(struct sol_lp *s)
{
	int m = glp_get_num_rows(s->lp), n = glp_get_num_cols(s->lp), i;
	if (!s->mark_rows)
		return;
	/* GLPK fits a non-basic status to the column's bounds as they are */
	for (i = 1; i <= m; i++)
		glp_set_row_stat(s->lp, i, s->mark_rows[i]);
	for (i = 1; i <= n; i++)
		glp_set_col_stat(s->lp, i, s->mark_cols[i]);
	/* the marked basis was optimal with the bounds it had: from it, only
	 * the bounds opened since are to be made up for, by primal simplex */
	s->has_opened = true;
	s->has_closed = false;
}

long sol_lp_iterations(const struct sol_lp *s)
{
	return s->iterations;
}

enum mu_code sol_lp_solve(struct sol_lp *s, enum sol_status *status, double *objective,
                          struct mu_err *err)
{
	glp_smcp parm;
	int rc = 0, st, before = glp_get_it_cnt(s->lp);
	bool is_done = false;
	glp_term_hook(sol_glpk_swallow, NULL);
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	if (s->is_solved) {
		/* closed bounds leave the basis dual feasible, opened ones primal
		 * feasible; both: the dual simplex, which GLPK finishes by primal
		 * when it must */
		parm.meth = s->has_closed ? GLP_DUALP : GLP_PRIMAL;
		parm.presolve = GLP_OFF;
		rc = glp_simplex(s->lp, &parm);
		is_done = rc != GLP_EBADB && rc != GLP_ESING && rc != GLP_ECOND;
	} else if (s->col_is_core) {
		size_t rounds;
		parm.meth = GLP_DUALP;
		is_done = sol_sift_solve(s->lp, s->m, s->col_is_core, &parm, 0, &rounds) !=
		          SOL_SIFT_FAILED;
	}
	if (!is_done) { /* cold, or a warm start GLPK could not use */
		glp_std_basis(s->lp);
		parm.meth = GLP_DUALP;
		parm.presolve = GLP_ON;
		rc = glp_simplex(s->lp, &parm); /* leaves the whole model's basis */
	}
	s->iterations += glp_get_it_cnt(s->lp) - before;
	glp_term_hook(NULL, NULL);
	s->has_opened = s->has_closed = false;
	st = glp_get_status(s->lp);
	s->is_solved = rc == 0 && st == GLP_OPT;
	if (rc == GLP_ENOPFS || (rc == 0 && (st == GLP_NOFEAS || st == GLP_INFEAS)))
		*status = SOL_INFEASIBLE;
	else if (rc == GLP_ENODFS || (rc == 0 && st == GLP_UNBND))
		*status = SOL_UNBOUNDED;
	else if (rc != 0)
		return mu_err_set(err, MU_E_SOLVER, "GLPK simplex failed (code %d)", rc);
	else
		*status = st == GLP_OPT ? SOL_OPTIMAL : SOL_FEASIBLE;
	*objective = glp_get_obj_val(s->lp);
	return MU_OK;
}
