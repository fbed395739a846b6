/*
 * pol_supply.c - pay caps and the supply they buy (DESIGN.md §3d). For a
 * role r whose supply.csv elasticity e is above 0, and a shift s, n = the
 * offers of role-r workers on s, and S(w) = n (w / w_ref)^e staff can be
 * had at a rate of w £/h. The ladder: w_0 = bank_rate, w_k = bank_rate
 * (1 + step)^k while below bank_cap, then bank_cap (w_0 alone without
 * one). The staff Q on s (named workers, as pol_bank.c made them, and
 * extra unnamed staff) cost E(Q) u hours, E piecewise linear and convex
 * through (0, 0) and (S(w_k), C_k): C_k = w_k S(w_k) (uniform: everyone
 * paid the rung reached) or sum_{j<=k} w_j (S(w_j) - S(w_{j-1}))
 * (incentive: only those above the last rung paid more).
 *
 * In the model, per curve (role, shift, and the group of partners that
 * share it: the system, a coalition, or one partner alone in silo mode):
 * - the named columns keep their pay w_0 u hours, and extra columns
 *   (MU_SRC_BANK_EXTRA, whole in rota mode) are paid w_0 u hours too, one
 *   per demand cell a role-r worker who offered s is cleared for, with
 *   the row  sum extra <= S(w_K) - n (a row even over one column: GLPK's
 *   branch and cut wants whole bounds on a whole column, and the room is
 *   a fraction in plan mode);
 * - a continuous step column q_k per rung k >= 1 (MU_SRC_RATE_STEP), up
 *   to S(w_k) - S(w_{k-1}), costing what its slope of E exceeds w_0 by,
 *   u hours (cash: spend, never a penalty), and the row
 *     sum named + sum extra - sum q_k <= S(w_0),
 *   and, where there are extra columns and rungs above w_0, the row
 *     sum extra - sum q_k <= S(w_0) - n
 *   (DESIGN.md §3d: extra staff exist only at a rate w with S(w) > n, at
 *   most S(w) - n of them at the rate paid, so they cannot stand in at
 *   w_0 for named workers who offered s but cannot work it; with S(w_0)
 *   < n that row's convex hull over q's range, as add_steps says).
 * E's first step is the row's slack (S(w_0) at w_0, costing what the
 * columns already pay); the slopes rise, so the cheapest steps fill first
 * and the objective is E(Q) u hours: a linear program in plan mode. The
 * rate paid is the lowest rung whose S is at least Q; pol_plan.c reads the
 * steps back as rate rows. A role with fixed supply (no row, e = 0), or a
 * curve with n = 0, adds nothing: the model of §3 exactly, byte for byte.
 *
 * The ladder stops at MAX_RUNGS rungs below the cap (step 0.05 reaches a
 * cap 10^21 times the rate first): a bound on the work, not a rule of
 * §3d any scenario meets. A rung within CAP_TOL of the cap is the cap.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RUNGS 1000
#define CAP_TOL 1e-6

/* S(w) of a curve with n offers, snapped to a whole number within 1e-9
 * so that (w / w_ref)^e of a round case gives a round S. */
static double supply_at(double n, double w, double w_ref, double e)
{
	double v = n * pow(w / w_ref, e);
	return fabs(v - round(v)) < 1e-9 ? round(v) : v;
}

