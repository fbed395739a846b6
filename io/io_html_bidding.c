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

double *io_html_bidding_columns(const struct mu_scenario *sc, const struct mu_plan *sys,
                                const struct mu_plan *silo, const struct mu_bidding *bid)
{
	size_t n = sc->n_partners, p, k;
	double *exact = mu_malloc((IO_BID_COLS * (n + 1) + 1) * sizeof(double));
	double *shown = mu_malloc((IO_BID_COLS * (n + 1) + 1) * sizeof(double));
	for (p = 0; p < n; p++) {
		const struct mu_totals *a = &sys->partners[p], *c = &silo->partners[p],
		                       *d = &bid->partners[p];
		exact[IO_BID_SILO * (n + 1) + p] = c->spend_total;
		exact[IO_BID_RISE * (n + 1) + p] = d->spend_total - c->spend_total;
		exact[IO_BID_SYS_CASH * (n + 1) + p] = mu_totals_net_cash(a);
		/* alone's net cash here, the rise added below */
		exact[IO_BID_BID_CASH * (n + 1) + p] = mu_totals_net_cash(c);
		exact[IO_BID_AGAINST * (n + 1) + p] = mu_totals_net_cash(a) - mu_totals_net_cash(d);
	}
	for (k = 0; k < IO_BID_COLS; k++) {
		double *col = &shown[k * (n + 1)];
		if (k == IO_BID_BID)
			continue;
		mu_format_round_to_total(&exact[k * (n + 1)], n, 0.01, col);
		col[n] = 0;
		for (p = 0; p < n; p++)
			col[n] += col[p];
	}
	/* bidding = alone as shown + the rise as shown: a partner whose pay
	 * does not rise reads as alone, and the columns still add up */
	for (p = 0; p <= n; p++) {
		double rise = shown[IO_BID_RISE * (n + 1) + p];
		shown[IO_BID_BID * (n + 1) + p] = shown[IO_BID_SILO * (n + 1) + p] + rise;
		shown[IO_BID_BID_CASH * (n + 1) + p] += rise;
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
	for (k = 0; k < IO_BID_COLS; k++)
		mu_buf_addf(b, "<td>%s</td>", io_html_money(m, shown[k * (n + 1) + at]));
	mu_buf_addf(b, "<td>%+.1f</td></tr>\n", hours);
}

void io_html_bidding(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                     const struct mu_plan *silo, const struct mu_bidding *bid)
{
	size_t n = sc->n_partners, p;
	double *shown = io_html_bidding_columns(sc, sys, silo, bid);
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
