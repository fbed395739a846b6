/*
 * sum_check.h - a table muster wrote, checked to add up as written (issue
 * 24): summary.csv, shares.csv, compare.csv and report.html's partner
 * tables (a solve's, and compare's partner by partner).
 */
#ifndef SUM_CHECK_H
#define SUM_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* True when every cell of the columns money lists (NULL-ended) of the CSV
 * file at path is empty or a number with exactly two decimals, and each
 * column sums lists adds up, over the rows as written, to its SYSTEM row's
 * cell exactly (an empty SYSTEM cell is not checked); else false, why. */
bool sum_check_columns(const char *path, const char *const *money, const char *const *sums,
                       char *why, size_t why_len);

/* True when the partner table of the report.html at path ("Partners")
 * adds up, column by column as shown (hours, red flags, money), to its
 * "Whole system" row; else false, why. */
bool sum_check_partner_table(const char *path, char *why, size_t why_len);

/* sum_check_columns on a summary.csv: money is every spend, cost,
 * penalty, budget and recharge column; every column adds up but the
 * partner, its name, the fill, the budget, the agency percentage and the
 * break-glass staff-shifts (a count with fractions in plan mode). */
bool sum_check_summary(const char *path, char *why, size_t why_len);

/* sum_check_columns on a shares.csv: money is every cost, gain, share,
 * transfer and net cash column, std_error and furthest_excess; each of
 * the first adds up, and so do filled_hours_change and red_flags_change. */
bool sum_check_shares(const char *path, char *why, size_t why_len);

/* True when the cost and recharge columns of the plan.csv at plan have
 * two decimals in every row and add up, as written, to the SYSTEM row's
 * total_cost and recharge_in of the summary.csv at summary; else false,
 * why. */
bool sum_check_plan(const char *plan, const char *summary, char *why, size_t why_len);

/* On a compare.csv: every measure but fill_fraction, red_flags and
 * break_glass_staff_shifts (money, penalty weights and hours) has exactly
 * two decimals in its system, silo and system_minus_silo cells, and each
 * of the three columns of every measure but fill_fraction and
 * break_glass_staff_shifts adds up over the partners' rows, as written, to
 * its SYSTEM row exactly; else false, why. */
bool sum_check_compare(const char *path, char *why, size_t why_len);

/* True when compare's report.html at path has a "Partner by partner"
 * table whose columns (all but the partner and the fills) add up as shown
 * to its "Whole system" row; else false, why. */
bool sum_check_compare_partners(const char *path, char *why, size_t why_len);

#endif
