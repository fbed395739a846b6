/*
 * sol_polish.c - one-unit moves on a rota, priced by the duals of its own
 * linear program (the integer columns fixed, the continuous ones - short,
 * breach - free).
 *
 * A row that holds a continuous column is soft: the program re-balances it
 * after a move, and its dual prices the move. A row of integer columns only
 * (a worker's hours or rest, an agency row's capacity, a budget) is hard:
 * its activity is known exactly and a move must keep it within its limits;
 * its dual is an artefact of the fixed columns and is left out of the
 * price. Prices are one-sided, because a rota sits on many corners:
 * - one unit more of activity on a soft row is worth its dual only as far
 *   as the continuous columns it would replace (short) are above zero;
 * - one unit less costs nothing down to the row's lower limit, then its
 *   dual while a continuous column already up can rise further, else the
 *   cost of the dearest continuous column that could make up (breach).
 * The estimates hold until a soft row's dual changes, so each pass moves
 * each soft row at most once, then re-solves; a pass that does not pay as
 * a whole is undone and tried again with half as many moves.
 */
#include "sol_int.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Below this the price of a move is noise (costs are in pounds). */
#define MIN_GAIN 1e-3
/* A swap looks for its partner along one hard row; longer rows (a
 * system-wide budget) would make that search quadratic. */
#define MAX_SWAP_ROW 256

struct move {
	size_t col;
	double gain; /* estimated saving of one unit in the column's direction */
	int step;    /* +1 or -1 */
};

struct polish {
	const struct sol_model *m;
	size_t *col_first, *col_at; /* entries by column */
	size_t *row_first;          /* entries by row (m is compacted: sorted by row) */
	bool *is_soft;
	double *act;
	/* soft rows: value of one more unit of activity while absorb (the
	 * continuous columns it replaces) lasts; cost of one unit less beyond
	 * slack_down (activity above the lower limit) */
	double *up_value, *absorb, *down_cost, *slack_down;
	double *up, *down; /* integer columns: estimated saving of one unit up, down */
	size_t *locked;    /* soft rows moved in pass number locked[i] */
	size_t pass;
	struct move *done; /* moves of this pass, to undo */
	size_t n_done;
};

