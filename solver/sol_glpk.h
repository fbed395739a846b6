/*
 * sol_glpk.h - solves a sol_model with GLPK, and writes it as MPS. GLPK's
 * objects stay inside solver/ (its .c files share them through the private
 * sol_int.h): the model is checked before it reaches GLPK (which aborts the
 * process on a bad index) and GLPK's terminal output is routed through
 * glp_term_hook, never to the user's terminal.
 */
#ifndef SOL_GLPK_H
#define SOL_GLPK_H

#include "core/mu_err.h"
#include "solver/sol_model.h"

#include <math.h>
#include <signal.h>
#include <stdbool.h>

enum sol_status {
	SOL_OPTIMAL,  /* proven optimal (a MIP: sol_is_proven) */
	SOL_FEASIBLE, /* a solution, not proven optimal (time or work limit, a stop) */
	SOL_INFEASIBLE,
	SOL_UNBOUNDED,
	SOL_NO_SOLUTION /* the time limit passed before any solution */
};

const char *sol_status_name(enum sol_status status);

/* A MIP's answer is SOL_OPTIMAL exactly when its bound meets its cost
 * within GLPK's own tolerance, whatever ended the search (branch and cut
 * run to its end, or a limit or a stop that came when the bound already
 * met the rota: a rota equal to its relaxation, stopped before GLPK's
 * search began, was "feasible" before): cost - bound <= SOL_OPTIMAL_TOL x
 * (1 + |cost|). GLPK proves its rota optimal by the same test (a node is
 * hopeless when its bound is within glp_iocp's tol_obj, 1e-7 by default,
 * of the incumbent, relative to 1 + |incumbent|): its "optimal" and ours
 * are one. It is a relative gap of about 1e-7 (mip_gap's terms), a
 * hundredth of the least gap the words show ("within less than 0.001%"). */
#define SOL_OPTIMAL_TOL 1e-7

static inline bool sol_is_proven(double objective, double bound)
{
	return objective - bound <= SOL_OPTIMAL_TOL * (1 + fabs(objective));
}

/* What ended a MIP search (sol_result's stopped_by): NONE when it ran to
 * its end (GLPK's proof, or a plan-mode LP), else the limit or the stop
 * that cut it: the time limit (time_limit, only when one was given), the
 * work limit (work_limit, only when given), or opt->stop (an interrupt).
 * A search cut short may still be optimal (sol_is_proven). */
enum sol_stop { SOL_STOP_NONE, SOL_STOP_TIME, SOL_STOP_WORK, SOL_STOP_INTERRUPT };

/* Where a variable stands in a simplex basis (a warm start). NONE: not
 * known, GLPK's default (rows basic, columns at a bound). */
enum sol_basis_status { SOL_BASIS_NONE, SOL_BASIS_BASIC, SOL_BASIS_LOWER, SOL_BASIS_UPPER };

