/*
 * pol_flow.c - moving patients home sooner (DESIGN.md §3f): per discharge
 * pathway of flow.csv and day t of the horizon, d_t patients discharged
 * (whole in rota mode), sum_t d_t <= waiting; from day t on each of them
 * adds care_hours a day of care_role demand at `to` and removes ward_hours
 * a day of ward_role demand at `from`; each one still waiting at the end
 * of a day costs bed_day_cost, a penalty (MU_PEN_BED_DAYS), never cash.
 *
 * Demand rows' limits are constants, so the demand moved enters them as
 * coefficients of the cumulative discharges D_t = d_1 + ... + d_t: a row
 * of day t at `to` gets -a D_t in its cover row (covered + short + breach
 * - a D_t >= required), a = care_hours x share / paid_hours, share the
 * row's part of the day's required of that partner and role (equal parts
 * where all of them are 0), and its floor row -a (minimum / required) D_t
 * (minimum moves in proportion to required). Its breach, bounded by the
 * minimum it had, is bounded by a row instead (MU_ROW_BREACH_CAP) that
 * moves with it. (sol_construct's rota, raising breach past the minimum
 * where floor_penalty is below shortfall_penalty, may then break that
 * row: the search goes on without a constructed rota, as sol_construct.c
 * says; the optimum is the same.)
 *
 * The ward side is not the mirror image: a ward row's required may not
 * fall below 0, however many patients go home (25 patients x 2 h take
 * 50 h a day off a ward that needs 3 nurses of 7.5 h). So the demand
 * removed from a row is a column of its own, ward_freed, 0 <= f <=
 * required, with f <= r D_t (MU_ROW_WARD, r as a for ward_hours, summed
 * over the pathways that free the row): the cover row gets +f, the floor
 * row +f minimum / required, the breach cap +f minimum / required. The
 * model wants f as large as the row lets it (a lower required never costs
 * more), so f = min(required, r D_t) wherever the row is short or in
 * breach, and the plan reads the demand moved back as exactly that
 * (pol_plan.c); a row fully covered is indifferent to f. docs/hospital-flow.md.
 *
 * Bed-days: per pathway and day a column b_t, b_t + D_t >= waiting
 * (MU_ROW_BED_DAYS), at bed_day_cost: the patients still waiting at the
 * end of the day, met by b_t = waiting when no one goes home, as short
 * meets demand (a slack for sol_construct and sifting).
 *
 * Without flow.csv it adds nothing: the model is §3's byte for byte.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sum of required and the count of demand rows of each (pathway, day,
 * side): side 0 the care at `to`, side 1 the ward at `from`. */
struct day_sums {
	double *required;
	size_t *n;
};

static size_t sums_at(size_t n_days, size_t f, size_t t, int side)
{
	return (f * n_days + t) * 2 + (size_t)side;
}

/* Whether demand row d is on the side of pathway w. */
static bool is_on_side(const struct mu_flow *w, const struct mu_demand *d, int side)
{
	return side == 0 ? d->partner == w->to && d->role == w->care_role
	                 : d->partner == w->from && d->role == w->ward_role;
}

/* The staff one patient moves on demand row i of side: the side's hours a
 * day, the row's share of its day's required (equal shares where all are
 * 0), over its shift's paid hours. */
static double staff_per_patient(const struct mu_scenario *sc, const struct mu_flow *w, size_t i,
                                int side, double day_required, size_t day_rows)
{
	const struct mu_demand *d = &sc->demand[i];
	double share = day_required > 0 ? d->required / day_required : 1.0 / (double)day_rows;
	double hours = side == 0 ? w->care_hours : w->ward_hours;
	return hours * share / sc->shifts[d->shift].paid_hours;
}

/* The moves of one block of cover and floor rows (sc's demand; block
 * MU_ALL without scenarios, else a scenario's day), into b->flow_moves. */
