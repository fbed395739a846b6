/*
 * io_outputs.c - one run's --out folder: the CSV files and pages of
 * io_report.c and io_html.c, for the system and for each partner.
 */
#include "io/io_outputs.h"

#include "core/mu_alloc.h"
#include "io/io_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The folder of partner p's own outputs under out: partners/ID (an id of
 * "." or ".." is a valid identifier, but not a folder of its own). */
static char *partner_dir(const char *out, const char *id)
{
	bool is_dots = strcmp(id, ".") == 0 || strcmp(id, "..") == 0;
	char *dir = mu_malloc(strlen(out) + strlen(id) + sizeof("/partners/_"));
	sprintf(dir, "%s/partners/%s%s", out, is_dots ? "_" : "", id);
	return dir;
}

enum mu_code io_outputs_write_run(const char *out, const struct mu_scenario *sc,
                                  const struct io_html_plan *view, bool is_rota, bool is_report,
                                  const char *label, struct mu_err *err)
{
	const struct mu_plan *plan = view->plan;
	struct io_html_plan page = *view;
	char *dir = NULL;
	enum mu_code rc;
	size_t p;
	if ((rc = io_report_write_plan(out, sc, plan, MU_ALL, err)) ||
	    (rc = io_report_write_summary(out, sc, plan, err)) ||
	    (is_rota && (rc = io_report_write_rota(out, sc, plan, MU_ALL, err))) ||
	    (rc = io_report_write_why(out, sc, plan, view->why, err)) ||
	    (view->prices &&
	     (rc = io_report_write_prices(out, view->prices, view->n_prices, err))) ||
	    (view->changes && ((rc = io_report_write_changes(out, sc, view->changes, err)) ||
	                       (rc = io_report_write_calls(out, sc, view->changes, err)) ||
	                       (rc = io_report_write_bookings(out, sc, view->changes, err)))))
		return rc;
	if (is_report && (rc = io_html_write_solve(out, sc, label, &page, err)))
		return rc;
	dir = mu_malloc(strlen(out) + sizeof("/partners"));
	sprintf(dir, "%s/partners", out);
	mkdir(dir, 0777);
	free(dir);
	for (p = 0; p < sc->n_partners && rc == MU_OK; p++) {
		dir = partner_dir(out, sc->partners[p].id);
		page.is_partner_page = true;
		page.partner = p;
		page.heading = sc->partners[p].name;
		if ((rc = io_report_write_plan(dir, sc, plan, p, err)) == MU_OK && is_rota)
			rc = io_report_write_rota(dir, sc, plan, p, err);
		if (rc == MU_OK && is_report)
			rc = io_html_write_solve(dir, sc, label, &page, err);
		free(dir);
	}
	return rc;
}
