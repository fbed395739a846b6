/*
 * mu_format.c - pounds with thousands separators.
 */
#include "mu_format.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const char *mu_format_money(char *buf, double pounds, int decimals)
{
	static const char pound[] = "£";
	char digits[32];
	size_t n, i, k = 0;
	bool is_negative = pounds < 0;
	snprintf(digits, sizeof(digits), "%.*f", decimals, is_negative ? -pounds : pounds);
	/* -0.001 rounds to "0.00": no minus sign for it */
	if (is_negative && strspn(digits, "0.") != strlen(digits))
		buf[k++] = '-';
	n = strcspn(digits, ".");
	memcpy(buf + k, pound, sizeof(pound) - 1);
	k += sizeof(pound) - 1;
	for (i = 0; digits[i]; i++) {
		if (i < n && i > 0 && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}
