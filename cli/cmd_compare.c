/*
 * cmd_compare.c - `muster compare SCENARIO`: the system plan and the silo
 * plan side by side, per partner and in total, and what working together
 * is worth in pounds and in filled hours.
 */
#include "cli.h"

#include "cli_compare.h"
#include "cli_options.h"
#include "cli_twostage.h"
#include "core/mu_keep.h"
#include "core/mu_time.h"
#include "io/io_outputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cmd_compare_help[] =
    "usage: muster compare SCENARIO [--lp] [--out DIR] [--db FILE] [--time-limit S]\n"
    "                      [--keep PLAN [--now WHEN]]\n"
    "                      [--scenarios FILE [--check-scenarios FILE2]]\n"
    "\n"
    "Solves the scenario twice: as one system, and as if partners worked alone\n"
    "(silo: no lending between partners, each bank worker only at their home\n"
    "partner; agency offers and budgets as they are). Prints both side by side,\n"
    "in total and partner by partner - spend by source (pounds), penalties and\n"
    "the objective (weights, not money), fill rate, red flags, agency spend,\n"
    "mutual aid - and the value of working together in pounds and in filled\n"
    "hours. Each run is recorded as soon as it is solved (the database\n"
    "is opened, and checked, before the first solve). When some role's bank\n"
    "supply answers the rate (supply.csv, an elasticity above 0) it adds a\n"
    "third plan, bidding: the silo plan with every bank staff-shift paid the\n"
    "highest rate any partner alone reached on its role and shift (no solve),\n"
    "and says what the shared rate card is worth, in cash and filled hours,\n"
    "apart from what mutual aid and the shared bank are worth.\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it:\n"
    "\n"
    "  muster compare ex --lp --out cmp\n"
    "\n"
    "options:\n"
    "  --lp              plan mode for both (fast; fractional staff)\n"
    "  --out DIR         write compare.csv and report.html into DIR, and each\n"
    "                    plan's plan.csv and summary.csv into DIR/system, DIR/silo\n"
    "  --db FILE         the run database (default: muster.db)\n"
    "  --time-limit S    seconds for the whole command, shared: each search gets\n"
    "                    an equal share of what is left when it begins (system\n"
    "                    50%, silo 50%; under the guarantee silo, system and the\n"
    "                    unguaranteed system a third each), time one leaves\n"
    "                    passing on; without it each rota search stops when\n"
    "                    proven optimal or after 10,000 simplex iterations after\n"
    "                    its relaxation (per search, not shared: the same rotas\n"
    "                    on every run)\n"
    "  --keep PLAN       both plans re-plan a published rota (a plan.csv or run:ID;\n"
    "                    see muster solve --help); in the silo a kept assignment\n"
    "                    away from home is impossible, so dropped (forced)\n"
    "  --now WHEN        with --keep, YYYY-MM-DDTHH:MM (or 'YYYY-MM-DD HH:MM'):\n"
    "                    the past, fixed\n"
    "  --scenarios FILE  both plans two-stage (DESIGN.md §3e; see muster solve\n"
    "                    --help) on the same scenarios, compared on expected\n"
    "                    spend, penalties, filled hours and chance of a red flag;\n"
    "                    each plan's plan.csv, day.csv and risk.csv in DIR/system,\n"
    "                    DIR/silo; no bidding plan\n"
    "  --check-scenarios FILE2\n"
    "                    the figures measured on a second set instead\n"
    "\n"
    "exit codes: 0 compared; 3 compared, but the system plan leaves a demand row\n"
    "below its safe minimum; 2 bad usage or scenario (or --db names another\n"
    "program's database); 1 I/O, database or solver failure, or a second Ctrl-C\n"
    "(with --lp, the first; the message says whether the system run was\n"
    "recorded). In rota mode the first Ctrl-C stops the search at hand and\n"
    "compare goes on with the best rota found (\"stopped by you\"), the next\n"
    "search stopping as soon as it has its rounded rota; both are recorded.\n";

int cmd_compare(int argc, char **argv)
{
	struct cli_options a;
	struct flow_compare_request creq;
	struct cli_compare_view view;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct io_store *st = NULL;
	struct mu_keep *keep = NULL;
	struct mu_draws *draws = NULL, *check = NULL;
	struct flow_compare cmp;
	struct mu_err err;
	int status;
	char *staged = NULL; /* --out's outputs until both runs are recorded */

	memset(&cmp, 0, sizeof(cmp));
	memset(&creq, 0, sizeof(creq));
	creq.started = mu_time_now();
	if (cli_print_help_if_asked(cmd_compare_help, argc, argv))
		return 0;
	memset(&a, 0, sizeof(a));
	if ((status = cli_parse_options("compare", argc, argv,
	                                CLI_OPT_SCENARIO | CLI_OPT_LP | CLI_OPT_OUT | CLI_OPT_DB |
	                                    CLI_OPT_TIME_LIMIT | CLI_OPT_KEEP | CLI_OPT_SCENARIOS,
	                                &a)) != 0)
		return status;
	if ((status = cli_load_scenario(a.scenario, &src, &sc)) != 0)
		return status;
	if (a.keep && (status = cli_load_keep(a.keep, a.db, a.now != NULL, a.now_minutes, a.is_lp,
	                                      sc, &keep)) != 0)
		goto done;
	if (a.scenarios && (status = cli_twostage_read(&a, sc, &draws, &check)) != 0)
		goto done;
	/* the database and the output folder, before any solving */
	if ((status = cli_run_store_open(a.db, &st)) != 0 || (status = cli_prepare_out(a.out)) != 0)
		goto done;
	mu_err_clear(&err);
	if (a.out && io_outputs_begin(a.out, &staged, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	creq.command = "compare";
	creq.store = st;
	creq.is_lp = a.is_lp;
	creq.time_limit = a.time_limit;
	creq.work_limit = cli_work_limit(&a);
	creq.out = staged;
	creq.keep = keep;
	creq.draws = draws;
	creq.check = check;
	creq.draws_file = a.scenarios;
	creq.check_file = a.check_scenarios;
	cli_compare_hooks(&view, &creq);
	mu_err_clear(&err);
	if (flow_compare_solve(src, sc, &creq, &cmp, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	if (staged && io_outputs_commit(staged, a.out, &err) != MU_OK) {
		cli_print_line(stderr,
		               "muster: the system and silo runs are recorded in %s, but their "
		               "outputs could not all be put in %s: %s\n",
		               a.db, a.out, err.msg);
		status = 1;
		goto done;
	}
	if (cmp.is_twostage) {
		status = cli_twostage_print_compare(&a, sc, &cmp);
		goto done;
	}
	printf("\nThe system plan:\n");
	cli_run_print_changes(sc, &cmp.run[FLOW_SYSTEM], 10);
	cli_run_print_unfilled(sc, &cmp.run[FLOW_SYSTEM], 5);
	cli_compare_print(sc, &cmp);
	if (a.out)
		printf("\ncompare.csv and report.html are in %s; each plan's CSV files in "
		       "%s/system and %s/silo.\n",
		       cli_safe(a.out), cli_safe(a.out), cli_safe(a.out));
	status = cmp.run[FLOW_SYSTEM].solved.plan->system.n_red_flags > 0 ? 3 : 0;
done:
	io_outputs_abandon(staged); /* gone already after the commit */
	free(staged);
	io_store_close(st);
	flow_compare_release(&cmp);
	mu_draws_free(draws);
	mu_draws_free(check);
	mu_keep_free(keep);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
