/*
 * io_say_why.c - why a demand row is unfilled: each reason with the
 * source, worker, offer or limit it names.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *io_say_why_source(const struct mu_why_row *r)
{
	return r->source < MU_SRC_COUNT ? mu_source_info[r->source].name : "none";
}

const char *io_say_why_limit(const struct mu_why_row *r)
{
	return r->limit < MU_ROW_KIND_COUNT ? mu_row_kind_info[r->limit].name : "";
}

/* " (and 3 more)" when there are more subjects than the one named. */
static void say_more(struct mu_buf *b, size_t n)
{
	if (n > 1)
		mu_buf_addf(b, " (and %zu more)", n - 1);
}

static void say_staff_row(struct mu_buf *b, const struct mu_scenario *sc, size_t f)
{
	const struct mu_staff *st = &sc->staff[f];
	mu_buf_addf(b, "%s's %s on %s", sc->partners[st->partner].id, sc->roles[st->role].id,
	            sc->shifts[st->shift].id);
}

static void say_worker(struct mu_buf *b, const struct mu_scenario *sc, size_t w)
{
	mu_buf_addf(b, "%s (%s)", sc->bank[w].name, sc->bank[w].id);
}

static void say_offer(struct mu_buf *b, const struct mu_scenario *sc, size_t a)
{
	const struct mu_agency_offer *o = &sc->agency[a];
	mu_buf_addf(b, "%s's %s offer (partner %s)", o->supplier, sc->roles[o->role].id,
	            o->partner == MU_ALL ? "*" : sc->partners[o->partner].id);
}

static void say_limit(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_why_row *r)
{
	const struct mu_demand *d = &sc->demand[r->demand];
	switch (r->limit) {
	case MU_ROW_STAFF:
		mu_buf_adds(b, "every available staff member is working: ");
		say_staff_row(b, sc, r->subject);
		break;
	case MU_ROW_ROTATABLE:
		mu_buf_adds(b, "every rotatable staff member is lent already: ");
		say_staff_row(b, sc, r->subject);
		break;
	case MU_ROW_AGREEMENT: {
		const struct mu_agreement *g = &sc->agreements[r->subject];
		mu_buf_addf(b, "the mutual-aid places per shift from %s to %s are used up",
		            sc->partners[g->from].id, sc->partners[g->to].id);
		break;
	}
	case MU_ROW_REST:
		mu_buf_adds(b, "works a shift that overlaps it or leaves under min_rest_hours: ");
		say_worker(b, sc, r->subject);
		break;
	case MU_ROW_HOURS:
		mu_buf_adds(b, "would pass max_hours: ");
		say_worker(b, sc, r->subject);
		break;
	case MU_ROW_CAPACITY:
		mu_buf_adds(b, "capacity on this shift used up: ");
		say_offer(b, sc, r->subject);
		break;
	case MU_ROW_BREAK_GLASS:
		mu_buf_addf(b, "break-glass heads already at the row's minimum (%g): ", d->minimum);
		say_offer(b, sc, r->subject);
		break;
	case MU_ROW_BUDGET:
		mu_buf_adds(b, "the agency budget (the partner's or the system's) is spent: ");
		say_offer(b, sc, r->subject);
		break;
	default:
		break;
	}
	say_more(b, r->n_subjects);
}

void io_say_why(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_why_row *r)
{
	const struct mu_demand *d = &sc->demand[r->demand];
	const char *at = sc->partners[d->partner].id;
	switch (r->reason) {
	case MU_WHY_LIMIT:
		say_limit(b, sc, r);
		break;
	case MU_WHY_NOT_ALLOWED:
		mu_buf_adds(b, "break-glass (off framework or above the agency cap) and "
		               "allow_break_glass is no: ");
		say_offer(b, sc, r->subject);
		say_more(b, r->n_subjects);
		break;
	case MU_WHY_COSTS_MORE: {
		/* cash and penalty weights apart: only the cash is money */
		char cash[MU_MONEY_SIZE];
		double weights = r->cost - r->cash;
		mu_buf_addf(b, "the cheapest costs %s a staff covered in cash",
		            mu_format_money(cash, r->cash, 2));
		if (weights >= 0.005) { /* as io_say_weight shows it, not 0.00 */
			mu_buf_adds(b, " plus ");
			io_say_weight(b, weights);
			mu_buf_adds(b, " in penalty weights (tier, break-glass)");
		}
		mu_buf_adds(b, ", more than the ");
		io_say_weight(b, r->penalty);
		mu_buf_addf(
		    b,
		    " penalty weight of leaving one uncovered (cash and weights count alike "
		    "in the plan; %zu could cover it)",
		    r->n_subjects);
		break;
	}
	case MU_WHY_UNUSED:
		mu_buf_addf(b,
		            "%zu could cover it for less than its penalty, yet the plan does not "
		            "use them (a rota not proven optimal, or a limit met with others)",
		            r->n_subjects);
		break;
	case MU_WHY_CANNOT_REACH:
		if (r->source == MU_SRC_LEND)
			mu_buf_addf(
			    b,
			    "no mutual-aid agreement into %s for a role that covers it, with "
			    "rotatable staff on this shift",
			    at);
		else if (r->source == MU_SRC_BANK)
			mu_buf_addf(
			    b,
			    "no bank worker of a role that covers it offered this shift and "
			    "is cleared for %s",
			    at);
		else
			mu_buf_addf(b, "no agency offer of a role that covers it serves %s", at);
		break;
	case MU_WHY_NO_SOURCE:
		mu_buf_adds(b, "no own staff, agreement, bank worker or agency offer can cover it");
		break;
	default:
		break;
	}
}
