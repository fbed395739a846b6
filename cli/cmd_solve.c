/*
 * cmd_solve.c - `muster solve SCENARIO`: builds the model of DESIGN.md §3,
 * solves it with GLPK (rota: integers; plan: --lp), writes the outputs and
 * records the run.
 */
#include "cli.h"

#include "cli_options.h"
#include "cli_run.h"
#include "cli_twostage.h"
#include "core/mu_buf.h"
#include "core/mu_format.h"
#include "core/mu_keep.h"
#include "core/mu_time.h"
#include "io/io_outputs.h"
#include "io/io_say.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Unfilled demand rows listed on the terminal; why.csv has them all. */
#define N_UNFILLED_SHOWN 5
/* Changes against the kept plan listed on the terminal; changes.csv has them all. */
#define N_CHANGES_SHOWN 10

const char cmd_solve_help[] =
    "usage: muster solve SCENARIO [--lp] [--silo] [--out DIR] [--db FILE]\n"
    "                    [--time-limit S] [--write-mps FILE]\n"
    "                    [--write-mps-natural FILE] [--keep PLAN [--now WHEN]]\n"
    "                    [--scenarios FILE [--check-scenarios FILE2]]\n"
    "\n"
    "Covers every partner's demand at least cost with own staff, mutual aid,\n"
    "the shared bank and agency, inside the pay caps, agency rules, working-time\n"
    "rules and budgets of the scenario. Prints the headline and records the run\n"
    "(the database is opened, and checked, before the solve).\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it:\n"
    "\n"
    "  muster solve ex --out out\n"
    "  muster solve ex --lp --out plan\n"
    "  muster solve ex --keep out/plan.csv --now 2026-12-02T12:00 --out replan\n"
    "\n"
    "options:\n"
    "  --lp              plan mode: the linear relaxation (fast; fractional staff)\n"
    "  --silo            as if partners worked alone: no lending, bank at home only\n"
    "  --out DIR         write plan.csv, summary.csv, why.csv (why each unfilled\n"
    "                    shift is unfilled), report.html, rota.csv (rota mode; the\n"
    "                    named rota) or prices.csv (plan mode; the shadow prices),\n"
    "                    and each partner's own plan.csv, rota.csv and report.html\n"
    "                    in DIR/partners/PARTNER\n"
    "  --db FILE         the run database (default: muster.db)\n"
    "  --time-limit S    stop the rota search after S seconds with the best rota\n"
    "                    found (under guarantee unfilled the silo rota, searched\n"
    "                    first for the caps, and the system rota share the S\n"
    "                    seconds); without it each rota search stops when proven\n"
    "                    optimal or after 10,000 simplex iterations after its\n"
    "                    relaxation (per search: the same rota on every run);\n"
    "                    Ctrl-C stops it too and keeps the best rota\n"
    "                    found (recorded, \"stopped by you\"); Ctrl-C again quits\n"
    "                    at once, recording nothing (--lp: the first does)\n"
    "  --write-mps FILE  also write the model solved as free MPS, for another\n"
    "                    solver to check (its bank pooled: workers of a role\n"
    "                    cleared for the same partners share columns on a\n"
    "                    shift; rota: without the extra rows muster adds,\n"
    "                    which every rota meets)\n"
    "  --write-mps-natural FILE\n"
    "                    also write the natural model of the scenario as free\n"
    "                    MPS: one bank column per worker, shift, partner and\n"
    "                    role, as one would write it by hand for another solver\n"
    "  --keep PLAN       re-plan a published rota: PLAN is a plan.csv muster wrote,\n"
    "                    or run:ID (a run in --db); its bank assignments and agency\n"
    "                    bookings stay unless changing one lowers the objective\n"
    "                    by more than the change_penalty setting (150, a penalty\n"
    "                    weight); those no longer possible are dropped\n"
    "                    (forced); writes changes.csv and lists the changes\n"
    "  --now WHEN        with --keep, YYYY-MM-DDTHH:MM (or 'YYYY-MM-DD HH:MM'):\n"
    "                    shifts that started before it are history, fixed as\n"
    "                    PLAN has them\n"
    "  --scenarios FILE  a two-stage plan (DESIGN.md §3e) on a scenarios.csv kept\n"
    "                    outside the folder: bank and agency booked now, the rest\n"
    "                    on the day; writes plan.csv, day.csv, risk.csv\n"
    "  --check-scenarios FILE2\n"
    "                    measure it on a second set against the plan for\n"
    "                    demand.csv's required alone\n"
    "\n"
    "exit codes: 0 solved; 3 solved, but a demand row is below its safe minimum;\n"
    "2 bad usage or scenario (or --db names another program's database); 1 I/O,\n"
    "database or solver failure, or a second Ctrl-C (with --lp, the first):\n"
    "nothing is recorded then, unless the message says which run was.\n";

