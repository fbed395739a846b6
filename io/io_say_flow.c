/*
 * io_say_flow.c - the sentences of moving patients home sooner (DESIGN.md
 * §3f): one pathway's horizon from the plan's discharge rows ("Sending 18
 * of the 25 patients waiting at Northshire Acute for care from Brightway
 * Homecare home by Wed 2 Dec takes 216 h of Care worker care there and
 * frees 30 Registered nurse (band 5) shifts and 74 bed-days at Northshire
 * Acute"), and in plan mode its shadow prices in words: what a patient
 * sent home is worth (the waiting row's price) and one more care_role
 * staff-shift at `to` (its staff rows' prices). Bed-day cost is a
 * penalty weight: said as a plain number, never in pounds.
 */
#include "io/io_say_int.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void io_say_flow_sum(struct io_say_flow *out, const struct mu_scenario *sc,
                     const struct mu_plan *plan, size_t flow)
{
	size_t i;
	memset(out, 0, sizeof(*out));
	out->waiting = (double)sc->flows[flow].waiting;
	for (i = 0; i < plan->n_discharges; i++) {
		const struct mu_discharge_row *r = &plan->discharges[i];
		if (r->flow != flow)
			continue;
		if (out->n_days == 0 || r->day < out->first_day)
			out->first_day = r->day;
		if (out->n_days == 0 || r->day > out->end_day)
			out->end_day = r->day;
		out->n_days++;
		out->discharged += r->discharged;
		if (r->discharged > IO_SAY_FLOW_NONE &&
		    (!out->has_last || r->day > out->last_day)) {
			out->last_day = r->day;
			out->has_last = true;
		}
		out->care_hours += r->care_hours;
		out->ward_staff += r->ward_staff;
		out->bed_days_freed += r->freed_beds;
		out->bed_days += r->waiting;
		out->penalty += r->bed_day_penalty;
	}
}

void io_say_flow_day(struct mu_buf *b, long day)
{
	static const char *const days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	mu_buf_addf(b, "%s %d %s", days[((day % 7) + 7) % 7], tm.tm_mday, months[tm.tm_mon]);
}

void io_say_flow_number(struct mu_buf *b, double v)
{
	double r = round(v);
	if (fabs(v - r) < IO_SAY_FLOW_NONE)
		mu_buf_addf(b, "%.0f", r == 0 ? 0 : r);
	else
		mu_buf_addf(b, "%.1f", v);
}

/* Whether v reads as 1 the way io_say_flow_number shows it. */
static bool is_one(double v)
{
	return fabs(v - 1) < IO_SAY_FLOW_NONE;
}

void io_say_flow(struct mu_buf *b, const struct mu_scenario *sc, size_t flow,
                 const struct io_say_flow *f)
{
	const struct mu_flow *w = &sc->flows[flow];
	const char *from = sc->partners[w->from].name, *to = sc->partners[w->to].name;
	double left = f->waiting - f->discharged;
	bool is_in_all = false; /* the bed-days of all waiting, not of those who stay */
	if (f->waiting < IO_SAY_FLOW_NONE) {
		mu_buf_addf(b, "No patient waits at %s for care from %s.", from, to);
		return;
	}
	if (f->discharged < IO_SAY_FLOW_NONE) {
		if (is_one(f->waiting)) {
			mu_buf_addf(
			    b,
			    "The one patient waiting at %s for care from %s stays in a bed: ", from,
			    to);
		} else {
			mu_buf_adds(b, "None of the ");
			io_say_flow_number(b, f->waiting);
			mu_buf_addf(b, " patients waiting at %s for care from %s goes home: ", from,
			            to);
		}
	} else {
		mu_buf_adds(b, "Sending ");
		if (left < IO_SAY_FLOW_NONE && is_one(f->waiting)) {
			mu_buf_adds(b, "the one patient");
		} else if (left < IO_SAY_FLOW_NONE) {
			mu_buf_adds(b, "all ");
			io_say_flow_number(b, f->waiting);
			mu_buf_adds(b, " patients");
		} else {
			io_say_flow_number(b, f->discharged);
			mu_buf_adds(b, " of the ");
			io_say_flow_number(b, f->waiting);
			mu_buf_addf(b, " patient%s", is_one(f->waiting) ? "" : "s");
		}
		mu_buf_addf(b, " waiting at %s for care from %s home by ", from, to);
		io_say_flow_day(b, f->last_day);
		mu_buf_adds(b, " takes ");
		io_say_flow_number(b, f->care_hours);
		mu_buf_adds(b, " h of ");
		io_say_rate_role(b, sc, w->care_role);
		mu_buf_addf(b, " care at %s and frees ", to);
		io_say_flow_number(b, f->ward_staff);
		mu_buf_adds(b, " ");
		io_say_rate_role(b, sc, w->ward_role);
		mu_buf_addf(b, " shift%s and ", is_one(f->ward_staff) ? "" : "s");
		io_say_flow_number(b, f->bed_days_freed);
		mu_buf_addf(b, " bed-day%s at %s", is_one(f->bed_days_freed) ? "" : "s", from);
		if (left < IO_SAY_FLOW_NONE) {
			mu_buf_adds(b, ".");
			if (f->bed_days < IO_SAY_FLOW_NONE)
				return;
			mu_buf_adds(b, " Still in a bed while they wait: ");
		} else {
			mu_buf_adds(b, "; ");
			io_say_flow_number(b, left);
			mu_buf_addf(b, " stay%s in a bed to the end of ", is_one(left) ? "s" : "");
			io_say_flow_day(b, f->end_day);
			/* the bed-days are every waiting patient's, those sent home
			 * later included, not only of those who stay */
			mu_buf_adds(b, ", and patients wait ");
			is_in_all = true;
		}
	}
	io_say_flow_number(b, f->bed_days);
	mu_buf_addf(b, " bed-day%s%s, a bed-day penalty of ", is_one(f->bed_days) ? "" : "s",
	            is_in_all ? " in all" : "");
	io_say_weight(b, f->penalty);
	mu_buf_adds(b, " (a weight, not money).");
}

