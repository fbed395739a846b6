/*
 * io_warnings.c - what DESIGN.md §2 warns of: a scenario that is valid and
 * still almost certainly not what its author meant. The loader adds these to
 * a list of their own once a scenario has no error; cli/ prints them as
 * "warning: file: message". Nothing here changes the scenario.
 */
#include "io_scenario_int.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many bank workers a warning names, and how many demand rows get a
 * warning of their own before the rest are counted in one line. */
#define NAMED_WORKERS 5
#define ROWS_WARNED 5

void io_warnings_at(struct io_loader *ld, const char *file, unsigned long line, unsigned long col,
                    const char *fmt, ...)
{
	struct mu_err w;
	va_list ap;
	if (!ld->warnings)
		return;
	mu_err_clear(&w);
	va_start(ap, fmt);
	mu_err_vset_at(&w, MU_E_INPUT, file, line, col, NULL, fmt, ap);
	va_end(ap);
	mu_errlist_add(ld->warnings, &w);
}

/* Bank workers but no shift offered: none of them can work, or some. */
static void warn_idle_bank(struct io_loader *ld, const bool *has_offer)
{
	const struct mu_scenario *sc = ld->sc;
	char names[512] = "";
	size_t i, n_idle = 0, used = 0;

	if (sc->n_bank == 0)
		return;
	if (sc->n_availability == 0) {
		io_warnings_at(ld, "availability.csv", 0, 0,
		               "%s, so none of the %zu bank workers offered a shift and none can "
		               "work (it lists each worker's offered shifts)",
		               io_source_find(ld->src, "availability.csv") ? "no rows" : "missing",
		               sc->n_bank);
		return;
	}
	for (i = 0; i < sc->n_bank; i++) {
		if (has_offer[i])
			continue;
		if (n_idle++ < NAMED_WORKERS && used < sizeof(names))
			used += (size_t)snprintf(names + used, sizeof(names) - used, "%s%s",
			                         used ? ", " : "", sc->bank[i].id);
	}
	if (n_idle == 0)
		return;
	if (n_idle > NAMED_WORKERS)
		snprintf(names + used, used < sizeof(names) ? sizeof(names) - used : 0,
		         " and %zu more", n_idle - NAMED_WORKERS);
	io_warnings_at(ld, "availability.csv", 0, 0,
	               "%zu of %zu bank workers offered no shift, so they cannot work: %s", n_idle,
	               sc->n_bank, names);
}

/* Every agency offer break-glass while break-glass is not allowed: no agency
 * staff can work at all. */
static void warn_agency_all_break_glass(struct io_loader *ld)
{
	const struct mu_scenario *sc = ld->sc;
	size_t a;
	if (sc->n_agency == 0 || sc->settings.allow_break_glass)
		return;
	for (a = 0; a < sc->n_agency; a++)
		if (!mu_scenario_is_break_glass(sc, &sc->agency[a]))
			return;
	io_warnings_at(ld, "agency.csv", 0, 0,
	               "all %zu agency offers are break-glass (off framework, or above their "
	               "role's agency_cap in caps.csv) and allow_break_glass is no, so no agency "
	               "staff can work",
	               sc->n_agency);
}

/* What could ever cover one demand row, source by source. */
struct reach {
	double own, lend, bank, agency;
};

/*
 * The most staff (efficiency-weighted) that could ever cover demand row d,
 * an upper bound that ignores every limit shared with other rows: own staff
 * of the row's partner and shift at their full `available`, whatever other
 * rows they are also counted for; mutual aid from every partner with an
 * agreement to this one, min(rotatable, max_per_shift) of each staff row
 * whose role the agreement covers (its role row, else its `*` row); each
 * bank worker cleared for the partner who offered the shift and whose
 * max_hours hold its paid hours, as one staff, and for a role whose supply
 * answers the rate (§3d) its extra staff at the top rung, S(top) - n where
 * a worker of the role who offered the shift is cleared for the partner
 * (extra_reach); each usable agency offer for
 * the partner at its capacity (break-glass only when allowed; unlimited
 * capacity: unbounded). Each counts at the efficiency of its role for the
 * row's role (0: it cannot cover it). Budgets, rest and the rows' sharing of
 * staff are left out, so a minimum above this bound is a red flag no plan
 * can avoid; one below it may still be one. Stops adding as soon as the
 * bound reaches the minimum (the caller only asks whether it does).
 */
/* Rows of a table grouped by shift, by counting sort: the rows of shift s
 * are at[first[s]] .. at[first[s + 1] - 1]. */
