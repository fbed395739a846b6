/*
 * bench_gen.c - a deterministic generator of ICS scenarios at named sizes,
 * in the CSV format of DESIGN.md §2, for the speed benchmarks.
 *
 *   bench_gen SIZE[-mixed][-supply] DIR [SCALE]
 *
 * SIZE is small, medium or large; SCALE (default 1) multiplies the number
 * of partners and bank workers, for growth measurements. The same arguments
 * always give the same files (xorshift64*, fixed seed).
 *
 * With -mixed (large-mixed ...), each bank worker's clearances are drawn for
 * that worker, as real collaborative banks mix them: some home only, some
 * their neighbours or locality, some a random handful of partners anywhere
 * in the system, a few everywhere. Those draws come from a stream of their
 * own, so every other file, and every other column of bank.csv, is the same
 * as SIZE's, and SIZE's files are the same as without the option.
 *
 * With -supply (large-supply, large-mixed-supply ...), every role's bank
 * supply answers the rate (DESIGN.md §3d): supply.csv gives each role an
 * elasticity (0.5 for the social care roles, 0.3 for the rest), its
 * bank_rate as reference_rate and a step of 0.05, and caps.csv a bank_cap
 * of 1.3 times the bank_rate (the agency_cap is 1.55 times). It draws
 * nothing, so every other file is SIZE's, byte for byte.
 *
 * With `scenarios DIR N SEED OUT.csv` it writes N scenarios of DIR's
 * demand and staff (a generated folder or any other, e.g. the example) in
 * the form of DESIGN.md §3e's scenarios.csv (docs/two-stage.md), as
 * `muster forecast` will: each demand row's required is demand.csv's times
 * a lognormal factor of mean 1 and CV 10%, half of its variance shared by
 * every row of the same date (a busy day is busy everywhere) and half the
 * row's own, rounded to 0.1; each staff row's absent is Binomial(available,
 * 5%). The same arguments give the same file (its own xorshift64* stream,
 * seeded from SEED).
 *
 * Shape: partners of every kind, each demanding the roles its kind employs
 * on 21 shifts (a week of early, late and night), own staff covering about
 * four fifths of it; a shared bank of named workers cleared for their home
 * and some neighbours (a tenth for their whole locality); tiered agencies, some off framework or
 * above the cap; mutual aid between neighbouring partners; partner and system budgets.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct size_spec {
	const char *name;
	int n_partners, n_roles, n_workers;
};

static const struct size_spec sizes[] = {
    {"small", 4, 4, 60},
    {"medium", 12, 8, 500},
    {"large", 40, 12, 3000},
};

/* Roles, cheapest first: id, hourly rate (2025/26 entry points / 1,955.4 h),
 * and the role it may cover at efficiency 1 (substitution), or -1. */
static const struct {
	const char *id;
	double rate;
	int covers;
	double efficiency;
} roles[] = {
    {"hca_b2", 12.51, -1, 1},      {"hca_b3", 12.75, 0, 1},        {"na_b4", 14.06, 1, 1},
    {"rn_b5", 15.33, 2, 0.9},      {"rn_b6", 19.09, 3, 1},         {"rn_b7", 23.60, 4, 1},
    {"care_worker", 12.60, -1, 1}, {"senior_care", 13.90, 6, 1},   {"ahp_b5", 15.33, -1, 1},
    {"ahp_b6", 19.09, 8, 1},       {"mh_nurse_b5", 15.33, 3, 0.9}, {"mh_nurse_b6", 19.09, 10, 1},
};

static const char *const kinds[] = {"acute",    "community", "mental_health", "social_care",
                                    "homecare", "hospice",   "vcse",          "primary_care"};

/* "mon-e", "mon-l", "mon-n", "tue-e", ... */
static const char *shift_id(int s)
{
	static char ids[21][8];
	static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	snprintf(ids[s], sizeof(ids[s]), "%s-%c", days[s / 3], "eln"[s % 3]);
	return ids[s];
}

static unsigned long long rng_state = 0x2026112300000001ULL;
/* the -mixed clearances' own stream, so that the main one is unchanged */
static unsigned long long mix_state = 0x2026112500000001ULL;

