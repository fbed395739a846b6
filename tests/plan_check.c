/*
 * plan_check.c - DESIGN.md §3 checked from plan.csv's rows. Every lookup
 * is by identifier, the way a reader of plan.csv would do it; each row's
 * cost is recomputed from the scenario's rates, and the row limits of §3
 * are summed up afresh.
 */
#include "plan_check.h"

#include "core/mu_alloc.h"
#include "core/mu_parse.h"
#include "io/io_csv.h"
#include "test_util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOL 1e-6

enum {
	C_SOURCE,
	C_PARTNER,
	C_ROLE,
	C_WORKER_ROLE,
	C_SHIFT,
	C_HOME,
	C_WORKER,
	C_OFFER,
	C_STAFF,
	C_HOURS,
	C_COST,
	C_RECHARGE,
	N_COLUMNS
};

enum {
	PEN_SHORT,
	PEN_BREACH,
	PEN_TIER,
	PEN_GLASS,
	PEN_PREFERENCE,
	PEN_SHARE,
	PEN_CHANGE,
	PEN_BED_DAYS,
	N_PEN
};

static const char *const header[N_COLUMNS] = {"source", "partner", "role",   "worker_role",
                                              "shift",  "home",    "worker", "offer",
                                              "staff",  "hours",   "cost",   "recharge"};

struct checker {
	const struct mu_scenario *sc;
	const struct plan_check *how;
	char *why;
	size_t why_len;
	bool is_ok;
	double *covered, *short_staff, *breach, *glass_heads; /* per demand row */
	double *own, *lent;                                   /* per staff row */
	double *agreement_use;                                /* agreement x shift */
	double *worker_hours;                                 /* per bank worker */
	double *worker_shift;                                 /* worker x shift */
	double *capacity_use;                                 /* agency row x shift */
	double *spend;                                        /* per partner */
	double total_spend, total_cost;
	double *share_short; /* per bank worker: share rows' hours */
	/* per partner where the work is, and [n_partners] the system: cash,
	 * and the penalty weights of short, breach, tier, break-glass,
	 * preference, share and change */
	double *cash, (*penalty)[N_PEN];
	/* with a kept plan: every staff row's key and staff, and every change
	 * row's key, line and cost (keys: source|who|partner|role|shift) */
	struct keyed *staff_rows, *change_rows;
	size_t n_staff_rows, cap_staff_rows, n_change_rows, cap_change_rows;
	/* DESIGN.md §3d, per curve (group of partners, role, shift; NULL
	 * without an elastic role): named and extra bank staff, the rate
	 * rows' count, cost and rate; per curve and partner the staff who
	 * work there and the rate cost put there */
	double *sup_named, *sup_extra, *sup_rate_cost, *sup_rate;
	size_t *sup_rate_rows;
	double *sup_staff_at, *sup_cost_at;
	/* DESIGN.md §3f: the horizon's days (the shifts' dates, ascending);
	 * per pathway and day the discharge rows' patients and the bed_days
	 * rows' patients; per demand row what it asks for once the
	 * discharges have moved it (demand.csv's without flow.csv) */
	long *days;
	size_t n_days;
	double *discharged, *in_bed;
	double *required, *minimum;
};

struct keyed {
	char key[400];
	size_t partner, shift;
	unsigned long line;
	double value;
};

/* The key of a staff row, or of a change row (which concerns a bank
 * worker, else an agency offer): what it is and where it works. */
static void key_of(char *key, size_t size, const char *source, const char *const *cell)
{
	if (strcmp(source, "bank") == 0)
		snprintf(key, size, "bank|%s|%s|%s|%s", cell[C_WORKER], cell[C_PARTNER],
		         cell[C_ROLE], cell[C_SHIFT]);
	else
		snprintf(key, size, "%s|%s|%s|%s|%s|%s|%s", source, cell[C_HOME], cell[C_OFFER],
		         cell[C_WORKER_ROLE], cell[C_PARTNER], cell[C_ROLE], cell[C_SHIFT]);
}

static void add_keyed(struct keyed **items, size_t *n, size_t *cap, const char *key, size_t p,
                      size_t s, unsigned long line, double value)
{
	struct keyed *k;
	MU_GROW(*items, *cap, *n + 1);
	k = &(*items)[(*n)++];
	snprintf(k->key, sizeof(k->key), "%s", key);
	k->partner = p;
	k->shift = s;
	k->line = line;
	k->value = value;
}

/* The sum of the values under key. */
static double keyed_sum(const struct keyed *items, size_t n, const char *key)
{
	double sum = 0;
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(items[i].key, key) == 0)
			sum += items[i].value;
	return sum;
}

static void add_money(struct checker *ck, size_t p, double cash, int kind, double penalty)
{
	size_t at[2] = {p, ck->sc->n_partners};
	int k;
	for (k = 0; k < 2; k++) {
		ck->cash[at[k]] += cash;
		if (kind >= 0)
			ck->penalty[at[k]][kind] += penalty;
	}
}

static void reject(struct checker *ck, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	size_t n;
	if (!ck->is_ok)
		return;
	ck->is_ok = false;
	/* line 0: a limit over many rows, not one row's fault */
	n = line ? (size_t)snprintf(ck->why, ck->why_len, "plan.csv:%lu: ", line)
	         : (size_t)snprintf(ck->why, ck->why_len, "plan.csv: ");
	va_start(ap, fmt);
	if (n < ck->why_len)
		vsnprintf(ck->why + n, ck->why_len - n, fmt, ap);
	va_end(ap);
}

static size_t find_partner(const struct mu_scenario *sc, const char *id)
{
	size_t i;
	for (i = 0; i < sc->n_partners; i++)
		if (strcmp(sc->partners[i].id, id) == 0)
			return i;
	return MU_ALL;
}

static size_t find_role(const struct mu_scenario *sc, const char *id)
{
	size_t i;
	for (i = 0; i < sc->n_roles; i++)
		if (strcmp(sc->roles[i].id, id) == 0)
			return i;
	return MU_ALL;
}

static size_t find_shift(const struct mu_scenario *sc, const char *id)
{
	size_t i;
	for (i = 0; i < sc->n_shifts; i++)
		if (strcmp(sc->shifts[i].id, id) == 0)
			return i;
	return MU_ALL;
}

static size_t find_worker(const struct mu_scenario *sc, const char *id)
{
	size_t i;
	for (i = 0; i < sc->n_bank; i++)
		if (strcmp(sc->bank[i].id, id) == 0)
			return i;
	return MU_ALL;
}

static size_t find_demand(const struct mu_scenario *sc, size_t p, size_t r, size_t s)
{
	size_t i;
	for (i = 0; i < sc->n_demand; i++)
		if (sc->demand[i].partner == p && sc->demand[i].role == r &&
		    sc->demand[i].shift == s)
			return i;
	return MU_ALL;
}

static size_t find_staff(const struct mu_scenario *sc, size_t p, size_t r, size_t s)
{
	size_t i;
	for (i = 0; i < sc->n_staff; i++)
		if (sc->staff[i].partner == p && sc->staff[i].role == r && sc->staff[i].shift == s)
			return i;
	return MU_ALL;
}

/* How much of role c one staff of role r counts as: 1 for itself, a
 * substitution's efficiency, else 0 (not transitive). */
static double efficiency(const struct mu_scenario *sc, size_t r, size_t c)
{
	size_t i;
	if (r == c)
		return 1;
	for (i = 0; i < sc->n_substitutions; i++)
		if (sc->substitutions[i].role == r && sc->substitutions[i].covers == c)
			return sc->substitutions[i].efficiency;
	return 0;
}

static const struct mu_cap *cap_of(const struct mu_scenario *sc, size_t role)
{
	size_t i;
	for (i = 0; i < sc->n_caps; i++)
		if (sc->caps[i].role == role)
			return &sc->caps[i];
	return NULL;
}

/* The agreement carrying role r from p to q: its role row, else `*`. */
static size_t find_agreement(const struct mu_scenario *sc, size_t p, size_t q, size_t r)
{
	size_t i, star = MU_ALL;
	for (i = 0; i < sc->n_agreements; i++) {
		const struct mu_agreement *g = &sc->agreements[i];
		if (g->from != p || g->to != q)
			continue;
		if (g->role == r)
			return i;
		if (g->role == MU_ALL)
			star = i;
	}
	return star;
}

/* Whether staff of p may work at q under how: p == q, or neither a silo
 * nor the coalition keeps them apart. */
static bool is_together(const struct plan_check *how, size_t p, size_t q)
{
	return p == q ||
	       (!how->is_silo && (!how->coalition || (how->coalition[p] && how->coalition[q])));
}

static bool is_cleared(const struct mu_scenario *sc, const struct mu_bank_worker *w, size_t q,
                       const struct plan_check *how)
{
	size_t i;
	if (q == w->home)
		return true;
	if (!is_together(how, w->home, q))
		return false;
	if (w->is_all_partners)
		return true;
	for (i = 0; i < w->n_partners; i++)
		if (w->partners[i] == q)
			return true;
	(void)sc;
	return false;
}

