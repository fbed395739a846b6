/*
 * test_hospital_flow.c - moving patients home sooner (DESIGN.md §3f,
 * policies/pol_flow.c), hand-solved: one pathway from an acute trust's
 * ward to a homecare provider over two days, worked out in each comment,
 * each solved in rota and plan mode through model_harness (plan_check
 * re-deriving the moved demand from flow.csv and plan.csv's discharge and
 * bed_days rows, summary.csv against plan.csv, CBC or CLP on muster's
 * MPS), and the plan read back: who goes home on which day, the bed-days
 * counted, each demand row's required and minimum as the discharges moved
 * them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "io/io_report.h"
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

/* An acute trust a whose ward needs 3 nurses (rn) on the day shift of
 * each of two days (minimum 2), with 3 of its own; a homecare provider h
 * with care workers (cw) and no care asked of it yet (required 0), and an
 * agency that sends care workers to h at £25 an hour. Every shift is 8 h
 * with no enhancement. The pathway: 2 patients at a fit to leave, each
 * needing 4 h of care a day at h and 4 h of nursing a day on a's ward, a
 * bed day £395. So each patient home adds 4 / 8 = 0.5 care worker a day
 * at h (£25 x 8 x 0.5 = £100 of agency) and frees 0.5 nurse a day at a. */
static const struct harness_file defaults[] = {
    {"partners.csv", "id,kind\na,acute\nh,homecare\n"},
    {"roles.csv", "id\nrn\ncw\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\n"
                   "d1,2026-11-30,08:00,16:00,8\n"
                   "d2,2026-12-01,08:00,16:00,8\n"},
    {"demand.csv", "partner,role,shift,required,minimum\n"
                   "a,rn,d1,3,2\n"
                   "a,rn,d2,3,2\n"
                   "h,cw,d1,0,0\n"
                   "h,cw,d2,0,0\n"},
    {"staff.csv", "partner,role,shift,available\na,rn,d1,3\na,rn,d2,3\n"},
    {"agency.csv", "supplier,role,partner,rate\ncarers,cw,h,25\n"},
    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
                 "a,h,2,cw,4,rn,4,395\n"},
    {NULL, NULL},
};

static const struct harness_file none[] = {{NULL, NULL}};

