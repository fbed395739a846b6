/*
 * cmd_sweep.c - `muster sweep SCENARIO --vary NAME=FROM:TO:STEP ...`:
 * re-solves the scenario at each value (several --vary make a grid), each
 * point warm-started from the one before, and shows cost, fill and agency
 * spend against the value: a table, sweep.csv, an SVG chart with the point
 * where extra spend stops buying fill marked, and report.html. The runs are
 * recorded together, linked to one sweep, or not at all. With --shard I/N
 * only the points k with k mod N = I - 1 are solved and recorded, for
 * `muster merge` to put together.
 */
#include "cli.h"

#include "cli_options.h"
#include "cli_run.h"
#include "cli_vary.h"
#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_keep.h"
#include "core/mu_time.h"
#include "io/io_html.h"
#include "io/io_report.h"
#include "io/io_say.h"
#include "io/io_store.h"
#include "io/io_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char cmd_sweep_help[] =
    "usage: muster sweep SCENARIO --vary NAME=FROM:TO:STEP [--vary ...] [--lp]\n"
    "                    [--silo] [--out DIR] [--db FILE] [--time-limit S]\n"
    "                    [--shard I/N] [--keep PLAN [--now WHEN]]\n"
    "\n"
    "Solves the scenario at every value from FROM to TO in steps of STEP; several\n"
    "--vary make a grid (the first is the chart's x axis). Each point starts from\n"
    "the previous point's basis. Prints cost, fill, red flags and agency spend\n"
    "per point, and where extra spend stops buying fill. All points are recorded\n"
    "as runs of one sweep, in one transaction after the last point (the database\n"
    "is opened, and checked, before the first).\n"
    "\n"
    "NAME can be:\n"
    "  a setting             shortfall_penalty, floor_penalty, min_rest_hours,\n"
    "                        allow_break_glass (0 or 1), break_glass_penalty,\n"
    "                        tier_penalty, agency_budget (the system's)\n"
    "  agency_budget.PARTNER a partner's agency budget (£)\n"
    "  agency_cap.ROLE       the role's agency cap (£/h); offers above it are\n"
    "                        break-glass\n"
    "  bank_rate.ROLE        the role's bank rate (£/h)\n"
    "  demand                all demand scaled (1 = as forecast; 1.1 = 10% more)\n"
    "  demand.PARTNER        one partner's demand scaled\n"
    "  staff.PARTNER.ROLE    that many more substantive staff of ROLE at PARTNER\n"
    "                        on every shift (recruitment; not rotatable)\n"
    "  max_per_shift.FROM.TO.ROLE  the mutual-aid places per shift of the\n"
    "                        agreement row from FROM to TO for ROLE (or *)\n"
    "\n"
    "options:\n"
    "  --vary NAME=FROM:TO:STEP  what to vary, e.g. agency_cap.nurse_b5=25:45:5\n"
    "  --lp              plan mode at every point (fast; fractional staff)\n"
    "  --silo            partners alone at every point\n"
    "  --out DIR         write sweep.csv, sweep.svg (the chart) and report.html\n"
    "  --db FILE         the run database (default: muster.db)\n"
    "  --time-limit S    seconds for each point's rota search (default: none)\n"
    "  --shard I/N       solve only part I of N: the points k (0-based, in the\n"
    "                    table's order) with k mod N = I - 1, each warm-started\n"
    "                    from the shard's previous point, and record them in --db\n"
    "                    (one database per shard); 'muster merge' then makes one\n"
    "                    sweep of the N databases, equal to one process's. Not\n"
    "                    with --out (a shard has part of the chart): 1/1 is the\n"
    "                    whole sweep\n"
    "  --keep PLAN       every point re-plans a published rota (a plan.csv or\n"
    "                    run:ID; see muster solve --help): its cost includes the\n"
    "                    change penalties of what it changes\n"
    "  --now WHEN        with --keep, YYYY-MM-DDTHH:MM: the past, fixed\n"
    "\n"
    "exit codes: 0 swept; 3 swept, but some point's plan leaves a demand row below\n"
    "its safe minimum; 2 bad usage or scenario (or --db names another program's\n"
    "database); 1 I/O, database or solver failure, or Ctrl-C: nothing is recorded\n"
    "then, except when writing DIR fails, or Ctrl-C comes, after the sweep was\n"
    "recorded - the message then says which sweep and runs are recorded.\n";

