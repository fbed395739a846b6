/*
 * test_io_forecast.c - the outputs of `muster forecast` (DESIGN.md §3e)
 * from results built by hand: forecast.csv's columns and values, the
 * draws' files byte for byte, demand.csv read back by muster, the
 * sentences on how far to trust it read back against the numbers of
 * thousands of generated results, and the page.
 *
 * Run as `test_io_forecast --write-example DIR`, it writes the --out
 * folder of a generated forecast of the built-in example into DIR, for
 * tests/report_render.sh to render.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_forecast_table.h"
#include "io/io_csv.h"
#include "io/io_forecast.h"
#include "io/io_scenario.h"
#include "test_util.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long rng = 88172645463325252ULL;

static double uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

static size_t below(size_t n)
{
	return (size_t)(uniform() * (double)n) % n;
}

/* --- a small scenario whose names need escaping and whose first id
 * starts with '-' (a spreadsheet's formula) */

static const char *const small_files[][2] = {
    {"partners.csv", "id,name\n-acute,\"<b>Acute & \"\"North\"\"</b>\"\nhospice,St Hospice\n"},
    {"roles.csv", "id,name\nrn,Nurse <RN>\nhca,Care assistant\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\nmon-e,2026-11-30,07:00,15:00,7.5\n"
                   "mon-n,2026-11-30,19:00,07:00,11.5\ntue-e,2026-12-01,07:00,15:00,7.5\n"},
    {"demand.csv", "partner,role,shift,required,minimum,priority\n-acute,rn,mon-e,5,4,1\n"
                   "-acute,rn,mon-n,3,2.333,1.5\n-acute,rn,tue-e,5,4,1\n"
                   "hospice,hca,mon-e,2,1,0.125\n"},
    {"staff.csv", "partner,role,shift,available,rotatable\n-acute,rn,mon-e,4,0\n"
                  "-acute,rn,tue-e,4,0\nhospice,hca,mon-n,1,0\n"},
};

/* Writes the small scenario into tu_dir()/name; returns it loaded. */
static struct mu_scenario *small_scenario(const char *name)
{
	char dir[512], path[1024];
	size_t i;
	tu_path(dir, sizeof(dir), name);
	mkdir(dir, 0777);
	for (i = 0; i < sizeof(small_files) / sizeof(small_files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, small_files[i][0]);
		tu_write(path, small_files[i][1], strlen(small_files[i][1]));
	}
	return tu_load_dir(dir);
}

/* Series k of the small table's hand-made forecast. */
static void set_past(struct mu_fc_series *s, long last, double level)
{
	size_t j;
	for (j = 0; j < s->n_past; j++) {
		s->past_day[j] = last - (long)(s->n_past - 1 - j);
		s->past_value[j] = j == 3 ? NAN : level + (double)(j % 7 == 5 || j % 7 == 6);
	}
}

/* The small scenario's forecast, by hand: a backtested series, one too
 * short to backtest, and series with no history; 3 draws. */
static void small_table(struct mu_fc_table *t, const struct mu_scenario *sc)
{
	const long mon = sc->shifts[0].day;
	struct mu_fc_series *s;
	struct mu_fc_row *r;
	size_t i;
	mu_forecast_table_init(t);
	t->history_file = mu_strdup("past/history.csv");
	t->history_first_day = mon - 200;
	t->history_last_day = mon - 1;
	t->n_history_rows = 1234;
	t->seed = 7;
	t->check_seed = 8;
	/* 0: -acute rn 07:00 required, backtested */
	s = mu_forecast_table_add_series(t, 14, 2);
	*s = (struct mu_fc_series){.partner = 0,
	                           .role = 0,
	                           .start = 420,
	                           .quantity = MU_FCQ_REQUIRED,
	                           .method = MU_FCT_HOLT_WINTERS,
	                           .is_backtested = true,
	                           .mase = 0.77,
	                           .coverage80 = 0.62,
	                           .n_records = 200,
	                           .n_past = s->n_past,
	                           .past_day = s->past_day,
	                           .past_value = s->past_value,
	                           .n_ahead = s->n_ahead,
	                           .ahead_day = s->ahead_day,
	                           .ahead_mean = s->ahead_mean,
	                           .ahead_p10 = s->ahead_p10,
	                           .ahead_p90 = s->ahead_p90};
	set_past(s, mon - 1, 5);
	s->ahead_day[0] = mon;
	s->ahead_day[1] = mon + 1;
	s->ahead_mean[0] = 5.25, s->ahead_p10[0] = 4, s->ahead_p90[0] = 6.5;
	s->ahead_mean[1] = 5.5, s->ahead_p10[1] = 4.25, s->ahead_p90[1] = 7;
	/* 1: -acute rn 19:00 required, too short to backtest */
	s = mu_forecast_table_add_series(t, 0, 1);
	s->partner = 0, s->role = 0, s->start = 1140, s->quantity = MU_FCQ_REQUIRED;
	s->method = MU_FCT_PROFILE_TREND, s->n_records = 20;
	s->ahead_day[0] = mon, s->ahead_mean[0] = 3.1, s->ahead_p10[0] = 2, s->ahead_p90[0] = 4.444;
	/* 2: hospice hca 07:00 required, no history */
	s = mu_forecast_table_add_series(t, 0, 0);
	s->partner = 1, s->role = 1, s->start = 420, s->method = MU_FCT_NO_HISTORY;
	/* 3: -acute rn 07:00 absent, backtested, worse than last week */
	s = mu_forecast_table_add_series(t, 14, 2);
	s->partner = 0, s->role = 0, s->start = 420, s->quantity = MU_FCQ_ABSENT;
	s->method = MU_FCT_SEASONAL_NAIVE, s->is_backtested = true, s->mase = 1.2;
	s->coverage80 = 0.95, s->n_records = 190;
	set_past(s, mon - 1, 1);
	s->ahead_day[0] = mon, s->ahead_day[1] = mon + 1;
	s->ahead_mean[0] = 1.4, s->ahead_p10[0] = 0, s->ahead_p90[0] = 3;
	s->ahead_mean[1] = 1.2, s->ahead_p10[1] = 0, s->ahead_p90[1] = 3;
	/* 4: hospice hca 19:00 absent, no history */
	s = mu_forecast_table_add_series(t, 0, 0);
	s->partner = 1, s->role = 1, s->start = 1140, s->quantity = MU_FCQ_ABSENT;
	s->method = MU_FCT_NO_HISTORY;
	{
		static const struct {
			enum mu_fc_quantity q;
			size_t row, series;
			double mean, p10, p50, p90, at_q;
		} rows[] = {
		    {MU_FCQ_REQUIRED, 0, 0, 5.25, 4, 5.2, 6.5, 5.2},
		    {MU_FCQ_REQUIRED, 1, 1, 3.1, 2, 3, 4.444, 2.2},
		    {MU_FCQ_REQUIRED, 2, 0, 5.5, 4.25, 5.4, 7, 6.126},
		    {MU_FCQ_REQUIRED, 3, 2, 2, 2, 2, 2, NAN},
		    {MU_FCQ_ABSENT, 0, 3, 1.4, 0, 1, 3, 1},
		    {MU_FCQ_ABSENT, 1, 3, 1.2, 0, 1, 3, 1},
		    {MU_FCQ_ABSENT, 2, 4, 0, 0, 0, 0, 0},
		};
		for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
			const struct mu_demand *d = &sc->demand[rows[i].row];
			const struct mu_staff *f = &sc->staff[rows[i].row];
			bool is_req = rows[i].q == MU_FCQ_REQUIRED;
			r = mu_forecast_table_add_row(t);
			r->quantity = rows[i].q;
			r->row = rows[i].row;
			r->partner = is_req ? d->partner : f->partner;
			r->role = is_req ? d->role : f->role;
			r->shift = is_req ? d->shift : f->shift;
			r->series = rows[i].series;
			r->mean = rows[i].mean, r->p10 = rows[i].p10, r->p50 = rows[i].p50;
			r->p90 = rows[i].p90, r->at_q = rows[i].at_q;
		}
	}
	mu_forecast_table_alloc_draws(t, 3);
	for (i = 0; i < 3 * t->n_rows; i++) {
		size_t row = i % t->n_rows;
		if (t->series[t->rows[row].series].method == MU_FCT_NO_HISTORY)
			continue;
		t->draws[i] = t->rows[row].mean + (double)(i % 5) * 0.37 - 0.5;
		t->check_draws[i] = t->rows[row].mean + (double)(i % 3) * 0.61 - 0.3;
	}
	t->draws[0] = -0.004; /* written as 0.00, never -0.00 */
}

