/*
 * main.c - muster's entry point and command table (git.c style): one row per
 * command, each command in its own cmd_<name>.c.
 */
#include "cli.h"
#include "muster_version.h" /* MUSTER_COMMIT, written at build time (cli/gen_version.cmake) */
#include "core/mu_alloc.h"

#include <stdio.h>
#include <string.h>

const struct cli_command cli_commands[] = {
    {"demo", cmd_demo, "solve the built-in example ICS and print the headline", cmd_demo_help},
    {"example", cmd_example, "write the built-in example scenario as CSV files", cmd_example_help},
    {"check", cmd_check, "validate a scenario folder and print every error", cmd_check_help},
    {"solve", cmd_solve, "solve a scenario: the system plan or rota at least cost", cmd_solve_help},
    {"compare", cmd_compare, "the system plan against partners alone (silo), side by side",
     cmd_compare_help},
    {"sweep", cmd_sweep, "re-solve across a range of settings, caps, demand or staff",
     cmd_sweep_help},
    {"shares", cmd_shares, "each partner's fair share of the value of working together",
     cmd_shares_help},
    {"merge", cmd_merge, "merge the run databases of sharded sweeps into one", cmd_merge_help},
    {"forecast", cmd_forecast, "next horizon's demand and absence from the shifts gone",
     cmd_forecast_help},
    {"recruit", cmd_recruit, "the best posts to recruit across representative weeks",
     cmd_recruit_help},
    {"runs", cmd_runs, "list the recorded runs", cmd_runs_help},
    {"show", cmd_show, "print one recorded run", cmd_show_help},
    {"help", cmd_help, "explain muster or one command", cmd_help_help},
};
const size_t cli_n_commands = sizeof(cli_commands) / sizeof(cli_commands[0]);

const char cmd_help_help[] =
    "usage: muster help [COMMAND]\n"
    "\n"
    "Without COMMAND, lists every command. With it, prints that command's help\n"
    "(the same as 'muster COMMAND --help').\n";

static void print_overview(FILE *out)
{
	size_t i;
	fputs("usage: muster COMMAND [OPTIONS]\n"
	      "\n"
	      "muster plans the shared workforce of an Integrated Care System: it covers\n"
	      "each partner's forecast demand with own staff, mutual aid, the shared bank\n"
	      "and agency at least cost, inside pay caps and spend ceilings.\n"
	      "\n"
	      "commands:\n",
	      out);
	for (i = 0; i < cli_n_commands; i++)
		fprintf(out, "  %-9s %s\n", cli_commands[i].name, cli_commands[i].summary);
	fputs("\n"
	      "'muster COMMAND --help' explains a command and its options.\n"
	      "\n"
	      "exit codes: 0 success; 1 runtime failure (I/O, database, solver);\n"
	      "2 bad usage or bad input data; 3 solved, but a demand row is below its\n"
	      "safe minimum (a red flag).\n",
	      out);
}

static const struct cli_command *find_command(const char *name)
{
	size_t i;
	for (i = 0; i < cli_n_commands; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

int cmd_help(int argc, char **argv)
{
	const struct cli_command *cmd;
	if (cli_print_help_if_asked(cmd_help_help, argc, argv))
		return 0;
	if (argc < 2) {
		print_overview(stdout);
		return 0;
	}
	if (argc > 2)
		return cli_usage_error("help", "too many arguments");
	cmd = find_command(argv[1]);
	if (!cmd)
		return cli_usage_error("help", "unknown command '%s'", argv[1]);
	fputs(cmd->help, stdout);
	return 0;
}

int main(int argc, char **argv)
{
	const struct cli_command *cmd;
	mu_alloc_keep_freed();
	if (argc < 2) {
		print_overview(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_overview(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("muster %s (git %s)\n", MUSTER_VERSION, MUSTER_COMMIT);
		return 0;
	}
	cmd = find_command(argv[1]);
	if (!cmd) {
		cli_print_line(stderr, "muster: unknown command '%s'; see 'muster help'\n",
		               argv[1]);
		return 2;
	}
	return cmd->run(argc - 1, argv + 1);
}
