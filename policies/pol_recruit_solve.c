/*
 * pol_recruit_solve.c - the joint model of DESIGN.md §3c. Each week's model
 * is built by the policies as for a solve (pol_build_new, with its posts:
 * pol_recruit.c), then copied into one model: its rows and columns named
 * w1_, w2_ ..., its costs times the week's weight, and each week's posts
 * column replaced by one column per recruits.csv row shared by every week
 * (cost annual_cost), with the budget row and the posts' total row over
 * them. The solution is cut back into each week's columns and read as that
 * week's plan. In plan mode with a warm object the joint model is built
 * once, at the first solve, and kept loaded in GLPK (sol_lp.c): the
 * solves after it differ only in the posts' bounds and the total's, and
 * go on from the last optimal basis (measured on the example's two weeks:
 * 15 solves in 1.7 s, where building each anew and starting from the last
 * basis by name took 4.4 s).
 */
#include "pol_recruit.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"
#include "policies/pol_build.h"
#include "policies/pol_plan.h"
#include "solver/sol_basis.h"
#include "solver/sol_glpk.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pol_recruit_same_system(const struct mu_scenario *a, const struct mu_scenario *b, char *why,
                             size_t size)
{
	size_t i;
	if (a->n_partners != b->n_partners) {
		snprintf(why, size, "partners.csv has %zu partners, not %zu", b->n_partners,
		         a->n_partners);
		return false;
	}
	for (i = 0; i < a->n_partners; i++)
		if (strcmp(a->partners[i].id, b->partners[i].id) != 0) {
			snprintf(why, size, "partners.csv's partner %zu is '%s', not '%s'", i + 1,
			         b->partners[i].id, a->partners[i].id);
			return false;
		}
	if (a->n_roles != b->n_roles) {
		snprintf(why, size, "roles.csv has %zu roles, not %zu", b->n_roles, a->n_roles);
		return false;
	}
	for (i = 0; i < a->n_roles; i++)
		if (strcmp(a->roles[i].id, b->roles[i].id) != 0) {
			snprintf(why, size, "roles.csv's role %zu is '%s', not '%s'", i + 1,
			         b->roles[i].id, a->roles[i].id);
			return false;
		}
	if (a->n_recruits != b->n_recruits) {
		snprintf(why, size, "recruits.csv has %zu rows, not %zu", b->n_recruits,
		         a->n_recruits);
		return false;
	}
	for (i = 0; i < a->n_recruits; i++) {
		const struct mu_recruit *x = &a->recruits[i], *y = &b->recruits[i];
		if (x->partner != y->partner || x->role != y->role ||
		    x->annual_cost != y->annual_cost || x->max_posts != y->max_posts ||
		    x->hours_per_week != y->hours_per_week || x->is_nights != y->is_nights) {
			snprintf(why, size, "recruits.csv's row %zu differs", i + 1);
			return false;
		}
	}
	if (a->settings.has_recruit_budget != b->settings.has_recruit_budget ||
	    (a->settings.has_recruit_budget &&
	     a->settings.recruit_budget != b->settings.recruit_budget)) {
		snprintf(why, size, "settings.csv's recruit_budget differs");
		return false;
	}
	return true;
}

/* Copies week k's model b into m with its costs times weight; its posts
 * columns become the shared ones (posts, per recruits.csv row). map[j] is
 * the column of m that b's column j became. */
static void copy_week(struct sol_model *m, const struct pol_build *b, size_t k, double weight,
                      const size_t *posts, bool is_lp, size_t *map, bool **is_core,
                      size_t *cap_core)
{
	bool *week_core = pol_build_core_cols(b);
	const struct sol_model *w = b->m;
	size_t j, i, row0 = m->n_rows;
	char name[300];
	for (j = 0; j < w->n_cols; j++) {
		if (b->cols[j].source == MU_SRC_POSTS) {
			map[j] = posts[b->cols[j].offer];
			continue;
		}
		snprintf(name, sizeof(name), "w%zu_%s", k + 1, w->col_names[j]);
		map[j] = sol_model_add_col(m, name, w->col_lo[j], w->col_hi[j],
		                           w->col_cost[j] * weight, w->col_is_int[j] && !is_lp);
		MU_GROW(*is_core, *cap_core, map[j] + 1);
		(*is_core)[map[j]] = week_core[j];
	}
	free(week_core);
	for (i = 0; i < w->n_rows; i++) {
		snprintf(name, sizeof(name), "w%zu_%s", k + 1, w->row_names[i]);
		sol_model_add_row(m, name, w->row_lo[i], w->row_hi[i]);
	}
	for (i = 0; i < w->n_entries; i++)
		sol_model_add_entry(m, row0 + w->entries[i].row, map[w->entries[i].col],
		                    w->entries[i].value);
}

