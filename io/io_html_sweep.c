/*
 * io_html_sweep.c - report.html of muster sweep: the finding, the chart
 * (io_svg's) and the table of points.
 */
#include "io/io_html_int.h"

#include "core/mu_format.h"
#include "io/io_say.h"
#include "io/io_svg.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum mu_code io_html_write_sweep(const char *dir, const struct mu_scenario *sc,
                                 const char *scenario_label, const struct io_sweep_table *table,
                                 const char *chart_svg, struct mu_err *err)
{
	char m[3][MU_MONEY_SIZE], fill[32], status[MU_STATUS_SIZE], runs[96] = "";
	struct mu_buf b;
	size_t i, k;
	if (table->n_points == 1 && table->points[0].run_id > 0)
		snprintf(runs, sizeof(runs), "Run %lld", (long long)table->points[0].run_id);
	else if (table->n_points > 1 && table->points[0].run_id > 0)
		snprintf(runs, sizeof(runs), "Runs %lld to %lld",
		         (long long)table->points[0].run_id,
		         (long long)table->points[table->n_points - 1].run_id);
	mu_buf_init(&b);
	io_html_page_open(&b, "Sweep", sc, scenario_label, runs);
	mu_buf_addf(&b, "<p>%zu %s solves, varying ", table->n_points, table->mode);
	for (k = 0; k < table->n_names; k++) {
		mu_buf_adds(&b, k ? (k + 1 == table->n_names ? " and " : ", ") : "");
		io_html_esc(&b, table->labels[k]);
	}
	mu_buf_adds(&b, ".</p>\n");
	if (table->finding) {
		mu_buf_adds(&b, "<p style=\"font-size:1.2em\">");
		io_html_esc(&b, table->finding);
		mu_buf_adds(&b, "</p>\n");
	}
	mu_buf_adds(&b, chart_svg);
	mu_buf_adds(&b, "<p>Spend is cash (bank and agency charges, mutual-aid travel); penalties "
	                "are weights, not money anyone pays: the settings' measure of how bad an "
	                "outcome is (hours short of required or below minimum, agency tiers, "
	                "break-glass shifts");
	if (sc->n_flows > 0)
		mu_buf_adds(&b, ", the bed-days of patients fit to leave");
	mu_buf_adds(&b, " and the like), which the plan weighs against spend.</p>\n");
	mu_buf_adds(&b, "<h2>Points</h2>\n<table><tr>");
	for (k = 0; k < table->n_names; k++) {
		mu_buf_adds(&b, "<th>");
		io_html_esc(&b, table->names[k]);
		mu_buf_adds(&b, "</th>");
	}
	mu_buf_adds(&b,
	            "<th>status</th><th>spend</th><th>penalties</th><th>fill</th><th>red flags</th>"
	            "<th>agency spend</th><th>agency h</th><th>bank h</th><th>unfilled h</th>");
	if (table->has_supply) /* §3d */
		mu_buf_adds(&b, "<th>rate paid, lowest (£/h)</th><th>highest</th><th>extra bank "
		                "staff</th>");
	if (table->has_flow) /* §3f */
		mu_buf_adds(&b, "<th>patients sent home</th><th>bed-days</th>");
	mu_buf_adds(&b, "<th>run</th></tr>\n");
	for (i = 0; i < table->n_points; i++) {
		const struct io_sweep_point *pt = &table->points[i];
		mu_buf_adds(&b, "<tr>");
		for (k = 0; k < table->n_names; k++)
			mu_buf_addf(&b, "<td>%g</td>", pt->values[k]);
		io_html_fill_text(fill, sizeof(fill), &pt->system);
		mu_buf_addf(&b,
		            "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td%s>%zu</td><td>%s</"
		            "td><td>%.0f</td>"
		            "<td>%.0f</td><td>%.0f</td>",
		            mu_format_status(status, pt->status, pt->has_gap, pt->gap),
		            io_html_money(m[0], pt->system.spend_total),
		            mu_format_weight(m[2], pt->system.penalty_total, 2), fill,
		            pt->system.n_red_flags ? " class=\"red\"" : "", pt->system.n_red_flags,
		            io_html_money(m[1], pt->system.spend[MU_SRC_AGENCY]),
		            pt->system.hours[MU_SRC_AGENCY], pt->system.hours[MU_SRC_BANK],
		            pt->system.unfilled_hours);
		if (table->has_supply && isnan(pt->rate_lo))
			mu_buf_addf(&b, "<td></td><td></td><td>%.1f</td>", pt->extra_staff);
		else if (table->has_supply)
			mu_buf_addf(&b, "<td>%.2f</td><td>%.2f</td><td>%.1f</td>", pt->rate_lo,
			            pt->rate_hi, pt->extra_staff);
		if (table->has_flow)
			mu_buf_addf(&b, "<td>%.1f</td><td>%.1f</td>", pt->discharged, pt->bed_days);
		mu_buf_addf(&b, "<td>%lld</td></tr>\n", (long long)pt->run_id);
	}
	mu_buf_adds(&b, "</table>\n");
	return io_html_write_page(dir, &b, err);
}
