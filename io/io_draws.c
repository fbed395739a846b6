/*
 * io_draws.c - scenarios.csv (DESIGN.md §3e) read through the scenario's
 * own table reader (io_table.c), so that its errors are worded, placed
 * and counted as every scenario file's are: the file's loader is a
 * scenario loader whose id sets are the solved scenario's, with the draws
 * beside it.
 */
#include "io_draws.h"

#include "io_scenario_int.h"

#include "core/mu_alloc.h"
#include "core/mu_sha256.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Largest scenarios.csv read: 1,000 draws of 100,000 rows are below it. */
#define DRAWS_FILE_MAX (1024UL * 1024 * 1024)

static const struct mu_range RULE_STAFF = {.lo = 0, .hi = 1e6};
static const struct mu_range RULE_COUNT = {.lo = 0, .hi = 1e6, .is_integer = true};

enum { S_SCENARIO, S_PARTNER, S_ROLE, S_SHIFT, S_REQUIRED, S_ABSENT };
static const struct io_col draw_cols[] = {{"scenario", true},  {"partner", true},
                                          {"role", true},      {"shift", true},
                                          {"required", false}, {"absent", false}};

/* The loader of scenarios.csv: ld first, so that a row reader's t->ld is
 * the whole of it. */
struct draws_loader {
	struct io_loader ld;
	const struct mu_scenario *sc;
	struct mu_draws *dr;
	struct mu_map scenario_of; /* a `scenario` cell -> its index in dr */
	size_t *demand_at;         /* (partner, role, shift) -> demand row or MU_ALL */
	size_t *staff_at;          /* (partner, role, shift) -> staff row or MU_ALL */
};

static void read_draw(struct io_table *t)
{
	struct draws_loader *dl = (struct draws_loader *)t->ld;
	const struct mu_scenario *sc = dl->sc;
	size_t key[4] = {0}, id_len, cell = 0, d = MU_ALL, f = MU_ALL;
	const char *id;
	double required = 0;
	long absent = -1;
	bool has_required = false, is_key_ok;
	char q[3][256];

	is_key_ok = io_table_id(t, S_SCENARIO, NULL);
	is_key_ok =
	    io_table_ref(t, S_PARTNER, &t->ld->partners, "partner", false, &key[1]) && is_key_ok;
	is_key_ok = io_table_ref(t, S_ROLE, &t->ld->roles, "role", false, &key[2]) && is_key_ok;
	is_key_ok = io_table_ref(t, S_SHIFT, &t->ld->shifts, "shift", false, &key[3]) && is_key_ok;
	io_table_number(t, S_REQUIRED, &RULE_STAFF, 0, &required, &has_required);
	io_table_count(t, S_ABSENT, &RULE_COUNT, -1, &absent);
	if (!is_key_ok)
		return;
	id = io_table_cell(t, S_SCENARIO, &id_len);
	if (!mu_map_get(&dl->scenario_of, id, id_len, &key[0]))
		key[0] = dl->dr->n_scenarios; /* a new one, added below once the row is whole */
	if (!io_table_unique(t, S_SCENARIO, key, 4,
	                     "scenarios row (scenario, partner, role, shift)"))
		return;
	cell = (key[1] * sc->n_roles + key[2]) * sc->n_shifts + key[3];
	d = dl->demand_at[cell];
	f = dl->staff_at[cell];
	if (has_required && d == MU_ALL)
		io_table_error(
		    t, S_REQUIRED,
		    "no demand row for partner '%s', role '%s', shift '%s' in "
		    "demand.csv: a scenario gives required only for the scenario's "
		    "demand rows",
		    QUOTE(q[0], sc->partners[key[1]].id, strlen(sc->partners[key[1]].id)),
		    QUOTE(q[1], sc->roles[key[2]].id, strlen(sc->roles[key[2]].id)),
		    QUOTE(q[2], sc->shifts[key[3]].id, strlen(sc->shifts[key[3]].id)));
	if (absent >= 0 && f == MU_ALL)
		io_table_error(
		    t, S_ABSENT,
		    "no staff row for partner '%s', role '%s', shift '%s' in "
		    "staff.csv: a scenario gives absent only for the scenario's "
		    "staff rows",
		    QUOTE(q[0], sc->partners[key[1]].id, strlen(sc->partners[key[1]].id)),
		    QUOTE(q[1], sc->roles[key[2]].id, strlen(sc->roles[key[2]].id)),
		    QUOTE(q[2], sc->shifts[key[3]].id, strlen(sc->shifts[key[3]].id)));
	if (!t->is_row_ok)
		return;
	if (key[0] == dl->dr->n_scenarios) {
		mu_draws_add(dl->dr, sc, id, id_len);
		mu_map_put(&dl->scenario_of, id, id_len, key[0]);
	}
	if (has_required)
		dl->dr->required[key[0] * dl->dr->n_demand + d] = required;
	if (absent >= 0)
		dl->dr->absent[key[0] * dl->dr->n_staff + f] = absent;
}

static void map_ids(struct io_id_set *ids, const char *file, size_t n, const void *items,
                    size_t size, size_t off)
{
	size_t i;
	mu_map_init(&ids->map);
	mu_map_init(&ids->broken);
	ids->file = file;
	ids->is_usable = true;
	for (i = 0; i < n; i++) {
		const char *id = *(char *const *)((const char *)items + i * size + off);
		mu_map_put(&ids->map, id, strlen(id), i);
	}
}

static void release_ids(struct io_id_set *ids)
{
	mu_map_release(&ids->map);
	mu_map_release(&ids->broken);
	free(ids->is_named);
}

