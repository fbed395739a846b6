/*
 * test_util.h - what every test program shares (prefix tu_): the one main
 * (tu_run_tests: the tests MUSTER_TEST_FILTER names), one temporary folder
 * per program, files read and written, scenario folders parsed, and the
 * muster binary run with its output captured and watched. What the model
 * tests share beyond this is model_harness.h's.
 */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_scenario.h"
#include "io/io_source.h"

#include <stdbool.h>
#include <sys/resource.h>
#include <sys/types.h>

/* What a program returns when MUSTER_TEST_FILTER matches none of its
 * tests: ctest shows it as skipped (SKIP_RETURN_CODE, tests/CMakeLists.txt),
 * neither passed nor failed, so that `MUSTER_TEST_FILTER='*demo*' ctest`
 * says which programs ran something. */
#define TU_SKIPPED 77

/* The main of every test program, as cmocka_run_group_tests (same
 * arguments, same exit status) but:
 * - with MUSTER_TEST_FILTER set and not empty, only the tests whose name
 *   matches it run: cmocka_set_test_filter's glob over the whole name ('*'
 *   any characters, '?' one; case-sensitive), e.g. '*demo*' or
 *   'test_cli_sweep_*'. A filter that matches none of the program's tests
 *   runs nothing, not even setup, says so on stderr and returns
 *   TU_SKIPPED: cmocka would run 0 tests and pass, and a misspelt filter
 *   would look like a green suite.
 * - the folder of tu_dir, when a test made it, is removed after a run
 *   that passed, and kept and named on stderr after one that failed.
 * - MUSTER_BIN, MUSTER_EXAMPLE_DIR and MUSTER_TEST_DATA, where unset, are
 *   set to this build's binary, io/example and tests/data. */
#define tu_run_tests(tests, setup, teardown)                                                       \
	tu_run_group(__FILE__, tests, sizeof(tests) / sizeof((tests)[0]), setup, teardown)

int tu_run_group(const char *source_file, const struct CMUnitTest *tests, size_t n_tests,
                 CMFixtureFunction setup, CMFixtureFunction teardown);

/* The program's temporary folder, /tmp/muster-PROGRAM-XXXXXX, made on the
 * first call; see tu_run_tests for its end. Aborts when it cannot be made. */
const char *tu_dir(void);

/* tu_dir()/name into buf. */
void tu_path(char *buf, size_t size, const char *name);

/* The bytes of the file at path with a '\0' after them (the caller
 * frees), their number in *len unless len is NULL; NULL when the file
 * cannot be opened. */
char *tu_read(const char *path, size_t *len);

struct io_csv_table;
struct mu_errlist;

/* A scenario file given as text in a test. */
struct tu_file {
	const char *name;
	const char *text;
};

struct io_source;
struct mu_scenario;

/* The n_base files of base with up to two files replaced, added (a name
 * not in base) or removed (text NULL; name NULL: no change), as a source
 * labelled "test". Free with io_source_free. */
struct io_source *tu_source_with(const struct tu_file *base, size_t n_base, const char *name,
                                 const char *text, const char *name2, const char *text2);

/* tu_source_with's files loaded: the scenario, or NULL, with the errors
 * and warnings (one a line) in *errors_out and *warnings_out (the
 * caller's to free; either may be NULL). */
struct mu_scenario *tu_load_with(const struct tu_file *base, size_t n_base, const char *name,
                                 const char *text, const char *name2, const char *text2,
                                 char **errors_out, char **warnings_out);

/* Every formatted message of list (mu_err_format), one a line; the
 * caller frees it. */
char *tu_err_messages(const struct mu_errlist *list);

/* path read as CSV (io_csv_read), or NULL with why saying so ("PATH:
 * cannot read", or the reader's message). Free with io_csv_free. */
struct io_csv_table *tu_csv_read(const char *path, char *why, size_t why_len);

/* The cell of the column headed name in row i of t (row 0 the header), or
 * NULL when there is no such column or the row is shorter. */
const char *tu_csv_cell_named(const struct io_csv_table *t, size_t i, const char *name);

/* tu_read's text of path; fails the test when there is no such file. */
char *tu_slurp(const char *path);

/* Writes the len bytes of data as the file at path (replacing it); fails
 * the test when it cannot. */
void tu_write(const char *path, const char *data, size_t len);

/* Removes the SQLite database at path with its -wal and -shm files, those
 * that are there. */
void tu_remove_db(const char *path);

/* The scenario of src; fails the test, after printing every error, when
 * it is invalid. src stays the caller's. */
struct mu_scenario *tu_parse(const struct io_source *src);

/* The scenario in the folder at path; fails the test unless it reads. */
struct mu_scenario *tu_load_dir(const char *path);

/* The built-in example (io_source_example), parsed. */
struct mu_scenario *tu_load_example(void);

/* --- the muster binary (MUSTER_BIN) */

/* How tu_spawn starts muster: in dir (NULL: tu_dir()), under a file size
 * limit (0: none), with SIGXFSZ ignored (writes past it then fail with
 * EFBIG instead of killing the process), or as the user nobody (when the
 * tests run as root; as anyone else, as themselves). */
struct tu_child {
	const char *dir;
	rlim_t file_size_limit;
	bool is_sigxfsz_ignored;
	bool is_nobody;
};

/* Starts muster with the NULL-terminated args (after the binary) as how
 * says, its stdout into out_path and its stderr into err_path (NULL: into
 * out_path too, interleaved as a terminal shows them); returns the child,
 * for the caller to wait for. */
pid_t tu_spawn(const struct tu_child *how, const char *const *args, const char *out_path,
               const char *err_path);

/* Runs muster with the NULL-terminated args as how says and waits for it;
 * returns the raw wait status; stdout and stderr go to tu_dir()/stdout and
 * tu_dir()/stderr, read into *out and *err (the caller's). */
int tu_run_child(const struct tu_child *how, const char *const *args, char **out, char **err);

/* What a run of muster did: its exit status, stdout and stderr. */
struct tu_result {
	int status;
	char *out;
	char *err;
};

/* Runs muster with the NULL-terminated arguments, in tu_dir(); fails the
 * test unless it exits (a signal ending it is a failure). */
struct tu_result tu_run(const char *arg, ...);

void tu_result_free(struct tu_result *r);

/* --- a running child, as Linux's /proc shows it (the tests wait on what
 * a process has done, never on the clock: see tests/CMakeLists.txt) */

/* The CPU seconds (user and system) pid has used; fails the test when
 * /proc cannot say. */
double tu_cpu_seconds(pid_t pid);

/* Whether pid is asleep in nanosleep: muster sleeps nowhere else after
 * its solve than in the store's busy handler, waiting for another
 * writer's lock. Fails the test when /proc cannot say. */
bool tu_is_in_nanosleep(pid_t pid);

/* Whether the child pid has ended (reaped, *status its wait status). */
bool tu_has_ended(pid_t pid, int *status);

#endif
