/*
 * flow_vary.c - parses `--vary NAME=FROM:TO:STEP` against a scenario and puts
 * each value into it. Settings come from mu_settings_table: their names,
 * ranges, labels and how a value is set.
 */
#include "flows/flow_vary.h"

#include "core/mu_alloc.h"
#include "core/mu_parse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_VALUES 10000
#define MAX_MONEY 1e9
#define MAX_COUNT 1e6
#define MAX_DEMAND_FACTOR 1000

/* The names besides settings, for the message that lists them all. */
static const char OTHER_NAMES[] = "agency_budget.PARTNER, agency_cap.ROLE, bank_rate.ROLE, "
                                  "bank_cap.ROLE, elasticity.ROLE, reference_rate.ROLE, "
                                  "step.ROLE, demand, demand.PARTNER, staff.PARTNER.ROLE, "
                                  "max_per_shift.FROM.TO.ROLE, waiting.FROM.TO or "
                                  "bed_day_cost.FROM.TO";

/* "a setting (shortfall_penalty, ...), agency_budget.PARTNER, ..." */
static const char *names_help(char *buf, size_t size)
{
	size_t i, used = (size_t)snprintf(buf, size, "a setting (");
	bool is_first = true;
	for (i = 0; i < MU_SETTING_COUNT && used < size; i++) {
		if (!mu_settings_table[i].is_sweepable)
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s", is_first ? "" : ", ",
		                         mu_settings_table[i].key);
		is_first = false;
	}
	if (used < size)
		snprintf(buf + used, size - used, "), %s", OTHER_NAMES);
	return buf;
}

static size_t find_partner(const struct mu_scenario *sc, const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < sc->n_partners; i++)
		if (strlen(sc->partners[i].id) == len && memcmp(sc->partners[i].id, s, len) == 0)
			return i;
	return MU_ALL;
}

/* A role id, or MU_ALL for "*" when is_star_ok; *is_found says which. */
static size_t find_role(const struct mu_scenario *sc, const char *s, size_t len, bool is_star_ok,
                        bool *is_found)
{
	size_t i;
	*is_found = true;
	if (is_star_ok && len == 1 && s[0] == '*')
		return MU_ALL;
	for (i = 0; i < sc->n_roles; i++)
		if (strlen(sc->roles[i].id) == len && memcmp(sc->roles[i].id, s, len) == 0)
			return i;
	*is_found = false;
	return MU_ALL;
}

/* "PREFIX.rest" (prefix case-insensitive): the rest, or NULL. */
static const char *after_prefix(const char *name, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len > n + 1 && strncasecmp(name, prefix, n) == 0 && name[n] == '.')
		return name + n + 1;
	return NULL;
}

/* staff.PARTNER.ROLE: the one split of rest into a partner and a role. */
static enum mu_code resolve_staff(const struct mu_scenario *sc, const char *rest, size_t len,
                                  struct flow_vary *v, struct mu_err *err)
{
	size_t k, n_found = 0;
	for (k = 1; k + 1 < len; k++) {
		size_t p, r;
		bool is_role;
		if (rest[k] != '.')
			continue;
		p = find_partner(sc, rest, k);
		r = find_role(sc, rest + k + 1, len - k - 1, false, &is_role);
		if (p != MU_ALL && is_role) {
			v->partner = p;
			v->role = r;
			n_found++;
		}
	}
	if (n_found == 0)
		return mu_err_set(err, MU_E_USAGE,
		                  "--vary %s: no partner and role of the scenario make '%.*s'",
		                  v->name, (int)len, rest);
	if (n_found > 1)
		return mu_err_set(err, MU_E_USAGE,
		                  "--vary %s: '%.*s' splits into a partner and a role in more "
		                  "than one way",
		                  v->name, (int)len, rest);
	return MU_OK;
}