/* --- a generated forecast of any scenario: for the example's page and
 * the demand.csv round trip */

struct gen_key {
	size_t partner, role;
	int start;
	enum mu_fc_quantity q;
	size_t n_ahead, series, next;
	double level;
};

static size_t key_of(struct gen_key **keys, size_t *n, size_t p, size_t r, int start,
                     enum mu_fc_quantity q)
{
	size_t k;
	for (k = 0; k < *n; k++)
		if ((*keys)[k].partner == p && (*keys)[k].role == r && (*keys)[k].start == start &&
		    (*keys)[k].q == q)
			return k;
	*keys = mu_grow_one(*keys, *n, sizeof(**keys));
	(*keys)[*n] = (struct gen_key){p, r, start, q, 0, 0, 0, 0};
	return (*n)++;
}

static void generated_table(struct mu_fc_table *t, const struct mu_scenario *sc, size_t n_draws)
{
	struct gen_key *keys = NULL;
	size_t n_keys = 0, i, k, j;
	long first = sc->shifts[0].day;
	mu_forecast_table_init(t);
	for (i = 1; i < sc->n_shifts; i++)
		first = sc->shifts[i].day < first ? sc->shifts[i].day : first;
	t->history_file = mu_strdup("history.csv");
	t->history_first_day = first - 400;
	t->history_last_day = first - 1;
	t->n_history_rows = 40000;
	t->quantile = 0.5;
	t->seed = 1;
	t->check_seed = 2;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		k = key_of(&keys, &n_keys, d->partner, d->role, sc->shifts[d->shift].start_min,
		           MU_FCQ_REQUIRED);
		keys[k].n_ahead++;
		keys[k].level += d->required;
	}
	for (i = 0; i < sc->n_staff; i++) {
		const struct mu_staff *f = &sc->staff[i];
		k = key_of(&keys, &n_keys, f->partner, f->role, sc->shifts[f->shift].start_min,
		           MU_FCQ_ABSENT);
		keys[k].n_ahead++;
		keys[k].level += 0.08 * (double)f->available;
	}
	for (k = 0; k < n_keys; k++) {
		double u = uniform(), level = keys[k].level / (double)keys[k].n_ahead;
		bool is_none = u < 0.05, is_short = !is_none && u < 0.15;
		struct mu_fc_series *s =
		    mu_forecast_table_add_series(t, is_none ? 0 : 56, keys[k].n_ahead);
		s->partner = keys[k].partner;
		s->role = keys[k].role;
		s->start = keys[k].start;
		s->quantity = keys[k].q;
		s->method = is_none ? MU_FCT_NO_HISTORY : (enum mu_fc_table_method)below(4);
		s->is_backtested = !is_none && !is_short;
		s->n_records = is_none ? 0 : is_short ? 10 + below(60) : 300 + below(100);
		if (s->is_backtested) {
			s->mase = 0.55 + 0.6 * uniform();
			s->coverage80 = 0.6 + 0.35 * uniform();
		}
		for (j = 0; j < s->n_past; j++) {
			long day = first - 56 + (long)j;
			double weekend = (((day - 4) % 7) + 7) % 7 >= 5 ? 0.85 : 1;
			s->past_day[j] = day;
			s->past_value[j] = uniform() < 0.03
			                       ? NAN
			                       : fmax(0, level * weekend + (uniform() - 0.5) * 3);
		}
		keys[k].series = k;
	}
	for (i = 0; i < sc->n_demand + sc->n_staff; i++) {
		bool is_req = i < sc->n_demand;
		size_t row = is_req ? i : i - sc->n_demand;
		size_t p = is_req ? sc->demand[row].partner : sc->staff[row].partner;
		size_t r = is_req ? sc->demand[row].role : sc->staff[row].role;
		size_t sh = is_req ? sc->demand[row].shift : sc->staff[row].shift;
		struct mu_fc_row *o;
		struct mu_fc_series *s;
		double mean, w = 0.1 + 0.1 * uniform();
		k = key_of(&keys, &n_keys, p, r, sc->shifts[sh].start_min,
		           is_req ? MU_FCQ_REQUIRED : MU_FCQ_ABSENT);
		s = &t->series[keys[k].series];
		mean = is_req ? sc->demand[row].required * (0.9 + 0.2 * uniform())
		              : 0.08 * (double)sc->staff[row].available * (0.5 + uniform());
		if (s->method == MU_FCT_NO_HISTORY)
			mean = is_req ? sc->demand[row].required : 0;
		o = mu_forecast_table_add_row(t);
		o->quantity = is_req ? MU_FCQ_REQUIRED : MU_FCQ_ABSENT;
		o->row = row;
		o->partner = p, o->role = r, o->shift = sh, o->series = keys[k].series;
		o->mean = mean;
		o->p50 = mean * (1 - w / 4);
		/* every tenth series backtested has no spread (p10 = p90) */
		o->p10 =
		    s->method == MU_FCT_NO_HISTORY || (s->is_backtested && keys[k].series % 10 == 3)
		        ? mean
		        : mean * (1 - 2 * w);
		o->p90 =
		    s->method == MU_FCT_NO_HISTORY || (s->is_backtested && keys[k].series % 10 == 3)
		        ? mean
		        : mean * (1 + 2 * w) + 0.5;
		o->at_q = o->p50;
		j = keys[k].next++;
		s->ahead_day[j] = sc->shifts[sh].day;
		s->ahead_mean[j] = o->mean;
		s->ahead_p10[j] = o->p10;
		s->ahead_p90[j] = o->p90;
	}
	mu_forecast_table_alloc_draws(t, n_draws);
	for (i = 0; i < n_draws * t->n_rows; i++) {
		const struct mu_fc_row *o = &t->rows[i % t->n_rows];
		if (t->series[o->series].method == MU_FCT_NO_HISTORY)
			continue;
		t->draws[i] = fmax(0, o->mean + (o->p90 - o->p10) * (uniform() - 0.5));
		t->check_draws[i] = fmax(0, o->mean + (o->p90 - o->p10) * (uniform() - 0.5));
		if (o->quantity == MU_FCQ_ABSENT) {
			t->draws[i] = round(t->draws[i]);
			t->check_draws[i] = round(t->check_draws[i]);
		}
	}
	free(keys);
}

