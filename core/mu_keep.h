/*
 * mu_keep.h - a kept plan (DESIGN.md §3b): the rota already published,
 * its staff rows resolved against the scenario being re-planned, and the
 * moment (--now) before which its shifts are history. Read by io_keep.c
 * from a plan.csv or a stored run; turned into model terms by
 * pol_keep.c; compared with the new plan here (mu_keep_changes), which
 * is what changes.csv and the reports say.
 */
#ifndef MU_KEEP_H
#define MU_KEEP_H

#include "core/mu_plan.h"
#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stddef.h>

/* One staff row of the kept plan. partner, role, shift and worker_role
 * always name the scenario's; demand is the demand row at (partner, role,
 * shift) now, or MU_ALL when the scenario no longer has it. worker: bank;
 * offer: the agency row (agency) or agreement row (lend), MU_ALL when the
 * scenario no longer has it; home: own, lend and bank. */
struct mu_keep_row {
	/* own, lend, bank, agency, or bank_extra (§3d: unnamed, kept only to
	 * be fixed on the past's shifts) */
	enum mu_source source;
	size_t partner, role, shift, worker_role, home, worker, offer, demand;
	double staff;
	size_t availability; /* bank: the worker's availability row for shift, or MU_ALL */
	unsigned long line;  /* where it was read: plan.csv's line, or the stored row's number */
	/* agency: the supplier as the kept plan names it (its `home`), so that
	 * a booking whose offer is gone can still be cancelled with it; owned
	 * by the mu_keep (mu_keep_add_row copies it), NULL when not known */
	char *supplier;
};

struct mu_keep {
	struct mu_keep_row *rows;
	size_t n_rows, cap_rows;
	bool has_now;
	long now; /* minutes since 1970-01-01 00:00, wall clock, as mu_shift's abs_start */
	/* the kept plan as given (--keep: a plan.csv path, or "run:ID"),
	 * owned; NULL when not known */
	char *source;
	/* the number of its staff column (plan.csv; 0: a stored run, or not
	 * known), for errors at a row's staff cell */
	unsigned long staff_col;
};

/* An empty kept plan; the caller's, freed with mu_keep_free. */
struct mu_keep *mu_keep_new(void);

/* Accepts NULL. */
void mu_keep_free(struct mu_keep *k);

/* Appends a copy of *r (and of its supplier). */
void mu_keep_add_row(struct mu_keep *k, const struct mu_keep_row *r);

/* Whether shift s of sc started before k's now (never without --now). */
bool mu_keep_is_past(const struct mu_keep *k, const struct mu_scenario *sc, size_t s);

/* Why a kept assignment is no longer possible, or MU_KEEP_POSSIBLE. */
enum mu_keep_gone {
	MU_KEEP_POSSIBLE,
	MU_KEEP_NO_DEMAND,   /* its demand row is gone */
	MU_KEEP_NOT_OFFERED, /* bank: the worker no longer offers the shift */
	MU_KEEP_NOT_CLEARED, /* bank: no longer cleared for the partner */
	MU_KEEP_OFFER_GONE,  /* agency: the offer is gone */
	MU_KEEP_GONE_COUNT
};

/* changes.csv's words: "", "demand row gone", "no longer offered", ... */
extern const char *const mu_keep_gone_names[MU_KEEP_GONE_COUNT];

/* Whether kept row r can still be kept in sc (the model's side of it is
 * pol_keep.c's: a row it cannot find a column for is forced too). */
enum mu_keep_gone mu_keep_row_gone(const struct mu_scenario *sc, const struct mu_keep_row *r);

/* One change against the kept plan (changes.csv). */
enum mu_change_kind { MU_CHANGE_ADDED, MU_CHANGE_REMOVED, MU_CHANGE_MOVED };

/* "added", "removed", "moved". */
extern const char *const mu_change_kind_names[3];

struct mu_change {
	enum mu_change_kind kind;
	enum mu_source source; /* bank or agency */
	size_t worker;         /* bank worker, else MU_ALL */
	size_t offer;          /* agency row, else MU_ALL */
	/* agency: the supplier, the offer's or, when it is gone, the kept
	 * plan's (borrowed from the scenario or the mu_keep); else NULL */
	const char *supplier;
	size_t shift;
	/* where it was (removed, moved) and where it is (added, moved):
	 * partner and demand role, MU_ALL where none */
	size_t from_partner, from_role, to_partner, to_role;
	double staff;   /* staff added, removed or moved */
	double penalty; /* change penalty it carried (0 when forced or added) */
	bool is_forced; /* the kept assignment was no longer possible */
	enum mu_keep_gone why;
};

struct mu_changes {
	struct mu_change *rows;
	size_t n_rows, cap_rows;
	size_t n_forced;
	double penalty;        /* the sum of the rows' */
	size_t n_kept;         /* bank assignments and agency bookings kept unchanged */
	double change_penalty; /* the setting the changes were priced at */
	/* per partner, the changes at or from it (a move counts at both
	 * ends) and the penalties of those from it (where the kept
	 * assignment was, as its change row in plan.csv) */
	size_t *by_partner;
	double *penalty_by_partner;
	size_t n_partners;
};

/* Compares plan with the kept plan k: per bank worker and shift, and per
 * agency offer and shift, what was added, removed or moved (a removal
 * and an addition of the same worker, or offer, on one shift is one move),
 * each with the change penalty change_penalty x the staff removed, none
 * when forced: gone[i] says whether kept row i could still be kept (the
 * model's answer, pol_solved's keep_gone). The caller's, freed with
 * mu_changes_free. */
struct mu_changes *mu_keep_changes(const struct mu_keep *k, const struct mu_scenario *sc,
                                   const struct mu_plan *plan, const enum mu_keep_gone *gone,
                                   double change_penalty);

/* Accepts NULL. */
void mu_changes_free(struct mu_changes *c);

#endif
