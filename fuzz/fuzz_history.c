/*
 * fuzz_history.c - libFuzzer harness for the history.csv reader
 * (io_history_parse: DESIGN.md §3e's file under §2's rules, against a
 * scenario). The input is the file's bytes; the scenario is a fixed tiny
 * one (partners a and b, roles rn and hca, a shift on 2026-11-30 at 07:00)
 * whose short ids the fuzzer finds easily. The reader must answer MU_OK
 * with a history that holds what the file may hold (indices into the
 * scenario, starts in a day, nothing negative, rows in series order with
 * no key twice, series covering every row) and no error, or MU_E_INPUT
 * with at least one error, each with a message; anything else aborts.
 */
#include "core/mu_alloc.h"
#include "core/mu_history.h"
#include "core/mu_scenario.h"
#include "io/io_history.h"
#include "io/io_scenario.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_history: %s\n", what);
	abort();
}

static const char *const files[][2] = {
    {"demand.csv", "partner,role,shift,required\na,rn,d1,3\nb,hca,d1,2\n"},
    {"partners.csv", "id\na\nb\n"},
    {"roles.csv", "id\nrn\nhca\n"},
    {"shifts.csv", "id,date,start,end,paid_hours\nd1,2026-11-30,07:00,15:00,7.5\n"},
    {"staff.csv", "partner,role,shift,available\na,rn,d1,2\n"},
};

/* The scenario, read once: the harness's one piece of state. */
static struct mu_scenario *scenario(void)
{
	static struct mu_scenario *sc;
	struct io_source *src;
	size_t i, n = sizeof(files) / sizeof(files[0]);
	if (sc)
		return sc;
	src = mu_calloc(1, sizeof(*src));
	src->label = mu_strdup("fuzz");
	src->files = mu_calloc(n, sizeof(*src->files));
	for (i = 0; i < n; i++) {
		src->files[i].name = mu_strdup(files[i][0]);
		src->files[i].data = mu_strdup(files[i][1]);
		src->files[i].len = strlen(files[i][1]);
	}
	src->n_files = n;
	if (io_scenario_parse(src, &sc, NULL) != MU_OK)
		fail("the harness's scenario does not load");
	io_source_free(src);
	return sc;
}

static void check_list(const struct mu_errlist *list)
{
	size_t i;
	char text[1024];
	if (list->n_items > MU_ERRLIST_KEEP || list->n_items > list->n_total)
		fail("error list counts out of range");
	for (i = 0; i < list->n_items; i++) {
		if (list->items[i].code != MU_E_INPUT || list->items[i].msg[0] == '\0')
			fail("an error or warning without MU_E_INPUT and a message");
		mu_err_format(&list->items[i], text, sizeof(text));
	}
}

static void check_history(const struct mu_history *h, const struct mu_scenario *sc)
{
	struct mu_history_series *list = NULL;
	size_t i, n, covered = 0;
	if (!h->is_sorted || h->n_rows > 1000000)
		fail("a history not sorted, or too long");
	for (i = 0; i < h->n_rows; i++) {
		if (h->partner[i] >= sc->n_partners || h->role[i] >= sc->n_roles ||
		    h->start[i] < 0 || h->start[i] >= 1440 || !(h->required[i] >= 0) ||
		    (h->has_absent && h->absent[i] < 0))
			fail("a row out of range");
		if (i > 0 &&
		    !(h->partner[i - 1] < h->partner[i] ||
		      (h->partner[i - 1] == h->partner[i] &&
		       (h->role[i - 1] < h->role[i] ||
		        (h->role[i - 1] == h->role[i] &&
		         (h->start[i - 1] < h->start[i] ||
		          (h->start[i - 1] == h->start[i] && h->day[i - 1] < h->day[i])))))))
			fail("rows out of series order, or a key twice");
	}
	n = mu_history_series_list(h, &list);
	for (i = 0; i < n; i++) {
		if (list[i].first != covered || list[i].n_rows == 0)
			fail("series that do not cover the rows in order");
		if (mu_history_series_find(list, n, list[i].partner, list[i].role, list[i].start) !=
		    &list[i])
			fail("a series not found");
		covered += list[i].n_rows;
	}
	if (covered != h->n_rows)
		fail("series that do not cover every row");
	free(list);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct mu_scenario *sc = scenario();
	struct mu_errlist *errors = mu_malloc(sizeof(*errors));
	struct mu_errlist *warnings = mu_malloc(sizeof(*warnings));
	struct mu_history h;
	enum mu_code rc;

	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	mu_history_init(&h, false);
	rc = io_history_parse("history.csv", (const char *)data, size, sc, &h, errors, warnings);
	check_list(errors);
	check_list(warnings);
	if (rc == MU_OK) {
		if (errors->n_total != 0)
			fail("MU_OK with errors");
		check_history(&h, sc);
	} else if (rc == MU_E_INPUT) {
		if (errors->n_total == 0 || h.n_rows != 0)
			fail("MU_E_INPUT without an error, or with a history");
	} else {
		fail("a code other than MU_OK or MU_E_INPUT");
	}
	mu_history_release(&h);
	free(errors);
	free(warnings);
	return 0;
}
