/*
 * io_scenario.c - reads every file of a scenario (DESIGN.md §2) into a
 * struct mu_scenario. Each table has a column list and a row reader; the
 * typed cell getters below report every bad cell and let reading go on, so
 * that `muster check` shows all errors at once.
 */
#include "io_scenario.h"

#include "core/mu_alloc.h"
#include "core/mu_map.h"
#include "core/mu_parse.h"
#include "io/io_csv.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 8

struct col_spec {
	const char *name;
	bool is_required; /* must be in the header; an empty cell is an error */
};

/* A set of ids of one table, and whether the table could be read at all:
 * references to a table that failed wholesale are not checked, so that one
 * broken header does not drown the real errors in "unknown ..." lines. */
struct id_set {
	struct mu_map map;
	bool is_usable;
};

struct loader {
	const struct io_source *src;
	struct mu_scenario *sc;
	struct mu_errlist *errors;
	size_t n_errors;
	struct id_set partners, roles, shifts, bank;
};

struct table {
	struct loader *ld;
	const char *file;
	const struct io_csv_table *csv;
	const struct col_spec *cols;
	size_t n_cols;
	long field_of[MAX_COLS]; /* header position of each column, -1 = absent */
	const struct io_csv_row *row;
	bool is_row_ok;     /* no error in the current row so far */
	struct mu_map keys; /* composite key -> line of first row */
};

/* ---- errors ---------------------------------------------------------- */

/* Every error goes through here: the list keeps it, the count rejects the
 * scenario (the list may be NULL). */
static void keep_error(struct loader *ld, const struct mu_err *err)
{
	mu_errlist_add(ld->errors, err);
	ld->n_errors++;
}

static void add_error(struct loader *ld, const char *file, unsigned long line, unsigned long col,
                      const char *column, const char *fmt, va_list ap)
{
	struct mu_err err;
	mu_err_clear(&err);
	mu_err_vset_at(&err, MU_E_INPUT, file, line, col, column, fmt, ap);
	keep_error(ld, &err);
}

/* An error at a place that is not a cell of a row being read: a file, a
 * header cell, a row's shape. line and col may be 0 (not known). */