/* max_per_shift.FROM.TO.ROLE: the one split that names an agreement row. */
static enum mu_code resolve_agreement(const struct mu_scenario *sc, const char *rest, size_t len,
                                      struct flow_vary *v, struct mu_err *err)
{
	size_t a, b, i, n_found = 0;
	for (a = 1; a < len; a++) {
		if (rest[a] != '.')
			continue;
		for (b = a + 2; b + 1 < len; b++) {
			size_t from, to, role;
			bool is_role;
			if (rest[b] != '.')
				continue;
			from = find_partner(sc, rest, a);
			to = find_partner(sc, rest + a + 1, b - a - 1);
			role = find_role(sc, rest + b + 1, len - b - 1, true, &is_role);
			if (from == MU_ALL || to == MU_ALL || !is_role)
				continue;
			for (i = 0; i < sc->n_agreements; i++) {
				const struct mu_agreement *g = &sc->agreements[i];
				if (g->from == from && g->to == to && g->role == role) {
					v->agreement = i;
					n_found++;
				}
			}
		}
	}
	if (n_found == 0)
		return mu_err_set(err, MU_E_USAGE,
		                  "--vary %s: no row of agreements.csv is from.to.role '%.*s'",
		                  v->name, (int)len, rest);
	if (n_found > 1)
		return mu_err_set(err, MU_E_USAGE,
		                  "--vary %s: '%.*s' names more than one agreement row", v->name,
		                  (int)len, rest);
	return MU_OK;
}

/* waiting.FROM.TO, bed_day_cost.FROM.TO (§3f): the one split of rest
 * into two partners that names a flow.csv row, which must be the only
 * pathway between them. */
static enum mu_code resolve_pathway(const struct mu_scenario *sc, const char *rest, size_t len,
                                    struct flow_vary *v, struct mu_err *err)
{
	size_t a, i, n_found = 0;
	for (a = 1; a + 1 < len; a++) {
		size_t from, to;
		if (rest[a] != '.')
			continue;
		from = find_partner(sc, rest, a);
		to = find_partner(sc, rest + a + 1, len - a - 1);
		if (from == MU_ALL || to == MU_ALL)
			continue;
		for (i = 0; i < sc->n_flows; i++)
			if (sc->flows[i].from == from && sc->flows[i].to == to) {
				v->flow = i;
				n_found++;
			}
	}
	if (n_found == 0)
		return mu_err_set(err, MU_E_USAGE,
		                  "--vary %s: no row of flow.csv is from.to '%.*s'", v->name,
		                  (int)len, rest);
	if (n_found > 1)
		return mu_err_set(err, MU_E_USAGE,
		                  "--vary %s: '%.*s' names more than one flow.csv pathway (one "
		                  "per care_role and ward_role): vary a scenario with one",
		                  v->name, (int)len, rest);
	return MU_OK;
}

/* The names NAME.ID that take one partner or one role. */
static const struct {
	const char *prefix;
	enum flow_vary_kind kind;
	bool is_partner; /* else a role */
} one_id_names[] = {
    {"agency_budget", FLOW_VARY_AGENCY_BUDGET, true},
    {"demand", FLOW_VARY_DEMAND, true},
    {"agency_cap", FLOW_VARY_AGENCY_CAP, false},
    {"bank_rate", FLOW_VARY_BANK_RATE, false},
    {"bank_cap", FLOW_VARY_BANK_CAP, false},
    {"elasticity", FLOW_VARY_ELASTICITY, false},
    {"reference_rate", FLOW_VARY_REFERENCE_RATE, false},
    {"step", FLOW_VARY_STEP, false},
};

static enum mu_code resolve_name(const struct mu_scenario *sc, const char *name, size_t len,
                                 struct flow_vary *v, struct mu_err *err)
{
	const char *rest;
	size_t i, n;
	bool is_role;
	char help[640];
	for (i = 0; i < MU_SETTING_COUNT; i++)
		if (mu_settings_table[i].is_sweepable && strlen(mu_settings_table[i].key) == len &&
		    strncasecmp(name, mu_settings_table[i].key, len) == 0) {
			v->kind = FLOW_VARY_SETTING;
			v->setting = i;
			return MU_OK;
		}
	if (len == 6 && strncasecmp(name, "demand", len) == 0) {
		v->kind = FLOW_VARY_DEMAND;
		return MU_OK;
	}
	for (i = 0; i < sizeof(one_id_names) / sizeof(one_id_names[0]); i++) {
		if (!(rest = after_prefix(name, len, one_id_names[i].prefix)))
			continue;
		n = len - (size_t)(rest - name);
		v->kind = one_id_names[i].kind;
		if (one_id_names[i].is_partner)
			v->partner = find_partner(sc, rest, n);
		else
			v->role = find_role(sc, rest, n, false, &is_role);
		if (one_id_names[i].is_partner ? v->partner == MU_ALL : !is_role)
			return mu_err_set(err, MU_E_USAGE, "--vary %s: unknown %s '%.*s'", v->name,
			                  one_id_names[i].is_partner ? "partner" : "role", (int)n,
			                  rest);
		return MU_OK;
	}
	if ((rest = after_prefix(name, len, "waiting")) ||
	    (rest = after_prefix(name, len, "bed_day_cost"))) {
		v->kind = rest - name == 8 ? FLOW_VARY_WAITING : FLOW_VARY_BED_DAY_COST;
		return resolve_pathway(sc, rest, len - (size_t)(rest - name), v, err);
	}
	if ((rest = after_prefix(name, len, "staff")))
		v->kind = FLOW_VARY_STAFF;
	else if ((rest = after_prefix(name, len, "max_per_shift")))
		v->kind = FLOW_VARY_MAX_PER_SHIFT;
	else
		return mu_err_set(err, MU_E_USAGE, "--vary: unknown name '%s'; it can be %s",
		                  v->name, names_help(help, sizeof(help)));
	n = len - (size_t)(rest - name);
	return v->kind == FLOW_VARY_STAFF ? resolve_staff(sc, rest, n, v, err)
	                                  : resolve_agreement(sc, rest, n, v, err);
}

