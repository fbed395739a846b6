/*
 * cmd_demo.c - `muster demo`: solves the built-in example ICS twice - as one
 * system and as partners alone (silo) - and prints what a workforce lead
 * wants first: the headline (red flags, fill, spend by source and the
 * penalty weights apart, agency spend
 * against budget, break-glass, mutual aid), what working together is worth
 * and to whom, then the unfilled shifts and the next step.
 */
#include "cli.h"

#include "cli_compare.h"
#include "cli_options.h"
#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "core/mu_time.h"
#include "io/io_outputs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Simplex iterations for each rota search (sol_options' work_limit): the
 * system rota is proven optimal after 4,221 (2,674 before the example had
 * supply.csv), so 5,000 leaves it room; the silo rota, not provable in
 * minutes, stops at 4,865 (the step guard). The demo then takes 14-17 s
 * on the 2-core CI kind of machine, over a minute when others' jobs load
 * it (docs/commands.md, "muster demo"). */
#define DEMO_WORK_LIMIT 5000
#define DEMO_STR(x) #x
#define DEMO_STR_OF(x) DEMO_STR(x)

const char cmd_demo_help[] =
    "usage: muster demo [--out DIR] [--db FILE] [--time-limit S]\n"
    "\n"
    "Solves the built-in example ICS (three NHS trusts, two councils' adult\n"
    "social care, a homecare provider and a hospice over one week) as one\n"
    "system and as partners alone, and prints the headline: red flags and\n"
    "unfilled shifts, fill rate, spend by source (cash) and penalties (weights,\n"
    "not money), agency spend against budget, break-glass use, mutual aid, and\n"
    "what working together is worth against the silo rota. No files are\n"
    "needed; 'muster example DIR' writes the scenario out.\n"
    "\n"
    "Each rota search stops when its rota is proven optimal or after a fixed\n"
    "amount of work (" DEMO_STR_OF(
        DEMO_WORK_LIMIT) " simplex iterations), never by the clock, so the\n"
                         "figures are the same on every run.\n"
                         "\n"
                         "options:\n"
                         "  --out DIR         write report.html and compare.csv into DIR, and "
                         "each\n"
                         "                    rota's plan.csv and summary.csv into DIR/system, "
                         "DIR/silo\n"
                         "  --db FILE         the run database (default: muster.db)\n"
                         "  --time-limit S    S seconds for the whole demo instead, shared by its\n"
                         "                    two searches as compare shares them (its figures\n"
                         "                    may then change from run to run)\n"
                         "\n"
                         "Ctrl-C stops the search at hand and the demo goes on with the best\n"
                         "rota found (\"stopped by you\"), the next search stopping as soon as\n"
                         "it has its rounded rota; both are recorded.\n"
                         "\n"
                         "exit codes: 0 shown; 1 I/O, database or solver failure, or a second\n"
                         "Ctrl-C (the message says whether the system run was recorded); 2 bad\n"
                         "usage (or --db names another program's database).\n";

#define N_UNFILLED_SHOWN 8

static long days_spanned(const struct mu_scenario *sc)
{
	long first = sc->shifts[0].day, last = first;
	size_t i;
	for (i = 1; i < sc->n_shifts; i++) {
		first = sc->shifts[i].day < first ? sc->shifts[i].day : first;
		last = sc->shifts[i].day > last ? sc->shifts[i].day : last;
	}
	return last - first + 1;
}

/* Bank hours worked at a partner other than the worker's home: what a
 * shared bank adds over partners' own banks. */
static double shared_bank_hours(const struct mu_plan *plan)
{
	double h = 0;
	size_t i;
	for (i = 0; i < plan->n_rows; i++)
		if (plan->rows[i].source == MU_SRC_BANK &&
		    plan->rows[i].home != plan->rows[i].partner)
			h += plan->rows[i].hours;
	return h;
}

