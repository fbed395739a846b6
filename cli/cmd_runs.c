/*
 * cmd_runs.c - `muster runs` and `muster show RUN`: the run history kept in
 * the SQLite database.
 */
#include "cli.h"

#include "cli_run.h"
#include "core/mu_format.h"

#include "io/io_store.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cmd_runs_help[] =
    "usage: muster runs [--db FILE]\n"
    "\n"
    "Lists every recorded run, oldest first: id, time (UTC), command, mode,\n"
    "solver status, objective and scenario.\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it:\n"
    "\n"
    "  muster runs\n"
    "\n"
    "options:\n"
    "  --db FILE   the run database (default: muster.db in the current folder)\n";

const char cmd_show_help[] =
    "usage: muster show RUN [--db FILE]\n"
    "\n"
    "Prints one recorded run: its scenario and content hash, mode, solver\n"
    "status, objective, bound and gap, timings, model size, settings and KPIs;\n"
    "for a two-stage run (solve --scenarios), its scenarios files (name,\n"
    "SHA-256, N) and its expected and measured figures.\n"
    "\n"
    "Examples, on the example ICS as 'muster example ex' writes it:\n"
    "\n"
    "  muster show 1\n"
    "\n"
    "options:\n"
    "  --db FILE   the run database (default: muster.db in the current folder)\n";

/* Parses [--db FILE] and at most one positional argument. */
static int parse_args(const char *cmd, int argc, char **argv, const char **db,
                      const char **positional)
{
	int i = 1;
	*db = CLI_DEFAULT_DB;
	*positional = NULL;
	while (i < argc) {
		bool is_missing;
		const char *v = cli_option_value(argc, argv, &i, "--db", &is_missing);
		if (is_missing)
			return cli_usage_error(cmd, "--db needs a FILE");
		if (v) {
			*db = v;
			continue;
		}
		if (argv[i][0] == '-')
			return cli_usage_error(cmd, "unknown option '%s'", argv[i]);
		if (*positional)
			return cli_usage_error(cmd, "unexpected argument '%s'", argv[i]);
		*positional = argv[i++];
	}
	return 0;
}

/* The objective is spend plus penalty weights (DESIGN.md §3): not money,
 * so no pound sign. */
static void format_objective(const struct io_run_info *r, char *buf, size_t size)
{
	char m[MU_MONEY_SIZE];
	if (r->has_objective)
		snprintf(buf, size, "%s", mu_format_weight(m, r->objective, 2));
	else
		snprintf(buf, size, "-");
}

static int print_run_line(const struct io_run_info *r, void *ctx)
{
	char obj[64], sweep[24] = "-";
	(*(size_t *)ctx)++;
	format_objective(r, obj, sizeof(obj));
	if (r->sweep_id)
		snprintf(sweep, sizeof(sweep), "%" PRId64, r->sweep_id);
	/* every text is the database's: a crafted one could hold controls */
	printf("%5" PRId64 "  %-20s  %-7s  %-4s%s  %5s  %-12s  %14s  %s", r->id,
	       cli_safe(r->created_at), cli_safe(r->command), cli_safe(r->mode),
	       r->is_silo ? "+silo" : "     ", sweep, cli_safe(r->status), obj,
	       cli_safe(r->scenario_label));
	/* a two-stage run's objective is an expected one */
	if (r->n_scenarios > 0)
		printf(" (two-stage, %ld scenarios)", r->n_scenarios);
	printf("\n");
	return 0;
}

int cmd_runs(int argc, char **argv)
{
	const char *db, *extra;
	struct io_store *st = NULL;
	struct mu_err err;
	size_t n = 0;
	int status;

	if (cli_print_help_if_asked(cmd_runs_help, argc, argv))
		return 0;
	if ((status = parse_args("runs", argc, argv, &db, &extra)) != 0)
		return status;
	if (extra)
		return cli_usage_error("runs", "unexpected argument '%s'", extra);
	mu_err_clear(&err);
	if (io_store_open(db, false, &st, &err) != MU_OK)
		return cli_fail(&err);
	printf("%5s  %-20s  %-7s  %-9s  %5s  %-12s  %14s  %s\n", "run", "time (UTC)", "command",
	       "mode", "sweep", "status", "objective", "scenario");
	if (io_store_list_runs(st, print_run_line, &n, &err) != MU_OK) {
		io_store_close(st);
		return cli_fail(&err);
	}
	if (n == 0)
		printf("(no runs recorded in %s)\n", cli_safe(db));
	io_store_close(st);
	return 0;
}

static int print_setting(const char *key, const char *value, void *ctx)
{
	(void)ctx;
	printf("  %-22s %s\n", cli_safe(key), cli_safe(value));
	return 0;
}

/* True when name ends with suffix. */
static bool ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n >= k && strcmp(name + n - k, suffix) == 0;
}

/* A KPI as people read it: money (spend, recharges, budgets) in pounds,
 * penalty weights and total_cost (spend plus weights) as numbers with no
 * pound sign, since they are not money (DESIGN.md §3), a fraction as a
 * percentage, hours and counts as numbers (summary.csv's names say which
 * is which). */
