/*
 * io_scenario.h - turns the files of a scenario (io_source) into the
 * in-memory scenario, enforcing every rule of DESIGN.md §2 and reporting
 * every error it finds as file:line:col.
 */
#ifndef IO_SCENARIO_H
#define IO_SCENARIO_H

#include "core/mu_err.h"
#include "core/mu_scenario.h"
#include "io/io_source.h"

/* Parses and validates src. On success *out is a new scenario, the caller's
 * to free with mu_scenario_free. Every error found is added to errors (which
 * may be NULL; then only the return code tells). Returns MU_OK or MU_E_INPUT;
 * *out is written only on MU_OK. */
enum mu_code io_scenario_parse(const struct io_source *src, struct mu_scenario **out,
                               struct mu_errlist *errors);

/* The files a scenario may hold, in the order they are read. */
extern const char *const io_scenario_file_names[];
extern const size_t io_scenario_n_file_names;

#endif
