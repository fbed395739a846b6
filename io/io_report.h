/*
 * io_report.h - the CSV outputs of a solve (DESIGN.md §4): plan.csv,
 * summary.csv and prices.csv, written into a folder; and those of compare
 * (compare.csv) and sweep (sweep.csv). Each file is written whole or not at
 * all, never through a link (io_file.h); every text cell is protected from
 * spreadsheets (io_csv_write_text). A writer's MU_E_IO names the file.
 */
#ifndef IO_REPORT_H
#define IO_REPORT_H

#include "core/mu_bidding.h"
#include "core/mu_err.h"
#include "core/mu_game.h"
#include "core/mu_keep.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"
#include "io/io_say.h"

#include <stdbool.h>
#include <stdint.h>

/* Writes dir/plan.csv: one row per plan row of sc's plan, money with two
 * decimals; only partner's rows (worked there, or by its staff elsewhere)
 * unless partner is MU_ALL. MU_OK or MU_E_IO. */
enum mu_code io_report_write_plan(const char *dir, const struct mu_scenario *sc,
                                  const struct mu_plan *plan, size_t partner, struct mu_err *err);

/* Writes dir/rota.csv (DESIGN.md §4): one row per bank assignment, with
 * names, dates and clock times and the rate paid (the plan row's rate),
 * by worker, then date and start; partner's slice as
 * io_report_write_plan's. MU_OK or MU_E_IO. */
enum mu_code io_report_write_rota(const char *dir, const struct mu_scenario *sc,
                                  const struct mu_plan *plan, size_t partner, struct mu_err *err);

/* A rate (£/h, DESIGN.md §3d) as the CSV files write it: at least two
 * decimals, all a rung of the ladder has (up to ten significant digits),
 * into buf. */
void io_report_rate_text(char *buf, size_t size, double rate);

/* rates.csv (DESIGN.md §3d, io_report_rates.c). Whether sc has a role
 * whose bank supply answers the rate (elasticity above 0): only then is
 * rates.csv written. */
bool io_report_has_rates(const struct mu_scenario *sc);

/* Whether rates row r belongs to partner's slice: its own curve, or one
 * whose staff (named or extra) work there; MU_ALL: every row. */
bool io_report_rate_is_partners(const struct mu_plan *plan, const struct mu_rate_row *r,
                                size_t partner);

/* Writes dir/rates.csv: per rates row of plan (partner's slice as
 * io_report_rate_is_partners'), `role,shift,partner,offers,bank_rate,rate,
 * enhanced,supply,named,extra,base_supply,top_rate,top_supply,rate_cost,
 * shadow_price,shadow_price_is_cash` (partner empty for a shared curve;
 * the shadow price empty in a rota). MU_OK or MU_E_IO. */
enum mu_code io_report_write_rates(const char *dir, const struct mu_scenario *sc,
                                   const struct mu_plan *plan, size_t partner, struct mu_err *err);

/* Writes dir/discharges.csv (DESIGN.md §3f, io_report_flow.c; only for a
 * scenario with flow.csv): per pathway and day of plan (partner's slice:
 * the pathways from or to it; MU_ALL: every one), `from,to,care_role,
 * ward_role,date,discharged,still_waiting,bed_days_freed,bed_day_penalty,
 * care_hours_added,ward_staff_shifts_freed`. MU_OK or MU_E_IO. */
enum mu_code io_report_write_discharges(const char *dir, const struct mu_scenario *sc,
                                        const struct mu_plan *plan, size_t partner,
                                        struct mu_err *err);

/* Writes dir/changes.csv (DESIGN.md §4, with --keep): one row per change
 * against the kept plan, `change,source,worker,name,supplier,offer,shift,
 * date,start,end,from_partner,from_role,to_partner,to_role,staff,
 * change_penalty,forced,reason` (offer as plan.csv's: the agency row's
 * partner cell; reason why a forced change could not be kept). MU_OK or
 * MU_E_IO. */
enum mu_code io_report_write_changes(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_changes *changes, struct mu_err *err);

