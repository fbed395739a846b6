/*
 * io_html_int.h - what the pages of report.html (io_html.c and
 * io_html_<page>.c) share and nobody else sees: the page's frame and the
 * one way text and money go into it.
 */
#ifndef IO_HTML_INT_H
#define IO_HTML_INT_H

#include "core/mu_bidding.h"
#include "core/mu_buf.h"
#include "core/mu_err.h"
#include "io/io_html.h"

#include <stddef.h>

/* Appends s (NULL as "") to b, HTML-escaped by io_svg_escape, the one
 * escaper. */
void io_html_esc(struct mu_buf *b, const char *s);

/* "£1,234.56" into buf (MU_MONEY_SIZE bytes); returns buf. */
const char *io_html_money(char *buf, double v);

/* Penalty weights, or a total that holds them (the objective, spend plus
 * penalty weights), as "1,234.56": no pound sign (DESIGN.md §3), into buf
 * (MU_MONEY_SIZE bytes); returns buf. */
const char *io_html_weight(char *buf, double v);

/* The fill rate of t as "97.70%", or "-" when it has no required hours,
 * into buf. */
void io_html_fill_text(char *buf, size_t size, const struct mu_totals *t);

/* A table head's cells for the days from..to (days since 1970-01-01):
 * "<th>Mon  7 Dec</th>" each, as the rota and rates grids head them. */
void io_html_day_heads(struct mu_buf *b, long from, long to);

/* Starts a page in b: the document's head with the style, the title as
 * its heading, and a line naming the runs recorded (runs, as "Run 12" or
 * "Runs 12 (system) and 13 (silo)"; NULL or "": none, left out), the
 * scenario (label, and sc's source_hash when it has one), the dates its
 * shifts cover, muster's version and the time. */
void io_html_page_open(struct mu_buf *b, const char *title, const struct mu_scenario *sc,
                       const char *label, const char *runs);

/* The same for a page over n scenarios (recruit's weeks): each one's
 * label, hash and dates in turn. */
void io_html_page_open_weeks(struct mu_buf *b, const char *title,
                             const struct mu_scenario *const *weeks, const char *const *labels,
                             size_t n, const char *runs);

/* Ends the page in b, writes it as dir/report.html and releases b.
 * MU_OK or MU_E_IO. */
enum mu_code io_html_write_page(const char *dir, struct mu_buf *b, struct mu_err *err);

/* Appends the page's rota of bank staff (a plan's: "not a rota") of the
 * system or of p's partner, a week to a table. */
void io_html_rota_grid(struct mu_buf *b, const struct mu_scenario *sc,
                       const struct io_html_plan *p);

/* Appends p's partner's staff by shift and source (own, lent in, bank,
 * agency, short), in staff. */
void io_html_staff_by_shift(struct mu_buf *b, const struct mu_scenario *sc,
                            const struct io_html_plan *p);

/* Appends compare's section on what the shared rate card is worth
 * (DESIGN.md §3d): io_say_bidding's sentence and a table of the silo,
 * bidding and system plans per partner, money adding up as shown. */
void io_html_bidding(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                     const struct mu_plan *silo, const struct mu_bidding *bid);

/* Appends the section on bank rates and extra staff (DESIGN.md §3d,
 * io_html_rates.c) of p's plan, or p's partner's part of it; nothing when
 * the plan has no supply curve. */
void io_html_rates(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p);

/* Appends the section on moving patients home sooner (DESIGN.md §3f,
 * io_html_flow.c) of p's plan: its pathways (on a partner's page those
 * from or to it); nothing without one. */
void io_html_flow(struct mu_buf *b, const struct mu_scenario *sc, const struct io_html_plan *p);

#endif
