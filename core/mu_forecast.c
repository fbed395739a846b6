/*
 * mu_forecast.c - the forecast's arithmetic (mu_forecast.h says what it
 * computes and why; docs/forecast.md has the benchmark).
 *
 * Every method is fitted at an origin o (the last day it may see) into one
 * shape, struct fit: a base per weekday and a trend per day, damped by phi,
 * and a holiday ratio per weekday; its forecast of day o + k is
 * base[weekday] + trend * (phi + ... + phi^k), times the ratio on a
 * holiday. The backtest fits each method at each of its origins (at most
 * 56 + 56), so a series costs a few hundred fits of at most 84 days, two
 * Holt-Winters grids over the history and the coverage's quantiles: for
 * two years, 1.5 ms at a week's horizon and 4.4 ms at four weeks (-O2,
 * 2026-12-07).
 */
#include "mu_forecast.h"

#include "mu_alloc.h"
#include "mu_holidays.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PROFILE_WEEKS 6
#define TREND_WEEKS 12
#define SUNDAY_WEEKS 8
#define MIN_HOLIDAYS 3
#define POOL_SPAN 3 /* horizons k-3 .. k+3 share their errors */

static const char *const method_names[MU_FC_N_METHODS] = {
    [MU_FC_SNAIVE] = "seasonal_naive",
    [MU_FC_PROFILE] = "weekday_profile",
    [MU_FC_TREND] = "profile_trend",
    [MU_FC_HOLT_WINTERS] = "holt_winters",
};

const char *mu_fc_method_name(enum mu_fc_method m)
{
	return (unsigned)m < MU_FC_N_METHODS ? method_names[m] : "?";
}

/* The series as the fits see it: values, weekdays, holidays, and each past
 * holiday's value against its baseline as prefix sums by index. */
struct hist {
	const double *y;
	size_t n;
	long first_day;
	unsigned char *wd;
	bool *hol;
	double *hol_y;    /* hol_y[t]: sum of measurable holidays' values < t */
	double *hol_base; /* and of their baselines */
	size_t *hol_n;    /* and their number */
	bool is_unknown;  /* a day outside the holiday table */
};

struct hw_params {
	double alpha, beta, phi, gamma;
};

struct fit {
	double base[7];
	double trend, phi;
	double hol[7];
	bool is_hol_sunday;
	bool is_ok;
};

static bool usable(const struct hist *h, size_t t)
{
	return isfinite(h->y[t]) && !h->hol[t];
}

static void hist_init(struct hist *h, const struct mu_series *s)
{
	h->y = s->value;
	h->n = s->n_days;
	h->first_day = s->first_day;
	h->is_unknown = false;
	h->wd = mu_malloc(h->n + 1);
	h->hol = mu_calloc(h->n + 1, sizeof(*h->hol));
	h->hol_y = mu_calloc(h->n + 1, sizeof(*h->hol_y));
	h->hol_base = mu_calloc(h->n + 1, sizeof(*h->hol_base));
	h->hol_n = mu_calloc(h->n + 1, sizeof(*h->hol_n));
	for (size_t t = 0; t < h->n; t++) {
		long day = s->first_day + (long)t;
		h->wd[t] = (unsigned char)mu_holiday_weekday(day);
		h->hol[t] = mu_holiday_is(day);
		if (!mu_holiday_known(day))
			h->is_unknown = true;
	}
	/* A holiday counts from 14 days after it, when its baseline (the same
	 * weekday 7 and 14 days either side) is all in the past. */
	for (size_t t = 0; t < h->n; t++) {
		h->hol_y[t + 1] = h->hol_y[t];
		h->hol_base[t + 1] = h->hol_base[t];
		h->hol_n[t + 1] = h->hol_n[t];
		if (t < 14)
			continue;
		size_t d = t - 14;
		if (!h->hol[d] || !isfinite(h->y[d]))
			continue;
		double sum = 0;
		int n = 0;
		for (int j = -2; j <= 2; j++) {
			if (j == 0)
				continue;
			long u = (long)d + 7L * j;
			if (u >= 0 && usable(h, (size_t)u)) {
				sum += h->y[u];
				n++;
			}
		}
		if (n == 0)
			continue;
		h->hol_y[t + 1] += h->y[d];
		h->hol_base[t + 1] += sum / n;
		h->hol_n[t + 1]++;
	}
}

