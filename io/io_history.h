/*
 * io_history.h - reads history.csv (DESIGN.md §3e: one row per past shift,
 * what it needed and who was absent) against a loaded scenario, under the
 * reading rules of §2, into core's typed history, sorted into series; and
 * the warnings of a history that is valid but almost certainly a slip.
 */
#ifndef IO_HISTORY_H
#define IO_HISTORY_H

#include "core/mu_err.h"
#include "core/mu_history.h"
#include "core/mu_scenario.h"

#include <stddef.h>

/* Days of history a series needs for the forecaster's backtest (8 weeks). */
#define IO_HISTORY_MIN_DAYS 56
/* A required more than this many times its series' median is warned of. */
#define IO_HISTORY_OUTLIER 10

/* Reads the history.csv at path, named name in every error and warning
 * ("history.csv" for a scenario folder's, the path as given for
 * --history), against sc: every partner and role it names must be sc's.
 * The file is read in pieces and never held whole: the history takes
 * about 32 bytes a row, and at most 12 more a row while it is sorted.
 * Every error found goes to errors and every warning to warnings (either
 * may be NULL); warnings are looked for only when there is no error.
 * Returns MU_OK with *out the history (sorted: out->is_sorted, series by
 * mu_history_series_list; the caller's, released with
 * mu_history_release), MU_E_INPUT (errors in the file) or MU_E_IO (it
 * could not be opened or read: the one error says why). *out is written
 * only on MU_OK. */
enum mu_code io_history_read(const char *path, const char *name, const struct mu_scenario *sc,
                             struct mu_history *out, struct mu_errlist *errors,
                             struct mu_errlist *warnings);

/* As io_history_read, for the len bytes of data (a file already in
 * memory, the tests, the fuzzer); never MU_E_IO. */
enum mu_code io_history_parse(const char *name, const char *data, size_t len,
                              const struct mu_scenario *sc, struct mu_history *out,
                              struct mu_errlist *errors, struct mu_errlist *warnings);

#endif
