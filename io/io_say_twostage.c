/*
 * io_say_twostage.c - the sentences of a two-stage plan (DESIGN.md §3e):
 * what it is expected to cost, cash and penalty weights apart (§3: no
 * weight after a pound sign), and what planning for the spread is worth
 * against the plan for demand.csv's required alone, each figure with its
 * sign, on the check scenarios only: never a figure it did not measure.
 */
#include "io_twostage.h"

#include "core/mu_bidding.h"
#include "core/mu_format.h"
#include "core/mu_scenario.h"

#include <math.h>
#include <stdio.h>

void io_say_twostage_status(struct mu_buf *b, const struct io_twostage *t, bool is_rota)
{
	char words[MU_STATUS_SIZE], stop[MU_STOP_SIZE], x[2][MU_MONEY_SIZE];
	bool has_gap = is_rota && t->has_bound;
	mu_buf_adds(b, mu_format_status(words, t->status, has_gap, t->gap));
	if (t->status != MU_STATUS_FEASIBLE)
		return;
	/* the cost and its bound are spend plus penalty weights: no pound sign */
	if (has_gap)
		mu_buf_addf(b, " of the best possible, expected cost %s, bound %s%s",
		            mu_format_weight(x[0], t->objective, 2),
		            mu_format_weight(x[1], t->bound, 2),
		            t->is_bound_jensen ? " by Jensen's inequality" : "");
	mu_buf_addf(b, " (%s: not proven optimal)",
	            mu_format_stop(stop, t->stopped_by, t->work, t->work_limit));
}

void io_say_twostage(struct mu_buf *b, const struct io_twostage *t)
{
	char x[3][IO_TWOSTAGE_SIGNED_SIZE];
	double chance;
	mu_buf_addf(b,
	            "Two-stage plan for %zu scenarios: bank rota and agency bookings decided now "
	            "(%s cash), the rest planned on the day in each scenario.\n",
	            t->n_days, mu_format_money(x[0], t->now->system.spend_total, 2));
	mu_buf_addf(b,
	            "Expected cost %s: spend %s (cash) and penalties %s (weights, not money), "
	            "the mean over the scenarios.\n",
	            mu_format_weight(x[0], t->objective, 2), mu_format_money(x[1], t->spend, 2),
	            mu_format_weight(x[2], t->penalty, 2));
	if (!t->is_measured) {
		mu_buf_adds(b,
		            "The value of planning for the spread was not measured: give "
		            "--check-scenarios FILE (scenarios drawn with another seed, as muster "
		            "forecast writes check-scenarios.csv) to measure it.\n");
		return;
	}
	chance = 100 * (t->plan->red_flag_chance - t->mean_plan->red_flag_chance);
	chance = round(chance * 10) / 10;
	mu_buf_addf(
	    b,
	    "Planning for the spread, on %zu other scenarios, this plan minus the plan for "
	    "demand.csv's required alone (made as if no own staff were absent): expected spend "
	    "%s (cash), expected penalties %s (weights), chance of any red flag %s%.1f "
	    "percentage points (%.1f%% against %.1f%% of the %zu scenarios).\n",
	    t->n_measured, io_twostage_signed(x[0], t->plan->spend - t->mean_plan->spend, true),
	    io_twostage_signed(x[1], t->plan->penalty - t->mean_plan->penalty, false),
	    chance > 0   ? "+"
	    : chance < 0 ? "-"
	                 : "",
	    fabs(chance), 100 * t->plan->red_flag_chance, 100 * t->mean_plan->red_flag_chance,
	    t->n_measured);
}

/* "+1.5 percentage points" of a difference of fractions, rounded to 0.1. */
static const char *signed_points(char *buf, size_t size, double d)
{
	double points = round(1000 * d) / 10;
	snprintf(buf, size, "%s%.1f percentage points",
	         points > 0   ? "+"
	         : points < 0 ? "-"
	                      : "",
	         fabs(points));
	return buf;
}

void io_say_twostage_compare(struct mu_buf *b, const struct mu_scenario *sc,
                             const struct io_twostage *sys, const struct io_twostage *silo)
{
	struct io_twostage_figures f[2];
	char x[4][IO_TWOSTAGE_SIGNED_SIZE], points[48];
	double dh;
	int k;
	io_twostage_figures(sc, sys, &f[0]);
	io_twostage_figures(sc, silo, &f[1]);
	mu_buf_addf(b,
	            "Two-stage plans for %zu scenarios, the system's and the silo's (partners "
	            "alone); figures expected over the %zu %s:\n",
	            sys->n_days, sys->n_measured,
	            sys->is_measured ? "check scenarios" : "scenarios the plans were made on");
	for (k = 0; k < 2; k++)
		mu_buf_addf(
		    b,
		    "  %-6s spend %s (cash), penalties %s (weights, not money), filled %s of "
		    "%s hours, chance of any red flag %.1f%%\n",
		    k == 0 ? "system" : "silo", mu_format_money(x[0], f[k].spend, 2),
		    mu_format_weight(x[1], f[k].penalty, 2),
		    mu_format_weight(x[2], f[k].filled_hours, 1),
		    mu_format_weight(x[3], f[k].required_hours, 1), 100 * f[k].red_flag_chance);
	dh = round(10 * (f[0].filled_hours - f[1].filled_hours)) / 10;
	mu_buf_addf(
	    b,
	    "Working together, system minus silo: expected spend %s (cash), expected "
	    "penalties %s (weights), filled hours %s%s, chance of any red flag %s.\n",
	    io_twostage_signed(x[2], f[0].spend - f[1].spend, true),
	    io_twostage_signed(x[3], f[0].penalty - f[1].penalty, false),
	    dh > 0   ? "+"
	    : dh < 0 ? "-"
	             : "",
	    mu_format_weight(x[0], fabs(dh), 1),
	    signed_points(points, sizeof(points), f[0].red_flag_chance - f[1].red_flag_chance));
	if (mu_bidding_is_wanted(sc))
		mu_buf_adds(b, "The bidding plan (the silo plan re-priced at the rates partners "
		               "alone reach) is not computed with scenarios.\n");
}