static void hist_release(struct hist *h)
{
	free(h->wd);
	free(h->hol);
	free(h->hol_y);
	free(h->hol_base);
	free(h->hol_n);
}

static double mean_all(const struct hist *h, size_t o)
{
	double sum = 0;
	size_t n = 0;
	for (size_t t = 0; t <= o; t++)
		if (isfinite(h->y[t])) {
			sum += h->y[t];
			n++;
		}
	return n ? sum / (double)n : NAN;
}

/* Each weekday's mean of usable days in (o - 7 weeks, o]; NAN for none. */
static void weekday_means(const struct hist *h, size_t o, size_t weeks, double mean[7])
{
	double sum[7] = {0};
	size_t n[7] = {0};
	size_t from = o + 1 > weeks * 7 ? o + 1 - weeks * 7 : 0;
	for (size_t t = from; t <= o; t++)
		if (usable(h, t)) {
			sum[h->wd[t]] += h->y[t];
			n[h->wd[t]]++;
		}
	for (int w = 0; w < 7; w++)
		mean[w] = n[w] ? sum[w] / (double)n[w] : NAN;
}

/* Fills a weekday with no value from the others' mean, or the history's. */
static bool fill_bases(const struct hist *h, size_t o, double base[7])
{
	double sum = 0;
	int n = 0;
	for (int w = 0; w < 7; w++)
		if (isfinite(base[w])) {
			sum += base[w];
			n++;
		}
	double fill = n ? sum / n : mean_all(h, o);
	for (int w = 0; w < 7; w++)
		if (!isfinite(base[w]))
			base[w] = fill;
	return isfinite(fill);
}

/* The holiday ratios at origin o (see mu_forecast.h). */
static void holiday_ratios(const struct hist *h, size_t o, struct fit *f)
{
	size_t n = h->hol_n[o + 1];
	double base = h->hol_base[o + 1];
	f->is_hol_sunday = false;
	if (n >= MIN_HOLIDAYS && base > 0) {
		for (int w = 0; w < 7; w++)
			f->hol[w] = h->hol_y[o + 1] / base;
		return;
	}
	f->is_hol_sunday = true;
	double mean[7];
	weekday_means(h, o, SUNDAY_WEEKS, mean);
	for (int w = 0; w < 7; w++)
		f->hol[w] =
		    isfinite(mean[6]) && isfinite(mean[w]) && mean[w] > 0 ? mean[6] / mean[w] : 1.0;
}

/* The seasonal naive: each weekday's last value at or before o. As a
 * method it skips holidays and forecasts one by the holiday ratio; as the
 * MASE's scale (is_plain) it takes the days as they fell. */
static void fit_snaive(const struct hist *h, size_t o, bool is_plain, struct fit *f)
{
	for (int w = 0; w < 7; w++)
		f->base[w] = NAN;
	int found = 0;
	for (size_t t = o + 1; t-- > 0 && found < 7;)
		if ((is_plain ? isfinite(h->y[t]) : usable(h, t)) && !isfinite(f->base[h->wd[t]])) {
			f->base[h->wd[t]] = h->y[t];
			found++;
		}
	f->is_ok = fill_bases(h, o, f->base);
	if (!is_plain)
		holiday_ratios(h, o, f);
}

static void fit_profile(const struct hist *h, size_t o, struct fit *f)
{
	weekday_means(h, o, PROFILE_WEEKS, f->base);
	for (int w = 0; w < 7; w++)
		if (!isfinite(f->base[w])) {
			/* A weekday missing lately: its mean over the whole past. */
			double mean[7];
			weekday_means(h, o, o / 7 + 1, mean);
			f->base[w] = mean[w];
		}
	f->is_ok = fill_bases(h, o, f->base);
	holiday_ratios(h, o, f);
}