static bool has_offered(const struct mu_scenario *sc, size_t w, size_t s)
{
	size_t i;
	for (i = 0; i < sc->n_availability; i++)
		if (sc->availability[i].worker == w && sc->availability[i].shift == s)
			return true;
	return false;
}

/* DESIGN.md §3b: the preference penalty of one assignment of w on s paid
 * pay, from availability.csv's word: -preference_weight for prefer (but
 * never below -pay: README), + for avoid. */
static double preference_weight(const struct mu_scenario *sc, size_t w, size_t s, double pay)
{
	size_t i;
	for (i = 0; i < sc->n_availability; i++)
		if (sc->availability[i].worker == w && sc->availability[i].shift == s) {
			if (sc->availability[i].preference == MU_PREF_PREFER)
				return -fmin(sc->settings.preference_weight, pay);
			if (sc->availability[i].preference == MU_PREF_AVOID)
				return sc->settings.preference_weight;
		}
	return 0;
}

/* DESIGN.md §3b: bank_min_share x min(hours offered, max_hours). */
static double share_target(const struct mu_scenario *sc, size_t w)
{
	double offered = 0;
	size_t i;
	for (i = 0; i < sc->n_availability; i++)
		if (sc->availability[i].worker == w)
			offered += sc->shifts[sc->availability[i].shift].paid_hours;
	return sc->settings.bank_min_share * fmin(offered, sc->bank[w].max_hours);
}

/* DESIGN.md §3d, written a second time. A role's supply answers the rate
 * when its supply.csv elasticity is above 0 (and it has a bank_rate). */
static const struct mu_supply *elastic_supply(const struct mu_scenario *sc, size_t r)
{
	const struct mu_cap *cap = cap_of(sc, r);
	size_t i;
	if (!cap || !cap->has_bank_rate || !(cap->bank_rate > 0))
		return NULL;
	for (i = 0; i < sc->n_supply; i++)
		if (sc->supply[i].role == r && sc->supply[i].elasticity > 0)
			return &sc->supply[i];
	return NULL;
}

/* The partners whose bank shares one curve with p: p alone in a silo or
 * outside the coalition, else all (index n_partners). */
static size_t supply_group(const struct mu_scenario *sc, const struct plan_check *how, size_t p)
{
	if (how->is_silo || (how->coalition && !how->coalition[p]))
		return p;
	return sc->n_partners;
}

static size_t supply_key(const struct mu_scenario *sc, size_t g, size_t r, size_t s)
{
	return (g * sc->n_roles + r) * sc->n_shifts + s;
}

#define MAX_LADDER 1002

/* The ladder of role r (sup its supply row) for n offers: rungs w[0..k),
 * S(w) and the curve's points C (the rate card's). Returns k. */
static size_t ladder(const struct mu_scenario *sc, size_t r, const struct mu_supply *sup, double n,
                     double *w, double *S, double *C)
{
	const struct mu_cap *cap = cap_of(sc, r);
	double w_ref = sup->has_reference_rate ? sup->reference_rate : cap->bank_rate;
	size_t k = 1, j;
	w[0] = cap->bank_rate;
	if (cap->has_bank_cap && cap->bank_cap > w[0] * (1 + 1e-6)) {
		/* bank_rate (1 + step)^k while below the cap (a rung within
		 * 1e-6 of it is the cap), then the cap */
		while (k < MAX_LADDER - 2 &&
		       w[0] * pow(1 + sup->step, (double)k) < cap->bank_cap * (1 - 1e-6)) {
			w[k] = w[0] * pow(1 + sup->step, (double)k);
			k++;
		}
		w[k++] = cap->bank_cap;
	}
	for (j = 0; j < k; j++) {
		S[j] = n * pow(w[j] / w_ref, sup->elasticity);
		if (sc->settings.rate_card == MU_RATE_CARD_INCENTIVE)
			C[j] = (j ? C[j - 1] : 0) + w[j] * (S[j] - (j ? S[j - 1] : 0));
		else
			C[j] = w[j] * S[j];
	}
	return k;
}

/* E(Q): through (0, 0) and (S[j], C[j]), linear between. */
static double curve_cost(const double *S, const double *C, size_t k, double q)
{
	double s0 = 0, c0 = 0;
	size_t j;
	for (j = 0; j < k; j++) {
		if (q <= S[j] || j + 1 == k)
			return c0 + (C[j] - c0) * (q - s0) / (S[j] - s0);
		s0 = S[j];
		c0 = C[j];
	}
	return 0;
}

/* Reports a problem with the row at line and leaves check_row. */
#define REJECT(...)                                                                                \
	do {                                                                                       \
		reject(ck, line, __VA_ARGS__);                                                     \
		return;                                                                            \
	} while (0)

static bool is_whole(double v)
{
	return fabs(v - round(v)) <= TOL;
}

/* The flow.csv row of (from, to, care_role, ward_role), or MU_ALL. */
static size_t find_flow(const struct mu_scenario *sc, size_t from, size_t to, size_t care,
                        size_t ward)
{
	size_t i;
	for (i = 0; i < sc->n_flows; i++)
		if (sc->flows[i].from == from && sc->flows[i].to == to &&
		    sc->flows[i].care_role == care && sc->flows[i].ward_role == ward)
			return i;
	return MU_ALL;
}

/* A discharge or bed_days row of DESIGN.md §3f: the pathway's cells
 * (partner from, home to, role ward_role, worker_role care_role), the
 * date in offer, no shift, worker, hours or recharge; patients whole in a
 * rota's discharges; a discharge costs 0, a bed-day bed_day_cost. */
static void check_flow_row(struct checker *ck, unsigned long line, const char *const *cell)
{
	const struct mu_scenario *sc = ck->sc;
	bool is_discharge = strcmp(cell[C_SOURCE], "discharge") == 0;
	size_t f = find_flow(sc, find_partner(sc, cell[C_PARTNER]), find_partner(sc, cell[C_HOME]),
	                     find_role(sc, cell[C_WORKER_ROLE]), find_role(sc, cell[C_ROLE]));
	double staff = strtod(cell[C_STAFF], NULL), cost = strtod(cell[C_COST], NULL), expected;
	long day;
	size_t t;
	if (f == MU_ALL)
		REJECT("%s row of no pathway of flow.csv", cell[C_SOURCE]);
	if (*cell[C_SHIFT] || *cell[C_WORKER] || strtod(cell[C_HOURS], NULL) != 0 ||
	    strtod(cell[C_RECHARGE], NULL) != 0)
		REJECT("%s row with a shift, worker, hours or recharge", cell[C_SOURCE]);
	if (!mu_parse_date(cell[C_OFFER], strlen(cell[C_OFFER]), &day))
		REJECT("%s row's offer '%s' is no date", cell[C_SOURCE], cell[C_OFFER]);
	for (t = 0; t < ck->n_days && ck->days[t] != day; t++)
		;
	if (t == ck->n_days)
		REJECT("%s row on %s, no day of the horizon", cell[C_SOURCE], cell[C_OFFER]);
	if (!(staff > TOL))
		REJECT("staff %s is not positive", cell[C_STAFF]);
	if (is_discharge && ck->how->is_rota && !is_whole(staff))
		REJECT("%s patients discharged in a rota", cell[C_STAFF]);
	(is_discharge ? ck->discharged : ck->in_bed)[f * ck->n_days + t] += staff;
	expected = is_discharge ? 0 : staff * sc->flows[f].bed_day_cost;
	if (!is_discharge)
		add_money(ck, sc->flows[f].from, 0, PEN_BED_DAYS, expected);
	if (fabs(cost - expected) > 0.0101 + 1e-9 * expected)
		REJECT("cost %s, expected %.4f", cell[C_COST], expected);
	ck->total_cost += expected;
}

