/*
 * cmd_forecast.c - `muster forecast SCENARIO [--history FILE] [--quantile Q]
 * [--scenarios N] [--seed S] [--out DIR]` (DESIGN.md §3e): next horizon's
 * demand and absence from the shifts gone, with its spread and its
 * backtest. Reads the scenario and the history, calls flow_forecast,
 * prints how far to trust it, and asks io/ to write the --out folder.
 */
#include "cli.h"

#include "cli_options.h"
#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "core/mu_forecast.h"
#include "core/mu_history.h"
#include "flows/flow_forecast.h"
#include "io/io_forecast.h"
#include "io/io_history.h"
#include "io/io_source.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char cmd_forecast_help[] =
    "usage: muster forecast SCENARIO [--history FILE] [--quantile Q] [--scenarios N]\n"
    "                       [--seed S] [--out DIR]\n"
    "\n"
    "Forecasts, for each demand row of SCENARIO, the staff its shift will need\n"
    "(required), and for each staff row the own staff who will be absent\n"
    "(when the history has an absent column), from the history of the same\n"
    "partner, role and shift start (DESIGN.md section 3e). For each series the\n"
    "method is chosen by a backtest over the history's last 8 weeks: the same\n"
    "weekday last week, each weekday's average over recent weeks, a weekday\n"
    "profile with a trend, or exponential smoothing by weekday (Holt-Winters);\n"
    "bank holidays of England and Wales are modelled, not averaged in. The\n"
    "backtest says how wrong each series' forecast has been: its MASE (its\n"
    "error over that of repeating last week's same day: below 1 is better) and\n"
    "how often its 80% interval held.\n"
    "\n"
    "options:\n"
    "  --history FILE  the shifts gone: partner, role, date, start, required and\n"
    "                  (optional) absent; default SCENARIO/history.csv\n"
    "  --quantile Q    demand.csv's required is the forecast's Q-quantile, Q from\n"
    "                  0.1 to 0.9 (the backtest measures the 10% and 90% points);\n"
    "                  default 0.5, the median\n"
    "  --scenarios N   joint draws in scenarios.csv, and as many more in\n"
    "                  check-scenarios.csv, 1 to 1000; default 50\n"
    "  --seed S        scenarios.csv's seed (check-scenarios.csv's is S + 1), a\n"
    "                  whole number, 0 to 4294967295; default 1: the same seed\n"
    "                  gives the same bytes\n"
    "  --out DIR       writes forecast.csv, demand.csv (the scenario's demand\n"
    "                  rows at the Q-quantile), scenarios.csv,\n"
    "                  check-scenarios.csv and report.html (the history and the\n"
    "                  forecast with its 80% band, the backtest, how far to\n"
    "                  trust it); never the scenario folder\n"
    "\n"
    "Prints each series' method, MASE and interval coverage, and sentences on\n"
    "how far to trust the forecast. Records nothing in the run store. Then a\n"
    "two-stage plan for the spread: 'muster solve SCENARIO --scenarios\n"
    "DIR/scenarios.csv --check-scenarios DIR/check-scenarios.csv'.\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it (with its\n"
    "two years of history.csv):\n"
    "\n"
    "  muster forecast ex --out fc\n"
    "  muster forecast ex --quantile 0.8 --scenarios 100 --seed 7 --out fc80\n"
    "\n"
    "exit codes: 0 done; 2 bad usage, errors in the scenario or the history, or\n"
    "a history that does not end before the scenario's shifts; 1 a file could\n"
    "not be read or written.\n";

struct forecast_args {
	const char *scenario, *history, *out;
	double quantile;
	unsigned long n_scenarios;
	unsigned long long seed;
};

/* Whether the folder out is scenario or lies inside it (out need not
 * exist yet: each folder above it is tried). */
static bool is_inside(const char *out, const char *scenario)
{
	char *p = mu_strdup(out);
	bool is_in = false;
	for (;;) {
		char *slash;
		if (cli_is_same_folder(p, scenario)) {
			is_in = true;
			break;
		}
		slash = strrchr(p, '/');
		if (!slash) {
			/* a first component's parent is ".", but ".." is above it */
			is_in = strcmp(p, ".") != 0 && strcmp(p, "..") != 0 &&
			        cli_is_same_folder(".", scenario);
			break;
		}
		if (slash == p) {
			is_in = cli_is_same_folder("/", scenario);
			break;
		}
		*slash = '\0';
	}
	free(p);
	return is_in;
}