struct by_shift {
	size_t *first; /* n_shifts + 1 */
	size_t *at;
};

static void by_shift_init(struct by_shift *b, size_t n_shifts, size_t n, const void *rows,
                          size_t row_size, size_t shift_offset, size_t value_offset)
{
	const char *base = rows;
	size_t i, *next;
	b->first = mu_calloc(n_shifts + 2, sizeof(size_t));
	b->at = mu_calloc(n + 1, sizeof(size_t));
	for (i = 0; i < n; i++)
		b->first[*(const size_t *)(base + i * row_size + shift_offset) + 1]++;
	for (i = 1; i <= n_shifts; i++)
		b->first[i] += b->first[i - 1];
	next = mu_malloc((n_shifts + 1) * sizeof(size_t));
	memcpy(next, b->first, (n_shifts + 1) * sizeof(size_t));
	for (i = 0; i < n; i++) {
		const char *row = base + i * row_size;
		size_t s = *(const size_t *)(row + shift_offset);
		b->at[next[s]++] =
		    value_offset == (size_t)-1 ? i : *(const size_t *)(row + value_offset);
	}
	free(next);
}

static void by_shift_release(struct by_shift *b)
{
	free(b->first);
	free(b->at);
}

/* The most extra staff (§3d) of elastic roles that could cover row, at
 * their efficiency: for each role with elasticity above 0, n offers of its
 * workers on the row's shift, at least one of them cleared for the row's
 * partner, S(top rung) - n = n ((top / reference rate)^elasticity - 1),
 * top = bank_cap (bank_rate when empty). Extra staff keep no hours rule. */
static double extra_reach(const struct mu_scenario *sc, const struct mu_demand *row,
                          const double *eff, const struct by_shift *offers)
{
	double most = 0;
	size_t i, k;
	for (i = 0; i < sc->n_supply; i++) {
		const struct mu_supply *y = &sc->supply[i];
		const struct mu_cap *c = mu_scenario_cap(sc, y->role);
		double e = eff[y->role * sc->n_roles + row->role], n = 0, top, ref;
		bool is_cleared = false;
		if (y->elasticity <= 0 || e <= 0 || !c || !c->has_bank_rate)
			continue;
		for (k = offers->first[row->shift]; k < offers->first[row->shift + 1]; k++) {
			const struct mu_bank_worker *w = &sc->bank[offers->at[k]];
			if (w->role != y->role)
				continue;
			n++;
			is_cleared = is_cleared || mu_scenario_is_cleared(w, row->partner);
		}
		if (!is_cleared)
			continue;
		top = c->has_bank_cap ? c->bank_cap : c->bank_rate;
		ref = y->has_reference_rate ? y->reference_rate : c->bank_rate;
		if (ref > 0 && top > ref)
			most += e * n * (pow(top / ref, y->elasticity) - 1);
	}
	return most;
}

static struct reach reach_of(const struct io_loader *ld, size_t d, const double *eff,
                             const struct by_shift *staff, const struct by_shift *offers)
{
	const struct mu_scenario *sc = ld->sc;
	const struct mu_demand *row = &sc->demand[d];
	const size_t n_roles = sc->n_roles;
	const size_t s_lo = staff->first[row->shift], s_hi = staff->first[row->shift + 1];
	struct reach r = {0, 0, 0, 0};
	size_t i, k;
#define REACHED() (r.own + r.lend + r.bank + r.agency >= row->minimum)

	for (i = s_lo; i < s_hi; i++) {
		const struct mu_staff *st = &sc->staff[staff->at[i]];
		if (st->partner == row->partner)
			r.own += (double)st->available * eff[st->role * n_roles + row->role];
	}
	for (i = 0; i < sc->n_agency && !REACHED(); i++) {
		const struct mu_agency_offer *a = &sc->agency[i];
		double e = eff[a->role * n_roles + row->role];
		if (e <= 0 || (a->partner != MU_ALL && a->partner != row->partner))
			continue;
		if (!sc->settings.allow_break_glass && mu_scenario_is_break_glass(sc, a))
			continue;
		r.agency += a->capacity == MU_UNLIMITED ? HUGE_VAL : (double)a->capacity * e;
	}
	for (i = s_lo; i < s_hi && !REACHED(); i++) {
		const struct mu_staff *st = &sc->staff[staff->at[i]];
		double e = eff[st->role * n_roles + row->role];
		size_t g;
		long places;
		if (st->partner == row->partner || e <= 0 || st->rotatable == 0)
			continue;
		g = mu_scenario_agreement_for(sc, st->partner, row->partner, st->role);
		if (g == MU_ALL)
			continue;
		places = sc->agreements[g].max_per_shift; /* MU_UNLIMITED: no limit */
		r.lend +=
		    e * (double)(places == MU_UNLIMITED || places > st->rotatable ? st->rotatable
		                                                                  : places);
	}
	for (k = offers->first[row->shift]; k < offers->first[row->shift + 1] && !REACHED(); k++) {
		const struct mu_bank_worker *w = &sc->bank[offers->at[k]];
		double e = eff[w->role * n_roles + row->role];
		if (e > 0 && w->max_hours >= sc->shifts[row->shift].paid_hours &&
		    mu_scenario_is_cleared(w, row->partner))
			r.bank += e;
	}
	if (!REACHED())
		r.bank += extra_reach(sc, row, eff, offers);
#undef REACHED
	return r;
}

