/*
 * io_html_rota.c - report.html's people: the named rota as a worker x day
 * grid, a week to a table (so that every day prints), each shared name
 * with its id; and one partner's staff by shift and source.
 */
#include "io/io_html_int.h"

#include "core/mu_alloc.h"
#include "io/io_report.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Whether bank worker w shares the name of another worker of sc. */
static bool is_name_shared(const struct mu_scenario *sc, size_t w)
{
	size_t i;
	for (i = 0; i < sc->n_bank; i++)
		if (i != w && strcmp(sc->bank[i].name, sc->bank[w].name) == 0)
			return true;
	return false;
}

/* Days of the rota to one table: a week fits across A4 landscape. */
#define ROTA_DAYS 7

/* One table of the rota grid: days from..to of the n rows in order. A
 * name two workers of the scenario share (106 of the example's share 46)
 * has the worker's id beside it, so that the lead phones the right one. */
static void rota_table(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *plan,
                       const size_t *order, size_t n, long from, long to)
{
	size_t i, k;
	long d;
	mu_buf_adds(b, "<table class=\"rota\"><thead><tr><th>worker</th><th>home</th>");
	io_html_day_heads(b, from, to);
	mu_buf_adds(b, "</tr></thead>\n");
	for (i = 0; i < n; i = k) {
		const struct mu_bank_worker *w = &sc->bank[plan->rows[order[i]].worker];
		size_t j;
		mu_buf_adds(b, "<tr><td>");
		io_html_esc(b, w->name);
		if (is_name_shared(sc, plan->rows[order[i]].worker)) {
			mu_buf_adds(b, " (");
			io_html_esc(b, w->id);
			mu_buf_adds(b, ")");
		}
		mu_buf_adds(b, "</td><td>");
		io_html_esc(b, sc->partners[w->home].id);
		mu_buf_adds(b, "</td>");
		for (k = i; k < n && plan->rows[order[k]].worker == plan->rows[order[i]].worker;
		     k++)
			;
		for (d = from; d <= to; d++) {
			bool is_first = true;
			mu_buf_adds(b, "<td>");
			for (j = i; j < k; j++) {
				const struct mu_plan_row *r = &plan->rows[order[j]];
				const struct mu_shift *sh = &sc->shifts[r->shift];
				if (sh->day != d)
					continue;
				mu_buf_addf(b, "%s%02d:%02d&ndash;%02d:%02d ",
				            is_first ? "" : "<br>", sh->start_min / 60,
				            sh->start_min % 60, sh->end_min / 60, sh->end_min % 60);
				io_html_esc(b, sc->partners[r->partner].id);
				if (r->staff < 1 - 1e-6)
					mu_buf_addf(b, " (%.2f)", r->staff);
				is_first = false;
			}
			mu_buf_adds(b, "</td>");
		}
		mu_buf_adds(b, "</tr>\n");
	}
	mu_buf_adds(b, "</table>\n");
}

/* The named rota as a worker x day grid, a week to a table: each cell the
 * shift's clock times and where the worker goes (partner id; the legend is
 * the partner table). A plan's bank staff are fractions, no rota: the page
 * says so, and that plan.csv has them (no rota.csv is written). */
void io_html_rota_grid(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	const struct mu_plan *plan = p->plan;
	size_t *order = mu_malloc((plan->n_rows + 1) * sizeof(size_t));
	size_t n = io_report_rota_order(sc, plan, p->is_partner_page ? p->partner : MU_ALL, order);
	long first = LONG_MAX, last = LONG_MIN, from;
	size_t i, n_workers = 0;
	for (i = 0; i < sc->n_shifts; i++) {
		first = sc->shifts[i].day < first ? sc->shifts[i].day : first;
		last = sc->shifts[i].day > last ? sc->shifts[i].day : last;
	}
	for (i = 0; i < n; i++)
		n_workers +=
		    i == 0 || plan->rows[order[i]].worker != plan->rows[order[i - 1]].worker;
	mu_buf_adds(b, p->is_plan ? "<h2>Bank staff in the plan (not a rota)</h2>\n"
	                          : "<h2>Rota of bank staff</h2>\n");
	if (n == 0) {
		mu_buf_adds(b, "<p>No bank worker works in this plan.</p>\n");
		free(order);
		return;
	}
	if (p->is_plan)
		mu_buf_addf(b,
		            "<p>This is a plan, not a rota: it may give a worker part of a shift "
		            "(the fraction in brackets), so no rota.csv is written. %zu bank "
		            "worker%s on %zu shift%s, as plan.csv has them; each cell: "
		            "start&ndash;end and the partner worked at. <code>muster solve</code> "
		            "without <code>--lp</code> makes the rota.</p>\n",
		            n_workers, n_workers == 1 ? "" : "s", n, n == 1 ? "" : "s");
	else
		mu_buf_addf(b,
		            "<p>%zu bank worker%s, %zu shift%s; each cell: start&ndash;end and the "
		            "partner worked at. The same as rota.csv.</p>\n",
		            n_workers, n_workers == 1 ? "" : "s", n, n == 1 ? "" : "s");
	for (from = first; from <= last; from += ROTA_DAYS)
		rota_table(b, sc, plan, order, n, from,
		           last - from < ROTA_DAYS ? last : from + ROTA_DAYS - 1);
	free(order);
}

/* One partner's staff by shift and source: own, lent in, bank, agency, and
 * what is left unfilled, in staff (efficiency not applied). */
void io_html_staff_by_shift(struct mu_buf *b, const struct mu_scenario *sc,
                            const struct io_html_plan *p)
{
	size_t ns = sc->n_shifts, i, s;
	double *staff = mu_calloc(ns * MU_SRC_COUNT + 1, sizeof(double));
	static const int shown[] = {MU_SRC_OWN,    MU_SRC_LEND,  MU_SRC_BANK,
	                            MU_SRC_AGENCY, MU_SRC_SHORT, MU_SRC_BREACH};
	for (i = 0; i < p->plan->n_rows; i++) {
		const struct mu_plan_row *r = &p->plan->rows[i];
		if (r->partner == p->partner && r->shift != MU_ALL)
			staff[r->shift * MU_SRC_COUNT + r->source] += r->staff;
	}
	mu_buf_adds(b, "<h2>Staff by shift</h2>\n<table><tr><th>shift</th><th>own</th>"
	               "<th>lent in</th><th>bank</th><th>agency</th><th>short</th>"
	               "<th>below minimum</th></tr>\n");
	for (s = 0; s < ns; s++) {
		double any = 0;
		size_t k;
		for (k = 0; k < MU_SRC_COUNT; k++)
			any += staff[s * MU_SRC_COUNT + k];
		if (any <= 0)
			continue;
		mu_buf_adds(b, "<tr><td>");
		io_html_esc(b, sc->shifts[s].id);
		mu_buf_adds(b, "</td>");
		for (k = 0; k < sizeof(shown) / sizeof(shown[0]); k++)
			mu_buf_addf(b, "<td>%.4g</td>", staff[s * MU_SRC_COUNT + shown[k]]);
		mu_buf_adds(b, "</tr>\n");
	}
	mu_buf_adds(b, "</table>\n");
	free(staff);
}
