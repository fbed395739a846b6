/*
 * io_html_rates.c - report.html's section on pay caps and the supply they
 * buy (DESIGN.md §3d), shown only when the plan has a supply curve: the
 * extra staff to advertise for, the shifts that needed an enhanced rate
 * (io_say_rates.c's sentences) and the rate paid as a grid of role and
 * time of day against the days, a week to a table like the rota, so that
 * every day prints on A4 landscape and a phone scrolls each table in its
 * own box. A partner's page shows the curves whose staff work there, and
 * the adverts of those whose extra staff do.
 */
#include "io/io_html_int.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "io/io_report.h"
#include "io/io_say.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N_SAID 30
#define GRID_DAYS 7

/* A row of the grid: a role (of a curve's group) at one time of day. */
struct grid_key {
	size_t role, partner; /* partner MU_ALL (shared) sorts last */
	int start_min, end_min;
};

static int by_key(const void *x, const void *y)
{
	const struct grid_key *a = x, *b = y;
	if (a->role != b->role)
		return a->role < b->role ? -1 : 1;
	if (a->partner != b->partner)
		return a->partner < b->partner ? -1 : 1;
	if (a->start_min != b->start_min)
		return a->start_min < b->start_min ? -1 : 1;
	return a->end_min < b->end_min ? -1 : a->end_min > b->end_min;
}

static struct grid_key key_of(const struct mu_scenario *sc, const struct mu_rate_row *r)
{
	const struct mu_shift *s = &sc->shifts[r->shift];
	return (struct grid_key){r->role, r->partner, s->start_min, s->end_min};
}

/* Whether curve r has extra staff at work at partner p (MU_ALL: anywhere):
 * a partner's page advertises only for the extra staff who come to it. */
static bool has_extra_at(const struct mu_plan *plan, const struct mu_rate_row *r, size_t p)
{
	size_t i;
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *row = &plan->rows[i];
		if (row->source == MU_SRC_BANK_EXTRA && (p == MU_ALL || row->partner == p) &&
		    row->worker_role == r->role && row->shift == r->shift && row->staff > 1e-6 &&
		    io_say_rate_of_row(plan, row) == r)
			return true;
	}
	return false;
}

/* One <li> per sentence that say makes of the shown rates rows that pass
 * want, at most N_SAID; returns how many passed. */
static size_t said_list(struct mu_buf *b, const struct mu_scenario *sc,
                        const struct io_html_plan *p, const bool *is_shown, bool is_advert)
{
	const struct mu_plan *plan = p->plan;
	struct mu_buf text;
	size_t i, n = 0;
	mu_buf_init(&text);
	for (i = 0; i < plan->n_rates; i++) {
		const struct mu_rate_row *r = &plan->rates[i];
		if (!is_shown[i] ||
		    (is_advert
		         ? !(r->extra > 1e-6) ||
		               !has_extra_at(plan, r, p->is_partner_page ? p->partner : MU_ALL)
		         : !io_say_rate_is_enhanced(r)))
			continue;
		if (n++ == 0)
			mu_buf_adds(b, "<ul class=\"sentences\">\n");
		if (n > N_SAID)
			continue;
		mu_buf_reset(&text);
		if (is_advert)
			io_say_rate_advert(&text, sc, plan, r);
		else
			io_say_rate_enhanced(&text, sc, r);
		mu_buf_adds(b, "<li>");
		io_html_esc(b, text.data);
		mu_buf_adds(b, "</li>\n");
	}
	if (n > 0)
		mu_buf_adds(b, "</ul>\n");
	if (n > N_SAID)
		mu_buf_addf(b, "<p>... and %zu more: rates.csv has every one.</p>\n", n - N_SAID);
	mu_buf_release(&text);
	return n;
}

