/*
 * model_harness.c - one solve, checked by plan_check, by summary.csv adding
 * up to plan.csv, against the natural model (no pools) solved by muster,
 * and by CBC or CLP on the natural model's MPS as muster writes it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "model_harness.h"

#include "core/mu_alloc.h"
#include "io/io_html.h"
#include "io/io_keep.h"
#include "io/io_report.h"
#include "io/io_scenario.h"
#include "plan_check.h"
#include "sum_check.h"
#include "policies/pol_solve.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_file(struct io_source *src, const char *name, const char *text)
{
	struct io_file *f = &src->files[src->n_files++];
	f->name = mu_strdup(name);
	f->data = mu_strdup(text);
	f->len = strlen(text);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct io_file *)a)->name, ((const struct io_file *)b)->name);
}

struct mu_scenario *harness_load(const struct harness_file *defaults,
                                 const struct harness_file *files)
{
	struct io_source *src = mu_calloc(1, sizeof(*src));
	struct mu_scenario *sc;
	size_t n = 0, i, k;
	for (i = 0; defaults[i].name; i++)
		n++;
	for (i = 0; files[i].name; i++)
		n++;
	src->label = mu_strdup("test");
	src->files = mu_calloc(n + 1, sizeof(*src->files));
	for (i = 0; defaults[i].name; i++) {
		bool is_replaced = false;
		for (k = 0; files[k].name; k++)
			is_replaced = is_replaced || strcmp(files[k].name, defaults[i].name) == 0;
		if (!is_replaced)
			add_file(src, defaults[i].name, defaults[i].text);
	}
	for (k = 0; files[k].name; k++)
		add_file(src, files[k].name, files[k].text);
	qsort(src->files, src->n_files, sizeof(*src->files), by_name);
	sc = tu_parse(src);
	io_source_free(src);
	return sc;
}

double harness_peer_objective(const char *mps, bool is_mip)
{
	char cmd[700], line[512];
	/* CBC says "Objective value:", or as CLP does when it has no integers */
	static const char *const prefixes[] = {"Objective value:", "Optimal objective "};
	size_t k;
	double v = NAN;
	FILE *p;
	if (is_mip)
		snprintf(cmd, sizeof(cmd), "cbc '%s' -solve 2>&1", mps);
	else
		snprintf(cmd, sizeof(cmd), "clp '%s' -dualsimplex 2>&1", mps);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof(line), p))
		for (k = 0; k < 2; k++)
			if (strncmp(line, prefixes[k], strlen(prefixes[k])) == 0)
				v = strtod(line + strlen(prefixes[k]), NULL);
	pclose(p);
	return v;
}

/* How a harness solve builds its model (pol_solve_request's fields). */
struct harness_how {
	bool is_silo;
	const double *guarantee_cap;
	const bool *coalition;
	const struct mu_keep *keep;
	const char *kept; /* the kept plan.csv keep was read from */
	struct mu_changes **changes;
};

/* harness_check_outputs, the model built as h says (NULL: the system). */
static void check_outputs(const struct mu_scenario *sc, const char *dir, bool is_rota, bool is_silo,
                          const struct harness_how *h, double objective)
{
	char plan[400], summary[400], why[512];
	struct plan_check how = {.is_silo = is_silo,
	                         .coalition = h ? h->coalition : NULL,
	                         .is_rota = is_rota,
	                         .objective = objective,
	                         .summary = summary,
	                         .kept = h ? h->kept : NULL,
	                         .has_now = h && h->keep && h->keep->has_now,
	                         .now = h && h->keep ? h->keep->now : 0};
	snprintf(plan, sizeof(plan), "%s/plan.csv", dir);
	snprintf(summary, sizeof(summary), "%s/summary.csv", dir);
	if (!plan_check_file(sc, plan, &how, why, sizeof(why)))
		fail_msg("%s", why);
	if (!plan_check_summary(plan, summary, why, sizeof(why)))
		fail_msg("%s", why);
	if (!sum_check_summary(summary, why, sizeof(why)))
		fail_msg("%s", why);
	if (!sum_check_plan(plan, summary, why, sizeof(why)))
		fail_msg("%s", why);
}

