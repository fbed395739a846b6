/*
 * io_say_recruit.c - the board sentence of a recruitment: the posts, what
 * they cost a year (money), how they change the yearly objective (spend
 * plus penalty weights: a plain number, never pounds) and cash spend, and
 * the last post's value; and where the recruitment curve (--posts) stops
 * paying.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void say_ordinal(struct mu_buf *b, unsigned long n)
{
	static const char *const end[] = {"th", "st", "nd", "rd"};
	unsigned long last = n % 10, tens = n % 100;
	mu_buf_addf(b, "%lu%s", n, tens >= 11 && tens <= 13 ? "th" : last <= 3 ? end[last] : "th");
}

/* A change of the yearly objective by more (the sign says which way), the
 * verb singular or plural: weights, so no pound sign. */
static void say_cost_change(struct mu_buf *b, double more, bool is_one)
{
	if (io_say_is_zero_money(more)) {
		mu_buf_addf(b, "leave%s the yearly objective (spend plus penalty weights) as it is",
		            is_one ? "s" : "");
		return;
	}
	mu_buf_addf(b, "%s%s the yearly objective (spend plus penalty weights) by ",
	            more < 0 ? "lower" : "raise", is_one ? "s" : "");
	io_say_weight(b, more);
}

/* The bed-days a year the posts free (DESIGN.md §3f), whole, with a
 * thousands comma; the verb singular or plural. */
static void say_bed_days(struct mu_buf *b, double freed, bool is_one)
{
	char n[MU_MONEY_SIZE];
	double days = round(freed);
	if (days == 0) {
		mu_buf_addf(b,
		            "; %s no bed-days of patients fit to leave and waiting in a hospital "
		            "bed",
		            is_one ? "it frees" : "they free");
		return;
	}
	/* mu_format_weight writes the thousands comma, no pound sign */
	mu_format_weight(n, fabs(days), 0);
	mu_buf_addf(
	    b, "; %s %s bed-day%s a year of patients fit to leave and waiting in a hospital bed",
	    days > 0 ? (is_one ? "it frees" : "they free") : (is_one ? "it adds" : "they add"), n,
	    fabs(days) == 1 ? "" : "s");
}

void io_say_recruit(struct mu_buf *b, const struct mu_scenario *sc, const struct io_say_recruit *r)
{
	size_t i, n_shown = 0, n_with = 0;
	double total = 0, hours;
	bool is_one;
	if (r->is_none_unsolved) {
		mu_buf_adds(b,
		            "Recruiting nobody was not solved (its search stopped before it "
		            "found a rota better than leaving every shift short), so there is "
		            "nothing to compare the posts with: allow more time (--time-limit).");
		return;
	}
	for (i = 0; i < sc->n_recruits; i++)
		if (r->posts[i] > EPS) {
			n_with++;
			total += r->posts[i];
		}
	if (n_with == 0 && r->is_unfinished) {
		mu_buf_adds(b, "The best rotas found recruit nobody, but a search stopped before "
		               "it was proven best, so a post may still lower the yearly objective "
		               "(spend plus penalty weights)");
	} else if (n_with == 0) {
		mu_buf_adds(b,
		            "Recruiting nobody is best: no post lowers the yearly objective (spend "
		            "plus penalty weights)");
	} else {
		if (r->is_unfinished)
			mu_buf_adds(b, "In the best rotas found (a search stopped before it was "
			               "proven best, so these are not proven optima): ");
		for (i = 0; i < sc->n_recruits; i++) {
			const struct mu_recruit *k = &sc->recruits[i];
			double n = r->posts[i];
			if (n <= EPS)
				continue;
			if (n_shown > 0)
				mu_buf_adds(b, n_shown + 1 == n_with ? " and " : ", ");
			if (r->is_lp)
				mu_buf_addf(b, "%.2f", n);
			else
				mu_buf_addf(b, "%.0f", n);
			mu_buf_addf(b, " %s post%s at %s", sc->roles[k->role].name,
			            n <= 1 + EPS ? "" : "s", sc->partners[k->partner].name);
			n_shown++;
		}
		is_one = n_shown == 1 && total <= 1 + EPS;
		mu_buf_adds(b, is_one ? " costs " : " cost ");
		io_say_money(b, r->post_cost);
		mu_buf_adds(b, " a year and ");
		say_cost_change(b, r->cost - r->cost_none, is_one);
		if (io_say_is_zero_money(r->spend - r->spend_none))
			mu_buf_adds(b, "; cash spend, their pay included, stays the same");
		else {
			mu_buf_addf(b, "; cash spend, their pay included, %s by ",
			            r->spend < r->spend_none ? "falls" : "rises");
			io_say_money(b, r->spend - r->spend_none);
		}
		hours = round(r->filled - r->filled_none);
		if (hours == 0)
			mu_buf_adds(b, ", and as many hours are filled");
		else
			mu_buf_addf(b, ", and %.0f %s hour%s a year are filled", fabs(hours),
			            hours > 0 ? "more" : "fewer", fabs(hours) == 1 ? "" : "s");
		if (r->has_flow)
			say_bed_days(b, r->bed_days_none - r->bed_days, is_one);
	}
	if (r->has_next && !r->is_next_feasible) {
		mu_buf_adds(b, "; no post more fits within recruit_budget and max_posts.");
		return;
	}
	if (!r->has_next) {
		mu_buf_adds(b, ".");
		return;
	}
	mu_buf_adds(b, r->is_unfinished ? "; with " : "; ");
	if (r->is_lp)
		mu_buf_adds(b, "one post more");
	else if (round(total) == 0)
		mu_buf_adds(b, "one post");
	else {
		mu_buf_adds(b, "a ");
		say_ordinal(b, (unsigned long)(round(total) + 1));
		mu_buf_adds(b, " post");
	}
	/* unfinished: what the best rota found with it does, not what the
	 * post would do */
	mu_buf_adds(b, r->is_unfinished ? " the best rota found" : " would");
	if (io_say_is_zero_money(r->cost_next - r->cost))
		mu_buf_addf(b, " leave%s the yearly objective as it is.",
		            r->is_unfinished ? "s" : "");
	else {
		mu_buf_addf(b, " %s%s the yearly objective by ",
		            r->cost_next > r->cost ? "raise" : "lower",
		            r->is_unfinished ? "s" : "");
		io_say_weight(b, r->cost_next - r->cost);
		mu_buf_adds(b, ".");
	}
}

