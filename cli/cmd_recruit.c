/*
 * cmd_recruit.c - `muster recruit WEEK...`: the posts to recruit across
 * representative weeks of one system (DESIGN.md §3c), solved as one model
 * (policies/pol_recruit_solve.c); posts.csv with the value of each last
 * post, each week's plan.csv and summary.csv, the recruitment curve of
 * --posts, and a sentence for the board derived from the numbers.
 */
#include "cli.h"

#include "cli_options.h"
#include "cli_run.h"
#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "core/mu_parse.h"
#include "core/mu_time.h"
#include "flows/flow_recruit.h"
#include "io/io_outputs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_WEEKS 52
#define MAX_CURVE_POINTS 1000
#define EPS 1e-6

const char cmd_recruit_help[] =
    "usage: muster recruit WEEK... [--weights W,...] [--posts FROM:TO:STEP] [--lp]\n"
    "                      [--out DIR] [--db FILE] [--time-limit S]\n"
    "                      [--write-mps FILE]\n"
    "\n"
    "Chooses how many posts of each recruits.csv row to recruit, once for the\n"
    "year, against one or more representative weeks (scenario folders of the\n"
    "same system: the same partners, roles and recruits.csv), minimising the\n"
    "yearly objective: the posts' annual cost plus each week's objective (spend\n"
    "plus penalty weights) times the weeks of the year it stands for, within\n"
    "the setting recruit_budget. The objective holds penalty weights, so it is\n"
    "shown as a plain number, not pounds. A post is substantive staff of its\n"
    "partner and role in every week, on the shifts muster chooses: at most one\n"
    "shift at a time, hours_per_week, and night shifts only with nights = yes.\n"
    "Prints the posts, the value of each (partner, role)'s last post (what it\n"
    "takes off the yearly objective, from a re-solve with one post fewer\n"
    "there), and what the recruitment comes to a year.\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it:\n"
    "\n"
    "  muster example ex-summer --summer\n"
    "  muster recruit ex ex-summer --lp --posts 0:60:10 --out rec\n"
    "\n"
    "options:\n"
    "  --weights W,...   weeks of the year each WEEK stands for, one number per\n"
    "                    WEEK (default: 52 shared equally)\n"
    "  --posts FROM:TO:STEP\n"
    "                    the recruitment curve: the best yearly objective, spend and\n"
    "                    filled hours with the total number of posts fixed at\n"
    "                    each value, and where one more post stops paying\n"
    "  --lp              plan mode: posts and staff may be fractions (fast)\n"
    "  --out DIR         write posts.csv, curve.csv (with --posts), report.html,\n"
    "                    and each week's plan.csv and summary.csv in\n"
    "                    DIR/week1, DIR/week2 ...\n"
    "  --db FILE         the run database (default: muster.db): each week's plan\n"
    "                    of the best posts is a run, the weeks one linked set\n"
    "                    (a sweep of command recruit; each run's values: week,\n"
    "                    weight and the posts of each recruits.csv row)\n"
    "  --time-limit S    seconds for the whole command, shared: the best posts\n"
    "                    get 50% of what is left when they begin, each re-solve\n"
    "                    after (last posts, one more, the curve, nobody) an\n"
    "                    equal share of the rest; each stops with the best\n"
    "                    found. Without it each rota search stops when proven\n"
    "                    optimal or after 10,000 simplex iterations after its\n"
    "                    relaxation (per search, not shared: the same answer on\n"
    "                    every run)\n"
    "  --write-mps FILE  also write the joint model as free MPS (rows and\n"
    "                    columns of week k prefixed wK_)\n"
    "\n"
    "exit codes: 0 solved; 3 solved, but a week leaves a demand row below its\n"
    "safe minimum; 2 bad usage, scenario, or weeks of different systems; 1 I/O\n"
    "or solver failure, or a second Ctrl-C (with --lp, the first), recording\n"
    "nothing. In rota mode the first Ctrl-C stops the search at hand with its\n"
    "best, every later one as soon as it has its rounded rota.\n";

struct recruit_args {
	const char *weeks[MAX_WEEKS];
	double weights[MAX_WEEKS];
	struct cli_options o;
	struct flow_recruit_request req; /* n_weeks and the curve, from here */
};

