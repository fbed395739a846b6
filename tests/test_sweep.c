/*
 * test_sweep.c - what a sweep varies (flow_vary): every kind of name resolves
 * and puts its value into the scenario so that the model answers as worked
 * out by hand (each point solved and checked every way by harness_solve);
 * names and ranges that are wrong are refused with a message; and a solve
 * warm-started from a neighbouring point's basis finds the same optimum as a
 * cold one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "flows/flow_vary.h"
#include "io/io_scenario.h"
#include "io/io_source.h"
#include "model_harness.h"
#include "policies/pol_build.h"
#include "policies/pol_solve.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Demand: 2 rn at a on one 8 h shift. Short costs 200 x 8 = 1600 a staff.
 * Agency: s1 at £20/h (160 a shift), s2 at £30/h (240), one each; the cap
 * of £15 makes both break-glass, which is not allowed. b has 2 rn it may
 * lend to a (none yet: max_per_shift 0) for £10 travel. */
static const struct harness_file base[] = {
    {"partners.csv", "id\na\nb\n"},
    {"roles.csv", "id\nrn\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\nd1,2026-11-30,08:00,16:00,8\n"},
    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\n"},
    {"staff.csv", "partner,role,shift,available,rotatable\nb,rn,d1,2,2\n"},
    {"agency.csv", "supplier,role,partner,rate,capacity\ns1,rn,*,20,1\ns2,rn,*,30,1\n"},
    {"agreements.csv", "from,to,role,max_per_shift,travel_cost\nb,a,rn,0,10\n"},
    {"caps.csv", "role,bank_rate,agency_cap\nrn,10,15\n"},
    {NULL, NULL},
};

static const struct harness_file none[] = {{NULL, NULL}};

/* Sweeps text over sc, expecting the objective want[i] at the i-th value
 * in both modes. */
static void expect_sweep(struct mu_scenario *sc, const char *text, const double *want, size_t n)
{
	struct flow_vary v;
	struct mu_err err;
	size_t i;
	mu_err_clear(&err);
	if (flow_vary_parse(sc, text, &v, &err) != MU_OK)
		fail_msg("%s: %s", text, err.msg);
	assert_int_equal(v.n_values, n);
	for (i = 0; i < n; i++) {
		flow_vary_apply(&v, sc, flow_vary_value(&v, i));
		if (fabs(harness_solve(sc, false, false) - want[i]) > 1e-6 ||
		    fabs(harness_solve(sc, true, false) - want[i]) > 1e-6)
			fail_msg("%s at %g: not %g", text, flow_vary_value(&v, i), want[i]);
	}
	flow_vary_release(&v);
}

static void test_sweep_agency_cap_unlocks_offers(void **state)
{
	/* 15: both break-glass, 2 short; 20: s1 and 1 short; 30: s1 and s2 */
	static const double want[] = {3200, 1760, 1760, 400};
	struct mu_scenario *sc = harness_load(base, none);
	(void)state;
	expect_sweep(sc, "agency_cap.rn=15:30:5", want, 4);
	mu_scenario_free(sc);
}

static void test_sweep_agency_cap_of_a_role_without_caps_row(void **state)
{
	/* no caps.csv row for hca: the sweep adds one; hca covers nothing here,
	 * so the answer stays 2 short */
	static const struct harness_file files[] = {{"roles.csv", "id\nrn\nhca\n"}, {NULL, NULL}};
	static const double want[] = {3200, 3200};
	struct mu_scenario *sc = harness_load(base, files);
	size_t n_caps = sc->n_caps;
	(void)state;
	expect_sweep(sc, "agency_cap.hca=10:20:10", want, 2);
	assert_int_equal(sc->n_caps, n_caps + 1);
	mu_scenario_free(sc);
}

static void test_sweep_demand_scales_from_the_forecast(void **state)
{
	/* cap 30: both offers; 1 wanted: 160; 2: 400; 3: 400 + 1600 */
	static const double want[] = {160, 400, 2000};
	struct mu_scenario *sc = harness_load(base, none);
	(void)state;
	sc->caps[0].agency_cap = 30;
	expect_sweep(sc, "demand=0.5:1.5:0.5", want, 3);
	mu_scenario_free(sc);
	/* and at one partner; b's demand (none here) would stay */
	sc = harness_load(base, none);
	sc->caps[0].agency_cap = 30;
	expect_sweep(sc, "demand.a=0.5:1.5:0.5", want, 3);
	mu_scenario_free(sc);
}

