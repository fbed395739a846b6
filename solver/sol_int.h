/*
 * sol_int.h - what the solver's own .c files share, in GLPK's terms (as
 * SQLite's whereInt.h is for where*.c). The only file that includes
 * <glpk.h>: no header outside solver/ and no test includes it, so GLPK's
 * objects never leave the solver.
 */
#ifndef SOL_INT_H
#define SOL_INT_H

#include "core/mu_err.h"
#include "solver/sol_glpk.h"
#include "solver/sol_model.h"

#include <glpk.h>
#include <stdbool.h>
#include <stddef.h>

/* sol_limit.c: what a step of a search may still spend. */

/* What a step of a rota search may still spend: the clock until deadline
 * (mu_time_now() seconds; 0: none) and simplex iterations (the search's
 * work) until *work reaches work_end (0: none). Every step adds the
 * iterations it makes to *work (work may be NULL only when work_end is 0),
 * so that a search stopped by work stops at the same point on every run:
 * GLPK is deterministic given the same model and parameters, the clock is
 * not. */
struct sol_limit {
	double deadline;
	long work_end;
	long *work;
};

/* True when the clock or the work of l has run out. */
bool sol_limit_is_reached(const struct sol_limit *l);

/* glp_simplex(lp, parm) within l: parm's time and iteration limits are
 * set from what l has left (parm is changed), and the iterations made are
 * added to *l->work. Returns glp_simplex's code; GLP_ETMLIM, without a
 * call, when l has already run out. */
int sol_limit_simplex(glp_prob *lp, glp_smcp *parm, const struct sol_limit *l);

/* A rota search's relaxation, watched between chunks of simplex
 * iterations: glp_simplex runs to its end before it looks at anything, so
 * a Ctrl-C during a long relaxation waited for all of it. Each call of
 * sol_relax_simplex runs GLPK SOL_RELAX_CHUNK iterations at a time, from
 * the basis the last chunk left (presolve off), and between chunks looks
 * at stop and tells on_chunk. */
struct sol_relax_watch {
	const volatile sig_atomic_t *stop;            /* non-zero: stop; NULL: never */
	void (*on_chunk)(void *ctx, long iterations); /* may be NULL */
	void *ctx;
	long chunk;      /* iterations a chunk; 0: SOL_RELAX_CHUNK */
	long iterations; /* made so far, over every call */
};

/* Simplex iterations of one chunk. Going on from the basis a chunk left
 * is not the same run as one call (GLPK starts its steepest-edge weights
 * and its perturbation afresh) and may end at another optimum of the same
 * cost, so a chunk is longer than the relaxations muster solves daily:
 * the example's rota (sifted: calls of at most 902 iterations) and
 * recruit's two weeks of it (one call of 2,608: chunks of 2,000 changed
 * its posts) are solved exactly as before. At GLPK's 0.2-0.7 ms an
 * iteration on bench_gen large (docs/speed.md), a stop waits 1-3.5 s. */
#define SOL_RELAX_CHUNK 5000

/* glp_simplex(lp, parm) in chunks, parm->presolve off (parm's it_lim and
 * tm_lim bound the whole call; parm is changed). Returns glp_simplex's
 * code, or GLP_ESTOP when w's stop was set at the end of a chunk (lp then
 * holds that chunk's basis, not an optimum). w NULL: one glp_simplex call. */
int sol_relax_simplex(glp_prob *lp, glp_smcp *parm, struct sol_relax_watch *w);

/* sol_glpk.c: loading a model into GLPK, and GLPK's terminal. */

/* Everything GLPK would abort the process on (a bad index, a name over
 * 255 characters, a non-finite value, crossed bounds), checked first:
 * MU_E_SOLVER. Every model goes through it before sol_glpk_load. */
enum mu_code sol_glpk_check(const struct sol_model *m, struct mu_err *err);

/* m (compacted here) as a new GLPK problem, minimising; integer columns
 * marked GLP_IV when is_mip. Free with glp_delete_prob. */
glp_prob *sol_glpk_load(struct sol_model *m, bool is_mip);

/* A glp_term_hook that prints nothing: set it around every use of GLPK,
 * so that none of its output reaches the user's terminal. */
int sol_glpk_swallow(void *info, const char *s);

/* enum sol_basis_status of a GLPK status (GLP_BS, GLP_NL, ...). */
unsigned char sol_glpk_basis_status(int glp_stat);

/* GLPK's bound type (GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX) of [lo, hi],
 * -SOL_INF and SOL_INF meaning no bound. */
int sol_glpk_bound_type(double lo, double hi);

/* lp's basis, one enum sol_basis_status per row and per column. */
void sol_glpk_get_basis(glp_prob *lp, unsigned char *rows, unsigned char *cols);

/* Sets the basis rows and cols give (enum sol_basis_status each; NONE: a
 * row basic, a column at a bound). Basic variables beyond the number of
 * rows go to a bound (columns first); too few are made up with row
 * slacks, so that GLPK accepts the basis; a singular one is caught by the
 * caller's simplex call. */
void sol_glpk_set_basis(glp_prob *lp, const unsigned char *rows, const unsigned char *cols);

/* The answer of lp, just solved to optimality, into out (whose n_rows and
 * n_cols are set): objective, x, reduced costs, duals and row activities;
 * with is_basis also the basis. Allocates what it fills. */