/* --- the CSV files */

static char *out_file(const char *dir, const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return tu_slurp(path);
}

static void test_io_forecast_csv_has_its_columns_and_values(void **state)
{
	struct mu_scenario *sc = small_scenario("small");
	struct mu_fc_table t;
	struct mu_err err = {0};
	char dir[512];
	char *text;
	(void)state;
	small_table(&t, sc);
	tu_path(dir, sizeof(dir), "csv");
	assert_int_equal(io_report_write_forecast(dir, sc, &t, &err), MU_OK);
	text = out_file(dir, "forecast.csv");
	assert_string_equal(
	    text, "partner,role,shift,quantity,method,mean,p10,p50,p90,mase,coverage80\n"
	          "'-acute,rn,mon-e,required,holt_winters,5.25,4.00,5.20,6.50,0.770,0.620\n"
	          "'-acute,rn,mon-n,required,profile_trend,3.10,2.00,3.00,4.44,,\n"
	          "'-acute,rn,tue-e,required,holt_winters,5.50,4.25,5.40,7.00,0.770,0.620\n"
	          "hospice,hca,mon-e,required,no_history,2.00,2.00,2.00,2.00,,\n"
	          "'-acute,rn,mon-e,absent,seasonal_naive,1.40,0.00,1.00,3.00,1.200,0.950\n"
	          "'-acute,rn,tue-e,absent,seasonal_naive,1.20,0.00,1.00,3.00,1.200,0.950\n"
	          "hospice,hca,mon-n,absent,no_history,0.00,0.00,0.00,0.00,,\n");
	free(text);
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
}

