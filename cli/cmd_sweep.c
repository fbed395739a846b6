/*
 * cmd_sweep.c - `muster sweep SCENARIO --vary NAME=FROM:TO:STEP ...`:
 * re-solves the scenario at each value (several --vary make a grid), each
 * point warm-started from the one before, and shows spend, penalties, fill
 * and agency spend against the value: a table, sweep.csv, an SVG chart
 * with the point where extra spend stops buying fill marked, and
 * report.html. The runs are
 * recorded together, linked to one sweep, or not at all. With --shard I/N
 * only the points k with k mod N = I - 1 are solved and recorded, for
 * `muster merge` to put together. The sweep itself is flows/flow_sweep.c's;
 * here are the options, the progress bar and the table.
 */
#include "cli.h"

#include "cli_options.h"
#include "cli_twostage.h"
#include "cli_run.h"
#include "core/mu_buf.h"
#include "core/mu_format.h"
#include "core/mu_keep.h"
#include "core/mu_time.h"
#include "flows/flow_sweep.h"
#include "io/io_outputs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char cmd_sweep_help[] =
    "usage: muster sweep SCENARIO --vary NAME=FROM:TO:STEP [--vary ...] [--lp]\n"
    "                    [--silo] [--out DIR] [--db FILE] [--time-limit S]\n"
    "                    [--shard I/N] [--keep PLAN [--now WHEN]]\n"
    "                    [--scenarios FILE]\n"
    "\n"
    "Solves the scenario at every value from FROM to TO in steps of STEP; several\n"
    "--vary make a grid (the first is the chart's x axis). Each point starts from\n"
    "the previous point's basis. Prints spend (cash), penalties (weights, not\n"
    "money), fill, red flags and agency spend per point, and where extra spend\n"
    "stops buying fill. All points are recorded as runs of one sweep, in one\n"
    "transaction after the last point (the database is opened, and checked,\n"
    "before the first).\n"
    "\n"
    "NAME can be:\n"
    "  a setting             shortfall_penalty, floor_penalty, min_rest_hours,\n"
    "                        allow_break_glass (0 or 1), break_glass_penalty,\n"
    "                        tier_penalty, agency_budget (the system's),\n"
    "                        rate_card (0:1:1 or by name)\n"
    "  agency_budget.PARTNER a partner's agency budget (£)\n"
    "  agency_cap.ROLE       the role's agency cap (£/h); offers above it are\n"
    "                        break-glass\n"
    "  bank_rate.ROLE        the role's bank rate (£/h)\n"
    "  bank_cap.ROLE         the role's bank cap (£/h)\n"
    "  elasticity.ROLE, reference_rate.ROLE, step.ROLE  its supply.csv cells\n"
    "  demand                all demand scaled (1 = as forecast; 1.1 = 10% more)\n"
    "  demand.PARTNER        one partner's demand scaled\n"
    "  staff.PARTNER.ROLE    that many more substantive staff of ROLE at PARTNER\n"
    "                        on every shift (recruitment; not rotatable)\n"
    "  max_per_shift.FROM.TO.ROLE  the mutual-aid places per shift of the\n"
    "                        agreement row from FROM to TO for ROLE (or *)\n"
    "  waiting.FROM.TO, bed_day_cost.FROM.TO  a flow.csv pathway's patients\n"
    "                        waiting, its bed-day cost (a weight)\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it:\n"
    "\n"
    "  muster sweep ex --lp --vary agency_cap.rn_b5=25:45:5 --out sw\n"
    "\n"

    "options:\n"
    "  --vary NAME=FROM:TO:STEP  what to vary, e.g. agency_cap.rn_b5=25:45:5\n"
    "  --lp              plan mode at every point (fast; fractional staff)\n"
    "  --silo            partners alone at every point\n"
    "  --out DIR         write sweep.csv, sweep.svg (the chart) and report.html\n"
    "  --db FILE         the run database (default: muster.db)\n"
    "  --time-limit S    seconds for each point's rota search (per point, not for\n"
    "                    the sweep; a point that searches its silo rota first,\n"
    "                    for the caps, shares them between its two searches);\n"
    "                    without it each rota search stops when proven optimal\n"
    "                    or after 10,000 simplex iterations after its relaxation\n"
    "                    (per search, so per point: the same rotas on every run)\n"
    "  --shard I/N       solve only part I of N: the points k (0-based, in the\n"
    "                    table's order) with k mod N = I - 1, warm-started from\n"
    "                    the shard's previous point, recorded in --db (one per\n"
    "                    shard); 'muster merge' then makes one sweep of the N\n"
    "                    databases, equal to one process's. Not with --out: 1/1\n"
    "                    is the whole sweep\n"
    "  --keep PLAN       every point re-plans a published rota (a plan.csv or\n"
    "                    run:ID; see muster solve --help), change penalties and all\n"
    "  --now WHEN        with --keep, YYYY-MM-DDTHH:MM (or 'YYYY-MM-DD HH:MM'):\n"
    "                    the past, fixed\n"
    "  --scenarios FILE  each point a two-stage plan on FILE: expected figures\n"
    "\n"
    "exit codes: 0 swept; 3 swept, but some point's plan leaves a demand row below\n"
    "its safe minimum; 2 bad usage or scenario (or --db names another program's\n"
    "database); 1 I/O, database or solver failure, or a second Ctrl-C (with --lp,\n"
    "the first): nothing is recorded then, unless writing DIR fails, or Ctrl-C\n"
    "comes, after the sweep was recorded -\n"
    "the message then says which sweep and runs are recorded. In rota mode the\n"
    "first Ctrl-C stops the point at hand with its best rota, every later point\n"
    "as soon as it has its rounded rota, and the sweep is recorded whole.\n";

