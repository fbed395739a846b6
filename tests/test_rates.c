/*
 * test_rates.c - the outputs of pay caps and the supply they buy (DESIGN.md
 * §3d): rates.csv and rota.csv's rate on hand-solved cases (the curves
 * worked out in the comments), each partner's slice, and the sentences of
 * report.html's section (io_say_rates.c) read back against the plan on
 * generated plans, on the system's page and each partner's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "io/io_html.h"
#include "io/io_report.h"
#include "io/io_say.h"
#include "model_harness.h"
#include "plan_check.h"
#include "policies/pol_solve.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* test_supply.c's curve: partners a and b, role rn at bank_rate 10 with
 * e = 0.5, step 0.1, bank_cap 16 (uniform), one 8 h day shift d1 (u = 1)
 * that ten workers w1..w10 of a offer; and a role hca of fixed supply
 * (bank_rate 9) whose one worker h1 of b offers d1 too. */
static const struct harness_file defaults[] = {
    {"partners.csv", "id\na\nb\n"},
    {"roles.csv", "id,name,band\nrn,Nurse,5\nhca,Support worker,\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\nd1,2026-11-30,08:00,16:00,8\n"},
    {"staff.csv", "partner,role,shift,available\n"},
    {"caps.csv", "role,bank_rate,bank_cap\nrn,10,16\nhca,9,\n"},
    {"supply.csv", "role,elasticity,step\nrn,0.5,0.1\n"},
    {"bank.csv", "id,role,home,partners\nw1,rn,a,\nw2,rn,a,\nw3,rn,a,\nw4,rn,a,\nw5,rn,a,\n"
                 "w6,rn,a,\nw7,rn,a,\nw8,rn,a,\nw9,rn,a,\nw10,rn,a,\nh1,hca,b,\n"},
    {"availability.csv", "worker,shift\nw1,d1\nw2,d1\nw3,d1\nw4,d1\nw5,d1\nw6,d1\nw7,d1\n"
                         "w8,d1\nw9,d1\nw10,d1\nh1,d1\n"},
    {"demand.csv", "partner,role,shift,required\na,rn,d1,12\nb,hca,d1,1\n"},
    {NULL, NULL},
};

static const struct harness_file none[] = {{NULL, NULL}};

