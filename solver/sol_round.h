/*
 * sol_round.h - LP-guided rounding: a first integer solution from the
 * linear relaxation, so that a rota search stopped early still has a rota.
 */
#ifndef SOL_ROUND_H
#define SOL_ROUND_H

#include "solver/sol_model.h"

/* Rounds the integer columns of x_lp (one value per column of m) that
 * is_binary selects - the 0/1 columns, or the others - into x: each down,
 * then, largest fraction first, up where every row's upper limit still
 * holds. Other columns are copied; the caller re-optimises them with the
 * rounded ones fixed. m must be compacted. */
void sol_round_lp(const struct sol_model *m, const double *x_lp, bool is_binary, double *x);

/* True when column j is an integer column with bounds 0 and 1. */
bool sol_round_is_binary(const struct sol_model *m, size_t j);

#endif