struct sol_options {
	bool is_mip;       /* integers honoured (rota) or relaxed (plan) */
	double time_limit; /* seconds; 0 = none */
	/* MIP: the simplex iterations the search may make after the
	 * relaxation (rounding, polishing, RINS, branch and cut: GLPK's count,
	 * not its pseudo-cost start-up); 0 = none. Unlike time, work stops a
	 * search at the same point on every run: with a work limit and no time
	 * limit, every heuristic that a time limit bounds by the clock (RINS,
	 * polishing, the step guard, the choice of branching) is bounded by
	 * work, so that the answer is the same every time. GLPK may pass the
	 * limit by the iterations of one step between two of its callbacks. */
	long work_limit;
	bool want_ranges; /* LP: the range of each row's limit over which its dual holds */
	/* MIP: called about once a second with the search's state; may be NULL. */
	void (*progress)(void *ctx, double seconds, bool has_solution, double objective,
	                 bool has_bound, double bound);
	void *progress_ctx;
	/* MIP: when it points at a non-zero value the search stops with what it
	 * has (an interrupt). Set during the relaxation, it ends it within
	 * SOL_RELAX_CHUNK simplex iterations (sol_int.h; a small model's
	 * presolved relaxation runs whole), and the rota built before it
	 * (col_is_slack) is the answer, with no bound; set after, or already
	 * set when the search begins (a later search of a command stopped
	 * before), the relaxation and the rounded rota run whole first, so
	 * that the rota has a bound. May be NULL. */
	const volatile sig_atomic_t *stop;
	/* MIP, for tests: the relaxation's chunks of this many simplex
	 * iterations (0: SOL_RELAX_CHUNK), and called with progress_ctx after
	 * each (the iterations so far), to set the stop at a point fixed by
	 * work, not by the clock; may be NULL. */
	long relax_chunk;
	void (*on_relax_chunk)(void *ctx, long iterations);
	/* Start the (relaxation's) simplex from this basis, one enum
	 * sol_basis_status per row and per column; NULL: a cold start. A basis
	 * that does not fit is repaired, or dropped for a cold start. */
	const unsigned char *warm_rows, *warm_cols;
	bool want_basis; /* fill sol_result's row_basis and col_basis */
	/* A cold relaxation is solved by sifting from the columns marked here,
	 * which must let every row be met (say, short and breach); NULL: one
	 * simplex call over all columns. Worth it from SOL_SIFT_MIN_COLS. */
	const bool *col_is_core;
	/* With col_is_core: per column an enum sol_sift_late, how sifting
	 * prices it; NULL: every column SOL_SIFT_PRICED. */
	const unsigned char *col_late;
	/* The LP falls apart into independent blocks once its fixed columns
	 * are set (a two-stage plan measured with its first stage fixed: one
	 * block per scenario's day): a cold relaxation is then solved block
	 * by block, each with the fixed columns' part of its rows moved to
	 * their bounds, and the whole confirmed from the basis they make. */
	bool is_apart_when_fixed;
	/* MIP: the columns (short, breach and the like) that meet every row
	 * with all others at their lower bounds; a rota is built from them
	 * before the relaxation (sol_construct.c), so that a search stopped at
	 * any moment has one. NULL: none built. */
	const bool *col_is_slack;
	/* MIP, with col_is_slack: a rota's value of each column not marked
	 * slack (the slacks are raised from their lower bounds as ever), for
	 * the construction to start from instead of no one at work: a model
	 * whose rows no one at work cannot meet (a guarantee's caps, met by
	 * the silo rota they come from; recruit's fixed total of posts).
	 * NULL: the lower bounds. */
	const double *col_start;
};

/* Below this many columns one simplex call over all of them is as fast as
 * sifting (measured: the example's 8,176 columns take half the time). */
#define SOL_SIFT_MIN_COLS 2000

/* From this many columns, a plan-mode relaxation (not a rota's) purges
 * its working LP (sol_sift.c), and pol_solve starts sifting from a supply
 * curve's extra staff and rate steps too: both pay on bench_gen large
 * (47,000 columns) and large-supply (54,000; docs/speed.md, "Supply curves
 * (§3d)"). Below it, and in rota mode, sifting takes the path it took
 * before, so that plan mode ends on the same one of its many optima (the
 * example's 8,176 columns: the cost each partner is given, which shares
 * and the README quote) and a rota's search starts where it did. */
#define SOL_SIFT_PURGE_MIN_COLS 20000

/* How sifting takes a column not core (sol_options.col_late). A late
 * column is priced only once fewer than half a round's worth of the
 * others price negative, that is once the model without the late columns
 * is nearly solved; then those others and every late column pricing
 * negative come in at once, and every SOL_SIFT_LATE_AT_UP one whatever its
 * price, at its upper bound: a supply curve's rate steps, which on
 * bench_gen large-supply's optimum are at their bound 9 times in 10
 * (pol_solve.c, docs/speed.md "Supply curves (§3d)"). */
enum sol_sift_late {
	SOL_SIFT_PRICED = 0, /* priced every round, as ever */
	SOL_SIFT_LATE,
	SOL_SIFT_LATE_AT_UP
};

struct sol_result {
	enum sol_status status;
	double objective;
	bool has_bound; /* best bound (MIP) */
	double bound;
	double gap;               /* relative, MIP only: (objective - bound) / |objective| */
	enum sol_stop stopped_by; /* MIP: what ended the search */
	double *x;                /* column values, n_cols */
	double *row_dual;         /* LP only, else NULL: d objective / d limit */
	double *col_dual;         /* LP only: reduced costs */
	double *row_activity;     /* LP only: a.x of each row */
	/* With want_ranges: the row's active limit may move within
	 * [rhs_from, rhs_to] (-SOL_INF / SOL_INF when unbounded) and its dual
	 * still holds; NAN where GLPK could not say (singular basis). */
	double *rhs_from, *rhs_to;
	/* With want_basis: the optimal basis of the LP (of the relaxation, for
	 * a MIP), for a warm start of a similar model. */
	unsigned char *row_basis, *col_basis;
	double solve_seconds;
	long work; /* MIP: simplex iterations after the relaxation */
	/* MIP: x is no cheaper than the rota built before the relaxation
	 * (sol_options' col_is_slack): the search found nothing better */
	bool is_built;
	size_t sift_rounds; /* working LPs solved by sifting; 0: not sifted */
	/* MIP: RINS runs in the search's nodes, and their simplex iterations
	 * (part of work) */
	size_t node_rins;
	long node_rins_work;
	size_t n_rows, n_cols, n_nonzeros;
};

