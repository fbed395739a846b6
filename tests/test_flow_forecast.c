/*
 * test_flow_forecast.c - `muster forecast` (DESIGN.md §3e) as a workflow
 * and as a command: a history whose weekdays repeat exactly is forecast
 * exactly, with no spread, on the scenario's own shifts; a series with no
 * history keeps the scenario's figure and draws nothing; demand.csv's
 * required is the forecast at the quantile asked; the same seed draws the
 * same numbers and the check set others; a history that runs into the
 * scenario's days is refused; and the command end to end on the example
 * (its files, muster reading back demand.csv and scenarios.csv, the same
 * bytes from the same seed, each refusal with its message).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_err.h"
#include "core/mu_forecast_table.h"
#include "core/mu_format.h"
#include "core/mu_history.h"
#include "core/mu_parse.h"
#include "flows/flow_forecast.h"
#include "io/io_history.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One partner, two roles; shifts early on Mon 30 Nov and Tue 1 Dec 2026;
 * rn has history, hca none. */
static const char *const small[][2] = {
    {"partners.csv", "id\np\n"},
    {"roles.csv", "id\nrn\nhca\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\n"
                   "mon-e,2026-11-30,07:00,15:00,7.5\n"
                   "tue-e,2026-12-01,07:00,15:00,7.5\n"},
    {"demand.csv", "partner,role,shift,required,minimum\n"
                   "p,rn,mon-e,9,8\np,rn,tue-e,9,8\np,hca,mon-e,4,2\n"},
    {"staff.csv", "partner,role,shift,available\np,rn,mon-e,6\np,rn,tue-e,6\n"},
    {"caps.csv", "role,bank_rate,agency_cap\nrn,15,\nhca,12,\n"},
    {"agency.csv", "supplier,role,partner,rate\nx,rn,p,40\nx,hca,p,30\n"},
    {NULL, NULL},
};

/* The days from 1 Sep to 29 Nov 2026 hold no bank holiday (31 Aug is one):
 * 90 days, enough for the backtest (56 days, the horizon, 28 to fit). */
#define FIRST_DAY "2026-09-01"
#define N_DAYS 90

/* Writes the small scenario into folder name under tu_dir (history.csv
 * from history when not NULL); its path into dir. */
static void write_small(const char *name, const char *history, char *dir, size_t size)
{
	char path[4200];
	size_t i;
	tu_path(dir, size, name);
	mkdir(dir, 0777);
	for (i = 0; small[i][0]; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, small[i][0]);
		tu_write(path, small[i][1], strlen(small[i][1]));
	}
	if (history) {
		snprintf(path, sizeof(path), "%s/history.csv", dir);
		tu_write(path, history, strlen(history));
	}
}

/* A history of rn at 07:00 over N_DAYS days from FIRST_DAY: required
 * value(day index, weekday 0 = Monday), absent 1 on Mondays. */
static char *history_of(double (*value)(size_t i, int weekday))
{
	struct mu_buf b;
	long first;
	size_t i;
	mu_buf_init(&b);
	assert_true(mu_parse_date(FIRST_DAY, 10, &first));
	mu_buf_adds(&b, "partner,role,date,start,required,absent\n");
	for (i = 0; i < N_DAYS; i++) {
		long day = first + (long)i;
		int weekday = (int)(((day + 3) % 7 + 7) % 7); /* 1970-01-01 was a Thursday */
		char date[MU_DATE_SIZE];
		mu_format_date(date, day);
		mu_buf_addf(&b, "p,rn,%s,07:00,%g,%d\n", date, value(i, weekday), weekday == 0);
	}
	return mu_buf_detach(&b, NULL);
}

/* Each weekday its own figure, every week the same. */
static double weekday_pattern(size_t i, int weekday)
{
	(void)i;
	return 10 + weekday;
}

/* The same with a wobble that no method can foresee (a fixed sequence). */
static double noisy_pattern(size_t i, int weekday)
{
	static const double wobble[] = {0, 2, -1, 3, -2, 1, -3, 2, 0, -1, 1};
	return 10 + weekday + wobble[(i * 7 + 3) % 11];
}

struct run {
	struct io_source *src;
	struct mu_scenario *sc;
	struct mu_history h;
	struct mu_fc_table t;
	enum mu_code rc;
	struct mu_err err;
};

