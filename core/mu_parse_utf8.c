/*
 * mu_parse_utf8.c - UTF-8 at the byte level: sequence lengths, code
 * points, validity. A file of its own, below both mu_parse.c and mu_err.c:
 * mu_err_quote needs it to show a value, and mu_parse.c's hints need
 * mu_err_quote, so in mu_parse.c it made the two call each other.
 */
#include "mu_parse_utf8.h"

size_t mu_parse_utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

unsigned long mu_parse_utf8_code_point(const char *s, size_t n)
{
	static const unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
	const unsigned char *u = (const unsigned char *)s;
	unsigned long cp = u[0] & lead_mask[n];
	size_t k;
	for (k = 1; k < n; k++)
		cp = (cp << 6) | (u[k] & 0x3F);
	return cp;
}

size_t mu_parse_utf8_seq(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, k;
	unsigned long cp;
	if (len == 0)
		return 0;
	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		n = 2, cp = u[0] & 0x1F;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		n = 3, cp = u[0] & 0x0F;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		n = 4, cp = u[0] & 0x07;
	else
		return 0;
	if (n > len)
		return 0;
	for (k = 1; k < n; k++) {
		if ((u[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (u[k] & 0x3F);
	}
	/* overlong forms, surrogates and code points past U+10FFFF */
	if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

size_t mu_parse_utf8_invalid_at(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t n = mu_parse_utf8_seq(s + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}
