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

/* The rate rows of DESIGN.md §3d: per supply curve (pol_supply.c) whose
 * steps above w_0 cost anything, the cost above w_0, split between the
 * partners where the curve's staff (named and extra) work in proportion
 * to their staff, with the rate paid (the lowest rung whose S is at least
 * the staff Q, or S(w_0) + the steps taken where extra staff took them
 * further: n + extra). */
static void add_rate_rows(const struct pol_build *b, const double *x, const struct pendings *a,
                          const struct pendings *c, struct pendings *out)
{
	const struct mu_scenario *sc = b->sc;
	size_t n_p = sc->n_partners, i, j, p, k;
	double *staff = mu_calloc(b->n_curves * n_p + 1, sizeof(double));
	double *total = mu_calloc(b->n_curves + 1, sizeof(double));
	double *above = mu_calloc(b->n_curves + 1, sizeof(double));
	const struct pendings *lists[2] = {a, c};
	double *steps = mu_calloc(b->n_curves + 1, sizeof(double));
	for (j = 0; j < b->m->n_cols; j++)
		if (b->cols[j].source == MU_SRC_RATE_STEP) {
			above[b->cols[j].pool] += x[j] * b->cols[j].spend;
			steps[b->cols[j].pool] += x[j];
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
			staff[ci * n_p + r->partner] += r->staff;
			total[ci] += r->staff;
		}
	for (i = 0; i < b->n_curves; i++) {
		const struct pol_curve *cv = &b->curves[i];
		size_t rung = cv->n_rungs - 1;
		/* the staff priced: Q, or n + extra where the extra staff
		 * took the steps further (pol_supply.c) */
		double priced = fmax(total[i], cv->supply[0] + steps[i]);
		if (!(above[i] > EPS))
			continue;
		for (k = 0; k < cv->n_rungs; k++)
			if (cv->supply[k] >= priced - EPS) {
				rung = k;
				break;
			}
		for (p = 0; p < n_p; p++) {
			double share = total[i] > EPS ? staff[i * n_p + p] / total[i]
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
			    .spend = above[i] * share,
			    .rate = cv->rate[rung],
			};
			e->efficiency = 1;
			e->offer = MU_ALL;
		}
	}
	free(staff);
	free(total);
	free(above);
	free(steps);
}

struct mu_plan *pol_plan_new(const struct pol_build *b, const double *x)
{
	const struct mu_scenario *sc = b->sc;
	struct mu_plan *plan = mu_plan_new(sc);
	struct pendings rows = {NULL, 0, 0}, bank = {NULL, 0, 0};
	size_t col, i, bank_at = MU_ALL;
	for (col = 0; col < b->m->n_cols; col++) {
		const struct pol_col *c = &b->cols[col];
		bool is_bank = c->source == MU_SRC_BANK || is_pool_col(c);
		/* the bank's rows go where its first column is */
		if (is_bank && bank_at == MU_ALL)
			bank_at = rows.n;
		if (fabs(x[col]) < EPS || mu_source_info[c->source].is_internal)
			continue;
		add_pending(is_bank ? &bank : &rows, b, c, x[col]);
	}
	fill_pools(b, x, &bank);
	if (bank.n > 1)
		qsort(bank.items, bank.n, sizeof(*bank.items), by_natural_order);
	if (bank_at == MU_ALL)
		bank_at = rows.n;
	if (b->n_curves > 0)
		add_rate_rows(b, x, &rows, &bank, &rows);
	for (i = 0; i < rows.n + bank.n; i++) {
		const struct pending *e = i < bank_at            ? &rows.items[i]
		                          : i < bank_at + bank.n ? &bank.items[i - bank_at]
		                                                 : &rows.items[i - bank.n];
		mu_plan_add_row(plan, &e->row, e->efficiency, e->penalty, e->is_break_glass);
	}
	plan->is_replan = b->keep_gone != NULL;
	plan->has_supply = b->n_curves > 0;
	mu_plan_finish(plan, sc);
	free(rows.items);
	free(bank.items);
	return plan;
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
