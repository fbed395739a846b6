/*
 * test_game.c - the cooperative game engine (core/mu_game.c): the Shapley
 * axioms on hand-made games, a 3-player game solved by hand, agreement with
 * an independent computation over every order of the players, the Gray-code
 * order of the exact game, the core check, sampled shares and the
 * settlement.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_err.h"
#include "core/mu_game.h"
#include "test_util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9

/* A game given as a table of costs, indexed by coalition. */
struct table_game {
	const double *cost;
};

static enum mu_code table_value(void *ctx, mu_coalition s, double *cost, struct mu_err *err)
{
	const struct table_game *g = ctx;
	(void)err;
	*cost = g->cost[s];
	return MU_OK;
}

static void assert_near(double got, double want, double tol)
{
	if (fabs(got - want) > tol)
		fail_msg("got %.12g, want %.12g (tolerance %g)", got, want, tol);
}

static struct mu_shares exact_of(size_t n, const double *cost)
{
	struct table_game g = {cost};
	struct mu_shares sh;
	struct mu_err err;
	mu_err_clear(&err);
	assert_int_equal(mu_game_exact(n, table_value, &g, NULL, &sh, &err), MU_OK);
	assert_int_equal(sh.n, n);
	assert_true(sh.is_exact);
	assert_null(sh.std_error);
	assert_int_equal(sh.n_solved, (size_t)1 << n);
	return sh;
}

/* Random costs in [0, 100) from a fixed linear congruential generator, so
 * the tests do not lean on the engine's own generator. */
static uint64_t lcg_state;
static double lcg_next(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(lcg_state >> 11) / 9007199254740992.0 * 100.0;
}

static double *random_game(size_t n, uint64_t seed)
{
	size_t total = (size_t)1 << n, s;
	double *cost = malloc(total * sizeof(*cost));
	assert_non_null(cost);
	lcg_state = seed;
	for (s = 0; s < total; s++)
		cost[s] = lcg_next();
	return cost;
}

static double sum_of(const double *x, size_t n)
{
	double sum = 0;
	size_t i;
	for (i = 0; i < n; i++)
		sum += x[i];
	return sum;
}

static void test_game_two_players_split_the_saving_equally(void **state)
{
	/* Alone neither saves; together they save 6. */
	const double equal[] = {10, 10, 10, 4};
	/* Alone 0 saves 2 and 1 saves 1; together 6: each keeps what it saves
	 * alone and the rest, 3, is halved. */
	const double general[] = {10, 8, 9, 4};
	struct mu_shares sh;
	(void)state;
	sh = exact_of(2, equal);
	assert_near(sh.saving, 6, EPS);
	assert_near(sh.share[0], 3, EPS);
	assert_near(sh.share[1], 3, EPS);
	mu_shares_release(&sh);
	sh = exact_of(2, general);
	assert_near(sh.share[0], 2 + 1.5, EPS);
	assert_near(sh.share[1], 1 + 1.5, EPS);
	mu_shares_release(&sh);
}

static void test_game_three_players_as_solved_by_hand(void **state)
{
	/*
	 * Players A (bit 0), B (bit 1), C (bit 2); costs 20 - saving, savings
	 *   s(A) = 0, s(B) = 1, s(C) = 0, s(AB) = 3, s(AC) = 4, s(BC) = 9,
	 *   s(ABC) = 12.
	 * With 3 players the weights are 1/3 (joining nobody), 1/6 (joining
	 * one) and 1/3 (joining both):
	 *   phi_A = 0/3 + (3-1)/6 + (4-0)/6 + (12-9)/3 = 0 + 1/3 + 2/3 + 1 = 2
	 *   phi_B = 1/3 + (3-0)/6 + (9-0)/6 + (12-4)/3 = 1/3 + 1/2 + 3/2 + 8/3 = 5
	 *   phi_C = 0/3 + (4-0)/6 + (9-1)/6 + (12-3)/3 = 2/3 + 4/3 + 3 = 5
	 * adding up to 12. Excesses s(S) - sum of shares: A -2, B -4, AB -4,
	 * C -5, AC -3, BC -1: in the core, BC furthest at -1.
	 */
	const double cost[8] = {20, 20, 19, 17, 20, 16, 11, 8};
	struct mu_shares sh;
	(void)state;
	sh = exact_of(3, cost);
	assert_near(sh.saving, 12, EPS);
	assert_near(sh.share[0], 2, EPS);
	assert_near(sh.share[1], 5, EPS);
	assert_near(sh.share[2], 5, EPS);
	assert_true(sh.is_in_core);
	assert_int_equal(sh.furthest, 6);
	assert_near(sh.furthest_excess, -1, EPS);
	mu_shares_release(&sh);
}

