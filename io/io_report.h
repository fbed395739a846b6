/*
 * io_report.h - the CSV outputs of a solve (DESIGN.md §4): plan.csv,
 * summary.csv and prices.csv, written into a folder.
 */
#ifndef IO_REPORT_H
#define IO_REPORT_H

#include "core/mu_err.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"

/* Writes dir/plan.csv: one row per plan row, money with two decimals.
 * MU_OK or MU_E_IO. dir must exist. */
enum mu_code io_report_write_plan(const char *dir, const struct mu_plan_row *rows, size_t n,
                                  struct mu_err *err);

/* Writes dir/summary.csv: a row per partner (totals[i] for partner i) and
 * one for SYSTEM. MU_OK or MU_E_IO. */
enum mu_code io_report_write_summary(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_totals *partners,
                                     const struct mu_totals *system, struct mu_err *err);

/* Writes dir/prices.csv: one row per constraint with its shadow price (£
 * per unit of the limit) and the range of the limit over which the price
 * holds; an infinite or unknown end is an empty cell. MU_OK or MU_E_IO. */
enum mu_code io_report_write_prices(const char *dir, const struct mu_price_row *rows, size_t n,
                                    struct mu_err *err);

#endif
