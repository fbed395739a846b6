/*
 * pol_solve.c - build, solve and read back one scenario: the pipeline every
 * caller shares. The MPS files are written before the rota's extra rows:
 * the model solved (its bank pooled in rota mode, pol_bank.c), and on
 * request the natural model of DESIGN.md §3, for any solver to check.
 */
#include "pol_solve.h"

#include "core/mu_alloc.h"
#include "core/mu_map.h"
#include "core/mu_time.h"
#include "policies/pol_build.h"
#include "policies/pol_plan.h"
#include "policies/pol_prices.h"
#include "solver/sol_basis.h"
#include "solver/sol_glpk.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct pol_warm {
	struct sol_basis basis;
	bool has_basis;
};

struct pol_warm *pol_warm_new(void)
{
	struct pol_warm *w = mu_calloc(1, sizeof(*w));
	sol_basis_init(&w->basis);
	return w;
}

void pol_warm_free(struct pol_warm *w)
{
	if (!w)
		return;
	sol_basis_release(&w->basis);
	free(w);
}

/* The prices of a plan-mode solution, one per model row. */
static void read_prices(const struct pol_build *b, const struct sol_result *res,
                        struct pol_solved *out)
{
	struct pol_prices *p =
	    pol_prices_new(b, res->row_dual, res->row_activity, res->rhs_from, res->rhs_to);
	out->prices = p->rows;
	out->n_prices = p->n_rows;
	p->rows = NULL;
	pol_prices_free(p);
}

/* The smallest pool req's model has (0: none). Plan mode stays natural
 * unless asked: pools there made bench_gen large 6% slower and a wider
 * variant 12% faster, and GLPK then ends on another of a plan's many
 * optima (the same cost, the same totals, shortfalls at other partners),
 * which would change every plan-mode answer muster gave before. */
static size_t pool_min_workers(const struct pol_solve_request *req)
{
	switch (req->pool) {
	case POL_POOL_ALWAYS:
		return 2;
	case POL_POOL_NEVER:
		return 0;
	default:
		return req->is_lp ? 0 : POL_POOL_MIN_WORKERS;
	}
}

/* In plan mode from SOL_SIFT_PURGE_MIN_COLS columns, for sifting: a
 * supply curve's extra staff and rate steps priced late, the steps
 * brought in at their upper bound (sol_glpk.h's enum sol_sift_late); NULL
 * when the model has no curve, in rota mode and below that size. Sifting
 * then nearly solves the model without curves first (as it solves
 * bench_gen large), and the curves after it: on large-supply 731M of
 * simplex work against 796M with both in the first working LP, and large
 * takes 617M (docs/speed.md, "Supply curves (§3d)"). Priced as any column,
 * extra staff cannot work until the steps come in, a round later (the
 * paid row holds them at zero); at their bound from the start of the
 * first working LP, the steps were taken back to zero. Here and
 * not in pol_build_core_cols: a game's and a recruitment's solves
 * (sol_lp) stay as they were. Free it. */
static unsigned char *sift_late_cols(const struct pol_build *b, bool is_lp)
{
	unsigned char *late;
	size_t j;
	if (!is_lp || b->n_curves == 0 || b->m->n_cols < SOL_SIFT_PURGE_MIN_COLS)
		return NULL;
	late = mu_calloc(b->m->n_cols + 1, 1);
	for (j = 0; j < b->m->n_cols; j++)
		if (b->cols[j].source == MU_SRC_BANK_EXTRA)
			late[j] = SOL_SIFT_LATE;
		else if (b->cols[j].source == MU_SRC_RATE_STEP)
			late[j] = SOL_SIFT_LATE_AT_UP;
	return late;
}

/* The MPS files req asks for: the model b to be solved, and the natural
 * one (b itself when it is natural, else built for the file alone). */
static enum mu_code write_mps(const struct mu_scenario *sc, const struct pol_solve_request *req,
                              struct pol_build *b, struct mu_err *err)
{
	struct pol_build *natural = b;
	enum mu_code rc = MU_OK;
	if (req->mps && (rc = sol_glpk_write_mps(b->m, !req->is_lp, req->mps, err)) != MU_OK)
		return rc;
	if (!req->mps_natural)
		return MU_OK;
	if (b->n_pools > 0)
		natural = pol_build_new(
		    sc, &(struct pol_build_options){.is_silo = req->is_silo,
		                                    .guarantee_cap = req->guarantee_cap,
		                                    .coalition = req->coalition,
		                                    .keep = req->keep,
		                                    .draws = req->draws});
	rc = sol_glpk_write_mps(natural->m, !req->is_lp, req->mps_natural, err);
	if (natural != b)
		pol_build_free(natural);
	return rc;
}

