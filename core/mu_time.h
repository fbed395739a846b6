/*
 * mu_time.h - a monotonic clock in seconds, for timings of runs.
 */
#ifndef MU_TIME_H
#define MU_TIME_H

#include <stdbool.h>

/* Seconds on a monotonic clock; only differences mean anything. */
double mu_time_now(void);

/* The milliseconds left until deadline (a mu_time_now() time), rounded up
 * and at most INT_MAX, into *ms: a time limit as GLPK takes it. Returns
 * false, *ms untouched, when the deadline has passed. A deadline of 0 or
 * less is none: true, *ms untouched. */
bool mu_time_ms_until(double deadline, int *ms);

#endif
