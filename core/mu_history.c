/*
 * mu_history.c - the past shifts of history.csv as columns of arrays: rows
 * appended, sorted into series by (partner, role, start, day) with a
 * stable merge sort of a permutation (the columns then gathered one at a
 * time, so the sort needs 12 bytes a row beside them, never a second
 * history), and the series listed and found.
 */
#include "mu_history.h"

#include "mu_alloc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

void mu_history_init(struct mu_history *h, bool has_absent)
{
	memset(h, 0, sizeof(*h));
	h->has_absent = has_absent;
	h->is_sorted = true; /* no rows are in order */
}

void mu_history_release(struct mu_history *h)
{
	bool has_absent = h->has_absent;
	free(h->partner);
	free(h->role);
	free(h->day);
	free(h->start);
	free(h->required);
	free(h->absent);
	mu_history_init(h, has_absent);
}

/* Every array to room for cap rows. */
static void resize(struct mu_history *h, size_t cap)
{
	h->partner = mu_reallocarray(h->partner, cap, sizeof(*h->partner));
	h->role = mu_reallocarray(h->role, cap, sizeof(*h->role));
	h->day = mu_reallocarray(h->day, cap, sizeof(*h->day));
	h->start = mu_reallocarray(h->start, cap, sizeof(*h->start));
	h->required = mu_reallocarray(h->required, cap, sizeof(*h->required));
	if (h->has_absent)
		h->absent = mu_reallocarray(h->absent, cap, sizeof(*h->absent));
	h->cap = cap;
}

void mu_history_append(struct mu_history *h, const struct mu_history_row *row)
{
	size_t i = h->n_rows;
	assert(row->partner <= UINT32_MAX && row->role <= UINT32_MAX);
	if (i == h->cap)
		resize(h, h->cap ? h->cap * 2 : 1024);
	h->partner[i] = (uint32_t)row->partner;
	h->role[i] = (uint32_t)row->role;
	h->day[i] = row->day;
	h->start[i] = row->start;
	h->required[i] = row->required;
	if (h->has_absent)
		h->absent[i] = row->absent;
	h->n_rows++;
	h->is_sorted = h->n_rows < 2;
}

void mu_history_shrink(struct mu_history *h)
{
	if (h->n_rows > 0 && h->n_rows < h->cap)
		resize(h, h->n_rows);
}

/* Row a before row b: -1, 0 (the same key) or 1. */
static int cmp_rows(const struct mu_history *h, uint32_t a, uint32_t b)
{
	if (h->partner[a] != h->partner[b])
		return h->partner[a] < h->partner[b] ? -1 : 1;
	if (h->role[a] != h->role[b])
		return h->role[a] < h->role[b] ? -1 : 1;
	if (h->start[a] != h->start[b])
		return h->start[a] < h->start[b] ? -1 : 1;
	if (h->day[a] != h->day[b])
		return h->day[a] < h->day[b] ? -1 : 1;
	return 0;
}

/* Bottom-up merge sort of the indices in order (n of them), tmp as long:
 * stable, O(n log n), no recursion. Returns the array that holds the
 * result (order or tmp). */
static uint32_t *merge_sort(const struct mu_history *h, uint32_t *order, uint32_t *tmp, size_t n)
{
	size_t width;
	for (width = 1; width < n; width *= 2) {
		size_t lo;
		for (lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] =
				    cmp_rows(h, order[j], order[i]) < 0 ? order[j++] : order[i++];
			while (i < mid)
				tmp[k++] = order[i++];
			while (j < hi)
				tmp[k++] = order[j++];
		}
		{
			uint32_t *swap = order;
			order = tmp;
			tmp = swap;
		}
	}
	return order;
}

/* Puts column col (n elements of size bytes) in the order given, through
 * scratch (room for n elements of the widest column). */
static void gather(void *col, size_t size, const uint32_t *order, size_t n, void *scratch)
{
	const char *from = col;
	char *to = scratch;
	size_t i;
	for (i = 0; i < n; i++)
		memcpy(to + i * size, from + (size_t)order[i] * size, size);
	memcpy(col, scratch, n * size);
}

uint32_t *mu_history_sort(struct mu_history *h)
{
	size_t n = h->n_rows, i;
	uint32_t *order, *tmp, *sorted;
	void *scratch;
	if (n == 0)
		return NULL;
	assert(n <= UINT32_MAX);
	order = mu_reallocarray(NULL, n, sizeof(*order));
	tmp = mu_reallocarray(NULL, n, sizeof(*tmp));
	for (i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	sorted = merge_sort(h, order, tmp, n);
	if (sorted != order) {
		memcpy(order, sorted, n * sizeof(*order));
		sorted = order;
	}
	free(tmp);
	/* 8 bytes a row: the widest column (day, required) */
	scratch = mu_reallocarray(NULL, n, 8);
	gather(h->partner, sizeof(*h->partner), order, n, scratch);
	gather(h->role, sizeof(*h->role), order, n, scratch);
	gather(h->day, sizeof(*h->day), order, n, scratch);
	gather(h->start, sizeof(*h->start), order, n, scratch);
	gather(h->required, sizeof(*h->required), order, n, scratch);
	if (h->has_absent)
		gather(h->absent, sizeof(*h->absent), order, n, scratch);
	free(scratch);
	h->is_sorted = true;
	return order;
}

size_t mu_history_series_list(const struct mu_history *h, struct mu_history_series **out)
{
	struct mu_history_series *list = NULL;
	size_t n = 0, i;
	assert(h->is_sorted);
	for (i = 0; i < h->n_rows; i++) {
		struct mu_history_series *s = n > 0 ? &list[n - 1] : NULL;
		if (s && s->partner == h->partner[i] && s->role == h->role[i] &&
		    s->start == h->start[i]) {
			s->n_rows++;
			continue;
		}
		list = mu_grow_one(list, n, sizeof(*list));
		s = &list[n++];
		s->partner = h->partner[i];
		s->role = h->role[i];
		s->start = h->start[i];
		s->first = i;
		s->n_rows = 1;
	}
	*out = list;
	return n;
}

const struct mu_history_series *mu_history_series_find(const struct mu_history_series *list,
                                                       size_t n, size_t partner, size_t role,
                                                       int start)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct mu_history_series *s = &list[mid];
		int c = s->partner != partner ? (s->partner < partner ? -1 : 1)
		        : s->role != role     ? (s->role < role ? -1 : 1)
		        : s->start != start   ? (s->start < start ? -1 : 1)
		                              : 0;
		if (c == 0)
			return s;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
