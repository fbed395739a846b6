/*
 * io_report_twostage.c - a two-stage plan's --out folder (DESIGN.md §3e):
 * plan.csv and rota.csv of what is decided now (io_report's writers),
 * day.csv with each scenario's day, risk.csv per demand row, and a short
 * report.html (the value sentence and the risk table).
 */
#include "io_twostage.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "io/io_csv.h"
#include "io/io_file.h"
#include "io/io_html_int.h"
#include "io/io_report.h"

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

/* The page: the sentences, and the demand rows at risk under either plan. */
static enum mu_code write_page(const char *dir, const struct mu_scenario *sc,
                               const struct io_twostage *t, const char *label, struct mu_err *err)
{
	struct mu_buf b, say;
	const char *line;
	size_t d, n_shown = 0;
	mu_buf_init(&b);
	mu_buf_init(&say);
	io_html_page_open(&b, "Two-stage plan", sc, label, NULL);
	io_say_twostage(&say, t);
	for (line = say.data; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		char *one = mu_strndup(line, n);
		mu_buf_adds(&b, "<p>");
		io_html_esc(&b, one);
		mu_buf_adds(&b, "</p>\n");
		free(one);
		line += n + (end != NULL);
	}
	mu_buf_release(&say);
	mu_buf_addf(&b,
	            "<h2>Risk by demand row</h2>\n<p>On the %s: the share of scenarios in which "
	            "the row is below its minimum (a red flag), and its expected hours below "
	            "required, under this plan and the plan for demand.csv's required alone. "
	            "Rows at no risk under either are left out; risk.csv has every row.</p>\n"
	            "<table><tr><th>partner</th><th>role</th><th>shift</th><th>red flag, this "
	            "plan</th><th>short hours, this plan</th><th>red flag, plan for the "
	            "mean</th><th>short hours, plan for the mean</th></tr>\n",
	            t->is_measured ? "check scenarios" : "scenarios the plan was made on");
	for (d = 0; d < sc->n_demand; d++) {
		const struct mu_demand *dm = &sc->demand[d];
		if (t->plan->row_red_flag_chance[d] == 0 && t->plan->row_short_hours[d] < 0.005 &&
		    t->mean_plan->row_red_flag_chance[d] == 0 &&
		    t->mean_plan->row_short_hours[d] < 0.005)
			continue;
		n_shown++;
		mu_buf_adds(&b, "<tr><td>");
		io_html_esc(&b, sc->partners[dm->partner].id);
		mu_buf_adds(&b, "</td><td>");
		io_html_esc(&b, sc->roles[dm->role].id);
		mu_buf_adds(&b, "</td><td>");
		io_html_esc(&b, sc->shifts[dm->shift].id);
		mu_buf_addf(
		    &b, "</td><td>%.1f%%</td><td>%.2f</td><td>%.1f%%</td><td>%.2f</td></tr>\n",
		    100 * t->plan->row_red_flag_chance[d], t->plan->row_short_hours[d],
		    100 * t->mean_plan->row_red_flag_chance[d], t->mean_plan->row_short_hours[d]);
	}
	mu_buf_adds(&b, "</table>\n");
	if (n_shown == 0)
		mu_buf_adds(&b, "<p>No demand row is at risk under either plan.</p>\n");
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
	return write_page(dir, sc, t, label, err);
}