/* The small scenario with history text, forecast at q with n draws. */
static void forecast(struct run *r, const char *history, double q, size_t n, uint64_t seed)
{
	char dir[4096], path[4200];
	struct mu_errlist errors, warnings;
	static int k;
	char name[32];
	snprintf(name, sizeof(name), "small%d", k++);
	write_small(name, history, dir, sizeof(dir));
	r->sc = tu_load_dir(dir);
	snprintf(path, sizeof(path), "%s/history.csv", dir);
	mu_errlist_init(&errors);
	mu_errlist_init(&warnings);
	assert_int_equal(io_history_read(path, "history.csv", r->sc, &r->h, &errors, &warnings),
	                 MU_OK);
	mu_err_clear(&r->err);
	mu_forecast_table_init(&r->t);
	r->rc = flow_forecast_run(&(struct flow_forecast_request){.sc = r->sc,
	                                                          .history = &r->h,
	                                                          .history_file = "history.csv",
	                                                          .quantile = q,
	                                                          .n_scenarios = n,
	                                                          .seed = seed},
	                          &r->t, &r->err);
}

static void run_release(struct run *r)
{
	mu_forecast_table_release(&r->t);
	mu_history_release(&r->h);
	mu_scenario_free(r->sc);
}

/* The row of t for (quantity, role id, shift id), or NULL. */
static const struct mu_fc_row *row_of(const struct run *r, enum mu_fc_quantity q, const char *role,
                                      const char *shift)
{
	size_t i;
	for (i = 0; i < r->t.n_rows; i++) {
		const struct mu_fc_row *row = &r->t.rows[i];
		if (row->quantity == q && strcmp(r->sc->roles[row->role].id, role) == 0 &&
		    strcmp(r->sc->shifts[row->shift].id, shift) == 0)
			return row;
	}
	return NULL;
}

/* A weekday pattern repeated exactly: Monday 10, Tuesday 11, no spread;
 * the absence (1 on Mondays) likewise; hca, with no history, keeps its 4. */
static void test_flow_forecast_exact_pattern(void **state)
{
	struct run r;
	char *history = history_of(weekday_pattern);
	const struct mu_fc_row *mon, *tue, *hca, *absent;
	size_t s;
	(void)state;
	forecast(&r, history, 0.5, 5, 1);
	assert_int_equal(r.rc, MU_OK);
	/* 3 demand rows, then the 2 staff rows' absence */
	assert_int_equal(r.t.n_rows, 5);
	mon = row_of(&r, MU_FCQ_REQUIRED, "rn", "mon-e");
	tue = row_of(&r, MU_FCQ_REQUIRED, "rn", "tue-e");
	hca = row_of(&r, MU_FCQ_REQUIRED, "hca", "mon-e");
	absent = row_of(&r, MU_FCQ_ABSENT, "rn", "mon-e");
	assert_non_null(mon);
	assert_non_null(tue);
	assert_non_null(hca);
	assert_non_null(absent);
	assert_true(fabs(mon->mean - 10) < 1e-9 && fabs(mon->p10 - 10) < 1e-9 &&
	            fabs(mon->p90 - 10) < 1e-9 && fabs(mon->at_q - 10) < 1e-9);
	assert_true(fabs(tue->at_q - 11) < 1e-9);
	assert_true(fabs(absent->at_q - 1) < 1e-9);
	assert_true(fabs(row_of(&r, MU_FCQ_ABSENT, "rn", "tue-e")->at_q) < 1e-9);
	assert_int_equal(r.t.series[mon->series].method, MU_FCT_SEASONAL_NAIVE);
	assert_true(r.t.series[mon->series].is_backtested);
	assert_int_equal(r.t.series[mon->series].n_records, N_DAYS);
	assert_int_equal(r.t.series[mon->series].n_past, 56);
	/* no history: the scenario's own figure, no spread, nothing drawn */
	assert_int_equal(r.t.series[hca->series].method, MU_FCT_NO_HISTORY);
	assert_true(hca->at_q == 4 && hca->p10 == 4 && hca->p90 == 4);
	assert_int_equal(r.t.n_draws, 5);
	for (s = 0; s < r.t.n_draws; s++) {
		size_t i_mon = (size_t)(mon - r.t.rows), i_hca = (size_t)(hca - r.t.rows);
		assert_true(fabs(r.t.draws[s * r.t.n_rows + i_mon] - 10) < 1e-9);
		assert_true(isnan(r.t.draws[s * r.t.n_rows + i_hca]));
		assert_true(isnan(r.t.check_draws[s * r.t.n_rows + i_hca]));
	}
	assert_int_equal(r.t.history_last_day - r.t.history_first_day + 1, N_DAYS);
	assert_int_equal(r.t.n_history_rows, N_DAYS);
	run_release(&r);
	free(history);
}