/* The values v may take. */
static struct mu_range value_range(const struct flow_vary *v)
{
	static const struct mu_range money = {.lo = 0, .hi = MAX_MONEY};
	static const struct mu_range count = {.lo = 0, .hi = MAX_COUNT, .is_integer = true};
	static const struct mu_range factor = {.lo = 0, .hi = MAX_DEMAND_FACTOR};
	/* supply.csv's ranges (io_scenario.c) */
	static const struct mu_range elasticity = {.lo = 0, .hi = 5};
	static const struct mu_range rate = {.lo = 0, .hi = MAX_MONEY, .is_lo_open = true};
	static const struct mu_range step = {.lo = 0, .hi = 1, .is_lo_open = true};
	switch (v->kind) {
	case FLOW_VARY_SETTING:
		return mu_settings_value_range(v->setting);
	case FLOW_VARY_DEMAND:
		return factor;
	case FLOW_VARY_STAFF:
	case FLOW_VARY_MAX_PER_SHIFT:
	case FLOW_VARY_WAITING:
		return count;
	case FLOW_VARY_ELASTICITY:
		return elasticity;
	case FLOW_VARY_REFERENCE_RATE:
		return rate;
	case FLOW_VARY_STEP:
		return step;
	default:
		return money;
	}
}

/* A choice setting's FROM or TO may be a choice's name: rate_card
 * uniform:incentive:1 is 0:1:1. */
static bool parse_choice(const struct flow_vary *v, const char *s, size_t n, double *out)
{
	const struct mu_setting *t;
	size_t i;
	if (v->kind != FLOW_VARY_SETTING)
		return false;
	t = &mu_settings_table[v->setting];
	if (t->type != MU_SETTING_CHOICE)
		return false;
	for (i = 0; i < t->n_choices; i++)
		if (mu_parse_keyword_eq(s, n, t->choices[i])) {
			*out = (double)i;
			return true;
		}
	return false;
}

/* A number of FROM:TO:STEP: a decimal, signed so that a value below the
 * range (-5) is said to be below it, not to be no number. */
static bool parse_signed(const char *s, size_t n, double *out)
{
	if (n > 1 && s[0] == '-' && mu_parse_decimal(s + 1, n - 1, out)) {
		*out = -*out;
		return true;
	}
	return mu_parse_decimal(s, n, out);
}

