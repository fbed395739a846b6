/*
 * sol_steps.h - two of the solver's inner steps run alone on a sol_model:
 * solving block by block (sol_blocks.c) and polishing a rota (sol_polish.c).
 * sol_glpk_solve runs them only inside a whole solve, where a hand-solved
 * model cannot see what each did; these let a test check them without
 * GLPK's objects.
 */
#ifndef SOL_STEPS_H
#define SOL_STEPS_H

#include "core/mu_err.h"
#include "solver/sol_glpk.h"
#include "solver/sol_model.h"

#include <stdbool.h>
#include <stddef.h>

struct sol_blocks_run {
	/* solved block by block; false when m is one block, has a column in
	 * no row, or a block has no optimum (a solve takes m whole then) */
	bool is_split;
	size_t n_blocks;
	/* With is_split: one simplex call over all of m from the basis the
	 * blocks made, its iterations (0 when that basis is optimal, as it
	 * should be) and its answer: status, objective, x, row_dual,
	 * col_dual, row_activity, row_basis and col_basis. */
	int iterations;
	struct sol_result whole;
};

/* Solves the linear relaxation of m (compacted here) as sifting solves its
 * first working LP: block by block, then whole from their basis. On MU_OK
 * *out is filled; release out->whole with sol_result_release (also when
 * not split: it is then empty). MU_E_SOLVER for a model GLPK cannot take. */
enum mu_code sol_steps_blocks(struct sol_model *m, struct sol_blocks_run *out, struct mu_err *err);

struct sol_polish_run {
	size_t n_moves;      /* moves kept (a swap is two) */
	double start;        /* the objective of the rota as given */
	double objective;    /* after the moves, as polishing reckons it */
	double lp_objective; /* of the rota's program as polishing left it: the same */
};

/* Fixes m's integer columns (m compacted here) at x, one value per
 * column, solves for the others and polishes that rota as a rota search
 * does, with no deadline; x then holds the polished rota's integer
 * columns. On MU_OK *out is filled. MU_E_SOLVER for a model GLPK cannot
 * take, or when the rota as given has no optimal program. */
enum mu_code sol_steps_polish(struct sol_model *m, double *x, struct sol_polish_run *out,
                              struct mu_err *err);

#endif
