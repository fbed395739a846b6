/*
 * flow_sweep.c - solves a sweep's points one after another on one warm
 * basis, records them as one sweep (or, for a shard, its part of one) and
 * has io/ write its table, chart and page. Prints nothing: the command
 * hears of each point through the request's on_point.
 */
#include "flows/flow_sweep.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"
#include "io/io_outputs.h"
#include "io/io_say.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void flow_sweep_init(struct flow_sweep *sw, const struct flow_sweep_request *req)
{
	size_t k, p;
	memset(sw, 0, sizeof(*sw));
	sw->n_all = 1;
	for (k = 0; k < req->n_vary; k++)
		sw->n_all *= req->vary[k].n_values;
	sw->points = mu_calloc(sw->n_all, sizeof(*sw->points));
	for (p = 0; p < sw->n_all; p++)
		if (!req->n_shards || p % req->n_shards == req->shard - 1)
			sw->points[sw->n_points++].index = p;
}

/* Puts the values of the p-th point solved here into sc: the first vary
 * moves fastest. */
static void apply_point(const struct flow_sweep_request *req, struct flow_sweep *sw,
                        struct mu_scenario *sc, size_t p)
{
	struct flow_sweep_point *pt = &sw->points[p];
	size_t k, rest = pt->index;
	for (k = 0; k < req->n_vary; k++) {
		const struct flow_vary *v = &req->vary[k];
		size_t i = rest % v->n_values;
		double value = flow_vary_value(v, i);
		rest /= v->n_values;
		pt->values[k] = value;
		pt->vary[k] = (struct io_run_vary){v->name, value};
		flow_vary_apply(v, sc, value);
	}
}

/* Whether role r's rate paid shows at the point sc is at: its supply
 * answers the rate there, or a vary sets its elasticity (then at 0 it is
 * paid bank_rate, which is worth seeing beside the points above 0). */
static bool shows_rate(const struct flow_sweep_request *req, const struct mu_scenario *sc, size_t r)
{
	const struct mu_cap *cap = mu_scenario_cap(sc, r);
	size_t k;
	if (!cap || !cap->has_bank_rate)
		return false;
	if (mu_scenario_is_elastic(sc, r))
		return true;
	for (k = 0; k < req->n_vary; k++)
		if (req->vary[k].kind == FLOW_VARY_ELASTICITY && req->vary[k].role == r)
			return true;
	return false;
}

/* The §3d figures of a point's plan (io_sweep_point): the lowest and
 * highest rate paid over the (role, shift)s shows_rate, each a rate
 * row's rate or bank_rate where there is none, and the extra staff. */
static void point_supply(const struct flow_sweep_request *req, const struct mu_scenario *sc,
                         const struct mu_plan *plan, struct io_sweep_point *view)
{
	bool *is_shown = mu_calloc(sc->n_roles + 1, sizeof(bool));
	bool *has_row = mu_calloc(sc->n_roles * sc->n_shifts + 1, sizeof(bool));
	double lo = HUGE_VAL, hi = -HUGE_VAL, extra = 0;
	size_t r, s, i;
	for (r = 0; r < sc->n_roles; r++)
		is_shown[r] = shows_rate(req, sc, r);
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *row = &plan->rows[i];
		if (row->source == MU_SRC_BANK_EXTRA)
			extra += row->staff;
		if (row->source != MU_SRC_RATE || !is_shown[row->role])
			continue;
		has_row[row->role * sc->n_shifts + row->shift] = true;
		lo = fmin(lo, row->rate);
		hi = fmax(hi, row->rate);
	}
	for (r = 0; r < sc->n_roles; r++)
		for (s = 0; s < sc->n_shifts && is_shown[r]; s++)
			if (!has_row[r * sc->n_shifts + s]) {
				double w0 = mu_scenario_cap(sc, r)->bank_rate;
				lo = fmin(lo, w0);
				hi = fmax(hi, w0);
			}
	view->rate_lo = lo <= hi ? lo : NAN;
	view->rate_hi = lo <= hi ? hi : NAN;
	view->extra_staff = extra;
	free(has_row);
	free(is_shown);
}

/* The §3f figures of a point's plan (io_sweep_point): patients sent home
 * and bed-days over its discharge rows. */
static void point_flow(const struct mu_plan *plan, struct io_sweep_point *view)
{
	size_t i;
	view->discharged = view->bed_days = 0;
	for (i = 0; i < plan->n_discharges; i++) {
		view->discharged += plan->discharges[i].discharged;
		view->bed_days += plan->discharges[i].waiting;
	}
}

/* Point p as a two-stage plan on req->draws (DESIGN.md §3e): what is
 * decided now as its plan rows, the expected totals as its view. */
