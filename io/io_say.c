/*
 * io_say.c - the value of working together, said in cash, hours and red
 * flags. A figure is rounded as it is shown, and its direction is read
 * from the rounded figure, so that "the same" is never said of a change
 * the reader can see, nor "more" of one that reads 0.
 */
#include "io_say.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>

#define EPS 1e-6

void io_say_money(struct mu_buf *b, double pounds)
{
	char m[MU_MONEY_SIZE];
	double size = fabs(pounds);
	mu_buf_adds(b, mu_format_money(m, size, size < 100 ? 2 : 0));
}

/* True when pounds reads as £0 the way io_say_money shows it. */
static bool is_zero_money(double pounds)
{
	double size = fabs(pounds);
	return size < 100 ? size < 0.005 : size < 0.5;
}

static void say_hours(struct mu_buf *b, double more)
{
	double shown = round(fabs(more));
	if (shown == 0)
		mu_buf_adds(b, "fills as many hours");
	else
		mu_buf_addf(b, "fills %.0f %s hour%s", shown, more > 0 ? "more" : "fewer",
		            shown == 1 ? "" : "s");
}

static void say_red_flags(struct mu_buf *b, size_t sys, size_t silo)
{
	if (sys == silo && silo == 0)
		mu_buf_adds(b, "leaves no red flags, as alone");
	else if (sys == silo)
		mu_buf_addf(b, "leaves the same %zu red flag%s", sys, sys == 1 ? "" : "s");
	else if (sys == 0)
		mu_buf_addf(
		    b, silo == 1 ? "removes the only red flag" : "removes all %zu red flags", silo);
	else if (sys < silo)
		mu_buf_addf(b, "removes %zu of the %zu red flags", silo - sys, silo);
	else
		mu_buf_addf(b, "adds %zu red flag%s (%zu against %zu alone)", sys - silo,
		            sys - silo == 1 ? "" : "s", sys, silo);
}

static void say_spend(struct mu_buf *b, double more)
{
	if (is_zero_money(more)) {
		mu_buf_adds(b, ", at the same spend");
		return;
	}
	mu_buf_adds(b, more > 0 ? ", for " : ", and spends ");
	io_say_money(b, more);
	mu_buf_adds(b, more > 0 ? " more spend" : " less");
}

/* The recharge a partner named as worse off receives (net > 0) or pays
 * for mutual aid, more than alone: not spend (it is a transfer inside the
 * system, DESIGN.md §3), but money the partner sees, so said beside it. */
static void say_recharge(struct mu_buf *b, double net)
{
	char m[MU_MONEY_SIZE];
	if (fabs(net) < 0.005)
		return;
	mu_buf_addf(b, ", %s recharge %s", mu_format_money(m, fabs(net), 2),
	            net > 0 ? "received" : "paid");
}

/* Appends what is worse for partner p in the system plan, if anything;
 * returns whether it did. */
static bool say_worse(struct mu_buf *b, const char *name, const struct mu_totals *sys,
                      const struct mu_totals *silo, bool is_first)
{
	double fewer = silo->filled_hours - sys->filled_hours;
	double more = sys->spend_total - silo->spend_total;
	bool is_fewer = fewer > EPS, is_more = more > EPS;
	if (!is_fewer && !is_more)
		return false;
	mu_buf_adds(b, is_first ? " Worse off than alone: " : "; ");
	mu_buf_addf(b, "%s (", name);
	if (is_fewer && fewer < 0.05)
		mu_buf_adds(b, "less than 0.1 fewer filled hours");
	else if (is_fewer)
		mu_buf_addf(b, "%.1f fewer filled hours", fewer);
	if (is_fewer && is_more)
		mu_buf_adds(b, ", ");
	if (is_more && more < 0.005) {
		mu_buf_adds(b, "less than £0.01 more spend");
	} else if (is_more) {
		char m[MU_MONEY_SIZE];
		mu_buf_addf(b, "%s more spend", mu_format_money(m, more, 2));
	}
	say_recharge(b, (sys->recharge_in - sys->recharge_out) -
	                    (silo->recharge_in - silo->recharge_out));
	mu_buf_adds(b, ")");
	return true;
}

