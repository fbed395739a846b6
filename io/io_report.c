/*
 * io_report.c - writes the CSV outputs: plan.csv, summary.csv, rota.csv,
 * why.csv, prices.csv, compare.csv and sweep.csv, each through io_file.
 */
#include "io_report.h"

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_format.h"
#include "io/io_csv.h"
#include "io/io_file.h"
#include "io/io_say.h"

#include <assert.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Every output goes through io_file: written beside its name, then
 * renamed into place (DESIGN.md §4). */
static FILE *open_out(struct io_file_out *f, const char *dir, const char *name, struct mu_err *err)
{
	return io_file_open(f, dir, name, err) == MU_OK ? f->fp : NULL;
}

enum mu_code io_report_write_file(const char *dir, const char *name, const char *data, size_t len,
                                  struct mu_err *err)
{
	return io_file_write(dir, name, data, len, err);
}

/* True when row r belongs to partner p's slice: worked there, or by its
 * staff elsewhere (MU_ALL: every row). */
static bool is_partners(const struct mu_plan_row *r, size_t p)
{
	return p == MU_ALL || r->partner == p || r->home == p;
}

/* The figure at offset in every partner's totals added up, as
 * mu_format_round_to_total adds them for summary.csv's SYSTEM row. */
static double partners_total(const struct mu_scenario *sc, const struct mu_plan *plan,
                             size_t offset)
{
	double total = 0;
	size_t p;
	for (p = 0; p < sc->n_partners; p++)
		total += *(const double *)((const char *)&plan->partners[p] + offset);
	return total;
}

/* The n rows' figures v rounded to pennies into out, adding up to total
 * rounded to the penny: mu_format_round_to_total, then, where the rows'
 * exact sum rounds a penny or two away from total's (their sums in another
 * order), that many pennies moved to the rows furthest below (above) their
 * exact figure, each still less than a penny from it. */
static void round_rows_to(const double *v, size_t n, double total, double *out)
{
	long want = lround(round(total * 100)), have = 0;
	size_t i;
	mu_format_round_to_total(v, n, 0.01, out);
	for (i = 0; i < n; i++)
		have += lround(out[i] * 100);
	while (n > 0 && want != have && labs(want - have) <= 2) {
		size_t at = 0;
		int step = want > have ? 1 : -1;
		for (i = 1; i < n; i++)
			if (step * (v[i] - out[i]) > step * (v[at] - out[at]))
				at = i;
		out[at] = (double)(lround(out[at] * 100) + step) / 100;
		have += step;
	}
}

enum mu_code io_report_write_plan(const char *dir, const struct mu_scenario *sc,
                                  const struct mu_plan *plan, size_t partner, struct mu_err *err)
{
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "plan.csv", err);
	double *v, *cost, *recharge;
	size_t i;
	if (!fp)
		return MU_E_IO;
	/* the cost column adds up, as written, to the objective as
	 * summary.csv's SYSTEM total_cost writes it, and the recharge column
	 * to its recharge: each rounded to its total (issue 24), the same in
	 * every partner's slice */
	v = mu_malloc((3 * plan->n_rows + 1) * sizeof(double));
	cost = v + plan->n_rows;
	recharge = cost + plan->n_rows;
	for (i = 0; i < plan->n_rows; i++)
		v[i] = plan->rows[i].cost;
	round_rows_to(v, plan->n_rows,
	              partners_total(sc, plan, offsetof(struct mu_totals, cost_total)), cost);
	for (i = 0; i < plan->n_rows; i++)
		v[i] = plan->rows[i].recharge;
	round_rows_to(v, plan->n_rows,
	              partners_total(sc, plan, offsetof(struct mu_totals, recharge_in)), recharge);
	fputs("source,partner,role,worker_role,shift,home,worker,offer,staff,hours,cost,recharge\n",
	      fp);
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *r = &plan->rows[i];
		struct mu_plan_text t;
		const char *text[8];
		size_t k;
		if (!is_partners(r, partner))
			continue;
		mu_plan_row_text(sc, r, &t);
		text[0] = t.source;
		text[1] = t.partner;
		text[2] = t.role;
		text[3] = t.worker_role;
		text[4] = t.shift;
		text[5] = t.home;
		text[6] = t.worker;
		text[7] = t.offer;
		for (k = 0; k < sizeof(text) / sizeof(text[0]); k++) {
			io_csv_write_text(fp, text[k]);
			fputc(',', fp);
		}
		fprintf(fp, "%.10g,%.10g,%.2f,%.2f\n", r->staff, r->hours,
		        cost[i] == 0 ? 0 : cost[i], recharge[i] == 0 ? 0 : recharge[i]);
	}
	free(v);
	return io_file_close(&out, err);
}

struct rota_entry {
	size_t row, worker;
	long abs_start;
};

