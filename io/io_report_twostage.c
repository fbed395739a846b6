/*
 * io_report_twostage.c - a two-stage plan's --out folder (DESIGN.md §3e):
 * plan.csv and rota.csv of what is decided now (io_report's writers),
 * day.csv with each scenario's day, risk.csv per demand row, and a short
 * report.html (the headline, what planning for the spread is worth, and
 * the demand rows at risk worst first).
 */
#include "io_twostage.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "io/io_csv.h"
#include "io/io_file.h"
#include "io/io_html_int.h"
#include "io/io_report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool io_twostage_is_day_row(const struct mu_plan_row *r)
{
	return r->source == MU_SRC_OWN || r->source == MU_SRC_LEND || r->source == MU_SRC_SHORT ||
	       r->source == MU_SRC_BREACH || r->is_late;
}

static enum mu_code write_day(const char *dir, const struct mu_scenario *sc,
                              const struct io_twostage *t, struct mu_err *err)
{
	struct io_file_out out;
	size_t k, i;
	if (io_file_open(&out, dir, "day.csv", err) != MU_OK)
		return MU_E_IO;
	fputs("scenario,source,partner,role,worker_role,shift,home,worker,offer,staff,hours,cost,"
	      "recharge\n",
	      out.fp);
	for (k = 0; k < t->n_days; k++)
		for (i = 0; i < t->days[k]->n_rows; i++) {
			const struct mu_plan_row *r = &t->days[k]->rows[i];
			struct mu_plan_text x;
			const char *text[8];
			size_t c;
			if (!io_twostage_is_day_row(r))
				continue;
			mu_plan_row_text(sc, r, &x);
			text[0] = x.source;
			text[1] = x.partner;
			text[2] = x.role;
			text[3] = x.worker_role;
			text[4] = x.shift;
			text[5] = x.home;
			text[6] = x.worker;
			text[7] = x.offer;
			io_csv_write_text(out.fp, t->draws->ids[k]);
			for (c = 0; c < 8; c++) {
				fputc(',', out.fp);
				io_csv_write_text(out.fp, text[c]);
			}
			/* unrounded enough for a checker to re-derive each day's
			 * cost to the penny */
			fprintf(out.fp, ",%.10g,%.10g,%.6f,%.6f\n", r->staff, r->hours,
			        r->cost == 0 ? 0 : r->cost, r->recharge == 0 ? 0 : r->recharge);
		}
	return io_file_close(&out, err);
}

static enum mu_code write_risk(const char *dir, const struct mu_scenario *sc,
                               const struct io_twostage *t, struct mu_err *err)
{
	struct io_file_out out;
	size_t d;
	if (io_file_open(&out, dir, "risk.csv", err) != MU_OK)
		return MU_E_IO;
	fputs("partner,role,shift,measured_on,red_flag_fraction,expected_short_hours,"
	      "red_flag_fraction_mean_plan,expected_short_hours_mean_plan\n",
	      out.fp);
	for (d = 0; d < sc->n_demand; d++) {
		const struct mu_demand *dm = &sc->demand[d];
		io_csv_write_text(out.fp, sc->partners[dm->partner].id);
		fputc(',', out.fp);
		io_csv_write_text(out.fp, sc->roles[dm->role].id);
		fputc(',', out.fp);
		io_csv_write_text(out.fp, sc->shifts[dm->shift].id);
		fprintf(out.fp, ",%s,%.6f,%.6f,%.6f,%.6f\n",
		        t->is_measured ? "check-scenarios" : "scenarios",
		        t->plan->row_red_flag_chance[d], t->plan->row_short_hours[d],
		        t->mean_plan->row_red_flag_chance[d], t->mean_plan->row_short_hours[d]);
	}
	return io_file_close(&out, err);
}

/* Demand rows shown on the page; risk.csv has them all. */
#define N_RISK_SHOWN 15

/* Whether demand row d is at risk under either plan: a red flag in some
 * scenario, or expected short hours to the hundredth. */
