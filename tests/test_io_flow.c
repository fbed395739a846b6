/*
 * test_io_flow.c - reading DESIGN.md §3f's flow.csv under §2's rules on a
 * tiny valid scenario of two days: the pathways read to their values,
 * each error exactly at its cell (file:line:col, message, one per cause),
 * each warning, that a scenario without flow.csv reads as it always did
 * and one with it hashes it, and `muster check` counting the pathways.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "io/io_scenario.h"
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An acute trust a with nurses (rn) on a day and a night of 30 November
 * and a day of 1 December; a homecare provider h with care workers (cw)
 * on both days. */
static const struct tu_file base[] = {
    {"partners.csv", "id,name,kind\na,Acute,acute\nh,Homecare,homecare\n"},
    {"roles.csv", "id,name\nrn,Nurse\nhca,Support\ncw,Care worker\n"},
    {"shifts.csv", "id,date,start,end,paid_hours,enhancement\n"
                   "d1,2026-11-30,07:00,15:00,7.5,0\n"
                   "n1,2026-11-30,22:00,07:30,9,0.3\n"
                   "d2,2026-12-01,07:00,15:00,7.5,0\n"},
    {"demand.csv", "partner,role,shift,required,minimum\n"
                   "a,rn,d1,3,1\n"
                   "a,rn,n1,2,1\n"
                   "a,rn,d2,3,1\n"
                   "h,cw,d1,1,0\n"
                   "h,cw,d2,0,0\n"},
    {"staff.csv", "partner,role,shift,available\n"
                  "a,rn,d1,2\n"
                  "a,rn,n1,2\n"
                  "a,rn,d2,2\n"
                  "h,cw,d1,1\n"},
};
#define N_BASE (sizeof(base) / sizeof(base[0]))

#define FLOW_HDR "from,to,waiting,care_role,care_hours,ward_role,ward_hours,bed_day_cost\n"

/* The base with up to two files replaced, added (a name not in the base)
 * or removed (text NULL). */
static struct io_source *make_source(const char *name, const char *text, const char *name2,
                                     const char *text2)
{
	return tu_source_with(base, N_BASE, name, text, name2, text2);
}

static struct mu_scenario *load(const char *name, const char *text, const char *name2,
                                const char *text2, char **errors_out, char **warnings_out)
{
	return tu_load_with(base, N_BASE, name, text, name2, text2, errors_out, warnings_out);
}

static void test_io_flow_reads_the_values(void **state)
{
	char *errors, *warnings;
	struct mu_scenario *sc = load("flow.csv",
	                              FLOW_HDR "a,h,25,cw,3.5,rn,2,395\n"
	                                       /* the other way, with no ward care to free */
	                                       "h,a,1,rn,0.5,cw,0,10\n",
	                              NULL, NULL, &errors, &warnings);
	const struct mu_flow *w;
	(void)state;
	if (!sc)
		fail_msg("errors:\n%s", errors);
	assert_string_equal(warnings, "");
	free(errors);
	free(warnings);
	assert_int_equal(sc->n_flows, 2);
	w = &sc->flows[0];
	assert_int_equal(w->from, 0);
	assert_int_equal(w->to, 1);
	assert_int_equal(w->waiting, 25);
	assert_int_equal(w->care_role, 2);
	assert_true(w->care_hours == 3.5);
	assert_int_equal(w->ward_role, 0);
	assert_true(w->ward_hours == 2);
	assert_true(w->bed_day_cost == 395);
	w = &sc->flows[1];
	assert_true(w->from == 1 && w->to == 0 && w->care_role == 0 && w->ward_role == 2);
	assert_true(w->ward_hours == 0 && w->care_hours == 0.5 && w->bed_day_cost == 10);
	mu_scenario_free(sc);

	sc = load("flow.csv",
	          "Bed_Day_Cost,WARD_HOURS,ward_role,care_hours,care_role,waiting,to,from\n"
	          "395,2,rn,3,cw,4,h,a\n",
	          NULL, NULL, &errors, NULL);
	if (!sc)
		fail_msg("errors:\n%s", errors);
	free(errors);
	assert_int_equal(sc->n_flows, 1);
	assert_true(sc->flows[0].from == 0 && sc->flows[0].to == 1 && sc->flows[0].waiting == 4);
	assert_true(sc->flows[0].care_hours == 3 && sc->flows[0].bed_day_cost == 395);
	mu_scenario_free(sc);
}