/* One plan row: where it may go and what it must cost. */
static void check_row(struct checker *ck, unsigned long line, const char *const *cell)
{
	const struct mu_scenario *sc = ck->sc;
	const struct plan_check *how = ck->how;
	const char *source = cell[C_SOURCE];
	size_t p = find_partner(sc, cell[C_PARTNER]), r = find_role(sc, cell[C_ROLE]);
	size_t s = find_shift(sc, cell[C_SHIFT]), wr = MU_ALL, d;
	double staff = strtod(cell[C_STAFF], NULL), hours = strtod(cell[C_HOURS], NULL);
	double cost = strtod(cell[C_COST], NULL), recharge = strtod(cell[C_RECHARGE], NULL);
	double expected_cost = 0, expected_recharge = 0, u, paid, pref;
	bool is_uncovered = strcmp(source, "short") == 0 || strcmp(source, "breach") == 0;

	if (strcmp(source, "share") == 0) {
		/* hours a worker worked below the fair share's target: at the
		 * worker's home, no one at work */
		size_t w = find_worker(sc, cell[C_WORKER]);
		if (w == MU_ALL)
			REJECT("share row of unknown worker '%s'", cell[C_WORKER]);
		if (p != sc->bank[w].home || strcmp(cell[C_HOME], cell[C_PARTNER]) != 0 ||
		    *cell[C_ROLE] || *cell[C_WORKER_ROLE] || *cell[C_SHIFT] || *cell[C_OFFER])
			REJECT("share row not at the worker's home alone");
		if (!(sc->settings.bank_min_share > 0))
			REJECT("share row with bank_min_share 0");
		if (fabs(staff) > TOL || !(hours > TOL))
			REJECT("share row: staff %s, hours %s", cell[C_STAFF], cell[C_HOURS]);
		ck->share_short[w] += hours;
		expected_cost = sc->settings.bank_share_penalty * hours;
		add_money(ck, p, 0, PEN_SHARE, expected_cost);
		if (fabs(cost - expected_cost) > 0.0101 + 1e-9 * expected_cost)
			REJECT("cost %s, expected %.4f", cell[C_COST], expected_cost);
		ck->total_cost += expected_cost;
		return;
	}
	if (strcmp(source, "discharge") == 0 || strcmp(source, "bed_days") == 0) {
		check_flow_row(ck, line, cell);
		return;
	}
	if (p == MU_ALL || r == MU_ALL || s == MU_ALL)
		REJECT("unknown partner, role or shift");
	if (strcmp(source, "rate") == 0) {
		/* §3d: the cost above bank_rate of role r's bank staff on s, at
		 * a partner where they work; summed and checked per curve */
		size_t key = supply_key(sc, supply_group(sc, how, p), r, s);
		char *end;
		double rate = strtod(cell[C_OFFER], &end);
		if (!elastic_supply(sc, r) || !ck->sup_named)
			REJECT("a rate row of a role whose supply is fixed");
		if (strcmp(cell[C_WORKER_ROLE], cell[C_ROLE]) != 0 || *cell[C_HOME] ||
		    *cell[C_WORKER] || end == cell[C_OFFER] || *end)
			REJECT("a rate row names a worker, or no rate");
		if (fabs(staff) > TOL || fabs(hours) > TOL || fabs(recharge) > TOL)
			REJECT("a rate row with staff, hours or recharge");
		if (ck->sup_rate_rows[key] > 0 && fabs(rate - ck->sup_rate[key]) > 1e-9 * rate)
			REJECT("two rates for %s on %s", cell[C_ROLE], cell[C_SHIFT]);
		ck->sup_rate[key] = rate;
		ck->sup_rate_rows[key]++;
		ck->sup_rate_cost[key] += cost;
		ck->sup_cost_at[key * sc->n_partners + p] += cost;
		return; /* its money is re-derived unrounded (check_supply) */
	}
	if (strcmp(source, "change") == 0) {
		/* its cost is re-derived from the kept plan (check_kept) */
		char key[400];
		if (!how->kept)
			REJECT("a change row without a kept plan");
		if (fabs(hours) > TOL || fabs(recharge) > TOL)
			REJECT("a change row with hours or recharge");
		key_of(key, sizeof(key), *cell[C_WORKER] ? "bank" : "agency", cell);
		add_keyed(&ck->change_rows, &ck->n_change_rows, &ck->cap_change_rows, key, p, s,
		          line, cost);
		return;
	}
	if (how->kept && !is_uncovered) {
		char key[400];
		key_of(key, sizeof(key), source, cell);
		add_keyed(&ck->staff_rows, &ck->n_staff_rows, &ck->cap_staff_rows, key, p, s, line,
		          staff);
	}
	d = find_demand(sc, p, r, s);
	if (d == MU_ALL)
		REJECT("no demand row at (%s, %s, %s)", cell[C_PARTNER], cell[C_ROLE],
		       cell[C_SHIFT]);
	if (!(staff > TOL))
		REJECT("staff %s is not positive", cell[C_STAFF]);
	paid = sc->shifts[s].paid_hours;
	u = 1 + sc->shifts[s].enhancement;
	if (fabs(hours - staff * paid) > TOL * (1 + hours))
		REJECT("hours %s is not staff x paid_hours", cell[C_HOURS]);
	if (is_uncovered) {
		if (*cell[C_WORKER_ROLE] || *cell[C_HOME] || *cell[C_WORKER] || *cell[C_OFFER])
			REJECT("%s row names who works", source);
	} else {
		wr = find_role(sc, cell[C_WORKER_ROLE]);
		if (wr == MU_ALL || efficiency(sc, wr, r) <= 0)
			REJECT("%s may not cover %s", cell[C_WORKER_ROLE], cell[C_ROLE]);
		ck->covered[d] += efficiency(sc, wr, r) * staff;
	}

	if (strcmp(source, "own") == 0 || strcmp(source, "lend") == 0) {
		size_t home = find_partner(sc, cell[C_HOME]), f;
		if (home == MU_ALL)
			REJECT("unknown home '%s'", cell[C_HOME]);
		f = find_staff(sc, home, wr, s);
		if (f == MU_ALL)
			REJECT("no staff row for its staff");
		if (how->is_rota && !is_whole(staff))
			REJECT("fractional staff in a rota");
		if (strcmp(source, "own") == 0) {
			if (home != p || *cell[C_OFFER])
				REJECT("own staff away from home");
			ck->own[f] += staff;
		} else {
			size_t g = find_agreement(sc, home, p, wr);
			const struct mu_agreement *ag;
			if (!is_together(how, home, p))
				REJECT("lending between partners that work alone");
			if (home == p || g == MU_ALL)
				REJECT("lent without an agreement");
			ag = &sc->agreements[g];
			if (strcmp(cell[C_OFFER],
			           ag->role == MU_ALL ? "*" : sc->roles[ag->role].id) != 0)
				REJECT("offer '%s' is not the agreement row that applies",
				       cell[C_OFFER]);
			ck->lent[f] += staff;
			ck->agreement_use[g * sc->n_shifts + s] += staff;
			expected_cost = ag->travel_cost * staff;
			expected_recharge = ag->recharge_rate * hours;
			add_money(ck, p, expected_cost, -1, 0);
		}
	} else if (strcmp(source, "bank") == 0) {
		size_t w = find_worker(sc, cell[C_WORKER]);
		const struct mu_bank_worker *bw;
		const struct mu_cap *cap = cap_of(sc, wr);
		if (w == MU_ALL)
			REJECT("unknown worker '%s'", cell[C_WORKER]);
		bw = &sc->bank[w];
		if (bw->role != wr || strcmp(cell[C_HOME], sc->partners[bw->home].id) != 0)
			REJECT("worker's role or home misstated");
		if (!is_cleared(sc, bw, p, how))
			REJECT("worker not cleared for %s", cell[C_PARTNER]);
		if (!has_offered(sc, w, s))
			REJECT("worker did not offer %s", cell[C_SHIFT]);
		if (how->is_rota && fabs(staff - 1) > TOL)
			REJECT("a named worker is not 0 or 1");
		if (!cap || !cap->has_bank_rate)
			REJECT("no bank rate");
		ck->worker_hours[w] += hours;
		ck->worker_shift[w * sc->n_shifts + s] += staff;
		if (ck->sup_named && elastic_supply(sc, wr)) {
			size_t key = supply_key(sc, supply_group(sc, how, bw->home), wr, s);
			ck->sup_named[key] += staff;
			ck->sup_staff_at[key * sc->n_partners + p] += staff;
		}
		expected_cost = cap->bank_rate * u * hours;
		add_money(ck, p, expected_cost, -1, 0);
		pref = preference_weight(sc, w, s, cap->bank_rate * u * paid);
		expected_cost += pref * staff;
		add_money(ck, p, 0, PEN_PREFERENCE, pref * staff);
	} else if (strcmp(source, "bank_extra") == 0) {
		/* §3d: unnamed role-wr staff, paid bank_rate here (the rest
		 * in the rate rows), where a role-wr worker of the curve's
		 * partners who offered s is cleared to */
		const struct mu_cap *cap = cap_of(sc, wr);
		size_t g = supply_group(sc, how, p), i;
		bool is_reached = false;
		if (!elastic_supply(sc, wr) || !ck->sup_named)
			REJECT("extra bank staff of a role whose supply is fixed");
		if (*cell[C_HOME] || *cell[C_WORKER] || *cell[C_OFFER])
			REJECT("extra bank staff are named");
		if (how->is_rota && !is_whole(staff))
			REJECT("fractional extra staff in a rota");
		for (i = 0; i < sc->n_availability && !is_reached; i++) {
			const struct mu_bank_worker *bw = &sc->bank[sc->availability[i].worker];
			is_reached = sc->availability[i].shift == s && bw->role == wr &&
			             supply_group(sc, how, bw->home) == g &&
			             is_cleared(sc, bw, p, how);
		}
		if (!is_reached)
			REJECT("extra staff where no worker who offered %s may work",
			       cell[C_SHIFT]);
		ck->sup_extra[supply_key(sc, g, wr, s)] += staff;
		ck->sup_staff_at[supply_key(sc, g, wr, s) * sc->n_partners + p] += staff;
		expected_cost = cap->bank_rate * u * hours;
		add_money(ck, p, expected_cost, -1, 0);
	} else if (strcmp(source, "agency") == 0 ||
	           (how->is_day && strcmp(source, "late_agency") == 0)) {
		/* late agency (§3e) pays the premium on the rate, and nothing
		 * else changes */
		double late =
		    strcmp(source, "late_agency") == 0 ? 1 + sc->settings.late_agency_premium : 1;
		size_t a, offer_partner = strcmp(cell[C_OFFER], "*") == 0
		                              ? MU_ALL
		                              : find_partner(sc, cell[C_OFFER]);
		const struct mu_agency_offer *off = NULL;
		const struct mu_cap *cap = cap_of(sc, wr);
		bool is_glass;
		for (a = 0; a < sc->n_agency; a++)
			if (strcmp(sc->agency[a].supplier, cell[C_HOME]) == 0 &&
			    sc->agency[a].role == wr && sc->agency[a].partner == offer_partner) {
				off = &sc->agency[a];
				break;
			}
		if (!off)
			REJECT("no agency row (%s, %s, %s)", cell[C_HOME], cell[C_WORKER_ROLE],
			       cell[C_OFFER]);
		if (off->partner != MU_ALL && off->partner != p)
			REJECT("agency row does not serve %s", cell[C_PARTNER]);
		if (how->is_rota && !is_whole(staff))
			REJECT("fractional agency staff in a rota");
		is_glass = !off->is_framework ||
		           (cap && cap->has_agency_cap && off->rate > cap->agency_cap);
		if (is_glass && !sc->settings.allow_break_glass)
			REJECT("break-glass agency without allow_break_glass");
		if (is_glass)
			ck->glass_heads[d] += staff;
		ck->capacity_use[a * sc->n_shifts + s] += staff;
		ck->spend[p] += late * off->rate * u * hours;
		ck->total_spend += late * off->rate * u * hours;
		expected_cost = late * off->rate * u * hours +
		                sc->settings.tier_penalty * (double)(off->tier - 1) * staff +
		                (is_glass ? sc->settings.break_glass_penalty * staff : 0);
		add_money(ck, p, late * off->rate * u * hours, PEN_TIER,
		          sc->settings.tier_penalty * (double)(off->tier - 1) * staff);
		if (is_glass)
			add_money(ck, p, 0, PEN_GLASS, sc->settings.break_glass_penalty * staff);
	} else if (strcmp(source, "short") == 0) {
		ck->short_staff[d] += staff;
		expected_cost = sc->settings.shortfall_penalty * sc->demand[d].priority * hours;
		add_money(ck, p, 0, PEN_SHORT, expected_cost);
	} else if (strcmp(source, "breach") == 0) {
		ck->breach[d] += staff;
		expected_cost = sc->settings.floor_penalty * sc->demand[d].priority * hours;
		add_money(ck, p, 0, PEN_BREACH, expected_cost);
	} else {
		REJECT("unknown source '%s'", source);
	}
	/* cost and recharge are written with two decimals */
	if (fabs(cost - expected_cost) > 0.0101 + 1e-9 * expected_cost)
		REJECT("cost %s, expected %.4f", cell[C_COST], expected_cost);
	if (fabs(recharge - expected_recharge) > 0.0101 + 1e-9 * expected_recharge)
		REJECT("recharge %s, expected %.4f", cell[C_RECHARGE], expected_recharge);
	ck->total_cost += expected_cost;
}