static void solve(const struct mu_scenario *sc, bool is_lp, bool is_silo, struct pol_solved *s)
{
	struct pol_solve_request req = {.is_lp = is_lp, .is_silo = is_silo, .pool = POL_POOL_NEVER};
	struct mu_err err;
	mu_err_clear(&err);
	if (pol_solve(sc, &req, s, &err) != MU_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(s->status, MU_STATUS_OPTIMAL);
}

/* The text of tu_dir()/dir/name. */
static char *output(const char *dir, const char *name)
{
	char path[400];
	snprintf(path, sizeof(path), "%s/%s/%s", tu_dir(), dir, name);
	return tu_slurp(path);
}

/* The cells of line `line` (0: the header) of csv, split at commas (no
 * quoting in these files), into cells[0..n); returns how many. */
static size_t cells_of(const char *csv, size_t line, char cells[][64], size_t max)
{
	const char *p = csv;
	size_t n = 0, k = 0;
	for (; line > 0 && p; line--)
		p = (p = strchr(p, '\n')) ? p + 1 : NULL;
	if (!p || !*p)
		return 0;
	for (; *p && *p != '\n' && n < max; p++) {
		if (*p == ',') {
			cells[n++][k] = '\0';
			k = 0;
		} else if (k < 63) {
			cells[n][k++] = *p;
		}
	}
	if (n < max)
		cells[n++][k] = '\0';
	return n;
}

/* The cell of column name in line of csv (a copy in out). */
static const char *cell(const char *csv, size_t line, const char *name, char *out)
{
	char head[32][64], row[32][64];
	size_t n = cells_of(csv, 0, head, 32), m = cells_of(csv, line, row, 32), i;
	for (i = 0; i < n && i < m; i++)
		if (strcmp(head[i], name) == 0)
			return strcpy(out, row[i]);
	fail_msg("no column '%s' in line %zu of:\n%s", name, line, csv);
	return NULL;
}

static size_t n_lines(const char *text)
{
	size_t n = 0;
	for (; *text; text++)
		n += *text == '\n';
	return n;
}

/* The curve of test_supply's uniform case: the ladder 10, 11, 12.1,
 * 13.31, 14.641, 16; S(w) = 10 sqrt(w / 10): 10, 10.48809, 11, 11.53690,
 * 12.1, 12.64911; C_k = w_k S(w_k): 100, 115.36897, 133.1, 153.55610,
 * 177.1561, 202.38577. Demand 12 lies on the step from 11.53690 to 12.1,
 * so the rate paid is 14.641 (the lowest rung whose S, 12.1, covers 12):
 * the ten who offered and 2 extra (whole in a rota: S(16) - 10 = 2.649 of
 * room), E(12) = 172.96504 a hour, x 8 = 1,383.72028, of which 12 x 80 =
 * 960 at w_0: 423.72 above it (the rate rows' cost).
 * The price of the supply row (its ceiling S(w_0) = 10) in plan mode: the
 * staff sit inside the step from 11.53690 to 12.1, whose slope is (177.1561
 * - 153.55610) / (12.1 - 11.53690) = 41.91065 £/h; one more staff at w_0
 * would take one off that step: -(41.91065 - 10) x 8 = -255.2852 a staff,
 * cash (the step's premium, no penalty in it).
 * hca's supply is fixed: h1 is paid its bank_rate, 9.00, and hca has no
 * rates row. */
static void test_rates_hand_solved_rota_and_plan(void **state)
{
	struct mu_scenario *sc = harness_load(defaults, none);
	struct pol_solved s;
	struct mu_err err;
	char path[400], v[64], why[512], *text;
	size_t i;
	(void)state;
	assert_true(io_report_has_rates(sc));
	solve(sc, false, false, &s);
	tu_path(path, sizeof(path), "rota");
	assert_int_equal(io_report_write_plan(path, sc, s.plan, MU_ALL, &err), MU_OK);
	assert_int_equal(io_report_write_rota(path, sc, s.plan, MU_ALL, &err), MU_OK);
	assert_int_equal(io_report_write_rates(path, sc, s.plan, MU_ALL, &err), MU_OK);
	text = output("rota", "rates.csv");
	assert_string_equal(text, "role,shift,partner,offers,bank_rate,rate,enhanced,supply,named,"
	                          "extra,base_supply,top_rate,top_supply,rate_cost,shadow_price,"
	                          "shadow_price_is_cash\n"
	                          "rn,d1,,10,10.00,14.641,yes,12.1,10,2,10,16.00,12.64911064,"
	                          "423.72,,\n");
	free(text);
	/* every rn worker at the rate paid, h1 at hca's bank_rate */
	text = output("rota", "rota.csv");
	assert_int_equal(n_lines(text), 12);
	for (i = 1; i <= 11; i++) {
		const char *want =
		    strcmp(cell(text, i, "worker", v), "h1") == 0 ? "9.00" : "14.641";
		assert_string_equal(cell(text, i, "rate", v), want);
	}
	free(text);
	{
		char plan[400], rota[400];
		tu_path(plan, sizeof(plan), "rota/plan.csv");
		tu_path(rota, sizeof(rota), "rota/rota.csv");
		if (!plan_check_rota(sc, plan, rota, why, sizeof(why)))
			fail_msg("%s", why);
	}
	/* b's slice: no rn staff work there, so no rates row */
	tu_path(path, sizeof(path), "rota/b");
	assert_int_equal(io_report_write_rates(path, sc, s.plan, 1, &err), MU_OK);
	text = output("rota/b", "rates.csv");
	assert_int_equal(n_lines(text), 1);
	free(text);
	pol_solved_release(&s);

	/* plan mode: named and extra cost alike at w_0, so only their sum
	 * (12) is the plan's; the price is the step's premium, cash */
	solve(sc, true, false, &s);
	tu_path(path, sizeof(path), "plan");
	assert_int_equal(io_report_write_rates(path, sc, s.plan, MU_ALL, &err), MU_OK);
	text = output("plan", "rates.csv");
	assert_int_equal(n_lines(text), 2);
	assert_string_equal(cell(text, 1, "rate", v), "14.641");
	assert_string_equal(cell(text, 1, "supply", v), "12.1");
	assert_true(fabs(strtod(cell(text, 1, "named", v), NULL) +
	                 strtod(cell(text, 1, "extra", v), NULL) - 12) < 1e-6);
	assert_string_equal(cell(text, 1, "rate_cost", v), "423.72");
	assert_string_equal(cell(text, 1, "shadow_price", v), "-255.2852");
	assert_string_equal(cell(text, 1, "shadow_price_is_cash", v), "yes");
	free(text);
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* muster solve of the hand-solved case, as a user runs it: a rota's
 * --out folder has rates.csv (the line above), rota.csv at the rates paid
 * (re-derived by plan_check), each partner's rates.csv (a's curve; b has
 * no rn staff: a header alone), and report.html's advert, from the plan:
 * the 2 extra staff at a, at 14.641 shown to the penny. */
static void test_rates_solve_writes_them_all(void **state)
{
	char scenario[400], out[400], db[400], path[600], why[512], *text;
	struct mu_scenario *sc = harness_load(defaults, none);
	struct tu_result r;
	size_t i;
	(void)state;
	tu_path(scenario, sizeof(scenario), "e2e-scenario");
	tu_path(out, sizeof(out), "e2e-out");
	tu_path(db, sizeof(db), "e2e.db");
	for (i = 0; defaults[i].name; i++) {
		snprintf(path, sizeof(path), "%s/%s", scenario, defaults[i].name);
		if (i == 0)
			mkdir(scenario, 0777);
		tu_write(path, defaults[i].text, strlen(defaults[i].text));
	}
	r = tu_run("solve", scenario, "--out", out, "--db", db, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "rates.csv"));
	tu_result_free(&r);
	text = output("e2e-out", "rates.csv");
	assert_non_null(strstr(text, "\nrn,d1,,10,10.00,14.641,yes,12.1,10,2,10,16.00,12.64911064,"
	                             "423.72,,\n"));
	free(text);
	{
		char plan[400], rota[400];
		tu_path(plan, sizeof(plan), "e2e-out/plan.csv");
		tu_path(rota, sizeof(rota), "e2e-out/rota.csv");
		if (!plan_check_rota(sc, plan, rota, why, sizeof(why)))
			fail_msg("%s", why);
		tu_path(rota, sizeof(rota), "e2e-out/partners/a/rota.csv");
		text = tu_slurp(rota);
		assert_int_equal(n_lines(text), 11);
		assert_non_null(strstr(text, ",8,14.641\n"));
		free(text);
	}
	text = output("e2e-out/partners/a", "rates.csv");
	assert_int_equal(n_lines(text), 2);
	free(text);
	text = output("e2e-out/partners/b", "rates.csv");
	assert_int_equal(n_lines(text), 1);
	free(text);
	text = output("e2e-out", "report.html");
	assert_non_null(strstr(text, "<li>Advertise 2 Nurse (band 5) shifts on Mon 30 Nov "
	                             "08:00\xe2\x80\x93"
	                             "16:00 (d1) at \xc2\xa3"
	                             "14.64/h: 2 at a.</li>"));
	free(text);
	mu_scenario_free(sc);
}

