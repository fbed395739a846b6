/*
 * io_say.c - the value of working together, said in cash, hours and red
 * flags. A figure is rounded as it is shown, and its direction is read
 * from the rounded figure, so that "the same" is never said of a change
 * the reader can see, nor "more" of one that reads 0.
 */
#include "io_say.h"

#include "core/mu_format.h"

#include <math.h>

#define EPS 1e-6

void io_say_money(struct mu_buf *b, double pounds)
{
	char m[MU_MONEY_SIZE];
	double size = fabs(pounds);
	mu_buf_adds(b, mu_format_money(m, size, size < 100 ? 2 : 0));
}

/* True when pounds reads as £0 the way io_say_money shows it. */
static bool is_zero_money(double pounds)
{
	double size = fabs(pounds);
	return size < 100 ? size < 0.005 : size < 0.5;
}

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
	if (is_zero_money(more)) {
		mu_buf_adds(b, ", at the same spend");
		return;
	}
	mu_buf_adds(b, more > 0 ? ", for " : ", and spends ");
	io_say_money(b, more);
	mu_buf_adds(b, more > 0 ? " more spend" : " less");
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