static void test_io_forecast_draws_are_one_line_per_key(void **state)
{
	struct mu_scenario *sc = small_scenario("small");
	struct mu_fc_table t;
	struct mu_err err = {0};
	struct io_csv_table *csv;
	char dir[512], path[1024], why[256];
	size_t i;
	(void)state;
	small_table(&t, sc);
	tu_path(dir, sizeof(dir), "draws");
	assert_int_equal(
	    io_report_write_forecast_draws(dir, "scenarios.csv", sc, &t, t.draws, &err), MU_OK);
	snprintf(path, sizeof(path), "%s/scenarios.csv", dir);
	csv = tu_csv_read(path, why, sizeof(why));
	assert_non_null(csv);
	/* keys: (-acute rn mon-e) required and absent, mon-n, tue-e (both),
	 * hospice hca mon-e required, hospice hca mon-n absent: 5 a draw */
	assert_int_equal(csv->n_rows, 1 + 3 * 5);
	for (i = 0; i < 3; i++) {
		size_t at = 1 + i * 5;
		char want[16];
		snprintf(want, sizeof(want), "%zu", i + 1);
		assert_string_equal(tu_csv_cell_named(csv, at, "scenario"), want);
		/* ids as they are: solve reads this file back */
		assert_string_equal(tu_csv_cell_named(csv, at, "partner"), "-acute");
		assert_string_equal(tu_csv_cell_named(csv, at, "shift"), "mon-e");
		assert_string_equal(tu_csv_cell_named(csv, at + 1, "shift"), "mon-n");
		assert_string_equal(tu_csv_cell_named(csv, at + 1, "absent"), "");
		assert_string_equal(tu_csv_cell_named(csv, at + 3, "partner"), "hospice");
		/* no history: not drawn, empty */
		assert_string_equal(tu_csv_cell_named(csv, at + 3, "required"), "");
		assert_string_equal(tu_csv_cell_named(csv, at + 4, "shift"), "mon-n");
		assert_string_equal(tu_csv_cell_named(csv, at + 4, "required"), "");
		assert_string_equal(tu_csv_cell_named(csv, at + 4, "absent"), "");
	}
	assert_string_equal(tu_csv_cell_named(csv, 1, "required"), "0.00");
	/* draw 2 of row 4 (-acute rn mon-e absent): 1.4 + (11 % 5) 0.37 - 0.5 */
	assert_string_equal(tu_csv_cell_named(csv, 6, "absent"), "1");
	{
		char want[32];
		snprintf(want, sizeof(want), "%.2f", 3.1 + (double)(8 % 5) * 0.37 - 0.5);
		assert_string_equal(tu_csv_cell_named(csv, 7, "required"), want);
	}
	io_csv_table_free(csv);
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
}

static void test_io_forecast_same_result_gives_the_same_bytes(void **state)
{
	static const char *const files[] = {"forecast.csv", "demand.csv", "scenarios.csv",
	                                    "check-scenarios.csv"};
	struct mu_scenario *sc = tu_load_example();
	struct mu_fc_table a, b;
	struct mu_err err = {0};
	char da[512], db[512];
	size_t i;
	(void)state;
	rng = 12345;
	generated_table(&a, sc, 20);
	rng = 12345;
	generated_table(&b, sc, 20);
	tu_path(da, sizeof(da), "same-a");
	tu_path(db, sizeof(db), "same-b");
	mkdir(da, 0777);
	mkdir(db, 0777);
	assert_int_equal(io_outputs_write_forecast(da, sc, "example", &a, &err), MU_OK);
	assert_int_equal(io_outputs_write_forecast(db, sc, "example", &b, &err), MU_OK);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *x = out_file(da, files[i]), *y = out_file(db, files[i]);
		assert_string_equal(x, y);
		free(x);
		free(y);
	}
	{
		char *x = out_file(da, "scenarios.csv"), *y = out_file(da, "check-scenarios.csv");
		assert_true(strcmp(x, y) != 0); /* another seed, other draws */
		free(x);
		free(y);
	}
	mu_forecast_table_release(&a);
	mu_forecast_table_release(&b);
	mu_scenario_free(sc);
}

static void test_io_forecast_folder_is_whole_and_staged(void **state)
{
	static const char *const files[] = {"forecast.csv", "demand.csv", "scenarios.csv",
	                                    "check-scenarios.csv", "report.html"};
	struct mu_scenario *sc = small_scenario("small");
	struct mu_fc_table t;
	struct mu_err err = {0};
	char dir[512], path[1024];
	struct stat st;
	DIR *d;
	struct dirent *e;
	size_t i;
	(void)state;
	small_table(&t, sc);
	tu_path(dir, sizeof(dir), "folder");
	mkdir(dir, 0777);
	/* an older file of the same name is replaced */
	snprintf(path, sizeof(path), "%s/forecast.csv", dir);
	tu_write(path, "old\n", 4);
	assert_int_equal(io_outputs_write_forecast(dir, sc, "small", &t, &err), MU_OK);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		assert_int_equal(stat(path, &st), 0);
		assert_true(st.st_size > 10);
	}
	/* nothing of the staging folder is left beside it */
	d = opendir(tu_dir());
	assert_non_null(d);
	while ((e = readdir(d)))
		assert_null(strstr(e->d_name, ".muster-"));
	closedir(d);
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
}

static void test_io_forecast_folder_that_cannot_be_written_leaves_nothing(void **state)
{
	struct mu_scenario *sc = small_scenario("small");
	struct mu_fc_table t;
	struct mu_err err = {0};
	char dir[512], path[1024];
	DIR *d;
	struct dirent *e;
	(void)state;
	small_table(&t, sc);
	/* --out names a file, not a folder: the files are staged beside it
	 * and cannot be moved in */
	tu_path(dir, sizeof(dir), "not-a-folder");
	tu_write(dir, "x\n", 2);
	assert_int_equal(io_outputs_write_forecast(dir, sc, "small", &t, &err), MU_E_IO);
	assert_non_null(strstr(err.msg, "not-a-folder"));
	snprintf(path, sizeof(path), "%s/forecast.csv", dir);
	assert_null(tu_read(path, NULL));
	d = opendir(tu_dir());
	assert_non_null(d);
	while ((e = readdir(d)))
		assert_null(strstr(e->d_name, ".muster-"));
	closedir(d);
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
}

/* Copies every .csv of the folder from into the folder to. */
static void copy_csvs(const char *from, const char *to)
{
	DIR *d = opendir(from);
	struct dirent *e;
	char a[1024], b[1024];
	assert_non_null(d);
	mkdir(to, 0777);
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char *data;
		size_t len;
		if (n < 4 || strcmp(e->d_name + n - 4, ".csv") != 0)
			continue;
		snprintf(a, sizeof(a), "%s/%s", from, e->d_name);
		snprintf(b, sizeof(b), "%s/%s", to, e->d_name);
		data = tu_read(a, &len);
		assert_non_null(data);
		tu_write(b, data, len);
		free(data);
	}
	closedir(d);
}

