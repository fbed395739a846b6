/*
 * pol_bank.c - the shared bank: a worker on a shift they offered, at a
 * partner they are cleared for (home always; in silo mode home only; in a
 * coalition, outside home only if both are in it: pol_build_is_together),
 * covering a role their role may cover, paid bank_rate x unsocial factor x
 * hours. Working time: paid hours <= max_hours; and rest and overlap as one
 * rule - extend each offered shift by min_rest_hours, and the worker works at
 * most one shift of each maximal set whose extended spans share a moment (one
 * row per such set: the tightest form).
 *
 * Pools. The natural model has a column x[w,s,q,c] per worker, offered
 * shift, partner and demand role. On one shift, the workers of one role who
 * are cleared for the same partners (their home not counted apart: it is in
 * the set) are interchangeable: the same pay, the same demand rows at the
 * same efficiency. For such a pool P on shift s the model has instead
 * y[w,s] (w works s; in w's rest, hours and pol_rota_cuts.c's rows) and
 * z[s,P,q,c] (P's staff at q covering c; in the cover and floor rows, with
 * the pay), and the row  sum z - sum y <= 0. Exact in both modes: any
 * solution of the natural model is one of these (z = sum of x, y = what w
 * works), and back, units of z go to workers with y > 0 (pol_plan.c): with
 * y 0/1 and z whole, one unit each. The pay is on z, not y: a y left over
 * (a worker who works but is given nothing) then costs nothing, so the
 * objective is always what the plan's rows cost, even for a rota the
 * search stops at; and z's reduced cost prices a demand row as x's did.
 * A pool of n workers with m demand cells turns n m columns into n + m
 * (and one row); it is used where n m > n + m and n is at least the
 * pol_build's pool_min_workers (pol_solve: POL_POOL_MIN_WORKERS = 4 in
 * rota mode, none in plan mode). Measured 2026-12-02, 2 cores:
 * - rota, pools from 2 / 3 / 4 / 5 / 6 / 8 / none: the example proven in
 *   16.2 / 11.3 / 5.7 / 7.6 / 4.5 / 9.6 / 9.5 s; pools of 2 and 3 turn
 *   binaries into general integers, which branch and cut seems to handle
 *   worse.
 *   With 4, bench_gen medium at 60 s: the same rota as without pools
 *   (£4,187,708.93), bound £4,186,347 (was 4,186,250); large: the same
 *   rota (£14,230,530.92), bound £14,229,926 (was 14,229,591); with 2,
 *   both rotas were worse (medium +0.013%, large +0.002%).
 * - plan: bench_gen large (47,109 columns; most pools are of 1 to 3)
 *   7.2 s without pools, 7.6-7.9 s from 4, 7.9-8.1 s from 2; a variant
 *   with system-wide clearances (83,272 columns, 61,618 from 2) 10.9 s,
 *   9.5-9.8 s from 4, 9.9-10.0 s from 2. Sifting already keeps most bank
 *   columns out of GLPK's simplex, so fewer of them gain little; and a
 *   plan of the same cost could come out with its shortfalls at other
 *   partners (GLPK ends at another of the LP's optima). So plan mode
 *   solves the natural model unless asked (pol_solve's POL_POOL_ALWAYS).
 *
 * Pools and the rules of DESIGN.md §3b. A preference (pol_preference.c) is
 * a penalty per assignment, so it goes on z like the pay, and a pool holds
 * only workers of one preference for its shift (a prefer on y would be
 * earned by a y with no work: sum y may exceed sum z). The fair share
 * (pol_bank_share.c) counts each worker's hours worked, which a pool does
 * not know until its staff are given out: y can be 1 with nothing to do, so
 * a share row over y would be met by idle workers. With bank_min_share > 0
 * nothing is pooled; the model is then the natural one, exact, and rota
 * mode is slower: the example without pools is proven in 9.5 s rather
 * than 5.7 s (above), and with a share of 0.3 and preferences (every
 * fifth offer prefer, every fifth avoid) in 61 s (2026-12-03, 2 cores
 * shared with other builds): the share rows tie the workers' shifts
 * together, which costs more than the lost pools.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"
#include "core/mu_map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct event {
	long time;
	int is_start; /* ends sort first: [a, b) and [b, c) do not meet */
	size_t slot;  /* index into the worker's offered shifts */
};

