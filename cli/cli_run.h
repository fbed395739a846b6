/*
 * cli_run.h - one solve of a scenario as the commands do it: build the model,
 * solve it, read the plan back, write the outputs, record the run. Shared by
 * solve and demo (and later compare and sweep).
 */
#ifndef CLI_RUN_H
#define CLI_RUN_H

#include "core/mu_err.h"
#include "core/mu_format.h"
#include "core/mu_scenario.h"
#include "core/mu_settings.h"
#include "io/io_html.h"
#include "io/io_source.h"
#include "io/io_store.h"
#include "policies/pol_solve.h"
#include "policies/pol_why.h"

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

struct cli_run_request {
	const char *command; /* stored with the run: "solve", "demo" */
	bool is_lp, is_silo;
	double time_limit;       /* seconds; 0 = none */
	long work_limit;         /* rota: simplex iterations (pol_solve_request); 0 = none */
	const char *mps;         /* write the model solved here first, or NULL */
	const char *mps_natural; /* write the natural model here first, or NULL */
	const char *out;         /* write the outputs of DESIGN.md §4 here, or NULL */
	bool is_report;          /* with out: also report.html of this run alone */
	const char *label;       /* the scenario, as the report names it */
	bool is_quiet;           /* no progress line (a sweep shows its own) */
	/* Warm start from the basis this holds (a sweep's previous point) and
	 * keep the run's in it for the next; NULL: a cold start. */
	struct pol_warm *warm;
	double started;   /* mu_time_now() when the command began */
	double time_read; /* seconds spent reading the scenario */
	/* The guarantee of DESIGN.md §3a, for a system run of a scenario whose
	 * `guarantee` is `unfilled`: per partner, the most unfilled penalty it
	 * may carry, its silo plan's (compare passes its silo run's); NULL:
	 * cli_run_solve solves the silo plan first itself, in the same mode and
	 * limits. */
	const double *guarantee_cap;
	/* Solve the system plan as if `guarantee` were `none` (the price of
	 * the guarantee: compare). */
	bool is_without_guarantee;
	/* The kept plan of DESIGN.md §3b (--keep, --now), or NULL; borrowed.
	 * With it the run writes changes.csv and says what changed. */
	const struct mu_keep *keep;
};

/* The caps of the guarantee from a silo plan: per partner, its unfilled
 * penalty. The caller's, freed with free. */
double *cli_run_guarantee_caps(const struct mu_scenario *sc, const struct mu_plan *silo);

/* Whether a run of req on sc is under the guarantee. */
bool cli_run_is_guaranteed(const struct mu_scenario *sc, const struct cli_run_request *req);

struct cli_run {
	struct pol_solved solved;   /* the status, the plan and (plan mode) prices */
	struct mu_why *why;         /* why each uncovered demand row is uncovered */
	struct mu_changes *changes; /* against the kept plan (req->keep), else NULL */
};

/* Solves sc as req asks, showing progress on stderr when it is a terminal,
 * and writes the outputs. An interrupt (Ctrl-C) stops the search; the run
 * then fails ("interrupted; the run was not recorded") and records nothing. MU_OK with *run filled
 * (release with cli_run_release, also after a failure); MU_E_IO, MU_E_SOLVER (no plan,
 * interrupted). */
enum mu_code cli_run_solve(const struct mu_scenario *sc, const struct cli_run_request *req,
                           struct cli_run *run, struct mu_err *err);

/* What a run records, with the storage its settings and KPIs need.
 * Plan rows are borrowed from the run's plan. */
struct cli_run_stored {
	struct io_run r;
	struct io_run_setting settings[MU_SETTING_COUNT];
	char text[MU_SETTING_COUNT][MU_SETTING_TEXT_MAX];
};

/* Describes the solved run for the store (time_total as of now). Release
 * with cli_run_stored_release; *out must not move meanwhile. */
void cli_run_describe(const struct mu_scenario *sc, const struct cli_run_request *req,
                      const struct cli_run *run, struct cli_run_stored *out);

void cli_run_stored_release(struct cli_run_stored *s);

/* True once Ctrl-C was pressed: the command should stop and record nothing. */
bool cli_run_is_interrupted(void);

/* The flag Ctrl-C sets (cli_run_store_open catches it), for a solve's
 * `stop` that cli_run_solve does not make. */
const volatile sig_atomic_t *cli_run_stop_flag(void);

/* Opens the run database at db for a command that records, before it
 * solves anything, so that a database that cannot be used is reported at
 * once (io_store_open with is_write: a new file is made at the first
 * write). The store's writes stop on Ctrl-C. Prints the error and returns
 * the exit status, or 0 with *out the caller's (io_store_close). */
int cli_run_store_open(const char *db, struct io_store **out);

/* Records the solved run in st, whole or not at all; *id gets its number.
 * MU_OK; MU_E_DB, MU_E_USAGE (nothing recorded: interrupted before the
 * commit, or the store failed); MU_E_SOLVER when Ctrl-C came during the
 * commit: the run is recorded, *id is set, and the message says so. */
enum mu_code cli_run_record(struct io_store *st, const struct io_source *src,
                            const struct mu_scenario *sc, const struct cli_run_request *req,
                            const struct cli_run *run, int64_t *id, struct mu_err *err);

void cli_run_release(struct cli_run *run);

/* The report's view of a solved run. */
void cli_run_html_plan(const struct cli_run_request *req, const struct cli_run *run,
                       const char *heading, struct io_html_plan *out);

/* Prints the red flags and then the other unfilled demand rows of run,
 * at most n_shown of them, each with its reasons (why.csv has them all). */
void cli_run_print_unfilled(const struct mu_scenario *sc, const struct cli_run *run,
                            size_t n_shown);

/* Prints the changes against the kept plan: a sentence of their counts
 * and penalties, per partner, then at most n_shown of them (changes.csv
 * has them all). Nothing without a kept plan. */
void cli_run_print_changes(const struct mu_scenario *sc, const struct cli_run *run, size_t n_shown);

/* "rota", "plan", "rota (silo)", ... */
const char *cli_run_mode_name(const struct cli_run_request *req);

/* Formats pounds as "£147,429.59" into buf (at least MU_MONEY_SIZE
 * bytes); returns buf. */
const char *cli_money(char *buf, double pounds);

#endif
