/*
 * bench_run.c - the speed harness: for each size, generates the scenario
 * (bench_gen), times `muster solve --lp` and `muster solve` as whole
 * processes (wall time and peak memory), exports the natural models (no
 * pooled bank: what a user would write by hand) with --write-mps-natural,
 * solves them with CLP (dual simplex) and CBC (same time limit), and
 * prints one table side by side (rows, columns and non-zeros: the model
 * muster solved in plan mode, which is the natural one). With --growth it also runs
 * 0.5x, 1x, 2x and 4x `large` in plan mode and prints the growth exponents.
 * With --shares it times `muster shares` instead (issue 16): the example's
 * exact shares (128 coalitions) and `large`'s sampled ones (40 partners,
 * --share-samples orders, default 20), each against 50 cold plan solves
 * of the same scenario by muster and by CLP, with the largest standard
 * error as a share of the saving. With --recruit it times `muster recruit`
 * (issue 18): the example's two weeks (the second at 85% of the demand)
 * with a 10-point curve in plan mode against 10 plan solves of one week,
 * and large's two weeks in rota mode against CBC on the joint model's MPS
 * at the same time limit (--sizes example or --sizes large: only that one).
 * With --supply it measures the cost of §3d's supply curves (issue 25):
 * each size (default large) with and without -supply (bench_gen: a curve on
 * every role), plan mode in --repeat pairs (default 3) run one after the
 * other, alternating which goes first, and the rota of each once, one after
 * the other, each beside CLP and CBC on its natural model's MPS; it prints
 * the plan-mode time ratio (with / without), both rotas' proven gaps and
 * the load average before each run, since 2 shared cores make every time
 * noisy. With --twostage it measures DESIGN.md §3e's two-stage plan
 * (issue 26 point 6): each size (default example,medium,large; `example`
 * the built-in one) on --scenarios N (default 50) scenarios of bench_gen
 * scenarios, plan mode at --time-limit --cap (default 600 s) against CLP
 * on the same MPS with -sec --cap, rota mode at --time-limit against CBC
 * at the same limit, with the model's size, peak memory and muster's size
 * refusal when it refuses.
 *
 *   bench_run [--sizes small,medium,large,large-mixed] [--time-limit S]
 *             [--growth] [--shares] [--share-samples N] [--recruit]
 *             [--supply] [--repeat N] [--twostage] [--scenarios N]
 *             [--cap S] [--bin DIR] [--work DIR]
 *
 * A size is any name bench_gen takes: small, medium, large, or one of them
 * with -mixed (per-worker clearances); the default runs the three sizes and
 * large-mixed, so that both kinds of `large` are measured in one run.
 *
 * --bin is where muster and bench_gen are (default: the build folder this
 * was built in); clp and cbc are found on PATH.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef BENCH_BIN_DIR
#define BENCH_BIN_DIR "."
#endif

struct proc {
	int status;
	double seconds;
	double cpu_s; /* user and system time: what a busy machine changes least */
	double peak_mib;
	char out[1 << 16]; /* what it printed, stdout and stderr */
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Runs argv, capturing its output; wall time and peak RSS from wait4. */
static void run(struct proc *p, const char *const *argv)
{
	int fd[2];
	struct rusage ru;
	double start = now();
	size_t n = 0;
	ssize_t got;
	pid_t pid;
	if (pipe(fd) != 0) {
		perror("bench_run: pipe");
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
	if (n == sizeof(p->out) - 1) { /* drain the rest: the tail is not needed */
		char sink[4096];
		while (read(fd[0], sink, sizeof(sink)) > 0)
			;
	}
	p->out[n] = '\0';
	close(fd[0]);
	wait4(pid, &p->status, 0, &ru);
	p->seconds = now() - start;
	p->cpu_s = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
	           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
	p->peak_mib = (double)ru.ru_maxrss / 1024.0;
	p->status = WIFEXITED(p->status) ? WEXITSTATUS(p->status) : 128 + WTERMSIG(p->status);
}

/* The number after the last occurrence of key in text, or NAN. */
static double number_after(const char *text, const char *key)
{
	const char *at = NULL, *s = text;
	char digits[64];
	size_t n = 0;
	while ((s = strstr(s, key)))
		at = s++;
	if (!at)
		return NAN;
	for (at += strlen(key); *at == ' ' || *at == '\t'; at++)
		;
	if (strncmp(at, "\xc2\xa3", 2) == 0)
		at += 2;
	for (; *at && n + 1 < sizeof(digits); at++)
		if ((*at >= '0' && *at <= '9') || *at == '.' || *at == '-' || *at == 'e' ||
		    *at == '+')
			digits[n++] = *at;
		else if (*at != ',')
			break;
	digits[n] = '\0';
	return n ? strtod(digits, NULL) : NAN;
}

struct row {
	char name[64];
	double rows, cols, nnz;
	double plan_s, plan_mib, plan_obj, plan_build_s, clp_s, clp_obj, plan_cpu, clp_cpu;
	double rota_s, rota_mib, rota_obj, rota_gap, cbc_s, cbc_obj, cbc_gap, cbc_mib;
};

static const char *bin_dir = BENCH_BIN_DIR, *work = "/tmp/muster-bench";
static double time_limit = 60;

static void path(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

static void must(const struct proc *p, const char *what, int ok_status)
{
	if (p->status != 0 && p->status != ok_status) {
		fprintf(stderr, "bench_run: %s failed (status %d):\n%s\n", what, p->status, p->out);
		exit(1);
	}
}

/* Keeps what a run printed in WORK/TAG.WHAT.log, to read the figures
 * behind a table afterwards; a log that cannot be written is skipped. */
static void save_log(const struct proc *p, const char *tag, const char *what)
{
	char file[600];
	FILE *f;
	path(file, sizeof(file), "%s/%s.%s.log", work, tag, what);
	if ((f = fopen(file, "w"))) {
		fputs(p->out, f);
		fclose(f);
	}
}

/* The plan-mode measurements of one scenario folder. */
static void measure_plan(struct row *r, const char *dir, const char *tag)
{
	char muster[512], db[512], mps[512];
	struct proc *p = malloc(sizeof(*p));
	path(muster, sizeof(muster), "%s/muster", bin_dir);
	path(db, sizeof(db), "%s/%s.db", work, tag);
	path(mps, sizeof(mps), "%s/%s.lp.mps", work, tag);
	{
		/* the timed run also exports the natural model for CLP (what a
		 * user who writes the model by hand would solve): muster's time
		 * includes building and writing it, which CLP's does not */
		const char *argv[] = {
		    muster, "solve", dir, "--lp", "--db", db, "--write-mps-natural", mps, NULL};
		run(p, argv);
		must(p, "muster solve --lp", 3);
		save_log(p, tag, "plan");
		r->plan_s = p->seconds;
		r->plan_cpu = p->cpu_s;
		r->plan_mib = p->peak_mib;
		r->plan_obj = number_after(p->out, "objective");
		r->rows = number_after(p->out, "model");
		r->cols = number_after(p->out, "rows,");
		r->nnz = number_after(p->out, "columns,");
		r->plan_build_s = number_after(p->out, "built in");
	}
	{
		const char *argv[] = {"clp", mps, "-dualsimplex", NULL};
		run(p, argv);
		must(p, "clp", 0);
		r->clp_s = p->seconds;
		r->clp_cpu = p->cpu_s;
		r->clp_obj = number_after(p->out, "Optimal objective");
	}
	free(p);
}

static void measure_rota(struct row *r, const char *dir, const char *tag)
{
	char muster[512], db[512], mps[512], limit[32];
	struct proc *p = malloc(sizeof(*p));
	path(muster, sizeof(muster), "%s/muster", bin_dir);
	path(db, sizeof(db), "%s/%s.db", work, tag);
	path(mps, sizeof(mps), "%s/%s.mip.mps", work, tag);
	path(limit, sizeof(limit), "%g", time_limit);
	{
		const char *argv[] = {muster, "solve", dir, "--time-limit",
		                      limit,  "--db",  db,  "--write-mps-natural",
		                      mps,    NULL};
		run(p, argv);
		must(p, "muster solve", 3);
		save_log(p, tag, "rota");
		r->rota_s = p->seconds;
		r->rota_mib = p->peak_mib;
		r->rota_obj = number_after(p->out, "objective");
		/* "best found, within 0.011% of the best possible" (rounded up to
		 * two significant digits); nothing when proven optimal, and
		 * "within less than 0.001%" reads as 0 too */
		r->rota_gap = number_after(p->out, "within");
		if (isnan(r->rota_gap))
			r->rota_gap = 0;
	}
	{
		const char *argv[] = {"cbc", mps, "-sec", limit, "-solve", NULL};
		double bound;
		run(p, argv);
		must(p, "cbc", 0);
		save_log(p, tag, "cbc");
		r->cbc_s = p->seconds;
		r->cbc_mib = p->peak_mib;
		r->cbc_obj = number_after(p->out, "Objective value:");
		bound = number_after(p->out, "best possible");
		r->cbc_gap = strstr(p->out, "Optimal solution found") ? 0
		             : isnan(bound)                           ? NAN
		                            : 100 * (r->cbc_obj - bound) / fabs(r->cbc_obj);
	}
	free(p);
}

static double rel_diff(double a, double b)
{
	return fabs(a - b) / (fabs(b) > 1 ? fabs(b) : 1);
}

static void print_table(const struct row *rows, size_t n)
{
	size_t i;
	printf("\n%-12s %7s %8s %9s | %8s %7s %6s %8s %6s %7s | %8s %7s %8s %7s %7s %7s\n", "size",
	       "rows", "columns", "nonzeros", "plan s", "CLP s", "ratio", "obj diff", "build%",
	       "peakMiB", "rota s", "gap%", "CBC gap%", "vs CBC%", "CBC s", "peakMiB");
	for (i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		printf(
		    "%-12s %7.0f %8.0f %9.0f | %8.2f %7.2f %6.2f %8.1e %6.1f %7.0f | %8.1f %7.2f "
		    "%8.2f %+7.3f %7.1f %7.0f\n",
		    r->name, r->rows, r->cols, r->nnz, r->plan_s, r->clp_s, r->plan_s / r->clp_s,
		    rel_diff(r->plan_obj, r->clp_obj), 100 * r->plan_build_s / r->plan_s,
		    r->plan_mib, r->rota_s, r->rota_gap, r->cbc_gap,
		    100 * (r->rota_obj - r->cbc_obj) / fabs(r->cbc_obj), r->cbc_s, r->rota_mib);
	}
	printf(
	    "\nplan s, rota s: muster's whole process (read, build, build and write the natural\n"
	    "model's MPS, solve, write, record); rows, columns, nonzeros: the plan-mode model\n"
	    "(natural; rota mode pools the bank); CLP and CBC solve the natural model;\n"
	    "ratio = plan s / CLP s; obj diff = |muster - CLP| / CLP; build%% = model\n"
	    "building as a share of plan s; vs CBC%% = (muster rota - CBC) / CBC at the same\n"
	    "%g s limit (negative: muster's rota is cheaper); gap%% = proven gap (muster's as\n"
	    "solve words it: rounded up to two significant digits).\n",
	    time_limit);
}

/* Least-squares slope of log(y) against log(x). */
static double exponent(const double *x, const double *y, size_t n)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	size_t i;
	for (i = 0; i < n; i++) {
		double lx = log(x[i]), ly = log(y[i]);
		sx += lx;
		sy += ly;
		sxx += lx * lx;
		sxy += lx * ly;
	}
	return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

static void generate(const char *size, const char *dir, const char *scale)
{
	char gen[512];
	struct proc *p = malloc(sizeof(*p));
	const char *argv[] = {gen, size, dir, scale, NULL};
	path(gen, sizeof(gen), "%s/bench_gen", bin_dir);
	run(p, argv);
	must(p, "bench_gen", 0);
	free(p);
}

static void growth(void)
{
	static const char *const scales[] = {"0.5", "1", "2", "4"};
	double x[4], t[4], mem[4];
	struct row r;
	size_t i;
	printf("\ngrowth, plan mode, large x scale:\n%6s %8s %9s %10s %8s %8s %8s\n", "scale",
	       "rows", "columns", "nonzeros", "plan s", "CLP s", "peakMiB");
	for (i = 0; i < 4; i++) {
		char dir[512], tag[32];
		memset(&r, 0, sizeof(r));
		path(tag, sizeof(tag), "large-x%s", scales[i]);
		path(dir, sizeof(dir), "%s/%s", work, tag);
		generate("large", dir, scales[i]);
		measure_plan(&r, dir, tag);
		x[i] = strtod(scales[i], NULL);
		t[i] = r.plan_s;
		mem[i] = r.plan_mib;
		printf("%6s %8.0f %9.0f %10.0f %8.2f %8.2f %8.0f\n", scales[i], r.rows, r.cols,
		       r.nnz, r.plan_s, r.clp_s, r.plan_mib);
		fflush(stdout);
	}
	printf("growth exponent (time ~ scale^k): time %.2f, memory %.2f\n", exponent(x, t, 4),
	       exponent(x, mem, 4));
}

/* The whole number just before the first occurrence of key in text, or NAN. */
static double number_before(const char *text, const char *key)
{
	const char *at = strstr(text, key), *start;
	if (!at)
		return NAN;
	for (start = at; start > text && start[-1] >= '0' && start[-1] <= '9'; start--)
		;
	return start < at ? strtod(start, NULL) : NAN;
}

/* Field k (0-based) of CSV line `line` (quotes as muster writes them), or
 * "" past its end, into out. */
static void csv_field(const char *line, size_t k, char *out, size_t len)
{
	size_t n = 0, at = 0;
	bool is_quoted = false;
	for (; *line && *line != '\n'; line++) {
		if (*line == '"') {
			is_quoted = !is_quoted;
			continue;
		}
		if (*line == ',' && !is_quoted) {
			if (at++ == k)
				break;
			continue;
		}
		if (at == k && n + 1 < len)
			out[n++] = *line;
	}
	out[n] = '\0';
}

/* From DIR/shares.csv: the saving (the SYSTEM row's share) and the
 * largest standard error of a partner's share (0 when exact). */
static void read_shares(const char *dir, double *saving, double *worst_se)
{
	char file[512], line[4096], cell[256];
	FILE *f;
	path(file, sizeof(file), "%s/shares.csv", dir);
	if (!(f = fopen(file, "r"))) {
		fprintf(stderr, "bench_run: cannot read %s\n", file);
		exit(1);
	}
	*saving = NAN;
	*worst_se = 0;
	if (!fgets(line, sizeof(line), f)) /* the header: share is column 5, std_error 6 */
		exit(1);
	while (fgets(line, sizeof(line), f)) {
		csv_field(line, 0, cell, sizeof(cell));
		if (strcmp(cell, "SYSTEM") == 0) {
			csv_field(line, 5, cell, sizeof(cell));
			*saving = strtod(cell, NULL);
			continue;
		}
		csv_field(line, 6, cell, sizeof(cell));
		if (cell[0] && strtod(cell, NULL) > *worst_se)
			*worst_se = strtod(cell, NULL);
	}
	fclose(f);
}

/* --shares: `muster shares` on the example (exact) and on large (sampled)
 * against 50 cold plan solves, by muster (one `muster solve --lp`, its
 * outputs and store included, times 50) and by CLP (the natural model's
 * MPS, times 50). */
static void shares(unsigned long samples)
{
	static const char *const sizes[] = {"example", "large"};
	struct proc *p = malloc(sizeof(*p));
	char muster[512];
	size_t i;
	path(muster, sizeof(muster), "%s/muster", bin_dir);
	printf("shares (issue 16): muster shares against 50 cold plan solves\n"
	       "%-8s %9s %11s %10s %9s %11s %11s %8s %8s\n",
	       "scenario", "partners", "coalitions", "shares s", "50 plan s", "50 CLP s",
	       "worst SE %", "x plan", "x CLP");
	for (i = 0; i < 2; i++) {
		char dir[512], tag[64], out[512], n_samples[32];
		struct row r;
		double seconds, saving, worst_se;
		memset(&r, 0, sizeof(r));
		path(tag, sizeof(tag), "shares-%s", sizes[i]);
		path(dir, sizeof(dir), "%s/%s", work, tag);
		path(out, sizeof(out), "%s/%s-out", work, tag);
		path(n_samples, sizeof(n_samples), "%lu", samples);
		if (i == 0) {
			const char *argv[] = {muster, "example", dir, NULL};
			run(p, argv);
			must(p, "muster example", 0);
		} else
			generate(sizes[i], dir, "1");
		fprintf(stderr, "bench_run: %s: one plan solve, CLP, then the shares ...\n",
		        sizes[i]);
		measure_plan(&r, dir, tag); /* CLP's time on the natural model */
		{
			/* muster's cold plan solve alone (measure_plan's also writes
			 * the MPS for CLP) */
			char db[512];
			const char *argv[] = {muster, "solve", dir, "--lp", "--db", db, NULL};
			path(db, sizeof(db), "%s/%s-plan.db", work, tag);
			run(p, argv);
			must(p, "muster solve --lp", 3);
			r.plan_s = p->seconds;
		}
		{
			const char *exact[] = {muster, "shares", dir, "--out", out, NULL};
			const char *sampled[] = {muster,    "shares", dir, "--samples",
			                         n_samples, "--out",  out, NULL};
			run(p, i == 0 ? exact : sampled);
			must(p, "muster shares", 0);
			seconds = p->seconds;
		}
		read_shares(out, &saving, &worst_se);
		printf("%-8s %9.0f %11.0f %10.2f %9.1f %11.1f %11.2f %8.2f %8.2f\n", sizes[i],
		       number_before(p->out, " partners,"), number_before(p->out, " coalitions"),
		       seconds, 50 * r.plan_s, 50 * r.clp_s, 100 * worst_se / saving,
		       seconds / (50 * r.plan_s), seconds / (50 * r.clp_s));
		fflush(stdout);
	}
	free(p);
}

/* The number after key on the first line of text that has it, or NAN. */
static double number_on_first(const char *text, const char *key)
{
	const char *at = strstr(text, key), *start, *end;
	char line[1024];
	size_t n;
	if (!at)
		return NAN;
	for (start = at; start > text && start[-1] != '\n'; start--)
		;
	end = strchr(at, '\n');
	n = end ? (size_t)(end - start) : strlen(start);
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	memcpy(line, start, n);
	line[n] = '\0';
	return number_after(line, key);
}

/* Two representative weeks of the scenario in week1 for `muster recruit`:
 * week1 itself and week2, its copy with every demand row's required at
 * 85% (minimum no higher), each with a recruits.csv of one post per
 * (partner, role) of the first three partners' first demand rows. */
static void make_weeks(const char *week1, const char *week2)
{
	char file[600], line[4096], cell[256], recruits[2048] = "partner,role,annual_cost\n";
	char seen[3][2][128];
	size_t n_seen = 0, k, req_col = SIZE_MAX, min_col = SIZE_MAX, n_fields = 1;
	FILE *in, *out;
	bool is_header = true;
	snprintf(line, sizeof(line), "rm -rf '%s' && cp -r '%s' '%s'", week2, week1, week2);
	if (system(line) != 0) {
		fprintf(stderr, "bench_run: cannot copy %s\n", week1);
		exit(1);
	}
	path(file, sizeof(file), "%s/demand.csv", week1);
	in = fopen(file, "r");
	path(file, sizeof(file), "%s/demand.csv", week2);
	out = fopen(file, "w");
	if (!in || !out) {
		fprintf(stderr, "bench_run: cannot read or write demand.csv\n");
		exit(1);
	}
	while (fgets(line, sizeof(line), in)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (is_header) {
			for (k = 0; line[k]; k++)
				n_fields += line[k] == ',';
			for (k = 0; k < n_fields; k++) {
				csv_field(line, k, cell, sizeof(cell));
				if (strcmp(cell, "required") == 0)
					req_col = k;
				if (strcmp(cell, "minimum") == 0)
					min_col = k;
			}
			fprintf(out, "%s\n", line);
			is_header = false;
			continue;
		}
		{
			double req = NAN, min = 0;
			char partner[128], role[128];
			bool is_new = true;
			csv_field(line, 0, partner, sizeof(partner));
			csv_field(line, 1, role, sizeof(role));
			for (k = 0; k < n_seen; k++)
				is_new &= strcmp(seen[k][0], partner) != 0;
			if (is_new && n_seen < 3) {
				snprintf(seen[n_seen][0], sizeof(seen[0][0]), "%s", partner);
				snprintf(seen[n_seen][1], sizeof(seen[0][1]), "%s", role);
				n_seen++;
			}
			for (k = 0; k < n_fields; k++) {
				csv_field(line, k, cell, sizeof(cell));
				if (k == req_col)
					req = 0.85 * strtod(cell, NULL);
				if (k == min_col)
					min = strtod(cell, NULL);
			}
			for (k = 0; k < n_fields; k++) {
				csv_field(line, k, cell, sizeof(cell));
				if (k > 0)
					fputc(',', out);
				if (k == req_col)
					fprintf(out, "%.2f", req);
				else if (k == min_col)
					fprintf(out, "%.2f", min < req ? min : req);
				else
					fputs(cell, out);
			}
			fputc('\n', out);
		}
	}
	fclose(in);
	fclose(out);
	for (k = 0; k < n_seen; k++) {
		size_t used = strlen(recruits);
		snprintf(recruits + used, sizeof(recruits) - used, "%s,%s,48000\n", seen[k][0],
		         seen[k][1]);
	}
	for (k = 0; k < 2; k++) {
		path(file, sizeof(file), "%s/recruits.csv", k == 0 ? week1 : week2);
		out = fopen(file, "w");
		if (!out) {
			fprintf(stderr, "bench_run: cannot write %s\n", file);
			exit(1);
		}
		fputs(recruits, out);
		fclose(out);
	}
}

/* --recruit (issue 18): the example's two weeks and a curve of 10 points
 * in plan mode against 10 plan solves of one week; `large`'s two weeks in
 * rota mode against CBC on the same joint model at the same time limit. */
static void recruit(bool is_example, bool is_large)
{
	struct proc *p = malloc(sizeof(*p));
	char muster[512], w1[512], w2[512], db[512], mps[512], limit[32];
	double plan_s, recruit_s, ours, cbc;
	path(muster, sizeof(muster), "%s/muster", bin_dir);
	path(w1, sizeof(w1), "%s/recruit-example-w1", work);
	path(w2, sizeof(w2), "%s/recruit-example-w2", work);
	path(db, sizeof(db), "%s/recruit.db", work);
	path(limit, sizeof(limit), "%g", time_limit);
	if (!is_example)
		goto large;
	{
		const char *rm[] = {"rm", "-rf", w1, NULL};
		const char *ex[] = {muster, "example", w1, NULL};
		run(p, rm);
		run(p, ex);
		must(p, "muster example", 0);
	}
	make_weeks(w1, w2);
	{
		const char *argv[] = {muster, "solve", w1, "--lp", "--db", db, NULL};
		run(p, argv);
		must(p, "muster solve --lp", 3);
		plan_s = p->seconds;
	}
	{
		const char *argv[] = {muster, "recruit", w1, w2, "--lp", "--posts", "0:45:5", NULL};
		fprintf(stderr, "bench_run: example: two weeks, a curve of 10 points ...\n");
		run(p, argv);
		must(p, "muster recruit --lp", 3);
		recruit_s = p->seconds;
	}
	printf("recruit (issue 18), plan mode: the example's two weeks and a 10-point curve\n"
	       "%-8s %12s %12s %10s\n%-8s %12.2f %12.2f %10.2f\n",
	       "scenario", "recruit s", "10 plan s", "x 10 plan", "example", recruit_s, 10 * plan_s,
	       recruit_s / (10 * plan_s));
	fflush(stdout);
large:
	if (!is_large) {
		free(p);
		return;
	}
	path(w1, sizeof(w1), "%s/recruit-large-w1", work);
	path(w2, sizeof(w2), "%s/recruit-large-w2", work);
	path(mps, sizeof(mps), "%s/recruit-large.mps", work);
	generate("large", w1, "1");
	make_weeks(w1, w2);
	{
		const char *argv[] = {muster, "recruit",     w1,  w2,  "--time-limit",
		                      limit,  "--write-mps", mps, NULL};
		fprintf(stderr, "bench_run: large: two weeks in rota mode, %g s a solve ...\n",
		        time_limit);
		run(p, argv);
		must(p, "muster recruit", 3);
		ours = number_on_first(p->out, "yearly objective");
	}
	{
		const char *argv[] = {"cbc", mps, "-sec", limit, "-solve", NULL};
		run(p, argv);
		must(p, "cbc", 0);
		cbc = number_after(p->out, "Objective value:");
	}
	printf("recruit (issue 18), rota mode at %g s: large's two weeks, the yearly objective\n"
	       "%-8s %16s %16s %10s\n%-8s %16.2f %16.2f %+9.3f%%\n",
	       time_limit, "scenario", "muster", "CBC", "vs CBC", "large", ours, cbc,
	       100 * (ours - cbc) / fabs(cbc));
	free(p);
}

/* The 1-minute load average, or NAN. */
static double load1(void)
{
	double l[1];
	return getloadavg(l, 1) == 1 ? l[0] : NAN;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of v[0 .. n), n >= 1; sorts v. */
static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The number after key in the first 4 KiB of file (an MPS header's
 * "* Rows:"), or NAN. */
static double number_in_head(const char *file, const char *key)
{
	char head[4096];
	size_t n;
	FILE *f = fopen(file, "r");
	if (!f)
		return NAN;
	n = fread(head, 1, sizeof(head) - 1, f);
	fclose(f);
	head[n] = '\0';
	return number_after(head, key);
}

/* One line of what a run printed that holds key (a refusal, an error),
 * into out, or "". */
static void line_with(const char *text, const char *key, char *out, size_t len)
{
	const char *at = strstr(text, key), *start, *end;
	out[0] = '\0';
	if (!at)
		return;
	for (start = at; start > text && start[-1] != '\n'; start--)
		;
	end = strchr(at, '\n');
	snprintf(out, len, "%.*s", (int)(end ? end - start : (ptrdiff_t)strlen(start)), start);
}

struct ts_row {
	char name[64], plan_note[96], rota_note[96];
	double rows, cols, nnz, plan_s, plan_mib, plan_obj, clp_s, clp_obj, load;
	double rota_rows, rota_s, rota_mib, rota_obj, rota_gap, cbc_s, cbc_obj, cbc_gap, cbc_bound;
};

/* How a muster run ended, into note: "" when it gave a plan, else the
 * refusal or the error, shortened. */
static void ts_note(const struct proc *p, char *note, size_t len)
{
	char line[512];
	note[0] = '\0';
	if (p->status == 0 || p->status == 3)
		return;
	line_with(p->out, "too large", line, sizeof(line));
	if (line[0]) {
		/* "... (at most about N here)" */
		double fit = number_after(line, "at most about");
		snprintf(note, len, "refused: too large (fits %.0f scenarios)", fit);
		return;
	}
	line_with(p->out, "time limit", line, sizeof(line));
	if (line[0]) {
		snprintf(note, len, "no plan within the time limit");
		return;
	}
	line_with(p->out, "muster:", line, sizeof(line));
	snprintf(note, len, "exit %d: %.60s", p->status, line[0] ? line : "?");
}

/* --twostage (issue 26 point 6): DESIGN.md §3e's two-stage plan on
 * n_scen scenarios (bench_gen scenarios, seed 1) of each size (`example`
 * is the built-in example), plan mode with --time-limit cap against CLP on
 * the same MPS with -sec cap, then rota mode at --time-limit time_limit
 * against CBC -sec time_limit on the rota's MPS. */
static void twostage_case(struct ts_row *r, const char *size, unsigned long n_scen, double cap)
{
	char muster[512], gen[512], dir[512], scen[512], db[512], out[512], mps[512], rmps[512];
	char n[32], caps[32], limit[32], tag[96];
	struct proc *p = malloc(sizeof(*p));
	path(muster, sizeof(muster), "%s/muster", bin_dir);
	path(gen, sizeof(gen), "%s/bench_gen", bin_dir);
	path(tag, sizeof(tag), "ts-%s-%lu", size, n_scen);
	path(dir, sizeof(dir), "%s/ts-%s", work, size);
	path(scen, sizeof(scen), "%s/%s.scenarios.csv", work, tag);
	path(db, sizeof(db), "%s/ts.db", work);
	path(out, sizeof(out), "%s/%s-out", work, tag);
	path(mps, sizeof(mps), "%s/%s.lp.mps", work, tag);
	path(rmps, sizeof(rmps), "%s/%s.mip.mps", work, tag);
	path(n, sizeof(n), "%lu", n_scen);
	path(caps, sizeof(caps), "%g", cap);
	path(limit, sizeof(limit), "%g", time_limit);
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", size);
	if (strcmp(size, "example") == 0) {
		const char *rm[] = {"rm", "-rf", dir, NULL};
		const char *ex[] = {muster, "example", dir, NULL};
		run(p, rm);
		run(p, ex);
		must(p, "muster example", 0);
	} else
		generate(size, dir, "1");
	{
		const char *argv[] = {gen, "scenarios", dir, n, "1", scen, NULL};
		run(p, argv);
		must(p, "bench_gen scenarios", 0);
	}
	remove(mps);
	remove(rmps);
	r->load = load1();
	fprintf(stderr, "bench_run: %s: plan mode on %lu scenarios (at most %g s) ...\n", size,
	        n_scen, cap);
	{
		const char *argv[] = {muster,         "solve", dir,     "--lp", "--scenarios", scen,
		                      "--db",         db,      "--out", out,    "--write-mps", mps,
		                      "--time-limit", caps,    NULL};
		run(p, argv);
		save_log(p, tag, "plan");
		r->plan_s = p->seconds;
		r->plan_mib = p->peak_mib;
		r->plan_obj = number_after(p->out, "Expected cost");
		ts_note(p, r->plan_note, sizeof(r->plan_note));
		if (r->plan_note[0])
			r->plan_obj = NAN;
	}
	/* the model's size from the MPS muster wrote before solving */
	r->rows = number_in_head(mps, "Rows:");
	r->cols = number_in_head(mps, "Columns:");
	r->nnz = number_in_head(mps, "Non-zeros:");
	r->clp_s = r->clp_obj = NAN;
	if (!isnan(r->rows)) {
		const char *argv[] = {"clp", mps, "-sec", caps, "-dualsimplex", NULL};
		fprintf(stderr, "bench_run: %s: CLP ...\n", size);
		run(p, argv);
		save_log(p, tag, "clp");
		r->clp_s = p->seconds;
		r->clp_obj = number_after(p->out, "Optimal objective");
	}
	fprintf(stderr, "bench_run: %s: rota mode and CBC, %g s each ...\n", size, time_limit);
	{
		const char *argv[] = {muster, "solve", dir, "--scenarios", scen, "--db",
		                      db,     "--out", out, "--write-mps", rmps, "--time-limit",
		                      limit,  NULL};
		run(p, argv);
		save_log(p, tag, "rota");
		r->rota_s = p->seconds;
		r->rota_mib = p->peak_mib;
		r->rota_obj = number_after(p->out, "Expected cost");
		r->rota_gap = number_after(p->out, "within");
		/* proven optimal: no "within"; "not proven" with none: no bound */
		if (isnan(r->rota_gap) && !strstr(p->out, "not proven"))
			r->rota_gap = 0;
		ts_note(p, r->rota_note, sizeof(r->rota_note));
		if (r->rota_note[0])
			r->rota_obj = r->rota_gap = NAN;
	}
	r->rota_rows = number_in_head(rmps, "Rows:");
	r->cbc_s = r->cbc_obj = r->cbc_gap = NAN;
	if (!isnan(r->rota_rows)) {
		const char *argv[] = {"cbc", rmps, "-sec", limit, "-solve", NULL};
		double bound;
		run(p, argv);
		save_log(p, tag, "cbc");
		r->cbc_s = p->seconds;
		r->cbc_obj = number_after(p->out, "Objective value:");
		bound = number_after(p->out, "best possible");
		r->cbc_bound = number_after(p->out, "Lower bound:");
		r->cbc_gap = strstr(p->out, "Optimal solution found") ? 0
		             : isnan(bound)                           ? NAN
		                            : 100 * (r->cbc_obj - bound) / fabs(r->cbc_obj);
	}
	free(p);
}

static void twostage(const char *sizes_list, unsigned long n_scen, double cap)
{
	char sizes[256], *name, *save = NULL;
	struct ts_row rows[8];
	size_t n = 0, i;
	snprintf(sizes, sizeof(sizes), "%s", sizes_list);
	for (name = strtok_r(sizes, ",", &save); name && n < 8; name = strtok_r(NULL, ",", &save))
		twostage_case(&rows[n++], name, n_scen, cap);
	printf("\ntwo-stage plans (DESIGN.md §3e, issue 26 point 6): %lu scenarios\n"
	       "%-8s %8s %8s %9s | %8s %8s %7s %14s %8s | %7s %8s %7s %14s %8s %7s %5s\n",
	       n_scen, "size", "rows", "columns", "nonzeros", "plan s", "CLP s", "peakMiB",
	       "plan objective", "obj diff", "rota s", "gap%", "peakMiB", "rota objective",
	       "CBC gap%", "CBC s", "load");
	for (i = 0; i < n; i++) {
		const struct ts_row *r = &rows[i];
		printf(
		    "%-8s %8.0f %8.0f %9.0f | %8.2f %8.2f %7.0f %14.2f %8.1e | %7.1f %8.2f %7.0f "
		    "%14.2f %8.2f %7.1f %5.2f\n",
		    r->name, r->rows, r->cols, r->nnz, r->plan_s, r->clp_s, r->plan_mib,
		    r->plan_obj, rel_diff(r->plan_obj, r->clp_obj), r->rota_s, r->rota_gap,
		    r->rota_mib, r->rota_obj, r->cbc_gap, r->cbc_s, r->load);
		if (r->plan_note[0])
			printf("%-8s plan: %s\n", "", r->plan_note);
		if (r->rota_note[0])
			printf("%-8s rota: %s\n", "", r->rota_note);
		if (isnan(r->clp_obj) && !isnan(r->rows))
			printf("%-8s CLP: no optimum within %g s\n", "", cap);
		if (isnan(r->cbc_obj) && !isnan(r->rota_rows))
			printf("%-8s CBC: no rota within %g s (its bound %.2f)\n", "", time_limit,
			       r->cbc_bound);
	}
	printf("plan s, rota s: muster's whole process (the two-stage plan, the plan for\n"
	       "demand.csv, both measured on the scenarios, outputs written), at most %g s in\n"
	       "plan mode (--time-limit) and %g s in rota mode; rows, columns, nonzeros: the\n"
	       "plan-mode two-stage model (--write-mps); CLP (-dualsimplex, -sec %g) and CBC\n"
	       "(-sec %g) solve muster's MPS; obj diff = |muster - CLP| / CLP; gap%%: proven\n"
	       "gap as solve words it; load: the 1-minute load average before the size.\n",
	       cap, time_limit, cap, time_limit);
	fflush(stdout);
}

#define MAX_REPEAT 16

/* --supply (issue 25, point 8): size with and without a supply curve on
 * every role, side by side in one run. Plan mode: `repeat` pairs, the
 * order alternating so that a change of load over the run falls on both;
 * the ratio of each pair and their median, by wall time (the target's
 * measure) and by CPU time (user + system: GLPK is one thread, so on an
 * idle machine the two agree, and on a busy one CPU time moves far less).
 * The rotas: one after the other, never in parallel, then CBC on each
 * one's MPS at the same limit; then each rota again without --time-limit,
 * so bounded by solve's work limit (simplex iterations, CLI_WORK_LIMIT):
 * the same search whatever the load, where a 60 s rota on a busy machine
 * gets what CPU it can. Each muster run's output is kept in WORK
 * (TAG.plan.log, TAG.rota.log, TAG.work.log) to read the figures behind
 * the table. */
static void supply_case(const char *size, size_t repeat)
{
	struct row r[2];
	double plan[2][MAX_REPEAT], cpu[2][MAX_REPEAT], clp[2][MAX_REPEAT];
	double ratio[MAX_REPEAT], cpu_ratio[MAX_REPEAT], plan_load[MAX_REPEAT], rota_load[2];
	double work_gap[2], work_obj[2], work_s[2], work_cpu[2], work_load[2];
	char names[2][64];
	size_t i, k;
	for (k = 0; k < 2; k++) {
		char dir[512];
		memset(&r[k], 0, sizeof(r[k]));
		path(names[k], sizeof(names[k]), "%s%s", size, k ? "-supply" : "");
		snprintf(r[k].name, sizeof(r[k].name), "%s", names[k]);
		path(dir, sizeof(dir), "%s/%s", work, names[k]);
		generate(names[k], dir, "1");
	}
	for (i = 0; i < repeat; i++) {
		plan_load[i] = load1();
		for (k = 0; k < 2; k++) {
			size_t which = i % 2 ? 1 - k : k; /* pairs 2, 4 ...: with first */
			char dir[512];
			path(dir, sizeof(dir), "%s/%s", work, names[which]);
			fprintf(stderr, "bench_run: %s: plan mode and CLP (pair %zu of %zu) ...\n",
			        names[which], i + 1, repeat);
			measure_plan(&r[which], dir, names[which]);
			plan[which][i] = r[which].plan_s;
			cpu[which][i] = r[which].plan_cpu;
			clp[which][i] = r[which].clp_s;
		}
		ratio[i] = plan[1][i] / plan[0][i];
		cpu_ratio[i] = cpu[1][i] / cpu[0][i];
	}
	for (k = 0; k < 2; k++) {
		char dir[512];
		path(dir, sizeof(dir), "%s/%s", work, names[k]);
		rota_load[k] = load1();
		fprintf(stderr, "bench_run: %s: rota mode and CBC, %g s each ...\n", names[k],
		        time_limit);
		measure_rota(&r[k], dir, names[k]);
	}
	for (k = 0; k < 2; k++) {
		char dir[512], db[512], muster[512];
		const char *argv[] = {muster, "solve", dir, "--db", db, NULL};
		struct proc *p = malloc(sizeof(*p));
		path(muster, sizeof(muster), "%s/muster", bin_dir);
		path(dir, sizeof(dir), "%s/%s", work, names[k]);
		path(db, sizeof(db), "%s/%s.db", work, names[k]);
		work_load[k] = load1();
		fprintf(stderr, "bench_run: %s: rota mode at the work limit ...\n", names[k]);
		run(p, argv);
		must(p, "muster solve", 3);
		save_log(p, names[k], "work");
		work_s[k] = p->seconds;
		work_cpu[k] = p->cpu_s;
		work_obj[k] = number_after(p->out, "objective");
		work_gap[k] = number_after(p->out, "within");
		if (isnan(work_gap[k]))
			work_gap[k] = 0;
		free(p);
	}
	printf("\nsupply curves (DESIGN.md §3d, issue 25): %s with and without a curve on every "
	       "role\n%-14s %7s %8s %9s | %8s %7s %6s %8s %15s | %8s %7s %8s %8s %7s %7s %5s\n",
	       size, "scenario", "rows", "columns", "nonzeros", "plan s", "CLP s", "ratio",
	       "obj diff", "plan objective", "rota s", "gap%", "CBC gap%", "vs CBC%", "CBC s",
	       "peakMiB", "load");
	for (k = 0; k < 2; k++) {
		double p_med, c_med, v[MAX_REPEAT];
		memcpy(v, plan[k], repeat * sizeof(double));
		p_med = median(v, repeat);
		memcpy(v, clp[k], repeat * sizeof(double));
		c_med = median(v, repeat);
		printf("%-14s %7.0f %8.0f %9.0f | %8.2f %7.2f %6.2f %8.1e %15.2f | %8.1f %7.2f "
		       "%8.2f %+8.3f %7.1f %7.0f %5.2f\n",
		       r[k].name, r[k].rows, r[k].cols, r[k].nnz, p_med, c_med, p_med / c_med,
		       rel_diff(r[k].plan_obj, r[k].clp_obj), r[k].plan_obj, r[k].rota_s,
		       r[k].rota_gap, r[k].cbc_gap,
		       100 * (r[k].rota_obj - r[k].cbc_obj) / fabs(r[k].cbc_obj), r[k].cbc_s,
		       r[k].rota_mib, rota_load[k]);
	}
	printf("\nplan mode, pair by pair (pairs 2, 4 ...: with first):\n%5s %9s %9s %6s %9s "
	       "%9s %6s %9s %9s %6s %6s\n",
	       "pair", "w/o s", "with s", "ratio", "w/o cpu", "with cpu", "ratio", "CLP w/o",
	       "CLP with", "ratio", "load");
	for (i = 0; i < repeat; i++)
		printf("%5zu %9.2f %9.2f %6.2f %9.2f %9.2f %6.2f %9.2f %9.2f %6.2f %6.2f\n", i + 1,
		       plan[0][i], plan[1][i], ratio[i], cpu[0][i], cpu[1][i], cpu_ratio[i],
		       clp[0][i], clp[1][i], clp[1][i] / clp[0][i], plan_load[i]);
	{
		double lo = ratio[0], hi = ratio[0], med, cpu_med;
		for (i = 1; i < repeat; i++) {
			lo = ratio[i] < lo ? ratio[i] : lo;
			hi = ratio[i] > hi ? ratio[i] : hi;
		}
		med = median(ratio, repeat);
		cpu_med = median(cpu_ratio, repeat);
		printf("\nplan mode with / without, wall time: median %.2f over %zu pairs (%.2f to "
		       "%.2f); target <= 1.3: %s\n"
		       "plan mode with / without, CPU time: median %.2f\n",
		       med, repeat, lo, hi, med <= 1.3 ? "met" : "NOT met", cpu_med);
		printf("rota proven gap at %g s: without %.2f%%, with %.2f%%: %+.2f points; "
		       "target within 1 point: %s\n",
		       time_limit, r[0].rota_gap, r[1].rota_gap, r[1].rota_gap - r[0].rota_gap,
		       r[1].rota_gap - r[0].rota_gap <= 1 ? "met" : "NOT met");
	}
	printf("\nrota at solve's work limit (no --time-limit: the same search whatever the "
	       "load):\n%-14s %15s %7s %8s %8s %6s\n",
	       "scenario", "objective", "gap%", "wall s", "cpu s", "load");
	for (k = 0; k < 2; k++)
		printf("%-14s %15.2f %7.2f %8.1f %8.1f %6.2f\n", names[k], work_obj[k], work_gap[k],
		       work_s[k], work_cpu[k], work_load[k]);
	printf("gap with - without at the work limit: %+.2f points\n", work_gap[1] - work_gap[0]);
	printf("plan s, CLP s: the medians of the pairs (wall time); cpu: muster's user and\n"
	       "system time; load: the 1-minute load average before each pair or rota (2\n"
	       "cores: above 2, something else was running); the rotas ran one after the\n"
	       "other, each then CBC at the same %g s limit (CBC counts CPU seconds, so on a\n"
	       "busy machine its wall time runs past it); gap%%: muster's proven gap as solve\n"
	       "words it, 0 when proven optimal.\n",
	       time_limit);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	char sizes[256] = "small,medium,large,large-mixed", *name, *save = NULL;
	struct row rows[8];
	size_t n = 0;
	bool do_growth = false, do_shares = false, do_recruit = false, has_sizes = false;
	bool do_supply = false, do_twostage = false;
	size_t repeat = 3;
	unsigned long n_scen = 50;
	double cap = 600;
	unsigned long share_samples = 20;
	int i;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc) {
			snprintf(sizes, sizeof(sizes), "%s", argv[++i]);
			has_sizes = true;
		} else if (strcmp(argv[i], "--time-limit") == 0 && i + 1 < argc)
			time_limit = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--bin") == 0 && i + 1 < argc)
			bin_dir = argv[++i];
		else if (strcmp(argv[i], "--work") == 0 && i + 1 < argc)
			work = argv[++i];
		else if (strcmp(argv[i], "--growth") == 0)
			do_growth = true;
		else if (strcmp(argv[i], "--shares") == 0)
			do_shares = true;
		else if (strcmp(argv[i], "--recruit") == 0)
			do_recruit = true;
		else if (strcmp(argv[i], "--supply") == 0)
			do_supply = true;
		else if (strcmp(argv[i], "--twostage") == 0)
			do_twostage = true;
		else if (strcmp(argv[i], "--scenarios") == 0 && i + 1 < argc)
			n_scen = strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--cap") == 0 && i + 1 < argc)
			cap = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
			repeat = strtoul(argv[++i], NULL, 10);
			if (repeat < 1 || repeat > MAX_REPEAT) {
				fprintf(stderr, "bench_run: --repeat takes 1 to %d\n", MAX_REPEAT);
				return 2;
			}
		} else if (strcmp(argv[i], "--share-samples") == 0 && i + 1 < argc)
			share_samples = strtoul(argv[++i], NULL, 10);
		else {
			fprintf(stderr,
			        "usage: bench_run [--sizes small,medium,large,large-mixed]\n"
			        "                 [--time-limit S] [--growth]\n"
			        "                 [--shares] [--share-samples N] [--recruit]\n"
			        "                 [--supply] [--repeat N]\n"
			        "                 [--twostage] [--scenarios N] [--cap S]\n"
			        "                 [--bin DIR] [--work DIR]\n");
			return 2;
		}
	}
	mkdir(work, 0777);
	if (do_recruit) { /* the recruitment alone: its own tables */
		recruit(!has_sizes || strstr(sizes, "example"),
		        !has_sizes || strstr(sizes, "large"));
		return 0;
	}
	if (do_shares) { /* the shares alone: their own table */
		shares(share_samples);
		return 0;
	}
	if (do_twostage) { /* the two-stage plan: its own table */
		if (n_scen < 1 || n_scen > 10000 || !(cap > 0)) {
			fprintf(stderr, "bench_run: --scenarios takes 1 to 10000, --cap a time\n");
			return 2;
		}
		twostage(has_sizes ? sizes : "example,medium,large", n_scen, cap);
		return 0;
	}
	if (do_supply) { /* with and without supply curves: their own table */
		if (!has_sizes)
			snprintf(sizes, sizeof(sizes), "large");
		for (name = strtok_r(sizes, ",", &save); name; name = strtok_r(NULL, ",", &save))
			supply_case(name, repeat);
		return 0;
	}
	for (name = strtok_r(sizes, ",", &save); name && n < 8; name = strtok_r(NULL, ",", &save)) {
		struct row *r = &rows[n++];
		char dir[512];
		memset(r, 0, sizeof(*r));
		snprintf(r->name, sizeof(r->name), "%s", name);
		path(dir, sizeof(dir), "%s/%s", work, name);
		fprintf(stderr, "bench_run: %s: generating, plan mode, CLP ...\n", name);
		generate(name, dir, "1");
		measure_plan(r, dir, name);
		fprintf(stderr, "bench_run: %s: rota mode and CBC, %g s each ...\n", name,
		        time_limit);
		measure_rota(r, dir, name);
	}
	print_table(rows, n);
	if (do_growth)
		growth();
	return 0;
}