static int cmp_event(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return x->is_start - y->is_start;
}

struct worker_cols {
	size_t *cols; /* columns of offered shift k: cols[first[k] .. first[k+1]) */
	size_t *first;
	size_t *cells; /* natural columns of offered shift k (a pooled shift has one y) */
};

/* Adds one row per maximal set of mutually overlapping extended shifts
 * (the maximal cliques of an interval graph, found by a sweep). */
static void add_rest_rows(struct pol_build *b, size_t w, const size_t *shifts, size_t n,
                          const struct worker_cols *wc)
{
	const struct mu_scenario *sc = b->sc;
	long rest = (long)(sc->settings.min_rest_hours * 60 + 0.5);
	struct event *ev = mu_malloc(2 * n * sizeof(*ev));
	bool *is_active = mu_calloc(n, sizeof(bool));
	bool has_grown = false;
	size_t i, k, n_sets = 0;
	char name[64];

	for (k = 0; k < n; k++) {
		const struct mu_shift *s = &sc->shifts[shifts[k]];
		ev[2 * k] = (struct event){s->abs_start, 1, k};
		ev[2 * k + 1] = (struct event){s->abs_end + rest, 0, k};
	}
	qsort(ev, 2 * n, sizeof(*ev), cmp_event);
	for (i = 0; i < 2 * n; i++) {
		if (ev[i].is_start) {
			is_active[ev[i].slot] = true;
			has_grown = true;
			continue;
		}
		if (has_grown) {
			size_t n_cells = 0, row;
			for (k = 0; k < n; k++)
				if (is_active[k])
					n_cells += wc->cells[k];
			/* A set with one column of the natural model is already
			 * bounded by the column's own upper bound of 1. (One pooled
			 * shift of several cells keeps its row, so that prices.csv
			 * has the rows of the natural model.) */
			if (n_cells > 1) {
				snprintf(name, sizeof(name), "rest_w%zu_k%zu", w, n_sets++);
				row = pol_build_add_row(b, name, -SOL_INF, 1,
				                        &(struct pol_row){MU_ROW_REST, w, MU_ALL});
				for (k = 0; k < n; k++) {
					size_t j;
					if (!is_active[k])
						continue;
					for (j = wc->first[k]; j < wc->first[k + 1]; j++)
						sol_model_add_entry(b->m, row, wc->cols[j], 1);
				}
			}
			has_grown = false;
		}
		is_active[ev[i].slot] = false;
	}
	free(ev);
	free(is_active);
}

/* What pol_bank_apply knows of the bank before it adds columns. */
struct bank {
	struct pol_build *b;
	size_t *n_offered, *offer_first;
	size_t *offered;     /* shifts offered, by worker: offered[offer_first[w] ..] */
	size_t *offered_row; /* their availability rows */
	double *bank_rate;   /* by role */
	size_t *cleared;     /* stamp = worker + 1 */
	size_t *class_of;    /* worker -> class (role and partners cleared), MU_ALL: none */
	size_t n_classes;
	/* (class, shift, preference) -> workers of the class who offered it
	 * with that preference (at_of) */
	size_t *class_size;
	size_t *pool_at; /* (class, shift, preference) -> pool, MU_ALL: not pooled, NOT_YET */
	size_t *cells;   /* room for one worker's (partner, role) cells on a shift */
};

#define NOT_YET (MU_ALL - 1)

/* The pool's preference of availability row i: neutral for all while
 * preference_weight is 0, so that the pools are as without the column. */
static enum mu_preference pool_preference(const struct mu_scenario *sc, size_t i)
{
	return sc->settings.preference_weight > 0 ? sc->availability[i].preference
	                                          : MU_PREF_NEUTRAL;
}

