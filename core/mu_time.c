/*
 * mu_time.c - the monotonic clock behind run timings.
 */
#include "mu_time.h"

#include <time.h>

double mu_time_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
