/*
 * io_html.c - report.html: headline, red flags and unfilled shifts first,
 * the per-partner table, fill by partner and shift, spend by source, mutual
 * aid and its recharge ledger, and shadow prices said as sentences.
 */
#include "io_html.h"
#include "io/io_html_int.h"

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_format.h"
#include "core/mu_map.h"
#include "io/io_say.h"
#include "io/io_svg.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_UNFILLED_SHOWN 12
#define N_SENTENCES 8
#define INDENT "\xc2\xa0\xc2\xa0" /* two no-break spaces: a part of the row above */

/* Identifiers of the scenario to their index. */
struct lookup {
	struct mu_map partners, roles, shifts;
};

static void lookup_init(struct lookup *lk, const struct mu_scenario *sc)
{
	size_t i;
	mu_map_init(&lk->partners);
	mu_map_init(&lk->roles);
	mu_map_init(&lk->shifts);
	for (i = 0; i < sc->n_partners; i++)
		mu_map_put(&lk->partners, sc->partners[i].id, strlen(sc->partners[i].id), i);
	for (i = 0; i < sc->n_roles; i++)
		mu_map_put(&lk->roles, sc->roles[i].id, strlen(sc->roles[i].id), i);
	for (i = 0; i < sc->n_shifts; i++)
		mu_map_put(&lk->shifts, sc->shifts[i].id, strlen(sc->shifts[i].id), i);
}

static void lookup_release(struct lookup *lk)
{
	mu_map_release(&lk->partners);
	mu_map_release(&lk->roles);
	mu_map_release(&lk->shifts);
}

static size_t find(const struct mu_map *map, const char *id)
{
	size_t v;
	return id && mu_map_get(map, id, strlen(id), &v) ? v : (size_t)-1;
}

static const char *money0(char *buf, double v)
{
	return mu_format_money(buf, v, 0);
}

/* True when partner's figures belong on the page: every partner's on the
 * system's page, one partner's on its own. */
static bool is_shown(const struct io_html_plan *p, size_t partner)
{
	return !p->is_partner_page || partner == p->partner;
}

/* The totals the page is about. */
static const struct mu_totals *page_totals(const struct io_html_plan *p)
{
	return p->is_partner_page ? &p->plan->partners[p->partner] : &p->plan->system;
}

/* What kind of run the page is and which files beside it hold the same:
 * a plan's bank staff are fractions, so it has no rota.csv. */
static void files(struct mu_buf *b, const struct io_html_plan *p)
{
	if (p->is_plan)
		mu_buf_adds(b, "<p>This is a <b>plan</b> (plan mode), not a rota: it may give a "
		               "worker part of a shift, and has shadow prices. ");
	else
		mu_buf_adds(b, "<p>This is a <b>rota</b>: whole shifts for named bank workers. ");
	if (p->is_partner_page)
		mu_buf_addf(b,
		            "This folder has plan.csv%s%s, this partner's rows; the system's "
		            "page and files are two folders up.</p>\n",
		            p->is_plan         ? ""
		            : p->plan->n_rates ? ", rota.csv"
		                               : " and rota.csv",
		            p->plan->n_rates ? " and rates.csv" : "");
	else
		mu_buf_addf(
		    b,
		    "This folder has plan.csv, %ssummary.csv, why.csv%s%s%s%s and partners/ "
		    "(each partner's page and files)%s.</p>\n",
		    p->is_plan ? "" : "rota.csv, ", p->prices ? ", prices.csv" : "",
		    p->changes
		        ? ", changes.csv, calls.csv (whom to phone), bookings.csv (agency to "
		          "book and cancel)"
		        : "",
		    p->plan->n_rates ? ", rates.csv" : "",
		    p->plan->n_discharges ? ", discharges.csv" : "",
		    p->is_plan ? "; no rota.csv" : "");
}

/* What a re-plan re-plans: the kept plan, from its now when it has one. */
static void replans(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	struct mu_buf say;
	if (!p->changes)
		return;
	mu_buf_init(&say);
	if (p->keep)
		io_say_replan(&say, p->keep);
	else
		mu_buf_adds(&say, "A re-plan of the kept plan (--keep).");
	mu_buf_adds(b, "<p><b>");
	io_html_esc(b, say.data);
	mu_buf_release(&say);
	mu_buf_addf(
	    b, "</b> %zu kept assignment%s and booking%s stay as they were, %zu change%s.</p>\n",
	    p->changes->n_kept, p->changes->n_kept == 1 ? "" : "s",
	    p->changes->n_kept == 1 ? "" : "s", p->changes->n_rows,
	    p->changes->n_rows == 1 ? "" : "s");
	(void)sc;
}

static void tile(struct mu_buf *b, const char *value, const char *what, bool is_alarm)
{
	mu_buf_addf(b, "<div class=\"tile%s\"><b>", is_alarm ? " alarm" : "");
	io_html_esc(b, value);
	mu_buf_adds(b, "</b><span>");
	io_html_esc(b, what);
	mu_buf_adds(b, "</span></div>\n");
}

