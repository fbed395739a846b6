/*
 * flow_shares.c - the game of DESIGN.md §3a as muster plays it. The value
 * of a coalition is the plan-mode objective with its partners working
 * together and the others alone (pol_game: one model kept loaded);
 * core/mu_game.c turns the values into Shapley shares, the core check and
 * the settlement. A shard values only its part of the coalitions and
 * records them; a later run takes the merged values from the store first.
 */
#include "flows/flow_shares.h"

#include "core/mu_alloc.h"
#include "io/io_report.h"
#include "io/io_html.h"
#include "policies/pol_solve.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct spent {
	mu_coalition s;
	double spend;
};

/* The game's value function: one plan-mode solve per coalition, unless
 * the store has its value. */
struct game {
	const struct mu_scenario *sc;
	const struct flow_shares_request *req;
	struct flow_shares_progress progress; /* what on_progress is told */
	bool *in;                             /* per partner: in the coalition being solved */
	bool is_shard;                        /* values for req->store, recorded at the end */
	struct pol_game *model;               /* the coalitions' model, once one is solved */
	/* the values recorded in req->store, by coalition as signed (the
	 * store's order) */
	int64_t *known;
	double *known_cost, *known_spend; /* spend NAN: not recorded */
	size_t n_known, cap_known, n_looked_up;
	/* the spend of each coalition solved here, for the cash game, in the
	 * order solved (sorted by coalition before it is read) */
	struct spent *spent;
	size_t n_spent, cap_spent;
	bool is_spend_missing; /* a value from the store came without its spend */
};

static void tell(struct game *g, enum flow_shares_phase phase)
{
	g->progress.phase = phase;
	if (g->req->on_progress)
		g->req->on_progress(g->req->hooks.ctx, &g->progress);
}

static void game_init(struct game *g, const struct mu_scenario *sc,
                      const struct flow_shares_request *req)
{
	size_t n = sc->n_partners;
	memset(g, 0, sizeof(*g));
	g->sc = sc;
	g->req = req;
	g->in = mu_calloc(n + 1, sizeof(bool));
	g->progress.is_exact = req->samples == 0 && n <= FLOW_SHARES_EXACT_MAX;
	if (!g->progress.is_exact)
		g->progress.n_samples = req->samples ? req->samples : FLOW_SHARES_DEFAULT_SAMPLES;
}

static void game_release(struct game *g)
{
	free(g->in);
	pol_game_free(g->model);
	free(g->known);
	free(g->known_cost);
	free(g->known_spend);
	free(g->spent);
}

static int by_coalition(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int add_known(uint64_t coalition, double cost, double spend, void *ctx)
{
	struct game *g = ctx;
	size_t cap = g->cap_known, cap2 = g->cap_known;
	MU_GROW(g->known, g->cap_known, g->n_known + 1);
	MU_GROW(g->known_cost, cap, g->n_known + 1);
	MU_GROW(g->known_spend, cap2, g->n_known + 1);
	g->known[g->n_known] = (int64_t)coalition;
	g->known_spend[g->n_known] = spend;
	g->known_cost[g->n_known++] = cost;
	return 0;
}

/* The stop flag is up: a shard's message names its store, as the store's
 * own refusal of the write would. */
static enum mu_code stopped(const struct game *g, struct mu_err *err)
{
	if (g->is_shard)
		return mu_err_set(err, MU_E_SOLVER, "%s: interrupted; nothing was recorded",
		                  io_store_path(g->req->store));
	return mu_err_set(err, MU_E_SOLVER, "interrupted; nothing was recorded");
}

static enum mu_code coalition_cost(void *ctx, mu_coalition s, double *cost, struct mu_err *err)
{
	struct game *g = ctx;
	enum mu_code rc;
	size_t p;
	int64_t key = (int64_t)s;
	const int64_t *at =
	    g->n_known ? bsearch(&key, g->known, g->n_known, sizeof(*g->known), by_coalition)
	               : NULL;
	if (at) {
		double spend = g->known_spend[at - g->known];
		*cost = g->known_cost[at - g->known];
		g->n_looked_up++;
		if (isnan(spend)) {
			g->is_spend_missing = true;
		} else {
			MU_GROW(g->spent, g->cap_spent, g->n_spent + 1);
			g->spent[g->n_spent++] = (struct spent){s, spend};
		}
		return MU_OK;
	}
	if (flow_is_stopped(&g->req->hooks))
		return stopped(g, err);
	/* one model kept loaded, each coalition from the last one's basis
	 * (pol_game.c); made at the first coalition not recorded */
	if (!g->model && (rc = pol_game_new(g->sc, &g->model, err)) != MU_OK)
		return rc;
	for (p = 0; p < g->sc->n_partners; p++)
		g->in[p] = (s >> p) & 1;
	if ((rc = pol_game_value(g->model, g->in, cost, err)) != MU_OK)
		return rc;
	MU_GROW(g->spent, g->cap_spent, g->n_spent + 1);
	g->spent[g->n_spent++] = (struct spent){s, pol_game_spend(g->model)};
	g->progress.n_solved++;
	tell(g, FLOW_SHARES_SOLVED);
	return MU_OK;
}

static enum mu_code check_partners(const struct mu_scenario *sc, struct mu_err *err)
{
	if (sc->n_partners == 0 || sc->n_partners > MU_GAME_MAX_PLAYERS)
		return mu_err_set(err, MU_E_USAGE, "%zu partners: shares take 1 to %d",
		                  sc->n_partners, MU_GAME_MAX_PLAYERS);
	return MU_OK;
}

static bool has_coalition(const uint64_t *list, size_t n, uint64_t s)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (list[i] == s)
			return true;
	return false;
}

