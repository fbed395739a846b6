/*
 * mu_time.c - the monotonic clock behind run timings.
 */
#include "mu_time.h"

#include <limits.h>
#include <time.h>

double mu_time_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

bool mu_time_ms_until(double deadline, int *ms)
{
	double left;
	if (deadline <= 0)
		return true;
	left = (deadline - mu_time_now()) * 1000;
	if (left <= 0)
		return false;
	*ms = left >= INT_MAX ? INT_MAX : (int)left + 1;
	return true;
}