static int by_worker_then_start(const void *x, const void *y)
{
	const struct rota_entry *a = x, *b = y;
	if (a->worker != b->worker)
		return a->worker < b->worker ? -1 : 1;
	if (a->abs_start != b->abs_start)
		return a->abs_start < b->abs_start ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

size_t io_report_rota_order(const struct mu_scenario *sc, const struct mu_plan *plan,
                            size_t partner, size_t *order)
{
	struct rota_entry *e = mu_malloc((plan->n_rows + 1) * sizeof(*e));
	size_t i, n = 0;
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *r = &plan->rows[i];
		if (r->source == MU_SRC_BANK && is_partners(r, partner))
			e[n++] = (struct rota_entry){i, r->worker, sc->shifts[r->shift].abs_start};
	}
	qsort(e, n, sizeof(*e), by_worker_then_start);
	for (i = 0; i < n; i++)
		order[i] = e[i].row;
	free(e);
	return n;
}

void io_report_date_text(char *buf, size_t size, long day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d", &tm);
}

void io_report_rate_text(char *buf, size_t size, double rate)
{
	snprintf(buf, size, "%.10g", rate);
	if (!strchr(buf, '.') || strlen(strchr(buf, '.')) < 3)
		snprintf(buf, size, "%.2f", rate);
}

enum mu_code io_report_write_rota(const char *dir, const struct mu_scenario *sc,
                                  const struct mu_plan *plan, size_t partner, struct mu_err *err)
{
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "rota.csv", err);
	size_t *order = mu_malloc((plan->n_rows + 1) * sizeof(size_t));
	size_t n = io_report_rota_order(sc, plan, partner, order), i;
	if (!fp) {
		free(order);
		return MU_E_IO;
	}
	fputs("worker,name,role,home,partner,partner_name,covers,shift,date,start,end,hours,rate\n",
	      fp);
	for (i = 0; i < n; i++) {
		const struct mu_plan_row *r = &plan->rows[order[i]];
		const struct mu_bank_worker *w = &sc->bank[r->worker];
		const struct mu_shift *s = &sc->shifts[r->shift];
		char date[16], rate[32];
		io_report_date_text(date, sizeof(date), s->day);
		io_csv_write_text(fp, w->id);
		fputc(',', fp);
		io_csv_write_text(fp, w->name);
		fputc(',', fp);
		io_csv_write_text(fp, sc->roles[w->role].id);
		fputc(',', fp);
		io_csv_write_text(fp, sc->partners[w->home].id);
		fputc(',', fp);
		io_csv_write_text(fp, sc->partners[r->partner].id);
		fputc(',', fp);
		io_csv_write_text(fp, sc->partners[r->partner].name);
		fputc(',', fp);
		io_csv_write_text(fp, sc->roles[r->role].id);
		fputc(',', fp);
		io_csv_write_text(fp, s->id);
		io_report_rate_text(rate, sizeof(rate), r->rate);
		fprintf(fp, ",%s,%02d:%02d,%02d:%02d,%.10g,%s\n", date, s->start_min / 60,
		        s->start_min % 60, s->end_min / 60, s->end_min % 60, r->hours, rate);
	}
	free(order);
	return io_file_close(&out, err);
}

struct unfilled_key {
	bool is_red_flag;
	double uncovered;
	size_t demand;
};

static int by_red_flag_then_size(const void *x, const void *y)
{
	const struct unfilled_key *a = x, *b = y;
	if (a->is_red_flag != b->is_red_flag)
		return a->is_red_flag ? -1 : 1;
	if (a->uncovered != b->uncovered)
		return a->uncovered > b->uncovered ? -1 : 1;
	return a->demand < b->demand ? -1 : a->demand > b->demand;
}

size_t io_report_unfilled_order(const struct mu_plan *plan, size_t *order)
{
	struct unfilled_key *k = mu_malloc((plan->n_demand + 1) * sizeof(*k));
	size_t d, n = 0, i;
	for (d = 0; d < plan->n_demand; d++) {
		const struct mu_demand_result *r = &plan->demand[d];
		double uncovered = r->short_staff + r->breach_staff;
		if (uncovered > 1e-6 || r->is_red_flag)
			k[n++] = (struct unfilled_key){r->is_red_flag, uncovered, d};
	}
	qsort(k, n, sizeof(*k), by_red_flag_then_size);
	for (i = 0; i < n; i++)
		order[i] = k[i].demand;
	free(k);
	return n;
}

void io_report_why_order(const struct mu_plan *plan, const struct mu_why *why, size_t *order)
{
	size_t *rows = mu_malloc((plan->n_demand + 1) * sizeof(size_t));
	size_t *first = mu_calloc(plan->n_demand + 2, sizeof(size_t));
	size_t *by_demand = mu_malloc((why->n_rows + 1) * sizeof(size_t));
	size_t n_rows = io_report_unfilled_order(plan, rows), i, k, n = 0;
	/* why's rows grouped by demand row, each group in why's order */
	for (i = 0; i < why->n_rows; i++)
		first[why->rows[i].demand + 1]++;
	for (i = 0; i < plan->n_demand; i++)
		first[i + 1] += first[i];
	for (i = 0; i < why->n_rows; i++)
		by_demand[first[why->rows[i].demand]++] = i;
	for (i = plan->n_demand; i > 0; i--) /* first[d] moved to the group's end: back */
		first[i] = first[i - 1];
	first[0] = 0;
	for (k = 0; k < n_rows; k++)
		for (i = first[rows[k]]; i < first[rows[k] + 1]; i++)
			order[n++] = by_demand[i];
	/* pol_why explains exactly the unfilled rows */
	assert(n == why->n_rows);
	free(rows);
	free(first);
	free(by_demand);
}

