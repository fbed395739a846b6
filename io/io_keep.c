/*
 * io_keep.c - the kept plan read from plan.csv (through io_csv, so every
 * error has its line and field) or from a stored run's plan rows, each
 * row's ids looked up in the scenario being re-planned.
 */
#include "io_keep.h"

#include "core/mu_alloc.h"
#include "core/mu_map.h"
#include "core/mu_parse.h"
#include "io/io_csv.h"
#include "io/io_store.h"

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Largest plan.csv read: a plan of 1,000,000 rows is far below it. */
#define KEEP_FILE_MAX (512UL * 1024 * 1024)

/* The columns a kept row is made of, in plan.csv's order. */
enum {
	C_SOURCE,
	C_PARTNER,
	C_ROLE,
	C_WORKER_ROLE,
	C_SHIFT,
	C_HOME,
	C_WORKER,
	C_OFFER,
	C_STAFF,
	C_N
};

static const char *const col_names[C_N] = {"source", "partner", "role",  "worker_role", "shift",
                                           "home",   "worker",  "offer", "staff"};

/* The scenario's ids, to look rows up by. */
struct resolver {
	const struct mu_scenario *sc;
	struct mu_map partners, roles, shifts, bank;
	struct mu_map seen; /* each kept row's key (source and cells) -> its line */
	size_t *demand_at;  /* (partner, role, shift) -> demand row or MU_ALL */
	size_t *avail_at;   /* (bank worker, shift) -> availability row or MU_ALL */
	const char *file;   /* errors: plan.csv's path, or "run ID" */
	bool is_rota;       /* whole staff only: a rota is re-planned */
	struct mu_keep *keep;
};

static void map_ids(struct mu_map *m, size_t n, const void *items, size_t size, size_t off)
{
	size_t i;
	mu_map_init(m);
	for (i = 0; i < n; i++) {
		const char *id = *(char *const *)((const char *)items + i * size + off);
		mu_map_put(m, id, strlen(id), i);
	}
}

static void resolver_init(struct resolver *r, const struct mu_scenario *sc, const char *file)
{
	size_t n = sc->n_partners * sc->n_roles * sc->n_shifts, i;
	memset(r, 0, sizeof(*r));
	r->sc = sc;
	r->file = file;
	map_ids(&r->partners, sc->n_partners, sc->partners, sizeof(*sc->partners),
	        offsetof(struct mu_partner, id));
	map_ids(&r->roles, sc->n_roles, sc->roles, sizeof(*sc->roles),
	        offsetof(struct mu_role, id));
	map_ids(&r->shifts, sc->n_shifts, sc->shifts, sizeof(*sc->shifts),
	        offsetof(struct mu_shift, id));
	mu_map_init(&r->seen);
	map_ids(&r->bank, sc->n_bank, sc->bank, sizeof(*sc->bank),
	        offsetof(struct mu_bank_worker, id));
	r->demand_at = mu_malloc((n + 1) * sizeof(size_t));
	for (i = 0; i < n; i++)
		r->demand_at[i] = MU_ALL;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		r->demand_at[(d->partner * sc->n_roles + d->role) * sc->n_shifts + d->shift] = i;
	}
	r->avail_at = mu_malloc((sc->n_bank * sc->n_shifts + 1) * sizeof(size_t));
	for (i = 0; i < sc->n_bank * sc->n_shifts; i++)
		r->avail_at[i] = MU_ALL;
	for (i = 0; i < sc->n_availability; i++) /* the last, as a scan would find */
		r->avail_at[sc->availability[i].worker * sc->n_shifts + sc->availability[i].shift] =
		    i;
	r->keep = mu_keep_new();
}

static void resolver_release(struct resolver *r)
{
	mu_map_release(&r->partners);
	mu_map_release(&r->roles);
	mu_map_release(&r->shifts);
	mu_map_release(&r->bank);
	mu_map_release(&r->seen);
	free(r->demand_at);
	free(r->avail_at);
	mu_keep_free(r->keep);
}

/* Where a cell is: its line and field (0 for a stored row). */
struct at {
	unsigned long line, field[C_N];
};