/* Whether the kept row (cells of plan.csv) could still be kept in the
 * scenario: its demand row, its worker's offer and clearance, or its
 * agency offer (usable: on framework and within the cap, or break-glass
 * allowed) are all there. */
static bool is_keepable(const struct checker *ck, const char *source, const char *const *cell)
{
	const struct mu_scenario *sc = ck->sc;
	size_t p = find_partner(sc, cell[C_PARTNER]), r = find_role(sc, cell[C_ROLE]);
	size_t s = find_shift(sc, cell[C_SHIFT]), wr = find_role(sc, cell[C_WORKER_ROLE]), a;
	if (p == MU_ALL || r == MU_ALL || s == MU_ALL || wr == MU_ALL ||
	    find_demand(sc, p, r, s) == MU_ALL || efficiency(sc, wr, r) <= 0)
		return false;
	if (strcmp(source, "bank") == 0) {
		size_t w = find_worker(sc, cell[C_WORKER]);
		return w != MU_ALL && has_offered(sc, w, s) &&
		       is_cleared(sc, &sc->bank[w], p, ck->how);
	}
	for (a = 0; a < sc->n_agency; a++) {
		const struct mu_agency_offer *off = &sc->agency[a];
		const struct mu_cap *cap = cap_of(sc, wr);
		size_t op =
		    strcmp(cell[C_OFFER], "*") == 0 ? MU_ALL : find_partner(sc, cell[C_OFFER]);
		bool is_glass;
		if (strcmp(off->supplier, cell[C_HOME]) != 0 || off->role != wr ||
		    off->partner != op)
			continue;
		is_glass = !off->is_framework ||
		           (cap && cap->has_agency_cap && off->rate > cap->agency_cap);
		return !is_glass || sc->settings.allow_break_glass;
	}
	return false;
}

/* DESIGN.md §3b from the rows and the kept plan alone: the change
 * penalty of every kept bank assignment and agency booking still
 * possible, against what plan.csv has there now; and the past as kept. */
static void check_kept(struct checker *ck)
{
	const struct mu_scenario *sc = ck->sc;
	const struct plan_check *how = ck->how;
	double cp = sc->settings.change_penalty;
	struct keyed *expected = NULL, *kept = NULL;
	size_t n_expected = 0, cap_expected = 0, n_kept = 0, cap_kept = 0, i, k, len = 0;
	struct io_csv_table *t = NULL;
	struct mu_err err;
	char *data = tu_read(how->kept, &len);
	if (!data || io_csv_read("kept plan.csv", data, len, &t, &err) != MU_OK) {
		reject(ck, 0, "the kept plan %s cannot be read", how->kept);
		goto done;
	}
	for (i = 1; i < t->n_rows; i++) {
		const char *cell[N_COLUMNS], *source;
		char key[400];
		size_t s, p;
		double staff, now;
		if (t->rows[i].n_cells != N_COLUMNS)
			continue;
		for (k = 0; k < N_COLUMNS; k++)
			cell[k] = io_csv_cell_text(t, &t->cells[t->rows[i].first + k]);
		source = cell[C_SOURCE];
		if (strcmp(source, "own") != 0 && strcmp(source, "lend") != 0 &&
		    strcmp(source, "bank") != 0 && strcmp(source, "agency") != 0 &&
		    strcmp(source, "bank_extra") != 0)
			continue;
		s = find_shift(sc, cell[C_SHIFT]);
		p = find_partner(sc, cell[C_PARTNER]);
		staff = strtod(cell[C_STAFF], NULL);
		key_of(key, sizeof(key), source, cell);
		if (s != MU_ALL && how->has_now && sc->shifts[s].abs_start < how->now) {
			add_keyed(&kept, &n_kept, &cap_kept, key, p, s, t->rows[i].line, staff);
			continue;
		}
		/* extra staff (§3d) are found afresh after now: no change */
		if (strcmp(source, "own") == 0 || strcmp(source, "lend") == 0 ||
		    strcmp(source, "bank_extra") == 0 || !is_keepable(ck, source, cell))
			continue;
		now = keyed_sum(ck->staff_rows, ck->n_staff_rows, key);
		if (staff - now > TOL)
			add_keyed(&expected, &n_expected, &cap_expected, key, p, s, 0,
			          cp * (staff - now));
	}
	/* every change row is one the kept plan calls for, at its penalty */
	for (i = 0; i < ck->n_change_rows; i++) {
		const struct keyed *c = &ck->change_rows[i];
		double want = keyed_sum(expected, n_expected, c->key);
		if (fabs(c->value - want) > 0.0101 + 1e-9 * want) {
			reject(ck, c->line, "change penalty %.2f, the kept plan says %.4f",
			       c->value, want);
			goto done;
		}
	}
	for (i = 0; i < n_expected; i++) {
		const struct keyed *e = &expected[i];
		if (fabs(keyed_sum(ck->change_rows, ck->n_change_rows, e->key) - e->value) >
		    0.0101) {
			reject(ck, 0, "no change row for %s (change penalty %.4f)", e->key,
			       e->value);
			goto done;
		}
		ck->total_cost += e->value;
		add_money(ck, e->partner, 0, PEN_CHANGE, e->value);
	}
	/* the past: staff rows there are the kept plan's, no more, no less
	 * (a kept row no longer possible cannot be there) */
	for (i = 0; how->has_now && i < ck->n_staff_rows; i++) {
		const struct keyed *r = &ck->staff_rows[i];
		if (sc->shifts[r->shift].abs_start >= how->now)
			continue;
		if (fabs(keyed_sum(kept, n_kept, r->key) - r->value) > TOL) {
			reject(ck, r->line, "%s: a shift of the past is not as kept", r->key);
			goto done;
		}
	}
	/* and no extra staff (§3d) of the past is lost: their cover is the
	 * past's as much as a named worker's */
	for (i = 0; how->has_now && i < n_kept; i++) {
		const struct keyed *r = &kept[i];
		if (strncmp(r->key, "bank_extra", 10) != 0)
			continue;
		if (fabs(keyed_sum(ck->staff_rows, ck->n_staff_rows, r->key) - r->value) > TOL) {
			reject(ck, r->line, "%s: the past's extra staff are not as kept", r->key);
			goto done;
		}
	}
done:
	free(expected);
	free(kept);
	io_csv_table_free(t);
	free(data);
}

