/*
 * test_cli.c - end to end through the muster binary: help for every
 * command, exit codes, check on good and bad scenarios, example, demo, and
 * the run history commands.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_settings.h"
#include "io/io_scenario.h"
#include "io/io_store.h"
#include "model_harness.h"
#include "plan_check.h"

#include <ctype.h>
#include <fcntl.h>
#include <signal.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmp_dir[256];

/* When > 0, run() sends SIGINT this many seconds after starting muster. */
static double interrupt_after;

struct result {
	int status;
	char *out;
	char *err;
};

static char *slurp(const char *path)
{
	struct mu_buf buf;
	char chunk[4096];
	size_t n;
	FILE *fp = fopen(path, "rb");
	mu_buf_init(&buf);
	if (fp) {
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			mu_buf_add(&buf, chunk, n);
		fclose(fp);
	}
	return mu_buf_detach(&buf, NULL);
}

/* Runs muster with the NULL-terminated arguments, in tmp_dir. */
static struct result run(const char *arg, ...)
{
	const char *argv[32];
	char out_path[300], err_path[300];
	struct result r;
	va_list ap;
	int n = 0, status;
	pid_t pid;

	argv[n++] = getenv("MUSTER_BIN");
	assert_non_null(argv[0]);
	va_start(ap, arg);
	for (; arg && n < 31; arg = va_arg(ap, const char *))
		argv[n++] = arg;
	va_end(ap);
	argv[n] = NULL;
	snprintf(out_path, sizeof(out_path), "%s/stdout", tmp_dir);
	snprintf(err_path, sizeof(err_path), "%s/stderr", tmp_dir);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fo = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int fe = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fo < 0 || fe < 0 || chdir(tmp_dir) != 0)
			_exit(127);
		dup2(fo, 1);
		dup2(fe, 2);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (interrupt_after > 0) {
		usleep((useconds_t)(interrupt_after * 1e6));
		kill(pid, SIGINT);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	r.status = WEXITSTATUS(status);
	r.out = slurp(out_path);
	r.err = slurp(err_path);
	return r;
}

