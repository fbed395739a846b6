/*
 * io_report_forecast.c - the CSV files of `muster forecast` (DESIGN.md
 * §3e): forecast.csv (a report: ids guarded from spreadsheets), and
 * demand.csv, scenarios.csv and check-scenarios.csv, which muster reads
 * back (ids as they are), every figure with fixed decimals so that the
 * same result gives the same bytes.
 */
#include "io/io_forecast.h"

#include "core/mu_alloc.h"
#include "io/io_csv.h"
#include "io/io_file.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void io_forecast_start_text(char *buf, size_t size, int start)
{
	snprintf(buf, size, "%02d:%02d", (start / 60) % 24, start % 60);
}

/* A figure with two decimals, never "-0.00". */
static void put_2(FILE *fp, double v)
{
	char s[64];
	snprintf(s, sizeof(s), "%.2f", v);
	fputs(strcmp(s, "-0.00") == 0 ? "0.00" : s, fp);
}

enum mu_code io_report_write_forecast(const char *dir, const struct mu_scenario *sc,
                                      const struct mu_fc_table *t, struct mu_err *err)
{
	struct io_file_out out;
	size_t i;
	enum mu_code rc = io_file_open(&out, dir, "forecast.csv", err);
	if (rc != MU_OK)
		return rc;
	fputs("partner,role,shift,quantity,method,mean,p10,p50,p90,mase,coverage80\n", out.fp);
	for (i = 0; i < t->n_rows; i++) {
		const struct mu_fc_row *r = &t->rows[i];
		const struct mu_fc_series *s;
		const char *text[5];
		const double v[4] = {r->mean, r->p10, r->p50, r->p90};
		size_t k;
		assert(r->series < t->n_series && r->partner < sc->n_partners &&
		       r->role < sc->n_roles && r->shift < sc->n_shifts);
		s = &t->series[r->series];
		text[0] = sc->partners[r->partner].id;
		text[1] = sc->roles[r->role].id;
		text[2] = sc->shifts[r->shift].id;
		text[3] = mu_fc_quantity_names[r->quantity];
		text[4] = mu_fc_table_method_names[s->method];
		io_csv_write_row(out.fp, text, 5);
		for (k = 0; k < 4; k++) {
			fputc(',', out.fp);
			if (!isnan(v[k]))
				put_2(out.fp, v[k]);
		}
		fputc(',', out.fp);
		if (s->is_backtested && !isnan(s->mase))
			fprintf(out.fp, "%.3f", s->mase);
		fputc(',', out.fp);
		if (s->is_backtested && !isnan(s->coverage80))
			fprintf(out.fp, "%.3f", s->coverage80);
		fputc('\n', out.fp);
	}
	return io_file_close(&out, err);
}

/* v with as few decimals as read back as v itself, and no exponent: the
 * reader of §2 takes no exponent and no sign. v >= 0. */