/* The limits of §3, over the sums of all rows. */
static void check_limits(struct checker *ck)
{
	const struct mu_scenario *sc = ck->sc;
	long rest = (long)(sc->settings.min_rest_hours * 60 + 0.5);
	size_t i, s, k;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		const char *at = sc->partners[d->partner].id;
		if (ck->covered[i] + ck->short_staff[i] + ck->breach[i] < ck->required[i] - TOL)
			reject(ck, 0, "demand %s/%s/%s not met", at, sc->roles[d->role].id,
			       sc->shifts[d->shift].id);
		if (ck->covered[i] + ck->breach[i] < ck->minimum[i] - TOL)
			reject(ck, 0, "minimum at %s not met by cover and breach", at);
		if (ck->breach[i] > ck->minimum[i] + TOL)
			reject(ck, 0, "breach above the minimum at %s", at);
		/* break-glass heads: demand.csv's minimum (§3f moves no rule of
		 * who may work) */
		if (ck->glass_heads[i] > d->minimum + TOL)
			reject(ck, 0, "break-glass heads above the minimum at %s", at);
	}
	for (i = 0; i < sc->n_staff; i++) {
		if (ck->own[i] + ck->lent[i] > (double)sc->staff[i].available + TOL)
			reject(ck, 0, "staff row %zu: own plus lent above available", i);
		if (ck->lent[i] > (double)sc->staff[i].rotatable + TOL)
			reject(ck, 0, "staff row %zu: lent above rotatable", i);
	}
	for (i = 0; i < sc->n_agreements; i++)
		for (s = 0; s < sc->n_shifts; s++)
			if (sc->agreements[i].max_per_shift != MU_UNLIMITED &&
			    ck->agreement_use[i * sc->n_shifts + s] >
			        (double)sc->agreements[i].max_per_shift + TOL)
				reject(ck, 0, "agreement %zu above max_per_shift on %s", i,
				       sc->shifts[s].id);
	for (i = 0; i < sc->n_agency; i++)
		for (s = 0; s < sc->n_shifts; s++)
			if (sc->agency[i].capacity != MU_UNLIMITED &&
			    ck->capacity_use[i * sc->n_shifts + s] >
			        (double)sc->agency[i].capacity + TOL)
				reject(ck, 0, "agency row %zu above capacity on %s", i,
				       sc->shifts[s].id);
	for (i = 0; i < sc->n_bank; i++) {
		const double *x = &ck->worker_shift[i * sc->n_shifts];
		double target = share_target(sc, i);
		if (ck->worker_hours[i] > sc->bank[i].max_hours + TOL)
			reject(ck, 0, "worker %s above max_hours", sc->bank[i].id);
		/* the hours short are exactly what the worked hours leave of the
		 * target: fewer breaks the rule, more is a penalty for nothing */
		if (fabs(ck->share_short[i] - fmax(0, target - ck->worker_hours[i])) >
		    TOL * (1 + target))
			reject(ck, 0, "worker %s: %.6g hours short of a share, %.6g worked of %.6g",
			       sc->bank[i].id, ck->share_short[i], ck->worker_hours[i], target);
		/* every set of shifts whose rest-extended spans meet shares the
		 * start of one of them: sum what is worked over each start */
		for (k = 0; k < sc->n_shifts; k++) {
			double sum = 0;
			if (x[k] <= TOL)
				continue;
			for (s = 0; s < sc->n_shifts; s++)
				if (x[s] > TOL &&
				    sc->shifts[s].abs_start <= sc->shifts[k].abs_start &&
				    sc->shifts[k].abs_start < sc->shifts[s].abs_end + rest)
					sum += x[s];
			if (sum > 1 + TOL)
				reject(ck, 0, "worker %s breaks rest or overlap at %s",
				       sc->bank[i].id, sc->shifts[k].id);
		}
	}
	for (i = 0; i < sc->n_partners; i++)
		if (sc->partners[i].has_agency_budget &&
		    ck->spend[i] > sc->partners[i].agency_budget + 1e-6 * (1 + ck->spend[i]))
			reject(ck, 0, "agency spend at %s above its budget", sc->partners[i].id);
	if (sc->settings.has_agency_budget &&
	    ck->total_spend > sc->settings.agency_budget + 1e-6 * (1 + ck->total_spend))
		reject(ck, 0, "agency spend above the system budget");
	if (fabs(ck->total_cost - ck->how->objective) > 1e-6 * (1 + fabs(ck->how->objective)))
		reject(ck, 0, "the rows cost %.6f, the objective is %.6f", ck->total_cost,
		       ck->how->objective);
}

/* DESIGN.md §3f from the discharge and bed_days rows alone: per pathway
 * at most waiting discharged, the patients in a bed at the end of each
 * day exactly those not discharged by then (at least, where a bed day
 * costs nothing), and each demand row's required and minimum moved: from
 * day t on, each patient discharged adds care_hours at `to` and frees
 * ward_hours at `from`, spread over the day's rows of the partner and
 * role by their required (equally where all are 0), in staff by each
 * shift's paid_hours; the ward demand freed is at most the row's
 * required, and minimum moves in proportion to required. */
static void check_flow(struct checker *ck)
{
	const struct mu_scenario *sc = ck->sc;
	size_t n_days = ck->n_days, f, t, i, k;
	double *added = mu_calloc(sc->n_demand + 1, sizeof(double));
	double *freed = mu_calloc(sc->n_demand + 1, sizeof(double));
	for (f = 0; f < sc->n_flows; f++) {
		const struct mu_flow *w = &sc->flows[f];
		double by_then = 0, total = 0;
		for (t = 0; t < n_days; t++)
			total += ck->discharged[f * n_days + t];
		if (total > (double)w->waiting + TOL)
			reject(ck, 0, "pathway %zu discharges %.6g of %ld waiting", f, total,
			       w->waiting);
		for (t = 0; t < n_days; t++) {
			double left, sum[2] = {0, 0};
			size_t n[2] = {0, 0};
			by_then += ck->discharged[f * n_days + t];
			left = (double)w->waiting - by_then;
			if (ck->in_bed[f * n_days + t] < left - TOL ||
			    (w->bed_day_cost > 0 && ck->in_bed[f * n_days + t] > left + TOL))
				reject(ck, 0,
				       "pathway %zu: %.6g in a bed at the end of day %zu, %.6g "
				       "waiting",
				       f, ck->in_bed[f * n_days + t], t, left);
			/* the day's rows of each side: 0 care at `to`, 1 the ward */
			for (k = 0; k < 2; k++)
				for (i = 0; i < sc->n_demand; i++) {
					const struct mu_demand *d = &sc->demand[i];
					if (sc->shifts[d->shift].day != ck->days[t] ||
					    d->partner != (k == 0 ? w->to : w->from) ||
					    d->role != (k == 0 ? w->care_role : w->ward_role))
						continue;
					sum[k] += d->required;
					n[k]++;
				}
			for (k = 0; k < 2; k++)
				for (i = 0; i < sc->n_demand; i++) {
					const struct mu_demand *d = &sc->demand[i];
					double share, staff;
					if (sc->shifts[d->shift].day != ck->days[t] ||
					    d->partner != (k == 0 ? w->to : w->from) ||
					    d->role != (k == 0 ? w->care_role : w->ward_role))
						continue;
					share =
					    sum[k] > 0 ? d->required / sum[k] : 1.0 / (double)n[k];
					staff = (k == 0 ? w->care_hours : w->ward_hours) * share /
					        sc->shifts[d->shift].paid_hours * by_then;
					*(k == 0 ? &added[i] : &freed[i]) += staff;
				}
		}
	}
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		double moved = added[i] - fmin(freed[i], d->required);
		ck->required[i] = d->required + moved;
		ck->minimum[i] = d->required > 0 ? d->minimum * ck->required[i] / d->required : 0;
	}
	free(added);
	free(freed);
}

static double summary_number(const struct io_csv_table *t, size_t i, const char *name)
{
	const char *v = tu_csv_cell_named(t, i, name);
	return v ? strtod(v, NULL) : NAN;
}

/* §3d per curve: the staff within S(top rung), the extra staff within
 * S(top) - n and within S(rate paid) - n, and the rate rows exactly the
 * cost above w_0 of E(P) at the rate paid, P = Q, or n + extra where extra
 * staff are more, split between partners by their staff. */