void io_say_value(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                  const struct mu_plan *silo)
{
	const struct mu_totals *a = &sys->system, *c = &silo->system;
	bool is_first = true;
	size_t p;
	mu_buf_adds(b, "Working together ");
	say_hours(b, a->filled_hours - c->filled_hours);
	mu_buf_adds(b, " and ");
	say_red_flags(b, a->n_red_flags, c->n_red_flags);
	say_spend(b, a->spend_total - c->spend_total);
	mu_buf_adds(b, ".");
	for (p = 0; p < sc->n_partners; p++)
		if (say_worse(b, sc->partners[p].name, &sys->partners[p], &silo->partners[p],
		              is_first))
			is_first = false;
	if (!is_first)
		mu_buf_adds(b, ".");
}

/* "spend £120 more", "penalties £3,000 less", "spend the same" */
static void say_part(struct mu_buf *b, const char *what, double more)
{
	mu_buf_addf(b, "%s ", what);
	if (is_zero_money(more)) {
		mu_buf_adds(b, "the same");
		return;
	}
	io_say_money(b, more);
	mu_buf_adds(b, more > 0 ? " more" : " less");
}

void io_say_guarantee(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *with,
                      const struct mu_plan *without, const struct mu_plan *silo)
{
	const struct mu_totals *a = &with->system, *c = &without->system;
	double price = a->cost_total - c->cost_total;
	size_t p, n = 0;
	mu_buf_adds(b, "The guarantee (no partner's unfilled penalty above its silo plan's) ");
	if (is_zero_money(price)) {
		mu_buf_adds(b, "costs nothing here: the cost to the system is the same with it");
	} else {
		mu_buf_adds(b, price > 0 ? "raises" : "lowers");
		mu_buf_adds(b, " the cost to the system (spend plus penalty weights) by ");
		io_say_money(b, price);
		mu_buf_adds(b, ": ");
		say_part(b, "spend", a->spend_total - c->spend_total);
		mu_buf_adds(b, ", ");
		say_part(b, "penalties", a->penalty_total - c->penalty_total);
	}
	mu_buf_adds(b, ".");
	for (p = 0; p < sc->n_partners; p++) {
		double more =
		    without->partners[p].unfilled_penalty - silo->partners[p].unfilled_penalty;
		char m[MU_MONEY_SIZE];
		if (more < 0.005)
			continue;
		mu_buf_adds(b, n++ == 0 ? " It protects " : "; ");
		mu_buf_addf(b, "%s (without it, %s more unfilled penalty than alone)",
		            sc->partners[p].name, mu_format_money(m, more, 2));
	}
	mu_buf_adds(
	    b, n ? "." : " Without it, too, no partner carries more unfilled penalty than alone.");
}

/* Fill never moves against dir (+1 rising, -1 falling) by the flat
 * amount between any two points of [from, to]. */
static bool is_monotone(const struct io_say_point *pts, size_t from, size_t to, int dir)
{
	size_t i, j;
	for (i = from; i <= to; i++)
		for (j = i + 1; j <= to; j++)
			if (dir * (pts[j].fill - pts[i].fill) <= -IO_SAY_FLAT_FILL)
				return false;
	return true;
}

/* The first point beyond which fill gains less than the flat amount, or
 * the last point when it still gains so at the end. */
static size_t knee_of(const struct io_say_point *pts, size_t n)
{
	size_t i, j;
	for (i = 0; i + 1 < n; i++) {
		bool is_flat = true;
		for (j = i + 1; j < n && is_flat; j++)
			is_flat = pts[j].fill - pts[i].fill < IO_SAY_FLAT_FILL;
		if (is_flat)
			return i;
	}
	return n - 1;
}

bool io_say_knee(const struct io_say_point *pts, size_t n, size_t *at)
{
	size_t k = knee_of(pts, n);
	if (k + 1 >= n || pts[k].fill - pts[0].fill < IO_SAY_FLAT_FILL)
		return false;
	*at = k;
	return true;
}

static void say_at(struct mu_buf *b, const char *name, double x)
{
	mu_buf_addf(b, " at %s = %g", name, x);
}

/* "spend rises from £1 to £2", "falls ...", "stays at £1" between points
 * i and k. */