/* The joint model of req's weeks: every week built and copied in, the
 * shared posts first, the budget row, and the row of the posts' total
 * (bounds [0, inf) when no total is asked: posts are never negative). */
struct joint {
	size_t n_weeks;
	struct pol_build **builds;
	size_t **maps; /* per week: its model's column j is the joint's maps[k][j] */
	size_t *posts; /* per recruits.csv row: its shared column */
	size_t *row0;  /* per week: its model's row i is the joint's row0[k] + i */
	size_t total_row;
	struct sol_model *m;
	bool *is_core;
};

static void joint_free(struct joint *J)
{
	size_t k;
	if (!J)
		return;
	for (k = 0; k < J->n_weeks; k++) {
		pol_build_free(J->builds[k]);
		free(J->maps[k]);
	}
	free(J->builds);
	free(J->maps);
	free(J->posts);
	free(J->row0);
	free(J->is_core);
	sol_model_free(J->m);
	free(J);
}

static struct joint *joint_new(const struct pol_recruit_request *req)
{
	const struct mu_scenario *sc0 = req->weeks[0];
	struct joint *J = mu_calloc(1, sizeof(*J));
	size_t cap_core = 0, i, k;
	char name[96];
	J->n_weeks = req->n_weeks;
	J->builds = mu_calloc(req->n_weeks + 1, sizeof(*J->builds));
	J->maps = mu_calloc(req->n_weeks + 1, sizeof(*J->maps));
	J->posts = mu_malloc((sc0->n_recruits + 1) * sizeof(size_t));
	J->row0 = mu_malloc((req->n_weeks + 1) * sizeof(size_t));
	J->m = sol_model_new();
	/* the shared posts, first */
	for (i = 0; i < sc0->n_recruits; i++) {
		const struct mu_recruit *r = &sc0->recruits[i];
		double hi = r->max_posts == MU_UNLIMITED ? SOL_INF : (double)r->max_posts;
		snprintf(name, sizeof(name), "posts_k%zu", i);
		J->posts[i] = sol_model_add_col(J->m, name, 0, hi, r->annual_cost, !req->is_lp);
		MU_GROW(J->is_core, cap_core, J->posts[i] + 1);
		J->is_core[J->posts[i]] = true; /* a fixed or summed post must be in the start */
	}
	if (sc0->settings.has_recruit_budget && sc0->n_recruits > 0) {
		size_t row = sol_model_add_row(J->m, "recruit_budget", -SOL_INF,
		                               sc0->settings.recruit_budget);
		for (i = 0; i < sc0->n_recruits; i++)
			sol_model_add_entry(J->m, row, J->posts[i], sc0->recruits[i].annual_cost);
	}
	J->total_row = sol_model_add_row(J->m, "posts_total", 0, SOL_INF);
	for (i = 0; i < sc0->n_recruits; i++)
		sol_model_add_entry(J->m, J->total_row, J->posts[i], 1);
	for (k = 0; k < req->n_weeks; k++) {
		double weight = req->weights ? req->weights[k] : 52.0 / (double)req->n_weeks;
		/* as pol_solve does: rota mode pools the bank and adds the rows
		 * every rota meets (valid with the posts' whole staff too) */
		J->builds[k] = pol_build_new(
		    req->weeks[k], &(struct pol_build_options){
		                       .is_recruit = true,
		                       .pool_min_workers = req->is_lp ? 0 : POL_POOL_MIN_WORKERS});
		if (!req->is_lp)
			pol_rota_cuts_apply(J->builds[k]);
		J->maps[k] = mu_malloc((J->builds[k]->m->n_cols + 1) * sizeof(size_t));
		J->row0[k] = J->m->n_rows;
		copy_week(J->m, J->builds[k], k, weight, J->posts, req->is_lp, J->maps[k],
		          &J->is_core, &cap_core);
	}
	return J;
}

/* For sol_options.col_is_slack: each week's short, breach, fair share's
 * hours short and change, as pol_solve marks them: with the posts at 0
 * (or fixed) and no one at work they meet every row of the joint model
 * but a total of posts (see joint_start_posts). Free it. */
static bool *joint_slack(const struct joint *J)
{
	bool *is_slack = mu_calloc(J->m->n_cols + 1, sizeof(bool));
	size_t j, k;
	for (k = 0; k < J->n_weeks; k++) {
		const struct pol_build *b = J->builds[k];
		for (j = 0; j < b->m->n_cols; j++) {
			enum mu_source s = b->cols[j].source;
			if (s != MU_SRC_POSTS)
				is_slack[J->maps[k][j]] = s == MU_SRC_SHORT || s == MU_SRC_BREACH ||
				                          s == MU_SRC_SHARE || s == MU_SRC_CHANGE;
		}
	}
	return is_slack;
}

