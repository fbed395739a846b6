/*
 * test_util.c - the test programs' shared main (MUSTER_TEST_FILTER), their
 * temporary folder, files, scenario folders and runs of the muster binary.
 * Owns the one folder per program and its name.
 */
#include "test_util.h"

#include "core/mu_alloc.h"
#include "core/mu_buf.h"
#include "core/mu_err.h"
#include "io/io_csv.h"
#include "io/io_scenario.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static char program[64] = "test";
static char dir[256];

/* cmocka's own glob (c_strmatch in cmocka.c, 1.1.5 as Debian 12 has it):
 * '*' any run of characters, '?' one, anything else itself; the whole
 * name. Written again here only to count the matches before cmocka runs:
 * cmocka says nothing when there are none. */
static bool is_match(const char *name, const char *pattern)
{
	for (;;) {
		if (*pattern == '\0')
			return *name == '\0';
		if (*pattern == '*') {
			pattern++;
			if (*pattern == '\0')
				return true;
			for (; *name != '\0'; name++)
				if (is_match(name, pattern))
					return true;
			return false;
		}
		if (*name == '\0' || (*pattern != '?' && *pattern != *name))
			return false;
		name++;
		pattern++;
	}
}

int tu_run_group(const char *source_file, const struct CMUnitTest *tests, size_t n_tests,
                 CMFixtureFunction setup, CMFixtureFunction teardown)
{
	const char *filter = getenv("MUSTER_TEST_FILTER"), *base = strrchr(source_file, '/');
	size_t i, n_matched = 0;
	int rc;
	base = base ? base + 1 : source_file;
	snprintf(program, sizeof(program), "%.*s", (int)strcspn(base, "."), base);
	setenv("MUSTER_BIN", TU_MUSTER_BIN, 0);
	setenv("MUSTER_EXAMPLE_DIR", TU_EXAMPLE_DIR, 0);
	setenv("MUSTER_TEST_DATA", TU_TEST_DATA, 0);
	if (filter && *filter) {
		for (i = 0; i < n_tests; i++)
			n_matched += tests[i].name && is_match(tests[i].name, filter);
		if (n_matched == 0) {
			fprintf(
			    stderr,
			    "%s: MUSTER_TEST_FILTER '%s' matches none of its %zu tests: skipped\n",
			    program, filter, n_tests);
			return TU_SKIPPED;
		}
		cmocka_set_test_filter(filter);
	}
	rc = _cmocka_run_group_tests("tests", tests, n_tests, setup, teardown);
	if (dir[0] && rc == 0) {
		char cmd[300];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0) {
			fprintf(stderr, "%s: cannot remove %s\n", program, dir);
			rc = 1;
		}
	} else if (dir[0]) {
		fprintf(stderr, "%s: its files are kept in %s\n", program, dir);
	}
	return rc;
}

const char *tu_dir(void)
{
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/muster-%s-XXXXXX", program);
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			abort();
		}
	}
	return dir;
}

void tu_path(char *buf, size_t size, const char *name)
{
	int n = snprintf(buf, size, "%s/%s", tu_dir(), name);
	assert_true(n > 0 && (size_t)n < size);
}

char *tu_read(const char *path, size_t *len)
{
	struct mu_buf buf;
	char chunk[4096];
	size_t n;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	mu_buf_init(&buf);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		mu_buf_add(&buf, chunk, n);
	fclose(fp);
	return mu_buf_detach(&buf, len);
}

char *tu_slurp(const char *path)
{
	char *text = tu_read(path, NULL);
	if (!text)
		fail_msg("cannot read %s", path);
	return text;
}

void tu_write(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		fail_msg("cannot write %s", path);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

void tu_remove_db(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char name[4200];
	size_t i;
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "%s%s", path, suffixes[i]);
		unlink(name);
	}
}

struct mu_scenario *tu_parse(const struct io_source *src)
{
	struct mu_errlist *errors = mu_malloc(sizeof(*errors)); /* large: not on the stack */
	struct mu_scenario *sc = NULL;
	size_t i;
	mu_errlist_init(errors);
	if (io_scenario_parse(src, &sc, errors) != MU_OK) {
		for (i = 0; i < errors->n_items; i++)
			print_error("%s:%lu:%lu: %s\n", errors->items[i].file,
			            errors->items[i].line, errors->items[i].col,
			            errors->items[i].msg);
		fail_msg("the scenario %s is invalid", src->label);
	}
	free(errors);
	return sc;
}

