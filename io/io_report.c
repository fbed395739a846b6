/*
 * io_report.c - writes plan.csv and summary.csv.
 */
#include "io_report.h"

#include "core/mu_alloc.h"
#include "io/io_csv.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static FILE *open_out(const char *dir, const char *name, struct mu_err *err)
{
	char *path = mu_malloc(strlen(dir) + strlen(name) + 2);
	FILE *fp;
	sprintf(path, "%s/%s", dir, name);
	mkdir(dir, 0777);
	fp = fopen(path, "w");
	if (!fp)
		mu_err_set(err, MU_E_IO, "%s: cannot write: %s", path, strerror(errno));
	free(path);
	return fp;
}

static enum mu_code close_out(FILE *fp, const char *dir, const char *name, struct mu_err *err)
{
	if (ferror(fp) | fclose(fp))
		return mu_err_set(err, MU_E_IO, "%s/%s: write failed", dir, name);
	return MU_OK;
}

enum mu_code io_report_write_file(const char *dir, const char *name, const char *data, size_t len,
                                  struct mu_err *err)
{
	FILE *fp = open_out(dir, name, err);
	if (!fp)
		return MU_E_IO;
	fwrite(data, 1, len, fp);
	return close_out(fp, dir, name, err);
}

enum mu_code io_report_write_plan(const char *dir, const struct mu_scenario *sc,
                                  const struct mu_plan *plan, struct mu_err *err)
{
	FILE *fp = open_out(dir, "plan.csv", err);
	size_t i;
	if (!fp)
		return MU_E_IO;
	fputs("source,partner,role,worker_role,shift,home,worker,offer,staff,hours,cost,recharge\n",
	      fp);
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *r = &plan->rows[i];
		struct mu_plan_text t;
		const char *text[8];
		size_t k;
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
			io_csv_write_field(fp, text[k]);
			fputc(',', fp);
		}
		fprintf(fp, "%.10g,%.10g,%.2f,%.2f\n", r->staff, r->hours, r->cost, r->recharge);
	}
	return close_out(fp, dir, "plan.csv", err);
}

static void write_number_or_empty(FILE *fp, double v)
{
	if (isfinite(v))
		fprintf(fp, "%.10g", v);
}

enum mu_code io_report_write_prices(const char *dir, const struct mu_price_row *rows, size_t n,
                                    struct mu_err *err)
{
	FILE *fp = open_out(dir, "prices.csv", err);
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
			io_csv_write_field(fp, text[k]);
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
	return close_out(fp, dir, "prices.csv", err);
}

static void write_totals(FILE *fp, const char *scope, const char *name, const struct mu_totals *t,
                         bool has_budget, double budget, bool has_pay_bill, double pay_bill)
{
	double fill = mu_totals_fill_rate(t), agency_spend = t->spend[MU_SRC_AGENCY];
	int s;
	io_csv_write_field(fp, scope);
	fputc(',', fp);
	io_csv_write_field(fp, name);
	fprintf(fp, ",%.2f", t->required_hours);
	for (s = 0; s < MU_SRC_COUNT; s++)
		fprintf(fp, ",%.2f", t->hours[s]);
	if (fill >= 0)
		fprintf(fp, ",%.4f", fill);
	else
		fputs(",", fp);
	fprintf(fp, ",%zu", t->n_red_flags);
	for (s = 0; s < MU_SRC_COUNT; s++)
		fprintf(fp, ",%.2f", t->cost[s]);
	fprintf(fp, ",%.2f,%.2f,", t->cost_total, agency_spend);
	if (has_budget)
		fprintf(fp, "%.2f", budget);
	fputc(',', fp);
	if (has_pay_bill && pay_bill > 0)
		fprintf(fp, "%.2f", 100 * agency_spend / pay_bill);
	fprintf(fp, ",%.6g,%.2f,%.2f,%.2f", t->break_glass_shifts, t->lent_out_hours,
	        t->recharge_in, t->recharge_out);
	fprintf(fp, ",%.2f,%.2f,%.2f,%.2f", t->filled_hours, t->spend[MU_SRC_LEND],
	        t->spend[MU_SRC_BANK], t->spend_total);
	for (s = 0; s < MU_PEN_COUNT; s++)
		fprintf(fp, ",%.2f", t->penalty[s]);
	fprintf(fp, ",%.2f\n", t->penalty_total);
}

