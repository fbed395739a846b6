/*
 * io_history.c - reads history.csv (DESIGN.md §3e) with the scenario's own
 * machinery (io_table: the header, typed cells, errors at their cell, one
 * error per cause with its count) into a struct mu_history, against the
 * partners and roles of a loaded scenario. The file is streamed in 64 KiB
 * pieces and each row kept as 32 bytes of typed columns plus its line (4
 * bytes, for the messages), so a 1,000,000-row file of about 40 MB takes
 * about 36 MB, and 48 MB at the peak while it is sorted into series: well
 * under the 4x its size that §3e allows. A repeated (partner, role, date,
 * start) is found by that sort, not by a map of keys (which would cost
 * more than the rows), once every row is read.
 */
#include "io_history.h"

#include "io_report.h"
#include "io_scenario_int.h"
#include "io_source.h"

#include "core/mu_alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct mu_range RULE_STAFF = {.lo = 0, .hi = 1e6};
static const struct mu_range RULE_COUNT = {.lo = 0, .hi = 1e6, .is_integer = true};

/* Bytes read from the file at a time. */
#define CHUNK (64 * 1024)
/* Series and rows a warning names before it counts the rest. */
#define NAMED 5

enum { H_PARTNER, H_ROLE, H_DATE, H_START, H_REQUIRED, H_ABSENT, H_N_COLS };
static const struct io_col history_cols[] = {{"partner", true},  {"role", true},
                                             {"date", true},     {"start", true},
                                             {"required", true}, {"absent", false}};

/* Reading one history: the loader first, so that the row reader finds
 * the rest from its table's t->ld. */
struct history_reader {
	struct io_loader ld;
	const char *file;
	struct mu_history h;
	bool is_started;         /* the first good row has set up h */
	long field_of[H_N_COLS]; /* the header's place of each column (-1: absent) */
	uint32_t *line;          /* per row of h, its line in the file */
	size_t line_cap;
};

static void read_history_row(struct io_table *t)
{
	struct history_reader *r = (struct history_reader *)t->ld;
	struct mu_history_row row;
	long absent = 0;
	memset(&row, 0, sizeof(row));
	io_table_ref(t, H_PARTNER, &r->ld.partners, "partner", false, &row.partner);
	io_table_ref(t, H_ROLE, &r->ld.roles, "role", false, &row.role);
	io_table_date(t, H_DATE, &row.day);
	io_table_time(t, H_START, &row.start);
	io_table_number(t, H_REQUIRED, &RULE_STAFF, 0, &row.required, NULL);
	io_table_count(t, H_ABSENT, &RULE_COUNT, 0, &absent);
	if (!t->is_row_ok)
		return;
	row.absent = (int)absent;
	if (!r->is_started) {
		r->is_started = true;
		mu_history_init(&r->h, t->field_of[H_ABSENT] >= 0);
		memcpy(r->field_of, t->field_of, sizeof(r->field_of));
	}
	MU_GROW(r->line, r->line_cap, r->h.n_rows + 1);
	/* a cell of a good row holds no line break: the row is on one line,
	 * and the file (at most 1,000,000 rows of any length) has fewer than
	 * 2^32 lines for any file it can read in reasonable time */
	r->line[r->h.n_rows] = (uint32_t)t->row->line;
	mu_history_append(&r->h, &row);
}

static const struct io_file_spec history_spec = {
    .name = IO_SOURCE_HISTORY,
    .is_required = false,
    .needs_row = NULL,
    .cols = history_cols,
    .n_cols = H_N_COLS,
    .read_row = read_history_row,
    .ids = NULL,
};

/* An empty id set, usable: filled with the scenario's ids. */
static void ids_init(struct io_id_set *ids, const char *file)
{
	mu_map_init(&ids->map);
	mu_map_init(&ids->broken);
	ids->file = file;
	ids->is_usable = true;
}

static void release_ids(struct io_id_set *ids)
{
	mu_map_release(&ids->map);
	mu_map_release(&ids->broken);
	free(ids->is_named);
}

static void reader_init(struct history_reader *r, const char *name, const struct mu_scenario *sc,
                        struct mu_errlist *errors, struct mu_errlist *warnings)
{
	size_t i;
	memset(r, 0, sizeof(*r));
	/* the loader's row readers write into its scenario; this one only
	 * looks partners and roles up */
	r->ld.sc = (struct mu_scenario *)sc;
	r->ld.errors = errors;
	r->ld.warnings = warnings;
	r->file = name;
	mu_map_init(&r->ld.cause_of);
	ids_init(&r->ld.partners, "partners.csv");
	ids_init(&r->ld.roles, "roles.csv");
	for (i = 0; i < sc->n_partners; i++)
		mu_map_put(&r->ld.partners.map, sc->partners[i].id, strlen(sc->partners[i].id), i);
	for (i = 0; i < sc->n_roles; i++)
		mu_map_put(&r->ld.roles.map, sc->roles[i].id, strlen(sc->roles[i].id), i);
	mu_history_init(&r->h, false);
}

