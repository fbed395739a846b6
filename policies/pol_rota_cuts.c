/*
 * pol_rota_cuts.c - rows that every rota (integer solution) already
 * satisfies but the linear relaxation need not, so that the relaxation the
 * rota search starts from is closer to the rotas it searches: the same
 * rotas, the same best rota, a better bound and a better first rota. Never
 * in plan mode, whose answer is the relaxation itself.
 *
 * - Hours covers: a bank worker cannot work a set S of offered shifts that
 *   fit together (rest allows them) but whose hours pass max_hours, so
 *   works at most |S| - 1 of them. The relaxation works 9.5 h shifts 1.7
 *   times to fill 16 h; this row allows 1.
 * - Hours count: nor more of their offered shifts than the most that fit
 *   together within max_hours (found by search). On bench_gen large the
 *   covers (with the rounding rows) took the relaxation from 13.90M to
 *   14.12M, the counts to 14.22M, against a best rota of 14.23M.
 * - Rounding of half staff: with integer staff, covered + s >= R for a
 *   fractional R (19.5) means either ceil(R) staff or s >= f = R - floor(R):
 *   the mixed-integer rounding row
 *     sum (floor(a_j) + min(frac(a_j), f) / f) x_j + s / f >= ceil(R),
 *   s the continuous short and breach. The relaxation covers half a staff
 *   with half a worker; this row prices it as a whole worker or half short.
 * - Whole room for extra staff (DESIGN.md §3d): a curve's extra staff are
 *   whole, so their row's room S(top) - n = 133.7 holds no more than 133;
 *   the relaxation used the fraction. On bench_gen large-supply the rota's
 *   proven gap at the work limit fell from 2.8% to 0.18% (docs/speed.md).
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A worker with many offers has many covers; the first ones found (the
 * longest shifts first) are the ones the relaxation leans on. */
#define MAX_COVERS_PER_WORKER 32
#define MAX_SEARCH_STEPS 4096

struct offer {
	size_t shift;
	double hours;
	size_t first, last; /* the worker's columns on this shift: cols[first..last) */
};

struct cover_search {
	struct pol_build *b;
	size_t worker;
	const struct offer *offers;
	size_t n_offers;
	const size_t *cols;
	bool *clash; /* n_offers x n_offers: the two overlap or break rest */
	size_t *chosen, n_chosen;
	size_t n_covers, n_steps;
	bool has_full_cover; /* one of the covers is every offer */
};

static int by_hours_desc(const void *a, const void *b)
{
	const struct offer *x = a, *y = b;
	if (x->hours != y->hours)
		return x->hours > y->hours ? -1 : 1;
	return x->shift < y->shift ? -1 : x->shift > y->shift;
}

static void add_cover_row(struct cover_search *cs)
{
	struct pol_build *b = cs->b;
	char name[64];
	size_t k, j, row;
	snprintf(name, sizeof(name), "hcover_w%zu_%zu", cs->worker, cs->n_covers);
	row = pol_build_add_row(b, name, -SOL_INF, (double)cs->n_chosen - 1,
	                        &(struct pol_row){MU_ROW_CUT, cs->worker, MU_ALL});
	for (k = 0; k < cs->n_offers; k++) {
		const struct offer *o = &cs->offers[k];
		bool is_in = false;
		size_t c;
		for (c = 0; c < cs->n_chosen && !is_in; c++)
			is_in = cs->chosen[c] == k;
		if (!is_in)
			continue;
		for (j = o->first; j < o->last; j++)
			sol_model_add_entry(b->m, row, cs->cols[j], 1);
	}
	cs->n_covers++;
	cs->has_full_cover = cs->has_full_cover || cs->n_chosen == cs->n_offers;
}

/* Extends the chosen offers (hours so far: sum) by later ones that fit
 * with all of them; a set whose hours pass max_hours is a cover, and
 * minimal because offers come longest first: dropping the last one added
 * (the shortest) already brings it within max_hours. */
static void find_covers(struct cover_search *cs, size_t from, double sum)
{
	double max_hours = cs->b->sc->bank[cs->worker].max_hours;
	size_t k, c;
	for (k = from; k < cs->n_offers; k++) {
		bool fits = true;
		if (cs->n_covers >= MAX_COVERS_PER_WORKER || ++cs->n_steps > MAX_SEARCH_STEPS)
			return;
		for (c = 0; c < cs->n_chosen && fits; c++)
			fits = !cs->clash[cs->chosen[c] * cs->n_offers + k];
		if (!fits)
			continue;
		cs->chosen[cs->n_chosen++] = k;
		if (sum + cs->offers[k].hours > max_hours + 1e-9) {
			if (cs->n_chosen > 1)
				add_cover_row(cs);
		} else {
			find_covers(cs, k + 1, sum + cs->offers[k].hours);
		}
		cs->n_chosen--;
	}
}

