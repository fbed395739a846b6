/*
 * test_twostage.c - the two-stage plan of DESIGN.md §3e (`solve
 * --scenarios`), hand-solved and checked by an independent solver: the
 * newsvendor (bank booked now against late agency: the booking is a
 * quantile of the scenarios' demand), one scenario equal to demand.csv
 * giving the plan of §3's objective, CBC and CLP on muster's MPS, and
 * each day's plan re-derived from its rows (plan_check).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_draws.h"
#include "io/io_draws.h"
#include "model_harness.h"
#include "policies/pol_solve.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One role, one shift of 1 paid hour (costs per staff are £/h), partner p
 * with no own staff; six bank workers at bank_rate 15 who offered it; an
 * agency offer at 40, whose late rate is 40 x 1.25 = 50. */
static const struct harness_file newsvendor[] = {
    {"partners.csv", "id\np\n"},
    {"roles.csv", "id\nrn\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\ns1,2026-11-30,08:00,09:00,1\n"},
    {"demand.csv", "partner,role,shift,required\np,rn,s1,3\n"},
    {"staff.csv", "partner,role,shift,available\n"},
    {"caps.csv", "role,bank_rate,agency_cap\nrn,15,\n"},
    {"bank.csv", "id,role,home\nw1,rn,p\nw2,rn,p\nw3,rn,p\nw4,rn,p\nw5,rn,p\nw6,rn,p\n"},
    {"availability.csv", "worker,shift\nw1,s1\nw2,s1\nw3,s1\nw4,s1\nw5,s1\nw6,s1\n"},
    {"agency.csv", "supplier,role,partner,rate\nx,rn,p,40\n"},
    {NULL, NULL},
};

static const struct harness_file none[] = {{NULL, NULL}};

/* The draws of text (a scenarios.csv) against sc. */
static struct mu_draws *draws_of(const struct mu_scenario *sc, const char *text)
{
	char path[4096];
	struct mu_errlist list;
	struct mu_draws *dr = NULL;
	char *messages;
	tu_path(path, sizeof(path), "scenarios.csv");
	tu_write(path, text, strlen(text));
	mu_errlist_init(&list);
	if (io_draws_read(path, NULL, sc, &dr, &list) != MU_OK) {
		messages = tu_err_messages(&list);
		fail_msg("scenarios.csv:\n%s", messages);
	}
	return dr;
}

/* The staff of source in plan (late agency apart when is_late). */
static double staff_of(const struct mu_plan *plan, enum mu_source source, bool is_late)
{
	double v = 0;
	size_t i;
	for (i = 0; i < plan->n_rows; i++)
		if (plan->rows[i].source == source && plan->rows[i].is_late == is_late)
			v += plan->rows[i].staff;
	return v;
}

/* Solves sc on dr (rota, or plan when is_lp), writes the model to
 * tu_dir()/twostage.mps and checks what every two-stage solve must hold:
 * proven optimal, one plan per day, the objective = what is decided now +
 * the mean over the days of the day's cost, and CBC (rota) or CLP (plan)
 * on the MPS at the same objective. */
