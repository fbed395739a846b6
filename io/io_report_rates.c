/*
 * io_report_rates.c - rates.csv (DESIGN.md §3d): per supply curve of a
 * role whose bank supply answers the rate, and shift, the rate paid, the
 * staff to be had at it, the named and extra staff, the cash above the
 * bank rate and (plan mode) the shadow price of the curve's ceiling at the
 * bank rate. The plan's rates rows (mu_rate_row) as they are.
 */
#include "io/io_report.h"

#include "io/io_csv.h"
#include "io/io_file.h"
#include "io/io_say.h"

#include <math.h>
#include <stdio.h>

bool io_report_has_rates(const struct mu_scenario *sc)
{
	size_t r;
	for (r = 0; r < sc->n_roles; r++)
		if (mu_scenario_is_elastic(sc, r))
			return true;
	return false;
}

bool io_report_rate_is_partners(const struct mu_plan *plan, const struct mu_rate_row *r,
                                size_t partner)
{
	size_t i;
	if (partner == MU_ALL || r->partner == partner)
		return true;
	for (i = 0; i < plan->n_rows; i++) {
		const struct mu_plan_row *row = &plan->rows[i];
		/* the cheap tests first: io_say_rate_of_row looks through the rates */
		if (row->partner == partner && row->worker_role == r->role &&
		    row->shift == r->shift && row->staff > 0 && io_say_rate_of_row(plan, row) == r)
			return true;
	}
	return false;
}

enum mu_code io_report_write_rates(const char *dir, const struct mu_scenario *sc,
                                   const struct mu_plan *plan, size_t partner, struct mu_err *err)
{
	struct io_file_out out;
	size_t i;
	enum mu_code rc = io_file_open(&out, dir, "rates.csv", err);
	if (rc != MU_OK)
		return rc;
	fputs("role,shift,partner,offers,bank_rate,rate,enhanced,supply,named,extra,"
	      "base_supply,top_rate,top_supply,rate_cost,shadow_price,shadow_price_is_cash\n",
	      out.fp);
	for (i = 0; i < plan->n_rates; i++) {
		const struct mu_rate_row *r = &plan->rates[i];
		char w0[32], w[32], top[32];
		if (!io_report_rate_is_partners(plan, r, partner))
			continue;
		io_report_rate_text(w0, sizeof(w0), r->bank_rate);
		io_report_rate_text(w, sizeof(w), r->rate);
		io_report_rate_text(top, sizeof(top), r->top_rate);
		io_csv_write_row(
		    out.fp,
		    (const char *[]){sc->roles[r->role].id, sc->shifts[r->shift].id,
		                     r->partner == MU_ALL ? "" : sc->partners[r->partner].id},
		    3);
		fprintf(out.fp, ",%zu,%s,%s,%s,%.10g,%.10g,%.10g,%.10g,%s,%.10g,%.2f,", r->n_offers,
		        w0, w, io_say_rate_is_enhanced(r) ? "yes" : "no", r->supply, r->named,
		        r->extra, r->base_supply, top, r->top_supply, r->rate_cost);
		/* rota mode has no shadow prices (prices.csv is plan mode's) */
		if (!isnan(r->price))
			fprintf(out.fp, "%.4f,%s", fabs(r->price) < 1e-9 ? 0 : r->price,
			        r->is_price_cash ? "yes" : "no");
		else
			fputc(',', out.fp);
		fputc('\n', out.fp);
	}
	return io_file_close(&out, err);
}
