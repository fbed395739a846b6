/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader (io/io_csv.h). The input
 * is one file's bytes. It is read whole, then again in chunks whose sizes
 * come from the input's own hash, and the two answers must agree: the same
 * code, the same error text, the same cells. A table that is returned must
 * hold together (every cell inside the text and NUL-terminated, rows in
 * order, lines that never go backwards). Any disagreement aborts, so that
 * libFuzzer saves the input. fuzz/CMakeLists.txt says how to build and run it.
 */
#include "io/io_csv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_csv: %s\n", what);
	abort();
}

/* Checks what every returned table promises (io_csv.h). */
static void check_table(const struct io_csv_table *t, size_t size)
{
	size_t i, j, next_cell = 0;
	unsigned long last_line = 0;
	if (t->n_rows > IO_CSV_ROWS_MAX)
		fail("more rows than IO_CSV_ROWS_MAX");
	for (i = 0; i < t->n_rows; i++) {
		const struct io_csv_row *r = &t->rows[i];
		if (r->first != next_cell || r->n_cells == 0 || r->n_cells > IO_CSV_FIELDS_MAX)
			fail("row cells out of place");
		if (r->line == 0 || r->line < last_line || r->end_line < r->line)
			fail("row lines out of order");
		last_line = r->line;
		for (j = 0; j < r->n_cells; j++) {
			const struct io_csv_cell *c = &t->cells[r->first + j];
			const char *text = io_csv_cell_text(t, c);
			if (c->len > IO_CSV_FIELD_MAX || c->len > size)
				fail("cell longer than the field limit or the input");
			if (text[c->len] != '\0' || strlen(text) != c->len)
				fail("cell not NUL-terminated at its length");
			if (c->line < r->line || c->line > r->end_line)
				fail("cell line outside its row");
		}
		next_cell += r->n_cells;
	}
}

/* The same table, cell by cell. */
static void check_same(const struct io_csv_table *a, const struct io_csv_table *b)
{
	size_t i, j;
	if (a->n_rows != b->n_rows)
		fail("chunked read: another number of rows");
	for (i = 0; i < a->n_rows; i++) {
		const struct io_csv_row *ra = &a->rows[i], *rb = &b->rows[i];
		if (ra->n_cells != rb->n_cells || ra->line != rb->line ||
		    ra->end_line != rb->end_line)
			fail("chunked read: another row");
		for (j = 0; j < ra->n_cells; j++) {
			const struct io_csv_cell *ca = &a->cells[ra->first + j];
			const struct io_csv_cell *cb = &b->cells[rb->first + j];
			if (ca->len != cb->len || ca->line != cb->line ||
			    memcmp(io_csv_cell_text(a, ca), io_csv_cell_text(b, cb), ca->len) != 0)
				fail("chunked read: another cell");
		}
	}
}

/* Chunk sizes from 1 to 64 bytes, and now and then a large one, picked by
 * a hash of the input so that a saved crash replays the same chunking. */
static size_t next_chunk(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) % 8 == 0 ? 4096 : 1 + (*state >> 16) % 64;
}

static uint32_t input_hash(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;
	size_t i;
	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}

static enum mu_code read_chunked(const uint8_t *data, size_t size, struct io_csv_table **out,
                                 struct mu_err *err)
{
	struct io_csv_parser *p = io_csv_parser_new("fuzz.csv");
	uint32_t state = input_hash(data, size);
	size_t at = 0;
	enum mu_code rc = MU_OK;
	while (at < size && rc == MU_OK) {
		size_t n = next_chunk(&state);
		if (n > size - at)
			n = size - at;
		rc = io_csv_parser_feed(p, (const char *)data + at, n, err);
		at += n;
	}
	if (rc == MU_OK)
		rc = io_csv_parser_finish(p, out, err);
	io_csv_parser_free(p);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct io_csv_table *whole = NULL, *chunked = NULL;
	struct mu_err err_whole, err_chunked;
	char text_whole[1024], text_chunked[1024];
	enum mu_code rc_whole, rc_chunked;

	mu_err_clear(&err_whole);
	mu_err_clear(&err_chunked);
	rc_whole = io_csv_read("fuzz.csv", (const char *)data, size, &whole, &err_whole);
	rc_chunked = read_chunked(data, size, &chunked, &err_chunked);

	if (rc_whole != MU_OK && rc_whole != MU_E_INPUT)
		fail("a code other than MU_OK or MU_E_INPUT");
	if (rc_whole != rc_chunked)
		fail("chunked read: another code");
	if (rc_whole == MU_OK) {
		if (!whole || !chunked)
			fail("MU_OK without a table");
		check_table(whole, size);
		check_same(whole, chunked);
	} else {
		mu_err_format(&err_whole, text_whole, sizeof(text_whole));
		mu_err_format(&err_chunked, text_chunked, sizeof(text_chunked));
		if (err_whole.code != MU_E_INPUT || err_whole.msg[0] == '\0')
			fail("an error without a message");
		if (strcmp(text_whole, text_chunked) != 0) {
			fprintf(stderr, "whole:   %s\nchunked: %s\n", text_whole, text_chunked);
			fail("chunked read: another error");
		}
	}
	io_csv_table_free(whole);
	io_csv_table_free(chunked);
	return 0;
}