static void solve_checked(const struct mu_scenario *sc, const struct mu_draws *dr, bool is_lp,
                          struct pol_solved *s)
{
	char mps[4096];
	struct mu_err err;
	double mean = 0, peer;
	size_t k;
	tu_path(mps, sizeof(mps), "twostage.mps");
	mu_err_clear(&err);
	if (pol_solve(sc, &(struct pol_solve_request){.is_lp = is_lp, .draws = dr, .mps = mps}, s,
	              &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(s->status, MU_STATUS_OPTIMAL);
	assert_int_equal(s->n_days, dr->n_scenarios);
	for (k = 0; k < s->n_days; k++)
		mean += (s->days[k]->objective - s->plan->objective) / (double)s->n_days;
	if (!(fabs(s->plan->objective + mean - s->objective) < 1e-6 * (1 + fabs(s->objective))))
		fail_msg("now %.6f + mean day %.6f != objective %.6f", s->plan->objective, mean,
		         s->objective);
	peer = harness_peer_objective(mps, !is_lp);
	if (!(fabs(peer - s->objective) <= 1e-6 * (1 + fabs(s->objective))))
		fail_msg("muster %.6f, %s %.6f", s->objective, is_lp ? "CLP" : "CBC", peer);
}

/* The newsvendor: demand 1, 2, 3, 4 or 5 staff, each with weight 1/5.
 * Booking the k-th bank worker now costs b = 15 and saves late agency at
 * a = 50 on the days demand reaches k: worth it while 50 x P(D >= k) >
 * 15, i.e. P(D >= k) > 0.3: k = 4 (P = 0.4: saves 20), not 5 (P = 0.2:
 * saves 10). So the booking is 4 = the (1 - b/a) = 0.7-quantile of D.
 * Agency booked now (40) costs more than a bank worker (15) while bank
 * workers are left, so none is booked. Objective: 4 x 15 = 60 now, and
 * on the day late agency only when D = 5: 1 x 50 / 5 = 10; in all 70. The
 * same in plan mode (the relaxation's optimum is a scenario's demand). The
 * plan of §3 for required 3 books 3 bank workers, 45. */
static void test_twostage_newsvendor_books_the_quantile(void **state)
{
	struct mu_scenario *sc = harness_load(newsvendor, none);
	struct mu_draws *dr = draws_of(sc, "scenario,partner,role,shift,required\n"
	                                   "d1,p,rn,s1,1\nd2,p,rn,s1,2\nd3,p,rn,s1,3\n"
	                                   "d4,p,rn,s1,4\nd5,p,rn,s1,5\n");
	int mode;
	(void)state;
	for (mode = 0; mode < 2; mode++) {
		struct pol_solved s;
		size_t k;
		solve_checked(sc, dr, mode == 1, &s);
		assert_true(fabs(s.objective - 70) < 1e-6);
		assert_true(fabs(staff_of(s.plan, MU_SRC_BANK, false) - 4) < 1e-6);
		assert_true(fabs(staff_of(s.plan, MU_SRC_AGENCY, false)) < 1e-6);
		assert_true(fabs(s.plan->objective - 60) < 1e-6);
		for (k = 0; k < 5; k++) {
			double late = staff_of(s.days[k], MU_SRC_AGENCY, true);
			assert_true(fabs(late - (k == 4 ? 1 : 0)) < 1e-6);
			assert_true(fabs(s.days[k]->objective - (60 + 50 * late)) < 1e-6);
			assert_true(s.days[k]->system.unfilled_hours < 1e-6);
		}
		pol_solved_release(&s);
	}
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

/* The two-stage plan on one scenario against the plan of §3, is_lp's
 * mode, at the same objective; the day has no late agency. */
static void expect_as_plan_of_3(const struct mu_scenario *sc, const struct mu_draws *dr, bool is_lp)
{
	struct pol_solved s, det;
	struct mu_err err;
	mu_err_clear(&err);
	solve_checked(sc, dr, is_lp, &s);
	if (pol_solve(sc, &(struct pol_solve_request){.is_lp = is_lp, .pool = POL_POOL_NEVER}, &det,
	              &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(det.status, MU_STATUS_OPTIMAL);
	if (!(fabs(s.objective - det.objective) < 1e-6 * (1 + fabs(det.objective))))
		fail_msg("%s: two-stage %.6f, plan of §3 %.6f", is_lp ? "plan" : "rota",
		         s.objective, det.objective);
	assert_true(fabs(s.days[0]->objective - det.objective) < 1e-6 * (1 + fabs(det.objective)));
	assert_true(staff_of(s.days[0], MU_SRC_AGENCY, true) < 1e-6);
	pol_solved_release(&det);
	pol_solved_release(&s);
}

/* One scenario that says what demand.csv says: what is decided now is
 * then all that is needed (late agency costs 25% more than booking it
 * now), and the two-stage plan is the plan of §3 at its objective. The
 * example in plan mode (CLP on the MPS too). In rota mode only where a
 * day's continuous own staff and lending can do no better than whole ones:
 * the newsvendor's one partner with demand 3 (three bank workers, 45); on
 * the example the rota of §3 is 318,919.95 and the two-stage rota on one
 * scenario 318,297.08, as the day lends fractions of staff (DESIGN.md
 * §3e: the day's adaptation is continuous). */
static void test_twostage_one_scenario_as_demand_is_the_plan_of_3(void **state)
{
	struct mu_scenario *sc = tu_load_example();
	char text[512];
	const struct mu_demand *d = &sc->demand[0];
	struct mu_draws *dr;
	(void)state;
	snprintf(text, sizeof(text), "scenario,partner,role,shift,required\nsame,%s,%s,%s,%g\n",
	         sc->partners[d->partner].id, sc->roles[d->role].id, sc->shifts[d->shift].id,
	         d->required);
	dr = draws_of(sc, text);
	expect_as_plan_of_3(sc, dr, true);
	mu_draws_free(dr);
	mu_scenario_free(sc);

	sc = harness_load(newsvendor, none);
	dr = draws_of(sc, "scenario,partner,role,shift,required\nsame,p,rn,s1,3\n");
	expect_as_plan_of_3(sc, dr, false);
	expect_as_plan_of_3(sc, dr, true);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_twostage_newsvendor_books_the_quantile),
	    cmocka_unit_test(test_twostage_one_scenario_as_demand_is_the_plan_of_3),
	};
	return tu_run_tests(tests, NULL, NULL);
}
