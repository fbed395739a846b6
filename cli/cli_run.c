/*
 * cli_run.c - build, solve, read back, write and record one run. Holds the
 * command's only process-wide state: the flag a Ctrl-C sets, so that the
 * search stops cleanly and no run is recorded.
 */
#include "cli_run.h"

#include "cli.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "core/mu_time.h"
#include "io/io_report.h"
#include "io/io_say.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

void cli_run_print_unfilled(const struct mu_scenario *sc, const struct cli_run *run, size_t n_shown)
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
			       d->required, d->minimum);
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

void cli_run_print_changes(const struct mu_scenario *sc, const struct cli_run *run, size_t n_shown)
{
	const struct mu_changes *c = run->changes;
	struct mu_buf text;
	char money[MU_MONEY_SIZE];
	size_t i, p;
	if (!c)
		return;
	mu_buf_init(&text);
	io_say_changes(&text, c);
	printf("%s\n", cli_safe(text.data));
	for (p = 0; p < sc->n_partners; p++)
		if (c->by_partner[p] > 0)
			printf("  %s: %zu change%s at or from it, change penalties %s\n",
			       cli_safe(sc->partners[p].id), c->by_partner[p],
			       c->by_partner[p] == 1 ? "" : "s",
			       cli_money(money, c->penalty_by_partner[p]));
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

/* The folder of partner p's own outputs under out: partners/ID (an id of
 * "." or ".." is a valid identifier, but not a folder of its own). */
static char *partner_dir(const char *out, const char *id)
{
	bool is_dots = strcmp(id, ".") == 0 || strcmp(id, "..") == 0;
	char *dir = mu_malloc(strlen(out) + strlen(id) + sizeof("/partners/_"));
	sprintf(dir, "%s/partners/%s%s", out, is_dots ? "_" : "", id);
	return dir;
}

/* plan.csv, summary.csv, rota.csv (rota mode), prices.csv (plan mode) and
 * report.html into req->out, and each partner's slice into
 * partners/PARTNER/. */
static enum mu_code write_outputs(const struct mu_scenario *sc, const struct cli_run_request *req,
                                  const struct cli_run *run, struct mu_err *err)
{
	const struct pol_solved *s = &run->solved;
	struct io_html_plan view;
	char *dir = NULL;
	enum mu_code rc;
	size_t p;
	if ((rc = io_report_write_plan(req->out, sc, s->plan, MU_ALL, err)) ||
	    (rc = io_report_write_summary(req->out, sc, s->plan, err)) ||
	    (!req->is_lp && (rc = io_report_write_rota(req->out, sc, s->plan, MU_ALL, err))) ||
	    (rc = io_report_write_why(req->out, sc, s->plan, run->why, err)) ||
	    (s->prices && (rc = io_report_write_prices(req->out, s->prices, s->n_prices, err))) ||
	    (run->changes && (rc = io_report_write_changes(req->out, sc, run->changes, err))))
		return rc;
	cli_run_html_plan(req, run, req->is_silo ? "Silo plan" : "System plan", &view);
	if (req->is_report && (rc = io_html_write_solve(req->out, sc, req->label, &view, err)))
		return rc;
	dir = mu_malloc(strlen(req->out) + sizeof("/partners"));
	sprintf(dir, "%s/partners", req->out);
	mkdir(dir, 0777);
	free(dir);
	for (p = 0; p < sc->n_partners && rc == MU_OK; p++) {
		dir = partner_dir(req->out, sc->partners[p].id);
		view.is_partner_page = true;
		view.partner = p;
		view.heading = sc->partners[p].name;
		if ((rc = io_report_write_plan(dir, sc, s->plan, p, err)) == MU_OK && !req->is_lp)
			rc = io_report_write_rota(dir, sc, s->plan, p, err);
		if (rc == MU_OK && req->is_report)
			rc = io_html_write_solve(dir, sc, req->label, &view, err);
		free(dir);
	}
	return rc;
}

double *cli_run_guarantee_caps(const struct mu_scenario *sc, const struct mu_plan *silo)
{
	double *cap = mu_malloc((sc->n_partners + 1) * sizeof(double));
	size_t p;
	for (p = 0; p < sc->n_partners; p++)
		cap[p] = silo->partners[p].unfilled_penalty;
	return cap;
}

bool cli_run_is_guaranteed(const struct mu_scenario *sc, const struct cli_run_request *req)
{
	return !req->is_silo && !req->is_without_guarantee &&
	       sc->settings.guarantee == MU_GUARANTEE_UNFILLED;
}

/* The guarantee's caps for a system run that was given none: the silo
 * plan solved first, in the same mode and within the same limits. */
static enum mu_code solve_guarantee_caps(const struct mu_scenario *sc,
                                         const struct pol_solve_request *system, double **cap,
                                         struct mu_err *err)
{
	struct pol_solve_request how = *system;
	struct pol_solved silo;
	enum mu_code rc;
	how.is_silo = true;
	how.guarantee_cap = NULL;
	how.keep = NULL; /* the kept plan is a system plan: the silo's caps are a fresh silo's */
	how.mps = how.mps_natural = NULL;
	how.want_ranges = false;
	how.warm = NULL; /* the warm basis is the system model's */
	how.progress = NULL;
	if ((rc = pol_solve(sc, &how, &silo, err)) != MU_OK)
		return rc;
	*cap = cli_run_guarantee_caps(sc, silo.plan);
	pol_solved_release(&silo);
	return MU_OK;
}

enum mu_code cli_run_solve(const struct mu_scenario *sc, const struct cli_run_request *req,
                           struct cli_run *run, struct mu_err *err)
{
	bool is_tty = isatty(STDERR_FILENO);
	struct pol_solve_request how = {
	    .is_lp = req->is_lp,
	    .is_silo = req->is_silo,
	    .time_limit = req->time_limit,
	    .work_limit = req->work_limit,
	    .mps = req->mps,
	    .mps_natural = req->mps_natural,
	    .want_ranges = req->is_lp && req->out,
	    .warm = req->warm,
	    .progress = is_tty && !req->is_quiet ? show_progress : NULL,
	    .progress_ctx = (void *)req,
	    .stop = &is_interrupted,
	    .keep = req->keep,
	};
	double *own_cap = NULL;
	enum mu_code rc;

	memset(run, 0, sizeof(*run));
	catch_interrupt();
	if (cli_run_is_guaranteed(sc, req)) {
		if (!req->guarantee_cap &&
		    (rc = solve_guarantee_caps(sc, &how, &own_cap, err)) != MU_OK)
			return rc;
		how.guarantee_cap = req->guarantee_cap ? req->guarantee_cap : own_cap;
	}
	rc = pol_solve(sc, &how, &run->solved, err);
	free(own_cap); /* read while building only */
	if (how.progress && !req->is_lp)
		fputs("\r\033[K", stderr);
	if (rc != MU_OK)
		return rc;
	if (is_interrupted)
		return mu_err_set(err, MU_E_SOLVER, "interrupted; the run was not recorded");
	run->why = pol_why_new(&run->solved);
	if (req->keep)
		run->changes = mu_keep_changes(req->keep, sc, run->solved.plan,
		                               run->solved.keep_gone, sc->settings.change_penalty);
	return req->out ? write_outputs(sc, req, run, err) : MU_OK;
}

void cli_run_html_plan(const struct cli_run_request *req, const struct cli_run *run,
                       const char *heading, struct io_html_plan *out)
{
	memset(out, 0, sizeof(*out));
	out->heading = heading;
	out->mode = cli_run_mode_name(req);
	out->status = run->solved.status;
	out->objective = run->solved.objective;
	out->has_gap = !req->is_lp && run->solved.has_bound;
	out->gap = run->solved.gap;
	out->plan = run->solved.plan;
	out->prices = run->solved.prices;
	out->n_prices = run->solved.n_prices;
	out->why = run->why;
	out->changes = run->changes;
}

/* The settings in force, defaults included, as key/value text (an absent
 * optional setting, say agency_budget, is left out). */
static size_t settings_text(const struct mu_settings *s, struct io_run_setting *out,
                            char text[][MU_SETTING_TEXT_MAX])
{
	size_t i, n = 0;
	for (i = 0; i < MU_SETTING_COUNT; i++)
		if (mu_settings_text(s, i, text[n], MU_SETTING_TEXT_MAX)) {
			out[n].key = mu_settings_table[i].key;
			out[n].value = text[n];
			n++;
		}
	return n;
}

/* The KPIs of every partner and of the system. *n_out gets the count. */
static struct io_run_kpi *plan_kpis(const struct mu_scenario *sc, const struct mu_plan *plan,
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
	const struct pol_solved *res = &run->solved;
	struct io_run *r = &out->r;
	memset(out, 0, sizeof(*out));
	r->command = req->command;
	r->mode = req->is_lp ? "plan" : "rota";
	r->is_silo = req->is_silo;
	r->status = mu_status_name(res->status);
	r->has_objective = true;
	r->objective = res->objective;
	r->has_bound = res->has_bound;
	r->best_bound = res->bound;
	r->has_gap = !req->is_lp && res->has_bound;
	r->gap = res->gap;
	r->time_read = req->time_read;
	r->time_build = res->time_build;
	r->time_solve = res->time_solve;
	r->time_total = mu_time_now() - req->started;
	r->n_rows = (long)res->n_rows;
	r->n_cols = (long)res->n_cols;
	r->n_nonzeros = (long)res->n_nonzeros;
	r->settings = out->settings;
	r->n_settings = settings_text(&sc->settings, out->settings, out->text);
	r->kpis = plan_kpis(sc, res->plan, &r->n_kpis);
	r->sc = sc;
	r->plan = res->plan->rows;
	r->n_plan = res->plan->n_rows;
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
	io_store_set_stop(*out, &is_interrupted);
	return 0;
}

enum mu_code cli_run_record(struct io_store *st, const struct io_source *src,
                            const struct mu_scenario *sc, const struct cli_run_request *req,
                            const struct cli_run *run, int64_t *id, struct mu_err *err)
{
	struct cli_run_stored stored;
	enum mu_code rc;

	if (is_interrupted)
		return mu_err_set(err, MU_E_SOLVER, "interrupted; the run was not recorded");
	cli_run_describe(sc, req, run, &stored);
	rc = io_store_add_run(st, src, &stored.r, id, err);
	cli_run_stored_release(&stored);
	/* the store checks the flag just before COMMIT: set now, it came
	 * during the commit, which it could not stop */
	if (rc == MU_OK && is_interrupted)
		return mu_err_set(err, MU_E_SOLVER, "interrupted after run %lld was recorded in %s",
		                  (long long)*id, io_store_path(st));
	return rc;
}

void cli_run_release(struct cli_run *run)
{
	pol_solved_release(&run->solved);
	pol_why_free(run->why);
	run->why = NULL;
	mu_changes_free(run->changes);
	run->changes = NULL;
}