enum mu_code io_report_write_changes(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_changes *changes, struct mu_err *err)
{
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "changes.csv", err);
	size_t i;
	if (!fp)
		return MU_E_IO;
	fputs("change,source,worker,name,supplier,offer,shift,date,start,end,from_partner,"
	      "from_role,to_partner,to_role,staff,change_penalty,forced,reason\n",
	      fp);
	for (i = 0; i < changes->n_rows; i++) {
		const struct mu_change *c = &changes->rows[i];
		const struct mu_agency_offer *a = c->offer != MU_ALL ? &sc->agency[c->offer] : NULL;
		const struct mu_shift *s = &sc->shifts[c->shift];
		char date[16], start[32], end[32];
		io_report_date_text(date, sizeof(date), s->day);
		snprintf(start, sizeof(start), "%02d:%02d", s->start_min / 60, s->start_min % 60);
		snprintf(end, sizeof(end), "%02d:%02d", s->end_min / 60, s->end_min % 60);
		const char *cells[] = {
		    mu_change_kind_names[c->kind],
		    mu_source_info[c->source].name,
		    c->worker != MU_ALL ? sc->bank[c->worker].id : "",
		    c->worker != MU_ALL ? sc->bank[c->worker].name : "",
		    c->supplier ? c->supplier : "",
		    !a                     ? ""
		    : a->partner == MU_ALL ? "*"
		                           : sc->partners[a->partner].id,
		    s->id,
		    date,
		    start,
		    end,
		    c->from_partner != MU_ALL ? sc->partners[c->from_partner].id : "",
		    c->from_role != MU_ALL ? sc->roles[c->from_role].id : "",
		    c->to_partner != MU_ALL ? sc->partners[c->to_partner].id : "",
		    c->to_role != MU_ALL ? sc->roles[c->to_role].id : "",
		};
		io_csv_write_row(fp, cells, sizeof(cells) / sizeof(cells[0]));
		fprintf(fp, ",%.10g,%.2f,%s,", c->staff, c->penalty, c->is_forced ? "yes" : "no");
		io_csv_write_text(fp, mu_keep_gone_names[c->why]);
		fputc('\n', fp);
	}
	return io_file_close(&out, err);
}

enum mu_code io_report_write_why(const char *dir, const struct mu_scenario *sc,
                                 const struct mu_plan *plan, const struct mu_why *why,
                                 struct mu_err *err)
{
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "why.csv", err);
	size_t *order = mu_malloc((why->n_rows + 1) * sizeof(size_t)), i;
	struct mu_buf detail;
	if (!fp) {
		free(order);
		return MU_E_IO;
	}
	io_report_why_order(plan, why, order);
	mu_buf_init(&detail);
	fputs("partner,role,shift,uncovered,source,reason,limit,detail\n", fp);
	for (i = 0; i < why->n_rows; i++) {
		const struct mu_why_row *r = &why->rows[order[i]];
		const struct mu_demand *d = &sc->demand[r->demand];
		mu_buf_reset(&detail);
		io_say_why(&detail, sc, r);
		io_csv_write_row(fp,
		                 (const char *[]){sc->partners[d->partner].id,
		                                  sc->roles[d->role].id, sc->shifts[d->shift].id},
		                 3);
		fprintf(fp, ",%.10g,", r->uncovered);
		io_csv_write_row(fp,
		                 (const char *[]){io_say_why_source(r),
		                                  mu_why_reason_names[r->reason],
		                                  io_say_why_limit(r), detail.data},
		                 4);
		fputc('\n', fp);
	}
	mu_buf_release(&detail);
	free(order);
	return io_file_close(&out, err);
}

static void write_number_or_empty(FILE *fp, double v)
{
	if (isfinite(v))
		fprintf(fp, "%.10g", v);
}

enum mu_code io_report_write_prices(const char *dir, const struct mu_price_row *rows, size_t n,
                                    struct mu_err *err)
{
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "prices.csv", err);
	size_t i;
	if (!fp)
		return MU_E_IO;
	fputs("constraint,kind,partner,role,shift,subject,unit,limit,activity,shadow_price,"
	      "range_from,range_to\n",
	      fp);
	for (i = 0; i < n; i++) {
		const struct mu_price_row *r = &rows[i];
		const char *text[] = {
		    r->constraint, mu_row_kind_info[r->kind].name, r->partner, r->role, r->shift,
		    r->subject,    mu_row_kind_info[r->kind].unit};
		size_t k;
		for (k = 0; k < sizeof(text) / sizeof(text[0]); k++) {
			io_csv_write_text(fp, text[k]);
			fputc(',', fp);
		}
		/* 1e-9 and below is the simplex's rounding, not a price */
		fprintf(fp, "%.10g,%.10g,%.4f,", r->limit,
		        fabs(r->activity) < 1e-9 ? 0 : r->activity,
		        fabs(r->price) < 1e-9 ? 0 : r->price);
		write_number_or_empty(fp, r->range_from);
		fputc(',', fp);
		write_number_or_empty(fp, r->range_to);
		fputc('\n', fp);
	}
	return io_file_close(&out, err);
}

