/*
 * pol_plan.c - solution to plan rows: each column's meaning (pol_col) times
 * its value; a pool's staff (pol_bank.c) given to its workers who work the
 * shift. Totals and per-demand results are summed by core/mu_plan.c from
 * unrounded values, once.
 */
#include "pol_plan.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-6

/* The plan row of column c at value x. */
static struct mu_plan_row row_of(const struct mu_scenario *sc, const struct pol_col *c, double x)
{
	const struct mu_source_info *info = &mu_source_info[c->source];
	struct mu_plan_row r = {
	    .source = c->source,
	    .demand = MU_ALL,
	    .partner = c->partner,
	    .role = MU_ALL,
	    .shift = MU_ALL,
	    .worker_role = info->is_staff ? c->worker_role : MU_ALL,
	    .home = info->has_home ? c->home : MU_ALL,
	    .worker = c->source == MU_SRC_BANK || c->source == MU_SRC_SHARE ? c->worker : MU_ALL,
	    .offer = c->source == MU_SRC_AGENCY || c->source == MU_SRC_LEND ? c->offer : MU_ALL,
	    .staff = x,
	    .hours = x * c->hours,
	    .spend = x * c->spend,
	    .recharge = x * c->recharge,
	    .is_late = c->is_late,
	};
	if (c->source == MU_SRC_SHARE)
		r.staff = 0; /* hours short of the fair share: no one works */
	if (info->covers_demand) {
		const struct mu_demand *d = &sc->demand[c->demand];
		r.demand = c->demand;
		r.role = d->role;
		r.shift = d->shift;
	} else if (c->source == MU_SRC_CHANGE) {
		/* the kept assignment it concerns: its cell, worker or offer */
		const struct mu_demand *d = &sc->demand[c->demand];
		r.role = d->role;
		r.shift = d->shift;
		r.worker_role = c->worker_role;
		r.worker = c->worker;
		r.offer = c->offer;
	}
	return r;
}

/* A plan row on its way, with what mu_plan_add_row wants beside it. */
struct pending {
	struct mu_plan_row row;
	double efficiency;
	double penalty[MU_PEN_COUNT];
	bool is_break_glass;
	size_t offer; /* bank: the availability row, to order rows as the natural model */
};

struct pendings {
	struct pending *items;
	size_t n, cap;
};

static void add_pending(struct pendings *p, const struct pol_build *b, const struct pol_col *c,
                        double x)
{
	struct pending *e;
	int k;
	MU_GROW(p->items, p->cap, p->n + 1);
	e = &p->items[p->n++];
	e->row = row_of(b->sc, c, x);
	if (c->source == MU_SRC_DISCHARGE || c->source == MU_SRC_BED_DAYS) {
		/* a pathway's day (§3f, pol_flow.c): its cells are the pathway's */
		const struct mu_flow *w = &b->sc->flows[c->offer];
		e->row.role = w->ward_role;
		e->row.worker_role = w->care_role;
		e->row.flow = c->offer;
		e->row.day = b->flow_days[c->shift];
	}
	e->efficiency = pol_col_efficiency(b, c);
	for (k = 0; k < MU_PEN_COUNT; k++)
		e->penalty[k] = x * c->penalty[k];
	e->is_break_glass = c->is_break_glass;
	e->offer = c->offer;
}

/* A column of the pooled bank (pol_bank.c): a pool's staff, or a pooled
 * worker working a shift. */
static bool is_pool_col(const struct pol_col *c)
{
	return c->source == MU_SRC_POOL || c->source == MU_SRC_POOL_WORKER;
}

/* Gives the staff of each pool (its z columns, in column order) to its
 * workers who work the shift (their y > 0, in worker order), as much to
 * each as its y: a transportation fill, whole units in a rota. Sum z <=
 * sum y, so every unit finds a worker. A piece that would leave less than
 * EPS of a z over goes whole to the worker at hand (y exceeded by < EPS). */
