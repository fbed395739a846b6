/*
 * sol_glpk.c - loads a sol_model into GLPK, solves it as LP (dual simplex
 * after presolve) or MIP (branch and cut after presolve), and reads the
 * answer back. GLPK's own printing is swallowed by a term hook.
 */
#include "sol_glpk.h"

#include "sol_int.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"
#include "solver/sol_round.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

const char *sol_status_name(enum sol_status status)
{
	switch (status) {
	case SOL_OPTIMAL:
		return "optimal";
	case SOL_FEASIBLE:
		return "feasible";
	case SOL_INFEASIBLE:
		return "infeasible";
	case SOL_UNBOUNDED:
		return "unbounded";
	default:
		return "no solution";
	}
}

int sol_glpk_swallow(void *info, const char *s)
{
	(void)info;
	(void)s;
	return 1; /* non-zero: GLPK prints nothing */
}

/* The share of what l has left that a heuristic inside the search may
 * spend: of the time when there is a time limit, else of the work. */
static struct sol_limit limit_share(const struct sol_limit *l, double share)
{
	struct sol_limit part = *l;
	if (l->deadline > 0)
		part.deadline = mu_time_now() + (l->deadline - mu_time_now()) * share;
	else if (l->work_end > 0)
		part.work_end = *l->work + (long)((double)(l->work_end - *l->work) * share);
	return part;
}

int sol_glpk_bound_type(double lo, double hi)
{
	bool has_lo = lo > -SOL_INF, has_hi = hi < SOL_INF;
	if (has_lo && has_hi)
		return lo == hi ? GLP_FX : GLP_DB;
	if (has_lo)
		return GLP_LO;
	if (has_hi)
		return GLP_UP;
	return GLP_FR;
}

enum mu_code sol_glpk_check(const struct sol_model *m, struct mu_err *err)
{
	size_t i;
	if (m->n_rows > 100000000 || m->n_cols > 100000000)
		return mu_err_set(err, MU_E_SOLVER, "model too large for GLPK");
	for (i = 0; i < m->n_entries; i++)
		if (m->entries[i].row >= m->n_rows || m->entries[i].col >= m->n_cols ||
		    !isfinite(m->entries[i].value))
			return mu_err_set(err, MU_E_SOLVER, "internal: bad matrix entry %zu", i);
	for (i = 0; i < m->n_cols; i++)
		if (!isfinite(m->col_cost[i]) || m->col_lo[i] > m->col_hi[i] ||
		    strlen(m->col_names[i]) > 255)
			return mu_err_set(err, MU_E_SOLVER, "internal: bad column '%s'",
			                  m->col_names[i]);
	for (i = 0; i < m->n_rows; i++)
		if (m->row_lo[i] > m->row_hi[i] || strlen(m->row_names[i]) > 255)
			return mu_err_set(err, MU_E_SOLVER, "internal: bad row '%s'",
			                  m->row_names[i]);
	return MU_OK;
}

static void set_col_bounds(glp_prob *lp, const struct sol_model *m, size_t j)
{
	glp_set_col_bnds(lp, (int)j + 1, sol_glpk_bound_type(m->col_lo[j], m->col_hi[j]),
	                 m->col_lo[j] > -SOL_INF ? m->col_lo[j] : 0,
	                 m->col_hi[j] < SOL_INF ? m->col_hi[j] : 0);
}

glp_prob *sol_glpk_load(struct sol_model *m, bool is_mip)
{
	glp_prob *lp = glp_create_prob();
	int *ia, *ja;
	double *ar;
	size_t i, n = sol_model_compact(m);

	glp_set_obj_dir(lp, GLP_MIN);
	if (m->n_rows)
		glp_add_rows(lp, (int)m->n_rows);
	if (m->n_cols)
		glp_add_cols(lp, (int)m->n_cols);
	for (i = 0; i < m->n_rows; i++) {
		int r = (int)i + 1;
		glp_set_row_name(lp, r, m->row_names[i]);
		glp_set_row_bnds(lp, r, sol_glpk_bound_type(m->row_lo[i], m->row_hi[i]),
		                 m->row_lo[i] > -SOL_INF ? m->row_lo[i] : 0,
		                 m->row_hi[i] < SOL_INF ? m->row_hi[i] : 0);
	}
	for (i = 0; i < m->n_cols; i++) {
		int c = (int)i + 1;
		glp_set_col_name(lp, c, m->col_names[i]);
		set_col_bounds(lp, m, i);
		glp_set_obj_coef(lp, c, m->col_cost[i]);
		if (is_mip && m->col_is_int[i])
			glp_set_col_kind(lp, c, GLP_IV);
	}
	ia = mu_malloc((n + 1) * sizeof(int));
	ja = mu_malloc((n + 1) * sizeof(int));
	ar = mu_malloc((n + 1) * sizeof(double));
	for (i = 0; i < n; i++) {
		ia[i + 1] = (int)m->entries[i].row + 1;
		ja[i + 1] = (int)m->entries[i].col + 1;
		ar[i + 1] = m->entries[i].value;
	}
	glp_load_matrix(lp, (int)n, ia, ja, ar);
	free(ia);
	free(ja);
	free(ar);
	return lp;
}

/* How the search branches: GLPK's hybrid pseudo-cost rule, or the most
 * fractional column (chosen in watch_search) when that rule's start would
 * not fit the time left. */
enum branching { BRANCH_UNDECIDED, BRANCH_PSEUDO_COST, BRANCH_MOST_FRACTIONAL };