static void print_headline(const struct mu_scenario *sc, const struct flow_run *run)
{
	const struct mu_totals *t = &run->solved.plan->system;
	char m[6][MU_MONEY_SIZE];
	int w = cli_partner_id_width(sc, 7);
	size_t p, n;
	double *col, budgets = 0, sums[3] = {0, 0, 0};

	printf("System rota, the whole week:\n");
	printf("  red flags    %zu demand row%s below the safe minimum\n", t->n_red_flags,
	       t->n_red_flags == 1 ? "" : "s");
	printf("  fill rate    %.1f%% of %.0f required hours (%.0f h short)\n",
	       100 * mu_totals_fill_rate(t), t->required_hours, t->unfilled_hours);
	printf("  hours        own %.0f, mutual aid %.0f, bank %.0f, agency %.0f\n",
	       t->hours[MU_SRC_OWN], t->hours[MU_SRC_LEND], t->hours[MU_SRC_BANK],
	       t->hours[MU_SRC_AGENCY]);
	printf("  spend        %s in cash: agency %s, bank %s, mutual aid travel %s\n",
	       cli_money(m[0], t->spend_total), cli_money(m[1], t->spend[MU_SRC_AGENCY]),
	       cli_money(m[2], t->spend[MU_SRC_BANK]), cli_money(m[3], t->spend[MU_SRC_LEND]));
	/* penalties are weights and the objective adds them to spend (DESIGN.md
	 * §3): neither carries a pound sign */
	printf("  penalties    %s in penalty weights, not money: unfilled hours %s, agency tiers "
	       "%s, break-glass %s",
	       mu_format_weight(m[0], t->penalty_total, 2),
	       mu_format_weight(m[1], t->unfilled_penalty, 2),
	       mu_format_weight(m[2], t->penalty[MU_PEN_TIER], 2),
	       mu_format_weight(m[3], t->penalty[MU_PEN_BREAK_GLASS], 2));
	if (sc->n_flows > 0) /* patients fit to leave and in a bed (§3f) */
		printf(", bed-days %s", mu_format_weight(m[4], t->penalty[MU_PEN_BED_DAYS], 2));
	printf("\n");
	printf("  objective    %s (spend %s plus %s in penalty weights: what the plan "
	       "minimises)\n",
	       mu_format_weight(m[0], run->solved.objective, 2), cli_money(m[1], t->spend_total),
	       mu_format_weight(m[2], t->penalty_total, 2));
	printf("  agency spend %s", cli_money(m[0], t->spend[MU_SRC_AGENCY]));
	if (sc->settings.has_agency_budget)
		printf(" of the %s system budget (%.0f%%)",
		       cli_money(m[1], sc->settings.agency_budget),
		       100 * t->spend[MU_SRC_AGENCY] / sc->settings.agency_budget);
	printf("\n  break-glass  %.0f agency staff-shifts off framework or above the cap%s\n",
	       t->break_glass_shifts, sc->settings.allow_break_glass ? "" : " (not allowed)");
	printf("  mutual aid   %.0f hours lent between partners, %s recharged\n", t->lent_out_hours,
	       cli_money(m[0], t->recharge_in));
	printf(
	    "  shared bank  %.0f of %.0f bank hours worked away from the worker's home partner\n\n",
	    shared_bank_hours(run->solved.plan), t->hours[MU_SRC_BANK]);

	/* the partners' agency spend and aid, each rounded so that the shown
	 * rows add up to the system's row, their sum: the headline's figures
	 * (mu_format_round_to_total: no figure moves by a penny or an hour) */
	n = sc->n_partners;
	col = mu_malloc((6 * n + 1) * sizeof(double));
	for (p = 0; p < n; p++) {
		const struct mu_totals *pt = &run->solved.plan->partners[p];
		col[p] = pt->spend[MU_SRC_AGENCY];
		col[n + p] = pt->lent_out_hours;
		col[2 * n + p] = pt->hours[MU_SRC_LEND];
	}
	mu_format_round_to_total(col, n, 0.01, col + 3 * n);
	mu_format_round_to_total(col + n, n, 1, col + 4 * n);
	mu_format_round_to_total(col + 2 * n, n, 1, col + 5 * n);
	printf("  %-*s %6s %5s %12s %12s %10s %10s\n", w, "partner", "fill", "red", "agency",
	       "budget", "aid given", "aid recvd");
	for (p = 0; p < n; p++) {
		const struct mu_totals *pt = &run->solved.plan->partners[p];
		double fill = mu_totals_fill_rate(pt);
		printf("  %-*s", w, sc->partners[p].id);
		if (fill >= 0)
			printf(" %5.1f%%", 100 * fill);
		else
			printf(" %6s", "-");
		printf(" %5zu %12s %12s %9.0fh %9.0fh\n", pt->n_red_flags,
		       cli_money(m[0], col[3 * n + p]),
		       sc->partners[p].has_agency_budget
		           ? cli_money(m[1], sc->partners[p].agency_budget)
		           : "-",
		       col[4 * n + p], col[5 * n + p]);
		if (sc->partners[p].has_agency_budget)
			budgets += sc->partners[p].agency_budget;
	}
	for (p = 0; p < n; p++) {
		sums[0] += col[3 * n + p];
		sums[1] += col[4 * n + p];
		sums[2] += col[5 * n + p];
	}
	printf("  %-*s %5.1f%% %5zu %12s %12s %9.0fh %9.0fh\n", w, "system",
	       100 * mu_totals_fill_rate(t), t->n_red_flags, cli_money(m[0], sums[0]),
	       sc->settings.has_agency_budget ? cli_money(m[1], sc->settings.agency_budget) : "-",
	       sums[1], sums[2]);
	/* a budget is a limit, not a sum: say so where they differ */
	if (sc->settings.has_agency_budget && fabs(budgets - sc->settings.agency_budget) >= 0.005)
		printf("  (the system's agency budget is a limit of its own, not the sum of the "
		       "partners' %s)\n",
		       cli_money(m[0], budgets));
	free(col);
	cli_print_partner_legend(sc);
	printf("\n");
}

