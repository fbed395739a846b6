/*
 * test_recruit.c - the recruitment of DESIGN.md §3c, hand-solved: a post
 * worth recruiting, one not worth it, a budget that binds, nights not
 * allowed, overlapping shifts, max_posts, and two weeks whose weights
 * change the answer; each in rota and plan mode. Every joint model is also
 * solved by CBC (rota) or CLP (plan) from the MPS muster writes, and in
 * rota mode every week is solved again alone with the chosen posts' staff
 * written into staff.csv, through the checks of model_harness.c (plan
 * check, summary, the independent solver): it must cost what the week
 * cost in the joint plan.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_buf.h"
#include "io/io_report.h"
#include "io/io_source.h"
#include "model_harness.h"
#include "plan_check.h"
#include "policies/pol_recruit.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A week of seven 8 h day shifts at partner a; no staff. A short
 * staff-shift costs 200 x 8 = 1,600 a week; a post of 40 h a week works
 * five of the seven shifts. */
#define DAYS                                                                                       \
	"id,date,start,end,paid_hours\n"                                                           \
	"d1,2026-11-30,08:00,16:00,8\nd2,2026-12-01,08:00,16:00,8\n"                               \
	"d3,2026-12-02,08:00,16:00,8\nd4,2026-12-03,08:00,16:00,8\n"                               \
	"d5,2026-12-04,08:00,16:00,8\nd6,2026-12-05,08:00,16:00,8\n"                               \
	"d7,2026-12-06,08:00,16:00,8\n"
#define NEED_ONE_EACH_DAY                                                                          \
	"partner,role,shift,required\na,rn,d1,1\na,rn,d2,1\na,rn,d3,1\na,rn,d4,1\n"                \
	"a,rn,d5,1\na,rn,d6,1\na,rn,d7,1\n"

static const struct harness_file defaults[] = {
    {"partners.csv", "id\na\n"},
    {"roles.csv", "id\nrn\n"},
    {"shifts.csv", DAYS},
    {"demand.csv", NEED_ONE_EACH_DAY},
    {"staff.csv", "partner,role,shift,available\n"},
    {"recruits.csv", "partner,role,annual_cost,hours_per_week\na,rn,30000,40\n"},
    {NULL, NULL},
};

/* The staff.csv of a week with its posts as staff: the week's own staff
 * rows plus, per (partner, role, shift), the posts' staff there (rows
 * merged, rotatable kept: posts are not rotatable). */
static char *staff_of(const struct mu_scenario *sc, const double *post_staff)
{
	struct mu_buf b;
	size_t i, s, f;
	double *extra = calloc(sc->n_recruits * sc->n_shifts + 1, sizeof(double));
	memcpy(extra, post_staff, sc->n_recruits * sc->n_shifts * sizeof(double));
	mu_buf_init(&b);
	mu_buf_adds(&b, "partner,role,shift,available,rotatable\n");
	for (f = 0; f < sc->n_staff; f++) {
		const struct mu_staff *st = &sc->staff[f];
		long more = 0;
		for (i = 0; i < sc->n_recruits; i++)
			if (sc->recruits[i].partner == st->partner &&
			    sc->recruits[i].role == st->role) {
				more += lround(extra[i * sc->n_shifts + st->shift]);
				extra[i * sc->n_shifts + st->shift] = 0;
			}
		mu_buf_addf(&b, "%s,%s,%s,%ld,%ld\n", sc->partners[st->partner].id,
		            sc->roles[st->role].id, sc->shifts[st->shift].id, st->available + more,
		            st->rotatable);
	}
	for (i = 0; i < sc->n_recruits; i++)
		for (s = 0; s < sc->n_shifts; s++)
			if (lround(extra[i * sc->n_shifts + s]) > 0)
				mu_buf_addf(&b, "%s,%s,%s,%ld,0\n",
				            sc->partners[sc->recruits[i].partner].id,
				            sc->roles[sc->recruits[i].role].id, sc->shifts[s].id,
				            lround(extra[i * sc->n_shifts + s]));
	free(extra);
	return b.data;
}

/* Solves the weeks (files of each, over defaults) in one mode with
 * weights (NULL: 52 shared); checks the objective, the total posts, CBC or
 * CLP on the joint MPS, and in rota mode each week alone with its posts'
 * staff fixed. */
static void expect_mode(const struct harness_file *const *weeks, size_t n_weeks,
                        const double *weights, bool is_lp, double objective, double posts)
{
	struct mu_scenario *sc[4];
	struct pol_recruited r;
	struct mu_err err;
	char mps[400];
	double total = 0, peer;
	size_t k, i;
	for (k = 0; k < n_weeks; k++)
		sc[k] = harness_load(defaults, weeks[k]);
	snprintf(mps, sizeof(mps), "%s/recruit.mps", tu_dir());
	mu_err_clear(&err);
	assert_int_equal(
	    pol_recruit_solve(
	        &(struct pol_recruit_request){.weeks = (const struct mu_scenario *const *)sc,
	                                      .n_weeks = n_weeks,
	                                      .weights = weights,
	                                      .is_lp = is_lp,
	                                      .mps = mps},
	        &r, &err),
	    MU_OK);
	assert_int_equal(r.status, MU_STATUS_OPTIMAL);
	for (i = 0; i < r.n_posts; i++)
		total += r.posts[i];
	if (fabs(r.objective - objective) > 1e-6 || fabs(total - posts) > 1e-6)
		fail_msg("%s: objective %.6f posts %.6f, expected %.6f and %.6f",
		         is_lp ? "plan" : "rota", r.objective, total, objective, posts);
	peer = harness_peer_objective(mps, !is_lp);
	if (!(fabs(peer - objective) <= 1e-6 * (1 + objective)))
		fail_msg("%s on the joint model: %.6f, muster %.6f", is_lp ? "CLP" : "CBC", peer,
		         objective);
	/* given the posts the weeks are apart: each week alone with the posts
	 * fixed costs what it cost in the joint plan (both modes) */
	for (k = 0; k < n_weeks; k++) {
		struct pol_recruited one;
		const struct mu_scenario *week[1] = {sc[k]};
		const double weight[1] = {1};
		assert_int_equal(pol_recruit_solve(&(struct pol_recruit_request){.weeks = week,
		                                                                 .n_weeks = 1,
		                                                                 .weights = weight,
		                                                                 .is_lp = is_lp,
		                                                                 .fixed = r.posts},
		                                   &one, &err),
		                 MU_OK);
		assert_int_equal(one.status, MU_STATUS_OPTIMAL);
		assert_float_equal(one.objective - one.post_cost, r.plans[k]->objective, 1e-6);
		assert_float_equal(one.plans[0]->objective, r.plans[k]->objective, 1e-6);
		pol_recruited_release(&one);
	}
	for (k = 0; k < n_weeks && !is_lp; k++) {
		char *staff = staff_of(sc[k], r.post_staff[k]);
		char dir[400];
		struct mu_err werr;
		struct harness_file with[8];
		struct mu_scenario *alone;
		size_t n = 0;
		for (i = 0; weeks[k][i].name; i++)
			if (strcmp(weeks[k][i].name, "staff.csv") != 0)
				with[n++] = weeks[k][i];
		with[n++] = (struct harness_file){"staff.csv", staff};
		with[n] = (struct harness_file){NULL, NULL};
		alone = harness_load(defaults, with);
		assert_float_equal(harness_solve(alone, false, false), r.plans[k]->objective, 1e-6);
		/* and the joint plan's week, as recruit writes it, is a plan of it */
		snprintf(dir, sizeof(dir), "%s/week%zu", tu_dir(), k + 1);
		assert_int_equal(io_report_write_plan(dir, sc[k], r.plans[k], MU_ALL, &werr),
		                 MU_OK);
		assert_int_equal(io_report_write_summary(dir, sc[k], r.plans[k], &werr), MU_OK);
		harness_check_outputs(alone, dir, true, false, r.plans[k]->objective);
		mu_scenario_free(alone);
		free(staff);
	}
	pol_recruited_release(&r);
	for (k = 0; k < n_weeks; k++)
		mu_scenario_free(sc[k]);
}

static void expect(const struct harness_file *files, double rota, double rota_posts, double plan,
                   double plan_posts)
{
	const struct harness_file *weeks[1] = {files};
	expect_mode(weeks, 1, NULL, false, rota, rota_posts);
	expect_mode(weeks, 1, NULL, true, plan, plan_posts);
}

