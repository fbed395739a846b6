/*
 * io_table.c - reading one table of a scenario: the file parsed by io_csv,
 * its header bound to the table's columns, each row checked for shape and
 * handed to the table's row reader, and the typed cell getters that reader
 * uses. Every bad cell is reported at its place and reading goes on.
 */
#include "io_scenario_int.h"

#include "core/mu_alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------- */

/* Every error goes through here: the list keeps it, the count rejects the
 * scenario (the list may be NULL). */
static void keep_error(struct io_loader *ld, const struct mu_err *err)
{
	mu_errlist_add(ld->errors, err);
	ld->n_errors++;
}

static void add_error(struct io_loader *ld, const char *file, unsigned long line, unsigned long col,
                      const char *column, const char *fmt, va_list ap)
{
	struct mu_err err;
	mu_err_clear(&err);
	mu_err_vset_at(&err, MU_E_INPUT, file, line, col, column, fmt, ap);
	keep_error(ld, &err);
}

/* An error at a place that is not a cell of a row being read: a file, a
 * header cell, a row's shape. line and col may be 0 (not known). */
void io_table_place_error(struct io_loader *ld, const char *file, unsigned long line,
                          unsigned long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_error(ld, file, line, col, NULL, fmt, ap);
	va_end(ap);
}

void io_table_error(struct io_table *t, size_t col, const char *fmt, ...)
{
	va_list ap;
	long field = t->field_of[col];
	unsigned long line = t->row->line, fieldno = 0;
	if (field >= 0) {
		line = t->csv->cells[t->row->first + (size_t)field].line;
		fieldno = (unsigned long)field + 1;
	}
	va_start(ap, fmt);
	add_error(t->ld, t->file, line, fieldno, t->cols[col].name, fmt, ap);
	va_end(ap);
	t->is_row_ok = false;
}

/* Appends name to the comma-separated list in out (of size bytes). */
void io_table_list_append(char *out, size_t size, const char *name)
{
	size_t used = strlen(out);
	snprintf(out + used, size - used, "%s%s", used ? ", " : "", name);
}

/* ---- cells ----------------------------------------------------------- */

/* The trimmed text of column col in the current row; "" when absent. */
const char *io_table_cell(const struct io_table *t, size_t col, size_t *len)
{
	const struct io_csv_cell *c;
	if (t->field_of[col] < 0) {
		*len = 0;
		return "";
	}
	c = &t->csv->cells[t->row->first + (size_t)t->field_of[col]];
	*len = c->len;
	return io_csv_cell_text(t->csv, c);
}

/* True when the cell has a value; reports an empty required cell. */
bool io_table_has_value(struct io_table *t, size_t col)
{
	size_t len;
	io_table_cell(t, col, &len);
	if (len > 0)
		return true;
	if (t->cols[col].is_required)
		io_table_error(t, col, "empty value in required column '%s'", t->cols[col].name);
	return false;
}

/* Reports (s, len) of column col unless it is an identifier. */
static bool check_identifier(struct io_table *t, size_t col, const char *s, size_t len)
{
	char q[256];
	if (mu_parse_is_identifier(s, len))
		return true;
	io_table_error(
	    t, col, "invalid identifier '%s' in column '%s' (1-64 characters of A-Z a-z 0-9 _ . -)",
	    QUOTE(q, s, len), t->cols[col].name);
	return false;
}

bool io_table_id(struct io_table *t, size_t col, char **out)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
	if (!io_table_has_value(t, col))
		return false;
	if (!check_identifier(t, col, s, len))
		return false;
	if (out)
		*out = mu_strndup(s, len);
	return true;
}

/* Resolves an identifier against ids; `*` gives MU_ALL where allowed.
 * Returns false on any error, and when ids is not usable. */
bool io_table_ref(struct io_table *t, size_t col, const struct io_id_set *ids, const char *what,
                  bool is_star_ok, size_t *out)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
	char q[256];
	if (!io_table_has_value(t, col))
		return false;
	if (len == 1 && s[0] == '*') {
		if (is_star_ok) {
			*out = MU_ALL;
			return true;
		}
		io_table_error(t, col, "'*' is not allowed in column '%s': name one %s",
		               t->cols[col].name, what);
		return false;
	}
	if (!check_identifier(t, col, s, len))
		return false;
	if (!ids->is_usable) {
		t->is_row_ok = false;
		return false;
	}
	if (!mu_map_get(&ids->map, s, len, out)) {
		io_table_error(t, col, "unknown %s '%s'", what, QUOTE(q, s, len));
		return false;
	}
	return true;
}