static bool is_at_risk(const struct io_twostage *t, size_t d)
{
	return t->plan->row_red_flag_chance[d] > 0 || t->plan->row_short_hours[d] >= 0.005 ||
	       t->mean_plan->row_red_flag_chance[d] > 0 ||
	       t->mean_plan->row_short_hours[d] >= 0.005;
}

/* A demand row as the risk table orders it: worst first under either
 * plan (the higher of the two chances of a red flag, then the more of the
 * two plans' expected short hours), so that the rows the plan for
 * demand.csv leaves at risk show as well as this plan's; then this plan's
 * own figures; then demand.csv's order. */
struct risk_key {
	double k[4];
	size_t d;
};

static int by_risk(const void *a, const void *b)
{
	const struct risk_key *x = a, *y = b;
	int i;
	for (i = 0; i < 4; i++)
		if (x->k[i] != y->k[i])
			return x->k[i] > y->k[i] ? -1 : 1;
	return x->d < y->d ? -1 : x->d > y->d;
}

static void tile(struct mu_buf *b, bool is_alarm, const char *value, const char *what)
{
	mu_buf_addf(b, "<div class=\"tile%s\"><b>%s</b><span>", is_alarm ? " alarm" : "", value);
	io_html_esc(b, what);
	mu_buf_adds(b, "</span></div>\n");
}

/* The headline: the files, then the expected figures as tiles, cash and
 * penalty weights apart (no pound sign on a weight). */
static void headline(struct mu_buf *b, const struct io_twostage *t)
{
	char x[MU_MONEY_SIZE], what[96];
	size_t k, n_flagged = 0;
	for (k = 0; k < t->n_days; k++)
		n_flagged += t->days[k]->system.n_red_flags > 0;
	mu_buf_addf(b, "<p>Planned for <b>%zu scenarios</b> from <code>", t->n_days);
	io_html_esc(b, t->draws_file ? t->draws_file : "(in memory)");
	mu_buf_adds(b, "</code>");
	if (t->check_file) {
		mu_buf_addf(b, "; measured on <b>%zu other scenarios</b> from <code>",
		            t->n_measured);
		io_html_esc(b, t->check_file);
		mu_buf_adds(b, "</code>");
	} else
		mu_buf_adds(b, "; not measured on other scenarios");
	mu_buf_adds(b, ". The bank rota and the agency bookings are decided now, one for "
	               "every scenario; own staff, mutual aid, late agency (at the offer's rate "
	               "plus the late premium) and what is left short are planned on the day.</p>\n"
	               "<div class=\"tiles\">\n");
	tile(b, false, io_html_money(x, t->spend), "expected spend (cash)");
	tile(b, false, io_html_weight(x, t->penalty), "expected penalties (weights, not money)");
	tile(b, false, io_html_money(x, t->now->system.spend_total),
	     "spent now (bank and agency booked now)");
	snprintf(what, sizeof(what),
	         "of the %zu scenarios it was planned on with a red flag on the day", t->n_days);
	snprintf(x, sizeof(x), "%zu", n_flagged);
	tile(b, n_flagged > 0, x, what);
	mu_buf_adds(b, "</div>\n");
}

/* What planning for the spread is worth: both plans on the check
 * scenarios and the difference with its sign, or how to measure it. */
