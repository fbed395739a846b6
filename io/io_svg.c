/*
 * io_svg.c - bar, heatmap, flow and line charts as SVG text. The browser
 * places nothing for us, so every label's room is reserved here: text
 * widths are estimated at CHAR_W per character (generous for a 12 px
 * sans-serif), legends go below the plots, and the SVG is made as tall as
 * what it holds. tests/report_render.sh measures the rendered text boxes.
 */
#include "io_svg.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WIDTH 760
#define MAX_WIDTH 1000 /* the report's page width */
#define MAX_LABEL 30   /* bytes of a partner's name beside a chart */
#define CHAR_W 7.0     /* px per character of 12 px text, estimated high */
#define FONT "font-family=\"sans-serif\" font-size=\"12\""

/* Okabe and Ito's colours, told apart by every common kind of colour
 * blindness; each series also has its own dash and marker. Orange and
 * vermillion come last: they are agency's colour and its budget line's. */
static const char *const palette[] = {"#0072b2", "#009e73", "#cc79a7", "#56b4e9",
                                      "#000000", "#e69f00", "#d55e00"};
#define N_COLOURS (sizeof(palette) / sizeof(palette[0]))
/* Lenders' flows in calm colours, the first lender's mutual aid's own:
 * mutual aid is no warning. */
static const char *const flow_palette[] = {IO_SVG_LEND, IO_SVG_BANK, "#7570b3", "#cc79a7",
                                           "#666666"};
#define N_FLOW_COLOURS (sizeof(flow_palette) / sizeof(flow_palette[0]))
static const char *const dashes[] = {"", "7,3", "2,3", "9,3,2,3", "4,4"};
#define N_DASHES (sizeof(dashes) / sizeof(dashes[0]))
enum marker { MARK_CIRCLE, MARK_SQUARE, MARK_TRIANGLE, MARK_DIAMOND, MARK_DOWN, MARK_COUNT };

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

/* The estimated width of s on the chart: characters, not UTF-8 bytes. */
static double text_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return CHAR_W * (double)n;
}

static void open_svg(struct mu_buf *out, double width, double height, const char *what)
{
	mu_buf_addf(out,
	            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
	            "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"",
	            width, height, width, height);
	io_svg_escape(out, what);
	mu_buf_addf(out, "\" " FONT ">\n");
}

static void text_at(struct mu_buf *out, double x, double y, const char *anchor, const char *s)
{
	mu_buf_addf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
	io_svg_escape(out, s);
	mu_buf_adds(out, "</text>\n");
}

/* A label cut to at most max bytes with "...", at the last word that
 * fits (or at a character boundary, for a long first word), so that long
 * partner names do not run off the chart; the whole name is its tooltip. */
static void label_at(struct mu_buf *out, double x, double y, const char *anchor, const char *s,
                     size_t max, const char *suffix)
{
	size_t n = strlen(s), at = max, word;
	mu_buf_addf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
	if (n > max) {
		char *cut;
		while (at > 0 &&
		       ((unsigned char)s[at] & 0xC0) == 0x80) /* s[at] starts a character */
			at--;
		for (word = at; word > max / 2 && s[word] != ' '; word--)
			;
		if (s[word] == ' ')
			at = word;
		cut = mu_strndup(s, at);
		mu_buf_adds(out, "<title>");
		io_svg_escape(out, s);
		mu_buf_adds(out, "</title>");
		io_svg_escape(out, cut);
		mu_buf_adds(out, "...");
		free(cut);
	} else {
		io_svg_escape(out, s);
	}
	mu_buf_adds(out, suffix);
	mu_buf_adds(out, "</text>\n");
}

void io_svg_bars(struct mu_buf *out, const char *what, const struct io_svg_bar *bars, size_t n,
                 bool is_weight)
{
	const double left = 170, span = 420, row = 26;
	double max = 0;
	char money[MU_MONEY_SIZE];
	size_t i;
	for (i = 0; i < n; i++)
		max = bars[i].value > max ? bars[i].value : max;
	open_svg(out, WIDTH, row * (double)n + 10, what);
	for (i = 0; i < n; i++) {
		double y = row * (double)i + 5, w = max > 0 ? span * bars[i].value / max : 0;
		text_at(out, left - 8, y + 15, "end", bars[i].label);
		mu_buf_addf(out,
		            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" "
		            "fill=\"%s\"/>\n",
		            left, y + 2, w, bars[i].colour);
		text_at(out, left + w + 6, y + 15, "start",
		        is_weight ? mu_format_weight(money, bars[i].value, 0)
		                  : mu_format_money(money, bars[i].value, 0));
	}
	mu_buf_adds(out, "</svg>\n");
}

