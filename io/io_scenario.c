/*
 * io_scenario.c - reads every file of a scenario (DESIGN.md §2) into a
 * struct mu_scenario: each table's column list and row reader, and the
 * files in the order they depend on each other. How one table is read (the
 * header, the typed cells, errors at their place) is io_table.c; the
 * wording of an error many places share, io_causes.c.
 */
#include "io_scenario.h"

#include "io_scenario_int.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct mu_range RULE_MONEY = {.lo = 0, .hi = 1e9};
static const struct mu_range RULE_STAFF = {.lo = 0, .hi = 1e6};
static const struct mu_range RULE_PRIORITY = {.lo = 0, .hi = 1e6, .is_lo_open = true};
static const struct mu_range RULE_PAID_HOURS = {.lo = 0, .hi = 24, .is_lo_open = true};
static const struct mu_range RULE_ENHANCEMENT = {.lo = 0, .hi = 3};
static const struct mu_range RULE_MAX_HOURS = {.lo = 0, .hi = 10000, .is_lo_open = true};
static const struct mu_range RULE_EFFICIENCY = {.lo = 0, .hi = 1, .is_lo_open = true};
static const struct mu_range RULE_COUNT = {.lo = 0, .hi = 1e6, .is_integer = true};
static const struct mu_range RULE_TIER = {.lo = 1, .hi = 1000, .is_integer = true};
/* §3d: supply's elasticity, its ladder's step (a fraction), a rate above 0 */
static const struct mu_range RULE_ELASTICITY = {.lo = 0, .hi = 5};
static const struct mu_range RULE_STEP = {.lo = 0, .hi = 1, .is_lo_open = true};
static const struct mu_range RULE_RATE = {.lo = 0, .hi = 1e9, .is_lo_open = true};
/* §3f: hours of care or ward care a patient needs a day (two carers at
 * once count twice, so more than 24 is legal: io_warnings.c warns) */
static const struct mu_range RULE_CARE_HOURS = {.lo = 0, .hi = 1000, .is_lo_open = true};
static const struct mu_range RULE_WARD_HOURS = {.lo = 0, .hi = 1000};
/* a week has 168 hours */
static const struct mu_range RULE_HOURS_PER_WEEK = {.lo = 0, .hi = 168, .is_lo_open = true};

/* ---- tables ---------------------------------------------------------- */

enum { P_ID, P_NAME, P_KIND, P_AGENCY_BUDGET, P_PAY_BILL };
static const struct io_col partner_cols[] = {
    {"id", true}, {"name", false}, {"kind", false}, {"agency_budget", false}, {"pay_bill", false}};

static void read_partner(struct io_table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_partner p;
	char *id = NULL;
	int kind;
	memset(&p, 0, sizeof(p));
	/* The id is registered even when other cells are bad, so that
	 * references to it add no errors of their own. */
	if (io_table_id(t, P_ID, &id))
		io_table_add_id(t, P_ID, &t->ld->partners, sc->n_partners, "partner");
	io_table_text(t, P_NAME, id, &p.name);
	io_table_keyword(t, P_KIND, mu_partner_kind_names, MU_KIND_COUNT, MU_KIND_OTHER, &kind);
	p.kind = (enum mu_partner_kind)kind;
	io_table_number(t, P_AGENCY_BUDGET, &RULE_MONEY, 0, &p.agency_budget, &p.has_agency_budget);
	io_table_number(t, P_PAY_BILL, &RULE_MONEY, 0, &p.pay_bill, &p.has_pay_bill);
	p.id = id;
	if (!id) {
		free(p.name);
		return;
	}
	sc->partners = mu_grow_one(sc->partners, sc->n_partners, sizeof(*sc->partners));
	sc->partners[sc->n_partners++] = p;
}

enum { R_ID, R_NAME, R_GROUP, R_BAND };
static const struct io_col role_cols[] = {
    {"id", true}, {"name", false}, {"group", false}, {"band", false}};

static void read_role(struct io_table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_role r;
	char *id = NULL;
	int group;
	memset(&r, 0, sizeof(r));
	if (io_table_id(t, R_ID, &id))
		io_table_add_id(t, R_ID, &t->ld->roles, sc->n_roles, "role");
	io_table_text(t, R_NAME, id, &r.name);
	io_table_keyword(t, R_GROUP, mu_role_group_names, MU_GROUP_COUNT, MU_GROUP_OTHER, &group);
	r.group = (enum mu_role_group)group;
	io_table_text(t, R_BAND, "", &r.band);
	r.id = id;
	if (!id) {
		free(r.name);
		free(r.band);
		return;
	}
	sc->roles = mu_grow_one(sc->roles, sc->n_roles, sizeof(*sc->roles));
	sc->roles[sc->n_roles++] = r;
}

enum { S_ID, S_DATE, S_START, S_END, S_PAID_HOURS, S_ENHANCEMENT };
static const struct io_col shift_cols[] = {{"id", true},         {"date", true},
                                           {"start", true},      {"end", true},
                                           {"paid_hours", true}, {"enhancement", false}};