static void headline(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	const struct mu_totals *t = page_totals(p);
	bool has_budget = p->is_partner_page ? sc->partners[p->partner].has_agency_budget
	                                     : sc->settings.has_agency_budget;
	double budget = p->is_partner_page ? sc->partners[p->partner].agency_budget
	                                   : sc->settings.agency_budget;
	char v[MU_MONEY_SIZE + 32], m[MU_MONEY_SIZE], status[MU_STATUS_SIZE];
	mu_buf_adds(b, "<div class=\"tiles\">\n");
	tile(b, io_html_money(v, t->spend_total), "spend (cash)", false);
	/* weights, and the objective that holds them, carry no pound sign */
	tile(b, io_html_weight(v, t->penalty_total), "penalties (weights, not money)", false);
	tile(b, io_html_weight(v, t->cost_total),
	     p->is_partner_page ? "spend + penalty weights (not money)"
	                        : "objective: spend + penalty weights (not money)",
	     false);
	io_html_fill_text(v, sizeof(v), t);
	tile(b, v, "of required hours filled", false);
	snprintf(v, sizeof(v), "%zu", t->n_red_flags);
	tile(b, v, "red flags (below safe minimum)", t->n_red_flags > 0);
	snprintf(v, sizeof(v), "%.0f h", t->unfilled_hours);
	tile(b, v, "unfilled", false);
	io_html_money(v, t->spend[MU_SRC_AGENCY]);
	if (has_budget)
		snprintf(v + strlen(v), sizeof(v) - strlen(v), " of %s", money0(m, budget));
	tile(b, v, "agency spend", false);
	snprintf(v, sizeof(v), "%.0f", t->break_glass_shifts);
	tile(b, v, "break-glass agency staff-shifts", t->break_glass_shifts > 0);
	/* a partner both receives mutual aid (lend rows at it) and lends its
	 * own staff: the page of one partner gives both; the system's are the
	 * same hours */
	if (p->is_partner_page) {
		snprintf(v, sizeof(v), "%.0f h in, %.0f h out", t->hours[MU_SRC_LEND],
		         t->lent_out_hours);
		tile(b, v, "mutual aid received, and lent to others", false);
	} else {
		snprintf(v, sizeof(v), "%.0f h", t->lent_out_hours);
		tile(b, v, "mutual aid between partners", false);
	}
	snprintf(v, sizeof(v), "%.0f h", t->hours[MU_SRC_BANK]);
	tile(b, v, "shared bank", false);
	if (p->changes) {
		const struct mu_changes *c = p->changes;
		snprintf(v, sizeof(v), "%zu",
		         p->is_partner_page ? c->by_partner[p->partner] : c->n_rows);
		tile(b, v,
		     strcmp(v, "1") == 0 ? "change to the kept plan" : "changes to the kept plan",
		     false);
	}
	mu_buf_adds(b, "</div>\n<p>");
	io_html_esc(b, p->mode);
	mu_buf_addf(b, ", %s", mu_format_status(status, p->status, p->has_gap, p->gap));
	if (p->status == MU_STATUS_FEASIBLE && p->has_gap) {
		char stop[MU_STOP_SIZE];
		mu_buf_addf(b, " of the best possible (the search was %s)",
		            mu_format_stop(stop, p->stopped_by, 0, 0));
	}
	mu_buf_adds(b, ".</p>\n");
}

/* The reasons of demand row d, one line each, at most three, then how many
 * more why.csv has ("and 2 more in why.csv"), so that the cell never reads
 * as every reason when it is not. Own staff all at work is counted there
 * but not shown, since it is nearly always so and tells a reader nothing to
 * act on. Only unfilled's. */
static void say_why_of(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_why *why,
                       size_t d)
{
	struct mu_buf text;
	size_t i, n = 0, n_all = 0;
	if (!why)
		return;
	mu_buf_init(&text);
	for (i = 0; i < why->n_rows; i++) {
		const struct mu_why_row *r = &why->rows[i];
		if (r->demand != d)
			continue;
		n_all++;
		if (n == 3 || (r->source == MU_SRC_OWN && r->reason == MU_WHY_LIMIT &&
		               r->limit == MU_ROW_STAFF))
			continue;
		mu_buf_reset(&text);
		io_say_why(&text, sc, r);
		mu_buf_addf(b, "%s<b>%s</b>: ", n ? "<br>" : "", io_say_why_source(r));
		io_html_esc(b, text.data);
		n++;
	}
	if (n_all > n)
		mu_buf_addf(b, "%sand %zu more in why.csv", n ? "<br>" : "", n_all - n);
	mu_buf_release(&text);
}

static void unfilled(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	size_t *u = mu_malloc((sc->n_demand + 1) * sizeof(size_t));
	size_t i, n = 0, n_all = io_report_unfilled_order(p->plan, u);
	for (i = 0; i < n_all; i++) /* a partner's page: its own rows, in order */
		if (is_shown(p, sc->demand[u[i]].partner))
			u[n++] = u[i];
	mu_buf_adds(b, "<h2>Red flags and unfilled shifts</h2>\n");
	if (n == 0) {
		mu_buf_adds(b, "<p>Every shift is filled.</p>\n");
		free(u);
		return;
	}
	mu_buf_addf(b,
	            "<p>%zu demand row%s left short; those below their safe minimum (red "
	            "flags) first, each with why (why.csv has every reason).</p>\n<table><tr>"
	            "<th>partner</th><th>role</th><th>shift</th><th>required</th>"
	            "<th>uncovered</th><th>safe minimum</th><th></th><th>why</th></tr>\n",
	            n, n == 1 ? "" : "s");
	for (i = 0; i < n && i < N_UNFILLED_SHOWN; i++) {
		const struct mu_demand *d = &sc->demand[u[i]];
		const struct mu_demand_result *r = &p->plan->demand[u[i]];
		mu_buf_adds(b, "<tr><td>");
		io_html_esc(b, sc->partners[d->partner].name);
		mu_buf_adds(b, "</td><td>");
		io_html_esc(b, sc->roles[d->role].name);
		mu_buf_adds(b, "</td><td>");
		io_html_esc(b, sc->shifts[d->shift].id);
		mu_buf_addf(b, "</td><td>%.4g</td><td>%.2f</td><td>%.4g</td><td>%s</td>",
		            r->required, r->short_staff + r->breach_staff, r->minimum,
		            r->is_red_flag ? "<span class=\"red\">RED FLAG</span>" : "");
		mu_buf_adds(b, "<td class=\"why\">");
		say_why_of(b, sc, p->why, u[i]);
		mu_buf_adds(b, "</td></tr>\n");
	}
	mu_buf_adds(b, "</table>\n");
	if (n > N_UNFILLED_SHOWN)
		mu_buf_addf(b,
		            "<p>... and %zu more: why.csv has every one, with its reasons.</p>\n",
		            n - N_UNFILLED_SHOWN);
	free(u);
}

/* A row of the partner table: t's figures as shown (rounded to add up),
 * exact's fill. */
