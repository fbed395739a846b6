/*
 * pol_build.h - turns a scenario into the model of DESIGN.md §3. Each policy
 * (one file each) adds its rows and columns through the solver's model API;
 * the table in pol_build.c runs them in order. Every column carries what it
 * means (struct pol_col) so that a solution reads back as plan rows.
 */
#ifndef POL_BUILD_H
#define POL_BUILD_H

#include "core/mu_draws.h"
#include "core/mu_err.h"
#include "core/mu_keep.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"
#include "solver/sol_model.h"

#include <stdbool.h>

/* What one model column means, and its bounds. Written with designated
 * initialisers; fields a source does not use are left out (zero) and never
 * read: demand, partner and worker_role where the source covers demand or
 * has staff, home where it has one, worker for bank and pool workers,
 * offer for agency, lend, bank and pool workers, shift and pool for the
 * pooled bank (see mu_source_info and pol_bank.c). Its objective cost is
 * spend + the penalties. */
struct pol_col {
	enum mu_source source;
	size_t demand;      /* the demand row it covers, or is the slack of */
	size_t partner;     /* where it counts; pol_build_add_cover_col sets it */
	size_t worker_role; /* the role that works */
	size_t home;        /* partner the staff come from (own, lend, bank) */
	size_t worker;      /* bank worker */
	/* agency row (agency), agreement row (lend), availability row (bank,
	 * pool worker) */
	size_t offer;
	size_t shift;                 /* pool worker: the shift worked */
	size_t pool;                  /* pool worker, pool: index into pol_build.pools */
	double lo, hi;                /* bounds: staff, or the rule's own unit; hi may be SOL_INF */
	bool is_int;                  /* whole numbers in rota mode */
	double hours;                 /* paid hours per staff */
	double spend;                 /* cash £ per staff: travel, bank pay, agency charge */
	double penalty[MU_PEN_COUNT]; /* penalty weights £ per staff, by kind */
	double recharge;              /* £ per staff the host owes the home partner */
	bool is_break_glass;
	bool is_post; /* an own column of a post (pol_recruit.c); offer: its recruits.csv row */
	/* a two-stage plan (DESIGN.md §3e): the scenario whose day it is
	 * part of, or MU_ALL: decided now (and every column of a model
	 * without scenarios); pol_build_add_col sets it */
	size_t scenario;
	bool is_late; /* late agency (pol_late_agency.c): booked on the day */
};

/* What one model row limits (prices.csv `kind`, with its index). */
struct pol_row {
	enum mu_row_kind kind;
	size_t index;
	size_t shift; /* MU_ALL unless the kind says */
};

/* A pool of bank workers on one shift (pol_bank.c): the workers of one
 * role cleared for the same partners, who offered it with one preference. */
struct pol_pool {
	size_t shift;
	size_t row;    /* sum of its staff at work - sum of its workers working <= 0 */
	size_t worker; /* its first worker (names its columns) */
	/* its first worker's availability row: the preference all its workers
	 * have for the shift (pol_preference.c) */
	size_t offer;
};

/* A supply curve of DESIGN.md §3d (pol_supply.c): role-r bank staff on
 * shift s of one group of partners (the system, a coalition, or one
 * partner alone). Its ladder's rungs w_0 < ... < w_K, the staff S(w_k)
 * to be had at each, and E's slope on each step (step 0: from 0 to
 * S(w_0), at w_0). */
struct pol_curve {
	size_t role, shift;
	size_t group; /* pol_build_supply_group's index: a partner, or n_partners */
	size_t n_offers;
	size_t n_rungs; /* K + 1 */
	double *rate;   /* w_k, £/h before the unsocial factor */
	double *supply; /* S(w_k) */
	double *slope;  /* E's slope from S(w_{k-1}) to S(w_k), £/h per staff */
	/* the model column of step k >= 1 is first_step + k - 1 (n_rungs - 1
	 * of them); MU_ALL: none */
	size_t first_step;
	/* its rows: supply (named + extra - steps <= S(w_0); pol_plan.c reads
	 * its dual as rates.csv's price), extra (extra <= S(top) - n) and
	 * paid (the rate for n + extra); MU_ALL: none */
	size_t supply_row, extra_row, paid_row;
	double paid_coef; /* the extra columns' coefficient in the paid row */
};

/* Demand moved by a discharge pathway (DESIGN.md §3f, pol_flow.c): on
 * demand row `demand` (a shift of day `day` of pol_build.flow_days), staff
 * per patient discharged by that day, care added (> 0) or ward demand
 * freed (< 0, at most the row's required in all); block: the scenario's
 * day whose rows it moves (§3e), MU_ALL without scenarios. */
struct pol_flow_move {
	size_t demand, flow, day, block;
	double staff;
};

/* Pools of fewer workers keep their x columns in rota mode (pol_bank.c's
 * header has the measurements). */
