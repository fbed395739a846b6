/*
 * cmd_shares.c - `muster shares SCENARIO`: each partner's share of the
 * value of working together (DESIGN.md §3a), from flows/flow_shares.c
 * (--shard: a part of the coalitions' values, recorded; --db: the values
 * recorded there taken first). The options, the progress line, the table
 * and io/'s sentences, and shares.csv and report.html with --out.
 */
#include "cli.h"

#include "cli_options.h"
#include "cli_run.h"
#include "core/mu_buf.h"
#include "core/mu_time.h"
#include "flows/flow_shares.h"
#include "io/io_outputs.h"
#include "io/io_say.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char cmd_shares_help[] =
    "usage: muster shares SCENARIO [--samples N] [--seed S] [--out DIR] [--db FILE]\n"
    "                     [--shard I/N]\n"
    "\n"
    "Each partner's fair share of what working together is worth (DESIGN.md\n"
    "§3a): the Shapley value of the fall in the objective (value: spend plus\n"
    "penalty weights, plan mode; a plain number, not money) that each group\n"
    "of partners makes by working together while the rest work alone. Exact\n"
    "up to 12 partners (every coalition solved); above that, or with\n"
    "--samples, the mean over random orders of the partners with its\n"
    "standard error. Then whether the shares are in the core (no group gains\n"
    "more value alone than its shares add up to) and the transfers of value\n"
    "(not money) that make each partner's own gain equal its share. Then the\n"
    "cash game (each coalition's plan valued at its spend): each partner's\n"
    "change in filled hours, red flags and net cash (spend plus recharge paid\n"
    "minus received), its cash share, and the settlement in cash for the\n"
    "scenario's horizon (per week for 7 days of shifts). Records nothing.\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it:\n"
    "\n"
    "  muster shares ex --out sh\n"
    "\n"
    "options:\n"
    "  --samples N   estimate from N random orders of the partners (default\n"
    "                100 above 12 partners)\n"
    "  --seed S      the random orders' seed (default 0): the same seed gives\n"
    "                the same shares\n"
    "  --out DIR     write shares.csv\n"
    "  --shard I/N   value only part I of N of the coalitions and record their\n"
    "                values in --db (default muster.db), no shares: exact, the\n"
    "                coalitions k (in Gray-code order) with k mod N = I - 1;\n"
    "                sampled, those of the orders k with k mod N = I - 1 (give\n"
    "                every shard the same --samples and --seed). 'muster merge'\n"
    "                puts the shards' databases together\n"
    "  --db FILE     without --shard: take each coalition's value from FILE\n"
    "                when it is recorded there for this scenario's content (a\n"
    "                merge of the shards'), solving only the others\n"
    "\n"
    "exit codes: 0 done; 2 bad usage or scenario; 1 I/O or solver failure.\n";

/* What the terminal shows while the coalitions are valued. */
struct shares_view {
	struct cli_progress progress; /* first: cli_run_hooks' context */
	const struct cli_options *a;
	size_t n_partners;
	bool is_tty;
	double started;
};

static void on_progress(void *ctx, const struct flow_shares_progress *pr)
{
	const struct shares_view *v = ctx;
	const struct cli_options *a = v->a;
	if (pr->phase != FLOW_SHARES_BEGIN) { /* the line on stderr, or its end */
		if (v->is_tty && pr->phase == FLOW_SHARES_SOLVED)
			fprintf(stderr, "\r\033[K  %zu coalitions solved, %.0f s", pr->n_solved,
			        mu_time_now() - v->started);
		else if (v->is_tty)
			fputs("\r\033[K", stderr);
		return;
	}
	if (a->n_shards)
		printf("Shard %lu/%lu of the shares of %s: %zu coalition%s to value in plan mode "
		       "...\n",
		       a->shard, a->n_shards, cli_safe(a->scenario), pr->n_to_value,
		       pr->n_to_value == 1 ? "" : "s");
	else if (pr->is_exact)
		printf(
		    "Shares of %s: %zu partner%s, every one of the %zu coalitions solved in plan "
		    "mode ...\n",
		    cli_safe(a->scenario), v->n_partners, v->n_partners == 1 ? "" : "s",
		    pr->n_to_value);
	else
		printf("Shares of %s: %zu partner%s, estimated from %zu random orders (seed %llu) "
		       "in plan mode ...\n",
		       cli_safe(a->scenario), v->n_partners, v->n_partners == 1 ? "" : "s",
		       pr->n_samples, a->seed);
	fflush(stdout);
}

/* The cash game (issue 24): each partner's change in filled hours, red
 * flags and net cash, its cash share and the settlement in money. */
