/*
 * mu_buf.c - growable NUL-terminated byte buffer.
 */
#include "mu_buf.h"

#include "mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mu_buf_init(struct mu_buf *buf)
{
	buf->cap = 64;
	buf->data = mu_malloc(buf->cap);
	buf->data[0] = '\0';
	buf->len = 0;
}

void mu_buf_release(struct mu_buf *buf)
{
	free(buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}

void mu_buf_reset(struct mu_buf *buf)
{
	buf->len = 0;
	buf->data[0] = '\0';
}

static void reserve(struct mu_buf *buf, size_t extra)
{
	MU_GROW(buf->data, buf->cap, buf->len + extra + 1);
}

void mu_buf_add(struct mu_buf *buf, const void *data, size_t len)
{
	reserve(buf, len);
	memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void mu_buf_adds(struct mu_buf *buf, const char *s)
{
	mu_buf_add(buf, s, strlen(s));
}

void mu_buf_addc(struct mu_buf *buf, char c)
{
	mu_buf_add(buf, &c, 1);
}

void mu_buf_vaddf(struct mu_buf *buf, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	va_copy(cp, ap);
	n = vsnprintf(buf->data + buf->len, buf->cap - buf->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= buf->cap - buf->len) {
		reserve(buf, (size_t)n);
		vsnprintf(buf->data + buf->len, buf->cap - buf->len, fmt, ap);
	}
	buf->len += (size_t)n;
}

void mu_buf_addf(struct mu_buf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mu_buf_vaddf(buf, fmt, ap);
	va_end(ap);
}

char *mu_buf_detach(struct mu_buf *buf, size_t *len)
{
	char *data = buf->data;
	if (len)
		*len = buf->len;
	buf->data = NULL;
	buf->len = buf->cap = 0;
	return data;
}
