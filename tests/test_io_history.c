/*
 * test_io_history.c - history.csv (DESIGN.md §3e) under §2's reading rules,
 * against a tiny valid scenario: the rows read to their values and sorted
 * into series, every error at its file:line:col with its message (one per
 * cause), the warnings, the file streamed in pieces reading as it does
 * whole, a 1,000,000-row file within 4x its size in peak heap (every
 * allocation counted: this program links with malloc wrapped), and the
 * scenario folder that holds one: loaded, hashed and stored as without it,
 * and checked by `muster check`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_history.h"
#include "io/io_history.h"
#include "io/io_scenario.h"
#include "test_util.h"

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the heap, counted ------------------------------------------------
 * The program links with -Wl,--wrap for malloc, calloc, realloc and free
 * (tests/CMakeLists.txt): every allocation of muster's own code and of
 * libcsv (which allocates through mu_realloc) comes through here. A
 * realloc is counted as if the old block lived until the new one was
 * filled (a copy), so the peak is never under what any allocator takes. */
void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);

static long long heap_now, heap_peak;

static void heap_add(long long n, long long transient)
{
	heap_now += n;
	if (heap_now + transient > heap_peak)
		heap_peak = heap_now + transient;
}

void *__wrap_malloc(size_t size)
{
	void *p = __real_malloc(size);
	if (p)
		heap_add((long long)malloc_usable_size(p), 0);
	return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
	void *p = __real_calloc(n, size);
	if (p)
		heap_add((long long)malloc_usable_size(p), 0);
	return p;
}

void *__wrap_realloc(void *p, size_t size)
{
	long long old = p ? (long long)malloc_usable_size(p) : 0;
	void *q = __real_realloc(p, size);
	if (q)
		heap_add((long long)malloc_usable_size(q) - old, old);
	return q;
}

void __wrap_free(void *p)
{
	if (p)
		heap_now -= (long long)malloc_usable_size(p);
	__real_free(p);
}

/* ---- the scenario ----------------------------------------------------- */

struct file_text {
	const char *name;
	const char *text;
};

/* Two partners, three roles, a day and a night shift on 2026-11-30 with
 * demand for (a, rn, 07:00) and (b, hca, 22:00). */
static const struct file_text base[] = {
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
};
#define N_BASE (sizeof(base) / sizeof(base[0]))

static struct mu_scenario *base_scenario(void)
{
	struct io_source *src = mu_calloc(1, sizeof(*src));
	struct mu_scenario *sc;
	size_t i;
	src->label = mu_strdup("test");
	src->files = mu_calloc(N_BASE, sizeof(*src->files));
	for (i = 0; i < N_BASE; i++) {
		struct io_file *f = &src->files[src->n_files++];
		f->name = mu_strdup(base[i].name);
		f->len = strlen(base[i].text);
		f->data = mu_strdup(base[i].text);
	}
	sc = tu_parse(src);
	io_source_free(src);
	return sc;
}

/* The scenario folder tu_dir()/name with base's files. */
static void write_folder(const char *name)
{
	char path[512];
	size_t i;
	tu_path(path, sizeof(path), name);
	mkdir(path, 0777);
	for (i = 0; i < N_BASE; i++) {
		tu_path(path, sizeof(path), name);
		snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", base[i].name);
		tu_write(path, base[i].text, strlen(base[i].text));
	}
}

/* What parsing text as history.csv gave: the code, the history on MU_OK,
 * and every error and warning, one a line. */
struct parsed {
	enum mu_code rc;
	struct mu_history h;
	char *errors, *warnings;
	size_t n_errors;
};

static struct parsed parse(const struct mu_scenario *sc, const char *text)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors)),
	                  *warnings = mu_malloc(sizeof(*warnings));
	struct parsed p;
	memset(&p, 0, sizeof(p));
	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	mu_history_init(&p.h, false);
	p.rc = io_history_parse("history.csv", text, strlen(text), sc, &p.h, errors, warnings);
	p.errors = tu_err_messages(errors);
	p.warnings = tu_err_messages(warnings);
	p.n_errors = errors->n_total;
	free(errors);
	free(warnings);
	return p;
}

static void parsed_release(struct parsed *p)
{
	mu_history_release(&p->h);
	free(p->errors);
	free(p->warnings);
}

#define HDR "partner,role,date,start,required,absent\n"

/* ---- values ----------------------------------------------------------- */

