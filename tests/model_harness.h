/*
 * model_harness.h - what the model tests share: scenarios from file texts,
 * and one solve checked every way there is - plan_check on plan.csv,
 * summary.csv against plan.csv, the natural model (no pools) against the
 * pooled one, and an independent solver (CBC for rota, CLP for plan) on
 * the natural model's MPS muster writes.
 */
#ifndef MODEL_HARNESS_H
#define MODEL_HARNESS_H

#include "core/mu_scenario.h"
#include "policies/pol_solve.h"

#include <stdbool.h>

struct harness_file {
	const char *name, *text;
};

/* The scenario of the files (each list ends with {NULL, NULL}); a name in
 * files replaces the same name in defaults. Fails the test when invalid. */
struct mu_scenario *harness_load(const struct harness_file *defaults,
                                 const struct harness_file *files);

/* Solves sc (rota, or plan when is_lp) pooled and natural, sifted and not,
 * checks each answer every way and returns the objective. Fails the test
 * unless all are proven optimal with one objective. The files it writes
 * (plan.csv, summary.csv, the MPS) are in tu_dir(). */
double harness_solve(const struct mu_scenario *sc, bool is_lp, bool is_silo);

/* harness_solve under the guarantee of DESIGN.md §3a: partner p's
 * unfilled penalty at most guarantee_cap[p] (NULL: none); the independent
 * solver gets the guarantee's rows in the MPS too. */
double harness_solve_guaranteed(const struct mu_scenario *sc, bool is_lp, bool is_silo,
                                const double *guarantee_cap);

/* harness_solve of the coalition model of DESIGN.md §3a: the partners p
 * with coalition[p] work as one system, every other partner alone (a
 * coalition plan is a system plan, and is checked as one); the
 * independent solver gets the coalition's model in the MPS. */
double harness_solve_coalition(const struct mu_scenario *sc, bool is_lp, const bool *coalition);

/* harness_solve of a re-plan (DESIGN.md §3b): kept is the text of the
 * kept plan.csv, read against sc as --keep reads it, with --now's moment
 * when has_now (minutes since 1970-01-01); plan_check re-derives the
 * change penalties and the past from the rows and kept alone, and the
 * independent solver gets the keep rows in the MPS. With changes, the
 * changes of the natural model's plan are left there (mu_changes_free). */
double harness_solve_kept(const struct mu_scenario *sc, bool is_lp, const char *kept, bool has_now,
                          long now, struct mu_changes **changes);

/* The plan-mode objective of sc through the pipeline, warm from (and
 * keeping into) warm unless NULL; with keep, the whole answer, prices and
 * their ranges included, stays there for the caller to release. Fails the
 * test unless it is optimal. */
double harness_plan_objective(const struct mu_scenario *sc, struct pol_warm *warm,
                              struct pol_solved *keep);

/* Checks dir/plan.csv against §3 (plan_check_file) and dir/summary.csv
 * against plan.csv; fails the test with the first problem found. */
void harness_check_outputs(const struct mu_scenario *sc, const char *dir, bool is_rota,
                           bool is_silo, double objective);

/* The objective CBC (is_mip) or CLP finds for an MPS file; NAN when the
 * solver printed none. Never under a time limit: the peer's answer must
 * not depend on how loaded the machine is. */
double harness_peer_objective(const char *mps, bool is_mip);

#endif
