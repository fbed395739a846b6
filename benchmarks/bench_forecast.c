/*
 * bench_forecast.c - the forecast's quality (issue 26 point 3) on generated
 * histories whose truth is known.
 *
 *   bench_forecast [--series N] [--hold DAYS] [--seed S]
 *
 * N series (default 120: 8 partners x 3 roles x 5 shift starts) of two
 * years each, plus DAYS (default 28) held back. The truth of a series: a
 * base level (3 to 30 staff), a weekday pattern (Saturday about 0.8,
 * Sunday about 0.7 of a weekday, each weekday perturbed by up to 6%), a
 * linear trend (-8% to +12% a year), winter pressure (+10% to +20% at
 * mid-January, a cosine over the year), bank holidays (the series'
 * Sunday level, give or take 5%) and noise of CV 10% to 20% a day, half
 * of its variance shared by every row of one partner on that day; 1% of
 * days have no record. Absence is Poisson, 6% of the truth (+30% in
 * winter). Each series ends on its own day across 2024-2025, so the
 * held-back weeks fall in every season (Christmas among them).
 *
 * Each series is forecast by mu_forecast_run from its history alone, for
 * the held-back days (horizons 1 .. DAYS); the plain seasonal naive from
 * the same origin (mu_forecast_naive) is the scale. It prints, as Markdown: the median over series
 * of the chosen method's MASE on the held-back days (the target: <= 0.85),
 * the held-back days' coverage by the 80% intervals (target 75-85%), and a
 * table per method (times chosen, median held-back MASE, median backtest
 * MASE), for demand (`required`) and for absence. Exit 1 when a target on
 * demand is missed. The same arguments always print the same numbers.
 */
#include "core/mu_forecast.h"
#include "core/mu_holidays.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double rng_unit(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

static double rng_uniform(uint64_t *s, double lo, double hi)
{
	return lo + (hi - lo) * rng_unit(s);
}