/* Index of (class, shift of availability row i, its preference) into
 * class_size and pool_at. */
static size_t at_of(const struct mu_scenario *sc, size_t class, size_t i)
{
	return (class * sc->n_shifts + sc->availability[i].shift) * MU_PREF_COUNT +
	       pool_preference(sc, i);
}

/* Marks in bk->cleared the partners w may work at. */
static void mark_cleared(struct bank *bk, size_t w)
{
	const struct mu_scenario *sc = bk->b->sc;
	const struct mu_bank_worker *bw = &sc->bank[w];
	size_t q;
	for (q = 0; q < sc->n_partners; q++)
		if (mu_scenario_is_cleared(bw, q) && pol_build_is_together(bk->b, bw->home, q))
			bk->cleared[q] = w + 1;
}

static bool is_kept(const struct pol_build *b, size_t w)
{
	return b->is_kept_worker && b->is_kept_worker[w];
}

/* Workers of one role cleared for the same partners are of one class. */
static void find_classes(struct bank *bk)
{
	const struct mu_scenario *sc = bk->b->sc;
	size_t len = sizeof(size_t) + sc->n_partners, w, q, i, n_at;
	char *key = mu_malloc(len);
	struct mu_map map;
	mu_map_init(&map);
	bk->class_of = mu_malloc((sc->n_bank + 1) * sizeof(size_t));
	for (w = 0; w < sc->n_bank; w++) {
		size_t role = sc->bank[w].role, c;
		bk->class_of[w] = MU_ALL;
		if (bk->n_offered[w] == 0)
			continue;
		/* A worker of the kept plan (--keep) is a class alone, so never
		 * pooled: pol_keep.c needs their own x column for each kept
		 * assignment (its change column and row, or its value fixed in
		 * the past); in a pool they would be one unit of z among others. */
		if (is_kept(bk->b, w)) {
			bk->class_of[w] = bk->n_classes++;
			continue;
		}
		mark_cleared(bk, w);
		memcpy(key, &role, sizeof(size_t));
		for (q = 0; q < sc->n_partners; q++)
			key[sizeof(size_t) + q] = bk->cleared[q] == w + 1;
		if (!mu_map_get(&map, key, len, &c)) {
			c = bk->n_classes++;
			mu_map_put(&map, key, len, c);
		}
		bk->class_of[w] = c;
	}
	mu_map_release(&map);
	free(key);
	n_at = bk->n_classes * sc->n_shifts * MU_PREF_COUNT;
	bk->class_size = mu_calloc(n_at + 1, sizeof(size_t));
	bk->pool_at = mu_malloc((n_at + 1) * sizeof(size_t));
	for (i = 0; i < n_at; i++)
		bk->pool_at[i] = NOT_YET;
	for (i = 0; i < sc->n_availability; i++) {
		size_t c = bk->class_of[sc->availability[i].worker];
		if (c != MU_ALL)
			bk->class_size[at_of(sc, c, i)]++;
	}
}

/* The demand rows worker w (cleared partners marked) can cover on shift s,
 * by partner then role (the natural model's column order), into bk->cells;
 * returns how many. */
static size_t find_cells(struct bank *bk, size_t w, size_t s)
{
	struct pol_build *b = bk->b;
	const struct mu_scenario *sc = b->sc;
	size_t role = sc->bank[w].role, q, c, n = 0;
	for (q = 0; q < sc->n_partners; q++) {
		if (bk->cleared[q] != w + 1)
			continue;
		for (c = 0; c < sc->n_roles; c++) {
			size_t d = pol_demand_at(b, q, c, s);
			if (d != MU_ALL && b->efficiency[role * sc->n_roles + c] > 0)
				bk->cells[n++] = d;
		}
	}
	return n;
}

/* The pool of shift s whose first worker is w (its cells found): its row,
 * and its z columns, each up to the pool's size. Returns the pool. */