/* The days of the horizon: the distinct dates of the shifts, ascending
 * (a night belongs to the day it starts). */
static void test_io_flow_days_are_the_shift_dates(void **state)
{
	struct mu_scenario *sc = load(NULL, NULL, NULL, NULL, NULL, NULL);
	long *days;
	size_t n;
	(void)state;
	assert_non_null(sc);
	n = mu_scenario_days(sc, &days);
	assert_int_equal(n, 2);
	assert_int_equal(days[0], sc->shifts[0].day);
	assert_int_equal(days[1], sc->shifts[2].day);
	assert_int_equal(days[1] - days[0], 1);
	assert_int_equal(mu_scenario_day_index(days, n, sc->shifts[1].day), 0);
	assert_int_equal(mu_scenario_day_index(days, n, sc->shifts[2].day), 1);
	assert_int_equal(mu_scenario_day_index(days, n, days[1] + 1), n);
	free(days);
	mu_scenario_free(sc);
}

/* Without flow.csv: no pathways, and the hash of the same files; with it,
 * the file is hashed too. */
static void test_io_flow_absent_is_no_pathways_and_the_hash_has_it(void **state)
{
	struct mu_scenario *sc = load(NULL, NULL, NULL, NULL, NULL, NULL), *with;
	struct io_source *src = make_source(NULL, NULL, NULL, NULL);
	char hash[65];
	(void)state;
	assert_non_null(sc);
	assert_int_equal(sc->n_flows, 0);
	assert_null(sc->flows);
	io_source_hash(src, hash);
	assert_string_equal(sc->source_hash, hash);
	with = load("flow.csv", FLOW_HDR "a,h,4,cw,3,rn,2,395\n", NULL, NULL, NULL, NULL);
	assert_non_null(with);
	assert_string_not_equal(with->source_hash, hash);
	io_source_free(src);
	mu_scenario_free(sc);
	mu_scenario_free(with);
}

struct error_case {
	const char *file, *text;
	const char *file2, *text2;
	const char *expected; /* every error, one a line */
};

