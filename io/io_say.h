/*
 * io_say.h - sentences muster says about its numbers, for the terminal and
 * report.html alike. Each is derived from the numbers alone and worded so
 * that it stays true whatever they are: directions come from the signs,
 * "the same" only when the shown figure would read 0, and money is never
 * confused with penalty weights (DESIGN.md §3).
 */
#ifndef IO_SAY_H
#define IO_SAY_H

#include "core/mu_bidding.h"
#include "core/mu_buf.h"
#include "core/mu_game.h"
#include "core/mu_keep.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stddef.h>

/* What working together is worth: the system plan against the silo plan in
 * filled hours, red flags and cash spend, each with its sign ("Working
 * together fills 255 more hours and removes all 8 red flags, for £1,533
 * more spend."); then every partner by name, in filled hours, red flags
 * and net cash (mu_totals_net_cash), each change with its sign in words:
 * "Better off than alone" (gains only), "Gains and losses" (better: ...;
 * worse: ...), "Worse off than alone" (loses on one and gains on none;
 * "none" when no partner does) and "No change". A change counts when it
 * shows: 0.1 filled hours, one red flag, 1p. Appends plain text to b. */
void io_say_value(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                  const struct mu_plan *silo);

/* What the shared rate card is worth (DESIGN.md §3d), when bidding is the
 * bidding plan of silo: first what bidding for the same bank staff adds to
 * the partners' spend alone (bidding - silo spend: the rate card's part),
 * with what mutual aid and the shared bank are worth apart (working
 * together against alone: spend and filled hours, each with its sign);
 * then the system plan against bidding (spend and filled hours); then each
 * partner's rise of net cash bidding (never below alone's), and the system
 * plan against bidding for each partner in net cash and filled hours, each
 * with its sign. Money per horizon (io_say_horizon). A change counts as
 * io_say_value counts it (1p, 0.1 filled hours for a partner; £0 as
 * io_say_money shows it and a whole hour for the system). Appends plain
 * text to b. */
void io_say_bidding(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                    const struct mu_plan *silo, const struct mu_bidding *bidding);

/* The price of the guarantee of DESIGN.md §3a: the system plan with it
 * against without it, in the objective (spend plus penalty weights, said
 * as such, a plain number with no pound sign, with spend in pounds and the
 * penalty weights apart), then each partner it
 * protects - whose unfilled penalty without it is above its silo plan's -
 * by name, with by how much. Appends plain text to b. */
void io_say_guarantee(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *with,
                      const struct mu_plan *without, const struct mu_plan *silo);

/* io_say_guarantee, then, when the two rotas are not both proven optimal
 * (!is_proven), that the price is approximate. */
void io_say_guarantee_price(struct mu_buf *b, const struct mu_scenario *sc,
                            const struct mu_plan *with, const struct mu_plan *without,
                            const struct mu_plan *silo, bool is_proven);

/* One search of a comparison as the objective sentence needs it: the
 * objective of the best rota (or plan) found, whether it is proven best,
 * and the search's bound when it has one. */
struct io_compare_search {
	double objective;
	bool is_optimal;
	bool has_bound;
	double bound;
	bool has_flow; /* discharge pathways in the scenario (§3f): bed-days weighed too */
};

/* How the objective of the system (sys) compares with the partners alone
 * (silo), lower or higher, as a plain number (penalty weights, not money).
 * When either search was stopped before it was proven best, it says the
 * difference is between the rotas found, and, from the silo search's
 * bound, the least by which the system rota found is lower than any silo
 * rota. Up to two lines, no final newline. */
void io_say_compare_cost(struct mu_buf *b, const struct io_compare_search *sys,
                         const struct io_compare_search *silo);

/* Whether the bank's preferences (any shift offered as prefer or avoid,
 * with preference_weight above 0) or its fair share (bank_min_share above
 * 0) are in sc's model: what io_say_bank says then has something to say. */
