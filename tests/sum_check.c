/*
 * sum_check.c - checks that a table muster wrote adds up as written: each
 * partner column of summary.csv, shares.csv and report.html's partner
 * table sums, cell by cell as printed, to its total row (issue 24), and
 * money has two decimals. Shares no code with io/'s writers.
 */
#include "sum_check.h"

#include "io/io_csv.h"
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether text is a number written with exactly two decimals. */
static bool has_two_decimals(const char *text)
{
	const char *dot = strchr(text, '.');
	char *end;
	strtod(text, &end);
	return *text && !*end && dot && strlen(dot + 1) == 2;
}

bool sum_check_columns(const char *path, const char *const *money, const char *const *sums,
                       char *why, size_t why_len)
{
	struct io_csv_table *t = tu_csv_read(path, why, why_len);
	size_t i, k, total = 0;
	bool is_ok = t != NULL;
	for (i = 1; is_ok && i < t->n_rows; i++)
		if (strcmp(io_csv_cell_text(t, &t->cells[t->rows[i].first]), "SYSTEM") == 0)
			total = i;
	if (is_ok && total == 0) {
		snprintf(why, why_len, "%s has no SYSTEM row", path);
		is_ok = false;
	}
	for (k = 0; is_ok && money[k]; k++)
		for (i = 1; is_ok && i < t->n_rows; i++) {
			const char *v = tu_csv_cell_named(t, i, money[k]);
			if (!v || (*v && !has_two_decimals(v))) {
				snprintf(why, why_len,
				         "%s line %zu: %s is '%s', not money with two decimals",
				         path, i + 1, money[k], v ? v : "(none)");
				is_ok = false;
			}
		}
	for (k = 0; is_ok && sums[k]; k++) {
		long long sum = 0, shown;
		const char *v = tu_csv_cell_named(t, total, sums[k]);
		if (!v || !*v)
			continue;
		/* in hundredths: the cells as written, added exactly */
		for (i = 1; i < t->n_rows; i++)
			if (i != total)
				sum +=
				    llround(100 * strtod(tu_csv_cell_named(t, i, sums[k]), NULL));
		shown = llround(100 * strtod(v, NULL));
		if (sum != shown) {
			snprintf(why, why_len, "%s: the rows of %s add up to %.2f, SYSTEM says %s",
			         path, sums[k], (double)sum / 100, v);
			is_ok = false;
		}
	}
	io_csv_table_free(t);
	return is_ok;
}

/* The cells of the next table row of html after *at, tags and the
 * thousands' commas and pound signs taken out, into cells (at most max);
 * returns how many, 0 at the table's end. */
static size_t html_row(const char **at, const char *end, char cells[][64], size_t max)
{
	const char *row = strstr(*at, "<tr>"), *row_end;
	size_t n = 0;
	if (!row || row > end)
		return 0;
	row_end = strstr(row, "</tr>");
	*at = row_end + 5;
	for (row += 4; row < row_end && n < max;) {
		const char *cell = strstr(row, "<t");
		size_t k = 0;
		if (!cell || cell >= row_end)
			break;
		cell = strchr(cell, '>') + 1;
		while (cell < row_end && strncmp(cell, "</t", 3) != 0) {
			if (*cell == '<')
				cell = strchr(cell, '>') + 1;
			else if (*cell == ',' || (unsigned char)*cell >= 0x80)
				cell++;
			else if (k + 1 < sizeof(cells[0]))
				cells[n][k++] = *cell++;
			else
				cell++;
		}
		cells[n++][k] = '\0';
		row = cell + 3;
	}
	return n;
}

/* Whether the table under heading in the page at path adds up, column by
 * column as shown (the n_cols columns is_summed marks), to its "Whole
 * system" row. */