/* For sol_options.col_start, when req fixes the posts' total (the curve,
 * one post more): posts added to the rows free to take them, the
 * cheapest a year first, each up to its max_posts, until they add up to
 * the total (a post with no shifts worked is a rota too); every other
 * column at its lower bound (fixed posts at their value). The caller's,
 * freed with free; NULL when no total is asked or the rows cannot take it
 * (the model is then infeasible, or the budget decides). */
static double *joint_start_posts(const struct joint *J, const struct pol_recruit_request *req)
{
	const struct mu_scenario *sc0 = req->weeks[0];
	size_t n = sc0->n_recruits, i, j, *order;
	double *x, left;
	if (!req->has_total)
		return NULL;
	x = mu_calloc(J->m->n_cols + 1, sizeof(double));
	order = mu_malloc((n + 1) * sizeof(size_t));
	for (j = 0; j < J->m->n_cols; j++)
		x[j] = J->m->col_lo[j] > 0 ? J->m->col_lo[j] : 0;
	left = req->total;
	for (i = 0; i < n; i++) {
		order[i] = i;
		left -= x[J->posts[i]];
	}
	/* insertion sort by annual cost: recruits.csv has a few rows */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && sc0->recruits[order[j]].annual_cost <
		                         sc0->recruits[order[j - 1]].annual_cost;
		     j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (i = 0; i < n && left > 0; i++) {
		size_t c = J->posts[order[i]];
		double room = J->m->col_hi[c] - x[c], add = left < room ? left : room;
		if (add > 0) {
			x[c] += add;
			left -= add;
		}
	}
	free(order);
	if (fabs(left) > 1e-9) {
		free(x);
		return NULL;
	}
	return x;
}

/* The bounds req asks of J's posts and total, into J's model. */
static void joint_bounds(struct joint *J, const struct pol_recruit_request *req)
{
	const struct mu_scenario *sc0 = req->weeks[0];
	size_t i;
	for (i = 0; i < sc0->n_recruits; i++) {
		const struct mu_recruit *r = &sc0->recruits[i];
		size_t j = J->posts[i];
		J->m->col_lo[j] = 0;
		J->m->col_hi[j] = r->max_posts == MU_UNLIMITED ? SOL_INF : (double)r->max_posts;
		if (req->fixed && req->fixed[i] >= 0)
			J->m->col_lo[j] = J->m->col_hi[j] = req->fixed[i];
	}
	J->m->row_lo[J->total_row] = req->has_total ? req->total : 0;
	J->m->row_hi[J->total_row] = req->has_total ? req->total : SOL_INF;
}

/* A start for the joint model's first solve: each week's optimal basis
 * with no posts (its model solved alone, posts fixed at 0: the weeks share
 * nothing then), the posts non-basic at 0 and the budget and total rows'
 * slacks basic. Primal feasible for the best posts (the posts open from
 * 0), and each week alone is far quicker than the joint model cold (the
 * first solve of `large`'s two weeks took 32 s sifted whole). Writes one
 * enum sol_basis_status per joint row and column into rows and cols;
 * false when a week has no optimum alone (then start cold). */
static bool joint_start(const struct joint *J, unsigned char *rows, unsigned char *cols)
{
	size_t i, j, k;
	memset(rows, SOL_BASIS_BASIC, J->m->n_rows);
	memset(cols, SOL_BASIS_LOWER, J->m->n_cols);
	for (k = 0; k < J->n_weeks; k++) {
		struct pol_build *b = J->builds[k];
		bool *is_core = pol_build_core_cols(b);
		unsigned char *wr = mu_malloc(b->m->n_rows + 1), *wc = mu_malloc(b->m->n_cols + 1);
		struct sol_lp *lp = NULL;
		enum sol_status status = SOL_NO_SOLUTION;
		double objective;
		struct mu_err err;
		bool is_ok = sol_lp_new(b->m, b->m->n_cols >= SOL_SIFT_MIN_COLS ? is_core : NULL,
		                        &lp, &err) == MU_OK;
		for (j = 0; is_ok && j < b->m->n_cols; j++)
			if (b->cols[j].source == MU_SRC_POSTS)
				sol_lp_set_col_bounds(lp, j, 0, 0);
		is_ok = is_ok && sol_lp_solve(lp, &status, &objective, &err) == MU_OK &&
		        status == SOL_OPTIMAL;
		if (is_ok) {
			sol_lp_basis(lp, wr, wc);
			for (i = 0; i < b->m->n_rows; i++)
				rows[J->row0[k] + i] = wr[i];
			for (j = 0; j < b->m->n_cols; j++)
				if (b->cols[j].source != MU_SRC_POSTS)
					cols[J->maps[k][j]] = wc[j];
		}
		sol_lp_free(lp);
		free(wr);
		free(wc);
		free(is_core);
		if (!is_ok)
			return false;
	}
	return true;
}

