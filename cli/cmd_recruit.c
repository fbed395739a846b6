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
#include "core/mu_buf.h"
#include "core/mu_format.h"
#include "core/mu_parse.h"
#include "core/mu_time.h"
#include "io/io_report.h"
#include "io/io_store.h"
#include "io/io_say.h"
#include "policies/pol_recruit.h"

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
    "posts' annual cost plus each week's cost (spend and penalty weights) times\n"
    "the weeks of the year it stands for, within the setting recruit_budget.\n"
    "A post is substantive staff of its partner and role in every week, on the\n"
    "shifts muster chooses: at most one shift at a time, hours_per_week, and\n"
    "night shifts only with nights = yes. Prints the posts, the value of each\n"
    "(partner, role)'s last post (the yearly cost it takes off, from a re-solve\n"
    "with one post fewer there), and what the recruitment comes to a year.\n"
    "\n"
    "options:\n"
    "  --weights W,...   weeks of the year each WEEK stands for, one number per\n"
    "                    WEEK (default: 52 shared equally)\n"
    "  --posts FROM:TO:STEP\n"
    "                    the recruitment curve: the best yearly cost, spend and\n"
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
    "  --time-limit S    stop each solve after S seconds with the best found\n"
    "  --write-mps FILE  also write the joint model as free MPS (rows and\n"
    "                    columns of week k prefixed wK_)\n"
    "\n"
    "exit codes: 0 solved; 3 solved, but a week leaves a demand row below its\n"
    "safe minimum; 2 bad usage, scenario, or weeks of different systems; 1 I/O\n"
    "or solver failure.\n";