static bool html_table_adds_up(const char *path, const char *heading, size_t n_cols,
                               const bool *is_summed, char *why, size_t why_len)
{
	char *page = tu_read(path, NULL), cells[16][64];
	const char *at, *end;
	long long sum[16] = {0};
	size_t n, k, n_rows = 0;
	bool is_ok = false;
	if (!page || !(at = strstr(page, heading))) {
		snprintf(why, why_len, "%s has no table under %s", path, heading);
		goto done;
	}
	end = strstr(at, "</table>");
	html_row(&at, end, cells, 16); /* the header */
	while ((n = html_row(&at, end, cells, 16)) > 0) {
		bool is_total = strcmp(cells[0], "Whole system") == 0;
		if (n != n_cols) {
			snprintf(why, why_len, "%s: a row of %zu cells under %s, not %zu", path, n,
			         heading, n_cols);
			goto done;
		}
		for (k = 0; k < n_cols; k++) {
			long long v = llround(100 * strtod(cells[k], NULL));
			if (!is_summed[k])
				continue;
			if (!is_total) {
				sum[k] += v;
			} else if (sum[k] != v) {
				snprintf(
				    why, why_len,
				    "%s: column %zu of the table under %s adds up to %.2f over "
				    "%zu rows, the whole system's row says %s",
				    path, k + 1, heading, (double)sum[k] / 100, n_rows, cells[k]);
				goto done;
			}
		}
		if (is_total) {
			is_ok = n_rows > 0;
			break;
		}
		n_rows++;
	}
	if (!is_ok)
		snprintf(why, why_len, "%s: no whole system row under its partners (%s)", path,
		         heading);
done:
	free(page);
	return is_ok;
}

bool sum_check_partner_table(const char *path, char *why, size_t why_len)
{
	/* the columns that add up: all but the partner, fill and agency budget
	 * (recharge paid minus received adds up to the system's nothing) */
	static const bool is_summed[16] = {false, true, false, true, true, true, true, true,
	                                   true,  true, false, true, true, true, true, true};
	return html_table_adds_up(path, "<h2>Partners</h2>", 16, is_summed, why, why_len);
}

bool sum_check_compare_partners(const char *path, char *why, size_t why_len)
{
	/* all but the partner and the two fills */
	static const bool is_summed[13] = {false, true, true, true, true, false, false,
	                                   true,  true, true, true, true, true};
	return html_table_adds_up(path, "<h2>Partner by partner</h2>", 13, is_summed, why, why_len);
}

bool sum_check_plan(const char *plan, const char *summary, char *why, size_t why_len)
{
	static const char *const columns[] = {"cost", "recharge"};
	static const char *const totals[] = {"total_cost", "recharge_in"};
	struct io_csv_table *p = tu_csv_read(plan, why, why_len), *s = NULL;
	size_t i, c, system = 0;
	bool is_ok = p && (s = tu_csv_read(summary, why, why_len)) != NULL;
	for (i = 1; is_ok && i < s->n_rows; i++)
		if (strcmp(tu_csv_cell_named(s, i, "partner"), "SYSTEM") == 0)
			system = i;
	if (is_ok && system == 0) {
		snprintf(why, why_len, "%s has no SYSTEM row", summary);
		is_ok = false;
	}
	for (c = 0; is_ok && c < 2; c++) {
		long long sum = 0,
		          shown =
		              llround(100 * strtod(tu_csv_cell_named(s, system, totals[c]), NULL));
		for (i = 1; is_ok && i < p->n_rows; i++) {
			const char *v = tu_csv_cell_named(p, i, columns[c]);
			if (!v || !has_two_decimals(v)) {
				snprintf(why, why_len, "%s line %zu: %s is '%s', not two decimals",
				         plan, i + 1, columns[c], v ? v : "(none)");
				is_ok = false;
			} else {
				sum += llround(100 * strtod(v, NULL));
			}
		}
		if (is_ok && sum != shown) {
			snprintf(
			    why, why_len,
			    "%s: the %s column adds up to %.2f as written, %s's SYSTEM %s is %s",
			    plan, columns[c], (double)sum / 100, summary, totals[c],
			    tu_csv_cell_named(s, system, totals[c]));
			is_ok = false;
		}
	}
	if (p)
		io_csv_table_free(p);
	if (s)
		io_csv_table_free(s);
	return is_ok;
}

