/*
 * mu_format.c - pounds with thousands separators, and the words of a
 * plan's status.
 */
#include "mu_format.h"

#include <math.h>
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

const char *mu_format_status(char *buf, enum mu_status status, bool has_gap, double gap)
{
	double percent = 100 * gap, scale, up;
	char number[32];
	int decimals;
	if (status != MU_STATUS_FEASIBLE) {
		snprintf(buf, MU_STATUS_SIZE, "%s", mu_status_name(status));
		return buf;
	}
	if (!has_gap || !isfinite(gap)) {
		snprintf(buf, MU_STATUS_SIZE, "best found");
		return buf;
	}
	if (percent < 0.001) {
		snprintf(buf, MU_STATUS_SIZE, "best found, within less than 0.001%%");
		return buf;
	}
	decimals = 1 - (int)floor(log10(percent));
	decimals = decimals < 0 ? 0 : decimals > 3 ? 3 : decimals;
	scale = pow(10, decimals);
	/* up, never down: "within" is a promise; the slack keeps 0.02 (which
	 * doubles hold as 0.0200000000000000004) at 0.02 */
	up = ceil(percent * scale - 1e-9) / scale;
	snprintf(number, sizeof(number), "%.*f", decimals, up);
	if (strchr(number, '.')) { /* "0.020" reads "0.02", "2.0" "2" */
		size_t n = strlen(number);
		while (number[n - 1] == '0')
			number[--n] = '\0';
		if (number[n - 1] == '.')
			number[--n] = '\0';
	}
	snprintf(buf, MU_STATUS_SIZE, "best found, within %s%%", number);
	return buf;
}
