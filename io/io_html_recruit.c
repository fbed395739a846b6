/*
 * io_html_recruit.c - report.html of a recruitment (DESIGN.md §3c): the
 * board sentence, the posts and the value of each last post, the weeks,
 * and the recruitment curve with its chart (io_svg_recruit_curve). The
 * reports' frame (io_html_int.h), smaller than a solve's: no plan
 * sections. The search's status first; figures of a search stopped by its
 * limit carry a mark, since they are the best found, not the best.
 */
#include "io/io_html.h"
#include "io/io_html_int.h"

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_format.h"
#include "io/io_say.h"
#include "io/io_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Posts this close to 0 are shown as 0 (the solver's rounding noise). */
#define EPS 1e-6
/* The mark of a figure from a solve not proven best, and its footnote. */
#define NOT_PROVEN " <span class=\"red\">*</span>"

/* Text for the page, escaped by io_svg_escape, the reports' one escaper
 * (an apostrophe as &#39;, as on every other page; until issue 23 this
 * page had an escaper of its own that left it). */
static void text(struct mu_buf *b, const char *s)
{
	io_svg_escape(b, s ? s : "");
}

/* The fill rate in percent, rounding noise below 0 shown as 0. */
static double fill_percent(const struct mu_totals *t)
{
	return fmax(0, 100 * mu_totals_fill_rate(t));
}

static void posts_table(struct mu_buf *b, const struct mu_scenario *sc, const struct io_recruit *r)
{
	char m[3][MU_MONEY_SIZE];
	size_t i;
	/* a last post's value is what it takes off the yearly objective:
	 * weights, no pound sign (issue 24) */
	mu_buf_adds(b, "<h2>Posts</h2>\n<table><tr><th>partner</th><th>role</th><th>posts"
	               "</th><th>annual cost per post</th><th>posts' cost a year</th><th>value "
	               "of the last post a year (spend plus penalty weights)</th></tr>\n");
	for (i = 0; i < sc->n_recruits; i++) {
		const struct mu_recruit *k = &sc->recruits[i];
		mu_buf_adds(b, "<tr><td>");
		text(b, sc->partners[k->partner].name);
		mu_buf_adds(b, "</td><td>");
		text(b, sc->roles[k->role].name);
		mu_buf_addf(b, "</td><td>%.4g</td><td>%s</td><td>%s</td><td>%s%s</td></tr>\n",
		            fabs(r->posts[i]) < EPS ? 0 : r->posts[i],
		            mu_format_money(m[0], k->annual_cost, 2),
		            mu_format_money(m[1], r->posts[i] * k->annual_cost, 2),
		            r->has_value[i] ? mu_format_weight(m[2], r->value[i], 2) : "",
		            r->has_value[i] && !r->is_all_optimal ? NOT_PROVEN : "");
	}
	mu_buf_adds(b, "</table>\n");
}

static void weeks_table(struct mu_buf *b, const struct io_recruit *r)
{
	char m[3][MU_MONEY_SIZE];
	size_t k;
	mu_buf_adds(b, "<h2>Weeks</h2>\n<table><tr><th>week</th><th>folder</th><th>"
	               "weeks of the year</th><th>objective of the week</th><th>spend</th>"
	               "<th>penalties (weights)</th><th>fill</th><th>red flags</th></tr>\n");
	for (k = 0; k < r->n_weeks; k++) {
		const struct mu_totals *t = &r->plans[k]->system;
		mu_buf_addf(b, "<tr><td>week%zu</td><td>", k + 1);
		text(b, r->folders[k]);
		mu_buf_addf(b,
		            "</td><td>%.4g</td><td>%s</td><td>%s</td><td>%s</td><td>%.1f%%</td>"
		            "<td>%zu</td></tr>\n",
		            r->weights[k], mu_format_weight(m[0], r->plans[k]->objective, 2),
		            mu_format_money(m[1], t->spend_total, 2),
		            mu_format_weight(m[2], t->penalty_total, 2), fill_percent(t),
		            t->n_red_flags);
	}
	mu_buf_adds(b, "</table>\n");
}

/* The chart's marker: where the curve ends, when that is a point. */
static const char *end_label(enum io_recruit_end end)
{
	switch (end) {
	case IO_RECRUIT_BREAK_EVEN:
		return "break-even";
	case IO_RECRUIT_NO_MORE_FIT:
		return "the most that fit";
	case IO_RECRUIT_NOT_SOLVED:
		return "the last solved";
	default:
		return NULL;
	}
}