/* The demand.csv written from t, swapped into a copy of the folder from,
 * read back by muster: every row the written required (at_q to two
 * decimals, or the scenario's own), minimum the scenario's at most that,
 * priority the scenario's. */
static void check_round_trip(const struct mu_scenario *sc, const struct mu_fc_table *t,
                             const char *from, const char *name)
{
	char dir[512], out[512];
	struct mu_err err = {0};
	struct mu_scenario *back;
	size_t i, j;
	tu_path(dir, sizeof(dir), name);
	copy_csvs(from, dir);
	tu_path(out, sizeof(out), "demand-out");
	assert_int_equal(io_report_write_forecast_demand(out, sc, t, &err), MU_OK);
	{
		char path[1024];
		char *data = out_file(out, "demand.csv");
		snprintf(path, sizeof(path), "%s/demand.csv", dir);
		tu_write(path, data, strlen(data));
		free(data);
	}
	back = tu_load_dir(dir);
	assert_int_equal(back->n_demand, sc->n_demand);
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *a = &sc->demand[i], *b = &back->demand[i];
		double want = a->required;
		for (j = 0; j < t->n_rows; j++)
			if (t->rows[j].quantity == MU_FCQ_REQUIRED && t->rows[j].row == i &&
			    !isnan(t->rows[j].at_q))
				want = round(fmax(0, t->rows[j].at_q) * 100) / 100;
		assert_int_equal(b->partner, a->partner);
		assert_int_equal(b->role, a->role);
		assert_int_equal(b->shift, a->shift);
		assert_true(fabs(b->required - want) < 0.0051);
		assert_true(b->minimum <= b->required);
		assert_true(b->minimum == a->minimum ||
		            (a->minimum > b->required && b->minimum == b->required));
		assert_true(b->priority == a->priority);
	}
	mu_scenario_free(back);
}

static void test_io_forecast_demand_reads_back(void **state)
{
	struct mu_scenario *sc = small_scenario("small");
	struct mu_fc_table t;
	char from[512];
	(void)state;
	small_table(&t, sc);
	tu_path(from, sizeof(from), "small");
	check_round_trip(sc, &t, from, "small-back");
	{
		char *text;
		char out[512];
		tu_path(out, sizeof(out), "demand-out");
		text = out_file(out, "demand.csv");
		/* the minimum above the forecast lowered to it; NAN at_q: the
		 * scenario's own; ids as they are */
		assert_string_equal(text, "partner,role,shift,required,minimum,priority\n"
		                          "-acute,rn,mon-e,5.20,4,1\n"
		                          "-acute,rn,mon-n,2.20,2.20,1.5\n"
		                          "-acute,rn,tue-e,6.13,4,1\n"
		                          "hospice,hca,mon-e,2,1,0.125\n");
		free(text);
	}
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
	/* no row for a demand row: the scenario's own, exactly */
	sc = small_scenario("small");
	mu_forecast_table_init(&t);
	check_round_trip(sc, &t, from, "small-none");
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
	/* the example, forecast up and down */
	sc = tu_load_example();
	rng = 99;
	generated_table(&t, sc, 2);
	check_round_trip(sc, &t, getenv("MUSTER_EXAMPLE_DIR"), "example-back");
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
}

/* --- the sentences, read back against the numbers */

#define N_GEN_PARTNERS 3
static struct mu_partner gen_partners[N_GEN_PARTNERS] = {
    {.id = "a", .name = "Acute Trust"},
    {.id = "b", .name = "Homecare, Ltd"},
    {.id = "c", .name = "St Hospice"},
};
static struct mu_role gen_roles[2] = {{.id = "rn", .name = "Band 5 nurse"},
                                      {.id = "hca", .name = "Care assistant"}};
static const struct mu_scenario gen_scenario = {
    .partners = gen_partners, .n_partners = N_GEN_PARTNERS, .roles = gen_roles, .n_roles = 2};

/* A MASE that is often near 1 and near the half percent either side. */
static double gen_mase(void)
{
	double u = uniform();
	if (u < 0.1)
		return 1 + (uniform() - 0.5) * 0.02;
	if (u < 0.2)
		return (uniform() < 0.5 ? 0.995 : 1.005) + (uniform() - 0.5) * 1e-6;
	if (u < 0.25)
		return NAN;
	return 0.3 + 1.2 * uniform();
}

/* A coverage often near the edges of "about right". */
static double gen_coverage(void)
{
	double u = uniform();
	static const double edges[] = {0.695, 0.705, 0.895, 0.905, 0.7, 0.9};
	if (u < 0.3)
		return edges[below(6)] + (uniform() - 0.5) * 1e-6;
	if (u < 0.35)
		return NAN;
	return uniform();
}

static void gen_series_table(struct mu_fc_table *t)
{
	size_t n = 1 + below(14), k;
	mu_forecast_table_init(t);
	for (k = 0; k < n; k++) {
		struct mu_fc_series *s = mu_forecast_table_add_series(t, 0, 0);
		double u = uniform();
		s->partner = below(N_GEN_PARTNERS);
		s->role = below(2);
		s->start = (int)below(24) * 60 + (int)below(2) * 30;
		s->quantity = (enum mu_fc_quantity)below(2);
		if (u < 0.1) {
			s->method = MU_FCT_NO_HISTORY;
		} else {
			s->method = (enum mu_fc_table_method)below(4);
			s->n_records = below(2000);
			s->is_backtested = u > 0.25;
			if (s->is_backtested) {
				s->mase = gen_mase();
				s->coverage80 = gen_coverage();
			}
		}
	}
}

/* The number right after key in text (NAN when key is not there). */
static double number_after(const char *text, const char *key)
{
	const char *at = strstr(text, key);
	return at ? strtod(at + strlen(key), NULL) : NAN;
}