static void test_sweep_recruits_staff_on_every_shift(void **state)
{
	/* a has no staff row: the sweep adds one on d1; 1 recruit: 1 short */
	static const double want[] = {3200, 1600, 0};
	struct mu_scenario *sc = harness_load(base, none);
	size_t n_staff = sc->n_staff;
	(void)state;
	expect_sweep(sc, "staff.a.rn=0:2:1", want, 3);
	assert_int_equal(sc->n_staff, n_staff + 1);
	mu_scenario_free(sc);
}

static void test_sweep_mutual_aid_places(void **state)
{
	/* each place lets one of b's nurses work at a for £10 travel */
	static const double want[] = {3200, 1610, 20};
	struct mu_scenario *sc = harness_load(base, none);
	(void)state;
	expect_sweep(sc, "max_per_shift.b.a.rn=0:2:1", want, 3);
	mu_scenario_free(sc);
}

static void test_sweep_settings(void **state)
{
	/* with a safe minimum of 2, none covered is 2 below it: 2 x 2000 x 8;
	 * break-glass allowed: s1 and s2 at +500 each a staff-shift */
	static const struct harness_file floor[] = {
	    {"demand.csv", "partner,role,shift,required,minimum\na,rn,d1,2,2\n"}, {NULL, NULL}};
	static const double glass[] = {32000, 1400};
	/* shortfall penalty per staff-hour: 2 x 8 x p */
	static const double shortfall[] = {1600, 3200};
	struct mu_scenario *sc = harness_load(base, floor);
	(void)state;
	expect_sweep(sc, "allow_break_glass=0:1:1", glass, 2);
	mu_scenario_free(sc);
	sc = harness_load(base, none);
	expect_sweep(sc, "shortfall_penalty=100:200:100", shortfall, 2);
	mu_scenario_free(sc);
}

/* The message of parsing text, which must fail. */
static const char *refusal(struct mu_scenario *sc, const char *text)
{
	static struct mu_err err;
	struct flow_vary v;
	mu_err_clear(&err);
	if (flow_vary_parse(sc, text, &v, &err) == MU_OK)
		fail_msg("'%s' was accepted", text);
	assert_int_equal(err.code, MU_E_USAGE);
	return err.msg;
}

static void test_sweep_refuses_bad_names_and_ranges(void **state)
{
	struct mu_scenario *sc = harness_load(base, none);
	(void)state;
	assert_non_null(strstr(refusal(sc, "agency_kap.rn=1:2:1"), "unknown name 'agency_kap.rn'"));
	assert_non_null(strstr(refusal(sc, "agency_cap.nurse=1:2:1"), "unknown role 'nurse'"));
	assert_non_null(strstr(refusal(sc, "demand.c=1:2:1"), "unknown partner 'c'"));
	assert_non_null(strstr(refusal(sc, "max_per_shift.a.b.rn=1:2:1"), "agreements.csv"));
	assert_non_null(strstr(refusal(sc, "staff.a.hca=1:2:1"), "no partner and role"));
	assert_non_null(strstr(refusal(sc, "demand"), "NAME=FROM:TO:STEP"));
	assert_non_null(strstr(refusal(sc, "demand=1:2"), "FROM:TO:STEP"));
	assert_non_null(strstr(refusal(sc, "demand=1:2:x"), "FROM:TO:STEP"));
	assert_non_null(strstr(refusal(sc, "demand=2:1:1"), "TO (1) is below FROM (2)"));
	assert_non_null(strstr(refusal(sc, "demand=1:2:0"), "STEP must be above 0"));
	assert_non_null(strstr(refusal(sc, "demand=1:2:-1"), "STEP must be above 0"));
	/* a value below the range is said to be so, not to be no number */
	assert_non_null(strstr(refusal(sc, "demand=-1:2:1"), "FROM (-1) must be at least 0"));
	assert_non_null(strstr(refusal(sc, "min_rest_hours=0:50:1"), "above the largest value"));
	assert_non_null(strstr(refusal(sc, "staff.a.rn=0.5:2:1"), "whole numbers"));
	assert_non_null(strstr(refusal(sc, "allow_break_glass=0:2:1"), "above the largest"));
	assert_non_null(strstr(refusal(sc, "demand=0:1000:0.01"), "more than 10000 values"));
	mu_scenario_free(sc);
}

