/*
 * io_say.h - sentences muster says about its numbers, for the terminal and
 * report.html alike. Each is derived from the numbers alone and worded so
 * that it stays true whatever they are: directions come from the signs,
 * "the same" only when the shown figure would read 0, and money is never
 * confused with penalty weights (DESIGN.md §3).
 */
#ifndef IO_SAY_H
#define IO_SAY_H

#include "core/mu_buf.h"
#include "core/mu_plan.h"
#include "core/mu_scenario.h"

/* What working together is worth: the system plan against the silo plan in
 * filled hours, red flags and cash spend, each with its sign ("Working
 * together fills 255 more hours and removes all 8 red flags, for £1,533
 * more spend."), then every partner whose filled hours are fewer or whose
 * spend is higher in the system plan, by name. Appends plain text to b. */
void io_say_value(struct mu_buf *b, const struct mu_scenario *sc, const struct mu_plan *sys,
                  const struct mu_plan *silo);

/* Appends "£1,533" (whole pounds) or "£12.50" (under £100, pennies) for the
 * size of pounds. */
void io_say_money(struct mu_buf *b, double pounds);

#endif