static const struct error_case cases[] = {
    {"flow.csv", FLOW_HDR "x,h,4,cw,3,rn,2,395\n", NULL, NULL,
     "flow.csv:2:1: unknown partner 'x'\n"},
    {"flow.csv", FLOW_HDR "a,H,4,cw,3,rn,2,395\n", NULL, NULL,
     "flow.csv:2:2: unknown partner 'H' (did you mean 'h'? ids are case-sensitive)\n"},
    {"flow.csv", FLOW_HDR "a,h,4,cx,3,rm,2,395\n", NULL, NULL,
     "flow.csv:2:4: unknown role 'cx'\n"
     "flow.csv:2:6: unknown role 'rm'\n"},
    /* waiting: a count of patients */
    {"flow.csv", FLOW_HDR "a,h,-3,cw,3,rn,2,395\n", NULL, NULL,
     "flow.csv:2:3: negative value '-3' in column 'waiting': must be 0 or more\n"},
    {"flow.csv", FLOW_HDR "a,h,2.5,cw,3,rn,2,395\n", NULL, NULL,
     "flow.csv:2:3: invalid integer '2.5' in column 'waiting'\n"},
    {"flow.csv", FLOW_HDR "a,h,,cw,3,rn,2,395\n", NULL, NULL,
     "flow.csv:2:3: empty value in required column 'waiting'\n"},
    /* hours a day: care above 0, ward 0 or more, neither above 1000 */
    {"flow.csv", FLOW_HDR "a,h,4,cw,0,rn,2,395\n", NULL, NULL,
     "flow.csv:2:5: value '0' out of range (more than 0, at most 1000) in column "
     "'care_hours'\n"},
    {"flow.csv", FLOW_HDR "a,h,4,cw,3,rn,1001,395\n", NULL, NULL,
     "flow.csv:2:7: value '1001' out of range (0 to 1000) in column 'ward_hours'\n"},
    {"flow.csv", FLOW_HDR "a,h,4,cw,3,rn,2,£395\n", NULL, NULL,
     "flow.csv:2:8: invalid number '£395' in column 'bed_day_cost': numbers take no currency "
     "sign (write 395)\n"},
    {"flow.csv", FLOW_HDR "a,h,4,cw,3,rn,2,-395\n", NULL, NULL,
     "flow.csv:2:8: negative value '-395' in column 'bed_day_cost': must be 0 or more\n"},
    /* the key (from, to, care_role, ward_role), repeated at the later row */
    {"flow.csv", FLOW_HDR "a,h,4,cw,3,rn,2,395\nh,a,2,rn,3,cw,2,395\na,h,1,cw,8,rn,1,10\n", NULL,
     NULL, "flow.csv:4:1: repeated pathway (from, to, care_role, ward_role) (first at line 2)\n"},
    /* a pathway from a partner to itself moving a row to itself */
    {"flow.csv", FLOW_HDR "a,a,4,rn,3,rn,2,395\n", NULL, NULL,
     "flow.csv:2:6: ward_role 'rn' is the care_role at the same partner: the pathway would "
     "move demand from a row to itself\n"},
    /* `from` with no ward_role demand: hca has none at a */
    {"flow.csv", FLOW_HDR "a,h,4,cw,3,hca,2,395\n", NULL, NULL,
     "flow.csv:2:1: partner 'a' has no demand row of ward_role 'hca': a pathway's from is the "
     "partner whose beds the patients are in, and whose ward_role demand their discharge "
     "lowers\n"},
    /* `to` with no care_role demand on 1 December, then on both days */
    {"flow.csv", FLOW_HDR "a,h,4,cw,3,rn,2,395\n", "demand.csv",
     "partner,role,shift,required\na,rn,d1,3\nh,cw,d1,1\n",
     "flow.csv:2:2: partner 'h' has no demand row of care_role 'cw' on 2026-12-01: a "
     "discharged patient's care goes to the to partner's shifts of that role on each day (add "
     "a demand row on a shift of each day; required may be 0)\n"},
    {"flow.csv", FLOW_HDR "a,h,4,hca,3,rn,2,395\n", NULL, NULL,
     "flow.csv:2:2: partner 'h' has no demand row of care_role 'hca' on 2026-11-30 (and 1 more "
     "day): a discharged patient's care goes to the to partner's shifts of that role on each "
     "day (add a demand row on a shift of each day; required may be 0)\n"},
    /* a broken demand.csv is the cause: the pathway is not checked
     * against it */
    {"flow.csv", FLOW_HDR "a,h,4,cw,3,rn,2,395\n", "demand.csv",
     "partner,role,shift,required\na,rn,d1,3\nh,cw,d1,x\n",
     "demand.csv:3:4: invalid number 'x' in column 'required'\n"},
    /* the header */
    {"flow.csv", "from,to,waiting,care_role,care_hours,ward_role,ward_hours\na,h,4,cw,3,rn,2\n",
     NULL, NULL, "flow.csv:1: missing required column 'bed_day_cost'\n"},
    {"flow.csv", "", NULL, NULL, "flow.csv: empty file (it needs at least a header row)\n"},
};

static void test_io_flow_reports_each_error(void **state)
{
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct error_case *c = &cases[i];
		char *errors;
		struct mu_scenario *sc = load(c->file, c->text, c->file2, c->text2, &errors, NULL);
		if (sc)
			fail_msg("case %zu: no error, expected:\n%s", i, c->expected);
		if (strcmp(errors, c->expected) != 0)
			fail_msg("case %zu: expected:\n%sgot:\n%s", i, c->expected, errors);
		free(errors);
	}
}

struct warning_case {
	const char *text;
	const char *expected; /* every warning, one a line */
};