/* What a model needs, measured: `muster solve --lp` (outputs and store
 * included) of generated scenarios of 20,000 and 50,000 demand rows, each
 * with one staff row, peaked at 113 and 282 MB: 5.6 KB per demand row, and
 * little else. Rota mode's cuts and search take about twice plan mode's
 * memory (docs/speed.md). The build also holds an index per (partner,
 * role, shift) and an efficiency per pair of roles, 8 bytes each, whether
 * or not demand names them. */
#define BYTES_PER_DEMAND_ROW 5600.0
#define ROTA_MEMORY_FACTOR 2.0
/* A two-stage model's copy of the day (§3e) needs more than a model of §3
 * does per demand row: late agency, the day's capacity, break-glass and
 * budget rows, and the columns decided now in every day's cover rows. The
 * example with 50 scenarios peaked at 541 MiB in plan mode against 138 MB
 * by the bytes above, and `large` with 50 passed 2.5 GB before its solve
 * against 0.97 GB (docs/speed.md, "Two-stage plans"): 4 times. */
#define TWO_STAGE_MEMORY_FACTOR 4.0
#define MODEL_BYTES_MAX (2.0 * 1024 * 1024 * 1024)

/* Refuses, before anything is built, a scenario whose model would need more
 * than MODEL_BYTES_MAX (2 GiB: about 380,000 demand rows in plan mode,
 * 190,000 in rota mode), saying what it would need. MU_OK or MU_E_INPUT. */
static enum mu_code check_model_size(const struct mu_scenario *sc,
                                     const struct pol_solve_request *req, struct mu_err *err)
{
	double cells = (double)sc->n_partners * (double)sc->n_roles * (double)sc->n_shifts;
	/* a two-stage plan (§3e) has what is decided now once and each
	 * scenario's day: the rows and columns of the model N + 1 times at
	 * most */
	double n_copies = req->draws ? (double)req->draws->n_scenarios + 1 : 1;
	double per_copy = (double)sc->n_demand * BYTES_PER_DEMAND_ROW *
	                  (req->is_lp ? 1 : ROTA_MEMORY_FACTOR) *
	                  (req->draws ? TWO_STAGE_MEMORY_FACTOR : 1);
	double need =
	    per_copy * n_copies + 8 * cells + 8 * (double)sc->n_roles * (double)sc->n_roles;
	if (need <= MODEL_BYTES_MAX)
		return MU_OK;
	if (req->draws)
		return mu_err_set(
		    err, MU_E_INPUT,
		    "too large to solve: %zu demand rows and %zu scenarios make a two-stage %s "
		    "model (the day's rows once per scenario) that needs about %.1f GB of "
		    "memory, and muster builds none over %.1f GB: give fewer scenarios (at most "
		    "about %.0f here)",
		    sc->n_demand, req->draws->n_scenarios, req->is_lp ? "plan-mode" : "rota",
		    need / 1e9, MODEL_BYTES_MAX / 1e9, floor(MODEL_BYTES_MAX / per_copy) - 1);
	return mu_err_set(err, MU_E_INPUT,
	                  "too large to solve: %zu demand rows over %zu partners, %zu roles and "
	                  "%zu shifts make a %s model that needs about %.1f GB of memory, and "
	                  "muster builds none over %.1f GB (about %.0f demand rows in plan mode, "
	                  "%.0f in rota mode): split the scenario, e.g. by groups of partners",
	                  sc->n_demand, sc->n_partners, sc->n_roles, sc->n_shifts,
	                  req->is_lp ? "plan-mode" : "rota", need / 1e9, MODEL_BYTES_MAX / 1e9,
	                  MODEL_BYTES_MAX / BYTES_PER_DEMAND_ROW,
	                  MODEL_BYTES_MAX / BYTES_PER_DEMAND_ROW / ROTA_MEMORY_FACTOR);
}

/* What a two-stage plan (§3e) does not combine with yet: MU_OK or
 * MU_E_USAGE naming it (docs/choices.md says why). */
