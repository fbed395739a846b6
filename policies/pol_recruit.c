/*
 * pol_recruit.c - the posts of DESIGN.md §3c in one week's model: per
 * recruits.csv row (partner p, role r) a posts column n (whole in rota
 * mode) and, per demand row at p that r may cover, a staff column of r
 * (an own column: posts are substantive staff, not rotatable) on shifts
 * the post may work (no night shift, end <= start, unless nights = yes).
 * Posts are counted, not named: on every maximal set of shifts that
 * overlap in time the post staff are at most n, and their paid hours at
 * most n x hours_per_week x days / 7. Runs only with opt.is_recruit.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>

/* A shift's span, to sort by start (qsort takes no context). */
struct span {
	long start, end;
	size_t shift;
};

static int by_start(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->shift < y->shift ? -1 : x->shift > y->shift;
}

/* The maximal sets of shifts that share a moment (half-open spans), each
 * named by its latest-starting shift: the set at a shift s's start is
 * every shift t with t.start <= s.start < t.end, and it is maximal when no
 * shift starts after s and before the set's first end (one that did would
 * join all of it). Writes the naming shift of each set to *out (the
 * caller's) and returns how many. */
static size_t overlap_sets(const struct mu_scenario *sc, size_t **out)
{
	size_t n = sc->n_shifts, i, j, n_sets = 0;
	struct span *o = mu_malloc((n + 1) * sizeof(*o));
	size_t *sets = mu_malloc((n + 1) * sizeof(size_t));
	for (i = 0; i < n; i++)
		o[i] = (struct span){sc->shifts[i].abs_start, sc->shifts[i].abs_end, i};
	qsort(o, n, sizeof(*o), by_start);
	for (i = 0; i < n; i++) {
		long first_end = o[i].end;
		/* shifts of the same start are in one set: name it by the last */
		if (i + 1 < n && o[i + 1].start == o[i].start)
			continue;
		for (j = 0; j < i; j++)
			if (o[j].end > o[i].start && o[j].end < first_end)
				first_end = o[j].end;
		if (i + 1 < n && o[i + 1].start < first_end)
			continue;
		sets[n_sets++] = o[i].shift;
	}
	free(o);
	*out = sets;
	return n_sets;
}

/* The number of distinct dates of the week's shifts. */
static size_t count_days(const struct mu_scenario *sc)
{
	size_t i, j, n = 0;
	for (i = 0; i < sc->n_shifts; i++) {
		for (j = 0; j < i && sc->shifts[j].day != sc->shifts[i].day; j++)
			;
		n += j == i;
	}
	return n;
}

void pol_recruit_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t *sets = NULL, n_sets, i, d, k;
	size_t *cols = NULL, n_cols = 0, cap_cols = 0;
	double days;
	char name[96];

	if (!b->opt.is_recruit)
		return;
	b->posts_col = mu_malloc((sc->n_recruits + 1) * sizeof(size_t));
	n_sets = overlap_sets(sc, &sets);
	days = (double)count_days(sc);
	for (i = 0; i < sc->n_recruits; i++) {
		const struct mu_recruit *k_row = &sc->recruits[i];
		size_t posts, hours_row;
		b->posts_col[i] = MU_ALL;
		if (k_row->max_posts == 0)
			continue;
		snprintf(name, sizeof(name), "posts_k%zu", i);
		posts = pol_build_add_col(b, name,
		                          &(struct pol_col){.source = MU_SRC_POSTS,
		                                            .partner = k_row->partner,
		                                            .worker_role = k_row->role,
		                                            .home = k_row->partner,
		                                            .offer = i,
		                                            .hi = k_row->max_posts == MU_UNLIMITED
		                                                      ? SOL_INF
		                                                      : (double)k_row->max_posts,
		                                            .is_int = true});
		b->posts_col[i] = posts;
		snprintf(name, sizeof(name), "posthours_k%zu", i);
		hours_row = pol_build_add_row(b, name, -SOL_INF, 0,
		                              &(struct pol_row){MU_ROW_POSTS, i, MU_ALL});
		sol_model_add_entry(b->m, hours_row, posts, -k_row->hours_per_week * days / 7.0);
		/* the staff columns */
		n_cols = 0;
		for (d = 0; d < sc->n_demand; d++) {
			const struct mu_demand *dm = &sc->demand[d];
			const struct mu_shift *s = &sc->shifts[dm->shift];
			size_t col;
			if (dm->partner != k_row->partner ||
			    b->efficiency[k_row->role * sc->n_roles + dm->role] <= 0)
				continue;
			if (!k_row->is_nights && s->end_min <= s->start_min)
				continue;
			snprintf(name, sizeof(name), "post_k%zu_d%zu", i, d);
			col = pol_build_add_cover_col(b, name,
			                              &(struct pol_col){.source = MU_SRC_OWN,
			                                                .demand = d,
			                                                .worker_role = k_row->role,
			                                                .home = k_row->partner,
			                                                .offer = i,
			                                                .is_post = true,
			                                                .hi = SOL_INF,
			                                                .is_int = true,
			                                                .hours = s->paid_hours});
			sol_model_add_entry(b->m, hours_row, col, s->paid_hours);
			MU_GROW(cols, cap_cols, n_cols + 1);
			cols[n_cols++] = col;
		}
		/* staff on every maximal set of overlapping shifts <= posts */
		for (k = 0; k < n_sets; k++) {
			const struct mu_shift *last = &sc->shifts[sets[k]];
			size_t row = MU_ALL, c;
			for (c = 0; c < n_cols; c++) {
				const struct mu_shift *s =
				    &sc->shifts[sc->demand[b->cols[cols[c]].demand].shift];
				if (s->abs_start > last->abs_start || s->abs_end <= last->abs_start)
					continue;
				if (row == MU_ALL) {
					snprintf(name, sizeof(name), "postsat_k%zu_s%zu", i,
					         sets[k]);
					row = pol_build_add_row(
					    b, name, -SOL_INF, 0,
					    &(struct pol_row){MU_ROW_POSTS, i, sets[k]});
					sol_model_add_entry(b->m, row, posts, -1);
				}
				sol_model_add_entry(b->m, row, cols[c], 1);
			}
		}
	}
	free(cols);
	free(sets);
}