/* The ladder, S and E's slopes of curve c (role, shift, n_offers set). */
static void make_ladder(const struct mu_scenario *sc, struct pol_curve *c)
{
	const struct mu_cap *cap = mu_scenario_cap(sc, c->role);
	const struct mu_supply *sup = mu_scenario_supply(sc, c->role);
	double w0 = cap->bank_rate, w_ref = sup->has_reference_rate ? sup->reference_rate : w0;
	double prev_s = 0, prev_c = 0;
	size_t k, cap_rungs = 1;

	if (cap->has_bank_cap && cap->bank_cap > w0 * (1 + CAP_TOL))
		cap_rungs = MAX_RUNGS + 1;
	c->rate = mu_malloc((cap_rungs + 1) * sizeof(double));
	c->rate[0] = w0;
	c->n_rungs = 1;
	if (cap_rungs > 1) {
		for (k = 1; k < MAX_RUNGS; k++) {
			double w = w0 * pow(1 + sup->step, (double)k);
			if (!(w < cap->bank_cap * (1 - CAP_TOL)))
				break;
			c->rate[c->n_rungs++] = w;
		}
		c->rate[c->n_rungs++] = cap->bank_cap;
	}
	c->supply = mu_malloc(c->n_rungs * sizeof(double));
	c->slope = mu_malloc(c->n_rungs * sizeof(double));
	for (k = 0; k < c->n_rungs; k++) {
		double s = supply_at((double)c->n_offers, c->rate[k], w_ref, sup->elasticity);
		double cost = sc->settings.rate_card == MU_RATE_CARD_INCENTIVE
		                  ? prev_c + c->rate[k] * (s - prev_s)
		                  : c->rate[k] * s;
		c->supply[k] = s;
		c->slope[k] = (cost - prev_c) / (s - prev_s);
		prev_s = s;
		prev_c = cost;
	}
}

/* Whether role r's supply answers the rate and can be costed: an
 * elasticity above 0 and a bank_rate above 0 (w_0 = 0 has no ladder). */
static bool is_elastic(const struct mu_scenario *sc, size_t r)
{
	const struct mu_cap *cap = mu_scenario_cap(sc, r);
	const struct mu_supply *sup = mu_scenario_supply(sc, r);
	double w_ref;
	if (!mu_scenario_is_elastic(sc, r) || !cap || !cap->has_bank_rate || !(cap->bank_rate > 0))
		return false;
	w_ref = sup->has_reference_rate ? sup->reference_rate : cap->bank_rate;
	return w_ref > 0 && sup->step > 0;
}

/* Index of (group, role, shift) into b->curve_at. */
static size_t key_of(const struct mu_scenario *sc, size_t g, size_t r, size_t s)
{
	return (g * sc->n_roles + r) * sc->n_shifts + s;
}

/* Curve c's extra columns (one per demand cell its workers who offered
 * its shift are cleared for, reach[] marked by partner) and their row. */
static void add_extra(struct pol_build *b, size_t ci, const bool *reach, size_t **cols,
                      size_t *n_cols, size_t *cap_cols)
{
	const struct mu_scenario *sc = b->sc;
	struct pol_curve *c = &b->curves[ci];
	const struct mu_shift *sh = &sc->shifts[c->shift];
	double room = c->supply[c->n_rungs - 1] - (double)c->n_offers;
	bool is_game = b->opt.is_game;
	size_t q, d, first = *n_cols, i;
	char name[80];
	if (!(room > 1e-9))
		return;
	for (q = 0; q < sc->n_partners; q++) {
		if (!reach[q])
			continue;
		for (d = 0; d < sc->n_roles; d++) {
			size_t at = pol_demand_at(b, q, d, c->shift);
			struct pol_col what = {
			    .source = MU_SRC_BANK_EXTRA,
			    .demand = at,
			    .worker_role = c->role,
			    .home = MU_ALL,
			    .worker = MU_ALL,
			    .offer = MU_ALL,
			    .shift = c->shift,
			    /* whole bounds for GLPK's branch and cut; the row
			     * below holds the room itself */
			    .hi = is_game ? SOL_INF : ceil(room - 1e-9),
			    .is_int = true,
			    .pool = ci, /* its curve: pol_game's joint columns */
			    .hours = sh->paid_hours,
			    .spend = c->rate[0] * pol_shift_factor(sh) * sh->paid_hours,
			};
			if (at == MU_ALL || !(b->efficiency[c->role * sc->n_roles + d] > 0))
				continue;
			snprintf(name, sizeof(name), "extra_r%zu_d%zu", c->role, at);
			MU_GROW(*cols, *cap_cols, *n_cols + 1);
			(*cols)[(*n_cols)++] = pol_build_add_cover_col(b, name, &what);
		}
	}
	/* pol_game's curves keep the row without columns: other partners'
	 * extra staff may be counted in it */
	if (*n_cols > first || is_game) {
		snprintf(name, sizeof(name), "extra_r%zu_s%zu_g%zu", c->role, c->shift, c->group);
		c->extra_row = pol_build_add_row(
		    b, name, -SOL_INF, room, &(struct pol_row){MU_ROW_EXTRA, c->role, c->shift});
		for (i = first; i < *n_cols; i++)
			sol_model_add_entry(b->m, c->extra_row, (*cols)[i], 1);
	}
}

