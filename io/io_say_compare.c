/*
 * io_say_compare.c - what working together is worth (system against silo) and
 * the guarantee's price, said in cash, hours and red flags.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* A partner's change against alone on the footing of compare and shares
 * (mu_plan.h): filled hours, red flags and net cash, each counted as a
 * change only when the sentence shows it as one (0.1 h, one flag, 1p). */
struct change {
	double hours; /* more filled hours (> 0 a gain) */
	long flags;   /* more red flags (> 0 a loss) */
	double cash;  /* more net cash (> 0 a loss) */
	bool is_hours, is_cash;
	int n_gains, n_losses;
};

static void change_of(struct change *c, const struct mu_totals *sys, const struct mu_totals *silo)
{
	c->hours = sys->filled_hours - silo->filled_hours;
	c->flags = (long)sys->n_red_flags - (long)silo->n_red_flags;
	c->cash = mu_totals_net_cash(sys) - mu_totals_net_cash(silo);
	c->is_hours = fabs(c->hours) >= 0.05;
	c->is_cash = fabs(c->cash) >= 0.005;
	c->n_gains = (c->is_hours && c->hours > 0) + (c->flags < 0) + (c->is_cash && c->cash < 0);
	c->n_losses = (c->is_hours && c->hours < 0) + (c->flags > 0) + (c->is_cash && c->cash > 0);
}

/* Appends the changes of c whose direction is is_gain's ("182.1 more filled
 * hours, 8 fewer red flags"), each with its sign in words. */
static void say_changes(struct mu_buf *b, const struct change *c, bool is_gain)
{
	char m[MU_MONEY_SIZE];
	bool is_first = true;
	if (c->is_hours && (c->hours > 0) == is_gain) {
		mu_buf_addf(b, "%.1f %s filled hours", fabs(c->hours),
		            c->hours > 0 ? "more" : "fewer");
		is_first = false;
	}
	if (c->flags != 0 && (c->flags < 0) == is_gain) {
		unsigned long n = (unsigned long)labs(c->flags);
		mu_buf_addf(b, "%s%lu %s red flag%s", is_first ? "" : ", ", n,
		            c->flags < 0 ? "fewer" : "more", n == 1 ? "" : "s");
		is_first = false;
	}
	if (c->is_cash && (c->cash < 0) == is_gain)
		mu_buf_addf(b, "%s%s %s net cash", is_first ? "" : ", ",
		            mu_format_money(m, fabs(c->cash), 2), c->cash < 0 ? "less" : "more");
}

enum standing { BETTER, MIXED, WORSE, SAME };

static enum standing standing_of(const struct change *c)
{
	if (c->n_gains && c->n_losses)
		return MIXED;
	if (c->n_gains)
		return BETTER;
	return c->n_losses ? WORSE : SAME;
}

/* One group of partners by standing: " Better off than alone: A (...); B
 * (...)." Returns whether any partner is in it. */
static bool say_group(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                      const struct mu_plan *silo, enum standing which)
{
	static const char *const heads[] = {
	    [BETTER] = " Better off than alone: ",
	    [MIXED] = " Gains and losses: ",
	    [WORSE] = " Worse off than alone: ",
	    [SAME] = " No change: ",
	};
	size_t p, n = 0;
	for (p = 0; p < sc->n_partners; p++) {
		struct change c;
		change_of(&c, &sys->partners[p], &silo->partners[p]);
		if (standing_of(&c) != which)
			continue;
		mu_buf_adds(b, n++ == 0 ? heads[which] : which == SAME ? ", " : "; ");
		mu_buf_adds(b, sc->partners[p].name);
		if (which == SAME)
			continue;
		mu_buf_adds(b, which == MIXED ? " (better: " : " (");
		say_changes(b, &c, which != WORSE);
		if (which == MIXED) {
			mu_buf_adds(b, "; worse: ");
			say_changes(b, &c, false);
		}
		mu_buf_adds(b, ")");
	}
	if (n)
		mu_buf_adds(b, ".");
	return n > 0;
}