static void check_supply(struct checker *ck)
{
	const struct mu_scenario *sc = ck->sc;
	size_t n_p = sc->n_partners, g, r, s, i, p;
	double *w = mu_malloc(3 * MAX_LADDER * sizeof(double)), *S = w + MAX_LADDER,
	       *C = S + MAX_LADDER;
	double *n = mu_calloc((n_p + 1) * sc->n_roles * sc->n_shifts + 1, sizeof(double));
	for (i = 0; i < sc->n_availability; i++) {
		const struct mu_bank_worker *bw = &sc->bank[sc->availability[i].worker];
		n[supply_key(sc, supply_group(sc, ck->how, bw->home), bw->role,
		             sc->availability[i].shift)] += 1;
	}
	for (g = 0; g <= n_p && ck->is_ok; g++)
		for (r = 0; r < sc->n_roles && ck->is_ok; r++)
			for (s = 0; s < sc->n_shifts && ck->is_ok; s++) {
				const struct mu_supply *sup = elastic_supply(sc, r);
				size_t key = supply_key(sc, g, r, s), k, rung;
				const struct mu_shift *sh = &sc->shifts[s];
				double q = ck->sup_named[key] + ck->sup_extra[key], above, priced;
				size_t paid;
				const char *at = g < n_p ? sc->partners[g].id : "the system";
				if (!sup)
					continue;
				k = ladder(sc, r, sup, n[key], w, S, C);
				if (q > S[k - 1] + TOL)
					reject(ck, 0, "%s: %.6g %s staff on %s, S(top rung) %.6g",
					       at, q, sc->roles[r].id, sh->id, S[k - 1]);
				if (ck->sup_extra[key] > fmax(0, S[k - 1] - n[key]) + TOL)
					reject(ck, 0,
					       "%s: %.6g extra %s staff on %s, room for %.6g", at,
					       ck->sup_extra[key], sc->roles[r].id, sh->id,
					       fmax(0, S[k - 1] - n[key]));
				/* extra staff exist only at a rate w with S(w) > n, at most
				 * S(w) - n of them at the rate paid (w_0 without a rate
				 * row); the model's hull for S(w_0) < n is looser */
				for (paid = 0; paid + 1 < k && ck->sup_rate_rows[key] > 0 &&
				               w[paid] < ck->sup_rate[key] - 5e-5 * (1 + w[paid]);
				     paid++)
					;
				if (ck->is_ok && !(S[0] < n[key] - 1e-9) &&
				    ck->sup_extra[key] > fmax(0, S[paid] - n[key]) + TOL)
					reject(
					    ck, 0,
					    "%s: %.6g extra %s staff on %s, S(rate paid %.6g) - n "
					    "is %.6g",
					    at, ck->sup_extra[key], sc->roles[r].id, sh->id,
					    w[paid], fmax(0, S[paid] - n[key]));
				if (!ck->is_ok)
					break;
				/* extra staff are paid the rate for n + extra (for S(w_0)
				 * < n, the model's convex hull of it): the staff priced */
				priced = q;
				if (ck->sup_extra[key] > TOL) {
					double low = S[0] < n[key] - 1e-9
					                 ? S[0] + ck->sup_extra[key] *
					                              (S[k - 1] - S[0]) /
					                              (S[k - 1] - n[key])
					                 : n[key] + ck->sup_extra[key];
					priced = fmin(fmax(q, low), S[k - 1]);
				}
				above = priced > TOL
				            ? (curve_cost(S, C, k, priced) - w[0] * priced) *
				                  (1 + sh->enhancement) * sh->paid_hours
				            : 0;
				/* plan.csv's costs are pennies, rounded so the column adds
				 * up to the total (io_report): up to a penny a row */
				if (fabs(ck->sup_rate_cost[key] - above) >
				    0.0101 * (double)(ck->sup_rate_rows[key] + 1) + 1e-9 * above)
					reject(ck, 0,
					       "%s: rate rows for %s on %s cost %.4f, E(%.6g) "
					       "above w_0 is %.4f",
					       at, sc->roles[r].id, sh->id, ck->sup_rate_cost[key],
					       priced, above);
				ck->total_cost += above;
				for (p = 0; p < n_p && q > TOL; p++)
					add_money(ck, p,
					          above * ck->sup_staff_at[key * n_p + p] / q, -1,
					          0);
				if (!(above > 0.005) || !ck->is_ok)
					continue;
				for (rung = 0; rung + 1 < k && S[rung] < priced - TOL; rung++)
					;
				if (fabs(ck->sup_rate[key] - w[rung]) > 5e-5 * (1 + w[rung]))
					reject(ck, 0,
					       "%s: %s on %s paid %.6g, the rung reached is %.6g",
					       at, sc->roles[r].id, sh->id, ck->sup_rate[key],
					       w[rung]);
				for (p = 0; p < n_p; p++) {
					double want = above * ck->sup_staff_at[key * n_p + p] / q;
					if (fabs(ck->sup_cost_at[key * n_p + p] - want) > 0.0101)
						reject(ck, 0,
						       "%s: the rate row at %s costs %.4f, its "
						       "staff's share is %.4f",
						       at, sc->partners[p].id,
						       ck->sup_cost_at[key * n_p + p], want);
				}
			}
	free(w);
	free(n);
}

/* summary.csv's money apart from penalties, and its red flags, as §3 says
 * them: spend is cash alone, each kind of penalty its own column, and a red
 * flag a demand row covered below its minimum, whatever the breach. */
static void check_summary(struct checker *ck, const char *path)
{
	static const char *const pen[N_PEN] = {
	    "short_penalty",      "breach_penalty", "tier_penalty",   "break_glass_penalty",
	    "preference_penalty", "share_penalty",  "change_penalty", "bed_days_penalty"};
	const struct mu_scenario *sc = ck->sc;
	struct io_csv_table *t = NULL;
	struct mu_err err;
	size_t len = 0, i, d;
	char *data = tu_read(path, &len);
	size_t *flags = mu_calloc(sc->n_partners + 1, sizeof(size_t));
	if (!data || io_csv_read("summary.csv", data, len, &t, &err) != MU_OK) {
		reject(ck, 0, "summary.csv cannot be read");
		goto done;
	}
	for (d = 0; d < sc->n_demand; d++)
		if (ck->covered[d] < ck->minimum[d] - TOL) {
			flags[sc->demand[d].partner]++;
			flags[sc->n_partners]++;
		}
	for (i = 1; i < t->n_rows && ck->is_ok; i++) {
		const char *scope = io_csv_cell_text(t, &t->cells[t->rows[i].first]);
		size_t p = strcmp(scope, "SYSTEM") == 0 ? sc->n_partners : find_partner(sc, scope);
		double penalties = 0;
		int k;
		if (p == MU_ALL) {
			reject(ck, 0, "summary.csv: unknown scope '%s'", scope);
			break;
		}
		/* summary.csv rounds each sum to pennies */
		if (fabs(summary_number(t, i, "spend") - ck->cash[p]) > 0.01 + 1e-9 * ck->cash[p])
			reject(ck, 0, "summary.csv %s: spend %.2f, the rows' cash %.2f", scope,
			       summary_number(t, i, "spend"), ck->cash[p]);
		for (k = 0; k < N_PEN; k++) {
			double v = summary_number(t, i, pen[k]);
			penalties += ck->penalty[p][k];
			/* change_penalty: a column of re-plans only (zero without) */
			if (k == PEN_CHANGE && isnan(v) && !ck->how->kept)
				v = 0;
			/* bed_days_penalty: a column of scenarios with pathways only */
			if (k == PEN_BED_DAYS && isnan(v) && sc->n_flows == 0)
				v = 0;
			if (fabs(v - ck->penalty[p][k]) > 0.01)
				reject(ck, 0, "summary.csv %s: %s %.2f, expected %.2f", scope,
				       pen[k], v, ck->penalty[p][k]);
		}
		if (fabs(summary_number(t, i, "penalties") - penalties) > 0.01)
			reject(ck, 0, "summary.csv %s: penalties", scope);
		if (summary_number(t, i, "red_flags") != (double)flags[p])
			reject(ck, 0,
			       "summary.csv %s: %g red flags, %zu rows covered below minimum",
			       scope, summary_number(t, i, "red_flags"), flags[p]);
	}
done:
	free(flags);
	io_csv_table_free(t);
	free(data);
}