/* The most offers that fit together within max_hours, into *most (which
 * holds the best so far): depth first over such sets. False when that
 * takes more than MAX_SEARCH_STEPS: then *most is not known. */
static bool count_most_shifts(struct cover_search *cs, size_t from, double sum, double max_hours,
                              size_t *most)
{
	size_t k, c;
	if (cs->n_chosen > *most)
		*most = cs->n_chosen;
	for (k = from; k < cs->n_offers && cs->n_chosen + (cs->n_offers - k) > *most; k++) {
		bool fits = sum + cs->offers[k].hours <= max_hours + 1e-9;
		if (++cs->n_steps > MAX_SEARCH_STEPS)
			return false;
		for (c = 0; c < cs->n_chosen && fits; c++)
			fits = !cs->clash[cs->chosen[c] * cs->n_offers + k];
		if (!fits)
			continue;
		cs->chosen[cs->n_chosen++] = k;
		fits = count_most_shifts(cs, k + 1, sum + cs->offers[k].hours, max_hours, most);
		cs->n_chosen--;
		if (!fits)
			return false;
	}
	return true;
}

static bool is_clash(const struct mu_scenario *sc, size_t s, size_t t)
{
	long rest = (long)(sc->settings.min_rest_hours * 60 + 0.5);
	const struct mu_shift *a = &sc->shifts[s], *c = &sc->shifts[t];
	return a->abs_start < c->abs_end + rest && c->abs_start < a->abs_end + rest;
}

struct bank_col {
	size_t worker, shift, col;
};

static int by_worker_shift(const void *x, const void *y)
{
	const struct bank_col *a = x, *c = y;
	if (a->worker != c->worker)
		return a->worker < c->worker ? -1 : 1;
	if (a->shift != c->shift)
		return a->shift < c->shift ? -1 : 1;
	return a->col < c->col ? -1 : a->col > c->col;
}

/* The hours rows of one worker, whose columns are bc[0..n), by shift. */
static void add_hours_rows(struct pol_build *b, const struct bank_col *bc, size_t n)
{
	const struct mu_scenario *sc = b->sc;
	struct offer *offers = mu_malloc((n + 1) * sizeof(*offers));
	size_t *cols = mu_malloc((n + 1) * sizeof(size_t));
	size_t n_offers = 0, i, k, most = 0, most_apart = 0;
	bool is_known;
	double offered = 0;
	struct cover_search cs;

	for (i = 0; i < n; i++) {
		cols[i] = bc[i].col;
		if (i == 0 || bc[i].shift != bc[i - 1].shift) {
			offers[n_offers] =
			    (struct offer){bc[i].shift, sc->shifts[bc[i].shift].paid_hours, i, i};
			offered += offers[n_offers++].hours;
		}
		offers[n_offers - 1].last = i + 1;
	}
	if (offered <= sc->bank[bc[0].worker].max_hours + 1e-9 || n_offers < 2) {
		free(offers);
		free(cols);
		return;
	}
	qsort(offers, n_offers, sizeof(*offers), by_hours_desc);
	memset(&cs, 0, sizeof(cs));
	cs.b = b;
	cs.worker = bc[0].worker;
	cs.offers = offers;
	cs.n_offers = n_offers;
	cs.cols = cols;
	cs.chosen = mu_malloc((n_offers + 1) * sizeof(size_t));
	cs.clash = mu_malloc(n_offers * n_offers * sizeof(bool));
	for (i = 0; i < n_offers; i++)
		for (k = 0; k < n_offers; k++)
			cs.clash[i * n_offers + k] =
			    i != k && is_clash(sc, offers[i].shift, offers[k].shift);
	find_covers(&cs, 0, 0);
	/* rest alone allows most_apart; its rows already say so exactly (the
	 * clash graph of shifts on a line is an interval graph) */
	cs.n_steps = 0;
	is_known = count_most_shifts(&cs, 0, 0, SOL_INF, &most_apart);
	cs.n_steps = 0;
	is_known = is_known && count_most_shifts(&cs, 0, 0, sc->bank[cs.worker].max_hours, &most);
	if (is_known && most < most_apart && !(cs.has_full_cover && most + 1 == n_offers)) {
		char name[64];
		size_t row;
		snprintf(name, sizeof(name), "hcount_w%zu", cs.worker);
		row = pol_build_add_row(b, name, -SOL_INF, (double)most,
		                        &(struct pol_row){MU_ROW_CUT, cs.worker, MU_ALL});
		for (i = 0; i < n; i++)
			sol_model_add_entry(b->m, row, cols[i], 1);
	}
	free(cs.clash);
	free(cs.chosen);
	free(offers);
	free(cols);
}

