/*
 * sol_basis.c - a basis by name, for warm starts across rebuilt models.
 */
#include "sol_basis.h"

#include "solver/sol_glpk.h"

#include <string.h>

void sol_basis_init(struct sol_basis *b)
{
	mu_map_init(&b->rows);
	mu_map_init(&b->cols);
}

void sol_basis_release(struct sol_basis *b)
{
	mu_map_release(&b->rows);
	mu_map_release(&b->cols);
}

static void keep(struct mu_map *map, char *const *names, size_t n, const unsigned char *stat)
{
	size_t i;
	for (i = 0; i < n; i++)
		mu_map_put(map, names[i], strlen(names[i]), stat[i]);
}

static void look_up(const struct mu_map *map, char *const *names, size_t n, unsigned char *stat)
{
	size_t i, v;
	for (i = 0; i < n; i++)
		stat[i] = mu_map_get(map, names[i], strlen(names[i]), &v) ? (unsigned char)v
		                                                          : SOL_BASIS_NONE;
}

void sol_basis_keep(struct sol_basis *b, const struct sol_model *m, const unsigned char *rows,
                    const unsigned char *cols)
{
	sol_basis_release(b);
	sol_basis_init(b);
	keep(&b->rows, m->row_names, m->n_rows, rows);
	keep(&b->cols, m->col_names, m->n_cols, cols);
}

void sol_basis_for(const struct sol_basis *b, const struct sol_model *m, unsigned char *rows,
                   unsigned char *cols)
{
	look_up(&b->rows, m->row_names, m->n_rows, rows);
	look_up(&b->cols, m->col_names, m->n_cols, cols);
}
