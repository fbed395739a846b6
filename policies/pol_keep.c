/*
 * pol_keep.c - re-planning a published rota (DESIGN.md §3b). Each kept
 * bank assignment on column x gets a change column c in [0, 1] at
 * change_penalty and the row c + x >= 1, so c = 1 - x: the penalty is paid
 * for every kept assignment removed or moved. Each kept agency booking of
 * k staff on column x gets a continuous c in [0, k] and c + x >= k: c =
 * max(0, k - x), the staff cancelled. New bookings, own and lent staff
 * cost nothing more. A kept row the model has no column for (the worker no
 * longer offers the shift, the offer or the demand row is gone: see
 * mu_keep_row_gone) is dropped and marked forced in keep_gone, with no
 * penalty: nothing could keep it.
 *
 * The past (--now): every staff column of a shift that started before now
 * is fixed, lo == hi, at what the kept plan had on it (own, lend, bank and
 * agency alike, and the extra bank staff of §3d, whose rate then follows
 * from the past's staff; clamped to the column's bounds), every other
 * staff column
 * of those shifts at 0 (pooled workers included: kept workers are never
 * pooled, pol_bank.c). Short and breach of past shifts stay free: they
 * follow from the fixed cover and the demand now (a past shift whose
 * demand was raised since shows the shortfall it had, at the penalty).
 * The bank's rest and hours rows hold the fixed columns, so a worker's
 * past shifts count towards their rest and max_hours. A value fixed off a
 * whole number (a plan-mode kept plan re-planned as a rota) makes its
 * column continuous: fixed, it needs no integrality.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"
#include "core/mu_map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t who_of_row(const struct mu_keep_row *r)
{
	switch (r->source) {
	case MU_SRC_OWN:
		return r->home;
	case MU_SRC_BANK:
		return r->worker;
	default:
		return r->offer;
	}
}

/* The shift of column c, or MU_ALL when it has none. */
static size_t shift_of(const struct pol_build *b, const struct pol_col *c)
{
	if (mu_source_info[c->source].covers_demand)
		return b->sc->demand[c->demand].shift;
	if (c->source == MU_SRC_POOL_WORKER)
		return c->shift;
	return MU_ALL;
}

static void fix_col(struct pol_build *b, size_t j, double v)
{
	struct sol_model *m = b->m;
	if (v < m->col_lo[j])
		v = m->col_lo[j];
	if (v > m->col_hi[j])
		v = m->col_hi[j];
	m->col_lo[j] = m->col_hi[j] = v;
	b->cols[j].lo = b->cols[j].hi = v;
	if (v != floor(v)) {
		m->col_is_int[j] = false;
		b->cols[j].is_int = false;
	}
}

/* The change column and row of kept row i on column x: c + x >= kept. */
static void add_change(struct pol_build *b, size_t i, size_t x, const struct mu_keep_row *r)
{
	const struct pol_col xcol = b->cols[x], *xc = &xcol; /* b->cols grows below */
	struct pol_col what = {
	    .source = MU_SRC_CHANGE,
	    .demand = xc->demand,
	    .partner = xc->partner,
	    .worker_role = xc->worker_role,
	    .home = r->source == MU_SRC_BANK ? xc->home : MU_ALL,
	    .worker = r->source == MU_SRC_BANK ? xc->worker : MU_ALL,
	    .offer = r->source == MU_SRC_AGENCY ? xc->offer : MU_ALL,
	    .hi = r->staff,
	};
	char name[64];
	size_t col, row;
	what.penalty[MU_PEN_CHANGE] = b->sc->settings.change_penalty;
	snprintf(name, sizeof(name), "change_k%zu", i);
	col = pol_build_add_col(b, name, &what);
	snprintf(name, sizeof(name), "keep_k%zu", i);
	row = pol_build_add_row(
	    b, name, r->staff, SOL_INF,
	    &(struct pol_row){MU_ROW_KEEP, xc->demand, b->sc->demand[xc->demand].shift});
	sol_model_add_entry(b->m, row, col, 1);
	sol_model_add_entry(b->m, row, x, 1);
}

void pol_keep_apply(struct pol_build *b)
{
	const struct mu_keep *k = b->opt.keep;
	const struct mu_scenario *sc = b->sc;
	struct mu_map cols;
	size_t n_cols, i, j, key[4];
	double *fixed;
	bool *is_fixed;

	if (!k)
		return;
	n_cols = b->m->n_cols;
	b->n_keep = k->n_rows;
	b->keep_gone = mu_calloc(k->n_rows + 1, sizeof(*b->keep_gone));
	fixed = mu_calloc(n_cols + 1, sizeof(double));
	is_fixed = mu_calloc(n_cols + 1, sizeof(bool));
	mu_map_init(&cols);
	for (j = 0; j < n_cols; j++) {
		const struct pol_col *c = &b->cols[j];
		if (!mu_source_info[c->source].is_staff || mu_source_info[c->source].is_internal)
			continue;
		pol_build_col_key(key, c);
		mu_map_put(&cols, (const char *)key, sizeof(key), j);
	}
	for (i = 0; i < k->n_rows; i++) {
		const struct mu_keep_row *r = &k->rows[i];
		bool is_past = mu_keep_is_past(k, sc, r->shift);
		enum mu_keep_gone gone = mu_keep_row_gone(sc, r);
		size_t x = MU_ALL;
		if (gone == MU_KEEP_POSSIBLE && (r->source != MU_SRC_LEND || r->offer != MU_ALL)) {
			pol_build_key(key, r->source, who_of_row(r), r->demand, r->worker_role);
			if (!mu_map_get(&cols, (const char *)key, sizeof(key), &x))
				x = MU_ALL;
		}
		/* extra staff are unnamed: a re-plan finds them afresh after now */
		if (r->source == MU_SRC_BANK_EXTRA && !is_past)
			continue;
		if (x == MU_ALL && gone == MU_KEEP_POSSIBLE)
			gone =
			    r->source == MU_SRC_AGENCY ? MU_KEEP_OFFER_GONE : MU_KEEP_NOT_CLEARED;
		b->keep_gone[i] = gone;
		if (x == MU_ALL)
			continue;
		if (is_past) {
			fixed[x] += r->staff;
			is_fixed[x] = true;
		} else if (r->source == MU_SRC_BANK || r->source == MU_SRC_AGENCY) {
			add_change(b, i, x, r);
		}
	}
	/* the past: what the kept plan had, and nothing else */
	for (j = 0; k->has_now && j < n_cols; j++) {
		const struct pol_col *c = &b->cols[j];
		size_t s;
		if (!mu_source_info[c->source].is_staff && c->source != MU_SRC_POOL_WORKER)
			continue;
		s = shift_of(b, c);
		if (s != MU_ALL && mu_keep_is_past(k, sc, s))
			fix_col(b, j, is_fixed[j] ? fixed[j] : 0);
	}
	mu_map_release(&cols);
	free(fixed);
	free(is_fixed);
}