/* Silo mode (test_supply's silo case): five workers at a and five at b,
 * all cleared for both; a wants 8, b 4; rn alone, hca without work.
 * b's own curve: 4 of its 5 at w_0, rate 10, not enhanced. a's: n = 5,
 * S(w) = 5 sqrt(w / 10): 5, 5.24404, 5.5, 5.76845, 6.05, 6.32456 at 10
 * ... 16; a rota staffs 6 (5 named, 1 extra) on the step from 5.76845 to
 * 6.05: rate 14.641, S 6.05, E(6) x 8 = 691.86014, 211.86 above 6 x 80.
 * Each partner's rates.csv has its own curve alone. */
static void test_rates_silo_has_a_row_per_partner(void **state)
{
	const struct harness_file files[] = {
	    {"bank.csv", "id,role,home,partners\nw1,rn,a,*\nw2,rn,a,*\nw3,rn,a,*\nw4,rn,a,*\n"
	                 "w5,rn,a,*\nw6,rn,b,*\nw7,rn,b,*\nw8,rn,b,*\nw9,rn,b,*\nw10,rn,b,*\n"},
	    {"availability.csv", "worker,shift\nw1,d1\nw2,d1\nw3,d1\nw4,d1\nw5,d1\nw6,d1\nw7,d1\n"
	                         "w8,d1\nw9,d1\nw10,d1\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,8\nb,rn,d1,4\n"},
	    {NULL, NULL}};
	struct mu_scenario *sc = harness_load(defaults, files);
	struct pol_solved s;
	struct mu_err err;
	char path[400], *text;
	(void)state;
	solve(sc, false, true, &s);
	tu_path(path, sizeof(path), "silo");
	assert_int_equal(io_report_write_rates(path, sc, s.plan, MU_ALL, &err), MU_OK);
	text = output("silo", "rates.csv");
	assert_non_null(strstr(text, "\nrn,d1,a,5,10.00,14.641,yes,6.05,5,1,5,16.00,6.32455532,"
	                             "211.86,,\n"));
	assert_non_null(
	    strstr(text, "\nrn,d1,b,5,10.00,10.00,no,5,4,0,5,16.00,6.32455532,0.00,,\n"));
	assert_int_equal(n_lines(text), 3);
	free(text);
	tu_path(path, sizeof(path), "silo/a");
	assert_int_equal(io_report_write_rates(path, sc, s.plan, 0, &err), MU_OK);
	text = output("silo/a", "rates.csv");
	assert_int_equal(n_lines(text), 2);
	assert_non_null(strstr(text, "\nrn,d1,a,"));
	free(text);
	pol_solved_release(&s);
	mu_scenario_free(sc);
}

