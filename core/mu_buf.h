/*
 * mu_buf.h - a growable byte buffer that is always NUL-terminated
 * (git's strbuf). Owns its bytes; _release frees them.
 */
#ifndef MU_BUF_H
#define MU_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct mu_buf {
	char *data; /* never NULL after _init; NUL-terminated */
	size_t len;
	size_t cap;
};

void mu_buf_init(struct mu_buf *buf);
void mu_buf_release(struct mu_buf *buf);
void mu_buf_reset(struct mu_buf *buf);
void mu_buf_add(struct mu_buf *buf, const void *data, size_t len);
void mu_buf_adds(struct mu_buf *buf, const char *s);
void mu_buf_addc(struct mu_buf *buf, char c);
void mu_buf_addf(struct mu_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mu_buf_vaddf(struct mu_buf *buf, const char *fmt, va_list ap);
/* Hands the bytes to the caller (free() them). buf is left released: call
 * mu_buf_init before using it again. */
char *mu_buf_detach(struct mu_buf *buf, size_t *len);

#endif
