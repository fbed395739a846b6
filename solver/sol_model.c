/*
 * sol_model.c - the model under construction: growable arrays of rows,
 * columns and matrix entries.
 */
#include "sol_model.h"

#include "core/mu_alloc.h"

#include <stdlib.h>
#include <string.h>

struct sol_model *sol_model_new(void)
{
	return mu_calloc(1, sizeof(struct sol_model));
}

void sol_model_free(struct sol_model *m)
{
	size_t i;
	if (!m)
		return;
	for (i = 0; i < m->n_rows; i++)
		free(m->row_names[i]);
	for (i = 0; i < m->n_cols; i++)
		free(m->col_names[i]);
	free(m->row_lo);
	free(m->row_hi);
	free(m->row_names);
	free(m->col_lo);
	free(m->col_hi);
	free(m->col_cost);
	free(m->col_is_int);
	free(m->col_names);
	free(m->entries);
	free(m);
}

/* Parallel arrays share one capacity and grow together. */
static size_t next_cap(size_t cap)
{
	return cap ? 2 * cap : 64;
}

size_t sol_model_add_row(struct sol_model *m, const char *name, double lo, double hi)
{
	if (m->n_rows == m->cap_rows) {
		m->cap_rows = next_cap(m->cap_rows);
		m->row_lo = mu_reallocarray(m->row_lo, m->cap_rows, sizeof(double));
		m->row_hi = mu_reallocarray(m->row_hi, m->cap_rows, sizeof(double));
		m->row_names = mu_reallocarray(m->row_names, m->cap_rows, sizeof(char *));
	}
	m->row_lo[m->n_rows] = lo;
	m->row_hi[m->n_rows] = hi;
	m->row_names[m->n_rows] = mu_strdup(name);
	return m->n_rows++;
}

size_t sol_model_add_col(struct sol_model *m, const char *name, double lo, double hi, double cost,
                         bool is_int)
{
	if (m->n_cols == m->cap_cols) {
		m->cap_cols = next_cap(m->cap_cols);
		m->col_lo = mu_reallocarray(m->col_lo, m->cap_cols, sizeof(double));
		m->col_hi = mu_reallocarray(m->col_hi, m->cap_cols, sizeof(double));
		m->col_cost = mu_reallocarray(m->col_cost, m->cap_cols, sizeof(double));
		m->col_is_int = mu_reallocarray(m->col_is_int, m->cap_cols, sizeof(bool));
		m->col_names = mu_reallocarray(m->col_names, m->cap_cols, sizeof(char *));
	}
	m->col_lo[m->n_cols] = lo;
	m->col_hi[m->n_cols] = hi;
	m->col_cost[m->n_cols] = cost;
	m->col_is_int[m->n_cols] = is_int;
	m->col_names[m->n_cols] = mu_strdup(name);
	return m->n_cols++;
}

void sol_model_add_entry(struct sol_model *m, size_t row, size_t col, double value)
{
	struct sol_entry *e;
	MU_GROW(m->entries, m->cap_entries, m->n_entries + 1);
	e = &m->entries[m->n_entries++];
	e->row = row;
	e->col = col;
	e->value = value;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct sol_entry *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

size_t sol_model_compact(struct sol_model *m)
{
	size_t i, n = 0;
	qsort(m->entries, m->n_entries, sizeof(*m->entries), cmp_entry);
	for (i = 0; i < m->n_entries; i++) {
		if (n > 0 && m->entries[n - 1].row == m->entries[i].row &&
		    m->entries[n - 1].col == m->entries[i].col)
			m->entries[n - 1].value += m->entries[i].value;
		else
			m->entries[n++] = m->entries[i];
	}
	m->n_entries = n;
	n = 0;
	for (i = 0; i < m->n_entries; i++)
		if (m->entries[i].value != 0)
			m->entries[n++] = m->entries[i];
	m->n_entries = n;
	return n;
}

void sol_model_by_col(const struct sol_model *m, size_t **first, size_t **at)
{
	size_t *start = mu_calloc(m->n_cols + 2, sizeof(size_t));
	size_t *index = mu_malloc((m->n_entries + 1) * sizeof(size_t)), i, j;
	for (i = 0; i < m->n_entries; i++)
		start[m->entries[i].col + 1]++;
	for (j = 0; j < m->n_cols; j++)
		start[j + 1] += start[j];
	for (i = 0; i < m->n_entries; i++)
		index[start[m->entries[i].col]++] = i;
	/* each start[j] has moved on to where column j + 1 begins */
	for (j = m->n_cols; j > 0; j--)
		start[j] = start[j - 1];
	start[0] = 0;
	*first = start;
	*at = index;
}

size_t *sol_model_by_row(const struct sol_model *m)
{
	size_t *first = mu_calloc(m->n_rows + 2, sizeof(size_t)), i;
	for (i = 0; i < m->n_entries; i++)
		first[m->entries[i].row + 1]++;
	for (i = 0; i < m->n_rows; i++)
		first[i + 1] += first[i];
	return first;
}
