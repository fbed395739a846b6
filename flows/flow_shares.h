/*
 * flow_shares.h - each partner's share of the value of working together
 * (DESIGN.md §3a): the coalitions' values (a plan-mode solve each, or read
 * from a store), the Shapley shares, the core check, the partners' costs
 * alone and together, and the settlement; or a shard's part of the
 * coalitions' values, recorded for a later merge. Used by shares.
 */
#ifndef FLOW_SHARES_H
#define FLOW_SHARES_H

#include "flows/flow.h"

#include "core/mu_err.h"
#include "core/mu_game.h"
#include "core/mu_scenario.h"
#include "io/io_source.h"
#include "io/io_store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Exact shares solve every coalition: 2^n plan solves. */
#define FLOW_SHARES_EXACT_MAX 12
/* Random orders of the partners when sampling and samples is not given. */
#define FLOW_SHARES_DEFAULT_SAMPLES 100

/* How the valuing goes (flow_shares_request's on_progress). */
enum flow_shares_phase {
	FLOW_SHARES_BEGIN,  /* the known values are read (or a shard's list made) */
	FLOW_SHARES_SOLVED, /* one more coalition solved (not one read from the store) */
	FLOW_SHARES_DONE    /* the valuing has ended, well or not: nothing more is solved */
};

struct flow_shares_progress {
	enum flow_shares_phase phase;
	bool is_exact;     /* every coalition valued (else sampled orders) */
	size_t n_samples;  /* sampled: the random orders walked; exact: 0 */
	size_t n_to_value; /* exact: 2^n; a shard: its coalitions; sampled: 0 (not known ahead) */
	size_t n_solved;   /* coalitions solved so far (values read from the store not counted) */
};

struct flow_shares_request {
	/* Random orders of the partners; 0: exact up to FLOW_SHARES_EXACT_MAX
	 * partners, FLOW_SHARES_DEFAULT_SAMPLES orders above. */
	size_t samples;
	uint64_t seed; /* the random orders' (mu_game_order) */
	/* flow_shares_value_shard: part shard (1 <= shard <= n_shards) of
	 * n_shards. */
	unsigned long shard, n_shards;
	/* flow_shares_value_shard: where the shard's values are recorded
	 * (required). flow_shares_solve: the store whose values recorded for
	 * the scenario's content are taken before any solve, or NULL.
	 * Borrowed. */
	struct io_store *store;
	/* The stop flag, checked before each solve (progress and search_done
	 * are not called: plan mode has no rota search); hooks.ctx is handed
	 * to on_progress. */
	struct flow_hooks hooks;
	/* Told as the valuing begins, after each coalition solved and when it
	 * ends; NULL: not told. */
	void (*on_progress)(void *ctx, const struct flow_shares_progress *progress);
};

/* What flow_shares_solve finds. Per partner (scenario order), the cost
 * counted at the partner (DESIGN.md §3a: spend on work done there, the
 * penalties of its demand rows, recharge paid minus received) of the silo
 * and the system plan, each solved cold in plan mode as `muster solve --lp`
 * (and --silo) solves it. */
struct flow_shares {
	/* The shares (share, std_error when sampled), the saving, the core
	 * check (exact only) and the coalitions valued (n_solved). */
	struct mu_shares shares;
	double *silo_cost, *system_cost;
	double *gain; /* silo_cost - system_cost */
	/* The settlement of mu_game_settlement (at most n - 1 transfers) and
	 * per partner its net transfer (> 0 received). */
	struct mu_transfer *settlement;
	size_t n_settlement;
	double *transfer;
	size_t n_looked_up; /* coalition values taken from req->store */
	/* Per partner, the totals of the silo and system plans above: filled
	 * hours, red flags, net cash (mu_totals_net_cash). */
	struct mu_totals *silo_totals, *system_totals;
	/* The cash game (issue 24): v(S) is the spend of coalition S's optimal
	 * plan (the one GLPK returns; the silo and the system those solved
	 * cold, as above), and each partner's Shapley share of the cash saving;
	 * the cash settlement makes each partner's fall in net cash
	 * (cash_gain) plus what it receives minus what it pays equal its cash
	 * share. Money, for the scenario's horizon (horizon_days, from the
	 * shift dates). has_cash is false when a coalition's value came from
	 * req->store without its spend (recorded before schema 6): cash_* are
	 * then zero. */
	bool has_cash;
	struct mu_shares cash_shares;
	double *cash_gain, *cash_transfer;
	struct mu_transfer *cash_settlement;
	size_t n_cash_settlement;
	long horizon_days;
};

/* The shares of sc's partners (1 <= n_partners <= MU_GAME_MAX_PLAYERS):
 * exact or sampled as req says, each coalition's value taken from
 * req->store when recorded there for src's content, else solved in plan
 * mode (one model kept loaded, each coalition from the last one's basis);
 * then the partners' costs, the gains and the settlement. MU_OK; MU_E_USAGE
 * for too many partners; MU_E_DB reading the store; MU_E_SOLVER for a
 * failed solve or the stop flag ("interrupted"). *out is the caller's,
 * released with flow_shares_release, also after a failure. */
enum mu_code flow_shares_solve(const struct io_source *src, const struct mu_scenario *sc,
                               const struct flow_shares_request *req, struct flow_shares *out,
                               struct mu_err *err);

/* Frees what r holds and zeroes it; r may be NULL, or zeroed. */
void flow_shares_release(struct flow_shares *r);

/* Values part req->shard of req->n_shards of the coalitions and records
 * them in req->store, in one transaction after the last: exact, the
 * coalitions mu_game_gray(k) with k mod n_shards = shard - 1; sampled,
 * every coalition on the walks of the orders k with k mod n_shards =
 * shard - 1, and the empty coalition (every walk starts there, so every
 * shard values it). *n_recorded is the number of values recorded. Codes as
 * flow_shares_solve (a failure of the store's write: MU_E_DB, nothing
 * recorded). */
enum mu_code flow_shares_value_shard(const struct io_source *src, const struct mu_scenario *sc,
                                     const struct flow_shares_request *req, size_t *n_recorded,
                                     struct mu_err *err);

/* Writes shares.csv and report.html (titled with label) of r into dir
 * (which exists). MU_OK or MU_E_IO. */
enum mu_code flow_shares_write(const char *dir, const char *label, const struct mu_scenario *sc,
                               const struct flow_shares *r, struct mu_err *err);

#endif