struct pol_recruit_warm {
	struct sol_basis basis;
	bool has_basis;
	/* plan mode: the joint model, built at the first solve and kept
	 * loaded in GLPK (sol_lp.c); each solve moves its posts' and total's
	 * bounds and goes on from the last optimal basis */
	struct joint *joint;
	struct sol_lp *lp;
};

struct pol_recruit_warm *pol_recruit_warm_new(void)
{
	struct pol_recruit_warm *w = mu_calloc(1, sizeof(*w));
	sol_basis_init(&w->basis);
	return w;
}

void pol_recruit_warm_free(struct pol_recruit_warm *w)
{
	if (!w)
		return;
	sol_basis_release(&w->basis);
	sol_lp_free(w->lp);
	joint_free(w->joint);
	free(w);
}

/* Plan mode with a warm object: the model kept loaded. MU_OK with res's
 * status, objective and (optimal) x. */
static enum mu_code solve_kept(const struct pol_recruit_request *req, struct joint *J,
                               struct sol_lp *lp, struct sol_result *res, struct mu_err *err)
{
	const struct mu_scenario *sc0 = req->weeks[0];
	double start = mu_time_now();
	enum mu_code rc;
	size_t i;
	joint_bounds(J, req);
	sol_lp_set_time_limit(lp, req->time_limit);
	for (i = 0; i < sc0->n_recruits; i++)
		sol_lp_set_col_bounds(lp, J->posts[i], J->m->col_lo[J->posts[i]],
		                      J->m->col_hi[J->posts[i]]);
	sol_lp_set_row_bounds(lp, J->total_row, J->m->row_lo[J->total_row],
	                      J->m->row_hi[J->total_row]);
	if ((rc = sol_lp_solve(lp, &res->status, &res->objective, err)) != MU_OK)
		return rc;
	res->solve_seconds = mu_time_now() - start;
	res->n_rows = J->m->n_rows;
	res->n_cols = J->m->n_cols;
	res->n_nonzeros = J->m->n_entries;
	if (res->status == SOL_OPTIMAL) {
		res->x = mu_malloc((J->m->n_cols + 1) * sizeof(double));
		sol_lp_x(lp, res->x);
	}
	return MU_OK;
}

enum mu_code pol_recruit_solve(const struct pol_recruit_request *req, struct pol_recruited *out,
                               struct mu_err *err)
{
	const struct mu_scenario *sc0 = req->weeks[0];
	struct joint *J = NULL;
	bool is_kept = req->is_lp && req->warm;
	struct sol_options opt;
	struct sol_result res;
	double *x = NULL, *start = NULL;
	bool *slack = NULL;
	unsigned char *warm_rows = NULL, *warm_cols = NULL;
	enum mu_code rc = MU_OK;
	size_t i, j, k;
	char why[256];

