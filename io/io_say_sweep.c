/*
 * io_say_sweep.c - what a sweep's curve says: where extra spend stops
 * buying fill (the knee), the red flags along it, in a grid what the
 * other varied things were held at, and for a bank cap (DESIGN.md §3d)
 * what each step of it costs per extra filled hour.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static bool is_monotone(const struct io_say_point *pts, size_t from, size_t to, int dir)
{
	size_t i, j;
	for (i = from; i <= to; i++)
		for (j = i + 1; j <= to; j++)
			if (dir * (pts[j].fill - pts[i].fill) <= -IO_SAY_FLAT_FILL)
				return false;
	return true;
}

/* The first point beyond which fill gains less than the flat amount, or
 * the last point when it still gains so at the end. */
static size_t knee_of(const struct io_say_point *pts, size_t n)
{
	size_t i, j;
	for (i = 0; i + 1 < n; i++) {
		bool is_flat = true;
		for (j = i + 1; j < n && is_flat; j++)
			is_flat = pts[j].fill - pts[i].fill < IO_SAY_FLAT_FILL;
		if (is_flat)
			return i;
	}
	return n - 1;
}

bool io_say_knee(const struct io_say_point *pts, size_t n, size_t *at)
{
	size_t k = knee_of(pts, n);
	if (k + 1 >= n || pts[k].fill - pts[0].fill < IO_SAY_FLAT_FILL)
		return false;
	*at = k;
	return true;
}

static void say_at(struct mu_buf *b, const char *name, double x)
{
	mu_buf_addf(b, " at %s = %g", name, x);
}

/* "spend rises from £1 to £2", "falls ...", "stays at £1" between points
 * i and k. */
static void say_spend_between(struct mu_buf *b, const struct io_say_point *pts, size_t i, size_t k)
{
	double more = pts[k].spend - pts[i].spend;
	if (io_say_is_zero_money(more)) {
		mu_buf_adds(b, "spend stays at ");
		io_say_money(b, pts[i].spend);
		return;
	}
	mu_buf_adds(b, more > 0 ? "spend rises from " : "spend falls from ");
	io_say_money(b, pts[i].spend);
	mu_buf_adds(b, " to ");
	io_say_money(b, pts[k].spend);
}

static void say_red_flags_along(struct mu_buf *b, const struct io_say_point *pts, size_t n)
{
	size_t i, lo = pts[0].red_flags, hi = pts[0].red_flags;
	for (i = 1; i < n; i++) {
		lo = pts[i].red_flags < lo ? pts[i].red_flags : lo;
		hi = pts[i].red_flags > hi ? pts[i].red_flags : hi;
	}
	if (lo == hi)
		mu_buf_addf(b, " Red flags: %zu throughout.", lo);
	else
		mu_buf_addf(b,
		            " Red flags: %zu at the first point, %zu at the last (between %zu and "
		            "%zu).",
		            pts[0].red_flags, pts[n - 1].red_flags, lo, hi);
}

