/*
 * cmd_solve.c - `muster solve SCENARIO`: builds the model of DESIGN.md §3,
 * solves it with GLPK (rota: integers; plan: --lp), writes the outputs and
 * records the run.
 */
#include "cli.h"

#include "core/mu_time.h"
#include "io/io_report.h"
#include "io/io_store.h"
#include "policies/pol_build.h"
#include "policies/pol_plan.h"
#include "solver/sol_glpk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cmd_solve_help[] =
    "usage: muster solve SCENARIO [--lp] [--silo] [--out DIR] [--db FILE]\n"
    "                    [--time-limit S] [--write-mps FILE]\n"
    "\n"
    "Covers every partner's demand at least cost with own staff, mutual aid,\n"
    "the shared bank and agency, inside the pay caps, agency rules, working-time\n"
    "rules and budgets of the scenario. Prints the headline and records the run.\n"
    "\n"
    "options:\n"
    "  --lp              plan mode: the linear relaxation (fast; fractional staff)\n"
    "  --silo            as if partners worked alone: no lending, bank at home only\n"
    "  --out DIR         write plan.csv and summary.csv into DIR\n"
    "  --db FILE         the run database (default: muster.db)\n"
    "  --time-limit S    stop after S seconds with the best rota found\n"
    "  --write-mps FILE  also write the model solved as free MPS\n"
    "\n"
    "exit codes: 0 solved; 3 solved, but a demand row is below its safe minimum;\n"
    "2 bad usage or scenario; 1 I/O, database or solver failure.\n";

struct solve_args {
	const char *scenario, *out, *db, *mps;
	bool is_lp, is_silo;
	double time_limit;
};

static int parse(int argc, char **argv, struct solve_args *a)
{
	int i = 1;
	memset(a, 0, sizeof(*a));
	a->db = CLI_DEFAULT_DB;
	while (i < argc) {
		bool is_missing = false;
		const char *v;
		if (strcmp(argv[i], "--lp") == 0) {
			a->is_lp = true;
			i++;
		} else if (strcmp(argv[i], "--silo") == 0) {
			a->is_silo = true;
			i++;
		} else if ((v = cli_option_value(argc, argv, &i, "--out", &is_missing))) {
			a->out = v;
		} else if ((v = cli_option_value(argc, argv, &i, "--db", &is_missing))) {
			a->db = v;
		} else if ((v = cli_option_value(argc, argv, &i, "--write-mps", &is_missing))) {
			a->mps = v;
		} else if ((v = cli_option_value(argc, argv, &i, "--time-limit", &is_missing))) {
			char *end;
			a->time_limit = strtod(v, &end);
			if (*end || end == v || !(a->time_limit > 0) || a->time_limit > 1e6)
				return cli_usage_error("solve",
				                       "invalid --time-limit '%s' (seconds)", v);
		} else if (is_missing) {
			return cli_usage_error("solve", "%s needs a value", argv[i - 1]);
		} else if (argv[i][0] == '-') {
			return cli_usage_error("solve", "unknown option '%s'", argv[i]);
		} else if (a->scenario) {
			return cli_usage_error("solve", "unexpected argument '%s'", argv[i]);
		} else {
			a->scenario = argv[i++];
		}
	}
	if (!a->scenario)
		return cli_usage_error("solve", "missing SCENARIO folder");
	return 0;
}

int cmd_solve(int argc, char **argv)
{
	struct solve_args a;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct pol_build *b = NULL;
	struct pol_plan *plan = NULL;
	struct sol_options opt;
	struct sol_result res;
	struct io_store *st = NULL;
	struct io_run run;
	struct mu_err err;
	double t0 = mu_time_now(), t_read, t_build;
	int status;
	int64_t run_id = 0;

	if (cli_print_help_if_asked("solve", argc, argv))
		return 0;
	if ((status = parse(argc, argv, &a)) != 0)
		return status;
	if ((status = cli_load_scenario(a.scenario, &src, &sc)) != 0)
		return status;
	t_read = mu_time_now() - t0;
	mu_err_clear(&err);
	memset(&res, 0, sizeof(res));
	b = pol_build_new(sc, a.is_silo);
	t_build = mu_time_now() - t0 - t_read;
	if (a.mps && sol_glpk_write_mps(b->m, !a.is_lp, a.mps, &err) != MU_OK)
		goto fail;
	opt.is_mip = !a.is_lp;
	opt.time_limit = a.time_limit;
	if (sol_glpk_solve(b->m, &opt, &res, &err) != MU_OK)
		goto fail;
	if (res.status != SOL_OPTIMAL && res.status != SOL_FEASIBLE) {
		mu_err_set(&err, MU_E_SOLVER, "%s: the solver found no plan (%s)", a.scenario,
		           sol_status_name(res.status));
		goto fail;
	}
	plan = pol_plan_new(b, res.x);
	if (a.out &&
	    (io_report_write_plan(a.out, plan->rows, plan->n_rows, &err) != MU_OK ||
	     io_report_write_summary(a.out, sc, plan->partners, &plan->system, &err) != MU_OK))
		goto fail;

	memset(&run, 0, sizeof(run));
	run.command = "solve";
	run.mode = a.is_lp ? "plan" : "rota";
	run.is_silo = a.is_silo;
	run.status = sol_status_name(res.status);
	run.has_objective = true;
	run.objective = res.objective;
	run.has_bound = res.has_bound;
	run.best_bound = res.bound;
	run.has_gap = !a.is_lp && res.has_bound;
	run.gap = res.gap;
	run.time_read = t_read;
	run.time_build = t_build;
	run.time_solve = res.solve_seconds;
	run.time_total = mu_time_now() - t0;
	run.n_rows = (long)res.n_rows;
	run.n_cols = (long)res.n_cols;
	run.n_nonzeros = (long)res.n_nonzeros;
	run.plan = plan->rows;
	run.n_plan = plan->n_rows;
	if (io_store_open(a.db, true, &st, &err) != MU_OK ||
	    io_store_add_run(st, src, &run, &run_id, &err) != MU_OK)
		goto fail;

	printf("%s %s%s: %s, cost £%.2f", a.scenario, run.mode, a.is_silo ? " (silo)" : "",
	       run.status, res.objective);
	if (run.has_gap)
		printf(", gap %.2f%%", 100 * res.gap);
	printf("\n  fill rate %.1f%%, %zu red flag%s, agency spend £%.2f, break-glass %.0f\n",
	       100 * io_report_fill_rate(&plan->system), plan->system.n_red_flags,
	       plan->system.n_red_flags == 1 ? "" : "s", plan->system.agency_spend,
	       plan->system.break_glass_shifts);
	printf("  model %zu rows, %zu columns; solved in %.2f s; run %lld in %s\n", res.n_rows,
	       res.n_cols, res.solve_seconds, (long long)run_id, a.db);
	status = plan->system.n_red_flags > 0 ? 3 : 0;
	goto done;
fail:
	status = cli_fail(&err);
done:
	io_store_close(st);
	pol_plan_free(plan);
	sol_result_release(&res);
	pol_build_free(b);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
