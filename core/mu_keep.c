/*
 * mu_keep.c - the kept plan of DESIGN.md §3b: its rows, which of them can
 * still be kept, and what a new plan changed against it (changes.csv).
 */
#include "mu_keep.h"

#include "core/mu_alloc.h"

#include <math.h>
#include <stdlib.h>

#define EPS 1e-6

const char *const mu_keep_gone_names[MU_KEEP_GONE_COUNT] = {
    [MU_KEEP_POSSIBLE] = "",
    [MU_KEEP_NO_DEMAND] = "demand row gone",
    [MU_KEEP_NOT_OFFERED] = "shift no longer offered",
    [MU_KEEP_NOT_CLEARED] = "no longer possible there",
    [MU_KEEP_OFFER_GONE] = "agency offer gone",
};

const char *const mu_change_kind_names[3] = {
    [MU_CHANGE_ADDED] = "added",
    [MU_CHANGE_REMOVED] = "removed",
    [MU_CHANGE_MOVED] = "moved",
};

struct mu_keep *mu_keep_new(void)
{
	return mu_calloc(1, sizeof(struct mu_keep));
}

void mu_keep_free(struct mu_keep *k)
{
	size_t i;
	if (!k)
		return;
	for (i = 0; i < k->n_rows; i++)
		free(k->rows[i].supplier);
	free(k->rows);
	free(k->source);
	free(k);
}

void mu_keep_add_row(struct mu_keep *k, const struct mu_keep_row *r)
{
	MU_GROW(k->rows, k->cap_rows, k->n_rows + 1);
	k->rows[k->n_rows] = *r;
	k->rows[k->n_rows++].supplier = r->supplier ? mu_strdup(r->supplier) : NULL;
}

bool mu_keep_is_past(const struct mu_keep *k, const struct mu_scenario *sc, size_t s)
{
	return k && k->has_now && sc->shifts[s].abs_start < k->now;
}

/* Whether role may cover role covers (itself, or a substitutions.csv row). */
static bool may_cover(const struct mu_scenario *sc, size_t role, size_t covers)
{
	size_t i;
	if (role == covers)
		return true;
	for (i = 0; i < sc->n_substitutions; i++)
		if (sc->substitutions[i].role == role && sc->substitutions[i].covers == covers)
			return true;
	return false;
}

enum mu_keep_gone mu_keep_row_gone(const struct mu_scenario *sc, const struct mu_keep_row *r)
{
	if (r->demand == MU_ALL || !may_cover(sc, r->worker_role, r->role))
		return MU_KEEP_NO_DEMAND;
	if (r->source == MU_SRC_BANK) {
		if (r->availability == MU_ALL)
			return MU_KEEP_NOT_OFFERED;
		if (!mu_scenario_is_cleared(&sc->bank[r->worker], r->partner))
			return MU_KEEP_NOT_CLEARED;
	}
	if (r->source == MU_SRC_AGENCY && r->offer == MU_ALL)
		return MU_KEEP_OFFER_GONE;
	return MU_KEEP_POSSIBLE;
}

/* Staff of one (partner, role) cell of one worker or offer on one shift,
 * kept and now. */
struct cell {
	size_t partner, role, kept_row; /* kept_row: MU_ALL when only new */
	double kept, now;
};

struct cells {
	struct cell *items;
	size_t n, cap;
};

static struct cell *cell_at(struct cells *c, size_t partner, size_t role)
{
	size_t i;
	for (i = 0; i < c->n; i++)
		if (c->items[i].partner == partner && c->items[i].role == role)
			return &c->items[i];
	MU_GROW(c->items, c->cap, c->n + 1);
	c->items[c->n] = (struct cell){partner, role, MU_ALL, 0, 0};
	return &c->items[c->n++];
}

static void add_change(struct mu_changes *out, const struct mu_change *ch)
{
	size_t from = ch->from_partner, to = ch->to_partner;
	MU_GROW(out->rows, out->cap_rows, out->n_rows + 1);
	out->rows[out->n_rows++] = *ch;
	out->penalty += ch->penalty;
	if (ch->is_forced)
		out->n_forced++;
	/* a move counts at both ends; its penalty where the kept one was */
	if (from != MU_ALL) {
		out->by_partner[from]++;
		out->penalty_by_partner[from] += ch->penalty;
	}
	if (to != MU_ALL && to != from)
		out->by_partner[to]++;
}

/* The changes of one worker (bank) or offer (agency) on one shift: each
 * cell's staff removed, then added; a removal and an addition pair up as
 * a move (removal's penalty and forcing kept). */
