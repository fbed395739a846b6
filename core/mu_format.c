/*
 * mu_format.c - pounds with thousands separators, the words of a plan's
 * status, and text escaped for the terminal.
 */
#include "mu_format.h"

#include "core/mu_alloc.h"
#include "core/mu_parse.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* digits with thousands separators after prefix (a minus sign before it) */
static const char *format_grouped(char *buf, const char *prefix, double v, int decimals)
{
	char digits[32];
	size_t n, i, k = 0, len = strlen(prefix);
	bool is_negative = v < 0;
	snprintf(digits, sizeof(digits), "%.*f", decimals, is_negative ? -v : v);
	/* -0.001 rounds to "0.00": no minus sign for it */
	if (is_negative && strspn(digits, "0.") != strlen(digits))
		buf[k++] = '-';
	n = strcspn(digits, ".");
	memcpy(buf + k, prefix, len);
	k += len;
	for (i = 0; digits[i]; i++) {
		if (i < n && i > 0 && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

const char *mu_format_money(char *buf, double pounds, int decimals)
{
	return format_grouped(buf, "£", pounds, decimals);
}

const char *mu_format_weight(char *buf, double weight, int decimals)
{
	return format_grouped(buf, "", weight, decimals);
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

const char *mu_format_stop(char *buf, enum mu_stop stop, long work, long work_limit)
{
	switch (stop) {
	case MU_STOP_INTERRUPT:
		snprintf(buf, MU_STOP_SIZE, "stopped by you");
		break;
	case MU_STOP_TIME:
		snprintf(buf, MU_STOP_SIZE, "stopped by its time limit");
		break;
	case MU_STOP_WORK:
		if (work_limit > 0)
			snprintf(buf, MU_STOP_SIZE, "stopped at %ld of its %ld simplex iterations",
			         work, work_limit);
		else
			snprintf(buf, MU_STOP_SIZE, "stopped by its work limit");
		break;
	default:
		snprintf(buf, MU_STOP_SIZE, "stopped");
	}
	return buf;
}

/* Code points that change how a terminal lays out what follows instead of
 * being shown: C1 controls, and the bidirectional marks, embeddings,
 * overrides and isolates. */
static bool is_terminal_control(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x61C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void mu_format_printable(struct mu_buf *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t seq = mu_parse_utf8_seq(s + i, len - i);
		if (seq == 1 && u[i] >= 0x20 && u[i] != 0x7F) {
			mu_buf_addc(out, s[i]);
		} else if (seq == 1 && (u[i] == '\t' || u[i] == '\n' || u[i] == '\r')) {
			mu_buf_adds(out, u[i] == '\t' ? "\\t" : u[i] == '\n' ? "\\n" : "\\r");
		} else if (seq > 1 && is_terminal_control(mu_parse_utf8_code_point(s + i, seq))) {
			mu_buf_addf(out, "<U+%04lX>", mu_parse_utf8_code_point(s + i, seq));
		} else if (seq > 1) {
			mu_buf_add(out, s + i, seq);
		} else {
			mu_buf_addf(out, "\\x%02X", u[i]); /* a control, or not UTF-8 */
			seq = 1;
		}
		i += seq;
	}
}

/* A figure's remainder above its whole units, and its place. */
struct remainder {
	double left;
	size_t at;
};

/* The largest remainder first, the first of equals first. */
static int by_largest_remainder(const void *x, const void *y)
{
	const struct remainder *a = x, *b = y;
	if (a->left != b->left)
		return a->left > b->left ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

void mu_format_round_to_total(const double *v, size_t n, double unit, double *out)
{
	/* units per one: 100 for pennies, exactly (v / 0.01 is not v * 100) */
	double per = round(1 / unit) > 0 && fabs(1 / unit - round(1 / unit)) < 1e-9
	                 ? round(1 / unit)
	                 : 1 / unit;
	double total = 0, sum = 0;
	struct remainder *r = mu_malloc((n + 1) * sizeof(*r));
	size_t i, k;
	long left;
	for (i = 0; i < n; i++) {
		/* whole units, held in doubles (exact far beyond any pay bill);
		 * 1e-7: a float a hair below a whole unit is that unit */
		out[i] = floor(v[i] * per + 1e-7);
		sum += out[i];
		total += v[i];
		r[i] = (struct remainder){v[i] * per - out[i], i};
	}
	left = lround(round(total * per) - sum);
	/* the `left` largest remainders each get a unit (sorted: a plan.csv
	 * has a row per assignment, too many to pick them one by one) */
	if (left > 0 && n > 0)
		qsort(r, n, sizeof(*r), by_largest_remainder);
	for (k = 0; (long)k < left && k < n; k++)
		out[r[k].at] += 1;
	for (i = 0; i < n; i++)
		out[i] /= per;
	free(r);
}

long mu_format_ymd(long day)
{
	return mu_parse_day_ymd(day);
}

const char *mu_format_date(char *buf, long day)
{
	long ymd = mu_format_ymd(day);
	char text[64]; /* room for any long, so that gcc sees no truncation */
	snprintf(text, sizeof(text), "%04ld-%02ld-%02ld", ymd / 10000, ymd / 100 % 100, ymd % 100);
	memcpy(buf, text, MU_DATE_SIZE - 1); /* years 0 to 9999: always 10 characters */
	buf[MU_DATE_SIZE - 1] = '\0';
	return buf;
}