static enum mu_code unknown(const struct resolver *r, const struct at *at, int c, const char *what,
                            const char *text, struct mu_err *err)
{
	char q[128];
	mu_err_quote(q, sizeof(q), text, strlen(text));
	return mu_err_set_at(err, MU_E_INPUT, r->file, at->line, at->field[c], col_names[c],
	                     "unknown %s '%s': the kept plan is not of this scenario (a plan.csv "
	                     "muster wrote for it, or run:ID of a run of it)",
	                     what, q);
}

static enum mu_code look_up(const struct resolver *r, const struct mu_map *m, const struct at *at,
                            int c, const char *what, const char *text, size_t *out,
                            struct mu_err *err)
{
	if (!mu_map_get(m, text, strlen(text), out))
		return unknown(r, at, c, what, text, err);
	return MU_OK;
}

/* Adds the row of cells text (C_N of them; staff parsed) to r->keep. */
static const char *const staff_sources[] = {"own", "lend", "bank", "agency", "bank_extra"};
#define N_STAFF_SOURCES (sizeof(staff_sources) / sizeof(staff_sources[0]))

/* Whether a plan row of this source is an assignment (staff at work). */
static bool is_assignment(const char *source)
{
	size_t i;
	for (i = 0; i < N_STAFF_SOURCES; i++)
		if (strcmp(source, staff_sources[i]) == 0)
			return true;
	return false;
}

static enum mu_code add_row(struct resolver *r, const char *const *text, double staff,
                            const struct at *at, struct mu_err *err)
{
	const struct mu_scenario *sc = r->sc;
	struct mu_keep_row k = {
	    .home = MU_ALL, .worker = MU_ALL, .offer = MU_ALL, .availability = MU_ALL};
	enum mu_code rc;
	size_t i;
	static const enum mu_source source_of[] = {MU_SRC_OWN, MU_SRC_LEND, MU_SRC_BANK,
	                                           MU_SRC_AGENCY, MU_SRC_BANK_EXTRA};
	/* extra bank staff (§3d) are kept, to be fixed on the past's shifts
	 * (pol_keep.c); the rate follows from the staff, so its rows are
	 * not; nor are a pathway's discharges and bed-days (§3f): no one's
	 * assignment, they are decided afresh */
	static const char *const other_sources[] = {"short", "breach",    "change",  "share",
	                                            "rate",  "discharge", "bed_days"};

	for (i = 0; i < N_STAFF_SOURCES; i++)
		if (strcmp(text[C_SOURCE], staff_sources[i]) == 0)
			break;
	if (i == N_STAFF_SOURCES) {
		size_t j;
		for (j = 0; j < sizeof(other_sources) / sizeof(other_sources[0]); j++)
			if (strcmp(text[C_SOURCE], other_sources[j]) == 0)
				return MU_OK; /* not an assignment: nothing to keep */
		return unknown(r, at, C_SOURCE, "source", text[C_SOURCE], err);
	}
	k.source = source_of[i];
	if ((rc = look_up(r, &r->partners, at, C_PARTNER, "partner", text[C_PARTNER], &k.partner,
	                  err)) != MU_OK ||
	    (rc = look_up(r, &r->roles, at, C_ROLE, "role", text[C_ROLE], &k.role, err)) != MU_OK ||
	    (rc = look_up(r, &r->roles, at, C_WORKER_ROLE, "role", text[C_WORKER_ROLE],
	                  &k.worker_role, err)) != MU_OK ||
	    (rc = look_up(r, &r->shifts, at, C_SHIFT, "shift", text[C_SHIFT], &k.shift, err)) !=
	        MU_OK)
		return rc;
	k.staff = staff;
	k.line = at->line;
	k.demand = r->demand_at[(k.partner * sc->n_roles + k.role) * sc->n_shifts + k.shift];
	if (k.source != MU_SRC_AGENCY && k.source != MU_SRC_BANK_EXTRA &&
	    (rc = look_up(r, &r->partners, at, C_HOME, "partner", text[C_HOME], &k.home, err)) !=
	        MU_OK)
		return rc;
	if (k.source == MU_SRC_BANK) {
		if ((rc = look_up(r, &r->bank, at, C_WORKER, "bank worker", text[C_WORKER],
		                  &k.worker, err)) != MU_OK)
			return rc;
		k.availability = r->avail_at[k.worker * sc->n_shifts + k.shift];
	} else if (k.source == MU_SRC_AGENCY) {
		size_t p = MU_ALL;
		if (strcmp(text[C_OFFER], "*") != 0 &&
		    (rc = look_up(r, &r->partners, at, C_OFFER, "partner", text[C_OFFER], &p,
		                  err)) != MU_OK)
			return rc;
		for (i = 0; i < sc->n_agency; i++)
			if (sc->agency[i].role == k.worker_role && sc->agency[i].partner == p &&
			    strcmp(sc->agency[i].supplier, text[C_HOME]) == 0)
				k.offer = i;
	} else if (k.source == MU_SRC_LEND) {
		size_t role = MU_ALL;
		if (strcmp(text[C_OFFER], "*") != 0 &&
		    (rc = look_up(r, &r->roles, at, C_OFFER, "role", text[C_OFFER], &role, err)) !=
		        MU_OK)
			return rc;
		for (i = 0; i < sc->n_agreements; i++)
			if (sc->agreements[i].from == k.home && sc->agreements[i].to == k.partner &&
			    sc->agreements[i].role == role)
				k.offer = i;
	}
	if (r->is_rota && fabs(staff - floor(staff + 0.5)) > 1e-6) {
		char q[64];
		snprintf(q, sizeof(q), "%.10g", staff);
		return mu_err_set_at(err, MU_E_INPUT, r->file, at->line, at->field[C_STAFF],
		                     "staff",
		                     "staff '%s' is a fraction, as in a plan-mode (--lp) plan: a "
		                     "rota keeps whole staff only, so muster cannot keep this plan "
		                     "as a rota; re-plan in plan mode (add --lp), or keep a plan "
		                     "solved without --lp",
		                     q);
	}
	if (k.source == MU_SRC_BANK && staff > 1 + 1e-9) {
		char q[64];
		snprintf(q, sizeof(q), "%g", staff);
		return mu_err_set_at(err, MU_E_INPUT, r->file, at->line, at->field[C_STAFF],
		                     "staff",
		                     "bank worker '%s' is %s staff on shift '%s': a worker is one "
		                     "person (staff at most 1)",
		                     sc->bank[k.worker].id, q, sc->shifts[k.shift].id);
	}
	{
		/* one row per assignment, as muster writes a plan: a second would
		 * be kept twice */
		size_t key[8] = {k.source, k.partner,     k.role,   k.shift,
		                 k.home,   k.worker_role, k.worker, k.offer},
		       line;
		if (!mu_map_put(&r->seen, (const char *)key, sizeof(key), at->line) &&
		    mu_map_get(&r->seen, (const char *)key, sizeof(key), &line))
			return mu_err_set_at(err, MU_E_INPUT, r->file, at->line,
			                     at->field[C_SOURCE], "source",
			                     "the same assignment as line %zu (source, partner, "
			                     "role, worker_role, shift, home, worker and offer): a "
			                     "plan has one row per assignment",
			                     line);
	}
	if (k.source == MU_SRC_AGENCY)
		k.supplier = (char *)text[C_HOME]; /* copied by mu_keep_add_row */
	mu_keep_add_row(r->keep, &k);
	return MU_OK;
}

