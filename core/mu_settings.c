/*
 * mu_settings.c - the settings table and the few functions that read,
 * write and show a setting through it (offsets into struct mu_settings).
 */
#include "mu_settings.h"

#include "mu_err.h"

#include <stdio.h>

#define AT(field) offsetof(struct mu_settings, field)
#define MONEY_MAX 1e9

const char *const mu_guarantee_names[MU_GUARANTEE_COUNT] = {
    [MU_GUARANTEE_NONE] = "none",
    [MU_GUARANTEE_UNFILLED] = "unfilled",
};

const char *const mu_rate_card_names[MU_RATE_CARD_COUNT] = {
    [MU_RATE_CARD_UNIFORM] = "uniform",
    [MU_RATE_CARD_INCENTIVE] = "incentive",
};

/* Designated initialisers: a setting is one line here. */
const struct mu_setting mu_settings_table[MU_SETTING_COUNT] = {
    [MU_SET_SHORTFALL_PENALTY] = {.key = "shortfall_penalty",
                                  .type = MU_SETTING_NUMBER,
                                  .range.hi = MONEY_MAX,
                                  .dflt = 200,
                                  .label = "shortfall penalty",
                                  .unit = "£ per staff-hour",
                                  .is_sweepable = true,
                                  .offset = AT(shortfall_penalty)},
    [MU_SET_FLOOR_PENALTY] = {.key = "floor_penalty",
                              .type = MU_SETTING_NUMBER,
                              .range.hi = MONEY_MAX,
                              .dflt = 2000,
                              .label = "floor penalty",
                              .unit = "£ per staff-hour",
                              .is_sweepable = true,
                              .offset = AT(floor_penalty)},
    [MU_SET_MIN_REST_HOURS] = {.key = "min_rest_hours",
                               .type = MU_SETTING_NUMBER,
                               .range.hi = 48,
                               .dflt = 11,
                               .label = "minimum rest",
                               .unit = "hours",
                               .is_sweepable = true,
                               .offset = AT(min_rest_hours)},
    [MU_SET_ALLOW_BREAK_GLASS] = {.key = "allow_break_glass",
                                  .type = MU_SETTING_YES_NO,
                                  .dflt = 0,
                                  .label = "break-glass allowed",
                                  .is_sweepable = true,
                                  .offset = AT(allow_break_glass)},
    [MU_SET_BREAK_GLASS_PENALTY] = {.key = "break_glass_penalty",
                                    .type = MU_SETTING_NUMBER,
                                    .range.hi = MONEY_MAX,
                                    .dflt = 500,
                                    .label = "break-glass penalty",
                                    .unit = "£ per staff-shift",
                                    .is_sweepable = true,
                                    .offset = AT(break_glass_penalty)},
    [MU_SET_TIER_PENALTY] = {.key = "tier_penalty",
                             .type = MU_SETTING_NUMBER,
                             .range.hi = MONEY_MAX,
                             .dflt = 0,
                             .label = "tier penalty",
                             .unit = "£ per staff-shift",
                             .is_sweepable = true,
                             .offset = AT(tier_penalty)},
    [MU_SET_AGENCY_BUDGET] = {.key = "agency_budget",
                              .type = MU_SETTING_NUMBER,
                              .range.hi = MONEY_MAX,
                              .is_optional = true,
                              .label = "agency budget of the system",
                              .unit = "£",
                              .is_sweepable = true,
                              .offset = AT(agency_budget),
                              .has_offset = AT(has_agency_budget)},
    /* §3a-§3c: not sweepable until a rule of the model uses them, so that a
     * sweep never shows a line that nothing could move */
    [MU_SET_GUARANTEE] = {.key = "guarantee",
                          .type = MU_SETTING_CHOICE,
                          .dflt = MU_GUARANTEE_NONE,
                          .choices = mu_guarantee_names,
                          .n_choices = MU_GUARANTEE_COUNT,
                          .label = "guarantee to each partner",
                          .offset = AT(guarantee)},
    [MU_SET_CHANGE_PENALTY] = {.key = "change_penalty",
                               .type = MU_SETTING_NUMBER,
                               .range.hi = MONEY_MAX,
                               .dflt = 150,
                               .label = "change penalty",
                               .unit = "£ per assignment changed",
                               .offset = AT(change_penalty)},
    [MU_SET_PREFERENCE_WEIGHT] = {.key = "preference_weight",
                                  .type = MU_SETTING_NUMBER,
                                  .range.hi = MONEY_MAX,
                                  .dflt = 20,
                                  .label = "preference weight",
                                  .unit = "£ per assignment",
                                  .offset = AT(preference_weight)},
    [MU_SET_BANK_MIN_SHARE] = {.key = "bank_min_share",
                               .type = MU_SETTING_FRACTION,
                               .range.hi = 1,
                               .dflt = 0,
                               .label = "bank workers' minimum share of offered hours",
                               .unit = "fraction",
                               .offset = AT(bank_min_share)},
    [MU_SET_BANK_SHARE_PENALTY] = {.key = "bank_share_penalty",
                                   .type = MU_SETTING_NUMBER,
                                   .range.hi = MONEY_MAX,
                                   .dflt = 30,
                                   .label = "bank share penalty",
                                   .unit = "£ per hour below the share",
                                   .offset = AT(bank_share_penalty)},
    [MU_SET_RECRUIT_BUDGET] = {.key = "recruit_budget",
                               .type = MU_SETTING_NUMBER,
                               .range.hi = MONEY_MAX,
                               .is_optional = true,
                               .label = "recruitment budget",
                               .unit = "£ per year",
                               .offset = AT(recruit_budget),
                               .has_offset = AT(has_recruit_budget)},
    /* §3d: pol_supply.c prices the ladder by it; a sweep takes 0:1:1 or
     * uniform:incentive:1 (flow_vary.c) */
    [MU_SET_RATE_CARD] = {.key = "rate_card",
                          .type = MU_SETTING_CHOICE,
                          .dflt = MU_RATE_CARD_UNIFORM,
                          .choices = mu_rate_card_names,
                          .n_choices = MU_RATE_CARD_COUNT,
                          .label = "bank rate card",
                          .is_sweepable = true,
                          .offset = AT(rate_card)},
    /* §3e: only a two-stage plan (solve --scenarios) has late agency; not
     * sweepable, as a sweep of a two-stage plan is not made yet */
    [MU_SET_LATE_AGENCY_PREMIUM] = {.key = "late_agency_premium",
                                    .type = MU_SETTING_FRACTION,
                                    .range.hi = 10,
                                    .dflt = 0.25,
                                    .label = "late agency premium",
                                    .unit = "fraction",
                                    .offset = AT(late_agency_premium)},
};