static void read_shift(struct io_table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_shift s;
	char *id = NULL;
	memset(&s, 0, sizeof(s));
	if (io_table_id(t, S_ID, &id))
		io_table_add_id(t, S_ID, &t->ld->shifts, sc->n_shifts, "shift");
	io_table_date(t, S_DATE, &s.day);
	io_table_time(t, S_START, &s.start_min);
	io_table_time(t, S_END, &s.end_min);
	io_table_number(t, S_PAID_HOURS, &RULE_PAID_HOURS, 0, &s.paid_hours, NULL);
	io_table_number(t, S_ENHANCEMENT, &RULE_ENHANCEMENT, 0, &s.enhancement, NULL);
	s.abs_start = s.day * 1440 + s.start_min;
	s.abs_end = s.day * 1440 + s.end_min + (s.end_min <= s.start_min ? 1440 : 0);
	s.id = id;
	if (!id)
		return;
	sc->shifts = mu_grow_one(sc->shifts, sc->n_shifts, sizeof(*sc->shifts));
	sc->shifts[sc->n_shifts++] = s;
}

enum { C_ROLE, C_BANK_RATE, C_AGENCY_CAP, C_BANK_CAP };
static const struct io_col cap_cols[] = {
    {"role", true}, {"bank_rate", false}, {"agency_cap", false}, {"bank_cap", false}};

/* bank_cap (§3d) is the top of the ladder that starts at bank_rate: below
 * it there is no ladder. With no bank_rate there is nothing to compare. */
static void check_bank_cap(struct io_table *t, const struct mu_cap *c)
{
	size_t l1, l2;
	const char *cap, *rate;
	char q1[256], q2[256];
	if (!c->has_bank_cap || !c->has_bank_rate || c->bank_cap >= c->bank_rate)
		return;
	cap = io_table_cell(t, C_BANK_CAP, &l1);
	rate = io_table_cell(t, C_BANK_RATE, &l2);
	QUOTE(q2, rate, l2);
	io_table_error(t, C_BANK_CAP,
	               "bank_cap '%s' is below bank_rate '%s': it is the highest rate the bank may "
	               "pay (write %s or more, or leave it empty for no enhanced rates)",
	               QUOTE(q1, cap, l1), q2, q2);
}

static void read_cap(struct io_table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_cap c;
	size_t len;
	bool is_role_ok;
	memset(&c, 0, sizeof(c));
	is_role_ok = io_table_ref(t, C_ROLE, &t->ld->roles, "role", false, &c.role);
	if (is_role_ok)
		is_role_ok = io_table_unique(t, C_ROLE, &c.role, 1, "role");
	io_table_number(t, C_BANK_RATE, &RULE_MONEY, 0, &c.bank_rate, &c.has_bank_rate);
	io_table_number(t, C_AGENCY_CAP, &RULE_MONEY, 0, &c.agency_cap, &c.has_agency_cap);
	if (io_table_number(t, C_BANK_CAP, &RULE_MONEY, 0, &c.bank_cap, &c.has_bank_cap))
		check_bank_cap(t, &c);
	if (!t->is_row_ok) {
		/* A bad bank_rate ('£15.33') is the cause: the row's role counts
		 * as having one, so that its bank workers add no "no bank_rate"
		 * errors (the scenario is rejected anyway). */
		io_table_cell(t, C_BANK_RATE, &len);
		if (is_role_ok && len > 0)
			mu_scenario_cap_add(sc, c.role)->has_bank_rate = true;
		return;
	}
	*mu_scenario_cap_add(sc, c.role) = c;
	if (c.has_bank_cap) {
		if (!t->ld->bank_cap_at)
			t->ld->bank_cap_at = mu_calloc(sc->n_roles, sizeof(*t->ld->bank_cap_at));
		t->ld->bank_cap_at[c.role] = io_table_where(t, C_BANK_CAP);
	}
}

enum { Y_ROLE, Y_ELASTICITY, Y_REFERENCE_RATE, Y_STEP };
static const struct io_col supply_cols[] = {
    {"role", true}, {"elasticity", false}, {"reference_rate", false}, {"step", false}};

/* step is a fraction: a step out of range that reads as a percentage
 * ('5' for 5%) gets the fraction to write. */
static bool get_step(struct io_table *t, double *out)
{
	static const struct mu_range percent = {.lo = 1, .hi = 100, .is_lo_open = true};
	size_t len;
	const char *s = io_table_cell(t, Y_STEP, &len);
	char q[256], range[64], msg[400];
	double v;
	if (len > 0 && mu_parse_number(s, len, &percent, &v, msg, sizeof(msg))) {
		*out = 0.05;
		io_table_error(t, Y_STEP,
		               "value '%s' out of range (%s) in column 'step': a fraction, not a "
		               "percentage (write %.15g for %s%%)",
		               QUOTE(q, s, len), mu_range_text(&RULE_STEP, range, sizeof(range)),
		               v / 100, q);
		return false;
	}
	return io_table_number(t, Y_STEP, &RULE_STEP, 0.05, out, NULL);
}

/* How a role's bank supply answers the rate paid (DESIGN.md §3d); one row
 * a role. Read after caps.csv: its warnings (io_warnings.c) compare
 * reference_rate with the role's bank_rate. */
static void read_supply(struct io_table *t)
{
	struct io_loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_supply y;
	memset(&y, 0, sizeof(y));
	if (io_table_ref(t, Y_ROLE, &ld->roles, "role", false, &y.role)) {
		size_t len;
		const char *s = io_table_cell(t, Y_ROLE, &len);
		char q[256], what[300];
		snprintf(what, sizeof(what), "role '%s'", QUOTE(q, s, len));
		io_table_unique(t, Y_ROLE, &y.role, 1, what);
	}
	io_table_number(t, Y_ELASTICITY, &RULE_ELASTICITY, 0, &y.elasticity, NULL);
	io_table_number(t, Y_REFERENCE_RATE, &RULE_RATE, 0, &y.reference_rate,
	                &y.has_reference_rate);
	get_step(t, &y.step);
	if (!t->is_row_ok)
		return;
	ld->supply_at = mu_grow_one(ld->supply_at, sc->n_supply, sizeof(*ld->supply_at));
	ld->supply_at[sc->n_supply].elasticity = io_table_where(t, Y_ELASTICITY);
	ld->supply_at[sc->n_supply].reference_rate = io_table_where(t, Y_REFERENCE_RATE);
	sc->supply = mu_grow_one(sc->supply, sc->n_supply, sizeof(*sc->supply));
	sc->supply[sc->n_supply++] = y;
}