static void partner_row(struct mu_buf *b, const char *name, const struct mu_totals *t,
                        const struct mu_totals *exact, bool has_budget, double budget,
                        bool is_total)
{
	char m[6][MU_MONEY_SIZE], fill[32];
	/* recharge paid minus received, and the partner's cost with it in:
	 * compare's and shares' definition (mu_totals_partner_cost), from the
	 * figures as shown so that the columns add up */
	double recharge = t->recharge_out - t->recharge_in;
	io_html_fill_text(fill, sizeof(fill), exact);
	mu_buf_adds(b, is_total ? "<tr><th>" : "<tr><td>");
	io_html_esc(b, name);
	mu_buf_addf(b,
	            "%s<td>%.0f</td><td>%s</td><td%s>%zu</td><td>%.0f</td><td>%.0f</td>"
	            "<td>%.0f</td><td>%.0f</td><td>%.0f</td><td>%s</td><td>%s</td><td>%s</td>"
	            "<td>%s</td><td>%s</td><td>%s</td><td>%.0f</td></tr>\n",
	            is_total ? "</th>" : "</td>", t->required_hours, fill,
	            t->n_red_flags ? " class=\"red\"" : "", t->n_red_flags, t->hours[MU_SRC_OWN],
	            t->hours[MU_SRC_LEND], t->hours[MU_SRC_BANK], t->hours[MU_SRC_AGENCY],
	            t->unfilled_hours, io_html_money(m[0], t->spend[MU_SRC_AGENCY]),
	            has_budget ? money0(m[1], budget) : "-", io_html_money(m[2], t->spend_total),
	            io_html_money(m[3], fabs(recharge) < 0.005 ? 0 : recharge),
	            io_html_weight(m[4], t->penalty_total),
	            io_html_weight(m[5], t->cost_total + recharge), t->lent_out_hours);
}

static void partner_table(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct io_html_plan *p)
{
	/* whole hours and pennies, each column's rows adding up to the
	 * system's row as shown (issue 24) */
	struct mu_totals *shown = mu_malloc((sc->n_partners + 1) * sizeof(*shown)), system;
	size_t i;
	io_report_round_totals(p->plan->partners, sc->n_partners, &p->plan->system, 1, shown,
	                       &system);
	mu_buf_adds(b, "<h2>Partners</h2>\n<table><tr><th>partner</th><th>required h</th>"
	               "<th>fill</th><th>red flags</th><th>own h</th><th>mutual aid in h</th>"
	               "<th>bank h</th><th>agency h</th><th>unfilled h</th><th>agency spend</th>"
	               "<th>agency budget</th><th>spend</th><th>recharge paid &minus; "
	               "received</th><th>penalties</th>"
	               "<th>net cash + penalties</th>"
	               "<th>lent out h</th></tr>\n");
	for (i = 0; i < sc->n_partners; i++)
		if (is_shown(p, i))
			partner_row(b, sc->partners[i].name, &shown[i], &p->plan->partners[i],
			            sc->partners[i].has_agency_budget,
			            sc->partners[i].agency_budget, false);
	if (!p->is_partner_page)
		partner_row(b, "Whole system", &system, &p->plan->system,
		            sc->settings.has_agency_budget, sc->settings.agency_budget, true);
	free(shown);
	mu_buf_adds(b, "</table>\n<p>Spend is cash at the partner where the work is done: agency "
	               "charges, bank pay and mutual-aid travel (own staff cost nothing extra: "
	               "already paid). Recharge is what a partner pays for staff lent to it minus "
	               "what it receives for its staff lent out; spend plus recharge is its "
	               "<b>net cash</b>, as compare and shares count it. Penalties are the weights "
	               "the scenario puts on unfilled hours, agency tiers and break-glass");
	if (sc->n_flows > 0)
		mu_buf_adds(b, ", and on each day a patient fit to leave stays in a bed");
	mu_buf_adds(b, " &mdash; "
	               "how bad an outcome is, not money anyone pays, so they carry no pound sign. "
	               "Net cash + penalties is a partner's weighted figure, recharge in it (the "
	               "same in compare and shares); over the whole system recharge cancels, and "
	               "it is what the plan minimises: a weighted figure, not money. summary.csv's "
	               "total_cost is spend + penalties, recharge not in it.</p>\n");
}

/* Each (partner, shift) cell shows the share of its required hours filled,
 * all roles together, as the fill rate counts it; a cell where a role is
 * below its safe minimum has a red frame, and a list below the chart names
 * each such role, so that paper and a phone, which have no tooltip, say
 * it. Until issue 24 a cell was its worst-filled role's staff, which read
 * a 97.7%-filled partner as "66%" in most of its cells. */
static void heatmap(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	size_t np = sc->n_partners, ns = sc->n_shifts, i, n_red = 0;
	struct io_svg_cell *cells = mu_malloc((np * ns + 1) * sizeof(*cells));
	size_t *worst = mu_malloc((np * ns + 1) * sizeof(size_t));
	double *required = mu_calloc(np * ns + 1, sizeof(double));
	double *missing = mu_calloc(np * ns + 1, sizeof(double));
	char **notes = mu_calloc(np * ns + 1, sizeof(char *));
	const char **rows = mu_malloc((np + 1) * sizeof(char *));
	const char **cols = mu_malloc((ns + 1) * sizeof(char *));
	double *worst_fill = mu_malloc((np * ns + 1) * sizeof(double));
	for (i = 0; i < np * ns; i++) {
		cells[i] = (struct io_svg_cell){NAN, NULL, false};
		worst[i] = MU_ALL;
		worst_fill[i] = INFINITY;
	}
	for (i = 0; i < sc->n_demand && i < p->plan->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		const struct mu_demand_result *r = &p->plan->demand[i];
		size_t at = d->partner * ns + d->shift;
		/* as the fill rate counts it: what is left short or in breach */
		double gap = r->short_staff + r->breach_staff, fill;
		if (r->required <= 0)
			continue;
		required[at] += r->required;
		missing[at] += gap;
		fill = 1 - gap / r->required;
		/* the note names a role below minimum first, else the worst */
		if (r->is_red_flag > cells[at].is_red ||
		    (r->is_red_flag == cells[at].is_red && fill < worst_fill[at])) {
			worst_fill[at] = fill;
			worst[at] = i;
		}
		cells[at].is_red |= r->is_red_flag;
	}
	for (i = 0; i < np * ns; i++) {
		const struct mu_demand *d;
		const struct mu_demand_result *r;
		struct mu_buf note;
		if (worst[i] == MU_ALL)
			continue;
		cells[i].fill = 1 - missing[i] / required[i];
		d = &sc->demand[worst[i]];
		r = &p->plan->demand[worst[i]];
		mu_buf_init(&note);
		mu_buf_addf(&note, "%s: %.4g of %.4g staff", sc->roles[d->role].name,
		            r->required - r->short_staff - r->breach_staff, r->required);
		notes[i] = mu_buf_detach(&note, NULL);
		cells[i].note = notes[i];
		n_red += cells[i].is_red && (!p->is_partner_page || i / ns == p->partner);
	}
	for (i = 0; i < np; i++)
		rows[i] = sc->partners[i].name;
	for (i = 0; i < ns; i++)
		cols[i] = sc->shifts[i].id;
	mu_buf_adds(b, "<h2>Fill by partner and shift</h2>\n<p>Each cell is the share of the "
	               "required hours filled on that shift, all roles together, rounded down: "
	               "100% only where every role is fully staffed. A red frame: a role there "
	               "is below its safe minimum (a red flag), named below.</p>\n");
	if (p->is_partner_page)
		io_svg_heatmap(b, rows + p->partner, 1, cols, ns, cells + p->partner * ns);
	else
		io_svg_heatmap(b, rows, np, cols, ns, cells);
	if (n_red == 0) {
		mu_buf_adds(b, "<p>No role is below its safe minimum on any shift.</p>\n");
	} else {
		size_t n_said = 0;
		mu_buf_adds(b, "<p>Below the safe minimum:</p>\n<ul>\n");
		for (i = 0; i < sc->n_demand && i < p->plan->n_demand; i++) {
			const struct mu_demand *d = &sc->demand[i];
			const struct mu_demand_result *r = &p->plan->demand[i];
			if (!r->is_red_flag || !is_shown(p, d->partner))
				continue;
			if (n_said++ == N_UNFILLED_SHOWN) {
				mu_buf_adds(b,
				            "<li>&hellip; and more: why.csv has every one.</li>\n");
				break;
			}
			mu_buf_adds(b, "<li>");
			io_html_esc(b, sc->partners[d->partner].name);
			mu_buf_adds(b, ", ");
			io_html_esc(b, sc->shifts[d->shift].id);
			mu_buf_adds(b, ": <b>");
			io_html_esc(b, sc->roles[d->role].name);
			mu_buf_addf(
			    b, "</b>, %.4g staff against a minimum of %.4g (%.4g required)</li>\n",
			    r->required - r->short_staff - r->breach_staff, r->minimum,
			    r->required);
		}
		mu_buf_adds(b, "</ul>\n");
	}
	for (i = 0; i < np * ns; i++)
		free(notes[i]);
	free(notes);
	free(worst);
	free(worst_fill);
	free(required);
	free(missing);
	free(cells);
	free(rows);
	free(cols);
}

