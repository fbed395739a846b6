/*
 * io_forecast.h - the outputs of `muster forecast` (DESIGN.md §3e) from
 * its typed result (core/mu_forecast_table.h): forecast.csv, demand.csv,
 * scenarios.csv and check-scenarios.csv (io_report_forecast.c), the
 * sentences on how far to trust it (io_say_forecast.c), report.html
 * (io_html_forecast.c), and the whole --out folder (io_outputs_forecast.c).
 * Every file is written whole or not at all (io_file.h).
 */
#ifndef IO_FORECAST_H
#define IO_FORECAST_H

#include "core/mu_buf.h"
#include "core/mu_err.h"
#include "core/mu_forecast_table.h"
#include "core/mu_scenario.h"

#include <stdbool.h>
#include <stddef.h>

/* --- io_report_forecast.c */

/* Writes dir/forecast.csv: a row per row of t, `partner,role,shift,
 * quantity,method,mean,p10,p50,p90,mase,coverage80` (figures with two
 * decimals, mase and coverage80 (a fraction) with three, both empty when
 * the series was not backtested, mase also when it is NAN; ids protected
 * from spreadsheets, io_csv_write_text). MU_OK or MU_E_IO. */
enum mu_code io_report_write_forecast(const char *dir, const struct mu_scenario *sc,
                                      const struct mu_fc_table *t, struct mu_err *err);

/* Writes dir/demand.csv in the form of DESIGN.md §2, for muster to read
 * back: each demand row of sc, in its order, with `required` its row's
 * at_q (two decimals; sc's own required where t has no row for it or
 * at_q is NAN), `minimum` sc's, lowered to the required as written where
 * it is above it, and `priority` sc's, both written exactly (as few
 * decimals as give the same number back). Ids are written as they are,
 * with no spreadsheet guard: a guarded id is another id. MU_OK or
 * MU_E_IO. */
enum mu_code io_report_write_forecast_demand(const char *dir, const struct mu_scenario *sc,
                                             const struct mu_fc_table *t, struct mu_err *err);

/* Writes dir/name (scenarios.csv, check-scenarios.csv): t's draws (draws
 * is t->draws or t->check_draws), `scenario,partner,role,shift,required,
 * absent`, scenario 1 to n_draws, and in each one line per (partner,
 * role, shift) that has a row of t, in the order of its first row:
 * required with two decimals, absent a whole number (rounded), either
 * empty where that key has no such row or the draw is NAN. The same
 * table gives the same bytes. Ids as they are (solve reads the file).
 * MU_OK or MU_E_IO. */
enum mu_code io_report_write_forecast_draws(const char *dir, const char *name,
                                            const struct mu_scenario *sc,
                                            const struct mu_fc_table *t, const double *draws,
                                            struct mu_err *err);

/* "07:00" of minutes after midnight, into buf (at least 6 bytes). */
void io_forecast_start_text(char *buf, size_t size, int start);

/* --- io_say_forecast.c: sentences from t alone (and sc's names), plain
 * text, each ending with a newline */

/* What the sentences say of a series' backtest: how its MASE compares
 * with repeating last week's same day, as a whole percent (the figure
 * shown), or why there is none. */
enum io_say_fc_verdict {
	IO_SAY_FC_BETTER,      /* MASE below 1 by at least half a percent */
	IO_SAY_FC_SAME,        /* within half a percent of 1 */
	IO_SAY_FC_WORSE,       /* above 1 by at least half a percent */
	IO_SAY_FC_EXACT_NAIVE, /* backtested, MASE NAN: last week was exact */
	IO_SAY_FC_UNTESTED,    /* too little history to backtest */
	IO_SAY_FC_NO_HISTORY,  /* no history at all */
	IO_SAY_FC_N_VERDICTS
};

/* The verdict on s: no_history and untested first, then by its MASE;
 * the page's tables count by it, so that they agree with the words. */
enum io_say_fc_verdict io_say_forecast_verdict(const struct mu_fc_series *s);

/* The 80% interval's coverage in the backtest: too narrow below 70%, too
 * wide above 90%, else about right (-1, 1, 0); 0 when not backtested. */
int io_say_forecast_width(const struct mu_fc_series *s);

/* Whether s's forecast has no spread: p10 = p90 on every day ahead (a
 * series that held one value): its interval is neither too wide nor too
 * narrow, and the sentences and the page say so instead. */
bool io_say_forecast_is_flat(const struct mu_fc_series *s);

/* The series' name as the sentences give it: "Acute North, Band 5 nurse,
 * 07:00 (staff needed)" or "(absence)". */
void io_say_forecast_name(struct mu_buf *b, const struct mu_scenario *sc,
                          const struct mu_fc_series *s);

/* One sentence on series k of t, after its name (in full, or with
 * is_short its start and quantity alone: "07:00 (staff needed): "): its
 * method and how it did against repeating last week's same day ("23%
 * better than ... (MASE 0.77)", "12% worse than ...", "no better than
 * ..."; a whole percent of at least 1, else no better), how its 80%
 * interval held (the share of backtest days as a whole percent; too
 * narrow below 70%, too wide above 90%), and how far to trust it; or that
 * it had too little history to test, or none (the scenario's own value,
 * with no spread). */
void io_say_forecast_series(struct mu_buf *b, const struct mu_scenario *sc,
                            const struct mu_fc_table *t, size_t k, bool is_short);

/* The whole forecast in a few sentences: how many series beat repeating
 * last week's same day, how many did worse, the median MASE; how many
 * intervals were too narrow or too wide; the series with too little
 * history or none named (the first 5, then a count). */
void io_say_forecast(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_fc_table *t);

/* --- io_html_forecast.c */

/* Writes dir/report.html: the frame titled for the scenario (label) with
 * the history's file, dates and rows; the overall sentences; per partner
 * and role a chart of each series' last weeks and forecast with its 80%
 * band (io_svg_band_chart), the sentences and the backtest table; and
 * what the files hold. MU_OK or MU_E_IO. */
enum mu_code io_html_write_forecast(const char *dir, const struct mu_scenario *sc,
                                    const char *label, const struct mu_fc_table *t,
                                    struct mu_err *err);

/* --- io_outputs_forecast.c */

/* Writes the forecast's whole --out folder into out (which exists; made
 * by io_file_check_dir): forecast.csv, demand.csv, scenarios.csv,
 * check-scenarios.csv and report.html, staged beside it and moved in only
 * once all are written (io_outputs_begin, io_outputs_commit), so that a
 * failure or a kill leaves none of them new. MU_OK or MU_E_IO. */
enum mu_code io_outputs_write_forecast(const char *out, const struct mu_scenario *sc,
                                       const char *label, const struct mu_fc_table *t,
                                       struct mu_err *err);

#endif
