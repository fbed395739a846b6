/*
 * test_io_supply.c - reading DESIGN.md §3d's files under §2's rules:
 * supply.csv and caps.csv's bank_cap on a tiny valid scenario. Each case
 * adds or swaps files and checks the exact errors (file:line:col, message,
 * one per cause) or warnings; the values read, the defaults, and that a
 * scenario without supply.csv reads and hashes as it always did.
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

/* test_io_scenario.c's base scenario: rn has bank_rate 15.33 and
 * agency_cap 23.76, hca bank_rate 12.51 and no agency_cap. */
static const struct tu_file base[] = {
    {"partners.csv", "id,name,kind\na,Acute,acute\nb,Council,social_care\n"},
    {"roles.csv", "id,name\nrn,Nurse\nhca,Support\ncw,Care worker\n"},
    {"shifts.csv", "id,date,start,end,paid_hours,enhancement\n"
                   "d1,2026-11-30,07:00,15:00,7.5,0\n"
                   "n1,2026-11-30,22:00,07:30,9,0.3\n"},
    {"demand.csv", "partner,role,shift,required,minimum\n"
                   "a,rn,d1,3,1\n"
                   "b,hca,n1,2,1\n"},
    {"staff.csv", "partner,role,shift,available\n"
                  "a,rn,d1,2\n"
                  "b,hca,n1,1\n"},
    {"caps.csv", "role,bank_rate,agency_cap\n"
                 "rn,15.33,23.76\n"
                 "hca,12.51,\n"},
    {"bank.csv", "id,role,home\nw1,rn,a\nw2,hca,b\n"},
    {"availability.csv", "worker,shift\nw1,d1\nw2,n1\n"},
};
#define N_BASE (sizeof(base) / sizeof(base[0]))

/* The SHA-256 of base as io_source_hash gave it before supply.csv was a
 * scenario file: a scenario without supply.csv hashes as it always did. */
#define BASE_HASH "c9173d546d008fc997e4c08bf86954a245a8d0865502663d165a4da8b0cc0b30"

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

#define SUPPLY_HDR "role,elasticity,reference_rate,step\n"
#define CAPS_HDR "role,bank_rate,agency_cap,bank_cap\n"

static void test_io_supply_reads_the_values(void **state)
{
	char *errors;
	struct mu_scenario *sc =
	    load("supply.csv", SUPPLY_HDR "hca,0.8,12,0.1\nrn,1.5,14.5,1\n", "caps.csv",
	         CAPS_HDR "rn,15.33,23.76,20\nhca,12.51,,\n", &errors, NULL);
	const struct mu_supply *y;
	(void)state;
	if (!sc)
		fail_msg("errors:\n%s", errors);
	free(errors);
	assert_int_equal(sc->n_supply, 2);
	y = mu_scenario_supply(sc, 1); /* hca */
	assert_ptr_equal(y, &sc->supply[0]);
	assert_true(y->elasticity == 0.8);
	assert_true(y->has_reference_rate);
	assert_true(y->reference_rate == 12);
	assert_true(y->step == 0.1);
	y = mu_scenario_supply(sc, 0); /* rn */
	assert_true(y->elasticity == 1.5 && y->reference_rate == 14.5 && y->step == 1);
	assert_null(mu_scenario_supply(sc, 2)); /* cw: no row, fixed supply */
	assert_true(mu_scenario_is_elastic(sc, 0));
	assert_false(mu_scenario_is_elastic(sc, 2));
	assert_true(mu_scenario_cap(sc, 0)->has_bank_cap);
	assert_true(mu_scenario_cap(sc, 0)->bank_cap == 20);
	assert_false(mu_scenario_cap(sc, 1)->has_bank_cap); /* empty: bank_rate */
	assert_true(mu_scenario_cap(sc, 1)->bank_rate == 12.51);
	mu_scenario_free(sc);
}

/* §3d's defaults: elasticity 0 (fixed supply), reference_rate empty (the
 * role's bank_rate), step 0.05; and columns with defaults may be left out
 * of the header, as may caps.csv's bank_cap. */