static enum mu_code parse_range(const char *text, struct flow_vary *v, struct mu_err *err)
{
	double *dst[3] = {&v->from, &v->to, &v->step};
	const char *s = text;
	struct mu_range r = value_range(v);
	double span;
	int k;
	for (k = 0; k < 3; k++) {
		size_t n = k < 2 ? strcspn(s, ":") : strlen(s);
		if ((k < 2 && s[n] != ':') ||
		    !((k < 2 && parse_choice(v, s, n, dst[k])) || parse_signed(s, n, dst[k])))
			return mu_err_set(
			    err, MU_E_USAGE,
			    "--vary %s: '%s' is not FROM:TO:STEP (three numbers, such "
			    "as 25:45:5)",
			    v->name, text);
		s += n + 1;
	}
	if (v->step <= 0)
		return mu_err_set(err, MU_E_USAGE, "--vary %s: STEP must be above 0", v->name);
	if (v->to < v->from)
		return mu_err_set(err, MU_E_USAGE, "--vary %s: TO (%g) is below FROM (%g)", v->name,
		                  v->to, v->from);
	if (v->to > r.hi)
		return mu_err_set(err, MU_E_USAGE, "--vary %s: %g is above the largest value, %g",
		                  v->name, v->to, r.hi);
	if (r.is_hi_open && v->to == r.hi)
		return mu_err_set(err, MU_E_USAGE, "--vary %s: TO must be below %g", v->name, r.hi);
	if (v->from < r.lo || (r.is_lo_open && v->from == r.lo))
		return mu_err_set(err, MU_E_USAGE, "--vary %s: FROM (%g) must be %s %g", v->name,
		                  v->from, r.is_lo_open ? "above" : "at least", r.lo);
	if (r.is_integer && (v->from != floor(v->from) || v->step != floor(v->step)))
		return mu_err_set(err, MU_E_USAGE, "--vary %s: FROM and STEP must be whole numbers",
		                  v->name);
	span = (v->to - v->from) / v->step;
	if (span + 1 > MAX_VALUES)
		return mu_err_set(err, MU_E_USAGE, "--vary %s: more than %d values", v->name,
		                  MAX_VALUES);
	/* 1e-9: so that 0.8:1.2:0.1 reaches 1.2 despite binary fractions */
	v->n_values = (size_t)floor(span + 1e-9) + 1;
	return MU_OK;
}

/* Gives partner p a staff row of role r on every shift, so that extra
 * staff can be added on each; a new row has no one available. */
static void fill_staff_rows(struct mu_scenario *sc, size_t p, size_t r)
{
	bool *has = mu_calloc(sc->n_shifts + 1, sizeof(bool));
	size_t i, s;
	for (i = 0; i < sc->n_staff; i++)
		if (sc->staff[i].partner == p && sc->staff[i].role == r)
			has[sc->staff[i].shift] = true;
	for (s = 0; s < sc->n_shifts; s++) {
		if (has[s])
			continue;
		sc->staff = mu_reallocarray(sc->staff, sc->n_staff + 1, sizeof(*sc->staff));
		sc->staff[sc->n_staff++] = (struct mu_staff){p, r, s, 0, 0};
	}
	free(has);
}

/* The supply.csv row of role, added with fixed supply (elasticity 0,
 * step 0.05, reference the bank_rate) when there is none. */
static struct mu_supply *supply_add(struct mu_scenario *sc, size_t role)
{
	size_t i;
	for (i = 0; i < sc->n_supply; i++)
		if (sc->supply[i].role == role)
			return &sc->supply[i];
	sc->supply = mu_reallocarray(sc->supply, sc->n_supply + 1, sizeof(*sc->supply));
	sc->supply[sc->n_supply] = (struct mu_supply){.role = role, .step = 0.05};
	return &sc->supply[sc->n_supply++];
}

/* Remembers what the rows v scales or adds to hold now. */
static void keep_base(struct mu_scenario *sc, struct flow_vary *v)
{
	size_t i;
	if (v->kind == FLOW_VARY_DEMAND) {
		v->n_base = 2 * sc->n_demand;
		v->base = mu_malloc((v->n_base + 1) * sizeof(double));
		for (i = 0; i < sc->n_demand; i++) {
			v->base[2 * i] = sc->demand[i].required;
			v->base[2 * i + 1] = sc->demand[i].minimum;
		}
	} else if (v->kind == FLOW_VARY_STAFF) {
		fill_staff_rows(sc, v->partner, v->role);
		v->n_base = sc->n_staff;
		v->base = mu_malloc((v->n_base + 1) * sizeof(double));
		for (i = 0; i < sc->n_staff; i++)
			v->base[i] = (double)sc->staff[i].available;
	} else if (v->kind == FLOW_VARY_ELASTICITY || v->kind == FLOW_VARY_REFERENCE_RATE ||
	           v->kind == FLOW_VARY_STEP) {
		supply_add(sc, v->role);
	}
}

