/*
 * pol_solve.h - the one solve pipeline: a scenario's model built by the
 * policies, the rota's extra rows, the solver (sifting, blocks, GLPK), and
 * the plan and prices read back. The commands, the tests and so the
 * benchmarks all solve through here; none of them sees the solver.
 */
#ifndef POL_SOLVE_H
#define POL_SOLVE_H

#include "core/mu_err.h"
#include "core/mu_keep.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* A simplex basis kept by name from one solve to warm-start the next solve
 * of a similar scenario (a sweep's next point). */
struct pol_warm;
struct pol_build;

struct pol_warm *pol_warm_new(void);

/* Accepts NULL. */
void pol_warm_free(struct pol_warm *w);

/* Whether the bank is pooled (pol_bank.c): AUTO pools rota mode's pools of
 * POL_POOL_MIN_WORKERS or more and leaves plan mode natural (measured: see
 * pol_bank.c); ALWAYS pools every pool of 2 or more that saves columns,
 * in either mode (tests); NEVER solves the natural model. */
enum pol_pooling { POL_POOL_AUTO, POL_POOL_ALWAYS, POL_POOL_NEVER };

/* Whether the relaxation is solved by sifting (from own staff, short and
 * breach): AUTO does so on models of SOL_SIFT_MIN_COLS columns or more. */
enum pol_sift { POL_SIFT_AUTO, POL_SIFT_ALWAYS, POL_SIFT_NEVER };

struct pol_solve_request {
	bool is_lp;   /* plan mode: the linear relaxation, with prices */
	bool is_silo; /* partners alone */
	/* per partner, the unfilled penalty it is guaranteed not to exceed
	 * (its silo plan's, DESIGN.md §3a); NULL: none */
	const double *guarantee_cap;
	/* per partner, whether it is in the coalition of DESIGN.md §3a that
	 * works as one system, every other partner alone; NULL: every partner
	 * (pol_build_options' coalition) */
	const bool *coalition;
	/* the kept plan of DESIGN.md §3b (--keep, --now), pol_keep.c; NULL:
	 * none (pol_build_options' keep) */
	const struct mu_keep *keep;
	double time_limit; /* seconds; 0 = none */
	/* rota: simplex iterations the search may make after the relaxation,
	 * 0 = none; a search stopped by work alone gives the same rota on
	 * every run (sol_options' work_limit) */
	long work_limit;
	/* Write the model solved (its bank pooled as pool says, before the
	 * rota's extra rows) here first, or NULL. */
	const char *mps;
	/* Write the natural model of DESIGN.md §3 here (one bank column per
	 * worker, shift, partner and role: what a user would write by hand
	 * for another solver), or NULL; built for it alone when the model
	 * solved has pools. */
	const char *mps_natural;
	enum pol_pooling pool;
	bool want_ranges; /* plan mode: the range over which each price holds */
	/* Start from the basis w holds (if any) and keep this solve's in it;
	 * NULL: a cold start. */
	struct pol_warm *warm;
	enum pol_sift sift;
	bool is_without_cuts; /* rota: leave out pol_rota_cuts.c's rows (tests) */
	/* Rota: called about once a second with the search's state; may be NULL. */
	void (*progress)(void *ctx, double seconds, bool has_solution, double objective,
	                 bool has_bound, double bound);
	void *progress_ctx;
	/* When it points at a non-zero value the search stops with what it has
	 * (sol_options' stop: set during the relaxation, the rota built before
	 * it, with no bound). */
	const volatile sig_atomic_t *stop;
	/* Rota, for tests: sol_options' relax_chunk and on_relax_chunk (with
	 * progress_ctx), to stop the relaxation at a point fixed by work. */
	long relax_chunk;
	void (*on_relax_chunk)(void *ctx, long iterations);
	/* Rota: a plan of sc whose staff make a rota of this model too (the
	 * silo plan that guarantee_cap comes from: its rota meets the caps),
	 * for the rota built before the relaxation (sol_options' col_start),
	 * so that a search stopped early still has one; borrowed. NULL: that
	 * rota starts from no one at work (which a guarantee's caps refuse). */
	const struct mu_plan *start;
	/* The scenarios of a two-stage plan (DESIGN.md §3e): what is decided
	 * now (bank rota, agency booked now) one for all, each scenario's day
	 * apart, weighed 1/N (pol_build.c); supply curves (§3d) are decided
	 * now, their extra bank staff and the rate paid with them. NULL: the
	 * plan of §3. Borrowed. Not with silo, guarantee_cap (nor the setting
	 * guarantee), coalition or keep: refused, MU_E_USAGE. */
	const struct mu_draws *draws;
	/* With draws: what is decided now fixed as this plan has it (its bank,
	 * bank_extra and agency rows: a plan of the same scenario, the two-stage plan's
	 * pol_solved.plan or the plan of §3, whose agency is all booked now),
	 * so that only the days are solved: how that plan fares on draws
	 * (flows/flow_twostage.c). NULL: decided by the solve. Borrowed. */
	const struct mu_plan *fix_now;
	/* Rota with draws, not fix_now: a search that ends before its
	 * relaxation is solved (no bound) gets the Jensen bound of the
	 * scenarios in this many groups (pol_jensen.c; at most one per
	 * scenario), and its gap and status from it; 0: none (the workflow,
	 * flow_twostage.c, asks for POL_JENSEN_GROUPS). That LP's first stage,
	 * rounded, with its days re-solved is then a second rota, reported
	 * when cheaper. Any two-stage rota whose search ends unproven has its
	 * days re-solved with what it decides now fixed (pol_solve.c). */
	size_t bound_groups;
};

/* A solved scenario. */
struct pol_solved {
	enum mu_status status;
	double objective;
	bool has_bound; /* rota: the search's best bound */
	double bound;
	double gap; /* rota: relative gap between objective and bound */
	/* rota with draws: the bound is the Jensen bound of pol_jensen.c (the
	 * search ended before its relaxation was solved) */
	bool is_bound_jensen;
	/* rota: what ended the search, as it was (optimal: its bound met its
	 * cost within GLPK's tolerance, sol_is_proven, whatever ended it;
	 * feasible: never MU_STOP_NONE) */
	enum mu_stop stopped_by;
	double time_build; /* seconds: the model (not the MPS file) */
	double time_solve;
	long work;                         /* rota: simplex iterations after the relaxation */
	size_t n_rows, n_cols, n_nonzeros; /* of the model solved */
	size_t sift_rounds;                /* 0: not sifted */
	size_t node_rins;                  /* rota: RINS runs in the search's nodes */
	long node_rins_work;               /* rota: their simplex iterations (in work) */
	struct mu_plan *plan;              /* the plan found */
	struct mu_price_row *prices;       /* plan mode: one per model row; else NULL */
	size_t n_prices;
	struct pol_build *build; /* the model solved; the prices borrow its names */
	/* with a kept plan: per kept row, whether the model could keep it
	 * (mu_keep_changes' gone); borrowed from build. NULL without one. */
	const enum mu_keep_gone *keep_gone;
	/* with draws: per scenario, its day's plan (pol_plan_day), n_days of
	 * them, owned; plan is then what is decided now alone. The objective
	 * is plan's cost + the mean over the days of (day's cost - plan's). */
	struct mu_plan **days;
	size_t n_days;
};

/* Solves sc as req asks. MU_OK with *out filled (a plan found: optimal, or
 * feasible when a time or work limit or stop cut the search short); release with
 * pol_solved_release, also after a failure. MU_E_IO (the MPS file),
 * MU_E_SOLVER (no plan: infeasible, unbounded, out of time, GLPK failed),
 * MU_E_INPUT (a model too large to build, refused before the build). */
enum mu_code pol_solve(const struct mu_scenario *sc, const struct pol_solve_request *req,
                       struct pol_solved *out, struct mu_err *err);

void pol_solved_release(struct pol_solved *s);

/* The scenarios of a two-stage plan in this many groups for its Jensen
 * bound (pol_jensen.c): on the example's 50 the LP of 5 mean days solves
 * in seconds, where the whole one takes GLPK minutes. */
#define POL_JENSEN_GROUPS 5

/* Per day of b (a two-stage build), its group of n_groups (1 to n_days):
 * the days sorted by the staff-hours they require, cut into groups of
 * consecutive ones whose sizes differ by one at most. group_of has
 * b->n_days places. */
void pol_jensen_groups(const struct pol_build *b, size_t n_groups, size_t *group_of);

/* The Jensen bound of b's two-stage model (pol_jensen.c) with its days in
 * n_groups groups (from 1; more than n_days is n_days): at most the
 * optimum of b's LP, and so of its rota; equal to the LP's with a group per
 * day. *has_bound false when the days are not one LP but for bounds, or
 * the LP was not solved within time_limit seconds (0: none); then *bound
 * is not written. With a bound and x_now (b's columns; NULL: not wanted),
 * what its LP decides now rounded to whole (sol_round_lp: the 0/1 columns,
 * then the others, each down and then up where no row's upper limit
 * breaks) into x_now's integer columns of what is decided now, a first
 * stage planned for the spread; its other places are not written. b's
 * model is compacted. MU_OK, or MU_E_SOLVER when GLPK failed; err may be
 * NULL. */
enum mu_code pol_jensen_bound(struct pol_build *b, size_t n_groups, double time_limit,
                              bool *has_bound, double *bound, double *x_now, struct mu_err *err);

/* The values of the game of DESIGN.md §3a: one plan-mode model of every
 * partner kept loaded, each coalition solved from the last one's basis
 * (pol_game.c). Made from sc, which must outlive it. */
struct pol_game;

enum mu_code pol_game_new(const struct mu_scenario *sc, struct pol_game **out, struct mu_err *err);

/* Accepts NULL. */
void pol_game_free(struct pol_game *g);

/* v(S): the plan-mode objective with the partners p with in[p] working as
 * one system and the others alone; the same as pol_solve with coalition in
 * (up to the simplex's tolerances). MU_E_SOLVER when it is not solved to
 * optimality. */
enum mu_code pol_game_value(struct pol_game *g, const bool *in, double *objective,
                            struct mu_err *err);

/* The cash spend (travel, bank pay, agency charges; DESIGN.md §3) of the
 * plan of the last pol_game_value that returned MU_OK: the optimal plan
 * GLPK returned, one of possibly many of the same cost whose spends differ.
 * Only after such a call. */
double pol_game_spend(const struct pol_game *g);

/* Simplex iterations of every value so far. */
long pol_game_iterations(const struct pol_game *g);

#endif