static void result_free(struct result *r)
{
	free(r->out);
	free(r->err);
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/muster-test-cli-XXXXXX");
	return mkdtemp(tmp_dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[512];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The commands `muster help` lists: the binary prints one line per row of
 * its command table (cli_commands), "  NAME SUMMARY", under "commands:" and
 * up to an empty line. Fills names (at most max) and returns how many. */
static size_t listed_commands(const char *overview, char names[][32], size_t max)
{
	const char *line = strstr(overview, "\ncommands:\n");
	size_t n = 0;
	assert_non_null(line);
	for (line += strlen("\ncommands:\n"); strncmp(line, "  ", 2) == 0;) {
		const char *name = line + 2, *end = strchr(line, '\n'), *summary;
		size_t len = strcspn(name, " \n");
		assert_non_null(end);
		assert_true(len > 0 && len < sizeof(names[0]));
		for (summary = name + len; *summary == ' '; summary++)
			;
		/* every row has a summary (printf would show a NULL one as "(null)") */
		assert_true(summary < end);
		assert_true(strncmp(summary, "(null)", 6) != 0);
		assert_true(n < max);
		memcpy(names[n], name, len);
		names[n][len] = '\0';
		n++;
		line = end + 1;
	}
	assert_true(*line == '\n'); /* the list ends with an empty line */
	return n;
}

/* Every command of the table, as `muster help` lists it, has a help of its
 * own: `muster CMD --help` starts with its usage line and is what `muster
 * help CMD` prints. A command added to the table without its help fails. */
static void test_cli_help_for_every_command(void **state)
{
	struct result r = run("help", NULL);
	char names[64][32];
	size_t i, j, n;
	bool has_help = false;
	(void)state;
	assert_int_equal(r.status, 0);
	n = listed_commands(r.out, names, 64);
	for (i = 0; i < n; i++) {
		char usage[64];
		struct result h = run(names[i], "--help", NULL), h2 = run("help", names[i], NULL);
		for (j = 0; j < i; j++)
			assert_string_not_equal(names[i], names[j]);
		has_help |= strcmp(names[i], "help") == 0;
		snprintf(usage, sizeof(usage), "usage: muster %s", names[i]);
		assert_int_equal(h.status, 0);
		assert_true(strncmp(h.out, usage, strlen(usage)) == 0);
		assert_true(h.out[strlen(usage)] == ' ' || h.out[strlen(usage)] == '\n');
		assert_int_equal(h2.status, 0);
		assert_string_equal(h.out, h2.out);
		result_free(&h);
		result_free(&h2);
	}
	assert_true(has_help); /* the listing was read: it names itself */
	result_free(&r);
}

/* sweep's help lists by hand what a sweep may vary: every setting the
 * table marks sweepable must be there, and no other. */
static void test_cli_sweep_help_names_every_sweepable_setting(void **state)
{
	struct result h = run("sweep", "--help", NULL);
	size_t i;
	(void)state;
	for (i = 0; i < MU_SETTING_COUNT; i++) {
		const char *key = mu_settings_table[i].key;
		const char *at = strstr(h.out, key);
		/* a whole word: agency_budget also begins agency_budget.PARTNER */
		while (at && at[strlen(key)] == '.')
			at = strstr(at + 1, key);
		if (mu_settings_table[i].is_sweepable != (at != NULL))
			fail_msg("sweep --help and the settings table disagree on %s", key);
	}
	result_free(&h);
}

static void test_cli_bad_usage_exits_2(void **state)
{
	struct result r;
	(void)state;
	r = run(NULL);
	assert_int_equal(r.status, 2);
	result_free(&r);
	r = run("frobnicate", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown command 'frobnicate'"));
	result_free(&r);
	r = run("check", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "missing SCENARIO"));
	result_free(&r);
	r = run("runs", "--bogus", NULL);
	assert_int_equal(r.status, 2);
	result_free(&r);
	r = run("check", "no-such-folder", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no-such-folder"));
	result_free(&r);
	/* --out into the scenario folder is refused before anything is solved or
	 * written: the folder still reads as the scenario it was */
	r = run("example", "own", NULL);
	assert_int_equal(r.status, 0);
	result_free(&r);
	r = run("solve", "own", "--lp", "--out", "own/../own", "--db", "own.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "is the scenario folder"));
	result_free(&r);
	r = run("check", "own", NULL);
	assert_int_equal(r.status, 0);
	result_free(&r);
}

static void test_cli_check_the_example_and_a_broken_copy(void **state)
{
	struct result r;
	char path[400];
	FILE *fp;
	(void)state;
	r = run("check", getenv("MUSTER_EXAMPLE_DIR"), NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "ok: 7 partners"));
	result_free(&r);

	r = run("example", "sc", NULL);
	assert_int_equal(r.status, 0);
	result_free(&r);
	r = run("example", "sc", NULL); /* never overwrites */
	assert_int_equal(r.status, 2);
	result_free(&r);
	r = run("check", "sc", NULL);
	assert_int_equal(r.status, 0);
	result_free(&r);

	snprintf(path, sizeof(path), "%s/sc/demand.csv", tmp_dir);
	fp = fopen(path, "w");
	fputs(
	    "partner,role,shift,required\nacute_north,rn_b5,tue-x,3\nacute_north,rn_b5,mon-e,-1\n",
	    fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/sc/settngs.csv", tmp_dir);
	fp = fopen(path, "w");
	fclose(fp);
	r = run("check", "sc", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "settngs.csv: unknown file"));
	assert_non_null(strstr(r.err, "demand.csv:2:3: unknown shift 'tue-x'\n"));
	assert_non_null(
	    strstr(r.err, "demand.csv:3:4: invalid number '-1' in column 'required'\n"));
	assert_non_null(strstr(r.err, "sc: 3 errors\n"));
	result_free(&r);
}

/* Replaces the first from in the file at path (under tmp_dir) by to. */
static void edit_file(const char *path, const char *from, const char *to)
{
	char full[400];
	char *text, *at;
	FILE *fp;
	snprintf(full, sizeof(full), "%s/%s", tmp_dir, path);
	text = slurp(full);
	at = strstr(text, from);
	assert_non_null(at);
	fp = fopen(full, "wb");
	assert_non_null(fp);
	fwrite(text, 1, (size_t)(at - text), fp);
	fputs(to, fp);
	fputs(at + strlen(from), fp);
	fclose(fp);
	free(text);
}

/* Warnings (DESIGN.md §2) go to stderr as "warning: file: message" and
 * change no exit status: check exits 0 with them, solve as it does without
 * them; a scenario with an error still exits 2, and names the spreadsheet. */
static void test_cli_warnings_keep_the_exit_status(void **state)
{
	struct result r, plain;
	char path[400];
	FILE *fp;
	(void)state;
	r = run("example", "warn", NULL);
	assert_int_equal(r.status, 0);
	result_free(&r);
	snprintf(path, sizeof(path), "%s/warn/notes.xlsx", tmp_dir);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fclose(fp);

	plain = run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "warn.db", NULL);
	r = run("solve", "warn", "--lp", "--db", "warn.db", NULL);
	assert_int_equal(r.status, plain.status);
	assert_true(strncmp(r.err,
	                    "warning: notes.xlsx: not read: muster reads CSV (save as \"CSV "
	                    "UTF-8\")\n",
	                    strlen("warning: notes.xlsx: not read")) == 0);
	assert_null(strstr(plain.err, "warning:"));
	result_free(&r);
	result_free(&plain);

	snprintf(path, sizeof(path), "%s/warn/availability.csv", tmp_dir);
	assert_int_equal(remove(path), 0);
	r = run("check", "warn", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "warn: ok: 7 partners"));
	assert_string_equal(r.err,
	                    "warning: notes.xlsx: not read: muster reads CSV (save as \"CSV "
	                    "UTF-8\")\n"
	                    "warning: availability.csv: missing, so none of the 276 bank workers "
	                    "offered a shift and none can work (it lists each worker's offered "
	                    "shifts)\n");
	result_free(&r);

	/* the unquoted 45,000: one error, not 365 */
	edit_file("warn/partners.csv", ",acute,45000,", ",acute,45,000,");
	r = run("check", "warn", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err,
	                    "warning: notes.xlsx: not read: muster reads CSV (save as \"CSV "
	                    "UTF-8\")\n"
	                    "partners.csv:2:6: extra field (row has 6, the header 5): the comma in "
	                    "'45,000' splits the row: numbers take no thousands separator (write "
	                    "45000)\n"
	                    "warn: 1 error\n");
	result_free(&r);
}

/* The money at s, "£147,429.59", as a number. */
static double parse_money(const char *s)
{
	char digits[64];
	size_t n = 0;
	for (; *s && n + 1 < sizeof(digits); s++)
		if (isdigit((unsigned char)*s) || *s == '.')
			digits[n++] = *s;
		else if (*s != ',')
			break;
	digits[n] = '\0';
	return strtod(digits, NULL);
}

/* The gap a status line gives ("best found, within 0.05%"), in per
 * cent; fails unless the line at s says so, and with a gap above 0. */
static double stated_gap(const char *s)
{
	double gap = -1;
	assert_non_null(s);
	assert_int_equal(sscanf(s, "best found, within %lf%%", &gap), 1);
	assert_true(gap > 0);
	assert_int_not_equal(strncmp(s, "best found, within 0.0%", 23), 0);
	assert_int_not_equal(strncmp(s, "best found, within 0%", 21), 0);
	return gap;
}

static void test_cli_demo_needs_no_files(void **state)
{
	struct result r = run("demo", "--db", "demo.db", NULL);
	const char *saves, *silo;
	double system_cost, silo_cost;
	(void)state;
	assert_int_equal(r.status, 0);
	/* stopped by proof or by work, never by the clock: the system rota is
	 * proven, the silo rota stops at its work limit, which says so */
	assert_non_null(strstr(r.out, "Solving the system rota ... optimal in "));
	silo = strstr(r.out, "Solving the silo rota (each partner alone) ... ");
	assert_non_null(silo);
	silo += strlen("Solving the silo rota (each partner alone) ... ");
	stated_gap(silo);
	assert_non_null(strstr(silo, "of the best possible, in "));
	assert_non_null(strstr(silo, " of its 5000 simplex iterations)"));
	assert_non_null(strstr(r.out, "red flags"));
	assert_non_null(strstr(r.out, "St Aidan's Hospice"));
	/* the system plan beats the silo plan, and says by how much */
	system_cost =
	    parse_money(strstr(r.out, "  cost      ") + strlen("  cost") +
	                strspn(strstr(r.out, "  cost      ") + strlen("  cost"), " \xc2\xa3"));
	/* in cash, hours and red flags; the cost (with penalties) apart */
	assert_non_null(strstr(r.out, "Working together fills "));
	saves = strstr(r.out, "and break-glass) is \xc2\xa3");
	assert_non_null(saves);
	assert_non_null(strstr(saves, " lower"));
	silo_cost = system_cost + parse_money(saves + strlen("and break-glass) is \xc2\xa3"));
	assert_true(system_cost > 100000);
	assert_true(silo_cost > 1.2 * system_cost);
	result_free(&r);
	/* both solves are recorded, with their KPIs */
	r = run("runs", "--db", "demo.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "demo"));
	result_free(&r);
	r = run("show", "2", "--db", "demo.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "silo"));
	assert_non_null(strstr(r.out, "fill_fraction"));
	assert_non_null(strstr(r.out, "status     feasible")); /* the store's word */
	result_free(&r);
	/* --time-limit overrides the work limit, and the demo says which */
	r = run("demo", "--time-limit", "1", "--db", "demo.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "(stopped by its time limit)"));
	assert_null(strstr(r.out, "simplex iterations)"));
	result_free(&r);
}

static void test_cli_runs_and_show(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = io_source_example();
	struct io_run run_rec;
	struct mu_err err;
	struct result r;
	char db[400];
	(void)state;

	r = run("runs", "--db", "none.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no such database"));
	result_free(&r);

	snprintf(db, sizeof(db), "%s/runs.db", tmp_dir);
	memset(&run_rec, 0, sizeof(run_rec));
	run_rec.command = "solve";
	run_rec.mode = "plan";
	run_rec.status = "optimal";
	run_rec.has_objective = true;
	run_rec.objective = 1234.5;
	mu_err_clear(&err);
	assert_int_equal(io_store_open(db, true, &st, &err), MU_OK);
	assert_int_equal(io_store_add_run(st, src, &run_rec, NULL, &err), MU_OK);
	io_store_close(st);
	io_source_free(src);

	r = run("runs", "--db", "runs.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\xc2\xa3"
	                              "1,234.50"));
	assert_non_null(strstr(r.out, "(built-in example)"));
	result_free(&r);
	r = run("show", "1", "--db=runs.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "objective  \xc2\xa3"
	                              "1,234.50"));
	result_free(&r);
	r = run("show", "2", "--db", "runs.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no run 2"));
	result_free(&r);
	r = run("show", "x1", "--db", "runs.db", NULL);
	assert_int_equal(r.status, 2);
	result_free(&r);
}