#define MAX_VARY CLI_MAX_VARY
#define MAX_POINTS 10000

struct point {
	size_t index; /* in the whole sweep */
	double values[MAX_VARY];
	struct io_run_vary vary[MAX_VARY];
	struct flow_run_stored stored;
	struct mu_plan *plan; /* the stored run's plan rows */
	struct io_sweep_point view;
};

struct sweep {
	struct cli_vary vary[MAX_VARY];
	size_t n_vary;
	size_t n_all;    /* points in the whole sweep */
	size_t n_points; /* solved here: all, or a shard's */
	struct point *points;
};

/* Parses the --vary options against sc; prints the first error. */
static int parse_vary(const struct cli_options *a, struct mu_scenario *sc, struct sweep *sw)
{
	struct mu_err err;
	size_t k, j;
	mu_err_clear(&err);
	sw->n_all = 1;
	for (k = 0; k < a->n_vary; k++) {
		if (cli_vary_parse(sc, a->vary[k], &sw->vary[k], &err) != MU_OK)
			return cli_fail(&err);
		sw->n_vary++;
		for (j = 0; j < k; j++)
			if (cli_vary_overlaps(&sw->vary[j], &sw->vary[k]))
				return cli_usage_error("sweep",
				                       "--vary %s and --vary %s set the same thing",
				                       sw->vary[j].name, sw->vary[k].name);
		sw->n_all *= sw->vary[k].n_values;
		if (sw->n_all > MAX_POINTS)
			return cli_usage_error("sweep", "more than %d points in all", MAX_POINTS);
	}
	return 0;
}

/* Puts the values of the p-th point solved here into sc: the first --vary
 * moves fastest, so that neighbouring points differ in one value and
 * warm-start well. */
static void apply_point(struct sweep *sw, struct mu_scenario *sc, size_t p)
{
	size_t k, rest = sw->points[p].index;
	for (k = 0; k < sw->n_vary; k++) {
		size_t i = rest % sw->vary[k].n_values;
		double v = cli_vary_value(&sw->vary[k], i);
		rest /= sw->vary[k].n_values;
		sw->points[p].values[k] = v;
		sw->points[p].vary[k] = (struct io_run_vary){sw->vary[k].name, v};
		cli_vary_apply(&sw->vary[k], sc, v);
	}
}

static void show_progress(const struct sweep *sw, size_t done, double seconds)
{
	const struct point *pt = &sw->points[done - 1];
	char m[MU_MONEY_SIZE];
	size_t width = 24, k, filled = width * done / sw->n_points;
	fprintf(stderr, "\r\033[K  sweep [");
	for (k = 0; k < width; k++)
		fputc(k < filled ? '#' : '-', stderr);
	fprintf(stderr, "] %zu/%zu, %.0f s; %s=%g: %s", done, sw->n_points, seconds,
	        sw->vary[0].name, pt->values[0], cli_money(m, pt->view.objective));
	fflush(stderr);
}

/* Solves every point; on success the points hold what to record. */
static enum mu_code solve_points(const struct cli_options *a, struct sweep *sw,
                                 struct mu_scenario *sc, const struct mu_keep *keep, double started,
                                 double time_read, struct mu_err *err)
{
	struct pol_warm *warm = pol_warm_new();
	bool is_tty = isatty(STDERR_FILENO);
	enum mu_code rc = MU_OK;
	size_t p;
	for (p = 0; p < sw->n_points && rc == MU_OK; p++) {
		struct point *pt = &sw->points[p];
		struct flow_run_request req;
		struct flow_run run;
		apply_point(sw, sc, p);
		memset(&req, 0, sizeof(req));
		req.command = "sweep";
		req.is_lp = a->is_lp;
		req.is_silo = a->is_silo;
		req.time_limit = a->time_limit;
		req.hooks.stop = cli_run_stop_flag();
		req.warm = warm;
		req.keep = keep;
		req.started = p == 0 ? started : mu_time_now();
		req.time_read = p == 0 ? time_read : 0;
		if ((rc = flow_run_solve(sc, &req, &run, err)) == MU_OK) {
			flow_run_describe(sc, &req, &run, &pt->stored);
			pt->stored.r.vary = pt->vary;
			pt->stored.r.n_vary = sw->n_vary;
			pt->plan = run.solved.plan; /* kept: the stored run borrows its rows */
			run.solved.plan = NULL;
			pt->view.values = pt->values;
			pt->view.status = run.solved.status;
			pt->view.objective = run.solved.objective;
			pt->view.has_gap = pt->stored.r.has_gap;
			pt->view.gap = run.solved.gap;
			pt->view.system = pt->plan->system;
			if (is_tty)
				show_progress(sw, p + 1, mu_time_now() - started);
		}
		flow_run_release(&run);
	}
	if (is_tty)
		fputs("\r\033[K", stderr);
	pol_warm_free(warm);
	return rc;
}

