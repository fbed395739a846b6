/*
 * mu_time.h - a monotonic clock in seconds, for timings of runs.
 */
#ifndef MU_TIME_H
#define MU_TIME_H

/* Seconds on a monotonic clock; only differences mean anything. */
double mu_time_now(void);

#endif
