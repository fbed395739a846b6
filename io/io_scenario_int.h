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
#include <stdint.h>

#define IO_TABLE_MAX_COLS 8

/* A column of a table, found in the header by name (case-insensitive). */
struct io_col {
	const char *name;
	bool is_required; /* must be in the header; an empty cell is an error */
};

/* A set of ids of one table, and whether the table could be read at all:
 * references to a table that failed wholesale (or has no rows) are not
 * checked, so that one broken header does not drown the real errors in
 * "unknown ..." lines. Likewise an id on a row of the wrong shape (an
 * unquoted 45,000 splits a row in two) is in broken: it was not read, its
 * row's error is the cause, and references to it add no errors of their own. */
struct io_id_set {
	struct mu_map map;
	struct mu_map broken;
	const char *file; /* the table that defines the ids, for messages */
	bool is_usable;
	bool *is_named; /* n_named: is_named[i] when id i is referenced somewhere */
	size_t n_named;
};

/* What many errors can follow from, each reported once (DESIGN.md §2). */
enum io_cause_kind {
	IO_CAUSE_UNKNOWN_ID,   /* an id its table lacks, named in many places */
	IO_CAUSE_NO_BANK_RATE, /* bank workers of a role caps.csv gives no bank_rate */
	IO_CAUSE_NO_CAPS,      /* bank workers, and no caps.csv at all */
	IO_CAUSE_DATE_FORM,    /* a column of dates a spreadsheet wrote as 30/11/2026 */
	IO_CAUSE_NUMBER_FORM,  /* a column of numbers in scientific format, 3.00E+03 */
};

/* A place in a file: a line, and a field number (1-based; 0: the whole
 * row). line 0: no place. */
struct io_place {
	unsigned long line, col;
};

/* Where a supply.csv row's cells are, for its warnings (io_warnings.c). */
struct io_supply_at {
	struct io_place elasticity, reference_rate;
};

/* Where a flow.csv row's cells are, for its warnings (io_warnings.c). */
struct io_flow_at {
	struct io_place waiting, care_hours, ward_hours, bed_day_cost;
};

/* One cause: its error was reported at the first place it showed; every
 * later place only counts here, and io_scenario.c words the error with the
 * count once every file is read (io_causes.c). */
struct io_cause {
	enum io_cause_kind kind;
	size_t item; /* its error in ld->errors->items; SIZE_MAX: the list did not keep it */
	size_t n_places;
	unsigned files;              /* bit i: file i of file_specs has a place */
	const struct io_id_set *ids; /* the table an unknown id is missing from */
	char value[256];             /* the id or role, quoted */
	/* IO_CAUSE_DATE_FORM: the first date read day first and month first
	 * ("" where that is no date), and how many dates of the column read
	 * only day first, and only month first */
	char dates[2][11];
	size_t n_only[2];
};

/* Reading one scenario: where errors and warnings go, the ids read so far,
 * and the causes of errors. */
struct io_loader {
	const struct io_source *src;
	struct mu_scenario *sc;
	struct mu_errlist *errors;
	struct mu_errlist *warnings; /* may be NULL */
	size_t n_errors;
	struct io_id_set partners, roles, shifts, bank;
	size_t file_no;          /* the file being read: an index into file_specs */
	struct mu_map cause_of;  /* kind and value -> index into causes */
	struct io_cause *causes; /* n_causes */
	size_t n_causes;
	bool has_caps_file;             /* caps.csv is in the folder */
	bool is_caps_whole;             /* ... and every row of it was read */
	unsigned long *demand_line;     /* the line of each row of sc->demand */
	unsigned long demand_min_col;   /* the field of its minimum; 0: no such column */
	struct io_place *bank_cap_at;   /* per role (n_roles), its caps.csv bank_cap; NULL: none */
	struct io_supply_at *supply_at; /* per row of sc->supply */
	struct io_flow_at *flow_at;     /* per row of sc->flows */
	/* demand.csv was read whole with no error, so flow.csv (§3f) may be
	 * checked against its rows */
	bool is_demand_clean;
};

/* ---- causes (io_causes.c) ---------------------------------------------- */

/* Words the error of each cause of many errors with its count, now that
 * every file is read and every place counted. */
void io_causes_word(struct io_loader *ld);

/* ---- warnings (io_warnings.c) ------------------------------------------ */

/* Adds to ld->warnings (when not NULL) what DESIGN.md §2 warns of in a
 * valid scenario: bank workers who cannot work for want of availability,
 * agency offers that are all break-glass while break-glass is not allowed,
 * demand rows whose minimum no source could ever cover; and of §3d: a
 * bank_cap above its role's agency_cap, an elasticity above 2, a
 * reference_rate more than 50% away from its role's bank_rate. */
