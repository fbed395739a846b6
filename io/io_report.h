/*
 * io_report.h - the CSV outputs of a solve (DESIGN.md §4): plan.csv,
 * summary.csv and prices.csv, written into a folder; and those of compare
 * (compare.csv) and sweep (sweep.csv).
 */
#ifndef IO_REPORT_H
#define IO_REPORT_H

#include "core/mu_err.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stdint.h>

/* Writes dir/plan.csv: one row per plan row of sc's plan, money with two
 * decimals. MU_OK or MU_E_IO. */
enum mu_code io_report_write_plan(const char *dir, const struct mu_scenario *sc,
                                  const struct mu_plan *plan, struct mu_err *err);

/* Writes dir/summary.csv: a row per partner and one for SYSTEM, from the
 * plan's totals. MU_OK or MU_E_IO. */
enum mu_code io_report_write_summary(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_plan *plan, struct mu_err *err);

/* Writes dir/prices.csv: one row per constraint with its shadow price (£
 * per unit of the limit) and the range of the limit over which the price
 * holds; an infinite or unknown end is an empty cell. MU_OK or MU_E_IO. */
enum mu_code io_report_write_prices(const char *dir, const struct mu_price_row *rows, size_t n,
                                    struct mu_err *err);

/* One point of a sweep: the values it was solved at and what came out. */
struct io_sweep_point {
	const double *values; /* one per varied name */
	enum mu_status status;
	double objective;
	bool has_gap;
	double gap;
	struct mu_totals system;
	int64_t run_id;
};

struct io_sweep_table {
	const char *const *names;  /* as --vary named them */
	const char *const *labels; /* "agency cap of nurse_b5 (£/h)" */
	size_t n_names;
	const struct io_sweep_point *points;
	size_t n_points;
	const char *mode;
	const char *finding; /* a sentence on where extra spend stops buying fill, or NULL */
};

/* Writes len bytes of data to dir/name (creating dir when it is missing).
 * MU_OK or MU_E_IO. */
enum mu_code io_report_write_file(const char *dir, const char *name, const char *data, size_t len,
                                  struct mu_err *err);

/* Writes dir/compare.csv: per partner and SYSTEM, each measure of
 * summary.csv (and filled_hours) for the system and the silo plan, and
 * system - silo. MU_OK or MU_E_IO. */
enum mu_code io_report_write_compare(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_plan *sys, const struct mu_plan *silo,
                                     struct mu_err *err);

/* Writes dir/sweep.csv: one row per point. MU_OK or MU_E_IO. */
enum mu_code io_report_write_sweep(const char *dir, const struct io_sweep_table *table,
                                   struct mu_err *err);

#endif
