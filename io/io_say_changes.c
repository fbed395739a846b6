/*
 * io_say_changes.c - a re-plan's changes against the kept plan, counted and
 * one by one.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void io_say_replan(struct mu_buf *b, const struct mu_keep *k)
{
	char day[16], month[16];
	mu_buf_adds(b, "A re-plan of ");
	mu_buf_adds(b, k->source ? k->source : "the kept plan");
	mu_buf_adds(b, " (--keep): ");
	if (k->has_now) {
		time_t t = (time_t)k->now * 60;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(day, sizeof(day), "%a", &tm);
		strftime(month, sizeof(month), "%b", &tm);
		mu_buf_addf(b,
		            "the shifts that start from %s %d %s %d %02d:%02d (--now) are planned "
		            "again, those before stay as kept.",
		            day, tm.tm_mday, month, tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
	} else {
		mu_buf_adds(b, "every shift is planned again.");
	}
}

void io_say_changes(struct mu_buf *b, const struct mu_changes *c)
{
	size_t i, n_added = 0, n_chosen = 0;
	for (i = 0; i < c->n_rows; i++) {
		if (c->rows[i].kind == MU_CHANGE_ADDED)
			n_added++;
		else if (!c->rows[i].is_forced)
			n_chosen++;
	}
	if (c->n_rows == 0) {
		if (c->n_kept == 0)
			mu_buf_adds(b, "No change: the kept plan has no bank assignment or agency "
			               "booking to keep.");
		else
			mu_buf_addf(
			    b,
			    "No change against the kept plan: its %zu bank assignment%s and "
			    "agency booking%s all stand.",
			    c->n_kept, c->n_kept == 1 ? "" : "s", c->n_kept == 1 ? "" : "s");
		return;
	}
	mu_buf_addf(b, "%zu change%s against the kept plan: ", c->n_rows,
	            c->n_rows == 1 ? "" : "s");
	if (c->n_forced > 0)
		mu_buf_addf(b, "%zu forced (no longer possible, so no penalty); ", c->n_forced);
	/* the plan is the best with its changes' penalties counted: a change is
	 * made when the objective (spend plus penalty weights) is lower with it,
	 * perhaps only together with others, not each on its own. Change
	 * penalties are weights (DESIGN.md §3): no pound sign. */
	if (n_chosen > 0) {
		mu_buf_addf(b, "%zu made at a change penalty (", n_chosen);
		io_say_weight(b, c->penalty);
		mu_buf_adds(b, " in all, in penalty weights), the re-plan's objective (spend plus "
		               "penalty weights) lower with them; ");
	} else {
		mu_buf_adds(b, "none made at a change penalty (");
		io_say_weight(b, c->change_penalty);
		mu_buf_adds(b, " each, in penalty weights); ");
	}
	if (n_added > 0)
		mu_buf_addf(b, "%zu added (new bookings carry no change penalty); ", n_added);
	mu_buf_addf(b, "%zu kept as they were.", c->n_kept);
}

/* "P role" of a cell. */
static void say_cell(struct mu_buf *b, const struct mu_scenario *sc, size_t partner, size_t role)
{
	mu_buf_addf(b, "%s %s", sc->partners[partner].id, sc->roles[role].id);
}

void io_say_shift_when(struct mu_buf *b, const struct mu_shift *s)
{
	static const char *const days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t t = (time_t)s->day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	/* 1970-01-01 was a Thursday; day may be before it */
	mu_buf_addf(b, "%s %d %s %02d:%02d–%02d:%02d", days[((s->day % 7) + 7) % 7], tm.tm_mday,
	            months[tm.tm_mon], s->start_min / 60, s->start_min % 60, s->end_min / 60,
	            s->end_min % 60);
}

void io_say_change(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_change *ch)
{
	mu_buf_addf(b, "%s: ", mu_change_kind_names[ch->kind]);
	if (ch->source == MU_SRC_BANK) {
		const struct mu_bank_worker *w = &sc->bank[ch->worker];
		mu_buf_addf(b, "bank worker %s (%s)", w->name, w->id);
	} else if (ch->offer != MU_ALL) {
		const struct mu_agency_offer *a = &sc->agency[ch->offer];
		mu_buf_addf(b, "%.4g agency staff of %s (%s, offer for %s)", ch->staff, a->supplier,
		            sc->roles[a->role].id,
		            a->partner == MU_ALL ? "*" : sc->partners[a->partner].id);
	} else {
		if (ch->supplier)
			mu_buf_addf(b, "%.4g agency staff of %s (offer gone)", ch->staff,
			            ch->supplier);
		else
			mu_buf_addf(b, "%.4g agency staff (offer gone)", ch->staff);
	}
	mu_buf_adds(b, ", ");
	io_say_shift_when(b, &sc->shifts[ch->shift]);
	mu_buf_addf(b, " (%s),", sc->shifts[ch->shift].id);
	if (ch->from_partner != MU_ALL) {
		mu_buf_adds(b, ch->kind == MU_CHANGE_MOVED ? " from " : " at ");
		say_cell(b, sc, ch->from_partner, ch->from_role);
	}
	if (ch->to_partner != MU_ALL) {
		mu_buf_adds(b, ch->kind == MU_CHANGE_MOVED ? " to " : " at ");
		say_cell(b, sc, ch->to_partner, ch->to_role);
	}
	if (ch->is_forced) {
		mu_buf_addf(b, "; forced (%s), no penalty", mu_keep_gone_names[ch->why]);
	} else if (ch->kind != MU_CHANGE_ADDED) {
		mu_buf_adds(b, "; change penalty ");
		io_say_weight(b, ch->penalty);
		mu_buf_adds(b, " in weights");
	}
}

/* "21st", "2nd", "13th". */
