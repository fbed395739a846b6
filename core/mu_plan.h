/*
 * mu_plan.h - a solved plan as DESIGN.md §4 describes it, typed: one row per
 * distinct non-zero assignment (indices into the scenario, never strings),
 * what became of each demand row, and per-partner and system totals with
 * cash spend and penalty weights apart. Everything a report says is read
 * from here; text is made only where CSV, SQLite or HTML is written
 * (mu_plan_row_text).
 */
#ifndef MU_PLAN_H
#define MU_PLAN_H

#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stddef.h>

/* Where staff come from, or how demand stays uncovered (plan.csv `source`).
 * A rule that adds a new kind of column adds its source here, with a line
 * in mu_source_info. The sources after MU_SRC_COUNT are the model's own:
 * columns that a plan never shows, read back as rows of the sources before
 * it (plans, summaries and the store count only those). */
enum mu_source {
	MU_SRC_OWN,
	MU_SRC_LEND,
	MU_SRC_BANK,
	MU_SRC_AGENCY,
	MU_SRC_SHORT,
	MU_SRC_BREACH,
	/* hours a bank worker worked below their fair share's target
	 * (DESIGN.md §3b, pol_bank_share.c): staff 0, the worker and home set */
	MU_SRC_SHARE,
	/* a kept assignment changed (DESIGN.md §3b): its change penalty, with
	 * the worker (bank) or offer (agency) it concerns; no staff, no hours */
	MU_SRC_CHANGE,
	/* extra bank staff of DESIGN.md §3d: unnamed staff of a role whose
	 * supply answers the rate, found at the rate paid (pol_supply.c): no
	 * home, no worker, paid bank_rate here, the rest in a rate row */
	MU_SRC_BANK_EXTRA,
	/* the rate paid above bank_rate on a shift (§3d): its cost above w_0,
	 * the rate in `offer`; no staff, no hours */
	MU_SRC_RATE,
	/* patients of a discharge pathway (DESIGN.md §3f, pol_flow.c)
	 * discharged on a day: partner `from`, home `to`, role ward_role,
	 * worker_role care_role, the pathway in `flow` and the date in `day`;
	 * staff = patients, no hours, cost 0 */
	MU_SRC_DISCHARGE,
	/* the same pathway's patients still waiting at the end of a day:
	 * staff = patients, cost their bed-day penalty */
	MU_SRC_BED_DAYS,
	MU_SRC_COUNT, /* the sources of plan rows */
	/* a pooled bank worker works a shift (y[w,s]): covers nothing itself */
	MU_SRC_POOL_WORKER = MU_SRC_COUNT,
	/* a pool's staff at a demand row (z[s,P,q,c]), given to its workers
	 * who work the shift when the plan is read back */
	MU_SRC_POOL,
	/* the posts of a recruits.csv row in one week's model (pol_recruit.c):
	 * covers nothing itself; its staff are own columns */
	MU_SRC_POSTS,
	/* staff of one step of a supply curve's ladder above S(w_0)
	 * (pol_supply.c): read back as rate rows */
	MU_SRC_RATE_STEP,
	/* pol_game's model (pol_supply.c): named or extra staff of one
	 * partner's supply curve counted in another's, open only when both are
	 * in the coalition, so that the coalition's curves add up to one */
	MU_SRC_SUPPLY_MOVE,
	/* §3f: ward demand of one demand row taken away by the discharges of
	 * the days up to its shift's (pol_flow.c), at most its required */
	MU_SRC_WARD_FREED,
	MU_SRC_MODEL_COUNT
};

/* What a source's rows hold, for whoever reads or writes them. */
struct mu_source_info {
	const char *name;   /* plan.csv's word: "own", "lend", ... */
	bool is_staff;      /* staff who work (own, lend, bank, agency) */
	bool is_unfilled;   /* demand left uncovered (short, breach) */
	bool covers_demand; /* its rows name a demand row (partner, role, shift) */
	bool has_home;      /* `home` is a partner (own, lend, bank) */
	bool is_internal;   /* the model's own: never a plan row */
};

