/*
 * cmd_check.c - `muster check SCENARIO`: validates a scenario folder and
 * prints every error, or a one-line summary of a valid scenario.
 */
#include "cli.h"

#include "core/mu_alloc.h"
#include "core/mu_history.h"
#include "io/io_history.h"
#include "io/io_source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cmd_check_help[] =
    "usage: muster check SCENARIO\n"
    "\n"
    "Reads every CSV file of the folder SCENARIO and checks it against the\n"
    "scenario format: required files and columns, value syntax and ranges,\n"
    "unique keys and every reference. Prints every error found, one per line,\n"
    "as FILE:LINE:COLUMN: MESSAGE (errors that follow from one cause once, with\n"
    "a count), or for a valid scenario a one-line summary. Warnings, for a\n"
    "scenario that is valid but almost certainly not what was meant (bank\n"
    "workers with no offered shift, agency offers all break-glass while\n"
    "break-glass is not allowed, a minimum no source can cover, a bank_cap\n"
    "above its role's agency_cap, a supply.csv elasticity above 2 or\n"
    "reference_rate more than 50% from the bank_rate, a flow.csv pathway with\n"
    "no patient waiting, a bed_day_cost of 0 or care or ward hours above 24\n"
    "a day, a spreadsheet file in the folder), go to stderr as \"warning: FILE: MESSAGE\" and do "
    "not\n"
    "change the exit code.\n"
    "\n"
    "A history.csv in the folder (the past shifts only 'muster forecast'\n"
    "reads) is checked too, against the scenario's partners and roles, with\n"
    "its own warnings: a series the scenario needs with no history or less\n"
    "than 8 weeks of it, history on or after the scenario's first day, a\n"
    "required more than 10 times its series' median.\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it:\n"
    "\n"
    "  muster check ex\n"
    "\n"
    "exit codes: 0 valid (with or without warnings); 2 bad usage or errors in\n"
    "the scenario; 1 the folder could not be read.\n";

/* SCENARIO/history.csv against sc: its warnings and errors printed, *n_rows
 * its rows. Returns the exit status (0, 1 unreadable, 2 errors). */
static int check_history(const char *dir, const struct io_source *src, const struct mu_scenario *sc,
                         size_t *n_rows)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors)),
	                  *warnings = mu_malloc(sizeof(*warnings));
	struct mu_history h;
	char *path = mu_malloc(strlen(dir) + sizeof("/" IO_SOURCE_HISTORY));
	enum mu_code rc;
	int status = 0;
	sprintf(path, "%s/%s", dir, IO_SOURCE_HISTORY);
	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	rc = io_history_read(path, IO_SOURCE_HISTORY, sc, &h, errors, warnings);
	cli_print_warnings(warnings);
	if (rc != MU_OK) {
		cli_print_errors(errors, src->label);
		status = mu_code_exit_status(rc);
	} else {
		*n_rows = h.n_rows;
		mu_history_release(&h);
	}
	free(path);
	free(errors);
	free(warnings);
	return status;
}

int cmd_check(int argc, char **argv)
{
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	size_t n_history = 0;
	int status;

	if (cli_print_help_if_asked(cmd_check_help, argc, argv))
		return 0;
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("check", argc < 2 ? "missing SCENARIO folder"
		                                         : "expected one SCENARIO folder");
	status = cli_load_scenario(argv[1], &src, &sc);
	if (status != 0)
		return status;
	if (src->has_history && (status = check_history(argv[1], src, sc, &n_history)) != 0) {
		mu_scenario_free(sc);
		io_source_free(src);
		return status;
	}
	printf("%s: ok: %zu partners, %zu roles, %zu shifts, %zu demand rows, %zu bank workers, "
	       "%zu agency offers, %zu agreements",
	       cli_safe(src->label), sc->n_partners, sc->n_roles, sc->n_shifts, sc->n_demand,
	       sc->n_bank, sc->n_agency, sc->n_agreements);
	/* only `recruit` uses recruits.csv; check names it only when it is there */
	if (sc->n_recruits > 0)
		printf(", %zu recruits.csv row%s", sc->n_recruits, sc->n_recruits == 1 ? "" : "s");
	/* supply.csv (§3d) is optional and new: named, like recruits.csv, when there */
	if (sc->n_supply > 0)
		printf(", %zu supply.csv row%s", sc->n_supply, sc->n_supply == 1 ? "" : "s");
	/* flow.csv (§3f) likewise */
	if (sc->n_flows > 0)
		printf(", %zu flow.csv pathway%s", sc->n_flows, sc->n_flows == 1 ? "" : "s");
	/* history.csv (§3e) likewise: read by check and forecast only */
	if (src->has_history)
		printf(", %zu history.csv row%s", n_history, n_history == 1 ? "" : "s");
	printf("\n");
	mu_scenario_free(sc);
	io_source_free(src);
	return 0;
}