/* The coalitions of shard req->shard of req->n_shards, into *list (the
 * caller frees it); returns how many. */
static size_t shard_list(size_t n, bool is_exact, size_t samples,
                         const struct flow_shares_request *req, uint64_t **list)
{
	size_t cap = 0, n_list = 0, i, j;
	size_t *order = mu_calloc(n + 1, sizeof(*order));
	*list = NULL;
	if (is_exact) {
		uint64_t k;
		for (k = req->shard - 1; k < (1ULL << n); k += req->n_shards) {
			MU_GROW(*list, cap, n_list + 1);
			(*list)[n_list++] = mu_game_gray(k);
		}
	} else {
		/* every walk starts at the empty coalition: each shard values it */
		MU_GROW(*list, cap, n_list + 1);
		(*list)[n_list++] = 0;
		for (i = req->shard - 1; i < samples; i += req->n_shards) {
			mu_coalition s = 0;
			mu_game_order(n, req->seed, i, order);
			for (j = 0; j < n; j++) {
				s |= (mu_coalition)1 << order[j];
				if (!has_coalition(*list, n_list, s)) {
					MU_GROW(*list, cap, n_list + 1);
					(*list)[n_list++] = s;
				}
			}
		}
	}
	free(order);
	return n_list;
}

enum mu_code flow_shares_value_shard(const struct io_source *src, const struct mu_scenario *sc,
                                     const struct flow_shares_request *req, size_t *n_recorded,
                                     struct mu_err *err)
{
	struct game g;
	uint64_t *list = NULL;
	double *cost = NULL, *spend = NULL;
	size_t n_list, i;
	enum mu_code rc;
	if ((rc = check_partners(sc, err)) != MU_OK)
		return rc;
	game_init(&g, sc, req);
	g.is_shard = true;
	n_list = shard_list(sc->n_partners, g.progress.is_exact, g.progress.n_samples, req, &list);
	g.progress.n_to_value = n_list;
	tell(&g, FLOW_SHARES_BEGIN);
	cost = mu_calloc(n_list + 1, sizeof(*cost));
	spend = mu_calloc(n_list + 1, sizeof(*spend));
	for (i = 0; i < n_list; i++) {
		if ((rc = coalition_cost(&g, list[i], &cost[i], err)) != MU_OK)
			break;
		/* a shard reads no values: each one solved, its spend the last */
		assert(g.n_spent > 0 && g.spent[g.n_spent - 1].s == list[i]);
		spend[i] = g.spent[g.n_spent - 1].spend;
	}
	tell(&g, FLOW_SHARES_DONE);
	if (rc == MU_OK)
		rc = io_store_add_values(req->store, src, list, cost, spend, n_list, err);
	if (rc == MU_OK)
		*n_recorded = n_list;
	game_release(&g);
	free(list);
	free(cost);
	free(spend);
	return rc;
}

/* The system (is_silo false) or silo plan's totals of each partner into
 * totals, and its spend into *spend. A partner's cost is counted at the
 * partner, recharge in it (mu_totals_partner_cost: DESIGN.md §3a, spend on
 * work done there, the penalties of its demand rows, recharge paid minus
 * received). Solved cold, as `muster solve --lp` (and --silo) solves it,
 * not from the game's model: a plan has many equally cheap optima that
 * split the cost between partners differently, and the gains must be those
 * of the plan the partners are given (from the game's last basis, the
 * example's hospice gained £5,108 less). */
