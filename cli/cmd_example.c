/*
 * cmd_example.c - `muster example DIR [--summer] [--flow]`: writes the
 * built-in example ICS, or its summer week, as CSV files to edit, with its
 * discharge pathway (DESIGN.md §3f) when asked.
 */
#include "cli.h"

#include "io/io_source.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const char cmd_example_help[] =
    "usage: muster example DIR [--summer] [--flow]\n"
    "\n"
    "Writes the built-in example ICS (the one 'muster demo' solves: a winter\n"
    "week, Mon 30 Nov - Sun 6 Dec 2026) into the folder DIR as CSV files: a\n"
    "starting point to edit with a spreadsheet. DIR is created if needed;\n"
    "existing files are never overwritten. Its supply.csv says how bank\n"
    "supply answers the rate paid (elasticity 0.3 for registered nurses, 0.5\n"
    "for support workers, 0.8 for care workers) and caps.csv's bank_cap the\n"
    "highest rate the bank may pay (30% above bank_rate); muster's\n"
    "docs/pay-caps.md gives each figure's source.\n"
    "\n"
    "  --summer  writes the same system's summer week instead (Mon 6 - Sun 12\n"
    "            Jul 2026, the same shift ids, each demand row's required at\n"
    "            85%, every other file the same): with the winter week, the\n"
    "            two representative weeks of 'muster recruit':\n"
    "              muster example ics; muster example ics-summer --summer\n"
    "              muster recruit ics ics-summer --lp --posts 0:60:5\n"
    "  --flow    adds flow.csv (DESIGN.md 3f): 40 patients at Northshire Acute\n"
    "            fit to leave and waiting for care from Brightway Homecare, 2.5\n"
    "            h of care a day and 1 h of a nurse's time on the ward, a\n"
    "            bed-day 395 (a penalty weight); not in the demo's example,\n"
    "            whose rota no solver then proves in minutes:\n"
    "              muster example icf --flow; muster solve icf --lp --out icf-out\n"
    "\n"
    "exit codes: 0 written; 2 bad usage or a file already exists; 1 I/O error.\n";

int cmd_example(int argc, char **argv)
{
	struct io_source *src;
	struct mu_err err;
	enum mu_code rc;
	const char *dir = NULL;
	bool is_summer = false, is_flow = false;
	int i;

	if (cli_print_help_if_asked(cmd_example_help, argc, argv))
		return 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--summer") == 0)
			is_summer = true;
		else if (strcmp(argv[i], "--flow") == 0)
			is_flow = true;
		else if (argv[i][0] == '-')
			return cli_usage_error("example", "unknown option '%s'", argv[i]);
		else if (dir)
			return cli_usage_error("example", "expected one DIR");
		else
			dir = argv[i];
	}
	if (!dir)
		return cli_usage_error("example", "missing DIR");
	mu_err_clear(&err);
	src = is_summer ? io_source_example_summer() : io_source_example();
	if (is_flow)
		io_source_add_example_flow(src);
	rc = io_source_write_dir(src, dir, &err);
	if (rc == MU_OK)
		printf("wrote %zu files of the example ICS%s%s to %s; try 'muster check %s'\n",
		       src->n_files + (src->history ? 1 : 0), is_summer ? " (its summer week)" : "",
		       is_flow ? " with its discharge pathway" : "", cli_safe(dir), cli_safe(dir));
	io_source_free(src);
	return rc == MU_OK ? 0 : cli_fail(&err);
}