/* Every setting the table lets a sweep vary takes its whole range, lands
 * in the scenario, and is refused above it; labels are the table's. */
static void test_sweep_settings_follow_the_table(void **state)
{
	struct mu_scenario *sc = harness_load(base, none);
	struct flow_vary v;
	struct mu_err err;
	char text[128], buf[MU_SETTING_TEXT_MAX], label[128];
	size_t i, n_sweepable = 0;
	(void)state;
	for (i = 0; i < MU_SETTING_COUNT; i++) {
		const struct mu_setting *t = &mu_settings_table[i];
		struct mu_range r = mu_settings_value_range(i);
		char hi[64];
		if (!t->is_sweepable) {
			snprintf(text, sizeof(text), "%s=0:1:1", t->key);
			assert_non_null(strstr(refusal(sc, text), "unknown name"));
			continue;
		}
		n_sweepable++;
		snprintf(text, sizeof(text), "%s=%.15g:%.15g:%.15g", t->key, r.lo, r.hi,
		         r.hi - r.lo);
		mu_err_clear(&err);
		if (flow_vary_parse(sc, text, &v, &err) != MU_OK)
			fail_msg("%s: %s", text, err.msg);
		assert_int_equal(v.n_values, 2);
		flow_vary_apply(&v, sc, flow_vary_value(&v, 1));
		assert_true(mu_settings_text(&sc->settings, i, buf, sizeof(buf)));
		if (t->type == MU_SETTING_YES_NO)
			snprintf(hi, sizeof(hi), "yes");
		else if (t->type == MU_SETTING_CHOICE)
			snprintf(hi, sizeof(hi), "%s", t->choices[t->n_choices - 1]);
		else
			snprintf(hi, sizeof(hi), "%.15g", r.hi);
		assert_string_equal(buf, hi);
		flow_vary_release(&v);
		snprintf(text, sizeof(text), "%s=0:%.15g:1", t->key, r.hi + 1);
		assert_non_null(strstr(refusal(sc, text), "above the largest value"));
	}
	assert_true(n_sweepable >= 7);
	/* the chart's axis, as before the table */
	assert_int_equal(flow_vary_parse(sc, "min_rest_hours=0:12:12", &v, &err), MU_OK);
	assert_string_equal(flow_vary_label(&v, sc, label, sizeof(label)), "minimum rest (hours)");
	flow_vary_release(&v);
	assert_int_equal(flow_vary_parse(sc, "Allow_Break_Glass=0:1:1", &v, &err), MU_OK);
	assert_string_equal(flow_vary_label(&v, sc, label, sizeof(label)),
	                    "break-glass allowed (0 no, 1 yes)");
	flow_vary_release(&v);
	assert_int_equal(flow_vary_parse(sc, "agency_budget=0:1:1", &v, &err), MU_OK);
	assert_string_equal(flow_vary_label(&v, sc, label, sizeof(label)),
	                    "agency budget of the system (£)");
	flow_vary_release(&v);
	assert_int_equal(flow_vary_parse(sc, "agency_budget.a=0:1:1", &v, &err), MU_OK);
	assert_string_equal(flow_vary_label(&v, sc, label, sizeof(label)),
	                    "agency budget of a (£)");
	flow_vary_release(&v);
	assert_string_equal(refusal(sc, "agency_kap.rn=1:2:1"),
	                    "--vary: unknown name 'agency_kap.rn'; it can be a setting "
	                    "(shortfall_penalty, floor_penalty, min_rest_hours, allow_break_glass, "
	                    "break_glass_penalty, tier_penalty, agency_budget, rate_card), "
	                    "agency_budget.PARTNER, agency_cap.ROLE, bank_rate.ROLE, "
	                    "bank_cap.ROLE, elasticity.ROLE, reference_rate.ROLE, step.ROLE, "
	                    "demand, demand.PARTNER, staff.PARTNER.ROLE, "
	                    "max_per_shift.FROM.TO.ROLE, waiting.FROM.TO or "
	                    "bed_day_cost.FROM.TO");
	mu_scenario_free(sc);
}