/* The grid's table of days from..to. */
static void grid_table(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *plan,
                       const bool *is_shown, const struct grid_key *keys, size_t n_keys, long from,
                       long to)
{
	size_t k, i;
	long d;
	char m[MU_MONEY_SIZE];
	mu_buf_adds(b, "<table class=\"rates\"><thead><tr><th>role</th><th>shift</th>");
	io_html_day_heads(b, from, to);
	mu_buf_adds(b, "</tr></thead>\n");
	for (k = 0; k < n_keys; k++) {
		const struct grid_key *g = &keys[k];
		struct mu_buf role;
		mu_buf_init(&role);
		io_say_rate_role(&role, sc, g->role);
		mu_buf_adds(b, "<tr><td>");
		io_html_esc(b, role.data);
		mu_buf_release(&role);
		if (g->partner != MU_ALL) {
			mu_buf_adds(b, ", ");
			io_html_esc(b, sc->partners[g->partner].name);
		}
		mu_buf_addf(b, "</td><td>%02d:%02d&ndash;%02d:%02d</td>", g->start_min / 60,
		            g->start_min % 60, g->end_min / 60, g->end_min % 60);
		for (d = from; d <= to; d++) {
			const struct mu_rate_row *cell = NULL;
			for (i = 0; i < plan->n_rates; i++) {
				const struct mu_rate_row *r = &plan->rates[i];
				struct grid_key rk = key_of(sc, r);
				if (is_shown[i] && sc->shifts[r->shift].day == d &&
				    by_key(&rk, g) == 0 && (!cell || r->rate > cell->rate))
					cell = r;
			}
			if (!cell)
				mu_buf_adds(b, "<td></td>");
			else if (io_say_rate_is_enhanced(cell))
				mu_buf_addf(b, "<td style=\"background:#fde0c5\"><b>%s</b></td>",
				            io_html_money(m, cell->rate));
			else
				mu_buf_addf(b, "<td>%s</td>", io_html_money(m, cell->rate));
		}
		mu_buf_adds(b, "</tr>\n");
	}
	mu_buf_adds(b, "</table>\n");
}

void io_html_rates(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	const struct mu_plan *plan = p->plan;
	size_t partner = p->is_partner_page ? p->partner : MU_ALL, i, n_keys = 0, n_shown = 0;
	bool *is_shown;
	struct grid_key *keys;
	long first = LONG_MAX, last = LONG_MIN, from;
	if (plan->n_rates == 0)
		return;
	is_shown = mu_calloc(plan->n_rates + 1, sizeof(bool));
	keys = mu_malloc((plan->n_rates + 1) * sizeof(*keys));
	for (i = 0; i < plan->n_rates; i++) {
		is_shown[i] = io_report_rate_is_partners(plan, &plan->rates[i], partner);
		n_shown += is_shown[i];
	}
	mu_buf_adds(b, "<h2>Bank rates and extra staff</h2>\n");
	mu_buf_addf(b,
	            "<p>Bank staff of a role in supply.csv offer more shifts at a higher rate: "
	            "the plan sets the rate paid on each shift, from the bank rate up to "
	            "<code>bank_cap</code>, and finds extra (unnamed) staff where the rate "
	            "buys more than those who offered. Rates are &pound;/h before the "
	            "unsocial-hours enhancement; rates.csv has every figure%s.</p>\n",
	            p->is_plan ? " (plan mode: staff in fractions, rounded here to two decimals, "
	                         "and the shadow prices)"
	                       : "");
	if (n_shown == 0) {
		mu_buf_adds(b, "<p>No bank staff of such a role work here.</p>\n");
		goto done;
	}
	{
		struct mu_buf text;
		mu_buf_init(&text);
		io_say_rates_summary(&text, sc, plan, partner);
		mu_buf_adds(b, "<p><b>");
		io_html_esc(b, text.data);
		mu_buf_adds(b, "</b></p>\n");
		mu_buf_release(&text);
	}
	for (i = 0; i < plan->n_rates; i++) {
		const struct mu_rate_row *r = &plan->rates[i];
		struct grid_key k = key_of(sc, r);
		size_t j;
		long day = sc->shifts[r->shift].day;
		if (!is_shown[i])
			continue;
		first = day < first ? day : first;
		last = day > last ? day : last;
		for (j = 0; j < n_keys && by_key(&keys[j], &k) != 0; j++)
			;
		if (j == n_keys)
			keys[n_keys++] = k;
	}
	qsort(keys, n_keys, sizeof(*keys), by_key);
	mu_buf_adds(b, "<h3>Rate paid by role and shift</h3>\n<p>&pound;/h; an enhanced rate "
	               "(above the bank rate) in bold on orange; empty where no one of the role "
	               "offered the shift.</p>\n");
	for (from = first; from <= last; from += GRID_DAYS)
		grid_table(b, sc, plan, is_shown, keys, n_keys, from,
		           last - from < GRID_DAYS ? last : from + GRID_DAYS - 1);
	mu_buf_adds(b, "<h3>Extra staff to find</h3>\n");
	if (said_list(b, sc, p, is_shown, true) == 0)
		mu_buf_adds(
		    b, p->is_partner_page
		           ? "<p>No extra staff are to work here.</p>\n"
		           : "<p>No extra staff are needed: those who offered are enough.</p>\n");
	mu_buf_adds(b, "<h3>Shifts that needed an enhanced rate</h3>\n");
	if (said_list(b, sc, p, is_shown, false) == 0)
		mu_buf_adds(b, "<p>No shift needed more than the bank rate.</p>\n");
done:
	free(is_shown);
	free(keys);
}
