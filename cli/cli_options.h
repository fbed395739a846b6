/*
 * cli_options.h - the options solve, compare, sweep and demo share, parsed
 * in one place: each command says which it takes.
 */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#define CLI_MAX_VARY 8
#define CLI_MAX_SHARDS 100000

/* Which options a command takes. */
enum {
	CLI_OPT_SCENARIO = 1 << 0, /* one SCENARIO folder, required */
	CLI_OPT_LP = 1 << 1,
	CLI_OPT_SILO = 1 << 2,
	CLI_OPT_OUT = 1 << 3,
	CLI_OPT_DB = 1 << 4,
	CLI_OPT_TIME_LIMIT = 1 << 5,
	CLI_OPT_WRITE_MPS = 1 << 6, /* --write-mps and --write-mps-natural */
	CLI_OPT_VARY = 1 << 7,      /* --vary, repeatable */
	CLI_OPT_SAMPLES = 1 << 8,   /* --samples N and --seed S (shares) */
	CLI_OPT_SHARD = 1 << 9,     /* --shard I/N (sweep) */
	CLI_OPT_KEEP = 1 << 10,     /* --keep PLAN and --now YYYY-MM-DDTHH:MM (DESIGN.md §3b) */
	/* --scenarios FILE and --check-scenarios FILE (DESIGN.md §3e) */
	CLI_OPT_SCENARIOS = 1 << 11
};

/* The work a rota search may do when no --time-limit is given (pol_solve's
 * work_limit: simplex iterations after the relaxation), so that no search
 * runs on for ever and its result repeats: the example's system rota is
 * proven in 2,674, its silo rota stops here, not provable in minutes,
 * within 1.7% after 36.5 s of search on a loaded 2-core machine (muster
 * compare ex: 50 s in all; the demo's 5,000 leave it within 1.8%). solve and compare per search,
 * sweep per point, recruit per search of its joint model. */
#define CLI_WORK_LIMIT 10000
/* CLI_WORK_LIMIT as the --help texts of solve, compare, sweep and recruit
 * and docs/commands.md say it (test_cli checks the help) */
#define CLI_WORK_LIMIT_WORDS "10,000"

struct cli_options {
	const char *scenario, *out, *db, *mps, *mps_natural;
	bool is_lp, is_silo;
	double time_limit; /* seconds; 0 unless given (or defaulted by the caller) */
	const char *vary[CLI_MAX_VARY];
	size_t n_vary;
	unsigned long samples; /* 0 unless given */
	unsigned long long seed;
	unsigned long shard, n_shards; /* --shard I/N: 1 <= I <= N; both 0 unless given */
	const char *keep;              /* --keep: a plan.csv or run:ID; NULL unless given */
	const char *now;               /* --now as given (checked); NULL unless given */
	long now_minutes;              /* --now: minutes since 1970-01-01 00:00 */
	const char *scenarios;         /* --scenarios: a scenarios.csv; NULL unless given */
	const char *check_scenarios;   /* --check-scenarios; NULL unless given */
};

/* Parses argv (argv[0] the command) into *o, which the caller may have
 * filled with defaults; db defaults to CLI_DEFAULT_DB. Returns 0, or 2
 * after printing a usage error naming cmd. */
int cli_parse_options(const char *cmd, int argc, char **argv, unsigned allowed,
                      struct cli_options *o);

/* The work limit of o's rota searches: CLI_WORK_LIMIT unless o has
 * --lp (no search) or --time-limit (the clock bounds it instead); 0 then. */
long cli_work_limit(const struct cli_options *o);

/* True when out and scenario name one folder (the same device and inode). */
bool cli_is_same_folder(const char *out, const char *scenario);

#endif