/* A number of (s, len) in range, or false. */
static bool number_in(const char *s, size_t len, const struct mu_range *range, double *out)
{
	char msg[256];
	return mu_parse_number(s, len, range, out, msg, sizeof(msg));
}

static const struct mu_range RULE_WEIGHT = {.lo = 0, .hi = 1000, .is_lo_open = true};
static const struct mu_range RULE_POSTS = {.lo = 0, .hi = 1e6, .is_integer = true};

/* "26,26" into weights; false unless exactly n positive numbers. */
static bool parse_weights(const char *v, double *w, size_t n)
{
	size_t k, n_fields = 1;
	const char *p = v, *c;
	for (c = v; *c; c++)
		n_fields += *c == ',';
	if (n_fields != n)
		return false;
	for (k = 0; k < n; k++) {
		c = strchr(p, ',');
		if (!number_in(p, c ? (size_t)(c - p) : strlen(p), &RULE_WEIGHT, &w[k]))
			return false;
		p = c ? c + 1 : p;
	}
	return true;
}

/* FROM:TO:STEP, whole numbers, FROM <= TO, STEP > 0. */
static bool parse_curve(const char *v, double *from, double *to, double *step)
{
	const char *a = strchr(v, ':'), *b = a ? strchr(a + 1, ':') : NULL;
	if (!a || !b || strchr(b + 1, ':'))
		return false;
	if (!number_in(v, (size_t)(a - v), &RULE_POSTS, from) ||
	    !number_in(a + 1, (size_t)(b - a - 1), &RULE_POSTS, to) ||
	    !number_in(b + 1, strlen(b + 1), &RULE_POSTS, step))
		return false;
	return *step > 0 && *from <= *to && (*to - *from) / *step < MAX_CURVE_POINTS;
}

/* Whether arg (as --name or --name=value) is an option of solve's that
 * recruit takes. */
static bool is_taken(const char *arg)
{
	static const char *const taken[] = {"--lp", "--out", "--time-limit", "--write-mps", "--db"};
	size_t n = strcspn(arg, "="), k;
	for (k = 0; k < sizeof(taken) / sizeof(taken[0]); k++)
		if (strlen(taken[k]) == n && strncmp(arg, taken[k], n) == 0)
			return true;
	return false;
}

/* Separates the weeks, --weights and --posts from the options solve shares
 * (parsed by cli_parse_options). Returns 0 or the exit status. */