/* A scenario of generated plans: three partners, a role with a band and
 * one without, four shifts of different unsocial factors, a demand row
 * for every cell (bank_extra rows need one). */
static const struct harness_file generated[] = {
    {"partners.csv", "id,name\na,Acute A\nb,Hospice B\nc,Care C\n"},
    {"roles.csv", "id,name,band\nrn,Nurse,5\nhca,Support worker,\n"},
    {"shifts.csv", "id,date,start,end,paid_hours,enhancement\n"
                   "d1,2026-11-30,08:00,16:00,8,0\nn1,2026-11-30,20:00,08:00,12,0.3\n"
                   "d2,2026-12-05,08:00,16:00,8,0.3\nn2,2026-12-06,20:00,08:00,12,0.6\n"},
    {"staff.csv", "partner,role,shift,available\n"},
    {"caps.csv", "role,bank_rate,bank_cap\nrn,15.33,25\nhca,12.51,20\n"},
    {"supply.csv", "role,elasticity\nrn,0.5\nhca,1\n"},
    {"demand.csv", "partner,role,shift,required\n"
                   "a,rn,d1,1\na,rn,n1,1\na,rn,d2,1\na,rn,n2,1\n"
                   "b,rn,d1,1\nb,rn,n1,1\nb,rn,d2,1\nb,rn,n2,1\n"
                   "c,rn,d1,1\nc,rn,n1,1\nc,rn,d2,1\nc,rn,n2,1\n"
                   "a,hca,d1,1\na,hca,n1,1\na,hca,d2,1\na,hca,n2,1\n"
                   "b,hca,d1,1\nb,hca,n1,1\nb,hca,d2,1\nb,hca,n2,1\n"
                   "c,hca,d1,1\nc,hca,n1,1\nc,hca,d2,1\nc,hca,n2,1\n"},
    {NULL, NULL},
};

