/*
 * io_html_flow.c - report.html's section on moving patients home sooner
 * (DESIGN.md §3f), shown only when the scenario has flow.csv: per
 * pathway io_say_flow's sentence, then patients waiting at the end of
 * each day with the plan and without it ("without" is no patient
 * discharged in the horizon: every waiting patient in a bed every day,
 * docs/hospital-flow.md), with a bar each, the care hours the plan takes
 * at `to` and the ward staff-shifts and bed-days it frees at `from`; in
 * plan mode the shadow prices in words (io_say_flow_prices). Bed-day
 * cost is a penalty weight: never shown in pounds. A partner's page shows
 * the pathways from or to it.
 */
#include "io/io_html_int.h"

#include "core/mu_format.h"
#include "io/io_say.h"

#include <math.h>
#include <stdio.h>

#define N_STAFF_PRICES 3
#define BAR_WIDTH 80.0

static void number(struct mu_buf *b, double v)
{
	struct mu_buf t;
	mu_buf_init(&t);
	io_say_flow_number(&t, v);
	mu_buf_adds(b, t.data);
	mu_buf_release(&t);
}

/* One cell: v as a number and a bar of v / most of BAR_WIDTH. */
static void bar_cell(struct mu_buf *b, double v, double most, const char *colour)
{
	double width = most > 0 ? BAR_WIDTH * v / most : 0;
	mu_buf_adds(b, "<td style=\"text-align:left\">");
	mu_buf_addf(b,
	            "<svg width=\"%.0f\" height=\"10\" role=\"img\" aria-label=\"\">"
	            "<rect width=\"%.1f\" height=\"10\" fill=\"%s\"/></svg> ",
	            width > 1 ? width : 1, width > 0 ? width : 0, colour);
	number(b, v);
	mu_buf_adds(b, "</td>");
}

static void pathway(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p,
                    size_t flow)
{
	const struct mu_plan *plan = p->plan;
	const struct mu_flow *w = &sc->flows[flow];
	struct io_say_flow f;
	struct mu_buf text;
	size_t i;
	char date[MU_DATE_SIZE];
	io_say_flow_sum(&f, sc, plan, flow);
	mu_buf_init(&text);
	mu_buf_adds(b, "<h3>");
	io_html_esc(b, sc->partners[w->from].name);
	mu_buf_adds(b, " &rarr; ");
	io_html_esc(b, sc->partners[w->to].name);
	mu_buf_adds(b, "</h3>\n<p>");
	io_say_flow(&text, sc, flow, &f);
	io_html_esc(b, text.data);
	mu_buf_adds(b,
	            "</p>\n<table class=\"flow\"><tr><th>day</th><th>waiting, without the plan</th>"
	            "<th>waiting, with it</th><th>sent home</th><th>care hours at ");
	io_html_esc(b, sc->partners[w->to].name);
	mu_buf_adds(b, "</th><th>ward staff-shifts freed</th><th>bed-days freed</th></tr>\n");
	for (i = 0; i < plan->n_discharges; i++) {
		const struct mu_discharge_row *r = &plan->discharges[i];
		if (r->flow != flow)
			continue;
		mu_buf_addf(b, "<tr><td style=\"white-space:nowrap\" title=\"%s\">",
		            mu_format_date(date, r->day));
		mu_buf_reset(&text);
		io_say_flow_day(&text, r->day);
		mu_buf_adds(b, text.data);
		mu_buf_adds(b, "</td>");
		bar_cell(b, f.waiting, f.waiting, "#bdbdbd");
		bar_cell(b, r->waiting, f.waiting, "#3182bd");
		mu_buf_adds(b, "<td>");
		number(b, r->discharged);
		mu_buf_adds(b, "</td><td>");
		number(b, r->care_hours);
		mu_buf_adds(b, "</td><td>");
		number(b, r->ward_staff);
		mu_buf_adds(b, "</td><td>");
		number(b, r->freed_beds);
		mu_buf_adds(b, "</td></tr>\n");
	}
	mu_buf_adds(b, "<tr><th>horizon</th><td>");
	number(b, f.waiting * (double)f.n_days);
	mu_buf_adds(b, " bed-days</td><td>");
	number(b, f.bed_days);
	mu_buf_adds(b, " bed-days</td><td>");
	number(b, f.discharged);
	mu_buf_adds(b, "</td><td>");
	number(b, f.care_hours);
	mu_buf_adds(b, "</td><td>");
	number(b, f.ward_staff);
	mu_buf_adds(b, "</td><td>");
	number(b, f.bed_days_freed);
	mu_buf_adds(b, "</td></tr>\n</table>\n");
	if (p->prices) {
		mu_buf_reset(&text);
		if (io_say_flow_prices(&text, sc, flow, p->prices, p->n_prices, N_STAFF_PRICES) >
		    0) {
			mu_buf_adds(b, "<p>");
			io_html_esc(b, text.data);
			mu_buf_adds(b, "</p>\n");
		}
	}
	mu_buf_release(&text);
}

void io_html_flow(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	size_t f;
	bool is_any = false;
	for (f = 0; f < sc->n_flows; f++)
		is_any |= !p->is_partner_page || sc->flows[f].from == p->partner ||
		          sc->flows[f].to == p->partner;
	if (!is_any)
		return;
	mu_buf_adds(b,
	            "<h2>Moving patients home sooner</h2>\n<p>Patients fit to leave hospital who "
	            "wait for care at home (flow.csv, discharges.csv), still waiting at the end "
	            "of each day. <i>Without the plan</i> "
	            "means no one is sent home this horizon: every waiting patient stays in a "
	            "bed every day. The bed-day penalty is a weight that says how bad a day in "
	            "a bed is, not money anyone pays.");
	if (!p->prices)
		mu_buf_adds(b, " What one more patient sent home or one more care staff-shift is "
		               "worth comes from plan mode (<code>muster solve --lp</code>).");
	mu_buf_adds(b, "</p>\n");
	for (f = 0; f < sc->n_flows; f++)
		if (!p->is_partner_page || sc->flows[f].from == p->partner ||
		    sc->flows[f].to == p->partner)
			pathway(b, sc, p, f);
}