static void solve(const struct mu_scenario *sc, bool is_lp, struct pol_solved *s)
{
	struct pol_solve_request req = {.is_lp = is_lp, .pool = POL_POOL_NEVER};
	struct mu_err err;
	mu_err_clear(&err);
	if (pol_solve(sc, &req, s, &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(s->status, MU_STATUS_OPTIMAL);
}

/* The patients of the plan's rows of src on day t (0 or 1), and their
 * cost. */
static double patients(const struct mu_plan *plan, enum mu_source src, long day, double *cost)
{
	double n = 0;
	size_t i;
	if (cost)
		*cost = 0;
	for (i = 0; i < plan->n_rows; i++)
		if (plan->rows[i].source == src && plan->rows[i].day == day) {
			n += plan->rows[i].staff;
			if (cost)
				*cost += plan->rows[i].cost;
		}
	return n;
}

/* Checks sc in both modes through the harness (each at objective) and
 * returns the plan of mode is_lp for the caller to look into. */
static void expect(const struct mu_scenario *sc, double objective, bool is_lp, struct pol_solved *s)
{
	double r = harness_solve(sc, false, false), p = harness_solve(sc, true, false);
	if (fabs(r - objective) > 1e-4 || fabs(p - objective) > 1e-4)
		fail_msg("rota %.6f, plan %.6f, want %.6f", r, p, objective);
	solve(sc, is_lp, s);
	assert_true(fabs(s->objective - objective) < 1e-4);
	assert_true(fabs(s->plan->objective - objective) < 1e-4);
}

/* Homecare is cheap: a patient home costs £100 a day of agency care, a
 * bed day £395, so both go home on day 1 (day 2 would leave 2 bed days,
 * £790, for £200 less care). 1 care worker a day at h (two halves: one
 * whole agency staff in a rota too): £200 x 2 = £400, no bed-days. The
 * ward's demand falls by 2 x 0.5 = 1 nurse on each day's shift, from 3 to
 * 2 (minimum 2 x 2 / 3), and h's from 0 to 1. */
static void test_hospital_flow_cheap_homecare_sends_them_home_on_day_one(void **state)
{
	struct mu_scenario *sc = harness_load(defaults, none);
	long d1 = sc->shifts[0].day, d2 = sc->shifts[1].day;
	int mode;
	(void)state;
	for (mode = 0; mode < 2; mode++) {
		struct pol_solved s;
		double cost;
		size_t i;
		memset(&s, 0, sizeof(s));
		expect(sc, 400, mode == 1, &s);
		assert_true(fabs(patients(s.plan, MU_SRC_DISCHARGE, d1, &cost) - 2) < 1e-9);
		assert_true(cost == 0);
		assert_true(patients(s.plan, MU_SRC_DISCHARGE, d2, NULL) == 0);
		assert_true(patients(s.plan, MU_SRC_BED_DAYS, d1, NULL) == 0);
		assert_true(patients(s.plan, MU_SRC_BED_DAYS, d2, NULL) == 0);
		for (i = 0; i < 2; i++) {
			const struct mu_demand_result *ward = &s.plan->demand[i],
			                              *care = &s.plan->demand[2 + i];
			assert_true(fabs(ward->required - 2) < 1e-9);
			assert_true(fabs(ward->minimum - 4.0 / 3) < 1e-9);
			assert_true(fabs(care->required - 1) < 1e-9);
			assert_true(care->minimum == 0);
			assert_false(ward->is_red_flag);
		}
		/* required hours: a 2 x 2 x 8, h 2 x 1 x 8 */
		assert_true(fabs(s.plan->partners[0].required_hours - 32) < 1e-9);
		assert_true(fabs(s.plan->partners[1].required_hours - 16) < 1e-9);
		assert_true(fabs(s.plan->system.spend[MU_SRC_AGENCY] - 400) < 1e-6);
		assert_true(s.plan->system.penalty[MU_PEN_BED_DAYS] == 0);
		pol_solved_release(&s);
	}
	mu_scenario_free(sc);
}

/* No care worker to be had (no agency): a patient home leaves 0.5 care
 * worker short a day at h, 200 x 8 x 0.5 = £800 a day, above the £395 of
 * a bed day, so both stay: 2 patients in a bed at the end of each day,
 * 4 bed-days, £1,580. Nothing moves: the ward asks for its 3 nurses. */
static void test_hospital_flow_no_care_staff_keeps_them_in_bed(void **state)
{
	static const struct harness_file files[] = {
	    {"agency.csv", "supplier,role,partner,rate\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(defaults, files);
	long d1 = sc->shifts[0].day, d2 = sc->shifts[1].day;
	int mode;
	(void)state;
	for (mode = 0; mode < 2; mode++) {
		struct pol_solved s;
		double cost;
		memset(&s, 0, sizeof(s));
		expect(sc, 1580, mode == 1, &s);
		assert_true(patients(s.plan, MU_SRC_DISCHARGE, d1, NULL) == 0);
		assert_true(patients(s.plan, MU_SRC_DISCHARGE, d2, NULL) == 0);
		assert_true(fabs(patients(s.plan, MU_SRC_BED_DAYS, d1, &cost) - 2) < 1e-9);
		assert_true(fabs(cost - 790) < 1e-6);
		assert_true(fabs(patients(s.plan, MU_SRC_BED_DAYS, d2, &cost) - 2) < 1e-9);
		assert_true(fabs(cost - 790) < 1e-6);
		assert_true(fabs(s.plan->system.penalty[MU_PEN_BED_DAYS] - 1580) < 1e-6);
		assert_true(fabs(s.plan->partners[0].penalty[MU_PEN_BED_DAYS] - 1580) < 1e-6);
		assert_true(s.plan->demand[0].required == 3 && s.plan->demand[1].required == 3);
		assert_true(s.plan->demand[2].required == 0);
		/* the plan's cost adds up to the objective, bed-days in it */
		assert_true(fabs(s.plan->system.cost_total - 1580) < 1e-6);
		pol_solved_release(&s);
	}
	mu_scenario_free(sc);
}

/* The ward's demand falls by exactly ward_hours / paid_hours staff a
 * patient on each of its shifts: with bed days free and only 2 nurses of
 * a's own, the ward is 1 nurse short a day (200 x 8 = £1,600) unless 2
 * patients go home (2 x 4 / 8 = 1 nurse), for £100 a day each of care.
 * Day 1: £400 in all, not £3,200. On a second ward shift of the day
 * (a night of 10 h, required 1.5) the falling demand splits by required:
 * 3 / 4.5 and 1.5 / 4.5 of the 4 h a day, 2 / 3 x 4 / 8 = 1 / 3 of a nurse
 * a patient on the day and 1 / 3 x 4 / 10 = 0.1333 on the night. */
static void test_hospital_flow_ward_demand_falls_by_ward_hours(void **state)
{
	static const struct harness_file one_shift[] = {
	    {"staff.csv", "partner,role,shift,available\na,rn,d1,2\na,rn,d2,2\n"},
	    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
	                 "a,h,2,cw,4,rn,4,0\n"},
	    {NULL, NULL},
	};
	static const struct harness_file two_shifts[] = {
	    {"shifts.csv", "id,date,start,end,paid_hours\n"
	                   "d1,2026-11-30,08:00,16:00,8\n"
	                   "d2,2026-12-01,08:00,16:00,8\n"
	                   "n1,2026-11-30,21:00,07:00,10\n"},
	    {"demand.csv", "partner,role,shift,required,minimum\n"
	                   "a,rn,d1,3,2\n"
	                   "a,rn,d2,3,2\n"
	                   "h,cw,d1,0,0\n"
	                   "h,cw,d2,0,0\n"
	                   "a,rn,n1,1.5,1.5\n"},
	    {"staff.csv", "partner,role,shift,available\na,rn,d1,3\na,rn,d2,3\na,rn,n1,2\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(defaults, one_shift);
	struct pol_solved s;
	(void)state;
	memset(&s, 0, sizeof(s));
	expect(sc, 400, false, &s);
	assert_true(fabs(s.plan->demand[0].required - 2) < 1e-9);
	assert_true(fabs(s.plan->demand[1].required - 2) < 1e-9);
	assert_true(fabs(s.plan->system.hours[MU_SRC_SHORT]) < 1e-9);
	pol_solved_release(&s);
	mu_scenario_free(sc);

	/* both home on day 1 as before (£400); the night's 1.5 falls by
	 * 2 x 0.1333, its minimum with it */
	sc = harness_load(defaults, two_shifts);
	memset(&s, 0, sizeof(s));
	expect(sc, 400, true, &s);
	assert_true(fabs(s.plan->demand[0].required - (3 - 2.0 / 3)) < 1e-9);
	assert_true(fabs(s.plan->demand[4].required - (1.5 - 2 * 0.4 / 3)) < 1e-9);
	assert_true(fabs(s.plan->demand[4].minimum - s.plan->demand[4].required) < 1e-9);
	/* day 2 has one ward shift: the whole 2 x 4 / 8 */
	assert_true(fabs(s.plan->demand[1].required - 2) < 1e-9);
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* The ward demand freed stops at the row's required: 10 patients, each
 * freeing 0.5 nurse, would take 5 off a ward of 3. All 10 go home on day
 * 1 (£100 < £395 a day each): 5 care workers a day, £2,000; the ward asks
 * for 0 nurses, never fewer, and its minimum is 0. */
static void test_hospital_flow_ward_demand_never_below_zero(void **state)
{
	static const struct harness_file files[] = {
	    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
	                 "a,h,10,cw,4,rn,4,395\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(defaults, files);
	int mode;
	(void)state;
	for (mode = 0; mode < 2; mode++) {
		struct pol_solved s;
		memset(&s, 0, sizeof(s));
		expect(sc, 2000, mode == 1, &s);
		assert_true(fabs(patients(s.plan, MU_SRC_DISCHARGE, sc->shifts[0].day, NULL) - 10) <
		            1e-9);
		assert_true(s.plan->demand[0].required == 0 && s.plan->demand[1].required == 0);
		assert_true(s.plan->demand[0].minimum == 0);
		assert_true(fabs(s.plan->demand[2].required - 5) < 1e-9);
		pol_solved_release(&s);
	}
	mu_scenario_free(sc);
}

/* plan.csv's rows of a pathway: partner from, home to, role ward_role,
 * worker_role care_role, the date in offer, no shift, staff the patients,
 * cost 0 for a discharge and the bed-days' penalty for bed_days. Three
 * waiting, no agency, one care worker of h's own a day: she takes two
 * patients (2 x 0.5), who go home on day 1 for nothing; the third would
 * leave 0.5 short a day (£800 > £395), so stays in a bed both days. */
static void test_hospital_flow_plan_rows(void **state)
{
	static const struct harness_file files[] = {
	    {"agency.csv", "supplier,role,partner,rate,capacity\ncarers,cw,h,25,0\n"},
	    {"staff.csv", "partner,role,shift,available\na,rn,d1,3\na,rn,d2,3\nh,cw,d1,1\n"
	                  "h,cw,d2,1\n"},
	    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
	                 "a,h,3,cw,4,rn,4,395\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(defaults, files);
	char path[512], *plan;
	size_t len;
	(void)state;
	/* h's one care worker a day takes 2 patients; the third stays in a
	 * bed both days: 2 x 395 */
	assert_true(fabs(harness_solve(sc, false, false) - 790) < 1e-6);
	tu_path(path, sizeof(path), "plan.csv");
	plan = tu_read(path, &len);
	assert_non_null(plan);
	assert_non_null(strstr(plan, "\ndischarge,a,rn,cw,,h,,2026-11-30,2,0,0.00,0.00\n"));
	assert_non_null(strstr(plan, "\nbed_days,a,rn,cw,,h,,2026-11-30,1,0,395.00,0.00\n"));
	assert_non_null(strstr(plan, "\nbed_days,a,rn,cw,,h,,2026-12-01,1,0,395.00,0.00\n"));
	free(plan);
	tu_path(path, sizeof(path), "summary.csv");
	plan = tu_read(path, &len);
	assert_non_null(strstr(plan, ",bed_days_penalty,penalties\n"));
	free(plan);
	mu_scenario_free(sc);
}

#define DISCHARGES_HDR                                                                             \
	"from,to,care_role,ward_role,date,discharged,still_waiting,bed_days_freed,bed_day_"        \
	"penalty,"                                                                                 \
	"care_hours_added,ward_staff_shifts_freed\n"

/* discharges.csv (DESIGN.md §3f) of sc's plan in mode is_lp, word for
 * word. */
static void expect_discharges(const struct mu_scenario *sc, bool is_lp, const char *expected)
{
	struct pol_solved s;
	struct mu_err err;
	char path[512], *text;
	size_t len;
	memset(&s, 0, sizeof(s));
	solve(sc, is_lp, &s);
	mu_err_clear(&err);
	assert_int_equal(io_report_write_discharges(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
	tu_path(path, sizeof(path), "discharges.csv");
	text = tu_read(path, &len);
	assert_string_equal(text, expected);
	free(text);
	pol_solved_release(&s);
}

/* discharges.csv, per pathway and day, from the hand-solved cases: both
 * home on day 1 (8 h of care a day: 2 x 0.5 care worker x 8 h; a nurse
 * a day freed, 2 bed-days freed a day); both in a bed (2 a day, 790 of
 * bed-day penalty a day); ten home, the ward's 5 nurses' worth freed
 * counted as the 3 it asks for. */
static void test_hospital_flow_discharges_csv(void **state)
{
	static const struct harness_file no_agency[] = {
	    {"agency.csv", "supplier,role,partner,rate\n"},
	    {NULL, NULL},
	};
	static const struct harness_file ten[] = {
	    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
	                 "a,h,10,cw,4,rn,4,395\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(defaults, none);
	int mode;
	(void)state;
	for (mode = 0; mode < 2; mode++)
		expect_discharges(sc, mode == 1,
		                  DISCHARGES_HDR
		                  "a,h,cw,rn,2026-11-30,2.00,0.00,2.00,0.00,8.00,1.00\n"
		                  "a,h,cw,rn,2026-12-01,0.00,0.00,2.00,0.00,8.00,1.00\n");
	mu_scenario_free(sc);
	sc = harness_load(defaults, no_agency);
	expect_discharges(sc, false,
	                  DISCHARGES_HDR "a,h,cw,rn,2026-11-30,0.00,2.00,0.00,790.00,0.00,0.00\n"
	                                 "a,h,cw,rn,2026-12-01,0.00,2.00,0.00,790.00,0.00,0.00\n");
	mu_scenario_free(sc);
	sc = harness_load(defaults, ten);
	expect_discharges(sc, true,
	                  DISCHARGES_HDR "a,h,cw,rn,2026-11-30,10.00,0.00,10.00,0.00,40.00,3.00\n"
	                                 "a,h,cw,rn,2026-12-01,0.00,0.00,10.00,0.00,40.00,3.00\n");
	mu_scenario_free(sc);
}

#define SENT_HOME                                                                                  \
	"Sending all 2 patients waiting at a for care from h home by Mon 30 Nov takes 16 h of "    \
	"cw care at h and frees 2 rn shifts and 4 bed-days at a."

/* muster solve --out writes discharges.csv, for the system and for each
 * partner of a pathway, says so, and check names the pathway. */
static void test_hospital_flow_solve_writes_discharges(void **state)
{
	char path[512], *text;
	size_t i, len;
	struct tu_result r;
	(void)state;
	tu_path(path, sizeof(path), "sc");
	mkdir(path, 0777);
	for (i = 0; defaults[i].name; i++) {
		tu_path(path, sizeof(path), "sc");
		snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", defaults[i].name);
		tu_write(path, defaults[i].text, strlen(defaults[i].text));
	}
	r = tu_run("check", "sc", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", 1 flow.csv pathway\n"));
	tu_result_free(&r);
	r = tu_run("solve", "sc", "--out", "out", "--db", "m.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "discharges.csv (who goes home on which day)"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "out/discharges.csv");
	text = tu_read(path, &len);
	assert_string_equal(text,
	                    DISCHARGES_HDR "a,h,cw,rn,2026-11-30,2.00,0.00,2.00,0.00,8.00,1.00\n"
	                                   "a,h,cw,rn,2026-12-01,0.00,0.00,2.00,0.00,8.00,1.00\n");
	free(text);
	tu_path(path, sizeof(path), "out/partners/h/discharges.csv");
	text = tu_read(path, &len);
	assert_non_null(text);
	assert_non_null(strstr(text, "a,h,cw,rn,2026-11-30,2.00,"));
	free(text);
	tu_path(path, sizeof(path), "out/plan.csv");
	text = tu_read(path, &len);
	assert_non_null(strstr(text, "\ndischarge,a,rn,cw,,h,,2026-11-30,2,0,0.00,0.00\n"));
	free(text);
	/* the sentence of §3f on the terminal and the page, and the section
	 * with each day's waiting with and without the plan */
	tu_path(path, sizeof(path), "out/report.html");
	text = tu_read(path, &len);
	assert_non_null(strstr(text, "<h2>Moving patients home sooner</h2>"));
	assert_non_null(strstr(text, SENT_HOME));
	assert_non_null(strstr(text, "<tr><th>horizon</th><td>4 bed-days</td><td>0 bed-days</td>"
	                             "<td>2</td><td>16</td><td>2</td><td>4</td></tr>"));
	assert_non_null(strstr(text, "muster solve --lp"));
	free(text);
	tu_path(path, sizeof(path), "out/partners/h/report.html");
	text = tu_read(path, &len);
	assert_non_null(strstr(text, SENT_HOME));
	free(text);
	/* plan mode, in words: nothing of one more patient waiting (its
	 * price, 200 here, may be negative elsewhere, read as if delays were
	 * good). What a patient sent home is worth (two bed days, 790, less
	 * that care) the prices do not say here: GLPK's dual of the waiting
	 * row is 0 at this degenerate optimum, with a range that does not
	 * reach one patient */
	r = tu_run("solve", "sc", "--lp", "--out", "outlp", "--db", "m.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "  " SENT_HOME "\n"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "outlp/report.html");
	text = tu_read(path, &len);
	assert_null(strstr(text, "One more patient"));
	assert_null(strstr(text, "Sending a patient home"));
	assert_null(strstr(text, "\xc2\xa3"
	                         "200"));
	free(text);
	/* compare: the agency still serves h alone, so the silo sends both
	 * home too, and the sentence says nothing changes */
	r = tu_run("compare", "sc", "--lp", "--db", "m.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\nWorking together, a sends 2 of its 2 patients waiting for "
	                              "care from h home, against 2 alone: as many bed-days at a, "
	                              "as many care hours at h and as many ward shifts freed. The "
	                              "bed-day penalty (a weight, not money) is the same working "
	                              "together, of an objective (spend plus penalty weights) the "
	                              "same in all.\n"));
	tu_result_free(&r);
	/* sweep over waiting: each point's patients sent home and bed-days
	 * (all home on day 1, agency care at 100 a day against 395 a bed) */
	r = tu_run("sweep", "sc", "--lp", "--vary", "waiting.a.h=0:4:2", "--out", "sw", "--db",
	           "m.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, " sent home  bed-days\n"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "sw/sweep.csv");
	text = tu_read(path, &len);
	assert_non_null(strstr(text, ",penalties,discharged,bed_days\n0,"));
	assert_non_null(strstr(text, ",0.00,0.00\n2,"));
	assert_non_null(strstr(text, ",2.00,0.00\n4,"));
	assert_non_null(strstr(text, ",4.00,0.00\n"));
	free(text);
	/* without flow.csv: no discharges.csv, no bed-day column, and the
	 * ward asks for its 3 nurses */
	tu_path(path, sizeof(path), "sc/flow.csv");
	assert_int_equal(remove(path), 0);
	r = tu_run("solve", "sc", "--out", "out2", "--db", "m.db", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "discharges.csv"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "out2/discharges.csv");
	assert_null(tu_read(path, &len));
	tu_path(path, sizeof(path), "out2/summary.csv");
	text = tu_read(path, &len);
	assert_null(strstr(text, "bed_days"));
	assert_non_null(strstr(text, "\na,a,48.00,"));
	free(text);
}

/* Writes defaults into folder dir, each file of over in its stead. */
static void write_scenario(const char *dir, const struct harness_file *over)
{
	char path[512];
	size_t i, j;
	tu_path(path, sizeof(path), dir);
	mkdir(path, 0777);
	for (i = 0; defaults[i].name; i++) {
		const char *text = defaults[i].text;
		for (j = 0; over[j].name; j++)
			if (strcmp(over[j].name, defaults[i].name) == 0)
				text = over[j].text;
		tu_path(path, sizeof(path), dir);
		snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", defaults[i].name);
		tu_write(path, text, strlen(text));
	}
}

/* With one nurse of its own a day, the ward is short whatever happens;
 * both patients go home on day 1 (£100 a day of care each against £395
 * a bed), so it asks for 3 - 1 = 2 nurses a day, minimum 2 x 2 / 3. The
 * unfilled shifts on the terminal and report.html's table, fill grid and
 * red flags show those moved figures, as plan_check and the red flags
 * count them, not demand.csv's 3 and 2. */
static void test_hospital_flow_unfilled_shows_moved_demand(void **state)
{
	static const struct harness_file over[] = {
	    {"staff.csv", "partner,role,shift,available\na,rn,d1,1\na,rn,d2,1\n"},
	    {NULL, NULL},
	};
	char path[512], *text;
	size_t len;
	struct tu_result r;
	(void)state;
	write_scenario("sc_short", over);
	r = tu_run("solve", "sc_short", "--out", "out_short", "--db", "m.db", NULL);
	assert_int_equal(r.status, 3); /* red flags */
	assert_non_null(
	    strstr(r.out, "  RED FLAG a rn d1: 1 of 2 required covered (minimum 1.333)\n"));
	assert_null(strstr(r.out, "of 3 required"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "out_short/report.html");
	text = tu_read(path, &len);
	assert_non_null(strstr(text, "<td>d1</td><td>2</td><td>1.00</td><td>1.333</td>"));
	assert_non_null(strstr(text, "</b>, 1 staff against a minimum of 1.333 (2 required)</li>"));
	assert_non_null(strstr(text, ": 1 of 2 staff"));
	assert_null(strstr(text, "of 3 staff"));
	assert_null(strstr(text, "(3 required)"));
	free(text);
}

/* No agency for h: both patients stay in a bed, 4 bed-days, 1,580 of
 * penalty. Every breakdown of the penalties shows the bed-days (compare's
 * table on the terminal and its page, report.html's chart) and every
 * sentence saying what the penalties weigh names them; without flow.csv
 * none does. */
static void test_hospital_flow_penalties_show_bed_days(void **state)
{
	static const struct harness_file over[] = {
	    {"agency.csv", "supplier,role,partner,rate\n"},
	    {NULL, NULL},
	};
	char path[512], *text;
	size_t len;
	struct tu_result r;
	(void)state;
	write_scenario("sc_bed", over);
	r = tu_run("compare", "sc_bed", "--lp", "--out", "bed_cmp", "--db", "m.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\n    bed-days                        1,580.00        "
	                              "1,580.00            0.00\n"));
	assert_non_null(strstr(r.out, "unfilled hours, agency tiers, break-glass and the bed-days "
	                              "of patients fit to leave: not money) is "));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "bed_cmp/report.html");
	text = tu_read(path, &len);
	assert_non_null(
	    strstr(text, "bed-days</td><td>1,580.00</td><td>1,580.00</td><td>0.00</td></tr>"));
	assert_non_null(strstr(text, "agency tiers, break-glass and the bed-days of patients fit "
	                             "to leave, not money anyone pays"));
	free(text);
	r = tu_run("solve", "sc_bed", "--lp", "--out", "bed_out", "--db", "m.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(path, sizeof(path), "bed_out/report.html");
	text = tu_read(path, &len);
	assert_non_null(strstr(text, "text-anchor=\"end\">bed-days</text>"));
	assert_non_null(strstr(text, "break-glass, and on each day a patient fit to leave stays in "
	                             "a bed &mdash; "));
	free(text);
	r = tu_run("sweep", "sc_bed", "--lp", "--vary", "waiting.a.h=0:2:2", "--out", "bed_sw",
	           "--db", "m.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(path, sizeof(path), "bed_sw/report.html");
	text = tu_read(path, &len);
	assert_non_null(strstr(text, "break-glass shifts, the bed-days of patients fit to leave "
	                             "and the like)"));
	free(text);
	/* without flow.csv, not a word of bed-days */
	tu_path(path, sizeof(path), "sc_bed/flow.csv");
	assert_int_equal(remove(path), 0);
	r = tu_run("compare", "sc_bed", "--lp", "--out", "bed_cmp2", "--db", "m.db", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "bed-day"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "bed_cmp2/report.html");
	text = tu_read(path, &len);
	assert_null(strstr(text, "bed-day"));
	free(text);
}

/* A re-plan (--keep, DESIGN.md §3b) of a plan with discharges: its
 * discharge and bed_days rows are no one's assignment, read and not kept,
 * and the re-plan finds the same plan (£400), through plan_check with the
 * kept plan and CBC on the MPS. */
static void test_hospital_flow_replans_a_plan_with_discharges(void **state)
{
	struct mu_scenario *sc = harness_load(defaults, none);
	char path[512], *kept;
	size_t len;
	(void)state;
	assert_true(fabs(harness_solve(sc, false, false) - 400) < 1e-6);
	tu_path(path, sizeof(path), "plan.csv");
	kept = tu_read(path, &len);
	assert_non_null(strstr(kept, "\ndischarge,"));
	assert_true(fabs(harness_solve_kept(sc, false, kept, false, 0, NULL) - 400) < 1e-6);
	free(kept);
	mu_scenario_free(sc);
}

/* plan_check re-derives the moved demand: a plan.csv whose discharges do
 * not match its bed-days, or that discharges more than are waiting, or
 * leaves the care the discharges add uncovered, is rejected. */
static void test_hospital_flow_plan_check_rejects_wrong_plans(void **state)
{
	static const struct {
		const char *rows, *why;
	} wrong[] = {
	    /* two home but no care for them at h */
	    {"own,a,rn,rn,d1,a,,,3,24,0.00,0.00\nown,a,rn,rn,d2,a,,,3,24,0.00,0.00\n"
	     "discharge,a,rn,cw,,h,,2026-11-30,2,0,0.00,0.00\n",
	     "demand h/cw/d1 not met"},
	    /* three home of two waiting */
	    {"discharge,a,rn,cw,,h,,2026-11-30,3,0,0.00,0.00\n", "discharges 3 of 2 waiting"},
	    /* bed-days that do not match the discharges */
	    {"own,a,rn,rn,d1,a,,,3,24,0.00,0.00\nown,a,rn,rn,d2,a,,,3,24,0.00,0.00\n"
	     "bed_days,a,rn,cw,,h,,2026-11-30,1,0,395.00,0.00\n",
	     "in a bed at the end of day 0"},
	    /* a half patient in a rota */
	    {"discharge,a,rn,cw,,h,,2026-11-30,0.5,0,0.00,0.00\n", "discharged in a rota"},
	    /* a date outside the horizon */
	    {"discharge,a,rn,cw,,h,,2026-12-02,1,0,0.00,0.00\n", "no day of the horizon"},
	};
	struct mu_scenario *sc = harness_load(defaults, none);
	char path[512], why[512];
	size_t i;
	(void)state;
	tu_path(path, sizeof(path), "wrong.csv");
	for (i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
		struct plan_check how = {.is_rota = true, .objective = 0};
		char text[2048];
		snprintf(text, sizeof(text),
		         "source,partner,role,worker_role,shift,home,worker,offer,staff,hours,cost,"
		         "recharge\n%s",
		         wrong[i].rows);
		tu_write(path, text, strlen(text));
		why[0] = '\0';
		if (plan_check_file(sc, path, &how, why, sizeof(why)))
			fail_msg("case %zu accepted", i);
		if (!strstr(why, wrong[i].why))
			fail_msg("case %zu: %s", i, why);
	}
	mu_scenario_free(sc);
}

/* Generated scenarios: an acute trust a and a community trust b with
 * wards of nurses (rn) and support workers (hca), two homecare providers
 * h and k with care workers (cw), three days of a day and a night shift,
 * random demand (sometimes required 0, sometimes a day with one shift
 * only), own staff, agency with a capacity, mutual aid from b into h,
 * and two or three pathways (one from b to k with the ward's hca, one
 * freeing a row another adds to); random floor and shortfall penalties,
 * floor below shortfall in half of them (breach then bounded by the
 * moving minimum). */
struct gen {
	unsigned long long state;
	struct mu_buf text[5];
};

static unsigned gen_next(struct gen *g, unsigned below)
{
	g->state = g->state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(g->state >> 33) % below;
}

static void gen_scenario(struct gen *g, unsigned long long seed, struct harness_file *files)
{
	static const char *const wards[][2] = {
	    {"a", "rn"}, {"a", "hca"}, {"b", "rn"}, {"b", "hca"}};
	static const char *const shifts[] = {"d1", "n1", "d2", "n2", "d3", "n3"};
	size_t i, s;
	g->state = seed * 7919 + 17;
	for (i = 0; i < 5; i++) {
		mu_buf_release(&g->text[i]);
		mu_buf_init(&g->text[i]);
	}
	mu_buf_addf(&g->text[0], "partner,role,shift,required,minimum\n");
	mu_buf_addf(&g->text[1], "partner,role,shift,available,rotatable\n");
	for (i = 0; i < 4; i++)
		for (s = 0; s < 6; s++) {
			unsigned req = gen_next(g, 9), avail;
			if (s == 5 && gen_next(g, 2))
				continue; /* the third night left out: a day of one shift */
			mu_buf_addf(&g->text[0], "%s,%s,%s,%.1f,%.1f\n", wards[i][0], wards[i][1],
			            shifts[s], 0.5 * req, 0.25 * gen_next(g, req + 1));
			avail = gen_next(g, 4);
			mu_buf_addf(&g->text[1], "%s,%s,%s,%u,%u\n", wards[i][0], wards[i][1],
			            shifts[s], avail, avail > 0 ? gen_next(g, 2) : 0);
		}
	for (i = 0; i < 2; i++)
		for (s = 0; s < 6; s += 2) {
			unsigned req = gen_next(g, 3);
			mu_buf_addf(&g->text[0], "%s,cw,%s,%u,%u\n", i == 0 ? "h" : "k", shifts[s],
			            req, req > 0 ? gen_next(g, 2) : 0);
			mu_buf_addf(&g->text[1], "%s,cw,%s,%u,0\n", i == 0 ? "h" : "k", shifts[s],
			            gen_next(g, 3));
		}
	mu_buf_addf(&g->text[2],
	            "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
	            "a,h,%u,cw,%u,rn,%u,%u\nb,k,%u,cw,%u,hca,%.1f,%u\n",
	            gen_next(g, 8), 1 + gen_next(g, 6), gen_next(g, 5), 100 * gen_next(g, 6),
	            gen_next(g, 6), 2 + gen_next(g, 3), 0.5 * gen_next(g, 12),
	            100 * gen_next(g, 6));
	if (gen_next(g, 2))
		/* nurses of a freed by a's patients going to b's ward */
		mu_buf_addf(&g->text[2], "a,b,%u,rn,%u,rn,%u,%u\n", gen_next(g, 4),
		            1 + gen_next(g, 4), 1 + gen_next(g, 4), 100 * gen_next(g, 5));
	mu_buf_addf(&g->text[3],
	            "supplier,role,partner,rate,capacity\ns1,cw,*,%u,%u\n"
	            "s2,rn,*,45,1\n",
	            20 + gen_next(g, 30), gen_next(g, 3));
	mu_buf_addf(&g->text[4], "key,value\nshortfall_penalty,%u\nfloor_penalty,%u\n",
	            100 + 50 * gen_next(g, 4), gen_next(g, 2) ? 2000 : 60);
	files[0] = (struct harness_file){"demand.csv", g->text[0].data};
	files[1] = (struct harness_file){"staff.csv", g->text[1].data};
	files[2] = (struct harness_file){"flow.csv", g->text[2].data};
	files[3] = (struct harness_file){"agency.csv", g->text[3].data};
	files[4] = (struct harness_file){"settings.csv", g->text[4].data};
	files[5] = (struct harness_file){"partners.csv", "id,kind\na,acute\nb,community\n"
	                                                 "h,homecare\nk,homecare\n"};
	files[6] = (struct harness_file){"roles.csv", "id\nrn\nhca\ncw\n"};
	files[7] = (struct harness_file){"shifts.csv", "id,date,start,end,paid_hours,enhancement\n"
	                                               "d1,2026-11-30,08:00,16:00,8,0\n"
	                                               "n1,2026-11-30,20:00,08:00,12,0.3\n"
	                                               "d2,2026-12-01,08:00,16:00,8,0\n"
	                                               "n2,2026-12-01,20:00,08:00,12,0.3\n"
	                                               "d3,2026-12-02,08:00,16:00,7.5,0\n"
	                                               "n3,2026-12-02,20:00,08:00,11.5,0.3\n"};
	files[8] = (struct harness_file){"agreements.csv", "from,to,role,max_per_shift\n"
	                                                   "b,h,*,1\n"};
	files[9] = (struct harness_file){"substitutions.csv", "role,covers,efficiency\n"
	                                                      "hca,cw,1\nrn,hca,0.9\n"};
	files[10] = (struct harness_file){NULL, NULL};
}

/* CBC (rota) and CLP (plan) find muster's objective on muster's own MPS,
 * system and silo, and every plan passes plan_check, which re-derives the
 * moved demand (model_harness). The scenarios discharge, keep patients in
 * beds, and free ward demand up to a row's required. */
static void test_hospital_flow_generated_scenarios_match_cbc_and_clp(void **state)
{
	struct gen *g = mu_calloc(1, sizeof(*g));
	struct harness_file files[11];
	unsigned long long seed;
	size_t i;
	double discharged = 0, in_bed = 0, at_zero = 0;
	(void)state;
	for (i = 0; i < 5; i++)
		mu_buf_init(&g->text[i]);
	for (seed = 1; seed <= 12; seed++) {
		struct mu_scenario *sc;
		struct pol_solved s;
		gen_scenario(g, seed, files);
		sc = harness_load(defaults, files);
		harness_solve(sc, false, false);
		harness_solve(sc, true, false);
		harness_solve(sc, false, true);
		harness_solve(sc, true, true);
		memset(&s, 0, sizeof(s));
		solve(sc, true, &s);
		for (i = 0; i < s.plan->n_rows; i++) {
			discharged += s.plan->rows[i].source == MU_SRC_DISCHARGE;
			in_bed += s.plan->rows[i].source == MU_SRC_BED_DAYS;
		}
		for (i = 0; i < sc->n_demand; i++)
			at_zero += sc->demand[i].required > 0 && s.plan->demand[i].required == 0;
		pol_solved_release(&s);
		mu_scenario_free(sc);
	}
	/* the scenarios have each thing to check */
	assert_true(discharged > 5);
	assert_true(in_bed > 5);
	assert_true(at_zero > 0);
	for (i = 0; i < 5; i++)
		mu_buf_release(&g->text[i]);
	free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hospital_flow_cheap_homecare_sends_them_home_on_day_one),
	    cmocka_unit_test(test_hospital_flow_no_care_staff_keeps_them_in_bed),
	    cmocka_unit_test(test_hospital_flow_ward_demand_falls_by_ward_hours),
	    cmocka_unit_test(test_hospital_flow_ward_demand_never_below_zero),
	    cmocka_unit_test(test_hospital_flow_plan_rows),
	    cmocka_unit_test(test_hospital_flow_replans_a_plan_with_discharges),
	    cmocka_unit_test(test_hospital_flow_discharges_csv),
	    cmocka_unit_test(test_hospital_flow_solve_writes_discharges),
	    cmocka_unit_test(test_hospital_flow_unfilled_shows_moved_demand),
	    cmocka_unit_test(test_hospital_flow_penalties_show_bed_days),
	    cmocka_unit_test(test_hospital_flow_plan_check_rejects_wrong_plans),
	    cmocka_unit_test(test_hospital_flow_generated_scenarios_match_cbc_and_clp),
	};
	return tu_run_tests(tests, NULL, NULL);
}