static void test_recruit_a_post_worth_recruiting(void **state)
{
	/* none: 7 short x 1,600 x 52 = 582,400 a year. One post works five
	 * shifts (2 short: 166,400 + 30,000); two work all seven: 60,000. Plan:
	 * 56 h / 40 = 1.4 posts, 42,000. */
	const struct harness_file files[] = {{NULL, NULL}};
	(void)state;
	expect(files, 60000, 2, 42000, 1.4);
}

static void test_recruit_a_post_not_worth_it(void **state)
{
	/* a post takes 40 h x 200 x 52 = 416,000 of shortfall off a year and
	 * costs 600,000: nobody is recruited, in either mode */
	const struct harness_file files[] = {
	    {"recruits.csv", "partner,role,annual_cost,hours_per_week\na,rn,600000,40\n"},
	    {NULL, NULL}};
	(void)state;
	expect(files, 582400, 0, 582400, 0);
}

static void test_recruit_a_budget_that_binds(void **state)
{
	/* recruit_budget 30,000: one post, 2 shifts short (rota); plan: the
	 * one post's 40 h, 16 h short = 166,400 + 30,000 */
	const struct harness_file files[] = {{"settings.csv", "key,value\nrecruit_budget,30000\n"},
	                                     {NULL, NULL}};
	(void)state;
	expect(files, 196400, 1, 196400, 1);
}

static void test_recruit_max_posts(void **state)
{
	const struct harness_file files[] = {
	    {"recruits.csv",
	     "partner,role,annual_cost,hours_per_week,max_posts\na,rn,30000,40,1\n"},
	    {NULL, NULL}};
	(void)state;
	expect(files, 196400, 1, 196400, 1);
}

#define NIGHTS                                                                                     \
	"id,date,start,end,paid_hours\n"                                                           \
	"d1,2026-11-30,22:00,06:00,8\nd2,2026-12-01,22:00,06:00,8\n"                               \
	"d3,2026-12-02,22:00,06:00,8\nd4,2026-12-03,22:00,06:00,8\n"                               \
	"d5,2026-12-04,22:00,06:00,8\nd6,2026-12-05,22:00,06:00,8\n"                               \
	"d7,2026-12-06,22:00,06:00,8\n"

static void test_recruit_nights_not_allowed(void **state)
{
	/* the same week at night: a post that may not work nights is no use */
	const struct harness_file no[] = {
	    {"shifts.csv", NIGHTS},
	    {"recruits.csv", "partner,role,annual_cost,hours_per_week,nights\na,rn,30000,40,no\n"},
	    {NULL, NULL}};
	const struct harness_file yes[] = {{"shifts.csv", NIGHTS}, {NULL, NULL}};
	(void)state;
	expect(no, 582400, 0, 582400, 0);
	expect(yes, 60000, 2, 42000, 1.4);
}

static void test_recruit_overlapping_shifts(void **state)
{
	/* one day, 168 h a week (24 h of it on one date: hours never bind),
	 * posts at 1,000. Two shifts 08-16 and 12-20 overlap: a post works one
	 * of them, so two posts (2,000); 08-16 and 16-24 do not: one post
	 * works both (1,000). */
	const struct harness_file overlap[] = {
	    {"shifts.csv", "id,date,start,end,paid_hours\n"
	                   "e1,2026-11-30,08:00,16:00,8\nl1,2026-11-30,12:00,20:00,8\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,e1,1\na,rn,l1,1\n"},
	    {"recruits.csv", "partner,role,annual_cost,hours_per_week\na,rn,1000,168\n"},
	    {NULL, NULL}};
	const struct harness_file after[] = {
	    {"shifts.csv", "id,date,start,end,paid_hours\n"
	                   "e1,2026-11-30,08:00,16:00,8\nl1,2026-11-30,16:00,00:00,8\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,e1,1\na,rn,l1,1\n"},
	    {"recruits.csv", "partner,role,annual_cost,hours_per_week\na,rn,1000,168\n"},
	    {NULL, NULL}};
	(void)state;
	expect(overlap, 2000, 2, 2000, 2);
	expect(after, 1000, 1, 1000, 1);
}

