/*
 * cli_twostage.h - `muster solve SCENARIO --scenarios FILE
 * [--check-scenarios FILE2]` (DESIGN.md §3e): reads the scenarios, calls
 * the workflow (flows/flow_twostage.c), prints its lines and has io/
 * write the outputs.
 */
#ifndef CLI_TWOSTAGE_H
#define CLI_TWOSTAGE_H

#include "cli_options.h"
#include "core/mu_draws.h"
#include "core/mu_scenario.h"
#include "flows/flow_compare.h"
#include "io/io_source.h"

/* Solves sc (read from src, o->scenario's folder) as a two-stage plan on
 * o->scenarios. Returns the exit status: 0, 3 when a scenario's day of
 * the plan has a red flag, 2 bad input or a combination not supported
 * yet, 1 I/O or solver failure. */
int cli_twostage_solve(const struct cli_options *o, const struct io_source *src,
                       const struct mu_scenario *sc);

/* Reads o->scenarios into *draws and, when given, o->check_scenarios into
 * *check (else NULL), against sc; prints their errors. Returns the exit
 * status (0: both read; the caller frees them with mu_draws_free). */
int cli_twostage_read(const struct cli_options *o, const struct mu_scenario *sc,
                      struct mu_draws **draws, struct mu_draws **check);

/* Prints compare --scenarios' lines (io_say_twostage_compare) and the
 * runs recorded; returns the exit status: 3 when some scenario's day of
 * the system plan has a red flag, else 0. */
int cli_twostage_print_compare(const struct cli_options *o, const struct mu_scenario *sc,
                               const struct flow_compare *c);

#endif