/* y = c[weekday] + b (t - o) by least squares over usable days of the last
 * TREND_WEEKS weeks: b from the deviations within each weekday. */
static void fit_trend(const struct hist *h, size_t o, struct fit *f)
{
	size_t from = o + 1 > TREND_WEEKS * 7 ? o + 1 - TREND_WEEKS * 7 : 0;
	double st[7] = {0}, sy[7] = {0};
	size_t n[7] = {0}, total = 0;
	for (size_t t = from; t <= o; t++)
		if (usable(h, t)) {
			double x = (double)t - (double)o;
			st[h->wd[t]] += x;
			sy[h->wd[t]] += h->y[t];
			n[h->wd[t]]++;
			total++;
		}
	double sxy = 0, sxx = 0;
	for (size_t t = from; t <= o; t++)
		if (usable(h, t)) {
			int w = h->wd[t];
			double dx = (double)t - (double)o - st[w] / (double)n[w];
			sxy += dx * (h->y[t] - sy[w] / (double)n[w]);
			sxx += dx * dx;
		}
	double b = total >= 14 && sxx > 0 ? sxy / sxx : 0.0;
	for (int w = 0; w < 7; w++)
		f->base[w] = n[w] ? (sy[w] - b * st[w]) / (double)n[w] : NAN;
	f->trend = b;
	f->is_ok = fill_bases(h, o, f->base);
	holiday_ratios(h, o, f);
}

/* Holt-Winters' state after day t. */
struct hw_state {
	double level, trend, season[7];
};

/* Runs params over days 0 .. last, writing the state after each day into
 * states[t] when states is not NULL; returns the one-step squared error's
 * sum from two weeks after the first usable day, whose two weeks (up to
 * last) set the start. Before that day the level is NAN: no forecast. */
static double hw_run(const struct hist *h, size_t last, const struct hw_params *p,
                     struct hw_state *states)
{
	struct hw_state st = {.level = NAN};
	size_t first = 0;
	while (first <= last && !usable(h, first))
		first++;
	for (size_t t = 0; t < first && states; t++)
		states[t] = st;
	if (first > last)
		return 0;
	double sum = 0, s7[7] = {0};
	size_t n = 0, n7[7] = {0};
	for (size_t t = first; t < first + 14 && t <= last; t++)
		if (usable(h, t)) {
			sum += h->y[t];
			n++;
			s7[h->wd[t]] += h->y[t];
			n7[h->wd[t]]++;
		}
	st.level = sum / (double)n;
	for (int w = 0; w < 7; w++)
		st.season[w] = n7[w] ? s7[w] / (double)n7[w] - st.level : 0.0;
	double sse = 0;
	for (size_t t = first; t <= last; t++) {
		int w = h->wd[t];
		double lt = st.level + p->phi * st.trend;
		if (!usable(h, t)) {
			st.level = lt;
			st.trend *= p->phi;
		} else {
			double e = h->y[t] - (lt + st.season[w]);
			if (t >= first + 14)
				sse += e * e;
			double level = p->alpha * (h->y[t] - st.season[w]) + (1 - p->alpha) * lt;
			st.trend = p->beta * (level - st.level) + (1 - p->beta) * p->phi * st.trend;
			st.season[w] = p->gamma * (h->y[t] - level) + (1 - p->gamma) * st.season[w];
			st.level = level;
		}
		if (states)
			states[t] = st;
	}
	return sse;
}

static const double hw_alphas[] = {0.05, 0.1, 0.2, 0.35, 0.5};
static const double hw_gammas[] = {0.02, 0.05, 0.1, 0.2};
static const double hw_trends[][2] = {{0.0, 1.0}, {0.03, 0.9}, {0.1, 0.9}}; /* beta, phi */