extern const struct mu_source_info mu_source_info[MU_SRC_MODEL_COUNT];

/* Penalty weights by kind (DESIGN.md §3): how bad an outcome is, not money
 * anyone pays. */
enum mu_penalty {
	MU_PEN_SHORT,       /* shortfall_penalty x priority x hours */
	MU_PEN_BREACH,      /* floor_penalty x priority x hours */
	MU_PEN_TIER,        /* tier_penalty per agency staff-shift per tier above 1 */
	MU_PEN_BREAK_GLASS, /* break_glass_penalty per break-glass staff-shift */
	/* -preference_weight per prefer bank assignment, +preference_weight per
	 * avoid one (pol_preference.c): the one kind that can be negative */
	MU_PEN_PREFERENCE,
	MU_PEN_SHARE,    /* bank_share_penalty x hours below a worker's target */
	MU_PEN_CHANGE,   /* change_penalty per kept assignment changed (§3b) */
	MU_PEN_BED_DAYS, /* bed_day_cost per patient per day fit to leave and in a bed (§3f) */
	MU_PEN_COUNT
};

/* summary.csv's names: "short", "breach", "tier", "break_glass",
 * "preference", "share", "change", "bed_days". */
extern const char *const mu_penalty_names[MU_PEN_COUNT];

/* How a plan was solved (DESIGN.md §5's status words come from it). */
enum mu_status {
	MU_STATUS_OPTIMAL,  /* proven optimal: a rota's bound meets its cost */
	MU_STATUS_FEASIBLE, /* a plan, not proven optimal (a limit or a stop: enum mu_stop) */
	MU_STATUS_INFEASIBLE,
	MU_STATUS_UNBOUNDED,
	MU_STATUS_NO_SOLUTION /* the time limit passed before any plan */
};

/* What ended a rota search: NONE when it ran to its end (a plan-mode
 * solve, a search proven), else what cut it short, as it was: the time
 * limit (only when one was given), the work limit (likewise) or the user's
 * stop (Ctrl-C). A search cut short can still be optimal, when its bound
 * had met its cost; one not proven was always cut short. */
enum mu_stop { MU_STOP_NONE, MU_STOP_TIME, MU_STOP_WORK, MU_STOP_INTERRUPT };

/* "optimal", "feasible", "infeasible", "unbounded", "no solution" (as the
 * store records them). */
const char *mu_status_name(enum mu_status status);

/* One distinct non-zero assignment. Indices are MU_ALL where the source has
 * none (worker_role and home of short, worker unless bank, ...). */
struct mu_plan_row {
	enum mu_source source;
	size_t demand;  /* the demand row covered (or left uncovered), or MU_ALL */
	size_t partner; /* where the work is done (or the penalty counts) */
	size_t role;    /* the demand role covered */
	size_t shift;
	size_t worker_role; /* the role that works */
	size_t home;        /* the partner the staff come from (own, lend, bank) */
	size_t worker;      /* bank worker */
	size_t offer;       /* agency row (agency) or agreement row (lend) */
	double staff, hours;
	double spend;    /* cash: travel, bank pay, agency charges */
	double penalty;  /* penalty weights, all kinds */
	double cost;     /* spend + penalty: the row's share of the objective */
	double recharge; /* owed by the host to the home partner (lend) */
	/* the rate paid (§3d), £/h before the unsocial factor: a rate row's,
	 * and a bank or bank_extra row's on its (role, shift) - bank_rate
	 * where the role's supply is fixed; 0 on every other row */
	double rate;
	/* late agency of a two-stage plan's day (DESIGN.md §3e): an agency
	 * row booked on the day, at the late premium; its plan word is
	 * late_agency */
	bool is_late;
	/* discharge and bed_days rows (§3f): the flow.csv row, and the date
	 * (days since 1970-01-01) plan.csv writes in `offer`; read on those
	 * rows only */
	size_t flow;
	long day;
};

/* The plan row's cells as plan.csv, the store and the report spell them:
 * ids from the scenario, "" where empty. Borrowed from the scenario. */