/* Writes dir/calls.csv (with --keep, io_report_calls.c): one row per change
 * of a bank worker's (added, removed or moved), `name,worker,change,shift,
 * date,start,end,partner,partner_name,role,from_partner,from_role,forced,
 * reason`, partner and role where the worker now goes (removed: no longer
 * goes), from_ where a moved worker was; by the shift's start, then name.
 * MU_OK or MU_E_IO. */
enum mu_code io_report_write_calls(const char *dir, const struct mu_scenario *sc,
                                   const struct mu_changes *changes, struct mu_err *err);

/* Writes dir/bookings.csv (with --keep): the agency bookings to make (`new`)
 * and to cancel (`cancelled`; a move is one of each), `booking,supplier,
 * offer,partner,partner_name,role,shift,date,start,end,staff,forced,reason`,
 * by the shift's start, then supplier. MU_OK or MU_E_IO. */
enum mu_code io_report_write_bookings(const char *dir, const struct mu_scenario *sc,
                                      const struct mu_changes *changes, struct mu_err *err);

/* Writes dir/why.csv (DESIGN.md §4): per uncovered demand row and reason,
 * `partner,role,shift,uncovered,source,reason,limit,detail`, rows below
 * their minimum (red flags) first. MU_OK or MU_E_IO. */
enum mu_code io_report_write_why(const char *dir, const struct mu_scenario *sc,
                                 const struct mu_plan *plan, const struct mu_why *why,
                                 struct mu_err *err);

/* The demand rows left short or in breach, in the order every output lists
 * them: red flags first, then the most staff uncovered, into order
 * (plan->n_demand at least); returns how many. */
size_t io_report_unfilled_order(const struct mu_plan *plan, size_t *order);

/* The rows of why in the order why.csv writes them, into order (why->n_rows
 * at least): by io_report_unfilled_order, each row's reasons as pol_why
 * gave them. */
void io_report_why_order(const struct mu_plan *plan, const struct mu_why *why, size_t *order);

/* The plan rows of the rota (bank rows of partner's slice) in rota.csv's
 * order, into order (plan->n_rows at least); returns how many. */
size_t io_report_rota_order(const struct mu_scenario *sc, const struct mu_plan *plan,
                            size_t partner, size_t *order);

/* "2026-11-30" for a day counted from 1970-01-01, into buf (11 bytes). */
void io_report_date_text(char *buf, size_t size, long day);

/* The n partners' totals parts rounded, each figure that adds up across
 * partners (hours to hour_unit: 0.01 or 1; money and penalty weights to
 * pennies), so that each column adds up to its rounded total
 * (mu_format_round_to_total), into out[0..n-1]; *sum gets system with
 * those figures the sums of out's. Counts, red flags and break-glass
 * shifts are left as they are. */
void io_report_round_totals(const struct mu_totals *parts, size_t n, const struct mu_totals *system,
                            double hour_unit, struct mu_totals *out, struct mu_totals *sum);

/* Writes dir/summary.csv: a row per partner and one for SYSTEM, from the
 * plan's totals, each column's partner rows adding up to the SYSTEM row
 * as written (io_report_round_totals). MU_OK or MU_E_IO. */
enum mu_code io_report_write_summary(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_plan *plan, struct mu_err *err);

/* Writes dir/prices.csv: one row per constraint with its shadow price (£
 * per unit of the limit) and the range of the limit over which the price
 * holds; an infinite or unknown end is an empty cell. MU_OK or MU_E_IO. */
enum mu_code io_report_write_prices(const char *dir, const struct mu_price_row *rows, size_t n,
                                    struct mu_err *err);

/* One point of a sweep: the values it was solved at and what came out. */
struct io_sweep_point {
	const double *values; /* one per varied name */
	enum mu_status status;
	double objective;
	bool has_gap;
	double gap;
	struct mu_totals system;
	int64_t run_id;
	/* DESIGN.md §3d, with io_sweep_table.has_supply: the lowest and
	 * highest rate paid (£/h before the unsocial factor) over the
	 * (role, shift)s of the roles whose supply answers the rate (a rate
	 * row's rate, bank_rate where the plan has none; NAN with no such
	 * role), and the extra bank staff (staff-shifts of bank_extra) */
	double rate_lo, rate_hi, extra_staff;
	/* DESIGN.md §3f, with io_sweep_table.has_flow: patients sent home
	 * over the horizon and bed-days (patients still in a bed at the end
	 * of each day), over every pathway */
	double discharged, bed_days;
};