/* Records every point as a run of one sweep, in one transaction. MU_E_SOLVER
 * when Ctrl-C came during the commit: the sweep is recorded then, and the
 * message says so. */
static enum mu_code record(const struct cli_options *a, const struct io_source *src,
                           struct io_store *st, struct sweep *sw, int64_t *sweep_id,
                           struct mu_err *err)
{
	struct io_run *runs = mu_malloc(sw->n_points * sizeof(*runs));
	int64_t *ids = mu_malloc(sw->n_points * sizeof(*ids));
	size_t *points = mu_malloc(sw->n_points * sizeof(*points));
	struct mu_buf key;
	char shard[64], hash[65];
	struct mu_buf spec;
	struct io_sweep s;
	enum mu_code rc;
	size_t p, k;
	mu_buf_init(&spec);
	mu_buf_init(&key);
	for (k = 0; k < a->n_vary; k++)
		mu_buf_addf(&spec, "%s--vary %s", k ? " " : "", a->vary[k]);
	for (p = 0; p < sw->n_points; p++) {
		runs[p] = sw->points[p].stored.r;
		points[p] = sw->points[p].index;
	}
	s = (struct io_sweep){.mode = a->is_lp ? "plan" : "rota",
	                      .is_silo = a->is_silo,
	                      .vary = spec.data,
	                      .runs = runs,
	                      .n_runs = sw->n_points,
	                      .points = points,
	                      .n_points = sw->n_all};
	if (a->n_shards) {
		/* what the shards of one sweep share, and two different sweeps
		 * do not: see io_store_merge */
		io_source_hash(src, hash);
		snprintf(shard, sizeof(shard), "%lu/%lu", a->shard, a->n_shards);
		mu_buf_addf(&key,
		            "scenario %s, %s mode%s, %s, %zu points, %lu shards, time limit %.17g",
		            hash, s.mode, a->is_silo ? " silo" : "", spec.data, sw->n_all,
		            a->n_shards, a->time_limit);
		s.shard = shard;
		s.shard_key = key.data;
	}
	if (cli_run_is_interrupted())
		rc = mu_err_set(err, MU_E_SOLVER, "interrupted; no run was recorded");
	else
		rc = io_store_add_sweep(st, src, &s, sweep_id, ids, err);
	if (rc == MU_OK)
		for (p = 0; p < sw->n_points; p++)
			sw->points[p].view.run_id = ids[p];
	/* the store checks the flag just before COMMIT: set now, it came
	 * during the commit, which it could not stop */
	if (rc == MU_OK && cli_run_is_interrupted())
		rc = mu_err_set(
		    err, MU_E_SOLVER,
		    "interrupted after sweep %lld (runs %lld to %lld) was recorded in %s",
		    (long long)*sweep_id, (long long)ids[0], (long long)ids[sw->n_points - 1],
		    a->db);
	mu_buf_release(&spec);
	mu_buf_release(&key);
	free(points);
	free(runs);
	free(ids);
	return rc;
}

/* The series of the n points from pts, for io_say. */
static struct io_say_point *series_of(const struct point *pts, size_t n)
{
	struct io_say_point *out = mu_malloc(n * sizeof(*out));
	size_t i;
	for (i = 0; i < n; i++)
		out[i] = (struct io_say_point){.x = pts[i].values[0],
		                               .fill = mu_totals_fill_rate(&pts[i].view.system),
		                               .spend = pts[i].view.system.spend_total,
		                               .red_flags = pts[i].view.system.n_red_flags};
	return out;
}

/* What happens along the first series (the other --vary at their FROM),
 * from its numbers. */