static struct hw_params hw_choose(const struct hist *h, size_t last)
{
	struct hw_params best = {0.1, 0.0, 1.0, 0.05};
	double best_sse = INFINITY;
	for (size_t a = 0; a < sizeof(hw_alphas) / sizeof(hw_alphas[0]); a++)
		for (size_t g = 0; g < sizeof(hw_gammas) / sizeof(hw_gammas[0]); g++)
			for (size_t b = 0; b < sizeof(hw_trends) / sizeof(hw_trends[0]); b++) {
				struct hw_params p = {hw_alphas[a], hw_trends[b][0],
				                      hw_trends[b][1], hw_gammas[g]};
				double sse = hw_run(h, last, &p, NULL);
				if (sse < best_sse) {
					best_sse = sse;
					best = p;
				}
			}
	return best;
}

static void fit_hw_state(const struct hist *h, size_t o, const struct hw_state *st, double phi,
                         struct fit *f)
{
	for (int w = 0; w < 7; w++)
		f->base[w] = st->level + st->season[w];
	f->trend = st->trend;
	f->phi = phi;
	f->is_ok = isfinite(st->level);
	holiday_ratios(h, o, f);
}

static void fit_init(struct fit *f)
{
	memset(f, 0, sizeof(*f));
	f->phi = 1.0;
	for (int w = 0; w < 7; w++)
		f->hol[w] = 1.0;
}

/* The plain seasonal naive, the MASE's scale, as a method number after
 * the methods. */
#define PLAIN_NAIVE MU_FC_N_METHODS

/* Fits every method but Holt-Winters at o; Holt-Winters from its state;
 * m may be PLAIN_NAIVE. */
static void fit_method(const struct hist *h, int m, size_t o, const struct hw_state *hw,
                       double hw_phi, struct fit *f)
{
	fit_init(f);
	switch (m) {
	case MU_FC_SNAIVE:
		fit_snaive(h, o, false, f);
		break;
	case PLAIN_NAIVE:
		fit_snaive(h, o, true, f);
		break;
	case MU_FC_PROFILE:
		fit_profile(h, o, f);
		break;
	case MU_FC_TREND:
		fit_trend(h, o, f);
		break;
	case MU_FC_HOLT_WINTERS:
		fit_hw_state(h, o, hw, hw_phi, f);
		break;
	default:
		assert(!"no such method");
		break;
	}
}

/* The forecast of day origin_day + k. */
static double fit_forecast(const struct fit *f, long origin_day, size_t k)
{
	if (!f->is_ok)
		return NAN;
	long day = origin_day + (long)k;
	int w = mu_holiday_weekday(day);
	double steps =
	    f->phi == 1.0 ? (double)k : f->phi * (1 - pow(f->phi, (double)k)) / (1 - f->phi);
	double v = f->base[w] + f->trend * steps;
	if (mu_holiday_is(day))
		v *= f->hol[w];
	return v;
}

double mu_forecast_method(const struct mu_series *s, enum mu_fc_method m, size_t n_fit, long day)
{
	assert(n_fit <= s->n_days);
	if (n_fit == 0 || day < s->first_day + (long)n_fit)
		return NAN;
	struct hist h;
	struct mu_series head = *s;
	head.n_days = n_fit;
	hist_init(&h, &head);
	size_t o = n_fit - 1;
	struct hw_state st = {0};
	struct hw_params p = {0.1, 0.0, 1.0, 0.05};
	if (m == MU_FC_HOLT_WINTERS) {
		p = hw_choose(&h, o);
		struct hw_state *states = mu_malloc(n_fit * sizeof(*states));
		hw_run(&h, o, &p, states);
		st = states[o];
		free(states);
	}
	struct fit f;
	fit_method(&h, m, o, &st, p.phi, &f);
	double v = fit_forecast(&f, s->first_day + (long)o, (size_t)(day - s->first_day - (long)o));
	hist_release(&h);
	return v;
}

double mu_forecast_naive(const struct mu_series *s, size_t n_fit, long day)
{
	assert(n_fit <= s->n_days);
	if (n_fit == 0 || day < s->first_day + (long)n_fit)
		return NAN;
	struct hist h;
	struct mu_series head = *s;
	head.n_days = n_fit;
	hist_init(&h, &head);
	struct fit f;
	fit_method(&h, PLAIN_NAIVE, n_fit - 1, NULL, 1.0, &f);
	double v = fit_forecast(&f, s->first_day + (long)n_fit - 1,
	                        (size_t)(day - s->first_day - (long)n_fit + 1));
	hist_release(&h);
	return v;
}

