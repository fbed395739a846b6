/*
 * pol_why.c - why a demand row is left short (why.csv, DESIGN.md §4): for
 * each source that could cover it, what stops it covering more, read from
 * the solved plan against the rules of §3 - the limit that is used up (the
 * staff row, rotatable, the agreement's places, the worker's rest or hours,
 * the offer's capacity, a budget, the break-glass rule), or that it costs
 * more than leaving the row short; or that nobody of that source could ever
 * reach it. Plan-based rather than dual-based, so that it says the same in
 * rota mode (which has no duals) as in plan mode, and names the people and
 * offers a workforce lead can act on.
 */
#include "pol_why.h"

#include "core/mu_alloc.h"
#include "policies/pol_build.h"

#include <stdlib.h>
#include <string.h>

#define EPS 1e-6

/* What the plan uses of each limit. */
struct usage {
	double *staff_used;    /* per staff row: own + lent */
	double *staff_lent;    /* per staff row */
	size_t *staff_at;      /* (partner, role, shift) -> staff row or MU_ALL */
	double *agreement_use; /* agreement x shift */
	double *capacity_use;  /* agency row x shift */
	double *glass_heads;   /* per demand row */
	double *agency_spend;  /* per partner, [n_partners] the system */
	double *worker_hours;  /* per bank worker */
	double *worker_on;     /* bank worker x shift */
	/* availability rows and staff rows by shift: [first[s], first[s + 1]) */
	size_t *offer_first, *offers, *staff_first, *staff_rows;
};

/* Indices 0..n of items grouped by shift_of(i), into first (n_shifts + 1)
 * and order (n). */
static void by_shift(size_t n, size_t n_shifts, const size_t *shift_of, size_t **first,
                     size_t **order)
{
	size_t *at = mu_calloc(n_shifts + 2, sizeof(size_t)), i;
	*first = mu_calloc(n_shifts + 2, sizeof(size_t));
	*order = mu_malloc((n + 1) * sizeof(size_t));
	for (i = 0; i < n; i++)
		(*first)[shift_of[i] + 1]++;
	for (i = 0; i < n_shifts; i++)
		(*first)[i + 1] += (*first)[i];
	for (i = 0; i < n; i++)
		(*order)[(*first)[shift_of[i]] + at[shift_of[i]]++] = i;
	free(at);
}

static void usage_init(struct usage *u, const struct mu_scenario *sc, const struct mu_plan *plan)
{
	size_t np = sc->n_partners, nr = sc->n_roles, ns = sc->n_shifts, i;
	u->staff_used = mu_calloc(sc->n_staff + 1, sizeof(double));
	u->staff_lent = mu_calloc(sc->n_staff + 1, sizeof(double));
	u->staff_at = mu_malloc((np * nr * ns + 1) * sizeof(size_t));
	u->agreement_use = mu_calloc(sc->n_agreements * ns + 1, sizeof(double));
	u->capacity_use = mu_calloc(sc->n_agency * ns + 1, sizeof(double));
	u->glass_heads = mu_calloc(sc->n_demand + 1, sizeof(double));
	u->agency_spend = mu_calloc(np + 1, sizeof(double));
	u->worker_hours = mu_calloc(sc->n_bank + 1, sizeof(double));
	u->worker_on = mu_calloc(sc->n_bank * ns + 1, sizeof(double));
	{
		size_t n = sc->n_availability > sc->n_staff ? sc->n_availability : sc->n_staff;
		size_t *shift_of = mu_malloc((n + 1) * sizeof(size_t));
		for (i = 0; i < sc->n_availability; i++)
			shift_of[i] = sc->availability[i].shift;
		by_shift(sc->n_availability, ns, shift_of, &u->offer_first, &u->offers);
		for (i = 0; i < sc->n_staff; i++)
			shift_of[i] = sc->staff[i].shift;
		by_shift(sc->n_staff, ns, shift_of, &u->staff_first, &u->staff_rows);
		free(shift_of);
	}
	for (i = 0; i < np * nr * ns; i++)
		u->staff_at[i] = MU_ALL;
	for (i = 0; i < sc->n_staff; i++) {
		const struct mu_staff *f = &sc->staff[i];
		u->staff_at[(f->partner * nr + f->role) * ns + f->shift] = i;
	}
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *r = &plan->rows[i];
		size_t f;
		switch (r->source) {
		case MU_SRC_OWN:
		case MU_SRC_LEND:
			f = u->staff_at[(r->home * nr + r->worker_role) * ns + r->shift];
			if (f == MU_ALL)
				break;
			u->staff_used[f] += r->staff;
			if (r->source == MU_SRC_LEND) {
				u->staff_lent[f] += r->staff;
				u->agreement_use[r->offer * ns + r->shift] += r->staff;
			}
			break;
		case MU_SRC_BANK:
			u->worker_hours[r->worker] += r->hours;
			u->worker_on[r->worker * ns + r->shift] += r->staff;
			break;
		case MU_SRC_AGENCY:
			u->capacity_use[r->offer * ns + r->shift] += r->staff;
			u->agency_spend[r->partner] += r->spend;
			u->agency_spend[np] += r->spend;
			if (pol_agency_is_break_glass(sc, &sc->agency[r->offer]))
				u->glass_heads[r->demand] += r->staff;
			break;
		default:
			break;
		}
	}
}

