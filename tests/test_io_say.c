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
#include "test_util.h"

#include <ctype.h>
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
			t->recharge_in = t->recharge_out = 0; /* no lending alone */
		} else {
			const struct mu_totals *b = &base->partners[i];
			t->filled_hours = b->filled_hours + draw(200);
			t->spend_total = b->spend_total + draw(5000);
			t->recharge_in = uniform() < 0.5 ? 0 : fabs(draw(3000));
			t->recharge_out = uniform() < 0.5 ? 0 : fabs(draw(3000));
			t->n_red_flags = uniform() < 0.4 ? b->n_red_flags : (size_t)(uniform() * 5);
		}
		p->system.filled_hours += t->filled_hours;
		p->system.spend_total += t->spend_total;
		p->system.n_red_flags += t->n_red_flags;
	}
}

/* True when pounds reads as £0 as io_say_money shows it (whole pounds
 * from £100, pennies below), written out again here. */
static bool io_say_is_zero_money_for_test(double pounds)
{
	double size = fabs(pounds);
	return size < 100 ? size < 0.005 : size < 0.5;
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

/* A partner's change against alone as io_say_value counts it: shown when it
 * reads as one (0.1 h, one red flag, 1p). */
struct expect {
	double hours, cash; /* more filled hours, more net cash */
	long flags;         /* more red flags */
	bool is_hours, is_cash;
	int n_gains, n_losses;
};

static void expect_of(struct expect *e, const struct mu_totals *a, const struct mu_totals *c)
{
	e->hours = a->filled_hours - c->filled_hours;
	e->flags = (long)a->n_red_flags - (long)c->n_red_flags;
	/* net cash written out here, not through mu_totals_net_cash */
	e->cash = (a->spend_total + a->recharge_out - a->recharge_in) -
	          (c->spend_total + c->recharge_out - c->recharge_in);
	e->is_hours = fabs(e->hours) >= 0.05;
	e->is_cash = fabs(e->cash) >= 0.005;
	e->n_gains = (e->is_hours && e->hours > 0) + (e->flags < 0) + (e->is_cash && e->cash < 0);
	e->n_losses = (e->is_hours && e->hours < 0) + (e->flags > 0) + (e->is_cash && e->cash > 0);
}

/* part (a partner's "(...)" or one side of it) says the changes of e whose
 * direction is is_gain's, each with its size and sign, and no other. */
static void check_changes(const char *part, const struct expect *e, bool is_gain)
{
	const char *s;
	bool has_hours = e->is_hours && (e->hours > 0) == is_gain;
	bool has_flags = e->flags != 0 && (e->flags < 0) == is_gain;
	bool has_cash = e->is_cash && (e->cash < 0) == is_gain;
	s = strstr(part, " filled hours");
	assert_int_equal(s != NULL, has_hours);
	if (s) {
		/* "182.1 more filled hours": the size, then the sign in words */
		const char *num = strstr(part, e->hours > 0 ? " more filled" : " fewer filled");
		assert_non_null(num);
		while (num > part && num[-1] != ' ' && num[-1] != '(')
			num--;
		assert_true(fabs(strtod(num, NULL) - fabs(e->hours)) <= 0.05 + 1e-9);
	}
	s = strstr(part, " red flag");
	assert_int_equal(s != NULL, has_flags);
	if (s) {
		const char *num = strstr(part, e->flags < 0 ? " fewer red flag" : " more red flag");
		assert_non_null(num);
		while (num > part && num[-1] != ' ' && num[-1] != '(')
			num--;
		assert_int_equal(strtol(num, NULL, 10), labs(e->flags));
	}
	s = strstr(part, " net cash");
	assert_int_equal(s != NULL, has_cash);
	if (s) {
		const char *pound = strstr(part, "£");
		assert_non_null(pound);
		assert_non_null(strstr(part, e->cash < 0 ? " less net cash" : " more net cash"));
		assert_true(fabs(money_at(pound) - fabs(e->cash)) <= 0.005 + 1e-9);
	}
}

/* Every partner is named once, in the group its numbers put it in: worse
 * off only when it loses on filled hours, red flags or net cash and gains on
 * none; gains and losses when it does both; and its "(...)" reads back. */
static void check_partners(const char *text, const struct mu_plan *sys, const struct mu_plan *silo)
{
	static const char *const heads[] = {" Better off than alone: ", " Gains and losses: ",
	                                    " Worse off than alone: ", " No change: "};
	const char *head_at[4];
	size_t p;
	int g;
	for (g = 0; g < 4; g++)
		head_at[g] = strstr(text, heads[g]);
	assert_non_null(head_at[2]); /* "Worse off than alone: none." at least */
	for (p = 0; p < N_PARTNERS; p++) {
		struct expect e;
		const char *at = strstr(text, partners[p].name), *best = NULL;
		int group = -1, want;
		char part[400];
		expect_of(&e, &sys->partners[p], &silo->partners[p]);
		want = e.n_gains && e.n_losses ? 1 : e.n_gains ? 0 : e.n_losses ? 2 : 3;
		assert_non_null(at);
		assert_null(strstr(at + 1, partners[p].name)); /* named once */
		for (g = 0; g < 4; g++)
			if (head_at[g] && head_at[g] < at && (!best || head_at[g] > best)) {
				best = head_at[g];
				group = g;
			}
		if (group != want)
			fail_msg("%s in group %d, its numbers say %d: %s", partners[p].name, group,
			         want, text);
		if (group == 3) {
			assert_int_not_equal(at[strlen(partners[p].name)], '(');
			continue;
		}
		at += strlen(partners[p].name);
		assert_true(strncmp(at, " (", 2) == 0);
		{
			size_t len = (size_t)(strchr(at, ')') - at);
			assert_true(len < sizeof(part));
			memcpy(part, at, len);
			part[len] = '\0';
		}
		if (group == 1) {
			char *worse = strstr(part, "; worse: ");
			assert_true(strncmp(part, " (better: ", 10) == 0);
			assert_non_null(worse);
			*worse = '\0';
			check_changes(part, &e, true);
			check_changes(worse + 1, &e, false);
		} else {
			check_changes(part, &e, group == 0);
		}
	}
	if (strstr(text, " Worse off than alone: none."))
		for (p = 0; p < N_PARTNERS; p++) {
			struct expect e;
			expect_of(&e, &sys->partners[p], &silo->partners[p]);
			assert_false(e.n_losses && !e.n_gains);
		}
}

static void test_io_say_value_is_true_of_its_numbers(void **state)
{
	struct mu_plan sys = {0}, silo = {0};
	struct mu_totals a[N_PARTNERS] = {{0}}, c[N_PARTNERS] = {{0}};
	int i;
	(void)state;
	sys.partners = a;
	silo.partners = c;
	sys.n_partners = silo.n_partners = N_PARTNERS;
	for (i = 0; i < 20000; i++) {
		struct mu_buf b;
		fill(&silo, NULL, true);
		fill(&sys, &silo, false);
		mu_buf_init(&b);
		io_say_value(&b, &scenario, &sys, &silo);
		check_hours(b.data, sys.system.filled_hours - silo.system.filled_hours);
		check_red_flags(b.data, sys.system.n_red_flags, silo.system.n_red_flags);
		check_spend(b.data, sys.system.spend_total - silo.system.spend_total);
		check_partners(b.data, &sys, &silo);
		/* penalties are never money saved */
		assert_null(strstr(b.data, "saves"));
		mu_buf_release(&b);
	}
}

/* The text of s up to the first of end (or all of s), into out. */
static void part_of(const char *s, const char *end, char *out, size_t size)
{
	const char *e = end ? strstr(s, end) : NULL;
	size_t len = e ? (size_t)(e - s) : strlen(s);
	assert_true(len < size);
	memcpy(out, s, len);
	out[len] = '\0';
}

/* at says a partner's change of net cash: "the same net cash" when it
 * reads 0.00, else "£x more net cash" or "£x less net cash". */
static void check_partner_cash(const char *at, double more)
{
	if (strncmp(at, "the same net cash", 17) == 0) {
		assert_true(fabs(more) < 0.005);
		return;
	}
	assert_true(fabs(money_at(at) - fabs(more)) <= 0.005 + 1e-9);
	assert_true(fabs(more) >= 0.005 - 1e-9);
	at = strchr(at, ' ');
	assert_true(strncmp(at, more > 0 ? " more net cash" : " less net cash", 14) == 0);
}

/* The bidding sentence (DESIGN.md §3d) read back against its numbers:
 * the rate card's part, the change working together makes against alone,
 * the system plan against bidding, and every partner's two changes. */
static void check_bidding(const char *text, const struct mu_plan *sys, const struct mu_plan *silo,
                          const struct mu_bidding *bid)
{
	const struct mu_totals *a = &sys->system, *c = &silo->system, *d = &bid->system;
	double rise = d->spend_total - c->spend_total, against = a->spend_total - d->spend_total;
	const char *at, *list1, *list2;
	char part[2000], horizon[32];
	size_t p;
	assert_true(strncmp(text, "Bidding for the same bank staff (", 33) == 0);
	/* the rate card's part: never below 0 */
	at = strstr(text, "), partners would spend ");
	assert_non_null(at);
	at += strlen("), partners would spend ");
	if (strncmp(at, "the same as alone", 17) == 0) {
		assert_true(io_say_is_zero_money_for_test(rise));
	} else {
		double shown = money_at(at);
		assert_true(fabs(shown - fabs(rise)) <= (fabs(rise) < 100 ? 0.005 : 0.5) + 1e-9);
		assert_true(rise > 0);
		snprintf(horizon, sizeof(horizon), " more %s than alone",
		         bid->horizon_days == 7   ? "per week"
		         : bid->horizon_days == 1 ? "per day"
		                                  : "per 14 days");
		assert_non_null(strstr(at, horizon));
	}
	/* what mutual aid and the shared bank are worth, against alone */
	at = strstr(text, "(working together against alone ");
	assert_non_null(at);
	part_of(at, ").", part, sizeof(part));
	check_hours(part, a->filled_hours - c->filled_hours);
	check_spend(part, a->spend_total - c->spend_total);
	/* the system plan against bidding */
	at = strstr(text, "Against bidding, the system plan ");
	assert_non_null(at);
	part_of(at, " Partner by partner", part, sizeof(part));
	if (strstr(part, "spends the same")) {
		assert_true(io_say_is_zero_money_for_test(against));
	} else {
		const char *m = strstr(part, "spends £");
		double shown;
		assert_non_null(m);
		shown = money_at(m + strlen("spends "));
		assert_true(fabs(shown - fabs(against)) <=
		            (fabs(against) < 100 ? 0.005 : 0.5) + 1e-9);
		assert_non_null(strstr(m, against > 0 ? " more and " : " less and "));
	}
	check_hours(part, a->filled_hours - d->filled_hours);
	/* each partner, bidding against alone, then the system plan against
	 * bidding */
	list1 = strstr(text, " Partner by partner, bidding against alone: ");
	list2 = strstr(text, ". The system plan against bidding: ");
	assert_non_null(list1);
	assert_non_null(list2);
	for (p = 0; p < N_PARTNERS; p++) {
		const struct mu_totals *x = &sys->partners[p], *y = &bid->partners[p];
		double hours = x->filled_hours - y->filled_hours;
		at = strstr(list1, partners[p].name);
		assert_true(at && at < list2);
		check_partner_cash(at + strlen(partners[p].name) + 1,
		                   y->spend_total - silo->partners[p].spend_total);
		at = strstr(list2, partners[p].name);
		assert_non_null(at);
		at += strlen(partners[p].name) + 1;
		check_partner_cash(at, (x->spend_total + x->recharge_out - x->recharge_in) -
		                           y->spend_total);
		at = strstr(at, ", ");
		assert_non_null(at);
		at += 2;
		if (strncmp(at, "the same filled hours", 21) == 0) {
			assert_true(fabs(hours) < 0.05);
		} else {
			assert_true(fabs(strtod(at, NULL) - fabs(hours)) <= 0.05 + 1e-9);
			assert_non_null(
			    strstr(at, hours > 0 ? " more filled hours" : " fewer filled hours"));
		}
	}
	/* cash only: no penalty, and nothing "saved" */
	assert_null(strstr(text, "penalt"));
	assert_null(strstr(text, "saves"));
}

static void test_io_say_bidding_is_true_of_its_numbers(void **state)
{
	struct mu_plan sys = {0}, silo = {0};
	struct mu_totals a[N_PARTNERS] = {{0}}, c[N_PARTNERS] = {{0}}, d[N_PARTNERS] = {{0}};
	double rise[N_PARTNERS];
	struct mu_bidding bid = {.partners = d, .n_partners = N_PARTNERS, .rise = rise};
	static const long horizons[] = {7, 1, 14};
	int i;
	size_t p;
	(void)state;
	sys.partners = a;
	silo.partners = c;
	sys.n_partners = silo.n_partners = N_PARTNERS;
	for (i = 0; i < 20000; i++) {
		struct mu_buf b;
		fill(&silo, NULL, true);
		fill(&sys, &silo, false);
		bid.system = silo.system;
		bid.rise_total = 0;
		bid.horizon_days = horizons[i % 3];
		for (p = 0; p < N_PARTNERS; p++) {
			double u = uniform();
			/* often none (the partner set the rate, or no rate rose),
			 * sometimes a penny or less, else up to £3,000 */
			rise[p] = u < 0.4 ? 0 : u < 0.55 ? uniform() * 0.01 : uniform() * 3000;
			d[p] = c[p];
			d[p].spend_total += rise[p];
			bid.system.spend_total += rise[p];
			bid.rise_total += rise[p];
		}
		mu_buf_init(&b);
		io_say_bidding(&b, &scenario, &sys, &silo, &bid);
		check_bidding(b.data, &sys, &silo, &bid);
		mu_buf_release(&b);
	}
}

/* The hand-solved case of test_supply.c (two partners, b's staff paid a's
 * rung): every figure as worked out there. */
static void test_io_say_bidding_example_sentence(void **state)
{
	struct mu_partner two[2] = {{.id = "a", .name = "A"}, {.id = "b", .name = "B"}};
	const struct mu_scenario sc = {.partners = two, .n_partners = 2};
	struct mu_totals a[2] = {{.filled_hours = 96, .spend_total = 1440},
	                         {.filled_hours = 24, .spend_total = 360}};
	struct mu_totals c[2] = {{.filled_hours = 96, .spend_total = 1729.2},
	                         {.filled_hours = 24, .spend_total = 360}};
	struct mu_totals d[2] = {{.filled_hours = 96, .spend_total = 1729.2},
	                         {.filled_hours = 24, .spend_total = 435.6}};
	double rise[2] = {0, 75.6};
	struct mu_plan sys = {.partners = a, .n_partners = 2},
	               silo = {.partners = c, .n_partners = 2};
	struct mu_bidding bid = {
	    .partners = d, .n_partners = 2, .rise = rise, .rise_total = 75.6, .horizon_days = 1};
	struct mu_buf b;
	(void)state;
	sys.system = (struct mu_totals){.filled_hours = 120, .spend_total = 1800};
	silo.system = (struct mu_totals){.filled_hours = 120, .spend_total = 2089.2};
	bid.system = (struct mu_totals){.filled_hours = 120, .spend_total = 2164.8};
	mu_buf_init(&b);
	io_say_bidding(&b, &sc, &sys, &silo, &bid);
	assert_string_equal(
	    b.data,
	    "Bidding for the same bank staff (partners alone, each bank staff-shift paid the "
	    "highest rate any partner alone reached on its role and shift), partners would spend "
	    "£75.60 more per day than alone at their own rates: what the shared rate card is "
	    "worth, on top of what mutual aid and the shared bank are worth (working together "
	    "against alone fills as many hours, and spends £289 less). Against bidding, the "
	    "system plan spends £365 less and fills as many hours. Partner by partner, bidding "
	    "against alone: A the same net cash; B £75.60 more net cash. The system plan against "
	    "bidding: A £289.20 less net cash, the same filled hours; B £75.60 less net cash, the "
	    "same filled hours.");
	mu_buf_release(&b);
}

/* The example's plan-mode figures (issue 24): the hospice and homecare fill
 * more hours for more net cash, the community trust fills fewer for less
 * (the recharge it receives counted): each is named by what it gains and
 * loses, and none is worse off than alone. */
static void test_io_say_value_example_sentence(void **state)
{
	struct mu_totals a[N_PARTNERS] = {
	    {.filled_hours = 830.4, .spend_total = 17715.60, .recharge_in = 9792},
	    {.filled_hours = 399.5, .spend_total = 10526.86, .recharge_out = 1346.40},
	    {.filled_hours = 366.3, .spend_total = 11789.37}};
	struct mu_totals c[N_PARTNERS] = {
	    {.filled_hours = 900, .spend_total = 17505.17},
	    {.filled_hours = 300, .spend_total = 9876.01},
	    {.filled_hours = 100, .spend_total = 6759.12, .n_red_flags = 8}};
	struct mu_plan sys = {.partners = a, .n_partners = N_PARTNERS};
	struct mu_plan silo = {.partners = c, .n_partners = N_PARTNERS};
	struct mu_buf b;
	(void)state;
	sys.system = (struct mu_totals){.filled_hours = 1596.2, .spend_total = 40031.83};
	silo.system =
	    (struct mu_totals){.filled_hours = 1300, .spend_total = 34140.30, .n_red_flags = 8};
	mu_buf_init(&b);
	io_say_value(&b, &scenario, &sys, &silo);
	assert_string_equal(
	    b.data, "Working together fills 296 more hours and removes all 8 red flags, for £5,892 "
	            "more spend. Each partner is set against working alone in filled hours, red "
	            "flags and net cash (spend plus recharge paid minus recharge received). Gains "
	            "and losses: Acute Trust (better: £9,581.57 less net cash; worse: 69.6 fewer "
	            "filled hours); Homecare Ltd (better: 99.5 more filled hours; worse: £1,997.25 "
	            "more net cash); St Hospice (better: 266.3 more filled hours, 8 fewer red "
	            "flags; worse: £5,030.25 more net cash). Worse off than alone: none.");
	check_partners(b.data, &sys, &silo);
	mu_buf_release(&b);
	/* one that loses on one and gains on none is worse off; one with no
	 * change is said to have none */
	a[0].recharge_in = 0;
	a[0].spend_total = c[0].spend_total;
	a[1] = c[1];
	mu_buf_init(&b);
	io_say_value(&b, &scenario, &sys, &silo);
	assert_non_null(strstr(b.data, " Worse off than alone: Acute Trust (69.6 fewer filled "
	                               "hours). No change: Homecare Ltd."));
	check_partners(b.data, &sys, &silo);
	mu_buf_release(&b);
}

/* A generated series: flat with noise, rising to a plateau, falling, or
 * anything; spend rising, falling or random; red flags sometimes. */
static size_t gen_series(struct io_say_point *pts)
{
	size_t n = 1 + (size_t)(uniform() * 12), i, knee = (size_t)(uniform() * (double)n);
	double kind = uniform(), f = 0.85 + 0.1 * uniform(), s = 1e5 * uniform();
	double spend_dir = uniform() < 0.4 ? 1 : uniform() < 0.6 ? -1 : 0;
	for (i = 0; i < n; i++) {
		double step = 0.01 * uniform();
		pts[i].x = 25 + 0.5 * (double)i;
		if (kind < 0.2)
			f += (uniform() - 0.5) * 0.0004; /* flat, within noise */
		else if (kind < 0.5)
			f += i == 0 ? 0 : i <= knee ? step : (uniform() - 0.3) * 0.0006;
		else if (kind < 0.7)
			f -= i == 0 ? 0 : step;
		else
			f += (uniform() - 0.5) * 0.02;
		pts[i].fill = f < 0 ? 0 : f > 1 ? 1 : f;
		s += spend_dir == 0 ? (uniform() - 0.5) * 3000 : spend_dir * 3000 * uniform();
		pts[i].spend = s < 0 ? 0 : s;
		pts[i].red_flags = uniform() < 0.6 ? 2 : (size_t)(uniform() * 4);
	}
	return n;
}

static size_t index_of_x(const struct io_say_point *pts, size_t n, double x)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (fabs(pts[i].x - x) < 1e-9)
			return i;
	fail_msg("no point at x = %g", x);
	return 0;
}

