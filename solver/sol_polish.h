/*
 * sol_polish.h - improves a rota by moves of one unit that the duals of
 * the rota's own linear program say will pay: add a staff where a row is
 * short, take one away where it costs more than it covers, or move one
 * from a column to another that shares its full limit. Internal to the
 * solver: only sol_glpk.c calls it (it hands over GLPK's own objects).
 */
#ifndef SOL_POLISH_H
#define SOL_POLISH_H

#include "solver/sol_model.h"

#include <glpk.h>
#include <stddef.h>

/* lp holds the whole of m (compacted) with every integer column fixed at
 * x (GLP_FX) and solved to optimality; *objective is its value. Returns the
 * number of moves kept: x, *objective and lp (still fixed, still solved)
 * then hold the cheaper rota. parm is GLPK's simplex settings (copied);
 * deadline is mu_time_now() seconds, 0 for none. */
size_t sol_polish(glp_prob *lp, const struct sol_model *m, const glp_smcp *parm, double deadline,
                  double *x, double *objective);

#endif