enum { D_PARTNER, D_ROLE, D_SHIFT, D_REQUIRED, D_MINIMUM, D_PRIORITY };
static const struct io_col demand_cols[] = {{"partner", true},  {"role", true},
                                            {"shift", true},    {"required", true},
                                            {"minimum", false}, {"priority", false}};

/* Resolves the (partner, role, shift) key of demand and staff rows. */
static bool get_prs(struct io_table *t, size_t *key, const char *what)
{
	bool ok = io_table_ref(t, 0, &t->ld->partners, "partner", false, &key[0]);
	ok = io_table_ref(t, 1, &t->ld->roles, "role", false, &key[1]) && ok;
	ok = io_table_ref(t, 2, &t->ld->shifts, "shift", false, &key[2]) && ok;
	return ok && io_table_unique(t, 0, key, 3, what);
}

static void read_demand(struct io_table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_demand d;
	size_t key[3];
	bool is_req_ok, is_min_ok;
	get_prs(t, key, "demand row (partner, role, shift)");
	is_req_ok = io_table_number(t, D_REQUIRED, &RULE_STAFF, 0, &d.required, NULL);
	is_min_ok = io_table_number(t, D_MINIMUM, &RULE_STAFF, 0, &d.minimum, NULL);
	io_table_number(t, D_PRIORITY, &RULE_PRIORITY, 1, &d.priority, NULL);
	if (is_req_ok && is_min_ok && d.minimum > d.required) {
		size_t l1, l2;
		const char *m = io_table_cell(t, D_MINIMUM, &l1),
		           *r = io_table_cell(t, D_REQUIRED, &l2);
		char q1[256], q2[256];
		io_table_error(t, D_MINIMUM, "minimum '%s' is more than required '%s'",
		               QUOTE(q1, m, l1), QUOTE(q2, r, l2));
	}
	if (!t->is_row_ok)
		return;
	d.partner = key[0], d.role = key[1], d.shift = key[2];
	sc->demand = mu_grow_one(sc->demand, sc->n_demand, sizeof(*sc->demand));
	t->ld->demand_line =
	    mu_grow_one(t->ld->demand_line, sc->n_demand, sizeof(*t->ld->demand_line));
	t->ld->demand_line[sc->n_demand] = t->row->line;
	t->ld->demand_min_col = (unsigned long)(t->field_of[D_MINIMUM] + 1);
	sc->demand[sc->n_demand++] = d;
}

enum { F_PARTNER, F_ROLE, F_SHIFT, F_AVAILABLE, F_ROTATABLE };
static const struct io_col staff_cols[] = {
    {"partner", true}, {"role", true}, {"shift", true}, {"available", true}, {"rotatable", false}};

static void read_staff(struct io_table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_staff s;
	size_t key[3];
	bool is_avail_ok, is_rot_ok;
	get_prs(t, key, "staff row (partner, role, shift)");
	is_avail_ok = io_table_count(t, F_AVAILABLE, &RULE_COUNT, 0, &s.available);
	is_rot_ok = io_table_count(t, F_ROTATABLE, &RULE_COUNT, 0, &s.rotatable);
	if (is_avail_ok && is_rot_ok && s.rotatable > s.available)
		io_table_error(t, F_ROTATABLE, "rotatable '%ld' is more than available '%ld'",
		               s.rotatable, s.available);
	if (!t->is_row_ok)
		return;
	s.partner = key[0], s.role = key[1], s.shift = key[2];
	sc->staff = mu_grow_one(sc->staff, sc->n_staff, sizeof(*sc->staff));
	sc->staff[sc->n_staff++] = s;
}

enum { B_ID, B_NAME, B_ROLE, B_HOME, B_MAX_HOURS, B_PARTNERS };
static const struct io_col bank_cols[] = {{"id", true},         {"name", false},
                                          {"role", true},       {"home", true},
                                          {"max_hours", false}, {"partners", false}};

