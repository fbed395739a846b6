/*
 * io_html_forecast.c - the forecast's report.html (DESIGN.md §3e): how far
 * to trust it (io_say_forecast), then per partner and role the last weeks
 * of history and the forecast with its 80% interval (io_svg_band_chart),
 * each series' sentence and the backtest's table; and what the files
 * hold. In the frame every page is put in (io_html_frame.c).
 */
#include "io/io_forecast.h"
#include "io/io_html_int.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "io/io_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* "Mon 30 Nov 2026" of a day counted from 1970-01-01. */
static void date_text(char *buf, size_t size, long day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%a %e %b %Y", &tm);
}

/* Each line of text (io_say's, newline-ended) as an item of a list. */
static void sentences(struct mu_buf *b, const char *text)
{
	mu_buf_adds(b, "<ul class=\"sentences\">\n");
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t n = end ? (size_t)(end - text) : strlen(text);
		char *line = mu_strndup(text, n);
		mu_buf_adds(b, "<li>");
		io_html_esc(b, line);
		mu_buf_adds(b, "</li>\n");
		free(line);
		text += n + (end != NULL);
	}
	mu_buf_adds(b, "</ul>\n");
}

/* The series of t for partner p and role r, by start, required before
 * absent; returns how many, into ks (t->n_series at least). */
static size_t series_of(const struct mu_fc_table *t, size_t p, size_t r, size_t *ks)
{
	size_t k, n = 0, i;
	for (k = 0; k < t->n_series; k++) {
		const struct mu_fc_series *s = &t->series[k];
		if (s->partner != p || s->role != r)
			continue;
		for (i = n; i > 0; i--) { /* insertion: a few series a role */
			const struct mu_fc_series *o = &t->series[ks[i - 1]];
			if (o->start < s->start ||
			    (o->start == s->start && o->quantity <= s->quantity))
				break;
			ks[i] = ks[i - 1];
		}
		ks[i] = k;
		n++;
	}
	return n;
}

/* The chart of the series ks (n) of one quantity, when any has a day to
 * draw. */
static void chart(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_fc_table *t,
                  const size_t *ks, size_t n, enum mu_fc_quantity q)
{
	struct io_svg_band *bands = mu_calloc(n ? n : 1, sizeof(*bands));
	char(*names)[8] = mu_calloc(n ? n : 1, sizeof(*names));
	double **x = mu_calloc(2 * (n ? n : 1), sizeof(double *));
	size_t i, j, m = 0;
	struct mu_buf what;
	for (i = 0; i < n; i++) {
		const struct mu_fc_series *s = &t->series[ks[i]];
		if (s->quantity != q || s->n_past + s->n_ahead == 0)
			continue;
		io_forecast_start_text(names[m], sizeof(names[m]), s->start);
		x[2 * m] = mu_malloc((s->n_past ? s->n_past : 1) * sizeof(double));
		x[2 * m + 1] = mu_malloc((s->n_ahead ? s->n_ahead : 1) * sizeof(double));
		for (j = 0; j < s->n_past; j++)
			x[2 * m][j] = (double)s->past_day[j];
		for (j = 0; j < s->n_ahead; j++)
			x[2 * m + 1][j] = (double)s->ahead_day[j];
		bands[m] = (struct io_svg_band){.name = names[m],
		                                .past_x = x[2 * m],
		                                .past_y = s->past_value,
		                                .n_past = s->n_past,
		                                .ahead_x = x[2 * m + 1],
		                                .mean = s->ahead_mean,
		                                .lo = s->ahead_p10,
		                                .hi = s->ahead_p90,
		                                .n_ahead = s->n_ahead};
		m++;
	}
	if (m > 0) {
		const struct mu_fc_series *s = &t->series[ks[0]];
		mu_buf_init(&what);
		mu_buf_addf(&what, "%s, %s: %s, history and forecast",
		            sc->partners[s->partner].name, sc->roles[s->role].name,
		            q == MU_FCQ_ABSENT ? "absent staff" : "staff needed");
		io_svg_band_chart(b, what.data,
		                  q == MU_FCQ_ABSENT ? "own staff absent, by shift start"
		                                     : "staff needed, by shift start",
		                  bands, m);
		mu_buf_release(&what);
	}
	for (i = 0; i < 2 * m; i++)
		free(x[i]);
	free(x);
	free(names);
	free(bands);
}