static enum mu_code check_draws(const struct mu_scenario *sc, const struct pol_solve_request *req,
                                struct mu_err *err)
{
	if (!req->draws)
		return MU_OK;
	if (req->keep)
		return mu_err_set(
		    err, MU_E_USAGE,
		    "--scenarios with --keep is not supported yet: re-plan a published "
		    "rota without scenarios, or make a new two-stage plan");
	if (req->coalition)
		return mu_err_set(err, MU_E_USAGE,
		                  "--scenarios with a coalition (shares) is not supported yet");
	if (req->guarantee_cap || sc->settings.guarantee != MU_GUARANTEE_NONE)
		return mu_err_set(err, MU_E_USAGE,
		                  "--scenarios with the setting guarantee is not supported yet: "
		                  "set guarantee to none");
	return MU_OK;
}

/* Whether a column or plan row of source is a staff decision made now
 * (§3e): a named bank worker, extra bank staff of a supply curve (§3d),
 * an agency booking. The rate paid follows from them. */
static bool is_now_staff(enum mu_source source)
{
	return source == MU_SRC_BANK || source == MU_SRC_BANK_EXTRA || source == MU_SRC_AGENCY;
}

/* A booking made now is not undone on the day: where a day's minimum is
 * below the break-glass heads booked now (a scenario of less demand than
 * the plan was made for, as the plan for the mean meets on a scenario's
 * day), its break-glass row allows those heads and no late break-glass
 * agency, instead of leaving the day with no plan. Call with the now
 * columns fixed. */
static void allow_booked_break_glass(struct pol_build *b)
{
	double *booked = mu_calloc(b->m->n_rows + 1, sizeof(double));
	size_t k;
	for (k = 0; k < b->m->n_entries; k++) {
		const struct sol_entry *e = &b->m->entries[k];
		if (b->rows[e->row].kind == MU_ROW_BREAK_GLASS &&
		    b->cols[e->col].scenario == MU_ALL)
			booked[e->row] += e->value * b->m->col_lo[e->col];
	}
	for (k = 0; k < b->m->n_rows; k++)
		if (booked[k] > b->m->row_hi[k])
			b->m->row_hi[k] = booked[k];
	free(booked);
}

/* Fixes b's columns of what is decided now (bank workers, extra bank
 * staff, agency booked now) at the staff plan gives them, every other such
 * column at 0. MU_OK, or MU_E_INPUT when a row of plan has no column in b. */
static enum mu_code fix_now(struct pol_build *b, const struct mu_plan *plan, struct mu_err *err)
{
	struct mu_map cols;
	size_t key[4], i, j, col;
	enum mu_code rc = MU_OK;
	mu_map_init(&cols);
	for (j = 0; j < b->m->n_cols; j++) {
		const struct pol_col *c = &b->cols[j];
		if (c->scenario != MU_ALL || !is_now_staff(c->source))
			continue;
		pol_build_col_key(key, c);
		mu_map_put(&cols, (const char *)key, sizeof(key), j);
		b->m->col_lo[j] = b->m->col_hi[j] = 0;
	}
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *r = &plan->rows[i];
		if (!is_now_staff(r->source) || r->is_late)
			continue;
		/* bank_extra: offer MU_ALL, as its column's */
		pol_build_key(key, r->source, r->source == MU_SRC_BANK ? r->worker : r->offer,
		              r->demand, r->worker_role);
		if (!mu_map_get(&cols, (const char *)key, sizeof(key), &col)) {
			rc = mu_err_set(err, MU_E_INPUT,
			                "the plan to evaluate has a %s row the model has no column "
			                "for: it is not a plan of this scenario",
			                mu_source_info[r->source].name);
			break;
		}
		b->m->col_lo[col] += r->staff;
		b->m->col_hi[col] += r->staff;
	}
	mu_map_release(&cols);
	if (rc == MU_OK)
		allow_booked_break_glass(b);
	return rc;
}

/* For sol_options.col_is_slack: short, breach, the fair share's hours
 * short and a kept assignment's change, the columns that meet every row
 * with no one at work (a rota that leaves everything short). Free it. */
static bool *slack_cols(const struct pol_build *b)
{
	bool *is_slack = mu_malloc((b->m->n_cols + 1) * sizeof(bool));
	size_t j;
	for (j = 0; j < b->m->n_cols; j++) {
		enum mu_source s = b->cols[j].source;
		is_slack[j] = s == MU_SRC_SHORT || s == MU_SRC_BREACH || s == MU_SRC_SHARE ||
		              s == MU_SRC_CHANGE || s == MU_SRC_BED_DAYS;
	}
	return is_slack;
}

