/*
 * flow_recruit.h - the recruitment of DESIGN.md §3c as `muster recruit`
 * does it: the best posts over the weeks (one joint model,
 * policies/pol_recruit_solve.c), the value of each last post, one post
 * more, recruiting nobody and the curve of --posts, each a re-solve of the
 * same model; the outputs written by io/ and the weeks' runs recorded.
 */
#ifndef FLOW_RECRUIT_H
#define FLOW_RECRUIT_H

#include "flows/flow.h"

#include "core/mu_buf.h"
#include "core/mu_err.h"
#include "core/mu_scenario.h"
#include "io/io_say.h"
#include "io/io_source.h"
#include "io/io_store.h"
#include "policies/pol_recruit.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The solves of a recruitment, in the order they are made (each but the
 * first goes on from the one before: pol_recruit_warm). */
enum flow_recruit_solve {
	FLOW_RECRUIT_BEST,      /* the best posts */
	FLOW_RECRUIT_LAST_POST, /* a last post's value: one post fewer in its row */
	FLOW_RECRUIT_NEXT,      /* one post more in all */
	FLOW_RECRUIT_CURVE,     /* a point of the curve */
	FLOW_RECRUIT_NOBODY     /* recruiting nobody (when the curve has no point 0) */
};

/* A solve began, ended or failed (flow_recruit_request's on_step). */
enum flow_recruit_phase { FLOW_RECRUIT_BEGIN, FLOW_RECRUIT_DONE, FLOW_RECRUIT_FAILED };

struct flow_recruit_step {
	enum flow_recruit_solve solve;
	enum flow_recruit_phase phase;
	size_t index; /* LAST_POST: the recruits.csv row; CURVE: the point; else 0 */
	/* DONE: what the solve came to, a year; else NULL */
	const struct io_recruit_year *year;
};

struct flow_recruit_request {
	/* the weeks: n_weeks (>= 1) scenarios of one system
	 * (pol_recruit_same_system), their sources (recorded with each week's
	 * run) and their folders as the page names them */
	const struct mu_scenario *const *weeks;
	const struct io_source *const *sources;
	const char *const *folders;
	size_t n_weeks;
	const double *weights; /* weeks of the year each stands for, n_weeks of them */
	bool is_lp;            /* plan mode: posts and staff fractional */
	/* seconds for the whole recruitment, from started; 0 = none: the best
	 * posts may take half of what is left when they begin, and each
	 * re-solve after (last posts, one more, the curve, nobody) an equal
	 * share of what is left then (flow_recruit's time_best, time_each) */
	double time_limit;
	long work_limit; /* rota: per search, simplex iterations; 0 = none */
	const char *mps; /* write the joint model of the best posts here, or NULL */
	/* the curve: the best yearly cost with the total posts fixed at each
	 * of from, from + step, ... up to to (whole numbers, step > 0) */
	bool has_curve;
	double from, to, step;
	/* posts.csv, curve.csv (with the curve), report.html and each week's
	 * plan.csv and summary.csv in out/week1, out/week2 ...; NULL: none */
	const char *out;
	struct io_store *store; /* where the weeks' runs are recorded */
	double started;         /* mu_time_now() when the command began */
	double time_read;       /* seconds spent reading the weeks */
	/* The stop flag (pol_recruit_solve reports no progress: hooks.progress
	 * and search_done are not called); hooks.ctx goes to on_step. */
	struct flow_hooks hooks;
	/* Told as each solve begins and ends; NULL: not told. */
	void (*on_step)(void *ctx, const struct flow_recruit_step *step);
};

struct flow_recruit {
	/* the best posts: the search's status, bound and gap, the yearly
	 * cost, the posts per recruits.csv row and each week's plan */
	struct pol_recruited best;
	struct io_recruit_year year; /* the best posts, a year */
	/* per recruits.csv row: the yearly cost its last post takes off (a
	 * re-solve with one post fewer there), when has_value (a post there,
	 * and the re-solve found a plan) */
	double *value;
	bool *has_value;
	struct io_recruit_year none; /* recruiting nobody (solved, or not) */
	struct io_recruit_year next; /* one post more in all */
	bool has_next;               /* next says something: solved, or found infeasible */
	/* every solve proven (optimal, or a proven infeasible point): else a
	 * rota search stopped by the time limit and the values compare the
	 * best rotas found */
	bool is_all_optimal;
	/* the curve: point i at curve_x[i] posts in all; n_curve 0 without */
	double *curve_x;
	struct io_recruit_year *curve;
	size_t n_curve;
	enum io_recruit_end end;     /* where the curve ends (io_say_recruit_end) ... */
	size_t end_at;               /* ... at this point (n_curve: none) */
	int64_t set_id;              /* the weeks' runs' linked set in the store */
	int64_t first_run, last_run; /* its runs, one per week */
	/* with a time limit: the seconds the best posts' search was given,
	 * and each of the n_resolves re-solves after it */
	double time_best, time_each;
	size_t n_resolves;
};

/* Solves the recruitment req asks, records each week's plan of the best
 * posts as a run, the weeks one linked set (a sweep of command recruit;
 * each run's values: its week, its weight and the posts of each
 * recruits.csv row), and then writes its outputs (req->out), report.html
 * naming the runs. MU_OK with *out filled (release with
 * flow_recruit_release, also after a failure); MU_E_SOLVER (no
 * recruitment found, the solver failed, or stopped: nothing recorded),
 * MU_E_INPUT (weeks of different systems), MU_E_DB (nothing recorded),
 * MU_E_IO (the outputs: the runs are recorded, out->set_id set, and the
 * message says so). */
enum mu_code flow_recruit_solve(const struct flow_recruit_request *req, struct flow_recruit *out,
                                struct mu_err *err);

void flow_recruit_release(struct flow_recruit *r);

/* Appends the board sentence (io_say_recruit) of r to b: the posts against
 * recruiting nobody, or that recruiting nobody was not solved. */
void flow_recruit_say(struct mu_buf *b, const struct mu_scenario *sc,
                      const struct flow_recruit_request *req, const struct flow_recruit *r);

#endif