static size_t add_pool(struct bank *bk, size_t w, size_t s, size_t avail, size_t n_cells,
                       size_t size)
{
	struct pol_build *b = bk->b;
	const struct mu_scenario *sc = b->sc;
	const struct mu_shift *sh = &sc->shifts[s];
	size_t role = sc->bank[w].role, p = b->n_pools, row, i;
	char name[64];
	snprintf(name, sizeof(name), "pool_w%zu_s%zu", w, s);
	row = pol_build_add_row(b, name, -SOL_INF, 0, &(struct pol_row){MU_ROW_POOL, p, s});
	MU_GROW(b->pools, b->cap_pools, p + 1);
	b->pools[b->n_pools++] =
	    (struct pol_pool){.shift = s, .row = row, .worker = w, .offer = avail};
	for (i = 0; i < n_cells; i++) {
		struct pol_col what = {
		    .source = MU_SRC_POOL,
		    .demand = bk->cells[i],
		    .worker_role = role,
		    .shift = s,
		    .pool = p,
		    .hi = (double)size,
		    .is_int = true,
		    .hours = sh->paid_hours,
		    .spend = bk->bank_rate[role] * pol_shift_factor(sh) * sh->paid_hours,
		};
		size_t col;
		snprintf(name, sizeof(name), "pool_w%zu_d%zu", w, bk->cells[i]);
		col = pol_build_add_cover_col(b, name, &what);
		sol_model_add_entry(b->m, row, col, 1);
	}
	return p;
}

/* Worker w's columns on their k-th offered shift, into wc: y in its pool,
 * else one x per cell. */
static void add_shift_cols(struct bank *bk, size_t w, size_t k, struct worker_cols *wc,
                           size_t *n_cols, size_t *cap_cols)
{
	struct pol_build *b = bk->b;
	const struct mu_scenario *sc = b->sc;
	const struct mu_bank_worker *bw = &sc->bank[w];
	size_t s = bk->offered[bk->offer_first[w] + k];
	size_t avail = bk->offered_row[bk->offer_first[w] + k];
	const struct mu_shift *sh = &sc->shifts[s];
	size_t n_cells = find_cells(bk, w, s), i;
	size_t *pool = &bk->pool_at[at_of(sc, bk->class_of[w], avail)];
	char name[64];

	wc->cells[k] = n_cells;
	if (*pool == NOT_YET) {
		size_t size = bk->class_size[at_of(sc, bk->class_of[w], avail)];
		/* no pools with a fair share: see the header */
		*pool = b->opt.pool_min_workers > 0 && size >= b->opt.pool_min_workers &&
		                size * n_cells > size + n_cells &&
		                !(sc->settings.bank_min_share > 0)
		            ? add_pool(bk, w, s, avail, n_cells, size)
		            : MU_ALL;
	}
	if (*pool != MU_ALL) {
		struct pol_col what = {
		    .source = MU_SRC_POOL_WORKER,
		    .worker_role = bw->role,
		    .home = bw->home,
		    .worker = w,
		    .offer = avail,
		    .shift = s,
		    .pool = *pool,
		    .hi = 1,
		    .is_int = true,
		    .hours = sh->paid_hours,
		};
		size_t col;
		snprintf(name, sizeof(name), "work_w%zu_s%zu", w, s);
		col = pol_build_add_col(b, name, &what);
		sol_model_add_entry(b->m, b->pools[*pool].row, col, -1);
		MU_GROW(wc->cols, *cap_cols, *n_cols + 1);
		wc->cols[(*n_cols)++] = col;
		return;
	}
	for (i = 0; i < n_cells; i++) {
		struct pol_col what = {
		    .source = MU_SRC_BANK,
		    .demand = bk->cells[i],
		    .worker_role = bw->role,
		    .home = bw->home,
		    .worker = w,
		    .offer = avail,
		    .hi = 1,
		    .is_int = true,
		    .hours = sh->paid_hours,
		    .spend = bk->bank_rate[bw->role] * pol_shift_factor(sh) * sh->paid_hours,
		};
		snprintf(name, sizeof(name), "bank_w%zu_d%zu", w, bk->cells[i]);
		MU_GROW(wc->cols, *cap_cols, *n_cols + 1);
		wc->cols[(*n_cols)++] = pol_build_add_cover_col(b, name, &what);
	}
}

