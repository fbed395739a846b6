/*
 * io_say_forecast.c - how far to trust a forecast (DESIGN.md §3e), in
 * sentences from its typed result alone: against repeating last week's
 * same day (the MASE), how its 80% interval held in the backtest, and
 * which series had too little history to test or none. Every figure is
 * rounded once and every judgement made on the figure as shown, so that
 * the words never contradict the numbers beside them.
 */
#include "io/io_forecast.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* An interval's coverage below this (whole percent, as shown) is too
 * narrow; above the next, too wide. A true 80% interval holds 8 days in
 * 10; over a backtest of 4 weeks a few days either way is noise. */
#define NARROW_BELOW 70
#define WIDE_ABOVE 90
/* Series named in the overall sentences before "and N more". */
#define MAX_NAMED 5

/* The method in words. */
static const char *const method_words[MU_FCT_N_METHODS] = {
    [MU_FCT_SEASONAL_NAIVE] = "the same weekday last week (bank holidays modelled)",
    [MU_FCT_WEEKDAY_PROFILE] = "each weekday's average over recent weeks",
    [MU_FCT_PROFILE_TREND] = "a weekday profile with a trend",
    [MU_FCT_HOLT_WINTERS] = "exponential smoothing by weekday",
    [MU_FCT_NO_HISTORY] = "the scenario's own figure",
};

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* 100 (mase - 1) rounded to a whole percent, as the sentences show it. */
static long percent_off(double mase)
{
	return lround(100 * (mase - 1));
}

enum io_say_fc_verdict io_say_forecast_verdict(const struct mu_fc_series *s)
{
	long off;
	if (s->method == MU_FCT_NO_HISTORY)
		return IO_SAY_FC_NO_HISTORY;
	if (!s->is_backtested)
		return IO_SAY_FC_UNTESTED;
	if (isnan(s->mase))
		return IO_SAY_FC_EXACT_NAIVE;
	off = percent_off(s->mase);
	return off <= -1 ? IO_SAY_FC_BETTER : off >= 1 ? IO_SAY_FC_WORSE : IO_SAY_FC_SAME;
}

/* The coverage as a whole percent, as shown; -1 when there is none. */
static long coverage_percent(const struct mu_fc_series *s)
{
	if (!s->is_backtested || isnan(s->coverage80))
		return -1;
	return lround(100 * s->coverage80);
}

int io_say_forecast_width(const struct mu_fc_series *s)
{
	long c = coverage_percent(s);
	if (c < 0)
		return 0;
	return c < NARROW_BELOW ? -1 : c > WIDE_ABOVE ? 1 : 0;
}

/* The series' name: in full, or its start and quantity alone (under its
 * partner's and role's headings). */
static void name(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_fc_series *s,
                 bool is_short)
{
	char start[8];
	io_forecast_start_text(start, sizeof(start), s->start);
	if (!is_short)
		mu_buf_addf(b, "%s, %s, ", sc->partners[s->partner].name, sc->roles[s->role].name);
	mu_buf_addf(b, "%s (%s)", start, s->quantity == MU_FCQ_ABSENT ? "absence" : "staff needed");
}

void io_say_forecast_name(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct mu_fc_series *s)
{
	name(b, sc, s, false);
}

bool io_say_forecast_is_flat(const struct mu_fc_series *s)
{
	size_t i;
	if (s->method == MU_FCT_NO_HISTORY || s->n_ahead == 0)
		return false;
	for (i = 0; i < s->n_ahead; i++)
		if (!(s->ahead_p90[i] - s->ahead_p10[i] < 1e-9))
			return false;
	return true;
}

