/*
 * mu_format.h - numbers as people read them: pounds with thousands
 * separators and a plan's status in words, shared by the terminal and the
 * HTML report; and text made safe to print on a terminal.
 */
#ifndef MU_FORMAT_H
#define MU_FORMAT_H

#include "core/mu_buf.h"
#include "core/mu_plan.h"

#include <stdbool.h>
#include <stddef.h>

#define MU_MONEY_SIZE 40
#define MU_STATUS_SIZE 64
#define MU_STOP_SIZE 96
#define MU_DATE_SIZE 11

/* The calendar date of day (days since 1970-01-01) as the number
 * YYYYMMDD (Howard Hinnant's civil_from_days). */
long mu_format_ymd(long day);

/* day (days since 1970-01-01) as "YYYY-MM-DD" into buf (at least
 * MU_DATE_SIZE bytes), as the scenario files write dates; returns buf. */
const char *mu_format_date(char *buf, long day);

/* Formats pounds as "£147,429.59" (decimals 2) or "£147,430" (0) into buf
 * (at least MU_MONEY_SIZE bytes); returns buf. */
const char *mu_format_money(char *buf, double pounds, int decimals);

/* Formats penalty weights (DESIGN.md §3: not money) as "3,005.00"
 * (decimals 2) or "3,005" (0), with no currency sign, into buf (at least
 * MU_MONEY_SIZE bytes); returns buf. */
const char *mu_format_weight(char *buf, double weight, int decimals);

/* Rounds each of v[0..n-1] to a whole number of unit (0.01: pennies; 1:
 * whole hours) into out so that the rounded figures add up to their total
 * rounded so: each first rounded down, then the units left over go to
 * those with the largest remainders (the first of equals first), so that
 * no figure moves by a unit or more from its exact value. For a table
 * whose rows must add up to the total it shows. v and out are n figures
 * each, apart. */
void mu_format_round_to_total(const double *v, size_t n, double unit, double *out);

/* A plan's status as people read it (DESIGN.md §5), into buf (at least
 * MU_STATUS_SIZE bytes); returns buf. "optimal" only when proven (the
 * solver's status: a rota's bound within GLPK's tolerance of its cost). A
 * search stopped before that (mu_format_stop says by what) is "best
 * found", and with has_gap (gap: its proven
 * relative gap, a fraction) "best found, within X%": X is rounded up, with
 * two significant digits and at most three decimals, so that it is never
 * less than the gap proven and never reads 0.0% (a gap of 0.0042% reads
 * "within 0.005%", 0.02% "within 0.02%", 1.83% "within 1.9%"; below
 * 0.001%, "within less than 0.001%"). Any other
 * status is the store's word (mu_status_name: "infeasible", ...). */
const char *mu_format_status(char *buf, enum mu_status status, bool has_gap, double gap);

/* What ended a search not proven, as it was, into buf (at least
 * MU_STOP_SIZE bytes); returns buf: "stopped by you" (MU_STOP_INTERRUPT),
 * "stopped by its time limit", "stopped at N of its M simplex iterations"
 * (MU_STOP_WORK with work N and work_limit M > 0; "stopped by its work
 * limit" without M), and for MU_STOP_NONE, which no search that was not
 * proven has, "stopped". */
const char *mu_format_stop(char *buf, enum mu_stop stop, long work, long work_limit);

/* Appends s to out with every character that a terminal would act on
 * rather than show written out, as error messages write them
 * (mu_err_quote): tab, newline and CR as \t, \n, \r; the other C0
 * controls and DEL as \x1B; a byte that is not UTF-8 as \xFF; C1 controls
 * (U+0080 to U+009F: U+009B starts a command on some terminals) and the
 * marks that reverse the direction of text as <U+009B>, <U+202E>. Anything
 * else, backslashes included, is copied as it is, so that text already
 * quoted by mu_err_quote passes through unchanged. */
void mu_format_printable(struct mu_buf *out, const char *s);

#endif