static enum mu_code read_file(const char *path, char **data, size_t *len, struct mu_err *err)
{
	FILE *fp = fopen(path, "rb");
	struct stat sb;
	long n;
	if (!fp)
		return mu_err_set_at(err, MU_E_IO, path, 0, 0, NULL,
		                     "cannot open the kept plan: %s", strerror(errno));
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		/* fopen opens a folder, and ftell then gives LONG_MAX */
		int n_path = (int)strlen(path);
		while (n_path > 1 && path[n_path - 1] == '/')
			n_path--;
		fclose(fp);
		return mu_err_set_at(err, MU_E_INPUT, path, 0, 0, NULL,
		                     "a folder, not a plan: give --keep the plan.csv in it "
		                     "(%.*s/plan.csv), or run:ID for a stored run",
		                     n_path > 200 ? 200 : n_path, path);
	}
	if (fstat(fileno(fp), &sb) == 0 && !S_ISREG(sb.st_mode)) {
		fclose(fp);
		return mu_err_set_at(err, MU_E_INPUT, path, 0, 0, NULL,
		                     "not a regular file: give --keep a plan.csv muster wrote, "
		                     "or run:ID for a stored run");
	}
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0) {
		fclose(fp);
		return mu_err_set_at(err, MU_E_IO, path, 0, 0, NULL, "cannot read the kept plan");
	}
	if ((unsigned long)n > KEEP_FILE_MAX) {
		fclose(fp);
		return mu_err_set_at(err, MU_E_INPUT, path, 0, 0, NULL,
		                     "the kept plan is too large (%ld bytes)", n);
	}
	*data = mu_malloc((size_t)n + 1);
	*len = fread(*data, 1, (size_t)n, fp);
	if (ferror(fp)) {
		fclose(fp);
		free(*data);
		return mu_err_set_at(err, MU_E_IO, path, 0, 0, NULL, "cannot read the kept plan");
	}
	fclose(fp);
	return MU_OK;
}

