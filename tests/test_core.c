/*
 * test_core.c - the core layer: value parsing, UTF-8, SHA-256, the id map,
 * error formatting and quoting, and the settings table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_err.h"
#include "core/mu_format.h"
#include "core/mu_map.h"
#include "core/mu_parse.h"
#include "core/mu_scenario.h"
#include "core/mu_settings.h"
#include "core/mu_sha256.h"
#include "core/mu_time.h"
#include "test_util.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S(x) x, strlen(x)

static void test_decimal_accepts_plain_numbers(void **state)
{
	double v;
	(void)state;
	assert_true(mu_parse_decimal(S("12"), &v));
	assert_true(v == 12.0);
	assert_true(mu_parse_decimal(S("0.75"), &v));
	assert_true(v == 0.75);
	assert_true(mu_parse_decimal(S("000123.5"), &v));
	assert_true(v == 123.5);
	assert_true(mu_parse_decimal(S("999999999999999"), &v));
}

static void test_decimal_rejects_everything_else(void **state)
{
	static const char *const bad[] = {"",
	                                  "-1",
	                                  "+1",
	                                  "1e3",
	                                  "1E3",
	                                  "nan",
	                                  "NaN",
	                                  "inf",
	                                  "1,000",
	                                  "£5",
	                                  "12.",
	                                  ".5",
	                                  "12abc",
	                                  " 12",
	                                  "1.2.3",
	                                  "0x10",
	                                  "1000000000000000",
	                                  "12 ",
	                                  "1_000"};
	size_t i;
	double v;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(mu_parse_decimal(S(bad[i]), &v));
}

static void test_integer_takes_digits_only(void **state)
{
	long long v;
	(void)state;
	assert_true(mu_parse_integer(S("42"), &v));
	assert_int_equal(v, 42);
	assert_false(mu_parse_integer(S("2.5"), &v));
	assert_false(mu_parse_integer(S("-2"), &v));
	assert_false(mu_parse_integer(S(""), &v));
	assert_false(mu_parse_integer(S("99999999999999999999999"), &v));
}

static void test_identifier_syntax(void **state)
{
	char long_id[66];
	(void)state;
	assert_true(mu_parse_is_identifier(S("acute_north.b-5")));
	assert_false(mu_parse_is_identifier(S("a b")));
	assert_false(mu_parse_is_identifier(S("a*")));
	assert_false(mu_parse_is_identifier(S("")));
	memset(long_id, 'x', 65);
	long_id[65] = '\0';
	assert_false(mu_parse_is_identifier(long_id, 65));
	assert_true(mu_parse_is_identifier(long_id, 64));
}

static void test_date_is_a_real_calendar_date(void **state)
{
	long d;
	(void)state;
	assert_true(mu_parse_date(S("1970-01-01"), &d));
	assert_int_equal(d, 0);
	assert_true(mu_parse_date(S("2026-11-30"), &d));
	assert_int_equal(d, 20787); /* python: (date(2026,11,30) - date(1970,1,1)).days */
	assert_true(mu_parse_date(S("2024-02-29"), &d));
	assert_false(mu_parse_date(S("2026-02-29"), &d));
	assert_false(mu_parse_date(S("1900-02-29"), &d));
	assert_true(mu_parse_date(S("2000-02-29"), &d));
	assert_false(mu_parse_date(S("2026-13-01"), &d));
	assert_false(mu_parse_date(S("2026-04-31"), &d));
	assert_false(mu_parse_date(S("26-11-30"), &d));
	assert_false(mu_parse_date(S("2026/11/30"), &d));
}