static enum mu_code partner_totals(const struct mu_scenario *sc, bool is_silo,
                                   const struct flow_hooks *hooks, struct mu_totals *totals,
                                   double *spend, struct mu_err *err)
{
	struct pol_solve_request how = {.is_lp = true, .is_silo = is_silo};
	struct pol_solved solved;
	enum mu_code rc;
	if (flow_is_stopped(hooks))
		return mu_err_set(err, MU_E_SOLVER, "interrupted; nothing was recorded");
	if ((rc = pol_solve(sc, &how, &solved, err)) != MU_OK)
		return rc;
	memcpy(totals, solved.plan->partners, sc->n_partners * sizeof(*totals));
	*spend = solved.plan->system.spend_total;
	pol_solved_release(&solved);
	return MU_OK;
}

static int by_spent(const void *a, const void *b)
{
	mu_coalition x = ((const struct spent *)a)->s, y = ((const struct spent *)b)->s;
	return (x > y) - (x < y);
}

/* The cash game's value function: the spend recorded as each coalition was
 * solved; the silo's and the system's those of the plans the partners are
 * given (solved cold), so that the cash shares add up to their fall in
 * spend. */
struct cash_game {
	const struct game *g;
	mu_coalition all;
	double silo_spend, system_spend;
};

static enum mu_code coalition_spend(void *ctx, mu_coalition s, double *spend, struct mu_err *err)
{
	const struct cash_game *c = ctx;
	struct spent key = {.s = s};
	const struct spent *at;
	if (s == 0 || s == c->all) {
		*spend = s == 0 ? c->silo_spend : c->system_spend;
		return MU_OK;
	}
	at = bsearch(&key, c->g->spent, c->g->n_spent, sizeof(key), by_spent);
	if (!at)
		return mu_err_set(err, MU_E_SOLVER, "no spend for a coalition of the cash game");
	*spend = at->spend;
	return MU_OK;
}

/* The cash game's shares, gains and settlement (g: every coalition solved
 * here, none read from the store). */
static enum mu_code settle_cash(const struct mu_scenario *sc, struct game *g, double silo_spend,
                                double system_spend, struct flow_shares *r, struct mu_err *err)
{
	size_t n = sc->n_partners, p, k;
	struct cash_game c = {.g = g,
	                      .all = n == 64 ? ~(mu_coalition)0 : ((mu_coalition)1 << n) - 1,
	                      .silo_spend = silo_spend,
	                      .system_spend = system_spend};
	enum mu_code rc;
	qsort(g->spent, g->n_spent, sizeof(*g->spent), by_spent);
	rc = r->shares.is_exact ? mu_game_exact(n, coalition_spend, &c, NULL, &r->cash_shares, err)
	                        : mu_game_sampled(n, r->shares.n_samples, g->req->seed,
	                                          coalition_spend, &c, NULL, &r->cash_shares, err);
	if (rc != MU_OK)
		return rc;
	for (p = 0; p < n; p++)
		r->cash_gain[p] = mu_totals_net_cash(&r->silo_totals[p]) -
		                  mu_totals_net_cash(&r->system_totals[p]);
	r->n_cash_settlement =
	    mu_game_settlement(n, r->cash_gain, r->cash_shares.share, r->cash_settlement);
	for (k = 0; k < r->n_cash_settlement; k++) {
		r->cash_transfer[r->cash_settlement[k].from] -= r->cash_settlement[k].amount;
		r->cash_transfer[r->cash_settlement[k].to] += r->cash_settlement[k].amount;
	}
	r->has_cash = true;
	return MU_OK;
}

/* The gains, the settlement and each partner's net transfer. */
static void settle(size_t n, struct flow_shares *r)
{
	size_t p, k;
	for (p = 0; p < n; p++)
		r->gain[p] = r->silo_cost[p] - r->system_cost[p];
	r->n_settlement = mu_game_settlement(n, r->gain, r->shares.share, r->settlement);
	for (k = 0; k < r->n_settlement; k++) {
		r->transfer[r->settlement[k].from] -= r->settlement[k].amount;
		r->transfer[r->settlement[k].to] += r->settlement[k].amount;
	}
}