static void assert_percent(double shown, double fill)
{
	assert_true(fabs(shown - 100 * fill) <= 0.005 + 1e-9);
}

/* How far io_say_money's figure may be from v: pennies below £100. */
static double money_tolerance(double v)
{
	return (v < 100 ? 0.005 : 0.5) + 1e-9;
}

/* The spend claim of the text from point i to point k. */
static void check_spend_between(const char *text, const struct io_say_point *pts, size_t i,
                                size_t k)
{
	const char *at;
	double more = pts[k].spend - pts[i].spend;
	if ((at = strstr(text, "spend stays at ")) != NULL) {
		assert_true(fabs(more) < (pts[i].spend < 100 ? 0.005 : 0.5));
		return;
	}
	if ((at = strstr(text, "spend rises from ")) != NULL)
		assert_true(more > 0);
	else {
		at = strstr(text, "spend falls from ");
		assert_non_null(at);
		assert_true(more < 0);
	}
	at += strlen("spend rises from ");
	assert_true(fabs(money_at(at) - pts[i].spend) <= money_tolerance(pts[i].spend));
	at = strstr(at, " to ") + strlen(" to ");
	assert_true(fabs(money_at(at) - pts[k].spend) <= money_tolerance(pts[k].spend));
}

static void check_sweep_sentence(const char *text, const struct io_say_point *pts, size_t n)
{
	size_t i, j, lo = 0, hi = 0, last = n - 1, k;
	double a, c, x0, xk;
	const char *at;
	for (i = 0; i < n; i++) {
		lo = pts[i].fill < pts[lo].fill ? i : lo;
		hi = pts[i].fill > pts[hi].fill ? i : hi;
	}
	if (strncmp(text, "Fill stays at ", 14) == 0) {
		assert_true(pts[hi].fill - pts[lo].fill < IO_SAY_FLAT_FILL);
		assert_int_equal(sscanf(text, "Fill stays at %lf", &a), 1);
		assert_percent(a, pts[0].fill);
		check_spend_between(text, pts, 0, last);
	} else if (sscanf(text, "Fill rises from %lf%% at v = %lf to %lf%% at v = %lf", &a, &x0, &c,
	                  &xk) == 4) {
		k = index_of_x(pts, n, xk);
		assert_int_equal(index_of_x(pts, n, x0), 0);
		assert_percent(a, pts[0].fill);
		assert_percent(c, pts[k].fill);
		assert_true(pts[last].fill - pts[0].fill >= IO_SAY_FLAT_FILL);
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				assert_true(pts[j].fill - pts[i].fill > -IO_SAY_FLAT_FILL);
		if ((at = strstr(text, "by less than 0.05 points beyond it")) != NULL) {
			for (j = k + 1; j < n; j++)
				assert_true(pts[j].fill - pts[k].fill < IO_SAY_FLAT_FILL);
			assert_true(k < last);
		} else {
			assert_non_null(strstr(text, "still rising at the end"));
			assert_int_equal(k, last);
			/* from every point, fill still gains 0.05 points somewhere later */
			for (i = 0; i < last; i++) {
				bool gains = false;
				for (j = i + 1; j < n; j++)
					gains =
					    gains || pts[j].fill - pts[i].fill >= IO_SAY_FLAT_FILL;
				assert_true(gains);
			}
		}
		check_spend_between(strstr(text, "up to there "), pts, 0, k);
		/* "extra spend buys fill" only where both rise */
		assert_int_equal(strstr(text, "extra spend") != NULL,
		                 strstr(text, "up to there spend rises") != NULL);
		assert_true(strstr(text, "extra spend") == NULL || pts[k].spend > pts[0].spend);
	} else if (sscanf(text, "Fill falls from %lf%% at v = %lf to %lf%% at v = %lf", &a, &x0, &c,
	                  &xk) == 4) {
		assert_int_equal(index_of_x(pts, n, xk), last);
		assert_percent(a, pts[0].fill);
		assert_percent(c, pts[last].fill);
		assert_true(pts[0].fill - pts[last].fill >= IO_SAY_FLAT_FILL);
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				assert_true(pts[j].fill - pts[i].fill < IO_SAY_FLAT_FILL);
		check_spend_between(text, pts, 0, last);
	} else {
		assert_int_equal(sscanf(text,
		                        "Fill moves between %lf%% at v = %lf and %lf%% at v = %lf",
		                        &a, &x0, &c, &xk),
		                 4);
		assert_percent(a, pts[lo].fill);
		assert_percent(c, pts[hi].fill);
		assert_true(pts[hi].fill - pts[lo].fill >= IO_SAY_FLAT_FILL);
		check_spend_between(text, pts, 0, last);
	}
	if (strncmp(text, "Fill rises", 10) != 0)
		assert_null(strstr(text, "extra spend"));
	/* red flags */
	{
		size_t rlo = pts[0].red_flags, rhi = pts[0].red_flags, r0, r1, r2, r3;
		for (i = 1; i < n; i++) {
			rlo = pts[i].red_flags < rlo ? pts[i].red_flags : rlo;
			rhi = pts[i].red_flags > rhi ? pts[i].red_flags : rhi;
		}
		at = strstr(text, "Red flags: ");
		assert_non_null(at);
		if (rlo == rhi) {
			assert_int_equal(sscanf(at, "Red flags: %zu throughout", &r0), 1);
			assert_int_equal(r0, rlo);
		} else {
			assert_int_equal(
			    sscanf(at,
			           "Red flags: %zu at the first point, %zu at the last "
			           "(between %zu and %zu)",
			           &r0, &r1, &r2, &r3),
			    4);
			assert_int_equal(r0, pts[0].red_flags);
			assert_int_equal(r1, pts[last].red_flags);
			assert_int_equal(r2, rlo);
			assert_int_equal(r3, rhi);
		}
	}
}

static void test_io_say_sweep_is_true_of_its_series(void **state)
{
	struct io_say_point pts[16];
	size_t seen[4] = {0};
	int i;
	(void)state;
	for (i = 0; i < 20000; i++) {
		size_t n = gen_series(pts);
		struct mu_buf b;
		mu_buf_init(&b);
		io_say_sweep(&b, "v", pts, n);
		check_sweep_sentence(b.data, pts, n);
		seen[strncmp(b.data, "Fill stays", 10) == 0   ? 0
		     : strncmp(b.data, "Fill rises", 10) == 0 ? 1
		     : strncmp(b.data, "Fill falls", 10) == 0 ? 2
		                                              : 3]++;
		mu_buf_release(&b);
	}
	/* every kind of sentence was made and checked */
	for (i = 0; i < 4; i++)
		if (seen[i] < 500)
			fail_msg("only %zu sentences of kind %d", seen[i], i);
}

/* One figure of io_say_sweep_flow's sentence, at `at` ("WHAT: ..."): the
 * numbers said are the series' (to the 0.05 of one decimal), "throughout"
 * only when every point is within IO_SAY_FLAT_FLOW of the first. */
static void check_flow_along(const char *at, const char *what, const double *v, size_t n)
{
	double a, c, lo, hi, vlo = v[0], vhi = v[0];
	char format[128], part[256];
	bool is_flat = true;
	size_t i, len;
	for (i = 1; i < n; i++) {
		vlo = fmin(vlo, v[i]);
		vhi = fmax(vhi, v[i]);
		is_flat = is_flat && fabs(v[i] - v[0]) < IO_SAY_FLAT_FLOW;
	}
	assert_non_null(at);
	len = strcspn(at, ";"); /* this figure's part of the sentence */
	assert_true(len < sizeof(part));
	memcpy(part, at, len);
	part[len] = '\0';
	snprintf(format, sizeof(format), "%s: %%lf throughout", what);
	if (strstr(part, "throughout") != NULL) {
		assert_int_equal(sscanf(part, format, &a), 1);
		assert_true(is_flat);
		for (i = 0; i < n; i++)
			assert_true(fabs(a - v[i]) <= 0.05 + IO_SAY_FLAT_FLOW);
		return;
	}
	snprintf(format, sizeof(format),
	         "%s: %%lf at the first point, %%lf at the last (between %%lf and %%lf)", what);
	assert_int_equal(sscanf(part, format, &a, &c, &lo, &hi), 4);
	assert_false(is_flat);
	assert_true(fabs(a - v[0]) <= 0.0500001);
	assert_true(fabs(c - v[n - 1]) <= 0.0500001);
	assert_true(fabs(lo - vlo) <= 0.0500001);
	assert_true(fabs(hi - vhi) <= 0.0500001);
}

/* io_say_sweep_flow on generated series of patients sent home and
 * bed-days (flat, falling, rising, up and down; whole and fractional, as
 * rota and plan mode make them): every number it says is the series'. */
static void test_io_say_sweep_flow_is_true_of_its_series(void **state)
{
	double sent[16], beds[16];
	size_t seen_flat = 0, seen_moving = 0;
	int k;
	(void)state;
	for (k = 0; k < 20000; k++) {
		size_t n = 1 + (size_t)(uniform() * 12), i;
		double kind = uniform(), waiting = (double)(size_t)(uniform() * 60);
		bool is_whole = uniform() < 0.5;
		struct mu_buf b;
		for (i = 0; i < n; i++) {
			double home = kind < 0.3   ? waiting
			              : kind < 0.6 ? waiting * (double)(n - i) / (double)n
			              : kind < 0.8 ? waiting * (double)i / (double)n
			                           : waiting * uniform();
			home += kind < 0.3 ? (uniform() - 0.5) * 0.04 : 0;
			sent[i] = is_whole ? (double)(long)(home + 0.5) : home;
			beds[i] = 7 * waiting - 3.5 * sent[i];
		}
		mu_buf_init(&b);
		io_say_sweep_flow(&b, sent, beds, n);
		assert_true(b.data[0] == ' ');
		check_flow_along(strstr(b.data, "Patients sent home: "), "Patients sent home", sent,
		                 n);
		check_flow_along(strstr(b.data, "; bed-days: ") + 2, "bed-days", beds, n);
		/* patients and bed-days, never money */
		assert_null(strstr(b.data, "\xc2\xa3"));
		if (strncmp(b.data, " Patients sent home: ", 21) == 0 &&
		    strstr(b.data, "throughout") != NULL &&
		    strstr(b.data, "throughout") < strchr(b.data, ';'))
			seen_flat++;
		else
			seen_moving++;
		mu_buf_release(&b);
	}
	assert_true(seen_flat > 1000 && seen_moving > 1000);
}

