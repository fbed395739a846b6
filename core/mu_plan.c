/*
 * mu_plan.c - a plan's rows, what became of each demand row, and the
 * totals, each computed once as rows are added; the names of sources,
 * penalty kinds and row kinds; and a row's cells as text for the writers.
 */
#include "mu_plan.h"

#include "core/mu_alloc.h"
#include "core/mu_parse.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-6

const struct mu_source_info mu_source_info[MU_SRC_MODEL_COUNT] = {
    [MU_SRC_OWN] = {.name = "own", .is_staff = true, .covers_demand = true, .has_home = true},
    [MU_SRC_LEND] = {.name = "lend", .is_staff = true, .covers_demand = true, .has_home = true},
    [MU_SRC_BANK] = {.name = "bank", .is_staff = true, .covers_demand = true, .has_home = true},
    [MU_SRC_AGENCY] = {.name = "agency", .is_staff = true, .covers_demand = true},
    [MU_SRC_SHORT] = {.name = "short", .is_unfilled = true, .covers_demand = true},
    [MU_SRC_BREACH] = {.name = "breach", .is_unfilled = true, .covers_demand = true},
    [MU_SRC_SHARE] = {.name = "share", .has_home = true},
    [MU_SRC_CHANGE] = {.name = "change"},
    [MU_SRC_BANK_EXTRA] = {.name = "bank_extra", .is_staff = true, .covers_demand = true},
    [MU_SRC_RATE] = {.name = "rate"},
    [MU_SRC_DISCHARGE] = {.name = "discharge", .has_home = true},
    [MU_SRC_BED_DAYS] = {.name = "bed_days", .has_home = true},
    [MU_SRC_POOL_WORKER] = {.name = "pool_worker", .has_home = true, .is_internal = true},
    [MU_SRC_POOL] = {.name = "pool", .is_staff = true, .covers_demand = true, .is_internal = true},
    [MU_SRC_POSTS] = {.name = "posts", .is_internal = true},
    [MU_SRC_RATE_STEP] = {.name = "rate_step", .is_internal = true},
    [MU_SRC_SUPPLY_MOVE] = {.name = "supply_move", .is_internal = true},
    [MU_SRC_WARD_FREED] = {.name = "ward_freed", .is_internal = true},
};

const char *const mu_penalty_names[MU_PEN_COUNT] = {
    [MU_PEN_SHORT] = "short",
    [MU_PEN_BREACH] = "breach",
    [MU_PEN_TIER] = "tier",
    [MU_PEN_BREAK_GLASS] = "break_glass",
    [MU_PEN_PREFERENCE] = "preference",
    [MU_PEN_SHARE] = "share",
    [MU_PEN_CHANGE] = "change",     /* a re-plan's (DESIGN.md §3b) */
    [MU_PEN_BED_DAYS] = "bed_days", /* with discharge pathways (§3f) */
};

const struct mu_row_kind_info mu_row_kind_info[MU_ROW_KIND_COUNT] = {
    [MU_ROW_DEMAND] = {.name = "demand", .unit = "staff"},
    [MU_ROW_MINIMUM] = {.name = "minimum", .unit = "staff"},
    [MU_ROW_STAFF] = {.name = "staff", .unit = "staff"},
    [MU_ROW_ROTATABLE] = {.name = "rotatable", .unit = "staff"},
    [MU_ROW_AGREEMENT] = {.name = "agreement", .unit = "staff"},
    [MU_ROW_REST] = {.name = "rest", .unit = "shift"},
    [MU_ROW_HOURS] = {.name = "hours", .unit = "hour"},
    [MU_ROW_CAPACITY] = {.name = "capacity", .unit = "staff"},
    [MU_ROW_BREAK_GLASS] = {.name = "break_glass", .unit = "staff"},
    [MU_ROW_BUDGET] = {.name = "budget", .unit = "£"},
    [MU_ROW_CUT] = {.name = "cut", .unit = ""},
    [MU_ROW_POOL] = {.name = "pool", .unit = "staff", .is_internal = true},
    [MU_ROW_GUARANTEE] = {.name = "guarantee", .unit = "penalty £"},
    [MU_ROW_SHARE] = {.name = "share", .unit = "hour"},
    [MU_ROW_KEEP] = {.name = "keep", .unit = "staff"},
    [MU_ROW_POSTS] = {.name = "posts", .unit = "post"},
    [MU_ROW_SUPPLY] = {.name = "supply", .unit = "staff"},
    [MU_ROW_EXTRA] = {.name = "extra", .unit = "staff"},
    [MU_ROW_WAITING] = {.name = "waiting", .unit = "patient"},
    [MU_ROW_BED_DAYS] = {.name = "bed_days", .unit = "patient"},
    [MU_ROW_WARD] = {.name = "ward", .unit = "staff", .is_internal = true},
    [MU_ROW_BREACH_CAP] = {.name = "breach_cap", .unit = "staff", .is_internal = true},
};

