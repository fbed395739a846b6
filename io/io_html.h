/*
 * io_html.h - report.html (DESIGN.md §4): one self-contained page a
 * workforce lead reads in a minute, for a solve, a compare and a sweep.
 * Inline CSS and SVG only: no script, nothing fetched, so it opens offline.
 */
#ifndef IO_HTML_H
#define IO_HTML_H

#include "core/mu_bidding.h"
#include "core/mu_buf.h"
#include "core/mu_err.h"
#include "core/mu_keep.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"
#include "io/io_report.h"

#include <stdbool.h>
#include <stddef.h>

/* One solved plan as the report shows it. */
struct io_html_plan {
	const char *heading; /* "System rota", "Silo plan" */
	const char *mode;    /* "rota", "plan (silo)", ... */
	bool is_plan;        /* plan mode (--lp): no rota.csv, bank staff in fractions */
	enum mu_status status;
	double objective;
	bool has_gap;
	double gap;
	enum mu_stop stopped_by; /* what ended a rota search (said when not proven) */
	const struct mu_plan *plan;
	/* A page for one partner (its partners/PARTNER/report.html): only its
	 * demand, staff, rota and prices; else the whole system's. */
	bool is_partner_page;
	size_t partner;
	const struct mu_why *why;          /* why rows are uncovered, or NULL */
	const struct mu_price_row *prices; /* plan mode; else NULL */
	size_t n_prices;
	/* a re-plan (--keep): its changes against the kept plan, shown
	 * first; else NULL */
	const struct mu_changes *changes;
	const struct mu_keep *keep; /* the kept plan of a re-plan, or NULL */
	/* the run's id in the store, named in the page's header (pages are
	 * written once the run is recorded); 0 leaves it out */
	long long run_id;
};

/* Appends report.html's section on the bank workers homed at partner
 * (MU_ALL: all) to b: io_say_bank's sentences and the workers by share of
 * their offered hours worked (io_html_bank.c). Nothing when no worker
 * offered a shift. */
void io_html_bank(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *plan,
                  size_t partner);

/* Writes dir/report.html for one solve. */
enum mu_code io_html_write_solve(const char *dir, const struct mu_scenario *sc,
                                 const char *scenario_label, const struct io_html_plan *plan,
                                 struct mu_err *err);

/* Writes dir/report.html for a compare: system against silo, the
 * guarantee's price when guarantee (its sentence) is not NULL, and what
 * the shared rate card is worth when bidding (DESIGN.md §3d) is not NULL. */
enum mu_code io_html_write_compare(const char *dir, const struct mu_scenario *sc,
                                   const char *scenario_label, const struct io_html_plan *sys,
                                   const struct io_html_plan *silo, const char *guarantee,
                                   const struct mu_bidding *bidding, struct mu_err *err);

/* compare's table of the bidding plan (DESIGN.md §3d), as the page and the
 * terminal show it: per partner p (and the whole system at p = n
 * partners, the sum of theirs as shown) column k at [k * (n + 1) + p]:
 * spend alone, spend bidding, bidding - alone, net cash in the system
 * plan and bidding, system - bidding; each column rounded to pennies so
 * that the partners' add up to the system's (mu_format_round_to_total),
 * and the bidding columns alone's as shown plus the rise as shown (a
 * partner whose pay does not rise reads as alone). The caller frees the
 * array. */
enum {
	IO_BID_SILO,
	IO_BID_BID,
	IO_BID_RISE,
	IO_BID_SYS_CASH,
	IO_BID_BID_CASH,
	IO_BID_AGAINST,
	IO_BID_COLS
};

double *io_html_bidding_columns(const struct mu_scenario *sc, const struct mu_plan *sys,
                                const struct mu_plan *silo, const struct mu_bidding *bid);

/* Writes dir/report.html for shares (DESIGN.md §3a): who gains, each
 * partner's share, who pays whom, and the core check and the settlement
 * in the sentences the terminal says (io_say_shares_core,
 * io_say_shares_settlement). MU_OK or MU_E_IO. */
enum mu_code io_html_write_shares(const char *dir, const struct mu_scenario *sc,
                                  const char *scenario_label, const struct io_shares *t,
                                  struct mu_err *err);

/* Writes dir/report.html for a sweep, with its chart (SVG text). */
enum mu_code io_html_write_sweep(const char *dir, const struct mu_scenario *sc,
                                 const char *scenario_label, const struct io_sweep_table *table,
                                 const char *chart_svg, struct mu_err *err);

/* Writes dir/report.html for a recruitment (io_html_recruit.c): its
 * sentence, the posts with their cost and the value of each last post,
 * the weeks, and the curve with its chart and where it ends. MU_OK or
 * MU_E_IO. */
enum mu_code io_html_write_recruit(const char *dir, const struct mu_scenario *sc,
                                   const struct io_recruit *r, struct mu_err *err);

#endif