/* Cash by source, and the penalty weights by kind beside it: never one
 * chart, since a penalty is not money anyone pays. */
static void spend(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	const struct mu_totals *t = page_totals(p);
	struct io_svg_bar cash[] = {{"agency", t->spend[MU_SRC_AGENCY], IO_SVG_AGENCY},
	                            {"shared bank", t->spend[MU_SRC_BANK], IO_SVG_BANK},
	                            {"mutual aid travel", t->spend[MU_SRC_LEND], IO_SVG_LEND}};
	struct io_svg_bar weights[] = {
	    {"short of required", t->penalty[MU_PEN_SHORT], IO_SVG_PENALTY_1},
	    {"below minimum", t->penalty[MU_PEN_BREACH], IO_SVG_PENALTY_2},
	    {"agency tiers", t->penalty[MU_PEN_TIER], IO_SVG_PENALTY_3},
	    {"break-glass", t->penalty[MU_PEN_BREAK_GLASS], IO_SVG_PENALTY_4},
	    {"bank fair share", t->penalty[MU_PEN_SHARE], IO_SVG_PENALTY_4},
	    {"bed-days", t->penalty[MU_PEN_BED_DAYS], IO_SVG_PENALTY_3}};
	/* the fair share's bar only where it is in the model, the bed-days'
	 * only with discharge pathways (§3f); the preference penalty, which
	 * may be negative, is said in the bank section */
	size_t n_weights = 4;
	if (sc->settings.bank_min_share > 0)
		weights[n_weights++] = weights[4];
	if (sc->n_flows > 0)
		weights[n_weights++] = weights[5];
	mu_buf_adds(b, "<h2>Spend by source (cash)</h2>\n");
	io_svg_bars(b, "spend by source", cash, sizeof(cash) / sizeof(cash[0]), false);
	mu_buf_adds(b, "<h2>Penalties by kind (weights, not money)</h2>\n");
	io_svg_bars(b, "penalties by kind", weights, n_weights, true);
}

/* Mutual-aid hours and recharge between each pair of partners. */
static void mutual_aid(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	size_t n = sc->n_partners, i, j, n_pairs = 0;
	double *hours = mu_calloc(n * n + 1, sizeof(double));
	double *recharge = mu_calloc(n * n + 1, sizeof(double));
	const char **names = mu_malloc((n + 1) * sizeof(char *));
	char m[MU_MONEY_SIZE];
	for (i = 0; i < p->plan->n_rows; i++) {
		const struct mu_plan_row *r = &p->plan->rows[i];
		if (r->source != MU_SRC_LEND || !(is_shown(p, r->home) || is_shown(p, r->partner)))
			continue;
		hours[r->home * n + r->partner] += r->hours;
		recharge[r->home * n + r->partner] += r->recharge;
	}
	for (i = 0; i < n; i++)
		names[i] = sc->partners[i].name;
	for (i = 0; i < n * n; i++)
		n_pairs += hours[i] > 0;
	mu_buf_adds(b, "<h2>Mutual aid</h2>\n");
	if (n_pairs == 0) {
		mu_buf_adds(b, "<p>No staff are lent between partners in this plan.</p>\n");
	} else {
		io_svg_flows(b, names, n, hours);
		mu_buf_adds(b, "<h3>Recharge ledger</h3>\n<p>What each host owes the home partner "
		               "for staff it was lent (a transfer inside the system, not in the "
		               "objective).</p>\n<table><tr><th>host pays</th><th>home partner</th>"
		               "<th>hours</th><th>recharge</th></tr>\n");
		for (j = 0; j < n; j++)
			for (i = 0; i < n; i++) {
				if (hours[i * n + j] <= 0)
					continue;
				mu_buf_adds(b, "<tr><td>");
				io_html_esc(b, names[j]);
				mu_buf_adds(b, "</td><td style=\"text-align:left\">");
				io_html_esc(b, names[i]);
				mu_buf_addf(b, "</td><td>%.1f</td><td>%s</td></tr>\n",
				            hours[i * n + j],
				            io_html_money(m, recharge[i * n + j]));
			}
		mu_buf_adds(b, "</table>\n");
	}
	free(hours);
	free(recharge);
	free(names);
}