/* The heatmap's steps, worst first: ColorBrewer's 5-class Blues, one hue
 * whose lightness alone tells the steps apart (in grey, and to readers of
 * every kind of colour blindness); darker is worse, so that the eye goes
 * to the shortfall. Labels are white on the two darkest. */
static const struct step {
	int below; /* whole percent the step ends before; 101: the last */
	const char *colour, *ink, *legend;
} steps[] = {
    {80, "#08519c", "#ffffff", "below 80%"},
    {90, "#3182bd", "#ffffff",
     "80\xe2\x80\x93"
     "89%"},
    {95, "#6baed6", "#000000",
     "90\xe2\x80\x93"
     "94%"},
    {100, "#bdd7e7", "#000000",
     "95\xe2\x80\x93"
     "99%"},
    {101, "#eff3ff", "#000000", "100%"},
};
#define N_STEPS (sizeof(steps) / sizeof(steps[0]))

/* The whole percentage a cell shows: rounded down, so that 99.6% never
 * reads as full. */
static int fill_percent(double fill)
{
	double p = floor(100 * fill + 1e-9);
	return p < 0 ? 0 : p > 100 ? 100 : (int)p;
}

static const struct step *fill_step(int percent)
{
	size_t k;
	for (k = 0; k + 1 < N_STEPS && percent >= steps[k].below; k++)
		;
	return &steps[k];
}

void io_svg_heatmap(struct mu_buf *out, const char *const *row_labels, size_t n_rows,
                    const char *const *col_labels, size_t n_cols, const struct io_svg_cell *cells)
{
	const double left = 210, top = 60, h = 22, legend_h = 48;
	double w = n_cols ? (MAX_WIDTH - left - 10) / (double)n_cols : 0, width, x;
	size_t i, j;
	w = w > 38 ? 38 : w;
	width = left + w * (double)n_cols + 10;
	width = width < WIDTH ? WIDTH : width;
	open_svg(out, width, top + h * (double)n_rows + legend_h,
	         "required hours filled by partner and shift");
	for (j = 0; j < n_cols; j++) {
		x = left + w * ((double)j + 0.5);
		mu_buf_addf(out, "<text transform=\"translate(%.1f,%.1f) rotate(-60)\">", x + 4,
		            top - 4);
		io_svg_escape(out, col_labels[j]);
		mu_buf_adds(out, "</text>\n");
	}
	for (i = 0; i < n_rows; i++) {
		double y = top + h * (double)i;
		label_at(out, left - 8, y + 15, "end", row_labels[i], MAX_LABEL, "");
		for (j = 0; j < n_cols; j++) {
			const struct io_svg_cell *c = &cells[i * n_cols + j];
			int pc = isnan(c->fill) ? -1 : fill_percent(c->fill);
			const struct step *st = pc < 0 ? NULL : fill_step(pc);
			x = left + w * (double)j;
			mu_buf_addf(out,
			            "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			            "fill=\"%s\" stroke=\"#ffffff\"/><title>",
			            x, y, w, h, st ? st->colour : "#f7f7f7");
			io_svg_escape(out, row_labels[i]);
			mu_buf_adds(out, ", ");
			io_svg_escape(out, col_labels[j]);
			if (!st) {
				mu_buf_adds(out, ": nothing required</title></g>\n");
				continue;
			}
			mu_buf_addf(out, ": %d%% of required hours filled", pc);
			if (c->note) {
				mu_buf_adds(out, c->is_red ? " (below minimum: " : " (worst: ");
				io_svg_escape(out, c->note);
				mu_buf_adds(out, ")");
			}
			mu_buf_adds(out, "</title>");
			if (c->is_red)
				mu_buf_addf(out,
				            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
				            "height=\"%.1f\" fill=\"none\" stroke=\"#cc0000\" "
				            "stroke-width=\"2.5\"/>",
				            x + 1.5, y + 1.5, w - 3, h - 3);
			/* "100" fits a narrow cell where "100%" would not */
			if (w >= 18)
				mu_buf_addf(out,
				            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
				            "font-size=\"%s\" fill=\"%s\">%d%s</text>",
				            x + w / 2, y + 15, w >= 30 ? "11" : "10", st->ink, pc,
				            w >= 34 ? "%" : "");
			mu_buf_adds(out, "</g>\n");
		}
	}
	{
		double y = top + h * (double)n_rows + 16;
		x = left;
		text_at(out, left - 8, y + 11, "end", "required hours filled:");
		for (j = 0; j < N_STEPS; j++) {
			mu_buf_addf(out,
			            "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" "
			            "fill=\"%s\" stroke=\"#999999\" stroke-width=\"0.5\"/>\n",
			            x, y, steps[j].colour);
			text_at(out, x + 18, y + 11, "start", steps[j].legend);
			x += 18 + text_width(steps[j].legend) + 16;
		}
		mu_buf_addf(
		    out,
		    "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"#f7f7f7\" "
		    "stroke=\"#999999\" stroke-width=\"0.5\"/>\n",
		    x, y);
		text_at(out, x + 18, y + 11, "start", "nothing required");
		x += 18 + text_width("nothing required") + 16;
		mu_buf_addf(out,
		            "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" "
		            "fill=\"none\" stroke=\"#cc0000\" stroke-width=\"2.5\"/>\n",
		            x + 1, y + 1);
		text_at(out, x + 18, y + 11, "start", "a role below minimum");
	}
	mu_buf_adds(out, "</svg>\n");
}