/* The example scenario, parsed. */
static struct mu_scenario *example(void)
{
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_err err;
	mu_errlist_init(errors);
	assert_int_equal(io_source_read_dir(getenv("MUSTER_EXAMPLE_DIR"), &src, &err), MU_OK);
	assert_int_equal(io_scenario_parse(src, &sc, errors), MU_OK);
	io_source_free(src);
	free(errors);
	return sc;
}

/* Checks the outputs a solve of the example wrote into tmp_dir/dir. */
static void check_outputs(const char *dir, bool is_rota, bool is_silo, double objective)
{
	struct mu_scenario *sc = example();
	char path[400];
	snprintf(path, sizeof(path), "%s/%s", tmp_dir, dir);
	harness_check_outputs(sc, path, is_rota, is_silo, objective);
	mu_scenario_free(sc);
}

/* The objective from a solve's headline ("cost £147,429.59"). */
static double headline_cost(const char *out)
{
	const char *cost = strstr(out, "cost \xc2\xa3");
	assert_non_null(cost);
	return parse_money(cost + strlen("cost \xc2\xa3"));
}

/* tmp_dir/name into buf. */
static void tmp_path(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", tmp_dir, name);
}

static void test_cli_solve_plan_mode_matches_clp(void **state)
{
	struct result r;
	double ours, clp;
	char mps[400], path[400], *prices;
	(void)state;
	r = run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "s.db", "--out", "out",
	        "--write-mps", "example.mps", "--write-mps-natural", "natural.mps", NULL);
	assert_int_equal(r.status, 0);
	ours = headline_cost(r.out);
	/* the model solved (pooled) and the natural one */
	tmp_path(mps, sizeof(mps), "example.mps");
	clp = harness_peer_objective(mps, false, 0);
	assert_true(clp > 0);
	assert_true(fabs(ours - clp) <= 1e-6 * clp + 0.01);
	tmp_path(mps, sizeof(mps), "natural.mps");
	clp = harness_peer_objective(mps, false, 0);
	assert_true(fabs(ours - clp) <= 1e-6 * clp + 0.01);
	check_outputs("out", false, false, ours);
	result_free(&r);
	/* prices.csv: a row per constraint, demand rows priced */
	tmp_path(path, sizeof(path), "out/prices.csv");
	prices = slurp(path);
	assert_non_null(strstr(prices, "constraint,kind,partner,role,shift,subject,unit,limit,"
	                               "activity,shadow_price,range_from,range_to\n"));
	assert_non_null(strstr(prices, "\ncover_d0,demand,acute_north,"));
	assert_non_null(strstr(prices, ",budget,SYSTEM,"));
	free(prices);
	r = run("runs", "--db", "s.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "plan"));
	result_free(&r);
}