/* The Shapley value from its definition over orders: the mean, over all n!
 * orders, of each player's marginal cost saving when it joins those before
 * it. A different formula from the engine's (subsets and weights). */
static void shapley_by_orders(size_t n, const double *cost, double *phi)
{
	size_t order[8], i, n_orders = 0;
	memset(phi, 0, n * sizeof(*phi));
	for (i = 0; i < n; i++)
		order[i] = i;
	for (;;) {
		mu_coalition s = 0;
		size_t j, k, l;
		for (j = 0; j < n; j++) {
			mu_coalition t = s | (mu_coalition)1 << order[j];
			phi[order[j]] += cost[s] - cost[t];
			s = t;
		}
		n_orders++;
		/* The next permutation in lexicographic order. */
		for (k = n - 1; k > 0 && order[k - 1] > order[k]; k--)
			;
		if (k == 0)
			break;
		for (l = n - 1; order[l] < order[k - 1]; l--)
			;
		j = order[k - 1];
		order[k - 1] = order[l];
		order[l] = j;
		for (l = n - 1; k < l; k++, l--) {
			j = order[k];
			order[k] = order[l];
			order[l] = j;
		}
	}
	for (i = 0; i < n; i++)
		phi[i] /= (double)n_orders;
}

static void test_game_exact_equals_the_mean_over_every_order(void **state)
{
	size_t n;
	(void)state;
	for (n = 1; n <= 6; n++) {
		double *cost = random_game(n, 100 + n);
		double phi[8];
		struct mu_shares sh = exact_of(n, cost);
		size_t i;
		shapley_by_orders(n, cost, phi);
		for (i = 0; i < n; i++)
			assert_near(sh.share[i], phi[i], 1e-9);
		assert_near(sh.saving, cost[0] - cost[((size_t)1 << n) - 1], 1e-12);
		mu_shares_release(&sh);
		free(cost);
	}
}

static void test_game_shares_add_up_to_the_saving(void **state)
{
	size_t n;
	(void)state;
	for (n = 1; n <= 12; n++) {
		double *cost = random_game(n, 7 * n);
		struct mu_shares sh = exact_of(n, cost);
		assert_near(sum_of(sh.share, n), sh.saving, EPS);
		mu_shares_release(&sh);
		free(cost);
	}
}

static void test_game_a_null_player_gets_nothing(void **state)
{
	/* Player 2 changes nothing: v(S + 2) = v(S). */
	double *base = random_game(4, 11), cost[32];
	struct mu_shares sh;
	mu_coalition s;
	(void)state;
	for (s = 0; s < 32; s++) {
		mu_coalition without = (s & 3) | (s >> 1 & ~(mu_coalition)3);
		cost[s] = base[without];
	}
	sh = exact_of(5, cost);
	assert_near(sh.share[2], 0, 1e-12);
	assert_true(fabs(sh.share[0]) > 1e-3);
	assert_near(sum_of(sh.share, 5), sh.saving, EPS);
	mu_shares_release(&sh);
	free(base);
}

