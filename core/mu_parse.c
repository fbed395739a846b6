/*
 * mu_parse.c - value syntax of scenario files. Strict on purpose: a cell
 * either means one thing or is rejected.
 */
#include "mu_parse.h"

#include "mu_err.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool mu_parse_decimal(const char *s, size_t len, double *out)
{
	size_t i = 0, int_digits = 0, frac_digits = 0;
	char tmp[64];

	while (i < len && is_digit(s[i]))
		i++;
	int_digits = i;
	if (int_digits == 0)
		return false;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && is_digit(s[i])) {
			i++;
			frac_digits++;
		}
		if (frac_digits == 0)
			return false;
	}
	if (i != len)
		return false;
	/* Leading zeros do not count towards the magnitude. */
	{
		size_t lead = 0;
		while (lead < int_digits - 1 && s[lead] == '0')
			lead++;
		if (int_digits - lead > 15)
			return false;
	}
	if (len >= sizeof(tmp))
		len = sizeof(tmp) - 1; /* only fraction digits are lost */
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	*out = strtod(tmp, NULL);
	return true;
}

bool mu_parse_integer(const char *s, size_t len, long long *out)
{
	long long v = 0;
	size_t i;
	if (len == 0)
		return false;
	for (i = 0; i < len; i++) {
		if (!is_digit(s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
		if (v > 1000000000000LL)
			return false;
	}
	*out = v;
	return true;
}

bool mu_parse_is_identifier(const char *s, size_t len)
{
	size_t i;
	if (len == 0 || len > MU_ID_MAX)
		return false;
	for (i = 0; i < len; i++) {
		char c = s[i];
		if (!(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		      c == '.' || c == '-'))
			return false;
	}
	return true;
}

static int take2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static bool all_digits(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil). */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool mu_parse_date(const char *s, size_t len, long *days)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	long y;
	int m, d, dim;
	if (len != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) || !all_digits(s + 5, 2) ||
	    !all_digits(s + 8, 2))
		return false;
	y = take2(s) * 100 + take2(s + 2);
	m = take2(s + 5);
	d = take2(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	dim = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		dim = 29;
	if (d > dim)
		return false;
	*days = days_from_civil(y, m, d);
	return true;
}

/* A number of 1 to max_digits digits at s[*i], into *out. */
static bool take_number(const char *s, size_t len, size_t *i, size_t max_digits, long *out)
{
	size_t n = 0;
	*out = 0;
	while (*i < len && is_digit(s[*i]) && n < max_digits)
		*out = *out * 10 + (s[(*i)++] - '0'), n++;
	return n > 0 && (*i == len || !is_digit(s[*i]));
}

bool mu_parse_date_dmy(const char *s, size_t len, char *day_first, char *month_first)
{
	size_t i = 0;
	long a, b, y, days;
	char sep, text[64];
	day_first[0] = month_first[0] = '\0';
	if (!take_number(s, len, &i, 2, &a) || i == len)
		return false;
	sep = s[i++];
	if (sep != '/' && sep != '.' && sep != '-')
		return false;
	if (!take_number(s, len, &i, 2, &b) || i == len || s[i++] != sep)
		return false;
	{
		size_t y0 = i;
		if (!take_number(s, len, &i, 4, &y) || i - y0 != 4)
			return false;
	}
	/* what a spreadsheet adds to a date that has no time of day */
	if (i < len && !((len - i == 6 && memcmp(s + i, " 00:00", 6) == 0) ||
	                 (len - i == 9 && memcmp(s + i, " 00:00:00", 9) == 0)))
		return false;
	if (a <= 12 && b <= 31) {
		snprintf(text, sizeof(text), "%04ld-%02ld-%02ld", y, a, b);
		if (mu_parse_date(text, 10, &days))
			memcpy(month_first, text, 11);
	}
	if (b <= 12 && a <= 31) {
		snprintf(text, sizeof(text), "%04ld-%02ld-%02ld", y, b, a);
		if (mu_parse_date(text, 10, &days))
			memcpy(day_first, text, 11);
	}
	return day_first[0] || month_first[0];
}

bool mu_parse_datetime(const char *s, size_t len, long *minutes)
{
	long day;
	int min;
	if (len != 16 || (s[10] != 'T' && s[10] != ' ') || !mu_parse_date(s, 10, &day) ||
	    !mu_parse_time(s + 11, 5, &min))
		return false;
	*minutes = day * 1440 + min;
	return true;
}

bool mu_parse_time(const char *s, size_t len, int *minutes)
{
	int h, m;
	if (len != 5 || s[2] != ':' || !all_digits(s, 2) || !all_digits(s + 3, 2))
		return false;
	h = take2(s);
	m = take2(s + 3);
	if (h > 23 || m > 59)
		return false;
	*minutes = h * 60 + m;
	return true;
}

bool mu_parse_keyword_eq(const char *s, size_t len, const char *word)
{
	size_t i;
	if (strlen(word) != len)
		return false;
	for (i = 0; i < len; i++)
		if (tolower((unsigned char)s[i]) != tolower((unsigned char)word[i]))
			return false;
	return true;
}

bool mu_parse_yes_no(const char *s, size_t len, bool *out)
{
	if (mu_parse_keyword_eq(s, len, "yes")) {
		*out = true;
		return true;
	}
	if (mu_parse_keyword_eq(s, len, "no")) {
		*out = false;
		return true;
	}
	return false;
}

char *mu_range_text(const struct mu_range *range, char *buf, size_t size)
{
	if (!range->is_lo_open && !range->is_hi_open)
		snprintf(buf, size, "%.15g to %.15g", range->lo, range->hi);
	else
		snprintf(buf, size, "%s %.15g, %s %.15g",
		         range->is_lo_open ? "more than" : "at least", range->lo,
		         range->is_hi_open ? "less than" : "at most", range->hi);
	return buf;
}

bool mu_range_holds(const struct mu_range *range, double v)
{
	if (v < range->lo || v > range->hi)
		return false;
	if ((range->is_lo_open && v == range->lo) || (range->is_hi_open && v == range->hi))
		return false;
	return !range->is_integer || v == floor(v);
}

bool mu_parse_number(const char *s, size_t len, const struct mu_range *range, double *out,
                     char *msg, size_t msg_size)
{
	char q[256], text[128];
	double v;
	/* A minus sign on a number is a number, only not one muster takes:
	 * said as such, not as "invalid" (mu_parse_range_hint gives the fix). */
	if (len > 1 && s[0] == '-' && mu_parse_decimal(s + 1, len - 1, &v) && v > 0) {
		snprintf(msg, msg_size, "negative value '%s'", mu_err_quote(q, sizeof(q), s, len));
		return false;
	}
	if (range->is_integer) {
		long long iv;
		if (!mu_parse_integer(s, len, &iv)) {
			snprintf(msg, msg_size, "invalid integer '%s'",
			         mu_err_quote(q, sizeof(q), s, len));
			return false;
		}
		v = (double)iv;
	} else if (!mu_parse_decimal(s, len, &v)) {
		snprintf(msg, msg_size, "invalid number '%s'", mu_err_quote(q, sizeof(q), s, len));
		return false;
	}
	if (!mu_range_holds(range, v)) {
		snprintf(msg, msg_size, "value '%s' out of range (%s)",
		         mu_err_quote(q, sizeof(q), s, len),
		         mu_range_text(range, text, sizeof(text)));
		return false;
	}
	*out = v;
	return true;
}

/* ---- hints ------------------------------------------------------------ */

/* Length of the currency sign (£, $, €) at s, or 0. */
static size_t currency_at(const char *s, size_t len)
{
	if (len >= 1 && s[0] == '$')
		return 1;
	if (len >= 2 && memcmp(s, "\xC2\xA3", 2) == 0)
		return 2;
	if (len >= 3 && memcmp(s, "\xE2\x82\xAC", 3) == 0)
		return 3;
	return 0;
}

/* Length of a thousands separator at s: a comma, a space, a no-break or a
 * narrow no-break space (what spreadsheets write in some locales), or 0. */
static size_t separator_at(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ',' || s[0] == ' '))
		return 1;
	if (len >= 2 && memcmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	if (len >= 3 && memcmp(s, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

/* Done on the digits, never through a double, so that 3.00E+03 is
 * exactly 3000. */
bool mu_parse_exponent(const char *s, size_t len, char *out, size_t size)
{
	char mant[40];
	size_t i = 0, n = 0, n_int = 0, o = 0;
	long e = 0, point;
	bool is_neg_exp = false, has_point = false;
	while (i < len && (is_digit(s[i]) || (s[i] == '.' && !has_point))) {
		if (s[i] == '.')
			has_point = true;
		else if (n < sizeof(mant))
			mant[n++] = s[i], n_int += !has_point;
		else
			return false;
		i++;
	}
	if (n == 0 || i >= len || (s[i] != 'e' && s[i] != 'E'))
		return false;
	i++;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		is_neg_exp = s[i++] == '-';
	if (i == len)
		return false;
	for (; i < len; i++) {
		if (!is_digit(s[i]) || e > 100)
			return false;
		e = e * 10 + (s[i] - '0');
	}
	point = (long)n_int + (is_neg_exp ? -e : e); /* digits before the point */
	if (point > 15 || point < -15)
		return false;
	/* the integer part, leading zeros dropped */
	for (i = 0; (long)i < point; i++) {
		char c = i < n ? mant[i] : '0';
		if (o == 0 && c == '0')
			continue;
		out[o++] = c;
	}
	if (o == 0)
		out[o++] = '0';
	/* the fraction, trailing zeros dropped */
	{
		size_t start = o, last = o;
		long k;
		out[o++] = '.';
		for (k = point; k < (long)n; k++) {
			char c = k < 0 ? '0' : mant[k];
			if (o + 1 >= size)
				return false;
			out[o++] = c;
			if (c != '0')
				last = o;
		}
		o = last == start ? start : last;
	}
	out[o] = '\0';
	return o < size;
}

const char *mu_parse_range_hint(const char *s, size_t len, const struct mu_range *range, char *buf,
                                size_t size)
{
	double v;
	if (len > 1 && s[0] == '-' && mu_parse_decimal(s + 1, len - 1, &v) && v > 0) {
		if (range->is_lo_open)
			snprintf(buf, size, "must be more than %.15g", range->lo);
		else
			snprintf(buf, size, "must be %.15g or more", range->lo);
		return buf;
	}
	return mu_parse_number_hint(s, len, buf, size);
}

const char *mu_parse_number_hint(const char *s, size_t len, char *buf, size_t size)
{
	char digits[64];
	size_t i = 0, n = 0, run = 0, n_groups = 0, k;
	bool has_currency = false, has_percent = false, has_thousands = false,
	     is_decimal_comma = false, is_clean = true;
	const char *parts[3];
	size_t n_parts = 0;

	bool is_after_sign = false;

	if (mu_parse_exponent(s, len, digits, sizeof(digits))) {
		snprintf(buf, size, "numbers take no exponent (write %s)", digits);
		return buf;
	}
	/* The text with its currency sign, percent sign and separators taken
	 * out goes to digits; is_clean says whether what is left is a number. */
	while (i < len && n + 1 < sizeof(digits)) {
		size_t c = currency_at(s + i, len - i), sep = separator_at(s + i, len - i);
		bool is_sign = c > 0 || s[i] == '%';
		if (c) {
			has_currency = true;
			i += c;
		} else if (s[i] == '%') {
			has_percent = true;
			i++;
		} else if (is_digit(s[i])) {
			digits[n++] = s[i++];
			run++;
		} else if (sep && run > 0 && i + sep < len && is_digit(s[i + sep])) {
			/* digits, a separator, digits: thousands when every group
			 * after the first has three digits, else a decimal comma */
			size_t d = i + sep, m = 0;
			while (d + m < len && is_digit(s[d + m]))
				m++;
			if (m == 3 && (n_groups > 0 || run <= 3)) {
				has_thousands = true;
				n_groups++;
			} else if (s[i] == ',' && n_groups == 0 && !is_decimal_comma) {
				is_decimal_comma = true;
				digits[n++] = '.';
			} else {
				is_clean = false;
			}
			run = 0;
			i += sep;
		} else if (s[i] == '.') {
			digits[n++] = s[i++];
			run = 0;
		} else if (s[i] == ' ' && (is_after_sign || currency_at(s + i + 1, len - i - 1) ||
		                           (i + 1 < len && s[i + 1] == '%'))) {
			i++; /* "£ 15.33", "15 €", "30 %" */
		} else {
			is_clean = false;
			i++;
		}
		is_after_sign = is_sign;
	}
	digits[n] = '\0';
	if (i < len || (has_thousands && is_decimal_comma))
		is_clean = false;
	if (has_currency)
		parts[n_parts++] = "currency sign";
	if (has_thousands)
		parts[n_parts++] = "thousands separator";
	if (has_percent)
		parts[n_parts++] = "percent sign";
	if (n_parts == 0 && !is_decimal_comma)
		return NULL;
	if (n_parts == 0) {
		snprintf(buf, size, "numbers take a decimal point, not a comma");
	} else {
		size_t used = (size_t)snprintf(buf, size, "numbers take no ");
		for (k = 0; k < n_parts && used < size; k++)
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
			                         k == 0             ? ""
			                         : k + 1 == n_parts ? " or "
			                                            : ", ",
			                         parts[k]);
	}
	/* A suggestion only where it is surely right: 30% may mean 0.3 or 30. */
	if (is_clean && !has_percent && mu_parse_decimal(digits, n, &(double){0})) {
		size_t used = strlen(buf);
		if (used < size)
			snprintf(buf + used, size - used, " (write %s)", digits);
	}
	return buf;
}

const char *mu_parse_time_hint(const char *s, size_t len, char *buf, size_t size)
{
	int h = -1, m = 0;
	size_t i = 0, hd = 0, md = 0;
	bool is_pm = false, is_12h = false;

	while (i < len && is_digit(s[i]) && hd < 4)
		h = (h < 0 ? 0 : h * 10) + (s[i++] - '0'), hd++;
	if (hd == 0)
		return NULL;
	if (hd == 4 && i == len) { /* 0700 */
		m = h % 100;
		h /= 100;
	} else if (hd > 2) {
		return NULL;
	} else if (i < len && (s[i] == ':' || s[i] == '.')) {
		i++;
		while (i < len && is_digit(s[i]) && md < 2)
			m = m * 10 + (s[i++] - '0'), md++;
		if (md != 2)
			return NULL;
		if (i + 3 == len && s[i] == ':' && is_digit(s[i + 1]) && is_digit(s[i + 2]))
			i = len; /* 07:00:00: seconds */
	}
	while (i < len && s[i] == ' ')
		i++;
	if (i + 2 == len && (s[i + 1] == 'm' || s[i + 1] == 'M') &&
	    (s[i] == 'a' || s[i] == 'A' || s[i] == 'p' || s[i] == 'P')) {
		is_12h = true;
		is_pm = s[i] == 'p' || s[i] == 'P';
		i = len;
		if (h < 1 || h > 12)
			return NULL;
		h = h % 12 + (is_pm ? 12 : 0);
	}
	if (i != len || m > 59)
		return NULL;
	if (h == 24 && m == 0 && !is_12h) {
		snprintf(buf, size, "times are HH:MM from 00:00 to 23:59: midnight is 00:00");
		return buf;
	}
	if (h > 23)
		return NULL;
	snprintf(buf, size, "times are HH:MM, e.g. %02d:%02d", h, m);
	return buf;
}

long mu_parse_day_ymd(long day)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	return (y + (m <= 2)) * 10000 + m * 100 + d;
}