static double uniform(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (double)((*seed >> 8) & 0xffff) / 65536.0;
}

/* Staff as a generated plan has them: whole, or a fraction. */
static double some_staff(unsigned *seed)
{
	double x = floor(uniform(seed) * 5);
	return uniform(seed) < 0.5 ? x : x + 0.01 + floor(uniform(seed) * 98) / 100 + 0.003;
}

/* A generated plan of sc: per (role, shift), either a shared curve or one
 * per partner (silo), each with a rate on a rung of its ladder, and its
 * extra staff as bank_extra rows at one to three partners. */
static struct mu_plan *generate(const struct mu_scenario *sc, unsigned *seed)
{
	struct mu_plan *plan = mu_plan_new(sc);
	size_t r, s, p, d;
	plan->rates =
	    mu_calloc(sc->n_roles * sc->n_shifts * sc->n_partners + 1, sizeof(*plan->rates));
	plan->has_supply = true;
	for (r = 0; r < sc->n_roles; r++)
		for (s = 0; s < sc->n_shifts; s++) {
			bool is_silo = uniform(seed) < 0.3;
			size_t n_curves = is_silo ? sc->n_partners : 1, k;
			for (k = 0; k < n_curves; k++) {
				struct mu_rate_row *c = &plan->rates[plan->n_rates++];
				double w0 = mu_scenario_cap(sc, r)->bank_rate;
				int rung = uniform(seed) < 0.4 ? 0 : (int)(uniform(seed) * 6);
				double per_partner[8] = {0};
				*c = (struct mu_rate_row){
				    .role = r,
				    .shift = s,
				    .partner = is_silo ? k : MU_ALL,
				    .n_offers = (size_t)(uniform(seed) * 20) + 1,
				    .bank_rate = w0,
				    .rate = w0 * pow(1.05, rung),
				    .named = floor(uniform(seed) * 10),
				    .base_supply = floor(uniform(seed) * 400) / 10,
				    .rate_cost = rung ? uniform(seed) * 3000 : 0,
				    .price = NAN,
				};
				/* the extra staff, at the curve's own partner or at
				 * one to three of them */
				for (p = 0; p < sc->n_partners; p++)
					if ((is_silo ? p == k : uniform(seed) < 0.5))
						per_partner[p] =
						    uniform(seed) < 0.4 ? 0 : some_staff(seed);
				for (p = 0; p < sc->n_partners; p++) {
					struct mu_plan_row row;
					if (!(per_partner[p] > 1e-6))
						continue;
					for (d = 0; d < sc->n_demand; d++)
						if (sc->demand[d].partner == p &&
						    sc->demand[d].role == r &&
						    sc->demand[d].shift == s)
							break;
					row = (struct mu_plan_row){.source = MU_SRC_BANK_EXTRA,
					                           .demand = d,
					                           .partner = p,
					                           .role = r,
					                           .shift = s,
					                           .worker_role = r,
					                           .home = MU_ALL,
					                           .worker = MU_ALL,
					                           .offer = MU_ALL,
					                           .staff = per_partner[p],
					                           .rate = c->rate};
					mu_plan_add_row(plan, &row, 1, NULL, false);
					c->extra += per_partner[p];
				}
				c->supply = c->named + c->extra + uniform(seed);
				/* its cash above w_0 as rate rows, at its partner or
				 * split between two */
				for (p = 0; p < sc->n_partners && c->rate_cost > 0; p++) {
					size_t at = is_silo ? k : (size_t)(uniform(seed) * 3);
					struct mu_plan_row row = {.source = MU_SRC_RATE,
					                          .demand = MU_ALL,
					                          .partner = at,
					                          .role = r,
					                          .shift = s,
					                          .worker_role = r,
					                          .home = MU_ALL,
					                          .worker = MU_ALL,
					                          .offer = MU_ALL,
					                          .spend = c->rate_cost / 2,
					                          .rate = c->rate};
					mu_plan_add_row(plan, &row, 1, NULL, false);
					if (p == 1)
						break;
				}
			}
		}
	mu_plan_finish(plan, sc);
	return plan;
}