static void test_sweep_knows_what_would_undo_another(void **state)
{
	struct mu_scenario *sc = harness_load(base, none);
	static const char *const texts[] = {
	    "demand=1:2:1",          "demand.a=1:2:1",      "demand.b=1:2:1",
	    "agency_cap.rn=1:2:1",   "bank_rate.rn=1:2:1",  "agency_budget=1:2:1",
	    "agency_budget.a=1:2:1", "floor_penalty=1:2:1", "FLOOR_PENALTY=3:4:1"};
	struct flow_vary v[9];
	struct mu_err err;
	size_t k;
	(void)state;
	for (k = 0; k < 9; k++)
		assert_int_equal(flow_vary_parse(sc, texts[k], &v[k], &err), MU_OK);
	assert_true(flow_vary_overlaps(&v[0], &v[1])); /* system-wide and at a */
	assert_true(flow_vary_overlaps(&v[1], &v[1]));
	assert_false(flow_vary_overlaps(&v[1], &v[2])); /* a and b */
	assert_false(flow_vary_overlaps(&v[3], &v[4])); /* cap and rate of one role */
	assert_false(flow_vary_overlaps(&v[5], &v[6])); /* system and partner budget */
	assert_false(flow_vary_overlaps(&v[5], &v[7])); /* two settings */
	assert_true(flow_vary_overlaps(&v[7], &v[8]));  /* one setting twice */
	for (k = 0; k < 9; k++)
		flow_vary_release(&v[k]);
	mu_scenario_free(sc);
}

static void test_sweep_splits_dotted_ids_one_way_only(void **state)
{
	/* staff.x.y.rn is x + y.rn or x.y + rn: refused while both roles exist */
	static const struct harness_file files[] = {
	    {"partners.csv", "id\nx\nx.y\n"},
	    {"roles.csv", "id\nrn\ny.rn\n"},
	    {"demand.csv", "partner,role,shift,required\nx,rn,d1,1\n"},
	    {"staff.csv", "partner,role,shift,available\n"},
	    {"agency.csv", "supplier,role,partner,rate\n"},
	    {"agreements.csv", "from,to,role\n"},
	    {"caps.csv", "role,bank_rate\nrn,10\n"},
	    {NULL, NULL}};
	struct mu_scenario *sc = harness_load(base, files);
	struct flow_vary v;
	struct mu_err err;
	(void)state;
	assert_non_null(strstr(refusal(sc, "staff.x.y.rn=0:1:1"), "more than one way"));
	mu_err_clear(&err);
	assert_int_equal(flow_vary_parse(sc, "staff.x.y.y.rn=0:1:1", &v, &err), MU_OK);
	assert_string_equal(sc->partners[v.partner].id, "x.y");
	assert_string_equal(sc->roles[v.role].id, "y.rn");
	flow_vary_release(&v);
	mu_scenario_free(sc);
}

static void test_sweep_warm_start_finds_the_cold_optimum(void **state)
{
	/* the cap changes which offers are break-glass, so models differ in
	 * rows and columns from point to point; demand moves the other way */
	static const char *const texts[] = {"agency_cap.rn_b5=25:45:5", "demand=0.8:1.2:0.1"};
	struct mu_scenario *sc = tu_load_example();
	struct pol_warm *basis = pol_warm_new();
	struct flow_vary v;
	struct mu_err err;
	size_t k, i;
	(void)state;
	for (k = 0; k < 2; k++) {
		const char *text = texts[k];
		mu_err_clear(&err);
		assert_int_equal(flow_vary_parse(sc, text, &v, &err), MU_OK);
		for (i = 0; i < v.n_values; i++) {
			/* demand downwards, so that the warm basis comes from above */
			size_t at = k == 1 ? v.n_values - 1 - i : i;
			double cold, warm;
			flow_vary_apply(&v, sc, flow_vary_value(&v, at));
			cold = harness_plan_objective(sc, NULL, NULL);
			warm = harness_plan_objective(sc, basis, NULL);
			if (!(fabs(warm - cold) <= 1e-7 * fabs(cold)))
				fail_msg("%s at %g: warm %.4f, cold %.4f", text,
				         flow_vary_value(&v, at), warm, cold);
		}
		flow_vary_apply(&v, sc, k == 0 ? 23.76 : 1);
		flow_vary_release(&v);
	}
	pol_warm_free(basis);
	mu_scenario_free(sc);
}

