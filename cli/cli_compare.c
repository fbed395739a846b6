/*
 * cli_compare.c - the comparison of flows/flow_compare.c on the terminal:
 * each solve as it goes, then the system and silo plans side by side.
 */
#include "cli_compare.h"

#include "cli.h"

#include "core/mu_format.h"
#include "io/io_report.h"
#include "io/io_html.h"
#include "io/io_say.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "optimal in 8.1 s (4578 simplex iterations)", or "best found, within
 * 1.9% of the best possible, in 9.8 s (stopped at 4963 of its 5000 simplex
 * iterations)" */
static void print_outcome(const struct cli_compare_view *v, const struct pol_solved *s)
{
	char status[MU_STATUS_SIZE], stop[MU_STOP_SIZE];
	bool has_gap = !v->is_lp && s->has_bound;
	printf("%s", mu_format_status(status, s->status, has_gap, s->gap));
	if (s->status == MU_STATUS_FEASIBLE && has_gap)
		printf(" of the best possible,");
	printf(" in %.1f s", s->time_solve);
	if (s->status == MU_STATUS_FEASIBLE)
		printf(" (%s)", mu_format_stop(stop, s->stopped_by, s->work, v->work_limit));
	else if (!v->is_lp)
		printf(" (%ld simplex iterations)", s->work);
}

static void on_step(void *ctx, const struct flow_compare_step *step)
{
	struct cli_compare_view *v = ctx;
	const char *what = v->is_lp ? "plan" : "rota";
	if (step->phase == FLOW_COMPARE_BEGIN) {
		if (step->run == FLOW_UNGUARANTEED)
			printf("Solving the system %s without the guarantee, for its price (not "
			       "recorded)",
			       what);
		else
			printf("Solving the %s %s%s", step->run == FLOW_SYSTEM ? "system" : "silo",
			       what,
			       step->run == FLOW_SILO ? " (each partner alone)"
			       : step->is_guaranteed
			           ? " (no partner's unfilled penalty above its silo plan's)"
			           : "");
		/* its share of the whole command's --time-limit (flow_compare) */
		if (step->time_limit > 0)
			printf(", up to %.1f s of the %g s limit", step->time_limit, v->time_limit);
		printf(" ... ");
		v->progress.time_limit = step->time_limit;
		fflush(stdout);
		v->progress.what =
		    step->run == FLOW_SILO ? (v->is_lp ? "plan (silo)" : "rota (silo)") : what;
		return;
	}
	if (step->phase == FLOW_COMPARE_FAILED) {
		printf("failed\n");
		return;
	}
	print_outcome(v, step->solved);
	if (step->run == FLOW_UNGUARANTEED)
		printf("\n");
	else
		printf(", run %lld\n", (long long)step->id);
}

void cli_compare_hooks(struct cli_compare_view *v, struct flow_compare_request *creq)
{
	memset(v, 0, sizeof(*v));
	v->is_lp = creq->is_lp;
	v->time_limit = creq->time_limit;
	v->work_limit = creq->work_limit;
	v->progress.what = creq->is_lp ? "plan" : "rota";
	v->progress.time_limit = creq->time_limit;
	cli_run_hooks(&v->progress, true, &creq->hooks);
	if (!creq->is_lp)
		cli_run_keep_on_interrupt(&creq->hooks);
	creq->hooks.ctx = v;
	creq->on_step = on_step;
}

static void money_row(const char *what, double a, double b)
{
	char m[3][MU_MONEY_SIZE];
	printf("  %-26s %15s %15s %15s\n", what, cli_money(m[0], a), cli_money(m[1], b),
	       cli_money(m[2], a - b));
}

/* Penalty weights, and totals that hold them: plain numbers (DESIGN.md §3) */
static void weight_row(const char *what, double a, double b)
{
	char m[3][MU_MONEY_SIZE];
	printf("  %-26s %15s %15s %15s\n", what, mu_format_weight(m[0], a, 2),
	       mu_format_weight(m[1], b, 2), mu_format_weight(m[2], a - b, 2));
}

static void hours_row(const char *what, double a, double b)
{
	printf("  %-26s %15.1f %15.1f %+15.1f\n", what, a, b, a - b);
}

