/*
 * test_draws.c - scenarios.csv of DESIGN.md §3e read under §2's rules
 * (io_draws.c) against a tiny valid scenario: the values read and the
 * defaults of rows a draw does not list, the day each draw makes
 * (mu_draws_day: minimum at most required, available less absent never
 * below 0, rotatable at most what is left), and each error at its cell,
 * one per cause with its count; a file inside the scenario folder refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_draws.h"
#include "io/io_draws.h"
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const struct {
	const char *name, *text;
} base[] = {
    {"partners.csv", "id,name\na,Acute\nb,Council\n"},
    {"roles.csv", "id\nrn\nhca\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\n"
                   "d1,2026-11-30,07:00,15:00,7.5\n"
                   "n1,2026-11-30,22:00,07:30,9\n"},
    {"demand.csv", "partner,role,shift,required,minimum\n"
                   "a,rn,d1,3,2\n"
                   "b,hca,n1,2,1\n"},
    {"staff.csv", "partner,role,shift,available,rotatable\n"
                  "a,rn,d1,2,2\n"
                  "b,hca,n1,1,0\n"},
};

static struct mu_scenario *load_base(void)
{
	char path[4096];
	size_t i;
	tu_path(path, sizeof(path), "sc");
	mkdir(path, 0777);
	for (i = 0; i < sizeof(base) / sizeof(base[0]); i++) {
		char file[4200];
		snprintf(file, sizeof(file), "%s/%s", path, base[i].name);
		tu_write(file, base[i].text, strlen(base[i].text));
	}
	return tu_load_dir(path);
}

/* Reads text as the scenarios file name (in tu_dir) against sc: the draws,
 * or NULL with the errors one a line in *errors (the caller's). */
static struct mu_draws *read_text(const struct mu_scenario *sc, const char *name, const char *text,
                                  char **errors)
{
	char path[4096], dir[4096];
	struct mu_errlist list;
	struct mu_draws *dr = NULL;
	tu_path(path, sizeof(path), name);
	tu_path(dir, sizeof(dir), "sc");
	tu_write(path, text, strlen(text));
	mu_errlist_init(&list);
	if (io_draws_read(path, dir, sc, &dr, &list) != MU_OK)
		dr = NULL;
	*errors = tu_err_messages(&list);
	return dr;
}

#define HDR "scenario,partner,role,shift,required,absent\n"

