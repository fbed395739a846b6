/*
 * io_svg.c - bar, heatmap, flow and line charts as SVG text.
 */
#include "io_svg.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 760
#define MAX_LABEL 30 /* bytes of a partner's name beside a chart */
#define FONT "font-family=\"sans-serif\" font-size=\"12\""

static const char *const palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                      "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};
#define N_COLOURS (sizeof(palette) / sizeof(palette[0]))

void io_svg_escape(struct mu_buf *out, const char *text)
{
	for (; *text; text++) {
		switch (*text) {
		case '&':
			mu_buf_adds(out, "&amp;");
			break;
		case '<':
			mu_buf_adds(out, "&lt;");
			break;
		case '>':
			mu_buf_adds(out, "&gt;");
			break;
		case '"':
			mu_buf_adds(out, "&quot;");
			break;
		case '\'':
			mu_buf_adds(out, "&#39;");
			break;
		default:
			mu_buf_addc(out, *text);
		}
	}
}

static void open_svg(struct mu_buf *out, double height, const char *what)
{
	mu_buf_addf(out,
	            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %.0f\" "
	            "width=\"%d\" height=\"%.0f\" role=\"img\" aria-label=\"",
	            WIDTH, height, WIDTH, height);
	io_svg_escape(out, what);
	mu_buf_addf(out, "\" " FONT ">\n");
}

static void text_at(struct mu_buf *out, double x, double y, const char *anchor, const char *s)
{
	mu_buf_addf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
	io_svg_escape(out, s);
	mu_buf_adds(out, "</text>\n");
}

/* A label cut to at most max bytes (at a character boundary) with "...",
 * so that long partner names do not run off the chart. */
static void label_at(struct mu_buf *out, double x, double y, const char *anchor, const char *s,
                     size_t max, const char *suffix)
{
	size_t n = strlen(s);
	mu_buf_addf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
	if (n > max) {
		char *cut = mu_strndup(s, max);
		n = max;
		while (n > 0 && (cut[n] & 0xC0) == 0x80) /* not inside a UTF-8 sequence */
			n--;
		cut[n] = '\0';
		io_svg_escape(out, cut);
		mu_buf_adds(out, "...");
		free(cut);
	} else {
		io_svg_escape(out, s);
	}
	mu_buf_adds(out, suffix);
	mu_buf_adds(out, "</text>\n");
}

