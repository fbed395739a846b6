/*
 * cmd_demo.c - `muster demo`: the built-in example ICS, no files needed.
 * Until the model lands it prints what the week asks of the system: demand
 * against each partner's own staff, and the bank and agency to draw on.
 */
#include "cli.h"

#include "core/mu_alloc.h"

#include <stdio.h>
#include <stdlib.h>

const char cmd_demo_help[] =
    "usage: muster demo\n"
    "\n"
    "Loads the built-in example ICS (three NHS trusts, two councils' adult\n"
    "social care, a homecare provider and a hospice over one week) and prints\n"
    "a summary of its demand and supply. No files are needed; 'muster example\n"
    "DIR' writes the same scenario out to edit.\n";

struct partner_totals {
	double required_hours, minimum_hours, own_hours;
	size_t n_bank, n_offers;
};

int cmd_demo(int argc, char **argv)
{
	struct io_source *src = NULL;
	struct mu_scenario *sc = NULL;
	struct partner_totals *tot, sys = {0, 0, 0, 0, 0};
	size_t i;
	int status;

	if (cli_print_help_if_asked("demo", argc, argv))
		return 0;
	if (argc > 1)
		return cli_usage_error("demo", "unexpected argument '%s'", argv[1]);
	status = cli_load_scenario(NULL, &src, &sc);
	if (status != 0)
		return status;

	tot = mu_calloc(sc->n_partners, sizeof(*tot));
	for (i = 0; i < sc->n_demand; i++) {
		const struct mu_demand *d = &sc->demand[i];
		double h = sc->shifts[d->shift].paid_hours;
		tot[d->partner].required_hours += d->required * h;
		tot[d->partner].minimum_hours += d->minimum * h;
	}
	for (i = 0; i < sc->n_staff; i++) {
		const struct mu_staff *s = &sc->staff[i];
		tot[s->partner].own_hours += (double)s->available * sc->shifts[s->shift].paid_hours;
	}
	for (i = 0; i < sc->n_bank; i++)
		tot[sc->bank[i].home].n_bank++;
	for (i = 0; i < sc->n_agency; i++)
		if (sc->agency[i].partner != MU_ALL)
			tot[sc->agency[i].partner].n_offers++;

	printf("muster demo: the example ICS, %zu partners, %zu roles, %zu shifts\n\n",
	       sc->n_partners, sc->n_roles, sc->n_shifts);
	printf("%-28s %12s %12s %12s %10s\n", "partner", "required h", "safe min h", "own staff h",
	       "bank staff");
	for (i = 0; i < sc->n_partners; i++) {
		printf("%-28.28s %12.0f %12.0f %12.0f %10zu\n", sc->partners[i].name,
		       tot[i].required_hours, tot[i].minimum_hours, tot[i].own_hours,
		       tot[i].n_bank);
		sys.required_hours += tot[i].required_hours;
		sys.minimum_hours += tot[i].minimum_hours;
		sys.own_hours += tot[i].own_hours;
		sys.n_bank += tot[i].n_bank;
	}
	printf("%-28s %12.0f %12.0f %12.0f %10zu\n\n", "SYSTEM", sys.required_hours,
	       sys.minimum_hours, sys.own_hours, sys.n_bank);
	printf("%zu agency offers, %zu mutual-aid agreements, %zu bank shifts offered.\n",
	       sc->n_agency, sc->n_agreements, sc->n_availability);
	printf("The gap of %.0f hours between demand and own staff is what mutual aid,\n"
	       "the shared bank and agency must cover.\n",
	       sys.required_hours > sys.own_hours ? sys.required_hours - sys.own_hours : 0.0);
	free(tot);
	mu_scenario_free(sc);
	io_source_free(src);
	return 0;
}