static void warn_unreachable_minimum(struct io_loader *ld)
{
	const struct mu_scenario *sc = ld->sc;
	const size_t n_roles = sc->n_roles;
	double *eff = mu_calloc(n_roles * n_roles + 1, sizeof(double));
	struct by_shift staff, offers;
	size_t i, n_warned = 0;

	for (i = 0; i < n_roles; i++)
		eff[i * n_roles + i] = 1;
	for (i = 0; i < sc->n_substitutions; i++)
		eff[sc->substitutions[i].role * n_roles + sc->substitutions[i].covers] =
		    sc->substitutions[i].efficiency;
	/* staff rows, and the workers who offered, shift by shift */
	by_shift_init(&staff, sc->n_shifts, sc->n_staff, sc->staff, sizeof(*sc->staff),
	              offsetof(struct mu_staff, shift), (size_t)-1);
	by_shift_init(&offers, sc->n_shifts, sc->n_availability, sc->availability,
	              sizeof(*sc->availability), offsetof(struct mu_availability, shift),
	              offsetof(struct mu_availability, worker));

	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *row = &sc->demand[i];
		struct reach r;
		double most;
		if (row->minimum <= 0)
			continue;
		r = reach_of(ld, i, eff, &staff, &offers);
		most = r.own + r.lend + r.bank + r.agency;
		if (most >= row->minimum - 1e-9)
			continue;
		if (n_warned++ >= ROWS_WARNED)
			continue;
		io_warnings_at(
		    ld, "demand.csv", ld->demand_line[i], ld->demand_min_col,
		    "minimum %.10g of (%s, %s, %s) is more than every source could ever "
		    "cover (at most %.10g: own %.10g, mutual aid %.10g, bank %.10g, agency "
		    "%.10g), so no plan can avoid a red flag",
		    row->minimum, sc->partners[row->partner].id, sc->roles[row->role].id,
		    sc->shifts[row->shift].id, most, r.own, r.lend, r.bank, r.agency);
	}
	if (n_warned > ROWS_WARNED)
		io_warnings_at(ld, "demand.csv", 0, 0,
		               "%zu more row%s whose minimum is more than every source could "
		               "ever cover (%zu in all)",
		               n_warned - ROWS_WARNED, n_warned - ROWS_WARNED == 1 ? "" : "s",
		               n_warned);
	free(eff);
	by_shift_release(&staff);
	by_shift_release(&offers);
}

/* A bank_cap above the role's agency_cap (§3d): the bank could pay more
 * an hour than an agency may charge for the same role. */
static void warn_bank_cap(struct io_loader *ld)
{
	const struct mu_scenario *sc = ld->sc;
	size_t i;
	for (i = 0; i < sc->n_caps; i++) {
		const struct mu_cap *c = &sc->caps[i];
		const struct io_place *at;
		if (!c->has_bank_cap || !c->has_agency_cap || c->bank_cap <= c->agency_cap)
			continue;
		at = &ld->bank_cap_at[c->role];
		io_warnings_at(ld, "caps.csv", at->line, at->col,
		               "bank_cap %.10g of role '%s' is above its agency_cap %.10g, so the "
		               "bank could pay more an hour than an agency may charge",
		               c->bank_cap, sc->roles[c->role].id, c->agency_cap);
	}
}

/* A supply row that is legal and almost certainly a slip (§3d): an
 * elasticity above 2, or a reference_rate more than 50% away from the
 * role's bank_rate (a daily rate, another role's, a typo). */
