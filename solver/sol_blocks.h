/*
 * sol_blocks.h - an LP whose columns fall apart into independent groups of
 * rows, solved one group at a time. Internal to the solver (it takes
 * GLPK's own objects).
 */
#ifndef SOL_BLOCKS_H
#define SOL_BLOCKS_H

#include <glpk.h>
#include <stdbool.h>
#include <stddef.h>

/* When lp's rows fall into two or more blocks that share no column, solves
 * each block alone with the simplex settings parm (copied; presolve off)
 * and gives lp the optimal basis they make together; lp itself is left
 * unsolved, so a simplex call from that basis finishes in no iterations.
 * *n_blocks gets the number of blocks. Returns false, lp's basis then
 * partly changed, when lp is one block, has a column in no row, or a
 * block has no optimum (infeasible, unbounded, GLPK trouble): solve it
 * whole then. */
bool sol_blocks_solve(glp_prob *lp, const glp_smcp *parm, size_t *n_blocks);

#endif