struct mu_plan_text {
	const char *source, *partner, *role, *worker_role, *shift, *home, *worker, *offer;
	char number[32]; /* a rate row's offer is the rate, a discharge row's the date, written here
	                  */
};

void mu_plan_row_text(const struct mu_scenario *sc, const struct mu_plan_row *r,
                      struct mu_plan_text *out);

/* What became of one demand row. */
struct mu_demand_result {
	/* what it asked for: demand.csv's, moved by discharges (§3f,
	 * mu_plan_move_demand) */
	double required, minimum;
	double covered;      /* staff: sum of efficiency x staff assigned */
	double short_staff;  /* staff left short (below required) */
	double breach_staff; /* staff of breach (below minimum, penalised) */
	bool is_red_flag;    /* covered below minimum by more than 1e-6 (DESIGN.md §3) */
};

/* Totals of one partner, or of the system. Work counts at the partner
 * where it is done; lent_out_hours and recharge_in at the home partner. */
struct mu_totals {
	double required_hours;
	double filled_hours;     /* required - short - breach hours */
	double unfilled_hours;   /* short + breach hours */
	double unfilled_penalty; /* the short and breach penalties */
	double hours[MU_SRC_COUNT];
	double spend[MU_SRC_COUNT];   /* cash by source (own staff cost nothing) */
	double cost[MU_SRC_COUNT];    /* by source, penalties included */
	double penalty[MU_PEN_COUNT]; /* weights by kind */
	double spend_total, penalty_total;
	double cost_total; /* spend_total + penalty_total */
	size_t n_red_flags;
	size_t n_unfilled_rows; /* demand rows with any short or breach */
	double break_glass_shifts;
	double lent_out_hours; /* its own staff's hours at other partners (mutual aid given) */
	double recharge_in;    /* owed to this partner for staff it lent */
	double recharge_out;   /* owed by this partner for staff it hosted */
	/* a re-plan against a kept plan (--keep): only then do summary.csv
	 * and the KPIs carry the change source's cost and penalty, so that
	 * every other run's outputs stay as they were */
	bool is_replan;
	/* some role's supply answers the rate (§3d): only then do the KPIs
	 * carry bank_extra and rate sources */
	bool has_supply;
	/* the scenario has discharge pathways (§3f): only then do
	 * summary.csv and the KPIs carry the bed-day penalty */
	bool has_flow;
};

/* What one model row limits (prices.csv `kind`). A rule that adds a new
 * kind of row adds it here, with its name and unit in mu_row_kind_info. */
enum mu_row_kind {
	MU_ROW_DEMAND,      /* covered + short + breach >= required; index: demand row */
	MU_ROW_MINIMUM,     /* covered + breach >= minimum; index: demand row */
	MU_ROW_STAFF,       /* own + lent <= available; index: staff row */
	MU_ROW_ROTATABLE,   /* lent <= rotatable; index: staff row */
	MU_ROW_AGREEMENT,   /* lent <= max_per_shift; index: agreement, and shift */
	MU_ROW_REST,        /* one shift of a set that breaks rest; index: worker */
	MU_ROW_HOURS,       /* paid hours <= max_hours; index: worker */
	MU_ROW_CAPACITY,    /* agency staff <= capacity; index: agency row, and shift */
	MU_ROW_BREAK_GLASS, /* break-glass heads <= minimum; index: demand row */
	MU_ROW_BUDGET,      /* agency spend <= budget; index: partner, MU_ALL = system */
	MU_ROW_CUT,         /* rota only, a row every rota meets; index: worker or demand row */
	MU_ROW_POOL,        /* a pool's staff at work <= its workers on the shift; index: pool */
	MU_ROW_GUARANTEE,   /* unfilled penalty <= the silo plan's (§3a); index: partner */
	MU_ROW_SHARE,       /* hours worked + hours short >= target (§3b); index: worker */
	MU_ROW_KEEP,        /* change + kept column >= kept staff (§3b); index: demand row */
	/* a recruits.csv row's staff on overlapping shifts <= its posts, or its
	 * hours <= posts x hours_per_week x days / 7 (§3c); index: recruits row */
	MU_ROW_POSTS,
	/* §3d: a role's bank staff on a shift (named and extra) - the steps of
	 * its ladder above w_0 <= S(w_0); index: role, and shift */
	MU_ROW_SUPPLY,
	/* §3d: extra staff of a role on a shift <= S(top rung) - n; index:
	 * role, and shift */
	MU_ROW_EXTRA,
	/* §3f: a pathway's patients discharged over the horizon <= waiting;
	 * index: flow.csv row */
	MU_ROW_WAITING,
	/* §3f: patients still waiting at the end of a day + those discharged
	 * by then >= waiting; index: flow.csv row, and a shift of the day */
	MU_ROW_BED_DAYS,
	/* §3f: ward demand taken from a demand row <= what the discharges
	 * free there; index: demand row (the model's own) */
	MU_ROW_WARD,
	/* §3f: breach <= minimum as discharges move it; index: demand row
	 * (the model's own: the minimum row's price says it) */
	MU_ROW_BREACH_CAP,
	MU_ROW_KIND_COUNT
};

