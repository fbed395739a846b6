/*
 * mu_map.h - a hash map from byte strings to indices, for resolving the
 * identifiers of a scenario. Keys are copied; the map owns them.
 */
#ifndef MU_MAP_H
#define MU_MAP_H

#include <stdbool.h>
#include <stddef.h>

struct mu_map_slot;

struct mu_map {
	struct mu_map_slot *slots;
	size_t n_slots; /* a power of two */
	size_t n_items;
};

void mu_map_init(struct mu_map *map);
void mu_map_release(struct mu_map *map);

/* Adds key -> value. Returns false (and changes nothing) if key is there. */
bool mu_map_put(struct mu_map *map, const char *key, size_t len, size_t value);

/* Looks key up; writes *value and returns true when found. */
bool mu_map_get(const struct mu_map *map, const char *key, size_t len, size_t *value);

#endif
