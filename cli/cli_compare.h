/*
 * cli_compare.h - the comparison on the terminal: each solve as it goes,
 * then system against silo side by side. Shared by compare and demo; the
 * solving is flows/flow_compare.c's.
 */
#ifndef CLI_COMPARE_H
#define CLI_COMPARE_H

#include "cli_run.h"

#include "flows/flow_compare.h"

/* What the comparison's lines need while it solves. */
struct cli_compare_view {
	struct cli_progress progress; /* first: the hooks' context is this struct */
	bool is_lp;
	double time_limit;
	long work_limit;
};

/* Sets creq's hooks (Ctrl-C, the progress line) and on_step, which says on
 * stdout as each solve goes "Solving the system rota ... optimal in 8.1 s
 * (4578 simplex iterations), run 3", from creq's mode and limits as they
 * are now. v must outlive the solve. */
void cli_compare_hooks(struct cli_compare_view *v, struct flow_compare_request *creq);

/* Prints system against silo: the totals (spend in pounds, penalty weights
 * and the objective as plain numbers), partner by partner, the value of
 * working together in pounds and filled hours, the guarantee's price
 * when c's unguaranteed run was solved, and, with c's bidding plan, what
 * the shared rate card is worth (DESIGN.md §3d). */
void cli_compare_print(const struct mu_scenario *sc, const struct flow_compare *c);

#endif
