/*
 * mu_game.c - Shapley shares, the core check and the settlement.
 *
 * Exact: 2^n costs in one array indexed by coalition, filled in Gray-code
 * order, then phi_i = sum over S without i of w(|S|) (v(S) - v(S + i)),
 * w(k) = k! (n-k-1)! / n!, by the recurrence w(0) = 1/n, w(k) = w(k-1) k /
 * (n-k) (no factorial overflows; every weight is within a few ulps).
 * Marginals are differences of costs, not of savings: one rounding fewer.
 * n 2^n steps: about 20 million at 20 players, nothing next to one solve.
 *
 * Sampled: each order is drawn from its own splitmix64 stream seeded by
 * (seed, k), so that order k does not depend on the orders before it and a
 * shard can draw it alone. Costs are remembered in an open-addressing map
 * keyed by coalition, so a coalition met on two walks is valued once.
 */
#include "mu_game.h"

#include "mu_alloc.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

mu_coalition mu_game_gray(uint64_t k)
{
	return k ^ (k >> 1);
}

/* A uniform draw in [0, bound) by rejection, so that no machine's modulo
 * bias differs from another's. */
static uint64_t draw_below(uint64_t *state, uint64_t bound)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
	uint64_t x;
	do
		x = splitmix64(state);
	while (x >= limit);
	return x % bound;
}

void mu_game_order(size_t n, uint64_t seed, uint64_t k, size_t *order)
{
	uint64_t state = seed;
	size_t i;
	assert(n <= MU_GAME_MAX_PLAYERS);
	/* Two rounds of mixing, so that neighbouring (seed, k) give unrelated
	 * streams. */
	state = splitmix64(&state) ^ k;
	state = splitmix64(&state);
	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = n; i > 1; i--) {
		size_t j = (size_t)draw_below(&state, i);
		size_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
}

/* Calls the value function and keeps its error as it is; a failure without
 * a message, or a cost that is not finite, gets one. */
static enum mu_code value_of(mu_game_value_fn v, void *ctx, mu_coalition s, double *cost,
                             struct mu_err *err)
{
	double c = 0;
	enum mu_code rc = v(ctx, s, &c, err);
	if (rc != MU_OK)
		return mu_err_set(err, rc, "the value of coalition 0x%llx failed",
		                  (unsigned long long)s);
	if (!isfinite(c))
		return mu_err_set(err, MU_E_SOLVER, "the value of coalition 0x%llx is not finite",
		                  (unsigned long long)s);
	*cost = c;
	return MU_OK;
}

static void report(const struct mu_game_opts *opts, size_t done, size_t total)
{
	if (opts && opts->progress)
		opts->progress(opts->progress_ctx, done, total);
}

static size_t n_members(mu_coalition s)
{
	size_t count = 0;
	for (; s; s &= s - 1)
		count++;
	return count;
}

static double members_sum(const double *share, mu_coalition s)
{
	double sum = 0;
	size_t i;
	for (i = 0; s; i++, s >>= 1)
		if (s & 1)
			sum += share[i];
	return sum;
}

enum mu_code mu_game_exact(size_t n, mu_game_value_fn v, void *ctx, const struct mu_game_opts *opts,
                           struct mu_shares *out, struct mu_err *err)
{
	enum mu_code rc = MU_OK;
	double *cost = NULL, *share = NULL, *weight = NULL;
	size_t total, k, i;
	mu_coalition all, s;
	double tol;

	if (n < 1 || n > MU_GAME_MAX_EXACT)
		return mu_err_set(err, MU_E_USAGE,
		                  "exact shares need 1 to %d partners, not %zu (sample the orders "
		                  "instead)",
		                  MU_GAME_MAX_EXACT, n);
	total = (size_t)1 << n;
	all = (mu_coalition)total - 1;
	cost = mu_malloc(total * sizeof(*cost));
	for (k = 0; k < total; k++) {
		s = mu_game_gray(k);
		rc = value_of(v, ctx, s, &cost[s], err);
		if (rc != MU_OK)
			goto cleanup;
		report(opts, k + 1, total);
	}