static enum mu_code solve_twostage_point(const struct flow_sweep_request *req,
                                         struct flow_sweep *sw, struct mu_scenario *sc, size_t p,
                                         struct mu_err *err)
{
	struct flow_sweep_point *pt = &sw->points[p];
	struct flow_twostage_request treq = {
	    .draws = req->draws,
	    .is_lp = req->is_lp,
	    .is_silo = req->is_silo,
	    .time_limit = req->time_limit,
	    .work_limit = req->work_limit,
	    .hooks = req->hooks,
	    .command = "sweep",
	    .draws_file = req->draws_file,
	    .started = p == 0 ? req->started : mu_time_now(),
	    .time_read = p == 0 ? req->time_read : 0,
	    .is_plan_only = true,
	};
	struct flow_twostage t;
	enum mu_code rc = flow_twostage_solve(sc, &treq, &t, err);
	if (rc == MU_OK) {
		pt->twostage = mu_malloc(sizeof(*pt->twostage));
		flow_twostage_describe(sc, &treq, &t, pt->twostage);
		pt->stored.r = pt->twostage->base.r;
		pt->stored.r.vary = pt->vary;
		pt->stored.r.n_vary = req->n_vary;
		pt->plan = t.solved.plan; /* kept: the stored run borrows its rows */
		t.solved.plan = NULL;
		pt->view.values = pt->values;
		pt->view.status = t.solved.status;
		pt->view.objective = t.solved.objective;
		pt->view.has_gap = pt->stored.r.has_gap;
		pt->view.gap = t.solved.gap;
		flow_twostage_expected_totals(&t, &pt->view.system);
		point_supply(req, sc, pt->plan, &pt->view);
		point_flow(pt->plan, &pt->view);
		if (req->on_point)
			req->on_point(req->hooks.ctx, sw, p + 1);
	}
	flow_twostage_release(&t);
	return rc;
}

/* Solves every point; on success the points hold what to record. */
static enum mu_code solve_points(const struct flow_sweep_request *req, struct flow_sweep *sw,
                                 struct mu_scenario *sc, struct mu_err *err)
{
	struct pol_warm *warm = pol_warm_new();
	enum mu_code rc = MU_OK;
	size_t p;
	for (p = 0; p < sw->n_points && rc == MU_OK; p++) {
		struct flow_sweep_point *pt = &sw->points[p];
		struct flow_run_request run_req;
		struct flow_run run;
		apply_point(req, sw, sc, p);
		if (req->draws) {
			rc = solve_twostage_point(req, sw, sc, p, err);
			continue;
		}
		memset(&run_req, 0, sizeof(run_req));
		run_req.command = "sweep";
		run_req.is_lp = req->is_lp;
		run_req.is_silo = req->is_silo;
		run_req.time_limit = req->time_limit;
		run_req.work_limit = req->work_limit;
		run_req.hooks = req->hooks;
		run_req.warm = warm;
		run_req.keep = req->keep;
		run_req.started = p == 0 ? req->started : mu_time_now();
		run_req.time_read = p == 0 ? req->time_read : 0;
		if ((rc = flow_run_solve(sc, &run_req, &run, err)) == MU_OK) {
			flow_run_describe(sc, &run_req, &run, &pt->stored);
			pt->stored.r.vary = pt->vary;
			pt->stored.r.n_vary = req->n_vary;
			pt->plan = run.solved.plan; /* kept: the stored run borrows its rows */
			run.solved.plan = NULL;
			pt->view.values = pt->values;
			pt->view.status = run.solved.status;
			pt->view.objective = run.solved.objective;
			pt->view.has_gap = pt->stored.r.has_gap;
			pt->view.gap = run.solved.gap;
			pt->view.system = pt->plan->system;
			point_supply(req, sc, pt->plan, &pt->view);
			point_flow(pt->plan, &pt->view);
			if (req->on_point)
				req->on_point(req->hooks.ctx, sw, p + 1);
		}
		flow_run_release(&run);
	}
	pol_warm_free(warm);
	return rc;
}

/* The shard key's last two options, --keep and --now: shards of one sweep
 * re-plan the same kept plan from the same moment, or none (io_store_merge
 * names the option in which two shards differ). The kept plan is told by
 * its assignments and staff, the same wherever its plan.csv is. */
static void shard_key_keep(struct mu_buf *key, const struct mu_keep *keep)
{
	double staff = 0;
	size_t i;
	if (!keep) {
		mu_buf_adds(key, ", --keep none, --now none");
		return;
	}
	for (i = 0; i < keep->n_rows; i++)
		staff += keep->rows[i].staff;
	mu_buf_addf(key, ", --keep a plan of %zu assignments (%.17g staff)", keep->n_rows, staff);
	if (keep->has_now) {
		time_t t = (time_t)keep->now * 60;
		struct tm tm;
		char at[32];
		gmtime_r(&t, &tm);
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M", &tm);
		mu_buf_addf(key, ", --now %s", at);
	} else {
		mu_buf_adds(key, ", --now none");
	}
}

