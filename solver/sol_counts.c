/*
 * sol_counts.c - count columns for GLPK's branch and cut (issue 28): for
 * each row that mixes whole staff (integer columns, whole coefficients)
 * with continuous ones (short, breach), an integer column n = the row's
 * whole part, so that GLPK can branch on "this demand row has at most k /
 * at least k + 1 staff" instead of on one of many interchangeable offers.
 *
 * Why: on tiny-c (rota-proofs: 22 integer agency counts under one system
 * budget, many offers alike in cost and in the short they save) GLPK
 * branched on single offers for 50,000 nodes, its bound flat at the
 * root's, and took 11-17 s to prove (CBC: 16 nodes, 0.1 s, by strong
 * branching and cuts in the tree). With the counts it proves it in
 * 0.4-0.6 s; small-b 9.7 s to 8.1 s; small-a unchanged (GLPK on muster's
 * model of each). muster solve --time-limit 60 proves tiny-c in 3.0 s
 * instead of 44.6 s and small-b in 3.2 s instead of 19.8 s (measured
 * 2026-12-07, load 2-5; docs/rota-proofs.md).
 *
 * Price classes: a budget row (agency_budget; its integer columns all
 * priced, at rate times shift hours) gets, for each price that two or
 * more of its offers share (one rate, one shift length), a count n = the
 * number of those offers booked. With the demand counts alone GLPK's
 * tree on small-a moved a budget's fraction (0.065 of an offer) from one
 * offer of a price to the next at every node, its bound flat at 40,015.49
 * (system; the optimum 40,087.69) for 60 s and 50,000 nodes; branching on
 * "this price class has at most k offers" ends it: small-a is proven in 3
 * nodes (system) and 53 (silo), tiny-c in 43 (was 11,067), small-b in
 * 1,481 (was 3,503), bench_gen small at scale 0.8 (1,393 columns) in 2 s
 * (was 0.02% short of proven at 30 s). Measured 2026-12-07, load 3-4;
 * docs/rota-proofs.md.
 *
 * The price classes are added to models under SOL_CLASSES_MAX_COLS
 * columns: bench_gen small (2,206 columns) and small-mixed (2,174), not
 * proven in 60 s before (nor by CBC), are proven in 4.3 s and 3.5 s with
 * them alone (with the demand counts as well, small was not); the
 * example (9,705) was proven in 30.6 s with them against 13.8 s without,
 * so it and bigger models go without (medium, 11,955, did better with
 * them: 0.003% at 60 s against 0.037%, a case for a next measurement).
 * Measured 2026-12-07 17:50-17:57, load 2.4-3.
 *
 * The demand counts only on models under SOL_COUNTS_MAX_COLS columns: on bench_gen small
 * (2,206 columns) they changed nothing at 60 s (the same rota and bound);
 * on medium (11,955) the rota at 60 s was 0.013% dearer (4,188,238.63
 * against 4,187,708.93) and the bound lower (4,186,021 against
 * 4,186,343), the thousands of count rows slowing every node's LP.
 *
 * The columns exist only in GLPK's problem during branch and cut, after
 * every column of the model (the model, its MPS, the relaxation, rounding
 * and polishing never see them): exact, since n is fixed by its row.
 */
#include "sol_int.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdlib.h>

#define SOL_COUNTS_MAX_COLS 2000
#define SOL_CLASSES_MAX_COLS 5000

/* A row's whole part, if it has one worth a count: at least two integer
 * columns, all with positive whole coefficients, and a continuous column
 * beside them (else the row is all integer, and GLPK branches on it
 * well enough as it is). */
static bool whole_part(const struct sol_model *m, const size_t *first, size_t i)
{
	size_t k, n_int = 0, n_cont = 0;
	for (k = first[i]; k < first[i + 1]; k++) {
		const struct sol_entry *e = &m->entries[k];
		if (!m->col_is_int[e->col])
			n_cont++;
		else if (e->value > 0 && fabs(e->value - floor(e->value + 0.5)) < 1e-9)
			n_int++;
		else
			return false;
	}
	return n_int >= 2 && n_cont >= 1;
}

/* Whether rows i and j have the same whole part (a demand row's cover and
 * floor rows do): one count serves both. */
static bool same_part(const struct sol_model *m, const size_t *first, size_t i, size_t j)
{
	size_t a = first[i], b = first[j];
	for (;;) {
		while (a < first[i + 1] && !m->col_is_int[m->entries[a].col])
			a++;
		while (b < first[j + 1] && !m->col_is_int[m->entries[b].col])
			b++;
		if (a == first[i + 1] || b == first[j + 1])
			return a == first[i + 1] && b == first[j + 1];
		if (m->entries[a].col != m->entries[b].col ||
		    m->entries[a].value != m->entries[b].value)
			return false;
		a++;
		b++;
	}
}

/* A hash of a row's whole part, for finding the rows that share one. */
static size_t part_hash(const struct sol_model *m, const size_t *first, size_t i)
{
	size_t k, h = 2166136261u;
	for (k = first[i]; k < first[i + 1]; k++)
		if (m->col_is_int[m->entries[k].col])
			h = (h ^ (m->entries[k].col * 31 + (size_t)m->entries[k].value)) *
			    16777619u;
	return h;
}

bool sol_counts_is_small(const struct sol_model *m)
{
	return m->n_cols < SOL_COUNTS_MAX_COLS;
}

bool sol_counts_has_classes(const struct sol_model *m)
{
	return m->n_cols < SOL_CLASSES_MAX_COLS;
}

/* Adds the count n = sum val[k] ind[k] (k = 1..len; ind and val have room
 * for one more) as GLPK's next column and row; lo and hi are its bounds. */
