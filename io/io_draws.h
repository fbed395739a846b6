/*
 * io_draws.h - reads scenarios.csv of DESIGN.md §3e (`solve --scenarios
 * FILE`, `--check-scenarios FILE`): per (scenario, partner, role, shift) a
 * draw's `required` and `absent`, under §2's reading rules, each key
 * resolved against the scenario being solved.
 */
#ifndef IO_DRAWS_H
#define IO_DRAWS_H

#include "core/mu_draws.h"
#include "core/mu_err.h"
#include "core/mu_scenario.h"

/* Reads the scenarios file at path against sc, whose folder is
 * scenario_dir (NULL: the built-in example, no folder). Columns `scenario`
 * (an identifier), `partner`, `role`, `shift`, `required` (decimal >= 0,
 * empty = not given) and `absent` (integer >= 0, empty = not given); one
 * row per (scenario, partner, role, shift); a given required needs a
 * demand row of sc at the key, a given absent a staff row. A file inside
 * scenario_dir is refused. Every error found goes to errors (NULL: only
 * the code tells) as file:line:col, one per cause with its count.
 * Returns MU_OK with *out the caller's (mu_draws_free), MU_E_INPUT (a bad
 * file, or one inside the folder) or MU_E_IO (cannot read it); *out is
 * written only on MU_OK. */
enum mu_code io_draws_read(const char *path, const char *scenario_dir, const struct mu_scenario *sc,
                           struct mu_draws **out, struct mu_errlist *errors);

#endif
