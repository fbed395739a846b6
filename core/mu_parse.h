/*
 * mu_parse.h - the value syntax of scenario files (DESIGN.md §2): decimals
 * without sign or exponent, integers, identifiers, dates, times, yes/no,
 * and UTF-8 checks (mu_parse_utf8.h, included here). Pure functions over
 * (text, length); nothing allocates.
 */
#ifndef MU_PARSE_H
#define MU_PARSE_H

#include "mu_parse_utf8.h"

#include <stdbool.h>
#include <stddef.h>

#define MU_ID_MAX 64    /* identifier length in bytes */
#define MU_NAME_MAX 200 /* free text length in characters */

/* Digits with an optional '.' and at least one fraction digit: "12", "0.75".
 * Rejects signs, exponents, "nan", "inf", separators, and values past 1e15.
 * Returns true and writes *out on success. */
bool mu_parse_decimal(const char *s, size_t len, double *out);

/* Digits only, value at most 1e12. */
bool mu_parse_integer(const char *s, size_t len, long long *out);

/* 1-64 characters of [A-Za-z0-9_.-]. */
bool mu_parse_is_identifier(const char *s, size_t len);

/* YYYY-MM-DD, a real calendar date; *days = days since 1970-01-01. */
bool mu_parse_date(const char *s, size_t len, long *days);

/* mu_parse_date's inverse: the calendar date of day (days since
 * 1970-01-01) as the number YYYYMMDD (Howard Hinnant's civil_from_days).
 * Here, at the bottom of core, so that mu_plan.c can write a date without
 * calling mu_format.c, which calls it (mu_format_ymd). */
long mu_parse_day_ymd(long day);

/* A date as a spreadsheet's locale writes it: D/M/YYYY or M/D/YYYY, one or
 * two digits for day and month, '/', '.' or '-' between, perhaps with a
 * time of " 00:00" or " 00:00:00" after it. Writes into day_first the
 * reading day first ("30/11/2026": "2026-11-30") and into month_first the
 * reading month first, each YYYY-MM-DD in 11 bytes, or "" where that
 * reading is no calendar date. True when the text is of the form and one
 * reading at least is a date. */
bool mu_parse_date_dmy(const char *s, size_t len, char *day_first, char *month_first);

/* YYYY-MM-DDTHH:MM or YYYY-MM-DD HH:MM (a real date, a time 00:00 to
 * 23:59); *minutes since 1970-01-01 00:00. */
bool mu_parse_datetime(const char *s, size_t len, long *minutes);

/* HH:MM from 00:00 to 23:59; *minutes since midnight. */
bool mu_parse_time(const char *s, size_t len, int *minutes);

/* yes/no, case-insensitive. */
bool mu_parse_yes_no(const char *s, size_t len, bool *out);

/* Case-insensitive equality of (s, len) and the NUL-terminated word. */
bool mu_parse_keyword_eq(const char *s, size_t len, const char *word);

/* The range a number may take: lo and hi, each end in or out, and whether
 * it must be whole. Used by the scenario's columns and its settings. */
struct mu_range {
	double lo, hi;
	bool is_lo_open, is_hi_open; /* that end itself is not allowed */
	bool is_integer;
};

/* The range as a message says it: "0 to 48", "more than 0, at most 24",
 * "at least 0, less than 1", "more than 0, less than 1". Returns buf. */
char *mu_range_text(const struct mu_range *range, char *buf, size_t size);

/* True when v lies in range (whole, when it must be). */
bool mu_range_holds(const struct mu_range *range, double v);

/* Parses (s, len) as a decimal, or an integer when range says so, inside
 * range. True with *out written; false with a message in msg: "invalid
 * number '1,5'", "invalid integer '1.5'", "negative value '-3'", "value
 * '49' out of range (0 to 48)". */
bool mu_parse_number(const char *s, size_t len, const struct mu_range *range, double *out,
                     char *msg, size_t msg_size);

/* What a spreadsheet user probably typed when (s, len) is not a number:
 * "numbers take no currency sign or thousands separator (write 45000)" for
 * '£45,000', "numbers take a decimal point, not a comma (write 7.5)" for
 * '7,5', the percent sign, and "numbers take no exponent (write 3000)" for a
 * spreadsheet's '3.00E+03'. Writes the hint into buf and returns buf, or
 * returns NULL when the text looks like none of these. */
const char *mu_parse_number_hint(const char *s, size_t len, char *buf, size_t size);

/* (s, len) as a spreadsheet's scientific format writes it ("3.00E+03",
 * "1.5e-2"): the plain decimal into out (at most size bytes: "3000",
 * "0.015") and true, or false when it is not that form or would have more
 * than 15 integer digits. */
bool mu_parse_exponent(const char *s, size_t len, char *out, size_t size);

/* As mu_parse_number_hint, knowing the range: a negative number (which
 * mu_parse_number calls "negative value '-21'") gets "must be 0 or more",
 * or "must be more than 0" where 0 itself is out. */
const char *mu_parse_range_hint(const char *s, size_t len, const struct mu_range *range, char *buf,
                                size_t size);

/* The same for a time: "times are HH:MM, e.g. 07:00" for '7:00', '7.00',
 * '0700', '07:00:00' or '7am'; midnight is 00:00 for '24:00'. NULL when
 * the text looks like none of these. */
const char *mu_parse_time_hint(const char *s, size_t len, char *buf, size_t size);

#endif