static void warn_supply(struct io_loader *ld)
{
	const struct mu_scenario *sc = ld->sc;
	size_t i;
	for (i = 0; i < sc->n_supply; i++) {
		const struct mu_supply *y = &sc->supply[i];
		const struct mu_cap *c = mu_scenario_cap(sc, y->role);
		const struct io_supply_at *at = &ld->supply_at[i];
		const char *role = sc->roles[y->role].id;
		if (y->elasticity > 2)
			io_warnings_at(
			    ld, "supply.csv", at->elasticity.line, at->elasticity.col,
			    "elasticity %.10g of role '%s' is above 2: 10%% more pay would "
			    "bring %.0f%% more bank staff (elasticity is the %% more "
			    "offers for 1%% more pay)",
			    y->elasticity, role, (pow(1.1, y->elasticity) - 1) * 100);
		if (y->has_reference_rate && c && c->has_bank_rate &&
		    fabs(y->reference_rate - c->bank_rate) > 0.5 * c->bank_rate * (1 + 1e-9)) {
			double off = (y->reference_rate / c->bank_rate - 1) * 100;
			io_warnings_at(
			    ld, "supply.csv", at->reference_rate.line, at->reference_rate.col,
			    "reference_rate %.10g of role '%s' is %.0f%% %s its bank_rate "
			    "%.10g in caps.csv: it is the hourly rate at which "
			    "availability.csv's offers were made",
			    y->reference_rate, role, fabs(off), off > 0 ? "above" : "below",
			    c->bank_rate);
		}
	}
}

/* A pathway that is legal and almost certainly a slip (§3f): a bed day
 * that costs nothing (the patients then go home only where the ward
 * shifts freed pay for the care), care or ward hours above 24 a day (a
 * week's or a visit's hours?), no patients waiting. */
static void warn_flow(struct io_loader *ld)
{
	const struct mu_scenario *sc = ld->sc;
	size_t i;
	if (sc->n_flows == 0 && io_source_find(ld->src, "flow.csv"))
		io_warnings_at(ld, "flow.csv", 0, 0,
		               "no rows, so no patient is discharged (it lists each pathway home "
		               "from a hospital: from, to, waiting, ...; delete the file if there "
		               "is none)");
	for (i = 0; i < sc->n_flows; i++) {
		const struct mu_flow *w = &sc->flows[i];
		const struct io_flow_at *at = &ld->flow_at[i];
		const char *from = sc->partners[w->from].id, *to = sc->partners[w->to].id;
		if (w->waiting == 0)
			io_warnings_at(ld, "flow.csv", at->waiting.line, at->waiting.col,
			               "no patient is waiting on the pathway from '%s' to '%s', so "
			               "it discharges no one",
			               from, to);
		if (w->bed_day_cost == 0)
			io_warnings_at(
			    ld, "flow.csv", at->bed_day_cost.line, at->bed_day_cost.col,
			    "bed_day_cost 0 on the pathway from '%s' to '%s': a patient "
			    "kept in a bed then weighs nothing in the plan, so patients go "
			    "home only where the ward care freed outweighs theirs (the "
			    "King's Fund values a delayed bed day at about 395; give that, "
			    "or your own weight)",
			    from, to);
		if (w->care_hours > 24)
			io_warnings_at(
			    ld, "flow.csv", at->care_hours.line, at->care_hours.col,
			    "care_hours %.10g on the pathway from '%s' to '%s' is above 24: "
			    "it is the hours of care a patient needs a day (two carers at "
			    "once count twice), not a week's",
			    w->care_hours, from, to);
		if (w->ward_hours > 24)
			io_warnings_at(
			    ld, "flow.csv", at->ward_hours.line, at->ward_hours.col,
			    "ward_hours %.10g on the pathway from '%s' to '%s' is above 24: "
			    "it is the hours of ward care a patient needs a day, not a "
			    "week's",
			    w->ward_hours, from, to);
	}
}

void io_warnings_add(struct io_loader *ld)
{
	const struct mu_scenario *sc = ld->sc;
	bool *has_offer;
	size_t i;
	if (!ld->warnings)
		return;
	has_offer = mu_calloc(sc->n_bank + 1, sizeof(bool));
	for (i = 0; i < sc->n_availability; i++)
		has_offer[sc->availability[i].worker] = true;
	warn_idle_bank(ld, has_offer);
	warn_agency_all_break_glass(ld);
	warn_unreachable_minimum(ld);
	warn_bank_cap(ld);
	warn_supply(ld);
	warn_flow(ld);
	free(has_offer);
}