/* A cell as muster meant it: io_csv_write_text writes a ' before a cell
 * that starts with = + - @ or a tab or CR (so that a spreadsheet never runs
 * it as a formula), and a kept plan.csv is one muster wrote. */
static const char *unguarded(const char *text)
{
	if (text[0] == '\'' && text[1] != '\0' && strchr("=+-@\t\r", text[1]))
		return text + 1;
	return text;
}

static enum mu_code read_csv(struct resolver *r, const char *path, struct mu_err *err)
{
	struct io_csv_table *t = NULL;
	char *data = NULL;
	size_t len = 0, at_col[C_N], i, row;
	enum mu_code rc;
	const struct io_csv_row *h;

	if ((rc = read_file(path, &data, &len, err)) != MU_OK)
		return rc;
	rc = io_csv_read(path, data, len, &t, err);
	free(data);
	if (rc != MU_OK)
		return rc;
	if (t->n_rows == 0) {
		rc = mu_err_set_at(err, MU_E_INPUT, path, 0, 0, NULL,
		                   "empty: a kept plan is a plan.csv muster wrote");
		goto done;
	}
	h = &t->rows[0];
	for (i = 0; i < C_N; i++) {
		size_t f;
		at_col[i] = MU_ALL;
		for (f = 0; f < h->n_cells; f++)
			if (strcmp(io_csv_cell_text(t, &t->cells[h->first + f]), col_names[i]) == 0)
				at_col[i] = f;
		if (at_col[i] == MU_ALL) {
			rc = mu_err_set_at(err, MU_E_INPUT, path, h->line, 0, NULL,
			                   "no column '%s': a kept plan is a plan.csv muster wrote",
			                   col_names[i]);
			goto done;
		}
	}
	r->keep->staff_col = at_col[C_STAFF] + 1;
	for (row = 1; row < t->n_rows; row++) {
		const struct io_csv_row *w = &t->rows[row];
		const char *text[C_N];
		struct at at;
		double staff;
		const struct io_csv_cell *sc_cell;
		if (w->n_cells != h->n_cells) {
			rc = mu_err_set_at(
			    err, MU_E_INPUT, path, w->end_line,
			    (unsigned long)(w->n_cells < h->n_cells ? w->n_cells + 1
			                                            : h->n_cells + 1),
			    NULL, "%zu fields, the header has %zu", w->n_cells, h->n_cells);
			goto done;
		}
		at.line = w->line;
		for (i = 0; i < C_N; i++) {
			const struct io_csv_cell *c = &t->cells[w->first + at_col[i]];
			text[i] = i == C_STAFF ? io_csv_cell_text(t, c)
			                       : unguarded(io_csv_cell_text(t, c));
			at.field[i] = at_col[i] + 1;
			if (i == C_SOURCE)
				at.line = c->line;
		}
		sc_cell = &t->cells[w->first + at_col[C_STAFF]];
		staff = 0;
		/* short, breach, change and share rows keep nothing, and a share
		 * row's staff is 0: add_row passes over them */
		if (is_assignment(text[C_SOURCE]) &&
		    (!mu_parse_decimal(text[C_STAFF], sc_cell->len, &staff) || staff <= 0)) {
			char q[128];
			mu_err_quote(q, sizeof(q), text[C_STAFF], sc_cell->len);
			rc = mu_err_set_at(err, MU_E_INPUT, path, sc_cell->line, at.field[C_STAFF],
			                   "staff", "invalid staff '%s' (a number above 0)", q);
			goto done;
		}
		if ((rc = add_row(r, text, staff, &at, err)) != MU_OK)
			goto done;
	}
done:
	io_csv_table_free(t);
	return rc;
}

