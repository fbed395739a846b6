/*
 * pol_build.h - turns a scenario into the model of DESIGN.md §3. Each policy
 * (one file each) adds its rows and columns through the solver's model API;
 * the table in pol_build.c runs them in order. Every column carries what it
 * means (struct pol_col) so that a solution reads back as plan rows.
 */
#ifndef POL_BUILD_H
#define POL_BUILD_H

#include "core/mu_err.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"
#include "solver/sol_model.h"

#include <stdbool.h>

/* What one model column means. Indices are MU_ALL where they do not apply. */
struct pol_col {
	enum mu_source source;
	size_t demand;       /* the demand row it covers */
	size_t worker_role;  /* the role that works */
	size_t home;         /* partner the staff come from (own, lend, bank) */
	size_t worker;       /* bank worker */
	size_t offer;        /* agency row (agency) or agreement row (lend) */
	double hours;        /* paid hours per staff */
	double cost;         /* £ per staff, penalties included (the objective) */
	double agency_spend; /* £ per staff counted against agency budgets */
	double recharge;     /* £ per staff the host owes the home partner */
	bool is_break_glass;
};

/* What one model row limits (prices.csv `kind`). */
enum pol_row_kind {
	POL_ROW_DEMAND,      /* covered + short + breach >= required; index: demand row */
	POL_ROW_MINIMUM,     /* covered + breach >= minimum; index: demand row */
	POL_ROW_STAFF,       /* own + lent <= available; index: staff row */
	POL_ROW_ROTATABLE,   /* lent <= rotatable; index: staff row */
	POL_ROW_AGREEMENT,   /* lent <= max_per_shift; index: agreement, and shift */
	POL_ROW_REST,        /* one shift of a set that breaks rest; index: worker */
	POL_ROW_HOURS,       /* paid hours <= max_hours; index: worker */
	POL_ROW_CAPACITY,    /* agency staff <= capacity; index: agency row, and shift */
	POL_ROW_BREAK_GLASS, /* break-glass heads <= minimum; index: demand row */
	POL_ROW_BUDGET,      /* agency spend <= budget; index: partner, MU_ALL = system */
	POL_ROW_CUT,         /* rota only, a row every rota meets; index: worker or demand row */
	POL_ROW_KIND_COUNT
};

/* The prices.csv names of the row kinds: "demand", "minimum", ... */
extern const char *const pol_row_kind_names[POL_ROW_KIND_COUNT];

struct pol_row {
	enum pol_row_kind kind;
	size_t index;
	size_t shift; /* MU_ALL unless the kind says */
};

struct pol_build {
	const struct mu_scenario *sc;
	bool is_silo;
	struct sol_model *m;
	struct pol_col *cols; /* one per model column */
	size_t cap_cols;
	struct pol_row *rows; /* one per model row */
	size_t cap_rows;
	size_t *cover_row;  /* per demand row: covered + short + breach >= required */
	size_t *floor_row;  /* per demand row: covered + breach >= minimum */
	size_t *demand_at;  /* (partner, role, shift) -> demand row or MU_ALL */
	double *efficiency; /* (worker role, demand role) -> e, 0 when it cannot cover */
};

struct pol_policy {
	const char *name;
	void (*apply)(struct pol_build *b);
};

/* The policies, in the order they run; ends with {NULL, NULL}. */
extern const struct pol_policy pol_policies[];

/* Builds the model of sc (silo: partners alone). *out is the caller's, freed
 * with pol_build_free. Never fails on a valid scenario. */
struct pol_build *pol_build_new(const struct mu_scenario *sc, bool is_silo);

/* Accepts NULL. */
void pol_build_free(struct pol_build *b);

/* Adds a column that means *what; a staff count from 0 to ub. */
size_t pol_build_add_col(struct pol_build *b, const char *name, double ub, bool is_int,
                         const struct pol_col *what);

/* Adds a row lo <= a.x <= hi that means *what. */
size_t pol_build_add_row(struct pol_build *b, const char *name, double lo, double hi,
                         const struct pol_row *what);

/* The demand row at (partner, role, shift), or MU_ALL. */
size_t pol_demand_at(const struct pol_build *b, size_t partner, size_t role, size_t shift);

/* Adds a column for staff of worker_role covering demand row d: its cover
 * and floor entries at the role's efficiency. Returns the column. */
size_t pol_build_add_cover_col(struct pol_build *b, const char *name, double ub, bool is_int,
                               const struct pol_col *what);

/* For sol_options.col_is_core: true for own staff, short and breach, the
 * columns sifting starts from (short and breach let every row be met; own
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
void pol_budgets_apply(struct pol_build *b);

/* Rota mode only, after the policies: rows every rota meets that cut off
 * fractional staff (see pol_rota_cuts.c). Compacts the model. */
void pol_rota_cuts_apply(struct pol_build *b);

#endif
