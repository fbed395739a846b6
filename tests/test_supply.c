/*
 * test_supply.c - pay caps and the supply they buy (DESIGN.md §3d,
 * policies/pol_supply.c), three ways: hand-solved one-role cases for each
 * rate card (the curve worked out in each comment), CBC and CLP on
 * muster's own MPS of generated scenarios with supply curves (through
 * model_harness, which also checks every plan with plan_check), and
 * plan_check re-deriving the rate rows and the extra staff from plan.csv
 * and the scenario alone, rejecting plans made wrong on purpose. The
 * supply rows are filled in memory: supply.csv's reader is not the model's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_bidding.h"
#include "core/mu_buf.h"
#include "io/io_report.h"
#include "model_harness.h"
#include "plan_check.h"
#include "policies/pol_build.h"
#include "policies/pol_solve.h"
#include "test_util.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One partner a (and b, idle unless a case gives it work), one role rn at
 * bank_rate 10, one 8 h day shift (u = 1): a short staff-shift costs
 * 200 x 8 = 1,600, a bank one at w_0 10 x 8 = 80. Ten workers w1..w10 of
 * a offer d1. */
static const struct harness_file defaults[] = {
    {"partners.csv", "id\na\nb\n"},
    {"roles.csv", "id\nrn\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\nd1,2026-11-30,08:00,16:00,8\n"},
    {"staff.csv", "partner,role,shift,available\n"},
    {"caps.csv", "role,bank_rate,agency_cap\nrn,10,\n"},
    {"bank.csv", "id,role,home,partners\nw1,rn,a,\nw2,rn,a,\nw3,rn,a,\nw4,rn,a,\nw5,rn,a,\n"
                 "w6,rn,a,\nw7,rn,a,\nw8,rn,a,\nw9,rn,a,\nw10,rn,a,\n"},
    {"availability.csv", "worker,shift\nw1,d1\nw2,d1\nw3,d1\nw4,d1\nw5,d1\nw6,d1\nw7,d1\n"
                         "w8,d1\nw9,d1\nw10,d1\n"},
    {NULL, NULL},
};

/* How role's bank supply answers the rate: a supply row (reference 0:
 * the bank_rate) and bank_cap (0: none). */
struct supply_case {
	const char *role;
	double elasticity, reference, step, cap;
	enum mu_rate_card card;
};

static size_t role_index(const struct mu_scenario *sc, const char *id)
{
	size_t r;
	for (r = 0; r < sc->n_roles; r++)
		if (strcmp(sc->roles[r].id, id) == 0)
			return r;
	fail_msg("no role '%s'", id);
	return 0;
}

static void add_supply(struct mu_scenario *sc, const struct supply_case *c)
{
	size_t r = role_index(sc, c->role);
	struct mu_cap *cap = mu_scenario_cap_add(sc, r);
	sc->supply = mu_realloc(sc->supply, (sc->n_supply + 1) * sizeof(*sc->supply));
	sc->supply[sc->n_supply++] = (struct mu_supply){.role = r,
	                                                .elasticity = c->elasticity,
	                                                .has_reference_rate = c->reference > 0,
	                                                .reference_rate = c->reference,
	                                                .step = c->step};
	cap->has_bank_cap = c->cap > 0;
	cap->bank_cap = c->cap;
	sc->settings.rate_card = (int)c->card;
}

static struct mu_scenario *load(const struct harness_file *files, const struct supply_case *c)
{
	struct mu_scenario *sc = harness_load(defaults, files);
	if (c)
		add_supply(sc, c);
	return sc;
}

/* The plan rows of a source, summed: staff, and cost; the rate of the
 * last such row (rate rows). */
struct sums {
	double staff, cost, rate;
	size_t n;
};

static struct sums sum_of(const struct mu_plan *plan, enum mu_source src)
{
	struct sums out = {0, 0, 0, 0};
	size_t i;
	for (i = 0; i < plan->n_rows; i++)
		if (plan->rows[i].source == src) {
			out.staff += plan->rows[i].staff;
			out.cost += plan->rows[i].cost;
			out.rate = plan->rows[i].rate;
			out.n++;
		}
	return out;
}

/* Solves sc in rota (or plan) mode, the natural model, and returns the
 * answer for the caller to release. */
