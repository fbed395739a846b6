/*
 * io_html_frame.c - what every page of report.html is put in: the style
 * sheet (screen, phone and A4 print), the header naming the run, the
 * scenario, its hash and its dates, and the one way text, money and fill
 * are written. Below every page's file (io_html.c, io_html_<page>.c), so
 * that none calls another back.
 */
#include "io/io_html_int.h"

#include "core/mu_format.h"
#include "io/io_report.h"
#include "io/io_svg.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char STYLE[] =
    "body{font-family:sans-serif;margin:24px auto;max-width:1000px;color:#222;"
    "line-height:1.4}"
    "h1{font-size:1.6em;margin-bottom:0}h2{margin-top:1.8em;border-bottom:1px solid #ccc}"
    ".sub{color:#666;margin-top:4px}"
    ".tiles{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}"
    ".tile{border:1px solid #ccc;border-radius:6px;padding:8px 12px;min-width:130px}"
    ".tile b{display:block;font-size:1.3em}.tile span{color:#666;font-size:.85em}"
    ".alarm{border-color:#c00;background:#fff0f0}"
    "table{border-collapse:collapse;margin:8px 0;font-size:.9em}"
    "th,td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}"
    "th:first-child,td:first-child,th.t,td.t{text-align:left}"
    "th{background:#f4f4f4}.red{color:#c00;font-weight:bold}"
    "ul.sentences li{margin:4px 0}"
    "table.rota td{text-align:left;font-size:.85em;white-space:nowrap}"
    "td.why{text-align:left;font-size:.85em;max-width:420px}"
    /* a phone: the page never wider than the screen; each table scrolls in
     * its own box and each chart scales down (DESIGN.md §4) */
    "body{padding:0 10px}svg{max-width:100%;height:auto}.hash{word-break:break-all}"
    "@media screen{table{display:block;overflow-x:auto;max-width:100%}}"
    "@media screen and (max-width:700px){th,td{white-space:nowrap}"
    "td.why{white-space:normal;min-width:300px}.tile{min-width:0;flex:1 1 40%}"
    "table.flow th{white-space:normal;min-width:4.5em}}"
    /* paper: A4 landscape, header rows on every page a table spans, a
     * row or a chart never cut, each plan of a compare on a page of its
     * own, the rota one week to a table so every day is on paper */
    "@page{size:A4 landscape;margin:10mm}"
    "@media print{body{margin:0;padding:0;max-width:none;font-size:10pt}"
    "thead{display:table-header-group}tr,svg,.tile{break-inside:avoid}"
    "h2,h3{break-after:avoid}h1.part{break-before:page}"
    "table.rota{width:100%;table-layout:fixed}"
    "table.rota td{white-space:normal;font-size:8pt}}";

void io_html_esc(struct mu_buf *b, const char *s)
{
	io_svg_escape(b, s ? s : "");
}

const char *io_html_money(char *buf, double v)
{
	return mu_format_money(buf, v, 2);
}

const char *io_html_weight(char *buf, double v)
{
	return mu_format_weight(buf, v, 2);
}

void io_html_fill_text(char *buf, size_t size, const struct mu_totals *t)
{
	double fill = mu_totals_fill_rate(t);
	if (fill < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.2f%%", 100 * fill);
}

/* "Mon 30 Nov 2026" of a day (days since 1970-01-01) into buf. */
static void day_text(char *buf, size_t size, long day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%a %e %b %Y", &tm);
}

/* The scenario's part of a page's header: its label, hash and the dates of
 * its shifts. */
static void scenario_part(struct mu_buf *b, const struct mu_scenario *sc, const char *label)
{
	char from[32], to[32];
	long first = LONG_MAX, last = LONG_MIN;
	size_t i;
	for (i = 0; i < sc->n_shifts; i++) {
		first = sc->shifts[i].day < first ? sc->shifts[i].day : first;
		last = sc->shifts[i].day > last ? sc->shifts[i].day : last;
	}
	mu_buf_adds(b, "<b>");
	io_html_esc(b, label);
	mu_buf_adds(b, "</b>");
	if (*sc->source_hash)
		mu_buf_addf(b, " (SHA-256 <span class=\"hash\">%s</span>)", sc->source_hash);
	if (first <= last) {
		day_text(from, sizeof(from), first);
		day_text(to, sizeof(to), last);
		mu_buf_addf(b, " &middot; shifts from %s to %s", from, to);
	}
}

static void page_start(struct mu_buf *b, const char *title, const char *runs)
{
	mu_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
	io_html_esc(b, title);
	mu_buf_addf(b, "</title>\n<style>%s</style></head><body>\n<h1>", STYLE);
	io_html_esc(b, title);
	mu_buf_adds(b, "</h1>\n<p class=\"sub\">");
	if (runs && *runs) {
		io_html_esc(b, runs);
		mu_buf_adds(b, " &middot; ");
	}
}

static void page_made(struct mu_buf *b)
{
	char when[64];
	time_t now = time(NULL);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&now));
	mu_buf_addf(b, " &middot; made by muster %s on %s</p>\n", MUSTER_VERSION, when);
}

void io_html_day_heads(struct mu_buf *b, long from, long to)
{
	char date[16];
	long d;
	for (d = from; d <= to; d++) {
		time_t t = (time_t)d * 86400;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%a %e %b", &tm);
		mu_buf_addf(b, "<th>%s</th>", date);
	}
}

void io_html_page_open(struct mu_buf *b, const char *title, const struct mu_scenario *sc,
                       const char *label, const char *runs)
{
	page_start(b, title, runs);
	mu_buf_adds(b, "Scenario ");
	scenario_part(b, sc, label);
	page_made(b);
}

void io_html_page_open_weeks(struct mu_buf *b, const char *title,
                             const struct mu_scenario *const *weeks, const char *const *labels,
                             size_t n, const char *runs)
{
	size_t k;
	page_start(b, title, runs);
	mu_buf_adds(b, n == 1 ? "Scenario " : "Scenarios ");
	for (k = 0; k < n; k++) {
		if (k)
			mu_buf_adds(b, "; ");
		scenario_part(b, weeks[k], labels[k]);
	}
	page_made(b);
}

enum mu_code io_html_write_page(const char *dir, struct mu_buf *b, struct mu_err *err)
{
	enum mu_code rc;
	mu_buf_adds(b, "</body></html>\n");
	rc = io_report_write_file(dir, "report.html", b->data, b->len, err);
	mu_buf_release(b);
	return rc;
}