static unsigned rnd_from(unsigned long long *state, unsigned below)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return (unsigned)((*state * 2685821657736338717ULL) >> 33) % below;
}

static unsigned rnd(unsigned below)
{
	return rnd_from(&rng_state, below);
}

/* Writes the partners cell of a worker cleared for their home's neighbours:
 * 3 of them (near), or the 8 nearest (the locality; every partner, `*`, in a
 * system of 12 or fewer). */
static void write_near(FILE *fp, int home, int n_partners, int is_locality)
{
	int k;
	if (is_locality && n_partners <= 12)
		fprintf(fp, "*");
	else if (is_locality)
		for (k = 1; k <= 8; k++)
			fprintf(fp, "%sp%03d", k > 1 ? ";" : "",
			        (home + (k + 1) / 2 * (k % 2 ? 1 : -1) + n_partners) % n_partners);
	else
		for (k = 1; k <= 3; k++)
			fprintf(fp, "%sp%03d", k > 1 ? ";" : "",
			        (home + k * (k % 2 ? 1 : -1) + n_partners) % n_partners);
}

/* The -mixed kind: a worker's clearances drawn for that worker. Of a
 * hundred, 30 home only, 20 three neighbours, 10 their locality, 36 a
 * handful (2 to 6) of partners drawn across the whole system, 4 `*`. */
static void write_mixed(FILE *fp, int home, int n_partners)
{
	unsigned u = rnd_from(&mix_state, 100);
	int picked[6], n_pick, n, k;
	if (u < 30)
		return;
	if (u < 60) {
		write_near(fp, home, n_partners, u >= 50);
		return;
	}
	if (u >= 96) {
		fprintf(fp, "*");
		return;
	}
	n_pick = 2 + (int)rnd_from(&mix_state, 5);
	if (n_pick > n_partners - 1)
		n_pick = n_partners - 1;
	for (n = 0; n < n_pick;) {
		int q = (int)rnd_from(&mix_state, (unsigned)n_partners), seen = q == home;
		for (k = 0; k < n; k++)
			seen |= picked[k] == q;
		if (!seen) {
			fprintf(fp, "%sp%03d", n > 0 ? ";" : "", q);
			picked[n++] = q;
		}
	}
}

