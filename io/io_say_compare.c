/*
 * io_say_compare.c - what working together is worth (system against silo) and
 * the guarantee's price, said in cash, hours and red flags.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void say_hours(struct mu_buf *b, double more)
{
	double shown = round(fabs(more));
	if (shown == 0)
		mu_buf_adds(b, "fills as many hours");
	else
		mu_buf_addf(b, "fills %.0f %s hour%s", shown, more > 0 ? "more" : "fewer",
		            shown == 1 ? "" : "s");
}

static void say_red_flags(struct mu_buf *b, size_t sys, size_t silo)
{
	if (sys == silo && silo == 0)
		mu_buf_adds(b, "leaves no red flags, as alone");
	else if (sys == silo)
		mu_buf_addf(b, "leaves the same %zu red flag%s", sys, sys == 1 ? "" : "s");
	else if (sys == 0)
		mu_buf_addf(
		    b, silo == 1 ? "removes the only red flag" : "removes all %zu red flags", silo);
	else if (sys < silo)
		mu_buf_addf(b, "removes %zu of the %zu red flags", silo - sys, silo);
	else
		mu_buf_addf(b, "adds %zu red flag%s (%zu against %zu alone)", sys - silo,
		            sys - silo == 1 ? "" : "s", sys, silo);
}

static void say_spend(struct mu_buf *b, double more)
{
	if (io_say_is_zero_money(more)) {
		mu_buf_adds(b, ", at the same spend");
		return;
	}
	mu_buf_adds(b, more > 0 ? ", for " : ", and spends ");
	io_say_money(b, more);
	mu_buf_adds(b, more > 0 ? " more spend" : " less");
}

/* The recharge a partner named as worse off receives (net > 0) or pays
 * for mutual aid, more than alone: not spend (it is a transfer inside the
 * system, DESIGN.md §3), but money the partner sees, so said beside it. */
static void say_recharge(struct mu_buf *b, double net)
{
	char m[MU_MONEY_SIZE];
	if (fabs(net) < 0.005)
		return;
	mu_buf_addf(b, ", %s recharge %s", mu_format_money(m, fabs(net), 2),
	            net > 0 ? "received" : "paid");
}

/* Appends what is worse for partner p in the system plan, if anything;
 * returns whether it did. */
static bool say_worse(struct mu_buf *b, const char *name, const struct mu_totals *sys,
                      const struct mu_totals *silo, bool is_first)
{
	double fewer = silo->filled_hours - sys->filled_hours;
	double more = sys->spend_total - silo->spend_total;
	bool is_fewer = fewer > EPS, is_more = more > EPS;
	if (!is_fewer && !is_more)
		return false;
	mu_buf_adds(b, is_first ? " Worse off than alone: " : "; ");
	mu_buf_addf(b, "%s (", name);
	if (is_fewer && fewer < 0.05)
		mu_buf_adds(b, "less than 0.1 fewer filled hours");
	else if (is_fewer)
		mu_buf_addf(b, "%.1f fewer filled hours", fewer);
	if (is_fewer && is_more)
		mu_buf_adds(b, ", ");
	if (is_more && more < 0.005) {
		mu_buf_adds(b, "less than £0.01 more spend");
	} else if (is_more) {
		char m[MU_MONEY_SIZE];
		mu_buf_addf(b, "%s more spend", mu_format_money(m, more, 2));
	}
	say_recharge(b, (sys->recharge_in - sys->recharge_out) -
	                    (silo->recharge_in - silo->recharge_out));
	mu_buf_adds(b, ")");
	return true;
}

