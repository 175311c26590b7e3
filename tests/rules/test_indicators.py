"""Tests for uhc_lib.rules.indicators: coverage, activity, inactivity, totals and exact threshold arithmetic."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import PCTS, count_rows, make_panel
from tests.helpers import row_at as one
from uhc_lib.rules.indicators import (
    add_indicators,
    indicators,
    meets,
    national,
    region_totals,
    required_count,
)

# Lebong (17.07), July 2024: published 100.71 % coverage and 75.41 % activity (active / population).
LEBONG = ("17.07", "2024-07", "total", 113_822, 114_630, 85_833)


def test_lebong_july_2024_arithmetic():
    ind = indicators(make_panel([LEBONG]))
    row = one(ind, "17.07", "2024-07")
    assert row["population"] == 113_822
    assert row["registered"] == 114_630
    assert row["active"] == 85_833
    assert row["inactive"] == 28_797
    assert round(row["coverage_pct"], 2) == 100.71
    assert round(row["activity_pct"], 2) == 75.41
    assert round(row["inactive_pct"], 2) == 25.30
    # Exact identity (floats) and the published, rounded one: 100.71 - 75.41 = 25.30.
    assert row["coverage_pct"] - row["activity_pct"] == pytest.approx(row["inactive_pct"], abs=1e-9)
    assert round(round(row["coverage_pct"], 2) - round(row["activity_pct"], 2), 2) == round(row["inactive_pct"], 2)
    assert round(row["active_of_registered_pct"], 2) == round(100 * 85_833 / 114_630, 2) == 74.88


def test_lebong_march_2024_published_figures():
    # published_figures.csv: 112,982 population, 113,647 registered, 85,244 active -> 100.59 / 75.45.
    row = indicators(make_panel([("17.07", "2024-03", "total", 112_982, 113_647, 85_244)])).iloc[0]
    assert round(row["coverage_pct"], 2) == 100.59
    assert round(row["activity_pct"], 2) == 75.45


def test_activity_uses_population_not_registered():
    row = indicators(make_panel([("01.01", "2024-01", "total", 1_000, 800, 600)])).iloc[0]
    assert row["activity_pct"] == pytest.approx(60.0)
    assert row["active_of_registered_pct"] == pytest.approx(75.0)
    assert row["coverage_pct"] == pytest.approx(80.0)
    assert row["inactive_pct"] == pytest.approx(20.0)


def test_pekalongan_active_of_registered():
    # Kota Pekalongan (33.75), March 2023: 230,665 active of 274,974 registered = 83.89 %; coverage 86.76 %.
    row = indicators(make_panel([("33.75", "2023-03", "total", 316_933, 274_974, 230_665)])).iloc[0]
    assert round(row["active_of_registered_pct"], 2) == 83.89
    assert round(row["coverage_pct"], 2) == 86.76
    # The other ratio (active / population) is a different number and must not be confused with it.
    assert round(row["activity_pct"], 2) == 72.78


def test_region_totals_sums_segments_and_takes_population_once():
    panel = make_panel(
        [
            ("17.07", "2024-07", "pbi_apbn", 113_822, 50_000, 45_000),
            ("17.07", "2024-07", "pbpu_pemda", 113_822, 30_000, 20_000),
            ("17.07", "2024-07", "ppu", 113_822, 20_000, 15_000),
            ("17.07", "2024-07", "pbpu_mandiri", 113_822, 10_000, 4_000),
            ("17.07", "2024-07", "bp", 113_822, 4_630, 1_833),
            ("17.07", "2024-08", "pbi_apbn", 113_900, 51_000, 46_000),
            ("17.07", "2024-08", "pbpu_pemda", 113_900, 31_000, 21_000),
            ("32.03", "2024-07", "pbi_apbn", 2_614_845, 1_000_000, 900_000),
            ("32.03", "2024-07", "ppu", 2_614_845, 500_000, 400_000),
        ]
    )
    totals = region_totals(panel)
    assert len(totals) == 3
    lebong = one(totals, "17.07", "2024-07")
    assert lebong["population"] == 113_822
    assert lebong["registered"] == 114_630
    assert lebong["active"] == 85_833
    assert lebong["pemda_registered"] == 30_000
    aug = one(totals, "17.07", "2024-08")
    assert (aug["population"], aug["registered"], aug["active"], aug["pemda_registered"]) == (
        113_900,
        82_000,
        67_000,
        31_000,
    )
    cianjur = one(totals, "32.03", "2024-07")
    assert cianjur["population"] == 2_614_845
    assert cianjur["registered"] == 1_500_000
    # Segment breakdown present but no PBPU Pemda row: zero registered by the Pemda, not unknown.
    assert not pd.isna(cianjur["pemda_registered"])
    assert cianjur["pemda_registered"] == 0


def test_region_totals_same_as_total_row():
    segmented = make_panel(
        [
            ("17.07", "2024-07", "pbi_apbn", 113_822, 100_000, 80_000),
            ("17.07", "2024-07", "pbpu_pemda", 113_822, 14_630, 5_833),
        ]
    )
    total = make_panel([LEBONG])
    a = indicators(segmented).iloc[0]
    b = indicators(total).iloc[0]
    for col in ("population", "registered", "active", "inactive", "coverage_pct", "activity_pct", "inactive_pct"):
        assert a[col] == b[col], col


def test_pemda_registered_na_without_segment_breakdown():
    panel = make_panel(
        [
            LEBONG,
            ("32.03", "2024-07", "pbi_apbn", 2_614_845, 1_000_000, 900_000),
            ("32.03", "2024-07", "pbpu_pemda", 2_614_845, 784_454, 700_000),
        ]
    )
    ind = indicators(panel)
    lebong = one(ind, "17.07", "2024-07")
    assert pd.isna(lebong["pemda_registered"])
    assert pd.isna(lebong["pemda_pct"])
    cianjur = one(ind, "32.03", "2024-07")
    assert cianjur["pemda_registered"] == 784_454
    assert round(float(cianjur["pemda_pct"]), 2) == 30.00


def test_zero_registered_gives_nan_active_of_registered():
    ind = indicators(make_panel([("01.01", "2024-01", "total", 5_000, 0, 0)]))
    row = ind.iloc[0]
    assert pd.isna(row["active_of_registered_pct"])
    assert row["coverage_pct"] == 0.0
    assert row["activity_pct"] == 0.0
    assert row["inactive"] == 0


def test_add_indicators_without_pemda_column_has_no_pemda_pct():
    totals = pd.DataFrame(
        {
            "region_code": ["01.01"],
            "period": pd.PeriodIndex(["2024-01"], freq="M"),
            "population": [1_000],
            "registered": [950],
            "active": [750],
        }
    )
    out = add_indicators(totals)
    assert "pemda_pct" not in out
    assert out.loc[0, "inactive"] == 200
    # the input is not modified
    assert "coverage_pct" not in totals


def test_national_sums_regions_per_month():
    panel = make_panel(
        [
            LEBONG,
            ("32.03", "2024-07", "total", 2_614_845, 2_510_251, 1_796_399),
            ("17.07", "2024-08", "total", 113_900, 114_700, 86_000),
        ]
    )
    nat = national(indicators(panel))
    assert list(nat["period"]) == [pd.Period("2024-07", "M"), pd.Period("2024-08", "M")]
    assert (nat["region_code"] == "0").all()
    jul = nat.iloc[0]
    assert jul["population"] == 113_822 + 2_614_845
    assert jul["registered"] == 114_630 + 2_510_251
    assert jul["active"] == 85_833 + 1_796_399
    assert jul["inactive"] == jul["registered"] - jul["active"]
    # a ratio of the sums, not an average of the regions' percentages
    assert jul["coverage_pct"] == pytest.approx(100 * (114_630 + 2_510_251) / (113_822 + 2_614_845))
    assert jul["activity_pct"] == pytest.approx(100 * (85_833 + 1_796_399) / (113_822 + 2_614_845))
    aug = nat.iloc[1]
    assert (aug["population"], aug["registered"], aug["active"]) == (113_900, 114_700, 86_000)


def test_required_count_is_exact():
    assert int(required_count(113_822, 75)) == 85_367  # 75 % of 113,822 = 85,366.5
    assert int(required_count(2_614_845, 80)) == 2_091_876  # exactly 80 %: no extra person
    assert int(required_count(2_614_845, 98)) == 2_562_549  # 2,562,548.1 -> 2,562,549
    assert int(required_count(2_614_845, 95)) == 2_484_103
    assert int(required_count(100, 95)) == 95
    assert int(required_count(0, 95)) == 0
    vec = required_count(pd.Series([113_822, 1_000, 1]), 75)
    assert list(np.asarray(vec)) == [85_367, 750, 1]


def test_meets_exact_at_the_boundary():
    # 85,366 / 113,822 = 74.99956 %: rounds to 75.00 but does not meet 75 %.
    assert round(100 * 85_366 / 113_822, 2) == 75.00
    assert 100 * 85_366 / 113_822 > 74.999
    assert not bool(meets(85_366, 113_822, 75))
    assert bool(meets(85_367, 113_822, 75))
    assert bool(meets(85_833, 113_822, 75))  # Lebong July 2024
    assert bool(meets(1_796_399 + 295_477, 2_614_845, 80))
    assert not bool(meets(1_796_399 + 295_476, 2_614_845, 80))
    result = meets(pd.Series([749, 750, 751]), pd.Series([1_000, 1_000, 1_000]), 75)
    assert list(result) == [False, True, True]


def test_required_count_respects_pct_beyond_two_decimals():
    # 12,345 is exactly 12.345 % of 100,000; 12,340 is only 12.34 %.
    assert int(required_count(100_000, 12.345)) == 12_345
    # 85,366 / 113,822 = 74.99956 % >= 74.999 %, so 85,366 is enough for 74.999 %.
    assert int(required_count(113_822, 74.999)) == 85_366


# ---------------------------------------------------------------- property tests


@settings(max_examples=75, deadline=None)
@given(count_rows())
def test_property_inactive_pct_is_coverage_minus_activity(rows):
    ind = indicators(make_panel(rows))
    assert (ind["inactive"] >= 0).all()
    assert (ind["inactive"] == ind["registered"] - ind["active"]).all()
    for _, r in ind.iterrows():
        assert r["inactive_pct"] == pytest.approx(r["coverage_pct"] - r["activity_pct"], rel=1e-12, abs=1e-9)
        assert r["activity_pct"] <= r["coverage_pct"] + 1e-12
        if r["registered"] > 0:
            assert 0 <= r["active_of_registered_pct"] <= 100
        else:
            assert math.isnan(r["active_of_registered_pct"])


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=300_000_000), PCTS)
def test_property_required_count_is_the_smallest_meeting_count(population, pct):
    need = int(required_count(population, pct))
    assert 0 <= need <= population
    assert bool(meets(need, population, pct))
    # at least pct percent, compared in exact integer arithmetic
    assert need * 10_000 >= population * round(pct * 100)
    if need > 0:
        assert not bool(meets(need - 1, population, pct))
        assert (need - 1) * 10_000 < population * round(pct * 100)