bool io_say_has_bank_rules(const struct mu_scenario *sc);

/* How the bank was used (DESIGN.md §3b), in sentences from u alone, each
 * ending in a newline: preferences granted of those offered as prefer and
 * avoided shifts given (when any were offered so), the hours offered and
 * worked with how many workers worked none or all of theirs, and, with
 * bank_min_share above 0, how many workers worked below their target and
 * the hours short. Penalties are said as weights, with their sign (a net
 * preference penalty is negative when prefer credits outweigh avoid
 * charges). Nothing when no worker offered a shift. Appends plain text. */
void io_say_bank(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_bank_use *u);

/* Fill changes of less than this (0.05 points) are no change. */
#define IO_SAY_FLAT_FILL 0.0005

/* One point of a sweep's series: the value it was solved at and what came
 * out (fill as a fraction, negative when nothing is required). */
struct io_say_point {
	double x;
	double fill;
	double spend; /* cash */
	size_t red_flags;
	double filled_hours; /* required - short - breach hours */
};

/* Filled hours that change by less than this (0.05 h) do not change. */
#define IO_SAY_FLAT_HOURS 0.05

/* Steps of a cap that io_say_sweep_cap lists one by one; more are said
 * as the cheapest and the dearest. */
#define IO_SAY_CAP_STEPS 6

/* The knee of a series whose fill rises: the first point after which fill
 * never rises again by IO_SAY_FLAT_FILL, when fill rose that much to reach
 * it. False when fill does not rise so, or still rises at the end. */
bool io_say_knee(const struct io_say_point *pts, size_t n, size_t *at);

/* What happens along a series (n >= 1 points, x increasing, the other
 * values fixed), said from the numbers: the direction and size of fill,
 * where it stops rising, what spend does meanwhile (extra spend "buys
 * fill" only when both rise), and the red flags. name is the --vary name.
 * Appends plain text to b. */
void io_say_sweep(struct mu_buf *b, const char *name, const struct io_say_point *pts, size_t n);

/* What a bank_cap.ROLE sweep (DESIGN.md §3d) buys, after io_say_sweep's
 * sentence on the same series (n points, x the cap rising): where a
 * higher cap stops buying fill (the first point beyond which fill gains
 * less than IO_SAY_FLAT_FILL), or that it still buys fill at the top of
 * the range, or none at all; then, up to that point, what each step of
 * the cap costs in cash per extra filled hour (spend change / filled
 * hours change between neighbouring points: "£31.20 (20 to 22)"; a step
 * whose filled hours rise by less than IO_SAY_FLAT_HOURS buys no fill,
 * one whose spend does not rise costs nothing more), listed up to
 * IO_SAY_CAP_STEPS steps and said as the cheapest and dearest beyond,
 * and the whole rise's spend, filled hours and cost an hour. Spend is
 * cash, said in £; no penalty weight is in it. Appends a space and the
 * sentences, or nothing when n < 2 or nothing is required. */
void io_say_sweep_cap(struct mu_buf *b, const char *name, const struct io_say_point *pts, size_t n);

/* What a sweep does to the discharge pathways (DESIGN.md §3f), after
 * io_say_sweep's sentence on the same series of n >= 1 points: patients
 * sent home and bed-days, each said as "40.0 throughout" when every point
 * is within IO_SAY_FLAT_FLOW of the first, else as the first point's, the
 * last's and the range between ("40.0 at the first point, 12.0 at the last
 * (between 12.0 and 40.0)"). Bed-days are patients, not money: their
 * penalty weight is not said. Appends a space and the sentence. */
void io_say_sweep_flow(struct mu_buf *b, const double *sent_home, const double *bed_days, size_t n);

/* Patients or bed-days that change by less than this (0.05) do not change. */
#define IO_SAY_FLAT_FLOW 0.05

/* The point of a series at x whose system totals are t: fill
 * (mu_totals_fill_rate), cash spend, red flags and filled hours. */
