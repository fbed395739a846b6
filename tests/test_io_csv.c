/*
 * test_io_csv.c - the CSV reader: physical lines with CRLF, CR, a BOM and
 * quoted newlines; trimming; every CSV-level error with its place; bounded
 * memory on hostile input. Every fixture is fed in every chunk size and must
 * read the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "io/io_csv.h"
#include "test_util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_fixture(const char *name, size_t *len)
{
	const char *dir = getenv("MUSTER_TEST_DATA");
	char path[1024];
	char *data;
	snprintf(path, sizeof(path), "%s/csv/%s", dir, name);
	data = tu_read(path, len);
	assert_non_null(data);
	return data;
}

static void render_row(struct mu_buf *out, const struct io_csv_table *t,
                       const struct io_csv_row *row)
{
	size_t c;
	mu_buf_addf(out, "row %lu-%lu:", row->line, row->end_line);
	for (c = 0; c < row->n_cells; c++) {
		const struct io_csv_cell *cell = &t->cells[row->first + c];
		mu_buf_addf(out, " [%lu|%s]", cell->line, io_csv_cell_text(t, cell));
	}
	mu_buf_addc(out, '\n');
}

/* A row function that renders each row as it comes, and checks that the
 * parser holds no more than the header and that row. */
static bool render_each_row(const struct io_csv_table *view, void *user)
{
	assert_true(view->n_rows == 1 || view->n_rows == 2);
	if (view->n_rows == 2)
		assert_int_equal(view->rows[1].first, view->rows[0].n_cells);
	render_row(user, view, &view->rows[view->n_rows - 1]);
	return true;
}

/* A table or an error, rendered as text so two reads can be compared; row
 * by row (io_csv_parser_set_row_fn) when is_by_row. */
static char *render_as(const char *data, size_t len, size_t chunk, bool is_by_row)
{
	struct io_csv_parser *p = io_csv_parser_new("f.csv");
	struct io_csv_table *t = NULL;
	struct mu_err err;
	struct mu_buf out;
	size_t off = 0, r;
	enum mu_code rc = MU_OK;
	char line[1024];

	mu_err_clear(&err);
	mu_buf_init(&out);
	if (is_by_row)
		io_csv_parser_set_row_fn(p, render_each_row, &out);
	while (off < len && rc == MU_OK) {
		size_t n = len - off < chunk ? len - off : chunk;
		rc = io_csv_parser_feed(p, data + off, n, &err);
		off += n;
	}
	if (rc == MU_OK)
		rc = io_csv_parser_finish(p, is_by_row ? NULL : &t, &err);
	io_csv_parser_free(p);
	if (rc != MU_OK) {
		mu_buf_reset(&out);
		mu_buf_addf(&out, "error %s", mu_err_format(&err, line, sizeof(line)));
		return mu_buf_detach(&out, NULL);
	}
	for (r = 0; t && r < t->n_rows; r++)
		render_row(&out, t, &t->rows[r]);
	io_csv_table_free(t);
	return mu_buf_detach(&out, NULL);
}

/* As render_as, both ways: they must agree. */
static char *render(const char *data, size_t len, size_t chunk)
{
	char *kept = render_as(data, len, chunk, false),
	     *by_row = render_as(data, len, chunk, true);
	if (strcmp(kept, by_row) != 0) {
		print_error("row by row at chunk size %zu:\n%.300s\nkept:\n%.300s\n", chunk, by_row,
		            kept);
		fail();
	}
	free(by_row);
	return kept;
}

/* Reads the fixture whole, then in every chunk size, and checks all agree
 * with expected. */
static void check_every_chunk_size(const char *fixture, const char *expected)
{
	size_t len, chunk;
	char *data = read_fixture(fixture, &len);
	for (chunk = 1; chunk <= len + 1; chunk++) {
		char *got = render(data, len, chunk);
		if (strcmp(got, expected) != 0) {
			print_error("%s at chunk size %zu:\n%s\nexpected:\n%s\n", fixture, chunk,
			            got, expected);
			fail();
		}
		free(got);
	}
	free(data);
}

/* As check_every_chunk_size, for a generated file too long to read in
 * every chunk size: the sizes around libcsv's and the reader's own runs
 * and the field limit, and the whole file. */