enum mu_code flow_vary_parse(struct mu_scenario *sc, const char *text, struct flow_vary *out,
                             struct mu_err *err)
{
	const char *eq = strchr(text, '=');
	enum mu_code rc;
	memset(out, 0, sizeof(*out));
	out->setting = MU_SETTING_COUNT;
	out->partner = out->role = out->agreement = out->flow = MU_ALL;
	if (!eq || eq == text)
		return mu_err_set(err, MU_E_USAGE, "--vary '%s': expected NAME=FROM:TO:STEP", text);
	out->name = mu_strndup(text, (size_t)(eq - text));
	if ((rc = resolve_name(sc, text, (size_t)(eq - text), out, err)) != MU_OK ||
	    (rc = parse_range(eq + 1, out, err)) != MU_OK) {
		flow_vary_release(out);
		return rc;
	}
	keep_base(sc, out);
	return MU_OK;
}

void flow_vary_release(struct flow_vary *v)
{
	free(v->name);
	free(v->base);
	v->name = NULL;
	v->base = NULL;
}

bool flow_vary_overlaps(const struct flow_vary *a, const struct flow_vary *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == FLOW_VARY_DEMAND)
		return a->partner == MU_ALL || b->partner == MU_ALL || a->partner == b->partner;
	return a->setting == b->setting && a->partner == b->partner && a->role == b->role &&
	       a->agreement == b->agreement && a->flow == b->flow;
}

bool flow_vary_is_supply(const struct flow_vary *v)
{
	switch (v->kind) {
	case FLOW_VARY_BANK_CAP:
	case FLOW_VARY_ELASTICITY:
	case FLOW_VARY_REFERENCE_RATE:
	case FLOW_VARY_STEP:
		return true;
	case FLOW_VARY_SETTING:
		return v->setting == MU_SET_RATE_CARD;
	default:
		return false;
	}
}

/* Whether role r's supply answers the rate at some point of the sweep: an
 * elasticity above 0 in the scenario, or varied up to one. */
static bool is_ever_elastic(const struct mu_scenario *sc, const struct flow_vary *vary,
                            size_t n_vary, size_t r)
{
	size_t k;
	if (mu_scenario_is_elastic(sc, r))
		return true;
	for (k = 0; k < n_vary; k++)
		if (vary[k].kind == FLOW_VARY_ELASTICITY && vary[k].role == r && vary[k].to > 0)
			return true;
	return false;
}

/* The offers in availability.csv of role r's bank workers. */
static size_t offers_of(const struct mu_scenario *sc, size_t r)
{
	size_t i, n = 0;
	for (i = 0; i < sc->n_availability; i++)
		n += sc->bank[sc->availability[i].worker].role == r;
	return n;
}

/* The vary of kind on role r, or NULL. */
static const struct flow_vary *vary_of(const struct flow_vary *vary, size_t n_vary,
                                       enum flow_vary_kind kind, size_t r)
{
	size_t k;
	for (k = 0; k < n_vary; k++)
		if (vary[k].kind == kind && vary[k].role == r)
			return &vary[k];
	return NULL;
}

/* Whether role r's ladder has a rung above w_0 at some point: a bank_cap
 * (as given or varied) above its bank_rate (as given or varied). Without
 * one the rate card and the step have nothing to price. */
static bool has_ladder(const struct mu_scenario *sc, const struct flow_vary *vary, size_t n_vary,
                       size_t r)
{
	const struct flow_vary *vc = vary_of(vary, n_vary, FLOW_VARY_BANK_CAP, r);
	const struct flow_vary *vr = vary_of(vary, n_vary, FLOW_VARY_BANK_RATE, r);
	const struct mu_cap *cap = mu_scenario_cap(sc, r);
	double top = vc ? vc->to : cap && cap->has_bank_cap ? cap->bank_cap : -1;
	double rate = vr ? vr->from : cap && cap->has_bank_rate ? cap->bank_rate : HUGE_VAL;
	return top > rate;
}

/* Whether role r's offers were made at a rate other than its bank_rate
 * at some point: then S(w_0) differs from the offers, and elasticity
 * moves it even without a ladder. */
static bool is_reference_off(const struct mu_scenario *sc, const struct flow_vary *vary,
                             size_t n_vary, size_t r)
{
	const struct mu_supply *sup = mu_scenario_supply(sc, r);
	const struct mu_cap *cap = mu_scenario_cap(sc, r);
	if (vary_of(vary, n_vary, FLOW_VARY_REFERENCE_RATE, r))
		return true;
	if (!sup || !sup->has_reference_rate)
		return false;
	return vary_of(vary, n_vary, FLOW_VARY_BANK_RATE, r) ||
	       !(cap && cap->has_bank_rate && cap->bank_rate == sup->reference_rate);
}

