#!/usr/bin/env python3
"""gen_example.py - writes the built-in example ICS (io/example/*.csv).

The CSV files are committed and compiled into muster; this script is how they
were made, so that the example can be re-shaped and re-made the same way:
    python3 scripts/gen_example.py io/example
    python3 scripts/gen_example.py --summer io/example-summer
    python3 scripts/gen_example.py --flow io/example-flow
Deterministic (fixed seed). Rates: NHS Agenda for Change 2025/26 band entry
points / 1,955.4 h; agency cap 55% above basic; unsocial-hours enhancement
per shift (+30% nights and Saturdays, +60% Sundays).

--summer writes the same system's summer week (`muster example DIR
--summer`): a July week (Mon 6 - Sun 12 Jul 2026) with the same shift ids,
each demand row's required at 85% of the winter week's (rounded as below,
its minimum re-derived from it the same way), and every other file the
winter week's byte for byte: the same partners, roles, own staff, bank and
offered shifts, agencies, agreements, caps, supply, settings and
recruits.csv. So the two weeks differ in demand alone. Both weeks draw the
same random numbers in the same order: the winter files are the same with
or without --summer, and recruits.csv and supply.csv draw none.

--flow writes only the example's discharge pathway (DESIGN.md 3f) as
flow.csv into io/example-flow, the file `muster example DIR --flow` adds to
either week. It is not part of the example the demo solves: with it
neither muster's rota search nor CBC proves the example's rota optimal in
minutes (docs/hospital-flow.md, "The example's pathway").
"""
import csv
import datetime
import os
import random
import sys

rng = random.Random(2026)
args = sys.argv[1:]
SUMMER = "--summer" in args
FLOW = "--flow" in args
args = [a for a in args if a not in ("--summer", "--flow")]
out = args[0] if args else ("io/example-flow" if FLOW else
                            "io/example-summer" if SUMMER else "io/example")
SUMMER_DEMAND = 0.85  # the summer week's required, as a share of the winter week's
os.makedirs(out, exist_ok=True)