void io_say_value(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                  const struct mu_plan *silo)
{
	const struct mu_totals *a = &sys->system, *c = &silo->system;
	mu_buf_adds(b, "Working together ");
	say_hours(b, a->filled_hours - c->filled_hours);
	mu_buf_adds(b, " and ");
	say_red_flags(b, a->n_red_flags, c->n_red_flags);
	say_spend(b, a->spend_total - c->spend_total);
	mu_buf_adds(b, ".");
	if (sc->n_partners == 0)
		return;
	/* a partner is worse off only when it loses on one of the three and
	 * gains on none (issue 24); one that gains on one and loses on
	 * another is named with both */
	mu_buf_adds(b, " Each partner is set against working alone in filled hours, red flags and "
	               "net cash (spend plus recharge paid minus recharge received).");
	say_group(b, sc, sys, silo, BETTER);
	say_group(b, sc, sys, silo, MIXED);
	if (!say_group(b, sc, sys, silo, WORSE))
		mu_buf_adds(b, " Worse off than alone: none.");
	say_group(b, sc, sys, silo, SAME);
}

/* "£12.50 more net cash", "£3.00 less net cash", "the same net cash":
 * a partner's change in pennies, counted when it shows (1p) */
static void say_partner_cash(struct mu_buf *b, double more)
{
	char m[MU_MONEY_SIZE];
	if (fabs(more) < 0.005)
		mu_buf_adds(b, "the same net cash");
	else
		mu_buf_addf(b, "%s %s net cash", mu_format_money(m, fabs(more), 2),
		            more > 0 ? "more" : "less");
}

/* "12.3 more filled hours", "the same filled hours" (0.1 h shows) */
static void say_partner_hours(struct mu_buf *b, double more)
{
	if (fabs(more) < 0.05)
		mu_buf_adds(b, "the same filled hours");
	else
		mu_buf_addf(b, "%.1f %s filled hours", fabs(more), more > 0 ? "more" : "fewer");
}

void io_say_bidding(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                    const struct mu_plan *silo, const struct mu_bidding *bidding)
{
	const struct mu_totals *a = &sys->system, *c = &silo->system, *d = &bidding->system;
	double rise = d->spend_total - c->spend_total, against = a->spend_total - d->spend_total;
	double hours = a->filled_hours - d->filled_hours;
	size_t p;
	/* cash only: the bidding plan's penalties are the silo plan's, and a
	 * penalty is never money (DESIGN.md §3) */
	mu_buf_adds(b,
	            "Bidding for the same bank staff (partners alone, each bank staff-shift paid "
	            "the highest rate any partner alone reached on its role and shift), partners "
	            "would spend ");
	if (io_say_is_zero_money(rise)) {
		mu_buf_adds(b,
		            "the same as alone at their own rates: the shared rate card is worth "
		            "nothing beyond");
	} else {
		io_say_money(b, rise);
		mu_buf_adds(b, " more ");
		io_say_horizon(b, bidding->horizon_days);
		mu_buf_adds(b,
		            " than alone at their own rates: what the shared rate card is worth, "
		            "on top of");
	}
	mu_buf_adds(b, " what mutual aid and the shared bank are worth (working together against "
	               "alone ");
	say_hours(b, a->filled_hours - c->filled_hours);
	say_spend(b, a->spend_total - c->spend_total);
	mu_buf_adds(b, "). Against bidding, the system plan ");
	if (io_say_is_zero_money(against)) {
		mu_buf_adds(b, "spends the same");
	} else {
		mu_buf_adds(b, "spends ");
		io_say_money(b, against);
		mu_buf_adds(b, against > 0 ? " more" : " less");
	}
	mu_buf_adds(b, " and ");
	say_hours(b, hours);
	mu_buf_adds(b, ".");
	if (sc->n_partners == 0)
		return;
	mu_buf_adds(b, " Partner by partner, bidding against alone: ");
	for (p = 0; p < sc->n_partners; p++) {
		mu_buf_adds(b, p ? "; " : "");
		mu_buf_adds(b, sc->partners[p].name);
		mu_buf_adds(b, " ");
		say_partner_cash(b, mu_totals_net_cash(&bidding->partners[p]) -
		                        mu_totals_net_cash(&silo->partners[p]));
	}
	mu_buf_adds(b, ". The system plan against bidding: ");
	for (p = 0; p < sc->n_partners; p++) {
		const struct mu_totals *x = &sys->partners[p], *y = &bidding->partners[p];
		mu_buf_adds(b, p ? "; " : "");
		mu_buf_adds(b, sc->partners[p].name);
		mu_buf_adds(b, " ");
		say_partner_cash(b, mu_totals_net_cash(x) - mu_totals_net_cash(y));
		mu_buf_adds(b, ", ");
		say_partner_hours(b, x->filled_hours - y->filled_hours);
	}
	mu_buf_adds(b, ".");
}