/* The value of every staff column of b's model that puts plan's staff to
 * work as plan has them (a bank worker in a pool: their y, and the pool's
 * z for the demand row covered); the other columns 0, the slacks left to
 * sol_construct. The caller's, freed with free; NULL when a staff row of
 * the plan has no column in b (the plan is not a rota of this model). */
static double *start_of_plan(const struct pol_build *b, const struct mu_plan *plan)
{
	double *x = mu_calloc(b->m->n_cols + 1, sizeof(double));
	struct mu_map cols;
	size_t key[4], i, j;
	bool is_found = true;
	mu_map_init(&cols);
	for (j = 0; j < b->m->n_cols; j++) {
		const struct pol_col *c = &b->cols[j];
		if (!mu_source_info[c->source].is_staff && c->source != MU_SRC_POOL_WORKER)
			continue;
		pol_build_col_key(key, c);
		mu_map_put(&cols, (const char *)key, sizeof(key), j);
	}
	for (i = 0; i < plan->n_rows && is_found; i++) {
		const struct mu_plan_row *r = &plan->rows[i];
		size_t col;
		if (!mu_source_info[r->source].is_staff)
			continue;
		pol_build_key(key, r->source,
		              r->source == MU_SRC_OWN    ? r->home
		              : r->source == MU_SRC_BANK ? r->worker
		                                         : r->offer,
		              r->demand, r->worker_role);
		if (mu_map_get(&cols, (const char *)key, sizeof(key), &col)) {
			x[col] += r->staff;
			continue;
		}
		/* a pooled worker: they work the shift (y), their pool covers */
		pol_build_key(key, MU_SRC_POOL_WORKER, r->worker, r->shift, MU_ALL);
		is_found = r->source == MU_SRC_BANK &&
		           mu_map_get(&cols, (const char *)key, sizeof(key), &col);
		if (!is_found)
			break;
		x[col] += r->staff;
		pol_build_key(key, MU_SRC_POOL, b->cols[col].pool, r->demand, r->worker_role);
		is_found = mu_map_get(&cols, (const char *)key, sizeof(key), &col);
		if (is_found)
			x[col] += r->staff;
	}
	mu_map_release(&cols);
	if (!is_found) {
		free(x);
		return NULL;
	}
	return x;
}

/* A start's rate steps (DESIGN.md §3d) where its bank staff need them: a
 * plan's staff rows carry no steps, so a start from one breaks each
 * curve's supply and paid rows wherever it has more bank staff than
 * S(w_0). Each curve's steps are raised in order, cheapest first, each as
 * far as those two rows still need and its bound allows. */
static void start_steps(const struct pol_build *b, double *x)
{
	size_t n_rows = b->m->n_rows, k, c, j;
	double *activity = mu_calloc(n_rows + 1, sizeof(double));
	double *in_supply = mu_calloc(b->m->n_cols + 1, sizeof(double));
	double *in_paid = mu_calloc(b->m->n_cols + 1, sizeof(double));
	size_t *curve_of = mu_malloc((n_rows + 1) * sizeof(size_t));
	for (k = 0; k < n_rows; k++)
		curve_of[k] = MU_ALL;
	for (c = 0; c < b->n_curves; c++) {
		if (b->curves[c].supply_row != MU_ALL)
			curve_of[b->curves[c].supply_row] = c;
		if (b->curves[c].paid_row != MU_ALL)
			curve_of[b->curves[c].paid_row] = c;
	}
	for (k = 0; k < b->m->n_entries; k++) {
		const struct sol_entry *e = &b->m->entries[k];
		if (curve_of[e->row] == MU_ALL)
			continue;
		if (b->cols[e->col].source != MU_SRC_RATE_STEP)
			activity[e->row] += e->value * x[e->col];
		else if (e->row == b->curves[curve_of[e->row]].supply_row)
			in_supply[e->col] += e->value;
		else
			in_paid[e->col] += e->value;
	}
	for (c = 0; c < b->n_curves; c++) {
		const struct pol_curve *cv = &b->curves[c];
		size_t rs = cv->supply_row, rp = cv->paid_row;
		if (cv->first_step == MU_ALL)
			continue;
		for (k = 0; k + 1 < cv->n_rungs; k++) {
			double over_s = rs == MU_ALL ? 0 : activity[rs] - b->m->row_hi[rs];
			double over_p = rp == MU_ALL ? 0 : activity[rp] - b->m->row_hi[rp];
			double v = 0;
			j = cv->first_step + k;
			if (over_s > 0 && in_supply[j] < 0)
				v = fmax(v, over_s / -in_supply[j]);
			if (over_p > 0 && in_paid[j] < 0)
				v = fmax(v, over_p / -in_paid[j]);
			v = fmin(fmax(v, b->m->col_lo[j]), b->m->col_hi[j]);
			x[j] = v;
			if (rs != MU_ALL)
				activity[rs] += in_supply[j] * v;
			if (rp != MU_ALL)
				activity[rp] += in_paid[j] * v;
		}
	}
	free(activity);
	free(in_supply);
	free(in_paid);
	free(curve_of);
}