static int parse_args(int argc, char **argv, struct recruit_args *a)
{
	static const char *const valued[] = {"--out", "--time-limit", "--write-mps", "--db"};
	char **rest = mu_calloc((size_t)argc + 1, sizeof(char *));
	const char *weights = NULL, *v;
	int i = 1, n_rest = 1, status = 0;
	size_t k;
	rest[0] = argv[0];
	while (i < argc && status == 0) {
		bool is_missing = false;
		if ((v = cli_option_value(argc, argv, &i, "--weights", &is_missing)) ||
		    is_missing) {
			if (!(weights = v))
				status = cli_usage_error("recruit", "--weights needs a value");
		} else if ((v = cli_option_value(argc, argv, &i, "--posts", &is_missing)) ||
		           is_missing) {
			if (is_missing || !parse_curve(v, &a->req.from, &a->req.to, &a->req.step))
				status = cli_usage_error(
				    "recruit",
				    "invalid --posts '%s' (FROM:TO:STEP: whole numbers, "
				    "FROM <= TO, STEP > 0, at most %d points, e.g. 0:20:2)",
				    is_missing ? "" : v, MAX_CURVE_POINTS);
			a->req.has_curve = true;
		} else if (argv[i][0] != '-') {
			if (a->req.n_weeks == MAX_WEEKS)
				status = cli_usage_error("recruit", "at most %d weeks", MAX_WEEKS);
			else
				a->weeks[a->req.n_weeks++] = argv[i++];
		} else if (!is_taken(argv[i])) {
			/* refused here: its value would otherwise be read as a WEEK */
			size_t n = strcspn(argv[i], "=");
			status = cli_usage_error("recruit",
			                         "unknown option '%.*s' (recruit takes --weights, "
			                         "--posts, --lp, --out, --time-limit, --write-mps "
			                         "and --db)",
			                         (int)(n > 64 ? 64 : n), argv[i]);
		} else {
			/* an option that takes a value carries it along */
			for (k = 0; k < 4 && strcmp(argv[i], valued[k]) != 0; k++)
				;
			rest[n_rest++] = argv[i++];
			if (k < 4 && i < argc && argv[i][0] != '-')
				rest[n_rest++] = argv[i++];
		}
	}
	if (status == 0)
		status = cli_parse_options("recruit", n_rest, rest,
		                           CLI_OPT_LP | CLI_OPT_OUT | CLI_OPT_DB |
		                               CLI_OPT_TIME_LIMIT | CLI_OPT_WRITE_MPS,
		                           &a->o);
	free(rest);
	if (status != 0)
		return status;
	if (a->o.mps_natural)
		return cli_usage_error("recruit", "unknown option '--write-mps-natural'");
	if (a->req.n_weeks == 0)
		return cli_usage_error("recruit", "missing WEEK folder");
	for (k = 0; k < a->req.n_weeks; k++)
		a->weights[k] = 52.0 / (double)a->req.n_weeks;
	if (weights && !parse_weights(weights, a->weights, a->req.n_weeks))
		return cli_usage_error(
		    "recruit",
		    "invalid --weights '%s' (one number of weeks in (0, 1000] per "
		    "WEEK, %zu here, comma-separated, e.g. 26,26)",
		    weights, a->req.n_weeks);
	for (k = 0; a->o.out && k < a->req.n_weeks; k++)
		if (cli_is_same_folder(a->o.out, a->weeks[k]))
			return cli_usage_error(
			    "recruit",
			    "--out %s is the folder of a week: muster would write its "
			    "outputs among the scenario's files; give another folder",
			    a->o.out);
	return 0;
}

/* What the terminal says of each solve: a line on stderr, rewritten in
 * place, while it runs (long work shows progress, DESIGN.md §5). */
static void on_step(void *ctx, const struct flow_recruit_step *step)
{
	static const char *const what[] = {
	    [FLOW_RECRUIT_BEST] = "the best posts",
	    [FLOW_RECRUIT_LAST_POST] = "the value of a last post",
	    [FLOW_RECRUIT_NEXT] = "one post more",
	    [FLOW_RECRUIT_CURVE] = "the curve",
	    [FLOW_RECRUIT_NOBODY] = "recruiting nobody",
	};
	(void)ctx;
	if (!isatty(fileno(stderr)))
		return;
	if (step->phase == FLOW_RECRUIT_BEGIN)
		fprintf(stderr, "\r\033[Krecruit: solving %s ...", what[step->solve]);
	else
		fprintf(stderr, "\r\033[K");
}

/* The weeks, the posts with their cost and last post's value, and the
 * curve with where it ends. */
