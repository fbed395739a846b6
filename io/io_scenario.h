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

/* As io_scenario_parse, and adds to warnings (which may be NULL) what
 * DESIGN.md §2 warns of: a valid scenario that is almost certainly not what
 * its author meant (bank workers who cannot work for want of
 * availability.csv, or who offered no shift; agency offers that are all
 * break-glass while allow_break_glass is no; a demand row whose minimum no
 * source could ever cover; of §3d, a bank_cap above the role's agency_cap,
 * an elasticity above 2 and a reference_rate more than 50% away from the
 * role's bank_rate), and a spreadsheet (.xlsx, .ods) in the folder.
 * A warning is a record like an error (code MU_E_INPUT, file, place,
 * message) in a list of its own, and never changes the return code. The
 * scenario's warnings are looked for only when it has no error; the
 * spreadsheets are named either way. */
enum mu_code io_scenario_load(const struct io_source *src, struct mu_scenario **out,
                              struct mu_errlist *errors, struct mu_errlist *warnings);

/* The files a scenario may hold, in the order they are read. */
extern const char *const io_scenario_file_names[];
extern const size_t io_scenario_n_file_names;

#endif
