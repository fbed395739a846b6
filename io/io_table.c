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
 * scenario (the list may be NULL). Returns where the list keeps it, or
 * SIZE_MAX when it does not. */
static size_t keep_error(struct io_loader *ld, const struct mu_err *err)
{
	size_t item =
	    ld->errors && ld->errors->n_items < MU_ERRLIST_KEEP ? ld->errors->n_items : SIZE_MAX;
	mu_errlist_add(ld->errors, err);
	ld->n_errors++;
	return item;
}

static size_t add_error(struct io_loader *ld, const char *file, unsigned long line,
                        unsigned long col, const char *column, const char *fmt, va_list ap)
{
	struct mu_err err;
	mu_err_clear(&err);
	mu_err_vset_at(&err, MU_E_INPUT, file, line, col, column, fmt, ap);
	return keep_error(ld, &err);
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

/* An error at column col of the current row, at the line where its cell
 * starts. Returns where the list keeps it (keep_error). */
static size_t cell_error(struct io_table *t, size_t col, const char *fmt, va_list ap)
{
	struct io_place at = io_table_where(t, col);
	t->is_row_ok = false;
	return add_error(t->ld, t->file, at.line, at.col, t->cols[col].name, fmt, ap);
}

struct io_place io_table_where(const struct io_table *t, size_t col)
{
	long field = t->field_of[col];
	struct io_place at = {t->row->line, 0};
	if (field >= 0) {
		at.line = t->csv->cells[t->row->first + (size_t)field].line;
		at.col = (unsigned long)field + 1;
	}
	return at;
}

void io_table_error(struct io_table *t, size_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cell_error(t, col, fmt, ap);
	va_end(ap);
}

struct io_cause *io_table_cause_error(struct io_table *t, size_t col, enum io_cause_kind kind,
                                      const char *key, size_t key_len, const char *fmt, ...)
{
	struct io_loader *ld = t->ld;
	struct io_cause *c;
	char *full = mu_malloc(key_len + 1);
	size_t k;
	va_list ap;

	/* The kind goes into the key, so that an unknown role and a role with
	 * no bank_rate of the same name are two causes. */
	full[0] = (char)('A' + kind);
	memcpy(full + 1, key, key_len);
	if (mu_map_get(&ld->cause_of, full, key_len + 1, &k)) {
		free(full);
		c = &ld->causes[k];
		c->n_places++;
		c->files |= 1u << ld->file_no;
		t->is_row_ok = false;
		return c;
	}
	mu_map_put(&ld->cause_of, full, key_len + 1, ld->n_causes);
	free(full);
	ld->causes = mu_grow_one(ld->causes, ld->n_causes, sizeof(*ld->causes));
	c = &ld->causes[ld->n_causes++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->n_places = 1;
	c->files = 1u << ld->file_no;
	va_start(ap, fmt);
	c->item = cell_error(t, col, fmt, ap);
	va_end(ap);
	return c;
}

enum io_id_found io_id_set_find(struct io_id_set *ids, const char *s, size_t len, size_t *out)
{
	size_t ignored;
	if (mu_map_get(&ids->map, s, len, out)) {
		/* which ids are named is what suggests a renamed one */
		if (*out >= ids->n_named) {
			size_t n = *out * 2 + 8;
			ids->is_named = mu_realloc(ids->is_named, n * sizeof(bool));
			memset(ids->is_named + ids->n_named, 0, (n - ids->n_named) * sizeof(bool));
			ids->n_named = n;
		}
		ids->is_named[*out] = true;
		return IO_ID_FOUND;
	}
	if (mu_map_get(&ids->broken, s, len, &ignored))
		return IO_ID_BROKEN;
	return IO_ID_UNKNOWN;
}

void io_table_unknown(struct io_table *t, size_t col, const struct io_id_set *ids, const char *what,
                      const char *s, size_t len, const char *in_column)
{
	char q[256], key[64 + MU_ID_MAX + 2];
	size_t wlen = strlen(what), klen;
	struct io_cause *c;
	/* what, a NUL, the id: the key of the cause */
	if (wlen > 64)
		wlen = 64;
	if (len > MU_ID_MAX)
		len = MU_ID_MAX; /* an identifier is never longer */
	memcpy(key, what, wlen);
	key[wlen] = '\0';
	memcpy(key + wlen + 1, s, len);
	klen = wlen + 1 + len;
	QUOTE(q, s, len);
	c = io_table_cause_error(t, col, IO_CAUSE_UNKNOWN_ID, key, klen, "unknown %s '%s'%s", what,
	                         q, in_column);
	if (c->n_places == 1) {
		c->ids = ids;
		snprintf(c->value, sizeof(c->value), "%s", q);
	}
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
bool io_table_ref(struct io_table *t, size_t col, struct io_id_set *ids, const char *what,
                  bool is_star_ok, size_t *out)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
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
	switch (io_id_set_find(ids, s, len, out)) {
	case IO_ID_FOUND:
		return true;
	case IO_ID_BROKEN:
		t->is_row_ok = false;
		return false;
	case IO_ID_UNKNOWN:
		break;
	}
	io_table_unknown(t, col, ids, what, s, len, "");
	return false;
}

/* A number cell: empty gives dflt and *is_set = false (is_set may be NULL). */
bool io_table_number(struct io_table *t, size_t col, const struct mu_range *rule, double dflt,
                     double *out, bool *is_set)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
	char msg[400], hint[128];
	if (is_set)
		*is_set = false;
	*out = dflt;
	if (!io_table_has_value(t, col))
		return !t->cols[col].is_required;
	if (!mu_parse_number(s, len, rule, out, msg, sizeof(msg))) {
		const char *h = mu_parse_range_hint(s, len, rule, hint, sizeof(hint));
		char plain[64], key[128];
		*out = dflt;
		/* a column in scientific format is one cause: counted on the first
		 * cell's error (io_causes.c) */
		if (mu_parse_exponent(s, len, plain, sizeof(plain))) {
			int n = snprintf(key, sizeof(key), "%s/%s", t->file, t->cols[col].name);
			io_table_cause_error(t, col, IO_CAUSE_NUMBER_FORM, key,
			                     n < (int)sizeof(key) ? (size_t)n : sizeof(key) - 1,
			                     "%s in column '%s': %s", msg, t->cols[col].name, h);
			return false;
		}
		io_table_error(t, col, "%s in column '%s'%s%s", msg, t->cols[col].name,
		               h ? ": " : "", h ? h : "");
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
		char hint[128];
		const char *h = mu_parse_time_hint(s, len, hint, sizeof(hint));
		io_table_error(t, col, "invalid time '%s' in column '%s'%s%s", QUOTE(q, s, len),
		               t->cols[col].name, h ? ": " : "", h ? h : "");
		return false;
	}
	return true;
}

/* A date that is not YYYY-MM-DD. One a spreadsheet wrote in its locale's
 * form (30/11/2026) is one cause for the whole column: reported at its
 * first cell, worded with the fix and the count in io_causes.c. */
static void date_error(struct io_table *t, size_t col, const char *text, size_t len)
{
	char q[256], dates[2][11], key[128];
	struct io_cause *c;
	int n;
	if (!mu_parse_date_dmy(text, len, dates[0], dates[1])) {
		io_table_error(t, col, "invalid date '%s' in column '%s' (YYYY-MM-DD)",
		               QUOTE(q, text, len), t->cols[col].name);
		return;
	}
	n = snprintf(key, sizeof(key), "%s", t->cols[col].name);
	c = io_table_cause_error(
	    t, col, IO_CAUSE_DATE_FORM, key, n < (int)sizeof(key) ? (size_t)n : sizeof(key) - 1,
	    "invalid date '%s' in column '%s'", QUOTE(q, text, len), t->cols[col].name);
	if (c->n_places == 1) {
		memcpy(c->dates, dates, sizeof(dates));
		snprintf(c->value, sizeof(c->value), "%s", q);
	}
	if (dates[0][0] && !dates[1][0])
		c->n_only[0]++;
	else if (dates[1][0] && !dates[0][0])
		c->n_only[1]++;
}

bool io_table_date(struct io_table *t, size_t col, long *out)
{
	size_t len;
	const char *s = io_table_cell(t, col, &len);
	if (!io_table_has_value(t, col))
		return false;
	if (!mu_parse_date(s, len, out)) {
		date_error(t, col, s, len);
		return false;
	}
	return true;
}

/* ---- files ----------------------------------------------------------- */

/* Bytes of a header cell a message shows. A column name is short (the
 * longest has 13 characters), so a longer cell is surely not one, and a
 * file that is not a scenario's (a link to /etc/passwd) is cut, not echoed
 * line by line. */
#define HEADER_SHOWN 24

/* The separator a file of the wrong kind uses, when a header cell holds
 * column names joined by it ("partner;role;shift": a spreadsheet set to a
 * decimal comma saves its "CSV" with ';'), or '\0'. */
static char foreign_separator(const struct io_table *t, const struct io_csv_row *hdr)
{
	static const char seps[] = {';', '\t'};
	size_t i, k, m;
	for (i = 0; i < hdr->n_cells; i++) {
		const struct io_csv_cell *c = &t->csv->cells[hdr->first + i];
		const char *s = io_csv_cell_text(t->csv, c);
		for (m = 0; m < sizeof(seps); m++) {
			size_t a = 0;
			if (!memchr(s, seps[m], c->len))
				continue;
			while (a <= c->len) {
				size_t b = a, e;
				while (b < c->len && s[b] != seps[m])
					b++;
				e = b;
				while (a < e && (s[a] == ' ' || s[a] == '"'))
					a++;
				while (e > a && (s[e - 1] == ' ' || s[e - 1] == '"'))
					e--;
				for (k = 0; k < t->n_cols; k++)
					if (mu_parse_keyword_eq(s + a, e - a, t->cols[k].name))
						return seps[m];
				a = b + 1;
			}
		}
	}
	return '\0';
}

/* A header name as a person may have typed it, folded: lower case, and
 * spaces, underscores, hyphens and dots taken out ("Partner ID" ->
 * "partnerid", "paid_hours" -> "paidhours"). Returns its length, or
 * SIZE_MAX when it does not fit in out. */
static size_t fold_name(const char *s, size_t len, char *out, size_t size)
{
	size_t i, n = 0;
	for (i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ' || c == '_' || c == '-' || c == '.')
			continue;
		if (n + 1 >= size)
			return SIZE_MAX;
		out[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	out[n] = '\0';
	return n;
}

#define FOLD_MAX 48

/* Edit distance of a and b, each at most FOLD_MAX bytes: insertions,
 * deletions, substitutions and swaps of two neighbours ("shfit") count one
 * each (optimal string alignment). */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	unsigned char d[FOLD_MAX + 1][FOLD_MAX + 1];
	size_t i, j;
	for (i = 0; i <= na; i++)
		d[i][0] = (unsigned char)i;
	for (j = 0; j <= nb; j++)
		d[0][j] = (unsigned char)j;
	for (i = 1; i <= na; i++)
		for (j = 1; j <= nb; j++) {
			unsigned best = d[i - 1][j - 1] + (unsigned)(a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1u < best)
				best = d[i - 1][j] + 1u;
			if (d[i][j - 1] + 1u < best)
				best = d[i][j - 1] + 1u;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1u < best)
				best = d[i - 2][j - 2] + 1u;
			d[i][j] = (unsigned char)best;
		}
	return d[na][nb];
}

/* The column of the table, not in the header, that an unknown header name
 * most likely is (case, spaces and underscores aside: "Partner ID" is
 * partner, "Paid Hours" paid_hours, "minimun" minimum, "Start Time"
 * start), or -1 when none is close or two are equally close. */
static long close_column(const struct io_table *t, const char *name, size_t len)
{
	char h[FOLD_MAX + 1], c[FOLD_MAX + 1];
	size_t nh = fold_name(name, len, h, sizeof(h)), k, best = SIZE_MAX;
	long found = -1;
	if (nh == SIZE_MAX || nh == 0)
		return -1;
	for (k = 0; k < t->n_cols; k++) {
		size_t nc = fold_name(t->cols[k].name, strlen(t->cols[k].name), c, sizeof(c)), d;
		if (t->field_of[k] >= 0 || nc == SIZE_MAX)
			continue;
		d = edit_distance(h, nh, c, nc);
		if (d == 0 || (d == 1 && nc >= 3) || (d == 2 && nc >= 6))
			; /* a typo */
		else if (nc >= 2 && nh > nc &&
		         (memcmp(h, c, nc) == 0 || memcmp(h + nh - nc, c, nc) == 0))
			d = 10 + nh - nc; /* a word around it: "Partner ID", "Start Time" */
		else
			continue;
		if (d < best) {
			best = d;
			found = (long)k;
		} else if (d == best) {
			found = -1; /* two as close: no guess */
		}
	}
	return found;
}

/* Binds the header to the columns. False when the rows cannot be read.
 * One error per cause: a file separated by ';' is one error for the file,
 * and a required column that an unknown name is close to is said in that
 * name's error ("did you mean 'partner'?"), not again as missing. */
static bool bind_header(struct io_table *t)
{
	const struct io_csv_row *hdr = &t->csv->rows[0];
	bool ok = true, is_guessed[IO_TABLE_MAX_COLS] = {false};
	size_t i, k;
	char q[HEADER_SHOWN + 5]; /* mu_err_quote cuts to the buffer: the cell, "..." and NUL */
	char sep = foreign_separator(t, hdr);
	if (sep) {
		io_table_place_error(t->ld, t->file, 0, 0,
		                     "its fields are separated by %s, not commas: muster reads "
		                     "comma-separated CSV (save it again with ',' as the field "
		                     "separator)",
		                     sep == ';' ? "';'" : "tabs");
		return false;
	}
	for (k = 0; k < t->n_cols; k++)
		t->field_of[k] = -1;
	/* the known names first, so that a guess for an unknown one is a
	 * column the header lacks */
	for (i = 0; i < hdr->n_cells; i++) {
		const struct io_csv_cell *c = &t->csv->cells[hdr->first + i];
		for (k = 0; k < t->n_cols; k++)
			if (t->field_of[k] < 0 && mu_parse_keyword_eq(io_csv_cell_text(t->csv, c),
			                                              c->len, t->cols[k].name))
				t->field_of[k] = (long)i;
	}
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
			if (t->field_of[k] != (long)i) {
				io_table_place_error(t->ld, t->file, c->line, i + 1,
				                     "repeated column '%s'",
				                     QUOTE(q, name, c->len));
				ok = false;
			}
		}
		if (!is_known) {
			char list[400] = "";
			long guess = close_column(t, name, c->len);
			for (k = 0; k < t->n_cols; k++)
				io_table_list_append(list, sizeof(list), t->cols[k].name);
			if (guess >= 0 && !is_guessed[guess]) {
				is_guessed[guess] = true;
				io_table_place_error(t->ld, t->file, c->line, i + 1,
				                     "unknown column '%s': did you mean '%s'? "
				                     "(columns: %s)",
				                     QUOTE(q, name, c->len), t->cols[guess].name,
				                     list);
			} else {
				io_table_place_error(t->ld, t->file, c->line, i + 1,
				                     "unknown column '%s' (columns: %s)",
				                     QUOTE(q, name, c->len), list);
			}
			ok = false;
		}
	}
	for (k = 0; k < t->n_cols; k++)
		if (t->cols[k].is_required && t->field_of[k] < 0 && !is_guessed[k]) {
			io_table_place_error(t->ld, t->file, hdr->line, 0,
			                     "missing required column '%s'", t->cols[k].name);
			ok = false;
		}
	return ok;
}