#define POL_POOL_MIN_WORKERS 4

/* How a scenario becomes a model. Zero is the natural model of DESIGN.md
 * §3: one bank column per worker, shift, partner and role. */
struct pol_build_options {
	bool is_silo; /* partners alone */
	/* pool the bank (pol_bank.c) where a pool on a shift has this many
	 * workers or more and saves columns; 0: no pools */
	size_t pool_min_workers;
	/* The guarantee of DESIGN.md §3a: per partner, the most unfilled
	 * penalty (short and breach) its demand rows may carry, its silo
	 * plan's; NULL: no guarantee (pol_guarantee.c). Read while building
	 * only. */
	const double *guarantee_cap;
	/* The coalition of DESIGN.md §3a: per partner, whether it works with
	 * the others in it (lending only under agreements with both ends in
	 * it; bank workers homed in it at its partners they are cleared for);
	 * every other partner works alone. NULL: every partner (or none, with
	 * is_silo). Read while building only (the build keeps its own copy). */
	const bool *coalition;
	/* The kept plan of DESIGN.md §3b (--keep, --now): its bank
	 * assignments and agency bookings kept unless changing them is worth
	 * more than change_penalty, its past shifts fixed (pol_keep.c). NULL:
	 * none. Read while building only. */
	const struct mu_keep *keep;
	/* The posts of DESIGN.md §3c: each recruits.csv row's posts a column
	 * (MU_SRC_POSTS, cost 0: the joint model of pol_recruit_solve.c shares
	 * it between weeks and costs it) and its staff own columns within them
	 * (pol_recruit.c). */
	bool is_recruit;
	/* pol_game's one model of every coalition (DESIGN.md §3a, §3d): a
	 * supply curve per partner over its home workers' offers, extra staff
	 * wherever they are cleared, and columns that count one partner's
	 * staff in another's curve (MU_SRC_SUPPLY_MOVE); pol_game opens those
	 * between partners of the coalition, whose curves then add up to the
	 * coalition's one (S and E scale with n: the rungs and slopes do not
	 * depend on it). */
	bool is_game;
	/* The scenarios of a two-stage plan (DESIGN.md §3e, pol_build.c's
	 * header): the policies marked per day build each scenario's day
	 * apart, the others what is decided now. NULL: the model of §3.
	 * Borrowed: it must outlive the build. */
	const struct mu_draws *draws;
};

struct pol_build {
	const struct mu_scenario *sc;
	/* the scenario as given: sc, but while a day of a two-stage plan is
	 * built, when sc is that day's. A rule of the day shapes its rows and
	 * columns by base and bounds them by sc, so that every day is one LP
	 * but for its bounds (the Jensen bound, pol_jensen.c, needs it) */
	const struct mu_scenario *base;
	struct pol_build_options opt;
	struct pol_pool *pools;
	size_t n_pools, cap_pools;
	struct sol_model *m;
	struct pol_col *cols; /* one per model column */
	size_t cap_cols;
	struct pol_row *rows; /* one per model row */
	size_t cap_rows;
	/* per demand row: covered + short + breach >= required, and covered +
	 * breach >= minimum; with scenarios, the rows of the day being built
	 * (the first day's after the build) */
	size_t *cover_row;
	size_t *floor_row;
	/* with scenarios: the days (each the scenario with the draw's demand
	 * and staff, mu_draws_day; its other arrays borrowed from sc), the
	 * one being built (MU_ALL: what is decided now, and always without
	 * scenarios), and every day's cover and floor rows, n_demand a day */
	size_t n_days;
	size_t day;
	struct mu_scenario *days;
	size_t *cover_rows, *floor_rows;
	size_t *demand_at;  /* (partner, role, shift) -> demand row or MU_ALL */
	double *efficiency; /* (worker role, demand role) -> e, 0 when it cannot cover */
	bool *in_coalition; /* per partner, opt.coalition copied; NULL: every partner */
	/* with a kept plan: per bank worker, whether it has a kept assignment
	 * (pol_bank.c pools none of them); per kept row, whether the model
	 * could keep it (pol_keep.c). NULL without one. */
	bool *is_kept_worker;
	enum mu_keep_gone *keep_gone;
	size_t n_keep;
	/* with opt.is_recruit: per recruits.csv row, its posts column, or MU_ALL
	 * (max_posts 0); else NULL */
	size_t *posts_col;
	/* the supply curves of §3d (pol_supply.c), and (group, role, shift)
	 * -> curve or MU_ALL; none and NULL while every supply is fixed */
	struct pol_curve *curves;
	size_t n_curves, cap_curves;
	size_t *curve_at;
	/* the discharge pathways of §3f (pol_flow.c): the days of the
	 * horizon, per (pathway, day) its discharge column, and the demand
	 * each moves; none and NULL without flow.csv */
	long *flow_days;
	size_t n_flow_days;
	size_t *discharge_col;
	struct pol_flow_move *flow_moves;
	size_t n_flow_moves, cap_flow_moves;
};