/* A start for the rota built before the relaxation (sol_construct) when
 * the caller gives none: each partner's own staff at work on its own
 * demand of their role, up to what staff.csv makes available and what the
 * row requires (whole staff), in demand order; every other column 0. Own
 * staff cost nothing extra, so a search stopped before its relaxation ends
 * with the rota a lead would write first, not one with nobody at work
 * (a review: 0% fill at --time-limit 0.1). Not for a re-plan, whose kept
 * past holds staff this does not count. The caller's, freed with free. */
static double *start_of_own(const struct mu_scenario *sc, const struct pol_build *b)
{
	/* a two-stage plan (§3e): own staff are the day's, so each day's
	 * columns start from that day's staff and demand */
	size_t n_days = b->n_days > 0 ? b->n_days : 1;
	double *x = mu_calloc(b->m->n_cols + 1, sizeof(double));
	double *left = mu_calloc(n_days * sc->n_staff + 1, sizeof(double));
	struct mu_map at;
	size_t key[3], i, j, k;
	mu_map_init(&at);
	for (i = 0; i < sc->n_staff; i++) {
		key[0] = sc->staff[i].partner;
		key[1] = sc->staff[i].role;
		key[2] = sc->staff[i].shift;
		mu_map_put(&at, (const char *)key, sizeof(key), i);
		for (k = 0; k < n_days; k++)
			left[k * sc->n_staff + i] =
			    (double)(b->n_days > 0 ? b->days[k].staff[i] : sc->staff[i]).available;
	}
	for (j = 0; j < b->m->n_cols; j++) {
		const struct pol_col *c = &b->cols[j];
		const struct mu_scenario *day;
		const struct mu_demand *d;
		double v;
		if (c->source != MU_SRC_OWN || c->is_post || c->demand >= sc->n_demand)
			continue;
		k = b->n_days > 0 && c->scenario != MU_ALL ? c->scenario : 0;
		day = b->n_days > 0 && c->scenario != MU_ALL ? &b->days[k] : sc;
		d = &day->demand[c->demand];
		key[0] = c->home;
		key[1] = c->worker_role;
		key[2] = d->shift;
		if (c->home != d->partner || c->worker_role != d->role ||
		    !mu_map_get(&at, (const char *)key, sizeof(key), &i))
			continue;
		v = floor(fmin(left[k * sc->n_staff + i], d->required));
		v = fmin(fmax(v, c->lo), c->hi);
		if (v <= 0)
			continue;
		x[j] = v;
		left[k * sc->n_staff + i] -= v;
	}
	mu_map_release(&at);
	free(left);
	return x;
}

/* The best days of b's two-stage model for a first stage: its integer
 * columns (what is decided now: bank, agency booked now, extra bank staff,
 * a pool's workers; a day's columns are continuous, pol_build_add_col)
 * fixed at x_int's values rounded, the days are independent (§3e) and
 * each is an LP, solved block by block as the measuring solves are
 * (sol_options' is_apart_when_fixed), within time_limit seconds (0: none).
 * True, with every column's value in x and the cost in *objective, when
 * that LP was solved and costs less than *objective; false, x and
 * *objective as they were, when not (not solved in time, no solution:
 * rounded bookings that break a day's upper limit, or GLPK failing). b's
 * model is left as it was. */