/* A date in a spreadsheet's locale form, read both ways. */
static void test_date_dmy_reads_both_ways(void **state)
{
	char day[11], month[11];
	long m;
	(void)state;
	assert_true(mu_parse_date_dmy(S("30/11/2026"), day, month));
	assert_string_equal(day, "2026-11-30");
	assert_string_equal(month, "");
	assert_true(mu_parse_date_dmy(S("3/4/2026"), day, month));
	assert_string_equal(day, "2026-04-03");
	assert_string_equal(month, "2026-03-04");
	assert_true(mu_parse_date_dmy(S("11-30-2026 00:00:00"), day, month));
	assert_string_equal(day, "");
	assert_string_equal(month, "2026-11-30");
	assert_true(mu_parse_date_dmy(S("29.02.2024 00:00"), day, month));
	assert_string_equal(day, "2024-02-29");
	assert_false(mu_parse_date_dmy(S("29/02/2026"), day, month)); /* no such day */
	assert_false(mu_parse_date_dmy(S("30/11/26"), day, month));   /* which century? */
	assert_false(mu_parse_date_dmy(S("30/11-2026"), day, month));
	assert_false(mu_parse_date_dmy(S("30/11/2026 07:00"), day, month));
	assert_false(mu_parse_date_dmy(S("2026-11-30"), day, month));
	assert_false(mu_parse_date_dmy(S("123/1/2026"), day, month));
	/* --now's two forms */
	assert_true(mu_parse_datetime(S("2026-11-30T07:30"), &m));
	assert_int_equal(m, 20787L * 1440 + 450);
	assert_true(mu_parse_datetime(S("2026-11-30 07:30"), &m));
	assert_int_equal(m, 20787L * 1440 + 450);
	assert_false(mu_parse_datetime(S("2026-11-30  7:30"), &m));
	assert_false(mu_parse_datetime(S("2026-11-30_07:30"), &m));
	assert_false(mu_parse_datetime(S("2026-11-31T07:30"), &m));
	assert_false(mu_parse_datetime(S("2026-11-30T24:00"), &m));
}

static void test_time_is_hh_mm(void **state)
{
	int m;
	(void)state;
	assert_true(mu_parse_time(S("00:00"), &m));
	assert_int_equal(m, 0);
	assert_true(mu_parse_time(S("23:59"), &m));
	assert_int_equal(m, 1439);
	assert_false(mu_parse_time(S("24:00"), &m));
	assert_false(mu_parse_time(S("7:00"), &m));
	assert_false(mu_parse_time(S("07:60"), &m));
	assert_false(mu_parse_time(S("07-00"), &m));
}

static void test_yes_no_and_keywords_ignore_case(void **state)
{
	bool b;
	(void)state;
	assert_true(mu_parse_yes_no(S("YES"), &b));
	assert_true(b);
	assert_true(mu_parse_yes_no(S("No"), &b));
	assert_false(b);
	assert_false(mu_parse_yes_no(S("y"), &b));
	assert_true(mu_parse_keyword_eq(S("Agency_Budget"), "agency_budget"));
}

static void test_utf8_validation(void **state)
{
	(void)state;
	assert_int_equal(mu_parse_utf8_invalid_at(S("caf\xc3\xa9")), 5);
	assert_int_equal(mu_parse_utf8_invalid_at(S("ab\xc3")), 2);       /* truncated */
	assert_int_equal(mu_parse_utf8_invalid_at(S("a\xc0\xaf")), 1);    /* overlong */
	assert_int_equal(mu_parse_utf8_invalid_at(S("\xed\xa0\x80")), 0); /* surrogate */
	assert_int_equal(mu_parse_utf8_invalid_at(S("\xf4\x90\x80\x80")), 0);
	assert_int_equal(mu_parse_utf8_chars(S("caf\xc3\xa9")), 4);
}

static void sha_hex(const char *msg, size_t len, char hex[65])
{
	struct mu_sha256 ctx;
	mu_sha256_init(&ctx);
	mu_sha256_update(&ctx, msg, len);
	mu_sha256_final_hex(&ctx, hex);
}