static double rng_normal(uint64_t *s)
{
	double u = rng_unit(s), v = rng_unit(s);
	if (u < 1e-300)
		u = 1e-300;
	return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

static double rng_poisson(uint64_t *s, double lambda)
{
	double l = exp(-lambda), p = 1;
	int k = 0;
	do {
		k++;
		p *= rng_unit(s);
	} while (p > l);
	return k - 1;
}

#define HISTORY_DAYS 730
#define PARTNER_SERIES 15 /* 3 roles x 5 starts */

struct truth {
	double base, weekday[7], trend, winter, holiday, cv;
};

static double truth_at(const struct truth *tr, long day, long day0)
{
	int w = mu_holiday_weekday(day);
	double years = (double)(day - day0) / 365.25;
	/* Day of year from 2020-01-01 (near enough: 365.25). */
	double doy = fmod((double)(day - 18262), 365.25);
	double winter = 1 + tr->winter * (0.5 + 0.5 * cos(6.283185307179586 * (doy - 15) / 365.25));
	double level = tr->base * (1 + tr->trend * years) * winter;
	if (mu_holiday_is(day))
		return level * tr->weekday[6] * tr->holiday;
	return level * tr->weekday[w];
}

struct result {
	enum mu_fc_method method;
	double mase_hold, mase_backtest;
	double mase_method[MU_FC_N_METHODS];
	size_t covered, counted;
	bool is_short;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (isfinite(v[i]))
			v[k++] = v[i];
	if (k == 0)
		return NAN;
	qsort(v, k, sizeof(*v), cmp_double);
	return k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
}

/* Forecasts series s (its first HISTORY_DAYS days; held-back the rest). */
static void evaluate(const double *value, long first_day, size_t hold, bool is_count,
                     struct result *r)
{
	struct mu_series s = {first_day, HISTORY_DAYS, value, is_count};
	long *targets = calloc(hold, sizeof(*targets));
	double *y = calloc(hold, sizeof(*y)), *g = calloc(hold, sizeof(*g));
	double *f = calloc(hold, sizeof(*f));
	for (size_t j = 0; j < hold; j++) {
		targets[j] = first_day + HISTORY_DAYS + (long)j;
		y[j] = value[HISTORY_DAYS + j];
		g[j] = mu_forecast_naive(&s, HISTORY_DAYS, targets[j]);
	}
	struct mu_forecast fc;
	if (mu_forecast_run(&s, targets, hold, &fc, NULL) != MU_OK) {
		fprintf(stderr, "bench_forecast: mu_forecast_run failed\n");
		exit(2);
	}
	r->method = fc.method;
	r->mase_backtest = fc.mase;
	r->is_short = fc.flags & MU_FC_NO_BACKTEST;
	r->covered = r->counted = 0;
	for (size_t j = 0; j < hold; j++) {
		f[j] = fc.point[j].point;
		if (!isfinite(y[j]))
			continue;
		r->counted++;
		r->covered += y[j] >= fc.point[j].p10 && y[j] <= fc.point[j].p90;
	}
	r->mase_hold = mu_forecast_mase(y, f, g, hold);
	for (int m = 0; m < MU_FC_N_METHODS; m++) {
		for (size_t j = 0; j < hold; j++)
			f[j] =
			    mu_forecast_method(&s, (enum mu_fc_method)m, HISTORY_DAYS, targets[j]);
		r->mase_method[m] = mu_forecast_mase(y, f, g, hold);
	}
	mu_forecast_release(&fc);
	free(targets);
	free(y);
	free(g);
	free(f);
}

static bool report(const char *what, const struct result *res, size_t n, bool is_target)
{
	double *v = malloc(n * sizeof(*v));
	size_t covered = 0, counted = 0;
	for (size_t i = 0; i < n; i++) {
		v[i] = res[i].mase_hold;
		covered += res[i].covered;
		counted += res[i].counted;
	}
	double med = median(v, n);
	double coverage = counted ? 100.0 * (double)covered / (double)counted : NAN;
	printf("\n### %s: %zu series\n\n", what, n);
	printf("| measure | value | target |\n|---|---:|---|\n");
	printf("| median MASE of the chosen method, held-back days | %.3f | %s |\n", med,
	       is_target ? "<= 0.85" : "-");
	printf("| 80%% interval coverage of held-back days | %.1f%% | %s |\n", coverage,
	       is_target ? "75-85%" : "-");
	printf("\n| method | chosen | median MASE held back (all series) | median backtest MASE "
	       "(where chosen) |\n|---|---:|---:|---:|\n");
	for (int m = 0; m < MU_FC_N_METHODS; m++) {
		size_t chosen = 0, k = 0;
		for (size_t i = 0; i < n; i++) {
			v[i] = res[i].mase_method[m];
			chosen += res[i].method == (enum mu_fc_method)m;
		}
		double held = median(v, n);
		for (size_t i = 0; i < n; i++)
			if (res[i].method == (enum mu_fc_method)m)
				v[k++] = res[i].mase_backtest;
		double back = median(v, k);
		printf("| %s | %zu | %.3f | ", mu_fc_method_name((enum mu_fc_method)m), chosen,
		       held);
		if (isfinite(back))
			printf("%.3f |\n", back);
		else
			printf("- |\n");
	}
	free(v);
	return !is_target || (med <= 0.85 && coverage >= 75 && coverage <= 85);
}

int main(int argc, char **argv)
{
	size_t n_series = 120, hold = 28;
	uint64_t seed = 26;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--series") && i + 1 < argc)
			n_series = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--hold") && i + 1 < argc)
			hold = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else {
			fprintf(stderr,
			        "usage: bench_forecast [--series N] [--hold DAYS] [--seed S]\n");
			return 2;
		}
	}
	if (n_series == 0 || hold == 0 || hold > MU_FC_MAX_HORIZON) {
		fprintf(stderr, "bench_forecast: need N >= 1 and 1 <= DAYS <= %d\n",
		        MU_FC_MAX_HORIZON);
		return 2;
	}
	size_t n_days = HISTORY_DAYS + hold;
	size_t n_partners = (n_series + PARTNER_SERIES - 1) / PARTNER_SERIES;
	double *demand = malloc(n_series * n_days * sizeof(*demand));
	double *absent = malloc(n_series * n_days * sizeof(*absent));
	long *first = malloc(n_series * sizeof(*first));
	double *shock = malloc(n_days * sizeof(*shock));
	uint64_t rng = seed;
	for (size_t p = 0; p < n_partners; p++) {
		/* Each partner's history ends on its own day of 2024-2025. */
		long end = mu_holiday_day_of(2024, 1, 1) + (long)(rng_unit(&rng) * 700);
		long first_day = end - (long)n_days + 1;
		for (size_t t = 0; t < n_days; t++)
			shock[t] = rng_normal(&rng);
		for (size_t q = 0; q < PARTNER_SERIES && p * PARTNER_SERIES + q < n_series; q++) {
			size_t i = p * PARTNER_SERIES + q;
			struct truth tr;
			tr.base = exp(rng_uniform(&rng, log(3.0), log(30.0)));
			for (int w = 0; w < 5; w++)
				tr.weekday[w] = rng_uniform(&rng, 0.94, 1.06);
			tr.weekday[5] = rng_uniform(&rng, 0.75, 0.85);
			tr.weekday[6] = rng_uniform(&rng, 0.65, 0.75);
			tr.trend = rng_uniform(&rng, -0.08, 0.12);
			tr.winter = rng_uniform(&rng, 0.10, 0.20);
			tr.holiday = rng_uniform(&rng, 0.95, 1.05);
			tr.cv = rng_uniform(&rng, 0.10, 0.20);
			first[i] = first_day;
			for (size_t t = 0; t < n_days; t++) {
				long day = first_day + (long)t;
				double mu = truth_at(&tr, day, first_day);
				double e =
				    tr.cv * (sqrt(0.5) * shock[t] + sqrt(0.5) * rng_normal(&rng));
				double v = mu * (1 + e);
				v = v < 0 ? 0 : round(v * 10) / 10;
				double doy = fmod((double)(day - 18262), 365.25);
				double lambda = 0.06 * mu *
				                (1 + 0.3 * (0.5 + 0.5 * cos(6.283185307179586 *
				                                            (doy - 15) / 365.25)));
				double a = rng_poisson(&rng, lambda);
				bool is_missing = t < HISTORY_DAYS && rng_unit(&rng) < 0.01;
				demand[i * n_days + t] = is_missing ? NAN : v;
				absent[i * n_days + t] = is_missing ? NAN : a;
			}
		}
	}
	free(shock);
	struct result *rd = calloc(n_series, sizeof(*rd));
	struct result *ra = calloc(n_series, sizeof(*ra));
	for (size_t i = 0; i < n_series; i++) {
		evaluate(demand + i * n_days, first[i], hold, false, &rd[i]);
		evaluate(absent + i * n_days, first[i], hold, true, &ra[i]);
	}
	printf("## bench_forecast: %zu series of %d days, %zu held back, seed %llu\n", n_series,
	       HISTORY_DAYS, hold, (unsigned long long)seed);
	bool ok = report("Demand (required)", rd, n_series, true);
	report("Absence (absent, counts)", ra, n_series, false);
	printf("\n%s\n", ok ? "targets met" : "TARGETS MISSED");
	free(rd);
	free(ra);
	free(demand);
	free(absent);
	free(first);
	return ok ? 0 : 1;
}