static void check_chunk_sizes(const char *name, const char *data, size_t len, const char *expected)
{
	static const size_t sizes[] = {1,    2,    3,     7,     64,    4095,  4096,
	                               4097, 8191, 65535, 65536, 65537, 65538, 100000};
	size_t i;
	for (i = 0; i <= sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t chunk = i < sizeof(sizes) / sizeof(sizes[0]) ? sizes[i] : len + 1;
		char *got = render(data, len, chunk);
		if (strcmp(got, expected) != 0) {
			print_error("%s at chunk size %zu:\n%.300s\nexpected:\n%.300s\n", name,
			            chunk, got, expected);
			fail();
		}
		free(got);
	}
}

static void test_io_csv_counts_physical_lines(void **state)
{
	(void)state;
	/* BOM skipped; CRLF, CR and LF line ends; a quoted CRLF inside a
	 * field; blank and all-space lines skipped; spaces around cells,
	 * quoted or not, trimmed; "" is a quote; a line of commas is a row. */
	check_every_chunk_size("line_ends.csv", "row 1-1: [1|id] [1|name]\n"
	                                        "row 2-3: [2|a1] [2|Ann\r\nSmith]\n"
	                                        "row 6-6: [6|a2] [6|Bob]\n"
	                                        "row 7-7: [7|a3] [7|say \"hi\"]\n"
	                                        "row 9-9: [9|] [9|]\n");
}

static void test_io_csv_reports_a_cell_at_the_line_it_starts(void **state)
{
	(void)state;
	check_every_chunk_size("no_final_newline.csv", "row 1-1: [1|id] [1|name]\n"
	                                               "row 2-4: [2|multi\nline\nid] [4|x]\n"
	                                               "row 5-5: [5|last] [5|row]\n");
}

static void test_io_csv_rejects_unterminated_quote_where_it_opened(void **state)
{
	(void)state;
	check_every_chunk_size(
	    "unterminated.csv",
	    "error f.csv:3:2: unterminated quote: the quote that opens this field "
	    "is never closed (close it, or remove it)");
}

static void test_io_csv_rejects_stray_quote(void **state)
{
	(void)state;
	check_every_chunk_size("stray_quote.csv",
	                       "error f.csv:3:2: malformed quoting: a quote inside an unquoted "
	                       "field, or text after a closing quote");
}

static void test_io_csv_rejects_invalid_utf8(void **state)
{
	(void)state;
	check_every_chunk_size("bad_utf8.csv", "error f.csv:3:2: invalid UTF-8 in field '\\xC3('");
}

static void test_io_csv_rejects_bom_inside(void **state)
{
	(void)state;
	check_every_chunk_size("inner_bom.csv",
	                       "error f.csv:2:2: byte order mark inside the file (only the very "
	                       "start may have one)");
}

static void test_io_csv_rejects_nul_byte(void **state)
{
	(void)state;
	check_every_chunk_size("nul.csv", "error f.csv:2:2: NUL byte in field 'x\\x00y'");
}

static void test_io_csv_rejects_huge_field_in_bounded_memory(void **state)
{
	size_t len = 3 + 1024 * 1024;
	char *data = mu_malloc(len);
	char *got;
	(void)state;
	memcpy(data, "a\n\"", 3);
	memset(data + 3, 'x', len - 3);
	/* a quote never closed is that, at the line where it opened, however
	 * far the file runs on after it (not "a field longer than 65536") */
	got = render(data, len, 65536);
	assert_string_equal(got, "error f.csv:2:1: unterminated quote: the quote that opens this "
	                         "field is never closed (close it, or remove it)");
	free(got);
	/* ... also with quotes inside it, doubled, one at the very end */
	memcpy(data + 70000, "\"\"\n\"\"", 5);
	got = render(data, len, 4096);
	assert_string_equal(got, "error f.csv:2:1: unterminated quote: the quote that opens this "
	                         "field is never closed (close it, or remove it)");
	free(got);
	data[len - 2] = data[len - 1] = '"';
	got = render(data, len, 4093);
	assert_string_equal(got, "error f.csv:2:1: unterminated quote: the quote that opens this "
	                         "field is never closed (close it, or remove it)");
	free(got);
	data[len - 2] = data[len - 1] = 'x';
	/* closed, it is a field too long, wherever the closing quote is */
	memcpy(data + 500000, "\"\n", 2);
	got = render(data, len, 4096);
	assert_string_equal(got, "error f.csv:2:1: field longer than 65536 bytes");
	free(got);
	got = render(data, 500000 + 1, 999); /* the closing quote is the last byte */
	assert_string_equal(got, "error f.csv:2:1: field longer than 65536 bytes");
	free(got);
	/* unquoted, too */
	data[2] = 'y';
	got = render(data, len, 1000);
	assert_string_equal(got, "error f.csv:2:1: field longer than 65536 bytes");
	free(got);
	free(data);
}

