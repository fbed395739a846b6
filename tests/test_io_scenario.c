/*
 * test_io_scenario.c - every rule of DESIGN.md §2 on a tiny valid scenario:
 * each case swaps one file for a broken one and checks the exact error,
 * file:line:col and message, and that no other error follows from it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_settings.h"
#include "io/io_scenario.h"
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct file_text {
	const char *name;
	const char *text;
};

static const struct file_text base[] = {
    {"partners.csv", "id,name,kind,agency_budget,pay_bill\n"
                     "a,Acute,acute,1000,50000\n"
                     "b,Council,Social_Care,,\n"},
    {"roles.csv", "id,name,group,band\n"
                  "rn,Nurse,registered_nursing,5\n"
                  "hca,Support,nursing_support,2\n"},
    {"shifts.csv", "id,date,start,end,paid_hours,enhancement\n"
                   "d1,2026-11-30,07:00,15:00,7.5,0\n"
                   "n1,2026-11-30,22:00,07:30,9,0.3\n"},
    {"demand.csv", "partner,role,shift,required,minimum,priority\n"
                   "a,rn,d1,3,2,1\n"
                   "b,hca,n1,2,1,2\n"},
    {"staff.csv", "partner,role,shift,available,rotatable\n"
                  "a,rn,d1,2,1\n"
                  "b,hca,n1,1,0\n"},
    {"caps.csv", "role,bank_rate,agency_cap\n"
                 "rn,15.33,23.76\n"
                 "hca,12.51,\n"},
    {"bank.csv", "id,name,role,home,max_hours,partners\n"
                 "w1,Ann,rn,a,37.5,*\n"
                 "w2,Bob,hca,b,,a;b\n"},
    {"availability.csv", "worker,shift\n"
                         "w1,d1\n"
                         "w2,n1\n"},
    {"agency.csv", "supplier,tier,framework,role,partner,rate,capacity\n"
                   "ag1,1,yes,rn,*,23,2\n"
                   "ag2,2,no,hca,b,30,\n"},
    {"agreements.csv", "from,to,role,max_per_shift,travel_cost,recharge_rate\n"
                       "a,b,*,2,10,0\n"
                       "a,b,rn,1,10,19.6\n"},
    {"substitutions.csv", "role,covers,efficiency\n"
                          "rn,hca,0.9\n"},
    {"settings.csv", "key,value\n"
                     "shortfall_penalty,200\n"
                     "Allow_Break_Glass,YES\n"},
};
#define N_BASE (sizeof(base) / sizeof(base[0]))

/* The base scenario with one file replaced (text NULL: removed; a name not
 * in the base: added). */
static struct io_source *make_source(const char *name, const char *text, size_t text_len)
{
	struct io_source *src = mu_calloc(1, sizeof(*src));
	size_t i;
	bool is_replaced = false;
	src->label = mu_strdup("test");
	src->files = mu_calloc(N_BASE + 1, sizeof(*src->files));
	for (i = 0; i < N_BASE + 1; i++) {
		const char *n = i < N_BASE ? base[i].name : name;
		const char *t = i < N_BASE ? base[i].text : text;
		size_t len = t ? strlen(t) : 0;
		struct io_file *f;
		if (!n || (i == N_BASE && is_replaced))
			continue;
		if (name && strcmp(n, name) == 0) {
			is_replaced = true;
			if (!text)
				continue;
			t = text;
			len = text_len;
		}
		f = &src->files[src->n_files++];
		f->name = mu_strdup(n);
		f->data = mu_malloc(len + 1);
		memcpy(f->data, t, len);
		f->data[len] = '\0';
		f->len = len;
	}
	return src;
}

static void test_io_scenario_reads_the_base(void **state)
{
	struct io_source *src = make_source(NULL, NULL, 0);
	struct mu_scenario *sc = NULL;
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	(void)state;
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_OK);
	assert_int_equal(errors->n_total, 0);
	assert_int_equal(sc->n_partners, 2);
	assert_string_equal(sc->partners[1].name, "Council");
	assert_int_equal(sc->partners[1].kind, MU_KIND_SOCIAL_CARE);
	assert_true(sc->partners[0].has_agency_budget);
	assert_false(sc->partners[1].has_agency_budget);
	assert_int_equal(sc->shifts[1].abs_end - sc->shifts[1].abs_start, 570); /* 22:00-07:30 */
	assert_true(sc->shifts[1].enhancement == 0.3);
	assert_int_equal(sc->n_demand, 2);
	assert_true(sc->demand[1].priority == 2);
	assert_int_equal(sc->staff[0].rotatable, 1);
	assert_true(sc->bank[0].is_all_partners);
	assert_true(sc->bank[1].max_hours == 48); /* default */
	assert_int_equal(sc->bank[1].n_partners, 2);
	assert_int_equal(sc->agency[0].partner, MU_ALL);
	assert_int_equal(sc->agency[1].capacity, MU_UNLIMITED);
	assert_false(sc->agency[1].is_framework);
	assert_int_equal(sc->agreements[0].role, MU_ALL);
	assert_int_equal(sc->agreements[1].role, 0);
	assert_true(sc->substitutions[0].efficiency == 0.9);
	assert_true(sc->settings.allow_break_glass);
	assert_true(sc->settings.floor_penalty == 2000); /* default */
	assert_false(sc->caps[1].has_agency_cap);
	assert_ptr_equal(mu_scenario_cap(sc, 1), &sc->caps[1]); /* hca */
	assert_true(mu_scenario_cap(sc, 0)->agency_cap == 23.76);
	mu_scenario_free(sc);
	io_source_free(src);
	free(errors);
}

/* recruits.csv's cells and defaults (DESIGN.md §3c): max_posts empty is
 * unlimited, hours_per_week 37.5, nights yes. */
static void test_io_scenario_reads_recruits(void **state)
{
	static const char text[] = "partner,role,annual_cost,max_posts,hours_per_week,nights\n"
	                           "a,rn,42000,3,30,NO\n"
	                           "b,hca,28000.50,,,\n";
	struct io_source *src = make_source("recruits.csv", text, strlen(text));
	struct mu_scenario *sc = NULL;
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	(void)state;
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_OK);
	assert_int_equal(sc->n_recruits, 2);
	assert_int_equal(sc->recruits[0].partner, 0);
	assert_int_equal(sc->recruits[0].role, 0);
	assert_true(sc->recruits[0].annual_cost == 42000);
	assert_int_equal(sc->recruits[0].max_posts, 3);
	assert_true(sc->recruits[0].hours_per_week == 30);
	assert_false(sc->recruits[0].is_nights);
	assert_int_equal(sc->recruits[1].partner, 1);
	assert_int_equal(sc->recruits[1].role, 1);
	assert_true(sc->recruits[1].annual_cost == 28000.5);
	assert_int_equal(sc->recruits[1].max_posts, MU_UNLIMITED);
	assert_true(sc->recruits[1].hours_per_week == 37.5);
	assert_true(sc->recruits[1].is_nights);
	mu_scenario_free(sc);
	io_source_free(src);
	free(errors);
}

struct error_case {
	const char *file;
	const char *text;     /* NULL: the file is removed */
	const char *expected; /* the first error, formatted */
	size_t n_errors;      /* how many errors in all */
};

#define X10 "xxxxxxxxxx"
#define X50 X10 X10 X10 X10 X10
#define DEMAND_HDR "partner,role,shift,required,minimum,priority\n"
#define STAFF_HDR "partner,role,shift,available,rotatable\n"
#define SHIFT_HDR "id,date,start,end,paid_hours,enhancement\n"
#define BANK_HDR "id,name,role,home,max_hours,partners\n"
#define AGENCY_HDR "supplier,tier,framework,role,partner,rate,capacity\n"
#define AGREE_HDR "from,to,role,max_per_shift,travel_cost,recharge_rate\n"
#define RECRUIT_HDR "partner,role,annual_cost,max_posts,hours_per_week,nights\n"