/* The example's rota is not always proven within the limit, so CBC's
 * proven optimum must lie between muster's bound and its rota, and the rota
 * must be within 1% of it. */
static size_t count_lines(const char *path);

static void test_cli_solve_rota_mode_brackets_cbc(void **state)
{
	struct result r;
	double ours, bound, cbc;
	const char *at;
	char mps[400];
	(void)state;
	r = run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--db", "s.db", "--out", "rota",
	        "--write-mps-natural", "rota.mps", "--time-limit", "20", NULL);
	assert_int_equal(r.status, 0);
	ours = headline_cost(r.out);
	at = strstr(r.out, ", bound \xc2\xa3");
	assert_non_null(at);
	bound = parse_money(at + strlen(", bound \xc2\xa3"));
	tmp_path(mps, sizeof(mps), "rota.mps");
	cbc = harness_peer_objective(mps, true, 300);
	if (!(bound <= cbc + 1e-6 * cbc + 0.01 && cbc <= ours + 1e-6 * cbc + 0.01))
		fail_msg("CBC's optimum %.4f is not between muster's bound %.4f and rota %.4f", cbc,
		         bound, ours);
	if (!(ours <= 1.01 * cbc))
		fail_msg("muster's rota %.4f is more than 1%% above CBC's optimum %.4f", ours, cbc);
	check_outputs("rota", true, false, ours);
	{
		/* the named rota and each partner's slice say the same plan */
		struct mu_scenario *sc = example();
		char plan[400], rota[400], dir[400], why[512];
		tmp_path(plan, sizeof(plan), "rota/plan.csv");
		tmp_path(rota, sizeof(rota), "rota/rota.csv");
		tmp_path(dir, sizeof(dir), "rota");
		if (!plan_check_rota(sc, plan, rota, why, sizeof(why)) ||
		    !plan_check_partner_slices(sc, dir, why, sizeof(why)))
			fail_msg("%s", why);
		tmp_path(rota, sizeof(rota), "rota/partners/hospice/rota.csv");
		assert_true(count_lines(rota) > 1);
		mu_scenario_free(sc);
	}
	result_free(&r);
}

