/*
 * sol_steps.c - sol_blocks_solve and sol_polish run alone on a sol_model,
 * for tests: each loads the model as sol_glpk_solve does and reads back
 * what the step did.
 */
#include "sol_steps.h"

#include "sol_int.h"

#include <stdlib.h>
#include <string.h>

static void init_smcp(glp_smcp *parm)
{
	glp_init_smcp(parm);
	parm->msg_lev = GLP_MSG_OFF;
}

enum mu_code sol_steps_blocks(struct sol_model *m, struct sol_blocks_run *out, struct mu_err *err)
{
	enum mu_code rc;
	glp_smcp parm;
	glp_prob *lp;
	int before;

	memset(out, 0, sizeof(*out));
	if ((rc = sol_glpk_check(m, err)) != MU_OK)
		return rc;
	glp_term_hook(sol_glpk_swallow, NULL);
	lp = sol_glpk_load(m, false);
	init_smcp(&parm);
	out->is_split = sol_blocks_solve(lp, &parm, &out->n_blocks);
	if (out->is_split) {
		out->whole.n_rows = m->n_rows;
		out->whole.n_cols = m->n_cols;
		out->whole.n_nonzeros = m->n_entries;
		before = glp_get_it_cnt(lp);
		if (glp_simplex(lp, &parm) == 0 && glp_get_status(lp) == GLP_OPT) {
			out->whole.status = SOL_OPTIMAL;
			sol_glpk_read_lp(lp, true, &out->whole);
		} else
			out->whole.status = SOL_NO_SOLUTION;
		out->iterations = glp_get_it_cnt(lp) - before;
	}
	glp_delete_prob(lp);
	glp_term_hook(NULL, NULL);
	return MU_OK;
}

enum mu_code sol_steps_polish(struct sol_model *m, double *x, struct sol_polish_run *out,
                              struct mu_err *err)
{
	enum mu_code rc;
	glp_smcp parm;
	glp_prob *lp;
	size_t j;

	memset(out, 0, sizeof(*out));
	if ((rc = sol_glpk_check(m, err)) != MU_OK)
		return rc;
	glp_term_hook(sol_glpk_swallow, NULL);
	lp = sol_glpk_load(m, false);
	for (j = 0; j < m->n_cols; j++)
		if (m->col_is_int[j])
			glp_set_col_bnds(lp, (int)j + 1, GLP_FX, x[j], x[j]);
	init_smcp(&parm);
	if (glp_simplex(lp, &parm) != 0 || glp_get_status(lp) != GLP_OPT) {
		rc = mu_err_set(err, MU_E_SOLVER, "the rota given has no optimal program");
		goto done;
	}
	out->start = out->objective = glp_get_obj_val(lp);
	out->n_moves =
	    sol_polish(lp, m, &parm, &(struct sol_limit){0, 0, NULL}, x, &out->objective);
	out->lp_objective = glp_get_obj_val(lp);
done:
	glp_delete_prob(lp);
	glp_term_hook(NULL, NULL);
	return rc;
}
