/*
 * mu_map.c - open addressing with linear probing, FNV-1a hashing.
 */
#include "mu_map.h"

#include "mu_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct mu_map_slot {
	char *key; /* NULL = empty */
	size_t len;
	uint64_t hash;
	size_t value;
};

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void mu_map_init(struct mu_map *map)
{
	map->n_slots = 16;
	map->n_items = 0;
	map->slots = mu_calloc(map->n_slots, sizeof(*map->slots));
}

void mu_map_release(struct mu_map *map)
{
	size_t i;
	if (!map->slots)
		return;
	for (i = 0; i < map->n_slots; i++)
		free(map->slots[i].key);
	free(map->slots);
	map->slots = NULL;
	map->n_slots = map->n_items = 0;
}

static struct mu_map_slot *find(const struct mu_map *map, const char *key, size_t len, uint64_t h)
{
	size_t mask = map->n_slots - 1, i = (size_t)h & mask;
	for (;;) {
		struct mu_map_slot *slot = &map->slots[i];
		if (!slot->key)
			return slot;
		if (slot->hash == h && slot->len == len && memcmp(slot->key, key, len) == 0)
			return slot;
		i = (i + 1) & mask;
	}
}

static void grow(struct mu_map *map)
{
	struct mu_map_slot *old = map->slots;
	size_t i, n_old = map->n_slots;
	map->n_slots *= 2;
	map->slots = mu_calloc(map->n_slots, sizeof(*map->slots));
	for (i = 0; i < n_old; i++)
		if (old[i].key)
			*find(map, old[i].key, old[i].len, old[i].hash) = old[i];
	free(old);
}

bool mu_map_put(struct mu_map *map, const char *key, size_t len, size_t value)
{
	uint64_t h = hash_bytes(key, len);
	struct mu_map_slot *slot;
	if ((map->n_items + 1) * 4 > map->n_slots * 3)
		grow(map);
	slot = find(map, key, len, h);
	if (slot->key)
		return false;
	slot->key = mu_strndup(key, len);
	slot->len = len;
	slot->hash = h;
	slot->value = value;
	map->n_items++;
	return true;
}

bool mu_map_get(const struct mu_map *map, const char *key, size_t len, size_t *value)
{
	const struct mu_map_slot *slot = find(map, key, len, hash_bytes(key, len));
	if (!slot->key)
		return false;
	*value = slot->value;
	return true;
}