static void fill_pools(const struct pol_build *b, const double *x, struct pendings *out)
{
	size_t n_pools = b->n_pools, n_cols = b->m->n_cols, j, p;
	size_t *first = mu_calloc(n_pools + 2, sizeof(size_t));
	size_t *at = mu_malloc((n_cols + 1) * sizeof(size_t));
	size_t *fill = mu_calloc(n_pools + 1, sizeof(size_t));
	double *left = mu_malloc((n_cols + 1) * sizeof(double));

	/* the y and z columns of each pool, in column order */
	for (j = 0; j < n_cols; j++)
		if (is_pool_col(&b->cols[j]))
			first[b->cols[j].pool + 1]++;
	for (p = 0; p < n_pools; p++)
		first[p + 1] += first[p];
	for (j = 0; j < n_cols; j++)
		if (is_pool_col(&b->cols[j])) {
			size_t q = b->cols[j].pool;
			at[first[q] + fill[q]++] = j;
		}
	for (j = 0; j < n_cols; j++)
		left[j] = x[j];
	for (p = 0; p < n_pools; p++) {
		size_t k, y = first[p];
		for (k = first[p]; k < first[p + 1]; k++) {
			const struct pol_col *z = &b->cols[at[k]];
			double rest = x[at[k]];
			if (z->source != MU_SRC_POOL || rest < EPS)
				continue;
			while (rest > 0) {
				const struct pol_col *yc;
				struct pol_col given;
				double piece;
				while (y < first[p + 1] &&
				       (b->cols[at[y]].source != MU_SRC_POOL_WORKER ||
				        left[at[y]] < EPS))
					y++;
				/* sum z <= sum y: only rounding noise is left over */
				if (y == first[p + 1])
					break;
				yc = &b->cols[at[y]];
				piece = rest - left[at[y]] < EPS ? rest : left[at[y]];
				given = *z;
				given.source = MU_SRC_BANK;
				given.worker = yc->worker;
				given.home = yc->home;
				given.offer = yc->offer;
				add_pending(out, b, &given, piece);
				left[at[y]] -= piece;
				rest -= piece;
			}
		}
	}
	free(first);
	free(at);
	free(fill);
	free(left);
}

/* Bank rows in the natural model's column order: by worker, offer, then
 * partner and role (a demand row's index follows neither: compare them). */
static int by_natural_order(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	if (x->row.worker != y->row.worker)
		return x->row.worker < y->row.worker ? -1 : 1;
	if (x->offer != y->offer)
		return x->offer < y->offer ? -1 : 1;
	if (x->row.partner != y->row.partner)
		return x->row.partner < y->row.partner ? -1 : 1;
	if (x->row.role != y->row.role)
		return x->row.role < y->row.role ? -1 : 1;
	return 0;
}

/* What the plan made of each supply curve (pol_supply.c): its staff at
 * each partner and in all, named and extra, its cash above w_0 and the
 * rung reached. */
struct curve_use {
	double *staff; /* [curve * n_partners + partner] */
	double *named, *extra, *above;
	double *steps; /* the staff priced above w_0 (the step columns) */
	size_t *rung;
};

static void curve_use_init(struct curve_use *u, const struct pol_build *b, const double *x,
                           const struct pendings *a, const struct pendings *c)
{
	size_t n_p = b->sc->n_partners, n = b->n_curves, i, j, k;
	const struct pendings *lists[2] = {a, c};
	u->staff = mu_calloc(n * n_p + 1, sizeof(double));
	u->named = mu_calloc(n + 1, sizeof(double));
	u->extra = mu_calloc(n + 1, sizeof(double));
	u->above = mu_calloc(n + 1, sizeof(double));
	u->rung = mu_calloc(n + 1, sizeof(size_t));
	u->steps = mu_calloc(n + 1, sizeof(double));
	for (j = 0; j < b->m->n_cols; j++)
		if (b->cols[j].source == MU_SRC_RATE_STEP) {
			u->above[b->cols[j].pool] += x[j] * b->cols[j].spend;
			u->steps[b->cols[j].pool] += x[j];
		}
	for (k = 0; k < 2; k++)
		for (i = 0; i < lists[k]->n; i++) {
			const struct mu_plan_row *r = &lists[k]->items[i].row;
			size_t ci;
			if (r->source != MU_SRC_BANK && r->source != MU_SRC_BANK_EXTRA)
				continue;
			ci = pol_build_curve_of(b, r->partner, r->worker_role, r->shift);
			if (ci == MU_ALL)
				continue;
			u->staff[ci * n_p + r->partner] += r->staff;
			*(r->source == MU_SRC_BANK ? &u->named[ci] : &u->extra[ci]) += r->staff;
		}
	/* the rate paid: the lowest rung whose S is at least the staff Q */
	for (i = 0; i < n; i++) {
		const struct pol_curve *cv = &b->curves[i];
		/* the staff priced: Q, or n + extra where the extra staff
		 * took the steps further (pol_supply.c's paid row) */
		double priced = fmax(u->named[i] + u->extra[i], cv->supply[0] + u->steps[i]);
		u->rung[i] = cv->n_rungs - 1;
		for (k = 0; k < cv->n_rungs; k++)
			if (cv->supply[k] >= priced - EPS) {
				u->rung[i] = k;
				break;
			}
	}
}

