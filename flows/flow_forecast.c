/*
 * flow_forecast.c - `muster forecast` (DESIGN.md §3e): for each demand row
 * a forecast of its `required`, and for each staff row of its `absent`
 * (when history.csv has that column), from the history of the same
 * (partner, role, shift start), on the day of the row's shift.
 *
 * The rows are grouped by (quantity, partner, role, start); a group is one
 * series of the history, forecast once on the distinct days of its rows
 * (core/mu_forecast: the method chosen by backtest, p10/p50/p90 and mean).
 * Every series ends on the history's last day (the days after a series'
 * own last row are days with no record), so that the joint draws line the
 * same past days up across series (mu_forecast_draw). A group with no
 * history keeps the scenario's own figure, with no spread and no draws.
 *
 * demand.csv's required is each row's forecast at the quantile Q, read
 * between p10, p50 and p90 (piecewise linear: those are the points the
 * backtest measured); Q = 0.5 is p50.
 */
#include "flows/flow_forecast.h"

#include "core/mu_alloc.h"
#include "core/mu_format.h"
#include "core/mu_forecast.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The history charted on the page: the last 8 weeks. */
#define PAST_DAYS 56

/* A demand or staff row, as its series and day. */
struct item {
	enum mu_fc_quantity quantity;
	size_t partner, role;
	int start;
	long day;
	size_t row;    /* into sc->demand or sc->staff */
	size_t group;  /* its series, once grouped */
	size_t target; /* its day among the group's targets */
};

static int cmp_items(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	if (x->quantity != y->quantity)
		return x->quantity < y->quantity ? -1 : 1;
	if (x->partner != y->partner)
		return x->partner < y->partner ? -1 : 1;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static bool same_series(const struct item *x, const struct item *y)
{
	return x->quantity == y->quantity && x->partner == y->partner && x->role == y->role &&
	       x->start == y->start;
}

/* A series of the history and what was made of it. */
struct group {
	size_t first_item, n_items;
	long *targets; /* distinct days, ascending */
	size_t n_targets;
	bool has_fc;
	struct mu_forecast fc;
	double *values; /* the daily series fc was made from */
	long first_day;
	size_t n_days, n_records;
	size_t table_series;
};

static enum mu_fc_table_method table_method(enum mu_fc_method m)
{
	switch (m) {
	case MU_FC_SNAIVE:
		return MU_FCT_SEASONAL_NAIVE;
	case MU_FC_PROFILE:
		return MU_FCT_WEEKDAY_PROFILE;
	case MU_FC_TREND:
		return MU_FCT_PROFILE_TREND;
	case MU_FC_HOLT_WINTERS:
	default:
		return MU_FCT_HOLT_WINTERS;
	}
}

/* The value at quantile q of a forecast known at p10, p50 and p90. */
static double at_quantile(double q, double p10, double p50, double p90)
{
	if (q <= 0.5)
		return p10 + (p50 - p10) * (q - 0.1) / 0.4;
	return p50 + (p90 - p50) * (q - 0.5) / 0.4;
}

/* The items of sc: its demand rows (required), then its staff rows
 * (absent) when the history has absences. */
static struct item *items_of(const struct mu_scenario *sc, bool has_absent, size_t *n)
{
	struct item *it = mu_calloc(sc->n_demand + sc->n_staff + 1, sizeof(*it));
	size_t i, k = 0;
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		const struct mu_shift *s = &sc->shifts[d->shift];
		it[k++] = (struct item){MU_FCQ_REQUIRED, d->partner, d->role, s->start_min,
		                        s->day,          i,          0,       0};
	}
	for (i = 0; has_absent && i < sc->n_staff; i++) {
		const struct mu_staff *st = &sc->staff[i];
		const struct mu_shift *s = &sc->shifts[st->shift];
		it[k++] = (struct item){MU_FCQ_ABSENT, st->partner, st->role, s->start_min,
		                        s->day,        i,           0,        0};
	}
	*n = k;
	return it;
}

/* The daily series of g's history (its quantity), from its first row to
 * last_day. */
static void series_of(struct group *g, const struct item *head, const struct mu_history *h,
                      const struct mu_history_series *hs, long last_day)
{
	size_t i;
	g->first_day = h->day[hs->first];
	g->n_days = (size_t)(last_day - g->first_day + 1);
	g->values = mu_malloc(g->n_days * sizeof(double));
	for (i = 0; i < g->n_days; i++)
		g->values[i] = NAN;
	for (i = hs->first; i < hs->first + hs->n_rows; i++)
		g->values[h->day[i] - g->first_day] =
		    head->quantity == MU_FCQ_ABSENT ? (double)h->absent[i] : h->required[i];
	g->n_records = hs->n_rows;
}