/* DESIGN.md §3d: ten rn bank workers of a offer d1 at bank_rate 10, 12
 * rn wanted there (a short one costs 1600), elasticity 1 at the
 * bank_rate, step 1 (ladder 10, 20, ... below the cap, then the cap):
 * S(w) = w. At a cap of c in [10, 20] the top rung is c, so S = c staff
 * can be had, E(c) = c x c (uniform) an hour, and extra staff up to c -
 * 10. Cap 10: 10 named, 800 + 2 short 3200 = 4000; cap 11: E(11) 121 x 8
 * = 968 + 1 short = 2568; cap 12: E(12) 144 x 8 = 1152, none short. */
static const struct harness_file elastic[] = {
    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\n"},
    {"staff.csv", "partner,role,shift,available\n"},
    {"agency.csv", "supplier,role,partner,rate\n"},
    {"agreements.csv", "from,to,role\n"},
    {"caps.csv", "role,bank_rate,bank_cap\nrn,10,12\n"},
    {"bank.csv", "id,role,home\nw1,rn,a\nw2,rn,a\nw3,rn,a\nw4,rn,a\nw5,rn,a\nw6,rn,a\nw7,rn,a\n"
                 "w8,rn,a\nw9,rn,a\nw10,rn,a\n"},
    {"availability.csv", "worker,shift\nw1,d1\nw2,d1\nw3,d1\nw4,d1\nw5,d1\nw6,d1\nw7,d1\n"
                         "w8,d1\nw9,d1\nw10,d1\n"},
    {"supply.csv", "role,elasticity,step\nrn,1,1\n"},
    {NULL, NULL},
};

/* elastic with supply.csv as text (NULL: no such file). */
static struct mu_scenario *load_supply(const char *supply)
{
	struct harness_file files[sizeof(elastic) / sizeof(elastic[0])];
	size_t i, n = 0;
	for (i = 0; elastic[i].name; i++)
		if (strcmp(elastic[i].name, "supply.csv") != 0)
			files[n++] = elastic[i];
		else if (supply)
			files[n++] = (struct harness_file){"supply.csv", supply};
	files[n] = (struct harness_file){NULL, NULL};
	return harness_load(base, files);
}

/* The message of flow_vary_check on the sweep of texts, which must
 * refuse it. */
static const char *check_refusal(struct mu_scenario *sc, const char *const *texts, size_t n)
{
	static struct mu_err err;
	struct flow_vary v[4];
	size_t k;
	enum mu_code rc;
	mu_err_clear(&err);
	for (k = 0; k < n; k++)
		if (flow_vary_parse(sc, texts[k], &v[k], &err) != MU_OK)
			fail_msg("%s: %s", texts[k], err.msg);
	rc = flow_vary_check(sc, v, n, &err);
	for (k = 0; k < n; k++)
		flow_vary_release(&v[k]);
	if (rc == MU_OK)
		fail_msg("'%s' was accepted", texts[0]);
	assert_int_equal(err.code, MU_E_USAGE);
	return err.msg;
}

static void check_accepted(struct mu_scenario *sc, const char *const *texts, size_t n)
{
	struct flow_vary v[4];
	struct mu_err err;
	size_t k;
	mu_err_clear(&err);
	for (k = 0; k < n; k++)
		assert_int_equal(flow_vary_parse(sc, texts[k], &v[k], &err), MU_OK);
	if (flow_vary_check(sc, v, n, &err) != MU_OK)
		fail_msg("%s", err.msg);
	for (k = 0; k < n; k++)
		flow_vary_release(&v[k]);
}

/* §3d: a bank cap (reference rate, step, rate card) of a role whose
 * supply is fixed does nothing, and a point with bank_cap below
 * bank_rate is refused as caps.csv's reader refuses it, by its values. */
