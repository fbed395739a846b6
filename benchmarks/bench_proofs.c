/*
 * bench_proofs.c - issue 28's benchmark: how fast muster proves a small
 * rota against CBC on the natural model (DESIGN.md §3), one run each, side
 * by side, as ratios. The cases are the folders of the rota-proofs data
 * (tiny-c, small-a as a system and --silo, small-b: scenarios an
 * independent generator wrote, on which CBC proves in seconds) and
 * bench_gen's small and medium with both clearance kinds. For each case
 * muster solves the rota at --time-limit (a whole process, which also
 * writes the natural model's MPS), then CBC solves that MPS at the same
 * limit with a zero gap; the table gives both times, whether each proved
 * its rota optimal, muster's time over CBC's, muster's rota against CBC's
 * and the load average before muster's run (2 shared cores: every time is
 * noisy). Logs stay in WORK (CASE.rota.log, CASE.cbc.log).
 *
 *   bench_proofs [--cases LIST] [--data DIR] [--time-limit S] [--bin DIR]
 *                [--work DIR]
 *
 * A case is a folder of DIR (default ../shared/benchdata/rota-proofs),
 * with ":silo" for the silo rota, or any size bench_gen takes. The default
 * is tiny-c:silo,small-a,small-a:silo,small-b,small,small-mixed,medium,
 * medium-mixed. clp and cbc are found on PATH.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef BENCH_BIN_DIR
#define BENCH_BIN_DIR "."
#endif

struct proc {
	int status;
	double seconds;
	char out[1 << 16]; /* what it printed, stdout and stderr (its head) */
};