/* A §3d key that can move nothing (flow_vary_check). */
static enum mu_code check_moves(const struct mu_scenario *sc, const struct flow_vary *vary,
                                size_t n_vary, const struct flow_vary *v, struct mu_err *err)
{
	size_t r;
	bool is_any = false;
	if (v->kind == FLOW_VARY_SETTING) { /* rate_card */
		for (r = 0; r < sc->n_roles && !is_any; r++)
			is_any = is_ever_elastic(sc, vary, n_vary, r) && offers_of(sc, r) > 0;
		if (!is_any)
			return mu_err_set(
			    err, MU_E_USAGE,
			    "--vary %s: every role's bank supply is fixed (no supply.csv "
			    "row with elasticity above 0 and offers in "
			    "availability.csv), so the rate card changes nothing "
			    "(DESIGN.md §3d); give a role an elasticity in supply.csv, "
			    "or vary elasticity.ROLE too",
			    v->name);
		for (r = 0; r < sc->n_roles; r++)
			if (is_ever_elastic(sc, vary, n_vary, r) && offers_of(sc, r) > 0 &&
			    has_ladder(sc, vary, n_vary, r))
				return MU_OK;
		return mu_err_set(
		    err, MU_E_USAGE,
		    "--vary %s: no role whose supply answers the rate has a bank_cap "
		    "above its bank_rate, so every one is paid bank_rate and the rate "
		    "card changes nothing (DESIGN.md §3d); give one a bank_cap in "
		    "caps.csv, or vary bank_cap.ROLE too",
		    v->name);
	}
	r = v->role;
	if (offers_of(sc, r) == 0)
		return mu_err_set(
		    err, MU_E_USAGE,
		    "--vary %s: no bank worker of role '%s' offered a shift in "
		    "availability.csv, so there is no bank supply of it to answer the "
		    "rate, and the sweep would show nothing",
		    v->name, sc->roles[r].id);
	if (v->kind != FLOW_VARY_ELASTICITY && !is_ever_elastic(sc, vary, n_vary, r))
		return mu_err_set(
		    err, MU_E_USAGE,
		    "--vary %s: role '%s' has fixed bank supply (%s), so its %s changes "
		    "nothing (DESIGN.md §3d); give it a supply.csv row with elasticity "
		    "above 0, or vary elasticity.%s too",
		    v->name, sc->roles[r].id,
		    mu_scenario_supply(sc, r) ? "elasticity 0 in supply.csv"
		                              : "no row in supply.csv",
		    v->kind == FLOW_VARY_BANK_CAP         ? "bank cap"
		    : v->kind == FLOW_VARY_REFERENCE_RATE ? "reference rate"
		                                          : "ladder step",
		    sc->roles[r].id);
	if (v->kind == FLOW_VARY_STEP && !has_ladder(sc, vary, n_vary, r))
		return mu_err_set(err, MU_E_USAGE,
		                  "--vary %s: role '%s' has no bank_cap above its bank_rate at any "
		                  "point, so its ladder is one rung and the step changes nothing "
		                  "(DESIGN.md §3d); give it a bank_cap in caps.csv, or vary "
		                  "bank_cap.%s too",
		                  v->name, sc->roles[r].id, sc->roles[r].id);
	if (v->kind == FLOW_VARY_ELASTICITY && !has_ladder(sc, vary, n_vary, r) &&
	    !is_reference_off(sc, vary, n_vary, r))
		return mu_err_set(err, MU_E_USAGE,
		                  "--vary %s: role '%s' has no bank_cap above its bank_rate at any "
		                  "point, and its offers were made at its bank_rate, so at every "
		                  "elasticity the bank can have just the staff who offered: the "
		                  "elasticity changes nothing (DESIGN.md §3d); give it a bank_cap "
		                  "in caps.csv, or vary bank_cap.%s too",
		                  v->name, sc->roles[r].id, sc->roles[r].id);
	return MU_OK;
}

/* bank_cap below bank_rate at some point, as the reader refuses it in
 * caps.csv: the first such point in the sweep's order (the first vary
 * moves fastest), named by the values that set the two. */