static void test_game_interchangeable_players_get_the_same(void **state)
{
	/* v depends on players 0 and 1 only through how many of them are in. */
	double *base = random_game(5, 13), cost[32];
	struct mu_shares sh;
	mu_coalition s;
	(void)state;
	for (s = 0; s < 32; s++) {
		mu_coalition swapped = (s & ~(mu_coalition)3) | (s & 1) << 1 | (s & 2) >> 1;
		cost[s] = base[s < swapped ? s : swapped];
	}
	sh = exact_of(5, cost);
	assert_near(sh.share[0], sh.share[1], 1e-12);
	assert_true(fabs(sh.share[0] - sh.share[2]) > 1e-3);
	mu_shares_release(&sh);
	free(base);
}

static void test_game_shares_of_a_sum_are_the_sum_of_shares(void **state)
{
	double *a = random_game(6, 17), *b = random_game(6, 19), sum[64];
	struct mu_shares sa, sb, sab;
	size_t i;
	(void)state;
	for (i = 0; i < 64; i++)
		sum[i] = a[i] + b[i];
	sa = exact_of(6, a);
	sb = exact_of(6, b);
	sab = exact_of(6, sum);
	for (i = 0; i < 6; i++)
		assert_near(sab.share[i], sa.share[i] + sb.share[i], EPS);
	mu_shares_release(&sa);
	mu_shares_release(&sb);
	mu_shares_release(&sab);
	free(a);
	free(b);
}

/* A value function that records what it is asked for. */
struct recorder {
	const double *cost;
	mu_coalition asked[1 << 10];
	size_t n_asked;
	size_t fail_at; /* fail the call of this index; SIZE_MAX = never */
	bool is_silent; /* fail without a message */
	double give;    /* when not 0: the cost given at fail_at instead */
};

static enum mu_code recorder_value(void *ctx, mu_coalition s, double *cost, struct mu_err *err)
{
	struct recorder *r = ctx;
	assert_true(r->n_asked < sizeof(r->asked) / sizeof(r->asked[0]));
	if (r->n_asked == r->fail_at) {
		r->n_asked++;
		if (r->give != 0) {
			*cost = r->give;
			return MU_OK;
		}
		if (r->is_silent)
			return MU_E_INPUT;
		return mu_err_set(err, MU_E_SOLVER, "coalition %llu: GLPK says no",
		                  (unsigned long long)s);
	}
	r->asked[r->n_asked++] = s;
	*cost = r->cost ? r->cost[s] : (double)s;
	return MU_OK;
}

static void test_game_exact_asks_in_gray_code_order_once_each(void **state)
{
	size_t n;
	(void)state;
	for (n = 1; n <= 10; n++) {
		static struct recorder r;
		size_t total = (size_t)1 << n, k;
		unsigned char seen[1 << 10] = {0};
		struct mu_shares sh;
		memset(&r, 0, sizeof(r));
		r.fail_at = SIZE_MAX;
		assert_int_equal(mu_game_exact(n, recorder_value, &r, NULL, &sh, NULL), MU_OK);
		assert_int_equal(r.n_asked, total);
		assert_int_equal(r.asked[0], 0);
		for (k = 0; k < total; k++) {
			assert_true(r.asked[k] < total);
			assert_false(seen[r.asked[k]]);
			seen[r.asked[k]] = 1;
			if (k > 0) {
				mu_coalition d = r.asked[k] ^ r.asked[k - 1];
				assert_true(d != 0 && (d & (d - 1)) == 0);
			}
			assert_int_equal(r.asked[k], mu_game_gray(k));
		}
		mu_shares_release(&sh);
	}
}