/* Records every point as a run of one sweep, in one transaction. MU_E_SOLVER
 * when the stop came during the commit: the sweep is recorded then, and the
 * message says so. */
static enum mu_code record(const struct io_source *src, const struct flow_sweep_request *req,
                           struct flow_sweep *sw, struct mu_err *err)
{
	struct io_run *runs = mu_malloc(sw->n_points * sizeof(*runs));
	int64_t *ids = mu_malloc(sw->n_points * sizeof(*ids));
	size_t *points = mu_malloc(sw->n_points * sizeof(*points));
	char shard[64], hash[65];
	struct mu_buf key;
	struct io_sweep s;
	enum mu_code rc;
	size_t p;
	mu_buf_init(&key);
	for (p = 0; p < sw->n_points; p++) {
		runs[p] = sw->points[p].stored.r;
		points[p] = sw->points[p].index;
	}
	s = (struct io_sweep){.mode = req->is_lp ? "plan" : "rota",
	                      .is_silo = req->is_silo,
	                      .vary = req->spec,
	                      .runs = runs,
	                      .n_runs = sw->n_points,
	                      .points = points,
	                      .n_points = sw->n_all};
	if (req->n_shards) {
		/* what the shards of one sweep share, and two different sweeps
		 * do not: see io_store_merge */
		io_source_hash(src, hash);
		snprintf(shard, sizeof(shard), "%lu/%lu", req->shard, req->n_shards);
		mu_buf_addf(&key,
		            "scenario %s, %s mode%s, %s, %zu points, %lu shards, time limit %.17g",
		            hash, s.mode, req->is_silo ? " silo" : "", req->spec, sw->n_all,
		            req->n_shards, req->time_limit);
		shard_key_keep(&key, req->keep);
		if (req->work_limit > 0) /* shards of one sweep stop their searches alike */
			mu_buf_addf(&key, ", work limit %ld", req->work_limit);
		s.shard = shard;
		s.shard_key = key.data;
	}
	if (flow_is_aborted(&req->hooks))
		rc = mu_err_set(err, MU_E_SOLVER, "interrupted; no run was recorded");
	else
		rc = io_store_add_sweep(req->store, src, &s, &sw->id, ids, err);
	if (rc == MU_OK)
		for (p = 0; p < sw->n_points; p++)
			sw->points[p].view.run_id = ids[p];
	/* the store checks the flag just before COMMIT: set now, it came
	 * during the commit, which it could not stop */
	if (rc == MU_OK && flow_is_aborted(&req->hooks))
		rc = mu_err_set(
		    err, MU_E_SOLVER,
		    "interrupted after sweep %lld (runs %lld to %lld) was recorded in %s",
		    (long long)sw->id, (long long)ids[0], (long long)ids[sw->n_points - 1],
		    io_store_path(req->store));
	mu_buf_release(&key);
	free(points);
	free(runs);
	free(ids);
	return rc;
}

enum mu_code flow_sweep_solve(const struct io_source *src, struct mu_scenario *sc,
                              const struct flow_sweep_request *req, struct flow_sweep *sw,
                              struct mu_err *err)
{
	enum mu_code rc;
	size_t r, k;
	/* before the first point's values go in: the scenario as given */
	for (r = 0; r < sc->n_roles && !sw->has_supply; r++)
		sw->has_supply = mu_scenario_is_elastic(sc, r);
	for (k = 0; k < req->n_vary && !sw->has_supply; k++)
		sw->has_supply = flow_vary_is_supply(&req->vary[k]);
	sw->has_flow = sc->n_flows > 0;
	if ((rc = solve_points(req, sw, sc, err)) != MU_OK)
		return rc;
	return record(src, req, sw, err);
}

bool flow_sweep_has_red_flags(const struct flow_sweep *sw)
{
	size_t p;
	for (p = 0; p < sw->n_points; p++)
		if (sw->points[p].view.system.n_red_flags > 0)
			return true;
	return false;
}