static bool is_digits(const char *s, size_t len, size_t lo, size_t hi)
{
	size_t i;
	if (len < lo || len > hi)
		return false;
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* A cell that an unquoted thousands separator cut off the front of: three
 * digits, with a fraction on the last group ("000", "000.50"). */
static bool is_thousands_tail(const char *s, size_t len)
{
	return is_digits(s, len < 3 ? len : 3, 3, 3) &&
	       (len == 3 || (len > 4 && s[3] == '.' && is_digits(s + 4, len - 4, 1, 20)));
}

/* When every extra field of a row is explained by numbers written with an
 * unquoted thousands separator (45,000 is two fields, 45 and 000), writes
 * the first such number as the file has it into shown, and as it should
 * be into fixed, and returns how many there are; else returns 0. */
static size_t thousands_split(const struct io_table *t, const struct io_csv_row *row,
                              size_t n_extra, char *shown, size_t shown_size, char *fixed,
                              size_t fixed_size)
{
	size_t j, n_merged = 0, n_numbers = 0;
	for (j = 0; j + 1 < row->n_cells; j++) {
		const struct io_csv_cell *c = &t->csv->cells[row->first + j];
		const char *s = io_csv_cell_text(t->csv, c);
		size_t k = j + 1, head = c->len, sign = 0;
		if (head >= 2 && memcmp(s, "\xC2\xA3", 2) == 0)
			sign = 2; /* £45,000 */
		if (!is_digits(s + sign, head - sign, 1, 3))
			continue;
		while (k < row->n_cells) {
			const struct io_csv_cell *n = &t->csv->cells[row->first + k];
			const char *ns = io_csv_cell_text(t->csv, n);
			if (!is_thousands_tail(ns, n->len))
				break;
			k++;
			if (n->len > 3)
				break; /* a fraction ends the number */
		}
		if (k == j + 1)
			continue;
		if (n_numbers++ == 0) {
			size_t m, su = 0, fu = 0;
			su += (size_t)snprintf(shown, shown_size, "%s", s);
			fu += (size_t)snprintf(fixed, fixed_size, "%s", s + sign);
			for (m = j + 1; m < k; m++) {
				const char *ms =
				    io_csv_cell_text(t->csv, &t->csv->cells[row->first + m]);
				if (su < shown_size)
					su += (size_t)snprintf(shown + su, shown_size - su, ",%s",
					                       ms);
				if (fu < fixed_size)
					fu +=
					    (size_t)snprintf(fixed + fu, fixed_size - fu, "%s", ms);
			}
		}
		n_merged += k - j - 1;
		j = k - 1;
	}
	return n_merged == n_extra ? n_numbers : 0;
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
		char shown[128], fixed[128], q[256], more[64] = "";
		size_t n = thousands_split(t, row, row->n_cells - n_header, shown, sizeof(shown),
		                           fixed, sizeof(fixed));
		if (n > 1)
			snprintf(more, sizeof(more), " (and %zu more number%s)", n - 1,
			         n == 2 ? "" : "s");
		if (n > 0)
			io_table_place_error(t->ld, t->file, c->line, n_header + 1,
			                     "extra field (row has %zu, the header %zu): the comma "
			                     "in '%s'%s splits the row: numbers take no thousands "
			                     "separator (write %s)",
			                     row->n_cells, n_header, QUOTE(q, shown, strlen(shown)),
			                     more, fixed);
		else
			io_table_place_error(t->ld, t->file, c->line, n_header + 1,
			                     "extra field (row has %zu, the header %zu)",
			                     row->n_cells, n_header);
		return false;
	}
	return true;
}

