/*
 * io_html_bank.c - report.html's section on the bank workers (DESIGN.md
 * §3b, issue 17): the sentences of io_say_bank and how many workers worked
 * what share of the hours they offered, as a table with a bar per step. Its
 * own file so that io_html.c stays one page's layout.
 */
#include "io_html.h"

#include "io/io_say.h"
#include "io/io_svg.h"

#include <stdio.h>
#include <string.h>

static const char *const step_names[MU_SHARE_STEPS] = {
    [MU_SHARE_NONE] = "none",
    [MU_SHARE_UNDER_25] = "under 25%",
    [MU_SHARE_UNDER_50] = "25\xe2\x80\x93"
                          "49%",
    [MU_SHARE_UNDER_75] = "50\xe2\x80\x93"
                          "74%",
    [MU_SHARE_UNDER_100] = "75\xe2\x80\x93"
                           "99%",
    [MU_SHARE_ALL] = "all",
};

void io_html_bank(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *plan,
                  size_t partner)
{
	struct mu_bank_use u;
	struct mu_buf said;
	size_t k, most = 0;
	const char *line;
	mu_plan_bank_use(plan, sc, partner, &u);
	if (u.n_workers == 0)
		return;
	mu_buf_adds(
	    b, "<h2>Bank workers: preferences and fair hours</h2>\n<ul class=\"sentences\">\n");
	mu_buf_init(&said);
	io_say_bank(&said, sc, &u);
	for (line = said.data; *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		char text[1024];
		snprintf(text, sizeof(text), "%.*s", (int)n, line);
		mu_buf_adds(b, "<li>");
		io_svg_escape(b, text);
		mu_buf_adds(b, "</li>\n");
		line += n + (end != NULL);
	}
	mu_buf_release(&said);
	mu_buf_addf(b,
	            "</ul>\n<p>Share of the hours each worker offered that the plan gives them "
	            "(%s%zu worker%s who offered a shift):</p>\n",
	            partner == MU_ALL ? "" : "homed here, ", u.n_workers,
	            u.n_workers == 1 ? "" : "s");
	for (k = 0; k < MU_SHARE_STEPS; k++)
		most = u.by_share[k] > most ? u.by_share[k] : most;
	mu_buf_adds(b, "<table class=\"share\"><tr><th>share of offered hours worked</th>"
	               "<th>workers</th><th></th></tr>\n");
	for (k = 0; k < MU_SHARE_STEPS; k++) {
		double width = most > 0 ? 300.0 * (double)u.by_share[k] / (double)most : 0;
		mu_buf_addf(
		    b,
		    "<tr><td>%s</td><td>%zu</td><td style=\"text-align:left\">"
		    "<svg width=\"%.0f\" height=\"12\" role=\"img\" aria-label=\"%zu\">"
		    "<rect width=\"%.1f\" height=\"12\" fill=\"#3182bd\"/></svg></td></tr>\n",
		    step_names[k], u.by_share[k], width > 1 ? width : 1, u.by_share[k], width);
	}
	mu_buf_adds(b, "</table>\n");
}