static const char *partner_name(const struct mu_scenario *sc, const struct lookup *lk,
                                const char *id)
{
	size_t i = find(&lk->partners, id);
	return i == (size_t)-1 ? id : sc->partners[i].name;
}

static const char *role_name(const struct mu_scenario *sc, const struct lookup *lk, const char *id)
{
	size_t i = find(&lk->roles, id);
	return i == (size_t)-1 ? id : sc->roles[i].name;
}

/* "Tue 1 Dec 20:00 (tue-n)" */
static const char *shift_text(char *buf, size_t size, const struct mu_scenario *sc,
                              const struct lookup *lk, const char *id)
{
	size_t i = find(&lk->shifts, id);
	time_t t;
	struct tm tm;
	char date[32];
	if (i == (size_t)-1) {
		snprintf(buf, size, "%s", id);
		return buf;
	}
	t = (time_t)sc->shifts[i].day * 86400;
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%a %e %b", &tm);
	snprintf(buf, size, "%s %02d:%02d (%s)", date, sc->shifts[i].start_min / 60,
	         sc->shifts[i].start_min % 60, id);
	return buf;
}

static int by_price_size(const void *x, const void *y)
{
	const struct mu_price_row *a = *(const struct mu_price_row *const *)x;
	const struct mu_price_row *c = *(const struct mu_price_row *const *)y;
	double fa = fabs(a->price), fc = fabs(c->price);
	return fa > fc ? -1 : fa < fc;
}

/* One sentence for a price of a kind worth saying, into b; false for the
 * others, and for a price whose range does not reach one more of its unit
 * (the sentence would not hold). The price is the change in the objective
 * (spend plus penalty weights): a plain number, no pound sign, never called
 * a cost or a saving of money. The
 * item names its prices.csv row, so that a test can read the claim back. */
static bool sentence(struct mu_buf *b, const struct mu_scenario *sc, const struct lookup *lk,
                     const struct mu_price_row *r)
{
	char m[MU_MONEY_SIZE], shift[96] = "";
	enum mu_row_kind kind = r->kind;
	bool is_lower = r->price < 0;
	double room = r->range_to - r->limit;
	size_t start = b->len;
	if (isnan(room) || room < 1 - 1e-9)
		return false;
	io_html_weight(m, fabs(r->price));
	if (*r->shift)
		shift_text(shift, sizeof(shift), sc, lk, r->shift);
	mu_buf_adds(b, "<li data-constraint=\"");
	io_html_esc(b, r->constraint);
	mu_buf_adds(b, "\">");
	if (kind == MU_ROW_STAFF && is_lower) {
		mu_buf_adds(b, "One more ");
		io_html_esc(b, role_name(sc, lk, r->role));
		mu_buf_addf(b, " on %s at ", shift);
		io_html_esc(b, partner_name(sc, lk, r->partner));
	} else if (kind == MU_ROW_ROTATABLE && is_lower) {
		mu_buf_adds(b, "Letting one more ");
		io_html_esc(b, role_name(sc, lk, r->role));
		mu_buf_adds(b, " of ");
		io_html_esc(b, partner_name(sc, lk, r->partner));
		mu_buf_addf(b, " work at another partner on %s", shift);
	} else if (kind == MU_ROW_AGREEMENT && is_lower) {
		mu_buf_adds(b, "One more mutual-aid place from ");
		io_html_esc(b, partner_name(sc, lk, r->subject));
		mu_buf_adds(b, " to ");
		io_html_esc(b, partner_name(sc, lk, r->partner));
		mu_buf_addf(b, " on %s", shift);
	} else if (kind == MU_ROW_CAPACITY && is_lower) {
		mu_buf_adds(b, "One more ");
		io_html_esc(b, role_name(sc, lk, r->role));
		mu_buf_adds(b, " from agency ");
		io_html_esc(b, r->subject);
		mu_buf_addf(b, " on %s, ", shift);
		if (strcmp(r->partner, "*") == 0) {
			mu_buf_adds(b, "at any partner the offer serves,");
		} else {
			mu_buf_adds(b, "at ");
			io_html_esc(b, partner_name(sc, lk, r->partner));
			mu_buf_adds(b, ",");
		}
	} else if (kind == MU_ROW_HOURS && is_lower) {
		mu_buf_adds(b, "One more hour from bank worker ");
		io_html_esc(b, r->subject);
		mu_buf_adds(b, " (");
		io_html_esc(b, partner_name(sc, lk, r->partner));
		mu_buf_adds(b, ")");
	} else if (kind == MU_ROW_BUDGET && is_lower) {
		mu_buf_addf(b, "Each £1 more agency budget %s",
		            strcmp(r->partner, "SYSTEM") != 0 ? "at " : "for the whole system");
		if (strcmp(r->partner, "SYSTEM") != 0)
			io_html_esc(b, partner_name(sc, lk, r->partner));
	} else if (kind == MU_ROW_DEMAND && !is_lower) {
		mu_buf_adds(b, "Each extra ");
		io_html_esc(b, role_name(sc, lk, r->role));
		mu_buf_addf(b, " needed on %s at ", shift);
		io_html_esc(b, partner_name(sc, lk, r->partner));
	} else {
		b->len = start; /* nothing to say: take the item back */
		b->data[b->len] = '\0';
		return false;
	}
	mu_buf_addf(b, " %s the objective by <b>%s</b>", is_lower ? "lowers" : "raises", m);
	if (isfinite(room) && room >= 2 - 1e-9)
		mu_buf_addf(b, " (each of up to %.4g more)", room);
	else if (isfinite(room))
		mu_buf_adds(b, " (for one more only)");
	mu_buf_adds(b, ".</li>\n");
	return true;
}

