/*
 * cli_util.c - helpers shared by the commands: help, usage errors, error
 * printing and scenario loading.
 */
#include "cli.h"

#include "io/io_keep.h"

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_format.h"
#include "io/io_file.h"
#include "io/io_scenario.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cli_print_help_if_asked(const char *help, int argc, char **argv)
{
	int i;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(help, stdout);
			return true;
		}
	}
	return false;
}

const char *cli_safe(const char *s)
{
	/* the CLI's own state (STYLE.md allows it here): reused, never freed */
	static struct mu_buf slots[CLI_SAFE_SLOTS];
	static size_t next;
	struct mu_buf *b = &slots[next];
	next = (next + 1) % CLI_SAFE_SLOTS;
	if (!b->data)
		mu_buf_init(b);
	mu_buf_reset(b);
	mu_format_printable(b, s ? s : "");
	return b->data;
}

/* The line of fmt and ap, made safe, its final newline kept. */
static void print_line_v(FILE *fp, const char *fmt, va_list ap)
{
	struct mu_buf raw, safe;
	bool has_newline;
	mu_buf_init(&raw);
	mu_buf_init(&safe);
	mu_buf_vaddf(&raw, fmt, ap);
	has_newline = raw.len > 0 && raw.data[raw.len - 1] == '\n';
	if (has_newline)
		raw.data[--raw.len] = '\0';
	mu_format_printable(&safe, raw.data);
	fputs(safe.data, fp);
	if (has_newline)
		fputc('\n', fp);
	mu_buf_release(&raw);
	mu_buf_release(&safe);
}

void cli_print_line(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	print_line_v(fp, fmt, ap);
	va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "muster %s: ", cmd);
	va_start(ap, fmt);
	print_line_v(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nsee 'muster %s --help'\n", cmd);
	return 2;
}

int cli_fail(const struct mu_err *err)
{
	char line[1024];
	/* a failure that forgot its message must still fail, and say so */
	if (err->code == MU_OK || !err->msg[0]) {
		fprintf(stderr, "muster: internal error: a failure without a message\n");
		return 1;
	}
	cli_print_line(stderr, "muster: %s\n", mu_err_format(err, line, sizeof(line)));
	return mu_code_exit_status(err->code);
}

int cli_print_errors(const struct mu_errlist *errors, const char *label)
{
	char line[1024];
	size_t i;
	for (i = 0; i < errors->n_items; i++)
		cli_print_line(stderr, "%s\n",
		               mu_err_format(&errors->items[i], line, sizeof(line)));
	if (errors->n_total > errors->n_items)
		fprintf(stderr, "... and %zu more errors\n", errors->n_total - errors->n_items);
	cli_print_line(stderr, "%s: %zu error%s\n", label, errors->n_total,
	               errors->n_total == 1 ? "" : "s");
	return 2;
}

void cli_print_warnings(const struct mu_errlist *warnings)
{
	char line[1024];
	size_t i;
	for (i = 0; i < warnings->n_items; i++)
		cli_print_line(stderr, "warning: %s\n",
		               mu_err_format(&warnings->items[i], line, sizeof(line)));
	if (warnings->n_total > warnings->n_items)
		fprintf(stderr, "warning: ... and %zu more warnings\n",
		        warnings->n_total - warnings->n_items);
}

int cli_load_keep(const char *spec, const char *db, bool has_now, long now, bool is_lp,
                  const struct mu_scenario *sc, struct mu_keep **out)
{
	struct mu_err err;
	mu_err_clear(&err);
	if (io_keep_read_as(spec, db, sc, !is_lp, out, &err) != MU_OK)
		return cli_fail(&err);
	(*out)->has_now = has_now;
	(*out)->now = now;
	if (io_keep_check_past(*out, spec, sc, &err) != MU_OK) {
		mu_keep_free(*out);
		*out = NULL;
		return cli_fail(&err);
	}
	return 0;
}

int cli_load_scenario(const char *dir, struct io_source **src, struct mu_scenario **sc)
{
	struct mu_errlist *errors, *warnings;
	struct mu_err err;
	int status = 0;

	mu_err_clear(&err);
	if (dir) {
		if (io_source_read_dir(dir, src, &err) != MU_OK)
			return cli_fail(&err);
	} else {
		*src = io_source_example();
	}
	errors = mu_malloc(sizeof(*errors));
	warnings = mu_malloc(sizeof(*warnings));
	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	if (io_scenario_load(*src, sc, errors, warnings) != MU_OK) {
		cli_print_warnings(warnings);
		status = cli_print_errors(errors, (*src)->label);
		io_source_free(*src);
		*src = NULL;
	} else {
		cli_print_warnings(warnings);
	}
	free(errors);
	free(warnings);
	return status;
}

int cli_prepare_out(const char *out)
{
	struct mu_err err;
	if (!out)
		return 0;
	mu_err_clear(&err);
	if (io_file_check_dir(out, &err) == MU_OK)
		return 0;
	cli_print_line(stderr,
	               "muster: cannot write the outputs (--out %s): %s; nothing was solved\n", out,
	               err.msg);
	return mu_code_exit_status(err.code);
}

const char *cli_option_value(int argc, char **argv, int *i, const char *name, bool *is_missing)
{
	size_t n = strlen(name);
	const char *arg = argv[*i];
	*is_missing = false;
	if (strncmp(arg, name, n) != 0)
		return NULL;
	if (arg[n] == '=') {
		(*i)++;
		return arg + n + 1;
	}
	if (arg[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*is_missing = true;
		(*i)++;
		return NULL;
	}
	*i += 2;
	return argv[*i - 1];
}

bool cli_parse_seconds(const char *v, double *seconds)
{
	char *end;
	double s = strtod(v, &end);
	if (*end || end == v || !(s > 0) || s > 1e6)
		return false;
	*seconds = s;
	return true;
}

int cli_partner_id_width(const struct mu_scenario *sc, int min)
{
	size_t p;
	int w = min;
	for (p = 0; p < sc->n_partners; p++)
		if ((int)strlen(sc->partners[p].id) > w)
			w = (int)strlen(sc->partners[p].id);
	return w;
}

void cli_print_partner_legend(const struct mu_scenario *sc)
{
	size_t p;
	for (p = 0; p < sc->n_partners; p++)
		if (strcmp(sc->partners[p].id, sc->partners[p].name) != 0)
			printf("  %s: %s\n", sc->partners[p].id, cli_safe(sc->partners[p].name));
}