struct mu_row_kind_info {
	const char *name; /* prices.csv's word: "demand", "minimum", ... */
	const char *unit; /* what one more of the limit is: "staff", "hour", "£" */
	/* the model's own, no limit of the scenario: not in prices.csv (a
	 * pool row's dual is the price of its workers' rest and hours rows,
	 * which prices.csv gives per worker) */
	bool is_internal;
};

extern const struct mu_row_kind_info mu_row_kind_info[MU_ROW_KIND_COUNT];

/* The shadow price of one constraint (prices.csv, plan mode): how much the
 * objective moves per unit the limit rises, valid while the limit stays in
 * [range_from, range_to] (infinite ends are HUGE_VAL, unknown ones NAN).
 * The names are borrowed from the scenario and the model. */
struct mu_price_row {
	const char *constraint; /* the model row's name, as in the MPS file */
	enum mu_row_kind kind;
	const char *partner, *role, *shift, *subject;
	double limit, activity, price, range_from, range_to;
};

/* Why a source does not cover more of a demand row left uncovered
 * (why.csv, DESIGN.md §4). */
enum mu_why_reason {
	MU_WHY_LIMIT,        /* a limit binds: which one in limit, whose in subject */
	MU_WHY_NOT_ALLOWED,  /* break-glass offers while allow_break_glass is no */
	MU_WHY_COSTS_MORE,   /* it could, but costs more than leaving the row short */
	MU_WHY_UNUSED,       /* it could and costs less, yet the plan does not use it */
	MU_WHY_CANNOT_REACH, /* this source has nobody who could ever cover the row */
	MU_WHY_NO_SOURCE,    /* no source at all can cover the row */
	MU_WHY_COUNT
};

/* why.csv's words: "limit", "not allowed", ... */
extern const char *const mu_why_reason_names[MU_WHY_COUNT];

/* One reason for one uncovered demand row. */
struct mu_why_row {
	size_t demand;
	double uncovered;      /* staff short or in breach */
	enum mu_source source; /* MU_SRC_COUNT with MU_WHY_NO_SOURCE */
	enum mu_why_reason reason;
	enum mu_row_kind limit; /* with MU_WHY_LIMIT (and break_glass for NOT_ALLOWED) */
	size_t n_subjects;      /* how many workers, offers, agreements or staff rows */
	size_t subject;         /* the first of them: its index (worker, offer, ...) */
	/* COSTS_MORE: the cheapest such staff's cost per staff covered, cash
	 * plus penalty weights (tier, break-glass), and its cash apart: the
	 * weights are cost - cash, never money (DESIGN.md §3) */
	double cost, cash;
	double penalty; /* COSTS_MORE: the penalty weight per staff left uncovered */
};

/* The reasons of every uncovered demand row, by demand row. */
struct mu_why {
	struct mu_why_row *rows;
	size_t n_rows, cap_rows;
};

/* One supply curve of DESIGN.md §3d as the plan left it (rates.csv): the
 * bank staff of an elastic role on a shift, over one group of partners. */
