/*
 * cli_options.c - one parser for the options the solving commands share.
 */
#include "cli_options.h"

#include "cli.h"
#include "core/mu_parse.h"

#include <string.h>
#include <sys/stat.h>

/* The options that take a value: the flag that allows each, and where its
 * value goes. */
static const char **value_slot(struct cli_options *o, const char *name, unsigned *flag)
{
	static const struct {
		const char *name;
		unsigned flag;
		size_t offset;
	} slots[] = {
	    {"--out", CLI_OPT_OUT, offsetof(struct cli_options, out)},
	    {"--db", CLI_OPT_DB, offsetof(struct cli_options, db)},
	    {"--write-mps", CLI_OPT_WRITE_MPS, offsetof(struct cli_options, mps)},
	    {"--write-mps-natural", CLI_OPT_WRITE_MPS, offsetof(struct cli_options, mps_natural)},
	    {"--keep", CLI_OPT_KEEP, offsetof(struct cli_options, keep)},
	    {"--scenarios", CLI_OPT_SCENARIOS, offsetof(struct cli_options, scenarios)},
	    {"--check-scenarios", CLI_OPT_SCENARIOS, offsetof(struct cli_options, check_scenarios)},
	};
	size_t k;
	for (k = 0; k < sizeof(slots) / sizeof(slots[0]); k++)
		if (strcmp(name, slots[k].name) == 0) {
			*flag = slots[k].flag;
			return (const char **)((char *)o + slots[k].offset);
		}
	return NULL;
}

/* v as a whole number from lo to hi, digits only. */
static bool parse_count(const char *v, unsigned long lo, unsigned long hi, unsigned long *out)
{
	unsigned long long n = 0;
	const char *c;
	if (!*v)
		return false;
	for (c = v; *c; c++) {
		if (*c < '0' || *c > '9')
			return false;
		n = n * 10 + (unsigned long long)(*c - '0');
		if (n > hi)
			return false;
	}
	if (n < lo)
		return false;
	*out = (unsigned long)n;
	return true;
}

/* v as "I/N" with 1 <= I <= N <= CLI_MAX_SHARDS. */
static bool parse_shard(const char *v, unsigned long *i, unsigned long *n)
{
	const char *slash = strchr(v, '/');
	char part[16];
	size_t len;
	if (!slash || (len = (size_t)(slash - v)) >= sizeof(part))
		return false;
	memcpy(part, v, len);
	part[len] = '\0';
	return parse_count(part, 1, CLI_MAX_SHARDS, i) &&
	       parse_count(slash + 1, 1, CLI_MAX_SHARDS, n) && *i <= *n;
}

/* True when out names the folder scenario is (through links and ".."
 * alike); false when out does not exist yet. */
long cli_work_limit(const struct cli_options *o)
{
	return o->is_lp || o->time_limit > 0 ? 0 : CLI_WORK_LIMIT;
}

