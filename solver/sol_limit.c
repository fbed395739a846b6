/*
 * sol_limit.c - what a step of a rota search may still spend (struct
 * sol_limit: the clock and simplex iterations), and a simplex call held to
 * it; a relaxation's simplex in chunks, watched between them for a stop
 * (struct sol_relax_watch). Below sol_glpk.c and the heuristics it runs
 * (sol_polish.c, ...), which all use it: in sol_glpk.c it made sol_glpk.c
 * and sol_polish.c call each other.
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

int sol_relax_simplex(glp_prob *lp, glp_smcp *parm, struct sol_relax_watch *w)
{
	int it_lim = parm->it_lim, tm_lim = parm->tm_lim, rc;
	double deadline = tm_lim < INT_MAX ? mu_time_now() + tm_lim / 1000.0 : 0;
	long done = 0, chunk;
	if (!w)
		return glp_simplex(lp, parm);
	chunk = w->chunk > 0 ? w->chunk : SOL_RELAX_CHUNK;
	parm->presolve = GLP_OFF; /* a presolved problem keeps no basis to go on from */
	for (;;) {
		int before = glp_get_it_cnt(lp);
		long left = (long)it_lim - done;
		parm->it_lim = left < chunk ? (int)left : (int)chunk;
		if (deadline > 0 && !mu_time_ms_until(deadline, &parm->tm_lim)) {
			rc = GLP_ETMLIM;
			break;
		}
		rc = glp_simplex(lp, parm);
		done += glp_get_it_cnt(lp) - before;
		w->iterations += glp_get_it_cnt(lp) - before;
		if (rc != GLP_EITLIM || done >= it_lim)
			break;
		if (w->on_chunk)
			w->on_chunk(w->ctx, w->iterations);
		if (w->stop && *w->stop) {
			rc = GLP_ESTOP;
			break;
		}
	}
	parm->it_lim = it_lim;
	parm->tm_lim = tm_lim;
	return rc;
}
