/*
 * test_keep.c - re-planning a published rota (DESIGN.md §3b), hand-solved:
 * a sick worker, a change penalty above and below the saving, agency
 * bookings kept, and --now's past. Each case is solved in rota and plan
 * mode through model_harness (plan_check re-derives every change penalty
 * and the past from plan.csv's rows and the kept plan alone; CBC and CLP
 * solve muster's MPS with its keep rows).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_keep.h"
#include "io/io_keep.h"
#include "model_harness.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two partners, rn (bank £10/h: £80 a shift) and b6 (£20/h: £160) who may
 * cover rn; a short staff-shift costs 200 x 8 = 1600. */
static const struct harness_file defaults[] = {
    {"partners.csv", "id\na\nb\n"},
    {"roles.csv", "id\nrn\nb6\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\nd1,2026-11-30,08:00,16:00,8\n"
                   "d2,2026-12-01,08:00,16:00,8\n"},
    {"staff.csv", "partner,role,shift,available\n"},
    {"caps.csv", "role,bank_rate,agency_cap\nrn,10,\nb6,20,\n"},
    {"substitutions.csv", "role,covers,efficiency\nb6,rn,1\n"},
    {NULL, NULL},
};

#define KEPT_HEADER                                                                                \
	"source,partner,role,worker_role,shift,home,worker,offer,staff,hours,cost,recharge\n"

/* The changes of each mode's solve, counted. */
struct counts {
	size_t n, n_forced, n_added, n_removed, n_moved, n_kept;
	double penalty;
};

static struct counts count(const struct mu_changes *c)
{
	struct counts k = {c->n_rows, c->n_forced, 0, 0, 0, c->n_kept, c->penalty};
	size_t i;
	for (i = 0; i < c->n_rows; i++) {
		k.n_added += c->rows[i].kind == MU_CHANGE_ADDED;
		k.n_removed += c->rows[i].kind == MU_CHANGE_REMOVED;
		k.n_moved += c->rows[i].kind == MU_CHANGE_MOVED;
	}
	return k;
}

/* Solves the re-plan in both modes: each must cost objective and change
 * what want says. */
static void expect_kept(const struct harness_file *files, const char *kept, bool has_now, long now,
                        double objective, struct counts want)
{
	struct mu_scenario *sc = harness_load(defaults, files);
	int is_lp;
	for (is_lp = 0; is_lp < 2; is_lp++) {
		struct mu_changes *c = NULL;
		struct counts got;
		double v = harness_solve_kept(sc, is_lp, kept, has_now, now, &c);
		if (fabs(v - objective) > 1e-6)
			fail_msg("%s: objective %.4f, by hand %.4f", is_lp ? "plan" : "rota", v,
			         objective);
		got = count(c);
		assert_int_equal(got.n, want.n);
		assert_int_equal(got.n_forced, want.n_forced);
		assert_int_equal(got.n_added, want.n_added);
		assert_int_equal(got.n_removed, want.n_removed);
		assert_int_equal(got.n_moved, want.n_moved);
		assert_int_equal(got.n_kept, want.n_kept);
		assert_true(fabs(got.penalty - want.penalty) < 1e-6);
		mu_changes_free(c);
	}
	mu_scenario_free(sc);
}

