/*
 * mu_sha256.h - SHA-256 (FIPS 180-4), for the content hash that records a
 * scenario once in the store.
 */
#ifndef MU_SHA256_H
#define MU_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct mu_sha256 {
	uint32_t state[8];
	uint64_t n_bytes;
	unsigned char block[64];
	size_t n_block;
};

void mu_sha256_init(struct mu_sha256 *ctx);
void mu_sha256_update(struct mu_sha256 *ctx, const void *data, size_t len);
/* Writes the digest as 64 lowercase hex digits and a NUL into hex. */
void mu_sha256_final_hex(struct mu_sha256 *ctx, char hex[65]);

#endif