static void test_sweep_refuses_what_supply_cannot_show(void **state)
{
	static const char *const cap[] = {"bank_cap.rn=10:12:1"};
	static const char *const card[] = {"rate_card=0:1:1"};
	static const char *const step[] = {"step.rn=0.1:0.2:0.1"};
	static const char *const low[] = {"bank_cap.rn=8:12:1"};
	static const char *const both[] = {"bank_cap.rn=10:12:1", "bank_rate.rn=9:11:1"};
	static const char *const rate[] = {"bank_rate.rn=10:14:2"};
	static const char *const with_e[] = {"bank_cap.rn=10:12:1", "elasticity.rn=0:1:1"};
	static const char *const elasticity[] = {"elasticity.rn=0:1:1"};
	struct mu_scenario *sc = load_supply(NULL);
	(void)state;
	assert_string_equal(check_refusal(sc, cap, 1),
	                    "--vary bank_cap.rn: role 'rn' has fixed bank supply (no row in "
	                    "supply.csv), so its bank cap changes nothing (DESIGN.md §3d); give "
	                    "it a supply.csv row with elasticity above 0, or vary elasticity.rn "
	                    "too");
	assert_non_null(strstr(check_refusal(sc, card, 1), "--vary rate_card: every role's bank "
	                                                   "supply is fixed"));
	check_accepted(sc, with_e, 2); /* elasticity 1 at its second value */
	mu_scenario_free(sc);
	sc = load_supply("role,elasticity\nrn,0\n");
	assert_non_null(strstr(check_refusal(sc, step, 1),
	                       "(elasticity 0 in supply.csv), so its ladder step changes nothing"));
	mu_scenario_free(sc);
	sc = load_supply("role,elasticity\nrn,0.5\n");
	check_accepted(sc, cap, 1);
	check_accepted(sc, card, 1);
	assert_string_equal(check_refusal(sc, low, 1),
	                    "--vary bank_cap.rn: at the point bank_cap.rn = 8, bank_cap 8 of role "
	                    "'rn' is below its bank_rate 10 (caps.csv): bank_cap is the highest "
	                    "rate the bank may pay (DESIGN.md §3d), so a sweep keeps it at "
	                    "bank_rate or above");
	/* the first point in the sweep's order: the cap moves fastest */
	assert_non_null(strstr(check_refusal(sc, both, 2),
	                       "at the point bank_cap.rn = 10, bank_rate.rn = 11, bank_cap 10 "
	                       "of role 'rn' is below its bank_rate 11:"));
	/* a bank_rate above caps.csv's bank_cap, 12 */
	assert_non_null(strstr(check_refusal(sc, rate, 1),
	                       "--vary bank_rate.rn: at the point bank_rate.rn = 14, bank_cap 12 "
	                       "of role 'rn' is below its bank_rate 14 (bank_cap in caps.csv)"));
	mu_scenario_free(sc);
	/* no bank_cap: a ladder of one rung, which the step and the rate card
	 * cannot price and elasticity cannot move (the offers were made at
	 * bank_rate) */
	sc = load_supply("role,elasticity\nrn,0.5\n");
	sc->caps[0].has_bank_cap = false;
	assert_non_null(strstr(check_refusal(sc, step, 1),
	                       "--vary step.rn: role 'rn' has no bank_cap above its bank_rate at "
	                       "any point, so its ladder is one rung"));
	assert_non_null(strstr(check_refusal(sc, elasticity, 1), "the elasticity changes nothing"));
	assert_non_null(strstr(check_refusal(sc, card, 1),
	                       "no role whose supply answers the rate has a bank_cap"));
	check_accepted(sc, (const char *const[]){"step.rn=0.1:0.2:0.1", "bank_cap.rn=10:12:2"}, 2);
	check_accepted(sc, (const char *const[]){"elasticity.rn=0:1:1", "reference_rate.rn=5:10:5"},
	               2);
	mu_scenario_free(sc);
	/* no bank worker of the role offered a shift: nothing to buy */
	sc = harness_load(base, none);
	assert_non_null(strstr(refusal(sc, "rate_card=incentive:uniform:1"), "TO (0) is below"));
	assert_non_null(strstr(check_refusal(sc, elasticity, 1),
	                       "no bank worker of role 'rn' offered a shift in availability.csv"));
	mu_scenario_free(sc);
}