/* The grid's sentence is the first series' sentence, then each other name
 * with the value it was held at, in order, as %g shows it. */
static void test_io_say_sweep_grid_says_what_the_others_were_held_at(void **state)
{
	static const char *const names[] = {"agency_cap.rn_b5", "demand", "tier_penalty",
	                                    "staff.a.rn"};
	struct io_say_point pts[16];
	double held[4];
	int i;
	(void)state;
	for (i = 0; i < 2000; i++) {
		size_t n = gen_series(pts), n_names = 1 + (size_t)(uniform() * 4), k;
		struct mu_buf grid, alone;
		const char *rest;
		for (k = 0; k < n_names; k++)
			held[k] = uniform() < 0.3 ? (double)(long)(uniform() * 50)
			                          : 1e-3 + uniform() * 1e5;
		mu_buf_init(&grid);
		mu_buf_init(&alone);
		io_say_sweep_grid(&grid, names, held, n_names, pts, n);
		io_say_sweep(&alone, names[0], pts, n);
		assert_int_equal(strncmp(grid.data, alone.data, alone.len), 0);
		rest = grid.data + alone.len;
		if (n_names == 1)
			assert_string_equal(rest, "");
		for (k = 1; k < n_names; k++) {
			char want[64], number[64];
			/* the value ends where the next name begins, or at the
			 * final ".)" (a whole number is followed by its full stop) */
			const char *end;
			char *parsed;
			double value;
			snprintf(want, sizeof(want), "%s%s = ", k == 1 ? " (With " : ", ",
			         names[k]);
			assert_int_equal(strncmp(rest, want, strlen(want)), 0);
			rest += strlen(want);
			end = k + 1 == n_names ? rest + strlen(rest) - 2 : strstr(rest, ", ");
			assert_non_null(end);
			assert_true(end > rest && (size_t)(end - rest) < sizeof(number));
			memcpy(number, rest, (size_t)(end - rest));
			number[end - rest] = '\0';
			value = strtod(number, &parsed);
			assert_true(*parsed == '\0');
			/* %g: six significant figures */
			assert_true(fabs(value - held[k]) <= 5e-6 * fabs(held[k]));
			rest = end;
		}
		if (n_names > 1)
			assert_string_equal(rest, ".)");
		mu_buf_release(&grid);
		mu_buf_release(&alone);
	}
}

/* A generated series of a bank cap: gen_series' fill as filled hours of
 * a fixed required total, often the same as the point before (a plateau
 * the cap cannot lift), sometimes a hair above it; spend as generated,
 * or the same as before. */
static size_t gen_cap_series(struct io_say_point *pts)
{
	size_t n = gen_series(pts), i;
	double required = uniform() < 0.5 ? 100 + 900 * uniform() : 1e3 + 3e4 * uniform();
	for (i = 0; i < n; i++) {
		if (i > 0 && uniform() < 0.15) {
			pts[i].fill = pts[i - 1].fill + (uniform() < 0.5 ? 0 : 0.04 / required);
		}
		if (i > 0 && uniform() < 0.1)
			pts[i].spend = pts[i - 1].spend + (uniform() < 0.5 ? 0 : 0.003);
		pts[i].filled_hours = pts[i].fill * required;
	}
	/* fill negative: nothing required, nothing said */
	if (uniform() < 0.01)
		pts[(size_t)(uniform() * (double)n)].fill = -1;
	return n;
}

/* The end of the money at s ("£1,234" or "£12.50"), a full stop that
 * ends the sentence left out. */
static const char *after_money(const char *s)
{
	assert_true(strncmp(s, "£", strlen("£")) == 0);
	for (s += strlen("£"); (*s >= '0' && *s <= '9') || *s == ',' || *s == '.'; s++)
		if (*s == '.' && !(s[1] >= '0' && s[1] <= '9'))
			break;
	return s;
}

/* Whether fill gains IO_SAY_FLAT_FILL or more somewhere after point i. */
static bool gains_after(const struct io_say_point *pts, size_t n, size_t i)
{
	size_t j;
	for (j = i + 1; j < n; j++)
		if (pts[j].fill - pts[i].fill >= IO_SAY_FLAT_FILL)
			return true;
	return false;
}

/* What the step from point i to j is, from the numbers alone: 0 priced
 * (*rate £ an hour), 1 fill for no more spend, 2 no fill. */
static int step_kind(const struct io_say_point *pts, size_t i, size_t j, double *rate)
{
	double hours = pts[j].filled_hours - pts[i].filled_hours;
	double more = pts[j].spend - pts[i].spend;
	if (!(hours >= IO_SAY_FLAT_HOURS))
		return 2;
	if (more <= 0 || fabs(more) < (fabs(more) < 100 ? 0.005 : 0.5))
		return 1;
	*rate = more / hours;
	return 0;
}

/* " (a to b)" at s for the step from point i: its end. */
static const char *check_step_xs(const char *s, const struct io_say_point *pts, size_t i)
{
	double a, c;
	int used = 0;
	assert_int_equal(sscanf(s, " (%lf to %lf)%n", &a, &c, &used), 2);
	assert_true(used > 0);
	assert_true(fabs(a - pts[i].x) <= 5e-6 * fabs(pts[i].x));
	assert_true(fabs(c - pts[i + 1].x) <= 5e-6 * fabs(pts[i + 1].x));
	return s + used;
}

/* One listed step "£R (a to b)", "nothing more (a to b)" or "no fill
 * (a to b)" at s, for the step from point i: its end. */
static const char *check_listed_step(const char *s, const struct io_say_point *pts, size_t i)
{
	double rate = 0;
	int kind = step_kind(pts, i, i + 1, &rate);
	if (strncmp(s, "£", strlen("£")) == 0) {
		assert_int_equal(kind, 0);
		assert_true(fabs(money_at(s) - rate) <= money_tolerance(rate));
		return check_step_xs(after_money(s), pts, i);
	}
	if (strncmp(s, "nothing more", 12) == 0) {
		assert_int_equal(kind, 1);
		return check_step_xs(s + 12, pts, i);
	}
	assert_int_equal(strncmp(s, "no fill", 7), 0);
	assert_int_equal(kind, 2);
	return check_step_xs(s + 7, pts, i);
}

/* The cheapest or dearest step "£R (a to b)" at s among the k steps up
 * to the knee: its end. */
static const char *check_extreme_step(const char *s, const struct io_say_point *pts, size_t k,
                                      int dir)
{
	double shown = money_at(s), a, rate = 0, best = 0;
	size_t i, at = k;
	bool is_found = false;
	assert_int_equal(sscanf(after_money(s), " (%lf to", &a), 1);
	for (i = 0; i < k; i++) {
		if (step_kind(pts, i, i + 1, &rate) != 0)
			continue;
		if (!is_found || dir * (rate - best) > 0)
			best = rate;
		is_found = true;
		if (fabs(pts[i].x - a) <= 5e-6 * fabs(a))
			at = i;
	}
	assert_true(is_found && at < k);
	assert_int_equal(step_kind(pts, at, at + 1, &rate), 0);
	/* the step named is one at the extreme, as shown */
	assert_true(fabs(shown - best) <= money_tolerance(best));
	assert_true(fabs(shown - rate) <= money_tolerance(rate));
	return check_step_xs(after_money(s), pts, at);
}

/* "; in all, ..." at s, from point 0 to point k: its end. */
static const char *check_cap_total(const char *s, const struct io_say_point *pts, size_t k)
{
	double hours = pts[k].filled_hours - pts[0].filled_hours;
	double more = pts[k].spend - pts[0].spend, rate = 0, h;
	int kind = step_kind(pts, 0, k, &rate), used = 0;
	assert_int_equal(strncmp(s, "; in all, ", 10), 0);
	s += 10;
	if (strncmp(s, "£", strlen("£")) == 0) {
		assert_int_equal(kind, 0);
		assert_true(fabs(money_at(s) - more) <= money_tolerance(more));
		s = after_money(s);
		assert_int_equal(sscanf(s, " more spend for %lf more filled hours, %n", &h, &used),
		                 1);
		assert_true(used > 0 && fabs(h - hours) <= 0.05 + 1e-9);
		s += used;
		assert_true(fabs(money_at(s) - rate) <= money_tolerance(rate));
		s = after_money(s);
		assert_int_equal(strncmp(s, " an hour", 8), 0);
		return s + 8;
	}
	if (strncmp(s, "no more filled hours", 20) == 0) {
		assert_int_equal(kind, 2);
		s += 20;
		if (strncmp(s, ", spend rises by ", 17) == 0 ||
		    strncmp(s, ", spend falls by ", 17) == 0) {
			assert_true(s[8] == 'r' ? more > 0 : more < 0);
			s += 17;
			assert_true(fabs(money_at(s) - fabs(more)) <= money_tolerance(fabs(more)));
			assert_false(fabs(more) < (fabs(more) < 100 ? 0.005 : 0.5));
			return after_money(s);
		}
		assert_true(fabs(more) < (fabs(more) < 100 ? 0.005 : 0.5));
		return s;
	}
	assert_int_equal(kind, 1);
	assert_int_equal(sscanf(s, "%lf more filled hours for %n", &h, &used), 1);
	assert_true(used > 0 && fabs(h - hours) <= 0.05 + 1e-9);
	s += used;
	if (strncmp(s, "the same spend", 14) == 0) {
		assert_true(fabs(more) < (fabs(more) < 100 ? 0.005 : 0.5));
		return s + 14;
	}
	assert_true(more < 0);
	assert_true(fabs(money_at(s) - fabs(more)) <= money_tolerance(fabs(more)));
	s = after_money(s);
	assert_int_equal(strncmp(s, " less spend", 11), 0);
	return s + 11;
}

/* Reads every claim of io_say_sweep_cap's text back against pts; the
 * kind of sentence (0 no fill, 1 stops, 2 still buys) and whether its
 * steps were listed go to *kind and *is_listed. */
static void check_cap_sentence(const char *text, const struct io_say_point *pts, size_t n,
                               int *kind, bool *is_listed)
{
	static const char up_to[] = " Up to there each step of it costs, in cash per extra "
	                            "filled hour, ";
	static const char still[] = " A higher v still buys fill at the top of the range, ";
	size_t i, k, last = n - 1;
	double x;
	int used = 0;
	const char *s = text;
	bool is_empty = n < 2;
	for (i = 0; i < n; i++)
		is_empty = is_empty || pts[i].fill < 0;
	*kind = -1;
	*is_listed = false;
	if (is_empty) {
		assert_string_equal(text, "");
		return;
	}
	if (sscanf(s,
	           " A higher v buys no fill here: above %lf, fill gains less than 0.05 "
	           "points.%n",
	           &x, &used) == 1 &&
	    used > 0) {
		assert_int_equal(index_of_x(pts, n, x), 0);
		assert_false(gains_after(pts, n, 0));
		assert_string_equal(s + used, "");
		*kind = 0;
		return;
	}
	if (strncmp(s, still, strlen(still)) == 0) {
		/* the number, then the full stop (which strtod may take as
		 * the number's: "23.") */
		char *end;
		x = strtod(s + strlen(still), &end);
		used = (int)(end - s) + (*end == '.');
		k = index_of_x(pts, n, x);
		assert_int_equal(k, last);
		*kind = 2;
	} else {
		assert_int_equal(
		    sscanf(s,
		           " A higher v stops buying fill at %lf: beyond it fill gains "
		           "less than 0.05 points.%n",
		           &x, &used),
		    1);
		assert_true(used > 0);
		k = index_of_x(pts, n, x);
		assert_true(k > 0 && k < last);
		assert_false(gains_after(pts, n, k));
		*kind = 1;
	}
	/* k is the first point beyond which fill gains too little */
	for (i = 0; i < k; i++)
		assert_true(gains_after(pts, n, i));
	s += used;
	assert_int_equal(strncmp(s, up_to, strlen(up_to)), 0);
	s += strlen(up_to);
	if (k <= IO_SAY_CAP_STEPS) {
		*is_listed = true;
		for (i = 0; i < k; i++) {
			if (i > 0) {
				assert_int_equal(strncmp(s, ", ", 2), 0);
				s += 2;
			}
			s = check_listed_step(s, pts, i);
		}
	} else {
		size_t n_priced = 0, a, c;
		double rate;
		for (i = 0; i < k; i++)
			n_priced += step_kind(pts, i, i + 1, &rate) == 0;
		if (sscanf(s, "nothing more on any of its %zu steps%n", &a, &used) == 1 &&
		    used > 0) {
			assert_int_equal(a, k);
			assert_int_equal(n_priced, 0);
			s += used;
		} else {
			assert_int_equal(strncmp(s, "from ", 5), 0);
			s = check_extreme_step(s + 5, pts, k, -1);
			assert_int_equal(strncmp(s, " to ", 4), 0);
			s = check_extreme_step(s + 4, pts, k, 1);
			used = 0;
			if (sscanf(s,
			           " on %zu of its %zu steps, the others buying no fill or costing "
			           "nothing more%n",
			           &a, &c, &used) == 2 &&
			    used > 0) {
				assert_int_equal(a, n_priced);
				assert_int_equal(c, k);
				assert_true(n_priced < k);
				s += used;
			} else {
				assert_int_equal(n_priced, k);
			}
		}
	}
	s = check_cap_total(s, pts, k);
	assert_string_equal(s, ".");
	/* cash only: no penalty weight is said */
	assert_null(strstr(text, "penalt"));
}

static void test_io_say_sweep_cap_is_true_of_its_series(void **state)
{
	struct io_say_point pts[16];
	size_t seen[3][2] = {{0}}, n_empty = 0;
	int i, kind;
	bool is_listed;
	(void)state;
	for (i = 0; i < 20000; i++) {
		size_t n = gen_cap_series(pts);
		struct mu_buf b;
		mu_buf_init(&b);
		io_say_sweep_cap(&b, "v", pts, n);
		check_cap_sentence(b.len ? b.data : "", pts, n, &kind, &is_listed);
		if (kind < 0)
			n_empty++;
		else
			seen[kind][is_listed]++;
		mu_buf_release(&b);
	}
	/* every kind was made and checked: no fill (never listed), where it
	 * stops and still buying, each with steps listed and summed up */
	if (seen[0][0] < 200 || n_empty < 100)
		fail_msg("only %zu without fill, %zu empty", seen[0][0], n_empty);
	for (kind = 1; kind < 3; kind++)
		if (seen[kind][0] < 200 || seen[kind][1] < 200)
			fail_msg("kind %d: %zu summed, %zu listed", kind, seen[kind][0],
			         seen[kind][1]);
}