static const struct error_case cases[] = {
    /* files */
    {"partners.csv", NULL, "partners.csv: missing: every scenario needs this file", 1},
    {"staff.csv", NULL, "staff.csv: missing: every scenario needs this file", 1},
    {"settngs.csv", "key,value\n",
     "settngs.csv: unknown file: a scenario holds only partners, roles, shifts, demand, staff, "
     "bank, availability, agency, agreements, caps, substitutions, settings, recruits, supply and "
     "flow .csv files, and history.csv",
     1},
    {"agency.csv", "", "agency.csv: empty file (it needs at least a header row)", 1},
    {"agency.csv", "\n  \n\r\n", "agency.csv: no header row (the file holds only blank lines)", 1},
    /* with no roles, every role reference would be unknown: one cause, one error */
    {"roles.csv", "id,name\n", "roles.csv: no rows (at least one role is needed)", 1},
    {"demand.csv", DEMAND_HDR, "demand.csv: no rows (at least one demand row is needed)", 1},
    /* below the columns */
    {"demand.csv", DEMAND_HDR "a,rn,\"d1,3,2,1\n",
     "demand.csv:2:3: unterminated quote: the quote that opens this field is never closed "
     "(close it, or remove it)",
     1},
    {"demand.csv", DEMAND_HDR "a,rn,d\"1,3,2,1\n",
     "demand.csv:2:3: malformed quoting: a quote inside an unquoted field, or text after a "
     "closing quote",
     1},
    /* header */
    {"demand.csv", "partner,role,shift,required,minimun\na,rn,d1,3,2\n",
     "demand.csv:1:5: unknown column 'minimun': did you mean 'minimum'? (columns: partner, "
     "role, shift, required, minimum, priority)",
     1},
    /* a name close to a column the header lacks (case, spaces and
     * underscores aside, a typo, or a word around it) is guessed, and that
     * column is not missing as well */
    {"demand.csv", "Partner ID,role,shift,required\na,rn,d1,3\n",
     "demand.csv:1:1: unknown column 'Partner ID': did you mean 'partner'? (columns: partner, "
     "role, shift, required, minimum, priority)",
     1},
    {"partners.csv", "Partner ID,Name\na,Acute\nb,Council\n",
     "partners.csv:1:1: unknown column 'Partner ID': did you mean 'id'? (columns: id, name, "
     "kind, agency_budget, pay_bill)",
     1},
    {"shifts.csv", "id,Shift Date,start,end,Paid Hours\nd1,2026-11-30,07:00,15:00,7.5\n",
     "shifts.csv:1:2: unknown column 'Shift Date': did you mean 'date'? (columns: id, date, "
     "start, end, paid_hours, enhancement)",
     2},
    {"demand.csv", "partner,role,shfit,requried\na,rn,d1,3\n",
     "demand.csv:1:3: unknown column 'shfit': did you mean 'shift'? (columns: partner, role, "
     "shift, required, minimum, priority)",
     2},
    /* nothing close, or a column the header has: no guess, and the missing
     * column is its own error */
    {"demand.csv", "partner,role,xyz,required\na,rn,d1,3\n",
     "demand.csv:1:3: unknown column 'xyz' (columns: partner, role, shift, required, minimum, "
     "priority)",
     2},
    {"demand.csv", "partner,role,shift,required,Roles\na,rn,d1,3,rn\n",
     "demand.csv:1:5: unknown column 'Roles' (columns: partner, role, shift, required, minimum, "
     "priority)",
     1},
    /* a file separated by ';' (or tabs) is one error for the file */
    {"demand.csv", "partner;role;shift;required\na;rn;d1;3\nb;hca;n1;2,5\n",
     "demand.csv: its fields are separated by ';', not commas: muster reads comma-separated CSV "
     "(save it again with ',' as the field separator)",
     1},
    {"partners.csv", "id;name;kind\na;Acute;acute\nb;Council;social_care\n",
     "partners.csv: its fields are separated by ';', not commas: muster reads comma-separated "
     "CSV (save it again with ',' as the field separator)",
     1},
    {"roles.csv", "id\tname\nrn\tNurse\nhca\tSupport\n",
     "roles.csv: its fields are separated by tabs, not commas: muster reads comma-separated CSV "
     "(save it again with ',' as the field separator)",
     1},
    /* a file that is no scenario's (a link to /etc/passwd): its header
     * cells are cut, not echoed whole */
    {"partners.csv", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/usr/sbin/nologin\n",
     "partners.csv:1:1: unknown column 'root:x:0:0:root:/root:/b...' (columns: id, name, kind, "
     "agency_budget, pay_bill)",
     2},
    {"demand.csv", "partner,role,shift,required,\na,rn,d1,3,\n",
     "demand.csv:1:5: empty column name (a trailing comma?)", 1},
    {"demand.csv", "partner,role,shift,required,Role\na,rn,d1,3,rn\n",
     "demand.csv:1:5: repeated column 'Role'", 1},
    {"demand.csv", "partner,role,required\na,rn,3\n",
     "demand.csv:1: missing required column 'shift'", 1},
    {"demand.csv", " Partner , ROLE ,\"shift\",required\na,rn,d1,3\n", NULL, 0},
    /* rows */
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,2,1\nb,hca,\"n\n1\"\n",
     "demand.csv:4:4: missing field 'required' (row has 3 of 6)", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,2,1\nb,hca,n1,2,1,2,9\n",
     "demand.csv:3:7: extra field (row has 7, the header 6)", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,,2,1\n",
     "demand.csv:2:4: empty value in required column 'required'", 1},
    /* rows of only commas (a spreadsheet's leftovers): one error per file,
     * counted, however many there are and wherever they stand */
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,2,1\n,,,,,\n",
     "demand.csv:3: an empty row (only commas): delete it", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,2,1\n,,,,,\nb,hca,n1,2,1,2\n,,,,,\r\n , ,\"\",,,\n",
     "demand.csv:3: an empty row (only commas): delete it (and 2 more like it, the last at line "
     "6)",
     1},
    {"partners.csv", "id,name\n,\n,\n",
     "partners.csv:2: an empty row (only commas): delete it (and 1 more like it, the last at "
     "line 3)",
     2},
    {"demand.csv", DEMAND_HDR "a,rn,tue-n,3,2,1\n", "demand.csv:2:3: unknown shift 'tue-n'", 1},
    {"demand.csv", DEMAND_HDR "a,nurse,d1,3,2,1\n", "demand.csv:2:2: unknown role 'nurse'", 1},
    {"demand.csv", DEMAND_HDR "c,rn,d1,3,2,1\n", "demand.csv:2:1: unknown partner 'c'", 1},
    {"demand.csv", DEMAND_HDR "a b,rn,d1,3,2,1\n",
     "demand.csv:2:1: invalid identifier 'a b' in column 'partner' (1-64 characters of A-Z a-z "
     "0-9 _ . -)",
     1},
    {"demand.csv", DEMAND_HDR "*,rn,d1,3,2,1\n",
     "demand.csv:2:1: '*' is not allowed in column 'partner': name one partner", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,2,1\n\na,rn,d1,3,2,1\n",
     "demand.csv:4:1: repeated demand row (partner, role, shift) (first at line 2)", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,4,1\n",
     "demand.csv:2:5: minimum '4' is more than required '3'", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,nan,1,1\n",
     "demand.csv:2:4: invalid number 'nan' in column 'required'", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,inf,1,1\n",
     "demand.csv:2:4: invalid number 'inf' in column 'required'", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,-3,1,1\n",
     "demand.csv:2:4: negative value '-3' in column 'required': must be 0 or more", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,1,-1\n",
     "demand.csv:2:6: negative value '-1' in column 'priority': must be more than 0", 1},
    {"staff.csv", STAFF_HDR "a,rn,d1,-21,0\n",
     "staff.csv:2:4: negative value '-21' in column 'available': must be 0 or more", 1},
    {"agency.csv", AGENCY_HDR "ag1,-1,yes,rn,*,23,2\n",
     "agency.csv:2:2: negative value '-1' in column 'tier': must be 1 or more", 1},
    {"settings.csv", "key,value\nmin_rest_hours,-11\n",
     "settings.csv:2:2: negative value '-11' for setting 'min_rest_hours': must be 0 or more", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3e2,1,1\n",
     "demand.csv:2:4: invalid number '3e2' in column 'required': numbers take no exponent "
     "(write 300)",
     1},
    /* a column in scientific format is one cause, counted; another column
     * is another */
    {"demand.csv", DEMAND_HDR "a,rn,d1,3.00E+00,2.00E+00,1\nb,hca,n1,2.00E+00,1,2\n",
     "demand.csv:2:4: invalid number '3.00E+00' in column 'required': numbers take no exponent "
     "(write 3) (and 1 more number like it in this column: format the column as Number, not "
     "Scientific, before saving)",
     2},
    {"staff.csv", STAFF_HDR "a,rn,d1,3.00E+00,0\n",
     "staff.csv:2:4: invalid integer '3.00E+00' in column 'available': numbers take no "
     "exponent (write 3)",
     1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3abc,1,1\n",
     "demand.csv:2:4: invalid number '3abc' in column 'required'", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,\"1,000\",1,1\n",
     "demand.csv:2:4: invalid number '1,000' in column 'required': numbers take no thousands "
     "separator (write 1000)",
     1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,99999999999999999999,1,1\n",
     "demand.csv:2:4: invalid number '99999999999999999999' in column 'required'", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,2000000,1,1\n",
     "demand.csv:2:4: value '2000000' out of range (0 to 1000000) in column 'required'", 1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,1,0\n",
     "demand.csv:2:6: value '0' out of range (more than 0, at most 1000000) in column "
     "'priority'",
     1},
    {"staff.csv", STAFF_HDR "a,rn,d1,2,3\n",
     "staff.csv:2:5: rotatable '3' is more than available '2'", 1},
    {"staff.csv", STAFF_HDR "a,rn,d1,2.5,0\n",
     "staff.csv:2:4: invalid integer '2.5' in column 'available'", 1},
    {"staff.csv", STAFF_HDR "a,rn,d1,2,1\na,rn,d1,1,0\n",
     "staff.csv:3:1: repeated staff row (partner, role, shift) (first at line 2)", 1},
    {"shifts.csv", SHIFT_HDR "d1,2026-02-29,07:00,15:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:2: invalid date '2026-02-29' in column 'date' (YYYY-MM-DD)", 1},
    /* dates a spreadsheet wrote in its locale's form: one error for the
     * column, the first date rewritten, its day and month said when they
     * could be either */
    {"shifts.csv", SHIFT_HDR "d1,30/11/2026,07:00,15:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:2: invalid date '30/11/2026' in column 'date': dates are YYYY-MM-DD: write "
     "2026-11-30",
     1},
    {"shifts.csv", SHIFT_HDR "d1,30/11/2026,07:00,15:00,7.5,0\nn1,1/12/2026,22:00,07:30,9,0\n",
     "shifts.csv:2:2: invalid date '30/11/2026' in column 'date': dates are YYYY-MM-DD: write "
     "2026-11-30 (and 1 more date like it in this column: format the column as yyyy-mm-dd "
     "before saving)",
     1},
    {"shifts.csv", SHIFT_HDR "d1,03/04/2026,07:00,15:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:2: invalid date '03/04/2026' in column 'date': dates are YYYY-MM-DD: write "
     "2026-04-03 if it means 3 April, 2026-03-04 if it means 4 March",
     1},
    {"shifts.csv",
     SHIFT_HDR "d1,01.12.2026 00:00,07:00,15:00,7.5,0\nn1,30.11.2026 00:00,22:00,07:30,9,0\n",
     "shifts.csv:2:2: invalid date '01.12.2026 00:00' in column 'date': dates are YYYY-MM-DD: "
     "write 2026-12-01 (day first, as other dates in this column are) (and 1 more date like it "
     "in this column: format the column as yyyy-mm-dd before saving)",
     1},
    {"shifts.csv", SHIFT_HDR "d1,12/01/2026,07:00,15:00,7.5,0\nn1,11/30/2026,22:00,07:30,9,0\n",
     "shifts.csv:2:2: invalid date '12/01/2026' in column 'date': dates are YYYY-MM-DD: write "
     "2026-12-01 (month first, as other dates in this column are) (and 1 more date like it in "
     "this column: format the column as yyyy-mm-dd before saving)",
     1},
    {"shifts.csv", SHIFT_HDR "d1,11/30/2026,07:00,15:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:2: invalid date '11/30/2026' in column 'date': dates are YYYY-MM-DD: write "
     "2026-11-30 (it is month first)",
     1},
    /* no calendar date either way, or not a date's form: as before */
    {"shifts.csv", SHIFT_HDR "d1,31/02/2026,07:00,15:00,7.5,0\nn1,30/11/26,22:00,07:30,9,0\n",
     "shifts.csv:2:2: invalid date '31/02/2026' in column 'date' (YYYY-MM-DD)", 2},
    {"shifts.csv", SHIFT_HDR "d1,2026-11-30,25:00,15:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:3: invalid time '25:00' in column 'start'", 1},
    {"shifts.csv", SHIFT_HDR "d1,2026-11-30,07:00,15:00,0,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:5: value '0' out of range (more than 0, at most 24) in column 'paid_hours'", 1},
    {"shifts.csv", SHIFT_HDR "d1,2026-11-30,07:00,15:00,7.5,3.5\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:6: value '3.5' out of range (0 to 3) in column 'enhancement'", 1},
    {"shifts.csv",
     SHIFT_HDR "d1,2026-11-30,07:00,15:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n"
               "d1,2026-12-01,22:00,07:30,9,0\n",
     "shifts.csv:4:1: repeated shift id 'd1'", 1},
    {"partners.csv", "id,kind\na,hospital\nb,vcse\n",
     "partners.csv:2:2: unknown kind 'hospital' (one of acute, community, mental_health, "
     "ambulance, primary_care, social_care, homecare, hospice, vcse, other)",
     1},
    {"partners.csv", "id,agency_budget\na,2000000000\nb,\n",
     "partners.csv:2:2: value '2000000000' out of range (0 to 1000000000) in column "
     "'agency_budget'",
     1},
    {"partners.csv", "id,name\na," X50 X50 X50 X50 "x\nb,\n",
     "partners.csv:2:2: text longer than 200 characters in column 'name'", 1},
    {"roles.csv", "id,group\nrn,nurses\nhca,\n",
     "roles.csv:2:2: unknown group 'nurses' (one of registered_nursing, nursing_support, "
     "medical, ahp, social_care, other)",
     1},
    {"caps.csv", "role,bank_rate\nrn,15\nhca,\n",
     "bank.csv:3:3: role 'hca' has no bank_rate in caps.csv, so the worker cannot be costed", 1},
    {"caps.csv", "role,bank_rate\nrn,15\n",
     "bank.csv:3:3: role 'hca' has no bank_rate in caps.csv, so the worker cannot be costed", 1},
    {"caps.csv", "role,bank_rate\nrn,15\nhca,12\nrn,16\n",
     "caps.csv:4:1: repeated role (first at line 2)", 1},
    {"bank.csv", BANK_HDR "w1,Ann,rn,a,0,*\nw2,Bob,hca,b,,\n",
     "bank.csv:2:5: value '0' out of range (more than 0, at most 10000) in column 'max_hours'", 1},
    {"bank.csv", BANK_HDR "w1,Ann,rn,a,,a;*\nw2,Bob,hca,b,,\n",
     "bank.csv:2:6: '*' must stand alone in column 'partners', not in 'a;*'", 1},
    {"bank.csv", BANK_HDR "w1,Ann,rn,a,,a;zz\nw2,Bob,hca,b,,\n",
     "bank.csv:2:6: unknown partner 'zz' in column 'partners'", 1},
    {"bank.csv", BANK_HDR "w1,Ann,rn,a,,a;;b\nw2,Bob,hca,b,,\n",
     "bank.csv:2:6: empty partner in list 'a;;b' in column 'partners'", 1},
    {"bank.csv", BANK_HDR "w1,Ann,rn,a,,\nw2,Bob,hca,b,,\nw1,Cy,hca,b,,\n",
     "bank.csv:4:1: repeated bank worker id 'w1'", 1},
    {"availability.csv", "worker,shift\nw1,d1\nw9,d1\n",
     "availability.csv:3:1: unknown bank worker 'w9'", 1},
    {"availability.csv", "worker,shift\nw1,d1\nw1,d1\n",
     "availability.csv:3:1: repeated availability (worker, shift) (first at line 2)", 1},
    {"availability.csv", "worker,shift,preference\nw1,d1,prefer\nw2,n1,maybe\n",
     "availability.csv:3:3: unknown preference 'maybe' (one of neutral, prefer, avoid)", 1},
    {"availability.csv", "worker,shift,preference\nw1,d1,yes\nw2,n1,no\n",
     "availability.csv:2:3: unknown preference 'yes' (one of neutral, prefer, avoid)", 2},
    {"availability.csv", "preference,worker,shift\n\"Prefer \",w1,d1\nAVOID,w2,n1\n", NULL, 0},
    {"availability.csv", "worker,shift,preference\nw1,d1,\nw2,n1,neutral\n", NULL, 0},
    {"availability.csv", "worker,shift,preference,preference\nw1,d1,prefer,prefer\n",
     "availability.csv:1:4: repeated column 'preference'", 1},
    {"agency.csv", AGENCY_HDR "ag1,0,yes,rn,*,23,2\n",
     "agency.csv:2:2: value '0' out of range (1 to 1000) in column 'tier'", 1},
    {"agency.csv", AGENCY_HDR "ag1,1,maybe,rn,*,23,2\n",
     "agency.csv:2:3: invalid value 'maybe' in column 'framework' (yes or no)", 1},
    {"agency.csv", AGENCY_HDR "ag1,1,yes,*,*,23,2\n",
     "agency.csv:2:4: '*' is not allowed in column 'role': name one role", 1},
    {"agency.csv", AGENCY_HDR "ag1,1,yes,rn,*,23,2\nag1,2,yes,rn,*,25,\n",
     "agency.csv:3:1: repeated agency offer (supplier, role, partner) (first at line 2)", 1},
    {"agency.csv", AGENCY_HDR "ag1,1,yes,rn,*,23,2\nag1,2,yes,rn,a,25,\nag2,1,yes,rn,*,9,\n", NULL,
     0},
    {"agreements.csv", AGREE_HDR "a,a,*,2,10,0\n",
     "agreements.csv:2:2: agreement from partner 'a' to itself", 1},
    {"agreements.csv", AGREE_HDR "a,b,*,2,10,0\na,b,*,1,0,0\n",
     "agreements.csv:3:1: repeated agreement (from, to, role) (first at line 2)", 1},
    {"agreements.csv", AGREE_HDR "a,b,*,1.5,10,0\n",
     "agreements.csv:2:4: invalid integer '1.5' in column 'max_per_shift'", 1},
    {"substitutions.csv", "role,covers\nrn,rn\n", "substitutions.csv:2:2: role 'rn' covers itself",
     1},
    {"substitutions.csv", "role,covers,efficiency\nrn,hca,1.5\n",
     "substitutions.csv:2:3: value '1.5' out of range (more than 0, at most 1) in column "
     "'efficiency'",
     1},
    {"substitutions.csv", "role,covers,efficiency\nrn,hca,0\n",
     "substitutions.csv:2:3: value '0' out of range (more than 0, at most 1) in column "
     "'efficiency'",
     1},
    {"substitutions.csv", "role,covers\nrn,hca\nrn,hca\n",
     "substitutions.csv:3:1: repeated substitution (role, covers) (first at line 2)", 1},
    {"settings.csv", "key,value\nshortfal_penalty,3\n",
     "settings.csv:2:1: unknown setting 'shortfal_penalty' (one of shortfall_penalty, "
     "floor_penalty, min_rest_hours, allow_break_glass, break_glass_penalty, tier_penalty, "
     "agency_budget, guarantee, change_penalty, preference_weight, bank_min_share, "
     "bank_share_penalty, recruit_budget, rate_card, late_agency_premium)",
     1},
    {"settings.csv", "key,value\nagency_budget,\n",
     "settings.csv:2:2: empty value for setting 'agency_budget'", 1},
    {"settings.csv", "key,value\nmin_rest_hours,49\n",
     "settings.csv:2:2: value '49' out of range (0 to 48) for setting 'min_rest_hours'", 1},
    {"settings.csv", "key,value\nallow_break_glass,y\n",
     "settings.csv:2:2: invalid value 'y' for setting 'allow_break_glass' (yes or no)", 1},
    {"settings.csv", "key,value\ntier_penalty,1\nTIER_PENALTY,2\n",
     "settings.csv:3:1: repeated setting (first at line 2)", 1},
    {"settings.csv", "key,value\nfloor_penalty,10\n", NULL, 0},
    {"settings.csv", "key,value\nguarantee,maybe\n",
     "settings.csv:2:2: invalid value 'maybe' for setting 'guarantee' (one of none, unfilled)", 1},
    {"settings.csv", "key,value\nrecruit_budget,\n",
     "settings.csv:2:2: empty value for setting 'recruit_budget'", 1},
    {"settings.csv", "key,value\nbank_min_share,1.01\n",
     "settings.csv:2:2: value '1.01' out of range (0 to 1) for setting 'bank_min_share'", 1},
    {"settings.csv",
     "key,value\nguarantee,unfilled\nchange_penalty,0\npreference_weight,5\n"
     "bank_min_share,0.5\nbank_share_penalty,1\nrecruit_budget,250000\n",
     NULL, 0},
    /* one error per cause, at the first place, with a count: partner b renamed
     * c is named by demand, staff, bank (home and list), agency and both
     * agreements */
    {"partners.csv", "id,name\na,Acute\nc,Council\n",
     "demand.csv:3:1: unknown partner 'b' (7 references in 5 files; partners.csv has no such "
     "id: renamed 'c'?)",
     1},
    {"roles.csv", "id\nrn5\nhca\n",
     "caps.csv:2:1: unknown role 'rn' (7 references in 7 files; roles.csv has no such id: "
     "renamed 'rn5'?)",
     1},
    {"shifts.csv", SHIFT_HDR "e1,2026-11-30,07:00,15:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "demand.csv:2:3: unknown shift 'd1' (3 references in 3 files; shifts.csv has no such id: "
     "renamed 'e1'?)",
     1},
    /* w1 and w2 are both named nowhere: no one to suggest */
    {"availability.csv", "worker,shift\nw9,d1\nw9,n1\n",
     "availability.csv:2:1: unknown bank worker 'w9' (2 references in 1 file; bank.csv has no "
     "such id: renamed?)",
     1},
    {"demand.csv", DEMAND_HDR "A,rn,d1,3,2,1\n",
     "demand.csv:2:1: unknown partner 'A' (did you mean 'a'? ids are case-sensitive)", 1},
    {"bank.csv", BANK_HDR "w1,Ann,rn,a,,a;zz\nw2,Bob,hca,zz,,\n",
     "bank.csv:2:6: unknown partner 'zz' in column 'partners' (2 references in 1 file; "
     "partners.csv has no such id: renamed?)",
     1},
    /* a row of the wrong shape: its id was not read, and references to it
     * add nothing; an unquoted thousands separator says so */
    {"partners.csv", "id,name,kind,agency_budget,pay_bill\na,Acute,acute,1,000,50000\nb,,,,\n",
     "partners.csv:2:6: extra field (row has 6, the header 5): the comma in '1,000' splits the "
     "row: numbers take no thousands separator (write 1000)",
     1},
    {"partners.csv", "id,name,kind,agency_budget,pay_bill\na,Acute,acute,1,000,50,000.5\nb,,,,\n",
     "partners.csv:2:6: extra field (row has 7, the header 5): the comma in '1,000' (and 1 more "
     "number) splits the row: numbers take no thousands separator (write 1000)",
     1},
    {"partners.csv",
     "id,name,kind,agency_budget,pay_bill\na,Acute,acute,\xc2\xa3"
     "45,000,\nb,,,,\n",
     "partners.csv:2:6: extra field (row has 6, the header 5): the comma in '\xc2\xa3"
     "45,000' "
     "splits the row: numbers take no thousands separator (write 45000)",
     1},
    {"partners.csv", "id,name,kind\na,Acute\nb,,\n",
     "partners.csv:2:3: missing field 'kind' (row has 2 of 3)", 1},
    /* caps: a bad bank_rate is the cause, not its workers; no caps.csv is one
     * cause; a caps.csv not read whole adds no bank_rate errors */
    {"caps.csv",
     "role,bank_rate\nrn,\xc2\xa3"
     "15.33\nhca,12.51\n",
     "caps.csv:2:2: invalid number '\xc2\xa3"
     "15.33' in column 'bank_rate': numbers take no "
     "currency sign (write 15.33)",
     1},
    {"caps.csv", NULL,
     "bank.csv:2:3: role 'rn' has no bank_rate: there is no caps.csv, so none of the 2 bank "
     "workers can be costed (caps.csv gives each role's bank_rate)",
     1},
    {"caps.csv", "role,bank_rat\nrn,15\n",
     "caps.csv:1:2: unknown column 'bank_rat': did you mean 'bank_rate'? (columns: role, "
     "bank_rate, agency_cap, bank_cap)",
     1},
    {"caps.csv", "role,bank_rate\nrn,15,1\nhca,12\n",
     "caps.csv:2:3: extra field (row has 3, the header 2)", 1},
    /* spreadsheet hints */
    {"substitutions.csv", "role,covers,efficiency\nrn,hca,90%\n",
     "substitutions.csv:2:3: invalid number '90%' in column 'efficiency': numbers take no "
     "percent sign",
     1},
    {"shifts.csv", SHIFT_HDR "d1,2026-11-30,07:00,15:00,\"7,5\",0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:5: invalid number '7,5' in column 'paid_hours': numbers take a decimal point, "
     "not a comma (write 7.5)",
     1},
    {"partners.csv",
     "id,agency_budget\na,\"\xc2\xa3"
     "1,000.50\"\nb,\xe2\x82\xac"
     "5\n",
     "partners.csv:2:2: invalid number '\xc2\xa3"
     "1,000.50' in column 'agency_budget': numbers "
     "take no currency sign or thousands separator (write 1000.50)",
     2},
    {"settings.csv",
     "key,value\nshortfall_penalty,\xc2\xa3"
     "200\n",
     "settings.csv:2:2: invalid number '\xc2\xa3"
     "200' for setting 'shortfall_penalty': numbers "
     "take no currency sign (write 200)",
     1},
    {"shifts.csv", SHIFT_HDR "d1,2026-11-30,7:00,15:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:3: invalid time '7:00' in column 'start': times are HH:MM, e.g. 07:00", 1},
    {"shifts.csv", SHIFT_HDR "d1,2026-11-30,07:00,15:00:00,7.5,0\nn1,2026-11-30,10pm,07:30,9,0\n",
     "shifts.csv:2:4: invalid time '15:00:00' in column 'end': times are HH:MM, e.g. 15:00", 2},
    {"shifts.csv", SHIFT_HDR "d1,2026-11-30,07:00,24:00,7.5,0\nn1,2026-11-30,22:00,07:30,9,0\n",
     "shifts.csv:2:4: invalid time '24:00' in column 'end': times are HH:MM from 00:00 to 23:59: "
     "midnight is 00:00",
     1},
    /* invisible characters are shown, in every echoed value */
    {"demand.csv", DEMAND_HDR "a\xc2\xa0,rn,d1,3,2,1\n",
     "demand.csv:2:1: invalid identifier 'a<U+00A0>' in column 'partner' (1-64 characters of "
     "A-Z a-z 0-9 _ . -)",
     1},
    {"demand.csv", DEMAND_HDR "a,rn,d1,3,2\xe2\x80\x8b,1\n",
     "demand.csv:2:5: invalid number '2<U+200B>' in column 'minimum'", 1},
    {"roles.csv", "id,group\nrn,\xe2\x81\xa0other\nhca,\n",
     "roles.csv:2:2: unknown group '<U+2060>other' (one of registered_nursing, nursing_support, "
     "medical, ahp, social_care, other)",
     1},
    /* a spreadsheet saved under a .csv name */
    {"demand.csv", "PK\x03\x04\x14",
     "demand.csv: a spreadsheet (.xlsx or .ods), not CSV: muster reads CSV (save as \"CSV "
     "UTF-8\")",
     1},
    {"agency.csv", "\xff\xfes",
     "agency.csv: UTF-16 text, not UTF-8: muster reads CSV (save as \"CSV UTF-8\")", 1},
    /* recruits.csv (DESIGN.md §3c) */
    {"recruits.csv", RECRUIT_HDR "a,rn,42000,3,37.5,no\nb,hca,28000,,,\n", NULL, 0},
    {"recruits.csv", "role,partner,annual_cost\nrn,a,42000\n", NULL, 0},
    {"recruits.csv", RECRUIT_HDR "c,rn,42000,3,37.5,no\n", "recruits.csv:2:1: unknown partner 'c'",
     1},
    {"recruits.csv", RECRUIT_HDR "a,nurse,42000,3,37.5,no\n",
     "recruits.csv:2:2: unknown role 'nurse'", 1},
    {"recruits.csv", RECRUIT_HDR "a,rn,42000,,,\nb,rn,42000,,,\na,rn,40000,,,\n",
     "recruits.csv:4:1: repeated recruits row (partner, role) (first at line 2)", 1},
    {"recruits.csv", RECRUIT_HDR "a,rn,42000,2.5,,\n",
     "recruits.csv:2:4: invalid integer '2.5' in column 'max_posts'", 1},
    {"recruits.csv", RECRUIT_HDR "a,rn,,3,,\n",
     "recruits.csv:2:3: empty value in required column 'annual_cost'", 1},
    {"recruits.csv", "partner,role,max_posts\na,rn,3\n",
     "recruits.csv:1: missing required column 'annual_cost'", 1},
    {"recruits.csv",
     RECRUIT_HDR "a,rn,\xc2\xa3"
                 "42000,,,\n",
     "recruits.csv:2:3: invalid number '\xc2\xa3"
     "42000' in column 'annual_cost': numbers take no currency sign (write 42000)",
     1},
    {"recruits.csv", RECRUIT_HDR "a,rn,42000,,0,\n",
     "recruits.csv:2:5: value '0' out of range (more than 0, at most 168) in column "
     "'hours_per_week'",
     1},
    {"recruits.csv", RECRUIT_HDR "a,rn,42000,,,nights\n",
     "recruits.csv:2:6: invalid value 'nights' in column 'nights' (yes or no)", 1},
    {"recruits.csv", RECRUIT_HDR "a,rn,-1,,,\n",
     "recruits.csv:2:3: negative value '-1' in column 'annual_cost': must be 0 or more", 1},
    {"recruits.csv", RECRUIT_HDR "a,rn,3.00E+03,,,\n",
     "recruits.csv:2:3: invalid number '3.00E+03' in column 'annual_cost': numbers take no "
     "exponent (write 3000)",
     1},
};