/* What the numbers say, worked out here again: better by at least half a
 * percent, worse, or neither. */
static int expected_direction(double mase)
{
	double off = 100 * (mase - 1);
	return off <= -0.5 ? -1 : off >= 0.5 ? 1 : 0;
}

static void check_series_sentence(const char *text, const struct mu_fc_series *s, bool is_short)
{
	char name[512], start[32];
	struct mu_buf nb;
	mu_buf_init(&nb);
	io_say_forecast_name(&nb, &gen_scenario, s);
	snprintf(start, sizeof(start), "%02d:%02d", s->start / 60, s->start % 60);
	assert_non_null(strstr(nb.data, gen_partners[s->partner].name));
	assert_non_null(strstr(nb.data, gen_roles[s->role].name));
	assert_non_null(strstr(nb.data, start));
	if (is_short)
		snprintf(name, sizeof(name), "%s (%s): ", start,
		         s->quantity == MU_FCQ_ABSENT ? "absence" : "staff needed");
	else
		snprintf(name, sizeof(name), "%s: ", nb.data);
	mu_buf_release(&nb);
	assert_memory_equal(text, name, strlen(name));
	assert_non_null(strchr(text, '\n'));
	assert_true(strchr(text, '\n')[1] == '\0'); /* one line */
	if (s->method == MU_FCT_NO_HISTORY) {
		assert_non_null(strstr(text, "no history"));
		assert_non_null(strstr(text, s->quantity == MU_FCQ_ABSENT ? "no absence (0)"
		                                                          : "demand.csv's own"));
		assert_null(strstr(text, "MASE"));
		return;
	}
	if (!s->is_backtested) {
		char want[64];
		snprintf(want, sizeof(want), "%zu day%s of history, too few to backtest",
		         s->n_records, s->n_records == 1 ? "" : "s");
		assert_non_null(strstr(text, want));
		assert_non_null(strstr(text, "untested"));
		assert_null(strstr(text, "MASE"));
		assert_null(strstr(text, "held"));
		return;
	}
	if (isnan(s->mase)) {
		assert_non_null(strstr(text, "exact on every backtest day"));
		assert_null(strstr(text, "(MASE"));
	} else {
		double shown = number_after(text, "(MASE ");
		int dir = expected_direction(s->mase);
		assert_false(isnan(shown));
		assert_true(fabs(shown - s->mase) <= 0.005 + 1e-9);
		if (dir < 0) {
			const char *at = strstr(text, "% better than repeating");
			double by;
			assert_non_null(at);
			while (at > text && at[-1] != ' ')
				at--;
			by = strtod(at, NULL);
			assert_true(by >= 1);
			assert_true(fabs(by - 100 * (1 - s->mase)) <= 0.5 + 1e-9);
			assert_non_null(strstr(text, "A sound guide"));
		} else if (dir > 0) {
			const char *at = strstr(text, "% worse than repeating");
			double by;
			assert_non_null(at);
			while (at > text && at[-1] != ' ')
				at--;
			by = strtod(at, NULL);
			assert_true(by >= 1);
			assert_true(fabs(by - 100 * (s->mase - 1)) <= 0.5 + 1e-9);
			assert_non_null(strstr(text, "Weak"));
		} else {
			assert_non_null(strstr(text, ": no better than repeating"));
			assert_null(strstr(text, "% better"));
			assert_null(strstr(text, "worse"));
		}
	}
	if (isnan(s->coverage80)) {
		assert_non_null(strstr(text, "could not be checked"));
	} else {
		double c;
		if (io_say_forecast_is_flat(s)) {
			c = number_after(text, "which held on ");
			assert_true(fabs(c - 100 * s->coverage80) <= 0.5 + 1e-9);
			assert_non_null(strstr(text, "its forecast has no spread"));
			assert_null(strstr(text, "too wide"));
			assert_null(strstr(text, "too narrow"));
			assert_null(strstr(text, "about right"));
			return;
		}
		c = number_after(text, "interval held ");
		assert_true(fabs(c - 100 * s->coverage80) <= 0.5 + 1e-9);
		assert_true((strstr(text, "too narrow") != NULL) == (c < 70));
		assert_true((strstr(text, "too wide") != NULL) == (c > 90));
		assert_true((strstr(text, "about right") != NULL) == (c >= 70 && c <= 90));
		if (!isnan(s->mase) && expected_direction(s->mase) < 0)
			assert_true((strstr(text, "allow for more spread") != NULL) == (c < 70));
	}
}