/* Where the figures of a mu_totals that add up across partners are, and
 * whether each is hours (else money or penalty weights). */
struct summed {
	size_t at;
	bool is_hours;
};

static size_t summed_fields(struct summed *f)
{
	size_t n = 0;
	int k;
#define SUMMED(field, hours) (f[n++] = (struct summed){offsetof(struct mu_totals, field), hours})
	SUMMED(required_hours, true);
	SUMMED(filled_hours, true);
	SUMMED(unfilled_hours, true);
	SUMMED(lent_out_hours, true);
	SUMMED(unfilled_penalty, false);
	SUMMED(spend_total, false);
	SUMMED(penalty_total, false);
	SUMMED(cost_total, false);
	SUMMED(recharge_in, false);
	SUMMED(recharge_out, false);
	for (k = 0; k < MU_SRC_COUNT; k++) {
		SUMMED(hours[k], true);
		SUMMED(spend[k], false);
		SUMMED(cost[k], false);
	}
	for (k = 0; k < MU_PEN_COUNT; k++)
		SUMMED(penalty[k], false);
#undef SUMMED
	return n;
}

#define N_SUMMED (10 + 3 * MU_SRC_COUNT + MU_PEN_COUNT)

void io_report_round_totals(const struct mu_totals *parts, size_t n, const struct mu_totals *system,
                            double hour_unit, struct mu_totals *out, struct mu_totals *sum)
{
	struct summed f[N_SUMMED];
	size_t n_f = summed_fields(f), i, p;
	double *v = mu_malloc((2 * n + 1) * sizeof(double)), *r = v + n;
	assert(n_f == N_SUMMED);
	memcpy(out, parts, n * sizeof(*out));
	*sum = *system;
	for (i = 0; i < n_f; i++) {
		double *total = (double *)((char *)sum + f[i].at);
		for (p = 0; p < n; p++)
			v[p] = *(const double *)((const char *)&parts[p] + f[i].at);
		mu_format_round_to_total(v, n, f[i].is_hours ? hour_unit : 0.01, r);
		*total = 0;
		for (p = 0; p < n; p++) {
			*(double *)((char *)&out[p] + f[i].at) = r[p];
			*total += r[p];
		}
	}
	free(v);
}

/* A row of summary.csv: t's figures as written (rounded), exact's for the
 * fill fraction and agency percentage. */
static void write_totals(FILE *fp, const char *scope, const char *name, const struct mu_totals *t,
                         const struct mu_totals *exact, bool has_budget, double budget,
                         bool has_pay_bill, double pay_bill)
{
	double fill = mu_totals_fill_rate(exact), agency_spend = t->spend[MU_SRC_AGENCY];
	int s;
	io_csv_write_text(fp, scope);
	fputc(',', fp);
	io_csv_write_text(fp, name);
	fprintf(fp, ",%.2f", t->required_hours);
	/* change and rate rows have no hours; extra bank staff (§3d) have
	 * no column yet: their hours and spend are in the totals */
	for (s = 0; s < MU_SRC_CHANGE; s++)
		fprintf(fp, ",%.2f", t->hours[s]);
	if (fill >= 0)
		fprintf(fp, ",%.4f", fill);
	else
		fputs(",", fp);
	fprintf(fp, ",%zu", t->n_red_flags);
	fprintf(fp, ",%.2f,%.2f,", t->cost_total, agency_spend);
	if (has_budget)
		fprintf(fp, "%.2f", budget);
	fputc(',', fp);
	if (has_pay_bill && pay_bill > 0)
		fprintf(fp, "%.2f", 100 * exact->spend[MU_SRC_AGENCY] / pay_bill);
	fprintf(fp, ",%.6g,%.2f,%.2f,%.2f", t->break_glass_shifts, t->lent_out_hours,
	        t->recharge_in, t->recharge_out);
	fprintf(fp, ",%.2f,%.2f,%.2f,%.2f", t->filled_hours, t->spend[MU_SRC_LEND],
	        t->spend[MU_SRC_BANK], t->spend_total);
	for (s = 0; s < MU_PEN_COUNT; s++)
		if (mu_totals_has_penalty(exact, s))
			fprintf(fp, ",%.2f", t->penalty[s]);
	fprintf(fp, ",%.2f\n", t->penalty_total);
}

