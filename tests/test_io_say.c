/*
 * test_io_say.c - every sentence io_say writes is checked against the
 * numbers it was made from, over many generated pairs of plans: each claim
 * is read back out of the text (direction and size of filled hours, red
 * flags and spend; who is worse off) and must be what the numbers say.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/mu_alloc.h"
#include "io/io_say.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_PARTNERS 3

static struct mu_partner partners[N_PARTNERS] = {
    {.id = "a", .name = "Acute Trust"},
    {.id = "b", .name = "Homecare Ltd"},
    {.id = "c", .name = "St Hospice"},
};
static const struct mu_scenario scenario = {.partners = partners, .n_partners = N_PARTNERS};

static unsigned long long rng = 88172645463325252ULL;

static double uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

/* A figure that is often exactly equal, often tiny, sometimes large. */
static double draw(double scale)
{
	double u = uniform();
	if (u < 0.2)
		return 0;
	if (u < 0.35)
		return (uniform() - 0.5) * 1e-3;
	if (u < 0.5)
		return (uniform() - 0.5) * 2;
	return (uniform() - 0.5) * scale;
}

static void fill(struct mu_plan *p, const struct mu_plan *base, bool is_base)
{
	size_t i;
	p->system = (struct mu_totals){0};
	for (i = 0; i < N_PARTNERS; i++) {
		struct mu_totals *t = &p->partners[i];
		if (is_base) {
			t->filled_hours = 1000 * uniform();
			t->spend_total = 50000 * uniform();
			t->n_red_flags = uniform() < 0.5 ? 0 : (size_t)(uniform() * 5);
		} else {
			const struct mu_totals *b = &base->partners[i];
			t->filled_hours = b->filled_hours + draw(200);
			t->spend_total = b->spend_total + draw(5000);
			t->n_red_flags = uniform() < 0.4 ? b->n_red_flags : (size_t)(uniform() * 5);
		}
		p->system.filled_hours += t->filled_hours;
		p->system.spend_total += t->spend_total;
		p->system.n_red_flags += t->n_red_flags;
	}
}

/* The number after "£" at s, commas skipped. */
static double money_at(const char *s)
{
	char digits[64];
	size_t n = 0;
	assert_true(strncmp(s, "£", strlen("£")) == 0);
	for (s += strlen("£"); (*s >= '0' && *s <= '9') || *s == ',' || *s == '.'; s++)
		if (*s != ',' && n + 1 < sizeof(digits))
			digits[n++] = *s;
	digits[n] = '\0';
	if (n && digits[n - 1] == '.') /* the sentence's full stop */
		digits[n - 1] = '\0';
	return strtod(digits, NULL);
}

static void check_hours(const char *text, double more)
{
	double n;
	char dir[16];
	if (strstr(text, "fills as many hours")) {
		assert_true(fabs(more) < 0.5);
		return;
	}
	assert_int_equal(sscanf(strstr(text, "fills "), "fills %lf %15s hour", &n, dir), 2);
	assert_true(fabs(n - fabs(more)) <= 0.5 + 1e-9);
	assert_true(n >= 1);
	assert_string_equal(dir, more > 0 ? "more" : "fewer");
}

static void check_red_flags(const char *text, size_t sys, size_t silo)
{
	size_t k, n;
	const char *s;
	if (sys == silo && sys == 0)
		assert_non_null(strstr(text, "leaves no red flags"));
	else if (sys == silo)
		assert_true(sscanf(strstr(text, "leaves the same "), "leaves the same %zu", &n) ==
		                1 &&
		            n == sys);
	else if (sys == 0 && silo == 1)
		assert_non_null(strstr(text, "removes the only red flag"));
	else if (sys == 0)
		assert_true(sscanf(strstr(text, "removes all "), "removes all %zu", &n) == 1 &&
		            n == silo);
	else if ((s = strstr(text, "removes ")) != NULL)
		assert_true(sscanf(s, "removes %zu of the %zu", &k, &n) == 2 && k == silo - sys &&
		            n == silo && sys < silo);
	else
		assert_true(sscanf(strstr(text, "adds "), "adds %zu", &k) == 1 && k == sys - silo);
}