static void say_spend_between(struct mu_buf *b, const struct io_say_point *pts, size_t i, size_t k)
{
	double more = pts[k].spend - pts[i].spend;
	if (is_zero_money(more)) {
		mu_buf_adds(b, "spend stays at ");
		io_say_money(b, pts[i].spend);
		return;
	}
	mu_buf_adds(b, more > 0 ? "spend rises from " : "spend falls from ");
	io_say_money(b, pts[i].spend);
	mu_buf_adds(b, " to ");
	io_say_money(b, pts[k].spend);
}

static void say_red_flags_along(struct mu_buf *b, const struct io_say_point *pts, size_t n)
{
	size_t i, lo = pts[0].red_flags, hi = pts[0].red_flags;
	for (i = 1; i < n; i++) {
		lo = pts[i].red_flags < lo ? pts[i].red_flags : lo;
		hi = pts[i].red_flags > hi ? pts[i].red_flags : hi;
	}
	if (lo == hi)
		mu_buf_addf(b, " Red flags: %zu throughout.", lo);
	else
		mu_buf_addf(b,
		            " Red flags: %zu at the first point, %zu at the last (between %zu and "
		            "%zu).",
		            pts[0].red_flags, pts[n - 1].red_flags, lo, hi);
}

void io_say_sweep(struct mu_buf *b, const char *name, const struct io_say_point *pts, size_t n)
{
	size_t i, lo = 0, hi = 0, last = n - 1, k;
	for (i = 0; i < n; i++) {
		if (pts[i].fill < 0) {
			mu_buf_adds(b, "Nothing is required at some points: fill is not said.");
			return;
		}
		lo = pts[i].fill < pts[lo].fill ? i : lo;
		hi = pts[i].fill > pts[hi].fill ? i : hi;
	}
	if (pts[hi].fill - pts[lo].fill < IO_SAY_FLAT_FILL) {
		mu_buf_addf(b, "Fill stays at %.2f%% (within 0.05 points) from %s = %g to %g; ",
		            100 * pts[0].fill, name, pts[0].x, pts[last].x);
		say_spend_between(b, pts, 0, last);
		mu_buf_adds(b, ".");
	} else if (pts[last].fill - pts[0].fill >= IO_SAY_FLAT_FILL &&
	           is_monotone(pts, 0, last, 1)) {
		bool has_knee;
		k = knee_of(pts, n);
		has_knee = k < last;
		mu_buf_addf(b, "Fill rises from %.2f%%", 100 * pts[0].fill);
		say_at(b, name, pts[0].x);
		mu_buf_addf(b, " to %.2f%%", 100 * pts[k].fill);
		say_at(b, name, pts[k].x);
		if (has_knee) {
			mu_buf_addf(b, ", and by less than 0.05 points beyond it (%.2f%%",
			            100 * pts[last].fill);
			say_at(b, name, pts[last].x);
			mu_buf_adds(b, ")");
		} else {
			mu_buf_adds(b, ", still rising at the end of the range");
		}
		mu_buf_adds(b, "; up to there ");
		say_spend_between(b, pts, 0, k);
		if (pts[k].spend - pts[0].spend > 0 && !is_zero_money(pts[k].spend - pts[0].spend))
			mu_buf_adds(b, has_knee ? ": extra spend buys fill up to there, not beyond"
			                        : ": extra spend still buys fill");
		mu_buf_adds(b, ".");
	} else if (pts[0].fill - pts[last].fill >= IO_SAY_FLAT_FILL &&
	           is_monotone(pts, 0, last, -1)) {
		mu_buf_addf(b, "Fill falls from %.2f%%", 100 * pts[0].fill);
		say_at(b, name, pts[0].x);
		mu_buf_addf(b, " to %.2f%%", 100 * pts[last].fill);
		say_at(b, name, pts[last].x);
		mu_buf_adds(b, "; ");
		say_spend_between(b, pts, 0, last);
		mu_buf_adds(b, ".");
	} else {
		mu_buf_addf(b, "Fill moves between %.2f%%", 100 * pts[lo].fill);
		say_at(b, name, pts[lo].x);
		mu_buf_addf(b, " and %.2f%%", 100 * pts[hi].fill);
		say_at(b, name, pts[hi].x);
		mu_buf_adds(b, ", up and down; from the first point to the last ");
		say_spend_between(b, pts, 0, last);
		mu_buf_adds(b, ".");
	}
	say_red_flags_along(b, pts, n);
}

