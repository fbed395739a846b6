/*
 * pol_recruit.h - the recruitment of DESIGN.md §3c: one model over several
 * representative weeks of one system, the posts shared between them
 * (pol_recruit_solve.c), each week the full model of §3 with its posts
 * (pol_recruit.c), read back as each week's plan.
 */
#ifndef POL_RECRUIT_H
#define POL_RECRUIT_H

#include "core/mu_err.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* What one solve of the joint model leaves for the next (the re-solves for
 * the last posts' values, the curve's next point), which differ only in
 * bounds and the total row: its simplex basis by name (rota mode), or the
 * joint model itself kept loaded (plan mode; the weeks, weights and mode
 * of every solve with one warm object must then be the same). */
struct pol_recruit_warm;

struct pol_recruit_warm *pol_recruit_warm_new(void);

/* Accepts NULL. */
void pol_recruit_warm_free(struct pol_recruit_warm *w);

struct pol_recruit_request {
	const struct mu_scenario *const *weeks; /* n_weeks >= 1, one system */
	size_t n_weeks;
	const double *weights; /* weeks of the year each stands for; NULL: 52 shared */
	bool is_lp;            /* posts and staff fractional (plan mode) */
	double time_limit;     /* seconds; 0 = none */
	long work_limit;       /* rota: simplex iterations after the relaxation; 0 = none */
	bool has_total;        /* the curve's point: posts add up to total */
	double total;
	/* per recruits.csv row: its posts fixed at this value, or a negative
	 * value for free; NULL: all free (the value of the last post) */
	const double *fixed;
	const char *mps; /* write the joint model here first, or NULL */
	/* Start from the basis w holds (if any) and keep this solve's in it;
	 * NULL: a cold start (sifted from short and breach on a wide model). */
	struct pol_recruit_warm *warm;
	/* When it points at a non-zero value the search stops with what it has
	 * (sol_options' stop: set during the relaxation, the rota built before
	 * it, with no bound). */
	const volatile sig_atomic_t *stop;
	/* Rota, for tests: sol_options' relax_chunk and on_relax_chunk, called
	 * with relax_ctx. */
	long relax_chunk;
	void (*on_relax_chunk)(void *ctx, long iterations);
	void *relax_ctx;
};

struct pol_recruited {
	enum mu_status status;
	double objective; /* the yearly cost: posts x annual_cost + weights x weeks' cost */
	bool has_bound;
	double bound, gap;
	/* rota: the search found nothing cheaper than the rota built before
	 * its relaxation (sol_result's is_built) */
	bool is_built;
	double *posts; /* per recruits.csv row */
	size_t n_posts;
	double post_cost;       /* posts x annual_cost */
	struct mu_plan **plans; /* per week; NULL unless a plan was found */
	/* per week, the posts' staff on each shift: post_staff[k][i * n_shifts
	 * + s] for recruits.csv row i and shift s of week k; NULL with plans */
	double **post_staff;
	size_t n_weeks;
	double time_solve;
	size_t n_rows, n_cols, n_nonzeros;
};

/* Whether weeks a and b describe the same system (DESIGN.md §3c): the same
 * partners and roles (ids, in order), the same recruits.csv rows and the
 * same recruit_budget. When not, writes what differs into why (of size
 * bytes) and returns false. */
bool pol_recruit_same_system(const struct mu_scenario *a, const struct mu_scenario *b, char *why,
                             size_t size);

/* Solves the joint model of req: minimises sum posts x annual_cost + sum
 * weights x each week's cost of §3 within recruit_budget. MU_OK with *out
 * filled whatever the status (an infeasible curve point is an answer: its
 * plans are NULL); release with pol_recruited_release, also after a
 * failure. MU_E_INPUT (weeks of different systems), MU_E_IO (the MPS
 * file), MU_E_SOLVER (GLPK failed). */
enum mu_code pol_recruit_solve(const struct pol_recruit_request *req, struct pol_recruited *out,
                               struct mu_err *err);

void pol_recruited_release(struct pol_recruited *r);

#endif