struct mip_watch {
	const struct sol_options *opt;
	bool keeps_bound; /* a search of the whole model: its nodes bound the rota */
	bool has_bound;
	double bound;
	double start, last_report;
	/* the clock and the work this search may spend (limit.work counts
	 * the simplex iterations of the whole rota search) */
	struct sol_limit limit;
	long work_start;
	glp_prob *it_prob;   /* the problem GLPK's iterations are read from */
	int it_last;         /* its iteration count, as last added to the work */
	long work_step;      /* the most work GLPK did between two calls */
	bool is_presolved;   /* GLPK's presolver first (RINS: drops the fixed columns) */
	const double *rota;  /* a rota for the search to start from, or NULL */
	double lp_start;     /* when the current node's LP began */
	double lp_seconds;   /* how long the last node LP took */
	double left_at;      /* when the last call of watch_search returned */
	double glpk_step;    /* GLPK's longest run between two calls lately, */
	double glpk_step_at; /* seen then; 10 s on, the next run replaces it */
	enum branching branching;
	bool is_starting_up; /* GLPK's next run is pseudo-cost branching's start-up */
	/* RINS once more when the root's cuts are in, from the root's
	 * solution: a copy of the model (without cuts) to search in, and the
	 * rota to improve; NULL when not wanted or done */
	glp_prob *rins_lp;
	const struct sol_model *m;
	double *rins_x, *rins_objective;
	/* RINS in the nodes (rins_from_node): the same copy of the model,
	 * when wanted; the node count at its last run; its spend so far, in
	 * seconds with a time limit, else in simplex iterations */
	glp_prob *node_rins_lp;
	int node_rins_at;
	double node_rins_spent;
	size_t node_rins;               /* runs, */
	long node_rins_work;            /* and their simplex iterations */
	enum sol_stop stopped_by;       /* why watch_search ended the search, if it did */
	int n_model_rows, n_model_cols; /* the model's; sol_counts' come after */
	bool is_small;                  /* sol_counts_is_small: see keep_bound */
};

static bool improve_by_rins(glp_prob *lp, const struct sol_model *m, const struct sol_options *opt,
                            const double *x_relaxed, const struct sol_limit *limit, double *x,
                            double *objective);

/* GLPK's cuts at the root take large's bound from 14.219M to 14.230M, and
 * the root's solution is so much closer to a rota: RINS from it found
 * 14.2305M where RINS from the relaxation had stopped at 14.2316M (CBC:
 * 14.2313M). It runs in a copy of the model, for up to a quarter of the
 * time (or, with only a work limit, the work) left; a cheaper rota is
 * handed to GLPK at its next heuristic call. */
static void rins_from_root(glp_tree *tree, struct mip_watch *w)
{
	glp_prob *lp = glp_ios_get_prob(tree);
	size_t j, n = w->m->n_cols;
	double *x_root = mu_malloc((n + 1) * sizeof(double));
	struct sol_limit quarter = limit_share(&w->limit, 0.25);
	for (j = 0; j < n; j++)
		x_root[j] = glp_get_col_prim(lp, (int)j + 1);
	if (improve_by_rins(w->rins_lp, w->m, w->opt, x_root, &quarter, w->rins_x,
	                    w->rins_objective))
		w->rota = w->rins_x;
	free(x_root);
	w->rins_lp = NULL;
}

/* RINS again, from a node's solution and the search's best rota, in
 * models too big for the price classes (sol_counts_has_classes): there
 * GLPK's search seldom proves a rota in time, and its own heuristics
 * seldom improve the one it has. On bench_gen medium-mixed GLPK's tree
 * kept the root's rota (4,117,529.74) for 60 s where CBC found
 * 4,117,484.49 by rounding at its node 1,158; RINS from its nodes found
 * 4,117,024.60 (2026-12-07). It runs at most every NODE_RINS_EVERY
 * nodes and while it has had under NODE_RINS_SHARE of what has been
 * spent (search_spend), each time up to NODE_RINS_PART of what is left; a
 * cheaper rota is handed to GLPK at once. Its own search reports no
 * progress: its best is not the search's. */
#define NODE_RINS_EVERY 20
#define NODE_RINS_SHARE 0.2
#define NODE_RINS_PART 0.05

/* With a time limit, the seconds since the rota's solve began (its
 * relaxation, rounding and the root's RINS too: what the measurements of
 * docs/rota-proofs.md ran); with only a work limit, the simplex iterations
 * of this search (the same on every run). */
static double search_spend(const struct mip_watch *w, double now)
{
	return w->limit.deadline > 0 ? now - w->start : (double)(*w->limit.work - w->work_start);
}

static void rins_from_node(glp_tree *tree, struct mip_watch *w, double now)
{
	glp_prob *lp = glp_ios_get_prob(tree);
	int st = glp_mip_status(lp), n_nodes;
	struct sol_options quiet = *w->opt;
	struct sol_limit part;
	size_t j, n = w->m->n_cols;
	double *x_node, *x, objective, before;
	long work_before = w->limit.work ? *w->limit.work : 0;
	glp_ios_tree_size(tree, NULL, NULL, &n_nodes);
	if ((st != GLP_FEAS && st != GLP_OPT) || n_nodes - w->node_rins_at < NODE_RINS_EVERY ||
	    w->node_rins_spent >= NODE_RINS_SHARE * search_spend(w, now))
		return;
	quiet.progress = NULL;
	part = limit_share(&w->limit, NODE_RINS_PART);
	x_node = mu_malloc((n + 1) * sizeof(double));
	x = mu_malloc(((size_t)glp_get_num_cols(lp) + 1) * sizeof(double));
	for (j = 0; j < n; j++) {
		x_node[j] = glp_get_col_prim(lp, (int)j + 1);
		x[j + 1] = glp_mip_col_val(lp, (int)j + 1);
	}
	objective = glp_mip_obj_val(lp);
	before = search_spend(w, now);
	/* x + 1: improve_by_rins reads and writes the model's columns from 0 */
	if (improve_by_rins(w->node_rins_lp, w->m, &quiet, x_node, &part, x + 1, &objective)) {
		sol_counts_fill(lp, w->n_model_rows, w->n_model_cols, x);
		glp_ios_heur_sol(tree, x);
	}
	w->node_rins_spent += search_spend(w, mu_time_now()) - before;
	w->node_rins++;
	if (w->limit.work)
		w->node_rins_work += *w->limit.work - work_before;
	w->node_rins_at = n_nodes;
	free(x_node);
	free(x);
}

/* GLPK's hybrid pseudo-cost branching proves the example's rota optimal
 * in seconds where the most fractional column leaves a 0.1% gap after 60 s.
 * But before it first uses a column's pseudo-cost it solves a short LP
 * for it, with no time checks: on bench_gen large (25k rows, 700
 * fractional columns at the root) that took 140 s under a 60 s limit. So
 * it is used only when that start, about one LP per fractional column,
 * fits in a quarter of the time left. (That estimate is short: on large
 * a start-up budgeted at under 7 s took 14.4 s; a quarter leaves room.)
 * With only a work limit the same rule is kept in work: GLPK gives each
 * of its two LPs per fractional column at most PCOST_START_ITERATIONS, on
 * a copy of the model (so GLPK's count never sees them), and the start-up
 * is charged to the work at that cap, whichever way the limit is set; the
 * choice is then the same on every run. The example has 2 or 3 fractional
 * columns when the root's cuts are done. */