void io_say_sweep(struct mu_buf *b, const char *name, const struct io_say_point *pts, size_t n)
{
	size_t i, lo = 0, hi = 0, last = n - 1, k;
	for (i = 0; i < n; i++) {
		if (pts[i].fill < 0) {
			mu_buf_adds(b, "Nothing is required at some points: fill is not said.");
			return;
		}
		lo = pts[i].fill < pts[lo].fill ? i : lo;
		hi = pts[i].fill > pts[hi].fill ? i : hi;
	}
	if (pts[hi].fill - pts[lo].fill < IO_SAY_FLAT_FILL) {
		mu_buf_addf(b, "Fill stays at %.2f%% (within 0.05 points) from %s = %g to %g; ",
		            100 * pts[0].fill, name, pts[0].x, pts[last].x);
		say_spend_between(b, pts, 0, last);
		mu_buf_adds(b, ".");
	} else if (pts[last].fill - pts[0].fill >= IO_SAY_FLAT_FILL &&
	           is_monotone(pts, 0, last, 1)) {
		bool has_knee;
		k = knee_of(pts, n);
		has_knee = k < last;
		mu_buf_addf(b, "Fill rises from %.2f%%", 100 * pts[0].fill);
		say_at(b, name, pts[0].x);
		mu_buf_addf(b, " to %.2f%%", 100 * pts[k].fill);
		say_at(b, name, pts[k].x);
		if (has_knee) {
			mu_buf_addf(b, ", and by less than 0.05 points beyond it (%.2f%%",
			            100 * pts[last].fill);
			say_at(b, name, pts[last].x);
			mu_buf_adds(b, ")");
		} else {
			mu_buf_adds(b, ", still rising at the end of the range");
		}
		mu_buf_adds(b, "; up to there ");
		say_spend_between(b, pts, 0, k);
		if (pts[k].spend - pts[0].spend > 0 &&
		    !io_say_is_zero_money(pts[k].spend - pts[0].spend))
			mu_buf_adds(b, has_knee ? ": extra spend buys fill up to there, not beyond"
			                        : ": extra spend still buys fill");
		mu_buf_adds(b, ".");
	} else if (pts[0].fill - pts[last].fill >= IO_SAY_FLAT_FILL &&
	           is_monotone(pts, 0, last, -1)) {
		mu_buf_addf(b, "Fill falls from %.2f%%", 100 * pts[0].fill);
		say_at(b, name, pts[0].x);
		mu_buf_addf(b, " to %.2f%%", 100 * pts[last].fill);
		say_at(b, name, pts[last].x);
		mu_buf_adds(b, "; ");
		say_spend_between(b, pts, 0, last);
		mu_buf_adds(b, ".");
	} else {
		mu_buf_addf(b, "Fill moves between %.2f%%", 100 * pts[lo].fill);
		say_at(b, name, pts[lo].x);
		mu_buf_addf(b, " and %.2f%%", 100 * pts[hi].fill);
		say_at(b, name, pts[hi].x);
		mu_buf_adds(b, ", up and down; from the first point to the last ");
		say_spend_between(b, pts, 0, last);
		mu_buf_adds(b, ".");
	}
	say_red_flags_along(b, pts, n);
}

/* One of io_say_sweep_flow's two figures along the series. */
static void say_flow_along(struct mu_buf *b, const char *what, const double *v, size_t n)
{
	size_t i;
	double lo = v[0], hi = v[0];
	bool is_flat = true;
	for (i = 1; i < n; i++) {
		lo = fmin(lo, v[i]);
		hi = fmax(hi, v[i]);
		is_flat = is_flat && fabs(v[i] - v[0]) < IO_SAY_FLAT_FLOW;
	}
	if (is_flat)
		mu_buf_addf(b, "%s: %.1f throughout", what, v[0]);
	else
		mu_buf_addf(b,
		            "%s: %.1f at the first point, %.1f at the last (between %.1f and %.1f)",
		            what, v[0], v[n - 1], lo, hi);
}

void io_say_sweep_flow(struct mu_buf *b, const double *sent_home, const double *bed_days, size_t n)
{
	mu_buf_adds(b, " ");
	say_flow_along(b, "Patients sent home", sent_home, n);
	mu_buf_adds(b, "; ");
	say_flow_along(b, "bed-days", bed_days, n);
	mu_buf_adds(b, ".");
}

struct io_say_point io_say_point_of(double x, const struct mu_totals *t)
{
	return (struct io_say_point){.x = x,
	                             .fill = mu_totals_fill_rate(t),
	                             .spend = t->spend_total,
	                             .red_flags = t->n_red_flags,
	                             .filled_hours = t->filled_hours};
}

void io_say_sweep_grid(struct mu_buf *b, const char *const *names, const double *held,
                       size_t n_names, const struct io_say_point *pts, size_t n)
{
	size_t k;
	io_say_sweep(b, names[0], pts, n);
	for (k = 1; k < n_names; k++)
		mu_buf_addf(b, "%s%s = %g%s", k == 1 ? " (With " : ", ", names[k], held[k],
		            k + 1 == n_names ? ".)" : "");
}

/* What a step from point i to point j buys: fill for more spend (priced,
 * *rate £ an hour), fill for no more spend, or no fill. */
enum step_kind { STEP_PRICED, STEP_FREE, STEP_NO_FILL };

static enum step_kind step_of(const struct io_say_point *pts, size_t i, size_t j, double *rate)
{
	double hours = pts[j].filled_hours - pts[i].filled_hours;
	double more = pts[j].spend - pts[i].spend;
	if (!(hours >= IO_SAY_FLAT_HOURS))
		return STEP_NO_FILL;
	if (!(more > 0) || io_say_is_zero_money(more))
		return STEP_FREE;
	*rate = more / hours;
	return STEP_PRICED;
}

