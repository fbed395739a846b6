/*
 * test_twostage.c - the two-stage plan of DESIGN.md §3e (`solve
 * --scenarios`), hand-solved and checked by an independent solver: the
 * newsvendor (bank booked now against late agency: the booking is a
 * quantile of the scenarios' demand), one scenario equal to demand.csv
 * giving the plan of §3's objective, CBC and CLP on muster's MPS, and
 * each day's plan re-derived from its rows (plan_check), with and
 * without supply curves.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_draws.h"
#include "io/io_draws.h"
#include "io/io_file.h"
#include "io/io_csv.h"
#include "io/io_twostage.h"
#include "flows/flow_twostage.h"
#include "model_harness.h"
#include "plan_check.h"
#include "policies/pol_build.h"
#include "policies/pol_solve.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* Every rule of §3 at once, small: two partners, a nurse role and a
 * support role that covers it at 0.8, a day and a night, own staff and a
 * mutual-aid agreement with places, bank workers with rest between the
 * shifts, an agency offer with capacity 2 and a dearer off-framework one
 * (break-glass allowed), and an agency budget at partner a. */
static const struct harness_file rich[] = {
    {"partners.csv", "id,agency_budget\na,900\nb,\n"},
    {"roles.csv", "id\nrn\nhca\n"},
    {"shifts.csv", "id,date,start,end,paid_hours,enhancement\n"
                   "d1,2026-11-30,08:00,16:00,8,0\n"
                   "n1,2026-11-30,20:00,08:00,12,0.3\n"},
    {"demand.csv", "partner,role,shift,required,minimum,priority\n"
                   "a,rn,d1,4,3,1\na,rn,n1,3,2,2\nb,rn,d1,2,1,1\nb,hca,n1,2,1,1\n"},
    {"staff.csv", "partner,role,shift,available,rotatable\n"
                  "a,rn,d1,2,0\nb,rn,d1,2,1\nb,hca,n1,2,1\n"},
    {"caps.csv", "role,bank_rate,agency_cap\nrn,18,30\nhca,12,\n"},
    {"substitutions.csv", "role,covers,efficiency\nhca,rn,0.8\n"},
    {"agreements.csv", "from,to,role,max_per_shift,travel_cost\nb,a,*,1,15\n"},
    {"bank.csv", "id,role,home,partners\nw1,rn,a,*\nw2,rn,b,*\nw3,hca,b,a\n"},
    {"availability.csv", "worker,shift\nw1,d1\nw1,n1\nw2,d1\nw3,n1\n"},
    {"agency.csv", "supplier,tier,framework,role,partner,rate,capacity\n"
                   "x,1,yes,rn,*,28,2\ny,2,no,rn,a,40,\n"},
    {"settings.csv", "key,value\nallow_break_glass,yes\ntier_penalty,5\n"},
    {NULL, NULL},
};

#define RICH_DRAWS                                                                                 \
	"scenario,partner,role,shift,required,absent\n"                                            \
	"lo,a,rn,d1,2,\nlo,a,rn,n1,1.5,\n"                                                         \
	"mid,a,rn,d1,4,1\n"                                                                        \
	"hi,a,rn,d1,6,2\nhi,a,rn,n1,4,\nhi,b,rn,d1,3,1\nhi,b,hca,n1,3,\n"                          \
	"flu,b,hca,n1,,2\nflu,a,rn,d1,5,\n"

/* The day scenario k of draws dr, worked out here as DESIGN.md §3e says
 * (not by mu_draws_day): required as the draw says, minimum at most it,
 * available less absent (not below 0), rotatable at most what is left.
 * Its demand and staff arrays are the caller's to free; the rest borrowed
 * from sc. */
static struct mu_scenario day_of(const struct mu_scenario *sc, const struct mu_draws *dr, size_t k)
{
	struct mu_scenario day = *sc;
	size_t i;
	day.demand = mu_malloc((sc->n_demand + 1) * sizeof(*day.demand));
	day.staff = mu_malloc((sc->n_staff + 1) * sizeof(*day.staff));
	for (i = 0; i < sc->n_demand; i++) {
		day.demand[i] = sc->demand[i];
		day.demand[i].required = dr->required[k * sc->n_demand + i];
		day.demand[i].minimum = fmin(sc->demand[i].minimum, day.demand[i].required);
	}
	for (i = 0; i < sc->n_staff; i++) {
		long left = sc->staff[i].available - dr->absent[k * sc->n_staff + i];
		day.staff[i] = sc->staff[i];
		day.staff[i].available = left > 0 ? left : 0;
		if (day.staff[i].rotatable > day.staff[i].available)
			day.staff[i].rotatable = day.staff[i].available;
	}
	return day;
}

/* The outputs of s (io_twostage_write into tu_dir()/out), then each
 * scenario's day re-derived by plan_check from them alone: plan.csv's
 * rows and day.csv's rows of the scenario against the day's scenario,
 * at the day's cost (what is decided now + the day's) as muster says it,
 * and those costs adding up to the objective: plan.csv's total + the mean
 * of the days'. */