/* With noise: demand.csv's required is p10 at Q 0.1, p50 at 0.5, p90 at
 * 0.9, and in between on the straight lines between them (0.3: half way
 * from p10 to p50); the intervals have width; the same seed the same
 * draws, the check set other draws, and every draw at least 0. */
static void test_flow_forecast_quantile_and_draws(void **state)
{
	char *history = history_of(noisy_pattern);
	static const double qs[] = {0.1, 0.3, 0.5, 0.9};
	struct run r[4], again;
	const struct mu_fc_row *row[4];
	size_t i, n_differ = 0;
	(void)state;
	for (i = 0; i < 4; i++) {
		forecast(&r[i], history, qs[i], 20, 7);
		assert_int_equal(r[i].rc, MU_OK);
		row[i] = row_of(&r[i], MU_FCQ_REQUIRED, "rn", "mon-e");
	}
	assert_true(row[0]->p90 > row[0]->p10);
	assert_true(fabs(row[0]->at_q - row[0]->p10) < 1e-9);
	assert_true(fabs(row[1]->at_q - (row[1]->p10 + row[1]->p50) / 2) < 1e-9);
	assert_true(fabs(row[2]->at_q - row[2]->p50) < 1e-9);
	assert_true(fabs(row[3]->at_q - row[3]->p90) < 1e-9);
	forecast(&again, history, 0.3, 20, 7);
	assert_int_equal(memcmp(again.t.draws, r[1].t.draws, 20 * r[1].t.n_rows * sizeof(double)),
	                 0);
	for (i = 0; i < 20 * r[1].t.n_rows; i++) {
		double a = r[1].t.draws[i], b = r[1].t.check_draws[i];
		if (isnan(a)) {
			assert_true(isnan(b));
			continue;
		}
		assert_true(a >= 0 && b >= 0);
		n_differ += a != b;
	}
	assert_true(n_differ > 0);
	assert_int_equal(r[1].t.check_seed, 8);
	run_release(&again);
	for (i = 0; i < 4; i++)
		run_release(&r[i]);
	free(history);
}

/* A history that reaches the scenario's first day is refused, naming
 * both dates. */
static void test_flow_forecast_history_into_the_week(void **state)
{
	char *history = history_of(weekday_pattern);
	struct mu_buf b;
	struct run r;
	(void)state;
	mu_buf_init(&b);
	mu_buf_adds(&b, history);
	mu_buf_adds(&b, "p,rn,2026-11-30,07:00,10,0\n");
	forecast(&r, b.data, 0.5, 5, 1);
	assert_int_equal(r.rc, MU_E_INPUT);
	assert_non_null(strstr(r.err.msg, "history.csv runs to 2026-11-30, not before the "
	                                  "scenario's first shift (2026-11-30)"));
	mu_history_release(&r.h);
	mu_scenario_free(r.sc);
	mu_buf_release(&b);
	free(history);
}

/* The command on the example: the five files, demand.csv and
 * scenarios.csv read back by muster (check; a plan-mode two-stage solve of
 * the small scenario), the same bytes from the same seed, and each
 * refusal. */