/* One hand-made series: the sentence as a user reads it. */
static void test_io_say_sweep_cap_example_sentence(void **state)
{
	struct io_say_point pts[5] = {
	    {.x = 20, .fill = 0.9, .spend = 10000, .filled_hours = 900},
	    {.x = 22, .fill = 0.94, .spend = 11000, .filled_hours = 940},
	    {.x = 24, .fill = 0.96, .spend = 11000, .filled_hours = 960},
	    {.x = 26, .fill = 0.97, .spend = 11500, .filled_hours = 970},
	    {.x = 28, .fill = 0.9702, .spend = 11800, .filled_hours = 970.2},
	};
	struct mu_buf b;
	(void)state;
	mu_buf_init(&b);
	io_say_sweep_cap(&b, "bank_cap.rn_b5", pts, 5);
	assert_string_equal(b.data, " A higher bank_cap.rn_b5 stops buying fill at 26: beyond it "
	                            "fill gains less than 0.05 points. Up to there each step of it "
	                            "costs, in cash per extra filled hour, £25.00 (20 to 22), "
	                            "nothing more (22 to 24), £50.00 (24 to 26); in all, £1,500 "
	                            "more spend for 70.0 more filled hours, £21.43 an hour.");
	mu_buf_release(&b);
}

/* A point of a series from a plan's totals: its fill rate (negative when
 * nothing is required), cash spend (penalties left out) and red flags. */
static void test_io_say_point_of_takes_fill_spend_and_red_flags(void **state)
{
	struct mu_totals t;
	struct io_say_point p;
	(void)state;
	memset(&t, 0, sizeof(t));
	t.required_hours = 400;
	t.filled_hours = 300;
	t.spend_total = 1234.5;
	t.penalty_total = 99999;
	t.cost_total = t.spend_total + t.penalty_total;
	t.n_red_flags = 3;
	p = io_say_point_of(27.5, &t);
	assert_true(p.filled_hours == 300);
	assert_true(p.x == 27.5);
	assert_true(fabs(p.fill - 0.75) < 1e-12);
	assert_true(p.spend == 1234.5);
	assert_int_equal(p.red_flags, 3);
	t.required_hours = t.filled_hours = 0;
	assert_true(io_say_point_of(0, &t).fill < 0);
}

/* "spend £X more|less|the same" at s, against the change more. */
static double weight_at(const char *s);

static void check_part(const char *s, const char *what, double more, bool is_weight)
{
	const char *at = strstr(s, what);
	assert_non_null(at);
	at += strlen(what);
	if (strncmp(at, " the same", 9) == 0) {
		assert_true(fabs(more) < (fabs(more) < 100 ? 0.005 : 0.5));
		return;
	}
	assert_true(fabs((is_weight ? weight_at(at + 1) : money_at(at + 1)) - fabs(more)) <=
	            money_tolerance(fabs(more)));
	assert_non_null(strstr(at, more > 0 ? " more" : " less"));
}

/* The guarantee's sentence on generated plans: its price, with spend and
 * penalties apart, and exactly the partners whose unfilled penalty without
 * it is above alone, each with the amount. */
static void test_io_say_guarantee_is_true_of_its_numbers(void **state)
{
	struct mu_totals a[N_PARTNERS] = {{0}}, c[N_PARTNERS] = {{0}}, s[N_PARTNERS] = {{0}};
	struct mu_plan with = {.partners = a, .n_partners = N_PARTNERS};
	struct mu_plan without = {.partners = c, .n_partners = N_PARTNERS};
	struct mu_plan silo = {.partners = s, .n_partners = N_PARTNERS};
	int i;
	(void)state;
	for (i = 0; i < 5000; i++) {
		struct mu_buf b;
		double price;
		const char *at;
		size_t p;
		for (p = 0; p < N_PARTNERS; p++) {
			s[p].unfilled_penalty = uniform() < 0.3 ? 0 : 5000 * uniform();
			c[p].unfilled_penalty = s[p].unfilled_penalty + draw(3000);
		}
		with.system.spend_total = 1e5 * uniform();
		with.system.penalty_total = 1e5 * uniform();
		without.system.spend_total = with.system.spend_total - draw(4000);
		without.system.penalty_total = with.system.penalty_total - draw(4000);
		with.system.cost_total = with.system.spend_total + with.system.penalty_total;
		without.system.cost_total =
		    without.system.spend_total + without.system.penalty_total;
		price = with.system.cost_total - without.system.cost_total;
		mu_buf_init(&b);
		io_say_guarantee(&b, &scenario, &with, &without, &silo);
		if ((at = strstr(b.data, "changes nothing here")) != NULL) {
			assert_true(fabs(price) < (fabs(price) < 100 ? 0.005 : 0.5));
		} else {
			at = strstr(b.data,
			            price > 0 ? "raises the objective" : "lowers the objective");
			assert_non_null(at);
			at = strstr(at, " by ") + strlen(" by ");
			assert_true(fabs(weight_at(at) - fabs(price)) <=
			            money_tolerance(fabs(price)));
			check_part(at, ": spend",
			           with.system.spend_total - without.system.spend_total, false);
			check_part(at, ", penalty weights",
			           with.system.penalty_total - without.system.penalty_total, true);
		}
		for (p = 0; p < N_PARTNERS; p++) {
			double more = c[p].unfilled_penalty - s[p].unfilled_penalty;
			const char *named = strstr(b.data, partners[p].name);
			assert_int_equal(named != NULL, more >= 0.005);
			if (named) {
				at = strstr(named, "without it, ") + strlen("without it, ");
				assert_true(fabs(weight_at(at) - more) <= 0.005 + 1e-9);
				assert_non_null(strstr(at, " more in unfilled penalty weights"));
			}
		}
		/* penalties are never money saved, nor a cost, nor in pounds: the
		 * only pound sign is the spend's */
		assert_null(strstr(b.data, "saves"));
		assert_null(strstr(b.data, "cost"));
		at = strstr(b.data, "\xc2\xa3");
		if (at) {
			assert_true(at > strstr(b.data, ": spend "));
			assert_null(strstr(at + 1, "\xc2\xa3"));
			assert_true(at < strstr(b.data, ", penalty weights"));
		}
		mu_buf_release(&b);
	}
}

/* The number that ends right before the first occurrence of key in text
 * (NAN when key is absent). */
static double number_before(const char *text, const char *key)
{
	const char *at = strstr(text, key), *start;
	if (!at)
		return NAN;
	for (start = at; start > text && (isdigit((unsigned char)start[-1]) || start[-1] == '.');)
		start--;
	return strtod(start, NULL);
}

/* The number (commas skipped) at s, which must start with a digit. */
static double weight_at(const char *s)
{
	char digits[64];
	size_t n = 0;
	assert_true(*s >= '0' && *s <= '9');
	for (; (*s >= '0' && *s <= '9') || *s == ',' || *s == '.'; s++)
		if (*s != ',' && n + 1 < sizeof(digits))
			digits[n++] = *s;
	digits[n] = '\0';
	return strtod(digits, NULL);
}

/* Signed weights: "-1,234.50" or "3.00". */
static double signed_weight_at(const char *s)
{
	return *s == '-' ? -weight_at(s + 1) : weight_at(s);
}

/* Issue #24: why.csv's "costs more" reason, over generated rows: the cash
 * is in pounds (to the penny), the penalty weights beside it and the
 * row's penalty have no pound sign, each reads back as its number, and
 * weights that show as 0 are not said. */
static void test_io_say_why_costs_more_gives_cash_and_weights_apart(void **state)
{
	struct mu_demand demand = {.partner = 0};
	struct mu_scenario sc = scenario;
	int i;
	(void)state;
	sc.demand = &demand;
	sc.n_demand = 1;
	for (i = 0; i < 2000; i++) {
		double u = uniform(), cash = fabs(draw(2000)), weights, penalty;
		struct mu_why_row r = {.reason = MU_WHY_COSTS_MORE, .source = MU_SRC_AGENCY};
		const char *at;
		struct mu_buf b;
		weights = u < 0.4 ? 0 : u < 0.5 ? uniform() * 0.01 : fabs(draw(6000));
		penalty = (cash + weights) * uniform();
		r.cost = cash + weights;
		r.cash = cash;
		r.penalty = penalty;
		r.n_subjects = 1 + (size_t)(uniform() * 5);
		mu_buf_init(&b);
		io_say_why(&b, &sc, &r);
		/* one pound sign: the cash's */
		at = strstr(b.data, "costs ");
		assert_non_null(at);
		assert_true(fabs(money_at(at + strlen("costs ")) - cash) <= 0.005 + 1e-9);
		assert_null(strstr(strstr(b.data, "£") + 1, "£"));
		at = strstr(b.data, " plus ");
		if (weights >= 0.005) {
			double tol = weights < 100 ? 0.005 : 0.5;
			assert_non_null(at);
			assert_true(fabs(weight_at(at + strlen(" plus ")) - weights) <= tol + 1e-9);
			assert_non_null(strstr(at, " in penalty weights"));
		} else {
			assert_null(at);
			assert_null(strstr(b.data, "penalty weights"));
		}
		at = strstr(b.data, "more than the ");
		assert_non_null(at);
		assert_true(fabs(weight_at(at + strlen("more than the ")) - penalty) <=
		            (penalty < 100 ? 0.005 : 0.5) + 1e-9);
		assert_non_null(strstr(at, " penalty weight of leaving one uncovered"));
		mu_buf_release(&b);
	}
}

/* io_say_bank on generated bank uses: every count, hour and penalty it
 * states is read back and must be the one it was made from; clauses for
 * prefer, avoid and the fair share appear exactly when they apply; money
 * keeps its sign and is never called saved. */
static void test_io_say_bank_is_true_of_its_numbers(void **state)
{
	int n;
	(void)state;
	for (n = 0; n < 3000; n++) {
		struct mu_scenario sc = scenario;
		struct mu_bank_use u = {0};
		struct mu_buf b;
		const char *at;
		size_t k, sum = 0;
		bool is_lp = uniform() < 0.3;
		sc.settings.preference_weight = uniform() < 0.2 ? 0 : 1 + floor(uniform() * 50);
		sc.settings.bank_min_share = uniform() < 0.4 ? 0 : floor(uniform() * 100) / 100;
		u.n_workers = (size_t)(uniform() * 40);
		u.n_prefer = uniform() < 0.4 ? 0 : (size_t)(uniform() * 30);
		u.n_avoid = uniform() < 0.4 ? 0 : (size_t)(uniform() * 30);
		u.prefer_granted = floor(uniform() * (double)u.n_prefer);
		u.avoid_given = floor(uniform() * (double)u.n_avoid);
		if (is_lp) {
			u.prefer_granted *= 0.75;
			u.avoid_given *= 0.5;
		}
		u.preference_penalty =
		    sc.settings.preference_weight * (u.avoid_given - u.prefer_granted);
		u.offered_hours = floor(uniform() * 5000);
		u.worked_hours = floor(uniform() * u.offered_hours);
		for (k = 0; k < MU_SHARE_STEPS && u.n_workers; k++) {
			u.by_share[k] = (size_t)(uniform() * (double)(u.n_workers - sum));
			sum += u.by_share[k];
		}
		u.n_with_target = sc.settings.bank_min_share > 0 ? u.n_workers : 0;
		u.n_below_target =
		    uniform() < 0.5 ? 0 : (size_t)(uniform() * (double)u.n_with_target);
		u.hours_short = u.n_below_target ? 1 + floor(uniform() * 100) / 4 : 0;
		u.share_penalty = 30 * u.hours_short;
		mu_buf_init(&b);
		io_say_bank(&b, &sc, &u);
		if (u.n_workers == 0) {
			assert_int_equal(b.len, 0);
			mu_buf_release(&b);
			continue;
		}
		assert_int_equal(strstr(b.data, "Preferences:") != NULL,
		                 u.n_prefer + u.n_avoid > 0);
		assert_int_equal(strstr(b.data, "offered as prefer granted") != NULL,
		                 u.n_prefer > 0);
		assert_int_equal(strstr(b.data, "offered as avoid given") != NULL, u.n_avoid > 0);
		if (u.n_prefer > 0) {
			at = strstr(b.data, "Preferences: ") + strlen("Preferences: ");
			assert_true(fabs(strtod(at, NULL) - u.prefer_granted) < 0.006);
			at = strstr(at, " of the ") + strlen(" of the ");
			assert_true(strtod(at, NULL) == (double)u.n_prefer);
		}
		if (u.n_avoid > 0) {
			at = strstr(b.data, "as prefer granted; ");
			at = at ? at + strlen("as prefer granted; ")
			        : b.data + strlen("Preferences: ");
			assert_true(fabs(strtod(at, NULL) - u.avoid_given) < 0.006);
			at = strstr(at, " of the ") + strlen(" of the ");
			assert_true(strtod(at, NULL) == (double)u.n_avoid);
		}
		if (u.n_prefer + u.n_avoid > 0) {
			at = strstr(b.data, "Preference penalty ") + strlen("Preference penalty ");
			assert_true(fabs(signed_weight_at(at) - u.preference_penalty) < 0.006);
		}
		at = strstr(b.data, "Bank hours: ");
		assert_non_null(at);
		assert_true(strtod(at + strlen("Bank hours: "), NULL) == (double)u.n_workers);
		assert_true(fabs(number_before(at, " h and worked") - u.offered_hours) < 1e-9);
		assert_true(fabs(number_before(at, " h of them") - u.worked_hours) < 1e-9);
		assert_true(number_before(at, " worked none") == (double)u.by_share[MU_SHARE_NONE]);
		assert_true(number_before(at, " all of them") == (double)u.by_share[MU_SHARE_ALL]);
		assert_int_equal(strstr(b.data, "Fair share") != NULL,
		                 sc.settings.bank_min_share > 0);
		if (sc.settings.bank_min_share > 0) {
			at = strstr(strstr(b.data, "Fair share"), "): ") + strlen("): ");
			if (u.n_below_target == 0) {
				assert_true(strncmp(at, "all ", 4) == 0);
				assert_true(strtod(at + 4, NULL) == (double)u.n_with_target);
				assert_non_null(strstr(at, "reached it"));
			} else {
				assert_true(strtod(at, NULL) == (double)u.n_below_target);
				assert_true(strtod(strstr(at, " of ") + 4, NULL) ==
				            (double)u.n_with_target);
				assert_true(fabs(number_before(at, " h short") - u.hours_short) <
				            0.006);
			}
			at = strstr(at, "share penalty ") + strlen("share penalty ");
			assert_true(fabs(signed_weight_at(at) - u.share_penalty) < 0.006);
		}
		assert_null(strstr(b.data, "sav"));
		assert_null(strstr(b.data, "\xc2\xa3")); /* weights, never pounds (#24) */
		mu_buf_release(&b);
	}
}

/* The changes sentence of a re-plan, made many times from generated
 * counts: each count it states read back, the penalties only when some
 * change was made at a penalty, never a clause for a count of zero but
 * "none made at a change penalty", never "saved". */
