/*
 * mu_game.h - the cooperative game of DESIGN.md §3a: Shapley shares of the
 * saving of working together, exact or sampled, the core check and the
 * settlement. Pure arithmetic: the value of a coalition comes from the
 * caller (a plan-mode solve), through a callback, in an order chosen so
 * that each coalition asked for is one partner away from the one before.
 */
#ifndef MU_GAME_H
#define MU_GAME_H

#include "mu_err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A coalition: bit i set = player (partner) i is in it. */
typedef uint64_t mu_coalition;

#define MU_GAME_MAX_PLAYERS 64
/* Exact shares keep 2^n values in memory (8 MiB at 20 players). */
#define MU_GAME_MAX_EXACT 20

/* The cost v(S) of coalition s: the plan-mode objective when the players in
 * s work as one system and the others alone. v(0) is the silo plan. Writes
 * *cost and returns MU_OK, or returns an error code with err filled (err
 * may be NULL); the error stops the game and is returned as it is. */
typedef enum mu_code (*mu_game_value_fn)(void *ctx, mu_coalition s, double *cost,
                                         struct mu_err *err);

struct mu_game_opts {
	/* Called after each coalition valued (exact: done of total = 2^n) or
	 * each order walked (sampled: done of total = samples), from the
	 * thread that called the game; NULL = none. */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *progress_ctx;
};

struct mu_shares {
	size_t n;      /* players */
	double saving; /* v(0) - v(all) */
	/* Per player: its Shapley value of the saving s(S) = v(0) - v(S).
	 * They add up to saving (exact and sampled, up to rounding). */
	double *share;
	/* Sampled: per player, the standard error of its share, the sample
	 * standard deviation of its marginal contributions over sqrt(samples);
	 * NAN when samples = 1 (one order says nothing of the spread). Exact:
	 * NULL. */
	double *std_error;
	bool is_exact;
	size_t n_samples; /* sampled: orders walked; exact: 0 */
	size_t n_solved;  /* distinct coalitions valued (calls of the value function) */
	/* Exact only (sampled: false, 0, 0). The core check: no coalition S
	 * other than 0 and all has saving(S) > sum of its members' shares +
	 * 1e-6 (1 + |saving|). furthest is the coalition with the largest
	 * excess saving(S) - sum of its members' shares (0 and all left out;
	 * the first in coalition order among exact ties), reported in the core
	 * too, where its excess is <= the tolerance. With one player there is
	 * no such coalition: in the core, furthest 0, excess 0. */
	bool is_in_core;
	mu_coalition furthest;
	double furthest_excess;
};

/* Exact Shapley shares of an n-player game (1 <= n <= MU_GAME_MAX_EXACT).
 * Values every coalition exactly once, in reflected binary Gray-code order:
 * the k-th call (k = 0, 1, ..., 2^n - 1) is for mu_game_gray(k), so the first
 * is the empty coalition and each differs from the one before by exactly one
 * player (the caller may warm-start each solve from the last). This order
 * is part of the contract. Then the core check (see struct mu_shares).
 * opts may be NULL. On success fills *out (release with mu_shares_release)
 * and returns MU_OK. Returns MU_E_USAGE for n out of range, or the value
 * function's code with its message (MU_E_SOLVER when the function fails
 * without a message or gives a cost that is not finite); *out is then
 * untouched. */
enum mu_code mu_game_exact(size_t n, mu_game_value_fn v, void *ctx, const struct mu_game_opts *opts,
                           struct mu_shares *out, struct mu_err *err);

/* Sampled Shapley shares (1 <= n <= MU_GAME_MAX_PLAYERS, samples >= 1): the
 * mean marginal contribution of each player over `samples` random orders,
 * order k being mu_game_order(n, seed, k) (the same on every machine; a
 * shard can walk orders k = I, I + N, ... alone). The empty coalition is
 * valued first; each order is walked from the empty coalition adding one
 * player at a time, so consecutive coalitions of a walk differ by one
 * player. A coalition seen before is not valued again (its value is
 * remembered), so the previous call may then be further away. Every order
 * gives each player one marginal contribution and they add up to the
 * saving, so the shares do too. Codes, ownership and opts as mu_game_exact;
 * MU_E_USAGE also for samples = 0. */
enum mu_code mu_game_sampled(size_t n, size_t samples, uint64_t seed, mu_game_value_fn v, void *ctx,
                             const struct mu_game_opts *opts, struct mu_shares *out,
                             struct mu_err *err);

/* Frees what s holds and zeroes it; s may be NULL, or zeroed. */
void mu_shares_release(struct mu_shares *s);

/* The k-th coalition of the exact game's order: k ^ (k >> 1). */
mu_coalition mu_game_gray(uint64_t k);

/* Writes order k of the sampled game for seed: a permutation of 0..n-1
 * (n <= MU_GAME_MAX_PLAYERS) into order (n entries), from splitmix64 seeded
 * by (seed, k) alone. */
void mu_game_order(size_t n, uint64_t seed, uint64_t k, size_t *order);

struct mu_transfer {
	size_t from, to; /* from pays to */
	double amount;   /* > 0 */
};

/* The settlement: transfers after which each player's gain (gain[i], its
 * silo cost - its system cost, counted at the player) plus what it receives
 * minus what it pays equals share[i]. Greedy: the largest payer (gain above
 * share) pays the largest receiver as much as one of them needs, until no
 * payer or no receiver is left beyond a tolerance of 1e-9 (1 + sum of |gain|
 * and |share|); ties go to the lower index. Each transfer settles at least
 * one player, so there are at most n - 1, all amounts > 0; none when gains
 * equal shares. The gains should add up to the shares' sum (both the
 * saving); what they do not is left unsettled on one side. Writes up to
 * n - 1 transfers into out (room for n) and returns how many. Values must be
 * finite. */
size_t mu_game_settlement(size_t n, const double *gain, const double *share,
                          struct mu_transfer *out);

#endif
