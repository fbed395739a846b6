/*
 * io_file.h - writes an output file whole or not at all (DESIGN.md §4): into
 * a new temporary file beside its final name, then renamed over it, so that
 * a crash or a full disk leaves the previous file (or none), never half of
 * one, and a symbolic link at the final name is replaced, never followed.
 */
#ifndef IO_FILE_H
#define IO_FILE_H

#include "core/mu_err.h"

#include <stdio.h>

/* One output being written. Fill with io_file_open; fp is where to write. */
struct io_file_out {
	FILE *fp;
	char *path; /* the final name, dir/name */
	char *tmp;  /* the temporary beside it: dir/.name.PID.N.tmp */
};

/* Creates the folder dir and any missing folders above it (as mkdir -p),
 * each 0777 less the umask; a folder that exists (or a link to one) is
 * kept. MU_OK, or MU_E_IO naming the folder that could not be made and
 * why, as mkdir said it ("cannot create the folder out: Permission
 * denied"), or that a name on the way is not a folder. */
enum mu_code io_file_make_dir(const char *dir, struct mu_err *err);

/* Makes dir (io_file_make_dir) and checks that a file can be created in it
 * (one is, and removed), so that a folder that cannot take the outputs is
 * found before any work. MU_OK or MU_E_IO ("cannot write in the folder
 * out: Read-only file system"). */
enum mu_code io_file_check_dir(const char *dir, struct mu_err *err);

/* Makes dir (io_file_make_dir) and opens a new temporary file beside
 * dir/name for writing. MU_OK with *f filled (close it with io_file_close
 * or io_file_discard), or MU_E_IO with *f empty. */
enum mu_code io_file_open(struct io_file_out *f, const char *dir, const char *name,
                          struct mu_err *err);

/* Ends the writing: flushes, syncs to disk and renames the temporary to the
 * final name. On any failure the temporary is removed and the final name
 * left as it was: MU_E_IO ("DIR/NAME: cannot write: No space left on
 * device"). Always releases f; accepts an f already closed. */
enum mu_code io_file_close(struct io_file_out *f, struct mu_err *err);

/* Abandons the writing: closes and removes the temporary; the final name is
 * untouched. Accepts an f already closed. */
void io_file_discard(struct io_file_out *f);

/* Writes len bytes of data to dir/name whole or not at all. MU_OK or
 * MU_E_IO. */
enum mu_code io_file_write(const char *dir, const char *name, const char *data, size_t len,
                           struct mu_err *err);

#endif
