/*
 * flow_compare.h - the system plan against the silo plan (partners alone):
 * both solved and recorded, and under the guarantee the system plan
 * without it, for its price. Shared by compare and demo.
 */
#ifndef FLOW_COMPARE_H
#define FLOW_COMPARE_H

#include "flows/flow_run.h"
#include "flows/flow_twostage.h"

#include "core/mu_bidding.h"
#include "core/mu_buf.h"

/* The runs of a comparison: the system plan, the silo plan and, when the
 * scenario's `guarantee` is `unfilled`, the system plan without the
 * guarantee, for its price (solved, not recorded). */
enum { FLOW_SYSTEM, FLOW_SILO, FLOW_UNGUARANTEED, FLOW_COMPARE_RUNS };

/* A solve of the comparison began, ended or failed (flow_compare_request's
 * on_step). */
enum flow_compare_phase { FLOW_COMPARE_BEGIN, FLOW_COMPARE_DONE, FLOW_COMPARE_FAILED };

struct flow_compare_step {
	int run; /* FLOW_SYSTEM, FLOW_SILO, FLOW_UNGUARANTEED */
	enum flow_compare_phase phase;
	bool is_guaranteed;              /* the system plan is under the guarantee */
	const struct pol_solved *solved; /* DONE: the solve's outcome; else NULL */
	int64_t id;                      /* DONE: the run recorded (0: not recorded) */
	double time_limit;               /* BEGIN: the seconds this search may take (0: none) */
};

struct flow_compare_request {
	const char *command;    /* "compare", "demo" */
	struct io_store *store; /* where the runs are recorded */
	bool is_lp;
	/* seconds for the whole comparison, from started; 0 = none. Each
	 * search gets an equal share of what is left when it begins (system
	 * and silo half each; under the guarantee the silo, the system and
	 * the unguaranteed system a third each), so that time a search leaves
	 * unused passes on to the next. */
	double time_limit;
	long work_limit; /* per rota search, in simplex iterations; 0 = none */
	/* compare.csv and report.html go to out, each plan's outputs to
	 * out/system and out/silo; NULL for none */
	const char *out;
	double started; /* mu_time_now() when the command began */
	/* --keep (DESIGN.md §3b): every plan of the comparison re-plans it
	 * (in the silo a kept assignment away from home is impossible, so
	 * forced); NULL: none. Borrowed. */
	const struct mu_keep *keep;
	struct flow_hooks hooks; /* each solve's progress, and the stop flag */
	/* Told as each solve begins and ends; NULL: not told. */
	void (*on_step)(void *ctx, const struct flow_compare_step *step);
	/* --scenarios (DESIGN.md §3e): both plans two-stage on draws, each
	 * measured on check when given (else on draws), recorded with the
	 * files' names; NULL: the plans of §3. Borrowed. */
	const struct mu_draws *draws, *check;
	const char *draws_file, *check_file;
};

struct flow_compare {
	struct flow_run_request req[FLOW_COMPARE_RUNS];
	struct flow_run run[FLOW_COMPARE_RUNS];
	int64_t id[FLOW_COMPARE_RUNS]; /* each run as recorded; 0: not recorded */
	/* when some role's supply answers the rate (DESIGN.md §3d,
	 * mu_bidding_is_wanted): the bidding plan, the silo plan re-priced
	 * (no solve); else NULL */
	struct mu_bidding *bidding;
	/* with creq->draws: the two-stage system and silo plans (FLOW_SYSTEM,
	 * FLOW_SILO), their requests and io/'s views of them (run and req
	 * are then unused) */
	bool is_twostage;
	struct flow_twostage_request twostage_req[2];
	struct flow_twostage twostage[2];
	struct io_twostage twostage_view[2];
};

/* Solves sc as one system (run[FLOW_SYSTEM]) and as silos (run[FLOW_SILO]),
 * recording each run as soon as it is solved (id[k]) and writing the
 * outputs creq asks, report.html last, naming both runs. Under the guarantee the silo plan is
 * solved first, its unfilled penalties are the system plan's caps, and run[FLOW_UNGUARANTEED] is
 * the system plan without them; otherwise that run stays empty. When some role's supply answers
 * the rate, bidding is the silo plan re-priced (mu_bidding_new). MU_OK, or the first failure's code
 * (its message says which run failed, and which run is already recorded). Release *out with
 * flow_compare_release, also after a failure. */
enum mu_code flow_compare_solve(const struct io_source *src, const struct mu_scenario *sc,
                                const struct flow_compare_request *creq, struct flow_compare *out,
                                struct mu_err *err);

/* With creq->draws, flow_compare_solve is this: the two-stage system and
 * silo plans, each recorded as soon as it is made and measured, and with
 * creq->out each one's outputs in out/system and out/silo, and compare.csv
 * and report.html on the expected figures; no bidding plan. */
enum mu_code flow_compare_twostage(const struct io_source *src, const struct mu_scenario *sc,
                                   const struct flow_compare_request *creq, struct flow_compare *c,
                                   struct mu_err *err);

void flow_compare_release(struct flow_compare *c);

/* Appends the guarantee's price (io_say_guarantee_price) to b; nothing
 * when c has no unguaranteed run. */
void flow_compare_say_guarantee(struct mu_buf *b, const struct mu_scenario *sc,
                                const struct flow_compare *c);

#endif