static void check_days(const struct mu_scenario *sc, const struct mu_draws *dr,
                       const struct pol_solved *s, bool is_rota)
{
	char dir[4096], path[4200], why[512], *plan_text;
	struct mu_draws_outcome o;
	struct io_twostage view;
	struct io_csv_table *day;
	struct mu_err err;
	double now = 0, mean = 0;
	size_t k, i;
	mu_draws_outcome_init(&o, sc, (const struct mu_plan *const *)s->days, s->n_days);
	view = (struct io_twostage){.draws = dr,
	                            .now = s->plan,
	                            .days = (const struct mu_plan *const *)s->days,
	                            .n_days = s->n_days,
	                            .objective = s->objective,
	                            .spend = o.spend,
	                            .penalty = o.penalty,
	                            .n_measured = s->n_days,
	                            .plan = &o,
	                            .mean_plan = &o};
	tu_path(dir, sizeof(dir), "out");
	mu_err_clear(&err);
	if (io_file_make_dir(dir, &err) != MU_OK ||
	    io_twostage_write(dir, sc, &view, is_rota, "test", &err) != MU_OK)
		fail_msg("%s", err.msg);
	mu_draws_outcome_release(&o);
	snprintf(path, sizeof(path), "%s/plan.csv", dir);
	plan_text = tu_slurp(path);
	{
		struct io_csv_table *plan = tu_csv_read(path, why, sizeof(why));
		assert_non_null(plan);
		for (i = 1; i < plan->n_rows; i++) {
			const char *src = tu_csv_cell_named(plan, i, "source");
			double staff = strtod(tu_csv_cell_named(plan, i, "staff"), NULL);
			now += strtod(tu_csv_cell_named(plan, i, "cost"), NULL);
			/* decided now: bank, agency booked (and bank shares; with
			 * supply curves extra bank staff and the rate paid; with
			 * pathways (§3f) the discharges and bed-days) */
			assert_true(strcmp(src, "bank") == 0 || strcmp(src, "agency") == 0 ||
			            strcmp(src, "share") == 0 || strcmp(src, "bank_extra") == 0 ||
			            strcmp(src, "rate") == 0 || strcmp(src, "discharge") == 0 ||
			            strcmp(src, "bed_days") == 0);
			if (is_rota)
				assert_true(fabs(staff - round(staff)) < 1e-6);
		}
		io_csv_table_free(plan);
	}
	snprintf(path, sizeof(path), "%s/day.csv", dir);
	day = tu_csv_read(path, why, sizeof(why));
	assert_non_null(day);
	for (k = 0; k < dr->n_scenarios; k++) {
		struct mu_scenario sk = day_of(sc, dr, k);
		struct mu_buf b;
		double cost = 0;
		char merged[4200];
		mu_buf_init(&b);
		mu_buf_adds(&b, plan_text);
		for (i = 1; i < day->n_rows; i++) {
			size_t c;
			if (strcmp(tu_csv_cell_named(day, i, "scenario"), dr->ids[k]) != 0)
				continue;
			for (c = 1; c < day->rows[i].n_cells; c++) {
				mu_buf_adds(
				    &b, io_csv_cell_text(day, &day->cells[day->rows[i].first + c]));
				mu_buf_addc(&b, c + 1 < day->rows[i].n_cells ? ',' : '\n');
			}
			cost += strtod(tu_csv_cell_named(day, i, "cost"), NULL);
		}
		snprintf(merged, sizeof(merged), "%s/day-%s.csv", dir, dr->ids[k]);
		tu_write(merged, b.data, b.len);
		if (!plan_check_file(
		        &sk, merged,
		        &(struct plan_check){.is_day = true, .objective = s->days[k]->objective},
		        why, sizeof(why)))
			fail_msg("day %s: %s", dr->ids[k], why);
		mean += cost / (double)dr->n_scenarios;
		mu_buf_release(&b);
		free(sk.demand);
		free(sk.staff);
	}
	if (!(fabs(now + mean - s->objective) < 0.01 * (1 + (double)dr->n_scenarios)))
		fail_msg("plan.csv %.4f + mean day.csv %.4f != objective %.4f", now, mean,
		         s->objective);
	io_csv_table_free(day);
	free(plan_text);
}

/* The rich scenario on four scenarios (demand down, up, absence), in rota
 * and plan mode: CBC and CLP on the MPS, and every day through
 * plan_check; some day uses late agency, and on the high day the cheap
 * offer's capacity is shared by the booking and the late staff. */
/* What every two-stage solve of files must hold, in both modes: CBC and
 * CLP on the MPS, every day through plan_check, some late agency; and the
 * workflow, measuring the plan on the scenarios it was made on (what it
 * decided now fixed, the days solved again), finds its objective. */