void io_svg_flows(struct mu_buf *out, const char *const *labels, size_t n, const double *flows)
{
	const double left = 250, right = WIDTH - 250, row = 26;
	double max = 0, *from_y = mu_malloc((n + 1) * sizeof(double)),
	       *to_y = mu_malloc((n + 1) * sizeof(double));
	size_t i, j, n_from = 0, n_to = 0, *colour = mu_malloc((n + 1) * sizeof(size_t));
	char text[64];
	for (i = 0; i < n; i++) {
		double out_h = 0, in_h = 0;
		for (j = 0; j < n; j++) {
			out_h += flows[i * n + j];
			in_h += flows[j * n + i];
			max = flows[i * n + j] > max ? flows[i * n + j] : max;
		}
		colour[i] = n_from % N_FLOW_COLOURS; /* by lender, not by partner */
		from_y[i] = out_h > 0 ? 20 + row * (double)n_from++ : -1;
		to_y[i] = in_h > 0 ? 20 + row * (double)n_to++ : -1;
	}
	open_svg(out, WIDTH, row * (double)(n_from > n_to ? n_from : n_to) + 30,
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
			    flow_palette[colour[i]], 1 + 12 * h / max);
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
	free(colour);
}

/* A round step, 1, 2 or 5 x 10^k, that cuts span into about n parts
 * (Heckbert's "nice numbers"): ticks a reader can add up in their head. */
static double nice_step(double span, double n)
{
	double raw = span / n, mag, f;
	if (!(raw > 0))
		return 1;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return mag * (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10);
}

/* The decimals that show a multiple of step exactly (step 0.05: 2). */
static int step_decimals(double step)
{
	int d = (int)ceil(-log10(step) - 1e-9);
	return d < 0 ? 0 : d > 6 ? 6 : d;
}

/* The panel's y range, widened to whole ticks of *step. */
static void y_range(const struct io_svg_panel *p, size_t n_x, double *lo, double *hi, double *step)
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
	if (p->has_ref) {
		*lo = fmin(*lo, p->ref);
		*hi = fmax(*hi, p->ref);
	}
	if (*lo > *hi)
		*lo = *hi = 0;
	if (*lo > 0 && !p->is_percent)
		*lo = 0; /* money and hours from 0, so that a change looks its size */
	if (*hi - *lo < 1e-9 * (fabs(*hi) + 1)) {
		*hi += p->is_percent ? 0.01 : fabs(*hi) * 0.1 + 1;
		*lo -= p->is_percent ? 0.01 : 0;
	}
	*step = nice_step(*hi - *lo, 4);
	*lo = floor(*lo / *step + 1e-9) * *step;
	*hi = ceil(*hi / *step - 1e-9) * *step;
}

/* A y tick: "98.5%", "£150k", "£1.2m" or "£400"; 0 as "£0". Penalty
 * weights (is_weight) are not money: "150k", "1.2m", "400", "0". */