/* The table's series for g (whose items start at head). */
static void add_table_series(struct mu_fc_table *t, struct group *g, const struct item *head,
                             const struct mu_scenario *sc)
{
	bool has_fc = g->has_fc && !(g->fc.flags & MU_FC_EMPTY);
	size_t n_past = has_fc ? (g->n_days < PAST_DAYS ? g->n_days : PAST_DAYS) : 0;
	struct mu_fc_series *s = mu_forecast_table_add_series(t, n_past, g->n_targets);
	size_t i;
	g->table_series = t->n_series - 1;
	s->partner = head->partner;
	s->role = head->role;
	s->start = head->start;
	s->quantity = head->quantity;
	s->n_records = has_fc ? g->n_records : 0;
	if (!has_fc) {
		s->method = MU_FCT_NO_HISTORY;
		for (i = 0; i < g->n_targets; i++) {
			/* the scenario's own figure: the first row's of that day */
			const struct item *it = head;
			while (it->day != g->targets[i])
				it++;
			s->ahead_day[i] = g->targets[i];
			s->ahead_mean[i] = s->ahead_p10[i] = s->ahead_p90[i] =
			    it->quantity == MU_FCQ_REQUIRED ? sc->demand[it->row].required : 0;
		}
		return;
	}
	s->method = table_method(g->fc.method);
	s->is_backtested = !(g->fc.flags & MU_FC_NO_BACKTEST);
	s->mase = s->is_backtested ? g->fc.mase : NAN;
	s->coverage80 = s->is_backtested ? g->fc.coverage : NAN;
	for (i = 0; i < n_past; i++) {
		size_t d = g->n_days - n_past + i;
		s->past_day[i] = g->first_day + (long)d;
		s->past_value[i] = g->values[d];
	}
	for (i = 0; i < g->n_targets; i++) {
		s->ahead_day[i] = g->fc.point[i].day;
		s->ahead_mean[i] = g->fc.point[i].mean;
		s->ahead_p10[i] = g->fc.point[i].p10;
		s->ahead_p90[i] = g->fc.point[i].p90;
	}
}

/* Row i of the table from its item. */
static void add_table_row(struct mu_fc_table *t, const struct item *it, const struct group *g,
                          const struct mu_scenario *sc, double q)
{
	struct mu_fc_row *r = mu_forecast_table_add_row(t);
	r->quantity = it->quantity;
	r->row = it->row;
	r->series = g->table_series;
	if (it->quantity == MU_FCQ_REQUIRED) {
		r->partner = sc->demand[it->row].partner;
		r->role = sc->demand[it->row].role;
		r->shift = sc->demand[it->row].shift;
	} else {
		r->partner = sc->staff[it->row].partner;
		r->role = sc->staff[it->row].role;
		r->shift = sc->staff[it->row].shift;
	}
	if (g->has_fc && !(g->fc.flags & MU_FC_EMPTY)) {
		const struct mu_fc_point *p = &g->fc.point[it->target];
		r->mean = p->mean;
		r->p10 = p->p10;
		r->p50 = p->p50;
		r->p90 = p->p90;
		r->at_q = at_quantile(q, p->p10, p->p50, p->p90);
		if (it->quantity == MU_FCQ_ABSENT)
			r->at_q = round(r->at_q);
	} else {
		double own = it->quantity == MU_FCQ_REQUIRED ? sc->demand[it->row].required : 0;
		r->mean = r->p10 = r->p50 = r->p90 = r->at_q = own;
	}
}

/* The joint draws of every forecast group into draws (t's layout:
 * draws[s * n_rows + i]), seeded with seed. */
static void draw(struct mu_fc_table *t, struct group *groups, size_t n_groups,
                 const struct item *items, const size_t *item_of_row, uint64_t seed, double *draws)
{
	const struct mu_forecast **fc = mu_calloc(n_groups + 1, sizeof(*fc));
	double **out = mu_calloc(n_groups + 1, sizeof(*out));
	size_t *slot = mu_calloc(n_groups + 1, sizeof(*slot));
	size_t n = 0, i, s;
	for (i = 0; i < n_groups; i++) {
		if (!groups[i].has_fc || (groups[i].fc.flags & MU_FC_EMPTY))
			continue;
		slot[i] = n;
		fc[n] = &groups[i].fc;
		out[n] = mu_malloc((t->n_draws * groups[i].n_targets + 1) * sizeof(double));
		n++;
	}
	if (n > 0)
		mu_forecast_draw(fc, n, t->n_draws, seed, out);
	for (i = 0; i < t->n_rows; i++) {
		const struct item *it = &items[item_of_row[i]];
		const struct group *g = &groups[it->group];
		if (!g->has_fc || (g->fc.flags & MU_FC_EMPTY))
			continue; /* NAN: the file leaves it empty */
		for (s = 0; s < t->n_draws; s++)
			draws[s * t->n_rows + i] =
			    out[slot[it->group]][s * g->n_targets + it->target];
	}
	for (i = 0; i < n; i++)
		free(out[i]);
	free(out);
	free(fc);
	free(slot);
}

/* The history's first and last day (every row's), in one pass. */
static void history_span(const struct mu_history *h, long *first, long *last)
{
	size_t i;
	*first = *last = h->n_rows ? h->day[0] : 0;
	for (i = 1; i < h->n_rows; i++) {
		if (h->day[i] < *first)
			*first = h->day[i];
		if (h->day[i] > *last)
			*last = h->day[i];
	}
}

