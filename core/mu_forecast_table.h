/*
 * mu_forecast_table.h - what `muster forecast` (DESIGN.md §3e) found, as
 * plain typed data for io/'s writers: a row per demand row (its required)
 * and per staff row (its absent) with the chosen method's forecast and
 * backtest, the series behind them (a partner, role and shift start's
 * history, charted with its forecast), and the joint draws. A workflow
 * fills it from core/mu_forecast's output; io/ turns it into forecast.csv,
 * demand.csv, scenarios.csv, check-scenarios.csv and report.html. Nothing
 * here computes a forecast. The table owns every array and string in it.
 */
#ifndef MU_FORECAST_TABLE_H
#define MU_FORECAST_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How a series was forecast (forecast.csv's `method`): the method the
 * backtest chose, or the fallback with too little history to backtest
 * (then mase and coverage80 are NAN), or no history at all: then the
 * forecast is demand.csv's own value (absent: 0) and there is no spread. */
enum mu_fc_table_method {
	MU_FCT_SEASONAL_NAIVE,  /* the same weekday last week */
	MU_FCT_WEEKDAY_PROFILE, /* each weekday's mean over the last weeks */
	MU_FCT_PROFILE_TREND,   /* a weekday profile with a trend */
	MU_FCT_HOLT_WINTERS,    /* exponential smoothing with weekday seasonality */
	MU_FCT_NO_HISTORY,      /* no row of history: the scenario's own value */
	MU_FCT_N_METHODS
};

/* The outputs' words: core/mu_forecast's method names ("seasonal_naive",
 * "weekday_profile", "profile_trend", "holt_winters") and "no_history". */
extern const char *const mu_fc_table_method_names[MU_FCT_N_METHODS];

/* What a row or series forecasts: a demand row's `required` (staff, a
 * decimal) or a staff row's `absent` (own staff missing, a count). */
enum mu_fc_quantity { MU_FCQ_REQUIRED, MU_FCQ_ABSENT, MU_FCQ_COUNT };

/* forecast.csv's `quantity`: "required", "absent". */
extern const char *const mu_fc_quantity_names[MU_FCQ_COUNT];

/* One series: the history of one (partner, role, shift start) and one
 * quantity, the method chosen for it and its backtest, and what the
 * page charts of it. */
struct mu_fc_series {
	size_t partner, role; /* indices into the scenario's partners and roles */
	int start;            /* minutes after midnight */
	enum mu_fc_quantity quantity;
	enum mu_fc_table_method method;
	/* the chosen method's backtest: MASE (its mean absolute error over
	 * the seasonal naive's on the same points; < 1 is better than
	 * repeating last week's same day) and the share of backtest days the
	 * 80% interval held, in [0, 1]; NAN when not backtested (too little
	 * history, or no_history). mase may be NAN on its own when the
	 * seasonal naive was exact on every point (0 over 0) */
	bool is_backtested;
	double mase, coverage80;
	size_t n_records; /* history rows of the series (0 with no_history) */
	/* the chart: the last days of history (say 8 weeks), value NAN on a
	 * day with no record, days ascending */
	size_t n_past;
	long *past_day; /* days since 1970-01-01 */
	double *past_value;
	/* and the forecast, one per target day of the series, ascending:
	 * mean and the 80% interval (p10 to p90) */
	size_t n_ahead;
	long *ahead_day;
	double *ahead_mean, *ahead_p10, *ahead_p90;
};

/* One row of forecast.csv: a demand row (quantity required, row an index
 * into sc->demand) or a staff row (absent, into sc->staff), partner, role
 * and shift that row's. mean, p10, p50, p90 of the forecast; at_q its
 * value at the table's quantile (demand.csv's required for a demand row).
 * Its method and backtest are its series'. */
struct mu_fc_row {
	enum mu_fc_quantity quantity;
	size_t row;
	size_t partner, role, shift;
	size_t series; /* index into the table's series */
	double mean, p10, p50, p90, at_q;
};

struct mu_fc_table {
	struct mu_fc_row *rows; /* demand rows first, each in the scenario's order */
	size_t n_rows;
	struct mu_fc_series *series;
	size_t n_series;
	double quantile; /* Q, in (0, 1): demand.csv's required is each row's at_q */
	/* the joint draws: draws[s * n_rows + i] is row i's value in scenario
	 * s (scenarios.csv, seed), check_draws the same on the second set
	 * (check-scenarios.csv, check_seed); NAN: not drawn (the file leaves
	 * the cell empty: demand.csv's required, absent 0) */
	size_t n_draws;
	uint64_t seed, check_seed;
	double *draws, *check_draws;
	/* the history read: its file as named, its first and last day (days
	 * since 1970-01-01) and its rows; n_history_rows 0: none */
	char *history_file;
	long history_first_day, history_last_day;
	size_t n_history_rows;
};

/* An empty table (quantile 0.5, no rows, no series, no draws). */
void mu_forecast_table_init(struct mu_fc_table *t);

/* Frees all that t holds; t is empty after. Accepts NULL. */
void mu_forecast_table_release(struct mu_fc_table *t);

/* Adds a series with room for n_past days of history and n_ahead of
 * forecast (the arrays allocated, days 0 and values NAN: the caller's to
 * fill); returns it, borrowed until the next series is added. Its other
 * fields are zero, mase and coverage80 NAN. Aborts on out of memory. */
struct mu_fc_series *mu_forecast_table_add_series(struct mu_fc_table *t, size_t n_past,
                                                  size_t n_ahead);

/* Adds a row, zeroed; returns it, borrowed until the next row is added. */
struct mu_fc_row *mu_forecast_table_add_row(struct mu_fc_table *t);

/* Makes room for n_draws draws of every row, in draws and check_draws,
 * each NAN: call once the rows are all added. */
void mu_forecast_table_alloc_draws(struct mu_fc_table *t, size_t n_draws);

#endif
