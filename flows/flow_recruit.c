/*
 * flow_recruit.c - the solves of a recruitment and what they come to, a
 * year: the best posts, each last post's value, one post more, the curve
 * and recruiting nobody, all on one warm joint model (pol_recruit_warm);
 * then io/ writes the outputs and the weeks' runs are recorded as one set.
 */
#include "flows/flow_recruit.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"
#include "flows/flow_run.h"
#include "io/io_html.h"
#include "io/io_report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Posts this close to 0 are none. */
#define EPS 1e-6

/* What one solve of the joint model comes to, a year. */
static void year_of(const struct pol_recruited *r, const struct flow_recruit_request *req,
                    struct io_recruit_year *y)
{
	size_t k, i;
	memset(y, 0, sizeof(*y));
	y->status = r->status;
	if (!r->plans)
		return;
	y->cost = r->objective;
	y->post_cost = r->post_cost;
	y->spend = r->post_cost;
	for (k = 0; k < req->n_weeks; k++) {
		const struct mu_totals *t = &r->plans[k]->system;
		y->spend += req->weights[k] * t->spend_total;
		y->filled += req->weights[k] * t->filled_hours;
		y->red_flags += t->n_red_flags;
		for (i = 0; i < r->plans[k]->n_discharges; i++)
			y->bed_days += req->weights[k] * r->plans[k]->discharges[i].waiting;
	}
	for (i = 0; i < r->n_posts; i++)
		y->posts += r->posts[i];
}

static void tell(const struct flow_recruit_request *req, enum flow_recruit_solve solve,
                 enum flow_recruit_phase phase, size_t index, const struct io_recruit_year *y)
{
	struct flow_recruit_step step = {solve, phase, index, y};
	if (req->on_step)
		req->on_step(req->hooks.ctx, &step);
}

/* Solves how into *out (and *y, its year) as solve number index, telling
 * req->on_step; a stop (req->hooks) during the solve fails it unless the
 * stop is kept (then the search ends with its best). A re-solve after the
 * best posts that found nothing cheaper than the rota built before its
 * relaxation (every week at no one at work), and did not prove it best,
 * is not solved: its figures would compare the posts with leaving every
 * shift short, and say nothing of what a post does. */
static enum mu_code solve_told(const struct flow_recruit_request *req,
                               const struct pol_recruit_request *how, enum flow_recruit_solve solve,
                               size_t index, struct pol_recruited *out, struct io_recruit_year *y,
                               struct mu_err *err)
{
	enum mu_code rc;
	tell(req, solve, FLOW_RECRUIT_BEGIN, index, NULL);
	rc = pol_recruit_solve(how, out, err);
	if (rc == MU_OK && flow_is_aborted(&req->hooks))
		rc = mu_err_set(err, MU_E_SOLVER, "interrupted; nothing was recorded");
	if (rc != MU_OK) {
		tell(req, solve, FLOW_RECRUIT_FAILED, index, NULL);
		return rc;
	}
	year_of(out, req, y);
	if (solve != FLOW_RECRUIT_BEST && out->is_built && out->status != MU_STATUS_OPTIMAL) {
		memset(y, 0, sizeof(*y));
		y->status = MU_STATUS_NO_SOLUTION;
	}
	tell(req, solve, FLOW_RECRUIT_DONE, index, y);
	return MU_OK;
}

