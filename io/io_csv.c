/*
 * io_csv.c - CSV reading on libcsv. libcsv counts neither lines nor fields,
 * so the parser keeps its own cursor: it feeds libcsv runs of bytes that
 * hold no line break and each line break alone, so that the line of every
 * byte is known when a callback fires.
 */
#include "io_csv.h"

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_parse.h"

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define RUN_MAX 4096

struct io_csv_parser {
	struct csv_parser csv;
	char *file;
	struct mu_buf text;
	struct io_csv_cell *cells;
	size_t n_cells, cap_cells;
	struct io_csv_row *rows;
	size_t n_rows, cap_rows;
	size_t row_first;      /* first cell of the row being read */
	unsigned long line;    /* line of the byte being fed */
	unsigned long pending; /* line where the current field started; 0 = row start */
	bool prev_cr;
	bool seen_first_byte; /* a BOM is skipped only before it */
	size_t bom_matched;   /* bytes of a leading BOM matched so far */
	unsigned long n_seen; /* rows ended so far, the header included */
	io_csv_row_fn on_row; /* NULL: every row is kept */
	void *on_row_user;
	bool is_stopped; /* on_row returned false: the rest is ignored */
	/* A quoted field past IO_CSV_FIELD_MAX: libcsv is fed no more, and the
	 * bytes are only scanned for its closing quote, so that a quote never
	 * closed is called that, at the line where it opened, not a long field. */
	bool is_runaway;
	bool is_runaway_quote; /* the last byte scanned was a quote */
	unsigned long runaway_line;
	struct mu_err err;
};

