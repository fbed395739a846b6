/*
 * io_say_bank.c - the bank's preferences and fair hours (DESIGN.md §3b)
 * in sentences.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool io_say_has_bank_rules(const struct mu_scenario *sc)
{
	size_t i;
	if (sc->settings.bank_min_share > 0)
		return true;
	if (!(sc->settings.preference_weight > 0))
		return false;
	for (i = 0; i < sc->n_availability; i++)
		if (sc->availability[i].preference != MU_PREF_NEUTRAL)
			return true;
	return false;
}

/* A count of shifts or staff: whole in a rota, fractional in plan mode. */
static const char *count_text(char *buf, size_t size, double v)
{
	if (fabs(v - round(v)) < 1e-6)
		snprintf(buf, size, "%.0f", fabs(round(v)));
	else
		snprintf(buf, size, "%.2f", v);
	return buf;
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

void io_say_bank(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_bank_use *u)
{
	char m[MU_MONEY_SIZE], n1[MU_MONEY_SIZE], n2[MU_MONEY_SIZE];
	if (u->n_workers == 0)
		return;
	if (u->n_prefer + u->n_avoid > 0) {
		mu_buf_adds(b, "Preferences:");
		if (u->n_prefer > 0)
			mu_buf_addf(b, " %s of the %zu shift%s offered as prefer granted%s",
			            count_text(n1, sizeof(n1), u->prefer_granted), u->n_prefer,
			            plural(u->n_prefer), u->n_avoid > 0 ? ";" : "");
		if (u->n_avoid > 0)
			mu_buf_addf(b, " %s of the %zu shift%s offered as avoid given",
			            count_text(n2, sizeof(n2), u->avoid_given), u->n_avoid,
			            plural(u->n_avoid));
		mu_buf_addf(b, ". Preference penalty %s net (weights, not money",
		            mu_format_weight(m, u->preference_penalty, 2));
		if (sc->settings.preference_weight > 0)
			mu_buf_addf(b,
			            ": up to -%s a prefer granted (at most its pay), +%s an avoid "
			            "given",
			            mu_format_weight(n1, sc->settings.preference_weight, 2),
			            mu_format_weight(n2, sc->settings.preference_weight, 2));
		else
			mu_buf_adds(b, ": preference_weight is 0");
		mu_buf_adds(b, ").\n");
	}
	mu_buf_addf(b, "Bank hours: %zu worker%s offered %s h and worked %s h of them",
	            u->n_workers, plural(u->n_workers),
	            count_text(n1, sizeof(n1), u->offered_hours),
	            count_text(n2, sizeof(n2), u->worked_hours));
	if (u->offered_hours > 0)
		mu_buf_addf(b, " (%.1f%%)", 100 * u->worked_hours / u->offered_hours);
	mu_buf_addf(b, "; %zu worked none of their offered hours, %zu all of them.\n",
	            u->by_share[MU_SHARE_NONE], u->by_share[MU_SHARE_ALL]);
	if (sc->settings.bank_min_share > 0) {
		mu_buf_addf(b, "Fair share (%.4g%% of offered hours, up to max_hours): ",
		            100 * sc->settings.bank_min_share);
		if (u->n_below_target == 0)
			mu_buf_addf(b, "all %zu worker%s with a target reached it",
			            u->n_with_target, plural(u->n_with_target));
		else
			mu_buf_addf(b,
			            "%zu of %zu worker%s with a target worked below it, %s h short "
			            "in all",
			            u->n_below_target, u->n_with_target, plural(u->n_with_target),
			            count_text(n1, sizeof(n1), u->hours_short));
		mu_buf_addf(b, " (share penalty %s, weights, not money).\n",
		            mu_format_weight(m, u->share_penalty, 2));
	}
}