#define PCOST_START_ITERATIONS 30

static void choose_branch(glp_tree *tree, struct mip_watch *w, double now)
{
	glp_prob *lp = glp_ios_get_prob(tree);
	int n = glp_get_num_cols(lp), j, best = 0, n_fractional = 0;
	double best_part = -1;
	for (j = 1; j <= n; j++)
		if (glp_ios_can_branch(tree, j)) {
			double x = glp_get_col_prim(lp, j), part = fabs(x - floor(x) - 0.5);
			n_fractional++;
			if (best == 0 || part < best_part) {
				best = j;
				best_part = part;
			}
		}
	if (w->branching == BRANCH_UNDECIDED) {
		bool is_too_long =
		    w->limit.deadline > 0
		        ? n_fractional * w->lp_seconds > (w->limit.deadline - now) / 4
		        : w->limit.work_end > 0 &&
		              2.0 * PCOST_START_ITERATIONS * n_fractional >
		                  (double)(w->limit.work_end - *w->limit.work) / 4;
		w->branching = is_too_long ? BRANCH_MOST_FRACTIONAL : BRANCH_PSEUDO_COST;
		w->is_starting_up = w->branching == BRANCH_PSEUDO_COST;
		/* the start-up's LPs are charged to the work at their cap */
		if (w->is_starting_up && w->limit.work)
			*w->limit.work += 2L * PCOST_START_ITERATIONS * n_fractional;
	}
	if (w->branching == BRANCH_MOST_FRACTIONAL && best > 0)
		glp_ios_branch_upon(tree, best, GLP_NO_BRNCH);
}

/* How long before its deadline a search stops: GLPK's next run between
 * two calls of watch_search, taken to be as long as the longest of the
 * last 10 s (a round of root cuts on bench_gen large takes 0.5-1 s, 1-2 s
 * when the other core is busy), but
 * - not pseudo-cost branching's start-up (watch_search leaves it out):
 *   it comes once, and choose_branch has made room for it. Counted, it
 *   stopped large at 46 s of 60: a 14.4 s start-up ended at 46.1 s;
 * - never more than a twentieth of the time the search was given (3 s of
 *   60), so that a long run that is not the norm cannot leave more of the
 *   time unused. At worst GLPK's next run then ends that much past the
 *   deadline less the guard; the runs measured end within a second.
 * A work limit is guarded the same way in iterations (the most GLPK did
 * between two calls in this search, at most a twentieth of its work);
 * work is not the clock, so the guard is the same on every run. */
static double step_guard(const struct mip_watch *w)
{
	double most = (w->limit.deadline - w->start) / 20;
	return w->glpk_step < most ? w->glpk_step : most;
}

static long work_guard(const struct mip_watch *w)
{
	long most = (w->limit.work_end - w->work_start) / 20;
	return w->work_step < most ? w->work_step : most;
}

/* Adds GLPK's iterations since the last call to the search's work. */
static void count_work(glp_tree *tree, struct mip_watch *w)
{
	glp_prob *p = glp_ios_get_prob(tree);
	int it;
	if (!w->limit.work)
		return;
	if (p != w->it_prob) { /* GLPK's presolved copy: its count starts at 0 */
		w->it_prob = p;
		w->it_last = 0;
	}
	it = glp_get_it_cnt(p);
	if (it - w->it_last > w->work_step)
		w->work_step = it - w->it_last;
	*w->limit.work += it - w->it_last;
	w->it_last = it;
}

/* Keeps the best bound of the open nodes (of a search of the whole model),
 * for the gap of a stopped search. GLPK finds the best open node by
 * walking all of them: done at every call of watch_search it was 28% of
 * tiny-c's search (thousands of open nodes, LPs of 42 rows; perf,
 * 2026-12-07). So in a small model's search (sol_counts_is_small) it is
 * done once a node, when GLPK is about to select the next (GLP_ISELECT:
 * nothing changes the open nodes between that call and GLPK's own check
 * of its time limit), and when the search is stopped or reports; only a
 * search GLPK stops inside a node's rounds of cuts keeps the bound before
 * that node, lower (and as true) than it might be. Bigger models keep
 * the walk at every call: a few nodes, long LPs. */
static void keep_bound(glp_tree *tree, struct mip_watch *w)
{
	int best;
	if (!w->keeps_bound)
		return;
	best = glp_ios_best_node(tree);
	if (best) {
		w->bound = glp_ios_node_bound(tree, best);
		w->has_bound = true;
	}
}

/* Keeps the best bound of the open nodes, for the gap of a stopped search
 * (keep_bound);
 * hands GLPK the rota to start from; branches (see choose_branch); reports
 * progress and stops the search when asked to. */
static void watch_search(glp_tree *tree, void *info)
{
	struct mip_watch *w = info;
	double now = mu_time_now();
	if (!w->is_small)
		keep_bound(tree, w);
	count_work(tree, w);
	if (w->left_at > 0 && w->is_starting_up)
		w->is_starting_up = false; /* once, and choose_branch made room for it */
	else if (w->left_at > 0) {
		double step = now - w->left_at;
		if (step > w->glpk_step || now - w->glpk_step_at > 10) {
			w->glpk_step = step;
			w->glpk_step_at = now;
		}
	}
	switch (glp_ios_reason(tree)) {
	case GLP_ISELECT:
		if (w->is_small)
			keep_bound(tree, w);
		break;
	case GLP_IPREPRO:
		w->lp_start = now;
		break;
	case GLP_IROWGEN:
		if (w->lp_start > 0)
			w->lp_seconds = now - w->lp_start;
		break;
	case GLP_IHEUR:
		if (w->node_rins_lp && !w->rota && !w->rins_lp)
			rins_from_node(tree, w, now);
		if (w->rota) {
			glp_prob *lp = glp_ios_get_prob(tree);
			int n = glp_get_num_cols(lp), j;
			double *x = mu_malloc(((size_t)n + 1) * sizeof(double));
			for (j = 1; j <= w->n_model_cols; j++)
				x[j] = w->rota[j - 1];
			sol_counts_fill(lp, w->n_model_rows, w->n_model_cols, x);
			glp_ios_heur_sol(tree, x);
			free(x);
			w->rota = NULL;
		}
		break;
	case GLP_IBRANCH:
		if (w->rins_lp)
			rins_from_root(tree, w);
		choose_branch(tree, w, mu_time_now());
		break;
	default:
		break;
	}
	/* GLPK checks its own time limit between nodes only; cut rounds at
	 * the root of a large model ran past it by minutes. So the search
	 * stops when GLPK's next run would not fit: see step_guard. */
	now = mu_time_now(); /* after any RINS above */
	if (w->opt->stop && *w->opt->stop)
		w->stopped_by = SOL_STOP_INTERRUPT;
	else if (w->limit.deadline > 0 && now + step_guard(w) > w->limit.deadline)
		w->stopped_by = SOL_STOP_TIME;
	else if (w->limit.work_end > 0 && *w->limit.work + work_guard(w) >= w->limit.work_end)
		w->stopped_by = SOL_STOP_WORK;
	if (w->stopped_by != SOL_STOP_NONE) {
		if (w->is_small)
			keep_bound(tree, w);
		glp_ios_terminate(tree);
		return;
	}
	if (w->opt->progress && now - w->last_report >= 1.0) {
		glp_prob *lp = glp_ios_get_prob(tree);
		int st = glp_mip_status(lp);
		bool has_solution = st == GLP_FEAS || st == GLP_OPT;
		if (w->is_small)
			keep_bound(tree, w);
		w->last_report = now;
		w->opt->progress(w->opt->progress_ctx, now - w->start, has_solution,
		                 has_solution ? glp_mip_obj_val(lp) : 0, w->has_bound, w->bound);
	}
	w->left_at = mu_time_now();
}