static void usage_release(struct usage *u)
{
	free(u->staff_used);
	free(u->staff_lent);
	free(u->staff_at);
	free(u->agreement_use);
	free(u->capacity_use);
	free(u->glass_heads);
	free(u->agency_spend);
	free(u->worker_hours);
	free(u->worker_on);
	free(u->offer_first);
	free(u->offers);
	free(u->staff_first);
	free(u->staff_rows);
}

/* The reasons of one source for one demand row, gathered before they are
 * added: one row per (reason, limit), counting its subjects. */
struct tally {
	struct mu_why_row rows[MU_WHY_COUNT * MU_ROW_KIND_COUNT];
	size_t n_candidates;
};

static void tally_add(struct tally *t, enum mu_why_reason reason, enum mu_row_kind limit,
                      size_t subject, double cost, double cash)
{
	struct mu_why_row *r = &t->rows[reason * MU_ROW_KIND_COUNT + limit];
	if (r->n_subjects == 0 || cost < r->cost) {
		r->cost = cost;
		r->cash = cash;
		if (r->n_subjects == 0)
			r->subject = subject;
	}
	r->n_subjects++;
	t->n_candidates++;
}

/* A limit binds on a candidate: no cost to tell. */
static void tally_limit(struct tally *t, enum mu_why_reason reason, enum mu_row_kind limit,
                        size_t subject)
{
	tally_add(t, reason, limit, subject, 0, 0);
}

/* A candidate that nothing stops, at cash plus weights (penalty weights:
 * tier, break-glass) a staff covered: it costs more than the row's penalty,
 * or it does not, and the plan leaves it unused all the same. */
static void tally_free(struct tally *t, size_t subject, double cash, double weights, double penalty)
{
	double cost = cash + weights;
	tally_add(t, cost > penalty + EPS ? MU_WHY_COSTS_MORE : MU_WHY_UNUSED, MU_ROW_CUT, subject,
	          cost, cash);
}

struct why_ctx {
	const struct pol_build *b;
	const struct mu_scenario *sc;
	const struct usage *u;
	size_t d;
	double penalty; /* per staff left uncovered */
};

static double efficiency(const struct why_ctx *x, size_t role)
{
	return x->b->efficiency[role * x->sc->n_roles + x->sc->demand[x->d].role];
}

static void why_own(const struct why_ctx *x, struct tally *t)
{
	const struct mu_scenario *sc = x->sc;
	const struct mu_demand *dm = &sc->demand[x->d];
	size_t r;
	for (r = 0; r < sc->n_roles; r++) {
		size_t f =
		    x->u->staff_at[(dm->partner * sc->n_roles + r) * sc->n_shifts + dm->shift];
		if (f == MU_ALL || efficiency(x, r) <= 0 || sc->staff[f].available == 0)
			continue;
		if (x->u->staff_used[f] >= (double)sc->staff[f].available - EPS)
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_STAFF, f);
		else
			tally_free(t, f, 0, 0, x->penalty);
	}
}