static enum mu_code check_cap_rate(const struct mu_scenario *sc, const struct flow_vary *vary,
                                   size_t n_vary, size_t r, struct mu_err *err)
{
	const struct flow_vary *vc = vary_of(vary, n_vary, FLOW_VARY_BANK_CAP, r);
	const struct flow_vary *vr = vary_of(vary, n_vary, FLOW_VARY_BANK_RATE, r);
	const struct mu_cap *cap = mu_scenario_cap(sc, r);
	size_t n_all = 1, p, k;
	char point[256];
	if (!vc && !vr)
		return MU_OK;
	for (k = 0; k < n_vary; k++)
		n_all *= vary[k].n_values;
	for (p = 0; p < n_all; p++) {
		size_t rest = p;
		double bank_cap = 0, bank_rate = 0;
		bool has_cap = cap && cap->has_bank_cap, has_rate = cap && cap->has_bank_rate;
		if (has_cap)
			bank_cap = cap->bank_cap;
		if (has_rate)
			bank_rate = cap->bank_rate;
		for (k = 0; k < n_vary; k++) {
			double value = flow_vary_value(&vary[k], rest % vary[k].n_values);
			rest /= vary[k].n_values;
			if (&vary[k] == vc) {
				has_cap = true;
				bank_cap = value;
			} else if (&vary[k] == vr) {
				has_rate = true;
				bank_rate = value;
			}
		}
		if (!has_cap || !has_rate || bank_cap >= bank_rate)
			continue;
		if (vc && vr)
			snprintf(point, sizeof(point), "%s = %g, %s = %g", vc->name, bank_cap,
			         vr->name, bank_rate);
		else
			snprintf(point, sizeof(point), "%s = %g", vc ? vc->name : vr->name,
			         vc ? bank_cap : bank_rate);
		return mu_err_set(
		    err, MU_E_USAGE,
		    "--vary %s: at the point %s, bank_cap %g of role '%s' is below "
		    "its bank_rate %g%s: bank_cap is the highest rate the bank may pay "
		    "(DESIGN.md §3d), so a sweep keeps it at bank_rate or above",
		    (vc ? vc : vr)->name, point, bank_cap, sc->roles[r].id, bank_rate,
		    vc && vr ? ""
		    : vc     ? " (caps.csv)"
		             : " (bank_cap in caps.csv)");
	}
	return MU_OK;
}

enum mu_code flow_vary_check(const struct mu_scenario *sc, const struct flow_vary *vary,
                             size_t n_vary, struct mu_err *err)
{
	enum mu_code rc;
	size_t k;
	for (k = 0; k < n_vary; k++) {
		const struct flow_vary *v = &vary[k];
		if (flow_vary_is_supply(v) && (rc = check_moves(sc, vary, n_vary, v, err)) != MU_OK)
			return rc;
		if ((v->kind == FLOW_VARY_BANK_CAP || v->kind == FLOW_VARY_BANK_RATE) &&
		    (rc = check_cap_rate(sc, vary, n_vary, v->role, err)) != MU_OK)
			return rc;
	}
	return MU_OK;
}

double flow_vary_value(const struct flow_vary *v, size_t i)
{
	return v->from + (double)i * v->step;
}

void flow_vary_apply(const struct flow_vary *v, struct mu_scenario *sc, double value)
{
	struct mu_cap *cap;
	struct mu_supply *sup;
	size_t i;
	switch (v->kind) {
	case FLOW_VARY_SETTING:
		mu_settings_set(&sc->settings, v->setting, value);
		break;
	case FLOW_VARY_AGENCY_BUDGET:
		sc->partners[v->partner].has_agency_budget = true;
		sc->partners[v->partner].agency_budget = value;
		break;
	case FLOW_VARY_AGENCY_CAP:
		cap = mu_scenario_cap_add(sc, v->role);
		cap->has_agency_cap = true;
		cap->agency_cap = value;
		break;
	case FLOW_VARY_BANK_RATE:
		cap = mu_scenario_cap_add(sc, v->role);
		cap->has_bank_rate = true;
		cap->bank_rate = value;
		break;
	case FLOW_VARY_BANK_CAP:
		cap = mu_scenario_cap_add(sc, v->role);
		cap->has_bank_cap = true;
		cap->bank_cap = value;
		break;
	case FLOW_VARY_ELASTICITY:
		supply_add(sc, v->role)->elasticity = value;
		break;
	case FLOW_VARY_REFERENCE_RATE:
		sup = supply_add(sc, v->role);
		sup->has_reference_rate = true;
		sup->reference_rate = value;
		break;
	case FLOW_VARY_STEP:
		supply_add(sc, v->role)->step = value;
		break;
	case FLOW_VARY_DEMAND:
		for (i = 0; i < sc->n_demand; i++)
			if (v->partner == MU_ALL || sc->demand[i].partner == v->partner) {
				sc->demand[i].required = v->base[2 * i] * value;
				sc->demand[i].minimum = v->base[2 * i + 1] * value;
			}
		break;
	case FLOW_VARY_STAFF:
		for (i = 0; i < v->n_base; i++)
			if (sc->staff[i].partner == v->partner && sc->staff[i].role == v->role)
				sc->staff[i].available = (long)(v->base[i] + value);
		break;
	case FLOW_VARY_MAX_PER_SHIFT:
		sc->agreements[v->agreement].max_per_shift = (long)value;
		break;
	case FLOW_VARY_WAITING:
		sc->flows[v->flow].waiting = (long)value;
		break;
	case FLOW_VARY_BED_DAY_COST:
		sc->flows[v->flow].bed_day_cost = value;
		break;
	}
}