void io_warnings_add(struct io_loader *ld);

/* Adds one warning to ld->warnings, at a file and place (line and col may be
 * 0). */
void io_warnings_at(struct io_loader *ld, const char *file, unsigned long line, unsigned long col,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

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

/* An error at column col that may be one of many with one cause, named by
 * kind and (key, key_len): the first place is reported as io_table_error
 * does, later places are only counted on the cause. The row is not ok
 * either way. Returns the cause (borrowed, valid until the next one is
 * added); its n_places is 1 at the first place. */
struct io_cause *io_table_cause_error(struct io_table *t, size_t col, enum io_cause_kind kind,
                                      const char *key, size_t key_len, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Reports (s, len) in column col as an id that ids lacks: "unknown partner
 * 'hospice'", then in_column (e.g. " in column 'partners'", or ""); one
 * error per id however often it is named (IO_CAUSE_UNKNOWN_ID). */
void io_table_unknown(struct io_table *t, size_t col, const struct io_id_set *ids, const char *what,
                      const char *s, size_t len, const char *in_column);

/* Looks (s, len) up in ids: IO_ID_FOUND with *out set (and the id marked
 * as named), IO_ID_BROKEN (its row could not be read), or IO_ID_UNKNOWN. */
enum io_id_found { IO_ID_FOUND, IO_ID_BROKEN, IO_ID_UNKNOWN };
enum io_id_found io_id_set_find(struct io_id_set *ids, const char *s, size_t len, size_t *out);

/* Appends name to the comma-separated list in out (of size bytes). */
void io_table_list_append(char *out, size_t size, const char *name);

/* ---- cells (io_table.c) ------------------------------------------------
 * Each getter reports a bad cell through io_table_error and returns false;
 * reading goes on, so that every error of a file is found. */

/* Where column col of the current row is: the line where its cell starts
 * and its field number, or the row's line and field 0 when the header has
 * no such column. What an error at the cell names. */
struct io_place io_table_where(const struct io_table *t, size_t col);

/* The trimmed text of column col in the current row; "" when absent. */
const char *io_table_cell(const struct io_table *t, size_t col, size_t *len);

/* True when the cell has a value; reports an empty required cell. */
bool io_table_has_value(struct io_table *t, size_t col);

/* An identifier; *out (when out is not NULL) a copy, the caller's. */
bool io_table_id(struct io_table *t, size_t col, char **out);

/* Resolves an identifier against ids; `*` gives MU_ALL where is_star_ok.
 * False on any error, and when ids is not usable. */
bool io_table_ref(struct io_table *t, size_t col, struct io_id_set *ids, const char *what,
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

/* YYYY-MM-DD, a real calendar date, required; *out days since
 * 1970-01-01. A column of dates a spreadsheet wrote as 30/11/2026 is one
 * error with its fix (IO_CAUSE_DATE_FORM). */
bool io_table_date(struct io_table *t, size_t col, long *out);

/* Registers a composite key (indices) of the current row; reports a repeat
 * at column col. what names the key for the message. */
bool io_table_unique(struct io_table *t, size_t col, const size_t *idx, size_t n_idx,
                     const char *what);

/* Adds the row's id (column col) to ids as index, reporting a repeat. */
bool io_table_add_id(struct io_table *t, size_t col, struct io_id_set *ids, size_t index,
                     const char *what);

/* ---- a whole file (io_table.c) ---------------------------------------- */

/* Reads file f as spec says: header bound to spec's columns, every row of
 * the right shape handed to spec->read_row; errors go to ld. For a table
 * with ids, the id is spec's first column. True when the file was read
 * whole: its header bound and every row of the right shape. */
bool io_table_read(struct io_loader *ld, const struct io_file_spec *spec, const struct io_file *f);

/* Hands over a file's next bytes: *data and *len (0 at the end; the
 * first call's bytes are the file's first, all of them or at least 8).
 * MU_OK, or the code of an error in err (a read that failed). */
typedef enum mu_code (*io_table_next_fn)(void *user, const char **data, size_t *len,
                                         struct mu_err *err);

/* As io_table_read, for a file read in pieces by next (named file in
 * errors), so that a file far larger than a table's rows (history.csv)
 * need never be in memory whole: the CSV parser holds one row. */
bool io_table_read_stream(struct io_loader *ld, const struct io_file_spec *spec, const char *file,
                          io_table_next_fn next, void *user);

#endif
