/*
 * cli_compare.c - solves the system and silo plans and prints them side by
 * side.
 */
#include "cli_compare.h"

#include "cli.h"

#include "core/mu_alloc.h"
#include "core/mu_time.h"
#include "io/io_report.h"
#include "io/io_say.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The guarantee's price (io_say_guarantee), with a note when a rota is
 * not proven; empty when the comparison has no unguaranteed run. */
static void say_guarantee(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct cli_run run[CLI_COMPARE_RUNS])
{
	const struct cli_run *sys = &run[CLI_SYSTEM], *free_run = &run[CLI_UNGUARANTEED];
	if (!free_run->solved.plan)
		return;
	io_say_guarantee(b, sc, sys->solved.plan, free_run->solved.plan, run[CLI_SILO].solved.plan);
	if (sys->solved.status != MU_STATUS_OPTIMAL || free_run->solved.status != MU_STATUS_OPTIMAL)
		mu_buf_adds(b,
		            " (One or both of these rotas is not proven optimal, so the price is "
		            "approximate.)");
}

static enum mu_code write_comparison(const char *dir, const struct io_source *src,
                                     const struct mu_scenario *sc,
                                     const struct cli_run_request req[CLI_COMPARE_RUNS],
                                     const struct cli_run run[CLI_COMPARE_RUNS], struct mu_err *err)
{
	struct io_html_plan sys, silo;
	struct mu_buf guarantee;
	enum mu_code rc;
	if ((rc = io_report_write_compare(dir, sc, run[0].solved.plan, run[1].solved.plan, err)))
		return rc;
	cli_run_html_plan(&req[0], &run[0], "The system plan", &sys);
	cli_run_html_plan(&req[1], &run[1], "The silo plan", &silo);
	mu_buf_init(&guarantee);
	say_guarantee(&guarantee, sc, run);
	rc = io_html_write_compare(dir, sc, src->label, &sys, &silo,
	                           guarantee.len ? guarantee.data : NULL, err);
	mu_buf_release(&guarantee);
	return rc;
}

/* "optimal in 8.1 s (4578 simplex iterations)", or "best found, within
 * 1.9% of the best possible, in 9.8 s (stopped at 4963 of its 5000 simplex
 * iterations)" */
static void print_outcome(const struct cli_compare_request *creq, const struct pol_solved *s)
{
	char status[MU_STATUS_SIZE];
	bool has_gap = !creq->is_lp && s->has_bound;
	printf("%s", mu_format_status(status, s->status, has_gap, s->gap));
	if (s->status == MU_STATUS_FEASIBLE && has_gap)
		printf(" of the best possible,");
	printf(" in %.1f s", s->time_solve);
	if (s->status == MU_STATUS_FEASIBLE && creq->time_limit > 0)
		printf(" (stopped by its time limit)");
	else if (s->status == MU_STATUS_FEASIBLE)
		printf(" (stopped at %ld of its %ld simplex iterations)", s->work,
		       creq->work_limit);
	else if (!creq->is_lp)
		printf(" (%ld simplex iterations)", s->work);
}

/* A run failed after the other was recorded: the message says that one is
 * kept (each run is recorded as soon as it is solved). */
static void say_run_kept(const struct cli_compare_request *creq, int failed, int64_t kept_id,
                         struct mu_err *err)
{
	size_t n = strlen(err->msg);
	snprintf(err->msg + n, sizeof(err->msg) - n,
	         " (the %s run; the %s run is recorded, as run %lld in %s)",
	         failed == CLI_SYSTEM ? "system" : "silo", failed == CLI_SYSTEM ? "silo" : "system",
	         (long long)kept_id, io_store_path(creq->store));
}

static void init_request(const struct io_source *src, const struct cli_compare_request *creq, int k,
                         const char *out, struct cli_run_request *req)
{
	memset(req, 0, sizeof(*req));
	req->command = creq->command;
	req->is_lp = creq->is_lp;
	req->is_silo = k == CLI_SILO;
	req->is_without_guarantee = k == CLI_UNGUARANTEED;
	req->time_limit = creq->time_limit;
	req->work_limit = creq->work_limit;
	req->out = out;
	req->label = src->label;
	req->keep = creq->keep;
	req->started = mu_time_now();
}

/* The system plan without the guarantee, for its price: solved and said,
 * not recorded, no outputs. */