/* The value of each last post: one post fewer in its row, the rest free. */
static enum mu_code last_post_values(const struct flow_recruit_request *req,
                                     struct pol_recruit_request *how, struct flow_recruit *r,
                                     struct mu_err *err)
{
	size_t n = req->weeks[0]->n_recruits, i, j;
	double *fixed = mu_malloc((n + 1) * sizeof(double));
	struct pol_recruited other;
	struct io_recruit_year y;
	enum mu_code rc = MU_OK;
	memset(&other, 0, sizeof(other));
	how->fixed = fixed;
	for (i = 0; i < n; i++) {
		const double posts = r->best.posts[i];
		if (posts <= EPS)
			continue;
		for (j = 0; j < n; j++)
			fixed[j] = -1;
		fixed[i] = fmax(0, req->is_lp ? posts - 1 : round(posts) - 1);
		if ((rc = solve_told(req, how, FLOW_RECRUIT_LAST_POST, i, &other, &y, err)) !=
		    MU_OK)
			break;
		if (io_say_recruit_is_solved(&y)) {
			r->value[i] = other.objective - r->best.objective;
			r->has_value[i] = true;
		}
		r->is_all_optimal &= other.status == MU_STATUS_OPTIMAL;
		pol_recruited_release(&other);
	}
	pol_recruited_release(&other);
	how->fixed = NULL;
	free(fixed);
	return rc;
}

/* A point of the curve or one post more: a search stopped by the clock
 * proves nothing, an infeasible point is proven. */
static bool is_proven(const struct io_recruit_year *y)
{
	return y->status == MU_STATUS_OPTIMAL || y->status == MU_STATUS_INFEASIBLE;
}

/* One post more in all (next to the best posts, so that its solve goes on
 * from theirs: measured, from recruiting nobody's it took 0.87 s of the
 * example's 2.9 s). */
static enum mu_code one_more(const struct flow_recruit_request *req,
                             struct pol_recruit_request *how, struct flow_recruit *r,
                             struct mu_err *err)
{
	struct pol_recruited other;
	enum mu_code rc;
	memset(&other, 0, sizeof(other));
	how->has_total = true;
	how->total = req->is_lp ? r->year.posts + 1 : round(r->year.posts) + 1;
	if ((rc = solve_told(req, how, FLOW_RECRUIT_NEXT, 0, &other, &r->next, err)) == MU_OK) {
		/* a search stopped by the clock with no rota says nothing either way */
		r->has_next =
		    io_say_recruit_is_solved(&r->next) || r->next.status == MU_STATUS_INFEASIBLE;
		r->is_all_optimal &= is_proven(&r->next);
	}
	pol_recruited_release(&other);
	return rc;
}

/* The curve, from the point next to the best posts up, then down: each
 * solve goes on from its neighbour's basis. */
static enum mu_code curve(const struct flow_recruit_request *req, struct pol_recruit_request *how,
                          struct flow_recruit *r, struct mu_err *err)
{
	const size_t n = (size_t)((req->to - req->from) / req->step) + 1;
	struct pol_recruited other;
	size_t first = 0, step, i;
	enum mu_code rc = MU_OK;
	memset(&other, 0, sizeof(other));
	r->n_curve = n;
	r->curve = mu_calloc(n + 1, sizeof(*r->curve));
	r->curve_x = mu_calloc(n + 1, sizeof(double));
	for (i = 0; i < n; i++)
		r->curve_x[i] = req->from + (double)i * req->step;
	while (first + 1 < n && r->curve_x[first] < r->year.posts)
		first++;
	how->has_total = true;
	for (step = 0; step < n; step++) {
		i = first + step < n ? first + step : n - 1 - step;
		how->total = r->curve_x[i];
		if ((rc = solve_told(req, how, FLOW_RECRUIT_CURVE, i, &other, &r->curve[i], err)) !=
		    MU_OK)
			break;
		r->is_all_optimal &= is_proven(&r->curve[i]);
		pol_recruited_release(&other);
	}
	pol_recruited_release(&other);
	how->has_total = false;
	if (rc == MU_OK)
		r->end = io_say_recruit_end(r->curve, n, &r->end_at);
	return rc;
}

/* Recruiting nobody: the curve's point at 0 when it has one (the same
 * model: posts add up to 0, none below 0), else solved. */
