/*
 * mu_err.h - muster's error record and error list.
 *
 * Every function that can fail returns an enum mu_code and fills a
 * caller-owned struct mu_err (curl's CURLcode + error buffer). The first
 * error wins; filling an error never allocates.
 */
#ifndef MU_ERR_H
#define MU_ERR_H

#include <stdarg.h>
#include <stddef.h>

enum mu_code {
	MU_OK = 0,
	MU_E_INPUT,  /* bad input data: a scenario file, a value */
	MU_E_USAGE,  /* bad command line */
	MU_E_IO,     /* a file could not be read or written */
	MU_E_DB,     /* the SQLite store failed */
	MU_E_SOLVER, /* the solver failed */
};

struct mu_err {
	enum mu_code code;
	char file[128];     /* "" when the error is not about a file */
	unsigned long line; /* 0 when not about a line */
	unsigned long col;  /* 1-based field number; 0 when not about a field */
	char column[64];    /* column name, "" when unknown */
	char msg[512];
};

/* Clears err (err may be NULL). */
void mu_err_clear(struct mu_err *err);

/* Sets err unless it already holds an error (first error wins). Returns code,
 * so that a caller can write `return mu_err_set(err, MU_E_IO, ...)`.
 * err may be NULL. */
enum mu_code mu_err_set(struct mu_err *err, enum mu_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As mu_err_set, with the place: file (may be NULL), line, field number and
 * column name (may be NULL). */
enum mu_code mu_err_set_at(struct mu_err *err, enum mu_code code, const char *file,
                           unsigned long line, unsigned long col, const char *column,
                           const char *fmt, ...) __attribute__((format(printf, 7, 8)));

enum mu_code mu_err_vset_at(struct mu_err *err, enum mu_code code, const char *file,
                            unsigned long line, unsigned long col, const char *column,
                            const char *fmt, va_list ap);

/* Writes "file:line:col: msg" (the place as far as known) into buf.
 * Returns buf. */
char *mu_err_format(const struct mu_err *err, char *buf, size_t size);

/* The process exit code for a code: 0 ok, 2 input or usage, 1 otherwise. */
int mu_code_exit_status(enum mu_code code);

/* Quotes a value from a file for a message: at most about 60 characters,
 * control bytes and invalid UTF-8 escaped, so that a hostile value can
 * neither flood nor garble a terminal, and characters that show as nothing
 * or as a plain space (a no-break space, a zero-width space, a BOM) written
 * as <U+00A0>, so that a user sees what is in the cell. Writes into buf,
 * returns buf. */
char *mu_err_quote(char *buf, size_t size, const char *text, size_t len);

/* A list that collects every error of a run (`muster check`). Keeps the first
 * MU_ERRLIST_KEEP errors and counts the rest. */
#define MU_ERRLIST_KEEP 200

struct mu_errlist {
	struct mu_err items[MU_ERRLIST_KEEP];
	size_t n_items;
	size_t n_total;
};

void mu_errlist_init(struct mu_errlist *list);

/* Appends a copy of err (when err holds an error). list may be NULL. */
void mu_errlist_add(struct mu_errlist *list, const struct mu_err *err);

/* Formats and appends an error in one step. list may be NULL. */
void mu_errlist_add_at(struct mu_errlist *list, enum mu_code code, const char *file,
                       unsigned long line, unsigned long col, const char *column, const char *fmt,
                       ...) __attribute__((format(printf, 7, 8)));

#endif