static void reader_release(struct history_reader *r)
{
	release_ids(&r->ld.partners);
	release_ids(&r->ld.roles);
	mu_map_release(&r->ld.cause_of);
	free(r->ld.causes);
	free(r->line);
	mu_history_release(&r->h);
}

/* ---- repeated rows ---------------------------------------------------- */

struct repeat {
	uint32_t line, first;
};

static int by_line(const void *a, const void *b)
{
	const struct repeat *x = a, *y = b;
	return x->line < y->line ? -1 : x->line > y->line;
}

static bool same_key(const struct mu_history *h, size_t a, size_t b)
{
	return h->partner[a] == h->partner[b] && h->role[a] == h->role[b] &&
	       h->start[a] == h->start[b] && h->day[a] == h->day[b];
}

/* Sorts the rows into series (their lines with them) and reports each
 * repeated (partner, role, date, start) at the later row's partner cell,
 * in line order. */
static void sort_and_find_repeats(struct history_reader *r)
{
	struct mu_history *h = &r->h;
	uint32_t *order = mu_history_sort(h);
	struct repeat *rep = NULL;
	size_t i, n_rep = 0, group = 0;
	if (!order)
		return;
	/* the rows' lines in the new order, in the permutation's own room */
	for (i = 0; i < h->n_rows; i++)
		order[i] = r->line[order[i]];
	free(r->line);
	r->line = order;
	r->line_cap = h->n_rows;
	for (i = 1; i < h->n_rows; i++) {
		if (!same_key(h, i, group)) {
			group = i;
			continue;
		}
		/* the sort is stable: the group's first row is the file's first */
		rep = mu_grow_one(rep, n_rep, sizeof(*rep));
		rep[n_rep].line = r->line[i];
		rep[n_rep++].first = r->line[group];
	}
	if (n_rep > 1)
		qsort(rep, n_rep, sizeof(*rep), by_line);
	for (i = 0; i < n_rep; i++)
		io_table_place_error(&r->ld, r->file, rep[i].line,
		                     (unsigned long)r->field_of[H_PARTNER] + 1,
		                     "repeated history row (partner, role, date, start) (first at "
		                     "line %lu)",
		                     (unsigned long)rep[i].first);
	free(rep);
}

/* ---- warnings --------------------------------------------------------- */

/* "(a, rn, 07:00)" */
static void key_text(char *buf, size_t size, const struct mu_scenario *sc, size_t partner,
                     size_t role, int start)
{
	snprintf(buf, size, "(%s, %s, %02d:%02d)", sc->partners[partner].id, sc->roles[role].id,
	         start / 60, start % 60);
}

/* Rows of days the scenario plans: the history should end before them. */
static void warn_future(struct history_reader *r)
{
	const struct mu_scenario *sc = r->ld.sc;
	const struct mu_history *h = &r->h;
	size_t i, n_after = 0;
	long first_day = 0, last_day = 0;
	uint32_t first_line = 0;
	char d1[16], d2[16];
	if (sc->n_shifts == 0)
		return;
	first_day = sc->shifts[0].day;
	for (i = 1; i < sc->n_shifts; i++)
		if (sc->shifts[i].day < first_day)
			first_day = sc->shifts[i].day;
	for (i = 0; i < h->n_rows; i++) {
		if (h->day[i] < first_day)
			continue;
		if (n_after++ == 0 || r->line[i] < first_line)
			first_line = r->line[i];
		if (n_after == 1 || h->day[i] > last_day)
			last_day = h->day[i];
	}
	if (n_after == 0)
		return;
	io_report_date_text(d1, sizeof(d1), first_day);
	io_report_date_text(d2, sizeof(d2), last_day);
	io_warnings_at(
	    &r->ld, r->file, first_line, (unsigned long)r->field_of[H_DATE] + 1,
	    "%zu row%s of days on or after %s, the scenario's first shift (the last %s): "
	    "the history is what happened before the days it forecasts",
	    n_after, n_after == 1 ? "" : "s", d1, d2);
}

/* The median of the n values at v (sorted in place). */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* A required far above its series' median: a digit too many, or a
 * decimal point lost (12.5 typed as 125). */