_Static_assert(CLI_MAX_VARY <= FLOW_SWEEP_MAX_VARY, "every --vary fits a sweep's point");

/* What the sweep's lines need while it solves. */
struct view {
	struct cli_progress progress; /* first: cli_run_hooks's context */
	const struct flow_sweep_request *req;
	bool is_tty;
};

/* Parses the --vary options against sc into vary[]; *n_vary counts those
 * parsed (to release), *n_all the points in all. Prints the first error. */
static int parse_vary(const struct cli_options *a, struct mu_scenario *sc, struct flow_vary *vary,
                      size_t *n_vary, size_t *n_all)
{
	struct mu_err err;
	size_t k, j;
	mu_err_clear(&err);
	*n_all = 1;
	for (k = 0; k < a->n_vary; k++) {
		if (flow_vary_parse(sc, a->vary[k], &vary[k], &err) != MU_OK)
			return cli_fail(&err);
		(*n_vary)++;
		for (j = 0; j < k; j++)
			if (flow_vary_overlaps(&vary[j], &vary[k]))
				return cli_usage_error("sweep",
				                       "--vary %s and --vary %s set the same thing",
				                       vary[j].name, vary[k].name);
		*n_all *= vary[k].n_values;
		if (*n_all > FLOW_SWEEP_MAX_POINTS)
			return cli_usage_error("sweep", "more than %d points in all",
			                       FLOW_SWEEP_MAX_POINTS);
	}
	/* a sweep that could show nothing, or a point the reader would
	 * refuse, before anything is solved */
	if (flow_vary_check(sc, vary, *n_vary, &err) != MU_OK)
		return cli_fail(&err);
	return 0;
}

/* The bar on stderr, after each point. */
static void on_point(void *ctx, const struct flow_sweep *sw, size_t done)
{
	const struct view *v = ctx;
	const struct flow_sweep_point *pt = &sw->points[done - 1];
	char m[2][MU_MONEY_SIZE];
	size_t width = 24, k, filled = width * done / sw->n_points;
	if (!v->is_tty)
		return;
	fprintf(stderr, "\r\033[K  sweep [");
	for (k = 0; k < width; k++)
		fputc(k < filled ? '#' : '-', stderr);
	fprintf(stderr, "] %zu/%zu, %.0f s; %s=%g: spend %s, penalties %s", done, sw->n_points,
	        mu_time_now() - v->req->started, v->req->vary[0].name, pt->values[0],
	        cli_money(m[0], pt->view.system.spend_total),
	        mu_format_weight(m[1], pt->view.system.penalty_total, 2));
	fflush(stderr);
}

/* The status column: "optimal", or "best found, within 0.05%" for a rota
 * search stopped by its limit (its proven gap). */
static const char *point_status(const struct flow_sweep_point *pt, char *buf)
{
	return mu_format_status(buf, pt->view.status, pt->view.has_gap, pt->view.gap);
}