static void test_io_history_reads_rows_into_series(void **state)
{
	struct mu_scenario *sc = base_scenario();
	/* in file order: by date; the series order is (partner, role, start,
	 * day), with partners and roles by their index in the scenario */
	struct parsed p = parse(sc, "\xEF\xBB\xBF"
	                            "Date,START,partner,role,Required,absent\r\n"
	                            "2026-10-02,07:00,a,rn,3.5,1\r\n"
	                            "2026-10-02,22:00,b,hca,2,\r\n"
	                            "2026-10-01,22:00,b,hca,1,0\r\n"
	                            "2026-10-01,07:00,a,rn,4,2\r\n"
	                            "2026-10-01,19:00,a,rn,0,0\r\n"
	                            "2026-10-01,07:00,a,cw,1.25,0\r\n");
	struct mu_history_series *list;
	const struct mu_history_series *s;
	size_t n;
	long oct1 = 20727; /* 2026-10-01: days since 1970-01-01 */
	(void)state;
	if (p.rc != MU_OK)
		fail_msg("errors:\n%s", p.errors);
	assert_string_equal(p.errors, "");
	assert_int_equal(p.h.n_rows, 6);
	assert_true(p.h.has_absent && p.h.is_sorted);
	/* a rn 07:00 (two days), a rn 19:00, a cw 07:00, b hca 22:00 (two) */
	assert_int_equal(p.h.partner[0], 0);
	assert_int_equal(p.h.role[0], 0);
	assert_int_equal(p.h.start[0], 420);
	assert_int_equal(p.h.day[0], oct1);
	assert_true(p.h.required[0] == 4 && p.h.absent[0] == 2);
	assert_int_equal(p.h.day[1], oct1 + 1);
	assert_true(p.h.required[1] == 3.5 && p.h.absent[1] == 1);
	assert_int_equal(p.h.start[2], 19 * 60);
	assert_int_equal(p.h.role[3], 2);
	assert_true(p.h.required[3] == 1.25);
	assert_int_equal(p.h.partner[4], 1);
	assert_int_equal(p.h.day[4], oct1);
	assert_int_equal(p.h.absent[5], 0); /* empty: 0 */
	n = mu_history_series_list(&p.h, &list);
	assert_int_equal(n, 4);
	assert_int_equal(list[0].first, 0);
	assert_int_equal(list[0].n_rows, 2);
	assert_int_equal(list[3].first, 4);
	assert_int_equal(list[3].n_rows, 2);
	s = mu_history_series_find(list, n, 1, 1, 22 * 60);
	assert_ptr_equal(s, &list[3]);
	s = mu_history_series_find(list, n, 0, 2, 7 * 60);
	assert_ptr_equal(s, &list[2]);
	assert_null(mu_history_series_find(list, n, 0, 0, 22 * 60));
	assert_null(mu_history_series_find(list, n, 1, 0, 7 * 60));
	free(list);
	parsed_release(&p);

	/* absent may be left out of the header: no column, no array */
	p = parse(sc, "partner,role,date,start,required\na,rn,2026-10-01,07:00,3\n");
	if (p.rc != MU_OK)
		fail_msg("errors:\n%s", p.errors);
	assert_int_equal(p.h.n_rows, 1);
	assert_false(p.h.has_absent);
	assert_null(p.h.absent);
	parsed_release(&p);
	mu_scenario_free(sc);
}

/* ---- errors ----------------------------------------------------------- */

struct error_case {
	const char *text;
	const char *expected; /* every error, one a line */
};