/* The largest prices of the kinds is_kind marks, as sentences. */
static size_t sentences(struct mu_buf *b, const struct mu_scenario *sc, const struct lookup *lk,
                        const struct io_html_plan *p, const bool is_kind[MU_ROW_KIND_COUNT])
{
	const struct mu_price_row **sorted = mu_malloc((p->n_prices + 1) * sizeof(*sorted));
	size_t i, n = 0, n_said = 0;
	for (i = 0; i < p->n_prices; i++)
		if (fabs(p->prices[i].price) >= 0.005 && is_kind[p->prices[i].kind] &&
		    (!p->is_partner_page ||
		     strcmp(p->prices[i].partner, sc->partners[p->partner].id) == 0))
			sorted[n++] = &p->prices[i];
	qsort(sorted, n, sizeof(*sorted), by_price_size);
	mu_buf_adds(b, "<ul class=\"sentences\">\n");
	for (i = 0; i < n && n_said < N_SENTENCES; i++)
		n_said += sentence(b, sc, lk, sorted[i]);
	mu_buf_adds(b, "</ul>\n");
	free(sorted);
	return n_said;
}

static void prices(struct mu_buf *b, const struct mu_scenario *sc, const struct lookup *lk,
                   const struct io_html_plan *p)
{
	static const bool limits[MU_ROW_KIND_COUNT] = {
	    [MU_ROW_STAFF] = true,    [MU_ROW_ROTATABLE] = true, [MU_ROW_AGREEMENT] = true,
	    [MU_ROW_CAPACITY] = true, [MU_ROW_HOURS] = true,     [MU_ROW_BUDGET] = true,
	};
	static const bool demand[MU_ROW_KIND_COUNT] = {[MU_ROW_DEMAND] = true};
	mu_buf_adds(b, "<h2>What one more would be worth</h2>\n");
	if (!p->prices) {
		mu_buf_adds(b,
		            "<p>Shadow prices come from plan mode: run <code>muster solve "
		            "--lp --out DIR</code> for what one more staff, place, hour or pound "
		            "of budget is worth.</p>\n");
		return;
	}
	mu_buf_adds(b, "<p>From the shadow prices of this plan (prices.csv): how much one more of "
	               "a limit changes the objective &mdash; spend plus the penalty weights, "
	               "so a plain number, not pounds: part of it may be a penalty avoided "
	               "rather than money. Only prices whose range reaches one more are "
	               "said.</p>\n");
	if (sentences(b, sc, lk, p, limits) == 0)
		mu_buf_adds(
		    b, "<p>No extra staff, place, hour or budget would lower the objective.</p>\n");
	mu_buf_adds(b, "<p>And what demand adds to the objective at the margin:</p>\n");
	sentences(b, sc, lk, p, demand);
}

/* Whether change ch concerns the page's partner (where it was or is). */
static bool is_change_shown(const struct io_html_plan *p, const struct mu_change *ch)
{
	return !p->is_partner_page || ch->from_partner == p->partner ||
	       ch->to_partner == p->partner;
}

/* A re-plan's changes against the kept plan, first on the page. */
static void changes(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p)
{
	const struct mu_changes *c = p->changes;
	struct mu_buf text;
	size_t i, n = 0;
	char m[MU_MONEY_SIZE];
	if (!c)
		return;
	mu_buf_init(&text);
	mu_buf_adds(b, "<h2>Changes to the kept plan</h2>\n<p>");
	if (p->is_partner_page)
		mu_buf_adds(b, "Across the system: ");
	io_say_changes(&text, c);
	io_html_esc(b, text.data);
	mu_buf_adds(b, "</p>\n");
	if (p->is_partner_page) {
		mu_buf_addf(b,
		            "<p>At or from this partner: %zu change%s, change penalties %s in "
		            "weights.</p>\n",
		            c->by_partner[p->partner], c->by_partner[p->partner] == 1 ? "" : "s",
		            io_html_weight(m, c->penalty_by_partner[p->partner]));
	}
	for (i = 0; i < c->n_rows; i++)
		n += is_change_shown(p, &c->rows[i]);
	if (n > 0) {
		mu_buf_adds(
		    b, "<table><tr><th>change</th><th>who</th><th>shift</th><th>from</th>"
		       "<th>to</th><th>staff</th><th>change penalty (weights)</th><th>forced</th>"
		       "</tr>\n");
		for (i = 0; i < c->n_rows; i++) {
			const struct mu_change *ch = &c->rows[i];
			if (!is_change_shown(p, ch))
				continue;
			mu_buf_addf(b, "<tr><td>%s</td><td>", mu_change_kind_names[ch->kind]);
			if (ch->worker != MU_ALL) {
				io_html_esc(b, sc->bank[ch->worker].name);
				mu_buf_adds(b, " (");
				io_html_esc(b, sc->bank[ch->worker].id);
				mu_buf_adds(b, ")");
			} else if (ch->supplier) {
				io_html_esc(b, ch->supplier);
			}
			mu_buf_adds(b, "</td><td>");
			mu_buf_reset(&text);
			io_say_shift_when(&text, &sc->shifts[ch->shift]);
			mu_buf_addf(&text, " (%s)", sc->shifts[ch->shift].id);
			io_html_esc(b, text.data);
			mu_buf_adds(b, "</td><td>");
			if (ch->from_partner != MU_ALL) {
				io_html_esc(b, sc->partners[ch->from_partner].name);
				mu_buf_adds(b, " ");
				io_html_esc(b, sc->roles[ch->from_role].id);
			}
			mu_buf_adds(b, "</td><td>");
			if (ch->to_partner != MU_ALL) {
				io_html_esc(b, sc->partners[ch->to_partner].name);
				mu_buf_adds(b, " ");
				io_html_esc(b, sc->roles[ch->to_role].id);
			}
			mu_buf_addf(b, "</td><td>%.4g</td><td>%s</td><td>", ch->staff,
			            io_html_weight(m, ch->penalty));
			if (ch->is_forced) {
				mu_buf_adds(b, "yes: ");
				io_html_esc(b, mu_keep_gone_names[ch->why]);
			} else {
				mu_buf_adds(b, "no");
			}
			mu_buf_adds(b, "</td></tr>\n");
		}
		mu_buf_adds(b, "</table>\n");
	}
	mu_buf_release(&text);
}

static void plan_sections(struct mu_buf *b, const struct mu_scenario *sc, const struct lookup *lk,
                          const struct io_html_plan *p)
{
	changes(b, sc, p);
	unfilled(b, sc, p);
	partner_table(b, sc, p);
	heatmap(b, sc, p);
	if (p->is_partner_page)
		io_html_staff_by_shift(b, sc, p);
	spend(b, sc, p);
	mutual_aid(b, sc, p);
	io_html_bank(b, sc, p->plan, p->is_partner_page ? p->partner : MU_ALL);
	io_html_rates(b, sc, p);
	io_html_flow(b, sc, p);
	prices(b, sc, lk, p);
	io_html_rota_grid(b, sc, p);
}