static void test_io_scenario_reports_each_error(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	size_t i, k;
	char line[1024];
	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct error_case *c = &cases[i];
		struct io_source *src =
		    make_source(c->file, c->text, c->text ? strlen(c->text) : 0);
		struct mu_scenario *sc = NULL;
		enum mu_code rc;
		mu_errlist_init(errors);
		rc = io_scenario_parse(src, &sc, errors);
		if (!c->expected) {
			if (rc != MU_OK)
				print_error("case %zu (%s): unexpected %s\n", i, c->file,
				            mu_err_format(&errors->items[0], line, sizeof(line)));
			assert_int_equal(rc, MU_OK);
			mu_scenario_free(sc);
			io_source_free(src);
			continue;
		}
		if (rc != MU_E_INPUT)
			print_error("case %zu (%s): no error, expected %s\n", i, c->file,
			            c->expected);
		assert_int_equal(rc, MU_E_INPUT);
		assert_null(sc);
		assert_true(errors->n_total > 0);
		mu_err_format(&errors->items[0], line, sizeof(line));
		if (strcmp(line, c->expected) != 0 || errors->n_total != c->n_errors) {
			print_error(
			    "case %zu (%s): expected %zu error(s), first:\n  %s\ngot %zu:\n", i,
			    c->file, c->n_errors, c->expected, errors->n_total);
			for (k = 0; k < errors->n_items; k++)
				print_error("  %s\n",
				            mu_err_format(&errors->items[k], line, sizeof(line)));
			fail();
		}
		io_source_free(src);
	}
	free(errors);
}