double mu_forecast_mase(const double *y, const double *f, const double *g, size_t n)
{
	double num = 0, den = 0;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (isfinite(y[i]) && isfinite(f[i]) && isfinite(g[i])) {
			num += fabs(y[i] - f[i]);
			den += fabs(y[i] - g[i]);
			k++;
		}
	return k && den > 0 ? num / den : NAN;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-quantile of sorted v[0 .. n-1], n > 0: linear between order
 * statistics (R's type 7), or for counts the order statistic itself (type
 * 1), a whole number. */
static double quantile(const double *v, size_t n, double q, bool is_count)
{
	if (is_count) {
		double k = ceil(q * (double)n);
		return v[k < 1 ? 0 : (size_t)k - 1];
	}
	double pos = q * (double)(n - 1);
	size_t i = (size_t)pos;
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (pos - (double)i) * (v[i + 1] - v[i]);
}

static double scale_of(double f)
{
	return f > 1.0 ? f : 1.0;
}

static double clamp_value(double v, bool is_count)
{
	if (v < 0)
		v = 0;
	return is_count ? floor(v + 0.5) : v;
}

/* A target's mean and quantiles from point f and errors z (n > 0) that
 * come from n_days distinct days. The p10 and p90 are widened as split
 * conformal prediction widens them for n_days exchangeable errors (the
 * ceil((n+1) 0.9)-th of n): the empirical quantiles of a few weeks alone
 * cover less than they say. */
static void point_from_errors(struct mu_fc_point *pt, double f, double *z, size_t n, size_t n_days,
                              bool is_count)
{
	double s = scale_of(f);
	double *v = mu_malloc(n * sizeof(*v));
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		double x = f + z[i] * s;
		/* The mean keeps the fractions a count's rounding would lose. */
		sum += x > 0 ? x : 0;
		v[i] = clamp_value(x, is_count);
	}
	qsort(v, n, sizeof(*v), cmp_double);
	pt->mean = sum / (double)n;
	double hi = n_days ? 0.9 * (double)(n_days + 1) / (double)n_days : 0.9;
	if (hi > 1)
		hi = 1;
	pt->p10 = quantile(v, n, 1 - hi, is_count);
	pt->p50 = quantile(v, n, 0.5, is_count);
	pt->p90 = quantile(v, n, hi, is_count);
	free(v);
}

/* The z of horizons k - POOL_SPAN .. k + POOL_SPAN over days [u0, u1) into
 * pool; returns their number, and the number of days they come from in
 * *n_days. */
static size_t pool_errors(const struct mu_forecast *fc, size_t k, size_t u0, size_t u1,
                          double *pool, size_t *n_days)
{
	size_t lo = k > POOL_SPAN ? k - POOL_SPAN : 1;
	size_t hi = k + POOL_SPAN < fc->max_h ? k + POOL_SPAN : fc->max_h;
	size_t n = 0;
	*n_days = 0;
	for (size_t u = u0; u < u1; u++) {
		size_t before = n;
		for (size_t j = lo; j <= hi; j++) {
			double z = fc->err[u * fc->max_h + j - 1];
			if (isfinite(z))
				pool[n++] = z;
		}
		*n_days += n > before;
	}
	return n;
}

static void set_nan_points(struct mu_forecast *fc)
{
	for (size_t j = 0; j < fc->n_targets; j++) {
		struct mu_fc_point *pt = &fc->point[j];
		pt->mean = pt->p10 = pt->p50 = pt->p90 = pt->point = NAN;
	}
}

/* No backtest: the weekday profile at the end, intervals from its
 * in-sample residuals. */