/* Branch and cut as muster runs it, watched (and stopped) by w. */
static int run_intopt(glp_prob *lp, struct mip_watch *w)
{
	glp_iocp parm;
	int rc;
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	/* Without the presolver the search starts from the relaxation already
	 * solved (GLPK's presolver solves it again, cold: 25 s on large) and
	 * can be handed the rota; in RINS it drops the fixed columns. */
	parm.presolve = w->is_presolved ? GLP_ON : GLP_OFF;
	parm.fp_heur = GLP_ON;
	/* Every cut class: the bank's rest cliques and the floors want them
	 * (the defaults, without, left the example 0.5% from proven). */
	parm.br_tech = GLP_BR_PCH;
	parm.mir_cuts = GLP_ON;
	parm.gmi_cuts = GLP_ON;
	parm.cov_cuts = GLP_ON;
	parm.clq_cuts = GLP_ON;
	parm.cb_func = watch_search;
	parm.cb_info = w;
	if (!mu_time_ms_until(w->limit.deadline, &parm.tm_lim) || sol_limit_is_reached(&w->limit))
		return GLP_ETMLIM;
	w->left_at = mu_time_now();
	w->it_prob = lp;
	w->it_last = glp_get_it_cnt(lp);
	w->work_start = w->limit.work ? *w->limit.work : 0;
	rc = glp_intopt(lp, &parm);
	if (w->limit.work && w->it_prob == lp) /* after GLPK's last call */
		*w->limit.work += glp_get_it_cnt(lp) - w->it_last;
	return rc;
}

/* Ranges of each row's limit over which the optimal basis, and so the row's
 * dual, stays the same. A basic row (slack, dual 0) keeps its dual until
 * the limit passes its activity; a non-basic one is analysed by GLPK, which
 * needs the basis factorised (the presolver leaves it unfactorised). */
static void rhs_ranges(glp_prob *lp, struct sol_result *out)
{
	bool has_factor = glp_bf_exists(lp) || glp_factorize(lp) == 0;
	int i;
	out->rhs_from = mu_malloc((out->n_rows + 1) * sizeof(double));
	out->rhs_to = mu_malloc((out->n_rows + 1) * sizeof(double));
	for (i = 0; i < (int)out->n_rows; i++) {
		int stat = glp_get_row_stat(lp, i + 1), type = glp_get_row_type(lp, i + 1), var;
		double act = out->row_activity[i], from = NAN, to = NAN;
		if (stat == GLP_BS) {
			from = type == GLP_LO ? -SOL_INF : act;
			to = type == GLP_UP ? SOL_INF : act;
			if (type == GLP_DB || type == GLP_FR)
				from = -SOL_INF, to = SOL_INF;
		} else if (stat != GLP_NF && has_factor) {
			glp_analyze_bound(lp, i + 1, &from, &var, &to, &var);
			if (from <= -DBL_MAX)
				from = -SOL_INF;
			if (to >= DBL_MAX)
				to = SOL_INF;
		}
		out->rhs_from[i] = from;
		out->rhs_to[i] = to;
	}
}

static int nonbasic_status(int type, bool is_upper)
{
	switch (type) {
	case GLP_FR:
		return GLP_NF;
	case GLP_LO:
		return GLP_NL;
	case GLP_UP:
		return GLP_NU;
	case GLP_FX:
		return GLP_NS;
	default:
		return is_upper ? GLP_NU : GLP_NL;
	}
}

void sol_glpk_set_basis(glp_prob *lp, const unsigned char *rows, const unsigned char *cols)
{
	int m = glp_get_num_rows(lp), n = glp_get_num_cols(lp), i, n_basic = 0;
	for (i = 1; i <= m; i++) {
		int s = rows[i - 1];
		bool is_basic = s == SOL_BASIS_BASIC || s == SOL_BASIS_NONE;
		glp_set_row_stat(
		    lp, i,
		    is_basic ? GLP_BS
		             : nonbasic_status(glp_get_row_type(lp, i), s == SOL_BASIS_UPPER));
		n_basic += is_basic;
	}
	for (i = 1; i <= n; i++) {
		int s = cols[i - 1];
		bool is_basic = s == SOL_BASIS_BASIC && n_basic < m;
		glp_set_col_stat(
		    lp, i,
		    is_basic ? GLP_BS
		             : nonbasic_status(glp_get_col_type(lp, i), s == SOL_BASIS_UPPER));
		n_basic += is_basic;
	}
	for (i = 1; i <= m && n_basic < m; i++)
		if (glp_get_row_stat(lp, i) != GLP_BS) {
			glp_set_row_stat(lp, i, GLP_BS);
			n_basic++;
		}
}

unsigned char sol_glpk_basis_status(int glp_stat)
{
	switch (glp_stat) {
	case GLP_BS:
		return SOL_BASIS_BASIC;
	case GLP_NU:
		return SOL_BASIS_UPPER;
	default:
		return SOL_BASIS_LOWER;
	}
}