static void test_game_majority_game_has_an_empty_core(void **state)
{
	/* Any two of three save 1, and all three save no more: each gets 1/3,
	 * and every pair, saving 1 on 2/3 of shares, would leave. */
	const double majority[8] = {1, 1, 1, 0, 1, 0, 0, 0};
	/* The same with A and B saving 1.2 together:
	 *   phi_A = phi_B = 1.2/6 + 1/6 + (1-1)/3 = 11/30,
	 *   phi_C = 1/6 + 1/6 + (1-1.2)/3 = 8/30;
	 * AB exceeds its shares by 1.2 - 22/30 = 14/30, AC and BC by 11/30. */
	const double tilted[8] = {1, 1, 1, -0.2, 1, 0, 0, 0};
	struct mu_shares sh;
	(void)state;
	sh = exact_of(3, majority);
	assert_near(sh.share[0], 1.0 / 3, EPS);
	assert_near(sh.share[2], 1.0 / 3, EPS);
	assert_false(sh.is_in_core);
	assert_true(sh.furthest == 3 || sh.furthest == 5 || sh.furthest == 6);
	assert_near(sh.furthest_excess, 1.0 / 3, EPS);
	mu_shares_release(&sh);
	sh = exact_of(3, tilted);
	assert_near(sh.share[0], 11.0 / 30, EPS);
	assert_near(sh.share[1], 11.0 / 30, EPS);
	assert_near(sh.share[2], 8.0 / 30, EPS);
	assert_false(sh.is_in_core);
	assert_int_equal(sh.furthest, 3);
	assert_near(sh.furthest_excess, 14.0 / 30, EPS);
	mu_shares_release(&sh);
}

static void test_game_convex_game_is_in_the_core(void **state)
{
	/* s(S) = (sum of weights in S)^2 is supermodular, so the game is convex
	 * and its Shapley value lies in the core; the coalition furthest from
	 * leaving is then checked against every coalition's excess here. */
	const double w[6] = {1, 2.5, 0.5, 3, 1.5, 2};
	double cost[64], best = -INFINITY;
	mu_coalition s;
	struct mu_shares sh;
	(void)state;
	for (s = 0; s < 64; s++) {
		double ws = 0;
		size_t i;
		for (i = 0; i < 6; i++)
			if (s >> i & 1)
				ws += w[i];
		cost[s] = 100 - ws * ws;
	}
	sh = exact_of(6, cost);
	assert_true(sh.is_in_core);
	assert_true(sh.furthest_excess <= 0);
	for (s = 1; s < 63; s++) {
		double ex = cost[0] - cost[s];
		size_t i;
		for (i = 0; i < 6; i++)
			if (s >> i & 1)
				ex -= sh.share[i];
		if (ex > best)
			best = ex;
	}
	assert_near(sh.furthest_excess, best, EPS);
	assert_true(sh.furthest != 0 && sh.furthest != 63);
	mu_shares_release(&sh);
}

static void test_game_one_player_keeps_the_saving(void **state)
{
	const double cost[2] = {5, 3};
	struct mu_shares sh;
	(void)state;
	sh = exact_of(1, cost);
	assert_near(sh.share[0], 2, EPS);
	assert_true(sh.is_in_core);
	assert_int_equal(sh.furthest, 0);
	mu_shares_release(&sh);
}

static void test_game_refuses_sizes_it_cannot_do(void **state)
{
	struct mu_shares sh;
	struct mu_err err;
	struct recorder r;
	(void)state;
	memset(&r, 0, sizeof(r));
	r.fail_at = SIZE_MAX;
	memset(&sh, 0x5a, sizeof(sh));
	mu_err_clear(&err);
	assert_int_equal(mu_game_exact(21, recorder_value, &r, NULL, &sh, &err), MU_E_USAGE);
	assert_non_null(strstr(err.msg, "exact shares need 1 to 20 partners, not 21"));
	assert_int_equal(r.n_asked, 0);
	mu_err_clear(&err);
	assert_int_equal(mu_game_exact(0, recorder_value, &r, NULL, &sh, &err), MU_E_USAGE);
	mu_err_clear(&err);
	assert_int_equal(mu_game_sampled(65, 10, 1, recorder_value, &r, NULL, &sh, &err),
	                 MU_E_USAGE);
	assert_non_null(strstr(err.msg, "not 65"));
	mu_err_clear(&err);
	assert_int_equal(mu_game_sampled(4, 0, 1, recorder_value, &r, NULL, &sh, &err), MU_E_USAGE);
	assert_non_null(strstr(err.msg, "at least one order"));
	assert_int_equal(r.n_asked, 0);
	/* *out untouched. */
	assert_int_equal(sh.n, (size_t)0x5a5a5a5a5a5a5a5aULL);
}