/* The `partners` cell of a bank worker: `*`, or `;`-separated partners. */
static void get_bank_partners(struct io_table *t, struct mu_bank_worker *w)
{
	size_t len, start = 0, cap = 0;
	const char *s = io_table_cell(t, B_PARTNERS, &len);
	char q[256];
	if (len == 0)
		return;
	if (len == 1 && s[0] == '*') {
		w->is_all_partners = true;
		return;
	}
	while (start <= len) {
		size_t end = start, a, b, idx;
		while (end < len && s[end] != ';')
			end++;
		a = start, b = end;
		while (a < b && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		if (b == a) {
			io_table_error(t, B_PARTNERS,
			               "empty partner in list '%s' in column 'partners'",
			               QUOTE(q, s, len));
			return;
		}
		if (b - a == 1 && s[a] == '*') {
			io_table_error(t, B_PARTNERS,
			               "'*' must stand alone in column 'partners', not in '%s'",
			               QUOTE(q, s, len));
			return;
		}
		if (!mu_parse_is_identifier(s + a, b - a)) {
			io_table_error(t, B_PARTNERS,
			               "invalid identifier '%s' in column 'partners'",
			               QUOTE(q, s + a, b - a));
			return;
		}
		if (t->ld->partners.is_usable) {
			enum io_id_found found =
			    io_id_set_find(&t->ld->partners, s + a, b - a, &idx);
			if (found == IO_ID_BROKEN) {
				t->is_row_ok = false;
				return;
			}
			if (found == IO_ID_UNKNOWN) {
				io_table_unknown(t, B_PARTNERS, &t->ld->partners, "partner", s + a,
				                 b - a, " in column 'partners'");
				return;
			}
			MU_GROW(w->partners, cap, w->n_partners + 1);
			w->partners[w->n_partners++] = idx;
		}
		start = end + 1;
	}
}

static void read_bank_worker(struct io_table *t)
{
	struct io_loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_bank_worker w;
	char *id = NULL;
	memset(&w, 0, sizeof(w));
	if (io_table_id(t, B_ID, &id))
		io_table_add_id(t, B_ID, &ld->bank, sc->n_bank, "bank worker");
	io_table_text(t, B_NAME, id, &w.name);
	if (io_table_ref(t, B_ROLE, &ld->roles, "role", false, &w.role)) {
		const struct mu_cap *c = mu_scenario_cap(sc, w.role);
		/* One error per role (or one for a missing caps.csv), worded with
		 * its count once bank.csv is read; none when caps.csv could not be
		 * read whole: its own errors are the cause. */
		if ((!c || !c->has_bank_rate) && (!ld->has_caps_file || ld->is_caps_whole)) {
			size_t len;
			const char *s = io_table_cell(t, B_ROLE, &len);
			char q[256];
			struct io_cause *cause;
			QUOTE(q, s, len);
			if (ld->has_caps_file)
				cause = io_table_cause_error(
				    t, B_ROLE, IO_CAUSE_NO_BANK_RATE, s, len,
				    "role '%s' has no bank_rate in caps.csv, so the worker cannot "
				    "be costed",
				    q);
			else
				cause = io_table_cause_error(
				    t, B_ROLE, IO_CAUSE_NO_CAPS, "", 0,
				    "role '%s' has no bank_rate: there is no caps.csv", q);
			if (cause->n_places == 1)
				snprintf(cause->value, sizeof(cause->value), "%s", q);
		}
	}
	io_table_ref(t, B_HOME, &ld->partners, "partner", false, &w.home);
	io_table_number(t, B_MAX_HOURS, &RULE_MAX_HOURS, 48, &w.max_hours, NULL);
	get_bank_partners(t, &w);
	w.id = id;
	if (!id) {
		free(w.name);
		free(w.partners);
		return;
	}
	/* Workers are kept even with bad cells so that availability rows that
	 * name them resolve; the scenario is rejected as a whole anyway. */
	sc->bank = mu_grow_one(sc->bank, sc->n_bank, sizeof(*sc->bank));
	sc->bank[sc->n_bank++] = w;
}

enum { V_WORKER, V_SHIFT, V_PREFERENCE };
static const struct io_col availability_cols[] = {
    {"worker", true}, {"shift", true}, {"preference", false}};

static void read_availability(struct io_table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	size_t key[2];
	int preference;
	bool ok = io_table_ref(t, V_WORKER, &t->ld->bank, "bank worker", false, &key[0]);
	ok = io_table_ref(t, V_SHIFT, &t->ld->shifts, "shift", false, &key[1]) && ok;
	ok = io_table_keyword(t, V_PREFERENCE, mu_preference_names, MU_PREF_COUNT, MU_PREF_NEUTRAL,
	                      &preference) &&
	     ok;
	if (!ok || !io_table_unique(t, V_WORKER, key, 2, "availability (worker, shift)"))
		return;
	sc->availability =
	    mu_grow_one(sc->availability, sc->n_availability, sizeof(*sc->availability));
	sc->availability[sc->n_availability].worker = key[0];
	sc->availability[sc->n_availability].shift = key[1];
	sc->availability[sc->n_availability++].preference = (enum mu_preference)preference;
}

enum { A_SUPPLIER, A_TIER, A_FRAMEWORK, A_ROLE, A_PARTNER, A_RATE, A_CAPACITY };
static const struct io_col agency_cols[] = {
    {"supplier", true}, {"tier", false}, {"framework", false}, {"role", true},
    {"partner", true},  {"rate", true},  {"capacity", false}};

static void read_agency_offer(struct io_table *t)
{
	struct io_loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_agency_offer a;
	size_t supplier_len;
	const char *supplier = io_table_cell(t, A_SUPPLIER, &supplier_len);
	bool is_supplier_ok;
	memset(&a, 0, sizeof(a));
	is_supplier_ok = io_table_id(t, A_SUPPLIER, NULL);
	io_table_count(t, A_TIER, &RULE_TIER, 1, &a.tier);
	io_table_yes_no(t, A_FRAMEWORK, true, &a.is_framework);
	io_table_ref(t, A_ROLE, &ld->roles, "role", false, &a.role);
	io_table_ref(t, A_PARTNER, &ld->partners, "partner", true, &a.partner);
	io_table_number(t, A_RATE, &RULE_MONEY, 0, &a.rate, NULL);
	io_table_count(t, A_CAPACITY, &RULE_COUNT, MU_UNLIMITED, &a.capacity);
	if (is_supplier_ok && t->is_row_ok) {
		/* The key is (supplier, role, partner); the supplier is text, so
		 * it goes into the key by its bytes after the two indices. */
		size_t n = 2 + (supplier_len + sizeof(size_t) - 1) / sizeof(size_t);
		size_t *key = mu_calloc(n, sizeof(size_t));
		key[0] = a.role;
		key[1] = a.partner;
		memcpy(key + 2, supplier, supplier_len);
		io_table_unique(t, A_SUPPLIER, key, n, "agency offer (supplier, role, partner)");
		free(key);
	}
	if (!t->is_row_ok)
		return;
	a.supplier = mu_strndup(supplier, supplier_len);
	sc->agency = mu_grow_one(sc->agency, sc->n_agency, sizeof(*sc->agency));
	sc->agency[sc->n_agency++] = a;
}

enum { G_FROM, G_TO, G_ROLE, G_MAX_PER_SHIFT, G_TRAVEL_COST, G_RECHARGE_RATE };
static const struct io_col agreement_cols[] = {{"from", true},         {"to", true},
                                               {"role", true},         {"max_per_shift", false},
                                               {"travel_cost", false}, {"recharge_rate", false}};

static void read_agreement(struct io_table *t)
{
	struct io_loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_agreement g;
	bool is_from_ok, is_to_ok, is_role_ok;
	memset(&g, 0, sizeof(g));
	is_from_ok = io_table_ref(t, G_FROM, &ld->partners, "partner", false, &g.from);
	is_to_ok = io_table_ref(t, G_TO, &ld->partners, "partner", false, &g.to);
	is_role_ok = io_table_ref(t, G_ROLE, &ld->roles, "role", true, &g.role);
	if (is_from_ok && is_to_ok && g.from == g.to) {
		char q[256];
		size_t len;
		const char *s = io_table_cell(t, G_TO, &len);
		io_table_error(t, G_TO, "agreement from partner '%s' to itself", QUOTE(q, s, len));
	} else if (is_from_ok && is_to_ok && is_role_ok) {
		size_t key[3] = {g.from, g.to, g.role};
		io_table_unique(t, G_FROM, key, 3, "agreement (from, to, role)");
	}
	io_table_count(t, G_MAX_PER_SHIFT, &RULE_COUNT, MU_UNLIMITED, &g.max_per_shift);
	io_table_number(t, G_TRAVEL_COST, &RULE_MONEY, 0, &g.travel_cost, NULL);
	io_table_number(t, G_RECHARGE_RATE, &RULE_MONEY, 0, &g.recharge_rate, NULL);
	if (!t->is_row_ok)
		return;
	sc->agreements = mu_grow_one(sc->agreements, sc->n_agreements, sizeof(*sc->agreements));
	sc->agreements[sc->n_agreements++] = g;
}

enum { U_ROLE, U_COVERS, U_EFFICIENCY };
static const struct io_col substitution_cols[] = {
    {"role", true}, {"covers", true}, {"efficiency", false}};

static void read_substitution(struct io_table *t)
{
	struct io_loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_substitution u;
	bool is_role_ok = io_table_ref(t, U_ROLE, &ld->roles, "role", false, &u.role);
	bool is_covers_ok = io_table_ref(t, U_COVERS, &ld->roles, "role", false, &u.covers);
	if (is_role_ok && is_covers_ok && u.role == u.covers) {
		char q[256];
		size_t len;
		const char *s = io_table_cell(t, U_COVERS, &len);
		io_table_error(t, U_COVERS, "role '%s' covers itself", QUOTE(q, s, len));
	} else if (is_role_ok && is_covers_ok) {
		size_t key[2] = {u.role, u.covers};
		io_table_unique(t, U_ROLE, key, 2, "substitution (role, covers)");
	}
	io_table_number(t, U_EFFICIENCY, &RULE_EFFICIENCY, 1, &u.efficiency, NULL);
	if (!t->is_row_ok)
		return;
	sc->substitutions =
	    mu_grow_one(sc->substitutions, sc->n_substitutions, sizeof(*sc->substitutions));
	sc->substitutions[sc->n_substitutions++] = u;
}

enum { T_KEY, T_VALUE };
static const struct io_col setting_cols[] = {{"key", true}, {"value", true}};

/* What a setting means, its range and default: mu_settings_table. */
static void read_setting(struct io_table *t)
{
	struct mu_settings *set = &t->ld->sc->settings;
	size_t klen, vlen, id;
	const char *key = io_table_cell(t, T_KEY, &klen), *value = io_table_cell(t, T_VALUE, &vlen);
	char q[256], msg[512], list[512] = "";
	if (!io_table_has_value(t, T_KEY))
		return;
	id = mu_settings_find(key, klen);
	if (id == MU_SETTING_COUNT) {
		for (id = 0; id < MU_SETTING_COUNT; id++)
			io_table_list_append(list, sizeof(list), mu_settings_table[id].key);
		io_table_error(t, T_KEY, "unknown setting '%s' (one of %s)", QUOTE(q, key, klen),
		               list);
		return;
	}
	if (!io_table_unique(t, T_KEY, &id, 1, "setting"))
		return;
	if (vlen == 0) {
		io_table_error(t, T_VALUE, "empty value for setting '%s'",
		               mu_settings_table[id].key);
		return;
	}
	if (!mu_settings_parse(set, id, value, vlen, msg, sizeof(msg))) {
		char hint[128];
		const char *h = NULL;
		if (mu_settings_table[id].type == MU_SETTING_NUMBER ||
		    mu_settings_table[id].type == MU_SETTING_FRACTION)
			h = mu_parse_range_hint(value, vlen, &mu_settings_table[id].range, hint,
			                        sizeof(hint));
		io_table_error(t, T_VALUE, "%s%s%s", msg, h ? ": " : "", h ? h : "");
	}
}

enum { K_PARTNER, K_ROLE, K_ANNUAL_COST, K_MAX_POSTS, K_HOURS_PER_WEEK, K_NIGHTS };
static const struct io_col recruit_cols[] = {{"partner", true},         {"role", true},
                                             {"annual_cost", true},     {"max_posts", false},
                                             {"hours_per_week", false}, {"nights", false}};

/* A post that could be recruited (DESIGN.md §3c); one row per (partner,
 * role). Only `muster recruit` uses the table, but every command reads and
 * checks it, so that `check` finds its errors before a long recruitment. */
static void read_recruit(struct io_table *t)
{
	struct io_loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_recruit k;
	size_t key[2];
	bool ok;
	memset(&k, 0, sizeof(k));
	ok = io_table_ref(t, K_PARTNER, &ld->partners, "partner", false, &key[0]);
	ok = io_table_ref(t, K_ROLE, &ld->roles, "role", false, &key[1]) && ok;
	if (ok)
		io_table_unique(t, K_PARTNER, key, 2, "recruits row (partner, role)");
	io_table_number(t, K_ANNUAL_COST, &RULE_MONEY, 0, &k.annual_cost, NULL);
	io_table_count(t, K_MAX_POSTS, &RULE_COUNT, MU_UNLIMITED, &k.max_posts);
	io_table_number(t, K_HOURS_PER_WEEK, &RULE_HOURS_PER_WEEK, 37.5, &k.hours_per_week, NULL);
	io_table_yes_no(t, K_NIGHTS, true, &k.is_nights);
	if (!t->is_row_ok)
		return;
	k.partner = key[0], k.role = key[1];
	sc->recruits = mu_grow_one(sc->recruits, sc->n_recruits, sizeof(*sc->recruits));
	sc->recruits[sc->n_recruits++] = k;
}

enum {
	L_FROM,
	L_TO,
	L_WAITING,
	L_CARE_ROLE,
	L_CARE_HOURS,
	L_WARD_ROLE,
	L_WARD_HOURS,
	L_BED_DAY_COST
};
static const struct io_col flow_cols[] = {
    {"from", true},       {"to", true},        {"waiting", true},    {"care_role", true},
    {"care_hours", true}, {"ward_role", true}, {"ward_hours", true}, {"bed_day_cost", true}};

/* The pathway's `to` must have a demand row of care_role on every day of
 * the horizon (§3f: a day's added care goes to that day's shifts of the
 * row's partner and role); its `from` a demand row of ward_role on some
 * day (the demand its patients' discharge removes). Checked only when
 * demand.csv was read without error: else its errors are the cause. */
static void check_flow_demand(struct io_table *t, const struct mu_flow *w)
{
	struct io_loader *ld = t->ld;
	const struct mu_scenario *sc = ld->sc;
	long *days;
	size_t n_days = mu_scenario_days(sc, &days), i, n_missing = 0, first = 0;
	bool *has = mu_calloc(n_days + 1, sizeof(bool)), has_ward = false;
	char q1[256], q2[256], date[MU_DATE_SIZE];
	size_t l1, l2;
	const char *s1, *s2;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		if (d->partner == w->to && d->role == w->care_role)
			has[mu_scenario_day_index(days, n_days, sc->shifts[d->shift].day)] = true;
		if (d->partner == w->from && d->role == w->ward_role)
			has_ward = true;
	}
	for (i = 0; i < n_days; i++)
		if (!has[i] && n_missing++ == 0)
			first = i;
	if (!has_ward) {
		s1 = io_table_cell(t, L_FROM, &l1);
		s2 = io_table_cell(t, L_WARD_ROLE, &l2);
		io_table_error(t, L_FROM,
		               "partner '%s' has no demand row of ward_role '%s': a pathway's from "
		               "is the partner whose beds the patients are in, and whose ward_role "
		               "demand their discharge lowers",
		               QUOTE(q1, s1, l1), QUOTE(q2, s2, l2));
	}
	if (n_missing > 0) {
		char more[64] = "";
		s1 = io_table_cell(t, L_TO, &l1);
		s2 = io_table_cell(t, L_CARE_ROLE, &l2);
		if (n_missing > 1)
			snprintf(more, sizeof(more), " (and %zu more day%s)", n_missing - 1,
			         n_missing == 2 ? "" : "s");
		io_table_error(
		    t, L_TO,
		    "partner '%s' has no demand row of care_role '%s' on %s%s: a "
		    "discharged patient's care goes to the to partner's shifts of that "
		    "role on each day (add a demand row on a shift of each day; required "
		    "may be 0)",
		    QUOTE(q1, s1, l1), QUOTE(q2, s2, l2), mu_format_date(date, days[first]), more);
	}
	free(has);
	free(days);
}