static const struct error_case cases[] = {
    /* an unknown id: one error per cause, with its count */
    {HDR "x,rn,2026-10-01,07:00,3,0\nx,rn,2026-10-02,07:00,3,0\na,rn,2026-10-03,07:00,3,0\n",
     "history.csv:2:1: unknown partner 'x' (2 references in 1 file; partners.csv has no such "
     "id: renamed 'b'?)\n"},
    {HDR "a,RN,2026-10-01,07:00,3,0\n",
     "history.csv:2:2: unknown role 'RN' (did you mean 'rn'? ids are case-sensitive)\n"},
    {HDR "a,nurse,2026-10-01,07:00,3,0\nb,hca,2026-10-01,07:00,3,0\n",
     "history.csv:2:2: unknown role 'nurse'\n"},
    {HDR "a,*,2026-10-01,07:00,3,0\n",
     "history.csv:2:2: '*' is not allowed in column 'role': name one role\n"},
    /* dates that are no day, and a spreadsheet's dates */
    {HDR "a,rn,2023-02-29,07:00,3,0\n",
     "history.csv:2:3: invalid date '2023-02-29' in column 'date' (YYYY-MM-DD)\n"},
    {HDR "a,rn,2026-13-01,07:00,3,0\n",
     "history.csv:2:3: invalid date '2026-13-01' in column 'date' (YYYY-MM-DD)\n"},
    {HDR "a,rn,30/11/2026,07:00,3,0\na,rn,1/12/2026,07:00,3,0\n",
     "history.csv:2:3: invalid date '30/11/2026' in column 'date': dates are YYYY-MM-DD: write "
     "2026-11-30 (and 1 more date like it in this column: format the column as yyyy-mm-dd "
     "before saving)\n"},
    {HDR "a,rn,,07:00,3,0\n", "history.csv:2:3: empty value in required column 'date'\n"},
    /* times */
    {HDR "a,rn,2026-10-01,7:00,3,0\n",
     "history.csv:2:4: invalid time '7:00' in column 'start': times are HH:MM, e.g. 07:00\n"},
    {HDR "a,rn,2026-10-01,25:00,3,0\n",
     "history.csv:2:4: invalid time '25:00' in column 'start'\n"},
    /* required: a decimal, 0 or more */
    {HDR "a,rn,2026-10-01,07:00,-2,0\n",
     "history.csv:2:5: negative value '-2' in column 'required': must be 0 or more\n"},
    {HDR "a,rn,2026-10-01,07:00,,0\n",
     "history.csv:2:5: empty value in required column 'required'\n"},
    {HDR "a,rn,2026-10-01,07:00,3.00E+00,0\na,rn,2026-10-02,07:00,4.00E+00,0\n",
     "history.csv:2:5: invalid number '3.00E+00' in column 'required': numbers take no "
     "exponent (write 3) (and 1 more number like it in this column: format the column as "
     "Number, not Scientific, before saving)\n"},
    /* absent: an integer, 0 or more, no sign */
    {HDR "a,rn,2026-10-01,07:00,3,-1\n",
     "history.csv:2:6: negative value '-1' in column 'absent': must be 0 or more\n"},
    {HDR "a,rn,2026-10-01,07:00,3,+1\n",
     "history.csv:2:6: invalid integer '+1' in column 'absent'\n"},
    {HDR "a,rn,2026-10-01,07:00,3,1.5\n",
     "history.csv:2:6: invalid integer '1.5' in column 'absent'\n"},
    /* a repeated (partner, role, date, start): at the later row's partner
     * cell, in line order, whatever the column order */
    {HDR "a,rn,2026-10-01,07:00,3,0\nb,hca,2026-10-01,07:00,3,0\na,rn,2026-10-01,07:00,4,1\n"
         "b,hca,2026-10-01,07:00,1,0\na,rn,2026-10-01,07:00,5,0\n",
     "history.csv:4:1: repeated history row (partner, role, date, start) (first at line 2)\n"
     "history.csv:5:1: repeated history row (partner, role, date, start) (first at line 3)\n"
     "history.csv:6:1: repeated history row (partner, role, date, start) (first at line 2)\n"},
    {"date,start,required,role,partner\n2026-10-01,07:00,3,rn,a\n2026-10-01,07:00,3,rn,a\n",
     "history.csv:3:5: repeated history row (partner, role, date, start) (first at line 2)\n"},
    /* the same day and start at another partner, role or time is no repeat */
    {HDR "a,rn,2026-10-01,07:00,3,0\nb,rn,2026-10-01,07:00,3,0\na,hca,2026-10-01,07:00,3,0\n"
         "a,rn,2026-10-01,07:30,3,0\na,rn,2026-10-02,07:00,3,0\nx,rn,2026-10-01,07:00,3,0\n",
     "history.csv:7:1: unknown partner 'x'\n"},
    /* rows of the wrong shape */
    {HDR "a,rn,2026-10-01,07:00\n", "history.csv:2:5: missing field 'required' (row has 4 of 6)\n"},
    {HDR "a,rn,2026-10-01,07:00,3,0,1\n",
     "history.csv:2:7: extra field (row has 7, the header 6)\n"},
    {HDR "a,rn,2026-10-01,07:00,1,000,0\n",
     "history.csv:2:7: extra field (row has 7, the header 6): the comma in '1,000' splits the "
     "row: numbers take no thousands separator (write 1000)\n"},
    {HDR "a,rn,2026-10-01,07:00,3,0\n,,,,,\n",
     "history.csv:3: an empty row (only commas): delete it\n"},
    /* the header */
    {"partner,role,date,start,required,absent,\n",
     "history.csv:1:7: empty column name (a trailing comma?)\n"},
    {"partner,role,date,start,required,absent,date\n", "history.csv:1:7: repeated column 'date'\n"},
    {"partner,role,day,start,required\n",
     "history.csv:1:3: unknown column 'day' (columns: partner, role, date, start, required, "
     "absent)\n"
     "history.csv:1: missing required column 'date'\n"},
    {"partner,role,date,Start Time,required\n",
     "history.csv:1:4: unknown column 'Start Time': did you mean 'start'? (columns: partner, "
     "role, date, start, required, absent)\n"},
    {"partner;role;date;start;required\n",
     "history.csv: its fields are separated by ';', not commas: muster reads "
     "comma-separated CSV (save it again with ',' as the field separator)\n"},
    /* the file */
    {"", "history.csv: empty file (it needs at least a header row)\n"},
    {"\n\n", "history.csv: no header row (the file holds only blank lines)\n"},
    {"PK\x03\x04zipped", "history.csv: a spreadsheet (.xlsx or .ods), not CSV: muster reads CSV "
                         "(save as \"CSV UTF-8\")\n"},
    {HDR "a,rn,\"2026-10-01,07:00,3,0\n",
     "history.csv:2:3: unterminated quote: the quote that opens this field is never closed "
     "(close it, or remove it)\n"},
    /* every bad cell of a row, each once */
    {HDR "y,zz,2026-02-30,7,-1,x\n",
     "history.csv:2:1: unknown partner 'y'\n"
     "history.csv:2:2: unknown role 'zz'\n"
     "history.csv:2:3: invalid date '2026-02-30' in column 'date' (YYYY-MM-DD)\n"
     "history.csv:2:4: invalid time '7' in column 'start': times are HH:MM, e.g. 07:00\n"
     "history.csv:2:5: negative value '-1' in column 'required': must be 0 or more\n"
     "history.csv:2:6: invalid integer 'x' in column 'absent'\n"},
};