const char *const mu_why_reason_names[MU_WHY_COUNT] = {
    [MU_WHY_LIMIT] = "limit",
    [MU_WHY_NOT_ALLOWED] = "not allowed",
    [MU_WHY_COSTS_MORE] = "costs more than leaving it short",
    [MU_WHY_UNUSED] = "not used",
    [MU_WHY_CANNOT_REACH] = "cannot reach",
    [MU_WHY_NO_SOURCE] = "no source",
};

const char *mu_status_name(enum mu_status status)
{
	static const char *const names[] = {
	    [MU_STATUS_OPTIMAL] = "optimal",         [MU_STATUS_FEASIBLE] = "feasible",
	    [MU_STATUS_INFEASIBLE] = "infeasible",   [MU_STATUS_UNBOUNDED] = "unbounded",
	    [MU_STATUS_NO_SOLUTION] = "no solution",
	};
	return status <= MU_STATUS_NO_SOLUTION ? names[status] : "no solution";
}

void mu_plan_row_text(const struct mu_scenario *sc, const struct mu_plan_row *r,
                      struct mu_plan_text *out)
{
	const struct mu_source_info *info = &mu_source_info[r->source];
	out->source = r->is_late ? "late_agency" : info->name;
	out->partner = r->partner == MU_ALL ? "" : sc->partners[r->partner].id;
	out->role = r->role == MU_ALL ? "" : sc->roles[r->role].id;
	out->worker_role = r->worker_role == MU_ALL ? "" : sc->roles[r->worker_role].id;
	out->shift = r->shift == MU_ALL ? "" : sc->shifts[r->shift].id;
	out->home = info->has_home && r->home != MU_ALL ? sc->partners[r->home].id : "";
	out->worker = r->worker == MU_ALL ? "" : sc->bank[r->worker].id;
	out->offer = "";
	if (r->source == MU_SRC_CHANGE && r->offer != MU_ALL) {
		/* a cancelled agency booking: the offer as agency rows name it */
		const struct mu_agency_offer *a = &sc->agency[r->offer];
		out->home = a->supplier;
		out->offer = a->partner == MU_ALL ? "*" : sc->partners[a->partner].id;
	} else if (r->source == MU_SRC_AGENCY) {
		const struct mu_agency_offer *a = &sc->agency[r->offer];
		out->home = a->supplier;
		out->offer = a->partner == MU_ALL ? "*" : sc->partners[a->partner].id;
	} else if (r->source == MU_SRC_LEND) {
		const struct mu_agreement *g = &sc->agreements[r->offer];
		out->offer = g->role == MU_ALL ? "*" : sc->roles[g->role].id;
	} else if (r->source == MU_SRC_DISCHARGE || r->source == MU_SRC_BED_DAYS) {
		long ymd = mu_parse_day_ymd(r->day);
		snprintf(out->number, sizeof(out->number), "%04ld-%02ld-%02ld", ymd / 10000 % 10000,
		         ymd / 100 % 100, ymd % 100);
		out->offer = out->number;
	} else if (r->source == MU_SRC_RATE) {
		/* money with at least two decimals, all a rung has */
		snprintf(out->number, sizeof(out->number), "%.10g", r->rate);
		if (!strchr(out->number, '.') || strlen(strchr(out->number, '.')) < 3)
			snprintf(out->number, sizeof(out->number), "%.2f", r->rate);
		out->offer = out->number;
	}
}