static enum mu_code nobody(const struct flow_recruit_request *req, struct pol_recruit_request *how,
                           struct flow_recruit *r, struct mu_err *err)
{
	size_t n = req->weeks[0]->n_recruits;
	double *fixed;
	struct pol_recruited other;
	enum mu_code rc;
	if (r->n_curve > 0 && fabs(r->curve_x[0]) < EPS) {
		r->none = r->curve[0];
		r->is_all_optimal &= r->none.status == MU_STATUS_OPTIMAL;
		return MU_OK;
	}
	memset(&other, 0, sizeof(other));
	fixed = mu_calloc(n + 1, sizeof(double));
	how->fixed = fixed;
	how->has_total = false;
	rc = solve_told(req, how, FLOW_RECRUIT_NOBODY, 0, &other, &r->none, err);
	r->is_all_optimal &= r->none.status == MU_STATUS_OPTIMAL;
	pol_recruited_release(&other);
	how->fixed = NULL;
	free(fixed);
	return rc;
}

/* Whether a search the board sentence draws on (the best posts,
 * recruiting nobody, one post more) stopped before it was proven. */
static bool is_unfinished(const struct flow_recruit *r)
{
	return r->best.status != MU_STATUS_OPTIMAL ||
	       (io_say_recruit_is_solved(&r->none) && r->none.status != MU_STATUS_OPTIMAL) ||
	       (r->has_next && !is_proven(&r->next));
}

void flow_recruit_say(struct mu_buf *b, const struct mu_scenario *sc,
                      const struct flow_recruit_request *req, const struct flow_recruit *r)
{
	io_say_recruit(
	    b, sc,
	    &(struct io_say_recruit){.posts = r->best.posts,
	                             .post_cost = r->best.post_cost,
	                             .cost = r->year.cost,
	                             .cost_none = r->none.cost,
	                             .spend = r->year.spend,
	                             .spend_none = r->none.spend,
	                             .filled = r->year.filled,
	                             .filled_none = r->none.filled,
	                             .has_next = r->has_next,
	                             .is_next_feasible = io_say_recruit_is_solved(&r->next),
	                             .cost_next = r->next.cost,
	                             .is_lp = req->is_lp,
	                             .is_none_unsolved = !io_say_recruit_is_solved(&r->none),
	                             .is_unfinished = is_unfinished(r),
	                             .has_flow = sc->n_flows > 0,
	                             .bed_days = r->year.bed_days,
	                             .bed_days_none = r->none.bed_days});
}

/* posts.csv, each week's plan.csv and summary.csv, curve.csv and
 * report.html, in that order. */
static enum mu_code write_outputs(const struct flow_recruit_request *req,
                                  const struct flow_recruit *r, struct mu_err *err)
{
	const struct mu_scenario *sc = req->weeks[0];
	struct mu_buf say;
	struct io_recruit view = {.posts = r->best.posts,
	                          .value = r->value,
	                          .has_value = r->has_value,
	                          .n_weeks = req->n_weeks,
	                          .weeks = req->weeks,
	                          .folders = req->folders,
	                          .weights = req->weights,
	                          .plans = (const struct mu_plan *const *)r->best.plans,
	                          .curve_x = r->curve_x,
	                          .curve = r->curve,
	                          .n_curve = r->n_curve,
	                          .first_run = r->first_run,
	                          .last_run = r->last_run,
	                          .set_id = r->set_id,
	                          .is_lp = req->is_lp};
	enum mu_code rc = io_report_write_posts(req->out, sc, &view, err);
	size_t k;
	for (k = 0; k < req->n_weeks && rc == MU_OK; k++) {
		char *dir = mu_malloc(strlen(req->out) + 32);
		sprintf(dir, "%s/week%zu", req->out, k + 1);
		if ((rc = io_report_write_plan(dir, req->weeks[k], r->best.plans[k], MU_ALL,
		                               err)) == MU_OK)
			rc = io_report_write_summary(dir, req->weeks[k], r->best.plans[k], err);
		free(dir);
	}
	if (rc == MU_OK && r->n_curve > 0)
		rc = io_report_write_curve(req->out, &view, err);
	if (rc != MU_OK)
		return rc;
	mu_buf_init(&say);
	flow_recruit_say(&say, sc, req, r);
	view.sentence = say.data;
	view.status = r->best.status;
	view.has_gap = r->best.has_bound;
	view.gap = r->best.gap;
	view.is_all_optimal = r->is_all_optimal;
	rc = io_html_write_recruit(req->out, sc, &view, err);
	mu_buf_release(&say);
	return rc;
}