static void test_sweep_bank_cap_buys_supply(void **state)
{
	static const double want[] = {4000, 2568, 1152};
	struct mu_scenario *sc = harness_load(base, elastic);
	char label[128];
	struct flow_vary v;
	struct mu_err err;
	(void)state;
	expect_sweep(sc, "bank_cap.rn=10:12:1", want, 3);
	mu_err_clear(&err);
	assert_int_equal(flow_vary_parse(sc, "bank_cap.rn=10:12:1", &v, &err), MU_OK);
	assert_true(flow_vary_is_supply(&v));
	assert_int_equal(flow_vary_check(sc, &v, 1, &err), MU_OK);
	assert_string_equal(flow_vary_label(&v, sc, label, sizeof(label)), "bank cap of rn (£/h)");
	flow_vary_release(&v);
	mu_scenario_free(sc);
}

static void test_sweep_supply_cells_and_rate_card(void **state)
{
	/* at a cap of 12: fixed supply (elasticity 0) is 10 named and 2
	 * short, 4000; elasticity 1 is 1152 */
	static const double by_elasticity[] = {4000, 1152};
	/* incentive: C_1 = 10 x 10 + 12 x 2 = 124 an hour, 992 */
	static const double by_card[] = {1152, 992};
	/* 11 wanted at a cap of 12: step 0.1 has the rungs 10, 11, 12 and
	 * E(11) = 121, 968; step 1 only 10 and 12, E(11) = (100 + 144) / 2 =
	 * 122, 976 */
	static const double by_step[] = {968, 976};
	/* 12 wanted at a cap of 10 (no ladder): a reference rate of 5 makes
	 * S(10) = 20, so two extra staff at 80 each join the ten named: 960 */
	static const double by_reference[] = {960, 4000};
	static const char *const labels[][2] = {
	    {"elasticity.rn=0:1:1", "supply elasticity of rn"},
	    {"reference_rate.rn=5:10:5", "reference rate of rn (£/h)"},
	    {"step.rn=0.1:1:0.9", "rate ladder step of rn (fraction)"},
	    {"rate_card=0:1:1", "bank rate card (0 uniform, 1 incentive)"},
	};
	struct mu_scenario *sc = harness_load(base, elastic);
	struct flow_vary v;
	struct mu_err err;
	char label[128];
	size_t k;
	(void)state;
	expect_sweep(sc, "elasticity.rn=0:1:1", by_elasticity, 2);
	assert_true(mu_scenario_supply(sc, 0)->elasticity == 1);
	expect_sweep(sc, "rate_card=uniform:incentive:1", by_card, 2);
	assert_int_equal(sc->settings.rate_card, MU_RATE_CARD_INCENTIVE);
	sc->settings.rate_card = MU_RATE_CARD_UNIFORM;
	sc->demand[0].required = 11;
	expect_sweep(sc, "step.rn=0.1:1:0.9", by_step, 2);
	assert_true(mu_scenario_supply(sc, 0)->step == 1);
	sc->demand[0].required = 12;
	sc->caps[0].bank_cap = 10;
	expect_sweep(sc, "reference_rate.rn=5:10:5", by_reference, 2);
	assert_true(mu_scenario_supply(sc, 0)->has_reference_rate);
	for (k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		mu_err_clear(&err);
		assert_int_equal(flow_vary_parse(sc, labels[k][0], &v, &err), MU_OK);
		assert_true(flow_vary_is_supply(&v));
		assert_string_equal(flow_vary_label(&v, sc, label, sizeof(label)), labels[k][1]);
		flow_vary_release(&v);
	}
	mu_scenario_free(sc);
	/* a role without a supply row gets one of fixed supply: the model of
	 * §3 until elasticity moves */
	sc = load_supply(NULL);
	assert_null(mu_scenario_supply(sc, 0));
	assert_int_equal(flow_vary_parse(sc, "step.rn=0.5:1:0.5", &v, &err), MU_OK);
	assert_non_null(mu_scenario_supply(sc, 0));
	assert_true(mu_scenario_supply(sc, 0)->elasticity == 0);
	assert_false(flow_vary_is_supply(&(struct flow_vary){.kind = FLOW_VARY_DEMAND}));
	flow_vary_release(&v);
	mu_scenario_free(sc);
}

/* A discharge pathway (DESIGN.md §3f; test_hospital_flow's): 2 patients
 * at a fit to leave, each adding 4 h a day of care at h (0.5 care worker
 * of 8 h, from an agency at £25/h: £100 a day) and freeing 4 h of a's
 * nursing (which a's 3 nurses cover anyway), over two days. */