/* A number cell: empty gives dflt and *is_set = false (is_set may be NULL). */
bool io_table_number(struct io_table *t, size_t col, const struct mu_range *rule, double dflt,
                     double *out, bool *is_set)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
	char msg[400];
	if (is_set)
		*is_set = false;
	*out = dflt;
	if (!io_table_has_value(t, col))
		return !t->cols[col].is_required;
	if (!mu_parse_number(s, len, rule, out, msg, sizeof(msg))) {
		io_table_error(t, col, "%s in column '%s'", msg, t->cols[col].name);
		*out = dflt;
		return false;
	}
	if (is_set)
		*is_set = true;
	return true;
}

bool io_table_count(struct io_table *t, size_t col, const struct mu_range *rule, long dflt,
                    long *out)
{
	double v;
	bool ok = io_table_number(t, col, rule, (double)dflt, &v, NULL);
	*out = (long)v;
	return ok;
}

/* Free text (names, bands): at most MU_NAME_MAX characters; empty gives
 * dflt (copied). */
bool io_table_text(struct io_table *t, size_t col, const char *dflt, char **out)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
	if (len == 0) {
		*out = mu_strdup(dflt ? dflt : "");
		return true;
	}
	if (mu_parse_utf8_chars(s, len) > MU_NAME_MAX) {
		io_table_error(t, col, "text longer than %d characters in column '%s'", MU_NAME_MAX,
		               t->cols[col].name);
		*out = mu_strdup(dflt ? dflt : "");
		return false;
	}
	*out = mu_strndup(s, len);
	return true;
}

bool io_table_keyword(struct io_table *t, size_t col, const char *const *names, size_t n_names,
                      int dflt, int *out)
{
	size_t len, i;
	const char *s = io_table_cell(t, col, &len);
	char q[256], list[400] = "";
	*out = dflt;
	if (len == 0)
		return true;
	for (i = 0; i < n_names; i++)
		if (mu_parse_keyword_eq(s, len, names[i])) {
			*out = (int)i;
			return true;
		}
	for (i = 0; i < n_names; i++)
		io_table_list_append(list, sizeof(list), names[i]);
	io_table_error(t, col, "unknown %s '%s' (one of %s)", t->cols[col].name, QUOTE(q, s, len),
	               list);
	return false;
}

bool io_table_yes_no(struct io_table *t, size_t col, bool dflt, bool *out)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
	char q[256];
	*out = dflt;
	if (len == 0)
		return true;
	if (!mu_parse_yes_no(s, len, out)) {
		io_table_error(t, col, "invalid value '%s' in column '%s' (yes or no)",
		               QUOTE(q, s, len), t->cols[col].name);
		return false;
	}
	return true;
}

/* Registers a composite key (indices) of the current row; reports a repeat
 * at column col. text names the key for the message. */
bool io_table_unique(struct io_table *t, size_t col, const size_t *idx, size_t n_idx,
                     const char *what)
{
	size_t first_line;
	if (mu_map_put(&t->keys, (const char *)idx, n_idx * sizeof(*idx), t->row->line))
		return true;
	mu_map_get(&t->keys, (const char *)idx, n_idx * sizeof(*idx), &first_line);
	io_table_error(t, col, "repeated %s (first at line %zu)", what, first_line);
	return false;
}

/* Adds the row's id to ids, reporting a repeat. */
bool io_table_add_id(struct io_table *t, size_t col, struct io_id_set *ids, size_t index,
                     const char *what)
{
	size_t len, first;
	const char *s = io_table_cell(t, col, &len);
	char q[256];
	if (mu_map_put(&ids->map, s, len, index))
		return true;
	mu_map_get(&ids->map, s, len, &first);
	io_table_error(t, col, "repeated %s id '%s'", what, QUOTE(q, s, len));
	return false;
}

bool io_table_time(struct io_table *t, size_t col, int *out)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
	char q[256];
	if (!io_table_has_value(t, col))
		return false;
	if (!mu_parse_time(s, len, out)) {
		io_table_error(t, col, "invalid time '%s' in column '%s'", QUOTE(q, s, len),
		               t->cols[col].name);
		return false;
	}
	return true;
}

/* ---- files ----------------------------------------------------------- */

