/*
 * cli_run.c - build, solve, read back, write and record one run. Holds the
 * command's only process-wide state: the flag a Ctrl-C sets, so that the
 * search stops cleanly and no run is recorded.
 */
#include "cli_run.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "core/mu_time.h"
#include "io/io_report.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t is_interrupted;

static void on_interrupt(int sig)
{
	static const char msg[] = "\nmuster: interrupted; stopping (Ctrl-C again quits at once)\n";
	if (is_interrupted)
		_exit(128 + sig); /* no transaction is left half-done: SQLite rolls it back */
	is_interrupted = 1;
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
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

const char *cli_run_mode_name(const struct cli_run_request *req)
{
	if (req->is_lp)
		return req->is_silo ? "plan (silo)" : "plan";
	return req->is_silo ? "rota (silo)" : "rota";
}

/* One line on stderr, rewritten in place, while a rota search runs. */
static void show_progress(void *ctx, double seconds, bool has_solution, double objective,
                          bool has_bound, double bound)
{
	const struct cli_run_request *req = ctx;
	char a[MU_MONEY_SIZE], b[MU_MONEY_SIZE];
	fprintf(stderr, "\r\033[K  %s: %.0f s", cli_run_mode_name(req), seconds);
	if (has_solution)
		fprintf(stderr, ", best %s", cli_money(a, objective));
	if (has_bound)
		fprintf(stderr, ", bound %s", cli_money(b, bound));
	if (req->time_limit > 0)
		fprintf(stderr, " (limit %.0f s)", req->time_limit);
	fflush(stderr);
}

enum mu_code cli_run_solve(const struct mu_scenario *sc, const struct cli_run_request *req,
                           struct cli_run *run, struct mu_err *err)
{
	struct sol_options opt;
	double t0 = mu_time_now(), t_built, t_mps;
	bool is_tty = isatty(STDERR_FILENO);
	unsigned char *warm_rows = NULL, *warm_cols = NULL;
	bool *core_cols = NULL;
	enum mu_code rc;

	memset(run, 0, sizeof(*run));
	catch_interrupt();
	run->build = pol_build_new(sc, req->is_silo);
	t_built = mu_time_now();
	/* the file is the model of DESIGN.md §3, for any solver to check; the
	 * rota's extra rows are muster's own way to it */
	if (req->mps && (rc = sol_glpk_write_mps(run->build->m, !req->is_lp, req->mps, err)))
		return rc;
	t_mps = mu_time_now();
	if (!req->is_lp)
		pol_rota_cuts_apply(run->build);
	run->time_build = mu_time_now() - t0 - (t_mps - t_built);
	memset(&opt, 0, sizeof(opt));
	opt.is_mip = !req->is_lp;
	opt.time_limit = req->time_limit;
	opt.want_ranges = req->is_lp && req->out;
	opt.progress = is_tty && !req->is_quiet ? show_progress : NULL;
	opt.progress_ctx = (void *)req;
	opt.stop = &is_interrupted;
	opt.want_basis = req->want_basis;
	if (req->warm) {
		warm_rows = mu_malloc(run->build->m->n_rows + 1);
		warm_cols = mu_malloc(run->build->m->n_cols + 1);
		sol_basis_for(req->warm, run->build->m, warm_rows, warm_cols);
		opt.warm_rows = warm_rows;
		opt.warm_cols = warm_cols;
	}
	if (run->build->m->n_cols >= SOL_SIFT_MIN_COLS)
		opt.col_is_core = core_cols = pol_build_core_cols(run->build);
	rc = sol_glpk_solve(run->build->m, &opt, &run->result, err);
	free(core_cols);
	free(warm_rows);
	free(warm_cols);
	if (opt.progress && opt.is_mip)
		fputs("\r\033[K", stderr);
	if (rc != MU_OK)
		return rc;
	if (is_interrupted)
		return mu_err_set(err, MU_E_SOLVER, "interrupted; no run was recorded");
	if (run->result.status == SOL_NO_SOLUTION && req->time_limit > 0)
		return mu_err_set(err, MU_E_SOLVER,
		                  "the time limit of %g s passed before the linear relaxation "
		                  "was solved; no %s; allow more time",
		                  req->time_limit, req->is_lp ? "plan" : "rota");
	if (run->result.status != SOL_OPTIMAL && run->result.status != SOL_FEASIBLE)
		return mu_err_set(err, MU_E_SOLVER, "the solver found no %s (%s)",
		                  req->is_lp ? "plan" : "rota",
		                  sol_status_name(run->result.status));
	run->plan = pol_plan_new(run->build, run->result.x);
	if (req->is_lp)
		run->prices =
		    pol_prices_new(run->build, run->result.row_dual, run->result.row_activity,
		                   run->result.rhs_from, run->result.rhs_to);
	if (!req->out)
		return MU_OK;
	if ((rc = io_report_write_plan(req->out, run->plan->rows, run->plan->n_rows, err)) ||
	    (rc = io_report_write_summary(req->out, sc, run->plan->partners, &run->plan->system,
	                                  err)))
		return rc;
	if (run->prices &&
	    (rc = io_report_write_prices(req->out, run->prices->rows, run->prices->n_rows, err)))
		return rc;
	if (req->is_report) {
		struct io_html_plan view;
		cli_run_html_plan(req, run, req->is_silo ? "Silo plan" : "System plan", &view);
		return io_html_write_solve(req->out, sc, req->label, &view, err);
	}
	return MU_OK;
}

void cli_run_html_plan(const struct cli_run_request *req, const struct cli_run *run,
                       const char *heading, struct io_html_plan *out)
{
	memset(out, 0, sizeof(*out));
	out->heading = heading;
	out->mode = cli_run_mode_name(req);
	out->status = sol_status_name(run->result.status);
	out->objective = run->result.objective;
	out->has_gap = !req->is_lp && run->result.has_bound;
	out->gap = run->result.gap;
	out->rows = run->plan->rows;
	out->n_rows = run->plan->n_rows;
	out->partners = run->plan->partners;
	out->system = &run->plan->system;
	if (run->prices) {
		out->prices = run->prices->rows;
		out->n_prices = run->prices->n_rows;
	}
}

static void add_setting(struct io_run_setting *out, char text[][32], size_t *n, const char *key,
                        double value)
{
	snprintf(text[*n], 32, "%.15g", value);
	out[*n].key = key;
	out[*n].value = text[*n];
	(*n)++;
}

/* The settings in force, defaults included, as key/value text. */
static size_t settings_text(const struct mu_settings *s, struct io_run_setting *out,
                            char text[][32])
{
	size_t n = 0;
	add_setting(out, text, &n, "shortfall_penalty", s->shortfall_penalty);
	add_setting(out, text, &n, "floor_penalty", s->floor_penalty);
	add_setting(out, text, &n, "min_rest_hours", s->min_rest_hours);
	out[n].key = "allow_break_glass";
	out[n++].value = s->allow_break_glass ? "yes" : "no";
	add_setting(out, text, &n, "break_glass_penalty", s->break_glass_penalty);
	add_setting(out, text, &n, "tier_penalty", s->tier_penalty);
	if (s->has_agency_budget)
		add_setting(out, text, &n, "agency_budget", s->agency_budget);
	return n;
}

/* The KPIs of every partner and of the system. *n_out gets the count. */
static struct io_run_kpi *plan_kpis(const struct mu_scenario *sc, const struct pol_plan *plan,
                                    size_t *n_out)
{
	struct io_run_kpi *kpis = mu_malloc((sc->n_partners + 1) * MU_KPI_MAX * sizeof(*kpis));
	struct mu_kpi one[MU_KPI_MAX];
	size_t p, k, n = 0, m;
	for (p = 0; p <= sc->n_partners; p++) {
		bool is_system = p == sc->n_partners;
		m = mu_totals_kpis(is_system ? &plan->system : &plan->partners[p], one);
		for (k = 0; k < m; k++)
			kpis[n++] = (struct io_run_kpi){is_system ? "SYSTEM" : sc->partners[p].id,
			                                one[k].name, one[k].value};
	}
	*n_out = n;
	return kpis;
}

void cli_run_describe(const struct mu_scenario *sc, const struct cli_run_request *req,
                      const struct cli_run *run, struct cli_run_stored *out)
{
	const struct sol_result *res = &run->result;
	struct io_run *r = &out->r;
	memset(out, 0, sizeof(*out));
	r->command = req->command;
	r->mode = req->is_lp ? "plan" : "rota";
	r->is_silo = req->is_silo;
	r->status = sol_status_name(res->status);
	r->has_objective = true;
	r->objective = res->objective;
	r->has_bound = res->has_bound;
	r->best_bound = res->bound;
	r->has_gap = !req->is_lp && res->has_bound;
	r->gap = res->gap;
	r->time_read = req->time_read;
	r->time_build = run->time_build;
	r->time_solve = res->solve_seconds;
	r->time_total = mu_time_now() - req->started;
	r->n_rows = (long)res->n_rows;
	r->n_cols = (long)res->n_cols;
	r->n_nonzeros = (long)res->n_nonzeros;
	r->settings = out->settings;
	r->n_settings = settings_text(&sc->settings, out->settings, out->text);
	r->kpis = plan_kpis(sc, run->plan, &r->n_kpis);
	r->plan = run->plan->rows;
	r->n_plan = run->plan->n_rows;
}

void cli_run_stored_release(struct cli_run_stored *s)
{
	free((void *)s->r.kpis);
	s->r.kpis = NULL;
}

bool cli_run_is_interrupted(void)
{
	return is_interrupted != 0;
}

enum mu_code cli_run_record(const char *db, const struct io_source *src,
                            const struct mu_scenario *sc, const struct cli_run_request *req,
                            const struct cli_run *run, int64_t *id, struct mu_err *err)
{
	struct cli_run_stored stored;
	struct io_store *st = NULL;
	enum mu_code rc;

	if (is_interrupted)
		return mu_err_set(err, MU_E_SOLVER, "interrupted; no run was recorded");
	cli_run_describe(sc, req, run, &stored);
	if ((rc = io_store_open(db, true, &st, err)) == MU_OK)
		rc = io_store_add_run(st, src, &stored.r, id, err);
	io_store_close(st);
	cli_run_stored_release(&stored);
	return rc;
}

void cli_run_release(struct cli_run *run)
{
	pol_prices_free(run->prices);
	pol_plan_free(run->plan);
	sol_result_release(&run->result);
	pol_build_free(run->build);
	memset(run, 0, sizeof(*run));
}