/* "its 80% interval held 62% of the backtest's days, too narrow" */
static void say_coverage(struct mu_buf *b, const struct mu_fc_series *s)
{
	long c = coverage_percent(s);
	int w = io_say_forecast_width(s);
	if (c < 0) {
		mu_buf_adds(b, "; its 80% interval could not be checked");
		return;
	}
	if (io_say_forecast_is_flat(s)) {
		/* p10 = p90: no interval to be too wide or too narrow */
		mu_buf_addf(b,
		            "; its forecast has no spread (its 10%% and 90%% points are one "
		            "value), which held on %ld%% of the backtest's days",
		            c);
		return;
	}
	mu_buf_addf(b, "; its 80%% interval held %ld%% of the backtest's days, %s", c,
	            w < 0   ? "too narrow"
	            : w > 0 ? "too wide"
	                    : "about right");
}

void io_say_forecast_series(struct mu_buf *b, const struct mu_scenario *sc,
                            const struct mu_fc_table *t, size_t k, bool is_short)
{
	const struct mu_fc_series *s = &t->series[k];
	enum io_say_fc_verdict v = io_say_forecast_verdict(s);
	int w = io_say_forecast_width(s);
	name(b, sc, s, is_short);
	mu_buf_adds(b, ": ");
	switch (v) {
	case IO_SAY_FC_NO_HISTORY:
		mu_buf_addf(b, "no history, so %s is kept, with no spread. Not a forecast.\n",
		            s->quantity == MU_FCQ_ABSENT ? "no absence (0)"
		                                         : "demand.csv's own required");
		return;
	case IO_SAY_FC_UNTESTED:
		mu_buf_addf(b,
		            "%zu day%s of history, too few to backtest; forecast by %s, untested. "
		            "A rough guide only.\n",
		            s->n_records, plural(s->n_records), method_words[s->method]);
		return;
	case IO_SAY_FC_EXACT_NAIVE:
		mu_buf_addf(b,
		            "forecast by %s; repeating last week's same day was exact on every "
		            "backtest day, so no MASE",
		            method_words[s->method]);
		break;
	case IO_SAY_FC_BETTER:
		mu_buf_addf(b,
		            "forecast by %s: %ld%% better than repeating last week's same day "
		            "(MASE %.2f)",
		            method_words[s->method], -percent_off(s->mase), s->mase);
		break;
	case IO_SAY_FC_SAME:
		mu_buf_addf(b,
		            "forecast by %s: no better than repeating last week's same day (MASE "
		            "%.2f)",
		            method_words[s->method], s->mase);
		break;
	default:
		mu_buf_addf(b,
		            "forecast by %s: %ld%% worse than repeating last week's same day "
		            "(MASE %.2f)",
		            method_words[s->method], percent_off(s->mase), s->mase);
	}
	say_coverage(b, s);
	mu_buf_adds(b, ". ");
	if (v == IO_SAY_FC_WORSE)
		mu_buf_adds(b, "Weak: check it against what you know.\n");
	else if (v == IO_SAY_FC_SAME)
		mu_buf_adds(b, "No more than last week's pattern.\n");
	else if (w < 0)
		mu_buf_adds(b, "A sound guide to the level, but allow for more spread than the "
		               "interval shows.\n");
	else if (w > 0)
		mu_buf_adds(b,
		            "A sound guide to the level; the spread is smaller than the interval "
		            "shows.\n");
	else
		mu_buf_adds(b, "A sound guide.\n");
}

static int by_value(const void *x, const void *y)
{
	double a = *(const double *)x, c = *(const double *)y;
	return a < c ? -1 : a > c;
}

/* "A, B and 3 more" of the series of t whose verdict is v (n of them). */
static void name_series(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_fc_table *t,
                        enum io_say_fc_verdict v, size_t n)
{
	size_t k, said = 0;
	for (k = 0; k < t->n_series && said < MAX_NAMED; k++) {
		if (io_say_forecast_verdict(&t->series[k]) != v)
			continue;
		if (said > 0)
			mu_buf_adds(b, said + 1 == n ? " and " : "; ");
		io_say_forecast_name(b, sc, &t->series[k]);
		said++;
	}
	if (n > said)
		mu_buf_addf(b, " and %zu more", n - said);
}