/* A number of a sentence as it reads: commas of thousands left out. */
static double number_at(const char *p)
{
	char digits[64];
	size_t n = 0;
	for (; *p && n < sizeof(digits) - 1 && (strchr("0123456789.,", *p)); p++)
		if (*p != ',')
			digits[n++] = *p;
	digits[n] = '\0';
	if (n > 0 && digits[n - 1] == '.')
		digits[n - 1] = '\0'; /* the sentence's full stop */
	return strtod(digits, NULL);
}

/* Whether a and b agree as the sentences round them: two decimals. */
static bool same(double said, double exact)
{
	return fabs(said - exact) <= 0.005 + 1e-9;
}

/* Reads the advert of c back against plan: how many, the shift, the
 * rate, the unsocial factor, whose bank, and the staff at each partner
 * (the plan's bank_extra rows of c). */
static void check_advert(const struct mu_scenario *sc, const struct mu_plan *plan,
                         const struct mu_rate_row *c, const char *text)
{
	const struct mu_shift *s = &sc->shifts[c->shift];
	char want[128];
	const char *p, *at;
	size_t i, n_at = 0;
	double sum = 0;
	if (!(c->extra > 1e-6)) {
		assert_string_equal(text, "");
		return;
	}
	assert_true(strncmp(text, "Advertise ", 10) == 0);
	if (!same(number_at(text + 10), c->extra))
		fail_msg("'%s' says %g extra staff, the plan %g", text, number_at(text + 10),
		         c->extra);
	snprintf(want, sizeof(want), " %s shift%s on ", sc->roles[c->role].name,
	         fabs(c->extra - 1) < 1e-6 ? "" : "s");
	if (*sc->roles[c->role].band)
		snprintf(want, sizeof(want), " %s (band %s) shift%s on ", sc->roles[c->role].name,
		         sc->roles[c->role].band, fabs(c->extra - 1) < 1e-6 ? "" : "s");
	assert_non_null(strstr(text, want));
	snprintf(want, sizeof(want), "(%s) at ", s->id);
	assert_non_null(p = strstr(text, want));
	assert_int_equal(strstr(text, "the bank rate, ") != NULL, !io_say_rate_is_enhanced(c));
	assert_non_null(p = strstr(p, "\xc2\xa3"));
	if (!same(number_at(p + 2), c->rate))
		fail_msg("'%s' says the rate %g, the plan %g", text, number_at(p + 2), c->rate);
	snprintf(want, sizeof(want), "(+%.4g%% for unsocial hours)", 100 * s->enhancement);
	assert_int_equal(strstr(text, want) != NULL, s->enhancement > 0);
	if (c->partner != MU_ALL) {
		snprintf(want, sizeof(want), ", %s's own bank", sc->partners[c->partner].name);
		assert_non_null(strstr(text, want));
	}
	/* ": 1.25 at Acute A, 2 at Care C." */
	assert_non_null(at = strstr(text, ": "));
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *row = &plan->rows[i];
		const char *q;
		if (row->source != MU_SRC_BANK_EXTRA || io_say_rate_of_row(plan, row) != c)
			continue;
		snprintf(want, sizeof(want), " at %s", sc->partners[row->partner].name);
		assert_non_null(q = strstr(at, want));
		while (q > at && q[-1] != ' ')
			q--;
		if (!same(number_at(q), row->staff))
			fail_msg("'%s' says %g at %s, the plan %g", text, number_at(q),
			         sc->partners[row->partner].name, row->staff);
		sum += row->staff;
		n_at++;
	}
	assert_true(n_at > 0);
	assert_true(fabs(sum - c->extra) < 1e-9);
	assert_int_equal(text[strlen(text) - 1], '.');
}