static void print_result(const struct flow_recruit_request *req, const struct mu_scenario *sc,
                         const struct flow_recruit *r)
{
	const struct pol_recruited *best = &r->best;
	char m[4][MU_MONEY_SIZE], words[MU_STATUS_SIZE];
	struct mu_buf end;
	size_t k, i;
	/* the objective holds penalty weights (DESIGN.md §3): a plain number,
	 * with spend (£) and the weights apart; the posts' pay is money */
	printf("recruit: %zu week%s, %s: %s, yearly objective %s (spend %s plus %s in penalty "
	       "weights)\n",
	       req->n_weeks, req->n_weeks == 1 ? "" : "s", req->is_lp ? "plan" : "rota",
	       mu_format_status(words, best->status, !req->is_lp && best->has_bound, best->gap),
	       mu_format_weight(m[0], best->objective, 2), cli_money(m[1], r->year.spend),
	       mu_format_weight(m[2], best->objective - r->year.spend, 2));
	for (k = 0; k < req->n_weeks; k++) {
		const struct mu_totals *t = &best->plans[k]->system;
		cli_print_line(
		    stdout,
		    "  week%zu %s (%.4g weeks a year): objective %s, spend %s, penalties "
		    "%s in weights, fill %.1f%%, %zu red flag%s\n",
		    k + 1, req->folders[k], req->weights[k],
		    mu_format_weight(m[0], best->plans[k]->objective, 2),
		    cli_money(m[1], t->spend_total), mu_format_weight(m[2], t->penalty_total, 2),
		    fmax(0, 100 * mu_totals_fill_rate(t)), t->n_red_flags,
		    t->n_red_flags == 1 ? "" : "s");
	}
	printf("  %-14s %-14s %8s %16s %22s\n", "partner", "role", "posts", "cost a year",
	       "last post's value");
	for (i = 0; i < sc->n_recruits; i++) {
		const struct mu_recruit *p = &sc->recruits[i];
		cli_print_line(stdout, "  %-14s %-14s %8.4g %16s %22s\n",
		               sc->partners[p->partner].id, sc->roles[p->role].id,
		               fabs(best->posts[i]) < EPS ? 0 : best->posts[i],
		               cli_money(m[0], best->posts[i] * p->annual_cost),
		               r->has_value[i] ? mu_format_weight(m[1], r->value[i], 2) : "-");
	}
	printf("  (a last post's value: what it takes off the yearly objective, in spend plus "
	       "penalty weights, not money)\n");
	if (req->is_lp)
		printf("  (plan mode: posts are whole-time equivalents, fractions of a post; "
		       "without --lp they are whole)\n");
	if (io_say_recruit_is_solved(&r->none))
		printf("  without new posts: yearly objective %s (spend %s plus %s in penalty "
		       "weights)\n",
		       mu_format_weight(m[0], r->none.cost, 2), cli_money(m[1], r->none.spend),
		       mu_format_weight(m[2], r->none.cost - r->none.spend, 2));
	if (req->time_limit > 0)
		printf("  (--time-limit %g s for the whole command: the best posts were given "
		       "up to %.1f s, each of the %zu re-solves up to %.1f s)\n",
		       req->time_limit, r->time_best, r->n_resolves, r->time_each);
	if (!req->is_lp && !r->is_all_optimal)
		printf("  (a search stopped by %s: the values compare the best rotas "
		       "found, not proven optima)\n",
		       cli_run_is_interrupted() ? "you (Ctrl-C)"
		       : req->time_limit > 0    ? "--time-limit"
		                                : "its work limit");
	if (r->n_curve == 0)
		return;
	/* the objective and penalties in weights, spend and the posts' cost in
	 * pounds */
	printf("\n  %8s %-10s %16s %16s %16s %16s %14s\n", "posts", "status", "objective",
	       "posts' cost", "spend", "penalties", "filled hours");
	for (i = 0; i < r->n_curve; i++) {
		const struct io_recruit_year *p = &r->curve[i];
		printf("  %8.0f %-10s", r->curve_x[i], mu_status_name(p->status));
		if (io_say_recruit_is_solved(p))
			printf(" %16s %16s %16s %16s %14.0f%s", mu_format_weight(m[0], p->cost, 2),
			       cli_money(m[1], p->post_cost), cli_money(m[2], p->spend),
			       mu_format_weight(m[3], p->cost - p->spend, 2), p->filled,
			       i == r->end_at && r->end == IO_RECRUIT_BREAK_EVEN ? "  <- break-even"
			                                                         : "");
		printf("\n");
	}
	mu_buf_init(&end);
	io_say_recruit_curve(&end, r->curve_x, r->curve, r->n_curve);
	printf("  %s\n", end.data); /* numbers only: no text of the user's */
	mu_buf_release(&end);
}

/* Reads the weeks: of one system, with posts to recruit. 0 or the exit
 * status. */