static void test_recruit_weights_change_the_answer(void **state)
{
	/* winter needs one each day, summer nothing. 26 + 26 weeks: two posts
	 * (60,000 against 30,000 + 26 x 3,200 = 113,200 with one and 291,200
	 * with none); plan 1.4 posts. 1 + 51: a post takes at most 8,000 a
	 * year off: none (7 x 1,600 = 11,200). */
	const struct harness_file winter[] = {{NULL, NULL}};
	const struct harness_file summer[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,0\n"}, {NULL, NULL}};
	const struct harness_file *weeks[2] = {winter, summer};
	const double even[2] = {26, 26}, summery[2] = {1, 51};
	(void)state;
	expect_mode(weeks, 2, even, false, 60000, 2);
	expect_mode(weeks, 2, even, true, 42000, 1.4);
	expect_mode(weeks, 2, summery, false, 11200, 0);
	expect_mode(weeks, 2, summery, true, 11200, 0);
}

static void test_recruit_beside_a_pooled_bank(void **state)
{
	/* four bank workers of 8 h each (a pool in rota mode) at 80 a shift,
	 * 4,160 a year; a post's shift costs 30,000 / 5 = 6,000 a year. Rota:
	 * one post works five shifts and the bank two, 30,000 + 8,320; plan:
	 * the bank works four and 0.6 posts the other three, 18,000 + 16,640. */
	const struct harness_file files[] = {
	    {"caps.csv", "role,bank_rate\nrn,10\n"},
	    {"bank.csv", "id,role,home,max_hours\nw1,rn,a,8\nw2,rn,a,8\nw3,rn,a,8\nw4,rn,a,8\n"},
	    {"availability.csv",
	     "worker,shift\nw1,d1\nw1,d2\nw1,d3\nw1,d4\nw1,d5\nw1,d6\nw1,d7\nw2,d1\nw2,d2\nw2,"
	     "d3\nw2,d4\nw2,d5\nw2,d6\nw2,d7\nw3,d1\nw3,d2\nw3,d3\nw3,d4\nw3,d5\nw3,d6\nw3,d7\nw4,"
	     "d1\nw4,d2\nw4,d3\nw4,d4\nw4,d5\nw4,d6\nw4,d7\n"},
	    {NULL, NULL}};
	(void)state;
	expect(files, 38320, 1, 34640, 0.6);
}

static void test_recruit_beside_own_staff(void **state)
{
	/* one own nurse a day of the two needed: the posts fill the other,
	 * as in test_recruit_a_post_worth_recruiting, beside the staff */
	const struct harness_file files[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\na,rn,d2,2\na,rn,d3,2\n"
	                   "a,rn,d4,2\na,rn,d5,2\na,rn,d6,2\na,rn,d7,2\n"},
	    {"staff.csv", "partner,role,shift,available\na,rn,d1,1\na,rn,d2,1\na,rn,d3,1\n"
	                  "a,rn,d4,1\na,rn,d5,1\na,rn,d6,1\na,rn,d7,1\n"},
	    {NULL, NULL}};
	(void)state;
	expect(files, 60000, 2, 42000, 1.4);
}

/* A stop set after the first chunk of the relaxation's simplex (a Ctrl-C
 * during it, at a point fixed by work). */
struct stop_at {
	volatile sig_atomic_t stop;
	int n_chunks;
};

static void stop_after_chunk(void *ctx, long iterations)
{
	struct stop_at *at = ctx;
	(void)iterations;
	at->n_chunks++;
	at->stop = 1;
}

/* recruit's joint model has a rota before its relaxation (sol_construct.c,
 * as a solve has): no posts and every week's rota at no one at work, or,
 * with the posts' total fixed (the curve, one post more), that total
 * given to the cheapest rows first. The example's two weeks, stopped
 * after the first 50 iterations of the relaxation (which then has no
 * bound to give), end feasible with that rota, not "allow more time"
 * (before, the search had no rota to fall back on and ended with none):
 * the best posts (none), and a point of the curve at 3 posts (the 3 at
 * homecare, the cheapest a year, working no shift); each week's plan
 * passes the plan checker at the cost reported. */