static double median_of(double *v, size_t n)
{
	size_t i, j;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--) {
			double x = v[j];
			v[j] = v[j - 1];
			v[j - 1] = x;
		}
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The list of names after key: each of the first 5 series of want (a
 * predicate's result per series) named in order, "and N more" for the
 * rest. */
static void check_named(const char *text, const char *key, const struct mu_fc_table *t,
                        const bool *want, size_t n)
{
	const char *at = strstr(text, key), *end;
	size_t k, said = 0;
	if (n == 0) {
		assert_null(at);
		return;
	}
	assert_non_null(at);
	end = strchr(at, '\n');
	assert_non_null(end);
	at += strlen(key);
	for (k = 0; k < t->n_series && said < 5; k++) {
		struct mu_buf nb;
		const char *found;
		if (!want[k])
			continue;
		mu_buf_init(&nb);
		io_say_forecast_name(&nb, &gen_scenario, &t->series[k]);
		found = strstr(at, nb.data);
		assert_non_null(found);
		assert_true(found < end);
		at = found + nb.len;
		mu_buf_release(&nb);
		said++;
	}
	if (n > 5) {
		char more[64];
		snprintf(more, sizeof(more), " and %zu more.", n - 5);
		assert_memory_equal(at, more, strlen(more));
	} else {
		assert_true(at[0] == '.' && at + 1 == end);
	}
}

static void check_overall(const char *text, const struct mu_fc_table *t)
{
	size_t k, n_tested = 0, n_mase = 0, dirs[3] = {0}, widths[3] = {0}, n_short = 0, n_none = 0;
	size_t n_flat = 0;
	double *mase = mu_malloc((t->n_series + 1) * sizeof(double));
	bool *is_short = mu_calloc(t->n_series + 1, sizeof(bool));
	bool *is_none = mu_calloc(t->n_series + 1, sizeof(bool));
	char want[256];
	for (k = 0; k < t->n_series; k++) {
		const struct mu_fc_series *s = &t->series[k];
		if (s->method == MU_FCT_NO_HISTORY) {
			is_none[k] = true;
			n_none++;
			continue;
		}
		if (!s->is_backtested) {
			is_short[k] = true;
			n_short++;
			continue;
		}
		n_tested++;
		if (!isnan(s->mase)) {
			mase[n_mase++] = s->mase;
			dirs[expected_direction(s->mase) + 1]++;
		}
		if (!isnan(s->coverage80) && io_say_forecast_is_flat(s)) {
			n_flat++;
		} else if (!isnan(s->coverage80)) {
			double c = round(100 * s->coverage80);
			widths[c < 70 ? 0 : c > 90 ? 2 : 1]++;
		}
	}
	snprintf(want, sizeof(want), "%zu series forecast, %zu of them backtested", t->n_series,
	         n_tested);
	assert_memory_equal(text, want, strlen(want));
	if (n_mase > 0) {
		double med = median_of(mase, n_mase);
		snprintf(want, sizeof(want),
		         ": %zu beat repeating last week's same day, %zu did no better and %zu did "
		         "worse (median MASE ",
		         dirs[0], dirs[1], dirs[2]);
		assert_non_null(strstr(text, want));
		assert_true(fabs(number_after(text, "(median MASE ") - med) <= 0.005 + 1e-9);
		if (expected_direction(med) < 0)
			assert_true(fabs(number_after(text, ": a typical error ") -
			                 100 * (1 - med)) <= 0.5 + 1e-9);
		else if (expected_direction(med) > 0)
			assert_true(fabs(number_after(text, ": a typical error ") -
			                 100 * (med - 1)) <= 0.5 + 1e-9);
		else
			assert_null(strstr(text, "a typical error"));
	} else {
		assert_null(strstr(text, "MASE"));
	}
	if (n_tested - n_mase > 0) {
		snprintf(want, sizeof(want), "in %zu, last week's same day was exact",
		         n_tested - n_mase);
		assert_non_null(strstr(text, want));
	}
	if (widths[0] + widths[1] + widths[2] > 0) {
		snprintf(want, sizeof(want),
		         "of the backtest's days) in %zu series, were too narrow in %zu and too "
		         "wide in %zu.\n",
		         widths[1], widths[0], widths[2]);
		assert_non_null(strstr(text, want));
	} else {
		assert_null(strstr(text, "intervals held"));
	}
	if (n_flat > 0) {
		snprintf(want, sizeof(want), "%zu series %s forecast with no spread", n_flat,
		         n_flat == 1 ? "is" : "are");
		assert_non_null(strstr(text, want));
	} else {
		assert_null(strstr(text, "forecast with no spread"));
	}
	snprintf(want, sizeof(want),
	         "Too little history to backtest, %zu series (a rough guide only): ", n_short);
	check_named(text, want, t, is_short, n_short);
	snprintf(want, sizeof(want),
	         "No history, %zu series (the scenario's own figures kept, no spread): ", n_none);
	check_named(text, want, t, is_none, n_none);
	free(mase);
	free(is_short);
	free(is_none);
}

static void test_io_forecast_sentences_are_true_of_their_numbers(void **state)
{
	size_t run, k;
	(void)state;
	rng = 4242;
	for (run = 0; run < 4000; run++) {
		struct mu_fc_table t;
		struct mu_buf b;
		gen_series_table(&t);
		for (k = 0; k < t.n_series; k++) {
			mu_buf_init(&b);
			io_say_forecast_series(&b, &gen_scenario, &t, k, false);
			check_series_sentence(b.data, &t.series[k], false);
			mu_buf_release(&b);
			mu_buf_init(&b);
			io_say_forecast_series(&b, &gen_scenario, &t, k, true);
			check_series_sentence(b.data, &t.series[k], true);
			mu_buf_release(&b);
		}
		mu_buf_init(&b);
		io_say_forecast(&b, &gen_scenario, &t);
		check_overall(b.data, &t);
		mu_buf_release(&b);
		mu_forecast_table_release(&t);
	}
}

static void test_io_forecast_sentence_example(void **state)
{
	struct mu_scenario *sc = small_scenario("small");
	struct mu_fc_table t;
	struct mu_buf b;
	(void)state;
	small_table(&t, sc);
	mu_buf_init(&b);
	io_say_forecast_series(&b, sc, &t, 0, false);
	assert_string_equal(b.data, "<b>Acute & \"North\"</b>, Nurse <RN>, 07:00 (staff needed): "
	                            "forecast by exponential smoothing by weekday: 23% better than "
	                            "repeating last week's same day (MASE 0.77); its 80% interval "
	                            "held 62% of "
	                            "the backtest's days, too narrow. A sound guide to the level, "
	                            "but allow for more spread than the interval shows.\n");
	mu_buf_release(&b);
	mu_buf_init(&b);
	io_say_forecast(&b, sc, &t);
	assert_string_equal(
	    b.data,
	    "5 series forecast, 2 of them backtested: 1 beat repeating last week's same day, 0 did "
	    "no better and 1 did worse (median MASE 0.98: a typical error 2% smaller than last "
	    "week's).\n"
	    "The 80% intervals held about right (70% to 90% of the backtest's days) in 0 series, "
	    "were too narrow in 1 and too wide in 1.\n"
	    "Too little history to backtest, 1 series (a rough guide only): <b>Acute & "
	    "\"North\"</b>, Nurse <RN>, 19:00 (staff needed).\n"
	    "No history, 2 series (the scenario's own figures kept, no spread): St Hospice, Care "
	    "assistant, 07:00 (staff needed) and St Hospice, Care assistant, 19:00 (absence).\n");
	mu_buf_release(&b);
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
}

/* --- the page */

static void test_io_forecast_page_shows_and_escapes(void **state)
{
	struct mu_scenario *sc = small_scenario("small");
	struct mu_fc_table t;
	struct mu_err err = {0};
	char dir[512];
	char *html;
	(void)state;
	small_table(&t, sc);
	tu_path(dir, sizeof(dir), "page");
	assert_int_equal(io_html_write_forecast(dir, sc, "wards <2026>", &t, &err), MU_OK);
	html = out_file(dir, "report.html");
	/* the frame: the scenario and the history with its dates and rows */
	assert_non_null(strstr(html, "<b>wards &lt;2026&gt;</b>"));
	assert_non_null(strstr(html, "History past/history.csv, Thu 14 May 2026 to Sun 29 Nov "
	                             "2026, 1,234 rows"));
	assert_non_null(strstr(html, "shifts from Mon 30 Nov 2026 to Tue  1 Dec 2026"));
	/* names escaped, never raw */
	assert_null(strstr(html, "<b>Acute"));
	assert_null(strstr(html, "<RN>"));
	assert_non_null(strstr(html, "<h2>&lt;b&gt;Acute &amp; &quot;North&quot;&lt;/b&gt;</h2>"));
	assert_non_null(strstr(html, "<h3>Nurse &lt;RN&gt;</h3>"));
	/* the sentences, escaped */
	assert_non_null(strstr(html, "<li>07:00 (staff needed): forecast by exponential smoothing "
	                             "by weekday: 23% better than repeating last week&#39;s same "
	                             "day"));
	/* and the overall sentences name series in full, escaped */
	assert_non_null(strstr(html, "a rough guide only): &lt;b&gt;Acute &amp; "
	                             "&quot;North&quot;&lt;/b&gt;, Nurse &lt;RN&gt;, 19:00 (staff "
	                             "needed).</li>"));
	assert_non_null(strstr(html, "<li>5 series forecast, 2 of them backtested"));
	/* charts: -acute rn required and absent; hospice has nothing to draw */
	{
		size_t n = 0;
		const char *at = html;
		while ((at = strstr(at, "<svg")))
			n++, at++;
		assert_int_equal(n, 2);
	}
	assert_non_null(strstr(html, "forecast from 30 Nov"));
	assert_non_null(strstr(html, "aria-label=\"&lt;b&gt;Acute"));
	/* the backtest table: MASE, coverage, too narrow in red, untested a dash */
	assert_non_null(strstr(html, "<tr><td>07:00</td><td>required</td><td>holt_winters</td>"
	                             "<td>200</td><td>0.77</td><td class=\"red\">62%</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>19:00</td><td>required</td><td>profile_trend</td>"
	                             "<td>20</td><td>-</td><td>-</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>07:00</td><td>absent</td><td>seasonal_naive</td>"
	                             "<td>190</td><td>1.20</td><td>95%</td></tr>"));
	/* the backtest at a glance, a row per partner */
	assert_non_null(strstr(html,
	                       "<tr><td>&lt;b&gt;Acute &amp; &quot;North&quot;&lt;/b&gt;</td>"
	                       "<td>3</td><td>2</td><td>1</td><td>0.98</td><td>0</td>"
	                       "<td class=\"red\">1</td><td>1</td><td>1</td><td>0</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>St Hospice</td><td>2</td><td>0</td><td>0</td>"
	                             "<td>-</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td>"
	                             "</tr>"));
	assert_non_null(strstr(html, "3 joint draws (seed 7)"));
	assert_non_null(strstr(html, "3 more (seed 8)"));
	assert_non_null(strstr(html, "at the 0.5 quantile"));
	free(html);
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
}

/* `test_io_forecast --write-example DIR`: a generated forecast of the
 * example, its whole folder into DIR (made), for report_render.sh. */
static int write_example(const char *dir)
{
	struct io_source *src = io_source_example();
	struct mu_scenario *sc = NULL;
	struct mu_fc_table t;
	struct mu_err err = {0};
	int rc = 1;
	if (io_scenario_parse(src, &sc, NULL) != MU_OK) {
		fprintf(stderr, "test_io_forecast: the example does not read\n");
		io_source_free(src);
		return 1;
	}
	generated_table(&t, sc, 5);
	mkdir(dir, 0777);
	if (io_outputs_write_forecast(dir, sc, "example", &t, &err) != MU_OK)
		fprintf(stderr, "test_io_forecast: %s\n", err.msg);
	else
		rc = 0;
	mu_forecast_table_release(&t);
	mu_scenario_free(sc);
	io_source_free(src);
	return rc;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_io_forecast_csv_has_its_columns_and_values),
	    cmocka_unit_test(test_io_forecast_draws_are_one_line_per_key),
	    cmocka_unit_test(test_io_forecast_same_result_gives_the_same_bytes),
	    cmocka_unit_test(test_io_forecast_folder_is_whole_and_staged),
	    cmocka_unit_test(test_io_forecast_folder_that_cannot_be_written_leaves_nothing),
	    cmocka_unit_test(test_io_forecast_demand_reads_back),
	    cmocka_unit_test(test_io_forecast_sentences_are_true_of_their_numbers),
	    cmocka_unit_test(test_io_forecast_sentence_example),
	    cmocka_unit_test(test_io_forecast_page_shows_and_escapes),
	};
	if (argc == 3 && strcmp(argv[1], "--write-example") == 0)
		return write_example(argv[2]);
	return tu_run_tests(tests, NULL, NULL);
}