void sol_glpk_get_basis(glp_prob *lp, unsigned char *rows, unsigned char *cols)
{
	int m = glp_get_num_rows(lp), n = glp_get_num_cols(lp), i;
	for (i = 0; i < m; i++)
		rows[i] = sol_glpk_basis_status(glp_get_row_stat(lp, i + 1));
	for (i = 0; i < n; i++)
		cols[i] = sol_glpk_basis_status(glp_get_col_stat(lp, i + 1));
}

static void keep_basis(glp_prob *lp, struct sol_result *out)
{
	out->row_basis = mu_malloc(out->n_rows + 1);
	out->col_basis = mu_malloc(out->n_cols + 1);
	sol_glpk_get_basis(lp, out->row_basis, out->col_basis);
}

/* Solves the linear relaxation: from the warm basis opt gives, by sifting
 * when opt marks core columns, or by dual simplex after presolve (also when
 * the others do not work out). With watch (a rota's relaxation) the warm
 * and sifted simplex calls run in chunks (sol_relax_simplex) and a stop
 * between two ends the relaxation; the presolved call, which keeps no
 * basis to go on from, runs whole (models under SOL_SIFT_MIN_COLS
 * columns, or a sifting that failed). On MU_OK, out->status is
 * SOL_OPTIMAL, SOL_INFEASIBLE, SOL_UNBOUNDED or SOL_NO_SOLUTION (the time
 * limit passed, or stopped: *is_stopped then true); MU_E_SOLVER when GLPK
 * fails. */
static enum mu_code run_simplex(glp_prob *lp, const struct sol_model *m,
                                const struct sol_options *opt, glp_smcp *parm,
                                struct sol_relax_watch *watch, bool *is_stopped,
                                struct sol_result *out, struct mu_err *err)
{
	bool is_warm = opt->warm_rows && opt->warm_cols;
	bool is_purging = !opt->is_mip && m->n_cols >= SOL_SIFT_PURGE_MIN_COLS;
	bool is_done = false;
	double deadline = opt->time_limit > 0 ? mu_time_now() + opt->time_limit : 0;
	int rc = 0, st;
	glp_init_smcp(parm);
	parm->msg_lev = GLP_MSG_OFF;
	parm->meth = GLP_DUALP;
	mu_time_ms_until(deadline, &parm->tm_lim);
	if (!is_warm && opt->is_apart_when_fixed) {
		size_t n_blocks;
		if (sol_blocks_solve_fixed_apart(lp, parm, &n_blocks)) {
			/* optimal as it stands: the whole confirms it */
			parm->presolve = GLP_OFF;
			rc = mu_time_ms_until(deadline, &parm->tm_lim)
			         ? sol_relax_simplex(lp, parm, watch)
			         : GLP_ETMLIM;
			is_done = rc != GLP_EBADB && rc != GLP_ESING && rc != GLP_ECOND;
		}
	}
	if (is_done) {
		/* solved by blocks */
	} else if (is_warm) {
		sol_glpk_set_basis(lp, opt->warm_rows, opt->warm_cols);
		parm->presolve = GLP_OFF;
		rc = sol_relax_simplex(lp, parm, watch);
		is_done = rc != GLP_EBADB && rc != GLP_ESING && rc != GLP_ECOND;
	} else if (opt->col_is_core) {
		enum sol_sift_outcome sifted =
		    sol_sift_solve(lp, m, opt->col_is_core, opt->col_late, is_purging, parm,
		                   deadline, watch, &out->sift_rounds);
		is_done = sifted != SOL_SIFT_FAILED;
		rc = sifted == SOL_SIFT_TIME_UP   ? GLP_ETMLIM
		     : sifted == SOL_SIFT_STOPPED ? GLP_ESTOP
		                                  : 0;
	}
	/* cold, or a warm or sifted start that did not work out */
	if (!is_done) {
		glp_std_basis(lp);
		parm->presolve = GLP_ON;
		rc = mu_time_ms_until(deadline, &parm->tm_lim) ? glp_simplex(lp, parm) : GLP_ETMLIM;
	}
	st = glp_get_status(lp);
	*is_stopped = rc == GLP_ESTOP;
	if (rc == GLP_ENOPFS || (rc == 0 && (st == GLP_NOFEAS || st == GLP_INFEAS)))
		out->status = SOL_INFEASIBLE;
	else if (rc == GLP_ENODFS || (rc == 0 && st == GLP_UNBND))
		out->status = SOL_UNBOUNDED;
	else if (rc == GLP_ETMLIM || rc == GLP_ESTOP)
		out->status = SOL_NO_SOLUTION;
	else if (rc != 0)
		return mu_err_set(err, MU_E_SOLVER, "GLPK simplex failed (code %d)", rc);
	else
		out->status = SOL_OPTIMAL;
	return MU_OK;
}

void sol_glpk_read_lp(glp_prob *lp, bool is_basis, struct sol_result *out)
{
	int i;
	out->objective = glp_get_obj_val(lp);
	out->x = mu_malloc((out->n_cols + 1) * sizeof(double));
	out->col_dual = mu_malloc((out->n_cols + 1) * sizeof(double));
	out->row_dual = mu_malloc((out->n_rows + 1) * sizeof(double));
	for (i = 0; i < (int)out->n_cols; i++) {
		out->x[i] = glp_get_col_prim(lp, i + 1);
		out->col_dual[i] = glp_get_col_dual(lp, i + 1);
	}
	out->row_activity = mu_malloc((out->n_rows + 1) * sizeof(double));
	for (i = 0; i < (int)out->n_rows; i++) {
		out->row_dual[i] = glp_get_row_dual(lp, i + 1);
		out->row_activity[i] = glp_get_row_prim(lp, i + 1);
	}
	if (is_basis)
		keep_basis(lp, out);
}

static enum mu_code solve_lp(glp_prob *lp, const struct sol_model *m, const struct sol_options *opt,
                             struct sol_result *out, struct mu_err *err)
{
	glp_smcp parm;
	bool is_stopped;
	enum mu_code rc = run_simplex(lp, m, opt, &parm, NULL, &is_stopped, out, err);
	if (rc != MU_OK || out->status != SOL_OPTIMAL)
		return rc;
	sol_glpk_read_lp(lp, false, out);
	if (opt->want_ranges)
		rhs_ranges(lp, out);
	if (opt->want_basis)
		keep_basis(lp, out);
	return MU_OK;
}