enum mu_code io_html_write_solve(const char *dir, const struct mu_scenario *sc,
                                 const char *scenario_label, const struct io_html_plan *plan,
                                 struct mu_err *err)
{
	struct mu_buf b;
	struct lookup lk;
	char runs[48] = "";
	if (plan->run_id > 0)
		snprintf(runs, sizeof(runs), "Run %lld", plan->run_id);
	mu_buf_init(&b);
	lookup_init(&lk, sc);
	io_html_page_open(&b, plan->heading, sc, scenario_label, runs);
	replans(&b, sc, plan);
	files(&b, plan);
	headline(&b, sc, plan);
	plan_sections(&b, sc, &lk, plan);
	lookup_release(&lk);
	return io_html_write_page(dir, &b, err);
}

static void compare_row(struct mu_buf *b, const char *what, const char *sys, const char *silo,
                        const char *diff)
{
	mu_buf_adds(b, "<tr><td>");
	io_html_esc(b, what);
	mu_buf_adds(b, "</td><td>");
	io_html_esc(b, sys);
	mu_buf_adds(b, "</td><td>");
	io_html_esc(b, silo);
	mu_buf_adds(b, "</td><td>");
	io_html_esc(b, diff);
	mu_buf_adds(b, "</td></tr>\n");
}

static void compare_money(struct mu_buf *b, const char *what, double sys, double silo)
{
	char m[3][MU_MONEY_SIZE];
	compare_row(b, what, io_html_money(m[0], sys), io_html_money(m[1], silo),
	            io_html_money(m[2], sys - silo));
}

static void compare_weight(struct mu_buf *b, const char *what, double sys, double silo)
{
	char m[3][MU_MONEY_SIZE];
	compare_row(b, what, io_html_weight(m[0], sys), io_html_weight(m[1], silo),
	            io_html_weight(m[2], sys - silo));
}

static void compare_hours(struct mu_buf *b, const char *what, double sys, double silo)
{
	char t[3][32];
	snprintf(t[0], 32, "%.1f", sys);
	snprintf(t[1], 32, "%.1f", silo);
	snprintf(t[2], 32, "%+.1f", sys - silo);
	compare_row(b, what, t[0], t[1], t[2]);
}

static void compare_table(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct io_html_plan *sys, const struct io_html_plan *silo)
{
	const struct mu_totals *a = &sys->plan->system, *c = &silo->plan->system;
	char t[3][32];
	mu_buf_adds(b, "<table><tr><th></th><th>system</th><th>silo</th><th>system &minus; "
	               "silo</th></tr>\n");
	compare_hours(b, "filled hours", a->filled_hours, c->filled_hours);
	io_html_fill_text(t[0], 32, a);
	io_html_fill_text(t[1], 32, c);
	snprintf(t[2], 32, "%+.2f points", 100 * (mu_totals_fill_rate(a) - mu_totals_fill_rate(c)));
	compare_row(b, "fill rate", t[0], t[1], t[2]);
	snprintf(t[0], 32, "%zu", a->n_red_flags);
	snprintf(t[1], 32, "%zu", c->n_red_flags);
	snprintf(t[2], 32, "%+ld", (long)a->n_red_flags - (long)c->n_red_flags);
	compare_row(b, "red flags", t[0], t[1], t[2]);
	compare_money(b, "spend (cash)", a->spend_total, c->spend_total);
	compare_money(b, INDENT "agency", a->spend[MU_SRC_AGENCY], c->spend[MU_SRC_AGENCY]);
	compare_money(b, INDENT "shared bank", a->spend[MU_SRC_BANK], c->spend[MU_SRC_BANK]);
	compare_money(b, INDENT "mutual aid travel", a->spend[MU_SRC_LEND], c->spend[MU_SRC_LEND]);
	compare_weight(b, "penalties (weights, not money)", a->penalty_total, c->penalty_total);
	compare_weight(b, INDENT "unfilled hours", a->unfilled_penalty, c->unfilled_penalty);
	compare_weight(b, INDENT "agency tiers", a->penalty[MU_PEN_TIER], c->penalty[MU_PEN_TIER]);
	compare_weight(b, INDENT "break-glass", a->penalty[MU_PEN_BREAK_GLASS],
	               c->penalty[MU_PEN_BREAK_GLASS]);
	if (sc->n_flows > 0) /* patients fit to leave and in a bed (§3f) */
		compare_weight(b, INDENT "bed-days", a->penalty[MU_PEN_BED_DAYS],
		               c->penalty[MU_PEN_BED_DAYS]);
	compare_weight(b, "objective (spend + penalty weights)", sys->objective, silo->objective);
	compare_hours(b, "mutual aid hours", a->lent_out_hours, c->lent_out_hours);
	compare_hours(b, "bank hours", a->hours[MU_SRC_BANK], c->hours[MU_SRC_BANK]);
	compare_hours(b, "agency hours", a->hours[MU_SRC_AGENCY], c->hours[MU_SRC_AGENCY]);
	mu_buf_adds(b, "</table>\n");
}

/* A row of the partner-by-partner table: t's figures of partner p (n: the
 * whole system, a and c its totals). */
static void compare_partner_row(struct mu_buf *b, const char *name,
                                const struct io_compare_partners *t, size_t p,
                                const struct mu_totals *a, const struct mu_totals *c)
{
	char m[6][MU_MONEY_SIZE], f[2][32];
	io_html_fill_text(f[0], 32, a);
	io_html_fill_text(f[1], 32, c);
	mu_buf_adds(b, "<tr><td>");
	io_html_esc(b, name);
	mu_buf_addf(b,
	            "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
	            "<td>%zu</td><td>%zu</td>",
	            io_html_money(m[0], t->net_cash[0][p]), io_html_money(m[1], t->net_cash[1][p]),
	            io_html_weight(m[2], t->weighted[0][p]),
	            io_html_weight(m[3], t->weighted[1][p]), f[0], f[1], a->n_red_flags,
	            c->n_red_flags);
	mu_buf_addf(b, "<td>%s</td><td>%s</td><td>%.0f</td><td>%.0f</td></tr>\n",
	            io_html_money(m[4], t->agency[0][p]), io_html_money(m[5], t->agency[1][p]),
	            t->aid_in[p], t->aid_out[p]);
}