static void test_flow_forecast_command(void **state)
{
	struct tu_result r;
	char *a, *b, dir[4096], path[4200], *history = history_of(noisy_pattern);
	static const char *const files[] = {"forecast.csv", "demand.csv", "scenarios.csv",
	                                    "check-scenarios.csv", "report.html"};
	size_t i;
	(void)state;
	r = tu_run("example", "ex", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("forecast", "ex", "--out", "fc", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "forecast from ex/history.csv, 2024-11-30 to 2026-11-29 "
	                              "(50370 rows), for the scenario's 483 demand rows"));
	assert_non_null(strstr(r.out, "138 series forecast, 138 of them backtested"));
	assert_non_null(strstr(r.out, "muster solve ex --lp --scenarios fc/scenarios.csv "
	                              "--check-scenarios fc/check-scenarios.csv"));
	assert_null(strstr(r.err, "warning"));
	tu_result_free(&r);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		tu_path(path, sizeof(path), "fc");
		strcat(path, "/");
		strcat(path, files[i]);
		free(tu_slurp(path));
	}
	/* the forecast's demand.csv in a copy of the example is a valid scenario */
	r = tu_run("example", "ex2", NULL);
	tu_result_free(&r);
	tu_path(path, sizeof(path), "fc/demand.csv");
	a = tu_slurp(path);
	tu_path(path, sizeof(path), "ex2/demand.csv");
	tu_write(path, a, strlen(a));
	free(a);
	r = tu_run("check", "ex2", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	/* the same seed, the same bytes */
	r = tu_run("forecast", "ex", "--out", "fc-again", "--scenarios", "50", "--seed", "1", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(path, sizeof(path), "fc/scenarios.csv");
	a = tu_slurp(path);
	tu_path(path, sizeof(path), "fc-again/scenarios.csv");
	b = tu_slurp(path);
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* the small scenario's scenarios.csv, solved as a two-stage plan */
	write_small("sm", history, dir, sizeof(dir));
	r = tu_run("forecast", "sm", "--out", "smfc", "--scenarios", "5", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("solve", "sm", "--lp", "--scenarios", "smfc/scenarios.csv", "--check-scenarios",
	           "smfc/check-scenarios.csv", "--db", "sm.db", NULL);
	assert_true(r.status == 0 || r.status == 3);
	assert_non_null(strstr(r.out, "Two-stage plan for 5 scenarios"));
	tu_result_free(&r);
	/* refusals */
	r = tu_run("forecast", "ex2", NULL); /* ex2 has its history: fine without --out */
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Nothing written: --out DIR writes"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "ex2/history.csv");
	assert_int_equal(remove(path), 0);
	r = tu_run("forecast", "ex2", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "ex2 has no history.csv: a forecast learns from the shifts "
	                              "gone"));
	tu_result_free(&r);
	r = tu_run("forecast", "ex2", "--history", "nowhere.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "nowhere.csv"));
	tu_result_free(&r);
	r = tu_run("forecast", "ex", "--quantile", "0.95", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "invalid --quantile '0.95' (from 0.1 to 0.9"));
	tu_result_free(&r);
	r = tu_run("forecast", "ex", "--scenarios", "0", NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
	r = tu_run("forecast", "ex", "--out", "ex", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "is in the scenario folder"));
	tu_result_free(&r);
	r = tu_run("forecast", "ex", "--out", "ex/fc", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--out ex/fc is in the scenario folder"));
	tu_result_free(&r);
	/* a history that ends long before the week: a warning, named */
	tu_path(path, sizeof(path), "ex/history.csv");
	a = tu_slurp(path);
	b = strstr(a, ",2026-07-01,");
	assert_non_null(b);
	while (b > a && b[-1] != '\n')
		b--;
	*b = '\0'; /* rows are by series, then day: acute_north rn_b5 07:00 to 30 Jun */
	tu_path(path, sizeof(path), "old.csv");
	tu_write(path, a, strlen(a));
	free(a);
	r = tu_run("forecast", "ex", "--history", "old.csv", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.err, "warning: old.csv: the history ends on 2026-06-30, 153 days "
	                              "before the scenario's first shift (2026-11-30)"));
	tu_result_free(&r);
	/* a history of a header alone */
	tu_path(path, sizeof(path), "empty.csv");
	tu_write(path, "partner,role,date,start,required\n", 33);
	r = tu_run("forecast", "ex", "--history", "empty.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "empty.csv has no rows: nothing to forecast from"));
	tu_result_free(&r);
	/* an error in a named history names its path */
	tu_path(path, sizeof(path), "sub");
	mkdir(path, 0777);
	tu_path(path, sizeof(path), "sub/h.csv");
	tu_write(path, "partner,role,date,start,required\nnowhere,rn_b5,2026-01-01,07:00,3\n",
	         strlen("partner,role,date,start,required\nnowhere,rn_b5,2026-01-01,07:00,3\n"));
	r = tu_run("forecast", "ex", "--history", "sub/h.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "sub/h.csv:2:1: unknown partner 'nowhere'"));
	tu_result_free(&r);
	r = tu_run("forecast", "ex", "--bogus", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown option '--bogus'"));
	tu_result_free(&r);
	free(history);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_flow_forecast_exact_pattern),
	    cmocka_unit_test(test_flow_forecast_quantile_and_draws),
	    cmocka_unit_test(test_flow_forecast_history_into_the_week),
	    cmocka_unit_test(test_flow_forecast_command),
	};
	return tu_run_tests(tests, NULL, NULL);
}