struct mu_plan *mu_plan_new(const struct mu_scenario *sc)
{
	struct mu_plan *plan = mu_calloc(1, sizeof(*plan));
	size_t i;
	plan->n_demand = sc->n_demand;
	plan->demand = mu_calloc(sc->n_demand + 1, sizeof(*plan->demand));
	plan->n_partners = sc->n_partners;
	plan->partners = mu_calloc(sc->n_partners + 1, sizeof(*plan->partners));
	for (i = 0; i < sc->n_demand; i++) {
		double h = sc->demand[i].required * sc->shifts[sc->demand[i].shift].paid_hours;
		plan->demand[i].required = sc->demand[i].required;
		plan->demand[i].minimum = sc->demand[i].minimum;
		plan->partners[sc->demand[i].partner].required_hours += h;
		plan->system.required_hours += h;
	}
	return plan;
}

void mu_plan_move_demand(struct mu_plan *plan, const struct mu_scenario *sc, size_t i, double staff)
{
	const struct mu_demand *d = &sc->demand[i];
	struct mu_demand_result *r = &plan->demand[i];
	double h = staff * sc->shifts[d->shift].paid_hours;
	r->required += staff;
	if (d->required > 0)
		r->minimum += staff * d->minimum / d->required;
	plan->partners[d->partner].required_hours += h;
	plan->system.required_hours += h;
}

/* Adds the work of row r to the totals of the place it is done at. */
static void add_work(struct mu_totals *t, const struct mu_plan_row *r,
                     const double penalty[MU_PEN_COUNT], bool is_break_glass)
{
	int k;
	t->hours[r->source] += r->hours;
	t->spend[r->source] += r->spend;
	t->cost[r->source] += r->cost;
	for (k = 0; penalty && k < MU_PEN_COUNT; k++)
		t->penalty[k] += penalty[k];
	if (is_break_glass)
		t->break_glass_shifts += r->staff;
	t->recharge_out += r->recharge; /* 0 unless lent */
}

void mu_plan_add_row(struct mu_plan *plan, const struct mu_plan_row *r, double efficiency,
                     const double penalty[MU_PEN_COUNT], bool is_break_glass)
{
	struct mu_plan_row *row;
	int k;
	assert(r->source < MU_SRC_COUNT);
	MU_GROW(plan->rows, plan->cap_rows, plan->n_rows + 1);
	row = &plan->rows[plan->n_rows++];
	*row = *r;
	row->penalty = 0;
	for (k = 0; penalty && k < MU_PEN_COUNT; k++)
		row->penalty += penalty[k];
	row->cost = row->spend + row->penalty;
	plan->objective += row->cost;
	assert(row->partner < plan->n_partners);
	add_work(&plan->partners[row->partner], row, penalty, is_break_glass);
	add_work(&plan->system, row, penalty, is_break_glass);
	if (row->source == MU_SRC_LEND) {
		plan->partners[row->home].recharge_in += row->recharge;
		plan->partners[row->home].lent_out_hours += row->hours;
		plan->system.recharge_in += row->recharge;
		plan->system.lent_out_hours += row->hours;
	}
	if (row->demand == MU_ALL)
		return;
	if (mu_source_info[row->source].is_staff)
		plan->demand[row->demand].covered += efficiency * row->staff;
	else if (row->source == MU_SRC_SHORT)
		plan->demand[row->demand].short_staff += row->staff;
	else if (row->source == MU_SRC_BREACH)
		plan->demand[row->demand].breach_staff += row->staff;
}

static void finish_totals(struct mu_totals *t)
{
	int s, k;
	t->unfilled_hours = t->hours[MU_SRC_SHORT] + t->hours[MU_SRC_BREACH];
	t->filled_hours = t->required_hours - t->unfilled_hours;
	t->unfilled_penalty = t->penalty[MU_PEN_SHORT] + t->penalty[MU_PEN_BREACH];
	t->spend_total = t->penalty_total = 0;
	for (s = 0; s < MU_SRC_COUNT; s++)
		t->spend_total += t->spend[s];
	for (k = 0; k < MU_PEN_COUNT; k++)
		t->penalty_total += t->penalty[k];
	t->cost_total = t->spend_total + t->penalty_total;
}

