/*
 * mu_plan.c - the names of plan sources, as plan.csv and the store spell them.
 */
#include "mu_plan.h"

const char *const mu_source_names[MU_SRC_COUNT] = {"own",    "lend",  "bank",
                                                   "agency", "short", "breach"};