static void test_io_history_reports_each_error(void **state)
{
	struct mu_scenario *sc = base_scenario();
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct parsed p = parse(sc, cases[i].text);
		if (p.rc != MU_E_INPUT)
			fail_msg("case %zu: code %d, expected errors:\n%s", i, (int)p.rc,
			         cases[i].expected);
		if (strcmp(p.errors, cases[i].expected) != 0)
			fail_msg("case %zu: expected:\n%sgot:\n%s", i, cases[i].expected, p.errors);
		assert_string_equal(p.warnings, ""); /* no warnings with errors */
		assert_int_equal(p.h.n_rows, 0);     /* out untouched */
		parsed_release(&p);
	}
	mu_scenario_free(sc);
}

/* Every error is counted; the list keeps the first MU_ERRLIST_KEEP, as
 * the scenario's does. */
static void test_io_history_collects_every_error(void **state)
{
	struct mu_scenario *sc = base_scenario();
	char *text = mu_malloc(500 * 64 + sizeof(HDR));
	size_t i, used;
	struct parsed p;
	(void)state;
	used = (size_t)sprintf(text, HDR);
	for (i = 0; i < 500; i++)
		used += (size_t)sprintf(text + used, "a,rn,2026-10-%02zu,7:00,3,0\n", i % 28 + 1);
	p = parse(sc, text);
	assert_int_equal(p.rc, MU_E_INPUT);
	assert_int_equal(p.n_errors, 500);
	assert_null(strstr(p.errors, "history.csv:202:"));
	assert_non_null(strstr(p.errors, "history.csv:201:4: invalid time '7:00' in column "
	                                 "'start': times are HH:MM, e.g. 07:00\n"));
	parsed_release(&p);
	free(text);
	mu_scenario_free(sc);
}

/* ---- warnings --------------------------------------------------------- */

/* Rows of (partner, role, start) for days first .. first + n - 1 (as
 * offsets from 2026-09-01), required r, into text at *used. */
static void add_days(char *text, size_t *used, const char *pr, const char *start, int first, int n,
                     const char *required)
{
	int d;
	for (d = first; d < first + n; d++) {
		long day = 20697 + d; /* 2026-09-01 */
		time_t t = (time_t)day * 86400;
		struct tm tm;
		char date[16];
		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
		*used +=
		    (size_t)sprintf(text + *used, "%s,%s,%s,%s,0\n", pr, date, start, required);
	}
}