enum io_recruit_end io_say_recruit_end(const struct io_recruit_year *pts, size_t n, size_t *at)
{
	size_t i = 0;
	bool is_any_unsolved = false;
	for (; i < n && !io_say_recruit_is_solved(&pts[i]); i++)
		is_any_unsolved = is_any_unsolved || pts[i].status != MU_STATUS_INFEASIBLE;
	*at = i;
	if (i == n)
		return is_any_unsolved ? IO_RECRUIT_NONE_SOLVED : IO_RECRUIT_NONE_FITS;
	for (; i + 1 < n; i++) {
		*at = i;
		if (pts[i + 1].status == MU_STATUS_INFEASIBLE)
			return IO_RECRUIT_NO_MORE_FIT;
		if (!io_say_recruit_is_solved(&pts[i + 1]))
			return IO_RECRUIT_NOT_SOLVED;
		if (pts[i + 1].cost > pts[i].cost - 0.5)
			return IO_RECRUIT_BREAK_EVEN;
	}
	*at = n;
	return IO_RECRUIT_FALLS;
}

void io_say_recruit_curve(struct mu_buf *b, const double *x, const struct io_recruit_year *pts,
                          size_t n)
{
	size_t at;
	switch (io_say_recruit_end(pts, n, &at)) {
	case IO_RECRUIT_FALLS:
		mu_buf_adds(b, "Every step of the curve still lowers the yearly objective.");
		break;
	case IO_RECRUIT_BREAK_EVEN:
		mu_buf_addf(b,
		            "Break-even at %g post%s: one more step of posts no longer lowers the "
		            "yearly objective.",
		            x[at], x[at] == 1 ? "" : "s");
		break;
	case IO_RECRUIT_NO_MORE_FIT:
		mu_buf_addf(b,
		            "The curve ends at %g post%s: no more fit within recruit_budget and "
		            "max_posts.",
		            x[at], x[at] == 1 ? "" : "s");
		break;
	case IO_RECRUIT_NOT_SOLVED:
		mu_buf_addf(
		    b,
		    "The curve stops at %g post%s: the next point was not solved before its "
		    "search stopped.",
		    x[at], x[at] == 1 ? "" : "s");
		break;
	case IO_RECRUIT_NONE_FITS:
		mu_buf_adds(b, "No point of the curve fits within recruit_budget and max_posts.");
		break;
	case IO_RECRUIT_NONE_SOLVED:
		mu_buf_adds(b, "No point of the curve was solved before its search stopped.");
		break;
	}
}
