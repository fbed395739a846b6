/*
 * mu_forecast_table.c - the forecast's typed result (DESIGN.md §3e): its
 * names tables, and growing and freeing its arrays.
 */
#include "core/mu_forecast_table.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const mu_fc_table_method_names[MU_FCT_N_METHODS] = {
    [MU_FCT_SEASONAL_NAIVE] = "seasonal_naive", [MU_FCT_WEEKDAY_PROFILE] = "weekday_profile",
    [MU_FCT_PROFILE_TREND] = "profile_trend",   [MU_FCT_HOLT_WINTERS] = "holt_winters",
    [MU_FCT_NO_HISTORY] = "no_history",
};

const char *const mu_fc_quantity_names[MU_FCQ_COUNT] = {
    [MU_FCQ_REQUIRED] = "required",
    [MU_FCQ_ABSENT] = "absent",
};

void mu_forecast_table_init(struct mu_fc_table *t)
{
	memset(t, 0, sizeof(*t));
	t->quantile = 0.5;
}

static void series_release(struct mu_fc_series *s)
{
	free(s->past_day);
	free(s->past_value);
	free(s->ahead_day);
	free(s->ahead_mean);
	free(s->ahead_p10);
	free(s->ahead_p90);
}

void mu_forecast_table_release(struct mu_fc_table *t)
{
	size_t i;
	if (!t)
		return;
	for (i = 0; i < t->n_series; i++)
		series_release(&t->series[i]);
	free(t->series);
	free(t->rows);
	free(t->draws);
	free(t->check_draws);
	free(t->history_file);
	mu_forecast_table_init(t);
}

/* n values, each NAN (an array of 0 is NULL). */
static double *nans(size_t n)
{
	double *v = n ? mu_malloc(n * sizeof(double)) : NULL;
	size_t i;
	for (i = 0; i < n; i++)
		v[i] = NAN;
	return v;
}

struct mu_fc_series *mu_forecast_table_add_series(struct mu_fc_table *t, size_t n_past,
                                                  size_t n_ahead)
{
	struct mu_fc_series *s;
	t->series = mu_grow_one(t->series, t->n_series, sizeof(*t->series));
	s = &t->series[t->n_series++];
	memset(s, 0, sizeof(*s));
	s->mase = NAN;
	s->coverage80 = NAN;
	s->n_past = n_past;
	s->past_day = n_past ? mu_calloc(n_past, sizeof(long)) : NULL;
	s->past_value = nans(n_past);
	s->n_ahead = n_ahead;
	s->ahead_day = n_ahead ? mu_calloc(n_ahead, sizeof(long)) : NULL;
	s->ahead_mean = nans(n_ahead);
	s->ahead_p10 = nans(n_ahead);
	s->ahead_p90 = nans(n_ahead);
	return s;
}

struct mu_fc_row *mu_forecast_table_add_row(struct mu_fc_table *t)
{
	struct mu_fc_row *r;
	t->rows = mu_grow_one(t->rows, t->n_rows, sizeof(*t->rows));
	r = &t->rows[t->n_rows++];
	memset(r, 0, sizeof(*r));
	return r;
}

void mu_forecast_table_alloc_draws(struct mu_fc_table *t, size_t n_draws)
{
	free(t->draws);
	free(t->check_draws);
	t->n_draws = n_draws;
	t->draws = nans(n_draws * t->n_rows);
	t->check_draws = nans(n_draws * t->n_rows);
}