void mu_plan_finish(struct mu_plan *plan, const struct mu_scenario *sc)
{
	size_t i, p;
	for (i = 0; i < sc->n_demand; i++) {
		struct mu_demand_result *d = &plan->demand[i];
		struct mu_totals *t = &plan->partners[sc->demand[i].partner];
		d->is_red_flag = d->covered < d->minimum - EPS;
		if (d->is_red_flag) {
			t->n_red_flags++;
			plan->system.n_red_flags++;
		}
		if (d->short_staff + d->breach_staff > EPS) {
			t->n_unfilled_rows++;
			plan->system.n_unfilled_rows++;
		}
	}
	for (p = 0; p < plan->n_partners; p++) {
		plan->partners[p].is_replan = plan->is_replan;
		plan->partners[p].has_supply = plan->has_supply;
		plan->partners[p].has_flow = plan->has_flow;
		finish_totals(&plan->partners[p]);
	}
	plan->system.is_replan = plan->is_replan;
	plan->system.has_supply = plan->has_supply;
	plan->system.has_flow = plan->has_flow;
	finish_totals(&plan->system);
}

void mu_plan_free(struct mu_plan *plan)
{
	if (!plan)
		return;
	free(plan->rows);
	free(plan->rates);
	free(plan->discharges);
	free(plan->demand);
	free(plan->partners);
	free(plan);
}

bool mu_totals_has_source(const struct mu_totals *t, int source)
{
	if (source == MU_SRC_BANK_EXTRA || source == MU_SRC_RATE)
		return t->has_supply;
	if (source == MU_SRC_DISCHARGE || source == MU_SRC_BED_DAYS)
		return t->has_flow;
	return source != MU_SRC_CHANGE || t->is_replan;
}

bool mu_totals_has_penalty(const struct mu_totals *t, int kind)
{
	if (kind == MU_PEN_BED_DAYS)
		return t->has_flow;
	return kind != MU_PEN_CHANGE || t->is_replan;
}

double mu_totals_net_cash(const struct mu_totals *t)
{
	return t->spend_total + t->recharge_out - t->recharge_in;
}

double mu_totals_partner_cost(const struct mu_totals *t)
{
	return mu_totals_net_cash(t) + t->penalty_total;
}

double mu_totals_fill_rate(const struct mu_totals *t)
{
	if (t->required_hours <= 0)
		return -1;
	return t->filled_hours / t->required_hours;
}

size_t mu_totals_kpis(const struct mu_totals *t, struct mu_kpi *out)
{
	static const char *const hours[MU_SRC_COUNT] = {
	    [MU_SRC_OWN] = "own_hours",     [MU_SRC_LEND] = "lend_hours",
	    [MU_SRC_BANK] = "bank_hours",   [MU_SRC_AGENCY] = "agency_hours",
	    [MU_SRC_SHORT] = "short_hours", [MU_SRC_BREACH] = "breach_hours",
	    [MU_SRC_SHARE] = "share_hours",
	};
	static const char *const penalty[MU_PEN_COUNT] = {
	    [MU_PEN_SHORT] = "short_penalty",
	    [MU_PEN_BREACH] = "breach_penalty",
	    [MU_PEN_TIER] = "tier_penalty",
	    [MU_PEN_BREAK_GLASS] = "break_glass_penalty",
	    [MU_PEN_PREFERENCE] = "preference_penalty",
	    [MU_PEN_SHARE] = "share_penalty",
	    [MU_PEN_CHANGE] = "change_penalty",     /* a re-plan's */
	    [MU_PEN_BED_DAYS] = "bed_days_penalty", /* with pathways (§3f) */
	};
	double fill = mu_totals_fill_rate(t);
	size_t n = 0;
	int s;
	out[n++] = (struct mu_kpi){"required_hours", t->required_hours};
	for (s = 0; s < MU_SRC_COUNT; s++)
		if (mu_totals_has_source(t, s) && hours[s])
			out[n++] = (struct mu_kpi){hours[s], t->hours[s]};
	if (fill >= 0)
		out[n++] = (struct mu_kpi){"fill_fraction", fill};
	out[n++] = (struct mu_kpi){"red_flags", (double)t->n_red_flags};
	/* no cost by source: a source's cost mixes cash and penalty weights
	 * (agency: its charges, tier and break-glass penalties); spend by
	 * source and penalties by kind below keep them apart (issue #24) */
	out[n++] = (struct mu_kpi){"total_cost", t->cost_total};
	out[n++] = (struct mu_kpi){"agency_spend", t->spend[MU_SRC_AGENCY]};
	out[n++] = (struct mu_kpi){"break_glass_staff_shifts", t->break_glass_shifts};
	out[n++] = (struct mu_kpi){"lent_out_hours", t->lent_out_hours};
	out[n++] = (struct mu_kpi){"recharge_in", t->recharge_in};
	out[n++] = (struct mu_kpi){"recharge_out", t->recharge_out};
	out[n++] = (struct mu_kpi){"filled_hours", t->filled_hours};
	out[n++] = (struct mu_kpi){"lend_spend", t->spend[MU_SRC_LEND]};
	out[n++] = (struct mu_kpi){"bank_spend", t->spend[MU_SRC_BANK]};
	out[n++] = (struct mu_kpi){"spend", t->spend_total};
	for (s = 0; s < MU_PEN_COUNT; s++)
		if (mu_totals_has_penalty(t, s))
			out[n++] = (struct mu_kpi){penalty[s], t->penalty[s]};
	out[n++] = (struct mu_kpi){"penalties", t->penalty_total};
	assert(n <= MU_KPI_MAX);
	return n;
}