/* Parses argv into *a. Returns 0 or a usage error's 2. */
static int parse(int argc, char **argv, struct forecast_args *a)
{
	int i;
	*a = (struct forecast_args){.quantile = 0.5,
	                            .n_scenarios = FLOW_FORECAST_N_DEFAULT,
	                            .seed = FLOW_FORECAST_SEED_DEFAULT};
	static const char *const names[] = {"--history", "--out", "--quantile", "--scenarios",
	                                    "--seed"};
	i = 1;
	while (i < argc) {
		int at = i, k;
		bool is_missing = false;
		const char *v = NULL;
		char *end;
		for (k = 0; k < 5 && !v && !is_missing; k++)
			v = cli_option_value(argc, argv, &i, names[k], &is_missing);
		if (is_missing)
			return cli_usage_error("forecast", "%s needs a value", argv[at]);
		if (!v) {
			if (argv[at][0] == '-' && argv[at][1] != '\0')
				return cli_usage_error("forecast", "unknown option '%s'", argv[at]);
			if (a->scenario)
				return cli_usage_error("forecast",
				                       "expected one SCENARIO folder, got '%s' too",
				                       argv[at]);
			a->scenario = argv[i++];
			continue;
		}
		switch (k - 1) {
		case 0:
			a->history = v;
			break;
		case 1:
			a->out = v;
			break;
		case 2:
			errno = 0;
			a->quantile = strtod(v, &end);
			if (errno || end == v || *end || !(a->quantile >= FLOW_FORECAST_Q_MIN) ||
			    !(a->quantile <= FLOW_FORECAST_Q_MAX))
				return cli_usage_error(
				    "forecast",
				    "invalid --quantile '%s' (from 0.1 to 0.9: the "
				    "backtest measures the forecast's 10%% and 90%% "
				    "points, not beyond)",
				    v);
			break;
		case 3:
			errno = 0;
			a->n_scenarios = strtoul(v, &end, 10);
			if (errno || end == v || *end || v[0] == '-' || a->n_scenarios < 1 ||
			    a->n_scenarios > FLOW_FORECAST_N_MAX)
				return cli_usage_error(
				    "forecast",
				    "invalid --scenarios '%s' (a whole number of draws, "
				    "1 to %d)",
				    v, FLOW_FORECAST_N_MAX);
			break;
		default:
			errno = 0;
			a->seed = strtoull(v, &end, 10);
			if (errno || end == v || *end || v[0] == '-' || a->seed > 4294967295ULL)
				return cli_usage_error("forecast",
				                       "invalid --seed '%s' (a whole number, 0 to "
				                       "4294967295)",
				                       v);
		}
	}
	if (!a->scenario)
		return cli_usage_error("forecast", "missing SCENARIO folder");
	if (a->out && is_inside(a->out, a->scenario))
		return cli_usage_error("forecast",
		                       "--out %s is in the scenario folder: muster would write its "
		                       "outputs among the scenario's files (and solve refuses a "
		                       "scenarios file there); give a folder outside it",
		                       a->out);
	return 0;
}

/* Reads the history at path against sc into *h, printing its warnings and
 * errors. Returns the exit status. */
static int read_history(const char *path, const struct mu_scenario *sc, struct mu_history *h)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors)),
	                  *warnings = mu_malloc(sizeof(*warnings));
	enum mu_code rc;
	int status = 0;
	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	/* the path as given names the file in every message */
	rc = io_history_read(path, path, sc, h, errors, warnings);
	cli_print_warnings(warnings);
	if (rc != MU_OK)
		status =
		    rc == MU_E_INPUT ? cli_print_errors(errors, path) : cli_fail(&errors->items[0]);
	else if (h->n_rows == 0) {
		mu_history_release(h);
		status =
		    cli_usage_error("forecast", "%s has no rows: nothing to forecast from", path);
	}
	free(errors);
	free(warnings);
	return status;
}

/* A warning when the scenario's first shift is further after the
 * history's end than the backtest measures (MU_FC_MAX_HORIZON days): its
 * MASE and coverage then say nothing of forecasts that far ahead. */
static void warn_far_ahead(const struct mu_scenario *sc, const struct mu_fc_table *t)
{
	char a[MU_DATE_SIZE], b[MU_DATE_SIZE];
	long first = 0;
	size_t i;
	for (i = 0; i < sc->n_demand; i++)
		if (i == 0 || sc->shifts[sc->demand[i].shift].day < first)
			first = sc->shifts[sc->demand[i].shift].day;
	if (sc->n_demand == 0 || first - t->history_last_day <= MU_FC_MAX_HORIZON)
		return;
	fprintf(stderr,
	        "warning: %s: the history ends on %s, %ld days before the scenario's first "
	        "shift (%s); the backtest measures forecasts up to %d days ahead, so its MASE "
	        "and intervals do not tell how far to trust forecasts this far ahead: give a "
	        "history that ends nearer the week\n",
	        cli_safe(t->history_file), mu_format_date(a, t->history_last_day),
	        first - t->history_last_day, mu_format_date(b, first), MU_FC_MAX_HORIZON);
}