static void value_section(struct mu_buf *b, const struct io_twostage *t)
{
	char x[3][IO_TWOSTAGE_SIGNED_SIZE];
	double chance;
	mu_buf_adds(b, "<h2>What planning for the spread is worth</h2>\n");
	if (!t->is_measured) {
		mu_buf_adds(b, "<p>Not measured: a plan is measured on scenarios it was not made "
		               "on. Give <code>--check-scenarios FILE</code> (scenarios drawn with "
		               "another seed, as <code>muster forecast</code> writes "
		               "check-scenarios.csv) to compare this plan with the plan made for "
		               "demand.csv's required alone.</p>\n");
		return;
	}
	chance = round(1000 * (t->plan->red_flag_chance - t->mean_plan->red_flag_chance)) / 10;
	mu_buf_addf(b,
	            "<p>Each plan keeps what it decided now and re-plans the day in each of the "
	            "%zu check scenarios. Negative differences are in this plan's favour.</p>\n"
	            "<table><thead><tr><th>expected</th><th>this plan</th><th>plan for "
	            "demand.csv's required alone</th><th>difference</th></tr></thead>\n",
	            t->n_measured);
	mu_buf_addf(b, "<tr><td>spend (cash)</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
	            io_html_money(x[0], t->plan->spend), io_html_money(x[1], t->mean_plan->spend),
	            io_twostage_signed(x[2], t->plan->spend - t->mean_plan->spend, true));
	mu_buf_addf(b,
	            "<tr><td>penalties (weights, not money)</td><td>%s</td><td>%s</td><td>%s</td>"
	            "</tr>\n",
	            io_html_weight(x[0], t->plan->penalty),
	            io_html_weight(x[1], t->mean_plan->penalty),
	            io_twostage_signed(x[2], t->plan->penalty - t->mean_plan->penalty, false));
	mu_buf_addf(b,
	            "<tr><td>chance of any red flag</td><td>%.1f%%</td><td>%.1f%%</td>"
	            "<td>%s%.1f percentage points</td></tr>\n</table>\n",
	            100 * t->plan->red_flag_chance, 100 * t->mean_plan->red_flag_chance,
	            chance > 0   ? "+"
	            : chance < 0 ? "-"
	                         : "",
	            fabs(chance));
}

/* The demand rows at risk under either plan, worst first, at most
 * N_RISK_SHOWN. */
static void risk_section(struct mu_buf *b, const struct mu_scenario *sc,
                         const struct io_twostage *t)
{
	struct risk_key *order = mu_malloc((sc->n_demand + 1) * sizeof(*order));
	size_t d, i, n = 0;
	for (d = 0; d < sc->n_demand; d++)
		if (is_at_risk(t, d))
			order[n++] = (struct risk_key){
			    {fmax(t->plan->row_red_flag_chance[d],
			          t->mean_plan->row_red_flag_chance[d]),
			     fmax(t->plan->row_short_hours[d], t->mean_plan->row_short_hours[d]),
			     t->plan->row_red_flag_chance[d], t->plan->row_short_hours[d]},
			    d};
	qsort(order, n, sizeof(*order), by_risk);
	mu_buf_addf(b,
	            "<h2>Demand rows at risk</h2>\n<p>On the %s: the chance that the row is "
	            "below its minimum (a red flag) and its expected hours below required, "
	            "under this plan and under the plan for demand.csv's required alone. Worst "
	            "first under either plan; risk.csv has every row.</p>\n",
	            t->is_measured ? "check scenarios" : "scenarios the plan was made on");
	if (n == 0) {
		mu_buf_adds(b, "<p>No demand row is at risk under either plan.</p>\n");
		free(order);
		return;
	}
	mu_buf_adds(b, "<table><thead><tr><th>partner</th><th class=\"t\">role</th>"
	               "<th class=\"t\">shift</th>"
	               "<th>red flag, this plan</th><th>short hours, this plan</th>"
	               "<th>red flag, plan for demand.csv</th><th>short hours, plan for demand.csv"
	               "</th></tr></thead>\n");
	for (i = 0; i < n && i < N_RISK_SHOWN; i++) {
		const struct mu_demand *dm = &sc->demand[order[i].d];
		double f = t->plan->row_red_flag_chance[order[i].d];
		double g = t->mean_plan->row_red_flag_chance[order[i].d];
		mu_buf_adds(b, "<tr><td>");
		io_html_esc(b, sc->partners[dm->partner].id);
		mu_buf_adds(b, "</td><td class=\"t\">");
		io_html_esc(b, sc->roles[dm->role].id);
		mu_buf_adds(b, "</td><td class=\"t\">");
		io_html_esc(b, sc->shifts[dm->shift].id);
		mu_buf_addf(
		    b, "</td><td%s>%.1f%%</td><td>%.2f</td><td%s>%.1f%%</td><td>%.2f</td></tr>\n",
		    f > 0 ? " class=\"red\"" : "", 100 * f, t->plan->row_short_hours[order[i].d],
		    g > 0 ? " class=\"red\"" : "", 100 * g,
		    t->mean_plan->row_short_hours[order[i].d]);
	}
	mu_buf_adds(b, "</table>\n");
	if (n > N_RISK_SHOWN)
		mu_buf_addf(b,
		            "<p>&hellip; and %zu more demand rows at risk (all of them in "
		            "risk.csv).</p>\n",
		            n - N_RISK_SHOWN);
	free(order);
}