static int by_gain_desc(const void *a, const void *b)
{
	const struct move *x = a, *y = b;
	if (x->gain != y->gain)
		return x->gain > y->gain ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static bool is_within(const struct sol_model *m, size_t i, double value)
{
	return value <= m->row_hi[i] + 1e-9 * (1 + fabs(m->row_hi[i])) &&
	       value >= m->row_lo[i] - 1e-9 * (1 + fabs(m->row_lo[i]));
}

static void shift_rows(struct polish *p, size_t j, double step)
{
	size_t k;
	for (k = p->col_first[j]; k < p->col_first[j + 1]; k++) {
		const struct sol_entry *e = &p->m->entries[p->col_at[k]];
		p->act[e->row] += step * e->value;
	}
}

/* After the rows of j have shifted: may they stand? */
static bool rows_allow(const struct polish *p, size_t j)
{
	size_t k;
	for (k = p->col_first[j]; k < p->col_first[j + 1]; k++) {
		size_t i = p->m->entries[p->col_at[k]].row;
		if (p->is_soft[i] ? p->locked[i] == p->pass : !is_within(p->m, i, p->act[i]))
			return false;
	}
	return true;
}

static void lock_rows(struct polish *p, size_t j)
{
	size_t k;
	for (k = p->col_first[j]; k < p->col_first[j + 1]; k++)
		p->locked[p->m->entries[p->col_at[k]].row] = p->pass;
}

/* Would moving column j by step (and column with by with_step, unless it
 * is SIZE_MAX) keep every hard row within its limits and touch no soft row
 * moved before in this pass? */
static bool is_allowed(struct polish *p, size_t j, int step, size_t with, int with_step)
{
	bool is_ok;
	shift_rows(p, j, step);
	if (with != SIZE_MAX)
		shift_rows(p, with, with_step);
	is_ok = rows_allow(p, j) && (with == SIZE_MAX || rows_allow(p, with));
	shift_rows(p, j, -step);
	if (with != SIZE_MAX)
		shift_rows(p, with, -with_step);
	return is_ok;
}

/* Makes the move is_allowed approved, and records it for an undo. */
static void make_move(struct polish *p, double *x, size_t j, int step, size_t with, int with_step)
{
	shift_rows(p, j, step);
	lock_rows(p, j);
	x[j] += step;
	p->done[p->n_done++] = (struct move){j, 0, step};
	if (with != SIZE_MAX) {
		shift_rows(p, with, with_step);
		lock_rows(p, with);
		x[with] += with_step;
		p->done[p->n_done++] = (struct move){with, 0, with_step};
	}
}

/* Column k cannot go up alone: the first hard row it would break names the
 * columns that might make room - by going down one unit where their
 * coefficient there has the sign of k's (a swap), up where it has the
 * other (a pair: a pool's staff at work and a worker to work, pol_bank.c's
 * pool rows). Takes the one whose loss is smallest against k's gain. */
static bool try_swap(struct polish *p, double *x, size_t k, double gain)
{
	const struct sol_model *m = p->m;
	size_t blocking = SIZE_MAX, best = SIZE_MAX, e, r;
	double best_gain = MIN_GAIN, a_k = 0;
	int best_step = 0;
	for (e = p->col_first[k]; e < p->col_first[k + 1] && blocking == SIZE_MAX; e++) {
		const struct sol_entry *en = &m->entries[p->col_at[e]];
		if (!p->is_soft[en->row] && !is_within(m, en->row, p->act[en->row] + en->value)) {
			blocking = en->row;
			a_k = en->value;
		}
	}
	if (blocking == SIZE_MAX ||
	    p->row_first[blocking + 1] - p->row_first[blocking] > MAX_SWAP_ROW)
		return false;
	for (r = p->row_first[blocking]; r < p->row_first[blocking + 1]; r++) {
		size_t j = m->entries[r].col;
		int step = (m->entries[r].value > 0) == (a_k > 0) ? -1 : 1;
		double net = gain + (step < 0 ? p->down[j] : p->up[j]);
		if (j == k || !m->col_is_int[j] || net <= best_gain ||
		    !is_allowed(p, k, 1, j, step))
			continue;
		best = j;
		best_gain = net;
		best_step = step;
	}
	if (best == SIZE_MAX)
		return false;
	make_move(p, x, k, 1, best, best_step);
	return true;
}

/* What one unit more, and one unit less, of activity is worth on each soft
 * row (see the top of the file), from lp's solution. */
static void read_rows(struct polish *p, glp_prob *lp)
{
	const struct sol_model *m = p->m;
	size_t i, k;
	for (i = 0; i < m->n_rows; i++) {
		double dual, absorb = 0, worst = 0;
		bool has_room = false; /* a continuous column above its lower bound can rise */
		p->act[i] = glp_get_row_prim(lp, (int)i + 1);
		p->up_value[i] = p->down_cost[i] = p->slack_down[i] = 0;
		if (!p->is_soft[i])
			continue;
		dual = glp_get_row_dual(lp, (int)i + 1);
		for (k = p->row_first[i]; k < p->row_first[i + 1]; k++) {
			const struct sol_entry *e = &m->entries[k];
			size_t c = e->col;
			if (m->col_is_int[c] || e->value <= 0)
				continue;
			double value = glp_get_col_prim(lp, (int)c + 1);
			absorb += e->value * (value - m->col_lo[c]);
			if (value > m->col_lo[c] + 1e-9 && value < m->col_hi[c] - 1e-9)
				has_room = true;
			if (m->col_cost[c] / e->value > worst)
				worst = m->col_cost[c] / e->value;
		}
		/* more activity pays only while the continuous columns it
		 * replaces are above their bounds */
		p->up_value[i] = dual;
		p->absorb[i] = absorb;
		/* less activity costs nothing while the row stays above its lower
		 * limit; below it, the dual holds while a continuous column that
		 * is already up can rise further, else at worst the dearest makes
		 * up */
		p->slack_down[i] = p->act[i] - m->row_lo[i];
		p->down_cost[i] = has_room || dual > worst ? dual : worst;
	}
}

/* Estimated saving of one unit up and one unit down of integer column j. */
static void price_column(const struct polish *p, size_t j, double *up, double *down)
{
	const struct sol_model *m = p->m;
	size_t k;
	*up = -m->col_cost[j];
	*down = m->col_cost[j];
	for (k = p->col_first[j]; k < p->col_first[j + 1]; k++) {
		const struct sol_entry *e = &m->entries[p->col_at[k]];
		size_t i = e->row;
		double a = e->value, lack;
		if (!p->is_soft[i] || a <= 0)
			continue;
		if (p->up_value[i] > 0)
			*up += p->up_value[i] * (p->absorb[i] < a ? p->absorb[i] : a);
		else
			*up += p->up_value[i] * a;
		lack = a - (p->slack_down[i] > 0 ? p->slack_down[i] : 0);
		if (lack > 0)
			*down -= p->down_cost[i] * lack;
	}
}

/* The integer columns whose price says one unit up (or down) pays, best
 * first. */
static size_t list_moves(struct polish *p, const double *x, struct move *list)
{
	const struct sol_model *m = p->m;
	size_t j, n = 0;
	for (j = 0; j < m->n_cols; j++) {
		if (!m->col_is_int[j])
			continue;
		price_column(p, j, &p->up[j], &p->down[j]);
		if (x[j] + 1 > m->col_hi[j] + 1e-9)
			p->up[j] = -SOL_INF;
		if (x[j] - 1 < m->col_lo[j] - 1e-9)
			p->down[j] = -SOL_INF;
		if (p->up[j] > MIN_GAIN)
			list[n++] = (struct move){j, p->up[j], 1};
		else if (p->down[j] > MIN_GAIN)
			list[n++] = (struct move){j, p->down[j], -1};
	}
	qsort(list, n, sizeof(*list), by_gain_desc);
	return n;
}

static void fix_at(glp_prob *lp, size_t j, double value)
{
	glp_set_col_bnds(lp, (int)j + 1, GLP_FX, value, value);
}

static bool solve_within(glp_prob *lp, glp_smcp *parm, const struct sol_limit *limit)
{
	return sol_limit_simplex(lp, parm, limit) == 0 && glp_get_status(lp) == GLP_OPT;
}

size_t sol_polish(glp_prob *lp, const struct sol_model *m, const glp_smcp *parm,
                  const struct sol_limit *run_limit, double *x, double *objective)
{
	struct polish p = {.m = m};
	struct move *list = mu_malloc((m->n_cols + 1) * sizeof(*list));
	glp_smcp smcp = *parm;
	size_t limit = SIZE_MAX, n_kept = 0, i, j, n;

	sol_model_by_col(m, &p.col_first, &p.col_at);
	p.row_first = sol_model_by_row(m);
	p.is_soft = mu_calloc(m->n_rows + 1, sizeof(bool));
	for (i = 0; i < m->n_entries; i++) {
		size_t c = m->entries[i].col;
		if (!m->col_is_int[c] && m->col_lo[c] < m->col_hi[c])
			p.is_soft[m->entries[i].row] = true;
	}
	p.act = mu_malloc((m->n_rows + 1) * sizeof(double));
	p.up_value = mu_malloc((m->n_rows + 1) * sizeof(double));
	p.absorb = mu_malloc((m->n_rows + 1) * sizeof(double));
	p.down_cost = mu_malloc((m->n_rows + 1) * sizeof(double));
	p.slack_down = mu_malloc((m->n_rows + 1) * sizeof(double));
	p.up = mu_malloc((m->n_cols + 1) * sizeof(double));
	p.down = mu_malloc((m->n_cols + 1) * sizeof(double));
	p.locked = mu_calloc(m->n_rows + 1, sizeof(size_t));
	p.done = mu_malloc((2 * m->n_cols + 1) * sizeof(*p.done));
	/* each move keeps the basis dual feasible: only fixed values change */
	smcp.meth = GLP_DUALP;
	smcp.presolve = GLP_OFF;

	while (limit > 0 && !sol_limit_is_reached(run_limit)) {
		read_rows(&p, lp);
		n = list_moves(&p, x, list);
		p.pass++;
		p.n_done = 0;
		for (i = 0; i < n && p.n_done < limit; i++) {
			const struct move *mv = &list[i];
			if (is_allowed(&p, mv->col, mv->step, SIZE_MAX, 0))
				make_move(&p, x, mv->col, mv->step, SIZE_MAX, 0);
			else if (mv->step > 0 && p.n_done + 2 <= limit)
				try_swap(&p, x, mv->col, mv->gain);
		}
		if (p.n_done == 0)
			break;
		for (i = 0; i < p.n_done; i++)
			fix_at(lp, p.done[i].col, x[p.done[i].col]);
		if (solve_within(lp, &smcp, run_limit) &&
		    glp_get_obj_val(lp) < *objective - 1e-9 * (1 + fabs(*objective))) {
			*objective = glp_get_obj_val(lp);
			n_kept += p.n_done;
			continue;
		}
		/* the pass did not pay as a whole: undo it, try half as many */
		for (i = p.n_done; i-- > 0;) {
			j = p.done[i].col;
			x[j] -= p.done[i].step;
			fix_at(lp, j, x[j]);
		}
		/* back to the rota before the pass: solved whole, whatever is left
		 * (counted all the same) */
		sol_limit_simplex(lp, &smcp, &(struct sol_limit){0, 0, run_limit->work});
		limit = p.n_done / 2;
	}
	free(list);
	free(p.col_first);
	free(p.col_at);
	free(p.row_first);
	free(p.is_soft);
	free(p.act);
	free(p.up_value);
	free(p.absorb);
	free(p.down_cost);
	free(p.slack_down);
	free(p.up);
	free(p.down);
	free(p.locked);
	free(p.done);
	return n_kept;
}