void flow_sweep_say(struct mu_buf *b, const struct flow_sweep_request *req,
                    const struct flow_sweep *sw)
{
	size_t n = req->vary[0].n_values, i, k;
	struct io_say_point *pts = mu_malloc(n * sizeof(*pts));
	const char *names[FLOW_SWEEP_MAX_VARY];
	assert(sw->n_points == sw->n_all && sw->n_all >= n); /* a whole sweep */
	for (i = 0; i < n; i++)
		pts[i] = io_say_point_of(sw->points[i].values[0], &sw->points[i].view.system);
	for (k = 0; k < req->n_vary; k++)
		names[k] = req->vary[k].name;
	if (req->draws)
		mu_buf_addf(
		    b,
		    "Each point is a two-stage plan (DESIGN.md §3e): its figures are expected "
		    "over the %zu scenarios it was made for (the mean of each scenario's day). ",
		    req->draws->n_scenarios);
	io_say_sweep_grid(b, names, sw->points[0].values, req->n_vary, pts, n);
	if (req->vary[0].kind == FLOW_VARY_BANK_CAP)
		io_say_sweep_cap(b, names[0], pts, n);
	if (sw->has_flow) {
		double *sent_home = mu_malloc(2 * n * sizeof(double)), *bed_days = sent_home + n;
		for (i = 0; i < n; i++) {
			sent_home[i] = sw->points[i].view.discharged;
			bed_days[i] = sw->points[i].view.bed_days;
		}
		io_say_sweep_flow(b, sent_home, bed_days, n);
		free(sent_home);
	}
	free(pts);
}

/* True when some vary sets the system's agency budget. */
static bool varies_system_budget(const struct flow_sweep_request *req)
{
	size_t k;
	for (k = 0; k < req->n_vary; k++)
		if (req->vary[k].kind == FLOW_VARY_SETTING &&
		    req->vary[k].setting == MU_SET_AGENCY_BUDGET)
			return true;
	return false;
}

/* Writing the outputs failed after the runs were recorded (their ids are
 * in sweep.csv, so they are recorded first): the message says what is
 * kept. */
static void say_recorded_anyway(const struct flow_sweep_request *req, const struct flow_sweep *sw,
                                struct mu_err *err)
{
	size_t n = strlen(err->msg);
	snprintf(err->msg + n, sizeof(err->msg) - n,
	         "; the outputs are not all written, but sweep %lld (runs %lld to %lld) is recorded"
	         " in %s",
	         (long long)sw->id, (long long)sw->points[0].view.run_id,
	         (long long)sw->points[sw->n_points - 1].view.run_id, io_store_path(req->store));
}

enum mu_code flow_sweep_write(const char *dir, const struct io_source *src,
                              const struct mu_scenario *sc, const struct flow_sweep_request *req,
                              const struct flow_sweep *sw, struct mu_err *err)
{
	const char *names[FLOW_SWEEP_MAX_VARY], *labels[FLOW_SWEEP_MAX_VARY];
	char label_text[FLOW_SWEEP_MAX_VARY][160];
	struct io_sweep_point *views = mu_malloc(sw->n_points * sizeof(*views));
	struct io_sweep_table table;
	struct mu_buf finding;
	enum mu_code rc;
	size_t k, p;
	assert(sw->n_points == sw->n_all); /* a whole sweep: the chart's lines are whole */
	for (k = 0; k < req->n_vary; k++) {
		names[k] = req->vary[k].name;
		labels[k] =
		    flow_vary_label(&req->vary[k], sc, label_text[k], sizeof(label_text[k]));
	}
	for (p = 0; p < sw->n_points; p++)
		views[p] = sw->points[p].view;
	mu_buf_init(&finding);
	flow_sweep_say(&finding, req, sw);
	table = (struct io_sweep_table){
	    .names = names,
	    .labels = labels,
	    .n_names = req->n_vary,
	    .points = views,
	    .n_points = sw->n_points,
	    .n_x = req->vary[0].n_values,
	    .mode = req->is_lp ? "plan" : "rota",
	    .finding = finding.data,
	    /* the system's budget is a level to read the agency line
	     * against, unless a vary moves it (then no one level is) */
	    .has_budget = sc->settings.has_agency_budget && !varies_system_budget(req),
	    .budget = sc->settings.agency_budget,
	    .has_supply = sw->has_supply,
	    .has_flow = sw->has_flow,
	};
	if ((rc = io_outputs_write_sweep(dir, sc, src->label, &table, err)) != MU_OK)
		say_recorded_anyway(req, sw, err);
	mu_buf_release(&finding);
	free(views);
	return rc;
}

void flow_sweep_release(struct flow_sweep *sw)
{
	size_t p;
	for (p = 0; sw->points && p < sw->n_points; p++) {
		if (sw->points[p].twostage) /* stored.r points into it: nothing of its own */
			free(sw->points[p].twostage);
		else
			flow_run_stored_release(&sw->points[p].stored);
		mu_plan_free(sw->points[p].plan);
	}
	free(sw->points);
	sw->points = NULL;
	sw->n_points = 0;
}