static void print_table(const struct flow_sweep_request *req, const struct flow_sweep *sw)
{
	char m[3][MU_MONEY_SIZE], status[MU_STATUS_SIZE];
	size_t p, k;
	int width = (int)strlen("status"), vary_width[FLOW_SWEEP_MAX_VARY];
	for (p = 0; p < sw->n_points; p++) {
		int n = (int)strlen(point_status(&sw->points[p], status));
		width = n > width ? n : width;
	}
	for (k = 0; k < req->n_vary; k++) {
		const char *name = req->vary[k].name;
		vary_width[k] = (int)strlen(name) > 8 ? (int)strlen(name) : 8;
		printf("%*s ", vary_width[k], name);
	}
	/* spend is cash, penalties weights: two columns, never one cost */
	printf("%-*s %14s %14s %8s %4s %13s %9s %9s", width, "status", "spend", "penalties", "fill",
	       "red", "agency spend", "agency h", "unfilled");
	/* §3d: only when there is a rate to pay, so other sweeps print as before */
	if (sw->has_supply)
		printf(" %9s %9s %8s", "rate lo", "rate hi", "extra");
	/* §3f: only with discharge pathways */
	if (sw->has_flow)
		printf(" %9s %9s", "sent home", "bed-days");
	printf("\n");
	for (p = 0; p < sw->n_points; p++) {
		const struct flow_sweep_point *pt = &sw->points[p];
		const struct mu_totals *t = &pt->view.system;
		for (k = 0; k < req->n_vary; k++)
			printf("%*g ", vary_width[k], pt->values[k]);
		printf("%-*s %14s %14s %7.2f%% %4zu %13s %9.0f %9.0f", width,
		       point_status(pt, status), cli_money(m[0], t->spend_total),
		       mu_format_weight(m[2], t->penalty_total, 2), 100 * mu_totals_fill_rate(t),
		       t->n_red_flags, cli_money(m[1], t->spend[MU_SRC_AGENCY]),
		       t->hours[MU_SRC_AGENCY], t->unfilled_hours);
		if (sw->has_supply && isnan(pt->view.rate_lo))
			printf(" %9s %9s %8.1f", "-", "-", pt->view.extra_staff);
		else if (sw->has_supply)
			printf(" %9.2f %9.2f %8.1f", pt->view.rate_lo, pt->view.rate_hi,
			       pt->view.extra_staff);
		if (sw->has_flow)
			printf(" %9.1f %9.1f", pt->view.discharged, pt->view.bed_days);
		printf("\n");
	}
}

/* "--vary a=1:2:1 --vary b=3:4:1": the sweep as the store describes it. */
static void spec_of(const struct cli_options *a, struct mu_buf *spec)
{
	size_t k;
	for (k = 0; k < a->n_vary; k++)
		mu_buf_addf(spec, "%s--vary %s", k ? " " : "", a->vary[k]);
}