struct recruit_args {
	const char *weeks[MAX_WEEKS];
	size_t n_weeks;
	double weights[MAX_WEEKS];
	bool has_weights, has_curve;
	double from, to, step;
	struct cli_options o;
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

/* Separates the weeks, --weights and --posts from the options solve shares
 * (parsed by cli_parse_options). Returns 0 or the exit status. */
static int parse_args(int argc, char **argv, struct recruit_args *a)
{
	char **rest = mu_calloc((size_t)argc + 1, sizeof(char *));
	const char *weights = NULL;
	int i = 1, n_rest = 1, status = 0;
	size_t k;
	rest[0] = argv[0];
	while (i < argc) {
		bool is_missing = false;
		const char *v;
		if ((v = cli_option_value(argc, argv, &i, "--weights", &is_missing)) ||
		    is_missing) {
			if (is_missing) {
				status = cli_usage_error("recruit", "--weights needs a value");
				goto done;
			}
			weights = v;
			continue;
		}
		if ((v = cli_option_value(argc, argv, &i, "--posts", &is_missing)) || is_missing) {
			if (is_missing || !parse_curve(v, &a->from, &a->to, &a->step)) {
				status =
				    cli_usage_error("recruit",
				                    "invalid --posts '%s' (FROM:TO:STEP: whole "
				                    "numbers, FROM <= TO, "
				                    "STEP > 0, at most %d points, e.g. 0:20:2)",
				                    is_missing ? "" : v, MAX_CURVE_POINTS);
				goto done;
			}
			a->has_curve = true;
			continue;
		}
		if (argv[i][0] != '-') {
			if (a->n_weeks == MAX_WEEKS) {
				status = cli_usage_error("recruit", "at most %d weeks", MAX_WEEKS);
				goto done;
			}
			a->weeks[a->n_weeks++] = argv[i++];
			continue;
		}
		/* an option that takes a value carries it along */
		rest[n_rest++] = argv[i++];
		if (i < argc && argv[i][0] != '-' &&
		    (strcmp(argv[i - 1], "--out") == 0 ||
		     strcmp(argv[i - 1], "--time-limit") == 0 ||
		     strcmp(argv[i - 1], "--write-mps") == 0 || strcmp(argv[i - 1], "--db") == 0))
			rest[n_rest++] = argv[i++];
	}
	if ((status = cli_parse_options("recruit", n_rest, rest,
	                                CLI_OPT_LP | CLI_OPT_OUT | CLI_OPT_DB | CLI_OPT_TIME_LIMIT |
	                                    CLI_OPT_WRITE_MPS,
	                                &a->o)) != 0)
		goto done;
	if (a->o.mps_natural) {
		status = cli_usage_error("recruit", "unknown option '--write-mps-natural'");
		goto done;
	}
	if (a->n_weeks == 0) {
		status = cli_usage_error("recruit", "missing WEEK folder");
		goto done;
	}
	for (k = 0; k < a->n_weeks; k++)
		a->weights[k] = 52.0 / (double)a->n_weeks;
	if (weights && !parse_weights(weights, a->weights, a->n_weeks)) {
		status = cli_usage_error("recruit",
		                         "invalid --weights '%s' (one number of weeks in (0, 1000] "
		                         "per WEEK, %zu here, comma-separated, e.g. 26,26)",
		                         weights, a->n_weeks);
		goto done;
	}
	a->has_weights = weights != NULL;
	for (k = 0; a->o.out && k < a->n_weeks; k++)
		if (cli_is_same_folder(a->o.out, a->weeks[k])) {
			status =
			    cli_usage_error("recruit",
			                    "--out %s is the folder of a week: muster would write "
			                    "its outputs among the scenario's files; give another "
			                    "folder",
			                    a->o.out);
			goto done;
		}
done:
	free(rest);
	return status;
}

/* What one solve of the joint model comes to, a year. */
struct year {
	enum mu_status status;
	double cost, spend, filled, post_cost, posts;
	size_t red_flags; /* over the weeks */
};

static void year_of(const struct pol_recruited *r, const double *weights, size_t n_weeks,
                    struct year *y)
{
	size_t k, i;
	memset(y, 0, sizeof(*y));
	y->status = r->status;
	if (!r->plans)
		return;
	y->cost = r->objective;
	y->post_cost = r->post_cost;
	y->spend = r->post_cost;
	for (k = 0; k < n_weeks; k++) {
		const struct mu_totals *t = &r->plans[k]->system;
		y->spend += weights[k] * t->spend_total;
		y->filled += weights[k] * t->filled_hours;
		y->red_flags += t->n_red_flags;
	}
	for (i = 0; i < r->n_posts; i++)
		y->posts += r->posts[i];
}

/* The fill rate in percent, rounding noise below 0 shown as 0. */
static double fill_percent(const struct mu_totals *t)
{
	return fmax(0, 100 * mu_totals_fill_rate(t));
}

/* Solves req into out, saying on stderr what it solves when stderr is a
 * terminal (long work shows progress, DESIGN.md §5). */
static enum mu_code solve_said(const struct pol_recruit_request *req, struct pol_recruited *out,
                               const char *what, struct mu_err *err)
{
	enum mu_code rc;
	bool is_tty = isatty(fileno(stderr));
	if (is_tty)
		fprintf(stderr, "\r\033[Krecruit: solving %s ...", what);
	rc = pol_recruit_solve(req, out, err);
	if (is_tty)
		fprintf(stderr, "\r\033[K");
	if (rc == MU_OK && cli_run_is_interrupted())
		return mu_err_set(err, MU_E_SOLVER, "interrupted; nothing was recorded");
	return rc;
}

static bool is_solved(enum mu_status s)
{
	return s == MU_STATUS_OPTIMAL || s == MU_STATUS_FEASIBLE;
}

/* posts.csv: partner,role,posts,annual_cost,posts_cost,last_post_value,max_posts */
static enum mu_code write_posts(const char *dir, const struct mu_scenario *sc,
                                const struct pol_recruited *best, const double *value,
                                const bool *has_value, struct mu_err *err)
{
	struct mu_buf b;
	size_t i;
	enum mu_code rc;
	mu_buf_init(&b);
	mu_buf_adds(&b, "partner,role,posts,annual_cost,posts_cost,last_post_value,max_posts\n");
	for (i = 0; i < sc->n_recruits; i++) {
		const struct mu_recruit *k = &sc->recruits[i];
		mu_buf_addf(&b, "%s,%s,%.10g,%.2f,%.2f,", sc->partners[k->partner].id,
		            sc->roles[k->role].id, fabs(best->posts[i]) < EPS ? 0 : best->posts[i],
		            k->annual_cost, best->posts[i] * k->annual_cost);
		if (has_value[i])
			mu_buf_addf(&b, "%.2f", value[i]);
		mu_buf_adds(&b, ",");
		if (k->max_posts != MU_UNLIMITED)
			mu_buf_addf(&b, "%ld", k->max_posts);
		mu_buf_adds(&b, "\n");
	}
	rc = io_report_write_file(dir, "posts.csv", b.data, b.len, err);
	mu_buf_release(&b);
	return rc;
}

/* curve.csv: one row per point of --posts. */
static enum mu_code write_curve(const char *dir, const double *x, const struct year *pts, size_t n,
                                struct mu_err *err)
{
	struct mu_buf b;
	size_t i;
	enum mu_code rc;
	mu_buf_init(&b);
	mu_buf_adds(&b, "posts,status,yearly_cost,posts_cost,spend,filled_hours,red_flags\n");
	for (i = 0; i < n; i++) {
		mu_buf_addf(&b, "%.0f,%s,", x[i], mu_status_name(pts[i].status));
		if (is_solved(pts[i].status))
			mu_buf_addf(&b, "%.2f,%.2f,%.2f,%.10g,%zu\n", pts[i].cost, pts[i].post_cost,
			            pts[i].spend, pts[i].filled, pts[i].red_flags);
		else
			mu_buf_adds(&b, ",,,,\n");
	}
	rc = io_report_write_file(dir, "curve.csv", b.data, b.len, err);
	mu_buf_release(&b);
	return rc;
}

/* The first point after which one more step of posts no longer lowers the
 * yearly cost (by £0.5 or more), or n when every step still pays. */
/* Where the curve stops falling, read from its points in order of posts. */
enum curve_end {
	CURVE_FALLS,       /* every solved step lowers the yearly cost */
	CURVE_BREAK_EVEN,  /* the step after the point does not */
	CURVE_NO_MORE_FIT, /* the point after it does not fit (infeasible) */
	CURVE_NOT_SOLVED,  /* the point after it was not solved in --time-limit */
	CURVE_NONE_FITS,   /* no point fits within recruit_budget and max_posts */
	CURVE_NONE_SOLVED  /* no point was solved in --time-limit */
};

/* The curve's end and the point it is at (n when none). */
static enum curve_end break_even(const struct year *pts, size_t n, size_t *at)
{
	size_t i = 0;
	bool is_any_unsolved = false;
	for (; i < n && !is_solved(pts[i].status); i++)
		is_any_unsolved = is_any_unsolved || pts[i].status != MU_STATUS_INFEASIBLE;
	*at = i;
	if (i == n)
		return is_any_unsolved ? CURVE_NONE_SOLVED : CURVE_NONE_FITS;
	for (; i + 1 < n; i++) {
		*at = i;
		if (pts[i + 1].status == MU_STATUS_INFEASIBLE)
			return CURVE_NO_MORE_FIT;
		if (!is_solved(pts[i + 1].status))
			return CURVE_NOT_SOLVED;
		if (pts[i + 1].cost > pts[i].cost - 0.5)
			return CURVE_BREAK_EVEN;
	}
	*at = n;
	return CURVE_FALLS;
}

/* The sentence on the curve's end: posts x[at]. */
static void say_curve_end(struct mu_buf *b, enum curve_end end, const double *x, size_t at)
{
	switch (end) {
	case CURVE_FALLS:
		mu_buf_adds(b, "Every step of the curve still lowers the yearly cost.");
		break;
	case CURVE_BREAK_EVEN:
		mu_buf_addf(b,
		            "Break-even at %g post%s: one more step of posts no longer lowers the "
		            "yearly cost.",
		            x[at], x[at] == 1 ? "" : "s");
		break;
	case CURVE_NO_MORE_FIT:
		mu_buf_addf(b,
		            "The curve ends at %g post%s: no more fit within recruit_budget and "
		            "max_posts.",
		            x[at], x[at] == 1 ? "" : "s");
		break;
	case CURVE_NOT_SOLVED:
		mu_buf_addf(b,
		            "The curve stops at %g post%s: the next point was not solved within "
		            "--time-limit.",
		            x[at], x[at] == 1 ? "" : "s");
		break;
	case CURVE_NONE_FITS:
		mu_buf_adds(b, "No point of the curve fits within recruit_budget and max_posts.");
		break;
	case CURVE_NONE_SOLVED:
		mu_buf_adds(b, "No point of the curve was solved within --time-limit.");
		break;
	}
}

/* A small line chart of the curve's yearly cost against posts (inline SVG). */
static void svg_curve(struct mu_buf *b, const double *x, const struct year *pts, size_t n,
                      size_t knee, enum curve_end end)
{
	const double w = 560, h = 240, l = 90, r = 20, t = 20, bo = 40;
	double lo = HUGE_VAL, hi = -HUGE_VAL, x0 = x[0], x1 = x[n - 1];
	size_t i;
	char m[MU_MONEY_SIZE];
	bool is_first = true;
	for (i = 0; i < n; i++)
		if (is_solved(pts[i].status)) {
			lo = fmin(lo, pts[i].cost);
			hi = fmax(hi, pts[i].cost);
		}
	if (lo > hi)
		return;
	if (hi - lo < 1)
		hi = lo + 1;
	if (x1 == x0)
		x1 = x0 + 1;
	mu_buf_addf(b,
	            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
	            "role=\"img\" aria-label=\"yearly cost against posts\">\n",
	            w, h);
	mu_buf_addf(b,
	            "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#555\"/>"
	            "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#555\"/>\n",
	            l, h - bo, w - r, h - bo, l, t, l, h - bo);
	mu_buf_addf(b,
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
	            l - 4, t + 4, mu_format_money(m, hi, 0));
	mu_buf_addf(b,
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
	            l - 4, h - bo, mu_format_money(m, lo, 0));
	mu_buf_addf(b,
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">%.0f</text>"
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">%.0f</text>"
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"middle\">total "
	            "posts</text>\n",
	            l, h - bo + 16, x[0], w - r, h - bo + 16, x[n - 1], (l + w - r) / 2, h - 6);
	mu_buf_adds(b, "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"");
	for (i = 0; i < n; i++) {
		if (!is_solved(pts[i].status))
			continue;
		mu_buf_addf(b, "%s%.1f,%.1f", is_first ? "" : " ",
		            l + (x[i] - x0) / (x1 - x0) * (w - l - r),
		            t + (hi - pts[i].cost) / (hi - lo) * (h - t - bo));
		is_first = false;
	}
	mu_buf_adds(b, "\"/>\n");
	for (i = 0; i < n; i++)
		if (is_solved(pts[i].status))
			mu_buf_addf(b,
			            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f5fa8\"/>\n",
			            l + (x[i] - x0) / (x1 - x0) * (w - l - r),
			            t + (hi - pts[i].cost) / (hi - lo) * (h - t - bo));
	if (knee < n &&
	    (end == CURVE_BREAK_EVEN || end == CURVE_NO_MORE_FIT || end == CURVE_NOT_SOLVED)) {
		double kx = l + (x[knee] - x0) / (x1 - x0) * (w - l - r);
		/* the label on the side with room: right of the chart's middle it
		 * would run off the edge (the example's knee is at 50 of 60) */
		bool is_left = kx > (l + w - r) / 2;
		mu_buf_addf(
		    b,
		    "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#b34700\" "
		    "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" "
		    "text-anchor=\"%s\" fill=\"#b34700\">%s: %g posts</text>\n",
		    kx, t, kx, h - bo, is_left ? kx - 4 : kx + 4, t + 12, is_left ? "end" : "start",
		    end == CURVE_BREAK_EVEN    ? "break-even"
		    : end == CURVE_NO_MORE_FIT ? "the most that fit"
		                               : "the last solved",
		    x[knee]);
	}
	mu_buf_adds(b, "</svg>\n");
}

/* Escapes text for HTML. */
static void html_text(struct mu_buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '<':
			mu_buf_adds(b, "&lt;");
			break;
		case '>':
			mu_buf_adds(b, "&gt;");
			break;
		case '&':
			mu_buf_adds(b, "&amp;");
			break;
		case '"':
			mu_buf_adds(b, "&quot;");
			break;
		default:
			mu_buf_add(b, s, 1);
		}
}

/* report.html: the sentence, the posts, the weeks, and the curve. */
static enum mu_code write_report(const char *dir, const struct mu_scenario *sc,
                                 const struct recruit_args *a, const struct pol_recruited *best,
                                 const char *sentence, const double *value, const bool *has_value,
                                 const double *x, const struct year *pts, size_t n_pts, size_t knee,
                                 enum curve_end end, struct mu_err *err)
{
	struct mu_buf b;
	size_t i, k;
	char m[3][MU_MONEY_SIZE];
	enum mu_code rc;
	mu_buf_init(&b);
	mu_buf_adds(
	    &b,
	    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<title>muster recruit</title><style>body{font-family:sans-serif;"
	    "max-width:60em;margin:2em auto;color:#222}table{border-collapse:"
	    "collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
	    "th:first-child,td:first-child,th:nth-child(2),td:nth-child(2){text-align:left}</style>"
	    "</head><body>\n<h1>Where the next posts should go</h1>\n<p>");
	html_text(&b, sentence);
	mu_buf_adds(&b, "</p>\n<h2>Posts</h2>\n<table><tr><th>partner</th><th>role</th><th>posts"
	                "</th><th>annual cost per post</th><th>posts' cost a year</th><th>value "
	                "of the last post a year</th></tr>\n");
	for (i = 0; i < sc->n_recruits; i++) {
		const struct mu_recruit *r = &sc->recruits[i];
		mu_buf_adds(&b, "<tr><td>");
		html_text(&b, sc->partners[r->partner].name);
		mu_buf_adds(&b, "</td><td>");
		html_text(&b, sc->roles[r->role].name);
		mu_buf_addf(&b, "</td><td>%.4g</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
		            fabs(best->posts[i]) < EPS ? 0 : best->posts[i],
		            mu_format_money(m[0], r->annual_cost, 2),
		            mu_format_money(m[1], best->posts[i] * r->annual_cost, 2),
		            has_value[i] ? mu_format_money(m[2], value[i], 2) : "");
	}
	mu_buf_adds(&b, "</table>\n<h2>Weeks</h2>\n<table><tr><th>week</th><th>folder</th><th>"
	                "weeks of the year</th><th>cost of the week</th><th>spend</th><th>fill"
	                "</th><th>red flags</th></tr>\n");
	for (k = 0; k < a->n_weeks; k++) {
		const struct mu_totals *t = &best->plans[k]->system;
		mu_buf_addf(&b, "<tr><td>week%zu</td><td>", k + 1);
		html_text(&b, a->weeks[k]);
		mu_buf_addf(&b,
		            "</td><td>%.4g</td><td>%s</td><td>%s</td><td>%.1f%%</td><td>%zu</td>"
		            "</tr>\n",
		            a->weights[k], mu_format_money(m[0], best->plans[k]->objective, 2),
		            mu_format_money(m[1], t->spend_total, 2), fill_percent(t),
		            t->n_red_flags);
	}
	mu_buf_adds(&b, "</table>\n");
	if (n_pts > 0) {
		mu_buf_adds(&b, "<h2>The recruitment curve</h2>\n");
		svg_curve(&b, x, pts, n_pts, knee, end);
		mu_buf_adds(&b, "<table><tr><th>total posts</th><th>status</th><th>yearly cost</th>"
		                "<th>posts' cost</th><th>spend a year</th><th>filled hours a year"
		                "</th></tr>\n");
		for (i = 0; i < n_pts; i++) {
			mu_buf_addf(&b, "<tr><td>%.0f</td><td>%s</td>", x[i],
			            mu_status_name(pts[i].status));
			if (is_solved(pts[i].status))
				mu_buf_addf(&b,
				            "<td>%s</td><td>%s</td><td>%s</td><td>%.0f</td></tr>\n",
				            mu_format_money(m[0], pts[i].cost, 2),
				            mu_format_money(m[1], pts[i].post_cost, 2),
				            mu_format_money(m[2], pts[i].spend, 2), pts[i].filled);
			else
				mu_buf_adds(&b, "<td></td><td></td><td></td><td></td></tr>\n");
		}
		mu_buf_adds(&b, "</table>\n");
		mu_buf_adds(&b, "<p>");
		say_curve_end(&b, end, x, knee);
		mu_buf_adds(&b, "</p>\n");
	}
	mu_buf_adds(&b, "<p>Yearly cost = the posts' annual cost + each week's cost (spend plus "
	                "penalty weights) times the weeks of the year it stands for. Penalties "
	                "are weights, not money anyone pays.</p>\n</body></html>\n");
	rc = io_report_write_file(dir, "report.html", b.data, b.len, err);
	mu_buf_release(&b);
	return rc;
}

/* Records each week's plan of the best posts as a run, the weeks one
 * linked set (a sweep of command recruit) in one transaction; each run's
 * values are its week, its weight and the posts of every recruits.csv
 * row. *set_id gets the set's id. MU_OK or MU_E_DB. */
static enum mu_code record(struct io_store *st, const struct recruit_args *a,
                           struct io_source *const *src, struct mu_scenario *const *sc,
                           const struct pol_recruited *best, double started, double time_read,
                           int64_t *set_id, struct mu_err *err)
{
	size_t n = a->n_weeks, n_vary = 2 + sc[0]->n_recruits, k, i;
	struct flow_run_stored *stored = mu_calloc(n + 1, sizeof(*stored));
	struct io_run *runs = mu_calloc(n + 1, sizeof(*runs));
	struct io_run_vary *vary = mu_calloc(n * n_vary + 1, sizeof(*vary));
	char(*names)[160] = mu_calloc(sc[0]->n_recruits + 1, sizeof(*names));
	struct mu_buf text;
	enum mu_code rc;
	mu_buf_init(&text);
	mu_buf_addf(&text, "recruit weeks=%zu weights=", n);
	for (k = 0; k < n; k++)
		mu_buf_addf(&text, "%s%g", k ? "," : "", a->weights[k]);
	if (a->has_curve)
		mu_buf_addf(&text, " posts=%g:%g:%g", a->from, a->to, a->step);
	for (i = 0; i < sc[0]->n_recruits; i++)
		snprintf(names[i], sizeof(names[i]), "posts.%s.%s",
		         sc[0]->partners[sc[0]->recruits[i].partner].id,
		         sc[0]->roles[sc[0]->recruits[i].role].id);
	for (k = 0; k < n; k++) {
		/* the week as a solved run: its plan, borrowed, at the joint
		 * model's status and size */
		struct flow_run week;
		struct flow_run_request req = {.command = "recruit",
		                               .is_lp = a->o.is_lp,
		                               .started = started,
		                               .time_read = time_read};
		struct io_run_vary *v = &vary[k * n_vary];
		memset(&week, 0, sizeof(week));
		week.solved.status = best->status;
		week.solved.objective = best->plans[k]->objective;
		week.solved.time_solve = best->time_solve;
		week.solved.n_rows = best->n_rows;
		week.solved.n_cols = best->n_cols;
		week.solved.n_nonzeros = best->n_nonzeros;
		week.solved.plan = best->plans[k];
		flow_run_describe(sc[k], &req, &week, &stored[k]);
		v[0] = (struct io_run_vary){"week", (double)(k + 1)};
		v[1] = (struct io_run_vary){"weight", a->weights[k]};
		for (i = 0; i < sc[0]->n_recruits; i++)
			v[2 + i] = (struct io_run_vary){names[i], best->posts[i]};
		stored[k].r.vary = v;
		stored[k].r.n_vary = n_vary;
		runs[k] = stored[k].r;
	}
	rc = io_store_add_linked(
	    st, (const struct io_source *const *)src,
	    &(struct io_sweep){
	        .mode = a->o.is_lp ? "plan" : "rota", .vary = text.data, .runs = runs, .n_runs = n},
	    set_id, NULL, err);
	for (k = 0; k < n; k++)
		flow_run_stored_release(&stored[k]);
	mu_buf_release(&text);
	free(stored);
	free(runs);
	free(vary);
	free(names);
	return rc;
}

int cmd_recruit(int argc, char **argv)
{
	struct recruit_args a;
	struct io_source *src[MAX_WEEKS] = {NULL};
	struct mu_scenario *sc[MAX_WEEKS] = {NULL};
	struct pol_recruit_request req;
	struct pol_recruited best, other;
	struct pol_recruit_warm *warm = NULL;
	struct io_store *st = NULL;
	double started = mu_time_now(), time_read = 0;
	int64_t set_id = 0;
	struct year y_best, y_none, y_next, *pts = NULL;
	double *fixed = NULL, *value = NULL, *xs = NULL;
	bool *has_value = NULL, has_next = false, is_all_optimal = true;
	struct mu_buf say;
	struct mu_err err;
	char money[3][MU_MONEY_SIZE], words[MU_STATUS_SIZE], why[256];
	size_t k, i, n_pts = 0, knee = 0;
	enum curve_end end = CURVE_FALLS;
	int status = 0;

	memset(&a, 0, sizeof(a));
	memset(&best, 0, sizeof(best));
	memset(&other, 0, sizeof(other));
	if (cli_print_help_if_asked("recruit", argc, argv))
		return 0;
	if ((status = parse_args(argc, argv, &a)) != 0)
		return status;
	mu_buf_init(&say);
	for (k = 0; k < a.n_weeks; k++)
		if ((status = cli_load_scenario(a.weeks[k], &src[k], &sc[k])) != 0)
			goto done;
	for (k = 1; k < a.n_weeks; k++)
		if (!pol_recruit_same_system(sc[0], sc[k], why, sizeof(why))) {
			cli_print_line(
			    stderr,
			    "muster recruit: %s is not the system of %s: %s (the weeks of "
			    "one recruitment have the same partners, roles, recruits.csv "
			    "and recruit_budget)\n",
			    a.weeks[k], a.weeks[0], why);
			status = 2;
			goto done;
		}
	for (k = 0; k < a.n_weeks; k++)
		if (sc[k]->settings.guarantee == MU_GUARANTEE_UNFILLED)
			cli_print_line(
			    stderr,
			    "warning: %s: guarantee is unfilled, but recruit does not apply "
			    "the guarantee of DESIGN.md §3a: its weeks are planned without "
			    "it\n",
			    a.weeks[k]);
	if (sc[0]->n_recruits == 0) {
		cli_print_line(stderr,
		               "muster recruit: %s has no recruits.csv rows: nothing to recruit "
		               "(recruits.csv: partner,role,annual_cost,max_posts,hours_per_week,"
		               "nights)\n",
		               a.weeks[0]);
		status = 2;
		goto done;
	}
	time_read = mu_time_now() - started;
	/* the database and the output folder, before any solving */
	if ((status = cli_run_store_open(a.o.db, &st)) != 0 ||
	    (status = cli_prepare_out(a.o.out)) != 0)
		goto done;

	memset(&req, 0, sizeof(req));
	req.weeks = (const struct mu_scenario *const *)sc;
	req.n_weeks = a.n_weeks;
	req.weights = a.weights;
	req.is_lp = a.o.is_lp;
	req.time_limit = a.o.time_limit;
	req.mps = a.o.mps;
	req.warm = warm = pol_recruit_warm_new();
	req.stop = cli_run_stop_flag();
	mu_err_clear(&err);
	if (solve_said(&req, &best, "the best posts", &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	if (!is_solved(best.status)) {
		if (best.status == MU_STATUS_NO_SOLUTION)
			mu_err_set(
			    &err, MU_E_SOLVER,
			    "the time limit of %g s passed before the best posts were found; "
			    "no recruitment; allow more time (--time-limit)",
			    a.o.time_limit);
		else
			mu_err_set(&err, MU_E_SOLVER, "the solver found no recruitment (%s)",
			           mu_status_name(best.status));
		status = cli_fail(&err);
		goto done;
	}
	year_of(&best, a.weights, a.n_weeks, &y_best);
	is_all_optimal = best.status == MU_STATUS_OPTIMAL;
	req.mps = NULL;

	/* the value of each last post: one post fewer there, the rest free */
	fixed = mu_malloc((sc[0]->n_recruits + 1) * sizeof(double));
	value = mu_calloc(sc[0]->n_recruits + 1, sizeof(double));
	has_value = mu_calloc(sc[0]->n_recruits + 1, sizeof(bool));
	req.fixed = fixed;
	for (i = 0; i < sc[0]->n_recruits; i++) {
		size_t j;
		if (best.posts[i] <= EPS)
			continue;
		for (j = 0; j < sc[0]->n_recruits; j++)
			fixed[j] = -1;
		fixed[i] = fmax(0, a.o.is_lp ? best.posts[i] - 1 : round(best.posts[i]) - 1);
		if (solve_said(&req, &other, "the value of a last post", &err) != MU_OK) {
			status = cli_fail(&err);
			goto done;
		}
		if (is_solved(other.status)) {
			value[i] = other.objective - best.objective;
			has_value[i] = true;
		}
		is_all_optimal &= other.status == MU_STATUS_OPTIMAL;
		pol_recruited_release(&other);
	}
	/* one post more in all (next to the best posts, so that its solve
	 * goes on from theirs: measured, from recruiting nobody's it took
	 * 0.87 s of the example's 2.9 s) */
	req.fixed = NULL;
	req.has_total = true;
	req.total = a.o.is_lp ? y_best.posts + 1 : round(y_best.posts) + 1;
	if (solve_said(&req, &other, "one post more", &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}
	/* a search stopped by the clock with no rota says nothing either way */
	has_next = is_solved(other.status) || other.status == MU_STATUS_INFEASIBLE;
	is_all_optimal &= other.status == MU_STATUS_OPTIMAL || other.status == MU_STATUS_INFEASIBLE;
	year_of(&other, a.weights, a.n_weeks, &y_next);
	pol_recruited_release(&other);

	/* the curve, from the point next to the best posts up, then down:
	 * each solve goes on from its neighbour's basis */
	if (a.has_curve) {
		size_t first = 0, step;
		n_pts = (size_t)((a.to - a.from) / a.step) + 1;
		pts = mu_calloc(n_pts + 1, sizeof(*pts));
		xs = mu_calloc(n_pts + 1, sizeof(double));
		for (i = 0; i < n_pts; i++)
			xs[i] = a.from + (double)i * a.step;
		while (first + 1 < n_pts && xs[first] < y_best.posts)
			first++;
		req.fixed = NULL;
		req.has_total = true;
		for (step = 0; step < n_pts; step++) {
			i = first + step < n_pts ? first + step : n_pts - 1 - step;
			req.total = xs[i];
			if (solve_said(&req, &other, "the curve", &err) != MU_OK) {
				status = cli_fail(&err);
				goto done;
			}
			year_of(&other, a.weights, a.n_weeks, &pts[i]);
			is_all_optimal &= other.status == MU_STATUS_OPTIMAL ||
			                  other.status == MU_STATUS_INFEASIBLE;
			pol_recruited_release(&other);
		}
		end = break_even(pts, n_pts, &knee);
	}

	/* recruiting nobody: the curve's point at 0 when it has one (the same
	 * model: posts add up to 0, none below 0), else solved */
	if (a.has_curve && fabs(xs[0]) < EPS) {
		y_none = pts[0];
	} else {
		req.fixed = fixed;
		req.has_total = false;
		for (i = 0; i < sc[0]->n_recruits; i++)
			fixed[i] = 0;
		if (solve_said(&req, &other, "recruiting nobody", &err) != MU_OK) {
			status = cli_fail(&err);
			goto done;
		}
		year_of(&other, a.weights, a.n_weeks, &y_none);
		pol_recruited_release(&other);
	}
	is_all_optimal &= y_none.status == MU_STATUS_OPTIMAL;

	/* the sentence compares with recruiting nobody: only when that is solved */
	if (!is_solved(y_none.status))
		mu_buf_adds(&say, "Recruiting nobody was not solved within --time-limit, so there "
		                  "is nothing to compare the posts with: allow more time.");
	else
		io_say_recruit(
		    &say, sc[0],
		    &(struct io_say_recruit){.posts = best.posts,
		                             .post_cost = best.post_cost,
		                             .cost = y_best.cost,
		                             .cost_none = y_none.cost,
		                             .spend = y_best.spend,
		                             .spend_none = y_none.spend,
		                             .filled = y_best.filled,
		                             .filled_none = y_none.filled,
		                             .has_next = has_next,
		                             .is_next_feasible = is_solved(y_next.status),
		                             .cost_next = y_next.cost,
		                             .is_lp = a.o.is_lp});

	/* the outputs */
	if (a.o.out) {
		enum mu_code rc = write_posts(a.o.out, sc[0], &best, value, has_value, &err);
		for (k = 0; k < a.n_weeks && rc == MU_OK; k++) {
			char *dir = mu_malloc(strlen(a.o.out) + 32);
			sprintf(dir, "%s/week%zu", a.o.out, k + 1);
			if ((rc = io_report_write_plan(dir, sc[k], best.plans[k], MU_ALL, &err)) ==
			    MU_OK)
				rc = io_report_write_summary(dir, sc[k], best.plans[k], &err);
			free(dir);
		}
		if (rc == MU_OK && a.has_curve)
			rc = write_curve(a.o.out, xs, pts, n_pts, &err);
		if (rc == MU_OK)
			rc = write_report(a.o.out, sc[0], &a, &best, say.data, value, has_value, xs,
			                  pts, n_pts, knee, end, &err);
		if (rc != MU_OK) {
			status = cli_fail(&err);
			goto done;
		}
	}

	if (record(st, &a, src, sc, &best, started, time_read, &set_id, &err) != MU_OK) {
		status = cli_fail(&err);
		goto done;
	}

	/* the terminal */
	printf("recruit: %zu week%s, %s: %s, yearly cost %s\n", a.n_weeks,
	       a.n_weeks == 1 ? "" : "s", a.o.is_lp ? "plan" : "rota",
	       mu_format_status(words, best.status, !a.o.is_lp && best.has_bound, best.gap),
	       cli_money(money[0], best.objective));
	for (k = 0; k < a.n_weeks; k++) {
		const struct mu_totals *t = &best.plans[k]->system;
		cli_print_line(stdout,
		               "  week%zu %s (%.4g weeks a year): cost %s, spend %s, fill %.1f%%, "
		               "%zu red flag%s\n",
		               k + 1, a.weeks[k], a.weights[k],
		               cli_money(money[0], best.plans[k]->objective),
		               cli_money(money[1], t->spend_total), fill_percent(t), t->n_red_flags,
		               t->n_red_flags == 1 ? "" : "s");
	}
	printf("  %-14s %-14s %8s %16s %22s\n", "partner", "role", "posts", "cost a year",
	       "last post worth a year");
	for (i = 0; i < sc[0]->n_recruits; i++) {
		const struct mu_recruit *r = &sc[0]->recruits[i];
		cli_print_line(stdout, "  %-14s %-14s %8.4g %16s %22s\n",
		               sc[0]->partners[r->partner].id, sc[0]->roles[r->role].id,
		               fabs(best.posts[i]) < EPS ? 0 : best.posts[i],
		               cli_money(money[0], best.posts[i] * r->annual_cost),
		               has_value[i] ? cli_money(money[1], value[i]) : "-");
	}
	if (is_solved(y_none.status))
		printf("  without new posts: yearly cost %s\n", cli_money(money[0], y_none.cost));
	if (!a.o.is_lp && !is_all_optimal)
		printf("  (a search stopped by --time-limit: the values compare the best rotas "
		       "found, not proven optima)\n");
	if (a.has_curve) {
		printf("\n  %8s %-10s %16s %16s %16s %14s\n", "posts", "status", "yearly cost",
		       "posts' cost", "spend", "filled hours");
		for (i = 0; i < n_pts; i++) {
			if (is_solved(pts[i].status))
				printf(
				    "  %8.0f %-10s %16s %16s %16s %14.0f%s\n", xs[i],
				    mu_status_name(pts[i].status), cli_money(money[0], pts[i].cost),
				    cli_money(money[1], pts[i].post_cost),
				    cli_money(money[2], pts[i].spend), pts[i].filled,
				    i == knee && end == CURVE_BREAK_EVEN ? "  <- break-even" : "");
			else
				printf("  %8.0f %-10s\n", xs[i], mu_status_name(pts[i].status));
		}
		{
			struct mu_buf end_said;
			mu_buf_init(&end_said);
			say_curve_end(&end_said, end, xs, knee);
			printf("  %s\n", end_said.data);
			mu_buf_release(&end_said);
		}
	}
	printf("\n");
	cli_print_line(stdout, "%s\n", say.data);
	cli_print_line(stdout, "  the weeks' runs recorded in %s as set %lld (muster runs)\n",
	               a.o.db, (long long)set_id);
	if (a.o.out)
		cli_print_line(stdout, "  posts.csv, report.html%s and week1..week%zu in %s\n",
		               a.has_curve ? ", curve.csv" : "", a.n_weeks, a.o.out);
	status = y_best.red_flags > 0 ? 3 : 0;
done:
	io_store_close(st);
	pol_recruited_release(&best);
	pol_recruited_release(&other);
	pol_recruit_warm_free(warm);
	mu_buf_release(&say);
	free(fixed);
	free(value);
	free(has_value);
	free(pts);
	free(xs);
	for (k = 0; k < a.n_weeks; k++) {
		mu_scenario_free(sc[k]);
		io_source_free(src[k]);
	}
	return status;
}