/* The backtest's table of the series ks (n). */
static void backtest_table(struct mu_buf *b, const struct mu_fc_table *t, const size_t *ks,
                           size_t n)
{
	size_t i;
	mu_buf_adds(b, "<table><thead><tr><th>shift start</th><th>forecast of</th><th>method</th>"
	               "<th>days of history</th><th>MASE</th><th>80% interval held</th></tr>"
	               "</thead><tbody>\n");
	for (i = 0; i < n; i++) {
		const struct mu_fc_series *s = &t->series[ks[i]];
		char start[8];
		io_forecast_start_text(start, sizeof(start), s->start);
		mu_buf_addf(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%zu</td>", start,
		            s->quantity == MU_FCQ_ABSENT ? "absent" : "required",
		            mu_fc_table_method_names[s->method], s->n_records);
		if (s->is_backtested && !isnan(s->mase))
			mu_buf_addf(b, "<td>%.2f</td>", s->mase);
		else
			mu_buf_adds(b, "<td>-</td>");
		if (s->is_backtested && !isnan(s->coverage80))
			mu_buf_addf(b, "<td%s>%ld%%</td>",
			            io_say_forecast_width(s) < 0 ? " class=\"red\"" : "",
			            lround(100 * s->coverage80));
		else
			mu_buf_adds(b, "<td>-</td>");
		mu_buf_adds(b, "</tr>\n");
	}
	mu_buf_adds(b, "</tbody></table>\n");
}

static void role_part(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_fc_table *t,
                      const size_t *ks, size_t n)
{
	struct mu_buf text;
	size_t i;
	mu_buf_adds(b, "<h3>");
	io_html_esc(b, sc->roles[t->series[ks[0]].role].name);
	mu_buf_adds(b, "</h3>\n");
	chart(b, sc, t, ks, n, MU_FCQ_REQUIRED);
	chart(b, sc, t, ks, n, MU_FCQ_ABSENT);
	mu_buf_init(&text);
	for (i = 0; i < n; i++)
		io_say_forecast_series(&text, sc, t, ks[i], true);
	sentences(b, text.data ? text.data : "");
	mu_buf_release(&text);
	backtest_table(b, t, ks, n);
}

static int by_value(const void *x, const void *y)
{
	double a = *(const double *)x, c = *(const double *)y;
	return a < c ? -1 : a > c;
}

/* The backtest at a glance, a row per partner with a series: how many,
 * how many backtested and beat last week's same day, the median MASE, the
 * intervals as the sentences judge them, and those untested or with no
 * history. */
static void partner_table(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct mu_fc_table *t)
{
	double *mase = mu_malloc((t->n_series ? t->n_series : 1) * sizeof(double));
	size_t p, k;
	mu_buf_adds(b, "<table><thead><tr><th>partner</th><th>series</th><th>backtested</th>"
	               "<th>beat last week</th><th>median MASE</th><th>interval about right</th>"
	               "<th>too narrow</th><th>too wide</th><th>too little history</th>"
	               "<th>no history</th></tr></thead><tbody>\n");
	for (p = 0; p < sc->n_partners; p++) {
		size_t n = 0, n_mase = 0, count[IO_SAY_FC_N_VERDICTS] = {0}, width[3] = {0};
		for (k = 0; k < t->n_series; k++) {
			const struct mu_fc_series *s = &t->series[k];
			enum io_say_fc_verdict v;
			if (s->partner != p)
				continue;
			n++;
			count[v = io_say_forecast_verdict(s)]++;
			if (v <= IO_SAY_FC_WORSE)
				mase[n_mase++] = s->mase;
			/* a series with no spread has no interval to judge */
			if (v <= IO_SAY_FC_EXACT_NAIVE && !isnan(s->coverage80) &&
			    !io_say_forecast_is_flat(s))
				width[io_say_forecast_width(s) + 1]++;
		}
		if (n == 0)
			continue;
		mu_buf_adds(b, "<tr><td>");
		io_html_esc(b, sc->partners[p].name);
		mu_buf_addf(b, "</td><td>%zu</td><td>%zu</td><td>%zu</td>", n,
		            count[IO_SAY_FC_BETTER] + count[IO_SAY_FC_SAME] +
		                count[IO_SAY_FC_WORSE] + count[IO_SAY_FC_EXACT_NAIVE],
		            count[IO_SAY_FC_BETTER]);
		if (n_mase > 0) {
			qsort(mase, n_mase, sizeof(double), by_value);
			mu_buf_addf(b, "<td>%.2f</td>",
			            n_mase % 2 ? mase[n_mase / 2]
			                       : (mase[n_mase / 2 - 1] + mase[n_mase / 2]) / 2);
		} else {
			mu_buf_adds(b, "<td>-</td>");
		}
		mu_buf_addf(b,
		            "<td>%zu</td><td%s>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td></tr>\n",
		            width[1], width[0] ? " class=\"red\"" : "", width[0], width[2],
		            count[IO_SAY_FC_UNTESTED], count[IO_SAY_FC_NO_HISTORY]);
	}
	mu_buf_adds(b, "</tbody></table>\n");
	free(mase);
}