/* settings.csv takes every setting of the table at the top of its range
 * and refuses it just above, at the value cell, with the table's range. */
static void test_io_scenario_settings_follow_the_table(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	size_t i;
	(void)state;
	for (i = 0; i < MU_SETTING_COUNT; i++) {
		const struct mu_setting *t = &mu_settings_table[i];
		struct mu_range r = mu_settings_value_range(i);
		char text[256], value[64], want[512], got[1024], range[128],
		    buf[MU_SETTING_TEXT_MAX];
		struct io_source *src;
		struct mu_scenario *sc = NULL;
		int k;
		for (k = 0; k < 2; k++) {
			bool is_over = k == 1;
			if (t->type == MU_SETTING_YES_NO)
				snprintf(value, sizeof(value), "%s", is_over ? "maybe" : "yes");
			else if (t->type == MU_SETTING_CHOICE)
				snprintf(value, sizeof(value), "%s",
				         is_over ? "maybe" : t->choices[t->n_choices - 1]);
			else
				snprintf(value, sizeof(value), "%.15g", r.hi + (is_over ? 1 : 0));
			snprintf(text, sizeof(text), "key,value\n%s,%s\n", t->key, value);
			src = make_source("settings.csv", text, strlen(text));
			mu_errlist_init(errors);
			if (!is_over) {
				assert_int_equal(io_scenario_parse(src, &sc, errors), MU_OK);
				assert_true(mu_settings_text(&sc->settings, i, buf, sizeof(buf)));
				assert_string_equal(buf, value);
				mu_scenario_free(sc);
				io_source_free(src);
				continue;
			}
			assert_int_equal(io_scenario_parse(src, &sc, errors), MU_E_INPUT);
			assert_int_equal(errors->n_total, 1);
			if (t->type == MU_SETTING_NUMBER || t->type == MU_SETTING_FRACTION)
				snprintf(
				    want, sizeof(want),
				    "settings.csv:2:2: value '%s' out of range (%s) for setting "
				    "'%s'",
				    value, mu_range_text(&t->range, range, sizeof(range)), t->key);
			else
				snprintf(
				    want, sizeof(want),
				    "settings.csv:2:2: invalid value 'maybe' for setting '%s' (",
				    t->key);
			mu_err_format(&errors->items[0], got, sizeof(got));
			if (strncmp(got, want, strlen(want)) != 0)
				fail_msg("%s: got %s, expected %s", t->key, got, want);
			io_source_free(src);
		}
	}
	free(errors);
}