/* The series table: one line per series, demand's first. */
static void print_series(const struct mu_scenario *sc, const struct mu_fc_table *t)
{
	int w = cli_partner_id_width(sc, 7);
	size_t k;
	printf("  %-*s %-12s start  what      method            MASE  80%% held  days\n", w,
	       "partner", "role");
	for (k = 0; k < t->n_series; k++) {
		const struct mu_fc_series *s = &t->series[k];
		char start[8], mase[16] = "-", cover[16] = "-";
		io_forecast_start_text(start, sizeof(start), s->start);
		if (s->is_backtested && !isnan(s->mase))
			snprintf(mase, sizeof(mase), "%.2f", s->mase);
		if (s->is_backtested && !isnan(s->coverage80))
			snprintf(cover, sizeof(cover), "%.0f%%", 100 * s->coverage80);
		printf("  %-*s %-12s %s  %-8s  %-16s %5s  %8s  %4zu\n", w,
		       cli_safe(sc->partners[s->partner].id), cli_safe(sc->roles[s->role].id),
		       start, mu_fc_quantity_names[s->quantity],
		       mu_fc_table_method_names[s->method], mase, cover, s->n_records);
	}
}

int cmd_forecast(int argc, char **argv)
{
	struct forecast_args a;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct mu_history h;
	struct mu_fc_table t;
	struct mu_err err;
	struct mu_buf say;
	char *path = NULL, first[MU_DATE_SIZE], last[MU_DATE_SIZE];
	bool has_history = false, has_table = false;
	int status;

	if (cli_print_help_if_asked(cmd_forecast_help, argc, argv))
		return 0;
	if ((status = parse(argc, argv, &a)) != 0)
		return status;
	if ((status = cli_load_scenario(a.scenario, &src, &sc)) != 0)
		return status;
	if (a.history) {
		struct stat st;
		path = mu_strdup(a.history);
		if (stat(path, &st) != 0 && errno == ENOENT) {
			status =
			    cli_usage_error("forecast", "--history %s: no such file", a.history);
			goto done;
		}
	} else {
		path = mu_malloc(strlen(a.scenario) + sizeof("/" IO_SOURCE_HISTORY));
		sprintf(path, "%s/%s", a.scenario, IO_SOURCE_HISTORY);
		if (!src->has_history) {
			status =
			    cli_usage_error("forecast",
			                    "%s has no history.csv: a forecast learns from the "
			                    "shifts gone; put them in %s or name a file with "
			                    "--history FILE",
			                    a.scenario, path);
			goto done;
		}
	}
	if ((status = cli_prepare_out(a.out)) != 0)
		goto done;
	if ((status = read_history(path, sc, &h)) != 0)
		goto done;
	has_history = true;
	mu_err_clear(&err);
	if (flow_forecast_run(&(struct flow_forecast_request){.sc = sc,
	                                                      .history = &h,
	                                                      .history_file = path,
	                                                      .quantile = a.quantile,
	                                                      .n_scenarios = a.n_scenarios,
	                                                      .seed = a.seed},
	                      &t, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	has_table = true;
	warn_far_ahead(sc, &t);
	printf("%s: forecast from %s, %s to %s (%zu rows), for the scenario's %zu demand rows%s\n",
	       cli_safe(src->label), cli_safe(path), mu_format_date(first, t.history_first_day),
	       mu_format_date(last, t.history_last_day), t.n_history_rows, sc->n_demand,
	       h.has_absent ? " and its staff rows' absence" : " (no absent column: no absence)");
	print_series(sc, &t);
	mu_buf_init(&say);
	io_say_forecast(&say, sc, &t);
	printf("\n%s", say.data);
	mu_buf_release(&say);
	if (a.out) {
		mu_err_clear(&err);
		if (io_outputs_write_forecast(a.out, sc, src->label, &t, &err) != MU_OK) {
			status = cli_fail(&err);
			goto done;
		}
		printf(
		    "\nforecast.csv, demand.csv (required at the %g-quantile), scenarios.csv and "
		    "check-scenarios.csv (%zu draws each, seeds %llu and %llu) and report.html "
		    "are in %s.\n",
		    a.quantile, t.n_draws, (unsigned long long)t.seed,
		    (unsigned long long)t.check_seed, cli_safe(a.out));
		printf(
		    "Next, a plan for the spread, in plan mode: muster solve %s --lp --scenarios "
		    "%s/scenarios.csv --check-scenarios %s/check-scenarios.csv\n"
		    "(each scenario adds a copy of the week's day to the model: on the example, 10 "
		    "scenarios take under half a minute on 2 cores, 50 about a quarter of an hour; "
		    "--scenarios N here writes fewer)\n",
		    cli_safe(a.scenario), cli_safe(a.out), cli_safe(a.out));
	} else {
		printf(
		    "\nNothing written: --out DIR writes forecast.csv, demand.csv, scenarios.csv, "
		    "check-scenarios.csv and report.html.\n");
	}
	status = 0;
done:
	if (has_table)
		mu_forecast_table_release(&t);
	if (has_history)
		mu_history_release(&h);
	free(path);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