struct pol_policy {
	const char *name;
	void (*apply)(struct pol_build *b);
	/* a rule of the day (DESIGN.md §3e's second stage): with scenarios it
	 * runs once per day, b->sc that day's scenario; else once */
	bool is_per_day;
};

/* The policies, in the order they run; ends with {NULL, NULL}. */
extern const struct pol_policy pol_policies[];

/* Builds the model of sc as opt says (NULL: all zero). The result is the
 * caller's, freed with pol_build_free. Never fails on a valid scenario. */
struct pol_build *pol_build_new(const struct mu_scenario *sc, const struct pol_build_options *opt);

/* Accepts NULL. */
void pol_build_free(struct pol_build *b);

/* Whether partners p and q work as one system in b's model: p == q, or
 * neither the silo nor the coalition keeps them apart (both in it). The
 * only place that decides who may lend to whom and where bank workers may
 * work (pol_mutual_aid.c, pol_bank.c) and so what why.csv says (pol_why.c). */
bool pol_build_is_together(const struct pol_build *b, size_t p, size_t q);

/* Adds a column that means *what, within its bounds, at the cost spend +
 * penalties; it covers no demand row (the rule adds its entries). Returns
 * the column. */
size_t pol_build_add_col(struct pol_build *b, const char *name, const struct pol_col *what);

/* The objective cost per unit of column *c: spend + its penalties. */
double pol_col_cost(const struct pol_col *c);

/* Adds a row lo <= a.x <= hi that means *what. */
size_t pol_build_add_row(struct pol_build *b, const char *name, double lo, double hi,
                         const struct pol_row *what);

/* The demand row at (partner, role, shift), or MU_ALL. */
size_t pol_demand_at(const struct pol_build *b, size_t partner, size_t role, size_t shift);

/* A staff column's key, as a kept plan's and a start's rows are matched
 * to the model's columns: source, who (own: home; lend: agreement; bank and
 * pool worker: worker; agency: offer; pool: the pool), where (the demand
 * row; a pool worker: the shift) and worker role (a pool worker: MU_ALL). */
void pol_build_key(size_t key[4], enum mu_source source, size_t who, size_t where,
                   size_t worker_role);

/* The key of column c (pol_build_key). */
void pol_build_col_key(size_t key[4], const struct pol_col *c);

/* Adds a column for staff of what->worker_role covering demand row
 * what->demand: its cover and floor entries at the role's efficiency, its
 * partner the demand row's. Returns the column. */
size_t pol_build_add_cover_col(struct pol_build *b, const char *name, const struct pol_col *what);

/* The efficiency of a staff column at the demand row it covers; 1 for
 * columns that cover none. */
double pol_col_efficiency(const struct pol_build *b, const struct pol_col *c);

/* For sol_options.col_is_core: true for own staff, short, breach and the
 * fair share's hours short, the columns sifting starts from (the slacks let
 * every row be met; own
 * staff cost nothing and are nearly always used). Free the array. */
bool *pol_build_core_cols(const struct pol_build *b);

/* The unsocial factor 1 + enhancement of a shift. */
double pol_shift_factor(const struct mu_shift *shift);

/* True when offer a is break-glass: off framework, or above its role's cap. */
bool pol_agency_is_break_glass(const struct mu_scenario *sc, const struct mu_agency_offer *a);

/* The policies (one file each). */
void pol_substitution_apply(struct pol_build *b);
void pol_demand_apply(struct pol_build *b);
void pol_mutual_aid_apply(struct pol_build *b);
void pol_bank_apply(struct pol_build *b);
void pol_agency_apply(struct pol_build *b);
void pol_late_agency_apply(struct pol_build *b);
void pol_budgets_apply(struct pol_build *b);
void pol_guarantee_apply(struct pol_build *b);
void pol_preference_apply(struct pol_build *b);
void pol_bank_share_apply(struct pol_build *b);
void pol_keep_apply(struct pol_build *b);
void pol_recruit_apply(struct pol_build *b);
void pol_supply_apply(struct pol_build *b);
void pol_flow_apply(struct pol_build *b);

/* The group of partners whose bank shares one supply curve (§3d) with
 * partner p: p alone in silo mode or outside a coalition, else the
 * system's (or the coalition's) shared index, n_partners. */
size_t pol_build_supply_group(const struct pol_build *b, size_t p);

/* The supply curve of role-r bank staff working at partner p on shift s,
 * or MU_ALL when that supply is fixed (§3 exactly). */
size_t pol_build_curve_of(const struct pol_build *b, size_t p, size_t r, size_t s);

/* Rota mode only, after the policies: rows every rota meets that cut off
 * fractional staff (see pol_rota_cuts.c). Compacts the model. */
void pol_rota_cuts_apply(struct pol_build *b);

#endif