/* Binds the header to the columns. False when the rows cannot be read. */
static bool bind_header(struct io_table *t)
{
	const struct io_csv_row *hdr = &t->csv->rows[0];
	bool ok = true;
	size_t i, k;
	char q[256];
	for (k = 0; k < t->n_cols; k++)
		t->field_of[k] = -1;
	for (i = 0; i < hdr->n_cells; i++) {
		const struct io_csv_cell *c = &t->csv->cells[hdr->first + i];
		const char *name = io_csv_cell_text(t->csv, c);
		bool is_known = false;
		if (c->len == 0) {
			io_table_place_error(t->ld, t->file, c->line, i + 1,
			                     "empty column name (a trailing comma?)");
			ok = false;
			continue;
		}
		for (k = 0; k < t->n_cols; k++) {
			if (!mu_parse_keyword_eq(name, c->len, t->cols[k].name))
				continue;
			is_known = true;
			if (t->field_of[k] >= 0) {
				io_table_place_error(t->ld, t->file, c->line, i + 1,
				                     "repeated column '%s'",
				                     QUOTE(q, name, c->len));
				ok = false;
			} else {
				t->field_of[k] = (long)i;
			}
		}
		if (!is_known) {
			char list[400] = "";
			for (k = 0; k < t->n_cols; k++)
				io_table_list_append(list, sizeof(list), t->cols[k].name);
			io_table_place_error(t->ld, t->file, c->line, i + 1,
			                     "unknown column '%s' (columns: %s)",
			                     QUOTE(q, name, c->len), list);
			ok = false;
		}
	}
	for (k = 0; k < t->n_cols; k++)
		if (t->cols[k].is_required && t->field_of[k] < 0) {
			io_table_place_error(t->ld, t->file, hdr->line, 0,
			                     "missing required column '%s'", t->cols[k].name);
			ok = false;
		}
	return ok;
}

/* Checks the row has as many fields as the header. */
static bool row_fits(struct io_table *t, const struct io_csv_row *row, size_t n_header)
{
	const struct io_csv_row *hdr = &t->csv->rows[0];
	if (row->n_cells < n_header) {
		const struct io_csv_cell *c = &t->csv->cells[hdr->first + row->n_cells];
		io_table_place_error(t->ld, t->file, row->end_line, row->n_cells + 1,
		                     "missing field '%s' (row has %zu of %zu)",
		                     io_csv_cell_text(t->csv, c), row->n_cells, n_header);
		return false;
	}
	if (row->n_cells > n_header) {
		const struct io_csv_cell *c = &t->csv->cells[row->first + n_header];
		io_table_place_error(t->ld, t->file, c->line, n_header + 1,
		                     "extra field (row has %zu, the header %zu)", row->n_cells,
		                     n_header);
		return false;
	}
	return true;
}

void io_table_read(struct io_loader *ld, const struct io_file_spec *spec, const struct io_file *f)
{
	struct io_table t;
	struct io_csv_table *csv = NULL;
	struct mu_err err;
	struct io_id_set *ids = spec->ids ? spec->ids(ld) : NULL;
	size_t i, n_rows = 0;

	if (f->len == 0) {
		io_table_place_error(ld, spec->name, 0, 0,
		                     "empty file (it needs at least a header row)");
		return;
	}
	mu_err_clear(&err);
	if (io_csv_read(spec->name, f->data, f->len, &csv, &err) != MU_OK) {
		keep_error(ld, &err);
		return;
	}
	if (csv->n_rows == 0) {
		io_table_place_error(ld, spec->name, 0, 0,
		                     "no header row (the file holds only blank lines)");
		io_csv_table_free(csv);
		return;
	}
	memset(&t, 0, sizeof(t));
	t.ld = ld;
	t.file = spec->name;
	t.csv = csv;
	t.cols = spec->cols;
	t.n_cols = spec->n_cols;
	mu_map_init(&t.keys);
	if (bind_header(&t)) {
		if (ids)
			ids->is_usable = true;
		for (i = 1; i < csv->n_rows; i++) {
			t.row = &csv->rows[i];
			t.is_row_ok = true;
			if (!row_fits(&t, t.row, csv->rows[0].n_cells))
				continue;
			spec->read_row(&t);
			n_rows++;
		}
		if (spec->needs_row && csv->n_rows == 1)
			io_table_place_error(ld, spec->name, 0, 0,
			                     "no rows (at least one %s is needed)",
			                     spec->needs_row);
	}
	mu_map_release(&t.keys);
	io_csv_table_free(csv);
}
