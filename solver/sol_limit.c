/*
 * sol_limit.c - what a step of a rota search may still spend (struct
 * sol_limit: the clock and simplex iterations), and a simplex call held to
 * it. Below sol_glpk.c and the heuristics it runs (sol_polish.c, ...),
 * which all use it: in sol_glpk.c it made sol_glpk.c and sol_polish.c call
 * each other.
 */
#include "sol_int.h"

#include "core/mu_time.h"

#include <limits.h>

bool sol_limit_is_reached(const struct sol_limit *l)
{
	return (l->deadline > 0 && mu_time_now() >= l->deadline) ||
	       (l->work_end > 0 && *l->work >= l->work_end);
}

int sol_limit_simplex(glp_prob *lp, glp_smcp *parm, const struct sol_limit *l)
{
	int before = glp_get_it_cnt(lp), rc;
	parm->tm_lim = INT_MAX;
	parm->it_lim = INT_MAX;
	if (!mu_time_ms_until(l->deadline, &parm->tm_lim) ||
	    (l->work_end > 0 && *l->work >= l->work_end))
		return GLP_ETMLIM;
	if (l->work_end > 0 && l->work_end - *l->work < INT_MAX)
		parm->it_lim = (int)(l->work_end - *l->work);
	rc = glp_simplex(lp, parm);
	if (l->work)
		*l->work += glp_get_it_cnt(lp) - before;
	return rc;
}