/* Reads the enhanced-rate sentence of c back against it. */
static void check_enhanced(const struct mu_scenario *sc, const struct mu_rate_row *c,
                           const char *text)
{
	const char *p;
	char want[64];
	snprintf(want, sizeof(want), "(%s), ", sc->shifts[c->shift].id);
	assert_non_null(strstr(text, want));
	assert_non_null(strstr(text, sc->roles[c->role].name));
	assert_non_null(p = strstr(text, ": \xc2\xa3"));
	assert_true(same(number_at(p + 4), c->rate));
	assert_non_null(p = strstr(text, "above the bank rate \xc2\xa3"));
	assert_true(same(number_at(p + 22), c->bank_rate));
	assert_non_null(p = strstr(text, ", for "));
	assert_true(same(number_at(p + 6), c->named + c->extra));
	assert_non_null(p = strstr(text, " staff ("));
	assert_true(same(number_at(p + 8), c->named));
	assert_non_null(p = strstr(text, " named, "));
	assert_true(same(number_at(p + 8), c->extra));
	assert_non_null(p = strstr(text, " extra) where "));
	assert_true(same(number_at(p + 14), c->base_supply));
	assert_non_null(p = strstr(text, "; \xc2\xa3"));
	/* io_say_money: pennies under £100, else whole pounds */
	assert_true(fabs(number_at(p + 4) - c->rate_cost) <= (c->rate_cost < 100 ? 0.005 : 0.5));
	assert_non_null(strstr(text, " more spend."));
}

/* Whether plan has a bank_extra row of curve c at partner p. */
static bool has_extra_at(const struct mu_plan *plan, const struct mu_rate_row *c, size_t p)
{
	size_t i;
	for (i = 0; i < plan->n_rows; i++)
		if (plan->rows[i].source == MU_SRC_BANK_EXTRA && plan->rows[i].partner == p &&
		    io_say_rate_of_row(plan, &plan->rows[i]) == c)
			return true;
	return false;
}

/* Reads the summary of partner p's curves (MU_ALL: all) back against
 * plan's rows: the extra staff, the curves with some, the enhanced
 * curves whose staff work there and the rate rows' cash. */
static void check_summary(const struct mu_scenario *sc, const struct mu_plan *plan, size_t p)
{
	struct mu_buf text;
	double extra = 0, cash = 0;
	size_t i, n_extra = 0, n_enhanced = 0;
	const char *at;
	mu_buf_init(&text);
	io_say_rates_summary(&text, sc, plan, p);
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *row = &plan->rows[i];
		if (p != MU_ALL && row->partner != p)
			continue;
		extra += row->source == MU_SRC_BANK_EXTRA ? row->staff : 0;
		cash += row->source == MU_SRC_RATE ? row->spend : 0;
	}
	for (i = 0; i < plan->n_rates; i++) {
		const struct mu_rate_row *c = &plan->rates[i];
		n_extra += p == MU_ALL ? c->extra > 1e-6 : has_extra_at(plan, c, p);
		n_enhanced += io_say_rate_is_enhanced(c) && io_report_rate_is_partners(plan, c, p);
	}
	assert_non_null(at = strstr(text.data, "to find: "));
	if (!same(number_at(at + 9), extra))
		fail_msg("'%s': the plan has %g extra staff", text.data, extra);
	if (n_extra > 0) {
		assert_non_null(at = strstr(text.data, ", on "));
		assert_int_equal((size_t)number_at(at + 5), n_extra);
	} else {
		assert_null(strstr(text.data, ", on "));
	}
	assert_non_null(at = strstr(text.data, "enhanced rate on "));
	assert_int_equal((size_t)number_at(at + 17), n_enhanced);
	assert_non_null(at = strstr(text.data, ", \xc2\xa3"));
	assert_true(fabs(number_at(at + 4) - cash) <= (cash < 100 ? 0.005 : 0.5));
	mu_buf_release(&text);
}

/* The page's text as io_html_esc writes it. */
static void escaped(struct mu_buf *out, const char *text)
{
	for (; *text; text++)
		if (*text == '\'')
			mu_buf_adds(out, "&#39;");
		else if (*text == '&')
			mu_buf_adds(out, "&amp;");
		else
			mu_buf_addf(out, "%c", *text);
}