void harness_check_outputs(const struct mu_scenario *sc, const char *dir, bool is_rota,
                           bool is_silo, double objective)
{
	check_outputs(sc, dir, is_rota, is_silo, NULL, objective);
}

double harness_plan_objective(const struct mu_scenario *sc, struct pol_warm *warm,
                              struct pol_solved *keep)
{
	struct pol_solve_request req = {.is_lp = true, .want_ranges = keep != NULL, .warm = warm};
	struct pol_solved here, *s = keep ? keep : &here;
	struct mu_err err;
	double objective;
	assert_int_equal(pol_solve(sc, &req, s, &err), MU_OK);
	assert_int_equal(s->status, MU_STATUS_OPTIMAL);
	objective = s->objective;
	if (!keep)
		pol_solved_release(&here);
	return objective;
}

static double solve_checked(const struct mu_scenario *sc, bool is_lp, const struct harness_how *how)
{
	bool is_silo = how->is_silo;
	/* the independent solver gets the natural model of DESIGN.md §3 (one
	 * bank column per worker, shift, partner and role), written before
	 * the rota's extra rows: muster's pools are checked by it too */
	struct pol_solve_request plain = {.is_lp = is_lp,
	                                  .is_silo = is_silo,
	                                  .guarantee_cap = how->guarantee_cap,
	                                  .coalition = how->coalition,
	                                  .keep = how->keep,
	                                  .pool = POL_POOL_ALWAYS,
	                                  .sift = POL_SIFT_NEVER,
	                                  .is_without_cuts = true};
	struct pol_solve_request sifted = {.is_lp = is_lp,
	                                   .is_silo = is_silo,
	                                   .guarantee_cap = how->guarantee_cap,
	                                   .coalition = how->coalition,
	                                   .keep = how->keep,
	                                   .pool = POL_POOL_ALWAYS,
	                                   .sift = POL_SIFT_ALWAYS};
	struct pol_solve_request natural = {.is_lp = is_lp,
	                                    .is_silo = is_silo,
	                                    .guarantee_cap = how->guarantee_cap,
	                                    .coalition = how->coalition,
	                                    .keep = how->keep,
	                                    .pool = POL_POOL_NEVER};
	struct pol_solved s;
	struct mu_err err;
	char mps[300], mps_natural[300];
	double objective, peer;

	tu_path(mps, sizeof(mps), "model.mps");
	tu_path(mps_natural, sizeof(mps_natural), "natural.mps");
	plain.mps = mps;
	plain.mps_natural = mps_natural;
	assert_int_equal(pol_solve(sc, &plain, &s, &err), MU_OK);
	assert_int_equal(s.status, MU_STATUS_OPTIMAL);
	objective = s.objective;
	/* every pool's staff given to its workers (fractions too, in plan
	 * mode) make a plan that meets §3 and costs the objective */
	assert_true(fabs(s.plan->objective - objective) <= 1e-6 * (1 + fabs(objective)));
	assert_int_equal(io_report_write_plan(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
	assert_int_equal(io_report_write_summary(tu_dir(), sc, s.plan, &err), MU_OK);
	check_outputs(sc, tu_dir(), !is_lp, is_silo, how, objective);
	{
		/* the page's partner table adds up as shown (issue 24) */
		struct io_html_plan view = {.heading = "generated",
		                            .mode = is_lp ? "plan" : "rota",
		                            .is_plan = is_lp,
		                            .status = s.status,
		                            .objective = s.objective,
		                            .plan = s.plan};
		char page[400], why[512];
		assert_int_equal(io_html_write_solve(tu_dir(), sc, "generated", &view, &err),
		                 MU_OK);
		tu_path(page, sizeof(page), "report.html");
		if (!sum_check_partner_table(page, why, sizeof(why)))
			fail_msg("%s", why);
	}
	pol_solved_release(&s);
	/* the natural model (no pools) has the same optimum, and its plan
	 * passes the same checks */
	assert_int_equal(pol_solve(sc, &natural, &s, &err), MU_OK);
	assert_int_equal(s.status, MU_STATUS_OPTIMAL);
	if (!(fabs(s.objective - objective) <= 1e-9 * (1 + fabs(objective))))
		fail_msg("natural model %.9f, pooled %.9f", s.objective, objective);
	assert_int_equal(io_report_write_plan(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
	assert_int_equal(io_report_write_summary(tu_dir(), sc, s.plan, &err), MU_OK);
	check_outputs(sc, tu_dir(), !is_lp, is_silo, how, objective);
	if (!is_lp) {
		/* rota.csv says the bank rows, each at the rate paid (§3d) */
		char plan[400], rota[400], why[512];
		assert_int_equal(io_report_write_rota(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
		tu_path(plan, sizeof(plan), "plan.csv");
		tu_path(rota, sizeof(rota), "rota.csv");
		if (!plan_check_rota(sc, plan, rota, why, sizeof(why)))
			fail_msg("%s", why);
	}
	if (how->changes)
		*how->changes = mu_keep_changes(how->keep, sc, s.plan, s.keep_gone,
		                                sc->settings.change_penalty);
	pol_solved_release(&s);
	/* sifting over the pooled model (the relaxation of a rota included)
	 * finds the same optimum, and so does the rota with the rows of
	 * pol_rota_cuts.c over pooled workers; the commands' own choice of
	 * pools (from 4, rota mode only) is solved by test_cli (the example's rota) */
	assert_int_equal(pol_solve(sc, &sifted, &s, &err), MU_OK);
	assert_int_equal(s.status, MU_STATUS_OPTIMAL);
	if (!(fabs(s.objective - objective) <= 1e-9 * (1 + fabs(objective))))
		fail_msg("sifted%s %.9f, one simplex call %.9f", is_lp ? "" : " with cuts",
		         s.objective, objective);
	/* the rows' costs add up to the objective */
	assert_true(fabs(s.plan->objective - objective) <= 1e-6 * (1 + fabs(objective)));

	assert_int_equal(io_report_write_plan(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
	assert_int_equal(io_report_write_summary(tu_dir(), sc, s.plan, &err), MU_OK);
	check_outputs(sc, tu_dir(), !is_lp, is_silo, how, objective);

	peer = harness_peer_objective(mps_natural, !is_lp);
	if (!(fabs(peer - objective) <= 1e-6 * (1 + fabs(objective))))
		fail_msg("muster %.6f, %s on the natural model %.6f", objective,
		         is_lp ? "CLP" : "CBC", peer);

	pol_solved_release(&s);
	return objective;
}

double harness_solve(const struct mu_scenario *sc, bool is_lp, bool is_silo)
{
	return solve_checked(sc, is_lp, &(struct harness_how){.is_silo = is_silo});
}

double harness_solve_guaranteed(const struct mu_scenario *sc, bool is_lp, bool is_silo,
                                const double *guarantee_cap)
{
	return solve_checked(
	    sc, is_lp, &(struct harness_how){.is_silo = is_silo, .guarantee_cap = guarantee_cap});
}

double harness_solve_kept(const struct mu_scenario *sc, bool is_lp, const char *kept, bool has_now,
                          long now, struct mu_changes **changes)
{
	char path[300];
	struct mu_keep *keep = NULL;
	struct mu_err err;
	double objective;
	tu_path(path, sizeof(path), "kept.csv");
	tu_write(path, kept, strlen(kept));
	if (io_keep_read(path, NULL, sc, &keep, &err) != MU_OK)
		fail_msg("the kept plan: %s", err.msg);
	keep->has_now = has_now;
	keep->now = now;
	objective = solve_checked(
	    sc, is_lp, &(struct harness_how){.keep = keep, .kept = path, .changes = changes});
	mu_keep_free(keep);
	return objective;
}

double harness_solve_coalition(const struct mu_scenario *sc, bool is_lp, const bool *coalition)
{
	return solve_checked(sc, is_lp, &(struct harness_how){.coalition = coalition});
}