static void test_draws_reads_the_values_and_the_defaults(void **state)
{
	struct mu_scenario *sc = load_base();
	char *errors;
	struct mu_draws *dr =
	    read_text(sc, "s.csv",
	              HDR "s1,a,rn,d1,1.5,\n"
	                  "s1,a,rn,n1,,\n" /* no demand or staff row: nothing given */
	                  "s2,b,hca,n1,4,3\n"
	                  "s2,a,rn,d1,,1\n",
	              &errors);
	struct mu_demand demand[2];
	struct mu_staff staff[2];
	(void)state;
	if (!dr)
		fail_msg("errors:\n%s", errors);
	free(errors);
	assert_int_equal(dr->n_scenarios, 2);
	assert_string_equal(dr->ids[0], "s1");
	assert_string_equal(dr->ids[1], "s2");
	/* s1: a's nurses 1.5 (minimum 2 falls to 1.5), b keeps demand.csv's 2 */
	mu_draws_day(dr, sc, 0, demand, staff);
	assert_true(demand[0].required == 1.5 && demand[0].minimum == 1.5);
	assert_true(demand[1].required == 2 && demand[1].minimum == 1);
	assert_true(staff[0].available == 2 && staff[0].rotatable == 2);
	assert_true(staff[1].available == 1);
	/* s2: b needs 4 with 3 of its 1 absent (0 left); a loses one of 2,
	 * rotatable 2 falls to the 1 left */
	mu_draws_day(dr, sc, 1, demand, staff);
	assert_true(demand[0].required == 3 && demand[0].minimum == 2);
	assert_true(demand[1].required == 4 && demand[1].minimum == 1);
	assert_true(staff[0].available == 1 && staff[0].rotatable == 1);
	assert_true(staff[1].available == 0 && staff[1].rotatable == 0);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

static void test_draws_takes_a_header_without_absent_or_required(void **state)
{
	struct mu_scenario *sc = load_base();
	char *errors;
	struct mu_draws *dr = read_text(sc, "s.csv",
	                                "Shift,Role,Partner,Scenario,Required\n"
	                                "d1,rn,a,x,0\n",
	                                &errors);
	(void)state;
	if (!dr)
		fail_msg("errors:\n%s", errors);
	free(errors);
	assert_int_equal(dr->n_scenarios, 1);
	assert_true(dr->required[0] == 0 && dr->required[1] == 2);
	assert_true(dr->absent[0] == 0 && dr->absent[1] == 0);
	mu_draws_free(dr);
	mu_scenario_free(sc);
}

static const struct {
	const char *text;
	const char *errors; /* every message, one a line */
} bad[] = {
    {HDR "s1,a,rn,d1,£3,\n", "s.csv:2:5: invalid number '£3' in column 'required': numbers take no "
                             "currency sign (write 3)\n"},
    {HDR "s1,a,rn,d1,-1,\n",
     "s.csv:2:5: negative value '-1' in column 'required': must be 0 or more\n"},
    {HDR "s1,a,rn,d1,,1.5\n", "s.csv:2:6: invalid integer '1.5' in column 'absent'\n"},
    {HDR "s1,hospice,rn,d1,1,\ns2,hospice,rn,d1,1,\n",
     "s.csv:2:2: unknown partner 'hospice' (2 references in 1 file; partners.csv has no such "
     "id: renamed?)\n"},
    {HDR "s1,a,RN,d1,1,\n",
     "s.csv:2:3: unknown role 'RN' (did you mean 'rn'? ids are case-sensitive)\n"},
    {HDR "s1,a,rn,d1,1,\ns1,a,rn,d1,2,\n",
     "s.csv:3:1: repeated scenarios row (scenario, partner, role, shift) (first at line 2)\n"},
    {HDR "s1,a,hca,d1,1,\n",
     "s.csv:2:5: no demand row for partner 'a', role 'hca', shift 'd1' in demand.csv: a "
     "scenario gives required only for the scenario's demand rows\n"},
    {HDR "s1,b,rn,n1,,2\n",
     "s.csv:2:6: no staff row for partner 'b', role 'rn', shift 'n1' in staff.csv: a "
     "scenario gives absent only for the scenario's staff rows\n"},
    {HDR "s 1,a,rn,d1,1,\n",
     "s.csv:2:1: invalid identifier 's 1' in column 'scenario' (1-64 characters of A-Z a-z 0-9 "
     "_ . -)\n"},
    {"partner,role,shift,required\na,rn,d1,1\n", "s.csv:1: missing required column 'scenario'\n"},
    {HDR, "s.csv: no rows (at least one scenario row is needed)\n"},
    {"", "s.csv: empty file (it needs at least a header row)\n"},
    {HDR "s1,a,rn,d1,1\n", "s.csv:2:6: missing field 'absent' (row has 5 of 6)\n"},
};

static void test_draws_reports_each_error_at_its_cell(void **state)
{
	struct mu_scenario *sc = load_base();
	size_t i, n_failed = 0;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *errors, want[1024], dir[4096];
		struct mu_draws *dr = read_text(sc, "s.csv", bad[i].text, &errors);
		tu_path(dir, sizeof(dir), "s.csv");
		/* the messages name the path as given: here tu_dir()/s.csv */
		snprintf(want, sizeof(want), "%s", bad[i].errors);
		assert_null(dr);
		{
			/* drop the folder from each message to compare */
			char *out = mu_malloc(strlen(errors) + 1), *w = out;
			const char *p = errors;
			size_t n_dir = strlen(dir) - strlen("s.csv");
			while (*p) {
				if (strncmp(p, dir, n_dir) == 0)
					p += n_dir;
				*w++ = *p++;
			}
			*w = '\0';
			if (strcmp(out, want) != 0) {
				print_error("case %zu:\n got: %s\nwant: %s", i, out, want);
				n_failed++;
			}
			free(out);
		}
		free(errors);
	}
	assert_int_equal(n_failed, 0);
	mu_scenario_free(sc);
}

static void test_draws_refuses_a_file_inside_the_scenario_folder(void **state)
{
	struct mu_scenario *sc = load_base();
	char *errors, path[4096], dir[4096];
	struct mu_draws *dr;
	(void)state;
	tu_path(path, sizeof(path), "sc/sub");
	mkdir(path, 0777);
	dr = read_text(sc, "sc/sub/../scenarios.csv", HDR "s1,a,rn,d1,1,\n", &errors);
	assert_null(dr);
	tu_path(dir, sizeof(dir), "sc");
	assert_non_null(strstr(errors, "inside the scenario folder"));
	assert_non_null(strstr(errors, dir));
	assert_null(strchr(strchr(errors, '\n') + 1, '\n')); /* one message */
	free(errors);
	mu_scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_draws_reads_the_values_and_the_defaults),
	    cmocka_unit_test(test_draws_takes_a_header_without_absent_or_required),
	    cmocka_unit_test(test_draws_reports_each_error_at_its_cell),
	    cmocka_unit_test(test_draws_refuses_a_file_inside_the_scenario_folder),
	};
	return tu_run_tests(tests, NULL, NULL);
}
