/*
 * cmd_merge.c - `muster merge --db OUT SHARD.db...`: copies the runs of
 * run databases - typically those of `sweep --shard I/N` jobs, one per
 * job - into one, where each sharded sweep is one sweep again
 * (io_store_merge). muster schedules nothing: a job array does.
 */
#include "cli.h"

#include "cli_run.h"
#include "core/mu_alloc.h"
#include "io/io_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char cmd_merge_help[] =
    "usage: muster merge --db OUT SHARD.db...\n"
    "\n"
    "Copies every run of each SHARD.db (its settings, KPIs, plan rows, sweep\n"
    "values and scenario files) into OUT, created if missing, in one\n"
    "transaction: all of it or nothing. Runs get new ids, database by database\n"
    "in the order given, oldest first. The databases of 'sweep --shard I/N'\n"
    "(one per shard) become one sweep in OUT, its points in order, as one\n"
    "process would have recorded it: the shards of one sweep are those of the\n"
    "same scenario content, mode, --vary options, number of points and of\n"
    "shards, and --time-limit. Every point must be in one database given.\n"
    "\n"
    "  muster sweep ex --lp --vary demand=0.9:1.1:0.1 --shard 1/2 --db s1.db  (a job)\n"
    "  muster sweep ex --lp --vary demand=0.9:1.1:0.1 --shard 2/2 --db s2.db  (a 2nd)\n"
    "  muster merge --db all.db s1.db s2.db\n"
    "\n"
    "options:\n"
    "  --db OUT   the database to merge into (required)\n"
    "\n"
    "exit codes: 0 merged; 2 bad usage, a database that is not muster's, or a\n"
    "sharded sweep with a point in no database given (its shard is named) or in\n"
    "two; 1 I/O or database failure. OUT is unchanged unless 0.\n";

/* True when a and b are one file (b may not exist yet). */
static bool is_same_file(const char *a, const char *b)
{
	struct stat x, y;
	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* Removes the database merge made at path (and its WAL files): a merge
 * that fails leaves no OUT behind that was not there before. */
static void remove_new(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char *name = mu_malloc(strlen(path) + 5);
	size_t i;
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		sprintf(name, "%s%s", path, suffixes[i]);
		unlink(name);
	}
	free(name);
}

int cmd_merge(int argc, char **argv)
{
	const char *db = NULL;
	const char **paths = mu_calloc((size_t)argc, sizeof(*paths));
	struct io_store **from = mu_calloc((size_t)argc, sizeof(*from));
	struct io_store *st = NULL;
	struct io_merged done;
	struct mu_err err;
	size_t n = 0, i, j;
	int k = 1, status = 0;
	bool is_new;

	if (cli_print_help_if_asked(cmd_merge_help, argc, argv))
		goto done;
	while (k < argc) {
		bool is_missing;
		const char *v = cli_option_value(argc, argv, &k, "--db", &is_missing);
		if (is_missing) {
			status = cli_usage_error("merge", "--db needs a FILE");
			goto done;
		}
		if (v) {
			db = v;
			continue;
		}
		if (argv[k][0] == '-') {
			status = cli_usage_error("merge", "unknown option '%s'", argv[k]);
			goto done;
		}
		paths[n++] = argv[k++];
	}
	if (!db || n == 0) {
		status = cli_usage_error("merge", "%s",
		                         !db ? "missing --db OUT (the database to merge into)"
		                             : "no database to merge: give SHARD.db...");
		goto done;
	}
	for (i = 0; i < n; i++) {
		if (is_same_file(paths[i], db)) {
			status = cli_usage_error("merge", "%s is OUT itself", paths[i]);
			goto done;
		}
		for (j = 0; j < i; j++)
			if (is_same_file(paths[i], paths[j])) {
				status = cli_usage_error("merge", "%s is given twice (as %s too)",
				                         paths[i], paths[j]);
				goto done;
			}
	}
	mu_err_clear(&err);
	for (i = 0; i < n; i++)
		if (io_store_open(paths[i], false, &from[i], &err) != MU_OK) {
			status = cli_fail(&err);
			goto done;
		}
	is_new = access(db, F_OK) != 0;
	if ((status = cli_run_store_open(db, &st)) != 0)
		goto done;
	if (io_store_merge(st, from, n, &done, &err) != MU_OK) {
		io_store_close(st);
		st = NULL;
		if (is_new)
			remove_new(db);
		status = cli_fail(&err);
		goto done;
	}
	printf("merged %zu database%s into %s: %zu run%s, %zu sweep%s", n, n == 1 ? "" : "s",
	       cli_safe(db), done.n_runs, done.n_runs == 1 ? "" : "s", done.n_sweeps,
	       done.n_sweeps == 1 ? "" : "s");
	if (done.n_shard_sweeps)
		printf(" (%zu put together from %zu shards)", done.n_shard_sweeps, done.n_shards);
	if (done.n_values)
		printf(", %zu coalition values", done.n_values);
	printf("\n");
done:
	for (i = 0; i < n; i++)
		io_store_close(from[i]);
	io_store_close(st);
	free(from);
	free(paths);
	return status;
}