/* GLPK's own statuses of every row and column, to go back to. */
struct saved_basis {
	int *row_stat, *col_stat;
};

static struct saved_basis save_basis(glp_prob *lp)
{
	int m = glp_get_num_rows(lp), n = glp_get_num_cols(lp), i;
	struct saved_basis b = {mu_malloc(((size_t)m + 1) * sizeof(int)),
	                        mu_malloc(((size_t)n + 1) * sizeof(int))};
	for (i = 1; i <= m; i++)
		b.row_stat[i] = glp_get_row_stat(lp, i);
	for (i = 1; i <= n; i++)
		b.col_stat[i] = glp_get_col_stat(lp, i);
	return b;
}

static void saved_basis_free(struct saved_basis *b)
{
	free(b->row_stat);
	free(b->col_stat);
	b->row_stat = b->col_stat = NULL;
}

/* Sets the saved statuses again, and frees them. */
static void restore_basis(glp_prob *lp, struct saved_basis *b)
{
	int m = glp_get_num_rows(lp), n = glp_get_num_cols(lp), i;
	for (i = 1; i <= m; i++)
		glp_set_row_stat(lp, i, b->row_stat[i]);
	for (i = 1; i <= n; i++)
		glp_set_col_stat(lp, i, b->col_stat[i]);
	saved_basis_free(b);
}

/* Solves lp from its basis with parm as it stands, adding the iterations
 * to *work (may be NULL). */
static bool resolve(glp_prob *lp, const glp_smcp *parm, long *work)
{
	int before = glp_get_it_cnt(lp);
	bool is_solved = glp_simplex(lp, parm) == 0 && glp_get_status(lp) == GLP_OPT;
	if (work)
		*work += glp_get_it_cnt(lp) - before;
	return is_solved;
}

/* Rounds the columns sol_round_lp selects in lp's current solution, fixes
 * them and re-solves. */
static bool round_and_fix(glp_prob *lp, const struct sol_model *m, const glp_smcp *parm,
                          bool is_binary, double *x_lp, double *x, long *work)
{
	size_t j;
	for (j = 0; j < m->n_cols; j++)
		x_lp[j] = glp_get_col_prim(lp, (int)j + 1);
	sol_round_lp(m, x_lp, is_binary, x);
	for (j = 0; j < m->n_cols; j++)
		if (m->col_is_int[j] && sol_round_is_binary(m, j) == is_binary)
			glp_set_col_bnds(lp, (int)j + 1, GLP_FX, x[j], x[j]);
	return resolve(lp, parm, work);
}

/* Whether a step that may be cut short (there is a rota without it) should
 * stop: limit has run out. A stop (Ctrl-C) does not cut it: a search asked
 * to stop still ends with the rounded rota and the relaxation's bound. */
static bool is_cut_short(bool may_stop, const struct sol_limit *limit)
{
	return may_stop && sol_limit_is_reached(limit);
}

/* A first rota from the relaxation just solved. The 0/1 columns (named
 * bank workers) are rounded and fixed first; the relaxation then
 * re-balances the counts (own, lent, agency staff) around them before
 * those are rounded and fixed too; last, the continuous columns (short,
 * breach) are re-optimised. Returns false when that leaves no feasible
 * solution. With may_stop (a constructed rota in hand) the rounding gives
 * up, returning false, when limit runs out before its last re-solve;
 * without, it runs whole (there is no rota without it). Polishing stops
 * when limit runs out. The model's bounds are restored after. */
static bool round_relaxation(glp_prob *lp, const struct sol_model *m, const glp_smcp *parm,
                             const struct sol_limit *limit, bool may_stop, double *x,
                             double *objective)
{
	double *x_lp = mu_malloc((m->n_cols + 1) * sizeof(double));
	bool is_found = true;
	size_t j, round;
	/* Workers rounded up are fixed at 1 and the relaxation re-solved, so
	 * that the others move to where they are now most useful; a few
	 * rounds, then whatever is still fractional is rounded as it stands. */
	for (round = 0; round < 8 && is_found; round++) {
		size_t n_up = 0;
		for (j = 0; j < m->n_cols; j++)
			x_lp[j] = glp_get_col_prim(lp, (int)j + 1);
		sol_round_lp(m, x_lp, true, x);
		for (j = 0; j < m->n_cols; j++)
			if (sol_round_is_binary(m, j) && x[j] == 1 && x_lp[j] < 1 - 1e-9 &&
			    glp_get_col_type(lp, (int)j + 1) != GLP_FX) {
				glp_set_col_bnds(lp, (int)j + 1, GLP_FX, 1, 1);
				n_up++;
			}
		if (n_up == 0)
			break;
		is_found = resolve(lp, parm, limit->work) && !is_cut_short(may_stop, limit);
	}
	is_found = is_found && round_and_fix(lp, m, parm, true, x_lp, x, limit->work) &&
	           !is_cut_short(may_stop, limit) &&
	           round_and_fix(lp, m, parm, false, x_lp, x, limit->work);
	if (is_found) {
		*objective = glp_get_obj_val(lp);
		sol_polish(lp, m, parm, limit, x, objective);
		for (j = 0; j < m->n_cols; j++)
			/* a fixed column that is basic reads back with noise (1e-16) */
			x[j] =
			    m->col_is_int[j] ? floor(x[j] + 0.5) : glp_get_col_prim(lp, (int)j + 1);
	}
	for (j = 0; j < m->n_cols; j++)
		if (m->col_is_int[j])
			set_col_bounds(lp, m, j);
	free(x_lp);
	return is_found;
}

/* Relaxation-induced neighbourhood search (RINS): the integer columns
 * where the rota agrees with the relaxation are fixed there, and branch
 * and cut re-optimises the others (GLPK's presolver drops the fixed ones)
 * until limit runs out; a cheaper rota replaces x. With the rows of
 * pol_rota_cuts.c the two agree on all but a few hundred columns of
 * bench_gen large's 47,000, and the search over those finds a rota within
 * 0.01% of the bound in 3 s. The model's bounds are restored after. */