struct io_sweep_table {
	const char *const *names;  /* as --vary named them */
	const char *const *labels; /* "agency cap of nurse_b5 (£/h)" */
	size_t n_names;
	const struct io_sweep_point *points;
	size_t n_points;
	/* points per line of the chart: the first name's values, which move
	 * fastest (points[s * n_x + i], i < n_x, is line s's i-th) */
	size_t n_x;
	const char *mode;
	const char *finding; /* a sentence on where extra spend stops buying fill, or NULL */
	/* the system's agency budget, drawn across the chart's agency panel;
	 * has_budget false when there is none or the sweep varies it */
	bool has_budget;
	double budget;
	/* some role's supply answers the rate, or a §3d key varies: then
	 * sweep.csv ends in three more columns, rate_lowest, rate_highest
	 * (empty without a role whose supply answers the rate) and
	 * extra_staff, and the page shows them too */
	bool has_supply;
	/* DESIGN.md §3f: discharge pathways in the scenario: sweep.csv, the
	 * table and the page show each point's discharged and bed_days */
	bool has_flow;
};

/* Writes len bytes of data to dir/name (creating dir when it is missing),
 * whole or not at all (io_file_write). MU_OK or MU_E_IO. */
enum mu_code io_report_write_file(const char *dir, const char *name, const char *data, size_t len,
                                  struct mu_err *err);

/* The shares of DESIGN.md §3a for shares.csv and report.html: per partner
 * (in scenario order) its costs counted at the partner, gain (silo -
 * system), Shapley share of the saving and, when sampled, its standard
 * error, and the net transfer of the settlement (> 0 received); the
 * settlement's transfers; and the core check (exact shares only). */
struct io_shares {
	/* share, std_error (sampled), saving, is_exact and the core check */
	const struct mu_shares *shares;
	const double *silo_cost, *system_cost, *gain, *transfer;
	const struct mu_transfer *settlement; /* mu_game_settlement's, in its order */
	size_t n_settlement;
	int exact_max; /* the most partners whose shares are exact (io_say_shares_core) */
	/* per partner, its silo and system totals (filled hours, red flags,
	 * net cash), or NULL */
	const struct mu_totals *silo_totals, *system_totals;
	/* the cash game (flow_shares.h), money per horizon_days; cash_shares
	 * NULL when there is none (values from a store) */
	const struct mu_shares *cash_shares;
	const double *cash_gain, *cash_transfer;
	const struct mu_transfer *cash_settlement;
	size_t n_cash_settlement;
	long horizon_days;
};

/* shares.csv: partner,name,silo_cost,system_cost,gain,share,std_error,
 * transfer per partner, then SYSTEM with the totals and the core check
 * (in_core yes/no, furthest_coalition, furthest_excess; empty when
 * sampled). Costs, gains, shares and transfers are value (spend plus
 * penalty weights, recharge in: mu_totals_partner_cost), not money. Then
 * the cash game's columns, money for the horizon: silo_net_cash,
 * system_net_cash (mu_totals_net_cash), cash_gain (silo - system),
 * cash_share, cash_transfer (> 0 received), horizon_days (empty without
 * a cash game), and filled_hours_change, red_flags_change (system - silo;
 * empty without totals). Money with two decimals, the partners' rows of
 * each column adding up to SYSTEM's as written: silo and system costs
 * rounded to their totals, each gain their difference, the shares rounded
 * to the gains' total, each transfer share - gain, so that the transfers
 * add up to 0. */
enum mu_code io_report_write_shares(const char *dir, const struct mu_scenario *sc,
                                    const struct io_shares *t, struct mu_err *err);