	memset(out, 0, sizeof(*out));
	memset(&res, 0, sizeof(res));
	for (k = 1; k < req->n_weeks; k++)
		if (!pol_recruit_same_system(sc0, req->weeks[k], why, sizeof(why))) {
			rc = mu_err_set(
			    err, MU_E_INPUT,
			    "week %zu is not the system of week 1: %s (the weeks of one "
			    "recruitment have the same partners, roles and recruits.csv)",
			    k + 1, why);
			goto done;
		}
	if (is_kept && req->warm->joint) {
		J = req->warm->joint;
	} else {
		J = joint_new(req);
		joint_bounds(J, req);
		if (req->mps &&
		    (rc = sol_glpk_write_mps(J->m, !req->is_lp, req->mps, err)) != MU_OK)
			goto done;
	}
	if (is_kept) {
		if (!req->warm->joint) { /* kept by the warm object once it is loaded */
			if ((rc = sol_lp_new(J->m,
			                     J->m->n_cols >= SOL_SIFT_MIN_COLS ? J->is_core : NULL,
			                     &req->warm->lp, err)) != MU_OK)
				goto done;
			req->warm->joint = J;
			warm_rows = mu_malloc(J->m->n_rows + 1);
			warm_cols = mu_malloc(J->m->n_cols + 1);
			if (!req->has_total && joint_start(J, warm_rows, warm_cols))
				sol_lp_set_start(req->warm->lp, warm_rows, warm_cols);
		}
		if ((rc = solve_kept(req, J, req->warm->lp, &res, err)) != MU_OK)
			goto done;
	} else {
		memset(&opt, 0, sizeof(opt));
		opt.is_mip = !req->is_lp;
		opt.time_limit = req->time_limit;
		opt.work_limit = req->work_limit;
		opt.want_basis = req->warm != NULL;
		opt.stop = req->stop;
		opt.relax_chunk = req->relax_chunk;
		opt.on_relax_chunk = req->on_relax_chunk;
		opt.progress_ctx = req->relax_ctx;
		if (!req->is_lp) {
			opt.col_is_slack = slack = joint_slack(J);
			opt.col_start = start = joint_start_posts(J, req);
		}
		if (req->warm && req->warm->has_basis) {
			warm_rows = mu_malloc(J->m->n_rows + 1);
			warm_cols = mu_malloc(J->m->n_cols + 1);
			sol_basis_for(&req->warm->basis, J->m, warm_rows, warm_cols);
			opt.warm_rows = warm_rows;
			opt.warm_cols = warm_cols;
		} else {
			/* cold: from the weeks' bases without posts when there are
			 * two or more weeks and no total is fixed (then the start is
			 * feasible), else sifted whole */
			warm_rows = mu_malloc(J->m->n_rows + 1);
			warm_cols = mu_malloc(J->m->n_cols + 1);
			if (req->n_weeks > 1 && !req->has_total &&
			    joint_start(J, warm_rows, warm_cols)) {
				opt.warm_rows = warm_rows;
				opt.warm_cols = warm_cols;
			} else if (J->m->n_cols >= SOL_SIFT_MIN_COLS) {
				opt.col_is_core = J->is_core;
			}
		}
		if ((rc = sol_glpk_solve(J->m, &opt, &res, err)) != MU_OK)
			goto done;
		if (req->warm && res.row_basis) {
			sol_basis_keep(&req->warm->basis, J->m, res.row_basis, res.col_basis);
			req->warm->has_basis = true;
		}
	}
	out->status = pol_status_of(res.status);
	out->objective = res.objective;
	out->has_bound = res.has_bound;
	out->bound = res.bound;
	out->gap = res.gap;
	out->is_built = res.is_built;
	out->time_solve = res.solve_seconds;
	out->n_rows = res.n_rows;
	out->n_cols = res.n_cols;
	out->n_nonzeros = res.n_nonzeros;
	out->n_weeks = req->n_weeks;
	out->n_posts = sc0->n_recruits;
	out->posts = mu_calloc(sc0->n_recruits + 1, sizeof(double));
	if (res.status != SOL_OPTIMAL && res.status != SOL_FEASIBLE)
		goto done;
	for (i = 0; i < sc0->n_recruits; i++) {
		out->posts[i] = res.x[J->posts[i]];
		out->post_cost += out->posts[i] * sc0->recruits[i].annual_cost;
	}
	out->plans = mu_calloc(req->n_weeks + 1, sizeof(*out->plans));
	out->post_staff = mu_calloc(req->n_weeks + 1, sizeof(*out->post_staff));
	for (k = 0; k < req->n_weeks; k++) {
		const struct sol_model *w = J->builds[k]->m;
		const struct mu_scenario *sc = req->weeks[k];
		out->post_staff[k] = mu_calloc(sc0->n_recruits * sc->n_shifts + 1, sizeof(double));
		x = mu_malloc((w->n_cols + 1) * sizeof(double));
		for (j = 0; j < w->n_cols; j++) {
			const struct pol_col *c = &J->builds[k]->cols[j];
			x[j] = res.x[J->maps[k][j]];
			if (c->is_post)
				out->post_staff[k][c->offer * sc->n_shifts +
				                   sc->demand[c->demand].shift] += x[j];
		}
		out->plans[k] = pol_plan_new(J->builds[k], x);
		free(x);
		x = NULL;
	}
done:
	sol_result_release(&res);
	free(slack);
	free(start);
	free(warm_rows);
	free(warm_cols);
	if (!is_kept || J != req->warm->joint)
		joint_free(J);
	return rc;
}

void pol_recruited_release(struct pol_recruited *r)
{
	size_t k;
	if (r->plans)
		for (k = 0; k < r->n_weeks; k++) {
			mu_plan_free(r->plans[k]);
			free(r->post_staff[k]);
		}
	free(r->plans);
	free(r->post_staff);
	free(r->posts);
	memset(r, 0, sizeof(*r));
}