static void test_io_scenario_error_record_has_every_field(void **state)
{
	const char text[] = DEMAND_HDR "a,rn,d1,3,2,1\nb,hca,tue-n,2,1,1\n";
	struct io_source *src = make_source("demand.csv", text, sizeof(text) - 1);
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_scenario *sc = NULL;
	(void)state;
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_E_INPUT);
	assert_int_equal(errors->items[0].code, MU_E_INPUT);
	assert_string_equal(errors->items[0].file, "demand.csv");
	assert_int_equal(errors->items[0].line, 3);
	assert_int_equal(errors->items[0].col, 3);
	assert_string_equal(errors->items[0].column, "shift");
	assert_string_equal(errors->items[0].msg, "unknown shift 'tue-n'");
	io_source_free(src);
	free(errors);
}

static void test_io_scenario_reports_every_error_not_just_the_first(void **state)
{
	const char text[] = DEMAND_HDR "a,rn,x1,3,2,1\nb,hca,x2,2,1,1\nq,rn,d1,-1,1,1\n";
	struct io_source *src = make_source("demand.csv", text, sizeof(text) - 1);
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_scenario *sc = NULL;
	char line[512];
	(void)state;
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_E_INPUT);
	assert_int_equal(errors->n_total, 4);
	assert_string_equal(mu_err_format(&errors->items[2], line, sizeof(line)),
	                    "demand.csv:4:1: unknown partner 'q'");
	assert_string_equal(mu_err_format(&errors->items[3], line, sizeof(line)),
	                    "demand.csv:4:4: negative value '-1' in column 'required': must be 0 "
	                    "or more");
	io_source_free(src);
	free(errors);
}