static void test_rates_sentences_read_back_on_generated_plans(void **state)
{
	struct mu_scenario *sc = harness_load(generated, none);
	struct mu_buf text, esc;
	unsigned seed = 25;
	size_t n_adverts = 0, n_enhanced = 0, n_silo = 0, n_fraction = 0;
	int turn;
	(void)state;
	mu_buf_init(&text);
	mu_buf_init(&esc);
	for (turn = 0; turn < 40; turn++) {
		struct mu_plan *plan = generate(sc, &seed);
		struct io_html_plan view = {.heading = "System plan",
		                            .mode = "rota",
		                            .status = MU_STATUS_OPTIMAL,
		                            .plan = plan};
		struct mu_err err;
		char dir[400], *page;
		size_t i, p;
		for (i = 0; i < plan->n_rates; i++) {
			const struct mu_rate_row *c = &plan->rates[i];
			mu_buf_reset(&text);
			io_say_rate_advert(&text, sc, plan, c);
			check_advert(sc, plan, c, text.data);
			n_adverts += c->extra > 1e-6;
			n_silo += c->partner != MU_ALL && c->extra > 1e-6;
			n_fraction += fabs(c->extra - round(c->extra)) > 1e-6;
			mu_buf_reset(&text);
			io_say_rate_enhanced(&text, sc, c);
			check_enhanced(sc, c, text.data);
			n_enhanced += io_say_rate_is_enhanced(c);
		}
		check_summary(sc, plan, MU_ALL);
		for (p = 0; p < sc->n_partners; p++)
			check_summary(sc, plan, p);
		/* the page says every advert and every enhanced shift of the
		 * plan; each partner's page those of its curves alone */
		for (p = 0; p <= sc->n_partners; p++) {
			view.is_partner_page = p < sc->n_partners;
			view.partner = p;
			snprintf(dir, sizeof(dir), "%s/gen%d-%zu", tu_dir(), turn, p);
			assert_int_equal(io_html_write_solve(dir, sc, "gen", &view, &err), MU_OK);
			snprintf(dir + strlen(dir), sizeof(dir) - strlen(dir), "/report.html");
			page = tu_slurp(dir);
			assert_non_null(strstr(page, "<h2>Bank rates and extra staff</h2>"));
			for (i = 0; i < plan->n_rates; i++) {
				const struct mu_rate_row *c = &plan->rates[i];
				bool is_here = io_report_rate_is_partners(
				    plan, c, view.is_partner_page ? p : MU_ALL);
				int k;
				for (k = 0; k < 2; k++) {
					/* a partner's page advertises for the extra
					 * staff who come to it */
					bool is_said =
					    is_here && (k == 1 || !view.is_partner_page ||
					                has_extra_at(plan, c, p));
					mu_buf_reset(&text);
					if (k == 0)
						io_say_rate_advert(&text, sc, plan, c);
					else if (io_say_rate_is_enhanced(c))
						io_say_rate_enhanced(&text, sc, c);
					if (text.len == 0)
						continue;
					mu_buf_reset(&esc);
					mu_buf_adds(&esc, "<li>");
					escaped(&esc, text.data);
					mu_buf_adds(&esc, "</li>");
					if ((strstr(page, esc.data) != NULL) != is_said)
						fail_msg("page %zu of plan %d %s '%s'", p, turn,
						         is_said ? "lacks" : "has", text.data);
				}
			}
			free(page);
		}
		mu_plan_free(plan);
	}
	/* the cases cover what the sentences tell apart */
	assert_true(n_adverts > 100);
	assert_true(n_enhanced > 100);
	assert_true(n_silo > 10);
	assert_true(n_fraction > 50);
	mu_buf_release(&text);
	mu_buf_release(&esc);
	mu_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rates_hand_solved_rota_and_plan),
	    cmocka_unit_test(test_rates_solve_writes_them_all),
	    cmocka_unit_test(test_rates_silo_has_a_row_per_partner),
	    cmocka_unit_test(test_rates_sentences_read_back_on_generated_plans),
	};
	return tu_run_tests(tests, NULL, NULL);
}