/* The price row of pathway flow's waiting row (wait_f<flow>), or NULL. */
static const struct mu_price_row *waiting_price(const struct mu_price_row *prices, size_t n,
                                                size_t flow)
{
	char name[32];
	size_t i;
	snprintf(name, sizeof(name), "wait_f%zu", flow);
	for (i = 0; i < n; i++)
		if (prices[i].kind == MU_ROW_WAITING && strcmp(prices[i].constraint, name) == 0)
			return &prices[i];
	return NULL;
}

static int by_size(const void *x, const void *y)
{
	const struct mu_price_row *a = *(const struct mu_price_row *const *)x;
	const struct mu_price_row *c = *(const struct mu_price_row *const *)y;
	double fa = fabs(a->price), fc = fabs(c->price);
	if (fa != fc)
		return fa > fc ? -1 : 1;
	return strcmp(a->constraint, c->constraint);
}

static const struct mu_shift *shift_of(const struct mu_scenario *sc, const char *id)
{
	size_t i;
	for (i = 0; i < sc->n_shifts; i++)
		if (strcmp(sc->shifts[i].id, id) == 0)
			return &sc->shifts[i];
	return NULL;
}

size_t io_say_flow_prices(struct mu_buf *b, const struct mu_scenario *sc, size_t flow,
                          const struct mu_price_row *prices, size_t n, size_t max_staff)
{
	const struct mu_flow *w = &sc->flows[flow];
	const struct mu_price_row *r = waiting_price(prices, n, flow), **staff;
	const char *from = sc->partners[w->from].name, *to = sc->partners[w->to].name;
	size_t i, n_staff = 0, n_said = 0;
	if (r && -r->price >= IO_SAY_FLOW_PRICE && !isnan(r->range_from)) {
		/* the objective is convex in the waiting row's limit: beyond the
		 * range each patient kept in a bed costs at least as much */
		double room = r->limit - r->range_from;
		mu_buf_addf(b,
		            "Each patient sent home from %s to %s, rather than kept in a bed to "
		            "the end of the horizon, lowers the objective (spend plus penalty "
		            "weights) by at least ",
		            from, to);
		io_say_weight(b, r->price);
		if (room >= 2 - 1e-9) {
			mu_buf_adds(b, " (by exactly that for ");
			if (isfinite(room)) {
				mu_buf_adds(b, "each of up to ");
				io_say_flow_number(b, floor(room + 1e-9));
				mu_buf_adds(b, " of them)");
			} else {
				mu_buf_adds(b, "each of them)");
			}
		} else if (room >= 1 - 1e-9) {
			mu_buf_adds(b, " (by exactly that for one of them)");
		}
		mu_buf_adds(b, ".");
		n_said++;
	} else if (r && fabs(r->price) < IO_SAY_FLOW_PRICE &&
	           r->limit - r->range_from >= 1 - 1e-9) {
		mu_buf_addf(b,
		            "Sending a patient home from %s to %s, rather than keeping them in a "
		            "bed to the end of the horizon, does not lower the objective (spend "
		            "plus penalty weights)",
		            from, to);
		if (isfinite(r->limit - r->range_from)) {
			mu_buf_adds(b, " for each of up to ");
			io_say_flow_number(b, floor(r->limit - r->range_from + 1e-9));
			mu_buf_adds(b, " of them");
		}
		mu_buf_adds(b, ".");
		n_said++;
	}
	/* nothing of one more patient waiting: demand.csv's ward demand is
	 * fixed, so in the model each more waiting is only more ward demand
	 * that can be freed, and its price (the waiting row's plus its bed-day
	 * rows') may lower the objective, which reads as if more delayed
	 * patients were good (docs/hospital-flow.md) */
	staff = mu_malloc((n + 1) * sizeof(*staff));
	for (i = 0; i < n; i++) {
		const struct mu_price_row *p = &prices[i];
		if (p->kind == MU_ROW_STAFF && p->price <= -IO_SAY_FLOW_PRICE &&
		    p->range_to - p->limit >= 1 - 1e-9 &&
		    strcmp(p->partner, sc->partners[w->to].id) == 0 &&
		    strcmp(p->role, sc->roles[w->care_role].id) == 0)
			staff[n_staff++] = p;
	}
	qsort(staff, n_staff, sizeof(*staff), by_size);
	for (i = 0; i < n_staff && i < max_staff; i++) {
		const struct mu_shift *s = shift_of(sc, staff[i]->shift);
		mu_buf_adds(b, n_said ? " One more " : "One more ");
		io_say_rate_role(b, sc, w->care_role);
		mu_buf_addf(b, " staff-shift at %s on ", to);
		if (s) {
			io_say_shift_when(b, s);
			mu_buf_addf(b, " (%s)", s->id);
		} else {
			mu_buf_adds(b, staff[i]->shift);
		}
		mu_buf_adds(b, " lowers the objective by ");
		io_say_weight(b, staff[i]->price);
		mu_buf_adds(b, ".");
		n_said++;
	}
	free(staff);
	return n_said;
}