bool sum_check_compare(const char *path, char *why, size_t why_len)
{
	static const char *const columns[] = {"system", "silo", "system_minus_silo"};
	struct io_csv_table *t = tu_csv_read(path, why, why_len);
	size_t i, j, c;
	bool is_ok = t != NULL;
	/* for each SYSTEM row, the partners' rows of its measure above it */
	for (i = 1; is_ok && i < t->n_rows; i++) {
		const char *measure = tu_csv_cell_named(t, i, "measure");
		bool is_counted = strcmp(measure, "fill_fraction") != 0 &&
		                  strcmp(measure, "break_glass_staff_shifts") != 0;
		bool is_two = is_counted && strcmp(measure, "red_flags") != 0;
		for (c = 0; is_ok && is_two && c < 3; c++) {
			const char *v = tu_csv_cell_named(t, i, columns[c]);
			if (!v || !has_two_decimals(v)) {
				snprintf(why, why_len,
				         "%s line %zu: %s's %s is '%s', not two decimals", path,
				         i + 1, measure, columns[c], v ? v : "(none)");
				is_ok = false;
			}
		}
		if (!is_ok || !is_counted ||
		    strcmp(tu_csv_cell_named(t, i, "partner"), "SYSTEM") != 0)
			continue;
		for (c = 0; is_ok && c < 3; c++) {
			long long sum = 0,
			          shown = llround(
			              100 * strtod(tu_csv_cell_named(t, i, columns[c]), NULL));
			size_t n_rows = 0;
			for (j = 1; j < t->n_rows; j++)
				if (j != i &&
				    strcmp(tu_csv_cell_named(t, j, "measure"), measure) == 0) {
					sum += llround(
					    100 *
					    strtod(tu_csv_cell_named(t, j, columns[c]), NULL));
					n_rows++;
				}
			if (n_rows == 0 || sum != shown) {
				snprintf(
				    why, why_len,
				    "%s: %s's %s adds up to %.2f over %zu partners, SYSTEM says %s",
				    path, measure, columns[c], (double)sum / 100, n_rows,
				    tu_csv_cell_named(t, i, columns[c]));
				is_ok = false;
			}
		}
	}
	io_csv_table_free(t);
	return is_ok;
}

/* Whether name ends with suffix. */
static bool ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n >= k && strcmp(name + n - k, suffix) == 0;
}

/* sum_check_columns on the CSV file at path, its money and summed columns
 * those of its header that pick_money and pick_sum choose. */
static bool check_picked(const char *path, bool (*pick_money)(const char *),
                         bool (*pick_sum)(const char *), char *why, size_t why_len)
{
	struct io_csv_table *t = tu_csv_read(path, why, why_len);
	const char *money[64], *sums[64];
	size_t k, n_money = 0, n_sums = 0;
	bool is_ok;
	if (!t)
		return false;
	for (k = 0; k < t->rows[0].n_cells && k < 63; k++) {
		const char *name = io_csv_cell_text(t, &t->cells[t->rows[0].first + k]);
		if (pick_money(name))
			money[n_money++] = name;
		if (pick_sum(name))
			sums[n_sums++] = name;
	}
	money[n_money] = sums[n_sums] = NULL;
	is_ok = sum_check_columns(path, money, sums, why, why_len);
	io_csv_table_free(t);
	return is_ok;
}

static bool is_summary_money(const char *name)
{
	return ends_with(name, "_penalty") || ends_with(name, "spend") ||
	       strcmp(name, "penalties") == 0 || strcmp(name, "total_cost") == 0 ||
	       strcmp(name, "agency_budget") == 0 || strncmp(name, "recharge_", 9) == 0;
}

static bool is_summary_sum(const char *name)
{
	return strcmp(name, "partner") != 0 && strcmp(name, "name") != 0 &&
	       strcmp(name, "fill_fraction") != 0 && strcmp(name, "agency_budget") != 0 &&
	       strcmp(name, "agency_pct_of_pay_bill") != 0 &&
	       strcmp(name, "break_glass_staff_shifts") != 0;
}

bool sum_check_summary(const char *path, char *why, size_t why_len)
{
	return check_picked(path, is_summary_money, is_summary_sum, why, why_len);
}

static bool is_shares_money(const char *name)
{
	return ends_with(name, "_cost") || ends_with(name, "gain") || ends_with(name, "share") ||
	       ends_with(name, "transfer") || ends_with(name, "_cash") ||
	       strcmp(name, "std_error") == 0 || strcmp(name, "furthest_excess") == 0;
}

static bool is_shares_sum(const char *name)
{
	return (is_shares_money(name) && strcmp(name, "std_error") != 0 &&
	        strcmp(name, "furthest_excess") != 0) ||
	       strcmp(name, "filled_hours_change") == 0 || strcmp(name, "red_flags_change") == 0;
}

bool sum_check_shares(const char *path, char *why, size_t why_len)
{
	return check_picked(path, is_shares_money, is_shares_sum, why, why_len);
}
