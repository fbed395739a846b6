/*
 * flow.h - what every workflow of flows/ shares: how its caller hears how
 * a search goes and tells it to stop. A workflow prints nothing; cli/
 * hands it these hooks, prints, and asks io/ to write.
 */
#ifndef FLOW_H
#define FLOW_H

#include "core/mu_time.h"

#include <signal.h>
#include <stdbool.h>

struct flow_hooks {
	/* A rota search's state, about once a second (pol_solve_request's
	 * progress); NULL: none. */
	void (*progress)(void *ctx, double seconds, bool has_solution, double objective,
	                 bool has_bound, double bound);
	/* The search that progress showed has ended (a line to clear); NULL:
	 * none. */
	void (*search_done)(void *ctx);
	void *ctx; /* handed to every hook */
	/* Set by the caller (cli/'s Ctrl-C): the search at hand stops with
	 * what it has; NULL: never. */
	const volatile sig_atomic_t *stop;
	/* What a stop means after the search: true, the work goes on with the
	 * best rota found (every later search stops as soon as it has its
	 * rounded rota) and records it; false, nothing more is recorded. */
	bool is_stop_kept;
};

/* Whether hooks asks the work to stop. Accepts NULL. */
static inline bool flow_is_stopped(const struct flow_hooks *hooks)
{
	return hooks && hooks->stop && *hooks->stop;
}

/* Whether hooks asks the work to stop and record nothing (a stop that is
 * not kept). Accepts NULL. */
static inline bool flow_is_aborted(const struct flow_hooks *hooks)
{
	return flow_is_stopped(hooks) && !hooks->is_stop_kept;
}

/* A search given less than this would not solve even a small relaxation;
 * it then ends with the rota built before it (sol_construct.c). */
#define FLOW_MIN_SEARCH_SECONDS 0.01

/* The seconds the next of n searches may take: an equal share of what is
 * left of a command's time_limit (0: none) begun at started (mu_time_now),
 * at least FLOW_MIN_SEARCH_SECONDS: one budget for the whole command. */
static inline double flow_time_share(double started, double time_limit, double n)
{
	double share;
	if (time_limit <= 0)
		return 0;
	share = (started + time_limit - mu_time_now()) / n;
	return share > FLOW_MIN_SEARCH_SECONDS ? share : FLOW_MIN_SEARCH_SECONDS;
}

#endif