static void test_io_supply_takes_the_defaults(void **state)
{
	char *errors;
	struct mu_scenario *sc =
	    load("supply.csv", "Role,Elasticity,Reference_Rate\nrn,,\nhca,1,\n", NULL, NULL,
	         &errors, NULL);
	(void)state;
	if (!sc)
		fail_msg("errors:\n%s", errors);
	free(errors);
	assert_int_equal(sc->n_supply, 2);
	assert_true(sc->supply[0].elasticity == 0);
	assert_false(sc->supply[0].has_reference_rate);
	assert_true(sc->supply[0].step == 0.05);
	assert_false(mu_scenario_is_elastic(sc, 0)); /* ε = 0: the model of §3 */
	assert_true(sc->supply[1].elasticity == 1);
	assert_false(sc->supply[1].has_reference_rate);
	assert_true(sc->supply[1].step == 0.05);
	assert_false(mu_scenario_cap(sc, 0)->has_bank_cap); /* no bank_cap column */
	mu_scenario_free(sc);

	sc = load("supply.csv", "role\nrn\n", NULL, NULL, &errors, NULL);
	if (!sc)
		fail_msg("errors:\n%s", errors);
	free(errors);
	assert_true(sc->supply[0].elasticity == 0 && sc->supply[0].step == 0.05);
	mu_scenario_free(sc);
}

/* Without supply.csv: no rows, and the source's hash is what it was
 * before supply.csv existed; with it, the file is hashed too. */
static void test_io_supply_absent_is_no_rows_and_the_same_hash(void **state)
{
	struct mu_scenario *sc = load(NULL, NULL, NULL, NULL, NULL, NULL), *with;
	(void)state;
	assert_non_null(sc);
	assert_int_equal(sc->n_supply, 0);
	assert_null(sc->supply);
	assert_null(mu_scenario_supply(sc, 0));
	assert_string_equal(sc->source_hash, BASE_HASH);
	with = load("supply.csv", SUPPLY_HDR "rn,1,,\n", NULL, NULL, NULL, NULL);
	assert_non_null(with);
	assert_string_not_equal(with->source_hash, BASE_HASH);
	mu_scenario_free(sc);
	mu_scenario_free(with);
}

struct error_case {
	const char *file, *text;
	const char *file2, *text2;
	const char *expected; /* every error, one a line */
};

