/*
 * mu_err.c - error record, formatting and the error list.
 * Nothing here allocates: errors are filled into caller-owned storage.
 */
#include "mu_err.h"

#include "mu_parse_utf8.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

void mu_err_clear(struct mu_err *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

static void copy_str(char *dst, size_t size, const char *src)
{
	if (!src)
		src = "";
	snprintf(dst, size, "%s", src);
}

enum mu_code mu_err_vset_at(struct mu_err *err, enum mu_code code, const char *file,
                            unsigned long line, unsigned long col, const char *column,
                            const char *fmt, va_list ap)
{
	if (!err || err->code != MU_OK)
		return code;
	err->code = code;
	copy_str(err->file, sizeof(err->file), file);
	err->line = line;
	err->col = col;
	copy_str(err->column, sizeof(err->column), column);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return code;
}

enum mu_code mu_err_set_at(struct mu_err *err, enum mu_code code, const char *file,
                           unsigned long line, unsigned long col, const char *column,
                           const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mu_err_vset_at(err, code, file, line, col, column, fmt, ap);
	va_end(ap);
	return code;
}

enum mu_code mu_err_set(struct mu_err *err, enum mu_code code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mu_err_vset_at(err, code, NULL, 0, 0, NULL, fmt, ap);
	va_end(ap);
	return code;
}

char *mu_err_format(const struct mu_err *err, char *buf, size_t size)
{
	if (!err->file[0])
		snprintf(buf, size, "%s", err->msg);
	else if (!err->line)
		snprintf(buf, size, "%s: %s", err->file, err->msg);
	else if (!err->col)
		snprintf(buf, size, "%s:%lu: %s", err->file, err->line, err->msg);
	else
		snprintf(buf, size, "%s:%lu:%lu: %s", err->file, err->line, err->col, err->msg);
	return buf;
}

int mu_code_exit_status(enum mu_code code)
{
	switch (code) {
	case MU_OK:
		return 0;
	case MU_E_INPUT:
	case MU_E_USAGE:
		return 2;
	default:
		return 1;
	}
}

/* Characters a spreadsheet slips into a cell that look like nothing or like
 * a plain space on screen: C1 controls, no-break and other spaces, zero-width
 * and direction marks, the BOM, variation selectors and tags. A message
 * shows them as <U+00A0>, so that 'acute_north<U+00A0>' is told from
 * 'acute_north '. */
static bool is_invisible(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || cp == 0x34F || cp == 0x61C ||
	       cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 || cp == 0x180E ||
	       (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
	       (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0x3164 ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFB) ||
	       (cp >= 0xE0000 && cp <= 0xE0FFF);
}

char *mu_err_quote(char *buf, size_t size, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t out = 0, i = 0, shown = 0;
	const size_t max_shown = 60;

	if (size == 0)
		return buf;
	while (i < len && shown < max_shown) {
		size_t seq = mu_parse_utf8_seq(text + i, len - i);
		char tmp[16];
		size_t tlen;
		if (seq == 1 && s[i] >= 0x20 && s[i] != 0x7F && s[i] != '\\') {
			tmp[0] = (char)s[i];
			tlen = 1;
		} else if (seq == 1 && s[i] == '\\') {
			memcpy(tmp, "\\\\", 2);
			tlen = 2;
		} else if (seq == 1 && s[i] == '\n') {
			memcpy(tmp, "\\n", 2);
			tlen = 2;
		} else if (seq == 1 && s[i] == '\r') {
			memcpy(tmp, "\\r", 2);
			tlen = 2;
		} else if (seq == 1 && s[i] == '\t') {
			memcpy(tmp, "\\t", 2);
			tlen = 2;
		} else if (seq > 1 && is_invisible(mu_parse_utf8_code_point(text + i, seq))) {
			tlen = (size_t)snprintf(tmp, sizeof(tmp), "<U+%04lX>",
			                        mu_parse_utf8_code_point(text + i, seq));
		} else if (seq > 1) {
			memcpy(tmp, s + i, seq);
			tlen = seq;
		} else {
			snprintf(tmp, sizeof(tmp), "\\x%02X", s[i]);
			tlen = 4;
			seq = 1;
		}
		if (out + tlen + 4 >= size)
			break;
		memcpy(buf + out, tmp, tlen);
		out += tlen;
		i += seq;
		shown++;
	}
	if (i < len && out + 4 < size) {
		memcpy(buf + out, "...", 3);
		out += 3;
	}
	buf[out] = '\0';
	return buf;
}

void mu_errlist_init(struct mu_errlist *list)
{
	list->n_items = 0;
	list->n_total = 0;
}

void mu_errlist_add(struct mu_errlist *list, const struct mu_err *err)
{
	if (!list || !err || err->code == MU_OK)
		return;
	if (list->n_items < MU_ERRLIST_KEEP)
		list->items[list->n_items++] = *err;
	list->n_total++;
}

void mu_errlist_add_at(struct mu_errlist *list, enum mu_code code, const char *file,
                       unsigned long line, unsigned long col, const char *column, const char *fmt,
                       ...)
{
	struct mu_err err;
	va_list ap;
	if (!list)
		return;
	mu_err_clear(&err);
	va_start(ap, fmt);
	mu_err_vset_at(&err, code, file, line, col, column, fmt, ap);
	va_end(ap);
	mu_errlist_add(list, &err);
}