static int print_kpi(const struct io_run_kpi *kpi, void *ctx)
{
	const char *n = kpi->name;
	char text[MU_MONEY_SIZE + 8];
	(void)ctx;
	if (ends_with(n, "_spend") || ends_with(n, "_budget") || strcmp(n, "spend") == 0 ||
	    strncmp(n, "recharge_", 9) == 0)
		cli_money(text, kpi->value);
	else if (ends_with(n, "_penalty") || ends_with(n, "_cost") || strcmp(n, "penalties") == 0 ||
	         ends_with(n, "_penalties"))
		mu_format_weight(text, kpi->value, 2);
	else if (strcmp(n, "fill_fraction") == 0 || strcmp(n, "fill_rate") == 0 ||
	         ends_with(n, "_red_flag_fraction"))
		snprintf(text, sizeof(text), "%.2f%%", 100 * kpi->value);
	else if (ends_with(n, "_hours"))
		snprintf(text, sizeof(text), "%.1f h", kpi->value);
	else
		snprintf(text, sizeof(text), "%.10g", kpi->value);
	printf("  %-12s %-28s %16s\n", cli_safe(kpi->scope), cli_safe(n), text);
	return 0;
}

static int print_draws(const struct io_run_draws *d, void *ctx)
{
	(void)ctx;
	printf("  %-10s %s (%ld scenarios)\n             sha256 %s\n",
	       strcmp(d->kind, "check") == 0 ? "checked on" : "made on", cli_safe(d->file),
	       d->n_scenarios, cli_safe(d->hash));
	return 0;
}

static int print_vary(const struct io_run_vary *v, void *ctx)
{
	(void)ctx;
	printf("  %-22s %g\n", cli_safe(v->name), v->value);
	return 0;
}

int cmd_show(int argc, char **argv)
{
	const char *db, *arg;
	struct io_store *st = NULL;
	struct io_run_info r;
	struct mu_err err;
	char obj[64], obj_bound[MU_MONEY_SIZE], *end;
	long long id;
	int status;

	if (cli_print_help_if_asked(cmd_show_help, argc, argv))
		return 0;
	if ((status = parse_args("show", argc, argv, &db, &arg)) != 0)
		return status;
	if (!arg)
		return cli_usage_error("show", "missing RUN (a run id from 'muster runs')");
	errno = 0;
	id = strtoll(arg, &end, 10);
	if (errno || *end || end == arg || id <= 0)
		return cli_usage_error("show", "invalid run id '%s'", arg);
	mu_err_clear(&err);
	if (io_store_open(db, false, &st, &err) != MU_OK ||
	    io_store_get_run(st, id, &r, &err) != MU_OK) {
		io_store_close(st);
		return cli_fail(&err);
	}
	format_objective(&r, obj, sizeof(obj));
	printf("run %" PRId64 " (%s, muster %s)\n", r.id, cli_safe(r.created_at),
	       cli_safe(r.version));
	printf("  scenario   %s\n  hash       %s\n", cli_safe(r.scenario_label),
	       cli_safe(r.scenario_hash));
	printf("  command    %s, %s mode%s\n", cli_safe(r.command), cli_safe(r.mode),
	       r.is_silo ? ", silo" : "");
	printf("  status     %s\n  objective  %s%s\n", cli_safe(r.status), obj,
	       r.has_objective ? " (spend plus penalty weights, not money)" : "");
	if (r.has_bound)
		printf("  bound      %s\n", mu_format_weight(obj_bound, r.best_bound, 2));
	if (r.has_gap)
		printf("  gap        %.4f%%\n", 100 * r.gap);
	printf("  model      %ld rows, %ld columns, %ld non-zeros\n", r.n_rows, r.n_cols,
	       r.n_nonzeros);
	printf("  time       read %.3f s, build %.3f s, solve %.3f s, total %.3f s\n", r.time_read,
	       r.time_build, r.time_solve, r.time_total);
	printf("  plan rows  %ld%s\n", r.n_plan_rows,
	       r.n_scenarios > 0 ? " (what is decided now: bank and agency booked now)" : "");
	if (r.n_scenarios > 0) {
		printf("two-stage (DESIGN.md §3e): the objective is the cost decided now plus the "
		       "mean over %ld scenarios of the cost on the day\n",
		       r.n_scenarios);
		if (io_store_list_draws(st, id, print_draws, NULL, &err) != MU_OK)
			goto fail;
	}
	if (r.sweep_id) {
		printf("sweep %" PRId64 ", at:\n", r.sweep_id);
		if (io_store_list_vary(st, id, print_vary, NULL, &err) != MU_OK)
			goto fail;
	}
	printf("settings:\n");
	if (io_store_list_settings(st, id, print_setting, NULL, &err) != MU_OK)
		goto fail;
	printf("KPIs:\n");
	if (io_store_list_kpis(st, id, print_kpi, NULL, &err) != MU_OK)
		goto fail;
	io_store_close(st);
	return 0;
fail:
	io_store_close(st);
	return cli_fail(&err);
}