static void y_tick_text(char *buf, size_t size, double v, double step, bool is_percent,
                        bool is_weight)
{
	double a = fabs(v) < step * 1e-6 ? 0 : v;
	const char *unit = is_weight ? "" : "£";
	char money[MU_MONEY_SIZE];
	if (is_percent)
		snprintf(buf, size, "%.*f%%", step_decimals(100 * step), 100 * a);
	else if (a == 0)
		snprintf(buf, size, "%s0", unit);
	else if (step >= 1e5 && fabs(a) >= 1e6)
		snprintf(buf, size, "%s%s%.*fm", a < 0 ? "-" : "", unit, step_decimals(step / 1e6),
		         fabs(a) / 1e6);
	else if (step >= 1000)
		snprintf(buf, size, "%s%s%.*fk", a < 0 ? "-" : "", unit, step_decimals(step / 1e3),
		         fabs(a) / 1e3);
	else if (is_weight)
		snprintf(buf, size, "%s", mu_format_weight(money, a, step_decimals(step)));
	else
		snprintf(buf, size, "%s", mu_format_money(money, a, step_decimals(step)));
}

/* Series k's marker, centred at (x, y). */
static void marker(struct mu_buf *out, size_t k, double x, double y, const char *colour)
{
	const double r = 3.5;
	switch ((enum marker)(k % MARK_COUNT)) {
	case MARK_CIRCLE:
		mu_buf_addf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", x, y, r);
		break;
	case MARK_SQUARE:
		mu_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"",
		            x - r, y - r, 2 * r, 2 * r);
		break;
	case MARK_TRIANGLE:
		mu_buf_addf(out, "<path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z\"", x, y - r - 1,
		            x + r + 0.5, y + r, x - r - 0.5, y + r);
		break;
	case MARK_DIAMOND:
		mu_buf_addf(out, "<path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z\"", x,
		            y - r - 1, x + r + 1, y, x, y + r + 1, x - r - 1, y);
		break;
	default:
		mu_buf_addf(out, "<path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z\"", x, y + r + 1,
		            x + r + 0.5, y - r, x - r - 0.5, y - r);
	}
	mu_buf_addf(out, " fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.75\"/>\n", colour);
}

static void line_style(struct mu_buf *out, size_t k)
{
	mu_buf_addf(out, "fill=\"none\" stroke=\"%s\" stroke-width=\"2\"", palette[k % N_COLOURS]);
	if (*dashes[k % N_DASHES])
		mu_buf_addf(out, " stroke-dasharray=\"%s\"", dashes[k % N_DASHES]);
}

/* An entry of the legend: a series (by index), the marks, or a panel's
 * reference line; in a band chart, a series' colour and marker on a solid
 * line, and what a solid line, a dashed line and a shaded band mean. */
enum legend_kind {
	LEGEND_SERIES,
	LEGEND_MARK,
	LEGEND_REF,
	LEGEND_COLOUR,
	LEGEND_SOLID,
	LEGEND_DASHED,
	LEGEND_BAND
};

struct legend_item {
	const char *name;
	enum legend_kind kind;
	size_t index;
};

/* The legend below the panels, wrapped into rows from left to right; the
 * items are written when out is not NULL. Returns the rows' height either
 * way, so that the SVG can be sized for it before it is written. */