/* "; 49 fewer bed-days" style: n (rounded as io_say_flow_number shows it)
 * more or fewer of what, or "as many what". */
static void say_more(struct mu_buf *b, double more, const char *what, const char *what_one)
{
	if (fabs(more) < IO_SAY_FLOW_NONE) {
		mu_buf_addf(b, "as many %s", what);
		return;
	}
	io_say_flow_number(b, fabs(more));
	mu_buf_addf(b, " %s %s", more > 0 ? "more" : "fewer", is_one(fabs(more)) ? what_one : what);
}

void io_say_flow_compare(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                         const struct mu_plan *silo)
{
	size_t f;
	double pen_sys = 0, pen_silo = 0, lower = silo->objective - sys->objective, fall;
	for (f = 0; f < sc->n_flows; f++) {
		const struct mu_flow *w = &sc->flows[f];
		const char *from = sc->partners[w->from].name, *to = sc->partners[w->to].name;
		struct io_say_flow a, c;
		io_say_flow_sum(&a, sc, sys, f);
		io_say_flow_sum(&c, sc, silo, f);
		pen_sys += a.penalty;
		pen_silo += c.penalty;
		mu_buf_addf(b, "%sWorking together, %s sends ", f ? " " : "", from);
		io_say_flow_number(b, a.discharged);
		mu_buf_addf(b, " of its %ld patient%s waiting for care from %s home, against ",
		            w->waiting, w->waiting == 1 ? "" : "s", to);
		io_say_flow_number(b, c.discharged);
		mu_buf_adds(b, " alone: ");
		say_more(b, a.bed_days - c.bed_days, "bed-days", "bed-day");
		mu_buf_addf(b, " at %s, ", from);
		say_more(b, a.care_hours - c.care_hours, "care hours", "care hour");
		mu_buf_addf(b, " at %s and ", to);
		say_more(b, a.ward_staff - c.ward_staff, "ward shifts freed", "ward shift freed");
		mu_buf_adds(b, ".");
	}
	if (sc->n_flows == 0)
		return;
	fall = pen_silo - pen_sys;
	mu_buf_adds(b, " The bed-day penalty (a weight, not money) is ");
	if (io_say_is_zero_money(fall)) {
		mu_buf_adds(b, "the same");
	} else {
		io_say_weight(b, fall);
		mu_buf_adds(b, fall > 0 ? " lower" : " higher");
	}
	mu_buf_adds(b, " working together, of an objective (spend plus penalty weights) ");
	if (io_say_is_zero_money(lower)) {
		mu_buf_adds(b, "the same in all.");
	} else {
		io_say_weight(b, lower);
		mu_buf_addf(b, " %s in all.", lower > 0 ? "lower" : "higher");
	}
}
