/*
 * io_say_rates.c - the sentences of pay caps and the supply they buy
 * (DESIGN.md §3d): which supply curve a plan row's bank staff are on, the
 * extra staff to advertise for ("Advertise 2 Registered nurse (band 5)
 * shifts on Sat 5 Dec 20:00–08:00 (sat-n) at £17.75/h ..."), and a shift
 * that needed an enhanced rate. Every number is the plan's: its rates
 * rows (mu_rate_row) and its bank_extra rows.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const struct mu_rate_row *io_say_rate_of_row(const struct mu_plan *plan,
                                             const struct mu_plan_row *row)
{
	const struct mu_rate_row *shared = NULL;
	size_t i;
	if (row->source != MU_SRC_BANK && row->source != MU_SRC_BANK_EXTRA)
		return NULL;
	for (i = 0; i < plan->n_rates; i++) {
		const struct mu_rate_row *r = &plan->rates[i];
		if (r->role != row->worker_role || r->shift != row->shift)
			continue;
		if (r->partner == row->partner)
			return r; /* the partner's own curve (silo, outside a coalition) */
		if (r->partner == MU_ALL)
			shared = r;
	}
	return shared;
}

bool io_say_rate_is_enhanced(const struct mu_rate_row *r)
{
	return r->rate > r->bank_rate * (1 + 1e-9);
}

void io_say_rate_role(struct mu_buf *b, const struct mu_scenario *sc, size_t role)
{
	const struct mu_role *r = &sc->roles[role];
	mu_buf_adds(b, r->name);
	if (r->band && *r->band)
		mu_buf_addf(b, " (band %s)", r->band);
}

/* Staff as the sentences count them: whole, or a plan's fraction to two
 * decimals ("4.01"). */
static void say_staff(struct mu_buf *b, double staff)
{
	if (fabs(staff - round(staff)) < EPS)
		mu_buf_addf(b, "%.0f", round(staff));
	else
		mu_buf_addf(b, "%.2f", staff);
}

/* "£17.75/h", with what the shift's unsocial factor adds. */
static void say_rate(struct mu_buf *b, const struct mu_shift *s, double rate)
{
	char m[MU_MONEY_SIZE];
	mu_buf_addf(b, "%s/h", mu_format_money(m, rate, 2));
	if (s->enhancement > 0)
		mu_buf_addf(b, " (+%.4g%% for unsocial hours)", 100 * s->enhancement);
}

void io_say_rate_advert(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *plan,
                        const struct mu_rate_row *r)
{
	const struct mu_shift *s = &sc->shifts[r->shift];
	size_t i, n_at = 0;
	if (!(r->extra > EPS))
		return;
	mu_buf_adds(b, "Advertise ");
	say_staff(b, r->extra);
	mu_buf_adds(b, " ");
	io_say_rate_role(b, sc, r->role);
	mu_buf_addf(b, " shift%s on ", fabs(r->extra - 1) < EPS ? "" : "s");
	io_say_shift_when(b, s);
	mu_buf_addf(b, " (%s) at ", s->id);
	if (!io_say_rate_is_enhanced(r))
		mu_buf_adds(b, "the bank rate, ");
	say_rate(b, s, r->rate);
	if (r->partner != MU_ALL)
		mu_buf_addf(b, ", %s's own bank", sc->partners[r->partner].name);
	/* where they work: the curve's bank_extra rows, by partner */
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *row = &plan->rows[i];
		if (row->source != MU_SRC_BANK_EXTRA || row->worker_role != r->role ||
		    row->shift != r->shift || io_say_rate_of_row(plan, row) != r)
			continue;
		mu_buf_adds(b, n_at ? ", " : ": ");
		say_staff(b, row->staff);
		mu_buf_addf(b, " at %s", sc->partners[row->partner].name);
		n_at++;
	}
	mu_buf_adds(b, ".");
}

void io_say_rate_enhanced(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct mu_rate_row *r)
{
	const struct mu_shift *s = &sc->shifts[r->shift];
	char m[MU_MONEY_SIZE];
	io_say_shift_when(b, s);
	mu_buf_addf(b, " (%s), ", s->id);
	io_say_rate_role(b, sc, r->role);
	if (r->partner != MU_ALL)
		mu_buf_addf(b, " of %s's own bank", sc->partners[r->partner].name);
	mu_buf_adds(b, ": ");
	say_rate(b, s, r->rate);
	mu_buf_addf(b, ", above the bank rate %s/h, for ", mu_format_money(m, r->bank_rate, 2));
	say_staff(b, r->named + r->extra);
	mu_buf_adds(b, " staff (");
	say_staff(b, r->named);
	mu_buf_adds(b, " named, ");
	say_staff(b, r->extra);
	mu_buf_adds(b, " extra) where ");
	say_staff(b, r->base_supply);
	mu_buf_adds(b, " can be had at the bank rate; ");
	io_say_money(b, r->rate_cost);
	mu_buf_adds(b, " more spend.");
}

void io_say_rates_summary(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct mu_plan *plan, size_t partner)
{
	double extra = 0, above = 0;
	size_t i, n_extra = 0, n_enhanced = 0;
	(void)sc;
	for (i = 0; i < plan->n_rates; i++) {
		const struct mu_rate_row *r = &plan->rates[i];
		bool is_extra = false, is_here = partner == MU_ALL || r->partner == partner;
		size_t k;
		for (k = 0; k < plan->n_rows; k++) {
			const struct mu_plan_row *row = &plan->rows[k];
			if (row->worker_role != r->role || row->shift != r->shift ||
			    (partner != MU_ALL && row->partner != partner) || !(row->staff > 0) ||
			    io_say_rate_of_row(plan, row) != r)
				continue;
			is_here = true;
			if (row->source == MU_SRC_BANK_EXTRA) {
				extra += row->staff;
				is_extra = true;
			}
		}
		n_extra += is_extra;
		n_enhanced += is_here && io_say_rate_is_enhanced(r);
	}
	for (i = 0; i < plan->n_rows; i++)
		if (plan->rows[i].source == MU_SRC_RATE &&
		    (partner == MU_ALL || plan->rows[i].partner == partner))
			above += plan->rows[i].spend;
	mu_buf_adds(b, "Extra bank staff to find: ");
	say_staff(b, extra);
	mu_buf_addf(b, " staff-shift%s", fabs(extra - 1) < EPS ? "" : "s");
	if (n_extra > 0)
		mu_buf_addf(b, ", on %zu shift%s of a role", n_extra, n_extra == 1 ? "" : "s");
	mu_buf_addf(b, ". An enhanced rate on %zu shift%s of a role, ", n_enhanced,
	            n_enhanced == 1 ? "" : "s");
	io_say_money(b, above);
	mu_buf_adds(b, " of spend above the bank rate.");
}