static void diff_cells(struct mu_changes *out, const enum mu_keep_gone *gone, const struct cells *c,
                       const struct mu_change *proto, double change_penalty)
{
	size_t i, j;
	struct mu_change *removed = mu_malloc((c->n + 1) * sizeof(*removed));
	struct mu_change *added = mu_malloc((c->n + 1) * sizeof(*added));
	size_t n_removed = 0, n_added = 0;
	for (i = 0; i < c->n; i++) {
		const struct cell *e = &c->items[i];
		double d = e->now - e->kept;
		if (d < -EPS) {
			struct mu_change ch = *proto;
			enum mu_keep_gone g =
			    e->kept_row == MU_ALL ? MU_KEEP_POSSIBLE : gone[e->kept_row];
			ch.kind = MU_CHANGE_REMOVED;
			ch.from_partner = e->partner;
			ch.from_role = e->role;
			ch.staff = -d;
			ch.is_forced = g != MU_KEEP_POSSIBLE;
			ch.why = g;
			ch.penalty = ch.is_forced ? 0 : change_penalty * -d;
			removed[n_removed++] = ch;
		} else if (d > EPS) {
			struct mu_change ch = *proto;
			ch.kind = MU_CHANGE_ADDED;
			ch.to_partner = e->partner;
			ch.to_role = e->role;
			ch.staff = d;
			added[n_added++] = ch;
		} else if (e->kept > EPS) {
			out->n_kept++;
		}
	}
	/* pair removals with additions, in order, as far as their staff go */
	for (i = 0, j = 0; i < n_removed; i++) {
		struct mu_change *r = &removed[i];
		while (r->staff > EPS && j < n_added) {
			struct mu_change *a = &added[j];
			double m = r->staff < a->staff ? r->staff : a->staff;
			struct mu_change mv = *r;
			mv.kind = MU_CHANGE_MOVED;
			mv.to_partner = a->to_partner;
			mv.to_role = a->to_role;
			mv.staff = m;
			mv.penalty = r->staff > 0 ? r->penalty * m / r->staff : 0;
			add_change(out, &mv);
			r->penalty -= mv.penalty;
			r->staff -= m;
			a->staff -= m;
			if (a->staff <= EPS)
				j++;
		}
		if (r->staff > EPS)
			add_change(out, r);
	}
	for (; j < n_added; j++)
		if (added[j].staff > EPS)
			add_change(out, &added[j]);
	free(removed);
	free(added);
}

/* The rows of one bank worker, or one agency offer, on one shift. */
struct group {
	enum mu_source source;
	size_t who, shift;
};

static int cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->who != y->who)
		return x->who < y->who ? -1 : 1;
	if (x->shift != y->shift)
		return x->shift < y->shift ? -1 : 1;
	return 0;
}

/* A kept or plan row under its group, to sort: by group, kept rows before
 * plan rows, each in row order (the order the cells are met in). */
struct entry {
	struct group g;
	bool is_plan;
	size_t row;
};

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = cmp_group(&x->g, &y->g);
	if (c != 0)
		return c;
	if (x->is_plan != y->is_plan)
		return x->is_plan ? 1 : -1;
	return (x->row > y->row) - (x->row < y->row);
}

struct mu_changes *mu_keep_changes(const struct mu_keep *k, const struct mu_scenario *sc,
                                   const struct mu_plan *plan, const enum mu_keep_gone *gone,
                                   double change_penalty)
{
	struct mu_changes *out = mu_calloc(1, sizeof(*out));
	struct entry *e = mu_malloc((k->n_rows + plan->n_rows + 1) * sizeof(*e));
	struct cells c = {NULL, 0, 0};
	size_t n = 0, i, j;

	out->n_partners = sc->n_partners;
	out->change_penalty = change_penalty;
	out->by_partner = mu_calloc(sc->n_partners + 1, sizeof(size_t));
	out->penalty_by_partner = mu_calloc(sc->n_partners + 1, sizeof(double));
	/* every (source, worker or offer, shift) either plan has, with its rows:
	 * sorted once, so that each group's rows are together */
	for (i = 0; i < k->n_rows; i++) {
		const struct mu_keep_row *r = &k->rows[i];
		if (r->source == MU_SRC_BANK)
			e[n++] = (struct entry){{MU_SRC_BANK, r->worker, r->shift}, false, i};
		else if (r->source == MU_SRC_AGENCY && r->offer != MU_ALL)
			e[n++] = (struct entry){{MU_SRC_AGENCY, r->offer, r->shift}, false, i};
		else if (r->source == MU_SRC_AGENCY) /* its offer is gone: one group each */
			e[n++] =
			    (struct entry){{MU_SRC_AGENCY, sc->n_agency + i, r->shift}, false, i};
	}
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *r = &plan->rows[i];
		if (r->source == MU_SRC_BANK)
			e[n++] = (struct entry){{MU_SRC_BANK, r->worker, r->shift}, true, i};
		else if (r->source == MU_SRC_AGENCY)
			e[n++] = (struct entry){{MU_SRC_AGENCY, r->offer, r->shift}, true, i};
	}
	if (n > 1)
		qsort(e, n, sizeof(*e), cmp_entry);
	for (i = 0; i < n; i = j) {
		struct mu_change proto = {.from_partner = MU_ALL,
		                          .from_role = MU_ALL,
		                          .to_partner = MU_ALL,
		                          .to_role = MU_ALL};
		bool is_bank = e[i].g.source == MU_SRC_BANK;
		c.n = 0;
		for (j = i; j < n && cmp_group(&e[j].g, &e[i].g) == 0; j++) {
			if (e[j].is_plan) {
				const struct mu_plan_row *r = &plan->rows[e[j].row];
				cell_at(&c, r->partner, r->role)->now += r->staff;
			} else {
				const struct mu_keep_row *r = &k->rows[e[j].row];
				struct cell *cell = cell_at(&c, r->partner, r->role);
				cell->kept += r->staff;
				cell->kept_row = e[j].row;
			}
		}
		proto.source = e[i].g.source;
		proto.worker = is_bank ? e[i].g.who : MU_ALL;
		proto.offer = !is_bank && e[i].g.who < sc->n_agency ? e[i].g.who : MU_ALL;
		/* a gone offer's group is its one kept row (e[i], kept rows first) */
		proto.supplier = is_bank                 ? NULL
		                 : proto.offer != MU_ALL ? sc->agency[proto.offer].supplier
		                                         : k->rows[e[i].row].supplier;
		proto.shift = e[i].g.shift;
		diff_cells(out, gone, &c, &proto, change_penalty);
	}
	free(c.items);
	free(e);
	return out;
}

void mu_changes_free(struct mu_changes *c)
{
	if (!c)
		return;
	free(c->rows);
	free(c->by_partner);
	free(c->penalty_by_partner);
	free(c);
}