void io_svg_bars(struct mu_buf *out, const char *const *labels, const double *values, size_t n)
{
	const double left = 170, span = 420, row = 26;
	double max = 0;
	char money[MU_MONEY_SIZE];
	size_t i;
	for (i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	open_svg(out, row * (double)n + 10, "spend by source");
	for (i = 0; i < n; i++) {
		double y = row * (double)i + 5, w = max > 0 ? span * values[i] / max : 0;
		text_at(out, left - 8, y + 15, "end", labels[i]);
		mu_buf_addf(out,
		            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" "
		            "fill=\"%s\"/>\n",
		            left, y + 2, w, palette[i % N_COLOURS]);
		text_at(out, left + w + 6, y + 15, "start", mu_format_money(money, values[i], 0));
	}
	mu_buf_adds(out, "</svg>\n");
}

/* Red (0.5 and below) through amber to green (1). */
static void fill_colour(char *buf, size_t size, double fill)
{
	double t = (fill - 0.5) / 0.5;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	snprintf(buf, size, "hsl(%.0f,70%%,%.0f%%)", 120 * t, 55 + 25 * t);
}

void io_svg_heatmap(struct mu_buf *out, const char *const *row_labels, size_t n_rows,
                    const char *const *col_labels, size_t n_cols, const double *values)
{
	const double left = 200, top = 60, h = 20;
	double w = n_cols ? (WIDTH - left - 10) / (double)n_cols : 0;
	char colour[40];
	size_t i, j;
	w = w > 40 ? 40 : w;
	open_svg(out, top + h * (double)n_rows + 40, "fill rate by partner and shift");
	for (j = 0; j < n_cols; j++) {
		double x = left + w * ((double)j + 0.5);
		mu_buf_addf(out, "<text transform=\"translate(%.1f,%.1f) rotate(-60)\">", x + 4,
		            top - 4);
		io_svg_escape(out, col_labels[j]);
		mu_buf_adds(out, "</text>\n");
	}
	for (i = 0; i < n_rows; i++) {
		double y = top + h * (double)i;
		label_at(out, left - 8, y + 14, "end", row_labels[i], MAX_LABEL, "");
		for (j = 0; j < n_cols; j++) {
			double v = values[i * n_cols + j];
			if (isnan(v))
				snprintf(colour, sizeof(colour), "#eeeeee");
			else
				fill_colour(colour, sizeof(colour), v);
			mu_buf_addf(out,
			            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			            "fill=\"%s\" stroke=\"#ffffff\"><title>",
			            left + w * (double)j, y, w, h, colour);
			io_svg_escape(out, row_labels[i]);
			mu_buf_adds(out, ", ");
			io_svg_escape(out, col_labels[j]);
			if (isnan(v))
				mu_buf_adds(out, ": nothing required</title></rect>\n");
			else
				mu_buf_addf(out, ": %.0f%% filled</title></rect>\n", 100 * v);
		}
	}
	{
		double y = top + h * (double)n_rows + 14;
		static const double legend[] = {0.5, 0.75, 0.9, 1};
		for (j = 0; j < 4; j++) {
			char label[32];
			fill_colour(colour, sizeof(colour), legend[j]);
			mu_buf_addf(out,
			            "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" "
			            "fill=\"%s\"/>\n",
			            left + 110 * (double)j, y, colour);
			snprintf(label, sizeof(label), "%s%.0f%% filled", j == 0 ? "≤ " : "",
			         100 * legend[j]);
			text_at(out, left + 110 * (double)j + 18, y + 12, "start", label);
		}
	}
	mu_buf_adds(out, "</svg>\n");
}

void io_svg_flows(struct mu_buf *out, const char *const *labels, size_t n, const double *flows)
{
	const double left = 250, right = WIDTH - 250, row = 26;
	double max = 0, *from_y = mu_malloc((n + 1) * sizeof(double)),
	       *to_y = mu_malloc((n + 1) * sizeof(double));
	size_t i, j, n_from = 0, n_to = 0;
	char text[64];
	for (i = 0; i < n; i++) {
		double out_h = 0, in_h = 0;
		for (j = 0; j < n; j++) {
			out_h += flows[i * n + j];
			in_h += flows[j * n + i];
			max = flows[i * n + j] > max ? flows[i * n + j] : max;
		}
		from_y[i] = out_h > 0 ? 20 + row * (double)n_from++ : -1;
		to_y[i] = in_h > 0 ? 20 + row * (double)n_to++ : -1;
	}
	open_svg(out, row * (double)(n_from > n_to ? n_from : n_to) + 30,
	         "mutual aid: hours lent between partners");
	text_at(out, left, 12, "end", "lent by");
	text_at(out, right, 12, "start", "worked at");
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			double h = flows[i * n + j];
			if (h <= 0)
				continue;
			mu_buf_addf(
			    out,
			    "<path d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" "
			    "stroke=\"%s\" stroke-opacity=\"0.6\" stroke-width=\"%.1f\"><title>",
			    left + 6, from_y[i] + 4, (left + right) / 2, from_y[i] + 4,
			    (left + right) / 2, to_y[j] + 4, right - 6, to_y[j] + 4,
			    palette[i % N_COLOURS], 1 + 12 * h / max);
			io_svg_escape(out, labels[i]);
			mu_buf_adds(out, " to ");
			io_svg_escape(out, labels[j]);
			mu_buf_addf(out, ": %.0f h</title></path>\n", h);
		}
	for (i = 0; i < n; i++) {
		double out_h = 0, in_h = 0;
		for (j = 0; j < n; j++) {
			out_h += flows[i * n + j];
			in_h += flows[j * n + i];
		}
		if (from_y[i] >= 0) {
			snprintf(text, sizeof(text), " (%.0f h)", out_h);
			label_at(out, left, from_y[i] + 8, "end", labels[i], MAX_LABEL, text);
		}
		if (to_y[i] >= 0) {
			snprintf(text, sizeof(text), " (%.0f h)", in_h);
			label_at(out, right, to_y[i] + 8, "start", labels[i], MAX_LABEL, text);
		}
	}
	mu_buf_adds(out, "</svg>\n");
	free(from_y);
	free(to_y);
}