static void test_io_csv_rejects_too_many_fields(void **state)
{
	struct mu_buf buf;
	char *got;
	int i;
	(void)state;
	mu_buf_init(&buf);
	mu_buf_adds(&buf, "a\n");
	for (i = 0; i < 5000; i++)
		mu_buf_addc(&buf, ',');
	got = render(buf.data, buf.len, 4096);
	assert_string_equal(got, "error f.csv:2: row has more than 1000 fields");
	free(got);
	mu_buf_release(&buf);
}

static void test_io_csv_reads_200k_rows(void **state)
{
	struct mu_buf buf;
	struct io_csv_table *t = NULL;
	struct mu_err err;
	int i;
	(void)state;
	mu_buf_init(&buf);
	mu_buf_adds(&buf, "worker,shift\n");
	for (i = 0; i < 200000; i++)
		mu_buf_addf(&buf, "w%d,s%d\n", i, i % 21);
	mu_err_clear(&err);
	assert_int_equal(io_csv_read("big.csv", buf.data, buf.len, &t, &err), MU_OK);
	assert_int_equal(t->n_rows, 200001);
	assert_int_equal(t->rows[200000].line, 200001);
	assert_string_equal(io_csv_cell_text(t, &t->cells[t->rows[200000].first]), "w199999");
	io_csv_table_free(t);
	mu_buf_release(&buf);
}

static void test_io_csv_reads_crlf_split_across_chunks(void **state)
{
	const char data[] = "a\r\nb\r\n\"c\r\nd\"\r\ne";
	char *whole = render(data, sizeof(data) - 1, 100), *one = render(data, sizeof(data) - 1, 1);
	(void)state;
	assert_string_equal(whole, "row 1-1: [1|a]\nrow 2-2: [2|b]\nrow 3-4: [3|c\r\nd]\n"
	                           "row 5-5: [5|e]\n");
	assert_string_equal(whole, one);
	free(whole);
	free(one);
}

static void test_io_csv_skipped_lines_count_toward_no_field(void **state)
{
	struct mu_buf buf;
	(void)state;
	/* 70,000 empty lines, LF and CRLF, then a line of 70,000 spaces: all
	 * skipped, none of it the start of a field longer than 65,536 bytes */
	mu_buf_init(&buf);
	mu_buf_adds(&buf, "key,value\n");
	for (int i = 0; i < 70000; i++)
		mu_buf_adds(&buf, i % 2 ? "\n" : "\r\n");
	for (int i = 0; i < 70000; i++)
		mu_buf_addc(&buf, ' ');
	mu_buf_adds(&buf, "\nguarantee,none\n");
	/* and 70,000 spaces after a cell, quoted or not, are not in it */
	mu_buf_adds(&buf, "a,b");
	for (int i = 0; i < 70000; i++)
		mu_buf_addc(&buf, ' ');
	mu_buf_adds(&buf, "\n\"c\"");
	for (int i = 0; i < 70000; i++)
		mu_buf_addc(&buf, ' ');
	mu_buf_adds(&buf, ",d\n");
	check_chunk_sizes("blank lines", buf.data, buf.len,
	                  "row 1-1: [1|key] [1|value]\n"
	                  "row 70003-70003: [70003|guarantee] [70003|none]\n"
	                  "row 70004-70004: [70004|a] [70004|b]\n"
	                  "row 70005-70005: [70005|c] [70005|d]\n");
	mu_buf_release(&buf);
}

/* "id,name\n" then a row whose second field is n bytes of x, quoted or not,
 * with tail after it. */
static char *row_with_field(size_t n, bool is_quoted, const char *tail, size_t *len)
{
	struct mu_buf buf;
	mu_buf_init(&buf);
	mu_buf_adds(&buf, "id,name\na,");
	if (is_quoted)
		mu_buf_addc(&buf, '"');
	for (size_t i = 0; i < n; i++)
		mu_buf_addc(&buf, 'x');
	if (is_quoted)
		mu_buf_addc(&buf, '"');
	mu_buf_adds(&buf, tail);
	return mu_buf_detach(&buf, len);
}