static const struct warning_case warning_cases[] = {
    /* at the limits of what warns: nothing */
    {FLOW_HDR "a,h,1,cw,24,rn,24,0.01\n", ""},
    {FLOW_HDR "a,h,4,cw,3,rn,2,0\n",
     "flow.csv:2:8: bed_day_cost 0 on the pathway from 'a' to 'h': a patient kept in a bed "
     "then weighs nothing in the plan, so patients go home only where the ward care freed "
     "outweighs theirs (the King's Fund values a delayed bed day at about 395; give that, or "
     "your own weight)\n"},
    {FLOW_HDR "a,h,0,cw,3,rn,2,395\n",
     "flow.csv:2:3: no patient is waiting on the pathway from 'a' to 'h', so it discharges no "
     "one\n"},
    /* its header alone: legal, and almost certainly a slip */
    {FLOW_HDR, "flow.csv: no rows, so no patient is discharged (it lists each pathway home "
               "from a hospital: from, to, waiting, ...; delete the file if there is none)\n"},
    /* the columns in another order: the warning is at the cell */
    {"care_hours,ward_hours,from,to,waiting,care_role,ward_role,bed_day_cost\n"
     "28,168,a,h,3,cw,rn,395\n",
     "flow.csv:2:1: care_hours 28 on the pathway from 'a' to 'h' is above 24: it is the hours "
     "of care a patient needs a day (two carers at once count twice), not a week's\n"
     "flow.csv:2:2: ward_hours 168 on the pathway from 'a' to 'h' is above 24: it is the hours "
     "of ward care a patient needs a day, not a week's\n"},
};

/* §3f's warnings, printed as §2's are: at the cell, once the scenario has
 * no error. */
static void test_io_flow_warns(void **state)
{
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(warning_cases) / sizeof(warning_cases[0]); i++) {
		const struct warning_case *c = &warning_cases[i];
		char *errors, *warnings;
		struct mu_scenario *sc = load("flow.csv", c->text, NULL, NULL, &errors, &warnings);
		if (!sc)
			fail_msg("case %zu: errors:\n%s", i, errors);
		if (strcmp(warnings, c->expected) != 0)
			fail_msg("case %zu: expected warnings:\n%sgot:\n%s", i, c->expected,
			         warnings);
		free(errors);
		free(warnings);
		mu_scenario_free(sc);
	}
}

/* `muster check` names flow.csv's pathways, prints its warnings, and
 * exits 2 on its errors. */
static void test_io_flow_check_counts_the_pathways(void **state)
{
	static const char warned[] = FLOW_HDR "a,h,4,cw,30,rn,2,395\n";
	static const char broken[] = FLOW_HDR "a,h,4,cw,3,rn,2,395\na,h,1,cw,3,rn,2,395\n";
	char path[512];
	size_t i;
	struct tu_result r;
	(void)state;
	tu_path(path, sizeof(path), "sc");
	mkdir(path, 0777);
	for (i = 0; i < N_BASE; i++) {
		tu_path(path, sizeof(path), "sc");
		snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", base[i].name);
		tu_write(path, base[i].text, strlen(base[i].text));
	}
	r = tu_run("check", "sc", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "flow.csv"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "sc/flow.csv");
	tu_write(path, warned, strlen(warned));
	r = tu_run("check", "sc", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", 1 flow.csv pathway\n"));
	assert_non_null(strstr(r.err, "warning: flow.csv:2:5: care_hours 30 on the pathway"));
	tu_result_free(&r);
	tu_write(path, broken, strlen(broken));
	r = tu_run("check", "sc", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(
	    strstr(r.err, "flow.csv:3:1: repeated pathway (from, to, care_role, ward_role)"));
	tu_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_io_flow_reads_the_values),
	    cmocka_unit_test(test_io_flow_days_are_the_shift_dates),
	    cmocka_unit_test(test_io_flow_absent_is_no_pathways_and_the_hash_has_it),
	    cmocka_unit_test(test_io_flow_reports_each_error),
	    cmocka_unit_test(test_io_flow_warns),
	    cmocka_unit_test(test_io_flow_check_counts_the_pathways),
	};
	return tu_run_tests(tests, NULL, NULL);
}