struct mu_rate_row {
	size_t role, shift;
	/* MU_ALL: the curve the system (or a coalition of §3a) shares; else
	 * the one partner whose own curve it is (silo mode, or a partner
	 * outside the coalition), whose home workers' offers make it */
	size_t partner;
	size_t n_offers;    /* n: offers of the role's workers on the shift */
	double bank_rate;   /* w_0 */
	double rate;        /* the rate paid: the lowest rung whose S covers the staff */
	double supply;      /* S at that rate */
	double base_supply; /* S(w_0): staff to be had at bank_rate */
	double top_rate;    /* the ladder's top rung (bank_cap, or w_0) */
	double top_supply;  /* S at the top rung */
	double named;       /* staff of named workers (bank rows) */
	double extra;       /* extra staff (bank_extra rows) */
	double rate_cost;   /* cash above w_0 (the rate rows' cost) */
	/* plan mode: the shadow price of the curve's supply row (its ceiling
	 * S(w_0)), how the objective moves per staff more to be had at w_0;
	 * 0 where the curve has no such row; NAN in a rota */
	double price;
	/* the price is cash: the staff sit inside a step of the ladder (or
	 * below S(w_0)), so it is minus that step's premium over w_0 x u x
	 * hours; else it may hold penalty weights */
	bool is_price_cash;
};

/* One day of a discharge pathway as the plan left it (DESIGN.md §3f,
 * discharges.csv): what its discharge and bed_days rows say, and the
 * demand its discharges moved that day. */
struct mu_discharge_row {
	size_t flow;            /* the flow.csv row */
	long day;               /* days since 1970-01-01 */
	double discharged;      /* patients discharged that day */
	double waiting;         /* still waiting at the end of the day: its bed-days */
	double freed_beds;      /* discharged by then: the bed-days freed that day */
	double bed_day_penalty; /* waiting x bed_day_cost: a weight, not cash */
	/* care hours added that day at `to` (every patient discharged by
	 * then), and ward staff-shifts freed at `from` (its part of each ward
	 * row's demand freed, which is at most the row's required) */
	double care_hours, ward_staff;
};

/* A solved plan. */
struct mu_plan {
	struct mu_plan_row *rows;
	size_t n_rows, cap_rows;
	struct mu_demand_result *demand; /* one per demand row of the scenario */
	size_t n_demand;
	struct mu_totals *partners; /* one per partner */
	size_t n_partners;
	struct mu_totals system;
	double objective; /* the sum of the rows' costs */
	bool is_replan;   /* solved against a kept plan; mu_plan_finish copies it to the totals */
	bool has_supply;  /* a supply curve in the model (§3d); copied to the totals too */
	bool has_flow;    /* discharge pathways in the model (§3f); copied to the totals too */
	/* per supply curve with offers (§3d), by role, shift and group; none
	 * while every supply is fixed */
	struct mu_rate_row *rates;
	size_t n_rates;
	/* per discharge pathway and day (§3f), pathway by pathway, days in
	 * order; none without flow.csv */
	struct mu_discharge_row *discharges;
	size_t n_discharges;
};

/* An empty plan for sc: its demand rows unfilled, its required hours
 * counted. Rows are added with mu_plan_add_row, then mu_plan_finish. */
struct mu_plan *mu_plan_new(const struct mu_scenario *sc);

/* Adds row r: its hours, spend and cost to the partner's and the system's
 * totals, its penalty split by kind as penalty[] says (NULL: none), covered
 * staff (efficiency x staff) to its demand row. */
void mu_plan_add_row(struct mu_plan *plan, const struct mu_plan_row *r, double efficiency,
                     const double penalty[MU_PEN_COUNT], bool is_break_glass);

/* Moves demand row i of sc by staff (§3f: care added by discharges,
 * positive; ward demand freed, negative): its required, its minimum in
 * proportion (none where required is 0), and the required hours of its
 * partner and the system. Before mu_plan_finish. */
void mu_plan_move_demand(struct mu_plan *plan, const struct mu_scenario *sc, size_t i,
                         double staff);