/* The number in column col (1-based) of the line of the CSV file that
 * starts with prefix; fails when there is none. */
static double csv_value(const char *path, const char *prefix, int col)
{
	char *text = slurp(path), *line = text;
	double v = NAN;
	int k;
	while (line && *line && strncmp(line, prefix, strlen(prefix)) != 0)
		line = (line = strchr(line, '\n')) ? line + 1 : NULL;
	if (!line || !*line)
		fail_msg("%s: no line starts with '%s'", path, prefix);
	for (k = 1; k < col && line; k++)
		line = (line = strchr(line, ',')) ? line + 1 : NULL;
	if (line)
		v = strtod(line, NULL);
	free(text);
	return v;
}

static size_t count_lines(const char *path)
{
	char *text = slurp(path), *c;
	size_t n = 0;
	for (c = text; *c; c++)
		n += *c == '\n';
	free(text);
	return n;
}

static void test_cli_compare_system_and_silo(void **state)
{
	struct result r;
	double sys, silo;
	char path[400], *html;
	(void)state;
	r = run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "c.db", NULL);
	sys = headline_cost(r.out);
	result_free(&r);
	r = run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--silo", "--db", "c.db", NULL);
	silo = headline_cost(r.out);
	result_free(&r);
	r = run("compare", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--out", "cmp", "--db", "c.db",
	        NULL);
	assert_int_equal(r.status, 0);
	/* the value of working together in cash, hours and red flags: the
	 * sentence's spend is compare.csv's */
	assert_non_null(strstr(r.out, "Working together fills "));
	assert_non_null(strstr(r.out, "removes all 8 red flags, "));
	assert_non_null(strstr(r.out, "Partner by partner"));
	/* compare.csv holds the same two plans as two solves */
	tmp_path(path, sizeof(path), "cmp/compare.csv");
	assert_true(fabs(csv_value(path, "SYSTEM,the whole system,total_cost,", 4) - sys) < 0.01);
	assert_true(fabs(csv_value(path, "SYSTEM,the whole system,total_cost,", 5) - silo) < 0.01);
	assert_true(fabs(csv_value(path, "SYSTEM,the whole system,total_cost,", 6) - (sys - silo)) <
	            0.01);
	{
		/* "for £X more spend" or "and spends £X less", as compare.csv's sign */
		const char *at = strstr(r.out, "red flags, ");
		double more = csv_value(path, "SYSTEM,the whole system,spend,", 6);
		const char *said =
		    more > 0 ? "red flags, for \xc2\xa3" : "red flags, and spends \xc2\xa3";
		assert_true(fabs(more) > 100); /* whole pounds */
		assert_true(strncmp(at, said, strlen(said)) == 0);
		assert_true(fabs(parse_money(at + strlen(said)) - fabs(more)) <= 0.5);
		assert_non_null(strstr(at, more > 0 ? " more spend" : " less"));
	}
	/* each plan's own outputs hold by §3 */
	check_outputs("cmp/system", false, false, sys);
	check_outputs("cmp/silo", false, true, silo);
	tmp_path(path, sizeof(path), "cmp/report.html");
	html = slurp(path);
	assert_non_null(strstr(html, "System against silo"));
	assert_null(strstr(html, "<script"));
	free(html);
	result_free(&r);
	r = run("runs", "--db", "c.db", NULL);
	assert_non_null(strstr(r.out, "compare"));
	result_free(&r);
}

