/*
 * io_outputs.c - one run's --out folder: the CSV files and pages of
 * io_report.c and io_html.c, for the system and for each partner.
 */
#include "io/io_outputs.h"

#include "core/mu_alloc.h"
#include "io/io_report.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folder of partner p's own outputs under out: partners/ID (an id of
 * "." or ".." is a valid identifier, but not a folder of its own). */
static char *partner_dir(const char *out, const char *id)
{
	bool is_dots = strcmp(id, ".") == 0 || strcmp(id, "..") == 0;
	char *dir = mu_malloc(strlen(out) + strlen(id) + sizeof("/partners/_"));
	sprintf(dir, "%s/partners/%s%s", out, is_dots ? "_" : "", id);
	return dir;
}

enum mu_code io_outputs_write_run(const char *out, const struct mu_scenario *sc,
                                  const struct io_html_plan *view, bool is_rota, struct mu_err *err)
{
	const struct mu_plan *plan = view->plan;
	char *dir = NULL;
	enum mu_code rc;
	size_t p;
	if ((rc = io_report_write_plan(out, sc, plan, MU_ALL, err)) ||
	    (rc = io_report_write_summary(out, sc, plan, err)) ||
	    (is_rota && (rc = io_report_write_rota(out, sc, plan, MU_ALL, err))) ||
	    (rc = io_report_write_why(out, sc, plan, view->why, err)) ||
	    (io_report_has_rates(sc) && (rc = io_report_write_rates(out, sc, plan, MU_ALL, err))) ||
	    (sc->n_flows > 0 && (rc = io_report_write_discharges(out, sc, plan, MU_ALL, err))) ||
	    (view->prices &&
	     (rc = io_report_write_prices(out, view->prices, view->n_prices, err))) ||
	    (view->changes && ((rc = io_report_write_changes(out, sc, view->changes, err)) ||
	                       (rc = io_report_write_calls(out, sc, view->changes, err)) ||
	                       (rc = io_report_write_bookings(out, sc, view->changes, err)))))
		return rc;
	dir = mu_malloc(strlen(out) + sizeof("/partners"));
	sprintf(dir, "%s/partners", out);
	mkdir(dir, 0777);
	free(dir);
	for (p = 0; p < sc->n_partners && rc == MU_OK; p++) {
		dir = partner_dir(out, sc->partners[p].id);
		if ((rc = io_report_write_plan(dir, sc, plan, p, err)) == MU_OK && is_rota)
			rc = io_report_write_rota(dir, sc, plan, p, err);
		if (rc == MU_OK && io_report_has_rates(sc))
			rc = io_report_write_rates(dir, sc, plan, p, err);
		if (rc == MU_OK && sc->n_flows > 0)
			rc = io_report_write_discharges(dir, sc, plan, p, err);
		free(dir);
	}
	return rc;
}

enum mu_code io_outputs_write_pages(const char *out, const struct mu_scenario *sc,
                                    const struct io_html_plan *view, const char *label,
                                    struct mu_err *err)
{
	struct io_html_plan page = *view;
	enum mu_code rc = io_html_write_solve(out, sc, label, &page, err);
	char *dir;
	size_t p;
	for (p = 0; p < sc->n_partners && rc == MU_OK; p++) {
		dir = partner_dir(out, sc->partners[p].id);
		page.is_partner_page = true;
		page.partner = p;
		page.heading = sc->partners[p].name;
		rc = io_html_write_solve(dir, sc, label, &page, err);
		free(dir);
	}
	return rc;
}

enum mu_code io_outputs_begin(const char *out, char **staged, struct mu_err *err)
{
	size_t n = strlen(out);
	const char *base;
	char *path;
	enum mu_code rc;
	while (n > 1 && out[n - 1] == '/')
		n--;
	base = out + n;
	while (base > out && base[-1] != '/')
		base--;
	path = mu_malloc(n + sizeof("/..muster-XXXXXX"));
	sprintf(path, "%.*s.%.*s.muster-XXXXXX", (int)(base - out), out, (int)(out + n - base),
	        base);
	if (mkdtemp(path)) {
		*staged = path;
		return MU_OK;
	}
	/* out's parent may not be ours to write in (a shared folder's mount
	 * point): then inside out, hidden, as out/.muster-XXXXXX */
	free(path);
	path = mu_malloc(n + sizeof("/.muster-XXXXXX"));
	sprintf(path, "%.*s/.muster-XXXXXX", (int)n, out);
	if (mkdtemp(path)) {
		*staged = path;
		return MU_OK;
	}
	rc = mu_err_set(err, MU_E_IO,
	                "cannot make the folder the outputs are written in before they go into "
	                "%s: %s",
	                out, strerror(errno));
	free(path);
	return rc;
}

static char *joined(const char *dir, const char *name)
{
	char *path = mu_malloc(strlen(dir) + strlen(name) + 2);
	sprintf(path, "%s/%s", dir, name);
	return path;
}

/* Whether path is a folder of ours (not a link to one) with nothing in
 * it; *st its lstat. */
static bool is_own_empty_dir(const char *path, struct stat *st)
{
	DIR *d;
	struct dirent *e;
	bool is_empty = true;
	if (lstat(path, st) != 0 || !S_ISDIR(st->st_mode) || st->st_uid != geteuid())
		return false;
	if (!(d = opendir(path)))
		return false;
	while (is_empty && (e = readdir(d)))
		is_empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(d);
	return is_empty;
}

enum mu_code io_outputs_commit(const char *staged, const char *out, struct mu_err *err)
{
	DIR *d;
	struct stat st;
	/* out empty, as a new --out folder is: staged takes its place in one
	 * rename, so that a kill leaves out empty or whole, never part-filled
	 * (with out's permissions: mkdtemp made staged 0700) */
	if (is_own_empty_dir(out, &st) && chmod(staged, st.st_mode & 07777) == 0 &&
	    rename(staged, out) == 0)
		return MU_OK;
	d = opendir(staged);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	enum mu_code rc = MU_OK;
	if (!d)
		return mu_err_set(err, MU_E_IO, "cannot read %s: %s", staged, strerror(errno));
	/* the names first: a folder is not changed while it is read */
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			MU_GROW(names, cap, n + 1);
			names[n++] = mu_strdup(e->d_name);
		}
	closedir(d);
	for (i = 0; i < n; i++) {
		char *from = joined(staged, names[i]), *to = joined(out, names[i]);
		struct stat a, b;
		if (rc != MU_OK)
			;
		else if (lstat(from, &a) == 0 && S_ISDIR(a.st_mode) && lstat(to, &b) == 0 &&
		         S_ISDIR(b.st_mode))
			rc = io_outputs_commit(from, to, err); /* partners/: merged */
		else if (rename(from, to) != 0)
			rc = mu_err_set(err, MU_E_IO, "cannot move %s into %s: %s", from, out,
			                strerror(errno));
		free(from);
		free(to);
		free(names[i]);
	}
	free(names);
	if (rc == MU_OK && rmdir(staged) != 0)
		rc = mu_err_set(err, MU_E_IO, "cannot remove %s: %s", staged, strerror(errno));
	return rc;
}

void io_outputs_abandon(const char *staged)
{
	DIR *d;
	struct dirent *e;
	if (!staged || !(d = opendir(staged)))
		return;
	while ((e = readdir(d))) {
		char *path;
		struct stat st;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		path = joined(staged, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			io_outputs_abandon(path);
		else
			unlink(path);
		free(path);
	}
	closedir(d);
	rmdir(staged);
}