struct io_say_point io_say_point_of(double x, const struct mu_totals *t);

/* io_say_sweep along the first series of a grid (names[0] varies, pts its
 * n points), then the values the other names were held at, held[k] for
 * names[k], 0 < k < n_names: " (With demand = 0.9, tier_penalty = 0.)".
 * Appends plain text to b. */
void io_say_sweep_grid(struct mu_buf *b, const char *const *names, const double *held,
                       size_t n_names, const struct io_say_point *pts, size_t n);

/* The detail of one reason a demand row is uncovered (why.csv's `detail`),
 * naming the first worker, offer, agreement or staff row it concerns and how
 * many more there are. */
void io_say_why(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_why_row *r);

/* why.csv's `source`: the plan source's word, "none" with no source. */
const char *io_say_why_source(const struct mu_why_row *r);

/* why.csv's `limit`: the prices.csv kind that binds, or "". */
const char *io_say_why_limit(const struct mu_why_row *r);

/* Appends "£1,533" (whole pounds) or "£12.50" (under £100, pennies) for the
 * size of pounds. */
void io_say_money(struct mu_buf *b, double pounds);

/* Appends penalty weights (not money: no pound sign) as "3,005" (whole) or
 * "12.50" (under 100) for the size of weight. */
void io_say_weight(struct mu_buf *b, double weight);

/* What a re-plan re-plans, in one sentence: the kept plan as given
 * (k->source) and, with --now, the moment from which shifts are planned
 * again: "A re-plan of out/plan.csv (--keep): the shifts that start from
 * Wed 2 Dec 2026 12:00 (--now) are planned again, those before stay as
 * kept." */
void io_say_replan(struct mu_buf *b, const struct mu_keep *k);

/* The changes against a kept plan in one sentence made from their counts:
 * how many, how many forced (no longer possible, no penalty), how many
 * chosen (each worth more than its change penalty) with their penalties,
 * how many added, and how many kept assignments stand unchanged. */
void io_say_changes(struct mu_buf *b, const struct mu_changes *c);

/* One change: who (bank worker by name and id, or agency offer), which
 * shift (its date and clock times, then its id), from where to where, its
 * penalty or why it was forced: "removed: bank worker Owen Davies (bw024),
 * Thu 3 Dec 07:30–15:30 (thu-e), at acute_north rn_b5; forced (shift no
 * longer offered), no penalty". */
void io_say_change(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_change *ch);

/* A shift's day and clock times as people read them: "Thu 3 Dec
 * 07:30–15:30" (an end at or before the start is the next day's, as
 * shifts.csv writes it). Appends plain text to b. */
void io_say_shift_when(struct mu_buf *b, const struct mu_shift *s);

/* Pay caps and the supply they buy (DESIGN.md §3d, io_say_rates.c). */

/* The rates row (supply curve) whose staff a bank or bank_extra plan row
 * is: the row's partner's own curve of its role and shift when it has one
 * (silo, outside a coalition), else the shared one; NULL for another
 * source, or a role whose supply is fixed. Borrowed from plan. */
const struct mu_rate_row *io_say_rate_of_row(const struct mu_plan *plan,
                                             const struct mu_plan_row *row);

/* Whether r's rate paid is above its bank_rate (an enhanced rate). */
bool io_say_rate_is_enhanced(const struct mu_rate_row *r);

/* A role as the sentences name it: "Registered nurse (band 5)", or its
 * name alone without a band. */
void io_say_rate_role(struct mu_buf *b, const struct mu_scenario *sc, size_t role);

/* The extra staff of curve r to find, from plan's bank_extra rows: "Advertise
 * 2 Registered nurse (band 5) shifts on Sat 5 Dec 20:00–08:00 (sat-n) at
 * £17.75/h (+30% for unsocial hours): 1 at Acute North, 1 at Hospice." (at
 * "the bank rate, £15.33/h" when not enhanced; a partner's own curve says
 * whose bank). Staff whole, or a plan's fractions to two decimals.
 * Nothing when r has no extra staff. Plain text. */