static void why_lend(const struct why_ctx *x, struct tally *t)
{
	const struct mu_scenario *sc = x->sc;
	const struct mu_demand *dm = &sc->demand[x->d];
	size_t k;
	for (k = x->u->staff_first[dm->shift]; k < x->u->staff_first[dm->shift + 1]; k++) {
		size_t f = x->u->staff_rows[k];
		const struct mu_staff *st = &sc->staff[f];
		size_t g;
		const struct mu_agreement *ag;
		/* a lender outside the coalition (or any, in a silo) cannot reach */
		if (st->shift != dm->shift || st->partner == dm->partner || st->rotatable == 0 ||
		    efficiency(x, st->role) <= 0 ||
		    !pol_build_is_together(x->b, st->partner, dm->partner))
			continue;
		g = mu_scenario_agreement_for(sc, st->partner, dm->partner, st->role);
		if (g == MU_ALL || sc->agreements[g].max_per_shift == 0)
			continue;
		ag = &sc->agreements[g];
		if (x->u->staff_lent[f] >= (double)st->rotatable - EPS)
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_ROTATABLE, f);
		else if (x->u->staff_used[f] >= (double)st->available - EPS)
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_STAFF, f);
		else if (ag->max_per_shift != MU_UNLIMITED &&
		         x->u->agreement_use[g * sc->n_shifts + dm->shift] >=
		             (double)ag->max_per_shift - EPS)
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_AGREEMENT, g);
		else
			tally_free(t, g, ag->travel_cost / efficiency(x, st->role), 0, x->penalty);
	}
}

/* True when worker w works a shift other than s whose rest-extended span
 * meets s's, or s itself elsewhere. */
static bool is_resting(const struct why_ctx *x, size_t w, size_t s)
{
	const struct mu_scenario *sc = x->sc;
	long rest = (long)(sc->settings.min_rest_hours * 60 + 0.5);
	const struct mu_shift *a = &sc->shifts[s];
	size_t k;
	for (k = 0; k < sc->n_shifts; k++) {
		const struct mu_shift *o = &sc->shifts[k];
		if (x->u->worker_on[w * sc->n_shifts + k] <= EPS)
			continue;
		if (k == s ? x->u->worker_on[w * sc->n_shifts + k] >= 1 - EPS
		           : o->abs_start < a->abs_end + rest && a->abs_start < o->abs_end + rest)
			return true;
	}
	return false;
}

static void why_bank(const struct why_ctx *x, struct tally *t)
{
	const struct mu_scenario *sc = x->sc;
	const struct mu_demand *dm = &sc->demand[x->d];
	const struct mu_shift *s = &sc->shifts[dm->shift];
	size_t k;
	for (k = x->u->offer_first[dm->shift]; k < x->u->offer_first[dm->shift + 1]; k++) {
		size_t i = x->u->offers[k], w = sc->availability[i].worker;
		const struct mu_bank_worker *bw = &sc->bank[w];
		const struct mu_cap *cap;
		if (sc->availability[i].shift != dm->shift || efficiency(x, bw->role) <= 0 ||
		    !mu_scenario_is_cleared(bw, dm->partner) ||
		    !pol_build_is_together(x->b, bw->home, dm->partner))
			continue;
		cap = mu_scenario_cap(sc, bw->role);
		if (is_resting(x, w, dm->shift))
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_REST, w);
		else if (x->u->worker_hours[w] + s->paid_hours > bw->max_hours + EPS)
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_HOURS, w);
		else
			tally_free(t, w,
			           cap->bank_rate * pol_shift_factor(s) * s->paid_hours /
			               efficiency(x, bw->role),
			           0, x->penalty);
	}
}

static void why_agency(const struct why_ctx *x, struct tally *t)
{
	const struct mu_scenario *sc = x->sc;
	const struct mu_settings *set = &sc->settings;
	const struct mu_demand *dm = &sc->demand[x->d];
	const struct mu_shift *s = &sc->shifts[dm->shift];
	size_t a, np = sc->n_partners;
	for (a = 0; a < sc->n_agency; a++) {
		const struct mu_agency_offer *off = &sc->agency[a];
		bool is_glass = pol_agency_is_break_glass(sc, off);
		double spend = off->rate * pol_shift_factor(s) * s->paid_hours;
		const struct mu_partner *p = &sc->partners[dm->partner];
		if ((off->partner != MU_ALL && off->partner != dm->partner) || off->capacity == 0 ||
		    efficiency(x, off->role) <= 0)
			continue;
		if (is_glass && !set->allow_break_glass)
			tally_limit(t, MU_WHY_NOT_ALLOWED, MU_ROW_BREAK_GLASS, a);
		else if (is_glass && x->u->glass_heads[x->d] >= dm->minimum - EPS)
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_BREAK_GLASS, a);
		else if (off->capacity != MU_UNLIMITED &&
		         x->u->capacity_use[a * sc->n_shifts + dm->shift] >=
		             (double)off->capacity - EPS)
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_CAPACITY, a);
		else if ((p->has_agency_budget &&
		          x->u->agency_spend[dm->partner] > p->agency_budget - spend + EPS) ||
		         (set->has_agency_budget &&
		          x->u->agency_spend[np] > set->agency_budget - spend + EPS))
			tally_limit(t, MU_WHY_LIMIT, MU_ROW_BUDGET, a);
		else
			tally_free(t, a, spend / efficiency(x, off->role),
			           (set->tier_penalty * (double)(off->tier - 1) +
			            (is_glass ? set->break_glass_penalty : 0)) /
			               efficiency(x, off->role),
			           x->penalty);
	}
}