/* "£31.20 (20 to 22)", "nothing more (20 to 22)", "no fill (20 to 22)" */
static void say_step(struct mu_buf *b, const struct io_say_point *pts, size_t i)
{
	double rate = 0;
	switch (step_of(pts, i, i + 1, &rate)) {
	case STEP_PRICED:
		io_say_money(b, rate);
		break;
	case STEP_FREE:
		mu_buf_adds(b, "nothing more");
		break;
	case STEP_NO_FILL:
		mu_buf_adds(b, "no fill");
		break;
	}
	mu_buf_addf(b, " (%g to %g)", pts[i].x, pts[i + 1].x);
}

/* The steps up to point k, more than IO_SAY_CAP_STEPS of them: the
 * cheapest and dearest of those that buy fill for more spend. */
static void say_steps_range(struct mu_buf *b, const struct io_say_point *pts, size_t k)
{
	size_t i, lo = k, hi = k, n_priced = 0;
	double rate, lo_rate = 0, hi_rate = 0;
	for (i = 0; i < k; i++) {
		if (step_of(pts, i, i + 1, &rate) != STEP_PRICED)
			continue;
		if (n_priced == 0 || rate < lo_rate) {
			lo = i;
			lo_rate = rate;
		}
		if (n_priced == 0 || rate > hi_rate) {
			hi = i;
			hi_rate = rate;
		}
		n_priced++;
	}
	if (n_priced == 0) {
		mu_buf_addf(b, "nothing more on any of its %zu steps", k);
		return;
	}
	mu_buf_adds(b, "from ");
	io_say_money(b, lo_rate);
	mu_buf_addf(b, " (%g to %g) to ", pts[lo].x, pts[lo + 1].x);
	io_say_money(b, hi_rate);
	mu_buf_addf(b, " (%g to %g)", pts[hi].x, pts[hi + 1].x);
	if (n_priced < k)
		mu_buf_addf(b,
		            " on %zu of its %zu steps, the others buying no fill or costing "
		            "nothing more",
		            n_priced, k);
}

/* From point 0 to point k: the spend and filled hours, and £ an hour. */
static void say_steps_total(struct mu_buf *b, const struct io_say_point *pts, size_t k)
{
	double hours = pts[k].filled_hours - pts[0].filled_hours;
	double more = pts[k].spend - pts[0].spend, rate = 0;
	switch (step_of(pts, 0, k, &rate)) {
	case STEP_PRICED:
		io_say_money(b, more);
		mu_buf_addf(b, " more spend for %.1f more filled hours, ", hours);
		io_say_money(b, rate);
		mu_buf_adds(b, " an hour");
		break;
	case STEP_FREE:
		mu_buf_addf(b, "%.1f more filled hours for ", hours);
		if (io_say_is_zero_money(more)) {
			mu_buf_adds(b, "the same spend");
		} else {
			io_say_money(b, more);
			mu_buf_adds(b, " less spend");
		}
		break;
	case STEP_NO_FILL:
		mu_buf_adds(b, "no more filled hours");
		if (!io_say_is_zero_money(more)) {
			mu_buf_adds(b, more > 0 ? ", spend rises by " : ", spend falls by ");
			io_say_money(b, more);
		}
		break;
	}
}

void io_say_sweep_cap(struct mu_buf *b, const char *name, const struct io_say_point *pts, size_t n)
{
	size_t i, k, last = n - 1;
	if (n < 2)
		return;
	for (i = 0; i < n; i++)
		if (pts[i].fill < 0)
			return;
	k = knee_of(pts, n);
	if (k == 0) {
		mu_buf_addf(b,
		            " A higher %s buys no fill here: above %g, fill gains less than 0.05 "
		            "points.",
		            name, pts[0].x);
		return;
	}
	if (k == last)
		mu_buf_addf(b, " A higher %s still buys fill at the top of the range, %g.", name,
		            pts[last].x);
	else
		mu_buf_addf(b,
		            " A higher %s stops buying fill at %g: beyond it fill gains less than "
		            "0.05 points.",
		            name, pts[k].x);
	mu_buf_adds(b, " Up to there each step of it costs, in cash per extra filled hour, ");
	if (k <= IO_SAY_CAP_STEPS)
		for (i = 0; i < k; i++) {
			mu_buf_adds(b, i == 0 ? "" : ", ");
			say_step(b, pts, i);
		}
	else
		say_steps_range(b, pts, k);
	mu_buf_adds(b, "; in all, ");
	say_steps_total(b, pts, k);
	mu_buf_adds(b, ".");
}