static void find_moves(struct pol_build *b, const struct mu_scenario *sc, size_t block)
{
	size_t n_days = b->n_flow_days, n_sums = sc->n_flows * n_days * 2, i, f;
	struct day_sums s = {mu_calloc(n_sums + 1, sizeof(double)),
	                     mu_calloc(n_sums + 1, sizeof(size_t))};
	int side;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		size_t t = mu_scenario_day_index(b->flow_days, n_days, sc->shifts[d->shift].day);
		for (f = 0; f < sc->n_flows; f++)
			for (side = 0; side < 2; side++)
				if (is_on_side(&sc->flows[f], d, side)) {
					s.required[sums_at(n_days, f, t, side)] += d->required;
					s.n[sums_at(n_days, f, t, side)]++;
				}
	}
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		size_t t = mu_scenario_day_index(b->flow_days, n_days, sc->shifts[d->shift].day);
		for (f = 0; f < sc->n_flows; f++)
			for (side = 0; side < 2; side++) {
				size_t k = sums_at(n_days, f, t, side);
				double a;
				if (!is_on_side(&sc->flows[f], d, side))
					continue;
				a = staff_per_patient(sc, &sc->flows[f], i, side, s.required[k],
				                      s.n[k]);
				if (!(a > 0))
					continue; /* no ward hours, or a row of 0 among others */
				MU_GROW(b->flow_moves, b->cap_flow_moves, b->n_flow_moves + 1);
				b->flow_moves[b->n_flow_moves++] = (struct pol_flow_move){
				    .demand = i,
				    .flow = f,
				    .day = t,
				    .block = block,
				    .staff = side == 0 ? a : -a,
				};
			}
	}
	free(s.required);
	free(s.n);
}

/* Adds -coef x D_t of pathway f to row (its discharge columns of days up
 * to t). */
static void add_cumulative(struct pol_build *b, size_t row, size_t f, size_t t, double coef)
{
	size_t tau;
	for (tau = 0; tau <= t; tau++)
		sol_model_add_entry(b->m, row, b->discharge_col[f * b->n_flow_days + tau], -coef);
}

/* The terms of the moves of one block on its cover, floor and breach
 * rows: moves [first, last) of b->flow_moves, in demand row order. */
static void add_block_terms(struct pol_build *b, const struct mu_scenario *sc, size_t first,
                            size_t last, const size_t *cover, const size_t *floor_rows,
                            const size_t *breach_col)
{
	size_t k = first;
	char name[64];
	while (k < last) {
		size_t i = b->flow_moves[k].demand, end = k, j, freed = MU_ALL;
		const struct mu_demand *d = &sc->demand[i];
		double ratio = d->required > 0 ? d->minimum / d->required : 0;
		bool has_care = false, has_ward = false;
		while (end < last && b->flow_moves[end].demand == i)
			end++;
		for (j = k; j < end; j++) {
			const struct pol_flow_move *mv = &b->flow_moves[j];
			if (mv->staff < 0) {
				has_ward = true;
				continue;
			}
			has_care = true;
			add_cumulative(b, cover[i], mv->flow, mv->day, mv->staff);
			if (ratio > 0)
				add_cumulative(b, floor_rows[i], mv->flow, mv->day,
				               mv->staff * ratio);
		}
		if (d->required > 0 && has_ward) {
			/* the ward demand freed, at most the row's required */
			size_t row;
			snprintf(name, sizeof(name), "freed_d%zu", i);
			freed = pol_build_add_col(b, name,
			                          &(struct pol_col){.source = MU_SRC_WARD_FREED,
			                                            .demand = i,
			                                            .partner = d->partner,
			                                            .hi = d->required});
			sol_model_add_entry(b->m, cover[i], freed, 1);
			if (ratio > 0)
				sol_model_add_entry(b->m, floor_rows[i], freed, ratio);
			snprintf(name, sizeof(name), "ward_d%zu", i);
			row = pol_build_add_row(b, name, -SOL_INF, 0,
			                        &(struct pol_row){MU_ROW_WARD, i, d->shift});
			sol_model_add_entry(b->m, row, freed, 1);
			for (j = k; j < end; j++)
				if (b->flow_moves[j].staff < 0)
					add_cumulative(b, row, b->flow_moves[j].flow,
					               b->flow_moves[j].day,
					               -b->flow_moves[j].staff);
		}
		if (ratio > 0 && (has_care || freed != MU_ALL) && breach_col[i] != MU_ALL) {
			/* breach <= the minimum as it moves */
			size_t row;
			snprintf(name, sizeof(name), "bcap_d%zu", i);
			row = pol_build_add_row(b, name, -SOL_INF, d->minimum,
			                        &(struct pol_row){MU_ROW_BREACH_CAP, i, d->shift});
			b->m->col_hi[breach_col[i]] = SOL_INF;
			b->cols[breach_col[i]].hi = SOL_INF;
			sol_model_add_entry(b->m, row, breach_col[i], 1);
			for (j = k; j < end; j++)
				if (b->flow_moves[j].staff > 0)
					add_cumulative(b, row, b->flow_moves[j].flow,
					               b->flow_moves[j].day,
					               b->flow_moves[j].staff * ratio);
			if (freed != MU_ALL)
				sol_model_add_entry(b->m, row, freed, ratio);
		}
		k = end;
	}
}

