/*
 * mu_holidays.h - the bank holidays of England and Wales, 2020 to 2030,
 * built in (DESIGN.md §3e: muster knows them; the forecast models them).
 * Days are counted from 1970-01-01 (day 0), as mu_parse_date gives them.
 */
#ifndef MU_HOLIDAYS_H
#define MU_HOLIDAYS_H

#include <stdbool.h>
#include <stddef.h>

/* The first and last day the table covers: 2020-01-01 and 2030-12-31. */
#define MU_HOLIDAYS_FIRST_DAY 18262L
#define MU_HOLIDAYS_LAST_DAY 22279L

/* True when day is a bank holiday of England and Wales. Outside the years
 * the table covers it is false: ask mu_holiday_known first. */
bool mu_holiday_is(long day);

/* True when day lies in 2020..2030, the years whose holidays are known. */
bool mu_holiday_known(long day);

/* The table, in date order: its length, and its entry i (i < the length)
 * as a day. */
size_t mu_holiday_count(void);
long mu_holiday_nth(size_t i);

/* Day of the week of day: 0 Monday .. 6 Sunday (1970-01-01 was a Thursday). */
int mu_holiday_weekday(long day);

/* Days since 1970-01-01 of the calendar date y-m-d (proleptic Gregorian;
 * m 1..12, d 1..31, not checked). */
long mu_holiday_day_of(int y, int m, int d);

#endif