enum mu_code io_report_write_summary(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_plan *plan, struct mu_err *err)
{
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "summary.csv", err);
	struct mu_totals *shown, system;
	double pay_bill = 0;
	bool has_pay_bill = true;
	size_t p;
	int k;
	if (!fp)
		return MU_E_IO;
	fputs("partner,name,required_hours,own_hours,lend_hours,bank_hours,agency_hours,"
	      "short_hours,breach_hours,share_hours,fill_fraction,red_flags,total_cost,"
	      "agency_spend,agency_budget,agency_pct_of_pay_bill,break_glass_staff_shifts,"
	      "lent_out_hours,recharge_in,recharge_out,filled_hours,lend_spend,bank_spend,spend",
	      fp);
	for (k = 0; k < MU_PEN_COUNT; k++)
		if (mu_totals_has_penalty(&plan->system, k))
			fprintf(fp, ",%s_penalty", mu_penalty_names[k]);
	fputs(",penalties\n", fp);
	/* the partners' rows add up to the SYSTEM row as written (issue 24) */
	shown = mu_malloc((sc->n_partners + 1) * sizeof(*shown));
	io_report_round_totals(plan->partners, sc->n_partners, &plan->system, 0.01, shown, &system);
	for (p = 0; p < sc->n_partners; p++) {
		const struct mu_partner *pt = &sc->partners[p];
		write_totals(fp, pt->id, pt->name, &shown[p], &plan->partners[p],
		             pt->has_agency_budget, pt->agency_budget, pt->has_pay_bill,
		             pt->pay_bill);
		pay_bill += pt->pay_bill;
		has_pay_bill = has_pay_bill && pt->has_pay_bill;
	}
	write_totals(fp, "SYSTEM", "the whole system", &system, &plan->system,
	             sc->settings.has_agency_budget, sc->settings.agency_budget, has_pay_bill,
	             pay_bill);
	free(shown);
	return io_file_close(&out, err);
}

/* shares.csv's cash and footing columns of partner p (MU_ALL: SYSTEM, the
 * sums), with the line's end. */
/* A game's money columns as shares.csv writes them, each in pennies and
 * each adding up over the n partners to its total, at [n], with silo -
 * system = gain and gain + transfer = share in every row: system, gain and
 * transfer rounded to their totals (mu_format_round_to_total; so a gain or
 * transfer of 0 stays 0, and the transfers add up to 0), silo = system +
 * gain and share = gain + transfer, each less than two pennies from its
 * exact value. */
struct game_columns {
	double *silo, *system, *gain, *share, *transfer;
};

static void penny(double *v)
{
	*v = round(*v * 100) / 100;
}

static void game_columns_init(struct game_columns *g, size_t n, const double *system,
                              const double *gain, const double *transfer)
{
	double *all = mu_calloc(5 * (n + 1), sizeof(double));
	size_t p;
	g->silo = all;
	g->system = all + (n + 1);
	g->gain = all + 2 * (n + 1);
	g->share = all + 3 * (n + 1);
	g->transfer = all + 4 * (n + 1);
	mu_format_round_to_total(system, n, 0.01, g->system);
	mu_format_round_to_total(gain, n, 0.01, g->gain);
	mu_format_round_to_total(transfer, n, 0.01, g->transfer);
	for (p = 0; p < n; p++) {
		g->silo[p] = g->system[p] + g->gain[p];
		g->share[p] = g->gain[p] + g->transfer[p];
		penny(&g->silo[p]);
		penny(&g->share[p]);
	}
	for (p = 0; p < n; p++) {
		g->silo[n] += g->silo[p];
		g->system[n] += g->system[p];
		g->gain[n] += g->gain[p];
		g->share[n] += g->share[p];
		g->transfer[n] += g->transfer[p];
	}
	penny(&g->silo[n]);
	penny(&g->system[n]);
	penny(&g->gain[n]);
	penny(&g->share[n]);
	penny(&g->transfer[n]);
}

static void game_columns_release(struct game_columns *g)
{
	free(g->silo);
}

/* Writes "%.2f" of v, "0.00" for -0.00. */
static void write_money(FILE *fp, double v)
{
	fprintf(fp, "%.2f", v == 0 ? 0 : v);
}

/* The cash game's columns and the totals' of partner p (n: SYSTEM);
 * cash NULL when there is no cash game, net NULL without totals. */