static void print_partners(const struct mu_scenario *sc, const struct flow_run *sys,
                           const struct flow_run *silo)
{
	char m[6][MU_MONEY_SIZE];
	int w = cli_partner_id_width(sc, 7);
	size_t p;
	/* each figure rounded on its own: this table has no total row to add
	 * up to (the page's has, and is rounded to it), and a partner whose
	 * plan is the same alone and together must read the same in both */
	/* weighted is cash plus weights: no pound sign (DESIGN.md §3) */
	printf("\nPartner by partner (system / silo; net cash = spend + recharge paid - recharge "
	       "received; weighted = net cash + penalty weights, not money, the same footing "
	       "as shares):\n");
	printf("  %-*s %12s %12s %12s %13s %7s %7s %4s %4s %11s %11s %7s %7s\n", w, "partner",
	       "net cash", "silo cash", "weighted", "silo weighted", "fill", "silo", "red", "silo",
	       "agency", "silo agency", "aid in", "aid out");
	for (p = 0; p < sc->n_partners; p++) {
		const struct mu_totals *a = &sys->solved.plan->partners[p],
		                       *b = &silo->solved.plan->partners[p];
		double fa = mu_totals_fill_rate(a), fb = mu_totals_fill_rate(b);
		printf("  %-*s %12s %12s %12s %13s", w, sc->partners[p].id,
		       cli_money(m[4], mu_totals_net_cash(a)),
		       cli_money(m[5], mu_totals_net_cash(b)),
		       mu_format_weight(m[0], mu_totals_partner_cost(a), 2),
		       mu_format_weight(m[1], mu_totals_partner_cost(b), 2));
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

/* What the shared rate card is worth (DESIGN.md §3d): per partner and the
 * system, spend alone and bidding, net cash in the system plan and bidding,
 * and filled hours, then the sentence. Cash only: no penalty here. */
static void print_bidding(const struct mu_scenario *sc, const struct flow_compare *c)
{
	const struct mu_plan *sys = c->run[FLOW_SYSTEM].solved.plan,
	                     *silo = c->run[FLOW_SILO].solved.plan;
	const struct mu_bidding *bid = c->bidding;
	int w = cli_partner_id_width(sc, 7);
	size_t n = sc->n_partners, p, k;
	/* the page's figures, each column adding up as shown (issue 24) */
	double *t = io_html_bidding_columns(sc, sys, silo, bid);
	struct mu_buf say;
	printf("\nBidding (partners alone, each bank staff-shift paid the highest rate any partner "
	       "alone reached on its role and shift; net cash = spend + recharge paid - recharge "
	       "received):\n");
	printf("  %-*s %12s %12s %12s %12s %12s %12s %9s\n", w, "partner", "silo spend",
	       "bid spend", "bid - silo", "net cash", "bid cash", "sys - bid", "filled h");
	for (p = 0; p <= n; p++) {
		const struct mu_totals *a = p == n ? &sys->system : &sys->partners[p],
		                       *d = p == n ? &bid->system : &bid->partners[p];
		char m[MU_MONEY_SIZE];
		printf("  %-*s", w, p == n ? "SYSTEM" : sc->partners[p].id);
		for (k = 0; k < IO_BID_COLS; k++)
			printf(" %12s", cli_money(m, t[k * (n + 1) + p]));
		printf(" %+9.1f\n", a->filled_hours - d->filled_hours);
	}
	free(t);
	mu_buf_init(&say);
	io_say_bidding(&say, sc, sys, silo, bid);
	printf("%s\n", cli_safe(say.data));
	mu_buf_release(&say);
}

void cli_compare_print(const struct mu_scenario *sc, const struct flow_compare *c)
{
	const struct flow_run *sys = &c->run[FLOW_SYSTEM], *silo = &c->run[FLOW_SILO];
	const struct mu_totals *a = &sys->solved.plan->system, *b = &silo->solved.plan->system;
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
	weight_row("penalties (weights)", a->penalty_total, b->penalty_total);
	weight_row("  unfilled hours", a->unfilled_penalty, b->unfilled_penalty);
	weight_row("  agency tiers", a->penalty[MU_PEN_TIER], b->penalty[MU_PEN_TIER]);
	weight_row("  break-glass", a->penalty[MU_PEN_BREAK_GLASS], b->penalty[MU_PEN_BREAK_GLASS]);
	if (sc->n_flows > 0) /* patients fit to leave and in a bed (§3f) */
		weight_row("  bed-days", a->penalty[MU_PEN_BED_DAYS], b->penalty[MU_PEN_BED_DAYS]);
	weight_row("objective (spend+weights)", sys->solved.objective, silo->solved.objective);
	hours_row("mutual aid hours", a->lent_out_hours, b->lent_out_hours);
	hours_row("bank hours", a->hours[MU_SRC_BANK], b->hours[MU_SRC_BANK]);
	hours_row("agency hours", a->hours[MU_SRC_AGENCY], b->hours[MU_SRC_AGENCY]);
	print_partners(sc, sys, silo);

	mu_buf_init(&say);
	io_say_value(&say, sc, sys->solved.plan, silo->solved.plan);
	printf("\n%s\n", cli_safe(say.data));
	if (sc->n_flows > 0) {
		mu_buf_reset(&say);
		io_say_flow_compare(&say, sc, sys->solved.plan, silo->solved.plan);
		printf("%s\n", cli_safe(say.data));
	}
	mu_buf_release(&say);
	mu_buf_init(&say);
	{
		bool has_flow = sc->n_flows > 0;
		struct io_compare_search s = {sys->solved.objective,
		                              sys->solved.status == MU_STATUS_OPTIMAL,
		                              sys->solved.has_bound, sys->solved.bound, has_flow},
		                         alone = {silo->solved.objective,
		                                  silo->solved.status == MU_STATUS_OPTIMAL,
		                                  silo->solved.has_bound, silo->solved.bound,
		                                  has_flow};
		io_say_compare_cost(&say, &s, &alone);
	}
	printf("%s\n", say.data); /* numbers only: no text of the user's */
	mu_buf_release(&say);
	mu_buf_init(&say);
	flow_compare_say_guarantee(&say, sc, c);
	if (say.len)
		printf("%s\n", cli_safe(say.data));
	mu_buf_release(&say);
	if (c->bidding)
		print_bidding(sc, c);
}