static void forecast_short(const struct hist *h, struct mu_forecast *fc, long last_day)
{
	size_t o = h->n - 1;
	struct fit f;
	fit_method(h, MU_FC_PROFILE, o, NULL, 1.0, &f);
	fc->method = MU_FC_PROFILE;
	fc->flags |= MU_FC_NO_BACKTEST;
	if (f.is_hol_sunday)
		fc->flags |= MU_FC_HOLIDAY_AS_SUNDAY;
	fc->resid = mu_malloc((h->n + 1) * sizeof(*fc->resid));
	size_t from = h->n > PROFILE_WEEKS * 7 ? h->n - PROFILE_WEEKS * 7 : 0;
	for (size_t t = from; t < h->n; t++)
		if (usable(h, t)) {
			double base = f.base[h->wd[t]];
			fc->resid[fc->n_resid++] = (h->y[t] - base) / scale_of(base);
		}
	for (size_t j = 0; j < fc->n_targets; j++) {
		struct mu_fc_point *pt = &fc->point[j];
		pt->point = fit_forecast(&f, last_day, pt->horizon);
		if (fc->n_resid >= 2) {
			point_from_errors(pt, pt->point, fc->resid, fc->n_resid, fc->n_resid,
			                  fc->is_count);
		} else {
			double v = clamp_value(pt->point, fc->is_count);
			pt->mean = isnan(pt->point) ? NAN : pt->point > 0 ? pt->point : 0;
			pt->p10 = pt->p50 = pt->p90 = v;
		}
	}
}

/* The backtest: fills fc's MAEs, method, MASE, err and coverage. */
static void backtest(const struct hist *h, const bool *asked, struct mu_forecast *fc)
{
	size_t n = h->n, H = fc->max_h, D = MU_FC_BACKTEST_DAYS;
	size_t t0 = n - D;  /* first backtest day */
	size_t o0 = t0 - H; /* first origin */
	size_t n_orig = n - 1 - o0;
	/* f[m][(o - o0) * H + k - 1]: method m's forecast from o of o + k,
	 * the plain naive's last. */
	double *f[MU_FC_N_METHODS + 1];
	struct hw_params p = hw_choose(h, o0);
	struct hw_state *states = mu_malloc(n * sizeof(*states));
	hw_run(h, n - 1, &p, states);
	for (int m = 0; m <= PLAIN_NAIVE; m++) {
		f[m] = mu_malloc(n_orig * H * sizeof(*f[m]));
		for (size_t o = o0; o < n - 1; o++) {
			struct fit fit;
			fit_method(h, m, o, &states[o], p.phi, &fit);
			for (size_t k = 1; k <= H; k++)
				f[m][(o - o0) * H + k - 1] =
				    o + k >= t0 && o + k < n
				        ? fit_forecast(&fit, h->first_day + (long)o, k)
				        : NAN;
		}
	}
	free(states);
	double sum[MU_FC_N_METHODS + 1] = {0};
	size_t points = 0;
	for (size_t o = o0; o < n - 1; o++)
		for (size_t k = 1; k <= H && o + k < n; k++) {
			size_t t = o + k;
			if (t < t0 || !asked[k] || !isfinite(h->y[t]))
				continue;
			bool all = true;
			for (int m = 0; m <= PLAIN_NAIVE; m++)
				all = all && isfinite(f[m][(o - o0) * H + k - 1]);
			if (!all)
				continue;
			for (int m = 0; m <= PLAIN_NAIVE; m++)
				sum[m] += fabs(h->y[t] - f[m][(o - o0) * H + k - 1]);
			points++;
		}
	fc->n_backtest = points;
	int best = MU_FC_SNAIVE;
	for (int m = 0; m < MU_FC_N_METHODS; m++) {
		fc->mae[m] = points ? sum[m] / (double)points : NAN;
		if (points && sum[m] < sum[best] - 1e-9 * (1 + sum[best]))
			best = m;
	}
	fc->method = (enum mu_fc_method)best;
	fc->mae_naive = points ? sum[PLAIN_NAIVE] / (double)points : NAN;
	fc->mase = points && sum[PLAIN_NAIVE] > 0 ? sum[best] / sum[PLAIN_NAIVE] : NAN;
	fc->err = mu_malloc(D * H * sizeof(*fc->err));
	for (size_t i = 0; i < D * H; i++)
		fc->err[i] = NAN;
	for (size_t u = 0; u < D; u++)
		for (size_t k = 1; k <= H; k++) {
			size_t t = t0 + u, o = t - k;
			double v = f[best][(o - o0) * H + k - 1];
			if (isfinite(h->y[t]) && isfinite(v))
				fc->err[u * H + k - 1] = (h->y[t] - v) / scale_of(v);
		}
	/* Coverage: the first 4 weeks' quantiles on the last 4 weeks' days. */
	double *pool = mu_malloc(D * H * sizeof(*pool));
	size_t hits = 0, tries = 0;
	for (size_t k = 1; k <= H; k++) {
		if (!asked[k])
			continue;
		size_t n_days;
		size_t np = pool_errors(fc, k, 0, D / 2, pool, &n_days);
		if (np < 5)
			continue;
		for (size_t u = D / 2; u < D; u++) {
			size_t t = t0 + u;
			double v = f[best][(t - k - o0) * H + k - 1];
			if (!isfinite(h->y[t]) || !isfinite(v))
				continue;
			struct mu_fc_point pt;
			point_from_errors(&pt, v, pool, np, n_days, fc->is_count);
			hits += h->y[t] >= pt.p10 - 1e-9 && h->y[t] <= pt.p90 + 1e-9;
			tries++;
		}
	}
	fc->coverage = tries ? (double)hits / (double)tries : NAN;
	free(pool);
	for (int m = 0; m <= PLAIN_NAIVE; m++)
		free(f[m]);
}