static void expect_rich(const struct harness_file *files, bool has_supply)
{
	struct mu_scenario *sc = harness_load(rich, files);
	struct mu_draws *dr = draws_of(sc, RICH_DRAWS);
	int mode;
	for (mode = 0; mode < 2; mode++) {
		struct pol_solved s;
		struct flow_twostage t;
		struct mu_err err;
		size_t k;
		double late = 0;
		solve_checked(sc, dr, mode == 1, &s);
		check_days(sc, dr, &s, mode == 0);
		for (k = 0; k < s.n_days; k++)
			late += staff_of(s.days[k], MU_SRC_AGENCY, true);
		assert_true(late > 1e-6);
		/* with supply curves the plan pays above bank_rate for more */
		if (has_supply) {
			bool has_rate = false;
			for (k = 0; k < s.plan->n_rows; k++)
				has_rate = has_rate || s.plan->rows[k].source == MU_SRC_RATE;
			assert_true(has_rate);
			assert_true(s.plan->n_rates > 0);
		}
		pol_solved_release(&s);
		mu_err_clear(&err);
		if (flow_twostage_solve(
		        sc, &(struct flow_twostage_request){.draws = dr, .is_lp = mode == 1}, &t,
		        &err) != MU_OK)
			fail_msg("%s", err.msg);
		assert_false(t.is_measured);
		if (!(fabs(t.plan.spend + t.plan.penalty - t.solved.objective) <
		      1e-6 * (1 + t.solved.objective)))
			fail_msg("%s: measured on its own scenarios %.6f + %.6f, objective %.6f",
			         mode ? "plan" : "rota", t.plan.spend, t.plan.penalty,
			         t.solved.objective);
		assert_true(fabs(t.spend - t.plan.spend) < 1e-6 * (1 + t.spend));
		flow_twostage_release(&t);
	}
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

static void test_twostage_rich_days_check_and_peers_agree(void **state)
{
	(void)state;
	expect_rich(none, false);
}

/* The same with supply curves (DESIGN.md §3d): nurses' bank supply
 * answers the rate up to a bank_cap of 24, so extra bank staff and the
 * rate paid are decided now with the rota, in plan.csv (bank_extra and
 * rate rows), and plan_check re-derives the rate from them on every day. */
static void test_twostage_with_supply_curves(void **state)
{
	static const struct harness_file supply[] = {
	    {"caps.csv", "role,bank_rate,agency_cap,bank_cap\nrn,18,30,24\nhca,12,,\n"},
	    {"supply.csv", "role,elasticity,reference_rate,step\nrn,3,,0.1\n"},
	    {NULL, NULL},
	};
	(void)state;
	expect_rich(supply, true);
}

/* The same with a discharge pathway (DESIGN.md §3f): patients of a's
 * ward (nurses) going home with care from b's support workers. The
 * discharges and bed-days are decided now, in plan.csv; each scenario's
 * day moves its own demand rows (the draw's required gives the shares and
 * the ward's limit), and plan_check re-derives them on every day. */
static void test_twostage_with_discharges(void **state)
{
	static const struct harness_file flow[] = {
	    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
	                 "a,b,3,hca,4,rn,6,2000\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(rich, flow);
	struct mu_draws *dr = draws_of(sc, RICH_DRAWS);
	struct pol_solved s;
	(void)state;
	expect_rich(flow, false);
	/* someone goes home: a bed day (2,000) costs more than a patient's
	 * care left short on any day (200 x 12 h / 3 = 800) */
	solve_checked(sc, dr, false, &s);
	assert_true(staff_of(s.plan, MU_SRC_DISCHARGE, false) >= 1);
	pol_solved_release(&s);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

/* The newsvendor with its agency offer's capacity 1, measured by the
 * workflow on a second set, demand 2, 4, 5 and 6 (weight 1/4 each).
 * Made on demand 1 to 5 the plan books 4 bank workers (late agency at
 * most 1 a day cannot change the 0.7-quantile: on the day of 5 it is
 * there); the plan for demand.csv's 3 books 3. Each day, by hand:
 *   this plan (60 now): D=2, 4: nothing; D=5: 1 late (50); D=6: 1 late
 *     and 1 short (50 cash, 200 x 1 h penalty). Spend 60 + 100/4 = 85,
 *     penalties 200/4 = 50, short hours 1/4.
 *   the plan for the mean (45 now): D=2: nothing; D=4: 1 late; D=5: 1
 *     late, 1 short; D=6: 1 late, 2 short. Spend 45 + 150/4 = 82.5,
 *     penalties 600/4 = 150, short hours 3/4.
 * So planning for the spread: spend +2.50, penalties -100, no red flag
 * either way (minimum 0). */
static void test_twostage_flow_measures_both_plans_by_hand(void **state)
{
	static const struct harness_file capped[] = {
	    {"agency.csv", "supplier,role,partner,rate,capacity\nx,rn,p,40,1\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(newsvendor, capped);
	struct mu_draws *dr = draws_of(sc, "scenario,partner,role,shift,required\n"
	                                   "d1,p,rn,s1,1\nd2,p,rn,s1,2\nd3,p,rn,s1,3\n"
	                                   "d4,p,rn,s1,4\nd5,p,rn,s1,5\n");
	struct mu_draws *check = draws_of(sc, "scenario,partner,role,shift,required\n"
	                                      "c1,p,rn,s1,2\nc2,p,rn,s1,4\nc3,p,rn,s1,5\n"
	                                      "c4,p,rn,s1,6\n");
	int mode;
	(void)state;
	for (mode = 0; mode < 2; mode++) {
		struct flow_twostage t;
		struct mu_err err;
		struct mu_buf b;
		mu_err_clear(&err);
		if (flow_twostage_solve(sc,
		                        &(struct flow_twostage_request){
		                            .draws = dr, .check = check, .is_lp = mode == 1},
		                        &t, &err) != MU_OK)
			fail_msg("%s", err.msg);
		assert_true(t.is_measured);
		assert_true(fabs(t.solved.objective - 70) < 1e-6);
		assert_true(fabs(t.mean.objective - 45) < 1e-6);
		assert_int_equal(t.plan.n_scenarios, 4);
		assert_true(fabs(t.plan.spend - 85) < 1e-6);
		assert_true(fabs(t.plan.penalty - 50) < 1e-6);
		assert_true(fabs(t.mean_plan.spend - 82.5) < 1e-6);
		assert_true(fabs(t.mean_plan.penalty - 150) < 1e-6);
		assert_true(fabs(t.plan.row_short_hours[0] - 0.25) < 1e-6);
		assert_true(fabs(t.mean_plan.row_short_hours[0] - 0.75) < 1e-6);
		assert_true(t.plan.red_flag_chance == 0 && t.mean_plan.red_flag_chance == 0);
		/* and what the terminal says of it: each difference with its
		 * sign, penalties as weights */
		mu_buf_init(&b);
		io_say_twostage(
		    &b, &(struct io_twostage){.draws = dr,
		                              .now = t.solved.plan,
		                              .days = (const struct mu_plan *const *)t.solved.days,
		                              .n_days = t.solved.n_days,
		                              .objective = t.solved.objective,
		                              .spend = t.spend,
		                              .penalty = t.penalty,
		                              .is_measured = true,
		                              .n_measured = 4,
		                              .plan = &t.plan,
		                              .mean_plan = &t.mean_plan});
		if (!strstr(b.data, "Two-stage plan for 5 scenarios") ||
		    !strstr(b.data, "(£60.00 cash)") ||
		    !strstr(b.data, "Expected cost 70.00: spend £70.00 (cash) and penalties 0.00 "
		                    "(weights, not money)") ||
		    !strstr(b.data, "on 4 other scenarios") ||
		    !strstr(b.data, "expected spend +£2.50 (cash), expected penalties -100.00 "
		                    "(weights), chance of any red flag 0.0 percentage points "
		                    "(0.0% against 0.0% of the 4 scenarios)"))
			fail_msg("said:\n%s", b.data);
		mu_buf_release(&b);
		flow_twostage_release(&t);
	}
	mu_draws_free(check);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

/* Writes the newsvendor's files into tu_dir()/name. */
static void write_newsvendor(const char *name)
{
	char dir[4096], path[4300];
	size_t i;
	tu_path(dir, sizeof(dir), name);
	mkdir(dir, 0777);
	for (i = 0; newsvendor[i].name; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, newsvendor[i].name);
		tu_write(path, newsvendor[i].text, strlen(newsvendor[i].text));
	}
}

#define NEWS_DRAWS                                                                                 \
	"scenario,partner,role,shift,required\nd1,p,rn,s1,1\nd2,p,rn,s1,2\nd3,p,rn,s1,3\n"         \
	"d4,p,rn,s1,4\nd5,p,rn,s1,5\n"

/* Fails unless the file tu_dir()/name holds text. */
static void expect_in(const char *name, const char *text)
{
	char path[4096];
	char *data;
	tu_path(path, sizeof(path), name);
	data = tu_slurp(path);
	if (!strstr(data, text))
		fail_msg("%s has no '%s':\n%s", name, text, data);
	free(data);
}

/* muster solve --scenarios end to end: the lines, the files, and the
 * value not measured without --check-scenarios; each refusal exit 2 with
 * its one message. */
static void test_twostage_cli_solves_and_refuses(void **state)
{
	char path[4096];
	struct tu_result r;
	(void)state;
	write_newsvendor("nv");
	tu_path(path, sizeof(path), "draws.csv");
	tu_write(path, NEWS_DRAWS, strlen(NEWS_DRAWS));
	tu_path(path, sizeof(path), "check.csv");
	tu_write(path, "scenario,partner,role,shift,required\nc1,p,rn,s1,2\nc2,p,rn,s1,6\n",
	         strlen("scenario,partner,role,shift,required\nc1,p,rn,s1,2\nc2,p,rn,s1,6\n"));

	r = tu_run("solve", "nv", "--scenarios", "draws.csv", "--out", "o1", NULL);
	if (r.status != 0)
		fail_msg("exit %d\n%s%s", r.status, r.out, r.err);
	assert_non_null(strstr(r.out, "nv two-stage rota: optimal\n"));
	assert_non_null(strstr(r.out, "Expected cost 70.00: spend £70.00 (cash)"));
	assert_non_null(strstr(r.out, "The value of planning for the spread was not measured: "
	                              "give --check-scenarios FILE"));
	tu_result_free(&r);
	expect_in("o1/plan.csv", "bank,p,rn,rn,s1,p,w1,,1,1,15.00,0.00\n");
	expect_in("o1/day.csv", "d5,late_agency,p,rn,rn,s1,x,,p,1,1,50.000000,");
	expect_in("o1/risk.csv", "p,rn,s1,scenarios,0.000000,0.000000,0.000000,0.000000\n");
	expect_in("o1/rota.csv", "worker,");
	expect_in("o1/report.html", "<p>Not measured: a plan is measured on scenarios it was not "
	                            "made on. Give <code>--check-scenarios FILE</code>");

	r = tu_run("solve", "nv", "--lp", "--scenarios", "draws.csv", "--check-scenarios",
	           "check.csv", NULL);
	if (r.status != 0)
		fail_msg("exit %d\n%s%s", r.status, r.out, r.err);
	/* check: 2 and 6; this plan 60 + (0 + 100)/2 = 110, the plan for the
	 * mean 45 + (0 + 150)/2 = 120 */
	assert_non_null(strstr(r.out, "on 2 other scenarios, this plan minus the plan for "
	                              "demand.csv's required alone (made as if no own staff were "
	                              "absent): expected spend -£10.00 (cash), "
	                              "expected penalties 0.00 (weights)"));
	assert_non_null(strstr(r.out, "  run 2 recorded in muster.db\n"));
	tu_result_free(&r);

	/* the run store (DESIGN.md §4): both runs recorded, two-stage, with
	 * their scenarios files and figures; merge copies them whole */
	r = tu_run("runs", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "nv (two-stage, 5 scenarios)\n"));
	tu_result_free(&r);
	r = tu_run("show", "1", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "plan rows  4 (what is decided now"));
	assert_non_null(strstr(r.out, "mean over 5 scenarios of the cost on the day"));
	assert_non_null(strstr(r.out, "made on    draws.csv (5 scenarios)"));
	assert_null(strstr(r.out, "checked on"));
	assert_non_null(strstr(r.out, "expected_spend                        £70.00"));
	assert_non_null(strstr(r.out, "expected_penalties                       0.00"));
	assert_non_null(strstr(r.out, "now_spend                             £60.00"));
	assert_non_null(strstr(r.out, "late_agency_premium    0.25"));
	assert_null(strstr(r.out, "measured_spend"));
	tu_result_free(&r);
	r = tu_run("merge", "--db", "merged.db", "muster.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("show", "2", "--db", "merged.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "checked on check.csv (2 scenarios)"));
	assert_non_null(strstr(r.out, "measured_spend                       £110.00"));
	assert_non_null(strstr(r.out, "mean_plan_spend                      £120.00"));
	assert_non_null(strstr(r.out, "measured_red_flag_fraction              0.00%"));
	tu_result_free(&r);
	expect_in("o1/report.html", "Run 1");

	tu_path(path, sizeof(path), "nv/draws.csv.txt");
	tu_write(path, NEWS_DRAWS, strlen(NEWS_DRAWS));
	r = tu_run("solve", "nv", "--scenarios", "nv/draws.csv.txt", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "nv/draws.csv.txt: inside the scenario folder nv"));
	tu_result_free(&r);

	r = tu_run("solve", "nv", "--check-scenarios", "check.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--check-scenarios needs --scenarios FILE"));
	tu_result_free(&r);

	/* partners alone: the newsvendor's one partner plans as the system */
	r = tu_run("solve", "nv", "--scenarios", "draws.csv", "--silo", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "nv two-stage rota (silo): optimal\n"));
	assert_non_null(strstr(r.out, "Expected cost 70.00: spend £70.00 (cash)"));
	tu_result_free(&r);

	r = tu_run("solve", "nv", "--scenarios", "draws.csv", "--keep", "o1/plan.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--scenarios with --keep is not supported yet"));
	tu_result_free(&r);

	tu_path(path, sizeof(path), "nv/settings.csv");
	tu_write(path, "key,value\nguarantee,unfilled\n",
	         strlen("key,value\nguarantee,unfilled\n"));
	r = tu_run("solve", "nv", "--scenarios", "draws.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(
	    strstr(r.err, "--scenarios with the setting guarantee is not supported yet"));
	tu_result_free(&r);
	remove(path);

	tu_path(path, sizeof(path), "bad.csv");
	tu_write(path, "scenario,partner,role,shift,required\nd1,p,rn,s1,£3\n",
	         strlen("scenario,partner,role,shift,required\nd1,p,rn,s1,£3\n"));
	r = tu_run("solve", "nv", "--scenarios", "bad.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "bad.csv:2:5: invalid number '£3' in column 'required'"));
	tu_result_free(&r);

	r = tu_run("solve", "nv", "--scenarios", "none.csv", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "none.csv: cannot open the scenarios file"));
	tu_result_free(&r);
}