static void test_io_history_warns(void **state)
{
	struct mu_scenario *sc = base_scenario();
	char *text = mu_malloc(1 << 16);
	size_t used;
	struct parsed p;
	(void)state;

	/* 8 weeks of both series the demand needs, ending the day before the
	 * scenario's: no warning (2026-10-05 .. 2026-11-29 is 56 days) */
	used = (size_t)sprintf(text, HDR);
	add_days(text, &used, "a,rn", "07:00", 34, 56, "3");
	add_days(text, &used, "b,hca", "22:00", 34, 56, "2");
	p = parse(sc, text);
	assert_int_equal(p.rc, MU_OK);
	assert_string_equal(p.warnings, "");
	parsed_release(&p);

	/* a day short for one, none at all for the other (its start differs),
	 * one row on the scenario's first day, and 120 among 3s */
	used = (size_t)sprintf(text, HDR);
	add_days(text, &used, "a,rn", "07:00", 36, 54, "3");
	add_days(text, &used, "b,hca", "22:30", 0, 90, "2");
	add_days(text, &used, "a,rn", "07:00", 90, 1, "120");
	p = parse(sc, text);
	assert_int_equal(p.rc, MU_OK);
	assert_string_equal(
	    p.warnings,
	    "history.csv:146:3: 1 row of days on or after 2026-11-30, the scenario's first shift "
	    "(the last 2026-11-30): the history is what happened before the days it forecasts\n"
	    "history.csv: no history for 1 of the 2 (partner, role, start) the scenario's demand "
	    "rows have, so there is nothing to forecast them from: (b, hca, 22:00)\n"
	    "history.csv: less than 8 weeks of history for 1 of the 2 (partner, role, start) the "
	    "scenario's demand rows have (the backtest needs 8 weeks): (a, rn, 07:00) 55 days\n"
	    "history.csv:146:5: required 120 is more than 10 times the median 3 of (a, rn, 07:00): "
	    "a digit too many, or a lost decimal point?\n");
	parsed_release(&p);

	/* a median of 0 warns of nothing; 10 times the median is not more */
	used = (size_t)sprintf(text, HDR);
	add_days(text, &used, "a,rn", "07:00", 0, 56, "0");
	add_days(text, &used, "a,rn", "07:00", 56, 1, "9");
	add_days(text, &used, "b,hca", "22:00", 0, 56, "2");
	add_days(text, &used, "b,hca", "22:00", 56, 1, "20");
	p = parse(sc, text);
	assert_int_equal(p.rc, MU_OK);
	assert_string_equal(p.warnings, "");
	parsed_release(&p);

	/* a header alone */
	p = parse(sc, HDR);
	assert_int_equal(p.rc, MU_OK);
	assert_string_equal(p.warnings,
	                    "history.csv: no rows, so there is nothing to forecast from (one row "
	                    "per past shift: partner, role, date, start, required)\n");
	parsed_release(&p);
	free(text);
	mu_scenario_free(sc);
}

/* Seven outliers: five named at their cells, the rest counted. */
static void test_io_history_counts_the_outliers_past_five(void **state)
{
	struct mu_scenario *sc = base_scenario();
	char *text = mu_malloc(1 << 16);
	size_t used = (size_t)sprintf(text, HDR);
	struct parsed p;
	const char *last;
	(void)state;
	add_days(text, &used, "a,rn", "07:00", 0, 80, "2");
	add_days(text, &used, "a,rn", "07:00", 80, 7, "21");
	add_days(text, &used, "b,hca", "22:00", 0, 87, "1");
	p = parse(sc, text);
	assert_int_equal(p.rc, MU_OK);
	assert_non_null(strstr(p.warnings, "history.csv:82:5: required 21 is more than 10 times "
	                                   "the median 2 of (a, rn, 07:00)"));
	assert_non_null(strstr(p.warnings, "history.csv:86:5: required 21"));
	assert_null(strstr(p.warnings, "history.csv:87:5:"));
	last = strstr(p.warnings, "history.csv: and 2 more rows whose required is more than 10 "
	                          "times their series' median\n");
	assert_non_null(last);
	parsed_release(&p);
	free(text);
	mu_scenario_free(sc);
}

/* ---- the file --------------------------------------------------------- */

/* A file of 200 KB, read in 64 KiB pieces, reads as it does whole: the
 * same rows in the same order, and the same errors at the same places
 * (rows with errors placed across the pieces' edges). */
