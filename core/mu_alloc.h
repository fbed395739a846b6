/*
 * mu_alloc.h - allocation that never returns NULL (git's xmalloc).
 * Out of memory prints one line and aborts, so every other error code in
 * muster means something about input, the database or the solver.
 */
#ifndef MU_ALLOC_H
#define MU_ALLOC_H

#include <stddef.h>

void *mu_malloc(size_t size);
void *mu_calloc(size_t n, size_t size);
void *mu_realloc(void *ptr, size_t size);
/* realloc of n elements of size bytes, aborting on overflow. */
void *mu_reallocarray(void *ptr, size_t n, size_t size);
char *mu_strdup(const char *s);
char *mu_strndup(const char *s, size_t n);

/* Grows *items (of *cap elements of elem_size bytes) to hold at least need
 * elements, doubling. */
void mu_grow(void **items, size_t *cap, size_t need, size_t elem_size);

/* Makes room for element n of an array that holds n elements, with no
 * capacity kept: the capacity is the next power of two (at least 8), so
 * appending n elements one by one costs O(n). Returns the array. */
void *mu_grow_one(void *items, size_t n, size_t elem_size);

/* Keeps memory a process frees for its own next allocations instead of
 * handing it back to the system at once (glibc only; elsewhere nothing).
 * GLPK allocates and frees its work arrays at every node of a search; by
 * default glibc then shrinks and regrows the heap each time, and the
 * pages come back zeroed by the kernel: on bench_gen medium-mixed that
 * was 2.7 million page faults and a quarter of a 20 s search spent in the
 * kernel. Called once, first thing in main. */
void mu_alloc_keep_freed(void);

#define MU_GROW(arr, cap, need) mu_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif
