/*
 * sol_basis.h - a simplex basis kept by row and column name, so that it can
 * warm-start a model built anew from a changed scenario (a sweep's next
 * point): what has the same name starts where it stood.
 */
#ifndef SOL_BASIS_H
#define SOL_BASIS_H

#include "core/mu_map.h"
#include "solver/sol_model.h"

struct sol_basis {
	struct mu_map rows, cols; /* name -> enum sol_basis_status */
};

/* Keeps the basis of m (one status per row and column, as sol_result's
 * row_basis and col_basis). Replaces what b held. */
void sol_basis_keep(struct sol_basis *b, const struct sol_model *m, const unsigned char *rows,
                    const unsigned char *cols);

/* The statuses of m's rows and columns by name (arrays of n_rows and
 * n_cols); SOL_BASIS_NONE for names b does not hold. */
void sol_basis_for(const struct sol_basis *b, const struct sol_model *m, unsigned char *rows,
                   unsigned char *cols);

void sol_basis_init(struct sol_basis *b);
void sol_basis_release(struct sol_basis *b);

#endif
