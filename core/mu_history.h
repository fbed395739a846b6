/*
 * mu_history.h - the past shifts of history.csv (DESIGN.md §3e) in memory:
 * what each (partner, role, day, start) needed and who was absent, typed,
 * as columns of plain arrays (no string per row), so that a file of
 * 1,000,000 rows takes about 32 bytes a row; and the rows grouped into
 * series, one per (partner, role, start), each in day order: what the
 * forecaster reads. io/io_history.c fills it from a file.
 */
#ifndef MU_HISTORY_H
#define MU_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One row, as mu_history_append takes it. */
struct mu_history_row {
	size_t partner, role; /* indices into the scenario's partners and roles */
	long day;             /* days since 1970-01-01, as mu_parse_date gives */
	int start;            /* minutes since midnight */
	double required;      /* staff needed on that shift, as recorded */
	int absent;           /* own staff rostered and not there; 0 without the column */
};

/* Column i of each array is row i. Partner and role are 32-bit indices:
 * a scenario never has 4 billion partners, and at a million rows the
 * 8 bytes saved a row are a fifth of the history's memory. */
struct mu_history {
	size_t n_rows;
	uint32_t *partner; /* index into the scenario's partners */
	uint32_t *role;    /* index into its roles */
	long *day;         /* days since 1970-01-01 */
	int *start;        /* minutes since midnight, 0 to 1439 */
	double *required;  /* >= 0 */
	int *absent;       /* >= 0; NULL when !has_absent */
	bool has_absent;   /* the file had the absent column */
	bool is_sorted;    /* rows in (partner, role, start, day) order: mu_history_sort */
	size_t cap;        /* rows the arrays have room for */
};

/* One series: the rows of one (partner, role, start), days ascending. */
struct mu_history_series {
	uint32_t partner, role;
	int start;
	size_t first;  /* its first row in the sorted history */
	size_t n_rows; /* its rows are first .. first + n_rows - 1 */
};

/* An empty history; has_absent says whether rows carry absent. */
void mu_history_init(struct mu_history *h, bool has_absent);

/* Frees the arrays; h is empty after (accepts an empty h). */
void mu_history_release(struct mu_history *h);

/* Appends a row (the history is then not sorted). Grows the arrays by
 * doubling; aborts on out of memory (mu_alloc). */
void mu_history_append(struct mu_history *h, const struct mu_history_row *row);

/* Frees the room beyond n_rows. */
void mu_history_shrink(struct mu_history *h);

/* Sorts the rows by (partner, role, start, day), stably: rows of one key
 * keep their order. Returns the permutation, the caller's to free:
 * element i is the index row i had before (so that a caller's own
 * per-row array, lines in a file, can follow). NULL when n_rows is 0.
 * Takes 12 bytes a row beside the history while it runs. */
uint32_t *mu_history_sort(struct mu_history *h);

/* The series of a sorted history, in its order (partner, role, start):
 * *out the caller's, freed with free() (NULL when there are none).
 * Returns their number. */
size_t mu_history_series_list(const struct mu_history *h, struct mu_history_series **out);

/* The series of (partner, role, start) in list (of n, as
 * mu_history_series_list gives it), or NULL. Binary search. */
const struct mu_history_series *mu_history_series_find(const struct mu_history_series *list,
                                                       size_t n, size_t partner, size_t role,
                                                       int start);

#endif
