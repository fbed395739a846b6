/*
 * io_say_int.h - what the sentence modules (io_say.c, io_say_<subject>.c)
 * share and nobody else sees.
 */
#ifndef IO_SAY_INT_H
#define IO_SAY_INT_H

#include "io/io_say.h"

#include <stdbool.h>

/* Changes smaller than this are none. */
#define EPS 1e-6

/* True when pounds reads as £0 the way io_say_money shows it. */
bool io_say_is_zero_money(double pounds);

#endif
