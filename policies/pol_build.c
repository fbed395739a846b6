/*
 * pol_build.c - the build context and the table of policies. Adding a
 * policy is one file and one line in pol_policies.
 */
#include "pol_build.h"

#include "core/mu_alloc.h"

#include <stdlib.h>
#include <string.h>

const struct pol_policy pol_policies[] = {
    {"substitution", pol_substitution_apply}, /* who may cover whom, first */
    {"demand", pol_demand_apply},             /* cover and floor rows, short and breach */
    {"mutual_aid", pol_mutual_aid_apply},     /* own staff and lending */
    {"bank", pol_bank_apply},                 /* working time: overlap, rest, max hours */
    {"preference", pol_preference_apply},     /* after bank: it prices bank columns */
    {"bank_share", pol_bank_share_apply},     /* after bank: it sums bank columns' hours */
    {"agency", pol_agency_apply},             /* caps, framework, tiers, break-glass */
    {"budgets", pol_budgets_apply},           /* after agency: it sums agency columns */
    {"guarantee", pol_guarantee_apply},       /* after demand: it sums short and breach */
    {"recruit", pol_recruit_apply},           /* posts (§3c): only with opt.is_recruit */
    {"keep", pol_keep_apply},                 /* last: it finds the staff columns kept */
    {NULL, NULL},
};

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

size_t pol_build_add_col(struct pol_build *b, const char *name, const struct pol_col *what)
{
	size_t col =
	    sol_model_add_col(b->m, name, what->lo, what->hi, pol_col_cost(what), what->is_int);
	MU_GROW(b->cols, b->cap_cols, col + 1);
	b->cols[col] = *what;
	return col;
}

size_t pol_build_add_row(struct pol_build *b, const char *name, double lo, double hi,
                         const struct pol_row *what)
{
	size_t row = sol_model_add_row(b->m, name, lo, hi);
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
	sol_model_add_entry(b->m, b->cover_row[c.demand], col, e);
	sol_model_add_entry(b->m, b->floor_row[c.demand], col, e);
	return col;
}

struct pol_build *pol_build_new(const struct mu_scenario *sc, const struct pol_build_options *opt)
{
	struct pol_build *b = mu_calloc(1, sizeof(*b));
	size_t i, n_cells = sc->n_partners * sc->n_roles * sc->n_shifts;

	b->sc = sc;
	b->opt = opt ? *opt : (struct pol_build_options){0};
	b->m = sol_model_new();
	if (b->opt.coalition) {
		b->in_coalition = mu_malloc((sc->n_partners + 1) * sizeof(bool));
		memcpy(b->in_coalition, b->opt.coalition, sc->n_partners * sizeof(bool));
	}
	b->demand_at = mu_malloc((n_cells + 1) * sizeof(size_t));
	for (i = 0; i < n_cells; i++)
		b->demand_at[i] = MU_ALL;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		b->demand_at[(d->partner * sc->n_roles + d->role) * sc->n_shifts + d->shift] = i;
	}
	b->efficiency = mu_calloc(sc->n_roles * sc->n_roles + 1, sizeof(double));
	if (b->opt.keep) {
		b->is_kept_worker = mu_calloc(sc->n_bank + 1, sizeof(bool));
		for (i = 0; i < b->opt.keep->n_rows; i++)
			if (b->opt.keep->rows[i].source == MU_SRC_BANK)
				b->is_kept_worker[b->opt.keep->rows[i].worker] = true;
	}
	b->cover_row = mu_calloc(sc->n_demand + 1, sizeof(size_t));
	b->floor_row = mu_calloc(sc->n_demand + 1, sizeof(size_t));
	for (i = 0; pol_policies[i].apply; i++)
		pol_policies[i].apply(b);
	b->opt.guarantee_cap = NULL; /* the caller's, read while building only */
	b->opt.coalition = NULL;     /* the caller's; b->in_coalition is b's copy */
	b->opt.keep = NULL;          /* the caller's; b->keep_gone is what the build kept */
	return b;
}

void pol_build_free(struct pol_build *b)
{
	if (!b)
		return;
	sol_model_free(b->m);
	free(b->cols);
	free(b->rows);
	free(b->pools);
	free(b->cover_row);
	free(b->floor_row);
	free(b->demand_at);
	free(b->efficiency);
	free(b->in_coalition);
	free(b->is_kept_worker);
	free(b->keep_gone);
	free(b->posts_col);
	free(b);
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
		             s == MU_SRC_SHARE || s == MU_SRC_CHANGE;
	}
	return is_core;
}