/* A copy of the example in tmp_dir/name with a shell edit applied. */
static void edited_example(const char *name, const char *edit)
{
	char cmd[1200];
	snprintf(cmd, sizeof(cmd), "cd '%s' && rm -rf %s && cp -r '%s' %s && cd %s && %s", tmp_dir,
	         name, getenv("MUSTER_EXAMPLE_DIR"), name, name, edit);
	assert_int_equal(system(cmd), 0);
}

static void test_cli_sweep_points_match_single_solves(void **state)
{
	struct result r;
	char path[400], *svg;
	double point;
	(void)state;
	r = run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--vary", "agency_cap.rn_b5=25:35:5",
	        "--vary", "staff.hospice.rn_b5=0:1:1", "--out", "sw", "--db", "w.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "extra spend buys fill"));
	tmp_path(path, sizeof(path), "sw/sweep.csv");
	assert_int_equal(count_lines(path), 1 + 6);
	result_free(&r);

	/* the point at a cap of 35, as a scenario with that cap solved alone */
	edited_example("cap35", "sed -i 's/^rn_b5,\\([0-9.]*\\),.*/rn_b5,\\1,35/' caps.csv");
	r = run("solve", "cap35", "--lp", "--db", "w.db", NULL);
	point = csv_value(path, "35,0,", 5);
	if (!(fabs(point - headline_cost(r.out)) < 0.01))
		fail_msg("sweep %.2f, solve %.2f", point, headline_cost(r.out));
	result_free(&r);
	/* and one more hospice band 5 nurse on every shift, at a cap of 25 */
	edited_example("recruit",
	               "sed -i 's/^rn_b5,\\([0-9.]*\\),.*/rn_b5,\\1,25/' caps.csv && "
	               "awk -F, 'BEGIN { OFS = \",\" } $1 == \"hospice\" && $2 == "
	               "\"rn_b5\" { $4 += 1 } { print }' staff.csv > s && mv s staff.csv");
	r = run("solve", "recruit", "--lp", "--db", "w.db", NULL);
	point = csv_value(path, "25,1,", 5);
	if (!(fabs(point - headline_cost(r.out)) < 0.01))
		fail_msg("sweep %.2f, solve %.2f", point, headline_cost(r.out));
	result_free(&r);

	tmp_path(path, sizeof(path), "sw/sweep.svg");
	svg = slurp(path);
	assert_non_null(strstr(svg, "extra spend stops buying fill"));
	free(svg);
	/* the six runs are one sweep's, each with its values */
	r = run("show", "6", "--db", "w.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "sweep 1, at:"));
	assert_non_null(strstr(r.out, "staff.hospice.rn_b5"));
	result_free(&r);
}

/* A rota sweep stopped by its time limit prints each point's gap, the one
 * stored with its run. */
static void test_cli_sweep_table_shows_the_gap(void **state)
{
	struct result r;
	const char *line;
	double printed, stored;
	(void)state;
	r = run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--silo", "--time-limit", "1", "--vary",
	        "agency_cap.rn_b5=30:35:5", "--db", "g.db", NULL);
	assert_int_equal(r.status, 3); /* the silo plans leave red flags */
	assert_non_null(strstr(r.out, " status "));
	/* the first point's line follows the header */
	line = strchr(strstr(r.out, " status "), '\n');
	assert_non_null(line);
	assert_int_equal(sscanf(line, " %lg", &printed), 1);
	assert_true(printed == 30);
	printed = stated_gap(strstr(line, " 30 ") + strlen(" 30 "));
	result_free(&r);
	r = run("show", "1", "--db", "g.db", NULL);
	line = strstr(r.out, "gap ");
	assert_non_null(line);
	assert_int_equal(sscanf(line, "gap %lf%%", &stored), 1);
	assert_true(stored > 0);
	/* the table rounds up to two significant digits; show has four decimals */
	assert_true(printed >= stored - 0.0001);
	assert_true(printed <= 1.1 * stored + 0.0011);
	result_free(&r);
	/* runs lists both points as the sweep's */
	r = run("runs", "--db", "g.db", NULL);
	assert_non_null(strstr(r.out, " sweep "));
	line = strstr(r.out, "\n    2  ");
	assert_non_null(line);
	assert_non_null(strstr(line, "rota+silo      1  feasible"));
	result_free(&r);
}