static void add_count(glp_prob *lp, int len, int *ind, double *val, double lo, double hi)
{
	int row = glp_add_rows(lp, 1), col = glp_add_cols(lp, 1);
	ind[++len] = col;
	val[len] = -1;
	glp_set_mat_row(lp, row, len, ind, val);
	glp_set_row_bnds(lp, row, GLP_FX, 0, 0);
	glp_set_col_kind(lp, col, GLP_IV);
	glp_set_col_bnds(lp, col,
	                 !isfinite(lo)   ? (isfinite(hi) ? GLP_UP : GLP_FR)
	                 : !isfinite(hi) ? GLP_LO
	                 : lo == hi      ? GLP_FX
	                                 : GLP_DB,
	                 isfinite(lo) ? lo : 0, isfinite(hi) ? hi : 0);
	/* the basis stays a basis: the count basic in its own row */
	glp_set_row_stat(lp, row, GLP_NS);
	glp_set_col_stat(lp, col, GLP_BS);
}

/* Whether row i is one whose integer columns (three or more) all have
 * positive coefficients, not all whole: a budget row (an agency offer's
 * cost is its rate times its shift's hours). */
static bool is_priced_row(const struct sol_model *m, const size_t *first, size_t i)
{
	size_t k, n_int = 0;
	bool is_whole = true;
	for (k = first[i]; k < first[i + 1]; k++) {
		const struct sol_entry *e = &m->entries[k];
		if (!m->col_is_int[e->col])
			continue;
		if (e->value <= 0)
			return false;
		if (fabs(e->value - floor(e->value + 0.5)) > 1e-9)
			is_whole = false;
		n_int++;
	}
	return n_int >= 3 && !is_whole;
}

/* The class counts of a priced row: for each coefficient that two or more
 * of its integer columns share (the offers of one rate and one shift
 * length), n = the sum of those columns. Returns how many it added. */
static int add_class_counts(glp_prob *lp, const struct sol_model *m, const size_t *first, size_t i,
                            int *ind, double *val)
{
	size_t k, q;
	int n_added = 0;
	for (k = first[i]; k < first[i + 1]; k++) {
		const struct sol_entry *e = &m->entries[k];
		int len = 0;
		bool is_new = m->col_is_int[e->col];
		double lo = 0, hi = 0;
		for (q = first[i]; q < k && is_new; q++) /* the class's first column */
			is_new =
			    !(m->col_is_int[m->entries[q].col] && m->entries[q].value == e->value);
		if (!is_new)
			continue;
		for (q = k; q < first[i + 1]; q++) {
			const struct sol_entry *f = &m->entries[q];
			if (!m->col_is_int[f->col] || f->value != e->value)
				continue;
			ind[++len] = (int)f->col + 1;
			val[len] = 1;
			lo += m->col_lo[f->col];
			hi += m->col_hi[f->col];
		}
		if (len >= 2) {
			add_count(lp, len, ind, val, lo, hi);
			n_added++;
		}
	}
	return n_added;
}

int sol_counts_add(glp_prob *lp, const struct sol_model *m)
{
	size_t *first, *seen, i, k, n_slots = 2 * m->n_rows + 1;
	int *ind, n_added = 0;
	double *val;
	bool has_demand_counts = sol_counts_is_small(m);
	if (!sol_counts_has_classes(m))
		return 0; /* see the top of the file */
	first = sol_model_by_row(m);
	seen = mu_malloc(n_slots * sizeof(size_t)); /* row + 1 of a count, or 0 */
	ind = mu_malloc((m->n_cols + 2) * sizeof(int));
	val = mu_malloc((m->n_cols + 2) * sizeof(double));
	for (k = 0; k < n_slots; k++)
		seen[k] = 0;
	for (i = 0; i < m->n_rows; i++) {
		int len = 0;
		double lo = 0, hi = 0;
		size_t slot;
		if (is_priced_row(m, first, i)) {
			n_added += add_class_counts(lp, m, first, i, ind, val);
			continue;
		}
		if (!has_demand_counts || !whole_part(m, first, i))
			continue;
		slot = part_hash(m, first, i) % n_slots;
		while (seen[slot] && !same_part(m, first, seen[slot] - 1, i))
			slot = (slot + 1) % n_slots;
		if (seen[slot])
			continue; /* a count of this part is there */
		seen[slot] = i + 1;
		for (k = first[i]; k < first[i + 1]; k++) {
			const struct sol_entry *e = &m->entries[k];
			if (!m->col_is_int[e->col])
				continue;
			ind[++len] = (int)e->col + 1;
			val[len] = e->value;
			lo += e->value * m->col_lo[e->col];
			hi += e->value * m->col_hi[e->col];
		}
		add_count(lp, len, ind, val, lo, hi);
		n_added++;
	}
	free(first);
	free(seen);
	free(ind);
	free(val);
	return n_added;
}

void sol_counts_fill(glp_prob *lp, int n_model_rows, int n_model_cols, double *x)
{
	int n = glp_get_num_cols(lp), j, k;
	int *ind = mu_malloc(((size_t)n + 1) * sizeof(int));
	double *val = mu_malloc(((size_t)n + 1) * sizeof(double));
	/* count k's row is the model's rows' k-th after (GLPK's cuts come
	 * later, and may hold the count too) */
	for (j = n_model_cols + 1; j <= n; j++) {
		int len = glp_get_mat_row(lp, n_model_rows + j - n_model_cols, ind, val);
		double sum = 0;
		for (k = 1; k <= len; k++)
			if (ind[k] != j)
				sum += val[k] * x[ind[k]];
		x[j] = sum;
	}
	free(ind);
	free(val);
}
