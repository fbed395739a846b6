/*
 * io_report_flow.c - discharges.csv (DESIGN.md §3f): per discharge pathway
 * of flow.csv and day of the horizon, the patients discharged, those
 * still waiting at the end of the day (its bed-days) and the bed-days
 * freed, their penalty, the care hours the discharges add at `to` and the
 * ward staff-shifts they free at `from`. The plan's discharge rows
 * (mu_discharge_row) as they are.
 */
#include "io/io_report.h"

#include "core/mu_format.h"
#include "io/io_csv.h"
#include "io/io_file.h"

#include <math.h>
#include <stdio.h>

/* v with the noise of a solver's arithmetic (1e-9) taken off whole
 * numbers, and never -0. */
static double clean(double v)
{
	double r = round(v);
	if (fabs(v - r) < 1e-9)
		v = r;
	return v == 0 ? 0 : v;
}

enum mu_code io_report_write_discharges(const char *dir, const struct mu_scenario *sc,
                                        const struct mu_plan *plan, size_t partner,
                                        struct mu_err *err)
{
	struct io_file_out out;
	size_t i;
	enum mu_code rc = io_file_open(&out, dir, "discharges.csv", err);
	if (rc != MU_OK)
		return rc;
	fputs("from,to,care_role,ward_role,date,discharged,still_waiting,bed_days_freed,"
	      "bed_day_penalty,care_hours_added,ward_staff_shifts_freed\n",
	      out.fp);
	for (i = 0; i < plan->n_discharges; i++) {
		const struct mu_discharge_row *r = &plan->discharges[i];
		const struct mu_flow *w = &sc->flows[r->flow];
		char date[MU_DATE_SIZE];
		if (partner != MU_ALL && w->from != partner && w->to != partner)
			continue;
		io_csv_write_row(out.fp,
		                 (const char *[]){sc->partners[w->from].id, sc->partners[w->to].id,
		                                  sc->roles[w->care_role].id,
		                                  sc->roles[w->ward_role].id,
		                                  mu_format_date(date, r->day)},
		                 5);
		/* two decimals throughout, as summary.csv's hours and every
		 * CSV's money: patients and staff-shifts are fractions in plan
		 * mode, and 22.89929499 beside 5.095607 read as noise */
		fprintf(out.fp, ",%.2f,%.2f,%.2f,%.2f,%.2f,%.2f\n", clean(r->discharged),
		        clean(r->waiting), clean(r->freed_beds), clean(r->bed_day_penalty),
		        clean(r->care_hours), clean(r->ward_staff));
	}
	return io_file_close(&out, err);
}
