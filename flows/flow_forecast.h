/*
 * flow_forecast.h - `muster forecast` as a workflow (DESIGN.md §3e): the
 * history of each (partner, role, shift start) that the scenario's demand
 * and staff rows name, forecast on their shifts' days by core/mu_forecast
 * (method chosen by backtest), and the joint draws, filled into the typed
 * table (core/mu_forecast_table.h) that io/ writes. Prints nothing.
 */
#ifndef FLOW_FORECAST_H
#define FLOW_FORECAST_H

#include "core/mu_err.h"
#include "core/mu_forecast_table.h"
#include "core/mu_history.h"
#include "core/mu_scenario.h"

#include <stddef.h>
#include <stdint.h>

/* --quantile's range: the forecast's spread is measured at its 10% and
 * 90% points (p10, p90), so demand.csv's required is read between them. */
#define FLOW_FORECAST_Q_MIN 0.1
#define FLOW_FORECAST_Q_MAX 0.9
#define FLOW_FORECAST_N_DEFAULT 50
#define FLOW_FORECAST_N_MAX 1000
#define FLOW_FORECAST_SEED_DEFAULT 1

struct flow_forecast_request {
	const struct mu_scenario *sc;
	const struct mu_history *history; /* sorted (io_history_read gives it so) */
	const char *history_file;         /* as named, for the outputs */
	double quantile;                  /* Q in [FLOW_FORECAST_Q_MIN, _MAX] */
	size_t n_scenarios;               /* N >= 1: the draws, and as many to check on */
	uint64_t seed;                    /* scenarios.csv's; check-scenarios.csv's is seed + 1 */
};

/* Fills *out (the caller's, initialised with mu_forecast_table_init and
 * released with mu_forecast_table_release, written on success only).
 * Returns MU_OK, or MU_E_INPUT when the history does not end before the
 * scenario's first shift it would forecast (err says which dates). */
enum mu_code flow_forecast_run(const struct flow_forecast_request *req, struct mu_fc_table *out,
                               struct mu_err *err);

#endif