bool cli_is_same_folder(const char *out, const char *scenario)
{
	struct stat a, b;
	return stat(out, &a) == 0 && stat(scenario, &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

int cli_parse_options(const char *cmd, int argc, char **argv, unsigned allowed,
                      struct cli_options *o)
{
	static const char *const valued[] = {"--out",
	                                     "--db",
	                                     "--write-mps",
	                                     "--write-mps-natural",
	                                     "--time-limit",
	                                     "--vary",
	                                     "--samples",
	                                     "--seed",
	                                     "--shard",
	                                     "--keep",
	                                     "--now",
	                                     "--scenarios",
	                                     "--check-scenarios"};
	int i = 1;
	if (!o->db)
		o->db = CLI_DEFAULT_DB;
	while (i < argc) {
		const char *arg = argv[i], *v = NULL;
		bool is_missing = false;
		size_t k;
		if ((allowed & CLI_OPT_LP) && strcmp(arg, "--lp") == 0) {
			o->is_lp = true;
			i++;
			continue;
		}
		if ((allowed & CLI_OPT_SILO) && strcmp(arg, "--silo") == 0) {
			o->is_silo = true;
			i++;
			continue;
		}
		for (k = 0; k < sizeof(valued) / sizeof(valued[0]) && !v && !is_missing; k++)
			v = cli_option_value(argc, argv, &i, valued[k], &is_missing);
		if (is_missing)
			return cli_usage_error(cmd, "%s needs a value", argv[i - 1]);
		if (v) {
			const char *name = valued[k - 1];
			unsigned flag = 0;
			const char **slot = value_slot(o, name, &flag);
			if (slot && (allowed & flag)) {
				*slot = v;
			} else if (flag == CLI_OPT_SCENARIOS) {
				/* DESIGN.md §3e names compare and sweep too */
				return cli_usage_error(
				    cmd,
				    "%s is not supported by %s yet: muster solve "
				    "--scenarios makes a two-stage plan",
				    name, cmd);
			} else if (strcmp(name, "--time-limit") == 0 &&
			           (allowed & CLI_OPT_TIME_LIMIT)) {
				if (!cli_parse_seconds(v, &o->time_limit))
					return cli_usage_error(
					    cmd, "invalid --time-limit '%s' (seconds)", v);
			} else if (strcmp(name, "--vary") == 0 && (allowed & CLI_OPT_VARY)) {
				if (o->n_vary == CLI_MAX_VARY)
					return cli_usage_error(cmd, "at most %d --vary",
					                       CLI_MAX_VARY);
				o->vary[o->n_vary++] = v;
			} else if (strcmp(name, "--samples") == 0 && (allowed & CLI_OPT_SAMPLES)) {
				if (!parse_count(v, 1, 1000000, &o->samples))
					return cli_usage_error(
					    cmd,
					    "invalid --samples '%s' (a whole number, 1 to 1000000)",
					    v);
			} else if (strcmp(name, "--seed") == 0 && (allowed & CLI_OPT_SAMPLES)) {
				unsigned long seed;
				if (!parse_count(v, 0, 4294967295UL, &seed))
					return cli_usage_error(
					    cmd,
					    "invalid --seed '%s' (a whole number, 0 to 4294967295)",
					    v);
				o->seed = seed;
			} else if (strcmp(name, "--shard") == 0 && (allowed & CLI_OPT_SHARD)) {
				if (!parse_shard(v, &o->shard, &o->n_shards))
					return cli_usage_error(
					    cmd,
					    "invalid --shard '%s' (I/N: part I of N, whole numbers "
					    "with 1 <= I <= N <= %d, e.g. 2/8)",
					    v, CLI_MAX_SHARDS);
			} else if (strcmp(name, "--now") == 0 && (allowed & CLI_OPT_KEEP)) {
				if (!mu_parse_datetime(v, strlen(v), &o->now_minutes))
					return cli_usage_error(
					    cmd,
					    "invalid --now '%s' (YYYY-MM-DDTHH:MM or YYYY-MM-DD "
					    "HH:MM, e.g. 2026-03-04T12:00)",
					    v);
				o->now = v;
			} else {
				return cli_usage_error(cmd, "unknown option '%s'", name);
			}
			continue;
		}
		if (arg[0] == '-')
			return cli_usage_error(cmd, "unknown option '%s'", arg);
		if (!(allowed & CLI_OPT_SCENARIO) || o->scenario)
			return cli_usage_error(cmd, "unexpected argument '%s'", arg);
		o->scenario = argv[i++];
	}
	if ((allowed & CLI_OPT_SCENARIO) && !o->scenario)
		return cli_usage_error(cmd, "missing SCENARIO folder");
	if (o->check_scenarios && !o->scenarios)
		return cli_usage_error(cmd, "--check-scenarios needs --scenarios FILE: it measures "
		                            "the two-stage plan made for those");
	if (o->scenarios && (o->keep || o->mps_natural))
		return cli_usage_error(cmd, "--scenarios with %s is not supported yet",
		                       o->keep ? "--keep"
		                               : "--write-mps-natural (--write-mps writes the "
		                                 "two-stage model)");
	if (o->now && !o->keep)
		return cli_usage_error(cmd, "--now needs --keep PLAN: the past is fixed as the "
		                            "kept plan has it");
	if (o->out && o->scenario && cli_is_same_folder(o->out, o->scenario))
		return cli_usage_error(cmd,
		                       "--out %s is the scenario folder: muster would write its "
		                       "outputs among the scenario's files (and refuse to read it "
		                       "next time); give another folder",
		                       o->out);
	return 0;
}
