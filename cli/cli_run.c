/*
 * cli_run.c - the commands' side of a workflow's solves: the
 * process's only state, the flags a Ctrl-C sets (so that the search stops
 * cleanly, and in rota mode the command goes on with the best rota found;
 * else, or at a second Ctrl-C, no run is recorded), the progress line, and
 * a run's unfilled rows and changes on the terminal.
 */
#include "cli_run.h"

#include "cli.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "core/mu_time.h"
#include "io/io_report.h"
#include "io/io_say.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by the first Ctrl-C: the search at hand stops (the hooks' stop). */
static volatile sig_atomic_t is_interrupted;
/* Set by the first Ctrl-C unless the command keeps the best rota
 * (cli_run_keep_on_interrupt): the store's writes give up. */
static volatile sig_atomic_t is_store_stopped;
static volatile sig_atomic_t is_keeping;

static void on_interrupt(int sig)
{
	static const char msg[] = "\nmuster: interrupted; stopping (Ctrl-C again quits at once)\n";
	static const char kept[] =
	    "\nmuster: interrupted; the search stops and muster goes on with "
	    "the best rota found (Ctrl-C again quits at once, recording "
	    "nothing)\n";
	static const char quit[] = "\nmuster: quit at the second Ctrl-C; nothing recorded\n";
	if (is_interrupted) {
		/* exit 1, as every command's help says (DESIGN.md §5: a runtime
		 * failure), not the shell's 128 + SIGINT; no transaction is left
		 * half-done: SQLite rolls it back */
		(void)sig;
		if (write(STDERR_FILENO, quit, sizeof(quit) - 1) < 0)
			_exit(1);
		_exit(1);
	}
	is_interrupted = 1;
	if (!is_keeping)
		is_store_stopped = 1;
	if (write(STDERR_FILENO, is_keeping ? kept : msg,
	          (is_keeping ? sizeof(kept) : sizeof(msg)) - 1) < 0)
		return;
}