static void write_shares_cash(FILE *fp, const struct io_shares *t, size_t p,
                              const struct game_columns *cash, const double *net_silo,
                              const double *net_system)
{
	size_t n = t->shares->n, i, lo = p == n ? 0 : p, hi = p == n ? n : p + 1;
	double hours = 0, *change = NULL, *shown = NULL;
	long flags = 0;
	if (t->silo_totals) {
		/* the change in filled hours in hundredths, the partners' adding
		 * up to SYSTEM's as written (issue 24; was ten digits) */
		change = mu_malloc(2 * (n + 1) * sizeof(double));
		shown = change + n + 1;
		for (i = 0; i < n; i++)
			change[i] =
			    t->system_totals[i].filled_hours - t->silo_totals[i].filled_hours;
		mu_format_round_to_total(change, n, 0.01, shown);
	}
	for (i = lo; t->silo_totals && i < hi; i++) {
		hours += shown[i];
		flags +=
		    (long)t->system_totals[i].n_red_flags - (long)t->silo_totals[i].n_red_flags;
	}
	free(change);
	if (cash) {
		fputc(',', fp);
		write_money(fp, cash->silo[p]);
		fputc(',', fp);
		write_money(fp, cash->system[p]);
	} else if (t->silo_totals) {
		fputc(',', fp);
		write_money(fp, net_silo[p]);
		fputc(',', fp);
		write_money(fp, net_system[p]);
	} else {
		fputs(",,", fp);
	}
	if (cash) {
		fputc(',', fp);
		write_money(fp, cash->gain[p]);
		fputc(',', fp);
		write_money(fp, cash->share[p]);
		fputc(',', fp);
		write_money(fp, cash->transfer[p]);
		fprintf(fp, ",%ld", t->horizon_days);
	} else {
		fputs(",,,,", fp);
	}
	if (t->silo_totals) {
		fputc(',', fp);
		write_money(fp, round(hours * 100) / 100); /* hundredths of an hour */
		fprintf(fp, ",%ld\n", flags);
	} else {
		fputs(",,\n", fp);
	}
}

enum mu_code io_report_write_shares(const char *dir, const struct mu_scenario *sc,
                                    const struct io_shares *t, struct mu_err *err)
{
	const struct mu_shares *sh = t->shares;
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "shares.csv", err);
	size_t n = sc->n_partners, p;
	struct game_columns value, cash;
	double *net = NULL, *net_silo = NULL, *net_system = NULL;
	if (!fp)
		return MU_E_IO;
	/* the rows of every money column add up to SYSTEM's as written
	 * (issue 24): until then ten digits each, a penny apart */
	game_columns_init(&value, n, t->system_cost, t->gain, t->transfer);
	if (t->silo_totals) {
		net = mu_calloc(4 * (n + 1), sizeof(double));
		for (p = 0; p < n; p++) {
			net[p] = mu_totals_net_cash(&t->silo_totals[p]);
			net[n + 1 + p] = mu_totals_net_cash(&t->system_totals[p]);
		}
		net_silo = net + 2 * (n + 1);
		net_system = net + 3 * (n + 1);
		mu_format_round_to_total(net, n, 0.01, net_silo);
		mu_format_round_to_total(net + n + 1, n, 0.01, net_system);
		for (p = 0; p < n; p++) {
			net_silo[n] += net_silo[p];
			net_system[n] += net_system[p];
		}
		penny(&net_silo[n]);
		penny(&net_system[n]);
	}
	if (t->cash_shares)
		game_columns_init(&cash, n, net + n + 1, t->cash_gain, t->cash_transfer);
	fputs("partner,name,silo_cost,system_cost,gain,share,std_error,transfer,in_core,"
	      "furthest_coalition,furthest_excess,silo_net_cash,system_net_cash,cash_gain,"
	      "cash_share,cash_transfer,horizon_days,filled_hours_change,red_flags_change\n",
	      fp);
	for (p = 0; p <= n; p++) {
		bool is_system = p == n;
		io_csv_write_text(fp, is_system ? "SYSTEM" : sc->partners[p].id);
		fputc(',', fp);
		io_csv_write_text(fp, is_system ? "the whole system" : sc->partners[p].name);
		fprintf(fp, ",%.2f,%.2f,%.2f,%.2f,", value.silo[p], value.system[p], value.gain[p],
		        value.share[p]);
		/* empty when exact, or from one order (NAN), and for SYSTEM */
		if (!is_system && !sh->is_exact && sh->std_error && !isnan(sh->std_error[p]))
			fprintf(fp, "%.2f", sh->std_error[p]);
		fputc(',', fp);
		write_money(fp, value.transfer[p]);
		fputc(',', fp);
		if (is_system && sh->is_exact) {
			struct mu_buf ids;
			mu_buf_init(&ids);
			io_say_coalition(&ids, sc, sh->furthest);
			fprintf(fp, "%s,", sh->is_in_core ? "yes" : "no");
			io_csv_write_text(fp, ids.data);
			fprintf(fp, ",%.2f", sh->furthest_excess);
			mu_buf_release(&ids);
		} else {
			fputs(",,", fp);
		}
		write_shares_cash(fp, t, p, t->cash_shares ? &cash : NULL, net_silo, net_system);
	}
	game_columns_release(&value);
	if (t->cash_shares)
		game_columns_release(&cash);
	free(net);
	return io_file_close(&out, err);
}

/* v[0..n-1], the n partners' figures, rounded to unit so that they add
 * up to their total, which goes into v[n]. */
static void column_to_total(double *v, size_t n, double unit)
{
	double *r = mu_malloc((n + 1) * sizeof(double)), sum = 0;
	size_t p;
	mu_format_round_to_total(v, n, unit, r);
	for (p = 0; p < n; p++) {
		v[p] = r[p];
		sum += r[p];
	}
	v[n] = round(sum / unit) * unit; /* whole units, as the parts are */
	free(r);
}

