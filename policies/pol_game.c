/*
 * pol_game.c - the values of a game's coalitions (DESIGN.md §3a) from one
 * model. A coalition's plan-mode model is the system's with the columns
 * that join two partners — lending, and bank work away from home — left
 * out unless both partners are in it (pol_build_is_together): so the
 * system's model is built once, with every column, and each coalition
 * closes (upper bound 0) the columns it does not have. One LP stays loaded
 * (sol_lp.c) and each coalition's solve goes on from the last one's basis:
 * a partner joining opens columns (primal simplex from there), one leaving
 * closes them (dual simplex). A coalition far from the last (a sampled
 * order's first, after the last order's whole system) starts from the silo
 * plan's basis instead, which the first solve (the empty coalition, or
 * whichever comes first) leaves marked when it is the silo.
 *
 * Supply curves (§3d): each partner has its own curve over its home
 * workers' offers (pol_build_options.is_game), its extra staff where its
 * workers are cleared (joint away from home), and move columns that count
 * one partner's staff in another's curve, joint too. S and E scale with
 * n, so two curves with their staff free to move between them cost what
 * one curve over both partners' offers does: with the moves between a
 * coalition's partners open, its curves are the coalition's one, and each
 * partner outside it keeps its own, as §3d's silo paragraph says.
 *
 * The cash game (issue 24) values a coalition at the spend of its optimal
 * plan: the plan GLPK returns from that basis, where several plans are
 * equally cheap in cost and differ in spend (pol_game_spend).
 *
 * tests/test_game.c checks every coalition's value against a model built
 * for that coalition alone (pol_solve with its coalition), and the shares
 * against CLP.
 */
#include "policies/pol_solve.h"

#include "core/mu_alloc.h"
#include "policies/pol_build.h"
#include "solver/sol_glpk.h"

#include <stdlib.h>
#include <string.h>

/* A column that joins two partners: open only when both are in. */
struct joint_col {
	size_t col;
	size_t home, at;
	double hi;
};

struct pol_game {
	struct pol_build *b;
	bool *is_core;
	struct sol_lp *lp;
	struct joint_col *joint;
	size_t n_joint;
	bool *in;        /* the coalition the LP's bounds are set for */
	bool is_set;     /* in is meaningful (after the first solve) */
	bool has_mark;   /* the silo's basis is marked */
	size_t n_solves; /* coalitions solved */
};

enum mu_code pol_game_new(const struct mu_scenario *sc, struct pol_game **out, struct mu_err *err)
{
	struct pol_game *g = mu_calloc(1, sizeof(*g));
	size_t j, cap = 0;
	enum mu_code rc;
	*out = NULL;
	/* plan mode's natural model, every partner, a supply curve each */
	g->b = pol_build_new(sc, &(struct pol_build_options){.is_game = true});
	for (j = 0; j < g->b->m->n_cols; j++) {
		const struct pol_col *c = &g->b->cols[j];
		size_t home = c->home, at = c->partner;
		if (c->source == MU_SRC_BANK_EXTRA) {
			home = g->b->curves[c->pool].group;
		} else if (c->source == MU_SRC_SUPPLY_MOVE) {
			home = g->b->curves[c->pool].group;
			at = g->b->curves[c->offer].group;
		} else if (c->source != MU_SRC_LEND && c->source != MU_SRC_BANK) {
			continue;
		}
		if (home == at)
			continue;
		MU_GROW(g->joint, cap, g->n_joint + 1);
		g->joint[g->n_joint++] =
		    (struct joint_col){.col = j, .home = home, .at = at, .hi = c->hi};
	}
	g->is_core = pol_build_core_cols(g->b);
	g->in = mu_calloc(sc->n_partners + 1, sizeof(bool));
	if ((rc = sol_lp_new(g->b->m, g->b->m->n_cols >= SOL_SIFT_MIN_COLS ? g->is_core : NULL,
	                     &g->lp, err)) != MU_OK) {
		pol_game_free(g);
		return rc;
	}
	*out = g;
	return MU_OK;
}

void pol_game_free(struct pol_game *g)
{
	if (!g)
		return;
	sol_lp_free(g->lp);
	pol_build_free(g->b);
	free(g->is_core);
	free(g->joint);
	free(g->in);
	free(g);
}

static size_t count_in(const bool *in, size_t n)
{
	size_t p, k = 0;
	for (p = 0; p < n; p++)
		k += in[p];
	return k;
}

enum mu_code pol_game_value(struct pol_game *g, const bool *in, double *objective,
                            struct mu_err *err)
{
	size_t n = g->b->sc->n_partners, p, k, n_moved = 0;
	enum sol_status status;
	enum mu_code rc;
	for (p = 0; p < n; p++)
		n_moved += g->is_set && in[p] != g->in[p];
	/* further from the last coalition than from the silo: start from the
	 * silo's basis (every joint column closed there, so the bounds of in
	 * only open from it) */
	if (g->is_set && g->has_mark && count_in(in, n) < n_moved)
		sol_lp_back_to_mark(g->lp);
	for (k = 0; k < g->n_joint; k++) {
		const struct joint_col *c = &g->joint[k];
		sol_lp_set_col_hi(g->lp, c->col, in[c->home] && in[c->at] ? c->hi : 0);
	}
	memcpy(g->in, in, n * sizeof(bool));
	g->is_set = true;
	if ((rc = sol_lp_solve(g->lp, &status, objective, err)) != MU_OK)
		return rc;
	if (status != SOL_OPTIMAL)
		return mu_err_set(err, MU_E_SOLVER, "the solver found no plan for a coalition (%s)",
		                  sol_status_name(status));
	if (!g->has_mark && count_in(in, n) == 0) {
		sol_lp_mark(g->lp);
		g->has_mark = true;
	}
	g->n_solves++;
	return MU_OK;
}

double pol_game_spend(const struct pol_game *g)
{
	size_t n = g->b->m->n_cols, j;
	double *x = mu_calloc(n + 1, sizeof(double)), spend = 0;
	sol_lp_x(g->lp, x);
	for (j = 0; j < n; j++)
		spend += g->b->cols[j].spend * x[j];
	free(x);
	return spend;
}

long pol_game_iterations(const struct pol_game *g)
{
	return sol_lp_iterations(g->lp);
}
