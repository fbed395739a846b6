/*
 * mu_settings.h - the settings of DESIGN.md §2 and §3a-§3c (settings.csv)
 * as one table: key, type, range, default, label, unit, whether a sweep may
 * vary it, and where it lives in struct mu_settings. The scenario reader,
 * the run store's text and sweep all read the table; none lists settings.
 *
 * Adding a setting: a field in struct mu_settings (double, bool, or int for
 * a choice; plus bool has_KEY when it may be absent), a name in enum
 * mu_setting_id, and one entry in mu_settings_table (mu_settings.c). The
 * reader, the store's text and sweep then know it; mark it is_sweepable
 * once a rule uses it, and add it to `sweep --help` (a test checks).
 */
#ifndef MU_SETTINGS_H
#define MU_SETTINGS_H

#include "core/mu_parse.h"

#include <stdbool.h>
#include <stddef.h>

/* `guarantee` (§3a). */
enum mu_guarantee { MU_GUARANTEE_NONE, MU_GUARANTEE_UNFILLED, MU_GUARANTEE_COUNT };

extern const char *const mu_guarantee_names[MU_GUARANTEE_COUNT];

/* `rate_card` (§3d): every bank worker on a shift paid the rung reached
 * (uniform), or only those above the previous rung paid more (incentive). */
enum mu_rate_card { MU_RATE_CARD_UNIFORM, MU_RATE_CARD_INCENTIVE, MU_RATE_CARD_COUNT };

extern const char *const mu_rate_card_names[MU_RATE_CARD_COUNT];

struct mu_settings {
	double shortfall_penalty;
	double floor_penalty;
	double min_rest_hours;
	bool allow_break_glass;
	double break_glass_penalty;
	double tier_penalty;
	bool has_agency_budget;
	double agency_budget;
	/* §3a-§3c: read, checked and recorded; no rule uses them yet */
	int guarantee; /* enum mu_guarantee */
	double change_penalty;
	double preference_weight;
	double bank_min_share;
	double bank_share_penalty;
	bool has_recruit_budget;
	double recruit_budget;
	int rate_card; /* enum mu_rate_card */
	/* §3e: late agency's rate is its offer's rate x (1 + this) */
	double late_agency_premium;
};

/* The settings, in the order settings.csv's messages and the store list
 * them. */
enum mu_setting_id {
	MU_SET_SHORTFALL_PENALTY,
	MU_SET_FLOOR_PENALTY,
	MU_SET_MIN_REST_HOURS,
	MU_SET_ALLOW_BREAK_GLASS,
	MU_SET_BREAK_GLASS_PENALTY,
	MU_SET_TIER_PENALTY,
	MU_SET_AGENCY_BUDGET,
	MU_SET_GUARANTEE,
	MU_SET_CHANGE_PENALTY,
	MU_SET_PREFERENCE_WEIGHT,
	MU_SET_BANK_MIN_SHARE,
	MU_SET_BANK_SHARE_PENALTY,
	MU_SET_RECRUIT_BUDGET,
	MU_SET_RATE_CARD,
	MU_SET_LATE_AGENCY_PREMIUM,
	MU_SETTING_COUNT
};

enum mu_setting_type {
	MU_SETTING_NUMBER,   /* a double in range */
	MU_SETTING_FRACTION, /* a double in range, a share of something */
	MU_SETTING_YES_NO,   /* a bool */
	MU_SETTING_CHOICE    /* an int: the index of one of choices */
};

struct mu_setting {
	const char *key; /* as in settings.csv (matched case-insensitively) */
	enum mu_setting_type type;
	struct mu_range range;      /* number and fraction */
	double dflt;                /* number, fraction; yes/no 0 or 1; choice its index */
	bool is_optional;           /* no default: absent means no limit (has_offset) */
	const char *const *choices; /* choice: n_choices names */
	size_t n_choices;
	const char *label; /* for people: "shortfall penalty" */
	const char *unit;  /* "£ per staff-hour"; NULL for yes/no and choice */
	bool is_sweepable; /* `sweep --vary KEY=...` may vary it */
	size_t offset;     /* of the value in struct mu_settings */
	size_t has_offset; /* is_optional: of its bool has_KEY */
};

/* Indexed by enum mu_setting_id. */
extern const struct mu_setting mu_settings_table[MU_SETTING_COUNT];

/* Longest text mu_settings_text writes, NUL included. */
#define MU_SETTING_TEXT_MAX 32

/* The defaults of the table (optional settings absent). */
void mu_settings_init_defaults(struct mu_settings *settings);

/* The setting whose key is (key, len), case-insensitively, or
 * MU_SETTING_COUNT. */
size_t mu_settings_find(const char *key, size_t len);

/* Reads (text, len), not empty, as the value of setting id into settings.
 * True on success; false with msg (at least 256 bytes make room for the
 * quoted value) saying what is wrong and naming the setting:
 * "value '49' out of range (0 to 48) for setting 'min_rest_hours'",
 * "invalid value 'y' for setting 'allow_break_glass' (yes or no)";
 * settings is then unchanged. */
bool mu_settings_parse(struct mu_settings *settings, size_t id, const char *text, size_t len,
                       char *msg, size_t msg_size);

/* The value of setting id in force as the store records it: "200", "yes",
 * "none" (numbers with up to 15 significant digits). Returns false, with
 * buf "", for an optional setting that is absent (no limit): it has no
 * value to record. buf of at least MU_SETTING_TEXT_MAX bytes. */
bool mu_settings_text(const struct mu_settings *settings, size_t id, char *buf, size_t size);

/* Sets setting id to value, which mu_settings_value_range allows: a yes/no
 * is yes from 0.5 up, a choice is the index (truncated), an optional
 * setting becomes present. */
void mu_settings_set(struct mu_settings *settings, size_t id, double value);

/* The values mu_settings_set takes for setting id: the table's range for a
 * number or fraction, 0 to 1 whole for yes/no, 0 to n_choices - 1 whole
 * for a choice. */
struct mu_range mu_settings_value_range(size_t id);

#endif
