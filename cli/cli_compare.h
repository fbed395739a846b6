/*
 * cli_compare.h - the system plan against the silo plan (partners alone):
 * solving both and saying what working together is worth. Shared by
 * compare and demo.
 */
#ifndef CLI_COMPARE_H
#define CLI_COMPARE_H

#include "cli_run.h"

struct cli_compare_request {
	const char *command;    /* "compare", "demo" */
	struct io_store *store; /* where the runs are recorded (cli_run_store_open) */
	bool is_lp;
	double time_limit; /* per solve; 0 = none */
	long work_limit;   /* per rota search, in simplex iterations; 0 = none */
	/* compare.csv and report.html go to out, each plan's outputs to
	 * out/system and out/silo; NULL for none */
	const char *out;
	double started; /* mu_time_now() when the command began */
	/* --keep (DESIGN.md §3b): every plan of the comparison re-plans it
	 * (in the silo a kept assignment away from home is impossible, so
	 * forced); NULL: none. Borrowed. */
	const struct mu_keep *keep;
};

/* The runs of a comparison: the system plan, the silo plan and, when the
 * scenario's `guarantee` is `unfilled`, the system plan without the
 * guarantee, for its price (solved, not recorded). */
enum { CLI_SYSTEM, CLI_SILO, CLI_UNGUARANTEED, CLI_COMPARE_RUNS };

/* Solves sc as one system (run[CLI_SYSTEM]) and as silos (run[CLI_SILO]),
 * recording each run, saying on stdout how each went, and writing the
 * outputs creq asks. Under the guarantee the silo plan is solved first,
 * its unfilled penalties are the system plan's caps, and
 * run[CLI_UNGUARANTEED] is the system plan without them; otherwise that
 * run stays empty. Release every run with cli_run_release, also after a
 * failure. */
enum mu_code cli_compare_solve(const struct io_source *src, const struct mu_scenario *sc,
                               const struct cli_compare_request *creq,
                               struct cli_run_request req[CLI_COMPARE_RUNS],
                               struct cli_run run[CLI_COMPARE_RUNS], struct mu_err *err);

/* Prints system against silo: the totals, partner by partner, the value
 * of working together in pounds and filled hours, and the guarantee's
 * price when run[CLI_UNGUARANTEED] was solved. */
void cli_compare_print(const struct mu_scenario *sc, const struct cli_run run[CLI_COMPARE_RUNS]);

#endif