static void check_spend(const char *text, double more)
{
	const char *s;
	double shown;
	if (strstr(text, "at the same spend")) {
		assert_true(fabs(more) < 0.5);
		return;
	}
	if ((s = strstr(text, ", for £")) != NULL) {
		shown = money_at(s + strlen(", for "));
		assert_true(more > 0);
		assert_non_null(strstr(s, " more spend"));
	} else {
		s = strstr(text, ", and spends £");
		assert_non_null(s);
		shown = money_at(s + strlen(", and spends "));
		assert_true(more < 0);
	}
	/* whole pounds from £100, pennies below */
	assert_true(fabs(shown - fabs(more)) <= (fabs(more) < 100 ? 0.005 : 0.5) + 1e-9);
	assert_true(shown > 0);
}

static void check_worse(const char *text, const struct mu_plan *sys, const struct mu_plan *silo)
{
	size_t p;
	const char *worse = strstr(text, "Worse off than alone: ");
	bool is_any = false;
	for (p = 0; p < N_PARTNERS; p++) {
		const struct mu_totals *a = &sys->partners[p], *c = &silo->partners[p];
		bool is_worse = a->filled_hours < c->filled_hours - 1e-6 ||
		                a->spend_total > c->spend_total + 1e-6;
		const char *at = worse ? strstr(worse, partners[p].name) : NULL;
		is_any = is_any || is_worse;
		if (!is_worse) {
			assert_null(at);
			continue;
		}
		assert_non_null(at);
		{
			/* this partner's "(...)" says what is worse, and only that */
			char part[256];
			size_t len = (size_t)(strchr(at, ')') - at);
			assert_true(len < sizeof(part));
			memcpy(part, at, len);
			part[len] = '\0';
			assert_int_equal(strstr(part, "fewer filled hours") != NULL,
			                 a->filled_hours < c->filled_hours - 1e-6);
			assert_int_equal(strstr(part, "more spend") != NULL,
			                 a->spend_total > c->spend_total + 1e-6);
		}
	}
	assert_true(is_any == (worse != NULL));
}

static void test_io_say_value_is_true_of_its_numbers(void **state)
{
	struct mu_plan sys = {0}, silo = {0};
	struct mu_totals a[N_PARTNERS], c[N_PARTNERS];
	int i;
	(void)state;
	sys.partners = a;
	silo.partners = c;
	sys.n_partners = silo.n_partners = N_PARTNERS;
	for (i = 0; i < 5000; i++) {
		struct mu_buf b;
		fill(&silo, NULL, true);
		fill(&sys, &silo, false);
		mu_buf_init(&b);
		io_say_value(&b, &scenario, &sys, &silo);
		check_hours(b.data, sys.system.filled_hours - silo.system.filled_hours);
		check_red_flags(b.data, sys.system.n_red_flags, silo.system.n_red_flags);
		check_spend(b.data, sys.system.spend_total - silo.system.spend_total);
		check_worse(b.data, &sys, &silo);
		/* penalties are never money saved */
		assert_null(strstr(b.data, "saves"));
		mu_buf_release(&b);
	}
}

static void test_io_say_value_example_sentence(void **state)
{
	struct mu_totals a[N_PARTNERS] = {{.filled_hours = 100, .spend_total = 10},
	                                  {.filled_hours = 300, .spend_total = 1533},
	                                  {.filled_hours = 50}};
	struct mu_totals c[N_PARTNERS] = {{.filled_hours = 100, .spend_total = 10},
	                                  {.filled_hours = 45, .spend_total = 0, .n_red_flags = 8},
	                                  {.filled_hours = 50}};
	struct mu_plan sys = {.partners = a, .n_partners = N_PARTNERS};
	struct mu_plan silo = {.partners = c, .n_partners = N_PARTNERS};
	struct mu_buf b;
	(void)state;
	sys.system = (struct mu_totals){.filled_hours = 450, .spend_total = 1543};
	silo.system = (struct mu_totals){.filled_hours = 195, .spend_total = 10, .n_red_flags = 8};
	mu_buf_init(&b);
	io_say_value(&b, &scenario, &sys, &silo);
	assert_string_equal(b.data, "Working together fills 255 more hours and removes all 8 red "
	                            "flags, for £1,533 more spend. Worse off than alone: "
	                            "Homecare Ltd (£1,533.00 more spend).");
	mu_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_io_say_value_example_sentence),
	    cmocka_unit_test(test_io_say_value_is_true_of_its_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