bool plan_check_file(const struct mu_scenario *sc, const char *path, const struct plan_check *how,
                     char *why, size_t why_len)
{
	struct checker ck;
	struct io_csv_table *t = NULL;
	struct mu_err err;
	size_t len = 0, i, k;
	char *data = tu_read(path, &len);

	memset(&ck, 0, sizeof(ck));
	ck.sc = sc;
	ck.how = how;
	ck.why = why;
	ck.why_len = why_len;
	ck.is_ok = true;
	if (!data) {
		snprintf(why, why_len, "%s: cannot read", path);
		return false;
	}
	if (io_csv_read("plan.csv", data, len, &t, &err) != MU_OK) {
		snprintf(why, why_len, "%s", err.msg);
		free(data);
		return false;
	}
	ck.covered = mu_calloc(sc->n_demand + 1, sizeof(double));
	ck.short_staff = mu_calloc(sc->n_demand + 1, sizeof(double));
	ck.breach = mu_calloc(sc->n_demand + 1, sizeof(double));
	ck.glass_heads = mu_calloc(sc->n_demand + 1, sizeof(double));
	ck.own = mu_calloc(sc->n_staff + 1, sizeof(double));
	ck.lent = mu_calloc(sc->n_staff + 1, sizeof(double));
	ck.agreement_use = mu_calloc(sc->n_agreements * sc->n_shifts + 1, sizeof(double));
	ck.worker_hours = mu_calloc(sc->n_bank + 1, sizeof(double));
	ck.worker_shift = mu_calloc(sc->n_bank * sc->n_shifts + 1, sizeof(double));
	ck.capacity_use = mu_calloc(sc->n_agency * sc->n_shifts + 1, sizeof(double));
	ck.spend = mu_calloc(sc->n_partners + 1, sizeof(double));
	ck.cash = mu_calloc(sc->n_partners + 1, sizeof(double));
	ck.penalty = mu_calloc(sc->n_partners + 1, sizeof(*ck.penalty));
	ck.share_short = mu_calloc(sc->n_bank + 1, sizeof(double));
	ck.required = mu_calloc(sc->n_demand + 1, sizeof(double));
	ck.minimum = mu_calloc(sc->n_demand + 1, sizeof(double));
	for (i = 0; i < sc->n_demand; i++) {
		ck.required[i] = sc->demand[i].required;
		ck.minimum[i] = sc->demand[i].minimum;
	}
	/* the days: the shifts' distinct dates, ascending */
	ck.days = mu_calloc(sc->n_shifts + 1, sizeof(long));
	for (i = 0; i < sc->n_shifts; i++) {
		long day = sc->shifts[i].day;
		size_t at = 0, j;
		while (at < ck.n_days && ck.days[at] < day)
			at++;
		if (at < ck.n_days && ck.days[at] == day)
			continue;
		for (j = ck.n_days; j > at; j--)
			ck.days[j] = ck.days[j - 1];
		ck.days[at] = day;
		ck.n_days++;
	}
	ck.discharged = mu_calloc(sc->n_flows * ck.n_days + 1, sizeof(double));
	ck.in_bed = mu_calloc(sc->n_flows * ck.n_days + 1, sizeof(double));
	for (k = 0; k < sc->n_roles && !ck.sup_named; k++)
		if (elastic_supply(sc, k)) {
			size_t n_keys = (sc->n_partners + 1) * sc->n_roles * sc->n_shifts + 1;
			ck.sup_named = mu_calloc(n_keys, sizeof(double));
			ck.sup_extra = mu_calloc(n_keys, sizeof(double));
			ck.sup_rate_cost = mu_calloc(n_keys, sizeof(double));
			ck.sup_rate = mu_calloc(n_keys, sizeof(double));
			ck.sup_rate_rows = mu_calloc(n_keys, sizeof(size_t));
			ck.sup_staff_at = mu_calloc(n_keys * sc->n_partners + 1, sizeof(double));
			ck.sup_cost_at = mu_calloc(n_keys * sc->n_partners + 1, sizeof(double));
		}

	if (t->n_rows == 0 || t->rows[0].n_cells != N_COLUMNS)
		reject(&ck, 1, "the header is not plan.csv's");
	for (k = 0; ck.is_ok && k < N_COLUMNS; k++)
		if (strcmp(io_csv_cell_text(t, &t->cells[t->rows[0].first + k]), header[k]) != 0)
			reject(&ck, 1, "column %zu is not '%s'", k + 1, header[k]);
	for (i = 1; ck.is_ok && i < t->n_rows; i++) {
		const char *cell[N_COLUMNS];
		if (t->rows[i].n_cells != N_COLUMNS) {
			reject(&ck, t->rows[i].line, "%zu fields", t->rows[i].n_cells);
			break;
		}
		for (k = 0; k < N_COLUMNS; k++)
			cell[k] = io_csv_cell_text(t, &t->cells[t->rows[i].first + k]);
		check_row(&ck, t->rows[i].line, cell);
	}
	if (ck.is_ok && how->kept)
		check_kept(&ck);
	if (ck.is_ok && ck.sup_named)
		check_supply(&ck);
	if (ck.is_ok && sc->n_flows > 0)
		check_flow(&ck);
	if (ck.is_ok)
		check_limits(&ck);
	if (ck.is_ok && how->summary)
		check_summary(&ck, how->summary);
	free(ck.covered);
	free(ck.short_staff);
	free(ck.breach);
	free(ck.glass_heads);
	free(ck.own);
	free(ck.lent);
	free(ck.agreement_use);
	free(ck.worker_hours);
	free(ck.worker_shift);
	free(ck.capacity_use);
	free(ck.spend);
	free(ck.cash);
	free(ck.penalty);
	free(ck.share_short);
	free(ck.staff_rows);
	free(ck.change_rows);
	free(ck.sup_named);
	free(ck.sup_extra);
	free(ck.sup_rate_cost);
	free(ck.sup_rate);
	free(ck.sup_rate_rows);
	free(ck.sup_staff_at);
	free(ck.sup_cost_at);
	free(ck.days);
	free(ck.discharged);
	free(ck.in_bed);
	free(ck.required);
	free(ck.minimum);
	io_csv_table_free(t);
	free(data);
	return ck.is_ok;
}

bool plan_check_summary(const char *plan_path, const char *summary_path, char *why, size_t why_len)
{
	/* change: a re-plan's, no hours, and its penalty column only in a re-plan */
	static const char *const sources[] = {"own",   "lend",   "bank",  "agency",
	                                      "short", "breach", "share", "change"};
	struct io_csv_table *plan = tu_csv_read(plan_path, why, why_len);
	struct io_csv_table *summary = plan ? tu_csv_read(summary_path, why, why_len) : NULL;
	bool is_ok = summary != NULL;
	size_t i, j, s;

	for (i = 1; is_ok && i < summary->n_rows; i++) {
		const char *scope = tu_csv_cell_named(summary, i, "partner");
		bool is_system = strcmp(scope, "SYSTEM") == 0;
		double hours[8] = {0}, cost[8] = {0}, total = 0, lent = 0, in = 0, out = 0,
		       beds = 0;
		const char *beds_cell;
		char name[64];
		for (j = 1; j < plan->n_rows; j++) {
			const char *src = tu_csv_cell_named(plan, j, "source");
			double h = strtod(tu_csv_cell_named(plan, j, "hours"), NULL);
			double c = strtod(tu_csv_cell_named(plan, j, "cost"), NULL);
			double rc = strtod(tu_csv_cell_named(plan, j, "recharge"), NULL);
			bool is_here =
			    is_system || strcmp(tu_csv_cell_named(plan, j, "partner"), scope) == 0;
			bool is_lent = strcmp(src, "lend") == 0;
			if (is_lent &&
			    (is_system || strcmp(tu_csv_cell_named(plan, j, "home"), scope) == 0)) {
				lent += h;
				in += rc;
			}
			if (!is_here)
				continue;
			for (s = 0; s < 8; s++)
				if (strcmp(src, sources[s]) == 0) {
					hours[s] += h;
					cost[s] += c;
				}
			total += c;
			out += rc;
			if (strcmp(src, "bed_days") == 0)
				beds += c;
		}
		/* summary.csv's money is rounded to pennies from unrounded sums,
		 * its partners' rows so that they add up to SYSTEM's (less than a
		 * penny, or 0.01 h, from the exact sum); plan.csv's costs each to
		 * pennies: allow a penny a row */
		for (s = 0; is_ok && s < 8; s++) {
			const char *v;
			snprintf(name, sizeof(name), "%s_hours", sources[s]);
			v = tu_csv_cell_named(summary, i, name);
			if (s < 7 && (!v || fabs(strtod(v, NULL) - hours[s]) > 0.0101))
				is_ok = false;
			if (s == 7 && (v || hours[s] != 0))
				is_ok = false;
			if (!is_ok) {
				snprintf(why, why_len,
				         "summary.csv %s: %s is not the sum of plan.csv", scope,
				         name);
				break;
			}
			/* a paid source's plan.csv cost mixes cash and penalty
			 * weights, and summary.csv keeps them apart (spend is
			 * re-derived above); short, breach, share and change rows
			 * cost only their penalty, summary.csv's <source>_penalty */
			if (s < 4)
				continue;
			snprintf(name, sizeof(name), "%s_penalty", sources[s]);
			v = tu_csv_cell_named(summary, i, name);
			if (!v && s == 7 && cost[s] == 0)
				continue;
			if (!v || fabs(strtod(v, NULL) - cost[s]) > 0.006 * (double)plan->n_rows)
				is_ok = false;
			if (!is_ok)
				snprintf(why, why_len,
				         "summary.csv %s: %s is not the sum of plan.csv", scope,
				         name);
		}
		/* §3f: the bed_days rows' cost is the bed-day penalty (a column
		 * of scenarios with pathways only) */
		beds_cell = tu_csv_cell_named(summary, i, "bed_days_penalty");
		if (is_ok &&
		    (beds_cell ? fabs(strtod(beds_cell, NULL) - beds) > 0.006 * (double)plan->n_rows
		               : beds != 0)) {
			is_ok = false;
			snprintf(why, why_len,
			         "summary.csv %s: bed_days_penalty is not the sum of plan.csv",
			         scope);
		}
		if (is_ok && fabs(strtod(tu_csv_cell_named(summary, i, "total_cost"), NULL) -
		                  total) > 0.006 * (double)plan->n_rows) {
			is_ok = false;
			snprintf(why, why_len,
			         "summary.csv %s: total_cost is not the sum of plan.csv", scope);
		}
		if (is_ok &&
		    (fabs(strtod(tu_csv_cell_named(summary, i, "lent_out_hours"), NULL) - lent) >
		         0.0101 ||
		     fabs(strtod(tu_csv_cell_named(summary, i, "recharge_in"), NULL) - in) >
		         0.006 * (double)plan->n_rows ||
		     fabs(strtod(tu_csv_cell_named(summary, i, "recharge_out"), NULL) - out) >
		         0.006 * (double)plan->n_rows)) {
			is_ok = false;
			snprintf(why, why_len,
			         "summary.csv %s: mutual aid is not the sum of plan.csv", scope);
		}
	}
	io_csv_table_free(plan);
	io_csv_table_free(summary);
	return is_ok;
}