/* Curve c's step columns, its supply row over its staff columns
 * cols[0 .. n_cols) (named, then extra from n_named on), and its rate
 * row for the extra staff. */
static void add_steps(struct pol_build *b, size_t ci, const size_t *cols, size_t n_cols,
                      size_t n_named)
{
	const struct mu_scenario *sc = b->sc;
	struct pol_curve *c = &b->curves[ci];
	const struct mu_shift *sh = &sc->shifts[c->shift];
	double per_staff = pol_shift_factor(sh) * sh->paid_hours;
	double n = (double)c->n_offers, top = c->supply[c->n_rungs - 1];
	size_t k, i, row, extra_row = MU_ALL;
	double extra_step = 0;
	char name[80];
	/* without steps the row binds only where S(w_0) is below n */
	if (c->n_rungs == 1 && !(c->supply[0] < (double)c->n_offers - 1e-9))
		return;
	snprintf(name, sizeof(name), "supply_r%zu_s%zu_g%zu", c->role, c->shift, c->group);
	row = pol_build_add_row(b, name, -SOL_INF, c->supply[0],
	                        &(struct pol_row){MU_ROW_SUPPLY, c->role, c->shift});
	c->supply_row = row;
	for (i = 0; i < n_cols; i++)
		sol_model_add_entry(b->m, row, cols[i], 1);
	/* extra staff are paid the rate for n + extra: with S(w_0) >= n,
	 * sum extra - sum q_k <= S(w_0) - n; with S(w_0) < n the convex hull
	 * of that (extra = 0, or q >= n - S(w_0) + extra) over q's range,
	 * (S(top) - S(w_0)) / (S(top) - n) sum extra - sum q_k <= 0 (both
	 * ratios of S, whatever n: pol_game adds such rows up) */
	if (c->extra_row != MU_ALL && c->n_rungs > 1) {
		bool is_low = c->supply[0] < n - 1e-9;
		snprintf(name, sizeof(name), "paid_r%zu_s%zu_g%zu", c->role, c->shift, c->group);
		extra_row = pol_build_add_row(b, name, -SOL_INF, is_low ? 0 : c->supply[0] - n,
		                              &(struct pol_row){MU_ROW_EXTRA, c->role, c->shift});
		c->paid_row = extra_row;
		c->paid_coef = is_low ? (top - c->supply[0]) / (top - n) : 1;
		for (i = n_named; i < n_cols; i++)
			sol_model_add_entry(b->m, extra_row, cols[i], c->paid_coef);
		extra_step = -1;
	}
	for (k = 1; k < c->n_rungs; k++) {
		struct pol_col what = {
		    .source = MU_SRC_RATE_STEP,
		    .partner = c->group < sc->n_partners ? c->group : 0,
		    .worker_role = c->role,
		    .home = MU_ALL,
		    .worker = MU_ALL,
		    .offer = k,
		    .shift = c->shift,
		    .pool = ci,
		    .hi = c->supply[k] - c->supply[k - 1],
		    .spend = (c->slope[k] - c->rate[0]) * per_staff,
		};
		size_t col;
		snprintf(name, sizeof(name), "rate_r%zu_s%zu_g%zu_k%zu", c->role, c->shift,
		         c->group, k);
		col = pol_build_add_col(b, name, &what);
		if (k == 1)
			c->first_step = col;
		sol_model_add_entry(b->m, row, col, -1);
		if (extra_row != MU_ALL)
			sol_model_add_entry(b->m, extra_row, col, extra_step);
	}
}

