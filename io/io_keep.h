/*
 * io_keep.h - reads the kept plan of DESIGN.md §3b (--keep PLAN): a
 * plan.csv muster wrote, or `run:ID`, a run's plan rows in the store; each
 * staff row resolved against the scenario being re-planned. And --now.
 */
#ifndef IO_KEEP_H
#define IO_KEEP_H

#include "core/mu_err.h"
#include "core/mu_keep.h"
#include "core/mu_scenario.h"

/* Reads the kept plan spec names (a plan.csv path, or "run:ID" read from
 * the store at db) against sc. Rows of short, breach and change are
 * skipped; a staff row's ids must all be sc's (partner, roles, shift,
 * bank worker; an agency row's offer partner; a lend row's home):
 * otherwise the plan is of another scenario, an error at the cell. A kept
 * row whose demand row, availability, agency offer or agreement sc no
 * longer has is kept with that index MU_ALL (mu_keep_row_gone: forced).
 * MU_OK with *out the caller's (mu_keep_free); MU_E_INPUT (a bad file,
 * file:line:col), MU_E_IO (cannot read it), MU_E_USAGE (no such run, a
 * bad run id), MU_E_DB. */
enum mu_code io_keep_read(const char *spec, const char *db, const struct mu_scenario *sc,
                          struct mu_keep **out, struct mu_err *err);

/* io_keep_read for a re-plan in rota mode when is_rota: then a staff row
 * of a fraction (a plan-mode plan's) is MU_E_INPUT at its staff cell, since
 * a rota keeps whole staff only (DESIGN.md §3b, docs/replanning.md). */
enum mu_code io_keep_read_as(const char *spec, const char *db, const struct mu_scenario *sc,
                             bool is_rota, struct mu_keep **out, struct mu_err *err);

/* With keep->has_now, whether the kept past (its rows before now that sc
 * still allows, fixed as kept) can hold against sc as it now reads: a
 * bank worker's past hours above max_hours or shifts without
 * min_rest_hours between them; a (partner, role, shift)'s own and lent
 * staff above staff.csv's available, or lent above rotatable; an agency
 * offer's staff on a shift above its capacity; an agreement's lent staff
 * on a shift above max_per_shift; agency spend above a partner's
 * agency_budget or the system's. Each is MU_E_INPUT at the first such row
 * of spec (plan.csv's line and staff column, or the stored row), naming
 * every row, the limit and how to fix it. */
enum mu_code io_keep_check_past(const struct mu_keep *keep, const char *spec,
                                const struct mu_scenario *sc, struct mu_err *err);

#endif
