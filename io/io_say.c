/*
 * io_say.c - what every sentence module (io_say_<subject>.c) shares: money
 * as a sentence shows it. A figure is rounded as it is shown, and its
 * direction is read from the rounded figure, so that "the same" is never
 * said of a change the reader can see, nor "more" of one that reads 0.
 */
#include "io/io_say_int.h"

#include "core/mu_format.h"

#include <math.h>
#include <stdio.h>

void io_say_money(struct mu_buf *b, double pounds)
{
	char m[MU_MONEY_SIZE];
	double size = fabs(pounds);
	mu_buf_adds(b, mu_format_money(m, size, size < 100 ? 2 : 0));
}

void io_say_weight(struct mu_buf *b, double weight)
{
	char m[MU_MONEY_SIZE];
	double size = fabs(weight);
	mu_buf_adds(b, mu_format_weight(m, size, size < 100 ? 2 : 0));
}

/* True when pounds reads as £0 the way io_say_money shows it. */
bool io_say_is_zero_money(double pounds)
{
	double size = fabs(pounds);
	return size < 100 ? size < 0.005 : size < 0.5;
}