/* The curve of named column c: of the partner where it works (the system,
 * a coalition or that partner alone), or of its home in pol_game's model. */
static size_t named_curve(const struct pol_build *b, const struct pol_col *c)
{
	const struct mu_scenario *sc = b->sc;
	size_t s = sc->demand[c->demand].shift;
	if (b->opt.is_game)
		return b->curve_at[(c->home * sc->n_roles + c->worker_role) * sc->n_shifts + s];
	return pol_build_curve_of(b, c->partner, c->worker_role, s);
}

/* A column counting one staff of curve `from` in curve `to` instead, in
 * the rows both have (pol_game's model). */
static void add_move(struct pol_build *b, size_t from, size_t to, bool is_extra)
{
	const struct pol_curve *f = &b->curves[from], *t = &b->curves[to];
	struct pol_col what = {
	    .source = MU_SRC_SUPPLY_MOVE,
	    .partner = f->group,
	    .worker_role = f->role,
	    .home = MU_ALL,
	    .worker = MU_ALL,
	    .offer = to,
	    .shift = f->shift,
	    .pool = from,
	    .hi = SOL_INF,
	};
	size_t col;
	char name[96];
	snprintf(name, sizeof(name), "move%s_r%zu_s%zu_g%zu_g%zu", is_extra ? "x" : "n", f->role,
	         f->shift, f->group, t->group);
	col = pol_build_add_col(b, name, &what);
	if (f->supply_row != MU_ALL)
		sol_model_add_entry(b->m, f->supply_row, col, -1);
	if (t->supply_row != MU_ALL)
		sol_model_add_entry(b->m, t->supply_row, col, 1);
	if (!is_extra)
		return;
	sol_model_add_entry(b->m, f->extra_row, col, -1);
	sol_model_add_entry(b->m, t->extra_row, col, 1);
	if (f->paid_row != MU_ALL)
		sol_model_add_entry(b->m, f->paid_row, col, -f->paid_coef);
	if (t->paid_row != MU_ALL)
		sol_model_add_entry(b->m, t->paid_row, col, t->paid_coef);
}

/* pol_game's moves between every two partners' curves of one role and
 * shift (curves[lo .. hi)): named staff where both have a supply row,
 * extra staff where both have an extra row. */
static void add_moves(struct pol_build *b, size_t lo, size_t hi)
{
	size_t i, j;
	for (i = lo; i < hi; i++)
		for (j = lo; j < hi; j++) {
			const struct pol_curve *f = &b->curves[i], *t = &b->curves[j];
			if (i == j)
				continue;
			if (f->supply_row != MU_ALL && t->supply_row != MU_ALL)
				add_move(b, i, j, false);
			if (f->extra_row != MU_ALL && t->extra_row != MU_ALL)
				add_move(b, i, j, true);
		}
}