/* The page's header line on the history: its file, dates and rows. */
static void history_line(struct mu_buf *line, const struct mu_fc_table *t)
{
	char from[32], to[32], rows[MU_MONEY_SIZE];
	mu_buf_addf(line, "History %s", t->history_file ? t->history_file : "history.csv");
	if (t->n_history_rows == 0) {
		mu_buf_adds(line, ": no rows");
		return;
	}
	date_text(from, sizeof(from), t->history_first_day);
	date_text(to, sizeof(to), t->history_last_day);
	mu_buf_addf(line, ", %s to %s, %s row%s", from, to,
	            mu_format_weight(rows, (double)t->n_history_rows, 0),
	            t->n_history_rows == 1 ? "" : "s");
}

static void files_part(struct mu_buf *b, const struct mu_fc_table *t)
{
	mu_buf_addf(b,
	            "<h2>The files</h2>\n<ul>\n<li><b>forecast.csv</b>: per demand row "
	            "(required) and staff row (absent), the method, the mean, p10, p50 and p90, "
	            "and the backtest's MASE and 80%% interval coverage.</li>\n"
	            "<li><b>demand.csv</b>: the scenario's demand rows with required at the "
	            "%.4g quantile of the forecast (minimum and priority as the scenario has "
	            "them, minimum at most required): put it in a copy of the scenario to plan "
	            "for it.</li>\n"
	            "<li><b>scenarios.csv</b>: %zu joint draws (seed %llu) of required and "
	            "absent, for <code>muster solve --scenarios</code>.</li>\n"
	            "<li><b>check-scenarios.csv</b>: %zu more (seed %llu), for "
	            "<code>--check-scenarios</code>: what planning for the spread is worth, "
	            "measured on draws the plan was not made on.</li>\n</ul>\n",
	            t->quantile, t->n_draws, (unsigned long long)t->seed, t->n_draws,
	            (unsigned long long)t->check_seed);
}

enum mu_code io_html_write_forecast(const char *dir, const struct mu_scenario *sc,
                                    const char *label, const struct mu_fc_table *t,
                                    struct mu_err *err)
{
	struct mu_buf b, line, text;
	size_t *ks = mu_malloc((t->n_series ? t->n_series : 1) * sizeof(size_t));
	size_t p, r, n, n_tested = 0, n_better = 0, k;
	for (k = 0; k < t->n_series; k++) {
		enum io_say_fc_verdict v = io_say_forecast_verdict(&t->series[k]);
		n_tested += v <= IO_SAY_FC_EXACT_NAIVE;
		n_better += v == IO_SAY_FC_BETTER;
	}
	mu_buf_init(&b);
	mu_buf_init(&line);
	history_line(&line, t);
	io_html_page_open(&b, "Forecast of demand and absence", sc, label, line.data);
	mu_buf_release(&line);
	mu_buf_addf(&b,
	            "<div class=\"tiles\"><div class=\"tile\"><b>%zu</b><span>series "
	            "forecast</span></div><div class=\"tile\"><b>%zu</b><span>backtested</span>"
	            "</div><div class=\"tile\"><b>%zu</b><span>beat last week's same day</span>"
	            "</div><div class=\"tile\"><b>%.4g</b><span>quantile in demand.csv</span>"
	            "</div><div class=\"tile\"><b>%zu</b><span>draws in scenarios.csv</span>"
	            "</div></div>\n",
	            t->n_series, n_tested, n_better, t->quantile, t->n_draws);
	mu_buf_adds(&b, "<h2>How far to trust it</h2>\n");
	mu_buf_init(&text);
	io_say_forecast(&text, sc, t);
	sentences(&b, text.data ? text.data : "");
	mu_buf_release(&text);
	mu_buf_adds(&b, "<p>MASE is the forecast's mean error in the backtest over that of "
	                "repeating last week's same day: below 1 it beats it. A true 80% interval "
	                "holds the actual on 8 days in 10.</p>\n");
	partner_table(&b, sc, t);
	for (p = 0; p < sc->n_partners; p++) {
		bool is_headed = false;
		for (r = 0; r < sc->n_roles; r++) {
			if ((n = series_of(t, p, r, ks)) == 0)
				continue;
			if (!is_headed) {
				mu_buf_adds(&b, "<h2>");
				io_html_esc(&b, sc->partners[p].name);
				mu_buf_adds(&b, "</h2>\n");
				is_headed = true;
			}
			role_part(&b, sc, t, ks, n);
		}
	}
	files_part(&b, t);
	free(ks);
	return io_html_write_page(dir, &b, err);
}