/* True when partner p works alone (a silo, or outside the coalition, or its
 * only member): lending is then no source of its at all, not one that
 * cannot reach. */
static bool works_alone(const struct pol_build *b, size_t p)
{
	size_t q;
	for (q = 0; q < b->sc->n_partners; q++)
		if (q != p && pol_build_is_together(b, p, q))
			return false;
	return true;
}

static void add_row(struct mu_why *why, const struct mu_why_row *r)
{
	MU_GROW(why->rows, why->cap_rows, why->n_rows + 1);
	why->rows[why->n_rows++] = *r;
}

struct mu_why *pol_why_new(const struct pol_solved *s)
{
	const struct pol_build *b = s->build;
	const struct mu_plan *plan = s->plan;
	static void (*const sources[])(const struct why_ctx *, struct tally *) = {
	    [MU_SRC_OWN] = why_own,
	    [MU_SRC_LEND] = why_lend,
	    [MU_SRC_BANK] = why_bank,
	    [MU_SRC_AGENCY] = why_agency,
	};
	const struct mu_scenario *sc = b->sc;
	struct mu_why *why = mu_calloc(1, sizeof(*why));
	struct tally *t = mu_malloc(sizeof(*t));
	struct usage u;
	size_t d;
	usage_init(&u, sc, plan);
	for (d = 0; d < sc->n_demand; d++) {
		const struct mu_demand_result *res = &plan->demand[d];
		const struct mu_demand *dm = &sc->demand[d];
		double uncovered = res->short_staff + res->breach_staff;
		struct why_ctx x = {.b = b, .sc = sc, .u = &u, .d = d};
		size_t n_candidates = 0, k;
		int src;
		if (uncovered <= EPS)
			continue;
		x.penalty = (res->breach_staff > EPS ? sc->settings.floor_penalty
		                                     : sc->settings.shortfall_penalty) *
		            dm->priority * sc->shifts[dm->shift].paid_hours;
		for (src = MU_SRC_OWN; src <= MU_SRC_AGENCY; src++) {
			memset(t, 0, sizeof(*t));
			sources[src](&x, t);
			n_candidates += t->n_candidates;
			if (t->n_candidates == 0 && src != MU_SRC_OWN &&
			    !(src == MU_SRC_LEND && works_alone(b, dm->partner)))
				add_row(why, &(struct mu_why_row){.demand = d,
				                                  .uncovered = uncovered,
				                                  .source = (enum mu_source)src,
				                                  .reason = MU_WHY_CANNOT_REACH,
				                                  .limit = MU_ROW_KIND_COUNT,
				                                  .subject = MU_ALL});
			for (k = 0; k < MU_WHY_COUNT * MU_ROW_KIND_COUNT; k++) {
				struct mu_why_row r = t->rows[k];
				if (r.n_subjects == 0)
					continue;
				r.demand = d;
				r.uncovered = uncovered;
				r.source = (enum mu_source)src;
				r.reason = (enum mu_why_reason)(k / MU_ROW_KIND_COUNT);
				r.limit = r.reason == MU_WHY_LIMIT || r.reason == MU_WHY_NOT_ALLOWED
				              ? (enum mu_row_kind)(k % MU_ROW_KIND_COUNT)
				              : MU_ROW_KIND_COUNT;
				r.penalty = x.penalty;
				add_row(why, &r);
			}
		}
		if (n_candidates == 0) {
			/* nothing could ever cover it: one row says so, not four */
			while (why->n_rows > 0 && why->rows[why->n_rows - 1].demand == d)
				why->n_rows--;
			add_row(why, &(struct mu_why_row){.demand = d,
			                                  .uncovered = uncovered,
			                                  .source = MU_SRC_COUNT,
			                                  .reason = MU_WHY_NO_SOURCE,
			                                  .limit = MU_ROW_KIND_COUNT,
			                                  .subject = MU_ALL});
		}
	}
	usage_release(&u);
	free(t);
	return why;
}

void pol_why_free(struct mu_why *why)
{
	if (!why)
		return;
	free(why->rows);
	free(why);
}
