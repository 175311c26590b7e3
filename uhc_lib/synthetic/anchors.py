"""Published figures the illustrative panel must reproduce, and the targets the generator steers to.

Exact counts and percentages come from ``data/reference/published_figures.csv`` (sources there) and
``shared/domain/FACTS.md``. Percentages are of population and must round (2 decimals) to the figure given.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

FIRST_PERIOD = pd.Period("2023-01", "M")
LAST_PERIOD = pd.Period("2026-11", "M")


@dataclass(frozen=True)
class Anchor:
    """A region-month the panel must pass through: exact counts, or percentages of population."""

    region_code: str
    period: str
    registered: int | None = None
    active: int | None = None
    coverage_pct: float | None = None
    activity_pct: float | None = None
    pemda_pct: float | None = None  # PBPU Pemda registered as % of population (steered, about)
    exact: bool = True  # False: a story point (about), not a published exact figure
    # With neither registered nor coverage_pct (an activity-only figure), coverage follows the region's own path.


ANCHORS: list[Anchor] = [
    # Kabupaten Lebong: BPJS Curup evaluation (Mar 2024) and the Kadis Kesehatan account (25 Jul 2024).
    Anchor("17.07", "2024-03", registered=113_647, active=85_244),
    Anchor("17.07", "2024-07", coverage_pct=100.71, activity_pct=75.41),
    # Kabupaten Cianjur: Feb 2025 account (Dec 2024 figures); UHC Prioritas on 26 Sep 2025 (about 100 % / > 82 %,
    # 30.3 % of population registered by the Pemda); before that it was not Prioritas.
    Anchor("32.03", "2024-12", coverage_pct=96.00, activity_pct=68.70),
    Anchor("32.03", "2025-08", coverage_pct=99.42, activity_pct=79.63, pemda_pct=29.6, exact=False),
    Anchor("32.03", "2025-09", coverage_pct=100.02, activity_pct=82.31, pemda_pct=30.3, exact=False),
    # Pekalongan area, UHC Award 2023 (Radar Pekalongan, 14 Mar 2023): counts as published.
    Anchor("33.75", "2023-03", registered=274_974, active=230_665),
    Anchor("33.25", "2023-03", registered=726_521, active=550_747),
    Anchor("33.26", "2023-03", registered=842_070, active=695_856),
    # Kota Cimahi, Dec 2025.
    Anchor("32.77", "2025-12", coverage_pct=98.25, activity_pct=81.53),
    # Lowest coverage at end-2023 (harianjogja, 9 Jan 2024); Pulau Taliabu is the lowest of all.
    Anchor("35.09", "2023-12", coverage_pct=69.60),
    Anchor("82.04", "2023-12", coverage_pct=63.00),
    Anchor("82.08", "2023-12", coverage_pct=59.50),
    # FACTS.md story points: Subang and Kab. Bandung lost non cut-off on 1 Apr 2024, Sukabumi on 1 May 2024
    # (activity below 75 % while coverage stayed at or above 95 %); Pamekasan 98.60 / 79.14 was non-prioritas.
    Anchor("32.13", "2024-03", coverage_pct=96.84, activity_pct=74.62, exact=False),
    Anchor("32.04", "2024-03", coverage_pct=97.31, activity_pct=74.18, exact=False),
    Anchor("32.02", "2024-04", coverage_pct=95.92, activity_pct=74.55, exact=False),
    Anchor("35.28", "2025-08", coverage_pct=98.60, activity_pct=79.14, exact=False),
    # --- added with the 2026 extension (published_figures.csv, 54 rows) ---
    # Lebong and Cianjur January 2026 (Lebong: Dukcapil Semester I 2025 denominator); Bangka, Bangka Selatan.
    Anchor("17.07", "2026-01", registered=115_863, active=96_166),
    Anchor("32.03", "2026-01", coverage_pct=99.60, activity_pct=81.54),
    Anchor("19.01", "2026-01", coverage_pct=99.19, activity_pct=80.42),
    Anchor("19.03", "2026-01", coverage_pct=99.73, activity_pct=80.37),
    # UHC Awards 2026 (December 2025): Bangka Selatan Madya through >= 25 % registered by the Pemda; Kediri Pratama;
    # Kota Batu Madya; Kota Malang and Natuna Utama (>= 18 % by the Pemda); Kota Semarang Madya "85 persen".
    Anchor("19.03", "2025-12", coverage_pct=99.70, activity_pct=80.60, pemda_pct=27.5, exact=False),
    Anchor("35.06", "2025-12", coverage_pct=98.72, activity_pct=80.12),
    Anchor("35.79", "2025-12", registered=223_352, activity_pct=86.10, exact=False),
    Anchor("35.73", "2025-12", registered=944_040, activity_pct=96.20, pemda_pct=19.5, exact=False),
    Anchor("21.03", "2025-12", coverage_pct=100.26, activity_pct=95.47, pemda_pct=21.0),
    Anchor("33.74", "2025-12", coverage_pct=99.10, activity_pct=85.40, exact=False),
    Anchor("33.74", "2026-01", coverage_pct=99.15, activity_pct=85.00, exact=False),
    Anchor("35.07", "2025-12", registered=2_678_471, activity_pct=64.00, exact=False),  # Kab. Malang, about 64 %
    Anchor("21.72", "2026-01", coverage_pct=97.47),  # Tanjung Pinang: not UHC, 0.51 short
    Anchor("32.73", "2026-01", coverage_pct=98.03),  # Kota Bandung 1 Jan 2026
    Anchor("32.73", "2026-02", registered=2_576_502),  # 1 Feb 2026 = 2,576,502 / 2,599,743 = 99.11 %
    # Riau, 1 Nov 2025 (BPJS Wilayah II)
    Anchor("14.10", "2025-11", coverage_pct=103.44, activity_pct=98.44),
    Anchor("14.71", "2025-11", coverage_pct=100.76, activity_pct=83.15),
    Anchor("14.05", "2025-11", coverage_pct=99.53, activity_pct=85.84),
    Anchor("14.08", "2025-11", coverage_pct=98.87, activity_pct=82.25),
    Anchor("14.09", "2025-11", coverage_pct=98.80, activity_pct=82.92),
    Anchor("14.03", "2025-11", coverage_pct=98.65, activity_pct=84.10),
    Anchor("14.72", "2025-11", coverage_pct=98.55, activity_pct=85.44),
    # Sulawesi Barat activity, October 2025 (Dinkes Sulbar)
    Anchor("76.04", "2025-10", activity_pct=89.01),
    Anchor("76.05", "2025-10", activity_pct=88.34),
    Anchor("76.02", "2025-10", activity_pct=85.28),
    Anchor("76.03", "2025-10", activity_pct=83.38),
    Anchor("76.06", "2025-10", activity_pct=82.78),
    Anchor("76.01", "2025-10", activity_pct=72.36),
    # Kota Bogor October 2025: 98.67 / 79.85, UHC Cut Off (FACTS §1, §3); May 2024 counts (Sem I 2023 denominator)
    Anchor("32.71", "2024-05", registered=1_134_634),
    Anchor("32.71", "2025-10", coverage_pct=98.67, activity_pct=79.85, exact=False),
    # Kebumen March 2025 (about 99 %, active derived from the non-active count)
    Anchor("33.05", "2025-03", registered=1_432_409, active=1_094_471),
    # Rembang 1 Jul 2025; Garut 31 May 2024; Sumedang Aug 2024 (0.3 short of non cut-off)
    Anchor("33.17", "2025-07", registered=655_261, activity_pct=80.40),
    Anchor("32.05", "2024-05", coverage_pct=89.40),
    Anchor("32.11", "2024-08", coverage_pct=95.69, activity_pct=74.60),
    # Lampung, June 2024 (Kemenko PMK monev): Tulang Bawang Barat the only kab/kota not UHC
    Anchor("18.72", "2024-06", activity_pct=84.27),
    Anchor("18.13", "2024-06", activity_pct=80.10),
    Anchor("18.03", "2024-06", activity_pct=80.19),
    Anchor("18.12", "2024-06", coverage_pct=86.25),
    # Pemalang March 2023 (rounded counts of the Radar Pekalongan article); Bangka Tengah end-2023 (about)
    Anchor("33.27", "2023-03", registered=1_330_500, active=1_023_000),
    Anchor("19.04", "2023-12", coverage_pct=96.55, activity_pct=74.92, exact=False),
    # Belitung Timur 2024 (Profil Kesehatan, year-level; placed in December)
    Anchor("19.06", "2024-12", registered=129_776),
]


def population_pins() -> dict[str, dict[str, int]]:
    """Published denominators other than the Semester II 2024 file, by region and semester
    (``data/reference/penduduk_published.csv`` via :func:`uhc_lib.inputs.reference.population_by_semester`)."""
    from uhc_lib.inputs import reference

    table = reference.population_by_semester()
    table = table[table["semester"] != "S2-2024"]
    out: dict[str, dict[str, int]] = {}
    for r in table.itertuples():
        out.setdefault(str(r.region_code), {})[str(r.semester)] = int(r.population)
    return out


POPULATION_PINS = population_pins()

BACKCAST_PINS = ("17.07", "33.75", "33.25", "33.26")
"""The pins the Semester I 2023 growth shift was fitted with before the 2026 extension. Fitting it on them alone
keeps every other region's 2022-2024 denominators as they were; a later pin replaces its region's values and the
difference goes to the largest free region."""

# National figures (published_figures.csv, region_code 0). The press's 94.77 % for Dec 2023 disagrees with its
# own counts (267.31 / 279.12 million = 95.77 %); the panel reproduces the counts.
NATIONAL_POPULATION_S1_2023 = 279_120_000
NATIONAL_REGISTERED_2023_12 = 267_310_000
REGIONS_AT_95_2023_12 = 416
REGIONS_AT_98_80_2025_08 = 331
NATIONAL_REGISTERED_2025_12 = 282_700_000  # 282.7 million, 98.62 % (jabar.jpnn.com, lanskapberita.com)
NATIONAL_COVERAGE_2025_12 = 98.62  # sets the Semester I 2025 national population (about 286.66 million)
NATIONAL_ACTIVITY_2025_12 = 81.45
# DTSEN PBI JK deactivations (Kemensos; FACTS §6): the quota of 96.8 million is refilled, so activity recovers.
PBI_QUOTA = 96_800_000
PBI_DEACTIVATIONS = {"2025-05": 7_397_277, "2026-02": 11_000_000}
PBI_RECOVERY_MONTHS = 4  # months over which the deactivated places are refilled or reactivated
# UHC Awards 2026 (December 2025): 397 kab/kota awarded, 75 Utama, 192 Madya, 130 Pratama; printed beside the panel's
AWARDS_2026 = {"utama": 75, "madya": 192, "pratama": 130}
LOWEST_2023_12 = "82.08"

# Published percentages that contradict the same source's own counts; the panel reproduces the counts.
INCONSISTENT_PUBLISHED = {
    ("0", "2023-12", "coverage_pct"): "94.77 published; 267.31 / 279.12 million = 95.77 %",
    ("33.25", "2023-03", "coverage_pct"): "87.86 published; 726,521 / 828,576 = 87.68 % (digits swapped)",
}