const char *io_say_why_source(const struct mu_why_row *r)
{
	return r->source < MU_SRC_COUNT ? mu_source_info[r->source].name : "none";
}

const char *io_say_why_limit(const struct mu_why_row *r)
{
	return r->limit < MU_ROW_KIND_COUNT ? mu_row_kind_info[r->limit].name : "";
}

/* " (and 3 more)" when there are more subjects than the one named. */
static void say_more(struct mu_buf *b, size_t n)
{
	if (n > 1)
		mu_buf_addf(b, " (and %zu more)", n - 1);
}

static void say_staff_row(struct mu_buf *b, const struct mu_scenario *sc, size_t f)
{
	const struct mu_staff *st = &sc->staff[f];
	mu_buf_addf(b, "%s's %s on %s", sc->partners[st->partner].id, sc->roles[st->role].id,
	            sc->shifts[st->shift].id);
}

static void say_worker(struct mu_buf *b, const struct mu_scenario *sc, size_t w)
{
	mu_buf_addf(b, "%s (%s)", sc->bank[w].name, sc->bank[w].id);
}

static void say_offer(struct mu_buf *b, const struct mu_scenario *sc, size_t a)
{
	const struct mu_agency_offer *o = &sc->agency[a];
	mu_buf_addf(b, "%s's %s offer (partner %s)", o->supplier, sc->roles[o->role].id,
	            o->partner == MU_ALL ? "*" : sc->partners[o->partner].id);
}

static void say_limit(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_why_row *r)
{
	const struct mu_demand *d = &sc->demand[r->demand];
	switch (r->limit) {
	case MU_ROW_STAFF:
		mu_buf_adds(b, "every available staff member is working: ");
		say_staff_row(b, sc, r->subject);
		break;
	case MU_ROW_ROTATABLE:
		mu_buf_adds(b, "every rotatable staff member is lent already: ");
		say_staff_row(b, sc, r->subject);
		break;
	case MU_ROW_AGREEMENT: {
		const struct mu_agreement *g = &sc->agreements[r->subject];
		mu_buf_addf(b, "the mutual-aid places per shift from %s to %s are used up",
		            sc->partners[g->from].id, sc->partners[g->to].id);
		break;
	}
	case MU_ROW_REST:
		mu_buf_adds(b, "works a shift that overlaps it or leaves under min_rest_hours: ");
		say_worker(b, sc, r->subject);
		break;
	case MU_ROW_HOURS:
		mu_buf_adds(b, "would pass max_hours: ");
		say_worker(b, sc, r->subject);
		break;
	case MU_ROW_CAPACITY:
		mu_buf_adds(b, "capacity on this shift used up: ");
		say_offer(b, sc, r->subject);
		break;
	case MU_ROW_BREAK_GLASS:
		mu_buf_addf(b, "break-glass heads already at the row's minimum (%g): ", d->minimum);
		say_offer(b, sc, r->subject);
		break;
	case MU_ROW_BUDGET:
		mu_buf_adds(b, "the agency budget (the partner's or the system's) is spent: ");
		say_offer(b, sc, r->subject);
		break;
	default:
		break;
	}
	say_more(b, r->n_subjects);
}

