/*
 * pol_bank_share.c - fair bank hours of DESIGN.md §3b: each bank worker's
 * target is bank_min_share x min(hours offered, max_hours), and every hour
 * worked below it costs bank_share_penalty (MU_PEN_SHARE). One continuous
 * column per worker with a target, the hours short (0 to the target, in
 * both modes), and the row  sum hours x + short >= target  over the
 * worker's bank columns. Nothing at all while bank_min_share is 0, so that
 * such a model is the one without this rule. pol_bank.c makes no pools
 * when the share is on (a pool's y says who may work, not who does); a
 * pooled column here would be a bug, hence the assert.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void pol_bank_share_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	double share = sc->settings.bank_min_share;
	double *offered;
	size_t *first, *at, *fill, i, w, j, n_cols = b->m->n_cols;
	char name[64];

	if (!(share > 0) || sc->n_bank == 0)
		return;
	offered = mu_calloc(sc->n_bank + 1, sizeof(double));
	for (i = 0; i < sc->n_availability; i++)
		offered[sc->availability[i].worker] +=
		    sc->shifts[sc->availability[i].shift].paid_hours;
	/* each worker's bank columns, in column order */
	first = mu_calloc(sc->n_bank + 2, sizeof(size_t));
	at = mu_malloc((n_cols + 1) * sizeof(size_t));
	fill = mu_calloc(sc->n_bank + 1, sizeof(size_t));
	for (j = 0; j < n_cols; j++) {
		assert(!mu_source_info[b->cols[j].source].is_internal);
		if (b->cols[j].source == MU_SRC_BANK)
			first[b->cols[j].worker + 1]++;
	}
	for (w = 0; w < sc->n_bank; w++)
		first[w + 1] += first[w];
	for (j = 0; j < n_cols; j++)
		if (b->cols[j].source == MU_SRC_BANK) {
			w = b->cols[j].worker;
			at[first[w] + fill[w]++] = j;
		}
	for (w = 0; w < sc->n_bank; w++) {
		const struct mu_bank_worker *bw = &sc->bank[w];
		double target = share * fmin(offered[w], bw->max_hours);
		size_t row, col;
		if (!(target > 0))
			continue;
		snprintf(name, sizeof(name), "share_w%zu", w);
		row = pol_build_add_row(b, name, target, SOL_INF,
		                        &(struct pol_row){MU_ROW_SHARE, w, MU_ALL});
		snprintf(name, sizeof(name), "short_share_w%zu", w);
		{
			struct pol_col what = {
			    .source = MU_SRC_SHARE,
			    .partner = bw->home,
			    .worker_role = bw->role,
			    .home = bw->home,
			    .worker = w,
			    .hi = target,
			    .hours = 1,
			};
			what.penalty[MU_PEN_SHARE] = sc->settings.bank_share_penalty;
			col = pol_build_add_col(b, name, &what);
		}
		sol_model_add_entry(b->m, row, col, 1);
		for (i = first[w]; i < first[w + 1]; i++)
			sol_model_add_entry(b->m, row, at[i], b->cols[at[i]].hours);
	}
	free(offered);
	free(first);
	free(at);
	free(fill);
}