static void print_cash(const struct mu_scenario *sc, const struct flow_shares *r)
{
	char m[5][MU_MONEY_SIZE];
	int w = cli_partner_id_width(sc, 7);
	struct mu_buf said;
	size_t p;
	mu_buf_init(&said);
	io_say_horizon(&said, r->horizon_days);
	printf("\nIn cash, %s (the shifts' dates span %ld day%s): working together spends %s %s. "
	       "Each partner's change in filled hours, red flags and net cash (spend plus "
	       "recharge paid minus recharge received), and its Shapley share of the fall in "
	       "spend (the cash game: each coalition's optimal plan valued at its spend):\n",
	       said.data, r->horizon_days, r->horizon_days == 1 ? "" : "s",
	       cli_money(m[0], fabs(r->cash_shares.saving)),
	       r->cash_shares.saving >= 0 ? "less" : "more");
	printf("  %-*s %9s %9s %13s %13s %12s %12s %13s\n", w, "partner", "filled h", "red flags",
	       "cash alone", "cash together", "cash gain", "cash share", "cash in");
	for (p = 0; p < sc->n_partners; p++) {
		const struct mu_totals *a = &r->system_totals[p], *c = &r->silo_totals[p];
		printf("  %-*s %+9.1f %+9ld %13s %13s %12s %12s %13s\n", w,
		       cli_safe(sc->partners[p].id), a->filled_hours - c->filled_hours,
		       (long)a->n_red_flags - (long)c->n_red_flags,
		       cli_money(m[0], mu_totals_net_cash(c)),
		       cli_money(m[1], mu_totals_net_cash(a)), cli_money(m[2], r->cash_gain[p]),
		       cli_money(m[3], r->cash_shares.share[p]),
		       cli_money(m[4], r->cash_transfer[p]));
	}
	mu_buf_reset(&said);
	io_say_shares_settlement(&said, sc, r->cash_settlement, r->n_cash_settlement,
	                         r->horizon_days);
	printf("%s\n", cli_safe(said.data));
	mu_buf_release(&said);
}

/* What the shares come to: the value of working together, the table, the
 * core check, the transfers of value and the settlement in cash. Value is
 * spend plus penalty weights (DESIGN.md §3): plain numbers, no pound sign;
 * only the cash game's figures are money. */
static void print_shares(const struct mu_scenario *sc, const struct flow_shares *r)
{
	const struct mu_shares *sh = &r->shares;
	char m[5][MU_MONEY_SIZE];
	int w = cli_partner_id_width(sc, 7);
	struct mu_buf said;
	size_t p;
	printf("Working together lowers the objective by %s: value (spend plus penalty weights, "
	       "plan mode), not money. Each partner's share of that value, against what it gains "
	       "itself (a partner's value counted at the partner, recharge paid minus received "
	       "in it):\n",
	       mu_format_weight(m[0], sh->saving, 2));
	printf("  %-*s %13s %13s %12s %12s %s %13s\n", w, "partner", "alone", "together", "gain",
	       "share", sh->is_exact ? "" : "  std error", "value in");
	for (p = 0; p < sc->n_partners; p++) {
		printf("  %-*s %13s %13s %12s %12s", w, cli_safe(sc->partners[p].id),
		       mu_format_weight(m[0], r->silo_cost[p], 2),
		       mu_format_weight(m[1], r->system_cost[p], 2),
		       mu_format_weight(m[2], r->gain[p], 2),
		       mu_format_weight(m[3], sh->share[p], 2));
		if (!sh->is_exact) /* NAN from one order: no spread to measure */
			printf(" %11s", isnan(sh->std_error[p])
			                    ? "-"
			                    : mu_format_weight(m[4], sh->std_error[p], 2));
		printf(" %13s\n", mu_format_weight(m[4], r->transfer[p], 2));
	}
	cli_print_partner_legend(sc);
	mu_buf_init(&said);
	io_say_shares_core(&said, sc, sh, FLOW_SHARES_EXACT_MAX);
	printf("\n%s\n", cli_safe(said.data));
	mu_buf_reset(&said);
	io_say_shares_settlement(&said, sc, r->settlement, r->n_settlement, 0);
	printf("%s\n", cli_safe(said.data));
	mu_buf_release(&said);
	if (r->has_cash)
		print_cash(sc, r);
	else
		printf("\nNo settlement in cash: it needs each coalition's spend, and some values "
		       "read from --db were recorded without it (by a muster before schema 6); run "
		       "shares without --db, or value the shards again, for it.\n");
}