/* Records each week's plan of the best posts as a run, the weeks one
 * linked set (a sweep of command recruit) in one transaction; each run's
 * values are its week, its weight and the posts of every recruits.csv
 * row. MU_OK or MU_E_DB. */
static enum mu_code record(const struct flow_recruit_request *req, struct flow_recruit *r,
                           struct mu_err *err)
{
	const struct mu_scenario *sc0 = req->weeks[0];
	const struct pol_recruited *best = &r->best;
	size_t n = req->n_weeks, n_vary = 2 + sc0->n_recruits, k, i;
	struct flow_run_stored *stored = mu_calloc(n + 1, sizeof(*stored));
	struct io_run *runs = mu_calloc(n + 1, sizeof(*runs));
	struct io_run_vary *vary = mu_calloc(n * n_vary + 1, sizeof(*vary));
	int64_t *ids = mu_calloc(n + 1, sizeof(*ids));
	char(*names)[160] = mu_calloc(sc0->n_recruits + 1, sizeof(*names));
	struct mu_buf text;
	enum mu_code rc;
	mu_buf_init(&text);
	mu_buf_addf(&text, "recruit weeks=%zu weights=", n);
	for (k = 0; k < n; k++)
		mu_buf_addf(&text, "%s%g", k ? "," : "", req->weights[k]);
	if (req->has_curve)
		mu_buf_addf(&text, " posts=%g:%g:%g", req->from, req->to, req->step);
	for (i = 0; i < sc0->n_recruits; i++)
		snprintf(names[i], sizeof(names[i]), "posts.%s.%s",
		         sc0->partners[sc0->recruits[i].partner].id,
		         sc0->roles[sc0->recruits[i].role].id);
	for (k = 0; k < n; k++) {
		/* the week as a solved run: its plan, borrowed, at the joint
		 * model's status and size */
		struct flow_run week;
		struct flow_run_request how = {.command = "recruit",
		                               .is_lp = req->is_lp,
		                               .started = req->started,
		                               .time_read = req->time_read};
		struct io_run_vary *v = &vary[k * n_vary];
		memset(&week, 0, sizeof(week));
		week.solved.status = best->status;
		week.solved.objective = best->plans[k]->objective;
		week.solved.time_solve = best->time_solve;
		week.solved.n_rows = best->n_rows;
		week.solved.n_cols = best->n_cols;
		week.solved.n_nonzeros = best->n_nonzeros;
		week.solved.plan = best->plans[k];
		flow_run_describe(req->weeks[k], &how, &week, &stored[k]);
		v[0] = (struct io_run_vary){"week", (double)(k + 1)};
		v[1] = (struct io_run_vary){"weight", req->weights[k]};
		for (i = 0; i < sc0->n_recruits; i++)
			v[2 + i] = (struct io_run_vary){names[i], best->posts[i]};
		stored[k].r.vary = v;
		stored[k].r.n_vary = n_vary;
		runs[k] = stored[k].r;
	}
	rc = io_store_add_linked(
	    req->store, req->sources,
	    &(struct io_sweep){
	        .mode = req->is_lp ? "plan" : "rota", .vary = text.data, .runs = runs, .n_runs = n},
	    &r->set_id, ids, err);
	if (rc == MU_OK) {
		r->first_run = ids[0];
		r->last_run = ids[n - 1];
	}
	free(ids);
	for (k = 0; k < n; k++)
		flow_run_stored_release(&stored[k]);
	mu_buf_release(&text);
	free(stored);
	free(runs);
	free(vary);
	free(names);
	return rc;
}