static void test_io_history_reads_a_file_in_pieces_as_whole(void **state)
{
	struct mu_scenario *sc = base_scenario();
	size_t cap = 300 * 1024, used = 0, i;
	char *text = mu_malloc(cap), path[512];
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_history h;
	struct parsed p;
	char *got;
	(void)state;
	used = (size_t)sprintf(text, HDR);
	for (i = 0; used < 200 * 1024; i++)
		used += (size_t)sprintf(text + used, "%s,%s,%04zu-%02zu-%02zu,%s,%zu.5,%zu\n",
		                        i % 2 ? "a" : "b", i % 3 ? "rn" : "hca", 1990 + i / 336,
		                        i / 28 % 12 + 1, i % 28 + 1, i % 2 ? "07:00" : "19:00",
		                        i % 7, i % 4);
	tu_path(path, sizeof(path), "pieces.csv");
	tu_write(path, text, used);
	p = parse(sc, text);
	if (p.rc != MU_OK)
		fail_msg("errors:\n%s", p.errors);
	mu_errlist_init(errors);
	assert_int_equal(io_history_read(path, "history.csv", sc, &h, errors, NULL), MU_OK);
	assert_int_equal(h.n_rows, p.h.n_rows);
	assert_true(h.n_rows > 5000);
	assert_memory_equal(h.day, p.h.day, h.n_rows * sizeof(*h.day));
	assert_memory_equal(h.required, p.h.required, h.n_rows * sizeof(*h.required));
	assert_memory_equal(h.absent, p.h.absent, h.n_rows * sizeof(*h.absent));
	assert_memory_equal(h.partner, p.h.partner, h.n_rows * sizeof(*h.partner));
	mu_history_release(&h);
	parsed_release(&p);

	/* a bad cell on each side of each 64 KiB edge */
	for (i = 65536; i < used; i += 65536) {
		char *nl = memchr(text + i, '\n', used - i);
		if (nl && nl + 2 < text + used)
			nl[1] = 'x'; /* partner 'xa' or 'xb' of the next row */
		nl = memchr(text + i - 40, '\n', 40);
		if (nl)
			nl[1] = 'z';
	}
	tu_write(path, text, used);
	p = parse(sc, text);
	assert_int_equal(p.rc, MU_E_INPUT);
	assert_non_null(strstr(p.errors, "unknown partner"));
	mu_errlist_init(errors);
	assert_int_equal(io_history_read(path, "history.csv", sc, &h, errors, NULL), MU_E_INPUT);
	got = tu_err_messages(errors);
	assert_string_equal(got, p.errors);
	free(got);
	parsed_release(&p);
	free(errors);
	free(text);
	mu_scenario_free(sc);
}

/* Not a file to read: named, with the code for each. */
static void test_io_history_refuses_what_is_not_a_file(void **state)
{
	struct mu_scenario *sc = base_scenario();
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_history h;
	char path[512], *got;
	(void)state;
	mu_errlist_init(errors);
	tu_path(path, sizeof(path), "no-such.csv");
	assert_int_equal(io_history_read(path, "no-such.csv", sc, &h, errors, NULL), MU_E_IO);
	got = tu_err_messages(errors);
	assert_string_equal(got, "no-such.csv: cannot open: No such file or directory\n");
	free(got);
	mu_errlist_init(errors);
	tu_path(path, sizeof(path), "a-folder.csv");
	mkdir(path, 0777);
	assert_int_equal(io_history_read(path, "a-folder.csv", sc, &h, errors, NULL), MU_E_INPUT);
	got = tu_err_messages(errors);
	assert_string_equal(got, "a-folder.csv: not a regular file (a directory): the history is a "
	                         "plain CSV file\n");
	free(got);
	free(errors);
	mu_scenario_free(sc);
}

/* A million rows (DESIGN.md §3e's most) in at most 4x the file's bytes of
 * heap at the peak, every allocation from the first byte read to the
 * sorted history counted. The rows are as short as real ones get (ids of
 * a few characters), so the history's 36 bytes a row weigh the most
 * against the file's. */