/* A row of the wrong shape was not read; its id (when the row reaches the
 * id's column and it is one) goes into ids->broken, so that references to
 * it add no errors of their own. */
static void keep_broken_id(struct io_table *t, struct io_id_set *ids)
{
	const struct io_csv_cell *c;
	if (!ids || t->field_of[0] < 0 || (size_t)t->field_of[0] >= t->row->n_cells)
		return;
	c = &t->csv->cells[t->row->first + (size_t)t->field_of[0]];
	if (mu_parse_is_identifier(io_csv_cell_text(t->csv, c), c->len))
		mu_map_put(&ids->broken, io_csv_cell_text(t->csv, c), c->len, 0);
}

/* A file that is not CSV text but what a spreadsheet saves (an .xlsx or
 * .ods is a ZIP, an .xls an OLE file; "Unicode text" is UTF-16): the name
 * of what it is, or NULL. */
static const char *spreadsheet_kind(const char *data, size_t len)
{
	const unsigned char *d = (const unsigned char *)data;
	if (len >= 4 && memcmp(d, "PK\x03\x04", 4) == 0)
		return "a spreadsheet (.xlsx or .ods), not CSV";
	if (len >= 8 && memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return "a spreadsheet (.xls), not CSV";
	if (len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
		return "UTF-16 text, not UTF-8";
	return NULL;
}

/* Reading one file row by row (io_csv_read_rows): the table, what it
 * feeds, and what has been seen. */
struct table_reader {
	struct io_table t;
	const struct io_file_spec *spec;
	struct io_id_set *ids;
	bool is_whole;      /* header bound, and every row so far of the right shape */
	size_t n_data_rows; /* of any shape, empty rows aside */
	size_t n_empty;     /* rows of only commas */
	size_t empty_item;  /* the first one's error in ld->errors (keep_error) */
	unsigned long last_empty_line;
	size_t n_bad_shape; /* rows with more or fewer fields than the header */
	bool has_header;
};

/* Rows of the wrong shape after which a file is read no further: one or two
 * are typos (an unquoted 45,000), a hundred say that the file is not laid
 * out as its header says, and reading on (a 200 MB file of rows of 999
 * commas) would only take time to count more of the same. */
#define BAD_SHAPE_MAX 100

/* A row of only commas, as many as the header's (what a spreadsheet
 * saves for rows it once had, or cells formatted but empty): DESIGN.md §2
 * makes it a row, and a row with every cell empty means nothing, so it is
 * an error, once per file. Rows of only commas of another width are rows
 * of the wrong shape, and said so. */
static bool is_empty_row(const struct io_csv_table *view, const struct io_csv_row *row)
{
	size_t j;
	if (row->n_cells < 2 || row->n_cells != view->rows[0].n_cells)
		return false;
	for (j = 0; j < row->n_cells; j++)
		if (view->cells[row->first + j].len > 0)
			return false;
	return true;
}

static void count_empty_row(struct table_reader *r, const struct io_csv_row *row)
{
	struct mu_err err;
	if (r->n_empty++ == 0) {
		mu_err_clear(&err);
		mu_err_set_at(&err, MU_E_INPUT, r->t.file, row->line, 0, NULL,
		              "an empty row (only commas): delete it");
		r->empty_item = keep_error(r->t.ld, &err);
	}
	r->last_empty_line = row->line;
}

/* Words the empty rows' one error with their count, once the file is read. */
static void word_empty_rows(const struct table_reader *r)
{
	struct mu_errlist *list = r->t.ld->errors;
	struct mu_err *e;
	size_t used;
	if (r->n_empty < 2 || !list || r->empty_item == SIZE_MAX)
		return;
	e = &list->items[r->empty_item];
	used = strlen(e->msg);
	snprintf(e->msg + used, sizeof(e->msg) - used,
	         " (and %zu more like it, the last at line %lu)", r->n_empty - 1,
	         r->last_empty_line);
}

/* The header is bound first, so that a file whose rows cannot be read
 * (the header names no column of this table: a file of empty fields, or
 * not a scenario's at all) stops there, before its rows are parsed; every
 * later row is read into the scenario and forgotten. */
static bool read_csv_row(const struct io_csv_table *view, void *user)
{
	struct table_reader *r = user;
	r->t.csv = view;
	if (view->n_rows == 1) {
		r->has_header = true;
		r->is_whole = bind_header(&r->t);
		if (r->is_whole && r->ids)
			r->ids->is_usable = true;
		return r->is_whole;
	}
	if (is_empty_row(view, &view->rows[1])) {
		count_empty_row(r, &view->rows[1]);
		return true;
	}
	r->n_data_rows++;
	r->t.row = &view->rows[1];
	r->t.is_row_ok = true;
	if (!row_fits(&r->t, r->t.row, view->rows[0].n_cells)) {
		keep_broken_id(&r->t, r->ids);
		r->is_whole = false;
		if (++r->n_bad_shape < BAD_SHAPE_MAX)
			return true;
		io_table_place_error(r->t.ld, r->t.file, r->t.row->end_line, 0,
		                     "read no further: %d rows have more or fewer fields than the "
		                     "header",
		                     BAD_SHAPE_MAX);
		return false;
	}
	r->spec->read_row(&r->t);
	return true;
}

bool io_table_read_stream(struct io_loader *ld, const struct io_file_spec *spec, const char *file,
                          io_table_next_fn next, void *user)
{
	struct table_reader r;
	struct mu_err err;
	struct io_csv_parser *p;
	const char *data;
	size_t len;
	const char *kind;

	mu_err_clear(&err);
	if (next(user, &data, &len, &err) != MU_OK) {
		keep_error(ld, &err);
		return false;
	}
	if (len == 0) {
		io_table_place_error(ld, file, 0, 0, "empty file (it needs at least a header row)");
		return false;
	}
	if ((kind = spreadsheet_kind(data, len)) != NULL) {
		io_table_place_error(ld, file, 0, 0, "%s: muster reads CSV (save as \"CSV UTF-8\")",
		                     kind);
		return false;
	}
	memset(&r, 0, sizeof(r));
	r.t.ld = ld;
	r.t.file = file;
	r.t.cols = spec->cols;
	r.t.n_cols = spec->n_cols;
	r.spec = spec;
	r.ids = spec->ids ? spec->ids(ld) : NULL;
	mu_map_init(&r.t.keys);
	if (!(p = io_csv_parser_new(file))) {
		io_table_place_error(ld, file, 0, 0, "cannot start the CSV parser");
		mu_map_release(&r.t.keys);
		return false;
	}
	io_csv_parser_set_row_fn(p, read_csv_row, &r);
	/* the rows before a CSV-level error have been read when it is reported */
	while (len > 0 && io_csv_parser_feed(p, data, len, &err) == MU_OK &&
	       next(user, &data, &len, &err) == MU_OK)
		;
	if (err.code == MU_OK)
		io_csv_parser_finish(p, NULL, &err);
	io_csv_parser_free(p);
	if (err.code != MU_OK) {
		/* the file is not read whole: references to its ids go
		 * unchecked, as for a table that failed at its header */
		keep_error(ld, &err);
		if (r.ids)
			r.ids->is_usable = false;
		r.is_whole = false;
	} else if (!r.has_header) {
		io_table_place_error(ld, file, 0, 0,
		                     "no header row (the file holds only blank lines)");
	} else if (r.is_whole && spec->needs_row && r.n_data_rows == 0) {
		io_table_place_error(ld, file, 0, 0, "no rows (at least one %s is needed)",
		                     spec->needs_row);
		/* every reference to the table would be unknown: this is the one
		 * cause */
		if (r.ids)
			r.ids->is_usable = false;
	}
	word_empty_rows(&r);
	mu_map_release(&r.t.keys);
	return r.is_whole;
}

/* A file in memory, handed over whole, then the end. */
struct whole_file {
	const struct io_file *f;
	bool is_given;
};

static enum mu_code next_whole(void *user, const char **data, size_t *len, struct mu_err *err)
{
	struct whole_file *w = user;
	(void)err;
	*data = w->is_given ? "" : w->f->data;
	*len = w->is_given ? 0 : w->f->len;
	w->is_given = true;
	return MU_OK;
}

bool io_table_read(struct io_loader *ld, const struct io_file_spec *spec, const struct io_file *f)
{
	struct whole_file w = {f, false};
	return io_table_read_stream(ld, spec, spec->name, next_whole, &w);
}