def write(name, header, rows):
    with open(os.path.join(out, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# flow.csv (DESIGN.md 3f; docs/hospital-flow.md gives each figure's
# source): patients at Northshire Acute fit to leave and waiting for
# homecare from Brightway. About 13,000 patients a night in England are
# fit to leave and still in a bed, a quarter of them waiting for homecare
# (NHS England, September 2025): about 3,250 over 42 ICSs, 77 an ICS, and
# Northshire Acute is one of the example's two acute trusts: 40. A
# delayed bed-day is valued at 395 (King's Fund); a penalty weight, not
# cash. Care 2.5 h a day (an assumption: four or five visits), nursing 1
# h a day of a registered nurse on the ward (an assumption: a patient fit
# to leave needs less than an acute one). The same for either week; no
# random draw (the other files are the same with or without it).
if FLOW:
    write("flow.csv", ["from", "to", "waiting", "care_role", "care_hours", "ward_role",
                       "ward_hours", "bed_day_cost"],
          [("acute_north", "homecare", 40, "care_worker", 2.5, "rn_b5", 1, 395)])
    print(f"wrote the example's discharge pathway to {out}")
    sys.exit(0)

# Role: (name, group, band, annual salary 2025/26 entry point, or hourly)
ROLES = {
    "hca_b2": ("Healthcare support worker", "nursing_support", "2", 24465),
    "hca_b3": ("Senior healthcare support worker", "nursing_support", "3", 24937),
    "na_b4": ("Nursing associate", "nursing_support", "4", 27485),
    "rn_b5": ("Registered nurse", "registered_nursing", "5", 29970),
    "rn_b6": ("Senior staff nurse", "registered_nursing", "6", 37338),
    "rn_b7": ("Ward sister / charge nurse", "registered_nursing", "7", 46148),
    "care_worker": ("Care worker", "social_care", "", 12.60 * 1955.4),
    "senior_care": ("Senior care worker", "social_care", "", 13.90 * 1955.4),
}
HOURLY = {r: round(v[3] / 1955.4, 2) for r, v in ROLES.items()}

PARTNERS = [
    ("acute_north", "Northshire Acute Hospitals NHS Trust", "acute", 45000),
    ("cmh_trust", "Northshire Community and Mental Health NHS Trust", "community", 18000),
    ("acute_south", "Southvale Hospitals NHS Foundation Trust", "acute", 40000),
    ("asc_county", "Northshire County Council Adult Social Care", "social_care", 6000),
    ("asc_city", "Rivercity Council Adult Social Care", "social_care", 5000),
    ("homecare", "Brightway Homecare", "homecare", 4000),
    ("hospice", "St Aidan's Hospice", "hospice", 3000),
]

# Per partner: role -> (early, late, night) staff required on a weekday.
DEMAND = {
    "acute_north": {"rn_b5": (34, 30, 24), "rn_b6": (9, 8, 5), "rn_b7": (4, 3, 1),
                    "hca_b2": (22, 20, 14), "hca_b3": (8, 7, 5)},
    "cmh_trust": {"rn_b5": (14, 12, 7), "rn_b6": (5, 4, 2), "na_b4": (6, 5, 3),
                  "hca_b3": (10, 9, 6)},
    "acute_south": {"rn_b5": (28, 25, 20), "rn_b6": (7, 6, 4), "rn_b7": (3, 3, 1),
                    "hca_b2": (18, 16, 12), "hca_b3": (6, 6, 4)},
    "asc_county": {"care_worker": (14, 12, 5), "senior_care": (4, 3, 2)},
    "asc_city": {"care_worker": (12, 11, 4), "senior_care": (3, 3, 1)},
    "homecare": {"care_worker": (20, 18, 3), "senior_care": (4, 3, 1)},
    "hospice": {"rn_b5": (4, 4, 3), "rn_b6": (2, 1, 1), "hca_b2": (4, 4, 3)},
}
# Own staff as a share of demand: below 1 means the week is short.
COVER = {"acute_north": 0.86, "cmh_trust": 0.97, "acute_south": 0.88, "asc_county": 0.9,
         "asc_city": 0.9, "homecare": 0.8, "hospice": 0.9}
# Band 5 nurses: vacancies on top (the role the README's cap sweep is about).
ROLE_COVER = {"rn_b5": 0.78}
ROTATABLE = {"acute_north": 0.06, "cmh_trust": 0.12, "acute_south": 0.06, "asc_county": 0.08,
             "asc_city": 0.08, "homecare": 0.0, "hospice": 0.0}

# A week of early, late and night shifts.
monday = datetime.date(2026, 7, 6) if SUMMER else datetime.date(2026, 11, 30)
SHIFTS = []
for d in range(7):
    day = monday + datetime.timedelta(days=d)
    tag = day.strftime("%a").lower()
    weekend = {5: 0.3, 6: 0.6}.get(d, 0.0)
    SHIFTS.append((f"{tag}-e", day, "07:00", "15:00", 7.5, weekend))
    SHIFTS.append((f"{tag}-l", day, "14:30", "22:30", 7.5, max(weekend, 0.1)))
    SHIFTS.append((f"{tag}-n", day, "22:00", "07:30", 9.0, max(weekend, 0.3)))

write("partners.csv", ["id", "name", "kind", "agency_budget", "pay_bill"],
      [(p, n, k, b, "") for p, n, k, b in PARTNERS])
write("roles.csv", ["id", "name", "group", "band"],
      [(r, v[0], v[1], v[2]) for r, v in ROLES.items()])
write("shifts.csv", ["id", "date", "start", "end", "paid_hours", "enhancement"],
      [(s, d.isoformat(), a, b, h, e) for s, d, a, b, h, e in SHIFTS])

demand_rows, staff_rows = [], []
pay_bill = {p[0]: 0.0 for p in PARTNERS}
for partner, roles in DEMAND.items():
    for role, base in roles.items():
        for i, (sid, day, _, _, hours, enh) in enumerate(SHIFTS):
            kind = i % 3
            weekend = day.weekday() >= 5
            req = base[kind] * (0.85 if weekend and partner.startswith("acute") else 1.0)
            req = max(1, round(req * rng.uniform(0.95, 1.08)))
            minimum = max(1, int(req * 0.8)) if req >= 2 else req
            priority = 2 if role in ("rn_b5", "rn_b6") and kind == 2 else 1
            if SUMMER:  # no random draw here: the stream stays the winter week's
                s_req = max(1, round(req * SUMMER_DEMAND))
                s_min = max(1, int(s_req * 0.8)) if s_req >= 2 else s_req
                demand_rows.append((partner, role, sid, s_req, s_min, priority))
            else:
                demand_rows.append((partner, role, sid, req, minimum, priority))
            avail = int(req * COVER[partner] * ROLE_COVER.get(role, 1) * rng.uniform(0.9, 1.1))
            rot = min(avail, round(avail * ROTATABLE[partner]))
            if partner == "cmh_trust" and role == "hca_b3" and not weekend:
                # community support workers to spare on weekdays, free to
                # rotate: the mutual aid into homecare (and the acute trusts)
                spare = req + 5 - avail
                avail, rot = req + 5, rot + max(spare, 2)
            staff_rows.append((partner, role, sid, avail, rot))
            pay_bill[partner] += avail * hours * HOURLY[role] * (1 + enh)
write("demand.csv", ["partner", "role", "shift", "required", "minimum", "priority"], demand_rows)
write("staff.csv", ["partner", "role", "shift", "available", "rotatable"], staff_rows)

# pay_bill: substantive pay over the week for these staff, plus 28% on-costs.
with open(os.path.join(out, "partners.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name", "kind", "agency_budget", "pay_bill"])
    for p, n, k, b in PARTNERS:
        w.writerow((p, n, k, b, round(pay_bill[p] * 1.28)))

# The collaborative bank: about 300 named workers.
FIRST = ["Amara", "Ben", "Chloe", "Dev", "Ella", "Farah", "George", "Hana", "Isaac", "Jade",
         "Kofi", "Laura", "Mo", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq",
         "Uma", "Vik", "Wen", "Yusuf", "Zoe"]
LAST = ["Adeyemi", "Brown", "Chen", "Davies", "Evans", "Fernandes", "Green", "Hughes",
        "Iqbal", "Jones", "Khan", "Lewis", "Murphy", "Nowak", "Okafor", "Patel", "Roberts",
        "Singh", "Taylor", "Walker", "Williams", "Wright"]
BANK_MIX = [  # (home, role, count, cleared partners)
    ("acute_north", "rn_b5", 26, "acute_north;acute_south;hospice"),
    ("acute_north", "rn_b6", 10, "*"),
    ("acute_north", "hca_b2", 30, "acute_north;cmh_trust"),
    ("acute_north", "hca_b3", 12, ""),
    ("cmh_trust", "rn_b5", 14, "cmh_trust;acute_north"),
    ("cmh_trust", "na_b4", 10, ""),
    ("cmh_trust", "hca_b3", 18, "*"),
    ("acute_south", "rn_b5", 22, "acute_south;hospice"),
    ("acute_south", "rn_b6", 8, ""),
    ("acute_south", "hca_b2", 26, "acute_south;hospice"),
    ("asc_county", "care_worker", 30, "asc_county;asc_city;homecare"),
    ("asc_county", "senior_care", 8, ""),
    ("asc_city", "care_worker", 26, "*"),
    ("homecare", "care_worker", 24, ""),
    ("hospice", "rn_b5", 6, ""),
    ("hospice", "hca_b2", 6, "hospice;acute_south"),
]
bank_rows, avail_rows = [], []
shift_ids = [s[0] for s in SHIFTS]
n = 0
for home, role, count, cleared in BANK_MIX:
    for _ in range(count):
        n += 1
        wid = f"bw{n:03d}"
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        max_hours = rng.choice([15, 22.5, 30, 37.5, 48])
        bank_rows.append((wid, name, role, home, max_hours, cleared))
        offered = rng.sample(shift_ids, rng.randint(2, 6))
        for sid in sorted(offered, key=shift_ids.index):
            avail_rows.append((wid, sid))
write("bank.csv", ["id", "name", "role", "home", "max_hours", "partners"], bank_rows)
write("availability.csv", ["worker", "shift"], avail_rows)

# Bank supply that answers the rate paid (DESIGN.md 3d; docs/pay-caps.md
# gives each figure's source). Elasticity: registered nurses 0.3 (the top
# of the 0.2-0.4 of nurses' hours in Norwegian and UK panels: bank shifts
# are the margin that answers pay), support workers 0.5 and care workers
# 0.8 (an assumption between the nurses' figure and the ~4 of the whole
# adult social care sector over years). The offers in availability.csv
# were made at today's bank_rate (reference_rate empty); the ladder rises
# 5% a rung. rn_b7 has no bank workers, so no row.
SUPPLY = {"hca_b2": 0.5, "hca_b3": 0.5, "na_b4": 0.5, "rn_b5": 0.3, "rn_b6": 0.3,
          "care_worker": 0.8, "senior_care": 0.8}
BANK_CAP = 1.3  # bank_cap: enhanced rates up to 30% above bank_rate
# The shared rate card: bank pays the band's basic rate, and at most 30%
# more on a hard-to-fill shift; agency capped at +55%.
write("caps.csv", ["role", "bank_rate", "agency_cap", "bank_cap"],
      [(r, f"{HOURLY[r]:.2f}", f"{HOURLY[r] * 1.55:.2f}",
        f"{HOURLY[r] * BANK_CAP:.2f}" if r in SUPPLY else "") for r in ROLES])
write("supply.csv", ["role", "elasticity", "reference_rate", "step"],
      [(r, e, "", 0.05) for r, e in SUPPLY.items()])

agency = []
for role in ("rn_b5", "rn_b6", "hca_b2", "hca_b3", "na_b4"):
    cap = HOURLY[role] * 1.55
    agency.append(("nhsp_framework", 1, "yes", role, "*", f"{cap * 0.98:.2f}", 4))
    agency.append(("medibank_staffing", 2, "yes", role, "*", f"{cap * 0.95:.2f}", 3))
    agency.append(("rapid_nurses", 3, "yes", role, "*", f"{cap * 1.35:.2f}", 4))
# Band 5 agency nurses are short at the cap: these charge above it, so they
# are break-glass until a collaborative raises the cap (README: the sweep).
for supplier, tier, markup, capacity in (("thornbury_medical", 2, 1.15, 3),
                                         ("locum_first", 3, 1.6, 3),
                                         ("nightingale_direct", 3, 1.8, 2)):
    agency.append((supplier, tier, "yes", "rn_b5", "*",
                   f"{HOURLY['rn_b5'] * 1.55 * markup:.2f}", capacity))
agency.append(("rapid_nurses", 3, "no", "rn_b7", "*", f"{HOURLY['rn_b7'] * 2.1:.2f}", 2))
agency.append(("medibank_staffing", 2, "yes", "rn_b5", "hospice",
               f"{HOURLY['rn_b5'] * 1.5:.2f}", 2))
for role in ("care_worker", "senior_care"):
    cap = HOURLY[role] * 1.55
    agency.append(("carelink", 1, "yes", role, "*", f"{cap * 0.97:.2f}", 5))
    agency.append(("homecare_direct", 2, "no", role, "homecare", f"{cap * 0.9:.2f}", 3))
write("agency.csv", ["supplier", "tier", "framework", "role", "partner", "rate", "capacity"],
      agency)

# Between trusts, staff lent under a "*" row are recharged at a blended
# rate (the support-worker band with on-costs): the recharge ledger.
BLENDED = f"{HOURLY['hca_b3'] * 1.28:.2f}"
agreements = [
    ("acute_north", "acute_south", "*", 4, 25, BLENDED),
    ("acute_south", "acute_north", "*", 4, 25, BLENDED),
    ("acute_north", "acute_south", "rn_b5", 3, 25, f"{HOURLY['rn_b5'] * 1.28:.2f}"),
    ("acute_south", "acute_north", "rn_b5", 3, 25, f"{HOURLY['rn_b5'] * 1.28:.2f}"),
    ("cmh_trust", "acute_north", "*", 5, 12, BLENDED),
    ("acute_north", "cmh_trust", "*", 3, 12, BLENDED),
    ("cmh_trust", "acute_south", "*", 2, 30, BLENDED),
    ("cmh_trust", "homecare", "hca_b3", 4, 15, f"{HOURLY['hca_b3'] * 1.28:.2f}"),
    ("asc_county", "homecare", "*", 3, 10, f"{HOURLY['care_worker'] * 1.2:.2f}"),
    ("asc_city", "homecare", "*", 3, 10, f"{HOURLY['care_worker'] * 1.2:.2f}"),
    ("asc_county", "asc_city", "*", 2, 8, ""),
    ("asc_city", "asc_county", "*", 2, 8, ""),
    ("acute_south", "hospice", "rn_b5", 1, 15, f"{HOURLY['rn_b5'] * 1.28:.2f}"),
]
write("agreements.csv", ["from", "to", "role", "max_per_shift", "travel_cost", "recharge_rate"],
      [(a, b, r, m, t, x if x else "0") for a, b, r, m, t, x in agreements])

write("substitutions.csv", ["role", "covers", "efficiency"], [
    ("rn_b6", "rn_b5", 1), ("rn_b7", "rn_b6", 1), ("hca_b3", "hca_b2", 1),
    ("na_b4", "hca_b3", 1), ("rn_b5", "na_b4", 1), ("senior_care", "care_worker", 1),
    ("hca_b3", "care_worker", 1), ("hca_b2", "care_worker", 0.9),
    ("care_worker", "hca_b2", 0.8),
])
write("settings.csv", ["key", "value"], [
    ("shortfall_penalty", 200), ("floor_penalty", 2000), ("min_rest_hours", 11),
    # break-glass only where patient safety needs it: dearer than a day short
    ("allow_break_glass", "yes"), ("break_glass_penalty", 3000), ("tier_penalty", 5),
    ("agency_budget", 110000),
])

# recruits.csv (DESIGN.md 3c): the posts the partners could recruit, the
# same in both weeks; no random draw. annual_cost is a year's basic pay
# plus on-costs: Agenda for Change 2025/26 entry point + 28% (employer
# NI and NHS pension), as pay_bill above; care workers 1,955.4 h at the
# hourly rate + 15% (employer NI and a 3% workplace pension). Homecare
# care workers work no nights (3 a night against 20 an early).
RECRUITS = [  # (partner, role, on-costs, max_posts, nights)
    ("acute_north", "rn_b5", 0.28, 30, "yes"),
    ("acute_south", "rn_b5", 0.28, 25, "yes"),
    ("cmh_trust", "hca_b3", 0.28, 8, "yes"),
    ("homecare", "care_worker", 0.15, 15, "no"),
    ("hospice", "rn_b5", 0.28, 4, "yes"),
]
write("recruits.csv", ["partner", "role", "annual_cost", "max_posts", "hours_per_week", "nights"],
      [(p, r, round(ROLES[r][3] * (1 + on)), m, 37.5, nights)
       for p, r, on, m, nights in RECRUITS])
# history.csv (DESIGN.md 3e, winter week only): two years of the shifts gone,
# 30 Nov 2024 to 29 Nov 2026, the day before the week, for every (partner,
# role, start) of demand.csv, so that `muster forecast` has something to
# learn from. Its own random stream (seed 3e), drawn after everything else,
# so the other files are the same bytes as without it. A day's required is
# the week's weekday base (early, late, night), times:
#   - the week's weekend factor (0.85 at the acute trusts);
#   - bank holidays: like a Sunday at the trusts (0.85: elective work
#     stops), as any day in social care, homecare and the hospice;
#   - winter pressure: up to 12% above the summer level, peaking in mid
#     January (the NHS's winter months), scaled so that early December is
#     the week's base;
#   - a trend of 3% a year (growing need), 1 at the end of the history;
#   - day-to-day noise, 8% (lognormal), then rounded to whole staff.
# absent: each planned own staff member (required x the partner's cover)
# away unplanned with chance 5% on average (NHS sickness absence runs at
# 4.5-5.5% a month, higher in winter: 4.4% in summer to 5.8% in January).
BANK_HOLIDAYS = {  # England and Wales, 30 Nov 2024 to 29 Nov 2026 (gov.uk)
    "2024-12-25", "2024-12-26", "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
    "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26", "2026-01-01", "2026-04-03",
    "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
}
if not SUMMER:
    import math
    hrng = random.Random(0x3E)
    first, last = datetime.date(2024, 11, 30), datetime.date(2026, 11, 29)
    n_days = (last - first).days + 1

    def winter(day):
        phase = 2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25
        return 1 + 0.06 * (1 + math.cos(phase))

    norm = winter(datetime.date(2026, 12, 3))
    starts = ("07:00", "14:30", "22:00")
    rows = []
    for partner, roles in DEMAND.items():
        for role, base in roles.items():
            for kind in range(3):
                for d in range(n_days):
                    day = first + datetime.timedelta(days=d)
                    holiday = day.isoformat() in BANK_HOLIDAYS
                    acute = partner.startswith("acute") or partner == "cmh_trust"
                    f = 0.85 if (day.weekday() >= 5 and partner.startswith("acute")) else 1.0
                    if holiday and acute:
                        f = 0.85
                    f *= winter(day) / norm
                    f *= 1 + 0.03 * (d - (n_days - 1)) / 365.25
                    req = max(0, round(base[kind] * f * math.exp(hrng.gauss(0, 0.08))))
                    planned = int(req * COVER[partner] * ROLE_COVER.get(role, 1))
                    p_absent = 0.051 + 0.007 * math.cos(
                        2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25)
                    absent = sum(1 for _ in range(planned) if hrng.random() < p_absent)
                    rows.append((partner, role, day.isoformat(), starts[kind], req, absent))
    write("history.csv", ["partner", "role", "date", "start", "required", "absent"], rows)
print(f"wrote the example ICS to {out}: {len(bank_rows)} bank workers, "
      f"{len(demand_rows)} demand rows")