static const struct error_case cases[] = {
    {"supply.csv", SUPPLY_HDR "rm,1,,\n", NULL, NULL, "supply.csv:2:1: unknown role 'rm'\n"},
    {"supply.csv", SUPPLY_HDR "rn,1,,\nhca,1,,\nrn,2,,\n", NULL, NULL,
     "supply.csv:4:1: repeated role 'rn' (first at line 2)\n"},
    {"supply.csv", SUPPLY_HDR "rn,6,,\n", NULL, NULL,
     "supply.csv:2:2: value '6' out of range (0 to 5) in column 'elasticity'\n"},
    {"supply.csv", SUPPLY_HDR "rn,-1,,\n", NULL, NULL,
     "supply.csv:2:2: negative value '-1' in column 'elasticity': must be 0 or more\n"},
    {"supply.csv", SUPPLY_HDR "rn,1,,0\n", NULL, NULL,
     "supply.csv:2:4: value '0' out of range (more than 0, at most 1) in column 'step'\n"},
    {"supply.csv", SUPPLY_HDR "rn,1,,150\n", NULL, NULL,
     "supply.csv:2:4: value '150' out of range (more than 0, at most 1) in column 'step'\n"},
    {"supply.csv", SUPPLY_HDR "rn,1,,1.5\n", NULL, NULL,
     "supply.csv:2:4: value '1.5' out of range (more than 0, at most 1) in column 'step': a "
     "fraction, not a percentage (write 0.015 for 1.5%)\n"},
    /* a percentage where a fraction goes */
    {"supply.csv", SUPPLY_HDR "rn,1,,5\n", NULL, NULL,
     "supply.csv:2:4: value '5' out of range (more than 0, at most 1) in column 'step': a "
     "fraction, not a percentage (write 0.05 for 5%)\n"},
    {"supply.csv", SUPPLY_HDR "rn,1,0,\n", NULL, NULL,
     "supply.csv:2:3: value '0' out of range (more than 0, at most 1000000000) in column "
     "'reference_rate'\n"},
    {"supply.csv", SUPPLY_HDR "rn,1,£15.33,\n", NULL, NULL,
     "supply.csv:2:3: invalid number '£15.33' in column 'reference_rate': numbers take no "
     "currency sign (write 15.33)\n"},
    {"supply.csv", "role,elasticity,refrence_rate\nrn,1,15\n", NULL, NULL,
     "supply.csv:1:3: unknown column 'refrence_rate': did you mean 'reference_rate'? (columns: "
     "role, elasticity, reference_rate, step)\n"},
    /* every bad cell of a row, each once */
    {"supply.csv", SUPPLY_HDR "rn,9,0,2\n", NULL, NULL,
     "supply.csv:2:2: value '9' out of range (0 to 5) in column 'elasticity'\n"
     "supply.csv:2:3: value '0' out of range (more than 0, at most 1000000000) in column "
     "'reference_rate'\n"
     "supply.csv:2:4: value '2' out of range (more than 0, at most 1) in column 'step': a "
     "fraction, not a percentage (write 0.02 for 2%)\n"},
    {"supply.csv", "", NULL, NULL, "supply.csv: empty file (it needs at least a header row)\n"},
    /* bank_cap below bank_rate: both named, one error (the bank worker of
     * rn adds no "no bank_rate" of its own) */
    {"caps.csv", CAPS_HDR "rn,15.33,23.76,15\nhca,12.51,,\n", NULL, NULL,
     "caps.csv:2:4: bank_cap '15' is below bank_rate '15.33': it is the highest rate the bank "
     "may pay (write 15.33 or more, or leave it empty for no enhanced rates)\n"},
    {"caps.csv", CAPS_HDR "rn,15.33,23.76,-16\nhca,12.51,,\n", NULL, NULL,
     "caps.csv:2:4: negative value '-16' in column 'bank_cap': must be 0 or more\n"},
    {"settngs.csv", "key,value\n", NULL, NULL,
     "settngs.csv: unknown file: a scenario holds only partners, roles, shifts, demand, staff, "
     "bank, availability, agency, agreements, caps, substitutions, settings, recruits, supply "
     "and flow .csv files, and history.csv\n"},
    {"settings.csv", "key,value\nrate_card,uniforme\n", NULL, NULL,
     "settings.csv:2:2: invalid value 'uniforme' for setting 'rate_card' (one of uniform, "
     "incentive)\n"},
};

static void test_io_supply_reports_each_error(void **state)
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

/* What is allowed, however close to a limit: every range's ends, a
 * bank_cap equal to bank_rate, and a bank_cap with no bank_rate to compare
 * (a role with no bank workers needs none). */
static void test_io_supply_takes_the_limits(void **state)
{
	static const struct tu_file ok[] = {
	    {"supply.csv", SUPPLY_HDR "rn,5,0.01,1\nhca,0,1000000000,0.0001\n"},
	    {"caps.csv", CAPS_HDR "rn,15.33,23.76,15.33\nhca,12.51,,\n"},
	    {"caps.csv", CAPS_HDR "rn,15.33,23.76,\nhca,12.51,,\ncw,,,18\n"},
	    {"caps.csv", CAPS_HDR "rn,15.33,23.76,\nhca,12.51,,0\ncw,,,\n"},
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		char *errors;
		struct mu_scenario *sc = load(ok[i].name, ok[i].text, NULL, NULL, &errors, NULL);
		/* hca's bank_cap 0 is below its bank_rate: the one error */
		if (i == 3) {
			assert_null(sc);
			assert_string_equal(errors,
			                    "caps.csv:3:4: bank_cap '0' is below bank_rate "
			                    "'12.51': it is the highest rate the bank may pay "
			                    "(write 12.51 or more, or leave it empty for no "
			                    "enhanced rates)\n");
			free(errors);
			continue;
		}
		if (!sc)
			fail_msg("case %zu: errors:\n%s", i, errors);
		free(errors);
		mu_scenario_free(sc);
	}
}