static bool days_for(struct pol_build *b, const double *x_int, double time_limit, double *x,
                     double *objective)
{
	struct sol_model *m = b->m;
	double *lo = mu_malloc((m->n_cols + 1) * sizeof(double));
	double *hi = mu_malloc((m->n_cols + 1) * sizeof(double));
	bool *is_int = m->col_is_int, is_better;
	struct sol_result lp;
	struct mu_err err;
	size_t j;
	memcpy(lo, m->col_lo, m->n_cols * sizeof(double));
	memcpy(hi, m->col_hi, m->n_cols * sizeof(double));
	memset(&lp, 0, sizeof(lp));
	mu_err_clear(&err);
	for (j = 0; j < m->n_cols; j++)
		if (is_int[j])
			m->col_lo[j] = m->col_hi[j] = floor(x_int[j] + 0.5);
	m->col_is_int = mu_calloc(m->n_cols + 1, sizeof(bool));
	is_better = sol_glpk_solve(m,
	                           &(struct sol_options){.is_mip = false,
	                                                 .time_limit = time_limit,
	                                                 .is_apart_when_fixed = true},
	                           &lp, &err) == MU_OK &&
	            lp.status == SOL_OPTIMAL && lp.objective < *objective;
	if (is_better) {
		for (j = 0; j < m->n_cols; j++)
			x[j] = is_int[j] ? m->col_lo[j] : lp.x[j];
		*objective = lp.objective;
	}
	free(m->col_is_int);
	m->col_is_int = is_int;
	memcpy(m->col_lo, lo, m->n_cols * sizeof(double));
	memcpy(m->col_hi, hi, m->n_cols * sizeof(double));
	sol_result_release(&lp);
	free(lo);
	free(hi);
	return is_better;
}

/* out's gap and status from its bound (sol_is_proven). */
static void gap_of(struct pol_solved *out)
{
	if (!out->has_bound)
		return;
	/* above the rota only by the LP's tolerances */
	if (out->bound > out->objective)
		out->bound = out->objective;
	out->gap = (out->objective - out->bound) / (1e-9 + fabs(out->objective));
	if (sol_is_proven(out->objective, out->bound))
		out->status = MU_STATUS_OPTIMAL;
}

/* A two-stage rota whose search ended before it was proven optimal (a
 * time limit, a work limit, an interrupt) has its days as the search left
 * them: a search stopped before its relaxation ends with the rota it
 * started from, each day's own staff and no late agency (the example's 50
 * scenarios at --time-limit 60: 1,432,029.05, every day red-flagged).
 * With what it decides now fixed its days are re-solved (days_for): the
 * best rota of the same model with those decisions, never worse than the
 * one it replaces, which is one of its solutions (the example: 709,252.66).
 * It runs whole even after a stop, within half the search's time limit;
 * not solved in it, GLPK failing on it, or no cheaper, the rota stays as
 * the search left it. res->x and out's objective, gap and status follow. */
static void resolve_days(struct pol_build *b, const struct pol_solve_request *req,
                         struct sol_result *res, struct pol_solved *out)
{
	double t0 = mu_time_now();
	if (days_for(b, res->x, req->time_limit / 2, res->x, &res->objective)) {
		out->objective = res->objective;
		gap_of(out);
	}
	out->time_solve += mu_time_now() - t0; /* the solve's, as the search is */
}

/* A two-stage rota whose search ended before its relaxation was solved
 * (no bound) gets the Jensen bound of pol_jensen.c, and its gap and status
 * from it: optimal only when the rota meets it (sol_is_proven). A bound
 * from the relaxation is never below the Jensen bound (the LP of the mean
 * days costs at most the whole's), so none is computed then. The LP runs
 * whole even after a stop, as the relaxation of a search stopped before
 * it began does (sol_options' stop), so that the rota has a bound; within
 * half the search's time limit (the example's 50 scenarios: 7 s of 60),
 * and a bound not found in it, or GLPK failing on it, leaves the rota as
 * it was, with no bound. With a bound, its LP's first stage (planned for
 * the spread, where the rota's is the plan for demand.csv's) rounded and
 * its days re-solved is a second rota, kept when it costs less. */
static void jensen_bound(struct pol_build *b, const struct pol_solve_request *req,
                         struct sol_result *res, struct pol_solved *out)
{
	double bound, t0 = mu_time_now();
	double *x_now = mu_calloc(b->m->n_cols + 1, sizeof(double));
	bool has_bound = false;
	enum mu_code rc = pol_jensen_bound(b, req->bound_groups, req->time_limit / 2, &has_bound,
	                                   &bound, x_now, NULL);
	if (rc == MU_OK && has_bound) {
		out->has_bound = true;
		out->is_bound_jensen = true;
		out->bound = bound;
		/* a second rota: what the bound's LP decides now, rounded, its
		 * days re-solved (pol_jensen_bound, days_for); kept when it
		 * costs less */
		if (days_for(b, x_now, req->time_limit / 2, res->x, &res->objective))
			out->objective = res->objective;
		gap_of(out);
	}
	free(x_now);
	out->time_solve += mu_time_now() - t0; /* the solve's, as the relaxation is */
}