/* Two partners, one shift of 1 hour: p's one own staff (rotatable, lent
 * to q at no travel cost), q none; agency at 40 (late 50). Scenario d1
 * needs q's 1, d2 p's 1. The system plan books nothing: each day p's
 * staff covers whoever needs it, spend 0. The silo plan (q alone) books
 * nothing now either (40 for certain against late 50 with chance 1/2)
 * and pays late agency on d1: expected spend 25. Both fill the 1 hour
 * of each day. */
static const struct harness_file twin[] = {
    {"partners.csv", "id\np\nq\n"},
    {"roles.csv", "id\nrn\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\ns1,2026-11-30,08:00,09:00,1\n"},
    {"demand.csv", "partner,role,shift,required\np,rn,s1,1\nq,rn,s1,1\n"},
    {"staff.csv", "partner,role,shift,available,rotatable\np,rn,s1,1,1\n"},
    {"caps.csv", "role,bank_rate,agency_cap\nrn,15,\n"},
    {"agreements.csv", "from,to,role,max_per_shift,travel_cost,recharge_rate\np,q,*,1,0,10\n"},
    {"agency.csv", "supplier,role,partner,rate\nx,rn,*,40\n"},
    {NULL, NULL},
};

#define TWIN_DRAWS                                                                                 \
	"scenario,partner,role,shift,required\nd1,p,rn,s1,0\nd1,q,rn,s1,1\nd2,p,rn,s1,1\n"         \
	"d2,q,rn,s1,0\n"

/* compare --scenarios end to end on the twin: both plans two-stage and
 * recorded, the figures by hand, compare.csv, each plan's folder. */
static void test_twostage_cli_compare(void **state)
{
	char dir[4096], path[4300];
	struct tu_result r;
	size_t i;
	(void)state;
	tu_path(dir, sizeof(dir), "twin");
	mkdir(dir, 0777);
	for (i = 0; twin[i].name; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, twin[i].name);
		tu_write(path, twin[i].text, strlen(twin[i].text));
	}
	tu_path(path, sizeof(path), "twin-draws.csv");
	tu_write(path, TWIN_DRAWS, strlen(TWIN_DRAWS));
	r = tu_run("compare", "twin", "--scenarios", "twin-draws.csv", "--db", "cmp.db", "--out",
	           "c1", NULL);
	if (r.status != 0)
		fail_msg("exit %d\n%s%s", r.status, r.out, r.err);
	assert_non_null(
	    strstr(r.out, "figures expected over the 2 scenarios the plans were made on"));
	assert_non_null(strstr(r.out,
	                       "  system spend £0.00 (cash), penalties 0.00 (weights, not "
	                       "money), filled 1.0 of 1.0 hours, chance of any red flag 0.0%"));
	assert_non_null(strstr(r.out, "  silo   spend £25.00 (cash)"));
	assert_non_null(strstr(r.out,
	                       "Working together, system minus silo: expected spend -£25.00 "
	                       "(cash), expected penalties 0.00 (weights), filled hours 0.0, "
	                       "chance of any red flag 0.0 percentage points."));
	assert_non_null(strstr(r.out, "runs 1 (system) and 2 (silo) recorded in cmp.db"));
	tu_result_free(&r);
	expect_in("c1/compare.csv", "figure,system,silo,difference\n"
	                            "expected_spend,0.000000,25.000000,-25.000000\n"
	                            "expected_penalties,0.000000,0.000000,0.000000\n"
	                            "required_hours,1.000000,1.000000,0.000000\n"
	                            "filled_hours,1.000000,1.000000,0.000000\n");
	expect_in("c1/report.html", "Runs 1 (system) and 2 (silo)");
	expect_in("c1/silo/day.csv", "d1,late_agency,q,rn,rn,s1,x,,*,1,1,50.000000,");
	expect_in("c1/system/day.csv", "d1,lend,q,rn,rn,s1,p,,*,1,1,");
	r = tu_run("runs", "--db", "cmp.db", NULL);
	assert_non_null(strstr(r.out,
	                       "compare  rota+silo      -  optimal                25.00  twin "
	                       "(two-stage, 2 scenarios)"));
	tu_result_free(&r);
	/* measured on another set: d3 needs both (p's staff at p, q late) */
	tu_path(path, sizeof(path), "twin-check.csv");
	tu_write(path, "scenario,partner,role,shift,required\nd3,p,rn,s1,1\nd3,q,rn,s1,1\n",
	         strlen("scenario,partner,role,shift,required\nd3,p,rn,s1,1\nd3,q,rn,s1,1\n"));
	r = tu_run("compare", "twin", "--lp", "--scenarios", "twin-draws.csv", "--check-scenarios",
	           "twin-check.csv", "--db", "cmp.db", NULL);
	if (r.status != 0)
		fail_msg("exit %d\n%s%s", r.status, r.out, r.err);
	assert_non_null(strstr(r.out, "figures expected over the 1 check scenarios"));
	assert_non_null(strstr(r.out, "  system spend £50.00 (cash)"));
	assert_non_null(strstr(r.out, "  silo   spend £50.00 (cash)"));
	tu_result_free(&r);
}

