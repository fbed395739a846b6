/*
 * cli.h - what the command front end shares: the command table entry, the
 * commands themselves, and small helpers for options, errors and loading.
 * All printing in muster happens under cli/.
 */
#ifndef CLI_H
#define CLI_H

#include "core/mu_err.h"
#include "core/mu_scenario.h"
#include "io/io_source.h"

#include <stdbool.h>
#include <stdio.h>

struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const char *summary;               /* one line for `muster help` */
	const char *help;                  /* the whole text of `muster CMD --help` */
};

/* The command table (main.c). `muster help` lists every row, one
 * "  NAME SUMMARY" line each; tests/test_cli.c reads the commands from that
 * listing, so a row added here is tested with no copy to keep. */
extern const struct cli_command cli_commands[];
extern const size_t cli_n_commands;

int cmd_check(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_example(int argc, char **argv);
int cmd_runs(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_solve(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_shares(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_recruit(int argc, char **argv);
int cmd_forecast(int argc, char **argv);

extern const char cmd_check_help[];
extern const char cmd_compare_help[];
extern const char cmd_demo_help[];
extern const char cmd_example_help[];
extern const char cmd_runs_help[];
extern const char cmd_show_help[];
extern const char cmd_help_help[];
extern const char cmd_solve_help[];
extern const char cmd_sweep_help[];
extern const char cmd_shares_help[];
extern const char cmd_merge_help[];
extern const char cmd_recruit_help[];
extern const char cmd_forecast_help[];

#define CLI_DEFAULT_DB "muster.db"

/* True when argv holds --help or -h (before any "--"); then help, the
 * command's help text, is printed on stdout. */
bool cli_print_help_if_asked(const char *help, int argc, char **argv);

/* Prints "muster CMD: message" and a pointer to --help; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Tables name partners by id, as wide as the longest (at least min), and
 * never cut; cli_print_partner_legend then says whose each id is. */
int cli_partner_id_width(const struct mu_scenario *sc, int min);
void cli_print_partner_legend(const struct mu_scenario *sc);

/* s as it may be printed on a terminal (mu_format_printable: an ESC in a
 * folder name, an id or a name shows as \x1B and does nothing). Every text
 * from a file, a folder name, the database or the command line goes
 * through here before it is printed. The result is borrowed: it stays
 * valid for the next CLI_SAFE_SLOTS - 1 calls, so one printf may take
 * that many. NULL gives "". */
#define CLI_SAFE_SLOTS 8
const char *cli_safe(const char *s);

/* vprintf to fp with every argument's text and the format's made safe as
 * cli_safe makes them, but the final newline kept: for a whole line of a
 * message. */
void cli_print_line(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints the error as "muster: file:line:col: message"; returns the exit status. */
int cli_fail(const struct mu_err *err);

/* Prints every error of the list, then a count; returns 2. */
int cli_print_errors(const struct mu_errlist *errors, const char *label);

/* Prints every warning of the list as "warning: file:line:col: message". */
void cli_print_warnings(const struct mu_errlist *warnings);

/* Reads and validates the scenario folder dir (or the built-in example when
 * dir is NULL), printing every warning and error (DESIGN.md §2) on stderr.
 * Returns the exit status: 0 with *src and *sc set (the caller frees them),
 * else 1 or 2; warnings never change it. */
int cli_load_scenario(const char *dir, struct io_source **src, struct mu_scenario **sc);

struct mu_keep;

/* Reads the kept plan spec (--keep: a plan.csv or run:ID from the store
 * at db) against sc, with --now's moment when has_now; a plan of
 * fractions is refused unless is_lp (a rota keeps whole staff). Returns 0
 * with *out the caller's (mu_keep_free), or prints the error and returns its
 * exit status (2 for a bad plan or one of another scenario). */
int cli_load_keep(const char *spec, const char *db, bool has_now, long now, bool is_lp,
                  const struct mu_scenario *sc, struct mu_keep **out);

/* Checks, before any solving, that the --out folder out can take the
 * outputs: creates it (and the folders above it) and a file in it. Returns
 * 0 (also when out is NULL: no --out), or prints why not and returns 1 (an
 * I/O failure, DESIGN.md §5), so that an unwritable folder costs no solve
 * and records no run. */
int cli_prepare_out(const char *out);

/* Parses a number of seconds in (0, 1e6]; false when v is not one. */
bool cli_parse_seconds(const char *v, double *seconds);

/* The value of option name at argv[*i] ("--db FILE" or "--db=FILE"), moving
 * *i past it; NULL when argv[*i] is not that option. Sets *is_missing when
 * the option has no value. */
const char *cli_option_value(int argc, char **argv, int *i, const char *name, bool *is_missing);

#endif