/* A discharge pathway (DESIGN.md §3f); one row per (from, to, care_role,
 * ward_role). Read after demand.csv, whose rows it must find. */
static void read_flow(struct io_table *t)
{
	struct io_loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_flow w;
	bool is_key_ok;
	memset(&w, 0, sizeof(w));
	is_key_ok = io_table_ref(t, L_FROM, &ld->partners, "partner", false, &w.from);
	is_key_ok = io_table_ref(t, L_TO, &ld->partners, "partner", false, &w.to) && is_key_ok;
	is_key_ok =
	    io_table_ref(t, L_CARE_ROLE, &ld->roles, "role", false, &w.care_role) && is_key_ok;
	is_key_ok =
	    io_table_ref(t, L_WARD_ROLE, &ld->roles, "role", false, &w.ward_role) && is_key_ok;
	io_table_count(t, L_WAITING, &RULE_COUNT, 0, &w.waiting);
	io_table_number(t, L_CARE_HOURS, &RULE_CARE_HOURS, 0, &w.care_hours, NULL);
	io_table_number(t, L_WARD_HOURS, &RULE_WARD_HOURS, 0, &w.ward_hours, NULL);
	io_table_number(t, L_BED_DAY_COST, &RULE_MONEY, 0, &w.bed_day_cost, NULL);
	if (is_key_ok && w.from == w.to && w.care_role == w.ward_role) {
		char q[256];
		size_t len;
		const char *s = io_table_cell(t, L_WARD_ROLE, &len);
		io_table_error(t, L_WARD_ROLE,
		               "ward_role '%s' is the care_role at the same partner: the pathway "
		               "would move demand from a row to itself",
		               QUOTE(q, s, len));
		is_key_ok = false;
	}
	if (is_key_ok) {
		size_t key[4] = {w.from, w.to, w.care_role, w.ward_role};
		is_key_ok =
		    io_table_unique(t, L_FROM, key, 4, "pathway (from, to, care_role, ward_role)");
	}
	if (is_key_ok && ld->is_demand_clean)
		check_flow_demand(t, &w);
	if (!t->is_row_ok)
		return;
	ld->flow_at = mu_grow_one(ld->flow_at, sc->n_flows, sizeof(*ld->flow_at));
	ld->flow_at[sc->n_flows].waiting = io_table_where(t, L_WAITING);
	ld->flow_at[sc->n_flows].care_hours = io_table_where(t, L_CARE_HOURS);
	ld->flow_at[sc->n_flows].ward_hours = io_table_where(t, L_WARD_HOURS);
	ld->flow_at[sc->n_flows].bed_day_cost = io_table_where(t, L_BED_DAY_COST);
	sc->flows = mu_grow_one(sc->flows, sc->n_flows, sizeof(*sc->flows));
	sc->flows[sc->n_flows++] = w;
}

