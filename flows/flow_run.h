/*
 * flow_run.h - one solve of a scenario as the commands do it: build the
 * model, solve it, read the plan back, say why rows are unfilled and what
 * changed against a kept plan, have io/ write the outputs, record the run.
 * The piece every other workflow (compare, sweep, recruit) is made of.
 */
#ifndef FLOW_RUN_H
#define FLOW_RUN_H

#include "flows/flow.h"

#include "core/mu_err.h"
#include "core/mu_scenario.h"
#include "core/mu_settings.h"
#include "io/io_html.h"
#include "io/io_source.h"
#include "io/io_store.h"
#include "policies/pol_solve.h"
#include "policies/pol_why.h"

#include <stdbool.h>
#include <stdint.h>

struct flow_run_request {
	const char *command; /* stored with the run: "solve", "demo" */
	bool is_lp, is_silo;
	double time_limit;       /* seconds; 0 = none */
	long work_limit;         /* rota: simplex iterations (pol_solve_request); 0 = none */
	const char *mps;         /* write the model solved here first, or NULL */
	const char *mps_natural; /* write the natural model here first, or NULL */
	const char *out;         /* write the outputs of DESIGN.md §4 here, or NULL */
	/* with out: also report.html of this run alone, written by
	 * flow_run_write_report once the run is recorded (its header names
	 * the run) */
	bool is_report;
	const char *label; /* the scenario, as the report names it */
	/* Warm start from the basis this holds (a sweep's previous point) and
	 * keep the run's in it for the next; NULL: a cold start. */
	struct pol_warm *warm;
	double started;   /* mu_time_now() when the command began */
	double time_read; /* seconds spent reading the scenario */
	/* The guarantee of DESIGN.md §3a, for a system run of a scenario whose
	 * `guarantee` is `unfilled`: per partner, the most unfilled penalty it
	 * may carry, its silo plan's (compare passes its silo run's); NULL:
	 * flow_run_solve solves the silo plan first itself, in the same mode
	 * and limits. */
	const double *guarantee_cap;
	/* The silo plan guarantee_cap comes from, when given: the system
	 * rota's search starts from its rota, which meets the caps
	 * (pol_solve_request's start); NULL: none. Borrowed. */
	const struct mu_plan *guarantee_silo;
	/* Solve the system plan as if `guarantee` were `none` (the price of
	 * the guarantee: compare). */
	bool is_without_guarantee;
	/* The kept plan of DESIGN.md §3b (--keep, --now), or NULL; borrowed.
	 * With it the run writes changes.csv and says what changed. */
	const struct mu_keep *keep;
	/* The search's progress (hooks.ctx gets this request's caller's
	 * context) and the stop flag. */
	struct flow_hooks hooks;
};

/* The caps of the guarantee from a silo plan: per partner, its unfilled
 * penalty. The caller's, freed with free. */
double *flow_run_guarantee_caps(const struct mu_scenario *sc, const struct mu_plan *silo);

/* Whether a run of req on sc is under the guarantee. */
bool flow_run_is_guaranteed(const struct mu_scenario *sc, const struct flow_run_request *req);

struct flow_run {
	struct pol_solved solved;   /* the status, the plan and (plan mode) prices */
	struct mu_why *why;         /* why each uncovered demand row is uncovered */
	struct mu_changes *changes; /* against the kept plan (req->keep), else NULL */
	const struct mu_keep *keep; /* req->keep, borrowed: what the run re-plans */
};

/* Solves sc as req asks and has io/ write the CSV outputs (req->out). A stop
 * (req->hooks.stop) ends the search; the run then fails ("interrupted;
 * the run was not recorded"). MU_OK with *run filled (release with
 * flow_run_release, also after a failure); MU_E_IO, MU_E_SOLVER (no plan,
 * interrupted). */
enum mu_code flow_run_solve(const struct mu_scenario *sc, const struct flow_run_request *req,
                            struct flow_run *run, struct mu_err *err);

/* What a run records, with the storage its settings and KPIs need.
 * Plan rows are borrowed from the run's plan. */
struct flow_run_stored {
	struct io_run r;
	struct io_run_setting settings[MU_SETTING_COUNT];
	char text[MU_SETTING_COUNT][MU_SETTING_TEXT_MAX];
};

/* Describes the solved run for the store (time_total as of now). Release
 * with flow_run_stored_release; *out must not move meanwhile. */
void flow_run_describe(const struct mu_scenario *sc, const struct flow_run_request *req,
                       const struct flow_run *run, struct flow_run_stored *out);

void flow_run_stored_release(struct flow_run_stored *s);

/* Records the solved run in st, whole or not at all; *id gets its number.
 * MU_OK; MU_E_DB, MU_E_USAGE (nothing recorded: stopped before the
 * commit, or the store failed); MU_E_SOLVER when the stop came during the
 * commit: the run is recorded, *id is set, and the message says so. */
enum mu_code flow_run_record(struct io_store *st, const struct io_source *src,
                             const struct mu_scenario *sc, const struct flow_run_request *req,
                             const struct flow_run *run, int64_t *id, struct mu_err *err);

/* With req->out and req->is_report, writes the run's report.html, and
 * each partner's, into req->out, the header naming run_id (the run as
 * recorded: flow_run_record's id). MU_OK (nothing to write, too) or
 * MU_E_IO. */
enum mu_code flow_run_write_report(const struct mu_scenario *sc, const struct flow_run_request *req,
                                   const struct flow_run *run, int64_t run_id, struct mu_err *err);

void flow_run_release(struct flow_run *run);

/* The report's view of a solved run. */
void flow_run_html_plan(const struct flow_run_request *req, const struct flow_run *run,
                        const char *heading, struct io_html_plan *out);

/* "rota", "plan", "rota (silo)", ... */
const char *flow_run_mode_name(const struct flow_run_request *req);

#endif