/* Writes dir/compare.csv: per partner and SYSTEM, each measure of
 * summary.csv (and filled_hours) for the system and the silo plan, and
 * system - silo; then net_cash and cost_with_recharge (mu_totals_net_cash,
 * mu_totals_partner_cost: the footing of shares.csv's costs). Money and
 * hours in pennies and hundredths, the partners' rows of each measure and
 * column rounded to their total (mu_format_round_to_total) so that they add
 * up to SYSTEM's as written; system - silo is the exact difference so
 * rounded, as the page and terminal say it (issue 24). With bidding
 * (DESIGN.md §3d; NULL: none, and the file is as it is without §3d) two
 * columns more, bidding and bidding_minus_system, rounded the same way
 * (bidding as silo as written plus the rise so rounded).
 * MU_OK or MU_E_IO. */
enum mu_code io_report_write_compare(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_plan *sys, const struct mu_plan *silo,
                                     const struct mu_bidding *bidding, struct mu_err *err);

/* compare's partner-by-partner table, as the page and the terminal show
 * it, each column rounded to its total (issue 24): [k][p], k 0 the system
 * plan and 1 the silo, p a partner or n the whole system (the sum of the
 * partners' as rounded). Net cash (mu_totals_net_cash), weighted
 * (mu_totals_partner_cost: net cash plus penalty weights) and agency spend
 * in pennies; the system plan's mutual aid in (lend hours) and out (lent
 * out hours) in whole hours. Release with io_compare_partners_release. */
struct io_compare_partners {
	double *net_cash[2], *weighted[2], *agency[2], *aid_in, *aid_out;
};

void io_report_compare_partners(const struct mu_plan *sys, const struct mu_plan *silo, size_t n,
                                struct io_compare_partners *out);

void io_compare_partners_release(struct io_compare_partners *t);

/* Writes dir/sweep.csv: one row per point. MU_OK or MU_E_IO. */
enum mu_code io_report_write_sweep(const char *dir, const struct io_sweep_table *table,
                                   struct mu_err *err);

/* A recruitment (DESIGN.md §3c) as its files show it (io_report_recruit.c,
 * io_html_recruit.c). Every array is borrowed. */
struct io_recruit {
	/* per recruits.csv row of the scenario: the posts recruited and, when
	 * has_value, the yearly cost the last of them takes off (a re-solve
	 * with one post fewer there) */
	const double *posts;
	const double *value;
	const bool *has_value;
	/* per week: its folder as given, the weeks of the year it stands for
	 * and its plan with the posts */
	size_t n_weeks;
	const struct mu_scenario *const *weeks; /* each week's scenario, for the page's header */
	const char *const *folders;
	const double *weights;
	const struct mu_plan *const *plans;
	/* the curve (--posts): point i at curve_x[i] posts in all; none when
	 * n_curve is 0 */
	const double *curve_x;
	const struct io_recruit_year *curve;
	size_t n_curve;
	/* the board sentence (io_say_recruit), report.html's first paragraph */
	const char *sentence;
	/* the search for the best posts: its status and gap, and whether
	 * every solve (the values' and the curve's too) was proven; else the
	 * page flags the figures as the best found */
	enum mu_status status;
	bool has_gap;
	double gap;
	bool is_all_optimal;
	/* plan mode (--lp): posts are fractions of a post, and the page says so */
	bool is_lp;
	/* the weeks' runs as recorded (one per week, first_run to last_run)
	 * and their set, named in the page's header; 0 (not recorded): none */
	long long first_run, last_run, set_id;
};

/* Writes dir/posts.csv: partner,role,posts,annual_cost,posts_cost,
 * last_post_value,max_posts per recruits.csv row of sc (last_post_value
 * empty without a value, max_posts without a limit). MU_OK or MU_E_IO. */
enum mu_code io_report_write_posts(const char *dir, const struct mu_scenario *sc,
                                   const struct io_recruit *r, struct mu_err *err);

/* Writes dir/curve.csv: posts,status,yearly_cost,posts_cost,spend,
 * filled_hours,red_flags per point of r's curve (the figures empty where
 * the point was not solved). MU_OK or MU_E_IO. */
enum mu_code io_report_write_curve(const char *dir, const struct io_recruit *r, struct mu_err *err);

#endif