/* sweep --scenarios on the newsvendor, bank_rate 15, 25, 35: the k-th
 * bank worker booked now (b) saves late agency at 50 on the days demand
 * reaches k, worth it while 50 x (6 - k)/5 > b, and agency booked now
 * costs 40. b = 15: 4 booked, 60 + 50 x 1/5 = 70; b = 25: 3 booked, 75 +
 * 50 x (1 + 2)/5 = 105; b = 35: 2 booked, 70 + 50 x (1 + 2 + 3)/5 = 130.
 * Each point recorded as a two-stage run of one sweep; the refusals. */
static void test_twostage_cli_sweep(void **state)
{
	char path[4096];
	struct tu_result r;
	(void)state;
	write_newsvendor("nvs");
	tu_path(path, sizeof(path), "sweep-draws.csv");
	tu_write(path, NEWS_DRAWS, strlen(NEWS_DRAWS));
	r = tu_run("sweep", "nvs", "--lp", "--scenarios", "sweep-draws.csv", "--vary",
	           "bank_rate.rn=15:35:10", "--db", "sweep.db", "--out", "sw", NULL);
	if (r.status != 0)
		fail_msg("exit %d\n%s%s", r.status, r.out, r.err);
	assert_non_null(strstr(r.out, "Each point is a two-stage plan (DESIGN.md §3e): its figures "
	                              "are expected over the 5 scenarios it was made for"));
	tu_result_free(&r);
	expect_in("sw/sweep.csv", "\n15,1,optimal,70.00,");
	expect_in("sw/sweep.csv", "\n25,2,optimal,105.00,");
	expect_in("sw/sweep.csv", "\n35,3,optimal,130.00,");
	expect_in("sw/report.html", "expected over the 5 scenarios");
	r = tu_run("runs", "--db", "sweep.db", NULL);
	assert_non_null(strstr(r.out, "nvs (two-stage, 5 scenarios)"));
	tu_result_free(&r);

	r = tu_run("sweep", "nvs", "--scenarios", "sweep-draws.csv", "--check-scenarios",
	           "sweep-draws.csv", "--vary", "bank_rate.rn=15:35:10", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err,
	                       "--check-scenarios is not supported by sweep: each point is a "
	                       "two-stage plan on --scenarios"));
	tu_result_free(&r);
	r = tu_run("sweep", "nvs", "--scenarios", "sweep-draws.csv", "--shard", "1/2", "--vary",
	           "bank_rate.rn=15:35:10", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--scenarios with --shard is not supported yet"));
	tu_result_free(&r);
	r = tu_run("sweep", "nvs", "--scenarios", "sweep-draws.csv", "--vary", "demand=1:2:1",
	           NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--vary demand with --scenarios is not supported: the "
	                              "scenarios file gives each scenario's required"));
	tu_result_free(&r);
	r = tu_run("sweep", "nvs", "--vary", "tier_penalty=0:1:1", "--check-scenarios",
	           "sweep-draws.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--check-scenarios needs --scenarios FILE"));
	tu_result_free(&r);
	r = tu_run("compare", "nvs", "--scenarios", "sweep-draws.csv", "--keep", "sw/sweep.csv",
	           NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--scenarios with --keep is not supported yet"));
	tu_result_free(&r);
}

/* The twin with break-glass agency alone at q (rate 40, late 50, 500 a
 * head of penalty) and both minimums 1; q needs 0 (d1) or 1 (d2). The
 * plan for the mean books 1 break-glass head at q now; on d1, whose
 * minimum is 0, that booking stands (it is not undone on the day, and
 * no late break-glass is added) rather than the day having no plan:
 * measured, the plan for the mean spends 40 and 500 of penalties, the
 * two-stage plan (late break-glass on d2 only) 25 and 250. */
static void test_twostage_measure_keeps_booked_break_glass(void **state)
{
	char dir[4096], path[4300];
	struct tu_result r;
	size_t i;
	static const char draws[] =
	    "scenario,partner,role,shift,required\nd1,q,rn,s1,0\nd2,q,rn,s1,1\n";
	(void)state;
	tu_path(dir, sizeof(dir), "glass");
	mkdir(dir, 0777);
	for (i = 0; twin[i].name; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, twin[i].name);
		tu_write(path, twin[i].text, strlen(twin[i].text));
	}
	snprintf(path, sizeof(path), "%s/demand.csv", dir);
	tu_write(path, "partner,role,shift,required,minimum\np,rn,s1,1,1\nq,rn,s1,1,1\n",
	         strlen("partner,role,shift,required,minimum\np,rn,s1,1,1\nq,rn,s1,1,1\n"));
	snprintf(path, sizeof(path), "%s/agency.csv", dir);
	tu_write(path, "supplier,role,partner,rate,framework\nx,rn,q,40,no\n",
	         strlen("supplier,role,partner,rate,framework\nx,rn,q,40,no\n"));
	snprintf(path, sizeof(path), "%s/settings.csv", dir);
	tu_write(path, "key,value\nallow_break_glass,yes\n",
	         strlen("key,value\nallow_break_glass,yes\n"));
	tu_path(path, sizeof(path), "glass-draws.csv");
	tu_write(path, draws, strlen(draws));
	r = tu_run("solve", "glass", "--lp", "--scenarios", "glass-draws.csv", "--check-scenarios",
	           "glass-draws.csv", "--db", "glass.db", NULL);
	if (r.status != 0)
		fail_msg("exit %d\n%s%s", r.status, r.out, r.err);
	assert_non_null(strstr(r.out, "Expected cost 275.00: spend £25.00 (cash) and penalties "
	                              "250.00 (weights, not money)"));
	assert_non_null(strstr(r.out, "expected spend -£15.00 (cash), expected penalties -250.00 "
	                              "(weights)"));
	tu_result_free(&r);
}