/* The bank's preferences and fair share (DESIGN.md §3b), indented. */
static void print_bank(const struct mu_scenario *sc, const struct mu_plan *plan)
{
	struct mu_bank_use use;
	struct mu_buf b;
	const char *line;
	mu_plan_bank_use(plan, sc, MU_ALL, &use);
	mu_buf_init(&b);
	io_say_bank(&b, sc, &use);
	for (line = b.data; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		printf("  %.*s\n", (int)n, line);
		line += n + (end != NULL);
	}
	mu_buf_release(&b);
}

/* Each discharge pathway's horizon (DESIGN.md §3f), indented. */
static void print_flows(const struct mu_scenario *sc, const struct mu_plan *plan)
{
	struct mu_buf b;
	size_t f;
	mu_buf_init(&b);
	for (f = 0; f < sc->n_flows; f++) {
		struct io_say_flow sum;
		io_say_flow_sum(&sum, sc, plan, f);
		mu_buf_reset(&b);
		io_say_flow(&b, sc, f, &sum);
		cli_print_line(stdout, "  %s\n", b.data);
	}
	mu_buf_release(&b);
}

int cmd_solve(int argc, char **argv)
{
	struct cli_options a;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct io_store *st = NULL;
	struct mu_keep *keep = NULL;
	struct flow_run_request req;
	struct flow_run run;
	struct cli_progress progress;
	struct mu_err err;
	const struct pol_solved *res = &run.solved;
	const struct mu_totals *sys;
	char money[2][MU_MONEY_SIZE], words[MU_STATUS_SIZE], stop[MU_STOP_SIZE];
	int status;
	int64_t run_id = 0;
	char *staged = NULL; /* --out's outputs until the run is recorded */

	memset(&req, 0, sizeof(req));
	memset(&run, 0, sizeof(run));
	req.started = mu_time_now();
	if (cli_print_help_if_asked(cmd_solve_help, argc, argv))
		return 0;
	memset(&a, 0, sizeof(a));
	if ((status = cli_parse_options("solve", argc, argv,
	                                CLI_OPT_SCENARIO | CLI_OPT_LP | CLI_OPT_SILO | CLI_OPT_OUT |
	                                    CLI_OPT_DB | CLI_OPT_TIME_LIMIT | CLI_OPT_WRITE_MPS |
	                                    CLI_OPT_KEEP | CLI_OPT_SCENARIOS,
	                                &a)) != 0)
		return status;
	if ((status = cli_load_scenario(a.scenario, &src, &sc)) != 0)
		return status;
	if (a.scenarios) {
		status = cli_twostage_solve(&a, src, sc);
		goto done;
	}
	if (a.keep && (status = cli_load_keep(a.keep, a.db, a.now != NULL, a.now_minutes, a.is_lp,
	                                      sc, &keep)) != 0)
		goto done;
	/* the database and the output folder, before any solving */
	if ((status = cli_run_store_open(a.db, &st)) != 0 || (status = cli_prepare_out(a.out)) != 0)
		goto done;
	mu_err_clear(&err);
	if (a.out && io_outputs_begin(a.out, &staged, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	req.command = "solve";
	req.is_lp = a.is_lp;
	req.is_silo = a.is_silo;
	req.time_limit = a.time_limit;
	req.work_limit = cli_work_limit(&a);
	req.mps = a.mps;
	req.mps_natural = a.mps_natural;
	req.out = staged;
	req.is_report = true;
	req.label = src->label;
	req.keep = keep;
	req.time_read = mu_time_now() - req.started;
	progress.what = flow_run_mode_name(&req);
	progress.time_limit = req.time_limit;
	cli_run_hooks(&progress, true, &req.hooks);
	if (!a.is_lp)
		cli_run_keep_on_interrupt(&req.hooks);
	mu_err_clear(&err);
	if (flow_run_solve(sc, &req, &run, &err) != MU_OK ||
	    flow_run_record(st, src, sc, &req, &run, &run_id, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	/* the page names the run, so it is written once the run is recorded,
	 * and before the outputs go into --out */
	if (staged && (flow_run_write_report(sc, &req, &run, run_id, &err) != MU_OK ||
	               io_outputs_commit(staged, a.out, &err) != MU_OK)) {
		cli_print_line(stderr,
		               "muster: run %lld is recorded in %s, but its outputs could not "
		               "all be put in %s: %s\n",
		               (long long)run_id, a.db, a.out, err.msg);
		status = 1;
		goto done;
	}

	sys = &res->plan->system;
	printf("%s %s: %s", cli_safe(a.scenario), flow_run_mode_name(&req),
	       mu_format_status(words, res->status, !a.is_lp && res->has_bound, res->gap));
	if (res->status == MU_STATUS_FEASIBLE && !a.is_lp && res->has_bound)
		printf(" of the best possible");
	/* the objective and its bound are spend plus penalty weights
	 * (DESIGN.md §3): no pound sign */
	printf(", objective %s", mu_format_weight(money[0], res->objective, 2));
	if (!a.is_lp && res->has_bound)
		printf(", bound %s", mu_format_weight(money[1], res->bound, 2));
	if (res->status == MU_STATUS_FEASIBLE)
		printf(" (%s: not proven optimal)",
		       mu_format_stop(stop, res->stopped_by, res->work, req.work_limit));
	if (run.changes) {
		printf(", %zu change%s to the kept plan", run.changes->n_rows,
		       run.changes->n_rows == 1 ? "" : "s");
		if (run.changes->n_forced > 0)
			printf(" (%zu forced)", run.changes->n_forced);
	}
	printf("\n  spend %s (cash), penalties %s (weights, not money)\n",
	       cli_money(money[0], sys->spend_total),
	       mu_format_weight(money[1], sys->penalty_total, 2));
	printf("  fill rate %.1f%%, %zu red flag%s, agency spend %s, break-glass %.0f "
	       "staff-shifts\n",
	       100 * mu_totals_fill_rate(sys), sys->n_red_flags, sys->n_red_flags == 1 ? "" : "s",
	       cli_money(money[0], sys->spend[MU_SRC_AGENCY]), sys->break_glass_shifts);
	/* only where preferences or a fair share are in the model, so that
	 * a scenario without them prints as before */
	if (io_say_has_bank_rules(sc))
		print_bank(sc, res->plan);
	if (sc->n_flows > 0)
		print_flows(sc, res->plan);
	if (run.changes) {
		printf("\n");
		cli_run_print_changes(sc, &run, N_CHANGES_SHOWN);
	}
	if (sys->n_unfilled_rows > 0) {
		if (!run.changes) /* its section ends with a blank line */
			printf("\n");
		cli_run_print_unfilled(sc, &run, N_UNFILLED_SHOWN);
	}
	printf("  model %zu rows, %zu columns, %zu non-zeros; built in %.3f s, solved in %.2f s\n",
	       res->n_rows, res->n_cols, res->n_nonzeros, res->time_build, res->time_solve);
	printf("  run %lld recorded in %s", (long long)run_id, cli_safe(a.db));
	if (a.out)
		printf(
		    "; plan.csv, summary.csv, why.csv, %s,%s%s%s report.html and partners/ in %s",
		    a.is_lp ? "prices.csv" : "rota.csv",
		    io_report_has_rates(sc) ? " rates.csv (the rate paid on each shift)," : "",
		    sc->n_flows > 0 ? " discharges.csv (who goes home on which day)," : "",
		    keep ? " changes.csv, calls.csv (the bank workers to phone), bookings.csv "
		           "(the agency bookings to make and cancel),"
		         : "",
		    cli_safe(a.out));
	printf("\n");
	status = sys->n_red_flags > 0 ? 3 : 0;
done:
	io_outputs_abandon(staged); /* gone already after the commit */
	free(staged);
	io_store_close(st);
	flow_run_release(&run);
	mu_keep_free(keep);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