void io_say_why(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_why_row *r)
{
	const struct mu_demand *d = &sc->demand[r->demand];
	const char *at = sc->partners[d->partner].id;
	switch (r->reason) {
	case MU_WHY_LIMIT:
		say_limit(b, sc, r);
		break;
	case MU_WHY_NOT_ALLOWED:
		mu_buf_adds(b, "break-glass (off framework or above the agency cap) and "
		               "allow_break_glass is no: ");
		say_offer(b, sc, r->subject);
		say_more(b, r->n_subjects);
		break;
	case MU_WHY_COSTS_MORE:
		mu_buf_adds(b, "the cheapest costs ");
		io_say_money(b, r->cost);
		mu_buf_adds(b, " a staff covered (spend and any tier or break-glass penalty), more "
		               "than the ");
		io_say_money(b, r->penalty);
		mu_buf_addf(b, " penalty of leaving one uncovered (%zu could cover it)",
		            r->n_subjects);
		break;
	case MU_WHY_UNUSED:
		mu_buf_addf(b,
		            "%zu could cover it for less than its penalty, yet the plan does not "
		            "use them (a rota not proven optimal, or a limit met with others)",
		            r->n_subjects);
		break;
	case MU_WHY_CANNOT_REACH:
		if (r->source == MU_SRC_LEND)
			mu_buf_addf(
			    b,
			    "no mutual-aid agreement into %s for a role that covers it, with "
			    "rotatable staff on this shift",
			    at);
		else if (r->source == MU_SRC_BANK)
			mu_buf_addf(
			    b,
			    "no bank worker of a role that covers it offered this shift and "
			    "is cleared for %s",
			    at);
		else
			mu_buf_addf(b, "no agency offer of a role that covers it serves %s", at);
		break;
	case MU_WHY_NO_SOURCE:
		mu_buf_adds(b, "no own staff, agreement, bank worker or agency offer can cover it");
		break;
	default:
		break;
	}
}

bool io_say_has_bank_rules(const struct mu_scenario *sc)
{
	size_t i;
	if (sc->settings.bank_min_share > 0)
		return true;
	if (!(sc->settings.preference_weight > 0))
		return false;
	for (i = 0; i < sc->n_availability; i++)
		if (sc->availability[i].preference != MU_PREF_NEUTRAL)
			return true;
	return false;
}