/* ---- files ----------------------------------------------------------- */

static struct io_id_set *partner_ids(struct io_loader *ld)
{
	return &ld->partners;
}
static struct io_id_set *role_ids(struct io_loader *ld)
{
	return &ld->roles;
}
static struct io_id_set *shift_ids(struct io_loader *ld)
{
	return &ld->shifts;
}
static struct io_id_set *bank_ids(struct io_loader *ld)
{
	return &ld->bank;
}

#define COLS(c) c, sizeof(c) / sizeof(c[0])

/* In dependency order: a table is read after the tables it names. */
static const struct io_file_spec file_specs[] = {
    {"partners.csv", true, "partner", COLS(partner_cols), read_partner, partner_ids},
    {"roles.csv", true, "role", COLS(role_cols), read_role, role_ids},
    {"shifts.csv", true, "shift", COLS(shift_cols), read_shift, shift_ids},
    {"caps.csv", false, NULL, COLS(cap_cols), read_cap, NULL},
    {"supply.csv", false, NULL, COLS(supply_cols), read_supply, NULL},
    {"demand.csv", true, "demand row", COLS(demand_cols), read_demand, NULL},
    {"staff.csv", true, NULL, COLS(staff_cols), read_staff, NULL},
    {"bank.csv", false, NULL, COLS(bank_cols), read_bank_worker, bank_ids},
    {"availability.csv", false, NULL, COLS(availability_cols), read_availability, NULL},
    {"agency.csv", false, NULL, COLS(agency_cols), read_agency_offer, NULL},
    {"agreements.csv", false, NULL, COLS(agreement_cols), read_agreement, NULL},
    {"substitutions.csv", false, NULL, COLS(substitution_cols), read_substitution, NULL},
    {"settings.csv", false, NULL, COLS(setting_cols), read_setting, NULL},
    {"recruits.csv", false, NULL, COLS(recruit_cols), read_recruit, NULL},
    {"flow.csv", false, NULL, COLS(flow_cols), read_flow, NULL},
};
#define N_FILES (sizeof(file_specs) / sizeof(file_specs[0]))

