/*
 * flow_compare.c - solves and records the system and silo plans (and the
 * unguaranteed system plan for the guarantee's price), re-prices the silo
 * plan as bidding under §3d, and has io/ write the comparison.
 */
#include "flows/flow_compare.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"
#include "io/io_report.h"
#include "io/io_say.h"
#include "io/io_twostage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void tell(const struct flow_compare_request *creq, int k, enum flow_compare_phase phase,
                 bool is_guaranteed, const struct pol_solved *solved, int64_t id)
{
	struct flow_compare_step step = {k, phase, is_guaranteed, solved, id, 0};
	if (creq->on_step)
		creq->on_step(creq->hooks.ctx, &step);
}

/* The seconds the next of n_left searches may take (flow_time_share). */
static double time_share(const struct flow_compare_request *creq, int n_left)
{
	return flow_time_share(creq->started, creq->time_limit, n_left);
}

/* Tells that search k begins, with its share of the time. */
static void tell_begin(const struct flow_compare_request *creq, int k, bool is_guaranteed,
                       double time_limit)
{
	struct flow_compare_step step = {k, FLOW_COMPARE_BEGIN, is_guaranteed, NULL, 0, time_limit};
	if (creq->on_step)
		creq->on_step(creq->hooks.ctx, &step);
}

void flow_compare_say_guarantee(struct mu_buf *b, const struct mu_scenario *sc,
                                const struct flow_compare *c)
{
	const struct pol_solved *sys = &c->run[FLOW_SYSTEM].solved,
	                        *free_run = &c->run[FLOW_UNGUARANTEED].solved;
	if (!free_run->plan)
		return;
	io_say_guarantee_price(b, sc, sys->plan, free_run->plan, c->run[FLOW_SILO].solved.plan,
	                       sys->status == MU_STATUS_OPTIMAL &&
	                           free_run->status == MU_STATUS_OPTIMAL);
}

static enum mu_code write_comparison(const char *dir, const struct io_source *src,
                                     const struct mu_scenario *sc, const struct flow_compare *c,
                                     struct mu_err *err)
{
	const struct flow_run *run = c->run;
	struct io_html_plan sys, silo;
	struct mu_buf guarantee;
	enum mu_code rc;
	if ((rc = io_report_write_compare(dir, sc, run[0].solved.plan, run[1].solved.plan,
	                                  c->bidding, err)))
		return rc;
	flow_run_html_plan(&c->req[0], &run[0], "The system plan", &sys);
	flow_run_html_plan(&c->req[1], &run[1], "The silo plan", &silo);
	sys.run_id = c->id[FLOW_SYSTEM];
	silo.run_id = c->id[FLOW_SILO];
	mu_buf_init(&guarantee);
	flow_compare_say_guarantee(&guarantee, sc, c);
	rc = io_html_write_compare(dir, sc, src->label, &sys, &silo,
	                           guarantee.len ? guarantee.data : NULL, c->bidding, err);
	mu_buf_release(&guarantee);
	return rc;
}

/* A run failed after the other was recorded: the message says that one is
 * kept (each run is recorded as soon as it is solved). */
static void say_run_kept(const struct flow_compare_request *creq, int failed, int64_t kept_id,
                         struct mu_err *err)
{
	size_t n = strlen(err->msg);
	snprintf(err->msg + n, sizeof(err->msg) - n,
	         " (the %s run; the %s run is recorded, as run %lld in %s)",
	         failed == FLOW_SYSTEM ? "system" : "silo",
	         failed == FLOW_SYSTEM ? "silo" : "system", (long long)kept_id,
	         io_store_path(creq->store));
}

static void init_request(const struct io_source *src, const struct flow_compare_request *creq,
                         int k, const char *out, struct flow_run_request *req)
{
	memset(req, 0, sizeof(*req));
	req->command = creq->command;
	req->is_lp = creq->is_lp;
	req->is_silo = k == FLOW_SILO;
	req->is_without_guarantee = k == FLOW_UNGUARANTEED;
	req->work_limit = creq->work_limit; /* the time: time_share */
	req->out = out;
	req->label = src->label;
	req->keep = creq->keep;
	req->started = mu_time_now();
	req->hooks = creq->hooks;
}

/* The system plan without the guarantee, for its price: solved, not
 * recorded, no outputs. */
static enum mu_code solve_unguaranteed(const struct io_source *src, const struct mu_scenario *sc,
                                       const struct flow_compare_request *creq,
                                       struct flow_compare *c, struct mu_err *err)
{
	const int k = FLOW_UNGUARANTEED;
	enum mu_code rc;
	init_request(src, creq, k, NULL, &c->req[k]);
	c->req[k].time_limit = time_share(creq, 1);
	tell_begin(creq, k, true, c->req[k].time_limit);
	if ((rc = flow_run_solve(sc, &c->req[k], &c->run[k], err)) != MU_OK) {
		tell(creq, k, FLOW_COMPARE_FAILED, true, NULL, 0);
		return rc;
	}
	tell(creq, k, FLOW_COMPARE_DONE, true, &c->run[k].solved, 0);
	return MU_OK;
}