enum mu_code flow_shares_solve(const struct io_source *src, const struct mu_scenario *sc,
                               const struct flow_shares_request *req, struct flow_shares *out,
                               struct mu_err *err)
{
	size_t n = sc->n_partners;
	struct game g;
	double silo_spend = 0, system_spend = 0;
	enum mu_code rc;
	memset(out, 0, sizeof(*out));
	if ((rc = check_partners(sc, err)) != MU_OK)
		return rc;
	game_init(&g, sc, req);
	if (req->store && (rc = io_store_list_values(req->store, src, add_known, &g, err)) != MU_OK)
		goto done;
	if (g.n_known > 1) /* qsort may not be given NULL, even for none */
		qsort(g.known, g.n_known, sizeof(*g.known), by_coalition); /* already; to be sure */
	if (g.progress.is_exact)
		g.progress.n_to_value = (size_t)1 << n;
	tell(&g, FLOW_SHARES_BEGIN);
	out->silo_cost = mu_calloc(n + 1, sizeof(double));
	out->system_cost = mu_calloc(n + 1, sizeof(double));
	out->gain = mu_calloc(n + 1, sizeof(double));
	out->transfer = mu_calloc(n + 1, sizeof(double));
	out->settlement = mu_calloc(n + 1, sizeof(*out->settlement));
	out->silo_totals = mu_calloc(n + 1, sizeof(*out->silo_totals));
	out->system_totals = mu_calloc(n + 1, sizeof(*out->system_totals));
	out->cash_gain = mu_calloc(n + 1, sizeof(double));
	out->cash_transfer = mu_calloc(n + 1, sizeof(double));
	out->cash_settlement = mu_calloc(n + 1, sizeof(*out->cash_settlement));
	out->horizon_days = mu_scenario_horizon_days(sc);
	rc = g.progress.is_exact ? mu_game_exact(n, coalition_cost, &g, NULL, &out->shares, err)
	                         : mu_game_sampled(n, g.progress.n_samples, req->seed,
	                                           coalition_cost, &g, NULL, &out->shares, err);
	if (rc == MU_OK)
		rc = partner_totals(sc, true, &req->hooks, out->silo_totals, &silo_spend, err);
	if (rc == MU_OK)
		rc = partner_totals(sc, false, &req->hooks, out->system_totals, &system_spend, err);
	tell(&g, FLOW_SHARES_DONE);
	if (rc == MU_OK) {
		size_t p;
		for (p = 0; p < n; p++) {
			out->silo_cost[p] = mu_totals_partner_cost(&out->silo_totals[p]);
			out->system_cost[p] = mu_totals_partner_cost(&out->system_totals[p]);
		}
		settle(n, out);
		/* a value recorded before schema 6 has no spend */
		if (!g.is_spend_missing)
			rc = settle_cash(sc, &g, silo_spend, system_spend, out, err);
	}
	out->n_looked_up = g.n_looked_up;
done:
	game_release(&g);
	return rc;
}

void flow_shares_release(struct flow_shares *r)
{
	if (!r)
		return;
	mu_shares_release(&r->shares);
	free(r->silo_cost);
	free(r->system_cost);
	free(r->gain);
	free(r->transfer);
	free(r->settlement);
	mu_shares_release(&r->cash_shares);
	free(r->silo_totals);
	free(r->system_totals);
	free(r->cash_gain);
	free(r->cash_transfer);
	free(r->cash_settlement);
	memset(r, 0, sizeof(*r));
}

enum mu_code flow_shares_write(const char *dir, const char *label, const struct mu_scenario *sc,
                               const struct flow_shares *r, struct mu_err *err)
{
	struct io_shares t = {.shares = &r->shares,
	                      .silo_cost = r->silo_cost,
	                      .system_cost = r->system_cost,
	                      .gain = r->gain,
	                      .transfer = r->transfer,
	                      .settlement = r->settlement,
	                      .n_settlement = r->n_settlement,
	                      .exact_max = FLOW_SHARES_EXACT_MAX,
	                      .silo_totals = r->silo_totals,
	                      .system_totals = r->system_totals,
	                      .cash_shares = r->has_cash ? &r->cash_shares : NULL,
	                      .cash_gain = r->cash_gain,
	                      .cash_transfer = r->cash_transfer,
	                      .cash_settlement = r->cash_settlement,
	                      .n_cash_settlement = r->n_cash_settlement,
	                      .horizon_days = r->horizon_days};
	enum mu_code rc = io_report_write_shares(dir, sc, &t, err);
	if (rc == MU_OK)
		rc = io_html_write_shares(dir, sc, label, &t, err);
	return rc;
}