/* The measures of one scope of compare.csv: the KPIs of summary.csv, then
 * the footing compare and shares share (mu_plan.h): net cash and the
 * partner's cost with recharge paid minus received in them. */
#define COMPARE_MEASURE_MAX (MU_KPI_MAX + 2)

static size_t compare_measures(const struct mu_totals *t, struct mu_kpi *out)
{
	size_t n = mu_totals_kpis(t, out);
	out[n++] = (struct mu_kpi){"net_cash", mu_totals_net_cash(t)};
	out[n++] = (struct mu_kpi){"cost_with_recharge", mu_totals_partner_cost(t)};
	return n;
}

/* Whether the measure adds up across partners (the fill fraction does
 * not; break-glass staff-shifts are a count with fractions in plan mode,
 * left as summary.csv leaves them). */
static bool is_summed_measure(const char *name)
{
	return strcmp(name, "fill_fraction") != 0 && strcmp(name, "break_glass_staff_shifts") != 0;
}

/* Whether the measure is written with two decimals: money and penalty
 * weights (pennies, as summary.csv) and hours; not the fill fraction and
 * the counts. */
static bool has_two_decimals(const char *name)
{
	return is_summed_measure(name) && strcmp(name, "red_flags") != 0;
}

static bool measure_value(const struct mu_kpi *k, size_t n, const char *name, double *v)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(k[i].name, name) == 0) {
			*v = k[i].value;
			return true;
		}
	return false;
}

enum mu_code io_report_write_compare(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_plan *sys, const struct mu_plan *silo,
                                     const struct mu_bidding *bidding, struct mu_err *err)
{
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "compare.csv", err);
	struct mu_kpi names[COMPARE_MEASURE_MAX];
	size_t n = sc->n_partners, n_m, s, m, c;
	/* system, silo, system - silo; with bidding (§3d) bidding and
	 * bidding - system too */
	const size_t n_c = bidding ? 5 : 3;
	double *cell;
	bool *has;
	if (!fp)
		return MU_E_IO;
	/* the measures are SYSTEM's (a partner that requires no hours has no
	 * fill fraction); cell [column][measure][scope], SYSTEM the scope n */
	n_m = compare_measures(&sys->system, names);
	cell = mu_calloc(n_c * n_m * (n + 1), sizeof(double));
	has = mu_calloc(n_m * (n + 1), sizeof(bool));
#define CELL(c, m, s) cell[((c)*n_m + (m)) * (n + 1) + (s)]
	for (s = 0; s <= n; s++) {
		struct mu_kpi a[COMPARE_MEASURE_MAX], b[COMPARE_MEASURE_MAX],
		    d[COMPARE_MEASURE_MAX];
		size_t n_a = compare_measures(s < n ? &sys->partners[s] : &sys->system, a);
		size_t n_b = compare_measures(s < n ? &silo->partners[s] : &silo->system, b);
		size_t n_d = 0;
		if (bidding)
			n_d = compare_measures(s < n ? &bidding->partners[s] : &bidding->system, d);
		for (m = 0; m < n_m; m++) {
			double x, y, z = 0;
			has[m * (n + 1) + s] =
			    measure_value(a, n_a, names[m].name, &x) &&
			    measure_value(b, n_b, names[m].name, &y) &&
			    (!bidding || measure_value(d, n_d, names[m].name, &z));
			if (!has[m * (n + 1) + s])
				continue;
			CELL(0, m, s) = x;
			CELL(1, m, s) = y;
			CELL(2, m, s) = x - y;
			if (bidding) {
				/* the rise over alone until the columns are rounded,
				 * then added to the silo's as written */
				CELL(3, m, s) = z - y;
				CELL(4, m, s) = z - x;
			}
		}
	}
	/* the partners' rows add up to SYSTEM's as written (issue 24): each
	 * column of each measure rounded to its total, the difference from
	 * the exact differences (so it may be a penny from the difference of
	 * the two figures as written, and is what the page and the terminal
	 * say) */
	for (m = 0; m < n_m; m++)
		if (is_summed_measure(names[m].name))
			for (c = 0; c < n_c; c++)
				column_to_total(&CELL(c, m, 0), n, 0.01);
	/* bidding = silo as written + the rise so rounded: a partner whose
	 * pay does not rise reads as alone */
	for (m = 0; bidding && m < n_m; m++)
		for (s = 0; s <= n; s++)
			CELL(3, m, s) += CELL(1, m, s);
	fputs("partner,name,measure,system,silo,system_minus_silo", fp);
	fputs(bidding ? ",bidding,bidding_minus_system\n" : "\n", fp);
	for (s = 0; s <= n; s++)
		for (m = 0; m < n_m; m++) {
			if (!has[m * (n + 1) + s])
				continue;
			io_csv_write_text(fp, s < n ? sc->partners[s].id : "SYSTEM");
			fputc(',', fp);
			io_csv_write_text(fp, s < n ? sc->partners[s].name : "the whole system");
			fprintf(fp, ",%s", names[m].name);
			for (c = 0; c < n_c; c++) {
				double v = CELL(c, m, s);
				fputc(',', fp);
				if (has_two_decimals(names[m].name))
					write_money(fp, v);
				else
					fprintf(fp, "%.10g", v);
			}
			fputc('\n', fp);
		}