static void finding(const struct sweep *sw, struct mu_buf *out)
{
	size_t n = sw->vary[0].n_values, k;
	struct io_say_point *pts = series_of(sw->points, n);
	io_say_sweep(out, sw->vary[0].name, pts, n);
	for (k = 1; k < sw->n_vary; k++)
		mu_buf_addf(out, "%s%s = %g%s", k == 1 ? " (With " : ", ", sw->vary[k].name,
		            sw->points[0].values[k], k + 1 == sw->n_vary ? ".)" : "");
	free(pts);
}

/* True when some --vary sets the system's agency budget. */
static bool varies_system_budget(const struct sweep *sw)
{
	size_t k;
	for (k = 0; k < sw->n_vary; k++)
		if (sw->vary[k].kind == CLI_VARY_SETTING &&
		    sw->vary[k].setting == MU_SET_AGENCY_BUDGET)
			return true;
	return false;
}

/* The chart: cost, fill and agency spend against the first value, one
 * line per combination of the others, the knees marked. */
static void chart(const struct sweep *sw, const struct mu_scenario *sc, struct mu_buf *svg)
{
	size_t n = sw->vary[0].n_values, n_series = sw->n_points / n, s, i, k, n_marks = 0;
	double *x = mu_malloc(n * sizeof(double));
	double *y = mu_malloc(3 * sw->n_points * sizeof(double));
	double *marks = mu_malloc(n_series * sizeof(double));
	struct io_svg_series *series = mu_malloc(3 * n_series * sizeof(*series));
	char **names = mu_calloc(n_series, sizeof(char *));
	struct io_svg_panel panels[3] = {
	    {.title = "cost to the system (£)", .series = series, .n_series = n_series},
	    {.title = "fill rate",
	     .series = series + n_series,
	     .n_series = n_series,
	     .is_percent = true},
	    {.title = "agency spend (£)", .series = series + 2 * n_series, .n_series = n_series}};
	char label[160], money[MU_MONEY_SIZE], budget[200];
	/* The system's budget is a level to read the agency line against,
	 * unless a --vary moves it (then no one level is the budget). */
	if (sc->settings.has_agency_budget && !varies_system_budget(sw)) {
		snprintf(budget, sizeof(budget), "system agency budget (%s)",
		         mu_format_money(money, sc->settings.agency_budget, 0));
		panels[2].has_ref = true;
		panels[2].ref = sc->settings.agency_budget;
		panels[2].ref_label = budget;
	}
	for (i = 0; i < n; i++)
		x[i] = sw->points[i].values[0];
	for (s = 0; s < n_series; s++) {
		const struct point *pts = &sw->points[s * n];
		struct mu_buf name;
		size_t at;
		mu_buf_init(&name);
		for (k = 1; k < sw->n_vary; k++)
			mu_buf_addf(&name, "%s%s=%g", k > 1 ? ", " : "", sw->vary[k].name,
			            pts[0].values[k]);
		names[s] = mu_buf_detach(&name, NULL);
		for (i = 0; i < n; i++) {
			double fill = mu_totals_fill_rate(&pts[i].view.system);
			y[s * n + i] = pts[i].view.objective;
			y[sw->n_points + s * n + i] = fill >= 0 ? fill : NAN;
			y[2 * sw->n_points + s * n + i] = pts[i].view.system.spend[MU_SRC_AGENCY];
		}
		for (k = 0; k < 3; k++)
			series[k * n_series + s] =
			    (struct io_svg_series){names[s], y + k * sw->n_points + s * n};
		{
			struct io_say_point *line = series_of(pts, n);
			if (io_say_knee(line, n, &at))
				marks[n_marks++] = pts[at].values[0];
			free(line);
		}
	}
	io_svg_line_panels(svg, cli_vary_label(&sw->vary[0], sc, label, sizeof(label)), x, n,
	                   panels, 3, marks, n_marks, "extra spend stops buying fill");
	for (s = 0; s < n_series; s++)
		free(names[s]);
	free(names);
	free(series);
	free(marks);
	free(y);
	free(x);
}

/* The status column: "optimal", or "best found, within 0.05%" for a rota
 * search stopped by its limit (its proven gap). */
static const char *point_status(const struct point *pt, char *buf)
{
	return mu_format_status(buf, pt->view.status, pt->view.has_gap, pt->view.gap);
}