static const struct harness_file pathway[] = {
    {"partners.csv", "id,kind\na,acute\nh,homecare\n"},
    {"roles.csv", "id\nrn\ncw\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\n"
                   "d1,2026-11-30,08:00,16:00,8\n"
                   "d2,2026-12-01,08:00,16:00,8\n"},
    {"demand.csv", "partner,role,shift,required,minimum\n"
                   "a,rn,d1,3,2\na,rn,d2,3,2\nh,cw,d1,0,0\nh,cw,d2,0,0\n"},
    {"staff.csv", "partner,role,shift,available\na,rn,d1,3\na,rn,d2,3\n"},
    {"agency.csv", "supplier,role,partner,rate\ncarers,cw,h,25\n"},
    {"agreements.csv", "from,to,role,max_per_shift,travel_cost\n"},
    {"caps.csv", "role,bank_rate,agency_cap\n"},
    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"
                 "a,h,2,cw,4,rn,4,395\n"},
    {NULL, NULL},
};

/* bed_day_cost.FROM.TO: a patient costs min(2 c in a bed, c + 100 home
 * on day 2, 200 home on day 1): 0, 100, 200, 200 at c = 0, 50, 100, 150,
 * two patients (in a rota too: both home is one whole agency carer a
 * day). waiting.FROM.TO at 395: 0, 2 or 4 patients home on day 1 at 200
 * each; the label and the refusals. */
static void test_sweep_discharge_pathway(void **state)
{
	static const double cost[] = {0, 200, 400, 400}, waiting[] = {0, 400, 800};
	struct mu_scenario *sc = harness_load(pathway, none);
	struct flow_vary v;
	struct mu_err err;
	char label[128];
	(void)state;
	expect_sweep(sc, "bed_day_cost.a.h=0:150:50", cost, 4);
	assert_true(fabs(sc->flows[0].bed_day_cost - 150) < 1e-9);
	sc->flows[0].bed_day_cost = 395;
	expect_sweep(sc, "waiting.a.h=0:4:2", waiting, 3);
	assert_int_equal(sc->flows[0].waiting, 4);
	mu_err_clear(&err);
	assert_int_equal(flow_vary_parse(sc, "waiting.a.h=0:4:2", &v, &err), MU_OK);
	assert_string_equal(flow_vary_label(&v, sc, label, sizeof(label)),
	                    "patients waiting to go home, a to h");
	flow_vary_release(&v);
	assert_int_equal(flow_vary_parse(sc, "bed_day_cost.a.h=0:4:2", &v, &err), MU_OK);
	assert_string_equal(flow_vary_label(&v, sc, label, sizeof(label)),
	                    "bed-day penalty, a to h (weight)");
	flow_vary_release(&v);
	assert_string_equal(refusal(sc, "waiting.h.a=0:4:2"),
	                    "--vary waiting.h.a: no row of flow.csv is from.to 'h.a'");
	assert_non_null(strstr(refusal(sc, "waiting.a.h=0.5:4:1"), "whole numbers"));
	assert_non_null(
	    strstr(refusal(sc, "bed_day_cost.a.h=-1:4:1"), "FROM (-1) must be at least 0"));
	mu_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sweep_agency_cap_unlocks_offers),
	    cmocka_unit_test(test_sweep_agency_cap_of_a_role_without_caps_row),
	    cmocka_unit_test(test_sweep_demand_scales_from_the_forecast),
	    cmocka_unit_test(test_sweep_recruits_staff_on_every_shift),
	    cmocka_unit_test(test_sweep_mutual_aid_places),
	    cmocka_unit_test(test_sweep_settings),
	    cmocka_unit_test(test_sweep_refuses_bad_names_and_ranges),
	    cmocka_unit_test(test_sweep_settings_follow_the_table),
	    cmocka_unit_test(test_sweep_knows_what_would_undo_another),
	    cmocka_unit_test(test_sweep_splits_dotted_ids_one_way_only),
	    cmocka_unit_test(test_sweep_warm_start_finds_the_cold_optimum),
	    cmocka_unit_test(test_sweep_bank_cap_buys_supply),
	    cmocka_unit_test(test_sweep_supply_cells_and_rate_card),
	    cmocka_unit_test(test_sweep_refuses_what_supply_cannot_show),
	    cmocka_unit_test(test_sweep_discharge_pathway),
	};
	return tu_run_tests(tests, NULL, NULL);
}
