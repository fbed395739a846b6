/*
 * mu_alloc.c - the one place that handles out of memory: print and abort.
 */
#include "mu_alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

void mu_alloc_keep_freed(void)
{
#ifdef __GLIBC__
	/* The heap is trimmed only when 256 MB at its top are free; blocks
	 * of up to 32 MB (glibc's most) come from the heap, not from a
	 * mapping of their own made and unmade at each use. Setting either
	 * turns off glibc's own adjustment of the second, which starts at
	 * 128 KB. The process never holds more than its peak. */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

static void die_oom(size_t size)
{
	fprintf(stderr, "muster: out of memory (asked for %zu bytes)\n", size);
	abort();
}

void *mu_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		die_oom(size);
	return p;
}

void *mu_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom(n * size);
	return p;
}

void *mu_realloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		die_oom(size);
	return p;
}

void *mu_reallocarray(void *ptr, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die_oom(SIZE_MAX);
	return mu_realloc(ptr, n * size);
}

char *mu_strndup(const char *s, size_t n)
{
	char *p = mu_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *mu_strdup(const char *s)
{
	return mu_strndup(s, strlen(s));
}

void mu_grow(void **items, size_t *cap, size_t need, size_t elem_size)
{
	size_t new_cap;
	if (need <= *cap)
		return;
	new_cap = *cap ? *cap : 8;
	while (new_cap < need) {
		if (new_cap > SIZE_MAX / 2)
			die_oom(SIZE_MAX);
		new_cap *= 2;
	}
	*items = mu_reallocarray(*items, new_cap, elem_size);
	*cap = new_cap;
}

void *mu_grow_one(void *items, size_t n, size_t elem_size)
{
	if (n == 0)
		return mu_reallocarray(items, 8, elem_size);
	if (n < 8 || (n & (n - 1)) != 0)
		return items;
	return mu_reallocarray(items, 2 * n, elem_size);
}