struct warning_case {
	const char *file, *text;
	const char *file2, *text2;
	const char *expected; /* every warning, one a line */
};

static const struct warning_case warning_cases[] = {
    /* at the limits of what warns: nothing */
    {"supply.csv", SUPPLY_HDR "rn,2,22.995,\nhca,0.5,6.255,\n", "caps.csv",
     CAPS_HDR "rn,15.33,23.76,23.76\nhca,12.51,,40\n", ""},
    {"supply.csv", SUPPLY_HDR "rn,3,,\n", NULL, NULL,
     "supply.csv:2:2: elasticity 3 of role 'rn' is above 2: 10% more pay would bring 33% more "
     "bank staff (elasticity is the % more offers for 1% more pay)\n"},
    {"supply.csv", SUPPLY_HDR "rn,1,30,\nhca,1,6,\n", NULL, NULL,
     "supply.csv:2:3: reference_rate 30 of role 'rn' is 96% above its bank_rate 15.33 in "
     "caps.csv: it is the hourly rate at which availability.csv's offers were made\n"
     "supply.csv:3:3: reference_rate 6 of role 'hca' is 52% below its bank_rate 12.51 in "
     "caps.csv: it is the hourly rate at which availability.csv's offers were made\n"},
    /* no bank_rate to compare with: no warning */
    {"supply.csv", SUPPLY_HDR "cw,1,300,\n", NULL, NULL, ""},
    /* the columns in another order: the warning is at the cell */
    {"supply.csv", "step,reference_rate,role,elasticity\n,,rn,1\n0.1,,hca,4.5\n", NULL, NULL,
     "supply.csv:3:4: elasticity 4.5 of role 'hca' is above 2: 10% more pay would bring 54% "
     "more bank staff (elasticity is the % more offers for 1% more pay)\n"},
    {"caps.csv", CAPS_HDR "rn,15.33,23.76,24\nhca,12.51,,\n", NULL, NULL,
     "caps.csv:2:4: bank_cap 24 of role 'rn' is above its agency_cap 23.76, so the bank could "
     "pay more an hour than an agency may charge\n"},
};

/* §2's warning of a minimum no source could ever cover counts, for a role
 * whose supply answers the rate, the extra staff at the top rung: the
 * bound stays safe. a's rn on d1 has own 2 and w1 (who offered d1). */
static void test_io_supply_reach_counts_extra_staff(void **state)
{
	static const char demand[] = "partner,role,shift,required,minimum\na,rn,d1,4,4\n";
	static const struct {
		const char *supply, *caps, *expected;
	} reach[] = {
	    /* fixed supply: at most 3 */
	    {NULL, NULL,
	     "demand.csv:2:5: minimum 4 of (a, rn, d1) is more than every source could ever "
	     "cover (at most 3: own 2, mutual aid 0, bank 1, agency 0), so no plan can avoid a red "
	     "flag\n"},
	    /* S(top) = 1 x (30.66 / 15.33)^1 = 2: one extra, 4 in all */
	    {SUPPLY_HDR "rn,1,,\n", CAPS_HDR "rn,15.33,,30.66\nhca,12.51,,\n", ""},
	    /* a lower cap: S(top) = 1.5 */
	    {SUPPLY_HDR "rn,1,,\n", CAPS_HDR "rn,15.33,,22.995\nhca,12.51,,\n",
	     "demand.csv:2:5: minimum 4 of (a, rn, d1) is more than every source could ever "
	     "cover (at most 3.5: own 2, mutual aid 0, bank 1.5, agency 0), so no plan can avoid a "
	     "red flag\n"},
	    /* no bank_cap: the ladder is w_0 alone, no extra staff */
	    {SUPPLY_HDR "rn,3,,\n", NULL,
	     "demand.csv:2:5: minimum 4 of (a, rn, d1) is more than every source could ever "
	     "cover (at most 3: own 2, mutual aid 0, bank 1, agency 0), so no plan can avoid a red "
	     "flag\n"
	     "supply.csv:2:2: elasticity 3 of role 'rn' is above 2: 10% more pay would bring 33% "
	     "more bank staff (elasticity is the % more offers for 1% more pay)\n"},
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(reach) / sizeof(reach[0]); i++) {
		struct io_source *src =
		    make_source("demand.csv", demand, "supply.csv", reach[i].supply);
		struct mu_errlist *errors = mu_malloc(sizeof(*errors)),
		                  *warnings = mu_malloc(sizeof(*warnings));
		struct mu_scenario *sc = NULL;
		char *got;
		if (reach[i].caps) {
			free(src->files[5].data); /* caps.csv */
			src->files[5].data = mu_strdup(reach[i].caps);
			src->files[5].len = strlen(reach[i].caps);
		}
		mu_errlist_init(errors);
		mu_errlist_init(warnings);
		if (io_scenario_load(src, &sc, errors, warnings) != MU_OK)
			fail_msg("case %zu: errors:\n%s", i, tu_err_messages(errors));
		got = tu_err_messages(warnings);
		/* the order of warnings: §2's, then §3d's */
		if (strcmp(got, reach[i].expected) != 0)
			fail_msg("case %zu: expected warnings:\n%sgot:\n%s", i, reach[i].expected,
			         got);
		free(got);
		free(errors);
		free(warnings);
		mu_scenario_free(sc);
		io_source_free(src);
	}
}