/* A week of shifts whose dates a spreadsheet wrote as dd/mm/yyyy (21 of
 * them, the example's count): one error, at the first, with the rest
 * counted, and references to the shifts not checked as unknown. */
static void test_io_scenario_reports_a_column_of_dates_once(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_buf text;
	struct io_source *src;
	struct mu_scenario *sc = NULL;
	char line[1024];
	int i;
	(void)state;
	mu_buf_init(&text);
	mu_buf_adds(&text, SHIFT_HDR);
	for (i = 0; i < 21; i++) {
		char id[16], row[128];
		snprintf(id, sizeof(id), "%s%d", i == 0 ? "d" : i == 1 ? "n" : "x", i < 2 ? 1 : i);
		snprintf(row, sizeof(row), "%s,%02d/12/2026,07:00,15:00,7.5,0\n", id, i / 3 + 1);
		mu_buf_adds(&text, row);
	}
	src = make_source("shifts.csv", text.data, text.len);
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_E_INPUT);
	assert_int_equal(errors->n_total, 1);
	assert_string_equal(
	    mu_err_format(&errors->items[0], line, sizeof(line)),
	    "shifts.csv:2:2: invalid date '01/12/2026' in column 'date': dates are "
	    "YYYY-MM-DD: write 2026-12-01 if it means 1 December, 2026-01-12 if it "
	    "means 12 January (and 20 more dates like it in this column: format the "
	    "column as yyyy-mm-dd before saving)");
	mu_buf_release(&text);
	io_source_free(src);
	free(errors);
}

/* A quote opened and never closed, with 100 KB of rows after it: the
 * unterminated quote where it opened, not a field too long. */
static void test_io_scenario_reports_a_runaway_quote_where_it_opened(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_buf text;
	struct io_source *src;
	struct mu_scenario *sc = NULL;
	char line[1024];
	int i;
	(void)state;
	mu_buf_init(&text);
	mu_buf_adds(&text, DEMAND_HDR "a,rn,d1,3,2,1\nb,hca,\"n1,2,1,2\n");
	for (i = 0; i < 5000; i++)
		mu_buf_adds(&text, "a,rn,d1,3,2,1\n");
	src = make_source("demand.csv", text.data, text.len);
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_E_INPUT);
	assert_int_equal(errors->n_total, 1);
	assert_string_equal(
	    mu_err_format(&errors->items[0], line, sizeof(line)),
	    "demand.csv:3:3: unterminated quote: the quote that opens this field is "
	    "never closed (close it, or remove it)");
	mu_buf_release(&text);
	io_source_free(src);
	free(errors);
}