static void test_cli_sweep_refuses_what_it_cannot_vary(void **state)
{
	struct result r;
	char db[400];
	(void)state;
	r = run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--vary", "agency_cap.nobody=1:2:1", "--db",
	        "bad.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown role 'nobody'"));
	result_free(&r);
	r = run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--vary", "demand=1:2:1", "--vary",
	        "demand.hospice=1:2:1", "--db", "bad.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "set the same thing"));
	result_free(&r);
	r = run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--db", "bad.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "nothing to vary"));
	result_free(&r);
	tmp_path(db, sizeof(db), "bad.db");
	assert_int_not_equal(access(db, F_OK), 0);
}

static void test_cli_time_limit_marks_the_rota_not_proven(void **state)
{
	struct result r;
	char path[400], *html;
	(void)state;
	/* the silo rota of the example is not proven within a second */
	r = run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--silo", "--time-limit", "1", "--db",
	        "t.db", "--out", "silo", NULL);
	assert_int_equal(r.status, 3); /* the silo plan leaves red flags */
	assert_non_null(strstr(r.out, "not proven optimal"));
	/* never "feasible" or "0.0%" to people, whatever the gap */
	assert_null(strstr(r.out, "feasible"));
	stated_gap(strstr(r.out, "rota (silo): ") + strlen("rota (silo): "));
	check_outputs("silo", true, true, headline_cost(r.out));
	tmp_path(path, sizeof(path), "silo/report.html");
	html = slurp(path);
	stated_gap(strstr(html, "best found, within "));
	assert_null(strstr(html, "feasible"));
	free(html);
	result_free(&r);
	r = run("show", "1", "--db", "t.db", NULL);
	assert_non_null(strstr(r.out, "status     feasible")); /* the store's word stays */
	result_free(&r);
}

static void test_cli_interrupted_solve_records_nothing(void **state)
{
	struct result r;
	(void)state;
	interrupt_after = 1.5;
	r = run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--silo", "--db", "i.db", NULL);
	interrupt_after = 0;
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "interrupted"));
	result_free(&r);
	r = run("runs", "--db", "i.db", NULL);
	assert_int_equal(r.status, 2); /* no database: nothing was recorded */
	result_free(&r);
}

static void test_cli_failed_solve_records_nothing(void **state)
{
	struct result r;
	(void)state;
	r = run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "f.db", "--out",
	        "/proc/no/such/dir", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "cannot write"));
	result_free(&r);
	r = run("runs", "--db", "f.db", NULL);
	assert_int_equal(r.status, 2);
	result_free(&r);
}

/* A .csv name that is not a regular file is said to be one, at that file,
 * and never opened for reading: a FIFO would block, /dev/zero never ends.
 * A file that is no scenario's has its header cut in the message. */
static void test_cli_check_names_what_is_not_a_regular_file(void **state)
{
	static const struct {
		const char *make; /* shell, in the copy's folder */
		const char *expected;
	} cases[] = {
	    {"rm demand.csv && mkdir demand.csv",
	     "demand.csv: not a regular file (a directory): a scenario file is a plain CSV file\n"},
	    {"rm demand.csv && mkfifo demand.csv",
	     "demand.csv: not a regular file (a FIFO): a scenario file is a plain CSV file\n"},
	    {"rm demand.csv && ln -s /dev/zero demand.csv",
	     "demand.csv: not a regular file (a device): a scenario file is a plain CSV file\n"},
	    {"mkfifo extra.csv",
	     "extra.csv: not a regular file (a FIFO): a scenario file is a plain CSV file\n"},
	    {"rm partners.csv && printf 'root:x:0:0:root:/root:/bin/bash\\n' > passwd && "
	     "ln -s passwd partners.csv",
	     "partners.csv:1:1: unknown column 'root:x:0:0:root:/root:/b...'"},
	};
	char cmd[600];
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct result r;
		snprintf(cmd, sizeof(cmd),
		         "cd '%s' && rm -rf odd && %s example odd >/dev/null && cd odd && %s",
		         tmp_dir, getenv("MUSTER_BIN"), cases[i].make);
		assert_int_equal(system(cmd), 0);
		r = run("check", "odd", NULL);
		if (r.status != 2 || !strstr(r.err, cases[i].expected) ||
		    strstr(r.err, "missing:") || strstr(r.err, "/bin/bash")) {
			print_error("case %zu: status %d, stderr:\n%s", i, r.status, r.err);
			fail();
		}
		result_free(&r);
	}
}