static void print_table(const struct sweep *sw)
{
	char m[2][MU_MONEY_SIZE], status[MU_STATUS_SIZE];
	size_t p, k;
	int width = (int)strlen("status"), vary_width[MAX_VARY];
	for (p = 0; p < sw->n_points; p++) {
		int n = (int)strlen(point_status(&sw->points[p], status));
		width = n > width ? n : width;
	}
	for (k = 0; k < sw->n_vary; k++) {
		vary_width[k] =
		    (int)strlen(sw->vary[k].name) > 8 ? (int)strlen(sw->vary[k].name) : 8;
		printf("%*s ", vary_width[k], sw->vary[k].name);
	}
	printf("%-*s %14s %8s %4s %13s %9s %9s\n", width, "status", "cost", "fill", "red",
	       "agency spend", "agency h", "unfilled");
	for (p = 0; p < sw->n_points; p++) {
		const struct point *pt = &sw->points[p];
		const struct mu_totals *t = &pt->view.system;
		for (k = 0; k < sw->n_vary; k++)
			printf("%*g ", vary_width[k], pt->values[k]);
		printf("%-*s %14s %7.2f%% %4zu %13s %9.0f %9.0f\n", width, point_status(pt, status),
		       cli_money(m[0], pt->view.objective), 100 * mu_totals_fill_rate(t),
		       t->n_red_flags, cli_money(m[1], t->spend[MU_SRC_AGENCY]),
		       t->hours[MU_SRC_AGENCY], t->unfilled_hours);
	}
}

static enum mu_code write_outputs(const struct cli_options *a, const struct io_source *src,
                                  const struct mu_scenario *sc, const struct sweep *sw,
                                  const char *found, struct mu_err *err)
{
	const char *names[MAX_VARY], *labels[MAX_VARY];
	char label_text[MAX_VARY][160];
	struct io_sweep_point *views = mu_malloc(sw->n_points * sizeof(*views));
	struct io_sweep_table table;
	struct mu_buf svg;
	enum mu_code rc;
	size_t k, p;
	for (k = 0; k < sw->n_vary; k++) {
		names[k] = sw->vary[k].name;
		labels[k] = cli_vary_label(&sw->vary[k], sc, label_text[k], sizeof(label_text[k]));
	}
	for (p = 0; p < sw->n_points; p++)
		views[p] = sw->points[p].view;
	table = (struct io_sweep_table){
	    names, labels, sw->n_vary, views, sw->n_points, a->is_lp ? "plan" : "rota", found};
	mu_buf_init(&svg);
	chart(sw, sc, &svg);
	if ((rc = io_report_write_sweep(a->out, &table, err)) == MU_OK &&
	    (rc = io_report_write_file(a->out, "sweep.svg", svg.data, svg.len, err)) == MU_OK)
		rc = io_html_write_sweep(a->out, sc, src->label, &table, svg.data, err);
	mu_buf_release(&svg);
	free(views);
	return rc;
}

/* Writing the outputs failed after the runs were recorded (their ids are
 * in sweep.csv, so they are recorded first): the message says what is
 * kept. */
static void say_recorded_anyway(const struct sweep *sw, int64_t sweep_id, const char *db,
                                struct mu_err *err)
{
	size_t n = strlen(err->msg);
	snprintf(err->msg + n, sizeof(err->msg) - n,
	         "; the outputs are not all written, but sweep %lld (runs %lld to %lld) is recorded"
	         " in %s",
	         (long long)sweep_id, (long long)sw->points[0].view.run_id,
	         (long long)sw->points[sw->n_points - 1].view.run_id, db);
}

static void release(struct sweep *sw)
{
	size_t k, p;
	for (p = 0; sw->points && p < sw->n_points; p++) {
		flow_run_stored_release(&sw->points[p].stored);
		mu_plan_free(sw->points[p].plan);
	}
	free(sw->points);
	for (k = 0; k < sw->n_vary; k++)
		cli_vary_release(&sw->vary[k]);
}