/* The expected rendering of row_with_field(n, ..., "\n" or ",z\n"). */
static char *field_rows(size_t n, bool has_z)
{
	struct mu_buf buf;
	mu_buf_init(&buf);
	mu_buf_adds(&buf, "row 1-1: [1|id] [1|name]\nrow 2-2: [2|a] [2|");
	for (size_t i = 0; i < n; i++)
		mu_buf_addc(&buf, 'x');
	mu_buf_adds(&buf, has_z ? "] [2|z]\n" : "]\n");
	return mu_buf_detach(&buf, NULL);
}

static void test_io_csv_field_limit_is_exact(void **state)
{
	static const char *const tails[] = {"\n", ",z\n", ""};
	const char *too_long = "error f.csv:2:2: field longer than 65536 bytes";
	(void)state;
	/* 62,000 bytes at the end of a line, and exactly 65,536 anywhere,
	 * quoted or not, are read; 65,537 never is */
	for (int q = 0; q < 2; q++)
		for (size_t k = 0; k < sizeof(tails) / sizeof(tails[0]); k++) {
			size_t len, sizes[] = {62000, 65535, 65536};
			for (size_t s = 0; s < 3; s++) {
				char *data = row_with_field(sizes[s], q, tails[k], &len);
				char *expected = field_rows(sizes[s], k == 1);
				check_chunk_sizes("field", data, len, expected);
				free(expected);
				free(data);
			}
			char *data = row_with_field(65537, q, tails[k], &len);
			check_chunk_sizes("field of 65,537 bytes", data, len, too_long);
			free(data);
		}
}

/* A header and n data rows of one field. */
static char *rows_of(unsigned long n, size_t *len)
{
	struct mu_buf buf;
	mu_buf_init(&buf);
	mu_buf_adds(&buf, "id\n");
	for (unsigned long i = 0; i < n; i++)
		mu_buf_adds(&buf, "x\n");
	return mu_buf_detach(&buf, len);
}

static void test_io_csv_row_limit_counts_data_rows(void **state)
{
	struct io_csv_table *t = NULL;
	struct mu_err err;
	size_t len;
	char *data = rows_of(IO_CSV_ROWS_MAX, &len), line[1024];
	(void)state;
	/* exactly 1,000,000 data rows: the header is not one of them */
	mu_err_clear(&err);
	assert_int_equal(io_csv_read("f.csv", data, len, &t, &err), MU_OK);
	assert_int_equal(t->n_rows, IO_CSV_ROWS_MAX + 1);
	io_csv_table_free(t);
	free(data);
	data = rows_of(IO_CSV_ROWS_MAX + 1, &len);
	assert_int_equal(io_csv_read("f.csv", data, len, &t, &err), MU_E_INPUT);
	assert_string_equal(mu_err_format(&err, line, sizeof(line)),
	                    "f.csv:1000002: more than 1000000 data rows");
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_io_csv_counts_physical_lines),
	    cmocka_unit_test(test_io_csv_reports_a_cell_at_the_line_it_starts),
	    cmocka_unit_test(test_io_csv_rejects_unterminated_quote_where_it_opened),
	    cmocka_unit_test(test_io_csv_rejects_stray_quote),
	    cmocka_unit_test(test_io_csv_rejects_invalid_utf8),
	    cmocka_unit_test(test_io_csv_rejects_bom_inside),
	    cmocka_unit_test(test_io_csv_rejects_nul_byte),
	    cmocka_unit_test(test_io_csv_rejects_huge_field_in_bounded_memory),
	    cmocka_unit_test(test_io_csv_rejects_too_many_fields),
	    cmocka_unit_test(test_io_csv_reads_200k_rows),
	    cmocka_unit_test(test_io_csv_reads_crlf_split_across_chunks),
	    cmocka_unit_test(test_io_csv_skipped_lines_count_toward_no_field),
	    cmocka_unit_test(test_io_csv_field_limit_is_exact),
	    cmocka_unit_test(test_io_csv_row_limit_counts_data_rows),
	};
	return tu_run_tests(tests, NULL, NULL);
}