static void compare_partners(struct mu_buf *b, const struct mu_scenario *sc,
                             const struct io_html_plan *sys, const struct io_html_plan *silo)
{
	struct io_compare_partners t;
	size_t i;
	/* one footing with shares (mu_totals_net_cash, mu_totals_partner_cost):
	 * recharge paid minus received is in both; each column rounded so
	 * that the partners add up to the whole system's row as shown (issue
	 * 24) */
	io_report_compare_partners(sys->plan, silo->plan, sc->n_partners, &t);
	mu_buf_adds(b,
	            "<h2>Partner by partner</h2>\n<p>Net cash: spend on work done at the "
	            "partner plus recharge paid minus recharge received. Weighted: net cash plus "
	            "the partner's penalty weights, a plain number, not money.</p>\n<table>"
	            "<tr><th>partner</th><th>net cash, system</th><th>net cash, silo</th>"
	            "<th>weighted, system</th><th>weighted, silo</th><th>fill, system</th>"
	            "<th>fill, silo</th>"
	            "<th>red flags, system</th><th>red flags, silo</th><th>agency, system</th>"
	            "<th>agency, silo</th><th>aid in h</th><th>aid out h</th></tr>\n");
	for (i = 0; i < sc->n_partners; i++)
		compare_partner_row(b, sc->partners[i].name, &t, i, &sys->plan->partners[i],
		                    &silo->plan->partners[i]);
	compare_partner_row(b, "Whole system", &t, sc->n_partners, &sys->plan->system,
	                    &silo->plan->system);
	mu_buf_adds(b, "</table>\n");
	io_compare_partners_release(&t);
}

enum mu_code io_html_write_compare(const char *dir, const struct mu_scenario *sc,
                                   const char *scenario_label, const struct io_html_plan *sys,
                                   const struct io_html_plan *silo, const char *guarantee,
                                   const struct mu_bidding *bidding, struct mu_err *err)
{
	double lower = silo->objective - sys->objective;
	char m[MU_MONEY_SIZE], runs[96] = "";
	struct mu_buf b, say;
	struct lookup lk;
	if (sys->run_id > 0 && silo->run_id > 0)
		snprintf(runs, sizeof(runs), "Runs %lld (system) and %lld (silo)", sys->run_id,
		         silo->run_id);
	mu_buf_init(&b);
	lookup_init(&lk, sc);
	io_html_page_open(&b, "System against silo", sc, scenario_label, runs);
	replans(&b, sc, sys);
	mu_buf_init(&say);
	io_say_value(&say, sc, sys->plan, silo->plan);
	mu_buf_adds(&b, "<p style=\"font-size:1.2em\">");
	io_html_esc(&b, say.data);
	if (sc->n_flows > 0) {
		mu_buf_reset(&say);
		io_say_flow_compare(&say, sc, sys->plan, silo->plan);
		mu_buf_adds(&b, "</p>\n<p>Moving patients home sooner: ");
		io_html_esc(&b, say.data);
	}
	mu_buf_adds(&b, sc->n_flows > 0
	                    ? "</p>\n<p>The objective &mdash; spend plus the penalty weights the "
	                      "scenario puts on unfilled hours, agency tiers, break-glass and the "
	                      "bed-days of patients fit to leave, not money anyone pays &mdash; is "
	                    : "</p>\n<p>The objective &mdash; spend plus the penalty weights the "
	                      "scenario puts on unfilled hours, agency tiers and break-glass, not "
	                      "money anyone pays &mdash; is ");
	mu_buf_addf(&b, "<b>%s %s</b>", io_html_weight(m, fabs(lower)),
	            lower >= 0 ? "lower" : "higher");
	if (silo->objective > 0)
		mu_buf_addf(&b, " (%.0f%% of the silo's)", 100 * fabs(lower) / silo->objective);
	{
		/* a stopped search's objective is only the best it found (as the
		 * terminal says, io_say_compare_cost) */
		bool is_sys = sys->status == MU_STATUS_OPTIMAL,
		     is_silo = silo->status == MU_STATUS_OPTIMAL;
		if (!is_sys || !is_silo)
			mu_buf_addf(&b,
			            " between the rotas found: the %s search%s stopped before %s "
			            "proven best",
			            !is_sys && !is_silo ? "system and silo"
			            : !is_sys           ? "system"
			                                : "silo",
			            !is_sys && !is_silo ? "es were" : " was",
			            !is_sys && !is_silo ? "they were" : "it was");
	}
	mu_buf_adds(&b, ".</p>\n");
	/* what the two are, and the files beside the page */
	mu_buf_addf(&b,
	            "<p>%s This folder has compare.csv, and system/ and silo/ with each "
	            "one's plan.csv, summary.csv, why.csv%s%s and partners/.</p>\n",
	            sys->is_plan ? "These are two <b>plans</b> (plan mode), not rotas: a worker "
	                           "may be given part of a shift."
	                         : "These are two <b>rotas</b>: whole shifts for named bank "
	                           "workers.",
	            sys->is_plan ? ", prices.csv" : ", rota.csv",
	            sys->changes ? ", changes.csv, calls.csv, bookings.csv" : "");
	mu_buf_release(&say);
	if (guarantee) {
		mu_buf_adds(&b, "<p>");
		io_html_esc(&b, guarantee);
		mu_buf_adds(&b, "</p>\n");
	}
	mu_buf_adds(&b, "<p>Silo: the same scenario as if partners worked alone: no lending, each "
	                "bank worker only at their home partner.</p>\n");
	compare_table(&b, sc, sys, silo);
	compare_partners(&b, sc, sys, silo);
	if (bidding)
		io_html_bidding(&b, sc, sys->plan, silo->plan, bidding);
	mu_buf_adds(&b, "<h1 class=\"part\" style=\"margin-top:1.5em\">The system plan</h1>\n");
	headline(&b, sc, sys);
	plan_sections(&b, sc, &lk, sys);
	mu_buf_adds(&b, "<h1 class=\"part\" style=\"margin-top:1.5em\">The silo plan</h1>\n");
	headline(&b, sc, silo);
	unfilled(&b, sc, silo);
	heatmap(&b, sc, silo);
	spend(&b, sc, silo);
	lookup_release(&lk);
	return io_html_write_page(dir, &b, err);
}
