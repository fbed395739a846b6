/*
 * io_svg.h - the charts of the HTML report and of a sweep, as inline SVG
 * text: no scripts, no fonts or styles from outside, so that a page shows
 * the same offline in any browser. Colours say the same thing in every
 * chart (agency the warning colour) and never carry meaning alone: every
 * cell and bar is labelled, every line has its own dash and marker.
 */
#ifndef IO_SVG_H
#define IO_SVG_H

#include "core/mu_buf.h"

#include <stdbool.h>
#include <stddef.h>

/* Colours of spend and penalties. Agency is the warning colour (the spend
 * a system tries to bring down); bank and mutual aid are calm; penalties
 * are greys, so that no one reads them as money of a source. */
#define IO_SVG_AGENCY "#d95f02"
#define IO_SVG_BANK "#1f78b4"
#define IO_SVG_LEND "#1b9e77"
#define IO_SVG_PENALTY_1 "#525252"
#define IO_SVG_PENALTY_2 "#737373"
#define IO_SVG_PENALTY_3 "#969696"
#define IO_SVG_PENALTY_4 "#b3b3b3"

/* Appends text to out with &, <, > and quotes escaped. */
void io_svg_escape(struct mu_buf *out, const char *text);

/* One bar: value in pounds (0 and up), its fill colour ("#rrggbb"). */
struct io_svg_bar {
	const char *label;
	double value;
	const char *colour;
};

/* Horizontal bars, one per label, each with its value written beside it,
 * in pounds, or with is_weight as penalty weights (no pound sign: not
 * money, DESIGN.md §3); what names the chart for screen readers. */
void io_svg_bars(struct mu_buf *out, const char *what, const struct io_svg_bar *bars, size_t n,
                 bool is_weight);

/* One cell of the fill heatmap. */
struct io_svg_cell {
	double fill;      /* in [0, 1], or NAN where nothing is required */
	const char *note; /* said after the fill in the tooltip ("Ward sister:
	                     3 of 4 staff"); NULL for none */
	bool is_red;      /* a role below its safe minimum: a red frame */
};

/* A grid of fill rates: rows (partners) by columns (shifts), cells[i *
 * n_cols + j]. Each cell is labelled with its whole percentage, rounded
 * down (so that only a full cell reads 100), in one of five steps of one
 * hue, darker the worse (below 80%, 80-90, 90-95, 95-99, 100%), shown in
 * a legend: steps that can be told apart in grey and by colour-blind
 * readers. A cell with is_red has a red frame, in the legend too. */
void io_svg_heatmap(struct mu_buf *out, const char *const *row_labels, size_t n_rows,
                    const char *const *col_labels, size_t n_cols, const struct io_svg_cell *cells);

/* Flows from left nodes (lenders) to right nodes (hosts): flows[i * n + j]
 * hours from i to j, line width by hours. Nodes with no flow are left out. */
void io_svg_flows(struct mu_buf *out, const char *const *labels, size_t n, const double *flows);

/* One line series of a chart. */
struct io_svg_series {
	const char *name; /* in the legend; "" or NULL for a chart's one line */
	const double *y;  /* one per x; NAN leaves a gap */
};

/* A panel of a chart over shared x values. */
struct io_svg_panel {
	const char *title; /* with its unit: "spend (£, cash)" */
	const struct io_svg_series *series;
	size_t n_series;
	bool is_percent; /* y is a fraction, shown as % */
	bool is_weight;  /* y is penalty weights, not money: no £ on its axis */
	/* a level drawn across the panel as a dashed line (a budget), named
	 * in the legend by ref_label */
	bool has_ref;
	double ref;
	const char *ref_label;
};

/* Panels stacked over the same x axis (x_label), with round ticks (1, 2 or
 * 5 x 10^k), a dashed marker at each x of marks (n_marks may be 0) named
 * mark_label, and one legend below the panels, outside every plot: series
 * k has the same colour, dash and marker in every panel. */
void io_svg_line_panels(struct mu_buf *out, const char *x_label, const double *x, size_t n_x,
                        const struct io_svg_panel *panels, size_t n_panels, const double *marks,
                        size_t n_marks, const char *mark_label);

/* The recruitment curve of report.html (muster recruit --posts): the
 * yearly objective (cost[i]: spend plus penalty weights, so its axis has no
 * pound sign; NAN where point i was not solved: no marker, the line passes
 * it by) against the total posts x[i], n >= 1 points, x
 * increasing; when mark < n, a dashed line at x[mark] labelled
 * "MARK_LABEL: X posts" ("break-even: 50 posts"). Nothing when no point
 * is solved. */
void io_svg_recruit_curve(struct mu_buf *out, const double *x, const double *cost, size_t n,
                          size_t mark, const char *mark_label);

/* One series of a band chart (io_svg_band_chart): its history, n_past
 * days past_x (days since 1970-01-01) with values past_y (NAN: no record,
 * a gap), and its forecast, n_ahead days ahead_x with the mean and the
 * interval lo..hi (NAN: none). Borrowed. */
struct io_svg_band {
	const char *name; /* in the legend: "07:00" */
	const double *past_x, *past_y;
	size_t n_past;
	const double *ahead_x, *mean, *lo, *hi;
	size_t n_ahead;
};

/* A forecast over its history (DESIGN.md §3e): for each of n series (a
 * colour and marker each, named in the legend), the history as a solid
 * line, the forecast's mean as a dashed one with a marker a day, and its
 * interval shaded in the series' colour; a dashed line where the forecast
 * starts; y from 0 (y_title above the plot, "staff needed"), x ticks on
 * Mondays ("7 Dec"); what names it for screen readers. The legend below
 * says what solid, dashed and shaded mean. */
void io_svg_band_chart(struct mu_buf *out, const char *what, const char *y_title,
                       const struct io_svg_band *bands, size_t n);

#endif