/* The row of t whose cells are those of columns cols[0..n) of row i, as
 * text, into out. */
static void cells_of(const struct io_csv_table *t, size_t i, const char *const *names, size_t n,
                     const char **out)
{
	size_t k;
	for (k = 0; k < n; k++) {
		out[k] = tu_csv_cell_named(t, i, names[k]);
		if (!out[k])
			out[k] = "";
	}
}

/* The rate a bank worker of role r at partner q on shift s is paid: the
 * offer of plan.csv's rate row there, else r's bank_rate. */
static double rota_rate(const struct mu_scenario *sc, const struct io_csv_table *plan, size_t r,
                        size_t q, size_t s)
{
	const struct mu_cap *cap = mu_scenario_cap(sc, r);
	size_t i;
	for (i = 1; i < plan->n_rows; i++)
		if (strcmp(tu_csv_cell_named(plan, i, "source"), "rate") == 0 &&
		    strcmp(tu_csv_cell_named(plan, i, "partner"), sc->partners[q].id) == 0 &&
		    strcmp(tu_csv_cell_named(plan, i, "worker_role"), sc->roles[r].id) == 0 &&
		    strcmp(tu_csv_cell_named(plan, i, "shift"), sc->shifts[s].id) == 0)
			return strtod(tu_csv_cell_named(plan, i, "offer"), NULL);
	return cap && cap->has_bank_rate ? cap->bank_rate : 0;
}

bool plan_check_rota(const struct mu_scenario *sc, const char *plan_path, const char *rota_path,
                     char *why, size_t why_len)
{
	static const char *const plan_cols[] = {"source", "worker", "partner",
	                                        "role",   "shift",  "hours"};
	static const char *const rota_cols[] = {
	    "worker", "name", "role",  "home", "partner", "partner_name", "covers",
	    "shift",  "date", "start", "end",  "hours",   "rate"};
	struct io_csv_table *plan = tu_csv_read(plan_path, why, why_len);
	struct io_csv_table *rota = plan ? tu_csv_read(rota_path, why, why_len) : NULL;
	bool is_ok = rota != NULL;
	size_t i, j = 1, n_bank = 0;
	long last_worker = -1, last_start = 0;
	for (i = 1; is_ok && i < plan->n_rows; i++) {
		const char *p[6], *r[13];
		size_t w, s, q;
		double rate;
		char date[16], start[24], end[24];
		time_t t;
		struct tm tm;
		cells_of(plan, i, plan_cols, 6, p);
		if (strcmp(p[0], "bank") != 0)
			continue;
		n_bank++;
		/* rota.csv is in its own order: find the row */
		for (j = 1; j < rota->n_rows; j++) {
			cells_of(rota, j, rota_cols, 13, r);
			if (strcmp(r[0], p[1]) == 0 && strcmp(r[7], p[4]) == 0 &&
			    strcmp(r[4], p[2]) == 0 && strcmp(r[6], p[3]) == 0)
				break;
		}
		if (j == rota->n_rows) {
			snprintf(why, why_len, "rota.csv has no row for %s on %s", p[1], p[4]);
			is_ok = false;
			break;
		}
		w = find_worker(sc, r[0]);
		s = find_shift(sc, r[7]);
		q = find_partner(sc, r[4]);
		if (w == MU_ALL || s == MU_ALL || q == MU_ALL) {
			snprintf(why, why_len,
			         "rota.csv line %zu: unknown worker, shift or partner", j);
			is_ok = false;
			break;
		}
		t = (time_t)sc->shifts[s].day * 86400;
		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
		snprintf(start, sizeof(start), "%02d:%02d", sc->shifts[s].start_min / 60,
		         sc->shifts[s].start_min % 60);
		snprintf(end, sizeof(end), "%02d:%02d", sc->shifts[s].end_min / 60,
		         sc->shifts[s].end_min % 60);
		if (strcmp(r[1], sc->bank[w].name) != 0 ||
		    strcmp(r[2], sc->roles[sc->bank[w].role].id) != 0 ||
		    strcmp(r[3], sc->partners[sc->bank[w].home].id) != 0 ||
		    strcmp(r[5], sc->partners[q].name) != 0 || strcmp(r[8], date) != 0 ||
		    strcmp(r[9], start) != 0 || strcmp(r[10], end) != 0 ||
		    fabs(strtod(r[11], NULL) - strtod(p[5], NULL)) > 1e-6) {
			snprintf(why, why_len, "rota.csv line %zu does not say plan.csv's row %zu",
			         j, i);
			is_ok = false;
		}
		/* the rate paid (§3d): plan.csv's rate row of the worker's role on
		 * the shift where they work, or the role's bank_rate */
		rate = rota_rate(sc, plan, sc->bank[w].role, q, s);
		if (is_ok && (!*r[12] || fabs(strtod(r[12], NULL) - rate) > 1e-6)) {
			snprintf(why, why_len, "rota.csv line %zu: rate '%s', plan.csv says %.10g",
			         j, r[12], rate);
			is_ok = false;
		}
	}
	if (is_ok && rota->n_rows - 1 != n_bank) {
		snprintf(why, why_len, "rota.csv has %zu rows, plan.csv %zu bank rows",
		         rota->n_rows - 1, n_bank);
		is_ok = false;
	}
	/* by worker (in bank.csv's order), then date and start */
	for (j = 1; is_ok && j < rota->n_rows; j++) {
		const char *r[13];
		long w, start;
		cells_of(rota, j, rota_cols, 13, r);
		w = (long)find_worker(sc, r[0]);
		start = sc->shifts[find_shift(sc, r[7])].abs_start;
		if (w < last_worker || (w == last_worker && start < last_start)) {
			snprintf(why, why_len, "rota.csv line %zu is out of order", j + 1);
			is_ok = false;
		}
		last_worker = w;
		last_start = start;
	}
	io_csv_table_free(plan);
	io_csv_table_free(rota);
	return is_ok;
}

bool plan_check_partner_slices(const struct mu_scenario *sc, const char *dir, char *why,
                               size_t why_len)
{
	char path[600];
	struct io_csv_table *plan;
	bool is_ok;
	size_t p, i;
	snprintf(path, sizeof(path), "%s/plan.csv", dir);
	plan = tu_csv_read(path, why, why_len);
	is_ok = plan != NULL;
	for (p = 0; is_ok && p < sc->n_partners; p++) {
		const char *id = sc->partners[p].id;
		struct io_csv_table *slice;
		size_t n_mine = 0;
		FILE *fp;
		snprintf(path, sizeof(path), "%s/partners/%s/plan.csv", dir, id);
		if (!(slice = tu_csv_read(path, why, why_len))) {
			is_ok = false;
			break;
		}
		for (i = 1; i < plan->n_rows; i++)
			n_mine += strcmp(tu_csv_cell_named(plan, i, "partner"), id) == 0 ||
			          strcmp(tu_csv_cell_named(plan, i, "home"), id) == 0;
		for (i = 1; is_ok && i < slice->n_rows; i++)
			if (strcmp(tu_csv_cell_named(slice, i, "partner"), id) != 0 &&
			    strcmp(tu_csv_cell_named(slice, i, "home"), id) != 0) {
				snprintf(why, why_len, "%s: line %zu is not %s's", path, i + 1, id);
				is_ok = false;
			}
		if (is_ok && slice->n_rows - 1 != n_mine) {
			snprintf(why, why_len, "%s: %zu rows, plan.csv has %zu of %s's", path,
			         slice->n_rows - 1, n_mine, id);
			is_ok = false;
		}
		io_csv_table_free(slice);
		snprintf(path, sizeof(path), "%s/partners/%s/report.html", dir, id);
		if (is_ok && !(fp = fopen(path, "rb"))) {
			snprintf(why, why_len, "%s is missing", path);
			is_ok = false;
		} else if (is_ok) {
			fclose(fp);
		}
	}
	io_csv_table_free(plan);
	return is_ok;
}