static void test_keep_sick_worker_is_one_forced_change_and_the_cheapest_repair(void **state)
{
	/* The kept rota: w1 at a, w3 at b, on d1. w1 calls in sick (their
	 * availability row is gone): one forced change, no penalty. The
	 * cheapest repair is w2 (rn, £80) at a; moving w3 from b to a would
	 * leave b to w2 at the same spend plus a change penalty of 150.
	 * 80 + 160 = 240 in both modes. */
	const struct harness_file files[] = {
	    {"bank.csv", "id,role,home,partners\nw1,rn,a,\nw2,rn,a,*\nw3,b6,b,*\n"},
	    {"availability.csv", "worker,shift\nw2,d1\nw3,d1\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,1\nb,rn,d1,1\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "bank,a,rn,rn,d1,a,w1,,1,8,80.00,0.00\n"
	                               "bank,b,rn,b6,d1,b,w3,,1,8,160.00,0.00\n";
	(void)state;
	expect_kept(
	    files, kept, false, 0, 240,
	    (struct counts){.n = 2, .n_forced = 1, .n_added = 1, .n_removed = 1, .n_kept = 1});
}

static void test_keep_change_penalty_above_the_saving_keeps_the_rota(void **state)
{
	/* w3 (b6, £160) is kept at a; w2 (rn, £80) now offers d1 too. Taking
	 * w2 saves 80: with change_penalty 150 the rota stays (160, no
	 * change); with 50 it changes (80 + 50 = 130: w3 removed at a penalty
	 * of 50, w2 added). */
	const struct harness_file above[] = {
	    {"bank.csv", "id,role,home\nw2,rn,a\nw3,b6,a\n"},
	    {"availability.csv", "worker,shift\nw2,d1\nw3,d1\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,1\n"},
	    {"settings.csv", "key,value\nchange_penalty,150\n"},
	    {NULL, NULL},
	};
	const struct harness_file below[] = {
	    {"bank.csv", "id,role,home\nw2,rn,a\nw3,b6,a\n"},
	    {"availability.csv", "worker,shift\nw2,d1\nw3,d1\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,1\n"},
	    {"settings.csv", "key,value\nchange_penalty,50\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "bank,a,rn,b6,d1,a,w3,,1,8,160.00,0.00\n";
	(void)state;
	expect_kept(above, kept, false, 0, 160, (struct counts){.n_kept = 1});
	expect_kept(below, kept, false, 0, 130,
	            (struct counts){.n = 2, .n_added = 1, .n_removed = 1, .penalty = 50});
}

static void test_keep_a_worker_moved_is_one_change(void **state)
{
	/* w3 is kept at a; a's demand is gone and b now needs one: w3 moves
	 * to b. Its kept assignment is gone with the demand row (forced, no
	 * penalty), and it is one move, not a removal and an addition. */
	const struct harness_file files[] = {
	    {"bank.csv", "id,role,home,partners\nw3,b6,a,*\n"},
	    {"availability.csv", "worker,shift\nw3,d1\n"},
	    {"demand.csv", "partner,role,shift,required\nb,rn,d1,1\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "bank,a,rn,b6,d1,a,w3,,1,8,160.00,0.00\n";
	(void)state;
	expect_kept(files, kept, false, 0, 160,
	            (struct counts){.n = 1, .n_forced = 1, .n_moved = 1});
}

static void test_keep_agency_bookings(void **state)
{
	/* Two agency staff are kept at a (alpha, £20/h: 160 each); w2 (£80)
	 * now offers d1. Cancelling one booking saves 80: with
	 * change_penalty 150 both stay (320); with 50 one goes (160 + 80 +
	 * 50 = 290). The offer withdrawn (its row gone) forces both off,
	 * with no penalty: w2 and short (80 + 1600). */
	const struct harness_file keep[] = {
	    {"bank.csv", "id,role,home\nw2,rn,a\n"},
	    {"availability.csv", "worker,shift\nw2,d1\n"},
	    {"agency.csv", "supplier,role,partner,rate\nalpha,rn,*,20\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\n"},
	    {NULL, NULL},
	};
	const struct harness_file change[] = {
	    {"bank.csv", "id,role,home\nw2,rn,a\n"},
	    {"availability.csv", "worker,shift\nw2,d1\n"},
	    {"agency.csv", "supplier,role,partner,rate\nalpha,rn,*,20\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\n"},
	    {"settings.csv", "key,value\nchange_penalty,50\n"},
	    {NULL, NULL},
	};
	const struct harness_file gone[] = {
	    {"bank.csv", "id,role,home\nw2,rn,a\n"},
	    {"availability.csv", "worker,shift\nw2,d1\n"},
	    {"agency.csv", "supplier,role,partner,rate\nbeta,rn,*,20\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "agency,a,rn,rn,d1,alpha,,*,2,16,320.00,0.00\n";
	(void)state;
	expect_kept(keep, kept, false, 0, 320, (struct counts){.n_kept = 1});
	expect_kept(change, kept, false, 0, 290,
	            (struct counts){.n = 2, .n_added = 1, .n_removed = 1, .penalty = 50});
	/* beta at 20 is as dear as alpha was: it takes the second staff; the
	 * booking forced off, w2 and a beta staff added */
	expect_kept(gone, kept, false, 0, 80 + 160,
	            (struct counts){.n = 3, .n_forced = 1, .n_removed = 1, .n_added = 2});
}

static void test_keep_now_never_changes_the_past(void **state)
{
	/* w3 (b6, £160) is kept at a on d1 and d2; w2 (rn, £80) offers both;
	 * change_penalty 50; a's demand on d1 rose to 2. Without --now: d1
	 * takes w2 beside w3 (240) and d2 swaps w3 for w2 (80 + 50): 370.
	 * With --now at d1's noon, d1 is history: w3 stays, w2 cannot be
	 * added there, so one staff is short (160 + 1600); d2 swaps (130):
	 * 1890. */
	const struct harness_file files[] = {
	    {"bank.csv", "id,role,home\nw2,rn,a\nw3,b6,a\n"},
	    {"availability.csv", "worker,shift\nw2,d1\nw2,d2\nw3,d1\nw3,d2\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\na,rn,d2,1\n"},
	    {"settings.csv", "key,value\nchange_penalty,50\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "bank,a,rn,b6,d1,a,w3,,1,8,160.00,0.00\n"
	                               "bank,a,rn,b6,d2,a,w3,,1,8,160.00,0.00\n";
	/* 2026-11-30T12:00 */
	long noon = (long)(20787L * 1440 + 12 * 60);
	(void)state;
	expect_kept(
	    files, kept, false, 0, 370,
	    (struct counts){.n = 3, .n_added = 2, .n_removed = 1, .n_kept = 1, .penalty = 50});
	expect_kept(
	    files, kept, true, noon, 160 + 1600 + 130,
	    (struct counts){.n = 2, .n_added = 1, .n_removed = 1, .n_kept = 1, .penalty = 50});
}

/* The extra bank staff of §3d are the past's cover too. rn's supply
 * answers the rate (e = 0.5, step 0.1, bank_cap 16: test_supply.c's
 * uniform curve); w1..w10 offer d1 and d2, a wants 12 on each: 10 named and
 * 2 extra at 14.641, 1,383.72028 a shift, 2,767.44057. Kept with --now at
 * d1's noon, d1 is history: its 2 extra staff and its rate stay (they were
 * dropped, leaving 2 short: 4,000 on d1), d2 is solved again to the same. */
static void test_keep_now_keeps_the_past_extra_staff(void **state)
{
	const struct harness_file files[] = {
	    {"caps.csv", "role,bank_rate,agency_cap,bank_cap\nrn,10,,16\nb6,20,,\n"},
	    {"supply.csv", "role,elasticity,reference_rate,step\nrn,0.5,,0.1\n"},
	    {"bank.csv", "id,role,home\nw1,rn,a\nw2,rn,a\nw3,rn,a\nw4,rn,a\nw5,rn,a\n"
	                 "w6,rn,a\nw7,rn,a\nw8,rn,a\nw9,rn,a\nw10,rn,a\n"},
	    {"availability.csv",
	     "worker,shift\nw1,d1\nw2,d1\nw3,d1\nw4,d1\nw5,d1\nw6,d1\nw7,d1\nw8,d1\nw9,d1\n"
	     "w10,d1\nw1,d2\nw2,d2\nw3,d2\nw4,d2\nw5,d2\nw6,d2\nw7,d2\nw8,d2\nw9,d2\n"
	     "w10,d2\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\na,rn,d2,12\n"},
	    {NULL, NULL},
	};
	struct mu_scenario *sc = harness_load(defaults, files);
	long noon = (long)(20787L * 1440 + 12 * 60); /* 2026-11-30T12:00 */
	char path[300];
	int is_lp;
	(void)state;
	for (is_lp = 0; is_lp < 2; is_lp++) {
		char *kept;
		struct mu_changes *c = NULL;
		double v = harness_solve(sc, is_lp, false);
		assert_true(fabs(v - 2767.440566) < 1e-4);
		tu_path(path, sizeof(path), "plan.csv");
		kept = tu_read(path, NULL);
		assert_non_null(strstr(kept, "bank_extra,a,rn,rn,d1,"));
		/* plan_check: the past's rows, extra staff included, as kept */
		v = harness_solve_kept(sc, is_lp, kept, true, noon, &c);
		if (fabs(v - 2767.440566) > 1e-4)
			fail_msg("%s: the re-plan costs %.6f, the kept plan 2,767.440566",
			         is_lp ? "plan" : "rota", v);
		assert_int_equal(c->n_rows, 0);
		mu_changes_free(c);
		free(kept);
	}
	mu_scenario_free(sc);
}

static void test_keep_now_counts_the_past_in_rest_and_hours(void **state)
{
	/* w2 (rn, max_hours 8) worked d1 at b in the kept plan; d2 (a
	 * Sunday-like enhancement of 1: double pay) at a needs one too. w3
	 * (b6) costs 160 on d1 and 320 on d2, w2 80 and 160. Re-planned with
	 * nothing past, w2 goes to d2 and w3 to d1: 160 + 160 + a change
	 * penalty of 50 = 370 < 80 + 320. With d1 past, w2's 8 hours are used
	 * there: d2 goes to w3, 80 + 320 = 400. */
	const struct harness_file files[] = {
	    {"shifts.csv", "id,date,start,end,paid_hours,enhancement\n"
	                   "d1,2026-11-30,08:00,16:00,8,0\nd2,2026-12-01,08:00,16:00,8,1\n"},
	    {"bank.csv", "id,role,home,max_hours,partners\nw2,rn,a,8,*\nw3,b6,a,48,*\n"},
	    {"availability.csv", "worker,shift\nw2,d1\nw2,d2\nw3,d1\nw3,d2\n"},
	    {"demand.csv", "partner,role,shift,required\nb,rn,d1,1\na,rn,d2,1\n"},
	    {"settings.csv", "key,value\nchange_penalty,50\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "bank,b,rn,rn,d1,a,w2,,1,8,80.00,0.00\n";
	long noon = (long)(20787L * 1440 + 12 * 60);
	(void)state;
	expect_kept(files, kept, false, 0, 370,
	            (struct counts){.n = 3, .n_added = 2, .n_removed = 1, .penalty = 50});
	expect_kept(files, kept, true, noon, 400,
	            (struct counts){.n = 1, .n_added = 1, .n_kept = 1});
}

/* --now at 2026-11-30T12:00: d1 is history, d2 to plan. */
#define NOON_D1 (20787L * 1440 + 12 * 60)

/* Reads kept (a plan.csv, written as past.csv) against the scenario of
 * files with --now on d1's noon: io_keep_check_past must say want (after
 * the path) at line 2, column 9 (staff), or pass when want is NULL. */
static void expect_past(const struct harness_file *files, const char *kept, const char *want)
{
	struct mu_scenario *sc = harness_load(defaults, files);
	struct mu_keep *k = NULL;
	struct mu_err err;
	char path[400], line[1024];
	enum mu_code rc;
	tu_path(path, sizeof(path), "past.csv");
	tu_write(path, kept, strlen(kept));
	mu_err_clear(&err);
	assert_int_equal(io_keep_read(path, NULL, sc, &k, &err), MU_OK);
	k->has_now = true;
	k->now = NOON_D1;
	rc = io_keep_check_past(k, path, sc, &err);
	mu_err_format(&err, line, sizeof(line));
	if (!want) {
		if (rc != MU_OK)
			fail_msg("the past holds, and io_keep_check_past says %s", line);
	} else {
		assert_int_equal(rc, MU_E_INPUT);
		assert_int_equal(err.line, 2);
		assert_int_equal(err.col, 9);
		if (!strstr(line, "/past.csv:2:9: ") ||
		    strcmp(strstr(line, ":2:9: ") + 6, want) != 0)
			fail_msg("io_keep_check_past says\n  %s\nnot\n  ...past.csv:2:9: %s", line,
			         want);
	}
	mu_keep_free(k);
	mu_scenario_free(sc);
}

/* A past that a limit of the scenario as it now reads cannot hold (issue
 * 24, 9d): each limit names the kept rows, the value and the fix. */
static void test_keep_past_above_available_staff(void **state)
{
	const struct harness_file ok[] = {
	    {"staff.csv", "partner,role,shift,available\na,rn,d1,2\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\n"},
	    {NULL, NULL},
	};
	const struct harness_file cut[] = {
	    {"staff.csv", "partner,role,shift,available\na,rn,d1,1\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "own,a,rn,rn,d1,a,,,2,16,0.00,0.00\n";
	(void)state;
	expect_past(ok, kept, NULL);
	expect_past(cut, kept,
	            "the kept past cannot hold: a's rn staff on d1 worked 2 before --now, at "
	            "home and lent (plan.csv line 2), above available 1 in staff.csv as it now "
	            "reads; put available back to at least 2, or give an earlier --now");
}

static void test_keep_past_above_rotatable(void **state)
{
	const struct harness_file cut[] = {
	    {"staff.csv", "partner,role,shift,available,rotatable\na,rn,d1,2,0\n"},
	    {"agreements.csv", "from,to,role\na,b,rn\n"},
	    {"demand.csv", "partner,role,shift,required\nb,rn,d1,1\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "lend,b,rn,rn,d1,a,,rn,1,8,0.00,0.00\n";
	(void)state;
	expect_past(cut, kept,
	            "the kept past cannot hold: a lent 1 of its rn staff on d1 before --now "
	            "(plan.csv line 2), above rotatable 0 in staff.csv as it now reads; put "
	            "rotatable back to at least 1, or give an earlier --now");
}

static void test_keep_past_above_agency_capacity(void **state)
{
	const struct harness_file cut[] = {
	    {"agency.csv", "supplier,role,partner,rate,capacity\nx,rn,*,30,1\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,2\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "agency,a,rn,rn,d1,x,,*,2,16,480.00,0.00\n";
	(void)state;
	expect_past(cut, kept,
	            "the kept past cannot hold: 2 staff of x's rn offer (partner *) worked d1 "
	            "before --now (plan.csv line 2), above its capacity 1 in agency.csv as it "
	            "now reads; put capacity back to at least 2, or give an earlier --now");
}

static void test_keep_past_above_max_per_shift(void **state)
{
	const struct harness_file ok[] = {
	    {"staff.csv", "partner,role,shift,available,rotatable\na,rn,d1,3,3\n"},
	    {"agreements.csv", "from,to,role,max_per_shift\na,b,rn,2\n"},
	    {"demand.csv", "partner,role,shift,required\nb,rn,d1,2\n"},
	    {NULL, NULL},
	};
	const struct harness_file cut[] = {
	    {"staff.csv", "partner,role,shift,available,rotatable\na,rn,d1,3,3\n"},
	    {"agreements.csv", "from,to,role,max_per_shift\na,b,rn,1\n"},
	    {"demand.csv", "partner,role,shift,required\nb,rn,d1,2\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "lend,b,rn,rn,d1,a,,rn,2,16,0.00,0.00\n";
	(void)state;
	expect_past(ok, kept, NULL);
	expect_past(cut, kept,
	            "the kept past cannot hold: 2 staff were lent from a to b (role rn) on d1 "
	            "before --now (plan.csv line 2), above max_per_shift 1 in agreements.csv as "
	            "it now reads; put max_per_shift back to at least 2, or give an earlier "
	            "--now");
}

static void test_keep_past_above_a_partners_agency_budget(void **state)
{
	/* 1 staff x £30/h x 8 h = £240 on d1 (d2's booking is not history) */
	const struct harness_file cut[] = {
	    {"partners.csv", "id,agency_budget\na,100\nb,\n"},
	    {"agency.csv", "supplier,role,partner,rate\nx,rn,*,30\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,1\na,rn,d2,1\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "agency,a,rn,rn,d1,x,,*,1,8,240.00,0.00\n"
	                               "agency,a,rn,rn,d2,x,,*,1,8,240.00,0.00\n";
	(void)state;
	expect_past(cut, kept,
	            "the kept past cannot hold: a's agency spend before --now is \xc2\xa3"
	            "240.00 (plan.csv line 2), above its agency_budget \xc2\xa3"
	            "100.00 in "
	            "partners.csv as it now reads; put agency_budget back to at least 240.00, "
	            "or give an earlier --now");
}

static void test_keep_past_above_the_systems_agency_budget(void **state)
{
	const struct harness_file ok[] = {
	    {"agency.csv", "supplier,role,partner,rate\nx,rn,*,30\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,1\nb,rn,d1,1\n"},
	    {"settings.csv", "key,value\nagency_budget,480\n"},
	    {NULL, NULL},
	};
	const struct harness_file cut[] = {
	    {"agency.csv", "supplier,role,partner,rate\nx,rn,*,30\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,1\nb,rn,d1,1\n"},
	    {"settings.csv", "key,value\nagency_budget,300\n"},
	    {NULL, NULL},
	};
	const char *kept = KEPT_HEADER "agency,a,rn,rn,d1,x,,*,1,8,240.00,0.00\n"
	                               "agency,b,rn,rn,d1,x,,*,1,8,240.00,0.00\n";
	(void)state;
	expect_past(ok, kept, NULL);
	expect_past(cut, kept,
	            "the kept past cannot hold: the system's agency spend before --now is "
	            "\xc2\xa3"
	            "480.00 (plan.csv lines 2, 3), above the agency_budget setting \xc2\xa3"
	            "300.00 in settings.csv as it now reads; put agency_budget back to at least "
	            "480.00, or give an earlier --now");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keep_sick_worker_is_one_forced_change_and_the_cheapest_repair),
	    cmocka_unit_test(test_keep_change_penalty_above_the_saving_keeps_the_rota),
	    cmocka_unit_test(test_keep_a_worker_moved_is_one_change),
	    cmocka_unit_test(test_keep_agency_bookings),
	    cmocka_unit_test(test_keep_now_never_changes_the_past),
	    cmocka_unit_test(test_keep_now_keeps_the_past_extra_staff),
	    cmocka_unit_test(test_keep_now_counts_the_past_in_rest_and_hours),
	    cmocka_unit_test(test_keep_past_above_available_staff),
	    cmocka_unit_test(test_keep_past_above_rotatable),
	    cmocka_unit_test(test_keep_past_above_agency_capacity),
	    cmocka_unit_test(test_keep_past_above_max_per_shift),
	    cmocka_unit_test(test_keep_past_above_a_partners_agency_budget),
	    cmocka_unit_test(test_keep_past_above_the_systems_agency_budget),
	};
	return tu_run_tests(tests, NULL, NULL);
}