/* Writes text to tmp_dir/dir/name. */
static void write_in(const char *dir, const char *name, const char *text, size_t len)
{
	char path[600];
	FILE *fp;
	snprintf(path, sizeof(path), "%s/%s/%s", tmp_dir, dir, name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	fclose(fp);
}

/* A scenario whose model would need more memory than muster builds
 * (420,000 demand rows: about 2.4 GB in plan mode) is refused before the
 * build, saying what it would need, with exit 2. */
static void test_cli_refuses_a_model_too_large_before_building_it(void **state)
{
	struct mu_buf buf;
	struct result r;
	char dir[400];
	int p, k;
	(void)state;
	snprintf(dir, sizeof(dir), "mkdir '%s/huge'", tmp_dir);
	assert_int_equal(system(dir), 0);
	mu_buf_init(&buf);
	mu_buf_adds(&buf, "id\n");
	for (p = 0; p < 1000; p++)
		mu_buf_addf(&buf, "p%d\n", p);
	write_in("huge", "partners.csv", buf.data, buf.len);
	mu_buf_reset(&buf);
	mu_buf_adds(&buf, "id\n");
	for (k = 0; k < 20; k++)
		mu_buf_addf(&buf, "r%d\n", k);
	write_in("huge", "roles.csv", buf.data, buf.len);
	mu_buf_reset(&buf);
	mu_buf_adds(&buf, "id,date,start,end,paid_hours\n");
	for (k = 0; k < 21; k++)
		mu_buf_addf(&buf, "s%d,2026-11-%02d,07:00,15:00,7.5\n", k, 1 + k);
	write_in("huge", "shifts.csv", buf.data, buf.len);
	write_in("huge", "staff.csv", "partner,role,shift,available\n", 29);
	mu_buf_reset(&buf);
	mu_buf_adds(&buf, "partner,role,shift,required\n");
	for (p = 0; p < 1000; p++)
		for (k = 0; k < 20 * 21; k++)
			mu_buf_addf(&buf, "p%d,r%d,s%d,1\n", p, k / 21, k % 21);
	write_in("huge", "demand.csv", buf.data, buf.len);
	mu_buf_release(&buf);
	r = run("solve", "huge", "--lp", "--db", "huge.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "too large to solve: 420000 demand rows over 1000 partners, "
	                              "20 roles and 21 shifts make a plan-mode model that needs "
	                              "about 2.4 GB of memory"));
	result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cli_help_for_every_command),
	    cmocka_unit_test(test_cli_sweep_help_names_every_sweepable_setting),
	    cmocka_unit_test(test_cli_bad_usage_exits_2),
	    cmocka_unit_test(test_cli_check_the_example_and_a_broken_copy),
	    cmocka_unit_test(test_cli_warnings_keep_the_exit_status),
	    cmocka_unit_test(test_cli_demo_needs_no_files),
	    cmocka_unit_test(test_cli_runs_and_show),
	    cmocka_unit_test(test_cli_solve_plan_mode_matches_clp),
	    cmocka_unit_test(test_cli_solve_rota_mode_brackets_cbc),
	    cmocka_unit_test(test_cli_compare_system_and_silo),
	    cmocka_unit_test(test_cli_sweep_points_match_single_solves),
	    cmocka_unit_test(test_cli_sweep_table_shows_the_gap),
	    cmocka_unit_test(test_cli_sweep_refuses_what_it_cannot_vary),
	    cmocka_unit_test(test_cli_time_limit_marks_the_rota_not_proven),
	    cmocka_unit_test(test_cli_interrupted_solve_records_nothing),
	    cmocka_unit_test(test_cli_failed_solve_records_nothing),
	    cmocka_unit_test(test_cli_check_names_what_is_not_a_regular_file),
	    cmocka_unit_test(test_cli_refuses_a_model_too_large_before_building_it),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
