/*
 * cli_twostage.h - `muster solve SCENARIO --scenarios FILE
 * [--check-scenarios FILE2]` (DESIGN.md §3e): reads the scenarios, calls
 * the workflow (flows/flow_twostage.c), prints its lines and has io/
 * write the outputs.
 */
#ifndef CLI_TWOSTAGE_H
#define CLI_TWOSTAGE_H

#include "cli_options.h"
#include "core/mu_scenario.h"
#include "io/io_source.h"

/* Solves sc (read from src, o->scenario's folder) as a two-stage plan on
 * o->scenarios. Returns the exit status: 0, 3 when a scenario's day of
 * the plan has a red flag, 2 bad input or a combination not supported
 * yet, 1 I/O or solver failure. */
int cli_twostage_solve(const struct cli_options *o, const struct io_source *src,
                       const struct mu_scenario *sc);

#endif
