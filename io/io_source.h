/*
 * io_source.h - the raw files of a scenario: read from a folder, or the
 * built-in example; hashed for the store; written out by `muster example`.
 * A source owns copies of its files' bytes.
 */
#ifndef IO_SOURCE_H
#define IO_SOURCE_H

#include "core/mu_err.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define IO_SOURCE_FILE_MAX (256UL * 1024 * 1024) /* bytes in one scenario file */

/* The one .csv name a scenario folder may hold that is not the scenario's:
 * the past shifts of DESIGN.md §3e, which only `muster forecast` (and
 * `check`) read, through io_history. It may be 50 MB: the source never
 * reads, hashes or stores it, so that it costs no solve anything. */
#define IO_SOURCE_HISTORY "history.csv"

struct io_file {
	char *name; /* base name, e.g. "demand.csv" */
	char *data;
	size_t len;
};

/* A name ending in ".csv" that is not a regular file (a directory, a FIFO,
 * a device, a link to one or to nothing): never opened for reading, so that
 * a FIFO cannot block and /dev/zero cannot flood. */
struct io_not_regular {
	char *name;       /* base name, e.g. "demand.csv" */
	const char *what; /* static: "a directory", "a FIFO", ... */
};

struct io_source {
	char *label;           /* the folder, or "(built-in example)" */
	struct io_file *files; /* sorted by name */
	size_t n_files;
	char **
	    spreadsheets; /* names of .xlsx, .xls, .ods ... files in the folder, sorted; not read */
	size_t n_spreadsheets;
	struct io_not_regular *not_regular; /* sorted by name; not read */
	size_t n_not_regular;
	bool has_history; /* the folder holds IO_SOURCE_HISTORY (of any kind); not read */
	/* The built-in example's IO_SOURCE_HISTORY, compiled in (static data,
	 * not the source's to free): written by io_source_write_dir, never
	 * loaded, hashed or stored with the scenario. NULL for a folder. */
	const unsigned char *history;
	size_t history_len;
};

/* Reads every file of dir whose name ends in ".csv" (any case) but
 * IO_SOURCE_HISTORY (whose presence only is noted), and notes
 * the names of the spreadsheets beside them (so that a scenario saved as
 * .xlsx can be named in a message; not hashed or stored) and of the .csv
 * names that are not regular files (for io_scenario to report). Returns
 * MU_OK, MU_E_INPUT (no such folder, a file too large) or MU_E_IO. *out is
 * the caller's, freed with io_source_free. */
enum mu_code io_source_read_dir(const char *dir, struct io_source **out, struct mu_err *err);

/* What a file of this mode is when it is not a regular file ("a
 * directory", "a FIFO", "a device", "a socket", "not a file"); else NULL.
 * For a message that names why a path was not read. */
const char *io_source_not_regular_kind(mode_t mode);

/* The built-in example ICS (the CSV files of io/example, compiled in).
 * Never fails. */
struct io_source *io_source_example(void);

/* The example's summer week (io/example-summer): the same system as
 * io_source_example (partners, roles, staff, bank, agencies, agreements,
 * settings, recruits.csv), a July week of the same shift ids at 85% of its
 * demand; the second week of `muster recruit`. Never fails. */
struct io_source *io_source_example_summer(void);

/* Adds the example's discharge pathway (DESIGN.md §3f, io/example-flow:
 * flow.csv, 40 patients at acute_north waiting for care from homecare) to
 * src, an io_source_example or io_source_example_summer, for `muster
 * example DIR --flow`. Not in the example the demo solves: with it no
 * solver proves the example's rota in minutes (docs/hospital-flow.md). */
void io_source_add_example_flow(struct io_source *src);

/* Writes every file of src into dir, creating dir if needed; refuses to
 * overwrite existing files. MU_OK, MU_E_USAGE (a file exists) or MU_E_IO. */
enum mu_code io_source_write_dir(const struct io_source *src, const char *dir, struct mu_err *err);

/* The content hash: SHA-256 over the sorted file names and bytes. */
void io_source_hash(const struct io_source *src, char hex[65]);

/* The file called name, or NULL. */
const struct io_file *io_source_find(const struct io_source *src, const char *name);

/* Accepts NULL. */
void io_source_free(struct io_source *src);

#endif