static FILE *open_file(const char *dir, const char *name)
{
	char path[4096];
	FILE *fp;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	if (!fp) {
		fprintf(stderr, "bench_gen: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return fp;
}

static void close_file(FILE *fp)
{
	if (ferror(fp) | fclose(fp)) {
		fprintf(stderr, "bench_gen: write failed\n");
		exit(1);
	}
}

/* Whether partner p employs role r: by kind, so that trusts want nurses and
 * care providers want care workers. */
static int employs(int kind, int r, int n_roles)
{
	if (r >= n_roles)
		return 0;
	switch (kind) {
	case 0: /* acute */
		return r <= 5 || r == 8 || r == 9;
	case 1: /* community */
		return (r >= 1 && r <= 4) || r == 8 || r == 9;
	case 2: /* mental health */
		return r == 0 || r == 1 || r == 10 || r == 11 || r == 4;
	case 3: /* social care */
	case 4: /* homecare */
		return r == 6 || r == 7;
	case 5: /* hospice */
		return r == 1 || r == 3 || r == 4 || r == 6;
	default:
		return r == 6 || r == 1;
	}
}

/* scenarios: CV 10% and absence 5%, as the brief of issue 26 point 6 says */
#define DRAW_CV 0.10
#define DRAW_ABSENT 0.05
#define DRAW_MAX_FIELDS 16
#define DRAW_ID_LEN 128

/* A row of demand.csv or staff.csv, by the cells the scenarios need. */
struct draw_row {
	char key[3][DRAW_ID_LEN]; /* partner, role, shift */
	double value;             /* required, or available */
	int day;                  /* index of the shift's date */
	long staff_at;            /* demand row: its staff row, or -1 */
	int has_demand;           /* staff row: some demand row has its key */
};

/* Splits a CSV line (no quoted commas in the files it reads) into at
 * most DRAW_MAX_FIELDS cells, quotes stripped; the number of cells. */
static int split_line(char *line, char **cells)
{
	int n = 0;
	char *at = line;
	line[strcspn(line, "\r\n")] = '\0';
	while (n < DRAW_MAX_FIELDS) {
		char *end = strchr(at, ',');
		if (end)
			*end = '\0';
		if (*at == '"' && strlen(at) >= 2 && at[strlen(at) - 1] == '"') {
			at[strlen(at) - 1] = '\0';
			at++;
		}
		cells[n++] = at;
		if (!end)
			break;
		at = end + 1;
	}
	return n;
}

static int column_of(char **cells, int n, const char *name, const char *file)
{
	int k;
	for (k = 0; k < n; k++)
		if (strcmp(cells[k], name) == 0)
			return k;
	fprintf(stderr, "bench_gen: %s has no column '%s'\n", file, name);
	exit(1);
}

/* Reads DIR/NAME's rows: key, the number in column `value`, and the date's
 * index of its shift (from dates[], the shifts' ids and dates). */
static struct draw_row *read_rows(const char *dir, const char *name, const char *value,
                                  char (*shifts)[2][DRAW_ID_LEN], int n_shifts, size_t *n_rows)
{
	char file[4096], line[4096], *cells[DRAW_MAX_FIELDS];
	int n, col[4], k, is_header = 1;
	size_t cap = 256;
	struct draw_row *rows = malloc(cap * sizeof(*rows));
	FILE *fp;
	snprintf(file, sizeof(file), "%s/%s", dir, name);
	if (!(fp = fopen(file, "r")) || !rows) {
		fprintf(stderr, "bench_gen: %s: %s\n", file, strerror(errno));
		exit(1);
	}
	*n_rows = 0;
	while (fgets(line, sizeof(line), fp)) {
		n = split_line(line, cells);
		if (is_header) {
			col[0] = column_of(cells, n, "partner", name);
			col[1] = column_of(cells, n, "role", name);
			col[2] = column_of(cells, n, "shift", name);
			col[3] = column_of(cells, n, value, name);
			is_header = 0;
			continue;
		}
		if (n <= col[0] || n <= col[1] || n <= col[2] || n <= col[3])
			continue;
		if (*n_rows == cap && !(rows = realloc(rows, (cap *= 2) * sizeof(*rows)))) {
			fprintf(stderr, "bench_gen: out of memory\n");
			exit(1);
		}
		for (k = 0; k < 3; k++)
			snprintf(rows[*n_rows].key[k], DRAW_ID_LEN, "%s", cells[col[k]]);
		rows[*n_rows].value = strtod(cells[col[3]], NULL);
		rows[*n_rows].day = -1;
		rows[*n_rows].staff_at = -1;
		rows[*n_rows].has_demand = 0;
		for (k = 0; k < n_shifts; k++)
			if (strcmp(shifts[k][0], cells[col[2]]) == 0)
				rows[*n_rows].day = k;
		(*n_rows)++;
	}
	fclose(fp);
	return rows;
}

static unsigned long long draw_state;

/* A uniform number in (0, 1) from the scenarios' own stream. */
static double draw_uniform(void)
{
	draw_state ^= draw_state >> 12;
	draw_state ^= draw_state << 25;
	draw_state ^= draw_state >> 27;
	return ((double)((draw_state * 2685821657736338717ULL) >> 11) + 0.5) / 9007199254740992.0;
}

/* A standard normal number (Box-Muller, one of the pair). */
static double draw_normal(void)
{
	double u = draw_uniform(), v = draw_uniform();
	return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* bench_gen scenarios DIR N SEED OUT.csv */
static int write_scenarios(int argc, char **argv)
{
	char file[4096], line[4096], *cells[DRAW_MAX_FIELDS];
	char(*shifts)[2][DRAW_ID_LEN] = NULL; /* id, date */
	int n_shifts = 0, n_dates = 0, *date_of, is_header = 1, col_id = 0, col_date = 0, n, k;
	long n_scen, seed, sc;
	size_t n_demand, n_staff, i, j, cap = 64;
	struct draw_row *demand, *staff;
	double var = log(1 + DRAW_CV * DRAW_CV), *day_z;
	FILE *fp;
	char *end;

	if (argc != 6) {
		fprintf(stderr, "usage: bench_gen scenarios DIR N SEED OUT.csv\n");
		return 2;
	}
	n_scen = strtol(argv[3], &end, 10);
	if (*end || n_scen < 1 || n_scen > 10000) {
		fprintf(stderr, "bench_gen: N must be 1 to 10000\n");
		return 2;
	}
	seed = strtol(argv[4], &end, 10);
	if (*end) {
		fprintf(stderr, "bench_gen: bad seed '%s'\n", argv[4]);
		return 2;
	}
	/* splitmix64 of the seed, never 0 */
	draw_state = (unsigned long long)seed + 0x9E3779B97F4A7C15ULL;
	draw_state = (draw_state ^ (draw_state >> 30)) * 0xBF58476D1CE4E5B9ULL;
	draw_state = (draw_state ^ (draw_state >> 27)) * 0x94D049BB133111EBULL;
	draw_state ^= draw_state >> 31;
	if (!draw_state)
		draw_state = 1;

	snprintf(file, sizeof(file), "%s/shifts.csv", argv[2]);
	if (!(fp = fopen(file, "r"))) {
		fprintf(stderr, "bench_gen: %s: %s\n", file, strerror(errno));
		return 1;
	}
	shifts = malloc((size_t)cap * sizeof(*shifts));
	while (shifts && fgets(line, sizeof(line), fp)) {
		n = split_line(line, cells);
		if (is_header) {
			col_id = column_of(cells, n, "id", "shifts.csv");
			col_date = column_of(cells, n, "date", "shifts.csv");
			is_header = 0;
			continue;
		}
		if (n <= col_id || n <= col_date)
			continue;
		if ((size_t)n_shifts == cap)
			shifts = realloc(shifts, (cap *= 2) * sizeof(*shifts));
		if (!shifts)
			break;
		snprintf(shifts[n_shifts][0], DRAW_ID_LEN, "%s", cells[col_id]);
		snprintf(shifts[n_shifts][1], DRAW_ID_LEN, "%s", cells[col_date]);
		n_shifts++;
	}
	fclose(fp);
	date_of = calloc((size_t)n_shifts + 1, sizeof(int));
	day_z = malloc(((size_t)n_shifts + 1) * sizeof(double));
	if (!shifts || !date_of || !day_z) {
		fprintf(stderr, "bench_gen: out of memory\n");
		return 1;
	}
	for (k = 0; k < n_shifts; k++) { /* each shift's date, as an index */
		int d;
		for (d = 0; d < k && strcmp(shifts[d][1], shifts[k][1]) != 0; d++)
			;
		date_of[k] = d < k ? date_of[d] : n_dates++;
	}

	demand = read_rows(argv[2], "demand.csv", "required", shifts, n_shifts, &n_demand);
	staff = read_rows(argv[2], "staff.csv", "available", shifts, n_shifts, &n_staff);
	for (i = 0; i < n_demand; i++)
		for (j = 0; j < n_staff && demand[i].staff_at < 0; j++)
			if (strcmp(demand[i].key[0], staff[j].key[0]) == 0 &&
			    strcmp(demand[i].key[1], staff[j].key[1]) == 0 &&
			    strcmp(demand[i].key[2], staff[j].key[2]) == 0) {
				demand[i].staff_at = (long)j;
				staff[j].has_demand = 1;
			}

	if (!(fp = fopen(argv[5], "w"))) {
		fprintf(stderr, "bench_gen: %s: %s\n", argv[5], strerror(errno));
		return 1;
	}
	fprintf(fp, "scenario,partner,role,shift,required,absent\n");
	for (sc = 1; sc <= n_scen; sc++) {
		/* the day's shared half of the variance, then each row's own */
		for (k = 0; k < n_dates; k++)
			day_z[k] = draw_normal();
		for (i = 0; i < n_demand; i++) {
			const struct draw_row *d = &demand[i];
			double z =
			    (d->day >= 0 ? day_z[date_of[d->day]] : draw_normal()) * sqrt(var / 2) +
			    draw_normal() * sqrt(var / 2);
			double req = floor(d->value * exp(z - var / 2) * 10 + 0.5) / 10;
			fprintf(fp, "s%ld,%s,%s,%s,%.1f,", sc, d->key[0], d->key[1], d->key[2],
			        req);
			if (d->staff_at >= 0) {
				long absent = 0, m;
				for (m = 0; m < (long)staff[d->staff_at].value; m++)
					absent += draw_uniform() < DRAW_ABSENT;
				fprintf(fp, "%ld", absent);
			}
			fprintf(fp, "\n");
		}
		for (j = 0; j < n_staff; j++) {
			long absent = 0, m;
			if (staff[j].has_demand)
				continue;
			for (m = 0; m < (long)staff[j].value; m++)
				absent += draw_uniform() < DRAW_ABSENT;
			fprintf(fp, "s%ld,%s,%s,%s,,%ld\n", sc, staff[j].key[0], staff[j].key[1],
			        staff[j].key[2], absent);
		}
	}
	close_file(fp);
	free(shifts);
	free(date_of);
	free(day_z);
	free(demand);
	free(staff);
	return 0;
}

int main(int argc, char **argv)
{
	const struct size_spec *spec = NULL;
	double scale = 1;
	int n_partners, n_roles, n_workers, p, r, s, w, k, is_mixed = 0, is_supply = 0;
	int *kind, *scale_of, *n_roles_of;
	FILE *fp;
	size_t i;

	if (argc >= 2 && strcmp(argv[1], "scenarios") == 0)
		return write_scenarios(argc, argv);
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: bench_gen small|medium|large[-mixed][-supply] DIR [SCALE]\n"
		                "       bench_gen scenarios DIR N SEED OUT.csv\n");
		return 2;
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t len = strlen(sizes[i].name);
		const char *rest = argv[1] + len;
		if (strncmp(sizes[i].name, argv[1], len) != 0)
			continue;
		is_mixed = strncmp(rest, "-mixed", 6) == 0;
		rest += is_mixed ? 6 : 0;
		is_supply = strcmp(rest, "-supply") == 0;
		rest += is_supply ? 7 : 0;
		if (*rest == '\0')
			spec = &sizes[i];
	}
	if (argc == 4)
		scale = strtod(argv[3], NULL);
	if (!spec || !(scale > 0) || scale > 64) {
		fprintf(stderr, "bench_gen: unknown size '%s' or bad scale\n", argv[1]);
		return 2;
	}
	if (mkdir(argv[2], 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "bench_gen: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	n_partners = (int)(spec->n_partners * scale + 0.5);
	n_roles = spec->n_roles;
	n_workers = (int)(spec->n_workers * scale + 0.5);
	if (n_partners < 2)
		n_partners = 2;
	kind = calloc((size_t)n_partners, sizeof(int));
	scale_of = calloc((size_t)n_partners, sizeof(int));
	n_roles_of = calloc((size_t)n_partners, sizeof(int));

	fp = open_file(argv[2], "partners.csv");
	fprintf(fp, "id,name,kind,agency_budget,pay_bill\n");
	for (p = 0; p < n_partners; p++) {
		/* a trust in every five partners; the rest care and community */
		kind[p] = p % 5 == 0 ? 0 : p % 5 == 1 ? 1 + (p / 5) % 2 : 3 + (int)rnd(5);
		scale_of[p] = kind[p] == 0 ? 6 + rnd(5) : kind[p] <= 2 ? 3 + rnd(3) : 1 + rnd(2);
		for (r = 0; r < n_roles; r++)
			n_roles_of[p] += employs(kind[p], r, n_roles);
		if (n_roles_of[p] == 0)
			kind[p] = 0; /* with few roles, only the trusts' exist */
		fprintf(fp, "p%03d,Partner %d,%s,", p, p, kinds[kind[p]]);
		if (rnd(3) == 0)
			fprintf(fp, "%d", 2000 * scale_of[p] + (int)rnd(3000));
		fprintf(fp, ",%d\n", 150000 * scale_of[p]);
	}
	close_file(fp);

	fp = open_file(argv[2], "roles.csv");
	fprintf(fp, "id,group\n");
	for (r = 0; r < n_roles; r++)
		fprintf(fp, "%s,%s\n", roles[r].id,
		        r <= 2              ? "nursing_support"
		        : r <= 5 || r >= 10 ? "registered_nursing"
		        : r <= 7            ? "social_care"
		                            : "ahp");
	close_file(fp);

	fp = open_file(argv[2], "caps.csv");
	fprintf(fp, "role,bank_rate,agency_cap%s\n", is_supply ? ",bank_cap" : "");
	for (r = 0; r < n_roles; r++) {
		fprintf(fp, "%s,%.2f,%.2f", roles[r].id, roles[r].rate, roles[r].rate * 1.55);
		if (is_supply)
			fprintf(fp, ",%.2f", roles[r].rate * 1.3);
		fprintf(fp, "\n");
	}
	close_file(fp);

	if (is_supply) {
		/* social care (care_worker, senior_care) answers pay more than
		 * the NHS roles do */
		fp = open_file(argv[2], "supply.csv");
		fprintf(fp, "role,elasticity,reference_rate,step\n");
		for (r = 0; r < n_roles; r++)
			fprintf(fp, "%s,%g,%.2f,0.05\n", roles[r].id, r == 6 || r == 7 ? 0.5 : 0.3,
			        roles[r].rate);
		close_file(fp);
	}

	fp = open_file(argv[2], "substitutions.csv");
	fprintf(fp, "role,covers,efficiency\n");
	for (r = 0; r < n_roles; r++)
		if (roles[r].covers >= 0 && roles[r].covers < n_roles)
			fprintf(fp, "%s,%s,%g\n", roles[r].id, roles[roles[r].covers].id,
			        roles[r].efficiency);
	close_file(fp);

	fp = open_file(argv[2], "shifts.csv");
	fprintf(fp, "id,date,start,end,paid_hours,enhancement\n");
	for (s = 0; s < 21; s++) {
		int day = s / 3, t = s % 3;
		double enh = day == 6 ? 0.6 : (t == 2 || day == 5) ? 0.3 : 0;
		fprintf(fp, "%s,2026-%02d-%02d,%s,%s,%s,%g\n", shift_id(s), day < 1 ? 11 : 12,
		        day < 1 ? 30 : day,
		        t == 0   ? "07:00"
		        : t == 1 ? "14:30"
		                 : "21:30",
		        t == 0   ? "15:00"
		        : t == 1 ? "22:00"
		                 : "07:30",
		        t == 2 ? "9.5" : "7.5", enh);
	}
	close_file(fp);

	/* demand and own staff: tight, own staff cover about 80% */
	fp = open_file(argv[2], "demand.csv");
	{
		FILE *st = open_file(argv[2], "staff.csv");
		fprintf(fp, "partner,role,shift,required,minimum,priority\n");
		fprintf(st, "partner,role,shift,available,rotatable\n");
		for (p = 0; p < n_partners; p++)
			for (r = 0; r < n_roles; r++) {
				if (!employs(kind[p], r, n_roles))
					continue;
				for (s = 0; s < 21; s++) {
					int base = scale_of[p] * (s % 3 == 2 ? 2 : 3) + (int)rnd(3);
					double req = base + 0.5 * rnd(2);
					int avail = (int)(req * (0.7 + 0.02 * rnd(8)));
					fprintf(fp, "p%03d,%s,%s,%g,%d,%d\n", p, roles[r].id,
					        shift_id(s), req, (int)(req * 0.7),
					        kind[p] == 0 ? 2 : 1);
					fprintf(st, "p%03d,%s,%s,%d,%d\n", p, roles[r].id,
					        shift_id(s), avail, kind[p] <= 2 ? avail / 8 : 0);
				}
			}
		close_file(st);
	}
	close_file(fp);

	/* the bank: home by size; cleared for home, neighbours, or all */
	fp = open_file(argv[2], "bank.csv");
	{
		FILE *av = open_file(argv[2], "availability.csv");
		int total = 0;
		for (p = 0; p < n_partners; p++)
			total += scale_of[p];
		fprintf(fp, "id,role,home,max_hours,partners\n");
		fprintf(av, "worker,shift\n");
		for (w = 0; w < n_workers; w++) {
			int pick = (int)rnd((unsigned)total), home = 0, role, n_offer, last = -3;
			unsigned how = rnd(10);
			while (pick >= scale_of[home])
				pick -= scale_of[home++];
			do
				role = (int)rnd((unsigned)n_roles);
			while (!employs(kind[home], role, n_roles));
			fprintf(fp, "w%05d,%s,p%03d,%d,", w, roles[role].id, home,
			        16 + 4 * (int)rnd(8));
			/* a tenth are cleared for their whole locality: every partner
			 * in a small system, the eight nearest in a large one, so that
			 * the model grows in proportion to the system; half for three
			 * neighbours (with -mixed, drawn for the worker instead) */
			if (is_mixed)
				write_mixed(fp, home, n_partners);
			else if (how <= 5)
				write_near(fp, home, n_partners, how == 0);
			fprintf(fp, "\n");
			/* 3 to 7 offers, some back to back so that rest binds */
			n_offer = 3 + (int)rnd(5);
			for (k = 0; k < n_offer; k++) {
				int sh = rnd(3) == 0 && last >= 0 && last + 1 < 21 ? last + 1
				                                                   : (int)rnd(21);
				if (sh <= last)
					continue;
				fprintf(av, "w%05d,%s\n", w, shift_id(sh));
				last = sh;
			}
		}
		close_file(av);
	}
	close_file(fp);

	/* agencies: tiers, a few off framework, some above the cap */
	fp = open_file(argv[2], "agency.csv");
	fprintf(fp, "supplier,tier,framework,role,partner,rate,capacity\n");
	for (k = 0; k < 4 + n_partners / 4; k++)
		for (r = 0; r < n_roles; r++) {
			int tier = 1 + k % 3, is_framework = k % 7 != 6;
			double over = 1.2 + 0.1 * rnd(6) + 0.1 * tier; /* 1.3 .. 2.0 of basic */
			if (rnd(2))
				continue;
			fprintf(fp, "ag%02d,%d,%s,%s,", k, tier, is_framework ? "yes" : "no",
			        roles[r].id);
			if (k < 4 && k % 2) /* two national suppliers serve everyone */
				fprintf(fp, "*");
			else
				fprintf(fp, "p%03d", (int)rnd((unsigned)n_partners));
			fprintf(fp, ",%.2f,%d\n", roles[r].rate * over, 2 + (int)rnd(10));
		}
	close_file(fp);

	/* mutual aid between neighbours, both ways, and a role row for nurses */
	fp = open_file(argv[2], "agreements.csv");
	fprintf(fp, "from,to,role,max_per_shift,travel_cost,recharge_rate\n");
	for (p = 0; p < n_partners; p++) {
		int q = (p + 1) % n_partners;
		fprintf(fp, "p%03d,p%03d,*,%d,%d,%.2f\n", p, q, 2 + (int)rnd(4), 10 + (int)rnd(30),
		        15.0 + rnd(5));
		fprintf(fp, "p%03d,p%03d,*,%d,%d,%.2f\n", q, p, 2 + (int)rnd(4), 10 + (int)rnd(30),
		        15.0 + rnd(5));
		if (kind[p] == 0 && n_roles > 3)
			fprintf(fp, "p%03d,p%03d,%s,1,40,18.50\n", p, q, roles[3].id);
	}
	close_file(fp);

	fp = open_file(argv[2], "settings.csv");
	fprintf(fp, "key,value\nallow_break_glass,yes\ntier_penalty,5\nagency_budget,%d\n",
	        6000 * n_partners);
	close_file(fp);

	free(kind);
	free(scale_of);
	free(n_roles_of);
	return 0;
}