static void curve_use_release(struct curve_use *u)
{
	free(u->staff);
	free(u->named);
	free(u->extra);
	free(u->above);
	free(u->rung);
	free(u->steps);
}

/* Each bank and bank_extra row's rate (§3d): its curve's rate paid, or
 * bank_rate where the role's supply is fixed. */
static void set_row_rates(const struct pol_build *b, const struct curve_use *u,
                          struct pendings *list)
{
	size_t i;
	for (i = 0; i < list->n; i++) {
		struct mu_plan_row *r = &list->items[i].row;
		const struct mu_cap *cap;
		size_t ci;
		if (r->source != MU_SRC_BANK && r->source != MU_SRC_BANK_EXTRA)
			continue;
		ci = pol_build_curve_of(b, r->partner, r->worker_role, r->shift);
		cap = mu_scenario_cap(b->sc, r->worker_role);
		r->rate = ci != MU_ALL                ? b->curves[ci].rate[u->rung[ci]]
		          : cap && cap->has_bank_rate ? cap->bank_rate
		                                      : 0;
	}
}

/* The rate rows of DESIGN.md §3d: per supply curve (pol_supply.c) whose
 * steps above w_0 cost anything, the cost above w_0, split between the
 * partners where the curve's staff (named and extra) work in proportion
 * to their staff, with the rate paid. */
static void add_rate_rows(const struct pol_build *b, const struct curve_use *u,
                          struct pendings *out)
{
	size_t n_p = b->sc->n_partners, i, p;
	for (i = 0; i < b->n_curves; i++) {
		const struct pol_curve *cv = &b->curves[i];
		double total = u->named[i] + u->extra[i];
		if (!(u->above[i] > EPS))
			continue;
		for (p = 0; p < n_p; p++) {
			double share = total > EPS ? u->staff[i * n_p + p] / total
			               : p == b->cols[cv->first_step].partner ? 1
			                                                      : 0;
			struct pending *e;
			if (!(share > 0))
				continue;
			MU_GROW(out->items, out->cap, out->n + 1);
			e = &out->items[out->n++];
			memset(e, 0, sizeof(*e));
			e->row = (struct mu_plan_row){
			    .source = MU_SRC_RATE,
			    .demand = MU_ALL,
			    .partner = p,
			    .role = cv->role,
			    .shift = cv->shift,
			    .worker_role = cv->role,
			    .home = MU_ALL,
			    .worker = MU_ALL,
			    .offer = MU_ALL,
			    .spend = u->above[i] * share,
			    .rate = cv->rate[u->rung[i]],
			};
			e->efficiency = 1;
			e->offer = MU_ALL;
		}
	}
}

/* rates.csv's rows (mu_rate_row), one per curve, in the curves' order
 * (role, shift, group); prices NAN until pol_plan_price_rates. */
static void set_rates(const struct pol_build *b, const struct curve_use *u, struct mu_plan *plan)
{
	const struct mu_scenario *sc = b->sc;
	size_t i;
	plan->rates = mu_calloc(b->n_curves + 1, sizeof(*plan->rates));
	plan->n_rates = b->n_curves;
	for (i = 0; i < b->n_curves; i++) {
		const struct pol_curve *cv = &b->curves[i];
		plan->rates[i] = (struct mu_rate_row){
		    .role = cv->role,
		    .shift = cv->shift,
		    .partner = cv->group < sc->n_partners ? cv->group : MU_ALL,
		    .n_offers = cv->n_offers,
		    .bank_rate = cv->rate[0],
		    .rate = cv->rate[u->rung[i]],
		    .supply = cv->supply[u->rung[i]],
		    .base_supply = cv->supply[0],
		    .top_rate = cv->rate[cv->n_rungs - 1],
		    .top_supply = cv->supply[cv->n_rungs - 1],
		    .named = u->named[i],
		    .extra = u->extra[i],
		    .rate_cost = u->above[i],
		    .price = NAN,
		};
	}
}

