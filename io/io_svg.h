/*
 * io_svg.h - the charts of the HTML report and of a sweep, as inline SVG
 * text: no scripts, no fonts or styles from outside, so that a page shows
 * the same offline in any browser.
 */
#ifndef IO_SVG_H
#define IO_SVG_H

#include "core/mu_buf.h"

#include <stdbool.h>
#include <stddef.h>

/* Appends text to out with &, <, > and quotes escaped. */
void io_svg_escape(struct mu_buf *out, const char *text);

/* Horizontal bars, one per label, values in pounds (0 and up). */
void io_svg_bars(struct mu_buf *out, const char *const *labels, const double *values, size_t n);

/* A grid of fill rates: rows (partners) by columns (shifts); values in
 * [0, 1], or NAN where nothing is required. Red to green. */
void io_svg_heatmap(struct mu_buf *out, const char *const *row_labels, size_t n_rows,
                    const char *const *col_labels, size_t n_cols, const double *values);

/* Flows from left nodes (lenders) to right nodes (hosts): flows[i * n + j]
 * hours from i to j, line width by hours. Nodes with no flow are left out. */
void io_svg_flows(struct mu_buf *out, const char *const *labels, size_t n, const double *flows);

/* One line series of a chart. */
struct io_svg_series {
	const char *name;
	const double *y; /* one per x; NAN leaves a gap */
};

/* A panel of a chart over shared x values. */
struct io_svg_panel {
	const char *title; /* with its unit: "cost (£)" */
	const struct io_svg_series *series;
	size_t n_series;
	bool is_percent; /* y is a fraction, shown as % */
};

/* Panels stacked over the same x axis (x_label), with a dashed marker at
 * each x of marks (n_marks may be 0) labelled mark_label. */
void io_svg_line_panels(struct mu_buf *out, const char *x_label, const double *x, size_t n_x,
                        const struct io_svg_panel *panels, size_t n_panels, const double *marks,
                        size_t n_marks, const char *mark_label);

#endif