static void test_io_history_reads_a_million_rows_in_4x_the_file(void **state)
{
	static const char *const partners[] = {"acute", "cmht", "asc_n", "asc_s", "hospice"};
	static const char *const roles[] = {"rn_b5", "rn_b6", "hca", "cw"};
	static const char *const starts[] = {"07:00", "14:30", "22:00", "09:00"};
	struct io_source *src = mu_calloc(1, sizeof(*src));
	struct mu_scenario *sc;
	struct mu_errlist *errors = mu_malloc(sizeof(*errors)),
	                  *warnings = mu_malloc(sizeof(*warnings));
	struct mu_history h;
	struct mu_history_series *list;
	char path[512];
	FILE *fp;
	struct stat st;
	size_t i, n_series = 5 * 4 * 4, per = 1000000 / n_series;
	long long before;
	(void)state;

	/* five partners, four roles, one shift */
	src->label = mu_strdup("big");
	src->files = mu_calloc(N_BASE, sizeof(*src->files));
	for (i = 0; i < N_BASE; i++) {
		struct io_file *f = &src->files[src->n_files++];
		const char *text = base[i].text;
		if (i == 0)
			text = "id\nacute\ncmht\nasc_n\nasc_s\nhospice\n";
		else if (i == 1)
			text = "id\nrn_b5\nrn_b6\nhca\ncw\n";
		else if (i == 3)
			text = "partner,role,shift,required\nacute,rn_b5,d1,3\n";
		else if (i == 4)
			text = "partner,role,shift,available\nacute,rn_b5,d1,2\n";
		f->name = mu_strdup(base[i].name);
		f->len = strlen(text);
		f->data = mu_strdup(text);
	}
	sc = tu_parse(src);
	io_source_free(src);

	/* 80 series of 12,500 days each (1992-02-12 .. 2026-05-03), in date
	 * order as a roster system exports them */
	tu_path(path, sizeof(path), "million.csv");
	fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp, HDR);
	for (i = 0; i < per; i++) {
		long day = 20577 - (long)per + (long)i;
		time_t t = (time_t)day * 86400;
		struct tm tm;
		char date[16];
		size_t s;
		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
		for (s = 0; s < n_series; s++)
			fprintf(fp, "%s,%s,%s,%s,%zu,%zu\n", partners[s % 5], roles[s / 5 % 4],
			        date, starts[s / 20], (i + s) % 13 + 2, (i * s) % 3);
	}
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(stat(path, &st), 0);

	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	before = heap_now;
	heap_peak = heap_now;
	assert_int_equal(io_history_read(path, "history.csv", sc, &h, errors, warnings), MU_OK);
	print_message("history.csv of %lld bytes, 1,000,000 rows: peak heap %lld bytes (%.2fx the "
	              "file), %lld held after\n",
	              (long long)st.st_size, heap_peak - before,
	              (double)(heap_peak - before) / (double)st.st_size, heap_now - before);
	assert_true(heap_peak - before <= 4 * (long long)st.st_size);
	assert_int_equal(h.n_rows, 1000000);
	assert_int_equal(mu_history_series_list(&h, &list), n_series);
	for (i = 0; i < n_series; i++) {
		assert_int_equal(list[i].n_rows, per);
		assert_int_equal(h.day[list[i].first + per - 1] - h.day[list[i].first], per - 1);
	}
	free(list);
	mu_history_release(&h);
	unlink(path);
	free(errors);
	free(warnings);
	mu_scenario_free(sc);
}

/* ---- the scenario folder ---------------------------------------------- */

/* history.csv in a scenario folder is no file of the scenario: not read
 * (a folder or a FIFO of that name neither), not hashed, not stored. */
static void test_io_history_is_not_part_of_the_scenario(void **state)
{
	struct io_source *without, *with;
	struct mu_scenario *a, *b;
	char path[512];
	struct mu_err err;
	(void)state;
	write_folder("plain");
	tu_path(path, sizeof(path), "plain");
	mu_err_clear(&err);
	assert_int_equal(io_source_read_dir(path, &without, &err), MU_OK);
	assert_false(without->has_history);
	write_folder("with");
	tu_path(path, sizeof(path), "with/history.csv");
	tu_write(path, "not, a history\n\x01", 16);
	tu_path(path, sizeof(path), "with");
	assert_int_equal(io_source_read_dir(path, &with, &err), MU_OK);
	assert_true(with->has_history);
	assert_int_equal(with->n_files, without->n_files);
	assert_null(io_source_find(with, "history.csv"));
	a = tu_parse(without);
	b = tu_parse(with);
	assert_string_equal(a->source_hash, b->source_hash);
	mu_scenario_free(a);
	mu_scenario_free(b);
	io_source_free(with);

	/* a folder, or a FIFO that would block a read, is never opened */
	tu_path(path, sizeof(path), "with/history.csv");
	unlink(path);
	assert_int_equal(mkfifo(path, 0600), 0);
	tu_path(path, sizeof(path), "with");
	assert_int_equal(io_source_read_dir(path, &with, &err), MU_OK);
	assert_true(with->has_history);
	b = tu_parse(with);
	a = tu_parse(without);
	assert_string_equal(a->source_hash, b->source_hash);
	mu_scenario_free(a);
	mu_scenario_free(b);
	io_source_free(with);
	io_source_free(without);
}

/* Where prefix starts in text, or NULL. */
static const char *line_with(const char *text, const char *prefix)
{
	return strstr(text, prefix);
}

/* muster solve gives the same run with and without history.csv, even a
 * broken one: the same content hash (the scenario stored once), and
 * plan.csv and summary.csv byte for byte. */
