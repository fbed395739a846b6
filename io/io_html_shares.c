/*
 * io_html_shares.c - report.html of muster shares (DESIGN.md §3a): who
 * gains, each partner's share beside its gain as a chart, the core check
 * and the settlement.
 */
#include "io/io_html_int.h"

#include "core/mu_format.h"
#include "io/io_say.h"
#include "io/io_svg.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A partner's name as the chart's label: at most NAME_MAX_CHARS
 * characters (of UTF-8), cut with an ellipsis, so that it fits left of
 * the bars; the tooltip and the table have it whole. */
#define NAME_MAX_CHARS 36
static void name_fit(struct mu_buf *b, const char *name)
{
	struct mu_buf cut;
	size_t i, n = 0;
	for (i = 0; name[i]; i++)
		n += ((unsigned char)name[i] & 0xc0) != 0x80;
	if (n <= NAME_MAX_CHARS) {
		io_html_esc(b, name);
		return;
	}
	mu_buf_init(&cut);
	for (i = 0, n = 0; name[i]; i++) {
		n += ((unsigned char)name[i] & 0xc0) != 0x80;
		if (n > NAME_MAX_CHARS - 1)
			break;
		mu_buf_addc(&cut, name[i]);
	}
	mu_buf_adds(&cut, "\xe2\x80\xa6");
	io_html_esc(b, cut.data);
	mu_buf_release(&cut);
}

/* One bar of the gain-and-share chart: a partner's gain and share side by
 * side, from a zero line, to the same scale. */
static void shares_chart(struct mu_buf *b, const struct mu_scenario *sc, const struct io_shares *t)
{
	/* the values written right of the bars: paper and phones have no
	 * tooltip */
	const double label_w = 260, bar_w = 420, row_h = 30, value_w = 250;
	double lo = 0, hi = 0, scale, zero;
	size_t p, n = sc->n_partners;
	char m[2][MU_MONEY_SIZE];
	for (p = 0; p < n; p++) {
		lo = fmin(lo, fmin(t->gain[p], t->shares->share[p]));
		hi = fmax(hi, fmax(t->gain[p], t->shares->share[p]));
	}
	scale = hi > lo ? bar_w / (hi - lo) : 0;
	zero = label_w + (0 - lo) * scale;
	mu_buf_addf(b,
	            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
	            "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"each partner's gain "
	            "and share\" font-family=\"sans-serif\" font-size=\"12\">\n",
	            label_w + bar_w + 20 + value_w, row_h * (double)n + 40,
	            label_w + bar_w + 20 + value_w, row_h * (double)n + 40);
	mu_buf_addf(b,
	            "<rect x=\"%.0f\" y=\"4\" width=\"12\" height=\"10\" fill=\"#9e9e9e\"/>"
	            "<text x=\"%.0f\" y=\"13\">its own gain</text>"
	            "<rect x=\"%.0f\" y=\"4\" width=\"12\" height=\"10\" fill=\"#1f78b4\"/>"
	            "<text x=\"%.0f\" y=\"13\">its share</text>\n",
	            label_w, label_w + 16, label_w + 110, label_w + 126);
	for (p = 0; p < n; p++) {
		double y = 24 + row_h * (double)p, g = t->gain[p] * scale,
		       s = t->shares->share[p] * scale;
		mu_buf_addf(b, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\"><title>",
		            label_w - 8, y + 15);
		io_html_esc(b, sc->partners[p].name);
		mu_buf_adds(b, "</title>");
		name_fit(b, sc->partners[p].name);
		mu_buf_adds(b, "</text>");
		/* value: spend plus penalty weights, no pound sign */
		mu_buf_addf(b, "<text x=\"%.0f\" y=\"%.1f\">gain %s, share %s</text>",
		            label_w + bar_w + 20, y + 15, io_html_weight(m[0], t->gain[p]),
		            io_html_weight(m[1], t->shares->share[p]));
		mu_buf_addf(b,
		            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" "
		            "fill=\"#9e9e9e\"/>"
		            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" "
		            "fill=\"#1f78b4\"/>\n",
		            g < 0 ? zero + g : zero, y + 2, fabs(g), s < 0 ? zero + s : zero,
		            y + 13, fabs(s));
	}
	mu_buf_addf(b,
	            "<line x1=\"%.1f\" y1=\"20\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#333\"/>\n"
	            "</svg>\n",
	            zero, zero, 24 + row_h * (double)n);
}

/* The cash game (issue 24): each partner's change in filled hours, red
 * flags and net cash, its cash share and the settlement in money. */