void pol_plan_price_rates(const struct pol_build *b, const double *x, const double *row_dual,
                          struct mu_plan *plan)
{
	size_t i, k;
	for (i = 0; i < b->n_curves && i < plan->n_rates; i++) {
		const struct pol_curve *cv = &b->curves[i];
		struct mu_rate_row *r = &plan->rates[i];
		double q = r->named + r->extra;
		bool is_inside = q < cv->supply[0] - EPS;
		if (cv->supply_row == MU_ALL) {
			/* no row: S(w_0) is never what limits the staff */
			r->price = 0;
			r->is_price_cash = true;
			continue;
		}
		/* a step strictly inside its bounds is basic, its reduced
		 * cost 0: the dual is minus its premium, cash */
		for (k = 1; k < cv->n_rungs && cv->first_step != MU_ALL; k++) {
			double v = x[cv->first_step + k - 1];
			is_inside =
			    is_inside || (v > EPS && v < cv->supply[k] - cv->supply[k - 1] - EPS);
		}
		r->price = row_dual[cv->supply_row] == 0 ? 0 : row_dual[cv->supply_row];
		r->is_price_cash = is_inside;
	}
}

/* The discharge pathways as x leaves them (§3f, pol_flow.c), on the
 * rows of block: per pathway and day its discharges and patients still
 * waiting (plan->discharges), and per demand row the demand moved: the
 * care added, less the ward demand freed, which is at most the row's
 * required (the most the model's ward_freed column takes: it takes it
 * wherever the row is not fully covered). A ward row freed by several
 * pathways gives each its part of what is freed, by what it frees. */
static void read_flows(const struct pol_build *b, const struct mu_scenario *sc, const double *x,
                       size_t block, struct mu_plan *plan)
{
	size_t n_days = b->n_flow_days, k, i, f, t;
	double *added = mu_calloc(sc->n_demand + 1, sizeof(double));
	double *freed = mu_calloc(sc->n_demand + 1, sizeof(double));
	bool *is_moved = mu_calloc(sc->n_demand + 1, sizeof(bool));
	double *by_then = mu_calloc(sc->n_flows * n_days + 1, sizeof(double));
	plan->n_discharges = sc->n_flows * n_days;
	plan->discharges = mu_calloc(plan->n_discharges + 1, sizeof(*plan->discharges));
	for (f = 0; f < sc->n_flows; f++) {
		const struct mu_flow *w = &sc->flows[f];
		double d = 0;
		for (t = 0; t < n_days; t++) {
			struct mu_discharge_row *r = &plan->discharges[f * n_days + t];
			double now = x[b->discharge_col[f * n_days + t]];
			d += now;
			by_then[f * n_days + t] = d;
			r->flow = f;
			r->day = b->flow_days[t];
			r->discharged = fabs(now) < EPS ? 0 : now;
			r->freed_beds = d < EPS ? 0 : d;
			r->waiting = fmax(0, (double)w->waiting - d);
			if (r->waiting < EPS)
				r->waiting = 0;
			r->bed_day_penalty = r->waiting * w->bed_day_cost;
		}
	}
	for (k = 0; k < b->n_flow_moves; k++) {
		const struct pol_flow_move *mv = &b->flow_moves[k];
		double staff = fabs(mv->staff) * by_then[mv->flow * n_days + mv->day];
		if (mv->block != block)
			continue;
		is_moved[mv->demand] = true;
		if (mv->staff > 0) {
			added[mv->demand] += staff;
			plan->discharges[mv->flow * n_days + mv->day].care_hours +=
			    staff * sc->shifts[sc->demand[mv->demand].shift].paid_hours;
		} else {
			freed[mv->demand] += staff;
		}
	}
	for (k = 0; k < b->n_flow_moves; k++) {
		const struct pol_flow_move *mv = &b->flow_moves[k];
		double staff = -mv->staff * by_then[mv->flow * n_days + mv->day];
		if (mv->block != block || mv->staff >= 0 || !(freed[mv->demand] > 0))
			continue;
		plan->discharges[mv->flow * n_days + mv->day].ward_staff +=
		    staff * fmin(1, sc->demand[mv->demand].required / freed[mv->demand]);
	}
	for (i = 0; i < sc->n_demand; i++)
		if (is_moved[i])
			mu_plan_move_demand(plan, sc, i,
			                    added[i] - fmin(freed[i], sc->demand[i].required));
	free(added);
	free(freed);
	free(is_moved);
	free(by_then);
}