/* The groups of the sorted items: each group's items and distinct days. */
static struct group *group_items(struct item *items, size_t n_items, size_t *n_groups)
{
	struct group *groups = mu_calloc(n_items + 1, sizeof(*groups));
	size_t n = 0, i = 0, j, k;
	while (i < n_items) {
		struct group *g = &groups[n];
		for (j = i + 1; j < n_items && same_series(&items[i], &items[j]); j++)
			;
		g->first_item = i;
		g->n_items = j - i;
		g->targets = mu_malloc((j - i) * sizeof(long));
		for (k = i; k < j; k++) {
			if (g->n_targets == 0 || g->targets[g->n_targets - 1] != items[k].day)
				g->targets[g->n_targets++] = items[k].day;
			items[k].group = n;
			items[k].target = g->n_targets - 1;
		}
		n++;
		i = j;
	}
	*n_groups = n;
	return groups;
}

enum mu_code flow_forecast_run(const struct flow_forecast_request *req, struct mu_fc_table *out,
                               struct mu_err *err)
{
	const struct mu_scenario *sc = req->sc;
	const struct mu_history *h = req->history;
	struct mu_history_series *list = NULL;
	size_t n_list = mu_history_series_list(h, &list);
	size_t n_items, n_groups, i, *item_of_row;
	struct item *items = items_of(sc, h->has_absent, &n_items);
	struct group *groups;
	struct mu_fc_table t;
	long first_day, last_day, first_target = 0;
	enum mu_code rc = MU_OK;

	history_span(h, &first_day, &last_day);
	for (i = 0; i < n_items; i++)
		if (i == 0 || items[i].day < first_target)
			first_target = items[i].day;
	if (h->n_rows > 0 && n_items > 0 && first_target <= last_day) {
		char a[MU_DATE_SIZE], b[MU_DATE_SIZE];
		free(items);
		free(list);
		return mu_err_set(err, MU_E_INPUT,
		                  "%s runs to %s, not before the scenario's first shift (%s): a "
		                  "forecast is of the days after the history; give a history that "
		                  "ends before %s",
		                  req->history_file, mu_format_date(a, last_day),
		                  mu_format_date(b, first_target), mu_format_date(b, first_target));
	}

	qsort(items, n_items, sizeof(*items), cmp_items);
	groups = group_items(items, n_items, &n_groups);
	for (i = 0; i < n_groups && rc == MU_OK; i++) {
		struct group *g = &groups[i];
		const struct item *head = &items[g->first_item];
		const struct mu_history_series *hs =
		    mu_history_series_find(list, n_list, head->partner, head->role, head->start);
		struct mu_series s;
		if (!hs || hs->n_rows == 0)
			continue;
		series_of(g, head, h, hs, last_day);
		s = (struct mu_series){g->first_day, g->n_days, g->values,
		                       head->quantity == MU_FCQ_ABSENT};
		rc = mu_forecast_run(&s, g->targets, g->n_targets, &g->fc, err);
		g->has_fc = rc == MU_OK;
	}

	if (rc == MU_OK) {
		mu_forecast_table_init(&t);
		t.quantile = req->quantile;
		t.seed = req->seed;
		t.check_seed = req->seed + 1;
		t.history_file = mu_strdup(req->history_file);
		t.history_first_day = first_day;
		t.history_last_day = last_day;
		t.n_history_rows = h->n_rows;
		for (i = 0; i < n_groups; i++)
			add_table_series(&t, &groups[i], &items[groups[i].first_item], sc);
		/* rows in the scenario's order: demand rows, then staff rows */
		item_of_row = mu_calloc(n_items + 1, sizeof(size_t));
		{
			size_t *of_demand = mu_calloc(sc->n_demand + 1, sizeof(size_t));
			size_t *of_staff = mu_calloc(sc->n_staff + 1, sizeof(size_t));
			size_t k = 0;
			for (i = 0; i < n_items; i++)
				(items[i].quantity == MU_FCQ_REQUIRED ? of_demand
				                                      : of_staff)[items[i].row] = i;
			for (i = 0; i < sc->n_demand; i++)
				item_of_row[k++] = of_demand[i];
			for (i = 0; h->has_absent && i < sc->n_staff; i++)
				item_of_row[k++] = of_staff[i];
			free(of_demand);
			free(of_staff);
		}
		for (i = 0; i < n_items; i++) {
			const struct item *it = &items[item_of_row[i]];
			add_table_row(&t, it, &groups[it->group], sc, req->quantile);
		}
		mu_forecast_table_alloc_draws(&t, req->n_scenarios);
		draw(&t, groups, n_groups, items, item_of_row, t.seed, t.draws);
		draw(&t, groups, n_groups, items, item_of_row, t.check_seed, t.check_draws);
		free(item_of_row);
		*out = t;
	}

	for (i = 0; i < n_groups; i++) {
		if (groups[i].has_fc)
			mu_forecast_release(&groups[i].fc);
		free(groups[i].values);
		free(groups[i].targets);
	}
	free(groups);
	free(items);
	free(list);
	return rc;
}