static double legend(struct mu_buf *out, const struct legend_item *items, size_t n, double left,
                     double right, double top)
{
	const double row = 20, swatch = 30;
	double x = left, y = top;
	size_t i;
	for (i = 0; i < n; i++) {
		double w = swatch + 6 + text_width(items[i].name) + 18;
		if (x > left && x + w > right) {
			x = left;
			y += row;
		}
		if (out) {
			double cy = y + 10;
			if (items[i].kind == LEGEND_SERIES) {
				mu_buf_addf(out, "<path d=\"M%.1f,%.1f H%.1f\" ", x, cy,
				            x + swatch);
				line_style(out, items[i].index);
				mu_buf_adds(out, "/>\n");
				marker(out, items[i].index, x + swatch / 2, cy,
				       palette[items[i].index % N_COLOURS]);
			} else if (items[i].kind == LEGEND_MARK) {
				mu_buf_addf(out,
				            "<path d=\"M%.1f,%.1f V%.1f\" stroke=\"#333333\" "
				            "stroke-dasharray=\"4,3\"/>\n",
				            x + swatch / 2, cy - 8, cy + 8);
			} else if (items[i].kind == LEGEND_REF) {
				mu_buf_addf(out,
				            "<path d=\"M%.1f,%.1f H%.1f\" stroke=\"" IO_SVG_AGENCY
				            "\" stroke-width=\"1.5\" stroke-dasharray=\"8,4\"/>\n",
				            x, cy, x + swatch);
			} else if (items[i].kind == LEGEND_COLOUR) {
				const char *c = palette[items[i].index % N_COLOURS];
				mu_buf_addf(out,
				            "<path d=\"M%.1f,%.1f H%.1f\" stroke=\"%s\" "
				            "stroke-width=\"2\"/>\n",
				            x, cy, x + swatch, c);
				marker(out, items[i].index, x + swatch / 2, cy, c);
			} else if (items[i].kind == LEGEND_BAND) {
				mu_buf_addf(
				    out,
				    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
				    "height=\"12\" fill=\"#555555\" fill-opacity=\"0.2\"/>\n",
				    x, cy - 6, swatch);
			} else {
				mu_buf_addf(out,
				            "<path d=\"M%.1f,%.1f H%.1f\" stroke=\"#555555\" "
				            "stroke-width=\"2\"%s/>\n",
				            x, cy, x + swatch,
				            items[i].kind == LEGEND_DASHED
				                ? " stroke-dasharray=\"6,3\""
				                : "");
			}
			text_at(out, x + swatch + 6, cy + 4, "start", items[i].name);
		}
		x += w;
	}
	return n ? y + row - top : 0;
}

void io_svg_line_panels(struct mu_buf *out, const char *x_label, const double *x, size_t n_x,
                        const struct io_svg_panel *panels, size_t n_panels, const double *marks,
                        size_t n_marks, const char *mark_label)
{
	const double left = 90, right = WIDTH - 20, panel_h = 150, gap = 56, top = 26;
	double x_lo = n_x ? x[0] : 0, x_hi = n_x ? x[n_x - 1] : 1, height, bottom, x_step;
	char tick[MU_MONEY_SIZE];
	size_t k, s, i, n_items = 0, n_series = n_panels ? panels[0].n_series : 0;
	struct legend_item *items = mu_malloc((n_series + n_panels + 2) * sizeof(*items));
#define SX(v) (left + (right - left) * ((v)-x_lo) / (x_hi - x_lo))
	if (x_hi <= x_lo)
		x_hi = x_lo + 1;
	x_step = nice_step(x_hi - x_lo, n_x > 2 && n_x < 8 ? (double)n_x - 1 : 6);
	for (s = 0; s < n_series; s++)
		if (panels[0].series[s].name && *panels[0].series[s].name)
			items[n_items++] =
			    (struct legend_item){panels[0].series[s].name, LEGEND_SERIES, s};
	if (n_marks > 0)
		items[n_items++] = (struct legend_item){mark_label, LEGEND_MARK, 0};
	for (k = 0; k < n_panels; k++)
		if (panels[k].has_ref)
			items[n_items++] = (struct legend_item){panels[k].ref_label, LEGEND_REF, k};
	bottom = top + (panel_h + gap) * (double)n_panels - gap; /* the last panel's foot */
	height = bottom + 50 + legend(NULL, items, n_items, left, right, 0) + 8;
	open_svg(out, WIDTH, height, "sweep chart");
	for (k = 0; k < n_panels; k++) {
		const struct io_svg_panel *p = &panels[k];
		double y0 = top + (panel_h + gap) * (double)k, lo, hi, step;
		size_t n_ticks;
		y_range(p, n_x, &lo, &hi, &step);
		n_ticks = (size_t)floor((hi - lo) / step + 0.5);
#define SY(v) (y0 + panel_h - panel_h * ((v)-lo) / (hi - lo))
		text_at(out, left, y0 - 9, "start", p->title);
		for (i = 0; i <= n_ticks; i++) {
			double v = lo + step * (double)i;
			y_tick_text(tick, sizeof(tick), v, step, p->is_percent, p->is_weight);
			mu_buf_addf(out, "<path d=\"M%.1f,%.1f H%.1f\" stroke=\"#e5e5e5\"/>\n",
			            left, SY(v), right);
			text_at(out, left - 8, SY(v) + 4, "end", tick);
		}
		mu_buf_addf(out,
		            "<rect class=\"plot\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		            "height=\"%.1f\" fill=\"none\" stroke=\"#999999\"/>\n",
		            left, y0, right - left, panel_h);
		for (i = 0; i < n_marks; i++) {
			double mx = SX(marks[i]);
			size_t j;
			for (j = 0; j < i && marks[j] != marks[i]; j++)
				;
			if (j == i) /* one line where several series turn at the same x */
				mu_buf_addf(out,
				            "<path d=\"M%.1f,%.1f V%.1f\" stroke=\"#333333\" "
				            "stroke-dasharray=\"4,3\"/>\n",
				            mx, y0, y0 + panel_h);
		}
		if (p->has_ref)
			mu_buf_addf(out,
			            "<path d=\"M%.1f,%.1f H%.1f\" stroke=\"" IO_SVG_AGENCY
			            "\" stroke-width=\"1.5\" stroke-dasharray=\"8,4\"/>\n",
			            left, SY(p->ref), right);
		for (s = 0; s < p->n_series; s++) {
			bool is_open = false;
			mu_buf_adds(out, "<path ");
			line_style(out, s);
			mu_buf_adds(out, " d=\"");
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
					marker(out, s, SX(x[i]), SY(p->series[s].y[i]),
					       palette[s % N_COLOURS]);
		}
#undef SY
		for (i = 0;; i++) { /* the round values inside the data's range */
			double v = (ceil(x_lo / x_step - 1e-9) + (double)i) * x_step;
			if (v > x_hi + x_step * 1e-6)
				break;
			v = fabs(v) < x_step * 1e-6 ? 0 : v; /* never "-0" */
			snprintf(tick, sizeof(tick), "%.*f", step_decimals(x_step), v);
			text_at(out, SX(v), y0 + panel_h + 20, "middle", tick);
		}
	}
	text_at(out, (left + right) / 2, bottom + 40, "middle", x_label);
	legend(out, items, n_items, left, right, bottom + 50);
	mu_buf_adds(out, "</svg>\n");
	free(items);
#undef SX
}