static void cash_table(struct mu_buf *b, const struct mu_scenario *sc, const struct io_shares *t)
{
	char m[5][MU_MONEY_SIZE];
	struct mu_buf said;
	size_t p;
	mu_buf_init(&said);
	io_say_horizon(&said, t->horizon_days);
	mu_buf_addf(b,
	            "<h2>In cash, %s</h2>\n<p>Money, for the %ld days the shifts' dates span: "
	            "each partner's change in filled hours, red flags and net cash (spend plus "
	            "recharge paid minus recharge received), and its share of the fall in spend "
	            "(the cash game: each coalition's optimal plan valued at its spend).</p>\n",
	            said.data, t->horizon_days);
	mu_buf_adds(b, "<table><tr><th>partner</th><th>filled hours</th><th>red flags</th>"
	               "<th>net cash alone</th><th>net cash together</th><th>cash gain</th>"
	               "<th>cash share</th><th>settlement</th></tr>\n");
	for (p = 0; p < sc->n_partners; p++) {
		const struct mu_totals *a = &t->system_totals[p], *c = &t->silo_totals[p];
		mu_buf_adds(b, "<tr><td>");
		io_html_esc(b, sc->partners[p].name);
		mu_buf_addf(b, "</td><td>%+.1f</td><td>%+ld</td><td>%s</td><td>%s</td><td>%s</td>",
		            a->filled_hours - c->filled_hours,
		            (long)a->n_red_flags - (long)c->n_red_flags,
		            io_html_money(m[0], mu_totals_net_cash(c)),
		            io_html_money(m[1], mu_totals_net_cash(a)),
		            io_html_money(m[2], t->cash_gain[p]));
		mu_buf_addf(b, "<td>%s</td><td>%s %s</td></tr>\n",
		            io_html_money(m[3], t->cash_shares->share[p]),
		            fabs(t->cash_transfer[p]) < 0.005 ? ""
		            : t->cash_transfer[p] > 0         ? "receives"
		                                              : "pays",
		            io_html_money(m[4], fabs(t->cash_transfer[p])));
	}
	mu_buf_reset(&said);
	io_say_shares_settlement(&said, sc, t->cash_settlement, t->n_cash_settlement,
	                         t->horizon_days);
	mu_buf_adds(b, "</table>\n<p>");
	io_html_esc(b, said.data);
	mu_buf_adds(b, "</p>\n");
	mu_buf_release(&said);
}

enum mu_code io_html_write_shares(const char *dir, const struct mu_scenario *sc,
                                  const char *scenario_label, const struct io_shares *t,
                                  struct mu_err *err)
{
	const struct mu_shares *sh = t->shares;
	const double *std_error = sh->is_exact ? NULL : sh->std_error;
	char m[6][MU_MONEY_SIZE];
	struct mu_buf b, said;
	size_t p;
	mu_buf_init(&b);
	/* shares records no run (coalition values only, with --db); value is
	 * spend plus penalty weights (DESIGN.md §3): plain numbers, never
	 * pounds; the cash game below is money */
	io_html_page_open(&b, "Shares of the value of working together", sc, scenario_label, NULL);
	mu_buf_addf(&b,
	            "<p style=\"font-size:1.2em\">Working together lowers the objective by "
	            "<b>%s</b> of value (spend plus penalty weights), not money. Each partner's "
	            "fair share of that (its Shapley value: what it "
	            "adds, on average, to every group of partners it could join) against what it "
	            "gains itself, and the transfers that make the two equal.</p>\n",
	            io_html_weight(m[0], sh->saving));
	mu_buf_adds(&b, "<p>Value is spend plus the penalty weights the scenario puts on "
	                "unfilled hours, agency tiers and break-glass");
	if (sc->n_flows > 0)
		mu_buf_adds(&b, ", and on each day a patient fit to leave stays in a bed");
	mu_buf_adds(&b, " &mdash; how bad an outcome "
	                "is, not money: its figures carry no pound sign. A partner's value is "
	                "counted at the partner: spend on work done there, the penalties of its "
	                "own demand rows, and recharge paid less received. Plan mode.</p>\n");
	shares_chart(&b, sc, t);
	mu_buf_addf(&b,
	            "<table><tr><th>partner</th><th>alone (value)</th><th>together (value)</th>"
	            "<th>gain</th><th>share</th>%s<th>transfer of value</th></tr>\n",
	            std_error ? "<th>std error</th>" : "");
	for (p = 0; p < sc->n_partners; p++) {
		mu_buf_adds(&b, "<tr><td>");
		io_html_esc(&b, sc->partners[p].name);
		mu_buf_addf(&b, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
		            io_html_weight(m[0], t->silo_cost[p]),
		            io_html_weight(m[1], t->system_cost[p]),
		            io_html_weight(m[2], t->gain[p]), io_html_weight(m[3], sh->share[p]));
		if (std_error)
			mu_buf_addf(&b, "<td>%s</td>",
			            isnan(std_error[p]) ? "-" : io_html_weight(m[4], std_error[p]));
		/* value, not money: "pays" is for the cash settlement only */
		mu_buf_addf(&b, "<td>%s %s</td></tr>\n",
		            fabs(t->transfer[p]) < 0.005 ? ""
		            : t->transfer[p] > 0         ? "gets"
		                                         : "passes",
		            io_html_weight(m[5], fabs(t->transfer[p])));
	}
	/* the sentences the terminal says too */
	mu_buf_init(&said);
	io_say_shares_core(&said, sc, sh, t->exact_max);
	mu_buf_adds(&b, "</table>\n<p>In plain words: a partner's <b>share</b> is its fair "
	                "part of the value of working together, what it brings to the partners it "
	                "works with; the <b>core</b> is the set of ways to split that value in "
	                "which no group of "
	                "partners would do better by working on its own, so no one has a reason "
	                "to leave. ");
	io_html_esc(&b, said.data);
	mu_buf_reset(&said);
	io_say_shares_settlement(&said, sc, t->settlement, t->n_settlement, 0);
	mu_buf_adds(&b, "</p>\n<p>");
	io_html_esc(&b, said.data);
	mu_buf_adds(&b, "</p>\n");
	if (t->cash_shares && t->silo_totals)
		cash_table(&b, sc, t);
	mu_buf_release(&said);
	return io_html_write_page(dir, &b, err);
}
