/*
 * io_twostage.c - what the two-stage plan's writer and its sentences
 * (io_report_twostage.c, io_say_twostage.c) both use: a figure with its
 * sign, and a plan's expected figures as compare sets them side by side.
 */
#include "io_twostage.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *io_twostage_signed(char *buf, double v, bool is_money)
{
	char body[MU_MONEY_SIZE];
	double r = round(v * 100) / 100;
	if (is_money)
		mu_format_money(body, fabs(r), 2);
	else
		mu_format_weight(body, fabs(r), 2);
	snprintf(buf, IO_TWOSTAGE_SIGNED_SIZE, "%s%s", r > 0 ? "+" : r < 0 ? "-" : "", body);
	return buf;
}

void io_twostage_figures(const struct mu_scenario *sc, const struct io_twostage *t,
                         struct io_twostage_figures *out)
{
	const struct mu_draws *on = t->is_measured && t->check ? t->check : t->draws;
	double short_hours = 0;
	size_t k, d;
	memset(out, 0, sizeof(*out));
	out->spend = t->plan->spend;
	out->penalty = t->plan->penalty;
	out->red_flag_chance = t->plan->red_flag_chance;
	for (k = 0; k < on->n_scenarios; k++)
		for (d = 0; d < sc->n_demand; d++)
			out->required_hours += on->required[k * on->n_demand + d] *
			                       sc->shifts[sc->demand[d].shift].paid_hours /
			                       (double)on->n_scenarios;
	for (d = 0; d < sc->n_demand; d++)
		short_hours += t->plan->row_short_hours[d];
	out->filled_hours = out->required_hours - short_hours;
}
