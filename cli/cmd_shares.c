/*
 * cmd_shares.c - `muster shares SCENARIO`: each partner's share of the
 * value of working together (DESIGN.md §3a). The game's value of a
 * coalition is the plan-mode objective with its partners working together
 * and the others alone (pol_solve's coalition); core/mu_game.c turns the
 * values into Shapley shares, the core check and the settlement. With
 * --shard I/N it values only its part of the coalitions and records them;
 * with --db it takes the values recorded there (merged shards') first.
 */
#include "cli.h"

#include "cli_options.h"
#include "cli_run.h"
#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_format.h"
#include "core/mu_game.h"
#include "core/mu_time.h"
#include "io/io_html.h"
#include "io/io_report.h"
#include "io/io_store.h"
#include "policies/pol_solve.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Exact shares solve every coalition: 2^n plan solves. */
#define SHARES_EXACT_MAX 12
/* Random orders of the partners when sampling and --samples is not given. */
#define SHARES_DEFAULT_SAMPLES 100

const char cmd_shares_help[] =
    "usage: muster shares SCENARIO [--samples N] [--seed S] [--out DIR] [--db FILE]\n"
    "                     [--shard I/N]\n"
    "\n"
    "Each partner's fair share of what working together is worth (DESIGN.md\n"
    "§3a): the Shapley value of the saving in cost to the system (spend plus\n"
    "penalty weights, plan mode) that each group of partners makes by working\n"
    "together while the rest work alone. Exact up to 12 partners (every\n"
    "coalition solved); above that, or with --samples, the mean over random\n"
    "orders of the partners with its standard error. Then whether the shares\n"
    "are in the core (no group saves more alone than its shares add up to)\n"
    "and the settlement: the transfers between partners that make each\n"
    "partner's own gain equal its share. Records nothing.\n"
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

/* The game's value function: one plan-mode solve per coalition. */
struct game_ctx {
	const struct mu_scenario *sc;
	bool *in;              /* per partner: in the coalition being solved */
	struct pol_game *game; /* the coalitions' model, once one is solved */
	bool is_tty;
	size_t n_done;
	double started;
	/* --db: the values recorded, by coalition as signed (the store's order) */
	int64_t *known;
	double *known_cost;
	size_t n_known, cap_known, n_looked_up;
};

static int by_coalition(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int add_known(uint64_t coalition, double cost, void *ctx)
{
	struct game_ctx *g = ctx;
	size_t cap = g->cap_known;
	MU_GROW(g->known, g->cap_known, g->n_known + 1);
	MU_GROW(g->known_cost, cap, g->n_known + 1);
	g->known[g->n_known] = (int64_t)coalition;
	g->known_cost[g->n_known++] = cost;
	return 0;
}

static enum mu_code coalition_cost(void *vctx, mu_coalition s, double *cost, struct mu_err *err)
{
	struct game_ctx *g = vctx;
	enum mu_code rc;
	size_t p;
	int64_t key = (int64_t)s;
	const int64_t *at =
	    g->n_known ? bsearch(&key, g->known, g->n_known, sizeof(*g->known), by_coalition)
	               : NULL;
	if (at) {
		*cost = g->known_cost[at - g->known];
		g->n_looked_up++;
		return MU_OK;
	}
	/* one model kept loaded, each coalition from the last one's basis
	 * (pol_game.c); made at the first coalition not recorded */
	if (!g->game && (rc = pol_game_new(g->sc, &g->game, err)) != MU_OK)
		return rc;
	for (p = 0; p < g->sc->n_partners; p++)
		g->in[p] = (s >> p) & 1;
	if ((rc = pol_game_value(g->game, g->in, cost, err)) != MU_OK)
		return rc;
	g->n_done++;
	if (g->is_tty)
		fprintf(stderr, "\r\033[K  %zu coalitions solved, %.0f s", g->n_done,
		        mu_time_now() - g->started);
	return rc;
}

static bool has_coalition(const uint64_t *list, size_t n, uint64_t s)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (list[i] == s)
			return true;
	return false;
}

/* shares --shard: values this shard's coalitions and records them in
 * a->db, in one transaction after the last. */
