/*
 * io_twostage.h - what a two-stage plan (DESIGN.md §3e) writes and says:
 * plan.csv (what is decided now), rota.csv (rota mode), day.csv (each
 * scenario's day), risk.csv (per demand row, both plans' red-flag chance
 * and expected short hours) and report.html; and the lines the terminal
 * shows (io_say_twostage.c). Fed typed values, as every io/ writer.
 */
#ifndef IO_TWOSTAGE_H
#define IO_TWOSTAGE_H

#include "core/mu_buf.h"
#include "core/mu_draws.h"
#include "core/mu_err.h"
#include "core/mu_format.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stdint.h>

struct io_twostage {
	const struct mu_draws *draws;      /* the scenarios the plan was made on */
	const struct mu_draws *check;      /* the ones it was measured on, or NULL */
	const struct mu_plan *now;         /* what is decided now (bank, agency booked now) */
	const struct mu_plan *const *days; /* per scenario of draws, its day's plan */
	size_t n_days;
	double objective;      /* cost now + the mean of the days' costs */
	double spend, penalty; /* the mean over the days of spend, of penalties */
	/* measured on a second set (--check-scenarios) of n_measured; else
	 * the outcomes are on draws */
	bool is_measured;
	size_t n_measured;
	const struct mu_draws_outcome *plan;      /* this plan */
	const struct mu_draws_outcome *mean_plan; /* the plan for demand.csv's required */
	/* the page's header: the run as recorded (0: none), and the files the
	 * plan was made on and measured on (check_file NULL: not measured) */
	long long run_id;
	const char *draws_file, *check_file;
	/* how the search ended (io_say_twostage_status): its status, and in
	 * rota mode its bound when it has one (is_bound_jensen: the Jensen
	 * bound of the scenarios' mean days, policies/pol_jensen.c), the
	 * relative gap, what stopped it, its work and work limit */
	enum mu_status status;
	bool has_bound, is_bound_jensen;
	double bound, gap;
	enum mu_stop stopped_by;
	long work, work_limit;
};

/* Writes into dir (which exists) plan.csv (now's rows), rota.csv when
 * is_rota, day.csv (per scenario the day's own, lend, late_agency, short
 * and breach rows, their cost the day's, unweighted), risk.csv and
 * report.html (titled with label). MU_OK or MU_E_IO. */
enum mu_code io_twostage_write(const char *dir, const struct mu_scenario *sc,
                               const struct io_twostage *t, bool is_rota, const char *label,
                               struct mu_err *err);

/* Whether a day plan's row is the day's (own, lend, late agency, short,
 * breach): day.csv's rows; the others are what was decided now. */
bool io_twostage_is_day_row(const struct mu_plan_row *r);

/* A two-stage plan's figures as compare and sweep set them side by side,
 * each the mean over the set its outcomes are on (t->check when
 * measured, else t->draws): spend (cash), penalty weights, required and
 * filled hours (required less short and breach), the chance of any red
 * flag. */
struct io_twostage_figures {
	double spend, penalty, required_hours, filled_hours, red_flag_chance;
};

void io_twostage_figures(const struct mu_scenario *sc, const struct io_twostage *t,
                         struct io_twostage_figures *out);

/* compare --scenarios (DESIGN.md §3e): writes into dir compare.csv
 * (`figure,system,silo,difference`: expected_spend, expected_penalties,
 * required_hours, filled_hours, red_flag_fraction) and report.html (titled
 * with label, naming both runs), the two-stage system plan against the
 * two-stage silo plan on the same scenarios. MU_OK or MU_E_IO. */
enum mu_code io_twostage_write_compare(const char *dir, const struct mu_scenario *sc,
                                       const struct io_twostage *sys,
                                       const struct io_twostage *silo, const char *label,
                                       struct mu_err *err);

/* The lines of compare --scenarios: both plans' expected figures, and
 * what working together is worth with signs (spend, penalties, filled
 * hours, chance of a red flag); that the bidding plan is not computed
 * with scenarios when sc has a supply curve. */
void io_say_twostage_compare(struct mu_buf *b, const struct mu_scenario *sc,
                             const struct io_twostage *sys, const struct io_twostage *silo);

/* "+£1,234.00", "-£1,234.00" or "£0.00" (is_money), or the same as a
 * penalty weight with no pound sign, into buf (IO_TWOSTAGE_SIGNED_SIZE);
 * v rounded to the penny first. Returns buf. */
#define IO_TWOSTAGE_SIGNED_SIZE (MU_MONEY_SIZE + 2)
const char *io_twostage_signed(char *buf, double v, bool is_money);

/* The terminal's lines on t, each ending in a newline: the plan made for N
 * scenarios, its expected cost as cash and penalty weights, and the value
 * of planning for the spread with signs, or that it was not measured and
 * how to measure it. */
void io_say_twostage(struct mu_buf *b, const struct io_twostage *t);

/* How t's search ended, no newline: "optimal"; in rota mode (is_rota)
 * cut short "best found, within 2.5% of the best possible, expected cost
 * 1,000.00, bound 975.00 (stopped by its time limit: not proven optimal)",
 * the bound "by Jensen's inequality" where it is that, or "best found
 * (...: not proven optimal)" with no bound. */
void io_say_twostage_status(struct mu_buf *b, const struct io_twostage *t, bool is_rota);

#endif