/* "minimum rest (hours)", "break-glass allowed (0 no, 1 yes)" */
static void setting_label(const struct mu_setting *t, char *buf, size_t size)
{
	size_t i, used;
	if (t->type == MU_SETTING_YES_NO) {
		snprintf(buf, size, "%s (0 no, 1 yes)", t->label);
	} else if (t->type == MU_SETTING_CHOICE) {
		used = (size_t)snprintf(buf, size, "%s (", t->label);
		for (i = 0; i < t->n_choices && used < size; i++)
			used += (size_t)snprintf(buf + used, size - used, "%s%zu %s", i ? ", " : "",
			                         i, t->choices[i]);
		if (used < size)
			snprintf(buf + used, size - used, ")");
	} else {
		snprintf(buf, size, "%s (%s)", t->label, t->unit);
	}
}

const char *flow_vary_label(const struct flow_vary *v, const struct mu_scenario *sc, char *buf,
                            size_t size)
{
	const char *partner = v->partner == MU_ALL ? "" : sc->partners[v->partner].id;
	const char *role = v->role == MU_ALL ? "" : sc->roles[v->role].id;
	switch (v->kind) {
	case FLOW_VARY_SETTING:
		setting_label(&mu_settings_table[v->setting], buf, size);
		break;
	case FLOW_VARY_AGENCY_BUDGET:
		snprintf(buf, size, "agency budget of %s (£)", partner);
		break;
	case FLOW_VARY_AGENCY_CAP:
		snprintf(buf, size, "agency cap of %s (£/h)", role);
		break;
	case FLOW_VARY_BANK_RATE:
		snprintf(buf, size, "bank rate of %s (£/h)", role);
		break;
	case FLOW_VARY_BANK_CAP:
		snprintf(buf, size, "bank cap of %s (£/h)", role);
		break;
	case FLOW_VARY_ELASTICITY:
		snprintf(buf, size, "supply elasticity of %s", role);
		break;
	case FLOW_VARY_REFERENCE_RATE:
		snprintf(buf, size, "reference rate of %s (£/h)", role);
		break;
	case FLOW_VARY_STEP:
		snprintf(buf, size, "rate ladder step of %s (fraction)", role);
		break;
	case FLOW_VARY_DEMAND:
		snprintf(buf, size, "demand%s%s (x as forecast)", *partner ? " at " : "", partner);
		break;
	case FLOW_VARY_STAFF:
		snprintf(buf, size, "extra %s staff at %s on every shift", role, partner);
		break;
	case FLOW_VARY_MAX_PER_SHIFT:
		snprintf(buf, size, "mutual-aid places per shift, %s to %s",
		         sc->partners[sc->agreements[v->agreement].from].id,
		         sc->partners[sc->agreements[v->agreement].to].id);
		break;
	case FLOW_VARY_WAITING:
		snprintf(buf, size, "patients waiting to go home, %s to %s",
		         sc->partners[sc->flows[v->flow].from].id,
		         sc->partners[sc->flows[v->flow].to].id);
		break;
	case FLOW_VARY_BED_DAY_COST:
		snprintf(buf, size, "bed-day penalty, %s to %s (weight)",
		         sc->partners[sc->flows[v->flow].from].id,
		         sc->partners[sc->flows[v->flow].to].id);
		break;
	}
	return buf;
}