const char *const io_scenario_file_names[] = {
    "partners.csv",   "roles.csv",         "shifts.csv",   "caps.csv",         "supply.csv",
    "demand.csv",     "staff.csv",         "bank.csv",     "availability.csv", "agency.csv",
    "agreements.csv", "substitutions.csv", "settings.csv", "recruits.csv",     "flow.csv"};
const size_t io_scenario_n_file_names = N_FILES;

/* The entry of src for name when name is not a regular file, or NULL. */
static const struct io_not_regular *not_regular(const struct io_source *src, const char *name)
{
	size_t i;
	for (i = 0; i < src->n_not_regular; i++)
		if (strcmp(src->not_regular[i].name, name) == 0)
			return &src->not_regular[i];
	return NULL;
}

static bool is_known_file(const char *name)
{
	size_t i;
	for (i = 0; i < N_FILES; i++)
		if (strcmp(file_specs[i].name, name) == 0)
			return true;
	return false;
}

/* The spreadsheet of src (an .xlsx, .ods ...) saved under the name of
 * scenario file csv_name ("demand.xlsx" for "demand.csv", any case), or
 * NULL. */
static const char *spreadsheet_for(const struct io_source *src, const char *csv_name)
{
	size_t i, stem = strlen(csv_name) - strlen(".csv");
	for (i = 0; i < src->n_spreadsheets; i++) {
		const char *n = src->spreadsheets[i];
		if (strncasecmp(n, csv_name, stem) == 0 && n[stem] == '.')
			return n;
	}
	return NULL;
}

