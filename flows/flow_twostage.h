/*
 * flow_twostage.h - the two-stage plan of DESIGN.md §3e (`solve
 * --scenarios FILE [--check-scenarios FILE2]`): the plan made for the
 * scenarios, the plan of §3 made for demand.csv's `required` alone (the
 * plan for the mean, its agency all booked now), and how each fares on
 * the check scenarios: what is decided now fixed, each day re-planned.
 */
#ifndef FLOW_TWOSTAGE_H
#define FLOW_TWOSTAGE_H

#include "flows/flow.h"
#include "flows/flow_run.h"

#include "core/mu_draws.h"
#include "core/mu_err.h"
#include "core/mu_scenario.h"
#include "io/io_source.h"
#include "io/io_store.h"
#include "io/io_twostage.h"
#include "policies/pol_solve.h"

#include <stdbool.h>

struct flow_twostage_request {
	const struct mu_draws *draws; /* the plan is made on these */
	/* the second set, drawn with another seed, on which planning for the
	 * spread is measured; NULL: not measured (the outcomes are then on
	 * draws, in sample) */
	const struct mu_draws *check;
	bool is_lp;
	/* partners alone (compare's silo plan): each plan made and measured
	 * with no lending and each bank worker at home only */
	bool is_silo;
	double time_limit; /* seconds for each of the two plans' searches; 0 = none */
	long work_limit;   /* rota: pol_solve_request's, per search */
	const char *mps;   /* write the two-stage model here first, or NULL */
	struct flow_hooks hooks;
	/* what the run store records (flow_twostage_record): the command
	 * ("solve"), the files draws and check were read from, as given, when
	 * the command began and how long reading took */
	const char *command;
	const char *draws_file, *check_file;
	double started, time_read;
	/* only the two-stage plan (a sweep's point): no plan for the mean and
	 * no measure; plan and mean_plan stay empty. check must be NULL */
	bool is_plan_only;
};

struct flow_twostage {
	/* the two-stage plan: plan is what is decided now (bank rota,
	 * agency booked now), days its plan of each scenario's day */
	struct pol_solved solved;
	/* the plan of §3 of demand.csv's required (the plan for the mean) */
	struct pol_solved mean;
	/* whether the outcomes are on req->check (else on req->draws) */
	bool is_measured;
	/* the two-stage plan and the plan for the mean, each with what it
	 * decided now fixed and every day of the set re-planned */
	struct mu_draws_outcome plan, mean_plan;
	/* the two-stage plan on its own scenarios: the means of its days'
	 * spend and penalties (their sum is solved.objective) */
	double spend, penalty;
};

/* Makes and measures the two-stage plan of sc as req asks. MU_OK with *out
 * filled; release with flow_twostage_release, also after a failure.
 * pol_solve's codes (MU_E_USAGE for a combination not supported yet). */
enum mu_code flow_twostage_solve(const struct mu_scenario *sc,
                                 const struct flow_twostage_request *req, struct flow_twostage *out,
                                 struct mu_err *err);

/* The KPIs a two-stage run records under SYSTEM (names as `show` reads
 * them): expected_spend, expected_penalties, now_spend and now_penalties
 * (what is decided now: its plan rows' costs add up to their sum),
 * scenarios_red_flag_fraction (the plan's own scenarios), and when
 * measured (req->check) measured_spend, measured_penalties,
 * measured_red_flag_fraction and the same of the plan for the mean
 * (mean_plan_spend, ...). */
#define FLOW_TWOSTAGE_KPI_MAX 11

/* What a two-stage run records, with the storage it needs; *out must
 * not move while its r is in use. */
struct flow_twostage_stored {
	struct flow_run_stored base; /* base.r is the run */
	struct io_run_kpi kpis[FLOW_TWOSTAGE_KPI_MAX];
	struct io_run_draws draws[2];
};

/* Describes t for the store as flow_twostage_record records it: the plan
 * rows borrowed from t->solved.plan. Nothing to release. */
void flow_twostage_describe(const struct mu_scenario *sc, const struct flow_twostage_request *req,
                            const struct flow_twostage *t, struct flow_twostage_stored *out);

/* The expected totals of t's days (each field the mean over the
 * scenarios; n_red_flags and n_unfilled_rows rounded up), for a sweep's
 * table and chart. */
void flow_twostage_expected_totals(const struct flow_twostage *t, struct mu_totals *out);

/* Records the two-stage run t of req in st, whole or not at all: the
 * plan rows what is decided now, the settings in force, the KPIs above,
 * and its scenarios files (name, SHA-256, N). *id gets its number. MU_OK;
 * MU_E_DB, MU_E_USAGE (nothing recorded); MU_E_SOLVER when the stop came
 * during the commit (recorded, *id set, the message says so). */
enum mu_code flow_twostage_record(struct io_store *st, const struct io_source *src,
                                  const struct mu_scenario *sc,
                                  const struct flow_twostage_request *req,
                                  const struct flow_twostage *t, int64_t *id, struct mu_err *err);

/* io/'s view of t made as req asked, its page naming run_id (0: none). */
void flow_twostage_view(const struct flow_twostage *t, const struct flow_twostage_request *req,
                        int64_t run_id, struct io_twostage *out);

void flow_twostage_release(struct flow_twostage *t);

#endif
