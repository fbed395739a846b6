/*
 * io_report_calls.c - a re-plan's two lists for the telephone, made from its
 * changes against the kept plan (changes.csv is the record; these are for
 * acting on it): calls.csv, the bank workers to phone, and bookings.csv,
 * the agency bookings to make and to cancel, each in the order the shifts
 * start, so that the most urgent call comes first.
 */
#include "io/io_report.h"

#include "core/mu_alloc.h"
#include "io/io_csv.h"
#include "io/io_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line of either list: the change it comes from and, for bookings,
 * which side of it (a move is a cancellation and a new booking). */
struct call {
	const struct mu_change *ch;
	bool is_new; /* bookings: a booking to make (else to cancel) */
	long abs_start;
	const char *who; /* the worker's name or the supplier, for the order */
};

static int by_start(const void *x, const void *y)
{
	const struct call *a = x, *b = y;
	int c;
	if (a->abs_start != b->abs_start)
		return a->abs_start < b->abs_start ? -1 : 1;
	if ((c = strcmp(a->who, b->who)) != 0)
		return c;
	/* cancellations before new bookings; then as changes.csv lists them */
	if (a->is_new != b->is_new)
		return a->is_new ? 1 : -1;
	return (a->ch > b->ch) - (a->ch < b->ch);
}

/* date, start, end of shift s: "2026-12-03,07:00,15:00" */
static void write_when(FILE *fp, const struct mu_shift *s)
{
	char date[16];
	io_report_date_text(date, sizeof(date), s->day);
	fprintf(fp, "%s,%02d:%02d,%02d:%02d", date, s->start_min / 60, s->start_min % 60,
	        s->end_min / 60, s->end_min % 60);
}

static const char *partner_id(const struct mu_scenario *sc, size_t p)
{
	return p == MU_ALL ? "" : sc->partners[p].id;
}

static const char *partner_name(const struct mu_scenario *sc, size_t p)
{
	return p == MU_ALL ? "" : sc->partners[p].name;
}

static const char *role_id(const struct mu_scenario *sc, size_t r)
{
	return r == MU_ALL ? "" : sc->roles[r].id;
}

enum mu_code io_report_write_calls(const char *dir, const struct mu_scenario *sc,
                                   const struct mu_changes *changes, struct mu_err *err)
{
	struct io_file_out out;
	struct call *calls = mu_malloc((changes->n_rows + 1) * sizeof(*calls));
	size_t n = 0, i;
	if (io_file_open(&out, dir, "calls.csv", err) != MU_OK) {
		free(calls);
		return MU_E_IO;
	}
	for (i = 0; i < changes->n_rows; i++) {
		const struct mu_change *ch = &changes->rows[i];
		if (ch->source != MU_SRC_BANK)
			continue;
		calls[n++] =
		    (struct call){ch, ch->kind != MU_CHANGE_REMOVED,
		                  sc->shifts[ch->shift].abs_start, sc->bank[ch->worker].name};
	}
	if (n > 1)
		qsort(calls, n, sizeof(*calls), by_start);
	fputs("name,worker,change,shift,date,start,end,partner,partner_name,role,from_partner,"
	      "from_role,forced,reason\n",
	      out.fp);
	for (i = 0; i < n; i++) {
		const struct mu_change *ch = calls[i].ch;
		const struct mu_bank_worker *w = &sc->bank[ch->worker];
		bool is_removed = ch->kind == MU_CHANGE_REMOVED;
		/* where the worker now goes, or, removed, no longer goes */
		size_t p = is_removed ? ch->from_partner : ch->to_partner;
		size_t r = is_removed ? ch->from_role : ch->to_role;
		bool is_moved = ch->kind == MU_CHANGE_MOVED;
		const char *head[] = {w->name, w->id, mu_change_kind_names[ch->kind],
		                      sc->shifts[ch->shift].id};
		const char *tail[] = {partner_id(sc, p),
		                      partner_name(sc, p),
		                      role_id(sc, r),
		                      is_moved ? partner_id(sc, ch->from_partner) : "",
		                      is_moved ? role_id(sc, ch->from_role) : "",
		                      ch->is_forced ? "yes" : "no",
		                      mu_keep_gone_names[ch->why]};
		io_csv_write_row(out.fp, head, sizeof(head) / sizeof(head[0]));
		fputc(',', out.fp);
		write_when(out.fp, &sc->shifts[ch->shift]);
		fputc(',', out.fp);
		io_csv_write_row(out.fp, tail, sizeof(tail) / sizeof(tail[0]));
		fputc('\n', out.fp);
	}
	free(calls);
	return io_file_close(&out, err);
}

enum mu_code io_report_write_bookings(const char *dir, const struct mu_scenario *sc,
                                      const struct mu_changes *changes, struct mu_err *err)
{
	struct io_file_out out;
	/* a move is two lines */
	struct call *lines = mu_malloc((2 * changes->n_rows + 1) * sizeof(*lines));
	size_t n = 0, i;
	if (io_file_open(&out, dir, "bookings.csv", err) != MU_OK) {
		free(lines);
		return MU_E_IO;
	}
	for (i = 0; i < changes->n_rows; i++) {
		const struct mu_change *ch = &changes->rows[i];
		long start = sc->shifts[ch->shift].abs_start;
		const char *who = ch->supplier ? ch->supplier : "";
		if (ch->source != MU_SRC_AGENCY)
			continue;
		if (ch->kind != MU_CHANGE_ADDED)
			lines[n++] = (struct call){ch, false, start, who};
		if (ch->kind != MU_CHANGE_REMOVED)
			lines[n++] = (struct call){ch, true, start, who};
	}
	if (n > 1)
		qsort(lines, n, sizeof(*lines), by_start);
	fputs("booking,supplier,offer,partner,partner_name,role,shift,date,start,end,staff,forced,"
	      "reason\n",
	      out.fp);
	for (i = 0; i < n; i++) {
		const struct mu_change *ch = lines[i].ch;
		const struct mu_agency_offer *a =
		    ch->offer != MU_ALL ? &sc->agency[ch->offer] : NULL;
		size_t p = lines[i].is_new ? ch->to_partner : ch->from_partner;
		size_t r = lines[i].is_new ? ch->to_role : ch->from_role;
		const char *head[] = {lines[i].is_new ? "new" : "cancelled",
		                      lines[i].who,
		                      !a                     ? ""
		                      : a->partner == MU_ALL ? "*"
		                                             : sc->partners[a->partner].id,
		                      partner_id(sc, p),
		                      partner_name(sc, p),
		                      role_id(sc, r),
		                      sc->shifts[ch->shift].id};
		/* a cancellation forced by the scenario (the offer or the demand
		 * row gone) says why; a new booking never is */
		bool is_forced = !lines[i].is_new && ch->is_forced;
		io_csv_write_row(out.fp, head, sizeof(head) / sizeof(head[0]));
		fputc(',', out.fp);
		write_when(out.fp, &sc->shifts[ch->shift]);
		fprintf(out.fp, ",%.10g,%s,", ch->staff, is_forced ? "yes" : "no");
		io_csv_write_text(out.fp, is_forced ? mu_keep_gone_names[ch->why] : "");
		fputc('\n', out.fp);
	}
	free(lines);
	return io_file_close(&out, err);
}