static void place_error(struct loader *ld, const char *file, unsigned long line, unsigned long col,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void place_error(struct loader *ld, const char *file, unsigned long line, unsigned long col,
                        const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_error(ld, file, line, col, NULL, fmt, ap);
	va_end(ap);
}

static void cell_error(struct table *t, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void cell_error(struct table *t, size_t col, const char *fmt, ...)
{
	va_list ap;
	long field = t->field_of[col];
	unsigned long line = t->row->line, fieldno = 0;
	if (field >= 0) {
		line = t->csv->cells[t->row->first + (size_t)field].line;
		fieldno = (unsigned long)field + 1;
	}
	va_start(ap, fmt);
	add_error(t->ld, t->file, line, fieldno, t->cols[col].name, fmt, ap);
	va_end(ap);
	t->is_row_ok = false;
}

/* Appends name to the comma-separated list in out (of size bytes). */
static void list_append(char *out, size_t size, const char *name)
{
	size_t used = strlen(out);
	snprintf(out + used, size - used, "%s%s", used ? ", " : "", name);
}

/* ---- cells ----------------------------------------------------------- */

/* The trimmed text of column col in the current row; "" when absent. */
static const char *cell(const struct table *t, size_t col, size_t *len)
{
	const struct io_csv_cell *c;
	if (t->field_of[col] < 0) {
		*len = 0;
		return "";
	}
	c = &t->csv->cells[t->row->first + (size_t)t->field_of[col]];
	*len = c->len;
	return io_csv_cell_text(t->csv, c);
}

/* True when the cell has a value; reports an empty required cell. */
static bool has_value(struct table *t, size_t col)
{
	size_t len;
	cell(t, col, &len);
	if (len > 0)
		return true;
	if (t->cols[col].is_required)
		cell_error(t, col, "empty value in required column '%s'", t->cols[col].name);
	return false;
}

#define QUOTE(q, s, len) mu_err_quote((q), sizeof(q), (s), (len))

/* Reports (s, len) of column col unless it is an identifier. */
static bool check_identifier(struct table *t, size_t col, const char *s, size_t len)
{
	char q[256];
	if (mu_parse_is_identifier(s, len))
		return true;
	cell_error(t, col,
	           "invalid identifier '%s' in column '%s' (1-64 characters of A-Z a-z 0-9 _ . -)",
	           QUOTE(q, s, len), t->cols[col].name);
	return false;
}

static bool get_id(struct table *t, size_t col, char **out)
{
	size_t len;
	const char *s = cell(t, col, &len);
	if (!has_value(t, col))
		return false;
	if (!check_identifier(t, col, s, len))
		return false;
	if (out)
		*out = mu_strndup(s, len);
	return true;
}

/* Resolves an identifier against ids; `*` gives MU_ALL where allowed.
 * Returns false on any error, and when ids is not usable. */
static bool get_ref(struct table *t, size_t col, const struct id_set *ids, const char *what,
                    bool is_star_ok, size_t *out)
{
	size_t len;
	const char *s = cell(t, col, &len);
	char q[256];
	if (!has_value(t, col))
		return false;
	if (len == 1 && s[0] == '*') {
		if (is_star_ok) {
			*out = MU_ALL;
			return true;
		}
		cell_error(t, col, "'*' is not allowed in column '%s': name one %s",
		           t->cols[col].name, what);
		return false;
	}
	if (!check_identifier(t, col, s, len))
		return false;
	if (!ids->is_usable) {
		t->is_row_ok = false;
		return false;
	}
	if (!mu_map_get(&ids->map, s, len, out)) {
		cell_error(t, col, "unknown %s '%s'", what, QUOTE(q, s, len));
		return false;
	}
	return true;
}

static const struct mu_range RULE_MONEY = {.lo = 0, .hi = 1e9};
static const struct mu_range RULE_STAFF = {.lo = 0, .hi = 1e6};
static const struct mu_range RULE_PRIORITY = {.lo = 0, .hi = 1e6, .is_lo_open = true};
static const struct mu_range RULE_PAID_HOURS = {.lo = 0, .hi = 24, .is_lo_open = true};
static const struct mu_range RULE_ENHANCEMENT = {.lo = 0, .hi = 3};
static const struct mu_range RULE_MAX_HOURS = {.lo = 0, .hi = 10000, .is_lo_open = true};
static const struct mu_range RULE_EFFICIENCY = {.lo = 0, .hi = 1, .is_lo_open = true};
static const struct mu_range RULE_COUNT = {.lo = 0, .hi = 1e6, .is_integer = true};
static const struct mu_range RULE_TIER = {.lo = 1, .hi = 1000, .is_integer = true};

/* A number cell: empty gives dflt and *is_set = false (is_set may be NULL). */
static bool get_number(struct table *t, size_t col, const struct mu_range *rule, double dflt,
                       double *out, bool *is_set)
{
	size_t len;
	const char *s = cell(t, col, &len);
	char msg[400];
	if (is_set)
		*is_set = false;
	*out = dflt;
	if (!has_value(t, col))
		return !t->cols[col].is_required;
	if (!mu_parse_number(s, len, rule, out, msg, sizeof(msg))) {
		cell_error(t, col, "%s in column '%s'", msg, t->cols[col].name);
		*out = dflt;
		return false;
	}
	if (is_set)
		*is_set = true;
	return true;
}

static bool get_count(struct table *t, size_t col, const struct mu_range *rule, long dflt,
                      long *out)
{
	double v;
	bool ok = get_number(t, col, rule, (double)dflt, &v, NULL);
	*out = (long)v;
	return ok;
}

/* Free text (names, bands): at most MU_NAME_MAX characters; empty gives
 * dflt (copied). */
static bool get_text(struct table *t, size_t col, const char *dflt, char **out)
{
	size_t len;
	const char *s = cell(t, col, &len);
	if (len == 0) {
		*out = mu_strdup(dflt ? dflt : "");
		return true;
	}
	if (mu_parse_utf8_chars(s, len) > MU_NAME_MAX) {
		cell_error(t, col, "text longer than %d characters in column '%s'", MU_NAME_MAX,
		           t->cols[col].name);
		*out = mu_strdup(dflt ? dflt : "");
		return false;
	}
	*out = mu_strndup(s, len);
	return true;
}

static bool get_keyword(struct table *t, size_t col, const char *const *names, size_t n_names,
                        int dflt, int *out)
{
	size_t len, i;
	const char *s = cell(t, col, &len);
	char q[256], list[400] = "";
	*out = dflt;
	if (len == 0)
		return true;
	for (i = 0; i < n_names; i++)
		if (mu_parse_keyword_eq(s, len, names[i])) {
			*out = (int)i;
			return true;
		}
	for (i = 0; i < n_names; i++)
		list_append(list, sizeof(list), names[i]);
	cell_error(t, col, "unknown %s '%s' (one of %s)", t->cols[col].name, QUOTE(q, s, len),
	           list);
	return false;
}

static bool get_yes_no(struct table *t, size_t col, bool dflt, bool *out)
{
	size_t len;
	const char *s = cell(t, col, &len);
	char q[256];
	*out = dflt;
	if (len == 0)
		return true;
	if (!mu_parse_yes_no(s, len, out)) {
		cell_error(t, col, "invalid value '%s' in column '%s' (yes or no)",
		           QUOTE(q, s, len), t->cols[col].name);
		return false;
	}
	return true;
}

/* Registers a composite key (indices) of the current row; reports a repeat
 * at column col. text names the key for the message. */
static bool check_unique(struct table *t, size_t col, const size_t *idx, size_t n_idx,
                         const char *what)
{
	size_t first_line;
	if (mu_map_put(&t->keys, (const char *)idx, n_idx * sizeof(*idx), t->row->line))
		return true;
	mu_map_get(&t->keys, (const char *)idx, n_idx * sizeof(*idx), &first_line);
	cell_error(t, col, "repeated %s (first at line %zu)", what, first_line);
	return false;
}

/* Adds the row's id to ids, reporting a repeat. */
static bool add_id(struct table *t, size_t col, struct id_set *ids, size_t index, const char *what)
{
	size_t len, first;
	const char *s = cell(t, col, &len);
	char q[256];
	if (mu_map_put(&ids->map, s, len, index))
		return true;
	mu_map_get(&ids->map, s, len, &first);
	cell_error(t, col, "repeated %s id '%s'", what, QUOTE(q, s, len));
	return false;
}

/* ---- tables ---------------------------------------------------------- */

enum { P_ID, P_NAME, P_KIND, P_AGENCY_BUDGET, P_PAY_BILL };
static const struct col_spec partner_cols[] = {
    {"id", true}, {"name", false}, {"kind", false}, {"agency_budget", false}, {"pay_bill", false}};

static void read_partner(struct table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_partner p;
	char *id = NULL;
	int kind;
	memset(&p, 0, sizeof(p));
	/* The id is registered even when other cells are bad, so that
	 * references to it add no errors of their own. */
	if (get_id(t, P_ID, &id))
		add_id(t, P_ID, &t->ld->partners, sc->n_partners, "partner");
	get_text(t, P_NAME, id, &p.name);
	get_keyword(t, P_KIND, mu_partner_kind_names, MU_KIND_COUNT, MU_KIND_OTHER, &kind);
	p.kind = (enum mu_partner_kind)kind;
	get_number(t, P_AGENCY_BUDGET, &RULE_MONEY, 0, &p.agency_budget, &p.has_agency_budget);
	get_number(t, P_PAY_BILL, &RULE_MONEY, 0, &p.pay_bill, &p.has_pay_bill);
	p.id = id;
	if (!id) {
		free(p.name);
		return;
	}
	sc->partners = mu_grow_one(sc->partners, sc->n_partners, sizeof(*sc->partners));
	sc->partners[sc->n_partners++] = p;
}

enum { R_ID, R_NAME, R_GROUP, R_BAND };
static const struct col_spec role_cols[] = {
    {"id", true}, {"name", false}, {"group", false}, {"band", false}};

static void read_role(struct table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_role r;
	char *id = NULL;
	int group;
	memset(&r, 0, sizeof(r));
	if (get_id(t, R_ID, &id))
		add_id(t, R_ID, &t->ld->roles, sc->n_roles, "role");
	get_text(t, R_NAME, id, &r.name);
	get_keyword(t, R_GROUP, mu_role_group_names, MU_GROUP_COUNT, MU_GROUP_OTHER, &group);
	r.group = (enum mu_role_group)group;
	get_text(t, R_BAND, "", &r.band);
	r.id = id;
	if (!id) {
		free(r.name);
		free(r.band);
		return;
	}
	sc->roles = mu_grow_one(sc->roles, sc->n_roles, sizeof(*sc->roles));
	sc->roles[sc->n_roles++] = r;
}

enum { S_ID, S_DATE, S_START, S_END, S_PAID_HOURS, S_ENHANCEMENT };
static const struct col_spec shift_cols[] = {{"id", true},         {"date", true},
                                             {"start", true},      {"end", true},
                                             {"paid_hours", true}, {"enhancement", false}};

static bool get_time(struct table *t, size_t col, int *out)
{
	size_t len;
	const char *s = cell(t, col, &len);
	char q[256];
	if (!has_value(t, col))
		return false;
	if (!mu_parse_time(s, len, out)) {
		cell_error(t, col, "invalid time '%s' in column '%s'", QUOTE(q, s, len),
		           t->cols[col].name);
		return false;
	}
	return true;
}

static void read_shift(struct table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_shift s;
	char *id = NULL;
	size_t len;
	const char *text;
	char q[256];
	memset(&s, 0, sizeof(s));
	if (get_id(t, S_ID, &id))
		add_id(t, S_ID, &t->ld->shifts, sc->n_shifts, "shift");
	text = cell(t, S_DATE, &len);
	if (has_value(t, S_DATE) && !mu_parse_date(text, len, &s.day))
		cell_error(t, S_DATE, "invalid date '%s' in column 'date' (YYYY-MM-DD)",
		           QUOTE(q, text, len));
	get_time(t, S_START, &s.start_min);
	get_time(t, S_END, &s.end_min);
	get_number(t, S_PAID_HOURS, &RULE_PAID_HOURS, 0, &s.paid_hours, NULL);
	get_number(t, S_ENHANCEMENT, &RULE_ENHANCEMENT, 0, &s.enhancement, NULL);
	s.abs_start = s.day * 1440 + s.start_min;
	s.abs_end = s.day * 1440 + s.end_min + (s.end_min <= s.start_min ? 1440 : 0);
	s.id = id;
	if (!id)
		return;
	sc->shifts = mu_grow_one(sc->shifts, sc->n_shifts, sizeof(*sc->shifts));
	sc->shifts[sc->n_shifts++] = s;
}

enum { C_ROLE, C_BANK_RATE, C_AGENCY_CAP };
static const struct col_spec cap_cols[] = {
    {"role", true}, {"bank_rate", false}, {"agency_cap", false}};

static void read_cap(struct table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_cap c;
	memset(&c, 0, sizeof(c));
	if (get_ref(t, C_ROLE, &t->ld->roles, "role", false, &c.role))
		check_unique(t, C_ROLE, &c.role, 1, "role");
	get_number(t, C_BANK_RATE, &RULE_MONEY, 0, &c.bank_rate, &c.has_bank_rate);
	get_number(t, C_AGENCY_CAP, &RULE_MONEY, 0, &c.agency_cap, &c.has_agency_cap);
	if (!t->is_row_ok)
		return;
	*mu_scenario_cap_add(sc, c.role) = c;
}

enum { D_PARTNER, D_ROLE, D_SHIFT, D_REQUIRED, D_MINIMUM, D_PRIORITY };
static const struct col_spec demand_cols[] = {{"partner", true},  {"role", true},
                                              {"shift", true},    {"required", true},
                                              {"minimum", false}, {"priority", false}};

/* Resolves the (partner, role, shift) key of demand and staff rows. */
static bool get_prs(struct table *t, size_t *key, const char *what)
{
	bool ok = get_ref(t, 0, &t->ld->partners, "partner", false, &key[0]);
	ok = get_ref(t, 1, &t->ld->roles, "role", false, &key[1]) && ok;
	ok = get_ref(t, 2, &t->ld->shifts, "shift", false, &key[2]) && ok;
	return ok && check_unique(t, 0, key, 3, what);
}

static void read_demand(struct table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_demand d;
	size_t key[3];
	bool is_req_ok, is_min_ok;
	get_prs(t, key, "demand row (partner, role, shift)");
	is_req_ok = get_number(t, D_REQUIRED, &RULE_STAFF, 0, &d.required, NULL);
	is_min_ok = get_number(t, D_MINIMUM, &RULE_STAFF, 0, &d.minimum, NULL);
	get_number(t, D_PRIORITY, &RULE_PRIORITY, 1, &d.priority, NULL);
	if (is_req_ok && is_min_ok && d.minimum > d.required) {
		size_t l1, l2;
		const char *m = cell(t, D_MINIMUM, &l1), *r = cell(t, D_REQUIRED, &l2);
		char q1[256], q2[256];
		cell_error(t, D_MINIMUM, "minimum '%s' is more than required '%s'",
		           QUOTE(q1, m, l1), QUOTE(q2, r, l2));
	}
	if (!t->is_row_ok)
		return;
	d.partner = key[0], d.role = key[1], d.shift = key[2];
	sc->demand = mu_grow_one(sc->demand, sc->n_demand, sizeof(*sc->demand));
	sc->demand[sc->n_demand++] = d;
}

enum { F_PARTNER, F_ROLE, F_SHIFT, F_AVAILABLE, F_ROTATABLE };
static const struct col_spec staff_cols[] = {
    {"partner", true}, {"role", true}, {"shift", true}, {"available", true}, {"rotatable", false}};

static void read_staff(struct table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	struct mu_staff s;
	size_t key[3];
	bool is_avail_ok, is_rot_ok;
	get_prs(t, key, "staff row (partner, role, shift)");
	is_avail_ok = get_count(t, F_AVAILABLE, &RULE_COUNT, 0, &s.available);
	is_rot_ok = get_count(t, F_ROTATABLE, &RULE_COUNT, 0, &s.rotatable);
	if (is_avail_ok && is_rot_ok && s.rotatable > s.available)
		cell_error(t, F_ROTATABLE, "rotatable '%ld' is more than available '%ld'",
		           s.rotatable, s.available);
	if (!t->is_row_ok)
		return;
	s.partner = key[0], s.role = key[1], s.shift = key[2];
	sc->staff = mu_grow_one(sc->staff, sc->n_staff, sizeof(*sc->staff));
	sc->staff[sc->n_staff++] = s;
}

enum { B_ID, B_NAME, B_ROLE, B_HOME, B_MAX_HOURS, B_PARTNERS };
static const struct col_spec bank_cols[] = {{"id", true},         {"name", false},
                                            {"role", true},       {"home", true},
                                            {"max_hours", false}, {"partners", false}};

/* The `partners` cell of a bank worker: `*`, or `;`-separated partners. */
static void get_bank_partners(struct table *t, struct mu_bank_worker *w)
{
	size_t len, start = 0, cap = 0;
	const char *s = cell(t, B_PARTNERS, &len);
	char q[256];
	if (len == 0)
		return;
	if (len == 1 && s[0] == '*') {
		w->is_all_partners = true;
		return;
	}
	while (start <= len) {
		size_t end = start, a, b, idx;
		while (end < len && s[end] != ';')
			end++;
		a = start, b = end;
		while (a < b && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		if (b == a) {
			cell_error(t, B_PARTNERS, "empty partner in list '%s' in column 'partners'",
			           QUOTE(q, s, len));
			return;
		}
		if (b - a == 1 && s[a] == '*') {
			cell_error(t, B_PARTNERS,
			           "'*' must stand alone in column 'partners', not in '%s'",
			           QUOTE(q, s, len));
			return;
		}
		if (!mu_parse_is_identifier(s + a, b - a)) {
			cell_error(t, B_PARTNERS, "invalid identifier '%s' in column 'partners'",
			           QUOTE(q, s + a, b - a));
			return;
		}
		if (t->ld->partners.is_usable) {
			if (!mu_map_get(&t->ld->partners.map, s + a, b - a, &idx)) {
				cell_error(t, B_PARTNERS,
				           "unknown partner '%s' in column 'partners'",
				           QUOTE(q, s + a, b - a));
				return;
			}
			MU_GROW(w->partners, cap, w->n_partners + 1);
			w->partners[w->n_partners++] = idx;
		}
		start = end + 1;
	}
}

static void read_bank_worker(struct table *t)
{
	struct loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_bank_worker w;
	char *id = NULL;
	memset(&w, 0, sizeof(w));
	if (get_id(t, B_ID, &id))
		add_id(t, B_ID, &ld->bank, sc->n_bank, "bank worker");
	get_text(t, B_NAME, id, &w.name);
	if (get_ref(t, B_ROLE, &ld->roles, "role", false, &w.role)) {
		const struct mu_cap *c = mu_scenario_cap(sc, w.role);
		if (!c || !c->has_bank_rate) {
			size_t len;
			const char *s = cell(t, B_ROLE, &len);
			char q[256];
			cell_error(t, B_ROLE,
			           "role '%s' has no bank_rate in caps.csv, so the worker cannot "
			           "be costed",
			           QUOTE(q, s, len));
		}
	}
	get_ref(t, B_HOME, &ld->partners, "partner", false, &w.home);
	get_number(t, B_MAX_HOURS, &RULE_MAX_HOURS, 48, &w.max_hours, NULL);
	get_bank_partners(t, &w);
	w.id = id;
	if (!id) {
		free(w.name);
		free(w.partners);
		return;
	}
	/* Workers are kept even with bad cells so that availability rows that
	 * name them resolve; the scenario is rejected as a whole anyway. */
	sc->bank = mu_grow_one(sc->bank, sc->n_bank, sizeof(*sc->bank));
	sc->bank[sc->n_bank++] = w;
}

enum { V_WORKER, V_SHIFT };
static const struct col_spec availability_cols[] = {{"worker", true}, {"shift", true}};

static void read_availability(struct table *t)
{
	struct mu_scenario *sc = t->ld->sc;
	size_t key[2];
	bool ok = get_ref(t, V_WORKER, &t->ld->bank, "bank worker", false, &key[0]);
	ok = get_ref(t, V_SHIFT, &t->ld->shifts, "shift", false, &key[1]) && ok;
	if (!ok || !check_unique(t, V_WORKER, key, 2, "availability (worker, shift)"))
		return;
	sc->availability =
	    mu_grow_one(sc->availability, sc->n_availability, sizeof(*sc->availability));
	sc->availability[sc->n_availability].worker = key[0];
	sc->availability[sc->n_availability++].shift = key[1];
}

enum { A_SUPPLIER, A_TIER, A_FRAMEWORK, A_ROLE, A_PARTNER, A_RATE, A_CAPACITY };
static const struct col_spec agency_cols[] = {
    {"supplier", true}, {"tier", false}, {"framework", false}, {"role", true},
    {"partner", true},  {"rate", true},  {"capacity", false}};

static void read_agency_offer(struct table *t)
{
	struct loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_agency_offer a;
	size_t supplier_len;
	const char *supplier = cell(t, A_SUPPLIER, &supplier_len);
	bool is_supplier_ok;
	memset(&a, 0, sizeof(a));
	is_supplier_ok = get_id(t, A_SUPPLIER, NULL);
	get_count(t, A_TIER, &RULE_TIER, 1, &a.tier);
	get_yes_no(t, A_FRAMEWORK, true, &a.is_framework);
	get_ref(t, A_ROLE, &ld->roles, "role", false, &a.role);
	get_ref(t, A_PARTNER, &ld->partners, "partner", true, &a.partner);
	get_number(t, A_RATE, &RULE_MONEY, 0, &a.rate, NULL);
	get_count(t, A_CAPACITY, &RULE_COUNT, MU_UNLIMITED, &a.capacity);
	if (is_supplier_ok && t->is_row_ok) {
		/* The key is (supplier, role, partner); the supplier is text, so
		 * it goes into the key by its bytes after the two indices. */
		size_t n = 2 + (supplier_len + sizeof(size_t) - 1) / sizeof(size_t);
		size_t *key = mu_calloc(n, sizeof(size_t));
		key[0] = a.role;
		key[1] = a.partner;
		memcpy(key + 2, supplier, supplier_len);
		check_unique(t, A_SUPPLIER, key, n, "agency offer (supplier, role, partner)");
		free(key);
	}
	if (!t->is_row_ok)
		return;
	a.supplier = mu_strndup(supplier, supplier_len);
	sc->agency = mu_grow_one(sc->agency, sc->n_agency, sizeof(*sc->agency));
	sc->agency[sc->n_agency++] = a;
}

enum { G_FROM, G_TO, G_ROLE, G_MAX_PER_SHIFT, G_TRAVEL_COST, G_RECHARGE_RATE };
static const struct col_spec agreement_cols[] = {{"from", true},         {"to", true},
                                                 {"role", true},         {"max_per_shift", false},
                                                 {"travel_cost", false}, {"recharge_rate", false}};

static void read_agreement(struct table *t)
{
	struct loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_agreement g;
	bool is_from_ok, is_to_ok, is_role_ok;
	memset(&g, 0, sizeof(g));
	is_from_ok = get_ref(t, G_FROM, &ld->partners, "partner", false, &g.from);
	is_to_ok = get_ref(t, G_TO, &ld->partners, "partner", false, &g.to);
	is_role_ok = get_ref(t, G_ROLE, &ld->roles, "role", true, &g.role);
	if (is_from_ok && is_to_ok && g.from == g.to) {
		char q[256];
		size_t len;
		const char *s = cell(t, G_TO, &len);
		cell_error(t, G_TO, "agreement from partner '%s' to itself", QUOTE(q, s, len));
	} else if (is_from_ok && is_to_ok && is_role_ok) {
		size_t key[3] = {g.from, g.to, g.role};
		check_unique(t, G_FROM, key, 3, "agreement (from, to, role)");
	}
	get_count(t, G_MAX_PER_SHIFT, &RULE_COUNT, MU_UNLIMITED, &g.max_per_shift);
	get_number(t, G_TRAVEL_COST, &RULE_MONEY, 0, &g.travel_cost, NULL);
	get_number(t, G_RECHARGE_RATE, &RULE_MONEY, 0, &g.recharge_rate, NULL);
	if (!t->is_row_ok)
		return;
	sc->agreements = mu_grow_one(sc->agreements, sc->n_agreements, sizeof(*sc->agreements));
	sc->agreements[sc->n_agreements++] = g;
}

enum { U_ROLE, U_COVERS, U_EFFICIENCY };
static const struct col_spec substitution_cols[] = {
    {"role", true}, {"covers", true}, {"efficiency", false}};

static void read_substitution(struct table *t)
{
	struct loader *ld = t->ld;
	struct mu_scenario *sc = ld->sc;
	struct mu_substitution u;
	bool is_role_ok = get_ref(t, U_ROLE, &ld->roles, "role", false, &u.role);
	bool is_covers_ok = get_ref(t, U_COVERS, &ld->roles, "role", false, &u.covers);
	if (is_role_ok && is_covers_ok && u.role == u.covers) {
		char q[256];
		size_t len;
		const char *s = cell(t, U_COVERS, &len);
		cell_error(t, U_COVERS, "role '%s' covers itself", QUOTE(q, s, len));
	} else if (is_role_ok && is_covers_ok) {
		size_t key[2] = {u.role, u.covers};
		check_unique(t, U_ROLE, key, 2, "substitution (role, covers)");
	}
	get_number(t, U_EFFICIENCY, &RULE_EFFICIENCY, 1, &u.efficiency, NULL);
	if (!t->is_row_ok)
		return;
	sc->substitutions =
	    mu_grow_one(sc->substitutions, sc->n_substitutions, sizeof(*sc->substitutions));
	sc->substitutions[sc->n_substitutions++] = u;
}

enum { T_KEY, T_VALUE };
static const struct col_spec setting_cols[] = {{"key", true}, {"value", true}};

/* What a setting means, its range and default: mu_settings_table. */
static void read_setting(struct table *t)
{
	struct mu_settings *set = &t->ld->sc->settings;
	size_t klen, vlen, id;
	const char *key = cell(t, T_KEY, &klen), *value = cell(t, T_VALUE, &vlen);
	char q[256], msg[512], list[512] = "";
	if (!has_value(t, T_KEY))
		return;
	id = mu_settings_find(key, klen);
	if (id == MU_SETTING_COUNT) {
		for (id = 0; id < MU_SETTING_COUNT; id++)
			list_append(list, sizeof(list), mu_settings_table[id].key);
		cell_error(t, T_KEY, "unknown setting '%s' (one of %s)", QUOTE(q, key, klen), list);
		return;
	}
	if (!check_unique(t, T_KEY, &id, 1, "setting"))
		return;
	if (vlen == 0) {
		cell_error(t, T_VALUE, "empty value for setting '%s'", mu_settings_table[id].key);
		return;
	}
	if (!mu_settings_parse(set, id, value, vlen, msg, sizeof(msg)))
		cell_error(t, T_VALUE, "%s", msg);
}

/* ---- files ----------------------------------------------------------- */

struct file_spec {
	const char *name;
	bool is_required;      /* the file must exist */
	const char *needs_row; /* non-NULL: at least one row, named so */
	const struct col_spec *cols;
	size_t n_cols;
	void (*read_row)(struct table *t);
	struct id_set *(*ids)(struct loader *ld); /* the table's ids, if any */
};

static struct id_set *partner_ids(struct loader *ld)
{
	return &ld->partners;
}
static struct id_set *role_ids(struct loader *ld)
{
	return &ld->roles;
}
static struct id_set *shift_ids(struct loader *ld)
{
	return &ld->shifts;
}
static struct id_set *bank_ids(struct loader *ld)
{
	return &ld->bank;
}

#define COLS(c) c, sizeof(c) / sizeof(c[0])

/* In dependency order: a table is read after the tables it names. */
static const struct file_spec file_specs[] = {
    {"partners.csv", true, "partner", COLS(partner_cols), read_partner, partner_ids},
    {"roles.csv", true, "role", COLS(role_cols), read_role, role_ids},
    {"shifts.csv", true, "shift", COLS(shift_cols), read_shift, shift_ids},
    {"caps.csv", false, NULL, COLS(cap_cols), read_cap, NULL},
    {"demand.csv", true, "demand row", COLS(demand_cols), read_demand, NULL},
    {"staff.csv", true, NULL, COLS(staff_cols), read_staff, NULL},
    {"bank.csv", false, NULL, COLS(bank_cols), read_bank_worker, bank_ids},
    {"availability.csv", false, NULL, COLS(availability_cols), read_availability, NULL},
    {"agency.csv", false, NULL, COLS(agency_cols), read_agency_offer, NULL},
    {"agreements.csv", false, NULL, COLS(agreement_cols), read_agreement, NULL},
    {"substitutions.csv", false, NULL, COLS(substitution_cols), read_substitution, NULL},
    {"settings.csv", false, NULL, COLS(setting_cols), read_setting, NULL},
};
#define N_FILES (sizeof(file_specs) / sizeof(file_specs[0]))

const char *const io_scenario_file_names[] = {
    "partners.csv", "roles.csv",      "shifts.csv",        "caps.csv",
    "demand.csv",   "staff.csv",      "bank.csv",          "availability.csv",
    "agency.csv",   "agreements.csv", "substitutions.csv", "settings.csv"};
const size_t io_scenario_n_file_names = N_FILES;

/* Binds the header to the columns. False when the rows cannot be read. */
static bool bind_header(struct table *t)
{
	const struct io_csv_row *hdr = &t->csv->rows[0];
	bool ok = true;
	size_t i, k;
	char q[256];
	for (k = 0; k < t->n_cols; k++)
		t->field_of[k] = -1;
	for (i = 0; i < hdr->n_cells; i++) {
		const struct io_csv_cell *c = &t->csv->cells[hdr->first + i];
		const char *name = io_csv_cell_text(t->csv, c);
		bool is_known = false;
		if (c->len == 0) {
			place_error(t->ld, t->file, c->line, i + 1,
			            "empty column name (a trailing comma?)");
			ok = false;
			continue;
		}
		for (k = 0; k < t->n_cols; k++) {
			if (!mu_parse_keyword_eq(name, c->len, t->cols[k].name))
				continue;
			is_known = true;
			if (t->field_of[k] >= 0) {
				place_error(t->ld, t->file, c->line, i + 1, "repeated column '%s'",
				            QUOTE(q, name, c->len));
				ok = false;
			} else {
				t->field_of[k] = (long)i;
			}
		}
		if (!is_known) {
			char list[400] = "";
			for (k = 0; k < t->n_cols; k++)
				list_append(list, sizeof(list), t->cols[k].name);
			place_error(t->ld, t->file, c->line, i + 1,
			            "unknown column '%s' (columns: %s)", QUOTE(q, name, c->len),
			            list);
			ok = false;
		}
	}
	for (k = 0; k < t->n_cols; k++)
		if (t->cols[k].is_required && t->field_of[k] < 0) {
			place_error(t->ld, t->file, hdr->line, 0, "missing required column '%s'",
			            t->cols[k].name);
			ok = false;
		}
	return ok;
}

/* Checks the row has as many fields as the header. */
static bool row_fits(struct table *t, const struct io_csv_row *row, size_t n_header)
{
	const struct io_csv_row *hdr = &t->csv->rows[0];
	if (row->n_cells < n_header) {
		const struct io_csv_cell *c = &t->csv->cells[hdr->first + row->n_cells];
		place_error(t->ld, t->file, row->end_line, row->n_cells + 1,
		            "missing field '%s' (row has %zu of %zu)", io_csv_cell_text(t->csv, c),
		            row->n_cells, n_header);
		return false;
	}
	if (row->n_cells > n_header) {
		const struct io_csv_cell *c = &t->csv->cells[row->first + n_header];
		place_error(t->ld, t->file, c->line, n_header + 1,
		            "extra field (row has %zu, the header %zu)", row->n_cells, n_header);
		return false;
	}
	return true;
}

static void read_table(struct loader *ld, const struct file_spec *spec, const struct io_file *f)
{
	struct table t;
	struct io_csv_table *csv = NULL;
	struct mu_err err;
	struct id_set *ids = spec->ids ? spec->ids(ld) : NULL;
	size_t i, n_rows = 0;

	if (f->len == 0) {
		place_error(ld, spec->name, 0, 0, "empty file (it needs at least a header row)");
		return;
	}
	mu_err_clear(&err);
	if (io_csv_read(spec->name, f->data, f->len, &csv, &err) != MU_OK) {
		keep_error(ld, &err);
		return;
	}
	if (csv->n_rows == 0) {
		place_error(ld, spec->name, 0, 0,
		            "no header row (the file holds only blank lines)");
		io_csv_table_free(csv);
		return;
	}
	memset(&t, 0, sizeof(t));
	t.ld = ld;
	t.file = spec->name;
	t.csv = csv;
	t.cols = spec->cols;
	t.n_cols = spec->n_cols;
	mu_map_init(&t.keys);
	if (bind_header(&t)) {
		if (ids)
			ids->is_usable = true;
		for (i = 1; i < csv->n_rows; i++) {
			t.row = &csv->rows[i];
			t.is_row_ok = true;
			if (!row_fits(&t, t.row, csv->rows[0].n_cells))
				continue;
			spec->read_row(&t);
			n_rows++;
		}
		if (spec->needs_row && csv->n_rows == 1)
			place_error(ld, spec->name, 0, 0, "no rows (at least one %s is needed)",
			            spec->needs_row);
	}
	mu_map_release(&t.keys);
	io_csv_table_free(csv);
}

static bool is_known_file(const char *name)
{
	size_t i;
	for (i = 0; i < N_FILES; i++)
		if (strcmp(file_specs[i].name, name) == 0)
			return true;
	return false;
}

enum mu_code io_scenario_parse(const struct io_source *src, struct mu_scenario **out,
                               struct mu_errlist *errors)
{
	struct loader ld;
	size_t i;

	memset(&ld, 0, sizeof(ld));
	ld.src = src;
	ld.sc = mu_scenario_new();
	ld.errors = errors;
	mu_map_init(&ld.partners.map);
	mu_map_init(&ld.roles.map);
	mu_map_init(&ld.shifts.map);
	mu_map_init(&ld.bank.map);

	for (i = 0; i < src->n_files; i++)
		if (!is_known_file(src->files[i].name)) {
			place_error(
			    &ld, src->files[i].name, 0, 0,
			    "unknown file: a scenario holds only partners, roles, shifts, demand, "
			    "staff, bank, availability, agency, agreements, caps, substitutions "
			    "and settings .csv files");
		}
	for (i = 0; i < N_FILES; i++) {
		const struct file_spec *spec = &file_specs[i];
		const struct io_file *f = io_source_find(src, spec->name);
		if (!f) {
			if (spec->is_required)
				place_error(&ld, spec->name, 0, 0,
				            "missing: every scenario needs this file");
			else if (spec->ids)
				spec->ids(&ld)->is_usable =
				    true; /* an absent table is empty, not broken */
			continue;
		}
		read_table(&ld, spec, f);
	}

	mu_map_release(&ld.partners.map);
	mu_map_release(&ld.roles.map);
	mu_map_release(&ld.shifts.map);
	mu_map_release(&ld.bank.map);
	if (ld.n_errors > 0) {
		mu_scenario_free(ld.sc);
		return MU_E_INPUT;
	}
	*out = ld.sc;
	return MU_OK;
}