void sol_glpk_read_lp(glp_prob *lp, bool is_basis, struct sol_result *out);

/* sol_construct.c: a rota before any relaxation. */

/* A solution of m (compacted) made without a solver: every column at its
 * lower bound (0 where 0 is within its bounds), or, where start is not
 * NULL, each column not marked is_slack at its start value (within its
 * bounds, a whole number where integer); then the columns marked is_slack
 * raised until each row is met. Fills x (n_cols) and *objective; false
 * when some row is still not met (see sol_construct.c: a guarantee's caps
 * without a start, a kept past that breaks a limit), x then meaningless. */
bool sol_construct(const struct sol_model *m, const bool *is_slack, const double *start, double *x,
                   double *objective);

/* sol_sift.c: the linear relaxation of a model with many more columns
 * than rows, solved by sifting. */

enum sol_sift_outcome {
	SOL_SIFT_OPTIMAL, /* lp holds an optimal basis and solution */
	SOL_SIFT_TIME_UP, /* deadline passed; lp is unsolved */
	SOL_SIFT_STOPPED, /* the watch's stop was set; lp is unsolved */
	SOL_SIFT_FAILED   /* no answer (infeasible, unbounded, GLPK trouble): solve lp whole */
};

/* Solves the relaxation of lp, which holds the whole of m (compacted), by
 * sifting from the columns col_is_core marks: those must let every row be
 * met (short and breach do). parm is GLPK's simplex settings (copied, not
 * changed); deadline is mu_time_now() seconds, 0 for none; each simplex
 * call goes through sol_relax_simplex with watch (may be NULL). With
 * is_purging, the columns priced out leave the working LP again after a
 * round that lowered the objective (sol_sift.c). col_late (NULL: none)
 * marks the columns priced late, as enum sol_sift_late says. *n_rounds
 * gets the number of working LPs solved. */
enum sol_sift_outcome sol_sift_solve(glp_prob *lp, const struct sol_model *m,
                                     const bool *col_is_core, const unsigned char *col_late,
                                     bool is_purging, const glp_smcp *parm, double deadline,
                                     struct sol_relax_watch *watch, size_t *n_rounds);

/* sol_blocks.c: an LP whose columns fall apart into independent groups of
 * rows, solved one group at a time. */

/* When lp's rows fall into two or more blocks that share no column, solves
 * each block alone with the simplex settings parm (copied; presolve off)
 * and gives lp the optimal basis they make together; lp itself is left
 * unsolved, so a simplex call from that basis finishes in no iterations.
 * *n_blocks gets the number of blocks. Returns false, lp's basis then
 * partly changed, when lp is one block, has a column in no row, or a
 * block has no optimum (infeasible, unbounded, GLPK trouble): solve it
 * whole then. */
bool sol_blocks_solve(glp_prob *lp, const glp_smcp *parm, size_t *n_blocks);

/* As sol_blocks_solve, but a fixed column (GLP_FX) joins no block: each
 * block is solved with the fixed columns' activity taken off its rows'
 * bounds, and the fixed columns are nonbasic in the basis lp gets. */
bool sol_blocks_solve_fixed_apart(glp_prob *lp, const glp_smcp *parm, size_t *n_blocks);

/* sol_polish.c: improves a rota by moves of one unit that the duals of
 * the rota's own linear program say will pay. */

/* lp holds the whole of m (compacted) with every integer column fixed at
 * x (GLP_FX) and solved to optimality; *objective is its value. Returns the
 * number of moves kept: x, *objective and lp (still fixed, still solved)
 * then hold the cheaper rota. parm is GLPK's simplex settings (copied);
 * passes stop when limit runs out (its iterations are counted in it). */
size_t sol_polish(glp_prob *lp, const struct sol_model *m, const glp_smcp *parm,
                  const struct sol_limit *limit, double *x, double *objective);

/* sol_counts.c: count columns for branch and cut (issue 28). */

/* Adds to lp, after its columns, an integer column and a row n = sum a_j x_j
 * for each row of m whose integer part is two or more columns with
 * positive whole coefficients beside a continuous column (one for a cover
 * and a floor row with the same part); a basic count per row keeps lp's
 * basis one. Returns how many it added. lp must hold m's rows and columns
 * first, in m's order (and no more columns). */
int sol_counts_add(glp_prob *lp, const struct sol_model *m);
/* (and, in models under SOL_CLASSES_MAX_COLS columns, for each price two
 * or more integer columns of a budget-like row share, a count of those
 * columns: sol_counts.c) */

/* Whether m is small enough for the demand counts: under
 * SOL_COUNTS_MAX_COLS columns (sol_glpk.c's search also keeps its bound
 * by it). The price classes go further (SOL_CLASSES_MAX_COLS). */
bool sol_counts_is_small(const struct sol_model *m);
/* Whether m gets the price classes: under SOL_CLASSES_MAX_COLS columns
 * (sol_glpk.c's search runs RINS in its nodes only in bigger models). */
bool sol_counts_has_classes(const struct sol_model *m);

/* Sets x[j] (1-based, as GLPK's) of every count column after
 * n_model_cols to its row's sum over x; the model has n_model_rows rows,
 * and lp the counts' rows after them, as sol_counts_add left it. */
void sol_counts_fill(glp_prob *lp, int n_model_rows, int n_model_cols, double *x);

#endif