static const char *bin_dir = BENCH_BIN_DIR, *work = "/tmp/muster-proofs";
static const char *data = "../shared/benchdata/rota-proofs";
static double time_limit = 60;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Runs argv to its end, capturing its output; wall time. */
static void run(struct proc *p, const char *const *argv)
{
	int fd[2];
	double start = now();
	size_t n = 0;
	ssize_t got;
	pid_t pid;
	if (pipe(fd) != 0) {
		perror("bench_proofs: pipe");
		exit(1);
	}
	pid = fork();
	if (pid == 0) {
		dup2(fd[1], 1);
		dup2(fd[1], 2);
		close(fd[0]);
		execvp(argv[0], (char *const *)argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fd[1]);
	while ((got = read(fd[0], p->out + n, sizeof(p->out) - 1 - n)) > 0)
		n += (size_t)got;
	if (n == sizeof(p->out) - 1) { /* drain the rest */
		char sink[4096];
		while (read(fd[0], sink, sizeof(sink)) > 0)
			;
	}
	p->out[n] = '\0';
	close(fd[0]);
	waitpid(pid, &p->status, 0);
	p->seconds = now() - start;
	p->status = WIFEXITED(p->status) ? WEXITSTATUS(p->status) : 128 + WTERMSIG(p->status);
}

static void must(const struct proc *p, const char *what, int ok_status)
{
	if (p->status != 0 && p->status != ok_status) {
		fprintf(stderr, "bench_proofs: %s failed (status %d):\n%s\n", what, p->status,
		        p->out);
		exit(1);
	}
}

static void save_log(const struct proc *p, const char *tag, const char *what)
{
	char file[600];
	FILE *f;
	snprintf(file, sizeof(file), "%s/%s.%s.log", work, tag, what);
	if ((f = fopen(file, "w"))) {
		fputs(p->out, f);
		fclose(f);
	}
}

/* The number after the first occurrence of key at or after from, commas
 * and a pound sign skipped, or NAN. */
static double number_after(const char *from, const char *key)
{
	const char *at = strstr(from, key);
	char digits[64];
	size_t n = 0;
	if (!at)
		return NAN;
	for (at += strlen(key); *at == ' '; at++)
		;
	if (strncmp(at, "\xc2\xa3", 2) == 0)
		at += 2;
	for (; *at && n + 1 < sizeof(digits); at++)
		if ((*at >= '0' && *at <= '9') || *at == '.' || *at == '-')
			digits[n++] = *at;
		else if (*at != ',')
			break;
	digits[n] = '\0';
	return n ? strtod(digits, NULL) : NAN;
}

struct result {
	char name[64];
	double load, muster_s, muster_obj, cbc_s, cbc_obj;
	bool is_muster_proven, is_cbc_proven;
};

/* One case: its folder (generated when it is a bench_gen size), muster's
 * rota, then CBC on the natural MPS that run wrote. */
static void measure(struct result *r, const char *name)
{
	char dir[512], mps[600], db[600], tag[64], limit[32], muster[512];
	const char *colon = strchr(name, ':');
	bool is_silo = colon && strcmp(colon, ":silo") == 0;
	size_t len = colon ? (size_t)(colon - name) : strlen(name);
	struct proc *p = malloc(sizeof(*p));
	double l[1];
	const char *line;
	snprintf(r->name, sizeof(r->name), "%s", name);
	snprintf(tag, sizeof(tag), "%.*s%s", (int)len, name, is_silo ? "-silo" : "");
	snprintf(dir, sizeof(dir), "%s/%.*s", data, (int)len, name);
	if (access(dir, R_OK) != 0) { /* a bench_gen size */
		char gen[512], size[64];
		snprintf(gen, sizeof(gen), "%s/bench_gen", bin_dir);
		snprintf(size, sizeof(size), "%.*s", (int)len, name);
		snprintf(dir, sizeof(dir), "%s/%s", work, size);
		{
			const char *argv[] = {gen, size, dir, NULL};
			run(p, argv);
			must(p, "bench_gen", 0);
		}
	}
	snprintf(mps, sizeof(mps), "%s/%s.mip.mps", work, tag);
	snprintf(db, sizeof(db), "%s/%s.db", work, tag);
	snprintf(limit, sizeof(limit), "%g", time_limit);
	snprintf(muster, sizeof(muster), "%s/muster", bin_dir);
	r->load = getloadavg(l, 1) == 1 ? l[0] : NAN;
	{
		const char *argv[] = {muster, "solve",
		                      dir,    "--time-limit",
		                      limit,  "--db",
		                      db,     "--write-mps-natural",
		                      mps,    is_silo ? "--silo" : NULL,
		                      NULL};
		run(p, argv);
		must(p, "muster solve", 3);
		save_log(p, tag, "rota");
		r->muster_s = p->seconds;
		/* "DIR rota (silo): optimal, objective 197,830.84, bound ..." */
		line = strstr(p->out, " rota");
		line = line ? line : p->out;
		r->muster_obj = number_after(line, "objective");
		r->is_muster_proven =
		    strncmp(strchr(line, ':') ? strchr(line, ':') : line, ": optimal", 9) == 0;
	}
	{
		const char *argv[] = {"cbc", mps,         "-timeMode", "elapsed", "-sec",
		                      limit, "-ratioGap", "0",         "-solve",  NULL};
		run(p, argv);
		must(p, "cbc", 0);
		save_log(p, tag, "cbc");
		r->cbc_s = p->seconds;
		r->cbc_obj = number_after(p->out, "Objective value:");
		r->is_cbc_proven = strstr(p->out, "Optimal solution found") != NULL;
	}
	free(p);
}

int main(int argc, char **argv)
{
	char cases[512] = "tiny-c:silo,small-a,small-a:silo,small-b,small,small-mixed,medium,"
	                  "medium-mixed",
	     *name, *save = NULL;
	struct result rs[16];
	size_t n = 0, i;
	int k;
	for (k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--cases") == 0 && k + 1 < argc)
			snprintf(cases, sizeof(cases), "%s", argv[++k]);
		else if (strcmp(argv[k], "--data") == 0 && k + 1 < argc)
			data = argv[++k];
		else if (strcmp(argv[k], "--time-limit") == 0 && k + 1 < argc)
			time_limit = strtod(argv[++k], NULL);
		else if (strcmp(argv[k], "--bin") == 0 && k + 1 < argc)
			bin_dir = argv[++k];
		else if (strcmp(argv[k], "--work") == 0 && k + 1 < argc)
			work = argv[++k];
		else {
			fprintf(stderr,
			        "usage: bench_proofs [--cases LIST] [--data DIR]\n"
			        "                    [--time-limit S] [--bin DIR] [--work DIR]\n");
			return 2;
		}
	}
	mkdir(work, 0777);
	for (name = strtok_r(cases, ",", &save); name && n < 16;
	     name = strtok_r(NULL, ",", &save)) {
		fprintf(stderr, "bench_proofs: %s: muster, then CBC, %g s each ...\n", name,
		        time_limit);
		measure(&rs[n++], name);
	}
	printf("\n%-14s %5s | %8s %6s | %8s %6s | %7s %9s\n", "case", "load", "muster s", "proven",
	       "CBC s", "proven", "time x", "vs CBC%");
	for (i = 0; i < n; i++) {
		const struct result *r = &rs[i];
		printf("%-14s %5.2f | %8.2f %6s | %8.2f %6s | %7.1f %+9.4f\n", r->name, r->load,
		       r->muster_s, r->is_muster_proven ? "yes" : "no", r->cbc_s,
		       r->is_cbc_proven ? "yes" : "no", r->muster_s / r->cbc_s,
		       100 * (r->muster_obj - r->cbc_obj) / fabs(r->cbc_obj));
	}
	printf("\nmuster s: the whole process (read, build, write the natural MPS, solve,\n"
	       "record) at --time-limit %g; CBC s: cbc on that MPS, -sec %g -ratioGap 0;\n"
	       "time x = muster s / CBC s (issue 28's target: at most 2 where both prove);\n"
	       "vs CBC%% = (muster's rota - CBC's) / CBC's (negative: muster's is cheaper);\n"
	       "load: the 1-minute load average before muster's run.\n",
	       time_limit, time_limit);
	return 0;
}