static void test_recruit_rota_exists_before_the_relaxation(void **state)
{
	struct io_source *summer = io_source_example_summer();
	struct mu_scenario *sc[2] = {tu_load_example(), tu_parse(summer)};
	int point;
	(void)state;
	for (point = 0; point < 2; point++) {
		struct stop_at at = {0, 0};
		struct pol_recruited r;
		struct mu_err err;
		double total = 0;
		size_t i, k, s;
		mu_err_clear(&err);
		assert_int_equal(pol_recruit_solve(
		                     &(struct pol_recruit_request){
		                         .weeks = (const struct mu_scenario *const *)sc,
		                         .n_weeks = 2,
		                         .has_total = point == 1,
		                         .total = 3,
		                         .stop = &at.stop,
		                         .relax_chunk = 50,
		                         .on_relax_chunk = stop_after_chunk,
		                         .relax_ctx = &at},
		                     &r, &err),
		                 MU_OK);
		assert_int_equal(at.n_chunks, 1);
		assert_int_equal(r.status, MU_STATUS_FEASIBLE);
		assert_false(r.has_bound);
		assert_non_null(r.plans);
		for (i = 0; i < r.n_posts; i++)
			total += r.posts[i];
		assert_float_equal(total, point == 1 ? 3 : 0, 1e-9);
		if (point == 1)
			assert_string_equal(sc[0]->partners[sc[0]->recruits[3].partner].id,
			                    "homecare");
		if (point == 1)
			assert_float_equal(r.posts[3], 3, 1e-9);
		for (k = 0; k < 2; k++) {
			char dir[400], path[420], why[512];
			for (s = 0; s < sc[k]->n_recruits * sc[k]->n_shifts; s++)
				assert_true(r.post_staff[k][s] == 0); /* no post works */
			snprintf(dir, sizeof(dir), "%s/built%d-week%zu", tu_dir(), point, k + 1);
			assert_int_equal(io_report_write_plan(dir, sc[k], r.plans[k], MU_ALL, &err),
			                 MU_OK);
			snprintf(path, sizeof(path), "%s/plan.csv", dir);
			if (!plan_check_file(
			        sc[k], path,
			        &(struct plan_check){.is_rota = true,
			                             .objective = r.plans[k]->objective},
			        why, sizeof(why)))
				fail_msg("week %zu: %s", k + 1, why);
		}
		pol_recruited_release(&r);
	}
	mu_scenario_free(sc[0]);
	mu_scenario_free(sc[1]);
	io_source_free(summer);
}

static void test_recruit_refuses_weeks_of_two_systems(void **state)
{
	const struct harness_file other[] = {
	    {"recruits.csv", "partner,role,annual_cost,hours_per_week\na,rn,31000,40\n"},
	    {NULL, NULL}};
	const struct harness_file roles[] = {{"roles.csv", "id\nrn\nhca\n"}, {NULL, NULL}};
	const struct harness_file none[] = {{NULL, NULL}};
	struct mu_scenario *sc[2];
	struct pol_recruited r;
	struct mu_err err;
	(void)state;
	sc[0] = harness_load(defaults, none);
	sc[1] = harness_load(defaults, other);
	mu_err_clear(&err);
	assert_int_equal(pol_recruit_solve(
	                     &(struct pol_recruit_request){
	                         .weeks = (const struct mu_scenario *const *)sc, .n_weeks = 2},
	                     &r, &err),
	                 MU_E_INPUT);
	assert_string_equal(err.msg, "week 2 is not the system of week 1: recruits.csv's row 1 "
	                             "differs (the weeks of one recruitment have the same "
	                             "partners, roles and recruits.csv)");
	pol_recruited_release(&r);
	mu_scenario_free(sc[1]);
	sc[1] = harness_load(defaults, roles);
	assert_int_equal(pol_recruit_solve(
	                     &(struct pol_recruit_request){
	                         .weeks = (const struct mu_scenario *const *)sc, .n_weeks = 2},
	                     &r, &err),
	                 MU_E_INPUT);
	pol_recruited_release(&r);
	mu_scenario_free(sc[0]);
	mu_scenario_free(sc[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_recruit_a_post_worth_recruiting),
	    cmocka_unit_test(test_recruit_a_post_not_worth_it),
	    cmocka_unit_test(test_recruit_a_budget_that_binds),
	    cmocka_unit_test(test_recruit_max_posts),
	    cmocka_unit_test(test_recruit_nights_not_allowed),
	    cmocka_unit_test(test_recruit_overlapping_shifts),
	    cmocka_unit_test(test_recruit_weights_change_the_answer),
	    cmocka_unit_test(test_recruit_beside_a_pooled_bank),
	    cmocka_unit_test(test_recruit_beside_own_staff),
	    cmocka_unit_test(test_recruit_refuses_weeks_of_two_systems),
	    cmocka_unit_test(test_recruit_rota_exists_before_the_relaxation),
	};
	return tu_run_tests(tests, NULL, NULL);
}
