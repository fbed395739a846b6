/*
 * io_outputs.h - the files of one run's --out folder (DESIGN.md §4):
 * plan.csv, summary.csv, rota.csv or prices.csv, why.csv, changes.csv,
 * rates.csv (supply curves, §3d), report.html, and each partner's slice
 * under partners/PARTNER/; and a
 * sweep's: sweep.csv, sweep.svg and report.html.
 */
#ifndef IO_OUTPUTS_H
#define IO_OUTPUTS_H

#include "core/mu_err.h"
#include "core/mu_scenario.h"
#include "io/io_html.h"

#include <stdbool.h>

/* Writes the CSV outputs of the run that view shows into dir (which
 * exists): rota.csv when is_rota, prices.csv when view has prices,
 * changes.csv when it has changes, rates.csv when sc has a role whose
 * supply answers the rate, and each partner's plan.csv, rota.csv and
 * rates.csv into dir/partners/ID (an id of "." or ".." as "_." or "_.."). The pages
 * are io_outputs_write_pages', written once the run is recorded. MU_OK or
 * MU_E_IO. */
enum mu_code io_outputs_write_run(const char *dir, const struct mu_scenario *sc,
                                  const struct io_html_plan *view, bool is_rota,
                                  struct mu_err *err);

/* Writes the run's report.html (titled with label, its header naming
 * view->run_id) into dir and each partner's into dir/partners/ID, after
 * io_outputs_write_run made the folders. MU_OK or MU_E_IO. */
enum mu_code io_outputs_write_pages(const char *dir, const struct mu_scenario *sc,
                                    const struct io_html_plan *view, const char *label,
                                    struct mu_err *err);

/* Writes a whole sweep's outputs into dir (which exists): sweep.csv (a
 * row per point), sweep.svg (spend, penalties, fill and agency spend
 * against the first name's value, a line per combination of the others' values, the knee of
 * each line, io_say_knee, marked) and report.html (titled with label)
 * showing both (io_outputs_sweep.c). MU_OK or MU_E_IO. */
enum mu_code io_outputs_write_sweep(const char *dir, const struct mu_scenario *sc,
                                    const char *label, const struct io_sweep_table *table,
                                    struct mu_err *err);

/* An --out folder's outputs are written into a folder staged beside it
 * and moved into place only once the run is recorded, so that a process
 * killed before the record never leaves a complete folder whose run is not
 * in the store (issue 24; tests/kill_test.c checks it).
 *
 * io_outputs_begin makes the staging folder, out's parent's
 * ".NAME.muster-XXXXXX" (the same file system, so the moves are renames),
 * or out/.muster-XXXXXX where the parent cannot take it, and sets *staged to
 * its path, the caller's (free). MU_OK or MU_E_IO. */
enum mu_code io_outputs_begin(const char *out, char **staged, struct mu_err *err);

/* Moves everything in staged into out (which exists; made by
 * io_file_check_dir): where out is an empty folder of ours, staged
 * replaces it in one rename(2) (a kill leaves it empty or whole);
 * otherwise file by file with rename(2), folders merged, a file of the
 * same name replaced, and staged removed. MU_OK or MU_E_IO naming the
 * file that could not be moved. */
enum mu_code io_outputs_commit(const char *staged, const char *out, struct mu_err *err);

/* Removes staged and all in it, when a run fails; NULL is accepted. */
void io_outputs_abandon(const char *staged);

#endif