struct stored_ctx {
	struct resolver *r;
	unsigned long n;
	enum mu_code rc;
	struct mu_err *err;
};

static int stored_row(const struct io_stored_plan_row *row, void *ctx)
{
	struct stored_ctx *s = ctx;
	const char *text[C_N] = {row->text.source,      row->text.partner, row->text.role,
	                         row->text.worker_role, row->text.shift,   row->text.home,
	                         row->text.worker,      row->text.offer,   ""};
	struct at at = {.line = ++s->n};
	size_t i;
	for (i = 0; i < C_N; i++)
		if (!text[i])
			text[i] = "";
	if (row->staff <= 0)
		return 0;
	s->rc = add_row(s->r, text, row->staff, &at, s->err);
	return s->rc != MU_OK;
}

static enum mu_code read_run(struct resolver *r, const char *id_text, const char *db,
                             struct mu_err *err)
{
	struct io_store *st = NULL;
	struct io_run_info info;
	struct stored_ctx ctx = {r, 0, MU_OK, err};
	long long id;
	enum mu_code rc;
	if (!mu_parse_integer(id_text, strlen(id_text), &id) || id <= 0)
		return mu_err_set(err, MU_E_USAGE,
		                  "invalid --keep 'run:%s' (run:ID, ID a run number)", id_text);
	if ((rc = io_store_open(db, false, &st, err)) != MU_OK)
		return rc;
	if ((rc = io_store_get_run(st, id, &info, err)) == MU_OK &&
	    (rc = io_store_list_plan(st, id, stored_row, &ctx, err)) == MU_OK)
		rc = ctx.rc;
	io_store_close(st);
	return rc;
}

enum mu_code io_keep_read(const char *spec, const char *db, const struct mu_scenario *sc,
                          struct mu_keep **out, struct mu_err *err)
{
	return io_keep_read_as(spec, db, sc, false, out, err);
}

enum mu_code io_keep_read_as(const char *spec, const char *db, const struct mu_scenario *sc,
                             bool is_rota, struct mu_keep **out, struct mu_err *err)
{
	struct resolver r;
	char label[64];
	enum mu_code rc;
	bool is_run = strncmp(spec, "run:", 4) == 0;
	if (is_run)
		snprintf(label, sizeof(label), "run %.40s", spec + 4);
	resolver_init(&r, sc, is_run ? label : spec);
	r.is_rota = is_rota;
	rc = is_run ? read_run(&r, spec + 4, db, err) : read_csv(&r, spec, err);
	if (rc == MU_OK) {
		r.keep->source = mu_strdup(spec);
		*out = r.keep;
		r.keep = NULL;
	}
	resolver_release(&r);
	return rc;
}

/* Whether kept row k is a bank row of worker w, before now, that sc still
 * allows (so fixed as kept). */
static bool is_fixed_bank(const struct mu_keep *keep, const struct mu_scenario *sc,
                          const struct mu_keep_row *k, size_t w)
{
	return k->source == MU_SRC_BANK && k->worker == w && mu_keep_is_past(keep, sc, k->shift) &&
	       mu_keep_row_gone(sc, k) == MU_KEEP_POSSIBLE;
}

/* Two fixed rows of one worker whose shifts overlap or leave less than
 * min_rest_hours between them (pol_bank.c's rest rows), at more than one
 * staff together. */
static enum mu_code check_past_rest(const struct mu_keep *keep, const char *file,
                                    const struct mu_scenario *sc, size_t w, struct mu_err *err)
{
	long rest = (long)(sc->settings.min_rest_hours * 60 + 0.5);
	size_t i, j;
	for (i = 0; i < keep->n_rows; i++) {
		const struct mu_keep_row *a = &keep->rows[i];
		if (!is_fixed_bank(keep, sc, a, w))
			continue;
		for (j = i + 1; j < keep->n_rows; j++) {
			const struct mu_keep_row *b = &keep->rows[j];
			const struct mu_shift *sa = &sc->shifts[a->shift],
			                      *sb = &sc->shifts[b->shift];
			if (!is_fixed_bank(keep, sc, b, w) || a->staff + b->staff <= 1 + 1e-6 ||
			    sb->abs_start >= sa->abs_end + rest ||
			    sa->abs_start >= sb->abs_end + rest)
				continue;
			return mu_err_set_at(err, MU_E_INPUT, file, a->line, 0, NULL,
			                     "the kept past cannot hold: bank worker %s works %s "
			                     "and %s before --now "
			                     "(lines %lu and %lu), and as the scenario now reads "
			                     "they %s (min_rest_hours "
			                     "%.10g in settings.csv, the shifts' times in "
			                     "shifts.csv); put them back as "
			                     "they were, or give an earlier --now",
			                     sc->bank[w].id, sa->id, sb->id, a->line, b->line,
			                     a->shift == b->shift ? "are one shift"
			                     : sb->abs_start < sa->abs_end &&
			                             sa->abs_start < sb->abs_end
			                         ? "overlap"
			                         : "leave less than min_rest_hours between them",
			                     sc->settings.min_rest_hours);
		}
	}
	return MU_OK;
}

