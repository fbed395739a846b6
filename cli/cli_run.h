/*
 * cli_run.h - what the commands share around a workflow's solves: Ctrl-C
 * (the process's one stop flag), the progress line on stderr, the run
 * database opened before solving, and the terminal's view of a run.
 */
#ifndef CLI_RUN_H
#define CLI_RUN_H

#include "flows/flow_run.h"

#include "core/mu_format.h"
#include "core/mu_scenario.h"
#include "io/io_store.h"

#include <signal.h>
#include <stdbool.h>

/* What the progress line says: the search at hand ("rota", "plan (silo)")
 * and its time limit (0: none). A command may change what between
 * searches. */
struct cli_progress {
	const char *what;
	double time_limit;
};

/* The hooks a command hands a workflow: Ctrl-C's stop flag (caught from
 * now on), p as every hook's context (a command's own hooks may take a
 * struct whose first member is p), and when stderr is a terminal and
 * is_shown, a progress line (rewritten in place, cleared when the search
 * ends) saying p. p must outlive the workflow's use of the hooks. */
void cli_run_hooks(struct cli_progress *p, bool is_shown, struct flow_hooks *out);

/* Makes the first Ctrl-C keep the best rota (rota mode: solve, compare,
 * demo, sweep, recruit): the search at hand stops, every later one stops
 * once it has its rounded rota, and the command goes on to record them
 * (hooks->is_stop_kept); the store's writes are not stopped by it. A
 * second Ctrl-C still ends the process at once, recording nothing. Call
 * after cli_run_hooks. */
void cli_run_keep_on_interrupt(struct flow_hooks *hooks);

/* True once Ctrl-C was pressed: the search stops (and, unless kept, the
 * command records nothing). */
bool cli_run_is_interrupted(void);

/* The flag Ctrl-C sets (cli_run_store_open and cli_run_hooks catch it). */
const volatile sig_atomic_t *cli_run_stop_flag(void);

/* Opens the run database at db for a command that records, before it
 * solves anything, so that a database that cannot be used is reported at
 * once (io_store_open with is_write: a new file is made at the first
 * write). The store's writes stop on Ctrl-C. Prints the error and returns
 * the exit status, or 0 with *out the caller's (io_store_close). */
int cli_run_store_open(const char *db, struct io_store **out);

/* Prints the red flags and then the other unfilled demand rows of run,
 * at most n_shown of them, each with its reasons (why.csv has them all). */
void cli_run_print_unfilled(const struct mu_scenario *sc, const struct flow_run *run,
                            size_t n_shown);

/* Prints the changes against the kept plan: a sentence of their counts
 * and penalties, per partner, then at most n_shown of them (changes.csv
 * has them all). Nothing without a kept plan. */
void cli_run_print_changes(const struct mu_scenario *sc, const struct flow_run *run,
                           size_t n_shown);

/* Formats pounds as "£147,429.59" into buf (at least MU_MONEY_SIZE
 * bytes); returns buf. */
const char *cli_money(char *buf, double pounds);

#endif
