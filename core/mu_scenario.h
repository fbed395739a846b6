/*
 * mu_scenario.h - the in-memory scenario of DESIGN.md §2: every table as an
 * array, every reference resolved to an index. Built by io/io_scenario.c,
 * read by policies/ and cli/. The scenario owns all its strings and arrays.
 */
#ifndef MU_SCENARIO_H
#define MU_SCENARIO_H

#include "core/mu_settings.h"

#include <stdbool.h>
#include <stddef.h>

/* An index that stands for "every partner" or "every role" (`*`). */
#define MU_ALL ((size_t)-1)
/* A count that has no limit (an empty `capacity` or `max_per_shift`). */
#define MU_UNLIMITED (-1L)

enum mu_partner_kind {
	MU_KIND_ACUTE,
	MU_KIND_COMMUNITY,
	MU_KIND_MENTAL_HEALTH,
	MU_KIND_AMBULANCE,
	MU_KIND_PRIMARY_CARE,
	MU_KIND_SOCIAL_CARE,
	MU_KIND_HOMECARE,
	MU_KIND_HOSPICE,
	MU_KIND_VCSE,
	MU_KIND_OTHER,
	MU_KIND_COUNT
};

enum mu_role_group {
	MU_GROUP_REGISTERED_NURSING,
	MU_GROUP_NURSING_SUPPORT,
	MU_GROUP_MEDICAL,
	MU_GROUP_AHP,
	MU_GROUP_SOCIAL_CARE,
	MU_GROUP_OTHER,
	MU_GROUP_COUNT
};

extern const char *const mu_partner_kind_names[MU_KIND_COUNT];
extern const char *const mu_role_group_names[MU_GROUP_COUNT];

/* A bank worker's preference for a shift they offered (availability.csv
 * `preference`, DESIGN.md §3b); neutral is the default and zero. */
enum mu_preference { MU_PREF_NEUTRAL, MU_PREF_PREFER, MU_PREF_AVOID, MU_PREF_COUNT };

/* availability.csv's words: "neutral", "prefer", "avoid". */
extern const char *const mu_preference_names[MU_PREF_COUNT];

struct mu_partner {
	char *id;
	char *name;
	enum mu_partner_kind kind;
	bool has_agency_budget;
	double agency_budget; /* £ over the horizon */
	bool has_pay_bill;
	double pay_bill;
};

struct mu_role {
	char *id;
	char *name;
	enum mu_role_group group;
	char *band; /* "" when not given */
};

struct mu_shift {
	char *id;
	long day;       /* days since 1970-01-01 */
	int start_min;  /* minutes after midnight */
	int end_min;    /* as written; end <= start means the next day */
	long abs_start; /* minutes since 1970-01-01 00:00, wall clock */
	long abs_end;   /* abs_start < abs_end */
	double paid_hours;
	double enhancement;
};

struct mu_demand {
	size_t partner, role, shift;
	double required, minimum, priority;
};

struct mu_staff {
	size_t partner, role, shift;
	long available, rotatable;
};

struct mu_bank_worker {
	char *id;
	char *name;
	size_t role, home;
	double max_hours;
	bool is_all_partners; /* `*` */
	size_t *partners;     /* cleared partners besides home, unless is_all_partners */
	size_t n_partners;
};

struct mu_availability {
	size_t worker, shift;
	enum mu_preference preference;
};

struct mu_agency_offer {
	char *supplier;
	long tier;
	bool is_framework;
	size_t role;
	size_t partner; /* MU_ALL for `*` */
	double rate;
	long capacity; /* MU_UNLIMITED */
};

struct mu_agreement {
	size_t from, to;
	size_t role;        /* MU_ALL for `*` */
	long max_per_shift; /* MU_UNLIMITED */
	double travel_cost;
	double recharge_rate;
};

struct mu_cap {
	size_t role;
	bool has_bank_rate;
	double bank_rate;
	bool has_agency_cap;
	double agency_cap;
	bool has_bank_cap; /* §3d: the highest bank rate (before the unsocial factor) */
	double bank_cap;
};

/* How a role's bank supply answers the rate paid (supply.csv, DESIGN.md
 * §3d): S(w) = n × (w / reference_rate)^elasticity staff on a shift where
 * n workers offered. elasticity 0 is the fixed supply of §3. */
struct mu_supply {
	size_t role;
	double elasticity;       /* in [0, 5]; 0 */
	bool has_reference_rate; /* empty: the role's bank_rate */
	double reference_rate;   /* £/h at which availability.csv's offers were made */
	double step;             /* fraction between two rungs of the ladder, in (0, 1]; 0.05 */
};

struct mu_substitution {
	size_t role, covers;
	double efficiency;
};

/* A post a partner could recruit (recruits.csv, DESIGN.md §3c). */
struct mu_recruit {
	size_t partner, role;
	double annual_cost;    /* £ per post per year, on-costs included */
	long max_posts;        /* MU_UNLIMITED */
	double hours_per_week; /* 37.5 */
	bool is_nights;        /* may work shifts that cross midnight; yes */
};