/* The fixed rows of one limit: their staff (or spend) together, the first
 * row's line, and their lines and shifts as the message lists them. */
struct past_rows {
	double total;
	unsigned long first;
	size_t n;
	char lines[160];
};

static void past_add(struct past_rows *p, const struct mu_keep_row *k, double amount)
{
	size_t at = strlen(p->lines);
	p->total += amount;
	if (p->n++ == 0)
		p->first = k->line;
	snprintf(p->lines + at, sizeof(p->lines) - at, "%s%lu", at ? ", " : "", k->line);
}

/* Whether kept row k is before now and still possible in sc, so fixed as
 * kept (pol_keep.c): own, lend (its agreement still there) or agency (its
 * offer still there). */
static bool is_fixed(const struct mu_keep *keep, const struct mu_scenario *sc,
                     const struct mu_keep_row *k)
{
	return mu_keep_is_past(keep, sc, k->shift) && mu_keep_row_gone(sc, k) == MU_KEEP_POSSIBLE &&
	       (k->source == MU_SRC_OWN ||
	        ((k->source == MU_SRC_LEND || k->source == MU_SRC_AGENCY) && k->offer != MU_ALL));
}

/* The error at the first of rows p: "the kept past cannot hold: " what,
 * then "(plan.csv lines ...)" and fix. */
