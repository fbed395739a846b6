/*
 * cli_twostage.c - the two-stage plan on the terminal (DESIGN.md §3e): the
 * scenarios files read and refused at their cells, the workflow's four
 * solves with their progress, the lines io_say_twostage words, and the
 * run recorded in the store (what is decided now, the scenarios files, the
 * expected and measured figures), and then the outputs into --out, whose
 * page names the run.
 */
#include "cli_twostage.h"

#include "cli.h"
#include "cli_run.h"
#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_draws.h"
#include "core/mu_format.h"
#include "core/mu_time.h"
#include "flows/flow_twostage.h"
#include "io/io_draws.h"
#include "io/io_outputs.h"
#include "io/io_twostage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads the scenarios file at path against sc; prints its errors. */
static int read_draws(const char *path, const char *dir, const struct mu_scenario *sc,
                      struct mu_draws **out)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	enum mu_code rc;
	int status = 0;
	mu_errlist_init(errors);
	rc = io_draws_read(path, dir, sc, out, errors);
	if (rc != MU_OK) {
		status = cli_print_errors(errors, path);
		if (rc == MU_E_IO)
			status = 1;
	}
	free(errors);
	return status;
}

int cli_twostage_read(const struct cli_options *o, const struct mu_scenario *sc,
                      struct mu_draws **draws, struct mu_draws **check)
{
	int status;
	*draws = *check = NULL;
	if ((status = read_draws(o->scenarios, o->scenario, sc, draws)) != 0 ||
	    (o->check_scenarios &&
	     (status = read_draws(o->check_scenarios, o->scenario, sc, check)) != 0)) {
		mu_draws_free(*draws);
		*draws = NULL;
	}
	return status;
}

/* Prints the lines of b, each as cli_print_line does (a newline inside
 * shown as \\n). */
static void print_lines(const struct mu_buf *b)
{
	const char *line;
	for (line = b->data; line && *line;) {
		const char *end = strchr(line, '\n');
		int n = (int)(end ? end - line : (long)strlen(line));
		cli_print_line(stdout, "%.*s\n", n, line);
		line += n + (end != NULL);
	}
}

int cli_twostage_print_compare(const struct cli_options *o, const struct mu_scenario *sc,
                               const struct flow_compare *c)
{
	const struct flow_twostage *sys = &c->twostage[FLOW_SYSTEM];
	struct mu_buf say;
	size_t k, n_flagged = 0;
	mu_buf_init(&say);
	io_say_twostage_compare(&say, sc, &c->twostage_view[FLOW_SYSTEM],
	                        &c->twostage_view[FLOW_SILO]);
	printf("\n");
	print_lines(&say);
	mu_buf_release(&say);
	for (k = 0; k < sys->solved.n_days; k++)
		n_flagged += sys->solved.days[k]->system.n_red_flags > 0;
	printf("  %zu of the %zu scenarios have a red flag on the day under the system plan\n",
	       n_flagged, sys->solved.n_days);
	printf("  runs %lld (system) and %lld (silo) recorded in %s", (long long)c->id[FLOW_SYSTEM],
	       (long long)c->id[FLOW_SILO], cli_safe(o->db));
	if (o->out)
		printf("; compare.csv and report.html in %s, each plan's plan.csv, day.csv, "
		       "risk.csv and report.html in %s/system and %s/silo",
		       cli_safe(o->out), cli_safe(o->out), cli_safe(o->out));
	printf("\n");
	return n_flagged > 0 ? 3 : 0;
}

int cli_twostage_solve(const struct cli_options *o, const struct io_source *src,
                       const struct mu_scenario *sc)
{
	struct mu_draws *draws = NULL, *check = NULL;
	struct flow_twostage_request req = {.started = mu_time_now()};
	struct io_store *st = NULL;
	int64_t run_id = 0;
	struct flow_twostage res;
	struct io_twostage view;
	struct cli_progress progress;
	struct mu_err err;
	struct mu_buf say;
	char *staged = NULL;
	size_t k, n_flagged = 0;
	int status;

	memset(&res, 0, sizeof(res));
	if ((status = cli_twostage_read(o, sc, &draws, &check)) != 0 ||
	    (status = cli_run_store_open(o->db, &st)) != 0 ||
	    (status = cli_prepare_out(o->out)) != 0)
		goto done;
	mu_err_clear(&err);
	if (o->out && io_outputs_begin(o->out, &staged, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	req.draws = draws;
	req.check = check;
	req.is_lp = o->is_lp;
	req.is_silo = o->is_silo;
	req.time_limit = o->time_limit;
	req.work_limit = cli_work_limit(o);
	req.mps = o->mps;
	req.command = "solve";
	req.draws_file = o->scenarios;
	req.check_file = o->check_scenarios;
	req.time_read = mu_time_now() - req.started;
	progress.what = o->is_lp ? "two-stage plan" : "two-stage rota";
	progress.time_limit = o->time_limit;
	cli_run_hooks(&progress, true, &req.hooks);
	if (flow_twostage_solve(sc, &req, &res, &err) != MU_OK ||
	    flow_twostage_record(st, src, sc, &req, &res, &run_id, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	flow_twostage_view(&res, &req, run_id, &view);
	/* the page names the run: written once it is recorded */
	if (staged && (io_twostage_write(staged, sc, &view, !o->is_lp, src->label, &err) != MU_OK ||
	               io_outputs_commit(staged, o->out, &err) != MU_OK)) {
		cli_print_line(stderr,
		               "muster: run %lld is recorded in %s, but its outputs could not "
		               "all be put in %s: %s\n",
		               (long long)run_id, o->db, o->out, err.msg);
		status = 1;
		goto done;
	}
	for (k = 0; k < res.solved.n_days; k++)
		n_flagged += res.solved.days[k]->system.n_red_flags > 0;
	mu_buf_init(&say);
	io_say_twostage_status(&say, &view, !o->is_lp);
	printf("%s two-stage %s%s: %s\n", cli_safe(o->scenario), o->is_lp ? "plan" : "rota",
	       o->is_silo ? " (silo)" : "", say.data);
	mu_buf_release(&say);
	mu_buf_init(&say);
	io_say_twostage(&say, &view);
	print_lines(&say);
	mu_buf_release(&say);
	printf("  %zu of the %zu scenarios have a red flag on the day under this plan\n", n_flagged,
	       res.solved.n_days);
	printf("  model %zu rows, %zu columns, %zu non-zeros; built in %.3f s, solved in %.2f s\n",
	       res.solved.n_rows, res.solved.n_cols, res.solved.n_nonzeros, res.solved.time_build,
	       res.solved.time_solve);
	printf("  run %lld recorded in %s", (long long)run_id, cli_safe(o->db));
	if (o->out)
		printf("; plan.csv (decided now), %sday.csv (each scenario's day), risk.csv "
		       "and report.html in %s",
		       o->is_lp ? "" : "rota.csv, ", cli_safe(o->out));
	printf("\n");
	status = n_flagged > 0 ? 3 : 0;
done:
	io_outputs_abandon(staged);
	free(staged);
	io_store_close(st);
	flow_twostage_release(&res);
	mu_draws_free(draws);
	mu_draws_free(check);
	return status;
}