/* A model too large for memory is refused before the build, saying what
 * it would need: the newsvendor's one demand row over 200,000 scenarios
 * needs 5,600 bytes x 2 (rota) x 4 (a day's copy, TWO_STAGE_MEMORY_FACTOR)
 * x 200,001 copies, about 9.0 GB, over the 2.1 GB muster builds; 47,933
 * scenarios would fit. */
struct chunk_stop {
	volatile sig_atomic_t stop;
	size_t n_chunks;
};

static void stop_after_chunk(void *ctx, long iterations)
{
	struct chunk_stop *at = ctx;
	(void)iterations;
	at->n_chunks++;
	at->stop = 1;
}

/* A two-stage rota whose search stops before its relaxation (a time limit
 * too short for it: here a stop after the relaxation's first chunk of 50
 * simplex iterations, fixed by work) ends with what the rota it starts
 * from decides now: the plan for demand.csv's bank and agency booked now.
 * Before, it started from no one booked now: the example's 10 scenarios
 * at --time-limit 60 gave £0.00 decided now and every day red-flagged.
 * Its days are then re-solved with those bookings fixed (pol_solve.c,
 * resolve_days), not left as the search had them (each day's own staff on
 * their own demand, the rest short, no late agency: the example's 50
 * scenarios cost 1,432,029.05 so, 709,252.66 re-solved): late agency
 * where it pays, and the cost of the plan for the mean measured on these
 * days (the same bookings, the days an LP of which the search's rota is
 * one solution, so never above it), a rota plan_check accepts. */