static enum mu_code solve_unguaranteed(const struct io_source *src, const struct mu_scenario *sc,
                                       const struct cli_compare_request *creq,
                                       struct cli_run_request *req, struct cli_run *run,
                                       struct mu_err *err)
{
	enum mu_code rc;
	init_request(src, creq, CLI_UNGUARANTEED, NULL, req);
	printf("Solving the system %s without the guarantee, for its price (not recorded) ... ",
	       creq->is_lp ? "plan" : "rota");
	fflush(stdout);
	if ((rc = cli_run_solve(sc, req, run, err)) != MU_OK) {
		printf("failed\n");
		return rc;
	}
	print_outcome(creq, &run->solved);
	printf("\n");
	return MU_OK;
}

enum mu_code cli_compare_solve(const struct io_source *src, const struct mu_scenario *sc,
                               const struct cli_compare_request *creq,
                               struct cli_run_request req[CLI_COMPARE_RUNS],
                               struct cli_run run[CLI_COMPARE_RUNS], struct mu_err *err)
{
	char *out[2] = {NULL, NULL};
	enum mu_code rc = MU_OK;
	int64_t id = 0, kept_id = 0;
	bool is_guaranteed = sc->settings.guarantee == MU_GUARANTEE_UNFILLED;
	/* under the guarantee the silo plan comes first: its unfilled
	 * penalties are the system plan's caps */
	const int order[2] = {is_guaranteed ? CLI_SILO : CLI_SYSTEM,
	                      is_guaranteed ? CLI_SYSTEM : CLI_SILO};
	double *cap = NULL;
	int i, k;
	memset(run, 0, CLI_COMPARE_RUNS * sizeof(*run));
	memset(req, 0, CLI_COMPARE_RUNS * sizeof(*req));
	if (creq->out) {
		mkdir(creq->out, 0777);
		for (k = 0; k < 2; k++) {
			out[k] = mu_malloc(strlen(creq->out) + sizeof("/system"));
			sprintf(out[k], "%s/%s", creq->out, k == CLI_SYSTEM ? "system" : "silo");
		}
	}
	for (i = 0; i < 2 && rc == MU_OK; i++) {
		k = order[i];
		init_request(src, creq, k, out[k], &req[k]);
		req[k].time_read = i == 0 ? req[k].started - creq->started : 0;
		req[k].guarantee_cap = k == CLI_SYSTEM ? cap : NULL;
		printf("Solving the %s %s%s ... ", k == CLI_SYSTEM ? "system" : "silo",
		       creq->is_lp ? "plan" : "rota",
		       k == CLI_SILO   ? " (each partner alone)"
		       : is_guaranteed ? " (no partner's unfilled penalty above its silo plan's)"
		                       : "");
		fflush(stdout);
		if ((rc = cli_run_solve(sc, &req[k], &run[k], err)) != MU_OK ||
		    (rc = cli_run_record(creq->store, src, sc, &req[k], &run[k], &id, err)) !=
		        MU_OK) {
			printf("failed\n");
			if (kept_id)
				say_run_kept(creq, k, kept_id, err);
			break;
		}
		print_outcome(creq, &run[k].solved);
		printf(", run %lld\n", (long long)id);
		kept_id = id;
		if (k == CLI_SILO && is_guaranteed)
			cap = cli_run_guarantee_caps(sc, run[k].solved.plan);
	}
	free(cap);
	if (rc == MU_OK && is_guaranteed)
		rc = solve_unguaranteed(src, sc, creq, &req[CLI_UNGUARANTEED],
		                        &run[CLI_UNGUARANTEED], err);
	if (rc == MU_OK && creq->out)
		rc = write_comparison(creq->out, src, sc, req, run, err);
	/* the paths are the requests' until the runs are released */
	for (k = 0; k < 2; k++)
		req[k].out = NULL;
	free(out[0]);
	free(out[1]);
	return rc;
}

static void money_row(const char *what, double a, double b)
{
	char m[3][MU_MONEY_SIZE];
	printf("  %-26s %15s %15s %15s\n", what, cli_money(m[0], a), cli_money(m[1], b),
	       cli_money(m[2], a - b));
}

static void hours_row(const char *what, double a, double b)
{
	printf("  %-26s %15.1f %15.1f %+15.1f\n", what, a, b, a - b);
}