static void solve(const struct mu_scenario *sc, bool is_lp, struct pol_solved *s)
{
	struct pol_solve_request req = {.is_lp = is_lp, .pool = POL_POOL_NEVER};
	struct mu_err err;
	mu_err_clear(&err);
	if (pol_solve(sc, &req, s, &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(s->status, MU_STATUS_OPTIMAL);
}

static void expect(const struct mu_scenario *sc, double rota, double plan)
{
	double r = harness_solve(sc, false, false), p = harness_solve(sc, true, false);
	if (fabs(r - rota) > 1e-4 || fabs(p - plan) > 1e-4)
		fail_msg("rota %.6f (want %.6f), plan %.6f (want %.6f)", r, rota, p, plan);
}

/* n = 10, e = 0.5, step 0.1, bank_cap 16, w_ref = bank_rate = 10. The
 * ladder: 10, 11, 12.1, 13.31, 14.641 (16.1051 is not below the cap), 16;
 * S(w) = 10 sqrt(w / 10): 10, 10 sqrt 1.1 = 10.48809, 11, 11 sqrt 1.1 =
 * 11.53690, 12.1, 10 sqrt 1.6 = 12.64911.
 * Uniform, C_k = w_k S(w_k): 100, 115.36897, 133.1, 153.55610, 177.1561,
 * 202.38577. Demand 12 lies on the step from 11.53690 to 12.1:
 * E(12) = 153.55610 + (177.1561 - 153.55610) (12 - 11.53690) / (12.1 -
 * 11.53690) = 172.96504; 8 h: 1,383.72028. One more staff there costs
 * 41.9 x 8 = 335 < 1,600 short, so both modes staff all 12: the 10 who
 * offered and 2 extra (S(16) - 10 = 2.649 of room), at the rate 14.641
 * (the lowest rung whose S, 12.1, is at least 12). The rate row: 1,383.72
 * - 12 x 80 = 423.72.
 * Demand 11.3: plan mode E(11.3) on the step from 11 to 11.53690: 133.1 +
 * 20.45610 x 0.3 / 0.53690 = 144.53018, x 8 = 1,156.24141. A rota staffs
 * 11 (1,064.8 + 0.3 x 1,600 = 1,544.8) or 12 (1,383.72): 12. */
static void test_supply_uniform_rate_card_hand_solved(void **state)
{
	const struct supply_case c = {"rn", 0.5, 0, 0.1, 16, MU_RATE_CARD_UNIFORM};
	const struct harness_file twelve[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\n"}, {NULL, NULL}};
	const struct harness_file some[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,11.3\n"}, {NULL, NULL}};
	struct mu_scenario *sc = load(twelve, &c);
	struct pol_solved s;
	struct sums extra, rate, bank;
	(void)state;
	expect(sc, 1383.720283, 1383.720283);
	solve(sc, false, &s);
	bank = sum_of(s.plan, MU_SRC_BANK);
	extra = sum_of(s.plan, MU_SRC_BANK_EXTRA);
	rate = sum_of(s.plan, MU_SRC_RATE);
	assert_true(fabs(bank.staff - 10) < 1e-9 && fabs(bank.cost - 800) < 1e-6);
	assert_true(fabs(extra.staff - 2) < 1e-9 && fabs(extra.cost - 160) < 1e-6);
	assert_int_equal(rate.n, 1);
	assert_true(fabs(rate.rate - 14.641) < 1e-9);
	assert_true(fabs(rate.cost - 423.720283) < 1e-5);
	/* the rate is spend, not a penalty */
	assert_true(fabs(s.plan->system.spend_total - 1383.720283) < 1e-5);
	assert_true(fabs(s.plan->system.penalty_total) < 1e-9);
	pol_solved_release(&s);
	mu_scenario_free(sc);

	sc = load(some, &c);
	expect(sc, 1383.720283, 1156.241409);
	solve(sc, true, &s);
	/* plan mode: 11.3 staff paid the rung whose S, 11.53690, covers them */
	assert_true(fabs(sum_of(s.plan, MU_SRC_RATE).rate - 13.31) < 1e-9);
	assert_true(fabs(sum_of(s.plan, MU_SRC_BANK_EXTRA).staff - 1.3) < 1e-6);
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* The same curve under incentive: C_k = sum_{j<=k} w_j (S(w_j) -
 * S(w_{j-1})): 100, 100 + 11 x 0.48809 = 105.36897, + 12.1 x 0.51191 =
 * 111.56310, + 13.31 x 0.53690 = 118.70921, + 14.641 x 0.56310 =
 * 126.95359. E(12) = 118.70921 + 14.641 x 0.46310 = 125.48949, x 8 =
 * 1,003.91594: all 12 staffed, the rate 14.641, the rate row 1,003.91594 -
 * 960 = 43.91594. Demand 11.3: plan E(11.3) = 111.56310 + 13.31 x 0.3 =
 * 115.55610, x 8 = 924.44882; a rota: 11 (892.50482 + 480) or 12
 * (1,003.91594): 12. */
static void test_supply_incentive_rate_card_hand_solved(void **state)
{
	const struct supply_case c = {"rn", 0.5, 0, 0.1, 16, MU_RATE_CARD_INCENTIVE};
	const struct harness_file twelve[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\n"}, {NULL, NULL}};
	const struct harness_file some[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,11.3\n"}, {NULL, NULL}};
	struct mu_scenario *sc = load(twelve, &c);
	struct pol_solved s;
	(void)state;
	expect(sc, 1003.915939, 1003.915939);
	solve(sc, false, &s);
	assert_true(fabs(sum_of(s.plan, MU_SRC_BANK_EXTRA).staff - 2) < 1e-9);
	assert_true(fabs(sum_of(s.plan, MU_SRC_RATE).rate - 14.641) < 1e-9);
	assert_true(fabs(sum_of(s.plan, MU_SRC_RATE).cost - 43.915939) < 1e-5);
	pol_solved_release(&s);
	mu_scenario_free(sc);
	sc = load(some, &c);
	expect(sc, 1003.915939, 924.448821);
	mu_scenario_free(sc);
}

/* A cap that binds: bank_cap 12, e = 0.5, step 0.1: rungs 10, 11, 12
 * (12.1 is not below it); S = 10, 10.48809, 10 sqrt 1.2 = 10.95445; no
 * whole extra staff (room 0.954). Demand 12, uniform: plan mode buys
 * all of S(12) at 12 x 10.95445 = 131.45341 a hour, 1,051.62731, and
 * leaves 1.04555 short (1,672.87816): 2,724.50547. A rota has 10 at
 * w_0 (800) and 2 short (3,200): 4,000. A lower cap leaves more unfilled. */
/* Rota mode rounds a curve's room for extra staff down (pol_rota_cuts.c:
 * extra staff are whole): n = 10 offers, ε = 0.5, cap 12 (w_0 10) give
 * S(top) = 10 × 1.2^0.5 = 10.954, room 0.954, so the rota's row allows 0
 * extra staff, and plan mode keeps the fraction. The rota search's answer
 * is the same either way (the cut removes no whole solution). */
static void test_supply_rota_rounds_the_room_for_extra_staff_down(void **state)
{
	const struct supply_case c = {"rn", 0.5, 0, 0.1, 12, MU_RATE_CARD_UNIFORM};
	const struct harness_file files[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\n"}, {NULL, NULL}};
	struct mu_scenario *sc = load(files, &c);
	int is_rota;
	(void)state;
	for (is_rota = 0; is_rota < 2; is_rota++) {
		struct pol_build *b = pol_build_new(sc, NULL);
		size_t row;
		if (is_rota)
			pol_rota_cuts_apply(b);
		assert_int_equal(b->n_curves, 1);
		row = b->curves[0].extra_row;
		assert_true(row != MU_ALL);
		assert_true(fabs(b->m->row_hi[row] - (is_rota ? 0 : 10 * sqrt(1.2) - 10)) < 1e-9);
		/* the paid row holds the steps, continuous: never rounded */
		if (b->curves[0].paid_row != MU_ALL)
			assert_true(fabs(b->m->row_hi[b->curves[0].paid_row]) < 1e-9);
		pol_build_free(b);
	}
	mu_scenario_free(sc);
}

static void test_supply_cap_limits_what_is_bought(void **state)
{
	const struct supply_case c = {"rn", 0.5, 0, 0.1, 12, MU_RATE_CARD_UNIFORM};
	const struct harness_file files[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\n"}, {NULL, NULL}};
	struct mu_scenario *sc = load(files, &c);
	struct pol_solved s;
	(void)state;
	expect(sc, 4000, 2724.505470);
	solve(sc, true, &s);
	assert_true(fabs(sum_of(s.plan, MU_SRC_RATE).rate - 12) < 1e-9);
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* Offers made at a reference rate above what the bank pays: w_ref 12.5,
 * e = 1, no cap: S(w_0) = 10 x 10 / 12.5 = 8 of the 10 who offered work
 * at w_0, and no rung is higher: 8 x 80 + 2 short x 1,600 = 3,840 in both
 * modes. With bank_cap 12.5 (rungs 10, 11, 12.1, 12.5; S = 8, 8.8, 9.68,
 * 10; uniform C = 80, 96.8, 117.128, 125), 10 cost E(10) = 125 a hour:
 * 1,000, all named, no extra room. */
static void test_supply_reference_rate_limits_the_named(void **state)
{
	const struct supply_case low = {"rn", 1, 12.5, 0.1, 0, MU_RATE_CARD_UNIFORM};
	const struct supply_case capped = {"rn", 1, 12.5, 0.1, 12.5, MU_RATE_CARD_UNIFORM};
	const struct harness_file files[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,10\n"}, {NULL, NULL}};
	struct mu_scenario *sc = load(files, &low);
	struct pol_solved s;
	(void)state;
	expect(sc, 3840, 3840);
	mu_scenario_free(sc);
	sc = load(files, &capped);
	expect(sc, 1000, 1000);
	solve(sc, false, &s);
	assert_true(fabs(sum_of(s.plan, MU_SRC_BANK).staff - 10) < 1e-9);
	assert_int_equal(sum_of(s.plan, MU_SRC_BANK_EXTRA).n, 0);
	assert_true(fabs(sum_of(s.plan, MU_SRC_RATE).rate - 12.5) < 1e-9);
	assert_true(fabs(sum_of(s.plan, MU_SRC_RATE).cost - 200) < 1e-6);
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* The MPS of sc (plan mode, or a rota's) as muster writes it, read back. */
static char *mps_of(const struct mu_scenario *sc, bool is_lp, const char *name)
{
	char path[300];
	struct pol_solve_request req = {.is_lp = is_lp, .mps = path, .work_limit = 1};
	struct pol_solved s;
	struct mu_err err;
	tu_path(path, sizeof(path), name);
	assert_int_equal(pol_solve(sc, &req, &s, &err), MU_OK);
	pol_solved_release(&s);
	return tu_read(path, NULL);
}

/* A role with e = 0 has fixed supply and its bank_cap does nothing: the
 * model is §3's byte for byte (and the example's with a supply row of
 * e = 0 for every role, its bank_caps kept, is the example's without
 * supply.csv). */
static void test_supply_fixed_supply_is_the_model_of_section_3(void **state)
{
	const struct harness_file files[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\n"}, {NULL, NULL}};
	const struct supply_case fixed = {"rn", 0, 12.5, 0.1, 16, MU_RATE_CARD_INCENTIVE};
	struct mu_scenario *plain = load(files, NULL), *sc = load(files, &fixed);
	struct mu_scenario *example = tu_load_example(), *example_fixed = tu_load_example();
	int k;
	(void)state;
	for (k = 0; k < 2; k++) {
		char *a = mps_of(plain, k == 0, "plain.mps"), *b = mps_of(sc, k == 0, "fixed.mps");
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	expect(sc, 4000, 4000);
	free(example->supply); /* the example without supply.csv */
	example->supply = NULL;
	example->n_supply = 0;
	for (k = 0; k < (int)example_fixed->n_supply; k++)
		example_fixed->supply[k].elasticity = 0;
	for (k = 0; k < (int)example->n_roles; k++) {
		struct supply_case c = {example->roles[k].id, 0, 0, 0.05, 0, MU_RATE_CARD_UNIFORM};
		if (!mu_scenario_supply(example_fixed, (size_t)k))
			add_supply(example_fixed, &c);
	}
	{
		char *a = mps_of(example, true, "example.mps");
		char *b = mps_of(example_fixed, true, "example_fixed.mps");
		assert_true(strcmp(a, b) == 0);
		free(a);
		free(b);
	}
	mu_scenario_free(plain);
	mu_scenario_free(sc);
	mu_scenario_free(example);
	mu_scenario_free(example_fixed);
}

/* Silo mode: each partner its own curve over its own home workers'
 * offers. Five workers at a and five at b, all cleared for both; a wants
 * 8, b 4; e = 0.5, step 0.1, cap 16, uniform.
 * - System: one curve, n = 10: Q = 12 as in the uniform case, 1,383.72028,
 *   the rate cost split 8 : 4 between a and b (by the staff at each).
 * - Silo, b: 4 of its 5 at w_0: 320. a: n = 5, S(w) = 5 sqrt(w / 10): 5,
 *   5.24404, 5.5, 5.76845, 6.05, 6.32456 at 10 ... 16, C = w S: 50,
 *   57.68449, 66.55, 76.77805, 88.57805, 101.19289. Every step's slope x
 *   8 h (252 to 368) is below a short staff's 1,600, so plan mode buys all
 *   of S(16): 809.54308 + (8 - 6.32456) x 1,600 = 2,680.71149 + 809.54308
 *   = 3,490.25457, with b 3,810.25457. A rota staffs 6 (5 named, 1 extra:
 *   E(6) on the step from 5.76845 to 6.05 = 76.77805 + 11.8 x 0.23155 /
 *   0.28155 = 86.48252, x 8 = 691.86014) and 2 short (3,200): 3,891.86014
 *   + 320 = 4,211.86014 (5 staff and 3 short: 5,520). */
static void test_supply_silo_has_a_curve_per_partner(void **state)
{
	const struct supply_case c = {"rn", 0.5, 0, 0.1, 16, MU_RATE_CARD_UNIFORM};
	const struct harness_file files[] = {
	    {"bank.csv", "id,role,home,partners\nw1,rn,a,*\nw2,rn,a,*\nw3,rn,a,*\nw4,rn,a,*\n"
	                 "w5,rn,a,*\nw6,rn,b,*\nw7,rn,b,*\nw8,rn,b,*\nw9,rn,b,*\nw10,rn,b,*\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,8\nb,rn,d1,4\n"},
	    {NULL, NULL}};
	struct mu_scenario *sc = load(files, &c);
	struct pol_solved s;
	size_t i;
	double at_a = 0, at_b = 0;
	bool coalition[2] = {true, true};
	(void)state;
	expect(sc, 1383.720283, 1383.720283);
	solve(sc, false, &s);
	for (i = 0; i < s.plan->n_rows; i++)
		if (s.plan->rows[i].source == MU_SRC_RATE) {
			if (s.plan->rows[i].partner == 0)
				at_a += s.plan->rows[i].cost;
			else
				at_b += s.plan->rows[i].cost;
		}
	assert_true(fabs(at_a - 423.720283 * 8 / 12) < 1e-5);
	assert_true(fabs(at_b - 423.720283 * 4 / 12) < 1e-5);
	pol_solved_release(&s);
	if (fabs(harness_solve(sc, false, true) - 4211.860142) > 1e-4)
		fail_msg("silo rota %.6f", harness_solve(sc, false, true));
	if (fabs(harness_solve(sc, true, true) - 3810.254568) > 1e-4)
		fail_msg("silo plan %.6f", harness_solve(sc, true, true));
	/* the coalition of both is the system; of a alone, the silo */
	assert_true(fabs(harness_solve_coalition(sc, true, coalition) - 1383.720283) < 1e-4);
	coalition[1] = false;
	assert_true(fabs(harness_solve_coalition(sc, true, coalition) - 3810.254568) < 1e-4);
	mu_scenario_free(sc);
}

/* plan.csv written from plan after edit(plan) must fail plan_check with
 * a reason that contains want. */
static void expect_rejected(const struct mu_scenario *sc, const struct pol_solved *s, size_t row,
                            void (*edit)(struct mu_plan_row *), const char *want)
{
	struct mu_plan_row kept = s->plan->rows[row];
	struct mu_err err;
	char path[300], why[512];
	edit(&s->plan->rows[row]);
	assert_int_equal(io_report_write_plan(tu_dir(), sc, s->plan, MU_ALL, &err), MU_OK);
	s->plan->rows[row] = kept;
	tu_path(path, sizeof(path), "plan.csv");
	if (plan_check_file(sc, path,
	                    &(struct plan_check){.is_rota = true, .objective = s->objective}, why,
	                    sizeof(why)))
		fail_msg("a wrong plan passed (want '%s')", want);
	if (!strstr(why, want))
		fail_msg("rejected for '%s', not '%s'", why, want);
}

static void dearer(struct mu_plan_row *r)
{
	r->spend += 1;
	r->cost += 1;
}

static void one_more(struct mu_plan_row *r)
{
	r->staff += 1;
	r->hours += 8;
	r->spend += 80;
	r->cost += 80;
}

static void lower_rung(struct mu_plan_row *r)
{
	r->rate = 13.31;
}

static void to_b(struct mu_plan_row *r)
{
	r->partner = 1;
}

static void gone(struct mu_plan_row *r)
{
	r->spend = r->cost = 0;
	r->source = MU_SRC_SHORT;
	r->demand = 0;
	r->worker_role = MU_ALL;
	r->staff = 1e-12; /* written as a near-zero short: rejected as not positive */
}

/* The checker re-derives §3d from plan.csv and the scenario: the right
 * plan passes, and a dearer rate row, an extra staff beyond S(top), a
 * lower rung than Q reaches, the cost put at a partner whose staff did not
 * earn it each fail for that reason. */
static void test_supply_plan_check_rejects_wrong_plans(void **state)
{
	const struct supply_case c = {"rn", 0.5, 0, 0.1, 16, MU_RATE_CARD_UNIFORM};
	const struct harness_file files[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\n"}, {NULL, NULL}};
	struct mu_scenario *sc = load(files, &c);
	struct pol_solved s;
	struct mu_err err;
	size_t i, rate = MU_ALL, extra = MU_ALL;
	char path[300], why[512];
	(void)state;
	(void)gone;
	solve(sc, false, &s);
	for (i = 0; i < s.plan->n_rows; i++) {
		if (s.plan->rows[i].source == MU_SRC_RATE)
			rate = i;
		if (s.plan->rows[i].source == MU_SRC_BANK_EXTRA)
			extra = i;
	}
	assert_true(rate != MU_ALL && extra != MU_ALL);
	assert_int_equal(io_report_write_plan(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
	tu_path(path, sizeof(path), "plan.csv");
	if (!plan_check_file(sc, path,
	                     &(struct plan_check){.is_rota = true, .objective = s.objective}, why,
	                     sizeof(why)))
		fail_msg("%s", why);
	expect_rejected(sc, &s, rate, dearer, "rate rows for rn on d1 cost");
	expect_rejected(sc, &s, extra, one_more, "S(top rung)");
	expect_rejected(sc, &s, rate, lower_rung, "S(rate paid 13.31) - n is 1.5369");
	expect_rejected(sc, &s, rate, to_b, "the rate row at a costs");
	/* a plan without its rate row leaves the cost above w_0 unsaid, and
	 * pays its extra staff w_0 */
	s.plan->n_rows--;
	if (rate != s.plan->n_rows)
		s.plan->rows[rate] = s.plan->rows[s.plan->n_rows];
	assert_int_equal(io_report_write_plan(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
	assert_false(plan_check_file(
	    sc, path, &(struct plan_check){.is_rota = true, .objective = s.objective}, why,
	    sizeof(why)));
	/* its extra staff then work at w_0, above S(w_0) - n */
	assert_non_null(strstr(why, "S(rate paid 10) - n is 0"));
	s.plan->n_rows++;
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* Extra staff exist only at a rate whose S is above n (§3d): they cannot
 * stand in at w_0 for a named worker who offered d1 but cannot work it.
 * The uniform curve (cap 16), demand 10 at a, w1 (of the ten who offered
 * d1, n = 10) at home at b and not cleared for a: 9 named at w_0 and 1 extra, paid the rung for n +
 * extra = 11, 12.1 (S = 11): E(11) = 133.1, the rate row (133.1 - 11 x 10) x 8 = 184.8, 800 + 184.8
 * = 984.8 in both modes (each step's slope x 8, 172 and 197, below a short staff's 1,600 - 80).
 * Before the fix the extra staff worked at w_0 for 800. A plan without its rate row (the extra
 * staff at w_0) fails plan_check. */
static void test_supply_no_extra_staff_at_w0(void **state)
{
	const struct supply_case c = {"rn", 0.5, 0, 0.1, 16, MU_RATE_CARD_UNIFORM};
	const struct harness_file files[] = {
	    {"bank.csv", "id,role,home,partners,max_hours\nw1,rn,b,,\nw2,rn,a,,\nw3,rn,a,,\n"
	                 "w4,rn,a,,\nw5,rn,a,,\nw6,rn,a,,\nw7,rn,a,,\nw8,rn,a,,\nw9,rn,a,,\n"
	                 "w10,rn,a,,\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,10\n"},
	    {NULL, NULL}};
	struct mu_scenario *sc = load(files, &c);
	struct pol_solved s;
	struct mu_err err;
	size_t i, rate = MU_ALL;
	char path[300], why[512];
	(void)state;
	expect(sc, 984.8, 984.8);
	solve(sc, false, &s);
	assert_true(fabs(sum_of(s.plan, MU_SRC_BANK).staff - 9) < 1e-9);
	assert_true(fabs(sum_of(s.plan, MU_SRC_BANK_EXTRA).staff - 1) < 1e-9);
	assert_true(fabs(sum_of(s.plan, MU_SRC_RATE).rate - 12.1) < 1e-9);
	assert_true(fabs(sum_of(s.plan, MU_SRC_RATE).cost - 184.8) < 1e-6);
	for (i = 0; i < s.plan->n_rows; i++)
		if (s.plan->rows[i].source == MU_SRC_RATE)
			rate = i;
	assert_true(rate != MU_ALL);
	s.plan->n_rows--;
	if (rate != s.plan->n_rows)
		s.plan->rows[rate] = s.plan->rows[s.plan->n_rows];
	assert_int_equal(io_report_write_plan(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
	tu_path(path, sizeof(path), "plan.csv");
	assert_false(plan_check_file(
	    sc, path, &(struct plan_check){.is_rota = true, .objective = s.objective - 184.8}, why,
	    sizeof(why)));
	if (!strstr(why, "S(rate paid 10) - n is 0"))
		fail_msg("rejected for '%s'", why);
	s.plan->n_rows++;
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* A rota before any relaxation (sol_construct: no staff, every row met by
 * short and breach) still exists with supply curves: extra staff 0 meets
 * every supply and extra row. A search with a work limit of 1 returns it,
 * one stopped at once the rota it has; plan_check accepts both. The
 * example with every role's supply elastic (e = 1) and capped 30% above
 * its bank_rate. */
static void test_supply_rota_exists_before_the_relaxation(void **state)
{
	static const volatile sig_atomic_t stopped = 1;
	struct mu_scenario *sc = tu_load_example();
	struct pol_solve_request reqs[2] = {{.work_limit = 1}, {.stop = &stopped}};
	size_t r, n_curves;
	int k;
	(void)state;
	for (r = 0; r < sc->n_roles; r++) {
		const struct mu_cap *cap = mu_scenario_cap(sc, r);
		struct supply_case c = {sc->roles[r].id, 1, 0, 0.05, 0, MU_RATE_CARD_UNIFORM};
		if (cap && cap->has_bank_rate)
			c.cap = cap->bank_rate * 1.3;
		add_supply(sc, &c);
	}
	{
		struct pol_build *b = pol_build_new(sc, NULL);
		n_curves = b->n_curves;
		pol_build_free(b);
	}
	assert_true(n_curves > 10);
	for (k = 0; k < 2; k++) {
		struct pol_solved s;
		struct mu_err err;
		char path[300], why[512];
		mu_err_clear(&err);
		assert_int_equal(pol_solve(sc, &reqs[k], &s, &err), MU_OK);
		assert_int_equal(s.status, MU_STATUS_FEASIBLE);
		assert_int_equal(io_report_write_plan(tu_dir(), sc, s.plan, MU_ALL, &err), MU_OK);
		tu_path(path, sizeof(path), "plan.csv");
		if (!plan_check_file(
		        sc, path, &(struct plan_check){.is_rota = true, .objective = s.objective},
		        why, sizeof(why)))
			fail_msg("%s", why);
		if (k == 0) {
			assert_int_equal(sum_of(s.plan, MU_SRC_BANK_EXTRA).n, 0);
			assert_int_equal(sum_of(s.plan, MU_SRC_RATE).n, 0);
			assert_int_equal(sum_of(s.plan, MU_SRC_BANK).n, 0);
		}
		pol_solved_release(&s);
	}
	mu_scenario_free(sc);
}

/* The example ICS with every role's supply elastic (e = 1, step 0.05,
 * bank_cap 30% above bank_rate, incentive) in plan mode: pooled, natural
 * and sifted reach one objective, CLP reaches it on the MPS, every plan
 * passes plan_check, and the curves cost something: the rates rise. */
static void test_supply_example_plan_matches_clp(void **state)
{
	struct mu_scenario *sc = tu_load_example();
	struct pol_solved s;
	double with;
	size_t r;
	(void)state;
	for (r = 0; r < sc->n_roles; r++) {
		const struct mu_cap *cap = mu_scenario_cap(sc, r);
		struct supply_case c = {sc->roles[r].id, 1, 0, 0.05, 0, MU_RATE_CARD_INCENTIVE};
		if (cap && cap->has_bank_rate)
			c.cap = cap->bank_rate * 1.3;
		add_supply(sc, &c);
	}
	with = harness_solve(sc, true, false);
	solve(sc, true, &s);
	assert_true(fabs(s.objective - with) < 1e-6 * (1 + with));
	assert_true(sum_of(s.plan, MU_SRC_RATE).n > 0);
	assert_true(sum_of(s.plan, MU_SRC_BANK_EXTRA).staff > 0);
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* Generated scenarios: three partners, two roles (rn may cover hca at
 * 0.9), three shifts (a night with its enhancement), bank workers with
 * random clearances and offers, agency, and supply curves with random
 * elasticity, step, reference rate, cap and rate card. */
struct gen {
	unsigned long long state;
	struct mu_buf text[6];
};

static unsigned gen_next(struct gen *g, unsigned below)
{
	g->state = g->state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(g->state >> 33) % below;
}

static void gen_scenario(struct gen *g, unsigned long long seed, struct harness_file *files,
                         struct supply_case *cases)
{
	static const char *const partners[] = {"a", "b", "c"};
	static const char *const roles[] = {"rn", "hca"};
	static const char *const shifts[] = {"d1", "n1", "d2"};
	static const double rates[] = {20, 12};
	size_t i, p, r, s, w, n_workers;
	g->state = seed * 7919 + 17;
	for (i = 0; i < 6; i++) {
		mu_buf_release(&g->text[i]);
		mu_buf_init(&g->text[i]);
	}
	mu_buf_addf(&g->text[0], "id\nrn\nhca\n");
	mu_buf_addf(&g->text[1], "role,bank_rate,agency_cap\nrn,20,\nhca,12,\n");
	mu_buf_addf(&g->text[2], "id,date,start,end,paid_hours,enhancement\n"
	                         "d1,2026-11-30,08:00,16:00,8,0\nn1,2026-11-30,20:00,08:00,12,0.3\n"
	                         "d2,2026-12-01,08:00,16:00,8,0\n");
	mu_buf_addf(&g->text[3], "partner,role,shift,required,minimum\n");
	for (p = 0; p < 3; p++)
		for (r = 0; r < 2; r++)
			for (s = 0; s < 3; s++)
				if (gen_next(g, 3) > 0) {
					unsigned req = gen_next(g, 9);
					mu_buf_addf(&g->text[3], "%s,%s,%s,%.1f,%u\n", partners[p],
					            roles[r], shifts[s], 0.5 * req,
					            req >= 2 ? gen_next(g, 2) : 0);
				}
	n_workers = 6 + gen_next(g, 8);
	mu_buf_addf(&g->text[4], "id,role,home,partners,max_hours\n");
	mu_buf_addf(&g->text[5], "worker,shift\n");
	for (w = 0; w < n_workers; w++) {
		unsigned k = gen_next(g, 3);
		mu_buf_addf(&g->text[4], "w%zu,%s,%s,%s,%u\n", w, roles[gen_next(g, 2)],
		            partners[gen_next(g, 3)],
		            k == 0   ? "*"
		            : k == 1 ? partners[gen_next(g, 3)]
		                     : "",
		            gen_next(g, 2) ? 48 : 20);
		for (s = 0; s < 3; s++)
			if (gen_next(g, 3) > 0)
				mu_buf_addf(&g->text[5], "w%zu,%s\n", w, shifts[s]);
	}
	files[0] = (struct harness_file){"roles.csv", g->text[0].data};
	files[1] = (struct harness_file){"caps.csv", g->text[1].data};
	files[2] = (struct harness_file){"shifts.csv", g->text[2].data};
	files[3] = (struct harness_file){"demand.csv", g->text[3].data};
	files[4] = (struct harness_file){"bank.csv", g->text[4].data};
	files[5] = (struct harness_file){"availability.csv", g->text[5].data};
	files[6] = (struct harness_file){"partners.csv", "id\na\nb\nc\n"};
	files[7] =
	    (struct harness_file){"substitutions.csv", "role,covers,efficiency\nrn,hca,0.9\n"};
	files[8] = (struct harness_file){"agency.csv", "supplier,role,partner,rate,capacity\n"
	                                               "s1,rn,*,45,1\ns1,hca,*,28,1\n"};
	files[9] = (struct harness_file){NULL, NULL};
	for (r = 0; r < 2; r++) {
		static const double eps[] = {0, 0.5, 1, 2};
		static const double steps[] = {0.05, 0.1, 0.25};
		unsigned cap = gen_next(g, 4), ref = gen_next(g, 3);
		cases[r] = (struct supply_case){
		    .role = roles[r],
		    .elasticity = eps[gen_next(g, 4)],
		    .reference = ref == 0 ? 0 : rates[r] * (ref == 1 ? 0.9 : 1.15),
		    .step = steps[gen_next(g, 3)],
		    .cap = cap == 0 ? 0 : rates[r] * (1 + 0.2 * cap),
		    /* one rate card for the scenario: the second role's draw */
		    .card = gen_next(g, 2) ? MU_RATE_CARD_INCENTIVE : MU_RATE_CARD_UNIFORM,
		};
	}
}

/* CBC (rota) and CLP (plan) find muster's objective on muster's own MPS,
 * system and silo, and every plan passes plan_check (model_harness). */
static void test_supply_generated_scenarios_match_cbc_and_clp(void **state)
{
	struct gen *g = mu_calloc(1, sizeof(*g));
	struct harness_file files[10];
	struct supply_case cases[2];
	unsigned long long seed;
	size_t n_curves = 0, n_steps = 0, n_extra = 0, i;
	(void)state;
	for (i = 0; i < 6; i++)
		mu_buf_init(&g->text[i]);
	for (seed = 1; seed <= 10; seed++) {
		struct mu_scenario *sc;
		struct pol_build *b;
		bool coalition[3] = {true, true, false};
		gen_scenario(g, seed, files, cases);
		sc = harness_load(defaults, files);
		add_supply(sc, &cases[0]);
		add_supply(sc, &cases[1]);
		b = pol_build_new(sc, NULL);
		n_curves += b->n_curves;
		for (i = 0; i < b->m->n_cols; i++) {
			n_steps += b->cols[i].source == MU_SRC_RATE_STEP;
			n_extra += b->cols[i].source == MU_SRC_BANK_EXTRA;
		}
		pol_build_free(b);
		harness_solve(sc, false, false);
		harness_solve(sc, true, false);
		harness_solve(sc, false, true);
		harness_solve(sc, true, true);
		harness_solve_coalition(sc, true, coalition);
		mu_scenario_free(sc);
	}
	/* the scenarios have curves, ladders and extra staff to check */
	assert_true(n_curves > 20);
	assert_true(n_steps > 40);
	assert_true(n_extra > 10);
	for (i = 0; i < 6; i++)
		mu_buf_release(&g->text[i]);
	free(g);
}

/* compare's bidding plan (DESIGN.md §3d, core/mu_bidding.c), worked out
 * by hand. Two partners: a with its ten workers w1..w10, b with five,
 * v1..v5, cleared at a too. One role rn, bank_rate 10, e = 1, step 0.1,
 * bank_cap 12.1: rungs 10, 11, 12.1. The 8 h shift d1 has enhancement 0.5
 * (u = 1.5): a staff-shift at w costs w x 12. Demand a 12, b 3.
 * Alone: a's curve over its 10 offers, S(w) = w: 10, 11, 12.1; uniform C
 * = 100, 121, 146.41, slopes 10, 21, 23.1. Twelve staff (ten named, two
 * extra of the 2.1 room) cost E(12) = 121 + 23.1 = 144.1 a hour, x 12 =
 * 1,729.20 (one more at 23.1 x 12 = 277.20 is below a short staff-shift's
 * 1,600): the rate paid 12.1, rung 2. b's curve over its 5 offers has
 * S(w_0) = 5 >= 3: rung 0, 3 x 10 x 12 = 360, no rate row. Silo: 2,089.20.
 * Bidding: the highest rate on (rn, d1) is a's 12.1, so b's 3 staff-shifts
 * are paid 12.1 - 10 = 2.1 more an hour: 3 x 8 h x 1.5 x 2.1 = 75.60; b
 * 435.60, a 1,729.20 as alone (it set the rate), 2,164.80 in all.
 * System: one curve over 15 offers, S(w_0) = 15 = demand: all at w_0,
 * 15 x 120 = 1,800 (a 12 x 120 = 1,440, b 360), no rate row.
 * The shared rate card is worth 75.60 on top of the 289.20 that mutual aid
 * and the shared bank are worth; against bidding the system spends 364.80
 * less. Filled hours: 120 in all three. Both modes give the same plans. */
static void test_supply_bidding_reprices_at_the_highest_rung(void **state)
{
	const struct supply_case c = {"rn", 1, 0, 0.1, 12.1, MU_RATE_CARD_UNIFORM};
	const struct harness_file files[] = {
	    {"shifts.csv", "id,date,start,end,paid_hours,enhancement\n"
	                   "d1,2026-11-30,08:00,16:00,8,0.5\n"},
	    {"bank.csv", "id,role,home,partners\nw1,rn,a,\nw2,rn,a,\nw3,rn,a,\nw4,rn,a,\n"
	                 "w5,rn,a,\nw6,rn,a,\nw7,rn,a,\nw8,rn,a,\nw9,rn,a,\nw10,rn,a,\n"
	                 "v1,rn,b,a;b\nv2,rn,b,a;b\nv3,rn,b,a;b\nv4,rn,b,a;b\nv5,rn,b,a;b\n"},
	    {"availability.csv", "worker,shift\nw1,d1\nw2,d1\nw3,d1\nw4,d1\nw5,d1\nw6,d1\n"
	                         "w7,d1\nw8,d1\nw9,d1\nw10,d1\nv1,d1\nv2,d1\nv3,d1\nv4,d1\n"
	                         "v5,d1\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\nb,rn,d1,3\n"},
	    {NULL, NULL}};
	struct mu_scenario *sc = load(files, &c);
	int mode;
	(void)state;
	assert_true(mu_bidding_is_wanted(sc));
	for (mode = 0; mode < 2; mode++) {
		struct pol_solve_request silo_req = {
		    .is_lp = mode == 1, .is_silo = true, .pool = POL_POOL_NEVER};
		struct pol_solved silo, sys;
		struct mu_bidding *bid;
		struct mu_err err;
		mu_err_clear(&err);
		if (pol_solve(sc, &silo_req, &silo, &err) != MU_OK)
			fail_msg("%s", err.msg);
		assert_int_equal(silo.status, MU_STATUS_OPTIMAL);
		solve(sc, mode == 1, &sys);
		assert_true(fabs(silo.plan->partners[0].spend_total - 1729.2) < 1e-6);
		assert_true(fabs(silo.plan->partners[1].spend_total - 360) < 1e-6);
		assert_true(fabs(sys.plan->system.spend_total - 1800) < 1e-6);
		bid = mu_bidding_new(sc, silo.plan);
		assert_true(fabs(bid->rise[0]) < 1e-9);
		assert_true(fabs(bid->rise[1] - 75.6) < 1e-6);
		assert_true(fabs(bid->rise_total - 75.6) < 1e-6);
		assert_true(fabs(bid->partners[0].spend_total - 1729.2) < 1e-6);
		assert_true(fabs(bid->partners[1].spend_total - 435.6) < 1e-6);
		assert_true(fabs(mu_totals_net_cash(&bid->partners[1]) - 435.6) < 1e-6);
		assert_true(fabs(bid->system.spend_total - 2164.8) < 1e-6);
		assert_true(fabs(bid->system.spend[MU_SRC_RATE] -
		                 silo.plan->system.spend[MU_SRC_RATE] - 75.6) < 1e-6);
		assert_true(fabs(bid->system.cost_total - silo.plan->system.cost_total - 75.6) <
		            1e-6);
		/* the same staff: the same filled hours, the same penalties */
		assert_true(fabs(bid->system.filled_hours - 120) < 1e-9);
		assert_true(fabs(bid->system.filled_hours - silo.plan->system.filled_hours) < 1e-9);
		assert_true(fabs(bid->system.penalty_total - silo.plan->system.penalty_total) <
		            1e-9);
		/* against bidding, the system plan: 364.80 less */
		assert_true(fabs(bid->system.spend_total - sys.plan->system.spend_total - 364.8) <
		            1e-6);
		assert_int_equal(bid->horizon_days, 1);
		mu_bidding_free(bid);
		/* the system plan re-priced changes nothing: one rate card */
		bid = mu_bidding_new(sc, sys.plan);
		assert_true(fabs(bid->rise_total) < 1e-9);
		mu_bidding_free(bid);
		pol_solved_release(&silo);
		pol_solved_release(&sys);
	}
	mu_scenario_free(sc);
}

/* Without a role whose supply answers the rate there is no bidding plan;
 * with every partner at the same rung, bidding is the silo plan. */
static void test_supply_bidding_is_silo_when_no_rate_is_above_another(void **state)
{
	const struct supply_case flat = {"rn", 0, 0, 0.1, 0, MU_RATE_CARD_UNIFORM};
	const struct supply_case c = {"rn", 0.5, 0, 0.1, 16, MU_RATE_CARD_UNIFORM};
	const struct harness_file files[] = {
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\n"}, {NULL, NULL}};
	struct mu_scenario *sc = load(files, NULL);
	struct pol_solved s;
	struct mu_bidding *bid;
	(void)state;
	assert_false(mu_bidding_is_wanted(sc));
	mu_scenario_free(sc);
	sc = load(files, &flat);
	assert_false(mu_bidding_is_wanted(sc));
	mu_scenario_free(sc);
	/* one partner at rung 5 (the hand-solved uniform case above): it set
	 * the rate, so it pays as alone */
	sc = load(files, &c);
	assert_true(mu_bidding_is_wanted(sc));
	solve(sc, false, &s);
	assert_true(sum_of(s.plan, MU_SRC_RATE).rate > 10);
	bid = mu_bidding_new(sc, s.plan);
	assert_true(fabs(bid->rise_total) < 1e-9);
	assert_true(fabs(bid->system.spend_total - s.plan->system.spend_total) < 1e-9);
	mu_bidding_free(bid);
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* pol_game's one model (policies/pol_game.c, `muster shares`) values every
 * coalition as a model built for it alone does (§3a, §3d: one curve over
 * its members' workers, each partner outside it its own): the empty
 * coalition the silo, the whole the system, and each between, walked in
 * counting order and back (partners join and leave, several at once). */
static void test_supply_game_values_each_coalition_as_its_own_model(void **state)
{
	struct gen *g = mu_calloc(1, sizeof(*g));
	struct harness_file files[10];
	struct supply_case cases[2];
	unsigned long long seed;
	size_t i, n_between = 0;
	(void)state;
	for (i = 0; i < 6; i++)
		mu_buf_init(&g->text[i]);
	for (seed = 1; seed <= 6; seed++) {
		struct mu_scenario *sc;
		struct pol_game *game;
		struct mu_err err;
		double v[8], silo, system;
		unsigned mask, k;
		gen_scenario(g, seed, files, cases);
		sc = harness_load(defaults, files);
		add_supply(sc, &cases[0]);
		add_supply(sc, &cases[1]);
		assert_int_equal(pol_game_new(sc, &game, &err), MU_OK);
		silo = harness_solve(sc, true, true);
		system = harness_solve(sc, true, false);
		for (mask = 0; mask < 8; mask++) {
			bool in[3];
			for (k = 0; k < 3; k++)
				in[k] = mask >> k & 1;
			v[mask] = mask == 0   ? silo
			          : mask == 7 ? system
			                      : harness_solve_coalition(sc, true, in);
			n_between += fabs(v[mask] - silo) > 1e-6 && fabs(v[mask] - system) > 1e-6;
		}
		for (k = 0; k < 16; k++) {
			unsigned m = k < 8 ? k : 15 - k;
			bool in[3] = {m & 1, m >> 1 & 1, m >> 2 & 1};
			double got;
			assert_int_equal(pol_game_value(game, in, &got, &err), MU_OK);
			if (!(fabs(got - v[m]) <= 1e-6 * (1 + fabs(v[m]))))
				fail_msg(
				    "seed %llu, coalition %u: pol_game %.9f, its own model %.9f",
				    seed, m, got, v[m]);
		}
		pol_game_free(game);
		mu_scenario_free(sc);
	}
	/* coalitions between the silo and the system were there to check */
	assert_true(n_between > 3);
	for (i = 0; i < 6; i++)
		mu_buf_release(&g->text[i]);
	free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_supply_uniform_rate_card_hand_solved),
	    cmocka_unit_test(test_supply_incentive_rate_card_hand_solved),
	    cmocka_unit_test(test_supply_cap_limits_what_is_bought),
	    cmocka_unit_test(test_supply_rota_rounds_the_room_for_extra_staff_down),
	    cmocka_unit_test(test_supply_reference_rate_limits_the_named),
	    cmocka_unit_test(test_supply_fixed_supply_is_the_model_of_section_3),
	    cmocka_unit_test(test_supply_silo_has_a_curve_per_partner),
	    cmocka_unit_test(test_supply_bidding_reprices_at_the_highest_rung),
	    cmocka_unit_test(test_supply_bidding_is_silo_when_no_rate_is_above_another),
	    cmocka_unit_test(test_supply_plan_check_rejects_wrong_plans),
	    cmocka_unit_test(test_supply_no_extra_staff_at_w0),
	    cmocka_unit_test(test_supply_rota_exists_before_the_relaxation),
	    cmocka_unit_test(test_supply_example_plan_matches_clp),
	    cmocka_unit_test(test_supply_generated_scenarios_match_cbc_and_clp),
	    cmocka_unit_test(test_supply_game_values_each_coalition_as_its_own_model),
	};
	return tu_run_tests(tests, NULL, NULL);
}