struct mu_scenario *tu_load_dir(const char *path)
{
	struct io_source *src = NULL;
	struct mu_scenario *sc;
	struct mu_err err;
	if (io_source_read_dir(path, &src, &err) != MU_OK)
		fail_msg("%s", err.msg);
	sc = tu_parse(src);
	io_source_free(src);
	return sc;
}

struct mu_scenario *tu_load_example(void)
{
	struct io_source *src = io_source_example();
	struct mu_scenario *sc = tu_parse(src);
	io_source_free(src);
	return sc;
}

pid_t tu_spawn(const struct tu_child *how, const char *const *args, const char *out_path,
               const char *err_path)
{
	const char *argv[32];
	const char *in = how->dir ? how->dir : tu_dir(); /* made here, not in the child */
	int n = 0;
	pid_t pid;
	argv[n++] = getenv("MUSTER_BIN");
	assert_non_null(argv[0]);
	for (; *args && n < 31; args++)
		argv[n++] = *args;
	argv[n] = NULL;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fo = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		int fe = err_path ? open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0666) : fo;
		if (fo < 0 || fe < 0 || chdir(in) != 0)
			_exit(127);
		dup2(fo, 1);
		dup2(fe, 2);
		if (how->is_sigxfsz_ignored)
			signal(SIGXFSZ, SIG_IGN);
		if (how->file_size_limit > 0) {
			struct rlimit rl = {how->file_size_limit, how->file_size_limit};
			if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
				_exit(127);
		}
		if (how->is_nobody && getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(127);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

int tu_run_child(const struct tu_child *how, const char *const *args, char **out, char **err)
{
	char out_path[300], err_path[300];
	int status;
	pid_t pid;
	tu_path(out_path, sizeof(out_path), "stdout");
	tu_path(err_path, sizeof(err_path), "stderr");
	pid = tu_spawn(how, args, out_path, err_path);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	*out = tu_slurp(out_path);
	*err = tu_slurp(err_path);
	return status;
}

struct tu_result tu_run(const char *arg, ...)
{
	const char *args[32];
	struct tu_result r;
	va_list ap;
	int n = 0, status;

	va_start(ap, arg);
	for (; arg && n < 31; arg = va_arg(ap, const char *))
		args[n++] = arg;
	va_end(ap);
	args[n] = NULL;
	status = tu_run_child(&(struct tu_child){0}, args, &r.out, &r.err);
	assert_true(WIFEXITED(status));
	r.status = WEXITSTATUS(status);
	return r;
}

void tu_result_free(struct tu_result *r)
{
	free(r->out);
	free(r->err);
}

/* /proc/PID/NAME's first line into buf; fails the test when unreadable. */
static void proc_line(pid_t pid, const char *name, char *buf, size_t size)
{
	char path[64];
	FILE *fp;
	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	fp = fopen(path, "r");
	if (!fp || !fgets(buf, (int)size, fp))
		fail_msg("cannot read %s (the tests need Linux's /proc)", path);
	fclose(fp);
}

double tu_cpu_seconds(pid_t pid)
{
	char line[1024];
	const char *after_name;
	unsigned long user, system;
	proc_line(pid, "stat", line, sizeof(line));
	/* "PID (NAME) STATE ...": the name may hold spaces and parentheses;
	 * utime and stime are the 14th and 15th fields */
	after_name = strrchr(line, ')');
	assert_non_null(after_name);
	if (sscanf(after_name + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &user,
	           &system) != 2)
		fail_msg("cannot read the CPU time in /proc/%d/stat: %s", (int)pid, line);
	return (double)(user + system) / (double)sysconf(_SC_CLK_TCK);
}

bool tu_is_in_nanosleep(pid_t pid)
{
	char line[256];
	long nr;
	proc_line(pid, "syscall", line, sizeof(line));
	/* "running" while it computes, else the call it is blocked in */
	if (sscanf(line, "%ld", &nr) != 1)
		return false;
#ifdef SYS_nanosleep
	if (nr == SYS_nanosleep)
		return true;
#endif
	return nr == SYS_clock_nanosleep;
}

bool tu_has_ended(pid_t pid, int *status)
{
	pid_t got = waitpid(pid, status, WNOHANG);
	assert_true(got >= 0);
	return got == pid;
}

struct io_csv_table *tu_csv_read(const char *path, char *why, size_t why_len)
{
	struct io_csv_table *t = NULL;
	struct mu_err err;
	size_t len = 0;
	char *data = tu_read(path, &len);
	if (!data) {
		snprintf(why, why_len, "%s: cannot read", path);
		return NULL;
	}
	if (io_csv_read(path, data, len, &t, &err) != MU_OK)
		snprintf(why, why_len, "%s", err.msg);
	free(data);
	return t;
}

const char *tu_csv_cell_named(const struct io_csv_table *t, size_t i, const char *name)
{
	size_t k;
	for (k = 0; k < t->rows[0].n_cells && k < t->rows[i].n_cells; k++)
		if (strcmp(io_csv_cell_text(t, &t->cells[t->rows[0].first + k]), name) == 0)
			return io_csv_cell_text(t, &t->cells[t->rows[i].first + k]);
	return NULL;
}

struct io_source *tu_source_with(const struct tu_file *base, size_t n_base, const char *name,
                                 const char *text, const char *name2, const char *text2)
{
	struct io_source *src = mu_calloc(1, sizeof(*src));
	const char **names = mu_calloc(n_base + 2, sizeof(*names));
	const char **texts = mu_calloc(n_base + 2, sizeof(*texts));
	size_t i, k, n = 0;
	src->label = mu_strdup("test");
	for (i = 0; i < n_base; i++) {
		names[n] = base[i].name;
		texts[n++] = base[i].text;
	}
	for (k = 0; k < 2; k++) {
		const char *nm = k == 0 ? name : name2, *tx = k == 0 ? text : text2;
		if (!nm)
			continue;
		for (i = 0; i < n && strcmp(names[i], nm) != 0; i++)
			;
		names[i] = nm;
		texts[i] = tx;
		if (i == n)
			n++;
	}
	src->files = mu_calloc(n + 1, sizeof(*src->files));
	for (i = 0; i < n; i++) {
		struct io_file *f;
		if (!texts[i])
			continue;
		f = &src->files[src->n_files++];
		f->name = mu_strdup(names[i]);
		f->len = strlen(texts[i]);
		f->data = mu_malloc(f->len + 1);
		memcpy(f->data, texts[i], f->len + 1);
	}
	free(names);
	free(texts);
	return src;
}

struct mu_scenario *tu_load_with(const struct tu_file *base, size_t n_base, const char *name,
                                 const char *text, const char *name2, const char *text2,
                                 char **errors_out, char **warnings_out)
{
	struct io_source *src = tu_source_with(base, n_base, name, text, name2, text2);
	/* on the heap: a list keeps MU_ERRLIST_KEEP whole messages */
	struct mu_errlist *errors = mu_malloc(sizeof(*errors)),
	                  *warnings = mu_malloc(sizeof(*warnings));
	struct mu_scenario *sc = NULL;
	mu_errlist_init(errors);
	mu_errlist_init(warnings);
	if (io_scenario_load(src, &sc, errors, warnings) != MU_OK)
		sc = NULL;
	if (errors_out)
		*errors_out = tu_err_messages(errors);
	if (warnings_out)
		*warnings_out = tu_err_messages(warnings);
	free(errors);
	free(warnings);
	io_source_free(src);
	return sc;
}

char *tu_err_messages(const struct mu_errlist *list)
{
	char line[1024], *out = mu_calloc(1, 1);
	size_t i, used = 0;
	for (i = 0; i < list->n_items; i++) {
		size_t n;
		mu_err_format(&list->items[i], line, sizeof(line));
		n = strlen(line);
		out = mu_realloc(out, used + n + 2);
		memcpy(out + used, line, n);
		used += n;
		out[used++] = '\n';
		out[used] = '\0';
	}
	return out;
}