static void test_sha256_matches_fips_vectors(void **state)
{
	char hex[65];
	char *million = malloc(1000000);
	struct mu_sha256 ctx;
	size_t i;
	(void)state;
	sha_hex(S(""), hex);
	assert_string_equal(hex,
	                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha_hex(S("abc"), hex);
	assert_string_equal(hex,
	                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha_hex(S("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), hex);
	assert_string_equal(hex,
	                    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', 1000000);
	/* fed in uneven pieces, to cross block boundaries */
	mu_sha256_init(&ctx);
	for (i = 0; i < 1000000; i += 997)
		mu_sha256_update(&ctx, million + i, i + 997 > 1000000 ? 1000000 - i : 997);
	mu_sha256_final_hex(&ctx, hex);
	assert_string_equal(hex,
	                    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

static void test_map_finds_and_refuses_repeats(void **state)
{
	struct mu_map map;
	char key[32];
	size_t i, v;
	(void)state;
	mu_map_init(&map);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "id%zu", i);
		assert_true(mu_map_put(&map, key, strlen(key), i));
	}
	assert_false(mu_map_put(&map, S("id42"), 7));
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "id%zu", i);
		assert_true(mu_map_get(&map, key, strlen(key), &v));
		assert_int_equal(v, i);
	}
	assert_false(mu_map_get(&map, S("id5000"), &v));
	mu_map_release(&map);
}

static void test_err_first_error_wins_and_formats(void **state)
{
	struct mu_err err;
	char line[256];
	(void)state;
	mu_err_clear(&err);
	assert_int_equal(mu_err_set_at(&err, MU_E_INPUT, "demand.csv", 14, 3, "shift",
	                               "unknown shift '%s'", "tue-n"),
	                 MU_E_INPUT);
	mu_err_set(&err, MU_E_IO, "second");
	assert_string_equal(mu_err_format(&err, line, sizeof(line)),
	                    "demand.csv:14:3: unknown shift 'tue-n'");
	assert_int_equal(mu_code_exit_status(err.code), 2);
	assert_int_equal(mu_code_exit_status(MU_E_DB), 1);
	assert_int_equal(mu_code_exit_status(MU_OK), 0);
}

static void test_err_quote_escapes_and_truncates(void **state)
{
	char q[256], big[1000];
	(void)state;
	assert_string_equal(mu_err_quote(q, sizeof(q), "a\nb\x01\xff", 5), "a\\nb\\x01\\xFF");
	memset(big, 'x', sizeof(big));
	mu_err_quote(q, sizeof(q), big, sizeof(big));
	assert_int_equal(strlen(q), 63);
	assert_string_equal(q + 60, "...");
}

/* A deadline as GLPK's time limit: none, passed, rounded up, capped. */
/* What shows as nothing or as a space is written as its code point; other
 * non-ASCII text is kept as it is. */
static void test_err_quote_shows_invisible_characters(void **state)
{
	char q[256];
	(void)state;
	assert_string_equal(mu_err_quote(q, sizeof(q), "a\xc2\xa0", 3), "a<U+00A0>");
	assert_string_equal(mu_err_quote(q, sizeof(q), "\xe2\x80\x8bx\xe2\x80\xaf", 7),
	                    "<U+200B>x<U+202F>");
	assert_string_equal(mu_err_quote(q, sizeof(q), "\xef\xbb\xbf\xc2\x85", 5),
	                    "<U+FEFF><U+0085>");
	assert_string_equal(mu_err_quote(q, sizeof(q), "\xf3\xa0\x80\x81", 4), "<U+E0001>");
	assert_string_equal(mu_err_quote(q, sizeof(q),
	                                 "\xc2\xa3"
	                                 "15 caf\xc3\xa9",
	                                 10),
	                    "\xc2\xa3"
	                    "15 caf\xc3\xa9");
}

/* The hints name what a spreadsheet typed, and the number to write only
 * where it is sure. */
static void test_parse_hints_name_what_a_spreadsheet_typed(void **state)
{
	char h[128];
	(void)state;
#define NUM(s) mu_parse_number_hint((s), strlen(s), h, sizeof(h))
#define TIME(s) mu_parse_time_hint((s), strlen(s), h, sizeof(h))
	assert_string_equal(NUM("\xc2\xa3"
	                        "15.33"),
	                    "numbers take no currency sign (write 15.33)");
	assert_string_equal(NUM("$15"), "numbers take no currency sign (write 15)");
	assert_string_equal(NUM("15 \xe2\x82\xac"), "numbers take no currency sign (write 15)");
	assert_string_equal(NUM("45,000"), "numbers take no thousands separator (write 45000)");
	assert_string_equal(NUM("1,000,000.5"),
	                    "numbers take no thousands separator (write 1000000.5)");
	assert_string_equal(NUM("45\xc2\xa0"
	                        "000"),
	                    "numbers take no thousands separator (write 45000)");
	assert_string_equal(NUM("\xc2\xa3"
	                        "1,234"),
	                    "numbers take no currency sign or thousands separator (write 1234)");
	assert_string_equal(NUM("30%"), "numbers take no percent sign");
	assert_string_equal(NUM("7,5"), "numbers take a decimal point, not a comma (write 7.5)");
	assert_string_equal(NUM("\xc2\xa3"
	                        "1,2,3"),
	                    "numbers take no currency sign");
	assert_string_equal(NUM("45,00,0"), "numbers take a decimal point, not a comma");
	assert_string_equal(NUM("1.000,50"), "numbers take a decimal point, not a comma");
	assert_null(NUM("-3"));
	/* a spreadsheet's scientific format, rewritten digit by digit */
	assert_string_equal(NUM("3e2"), "numbers take no exponent (write 300)");
	assert_string_equal(NUM("3.00E+03"), "numbers take no exponent (write 3000)");
	assert_string_equal(NUM("1.25E+01"), "numbers take no exponent (write 12.5)");
	assert_string_equal(NUM("1.5E-02"), "numbers take no exponent (write 0.015)");
	assert_string_equal(NUM("0.00E+00"), "numbers take no exponent (write 0)");
	assert_string_equal(NUM("1.23456789012345E+14"),
	                    "numbers take no exponent (write 123456789012345)");
	assert_null(NUM("1E+16")); /* more digits than a number may have */
	assert_null(NUM("3E"));
	assert_null(NUM("3E+"));
	assert_null(NUM("E3"));
	/* a negative number is one: the range says what it must be */
	{
		static const struct mu_range zero_up = {.lo = 0, .hi = 10};
		static const struct mu_range above_zero = {.lo = 0, .hi = 10, .is_lo_open = true};
		static const struct mu_range one_up = {.lo = 1, .hi = 10, .is_integer = true};
		assert_string_equal(mu_parse_range_hint(S("-21"), &zero_up, h, sizeof(h)),
		                    "must be 0 or more");
		assert_string_equal(mu_parse_range_hint(S("-0.5"), &above_zero, h, sizeof(h)),
		                    "must be more than 0");
		assert_string_equal(mu_parse_range_hint(S("-2"), &one_up, h, sizeof(h)),
		                    "must be 1 or more");
		assert_null(mu_parse_range_hint(S("-0"), &zero_up, h, sizeof(h)));
		assert_null(mu_parse_range_hint(S("-x"), &zero_up, h, sizeof(h)));
		assert_string_equal(mu_parse_range_hint(S("45,000"), &zero_up, h, sizeof(h)),
		                    "numbers take no thousands separator (write 45000)");
	}
	assert_null(NUM("abc"));
	assert_string_equal(NUM("1234,567"),
	                    "numbers take a decimal point, not a comma (write 1234.567)");
	assert_string_equal(TIME("7:00"), "times are HH:MM, e.g. 07:00");
	assert_string_equal(TIME("7.30"), "times are HH:MM, e.g. 07:30");
	assert_string_equal(TIME("0700"), "times are HH:MM, e.g. 07:00");
	assert_string_equal(TIME("07:00:00"), "times are HH:MM, e.g. 07:00");
	assert_string_equal(TIME("7pm"), "times are HH:MM, e.g. 19:00");
	assert_string_equal(TIME("12:30 AM"), "times are HH:MM, e.g. 00:30");
	assert_string_equal(TIME("24:00"),
	                    "times are HH:MM from 00:00 to 23:59: midnight is 00:00");
	assert_null(TIME("25:00"));
	assert_null(TIME("7:5"));
	assert_null(TIME("13pm"));
	assert_null(TIME("noon"));
#undef NUM
#undef TIME
}

static void test_time_ms_until_a_deadline(void **state)
{
	int ms = 7;
	double before, after;
	(void)state;
	assert_true(mu_time_ms_until(0, &ms));
	assert_int_equal(ms, 7);
	assert_false(mu_time_ms_until(mu_time_now() - 1, &ms));
	assert_int_equal(ms, 7);
	/* rounded up: between what was left when the call ended and when it
	 * began, plus one; bounds read off the clock around the call, not
	 * guessed, so that a busy machine pausing the test changes nothing */
	before = mu_time_now();
	assert_true(mu_time_ms_until(before + 1000, &ms));
	after = mu_time_now();
	assert_true(ms > (before + 1000 - after) * 1000 && ms <= 1000 * 1000 + 1);
	assert_true(mu_time_ms_until(mu_time_now() + 1e12, &ms));
	assert_int_equal(ms, INT_MAX);
}

static void test_buf_grows_and_formats(void **state)
{
	struct mu_buf buf;
	int i;
	(void)state;
	mu_buf_init(&buf);
	for (i = 0; i < 1000; i++)
		mu_buf_addf(&buf, "%d,", i);
	assert_int_equal(buf.len, strlen(buf.data));
	assert_memory_equal(buf.data, "0,1,2,", 6);
	mu_buf_release(&buf);
}

static void test_range_says_and_keeps_each_end(void **state)
{
	static const struct mu_range closed = {.lo = 0, .hi = 48};
	static const struct mu_range lo_open = {.lo = 0, .hi = 24, .is_lo_open = true};
	static const struct mu_range hi_open = {.lo = 0, .hi = 1, .is_hi_open = true};
	static const struct mu_range both = {
	    .lo = 0, .hi = 1e9, .is_lo_open = true, .is_hi_open = true};
	static const struct mu_range whole = {.lo = 1, .hi = 1000, .is_integer = true};
	char buf[128], msg[512];
	double v;
	(void)state;
	assert_string_equal(mu_range_text(&closed, buf, sizeof(buf)), "0 to 48");
	assert_string_equal(mu_range_text(&lo_open, buf, sizeof(buf)), "more than 0, at most 24");
	assert_string_equal(mu_range_text(&hi_open, buf, sizeof(buf)), "at least 0, less than 1");
	assert_string_equal(mu_range_text(&both, buf, sizeof(buf)),
	                    "more than 0, less than 1000000000");
	assert_true(mu_range_holds(&closed, 0) && mu_range_holds(&closed, 48));
	assert_false(mu_range_holds(&closed, 48.5));
	assert_false(mu_range_holds(&lo_open, 0));
	assert_true(mu_range_holds(&lo_open, 24));
	assert_true(mu_range_holds(&hi_open, 0));
	assert_false(mu_range_holds(&hi_open, 1));
	assert_false(mu_range_holds(&whole, 1.5));
	assert_true(mu_parse_number(S("7.5"), &lo_open, &v, msg, sizeof(msg)) && v == 7.5);
	assert_false(mu_parse_number(S("0"), &lo_open, &v, msg, sizeof(msg)));
	assert_string_equal(msg, "value '0' out of range (more than 0, at most 24)");
	assert_false(mu_parse_number(S("1.5"), &whole, &v, msg, sizeof(msg)));
	assert_string_equal(msg, "invalid integer '1.5'");
	assert_false(mu_parse_number(S("£5"), &closed, &v, msg, sizeof(msg)));
	assert_string_equal(msg, "invalid number '£5'");
	assert_false(mu_parse_number(S("-21"), &whole, &v, msg, sizeof(msg)));
	assert_string_equal(msg, "negative value '-21'");
	assert_false(mu_parse_number(S("-0"), &closed, &v, msg, sizeof(msg)));
	assert_string_equal(msg, "invalid number '-0'");
}

/* What the store records for a scenario with no settings.csv: every
 * setting with its default, as DESIGN.md §2 gives them (written out here by
 * hand, not read from the table). An absent limit has no value. */
static const struct {
	const char *key, *value; /* value NULL: absent */
} design_defaults[] = {
    {"shortfall_penalty", "200"}, {"floor_penalty", "2000"},      {"min_rest_hours", "11"},
    {"allow_break_glass", "no"},  {"break_glass_penalty", "500"}, {"tier_penalty", "0"},
    {"agency_budget", NULL},      {"guarantee", "none"},          {"change_penalty", "150"},
    {"preference_weight", "20"},  {"bank_min_share", "0"},        {"bank_share_penalty", "30"},
    {"recruit_budget", NULL},     {"rate_card", "uniform"},       {"late_agency_premium", "0.25"},
};

static void test_settings_text_lists_every_setting_with_its_default(void **state)
{
	struct mu_settings s;
	char buf[MU_SETTING_TEXT_MAX];
	size_t i, n = sizeof(design_defaults) / sizeof(design_defaults[0]);
	(void)state;
	mu_settings_init_defaults(&s);
	assert_int_equal(MU_SETTING_COUNT, n);
	for (i = 0; i < n; i++) {
		bool has = mu_settings_text(&s, i, buf, sizeof(buf));
		assert_string_equal(mu_settings_table[i].key, design_defaults[i].key);
		assert_int_equal(mu_settings_find(S(design_defaults[i].key)), i);
		if (!design_defaults[i].value) {
			assert_false(has);
			assert_string_equal(buf, "");
			continue;
		}
		assert_true(has);
		assert_string_equal(buf, design_defaults[i].value);
	}
	/* a present optional setting is recorded */
	mu_settings_set(&s, MU_SET_AGENCY_BUDGET, 110000);
	assert_true(mu_settings_text(&s, MU_SET_AGENCY_BUDGET, buf, sizeof(buf)));
	assert_string_equal(buf, "110000");
	assert_true(s.has_agency_budget && s.agency_budget == 110000);
}

static void test_settings_find_ignores_case_and_knows_no_others(void **state)
{
	(void)state;
	assert_int_equal(mu_settings_find(S("Min_Rest_Hours")), MU_SET_MIN_REST_HOURS);
	assert_int_equal(mu_settings_find(S("min_rest_hour")), MU_SETTING_COUNT);
	assert_int_equal(mu_settings_find(S("")), MU_SETTING_COUNT);
}

/* Every number in the table is taken at its closed ends and refused past
 * them (and at an open end) with the message settings.csv shows. */
static void test_settings_parse_enforces_the_tables_range(void **state)
{
	size_t i;
	(void)state;
	for (i = 0; i < MU_SETTING_COUNT; i++) {
		const struct mu_setting *t = &mu_settings_table[i];
		struct mu_settings s;
		char text[64], buf[MU_SETTING_TEXT_MAX], msg[512], want[512], range[128];
		const double ends[2] = {t->range.lo, t->range.hi};
		const bool is_open[2] = {t->range.is_lo_open, t->range.is_hi_open};
		int e;
		if (t->type != MU_SETTING_NUMBER && t->type != MU_SETTING_FRACTION)
			continue;
		mu_range_text(&t->range, range, sizeof(range));
		for (e = 0; e < 2; e++) {
			mu_settings_init_defaults(&s);
			snprintf(text, sizeof(text), "%.15g", ends[e]);
			if (is_open[e]) {
				assert_false(mu_settings_parse(&s, i, S(text), msg, sizeof(msg)));
				continue;
			}
			if (!mu_settings_parse(&s, i, S(text), msg, sizeof(msg)))
				fail_msg("%s = %s refused: %s", t->key, text, msg);
			assert_true(mu_settings_text(&s, i, buf, sizeof(buf)));
			assert_string_equal(buf, text);
		}
		snprintf(text, sizeof(text), "%.15g", t->range.hi + 1);
		assert_false(mu_settings_parse(&s, i, S(text), msg, sizeof(msg)));
		snprintf(want, sizeof(want), "value '%s' out of range (%s) for setting '%s'", text,
		         range, t->key);
		assert_string_equal(msg, want);
		assert_false(mu_settings_parse(&s, i, S("-1"), msg, sizeof(msg)));
		snprintf(want, sizeof(want), "negative value '-1' for setting '%s'", t->key);
		assert_string_equal(msg, want);
	}
}

static void test_settings_parse_yes_no(void **state)
{
	struct mu_settings s;
	char msg[512];
	(void)state;
	mu_settings_init_defaults(&s);
	assert_true(mu_settings_parse(&s, MU_SET_ALLOW_BREAK_GLASS, S("YES"), msg, sizeof(msg)));
	assert_true(s.allow_break_glass);
	assert_false(mu_settings_parse(&s, MU_SET_ALLOW_BREAK_GLASS, S("1"), msg, sizeof(msg)));
	assert_string_equal(msg, "invalid value '1' for setting 'allow_break_glass' (yes or no)");
	assert_true(s.allow_break_glass); /* unchanged */
	mu_settings_set(&s, MU_SET_ALLOW_BREAK_GLASS, 0);
	assert_false(s.allow_break_glass);
}

static void test_settings_parse_a_choice(void **state)
{
	struct mu_settings s;
	char msg[512], buf[MU_SETTING_TEXT_MAX];
	(void)state;
	mu_settings_init_defaults(&s);
	assert_int_equal(s.guarantee, MU_GUARANTEE_NONE);
	assert_true(mu_settings_parse(&s, MU_SET_GUARANTEE, S("Unfilled"), msg, sizeof(msg)));
	assert_int_equal(s.guarantee, MU_GUARANTEE_UNFILLED);
	assert_true(mu_settings_text(&s, MU_SET_GUARANTEE, buf, sizeof(buf)));
	assert_string_equal(buf, "unfilled");
	assert_false(mu_settings_parse(&s, MU_SET_GUARANTEE, S("all"), msg, sizeof(msg)));
	assert_string_equal(msg,
	                    "invalid value 'all' for setting 'guarantee' (one of none, unfilled)");
	assert_int_equal(s.guarantee, MU_GUARANTEE_UNFILLED); /* unchanged */
	assert_false(mu_settings_parse(&s, MU_SET_BANK_MIN_SHARE, S("1.5"), msg, sizeof(msg)));
	assert_string_equal(msg, "value '1.5' out of range (0 to 1) for setting 'bank_min_share'");
}

static void test_scenario_cap_finds_the_row_of_a_role(void **state)
{
	struct mu_scenario *sc = mu_scenario_new();
	struct mu_cap *c;
	(void)state;
	sc->n_roles = 3;
	sc->roles = mu_calloc(3, sizeof(*sc->roles));
	assert_null(mu_scenario_cap(sc, 0)); /* no caps row at all */
	c = mu_scenario_cap_add(sc, 2);
	assert_int_equal(c->role, 2);
	assert_false(c->has_bank_rate || c->has_agency_cap);
	c->has_agency_cap = true;
	c->agency_cap = 23.76;
	assert_ptr_equal(mu_scenario_cap_add(sc, 2), c); /* not added twice */
	assert_int_equal(sc->n_caps, 1);
	assert_null(mu_scenario_cap(sc, 0));
	assert_null(mu_scenario_cap(sc, 1));
	mu_scenario_cap_add(sc, 0);
	assert_int_equal(sc->n_caps, 2);
	assert_true(mu_scenario_cap(sc, 2)->agency_cap == 23.76);
	assert_int_equal(mu_scenario_cap(sc, 0)->role, 0);
	mu_scenario_free(sc);
}

/* The words of a plan's status (DESIGN.md §5): "optimal" only when
 * proven; a stopped search's gap is never rounded down, and never reads
 * 0.0%, at any gap from 1e-12 to 1. */
static void test_format_status_never_reads_zero_when_not_proven(void **state)
{
	static const struct {
		enum mu_status status;
		bool has_gap;
		double gap;
		const char *words;
	} cases[] = {
	    {MU_STATUS_OPTIMAL, true, 0, "optimal"},
	    {MU_STATUS_OPTIMAL, true, 0.01, "optimal"},
	    {MU_STATUS_FEASIBLE, false, 0, "best found"},
	    {MU_STATUS_FEASIBLE, true, 0, "best found, within less than 0.001%"},
	    {MU_STATUS_FEASIBLE, true, 4e-8, "best found, within less than 0.001%"},
	    {MU_STATUS_FEASIBLE, true, 1e-5, "best found, within 0.001%"},
	    {MU_STATUS_FEASIBLE, true, 4.2e-5, "best found, within 0.005%"},
	    {MU_STATUS_FEASIBLE, true, 0.0002, "best found, within 0.02%"},
	    {MU_STATUS_FEASIBLE, true, 0.00049, "best found, within 0.049%"},
	    {MU_STATUS_FEASIBLE, true, 0.0005, "best found, within 0.05%"},
	    {MU_STATUS_FEASIBLE, true, 0.018433, "best found, within 1.9%"},
	    {MU_STATUS_FEASIBLE, true, 0.02, "best found, within 2%"},
	    {MU_STATUS_FEASIBLE, true, 0.123, "best found, within 13%"},
	    {MU_STATUS_FEASIBLE, true, 1, "best found, within 100%"},
	    {MU_STATUS_INFEASIBLE, false, 0, "infeasible"},
	    {MU_STATUS_UNBOUNDED, false, 0, "unbounded"},
	    {MU_STATUS_NO_SOLUTION, false, 0, "no solution"},
	};
	char buf[MU_STATUS_SIZE];
	double gap;
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(
		    mu_format_status(buf, cases[i].status, cases[i].has_gap, cases[i].gap),
		    cases[i].words);
	for (gap = 1e-12; gap <= 1; gap *= 1.0137) {
		const char *w = mu_format_status(buf, MU_STATUS_FEASIBLE, true, gap);
		double shown;
		int n_digits = 0;
		const char *c;
		if (strcmp(w, "best found, within less than 0.001%") == 0) {
			assert_true(100 * gap < 0.001);
			continue;
		}
		assert_int_equal(sscanf(w, "best found, within %lf%%", &shown), 1);
		/* never below the gap, never 0, at most two significant digits up */
		assert_true(shown > 0);
		assert_true(shown >= 100 * gap * (1 - 1e-9));
		assert_true(shown <= 100 * gap * 1.1 + 0.001);
		assert_null(strstr(w, "within 0%"));
		assert_null(strstr(w, "within 0.0%"));
		for (c = strstr(w, "within ") + 7; *c != '%'; c++)
			n_digits += *c >= '1' && *c <= '9';
		assert_true(n_digits >= 1 && n_digits <= 2);
	}
}

/* What stopped a search, as it was (issue 28): each cause in its own
 * words, the work limit with its numbers only when it was given. */
static void test_format_stop_names_the_cause(void **state)
{
	char buf[MU_STOP_SIZE];
	(void)state;
	assert_string_equal(mu_format_stop(buf, MU_STOP_INTERRUPT, 12, 10000), "stopped by you");
	assert_string_equal(mu_format_stop(buf, MU_STOP_TIME, 12, 0), "stopped by its time limit");
	assert_string_equal(mu_format_stop(buf, MU_STOP_WORK, 9976, 10000),
	                    "stopped at 9976 of its 10000 simplex iterations");
	assert_string_equal(mu_format_stop(buf, MU_STOP_WORK, 9976, 0),
	                    "stopped by its work limit");
	assert_string_equal(mu_format_stop(buf, MU_STOP_NONE, 0, 10000), "stopped");
	/* the longest fits */
	assert_string_equal(
	    mu_format_stop(buf, MU_STOP_WORK, 9223372036854775807L, 9223372036854775807L),
	    "stopped at 9223372036854775807 of its 9223372036854775807 simplex "
	    "iterations");
}

/* Pennies that add up: each figure within a penny of its value, whole
 * pennies, and their sum the total rounded to pennies, on generated
 * figures (negative ones among them) and by hand. */
static void test_format_pennies_add_up_to_the_total(void **state)
{
	unsigned long long x = 88172645463325252ULL;
	double v[12], out[12];
	const double thirds[3] = {0.005, 0.005, 0.005};
	int t;
	size_t i;
	(void)state;
	mu_format_round_to_total(thirds, 3, 0.01, out);
	assert_true(out[0] == 0.01 && out[1] == 0.01 && out[2] == 0);
	{
		/* whole hours: 25.5 + 8.5 + 500 = 534 */
		const double hours[3] = {25.5, 8.5, 500};
		mu_format_round_to_total(hours, 3, 1, out);
		assert_true(out[0] + out[1] + out[2] == 534);
		assert_true(out[0] == 26 && out[1] == 8 && out[2] == 500);
	}
	for (t = 0; t < 20000; t++) {
		size_t n = 1 + (size_t)(t % 12);
		double total = 0, sum = 0;
		for (i = 0; i < n; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v[i] = (double)(x % 100000000) / 1000.0 * (x % 7 == 0 ? -1 : 1);
			if (x % 5 == 0)
				v[i] = floor(v[i] * 100) / 100 + 0.005; /* a half penny */
			total += v[i];
		}
		mu_format_round_to_total(v, n, 0.01, out);
		for (i = 0; i < n; i++) {
			assert_true(fabs(out[i] - v[i]) < 0.01);
			assert_true(fabs(out[i] * 100 - round(out[i] * 100)) < 1e-6);
			sum += out[i];
		}
		assert_true(fabs(sum - round(total * 100) / 100) < 1e-6);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_decimal_accepts_plain_numbers),
	    cmocka_unit_test(test_range_says_and_keeps_each_end),
	    cmocka_unit_test(test_settings_text_lists_every_setting_with_its_default),
	    cmocka_unit_test(test_settings_find_ignores_case_and_knows_no_others),
	    cmocka_unit_test(test_settings_parse_enforces_the_tables_range),
	    cmocka_unit_test(test_settings_parse_yes_no),
	    cmocka_unit_test(test_settings_parse_a_choice),
	    cmocka_unit_test(test_scenario_cap_finds_the_row_of_a_role),
	    cmocka_unit_test(test_decimal_rejects_everything_else),
	    cmocka_unit_test(test_integer_takes_digits_only),
	    cmocka_unit_test(test_identifier_syntax),
	    cmocka_unit_test(test_date_is_a_real_calendar_date),
	    cmocka_unit_test(test_date_dmy_reads_both_ways),
	    cmocka_unit_test(test_time_is_hh_mm),
	    cmocka_unit_test(test_yes_no_and_keywords_ignore_case),
	    cmocka_unit_test(test_utf8_validation),
	    cmocka_unit_test(test_sha256_matches_fips_vectors),
	    cmocka_unit_test(test_map_finds_and_refuses_repeats),
	    cmocka_unit_test(test_err_first_error_wins_and_formats),
	    cmocka_unit_test(test_err_quote_escapes_and_truncates),
	    cmocka_unit_test(test_err_quote_shows_invisible_characters),
	    cmocka_unit_test(test_parse_hints_name_what_a_spreadsheet_typed),
	    cmocka_unit_test(test_buf_grows_and_formats),
	    cmocka_unit_test(test_time_ms_until_a_deadline),
	    cmocka_unit_test(test_format_status_never_reads_zero_when_not_proven),
	    cmocka_unit_test(test_format_stop_names_the_cause),
	    cmocka_unit_test(test_format_pennies_add_up_to_the_total),
	};
	return tu_run_tests(tests, NULL, NULL);
}