enum mu_code mu_forecast_run(const struct mu_series *s, const long *target_day, size_t n_targets,
                             struct mu_forecast *out, struct mu_err *err)
{
	long last_day = s->first_day + (long)s->n_days - 1;
	size_t max_k = 0;
	for (size_t j = 0; j < n_targets; j++) {
		if (target_day[j] <= last_day)
			return mu_err_set(err, MU_E_INPUT,
			                  "target day %ld is not after the history's last day %ld",
			                  target_day[j], last_day);
		size_t k = (size_t)(target_day[j] - last_day);
		if (k > max_k)
			max_k = k;
	}
	struct mu_forecast fc = {
	    .mase = NAN, .coverage = NAN, .holiday_ratio = NAN, .mae_naive = NAN};
	for (int m = 0; m < MU_FC_N_METHODS; m++)
		fc.mae[m] = NAN;
	fc.is_count = s->is_count;
	fc.n_targets = n_targets;
	fc.point = mu_calloc(n_targets ? n_targets : 1, sizeof(*fc.point));
	size_t H = max_k < MU_FC_MAX_HORIZON ? max_k : MU_FC_MAX_HORIZON;
	if (H == 0)
		H = 1;
	for (size_t j = 0; j < n_targets; j++) {
		size_t k = (size_t)(target_day[j] - last_day);
		fc.point[j].day = target_day[j];
		fc.point[j].horizon = k < H ? k : H;
		if (k > H)
			fc.flags |= MU_FC_BEYOND_HORIZON;
		if (!mu_holiday_known(target_day[j]))
			fc.flags |= MU_FC_HOLIDAYS_UNKNOWN;
	}
	size_t n_values = 0;
	for (size_t t = 0; t < s->n_days; t++)
		n_values += isfinite(s->value[t]);
	if (n_values == 0) {
		fc.flags |= MU_FC_EMPTY | MU_FC_NO_BACKTEST;
		fc.method = MU_FC_SNAIVE;
		set_nan_points(&fc);
		*out = fc;
		return MU_OK;
	}
	struct hist h;
	hist_init(&h, s);
	if (h.is_unknown)
		fc.flags |= MU_FC_HOLIDAYS_UNKNOWN;
	if (s->n_days < MU_FC_BACKTEST_DAYS + H + MU_FC_MIN_FIT_DAYS) {
		forecast_short(&h, &fc, last_day);
		hist_release(&h);
		*out = fc;
		return MU_OK;
	}
	bool *asked = mu_calloc(H + 1, sizeof(*asked));
	for (size_t j = 0; j < n_targets; j++)
		asked[fc.point[j].horizon] = true;
	if (n_targets == 0)
		asked[1] = true;
	fc.max_h = H;
	backtest(&h, asked, &fc);
	free(asked);
	/* The chosen method on the whole history. */
	size_t o = s->n_days - 1;
	struct hw_state st = {0};
	double phi = 1.0;
	if (fc.method == MU_FC_HOLT_WINTERS) {
		struct hw_params p = hw_choose(&h, o);
		struct hw_state *states = mu_malloc(s->n_days * sizeof(*states));
		hw_run(&h, o, &p, states);
		st = states[o];
		phi = p.phi;
		free(states);
	}
	struct fit f;
	fit_method(&h, fc.method, o, &st, phi, &f);
	if (f.is_hol_sunday)
		fc.flags |= MU_FC_HOLIDAY_AS_SUNDAY;
	else
		fc.holiday_ratio = f.hol[0];
	double *pool = mu_malloc(MU_FC_BACKTEST_DAYS * H * sizeof(*pool));
	for (size_t j = 0; j < n_targets; j++) {
		struct mu_fc_point *pt = &fc.point[j];
		pt->point = fit_forecast(&f, last_day, (size_t)(pt->day - last_day));
		size_t n_days;
		size_t np = pool_errors(&fc, pt->horizon, 0, MU_FC_BACKTEST_DAYS, pool, &n_days);
		if (np > 0 && isfinite(pt->point)) {
			point_from_errors(pt, pt->point, pool, np, n_days, fc.is_count);
		} else {
			double v = clamp_value(pt->point, fc.is_count);
			pt->mean = isnan(pt->point) ? NAN : pt->point > 0 ? pt->point : 0;
			pt->p10 = pt->p50 = pt->p90 = v;
		}
	}
	free(pool);
	hist_release(&h);
	*out = fc;
	return MU_OK;
}

