/*
 * mu_parse_utf8.h - UTF-8 at the byte level, for value syntax (mu_parse.h
 * includes it) and for quoting values in messages (mu_err.c). Pure
 * functions over (text, length); nothing allocates.
 */
#ifndef MU_PARSE_UTF8_H
#define MU_PARSE_UTF8_H

#include <stddef.h>

/* Number of UTF-8 characters in valid UTF-8 text. */
size_t mu_parse_utf8_chars(const char *s, size_t len);

/* Length of the valid UTF-8 sequence that starts s, 0 if invalid or len is 0. */
size_t mu_parse_utf8_seq(const char *s, size_t len);

/* The code point of the valid UTF-8 sequence of n bytes (1 to 4) at s, as
 * mu_parse_utf8_seq measured it. */
unsigned long mu_parse_utf8_code_point(const char *s, size_t n);

/* Offset of the first byte that is not valid UTF-8, or len if all is valid. */
size_t mu_parse_utf8_invalid_at(const char *s, size_t len);

#endif