#undef CELL
	free(has);
	free(cell);
	return io_file_close(&out, err);
}

void io_report_compare_partners(const struct mu_plan *sys, const struct mu_plan *silo, size_t n,
                                struct io_compare_partners *out)
{
	double *all = mu_calloc(8 * (n + 1), sizeof(double));
	size_t p;
	int k;
	for (k = 0; k < 2; k++) {
		out->net_cash[k] = all + (3 * k) * (n + 1);
		out->weighted[k] = all + (3 * k + 1) * (n + 1);
		out->agency[k] = all + (3 * k + 2) * (n + 1);
	}
	out->aid_in = all + 6 * (n + 1);
	out->aid_out = all + 7 * (n + 1);
	for (p = 0; p < n; p++) {
		for (k = 0; k < 2; k++) {
			const struct mu_totals *t = &(k == 0 ? sys : silo)->partners[p];
			out->net_cash[k][p] = mu_totals_net_cash(t);
			out->weighted[k][p] = mu_totals_partner_cost(t);
			out->agency[k][p] = t->spend[MU_SRC_AGENCY];
		}
		out->aid_in[p] = sys->partners[p].hours[MU_SRC_LEND];
		out->aid_out[p] = sys->partners[p].lent_out_hours;
	}
	for (k = 0; k < 2; k++) {
		column_to_total(out->net_cash[k], n, 0.01);
		column_to_total(out->weighted[k], n, 0.01);
		column_to_total(out->agency[k], n, 0.01);
	}
	column_to_total(out->aid_in, n, 1);
	column_to_total(out->aid_out, n, 1);
}

void io_compare_partners_release(struct io_compare_partners *t)
{
	free(t->net_cash[0]);
	memset(t, 0, sizeof(*t));
}

enum mu_code io_report_write_sweep(const char *dir, const struct io_sweep_table *table,
                                   struct mu_err *err)
{
	struct io_file_out out;
	FILE *fp = open_out(&out, dir, "sweep.csv", err);
	size_t i, k;
	if (!fp)
		return MU_E_IO;
	for (k = 0; k < table->n_names; k++) {
		io_csv_write_text(fp, table->names[k]);
		fputc(',', fp);
	}
	fputs(
	    "run,status,objective,gap,fill_fraction,red_flags,unfilled_hours,own_hours,lend_hours,"
	    "bank_hours,agency_hours,bank_spend,lend_spend,agency_spend,unfilled_penalty,"
	    "break_glass_staff_shifts,spend,penalties",
	    fp);
	fputs(table->has_supply ? ",rate_lowest,rate_highest,extra_staff" : "", fp);
	fputs(table->has_flow ? ",discharged,bed_days\n" : "\n", fp);
	for (i = 0; i < table->n_points; i++) {
		const struct io_sweep_point *pt = &table->points[i];
		const struct mu_totals *t = &pt->system;
		double fill = mu_totals_fill_rate(t);
		for (k = 0; k < table->n_names; k++)
			fprintf(fp, "%.10g,", pt->values[k]);
		fprintf(fp, "%lld,%s,%.2f,", (long long)pt->run_id, mu_status_name(pt->status),
		        pt->objective);
		if (pt->has_gap)
			fprintf(fp, "%.6f", pt->gap);
		fputc(',', fp);
		if (fill >= 0)
			fprintf(fp, "%.4f", fill);
		fprintf(fp, ",%zu,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.6g,%.2f,%.2f",
		        t->n_red_flags, t->unfilled_hours, t->hours[MU_SRC_OWN],
		        t->hours[MU_SRC_LEND], t->hours[MU_SRC_BANK], t->hours[MU_SRC_AGENCY],
		        t->spend[MU_SRC_BANK], t->spend[MU_SRC_LEND], t->spend[MU_SRC_AGENCY],
		        t->unfilled_penalty, t->break_glass_shifts, t->spend_total,
		        t->penalty_total);
		if (table->has_supply && isnan(pt->rate_lo))
			fprintf(fp, ",,,%.6g", pt->extra_staff);
		else if (table->has_supply)
			fprintf(fp, ",%.2f,%.2f,%.6g", pt->rate_lo, pt->rate_hi, pt->extra_staff);
		if (table->has_flow)
			fprintf(fp, ",%.2f,%.2f", fabs(pt->discharged) < 0.005 ? 0 : pt->discharged,
			        fabs(pt->bed_days) < 0.005 ? 0 : pt->bed_days);
		fputc('\n', fp);
	}
	return io_file_close(&out, err);
}