/* Replaces file name of src by text (NULL: removes it; absent: adds it). */
static void replace_file(struct io_source *src, const char *name, const char *text)
{
	size_t i;
	for (i = 0; i < src->n_files; i++)
		if (strcmp(src->files[i].name, name) == 0)
			break;
	if (i == src->n_files) {
		if (!text)
			return;
		src->files = mu_reallocarray(src->files, src->n_files + 1, sizeof(*src->files));
		src->files[src->n_files++].name = mu_strdup(name);
	} else {
		free(src->files[i].data);
	}
	if (!text) {
		free(src->files[i].name);
		src->files[i] = src->files[--src->n_files];
		return;
	}
	src->files[i].data = mu_strdup(text);
	src->files[i].len = strlen(text);
}

struct warning_case {
	const char *file, *text;   /* replaced (text NULL: removed) */
	const char *file2, *text2; /* and a second one, or NULL */
	const char *expected;      /* every warning, one a line */
	const char *file3, *text3; /* and a third, or NULL */
};

static const struct warning_case warning_cases[] = {
    /* the base scenario warns of nothing */
    {NULL, NULL, NULL, NULL, "", NULL, NULL},
    {"availability.csv", NULL, NULL, NULL,
     "availability.csv: missing, so none of the 2 bank workers offered a shift and none can "
     "work (it lists each worker's offered shifts)\n",
     NULL, NULL},
    {"availability.csv", "worker,shift\n", NULL, NULL,
     "availability.csv: no rows, so none of the 2 bank workers offered a shift and none can "
     "work (it lists each worker's offered shifts)\n",
     NULL, NULL},
    {"bank.csv", NULL, "availability.csv", NULL, "", NULL, NULL}, /* no bank: nothing to warn of */
    {"availability.csv", "worker,shift\nw1,d1\n", NULL, NULL,
     "availability.csv: 1 of 2 bank workers offered no shift, so they cannot work: w2\n", NULL,
     NULL},
    {"bank.csv",
     BANK_HDR "w1,,rn,a,,\nw2,,hca,b,,\nw3,,rn,a,,\nw4,,rn,a,,\nw5,,rn,a,,\nw6,,rn,a,,\n"
              "w7,,rn,a,,\nw8,,rn,a,,\n",
     NULL, NULL,
     "availability.csv: 6 of 8 bank workers offered no shift, so they cannot work: w3, w4, w5, "
     "w6, w7 and 1 more\n",
     NULL, NULL},
    /* agency: all break-glass (off framework; above the cap) and not allowed */
    {"agency.csv", AGENCY_HDR "ag1,1,yes,rn,*,24,2\nag2,2,no,hca,b,30,\n", "settings.csv", NULL,
     "agency.csv: all 2 agency offers are break-glass (off framework, or above their role's "
     "agency_cap in caps.csv) and allow_break_glass is no, so no agency staff can work\n",
     NULL, NULL},
    {"agency.csv", AGENCY_HDR "ag1,1,yes,rn,*,24,2\nag2,2,no,hca,b,30,\n", NULL, NULL, "", NULL,
     NULL},
    {"settings.csv", NULL, NULL, NULL, "", NULL, NULL}, /* ag1 is within its cap */
    /* a minimum above every source: at most own 2 + bank w1 + agency ag1's 2;
     * b's hca row has ag2 unlimited (break-glass is allowed) */
    {"demand.csv", DEMAND_HDR "a,rn,d1,9,9,1\nb,hca,n1,9,9,2\n", NULL, NULL,
     "demand.csv:2:5: minimum 9 of (a, rn, d1) is more than every source could ever cover (at "
     "most 5: own 2, mutual aid 0, bank 1, agency 2), so no plan can avoid a red flag\n",
     NULL, NULL},
    {"demand.csv", DEMAND_HDR "a,rn,d1,5,5,1\n", NULL, NULL, "", NULL,
     NULL}, /* exactly reachable */
    /* mutual aid a -> b: min(rotatable 1, the rn row's max_per_shift 1), as
     * rn covering hca at 0.9; w2 is cleared for b and offered n1 */
    {"staff.csv", STAFF_HDR "a,rn,d1,2,1\na,rn,n1,5,3\nb,hca,n1,1,0\n", "agency.csv", AGENCY_HDR,
     "demand.csv:3:5: minimum 3 of (b, hca, n1) is more than every source could ever cover (at "
     "most 2.9: own 1, mutual aid 0.9, bank 1, agency 0), so no plan can avoid a red flag\n",
     "demand.csv", DEMAND_HDR "a,rn,d1,3,2,1\nb,hca,n1,3,3,2\n"},
    {"demand.csv",
     DEMAND_HDR "a,rn,d1,9,9,1\na,rn,n1,9,9,1\na,hca,d1,9,9,1\na,hca,n1,9,9,1\n"
                "b,rn,d1,9,9,1\nb,rn,n1,9,9,1\nb,hca,n1,1,1,1\n",
     "agency.csv", NULL,
     "demand.csv:2:5: minimum 9 of (a, rn, d1) is more than every source could ever cover (at "
     "most 3: own 2, mutual aid 0, bank 1, agency 0), so no plan can avoid a red flag\n"
     "demand.csv:3:5: minimum 9 of (a, rn, n1) is more than every source could ever cover (at "
     "most 0: own 0, mutual aid 0, bank 0, agency 0), so no plan can avoid a red flag\n"
     "demand.csv:4:5: minimum 9 of (a, hca, d1) is more than every source could ever cover (at "
     "most 2.7: own 1.8, mutual aid 0, bank 0.9, agency 0), so no plan can avoid a red flag\n"
     "demand.csv:5:5: minimum 9 of (a, hca, n1) is more than every source could ever cover (at "
     "most 1: own 0, mutual aid 0, bank 1, agency 0), so no plan can avoid a red flag\n"
     "demand.csv:6:5: minimum 9 of (b, rn, d1) is more than every source could ever cover (at "
     "most 2: own 0, mutual aid 1, bank 1, agency 0), so no plan can avoid a red flag\n"
     "demand.csv: 1 more row whose minimum is more than every source could ever cover (6 in "
     "all)\n",
     NULL, NULL},
};

/* The warnings of DESIGN.md §2, each on the tiny scenario, exactly. */
static void test_io_scenario_warns(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors)),
	                  *warnings = mu_malloc(sizeof(*warnings));
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(warning_cases) / sizeof(warning_cases[0]); i++) {
		const struct warning_case *c = &warning_cases[i];
		struct io_source *src = make_source(NULL, NULL, 0);
		struct mu_scenario *sc = NULL;
		char *got;
		if (c->file)
			replace_file(src, c->file, c->text);
		if (c->file2)
			replace_file(src, c->file2, c->text2);
		if (c->file3)
			replace_file(src, c->file3, c->text3);
		mu_errlist_init(errors);
		mu_errlist_init(warnings);
		if (io_scenario_load(src, &sc, errors, warnings) != MU_OK) {
			char *e = tu_err_messages(errors);
			fail_msg("case %zu: errors:\n%s", i, e);
		}
		got = tu_err_messages(warnings);
		if (strcmp(got, c->expected) != 0)
			fail_msg("case %zu: expected warnings:\n%sgot:\n%s", i, c->expected, got);
		free(got);
		mu_scenario_free(sc);
		io_source_free(src);
	}
	free(errors);
	free(warnings);
}

/* A spreadsheet beside the CSV files is named: in the error of the file it
 * stands for when that one is required and missing, else as a warning,
 * also when the scenario has errors. */