/* Solves m. On MU_OK, *out holds the result (release with
 * sol_result_release) whatever the status: an infeasible model is an
 * answer, not an error. MU_E_SOLVER when GLPK fails. */
enum mu_code sol_glpk_solve(struct sol_model *m, const struct sol_options *opt,
                            struct sol_result *out, struct mu_err *err);

/* Writes m as free MPS, exactly the model solved: integer columns marked
 * when is_mip. MU_E_IO when the file cannot be written. */
enum mu_code sol_glpk_write_mps(struct sol_model *m, bool is_mip, const char *path,
                                struct mu_err *err);

void sol_result_release(struct sol_result *r);

/* One linear program kept loaded between solves that differ only in
 * bounds (sol_lp.c): each solve goes on from the last
 * optimal basis. Made by sol_lp_new from m, which it keeps (m must outlive
 * it, unchanged but for sol_model_compact) with col_is_core (sifting's
 * start for the first, cold solve, as sol_options'; may be NULL). */
struct sol_lp;

enum mu_code sol_lp_new(struct sol_model *m, const bool *col_is_core, struct sol_lp **out,
                        struct mu_err *err);

/* Accepts NULL. */
void sol_lp_free(struct sol_lp *lp);

/* Column j's upper bound (not below its lower bound) for the next solve. */
void sol_lp_set_col_hi(struct sol_lp *lp, size_t j, double hi);

/* Column j's bounds, lo <= hi (-SOL_INF, SOL_INF: none), for the next solve. */
void sol_lp_set_col_bounds(struct sol_lp *lp, size_t j, double lo, double hi);

/* Row i's bounds, lo <= hi, for the next solve. */
void sol_lp_set_row_bounds(struct sol_lp *lp, size_t i, double lo, double hi);

/* Solves the LP with its bounds as set: cold the first time (sifting from
 * col_is_core), then from the last optimal basis (dual simplex for the
 * bounds closed, primal for those opened: see sol_lp.c). On MU_OK *status
 * is SOL_OPTIMAL (with *objective), SOL_INFEASIBLE, SOL_UNBOUNDED, or
 * SOL_NO_SOLUTION when its time limit passed; MU_E_SOLVER when GLPK fails. */
enum mu_code sol_lp_solve(struct sol_lp *lp, enum sol_status *status, double *objective,
                          struct mu_err *err);

/* Each solve from now may take this many seconds (0: no limit, the
 * default); one stopped by it leaves the next to start cold. */
void sol_lp_set_time_limit(struct sol_lp *lp, double seconds);

/* Marks the current basis and bounds (after a solve), to go back to. */
void sol_lp_mark(struct sol_lp *lp);

/* The next solve starts from the marked basis and the bounds it had,
 * moving from there to the bounds set (before or after this call); no
 * mark: nothing. */
void sol_lp_back_to_mark(struct sol_lp *lp);

/* The last optimal solution: one value per column into x. */
void sol_lp_x(const struct sol_lp *lp, double *x);

/* The last solve's basis: one enum sol_basis_status per row and column. */
void sol_lp_basis(const struct sol_lp *lp, unsigned char *rows, unsigned char *cols);

/* The first solve starts from this basis (enum sol_basis_status per row
 * and column, as sol_options' warm_rows and warm_cols, repaired the same
 * way) by primal simplex, instead of cold: a basis that the bounds set
 * leave primal feasible (an optimum of a model with fewer columns open).
 * Falls back to a cold solve when GLPK cannot use it. */
void sol_lp_set_start(struct sol_lp *lp, const unsigned char *rows, const unsigned char *cols);

/* Simplex iterations of every solve so far. */
long sol_lp_iterations(const struct sol_lp *lp);

#endif