static int load_weeks(const struct recruit_args *a, struct io_source **src, struct mu_scenario **sc)
{
	const size_t n = a->req.n_weeks;
	char why[256];
	size_t k;
	int status;
	for (k = 0; k < n; k++)
		if ((status = cli_load_scenario(a->weeks[k], &src[k], &sc[k])) != 0)
			return status;
	for (k = 1; k < n; k++)
		if (!pol_recruit_same_system(sc[0], sc[k], why, sizeof(why))) {
			cli_print_line(
			    stderr,
			    "muster recruit: %s is not the system of %s: %s (the weeks of "
			    "one recruitment have the same partners, roles, recruits.csv "
			    "and recruit_budget)\n",
			    a->weeks[k], a->weeks[0], why);
			return 2;
		}
	for (k = 0; k < n; k++)
		if (sc[k]->settings.guarantee == MU_GUARANTEE_UNFILLED)
			cli_print_line(
			    stderr,
			    "warning: %s: guarantee is unfilled, but recruit does not apply "
			    "the guarantee of DESIGN.md §3a: its weeks are planned without "
			    "it\n",
			    a->weeks[k]);
	if (sc[0]->n_recruits == 0) {
		cli_print_line(stderr,
		               "muster recruit: %s has no recruits.csv rows: nothing to recruit "
		               "(recruits.csv: partner,role,annual_cost,max_posts,hours_per_week,"
		               "nights)\n",
		               a->weeks[0]);
		return 2;
	}
	return 0;
}

int cmd_recruit(int argc, char **argv)
{
	struct recruit_args a;
	struct flow_recruit_request *req = &a.req;
	struct io_source *src[MAX_WEEKS] = {NULL};
	struct mu_scenario *sc[MAX_WEEKS] = {NULL};
	struct flow_recruit r;
	struct cli_progress progress = {"recruit", 0};
	struct mu_buf say;
	struct mu_err err;
	size_t k;
	int status;
	char *staged = NULL; /* --out's outputs until the weeks are recorded */

	memset(&a, 0, sizeof(a));
	memset(&r, 0, sizeof(r));
	req->started = mu_time_now();
	if (cli_print_help_if_asked(cmd_recruit_help, argc, argv))
		return 0;
	if ((status = parse_args(argc, argv, &a)) != 0)
		return status;
	mu_buf_init(&say);
	if ((status = load_weeks(&a, src, sc)) != 0)
		goto done;
	req->time_read = mu_time_now() - req->started;
	/* the database and the output folder, before any solving */
	if ((status = cli_run_store_open(a.o.db, &req->store)) != 0 ||
	    (status = cli_prepare_out(a.o.out)) != 0)
		goto done;
	mu_err_clear(&err);
	if (a.o.out && io_outputs_begin(a.o.out, &staged, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	req->weeks = (const struct mu_scenario *const *)sc;
	req->sources = (const struct io_source *const *)src;
	req->folders = a.weeks;
	req->weights = a.weights;
	req->is_lp = a.o.is_lp;
	req->time_limit = a.o.time_limit;
	req->work_limit = cli_work_limit(&a.o);
	req->mps = a.o.mps;
	req->out = staged;
	cli_run_hooks(&progress, false, &req->hooks);
	if (!a.o.is_lp)
		cli_run_keep_on_interrupt(&req->hooks);
	req->on_step = on_step;
	mu_err_clear(&err);
	if (flow_recruit_solve(req, &r, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	if (staged && io_outputs_commit(staged, a.o.out, &err) != MU_OK) {
		cli_print_line(stderr,
		               "muster: the weeks' runs are recorded in %s as set %lld, but their "
		               "outputs could not all be put in %s: %s\n",
		               a.o.db, (long long)r.set_id, a.o.out, err.msg);
		status = 1;
		goto done;
	}
	print_result(req, sc[0], &r);
	flow_recruit_say(&say, sc[0], req, &r);
	printf("\n");
	cli_print_line(stdout, "%s\n", say.data);
	cli_print_line(stdout, "  the weeks' runs recorded in %s as set %lld (muster runs)\n",
	               a.o.db, (long long)r.set_id);
	if (a.o.out)
		cli_print_line(stdout, "  posts.csv, report.html%s and week1..week%zu in %s\n",
		               req->has_curve ? ", curve.csv" : "", req->n_weeks, a.o.out);
	status = r.year.red_flags > 0 ? 3 : 0;
done:
	io_outputs_abandon(staged); /* gone already after the commit */
	free(staged);
	io_store_close(req->store);
	flow_recruit_release(&r);
	mu_buf_release(&say);
	for (k = 0; k < req->n_weeks; k++) {
		mu_scenario_free(sc[k]);
		io_source_free(src[k]);
	}
	return status;
}