/* §3d's warnings, printed as §2's are: at the cell, after the scenario
 * has no error. */
static void test_io_supply_warns(void **state)
{
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(warning_cases) / sizeof(warning_cases[0]); i++) {
		const struct warning_case *c = &warning_cases[i];
		char *errors, *warnings;
		struct mu_scenario *sc =
		    load(c->file, c->text, c->file2, c->text2, &errors, &warnings);
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

/* A scenario with errors gets none of the warnings: its errors come first. */
static void test_io_supply_warns_only_without_errors(void **state)
{
	char *errors, *warnings;
	struct mu_scenario *sc =
	    load("supply.csv", SUPPLY_HDR "rn,3,,\nhca,9,,\n", NULL, NULL, &errors, &warnings);
	(void)state;
	assert_null(sc);
	assert_string_equal(
	    errors, "supply.csv:3:2: value '9' out of range (0 to 5) in column 'elasticity'\n");
	assert_string_equal(warnings, "");
	free(errors);
	free(warnings);
}

/* `muster check` names supply.csv's rows and prints its warnings. */
static void test_io_supply_check_counts_the_rows(void **state)
{
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
	assert_null(strstr(r.out, "supply.csv"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "sc/supply.csv");
	tu_write(path, SUPPLY_HDR "rn,3,,\nhca,1,,\n", strlen(SUPPLY_HDR "rn,3,,\nhca,1,,\n"));
	r = tu_run("check", "sc", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", 2 supply.csv rows\n"));
	assert_non_null(strstr(r.err, "warning: supply.csv:2:2: elasticity 3 of role 'rn'"));
	tu_result_free(&r);
	tu_write(path, SUPPLY_HDR "rn,1,,\nrn,1,,\n", strlen(SUPPLY_HDR "rn,1,,\nrn,1,,\n"));
	r = tu_run("check", "sc", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "supply.csv:3:1: repeated role 'rn' (first at line 2)"));
	tu_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_io_supply_reads_the_values),
	    cmocka_unit_test(test_io_supply_takes_the_defaults),
	    cmocka_unit_test(test_io_supply_absent_is_no_rows_and_the_same_hash),
	    cmocka_unit_test(test_io_supply_reports_each_error),
	    cmocka_unit_test(test_io_supply_takes_the_limits),
	    cmocka_unit_test(test_io_supply_warns),
	    cmocka_unit_test(test_io_supply_warns_only_without_errors),
	    cmocka_unit_test(test_io_supply_reach_counts_extra_staff),
	    cmocka_unit_test(test_io_supply_check_counts_the_rows),
	};
	return tu_run_tests(tests, NULL, NULL);
}