static void curve(struct mu_buf *b, const struct io_recruit *r)
{
	const size_t n = r->n_curve;
	double *cost = mu_malloc(n * sizeof(double));
	char m[4][MU_MONEY_SIZE];
	size_t i, at;
	enum io_recruit_end end = io_say_recruit_end(r->curve, n, &at);
	for (i = 0; i < n; i++)
		cost[i] = io_say_recruit_is_solved(&r->curve[i]) ? r->curve[i].cost : NAN;
	mu_buf_adds(b, "<h2>The recruitment curve</h2>\n");
	io_svg_recruit_curve(b, r->curve_x, cost, n, at, end_label(end));
	mu_buf_adds(b, "<table><tr><th>total posts</th><th>status</th><th>yearly objective</th>"
	               "<th>posts' cost</th><th>spend a year</th><th>penalties a year "
	               "(weights)</th><th>filled hours a year</th></tr>\n");
	for (i = 0; i < n; i++) {
		const struct io_recruit_year *p = &r->curve[i];
		mu_buf_addf(b, "<tr><td>%.0f</td><td>%s%s</td>", r->curve_x[i],
		            mu_status_name(p->status),
		            p->status == MU_STATUS_FEASIBLE ? NOT_PROVEN : "");
		if (io_say_recruit_is_solved(p))
			mu_buf_addf(
			    b, "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.0f</td></tr>\n",
			    mu_format_weight(m[0], p->cost, 2),
			    mu_format_money(m[1], p->post_cost, 2),
			    mu_format_money(m[2], p->spend, 2),
			    mu_format_weight(m[3], p->cost - p->spend, 2), p->filled);
		else
			mu_buf_adds(b, "<td></td><td></td><td></td><td></td><td></td></tr>\n");
	}
	mu_buf_adds(b, "</table>\n<p>");
	io_say_recruit_curve(b, r->curve_x, r->curve, n);
	mu_buf_adds(b, "</p>\n");
	free(cost);
}

/* The search's status, and what a stopped search means for the figures. */
static void search_status(struct mu_buf *b, const struct io_recruit *r)
{
	char status[MU_STATUS_SIZE];
	if (r->is_lp)
		mu_buf_adds(b,
		            "<p>Plan mode (<code>--lp</code>): posts are fractions of a post, "
		            "whole-time equivalents, and staff on a shift are fractions too. Run "
		            "<code>muster recruit</code> without <code>--lp</code> for whole "
		            "posts and whole staff.</p>\n");
	mu_buf_addf(b, "<p>The search for the best posts: <b>%s</b>",
	            mu_format_status(status, r->status, r->has_gap, r->gap));
	if (r->is_all_optimal) {
		mu_buf_adds(b, "; every solve proven best.</p>\n");
		return;
	}
	mu_buf_adds(b, ".</p>\n<p class=\"alarm\"><span class=\"red\">*</span> The search was "
	               "stopped (by its limit, or by you) before every solve was proven best: "
	               "the posts, "
	               "the values marked * and the curve's points marked * are the best "
	               "found, not the best there is; a longer <code>--time-limit</code> may "
	               "prove them.</p>\n");
}

enum mu_code io_html_write_recruit(const char *dir, const struct mu_scenario *sc,
                                   const struct io_recruit *r, struct mu_err *err)
{
	struct mu_buf b;
	char runs[96] = "";
	if (r->first_run > 0 && r->first_run == r->last_run)
		snprintf(runs, sizeof(runs), "Run %lld (set %lld)", r->first_run, r->set_id);
	else if (r->first_run > 0)
		snprintf(runs, sizeof(runs), "Runs %lld to %lld (set %lld)", r->first_run,
		         r->last_run, r->set_id);
	mu_buf_init(&b);
	/* the header names each week's scenario, hash and dates */
	if (r->weeks)
		io_html_page_open_weeks(&b, "Where the next posts should go", r->weeks, r->folders,
		                        r->n_weeks, runs);
	else
		io_html_page_open(&b, "Where the next posts should go", sc, r->folders[0], runs);
	search_status(&b, r);
	mu_buf_adds(&b, "<p style=\"font-size:1.2em\">");
	text(&b, r->sentence);
	mu_buf_adds(&b, "</p>\n");
	posts_table(&b, sc, r);
	weeks_table(&b, r);
	if (r->n_curve > 0)
		curve(&b, r);
	mu_buf_adds(&b, "<p>Yearly objective = the posts' annual cost + each week's objective "
	                "(spend plus penalty weights) times the weeks of the year it stands for: "
	                "cash spend (the posts' pay included, in pounds) plus penalties. "
	                "Penalties are weights, not money anyone pays, so the objective, the "
	                "penalties and a last post's value carry no pound sign.</p>\n");
	return io_html_write_page(dir, &b, err);
}