void io_say_value(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                  const struct mu_plan *silo)
{
	const struct mu_totals *a = &sys->system, *c = &silo->system;
	bool is_first = true;
	size_t p;
	mu_buf_adds(b, "Working together ");
	say_hours(b, a->filled_hours - c->filled_hours);
	mu_buf_adds(b, " and ");
	say_red_flags(b, a->n_red_flags, c->n_red_flags);
	say_spend(b, a->spend_total - c->spend_total);
	mu_buf_adds(b, ".");
	for (p = 0; p < sc->n_partners; p++)
		if (say_worse(b, sc->partners[p].name, &sys->partners[p], &silo->partners[p],
		              is_first))
			is_first = false;
	if (!is_first)
		mu_buf_adds(b, ".");
}

/* "spend £120 more", "penalties £3,000 less", "spend the same" */
static void say_part(struct mu_buf *b, const char *what, double more)
{
	mu_buf_addf(b, "%s ", what);
	if (io_say_is_zero_money(more)) {
		mu_buf_adds(b, "the same");
		return;
	}
	io_say_money(b, more);
	mu_buf_adds(b, more > 0 ? " more" : " less");
}

void io_say_guarantee(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *with,
                      const struct mu_plan *without, const struct mu_plan *silo)
{
	const struct mu_totals *a = &with->system, *c = &without->system;
	double price = a->cost_total - c->cost_total;
	size_t p, n = 0;
	mu_buf_adds(b, "The guarantee (no partner's unfilled penalty above its silo plan's) ");
	if (io_say_is_zero_money(price)) {
		mu_buf_adds(b, "costs nothing here: the cost to the system is the same with it");
	} else {
		mu_buf_adds(b, price > 0 ? "raises" : "lowers");
		mu_buf_adds(b, " the cost to the system (spend plus penalty weights) by ");
		io_say_money(b, price);
		mu_buf_adds(b, ": ");
		say_part(b, "spend", a->spend_total - c->spend_total);
		mu_buf_adds(b, ", ");
		say_part(b, "penalties", a->penalty_total - c->penalty_total);
	}
	mu_buf_adds(b, ".");
	for (p = 0; p < sc->n_partners; p++) {
		double more =
		    without->partners[p].unfilled_penalty - silo->partners[p].unfilled_penalty;
		char m[MU_MONEY_SIZE];
		if (more < 0.005)
			continue;
		mu_buf_adds(b, n++ == 0 ? " It protects " : "; ");
		mu_buf_addf(b, "%s (without it, %s more unfilled penalty than alone)",
		            sc->partners[p].name, mu_format_money(m, more, 2));
	}
	mu_buf_adds(
	    b, n ? "." : " Without it, too, no partner carries more unfilled penalty than alone.");
}

/* Fill never moves against dir (+1 rising, -1 falling) by the flat
 * amount between any two points of [from, to]. */

void io_say_guarantee_price(struct mu_buf *b, const struct mu_scenario *sc,
                            const struct mu_plan *with, const struct mu_plan *without,
                            const struct mu_plan *silo, bool is_proven)
{
	io_say_guarantee(b, sc, with, without, silo);
	if (!is_proven)
		mu_buf_adds(b,
		            " (One or both of these rotas is not proven optimal, so the price is "
		            "approximate.)");
}

void io_say_compare_cost(struct mu_buf *b, double sys, double silo, bool has_silo_floor,
                         double silo_floor)
{
	char m[MU_MONEY_SIZE];
	double lower = silo - sys;
	/* the objective weighs penalties with cash: say it as a cost, never as
	 * money saved */
	mu_buf_adds(b,
	            "The cost to the system (spend plus the penalty weights the scenario puts on "
	            "unfilled hours, agency tiers and break-glass) is ");
	mu_buf_adds(b, mu_format_money(m, fabs(lower), 2));
	mu_buf_adds(b, lower >= 0 ? " lower" : " higher");
	if (has_silo_floor) {
		mu_buf_adds(b, ",\nand at least ");
		mu_buf_adds(b, mu_format_money(m, silo_floor - sys, 2));
		mu_buf_adds(b, " lower than any silo rota however long its search ran");
	}
	mu_buf_adds(b, ".");
}