void io_say_rate_advert(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *plan,
                        const struct mu_rate_row *r);

/* A shift that needed an enhanced rate: "Sat 5 Dec 20:00–08:00 (sat-n),
 * Registered nurse (band 5): £17.75/h (+30% for unsocial hours), above the
 * bank rate £15.33/h, for 14 staff (12 named, 2 extra) where 11.4 can be
 * had at the bank rate; £123 more spend." Plain text. */
void io_say_rate_enhanced(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct mu_rate_row *r);

/* The section's summary over plan's supply curves, or over those whose
 * staff work at partner (MU_ALL: all): "Extra bank staff to find: 27
 * staff-shifts, on 24 shifts of a role. An enhanced rate on 17 shifts of a
 * role, £2,345 of spend above the bank rate." - the bank_extra rows' staff
 * (at partner), the curves with any, the enhanced curves whose staff work
 * there, and the rate rows' cash (at partner). Plain text. */
void io_say_rates_summary(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct mu_plan *plan, size_t partner);

/* What a recruitment (DESIGN.md §3c) comes to, a year, against recruiting
 * nobody: the posts by role and partner with their yearly pay (money),
 * then the yearly objective (spend plus penalty weights, said as such, a
 * plain number with no pound sign), cash spend (the posts' pay included,
 * in pounds) and filled hours, each with its sign; then what one post more
 * would do to the yearly objective, or that none fits. */
struct io_say_recruit {
	const double *posts;    /* per recruits.csv row of sc */
	double post_cost;       /* posts x annual_cost */
	double cost, cost_none; /* the yearly objective: spend plus penalty weights */
	double spend, spend_none;
	double filled, filled_none; /* filled hours a year */
	bool has_next;              /* one post more was solved ... */
	bool is_next_feasible;      /* ... and fits recruit_budget and max_posts */
	double cost_next;
	bool is_lp; /* posts may be fractions */
	/* Recruiting nobody was not solved (its search stopped with no rota
	 * better than leaving every shift short): there is nothing to compare
	 * with, and the sentence says so instead. */
	bool is_none_unsolved;
	/* A search of the posts, of recruiting nobody or of one post more was
	 * stopped before it was proven (a rota's work or time limit, Ctrl-C):
	 * the sentence then says it compares the best rotas found, and claims
	 * no best. */
	bool is_unfinished;
	/* the weeks have discharge pathways (DESIGN.md §3f): the bed-days a
	 * year of patients fit to leave, with the posts and without */
	bool has_flow;
	double bed_days, bed_days_none;
};

/* Appends plain text to b. With pathways (has_flow) and posts, the
 * bed-days they free a year, whole ("; they free 1,234 bed-days a year of
 * patients fit to leave and waiting in a hospital bed"; "add" when the
 * bed-days rise; "leave as many" when they round to 0). */
void io_say_recruit(struct mu_buf *b, const struct mu_scenario *sc, const struct io_say_recruit *r);

/* Shares (DESIGN.md §3a): a coalition, the core check and the settlement. */

/* Appends the ids of the partners in coalition s (bit p: partner p of sc),
 * in scenario order, joined by ';' ("acute_north;cmh_trust"); nothing for
 * the empty coalition. */
void io_say_coalition(struct mu_buf *b, const struct mu_scenario *sc, mu_coalition s);

/* Whether exact shares (sh->is_exact) are in the core: in it, that no
 * group gains more value alone than its shares add up to, with the closest
 * group (sh->furthest) and by how much (-furthest_excess); not in it, which
 * group would gain how much more (furthest_excess): value, spend plus
 * penalty weights, to two decimals and with no pound sign.
 * Sampled shares: that the core is checked for exact shares only, up to
 * exact_max partners. Appends plain text to b. */
void io_say_shares_core(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_shares *sh,
                        int exact_max);