static void exact_text(char *buf, size_t size, double v)
{
	int d;
	for (d = 0; d <= 17; d++) {
		snprintf(buf, size, "%.*f", d, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

enum mu_code io_report_write_forecast_demand(const char *dir, const struct mu_scenario *sc,
                                             const struct mu_fc_table *t, struct mu_err *err)
{
	struct io_file_out out;
	size_t *row_of = mu_malloc((sc->n_demand ? sc->n_demand : 1) * sizeof(size_t));
	size_t i;
	enum mu_code rc;
	for (i = 0; i < sc->n_demand; i++)
		row_of[i] = MU_ALL;
	for (i = 0; i < t->n_rows; i++)
		if (t->rows[i].quantity == MU_FCQ_REQUIRED && t->rows[i].row < sc->n_demand &&
		    row_of[t->rows[i].row] == MU_ALL)
			row_of[t->rows[i].row] = i;
	if ((rc = io_file_open(&out, dir, "demand.csv", err)) != MU_OK) {
		free(row_of);
		return rc;
	}
	fputs("partner,role,shift,required,minimum,priority\n", out.fp);
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		double q = row_of[i] == MU_ALL ? NAN : t->rows[row_of[i]].at_q;
		char required[64], minimum[400], priority[400];
		if (isnan(q))
			exact_text(required, sizeof(required), d->required);
		else
			snprintf(required, sizeof(required), "%.2f", q > 0 ? q : 0);
		/* minimum at most required as written: rounding is monotone, so
		 * a minimum below the written figure stays below it */
		if (d->minimum <= strtod(required, NULL))
			exact_text(minimum, sizeof(minimum), d->minimum);
		else
			snprintf(minimum, sizeof(minimum), "%s", required);
		exact_text(priority, sizeof(priority), d->priority);
		fprintf(out.fp, "%s,%s,%s,%s,%s,%s\n", sc->partners[d->partner].id,
		        sc->roles[d->role].id, sc->shifts[d->shift].id, required, minimum,
		        priority);
	}
	free(row_of);
	return io_file_close(&out, err);
}

/* A (partner, role, shift) of the draws: its required row and its absent
 * row of the table (MU_ALL: none), and its first row, which orders it. */
struct draw_key {
	size_t partner, role, shift;
	size_t first, required, absent;
};

static int by_key_then_first(const void *x, const void *y)
{
	const struct draw_key *a = x, *b = y;
	if (a->partner != b->partner)
		return a->partner < b->partner ? -1 : 1;
	if (a->role != b->role)
		return a->role < b->role ? -1 : 1;
	if (a->shift != b->shift)
		return a->shift < b->shift ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

static int by_first(const void *x, const void *y)
{
	const struct draw_key *a = x, *b = y;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* The keys of t's rows, each once, in the order of their first row;
 * returns how many, *out the caller's (free). */
static size_t draw_keys(const struct mu_fc_table *t, struct draw_key **out)
{
	struct draw_key *k = mu_malloc((t->n_rows ? t->n_rows : 1) * sizeof(*k));
	size_t i, n = 0;
	for (i = 0; i < t->n_rows; i++) {
		const struct mu_fc_row *r = &t->rows[i];
		bool is_req = r->quantity == MU_FCQ_REQUIRED;
		k[i] = (struct draw_key){
		    r->partner, r->role, r->shift, i, is_req ? i : MU_ALL, is_req ? MU_ALL : i};
	}
	qsort(k, t->n_rows, sizeof(*k), by_key_then_first);
	for (i = 0; i < t->n_rows; i++) {
		if (n > 0 && k[n - 1].partner == k[i].partner && k[n - 1].role == k[i].role &&
		    k[n - 1].shift == k[i].shift) {
			/* the first row of a quantity wins; later ones are ignored */
			if (k[n - 1].required == MU_ALL)
				k[n - 1].required = k[i].required;
			if (k[n - 1].absent == MU_ALL)
				k[n - 1].absent = k[i].absent;
			continue;
		}
		k[n++] = k[i];
	}
	qsort(k, n, sizeof(*k), by_first);
	*out = k;
	return n;
}

enum mu_code io_report_write_forecast_draws(const char *dir, const char *name,
                                            const struct mu_scenario *sc,
                                            const struct mu_fc_table *t, const double *draws,
                                            struct mu_err *err)
{
	struct io_file_out out;
	struct draw_key *keys = NULL;
	size_t n_keys = draw_keys(t, &keys), s, i;
	enum mu_code rc = io_file_open(&out, dir, name, err);
	if (rc != MU_OK) {
		free(keys);
		return rc;
	}
	fputs("scenario,partner,role,shift,required,absent\n", out.fp);
	for (s = 0; draws && s < t->n_draws; s++)
		for (i = 0; i < n_keys; i++) {
			const struct draw_key *k = &keys[i];
			double req =
			    k->required == MU_ALL ? NAN : draws[s * t->n_rows + k->required];
			double absent =
			    k->absent == MU_ALL ? NAN : draws[s * t->n_rows + k->absent];
			fprintf(out.fp, "%zu,%s,%s,%s,", s + 1, sc->partners[k->partner].id,
			        sc->roles[k->role].id, sc->shifts[k->shift].id);
			if (!isnan(req))
				put_2(out.fp, req > 0 ? req : 0);
			fputc(',', out.fp);
			if (!isnan(absent))
				fprintf(out.fp, "%.0f", absent > 0 ? round(absent) : 0);
			fputc('\n', out.fp);
		}
	free(keys);
	return io_file_close(&out, err);
}