/* The plan of the columns of day (and of what is decided now) against sc:
 * day MU_ALL reads what is decided now alone, which without scenarios is
 * every column. */
static struct mu_plan *plan_of(const struct pol_build *b, const struct mu_scenario *sc,
                               const double *x, size_t day)
{
	struct mu_plan *plan = mu_plan_new(sc);
	struct pendings rows = {NULL, 0, 0}, bank = {NULL, 0, 0};
	struct curve_use use = {NULL, NULL, NULL, NULL, NULL, NULL};
	size_t col, i, bank_at = MU_ALL;
	for (col = 0; col < b->m->n_cols; col++) {
		const struct pol_col *c = &b->cols[col];
		bool is_bank = c->source == MU_SRC_BANK || is_pool_col(c);
		/* the bank's rows go where its first column is */
		if (is_bank && bank_at == MU_ALL)
			bank_at = rows.n;
		if (fabs(x[col]) < EPS || mu_source_info[c->source].is_internal ||
		    (c->scenario != MU_ALL && c->scenario != day))
			continue;
		add_pending(is_bank ? &bank : &rows, b, c, x[col]);
	}
	fill_pools(b, x, &bank);
	if (bank.n > 1)
		qsort(bank.items, bank.n, sizeof(*bank.items), by_natural_order);
	if (bank_at == MU_ALL)
		bank_at = rows.n;
	if (b->n_curves > 0) {
		curve_use_init(&use, b, x, &rows, &bank);
		set_row_rates(b, &use, &rows);
		set_row_rates(b, &use, &bank);
		add_rate_rows(b, &use, &rows);
	} else {
		/* fixed supply: every bank row is paid bank_rate */
		struct curve_use none = {NULL, NULL, NULL, NULL, NULL, NULL};
		set_row_rates(b, &none, &bank);
	}
	for (i = 0; i < rows.n + bank.n; i++) {
		const struct pending *e = i < bank_at            ? &rows.items[i]
		                          : i < bank_at + bank.n ? &bank.items[i - bank_at]
		                                                 : &rows.items[i - bank.n];
		mu_plan_add_row(plan, &e->row, e->efficiency, e->penalty, e->is_break_glass);
	}
	plan->is_replan = b->keep_gone != NULL;
	plan->has_supply = b->n_curves > 0;
	plan->has_flow = sc->n_flows > 0;
	if (sc->n_flows > 0)
		read_flows(b, sc, x, b->n_days > 0 ? day : MU_ALL, plan);
	mu_plan_finish(plan, sc);
	if (b->n_curves > 0) {
		set_rates(b, &use, plan);
		curve_use_release(&use);
	}
	free(rows.items);
	free(bank.items);
	return plan;
}

struct mu_plan *pol_plan_new(const struct pol_build *b, const double *x)
{
	return plan_of(b, b->sc, x, MU_ALL);
}

struct mu_plan *pol_plan_day(const struct pol_build *b, const double *x, size_t day)
{
	return plan_of(b, &b->days[day], x, day);
}

enum mu_status pol_status_of(enum sol_status s)
{
	static const enum mu_status map[] = {
	    [SOL_OPTIMAL] = MU_STATUS_OPTIMAL,         [SOL_FEASIBLE] = MU_STATUS_FEASIBLE,
	    [SOL_INFEASIBLE] = MU_STATUS_INFEASIBLE,   [SOL_UNBOUNDED] = MU_STATUS_UNBOUNDED,
	    [SOL_NO_SOLUTION] = MU_STATUS_NO_SOLUTION,
	};
	return map[s];
}

enum mu_stop pol_stop_of(enum sol_stop s)
{
	static const enum mu_stop map[] = {
	    [SOL_STOP_NONE] = MU_STOP_NONE,
	    [SOL_STOP_TIME] = MU_STOP_TIME,
	    [SOL_STOP_WORK] = MU_STOP_WORK,
	    [SOL_STOP_INTERRUPT] = MU_STOP_INTERRUPT,
	};
	return map[s];
}
