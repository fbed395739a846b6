/*
 * io_outputs_sweep.c - a sweep's --out folder: sweep.csv (io_report.c),
 * its chart as sweep.svg (panels of io_svg.c) and report.html (io_html.c)
 * with the chart in it. Its own file so that io_outputs.c stays one run's.
 */
#include "io/io_outputs.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "io/io_report.h"
#include "io/io_say.h"
#include "io/io_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The panels of the chart, top to bottom. Spend (cash) and penalties
 * (weights) are two panels, never one line: the money axis carries only
 * money (DESIGN.md §3). */
enum { PANEL_SPEND, PANEL_PENALTIES, PANEL_FILL, PANEL_AGENCY, N_PANELS };

/* The chart: spend, penalties, fill and agency spend against the first
 * value, one line per combination of the others, the knees marked. */
static void chart(struct mu_buf *svg, const struct io_sweep_table *t)
{
	size_t n = t->n_x, n_series = t->n_points / n, s, i, k, n_marks = 0;
	double *x = mu_malloc(n * sizeof(double));
	double *y = mu_malloc(N_PANELS * t->n_points * sizeof(double));
	double *marks = mu_malloc(n_series * sizeof(double));
	struct io_say_point *line = mu_malloc(n * sizeof(*line));
	struct io_svg_series *series = mu_malloc(N_PANELS * n_series * sizeof(*series));
	char **names = mu_calloc(n_series, sizeof(char *));
	struct io_svg_panel panels[N_PANELS] = {
	    [PANEL_SPEND] = {.title = "spend (£, cash)",
	                     .series = series + PANEL_SPEND * n_series,
	                     .n_series = n_series},
	    [PANEL_PENALTIES] = {.title = "penalties (weights, not money)",
	                         .series = series + PANEL_PENALTIES * n_series,
	                         .n_series = n_series,
	                         .is_weight = true},
	    [PANEL_FILL] = {.title = "fill rate",
	                    .series = series + PANEL_FILL * n_series,
	                    .n_series = n_series,
	                    .is_percent = true},
	    [PANEL_AGENCY] = {.title = "agency spend (£)",
	                      .series = series + PANEL_AGENCY * n_series,
	                      .n_series = n_series}};
	char money[MU_MONEY_SIZE], budget[200];
	if (t->has_budget) {
		snprintf(budget, sizeof(budget), "system agency budget (%s)",
		         mu_format_money(money, t->budget, 0));
		panels[PANEL_AGENCY].has_ref = true;
		panels[PANEL_AGENCY].ref = t->budget;
		panels[PANEL_AGENCY].ref_label = budget;
	}
	for (i = 0; i < n; i++)
		x[i] = t->points[i].values[0];
	for (s = 0; s < n_series; s++) {
		const struct io_sweep_point *pts = &t->points[s * n];
		struct mu_buf name;
		size_t at;
		mu_buf_init(&name);
		for (k = 1; k < t->n_names; k++)
			mu_buf_addf(&name, "%s%s=%g", k > 1 ? ", " : "", t->names[k],
			            pts[0].values[k]);
		names[s] = mu_buf_detach(&name, NULL);
		for (i = 0; i < n; i++) {
			double fill = mu_totals_fill_rate(&pts[i].system);
			y[PANEL_SPEND * t->n_points + s * n + i] = pts[i].system.spend_total;
			y[PANEL_PENALTIES * t->n_points + s * n + i] = pts[i].system.penalty_total;
			y[PANEL_FILL * t->n_points + s * n + i] = fill >= 0 ? fill : NAN;
			y[PANEL_AGENCY * t->n_points + s * n + i] =
			    pts[i].system.spend[MU_SRC_AGENCY];
			line[i] = io_say_point_of(pts[i].values[0], &pts[i].system);
		}
		for (k = 0; k < N_PANELS; k++)
			series[k * n_series + s] =
			    (struct io_svg_series){names[s], y + k * t->n_points + s * n};
		if (io_say_knee(line, n, &at))
			marks[n_marks++] = pts[at].values[0];
	}
	io_svg_line_panels(svg, t->labels[0], x, n, panels, N_PANELS, marks, n_marks,
	                   "extra spend stops buying fill");
	for (s = 0; s < n_series; s++)
		free(names[s]);
	free(names);
	free(series);
	free(line);
	free(marks);
	free(y);
	free(x);
}

enum mu_code io_outputs_write_sweep(const char *dir, const struct mu_scenario *sc,
                                    const char *label, const struct io_sweep_table *table,
                                    struct mu_err *err)
{
	struct mu_buf svg;
	enum mu_code rc;
	mu_buf_init(&svg);
	chart(&svg, table);
	if ((rc = io_report_write_sweep(dir, table, err)) == MU_OK &&
	    (rc = io_report_write_file(dir, "sweep.svg", svg.data, svg.len, err)) == MU_OK)
		rc = io_html_write_sweep(dir, sc, label, table, svg.data, err);
	mu_buf_release(&svg);
	return rc;
}
