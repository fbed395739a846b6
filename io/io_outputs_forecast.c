/*
 * io_outputs_forecast.c - the forecast's --out folder (DESIGN.md §3e):
 * its four CSV files and its page, staged beside the folder and moved in
 * together, as a run's are (io_outputs.c): a forecast records no run, so
 * the files are moved in as soon as they are all written.
 */
#include "io/io_forecast.h"
#include "io/io_outputs.h"

#include <stdlib.h>

enum mu_code io_outputs_write_forecast(const char *out, const struct mu_scenario *sc,
                                       const char *label, const struct mu_fc_table *t,
                                       struct mu_err *err)
{
	char *staged = NULL;
	enum mu_code rc = io_outputs_begin(out, &staged, err);
	if (rc != MU_OK)
		return rc;
	if ((rc = io_report_write_forecast(staged, sc, t, err)) ||
	    (rc = io_report_write_forecast_demand(staged, sc, t, err)) ||
	    (rc = io_report_write_forecast_draws(staged, "scenarios.csv", sc, t, t->draws, err)) ||
	    (rc = io_report_write_forecast_draws(staged, "check-scenarios.csv", sc, t,
	                                         t->check_draws, err)) ||
	    (rc = io_html_write_forecast(staged, sc, label, t, err)) ||
	    (rc = io_outputs_commit(staged, out, err)))
		io_outputs_abandon(staged);
	free(staged);
	return rc;
}