/* The recruit page's chart came from cmd_recruit.c as it was: its own
 * fixed size and plain axes, kept byte for byte. */
void io_svg_recruit_curve(struct mu_buf *out, const double *x, const double *cost, size_t n,
                          size_t mark, const char *mark_label)
{
	const double w = 560, h = 240, l = 90, r = 20, t = 28, bo = 40;
	double lo = HUGE_VAL, hi = -HUGE_VAL, x0 = x[0], x1 = x[n - 1];
	size_t i;
	char m[MU_MONEY_SIZE];
	bool is_first = true;
	for (i = 0; i < n; i++)
		if (!isnan(cost[i])) {
			lo = fmin(lo, cost[i]);
			hi = fmax(hi, cost[i]);
		}
	if (lo > hi)
		return;
	if (hi - lo < 1)
		hi = lo + 1;
	if (x1 == x0)
		x1 = x0 + 1;
#define CX(v) (l + ((v)-x0) / (x1 - x0) * (w - l - r))
#define CY(v) (t + (hi - (v)) / (hi - lo) * (h - t - bo))
	/* the yearly objective holds penalty weights: its axis carries no
	 * pound sign, and its title says what it is (issue 24) */
	mu_buf_addf(out,
	            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
	            "role=\"img\" aria-label=\"yearly objective (spend plus penalty weights) "
	            "against posts\">\n",
	            w, h);
	mu_buf_addf(out,
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">yearly objective (spend plus "
	            "penalty weights, not money)</text>\n",
	            l, t - 12);
	mu_buf_addf(out,
	            "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#555\"/>"
	            "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#555\"/>\n",
	            l, h - bo, w - r, h - bo, l, t, l, h - bo);
	mu_buf_addf(out,
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
	            l - 4, t + 4, mu_format_weight(m, hi, 0));
	mu_buf_addf(out,
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
	            l - 4, h - bo, mu_format_weight(m, lo, 0));
	mu_buf_addf(out,
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">%.0f</text>"
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">%.0f</text>"
	            "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"middle\">total "
	            "posts</text>\n",
	            l, h - bo + 16, x[0], w - r, h - bo + 16, x[n - 1], (l + w - r) / 2, h - 6);
	mu_buf_adds(out, "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"");
	for (i = 0; i < n; i++) {
		if (isnan(cost[i]))
			continue;
		mu_buf_addf(out, "%s%.1f,%.1f", is_first ? "" : " ", CX(x[i]), CY(cost[i]));
		is_first = false;
	}
	mu_buf_adds(out, "\"/>\n");
	for (i = 0; i < n; i++)
		if (!isnan(cost[i]))
			mu_buf_addf(out,
			            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f5fa8\"/>\n",
			            CX(x[i]), CY(cost[i]));
	if (mark < n && mark_label) {
		double kx = CX(x[mark]);
		/* the label on the side with room: right of the chart's middle it
		 * would run off the edge (the example's break-even is at 50 of 60) */
		bool is_left = kx > (l + w - r) / 2;
		mu_buf_addf(
		    out,
		    "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#b34700\" "
		    "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" "
		    "text-anchor=\"%s\" fill=\"#b34700\">",
		    kx, t, kx, h - bo, is_left ? kx - 4 : kx + 4, t + 12,
		    is_left ? "end" : "start");
		io_svg_escape(out, mark_label);
		mu_buf_addf(out, ": %g posts</text>\n", x[mark]);
	}
#undef CY
#undef CX
	mu_buf_adds(out, "</svg>\n");
}

/* "7 Dec" of a day counted from 1970-01-01. */
static void day_label(char *buf, size_t size, long day)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(buf, size, "%d %s", tm.tm_mday, months[tm.tm_mon]);
}