static void print_partners(const struct mu_scenario *sc, const struct cli_run *sys,
                           const struct cli_run *silo)
{
	char m[4][MU_MONEY_SIZE];
	int w = cli_partner_id_width(sc, 7);
	size_t p;
	printf("\nPartner by partner (system / silo):\n");
	printf("  %-*s %12s %12s %7s %7s %4s %4s %11s %11s %7s %7s\n", w, "partner", "cost",
	       "silo cost", "fill", "silo", "red", "silo", "agency", "silo agency", "aid in",
	       "aid out");
	for (p = 0; p < sc->n_partners; p++) {
		const struct mu_totals *a = &sys->solved.plan->partners[p],
		                       *b = &silo->solved.plan->partners[p];
		double fa = mu_totals_fill_rate(a), fb = mu_totals_fill_rate(b);
		printf("  %-*s %12s %12s", w, sc->partners[p].id, cli_money(m[0], a->cost_total),
		       cli_money(m[1], b->cost_total));
		if (fa >= 0)
			printf(" %6.1f%% %6.1f%%", 100 * fa, 100 * fb);
		else
			printf(" %7s %7s", "-", "-");
		printf(" %4zu %4zu %11s %11s %6.0fh %6.0fh\n", a->n_red_flags, b->n_red_flags,
		       cli_money(m[2], a->spend[MU_SRC_AGENCY]),
		       cli_money(m[3], b->spend[MU_SRC_AGENCY]), a->hours[MU_SRC_LEND],
		       a->lent_out_hours);
	}
	cli_print_partner_legend(sc);
}

void cli_compare_print(const struct mu_scenario *sc, const struct cli_run run[CLI_COMPARE_RUNS])
{
	const struct cli_run *sys = &run[CLI_SYSTEM], *silo = &run[CLI_SILO];
	const struct mu_totals *a = &sys->solved.plan->system, *b = &silo->solved.plan->system;
	double lower = silo->solved.objective - sys->solved.objective;
	char m[2][MU_MONEY_SIZE];
	struct mu_buf say;
	printf("System against silo (partners alone: no lending, bank staff at home only):\n");
	printf("  %-26s %15s %15s %15s\n", "", "system", "silo", "system - silo");
	hours_row("filled hours", a->filled_hours, b->filled_hours);
	printf("  %-26s %14.1f%% %14.1f%% %+8.1f points\n", "fill rate",
	       100 * mu_totals_fill_rate(a), 100 * mu_totals_fill_rate(b),
	       100 * (mu_totals_fill_rate(a) - mu_totals_fill_rate(b)));
	printf("  %-26s %15zu %15zu %+15ld\n", "red flags", a->n_red_flags, b->n_red_flags,
	       (long)a->n_red_flags - (long)b->n_red_flags);
	money_row("spend (cash)", a->spend_total, b->spend_total);
	money_row("  agency", a->spend[MU_SRC_AGENCY], b->spend[MU_SRC_AGENCY]);
	money_row("  shared bank", a->spend[MU_SRC_BANK], b->spend[MU_SRC_BANK]);
	money_row("  mutual aid travel", a->spend[MU_SRC_LEND], b->spend[MU_SRC_LEND]);
	money_row("penalties (weights)", a->penalty_total, b->penalty_total);
	money_row("  unfilled hours", a->unfilled_penalty, b->unfilled_penalty);
	money_row("  agency tiers", a->penalty[MU_PEN_TIER], b->penalty[MU_PEN_TIER]);
	money_row("  break-glass", a->penalty[MU_PEN_BREAK_GLASS], b->penalty[MU_PEN_BREAK_GLASS]);
	money_row("cost (spend + penalties)", sys->solved.objective, silo->solved.objective);
	hours_row("mutual aid hours", a->lent_out_hours, b->lent_out_hours);
	hours_row("bank hours", a->hours[MU_SRC_BANK], b->hours[MU_SRC_BANK]);
	hours_row("agency hours", a->hours[MU_SRC_AGENCY], b->hours[MU_SRC_AGENCY]);
	print_partners(sc, sys, silo);

	mu_buf_init(&say);
	io_say_value(&say, sc, sys->solved.plan, silo->solved.plan);
	printf("\n%s\n", cli_safe(say.data));
	mu_buf_release(&say);
	/* the objective weighs penalties with cash: say it as a cost, never as
	 * money saved */
	printf("The cost to the system (spend plus the penalty weights the scenario puts on "
	       "unfilled hours, agency tiers and break-glass) is %s %s",
	       cli_money(m[0], fabs(lower)), lower >= 0 ? "lower" : "higher");
	/* A silo search stopped by its time limit may have a cheaper rota left
	 * to find; its bound says how much cheaper at most. */
	if (silo->solved.status != MU_STATUS_OPTIMAL && silo->solved.has_bound &&
	    sys->solved.status == MU_STATUS_OPTIMAL)
		printf(",\nand at least %s lower than any silo rota however long its search ran",
		       cli_money(m[1], silo->solved.bound - sys->solved.objective));
	printf(".\n");
	mu_buf_init(&say);
	say_guarantee(&say, sc, run);
	if (say.len)
		printf("%s\n", cli_safe(say.data));
	mu_buf_release(&say);
}
