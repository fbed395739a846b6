/*
 * sol_jensen.h - a lower bound on a two-stage programme's optimum by
 * Jensen's inequality: the model whose second stage is a few mean blocks
 * (each the mean of a group of the blocks, by their bounds) in place of
 * every block (sol_jensen.c says why it is a bound, and when it is not).
 */
#ifndef SOL_JENSEN_H
#define SOL_JENSEN_H

#include "solver/sol_model.h"

#include <stddef.h>

/* The model of m (a two-stage programme: col_block[j] is column j's block,
 * 0 the first stage, 1..n_blocks a scenario's second stage, each block's
 * cost already weighed by its probability) with the blocks of each group
 * (group_of[k] the group of block k + 1, 0..n_groups - 1, every group
 * non-empty) replaced by one: the group's first block with each bound of
 * its rows and columns the mean of the group's, and each cost the sum of
 * theirs. Its optimum is at most m's (in either mode: the first stage
 * keeps its integers), and equal to it when every group is one block.
 * NULL when that does not hold: a row with columns of two blocks, or two
 * blocks of a group that differ in more than bounds (their rows, columns,
 * coefficients, costs, integers, or a side infinite in one and not in the
 * other). m is compacted (sol_model_compact). *col_of (n_cols of the
 * result) gets, per column of the result, the column of m it stands for;
 * the caller's, as is the result (sol_model_free). */
struct sol_model *sol_jensen_model(struct sol_model *m, const size_t *col_block, size_t n_blocks,
                                   const size_t *group_of, size_t n_groups, size_t **col_of);

#endif
