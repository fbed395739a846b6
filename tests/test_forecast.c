/*
 * test_forecast.c - the forecast's arithmetic (core/mu_forecast.c) and the
 * bank holidays it models (core/mu_holidays.c): the holiday table rebuilt
 * from the rules and Easter computed again, each method on series worked
 * out by hand, MASE by hand, the method the backtest chooses on generated
 * series, the 80% intervals' coverage of generated noise, the joint draws
 * (fixed by the seed, correlated as the history is), and empty, short and
 * holed series.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_forecast.h"
#include "core/mu_holidays.h"
#include "test_util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* a and b within eps, both NAN, or the test fails naming them. */
#define assert_near(a, b, eps) near_or_fail((a), (b), (eps), #a, __FILE__, __LINE__)

static void near_or_fail(double a, double b, double eps, const char *what, const char *file,
                         int line)
{
	if ((isnan(a) && isnan(b)) || fabs(a - b) <= eps)
		return;
	print_error("%s = %.15g, expected %.15g (within %g)\n", what, a, b, eps);
	_fail(file, line);
}

static long day_of(long ymd)
{
	return mu_holiday_day_of((int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100));
}

/* Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
static long easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
	return mu_holiday_day_of(y, month, day);
}

static bool is_weekend(long day)
{
	return mu_holiday_weekday(day) >= 5;
}

/* The first (n = 1) or last (n = -1) Monday of month m. */
static long monday_of(int y, int m, int n)
{
	if (n > 0) {
		long d = mu_holiday_day_of(y, m, 1);
		while (mu_holiday_weekday(d) != 0)
			d++;
		return d;
	}
	long d = mu_holiday_day_of(y + (m == 12), m % 12 + 1, 1) - 1;
	while (mu_holiday_weekday(d) != 0)
		d--;
	return d;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

/* England and Wales' holidays of year y by the standing rules and the
 * proclaimed exceptions, into out; returns their number. */
static size_t holidays_by_rule(int y, long *out)
{
	size_t n = 0;
	long ny = mu_holiday_day_of(y, 1, 1);
	while (is_weekend(ny))
		ny++;
	out[n++] = ny;
	out[n++] = easter(y) - 2;
	out[n++] = easter(y) + 1;
	out[n++] = y == 2020 ? day_of(20200508) : monday_of(y, 5, 1);
	out[n++] = y == 2022 ? day_of(20220602) : monday_of(y, 5, -1);
	out[n++] = monday_of(y, 8, -1);
	/* Christmas and Boxing Day, each on a weekend moved to the next
	 * weekday not taken. */
	long xmas = mu_holiday_day_of(y, 12, 25), boxing = xmas + 1;
	long a = xmas, b = boxing;
	while (is_weekend(a))
		a++;
	while (is_weekend(b) || b == a)
		b++;
	out[n++] = a;
	out[n++] = b;
	if (y == 2022) {
		out[n++] = day_of(20220603);
		out[n++] = day_of(20220919);
	}
	if (y == 2023)
		out[n++] = day_of(20230508);
	qsort(out, n, sizeof(*out), cmp_long);
	return n;
}

static void test_forecast_holidays_are_the_rules_year_by_year(void **state)
{
	(void)state;
	size_t n_table = mu_holiday_count(), k = 0;
	for (int y = 2020; y <= 2030; y++) {
		long rule[16];
		size_t n = holidays_by_rule(y, rule);
		assert_int_equal(n, y == 2022 ? 10 : y == 2023 ? 9 : 8);
		for (size_t i = 0; i < n; i++, k++) {
			assert_true(k < n_table);
			if (mu_holiday_nth(k) != rule[i])
				fail_msg("holiday %zu of %d: table day %ld, rules day %ld", i, y,
				         mu_holiday_nth(k), rule[i]);
			assert_true(mu_holiday_is(rule[i]));
			assert_false(is_weekend(rule[i]));
		}
	}
	assert_int_equal(k, n_table);
	/* Every other day of the years is not one. */
	size_t count = 0;
	for (long d = MU_HOLIDAYS_FIRST_DAY; d <= MU_HOLIDAYS_LAST_DAY; d++)
		count += mu_holiday_is(d);
	assert_int_equal(count, n_table);
}

static void test_forecast_holidays_named_dates(void **state)
{
	(void)state;
	/* Easter Sundays as published: Good Friday two days before. */
	assert_int_equal(easter(2020), day_of(20200412));
	assert_int_equal(easter(2024), day_of(20240331));
	assert_int_equal(easter(2027), day_of(20270328));
	static const long yes[] = {20200101, 20200410, 20200413, 20200508, 20201228, 20211227,
	                           20211228, 20220103, 20220602, 20220603, 20220919, 20221227,
	                           20230102, 20230508, 20240329, 20250421, 20261228, 20271227,
	                           20271228, 20280103, 20301226};
	static const long no[] = {20200504, 20201226, 20220530, 20221225, 20230101, 20261226,
	                          20250102, 20240102, 20300102, 20191225, 20310101};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!mu_holiday_is(day_of(yes[i])))
			fail_msg("%ld should be a bank holiday", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (mu_holiday_is(day_of(no[i])))
			fail_msg("%ld should not be a bank holiday", no[i]);
	assert_true(mu_holiday_known(day_of(20200101)));
	assert_true(mu_holiday_known(day_of(20301231)));
	assert_false(mu_holiday_known(day_of(20191231)));
	assert_false(mu_holiday_known(day_of(20310101)));
	assert_int_equal(day_of(20200101), MU_HOLIDAYS_FIRST_DAY);
	assert_int_equal(day_of(20301231), MU_HOLIDAYS_LAST_DAY);
	assert_int_equal(mu_holiday_weekday(0), 3); /* 1970-01-01, a Thursday */
	assert_int_equal(mu_holiday_weekday(day_of(20261207)), 0);
	assert_int_equal(mu_holiday_weekday(-1), 2);
}

/* --- series made by hand and generated ----------------------------------- */

static const double pattern[7] = {20, 22, 21, 23, 19, 12, 9}; /* Monday .. Sunday */

/* A series of n days from first: pattern * level + slope * t. */
static double *make_series(long first, size_t n, double slope)
{
	double *v = mu_calloc(n ? n : 1, sizeof(*v));
	for (size_t t = 0; t < n; t++)
		v[t] = pattern[mu_holiday_weekday(first + (long)t)] + slope * (double)t;
	return v;
}

static uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double rng_normal(uint64_t *s)
{
	double u = ((double)(rng_next(s) >> 11) + 0.5) / 9007199254740992.0;
	double v = (double)(rng_next(s) >> 11) / 9007199254740992.0;
	return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* 2021-08-31 to 2021-12-26 has no bank holiday. */
#define QUIET_START 20210831

static void test_forecast_weekday_pattern_exact_by_naive_and_profile(void **state)
{
	(void)state;
	long first = day_of(QUIET_START);
	double *v = make_series(first, 70, 0);
	struct mu_series s = {first, 70, v, false};
	for (long day = first + 70; day < first + 70 + 21; day++) {
		double want = pattern[mu_holiday_weekday(day)];
		assert_near(mu_forecast_method(&s, MU_FC_SNAIVE, 70, day), want, 1e-12);
		assert_near(mu_forecast_method(&s, MU_FC_PROFILE, 70, day), want, 1e-12);
		assert_near(mu_forecast_method(&s, MU_FC_TREND, 70, day), want, 1e-9);
		assert_near(mu_forecast_method(&s, MU_FC_HOLT_WINTERS, 70, day), want, 1e-9);
	}
	/* Fitted on the first 35 days only: the same. */
	assert_near(mu_forecast_method(&s, MU_FC_SNAIVE, 35, first + 40),
	            pattern[mu_holiday_weekday(first + 40)], 1e-12);
	free(v);
}

static void test_forecast_linear_trend_exact_by_the_trend_method(void **state)
{
	(void)state;
	long first = day_of(QUIET_START);
	double b = 0.1;
	double *v = make_series(first, 84, b);
	struct mu_series s = {first, 84, v, false};
	for (size_t k = 1; k <= 28; k++) {
		long day = first + 83 + (long)k;
		double want = pattern[mu_holiday_weekday(day)] + b * (83.0 + (double)k);
		assert_near(mu_forecast_method(&s, MU_FC_TREND, 84, day), want, 1e-9);
		/* The seasonal naive is the last week's value: 7 b per week behind. */
		double weeks = ceil((double)k / 7.0);
		assert_near(mu_forecast_method(&s, MU_FC_SNAIVE, 84, day), want - 7 * b * weeks,
		            1e-9);
		/* The profile is the last 6 weeks' mean: 24.5 b behind at k <= 7. */
		if (k <= 7)
			assert_near(mu_forecast_method(&s, MU_FC_PROFILE, 84, day), want - 24.5 * b,
			            1e-9);
	}
	free(v);
}

static void test_forecast_mase_by_hand(void **state)
{
	(void)state;
	/* |y - f| = 1, 0, 2 (sum 3); |y - g| = 2, 3, 0 (sum 5); the fourth
	 * point has no actual and the fifth no naive forecast: skipped. */
	const double y[] = {10, 12, 8, NAN, 5};
	const double f[] = {11, 12, 6, 4, 5};
	const double g[] = {8, 15, 8, 4, NAN};
	assert_near(mu_forecast_mase(y, f, g, 5), 0.6, 1e-15);
	const double z[] = {10, 12, 8, 1, 1};
	assert_true(isnan(mu_forecast_mase(y, f, y, 5))); /* a perfect naive */
	assert_near(mu_forecast_mase(y, z, g, 3), 0.0, 1e-15);
	assert_true(isnan(mu_forecast_mase(y, f, g, 0)));
}

/* The backtest on a linear trend at horizon 1, by hand: the seasonal naive
 * is 7 b off at every point, the profile 24.5 b, the trend method 0. */
static void test_forecast_backtest_mae_and_mase_by_hand(void **state)
{
	(void)state;
	long first = day_of(QUIET_START);
	/* Six full weeks behind the first origin, so that every profile is
	 * of six weeks. */
	size_t n = MU_FC_BACKTEST_DAYS + 1 + 42 + 7;
	double b = 0.2;
	double *v = make_series(first, n, b);
	struct mu_series s = {first, n, v, false};
	long target = first + (long)n;
	struct mu_forecast fc;
	assert_int_equal(mu_forecast_run(&s, &target, 1, &fc, NULL), MU_OK);
	assert_int_equal(fc.flags & (MU_FC_NO_BACKTEST | MU_FC_EMPTY), 0);
	assert_int_equal(fc.n_backtest, MU_FC_BACKTEST_DAYS);
	assert_near(fc.mae[MU_FC_SNAIVE], 7 * b, 1e-9);
	assert_near(fc.mae_naive, 7 * b, 1e-9);
	assert_near(fc.mae[MU_FC_PROFILE], 24.5 * b, 1e-9);
	assert_near(fc.mae[MU_FC_TREND], 0, 1e-9);
	assert_int_equal(fc.method, MU_FC_TREND);
	assert_near(fc.mase, 0, 1e-9);
	assert_near(fc.point[0].point, pattern[mu_holiday_weekday(target)] + b * (double)n, 1e-9);
	/* No error in the backtest: the interval is the point. */
	assert_near(fc.point[0].p10, fc.point[0].p90, 1e-9);
	assert_near(fc.coverage, 1.0, 1e-12);
	mu_forecast_release(&fc);
	free(v);
}

static void test_forecast_pure_pattern_chooses_the_seasonal_naive(void **state)
{
	(void)state;
	long first = day_of(20210104);
	size_t n = 400;
	double *v = make_series(first, n, 0);
	/* Bank holidays inside are ordinary days here; the seasonal naive,
	 * which does not model them, is exact; the ties go to it. */
	struct mu_series s = {first, n, v, false};
	long targets[7];
	for (int k = 0; k < 7; k++)
		targets[k] = first + (long)n + k;
	struct mu_forecast fc;
	assert_int_equal(mu_forecast_run(&s, targets, 7, &fc, NULL), MU_OK);
	assert_int_equal(fc.method, MU_FC_SNAIVE);
	assert_near(fc.mae[MU_FC_SNAIVE], 0, 1e-12);
	assert_true(isnan(fc.mase)); /* 0 / 0: said undefined */
	for (int k = 0; k < 7; k++)
		assert_near(fc.point[k].p50, pattern[mu_holiday_weekday(targets[k])], 1e-9);
	mu_forecast_release(&fc);
	free(v);
}

/* Generated: the pattern times a level, times 1 + cv N(0, 1). */
static double *make_noisy(uint64_t *rng, long first, size_t n, double level, double slope,
                          double cv)
{
	double *v = mu_calloc(n, sizeof(*v));
	for (size_t t = 0; t < n; t++) {
		double mu =
		    level * pattern[mu_holiday_weekday(first + (long)t)] + slope * (double)t;
		double x = mu * (1 + cv * rng_normal(rng));
		v[t] = x < 0 ? 0 : x;
	}
	return v;
}

static void test_forecast_choice_on_generated_series(void **state)
{
	(void)state;
	uint64_t rng = 7;
	long first = day_of(20220103);
	size_t n = 300;
	long targets[14];
	for (int k = 0; k < 14; k++)
		targets[k] = first + (long)n + k;
	for (int rep = 0; rep < 5; rep++) {
		/* Steady with noise: a profile or Holt-Winters, well under the
		 * seasonal naive. */
		double *v = make_noisy(&rng, first, n, 1.0, 0, 0.15);
		struct mu_series s = {first, n, v, false};
		struct mu_forecast fc;
		assert_int_equal(mu_forecast_run(&s, targets, 14, &fc, NULL), MU_OK);
		assert_int_not_equal(fc.method, MU_FC_SNAIVE);
		assert_true(fc.mase < 0.9);
		mu_forecast_release(&fc);
		free(v);
		/* A steep trend with little noise: the trend method or
		 * Holt-Winters, far ahead of the others. */
		v = make_noisy(&rng, first, n, 1.0, 0.25, 0.01);
		s.value = v;
		assert_int_equal(mu_forecast_run(&s, targets, 14, &fc, NULL), MU_OK);
		if (fc.method != MU_FC_TREND && fc.method != MU_FC_HOLT_WINTERS)
			fail_msg("a trend chose %s", mu_fc_method_name(fc.method));
		assert_true(fc.mase < 0.5);
		assert_true(fc.mae[MU_FC_PROFILE] > 2 * fc.mae[fc.method]);
		mu_forecast_release(&fc);
		free(v);
	}
}

static void test_forecast_intervals_cover_about_80_percent(void **state)
{
	(void)state;
	uint64_t rng = 2026;
	long first = day_of(20230102);
	size_t n = 200, ahead = 14;
	size_t hits = 0, tries = 0;
	long targets[14];
	for (size_t k = 0; k < ahead; k++)
		targets[k] = first + (long)n + (long)k;
	for (int rep = 0; rep < 60; rep++) {
		/* History and future of one process: the future is held back. */
		double *v = make_noisy(&rng, first, n + ahead, 1.0 + rep % 5, 0, 0.15);
		struct mu_series s = {first, n, v, false};
		struct mu_forecast fc;
		assert_int_equal(mu_forecast_run(&s, targets, ahead, &fc, NULL), MU_OK);
		for (size_t k = 0; k < ahead; k++) {
			const struct mu_fc_point *pt = &fc.point[k];
			assert_true(pt->p10 >= 0);
			assert_true(pt->p10 <= pt->p50 && pt->p50 <= pt->p90);
			assert_true(pt->mean >= pt->p10 && pt->mean <= pt->p90);
			if (mu_holiday_is(pt->day))
				continue;
			hits += v[n + k] >= pt->p10 && v[n + k] <= pt->p90;
			tries++;
		}
		assert_true(fc.coverage > 0.5 && fc.coverage <= 1.0);
		mu_forecast_release(&fc);
		free(v);
	}
	double coverage = (double)hits / (double)tries;
	if (coverage < 0.74 || coverage > 0.88)
		fail_msg("80%% intervals covered %.3f of %zu days", coverage, tries);
}

static void test_forecast_holiday_modelled_from_past_holidays(void **state)
{
	(void)state;
	/* Two years where every bank holiday is half its weekday. */
	long first = day_of(20230102);
	size_t n = 2 * 364;
	double *v = make_series(first, n, 0);
	for (size_t t = 0; t < n; t++)
		if (mu_holiday_is(first + (long)t))
			v[t] *= 0.5;
	struct mu_series s = {first, n, v, false};
	long last = first + (long)n - 1;
	long bh = day_of(20250101); /* New Year's Day, a Wednesday */
	long targets[2] = {bh, bh + 7};
	assert_true(bh > last);
	struct mu_forecast fc;
	assert_int_equal(mu_forecast_run(&s, targets, 2, &fc, NULL), MU_OK);
	assert_int_equal(fc.flags & MU_FC_HOLIDAY_AS_SUNDAY, 0);
	double wed = pattern[2];
	assert_near(fc.holiday_ratio, 0.5, 1e-9);
	assert_near(fc.point[0].point, 0.5 * wed, 1e-6);
	assert_near(fc.point[1].point, wed, 1e-6);
	for (enum mu_fc_method m = MU_FC_SNAIVE; m < MU_FC_N_METHODS; m++)
		assert_near(mu_forecast_method(&s, m, n, bh), 0.5 * wed, 1e-6);
	/* The plain seasonal naive, the MASE's scale, takes last week's
	 * Wednesday as it fell: Christmas Day, at half, for New Year's Day
	 * and for the ordinary Wednesday after, where the forecast says 21. */
	assert_near(mu_forecast_naive(&s, n, bh), 0.5 * wed, 1e-12);
	assert_near(mu_forecast_naive(&s, n, bh + 7), 0.5 * wed, 1e-12);
	mu_forecast_release(&fc);
	free(v);
}

static void test_forecast_holiday_as_a_sunday_without_past_holidays(void **state)
{
	(void)state;
	/* Eight weeks with no holiday, then Christmas Day 2021 (a Saturday,
	 * no holiday) and Monday 27 December (its substitute). */
	long first = day_of(QUIET_START);
	size_t n = day_of(20211226) - first + 1;
	double *v = make_series(first, n, 0);
	struct mu_series s = {first, n, v, false};
	long target = day_of(20211227);
	for (enum mu_fc_method m = MU_FC_SNAIVE; m < MU_FC_N_METHODS; m++)
		assert_near(mu_forecast_method(&s, m, n, target), pattern[6], 1e-6);
	assert_near(mu_forecast_naive(&s, n, target), pattern[0], 1e-12);
	struct mu_forecast fc;
	assert_int_equal(mu_forecast_run(&s, &target, 1, &fc, NULL), MU_OK);
	assert_int_equal(fc.flags & MU_FC_NO_BACKTEST, 0);
	assert_true(fc.flags & MU_FC_HOLIDAY_AS_SUNDAY);
	assert_true(isnan(fc.holiday_ratio));
	assert_near(fc.point[0].point, pattern[6], 1e-6);
	mu_forecast_release(&fc);
	free(v);
}

static void test_forecast_empty_short_and_holed_series(void **state)
{
	(void)state;
	long first = day_of(20240101);
	long target = first + 400;
	struct mu_forecast fc;
	/* No days, and days with no record. */
	struct mu_series none = {first, 0, NULL, false};
	target = first + 3;
	assert_int_equal(mu_forecast_run(&none, &target, 1, &fc, NULL), MU_OK);
	assert_true(fc.flags & MU_FC_EMPTY);
	assert_true(isnan(fc.point[0].mean) && isnan(fc.point[0].p90));
	double out[3];
	double *outs[1] = {out};
	const struct mu_forecast *fcs[1] = {&fc};
	mu_forecast_draw(fcs, 1, 3, 1, outs);
	assert_true(isnan(out[0]) && isnan(out[2]));
	mu_forecast_release(&fc);
	double holes[30];
	for (int t = 0; t < 30; t++)
		holes[t] = NAN;
	struct mu_series blank = {first, 30, holes, false};
	target = first + 31;
	assert_int_equal(mu_forecast_run(&blank, &target, 1, &fc, NULL), MU_OK);
	assert_true(fc.flags & MU_FC_EMPTY);
	mu_forecast_release(&fc);
	/* Four weeks: no backtest, the weekday profile, and it says so. */
	double *v = make_series(day_of(QUIET_START), 28, 0);
	struct mu_series short_s = {day_of(QUIET_START), 28, v, false};
	target = day_of(QUIET_START) + 30;
	assert_int_equal(mu_forecast_run(&short_s, &target, 1, &fc, NULL), MU_OK);
	assert_true(fc.flags & MU_FC_NO_BACKTEST);
	assert_int_equal(fc.method, MU_FC_PROFILE);
	assert_true(isnan(fc.mase) && isnan(fc.coverage));
	assert_near(fc.point[0].p50, pattern[mu_holiday_weekday(target)], 1e-9);
	mu_forecast_release(&fc);
	free(v);
	/* One value alone. */
	double one = 5;
	struct mu_series single = {first, 1, &one, false};
	target = first + 2;
	assert_int_equal(mu_forecast_run(&single, &target, 1, &fc, NULL), MU_OK);
	assert_true(fc.flags & MU_FC_NO_BACKTEST);
	assert_near(fc.point[0].p50, 5, 1e-12);
	mu_forecast_release(&fc);
	/* Two years with a third of the days missing, and a month gone. */
	uint64_t rng = 11;
	size_t n = 730;
	v = make_noisy(&rng, first, n, 1, 0, 0.1);
	for (size_t t = 0; t < n; t++)
		if (rng_next(&rng) % 3 == 0 || (t >= 650 && t < 680))
			v[t] = NAN;
	struct mu_series holed = {first, n, v, false};
	long targets[10];
	for (int k = 0; k < 10; k++)
		targets[k] = first + (long)n + k;
	assert_int_equal(mu_forecast_run(&holed, targets, 10, &fc, NULL), MU_OK);
	assert_int_equal(fc.flags & (MU_FC_NO_BACKTEST | MU_FC_EMPTY), 0);
	assert_true(fc.n_backtest > 100);
	for (int k = 0; k < 10; k++) {
		assert_true(isfinite(fc.point[k].p10) && isfinite(fc.point[k].p90));
		assert_true(fc.point[k].p10 <= fc.point[k].p90);
	}
	mu_forecast_release(&fc);
	free(v);
	/* A ward opened 100 days into the history: every method measured. */
	v = make_noisy(&rng, first, n, 1, 0, 0.1);
	for (size_t t = 0; t < 100; t++)
		v[t] = NAN;
	struct mu_series opened = {first, n, v, false};
	assert_int_equal(mu_forecast_run(&opened, targets, 10, &fc, NULL), MU_OK);
	for (int m = 0; m < MU_FC_N_METHODS; m++)
		assert_true(isfinite(fc.mae[m]));
	assert_true(isfinite(fc.point[0].p50));
	mu_forecast_release(&fc);
	free(v);
	/* A target not after the history is refused. */
	struct mu_err err;
	mu_err_clear(&err);
	target = first + 5;
	double three[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	struct mu_series ten = {first, 10, three, false};
	assert_int_equal(mu_forecast_run(&ten, &target, 1, &fc, &err), MU_E_INPUT);
	assert_string_equal(err.msg, "target day 19728 is not after the history's last day 19732");
	/* Past the longest horizon, and past 2030. */
	v = make_series(day_of(20301001), 200, 0);
	struct mu_series late = {day_of(20301001), 200, v, false};
	target = day_of(20301001) + 200 + 69;
	assert_int_equal(mu_forecast_run(&late, &target, 1, &fc, NULL), MU_OK);
	assert_true(fc.flags & MU_FC_BEYOND_HORIZON);
	assert_true(fc.flags & MU_FC_HOLIDAYS_UNKNOWN);
	assert_int_equal(fc.point[0].horizon, MU_FC_MAX_HORIZON);
	mu_forecast_release(&fc);
	free(v);
}

static void test_forecast_counts_are_whole_and_never_negative(void **state)
{
	(void)state;
	uint64_t rng = 3;
	long first = day_of(20230102);
	size_t n = 400;
	double *v = mu_calloc(n, sizeof(*v));
	for (size_t t = 0; t < n; t++) {
		/* About one absence a day, sometimes 0, sometimes 3. */
		double x = 1 + rng_normal(&rng);
		v[t] = x < 0 ? 0 : floor(x + 0.5);
	}
	struct mu_series s = {first, n, v, true};
	long targets[21];
	for (int k = 0; k < 21; k++)
		targets[k] = first + (long)n + k;
	struct mu_forecast fc;
	assert_int_equal(mu_forecast_run(&s, targets, 21, &fc, NULL), MU_OK);
	for (int k = 0; k < 21; k++) {
		const struct mu_fc_point *pt = &fc.point[k];
		assert_true(pt->p10 >= 0 && pt->mean >= 0);
		assert_near(pt->p10, floor(pt->p10), 0);
		assert_near(pt->p90, floor(pt->p90), 0);
	}
	double *draws = mu_calloc(50 * 21, sizeof(*draws));
	double *outs[1] = {draws};
	const struct mu_forecast *fcs[1] = {&fc};
	mu_forecast_draw(fcs, 1, 50, 99, outs);
	for (size_t i = 0; i < 50 * 21; i++) {
		assert_true(draws[i] >= 0);
		assert_near(draws[i], floor(draws[i]), 0);
	}
	free(draws);
	mu_forecast_release(&fc);
	free(v);
}

/* Two series sharing each day's noise, and a third with its own. */
struct three {
	double *v[3];
	struct mu_forecast fc[3];
	long targets[14];
};

static void three_make(struct three *x)
{
	uint64_t rng = 5;
	long first = day_of(20230102);
	size_t n = 300;
	for (int i = 0; i < 3; i++)
		x->v[i] = mu_calloc(n, sizeof(double));
	for (size_t t = 0; t < n; t++) {
		double day = rng_normal(&rng);
		double mu = pattern[mu_holiday_weekday(first + (long)t)];
		x->v[0][t] = mu * (1 + 0.15 * (0.9 * day + 0.44 * rng_normal(&rng)));
		x->v[1][t] = 2 * mu * (1 + 0.15 * (0.9 * day + 0.44 * rng_normal(&rng)));
		x->v[2][t] = mu * (1 + 0.15 * rng_normal(&rng));
	}
	for (int k = 0; k < 14; k++)
		x->targets[k] = first + (long)n + k;
	for (int i = 0; i < 3; i++) {
		struct mu_series s = {first, n, x->v[i], false};
		assert_int_equal(mu_forecast_run(&s, x->targets, 14, &x->fc[i], NULL), MU_OK);
	}
}

static void three_release(struct three *x)
{
	for (int i = 0; i < 3; i++) {
		mu_forecast_release(&x->fc[i]);
		free(x->v[i]);
	}
}

static double correlation(const double *a, const double *b, size_t n)
{
	double ma = 0, mb = 0;
	for (size_t i = 0; i < n; i++) {
		ma += a[i];
		mb += b[i];
	}
	ma /= (double)n;
	mb /= (double)n;
	double sab = 0, saa = 0, sbb = 0;
	for (size_t i = 0; i < n; i++) {
		sab += (a[i] - ma) * (b[i] - mb);
		saa += (a[i] - ma) * (a[i] - ma);
		sbb += (b[i] - mb) * (b[i] - mb);
	}
	return sab / sqrt(saa * sbb);
}

static void test_forecast_draws_fixed_by_the_seed(void **state)
{
	(void)state;
	struct three x;
	three_make(&x);
	size_t N = 50, m = N * 14;
	double *a[3], *b[3], *c[3];
	for (int i = 0; i < 3; i++) {
		a[i] = mu_calloc(m, sizeof(double));
		b[i] = mu_calloc(m, sizeof(double));
		c[i] = mu_calloc(m, sizeof(double));
	}
	const struct mu_forecast *fcs[3] = {&x.fc[0], &x.fc[1], &x.fc[2]};
	mu_forecast_draw(fcs, 3, N, 42, a);
	mu_forecast_draw(fcs, 3, N, 42, b);
	mu_forecast_draw(fcs, 3, N, 43, c);
	size_t differ = 0;
	for (int i = 0; i < 3; i++) {
		assert_memory_equal(a[i], b[i], m * sizeof(double));
		for (size_t j = 0; j < m; j++) {
			differ += a[i][j] != c[i][j];
			assert_true(a[i][j] >= 0);
		}
	}
	assert_true(differ > m);
	/* A series drawn alone draws what it draws beside the others. */
	const struct mu_forecast *second[1] = {&x.fc[1]};
	mu_forecast_draw(second, 1, N, 42, c);
	assert_memory_equal(a[1], c[0], m * sizeof(double));
	/* The same numbers on every machine: splitmix64's first output for
	 * seed 0 is the published 0xE220A8397B1DCDAF. */
	uint64_t st = 0;
	assert_true(rng_next(&st) == 0xE220A8397B1DCDAFULL);
	for (int i = 0; i < 3; i++) {
		free(a[i]);
		free(b[i]);
		free(c[i]);
	}
	three_release(&x);
}

static void test_forecast_draws_correlate_as_the_history_does(void **state)
{
	(void)state;
	struct three x;
	three_make(&x);
	size_t N = 400, m = N * 14;
	double *d[3];
	for (int i = 0; i < 3; i++)
		d[i] = mu_calloc(m, sizeof(double));
	const struct mu_forecast *fcs[3] = {&x.fc[0], &x.fc[1], &x.fc[2]};
	mu_forecast_draw(fcs, 3, N, 1, d);
	/* Each target day's draws over the scenarios: the two rows that share
	 * the day's noise (0.9^2 / (0.9^2 + 0.44^2) = 0.81 of it) move
	 * together; the third does not. */
	double *p = mu_calloc(N, sizeof(double)), *q = mu_calloc(N, sizeof(double));
	double *r = mu_calloc(N, sizeof(double));
	double sum_pq = 0, sum_pr = 0;
	for (int k = 0; k < 14; k++) {
		for (size_t sc = 0; sc < N; sc++) {
			p[sc] = d[0][sc * 14 + k];
			q[sc] = d[1][sc * 14 + k];
			r[sc] = d[2][sc * 14 + k];
		}
		sum_pq += correlation(p, q, N);
		sum_pr += correlation(p, r, N);
	}
	double rho_pq = sum_pq / 14, rho_pr = sum_pr / 14;
	if (rho_pq < 0.5 || fabs(rho_pr) > 0.25)
		fail_msg("correlation of the shared rows %.3f, of the independent %.3f", rho_pq,
		         rho_pr);
	/* The draws' spread is the interval's: about 80% between p10 and p90. */
	size_t inside = 0;
	for (size_t sc = 0; sc < N; sc++)
		for (int k = 0; k < 14; k++) {
			double y = d[0][sc * 14 + k];
			inside += y >= x.fc[0].point[k].p10 && y <= x.fc[0].point[k].p90;
		}
	double share = (double)inside / (double)(N * 14);
	if (share < 0.7 || share > 0.95)
		fail_msg("%.3f of the draws within the 80%% interval", share);
	free(p);
	free(q);
	free(r);
	for (int i = 0; i < 3; i++)
		free(d[i]);
	three_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_forecast_holidays_are_the_rules_year_by_year),
	    cmocka_unit_test(test_forecast_holidays_named_dates),
	    cmocka_unit_test(test_forecast_weekday_pattern_exact_by_naive_and_profile),
	    cmocka_unit_test(test_forecast_linear_trend_exact_by_the_trend_method),
	    cmocka_unit_test(test_forecast_mase_by_hand),
	    cmocka_unit_test(test_forecast_backtest_mae_and_mase_by_hand),
	    cmocka_unit_test(test_forecast_pure_pattern_chooses_the_seasonal_naive),
	    cmocka_unit_test(test_forecast_choice_on_generated_series),
	    cmocka_unit_test(test_forecast_intervals_cover_about_80_percent),
	    cmocka_unit_test(test_forecast_holiday_modelled_from_past_holidays),
	    cmocka_unit_test(test_forecast_holiday_as_a_sunday_without_past_holidays),
	    cmocka_unit_test(test_forecast_empty_short_and_holed_series),
	    cmocka_unit_test(test_forecast_counts_are_whole_and_never_negative),
	    cmocka_unit_test(test_forecast_draws_fixed_by_the_seed),
	    cmocka_unit_test(test_forecast_draws_correlate_as_the_history_does),
	};
	return tu_run_tests(tests, NULL, NULL);
}
