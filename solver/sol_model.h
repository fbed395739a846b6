/*
 * sol_model.h - a linear or integer model as rows, columns, bounds, costs
 * and names, built up by the policies and handed whole to a solver. Knows
 * nothing of scenarios, CSV or SQLite. Repeated (row, column) entries are
 * summed, so builders need not merge them (GLPK would abort on a repeat).
 */
#ifndef SOL_MODEL_H
#define SOL_MODEL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#define SOL_INF HUGE_VAL

struct sol_entry {
	size_t row, col;
	double value;
};

struct sol_model {
	size_t n_rows, n_cols, n_entries;
	size_t cap_rows, cap_cols, cap_entries;
	double *row_lo, *row_hi; /* -SOL_INF / SOL_INF when free on that side */
	char **row_names;
	double *col_lo, *col_hi, *col_cost;
	bool *col_is_int;
	char **col_names;
	struct sol_entry *entries;
};

/* A new empty model; free with sol_model_free. */
struct sol_model *sol_model_new(void);

/* Accepts NULL. */
void sol_model_free(struct sol_model *m);

/* Adds a row lo <= a.x <= hi; returns its index. name is copied. */
size_t sol_model_add_row(struct sol_model *m, const char *name, double lo, double hi);

/* Adds a column lo <= x <= hi with cost; returns its index. */
size_t sol_model_add_col(struct sol_model *m, const char *name, double lo, double hi, double cost,
                         bool is_int);

/* Adds value to the coefficient of col in row. */
void sol_model_add_entry(struct sol_model *m, size_t row, size_t col, double value);

/* Sorts entries by (row, col) and sums repeats, dropping zeros. Returns
 * the number of distinct non-zeros. Solvers call it before loading. */
size_t sol_model_compact(struct sol_model *m);

/* The entries by column: column j's are m->entries[at[k]] for k in
 * [first[j], first[j + 1]). *first (n_cols + 1) and *at (n_entries) are
 * the caller's to free. */
void sol_model_by_col(const struct sol_model *m, size_t **first, size_t **at);

/* The entries by row of a compacted model (sorted by row): row i's are
 * m->entries[k] for k in [first[i], first[i + 1]). The array (n_rows + 1)
 * is the caller's to free. */
size_t *sol_model_by_row(const struct sol_model *m);

#endif