static void add_all_hours_rows(struct pol_build *b)
{
	size_t n_cols = b->m->n_cols, n = 0, j, first;
	struct bank_col *bc = mu_malloc((n_cols + 1) * sizeof(*bc));
	/* a worker's columns: x per cell, or one y on a pooled shift */
	for (j = 0; j < n_cols; j++)
		if (b->cols[j].source == MU_SRC_BANK)
			bc[n++] = (struct bank_col){b->cols[j].worker,
			                            b->sc->demand[b->cols[j].demand].shift, j};
		else if (b->cols[j].source == MU_SRC_POOL_WORKER)
			bc[n++] = (struct bank_col){b->cols[j].worker, b->cols[j].shift, j};
	qsort(bc, n, sizeof(*bc), by_worker_shift);
	for (first = 0; first < n; first = j) {
		bool is_whole = true;
		for (j = first; j < n && bc[j].worker == bc[first].worker; j++)
			is_whole = is_whole && b->m->col_is_int[bc[j].col];
		/* the covers and counts assume whole shifts: a worker with a
		 * fractional one fixed (a plan-mode past, pol_keep.c) gets none */
		if (is_whole)
			add_hours_rows(b, bc + first, j - first);
	}
	free(bc);
}

/* The rounding row of one cover or floor row (entries [first, last) of
 * the compacted model), when its lower limit is fractional and every
 * column in it is an integer one or a continuous one that only helps. */
static void add_rounding_row(struct pol_build *b, size_t row, size_t first, size_t last,
                             const struct pol_row *what)
{
	struct sol_model *m = b->m;
	double limit = m->row_lo[row], f = limit - floor(limit);
	size_t k, cut;
	char name[64];
	if (f < 1e-6 || f > 1 - 1e-6)
		return;
	for (k = first; k < last; k++) {
		const struct sol_entry *e = &m->entries[k];
		if (e->value < 0 || m->col_lo[e->col] != 0)
			return;
	}
	snprintf(name, sizeof(name), "round_%s", m->row_names[row]);
	cut = pol_build_add_row(b, name, ceil(limit), SOL_INF, what);
	for (k = first; k < last; k++) {
		const struct sol_entry *e = &m->entries[k];
		double a = e->value, coef;
		if (m->col_is_int[e->col])
			coef = floor(a) + fmin(a - floor(a), f) / f;
		else
			coef = a / f;
		/* entries may grow the array: e is not used after this */
		sol_model_add_entry(m, cut, e->col, coef);
	}
}

static void add_all_rounding_rows(struct pol_build *b)
{
	struct sol_model *m = b->m;
	size_t n_rows = m->n_rows, *row_first, i;
	sol_model_compact(m);
	row_first = sol_model_by_row(m);
	for (i = 0; i < n_rows; i++) {
		enum mu_row_kind kind = b->rows[i].kind;
		if (kind == MU_ROW_DEMAND || kind == MU_ROW_MINIMUM)
			add_rounding_row(b, i, row_first[i], row_first[i + 1],
			                 &(struct pol_row){MU_ROW_CUT, b->rows[i].index, MU_ALL});
	}
	free(row_first);
}

/* Rows of extra staff (MU_ROW_EXTRA) whose every entry is a whole column
 * with a whole coefficient: their upper limit rounded down. */
static void round_extra_rows(struct pol_build *b)
{
	struct sol_model *m = b->m;
	bool *is_whole = mu_malloc(m->n_rows + 1);
	size_t i, k;
	for (i = 0; i < m->n_rows; i++)
		is_whole[i] = b->rows[i].kind == MU_ROW_EXTRA;
	for (k = 0; k < m->n_entries; k++) {
		const struct sol_entry *e = &m->entries[k];
		if (is_whole[e->row] && (!m->col_is_int[e->col] || e->value != floor(e->value)))
			is_whole[e->row] = false;
	}
	for (i = 0; i < m->n_rows; i++)
		if (is_whole[i] && m->row_hi[i] < SOL_INF)
			m->row_hi[i] = floor(m->row_hi[i] + 1e-9);
	free(is_whole);
}

void pol_rota_cuts_apply(struct pol_build *b)
{
	add_all_hours_rows(b);
	add_all_rounding_rows(b);
	round_extra_rows(b);
}
