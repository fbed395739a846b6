/*
 * mu_parse.h - the value syntax of scenario files (DESIGN.md §2): decimals
 * without sign or exponent, integers, identifiers, dates, times, yes/no,
 * and UTF-8 checks. Pure functions over (text, length); nothing allocates.
 */
#ifndef MU_PARSE_H
#define MU_PARSE_H

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

/* HH:MM from 00:00 to 23:59; *minutes since midnight. */
bool mu_parse_time(const char *s, size_t len, int *minutes);

/* yes/no, case-insensitive. */
bool mu_parse_yes_no(const char *s, size_t len, bool *out);

/* Case-insensitive equality of (s, len) and the NUL-terminated word. */
bool mu_parse_keyword_eq(const char *s, size_t len, const char *word);

/* Number of UTF-8 characters in valid UTF-8 text. */
size_t mu_parse_utf8_chars(const char *s, size_t len);

/* Length of the valid UTF-8 sequence that starts s, 0 if invalid or len is 0. */
size_t mu_parse_utf8_seq(const char *s, size_t len);

/* Offset of the first byte that is not valid UTF-8, or len if all is valid. */
size_t mu_parse_utf8_invalid_at(const char *s, size_t len);

#endif
