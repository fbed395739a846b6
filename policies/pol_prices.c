/*
 * pol_prices.c - model rows read back as constraints of the scenario, with
 * their shadow prices. Which columns say what, per kind:
 *   demand, minimum, break_glass: the demand row's partner, role, shift;
 *   staff, rotatable: the staff row's partner, role, shift;
 *   agreement: partner = host (to), subject = home (from), role = the
 *     agreement's role cell, and the shift;
 *   rest, hours: subject = the bank worker, partner = home, role = theirs;
 *   capacity: subject = the supplier, partner = the offer's partner cell;
 *   budget: partner = the partner, or SYSTEM.
 */
#include "pol_prices.h"

#include "core/mu_alloc.h"

#include <stdlib.h>

static void describe(const struct mu_scenario *sc, const struct pol_row *what,
                     struct mu_price_row *r)
{
	size_t i = what->index;
	r->partner = r->role = r->shift = r->subject = "";
	switch (what->kind) {
	case MU_ROW_DEMAND:
	case MU_ROW_MINIMUM:
	case MU_ROW_BREAK_GLASS:
	case MU_ROW_KEEP:
		r->partner = sc->partners[sc->demand[i].partner].id;
		r->role = sc->roles[sc->demand[i].role].id;
		r->shift = sc->shifts[sc->demand[i].shift].id;
		break;
	case MU_ROW_STAFF:
	case MU_ROW_ROTATABLE:
		r->partner = sc->partners[sc->staff[i].partner].id;
		r->role = sc->roles[sc->staff[i].role].id;
		r->shift = sc->shifts[sc->staff[i].shift].id;
		break;
	case MU_ROW_AGREEMENT:
		r->partner = sc->partners[sc->agreements[i].to].id;
		r->subject = sc->partners[sc->agreements[i].from].id;
		r->role =
		    sc->agreements[i].role == MU_ALL ? "*" : sc->roles[sc->agreements[i].role].id;
		r->shift = sc->shifts[what->shift].id;
		break;
	case MU_ROW_REST:
	case MU_ROW_HOURS:
	case MU_ROW_SHARE:
		r->subject = sc->bank[i].id;
		r->partner = sc->partners[sc->bank[i].home].id;
		r->role = sc->roles[sc->bank[i].role].id;
		break;
	case MU_ROW_CAPACITY:
		r->subject = sc->agency[i].supplier;
		r->partner =
		    sc->agency[i].partner == MU_ALL ? "*" : sc->partners[sc->agency[i].partner].id;
		r->role = sc->roles[sc->agency[i].role].id;
		r->shift = sc->shifts[what->shift].id;
		break;
	case MU_ROW_BUDGET:
		r->partner = i == MU_ALL ? "SYSTEM" : sc->partners[i].id;
		break;
	case MU_ROW_GUARANTEE:
		r->partner = sc->partners[i].id;
		break;
	case MU_ROW_SUPPLY:
	case MU_ROW_EXTRA:
		/* a role's bank staff on a shift (§3d); a silo curve is one
		 * partner's, named by the row (supply_r*_s*_g<partner>) */
		r->role = sc->roles[i].id;
		r->shift = sc->shifts[what->shift].id;
		break;
	case MU_ROW_WAITING:
	case MU_ROW_BED_DAYS:
		/* a pathway (§3f): where its beds are, its care's partner */
		r->partner = sc->partners[sc->flows[i].from].id;
		r->role = sc->roles[sc->flows[i].ward_role].id;
		r->subject = sc->partners[sc->flows[i].to].id;
		break;
	case MU_ROW_POSTS:
		r->partner = sc->partners[sc->recruits[i].partner].id;
		r->role = sc->roles[sc->recruits[i].role].id;
		r->shift = what->shift == MU_ALL ? "" : sc->shifts[what->shift].id;
		break;
	default:
		break;
	}
}

struct pol_prices *pol_prices_new(const struct pol_build *b, const double *row_dual,
                                  const double *row_activity, const double *rhs_from,
                                  const double *rhs_to)
{
	const struct sol_model *m = b->m;
	struct pol_prices *p = mu_calloc(1, sizeof(*p));
	size_t i;

	p->rows = mu_calloc(m->n_rows + 1, sizeof(*p->rows));
	for (i = 0; i < m->n_rows; i++) {
		const struct pol_row *what = &b->rows[i];
		struct mu_price_row *r = &p->rows[p->n_rows];
		if (mu_row_kind_info[what->kind].is_internal)
			continue;
		p->n_rows++;
		r->constraint = m->row_names[i];
		r->kind = what->kind;
		describe(b->sc, what, r);
		/* every row of ours has one finite side: >= required, <= a limit */
		r->limit = m->row_lo[i] > -SOL_INF ? m->row_lo[i] : m->row_hi[i];
		r->activity = row_activity[i];
		/* GLPK gives -0 for some rows; a price of "-0.00" reads oddly */
		r->price = row_dual[i] == 0 ? 0 : row_dual[i];
		r->range_from = rhs_from ? rhs_from[i] : NAN;
		r->range_to = rhs_to ? rhs_to[i] : NAN;
	}
	return p;
}

void pol_prices_free(struct pol_prices *p)
{
	if (!p)
		return;
	free(p->rows);
	free(p);
}
