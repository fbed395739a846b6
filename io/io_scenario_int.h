/*
 * io_scenario_int.h - what io_scenario.c (the scenario's tables: columns,
 * row readers, the files in order) and io_table.c (reading any one table:
 * header, row shape, typed cells, errors at their place) share. Private to
 * io/: nothing outside includes it.
 */
#ifndef IO_SCENARIO_INT_H
#define IO_SCENARIO_INT_H

#include "core/mu_err.h"
#include "core/mu_map.h"
#include "core/mu_parse.h"
#include "core/mu_scenario.h"
#include "io/io_csv.h"
#include "io/io_source.h"

#include <stdbool.h>
#include <stddef.h>

#define IO_TABLE_MAX_COLS 8

/* A column of a table, found in the header by name (case-insensitive). */
struct io_col {
	const char *name;
	bool is_required; /* must be in the header; an empty cell is an error */
};

/* A set of ids of one table, and whether the table could be read at all:
 * references to a table that failed wholesale are not checked, so that one
 * broken header does not drown the real errors in "unknown ..." lines. */
struct io_id_set {
	struct mu_map map;
	bool is_usable;
};

/* Reading one scenario: where errors go and the ids read so far. */
struct io_loader {
	const struct io_source *src;
	struct mu_scenario *sc;
	struct mu_errlist *errors;
	size_t n_errors;
	struct io_id_set partners, roles, shifts, bank;
};

/* One table being read, and the row at hand. */
struct io_table {
	struct io_loader *ld;
	const char *file;
	const struct io_csv_table *csv;
	const struct io_col *cols;
	size_t n_cols;
	long field_of[IO_TABLE_MAX_COLS]; /* header position of each column, -1 = absent */
	const struct io_csv_row *row;
	bool is_row_ok;     /* no error in the current row so far */
	struct mu_map keys; /* composite key -> line of first row */
};

/* One file of a scenario: io_scenario.c's file_specs lists them. */
struct io_file_spec {
	const char *name;
	bool is_required;      /* the file must exist */
	const char *needs_row; /* non-NULL: at least one row, named so */
	const struct io_col *cols;
	size_t n_cols;
	void (*read_row)(struct io_table *t);
	struct io_id_set *(*ids)(struct io_loader *ld); /* the table's ids, if any */
};

#define QUOTE(q, s, len) mu_err_quote((q), sizeof(q), (s), (len))

/* ---- errors (io_table.c) ---------------------------------------------- */

/* An error at a place that is not a cell of a row being read: a file, a
 * header cell, a row's shape. line and col may be 0 (not known). */
void io_table_place_error(struct io_loader *ld, const char *file, unsigned long line,
                          unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* An error at column col of the current row; the row is then not ok. */
void io_table_error(struct io_table *t, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Appends name to the comma-separated list in out (of size bytes). */
void io_table_list_append(char *out, size_t size, const char *name);

/* ---- cells (io_table.c) ------------------------------------------------
 * Each getter reports a bad cell through io_table_error and returns false;
 * reading goes on, so that every error of a file is found. */

/* The trimmed text of column col in the current row; "" when absent. */
const char *io_table_cell(const struct io_table *t, size_t col, size_t *len);

/* True when the cell has a value; reports an empty required cell. */
bool io_table_has_value(struct io_table *t, size_t col);

/* An identifier; *out (when out is not NULL) a copy, the caller's. */
bool io_table_id(struct io_table *t, size_t col, char **out);

/* Resolves an identifier against ids; `*` gives MU_ALL where is_star_ok.
 * False on any error, and when ids is not usable. */
bool io_table_ref(struct io_table *t, size_t col, const struct io_id_set *ids, const char *what,
                  bool is_star_ok, size_t *out);

/* A number in rule: empty gives dflt and *is_set = false (is_set may be
 * NULL); an empty required cell is an error. */
bool io_table_number(struct io_table *t, size_t col, const struct mu_range *rule, double dflt,
                     double *out, bool *is_set);

/* An integer count in rule; empty gives dflt. */
bool io_table_count(struct io_table *t, size_t col, const struct mu_range *rule, long dflt,
                    long *out);

/* Free text (names, bands): at most MU_NAME_MAX characters; empty gives
 * dflt (copied). *out is the caller's, also on failure. */
bool io_table_text(struct io_table *t, size_t col, const char *dflt, char **out);

/* One of names (case-insensitive), as its index; empty gives dflt. */
bool io_table_keyword(struct io_table *t, size_t col, const char *const *names, size_t n_names,
                      int dflt, int *out);

/* yes or no; empty gives dflt. */
bool io_table_yes_no(struct io_table *t, size_t col, bool dflt, bool *out);

/* HH:MM, required. */
bool io_table_time(struct io_table *t, size_t col, int *out);

/* Registers a composite key (indices) of the current row; reports a repeat
 * at column col. what names the key for the message. */
bool io_table_unique(struct io_table *t, size_t col, const size_t *idx, size_t n_idx,
                     const char *what);

/* Adds the row's id (column col) to ids as index, reporting a repeat. */
bool io_table_add_id(struct io_table *t, size_t col, struct io_id_set *ids, size_t index,
                     const char *what);

/* ---- a whole file (io_table.c) ---------------------------------------- */

/* Reads file f as spec says: header bound to spec's columns, every row of
 * the right shape handed to spec->read_row; errors go to ld. */
void io_table_read(struct io_loader *ld, const struct io_file_spec *spec, const struct io_file *f);

#endif