/* A spreadsheet in the folder is named, and what it means said: the
 * missing file it probably is, or that it is not read. */
static void name_spreadsheets(struct io_loader *ld)
{
	const struct io_source *src = ld->src;
	size_t i, k;
	for (i = 0; i < src->n_spreadsheets; i++) {
		const char *n = src->spreadsheets[i];
		const struct io_file_spec *as = NULL;
		for (k = 0; k < N_FILES && !as; k++)
			if (spreadsheet_for(src, file_specs[k].name) == n)
				as = &file_specs[k];
		if (as && as->is_required && !io_source_find(src, as->name))
			continue; /* the missing file's error names it */
		if (as && !io_source_find(src, as->name))
			io_warnings_at(ld, n, 0, 0,
			               "not read, so the scenario has no %s: muster reads CSV "
			               "(save as \"CSV UTF-8\")",
			               as->name);
		else
			io_warnings_at(ld, n, 0, 0,
			               "not read: muster reads CSV (save as \"CSV UTF-8\")");
	}
}

enum mu_code io_scenario_parse(const struct io_source *src, struct mu_scenario **out,
                               struct mu_errlist *errors)
{
	return io_scenario_load(src, out, errors, NULL);
}

enum mu_code io_scenario_load(const struct io_source *src, struct mu_scenario **out,
                              struct mu_errlist *errors, struct mu_errlist *warnings)
{
	struct io_loader ld;
	size_t i;

	memset(&ld, 0, sizeof(ld));
	ld.src = src;
	ld.sc = mu_scenario_new();
	ld.errors = errors;
	ld.warnings = warnings;
	ld.partners.file = "partners.csv";
	ld.roles.file = "roles.csv";
	ld.shifts.file = "shifts.csv";
	ld.bank.file = "bank.csv";
	mu_map_init(&ld.partners.map);
	mu_map_init(&ld.roles.map);
	mu_map_init(&ld.shifts.map);
	mu_map_init(&ld.bank.map);
	mu_map_init(&ld.partners.broken);
	mu_map_init(&ld.roles.broken);
	mu_map_init(&ld.shifts.broken);
	mu_map_init(&ld.bank.broken);
	mu_map_init(&ld.cause_of);

	name_spreadsheets(&ld);
	for (i = 0; i < src->n_files; i++)
		if (!is_known_file(src->files[i].name)) {
			io_table_place_error(
			    &ld, src->files[i].name, 0, 0,
			    "unknown file: a scenario holds only partners, roles, shifts, demand, "
			    "staff, bank, availability, agency, agreements, caps, substitutions, "
			    "settings, recruits, supply and flow .csv files, and history.csv");
		}
	/* Known or not, a .csv name that is not a regular file is that one
	 * error: a FIFO, a directory or a link to a device is never read. */
	for (i = 0; i < src->n_not_regular; i++)
		io_table_place_error(&ld, src->not_regular[i].name, 0, 0,
		                     "not a regular file (%s): a scenario file is a plain CSV file",
		                     src->not_regular[i].what);
	for (i = 0; i < N_FILES; i++) {
		const struct io_file_spec *spec = &file_specs[i];
		const struct io_file *f = io_source_find(src, spec->name);
		bool is_whole = false;
		size_t n_before;
		ld.file_no = i;
		if (!f && not_regular(src, spec->name))
			continue; /* reported above; its ids stay unusable */
		if (!f) {
			const char *sheet = spreadsheet_for(src, spec->name);
			if (spec->is_required && sheet)
				io_table_place_error(
				    &ld, spec->name, 0, 0,
				    "missing: every scenario needs this file (%s is "
				    "here: muster reads CSV, save it as \"CSV "
				    "UTF-8\")",
				    sheet);
			else if (spec->is_required)
				io_table_place_error(&ld, spec->name, 0, 0,
				                     "missing: every scenario needs this file");
			else if (spec->ids)
				spec->ids(&ld)->is_usable =
				    true; /* an absent table is empty, not broken */
			continue;
		}
		n_before = ld.n_errors;
		is_whole = io_table_read(&ld, spec, f);
		if (spec->read_row == read_demand)
			ld.is_demand_clean = is_whole && ld.n_errors == n_before &&
			                     ld.partners.is_usable && ld.roles.is_usable &&
			                     ld.shifts.is_usable;
		if (spec->read_row == read_cap) {
			ld.has_caps_file = true;
			ld.is_caps_whole = is_whole;
		}
	}
	io_causes_word(&ld);
	if (ld.n_errors == 0)
		io_warnings_add(&ld);

	mu_map_release(&ld.partners.map);
	mu_map_release(&ld.roles.map);
	mu_map_release(&ld.shifts.map);
	mu_map_release(&ld.bank.map);
	mu_map_release(&ld.partners.broken);
	mu_map_release(&ld.roles.broken);
	mu_map_release(&ld.shifts.broken);
	mu_map_release(&ld.bank.broken);
	mu_map_release(&ld.cause_of);
	free(ld.partners.is_named);
	free(ld.roles.is_named);
	free(ld.shifts.is_named);
	free(ld.bank.is_named);
	free(ld.causes);
	free(ld.demand_line);
	free(ld.bank_cap_at);
	free(ld.supply_at);
	free(ld.flow_at);
	if (ld.n_errors > 0) {
		mu_scenario_free(ld.sc);
		return MU_E_INPUT;
	}
	io_source_hash(src, ld.sc->source_hash);
	*out = ld.sc;
	return MU_OK;
}