/* A path through the points (x[i], y[i]) of n, a gap at each NAN. */
static void band_path(struct mu_buf *out, const double *x, const double *y, size_t n, double x_lo,
                      double x_hi, double y_hi, double left, double right, double top, double h)
{
	bool is_open = false;
	size_t i;
	for (i = 0; i < n; i++) {
		if (isnan(y[i])) {
			is_open = false;
			continue;
		}
		mu_buf_addf(out, "%c%.1f,%.1f ", is_open ? 'L' : 'M',
		            left + (right - left) * (x[i] - x_lo) / (x_hi - x_lo),
		            top + h - h * y[i] / y_hi);
		is_open = true;
	}
}

void io_svg_band_chart(struct mu_buf *out, const char *what, const char *y_title,
                       const struct io_svg_band *bands, size_t n)
{
	const double left = 60, right = WIDTH - 20, top = 26, h = 180;
	double x_lo = HUGE_VAL, x_hi = -HUGE_VAL, y_hi = 0, y_step, from = HUGE_VAL, height;
	char tick[64], from_label[96];
	size_t k, i, n_items = 0, n_ticks;
	long d, week_step;
	struct legend_item *items = mu_malloc((n + 4) * sizeof(*items));
#define BX(v) (left + (right - left) * ((v)-x_lo) / (x_hi - x_lo))
#define BY(v) (top + h - h * (v) / y_hi)
	for (k = 0; k < n; k++) {
		const struct io_svg_band *b = &bands[k];
		for (i = 0; i < b->n_past; i++) {
			x_lo = fmin(x_lo, b->past_x[i]);
			x_hi = fmax(x_hi, b->past_x[i]);
			if (!isnan(b->past_y[i]))
				y_hi = fmax(y_hi, b->past_y[i]);
		}
		for (i = 0; i < b->n_ahead; i++) {
			x_lo = fmin(x_lo, b->ahead_x[i]);
			x_hi = fmax(x_hi, b->ahead_x[i]);
			from = fmin(from, b->ahead_x[i]);
			if (!isnan(b->hi[i]))
				y_hi = fmax(y_hi, b->hi[i]);
			if (!isnan(b->mean[i]))
				y_hi = fmax(y_hi, b->mean[i]);
		}
		items[n_items++] = (struct legend_item){b->name, LEGEND_COLOUR, k};
	}
	if (x_lo > x_hi)
		x_lo = x_hi = 0;
	if (x_hi - x_lo < 1)
		x_hi = x_lo + 1;
	y_step = nice_step(y_hi > 0 ? y_hi : 1, 4);
	y_hi = y_hi > 0 ? ceil(y_hi / y_step - 1e-9) * y_step : y_step;
	n_ticks = (size_t)floor(y_hi / y_step + 0.5);
	items[n_items++] = (struct legend_item){"history", LEGEND_SOLID, 0};
	items[n_items++] = (struct legend_item){"forecast (mean)", LEGEND_DASHED, 0};
	items[n_items++] = (struct legend_item){"80% interval", LEGEND_BAND, 0};
	if (from < HUGE_VAL) {
		day_label(tick, sizeof(tick), (long)from);
		snprintf(from_label, sizeof(from_label), "forecast from %s", tick);
		items[n_items++] = (struct legend_item){from_label, LEGEND_MARK, 0};
	}
	height = top + h + 36 + legend(NULL, items, n_items, left, right, 0) + 8;
	open_svg(out, WIDTH, height, what);
	text_at(out, left, top - 10, "start", y_title);
	for (i = 0; i <= n_ticks; i++) {
		double v = y_step * (double)i;
		snprintf(tick, sizeof(tick), "%.*f", step_decimals(y_step), v);
		mu_buf_addf(out, "<path d=\"M%.1f,%.1f H%.1f\" stroke=\"#e5e5e5\"/>\n", left, BY(v),
		            right);
		text_at(out, left - 8, BY(v) + 4, "end", tick);
	}
	/* a tick each Monday (day 4 of the epoch was one), fewer when the
	 * chart spans more than 10 weeks */
	week_step = (long)ceil((x_hi - x_lo) / 70.0);
	for (d = (long)ceil(x_lo); d <= (long)floor(x_hi); d++)
		if ((((d - 4) % 7) + 7) % 7 == 0 && ((d - 4) / 7) % week_step == 0) {
			mu_buf_addf(out, "<path d=\"M%.1f,%.1f V%.1f\" stroke=\"#e5e5e5\"/>\n",
			            BX(d), top, top + h);
			day_label(tick, sizeof(tick), d);
			text_at(out, BX(d), top + h + 18, "middle", tick);
		}
	for (k = 0; k < n; k++) { /* the bands first, under every line */
		const struct io_svg_band *b = &bands[k];
		bool is_open = false;
		mu_buf_adds(out, "<path d=\"");
		for (i = 0; i < b->n_ahead; i++)
			if (!isnan(b->hi[i])) {
				mu_buf_addf(out, "%c%.1f,%.1f ", is_open ? 'L' : 'M',
				            BX(b->ahead_x[i]), BY(b->hi[i]));
				is_open = true;
			}
		for (i = b->n_ahead; i-- > 0;)
			if (!isnan(b->lo[i]) && !isnan(b->hi[i]))
				mu_buf_addf(out, "L%.1f,%.1f ", BX(b->ahead_x[i]), BY(b->lo[i]));
		mu_buf_addf(out, "%s\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"none\"/>\n",
		            is_open ? "Z" : "", palette[k % N_COLOURS]);
	}
	mu_buf_addf(out,
	            "<rect class=\"plot\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
	            "fill=\"none\" stroke=\"#999999\"/>\n",
	            left, top, right - left, h);
	if (from < HUGE_VAL)
		mu_buf_addf(out,
		            "<path d=\"M%.1f,%.1f V%.1f\" stroke=\"#333333\" "
		            "stroke-dasharray=\"4,3\"/>\n",
		            BX(from - 0.5), top, top + h);
	for (k = 0; k < n; k++) {
		const struct io_svg_band *b = &bands[k];
		const char *c = palette[k % N_COLOURS];
		mu_buf_addf(out, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" d=\"", c);
		band_path(out, b->past_x, b->past_y, b->n_past, x_lo, x_hi, y_hi, left, right, top,
		          h);
		mu_buf_addf(out,
		            "\"/>\n<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
		            "stroke-dasharray=\"6,3\" d=\"",
		            c);
		band_path(out, b->ahead_x, b->mean, b->n_ahead, x_lo, x_hi, y_hi, left, right, top,
		          h);
		mu_buf_adds(out, "\"/>\n");
		for (i = 0; i < b->n_past; i++) /* a marker a week, on the history too */
			if ((b->n_past - 1 - i) % 7 == 0 && !isnan(b->past_y[i]))
				marker(out, k, BX(b->past_x[i]), BY(b->past_y[i]), c);
		for (i = 0; i < b->n_ahead; i++)
			if (!isnan(b->mean[i]))
				marker(out, k, BX(b->ahead_x[i]), BY(b->mean[i]), c);
	}
	legend(out, items, n_items, left, right, top + h + 36);
	mu_buf_adds(out, "</svg>\n");
	free(items);
#undef BX
#undef BY
}
