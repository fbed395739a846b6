/*
 * sol_sift.h - the linear relaxation of a model with many more columns than
 * rows, solved by sifting. Internal to the solver: only sol_glpk.c calls it
 * (it hands over GLPK's own objects).
 */
#ifndef SOL_SIFT_H
#define SOL_SIFT_H

#include "solver/sol_model.h"

#include <glpk.h>
#include <stdbool.h>

enum sol_sift_outcome {
	SOL_SIFT_OPTIMAL, /* lp holds an optimal basis and solution */
	SOL_SIFT_TIME_UP, /* deadline passed; lp is unsolved */
	SOL_SIFT_FAILED   /* no answer (infeasible, unbounded, GLPK trouble): solve lp whole */
};

/* Solves the relaxation of lp, which holds the whole of m (compacted), by
 * sifting from the columns col_is_core marks: those must let every row be
 * met (short and breach do). parm is GLPK's simplex settings (copied, not
 * changed); deadline is mu_time_now() seconds, 0 for none. *n_rounds
 * gets the number of working LPs solved. */
enum sol_sift_outcome sol_sift_solve(glp_prob *lp, const struct sol_model *m,
                                     const bool *col_is_core, const glp_smcp *parm, double deadline,
                                     size_t *n_rounds);

#endif