static void test_io_history_solve_ignores_it(void **state)
{
	struct tu_result r;
	char path[512], *plan1, *plan2, *sum1, *sum2;
	const char *h1, *h2;
	(void)state;
	write_folder("solve");
	r = tu_run("solve", "solve", "--lp", "--db", "h.db", "--out", "out1", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(path, sizeof(path), "solve/history.csv");
	tu_write(path, HDR "x,rn,30/11/2026,7:00,-1,1.5\n", strlen(HDR) + 28);
	r = tu_run("solve", "solve", "--lp", "--db", "h.db", "--out", "out2", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.err, "history"));
	tu_result_free(&r);
	r = tu_run("show", "1", "--db", "h.db", NULL);
	assert_int_equal(r.status, 0);
	h1 = line_with(r.out, "  hash ");
	assert_non_null(h1);
	{
		struct tu_result r2 = tu_run("show", "2", "--db", "h.db", NULL);
		assert_int_equal(r2.status, 0);
		h2 = line_with(r2.out, "  hash ");
		assert_non_null(h2);
		assert_memory_equal(h1, h2, strcspn(h1, "\n"));
		assert_int_equal(strcspn(h1, "\n"), strcspn(h2, "\n"));
		tu_result_free(&r2);
	}
	tu_result_free(&r);
	tu_path(path, sizeof(path), "out1/plan.csv");
	plan1 = tu_slurp(path);
	tu_path(path, sizeof(path), "out2/plan.csv");
	plan2 = tu_slurp(path);
	assert_string_equal(plan1, plan2);
	tu_path(path, sizeof(path), "out1/summary.csv");
	sum1 = tu_slurp(path);
	tu_path(path, sizeof(path), "out2/summary.csv");
	sum2 = tu_slurp(path);
	assert_string_equal(sum1, sum2);
	free(plan1);
	free(plan2);
	free(sum1);
	free(sum2);
}

/* muster check reads SCENARIO/history.csv: its rows counted, its warnings
 * printed, every error printed with exit status 2. */
static void test_io_history_check_validates_it(void **state)
{
	struct tu_result r;
	char path[512], *text = mu_malloc(1 << 16);
	size_t used;
	(void)state;
	write_folder("chk");
	r = tu_run("check", "chk", NULL);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "history"));
	tu_result_free(&r);

	used = (size_t)sprintf(text, HDR);
	add_days(text, &used, "a,rn", "07:00", 0, 60, "3");
	add_days(text, &used, "b,hca", "22:00", 30, 30, "2");
	tu_path(path, sizeof(path), "chk/history.csv");
	tu_write(path, text, used);
	r = tu_run("check", "chk", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", 90 history.csv rows\n"));
	assert_string_equal(r.err,
	                    "warning: history.csv: less than 8 weeks of history for 1 of the 2 "
	                    "(partner, role, start) the scenario's demand rows have (the "
	                    "backtest needs 8 weeks): (b, hca, 22:00) 30 days\n");
	tu_result_free(&r);

	tu_write(path,
	         HDR "a,rn,2026-10-01,07:00,3,0\nq,rn,2023-02-29,07:00,3,0\n"
	             "a,rn,2026-10-01,07:00,4,0\n",
	         strlen(HDR) + 78);
	r = tu_run("check", "chk", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, "history.csv:3:1: unknown partner 'q'\n"
	                              "history.csv:3:3: invalid date '2023-02-29' in column "
	                              "'date' (YYYY-MM-DD)\n"
	                              "history.csv:4:1: repeated history row (partner, role, "
	                              "date, start) (first at line 2)\n"));
	assert_non_null(strstr(r.err, ": 3 errors\n"));
	tu_result_free(&r);

	/* a history.csv that is a folder: named, exit 2 */
	unlink(path);
	mkdir(path, 0777);
	r = tu_run("check", "chk", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "history.csv: not a regular file (a directory)"));
	tu_result_free(&r);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_io_history_reads_rows_into_series),
	    cmocka_unit_test(test_io_history_reports_each_error),
	    cmocka_unit_test(test_io_history_collects_every_error),
	    cmocka_unit_test(test_io_history_warns),
	    cmocka_unit_test(test_io_history_counts_the_outliers_past_five),
	    cmocka_unit_test(test_io_history_reads_a_file_in_pieces_as_whole),
	    cmocka_unit_test(test_io_history_refuses_what_is_not_a_file),
	    cmocka_unit_test(test_io_history_reads_a_million_rows_in_4x_the_file),
	    cmocka_unit_test(test_io_history_is_not_part_of_the_scenario),
	    cmocka_unit_test(test_io_history_solve_ignores_it),
	    cmocka_unit_test(test_io_history_check_validates_it),
	};
	return tu_run_tests(tests, NULL, NULL);
}