static void test_io_scenario_names_spreadsheets(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors)),
	                  *warnings = mu_malloc(sizeof(*warnings));
	struct io_source *src = make_source("demand.csv", NULL, 0);
	struct mu_scenario *sc = NULL;
	char *got;
	(void)state;
	src->spreadsheets = mu_calloc(3, sizeof(char *));
	src->spreadsheets[0] = mu_strdup("Demand.xlsx");
	src->spreadsheets[1] = mu_strdup("notes.ods");
	src->spreadsheets[2] = mu_strdup("recruits.xlsx");
	src->n_spreadsheets = 3;
	replace_file(src, "agency.csv", NULL);
	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	assert_int_equal(io_scenario_load(src, &sc, errors, warnings), MU_E_INPUT);
	got = tu_err_messages(errors);
	assert_string_equal(got, "demand.csv: missing: every scenario needs this file (Demand.xlsx "
	                         "is here: muster reads CSV, save it as \"CSV UTF-8\")\n");
	free(got);
	got = tu_err_messages(warnings);
	assert_string_equal(got, "notes.ods: not read: muster reads CSV (save as \"CSV UTF-8\")\n"
	                         "recruits.xlsx: not read, so the scenario has no recruits.csv: "
	                         "muster reads CSV (save as \"CSV UTF-8\")\n");
	free(got);
	io_source_free(src);

	/* an optional file saved as a spreadsheet: the scenario is valid without it */
	src = make_source("agency.csv", NULL, 0);
	src->spreadsheets = mu_calloc(1, sizeof(char *));
	src->spreadsheets[0] = mu_strdup("agency.ods");
	src->n_spreadsheets = 1;
	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	assert_int_equal(io_scenario_load(src, &sc, errors, warnings), MU_OK);
	got = tu_err_messages(warnings);
	assert_string_equal(got, "agency.ods: not read, so the scenario has no agency.csv: muster "
	                         "reads CSV (save as \"CSV UTF-8\")\n");
	free(got);
	mu_scenario_free(sc);
	io_source_free(src);
	free(errors);
	free(warnings);
}

/* A file whose rows are not laid out as its header says is read no
 * further after the hundredth row of the wrong shape. */
static void test_io_scenario_stops_at_rows_that_cannot_be_right(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_buf text;
	struct io_source *src;
	struct mu_scenario *sc = NULL;
	char line[1024];
	int i;
	(void)state;
	mu_buf_init(&text);
	mu_buf_adds(&text, DEMAND_HDR "a,rn,d1,3,2,1\n");
	for (i = 0; i < 1000; i++)
		mu_buf_adds(&text, i % 2 ? ",,,,,,,,,\n" : ",,\n");
	src = make_source("demand.csv", text.data, text.len);
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_E_INPUT);
	assert_int_equal(errors->n_total, 101);
	assert_string_equal(mu_err_format(&errors->items[0], line, sizeof(line)),
	                    "demand.csv:3:4: missing field 'required' (row has 3 of 6)");
	assert_string_equal(mu_err_format(&errors->items[1], line, sizeof(line)),
	                    "demand.csv:4:7: extra field (row has 10, the header 6)");
	assert_string_equal(mu_err_format(&errors->items[100], line, sizeof(line)),
	                    "demand.csv:102: read no further: 100 rows have more or fewer fields "
	                    "than the header");
	mu_buf_release(&text);
	io_source_free(src);
	free(errors);
}

/* A .csv name that is not a regular file is that one error, whether the
 * scenario needs the file (not "missing" as well) or not (never ignored). */
static void test_io_scenario_reports_what_is_not_a_regular_file(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct io_source *src = make_source("demand.csv", NULL, 0);
	struct mu_scenario *sc = NULL;
	char *got;
	(void)state;
	src->not_regular = mu_calloc(2, sizeof(*src->not_regular));
	src->not_regular[0].name = mu_strdup("demand.csv");
	src->not_regular[0].what = "a directory";
	src->not_regular[1].name = mu_strdup("extra.csv");
	src->not_regular[1].what = "a FIFO";
	src->n_not_regular = 2;
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_E_INPUT);
	got = tu_err_messages(errors);
	assert_string_equal(got, "demand.csv: not a regular file (a directory): a scenario file is "
	                         "a plain CSV file\n"
	                         "extra.csv: not a regular file (a FIFO): a scenario file is a "
	                         "plain CSV file\n");
	free(got);
	io_source_free(src);
	free(errors);
}

/* Errors from one cause when two files change: a role with no bank_rate
 * is one error for all its workers, counted. */
static void test_io_scenario_counts_workers_of_a_role_with_no_bank_rate(void **state)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct io_source *src = make_source("caps.csv", "role,bank_rate\nrn,15\nhca,\n",
	                                    strlen("role,bank_rate\nrn,15\nhca,\n"));
	struct mu_scenario *sc = NULL;
	char *got;
	(void)state;
	replace_file(src, "bank.csv",
	             BANK_HDR "w1,,rn,a,,\nw2,,hca,b,,\nw3,,hca,b,,\nw4,,hca,a,,\nw5,,rn,b,,\n");
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_E_INPUT);
	got = tu_err_messages(errors);
	assert_string_equal(got, "bank.csv:3:3: role 'hca' has no bank_rate in caps.csv, so its 3 "
	                         "bank workers cannot be costed\n");
	free(got);
	io_source_free(src);
	free(errors);
}

static void test_io_scenario_survives_hostile_bytes(void **state)
{
	/* Every byte value at every position of a small file: nothing may
	 * crash or leak (the sanitizer build checks). */
	char text[] = DEMAND_HDR "a,rn,d1,3,2,1\n";
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	size_t pos;
	int byte;
	(void)state;
	for (pos = 0; pos < sizeof(text) - 1; pos++)
		for (byte = 0; byte < 256; byte += 7) {
			char copy[sizeof(text)];
			struct io_source *src;
			struct mu_scenario *sc = NULL;
			memcpy(copy, text, sizeof(text));
			copy[pos] = (char)byte;
			src = make_source("demand.csv", copy, sizeof(copy) - 1);
			mu_errlist_init(errors);
			if (io_scenario_parse(src, &sc, errors) == MU_OK)
				mu_scenario_free(sc);
			io_source_free(src);
		}
	free(errors);
}

static void test_io_scenario_reads_the_example(void **state)
{
	struct io_source *src = io_source_example();
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_scenario *sc = NULL;
	(void)state;
	mu_errlist_init(errors);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_OK);
	assert_int_equal(sc->n_partners, 7);
	assert_int_equal(sc->n_shifts, 21);
	assert_true(sc->n_bank >= 250 && sc->n_bank <= 350);
	mu_scenario_free(sc);
	io_source_free(src);
	free(errors);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_io_scenario_reads_the_base),
	    cmocka_unit_test(test_io_scenario_reads_recruits),
	    cmocka_unit_test(test_io_scenario_reports_each_error),
	    cmocka_unit_test(test_io_scenario_settings_follow_the_table),
	    cmocka_unit_test(test_io_scenario_error_record_has_every_field),
	    cmocka_unit_test(test_io_scenario_reports_a_column_of_dates_once),
	    cmocka_unit_test(test_io_scenario_reports_a_runaway_quote_where_it_opened),
	    cmocka_unit_test(test_io_scenario_reports_every_error_not_just_the_first),
	    cmocka_unit_test(test_io_scenario_warns),
	    cmocka_unit_test(test_io_scenario_names_spreadsheets),
	    cmocka_unit_test(test_io_scenario_reports_what_is_not_a_regular_file),
	    cmocka_unit_test(test_io_scenario_stops_at_rows_that_cannot_be_right),
	    cmocka_unit_test(test_io_scenario_counts_workers_of_a_role_with_no_bank_rate),
	    cmocka_unit_test(test_io_scenario_survives_hostile_bytes),
	    cmocka_unit_test(test_io_scenario_reads_the_example),
	};
	return tu_run_tests(tests, NULL, NULL);
}