/* A discharge pathway (flow.csv, DESIGN.md §3f): patients fit to leave a
 * bed at `from`, waiting for care at `to`. Each one discharged adds
 * care_hours a day of care_role demand at `to` and removes ward_hours a
 * day of ward_role demand at `from`, from the day of discharge on; each
 * one still waiting at the end of a day costs bed_day_cost (a penalty). */
struct mu_flow {
	size_t from, to;
	long waiting; /* patients fit to leave at the start of the horizon */
	size_t care_role;
	double care_hours; /* per patient per day at `to` */
	size_t ward_role;
	double ward_hours;   /* per patient per day at `from` */
	double bed_day_cost; /* £ per patient per day still in a bed: a penalty weight */
};

struct mu_scenario {
	struct mu_partner *partners;
	size_t n_partners;
	struct mu_role *roles;
	size_t n_roles;
	struct mu_shift *shifts;
	size_t n_shifts;
	struct mu_demand *demand;
	size_t n_demand;
	struct mu_staff *staff;
	size_t n_staff;
	struct mu_bank_worker *bank;
	size_t n_bank;
	struct mu_availability *availability;
	size_t n_availability;
	struct mu_agency_offer *agency;
	size_t n_agency;
	struct mu_agreement *agreements;
	size_t n_agreements;
	struct mu_cap *caps; /* add rows with mu_scenario_cap_add only */
	size_t n_caps;
	size_t *cap_of_role; /* n_cap_of_role entries: index into caps, or MU_ALL */
	size_t n_cap_of_role;
	struct mu_substitution *substitutions;
	size_t n_substitutions;
	struct mu_settings settings;
	struct mu_supply *supply; /* supply.csv: at most one row a role */
	size_t n_supply;
	struct mu_recruit *recruits; /* read always, used only by `muster recruit` */
	size_t n_recruits;
	struct mu_flow *flows; /* flow.csv (§3f): one row per pathway; none without it */
	size_t n_flows;
	/* SHA-256 in hex of the files it was read from (io_source_hash), as
	 * the store keeps it and the report's header names it; "" when built
	 * in memory */
	char source_hash[65];
};

/* A new, empty scenario with the default settings (mu_settings_table).
 * Free with mu_scenario_free. */
struct mu_scenario *mu_scenario_new(void);

/* Frees the scenario and all it owns. Accepts NULL. */
void mu_scenario_free(struct mu_scenario *sc);

/* The caps.csv row of role (an index into sc->roles), or NULL when the role
 * has none. Borrowed: valid until the next row is added. */
const struct mu_cap *mu_scenario_cap(const struct mu_scenario *sc, size_t role);

/* True when agency offer a is break-glass (DESIGN.md §3): off framework, or
 * its rate above its role's agency_cap. */
bool mu_scenario_is_break_glass(const struct mu_scenario *sc, const struct mu_agency_offer *a);

/* True when bank worker w is cleared to work at partner (DESIGN.md §2
 * `partners`): its home always, every partner with `*`, else those listed.
 * Silo mode's "home only" is the caller's. */
bool mu_scenario_is_cleared(const struct mu_bank_worker *w, size_t partner);

/* The agreement row that carries staff of role from `from` to `to`
 * (DESIGN.md §3): the role's own row, which overrides `*` wholly, else the
 * `*` row, else MU_ALL. A scan of the agreements: a caller asking for every
 * (from, to, role) keeps an index of its own. */
size_t mu_scenario_agreement_for(const struct mu_scenario *sc, size_t from, size_t to, size_t role);

/* The horizon in days: from the first shift's date to the last's, both
 * counted (0 with no shifts). What "per week" of a settlement counts. */
long mu_scenario_horizon_days(const struct mu_scenario *sc);

/* The days of the horizon (DESIGN.md §3f: a day is a shift's date): the
 * distinct dates of sc's shifts, ascending, as days since 1970-01-01, in
 * *out (the caller's, freed with free; never NULL). Returns how many. */
size_t mu_scenario_days(const struct mu_scenario *sc, long **out);

/* The index of day in days (n of them, ascending), or n when absent. */
size_t mu_scenario_day_index(const long *days, size_t n, long day);

/* The supply.csv row of role, or NULL when the role has none (fixed
 * supply). A scan of the rows. */
const struct mu_supply *mu_scenario_supply(const struct mu_scenario *sc, size_t role);

/* True when role's bank supply answers the rate (§3d): a supply row with
 * elasticity above 0. */
bool mu_scenario_is_elastic(const struct mu_scenario *sc, size_t role);

/* The caps row of role, added with no bank_rate and no agency_cap when
 * there is none: the one way to add a caps row, so that mu_scenario_cap
 * finds every row. role < sc->n_roles. Borrowed, as above. */
struct mu_cap *mu_scenario_cap_add(struct mu_scenario *sc, size_t role);

#endif