void io_say_forecast(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_fc_table *t)
{
	size_t count[IO_SAY_FC_N_VERDICTS] = {0}, width[3] = {0}, n_mase = 0, n_tested, k;
	size_t n_flat = 0;
	double *mase = mu_malloc((t->n_series ? t->n_series : 1) * sizeof(double));
	for (k = 0; k < t->n_series; k++) {
		const struct mu_fc_series *s = &t->series[k];
		enum io_say_fc_verdict v = io_say_forecast_verdict(s);
		count[v]++;
		if (v <= IO_SAY_FC_EXACT_NAIVE && coverage_percent(s) >= 0) {
			if (io_say_forecast_is_flat(s))
				n_flat++;
			else
				width[io_say_forecast_width(s) + 1]++;
		}
		if (v <= IO_SAY_FC_WORSE)
			mase[n_mase++] = s->mase;
	}
	n_tested = count[IO_SAY_FC_BETTER] + count[IO_SAY_FC_SAME] + count[IO_SAY_FC_WORSE] +
	           count[IO_SAY_FC_EXACT_NAIVE];
	mu_buf_addf(b, "%zu series forecast, %zu of them backtested", t->n_series, n_tested);
	if (n_mase > 0) {
		double median;
		qsort(mase, n_mase, sizeof(double), by_value);
		median =
		    n_mase % 2 ? mase[n_mase / 2] : (mase[n_mase / 2 - 1] + mase[n_mase / 2]) / 2;
		mu_buf_addf(b,
		            ": %zu beat repeating last week's same day, %zu did no better and %zu "
		            "did worse (median MASE %.2f",
		            count[IO_SAY_FC_BETTER], count[IO_SAY_FC_SAME], count[IO_SAY_FC_WORSE],
		            median);
		if (median < 1 && percent_off(median) <= -1)
			mu_buf_addf(b, ": a typical error %ld%% smaller than last week's",
			            -percent_off(median));
		else if (percent_off(median) >= 1)
			mu_buf_addf(b, ": a typical error %ld%% larger than last week's",
			            percent_off(median));
		mu_buf_adds(b, ")");
	}
	if (count[IO_SAY_FC_EXACT_NAIVE] > 0)
		mu_buf_addf(b, "; in %zu, last week's same day was exact on every backtest day",
		            count[IO_SAY_FC_EXACT_NAIVE]);
	mu_buf_adds(b, ".\n");
	if (width[0] + width[1] + width[2] > 0)
		mu_buf_addf(b,
		            "The 80%% intervals held about right (%d%% to %d%% of the backtest's "
		            "days) in %zu series, were too narrow in %zu and too wide in %zu.\n",
		            NARROW_BELOW, WIDE_ABOVE, width[1], width[0], width[2]);
	if (n_flat > 0)
		mu_buf_addf(b,
		            "%zu series %s forecast with no spread (their 10%% and 90%% points are "
		            "one value), so no interval to judge.\n",
		            n_flat, n_flat == 1 ? "is" : "are");
	if (count[IO_SAY_FC_UNTESTED] > 0) {
		mu_buf_addf(b, "Too little history to backtest, %zu series (a rough guide only): ",
		            count[IO_SAY_FC_UNTESTED]);
		name_series(b, sc, t, IO_SAY_FC_UNTESTED, count[IO_SAY_FC_UNTESTED]);
		mu_buf_adds(b, ".\n");
	}
	if (count[IO_SAY_FC_NO_HISTORY] > 0) {
		mu_buf_addf(b,
		            "No history, %zu series (the scenario's own figures kept, no spread): ",
		            count[IO_SAY_FC_NO_HISTORY]);
		name_series(b, sc, t, IO_SAY_FC_NO_HISTORY, count[IO_SAY_FC_NO_HISTORY]);
		mu_buf_adds(b, ".\n");
	}
	free(mase);
}