	weight = mu_malloc(n * sizeof(*weight));
	weight[0] = 1.0 / (double)n;
	for (k = 1; k < n; k++)
		weight[k] = weight[k - 1] * (double)k / (double)(n - k);
	share = mu_calloc(n, sizeof(*share));
	for (s = 0; s < all; s++) {
		double w = weight[n_members(s)];
		for (i = 0; i < n; i++) {
			mu_coalition bit = (mu_coalition)1 << i;
			if (!(s & bit))
				share[i] += w * (cost[s] - cost[s | bit]);
		}
	}

	memset(out, 0, sizeof(*out));
	out->n = n;
	out->saving = cost[0] - cost[all];
	out->share = share;
	out->is_exact = true;
	out->n_solved = total;
	out->is_in_core = true;
	tol = 1e-6 * (1 + fabs(out->saving));
	for (s = 1; s < all; s++) {
		double excess = (cost[0] - cost[s]) - members_sum(share, s);
		if (s == 1 || excess > out->furthest_excess) {
			out->furthest = s;
			out->furthest_excess = excess;
		}
		if (excess > tol)
			out->is_in_core = false;
	}
	share = NULL;

cleanup:
	free(cost);
	free(weight);
	free(share);
	return rc;
}

/* Costs of the coalitions seen, by coalition: open addressing, linear
 * probing, at most half full. */
struct memo {
	mu_coalition *key;
	double *cost;
	unsigned char *is_used;
	size_t n_slots; /* a power of two */
	size_t n_items;
};

static size_t memo_hash(mu_coalition s)
{
	uint64_t z = s;
	return (size_t)splitmix64(&z);
}

static void memo_init(struct memo *m, size_t n_slots)
{
	m->key = mu_malloc(n_slots * sizeof(*m->key));
	m->cost = mu_malloc(n_slots * sizeof(*m->cost));
	m->is_used = mu_calloc(n_slots, 1);
	m->n_slots = n_slots;
	m->n_items = 0;
}

static void memo_release(struct memo *m)
{
	free(m->key);
	free(m->cost);
	free(m->is_used);
}

/* The slot of s: where it is, or the empty slot where it would go. */
static size_t memo_slot(const struct memo *m, mu_coalition s)
{
	size_t mask = m->n_slots - 1;
	size_t i = memo_hash(s) & mask;
	while (m->is_used[i] && m->key[i] != s)
		i = (i + 1) & mask;
	return i;
}

static void memo_put(struct memo *m, mu_coalition s, double cost)
{
	size_t i;
	if (2 * (m->n_items + 1) > m->n_slots) {
		struct memo bigger;
		memo_init(&bigger, 2 * m->n_slots);
		for (i = 0; i < m->n_slots; i++)
			if (m->is_used[i])
				memo_put(&bigger, m->key[i], m->cost[i]);
		memo_release(m);
		*m = bigger;
	}
	i = memo_slot(m, s);
	assert(!m->is_used[i]);
	m->is_used[i] = 1;
	m->key[i] = s;
	m->cost[i] = cost;
	m->n_items++;
}

static enum mu_code memo_value(struct memo *m, mu_game_value_fn v, void *ctx, mu_coalition s,
                               double *cost, struct mu_err *err)
{
	size_t i = memo_slot(m, s);
	enum mu_code rc;
	if (m->is_used[i]) {
		*cost = m->cost[i];
		return MU_OK;
	}
	rc = value_of(v, ctx, s, cost, err);
	if (rc == MU_OK)
		memo_put(m, s, *cost);
	return rc;
}

enum mu_code mu_game_sampled(size_t n, size_t samples, uint64_t seed, mu_game_value_fn v, void *ctx,
                             const struct mu_game_opts *opts, struct mu_shares *out,
                             struct mu_err *err)
{
	enum mu_code rc = MU_OK;
	struct memo memo;
	double *sum = NULL, *mean = NULL, *m2 = NULL;
	size_t order[MU_GAME_MAX_PLAYERS];
	double cost_empty = 0, cost_all = 0;
	size_t k, j, i;