/* Whether the file at path is inside the folder dir (at any depth). */
static bool is_inside(const char *path, const char *dir)
{
	char *real_dir = realpath(dir, NULL), *copy = mu_strdup(path), *slash, *real_file;
	bool is_in = false;
	size_t n;
	slash = strrchr(copy, '/');
	if (slash == copy)
		copy[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		strcpy(copy, ".");
	real_file = realpath(copy, NULL);
	if (real_dir && real_file) {
		n = strlen(real_dir);
		is_in = strncmp(real_file, real_dir, n) == 0 &&
		        (real_file[n] == '\0' || real_file[n] == '/' || n == 1);
	}
	free(real_dir);
	free(real_file);
	free(copy);
	return is_in;
}

static enum mu_code read_whole(const char *path, char **data, size_t *len, struct mu_err *err)
{
	FILE *fp = fopen(path, "rb");
	struct stat sb;
	long n;
	if (!fp)
		return mu_err_set_at(err, MU_E_IO, path, 0, 0, NULL,
		                     "cannot open the scenarios file: %s", strerror(errno));
	if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(fp);
		return mu_err_set_at(err, MU_E_INPUT, path, 0, 0, NULL,
		                     "not a regular file: give --scenarios a scenarios.csv "
		                     "(muster forecast writes one)");
	}
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0) {
		fclose(fp);
		return mu_err_set_at(err, MU_E_IO, path, 0, 0, NULL,
		                     "cannot read the scenarios file");
	}
	if ((unsigned long)n > DRAWS_FILE_MAX) {
		fclose(fp);
		return mu_err_set_at(err, MU_E_INPUT, path, 0, 0, NULL,
		                     "the scenarios file is too large (%ld bytes)", n);
	}
	*data = mu_malloc((size_t)n + 1);
	*len = fread(*data, 1, (size_t)n, fp);
	if (ferror(fp)) {
		fclose(fp);
		free(*data);
		return mu_err_set_at(err, MU_E_IO, path, 0, 0, NULL,
		                     "cannot read the scenarios file");
	}
	fclose(fp);
	return MU_OK;
}

enum mu_code io_draws_read(const char *path, const char *scenario_dir, const struct mu_scenario *sc,
                           struct mu_draws **out, struct mu_errlist *errors)
{
	struct draws_loader dl;
	struct io_file_spec spec = {
	    path,      true, "scenario row", draw_cols, sizeof(draw_cols) / sizeof(draw_cols[0]),
	    read_draw, NULL};
	struct io_file f = {0};
	struct mu_sha256 hash;
	struct mu_err err;
	size_t n_cells = sc->n_partners * sc->n_roles * sc->n_shifts, i;
	enum mu_code rc;

	mu_err_clear(&err);
	if (scenario_dir && is_inside(path, scenario_dir)) {
		mu_err_set_at(&err, MU_E_INPUT, path, 0, 0, NULL,
		              "inside the scenario folder %s: a scenarios file is kept outside it "
		              "(muster reads every .csv file of the folder as the scenario's)",
		              scenario_dir);
		mu_errlist_add(errors, &err);
		return MU_E_INPUT;
	}
	rc = read_whole(path, &f.data, &f.len, &err);
	if (rc != MU_OK) {
		mu_errlist_add(errors, &err);
		return rc;
	}
	f.name = (char *)path;
	memset(&dl, 0, sizeof(dl));
	dl.sc = sc;
	dl.ld.sc = (struct mu_scenario *)sc; /* read only: io_causes_word names its ids */
	dl.ld.errors = errors;
	map_ids(&dl.ld.partners, "partners.csv", sc->n_partners, sc->partners,
	        sizeof(*sc->partners), offsetof(struct mu_partner, id));
	map_ids(&dl.ld.roles, "roles.csv", sc->n_roles, sc->roles, sizeof(*sc->roles),
	        offsetof(struct mu_role, id));
	map_ids(&dl.ld.shifts, "shifts.csv", sc->n_shifts, sc->shifts, sizeof(*sc->shifts),
	        offsetof(struct mu_shift, id));
	map_ids(&dl.ld.bank, "bank.csv", sc->n_bank, sc->bank, sizeof(*sc->bank),
	        offsetof(struct mu_bank_worker, id));
	mu_map_init(&dl.ld.cause_of);
	mu_map_init(&dl.scenario_of);
	dl.dr = mu_draws_new(sc);
	dl.demand_at = mu_malloc((n_cells + 1) * sizeof(size_t));
	dl.staff_at = mu_malloc((n_cells + 1) * sizeof(size_t));
	for (i = 0; i < n_cells; i++)
		dl.demand_at[i] = dl.staff_at[i] = MU_ALL;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		dl.demand_at[(d->partner * sc->n_roles + d->role) * sc->n_shifts + d->shift] = i;
	}
	for (i = 0; i < sc->n_staff; i++) {
		const struct mu_staff *s = &sc->staff[i];
		dl.staff_at[(s->partner * sc->n_roles + s->role) * sc->n_shifts + s->shift] = i;
	}

	io_table_read(&dl.ld, &spec, &f);
	io_causes_word(&dl.ld);
	mu_sha256_init(&hash);
	mu_sha256_update(&hash, f.data, f.len);
	mu_sha256_final_hex(&hash, dl.dr->hash);

	release_ids(&dl.ld.partners);
	release_ids(&dl.ld.roles);
	release_ids(&dl.ld.shifts);
	release_ids(&dl.ld.bank);
	mu_map_release(&dl.ld.cause_of);
	mu_map_release(&dl.scenario_of);
	free(dl.ld.causes);
	free(dl.demand_at);
	free(dl.staff_at);
	free(f.data);
	if (dl.ld.n_errors > 0) {
		mu_draws_free(dl.dr);
		return MU_E_INPUT;
	}
	*out = dl.dr;
	return MU_OK;
}