/* A re-plan names the kept plan as given and the --now moment. */
static void test_io_say_replan_names_the_kept_plan_and_now(void **state)
{
	struct mu_keep k;
	struct mu_buf b;
	char source[] = "out/plan.csv";
	(void)state;
	memset(&k, 0, sizeof(k));
	k.source = source;
	mu_buf_init(&b);
	io_say_replan(&b, &k);
	assert_string_equal(b.data, "A re-plan of out/plan.csv (--keep): every shift is planned "
	                            "again.");
	mu_buf_reset(&b);
	k.has_now = true;
	k.now = 20789L * 1440 + 12 * 60 + 5; /* 2026-12-02T12:05 */
	io_say_replan(&b, &k);
	assert_string_equal(b.data, "A re-plan of out/plan.csv (--keep): the shifts that start "
	                            "from Wed 2 Dec 2026 12:05 (--now) are planned again, those "
	                            "before stay as kept.");
	mu_buf_release(&b);
}

static void test_io_say_changes_is_true_of_its_numbers(void **state)
{
	unsigned long long x = 88172645463325252ULL;
	int t;
	(void)state;
	for (t = 0; t < 2000; t++) {
		struct mu_change rows[12];
		struct mu_changes c = {.rows = rows, .change_penalty = 150};
		struct mu_buf b;
		size_t n_added = 0, n_chosen = 0, n, i;
		char want[160];
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		n = (size_t)(x % 13);
		c.n_kept = (size_t)(x >> 8) % 50;
		for (i = 0; i < n; i++) {
			unsigned k = (unsigned)(x >> (4 + 2 * i)) % 4;
			memset(&rows[i], 0, sizeof(rows[i]));
			rows[i].kind = k == 0   ? MU_CHANGE_ADDED
			               : k == 1 ? MU_CHANGE_MOVED
			                        : MU_CHANGE_REMOVED;
			rows[i].is_forced = k == 3;
			rows[i].penalty = k == 1 || k == 2 ? 150 : 0;
			c.penalty += rows[i].penalty;
			c.n_forced += k == 3;
			n_added += k == 0;
			n_chosen += k == 1 || k == 2;
		}
		c.n_rows = n;
		mu_buf_init(&b);
		io_say_changes(&b, &c);
		if (n == 0) {
			if (c.n_kept == 0)
				snprintf(want, sizeof(want),
				         "No change: the kept plan has no bank");
			else
				snprintf(want, sizeof(want),
				         "No change against the kept plan: its %zu ", c.n_kept);
			assert_non_null(strstr(b.data, want));
			mu_buf_release(&b);
			continue;
		}
		snprintf(want, sizeof(want), "%zu change%s against the kept plan: ", n,
		         n == 1 ? "" : "s");
		assert_true(strncmp(b.data, want, strlen(want)) == 0);
		snprintf(want, sizeof(want), "%zu forced", c.n_forced);
		assert_true((strstr(b.data, want) != NULL) == (c.n_forced > 0));
		if (n_chosen > 0) {
			snprintf(want, sizeof(want), "%zu made at a change penalty (", n_chosen);
			assert_non_null(strstr(b.data, want));
			struct mu_buf m;
			mu_buf_init(&m);
			mu_buf_adds(&m, "(");
			io_say_weight(&m, c.penalty); /* 150 a change chosen */
			mu_buf_adds(&m, " in all, in penalty weights)");
			assert_non_null(strstr(b.data, m.data));
			assert_true(fabs(c.penalty - 150.0 * (double)n_chosen) < 1e-9);
			mu_buf_release(&m);
		} else {
			assert_non_null(
			    strstr(b.data,
			           "none made at a change penalty (150 each, in penalty weights)"));
			assert_null(strstr(b.data, "in all"));
		}
		snprintf(want, sizeof(want), "%zu added (new bookings carry no change penalty); ",
		         n_added);
		assert_true((strstr(b.data, want) != NULL) == (n_added > 0));
		assert_true((strstr(b.data, " added") != NULL) == (n_added > 0));
		snprintf(want, sizeof(want), "%zu kept as they were.", c.n_kept);
		assert_non_null(strstr(b.data, want));
		assert_null(strstr(b.data, "sav"));
		assert_null(strstr(b.data, "free"));
		assert_null(strstr(b.data, "cost"));     /* the objective is no cost (#24) */
		assert_null(strstr(b.data, "\xc2\xa3")); /* weights, never pounds (#24) */
		mu_buf_release(&b);
	}
}

/* Year, month and day of days since 1970-01-01, by the civil-from-days
 * arithmetic (not gmtime, as io_say_shift_when uses). */