static bool improve_by_rins(glp_prob *lp, const struct sol_model *m, const struct sol_options *opt,
                            const double *x_relaxed, const struct sol_limit *limit, double *x,
                            double *objective)
{
	struct mip_watch watch = {.opt = opt, .is_presolved = true, .limit = *limit};
	bool is_better;
	size_t j, n_free = 0;
	int st = GLP_UNDEF;
	watch.start = watch.last_report = mu_time_now();
	for (j = 0; j < m->n_cols; j++)
		if (m->col_is_int[j] && fabs(x_relaxed[j] - x[j]) < 1e-6)
			glp_set_col_bnds(lp, (int)j + 1, GLP_FX, x[j], x[j]);
		else
			n_free += m->col_is_int[j];
	/* With every integer column fixed there is nothing to search, and
	 * GLPK 5.0 aborts the process on it: its presolver leaves no column,
	 * and its cover cuts call glp_add_cols with 0 (a guaranteed rota of
	 * two partners, tests/test_model.c) */
	if (n_free > 0) {
		run_intopt(lp, &watch);
		st = glp_mip_status(lp);
	}
	is_better = (st == GLP_OPT || st == GLP_FEAS) &&
	            glp_mip_obj_val(lp) < *objective - 1e-9 * (1 + fabs(*objective));
	if (is_better) {
		*objective = glp_mip_obj_val(lp);
		for (j = 0; j < m->n_cols; j++)
			x[j] = glp_mip_col_val(lp, (int)j + 1);
	}
	for (j = 0; j < m->n_cols; j++)
		if (m->col_is_int[j])
			set_col_bounds(lp, m, j);
	return is_better;
}

/* What the relaxation's chunks tell (relax_chunk): the test's hook, and
 * the progress line about once a second with the constructed rota. */
struct relax_tell {
	const struct sol_options *opt;
	double start, last_report;
	bool has_rota;
	double objective;
};

static void relax_chunk(void *ctx, long iterations)
{
	struct relax_tell *t = ctx;
	double now = mu_time_now();
	if (t->opt->on_relax_chunk)
		t->opt->on_relax_chunk(t->opt->progress_ctx, iterations);
	if (t->opt->progress && now - t->last_report >= 1.0) {
		t->last_report = now;
		t->opt->progress(t->opt->progress_ctx, now - t->start, t->has_rota, t->objective,
		                 false, 0);
	}
}

/* What ended a search that a limit (or a stop) cut short, GLPK's or one
 * of its steps' (the rounding, run_intopt before it began): a stop first,
 * then the work when it has run out, else the clock when there is one. */
static enum sol_stop limit_stop(const struct sol_options *opt, const struct sol_limit *l)
{
	if (opt->stop && *opt->stop)
		return SOL_STOP_INTERRUPT;
	if (l->work_end > 0 && *l->work >= l->work_end)
		return SOL_STOP_WORK;
	return l->deadline > 0 ? SOL_STOP_TIME : l->work_end > 0 ? SOL_STOP_WORK : SOL_STOP_NONE;
}

/* Branch and cut, after a constructed rota (opt->col_is_slack), the
 * relaxation and a rounded rota: if the search finds nothing better in
 * time (or nothing at all), the better of the rounded and the constructed
 * rota is the answer, with the relaxation as its bound; stopped by the
 * clock before the relaxation is solved, the constructed rota with no
 * bound. A stop (opt->stop) ends the search at its next callback: the
 * relaxation and the rounding run whole, so that the rota kept has the
 * relaxation's bound. */
static enum mu_code solve_mip(glp_prob *lp, const struct sol_model *m,
                              const struct sol_options *opt, struct sol_result *out,
                              struct mu_err *err)
{
	glp_smcp lp_parm;
	struct mip_watch watch = {.opt = opt, .keeps_bound = true};
	bool is_limited = opt->time_limit > 0 || opt->work_limit > 0;
	double relaxed, rounded_objective = 0;
	double *rounded = mu_malloc((m->n_cols + 1) * sizeof(double));
	double *x_relaxed = mu_malloc((m->n_cols + 1) * sizeof(double));
	struct saved_basis relaxed_basis = {NULL, NULL};
	glp_prob *rins_lp = NULL;
	double *built = NULL, built_objective = 0;
	bool has_rounded, has_mip, has_built = false, is_stopped = false;
	struct relax_tell tell;
	struct sol_relax_watch relax;
	enum mu_code rc;
	int glp_rc, st, i;

	watch.start = watch.last_report = mu_time_now();
	if (opt->col_is_slack) {
		built = mu_malloc((m->n_cols + 1) * sizeof(double));
		has_built =
		    sol_construct(m, opt->col_is_slack, opt->col_start, built, &built_objective);
		/* a start that breaks a row (a limit it did not count): from
		 * nobody at work instead */
		if (!has_built && opt->col_start)
			has_built =
			    sol_construct(m, opt->col_is_slack, NULL, built, &built_objective);
	}
	/* a stop already set (a later search of a command stopped before)
	 * lets the relaxation run whole, so that the rota has a bound */
	tell = (struct relax_tell){opt, watch.start, watch.start, has_built, built_objective};
	relax = (struct sol_relax_watch){.stop = opt->stop && !*opt->stop ? opt->stop : NULL,
	                                 .on_chunk = relax_chunk,
	                                 .ctx = &tell,
	                                 .chunk = opt->relax_chunk};
	rc = run_simplex(lp, m, opt, &lp_parm, &relax, &is_stopped, out, err);
	if (rc == MU_OK && out->status == SOL_NO_SOLUTION && has_built) {
		/* stopped (the clock, a stop) before the relaxation was solved:
		 * no bound */
		out->status = SOL_FEASIBLE;
		out->stopped_by = is_stopped ? SOL_STOP_INTERRUPT : SOL_STOP_TIME;
		out->objective = built_objective;
		out->x = built;
		out->is_built = true;
		built = NULL;
		goto done;
	}
	if (rc != MU_OK || out->status != SOL_OPTIMAL)
		goto done;
	relaxed = glp_get_obj_val(lp);
	if (opt->want_basis)
		keep_basis(lp, out);
	lp_parm.presolve = GLP_OFF; /* the roundings re-solve from the relaxation's basis */
	relaxed_basis = save_basis(lp);
	for (i = 0; i < (int)m->n_cols; i++)
		x_relaxed[i] = glp_get_col_prim(lp, i + 1);
	if (opt->time_limit > 0)
		watch.limit.deadline = watch.start + opt->time_limit;
	/* the work is what the search does after the relaxation */
	watch.limit.work = &out->work;
	watch.limit.work_end = opt->work_limit;
	has_rounded =
	    round_relaxation(lp, m, &lp_parm, &watch.limit, has_built, rounded, &rounded_objective);
	if (has_built && (!has_rounded || built_objective < rounded_objective)) {
		memcpy(rounded, built, m->n_cols * sizeof(double));
		rounded_objective = built_objective;
		has_rounded = true;
	}