static void catch_interrupt(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

const char *cli_money(char *buf, double pounds)
{
	return mu_format_money(buf, pounds, 2);
}

void cli_run_print_unfilled(const struct mu_scenario *sc, const struct flow_run *run,
                            size_t n_shown)
{
	const struct mu_plan *plan = run->solved.plan;
	const struct mu_why *why = run->why;
	size_t *order = mu_malloc((why->n_rows + 1) * sizeof(size_t));
	size_t i, n_rows = 0, n_said = 0, last = MU_ALL;
	struct mu_buf detail;
	io_report_why_order(plan, why, order);
	for (i = 0; i < why->n_rows; i++)
		n_rows += i == 0 || why->rows[order[i]].demand != why->rows[order[i - 1]].demand;
	if (n_rows == 0) {
		printf("Every shift is filled.\n\n");
		free(order);
		return;
	}
	printf("Red flags first, then the other unfilled shifts (%zu demand row%s), and why:\n",
	       n_rows, n_rows == 1 ? "" : "s");
	mu_buf_init(&detail);
	for (i = 0; i < why->n_rows; i++) {
		const struct mu_why_row *r = &why->rows[order[i]];
		const struct mu_demand *d = &sc->demand[r->demand];
		const struct mu_demand_result *res = &plan->demand[r->demand];
		if (r->demand != last) {
			if (n_said == n_shown)
				break;
			n_said++;
			last = r->demand;
			printf("  %s%s %s %s: %.4g of %.4g required covered (minimum %.4g)\n",
			       res->is_red_flag ? "RED FLAG " : "", sc->partners[d->partner].id,
			       sc->roles[d->role].id, sc->shifts[d->shift].id, res->covered,
			       res->required, res->minimum);
		}
		mu_buf_reset(&detail);
		io_say_why(&detail, sc, r);
		printf("      %s: %s\n", io_say_why_source(r), cli_safe(detail.data));
	}
	if (n_rows > n_said)
		printf("  ... and %zu more demand rows (all of them in why.csv with --out)\n",
		       n_rows - n_said);
	printf("\n");
	mu_buf_release(&detail);
	free(order);
}

void cli_run_print_changes(const struct mu_scenario *sc, const struct flow_run *run, size_t n_shown)
{
	const struct mu_changes *c = run->changes;
	struct mu_buf text;
	char money[MU_MONEY_SIZE];
	size_t i, p;
	if (!c)
		return;
	mu_buf_init(&text);
	if (run->keep) {
		io_say_replan(&text, run->keep);
		mu_buf_adds(&text, " ");
	}
	io_say_changes(&text, c);
	printf("%s\n", cli_safe(text.data));
	for (p = 0; p < sc->n_partners; p++)
		if (c->by_partner[p] > 0)
			printf("  %s: %zu change%s at or from it, change penalties %s in weights\n",
			       cli_safe(sc->partners[p].id), c->by_partner[p],
			       c->by_partner[p] == 1 ? "" : "s",
			       mu_format_weight(money, c->penalty_by_partner[p], 2));
	for (i = 0; i < c->n_rows && i < n_shown; i++) {
		mu_buf_reset(&text);
		io_say_change(&text, sc, &c->rows[i]);
		printf("    %s\n", cli_safe(text.data));
	}
	if (c->n_rows > n_shown)
		printf("    ... and %zu more (all of them in changes.csv with --out)\n",
		       c->n_rows - n_shown);
	printf("\n");
	mu_buf_release(&text);
}

/* One line on stderr, rewritten in place, while a rota search runs: the
 * best rota so far, the bound, and the gap proven between them, in the
 * words the result will use ("within 0.17%", rounded up). The objective
 * and bound are spend plus penalty weights: no pound sign. */
static void show_progress(void *ctx, double seconds, bool has_solution, double objective,
                          bool has_bound, double bound)
{
	const struct cli_progress *p = ctx;
	char a[MU_MONEY_SIZE], b[MU_MONEY_SIZE], words[MU_STATUS_SIZE];
	fprintf(stderr, "\r\033[K  %s: %.0f s", p->what, seconds);
	if (has_solution)
		fprintf(stderr, ", best %s", mu_format_weight(a, objective, 2));
	if (has_bound)
		fprintf(stderr, ", bound %s", mu_format_weight(b, bound, 2));
	if (has_solution && has_bound) {
		double gap = (objective - bound) / (1e-9 + fabs(objective));
		const char *within;
		mu_format_status(words, MU_STATUS_FEASIBLE, true, gap < 0 ? 0 : gap);
		within = strstr(words, "within");
		if (within)
			fprintf(stderr, ", %s", within);
	}
	if (p->time_limit > 0)
		fprintf(stderr, " (limit %.0f s)", p->time_limit);
	fflush(stderr);
}

static void clear_progress(void *ctx)
{
	(void)ctx;
	fputs("\r\033[K", stderr);
}

void cli_run_hooks(struct cli_progress *p, bool is_shown, struct flow_hooks *out)
{
	memset(out, 0, sizeof(*out));
	catch_interrupt();
	out->stop = &is_interrupted;
	out->ctx = p;
	if (is_shown && isatty(STDERR_FILENO)) {
		out->progress = show_progress;
		out->search_done = clear_progress;
	}
}

void cli_run_keep_on_interrupt(struct flow_hooks *hooks)
{
	is_keeping = 1;
	hooks->is_stop_kept = true;
}

bool cli_run_is_interrupted(void)
{
	return is_interrupted != 0;
}

const volatile sig_atomic_t *cli_run_stop_flag(void)
{
	return &is_interrupted;
}

int cli_run_store_open(const char *db, struct io_store **out)
{
	struct mu_err err;
	mu_err_clear(&err);
	catch_interrupt();
	if (io_store_open(db, true, out, &err) != MU_OK)
		return cli_fail(&err);
	io_store_set_stop(*out, &is_store_stopped);
	return 0;
}