int cmd_sweep(int argc, char **argv)
{
	struct cli_options a;
	struct flow_vary vary[FLOW_SWEEP_MAX_VARY];
	struct flow_sweep_request req;
	struct flow_sweep sw;
	struct view view;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct io_store *st = NULL;
	struct mu_keep *keep = NULL;
	struct mu_draws *draws = NULL, *check = NULL;
	struct mu_err err;
	double started = mu_time_now(), time_read;
	struct mu_buf found = {NULL, 0, 0}, spec = {NULL, 0, 0};
	size_t n_vary = 0, n_all, k;
	enum mu_code rc;
	int status;
	char *staged = NULL; /* --out's outputs until the sweep is recorded */

	memset(&sw, 0, sizeof(sw));
	if (cli_print_help_if_asked(cmd_sweep_help, argc, argv))
		return 0;
	memset(&a, 0, sizeof(a));
	if ((status = cli_parse_options("sweep", argc, argv,
	                                CLI_OPT_SCENARIO | CLI_OPT_LP | CLI_OPT_SILO | CLI_OPT_OUT |
	                                    CLI_OPT_DB | CLI_OPT_TIME_LIMIT | CLI_OPT_VARY |
	                                    CLI_OPT_SHARD | CLI_OPT_KEEP | CLI_OPT_SCENARIOS,
	                                &a)) != 0)
		return status;
	if (a.check_scenarios)
		return cli_usage_error("sweep", "--check-scenarios is not supported by sweep: each "
		                                "point is a two-stage plan on --scenarios, its "
		                                "figures expected over them; muster solve or "
		                                "compare measures a plan on a second set");
	if (a.scenarios && a.n_shards)
		return cli_usage_error("sweep", "--scenarios with --shard is not supported yet: "
		                                "sweep the two-stage plans in one process");
	if (a.n_vary == 0)
		return cli_usage_error("sweep", "nothing to vary: give --vary NAME=FROM:TO:STEP");
	if (a.n_shards && a.out)
		return cli_usage_error(
		    "sweep", "--out with --shard: a shard solves part of the sweep, not the "
		             "whole table and chart; merge the shards' databases with "
		             "'muster merge'");
	if ((status = cli_load_scenario(a.scenario, &src, &sc)) != 0)
		return status;
	time_read = mu_time_now() - started;
	/* the kept plan is read against the scenario as given: a point's
	 * edits change values, never which rows there are */
	if (a.keep && (status = cli_load_keep(a.keep, a.db, a.now != NULL, a.now_minutes, a.is_lp,
	                                      sc, &keep)) != 0)
		goto done;
	if ((status = parse_vary(&a, sc, vary, &n_vary, &n_all)) != 0)
		goto done;
	for (k = 0; k < n_vary && a.scenarios; k++)
		if (vary[k].kind == FLOW_VARY_DEMAND) {
			status = cli_usage_error("sweep",
			                         "--vary %s with --scenarios is not supported: the "
			                         "scenarios file gives each scenario's required",
			                         vary[k].name);
			goto done;
		}
	if (a.scenarios && (status = cli_twostage_read(&a, sc, &draws, &check)) != 0)
		goto done;
	if ((status = cli_run_store_open(a.db, &st)) != 0)
		goto done;
	if ((status = cli_prepare_out(a.out)) != 0) /* before any solving */
		goto done;
	mu_err_clear(&err);
	if (a.out && io_outputs_begin(a.out, &staged, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	mu_buf_init(&spec);
	spec_of(&a, &spec);
	if (a.scenarios)
		mu_buf_addf(&spec, " --scenarios %s", a.scenarios);
	memset(&req, 0, sizeof(req));
	req.vary = vary;
	req.n_vary = n_vary;
	req.spec = spec.data;
	req.is_lp = a.is_lp;
	req.is_silo = a.is_silo;
	req.time_limit = a.time_limit;
	req.work_limit = cli_work_limit(&a);
	req.shard = a.shard;
	req.n_shards = a.n_shards;
	req.keep = keep;
	req.store = st;
	req.started = started;
	req.time_read = time_read;
	req.draws = draws;
	req.draws_file = a.scenarios;
	memset(&view, 0, sizeof(view));
	view.req = &req;
	view.is_tty = isatty(STDERR_FILENO);
	/* each point's own search shows no line: the bar says the sweep's */
	cli_run_hooks(&view.progress, false, &req.hooks);
	if (!a.is_lp)
		cli_run_keep_on_interrupt(&req.hooks);
	req.hooks.ctx = &view;
	req.on_point = on_point;
	flow_sweep_init(&sw, &req);
	if (sw.n_points == 0) { /* a job array wider than the sweep */
		printf("Shard %lu/%lu of a sweep of %zu points has no point to solve; nothing is "
		       "recorded\n",
		       a.shard, a.n_shards, sw.n_all);
		status = 0;
		goto done;
	}
	if (a.n_shards)
		printf("Sweeping %s, shard %lu/%lu: %zu of %zu %s solves ...\n",
		       cli_safe(a.scenario), a.shard, a.n_shards, sw.n_points, sw.n_all,
		       a.is_lp ? "plan" : "rota");
	else
		printf("Sweeping %s: %zu %s solve%s ...\n", cli_safe(a.scenario), sw.n_points,
		       a.is_lp ? "plan" : "rota", sw.n_points == 1 ? "" : "s");
	fflush(stdout);
	mu_err_clear(&err);
	rc = flow_sweep_solve(src, sc, &req, &sw, &err);
	if (view.is_tty)
		fputs("\r\033[K", stderr);
	if (rc != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	print_table(&req, &sw);
	mu_buf_init(&found);
	if (a.n_shards)
		printf("\nShard %lu/%lu: %zu of the sweep's %zu points (k mod %lu = %lu); 'muster "
		       "merge' puts the shards' databases together.\n",
		       a.shard, a.n_shards, sw.n_points, sw.n_all, a.n_shards, a.shard - 1);
	else {
		flow_sweep_say(&found, &req, &sw);
		printf("\n%s\n", found.data);
	}
	printf("sweep %lld recorded in %s (runs %lld to %lld) in %.1f s", (long long)sw.id,
	       cli_safe(a.db), (long long)sw.points[0].view.run_id,
	       (long long)sw.points[sw.n_points - 1].view.run_id, mu_time_now() - started);
	if (staged) {
		/* written once every point is recorded (sweep.csv names their
		 * runs), then moved into --out whole */
		if (flow_sweep_write(staged, src, sc, &req, &sw, &err) != MU_OK) {
			printf("\n");
			status = cli_fail(&err);
			goto done;
		}
		if (io_outputs_commit(staged, a.out, &err) != MU_OK) {
			printf("\n");
			cli_print_line(
			    stderr,
			    "muster: sweep %lld (runs %lld to %lld) is recorded in %s, but "
			    "its outputs could not all be put in %s: %s\n",
			    (long long)sw.id, (long long)sw.points[0].view.run_id,
			    (long long)sw.points[sw.n_points - 1].view.run_id, a.db, a.out,
			    err.msg);
			status = 1;
			goto done;
		}
		printf("; sweep.csv, sweep.svg, report.html in %s", cli_safe(a.out));
	}
	printf("\n");
	status = flow_sweep_has_red_flags(&sw) ? 3 : 0;
done:
	io_outputs_abandon(staged); /* gone already after the commit */
	free(staged);
	io_store_close(st);
	mu_buf_release(&found);
	mu_buf_release(&spec);
	flow_sweep_release(&sw);
	for (k = 0; k < n_vary; k++)
		flow_vary_release(&vary[k]);
	mu_keep_free(keep);
	mu_draws_free(draws);
	mu_draws_free(check);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
