/*
 * pol_bank.c - the shared bank: a worker on a shift they offered, at a
 * partner they are cleared for (home always; in silo mode home only),
 * covering a role their role may cover, paid bank_rate x unsocial factor x
 * hours. Working time: paid hours <= max_hours; and rest and overlap as one
 * rule - extend each offered shift by min_rest_hours, and the worker works at
 * most one shift of each maximal set whose extended spans share a moment (one
 * row per such set: the tightest form).
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

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
			size_t n_cols = 0, row;
			for (k = 0; k < n; k++)
				if (is_active[k])
					n_cols += wc->first[k + 1] - wc->first[k];
			/* A set with one column is already bounded by the column's
			 * own upper bound of 1. */
			if (n_cols > 1) {
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

void pol_bank_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t *n_offered = mu_calloc(sc->n_bank + 1, sizeof(size_t));
	size_t *offer_first = mu_calloc(sc->n_bank + 2, sizeof(size_t));
	size_t *offered = mu_malloc((sc->n_availability + 1) * sizeof(size_t));
	size_t *cleared = mu_calloc(sc->n_partners + 1, sizeof(size_t)); /* stamp = worker + 1 */
	struct worker_cols wc;
	size_t cap_cols = 0, i, w, k, q, c;
	char name[64];

	/* availability grouped by worker, in shift order */
	for (i = 0; i < sc->n_availability; i++)
		n_offered[sc->availability[i].worker]++;
	for (w = 0; w < sc->n_bank; w++)
		offer_first[w + 1] = offer_first[w] + n_offered[w];
	memset(n_offered, 0, (sc->n_bank + 1) * sizeof(size_t));
	for (i = 0; i < sc->n_availability; i++) {
		size_t wk = sc->availability[i].worker;
		offered[offer_first[wk] + n_offered[wk]++] = sc->availability[i].shift;
	}
	wc.cols = NULL;
	wc.first = mu_malloc((sc->n_shifts + 2) * sizeof(size_t));

	for (w = 0; w < sc->n_bank; w++) {
		const struct mu_bank_worker *bw = &sc->bank[w];
		const size_t *shifts = offered + offer_first[w];
		size_t n = n_offered[w], n_cols = 0;
		double offered_hours = 0;
		double rate; /* the scenario checks that every bank role has one */
		if (n == 0)
			continue;
		rate = mu_scenario_cap(sc, bw->role)->bank_rate;
		/* cleared[q] == w + 1 marks the partners w may work at */
		cleared[bw->home] = w + 1;
		if (!b->opt.is_silo && bw->is_all_partners)
			for (q = 0; q < sc->n_partners; q++)
				cleared[q] = w + 1;
		else if (!b->opt.is_silo)
			for (i = 0; i < bw->n_partners; i++)
				cleared[bw->partners[i]] = w + 1;
		for (k = 0; k < n; k++) {
			const struct mu_shift *s = &sc->shifts[shifts[k]];
			wc.first[k] = n_cols;
			offered_hours += s->paid_hours;
			for (q = 0; q < sc->n_partners; q++) {
				if (cleared[q] != w + 1)
					continue;
				for (c = 0; c < sc->n_roles; c++) {
					size_t d = pol_demand_at(b, q, c, shifts[k]);
					struct pol_col what = {
					    .source = MU_SRC_BANK,
					    .demand = d,
					    .worker_role = bw->role,
					    .home = bw->home,
					    .worker = w,
					    .hi = 1,
					    .is_int = true,
					    .hours = s->paid_hours,
					    .spend = rate * pol_shift_factor(s) * s->paid_hours,
					};
					if (d == MU_ALL ||
					    b->efficiency[bw->role * sc->n_roles + c] <= 0)
						continue;
					snprintf(name, sizeof(name), "bank_w%zu_d%zu", w, d);
					MU_GROW(wc.cols, cap_cols, n_cols + 1);
					wc.cols[n_cols++] = pol_build_add_cover_col(b, name, &what);
				}
			}
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
		add_rest_rows(b, w, shifts, n, &wc);
	}
	free(wc.cols);
	free(wc.first);
	free(n_offered);
	free(offer_first);
	free(offered);
	free(cleared);
}