/* The page: the headline, what planning for the spread is worth, and the
 * demand rows at risk. */
static enum mu_code write_page(const char *dir, const struct mu_scenario *sc,
                               const struct io_twostage *t, bool is_rota, const char *label,
                               struct mu_err *err)
{
	struct mu_buf b, status;
	char runs[48] = "";
	mu_buf_init(&b);
	if (t->run_id > 0)
		snprintf(runs, sizeof(runs), "Run %lld", t->run_id);
	io_html_page_open(&b, "Two-stage plan", sc, label, runs);
	headline(&b, t);
	/* how the search ended, as the terminal says it */
	mu_buf_init(&status);
	io_say_twostage_status(&status, t, is_rota);
	mu_buf_addf(&b, "<p>Two-stage %s: ", is_rota ? "rota" : "plan");
	io_html_esc(&b, status.data);
	mu_buf_adds(&b, ".</p>\n");
	mu_buf_release(&status);
	value_section(&b, t);
	risk_section(&b, sc, t);
	return io_html_write_page(dir, &b, err);
}

/* compare.csv: each figure of both plans and the system's minus the
 * silo's. */
static enum mu_code write_compare_csv(const char *dir, const struct io_twostage_figures *f,
                                      struct mu_err *err)
{
	static const char *const names[] = {"expected_spend", "expected_penalties",
	                                    "required_hours", "filled_hours", "red_flag_fraction"};
	struct io_file_out out;
	size_t i;
	if (io_file_open(&out, dir, "compare.csv", err) != MU_OK)
		return MU_E_IO;
	fputs("figure,system,silo,difference\n", out.fp);
	for (i = 0; i < 5; i++) {
		double v[2] = {i == 0   ? f[0].spend
		               : i == 1 ? f[0].penalty
		               : i == 2 ? f[0].required_hours
		               : i == 3 ? f[0].filled_hours
		                        : f[0].red_flag_chance,
		               i == 0   ? f[1].spend
		               : i == 1 ? f[1].penalty
		               : i == 2 ? f[1].required_hours
		               : i == 3 ? f[1].filled_hours
		                        : f[1].red_flag_chance};
		fprintf(out.fp, "%s,%.6f,%.6f,%.6f\n", names[i], v[0], v[1], v[0] - v[1]);
	}
	return io_file_close(&out, err);
}