enum mu_code io_report_write_summary(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_plan *plan, struct mu_err *err)
{
	FILE *fp = open_out(dir, "summary.csv", err);
	double pay_bill = 0;
	bool has_pay_bill = true;
	size_t p;
	int k;
	if (!fp)
		return MU_E_IO;
	fputs("partner,name,required_hours,own_hours,lend_hours,bank_hours,agency_hours,"
	      "short_hours,breach_hours,fill_rate,red_flags,own_cost,lend_cost,bank_cost,"
	      "agency_cost,short_cost,breach_cost,total_cost,agency_spend,agency_budget,"
	      "agency_pct_of_pay_bill,break_glass_staff_shifts,lent_out_hours,recharge_in,"
	      "recharge_out,filled_hours,lend_spend,bank_spend,spend",
	      fp);
	for (k = 0; k < MU_PEN_COUNT; k++)
		fprintf(fp, ",%s_penalty", mu_penalty_names[k]);
	fputs(",penalties\n", fp);
	for (p = 0; p < sc->n_partners; p++) {
		const struct mu_partner *pt = &sc->partners[p];
		write_totals(fp, pt->id, pt->name, &plan->partners[p], pt->has_agency_budget,
		             pt->agency_budget, pt->has_pay_bill, pt->pay_bill);
		pay_bill += pt->pay_bill;
		has_pay_bill = has_pay_bill && pt->has_pay_bill;
	}
	write_totals(fp, "SYSTEM", "the whole system", &plan->system,
	             sc->settings.has_agency_budget, sc->settings.agency_budget, has_pay_bill,
	             pay_bill);
	return close_out(fp, dir, "summary.csv", err);
}

/* The measures of one scope of compare.csv: the KPIs of summary.csv. */
static size_t compare_measures(const struct mu_totals *t, struct mu_kpi *out)
{
	return mu_totals_kpis(t, out);
}

static void write_compare_scope(FILE *fp, const char *scope, const char *name,
                                const struct mu_totals *sys, const struct mu_totals *silo)
{
	struct mu_kpi a[MU_KPI_MAX], b[MU_KPI_MAX];
	size_t n = compare_measures(sys, a), m = compare_measures(silo, b), i, k;
	for (i = 0; i < n; i++) {
		/* fill_rate is left out where nothing is required: the same in both */
		for (k = 0; k < m && strcmp(a[i].name, b[k].name) != 0; k++)
			;
		if (k == m)
			continue;
		io_csv_write_field(fp, scope);
		fputc(',', fp);
		io_csv_write_field(fp, name);
		fprintf(fp, ",%s,%.10g,%.10g,%.10g\n", a[i].name, a[i].value, b[k].value,
		        a[i].value - b[k].value);
	}
}

enum mu_code io_report_write_compare(const char *dir, const struct mu_scenario *sc,
                                     const struct mu_plan *sys, const struct mu_plan *silo,
                                     struct mu_err *err)
{
	FILE *fp = open_out(dir, "compare.csv", err);
	size_t p;
	if (!fp)
		return MU_E_IO;
	fputs("partner,name,measure,system,silo,system_minus_silo\n", fp);
	for (p = 0; p < sc->n_partners; p++)
		write_compare_scope(fp, sc->partners[p].id, sc->partners[p].name, &sys->partners[p],
		                    &silo->partners[p]);
	write_compare_scope(fp, "SYSTEM", "the whole system", &sys->system, &silo->system);
	return close_out(fp, dir, "compare.csv", err);
}

enum mu_code io_report_write_sweep(const char *dir, const struct io_sweep_table *table,
                                   struct mu_err *err)
{
	FILE *fp = open_out(dir, "sweep.csv", err);
	size_t i, k;
	if (!fp)
		return MU_E_IO;
	for (k = 0; k < table->n_names; k++) {
		io_csv_write_field(fp, table->names[k]);
		fputc(',', fp);
	}
	fputs("run,status,objective,gap,fill_rate,red_flags,unfilled_hours,own_hours,lend_hours,"
	      "bank_hours,agency_hours,bank_cost,agency_cost,agency_spend,penalty_cost,"
	      "break_glass_staff_shifts,spend,penalties\n",
	      fp);
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
		fprintf(fp, ",%zu,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.6g,%.2f,%.2f\n",
		        t->n_red_flags, t->unfilled_hours, t->hours[MU_SRC_OWN],
		        t->hours[MU_SRC_LEND], t->hours[MU_SRC_BANK], t->hours[MU_SRC_AGENCY],
		        t->cost[MU_SRC_BANK], t->cost[MU_SRC_AGENCY], t->spend[MU_SRC_AGENCY],
		        t->unfilled_penalty, t->break_glass_shifts, t->spend_total,
		        t->penalty_total);
	}
	return close_out(fp, dir, "sweep.csv", err);
}