static enum mu_code past_error(const struct mu_keep *keep, const char *file,
                               const struct past_rows *p, struct mu_err *err, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static enum mu_code past_error(const struct mu_keep *keep, const char *file,
                               const struct past_rows *p, struct mu_err *err, const char *fmt, ...)
{
	char what[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return mu_err_set_at(err, MU_E_INPUT, file, p->first, keep->staff_col,
	                     keep->staff_col ? "staff" : NULL, "the kept past cannot hold: %s",
	                     what);
}

/* "plan.csv lines 4, 9" or "stored rows 4, 9". */
static const char *lines_word(const struct mu_keep *keep, const struct past_rows *p)
{
	return keep->staff_col ? (p->n == 1 ? "plan.csv line" : "plan.csv lines")
	                       : (p->n == 1 ? "stored row" : "stored rows");
}

/* Own and lent staff of a (home partner, role, shift) before now against
 * staff.csv's available and rotatable as it now reads. */
static enum mu_code check_past_staff(const struct mu_keep *keep, const char *file,
                                     const struct mu_scenario *sc, struct mu_err *err)
{
	size_t i, j, s;
	for (i = 0; i < keep->n_rows; i++) {
		const struct mu_keep_row *a = &keep->rows[i];
		struct past_rows all = {0}, lent = {0};
		long available = 0, rotatable = 0;
		bool is_first = true;
		if ((a->source != MU_SRC_OWN && a->source != MU_SRC_LEND) || !is_fixed(keep, sc, a))
			continue;
		for (j = 0; j < keep->n_rows && is_first; j++) {
			const struct mu_keep_row *b = &keep->rows[j];
			if ((b->source != MU_SRC_OWN && b->source != MU_SRC_LEND) ||
			    b->home != a->home || b->worker_role != a->worker_role ||
			    b->shift != a->shift || !is_fixed(keep, sc, b))
				continue;
			if (j < i)
				is_first = false; /* counted at that row */
			past_add(&all, b, b->staff);
			if (b->source == MU_SRC_LEND)
				past_add(&lent, b, b->staff);
		}
		if (!is_first)
			continue;
		for (s = 0; s < sc->n_staff; s++)
			if (sc->staff[s].partner == a->home &&
			    sc->staff[s].role == a->worker_role && sc->staff[s].shift == a->shift) {
				available = sc->staff[s].available;
				rotatable = sc->staff[s].rotatable;
			}
		if (all.total > (double)available + 1e-6)
			return past_error(
			    keep, file, &all, err,
			    "%s's %s staff on %s worked %.10g before --now, at home and "
			    "lent (%s %s), above available %ld in staff.csv as it now "
			    "reads; put available back to at least %.10g, or give an "
			    "earlier --now",
			    sc->partners[a->home].id, sc->roles[a->worker_role].id,
			    sc->shifts[a->shift].id, all.total, lines_word(keep, &all), all.lines,
			    available, all.total);
		if (lent.total > (double)rotatable + 1e-6)
			return past_error(
			    keep, file, &lent, err,
			    "%s lent %.10g of its %s staff on %s before --now (%s %s), "
			    "above rotatable %ld in staff.csv as it now reads; put "
			    "rotatable back to at least %.10g, or give an earlier --now",
			    sc->partners[a->home].id, lent.total, sc->roles[a->worker_role].id,
			    sc->shifts[a->shift].id, lines_word(keep, &lent), lent.lines, rotatable,
			    lent.total);
	}
	return MU_OK;
}

/* Agency staff of one offer on one shift, and lent staff of one agreement
 * on one shift, before now against capacity and max_per_shift. */
static enum mu_code check_past_places(const struct mu_keep *keep, const char *file,
                                      const struct mu_scenario *sc, struct mu_err *err)
{
	size_t i, j;
	for (i = 0; i < keep->n_rows; i++) {
		const struct mu_keep_row *a = &keep->rows[i];
		struct past_rows p = {0};
		bool is_first = true;
		long limit;
		if ((a->source != MU_SRC_AGENCY && a->source != MU_SRC_LEND) ||
		    !is_fixed(keep, sc, a))
			continue;
		limit = a->source == MU_SRC_AGENCY ? sc->agency[a->offer].capacity
		                                   : sc->agreements[a->offer].max_per_shift;
		if (limit == MU_UNLIMITED)
			continue;
		for (j = 0; j < keep->n_rows && is_first; j++) {
			const struct mu_keep_row *b = &keep->rows[j];
			if (b->source != a->source || b->offer != a->offer ||
			    b->shift != a->shift || !is_fixed(keep, sc, b))
				continue;
			if (j < i)
				is_first = false;
			past_add(&p, b, b->staff);
		}
		if (!is_first || p.total <= (double)limit + 1e-6)
			continue;
		if (a->source == MU_SRC_AGENCY) {
			const struct mu_agency_offer *o = &sc->agency[a->offer];
			return past_error(
			    keep, file, &p, err,
			    "%.10g staff of %s's %s offer (partner %s) worked %s before "
			    "--now (%s %s), above its capacity %ld in agency.csv as it "
			    "now reads; put capacity back to at least %.10g, or give an "
			    "earlier --now",
			    p.total, o->supplier, sc->roles[o->role].id,
			    o->partner == MU_ALL ? "*" : sc->partners[o->partner].id,
			    sc->shifts[a->shift].id, lines_word(keep, &p), p.lines, limit, p.total);
		}
		{
			const struct mu_agreement *g = &sc->agreements[a->offer];
			return past_error(
			    keep, file, &p, err,
			    "%.10g staff were lent from %s to %s (role %s) on %s before "
			    "--now (%s %s), above max_per_shift %ld in agreements.csv as "
			    "it now reads; put max_per_shift back to at least %.10g, or "
			    "give an earlier --now",
			    p.total, sc->partners[g->from].id, sc->partners[g->to].id,
			    g->role == MU_ALL ? "*" : sc->roles[g->role].id,
			    sc->shifts[a->shift].id, lines_word(keep, &p), p.lines, limit, p.total);
		}
	}
	return MU_OK;
}

/* Agency spend before now (rate x unsocial factor x hours, as DESIGN.md §3
 * counts it against budgets) at each partner against its agency_budget,
 * and over the system against the setting. */
static enum mu_code check_past_budgets(const struct mu_keep *keep, const char *file,
                                       const struct mu_scenario *sc, struct mu_err *err)
{
	size_t p, i;
	for (p = 0; p <= sc->n_partners; p++) {
		bool is_system = p == sc->n_partners;
		bool has_budget =
		    is_system ? sc->settings.has_agency_budget : sc->partners[p].has_agency_budget;
		double budget =
		    is_system ? sc->settings.agency_budget : sc->partners[p].agency_budget;
		struct past_rows spent = {0};
		if (!has_budget)
			continue;
		for (i = 0; i < keep->n_rows; i++) {
			const struct mu_keep_row *k = &keep->rows[i];
			const struct mu_shift *s = &sc->shifts[k->shift];
			if (k->source != MU_SRC_AGENCY || !is_fixed(keep, sc, k) ||
			    (!is_system && k->partner != p))
				continue;
			past_add(&spent, k,
			         k->staff * sc->agency[k->offer].rate * (1 + s->enhancement) *
			             s->paid_hours);
		}
		if (spent.total <= budget + 0.005)
			continue;
		if (is_system)
			return past_error(
			    keep, file, &spent, err,
			    "the system's agency spend before --now is \xc2\xa3%.2f (%s "
			    "%s), above the agency_budget setting \xc2\xa3%.2f in "
			    "settings.csv as it now reads; put agency_budget back to at "
			    "least %.2f, or give an earlier --now",
			    spent.total, lines_word(keep, &spent), spent.lines, budget,
			    spent.total);
		return past_error(
		    keep, file, &spent, err,
		    "%s's agency spend before --now is \xc2\xa3%.2f (%s %s), above "
		    "its agency_budget \xc2\xa3%.2f in partners.csv as it now reads; "
		    "put agency_budget back to at least %.2f, or give an earlier --now",
		    sc->partners[p].id, spent.total, lines_word(keep, &spent), spent.lines, budget,
		    spent.total);
	}
	return MU_OK;
}

enum mu_code io_keep_check_past(const struct mu_keep *keep, const char *spec,
                                const struct mu_scenario *sc, struct mu_err *err)
{
	size_t w, i;
	char label[64];
	bool is_run = strncmp(spec, "run:", 4) == 0;
	enum mu_code rc;
	if (!keep->has_now)
		return MU_OK;
	if (is_run)
		snprintf(label, sizeof(label), "run %.40s", spec + 4);
	for (w = 0; w < sc->n_bank; w++) {
		double hours = 0;
		unsigned long first = 0;
		char lines[160] = "", shifts[160] = "", q[32];
		size_t n = 0, at;
		for (i = 0; i < keep->n_rows; i++) {
			const struct mu_keep_row *k = &keep->rows[i];
			/* a row no longer possible is not kept, so not fixed */
			if (!is_fixed_bank(keep, sc, k, w))
				continue;
			hours += k->staff * sc->shifts[k->shift].paid_hours;
			if (n++ == 0)
				first = k->line;
			at = strlen(lines);
			snprintf(lines + at, sizeof(lines) - at, "%s%lu", at ? ", " : "", k->line);
			at = strlen(shifts);
			snprintf(shifts + at, sizeof(shifts) - at, "%s%s", at ? ", " : "",
			         sc->shifts[k->shift].id);
		}
		if (hours <= sc->bank[w].max_hours + 1e-6) {
			rc = check_past_rest(keep, is_run ? label : spec, sc, w, err);
			if (rc != MU_OK)
				return rc;
			continue;
		}
		snprintf(q, sizeof(q), "%.10g", sc->bank[w].max_hours);
		return mu_err_set_at(
		    err, MU_E_INPUT, is_run ? label : spec, first, 0, NULL,
		    "the kept past cannot hold: bank worker %s worked %.10g hours before --now "
		    "(%s %s: %s), above max_hours %s in bank.csv as it now reads; put max_hours "
		    "back to at least %.10g, or give an earlier --now",
		    sc->bank[w].id, hours, is_run ? "stored rows" : "plan.csv lines", lines, shifts,
		    q, hours);
	}
	if ((rc = check_past_staff(keep, is_run ? label : spec, sc, err)) != MU_OK ||
	    (rc = check_past_places(keep, is_run ? label : spec, sc, err)) != MU_OK)
		return rc;
	return check_past_budgets(keep, is_run ? label : spec, sc, err);
}