void mu_forecast_release(struct mu_forecast *fc)
{
	if (!fc)
		return;
	free(fc->point);
	free(fc->err);
	free(fc->resid);
	memset(fc, 0, sizeof(*fc));
}

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A stream fixed by its keys alone. */
static uint64_t stream_of(uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t st = seed;
	uint64_t x = splitmix64(&st);
	st = x ^ a;
	x = splitmix64(&st);
	st = x ^ b;
	x = splitmix64(&st);
	st = x ^ c;
	return splitmix64(&st);
}

/* Uniform in [0, 1) from 53 bits. */
static double unit_of(uint64_t x)
{
	return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}

#define DRAW_TRIES 64

void mu_forecast_draw(const struct mu_forecast *const *fc, size_t n_series, size_t n_scenarios,
                      uint64_t seed, double *const *out)
{
	for (size_t i = 0; i < n_series; i++) {
		const struct mu_forecast *x = fc[i];
		for (size_t sc = 0; sc < n_scenarios; sc++)
			for (size_t j = 0; j < x->n_targets; j++) {
				const struct mu_fc_point *pt = &x->point[j];
				double *v = &out[i][sc * x->n_targets + j];
				if (!isfinite(pt->point)) {
					*v = NAN;
					continue;
				}
				uint64_t day_stream = stream_of(seed, sc, (uint64_t)pt->day, 0);
				double z = 0;
				for (int tries = 0; tries < DRAW_TRIES; tries++) {
					uint64_t r = splitmix64(&day_stream);
					double e = NAN;
					if (x->max_h > 0)
						e = x->err[(r % MU_FC_BACKTEST_DAYS) * x->max_h +
						           pt->horizon - 1];
					else if (x->n_resid > 0)
						e = x->resid[r % x->n_resid];
					if (isfinite(e)) {
						z = e;
						break;
					}
				}
				double y = pt->point + z * scale_of(pt->point);
				if (y < 0)
					y = 0;
				if (x->is_count) {
					uint64_t round_stream =
					    stream_of(seed, sc, (uint64_t)pt->day, i + 1);
					double u = unit_of(splitmix64(&round_stream));
					y = floor(y) + (u < y - floor(y));
				}
				*v = y;
			}
	}
}