static void test_game_value_errors_stop_it_with_their_message(void **state)
{
	struct mu_shares sh;
	struct mu_err err;
	static struct recorder r;
	(void)state;
	memset(&sh, 0x5a, sizeof(sh));

	memset(&r, 0, sizeof(r));
	r.fail_at = 5;
	mu_err_clear(&err);
	assert_int_equal(mu_game_exact(4, recorder_value, &r, NULL, &sh, &err), MU_E_SOLVER);
	assert_string_equal(err.msg, "coalition 7: GLPK says no"); /* gray(5) = 7 */
	assert_int_equal(r.n_asked, 6);

	memset(&r, 0, sizeof(r));
	r.fail_at = 3;
	r.is_silent = true;
	mu_err_clear(&err);
	assert_int_equal(mu_game_exact(4, recorder_value, &r, NULL, &sh, &err), MU_E_INPUT);
	assert_string_equal(err.msg, "the value of coalition 0x2 failed");

	memset(&r, 0, sizeof(r));
	r.fail_at = 2;
	r.give = NAN;
	mu_err_clear(&err);
	assert_int_equal(mu_game_exact(4, recorder_value, &r, NULL, &sh, &err), MU_E_SOLVER);
	assert_string_equal(err.msg, "the value of coalition 0x3 is not finite");

	memset(&r, 0, sizeof(r));
	r.fail_at = 4;
	mu_err_clear(&err);
	assert_int_equal(mu_game_sampled(6, 50, 9, recorder_value, &r, NULL, &sh, &err),
	                 MU_E_SOLVER);
	assert_non_null(strstr(err.msg, "GLPK says no"));
	assert_int_equal(r.n_asked, 5);
	assert_int_equal(sh.n, (size_t)0x5a5a5a5a5a5a5a5aULL);
}

struct progress_log {
	size_t n_calls, last_done, total;
	bool is_in_order;
};

static void log_progress(void *ctx, size_t done, size_t total)
{
	struct progress_log *p = ctx;
	if (done != p->last_done + 1)
		p->is_in_order = false;
	p->n_calls++;
	p->last_done = done;
	p->total = total;
}

static void test_game_reports_progress(void **state)
{
	double *cost = random_game(5, 23);
	struct table_game g = {cost};
	struct progress_log log = {0, 0, 0, true};
	struct mu_game_opts opts = {log_progress, &log};
	struct mu_shares sh;
	(void)state;
	assert_int_equal(mu_game_exact(5, table_value, &g, &opts, &sh, NULL), MU_OK);
	assert_true(log.is_in_order);
	assert_int_equal(log.n_calls, 32);
	assert_int_equal(log.total, 32);
	mu_shares_release(&sh);
	memset(&log, 0, sizeof(log));
	log.is_in_order = true;
	assert_int_equal(mu_game_sampled(5, 40, 3, table_value, &g, &opts, &sh, NULL), MU_OK);
	assert_true(log.is_in_order);
	assert_int_equal(log.n_calls, 40);
	assert_int_equal(log.total, 40);
	mu_shares_release(&sh);
	free(cost);
}