/* --shard: this shard's coalitions valued and recorded in a->db. */
static int value_shard(const struct cli_options *a, const struct io_source *src,
                       const struct mu_scenario *sc, struct flow_shares_request *req,
                       double started)
{
	struct io_store *st = NULL;
	struct mu_err err;
	size_t n_recorded = 0;
	int status;
	if ((status = cli_run_store_open(a->db, &st)) != 0)
		return status;
	req->store = st;
	mu_err_clear(&err);
	if (flow_shares_value_shard(src, sc, req, &n_recorded, &err) != MU_OK) {
		status = cli_fail(&err);
	} else {
		printf("%zu coalition values recorded in %s in %.1f s; 'muster merge' puts the "
		       "shards' databases together, and 'muster shares SCENARIO --db MERGED' (with "
		       "the same --samples and --seed) gives the shares from them.\n",
		       n_recorded, cli_safe(a->db), mu_time_now() - started);
	}
	io_store_close(st);
	return status;
}

int cmd_shares(int argc, char **argv)
{
	struct cli_options a;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct io_store *st = NULL;
	struct flow_shares_request req;
	struct flow_shares r;
	struct shares_view view;
	struct mu_err err;
	double started = mu_time_now();
	int status;
	char *staged = NULL; /* --out's outputs until both are written */

	memset(&r, 0, sizeof(r));
	if (cli_print_help_if_asked(cmd_shares_help, argc, argv))
		return 0;
	memset(&a, 0, sizeof(a));
	a.db = ""; /* stays "" unless --db is given: shares reads no database by default */
	if ((status = cli_parse_options("shares", argc, argv,
	                                CLI_OPT_SCENARIO | CLI_OPT_OUT | CLI_OPT_SAMPLES |
	                                    CLI_OPT_DB | CLI_OPT_SHARD,
	                                &a)) != 0)
		return status;
	if (a.n_shards && a.out)
		return cli_usage_error("shares", "--out with --shard: a shard values part of the "
		                                 "coalitions, not the shares; merge the shards' "
		                                 "databases with 'muster merge'");
	if (a.n_shards && !a.db[0])
		a.db = CLI_DEFAULT_DB;
	if ((status = cli_load_scenario(a.scenario, &src, &sc)) != 0)
		return status;
	if ((status = cli_prepare_out(a.out)) != 0)
		goto done;
	mu_err_clear(&err);
	if (a.out && io_outputs_begin(a.out, &staged, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	if (sc->n_partners > MU_GAME_MAX_PLAYERS) {
		status = cli_usage_error("shares", "%zu partners: shares take at most %d",
		                         sc->n_partners, MU_GAME_MAX_PLAYERS);
		goto done;
	}
	view = (struct shares_view){.a = &a,
	                            .n_partners = sc->n_partners,
	                            .is_tty = isatty(STDERR_FILENO),
	                            .started = started};
	req = (struct flow_shares_request){.samples = a.samples,
	                                   .seed = a.seed,
	                                   .shard = a.shard,
	                                   .n_shards = a.n_shards,
	                                   .on_progress = on_progress};
	/* Ctrl-C's flag; no rota search, so no search line: on_progress's */
	cli_run_hooks(&view.progress, false, &req.hooks);
	req.hooks.ctx = &view;
	if (a.n_shards) {
		status = value_shard(&a, src, sc, &req, started);
		goto done;
	}
	mu_err_clear(&err);
	if (a.db[0] && io_store_open(a.db, false, &st, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	req.store = st;
	if (flow_shares_solve(src, sc, &req, &r, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	if (a.db[0])
		printf("%zu coalitions valued in %.1f s: %zu recorded in %s, %zu solved.\n\n",
		       r.shares.n_solved, mu_time_now() - started, r.n_looked_up, cli_safe(a.db),
		       r.shares.n_solved - r.n_looked_up);
	else
		printf("%zu coalitions solved in %.1f s.\n\n", r.shares.n_solved,
		       mu_time_now() - started);
	print_shares(sc, &r);
	if (staged) {
		/* shares.csv and report.html go into --out together, or neither */
		if (flow_shares_write(staged, a.scenario, sc, &r, &err) != MU_OK ||
		    io_outputs_commit(staged, a.out, &err) != MU_OK) {
			status = cli_fail(&err);
			goto done;
		}
		printf("shares.csv and report.html are in %s.\n", cli_safe(a.out));
	}
	status = 0;
done:
	io_outputs_abandon(staged); /* gone already after the commit */
	free(staged);
	io_store_close(st);
	flow_shares_release(&r);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
