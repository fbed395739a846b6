/*
 * io_causes.c - the wording of an error that many places share (DESIGN.md
 * §2: reported once, at the first place it shows, with the cause and a
 * count): an unknown id with its likely new name, a column of dates or of
 * numbers a spreadsheet formatted, a role with no bank_rate. io_table.c
 * counts the places while the files are read; this words the first one.
 */
#include "io_scenario_int.h"

#include "core/mu_parse.h"

#include <stdio.h>
#include <string.h>

static unsigned count_bits(unsigned x)
{
	unsigned n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* The id at index i of the table ids stands for. */
static const char *id_at(const struct io_loader *ld, const struct io_id_set *ids, size_t i)
{
	const struct mu_scenario *sc = ld->sc;
	if (ids == &ld->partners)
		return i < sc->n_partners ? sc->partners[i].id : NULL;
	if (ids == &ld->roles)
		return i < sc->n_roles ? sc->roles[i].id : NULL;
	if (ids == &ld->shifts)
		return i < sc->n_shifts ? sc->shifts[i].id : NULL;
	return i < sc->n_bank ? sc->bank[i].id : NULL;
}

/* The edit distance (insertions, deletions, substitutions) between a and
 * b, both at most MU_ID_MAX bytes. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, row[MU_ID_MAX + 1];
	if (la > MU_ID_MAX || lb > MU_ID_MAX)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t above = row[j];
			size_t best = diagonal + (a[i - 1] != b[j - 1]);
			best = row[j] + 1 < best ? row[j] + 1 : best;
			best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
			row[j] = best;
			diagonal = above;
		}
	}
	return row[lb];
}

/* The one id a slip of the keyboard away from s: an id of 4 bytes or more
 * within 1 edit (2 from 8 bytes on), and no other as near; NULL when none
 * or several. Short ids are left alone: 'x' is one edit from every
 * one-letter id. */
static const char *near_id(const struct io_loader *ld, const struct io_id_set *ids, const char *s)
{
	size_t len = strlen(s), most = len >= 8 ? 2 : 1, best = SIZE_MAX, n_best = 0, i, d;
	const char *id, *found = NULL;
	if (len < 4)
		return NULL;
	for (i = 0; (id = id_at(ld, ids, i)) != NULL; i++) {
		d = edit_distance(s, id);
		if (d < best) {
			best = d;
			found = id;
			n_best = 1;
		} else if (d == best) {
			n_best++;
		}
	}
	return best <= most && n_best == 1 ? found : NULL;
}

/* What an unknown id probably is: the same id in another case (ids are
 * case-sensitive; a spreadsheet capitalises), or, when it is named in many
 * places, the one id of its table that nothing names (renamed in one file
 * only), or an id one slip of the keyboard away (*is_near). Writes the id
 * into out ("" when there is none). */
static void suggest_id(const struct io_loader *ld, const struct io_cause *c, char *out, size_t size,
                       bool *is_case, bool *is_near)
{
	const char *unnamed = NULL, *near;
	size_t i, n_unnamed = 0;
	const char *id;
	out[0] = '\0';
	*is_case = *is_near = false;
	for (i = 0; (id = id_at(ld, c->ids, i)) != NULL; i++) {
		if (mu_parse_keyword_eq(c->value, strlen(c->value), id)) {
			snprintf(out, size, "%s", id);
			*is_case = true;
			return;
		}
		if (i >= c->ids->n_named || !c->ids->is_named[i]) {
			unnamed = id;
			n_unnamed++;
		}
	}
	if (n_unnamed == 1 && c->n_places > 1) {
		snprintf(out, size, "%s", unnamed);
	} else if ((near = near_id(ld, c->ids, c->value)) != NULL) {
		snprintf(out, size, "%s", near);
		*is_near = true;
	}
}

/* "3 April" for "2026-04-03". */
static void day_and_month(const char *date, char *out, size_t size)
{
	static const char *const months[] = {"January",   "February", "March",    "April",
	                                     "May",       "June",     "July",     "August",
	                                     "September", "October",  "November", "December"};
	int m = (date[5] - '0') * 10 + (date[6] - '0'), d = (date[8] - '0') * 10 + (date[9] - '0');
	snprintf(out, size, "%d %s", d, months[m - 1]);
}

/* The fix for a column of dates written 30/11/2026: the first one
 * rewritten, and when it reads as two dates, which one the column's other
 * dates say it is, or both. */
static void word_date_form(const struct io_cause *c, char *msg, size_t size)
{
	size_t used = strlen(msg);
	const char *day = c->dates[0], *month = c->dates[1];
	char a[32], b[32];
	if (!day[0] || !month[0] || strcmp(day, month) == 0)
		snprintf(msg + used, size - used, ": dates are YYYY-MM-DD: write %s%s",
		         day[0] ? day : month, day[0] ? "" : " (it is month first)");
	else if (c->n_only[0] > 0 && c->n_only[1] == 0)
		snprintf(msg + used, size - used,
		         ": dates are YYYY-MM-DD: write %s (day first, as other dates in this "
		         "column are)",
		         day);
	else if (c->n_only[1] > 0 && c->n_only[0] == 0)
		snprintf(msg + used, size - used,
		         ": dates are YYYY-MM-DD: write %s (month first, as other dates in this "
		         "column are)",
		         month);
	else {
		day_and_month(day, a, sizeof(a));
		day_and_month(month, b, sizeof(b));
		snprintf(msg + used, size - used,
		         ": dates are YYYY-MM-DD: write %s if it means %s, %s if it means %s", day,
		         a, month, b);
	}
	used = strlen(msg);
	if (c->n_places > 1)
		snprintf(msg + used, size - used,
		         " (and %zu more date%s like it in this column: format the column as "
		         "yyyy-mm-dd before saving)",
		         c->n_places - 1, c->n_places == 2 ? "" : "s");
}

void io_causes_word(struct io_loader *ld)
{
	size_t i;
	for (i = 0; i < ld->n_causes; i++) {
		const struct io_cause *c = &ld->causes[i];
		struct mu_err *e;
		size_t used;
		unsigned n_files = count_bits(c->files);
		if (!ld->errors || c->item == SIZE_MAX)
			continue;
		e = &ld->errors->items[c->item];
		used = strlen(e->msg);
		switch (c->kind) {
		case IO_CAUSE_UNKNOWN_ID: {
			char like[128], why[256] = "";
			bool is_case, is_near;
			suggest_id(ld, c, like, sizeof(like), &is_case, &is_near);
			if (is_case)
				snprintf(why, sizeof(why),
				         "did you mean '%s'? ids are case-sensitive", like);
			else if (is_near)
				snprintf(why, sizeof(why), "did you mean '%s'? %s has no such id",
				         like, c->ids->file);
			else if (like[0])
				snprintf(why, sizeof(why), "%s has no such id: renamed '%s'?",
				         c->ids->file, like);
			else
				snprintf(why, sizeof(why), "%s has no such id: renamed?",
				         c->ids->file);
			if (c->n_places > 1)
				snprintf(e->msg + used, sizeof(e->msg) - used,
				         " (%zu references in %u file%s; %s)", c->n_places, n_files,
				         n_files == 1 ? "" : "s", why);
			else if (is_case || is_near)
				snprintf(e->msg + used, sizeof(e->msg) - used, " (%s)", why);
			break;
		}
		case IO_CAUSE_DATE_FORM:
			word_date_form(c, e->msg, sizeof(e->msg));
			break;
		case IO_CAUSE_NUMBER_FORM:
			if (c->n_places > 1)
				snprintf(
				    e->msg + used, sizeof(e->msg) - used,
				    " (and %zu more number%s like it in this column: format the "
				    "column as Number, not Scientific, before saving)",
				    c->n_places - 1, c->n_places == 2 ? "" : "s");
			break;
		case IO_CAUSE_NO_BANK_RATE:
			if (c->n_places > 1)
				snprintf(e->msg, sizeof(e->msg),
				         "role '%s' has no bank_rate in caps.csv, so its %zu bank "
				         "workers cannot be costed",
				         c->value, c->n_places);
			break;
		case IO_CAUSE_NO_CAPS:
			if (c->n_places > 1)
				snprintf(
				    e->msg, sizeof(e->msg),
				    "role '%s' has no bank_rate: there is no caps.csv, so none "
				    "of the %zu bank workers can be costed (caps.csv gives each "
				    "role's bank_rate)",
				    c->value, c->n_places);
			else
				snprintf(e->msg, sizeof(e->msg),
				         "role '%s' has no bank_rate: there is no caps.csv, so the "
				         "worker cannot be costed (caps.csv gives each role's "
				         "bank_rate)",
				         c->value);
			break;
		}
	}
}