	if (n < 1 || n > MU_GAME_MAX_PLAYERS)
		return mu_err_set(err, MU_E_USAGE, "shares need 1 to %d partners, not %zu",
		                  MU_GAME_MAX_PLAYERS, n);
	if (samples < 1)
		return mu_err_set(err, MU_E_USAGE, "sampled shares need at least one order");

	memo_init(&memo, 64);
	sum = mu_calloc(n, sizeof(*sum));
	mean = mu_calloc(n, sizeof(*mean));
	m2 = mu_calloc(n, sizeof(*m2));
	rc = memo_value(&memo, v, ctx, 0, &cost_empty, err);
	if (rc != MU_OK)
		goto cleanup;
	for (k = 0; k < samples; k++) {
		mu_coalition s = 0;
		double before = cost_empty;
		mu_game_order(n, seed, k, order);
		for (j = 0; j < n; j++) {
			double after = 0, marginal, delta;
			i = order[j];
			s |= (mu_coalition)1 << i;
			rc = memo_value(&memo, v, ctx, s, &after, err);
			if (rc != MU_OK)
				goto cleanup;
			marginal = before - after;
			before = after;
			/* The mean from the plain sum, so the shares add up to
			 * the saving; the spread by Welford, which does not
			 * cancel. */
			sum[i] += marginal;
			delta = marginal - mean[i];
			mean[i] += delta / (double)(k + 1);
			m2[i] += delta * (marginal - mean[i]);
		}
		cost_all = before;
		report(opts, k + 1, samples);
	}

	memset(out, 0, sizeof(*out));
	out->n = n;
	out->saving = cost_empty - cost_all;
	out->share = sum;
	out->std_error = m2;
	for (i = 0; i < n; i++) {
		sum[i] /= (double)samples;
		if (samples > 1)
			m2[i] = sqrt(m2[i] / (double)(samples - 1) / (double)samples);
		else
			m2[i] = NAN;
	}
	out->is_exact = false;
	out->n_samples = samples;
	out->n_solved = memo.n_items;
	sum = m2 = NULL;

cleanup:
	memo_release(&memo);
	free(sum);
	free(mean);
	free(m2);
	return rc;
}

void mu_shares_release(struct mu_shares *s)
{
	if (!s)
		return;
	free(s->share);
	free(s->std_error);
	memset(s, 0, sizeof(*s));
}

/* The index of the largest value of sign `sign` (+1 or -1) beyond tol, or n. */
static size_t largest(size_t n, const double *net, double sign, double tol)
{
	size_t best = n, i;
	for (i = 0; i < n; i++)
		if (sign * net[i] > tol && (best == n || sign * net[i] > sign * net[best]))
			best = i;
	return best;
}

size_t mu_game_settlement(size_t n, const double *gain, const double *share,
                          struct mu_transfer *out)
{
	double *net;
	double scale = 0, tol;
	size_t n_out = 0, i;

	if (n == 0)
		return 0;
	/* net[i] > 0: i is to receive that much; < 0: to pay. */
	net = mu_malloc(n * sizeof(*net));
	for (i = 0; i < n; i++) {
		net[i] = share[i] - gain[i];
		scale += fabs(gain[i]) + fabs(share[i]);
	}
	tol = 1e-9 * (1 + scale);
	for (;;) {
		size_t payer = largest(n, net, -1, tol);
		size_t receiver = largest(n, net, +1, tol);
		double amount;
		if (payer == n || receiver == n)
			break;
		amount = fmin(-net[payer], net[receiver]);
		assert(n_out < n - 1 && amount > 0);
		out[n_out].from = payer;
		out[n_out].to = receiver;
		out[n_out].amount = amount;
		n_out++;
		/* One of the two is settled exactly: no residue to chase. */
		if (-net[payer] <= net[receiver]) {
			net[receiver] -= -net[payer];
			net[payer] = 0;
		} else {
			net[payer] += net[receiver];
			net[receiver] = 0;
		}
	}
	free(net);
	return n_out;
}