enum mu_code flow_compare_solve(const struct io_source *src, const struct mu_scenario *sc,
                                const struct flow_compare_request *creq, struct flow_compare *c,
                                struct mu_err *err)
{
	char *out[2] = {NULL, NULL};
	enum mu_code rc = MU_OK;
	int64_t id = 0, kept_id = 0;
	bool is_guaranteed = sc->settings.guarantee == MU_GUARANTEE_UNFILLED;
	/* under the guarantee the silo plan comes first: its unfilled
	 * penalties are the system plan's caps */
	const int order[2] = {is_guaranteed ? FLOW_SILO : FLOW_SYSTEM,
	                      is_guaranteed ? FLOW_SYSTEM : FLOW_SILO};
	double *cap = NULL;
	int i, k;
	if (creq->draws)
		return flow_compare_twostage(src, sc, creq, c, err);
	memset(c, 0, sizeof(*c));
	if (creq->out) {
		mkdir(creq->out, 0777);
		for (k = 0; k < 2; k++) {
			out[k] = mu_malloc(strlen(creq->out) + sizeof("/system"));
			sprintf(out[k], "%s/%s", creq->out, k == FLOW_SYSTEM ? "system" : "silo");
		}
	}
	for (i = 0; i < 2 && rc == MU_OK; i++) {
		k = order[i];
		init_request(src, creq, k, out[k], &c->req[k]);
		c->req[k].time_read = i == 0 ? c->req[k].started - creq->started : 0;
		c->req[k].guarantee_cap = k == FLOW_SYSTEM ? cap : NULL;
		c->req[k].guarantee_silo =
		    k == FLOW_SYSTEM && cap ? c->run[FLOW_SILO].solved.plan : NULL;
		c->req[k].time_limit = time_share(creq, 2 - i + is_guaranteed);
		tell_begin(creq, k, is_guaranteed, c->req[k].time_limit);
		if ((rc = flow_run_solve(sc, &c->req[k], &c->run[k], err)) != MU_OK ||
		    (rc = flow_run_record(creq->store, src, sc, &c->req[k], &c->run[k], &id,
		                          err)) != MU_OK) {
			tell(creq, k, FLOW_COMPARE_FAILED, is_guaranteed, NULL, 0);
			if (kept_id)
				say_run_kept(creq, k, kept_id, err);
			break;
		}
		tell(creq, k, FLOW_COMPARE_DONE, is_guaranteed, &c->run[k].solved, id);
		c->id[k] = kept_id = id;
		if (k == FLOW_SILO && is_guaranteed)
			cap = flow_run_guarantee_caps(sc, c->run[k].solved.plan);
	}
	free(cap);
	if (rc == MU_OK && is_guaranteed)
		rc = solve_unguaranteed(src, sc, creq, c, err);
	/* partners alone, then re-priced (§3d): the silo plan's staff and
	 * hours stand, so nothing is solved again */
	if (rc == MU_OK && mu_bidding_is_wanted(sc))
		c->bidding = mu_bidding_new(sc, c->run[FLOW_SILO].solved.plan);
	if (rc == MU_OK && creq->out)
		rc = write_comparison(creq->out, src, sc, c, err);
	/* the paths are the requests' until the runs are released */
	for (k = 0; k < 2; k++)
		c->req[k].out = NULL;
	free(out[0]);
	free(out[1]);
	return rc;
}

enum mu_code flow_compare_twostage(const struct io_source *src, const struct mu_scenario *sc,
                                   const struct flow_compare_request *creq, struct flow_compare *c,
                                   struct mu_err *err)
{
	enum mu_code rc = MU_OK;
	int64_t kept_id = 0;
	char *out = NULL;
	int k;
	memset(c, 0, sizeof(*c));
	c->is_twostage = true;
	for (k = 0; k < 2 && rc == MU_OK; k++) {
		struct flow_twostage_request *req = &c->twostage_req[k];
		*req = (struct flow_twostage_request){
		    .draws = creq->draws,
		    .check = creq->check,
		    .is_lp = creq->is_lp,
		    .is_silo = k == FLOW_SILO,
		    .time_limit = time_share(creq, 2 - k),
		    .work_limit = creq->work_limit,
		    .hooks = creq->hooks,
		    .command = creq->command,
		    .draws_file = creq->draws_file,
		    .check_file = creq->check_file,
		    .started = mu_time_now(),
		};
		req->time_read = k == 0 ? req->started - creq->started : 0;
		tell_begin(creq, k, false, req->time_limit);
		if ((rc = flow_twostage_solve(sc, req, &c->twostage[k], err)) != MU_OK ||
		    (rc = flow_twostage_record(creq->store, src, sc, req, &c->twostage[k],
		                               &c->id[k], err)) != MU_OK) {
			tell(creq, k, FLOW_COMPARE_FAILED, false, NULL, 0);
			if (kept_id)
				say_run_kept(creq, k, kept_id, err);
			break;
		}
		tell(creq, k, FLOW_COMPARE_DONE, false, &c->twostage[k].solved, c->id[k]);
		kept_id = c->id[k];
		flow_twostage_view(&c->twostage[k], req, c->id[k], &c->twostage_view[k]);
	}
	if (rc != MU_OK || !creq->out)
		return rc;
	mkdir(creq->out, 0777);
	out = mu_malloc(strlen(creq->out) + sizeof("/system"));
	for (k = 0; k < 2 && rc == MU_OK; k++) {
		sprintf(out, "%s/%s", creq->out, k == FLOW_SYSTEM ? "system" : "silo");
		mkdir(out, 0777);
		rc =
		    io_twostage_write(out, sc, &c->twostage_view[k], !creq->is_lp, src->label, err);
	}
	free(out);
	if (rc == MU_OK)
		rc = io_twostage_write_compare(creq->out, sc, &c->twostage_view[FLOW_SYSTEM],
		                               &c->twostage_view[FLOW_SILO], src->label, err);
	return rc;
}

void flow_compare_release(struct flow_compare *c)
{
	int k;
	for (k = 0; k < 2; k++)
		flow_twostage_release(&c->twostage[k]);
	for (k = 0; k < FLOW_COMPARE_RUNS; k++)
		flow_run_release(&c->run[k]);
	mu_bidding_free(c->bidding);
	c->bidding = NULL;
}