static void civil(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* io_say_change on generated changes of a generated scenario: each line
 * names the bank worker by name and id (or the agency offer), the shift's
 * weekday, date and clock times as the scenario has them, then its id,
 * where it was and is, and its penalty or why it was forced; nothing else
 * of another worker or shift. 2026-12-03 is a Thursday. */
static void test_io_say_change_names_who_and_when(void **state)
{
	static const char *const wdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct mu_role roles[2] = {{.id = "rn_b5", .name = "Staff nurse"},
	                           {.id = "hca", .name = "Healthcare assistant"}};
	struct mu_shift shifts[8];
	struct mu_bank_worker bank[5] = {
	    {.id = "bw024", .name = "Owen Davies"},  {.id = "bw025", .name = "Owen Davies"},
	    {.id = "bw1", .name = "Nia Roberts"},    {.id = "x", .name = "A"},
	    {.id = "bw77", .name = "Siân Ó Briain"},
	};
	struct mu_agency_offer agency[2] = {{.supplier = "Medics4U", .role = 0, .partner = MU_ALL},
	                                    {.supplier = "CarePlus", .role = 1, .partner = 2}};
	char sid[8][8], want[200];
	struct mu_buf b;
	size_t i;
	int t;
	(void)state;
	for (i = 0; i < 8; i++)
		snprintf(sid[i], sizeof(sid[i]), "s%zu", i);
	mu_buf_init(&b);
	/* the example's Thursday early shift, by hand */
	{
		struct mu_shift thu = {
		    .id = "thu-e", .day = 20790, .start_min = 450, .end_min = 930};
		io_say_shift_when(&b, &thu);
		assert_string_equal(b.data, "Thu 3 Dec 07:30–15:30");
	}
	for (t = 0; t < 3000; t++) {
		struct mu_scenario sc = scenario;
		struct mu_change ch = {0};
		long y;
		int m, d;
		const struct mu_shift *sh;
		for (i = 0; i < 8; i++) {
			shifts[i] = (struct mu_shift){.id = sid[i]};
			shifts[i].day = 20000 + (long)(uniform() * 4000);
			shifts[i].start_min = (int)(uniform() * 96) * 15;
			shifts[i].end_min = (int)(uniform() * 96) * 15;
		}
		sc.roles = roles;
		sc.n_roles = 2;
		sc.shifts = shifts;
		sc.n_shifts = 8;
		sc.bank = bank;
		sc.n_bank = 5;
		sc.agency = agency;
		sc.n_agency = 2;
		ch.kind = (enum mu_change_kind)(uniform() * 3);
		ch.source = uniform() < 0.6 ? MU_SRC_BANK : MU_SRC_AGENCY;
		ch.worker = ch.source == MU_SRC_BANK ? (size_t)(uniform() * 5) : MU_ALL;
		ch.offer = ch.source == MU_SRC_AGENCY && uniform() < 0.9 ? (size_t)(uniform() * 2)
		                                                         : MU_ALL;
		ch.shift = (size_t)(uniform() * 8);
		ch.from_partner = ch.from_role = ch.to_partner = ch.to_role = MU_ALL;
		if (ch.kind != MU_CHANGE_ADDED) {
			ch.from_partner = (size_t)(uniform() * N_PARTNERS);
			ch.from_role = (size_t)(uniform() * 2);
		}
		if (ch.kind != MU_CHANGE_REMOVED) {
			ch.to_partner = (size_t)(uniform() * N_PARTNERS);
			ch.to_role = (size_t)(uniform() * 2);
		}
		ch.staff = ch.source == MU_SRC_BANK ? 1 : 1 + floor(uniform() * 3);
		ch.is_forced = ch.kind == MU_CHANGE_REMOVED && uniform() < 0.5;
		ch.why = ch.is_forced ? MU_KEEP_NOT_OFFERED : MU_KEEP_POSSIBLE;
		ch.penalty = ch.kind == MU_CHANGE_ADDED || ch.is_forced ? 0 : 150;
		mu_buf_reset(&b);
		io_say_change(&b, &sc, &ch);
		snprintf(want, sizeof(want), "%s: ", mu_change_kind_names[ch.kind]);
		assert_true(strncmp(b.data, want, strlen(want)) == 0);
		if (ch.worker != MU_ALL) {
			snprintf(want, sizeof(want), ": bank worker %s (%s), ",
			         bank[ch.worker].name, bank[ch.worker].id);
			assert_non_null(strstr(b.data, want));
			for (i = 0; i < 5; i++)
				if (strcmp(bank[i].id, bank[ch.worker].id) != 0) {
					snprintf(want, sizeof(want), "(%s)", bank[i].id);
					assert_null(strstr(b.data, want));
				}
		} else if (ch.offer != MU_ALL) {
			snprintf(want, sizeof(want), ": %g agency staff of %s (%s, offer for %s), ",
			         ch.staff, agency[ch.offer].supplier,
			         roles[agency[ch.offer].role].id,
			         ch.offer == 0 ? "*" : partners[2].id);
			assert_non_null(strstr(b.data, want));
		} else {
			if (uniform() < 0.5) {
				ch.supplier = "Gone Staffing";
				mu_buf_reset(&b);
				io_say_change(&b, &sc, &ch);
				snprintf(want, sizeof(want),
				         ": %g agency staff of Gone Staffing (offer gone), ",
				         ch.staff);
			} else {
				snprintf(want, sizeof(want), ": %g agency staff (offer gone), ",
				         ch.staff);
			}
			assert_non_null(strstr(b.data, want));
		}
		sh = &shifts[ch.shift];
		civil(sh->day, &y, &m, &d);
		/* 1970-01-01 was a Thursday: index 3 */
		snprintf(want, sizeof(want), ", %s %d %s %02d:%02d–%02d:%02d (%s),",
		         wdays[(sh->day + 3) % 7], d, months[m - 1], sh->start_min / 60,
		         sh->start_min % 60, sh->end_min / 60, sh->end_min % 60, sh->id);
		assert_non_null(strstr(b.data, want));
		for (i = 0; i < 8; i++)
			if (i != ch.shift) {
				snprintf(want, sizeof(want), "(%s)", sid[i]);
				assert_null(strstr(b.data, want));
			}
		if (ch.from_partner != MU_ALL) {
			snprintf(want, sizeof(want), "%s %s %s",
			         ch.kind == MU_CHANGE_MOVED ? "from" : "at",
			         partners[ch.from_partner].id, roles[ch.from_role].id);
			assert_non_null(strstr(b.data, want));
		}
		if (ch.to_partner != MU_ALL) {
			snprintf(want, sizeof(want), "%s %s %s",
			         ch.kind == MU_CHANGE_MOVED ? "to" : "at",
			         partners[ch.to_partner].id, roles[ch.to_role].id);
			assert_non_null(strstr(b.data, want));
		}
		assert_int_equal(strstr(b.data, "; forced (shift no longer offered), no penalty") !=
		                     NULL,
		                 ch.is_forced);
		assert_int_equal(strstr(b.data, "; change penalty 150 in weights") != NULL,
		                 ch.penalty > 0);
		assert_null(strstr(b.data, "\xc2\xa3")); /* weights, never pounds (#24) */
	}
	mu_buf_release(&b);
}

/* The comparison's objective sentence on generated searches (issue 24):
 * "X lower/higher" read back; with both searches proven nothing more; with
 * either stopped, "between the rotas found" naming the stopped search(es),
 * and the least gap to any silo rota only from a stopped silo search's
 * bound above the system rota found, read back too. Never a pound sign. */
static void test_io_say_compare_cost_says_what_a_stopped_search_proves(void **state)
{
	unsigned seed = 24;
	int k;
	(void)state;
	for (k = 0; k < 4000; k++) {
		struct io_compare_search sys, silo;
		struct mu_buf b;
		const char *at;
		double diff;
		sys.objective = (rand_r(&seed) % 10000000) / 100.0;
		silo.objective = (rand_r(&seed) % 10000000) / 100.0;
		sys.is_optimal = rand_r(&seed) % 2;
		silo.is_optimal = rand_r(&seed) % 2;
		sys.has_bound = rand_r(&seed) % 2;
		silo.has_bound = rand_r(&seed) % 2;
		sys.bound = sys.objective * (rand_r(&seed) % 100) / 100.0;
		silo.bound = silo.objective * (rand_r(&seed) % 100) / 100.0;
		sys.has_flow = silo.has_flow = k % 2;
		mu_buf_init(&b);
		io_say_compare_cost(&b, &sys, &silo);
		assert_null(strstr(b.data, "\xc2\xa3"));
		/* the bed-days among what the penalties weigh with pathways, else
		 * not a word of them */
		if (k % 2)
			assert_non_null(strstr(b.data,
			                       "break-glass and the bed-days of patients fit "
			                       "to leave: not money) is "));
		else
			assert_null(strstr(b.data, "bed"));
		at = strstr(b.data, "not money) is ");
		assert_non_null(at);
		diff = silo.objective - sys.objective;
		assert_true(fabs(weight_at(at + 14) - fabs(diff)) <= 0.006);
		assert_non_null(strstr(at, diff >= 0 ? " lower" : " higher"));
		if (sys.is_optimal && silo.is_optimal) {
			assert_null(strstr(b.data, "between"));
			assert_null(strstr(b.data, "at least"));
		} else {
			assert_non_null(strstr(b.data, "between the rotas found"));
			assert_non_null(
			    strstr(b.data, !sys.is_optimal && !silo.is_optimal
			                       ? "the system and silo searches were stopped"
			                   : !sys.is_optimal ? "the system search was stopped"
			                                     : "the silo search was stopped"));
		}
		at = strstr(b.data, "at least ");
		if (!silo.is_optimal && silo.has_bound && silo.bound - sys.objective > 0) {
			assert_non_null(at);
			assert_true(fabs(weight_at(at + 9) - (silo.bound - sys.objective)) <=
			            0.006);
			assert_non_null(strstr(at, " lower than any silo rota"));
		} else
			assert_null(at);
		mu_buf_release(&b);
	}
}

/* The recruitment's sentence on generated numbers: each post named, its
 * yearly pay (pounds), the yearly objective's change (said as spend plus
 * penalty weights, with no pound sign), spend's (pounds) and filled hours'
 * each with its sign, and what one post more would do to the objective
 * (weights), read back out of the text; never "save", never "yearly
 * cost". From an
 * unfinished search (a rota's limit or Ctrl-C) it claims no best: it says
 * the figures are the best rotas found, and what the best rota found with
 * one post more does, not what the post would do. */
static void check_change(const char *text, const char *after, double more, const char *down,
                         const char *up, const char *same)
{
	const char *at = strstr(text, after);
	if (fabs(more) < (fabs(more) < 100 ? 0.005 : 0.5)) {
		assert_non_null(strstr(text, same));
		return;
	}
	assert_non_null(at);
	assert_true(fabs(weight_at(at + strlen(after)) - fabs(more)) <=
	            money_tolerance(fabs(more)));
	{
		/* the verb just before: "lower", "lowers", "raise" or "raises" */
		char verb[8];
		size_t k = at - text < 7 ? (size_t)(at - text) : 7;
		memcpy(verb, at - k, k);
		verb[k] = '\0';
		assert_non_null(strstr(verb, more < 0 ? down : up));
	}
}

static void test_io_say_recruit_is_true_of_its_numbers(void **state)
{
	struct mu_role roles[2] = {{.id = "rn", .name = "Nurse"}, {.id = "cw", .name = "Carer"}};
	struct mu_recruit recruits[3] = {{.partner = 0, .role = 0, .annual_cost = 40000},
	                                 {.partner = 1, .role = 1, .annual_cost = 30000},
	                                 {.partner = 2, .role = 0, .annual_cost = 45000}};
	struct mu_scenario sc = scenario;
	size_t n, i;
	(void)state;
	sc.roles = roles;
	sc.n_roles = 2;
	sc.recruits = recruits;
	sc.n_recruits = 3;
	for (n = 0; n < 5000; n++) {
		double posts[3];
		struct io_say_recruit r = {.posts = posts, .is_lp = uniform() < 0.3};
		struct mu_buf b;
		size_t n_with = 0;
		double total = 0, hours;
		for (i = 0; i < 3; i++) {
			double u = uniform();
			posts[i] = u < 0.4   ? 0
			           : r.is_lp ? 10 * uniform()
			                     : floor(10 * uniform()) + 1;
			r.post_cost += posts[i] * recruits[i].annual_cost;
			n_with += posts[i] > 0;
			total += posts[i];
		}
		r.cost_none = 1e6 * uniform();
		r.cost = r.cost_none + draw(4e5);
		r.spend_none = 1e5 * uniform();
		r.spend = r.spend_none + draw(1e5);
		r.filled_none = 1e4 * uniform();
		r.filled = r.filled_none + draw(2000);
		r.has_next = uniform() < 0.8;
		r.is_next_feasible = uniform() < 0.8;
		r.cost_next = r.cost + draw(1e5);
		r.is_unfinished = !r.is_lp && uniform() < 0.5;
		r.has_flow = uniform() < 0.5;
		r.bed_days_none = 5000 * uniform();
		r.bed_days =
		    uniform() < 0.1 ? r.bed_days_none + draw(1) : r.bed_days_none - draw(3000);
		mu_buf_init(&b);
		io_say_recruit(&b, &sc, &r);
		assert_true((strstr(b.data, "hospital bed") != NULL) == (r.has_flow && n_with > 0));
		assert_null(strstr(b.data, "save"));
		assert_null(strstr(b.data, "yearly cost"));
		assert_null(strstr(b.data, "by \xc2\xa3-")); /* never a signed pound */
		assert_true((strstr(b.data, " is best") != NULL) ==
		            (n_with == 0 && !r.is_unfinished));
		assert_true((strstr(b.data, "best rota") != NULL) == r.is_unfinished);
		if (n_with == 0 && r.is_unfinished) {
			assert_true(strncmp(b.data,
			                    "The best rotas found recruit nobody, but a search "
			                    "stopped before it was proven best",
			                    82) == 0);
		} else if (n_with == 0) {
			assert_true(strncmp(b.data, "Recruiting nobody is best", 25) == 0);
		} else {
			assert_true((strncmp(b.data, "In the best rotas found (", 25) == 0) ==
			            r.is_unfinished);
			const char *pay =
			    strstr(b.data, n_with == 1 && total <= 1 ? " costs " : " cost ");
			for (i = 0; i < 3; i++)
				assert_true((strstr(b.data, partners[i].name) != NULL) ==
				            (posts[i] > 0));
			assert_non_null(pay);
			pay = strchr(pay + 1, ' ') + 1;
			assert_true(fabs(money_at(pay) - r.post_cost) <=
			            money_tolerance(r.post_cost));
			check_change(b.data,
			             " the yearly objective (spend plus penalty weights) by ",
			             r.cost - r.cost_none, "lower", "raise", "as it is");
			if (strstr(b.data, "stays the same"))
				assert_true(fabs(r.spend - r.spend_none) <
				            (fabs(r.spend - r.spend_none) < 100 ? 0.005 : 0.5));
			else {
				const char *at = strstr(b.data, "their pay included, ") + 20;
				bool is_down = strncmp(at, "falls by ", 9) == 0;
				assert_true(is_down || strncmp(at, "rises by ", 9) == 0);
				assert_true(is_down == (r.spend < r.spend_none));
				assert_true(fabs(money_at(at + 9) - fabs(r.spend - r.spend_none)) <=
				            money_tolerance(fabs(r.spend - r.spend_none)));
			}
			hours = round(r.filled - r.filled_none);
			if (hours == 0)
				assert_non_null(strstr(b.data, "as many hours are filled"));
			else {
				char want[64];
				snprintf(want, sizeof(want), "%.0f %s hour", fabs(hours),
				         hours > 0 ? "more" : "fewer");
				assert_non_null(strstr(b.data, want));
			}
			if (r.has_flow) {
				double days = round(r.bed_days_none - r.bed_days);
				bool is_one = n_with == 1 && total <= 1;
				const char *verb =
				    days > 0   ? (is_one ? "; it frees " : "; they free ")
				    : days < 0 ? (is_one ? "; it adds " : "; they add ")
				               : (is_one ? "; it frees no bed-days"
				                         : "; they free no bed-days");
				const char *at = strstr(b.data, verb);
				assert_non_null(at);
				if (days != 0) {
					at += strlen(verb);
					assert_true(fabs(weight_at(at) - fabs(days)) < 1e-9);
					assert_non_null(
					    strstr(at, " a year of patients fit to leave"));
				}
			}
		}
		if (r.has_next && !r.is_next_feasible)
			assert_non_null(strstr(b.data, "no post more fits"));
		else if (r.has_next) {
			const char *verb = r.is_unfinished ? " the best rota found " : " would ";
			const char *at = strstr(b.data, verb);
			double more = r.cost_next - r.cost;
			assert_non_null(at);
			assert_null(strstr(b.data, r.is_unfinished ? " would " : " the best rota"));
			at += strlen(verb);
			if (fabs(more) < (fabs(more) < 100 ? 0.005 : 0.5))
				assert_non_null(strstr(at, "as it is."));
			else {
				const char *want = more > 0
				                       ? (r.is_unfinished ? "raises" : "raise ")
				                       : (r.is_unfinished ? "lowers" : "lower ");
				assert_true(strncmp(at, want, 6) == 0);
				at = strstr(at, " by ") + 4;
				assert_true(fabs(weight_at(at) - fabs(more)) <=
				            money_tolerance(fabs(more)));
			}
		}
		mu_buf_release(&b);
	}
}

/* The partners of the shares' tests: more of them than the plans', some
 * names with an apostrophe or several words. */
#define N_GAME 7

static struct mu_partner game_partners[N_GAME] = {
    {.id = "acute_north", .name = "Northshire Acute Hospitals NHS Trust"},
    {.id = "cmh", .name = "Community and Mental Health"},
    {.id = "south", .name = "Southvale Hospitals"},
    {.id = "asc", .name = "County Adult Social Care"},
    {.id = "city", .name = "Rivercity Council"},
    {.id = "home", .name = "Brightway Homecare"},
    {.id = "hospice", .name = "St Aidan's Hospice"},
};

/* A scenario of the first n of game_partners. */
static struct mu_scenario game_scenario(size_t n)
{
	struct mu_scenario sc = {.partners = game_partners, .n_partners = n};
	return sc;
}

/* A random coalition of n partners (often empty or everyone). */
static mu_coalition draw_coalition(size_t n)
{
	double u = uniform();
	mu_coalition all = ((mu_coalition)1 << n) - 1;
	if (u < 0.1)
		return 0;
	if (u < 0.2)
		return all;
	return (mu_coalition)(uniform() * (double)(all + 1)) & all;
}

/* text (up to end, or its end) is exactly the ids of s's partners in
 * scenario order, joined by ';'. */
static void check_coalition(const struct mu_scenario *sc, const char *text, const char *end,
                            mu_coalition s)
{
	size_t p, len = end ? (size_t)(end - text) : strlen(text);
	const char *at = text;
	for (p = 0; p < sc->n_partners; p++) {
		size_t k = strlen(sc->partners[p].id);
		if (!((s >> p) & 1))
			continue;
		if (at > text) {
			assert_true(at < text + len && *at == ';');
			at++;
		}
		assert_true(at + k <= text + len);
		assert_memory_equal(at, sc->partners[p].id, k);
		at += k;
	}
	assert_ptr_equal(at, text + len);
}

/* text (up to end) is exactly the names of s's partners in scenario order,
 * "A", "A and B", "A, B and C"; "no partner" for the empty coalition. */
static void check_coalition_names(const struct mu_scenario *sc, const char *text, const char *end,
                                  mu_coalition s)
{
	struct mu_buf want;
	size_t p, n = 0, k = 0;
	mu_buf_init(&want);
	for (p = 0; p < sc->n_partners; p++)
		n += (s >> p) & 1;
	for (p = 0; p < sc->n_partners; p++)
		if ((s >> p) & 1)
			mu_buf_addf(&want, "%s%s",
			            k++ == 0 ? ""
			            : k == n ? " and "
			                     : ", ",
			            sc->partners[p].name);
	if (n == 0)
		mu_buf_adds(&want, "no partner");
	assert_int_equal((size_t)(end - text), want.len);
	assert_memory_equal(text, want.data, want.len);
	mu_buf_release(&want);
}

/* A coalition is its partners' ids, in scenario order, joined by ';';
 * nothing for the empty coalition; bits beyond the scenario's partners are
 * no partner. */
static void test_io_say_coalition_is_its_partners(void **state)
{
	int k;
	(void)state;
	for (k = 0; k < 2000; k++) {
		size_t n = 1 + (size_t)(uniform() * N_GAME);
		struct mu_scenario sc = game_scenario(n);
		mu_coalition s = draw_coalition(n);
		struct mu_buf b;
		mu_buf_init(&b);
		mu_buf_adds(&b, "x"); /* appended, not replaced */
		io_say_coalition(&b, &sc, s);
		assert_true(b.data[0] == 'x');
		check_coalition(&sc, b.data + 1, NULL, s);
		assert_int_equal(strlen(b.data) == 1, s == 0);
		mu_buf_reset(&b);
		io_say_coalition(&b, &sc, s | ((mu_coalition)1 << N_GAME));
		check_coalition(&sc, b.data, NULL, s);
		mu_buf_release(&b);
	}
}

/* The core sentence on generated shares: sampled, that the core is
 * checked for exact shares only, up to the number given; exact, in the
 * core or not as is_in_core says, the furthest coalition by its names and
 * the excess (in the core: its opposite, the margin) read back to the
 * penny, with its sign. */
static void test_io_say_shares_core_is_true_of_its_numbers(void **state)
{
	static const char in_core[] = "The shares are in the core: no group of partners would gain "
	                              "more value (spend plus penalty weights, not money) by "
	                              "working together alone than its shares add up to (the "
	                              "closest: ",
	                  not_in[] = "The shares are not in the core: ",
	                  not_end[] = " more in value (spend plus penalty weights, not money) "
	                              "than their shares add up to.";
	int k;
	(void)state;
	for (k = 0; k < 5000; k++) {
		size_t n = 1 + (size_t)(uniform() * N_GAME);
		struct mu_scenario sc = game_scenario(n);
		struct mu_shares sh = {.n = n, .is_exact = uniform() < 0.7};
		int exact_max = 1 + (int)(uniform() * 20);
		struct mu_buf b;
		const char *at, *end;
		if (sh.is_exact) {
			sh.is_in_core = uniform() < 0.5;
			sh.furthest = n == 1 ? 0 : draw_coalition(n);
			sh.furthest_excess = sh.is_in_core
			                         ? -fabs(draw(2e5)) + (uniform() < 0.1 ? 1e-7 : 0)
			                         : fabs(draw(2e5)) + 1e-3;
			/* a margin of nothing, or of less than a penny (issue 24, 9h) */
			if (sh.is_in_core && uniform() < 0.1)
				sh.furthest_excess = uniform() < 0.5 ? 0.0 : -0.004 * uniform();
			if (n == 1)
				sh.is_in_core = true, sh.furthest_excess = 0.0;
		}
		mu_buf_init(&b);
		io_say_shares_core(&b, &sc, &sh, exact_max);
		assert_null(strstr(b.data, "(null)"));
		assert_null(strstr(b.data, "-0.00"));
		/* value, not money: no pound sign, nothing saved (issue 24) */
		assert_null(strstr(b.data, "\xc2\xa3"));
		assert_null(strstr(b.data, "sav"));
		if (sh.is_exact && n == 1) {
			assert_string_equal(b.data, "The shares are in the core: with one partner "
			                            "there is no other partner to work with.");
		} else if (!sh.is_exact) {
			char want[96];
			snprintf(want, sizeof(want),
			         "The core is checked for exact shares only (up to %d partners).",
			         exact_max);
			assert_string_equal(b.data, want);
		} else if (sh.is_in_core) {
			assert_true(strncmp(b.data, in_core, strlen(in_core)) == 0);
			at = b.data + strlen(in_core);
			end = strstr(at, ", by ");
			assert_non_null(end);
			check_coalition_names(&sc, at, end, sh.furthest);
			at = end + strlen(", by ");
			assert_true(fabs(signed_weight_at(at) - -sh.furthest_excess) <=
			            0.005 + 1e-9);
			assert_string_equal(b.data + strlen(b.data) - 2, ").");
		} else {
			assert_true(strncmp(b.data, not_in, strlen(not_in)) == 0);
			at = b.data + strlen(not_in);
			end = strstr(at, ", working together alone, would gain ");
			assert_non_null(end);
			check_coalition_names(&sc, at, end, sh.furthest);
			at = end + strlen(", working together alone, would gain ");
			assert_true(fabs(weight_at(at) - sh.furthest_excess) <= 0.005 + 1e-9);
			assert_string_equal(b.data + strlen(b.data) - strlen(not_end), not_end);
		}
		mu_buf_release(&b);
	}
}

/* The index of the partner whose name text begins with and runs for len
 * bytes, or n. */
static size_t partner_named(const struct mu_scenario *sc, const char *text, size_t len)
{
	size_t p;
	for (p = 0; p < sc->n_partners; p++)
		if (strlen(sc->partners[p].name) == len &&
		    memcmp(text, sc->partners[p].name, len) == 0)
			return p;
	return sc->n_partners;
}

/* The settlement sentence on generated games: the transfers of
 * mu_game_settlement (from random gains and shares of equal sums) and
 * lists of random transfers, some of them below a penny. Each transfer said
 * is read back, payer and receiver by name and amount to the penny; they
 * are the transfers that read above £0.00, in their order; with none, that
 * none is needed; and what the sentence says, paid, brings each partner's
 * gain to its share (to the pennies rounded away). */
static void test_io_say_shares_settlement_is_true_of_its_numbers(void **state)
{
	/* of value (the weighted shares: never "pays") or of money for a
	 * horizon (the cash game's: "pays") */
	static const char value_head[] = "Transfers of value (spend plus penalty weights, not "
	                                 "money) that would make each partner's gain its share: ",
	                  value_none[] = "Transfers of value: none is needed; each partner's own "
	                                 "gain is its share.";
	char head[200], none[200];
	int k;
	(void)state;
	for (k = 0; k < 5000; k++) {
		size_t n = 1 + (size_t)(uniform() * N_GAME), n_t = 0, i, p, n_said = 0;
		struct mu_scenario sc = game_scenario(n);
		struct mu_transfer t[N_GAME];
		double gain[N_GAME], share[N_GAME], after[N_GAME], sum = 0;
		bool is_game = uniform() < 0.6;
		long per_days = uniform() < 0.5   ? 0
		                : uniform() < 0.5 ? 7
		                                  : 1 + (long)(uniform() * 28);
		const char *verb = per_days ? " pays " : " passes ";
		struct mu_buf b;
		const char *at;
		if (per_days) {
			char per[40];
			if (per_days == 7)
				snprintf(per, sizeof(per), "per week");
			else if (per_days == 1)
				snprintf(per, sizeof(per), "per day");
			else
				snprintf(per, sizeof(per), "per %ld days", per_days);
			snprintf(
			    head, sizeof(head),
			    "Settlement in cash, %s (money; from the cash game, each coalition's "
			    "plan valued at its spend): ",
			    per);
			snprintf(
			    none, sizeof(none),
			    "Settlement in cash, %s: none is needed; each partner's own fall in "
			    "net cash is its cash share.",
			    per);
		} else {
			snprintf(head, sizeof(head), "%s", value_head);
			snprintf(none, sizeof(none), "%s", value_none);
		}
		if (is_game) {
			for (p = 0; p < n; p++) {
				gain[p] = draw(1e5);
				share[p] = uniform() < 0.2 ? gain[p] : draw(1e5);
				sum += gain[p] - share[p];
			}
			share[n - 1] += sum; /* the same saving */
			n_t = mu_game_settlement(n, gain, share, t);
		} else if (n > 1) {
			n_t = (size_t)(uniform() * (double)n);
			for (i = 0; i < n_t; i++) {
				t[i].from = (size_t)(uniform() * (double)n);
				t[i].to =
				    (t[i].from + 1 + (size_t)(uniform() * (double)(n - 1))) % n;
				t[i].amount =
				    uniform() < 0.3 ? 0.01 * uniform() : fabs(draw(1e5)) + 1e-9;
			}
		}
		mu_buf_init(&b);
		io_say_shares_settlement(&b, &sc, t, n_t, per_days);
		if (!per_days) { /* "pays" and pounds only for money */
			assert_null(strstr(b.data, "pays"));
			assert_null(strstr(b.data, "\xc2\xa3"));
		}
		for (i = 0; i < n_t; i++)
			n_said += t[i].amount >= 0.005;
		if (n_said == 0) {
			assert_string_equal(b.data, none);
			mu_buf_release(&b);
			continue;
		}
		assert_true(strncmp(b.data, head, strlen(head)) == 0);
		assert_true(b.data[b.len - 1] == '.');
		memcpy(after, gain, sizeof(after));
		at = b.data + strlen(head);
		for (i = 0; i < n_t; i++) {
			const char *pays, *end, *pound;
			size_t from, to;
			double amount;
			if (t[i].amount < 0.005)
				continue;
			pays = strstr(at, verb);
			assert_non_null(pays);
			end = strstr(pays, "; ");
			if (!end)
				end = b.data + b.len - 1;
			if (per_days) {
				pound = strstr(pays + strlen(verb), " £");
			} else { /* "B 1,234.56 of value": the amount before " of value" */
				const char *of = strstr(pays + strlen(verb), " of value");
				assert_true(of && of < end && (of[9] == ';' || of[9] == '.'));
				for (pound = of; pound[-1] != ' ';)
					pound--;
				pound--;
			}
			assert_true(pound && pound < end);
			from = partner_named(&sc, at, (size_t)(pays - at));
			to = partner_named(&sc, pays + strlen(verb),
			                   (size_t)(pound - (pays + strlen(verb))));
			assert_int_equal(from, t[i].from);
			assert_int_equal(to, t[i].to);
			amount = per_days ? money_at(pound + 1) : weight_at(pound + 1);
			assert_true(fabs(amount - t[i].amount) <= 0.005 + 1e-9);
			after[from] -= amount;
			after[to] += amount;
			at = *end == ';' ? end + 2 : end;
		}
		assert_string_equal(at, "."); /* nothing more said */
		if (is_game)
			for (p = 0; p < n; p++)
				assert_true(fabs(after[p] - share[p]) <=
				            0.01 * (double)n + 1e-6 * (1 + fabs(share[p])));
		mu_buf_release(&b);
	}
}

/* Recruiting nobody not solved: nothing to compare the posts with, and
 * the sentence says only that. */
static void test_io_say_recruit_without_nobody_says_so(void **state)
{
	double posts[1] = {3};
	struct mu_recruit recruit = {.partner = 0, .role = 0, .annual_cost = 40000};
	struct mu_role role = {.id = "rn", .name = "Nurse"};
	struct mu_scenario sc = scenario;
	struct io_say_recruit r = {.posts = posts,
	                           .post_cost = 120000,
	                           .cost = 1e6,
	                           .has_next = true,
	                           .is_next_feasible = true,
	                           .cost_next = 2e6,
	                           .is_none_unsolved = true};
	struct mu_buf b;
	(void)state;
	sc.roles = &role;
	sc.n_roles = 1;
	sc.recruits = &recruit;
	sc.n_recruits = 1;
	mu_buf_init(&b);
	io_say_recruit(&b, &sc, &r);
	assert_string_equal(b.data,
	                    "Recruiting nobody was not solved (its search stopped before it "
	                    "found a rota better than leaving every shift short), so "
	                    "there is nothing to compare the posts with: allow more time "
	                    "(--time-limit).");
	mu_buf_release(&b);
}

/* Where a recruitment curve ends, on generated curves: the point the
 * sentence names (read back out of the text) is the one the numbers say -
 * from the first solved point every step lowers the yearly objective by 0.5 or
 * more up to it, and the next point does not (break-even), does not fit,
 * or was not solved; or every step pays; or no point fits or was solved. */
static void test_io_say_recruit_curve_is_true_of_its_points(void **state)
{
	size_t n_case;
	(void)state;
	for (n_case = 0; n_case < 5000; n_case++) {
		struct io_recruit_year pts[12];
		double x[12], from = floor(5 * uniform()), step = 1 + floor(10 * uniform());
		size_t n = 1 + (size_t)(12 * uniform()), i, first = 0, last, at;
		bool is_any_unsolved = false;
		enum io_recruit_end end;
		char want[128];
		struct mu_buf b;
		memset(pts, 0, sizeof(pts));
		for (i = 0; i < n; i++) {
			double u = uniform(), v = uniform();
			x[i] = from + (double)i * step;
			pts[i].status = u < 0.08   ? MU_STATUS_INFEASIBLE
			                : u < 0.14 ? MU_STATUS_NO_SOLUTION
			                : u < 0.6  ? MU_STATUS_OPTIMAL
			                           : MU_STATUS_FEASIBLE;
			pts[i].cost = i == 0     ? 1e6 * uniform()
			              : v < 0.55 ? pts[i - 1].cost - 1e5 * uniform()
			              : v < 0.7  ? pts[i - 1].cost - uniform() /* near 0.5 */
			              : v < 0.8  ? pts[i - 1].cost
			                         : pts[i - 1].cost + 1e5 * uniform();
		}
		/* the numbers' own reading */
		while (first < n && !io_say_recruit_is_solved(&pts[first])) {
			is_any_unsolved =
			    is_any_unsolved || pts[first].status != MU_STATUS_INFEASIBLE;
			first++;
		}
		for (last = first; last + 1 < n && io_say_recruit_is_solved(&pts[last + 1]) &&
		                   pts[last + 1].cost <= pts[last].cost - 0.5;
		     last++)
			;
		mu_buf_init(&b);
		io_say_recruit_curve(&b, x, pts, n);
		end = io_say_recruit_end(pts, n, &at);
		if (first == n) {
			assert_int_equal(at, n);
			assert_string_equal(
			    b.data,
			    is_any_unsolved
			        ? "No point of the curve was solved before its search stopped."
			        : "No point of the curve fits within recruit_budget and "
			          "max_posts.");
		} else if (last + 1 == n) {
			assert_int_equal(end, IO_RECRUIT_FALLS);
			assert_int_equal(at, n);
			assert_string_equal(
			    b.data, "Every step of the curve still lowers the yearly objective.");
		} else {
			const char *num = strstr(b.data, " at ");
			const char *lead =
			    pts[last + 1].status == MU_STATUS_INFEASIBLE ? "The curve ends"
			    : !io_say_recruit_is_solved(&pts[last + 1])  ? "The curve stops"
			                                                 : "Break-even";
			assert_int_equal(at, last);
			assert_true(strncmp(b.data, lead, strlen(lead)) == 0);
			assert_non_null(num);
			assert_true(strtod(num + 4, NULL) == x[last]);
			snprintf(want, sizeof(want), " post%s: ", x[last] == 1 ? "" : "s");
			assert_non_null(strstr(b.data, want));
			assert_int_equal(
			    end, strcmp(lead, "Break-even") == 0       ? IO_RECRUIT_BREAK_EVEN
			         : strcmp(lead, "The curve ends") == 0 ? IO_RECRUIT_NO_MORE_FIT
			                                               : IO_RECRUIT_NOT_SOLVED);
		}
		mu_buf_release(&b);
	}
}

/* The number at s (after skipping the literal prefix pre, which must be
 * there), and where it ends. */
static double flow_number_after(const char **s, const char *pre)
{
	char *end;
	double v;
	assert_non_null(*s);
	assert_true(strncmp(*s, pre, strlen(pre)) == 0);
	*s += strlen(pre);
	v = strtod(*s, &end);
	assert_true(end > *s);
	*s = end;
	return v;
}

/* shown reads as v: whole when within 0.05 of v's whole number, else to
 * one decimal. */
static void assert_flow_number(double shown, double v)
{
	assert_true(fabs(shown - v) <= 0.05 + 1e-9);
}

/* "Wed 2 Dec" of day, as the sentence must say it. */
static void flow_day_text(char *buf, size_t size, long day)
{
	static const char *const days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	long y;
	int m, d;
	civil(day, &y, &m, &d);
	snprintf(buf, size, "%s %d %s", days[((day % 7) + 7) % 7], d, months[m - 1]);
}

/* The sentence of DESIGN.md §3f (io_say_flow) on 6,000 generated pathway
 * horizons (1 to 9 days, 0 to 60 patients waiting, discharges whole,
 * fractional as a plan's, or a solver's noise), each claim read back:
 * none waiting, none sent home, all or "18 of the 25", the day the last
 * goes home, the care hours, the ward shifts and bed-days freed, those
 * who stay to the horizon's last day with their bed-days and their
 * penalty as a weight (never a pound sign). */
static void test_io_say_flow_is_true_of_its_numbers(void **state)
{
	struct mu_partner fp[2] = {{.id = "a", .name = "Acute Trust"},
	                           {.id = "h", .name = "Homecare Ltd"}};
	struct mu_role fr[2] = {{.id = "cw", .name = "Care worker", .band = ""},
	                        {.id = "rn", .name = "Nurse", .band = "5"}};
	struct mu_flow flow = {.from = 0, .to = 1, .care_role = 0, .ward_role = 1};
	struct mu_scenario sc = {.partners = fp,
	                         .n_partners = 2,
	                         .roles = fr,
	                         .n_roles = 2,
	                         .flows = &flow,
	                         .n_flows = 1};
	struct mu_discharge_row rows[9];
	struct mu_plan plan = {.discharges = rows, .has_flow = true};
	struct mu_buf b;
	size_t k, t, n_kind[4] = {0};
	bool in_all;
	(void)state;
	mu_buf_init(&b);
	for (k = 0; k < 6000; k++) {
		size_t n_days = 1 + (size_t)(uniform() * 9);
		double left, total = 0, care = 0, ward = 0, freed = 0, beds = 0, pen = 0;
		double care_hours = 0.5 + 5 * uniform(),
		       cost = uniform() < 0.2 ? 0 : 400 * uniform();
		long first = 20000 + (long)(uniform() * 1000), last = -1;
		int style = (int)(uniform() * 3); /* whole, a plan's fractions, noise */
		const char *s;
		char day[32];
		flow.waiting = uniform() < 0.05 ? 0 : uniform() < 0.1 ? 1 : (long)(uniform() * 61);
		left = (double)flow.waiting;
		for (t = 0; t < n_days; t++) {
			double d = uniform() < 0.4 ? 0 : left * uniform();
			if (style == 0)
				d = floor(d);
			else if (style == 2)
				d = uniform() < 0.5 ? 1e-7 * uniform() : floor(d);
			if (uniform() < 0.1)
				d = left; /* the rest go */
			if (d > left)
				d = left;
			left -= d;
			total += d;
			if (d > IO_SAY_FLOW_NONE)
				last = first + (long)t;
			rows[t] = (struct mu_discharge_row){
			    .flow = 0,
			    .day = first + (long)t,
			    .discharged = d,
			    .waiting = left,
			    .freed_beds = total,
			    .bed_day_penalty = left * cost,
			    .care_hours = total * care_hours,
			    .ward_staff = total * 0.27 * uniform(),
			};
			care += rows[t].care_hours;
			ward += rows[t].ward_staff;
			freed += total;
			beds += left;
			pen += left * cost;
		}
		plan.n_discharges = n_days;
		{
			struct io_say_flow f;
			io_say_flow_sum(&f, &sc, &plan, 0);
			assert_true(fabs(f.discharged - total) < 1e-9);
			assert_int_equal(f.n_days, n_days);
			mu_buf_reset(&b);
			io_say_flow(&b, &sc, 0, &f);
		}
		s = b.data;
		in_all = false;
		assert_null(strstr(s, "\xc2\xa3"));
		assert_null(strstr(s, "save"));
		if (flow.waiting == 0) {
			assert_string_equal(
			    s, "No patient waits at Acute Trust for care from Homecare Ltd.");
			n_kind[0]++;
			continue;
		}
		if (total < IO_SAY_FLOW_NONE) {
			if (flow.waiting == 1) {
				assert_true(
				    strncmp(s,
				            "The one patient waiting at Acute Trust for care "
				            "from Homecare Ltd stays in a bed: ",
				            82) == 0);
				s += 82;
			} else {
				assert_flow_number(flow_number_after(&s, "None of the "),
				                   (double)flow.waiting);
				assert_true(
				    strncmp(s,
				            " patients waiting at Acute Trust for care from "
				            "Homecare Ltd goes home: ",
				            71) == 0);
				s += 71;
			}
			n_kind[1]++;
		} else {
			const char *tail =
			    " waiting at Acute Trust for care from Homecare Ltd home by ";
			left = (double)flow.waiting - total;
			if (left < IO_SAY_FLOW_NONE && flow.waiting == 1) {
				assert_true(strncmp(s, "Sending the one patient", 23) == 0);
				s += 23;
			} else if (left < IO_SAY_FLOW_NONE) {
				assert_flow_number(flow_number_after(&s, "Sending all "),
				                   (double)flow.waiting);
				assert_true(strncmp(s, " patients", 9) == 0);
				s += 9;
			} else {
				assert_flow_number(flow_number_after(&s, "Sending "), total);
				assert_flow_number(flow_number_after(&s, " of the "),
				                   (double)flow.waiting);
				s += strlen(flow.waiting == 1 ? " patient" : " patients");
			}
			assert_true(strncmp(s, tail, strlen(tail)) == 0);
			s += strlen(tail);
			flow_day_text(day, sizeof(day), last);
			assert_true(strncmp(s, day, strlen(day)) == 0);
			s += strlen(day);
			assert_flow_number(flow_number_after(&s, " takes "), care);
			assert_flow_number(flow_number_after(&s, " h of Care worker care at "
			                                         "Homecare Ltd and frees "),
			                   ward);
			s = strstr(s, " Nurse (band 5) shift");
			assert_non_null(s);
			s = strstr(s, " and ");
			assert_flow_number(flow_number_after(&s, " and "), freed);
			assert_true(strncmp(s, " bed-day", 8) == 0);
			s = strstr(s, " at Acute Trust");
			assert_non_null(s);
			s += strlen(" at Acute Trust");
			if (left < IO_SAY_FLOW_NONE) {
				n_kind[2]++;
				if (beds < IO_SAY_FLOW_NONE) {
					assert_string_equal(s, ".");
					continue;
				}
				assert_true(strncmp(s, ". Still in a bed while they wait: ", 34) ==
				            0);
				s += 34;
			} else {
				n_kind[3]++;
				assert_flow_number(flow_number_after(&s, "; "), left);
				s = strstr(s, " in a bed to the end of ");
				assert_non_null(s);
				s += strlen(" in a bed to the end of ");
				flow_day_text(day, sizeof(day), first + (long)n_days - 1);
				assert_true(strncmp(s, day, strlen(day)) == 0);
				s += strlen(day);
				/* every waiting patient's bed-days, not those who stay's */
				assert_true(strncmp(s, ", and patients wait ", 20) == 0);
				s += 20;
				in_all = true;
			}
		}
		assert_flow_number(strtod(s, NULL), beds);
		s = strstr(s, " bed-day");
		assert_non_null(s);
		if (in_all)
			assert_non_null(strstr(s, " in all, a bed-day penalty of "));
		else
			assert_null(strstr(s, " in all"));
		s = strstr(s, "a bed-day penalty of ");
		assert_non_null(s);
		s += strlen("a bed-day penalty of ");
		assert_true(fabs(weight_at(s) - pen) <= (pen < 100 ? 0.005 : 0.5) + 1e-9);
		assert_non_null(strstr(s, " (a weight, not money)."));
	}
	for (k = 0; k < 4; k++)
		assert_true(n_kind[k] > 100);
	mu_buf_release(&b);
}

/* The shadow prices of §3f in words on a hand-made prices.csv: the
 * waiting row's price as what each patient sent home is worth, "at
 * least" it and exactly it for the whole patients its range reaches (at
 * 0: nothing, or "does not lower" for as many as it reaches); nothing of
 * one more patient waiting (the waiting and bed-day rows' prices
 * together would lower the objective here, read as if delays were good);
 * one more care staff-shift at `to`, the largest
 * first, only those whose range reaches one more, of the pathway's to
 * and care_role alone. */
static void test_io_say_flow_prices_say_the_rows(void **state)
{
	struct mu_partner fp[2] = {{.id = "a", .name = "Acute Trust"},
	                           {.id = "h", .name = "Homecare Ltd"}};
	struct mu_role fr[2] = {{.id = "cw", .name = "Care worker", .band = ""},
	                        {.id = "rn", .name = "Nurse", .band = "5"}};
	struct mu_shift shifts[1] = {
	    {.id = "tue-e", .day = 20788, .start_min = 420, .end_min = 900}};
	struct mu_flow flow = {.from = 0, .to = 1, .care_role = 0, .ward_role = 1, .waiting = 25};
	struct mu_scenario sc = {.partners = fp,
	                         .n_partners = 2,
	                         .roles = fr,
	                         .n_roles = 2,
	                         .shifts = shifts,
	                         .n_shifts = 1,
	                         .flows = &flow,
	                         .n_flows = 1};
	struct mu_price_row rows[] = {
	    {.constraint = "wait_f0",
	     .kind = MU_ROW_WAITING,
	     .partner = "a",
	     .role = "rn",
	     .shift = "",
	     .subject = "h",
	     .limit = 25,
	     .price = -3523.99,
	     .range_from = 21.5,
	     .range_to = 25},
	    {.constraint = "bedrow_f0_t0",
	     .kind = MU_ROW_BED_DAYS,
	     .partner = "a",
	     .role = "rn",
	     .shift = "",
	     .subject = "h",
	     .limit = 25,
	     .price = 395,
	     .range_from = 25,
	     .range_to = 50},
	    {.constraint = "bedrow_f0_t1",
	     .kind = MU_ROW_BED_DAYS,
	     .partner = "a",
	     .role = "rn",
	     .shift = "",
	     .subject = "h",
	     .limit = 25,
	     .price = 395,
	     .range_from = 25,
	     .range_to = 50},
	    {.constraint = "bedrow_f1_t0",
	     .kind = MU_ROW_BED_DAYS,
	     .partner = "a",
	     .role = "rn",
	     .shift = "",
	     .subject = "h",
	     .limit = 25,
	     .price = 1000,
	     .range_from = 25,
	     .range_to = 50}, /* another pathway's */
	    {.constraint = "staff_f1",
	     .kind = MU_ROW_STAFF,
	     .partner = "h",
	     .role = "cw",
	     .shift = "tue-e",
	     .subject = "",
	     .limit = 14,
	     .price = -120,
	     .range_from = 10,
	     .range_to = 16},
	    {.constraint = "staff_f2",
	     .kind = MU_ROW_STAFF,
	     .partner = "h",
	     .role = "cw",
	     .shift = "tue-e",
	     .subject = "",
	     .limit = 14,
	     .price = -500,
	     .range_from = 10,
	     .range_to = 14.5}, /* does not reach one more */
	    {.constraint = "staff_f3",
	     .kind = MU_ROW_STAFF,
	     .partner = "a",
	     .role = "cw",
	     .shift = "tue-e",
	     .subject = "",
	     .limit = 14,
	     .price = -900,
	     .range_from = 10,
	     .range_to = 16}, /* another partner's */
	};
	struct mu_buf b;
	(void)state;
	mu_buf_init(&b);
	assert_int_equal(io_say_flow_prices(&b, &sc, 0, rows, 7, 3), 2);
	assert_string_equal(
	    b.data, "Each patient sent home from Acute Trust to Homecare Ltd, rather than kept in "
	            "a bed to the end of the horizon, lowers the objective (spend plus penalty "
	            "weights) by at least 3,524 (by exactly that for each of up to 3 of them). "
	            "One more Care worker staff-shift at Homecare Ltd on Tue 1 Dec "
	            "07:00\xe2\x80\x93"
	            "15:00 (tue-e) lowers the objective by 120.");
	mu_buf_reset(&b);
	rows[0].range_from = 24.85; /* the range does not reach a whole patient */
	assert_int_equal(io_say_flow_prices(&b, &sc, 0, rows, 1, 3), 1);
	assert_non_null(strstr(b.data, "by at least 3,524."));
	assert_null(strstr(b.data, "One more patient"));
	mu_buf_reset(&b);
	rows[0].price = 0; /* degenerate: nothing said of a patient sent home */
	assert_int_equal(io_say_flow_prices(&b, &sc, 0, rows, 3, 3), 0);
	assert_string_equal(b.data, "");
	mu_buf_reset(&b);
	rows[0].range_from = 20; /* some stay: sending them home gains nothing */
	assert_int_equal(io_say_flow_prices(&b, &sc, 0, rows, 1, 3), 1);
	assert_string_equal(b.data, "Sending a patient home from Acute Trust to Homecare Ltd, "
	                            "rather than keeping them in a bed to the end of the horizon, "
	                            "does not lower the objective (spend plus penalty weights) for "
	                            "each of up to 5 of them.");
	mu_buf_release(&b);
}

/* Reads "N more what", "N fewer what" or "as many what" at *s against
 * more, and moves past it. */
static void check_flow_more(const char **s, double more, const char *what)
{
	char want[64];
	if (strncmp(*s, "as many ", 8) == 0) {
		assert_true(fabs(more) < IO_SAY_FLOW_NONE);
		*s += 8;
	} else {
		char *end;
		double shown = strtod(*s, &end);
		bool is_more = strncmp(end, " more ", 6) == 0;
		assert_true(is_more || strncmp(end, " fewer ", 7) == 0);
		assert_true(is_more == (more > 0));
		assert_flow_number(shown, fabs(more));
		*s = end + (is_more ? 6 : 7);
	}
	snprintf(want, sizeof(want), "%.8s", what);
	assert_true(strncmp(*s, want, strlen(want)) == 0);
}

/* A plan's discharge rows of one pathway over n_days, generated. */
static void gen_discharges(struct mu_discharge_row *rows, size_t n_days, long waiting)
{
	double left = (double)waiting, total = 0;
	size_t t;
	for (t = 0; t < n_days; t++) {
		double d = uniform() < 0.5 ? 0 : floor(left * uniform() + 0.5);
		if (uniform() < 0.3)
			d = left * uniform();
		left -= d;
		total += d;
		rows[t] = (struct mu_discharge_row){.day = 20788 + (long)t,
		                                    .discharged = d,
		                                    .waiting = left,
		                                    .freed_beds = total,
		                                    .bed_day_penalty = left * 395,
		                                    .care_hours = total * 3,
		                                    .ward_staff = total * 0.1 * uniform()};
	}
}

/* compare's sentence of §3f (io_say_flow_compare) on 3,000 generated
 * pairs of system and silo plans of one pathway: patients sent home by
 * each, the bed-days, care hours and ward shifts more or fewer with their
 * sign, the bed-day penalty's fall as a weight beside the objective's. */
static void test_io_say_flow_compare_is_true_of_its_numbers(void **state)
{
	struct mu_partner fp[2] = {{.id = "a", .name = "Acute Trust"},
	                           {.id = "h", .name = "Homecare Ltd"}};
	struct mu_flow flow = {.from = 0, .to = 1};
	struct mu_scenario sc = {.partners = fp, .n_partners = 2, .flows = &flow, .n_flows = 1};
	struct mu_discharge_row rs[7], rl[7];
	struct mu_plan sys = {.discharges = rs, .n_discharges = 7},
	               silo = {.discharges = rl, .n_discharges = 7};
	struct mu_buf b;
	size_t k;
	(void)state;
	mu_buf_init(&b);
	for (k = 0; k < 3000; k++) {
		struct io_say_flow a, c;
		const char *s;
		char want[160];
		double fall, lower;
		flow.waiting = (long)(uniform() * 40);
		gen_discharges(rs, 7, flow.waiting);
		if (uniform() < 0.2)
			memcpy(rl, rs, sizeof(rl));
		else
			gen_discharges(rl, 7, flow.waiting);
		sys.objective = 1e5 * uniform();
		silo.objective = uniform() < 0.1 ? sys.objective : sys.objective + draw(1e5);
		io_say_flow_sum(&a, &sc, &sys, 0);
		io_say_flow_sum(&c, &sc, &silo, 0);
		mu_buf_reset(&b);
		io_say_flow_compare(&b, &sc, &sys, &silo);
		s = b.data;
		assert_null(strstr(s, "\xc2\xa3"));
		assert_null(strstr(s, "save"));
		assert_flow_number(flow_number_after(&s, "Working together, Acute Trust sends "),
		                   a.discharged);
		snprintf(want, sizeof(want),
		         " of its %ld patient%s waiting for care from Homecare Ltd home, against ",
		         flow.waiting, flow.waiting == 1 ? "" : "s");
		assert_flow_number(flow_number_after(&s, want), c.discharged);
		assert_true(strncmp(s, " alone: ", 8) == 0);
		s += 8;
		check_flow_more(&s, a.bed_days - c.bed_days, "bed-day");
		s = strstr(s, " at Acute Trust, ");
		assert_non_null(s);
		s += strlen(" at Acute Trust, ");
		check_flow_more(&s, a.care_hours - c.care_hours, "care hour");
		s = strstr(s, " at Homecare Ltd and ");
		assert_non_null(s);
		s += strlen(" at Homecare Ltd and ");
		check_flow_more(&s, a.ward_staff - c.ward_staff, "ward shi");
		s = strstr(s, " The bed-day penalty (a weight, not money) is ");
		assert_non_null(s);
		s += strlen(" The bed-day penalty (a weight, not money) is ");
		fall = c.penalty - a.penalty;
		if (strncmp(s, "the same", 8) == 0) {
			assert_true(fabs(fall) < (fabs(fall) < 100 ? 0.005 : 0.5));
		} else {
			assert_true(fabs(weight_at(s) - fabs(fall)) <= money_tolerance(fabs(fall)));
			assert_non_null(strstr(s, fall > 0 ? " lower working" : " higher working"));
		}
		s = strstr(s, "penalty weights) ");
		assert_non_null(s);
		s += strlen("penalty weights) ");
		lower = silo.objective - sys.objective;
		if (strncmp(s, "the same", 8) == 0) {
			assert_true(fabs(lower) < (fabs(lower) < 100 ? 0.005 : 0.5));
		} else {
			assert_true(fabs(weight_at(s) - fabs(lower)) <=
			            money_tolerance(fabs(lower)));
			assert_non_null(
			    strstr(s, lower > 0 ? " lower in all." : " higher in all."));
		}
	}
	mu_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_io_say_value_example_sentence),
	    cmocka_unit_test(test_io_say_value_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_bidding_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_bidding_example_sentence),
	    cmocka_unit_test(test_io_say_sweep_is_true_of_its_series),
	    cmocka_unit_test(test_io_say_sweep_grid_says_what_the_others_were_held_at),
	    cmocka_unit_test(test_io_say_sweep_flow_is_true_of_its_series),
	    cmocka_unit_test(test_io_say_sweep_cap_is_true_of_its_series),
	    cmocka_unit_test(test_io_say_sweep_cap_example_sentence),
	    cmocka_unit_test(test_io_say_point_of_takes_fill_spend_and_red_flags),
	    cmocka_unit_test(test_io_say_guarantee_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_bank_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_why_costs_more_gives_cash_and_weights_apart),
	    cmocka_unit_test(test_io_say_replan_names_the_kept_plan_and_now),
	    cmocka_unit_test(test_io_say_changes_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_change_names_who_and_when),
	    cmocka_unit_test(test_io_say_recruit_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_compare_cost_says_what_a_stopped_search_proves),
	    cmocka_unit_test(test_io_say_coalition_is_its_partners),
	    cmocka_unit_test(test_io_say_shares_core_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_shares_settlement_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_recruit_without_nobody_says_so),
	    cmocka_unit_test(test_io_say_recruit_curve_is_true_of_its_points),
	    cmocka_unit_test(test_io_say_flow_is_true_of_its_numbers),
	    cmocka_unit_test(test_io_say_flow_prices_say_the_rows),
	    cmocka_unit_test(test_io_say_flow_compare_is_true_of_its_numbers),
	};
	return tu_run_tests(tests, NULL, NULL);
}