/* "per week" (days 7), "per day" (1), else "per N days": the horizon a
 * figure of money is for. Appends plain text to b. */
void io_say_horizon(struct mu_buf *b, long days);

/* A settlement (mu_game_settlement's n_t transfers, in their order),
 * partners by name, each transfer that reads above 0.00. per_days 0: of
 * the weighted shares, "Transfers of value (spend plus penalty weights, not
 * money) ...: A passes B 1,234.56 of value; ..." (no pound sign); per_days
 * > 0: of the cash game, money for that horizon, "Settlement in cash, per
 * week (...): A pays B £X; ...". "pays" and "£" only for money. When none
 * reads above 0.00, that none is needed. Appends plain text to b. */
void io_say_shares_settlement(struct mu_buf *b, const struct mu_scenario *sc,
                              const struct mu_transfer *t, size_t n_t, long per_days);

/* What one solve of a recruitment's joint model comes to, a year: the best
 * posts, recruiting nobody, one post more, or a point of the curve
 * (--posts). Its figures mean something only when it is solved
 * (io_say_recruit_is_solved). */
struct io_recruit_year {
	enum mu_status status;
	double cost;      /* the yearly objective: posts x annual_cost + each week's
	                   * objective (spend plus penalty weights) x its weeks a year */
	double post_cost; /* posts x annual_cost */
	double spend;     /* cash, the posts' pay included */
	double filled;    /* filled hours */
	double posts;     /* in all */
	size_t red_flags; /* over the weeks */
	/* patients fit to leave still in a hospital bed at the end of each
	 * day (DESIGN.md §3f, the plans' bed_days rows), weeks x weights: a
	 * year's bed-days; 0 without flow.csv */
	double bed_days;
};

/* Optimal or feasible: a plan was found. */
static inline bool io_say_recruit_is_solved(const struct io_recruit_year *y)
{
	return y->status == MU_STATUS_OPTIMAL || y->status == MU_STATUS_FEASIBLE;
}

/* Where a recruitment curve stops falling, read from its points in order
 * of posts. */
enum io_recruit_end {
	IO_RECRUIT_FALLS,       /* every solved step lowers the yearly objective */
	IO_RECRUIT_BREAK_EVEN,  /* the step after the point does not */
	IO_RECRUIT_NO_MORE_FIT, /* the point after it does not fit (infeasible) */
	IO_RECRUIT_NOT_SOLVED,  /* the point after it was not solved before its search stopped */
	IO_RECRUIT_NONE_FITS,   /* no point fits within recruit_budget and max_posts */
	IO_RECRUIT_NONE_SOLVED  /* no point was solved before its search stopped */
};

/* Where the curve of n points pts (in order of posts) ends, from the first
 * solved point on: at the first point after which one more step no longer
 * lowers the yearly objective by 0.5 or more, or whose next point does not fit
 * or was not solved. *at gets the point (n for IO_RECRUIT_FALLS and when
 * no point is solved). */
enum io_recruit_end io_say_recruit_end(const struct io_recruit_year *pts, size_t n, size_t *at);

/* The sentence on where the curve ends (io_say_recruit_end of pts): "Break-
 * even at 50 posts: one more step of posts no longer lowers the yearly
 * cost.", where the most fit or the last point was solved, or that every
 * step still pays; x[i] is the total posts of point i (n >= 1). Appends
 * plain text to b. */
void io_say_recruit_curve(struct mu_buf *b, const double *x, const struct io_recruit_year *pts,
                          size_t n);

/* Moving patients home sooner (DESIGN.md §3f, io_say_flow.c). */

/* Discharged patients smaller than this (0.05) are none; numbers are
 * said whole or to one decimal (io_say_flow_number). */
#define IO_SAY_FLOW_NONE 0.05
/* Prices smaller than this (0.005) are none. */
#define IO_SAY_FLOW_PRICE 0.005