/* An equal share for each of n searches of what is left of req's time
 * limit (flow_time_share). */
static double time_share(const struct flow_recruit_request *req, double n)
{
	return flow_time_share(req->started, req->time_limit, n);
}

/* The re-solves after the best posts: one per row with a post (its last
 * post's value), one post more, each point of the curve, and nobody
 * unless the curve has a point at 0. */
static size_t count_resolves(const struct flow_recruit_request *req, const struct flow_recruit *r)
{
	size_t n = 1, i; /* one more */
	for (i = 0; i < req->weeks[0]->n_recruits; i++)
		n += r->best.posts[i] > EPS;
	if (req->has_curve)
		n += (size_t)((req->to - req->from) / req->step) + 1;
	if (!req->has_curve || fabs(req->from) >= EPS)
		n++;
	return n;
}

enum mu_code flow_recruit_solve(const struct flow_recruit_request *req, struct flow_recruit *r,
                                struct mu_err *err)
{
	size_t n_rows = req->weeks[0]->n_recruits;
	struct pol_recruit_request how = {.weeks = req->weeks,
	                                  .n_weeks = req->n_weeks,
	                                  .weights = req->weights,
	                                  .is_lp = req->is_lp,
	                                  .work_limit = req->work_limit,
	                                  .mps = req->mps,
	                                  .warm = pol_recruit_warm_new(),
	                                  .stop = req->hooks.stop};
	enum mu_code rc;
	memset(r, 0, sizeof(*r));
	r->value = mu_calloc(n_rows + 1, sizeof(double));
	r->has_value = mu_calloc(n_rows + 1, sizeof(bool));
	how.time_limit = r->time_best = time_share(req, 2);
	if ((rc = solve_told(req, &how, FLOW_RECRUIT_BEST, 0, &r->best, &r->year, err)) != MU_OK)
		goto done;
	if (!io_say_recruit_is_solved(&r->year)) {
		if (r->best.status == MU_STATUS_NO_SOLUTION)
			rc = mu_err_set(err, MU_E_SOLVER,
			                "the %.1f s the best posts' search had (half of "
			                "--time-limit %g) passed before they were found; no "
			                "recruitment; allow more time (--time-limit)",
			                r->time_best, req->time_limit);
		else
			rc = mu_err_set(err, MU_E_SOLVER, "the solver found no recruitment (%s)",
			                mu_status_name(r->best.status));
		goto done;
	}
	r->is_all_optimal = r->best.status == MU_STATUS_OPTIMAL;
	how.mps = NULL;
	r->n_resolves = count_resolves(req, r);
	how.time_limit = r->time_each = time_share(req, (double)r->n_resolves);
	if ((rc = last_post_values(req, &how, r, err)) != MU_OK ||
	    (rc = one_more(req, &how, r, err)) != MU_OK ||
	    (req->has_curve && (rc = curve(req, &how, r, err)) != MU_OK) ||
	    (rc = nobody(req, &how, r, err)) != MU_OK)
		goto done;
	/* recorded first: report.html names the weeks' runs */
	if ((rc = record(req, r, err)) != MU_OK)
		goto done;
	if (req->out && (rc = write_outputs(req, r, err)) != MU_OK) {
		size_t n = strlen(err->msg);
		snprintf(err->msg + n, sizeof(err->msg) - n,
		         "; the weeks' runs are recorded in %s as set %lld, but not all their "
		         "outputs are written",
		         io_store_path(req->store), (long long)r->set_id);
	}
done:
	pol_recruit_warm_free(how.warm);
	return rc;
}

void flow_recruit_release(struct flow_recruit *r)
{
	pol_recruited_release(&r->best);
	free(r->value);
	free(r->has_value);
	free(r->curve_x);
	free(r->curve);
	memset(r, 0, sizeof(*r));
}