static void test_game_orders_are_permutations_fixed_by_seed_and_index(void **state)
{
	size_t a[64], b[64], n, k;
	(void)state;
	for (n = 1; n <= 64; n += 9) {
		for (k = 0; k < 20; k++) {
			unsigned char seen[64] = {0};
			size_t i;
			mu_game_order(n, 42, k, a);
			mu_game_order(n, 42, k, b);
			assert_memory_equal(a, b, n * sizeof(*a));
			for (i = 0; i < n; i++) {
				assert_true(a[i] < n);
				assert_false(seen[a[i]]);
				seen[a[i]] = 1;
			}
		}
	}
	/* Known values: the same on every machine (splitmix64 is integer
	 * arithmetic only). Changing the generator changes every sampled
	 * result: that is what this pins. */
	{
		static const size_t k0[8] = {4, 2, 0, 5, 6, 1, 7, 3};
		static const size_t k1[8] = {3, 5, 6, 7, 2, 0, 4, 1};
		mu_game_order(8, 1, 0, a);
		assert_memory_equal(a, k0, sizeof(k0));
		mu_game_order(8, 1, 1, b);
		assert_memory_equal(b, k1, sizeof(k1));
	}
	mu_game_order(8, 2, 0, b);
	assert_memory_not_equal(a, b, 8 * sizeof(*a));
}

static void test_game_sampled_converges_to_the_exact_shares(void **state)
{
	double *cost = random_game(8, 29);
	struct table_game g = {cost};
	struct mu_shares exact, sampled, again, other;
	size_t i;
	(void)state;
	exact = exact_of(8, cost);
	assert_int_equal(mu_game_sampled(8, 2000, 12345, table_value, &g, NULL, &sampled, NULL),
	                 MU_OK);
	assert_false(sampled.is_exact);
	assert_int_equal(sampled.n_samples, 2000);
	assert_non_null(sampled.std_error);
	assert_true(sampled.n_solved <= 256);
	assert_near(sampled.saving, exact.saving, 1e-12);
	assert_near(sum_of(sampled.share, 8), sampled.saving, EPS);
	for (i = 0; i < 8; i++) {
		assert_true(sampled.std_error[i] > 0);
		if (fabs(sampled.share[i] - exact.share[i]) > 4 * sampled.std_error[i])
			fail_msg("player %zu: sampled %g, exact %g, standard error %g", i,
			         sampled.share[i], exact.share[i], sampled.std_error[i]);
	}
	/* Deterministic for a seed; another seed, other orders. */
	assert_int_equal(mu_game_sampled(8, 2000, 12345, table_value, &g, NULL, &again, NULL),
	                 MU_OK);
	assert_memory_equal(sampled.share, again.share, 8 * sizeof(double));
	assert_memory_equal(sampled.std_error, again.std_error, 8 * sizeof(double));
	assert_int_equal(sampled.n_solved, again.n_solved);
	assert_int_equal(mu_game_sampled(8, 2000, 54321, table_value, &g, NULL, &other, NULL),
	                 MU_OK);
	assert_memory_not_equal(sampled.share, other.share, 8 * sizeof(double));
	mu_shares_release(&exact);
	mu_shares_release(&sampled);
	mu_shares_release(&again);
	mu_shares_release(&other);
	free(cost);
}

static void test_game_standard_error_is_the_spread_of_the_estimate(void **state)
{
	/* 400 estimates of 40 orders each, from 400 seeds: their spread around
	 * the exact shares must be what the standard errors say, neither
	 * narrower nor wider (to 20%: the spread of 400 draws is known to
	 * about 4%). */
	double *cost = random_game(8, 41);
	struct table_game g = {cost};
	struct mu_shares exact = exact_of(8, cost);
	double sq_dev[8] = {0}, sq_se[8] = {0};
	uint64_t seed;
	size_t i;
	(void)state;
	for (seed = 1; seed <= 400; seed++) {
		struct mu_shares sh;
		assert_int_equal(mu_game_sampled(8, 40, seed, table_value, &g, NULL, &sh, NULL),
		                 MU_OK);
		for (i = 0; i < 8; i++) {
			double d = sh.share[i] - exact.share[i];
			sq_dev[i] += d * d;
			sq_se[i] += sh.std_error[i] * sh.std_error[i];
		}
		mu_shares_release(&sh);
	}
	for (i = 0; i < 8; i++) {
		double ratio = sqrt(sq_dev[i] / sq_se[i]);
		if (ratio < 0.8 || ratio > 1.2)
			fail_msg("player %zu: spread %g times the standard error", i, ratio);
	}
	mu_shares_release(&exact);
	free(cost);
}