enum mu_code io_twostage_write_compare(const char *dir, const struct mu_scenario *sc,
                                       const struct io_twostage *sys,
                                       const struct io_twostage *silo, const char *label,
                                       struct mu_err *err)
{
	struct io_twostage_figures f[2];
	struct mu_buf b, say;
	const char *line;
	char runs[96], x[3][IO_TWOSTAGE_SIGNED_SIZE];
	double dh;
	enum mu_code rc;
	int k;
	io_twostage_figures(sc, sys, &f[0]);
	io_twostage_figures(sc, silo, &f[1]);
	if ((rc = write_compare_csv(dir, f, err)) != MU_OK)
		return rc;
	mu_buf_init(&b);
	snprintf(runs, sizeof(runs), "Runs %lld (system) and %lld (silo)", sys->run_id,
	         silo->run_id);
	io_html_page_open(&b, "Two-stage plans: the system against the silo", sc, label, runs);
	mu_buf_addf(&b, "<p>Both plans made for the same <b>%zu scenarios</b> from <code>",
	            sys->n_days);
	io_html_esc(&b, sys->draws_file ? sys->draws_file : "(in memory)");
	mu_buf_adds(&b, "</code>");
	if (sys->check_file) {
		mu_buf_addf(&b,
		            "; the figures are measured on <b>%zu other scenarios</b> from <code>",
		            sys->n_measured);
		io_html_esc(&b, sys->check_file);
		mu_buf_adds(&b, "</code>");
	} else
		mu_buf_adds(&b, "; the figures are expected over them");
	mu_buf_adds(&b, ". The silo plan is each partner alone: no lending, each bank worker at "
	                "home only.</p>\n<table><thead><tr><th>expected</th><th>system</th>"
	                "<th>silo</th><th>system minus silo</th></tr></thead>\n");
	mu_buf_addf(&b, "<tr><td>spend (cash)</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
	            io_html_money(x[0], f[0].spend), io_html_money(x[1], f[1].spend),
	            io_twostage_signed(x[2], f[0].spend - f[1].spend, true));
	mu_buf_addf(&b,
	            "<tr><td>penalties (weights, not money)</td><td>%s</td><td>%s</td><td>%s</td>"
	            "</tr>\n",
	            io_html_weight(x[0], f[0].penalty), io_html_weight(x[1], f[1].penalty),
	            io_twostage_signed(x[2], f[0].penalty - f[1].penalty, false));
	dh = round(10 * (f[0].filled_hours - f[1].filled_hours)) / 10;
	mu_buf_addf(&b, "<tr><td>filled hours (of %s required)</td>",
	            mu_format_weight(x[0], f[0].required_hours, 1));
	mu_buf_addf(&b, "<td>%s</td><td>%s</td><td>%s%s</td></tr>\n",
	            mu_format_weight(x[0], f[0].filled_hours, 1),
	            mu_format_weight(x[1], f[1].filled_hours, 1),
	            dh > 0   ? "+"
	            : dh < 0 ? "-"
	                     : "",
	            mu_format_weight(x[2], fabs(dh), 1));
	mu_buf_addf(&b,
	            "<tr><td>chance of any red flag</td><td>%.1f%%</td><td>%.1f%%</td>"
	            "<td>%+.1f percentage points</td></tr>\n</table>\n",
	            100 * f[0].red_flag_chance, 100 * f[1].red_flag_chance,
	            round(1000 * (f[0].red_flag_chance - f[1].red_flag_chance)) / 10);
	mu_buf_init(&say);
	io_say_twostage_compare(&say, sc, sys, silo);
	/* the bidding sentence, when there is one: the last line */
	for (line = say.data; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		if (strncmp(line, "The bidding plan", 16) == 0) {
			char *one = mu_strndup(line, n);
			mu_buf_adds(&b, "<p>");
			io_html_esc(&b, one);
			mu_buf_adds(&b, "</p>\n");
			free(one);
		}
		line += n + (end != NULL);
	}
	mu_buf_release(&say);
	for (k = 0; k < 2; k++)
		mu_buf_addf(&b,
		            "<p>The %s plan's own page, plan.csv, day.csv and risk.csv are in "
		            "<code>%s/</code>.</p>\n",
		            k == 0 ? "system" : "silo", k == 0 ? "system" : "silo");
	return io_html_write_page(dir, &b, err);
}

enum mu_code io_twostage_write(const char *dir, const struct mu_scenario *sc,
                               const struct io_twostage *t, bool is_rota, const char *label,
                               struct mu_err *err)
{
	enum mu_code rc;
	if ((rc = io_report_write_plan(dir, sc, t->now, MU_ALL, err)) != MU_OK ||
	    (is_rota && (rc = io_report_write_rota(dir, sc, t->now, MU_ALL, err)) != MU_OK) ||
	    (rc = write_day(dir, sc, t, err)) != MU_OK ||
	    (rc = write_risk(dir, sc, t, err)) != MU_OK)
		return rc;
	return write_page(dir, sc, t, is_rota, label, err);
}