	/* With a limit, up to a quarter of what is left goes to RINS */
	if (has_rounded && is_limited) {
		struct sol_limit quarter = limit_share(&watch.limit, 0.25);
		improve_by_rins(lp, m, opt, x_relaxed, &quarter, rounded, &rounded_objective);
	}
	/* The search starts from the relaxation's optimal basis (no simplex
	 * iterations) with the rota in hand; should that fail, GLPK's
	 * presolver solves the relaxation itself. */
	restore_basis(lp, &relaxed_basis);
	watch.n_model_rows = glp_get_num_rows(lp);
	watch.n_model_cols = glp_get_num_cols(lp);
	sol_counts_add(lp, m); /* small models only: see sol_counts.c */
	watch.is_small = sol_counts_is_small(m);
	watch.is_presolved = !resolve(lp, &lp_parm, &out->work);
	if (!watch.is_presolved && has_rounded)
		watch.rota = rounded;
	if (!watch.is_presolved && has_rounded && is_limited) {
		rins_lp = glp_create_prob();
		glp_copy_prob(rins_lp, lp, GLP_OFF);
		watch.rins_lp = rins_lp;
		if (!sol_counts_has_classes(m))
			watch.node_rins_lp = rins_lp;
		watch.m = m;
		watch.rins_x = rounded;
		watch.rins_objective = &rounded_objective;
	}
	glp_rc = run_intopt(lp, &watch);
	st = glp_mip_status(lp);
	if (glp_rc == GLP_ENOPFS || (glp_rc != GLP_ETMLIM && st == GLP_NOFEAS)) {
		out->status = SOL_INFEASIBLE;
		goto done;
	}
	if (glp_rc == GLP_ENODFS) {
		out->status = SOL_UNBOUNDED;
		goto done;
	}
	if (glp_rc != 0 && glp_rc != GLP_ETMLIM && glp_rc != GLP_EMIPGAP && glp_rc != GLP_ESTOP) {
		rc = mu_err_set(err, MU_E_SOLVER, "GLPK branch and cut failed (code %d)", glp_rc);
		goto done;
	}
	has_mip = st == GLP_OPT || st == GLP_FEAS;
	if (has_mip && (!has_rounded || glp_mip_obj_val(lp) <= rounded_objective)) {
		out->objective = glp_mip_obj_val(lp);
		out->x = mu_malloc((out->n_cols + 1) * sizeof(double));
		for (i = 0; i < (int)out->n_cols; i++)
			out->x[i] = glp_mip_col_val(lp, i + 1);
	} else if (has_rounded) {
		out->objective = rounded_objective;
		out->x = rounded;
		rounded = NULL;
	} else {
		out->status = SOL_NO_SOLUTION;
		goto done;
	}
	out->node_rins = watch.node_rins;
	out->node_rins_work = watch.node_rins_work;
	out->is_built =
	    has_built && out->objective >= built_objective - 1e-9 * (1 + fabs(built_objective));
	out->has_bound = true;
	out->bound = relaxed;
	/* GLPK's search ran to its end: proven (by tol_obj), the rounded
	 * rota perhaps a hair cheaper than GLPK's */
	if (glp_rc == 0 && st == GLP_OPT)
		out->bound = fmin(glp_mip_obj_val(lp), out->objective);
	else if (watch.has_bound && watch.bound > relaxed)
		out->bound = watch.bound;
	/* an open node's bound at or above the rota is one GLPK had yet to prune */
	out->bound = fmin(out->bound, out->objective);
	out->gap = (out->objective - out->bound) / (1e-9 + fabs(out->objective));
	/* what the numbers say, whatever ended the search (sol_is_proven) */
	out->status = sol_is_proven(out->objective, out->bound) ? SOL_OPTIMAL : SOL_FEASIBLE;
	out->stopped_by = glp_rc == GLP_ESTOP    ? watch.stopped_by
	                  : glp_rc == GLP_ETMLIM ? limit_stop(opt, &watch.limit)
	                                         : SOL_STOP_NONE;
done:
	if (rins_lp)
		glp_delete_prob(rins_lp);
	saved_basis_free(&relaxed_basis);
	free(x_relaxed);
	free(rounded);
	free(built);
	return rc;
}

enum mu_code sol_glpk_solve(struct sol_model *m, const struct sol_options *opt,
                            struct sol_result *out, struct mu_err *err)
{
	glp_prob *lp;
	enum mu_code rc;
	double start;

	memset(out, 0, sizeof(*out));
	if ((rc = sol_glpk_check(m, err)) != MU_OK)
		return rc;
	glp_term_hook(sol_glpk_swallow, NULL);
	lp = sol_glpk_load(m, opt->is_mip);
	out->n_rows = m->n_rows;
	out->n_cols = m->n_cols;
	out->n_nonzeros = m->n_entries;
	start = mu_time_now();
	rc = opt->is_mip ? solve_mip(lp, m, opt, out, err) : solve_lp(lp, m, opt, out, err);
	out->solve_seconds = mu_time_now() - start;
	glp_delete_prob(lp);
	glp_term_hook(NULL, NULL);
	return rc;
}

enum mu_code sol_glpk_write_mps(struct sol_model *m, bool is_mip, const char *path,
                                struct mu_err *err)
{
	glp_prob *lp;
	enum mu_code rc;
	int r;
	if ((rc = sol_glpk_check(m, err)) != MU_OK)
		return rc;
	glp_term_hook(sol_glpk_swallow, NULL);
	lp = sol_glpk_load(m, is_mip);
	r = glp_write_mps(lp, GLP_MPS_FILE, NULL, path);
	glp_delete_prob(lp);
	glp_term_hook(NULL, NULL);
	if (r != 0)
		return mu_err_set(err, MU_E_IO, "%s: cannot write MPS file", path);
	return MU_OK;
}

void sol_result_release(struct sol_result *r)
{
	free(r->x);
	free(r->row_dual);
	free(r->col_dual);
	free(r->row_activity);
	free(r->rhs_from);
	free(r->rhs_to);
	free(r->row_basis);
	free(r->col_basis);
	r->row_basis = r->col_basis = NULL;
	r->x = r->row_dual = r->col_dual = r->row_activity = r->rhs_from = r->rhs_to = NULL;
}
