/*
 * cmd_example.c - `muster example DIR`: writes the built-in example ICS as
 * CSV files to edit.
 */
#include "cli.h"

#include "io/io_source.h"

#include <stdio.h>

const char cmd_example_help[] =
    "usage: muster example DIR\n"
    "\n"
    "Writes the built-in example ICS (the one 'muster demo' solves) into the\n"
    "folder DIR as CSV files: a starting point to edit with a spreadsheet.\n"
    "DIR is created if needed; existing files are never overwritten.\n"
    "\n"
    "exit codes: 0 written; 2 bad usage or a file already exists; 1 I/O error.\n";

int cmd_example(int argc, char **argv)
{
	struct io_source *src;
	struct mu_err err;
	enum mu_code rc;

	if (cli_print_help_if_asked("example", argc, argv))
		return 0;
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("example", argc < 2 ? "missing DIR" : "expected one DIR");
	mu_err_clear(&err);
	src = io_source_example();
	rc = io_source_write_dir(src, argv[1], &err);
	if (rc == MU_OK)
		printf("wrote %zu files of the example ICS to %s; try 'muster check %s'\n",
		       src->n_files, cli_safe(argv[1]), cli_safe(argv[1]));
	io_source_free(src);
	return rc == MU_OK ? 0 : cli_fail(&err);
}