static void warn_outliers(struct history_reader *r, const struct mu_history_series *list,
                          size_t n_series)
{
	const struct mu_scenario *sc = r->ld.sc;
	const struct mu_history *h = &r->h;
	size_t s, i, longest = 0, n_warned = 0;
	double *v;
	for (s = 0; s < n_series; s++)
		if (list[s].n_rows > longest)
			longest = list[s].n_rows;
	v = mu_reallocarray(NULL, longest, sizeof(*v));
	for (s = 0; s < n_series; s++) {
		const struct mu_history_series *se = &list[s];
		double m;
		char key[256];
		memcpy(v, h->required + se->first, se->n_rows * sizeof(*v));
		m = median(v, se->n_rows);
		if (m <= 0)
			continue;
		for (i = se->first; i < se->first + se->n_rows; i++) {
			if (h->required[i] <= IO_HISTORY_OUTLIER * m)
				continue;
			if (n_warned++ >= NAMED)
				continue;
			key_text(key, sizeof(key), sc, se->partner, se->role, se->start);
			io_warnings_at(
			    &r->ld, r->file, r->line[i], (unsigned long)r->field_of[H_REQUIRED] + 1,
			    "required %.15g is more than %d times the median %.15g of %s: "
			    "a digit too many, or a lost decimal point?",
			    h->required[i], IO_HISTORY_OUTLIER, m, key);
		}
	}
	if (n_warned > NAMED)
		io_warnings_at(&r->ld, r->file, 0, 0,
		               "and %zu more rows whose required is more than %d times their "
		               "series' median",
		               n_warned - NAMED, IO_HISTORY_OUTLIER);
	free(v);
}

/* Appends "(a, rn, 07:00) what" to a list of at most NAMED, then counts. */
static void name_key(char *out, size_t size, size_t *n, const char *key, const char *what)
{
	size_t used = strlen(out);
	if ((*n)++ < NAMED && used < size)
		snprintf(out + used, size - used, "%s%s%s", used ? ", " : "", key, what);
}

static void and_more(char *out, size_t size, size_t n)
{
	size_t used = strlen(out);
	if (n > NAMED && used < size)
		snprintf(out + used, size - used, " and %zu more", n - NAMED);
}

/* The series the scenario's demand rows need: none in the history (a
 * start time or an id that differs between the files, most often), or
 * one too short for the backtest. Counted by (partner, role, start), not
 * by demand row: a week of one shift a day is one series. */
static void warn_needed_series(struct history_reader *r, const struct mu_history_series *list,
                               size_t n_series)
{
	const struct mu_scenario *sc = r->ld.sc;
	const struct mu_history *h = &r->h;
	struct mu_map seen;
	size_t d, n_needed = 0, n_missing = 0, n_short = 0;
	char missing[600] = "", short_[600] = "";
	mu_map_init(&seen);
	for (d = 0; d < sc->n_demand; d++) {
		const struct mu_demand *dm = &sc->demand[d];
		int start = sc->shifts[dm->shift].start_min;
		size_t key[3] = {dm->partner, dm->role, (size_t)start};
		const struct mu_history_series *se;
		char text[256];
		if (!mu_map_put(&seen, (const char *)key, sizeof(key), d))
			continue;
		n_needed++;
		key_text(text, sizeof(text), sc, dm->partner, dm->role, start);
		se = mu_history_series_find(list, n_series, dm->partner, dm->role, start);
		if (!se) {
			name_key(missing, sizeof(missing), &n_missing, text, "");
		} else {
			long days = h->day[se->first + se->n_rows - 1] - h->day[se->first] + 1;
			char what[64];
			if (days >= IO_HISTORY_MIN_DAYS)
				continue;
			snprintf(what, sizeof(what), " %ld day%s", days, days == 1 ? "" : "s");
			name_key(short_, sizeof(short_), &n_short, text, what);
		}
	}
	mu_map_release(&seen);
	and_more(missing, sizeof(missing), n_missing);
	and_more(short_, sizeof(short_), n_short);
	if (n_missing > 0)
		io_warnings_at(
		    &r->ld, r->file, 0, 0,
		    "no history for %zu of the %zu (partner, role, start) the scenario's "
		    "demand rows have, so there is nothing to forecast them from: %s",
		    n_missing, n_needed, missing);
	if (n_short > 0)
		io_warnings_at(&r->ld, r->file, 0, 0,
		               "less than %d weeks of history for %zu of the %zu (partner, role, "
		               "start) the scenario's demand rows have (the backtest needs %d "
		               "weeks): %s",
		               IO_HISTORY_MIN_DAYS / 7, n_short, n_needed, IO_HISTORY_MIN_DAYS / 7,
		               short_);
}