static void test_twostage_rota_stopped_early_keeps_the_plan_for_the_mean(void **state)
{
	struct mu_scenario *sc = tu_load_example();
	struct mu_draws *dr = draws_of(sc, "scenario,partner,role,shift,required,absent\n"
	                                   "1,acute_north,rn_b5,mon-e,36,2\n"
	                                   "2,acute_north,rn_b5,mon-e,30,0\n");
	struct chunk_stop at = {0, 0};
	struct pol_solved mean, two, measured;
	struct mu_err err;
	double bank_now, agency_now, late = 0;
	size_t k;
	(void)state;
	mu_err_clear(&err);
	if (pol_solve(sc, &(struct pol_solve_request){.pool = POL_POOL_NEVER}, &mean, &err) !=
	    MU_OK)
		fail_msg("%s", err.msg);
	if (pol_solve(sc,
	              &(struct pol_solve_request){.is_lp = true, .draws = dr, .fix_now = mean.plan},
	              &measured, &err) != MU_OK)
		fail_msg("%s", err.msg);
	if (pol_solve(sc,
	              &(struct pol_solve_request){.draws = dr,
	                                          .start = mean.plan,
	                                          .stop = &at.stop,
	                                          .relax_chunk = 50,
	                                          .on_relax_chunk = stop_after_chunk,
	                                          .progress_ctx = &at},
	              &two, &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(at.n_chunks, 1);
	assert_int_equal(two.status, MU_STATUS_FEASIBLE);
	assert_false(two.has_bound);
	bank_now = staff_of(two.plan, MU_SRC_BANK, false);
	agency_now = staff_of(two.plan, MU_SRC_AGENCY, false);
	assert_true(bank_now > 0);
	assert_true(fabs(bank_now - staff_of(mean.plan, MU_SRC_BANK, false)) < 1e-9);
	assert_true(fabs(agency_now - staff_of(mean.plan, MU_SRC_AGENCY, false)) < 1e-9);
	for (k = 0; k < two.n_days; k++) {
		assert_true(staff_of(two.days[k], MU_SRC_OWN, false) > 0);
		late += staff_of(two.days[k], MU_SRC_AGENCY, true);
	}
	assert_true(late > 0);
	if (!(fabs(two.objective - measured.objective) < 1e-6 * (1 + fabs(measured.objective))))
		fail_msg("the stopped rota %.6f, the plan for the mean measured %.6f",
		         two.objective, measured.objective);
	check_days(sc, dr, &two, true);
	pol_solved_release(&measured);
	pol_solved_release(&two);
	pol_solved_release(&mean);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

/* The newsvendor's five scenarios, demand 1 to 5, not in order (the
 * groups sort them). */
#define NEWSVENDOR_1_TO_5                                                                          \
	"scenario,partner,role,shift,required\n"                                                   \
	"d1,p,rn,s1,1\nd4,p,rn,s1,4\nd2,p,rn,s1,2\nd5,p,rn,s1,5\nd3,p,rn,s1,3\n"

/* The Jensen bound of sc's two-stage model on dr (pol_jensen.c) with its
 * scenarios in n_groups groups, the bank natural; false when it gives
 * none. */
static bool jensen_of(const struct mu_scenario *sc, const struct mu_draws *dr, size_t n_groups,
                      double *bound)
{
	struct pol_build *b = pol_build_new(sc, &(struct pol_build_options){.draws = dr});
	struct mu_err err;
	bool has_bound = false;
	mu_err_clear(&err);
	if (pol_jensen_bound(b, n_groups, 0, &has_bound, bound, NULL, &err) != MU_OK)
		fail_msg("%s", err.msg);
	pol_build_free(b);
	return has_bound;
}

/* The newsvendor (demand 1 to 5, the two-stage optimum 70 in both modes)
 * by hand. One group is the mean day, demand 3: three bank workers
 * booked now, 45. Two groups, the scenarios sorted by demand: {1, 2, 3}
 * at weight 3/5 (mean 2) and {4, 5} at 2/5 (mean 4.5); booking x costs
 * 15x + 3/5 x 50 (2 - x)+ + 2/5 x 50 (4.5 - x)+, falling (15 < 20) up to
 * x = 4.5: 67.5. Five groups are the scenarios: 70. */
static void test_twostage_jensen_bound_of_the_newsvendor_by_hand(void **state)
{
	struct mu_scenario *sc = harness_load(newsvendor, none);
	struct mu_draws *dr = draws_of(sc, NEWSVENDOR_1_TO_5);
	static const double expect[] = {0, 45, 67.5, 0, 0, 70};
	size_t k;
	double bound;
	(void)state;
	for (k = 1; k <= 5; k++) {
		assert_true(jensen_of(sc, dr, k, &bound));
		assert_true(bound <= 70 + 1e-6);
		if (expect[k] > 0 && !(fabs(bound - expect[k]) < 1e-6))
			fail_msg("%zu groups: bound %.6f, by hand %.6f", k, bound, expect[k]);
	}
	/* more groups than scenarios: one each */
	assert_true(jensen_of(sc, dr, 9, &bound));
	assert_true(fabs(bound - 70) < 1e-6);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

/* The first stage of the newsvendor's Jensen LP, rounded (pol_jensen_bound's
 * x_now), which a stopped rota tries as a second rota (pol_solve.c): one
 * group, the mean day of demand 3, books 3 bank workers; five, the
 * two-stage LP itself, 4, the optimum's (whole already: the rounding
 * keeps it). */
static void test_twostage_jensen_first_stage_of_the_newsvendor(void **state)
{
	struct mu_scenario *sc = harness_load(newsvendor, none);
	struct mu_draws *dr = draws_of(sc, NEWSVENDOR_1_TO_5);
	static const double expect[] = {0, 3, 0, 0, 0, 4};
	size_t groups, j;
	(void)state;
	for (groups = 1; groups <= 5; groups += 4) {
		struct pol_build *b = pol_build_new(sc, &(struct pol_build_options){.draws = dr});
		double *x_now = calloc(b->m->n_cols + 1, sizeof(double)), bound, bank = 0,
		       agency = 0;
		struct mu_err err;
		bool has_bound = false;
		mu_err_clear(&err);
		if (pol_jensen_bound(b, groups, 0, &has_bound, &bound, x_now, &err) != MU_OK)
			fail_msg("%s", err.msg);
		assert_true(has_bound);
		for (j = 0; j < b->m->n_cols; j++) {
			if (b->cols[j].scenario != MU_ALL)
				continue;
			assert_true(fabs(x_now[j] - round(x_now[j])) < 1e-9);
			if (b->cols[j].source == MU_SRC_BANK)
				bank += x_now[j];
			else if (b->cols[j].source == MU_SRC_AGENCY)
				agency += x_now[j];
		}
		if (!(fabs(bank - expect[groups]) < 1e-9 && agency == 0))
			fail_msg("%zu groups: %g bank, %g agency booked", groups, bank, agency);
		free(x_now);
		pol_build_free(b);
	}
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

/* The rich scenario's four scenarios (its own staff of a row all absent
 * on two of them: rows and columns there at 0, so that every day is one
 * LP but for bounds) in 1 to 4 groups, with and without supply curves:
 * each bound at most the two-stage LP's optimum (CLP on the MPS too) and
 * the rota's (CBC), and 4 groups the LP's optimum itself. With a
 * discharge pathway (§3f) the days are not one LP (the demand moved
 * enters a day's rows in proportion to its required, and its minimum's
 * share differs): no bound from fewer groups than scenarios, and still
 * the optimum from one group each. */
static void test_twostage_jensen_bound_below_the_optimum_and_exact_per_scenario(void **state)
{
	static const struct harness_file supply[] = {
	    {"caps.csv", "role,bank_rate,agency_cap,bank_cap\nrn,18,30,24\nhca,12,,\n"},
	    {"supply.csv", "role,elasticity,reference_rate,step\nrn,3,,0.1\n"},
	    {NULL, NULL},
	};
	static const struct harness_file flow[] = {
	    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
	                 "a,b,3,hca,4,rn,6,2000\n"},
	    {NULL, NULL},
	};
	const struct harness_file *const variants[] = {none, supply, flow};
	size_t v, k;
	(void)state;
	for (v = 0; v < 3; v++) {
		struct mu_scenario *sc = harness_load(rich, variants[v]);
		struct mu_draws *dr = draws_of(sc, RICH_DRAWS);
		struct pol_solved lp, rota;
		double bound;
		solve_checked(sc, dr, true, &lp);
		solve_checked(sc, dr, false, &rota);
		for (k = 1; k <= dr->n_scenarios; k++) {
			bool has_bound = jensen_of(sc, dr, k, &bound);
			if (variants[v] == flow && k < dr->n_scenarios) {
				assert_false(has_bound);
				continue;
			}
			if (!has_bound)
				fail_msg("variant %zu, %zu groups: no bound", v, k);
			if (!(bound <= lp.objective + 1e-6 * (1 + fabs(lp.objective)) &&
			      bound <= rota.objective + 1e-6 * (1 + fabs(rota.objective))))
				fail_msg("variant %zu, %zu groups: bound %.6f above LP %.6f or "
				         "rota %.6f",
				         v, k, bound, lp.objective, rota.objective);
			if (k == dr->n_scenarios &&
			    !(fabs(bound - lp.objective) < 1e-6 * (1 + fabs(lp.objective))))
				fail_msg("variant %zu, a group per scenario: bound %.6f, LP %.6f",
				         v, bound, lp.objective);
		}
		pol_solved_release(&lp);
		pol_solved_release(&rota);
		mu_draws_free(dr);
		mu_scenario_free(sc);
	}
}

/* test_twostage_rota_stopped_early_keeps_the_plan_for_the_mean's rota (the
 * example on two scenarios, stopped after the relaxation's first chunk of
 * 50 simplex iterations) with the Jensen bound asked for, in as many
 * groups as scenarios: the bound is then the two-stage LP's optimum
 * (solved here in plan mode), finite, below the rota, with its gap; and
 * the status the terminal and report.html give says those numbers. */
static void test_twostage_rota_stopped_early_has_the_jensen_bound(void **state)
{
	struct mu_scenario *sc = tu_load_example();
	struct mu_draws *dr = draws_of(sc, "scenario,partner,role,shift,required,absent\n"
	                                   "1,acute_north,rn_b5,mon-e,36,2\n"
	                                   "2,acute_north,rn_b5,mon-e,30,0\n");
	struct chunk_stop at = {0, 0};
	struct pol_solved mean, two, lp, measured;
	struct io_twostage view;
	struct mu_draws_outcome o;
	struct mu_err err;
	struct mu_buf said;
	char expect[512], words[MU_STATUS_SIZE], x[2][MU_MONEY_SIZE], dir[4096], path[4200];
	char *html;
	(void)state;
	mu_err_clear(&err);
	if (pol_solve(sc, &(struct pol_solve_request){.pool = POL_POOL_NEVER}, &mean, &err) !=
	        MU_OK ||
	    pol_solve(sc, &(struct pol_solve_request){.is_lp = true, .draws = dr}, &lp, &err) !=
	        MU_OK)
		fail_msg("%s", err.msg);
	if (pol_solve(sc,
	              &(struct pol_solve_request){.draws = dr,
	                                          .start = mean.plan,
	                                          .stop = &at.stop,
	                                          .relax_chunk = 50,
	                                          .on_relax_chunk = stop_after_chunk,
	                                          .progress_ctx = &at,
	                                          .bound_groups = POL_JENSEN_GROUPS},
	              &two, &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(at.n_chunks, 1);
	assert_int_equal(two.status, MU_STATUS_FEASIBLE);
	assert_int_equal(two.stopped_by, MU_STOP_INTERRUPT);
	assert_true(two.has_bound && two.is_bound_jensen);
	assert_true(isfinite(two.bound) && isfinite(two.gap));
	if (!(fabs(two.bound - lp.objective) < 1e-6 * (1 + fabs(lp.objective))))
		fail_msg("bound %.6f, two-stage LP %.6f", two.bound, lp.objective);
	assert_true(two.bound < two.objective);
	assert_true(fabs(two.gap - (two.objective - two.bound) / fabs(two.objective)) < 1e-9);
	assert_true(two.gap > 0 && two.gap < 1);
	/* the cheaper of two rotas, each a first stage with its days
	 * re-solved: the plan for the mean's bookings (the rota the search
	 * left), and the bound's LP's rounded; either through plan_check */
	if (pol_solve(sc,
	              &(struct pol_solve_request){.is_lp = true, .draws = dr, .fix_now = mean.plan},
	              &measured, &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_true(two.objective <= measured.objective + 1e-6 * (1 + fabs(measured.objective)));
	check_days(sc, dr, &two, true);
	pol_solved_release(&measured);

	mu_draws_outcome_init(&o, sc, (const struct mu_plan *const *)two.days, two.n_days);
	view = (struct io_twostage){.draws = dr,
	                            .now = two.plan,
	                            .days = (const struct mu_plan *const *)two.days,
	                            .n_days = two.n_days,
	                            .objective = two.objective,
	                            .spend = o.spend,
	                            .penalty = o.penalty,
	                            .n_measured = two.n_days,
	                            .plan = &o,
	                            .mean_plan = &o,
	                            .status = two.status,
	                            .has_bound = two.has_bound,
	                            .is_bound_jensen = two.is_bound_jensen,
	                            .bound = two.bound,
	                            .gap = two.gap,
	                            .stopped_by = two.stopped_by};
	snprintf(expect, sizeof(expect),
	         "%s of the best possible, expected cost %s, bound %s by Jensen's inequality "
	         "(stopped by you: not proven optimal)",
	         mu_format_status(words, two.status, true, two.gap),
	         mu_format_weight(x[0], two.objective, 2), mu_format_weight(x[1], two.bound, 2));
	assert_non_null(strstr(expect, "best found, within "));
	mu_buf_init(&said);
	io_say_twostage_status(&said, &view, true);
	assert_string_equal(said.data, expect);
	mu_buf_release(&said);
	tu_path(dir, sizeof(dir), "stopped");
	if (io_file_make_dir(dir, &err) != MU_OK ||
	    io_twostage_write(dir, sc, &view, true, "test", &err) != MU_OK)
		fail_msg("%s", err.msg);
	snprintf(path, sizeof(path), "%s/report.html", dir);
	html = tu_slurp(path);
	/* the page escapes the apostrophe */
	snprintf(expect, sizeof(expect),
	         "<p>Two-stage rota: %s of the best possible, expected cost %s, bound %s by Jensen",
	         mu_format_status(words, two.status, true, two.gap),
	         mu_format_weight(x[0], two.objective, 2), mu_format_weight(x[1], two.bound, 2));
	if (!strstr(html, expect))
		fail_msg("report.html has no '%s'", expect);
	free(html);
	mu_draws_outcome_release(&o);
	pol_solved_release(&two);
	pol_solved_release(&lp);
	pol_solved_release(&mean);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

static void test_twostage_refuses_a_model_too_large(void **state)
{
	struct mu_scenario *sc = harness_load(newsvendor, none);
	struct mu_draws *dr = mu_draws_new(sc);
	struct pol_solved s;
	struct mu_err err;
	char id[32];
	size_t k;
	(void)state;
	for (k = 0; k < 200000; k++) {
		snprintf(id, sizeof(id), "s%zu", k);
		mu_draws_add(dr, sc, id, strlen(id));
	}
	mu_err_clear(&err);
	assert_int_equal(pol_solve(sc, &(struct pol_solve_request){.draws = dr}, &s, &err),
	                 MU_E_INPUT);
	pol_solved_release(&s);
	if (!strstr(err.msg, "too large to solve: 1 demand rows and 200000 scenarios make a "
	                     "two-stage rota model (the day's rows once per scenario) that needs "
	                     "about 9.0 GB of memory, and muster builds none over 2.1 GB: give "
	                     "fewer scenarios (at most about 47933 here)"))
		fail_msg("%s", err.msg);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

/* A plan measured on a day of lower demand than it was made for may hold
 * more break-glass heads booked now than that day's minimum allows: they
 * stand (nothing unbooks them), and the day is solved, not refused as
 * infeasible. The plan for demand.csv books 3 off-framework heads (540
 * each against a breach of 2000); on the check day of required 1 (minimum
 * 1) all 3 are paid: spend 3 x 40, penalties 3 x 500. */
static void test_twostage_measure_keeps_booked_break_glass_in_process(void **state)
{
	static const struct harness_file glass[] = {
	    {"demand.csv", "partner,role,shift,required,minimum\np,rn,s1,3,3\n"},
	    {"bank.csv", "id,role,home\n"},
	    {"availability.csv", "worker,shift\n"},
	    {"agency.csv", "supplier,role,partner,rate,framework\nx,rn,p,40,no\n"},
	    {"settings.csv", "key,value\nallow_break_glass,yes\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(newsvendor, glass);
	struct mu_draws *dr = draws_of(sc, "scenario,partner,role,shift,required\nd1,p,rn,s1,3\n");
	struct mu_draws *check =
	    draws_of(sc, "scenario,partner,role,shift,required\nc1,p,rn,s1,1\n");
	struct flow_twostage t;
	struct mu_err err;
	(void)state;
	mu_err_clear(&err);
	if (flow_twostage_solve(
	        sc, &(struct flow_twostage_request){.draws = dr, .check = check, .is_lp = true}, &t,
	        &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_true(fabs(t.mean.objective - 1620) < 1e-6);
	assert_true(fabs(t.mean_plan.spend - 120) < 1e-6);
	assert_true(fabs(t.mean_plan.penalty - 1500) < 1e-6);
	assert_true(fabs(t.plan.spend - 120) < 1e-6);
	flow_twostage_release(&t);
	mu_draws_free(check);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_twostage_newsvendor_books_the_quantile),
	    cmocka_unit_test(test_twostage_one_scenario_as_demand_is_the_plan_of_3),
	    cmocka_unit_test(test_twostage_rich_days_check_and_peers_agree),
	    cmocka_unit_test(test_twostage_with_supply_curves),
	    cmocka_unit_test(test_twostage_with_discharges),
	    cmocka_unit_test(test_twostage_flow_measures_both_plans_by_hand),
	    cmocka_unit_test(test_twostage_cli_solves_and_refuses),
	    cmocka_unit_test(test_twostage_cli_compare),
	    cmocka_unit_test(test_twostage_cli_sweep),
	    cmocka_unit_test(test_twostage_measure_keeps_booked_break_glass),
	    cmocka_unit_test(test_twostage_refuses_a_model_too_large),
	    cmocka_unit_test(test_twostage_rota_stopped_early_keeps_the_plan_for_the_mean),
	    cmocka_unit_test(test_twostage_measure_keeps_booked_break_glass_in_process),
	    cmocka_unit_test(test_twostage_jensen_bound_of_the_newsvendor_by_hand),
	    cmocka_unit_test(test_twostage_jensen_bound_below_the_optimum_and_exact_per_scenario),
	    cmocka_unit_test(test_twostage_rota_stopped_early_has_the_jensen_bound),
	    cmocka_unit_test(test_twostage_jensen_first_stage_of_the_newsvendor),
	};
	return tu_run_tests(tests, NULL, NULL);
}