int cmd_sweep(int argc, char **argv)
{
	struct cli_options a;
	struct sweep sw;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct io_store *st = NULL;
	struct mu_keep *keep = NULL;
	struct mu_err err;
	double started = mu_time_now(), time_read;
	struct mu_buf found = {NULL, 0, 0}; /* made once the points are solved */
	int64_t sweep_id = 0;
	int status;
	size_t p;

	memset(&sw, 0, sizeof(sw));
	if (cli_print_help_if_asked("sweep", argc, argv))
		return 0;
	memset(&a, 0, sizeof(a));
	if ((status = cli_parse_options("sweep", argc, argv,
	                                CLI_OPT_SCENARIO | CLI_OPT_LP | CLI_OPT_SILO | CLI_OPT_OUT |
	                                    CLI_OPT_DB | CLI_OPT_TIME_LIMIT | CLI_OPT_VARY |
	                                    CLI_OPT_SHARD | CLI_OPT_KEEP,
	                                &a)) != 0)
		return status;
	if (a.n_vary == 0)
		return cli_usage_error("sweep", "nothing to vary: give --vary NAME=FROM:TO:STEP");
	if (a.n_shards && a.out)
		return cli_usage_error(
		    "sweep", "--out with --shard: a shard solves part of the sweep, not the "
		             "whole table and chart; merge the shards' databases with "
		             "'muster merge'");
	if ((status = cli_load_scenario(a.scenario, &src, &sc)) != 0)
		return status;
	time_read = mu_time_now() - started;
	/* the kept plan is read against the scenario as given: a point's
	 * edits change values, never which rows there are */
	if (a.keep &&
	    (status = cli_load_keep(a.keep, a.db, a.now != NULL, a.now_minutes, sc, &keep)) != 0)
		goto done;
	if ((status = parse_vary(&a, sc, &sw)) != 0 ||
	    (status = cli_run_store_open(a.db, &st)) != 0)
		goto done;
	if ((status = cli_prepare_out(a.out)) != 0) /* before any solving */
		goto done;
	sw.points = mu_calloc(sw.n_all, sizeof(*sw.points));
	for (p = 0; p < sw.n_all; p++)
		if (!a.n_shards || p % a.n_shards == a.shard - 1)
			sw.points[sw.n_points++].index = p;
	if (sw.n_points == 0) { /* a job array wider than the sweep */
		printf("Shard %lu/%lu of a sweep of %zu points has no point to solve; nothing is "
		       "recorded\n",
		       a.shard, a.n_shards, sw.n_all);
		status = 0;
		goto done;
	}
	if (a.n_shards)
		printf("Sweeping %s, shard %lu/%lu: %zu of %zu %s solves ...\n",
		       cli_safe(a.scenario), a.shard, a.n_shards, sw.n_points, sw.n_all,
		       a.is_lp ? "plan" : "rota");
	else
		printf("Sweeping %s: %zu %s solve%s ...\n", cli_safe(a.scenario), sw.n_points,
		       a.is_lp ? "plan" : "rota", sw.n_points == 1 ? "" : "s");
	fflush(stdout);
	mu_err_clear(&err);
	if (solve_points(&a, &sw, sc, keep, started, time_read, &err) != MU_OK ||
	    record(&a, src, st, &sw, &sweep_id, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	print_table(&sw);
	mu_buf_init(&found);
	if (a.n_shards)
		printf("\nShard %lu/%lu: %zu of the sweep's %zu points (k mod %lu = %lu); 'muster "
		       "merge' puts the shards' databases together.\n",
		       a.shard, a.n_shards, sw.n_points, sw.n_all, a.n_shards, a.shard - 1);
	else {
		finding(&sw, &found);
		printf("\n%s\n", found.data);
	}
	printf("sweep %lld recorded in %s (runs %lld to %lld) in %.1f s", (long long)sweep_id,
	       cli_safe(a.db), (long long)sw.points[0].view.run_id,
	       (long long)sw.points[sw.n_points - 1].view.run_id, mu_time_now() - started);
	if (a.out) {
		if (write_outputs(&a, src, sc, &sw, found.data, &err) != MU_OK) {
			printf("\n");
			say_recorded_anyway(&sw, sweep_id, a.db, &err);
			status = cli_fail(&err);
			goto done;
		}
		printf("; sweep.csv, sweep.svg, report.html in %s", cli_safe(a.out));
	}
	printf("\n");
	status = 0;
	for (p = 0; p < sw.n_points; p++)
		if (sw.points[p].view.system.n_red_flags > 0)
			status = 3;
done:
	io_store_close(st);
	mu_buf_release(&found);
	release(&sw);
	mu_keep_free(keep);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