static void test_game_sampled_values_each_coalition_once_along_its_orders(void **state)
{
	static struct recorder r;
	size_t order[64], k, j, a, b;
	struct mu_shares sh;
	(void)state;
	memset(&r, 0, sizeof(r));
	r.fail_at = SIZE_MAX;
	assert_int_equal(mu_game_sampled(6, 30, 77, recorder_value, &r, NULL, &sh, NULL), MU_OK);
	assert_int_equal(sh.n_solved, r.n_asked);
	assert_int_equal(r.asked[0], 0);
	for (a = 0; a < r.n_asked; a++)
		for (b = a + 1; b < r.n_asked; b++)
			assert_true(r.asked[a] != r.asked[b]);
	/* Every coalition asked is a prefix of one of the orders, and every
	 * prefix was asked. */
	for (k = 0; k < 30; k++) {
		mu_coalition s = 0;
		mu_game_order(6, 77, k, order);
		for (j = 0; j < 6; j++) {
			bool is_asked = false;
			s |= (mu_coalition)1 << order[j];
			for (a = 0; a < r.n_asked; a++)
				is_asked |= r.asked[a] == s;
			assert_true(is_asked);
		}
	}
	/* v(S) = S as a number: the saving is -63. */
	assert_near(sh.saving, -63, EPS);
	assert_near(sum_of(sh.share, 6), -63, EPS);
	mu_shares_release(&sh);
}

static void test_game_sampled_null_player_and_one_order(void **state)
{
	double *base = random_game(4, 31), cost[32];
	struct table_game g = {cost};
	struct mu_shares sh;
	mu_coalition s;
	size_t i;
	(void)state;
	for (s = 0; s < 32; s++)
		cost[s] = base[s & 15]; /* player 4 changes nothing */
	assert_int_equal(mu_game_sampled(5, 100, 5, table_value, &g, NULL, &sh, NULL), MU_OK);
	assert_true(sh.share[4] == 0);
	assert_true(sh.std_error[4] == 0);
	assert_near(sum_of(sh.share, 5), sh.saving, EPS);
	mu_shares_release(&sh);
	/* One order: the shares are its marginals, and their spread unknown. */
	assert_int_equal(mu_game_sampled(5, 1, 5, table_value, &g, NULL, &sh, NULL), MU_OK);
	assert_int_equal(sh.n_solved, 6);
	assert_near(sum_of(sh.share, 5), sh.saving, EPS);
	for (i = 0; i < 5; i++)
		assert_true(isnan(sh.std_error[i]));
	mu_shares_release(&sh);
	free(base);
}

/* Checks a settlement: each player's gain plus what it receives minus what
 * it pays is its share; at most n - 1 transfers, each positive, between two
 * players. */
static size_t check_settlement(size_t n, const double *gain, const double *share)
{
	struct mu_transfer t[16];
	double end[16], scale = 0;
	size_t n_t, i;
	assert_true(n <= 16);
	for (i = 0; i < n; i++)
		scale += fabs(gain[i]) + fabs(share[i]);
	n_t = mu_game_settlement(n, gain, share, t);
	assert_true(n == 0 ? n_t == 0 : n_t <= n - 1);
	memcpy(end, gain, n * sizeof(*gain));
	for (i = 0; i < n_t; i++) {
		assert_true(t[i].from < n && t[i].to < n && t[i].from != t[i].to);
		assert_true(t[i].amount > 0);
		end[t[i].from] -= t[i].amount;
		end[t[i].to] += t[i].amount;
	}
	for (i = 0; i < n; i++)
		assert_near(end[i], share[i], 1e-9 * (1 + scale));
	return n_t;
}

