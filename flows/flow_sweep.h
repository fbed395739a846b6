/*
 * flow_sweep.h - a sweep: the scenario re-solved at each value of what
 * varies (several make a grid), each point warm-started from the one
 * before, all points recorded together as one sweep, or none; a shard
 * (--shard I/N) solves and records only its part. The workflow of `muster
 * sweep`; cli/cmd_sweep.c prints what it returns.
 */
#ifndef FLOW_SWEEP_H
#define FLOW_SWEEP_H

#include "flows/flow_run.h"
#include "flows/flow_twostage.h"
#include "flows/flow_vary.h"

#include "core/mu_buf.h"
#include "core/mu_keep.h"
#include "io/io_report.h"
#include "io/io_store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FLOW_SWEEP_MAX_VARY 8       /* things varied at once */
#define FLOW_SWEEP_MAX_POINTS 10000 /* points in the whole sweep */

struct flow_sweep;

struct flow_sweep_request {
	/* What varies (flow_vary_parse'd against the scenario, none two that
	 * overlap), at most FLOW_SWEEP_MAX_VARY, at most
	 * FLOW_SWEEP_MAX_POINTS points in all; the first moves fastest and is
	 * the chart's x axis. Borrowed. */
	const struct flow_vary *vary;
	size_t n_vary;
	const char *spec; /* the sweep as the store describes it: the --vary options */
	bool is_lp, is_silo;
	double time_limit; /* per point's rota search; 0 = none */
	long work_limit;   /* per point's rota search, simplex iterations; 0 = none */
	/* Solve and record only part shard (1-based) of n_shards: the points
	 * k with k mod n_shards = shard - 1; n_shards 0: the whole sweep. */
	unsigned long shard, n_shards;
	const struct mu_keep *keep; /* every point re-plans it (--keep), or NULL; borrowed */
	struct io_store *store;     /* where the sweep is recorded */
	double started;             /* mu_time_now() when the command began */
	double time_read;           /* seconds spent reading the scenario */
	/* Each point's search (progress, and the stop flag, which also keeps
	 * the sweep from being recorded). */
	struct flow_hooks hooks;
	/* Told after each point is solved, done points of sw->n_points so
	 * far (sw->points[done - 1] the last); NULL: not told. */
	void (*on_point)(void *ctx, const struct flow_sweep *sw, size_t done);
	/* --scenarios (DESIGN.md §3e): each point a two-stage plan on draws,
	 * its table row and chart point the expected figures (the mean over
	 * the scenarios of each day's totals), recorded with draws_file;
	 * NULL: the plans of §3. Not with keep or a shard. Borrowed. */
	const struct mu_draws *draws;
	const char *draws_file;
};

/* One point of a sweep. */
struct flow_sweep_point {
	size_t index;                       /* in the whole sweep */
	double values[FLOW_SWEEP_MAX_VARY]; /* of each varied thing, as req->vary */
	struct io_run_vary vary[FLOW_SWEEP_MAX_VARY];
	struct flow_run_stored stored; /* the run recorded */
	/* with req->draws: what stored.r points into (owned); else NULL */
	struct flow_twostage_stored *twostage;
	struct mu_plan *plan; /* its plan (the stored run's rows) */
	/* status, cost, gap and totals; run_id once recorded */
	struct io_sweep_point view;
};

struct flow_sweep {
	size_t n_all;    /* points in the whole sweep */
	size_t n_points; /* solved here: all, or the shard's (may be 0) */
	struct flow_sweep_point *points;
	int64_t id; /* the sweep recorded; 0 before */
	/* DESIGN.md §3d: some role's supply answers the rate in the scenario
	 * as given, or a §3d key varies (flow_vary_is_supply): the table and
	 * sweep.csv then show each point's rate paid and extra staff (set by
	 * flow_sweep_solve) */
	bool has_supply;
	/* DESIGN.md §3f: the scenario has discharge pathways: the table and
	 * sweep.csv then show each point's patients sent home and bed-days */
	bool has_flow;
};

/* Lays out the points of req (all, or its shard's) in *sw, the first
 * vary moving fastest, so that neighbouring points differ in one value
 * and warm-start well. Release with flow_sweep_release. */
void flow_sweep_init(struct flow_sweep *sw, const struct flow_sweep_request *req);

/* Solves every point of sw on sc (which is left at the last point's
 * values), then records them in req->store as one sweep, in one
 * transaction. MU_OK; MU_E_IO, MU_E_SOLVER (a point failed, or a stop
 * came: nothing is recorded, except when the stop came during the commit:
 * sw->id is set then, and the message says which sweep and runs are
 * recorded); MU_E_DB, MU_E_USAGE (the store failed). */
enum mu_code flow_sweep_solve(const struct io_source *src, struct mu_scenario *sc,
                              const struct flow_sweep_request *req, struct flow_sweep *sw,
                              struct mu_err *err);

/* Whether some point's plan leaves a demand row below its minimum. */
bool flow_sweep_has_red_flags(const struct flow_sweep *sw);

/* Appends what happens along the first series of sw (the other varied
 * things at their FROM) to b: io_say_sweep_grid, and for a bank_cap.ROLE
 * sweep io_say_sweep_cap. sw is a whole sweep, solved (not a shard's
 * part). */
void flow_sweep_say(struct mu_buf *b, const struct flow_sweep_request *req,
                    const struct flow_sweep *sw);

/* Has io/ write the sweep.csv, sweep.svg (its chart) and report.html of
 * sw, a whole sweep solved and recorded, into dir (which exists). MU_OK, or MU_E_IO with
 * a message that says which sweep and runs are recorded all the same. */
enum mu_code flow_sweep_write(const char *dir, const struct io_source *src,
                              const struct mu_scenario *sc, const struct flow_sweep_request *req,
                              const struct flow_sweep *sw, struct mu_err *err);

/* Accepts a zeroed sw. */
void flow_sweep_release(struct flow_sweep *sw);

#endif