void pol_bank_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	struct bank bk = {.b = b};
	struct worker_cols wc = {NULL, NULL, NULL};
	size_t cap_cols = 0, i, w, k;
	char name[64];

	bk.n_offered = mu_calloc(sc->n_bank + 1, sizeof(size_t));
	bk.offer_first = mu_calloc(sc->n_bank + 2, sizeof(size_t));
	bk.offered = mu_malloc((sc->n_availability + 1) * sizeof(size_t));
	bk.offered_row = mu_malloc((sc->n_availability + 1) * sizeof(size_t));
	bk.bank_rate = mu_calloc(sc->n_roles + 1, sizeof(double));
	bk.cleared = mu_calloc(sc->n_partners + 1, sizeof(size_t));
	bk.cells = mu_malloc((sc->n_partners * sc->n_roles + 1) * sizeof(size_t));
	for (i = 0; i < sc->n_roles; i++) {
		const struct mu_cap *cap = mu_scenario_cap(sc, i);
		bk.bank_rate[i] = cap && cap->has_bank_rate ? cap->bank_rate : 0;
	}
	/* availability grouped by worker, in the file's order */
	for (i = 0; i < sc->n_availability; i++)
		bk.n_offered[sc->availability[i].worker]++;
	for (w = 0; w < sc->n_bank; w++)
		bk.offer_first[w + 1] = bk.offer_first[w] + bk.n_offered[w];
	find_classes(&bk);
	memset(bk.n_offered, 0, (sc->n_bank + 1) * sizeof(size_t));
	for (i = 0; i < sc->n_availability; i++) {
		size_t wk = sc->availability[i].worker,
		       at = bk.offer_first[wk] + bk.n_offered[wk]++;
		bk.offered[at] = sc->availability[i].shift;
		bk.offered_row[at] = i;
	}
	wc.first = mu_malloc((sc->n_shifts + 2) * sizeof(size_t));
	wc.cells = mu_malloc((sc->n_shifts + 2) * sizeof(size_t));

	for (w = 0; w < sc->n_bank; w++) {
		const struct mu_bank_worker *bw = &sc->bank[w];
		size_t n = bk.n_offered[w], n_cols = 0;
		double offered_hours = 0;
		if (n == 0)
			continue;
		mark_cleared(&bk, w);
		for (k = 0; k < n; k++) {
			wc.first[k] = n_cols;
			offered_hours += sc->shifts[bk.offered[bk.offer_first[w] + k]].paid_hours;
			add_shift_cols(&bk, w, k, &wc, &n_cols, &cap_cols);
		}
		wc.first[n] = n_cols;
		if (n_cols == 0)
			continue;
		if (offered_hours > bw->max_hours) {
			size_t row;
			snprintf(name, sizeof(name), "hours_w%zu", w);
			row = pol_build_add_row(b, name, -SOL_INF, bw->max_hours,
			                        &(struct pol_row){MU_ROW_HOURS, w, MU_ALL});
			for (i = 0; i < n_cols; i++)
				sol_model_add_entry(b->m, row, wc.cols[i],
				                    b->cols[wc.cols[i]].hours);
		}
		add_rest_rows(b, w, bk.offered + bk.offer_first[w], n, &wc);
	}
	free(wc.cols);
	free(wc.first);
	free(wc.cells);
	free(bk.n_offered);
	free(bk.offer_first);
	free(bk.offered);
	free(bk.offered_row);
	free(bk.bank_rate);
	free(bk.cleared);
	free(bk.cells);
	free(bk.class_of);
	free(bk.class_size);
	free(bk.pool_at);
}