enum mu_code pol_solve(const struct mu_scenario *sc, const struct pol_solve_request *req,
                       struct pol_solved *out, struct mu_err *err)
{
	struct sol_options opt;
	struct sol_result res;
	struct pol_build *b;
	double t0 = mu_time_now(), t_mps = 0;
	unsigned char *warm_rows = NULL, *warm_cols = NULL;
	bool *core_cols = NULL, *slack = NULL;
	unsigned char *late_cols = NULL;
	double *start = NULL;
	enum mu_code rc = MU_OK;

	if ((rc = check_draws(sc, req, err)) != MU_OK ||
	    (rc = check_model_size(sc, req, err)) != MU_OK) {
		memset(out, 0, sizeof(*out)); /* released as after any failure */
		return rc;
	}

	memset(out, 0, sizeof(*out));
	memset(&res, 0, sizeof(res));
	b = pol_build_new(sc, &(struct pol_build_options){
	                          .is_silo = req->is_silo,
	                          /* a plan fixed by key: its bank workers by name */
	                          .pool_min_workers = req->fix_now ? 0 : pool_min_workers(req),
	                          .guarantee_cap = req->guarantee_cap,
	                          .coalition = req->coalition,
	                          .keep = req->keep,
	                          .draws = req->draws});
	out->keep_gone = b->keep_gone;
	if (req->draws && req->fix_now && (rc = fix_now(b, req->fix_now, err)) != MU_OK)
		goto done;
	if (req->mps || req->mps_natural) {
		double t = mu_time_now();
		rc = write_mps(sc, req, b, err);
		t_mps = mu_time_now() - t;
		if (rc != MU_OK)
			goto done;
	}
	/* the rota's cuts count own staff whole, which a day's are not (§3e) */
	if (!req->is_lp && !req->is_without_cuts && !req->draws)
		pol_rota_cuts_apply(b);
	out->time_build = mu_time_now() - t0 - t_mps;

	memset(&opt, 0, sizeof(opt));
	opt.is_mip = !req->is_lp;
	opt.time_limit = req->time_limit;
	opt.work_limit = req->work_limit;
	opt.want_ranges = req->is_lp && req->want_ranges;
	opt.progress = req->progress;
	opt.progress_ctx = req->progress_ctx;
	opt.stop = req->stop;
	opt.relax_chunk = req->relax_chunk;
	opt.on_relax_chunk = req->on_relax_chunk;
	opt.want_basis = req->warm != NULL;
	/* a plan measured on scenarios: its first stage fixed, the days are
	 * independent (§3e), so solved day by day */
	opt.is_apart_when_fixed = req->draws && req->fix_now;
	if (req->warm && req->warm->has_basis) {
		warm_rows = mu_malloc(b->m->n_rows + 1);
		warm_cols = mu_malloc(b->m->n_cols + 1);
		sol_basis_for(&req->warm->basis, b->m, warm_rows, warm_cols);
		opt.warm_rows = warm_rows;
		opt.warm_cols = warm_cols;
	}
	if (req->sift == POL_SIFT_ALWAYS ||
	    (req->sift == POL_SIFT_AUTO && b->m->n_cols >= SOL_SIFT_MIN_COLS)) {
		opt.col_is_core = core_cols = pol_build_core_cols(b);
		opt.col_late = late_cols = sift_late_cols(b, req->is_lp);
	}
	if (!req->is_lp)
		opt.col_is_slack = slack = slack_cols(b);
	if (!req->is_lp && req->start) {
		opt.col_start = start = start_of_plan(b, req->start);
		/* a two-stage rota: what the plan decided now, and each day's own
		 * staff from that day's (start_of_plan puts a plan's own staff
		 * in the first day's columns alone) */
		if (start && req->draws) {
			double *own = start_of_own(sc, b);
			size_t j;
			for (j = 0; j < b->m->n_cols; j++)
				if (b->cols[j].scenario != MU_ALL)
					start[j] = own[j];
			free(own);
			if (b->n_curves > 0)
				start_steps(b, start);
		}
	} else if (!req->is_lp && !req->keep && !req->fix_now)
		opt.col_start = start = start_of_own(sc, b);
	if ((rc = sol_glpk_solve(b->m, &opt, &res, err)) != MU_OK)
		goto done;