/* The field at offset: a double (number, fraction), a bool (yes/no, and
 * has_KEY) or an int (choice), as the table's type says. */
static void *field(struct mu_settings *s, size_t offset)
{
	return (char *)s + offset;
}

static const void *field_of(const struct mu_settings *s, size_t offset)
{
	return (const char *)s + offset;
}

#define NUMBER(s, t) (*(double *)field((s), (t)->offset))
#define FLAG(s, offset) (*(bool *)field((s), (offset)))
#define CHOICE(s, t) (*(int *)field((s), (t)->offset))

void mu_settings_init_defaults(struct mu_settings *settings)
{
	size_t i;
	for (i = 0; i < MU_SETTING_COUNT; i++) {
		const struct mu_setting *t = &mu_settings_table[i];
		if (t->is_optional) {
			FLAG(settings, t->has_offset) = false;
			NUMBER(settings, t) = 0;
		} else {
			mu_settings_set(settings, i, t->dflt);
		}
	}
}

size_t mu_settings_find(const char *key, size_t len)
{
	size_t i;
	for (i = 0; i < MU_SETTING_COUNT; i++)
		if (mu_parse_keyword_eq(key, len, mu_settings_table[i].key))
			return i;
	return MU_SETTING_COUNT;
}

bool mu_settings_parse(struct mu_settings *settings, size_t id, const char *text, size_t len,
                       char *msg, size_t msg_size)
{
	const struct mu_setting *t = &mu_settings_table[id];
	char q[256], why[400], list[256] = "";
	double v;
	bool b;
	size_t i, used = 0;
	switch (t->type) {
	case MU_SETTING_YES_NO:
		if (!mu_parse_yes_no(text, len, &b)) {
			snprintf(msg, msg_size, "invalid value '%s' for setting '%s' (yes or no)",
			         mu_err_quote(q, sizeof(q), text, len), t->key);
			return false;
		}
		FLAG(settings, t->offset) = b;
		return true;
	case MU_SETTING_CHOICE:
		for (i = 0; i < t->n_choices; i++)
			if (mu_parse_keyword_eq(text, len, t->choices[i])) {
				CHOICE(settings, t) = (int)i;
				return true;
			}
		for (i = 0; i < t->n_choices && used < sizeof(list); i++)
			used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s",
			                         i ? ", " : "", t->choices[i]);
		snprintf(msg, msg_size, "invalid value '%s' for setting '%s' (one of %s)",
		         mu_err_quote(q, sizeof(q), text, len), t->key, list);
		return false;
	case MU_SETTING_NUMBER:
	case MU_SETTING_FRACTION:
		break;
	}
	if (!mu_parse_number(text, len, &t->range, &v, why, sizeof(why))) {
		snprintf(msg, msg_size, "%s for setting '%s'", why, t->key);
		return false;
	}
	mu_settings_set(settings, id, v);
	return true;
}

bool mu_settings_text(const struct mu_settings *settings, size_t id, char *buf, size_t size)
{
	const struct mu_setting *t = &mu_settings_table[id];
	if (t->is_optional && !*(const bool *)field_of(settings, t->has_offset)) {
		if (size > 0)
			buf[0] = '\0';
		return false;
	}
	switch (t->type) {
	case MU_SETTING_YES_NO:
		snprintf(buf, size, "%s",
		         *(const bool *)field_of(settings, t->offset) ? "yes" : "no");
		break;
	case MU_SETTING_CHOICE:
		snprintf(buf, size, "%s", t->choices[*(const int *)field_of(settings, t->offset)]);
		break;
	case MU_SETTING_NUMBER:
	case MU_SETTING_FRACTION:
		snprintf(buf, size, "%.15g", *(const double *)field_of(settings, t->offset));
		break;
	}
	return true;
}

void mu_settings_set(struct mu_settings *settings, size_t id, double value)
{
	const struct mu_setting *t = &mu_settings_table[id];
	switch (t->type) {
	case MU_SETTING_YES_NO:
		FLAG(settings, t->offset) = value >= 0.5;
		break;
	case MU_SETTING_CHOICE:
		CHOICE(settings, t) = (int)value;
		break;
	case MU_SETTING_NUMBER:
	case MU_SETTING_FRACTION:
		NUMBER(settings, t) = value;
		break;
	}
	if (t->is_optional)
		FLAG(settings, t->has_offset) = true;
}

struct mu_range mu_settings_value_range(size_t id)
{
	const struct mu_setting *t = &mu_settings_table[id];
	struct mu_range r = {.lo = 0, .hi = 1, .is_integer = true};
	if (t->type == MU_SETTING_CHOICE)
		r.hi = (double)t->n_choices - 1;
	else if (t->type != MU_SETTING_YES_NO)
		r = t->range;
	return r;
}
