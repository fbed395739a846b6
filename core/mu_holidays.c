/*
 * mu_holidays.c - the bank holidays of England and Wales, 2020 to 2030, as
 * one table of dates (gov.uk's published lists, with the standing rules for
 * years not yet published).
 *
 * Eight a year: New Year's Day, Good Friday, Easter Monday, the first
 * Monday of May, the last Monday of May (spring), the last Monday of August
 * (summer), Christmas Day and Boxing Day; a New Year's, Christmas or Boxing
 * Day on a weekend gives a substitute weekday (the next Monday, or Tuesday
 * when Monday is taken). The exceptions, by proclamation: 2020's early May
 * holiday moved to Friday 8 May (VE Day); 2022's spring holiday moved to
 * Thursday 2 June with Friday 3 June added (the Platinum Jubilee) and
 * Monday 19 September added (the Queen's state funeral); 2023's Monday 8
 * May added (the coronation). So 2022 has 10 and 2023 has 9. Easter Sunday
 * (Good Friday two days before, Easter Monday the day after): 2020-04-12,
 * 2021-04-04, 2022-04-17, 2023-04-09, 2024-03-31, 2025-04-20, 2026-04-05,
 * 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21; tests/test_forecast.c
 * computes them again (the anonymous Gregorian algorithm) and rebuilds the
 * whole table from the rules above. gov.uk publishes about two years
 * ahead; later years follow the rules and may gain a proclaimed day.
 */
#include "mu_holidays.h"

#include "core/mu_format.h"

/* YYYYMMDD, in date order. */
static const long holiday_dates[] = {
    20200101, 20200410, 20200413, 20200508, 20200525, 20200831, 20201225, 20201228, 20210101,
    20210402, 20210405, 20210503, 20210531, 20210830, 20211227, 20211228, 20220103, 20220415,
    20220418, 20220502, 20220602, 20220603, 20220829, 20220919, 20221226, 20221227, 20230102,
    20230407, 20230410, 20230501, 20230508, 20230529, 20230828, 20231225, 20231226, 20240101,
    20240329, 20240401, 20240506, 20240527, 20240826, 20241225, 20241226, 20250101, 20250418,
    20250421, 20250505, 20250526, 20250825, 20251225, 20251226, 20260101, 20260403, 20260406,
    20260504, 20260525, 20260831, 20261225, 20261228, 20270101, 20270326, 20270329, 20270503,
    20270531, 20270830, 20271227, 20271228, 20280103, 20280414, 20280417, 20280501, 20280529,
    20280828, 20281225, 20281226, 20290101, 20290330, 20290402, 20290507, 20290528, 20290827,
    20291225, 20291226, 20300101, 20300419, 20300422, 20300506, 20300527, 20300826, 20301225,
    20301226,
};

#define N_HOLIDAYS (sizeof(holiday_dates) / sizeof(holiday_dates[0]))

long mu_holiday_day_of(int y, int m, int d)
{
	/* Howard Hinnant's days_from_civil. */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int mu_holiday_weekday(long day)
{
	/* Day 0 was a Thursday (3 when Monday is 0). */
	long w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

size_t mu_holiday_count(void)
{
	return N_HOLIDAYS;
}

long mu_holiday_nth(size_t i)
{
	long ymd = holiday_dates[i];
	return mu_holiday_day_of((int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100));
}

bool mu_holiday_known(long day)
{
	return day >= MU_HOLIDAYS_FIRST_DAY && day <= MU_HOLIDAYS_LAST_DAY;
}

bool mu_holiday_is(long day)
{
	if (!mu_holiday_known(day))
		return false;
	long ymd = mu_format_ymd(day);
	size_t lo = 0, hi = N_HOLIDAYS;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (holiday_dates[mid] < ymd)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < N_HOLIDAYS && holiday_dates[lo] == ymd;
}
