/*
 * fuzz_scenario.c - libFuzzer harness for the whole scenario loader
 * (io_scenario_load: every file read, every rule of DESIGN.md §2 checked,
 * the warnings looked for). The input is a folder packed into one text:
 * each file starts with a line "=== NAME" and runs to the next such line,
 * e.g.
 *   === partners.csv
 *   id,name
 *   acute,Acute trust
 *   === roles.csv
 *   ...
 * A name ending in .csv is a file of the folder (a second file of the same
 * name is dropped, as a folder cannot hold two); one ending in .xlsx, .ods
 * ... is a spreadsheet beside them; other names are ignored, as
 * io_source_read_dir ignores them. The loader must answer MU_OK with a
 * scenario and no error, or MU_E_INPUT with at least one error, each with a
 * message; anything else aborts. fuzz/pack_scenario.sh packs a folder.
 */
#include "core/mu_alloc.h"
#include "core/mu_scenario.h"
#include "io/io_scenario.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MARK "=== "
#define MARK_LEN 4
#define NAME_MAX_LEN 255

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_scenario: %s\n", what);
	abort();
}

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix);
	return n > s && strcasecmp(name + n - s, suffix) == 0;
}

static bool is_spreadsheet(const char *name)
{
	return has_suffix(name, ".xlsx") || has_suffix(name, ".ods") || has_suffix(name, ".xls");
}

/* Where the line after the one at p starts, or end. */
static const uint8_t *next_line(const uint8_t *p, const uint8_t *end)
{
	const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
	return nl ? nl + 1 : end;
}

static bool is_mark(const uint8_t *p, const uint8_t *end)
{
	return (size_t)(end - p) >= MARK_LEN && memcmp(p, MARK, MARK_LEN) == 0;
}

/* The name on a mark line, without the mark and line end; NULL when it
 * could not be a file name (empty, too long, a '/' or a NUL byte). */
static char *mark_name(const uint8_t *p, const uint8_t *line_end)
{
	const uint8_t *s = p + MARK_LEN, *e = line_end;
	char *name;
	if (e > s && e[-1] == '\n')
		e--;
	if (e > s && e[-1] == '\r')
		e--;
	if (e == s || e - s > NAME_MAX_LEN || memchr(s, '/', (size_t)(e - s)) ||
	    memchr(s, '\0', (size_t)(e - s)))
		return NULL;
	name = mu_malloc((size_t)(e - s) + 1);
	memcpy(name, s, (size_t)(e - s));
	name[e - s] = '\0';
	return name;
}

static void add_file(struct io_source *src, size_t *cap, char *name, const uint8_t *data,
                     size_t len)
{
	struct io_file *f;
	if (io_source_find(src, name)) {
		free(name);
		return;
	}
	MU_GROW(src->files, *cap, src->n_files + 1);
	f = &src->files[src->n_files++];
	f->name = name;
	f->data = mu_malloc(len + 1); /* NUL-terminated, as io_source_read_dir reads */
	memcpy(f->data, data, len);
	f->data[len] = '\0';
	f->len = len;
}

static void add_spreadsheet(struct io_source *src, size_t *cap, char *name)
{
	MU_GROW(src->spreadsheets, *cap, src->n_spreadsheets + 1);
	src->spreadsheets[src->n_spreadsheets++] = name;
}

static int cmp_files(const void *a, const void *b)
{
	return strcmp(((const struct io_file *)a)->name, ((const struct io_file *)b)->name);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Unpacks the input into a source, sorted as io_source_read_dir sorts it. */
static struct io_source *unpack(const uint8_t *data, size_t size)
{
	struct io_source *src = mu_calloc(1, sizeof(*src));
	const uint8_t *p = data, *end = data + size;
	size_t cap = 0, sheet_cap = 0;
	src->label = mu_strdup("fuzz");
	while (p < end && !is_mark(p, end))
		p = next_line(p, end);
	while (p < end) {
		const uint8_t *body = next_line(p, end), *q = body;
		char *name = mark_name(p, body);
		while (q < end && !is_mark(q, end))
			q = next_line(q, end);
		if (name && has_suffix(name, ".csv"))
			add_file(src, &cap, name, body, (size_t)(q - body));
		else if (name && is_spreadsheet(name))
			add_spreadsheet(src, &sheet_cap, name);
		else
			free(name);
		p = q;
	}
	if (src->n_files > 1)
		qsort(src->files, src->n_files, sizeof(*src->files), cmp_files);
	if (src->n_spreadsheets > 1)
		qsort(src->spreadsheets, src->n_spreadsheets, sizeof(char *), cmp_names);
	return src;
}

static void check_list(const struct mu_errlist *list)
{
	size_t i;
	char text[1024];
	if (list->n_items > MU_ERRLIST_KEEP || list->n_items > list->n_total)
		fail("error list counts out of range");
	for (i = 0; i < list->n_items; i++) {
		if (list->items[i].code != MU_E_INPUT || list->items[i].msg[0] == '\0')
			fail("an error or warning without MU_E_INPUT and a message");
		mu_err_format(&list->items[i], text, sizeof(text));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct io_source *src = unpack(data, size);
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_errlist *warnings = mu_malloc(sizeof(*warnings));
	struct mu_scenario *sc = NULL;
	enum mu_code rc;

	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	rc = io_scenario_load(src, &sc, errors, warnings);
	check_list(errors);
	check_list(warnings);
	if (rc == MU_OK) {
		if (!sc || errors->n_total != 0)
			fail("MU_OK without a scenario, or with errors");
		if (sc->n_partners == 0 || sc->n_roles == 0 || sc->n_shifts == 0 ||
		    sc->n_demand == 0)
			fail("a scenario without partners, roles, shifts or demand");
		mu_scenario_free(sc);
	} else if (rc == MU_E_INPUT) {
		if (sc || errors->n_total == 0)
			fail("MU_E_INPUT with a scenario, or without an error");
	} else {
		fail("a code other than MU_OK or MU_E_INPUT");
	}
	free(errors);
	free(warnings);
	io_source_free(src);
	return 0;
}
