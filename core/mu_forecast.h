/*
 * mu_forecast.h - the forecast of DESIGN.md §3e as arithmetic: one daily
 * series of the past (a partner, role and shift start's `required`, or its
 * `absent`) in, a forecast of chosen days out, with the method chosen by
 * backtest, its MASE, its 80% interval's coverage, and joint draws of many
 * series at once. No I/O: `muster forecast` reads history.csv and writes.
 *
 * The methods (docs/forecast.md says more, with the benchmark's numbers):
 *   seasonal_naive  the same weekday's last value at or before the origin
 *                   (a day with no record or a holiday skipped: the week
 *                   before);
 *   weekday_profile each weekday's mean over the last 6 weeks;
 *   profile_trend   a level per weekday and one linear trend over the last
 *                   12 weeks (least squares within weekdays), extrapolated;
 *   holt_winters    additive Holt-Winters, period 7, damped trend; its
 *                   (alpha, beta, phi, gamma) from a grid of 60 by the
 *                   one-step squared error in sample, on data before the
 *                   backtest for the backtest, on all of it for the
 *                   forecast.
 * Bank holidays (core/mu_holidays.h) are modelled in every method: a
 * holiday, or a day with no record, is left out of every fit (the
 * profiles skip it, Holt-Winters carries its state over it), and a target
 * day that is a holiday is forecast as the weekday's forecast times a
 * holiday ratio: the sum of past holidays' values over the sum of their
 * baselines (the mean of the same weekday one and two weeks either side,
 * holidays left out), from the holidays at least 14 days before the
 * origin; with fewer than 3 such holidays, the ratio of the last 8 weeks'
 * Sunday mean to the weekday's mean: a holiday is forecast as a Sunday
 * (MU_FC_HOLIDAY_AS_SUNDAY).
 *
 * The backtest (rolling origin): every day t of the history's last 56 days
 * (8 weeks) is forecast from each origin t - k, k = 1 .. H, H the longest
 * horizon asked for (at most MU_FC_MAX_HORIZON), by each method fitted on
 * the days up to the origin alone. A method's backtest MAE is the mean
 * |actual - forecast| over the points (t, k) whose k is a horizon asked
 * for, t has a record, and every method has a forecast; the method with the
 * least MAE is chosen (a tie to the simpler); its MASE is its MAE over the
 * plain seasonal naive's on the same points (the same weekday's last
 * recorded value, holidays as they fell: mu_forecast_naive). Hyndman &
 * Koehler 2006 scale by the in-sample naive; here the scale is the
 * seasonal naive's error on the same backtest points, so MASE < 1 means
 * better than "the same weekday last week" where it was measured. NAN
 * when that MAE is 0.
 *
 * The intervals: each backtest error of the chosen method is scaled by
 * max(forecast, 1), z = (actual - forecast) / max(forecast, 1) (the spread
 * grows with the level, as noise of a fixed CV does, and stays additive
 * for counts near 0). A target at horizon k takes the z of the horizons
 * k-3 .. k+3 (within 1 .. H) over the 56 days; its p10, p50 and p90 are
 * forecast + quantile(z) * max(forecast, 1), and its mean the mean of
 * max(0, forecast + z * max(forecast, 1)) over them: all clamped at 0. A
 * count series (is_count) has its values rounded to whole numbers before
 * the quantiles, which are then order statistics. The p10 and p90 are
 * taken at levels moved out by (n + 1) / n, n the days the errors come
 * from, as split conformal prediction does: 8 weeks' plain empirical
 * quantiles cover less than 80% of new days. Coverage, out of sample:
 * the quantiles of the first 4 weeks' z at each horizon against the last 4
 * weeks' actual days.
 *
 * Draws (mu_forecast_draw): a bootstrap of whole days. For scenario s and
 * target day D one day u of the backtest's 56 (counted from the history's
 * end, so the same day for series that end together) is drawn from a
 * stream fixed by (seed, s, D) alone, common to every series; each series
 * adds its own scaled error of that day, at its horizon, to its forecast.
 * Two rows whose errors moved together on a day of the history move
 * together in the draws, as much as they did. A series with no error that
 * day takes the stream's next day. Clamped at 0; a count drawn as a whole
 * number (rounded up with the probability of its fraction, so its mean
 * stays). Days are drawn independently, so the correlation from one day
 * to the next is not kept. The PRNG is splitmix64: the same seed gives the
 * same numbers on every machine.
 */
#ifndef MU_FORECAST_H
#define MU_FORECAST_H

#include "mu_err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum mu_fc_method { MU_FC_SNAIVE, MU_FC_PROFILE, MU_FC_TREND, MU_FC_HOLT_WINTERS, MU_FC_N_METHODS };

/* The method's name as outputs write it: "seasonal_naive",
 * "weekday_profile", "profile_trend", "holt_winters". */
