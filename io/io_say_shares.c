/*
 * io_say_shares.c - what the shares of DESIGN.md §3a come to: a coalition
 * by its partners' ids, whether the shares are in the core (and the group
 * furthest from it), and the settlement's transfers: the weighted game's
 * in its own units (value: spend plus penalty weights, a plain number,
 * never pounds), the cash game's in money.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>

void io_say_coalition(struct mu_buf *b, const struct mu_scenario *sc, mu_coalition s)
{
	size_t p;
	bool is_first = true;
	for (p = 0; p < sc->n_partners && p < MU_GAME_MAX_PLAYERS; p++)
		if ((s >> p) & 1) {
			mu_buf_addf(b, "%s%s", is_first ? "" : ";", sc->partners[p].id);
			is_first = false;
		}
}

/* The partners of s by name, for a sentence: "A, B and C" ("the group of"
 * is the caller's). */
static void coalition_names(struct mu_buf *b, const struct mu_scenario *sc, mu_coalition s)
{
	size_t p, n = 0, k = 0;
	for (p = 0; p < sc->n_partners && p < MU_GAME_MAX_PLAYERS; p++)
		n += (s >> p) & 1;
	if (n == 0)
		mu_buf_adds(b, "no partner");
	for (p = 0; p < sc->n_partners && p < MU_GAME_MAX_PLAYERS; p++)
		if ((s >> p) & 1) {
			mu_buf_adds(b, k == 0 ? "" : k + 1 == n ? " and " : ", ");
			mu_buf_adds(b, sc->partners[p].name);
			k++;
		}
}

void io_say_shares_core(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_shares *sh,
                        int exact_max)
{
	char m[MU_MONEY_SIZE];
	if (!sh->is_exact) {
		mu_buf_addf(b, "The core is checked for exact shares only (up to %d partners).",
		            exact_max);
		return;
	}
	if (sh->n <= 1) {
		/* no group to form: furthest is the empty coalition */
		mu_buf_adds(b, "The shares are in the core: with one partner there is no other "
		               "partner to work with.");
		return;
	}
	if (sh->is_in_core) {
		/* a margin that reads 0.00 reads so, never -0.00 */
		double margin = fabs(sh->furthest_excess) < 0.005 ? 0.0 : -sh->furthest_excess;
		/* value is spend plus penalty weights (DESIGN.md §3): no pound
		 * sign, never "save" */
		mu_buf_adds(b, "The shares are in the core: no group of partners would gain more "
		               "value (spend plus penalty weights, not money) by working together "
		               "alone than its shares add up to (the closest: ");
		coalition_names(b, sc, sh->furthest);
		mu_buf_addf(b, ", by %s).", mu_format_weight(m, margin, 2));
	} else {
		mu_buf_adds(b, "The shares are not in the core: ");
		coalition_names(b, sc, sh->furthest);
		mu_buf_addf(b,
		            ", working together alone, would gain %s more in value (spend plus "
		            "penalty weights, not money) than their shares add up to.",
		            mu_format_weight(m, sh->furthest_excess, 2));
	}
}

void io_say_horizon(struct mu_buf *b, long days)
{
	if (days == 7)
		mu_buf_adds(b, "per week");
	else if (days == 1)
		mu_buf_adds(b, "per day");
	else
		mu_buf_addf(b, "per %ld days", days);
}

void io_say_shares_settlement(struct mu_buf *b, const struct mu_scenario *sc,
                              const struct mu_transfer *t, size_t n_t, long per_days)
{
	char m[MU_MONEY_SIZE];
	size_t k, n_shown = 0;
	bool is_cash = per_days > 0;
	for (k = 0; k < n_t; k++) {
		if (t[k].amount < 0.005) /* reads 0.00 */
			continue;
		if (n_shown++ == 0 && is_cash) {
			mu_buf_adds(b, "Settlement in cash, ");
			io_say_horizon(b, per_days);
			mu_buf_adds(b,
			            " (money; from the cash game, each coalition's plan valued at "
			            "its spend): ");
		} else if (n_shown == 1) {
			mu_buf_adds(
			    b, "Transfers of value (spend plus penalty weights, not money) that "
			       "would make each partner's gain its share: ");
		} else {
			mu_buf_adds(b, "; ");
		}
		/* "pays" and a pound sign only for money (issue 24) */
		mu_buf_addf(b, "%s %s %s %s%s", sc->partners[t[k].from].name,
		            is_cash ? "pays" : "passes", sc->partners[t[k].to].name,
		            is_cash ? mu_format_money(m, t[k].amount, 2)
		                    : mu_format_weight(m, t[k].amount, 2),
		            is_cash ? "" : " of value");
	}
	if (n_shown) {
		mu_buf_adds(b, ".");
	} else if (is_cash) {
		mu_buf_adds(b, "Settlement in cash, ");
		io_say_horizon(b, per_days);
		mu_buf_adds(b, ": none is needed; each partner's own fall in net cash is its cash "
		               "share.");
	} else {
		mu_buf_adds(b, "Transfers of value: none is needed; each partner's own gain is its "
		               "share.");
	}
}