/* "spend £120 more", "penalty weights 3,000 less", "spend the same":
 * spend in pounds, weights (is_weight) as plain numbers */
static void say_part(struct mu_buf *b, const char *what, double more, bool is_weight)
{
	mu_buf_addf(b, "%s ", what);
	if (io_say_is_zero_money(more)) {
		mu_buf_adds(b, "the same");
		return;
	}
	if (is_weight)
		io_say_weight(b, more);
	else
		io_say_money(b, more);
	mu_buf_adds(b, more > 0 ? " more" : " less");
}

void io_say_guarantee(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *with,
                      const struct mu_plan *without, const struct mu_plan *silo)
{
	const struct mu_totals *a = &with->system, *c = &without->system;
	double price = a->cost_total - c->cost_total;
	size_t p, n = 0;
	/* its price is in the objective, spend plus penalty weights (DESIGN.md
	 * §3): a plain number, with spend (£) and the weights apart */
	mu_buf_adds(b, "The guarantee (no partner's unfilled penalty above its silo plan's) ");
	if (io_say_is_zero_money(price)) {
		mu_buf_adds(b,
		            "changes nothing here: the objective (spend plus penalty weights) is "
		            "the same with it");
	} else {
		mu_buf_adds(b, price > 0 ? "raises" : "lowers");
		mu_buf_adds(b, " the objective (spend plus penalty weights) by ");
		io_say_weight(b, price);
		mu_buf_adds(b, ": ");
		say_part(b, "spend", a->spend_total - c->spend_total, false);
		mu_buf_adds(b, ", ");
		say_part(b, "penalty weights", a->penalty_total - c->penalty_total, true);
	}
	mu_buf_adds(b, ".");
	for (p = 0; p < sc->n_partners; p++) {
		double more =
		    without->partners[p].unfilled_penalty - silo->partners[p].unfilled_penalty;
		char m[MU_MONEY_SIZE];
		if (more < 0.005)
			continue;
		mu_buf_adds(b, n++ == 0 ? " It protects " : "; ");
		mu_buf_addf(b, "%s (without it, %s more in unfilled penalty weights than alone)",
		            sc->partners[p].name, mu_format_weight(m, more, 2));
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

void io_say_compare_cost(struct mu_buf *b, const struct io_compare_search *sys,
                         const struct io_compare_search *silo)
{
	char m[MU_MONEY_SIZE];
	double lower = silo->objective - sys->objective;
	/* the objective weighs penalties with cash: a plain number, never a
	 * cost in pounds nor money saved (DESIGN.md §3) */
	mu_buf_adds(b, sys->has_flow || silo->has_flow
	                   ? "The objective (spend plus the penalty weights the scenario puts on "
	                     "unfilled hours, agency tiers, break-glass and the bed-days of "
	                     "patients fit to leave: not money) is "
	                   : "The objective (spend plus the penalty weights the scenario puts on "
	                     "unfilled hours, agency tiers and break-glass: not money) is ");
	mu_buf_adds(b, mu_format_weight(m, fabs(lower), 2));
	mu_buf_adds(b, lower >= 0 ? " lower" : " higher");
	if (sys->is_optimal && silo->is_optimal) {
		mu_buf_adds(b, ".");
		return;
	}
	/* a stopped search's objective is only the best it found: the
	 * difference is between the rotas found, not proven */
	mu_buf_addf(b, " between the rotas found: the %s search%s stopped before %s proven best",
	            !sys->is_optimal && !silo->is_optimal ? "system and silo"
	            : !sys->is_optimal                    ? "system"
	                                                  : "silo",
	            !sys->is_optimal && !silo->is_optimal ? "es were" : " was",
	            !sys->is_optimal && !silo->is_optimal ? "they were" : "it was");
	/* no silo rota costs less than the silo search's bound, and the system
	 * rota found is one the system can have: the gap between them holds
	 * however long either search ran */
	if (!silo->is_optimal && silo->has_bound && silo->bound - sys->objective > 0) {
		mu_buf_adds(b, ",\nand the system rota found is at least ");
		mu_buf_adds(b, mu_format_weight(m, silo->bound - sys->objective, 2));
		mu_buf_adds(b, " lower than any silo rota however long its search ran");
	}
	mu_buf_adds(b, ".");
}