void mu_plan_bank_use(const struct mu_plan *plan, const struct mu_scenario *sc, size_t partner,
                      struct mu_bank_use *out)
{
	/* per (worker, shift): 1 + the offer's preference; 0 not offered */
	unsigned char *offer = mu_calloc(sc->n_bank * sc->n_shifts + 1, 1);
	double *offered = mu_calloc(sc->n_bank + 1, sizeof(double));
	double *worked = mu_calloc(sc->n_bank + 1, sizeof(double));
	size_t i, w;
	memset(out, 0, sizeof(*out));
	for (i = 0; i < sc->n_availability; i++) {
		const struct mu_availability *a = &sc->availability[i];
		if (partner != MU_ALL && sc->bank[a->worker].home != partner)
			continue;
		offer[a->worker * sc->n_shifts + a->shift] = (unsigned char)(1 + a->preference);
		offered[a->worker] += sc->shifts[a->shift].paid_hours;
		out->n_prefer += a->preference == MU_PREF_PREFER;
		out->n_avoid += a->preference == MU_PREF_AVOID;
	}
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *r = &plan->rows[i];
		if (r->worker == MU_ALL ||
		    (partner != MU_ALL && sc->bank[r->worker].home != partner))
			continue;
		if (r->source == MU_SRC_SHARE) {
			out->hours_short += r->hours;
			out->share_penalty += r->penalty;
			continue;
		}
		if (r->source != MU_SRC_BANK)
			continue;
		worked[r->worker] += r->hours;
		switch (offer[r->worker * sc->n_shifts + r->shift]) {
		case 1 + MU_PREF_PREFER:
			out->prefer_granted += r->staff;
			out->preference_penalty += r->penalty;
			break;
		case 1 + MU_PREF_AVOID:
			out->avoid_given += r->staff;
			out->preference_penalty += r->penalty;
			break;
		default:
			break;
		}
	}
	for (w = 0; w < sc->n_bank; w++) {
		double share, target;
		if (!(offered[w] > 0))
			continue;
		out->n_workers++;
		out->offered_hours += offered[w];
		out->worked_hours += worked[w];
		share = worked[w] / offered[w];
		if (share < EPS)
			out->by_share[MU_SHARE_NONE]++;
		else if (share > 1 - EPS)
			out->by_share[MU_SHARE_ALL]++;
		else
			out->by_share[MU_SHARE_UNDER_25 + (size_t)(share * 4)]++;
		target = sc->settings.bank_min_share * fmin(offered[w], sc->bank[w].max_hours);
		if (target > 0) {
			out->n_with_target++;
			out->n_below_target += worked[w] < target - EPS;
		}
	}
	free(offer);
	free(offered);
	free(worked);
}
