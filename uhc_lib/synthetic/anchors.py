"""Published figures the illustrative panel must reproduce, and the targets the generator steers to.

Exact counts and percentages come from ``data/reference/published_figures.csv`` (sources there) and
``shared/domain/FACTS.md``. Percentages are of population and must round (2 decimals) to the figure given.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

FIRST_PERIOD = pd.Period("2023-01", "M")
LAST_PERIOD = pd.Period("2025-12", "M")


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
]

# Dukcapil populations used as denominators that differ from the Semester II 2024 file, by semester label.
POPULATION_PINS: dict[str, dict[str, int]] = {
    "17.07": {"S1-2023": 112_982, "S1-2025": 116_169},  # Lebong 2024-03 and 2026-01 denominators
    "33.75": {"S1-2022": 316_933},
    "33.25": {"S1-2022": 828_576},
    "33.26": {"S1-2022": 1_000_810},
}

# National figures (published_figures.csv, region_code 0). The press's 94.77 % for Dec 2023 disagrees with its
# own counts (267.31 / 279.12 million = 95.77 %); the panel reproduces the counts.
NATIONAL_POPULATION_S1_2023 = 279_120_000
NATIONAL_REGISTERED_2023_12 = 267_310_000
REGIONS_AT_95_2023_12 = 416
REGIONS_AT_98_80_2025_08 = 331
NATIONAL_REGISTERED_2025_12 = 282_704_000  # "more than 98 %", 282.7 million
NATIONAL_ACTIVITY_2025_12 = 81.45
LOWEST_2023_12 = "82.08"

# Published percentages that contradict the same source's own counts; the panel reproduces the counts.
INCONSISTENT_PUBLISHED = {
    ("0", "2023-12", "coverage_pct"): "94.77 published; 267.31 / 279.12 million = 95.77 %",
    ("33.25", "2023-03", "coverage_pct"): "87.86 published; 726,521 / 828,576 = 87.68 % (digits swapped)",
}