static void y_range(const struct io_svg_panel *p, size_t n_x, double *lo, double *hi)
{
	size_t s, i;
	*lo = HUGE_VAL;
	*hi = -HUGE_VAL;
	for (s = 0; s < p->n_series; s++)
		for (i = 0; i < n_x; i++)
			if (!isnan(p->series[s].y[i])) {
				*lo = fmin(*lo, p->series[s].y[i]);
				*hi = fmax(*hi, p->series[s].y[i]);
			}
	if (*lo > *hi)
		*lo = *hi = 0;
	if (*lo > 0 && !p->is_percent)
		*lo = 0; /* money and hours from 0, so that a change looks its size */
	if (*hi - *lo < 1e-9 * (fabs(*hi) + 1)) {
		*hi += p->is_percent ? 0.01 : fabs(*hi) * 0.1 + 1;
		*lo -= p->is_percent ? 0.01 : 0;
	}
}

static void y_tick_text(char *buf, double v, bool is_percent)
{
	if (is_percent)
		snprintf(buf, MU_MONEY_SIZE, "%.1f%%", 100 * v);
	else
		mu_format_money(buf, v, 0);
}

void io_svg_line_panels(struct mu_buf *out, const char *x_label, const double *x, size_t n_x,
                        const struct io_svg_panel *panels, size_t n_panels, const double *marks,
                        size_t n_marks, const char *mark_label)
{
	const double left = 110, right = WIDTH - 20, panel_h = 150, gap = 56, top = 30;
	double x_lo = n_x ? x[0] : 0, x_hi = n_x ? x[n_x - 1] : 1, height;
	char tick[MU_MONEY_SIZE];
	size_t k, s, i, n_ticks = n_x < 11 ? n_x : 11;
#define SX(v) (left + (right - left) * ((v)-x_lo) / (x_hi - x_lo))
	if (x_hi <= x_lo)
		x_hi = x_lo + 1;
	height = top + (panel_h + gap) * (double)n_panels + 20;
	open_svg(out, height, "sweep chart");
	for (k = 0; k < n_panels; k++) {
		const struct io_svg_panel *p = &panels[k];
		double y0 = top + (panel_h + gap) * (double)k, lo, hi;
		y_range(p, n_x, &lo, &hi);
#define SY(v) (y0 + panel_h - panel_h * ((v)-lo) / (hi - lo))
		text_at(out, left, y0 - 8, "start", p->title);
		mu_buf_addf(out,
		            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		            "fill=\"none\" stroke=\"#999999\"/>\n",
		            left, y0, right - left, panel_h);
		for (i = 0; i < 3; i++) {
			double v = lo + (hi - lo) * (double)i / 2;
			y_tick_text(tick, v, p->is_percent);
			text_at(out, left - 6, SY(v) + 4, "end", tick);
		}
		for (s = 0; s < p->n_series; s++) {
			bool is_open = false;
			mu_buf_addf(out,
			            "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" d=\"",
			            palette[s % N_COLOURS]);
			for (i = 0; i < n_x; i++) {
				double v = p->series[s].y[i];
				if (isnan(v)) {
					is_open = false;
					continue;
				}
				mu_buf_addf(out, "%c%.1f,%.1f ", is_open ? 'L' : 'M', SX(x[i]),
				            SY(v));
				is_open = true;
			}
			mu_buf_adds(out, "\"/>\n");
			for (i = 0; i < n_x; i++)
				if (!isnan(p->series[s].y[i]))
					mu_buf_addf(out,
					            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" "
					            "fill=\"%s\"/>\n",
					            SX(x[i]), SY(p->series[s].y[i]),
					            palette[s % N_COLOURS]);
			if (p->n_series > 1) {
				mu_buf_addf(out,
				            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
				            "fill=\"%s\">",
				            right, y0 - 8 - 14 * (double)(p->n_series - 1 - s),
				            palette[s % N_COLOURS]);
				io_svg_escape(out, p->series[s].name);
				mu_buf_adds(out, "</text>\n");
			}
		}
#undef SY
		for (i = 0; i < n_ticks; i++) {
			size_t at = n_ticks > 1 ? i * (n_x - 1) / (n_ticks - 1) : 0;
			snprintf(tick, sizeof(tick), "%g", x[at]);
			text_at(out, SX(x[at]), y0 + panel_h + 14, "middle", tick);
		}
	}
	for (k = 0; k < n_marks; k++) {
		double mx = SX(marks[k]);
		mu_buf_addf(
		    out,
		    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\" "
		    "stroke-dasharray=\"5,4\"/>\n",
		    mx, top - 4, mx, height - 36);
		text_at(out, mx + 4, top + 12, "start", mark_label);
	}
	text_at(out, (left + right) / 2, height - 6, "middle", x_label);
	mu_buf_adds(out, "</svg>\n");
#undef SX
}