static void add_warnings(struct history_reader *r)
{
	struct mu_history_series *list = NULL;
	size_t n_series;
	if (!r->ld.warnings)
		return;
	if (r->h.n_rows == 0) {
		io_warnings_at(&r->ld, r->file, 0, 0,
		               "no rows, so there is nothing to forecast from (one row per past "
		               "shift: partner, role, date, start, required)");
		return;
	}
	n_series = mu_history_series_list(&r->h, &list);
	warn_future(r);
	warn_needed_series(r, list, n_series);
	warn_outliers(r, list, n_series);
	free(list);
}

/* ---- reading ---------------------------------------------------------- */

static enum mu_code finish(struct history_reader *r, struct mu_history *out)
{
	sort_and_find_repeats(r);
	io_causes_word(&r->ld);
	if (r->ld.n_errors > 0)
		return MU_E_INPUT;
	mu_history_shrink(&r->h);
	add_warnings(r);
	*out = r->h;
	mu_history_init(&r->h, false); /* out owns the arrays now */
	return MU_OK;
}

/* A file in memory, handed over whole, then the end. */
struct whole {
	const char *data;
	size_t len;
	bool is_given;
};

static enum mu_code next_whole(void *user, const char **data, size_t *len, struct mu_err *err)
{
	struct whole *w = user;
	(void)err;
	*data = w->data;
	*len = w->is_given ? 0 : w->len;
	w->is_given = true;
	return MU_OK;
}

enum mu_code io_history_parse(const char *name, const char *data, size_t len,
                              const struct mu_scenario *sc, struct mu_history *out,
                              struct mu_errlist *errors, struct mu_errlist *warnings)
{
	struct history_reader r;
	struct whole w = {data, len, false};
	enum mu_code rc;
	reader_init(&r, name, sc, errors, warnings);
	io_table_read_stream(&r.ld, &history_spec, name, next_whole, &w);
	rc = finish(&r, out);
	reader_release(&r);
	return rc;
}

/* A file read a piece at a time. */
struct stream {
	int fd;
	const char *name;
	char *buf;
	bool has_failed;
};

static enum mu_code next_piece(void *user, const char **data, size_t *len, struct mu_err *err)
{
	struct stream *s = user;
	size_t got = 0;
	/* a whole piece, unless the file ends: the first holds the 8 bytes
	 * that tell a spreadsheet's file */
	while (got < CHUNK) {
		ssize_t n = read(s->fd, s->buf + got, CHUNK - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			s->has_failed = true;
			return mu_err_set_at(err, MU_E_IO, s->name, 0, 0, NULL, "cannot read: %s",
			                     strerror(errno));
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	*data = s->buf;
	*len = got;
	return MU_OK;
}

enum mu_code io_history_read(const char *path, const char *name, const struct mu_scenario *sc,
                             struct mu_history *out, struct mu_errlist *errors,
                             struct mu_errlist *warnings)
{
	struct history_reader r;
	struct stream s = {-1, name, NULL, false};
	struct stat st;
	const char *what;
	enum mu_code rc;

	/* the stat first: a FIFO or a device is never opened (it could block
	 * or never end); O_NONBLOCK and the fstat cover a swap in between */
	if (stat(path, &st) != 0) {
		mu_errlist_add_at(errors, MU_E_IO, name, 0, 0, NULL, "cannot open: %s",
		                  strerror(errno));
		return MU_E_IO;
	}
	if ((what = io_source_not_regular_kind(st.st_mode)) == NULL) {
		s.fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (s.fd < 0) {
			mu_errlist_add_at(errors, MU_E_IO, name, 0, 0, NULL, "cannot open: %s",
			                  strerror(errno));
			return MU_E_IO;
		}
		if (fstat(s.fd, &st) != 0)
			what = "not a file";
		else
			what = io_source_not_regular_kind(st.st_mode);
	}
	if (what) {
		if (s.fd >= 0)
			close(s.fd);
		mu_errlist_add_at(errors, MU_E_INPUT, name, 0, 0, NULL,
		                  "not a regular file (%s): the history is a plain CSV file", what);
		return MU_E_INPUT;
	}
	s.buf = mu_malloc(CHUNK);
	reader_init(&r, name, sc, errors, warnings);
	io_table_read_stream(&r.ld, &history_spec, name, next_piece, &s);
	close(s.fd);
	free(s.buf);
	rc = finish(&r, out);
	reader_release(&r);
	return rc == MU_E_INPUT && s.has_failed ? MU_E_IO : rc;
}