int cmd_demo(int argc, char **argv)
{
	struct cli_options a;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct flow_compare_request creq;
	struct cli_compare_view view;
	struct io_store *st = NULL;
	struct flow_compare cmp;
	struct mu_err err;
	double started = mu_time_now();
	int status;
	char *staged = NULL; /* --out's outputs until both runs are recorded */

	memset(&cmp, 0, sizeof(cmp));
	if (cli_print_help_if_asked(cmd_demo_help, argc, argv))
		return 0;
	memset(&a, 0, sizeof(a));
	if ((status = cli_parse_options("demo", argc, argv,
	                                CLI_OPT_OUT | CLI_OPT_DB | CLI_OPT_TIME_LIMIT, &a)) != 0)
		return status;
	if ((status = cli_load_scenario(NULL, &src, &sc)) != 0)
		return status;
	/* the database and the output folder, before any solving */
	if ((status = cli_run_store_open(a.db, &st)) != 0 || (status = cli_prepare_out(a.out)) != 0)
		goto done;
	mu_err_clear(&err);
	if (a.out && io_outputs_begin(a.out, &staged, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	printf("muster demo: the example ICS - %zu partners, %zu roles, %zu shifts over %ld days,\n"
	       "%zu bank workers, %zu agency offers, %zu mutual-aid agreements.\n\n",
	       sc->n_partners, sc->n_roles, sc->n_shifts, days_spanned(sc), sc->n_bank,
	       sc->n_agency, sc->n_agreements);
	memset(&creq, 0, sizeof(creq));
	creq.command = "demo";
	creq.store = st;
	creq.time_limit = a.time_limit;
	creq.work_limit = a.time_limit > 0 ? 0 : DEMO_WORK_LIMIT;
	creq.started = started;
	creq.out = staged;
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
	/* the answer first: what the system plan does, then what working
	 * together is worth and to whom (the comparison ends with it); then
	 * the rows a lead acts on, and what to do next */
	printf("\n");
	print_headline(sc, &cmp.run[FLOW_SYSTEM]);
	cli_compare_print(sc, &cmp);
	printf("\n");
	cli_run_print_unfilled(sc, &cmp.run[FLOW_SYSTEM], N_UNFILLED_SHOWN);
	if (a.out)
		printf("report.html and compare.csv are in %s; each rota's CSV files in %s/system "
		       "and %s/silo.\n\n",
		       cli_safe(a.out), cli_safe(a.out), cli_safe(a.out));
	printf("Next: write the example out as CSV files to edit into your own system, and "
	       "solve it:\n  muster example ex\n  muster solve ex --out out\n");
	status = 0;
done:
	io_outputs_abandon(staged); /* gone already after the commit */
	free(staged);
	io_store_close(st);
	flow_compare_release(&cmp);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
