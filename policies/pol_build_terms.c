/*
 * pol_build_terms.c - what every policy builds with: adding columns and
 * rows, the demand row of a cell, a column's cost and efficiency, who
 * works together, and freeing the build. Apart from pol_build.c, which
 * runs the policies' table, so that the policies call down into this file
 * and no file calls its caller back.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double pol_shift_factor(const struct mu_shift *shift)
{
	return 1.0 + shift->enhancement;
}

size_t pol_demand_at(const struct pol_build *b, size_t partner, size_t role, size_t shift)
{
	const struct mu_scenario *sc = b->sc;
	return b->demand_at[(partner * sc->n_roles + role) * sc->n_shifts + shift];
}

double pol_col_cost(const struct pol_col *c)
{
	double cost = c->spend;
	int k;
	for (k = 0; k < MU_PEN_COUNT; k++)
		cost += c->penalty[k];
	return cost;
}

/* The name of a row or column of the day being built: name_scK (a
 * scenario's day), or name itself (what is decided now, and every name
 * of a model without scenarios). */
static const char *day_name(const struct pol_build *b, const char *name, char *buf, size_t size)
{
	if (b->day == MU_ALL)
		return name;
	snprintf(buf, size, "%s_sc%zu", name, b->day);
	return buf;
}

size_t pol_build_add_col(struct pol_build *b, const char *name, const struct pol_col *what)
{
	struct pol_col c = *what;
	double cost = pol_col_cost(what);
	char buf[160];
	size_t col;
	c.scenario = b->day;
	if (b->day != MU_ALL) {
		/* §3e: each day weighs 1/N; what adapts on the day is continuous */
		cost /= (double)b->n_days;
		c.is_int = false;
	}
	col = sol_model_add_col(b->m, day_name(b, name, buf, sizeof(buf)), c.lo, c.hi, cost,
	                        c.is_int);
	MU_GROW(b->cols, b->cap_cols, col + 1);
	b->cols[col] = c;
	return col;
}

size_t pol_build_add_row(struct pol_build *b, const char *name, double lo, double hi,
                         const struct pol_row *what)
{
	char buf[160];
	size_t row = sol_model_add_row(b->m, day_name(b, name, buf, sizeof(buf)), lo, hi);
	MU_GROW(b->rows, b->cap_rows, row + 1);
	b->rows[row] = *what;
	return row;
}

double pol_col_efficiency(const struct pol_build *b, const struct pol_col *c)
{
	const struct mu_scenario *sc = b->sc;
	if (!mu_source_info[c->source].is_staff)
		return 1;
	return b->efficiency[c->worker_role * sc->n_roles + sc->demand[c->demand].role];
}

size_t pol_build_add_cover_col(struct pol_build *b, const char *name, const struct pol_col *what)
{
	struct pol_col c = *what;
	double e;
	size_t col;
	c.partner = b->sc->demand[c.demand].partner;
	e = pol_col_efficiency(b, &c);
	col = pol_build_add_col(b, name, &c);
	if (b->n_days > 0 && b->day == MU_ALL) {
		/* decided now: its staff are there on every day */
		size_t k, n = b->sc->n_demand;
		for (k = 0; k < b->n_days; k++) {
			sol_model_add_entry(b->m, b->cover_rows[k * n + c.demand], col, e);
			sol_model_add_entry(b->m, b->floor_rows[k * n + c.demand], col, e);
		}
		return col;
	}
	sol_model_add_entry(b->m, b->cover_row[c.demand], col, e);
	sol_model_add_entry(b->m, b->floor_row[c.demand], col, e);
	return col;
}

void pol_build_free(struct pol_build *b)
{
	size_t i;
	if (!b)
		return;
	sol_model_free(b->m);
	free(b->cols);
	free(b->rows);
	free(b->pools);
	free(b->cover_rows);
	free(b->floor_rows);
	for (i = 0; i < b->n_days; i++) {
		free(b->days[i].demand);
		free(b->days[i].staff);
	}
	free(b->days);
	free(b->demand_at);
	free(b->efficiency);
	free(b->in_coalition);
	free(b->is_kept_worker);
	free(b->keep_gone);
	free(b->posts_col);
	for (i = 0; i < b->n_curves; i++) {
		free(b->curves[i].rate);
		free(b->curves[i].supply);
		free(b->curves[i].slope);
	}
	free(b->curves);
	free(b->curve_at);
	free(b->flow_days);
	free(b->discharge_col);
	free(b->flow_moves);
	free(b);
}

size_t pol_build_supply_group(const struct pol_build *b, size_t p)
{
	if (b->opt.is_silo || b->opt.is_game || (b->in_coalition && !b->in_coalition[p]))
		return p;
	return b->sc->n_partners;
}

size_t pol_build_curve_of(const struct pol_build *b, size_t p, size_t r, size_t s)
{
	const struct mu_scenario *sc = b->sc;
	if (!b->curve_at)
		return MU_ALL;
	return b->curve_at[(pol_build_supply_group(b, p) * sc->n_roles + r) * sc->n_shifts + s];
}

bool pol_build_is_together(const struct pol_build *b, size_t p, size_t q)
{
	if (p == q)
		return true;
	if (b->opt.is_silo)
		return false;
	return !b->in_coalition || (b->in_coalition[p] && b->in_coalition[q]);
}

bool *pol_build_core_cols(const struct pol_build *b)
{
	bool *is_core = mu_malloc((b->m->n_cols + 1) * sizeof(bool));
	size_t j;
	for (j = 0; j < b->m->n_cols; j++) {
		enum mu_source s = b->cols[j].source;
		/* change columns meet a kept assignment's row as short meets
		 * demand, share columns a worker's target */
		is_core[j] = s == MU_SRC_OWN || s == MU_SRC_SHORT || s == MU_SRC_BREACH ||
		             s == MU_SRC_SHARE || s == MU_SRC_CHANGE || s == MU_SRC_BED_DAYS;
	}
	return is_core;
}

void pol_build_key(size_t key[4], enum mu_source source, size_t who, size_t where,
                   size_t worker_role)
{
	key[0] = (size_t)source;
	key[1] = who;
	key[2] = where;
	key[3] = worker_role;
}

void pol_build_col_key(size_t key[4], const struct pol_col *c)
{
	switch (c->source) {
	case MU_SRC_OWN:
		pol_build_key(key, c->source, c->home, c->demand, c->worker_role);
		break;
	case MU_SRC_BANK:
		pol_build_key(key, c->source, c->worker, c->demand, c->worker_role);
		break;
	case MU_SRC_POOL_WORKER:
		pol_build_key(key, c->source, c->worker, c->shift, MU_ALL);
		break;
	case MU_SRC_POOL:
		pol_build_key(key, c->source, c->pool, c->demand, c->worker_role);
		break;
	default: /* lend, agency, bank_extra */
		pol_build_key(key, c->source, c->offer, c->demand, c->worker_role);
		break;
	}
}
