/*
 * io_csv.h - reads one CSV file into a table of trimmed cells, each with the
 * physical line it starts on and its field number. The only user of libcsv.
 * It checks what is below the columns: quoting, UTF-8, NUL bytes, a BOM
 * anywhere but the start, and bounds on field size and row count.
 */
#ifndef IO_CSV_H
#define IO_CSV_H

#include "core/mu_err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define IO_CSV_FIELD_MAX                                                                           \
	65536 /* bytes in one field, quotes removed, spaces around it not counted */
#define IO_CSV_FIELDS_MAX 1000    /* fields in one row */
#define IO_CSV_ROWS_MAX 1000000UL /* data rows in one file (the header not counted) */

struct io_csv_cell {
	size_t off; /* into table->text; the text is NUL-terminated */
	size_t len;
	unsigned long line; /* physical line where the field starts */
};

struct io_csv_row {
	size_t first; /* index of its first cell in table->cells */
	size_t n_cells;
	unsigned long line;     /* line of its first field */
	unsigned long end_line; /* line where the row ends */
};

struct io_csv_table {
	char *file; /* the name used in errors */
	char *text; /* all cell texts */
	struct io_csv_cell *cells;
	struct io_csv_row *rows; /* rows[0] is the header, when there is one */
	size_t n_rows;
};

struct io_csv_parser;

/* A parser for the file named file (used in errors). Free with
 * io_csv_parser_free. */
struct io_csv_parser *io_csv_parser_new(const char *file);

/* Feeds the next len bytes, in any chunking. Returns MU_OK or MU_E_INPUT
 * (err says where); after an error, further feeds are ignored. */
enum mu_code io_csv_parser_feed(struct io_csv_parser *p, const char *data, size_t len,
                                struct mu_err *err);

/* Ends the input. On success *out (when out is not NULL) is the table, the
 * caller's to free with io_csv_table_free; with a row function it holds the
 * header only. Returns MU_OK or MU_E_INPUT. */
enum mu_code io_csv_parser_finish(struct io_csv_parser *p, struct io_csv_table **out,
                                  struct mu_err *err);

/* Accepts NULL. */
void io_csv_parser_free(struct io_csv_parser *p);

/* Called as each row ends, with a view that holds the header (rows[0]) and,
 * from the second row on, the row just read (rows[1]): view->n_rows is 1 for
 * the header, 2 after. The view is borrowed, valid during the call. Returns
 * false to stop reading the file (a header whose rows cannot be read). */
typedef bool (*io_csv_row_fn)(const struct io_csv_table *view, void *user);

/* Hands each row to row_fn instead of keeping it (call before the first
 * feed): the parser then holds the header and one row, never the file's
 * cells, so that its memory is bounded by the longest row. Once row_fn has
 * returned false the rest of the input is ignored and feed and finish
 * return MU_OK. */
void io_csv_parser_set_row_fn(struct io_csv_parser *p, io_csv_row_fn row_fn, void *user);

/* Reads a whole buffer: new, feed, finish. */
enum mu_code io_csv_read(const char *file, const char *data, size_t len, struct io_csv_table **out,
                         struct mu_err *err);

/* Reads a whole buffer row by row: new, set_row_fn, feed, finish. The rows
 * before a CSV-level error have been handed to row_fn when it returns
 * MU_E_INPUT. */
enum mu_code io_csv_read_rows(const char *file, const char *data, size_t len, io_csv_row_fn row_fn,
                              void *user, struct mu_err *err);

/* Accepts NULL. */
void io_csv_table_free(struct io_csv_table *table);

static inline const char *io_csv_cell_text(const struct io_csv_table *t,
                                           const struct io_csv_cell *c)
{
	return t->text + c->off;
}

/* Writes one CSV field to fp, quoted (RFC 4180) only when it needs to be. */
void io_csv_write_field(FILE *fp, const char *s);

/* As io_csv_write_field, for a cell of text (a name, an id, a sentence):
 * one that begins with =, +, -, @, a tab or a carriage return gets a
 * leading ' so that a spreadsheet shows it as text and never runs it as a
 * formula (DESIGN.md §4). Ids need it too: `-A1` is a valid identifier.
 * Every text cell muster writes goes through here; numbers are printed
 * by the writers themselves. */
void io_csv_write_text(FILE *fp, const char *s);

/* Writes n text cells (io_csv_write_text), comma separated, with no comma
 * before the first or after the last. */
void io_csv_write_row(FILE *fp, const char *const *cells, size_t n);

#endif