/* A count of shifts or staff: whole in a rota, fractional in plan mode. */
static const char *count_text(char *buf, size_t size, double v)
{
	if (fabs(v - round(v)) < 1e-6)
		snprintf(buf, size, "%.0f", fabs(round(v)));
	else
		snprintf(buf, size, "%.2f", v);
	return buf;
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

void io_say_bank(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_bank_use *u)
{
	char m[MU_MONEY_SIZE], n1[MU_MONEY_SIZE], n2[MU_MONEY_SIZE];
	if (u->n_workers == 0)
		return;
	if (u->n_prefer + u->n_avoid > 0) {
		mu_buf_adds(b, "Preferences:");
		if (u->n_prefer > 0)
			mu_buf_addf(b, " %s of the %zu shift%s offered as prefer granted%s",
			            count_text(n1, sizeof(n1), u->prefer_granted), u->n_prefer,
			            plural(u->n_prefer), u->n_avoid > 0 ? ";" : "");
		if (u->n_avoid > 0)
			mu_buf_addf(b, " %s of the %zu shift%s offered as avoid given",
			            count_text(n2, sizeof(n2), u->avoid_given), u->n_avoid,
			            plural(u->n_avoid));
		mu_buf_addf(b, ". Preference penalty %s net (weights, not money",
		            mu_format_money(m, u->preference_penalty, 2));
		if (sc->settings.preference_weight > 0)
			mu_buf_addf(b,
			            ": up to -%s a prefer granted (at most its pay), +%s an avoid "
			            "given",
			            mu_format_money(n1, sc->settings.preference_weight, 2),
			            mu_format_money(n2, sc->settings.preference_weight, 2));
		else
			mu_buf_adds(b, ": preference_weight is 0");
		mu_buf_adds(b, ").\n");
	}
	mu_buf_addf(b, "Bank hours: %zu worker%s offered %s h and worked %s h of them",
	            u->n_workers, plural(u->n_workers),
	            count_text(n1, sizeof(n1), u->offered_hours),
	            count_text(n2, sizeof(n2), u->worked_hours));
	if (u->offered_hours > 0)
		mu_buf_addf(b, " (%.1f%%)", 100 * u->worked_hours / u->offered_hours);
	mu_buf_addf(b, "; %zu worked none of their offered hours, %zu all of them.\n",
	            u->by_share[MU_SHARE_NONE], u->by_share[MU_SHARE_ALL]);
	if (sc->settings.bank_min_share > 0) {
		mu_buf_addf(b, "Fair share (%.4g%% of offered hours, up to max_hours): ",
		            100 * sc->settings.bank_min_share);
		if (u->n_below_target == 0)
			mu_buf_addf(b, "all %zu worker%s with a target reached it",
			            u->n_with_target, plural(u->n_with_target));
		else
			mu_buf_addf(b,
			            "%zu of %zu worker%s with a target worked below it, %s h short "
			            "in all",
			            u->n_below_target, u->n_with_target, plural(u->n_with_target),
			            count_text(n1, sizeof(n1), u->hours_short));
		mu_buf_addf(b, " (share penalty %s, weights, not money).\n",
		            mu_format_money(m, u->share_penalty, 2));
	}
}

void io_say_changes(struct mu_buf *b, const struct mu_changes *c)
{
	size_t i, n_added = 0, n_chosen = 0;
	for (i = 0; i < c->n_rows; i++) {
		if (c->rows[i].kind == MU_CHANGE_ADDED)
			n_added++;
		else if (!c->rows[i].is_forced)
			n_chosen++;
	}
	if (c->n_rows == 0) {
		if (c->n_kept == 0)
			mu_buf_adds(b, "No change: the kept plan has no bank assignment or agency "
			               "booking to keep.");
		else
			mu_buf_addf(
			    b,
			    "No change against the kept plan: its %zu bank assignment%s and "
			    "agency booking%s all stand.",
			    c->n_kept, c->n_kept == 1 ? "" : "s", c->n_kept == 1 ? "" : "s");
		return;
	}
	mu_buf_addf(b, "%zu change%s against the kept plan: ", c->n_rows,
	            c->n_rows == 1 ? "" : "s");
	if (c->n_forced > 0)
		mu_buf_addf(b, "%zu forced (no longer possible, so no penalty); ", c->n_forced);
	/* the plan is the cheapest with its changes' penalties counted: a change
	 * is made when the plan costs less with it, perhaps only together with
	 * others, not each on its own */
	if (n_chosen > 0) {
		mu_buf_addf(b, "%zu made at a change penalty (", n_chosen);
		io_say_money(b, c->penalty);
		mu_buf_adds(b, " in all, penalty weights), the re-plan costing less with them; ");
	} else {
		mu_buf_adds(b, "none made at a change penalty (");
		io_say_money(b, c->change_penalty);
		mu_buf_adds(b, " each); ");
	}
	if (n_added > 0)
		mu_buf_addf(b, "%zu added (new bookings carry no change penalty); ", n_added);
	mu_buf_addf(b, "%zu kept as they were.", c->n_kept);
}

/* "P role" of a cell. */
static void say_cell(struct mu_buf *b, const struct mu_scenario *sc, size_t partner, size_t role)
{
	mu_buf_addf(b, "%s %s", sc->partners[partner].id, sc->roles[role].id);
}

void io_say_change(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_change *ch)
{
	mu_buf_addf(b, "%s: ", mu_change_kind_names[ch->kind]);
	if (ch->source == MU_SRC_BANK) {
		mu_buf_addf(b, "bank worker %s", sc->bank[ch->worker].id);
	} else if (ch->offer != MU_ALL) {
		const struct mu_agency_offer *a = &sc->agency[ch->offer];
		mu_buf_addf(b, "%.4g agency staff of %s (%s, offer for %s)", ch->staff, a->supplier,
		            sc->roles[a->role].id,
		            a->partner == MU_ALL ? "*" : sc->partners[a->partner].id);
	} else {
		mu_buf_addf(b, "%.4g agency staff (offer gone)", ch->staff);
	}
	mu_buf_addf(b, " on %s", sc->shifts[ch->shift].id);
	if (ch->from_partner != MU_ALL) {
		mu_buf_adds(b, ch->kind == MU_CHANGE_MOVED ? " from " : " at ");
		say_cell(b, sc, ch->from_partner, ch->from_role);
	}
	if (ch->to_partner != MU_ALL) {
		mu_buf_adds(b, ch->kind == MU_CHANGE_MOVED ? " to " : " at ");
		say_cell(b, sc, ch->to_partner, ch->to_role);
	}
	if (ch->is_forced) {
		mu_buf_addf(b, "; forced (%s), no penalty", mu_keep_gone_names[ch->why]);
	} else if (ch->kind != MU_CHANGE_ADDED) {
		mu_buf_adds(b, "; change penalty ");
		io_say_money(b, ch->penalty);
	}
}

/* "21st", "2nd", "13th". */
static void say_ordinal(struct mu_buf *b, unsigned long n)
{
	static const char *const end[] = {"th", "st", "nd", "rd"};
	unsigned long last = n % 10, tens = n % 100;
	mu_buf_addf(b, "%lu%s", n, tens >= 11 && tens <= 13 ? "th" : last <= 3 ? end[last] : "th");
}

/* A change of the yearly cost by more (the sign says which way), the
 * verb singular or plural. */
static void say_cost_change(struct mu_buf *b, double more, bool is_one)
{
	if (is_zero_money(more)) {
		mu_buf_addf(b, "leave%s the yearly cost (spend plus penalty weights) as it is",
		            is_one ? "s" : "");
		return;
	}
	mu_buf_addf(b, "%s%s the yearly cost (spend plus penalty weights) by ",
	            more < 0 ? "lower" : "raise", is_one ? "s" : "");
	io_say_money(b, more);
}

void io_say_recruit(struct mu_buf *b, const struct mu_scenario *sc, const struct io_say_recruit *r)
{
	size_t i, n_shown = 0, n_with = 0;
	double total = 0, hours;
	bool is_one;
	for (i = 0; i < sc->n_recruits; i++)
		if (r->posts[i] > EPS) {
			n_with++;
			total += r->posts[i];
		}
	if (n_with == 0) {
		mu_buf_adds(b, "Recruiting nobody is best: no post lowers the yearly cost (spend "
		               "plus penalty weights)");
	} else {
		for (i = 0; i < sc->n_recruits; i++) {
			const struct mu_recruit *k = &sc->recruits[i];
			double n = r->posts[i];
			if (n <= EPS)
				continue;
			if (n_shown > 0)
				mu_buf_adds(b, n_shown + 1 == n_with ? " and " : ", ");
			if (r->is_lp)
				mu_buf_addf(b, "%.2f", n);
			else
				mu_buf_addf(b, "%.0f", n);
			mu_buf_addf(b, " %s post%s at %s", sc->roles[k->role].name,
			            n <= 1 + EPS ? "" : "s", sc->partners[k->partner].name);
			n_shown++;
		}
		is_one = n_shown == 1 && total <= 1 + EPS;
		mu_buf_adds(b, is_one ? " costs " : " cost ");
		io_say_money(b, r->post_cost);
		mu_buf_adds(b, " a year and ");
		say_cost_change(b, r->cost - r->cost_none, is_one);
		if (is_zero_money(r->spend - r->spend_none))
			mu_buf_adds(b, "; cash spend, their pay included, stays the same");
		else {
			mu_buf_addf(b, "; cash spend, their pay included, %s by ",
			            r->spend < r->spend_none ? "falls" : "rises");
			io_say_money(b, r->spend - r->spend_none);
		}
		hours = round(r->filled - r->filled_none);
		if (hours == 0)
			mu_buf_adds(b, ", and as many hours are filled");
		else
			mu_buf_addf(b, ", and %.0f %s hour%s a year are filled", fabs(hours),
			            hours > 0 ? "more" : "fewer", fabs(hours) == 1 ? "" : "s");
	}
	if (r->has_next && !r->is_next_feasible) {
		mu_buf_adds(b, "; no post more fits within recruit_budget and max_posts.");
		return;
	}
	if (!r->has_next) {
		mu_buf_adds(b, ".");
		return;
	}
	mu_buf_adds(b, "; ");
	if (r->is_lp)
		mu_buf_adds(b, "one post more");
	else if (round(total) == 0)
		mu_buf_adds(b, "one post");
	else {
		mu_buf_adds(b, "a ");
		say_ordinal(b, (unsigned long)(round(total) + 1));
		mu_buf_adds(b, " post");
	}
	if (is_zero_money(r->cost_next - r->cost))
		mu_buf_adds(b, " would leave the yearly cost as it is.");
	else {
		mu_buf_addf(b, " would %s the yearly cost by ",
		            r->cost_next > r->cost ? "raise" : "lower");
		io_say_money(b, r->cost_next - r->cost);
		mu_buf_adds(b, ".");
	}
}