	out->status = pol_status_of(res.status);
	out->objective = res.objective;
	out->has_bound = res.has_bound;
	out->bound = res.bound;
	out->gap = res.gap;
	out->stopped_by = pol_stop_of(res.stopped_by);
	out->time_solve = res.solve_seconds;
	out->work = res.work;
	out->n_rows = res.n_rows;
	out->n_cols = res.n_cols;
	out->n_nonzeros = res.n_nonzeros;
	out->sift_rounds = res.sift_rounds;
	out->node_rins = res.node_rins;
	out->node_rins_work = res.node_rins_work;
	if (req->warm && res.row_basis) {
		sol_basis_keep(&req->warm->basis, b->m, res.row_basis, res.col_basis);
		req->warm->has_basis = true;
	}
	if (res.status == SOL_NO_SOLUTION && req->stop && *req->stop) {
		rc = mu_err_set(err, MU_E_SOLVER,
		                "interrupted before the linear relaxation was solved; no %s",
		                req->is_lp ? "plan" : "rota");
		goto done;
	}
	if (res.status == SOL_NO_SOLUTION && req->time_limit > 0) {
		rc = mu_err_set(err, MU_E_SOLVER,
		                "the time limit of %g s passed before the linear relaxation "
		                "was solved; no %s; allow more time",
		                req->time_limit, req->is_lp ? "plan" : "rota");
		goto done;
	}
	if (res.status == SOL_INFEASIBLE && req->keep && req->keep->has_now) {
		/* every rule of §3 can be met by leaving demand short, except a
		 * past fixed against the scenario as it now reads */
		rc = mu_err_set(err, MU_E_INPUT,
		                "no %s: the past (the shifts before --now, fixed as the kept plan "
		                "has them) breaks a limit of the scenario as it now reads — a bank "
		                "worker's max_hours or rest, staff available, an agency capacity, "
		                "a budget, or a bank_cap or supply.csv row (the past's extra bank "
		                "staff) lowered since the plan was made%s; put that limit back "
		                "as it was for the past, or give an earlier --now",
		                req->is_lp ? "plan" : "rota",
		                req->guarantee_cap ? ", or the guarantee's caps (from a silo plan "
		                                     "whose past is free) cannot be met with the "
		                                     "past fixed: re-plan with guarantee none"
		                                   : "");
		goto done;
	}
	if (res.status == SOL_NO_SOLUTION && req->keep && req->keep->has_now && !req->is_lp) {
		/* not proven impossible: the past left no rota to build before
		 * the search (sol_construct.c), and the search found none */
		rc = mu_err_set(err, MU_E_SOLVER,
		                "no rota found before the search stopped: with the past (the "
		                "shifts before --now) fixed as the kept plan has them%s, no rota "
		                "could be built to start from; allow more time (--time-limit), or "
		                "give an earlier --now%s",
		                req->guarantee_cap ? " and the guarantee's caps" : "",
		                req->guarantee_cap ? ", or re-plan with guarantee none" : "");
		goto done;
	}
	if (res.status != SOL_OPTIMAL && res.status != SOL_FEASIBLE) {
		rc = mu_err_set(err, MU_E_SOLVER, "the solver found no %s (%s)",
		                req->is_lp ? "plan" : "rota", sol_status_name(res.status));
		goto done;
	}
	if (req->draws && !req->is_lp && !req->fix_now && res.status == SOL_FEASIBLE)
		resolve_days(b, req, &res, out);
	if (req->draws && !req->is_lp && !req->fix_now && req->bound_groups > 0 &&
	    res.status == SOL_FEASIBLE && !res.has_bound)
		jensen_bound(b, req, &res, out);
	out->plan = pol_plan_new(b, res.x);
	if (req->draws) {
		size_t k;
		out->n_days = b->n_days;
		out->days = mu_calloc(b->n_days + 1, sizeof(*out->days));
		for (k = 0; k < b->n_days; k++)
			out->days[k] = pol_plan_day(b, res.x, k);
	} else if (req->is_lp) {
		read_prices(b, &res, out);
		pol_plan_price_rates(b, res.x, res.row_dual, out->plan);
	}
done:
	sol_result_release(&res);
	free(core_cols);
	free(late_cols);
	free(slack);
	free(start);
	free(warm_rows);
	free(warm_cols);
	out->build = b;
	return rc;
}

void pol_solved_release(struct pol_solved *s)
{
	size_t k;
	for (k = 0; k < s->n_days; k++)
		mu_plan_free(s->days[k]);
	free(s->days);
	mu_plan_free(s->plan);
	free(s->prices);
	pol_build_free(s->build);
	memset(s, 0, sizeof(*s));
}