/* Derives what follows from the rows: per demand row short, breach and the
 * red flag; filled hours, red flags and unfilled rows per partner and
 * system; the sums of spend and penalties. */
void mu_plan_finish(struct mu_plan *plan, const struct mu_scenario *sc);

/* Accepts NULL. */
void mu_plan_free(struct mu_plan *plan);

/* Whether summary.csv and the KPIs of t have a column for this source
 * (enum mu_source) or penalty kind (enum mu_penalty): all but change's,
 * which only a re-plan has, and bank_extra's and rate's, which only a
 * plan with a supply curve (§3d) has. */
bool mu_totals_has_source(const struct mu_totals *t, int source);
bool mu_totals_has_penalty(const struct mu_totals *t, int kind);

/* One footing for every partner (DESIGN.md §3, §3a; compare, shares and
 * the report all use these two):
 * net cash = spend (cash on work done at the partner: travel, bank pay,
 * agency charges) + recharge paid (for staff it hosted) - recharge received
 * (for its staff lent out). The system's recharge nets to zero, so there it
 * is the spend. */
double mu_totals_net_cash(const struct mu_totals *t);

/* The partner's cost, recharge in it: net cash + its penalty weights (its
 * demand rows' short and breach, the tier, break-glass and bank penalties of
 * work done there). Not money: the weights are in it. The cost_total of t
 * is the same without recharge (the partner's share of the objective); for
 * the system the two are equal. */
double mu_totals_partner_cost(const struct mu_totals *t);

/* The fill rate of t: (required - short - breach hours) / required hours;
 * negative when nothing is required (summary.csv leaves it empty). */
double mu_totals_fill_rate(const struct mu_totals *t);

/* How a plan used the bank workers who offered shifts (DESIGN.md §3b, issue
 * 17): preferences granted and avoided shifts given, and each worker's
 * share of their offered hours worked, counted in steps. In plan mode the
 * counts of shifts are sums of fractional staff. */
enum {
	MU_SHARE_NONE, /* worked none of their offered hours */
	MU_SHARE_UNDER_25,
	MU_SHARE_UNDER_50,
	MU_SHARE_UNDER_75,
	MU_SHARE_UNDER_100,
	MU_SHARE_ALL, /* all of them */
	MU_SHARE_STEPS
};

struct mu_bank_use {
	size_t n_workers;                /* who offered a shift */
	double offered_hours;            /* their offered hours */
	double worked_hours;             /* their bank hours in the plan */
	size_t n_prefer, n_avoid;        /* shifts offered as prefer, as avoid */
	double prefer_granted;           /* bank staff on shifts offered as prefer */
	double avoid_given;              /* bank staff on shifts offered as avoid */
	size_t by_share[MU_SHARE_STEPS]; /* workers by share of offered hours worked */
	size_t n_with_target;            /* workers with a fair-share target above 0 */
	size_t n_below_target;           /* of them, those who worked less (by over 1e-6 h) */
	double hours_short;              /* the plan's share rows' hours */
	double preference_penalty;       /* the plan's, net: avoid charges less prefer credits */
	double share_penalty;
};

/* The bank use of plan over the bank workers homed at partner (MU_ALL:
 * every worker), into *out. */
void mu_plan_bank_use(const struct mu_plan *plan, const struct mu_scenario *sc, size_t partner,
                      struct mu_bank_use *out);

/* A named figure of a plan, as the run store keeps it. */
struct mu_kpi {
	const char *name; /* static */
	double value;
};

#define MU_KPI_MAX 48

/* The KPIs of t in summary.csv's names and order: required_hours, the hours
 * of each source, fill_fraction (left out when nothing is required),
 * red_flags, total_cost (spend plus penalty weights: the objective, not
 * money), agency_spend, break_glass_staff_shifts,
 * lent_out_hours, recharge_in, recharge_out, then filled_hours, the spend
 * of each paid source, spend (cash), each kind of penalty (`*_penalty`,
 * weights) and penalties. No name of a weight ends in _cost. Writes
 * at most MU_KPI_MAX to out; returns how many. */
size_t mu_totals_kpis(const struct mu_totals *t, struct mu_kpi *out);

#endif