/* One pathway's horizon, summed from a plan's discharge rows. "Without
 * the plan" is no patient discharged in the horizon: every one of the
 * waiting patients in a bed every day (waiting x n_days bed-days); the
 * plan frees bed_days_freed of them and leaves bed_days. */
struct io_say_flow {
	double waiting;          /* flow.csv's waiting */
	double discharged;       /* patients sent home over the horizon */
	bool has_last;           /* anyone discharged (more than IO_SAY_FLOW_NONE on a day) */
	long last_day;           /* the last day with a discharge (days since 1970-01-01) */
	long first_day, end_day; /* the horizon's first and last day */
	size_t n_days;
	double care_hours;     /* care hours added at `to` */
	double ward_staff;     /* ward staff-shifts freed at `from` */
	double bed_days_freed; /* patients discharged by the end of each day, summed */
	double bed_days;       /* patients still waiting at the end of each day, summed */
	double penalty;        /* their bed-day penalty: a weight */
};

/* Fills out from plan's discharge rows of pathway flow of sc. */
void io_say_flow_sum(struct io_say_flow *out, const struct mu_scenario *sc,
                     const struct mu_plan *plan, size_t flow);

/* Appends day (days since 1970-01-01) as "Wed 2 Dec". */
void io_say_flow_day(struct mu_buf *b, long day);

/* Appends v whole ("216") when within IO_SAY_FLOW_NONE of a whole number,
 * else to one decimal ("30.7"). */
void io_say_flow_number(struct mu_buf *b, double v);

/* The sentence of DESIGN.md §3f on pathway flow of sc from f: "Sending 18
 * of the 25 patients waiting at A for care from B home by Wed 2 Dec takes
 * 216 h of Care worker care at B and frees 30 Registered nurse (band 5)
 * shifts and 74 bed-days at A; 7 stay in a bed to the end of Sun 6 Dec:
 * 21 bed-days, a bed-day penalty of 8,295 (a weight, not money)." ("all
 * 25", "the one patient"; "None of the 25 ... goes home: ..." when no one
 * goes; "No patient waits ..." when none wait). Plain text. */
void io_say_flow(struct mu_buf *b, const struct mu_scenario *sc, size_t flow,
                 const struct io_say_flow *f);

/* Pathway flow's shadow prices in words (plan mode), from prices (n rows,
 * prices.csv's), docs/hospital-flow.md. The objective is convex in every
 * limit, so each price is a bound beyond its range:
 * - what each patient sent home is worth: minus the price of the waiting
 *   row wait_f<flow>, the rise in the objective were one of them kept in a
 *   bed to the end of the horizon instead: "at least" it, and "exactly"
 *   for as many whole patients as its range reaches; at a price of 0 whose
 *   range reaches one patient, that sending them home does not lower it;
 * - nothing of one more patient waiting (its price may be negative:
 *   demand.csv's ward demand is fixed, so a patient more is only more
 *   demand to free, which reads as if delays were good);
 * - the max_staff largest prices of one more care_role staff-shift at `to`
 *   (its staff rows) whose range reaches one more.
 * All weights, no pound sign. Plain text, sentences apart by a space;
 * returns how many. */
size_t io_say_flow_prices(struct mu_buf *b, const struct mu_scenario *sc, size_t flow,
                          const struct mu_price_row *prices, size_t n, size_t max_staff);

/* What moving patients home is worth inside the value of working
 * together (compare, DESIGN.md §3f): per pathway of sc, the patients sys
 * sends home against silo's, and the bed-days, care hours and ward shifts
 * freed more or fewer ("Working together, A sends 25 of its 25 patients
 * waiting for care from B home, against 18 alone: 49 fewer bed-days at A,
 * 84 more care hours at B and 12 more ward shifts freed."); then the
 * bed-day penalty's fall (a weight) beside the objective's (silo - sys).
 * Nothing without pathways. Plain text. */
void io_say_flow_compare(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                         const struct mu_plan *silo);

#endif