struct io_csv_parser *io_csv_parser_new(const char *file)
{
	struct io_csv_parser *p = mu_calloc(1, sizeof(*p));
	if (csv_init(&p->csv, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		free(p);
		return NULL;
	}
	csv_set_realloc_func(&p->csv, mu_realloc);
	p->file = mu_strdup(file);
	mu_buf_init(&p->text);
	p->line = 1;
	return p;
}

void io_csv_parser_free(struct io_csv_parser *p)
{
	if (!p)
		return;
	csv_free(&p->csv);
	free(p->file);
	mu_buf_release(&p->text);
	free(p->cells);
	free(p->rows);
	free(p);
}

void io_csv_parser_set_row_fn(struct io_csv_parser *p, io_csv_row_fn row_fn, void *user)
{
	p->on_row = row_fn;
	p->on_row_user = user;
}

/* An error, or on_row asked to stop: nothing more is read. */
static bool failed(const struct io_csv_parser *p)
{
	return p->err.code != MU_OK || p->is_stopped;
}

static unsigned long field_number(const struct io_csv_parser *p)
{
	return (unsigned long)(p->n_cells - p->row_first + 1);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Rejects what must not be in a field: NUL bytes, invalid UTF-8, a BOM. */
static bool check_field_bytes(struct io_csv_parser *p, const char *s, size_t len,
                              unsigned long line)
{
	size_t bad = mu_parse_utf8_invalid_at(s, len);
	char q[256];
	if (memchr(s, '\0', len)) {
		mu_err_set_at(&p->err, MU_E_INPUT, p->file, line, field_number(p), NULL,
		              "NUL byte in field '%s'", mu_err_quote(q, sizeof(q), s, len));
		return false;
	}
	if (bad < len) {
		mu_err_set_at(&p->err, MU_E_INPUT, p->file, line, field_number(p), NULL,
		              "invalid UTF-8 in field '%s'", mu_err_quote(q, sizeof(q), s, len));
		return false;
	}
	if (len >= 3) {
		size_t i;
		for (i = 0; i + 2 < len; i++)
			if ((unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBB &&
			    (unsigned char)s[i + 2] == 0xBF) {
				mu_err_set_at(
				    &p->err, MU_E_INPUT, p->file, line, field_number(p), NULL,
				    "byte order mark inside the file (only the very start may "
				    "have one)");
				return false;
			}
	}
	return true;
}

static void field_too_long(struct io_csv_parser *p, unsigned long line)
{
	mu_err_set_at(&p->err, MU_E_INPUT, p->file, line, field_number(p), NULL,
	              "field longer than %d bytes", IO_CSV_FIELD_MAX);
}

static void on_field(void *data, size_t len, void *user)
{
	struct io_csv_parser *p = user;
	const char *s = data ? data : "";
	unsigned long start = p->pending ? p->pending : p->line;
	struct io_csv_cell *cell;

	if (failed(p))
		return;
	p->pending = p->line; /* the next field of this row starts here */
	if (len > IO_CSV_FIELD_MAX) {
		field_too_long(p, start);
		return;
	}
	if (!check_field_bytes(p, s, len, start))
		return;
	if (p->n_cells - p->row_first >= IO_CSV_FIELDS_MAX) {
		mu_err_set_at(&p->err, MU_E_INPUT, p->file, start, 0, NULL,
		              "row has more than %d fields", IO_CSV_FIELDS_MAX);
		return;
	}
	/* Spaces and tabs around a cell are ignored, quoted or not. */
	while (len > 0 && is_blank(s[0]))
		s++, len--;
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	MU_GROW(p->cells, p->cap_cells, p->n_cells + 1);
	cell = &p->cells[p->n_cells++];
	cell->off = p->text.len;
	cell->len = len;
	cell->line = start;
	mu_buf_add(&p->text, s, len);
	mu_buf_addc(&p->text, '\0');
}

/* Hands the row just read to on_row, then forgets it unless it is the
 * header, which every later row is read against. */
static void hand_on_row(struct io_csv_parser *p)
{
	struct io_csv_table view = {.file = p->file,
	                            .text = p->text.data,
	                            .cells = p->cells,
	                            .rows = p->rows,
	                            .n_rows = p->n_rows};
	if (!p->on_row(&view, p->on_row_user))
		p->is_stopped = true;
	if (p->n_rows > 1) {
		const struct io_csv_row *hdr = &p->rows[0];
		p->n_cells = p->row_first = hdr->n_cells;
		p->text.len = hdr->n_cells ? p->cells[hdr->n_cells - 1].off +
		                                 p->cells[hdr->n_cells - 1].len + 1
		                           : 0;
		p->text.data[p->text.len] = '\0';
		p->n_rows = 1;
	}
}

static void on_row(int term, void *user)
{
	struct io_csv_parser *p = user;
	struct io_csv_row *row;
	(void)term;
	if (failed(p))
		return;
	p->pending = 0;
	/* the limit is on data rows: the header is not one */
	if (++p->n_seen > IO_CSV_ROWS_MAX + 1) {
		mu_err_set_at(&p->err, MU_E_INPUT, p->file, p->line, 0, NULL,
		              "more than %lu data rows", IO_CSV_ROWS_MAX);
		return;
	}
	MU_GROW(p->rows, p->cap_rows, p->n_rows + 1);
	row = &p->rows[p->n_rows++];
	row->first = p->row_first;
	row->n_cells = p->n_cells - p->row_first;
	row->line = row->n_cells ? p->cells[row->first].line : p->line;
	row->end_line = p->line;
	p->row_first = p->n_cells;
	if (p->on_row)
		hand_on_row(p);
}

/* libcsv's state inside a field it has begun (libcsv.c's FIELD_BEGUN). */
#define CSV_FIELD_BEGUN 2

static void unterminated_quote(struct io_csv_parser *p, unsigned long line)
{
	mu_err_set_at(&p->err, MU_E_INPUT, p->file, line, field_number(p), NULL,
	              "unterminated quote: the quote that opens this field is never closed (close "
	              "it, or remove it)");
}

/* Scans bytes of a runaway quoted field for its closing quote: a quote
 * not followed by another ("" is a quote inside the field). */
static void scan_runaway(struct io_csv_parser *p, const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (p->is_runaway_quote && s[i] != '"') {
			field_too_long(p, p->runaway_line);
			return;
		}
		p->is_runaway_quote = s[i] == '"' && !p->is_runaway_quote;
	}
}

static void parse_error(struct io_csv_parser *p)
{
	mu_err_set_at(&p->err, MU_E_INPUT, p->file, p->line, field_number(p), NULL,
	              "malformed quoting: a quote inside an unquoted field, or text after a "
	              "closing quote");
}

static void feed_bytes(struct io_csv_parser *p, const char *s, size_t len)
{
	if (p->is_runaway) {
		scan_runaway(p, s, len);
		return;
	}
	if (csv_parse(&p->csv, s, len, on_field, on_row, p) != len && !failed(p))
		parse_error(p);
	/* libcsv holds the field being read (quotes removed, "" as one) with
	 * the spaces after it, counted in csv.spaces, and, after a closing
	 * quote, that quote, until it knows whether the field ended; it never
	 * holds leading spaces or skipped lines, so these count toward
	 * nothing. Checked after every run of at most RUN_MAX bytes, so that
	 * libcsv never holds much more than the limit (and the spaces after
	 * the field, which the file holds too); a field that ends inside a run
	 * is checked exactly, by its length, in on_field. */
	if (!failed(p) && p->csv.entry_pos - p->csv.spaces > (size_t)IO_CSV_FIELD_MAX + 1) {
		unsigned long start = p->pending ? p->pending : p->line;
		/* too long either way; which error it is waits for the quote */
		if (p->csv.quoted && p->csv.pstate == CSV_FIELD_BEGUN) {
			p->is_runaway = true;
			p->runaway_line = start;
		} else {
			field_too_long(p, start);
		}
	}
}

enum mu_code io_csv_parser_feed(struct io_csv_parser *p, const char *data, size_t len,
                                struct mu_err *err)
{
	static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
	size_t i = 0;

	/* A BOM at the very start is skipped, even when split across chunks. */
	while (!p->seen_first_byte && i < len) {
		if ((unsigned char)data[i] == bom[p->bom_matched]) {
			p->bom_matched++;
			i++;
			if (p->bom_matched == 3) {
				p->seen_first_byte = true;
			}
		} else {
			/* Not a BOM after all: feed what was matched back in. */
			p->seen_first_byte = true;
			if (p->bom_matched)
				feed_bytes(p, (const char *)bom, p->bom_matched);
		}
	}
	while (i < len && !failed(p)) {
		char c = data[i];
		if (c == '\r' || c == '\n') {
			feed_bytes(p, &c, 1);
			if (c == '\r' || !p->prev_cr)
				p->line++;
			p->prev_cr = c == '\r';
			i++;
		} else {
			size_t n = 0, k;
			while (i + n < len && n < RUN_MAX && data[i + n] != '\r' &&
			       data[i + n] != '\n')
				n++;
			if (!p->pending) {
				for (k = 0; k < n; k++)
					if (!is_blank(data[i + k])) {
						p->pending = p->line;
						break;
					}
			}
			p->prev_cr = false;
			feed_bytes(p, data + i, n);
			i += n;
		}
	}
	if (p->err.code != MU_OK) {
		if (err)
			*err = p->err;
		return p->err.code;
	}
	return MU_OK;
}

enum mu_code io_csv_parser_finish(struct io_csv_parser *p, struct io_csv_table **out,
                                  struct mu_err *err)
{
	struct io_csv_table *t;
	if (!failed(p) && !p->seen_first_byte && p->bom_matched) {
		p->seen_first_byte = true;
		if (p->bom_matched < 3)
			feed_bytes(p, "\xEF\xBB\xBF", p->bom_matched);
	}
	if (!failed(p) && p->is_runaway) {
		if (p->is_runaway_quote) /* closed by the file's last byte */
			field_too_long(p, p->runaway_line);
		else
			unterminated_quote(p, p->runaway_line);
	}
	if (!failed(p) && csv_fini(&p->csv, on_field, on_row, p) != 0 && !failed(p))
		unterminated_quote(p, p->pending ? p->pending : p->line);
	if (p->err.code != MU_OK) {
		if (err)
			*err = p->err;
		return p->err.code;
	}
	if (!out)
		return MU_OK;
	t = mu_calloc(1, sizeof(*t));
	t->file = p->file;
	p->file = NULL;
	t->text = mu_buf_detach(&p->text, NULL);
	t->cells = p->cells;
	p->cells = NULL;
	t->rows = p->rows;
	p->rows = NULL;
	t->n_rows = p->n_rows;
	*out = t;
	return MU_OK;
}

enum mu_code io_csv_read(const char *file, const char *data, size_t len, struct io_csv_table **out,
                         struct mu_err *err)
{
	struct io_csv_parser *p = io_csv_parser_new(file);
	enum mu_code rc;
	if (!p)
		return mu_err_set(err, MU_E_IO, "%s: cannot start the CSV parser", file);
	rc = io_csv_parser_feed(p, data, len, err);
	if (rc == MU_OK)
		rc = io_csv_parser_finish(p, out, err);
	io_csv_parser_free(p);
	return rc;
}

enum mu_code io_csv_read_rows(const char *file, const char *data, size_t len, io_csv_row_fn row_fn,
                              void *user, struct mu_err *err)
{
	struct io_csv_parser *p = io_csv_parser_new(file);
	enum mu_code rc;
	if (!p)
		return mu_err_set(err, MU_E_IO, "%s: cannot start the CSV parser", file);
	io_csv_parser_set_row_fn(p, row_fn, user);
	rc = io_csv_parser_feed(p, data, len, err);
	if (rc == MU_OK)
		rc = io_csv_parser_finish(p, NULL, err);
	io_csv_parser_free(p);
	return rc;
}

void io_csv_table_free(struct io_csv_table *table)
{
	if (!table)
		return;
	free(table->file);
	free(table->text);
	free(table->cells);
	free(table->rows);
	free(table);
}

void io_csv_write_field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\r\n") || (s[0] && (is_blank(s[0]) || is_blank(s[strlen(s) - 1]))))
		csv_fwrite(fp, s, strlen(s));
	else
		fputs(s, fp);
}

void io_csv_write_text(FILE *fp, const char *s)
{
	char *quoted;
	if (!strchr("=+-@\t\r", s[0]) || s[0] == '\0') {
		io_csv_write_field(fp, s);
		return;
	}
	/* a spreadsheet would run it as a formula: make it text */
	quoted = mu_malloc(strlen(s) + 2);
	quoted[0] = '\'';
	strcpy(quoted + 1, s);
	io_csv_write_field(fp, quoted);
	free(quoted);
}

void io_csv_write_row(FILE *fp, const char *const *cells, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', fp);
		io_csv_write_text(fp, cells[i]);
	}
}