/* Per pathway and day: the discharge and bed-day columns, the waiting
 * and bed-day rows. */
static void add_pathways(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t n_days = b->n_flow_days, f, t, tau;
	char name[64];
	b->discharge_col = mu_malloc((sc->n_flows * n_days + 1) * sizeof(size_t));
	for (f = 0; f < sc->n_flows; f++) {
		const struct mu_flow *w = &sc->flows[f];
		size_t row;
		struct pol_col what = {
		    .source = MU_SRC_DISCHARGE,
		    .partner = w->from,
		    .home = w->to,
		    .worker_role = w->care_role,
		    .offer = f,
		    .hi = (double)w->waiting,
		    .is_int = true,
		};
		for (t = 0; t < n_days; t++) {
			what.shift = t;
			snprintf(name, sizeof(name), "disch_f%zu_t%zu", f, t);
			b->discharge_col[f * n_days + t] = pol_build_add_col(b, name, &what);
		}
		snprintf(name, sizeof(name), "wait_f%zu", f);
		row = pol_build_add_row(b, name, -SOL_INF, (double)w->waiting,
		                        &(struct pol_row){MU_ROW_WAITING, f, MU_ALL});
		for (t = 0; t < n_days; t++)
			sol_model_add_entry(b->m, row, b->discharge_col[f * n_days + t], 1);
		what.source = MU_SRC_BED_DAYS;
		what.is_int = false;
		what.penalty[MU_PEN_BED_DAYS] = w->bed_day_cost;
		for (t = 0; t < n_days; t++) {
			size_t col;
			what.shift = t;
			snprintf(name, sizeof(name), "beds_f%zu_t%zu", f, t);
			col = pol_build_add_col(b, name, &what);
			snprintf(name, sizeof(name), "bedrow_f%zu_t%zu", f, t);
			row = pol_build_add_row(b, name, (double)w->waiting, SOL_INF,
			                        &(struct pol_row){MU_ROW_BED_DAYS, f, MU_ALL});
			sol_model_add_entry(b->m, row, col, 1);
			for (tau = 0; tau <= t; tau++)
				sol_model_add_entry(b->m, row, b->discharge_col[f * n_days + tau],
				                    1);
		}
	}
}

void pol_flow_apply(struct pol_build *b)
{
	const struct mu_scenario *sc = b->sc;
	size_t n_blocks = b->n_days > 0 ? b->n_days : 1, k, j;
	size_t *breach_col;
	if (sc->n_flows == 0)
		return;
	b->n_flow_days = mu_scenario_days(sc, &b->flow_days);
	add_pathways(b);
	breach_col = mu_malloc((n_blocks * sc->n_demand + 1) * sizeof(size_t));
	for (j = 0; j < n_blocks * sc->n_demand; j++)
		breach_col[j] = MU_ALL;
	for (j = 0; j < b->m->n_cols; j++) {
		const struct pol_col *c = &b->cols[j];
		if (c->source == MU_SRC_BREACH)
			breach_col[(c->scenario == MU_ALL ? 0 : c->scenario) * sc->n_demand +
			           c->demand] = j;
	}
	for (k = 0; k < n_blocks; k++) {
		const struct mu_scenario *day = b->n_days > 0 ? &b->days[k] : sc;
		size_t first = b->n_flow_moves, n = sc->n_demand;
		/* a scenario's day names its rows and columns _scK */
		b->day = b->n_days > 0 ? k : MU_ALL;
		find_moves(b, day, b->day);
		add_block_terms(b, day, first, b->n_flow_moves, b->cover_rows + k * n,
		                b->floor_rows + k * n, breach_col + k * n);
	}
	b->day = MU_ALL;
	free(breach_col);
}