static void test_game_settlement_nets_each_player_to_its_share(void **state)
{
	/* 0 gains 10 but is due 2: pays 8; 1 is due 3 more, 2 is due 5 more.
	 * The largest payer pays the largest receiver first. */
	const double gain[3] = {10, 0, -4}, share[3] = {2, 3, 1};
	struct mu_transfer t[3];
	size_t n_t, n, trial;
	(void)state;
	n_t = mu_game_settlement(3, gain, share, t);
	assert_int_equal(n_t, 2);
	assert_int_equal(t[0].from, 0);
	assert_int_equal(t[0].to, 2);
	assert_near(t[0].amount, 5, EPS);
	assert_int_equal(t[1].from, 0);
	assert_int_equal(t[1].to, 1);
	assert_near(t[1].amount, 3, EPS);
	check_settlement(3, gain, share);

	/* Random gains and shares with the same sum. */
	lcg_state = 37;
	for (trial = 0; trial < 200; trial++) {
		double g[16], s[16], sum_g = 0, sum_s = 0;
		size_t i;
		n = 1 + trial % 16;
		for (i = 0; i < n; i++) {
			g[i] = lcg_next() - 50;
			s[i] = lcg_next() - 30;
			sum_g += g[i];
			sum_s += s[i];
		}
		g[n - 1] += sum_s - sum_g;
		check_settlement(n, g, s);
	}
}

static void test_game_settlement_is_empty_when_gains_are_shares(void **state)
{
	const double x[4] = {3.5, -1, 0, 12.25};
	struct mu_transfer t[4];
	(void)state;
	assert_int_equal(mu_game_settlement(4, x, x, t), 0);
	assert_int_equal(mu_game_settlement(0, x, x, t), 0);
	/* One payer and three receivers: three transfers, all from it. */
	{
		const double gain[4] = {9, 0, 0, 0}, share[4] = {0, 2, 3, 4};
		size_t i;
		assert_int_equal(check_settlement(4, gain, share), 3);
		assert_int_equal(mu_game_settlement(4, gain, share, t), 3);
		for (i = 0; i < 3; i++)
			assert_int_equal(t[i].from, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_game_two_players_split_the_saving_equally),
	    cmocka_unit_test(test_game_three_players_as_solved_by_hand),
	    cmocka_unit_test(test_game_exact_equals_the_mean_over_every_order),
	    cmocka_unit_test(test_game_shares_add_up_to_the_saving),
	    cmocka_unit_test(test_game_a_null_player_gets_nothing),
	    cmocka_unit_test(test_game_interchangeable_players_get_the_same),
	    cmocka_unit_test(test_game_shares_of_a_sum_are_the_sum_of_shares),
	    cmocka_unit_test(test_game_exact_asks_in_gray_code_order_once_each),
	    cmocka_unit_test(test_game_majority_game_has_an_empty_core),
	    cmocka_unit_test(test_game_convex_game_is_in_the_core),
	    cmocka_unit_test(test_game_one_player_keeps_the_saving),
	    cmocka_unit_test(test_game_refuses_sizes_it_cannot_do),
	    cmocka_unit_test(test_game_value_errors_stop_it_with_their_message),
	    cmocka_unit_test(test_game_reports_progress),
	    cmocka_unit_test(test_game_orders_are_permutations_fixed_by_seed_and_index),
	    cmocka_unit_test(test_game_sampled_converges_to_the_exact_shares),
	    cmocka_unit_test(test_game_standard_error_is_the_spread_of_the_estimate),
	    cmocka_unit_test(test_game_sampled_values_each_coalition_once_along_its_orders),
	    cmocka_unit_test(test_game_sampled_null_player_and_one_order),
	    cmocka_unit_test(test_game_settlement_nets_each_player_to_its_share),
	    cmocka_unit_test(test_game_settlement_is_empty_when_gains_are_shares),
	};
	return tu_run_tests(tests, NULL, NULL);
}