const char *mu_fc_method_name(enum mu_fc_method m);

#define MU_FC_BACKTEST_DAYS 56
#define MU_FC_MAX_HORIZON 56
/* Days a backtest's first origin needs behind it. */
#define MU_FC_MIN_FIT_DAYS 28

/* What a forecast says of itself, or'ed in mu_forecast.flags. */
enum mu_fc_flag {
	/* Too short for the backtest (fewer than 56 + H + 28 days): the
	 * weekday profile, no MASE or coverage (NAN), and the intervals
	 * from the profile's in-sample residuals. */
	MU_FC_NO_BACKTEST = 1u << 0,
	/* No value at all: no forecast (every figure NAN). */
	MU_FC_EMPTY = 1u << 1,
	/* Fewer than 3 past holidays to measure: holidays forecast as
	 * Sundays. */
	MU_FC_HOLIDAY_AS_SUNDAY = 1u << 2,
	/* A day of the history or a target outside 2020..2030, whose bank
	 * holidays muster does not know: taken as a working day. */
	MU_FC_HOLIDAYS_UNKNOWN = 1u << 3,
	/* A target further than MU_FC_MAX_HORIZON days: the spread of the
	 * longest horizon measured. */
	MU_FC_BEYOND_HORIZON = 1u << 4,
};

/* A daily series: value[t] is day first_day + t (days since 1970-01-01),
 * NAN for a day with no record; counts (absence) have is_count. Borrowed. */
struct mu_series {
	long first_day;
	size_t n_days;
	const double *value;
	bool is_count;
};

/* One target day's forecast. point is the chosen method's forecast before
 * the errors (holiday adjusted), horizon the days after the history's end,
 * capped at the longest measured. */
struct mu_fc_point {
	long day;
	double mean, p10, p50, p90;
	double point;
	size_t horizon;
};

struct mu_forecast {
	enum mu_fc_method method;
	unsigned flags;
	double mase;     /* chosen method's backtest MAE / seasonal naive's */
	double coverage; /* the 80% interval's, out of sample in the backtest */
	double mae[MU_FC_N_METHODS];
	double mae_naive;     /* the plain seasonal naive's: the MASE's scale */
	size_t n_backtest;    /* the points the MAEs are over */
	double holiday_ratio; /* measured from past holidays; NAN as Sunday */
	size_t n_targets;
	struct mu_fc_point *point; /* n_targets, in the order asked */
	/* Kept for mu_forecast_draw. */
	bool is_count;
	size_t max_h;  /* horizons measured, 1 .. max_h; 0 without backtest */
	double *err;   /* z of day u (0 = 55 days before the end) and horizon k:
	                  err[u * max_h + k - 1], NAN where none */
	double *resid; /* without backtest: the in-sample z */
	size_t n_resid;
};

/* Forecasts s on the n_targets days target_day[] (each after the
 * history's last day), into *fc (the caller's, released with
 * mu_forecast_release; written on success only). Returns MU_E_INPUT when a
 * target is not after the history. An empty or short series is a success
 * with its flag. */
enum mu_code mu_forecast_run(const struct mu_series *s, const long *target_day, size_t n_targets,
                             struct mu_forecast *fc, struct mu_err *err);

/* Frees what fc holds (fc may be NULL). */
void mu_forecast_release(struct mu_forecast *fc);

/* Method m fitted on s's first n_fit days alone (n_fit <= n_days) and its
 * forecast of day (any day after those), holidays modelled as in the
 * forecast; NAN when the fit has no value. For tests and the benchmark. */
double mu_forecast_method(const struct mu_series *s, enum mu_fc_method m, size_t n_fit, long day);

/* The plain seasonal naive fitted on s's first n_fit days: the last
 * recorded value of day's weekday, holidays as they fell (the MASE's
 * scale); NAN when there is none. */
double mu_forecast_naive(const struct mu_series *s, size_t n_fit, long day);

/* Mean absolute scaled error of forecasts f against a seasonal naive's g
 * for actuals y, n points: sum |y - f| / sum |y - g| over the points where
 * all three are finite; NAN when the denominator is 0 or no point is. */
double mu_forecast_mase(const double *y, const double *f, const double *g, size_t n);

/* N joint draws of n_series forecasts: out[i][sc * fc[i]->n_targets + j]
 * is series i's draw in scenario sc for its target j (out[i] the caller's,
 * n_scenarios * fc[i]->n_targets values). The same (seed, scenario, day)
 * draws the same past day for every series, whatever the others. A series
 * with no forecast (MU_FC_EMPTY) draws NAN. Never fails. */
void mu_forecast_draw(const struct mu_forecast *const *fc, size_t n_series, size_t n_scenarios,
                      uint64_t seed, double *const *out);

#endif
