/*
 * io_html_bidding.c - report.html's section on what the shared rate card
 * is worth (DESIGN.md §3d) on compare's page: the sentence io_say_bidding
 * says, and per partner and the system the silo, bidding and system plans
 * in cash spend, net cash and filled hours.
 */
#include "io_html_int.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "io/io_say.h"

#include <stdio.h>
#include <stdlib.h>

enum { COL_SILO, COL_BID, COL_RISE, COL_SYS_CASH, COL_BID_CASH, COL_AGAINST, N_COLS };

/* The table's money of the partners (column k at v[k * (n + 1) + p]),
 * each column rounded to pennies so that the partners' add up to the
 * system's row as shown (mu_format_round_to_total). */
static double *money_columns(const struct mu_scenario *sc, const struct mu_plan *sys,
                             const struct mu_plan *silo, const struct mu_bidding *bid)
{
	size_t n = sc->n_partners, p, k;
	double *exact = mu_malloc((N_COLS * (n + 1) + 1) * sizeof(double));
	double *shown = mu_malloc((N_COLS * (n + 1) + 1) * sizeof(double));
	for (p = 0; p < n; p++) {
		const struct mu_totals *a = &sys->partners[p], *c = &silo->partners[p],
		                       *d = &bid->partners[p];
		exact[COL_SILO * (n + 1) + p] = c->spend_total;
		exact[COL_BID * (n + 1) + p] = d->spend_total;
		exact[COL_RISE * (n + 1) + p] = d->spend_total - c->spend_total;
		exact[COL_SYS_CASH * (n + 1) + p] = mu_totals_net_cash(a);
		exact[COL_BID_CASH * (n + 1) + p] = mu_totals_net_cash(d);
		exact[COL_AGAINST * (n + 1) + p] = mu_totals_net_cash(a) - mu_totals_net_cash(d);
	}
	for (k = 0; k < N_COLS; k++) {
		double *col = &shown[k * (n + 1)];
		mu_format_round_to_total(&exact[k * (n + 1)], n, 0.01, col);
		col[n] = 0;
		for (p = 0; p < n; p++)
			col[n] += col[p];
	}
	free(exact);
	return shown;
}

static void row(struct mu_buf *b, const char *name, const double *shown, size_t at, size_t n,
                double hours)
{
	char m[MU_MONEY_SIZE];
	size_t k;
	mu_buf_adds(b, "<tr><td>");
	io_html_esc(b, name);
	mu_buf_adds(b, "</td>");
	for (k = 0; k < N_COLS; k++)
		mu_buf_addf(b, "<td>%s</td>", io_html_money(m, shown[k * (n + 1) + at]));
	mu_buf_addf(b, "<td>%+.1f</td></tr>\n", hours);
}

void io_html_bidding(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                     const struct mu_plan *silo, const struct mu_bidding *bid)
{
	size_t n = sc->n_partners, p;
	double *shown = money_columns(sc, sys, silo, bid);
	struct mu_buf say;
	mu_buf_adds(b, "<h2>What the shared rate card is worth</h2>\n<p>");
	mu_buf_init(&say);
	io_say_bidding(&say, sc, sys, silo, bid);
	io_html_esc(b, say.data);
	mu_buf_release(&say);
	mu_buf_adds(b,
	            "</p>\n<p>Bidding: the silo plan, each bank staff-shift paid the highest rate "
	            "any partner alone reached on its role and shift (no new solve: the same "
	            "staff and filled hours as alone). Cash only; net cash is spend plus "
	            "recharge paid minus recharge received.</p>\n<table><tr><th>partner</th>"
	            "<th>spend, silo</th><th>spend, bidding</th><th>bidding &minus; silo</th>"
	            "<th>net cash, system</th><th>net cash, bidding</th>"
	            "<th>system &minus; bidding</th><th>filled hours, system &minus; "
	            "bidding</th></tr>\n");
	for (p = 0; p < n; p++)
		row(b, sc->partners[p].name, shown, p, n,
		    sys->partners[p].filled_hours - bid->partners[p].filled_hours);
	row(b, "the whole system", shown, n, n,
	    sys->system.filled_hours - bid->system.filled_hours);
	mu_buf_adds(b, "</table>\n");
	free(shown);
}