void pol_supply_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t n_groups = sc->n_partners + 1, n_keys, r, s, g, i, j, q;
	size_t *n_offers, *first, *fill, *at, *by_shift, *shift_first;
	bool any = false, *reach;
	size_t *cols = NULL, n_cols = 0, cap_cols = 0;

	for (r = 0; r < sc->n_roles; r++)
		any = any || is_elastic(sc, r);
	if (!any)
		return;
	n_keys = n_groups * sc->n_roles * sc->n_shifts;
	n_offers = mu_calloc(n_keys + 1, sizeof(size_t));
	for (i = 0; i < sc->n_availability; i++) {
		const struct mu_bank_worker *bw = &sc->bank[sc->availability[i].worker];
		if (is_elastic(sc, bw->role))
			n_offers[key_of(sc, pol_build_supply_group(b, bw->home), bw->role,
			                sc->availability[i].shift)]++;
	}
	b->curve_at = mu_malloc((n_keys + 1) * sizeof(size_t));
	for (r = 0; r < sc->n_roles; r++)
		for (s = 0; s < sc->n_shifts; s++)
			for (g = 0; g < n_groups; g++) {
				size_t key = key_of(sc, g, r, s);
				struct pol_curve *c;
				b->curve_at[key] = MU_ALL;
				if (n_offers[key] == 0)
					continue;
				MU_GROW(b->curves, b->cap_curves, b->n_curves + 1);
				c = &b->curves[b->n_curves];
				*c = (struct pol_curve){.role = r,
				                        .shift = s,
				                        .group = g,
				                        .n_offers = n_offers[key],
				                        .first_step = MU_ALL,
				                        .supply_row = MU_ALL,
				                        .extra_row = MU_ALL,
				                        .paid_row = MU_ALL};
				make_ladder(sc, c);
				b->curve_at[key] = b->n_curves++;
			}
	/* each curve's named columns (bank x, pooled z), in column order */
	first = mu_calloc(b->n_curves + 2, sizeof(size_t));
	fill = mu_calloc(b->n_curves + 1, sizeof(size_t));
	at = mu_malloc((b->m->n_cols + 1) * sizeof(size_t));
	for (j = 0; j < b->m->n_cols; j++) {
		const struct pol_col *c = &b->cols[j];
		size_t ci;
		if (c->source != MU_SRC_BANK && c->source != MU_SRC_POOL)
			continue;
		ci = named_curve(b, c);
		if (ci != MU_ALL)
			first[ci + 1]++;
	}
	for (i = 0; i < b->n_curves; i++)
		first[i + 1] += first[i];
	for (j = 0; j < b->m->n_cols; j++) {
		const struct pol_col *c = &b->cols[j];
		size_t ci;
		if (c->source != MU_SRC_BANK && c->source != MU_SRC_POOL)
			continue;
		ci = named_curve(b, c);
		if (ci != MU_ALL)
			at[first[ci] + fill[ci]++] = j;
	}
	/* the offers by shift, to find where a curve's workers may work */
	shift_first = mu_calloc(sc->n_shifts + 2, sizeof(size_t));
	by_shift = mu_malloc((sc->n_availability + 1) * sizeof(size_t));
	for (i = 0; i < sc->n_availability; i++)
		shift_first[sc->availability[i].shift + 1]++;
	for (s = 0; s < sc->n_shifts; s++)
		shift_first[s + 1] += shift_first[s];
	{
		size_t *shift_fill = mu_calloc(sc->n_shifts + 1, sizeof(size_t));
		for (i = 0; i < sc->n_availability; i++) {
			s = sc->availability[i].shift;
			by_shift[shift_first[s] + shift_fill[s]++] = i;
		}
		free(shift_fill);
	}
	reach = mu_calloc(sc->n_partners + 1, sizeof(bool));
	for (i = 0; i < b->n_curves; i++) {
		const struct pol_curve *c = &b->curves[i];
		size_t n_named;
		memset(reach, 0, sc->n_partners * sizeof(bool));
		for (j = shift_first[c->shift]; j < shift_first[c->shift + 1]; j++) {
			const struct mu_bank_worker *bw =
			    &sc->bank[sc->availability[by_shift[j]].worker];
			if (bw->role != c->role || pol_build_supply_group(b, bw->home) != c->group)
				continue;
			for (q = 0; q < sc->n_partners; q++)
				reach[q] = reach[q] || (mu_scenario_is_cleared(bw, q) &&
				                        pol_build_is_together(b, bw->home, q));
		}
		n_cols = 0;
		for (j = first[i]; j < first[i + 1]; j++) {
			MU_GROW(cols, cap_cols, n_cols + 1);
			cols[n_cols++] = at[j];
		}
		n_named = n_cols;
		add_extra(b, i, reach, &cols, &n_cols, &cap_cols);
		add_steps(b, i, cols, n_cols, n_named);
	}
	for (i = 0; b->opt.is_game && i < b->n_curves; i = j) {
		for (j = i; j < b->n_curves && b->curves[j].role == b->curves[i].role &&
		            b->curves[j].shift == b->curves[i].shift;
		     j++)
			;
		add_moves(b, i, j);
	}
	free(reach);
	free(cols);
	free(n_offers);
	free(first);
	free(fill);
	free(at);
	free(shift_first);
	free(by_shift);
}