static int value_shard(const struct cli_options *a, const struct io_source *src, struct game_ctx *g,
                       bool is_exact, size_t samples)
{
	size_t n = g->sc->n_partners, cap = 0, n_list = 0, i, j;
	uint64_t *list = NULL;
	double *cost = NULL;
	size_t *order = mu_calloc(n + 1, sizeof(*order));
	struct io_store *st = NULL;
	struct mu_err err;
	int status;
	if ((status = cli_run_store_open(a->db, &st)) != 0)
		goto done;
	if (is_exact) {
		uint64_t k;
		for (k = a->shard - 1; k < (1ULL << n); k += a->n_shards) {
			MU_GROW(list, cap, n_list + 1);
			list[n_list++] = mu_game_gray(k);
		}
	} else {
		/* every walk starts at the empty coalition: each shard values it */
		MU_GROW(list, cap, n_list + 1);
		list[n_list++] = 0;
		for (i = a->shard - 1; i < samples; i += a->n_shards) {
			mu_coalition s = 0;
			mu_game_order(n, a->seed, i, order);
			for (j = 0; j < n; j++) {
				s |= (mu_coalition)1 << order[j];
				if (!has_coalition(list, n_list, s)) {
					MU_GROW(list, cap, n_list + 1);
					list[n_list++] = s;
				}
			}
		}
	}
	printf("Shard %lu/%lu of the shares of %s: %zu coalition%s to value in plan mode ...\n",
	       a->shard, a->n_shards, cli_safe(a->scenario), n_list, n_list == 1 ? "" : "s");
	fflush(stdout);
	cost = mu_calloc(n_list + 1, sizeof(*cost));
	mu_err_clear(&err);
	for (i = 0; i < n_list; i++)
		if (coalition_cost(g, list[i], &cost[i], &err) != MU_OK)
			break;
	if (g->is_tty)
		fputs("\r\033[K", stderr);
	if (i < n_list || io_store_add_values(st, src, list, cost, n_list, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	printf("%zu coalition values recorded in %s in %.1f s; 'muster merge' puts the shards' "
	       "databases together, and 'muster shares SCENARIO --db MERGED' (with the same "
	       "--samples and --seed) gives the shares from them.\n",
	       n_list, cli_safe(a->db), mu_time_now() - g->started);
	status = 0;
done:
	io_store_close(st);
	free(order);
	free(list);
	free(cost);
	return status;
}

/* --db without --shard: the values recorded there for src's content. */
static int read_known(const char *db, const struct io_source *src, struct game_ctx *g)
{
	struct io_store *st = NULL;
	struct mu_err err;
	mu_err_clear(&err);
	if (io_store_open(db, false, &st, &err) != MU_OK ||
	    io_store_list_values(st, src, add_known, g, &err) != MU_OK) {
		io_store_close(st);
		return cli_fail(&err);
	}
	io_store_close(st);
	qsort(g->known, g->n_known, sizeof(*g->known), by_coalition); /* already; to be sure */
	return 0;
}

/* The system (coalition NULL) or silo plan: each partner's cost counted at
 * the partner (DESIGN.md §3a: spend on work done there, the penalties of
 * its demand rows, recharge paid minus received) into cost. Solved cold,
 * as `muster solve --lp` (and --silo) solves it, not from the game's
 * model: a plan has many equally cheap optima that split the cost between
 * partners differently, and the gains must be those of the plan the
 * partners are given (from the game's last basis, the example's hospice
 * gained £5,108 less). */
static enum mu_code partner_costs(const struct mu_scenario *sc, bool is_silo, double *cost,
                                  struct mu_err *err)
{
	struct pol_solve_request how = {.is_lp = true, .is_silo = is_silo};
	struct pol_solved solved;
	enum mu_code rc = pol_solve(sc, &how, &solved, err);
	size_t p;
	if (rc != MU_OK)
		return rc;
	for (p = 0; p < sc->n_partners; p++) {
		const struct mu_totals *t = &solved.plan->partners[p];
		cost[p] = t->cost_total + t->recharge_out - t->recharge_in;
	}
	pol_solved_release(&solved);
	return MU_OK;
}

/* "acute_north;cmh_trust" for coalition s (the caller frees it). */
static char *coalition_ids(const struct mu_scenario *sc, mu_coalition s)
{
	struct mu_buf b;
	size_t p;
	bool is_first = true;
	mu_buf_init(&b);
	for (p = 0; p < sc->n_partners; p++)
		if ((s >> p) & 1) {
			mu_buf_addf(&b, "%s%s", is_first ? "" : ";", sc->partners[p].id);
			is_first = false;
		}
	return mu_buf_detach(&b, NULL);
}

static void print_table(const struct mu_scenario *sc, const struct mu_shares *sh,
                        const double *silo, const double *sys, const double *gain,
                        const double *transfer)
{
	char m[5][MU_MONEY_SIZE];
	int w = cli_partner_id_width(sc, 7);
	size_t p;
	printf("  %-*s %13s %13s %12s %12s %s %13s\n", w, "partner", "alone", "together", "gain",
	       "share", sh->is_exact ? "" : "  std error", "transfer in");
	for (p = 0; p < sc->n_partners; p++) {
		printf("  %-*s %13s %13s %12s %12s", w, cli_safe(sc->partners[p].id),
		       cli_money(m[0], silo[p]), cli_money(m[1], sys[p]), cli_money(m[2], gain[p]),
		       cli_money(m[3], sh->share[p]));
		if (!sh->is_exact) /* NAN from one order: no spread to measure */
			printf(" %11s",
			       isnan(sh->std_error[p]) ? "-" : cli_money(m[4], sh->std_error[p]));
		printf(" %13s\n", cli_money(m[4], transfer[p]));
	}
	cli_print_partner_legend(sc);
}

/* Net transfers per partner (> 0 received) from the settlement's list. */
static void net_transfers(size_t n, const struct mu_transfer *t, size_t n_t, double *net)
{
	size_t k;
	memset(net, 0, n * sizeof(*net));
	for (k = 0; k < n_t; k++) {
		net[t[k].from] -= t[k].amount;
		net[t[k].to] += t[k].amount;
	}
}

/* "Settlement: A pays B £X; ..." */
static void say_settlement(struct mu_buf *b, const struct mu_scenario *sc,
                           const struct mu_transfer *t, size_t n_t)
{
	char m[MU_MONEY_SIZE];
	size_t k, n_shown = 0;
	for (k = 0; k < n_t; k++) {
		if (t[k].amount < 0.005)
			continue;
		mu_buf_addf(b, "%s%s pays %s %s",
		            n_shown++ == 0 ? "Settlement (in the same units as the shares: cost to "
		                             "the system, spend plus penalty weights): "
		                           : "; ",
		            sc->partners[t[k].from].name, sc->partners[t[k].to].name,
		            mu_format_money(m, t[k].amount, 2));
	}
	mu_buf_adds(b, n_shown ? "."
	                       : "Settlement: none is needed; each partner's own gain is its "
	                         "share.");
}

static void say_core(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_shares *sh)
{
	char m[MU_MONEY_SIZE], *ids;
	if (!sh->is_exact) {
		mu_buf_addf(b, "The core is checked for exact shares only (up to %d partners).",
		            SHARES_EXACT_MAX);
		return;
	}
	ids = coalition_ids(sc, sh->furthest);
	if (sh->is_in_core)
		mu_buf_addf(b,
		            "The shares are in the core: no group of partners would save more by "
		            "working together alone than its shares add up to (the closest, %s, "
		            "by %s).",
		            ids, mu_format_money(m, -sh->furthest_excess, 2));
	else
		mu_buf_addf(b,
		            "The shares are not in the core: %s would save %s more by working "
		            "together alone than its shares add up to.",
		            ids, mu_format_money(m, sh->furthest_excess, 2));
	free(ids);
}

/* shares.csv and report.html into dir. */
static enum mu_code write_outputs(const char *dir, const char *label, const struct mu_scenario *sc,
                                  const struct mu_shares *sh, const double *silo, const double *sys,
                                  const double *gain, const double *transfer, const char *core,
                                  const char *settle, struct mu_err *err)
{
	char *ids = sh->is_exact ? coalition_ids(sc, sh->furthest) : NULL;
	struct io_shares t = {.silo_cost = silo,
	                      .system_cost = sys,
	                      .gain = gain,
	                      .share = sh->share,
	                      .transfer = transfer,
	                      .std_error = sh->is_exact ? NULL : sh->std_error,
	                      .has_core = sh->is_exact,
	                      .is_in_core = sh->is_in_core,
	                      .furthest = ids ? ids : "",
	                      .furthest_excess = sh->furthest_excess};
	enum mu_code rc = io_report_write_shares(dir, sc, &t, err);
	if (rc == MU_OK)
		rc = io_html_write_shares(dir, sc, label, &t, sh->saving, core, settle, err);
	free(ids);
	return rc;
}

int cmd_shares(int argc, char **argv)
{
	struct cli_options a;
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct mu_shares sh;
	struct game_ctx g;
	struct mu_transfer *t = NULL;
	struct mu_buf core, settle;
	struct mu_err err;
	double *silo = NULL, *sys = NULL, *gain = NULL, *transfer = NULL;
	double started = mu_time_now();
	size_t n, p, n_t;
	bool is_exact;
	int status;
	char m[MU_MONEY_SIZE];

	memset(&sh, 0, sizeof(sh));
	memset(&g, 0, sizeof(g));
	memset(&core, 0, sizeof(core)); /* made below, released at done */
	memset(&settle, 0, sizeof(settle));
	if (cli_print_help_if_asked("shares", argc, argv))
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
	n = sc->n_partners;
	if (n > MU_GAME_MAX_PLAYERS) {
		status = cli_usage_error("shares", "%zu partners: shares take at most %d", n,
		                         MU_GAME_MAX_PLAYERS);
		goto done;
	}
	is_exact = a.samples == 0 && n <= SHARES_EXACT_MAX;
	g.sc = sc;
	g.in = mu_calloc(n + 1, sizeof(bool));
	g.is_tty = isatty(STDERR_FILENO);
	g.started = started;
	if (a.n_shards) {
		status = value_shard(&a, src, &g, is_exact,
		                     a.samples ? a.samples : SHARES_DEFAULT_SAMPLES);
		goto done;
	}
	if (a.db[0] && (status = read_known(a.db, src, &g)) != 0)
		goto done;
	if (is_exact)
		printf(
		    "Shares of %s: %zu partners, every one of the %llu coalitions solved in plan "
		    "mode ...\n",
		    cli_safe(a.scenario), n, 1ULL << n);
	else
		printf("Shares of %s: %zu partners, estimated from %lu random orders (seed %llu) "
		       "in plan mode ...\n",
		       cli_safe(a.scenario), n, a.samples ? a.samples : SHARES_DEFAULT_SAMPLES,
		       a.seed);
	fflush(stdout);
	mu_err_clear(&err);
	silo = mu_calloc(n + 1, sizeof(double));
	sys = mu_calloc(n + 1, sizeof(double));
	gain = mu_calloc(n + 1, sizeof(double));
	transfer = mu_calloc(n + 1, sizeof(double));
	t = mu_calloc(n + 1, sizeof(*t));
	if ((is_exact ? mu_game_exact(n, coalition_cost, &g, NULL, &sh, &err)
	              : mu_game_sampled(n, a.samples ? a.samples : SHARES_DEFAULT_SAMPLES, a.seed,
	                                coalition_cost, &g, NULL, &sh, &err)) != MU_OK ||
	    partner_costs(sc, true, silo, &err) != MU_OK ||
	    partner_costs(sc, false, sys, &err) != MU_OK) {
		if (g.is_tty)
			fputs("\r\033[K", stderr);
		status = cli_fail(&err);
		goto done;
	}
	if (g.is_tty)
		fputs("\r\033[K", stderr);
	for (p = 0; p < n; p++)
		gain[p] = silo[p] - sys[p];
	n_t = mu_game_settlement(n, gain, sh.share, t);
	net_transfers(n, t, n_t, transfer);
	if (a.db[0])
		printf("%zu coalitions valued in %.1f s: %zu recorded in %s, %zu solved.\n\n",
		       sh.n_solved, mu_time_now() - started, g.n_looked_up, cli_safe(a.db),
		       sh.n_solved - g.n_looked_up);
	else
		printf("%zu coalitions solved in %.1f s.\n\n", sh.n_solved,
		       mu_time_now() - started);
	printf("Working together lowers the cost to the system (spend plus penalty weights, "
	       "plan mode) by %s. Each partner's share of it, against what it gains itself:\n",
	       cli_money(m, sh.saving));
	print_table(sc, &sh, silo, sys, gain, transfer);
	printf("\n");
	mu_buf_init(&core);
	mu_buf_init(&settle);
	say_core(&core, sc, &sh);
	say_settlement(&settle, sc, t, n_t);
	printf("%s\n%s\n", cli_safe(core.data), cli_safe(settle.data));
	if (a.out) {
		if (write_outputs(a.out, a.scenario, sc, &sh, silo, sys, gain, transfer, core.data,
		                  settle.data, &err) != MU_OK) {
			status = cli_fail(&err);
			goto done;
		}
		printf("shares.csv and report.html are in %s.\n", cli_safe(a.out));
	}
	status = 0;
done:
	mu_buf_release(&core);
	mu_buf_release(&settle);
	mu_shares_release(&sh);
	free(g.in);
	pol_game_free(g.game);
	free(g.known);
	free(g.known_cost);
	free(silo);
	free(sys);
	free(gain);
	free(transfer);
	free(t);
	mu_scenario_free(sc);
	io_source_free(src);
	return status;
}
